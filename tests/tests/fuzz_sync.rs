//! A property run over `POST /v1/sync` bodies, our own fuzzing: bytes, arbitrary JSON, and sync
//! bodies with every field bent (ids, cursors, clocks, question ids, values of any type), sent
//! through the server's whole router as an authenticated device. None may panic it or get a
//! 5xx; every refusal is API.md's JSON error with a known code.
//!
//! 1,000 cases in the test command; a long run:
//! `PROPTEST_CASES=1000000 cargo test --release -p kosh-tests --test fuzz_sync`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use kosh_shared::api::ERROR_CODES;
use kosh_tests::TestServer;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};
use tower::ServiceExt;

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,24}".prop_map(Value::from),
        Just(Value::from("1990-06-15")),
        Just(Value::from("x".repeat(5000))),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn id() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => "[a-z0-9-]{1,16}".prop_map(Value::from),
        1 => ".{0,200}".prop_map(Value::from),
        1 => json_value(),
    ]
}

fn question_id() -> impl Strategy<Value = Value> {
    const REAL: &[&str] = &[
        "personal.surname",
        "personal.birth_date",
        "personal.is_ethnic_kazakh",
        "education.level",
        "family.members",
        "family.members[0].relation",
        "family.members[999999999999].relation",
        "work.history[0].ongoing",
        "documents.passport",
        "citizenship.exit_consent",
        "nope.nothing",
        "",
        "personal",
        "personal.surname[0]",
    ];
    prop_oneof![
        4 => proptest::sample::select(REAL).prop_map(Value::from),
        1 => ".{0,40}".prop_map(Value::from),
        1 => json_value(),
    ]
}

fn hlc() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => (any::<u64>(), any::<u16>(), "[a-z0-9-]{0,12}").prop_map(|(wall, counter, device)| {
            Value::from(format!("{wall}/{counter:04}/{device}"))
        }),
        2 => (0u64..4_000_000_000_000, any::<u32>(), "[a-z]{1,6}").prop_map(|(wall, c, d)| {
            kosh_shared::hlc::Hlc::new(wall, c, &d)
                .map(|h| Value::from(h.to_string()))
                .unwrap_or(Value::Null)
        }),
        1 => json_value(),
    ]
}

fn op() -> impl Strategy<Value = Value> {
    (
        id(),
        id(),
        prop_oneof![4 => Just(Value::from("residence-2026")), 1 => id()],
        question_id(),
        json_value(),
        hlc(),
        prop::option::of(("[a-z_]{1,8}", json_value())),
    )
        .prop_map(|(op_id, draft_id, form_id, field, value, hlc, extra)| {
            let mut op = json!({"op_id": op_id, "draft_id": draft_id, "form_id": form_id,
                                "field": field, "value": value, "hlc": hlc});
            if let Some((key, value)) = extra {
                op[key] = value;
            }
            op
        })
}

fn sync_body() -> impl Strategy<Value = Vec<u8>> {
    let structured = (
        id(),
        prop_oneof![
            3 => any::<u64>().prop_map(Value::from),
            1 => json_value(),
        ],
        prop_oneof![
            4 => prop::collection::vec(op(), 0..8).prop_map(Value::Array),
            1 => json_value(),
        ],
    )
        .prop_map(|(device_id, cursor, ops)| {
            json!({"device_id": device_id, "cursor": cursor, "ops": ops})
                .to_string()
                .into_bytes()
        });
    prop_oneof![
        6 => structured,
        2 => json_value().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..256),
        1 => ".{0,64}".prop_map(String::into_bytes),
    ]
}

#[test]
fn no_sync_body_panics_the_server_or_gets_a_5xx() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (server, token) = runtime.block_on(async {
        let server = TestServer::start().await;
        let tokens = server.register("fuzz@example.kz").await;
        (server, tokens.access_token)
    });
    let app = kosh_backend::router(server.state.clone());
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let mut runner = TestRunner::new(Config::with_cases(cases));
    let accepted = std::cell::Cell::new(0u32);
    let result = runner.run(&sync_body(), |body| {
        let request = Request::post("/v1/sync")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::from(body.clone()))
            .unwrap();
        let response = runtime
            .block_on(app.clone().oneshot(request))
            .unwrap_or_else(|e| match e {});
        let status = response.status();
        let bytes = runtime
            .block_on(axum::body::to_bytes(response.into_body(), 4 << 20))
            .map_err(|e| TestCaseError::fail(format!("reading the answer: {e}")))?;
        prop_assert!(
            !status.is_server_error(),
            "{status} for {}: {}",
            String::from_utf8_lossy(&body),
            String::from_utf8_lossy(&bytes)
        );
        if status == StatusCode::OK {
            accepted.set(accepted.get() + 1);
        } else {
            let answer: Value = serde_json::from_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("{status}: not JSON: {e}")))?;
            let code = answer["error"]["code"].as_str().unwrap_or("");
            prop_assert!(
                ERROR_CODES.contains(&code),
                "{status}: unknown code {answer}"
            );
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    println!(
        "{cases} sync bodies: {} accepted, the rest refused with a JSON 4xx",
        accepted.get()
    );
    drop(server);
}
