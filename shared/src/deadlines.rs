//! The dates a person must not miss, from what Kosh already knows: the KAZTEST certificate's
//! last valid day (from the test date the questionnaire asks for, when the form has that
//! question, and the policy's `valid_for_days`), the screening certificate's last valid day
//! (from the decision that approved the application), the end of the kandas contract (from the
//! contract the family recorded), and the day the stage the application waits on is normally
//! over (running late once that day has passed).
//!
//! Every figure comes from the policy with its source; a figure the policy borrows from the
//! road's own, uncertain source (the KAZTEST's two years, which DOMAIN.md marks unconfirmed for
//! the pilot) is flagged uncertain, so the app can say so beside the date. Nothing here reads a
//! clock: `today` is passed in.

use chrono::NaiveDate;
use serde_json::Value;

use crate::calendar;
use crate::contract::{self, Contract};
use crate::form::{Answers, Form};
use crate::policy::{Policy, Source, StageDuration};
use crate::stage::{Outcome, Stage};
use crate::status::Application;

/// The question with the KAZTEST certificate's date. A form without it has no KAZTEST deadline;
/// the id is the questionnaire's, like the policy's scoring rules name theirs.
pub const KAZTEST_DATE: &str = "languages.kaztest_date";

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// The last day the KAZTEST certificate is valid: the questionnaire opens only with it.
    KaztestValidUntil,
    /// The last day the preliminary screening certificate is valid: the residence permit must
    /// be applied for with it by then.
    ScreeningCertificateValidUntil,
    /// The kandas contract's term ends: from this day leaving the region costs nothing.
    ContractEnds,
    /// The stage the application waits on is normally over by this day.
    StageDue(Stage),
}

impl DeadlineKind {
    /// A stable id (`kaztest`, `screening_certificate`, `contract_end`, `stage_interview`):
    /// locale keys and calendar UIDs are made from it.
    pub fn id(self) -> String {
        match self {
            DeadlineKind::KaztestValidUntil => "kaztest".into(),
            DeadlineKind::ScreeningCertificateValidUntil => "screening_certificate".into(),
            DeadlineKind::ContractEnds => "contract_end".into(),
            DeadlineKind::StageDue(stage) => format!("stage_{}", stage.id()),
        }
    }
}

/// One dated deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// What it is about.
    pub kind: DeadlineKind,
    /// The day itself: the last valid day, the contract's end, the stage's due day.
    pub on: NaiveDate,
    /// The day it is counted from: the test, the decision, the signing, the stage's start.
    pub from: NaiveDate,
    /// `on` is before `today`: a certificate expired, a term over, a stage running late.
    pub is_past: bool,
    /// The figure behind the date is not settled by a published text (or is Kosh's estimate).
    pub uncertain: bool,
    /// Where the figure comes from.
    pub source: Source,
}

impl Deadline {
    /// Whether this is a stage running late: its due day has passed.
    pub fn is_late_stage(&self) -> bool {
        matches!(self.kind, DeadlineKind::StageDue(_)) && self.is_past
    }
}

/// What the deadlines are computed from; any part may be missing. (No `Debug`: answers are any
/// [`Answers`].)
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    /// The draft's form and answers (the KAZTEST date).
    pub answers: Option<(&'a Form, &'a dyn Answers)>,
    /// The application Kosh follows (its timeline and current stage).
    pub application: Option<&'a Application>,
    /// The kandas contract, if the family recorded one.
    pub contract: Option<&'a Contract>,
}

/// Every deadline `facts` give on `today`, soonest first (ties in a fixed order). A fact that
/// cannot give a date (an unanswered or unparsable test date, a contract the policy refuses, a
/// stage without a normal duration) gives no deadline rather than a guessed one.
pub fn deadlines(facts: Facts<'_>, policy: &Policy, today: NaiveDate) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = [
        facts
            .answers
            .and_then(|(form, answers)| kaztest(form, answers, policy, today)),
        facts
            .application
            .and_then(|app| screening_certificate(app, policy, today)),
        facts.contract.and_then(|c| contract_end(c, policy, today)),
        facts
            .application
            .and_then(|app| stage_due(app, policy, today)),
    ]
    .into_iter()
    .flatten()
    .collect();
    crate::sort::sort_by_key(&mut out, |d| d.on);
    out
}

