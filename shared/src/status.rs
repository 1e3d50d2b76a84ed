//! The rules over an application's stages (the stages and outcomes themselves are in `stage`,
//! re-exported here): the road's order from the policy, the legal transitions, each stage's
//! due date from the policy's durations (calendar or working days), and the update of an
//! [`Application`]'s timeline when an officer records an event or the applicant reports what
//! an official notice said. The wire types those rules compute, [`Application`],
//! [`TimelineEntry`], [`StageEventRequest`] and [`StageReportRequest`], live here too (`api`
//! re-exports them).
//!
//! The rules: the application's stages come in the policy's order and none is skipped or
//! revisited; a stage is passed before the next begins (passing one starts the next at once,
//! so an application always waits on exactly one stage until it ends); `failed` or `refused`
//! at any stage ends the application; the last stage (the decision) ends in `approved` or
//! `refused`, never `passed`.
//!
//! Who said it: every entry carries its source. The applicant's reports move the application
//! as the person was told, but for any stage an officer's word is what counts: where both
//! spoke, the officer's outcome decides, and officers step through the stages on their own
//! record, whatever the applicant reported ahead of them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::ids::{ApplicationId, DraftId, FormId};
use crate::policy::Policy;
use crate::score::ScoreSummary;
pub use crate::stage::{EntrySource, Outcome, Stage};

/// One step of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub stage: Stage,
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
    /// Who recorded it; entries stored before sources existed were Kosh's or an officer's
    /// (read as Kosh's, which counts the same).
    #[serde(default)]
    pub source: EntrySource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
/// A submitted application and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: ApplicationId,
    pub draft_id: DraftId,
    pub form_id: FormId,
    pub form_version: u32,
    pub submitted_at: DateTime<Utc>,
    pub stage: Stage,
    pub outcome: Outcome,
    pub score: ScoreSummary,
    pub timeline: Vec<TimelineEntry>,
    /// When the current stage should normally be over (from the policy's durations); `None`
    /// once the application is decided.
    pub expected_by: Option<DateTime<Utc>>,
}
/// `POST /v1/applications/{id}/events` (officers only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageEventRequest {
    pub stage: Stage,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `POST /v1/applications/{id}/reports` (the applicant): what an official notice said, and the
/// notice's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageReportRequest {
    pub stage: Stage,
    pub outcome: Outcome,
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// When a stage that starts at `started` is normally over, by the policy's duration (its days
/// counted as calendar or working days), at the same time of day. `None` for a stage without a
/// normal duration.
pub fn due_at(stage: Stage, started: DateTime<Utc>, policy: &Policy) -> Option<DateTime<Utc>> {
    let day = policy.stage_due(stage, started.date_naive())?;
    Some(day.and_time(started.time()).and_utc())
}

/// A new application of `draft`: waiting on the `submitted` stage since `submitted_at`.
pub fn submit(
    id: ApplicationId,
    draft: &Draft,
    submitted_at: DateTime<Utc>,
    score: ScoreSummary,
    policy: &Policy,
) -> Application {
    Application {
        id,
        draft_id: draft.id.clone(),
        form_id: draft.form_id.clone(),
        form_version: draft.form_version,
        submitted_at,
        stage: Stage::Submitted,
        outcome: Outcome::Pending,
        score,
        timeline: vec![TimelineEntry {
            stage: Stage::Submitted,
            outcome: Outcome::Pending,
            at: submitted_at,
            source: EntrySource::Kosh,
            note: None,
        }],
        expected_by: due_at(Stage::Submitted, submitted_at, policy),
    }
}

/// Check that `to_stage` may end in `to` while the application is at `stage` with `outcome`:
/// the current stage only, `passed` or `failed` before the last stage, `approved` at it,
/// `refused` at any.
pub fn check_transition(
    stage: Stage,
    outcome: Outcome,
    to_stage: Stage,
    to: Outcome,
    policy: &Policy,
) -> Result<()> {
    let last = policy.next_stage(stage).is_none();
    let allowed = !outcome.is_final()
        && to_stage == stage
        && match to {
            Outcome::Pending => false,
            Outcome::Passed | Outcome::Failed => !last,
            Outcome::Approved => last,
            Outcome::Refused => true,
        };
    if allowed {
        Ok(())
    } else {
        Err(Error::InvalidTransition {
            from: format!("{}/{}", stage.id(), outcome.id()),
            to: format!("{}/{}", to_stage.id(), to.id()),
        })
    }
}

