//! The application screen's view model: the newest application and the whole road around it,
//! one row per stage (before, during and after the application) with its state, dates, who
//! recorded it, and its normal duration.

use chrono::{DateTime, Utc};
use kosh_shared::api::Application;
use kosh_shared::policy::Policy;
use kosh_shared::stage::{DayKind, EntrySource, Part};
use kosh_shared::status::{Outcome, Stage};

/// The application the screens show: the newest one submitted.
pub fn latest_application(applications: &[Application]) -> Option<&Application> {
    applications.iter().max_by_key(|a| a.submitted_at)
}

/// Where one stage stands on the road.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageState {
    Done,
    Current,
    Waiting,
}

/// One row of the road: a stage before the application, of it, or after it.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub stage: Stage,
    pub part: Part,
    pub state: StageState,
    /// When the stage's latest event happened.
    pub at: Option<DateTime<Utc>>,
    pub outcome: Option<Outcome>,
    /// Who recorded the stage's latest event.
    pub source: Option<EntrySource>,
    /// The normal duration, and whether it counts working days; `None` where the person sets
    /// the pace (before and after the application).
    pub usual: Option<(u32, DayKind)>,
    /// Whether that duration is Kosh's estimate.
    pub estimate: bool,
    /// How long what the stage gives stays valid, in days (a certificate).
    pub valid_for_days: Option<u32>,
    pub note: Option<String>,
}

/// The rows of the whole road for an application: the test before it (done, since the
/// questionnaire opens only with its certificate), the application's stages by its timeline,
/// and the residence permit after the decision (current once approved).
pub fn timeline(app: &Application, policy: &Policy) -> Vec<StageRow> {
    let stages = policy.application_stages();
    let position = |s: Stage| stages.iter().position(|x| *x == s);
    let current = position(app.stage);
    policy
        .road()
        .into_iter()
        .map(|(stage, plan)| {
            let last = app.timeline.iter().rev().find(|e| e.stage == stage);
            let state = match plan.part {
                Part::Before => StageState::Done,
                Part::After if app.outcome == Outcome::Approved => StageState::Current,
                Part::After => StageState::Waiting,
                Part::Application => match (position(stage), current) {
                    (Some(i), Some(c)) if i < c => StageState::Done,
                    (Some(i), Some(c)) if i == c && app.outcome.is_final() => StageState::Done,
                    (Some(i), Some(c)) if i == c => StageState::Current,
                    _ => StageState::Waiting,
                },
            };
            StageRow {
                stage,
                part: plan.part,
                state,
                at: last.map(|e| e.at),
                outcome: last.map(|e| e.outcome),
                source: last.map(|e| e.source),
                usual: plan.days.map(|d| (d, plan.day_kind)),
                estimate: plan.estimate,
                valid_for_days: plan.valid_for_days,
                note: last.and_then(|e| e.note.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_road_marks_done_current_and_waiting_stages_around_the_application() {
        let policy = Policy::builtin().unwrap();
        let app = kosh_shared::testing::application(Utc::now(), 2, None);
        let rows = timeline(&app, policy);
        let states: Vec<(Stage, StageState)> = rows.iter().map(|r| (r.stage, r.state)).collect();
        use StageState::*;
        assert_eq!(
            states,
            [
                (Stage::LanguageTest, Done),
                (Stage::Submitted, Done),
                (Stage::Scoring, Done),
                (Stage::InteragencyChecks, Current),
                (Stage::Interview, Waiting),
                (Stage::Decision, Waiting),
                (Stage::ResidencePermit, Waiting),
            ]
        );
        assert!(rows[1].at.is_some() && rows[4].at.is_none());
        assert_eq!(rows[3].usual, Some((20, DayKind::Working)));
        assert!(rows[0].usual.is_none() && rows[0].valid_for_days.is_some());
        assert!(rows[1..6].iter().all(|r| r.usual.is_some()));
        assert_eq!(rows[5].valid_for_days, Some(365));
    }
}
