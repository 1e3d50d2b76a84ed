//! The checklist as a table of families: which entries, for whom, with which translation flag.

use std::collections::BTreeMap;

use rstest::rstest;
use serde_json::{Value, json};

use super::*;
use crate::form::residence_2026;
use crate::testing::{family_member as member, foreign_worker, kandas_family_from_china};

const TODAY: &str = "2026-03-01";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn answers(pairs: Value) -> BTreeMap<String, Value> {
    pairs
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A single ethnic Kazakh from Uzbekistan who joins the regional quota and takes its support.
fn single_kandas_from_uzbekistan_on_the_quota() -> BTreeMap<String, Value> {
    answers(json!({
        "personal.citizenship": "UZ",
        "personal.is_ethnic_kazakh": true,
        "citizenship.current_status": "citizen",
        "family.has_members": false,
        "kandas.origin_country": "UZ",
        "kandas.has_status": false,
        "kandas.join_quota": true,
        "kandas.preferred_region": "pavlodar",
        "kandas.take_support": true,
    }))
}

fn list(answers: &BTreeMap<String, Value>) -> Vec<ChecklistItem> {
    checklist(
        residence_2026().unwrap(),
        answers,
        Policy::builtin().unwrap(),
        today(),
    )
}

/// `id translation` per entry, `*` marking a notarised translation, in checklist order.
fn table(items: &[ChecklistItem]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i.translation {
            Translation::NotarisedKkOrRu => format!("{}*", i.id),
            Translation::None => i.id.clone(),
        })
        .collect()
}

#[rstest]
#[case::kandas_family_of_four_from_china(kandas_family_from_china(), &[
    // kandas status: the applicant's papers, and everyone's ID copy with a notarised translation
    "kandas_application", "kandas_autobiography",
    "identity_copy*", "identity_copy.m0*", "identity_copy.m1*", "identity_copy.m2*",
    "kazakh_nationality_proof",
    // permanent residence: no exit consent (an ethnic Kazakh from the PRC), no proof of funds
    // (an ethnic Kazakh), birth certificates for the two children, a criminal record
    // certificate for the adults only, an apostille for papers from China
    "residence_application", "passport", "passport.m0", "passport.m1", "passport.m2",
    "child_birth_certificate.m1", "child_birth_certificate.m2",
    "autobiography", "no_criminal_record", "no_criminal_record.m0",
    "medical_certificate", "medical_certificate.m0", "medical_certificate.m1",
    "medical_certificate.m2", "photo", "photo.m0", "photo.m1", "photo.m2",
    "fee_receipt", "proof_of_address", "screening_certificate", "apostille",
])]
#[case::foreign_worker_on_general_grounds(foreign_worker(), &[
    // no kandas papers; an exit consent and proof of funds; no apostille from Russia
    "residence_application", "passport", "exit_consent", "autobiography", "proof_of_funds",
    "no_criminal_record", "medical_certificate", "photo", "fee_receipt", "proof_of_address",
    "screening_certificate",
])]
#[case::single_kandas_from_uzbekistan_joining_the_quota(single_kandas_from_uzbekistan_on_the_quota(), &[
    "kandas_application", "kandas_autobiography", "identity_copy*", "kazakh_nationality_proof",
    // the quota with its support: the status and the social contract
    "kandas_status_decision", "social_contract",
    // an exit consent from Uzbekistan (not the PRC), no proof of funds, no apostille
    "residence_application", "passport", "exit_consent", "autobiography",
    "no_criminal_record", "medical_certificate", "photo", "fee_receipt", "proof_of_address",
    "screening_certificate",
])]
fn the_answers_call_for_these_papers(
    #[case] answers: BTreeMap<String, Value>,
    #[case] expected: &[&str],
) {
    assert_eq!(table(&list(&answers)), expected);
}

#[test]
fn entries_name_their_member_path_and_place() {
    let items = list(&kandas_family_from_china());
    let find = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    let copy = find("identity_copy.m1");
    assert_eq!(copy.item, "identity_copy");
    assert_eq!(copy.path, DocumentPath::KandasStatus);
    assert_eq!(
        copy.member,
        Some(Member {
            row: 1,
            relation: Some("child".into()),
            full_name: Some("Aruzhan".into())
        })
    );
    assert_eq!(copy.title_key, "documents-item-identity_copy");
    assert_eq!(copy.where_key, "documents-where-kandas_channels");
    assert!(copy.source.text.contains("2F30"));
    assert!(!copy.is_for_family);
    let address = find("proof_of_address");
    assert!(address.is_for_family && address.member.is_none());
    assert_eq!(address.path, DocumentPath::GeneralGrounds);
    // What the sources leave open is marked so, with a note saying what.
    let apostille = find("apostille");
    assert!(apostille.uncertain && apostille.note.is_some());
    assert_eq!(find("medical_certificate").max_age_days, Some(180));
}

