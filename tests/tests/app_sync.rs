//! The app's own local store and sync client against the real server: two devices of one
//! account editing offline, a conflict, a replayed push, the server unreachable and back, a
//! token refreshed without the person noticing, submission, and the contract's refund risk
//! computed on the phone agreeing with the server's.

use std::cell::RefCell;
use std::rc::Rc;

use kosh_mobile::AppError;
use kosh_mobile::server::Server;
use kosh_mobile::store::vault::Vault;
use kosh_mobile::store::{FileStore, LocalStore, MemoryStore};
use kosh_mobile::sync::{self, VaultCell, now_ms, sync_once};
use kosh_shared::form::residence_2026;
use kosh_shared::policy::Policy;
use kosh_tests::{TestServer, dead_address};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery";

fn device(store: Rc<dyn LocalStore>) -> RefCell<Vault> {
    RefCell::new(Vault::open(store, now_ms()).expect("open vault"))
}

fn memory_device() -> RefCell<Vault> {
    device(Rc::new(MemoryStore::new()))
}

fn answer(device: &RefCell<Vault>, field: &str, value: Value) {
    device
        .with_mut(|v| v.answer(field, value, now_ms()))
        .expect("answer saved");
}

fn value(device: &RefCell<Vault>, field: &str) -> Option<Value> {
    device.with(|v| v.state().draft.answer(field).cloned())
}

#[tokio::test]
async fn answers_typed_before_the_account_reach_the_server() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    answer(&phone, "personal.surname", json!("Нұрланұлы"));
    answer(&phone, "education.level", json!("bachelor"));

    // No account yet: the round refuses, and nothing is lost.
    let err = sync_once(&client, &phone, &now_ms).await.unwrap_err();
    assert!(matches!(err, AppError::SignedOut));
    assert_eq!(phone.with(|v| v.state().sync.outbox.len()), 2);

    sync::sign_in(&client, &phone, "aigul@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    let report = sync_once(&client, &phone, &now_ms).await.unwrap();
    assert_eq!(report.pushed, 2);
    assert!(phone.with(|v| v.state().sync.outbox.is_empty()));

    let token = phone.with(|v| v.state().session.clone().unwrap().access_token);
    let draft_id = phone.with(|v| v.state().draft.id.clone());
    let (status, body) = server
        .get(&format!("/v1/drafts/{draft_id}"), Some(&token))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["answers"]["personal.surname"], "Нұрланұлы");
    assert_eq!(body["answers"]["education.level"], "bachelor");
}

#[tokio::test]
async fn two_devices_converge_and_a_lost_edit_is_shown_as_changed_elsewhere() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let a = memory_device();
    let b = memory_device();
    sync::sign_in(&client, &a, "family@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    sync::sign_in(&client, &b, "family@mail.kz", PASSWORD, false)
        .await
        .unwrap();

    // Both phones were filled offline, each with its own draft.
    answer(&a, "personal.surname", json!("Нұрланұлы"));
    answer(&a, "contacts.phone", json!("+998 90 123 45 67"));
    answer(&b, "education.level", json!("master"));
    answer(&b, "languages.kazakh", json!("b1"));

    for _ in 0..2 {
        sync_once(&client, &a, &now_ms).await.unwrap();
        sync_once(&client, &b, &now_ms).await.unwrap();
    }
    let id_a = a.with(|v| v.state().draft.id.clone());
    let id_b = b.with(|v| v.state().draft.id.clone());
    assert_eq!(id_a, id_b, "both phones edit one draft now");
    for field in [
        "personal.surname",
        "contacts.phone",
        "education.level",
        "languages.kazakh",
    ] {
        assert!(value(&a, field).is_some(), "{field} on a");
        assert_eq!(value(&a, field), value(&b, field), "{field}");
    }

    // A conflict: both change one answer offline; the later stamp wins on both phones, and the
    // phone that lost says so.
    // B's edit is a second later than A's (explicit times: within one millisecond the counter
    // and device id would decide, which is just as convergent but not what this test shows).
    let t = now_ms();
    a.with_mut(|v| v.answer("education.level", json!("bachelor"), t + 1_000))
        .unwrap();
    b.with_mut(|v| v.answer("education.level", json!("doctorate"), t + 2_000))
        .unwrap();
    sync_once(&client, &a, &now_ms).await.unwrap();
    sync_once(&client, &b, &now_ms).await.unwrap();
    sync_once(&client, &a, &now_ms).await.unwrap();
    assert_eq!(value(&a, "education.level"), Some(json!("doctorate")));
    assert_eq!(value(&b, "education.level"), Some(json!("doctorate")));
    let lost = a.with(|v| {
        let s = v.state();
        s.draft
            .cell("education.level")
            .and_then(|c| c.changed_elsewhere(s.device_id()))
            .map(|w| w.value.clone())
    });
    assert_eq!(lost, Some(json!("bachelor")));
    // The merged draft on the server is the same.
    let token = a.with(|v| v.state().session.clone().unwrap().access_token);
    let (_, body) = server
        .get(&format!("/v1/drafts/{id_a}"), Some(&token))
        .await;
    assert_eq!(body["answers"]["education.level"], "doctorate");
}

