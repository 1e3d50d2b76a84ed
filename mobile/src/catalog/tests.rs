use std::rc::Rc;

use kosh_shared::draft::Draft;
use kosh_shared::policy::Figure;
use kosh_shared::testing::NEXT_RESIDENCE_VERSION as NEXT;
use rstest::rstest;
use serde_json::{Value, json};

use super::*;
use crate::store::MemoryStore;
use crate::store::vault::STATE_KEY as STATE_KEY_FOR_TESTS;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The built-in bundle as the server would send it, changed by `edit`.
pub(crate) fn bundle(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = serde_json::to_value(Policy::builtin().unwrap()).unwrap();
    edit(&mut value);
    value.to_string()
}

/// The 2026 bundle with the relocation subsidy raised to 80 MCI.
fn raised() -> String {
    bundle(|b| b["support_measures"][0]["amount"]["mci"] = json!(80))
}

/// A 2027 bundle: in force for 2027, with 2027's MCI published at 4 500 tenge.
fn bundle_2027() -> String {
    bundle(|b| {
        b["id"] = json!("kz-2027");
        b["valid_from"] = json!("2027-01-01");
        b["valid_until"] = json!("2027-12-31");
        b["mci"][2]["kzt"] = json!(4500);
        b["mci"][2]["source"] = json!({"text": "Budget law for 2027", "date": "2026-12-10"});
        b["mci"][2]["note"] = Value::Null;
    })
}

/// The version after the built-in ones, in use from 2027.
fn next() -> String {
    kosh_shared::testing::residence_next_json()
}

#[test]
fn a_fresh_phone_holds_the_built_in_rules() {
    let catalog = Catalog::default();
    let policy = catalog.policy(day("2026-06-01")).unwrap();
    assert_eq!(policy.id(), "kz-2026");
    assert_eq!(catalog.stale(day("2026-06-01")), None);
    let form = catalog.newest_form("residence-2026").unwrap();
    assert_eq!(form.version(), 2);
    assert!(
        catalog.form("residence-2026", 1).is_some(),
        "drafts begun on it"
    );
    assert!(catalog.notice().is_empty());
}

#[test]
fn on_a_day_no_bundle_covers_the_newest_is_used_and_the_screen_is_told_why() {
    let mut catalog = Catalog::default();
    // The built-in bundles end with 2027's.
    let jan = day("2028-01-02");
    assert_eq!(catalog.policy(jan).unwrap().id(), "kz-2027");
    assert_eq!(
        catalog.stale(jan),
        Some(Stale::NotReceived {
            until: Some(day("2027-12-31"))
        })
    );
    // The server said today that none is in force: not published yet, rather than not received.
    catalog.checked(jan, true);
    assert_eq!(
        catalog.stale(jan),
        Some(Stale::NotPublished {
            until: Some(day("2027-12-31"))
        })
    );
    // That answer was for that day only.
    assert!(matches!(
        catalog.stale(day("2028-01-03")),
        Some(Stale::NotReceived { .. })
    ));
}

#[test]
fn a_changed_bundle_replaces_the_held_one_and_says_what_changed() {
    let mut catalog = Catalog::default();
    let today = day("2026-12-02");
    assert_eq!(
        catalog.take_policy(raised(), Some("\"e1\"".into()), today),
        Ok(true)
    );
    assert_eq!(
        catalog.notice(),
        [Change::Support {
            measure: "relocation_subsidy".into()
        }]
    );
    let policy = catalog.policy(today).unwrap();
    let Figure::Published { value, .. } = policy.support("relocation_subsidy", 2026, 1).unwrap()
    else {
        panic!("2026 is published");
    };
    assert_eq!(value.per_payment.max, 80 * 4325);
    assert_eq!(catalog.saved().policy_etag.as_deref(), Some("\"e1\""));
    // The same content again (a repeated answer) is nothing new and adds nothing to say.
    assert_eq!(catalog.take_policy(raised(), None, today), Ok(false));
    assert_eq!(catalog.notice().len(), 1);
    catalog.dismiss_notice();
    assert!(catalog.notice().is_empty());
    assert_eq!(
        catalog.policies().len(),
        2,
        "replaced, not added: 2026's and 2027's"
    );
}

#[test]
fn the_bundle_of_a_new_year_brings_its_mci() {
    let mut catalog = Catalog::default();
    let jan = day("2027-01-02");
    assert_eq!(catalog.take_policy(bundle_2027(), None, jan), Ok(true));
    assert_eq!(catalog.policy(jan).unwrap().id(), "kz-2027");
    assert_eq!(catalog.stale(jan), None);
    assert!(
        catalog.notice().contains(&Change::Mci {
            year: 2027,
            kzt: 4500
        }),
        "{:?}",
        catalog.notice()
    );
    // December still uses the 2026 bundle.
    assert_eq!(catalog.policy(day("2026-12-31")).unwrap().id(), "kz-2026");
}

