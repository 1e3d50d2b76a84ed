//! The app's catalog of rules against a server: refreshed with `If-None-Match`, a bundle an
//! officer publishes reaching the phone and its notice, the catalog surviving a restart with the
//! server gone, a garbled document from a server changing nothing, and a draft moved from
//! the newest built-in questionnaire to the next version on one phone with the other following
//! through sync.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use kosh_mobile::catalog::{CatalogStore, refresh};
use kosh_mobile::server::Server;
use kosh_mobile::store::vault::Vault;
use kosh_mobile::store::{FileStore, LocalStore, MemoryStore};
use kosh_mobile::sync::{self, VaultCell, now_ms, sync_once};
use kosh_shared::form::Form;
use kosh_shared::migration::plan;
use kosh_shared::policy::{Figure, Policy};
use kosh_shared::testing::NEXT_RESIDENCE_VERSION as NEXT;
use kosh_tests::{TestServer, dead_address};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery";

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn catalog_on(store: Rc<dyn LocalStore>) -> RefCell<CatalogStore> {
    RefCell::new(CatalogStore::open(store, &now_ms().to_string()))
}

/// The bundle in force today as the phone holds it, with the relocation subsidy's MCI.
fn relocation_mci(catalog: &RefCell<CatalogStore>) -> u64 {
    let c = catalog.borrow();
    let policy = c.catalog().policy(today()).expect("a bundle");
    let measure = policy.support_measure("relocation_subsidy").unwrap();
    measure.amount.mci_bounds().1 as u64
}

/// The built-in bundle with the relocation subsidy at `mci` MCI per family member.
fn bundle_with_relocation(mci: u64) -> Value {
    let mut bundle = serde_json::to_value(Policy::builtin().unwrap()).unwrap();
    bundle["support_measures"][0]["amount"]["mci"] = json!(mci);
    bundle
}

#[tokio::test]
async fn the_catalog_refreshes_with_etags_and_survives_a_restart_offline() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store: Rc<dyn LocalStore> = Rc::new(FileStore::open(dir.path()).unwrap());
    let catalog = catalog_on(store.clone());

    // The first refresh brings the bundle the phone already has built in: nothing to tell.
    let first = refresh(&client, &catalog, None, today()).await.unwrap();
    assert!(
        !first.policy_not_modified && !first.policy_changed,
        "{first:?}"
    );
    assert!(first.refused.is_empty(), "{first:?}");
    let etag = catalog.borrow().catalog().saved().policy_etag.clone();
    assert!(
        etag.is_some(),
        "the bundle's ETag is kept for If-None-Match"
    );
    // The second is a 304.
    let second = refresh(&client, &catalog, None, today()).await.unwrap();
    assert!(second.policy_not_modified, "{second:?}");
    assert!(catalog.borrow().catalog().notice().is_empty());

    // An officer publishes new support amounts; no restart of anything.
    let officer = server.officer("rules@kosh.test").await;
    let (status, body) = server
        .put(
            "/v1/policies/kz-2026",
            Some(&officer.access_token),
            bundle_with_relocation(80),
        )
        .await;
    assert!(status == 200 || status == 201, "{status} {body}");
    let third = refresh(&client, &catalog, None, today()).await.unwrap();
    assert!(third.policy_changed, "{third:?}");
    assert_eq!(relocation_mci(&catalog), 80);
    assert_eq!(catalog.borrow().catalog().notice().len(), 1);
    assert_ne!(catalog.borrow().catalog().saved().policy_etag, etag);

    // The app is closed and opened again with the server gone: the rules received stay, and
    // so does the notice the person has not read yet.
    drop(catalog);
    drop(server);
    let catalog = catalog_on(store);
    assert!(!catalog.borrow().was_damaged());
    assert_eq!(relocation_mci(&catalog), 80);
    assert_eq!(catalog.borrow().catalog().notice().len(), 1);
    let offline = Server::new(&dead_address().await).unwrap();
    let err = refresh(&offline, &catalog, None, today())
        .await
        .unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    assert_eq!(relocation_mci(&catalog), 80, "nothing lost offline");
    let c = catalog.borrow();
    let Figure::Published { value, .. } = c
        .catalog()
        .policy(today())
        .unwrap()
        .support("relocation_subsidy", 2026, 1)
        .unwrap()
    else {
        panic!("2026's MCI is published");
    };
    assert_eq!(value.per_payment.max, 80 * 4325);
}