#[tokio::test]
async fn a_push_whose_answer_was_lost_is_applied_once_when_replayed() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    sync::sign_in(&client, &phone, "replay@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    answer(&phone, "work.years_total", json!(12));
    let request = phone.with(|v| v.state().sync.request());
    let mut session = phone.with(|v| v.state().session.clone().unwrap());
    // The first answer never reaches the phone (connection dropped after the server wrote).
    let first = client.sync(&mut session, &request).await.unwrap();
    assert_eq!(first.acked.len(), 1);
    // The phone still holds the op and sends it again in the next round.
    let report = sync_once(&client, &phone, &now_ms).await.unwrap();
    assert_eq!(report.pushed, 1);
    assert!(phone.with(|v| v.state().sync.outbox.is_empty()));

    // A second phone pulling everything sees the answer once.
    let other = memory_device();
    sync::sign_in(&client, &other, "replay@mail.kz", PASSWORD, false)
        .await
        .unwrap();
    let request = other.with(|v| v.state().sync.request());
    let mut session = other.with(|v| v.state().session.clone().unwrap());
    let pulled = client.sync(&mut session, &request).await.unwrap();
    let count = pulled
        .changes
        .iter()
        .filter(|op| op.field == "work.years_total")
        .count();
    assert_eq!(count, 1, "{pulled:?}");
}

#[tokio::test]
async fn unreachable_server_keeps_everything_on_the_phone_until_it_is_back() {
    let server = TestServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let store: Rc<dyn LocalStore> = Rc::new(FileStore::open(dir.path()).unwrap());
    let phone = device(store.clone());
    let online = Server::new(&server.base).unwrap();
    sync::sign_in(&online, &phone, "offline@mail.kz", PASSWORD, true)
        .await
        .unwrap();

    let offline = Server::new(&dead_address().await).unwrap();
    answer(&phone, "personal.sex", json!("female"));
    answer(&phone, "military.served", json!(false));
    let err = sync_once(&offline, &phone, &now_ms).await.unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert_eq!(phone.with(|v| v.state().sync.outbox.len()), 2);

    // The app is killed and opened again while offline: nothing typed is lost.
    drop(phone);
    let phone = device(store);
    assert_eq!(value(&phone, "personal.sex"), Some(json!("female")));
    assert_eq!(phone.with(|v| v.state().sync.outbox.len()), 2);

    // The connection comes back.
    let report = sync_once(&online, &phone, &now_ms).await.unwrap();
    assert_eq!(report.pushed, 2);
    assert!(phone.with(|v| v.state().sync.outbox.is_empty()));
}

