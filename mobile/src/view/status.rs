//! The application screen's view model: the newest application and its timeline, one row per
//! stage with its state, dates and normal duration.

use chrono::{DateTime, Utc};
use kosh_shared::api::Application;
use kosh_shared::policy::Policy;
use kosh_shared::status::Stage;

/// The application the screens show: the newest one submitted.
pub fn latest_application(applications: &[Application]) -> Option<&Application> {
    applications.iter().max_by_key(|a| a.submitted_at)
}

/// Where one stage stands on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageState {
    Done,
    Current,
    Waiting,
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub stage: Stage,
    pub state: StageState,
    /// When the stage's latest event happened.
    pub at: Option<DateTime<Utc>>,
    pub outcome: Option<kosh_shared::status::Outcome>,
    pub usual_days: u32,
    pub note: Option<String>,
}

/// The timeline rows of an application.
pub fn timeline(app: &Application, policy: &Policy) -> Vec<StageRow> {
    Stage::ALL
        .into_iter()
        .map(|stage| {
            let last = app.timeline.iter().rev().find(|e| e.stage == stage);
            let state = if stage < app.stage || (stage == app.stage && app.outcome.is_final()) {
                StageState::Done
            } else if stage == app.stage {
                StageState::Current
            } else {
                StageState::Waiting
            };
            StageRow {
                stage,
                state,
                at: last.map(|e| e.at),
                outcome: last.map(|e| e.outcome),
                usual_days: policy.stage_days(stage),
                note: last.and_then(|e| e.note.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_marks_done_current_and_waiting_stages() {
        let policy = Policy::builtin().unwrap();
        let app = kosh_shared::testing::application(Utc::now(), 3, None);
        let rows = timeline(&app, policy);
        let states: Vec<StageState> = rows.iter().map(|r| r.state).collect();
        use StageState::*;
        assert_eq!(states, [Done, Done, Done, Current, Waiting, Waiting]);
        assert!(rows[0].at.is_some() && rows[4].at.is_none());
        assert!(rows.iter().all(|r| r.usual_days > 0));
    }
}
