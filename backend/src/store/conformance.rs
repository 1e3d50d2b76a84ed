//! One set of tests every [`Store`] must pass: what the handlers rely on, whatever the engine.
//! Each case takes a fresh, empty store; [`conformance_suite!`] runs every case against one
//! kind of store (sled here, PostgreSQL in `postgres`).

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{Duration, Utc};
use kosh_shared::api::{Op, Role};
use kosh_shared::hlc::Hlc;
use kosh_shared::ids::UserId;
use kosh_shared::testing;
use serde_json::json;

use super::{
    ApplicationRecord, IncomingOp, PushRefusal, ReferenceKey, RefreshRecord, Rotation, Store,
    Submission, Synced, UserRecord,
};

/// Runs every conformance case as its own test, each against a store from `$make`, an async
/// expression giving `(guard, Arc<dyn Store>)`; the guard (a temporary directory, a database
/// schema) lives as long as the case.
macro_rules! conformance_suite {
    ($make:expr) => {
        $crate::store::conformance::conformance_suite!(@cases $make;
            pushes_are_all_or_nothing_and_idempotent,
            the_log_pages_and_skips_the_devices_own_ops,
            concurrent_pushes_of_one_user_get_distinct_sequence_numbers,
            many_users_pushing_at_once_each_get_their_own_answer,
            a_draft_follows_its_newest_form_version_and_lists_under_its_owner,
            refresh_tokens_rotate_once_and_reuse_revokes_the_login,
            two_racing_rotations_of_one_token_rotate_once,
            emails_are_unique_case_insensitively,
            submissions_are_idempotent_per_user_and_key,
            applications_are_replaced_only_if_unchanged,
            contracts_are_kept_per_user,
            references_are_listed_once_each_and_replaced,
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $case() {
                let (_guard, store) = $make.await;
                $crate::store::conformance::$case(store).await;
            }
        )*
    };
}
pub(crate) use conformance_suite;

fn op(id: &str, draft: &str, device: &str, field: &str, wall: u64) -> IncomingOp {
    IncomingOp {
        op: Op {
            op_id: id.into(),
            draft_id: draft.into(),
            form_id: "residence-2026".into(),
            field: field.into(),
            value: json!(id),
            hlc: Hlc::new(wall, 0, device).expect("a valid clock"),
            form_version: None,
        },
        device: device.into(),
        clamped: false,
        form_version: 1,
    }
}

/// A push and nothing read back: what the log's head is after it.
async fn push(
    store: &dyn Store,
    user: &UserId,
    ops: &[IncomingOp],
) -> Result<Option<u64>, PushRefusal> {
    store
        .sync(user, ops, Utc::now(), 0, 0, "")
        .await
        .expect("the store answers")
        .map(|s| s.logged_up_to)
}

pub async fn pushes_are_all_or_nothing_and_idempotent(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let (alice, bob) = (UserId::from("alice"), UserId::from("bob"));
    let f = "education.level";
    assert_eq!(
        push(store, &alice, &[op("a1", "da", "p", f, 1)]).await,
        Ok(Some(1))
    );
    let refused = push(
        store,
        &bob,
        &[op("b1", "db", "q", f, 1), op("b2", "da", "q", f, 2)],
    )
    .await;
    assert_eq!(refused, Err(PushRefusal::NotOwner("da".into())));
    assert!(
        store.draft(&"db".into()).await.unwrap().is_none(),
        "nothing of bob's push is written"
    );
    assert!(store.drafts_of(&bob).await.unwrap().is_empty());
    let mut other_form = op("b3", "da", "p", f, 3);
    other_form.op.form_id = "another-form".into();
    assert!(matches!(
        push(store, &alice, &[other_form]).await,
        Err(PushRefusal::FormMismatch { .. })
    ));

    let logged = push(
        store,
        &alice,
        &[
            op("a1", "da", "p", f, 1),
            op("a2", "da", "p", f, 2),
            op("a2", "da", "p", f, 2),
        ],
    )
    .await;
    assert_eq!(logged, Ok(Some(2)), "only a2 is new, and logged once");
    assert_eq!(
        push(store, &alice, &[op("a2", "da", "p", f, 2)]).await,
        Ok(None),
        "a replay logs nothing"
    );
    let record = store.draft(&"da".into()).await.unwrap().unwrap();
    let cell = record.draft.cell(f).unwrap();
    assert_eq!(cell.value(), &json!("a2"), "the later write wins");
    assert_eq!(cell.overwritten().unwrap().value, json!("a1"));
    assert_eq!(record.owner, alice);
}