#[tokio::test]
async fn a_server_restarted_on_its_data_keeps_the_answers_and_the_session() {
    let server = TestServer::start().await;
    let phone = memory_device();
    let client = Server::new(&server.base).unwrap();
    sync::sign_in(&client, &phone, "restart@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    answer(&phone, "skills.in_demand", json!(true));
    sync_once(&client, &phone, &now_ms).await.unwrap();

    let dir = server.stop().await;
    answer(&phone, "skills.certificates", json!(true));
    let err = sync_once(&client, &phone, &now_ms).await.unwrap_err();
    assert!(err.is_transient());

    let server = TestServer::restart(dir).await;
    let client = Server::new(&server.base).unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    let token = phone.with(|v| v.state().session.clone().unwrap().access_token);
    let id = phone.with(|v| v.state().draft.id.clone());
    let (status, body) = server.get(&format!("/v1/drafts/{id}"), Some(&token)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["answers"]["skills.in_demand"], true);
    assert_eq!(body["answers"]["skills.certificates"], true);
}

#[tokio::test]
async fn an_expired_or_broken_access_token_is_refreshed_transparently() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    sync::sign_in(&client, &phone, "refresh@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    let before = phone.with(|v| v.state().session.clone().unwrap());
    phone
        .with_mut(|v| {
            v.update(|s| {
                if let Some(session) = &mut s.session {
                    session.access_token = "not-a-token".into();
                }
                Ok(())
            })
        })
        .unwrap();
    answer(&phone, "health.declaration", json!(true));
    sync_once(&client, &phone, &now_ms).await.unwrap();
    let after = phone.with(|v| v.state().session.clone().unwrap());
    assert_ne!(
        after.refresh_token, before.refresh_token,
        "rotated and saved"
    );
    assert!(phone.with(|v| v.state().sync.outbox.is_empty()));

    // A refresh token used twice is refused: the phone signs out and keeps the answers.
    phone
        .with_mut(|v| {
            v.update(|s| {
                if let Some(session) = &mut s.session {
                    session.access_token = "not-a-token".into();
                    session.refresh_token = before.refresh_token.clone();
                }
                Ok(())
            })
        })
        .unwrap();
    answer(&phone, "health.has_disability", json!(false));
    let err = sync_once(&client, &phone, &now_ms).await.unwrap_err();
    assert!(matches!(err, AppError::SignedOut), "{err:?}");
    assert!(phone.with(|v| v.state().session.is_none()));
    assert_eq!(value(&phone, "health.has_disability"), Some(json!(false)));
}

#[tokio::test]
async fn a_complete_draft_is_submitted_once_and_its_status_comes_back() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    sync::sign_in(&client, &phone, "submit@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    // Every question's example is a valid answer (API.md).
    let form = residence_2026().unwrap();
    for q in form.questions() {
        answer(&phone, &q.id, q.example.clone());
    }
    let app = sync::submit(&client, &phone, &now_ms).await.unwrap();
    assert_eq!(app.score.pass_mark, 400);
    assert!(phone.with(|v| v.state().is_submitted()));
    // Another round keeps the application and does not submit again.
    sync_once(&client, &phone, &now_ms).await.unwrap();
    let apps = phone.with(|v| v.state().applications.clone());
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].id, app.id);
}

#[tokio::test]
async fn the_contract_risk_on_the_phone_is_the_servers() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    sync::sign_in(&client, &phone, "kandas@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    let contract = kosh_shared::testing::contract();
    phone
        .with_mut(|v| v.set_contract(Some(contract.clone())))
        .unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    assert!(!phone.with(|v| v.state().contract_unsent));

    // A second phone of the family gets the contract at its first round.
    let other = memory_device();
    sync::sign_in(&client, &other, "kandas@mail.kz", PASSWORD, false)
        .await
        .unwrap();
    sync_once(&client, &other, &now_ms).await.unwrap();
    assert_eq!(
        other.with(|v| v.state().contract.clone()),
        Some(contract.clone())
    );

    let policy = Policy::builtin().unwrap();
    for day in ["2026-12-31", "2031-02-28", "2031-03-01", "2032-01-01"] {
        let day = day.parse().unwrap();
        let here = kosh_shared::contract::risk(&contract, day, policy).unwrap();
        let there = sync::remote_risk(&client, &phone, day).await.unwrap();
        assert_eq!(here, there, "{day}");
    }
}

