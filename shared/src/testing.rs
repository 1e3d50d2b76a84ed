//! Fixtures for tests in every crate (feature `testing`, and always in this crate's own tests):
//! the sample values that the shared, app and end-to-end tests used to build each by hand. Only
//! values a test reads as "some ordinary case" belong here; a case that matters to one test
//! stays in that test.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::contract::{Contract, SupportPayment};
use crate::policy::{Policy, PolicyStatus};
use crate::score::{CriterionPoints, ScoreSummary};
use crate::stage::{EntrySource, Outcome, Stage};
use crate::status::{Application, TimelineEntry};

/// A day written `YYYY-MM-DD` in a test.
pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test's day is YYYY-MM-DD")
}

/// An instant written in RFC 3339 (`2026-03-01T09:00:00Z`) in a test.
pub fn instant(text: &str) -> DateTime<Utc> {
    text.parse().expect("a test's instant is RFC 3339")
}

/// The policy bundle shipped in this build (`Policy::builtin`), which tests read as given.
pub fn builtin_policy() -> &'static Policy {
    Policy::builtin().expect("the built-in policy loads")
}

/// The region ids every crate relies on (the team brief); a policy bundle may only add to them.
pub const AGREED_REGIONS: [&str; 8] = [
    "akmola",
    "abai",
    "kostanay",
    "pavlodar",
    "atyrau",
    "west_kazakhstan",
    "east_kazakhstan",
    "north_kazakhstan",
];

/// The support measure ids every crate relies on.
pub const AGREED_SUPPORT: [&str; 4] = [
    "relocation_subsidy",
    "rent_utilities",
    "employer_subsidy",
    "housing_certificate",
];

/// The scoring criteria ids every crate relies on, in display order.
pub const AGREED_CRITERIA: [&str; 8] = [
    "age",
    "education",
    "language_kazakh",
    "language_russian",
    "language_english",
    "work_experience",
    "professional_skills",
    "adaptability",
];

/// One support payment.
pub fn payment(kind: &str, amount_kzt: u64, received_on: &str) -> SupportPayment {
    SupportPayment {
        kind: kind.into(),
        amount_kzt,
        received_on: day(received_on),
    }
}

/// A kandas family of four in Pavlodar region, contract signed on 2026-03-01 for five years,
/// with the relocation subsidy (1 211 000 ₸) received on 2026-03-10; not verified.
pub fn contract() -> Contract {
    Contract {
        region: "pavlodar".into(),
        settlement: Some("Екібастұз".into()),
        signed_on: day("2026-03-01"),
        term_years: 5,
        family_members: 4,
        support: vec![payment("relocation_subsidy", 1_211_000, "2026-03-10")],
        verified: false,
    }
}

/// A preliminary score of 420 against the pass mark of 400, from the illustrative table.
pub fn score_summary() -> ScoreSummary {
    ScoreSummary {
        total: 420,
        pass_mark: 400,
        status: PolicyStatus::Illustrative,
        criteria: vec![CriterionPoints {
            id: "age".into(),
            points: 80,
            max: 100,
        }],
    }
}

/// An application of draft `d1` submitted at `submitted_at` that passed `passed` stages (in
/// order, one day apart) and now waits on the next one, due `expected_by`.
pub fn application(
    submitted_at: DateTime<Utc>,
    passed: usize,
    expected_by: Option<DateTime<Utc>>,
) -> Application {
    let stages = Policy::builtin()
        .map(Policy::application_stages)
        .unwrap_or_else(|_| vec![Stage::Submitted]);
    let timeline = stages
        .iter()
        .take(passed)
        .enumerate()
        .map(|(i, &stage)| TimelineEntry {
            stage,
            outcome: Outcome::Passed,
            at: submitted_at + Duration::days(i64::try_from(i).unwrap_or(0)),
            source: EntrySource::Officer,
            note: None,
        })
        .collect();
    Application {
        id: "a1".into(),
        draft_id: "d1".into(),
        form_id: "residence-2026".into(),
        form_version: 1,
        submitted_at,
        stage: stages[passed.min(stages.len() - 1)],
        outcome: Outcome::Pending,
        score: score_summary(),
        timeline,
        expected_by,
    }
}

