//! Applications over real HTTP: submission re-validates and scores the merged draft, is
//! idempotent by key, officers move it through the stages in order, the applicant reports
//! what a notice said (marked as theirs, an officer's word counting over it), and nobody else
//! sees it.

use kosh_tests::{TestServer, now_ms, op};
use serde_json::{Value, json};

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

#[tokio::test]
async fn submit_scores_and_is_idempotent() {
    let server = TestServer::start().await;
    let token = server.register("apply@example.kz").await.access_token;
    let draft = server.valid_draft(&token, "phone").await;

    let submit = json!({"draft_id": draft, "idempotency_key": "key-1"});
    let (status, app) = server
        .post("/v1/applications", Some(&token), submit.clone())
        .await;
    assert_eq!(status, 201, "{app}");
    assert_eq!(app["draft_id"], draft.as_str());
    assert_eq!(app["form_id"], "residence-2026");
    assert_eq!(app["form_version"], 2);
    assert_eq!(app["stage"], "submitted");
    assert_eq!(app["outcome"], "pending");
    assert_eq!(app["score"]["pass_mark"], 400);
    assert_eq!(app["score"]["status"], "illustrative");
    let criteria: Vec<&str> = app["score"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for id in [
        "age",
        "education",
        "language_kazakh",
        "work_experience",
        "adaptability",
    ] {
        assert!(criteria.contains(&id), "{id} in {criteria:?}");
    }
    let total: u64 = app["score"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_u64().unwrap())
        .sum();
    assert_eq!(app["score"]["total"].as_u64().unwrap(), total);
    assert_eq!(app["timeline"][0]["stage"], "submitted");
    assert!(app["expected_by"].is_string());
    assert_eq!(app["overdue"], false);

    let (status, again) = server.post("/v1/applications", Some(&token), submit).await;
    assert_eq!(status, 200);
    assert_eq!(again, app, "the same application, nothing created twice");
    let (_, list) = server.get("/v1/applications", Some(&token)).await;
    assert_eq!(list, json!([app.clone()]));
    let id = app["id"].as_str().unwrap();
    let (status, one) = server
        .get(&format!("/v1/applications/{id}"), Some(&token))
        .await;
    assert_eq!((status, &one), (200, &app));

    // Still there after a restart.
    let dir = server.stop().await;
    let server = TestServer::restart(dir).await;
    let (status, one) = server
        .get(&format!("/v1/applications/{id}"), Some(&token))
        .await;
    assert_eq!((status, one), (200, app));
}

#[tokio::test]
async fn an_incomplete_draft_is_refused_with_its_fields() {
    let server = TestServer::start().await;
    let token = server.register("incomplete@example.kz").await.access_token;
    server
        .post(
            "/v1/sync",
            Some(&token),
            json!({"device_id": "p", "cursor": 0, "ops": [op("o1", "half", "education.level", json!("bachelor"), now_ms(), "p")]}),
        )
        .await;
    let (status, body) = server
        .post(
            "/v1/applications",
            Some(&token),
            json!({"draft_id": "half", "idempotency_key": "k"}),
        )
        .await;
    assert_eq!((status, code(&body)), (422, "validation_failed"));
    let fields = body["error"]["fields"].as_array().unwrap();
    assert!(
        fields
            .iter()
            .any(|f| f["field"] == "personal.birth_date" && f["code"] == "required"),
        "{body}"
    );
    let (_, list) = server.get("/v1/applications", Some(&token)).await;
    assert_eq!(list, json!([]));

    let (status, body) = server
        .post(
            "/v1/applications",
            Some(&token),
            json!({"draft_id": "no-such-draft", "idempotency_key": "k2"}),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    let (status, body) = server
        .post(
            "/v1/applications",
            Some(&token),
            json!({"draft_id": "half", "idempotency_key": "k3", "x": 1}),
        )
        .await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
}

#[tokio::test]
async fn officers_move_applications_through_the_stages_in_order() {
    let server = TestServer::start().await;
    let token = server.register("stages@example.kz").await.access_token;
    let draft = server.valid_draft(&token, "phone").await;
    let (_, app) = server
        .post(
            "/v1/applications",
            Some(&token),
            json!({"draft_id": draft, "idempotency_key": "s"}),
        )
        .await;
    let events = format!("/v1/applications/{}/events", app["id"].as_str().unwrap());

    // An applicant may not.
    let (status, body) = server
        .post(
            &events,
            Some(&token),
            json!({"stage": "submitted", "outcome": "passed"}),
        )
        .await;
    assert_eq!((status, code(&body)), (403, "forbidden"));

    let officer = server.officer("officer@example.kz").await;
    assert_eq!(officer.user.role, kosh_shared::api::Role::Officer);
    let officer = officer.access_token;
    // Out of order.
    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "interview", "outcome": "passed"}),
        )
        .await;
    assert_eq!((status, code(&body)), (409, "invalid_transition"));

    let (status, next) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "submitted", "outcome": "passed", "note": "documents complete"}),
        )
        .await;
    assert_eq!(status, 200, "{next}");
    assert_eq!(next["stage"], "scoring");
    assert_eq!(next["outcome"], "pending");
    assert_eq!(next["timeline"][1]["note"], "documents complete");
    assert!(next["expected_by"].is_string());

    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "submitted", "outcome": "passed"}),
        )
        .await;
    assert_eq!((status, code(&body)), (409, "invalid_transition"));
    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "scoring", "outcome": "maybe"}),
        )
        .await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    let (status, body) = server
        .post(
            "/v1/applications/nope/events",
            Some(&officer),
            json!({"stage": "submitted", "outcome": "passed"}),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));

    let (status, failed) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "scoring", "outcome": "failed"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(failed["outcome"], "failed");
    assert_eq!(failed["expected_by"], Value::Null);
    let (_, seen) = server
        .get(
            &format!("/v1/applications/{}", app["id"].as_str().unwrap()),
            Some(&token),
        )
        .await;
    assert_eq!(seen, failed, "the applicant sees the officer's timeline");
    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "scoring", "outcome": "passed"}),
        )
        .await;
    assert_eq!((status, code(&body)), (409, "invalid_transition"));
}