#[tokio::test]
async fn a_shared_phone_signed_into_another_account_sends_its_answers_there() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let phone = memory_device();
    sync::sign_in(&client, &phone, "first@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    answer(&phone, "personal.surname", json!("Сейітқали"));
    sync_once(&client, &phone, &now_ms).await.unwrap();
    let first_draft = phone.with(|v| v.state().draft.id.clone());

    sync::sign_out(&client, &phone).await.unwrap();
    answer(&phone, "personal.given_names", json!("Айгүл"));
    sync::sign_in(&client, &phone, "second@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    sync_once(&client, &phone, &now_ms).await.unwrap();
    assert!(phone.with(|v| v.state().sync.outbox.is_empty()));
    let second_draft = phone.with(|v| v.state().draft.id.clone());
    assert_ne!(first_draft, second_draft);
    let token = phone.with(|v| v.state().session.clone().unwrap().access_token);
    let (status, body) = server
        .get(&format!("/v1/drafts/{second_draft}"), Some(&token))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["answers"]["personal.surname"], "Сейітқали");
    assert_eq!(body["answers"]["personal.given_names"], "Айгүл");
    // The first account's draft stays its own.
    let (status, _) = server
        .get(&format!("/v1/drafts/{first_draft}"), Some(&token))
        .await;
    assert_eq!(status, 404);
}

/// The app's own client for `GET /v1/sync/wait`: a phone waiting at its cursor hears of the
/// other phone's round, and after its own round both phones show the conflict, each in its words.
#[tokio::test(flavor = "current_thread")]
async fn a_waiting_phone_hears_of_the_other_phones_round() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let (one, two) = (memory_device(), memory_device());
    sync::sign_in(&client, &one, "live@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    sync::sign_in(&client, &two, "live@mail.kz", PASSWORD, false)
        .await
        .unwrap();
    answer(&one, "personal.surname", json!("Әбенов"));
    sync_once(&client, &one, &now_ms).await.unwrap();
    sync_once(&client, &two, &now_ms).await.unwrap();
    answer(&one, "personal.surname", json!("Әбенова"));
    // Phone two's answer must be the later one: in the same millisecond the stamps would be
    // ordered by the random device ids instead. Wait for the clock to move on (a spin of at most
    // a millisecond, not a wait for anything to be ready).
    let typed = now_ms();
    while now_ms() <= typed {
        std::hint::spin_loop();
    }
    answer(&two, "personal.surname", json!("Абенова"));
    sync_once(&client, &one, &now_ms).await.unwrap();

    // Phone one waits; phone two's round pushes the later answer and wakes it.
    let (mut session, cursor, device) = one.with(|v| {
        let s = v.state();
        (
            s.session.clone().unwrap(),
            s.sync.cursor,
            s.device_id().to_owned(),
        )
    });
    let wait = client.sync_wait(&mut session, cursor, &device);
    let round = sync_once(&client, &two, &now_ms);
    let (woken, pushed) = tokio::join!(wait, round);
    assert!(woken.unwrap().has_news(cursor));
    pushed.unwrap();

    sync_once(&client, &one, &now_ms).await.unwrap();
    assert_eq!(value(&one, "personal.surname"), Some(json!("Абенова")));
    let lost = |device: &RefCell<Vault>, mine: bool| {
        device.with(|v| {
            let s = v.state();
            let cell = s.draft.cell("personal.surname").unwrap();
            let write = if mine {
                cell.changed_elsewhere(s.device_id())
            } else {
                cell.replaced_elsewhere(s.device_id())
            };
            write.map(|w| w.value.clone())
        })
    };
    assert_eq!(
        lost(&one, true),
        Some(json!("Әбенова")),
        "one's answer lost"
    );
    assert_eq!(
        lost(&two, false),
        Some(json!("Әбенова")),
        "two's replaced it"
    );
}