/// An application as the server keeps it (its timeline as `status` writes it, each stage's
/// pending entry included): `id`, sent at `submitted_at` under the built-in policy, and passed
/// by officers through every stage before `upto`, each at `passed_at`.
pub fn application_at(
    id: &str,
    upto: Stage,
    submitted_at: DateTime<Utc>,
    passed_at: DateTime<Utc>,
) -> Application {
    let policy = Policy::builtin().expect("the built-in policy loads");
    let draft = crate::draft::Draft::new("d1".into(), "residence-2026".into(), 1);
    let mut app = crate::status::submit(id.into(), &draft, submitted_at, score_summary(), policy);
    for stage in policy
        .application_stages()
        .into_iter()
        .take_while(|s| *s != upto)
    {
        let event = crate::status::StageEventRequest {
            stage,
            outcome: Outcome::Passed,
            note: None,
        };
        app = crate::status::record_event(&app, &event, passed_at, policy)
            .expect("officers pass the stages in order");
    }
    app
}

/// The version [`residence_next_json`] has: one past the newest built-in.
pub const NEXT_RESIDENCE_VERSION: u32 = 3;

/// The version of the residence form after the newest built-in one (3), for tests of moving
/// drafts between versions: valid in 2027, without `skills.driving_licence`, and with
/// `contacts.address` renamed `contacts.home_address` (same words, so every locale already has
/// them).
pub fn residence_next_json() -> String {
    let mut form: serde_json::Value =
        serde_json::from_str(include_str!("../forms/residence-2026.v2.json"))
            .unwrap_or(serde_json::Value::Null);
    form["version"] = NEXT_RESIDENCE_VERSION.into();
    form["valid_from"] = "2027-01-01".into();
    form["valid_until"] = "2027-12-31".into();
    if let Some(sections) = form["sections"].as_array_mut() {
        for section in sections {
            if let Some(questions) = section["questions"].as_array_mut() {
                questions.retain(|q| q["id"] != "skills.driving_licence");
                for q in questions.iter_mut() {
                    if q["id"] == "contacts.address" {
                        q["id"] = "contacts.home_address".into();
                        q["renamed_from"] = "contacts.address".into();
                    }
                }
            }
        }
    }
    form.to_string()
}

/// Answers keyed by question id, from a JSON object.
fn answers_of(pairs: serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    serde_json::from_value(pairs).unwrap_or_default()
}

/// One row of `family.members`, a Chinese citizen.
pub fn family_member(relation: &str, name: &str, born: &str, moves: bool) -> serde_json::Value {
    serde_json::json!({"relation": relation, "full_name": name, "birth_date": born,
                       "citizenship": "CN", "moves_with_me": moves})
}

/// The checklist's first family: ethnic Kazakhs from China; the applicant, a spouse and two
/// children under 16 move, a parent stays behind. Not on the quota.
pub fn kandas_family_from_china() -> std::collections::BTreeMap<String, serde_json::Value> {
    answers_of(serde_json::json!({
        "personal.citizenship": "CN",
        "personal.is_ethnic_kazakh": true,
        "family.has_members": true,
        "family.members": [
            family_member("spouse", "Gulnar Serikqyzy", "1990-04-02", true),
            family_member("child", "Aruzhan", "2013-06-01", true),
            family_member("child", "Nurali", "2018-09-15", true),
            family_member("parent", "Serik Amanuly", "1958-01-20", false),
        ],
        "kandas.origin_country": "CN",
        "kandas.has_status": false,
        "kandas.join_quota": false,
    }))
}

/// The checklist's second case: a single foreign worker from Russia, on general grounds.
pub fn foreign_worker() -> std::collections::BTreeMap<String, serde_json::Value> {
    answers_of(serde_json::json!({
        "personal.citizenship": "RU",
        "personal.is_ethnic_kazakh": false,
        "citizenship.current_status": "citizen",
        "family.has_members": false,
        "work.current_status": "employed",
    }))
}