/// The stage's figure's source and whether it is settled: its own source when it has one, else
/// the road's, whose `uncertain` flag it then shares; an estimate is never settled.
fn stage_provenance(policy: &Policy, plan: &StageDuration, count_estimate: bool) -> (Source, bool) {
    let road = &policy.stages().provenance;
    match &plan.source {
        Some(own) => (own.clone(), count_estimate && plan.estimate),
        None => (
            road.source.clone(),
            road.uncertain || (count_estimate && plan.estimate),
        ),
    }
}

/// The last day a certificate given on `from` is valid for `days` days: the day before the
/// `days`-th day after it (a certificate of 1 March valid 365 days is good until 28 February).
fn last_valid_day(from: NaiveDate, days: u32) -> NaiveDate {
    let end = calendar::add_calendar_days(from, days);
    end.pred_opt().unwrap_or(end)
}

fn kaztest(
    form: &Form,
    answers: &dyn Answers,
    policy: &Policy,
    today: NaiveDate,
) -> Option<Deadline> {
    form.question(KAZTEST_DATE)?;
    // An answer the skip logic hides (the person said they took no test) is no date.
    if !form.relevant(KAZTEST_DATE, answers, today) {
        return None;
    }
    let taken: NaiveDate = answers
        .answer(KAZTEST_DATE)
        .and_then(Value::as_str)?
        .parse()
        .ok()?;
    let plan = policy.stage_plan(Stage::LanguageTest)?;
    let on = last_valid_day(taken, plan.valid_for_days?);
    let (source, uncertain) = stage_provenance(policy, plan, false);
    Some(Deadline {
        kind: DeadlineKind::KaztestValidUntil,
        on,
        from: taken,
        is_past: on < today,
        uncertain,
        source,
    })
}

fn screening_certificate(app: &Application, policy: &Policy, today: NaiveDate) -> Option<Deadline> {
    if app.outcome != Outcome::Approved {
        return None;
    }
    let decided = app
        .timeline
        .iter()
        .rev()
        .find(|e| e.stage == Stage::Decision && e.outcome == Outcome::Approved)?
        .at
        .date_naive();
    let plan = policy.stage_plan(Stage::Decision)?;
    let on = last_valid_day(decided, plan.valid_for_days?);
    let (source, uncertain) = stage_provenance(policy, plan, false);
    Some(Deadline {
        kind: DeadlineKind::ScreeningCertificateValidUntil,
        on,
        from: decided,
        is_past: on < today,
        uncertain,
        source,
    })
}

fn contract_end(c: &Contract, policy: &Policy, today: NaiveDate) -> Option<Deadline> {
    contract::check(c, policy).ok()?;
    let on = contract::ends_on(c).ok()?;
    let rule = &policy.contract().provenance;
    Some(Deadline {
        kind: DeadlineKind::ContractEnds,
        on,
        from: c.signed_on,
        // The end day itself is the first free day, so it is past only after it.
        is_past: on < today,
        uncertain: rule.uncertain,
        source: rule.source.clone(),
    })
}