pub async fn the_log_pages_and_skips_the_devices_own_ops(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let alice = UserId::from("alice");
    let ops: Vec<IncomingOp> = (1..=7)
        .map(|i| {
            let device = if i % 2 == 0 { "phone" } else { "tablet" };
            op(&format!("o{i}"), "d", device, &format!("q{i}"), i)
        })
        .collect();
    assert_eq!(push(store, &alice, &ops).await, Ok(Some(7)));
    let all = store.changes_since(&alice, 0, 100, "laptop").await.unwrap();
    assert_eq!(
        all.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7]
    );
    assert_eq!((all.cursor, all.more), (7, false));
    let own = store.changes_since(&alice, 0, 100, "phone").await.unwrap();
    assert_eq!(
        own.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 3, 5, 7]
    );
    assert_eq!(own.cursor, 7, "the cursor moves past the device's own ops");
    // Page by two from the phone: every other device's op once, in order, and the last page
    // says there is no more.
    let (mut cursor, mut got, mut pages) = (0, Vec::new(), 0);
    loop {
        let page = store
            .changes_since(&alice, cursor, 2, "phone")
            .await
            .unwrap();
        assert!(page.entries.len() <= 2);
        assert!(page.cursor >= cursor, "a cursor never goes back");
        got.extend(page.entries.iter().map(|e| e.seq));
        cursor = page.cursor;
        pages += 1;
        if !page.more {
            break;
        }
        assert!(pages < 10, "paging ends");
    }
    assert_eq!(got, [1, 3, 5, 7]);
    assert_eq!(cursor, 7);
    let synced = store
        .sync(&alice, &[], Utc::now(), 0, 3, "laptop")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(synced.logged_up_to, None, "a pull logs nothing");
    assert_eq!((synced.page.entries.len(), synced.page.more), (3, true));
    let past_the_end = store.changes_since(&alice, 99, 10, "x").await.unwrap();
    assert!(past_the_end.entries.is_empty());
    assert_eq!(
        past_the_end.cursor, 7,
        "a cursor past the end (a server reset) comes back to the log's end"
    );
    let bobs = store
        .changes_since(&"bob".into(), 0, 10, "x")
        .await
        .unwrap();
    assert!(bobs.entries.is_empty(), "another user's log is their own");
    let clamped = IncomingOp {
        clamped: true,
        ..op("late", "d", "phone", "q9", 9)
    };
    let Ok(Synced { page, .. }) = store
        .sync(&alice, &[clamped], Utc::now(), 7, 10, "phone")
        .await
        .unwrap()
    else {
        panic!("alice's own draft")
    };
    assert_eq!(
        page.entries
            .iter()
            .map(|e| e.op.op_id.as_str())
            .collect::<Vec<_>>(),
        ["late"],
        "a clamped op goes back to its own device"
    );
}

pub async fn concurrent_pushes_of_one_user_get_distinct_sequence_numbers(store: Arc<dyn Store>) {
    let alice = UserId::from("alice");
    let mut tasks = Vec::new();
    for device in 0..4 {
        let (store, alice) = (store.clone(), alice.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..5 {
                let id = format!("d{device}-{i}");
                let field = format!("q{device}");
                let ops = [op(&id, "d", &format!("dev{device}"), &field, i + 1)];
                push(store.as_ref(), &alice, &ops)
                    .await
                    .expect("alice's own draft");
            }
        }));
    }
    for task in tasks {
        task.await.expect("a push task ends");
    }
    let page = store.changes_since(&alice, 0, 100, "none").await.unwrap();
    let seqs: Vec<u64> = page.entries.iter().map(|e| e.seq).collect();
    assert_eq!(
        seqs,
        (1..=20).collect::<Vec<_>>(),
        "one number per op, no gaps"
    );
    let ids: BTreeSet<&str> = page.entries.iter().map(|e| e.op.op_id.as_str()).collect();
    assert_eq!(ids.len(), 20);
    let draft = store.draft(&"d".into()).await.unwrap().unwrap();
    for device in 0..4 {
        assert_eq!(
            draft.draft.cell(&format!("q{device}")).unwrap().value(),
            &json!(format!("d{device}-4")),
            "each question holds its device's last write"
        );
    }
}

