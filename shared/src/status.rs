//! The rules over an application's stages (the stages and outcomes themselves are in `stage`,
//! re-exported here): the legal transitions between them, each stage's due date from the
//! policy's durations, and the update of an [`Application`]'s timeline when an officer records
//! an event. The wire types those rules compute, [`Application`], [`TimelineEntry`] and
//! [`StageEventRequest`], live here too (`api` re-exports them).
//!
//! The rules: stages come in order and none is skipped or revisited; a stage is passed before
//! the next begins (passing one starts the next at once, so an application always waits on
//! exactly one stage until it ends); `failed` or `refused` at any stage ends the application;
//! the decision stage ends in `approved` or `refused`, never `passed`.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::ids::{ApplicationId, DraftId, FormId};
use crate::policy::Policy;
use crate::score::ScoreSummary;
pub use crate::stage::{Outcome, Stage};

/// One step of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub stage: Stage,
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
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

/// When a stage that starts at `started` is normally over, by the policy's duration.
pub fn due_at(stage: Stage, started: DateTime<Utc>, policy: &Policy) -> DateTime<Utc> {
    // Saturate at the end of representable time rather than panic on a nonsense start.
    started
        .checked_add_signed(Duration::days(i64::from(policy.stage_days(stage))))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
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
            note: None,
        }],
        expected_by: Some(due_at(Stage::Submitted, submitted_at, policy)),
    }
}

/// Check that `to_stage` may end in `to` while the application is at `stage` with `outcome`.
pub fn check_transition(
    stage: Stage,
    outcome: Outcome,
    to_stage: Stage,
    to: Outcome,
) -> Result<()> {
    let allowed = !outcome.is_final()
        && to_stage == stage
        && match to {
            Outcome::Pending => false,
            Outcome::Passed | Outcome::Failed => stage != Stage::Decision,
            Outcome::Approved => stage == Stage::Decision,
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

/// The application after an officer's event at `at` (the server's clock): the event checked
/// against the stage order, recorded in the timeline, the next stage begun when one was passed,
/// and `expected_by` moved to the new stage's due date (`None` once the application has ended).
/// An `at` earlier than the last entry (a clock stepping back) is taken as that entry's time, so
/// the timeline never runs backwards. Errors have the code `invalid_transition`.
pub fn record_event(
    app: &Application,
    event: &StageEventRequest,
    at: DateTime<Utc>,
    policy: &Policy,
) -> Result<Application> {
    check_transition(app.stage, app.outcome, event.stage, event.outcome)?;
    let at = app.timeline.last().map_or(at, |last| at.max(last.at));
    let mut next = app.clone();
    next.timeline.push(TimelineEntry {
        stage: event.stage,
        outcome: event.outcome,
        at,
        note: event.note.clone(),
    });
    next.outcome = event.outcome;
    next.expected_by = None;
    if event.outcome == Outcome::Passed {
        // `check_transition` refuses `passed` at the decision, so a next stage exists.
        if let Some(following) = event.stage.next() {
            next.timeline.push(TimelineEntry {
                stage: following,
                outcome: Outcome::Pending,
                at,
                note: None,
            });
            next.stage = following;
            next.outcome = Outcome::Pending;
            next.expected_by = Some(due_at(following, at, policy));
        }
    }
    Ok(next)
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
    while let Some(next) = stage.next() {
        at = due_at(next, at, policy);
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
pub fn next_step(app: &Application, now: DateTime<Utc>) -> NextStep {
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
            then: app.stage.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn policy() -> &'static Policy {
        Policy::builtin().unwrap()
    }

    fn t(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn new_app() -> Application {
        let draft = Draft::new("d1".into(), "residence-2026".into(), 1);
        submit(
            "a1".into(),
            &draft,
            t("2026-03-01T09:00:00Z"),
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

    fn pass_through(mut app: Application, upto: Stage, at: &str) -> Application {
        for s in Stage::ALL.into_iter().take_while(|s| *s < upto) {
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
    fn a_new_application_waits_on_submission_with_a_due_date() {
        let app = new_app();
        assert_eq!(
            (app.stage, app.outcome),
            (Stage::Submitted, Outcome::Pending)
        );
        let days = i64::from(policy().stage_days(Stage::Submitted));
        assert_eq!(
            app.expected_by,
            Some(t("2026-03-01T09:00:00Z") + Duration::days(days))
        );
        assert_eq!(app.timeline.len(), 1);
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
            t("2026-03-02T10:00:00Z"),
            policy(),
        )
        .unwrap();
        assert_eq!(
            (app.stage, app.outcome),
            (Stage::LanguageTest, Outcome::Pending)
        );
        let last_two: Vec<_> = app.timeline[1..]
            .iter()
            .map(|e| (e.stage, e.outcome))
            .collect();
        assert_eq!(
            last_two,
            [
                (Stage::Submitted, Outcome::Passed),
                (Stage::LanguageTest, Outcome::Pending)
            ]
        );
        assert_eq!(app.timeline[1].note.as_deref(), Some("documents complete"));
        let days = i64::from(policy().stage_days(Stage::LanguageTest));
        assert_eq!(
            app.expected_by,
            Some(t("2026-03-02T10:00:00Z") + Duration::days(days))
        );
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
            next_step(&app, t("2026-04-01T00:00:00Z")),
            NextStep::Finished {
                outcome: Outcome::Approved,
                at_stage: Stage::Decision
            }
        );
        // 1 submitted entry + 5 passes x 2 entries + the approval.
        assert_eq!(app.timeline.len(), 12);
    }

    #[rstest]
    #[case::skipping(Stage::Submitted, Stage::Scoring, Outcome::Passed)]
    #[case::going_back(Stage::Scoring, Stage::LanguageTest, Outcome::Passed)]
    #[case::pending_again(Stage::LanguageTest, Stage::LanguageTest, Outcome::Pending)]
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
    #[case::failed_language_test(Stage::LanguageTest, Outcome::Failed)]
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
        match next_step(&app, due + Duration::days(3)) {
            NextStep::Await {
                stage,
                overdue,
                then,
                ..
            } => {
                assert_eq!(stage, Stage::Submitted);
                assert!(overdue);
                assert_eq!(then, Some(Stage::LanguageTest));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn whole_procedure_is_expected_within_the_published_total() {
        let app = new_app();
        let end = expected_decision_by(&app, policy()).unwrap();
        assert_eq!(
            end,
            app.submitted_at + Duration::days(i64::from(policy().stages().total_days))
        );
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
}