/// Where an application stands by its timeline: the current stage, its outcome, and when it
/// began. For each stage in the policy's order the last ending entry decides, an officer's or
/// Kosh's over the applicant's (`with_reports: false` reads the officers' record alone).
fn standing(
    app: &Application,
    policy: &Policy,
    with_reports: bool,
) -> (Stage, Outcome, DateTime<Utc>) {
    let mut began = app.submitted_at;
    let stages = policy.application_stages();
    for &stage in &stages {
        let ending = |official: bool| {
            app.timeline.iter().rev().find(|e| {
                e.stage == stage
                    && e.outcome != Outcome::Pending
                    && (e.source != EntrySource::Applicant) == official
            })
        };
        let decided = ending(true).or_else(|| if with_reports { ending(false) } else { None });
        match decided {
            None => return (stage, Outcome::Pending, began),
            Some(e) if e.outcome == Outcome::Passed => began = e.at,
            Some(e) => return (stage, e.outcome, began),
        }
    }
    // Every stage passed: only a bundle whose last stage is not the decision could say so.
    let last = stages.last().copied().unwrap_or(Stage::Decision);
    (last, Outcome::Passed, began)
}

/// `app` with `entry` recorded: the stage and outcome re-read from the whole timeline, the
/// next stage's pending entry added when this one passed, and `expected_by` from when the
/// current stage began (`None` once the application has ended).
fn with_entry(app: &Application, entry: TimelineEntry, policy: &Policy) -> Application {
    let mut next = app.clone();
    let (stage, outcome, at, source) = (entry.stage, entry.outcome, entry.at, entry.source);
    next.timeline.push(entry);
    if outcome == Outcome::Passed
        && let Some(following) = policy.next_stage(stage)
        && !next
            .timeline
            .iter()
            .any(|e| e.stage == following && e.outcome == Outcome::Pending)
    {
        next.timeline.push(TimelineEntry {
            stage: following,
            outcome: Outcome::Pending,
            at,
            source,
            note: None,
        });
    }
    let (stage, outcome, began) = standing(&next, policy, true);
    next.stage = stage;
    next.outcome = outcome;
    next.expected_by = if outcome.is_final() {
        None
    } else {
        due_at(stage, began, policy)
    };
    next
}

/// The application after an officer's event at `at` (the server's clock): checked against the
/// officers' own record of the stages, recorded, the next stage begun when one was passed. An
/// `at` earlier than the last entry (a clock stepping back) is taken as that entry's time, so
/// the timeline never runs backwards. Errors have the code `invalid_transition`.
pub fn record_event(
    app: &Application,
    event: &StageEventRequest,
    at: DateTime<Utc>,
    policy: &Policy,
) -> Result<Application> {
    let (stage, outcome, _) = standing(app, policy, false);
    check_transition(stage, outcome, event.stage, event.outcome, policy)?;
    let at = app.timeline.last().map_or(at, |last| at.max(last.at));
    Ok(with_entry(
        app,
        TimelineEntry {
            stage: event.stage,
            outcome: event.outcome,
            at,
            source: EntrySource::Officer,
            note: event.note.clone(),
        },
        policy,
    ))
}

/// Why a report's date cannot be taken: after `today`, or before the submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportDate {
    InTheFuture,
    BeforeSubmission,
}

/// The application after the applicant's report of an official notice dated `report.on`,
/// `today` being the server's day: the date checked (`Err(Ok(..))`), then the same order rules
/// as events over the record as the applicant knows it (`Err(Err(..))`, `invalid_transition`).
/// The entry is dated at the start of the notice's day, or at the last entry's time if that is
/// later, so the timeline never runs backwards.
pub fn record_report(
    app: &Application,
    report: &StageReportRequest,
    today: NaiveDate,
    policy: &Policy,
) -> std::result::Result<Application, std::result::Result<ReportDate, Error>> {
    if report.on > today {
        return Err(Ok(ReportDate::InTheFuture));
    }
    if report.on < app.submitted_at.date_naive() {
        return Err(Ok(ReportDate::BeforeSubmission));
    }
    let (stage, outcome, _) = standing(app, policy, true);
    check_transition(stage, outcome, report.stage, report.outcome, policy).map_err(Err)?;
    let on = report.on.and_time(NaiveTime::MIN).and_utc();
    let at = app.timeline.last().map_or(on, |last| on.max(last.at));
    Ok(with_entry(
        app,
        TimelineEntry {
            stage: report.stage,
            outcome: report.outcome,
            at,
            source: EntrySource::Applicant,
            note: report.note.clone(),
        },
        policy,
    ))
}