#[test]
fn nothing_is_asked_before_the_answers_say_who_the_family_is() {
    let items = list(&BTreeMap::new());
    // Only the papers every applicant brings; nothing that depends on an unanswered question.
    assert_eq!(
        table(&items),
        [
            "residence_application",
            "passport",
            "autobiography",
            "no_criminal_record",
            "medical_certificate",
            "photo",
            "fee_receipt",
            "proof_of_address",
            "screening_certificate",
        ]
    );
}

#[test]
fn answers_the_form_no_longer_asks_call_for_nothing() {
    // Once said to be an ethnic Kazakh, then corrected: the kandas section's stale answers and
    // the family list behind `has_members == false` are skipped by the form, so by the checklist.
    let mut a = single_kandas_from_uzbekistan_on_the_quota();
    a.insert("personal.is_ethnic_kazakh".into(), json!(false));
    a.insert(
        "family.members".into(),
        json!([member("spouse", "A", "1990-01-01", true)]),
    );
    let ids = table(&list(&a));
    assert!(
        !ids.iter()
            .any(|i| i.starts_with("kandas") || i == "social_contract"),
        "{ids:?}"
    );
    assert!(!ids.iter().any(|i| i.contains(".m")), "{ids:?}");
    assert!(ids.contains(&"proof_of_funds".to_owned()));
}

#[test]
fn a_refugee_is_not_asked_for_an_exit_consent() {
    // Version 2 of the questionnaire asks; version 1 did not, and lists it for everyone but an
    // ethnic Kazakh from the PRC.
    let mut a = foreign_worker();
    a.insert("citizenship.current_status".into(), json!("refugee"));
    assert!(!table(&list(&a)).contains(&"exit_consent".to_owned()));
    a.insert("citizenship.current_status".into(), json!("visitor"));
    assert!(table(&list(&a)).contains(&"exit_consent".to_owned()));
}

#[test]
fn ticks_and_dates_come_from_the_draft() {
    let mut a = foreign_worker();
    a.insert(
        tick::field("medical_certificate"),
        json!({"done": true, "issued_on": "2025-08-01"}),
    );
    a.insert(
        tick::field("no_criminal_record"),
        json!({"done": true, "issued_on": "2026-02-01",
               "attachments": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]}),
    );
    let items = list(&a);
    let find = |id: &str| items.iter().find(|i| i.id == id).unwrap();
    let medical = find("medical_certificate");
    assert!(medical.done);
    // Issued 1 Aug 2025: usable for 180 days, until 28 Jan 2026, so too old on 1 Mar 2026.
    assert_eq!(medical.usable_until, Some("2026-01-28".parse().unwrap()));
    assert!(medical.is_too_old);
    let record = find("no_criminal_record");
    assert!(record.done && !record.is_too_old);
    assert_eq!(record.attachments.len(), 1);
    // A paper with no maximum age is never too old; an unticked one is not done.
    let passport = find("passport");
    assert!(!passport.done && !passport.is_too_old && passport.usable_until.is_none());
}

#[test]
fn ticks_pass_sync_checks_and_never_block_a_submission() {
    use crate::validate::{Env, check_op, validate_draft};
    let form = residence_2026().unwrap();
    let mut a = form.example_answers();
    a.insert(tick::field("passport"), json!({"done": true}));
    assert!(validate_draft(form, &a, &Env::new(today())).is_valid());
    assert_eq!(
        check_op(form, "documents.passport.m3", &json!({"done": true})),
        Ok(())
    );
    assert!(matches!(
        check_op(form, "documents.passport", &json!("yes")),
        Err(crate::Error::InvalidAnswer { code, .. }) if code == "wrong_type"
    ));
    assert!(matches!(
        check_op(form, "documents.Passport!", &json!({"done": true})),
        Err(crate::Error::UnknownQuestion { .. })
    ));
}

#[test]
fn a_bundle_without_a_catalogue_has_an_empty_checklist() {
    let mut v: Value = serde_json::from_str(include_str!("../../policy/policy-2026.json")).unwrap();
    v.as_object_mut().unwrap().remove("documents");
    let policy = Policy::from_json(&v.to_string()).unwrap();
    let items = checklist(
        residence_2026().unwrap(),
        &foreign_worker(),
        &policy,
        today(),
    );
    assert!(items.is_empty());
}

#[test]
fn no_form_may_put_a_question_where_ticks_live() {
    let mut v: Value =
        serde_json::from_str(include_str!("../../forms/residence-2026.v1.json")).unwrap();
    v["sections"][0]["questions"][0]["id"] = json!("documents.passport");
    let problems = Form::load(&v.to_string()).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.path == "sections[0].questions[0].id"),
        "{problems:?}"
    );
}