/// Pushes of many users at once, as a busy server takes them (PostgreSQL may put them in one
/// transaction): each is answered as if alone. Among them a push refused for another user's
/// draft, two users creating one new draft (one wins, the other is refused), and one push sent
/// twice (logged once).
pub async fn many_users_pushing_at_once_each_get_their_own_answer(store: Arc<dyn Store>) {
    let owner = UserId::from("owner");
    push(store.as_ref(), &owner, &[op("o1", "taken", "p", "a", 1)])
        .await
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    let sync = |user: String, ops: Vec<IncomingOp>, device: String| {
        let store = store.clone();
        async move {
            let user = UserId::from(user.as_str());
            let answer = store.sync(&user, &ops, Utc::now(), 0, 100, &device).await;
            (user, device, answer.expect("the store answers"))
        }
    };
    for i in 0..20 {
        let (phone, other) = (format!("p{i}"), format!("q{i}"));
        let ops = vec![
            op(&format!("u{i}-1"), &format!("d{i}"), &phone, "a", 1),
            op(&format!("u{i}-2"), &format!("d{i}"), &phone, "b", 2),
        ];
        tasks.spawn(sync(format!("u{i}"), ops, phone));
        // The user's other phone, pushing its own answer at the same time.
        let ops = vec![op(&format!("u{i}-3"), &format!("d{i}"), &other, "c", 3)];
        tasks.spawn(sync(format!("u{i}"), ops, other));
    }
    tasks.spawn(sync(
        "thief".into(),
        vec![op("t1", "taken", "p", "a", 9)],
        "p".into(),
    ));
    for user in ["x", "y"] {
        let ops = vec![op(&format!("{user}1"), "contested", "p", "a", 1)];
        tasks.spawn(sync(user.into(), ops, "p".into()));
    }
    for _ in 0..2 {
        tasks.spawn(sync(
            "twice".into(),
            vec![op("w1", "dw", "p", "a", 1)],
            "p".into(),
        ));
    }
    let mut contested = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (user, device, answer) = done.expect("a sync task ends");
        match user.as_str() {
            "thief" => assert_eq!(answer, Err(PushRefusal::NotOwner("taken".into()))),
            "x" | "y" => contested.push(answer.map(|s| s.logged_up_to)),
            "twice" => {
                let synced = answer.expect("twice's own draft");
                assert_eq!(synced.page.cursor, 1, "the op logged once");
            }
            _ => {
                let synced = answer.expect("the user's own draft");
                let from_other: Vec<&str> = synced
                    .page
                    .entries
                    .iter()
                    .map(|e| e.device.as_str())
                    .collect();
                assert!(
                    from_other.iter().all(|d| *d != device),
                    "{user} on {device} is not handed its own ops: {from_other:?}"
                );
                assert!(synced.page.cursor >= synced.logged_up_to.unwrap());
            }
        }
    }
    contested.sort_by_key(|a| a.is_err());
    assert_eq!(
        contested,
        [Ok(Some(1)), Err(PushRefusal::NotOwner("contested".into()))],
        "of two users creating one draft, one wins"
    );
    for i in 0..20 {
        let user = UserId::from(format!("u{i}").as_str());
        let page = store.changes_since(&user, 0, 100, "none").await.unwrap();
        let seqs: Vec<u64> = page.entries.iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 2, 3], "u{i}'s three ops, numbered without gaps");
        let draft = store.draft(&format!("d{i}").into()).await.unwrap().unwrap();
        assert_eq!(draft.owner, user);
        assert_eq!(
            draft.draft.cells().len(),
            3,
            "d{i} holds both phones' answers"
        );
    }
    let taken = store.draft(&"taken".into()).await.unwrap().unwrap();
    assert_eq!(taken.owner, owner);
    assert_eq!(taken.draft.cell("a").unwrap().value(), &json!("o1"));
}

pub async fn a_draft_follows_its_newest_form_version_and_lists_under_its_owner(
    store: Arc<dyn Store>,
) {
    let store = store.as_ref();
    let alice = UserId::from("alice");
    push(store, &alice, &[op("1", "d1", "p", "a", 1)])
        .await
        .unwrap();
    let mut newer = op("2", "d1", "p", "b", 2);
    (newer.op.form_version, newer.form_version) = (Some(2), 2);
    push(store, &alice, &[newer, op("3", "d2", "p", "a", 3)])
        .await
        .unwrap();
    let mut older = op("4", "d1", "p", "c", 4);
    older.op.form_version = Some(1);
    push(store, &alice, &[older]).await.unwrap();
    let d1 = store.draft(&"d1".into()).await.unwrap().unwrap();
    assert_eq!(
        d1.draft.form_version, 2,
        "a draft's version never goes back"
    );
    assert_eq!(d1.draft.cells().len(), 3);
    let mut ids: Vec<String> = store
        .drafts_of(&alice)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.draft.id.to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, ["d1", "d2"]);
}

