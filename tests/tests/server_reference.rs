//! Reference data over real HTTP: forms and the policy, with ETags and 304s, no login needed.

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