#[rstest]
#[case::not_json("{\"id\": \"kz-2026\", ")]
#[case::wrong_shape("[1, 2, 3]")]
#[case::bad_value(&bundle(|b| b["mci"][1]["kzt"] = json!(-5)))]
fn a_garbled_bundle_changes_nothing(#[case] text: &str) {
    let mut catalog = Catalog::default();
    let before = catalog.saved().clone();
    let problems = catalog
        .take_policy(text.to_owned(), Some("\"bad\"".into()), day("2026-12-02"))
        .unwrap_err();
    assert!(!problems.is_empty());
    assert_eq!(catalog.saved(), &before);
    assert_eq!(
        catalog.policy(day("2026-12-02")).unwrap(),
        Policy::builtin().unwrap()
    );
}

#[test]
fn what_was_received_survives_saving_and_a_damaged_document_is_dropped() {
    let mut catalog = Catalog::default();
    let today = day("2026-12-02");
    catalog
        .take_policy(raised(), Some("\"e1\"".into()), today)
        .unwrap();
    assert_eq!(
        catalog.take_form(next(), Some("\"f2\"".into())),
        Ok(Some(("residence-2026".into(), NEXT)))
    );
    let saved = catalog.saved().clone();
    let (again, dropped) = Catalog::open(saved.clone());
    assert_eq!(dropped, 0);
    assert_eq!(again.saved(), &saved);
    assert_eq!(again.policy(today), catalog.policy(today));
    assert_eq!(again.newest_form("residence-2026").unwrap().version(), NEXT);

    let mut broken = saved;
    broken.forms[0].text.truncate(40);
    let (again, dropped) = Catalog::open(broken);
    assert_eq!(dropped, 1);
    assert_eq!(again.newest_form("residence-2026").unwrap().version(), 2);
    assert_eq!(
        again.policy(today),
        catalog.policy(today),
        "the rest is kept"
    );
}

#[test]
fn a_newer_form_is_offered_only_while_it_is_in_use() {
    let mut catalog = Catalog::default();
    assert_eq!(
        catalog.take_form(next(), None),
        Ok(Some(("residence-2026".into(), NEXT)))
    );
    assert_eq!(
        catalog.take_form(next(), None),
        Ok(None),
        "versions never change"
    );
    // A draft of version 1 is offered the built-in version 2, in use since version 1's first day.
    let old = Draft::new("d0".into(), "residence-2026".into(), 1);
    assert_eq!(
        catalog
            .newer_form(&old, day("2026-12-02"))
            .map(|f| f.version()),
        Some(2)
    );
    let draft = Draft::new("d1".into(), "residence-2026".into(), 2);
    assert!(catalog.newer_form(&draft, day("2026-12-02")).is_none());
    assert_eq!(
        catalog
            .newer_form(&draft, day("2027-01-10"))
            .map(|f| f.version()),
        Some(NEXT)
    );
    assert_eq!(catalog.form_of(&draft).map(|f| f.version()), Some(2));
    let moved = Draft::new("d1".into(), "residence-2026".into(), NEXT);
    assert!(catalog.newer_form(&moved, day("2027-01-10")).is_none());
    assert!(catalog.take_form("{\"id\": 1}".into(), None).is_err());
}

#[test]
fn a_corrupted_saved_catalog_falls_back_to_the_built_in_rules_and_loses_no_answer() {
    let store = Rc::new(MemoryStore::new());
    store
        .write(STATE_KEY_FOR_TESTS, "{\"the\": \"answers\"}")
        .unwrap();
    store.write(CATALOG_KEY, "{\"policies\": [tru").unwrap();
    let opened = CatalogStore::open(store.clone(), "7");
    assert!(opened.was_damaged());
    assert_eq!(
        opened.catalog().policy(day("2026-06-01")).unwrap().id(),
        "kz-2026"
    );
    assert_eq!(
        store.read(STATE_KEY_FOR_TESTS).unwrap().as_deref(),
        Some("{\"the\": \"answers\"}"),
        "the answers are another document, untouched"
    );
    assert!(
        store.read("catalog.corrupt-7").unwrap().is_some(),
        "set aside"
    );

    // Saving again and reopening is a normal start.
    let mut opened = opened;
    opened
        .update(|c| c.take_policy(raised(), None, day("2026-12-02")))
        .unwrap()
        .unwrap();
    let reopened = CatalogStore::open(store, "8");
    assert!(!reopened.was_damaged());
    assert_eq!(reopened.catalog().notice().len(), 1);
}