#[tokio::test]
async fn another_users_application_is_invisible() {
    let server = TestServer::start().await;
    let alice = server.register("alice-app@example.kz").await.access_token;
    let bob = server.register("bob-app@example.kz").await.access_token;
    let draft = server.valid_draft(&alice, "a").await;
    let (_, app) = server
        .post(
            "/v1/applications",
            Some(&alice),
            json!({"draft_id": draft, "idempotency_key": "k"}),
        )
        .await;
    let (status, body) = server
        .get(
            &format!("/v1/applications/{}", app["id"].as_str().unwrap()),
            Some(&bob),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    let (_, list) = server.get("/v1/applications", Some(&bob)).await;
    assert_eq!(list, json!([]));
    // Bob cannot submit Alice's draft either, even with his own key.
    let (status, body) = server
        .post(
            "/v1/applications",
            Some(&bob),
            json!({"draft_id": draft, "idempotency_key": "k"}),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    assert_eq!(server.get("/v1/applications", None).await.0, 401);
}

#[tokio::test]
async fn the_applicant_reports_what_a_notice_said() {
    let server = TestServer::start().await;
    let token = server.register("report@example.kz").await.access_token;
    let draft = server.valid_draft(&token, "phone").await;
    let (_, app) = server
        .post(
            "/v1/applications",
            Some(&token),
            json!({"draft_id": draft, "idempotency_key": "r"}),
        )
        .await;
    let id = app["id"].as_str().unwrap();
    let reports = format!("/v1/applications/{id}/reports");
    let today = chrono::Utc::now().date_naive();
    let day = |days: i64| (today + chrono::Duration::days(days)).to_string();

    // A notice dated tomorrow, or before the submission: 422 on the date.
    for (on, why) in [(day(1), "date_too_late"), (day(-1), "date_too_early")] {
        let (status, body) = server
            .post(
                &reports,
                Some(&token),
                json!({"stage": "submitted", "outcome": "passed", "on": on}),
            )
            .await;
        assert_eq!((status, code(&body)), (422, "validation_failed"), "{body}");
        assert_eq!(body["error"]["fields"][0]["field"], "on");
        assert_eq!(body["error"]["fields"][0]["code"], why);
    }
    // Out of order, unknown fields, another applicant's application (it does not exist for
    // them), and an officer (officers record events instead).
    let other = server
        .register("other-report@example.kz")
        .await
        .access_token;
    let officer = server
        .officer("officer-report@example.kz")
        .await
        .access_token;
    let refusals = [
        (
            &token,
            json!({"stage": "interview", "outcome": "passed", "on": day(0)}),
            409,
            "invalid_transition",
        ),
        (
            &token,
            json!({"stage": "submitted", "outcome": "passed", "on": day(0), "by": "sms"}),
            400,
            "bad_request",
        ),
        (
            &other,
            json!({"stage": "submitted", "outcome": "passed", "on": day(0)}),
            404,
            "not_found",
        ),
        (
            &officer,
            json!({"stage": "submitted", "outcome": "passed", "on": day(0)}),
            403,
            "forbidden",
        ),
    ];
    for (who, body, status, expected) in refusals {
        let (got, answer) = server.post(&reports, Some(who), body.clone()).await;
        assert_eq!((got, code(&answer)), (status, expected), "{body}");
    }

    // The notice said the form was accepted and the points counted: the application moves on,
    // each step marked as the applicant's.
    let mut last = Value::Null;
    for stage in ["submitted", "scoring"] {
        let (status, body) = server
            .post(
                &reports,
                Some(&token),
                json!({"stage": stage, "outcome": "passed", "on": day(0), "note": "SMS"}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        last = body;
    }
    assert_eq!(last["stage"], "interagency_checks");
    let sources: Vec<&str> = last["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources[0], "kosh");
    assert!(
        sources[1..].iter().all(|s| *s == "applicant"),
        "{sources:?}"
    );

    // The officer's record counts over the applicant's for the same stage.
    let events = format!("/v1/applications/{id}/events");
    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "submitted", "outcome": "passed"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["stage"], "interagency_checks",
        "the report still stands for scoring"
    );
    let (status, body) = server
        .post(
            &events,
            Some(&officer),
            json!({"stage": "scoring", "outcome": "failed"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["stage"].as_str(), body["outcome"].as_str()),
        (Some("scoring"), Some("failed"))
    );
}
