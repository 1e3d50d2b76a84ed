//! Reference data over real HTTP: forms and the policy, with ETags and 304s, no login needed.

use kosh_shared::testing::NEXT_RESIDENCE_VERSION as NEXT;
use kosh_tests::{TestServer, example_answers};
use serde_json::Value;

#[tokio::test]
async fn forms_are_listed_and_served_with_etags() {
    let server = TestServer::start().await;
    let (status, list) = server.get("/v1/forms", None).await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["id"], "residence-2026");
    assert_eq!(list[0]["version"], 1);
    assert_eq!(list[0]["title_key"], "form-residence-title");

    let resp = server
        .client
        .get(server.url("/v1/forms/residence-2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let etag = resp.headers()["etag"].to_str().unwrap().to_owned();
    let form: Value = resp.json().await.unwrap();
    assert_eq!(form["id"], "residence-2026");
    let answers = example_answers(&form);
    for id in [
        "personal.birth_date",
        "education.level",
        "languages.kazakh",
        "kandas.preferred_region",
    ] {
        assert!(answers.iter().any(|(q, _)| q == id), "{id}");
    }
    assert!(
        answers.iter().all(|(_, example)| !example.is_null()),
        "every question has an example"
    );

    let resp = server
        .client
        .get(server.url("/v1/forms/residence-2026"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 304);
    assert_eq!(resp.headers()["etag"].to_str().unwrap(), etag);
    let resp = server
        .client
        .get(server.url("/v1/forms/residence-2026"))
        .header("if-none-match", "\"stale\"")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);

    let (status, body) = server.get("/v1/forms/no-such-form", None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
}

#[tokio::test]
async fn policy_is_served_with_its_sources_and_etag() {
    let server = TestServer::start().await;
    let resp = server
        .client
        .get(server.url("/v1/policy"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let etag = resp.headers()["etag"].to_str().unwrap().to_owned();
    let policy: Value = resp.json().await.unwrap();
    let regions: Vec<&str> = policy["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in kosh_shared::testing::AGREED_REGIONS {
        assert!(regions.contains(&id), "{id}");
    }
    assert_eq!(policy["scoring"]["status"], "illustrative");
    assert!(policy["mci"].as_array().is_some_and(|m| !m.is_empty()));
    let resp = server
        .client
        .get(server.url("/v1/policy"))
        .header("if-none-match", format!("W/{etag}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 304);
}

// ---- Publishing (issue 11): bundles and form versions without a release ----

use kosh_tests::{now_ms, op};
use serde_json::json;

/// The built-in bundle as JSON, to edit into a new one.
fn builtin_policy() -> Value {
    serde_json::to_value(kosh_shared::policy::Policy::builtin().unwrap()).unwrap()
}

/// A 2027 bundle as an officer publishes it once the budget law is out: an id of its own (the
/// built-in `kz-2027` holds 2027's figures as not yet published; with the same start, the
/// greater id is served), 2027's MCI published, a new relocation amount.
fn policy_2027() -> Value {
    let mut p = builtin_policy();
    p["id"] = json!("kz-2027-budget");
    p["valid_from"] = json!("2027-01-01");
    p["valid_until"] = json!("2027-12-31");
    p["mci"][2] = json!({"year": 2027, "kzt": 4_500,
        "source": {"text": "Law on the republican budget for 2027", "date": "2026-12-05"}});
    p["support_measures"][0]["amount"]["mci"] = json!(80);
    p
}

async fn etag_of(server: &TestServer, path: &str) -> String {
    let resp = server.client.get(server.url(path)).send().await.unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    resp.headers()["etag"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn officers_publish_policy_bundles_and_phones_see_them_without_a_restart() {
    let server = TestServer::start().await;
    let officer = server.officer("officer@kosh.kz").await.access_token;
    let applicant = server.register("aigul@example.kz").await.access_token;
    let (_, list) = server.get("/v1/policies", None).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the built-in bundles: {list}"
    );
    assert_eq!(list[0]["id"], "kz-2026");
    assert_eq!(list[0]["valid_from"], "2026-01-01");
    assert_eq!(list[0]["valid_until"], "2026-12-31");
    let before = etag_of(&server, "/v1/policies/kz-2026").await;
    assert_eq!(list[0]["etag"], before);

    // Applicants and strangers may not publish.
    let (status, body) = server
        .put(
            "/v1/policies/kz-2027-budget",
            Some(&applicant),
            policy_2027(),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("forbidden"))
    );
    let (status, _) = server
        .put("/v1/policies/kz-2027-budget", None, policy_2027())
        .await;
    assert_eq!(status, 401);

    // A new bundle: 201, listed, served for its own days, with the 2026 one still for 2026.
    let (status, body) = server
        .put("/v1/policies/kz-2027-budget", Some(&officer), policy_2027())
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["id"], "kz-2027-budget");
    let (_, list) = server.get("/v1/policies", None).await;
    assert_eq!(list.as_array().unwrap().len(), 3);
    let (status, on) = server.get("/v1/policy?on=2027-03-01", None).await;
    assert_eq!((status, on["id"].as_str()), (200, Some("kz-2027-budget")));
    assert_eq!(on["mci"][2]["kzt"], 4_500);
    let (_, on) = server.get("/v1/policy?on=2026-06-01", None).await;
    assert_eq!(on["id"], "kz-2026");
    let (status, body) = server.get("/v1/policy?on=2031-01-01", None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, body) = server.get("/v1/policy?on=tomorrow", None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_date"))
    );

    // The same content again: 200 and nothing changes. Other content under the id: 200, new ETag.
    let (status, _) = server
        .put("/v1/policies/kz-2027-budget", Some(&officer), policy_2027())
        .await;
    assert_eq!(status, 200);
    let first = etag_of(&server, "/v1/policies/kz-2027-budget").await;
    let mut corrected = policy_2027();
    corrected["support_measures"][0]["amount"]["mci"] = json!(85);
    let (status, body) = server
        .put("/v1/policies/kz-2027-budget", Some(&officer), corrected)
        .await;
    assert_eq!(status, 200, "{body}");
    let second = etag_of(&server, "/v1/policies/kz-2027-budget").await;
    assert_ne!(first, second);
    assert_eq!(body["etag"], second);
    let resp = server
        .client
        .get(server.url("/v1/policy?on=2027-03-01"))
        .header("if-none-match", &first)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "an old ETag gets the new content");
    let (_, on) = server.get("/v1/policy?on=2027-03-01", None).await;
    assert_eq!(on["support_measures"][0]["amount"]["mci"], 85);
    assert_eq!(etag_of(&server, "/v1/policies/kz-2026").await, before);

    // And it survives a restart.
    let dir = server.stop().await;
    let server = TestServer::restart(dir).await;
    let (_, on) = server.get("/v1/policy?on=2027-03-01", None).await;
    assert_eq!(on["support_measures"][0]["amount"]["mci"], 85);
    assert_eq!(
        etag_of(&server, "/v1/policies/kz-2027-budget").await,
        second
    );
}

#[tokio::test]
async fn a_bundle_that_does_not_load_gets_every_problem_and_publishes_nothing() {
    let server = TestServer::start().await;
    let officer = server.officer("officer@kosh.kz").await.access_token;
    let mut bad = policy_2027();
    bad["support_measures"][0]["amount"]["mci"] = json!(0);
    bad["mci"][0]["kzt"] = json!(-5);
    bad["stages"]["durations"][0]["stage"] = json!("appeal");
    bad["scoring"]["criteria"][0]["rules"][0]["question"] = json!("personal.shoe_size");
    let (status, body) = server
        .put("/v1/policies/kz-2027-budget", Some(&officer), bad)
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"]["code"], "invalid_policy");
    let problems: Vec<(String, String)> = body["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_owned(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for expected in [
        ("mci[0].kzt", "not_positive"),
        ("support_measures[0].amount", "bad_amount"),
        ("stages.durations[0].stage", "unknown_stage"),
    ] {
        assert!(
            problems.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {problems:?}"
        );
    }
    // The scoring question is checked against the forms once the structure is right.
    let mut unknown_question = policy_2027();
    unknown_question["scoring"]["criteria"][0]["rules"][0]["question"] =
        json!("personal.shoe_size");
    let (status, body) = server
        .put(
            "/v1/policies/kz-2027-budget",
            Some(&officer),
            unknown_question,
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        body["error"]["problems"][0]["path"],
        "scoring.criteria[0].rules[0].question"
    );
    assert_eq!(body["error"]["problems"][0]["code"], "unknown_question");
    // An id that is not the address's, and text that is not JSON.
    let (status, body) = server
        .put("/v1/policies/kz-2028", Some(&officer), policy_2027())
        .await;
    assert_eq!(
        (status, body["error"]["problems"][0]["code"].as_str()),
        (422, Some("id_mismatch"))
    );
    let resp = server
        .client
        .put(server.url("/v1/policies/kz-2027-budget"))
        .bearer_auth(&officer)
        .header("content-type", "application/json")
        .body("{\"id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 422);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error"]["problems"][0]["code"], "json");
    // Nothing was published: the built-in bundles only.
    let (_, list) = server.get("/v1/policies", None).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
}

/// The next-version fixture of `kosh_shared::testing` as JSON.
fn form_next() -> Value {
    serde_json::from_str(&kosh_shared::testing::residence_next_json()).unwrap()
}

#[tokio::test]
async fn form_versions_are_published_once_and_old_drafts_keep_syncing_and_submitting() {
    let server = TestServer::start().await;
    let officer = server.officer("officer@kosh.kz").await.access_token;
    let applicant = server.register("aigul@example.kz").await.access_token;
    // A draft started on the newest built-in version, complete and valid.
    let draft = server.valid_draft(&applicant, "d-phone").await;
    let built_in_etag = etag_of(&server, "/v1/forms/residence-2026").await;

    let (status, _) = server
        .post("/v1/forms", Some(&applicant), form_next())
        .await;
    assert_eq!(status, 403);
    let (status, body) = server.post("/v1/forms", Some(&officer), form_next()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (body["id"].as_str(), body["version"].as_u64()),
        (Some("residence-2026"), Some(u64::from(NEXT)))
    );
    let (status, _) = server.post("/v1/forms", Some(&officer), form_next()).await;
    assert_eq!(status, 200, "the same content again");
    let mut other = form_next();
    other["title_key"] = json!("form-residence-title-2027");
    let (status, body) = server.post("/v1/forms", Some(&officer), other).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("version_exists"))
    );
    let mut broken = form_next();
    broken["version"] = json!(NEXT + 1);
    broken["sections"][1]["questions"][0]["kind"] = json!("colour");
    let (status, body) = server.post("/v1/forms", Some(&officer), broken).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_form"))
    );
    assert_eq!(
        body["error"]["problems"][0]["path"],
        "sections[1].questions[0].kind"
    );

    // Listed, newest served at the form's address, each version at its own.
    let (_, list) = server.get("/v1/forms", None).await;
    let versions: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2, u64::from(NEXT)]);
    let (_, newest) = server.get("/v1/forms/residence-2026", None).await;
    assert_eq!(newest["version"], NEXT);
    assert_ne!(
        etag_of(&server, "/v1/forms/residence-2026").await,
        built_in_etag
    );
    assert_eq!(
        etag_of(&server, "/v1/forms/residence-2026/versions/2").await,
        built_in_etag
    );
    let (status, _) = server
        .get("/v1/forms/residence-2026/versions/7", None)
        .await;
    assert_eq!(status, 404);
    let (status, _) = server
        .get("/v1/forms/residence-2026/versions/x", None)
        .await;
    assert_eq!(status, 404);

    // The draft still syncs an answer to a question the next version dropped, named as an op of
    // its own version...
    let mut old_op = op(
        "late-v1",
        &draft,
        "skills.driving_licence",
        json!(false),
        now_ms(),
        "d-phone",
    );
    old_op["form_version"] = json!(2);
    let (status, body) = server
        .sync(
            &applicant,
            json!({"device_id": "d-phone", "cursor": 0, "ops": [old_op]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // ...while an op of the next version for it is refused, as the question is not in it.
    let mut next_op = op(
        "next-op",
        &draft,
        "skills.driving_licence",
        json!(true),
        now_ms(),
        "d-phone",
    );
    next_op["form_version"] = json!(NEXT);
    let (status, _) = server
        .sync(
            &applicant,
            json!({"device_id": "d-phone", "cursor": 0, "ops": [next_op]}),
        )
        .await;
    assert_eq!(status, 400);
    // And it is submitted against its own version.
    let (status, body) = server
        .post(
            "/v1/applications",
            Some(&applicant),
            json!({"draft_id": draft, "idempotency_key": "k1"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["form_version"], 2);
}
