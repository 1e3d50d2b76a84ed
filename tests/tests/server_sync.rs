//! Offline sync over real HTTP: push and pull in one request, idempotent op ids, merging by
//! HLC, paging, clamping, validation, ownership, and durability across restarts.

use kosh_tests::{TestServer, now_ms, op};
use serde_json::{Value, json};

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

fn sync(device: &str, cursor: u64, ops: Vec<Value>) -> Value {
    json!({"device_id": device, "cursor": cursor, "ops": ops})
}

#[tokio::test]
async fn two_devices_converge_and_see_each_others_changes() {
    let server = TestServer::start().await;
    let token = server.register("sync@example.kz").await.access_token;
    let t = now_ms();
    let (status, phone) = server
        .sync(
            &token,
            sync(
                "phone",
                0,
                vec![
                    op("o1", "d1", "education.level", json!("bachelor"), t, "phone"),
                    op("o2", "d1", "work.years_total", json!(7), t, "phone"),
                ],
            ),
        )
        .await;
    assert_eq!(status, 200, "{phone}");
    assert_eq!(phone["acked"], json!(["o1", "o2"]));
    assert_eq!(
        phone["changes"],
        json!([]),
        "a device's own ops are not echoed back"
    );
    assert_eq!(phone["more"], false);
    let phone_cursor = phone["cursor"].as_u64().unwrap();
    assert_eq!(phone_cursor, 2);

    // The tablet edits the same field later (it wins) and pulls everything from 0.
    let (status, tablet) = server
        .sync(
            &token,
            sync(
                "tablet",
                0,
                vec![op(
                    "o3",
                    "d1",
                    "education.level",
                    json!("master"),
                    t + 10,
                    "tablet",
                )],
            ),
        )
        .await;
    assert_eq!(status, 200, "{tablet}");
    let fields: Vec<&str> = tablet["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["op_id"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["o1", "o2"]);
    assert_eq!(tablet["cursor"], 3);

    // The phone, pulling from its cursor, gets only the tablet's op.
    let (_, phone) = server
        .sync(&token, sync("phone", phone_cursor, vec![]))
        .await;
    assert_eq!(phone["changes"].as_array().unwrap().len(), 1);
    assert_eq!(phone["changes"][0]["op_id"], "o3");
    assert_eq!(phone["changes"][0]["value"], "master");
    assert_eq!(phone["cursor"], 3);

    // An older edit arriving late loses.
    server
        .sync(
            &token,
            sync(
                "phone",
                3,
                vec![op(
                    "o4",
                    "d1",
                    "education.level",
                    json!("doctorate"),
                    t + 5,
                    "phone",
                )],
            ),
        )
        .await;
    let (status, draft) = server.get("/v1/drafts/d1", Some(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(draft["answers"]["education.level"], "master");
    assert_eq!(draft["answers"]["work.years_total"], 7);
    assert_eq!(draft["form_id"], "residence-2026");
    assert!(draft["updated_at"].as_str().unwrap().ends_with('Z'));

    // null clears.
    server
        .sync(
            &token,
            sync(
                "phone",
                4,
                vec![op(
                    "o5",
                    "d1",
                    "work.years_total",
                    Value::Null,
                    t + 20,
                    "phone",
                )],
            ),
        )
        .await;
    let (_, drafts) = server.get("/v1/drafts", Some(&token)).await;
    assert_eq!(drafts.as_array().unwrap().len(), 1);
    assert_eq!(drafts[0]["id"], "d1");
    assert!(drafts[0]["answers"].get("work.years_total").is_none());
}

#[tokio::test]
async fn replayed_ops_are_acked_again_and_applied_once() {
    let server = TestServer::start().await;
    let token = server.register("replay@example.kz").await.access_token;
    let t = now_ms();
    let push = sync(
        "phone",
        0,
        vec![op(
            "same",
            "d1",
            "education.level",
            json!("bachelor"),
            t,
            "phone",
        )],
    );
    let (_, first) = server.sync(&token, push.clone()).await;
    let (status, second) = server.sync(&token, push).await;
    assert_eq!(status, 200);
    assert_eq!(second["acked"], json!(["same"]));
    assert_eq!(first["cursor"], second["cursor"], "nothing new was logged");
    // Duplicates inside one request count once too.
    let dup = op("twice", "d1", "work.years_total", json!(3), t, "phone");
    let (_, third) = server
        .sync(&token, sync("phone", 1, vec![dup.clone(), dup]))
        .await;
    assert_eq!(third["acked"], json!(["twice"]));
    assert_eq!(third["cursor"], 2);
    let (_, other) = server.sync(&token, sync("tablet", 0, vec![])).await;
    assert_eq!(other["changes"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn changes_are_paged_with_more() {
    let server = TestServer::start().await;
    let token = server.register("paging@example.kz").await.access_token;
    let t = now_ms();
    // 3 pushes of 500 ops: more than one page (500) for another device.
    for batch in 0..3 {
        let ops: Vec<Value> = (0..500)
            .map(|i| {
                op(
                    &format!("o-{batch}-{i}"),
                    &format!("d{batch}"),
                    "work.years_total",
                    json!(i % 60),
                    t + i,
                    "phone",
                )
            })
            .collect();
        let (status, body) = server.sync(&token, sync("phone", 0, ops)).await;
        assert_eq!(status, 200, "{body}");
    }
    let mut cursor = 0;
    let mut seen = 0;
    let mut calls = 0;
    loop {
        let (_, page) = server.sync(&token, sync("laptop", cursor, vec![])).await;
        calls += 1;
        seen += page["changes"].as_array().unwrap().len();
        cursor = page["cursor"].as_u64().unwrap();
        if page["more"] == false {
            break;
        }
    }
    assert_eq!(seen, 1500);
    assert_eq!(cursor, 1500);
    assert!(calls >= 3, "paged: {calls} calls");
}

#[tokio::test]
async fn bad_syncs_are_refused_with_their_codes() {
    let server = TestServer::start().await;
    let token = server.register("bad@example.kz").await.access_token;
    let t = now_ms();
    let too_many: Vec<Value> = (0..501)
        .map(|i| op(&format!("o{i}"), "d1", "work.years_total", json!(1), t, "p"))
        .collect();
    let (status, body) = server.sync(&token, sync("p", 0, too_many)).await;
    assert_eq!((status, code(&body)), (400, "too_many_ops"));

    let mut bad_hlc = op("o1", "d1", "work.years_total", json!(1), t, "p");
    bad_hlc["hlc"] = json!("yesterday-ish");
    let (status, body) = server.sync(&token, sync("p", 0, vec![bad_hlc])).await;
    assert_eq!((status, code(&body)), (400, "invalid_hlc"));

    let mut unknown_form = op("o1", "d1", "work.years_total", json!(1), t, "p");
    unknown_form["form_id"] = json!("no-such-form");
    let (status, body) = server.sync(&token, sync("p", 0, vec![unknown_form])).await;
    assert_eq!((status, code(&body)), (400, "unknown_form"));

    let (status, body) = server
        .sync(
            &token,
            sync(
                "p",
                0,
                vec![op("o1", "d1", "no.such_question", json!(1), t, "p")],
            ),
        )
        .await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    assert_eq!(body["error"]["fields"][0]["field"], "no.such_question");

    let (status, body) = server
        .sync(
            &token,
            json!({"device_id": "p", "cursor": 0, "ops": [], "extra": true}),
        )
        .await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    let (status, body) = server.post("/v1/sync", None, sync("p", 0, vec![])).await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));
    // Nothing of the refused requests was written.
    let (_, drafts) = server.get("/v1/drafts", Some(&token)).await;
    assert_eq!(drafts, json!([]));
}

#[tokio::test]
async fn another_users_draft_is_invisible_and_untouchable() {
    let server = TestServer::start().await;
    let alice = server.register("alice@example.kz").await.access_token;
    let bob = server.register("bob@example.kz").await.access_token;
    let t = now_ms();
    server
        .sync(
            &alice,
            sync(
                "a",
                0,
                vec![op(
                    "a1",
                    "alices",
                    "education.level",
                    json!("bachelor"),
                    t,
                    "a",
                )],
            ),
        )
        .await;
    let (status, body) = server.get("/v1/drafts/alices", Some(&bob)).await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    // Bob's push mixes his own new draft with Alice's: refused whole, nothing written.
    let (status, body) = server
        .sync(
            &bob,
            sync(
                "b",
                0,
                vec![
                    op("b1", "bobs", "education.level", json!("master"), t + 1, "b"),
                    op("b2", "alices", "education.level", json!("none"), t + 1, "b"),
                ],
            ),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    let (_, bobs) = server.get("/v1/drafts", Some(&bob)).await;
    assert_eq!(bobs, json!([]));
    let (_, pulled) = server.sync(&bob, sync("b", 0, vec![])).await;
    assert_eq!(pulled["changes"], json!([]));
    assert_eq!(pulled["cursor"], 0);
    let (_, draft) = server.get("/v1/drafts/alices", Some(&alice)).await;
    assert_eq!(draft["answers"]["education.level"], "bachelor");
    // And Bob's pull never shows Alice's ops.
    let (_, alices) = server.sync(&alice, sync("other", 0, vec![])).await;
    assert_eq!(alices["changes"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn clocks_far_in_the_future_are_clamped() {
    let server = TestServer::start().await;
    let token = server.register("future@example.kz").await.access_token;
    let t = now_ms();
    let year = 365 * 24 * 3600 * 1000;
    server
        .sync(
            &token,
            sync(
                "fast",
                0,
                vec![op(
                    "f1",
                    "d1",
                    "education.level",
                    json!("doctorate"),
                    t + 10 * year,
                    "fast",
                )],
            ),
        )
        .await;
    // The clamped op goes back to its own device too, so it can adopt the server's stamp.
    let (_, echo) = server.sync(&token, sync("fast", 0, vec![])).await;
    assert_eq!(echo["changes"][0]["op_id"], "f1");
    let clamped: kosh_shared::hlc::Hlc =
        echo["changes"][0]["hlc"].as_str().unwrap().parse().unwrap();
    let skew = server.state.settings.max_clock_skew.as_millis() as u64;
    assert!(
        clamped.wall_ms <= now_ms() + skew,
        "pulled back to now + skew"
    );
    // So an honest device's next edit wins, instead of losing to that phone for ten years.
    server
        .sync(
            &token,
            sync(
                "honest",
                0,
                vec![op(
                    "h1",
                    "d1",
                    "education.level",
                    json!("bachelor"),
                    clamped.wall_ms + 1,
                    "honest",
                )],
            ),
        )
        .await;
    let (_, draft) = server.get("/v1/drafts/d1", Some(&token)).await;
    assert_eq!(draft["answers"]["education.level"], "bachelor");
}

#[tokio::test]
async fn acknowledged_ops_survive_a_restart() {
    let server = TestServer::start().await;
    let token = server.register("durable@example.kz").await.access_token;
    let t = now_ms();
    let (_, pushed) = server
        .sync(
            &token,
            sync(
                "p",
                0,
                vec![op("k1", "d1", "education.level", json!("master"), t, "p")],
            ),
        )
        .await;
    assert_eq!(pushed["acked"], json!(["k1"]));
    let dir = server.stop().await;
    let server = TestServer::restart(dir).await;
    let (status, draft) = server.get("/v1/drafts/d1", Some(&token)).await;
    assert_eq!(status, 200, "{draft}");
    assert_eq!(draft["answers"]["education.level"], "master");
    let (_, again) = server
        .sync(
            &token,
            sync(
                "p",
                1,
                vec![op("k1", "d1", "education.level", json!("master"), t, "p")],
            ),
        )
        .await;
    assert_eq!(
        again["cursor"], 1,
        "the op id is still known after the restart"
    );
}

#[tokio::test]
async fn concurrent_pushes_all_land() {
    let server = TestServer::start().await;
    let token = server.register("concurrent@example.kz").await.access_token;
    let t = now_ms();
    let before = server.state.store.commits();
    let mut tasks = Vec::new();
    for i in 0..40u64 {
        let client = server.client.clone();
        let url = server.url("/v1/sync");
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            let body = sync(
                &format!("dev{i}"),
                0,
                vec![op(
                    &format!("c{i}"),
                    &format!("d{i}"),
                    "work.years_total",
                    json!(i),
                    t + i,
                    &format!("dev{i}"),
                )],
            );
            let resp = client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 200);
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let (_, drafts) = server.get("/v1/drafts", Some(&token)).await;
    assert_eq!(drafts.as_array().unwrap().len(), 40);
    // Every acknowledged push was flushed, and never more than once: pushes arriving together
    // share a flush (group commit). How many share depends on the machine's timing, so that is
    // the benchmark's number to print, not this test's to assert.
    let flushes = server.state.store.commits() - before;
    assert!(
        (1..=40).contains(&flushes),
        "40 pushes took {flushes} flushes"
    );
    println!("40 concurrent pushes: {flushes} flushes");
}
