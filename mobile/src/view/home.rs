//! The home screen's view model: the latest application and whether it is late, whether there
//! is a contract, and how far the questionnaire is (with the section to continue at).

use chrono::{DateTime, NaiveDate, Utc};
use kosh_shared::api::Application;
use kosh_shared::form::Form;
use kosh_shared::policy::Policy;
use kosh_shared::validate::validate_section;

use crate::store::vault::Saved;
use crate::view::form::{env, progress, relevant_sections};
use crate::view::status::latest_application;

/// What the home screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeView {
    /// The newest application, if one was submitted.
    pub application: Option<Application>,
    /// Its current stage runs past its normal duration.
    pub is_overdue: bool,
    pub has_contract: bool,
    /// The draft was submitted (its answers are read-only).
    pub is_submitted: bool,
    /// Something has been answered.
    pub is_started: bool,
    /// Complete and asked sections ("7 of 12").
    pub done: usize,
    pub total: usize,
    /// The first asked section with something missing, to continue where it stopped.
    pub first_open: usize,
}

/// The home screen for the saved state, `today` and `now`, with the draft's form and the policy
/// from the catalog; `None` when the phone does not hold them (the draft's version not received
/// yet), and then the questionnaire part shows nothing done.
pub fn home(
    rules: Option<(&Form, &Policy)>,
    saved: &Saved,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> HomeView {
    let application = latest_application(&saved.applications).cloned();
    let (done, total, first_open) = rules.map_or((0, 0, 0), |(form, policy)| {
        let (done, total) = progress(form, &saved.draft, today);
        let answers = saved.draft.answers();
        let first_open = relevant_sections(form, &answers, today)
            .iter()
            .position(|(_, section)| {
                validate_section(form, &section.id, &answers, &env(today, policy))
                    .is_ok_and(|r| !r.errors.is_empty())
            })
            .unwrap_or(0);
        (done, total, first_open)
    });
    HomeView {
        is_overdue: application
            .as_ref()
            .is_some_and(|a| kosh_shared::status::is_overdue(a, now)),
        application,
        has_contract: saved.contract.is_some(),
        is_submitted: saved.is_submitted(),
        is_started: !saved.draft.answers().is_empty(),
        done,
        total,
        first_open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use kosh_shared::form::residence_2026;

    fn day() -> NaiveDate {
        "2026-06-01".parse().unwrap()
    }

    #[test]
    fn a_fresh_phone_starts_at_the_first_section_with_nothing_done() {
        let form = residence_2026().unwrap();
        let policy = Policy::builtin().unwrap();
        let view = home(Some((form, policy)), &Saved::fresh(), day(), Utc::now());
        assert_eq!(view.application, None);
        assert!(!view.is_started && !view.is_submitted && !view.has_contract);
        assert_eq!((view.done, view.first_open), (0, 0));
        assert!(view.total > 0);
    }

    #[test]
    fn the_newest_application_and_its_lateness() {
        let mut saved = Saved::fresh();
        let now = Utc::now();
        let old = kosh_shared::testing::application(now - Duration::days(90), 1, None);
        let mut late = kosh_shared::testing::application(
            now - Duration::days(20),
            3,
            Some(now - Duration::days(4)),
        );
        late.id = "a2".into();
        saved.applications = vec![late.clone(), old];
        saved.contract = Some(kosh_shared::testing::contract());
        let view = home(None, &saved, day(), now);
        assert_eq!(view.application, Some(late));
        assert!(view.is_overdue && view.has_contract);
        assert_eq!((view.done, view.total), (0, 0));
    }
}