fn refresh(family: &str, user: &str, expires_in: Duration) -> RefreshRecord {
    RefreshRecord {
        family: family.into(),
        user: user.into(),
        used: false,
        expires_at: Utc::now() + expires_in,
    }
}

pub async fn refresh_tokens_rotate_once_and_reuse_revokes_the_login(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let now = Utc::now();
    let later = now + Duration::days(1);
    store
        .insert_refresh("h1", &refresh("f1", "u1", Duration::days(1)))
        .await
        .unwrap();
    assert!(store.is_login_active("f1", &"u1".into()).await.unwrap());
    assert!(
        !store.is_login_active("f1", &"u2".into()).await.unwrap(),
        "a login counts only for its own user"
    );
    let Rotation::Rotated(new) = store.rotate_refresh("h1", "h2", later, now).await.unwrap() else {
        panic!("a fresh token rotates")
    };
    assert_eq!((new.family.as_str(), new.used), ("f1", false));
    assert_eq!(
        store.rotate_refresh("h1", "h3", later, now).await.unwrap(),
        Rotation::Reused
    );
    assert!(!store.is_login_active("f1", &"u1".into()).await.unwrap());
    assert_eq!(
        store.rotate_refresh("h2", "h4", later, now).await.unwrap(),
        Rotation::Invalid,
        "reuse revoked the whole login, the newest token too"
    );
    assert_eq!(
        store
            .rotate_refresh("unknown", "h5", later, now)
            .await
            .unwrap(),
        Rotation::Invalid
    );
    store
        .insert_refresh("old", &refresh("f2", "u1", Duration::seconds(-1)))
        .await
        .unwrap();
    assert_eq!(
        store.rotate_refresh("old", "h6", later, now).await.unwrap(),
        Rotation::Invalid,
        "an expired token does not rotate"
    );
    store
        .insert_refresh("h7", &refresh("f3", "u1", Duration::days(1)))
        .await
        .unwrap();
    assert!(store.revoke_login("h7").await.unwrap());
    assert!(!store.is_login_active("f3", &"u1".into()).await.unwrap());
    assert!(!store.revoke_login("nobody").await.unwrap());
}