/// Whether the application's current stage rests on the applicant's word only: its last
/// ending entry, or the one that began it, is a report no officer has confirmed.
pub fn rests_on_a_report(app: &Application) -> bool {
    app.timeline
        .iter()
        .rev()
        .find(|e| e.outcome != Outcome::Pending)
        .is_some_and(|e| e.source == EntrySource::Applicant)
}

/// True when the current stage is still pending after its due date.
pub fn is_overdue(app: &Application, now: DateTime<Utc>) -> bool {
    app.outcome == Outcome::Pending && app.expected_by.is_some_and(|due| now > due)
}

/// When the whole procedure should normally end: the current stage's due date plus the normal
/// durations of the stages after it. `None` once the application has ended.
pub fn expected_decision_by(app: &Application, policy: &Policy) -> Option<DateTime<Utc>> {
    let mut at = app.expected_by?;
    let mut stage = app.stage;
    while let Some(next) = policy.next_stage(stage) {
        at = due_at(next, at, policy).unwrap_or(at);
        stage = next;
    }
    Some(at)
}

/// What the applicant is waiting for, as the status screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// The current stage is under way.
    Await {
        /// The stage being worked on.
        stage: Stage,
        /// When it should normally be over.
        due: Option<DateTime<Utc>>,
        /// It has run past its due date.
        overdue: bool,
        /// The stage that follows if this one passes.
        then: Option<Stage>,
    },
    /// The application has ended with this outcome.
    Finished {
        /// `approved`, `refused` or `failed`.
        outcome: Outcome,
        /// The stage it ended at.
        at_stage: Stage,
    },
}

