//! The app's report outbox against the real server: a report of an official notice kept on the
//! phone while the server is unreachable and across the app being killed, sent by the next
//! round once it is back (the server's timeline then has the applicant's entry), a refusal
//! kept with its report instead of dropped, and a report whose answer was lost taken as sent.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;
use kosh_mobile::server::Server;
use kosh_mobile::store::reports::PendingReport;
use kosh_mobile::store::vault::Vault;
use kosh_mobile::store::{FileStore, LocalStore, MemoryStore};
use kosh_mobile::sync::{self, VaultCell, now_ms, sync_once};
use kosh_shared::api::{Application, StageReportRequest};
use kosh_shared::form::residence_2026;
use kosh_shared::status::{Outcome, Stage};
use kosh_tests::{TestServer, dead_address};
use serde_json::json;

const PASSWORD: &str = "correct horse battery";

fn device(store: Rc<dyn LocalStore>) -> RefCell<Vault> {
    RefCell::new(Vault::open(store, now_ms()).expect("open vault"))
}

/// A phone signed in as `email` with a submitted application.
async fn submitted(client: &Server, phone: &RefCell<Vault>, email: &str) -> Application {
    sync::sign_in(client, phone, email, PASSWORD, true)
        .await
        .unwrap();
    let form = residence_2026().unwrap();
    for q in form.questions() {
        phone
            .with_mut(|v| v.answer(&q.id, q.example.clone(), now_ms()))
            .unwrap();
    }
    sync::submit(client, phone, &now_ms).await.unwrap()
}

fn report(app: &Application, stage: Stage, outcome: Outcome) -> PendingReport {
    PendingReport::new(
        app.id.clone(),
        StageReportRequest {
            stage,
            outcome,
            on: Utc::now().date_naive(),
            note: None,
        },
    )
}

fn token(phone: &RefCell<Vault>) -> String {
    phone.with(|v| v.state().session.clone().unwrap().access_token)
}

#[tokio::test]
async fn a_report_made_offline_survives_a_restart_and_reaches_the_server_when_it_is_back() {
    let server = TestServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let store: Rc<dyn LocalStore> = Rc::new(FileStore::open(dir.path()).unwrap());
    let phone = device(store.clone());
    let online = Server::new(&server.base).unwrap();
    let app = submitted(&online, &phone, "report.offline@mail.kz").await;

    phone
        .with_mut(|v| v.add_report(report(&app, Stage::Submitted, Outcome::Passed), None))
        .unwrap();
    let offline = Server::new(&dead_address().await).unwrap();
    let err = sync_once(&offline, &phone, &now_ms).await.unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert_eq!(phone.with(|v| v.state().reports.len()), 1);

    // Killed and opened again, still offline: the report is there.
    drop(phone);
    let phone = device(store);
    let kept = phone.with(|v| v.state().reports.clone());
    assert_eq!(kept.len(), 1);
    assert!(kept[0].refused.is_none());

    sync_once(&online, &phone, &now_ms).await.unwrap();
    assert!(phone.with(|v| v.state().reports.is_empty()));
    let (status, body) = server
        .get(
            &format!("/v1/applications/{}", app.id),
            Some(&token(&phone)),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["stage"], "scoring");
    let timeline = body["timeline"].as_array().unwrap();
    assert!(
        timeline.iter().any(|e| e["source"] == "applicant"
            && e["stage"] == "submitted"
            && e["outcome"] == "passed"),
        "{body}"
    );
    // The phone's copy is the server's.
    let mine = phone.with(|v| v.state().applications.clone());
    assert_eq!(mine[0].stage, Stage::Scoring);
}

#[tokio::test]
async fn a_refused_report_is_kept_with_its_reason_and_holds_back_the_next_one() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = device(Rc::new(MemoryStore::new()));
    let app = submitted(&client, &phone, "report.refused@mail.kz").await;

    // Dated tomorrow: the server refuses it (the phone checks this too, but a phone's clock
    // and day can differ from the server's).
    let mut late = report(&app, Stage::Submitted, Outcome::Passed);
    late.request.on = Utc::now().date_naive() + chrono::Duration::days(2);
    let next = report(&app, Stage::Scoring, Outcome::Passed);
    phone
        .with_mut(|v| {
            v.add_report(late.clone(), None)?;
            v.add_report(next.clone(), None)
        })
        .unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    let kept = phone.with(|v| v.state().reports.clone());
    assert_eq!(kept.len(), 2, "nothing dropped");
    let refusal = kept[0].refused.clone().expect("the refusal is kept");
    assert_eq!(refusal.code, "validation_failed");
    assert_eq!(refusal.fields[0].code, "date_too_late");
    assert!(kept[1].refused.is_none(), "the next one waits, unsent");

    // The person changes the date: both go at the next round.
    let mut fixed = late.clone();
    fixed.id = "fixed".into();
    fixed.request.on = Utc::now().date_naive();
    phone
        .with_mut(|v| v.add_report(fixed, Some(&late.id)))
        .unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    assert!(phone.with(|v| v.state().reports.is_empty()));
    let mine = phone.with(|v| v.state().applications.clone());
    assert_eq!(mine[0].stage, Stage::InteragencyChecks);
}

#[tokio::test]
async fn a_report_whose_answer_was_lost_is_taken_as_sent() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = device(Rc::new(MemoryStore::new()));
    let app = submitted(&client, &phone, "report.lost@mail.kz").await;
    let pending = report(&app, Stage::Submitted, Outcome::Passed);
    // The report reached the server, but the phone never heard the answer.
    let (status, body) = server
        .post(
            &format!("/v1/applications/{}/reports", app.id),
            Some(&token(&phone)),
            json!({"stage": "submitted", "outcome": "passed", "on": pending.request.on}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    phone.with_mut(|v| v.add_report(pending, None)).unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    assert!(
        phone.with(|v| v.state().reports.is_empty()),
        "not shown as refused"
    );
}
