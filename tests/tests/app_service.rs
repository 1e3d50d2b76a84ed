//! The app as it runs, minus the screen: the root component with its background sync task in a
//! Dioxus `VirtualDom`, against the real server. What the person typed reaches the server
//! without any action, the header says "synced", and an unreachable server shows "offline".

use std::rc::Rc;
use std::time::Duration;

use dioxus::dioxus_core::NoOpMutations;
use dioxus::prelude::VirtualDom;
use kosh_mobile::app::{Boot, Root, RootProps};
use kosh_mobile::server::Server;
use kosh_mobile::store::vault::{STATE_KEY, Saved};
use kosh_mobile::store::{LocalStore, MemoryStore, save_json};
use kosh_tests::TestServer;
use serde_json::json;

/// What the app saved, read back from its store.
fn saved(store: &MemoryStore) -> Saved {
    serde_json::from_str(&store.read(STATE_KEY).unwrap().unwrap()).unwrap()
}

/// Run the app until `done` holds for what it saved, or fail after `limit`.
async fn run_until(
    dom: &mut VirtualDom,
    store: &MemoryStore,
    limit: Duration,
    done: impl Fn(&Saved, &str) -> bool,
) -> String {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let html = dioxus_ssr::render(dom);
        if done(&saved(store), &html) {
            return html;
        }
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        assert!(!left.is_zero(), "timed out; last screen: {html}");
        let _ = tokio::time::timeout(left, dom.wait_for_work()).await;
        dom.render_immediate(&mut NoOpMutations);
    }
}

/// A phone signed in to `base`, with answers typed and not yet sent.
async fn phone(base: &str, email: &str) -> Rc<MemoryStore> {
    let server = Server::new(base).unwrap();
    let session = server
        .register(email, "correct horse battery", Some("kk"))
        .await
        .unwrap();
    let mut state = Saved::fresh();
    state.prefs.language = Some("ru".into());
    state.prefs.server_url = Some(base.to_owned());
    state.onboarded = true;
    state.session = Some(session);
    let store = Rc::new(MemoryStore::new());
    save_json(store.as_ref(), STATE_KEY, &state).unwrap();
    let mut vault = kosh_mobile::store::vault::Vault::open(store.clone(), 1).unwrap();
    vault
        .answer(
            "personal.surname",
            json!("Нұрланұлы"),
            kosh_mobile::sync::now_ms(),
        )
        .unwrap();
    store
}

#[tokio::test]
async fn the_background_sync_sends_answers_and_the_header_says_synced() {
    let server = TestServer::start().await;
    let store = phone(&server.base, "service@mail.kz").await;
    let boot = Boot {
        store: store.clone(),
        initial_route: Some("/".into()),
        sync: true,
    };
    let mut dom = VirtualDom::new_with_props(Root, RootProps::builder().boot(boot).build());
    dom.rebuild_in_place();
    let html = run_until(&mut dom, &store, Duration::from_secs(20), |s, html| {
        s.sync.outbox.is_empty() && html.contains("Сохранено на сервере")
    })
    .await;
    assert!(html.contains("class=\"sync sync-synced\""), "{html}");
    let s = saved(&store);
    let token = s.session.unwrap().access_token;
    let (status, body) = server
        .get(&format!("/v1/drafts/{}", s.draft.id), Some(&token))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["answers"]["personal.surname"], "Нұрланұлы");
}

#[tokio::test]
async fn an_unreachable_server_shows_offline_and_keeps_the_answers() {
    let server = TestServer::start().await;
    let store = phone(&server.base, "away@mail.kz").await;
    // The server goes away before the app opens.
    drop(server.stop().await);
    let boot = Boot {
        store: store.clone(),
        initial_route: Some("/".into()),
        sync: true,
    };
    let mut dom = VirtualDom::new_with_props(Root, RootProps::builder().boot(boot).build());
    dom.rebuild_in_place();
    let html = run_until(&mut dom, &store, Duration::from_secs(20), |_, html| {
        html.contains("class=\"sync sync-offline\"")
    })
    .await;
    assert!(html.contains("Нет интернета"), "{html}");
    assert_eq!(saved(&store).sync.outbox.len(), 1);
}