pub async fn two_racing_rotations_of_one_token_rotate_once(store: Arc<dyn Store>) {
    let now = Utc::now();
    for round in 0..5 {
        let (family, old) = (format!("f{round}"), format!("t{round}"));
        store
            .insert_refresh(&old, &refresh(&family, "u1", Duration::days(1)))
            .await
            .unwrap();
        let racers: Vec<_> = (0..2)
            .map(|i| {
                let (store, old) = (store.clone(), old.clone());
                tokio::spawn(async move {
                    store
                        .rotate_refresh(&old, &format!("{old}-{i}"), now + Duration::days(1), now)
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for racer in racers {
            outcomes.push(racer.await.unwrap());
        }
        let rotated = outcomes
            .iter()
            .filter(|o| matches!(o, Rotation::Rotated(_)))
            .count();
        assert_eq!(rotated, 1, "round {round}: {outcomes:?}");
        assert!(outcomes.contains(&Rotation::Reused), "round {round}");
    }
}

fn user(id: &str, email: &str) -> UserRecord {
    UserRecord {
        id: id.into(),
        email: email.into(),
        password_hash: "x".into(),
        role: Role::Applicant,
        locale: Some("kk".into()),
        created_at: testing::instant("2026-11-01T10:00:00Z"),
    }
}

pub async fn emails_are_unique_case_insensitively(store: Arc<dyn Store>) {
    let store = store.as_ref();
    assert!(
        store
            .insert_user(&user("1", "Aigul@Example.kz"))
            .await
            .unwrap()
    );
    assert!(
        !store
            .insert_user(&user("2", "aigul@example.KZ"))
            .await
            .unwrap()
    );
    assert!(store.user(&"2".into()).await.unwrap().is_none());
    let found = store.user_by_email("AIGUL@example.kz").await.unwrap();
    assert_eq!(found, Some(user("1", "Aigul@Example.kz")), "kept as typed");
    assert!(
        store
            .user_by_email("other@example.kz")
            .await
            .unwrap()
            .is_none()
    );
}

fn application(id: &str, owner: &str, days_ago: i64) -> ApplicationRecord {
    let at = testing::instant("2026-11-20T10:00:00Z") - Duration::days(days_ago);
    let mut application = testing::application(at, 0, None);
    application.id = id.into();
    ApplicationRecord {
        owner: owner.into(),
        application,
    }
}

pub async fn submissions_are_idempotent_per_user_and_key(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let first = application("a1", "alice", 1);
    assert_eq!(
        store.submit("k1", &first).await.unwrap(),
        Submission::Created(first.clone())
    );
    assert_eq!(
        store
            .submit("k1", &application("a2", "alice", 0))
            .await
            .unwrap(),
        Submission::Existing(first.clone()),
        "the same key again answers with what it created"
    );
    assert!(store.application(&"a2".into()).await.unwrap().is_none());
    let bobs = application("b1", "bob", 3);
    assert_eq!(
        store.submit("k1", &bobs).await.unwrap(),
        Submission::Created(bobs.clone()),
        "keys are per user"
    );
    let older = application("a0", "alice", 5);
    store.submit("k0", &older).await.unwrap();
    assert_eq!(
        store
            .application_by_key(&"alice".into(), "k1")
            .await
            .unwrap(),
        Some(first.clone())
    );
    assert!(
        store
            .application_by_key(&"carol".into(), "k1")
            .await
            .unwrap()
            .is_none()
    );
    let ids = |apps: Vec<ApplicationRecord>| -> Vec<String> {
        apps.into_iter()
            .map(|a| a.application.id.to_string())
            .collect()
    };
    assert_eq!(
        ids(store.applications_of(&"alice".into()).await.unwrap()),
        ["a0", "a1"],
        "oldest first"
    );
    assert_eq!(
        ids(store.all_applications().await.unwrap()),
        ["a0", "b1", "a1"]
    );
}

pub async fn applications_are_replaced_only_if_unchanged(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let old = application("a1", "alice", 1);
    store.submit("k", &old).await.unwrap();
    let mut new = old.clone();
    new.application.form_version = 2;
    assert!(store.replace_application(&old, &new).await.unwrap());
    let mut other = old.clone();
    other.application.form_version = 3;
    assert!(
        !store.replace_application(&old, &other).await.unwrap(),
        "the stored one is no longer `old`"
    );
    assert_eq!(store.application(&"a1".into()).await.unwrap(), Some(new));
}

pub async fn contracts_are_kept_per_user(store: Arc<dyn Store>) {
    let store = store.as_ref();
    assert!(store.contract(&"alice".into()).await.unwrap().is_none());
    let mut contract = testing::contract();
    store
        .put_contract(&"alice".into(), &contract)
        .await
        .unwrap();
    assert_eq!(
        store.contract(&"alice".into()).await.unwrap(),
        Some(contract.clone())
    );
    contract.verified = !contract.verified;
    store
        .put_contract(&"alice".into(), &contract)
        .await
        .unwrap();
    assert_eq!(
        store.contract(&"alice".into()).await.unwrap(),
        Some(contract)
    );
    assert!(store.contract(&"bob".into()).await.unwrap().is_none());
}

pub async fn references_are_listed_once_each_and_replaced(store: Arc<dyn Store>) {
    let store = store.as_ref();
    let keys = [
        ReferenceKey::Form("residence-2026".into(), 10),
        ReferenceKey::Policy("kz-2027".into()),
        ReferenceKey::Form("residence-2026".into(), 2),
        ReferenceKey::Policy("kz-2026".into()),
        ReferenceKey::Form("contract".into(), 1),
    ];
    for key in &keys {
        store
            .put_reference(key, &format!("{{\"key\": \"{key:?}\"}}"))
            .await
            .unwrap();
    }
    store
        .put_reference(
            &ReferenceKey::Policy("kz-2026".into()),
            "{\"replaced\": true}",
        )
        .await
        .unwrap();
    let listed = store.references().await.unwrap();
    let mut listed_keys: Vec<ReferenceKey> = listed.iter().map(|(k, _)| k.clone()).collect();
    listed_keys.sort();
    let mut sorted = keys.to_vec();
    sorted.sort();
    assert_eq!(
        listed_keys, sorted,
        "each document once, version 10 apart from 2"
    );
    let replaced = listed
        .iter()
        .find(|(k, _)| k == &ReferenceKey::Policy("kz-2026".into()))
        .map(|(_, body)| body.as_str());
    assert_eq!(replaced, Some("{\"replaced\": true}"));
}

mod embedded {
    use std::sync::Arc;

    use crate::store::{Embedded, Store};

    async fn sled() -> (tempfile::TempDir, Arc<dyn Store>) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Embedded::open(dir.path(), 0).expect("the store opens");
        (dir, Arc::new(store))
    }

    conformance_suite!(sled());
}
