//! The kandas contract over real HTTP: the applicant's own record, the refund risk, and the
//! officer's verified record.

use kosh_tests::TestServer;
use serde_json::{Value, json};

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

fn contract() -> Value {
    json!({"region": "pavlodar", "settlement": "Ekibastuz", "signed_on": "2025-03-01", "term_years": 5,
           "family_members": 4,
           "support": [{"kind": "relocation_subsidy", "amount_kzt": 200000, "received_on": "2025-03-10"}],
           "verified": false})
}

#[tokio::test]
async fn contract_record_and_risk() {
    let server = TestServer::start().await;
    let token = server.register("kandas@example.kz").await.access_token;
    let (status, body) = server.get("/v1/contract", Some(&token)).await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    let (status, body) = server
        .get("/v1/contract/risk?leave_on=2026-01-01", Some(&token))
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));

    // Saying "verified" does not make it so.
    let mut claimed = contract();
    claimed["verified"] = json!(true);
    let (status, saved) = server.put("/v1/contract", Some(&token), claimed).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved, contract());
    let (status, got) = server.get("/v1/contract", Some(&token)).await;
    assert_eq!((status, got), (200, contract()));

    let (status, risk) = server
        .get("/v1/contract/risk?leave_on=2027-01-01", Some(&token))
        .await;
    assert_eq!(status, 200, "{risk}");
    assert_eq!(risk["leave_on"], "2027-01-01");
    assert_eq!(risk["ends_on"], "2030-03-01");
    assert_eq!(risk["risk"], "high");
    assert_eq!(risk["refund_due_kzt"], 200000);
    assert!(risk["basis"].as_str().unwrap().contains("Balayeva"));
    let served = risk["days_served"].as_u64().unwrap();
    let remaining = risk["days_remaining"].as_u64().unwrap();
    assert_eq!(served + remaining, 1826);
    let (_, safe) = server
        .get("/v1/contract/risk?leave_on=2030-03-01", Some(&token))
        .await;
    assert_eq!(safe["risk"], "none");
    assert_eq!(safe["refund_due_kzt"], 0);

    for bad in [
        "/v1/contract/risk?leave_on=2027-13-01",
        "/v1/contract/risk?leave_on=tomorrow",
        "/v1/contract/risk",
    ] {
        let (status, body) = server.get(bad, Some(&token)).await;
        assert_eq!((status, code(&body)), (400, "invalid_date"), "{bad}");
    }
}

#[tokio::test]
async fn bad_contracts_are_refused() {
    let server = TestServer::start().await;
    let token = server
        .register("bad-contract@example.kz")
        .await
        .access_token;
    let mut unknown = contract();
    unknown["region"] = json!("atlantis");
    let (status, body) = server.put("/v1/contract", Some(&token), unknown).await;
    assert_eq!((status, code(&body)), (400, "unknown_region"));
    let mut term = contract();
    term["term_years"] = json!(3);
    let (status, body) = server.put("/v1/contract", Some(&token), term).await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    let mut extra = contract();
    extra["secret"] = json!(1);
    let (status, body) = server.put("/v1/contract", Some(&token), extra).await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    let mut date = contract();
    date["signed_on"] = json!("01.03.2025");
    let (status, body) = server.put("/v1/contract", Some(&token), date).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        server.get("/v1/contract", Some(&token)).await.0,
        404,
        "nothing stored"
    );
}

#[tokio::test]
async fn officers_verify_and_others_cannot_see() {
    let server = TestServer::start().await;
    let alice = server.register("alice-contract@example.kz").await;
    let bob = server
        .register("bob-contract@example.kz")
        .await
        .access_token;
    let path = format!("/v1/users/{}/contract", alice.user.id);
    let (status, body) = server.put(&path, Some(&bob), contract()).await;
    assert_eq!((status, code(&body)), (403, "forbidden"));

    let officer = server.officer("verifier@example.kz").await.access_token;
    let (status, verified) = server.put(&path, Some(&officer), contract()).await;
    assert_eq!(status, 200, "{verified}");
    assert_eq!(verified["verified"], true);
    let (_, mine) = server.get("/v1/contract", Some(&alice.access_token)).await;
    assert_eq!(mine["verified"], true);
    // Bob sees only his own (none).
    assert_eq!(server.get("/v1/contract", Some(&bob)).await.0, 404);
    let (status, body) = server
        .put(
            "/v1/users/no-such-user/contract",
            Some(&officer),
            contract(),
        )
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
}