/// A server that answers with a garbled bundle, lists version 1 of the form only, and serves
/// the version after the built-in ones when asked for it by number.
async fn garbling_server() -> String {
    use axum::Router;
    use axum::http::header::ETAG;
    use axum::routing::get;
    let next = kosh_shared::testing::residence_next_json();
    let app = Router::new()
        .route(
            "/v1/policy",
            get(|| async {
                (
                    [(ETAG, "\"garbled\"")],
                    "{\"id\": \"kz-2026\", \"mci\": [tru",
                )
            }),
        )
        .route(
            "/v1/forms",
            get(|| async {
                axum::Json(json!([{"id": "residence-2026", "version": 1, "title_key": "t"}]))
            }),
        )
        .route(
            &format!("/v1/forms/residence-2026/versions/{NEXT}"),
            get(move || async move { next }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[tokio::test]
async fn a_garbled_bundle_changes_nothing_and_the_drafts_own_version_is_fetched() {
    let client = Server::new(&garbling_server().await).unwrap();
    let catalog = catalog_on(Rc::new(MemoryStore::new()));
    let report = refresh(
        &client,
        &catalog,
        Some(("residence-2026".into(), NEXT)),
        today(),
    )
    .await
    .unwrap();
    let (what, problems) = &report.refused[0];
    assert_eq!(what, "policy");
    assert!(!problems.is_empty(), "every problem is reported");
    let c = catalog.borrow();
    assert_eq!(
        c.catalog().policy(today()),
        Some(Policy::builtin().unwrap())
    );
    assert_eq!(
        c.catalog().saved().policy_etag,
        None,
        "asked for again next time"
    );
    assert!(c.catalog().notice().is_empty());
    assert_eq!(report.forms, [("residence-2026".to_string(), NEXT)]);
    assert!(c.catalog().form("residence-2026", NEXT).is_some());
}

/// The version after the built-in ones, in use from the first day of the built-in ones, so a
/// draft of today can move to it.
fn next_in_use_now() -> Value {
    let mut next: Value =
        serde_json::from_str(&kosh_shared::testing::residence_next_json()).unwrap();
    next["valid_from"] = json!("2026-01-30");
    next
}

fn device() -> RefCell<Vault> {
    RefCell::new(Vault::open(Rc::new(MemoryStore::new()), now_ms()).unwrap())
}

fn answer(device: &RefCell<Vault>, field: &str, value: Value) {
    device
        .with_mut(|v| v.answer(field, value, now_ms()))
        .expect("answer saved");
}

#[tokio::test]
async fn a_draft_moves_to_the_new_version_on_one_phone_and_the_other_follows() {
    let server = TestServer::start().await;
    let client = Server::new(&server.base).unwrap();
    let officer = server.officer("forms@kosh.test").await;
    let (status, body) = server
        .post("/v1/forms", Some(&officer.access_token), next_in_use_now())
        .await;
    assert_eq!(status, 201, "{body}");

    let a = device();
    let b = device();
    sync::sign_in(&client, &a, "move@mail.kz", PASSWORD, true)
        .await
        .unwrap();
    sync::sign_in(&client, &b, "move@mail.kz", PASSWORD, false)
        .await
        .unwrap();
    answer(&a, "personal.surname", json!("Nurlanuly"));
    answer(&a, "contacts.address", json!("Tashkent, Chilonzor 9"));
    answer(&a, "skills.driving_licence", json!(true));
    sync_once(&client, &a, &now_ms).await.unwrap();
    sync_once(&client, &b, &now_ms).await.unwrap();
    assert_eq!(
        b.with(|v| v.state().draft.answer("contacts.address").cloned()),
        Some(json!("Tashkent, Chilonzor 9"))
    );

    // Phone A's catalog receives the new version and offers the move; the person moves.
    let catalog_a = catalog_on(Rc::new(MemoryStore::new()));
    let report = refresh(&client, &catalog_a, None, today()).await.unwrap();
    assert_eq!(
        report.forms,
        [("residence-2026".to_string(), NEXT)],
        "{report:?}"
    );
    let (new, old): (Form, Form) = {
        let c = catalog_a.borrow();
        let draft = a.with(|v| v.state().draft.clone());
        (
            c.catalog()
                .newer_form(&draft, today())
                .expect("offered")
                .clone(),
            c.catalog().form_of(&draft).unwrap().clone(),
        )
    };
    let policy = Policy::builtin().unwrap();
    let env = kosh_mobile::view::form::env(today(), policy);
    let the_plan = a.with(|v| plan(&v.state().draft, &new, &env));
    a.with_mut(|v| v.move_draft(&the_plan, Some(&old), now_ms()))
        .unwrap();
    sync_once(&client, &a, &now_ms).await.unwrap();
    assert!(
        a.with(|v| v.state().sync.outbox.is_empty()),
        "the server took the move"
    );

    // The dropped answer is listed on phone A with what it was.
    let left = a.with(|v| v.state().left_behind.clone());
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].field, "skills.driving_licence");
    assert_eq!(left[0].value, json!(true));

    // Phone B follows at its next sync: same version, same answers; its catalog then fetches
    // the version its draft is on.
    sync_once(&client, &b, &now_ms).await.unwrap();
    for phone in [&a, &b] {
        let draft = phone.with(|v| v.state().draft.clone());
        assert_eq!(draft.form_version, NEXT);
        assert_eq!(
            draft.answer("contacts.home_address"),
            Some(&json!("Tashkent, Chilonzor 9"))
        );
        assert_eq!(draft.answer("contacts.address"), None);
        assert_eq!(draft.answer("skills.driving_licence"), None);
        assert_eq!(draft.answer("personal.surname"), Some(&json!("Nurlanuly")));
    }
    assert!(
        b.with(|v| v.state().left_behind.is_empty()),
        "listed where it was moved"
    );
    let catalog_b = catalog_on(Rc::new(MemoryStore::new()));
    let wanted = b.with(|v| {
        (
            v.state().draft.form_id.clone(),
            v.state().draft.form_version,
        )
    });
    refresh(&client, &catalog_b, Some(wanted), today())
        .await
        .unwrap();
    let draft_b = b.with(|v| v.state().draft.clone());
    assert!(catalog_b.borrow().catalog().form_of(&draft_b).is_some());
    // Phone B answers on the new version and the server takes it.
    answer(&b, "contacts.home_address", json!("Pavlodar, Lenina 1"));
    sync_once(&client, &b, &now_ms).await.unwrap();
    assert!(b.with(|v| v.state().sync.outbox.is_empty()));
}