/// The next step of an application at `now`.
pub fn next_step(app: &Application, now: DateTime<Utc>, policy: &Policy) -> NextStep {
    if app.outcome.is_final() {
        NextStep::Finished {
            outcome: app.outcome,
            at_stage: app.stage,
        }
    } else {
        NextStep::Await {
            stage: app.stage,
            due: app.expected_by,
            overdue: is_overdue(app, now),
            then: policy.next_stage(app.stage),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{builtin_policy as policy, day as d, instant as t};
    use chrono::Duration;
    use rstest::rstest;

    fn new_app() -> Application {
        let draft = Draft::new("d1".into(), "residence-2026".into(), 1);
        submit(
            "a1".into(),
            &draft,
            t("2026-03-02T09:00:00Z"),
            crate::testing::score_summary(),
            policy(),
        )
    }

    fn event(stage: Stage, outcome: Outcome) -> StageEventRequest {
        StageEventRequest {
            stage,
            outcome,
            note: None,
        }
    }

    fn report(stage: Stage, outcome: Outcome, on: &str) -> StageReportRequest {
        StageReportRequest {
            stage,
            outcome,
            on: d(on),
            note: None,
        }
    }

    /// The application after officers passed every stage before `upto`, all at `at`.
    fn pass_through(mut app: Application, upto: Stage, at: &str) -> Application {
        for s in policy()
            .application_stages()
            .into_iter()
            .take_while(|s| *s != upto)
        {
            app = record_event(&app, &event(s, Outcome::Passed), t(at), policy()).unwrap();
        }
        app
    }

    #[test]
    fn ids_round_trip() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_id(s.id()), Some(s));
        }
        assert_eq!(Stage::from_id("appeal"), None);
        assert_eq!(Outcome::from_id("refused"), Some(Outcome::Refused));
        assert_eq!(Outcome::from_id("maybe"), None);
    }

    #[test]
    fn the_road_runs_in_the_real_order() {
        let road: Vec<&str> = policy().road().iter().map(|(s, _)| s.id()).collect();
        assert_eq!(
            road,
            [
                "language_test",
                "submitted",
                "scoring",
                "interagency_checks",
                "interview",
                "decision",
                "residence_permit"
            ]
        );
        // Kosh follows the application from the questionnaire to the decision; the test comes
        // before it and the residence permit after.
        assert_eq!(
            policy().application_stages(),
            [
                Stage::Submitted,
                Stage::Scoring,
                Stage::InteragencyChecks,
                Stage::Interview,
                Stage::Decision
            ]
        );
        assert_eq!(policy().next_stage(Stage::Decision), None);
        assert_eq!(policy().next_stage(Stage::LanguageTest), None);
    }

    #[test]
    fn a_new_application_waits_on_submission_with_a_due_date() {
        let app = new_app();
        assert_eq!(
            (app.stage, app.outcome),
            (Stage::Submitted, Outcome::Pending)
        );
        assert_eq!(app.expected_by, Some(t("2026-03-03T09:00:00Z")));
        assert_eq!(app.timeline.len(), 1);
        assert_eq!(app.timeline[0].source, EntrySource::Kosh);
    }

    #[test]
    fn passing_a_stage_begins_the_next_one() {
        let app = record_event(
            &new_app(),
            &StageEventRequest {
                stage: Stage::Submitted,
                outcome: Outcome::Passed,
                note: Some("documents complete".into()),
            },
            t("2026-03-03T10:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!((app.stage, app.outcome), (Stage::Scoring, Outcome::Pending));
        let last_two: Vec<_> = app.timeline[1..]
            .iter()
            .map(|e| (e.stage, e.outcome, e.source))
            .collect();
        assert_eq!(
            last_two,
            [
                (Stage::Submitted, Outcome::Passed, EntrySource::Officer),
                (Stage::Scoring, Outcome::Pending, EntrySource::Officer)
            ]
        );
        assert_eq!(app.timeline[1].note.as_deref(), Some("documents complete"));
        assert_eq!(app.expected_by, Some(t("2026-03-04T10:00:00Z")));
    }

    /// The interagency checks count 20 working days: from Monday 2 March 2026 the 9th and
    /// 23rd to 25th are days off (the policy's holidays), so they end on Friday 3 April.
    #[test]
    fn the_checks_are_due_in_working_days_past_the_holidays() {
        let app = pass_through(new_app(), Stage::InteragencyChecks, "2026-03-02T09:00:00Z");
        assert_eq!(app.stage, Stage::InteragencyChecks);
        assert_eq!(app.expected_by, Some(t("2026-04-03T09:00:00Z")));
    }

    #[test]
    fn the_whole_way_to_approval() {
        let app = pass_through(new_app(), Stage::Decision, "2026-03-05T00:00:00Z");
        assert_eq!(app.stage, Stage::Decision);
        let app = record_event(
            &app,
            &event(Stage::Decision, Outcome::Approved),
            t("2026-03-20T00:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!(app.outcome, Outcome::Approved);
        assert_eq!(app.expected_by, None);
        assert_eq!(
            next_step(&app, t("2026-04-01T00:00:00Z"), policy()),
            NextStep::Finished {
                outcome: Outcome::Approved,
                at_stage: Stage::Decision
            }
        );
        // 1 submitted entry + 4 passes x 2 entries + the approval.
        assert_eq!(app.timeline.len(), 10);
    }

    #[rstest]
    #[case::skipping(Stage::Submitted, Stage::InteragencyChecks, Outcome::Passed)]
    #[case::going_back(Stage::Interview, Stage::Scoring, Outcome::Passed)]
    #[case::pending_again(Stage::Scoring, Stage::Scoring, Outcome::Pending)]
    #[case::before_the_application(Stage::Submitted, Stage::LanguageTest, Outcome::Passed)]
    #[case::after_the_decision(Stage::Decision, Stage::ResidencePermit, Outcome::Passed)]
    #[case::approve_before_decision(Stage::Interview, Stage::Interview, Outcome::Approved)]
    #[case::pass_the_decision(Stage::Decision, Stage::Decision, Outcome::Passed)]
    #[case::fail_the_decision(Stage::Decision, Stage::Decision, Outcome::Failed)]
    fn illegal_events_are_invalid_transitions(
        #[case] at: Stage,
        #[case] stage: Stage,
        #[case] outcome: Outcome,
    ) {
        let app = pass_through(new_app(), at, "2026-03-05T00:00:00Z");
        assert_eq!(app.stage, at);
        let err = record_event(
            &app,
            &event(stage, outcome),
            t("2026-03-06T00:00:00Z"),
            policy(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_transition");
    }

    #[rstest]
    #[case::failed_scoring(Stage::Scoring, Outcome::Failed)]
    #[case::refused_at_checks(Stage::InteragencyChecks, Outcome::Refused)]
    #[case::refused_at_decision(Stage::Decision, Outcome::Refused)]
    fn failure_or_refusal_ends_the_application(#[case] at: Stage, #[case] outcome: Outcome) {
        let app = pass_through(new_app(), at, "2026-03-05T00:00:00Z");
        let ended = record_event(
            &app,
            &event(at, outcome),
            t("2026-03-06T00:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!((ended.stage, ended.outcome), (at, outcome));
        assert_eq!(ended.expected_by, None);
        assert!(!is_overdue(&ended, t("2030-01-01T00:00:00Z")));
        for s in Stage::ALL {
            for o in [Outcome::Passed, Outcome::Refused, Outcome::Approved] {
                assert!(
                    record_event(&ended, &event(s, o), t("2026-03-07T00:00:00Z"), policy())
                        .is_err()
                );
            }
        }
    }

    #[test]
    fn overdue_after_the_due_date_only() {
        let app = new_app();
        let due = app.expected_by.unwrap();
        assert!(!is_overdue(&app, due));
        assert!(is_overdue(&app, due + Duration::seconds(1)));
        match next_step(&app, due + Duration::days(3), policy()) {
            NextStep::Await {
                stage,
                overdue,
                then,
                ..
            } => {
                assert_eq!(stage, Stage::Submitted);
                assert!(overdue);
                assert_eq!(then, Some(Stage::Scoring));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_decision_is_expected_after_every_stage_s_own_count() {
        // Submitted Monday 2 March: 1 + 1 calendar days to the 4th, 20 working days past the
        // 9th and the 23rd to 25th to 7 April, then 7 + 3 calendar days.
        let end = expected_decision_by(&new_app(), policy()).unwrap();
        assert_eq!(end, t("2026-04-17T09:00:00Z"));
    }

    #[test]
    fn a_clock_stepping_back_does_not_reorder_the_timeline() {
        let app = record_event(
            &new_app(),
            &event(Stage::Submitted, Outcome::Passed),
            t("2026-02-01T00:00:00Z"),
            policy(),
        )
        .unwrap();
        assert!(app.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    }

    #[test]
    fn a_report_moves_the_application_as_the_notice_said_and_is_marked_so() {
        let app = record_report(
            &new_app(),
            &report(Stage::Submitted, Outcome::Passed, "2026-03-04"),
            d("2026-03-05"),
            policy(),
        )
        .unwrap();
        assert_eq!((app.stage, app.outcome), (Stage::Scoring, Outcome::Pending));
        assert_eq!(app.timeline[1].source, EntrySource::Applicant);
        assert_eq!(app.timeline[1].at, t("2026-03-04T00:00:00Z"));
        assert!(rests_on_a_report(&app));
        assert!(!rests_on_a_report(&new_app()));
    }

    #[rstest]
    #[case::in_the_future("2026-03-06", ReportDate::InTheFuture)]
    #[case::before_submission("2026-03-01", ReportDate::BeforeSubmission)]
    fn a_report_dated_impossibly_is_refused(#[case] on: &str, #[case] why: ReportDate) {
        let got = record_report(
            &new_app(),
            &report(Stage::Submitted, Outcome::Passed, on),
            d("2026-03-05"),
            policy(),
        );
        assert_eq!(got.unwrap_err().unwrap(), why);
    }

    #[test]
    fn a_report_out_of_order_is_an_invalid_transition() {
        let got = record_report(
            &new_app(),
            &report(Stage::Interview, Outcome::Passed, "2026-03-04"),
            d("2026-03-05"),
            policy(),
        );
        assert_eq!(got.unwrap_err().unwrap_err().code(), "invalid_transition");
    }

    #[test]
    fn an_officer_s_word_counts_over_the_applicant_s_for_the_same_stage() {
        // The applicant reports two stages passed; the officer, stepping through on their own
        // record, passes submission and then fails the scoring.
        let mut app = new_app();
        for s in [Stage::Submitted, Stage::Scoring] {
            app = record_report(
                &app,
                &report(s, Outcome::Passed, "2026-03-04"),
                d("2026-03-05"),
                policy(),
            )
            .unwrap();
        }
        assert_eq!(app.stage, Stage::InteragencyChecks);
        let app = record_event(
            &app,
            &event(Stage::Submitted, Outcome::Passed),
            t("2026-03-05T10:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!(
            app.stage,
            Stage::InteragencyChecks,
            "the report still stands for scoring"
        );
        let app = record_event(
            &app,
            &event(Stage::Scoring, Outcome::Failed),
            t("2026-03-05T11:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!((app.stage, app.outcome), (Stage::Scoring, Outcome::Failed));
        assert!(!rests_on_a_report(&app));
    }
}