fn stage_due(app: &Application, policy: &Policy, today: NaiveDate) -> Option<Deadline> {
    if app.outcome != Outcome::Pending {
        return None;
    }
    let due = app.expected_by?.date_naive();
    // The stage began with its own entry, or else when the one before it passed (the latest
    // entry), or at the submission.
    let started = app
        .timeline
        .iter()
        .rev()
        .find(|e| e.stage == app.stage)
        .or(app.timeline.last())
        .map_or(app.submitted_at, |e| e.at)
        .date_naive();
    let plan = policy.stage_plan(app.stage)?;
    let (source, uncertain) = stage_provenance(policy, plan, true);
    Some(Deadline {
        kind: DeadlineKind::StageDue(app.stage),
        on: due,
        from: started,
        is_past: due < today,
        uncertain,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{builtin_policy as policy, day as d, instant as t};
    use rstest::rstest;
    use serde_json::json;
    use std::collections::BTreeMap;

    use crate::form::residence_2026;
    use crate::stage::EntrySource;
    use crate::status::TimelineEntry;

    fn answers(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    fn only(facts: Facts<'_>, today: &str) -> Deadline {
        let mut all = deadlines(facts, policy(), d(today));
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    fn none<'a>() -> Facts<'a> {
        Facts {
            answers: None,
            application: None,
            contract: None,
        }
    }

    #[rstest]
    #[case::valid("2025-12-15", "2026-06-01", "2027-12-14", false)]
    #[case::expired("2024-03-01", "2026-06-01", "2026-02-28", true)]
    #[case::last_day_is_not_past("2024-06-02", "2026-06-01", "2026-06-01", false)]
    fn kaztest_certificate_is_valid_730_days(
        #[case] taken: &str,
        #[case] today: &str,
        #[case] until: &str,
        #[case] past: bool,
    ) {
        let form = residence_2026().unwrap();
        let a = answers(&[
            ("languages.kaztest_taken", json!(true)),
            (KAZTEST_DATE, json!(taken)),
        ]);
        let facts = Facts {
            answers: Some((form, &a)),
            ..none()
        };
        let dl = only(facts, today);
        assert_eq!(dl.kind, DeadlineKind::KaztestValidUntil);
        assert_eq!((dl.from, dl.on, dl.is_past), (d(taken), d(until), past));
        // Two years under the general KAZTEST rules, not confirmed for the pilot (DOMAIN.md).
        assert!(dl.uncertain);
    }

    #[rstest]
    // Version 1 asked whether a test was taken; version 2 asks for the certificate's date.
    #[case::no_test_taken_on_version_1(1, json!(false), Some(json!("2025-12-15")))]
    #[case::no_date(2, json!(true), None)]
    #[case::not_a_date(2, json!(true), Some(json!("15.12.2025")))]
    fn no_kaztest_date_no_deadline(
        #[case] version: u32,
        #[case] taken: Value,
        #[case] date: Option<Value>,
    ) {
        let form = crate::form::find_builtin("residence-2026", version)
            .unwrap()
            .unwrap();
        let mut a = answers(&[("languages.kaztest_taken", taken)]);
        if let Some(date) = date {
            a.insert(KAZTEST_DATE.into(), date);
        }
        let facts = Facts {
            answers: Some((form, &a)),
            ..none()
        };
        assert_eq!(deadlines(facts, policy(), d("2026-06-01")), []);
    }

    #[test]
    fn a_form_without_the_question_gives_no_kaztest_deadline() {
        let mut v: Value = serde_json::from_str(&crate::testing::residence_next_json()).unwrap();
        for s in v["sections"].as_array_mut().unwrap() {
            s["questions"]
                .as_array_mut()
                .unwrap()
                .retain(|q| q["id"] != KAZTEST_DATE);
        }
        let form = Form::from_json(&v.to_string()).unwrap();
        let a = answers(&[(KAZTEST_DATE, json!("2025-12-15"))]);
        let facts = Facts {
            answers: Some((&form, &a)),
            ..none()
        };
        assert_eq!(deadlines(facts, policy(), d("2026-06-01")), []);
    }

    fn approved(decided: &str) -> Application {
        let mut app = crate::testing::application(t("2026-04-01T09:00:00Z"), 4, None);
        app.timeline.push(TimelineEntry {
            stage: Stage::Decision,
            outcome: Outcome::Approved,
            at: t(decided),
            source: EntrySource::Officer,
            note: None,
        });
        app.stage = Stage::Decision;
        app.outcome = Outcome::Approved;
        app
    }

    #[rstest]
    #[case::this_year("2026-05-20T10:00:00Z", "2026-06-01", "2027-05-19", false)]
    #[case::over("2025-05-20T10:00:00Z", "2026-06-01", "2026-05-19", true)]
    fn screening_certificate_is_valid_a_year_from_the_decision(
        #[case] decided: &str,
        #[case] today: &str,
        #[case] until: &str,
        #[case] past: bool,
    ) {
        let app = approved(decided);
        let dl = only(
            Facts {
                application: Some(&app),
                ..none()
            },
            today,
        );
        assert_eq!(dl.kind, DeadlineKind::ScreeningCertificateValidUntil);
        assert_eq!((dl.on, dl.is_past), (d(until), past));
    }

    #[test]
    fn a_refused_application_has_no_certificate_and_no_due_stage() {
        let mut app = approved("2026-05-20T10:00:00Z");
        app.outcome = Outcome::Refused;
        app.timeline.last_mut().unwrap().outcome = Outcome::Refused;
        let facts = Facts {
            application: Some(&app),
            ..none()
        };
        assert_eq!(deadlines(facts, policy(), d("2026-06-01")), []);
    }

    #[rstest]
    #[case::under_way("2026-06-01", false)]
    #[case::the_due_day("2026-06-08", false)]
    #[case::running_late("2026-06-09", true)]
    fn the_current_stage_runs_late_after_its_due_day(#[case] today: &str, #[case] late: bool) {
        // Passed submitted, scoring and the checks: waiting on the interview (7 days, estimate).
        let app = crate::testing::application(
            t("2026-05-01T09:00:00Z"),
            3,
            Some(t("2026-06-08T09:00:00Z")),
        );
        let dl = only(
            Facts {
                application: Some(&app),
                ..none()
            },
            today,
        );
        assert_eq!(dl.kind, DeadlineKind::StageDue(Stage::Interview));
        assert_eq!(dl.kind.id(), "stage_interview");
        assert_eq!((dl.on, dl.is_late_stage()), (d("2026-06-08"), late));
        assert_eq!(dl.from, d("2026-05-03"));
        assert!(dl.uncertain, "the interview's days are Kosh's estimate");
    }

    #[test]
    fn the_checks_have_their_own_source_and_are_not_an_estimate() {
        let app = crate::testing::application(
            t("2026-05-01T09:00:00Z"),
            2,
            Some(t("2026-05-29T09:00:00Z")),
        );
        let dl = only(
            Facts {
                application: Some(&app),
                ..none()
            },
            "2026-05-10",
        );
        assert_eq!(dl.kind, DeadlineKind::StageDue(Stage::InteragencyChecks));
        assert!(!dl.uncertain);
        assert!(dl.source.text.contains("20 working days"));
    }

    #[rstest]
    #[case::under_way("2027-01-01", false)]
    #[case::the_end_day("2031-03-01", false)]
    #[case::over("2031-03-02", true)]
    fn the_contract_ends_after_its_term(#[case] today: &str, #[case] past: bool) {
        let c = crate::testing::contract();
        let dl = only(
            Facts {
                contract: Some(&c),
                ..none()
            },
            today,
        );
        assert_eq!(dl.kind, DeadlineKind::ContractEnds);
        assert_eq!(
            (dl.from, dl.on, dl.is_past),
            (d("2026-03-01"), d("2031-03-01"), past)
        );
        assert!(dl.uncertain && dl.source.text.contains("Balayeva"));
    }

    #[test]
    fn a_contract_the_policy_refuses_gives_no_date() {
        let mut c = crate::testing::contract();
        c.term_years = 3;
        let facts = Facts {
            contract: Some(&c),
            ..none()
        };
        assert_eq!(deadlines(facts, policy(), d("2027-01-01")), []);
    }

    #[test]
    fn all_together_soonest_first() {
        let form = residence_2026().unwrap();
        let a = answers(&[
            ("languages.kaztest_taken", json!(true)),
            (KAZTEST_DATE, json!("2025-12-15")),
        ]);
        let app = crate::testing::application(
            t("2026-05-01T09:00:00Z"),
            3,
            Some(t("2026-06-08T09:00:00Z")),
        );
        let c = crate::testing::contract();
        let facts = Facts {
            answers: Some((form, &a)),
            application: Some(&app),
            contract: Some(&c),
        };
        let kinds: Vec<String> = deadlines(facts, policy(), d("2026-06-01"))
            .iter()
            .map(|dl| dl.kind.id())
            .collect();
        assert_eq!(kinds, ["stage_interview", "kaztest", "contract_end"]);
    }
}
