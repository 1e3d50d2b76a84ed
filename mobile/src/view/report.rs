//! The status screen's view of the applicant's own reports: what a notice at the current stage
//! can say (the outcomes the stage order allows, from `kosh_shared::status`), the application
//! as the person knows it (the server's record with the reports still on the phone applied on
//! top, by the same `record_report` the server runs), and for every stage of the road who said
//! so: the migration service, Kosh, the person (sent), or the person (still on this phone).
//! A self-reported step is never marked as confirmed.

use chrono::NaiveDate;
use kosh_shared::api::{Application, StageReportRequest};
use kosh_shared::calendar::parse_ymd;
use kosh_shared::policy::Policy;
use kosh_shared::status::{
    EntrySource, Outcome, ReportDate, Stage, check_transition, record_report,
};

use crate::store::reports::PendingReport;

/// Who a stage's latest entry rests on, as the timeline says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryMark {
    /// An officer of the migration service recorded it.
    Confirmed,
    /// Kosh recorded it (the application as Kosh received it).
    Kosh,
    /// The person reported it and the server has it; no officer has confirmed it.
    Reported,
    /// The person reported it on this phone; it has not reached the server yet.
    Pending,
}

impl EntryMark {
    /// The locale key of the mark's words.
    pub fn label_key(self) -> &'static str {
        match self {
            EntryMark::Confirmed => "reports-mark-confirmed",
            EntryMark::Kosh => "reports-mark-kosh",
            // The words the status screen had for a report before this module: still true.
            EntryMark::Reported => "ui-status-source-applicant",
            EntryMark::Pending => "reports-mark-pending",
        }
    }

    /// An id for CSS (`mark-pending` …).
    pub fn id(self) -> &'static str {
        match self {
            EntryMark::Confirmed => "confirmed",
            EntryMark::Kosh => "kosh",
            EntryMark::Reported => "reported",
            EntryMark::Pending => "pending",
        }
    }
}

/// The application with the phone's unsent reports applied, and where its own entries end.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub app: Application,
    /// Entries of `app.timeline` from this index on come from reports still on the phone.
    pub sent_entries: usize,
}

impl Known {
    /// The mark of `stage`'s latest entry, `None` for a stage with none. A stage under way
    /// carries no mark of the one whose end began it (the row before says who said that),
    /// except the submission, which Kosh itself recorded.
    pub fn mark(&self, stage: Stage) -> Option<EntryMark> {
        let (index, entry) = self
            .app
            .timeline
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| e.stage == stage)?;
        if entry.outcome == Outcome::Pending && entry.source != EntrySource::Kosh {
            return None;
        }
        Some(match entry.source {
            EntrySource::Officer => EntryMark::Confirmed,
            EntrySource::Kosh => EntryMark::Kosh,
            EntrySource::Applicant if index >= self.sent_entries => EntryMark::Pending,
            EntrySource::Applicant => EntryMark::Reported,
        })
    }
}

/// `app` as the person knows it: the server's record, then each report on the phone for it,
/// in order, as the server will record it. A report that was refused, or that no longer fits
/// (an officer moved the application meanwhile), is left out: the screen lists it apart with
/// what is wrong.
pub fn known(
    app: &Application,
    reports: &[PendingReport],
    today: NaiveDate,
    policy: &Policy,
) -> Known {
    let sent_entries = app.timeline.len();
    let mut known = app.clone();
    for report in reports
        .iter()
        .filter(|r| r.application_id == app.id && r.refused.is_none())
    {
        if let Ok(next) = record_report(&known, &report.request, today, policy) {
            known = next;
        }
    }
    Known {
        app: known,
        sent_entries,
    }
}

/// What a notice about the current stage can say, in the order offered: the outcomes the stage
/// order allows there (passed or not passed before the decision, approved at it, refused at
/// any). Empty once the application has ended.
pub fn choices(app: &Application, policy: &Policy) -> Vec<Outcome> {
    [
        Outcome::Passed,
        Outcome::Approved,
        Outcome::Failed,
        Outcome::Refused,
    ]
    .into_iter()
    .filter(|to| check_transition(app.stage, app.outcome, app.stage, *to, policy).is_ok())
    .collect()
}

/// Why a report cannot be kept as entered, as a locale key under the date box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportProblem {
    /// No whole date in the boxes.
    NoDate,
    /// The notice's date is after today.
    InTheFuture,
    /// The notice's date is before the application was sent.
    BeforeSubmission,
    /// The stage order does not allow it (the application moved meanwhile).
    OutOfOrder,
}

impl ReportProblem {
    /// The locale key of the words for it.
    pub fn label_key(self) -> &'static str {
        match self {
            ReportProblem::NoDate => "reports-error-no-date",
            ReportProblem::InTheFuture => "validation-date_too_late",
            ReportProblem::BeforeSubmission => "reports-error-before-submission",
            ReportProblem::OutOfOrder => "error-invalid_transition",
        }
    }
}

/// The report of `outcome` at the known application's current stage on the notice's `date`
/// (the date boxes' answer, `YYYY-MM-DD`), checked on the phone with the server's own rules so
/// a mistake is said at once, offline too.
pub fn report_for(
    known: &Application,
    outcome: Outcome,
    date: Option<&str>,
    today: NaiveDate,
    policy: &Policy,
) -> Result<StageReportRequest, ReportProblem> {
    let on = date.and_then(parse_ymd).ok_or(ReportProblem::NoDate)?;
    let request = StageReportRequest {
        stage: known.stage,
        outcome,
        on,
        note: None,
    };
    match record_report(known, &request, today, policy) {
        Ok(_) => Ok(request),
        Err(Ok(ReportDate::InTheFuture)) => Err(ReportProblem::InTheFuture),
        Err(Ok(ReportDate::BeforeSubmission)) => Err(ReportProblem::BeforeSubmission),
        Err(Err(_)) => Err(ReportProblem::OutOfOrder),
    }
}

/// The reports of `app` the server refused, for the screen to show with what is wrong.
pub fn refused<'a>(app: &Application, reports: &'a [PendingReport]) -> Vec<&'a PendingReport> {
    reports
        .iter()
        .filter(|r| r.application_id == app.id && r.refused.is_some())
        .collect()
}

/// The locale key for a refusal: the field's validation code when the server named one (the
/// notice's date), else the error code's.
pub fn refusal_key(report: &PendingReport) -> Option<String> {
    let refusal = report.refused.as_ref()?;
    Some(match refusal.fields.first() {
        Some(field) => format!("validation-{}", field.code),
        None => format!("error-{}", refusal.code),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::reports::Refusal;
    use kosh_shared::api::{FieldError, StageEventRequest};
    use kosh_shared::status::record_event;
    use kosh_shared::testing::{builtin_policy as policy, day as d, instant as at};
    use rstest::rstest;

    /// An application sent on 2 March 2026 that officers passed through every stage before
    /// `upto` on 3 March.
    fn app_at(upto: Stage) -> Application {
        kosh_shared::testing::application_at(
            "a1",
            upto,
            at("2026-03-02T09:00:00Z"),
            at("2026-03-03T10:00:00Z"),
        )
    }

    fn pending(stage: Stage, outcome: Outcome, on: &str) -> PendingReport {
        PendingReport::new(
            "a1".into(),
            StageReportRequest {
                stage,
                outcome,
                on: d(on),
                note: None,
            },
        )
    }

    #[rstest]
    #[case::submitted(Stage::Submitted, vec![Outcome::Passed, Outcome::Failed, Outcome::Refused])]
    #[case::scoring(Stage::Scoring, vec![Outcome::Passed, Outcome::Failed, Outcome::Refused])]
    #[case::checks(Stage::InteragencyChecks, vec![Outcome::Passed, Outcome::Failed, Outcome::Refused])]
    #[case::interview(Stage::Interview, vec![Outcome::Passed, Outcome::Failed, Outcome::Refused])]
    #[case::decision(Stage::Decision, vec![Outcome::Approved, Outcome::Refused])]
    fn each_stage_offers_what_its_notice_can_say(
        #[case] stage: Stage,
        #[case] expected: Vec<Outcome>,
    ) {
        let app = app_at(stage);
        assert_eq!(app.stage, stage);
        assert_eq!(choices(&app, policy()), expected);
    }

    #[test]
    fn an_ended_application_offers_nothing_to_report() {
        let app = app_at(Stage::Decision);
        let event = StageEventRequest {
            stage: Stage::Decision,
            outcome: Outcome::Approved,
            note: None,
        };
        let ended = record_event(&app, &event, at("2026-03-04T10:00:00Z"), policy()).unwrap();
        assert!(choices(&ended, policy()).is_empty());
    }

    #[test]
    fn an_unsent_report_moves_the_known_application_and_is_marked_pending_not_confirmed() {
        let app = app_at(Stage::Scoring);
        let reports = vec![pending(Stage::Scoring, Outcome::Passed, "2026-03-05")];
        let known = known(&app, &reports, d("2026-03-06"), policy());
        assert_eq!(known.app.stage, Stage::InteragencyChecks);
        assert_eq!(known.mark(Stage::Scoring), Some(EntryMark::Pending));
        assert_eq!(known.mark(Stage::Submitted), Some(EntryMark::Confirmed));
        assert_eq!(known.mark(Stage::Interview), None);
        assert_eq!(
            known.mark(Stage::InteragencyChecks),
            None,
            "the stage the report began is not itself reported"
        );
        // The same report once the server has it: reported, still not confirmed.
        let sent = record_report(&app, &reports[0].request, d("2026-03-06"), policy()).unwrap();
        let known = super::known(&sent, &[], d("2026-03-06"), policy());
        assert_eq!(known.mark(Stage::Scoring), Some(EntryMark::Reported));
        // An officer's word for the stage is what confirms it.
        let event = StageEventRequest {
            stage: Stage::Scoring,
            outcome: Outcome::Passed,
            note: None,
        };
        let confirmed = record_event(&sent, &event, at("2026-03-07T10:00:00Z"), policy()).unwrap();
        let known = super::known(&confirmed, &[], d("2026-03-07"), policy());
        assert_eq!(known.mark(Stage::Scoring), Some(EntryMark::Confirmed));
    }

    #[test]
    fn the_submission_is_marked_as_kosh_recorded_it() {
        let app = app_at(Stage::Submitted);
        let known = known(&app, &[], d("2026-03-02"), policy());
        assert_eq!(known.mark(Stage::Submitted), Some(EntryMark::Kosh));
    }

    #[test]
    fn a_refused_report_is_not_applied_and_is_listed_with_its_reason() {
        let app = app_at(Stage::Scoring);
        let mut report = pending(Stage::Scoring, Outcome::Passed, "2026-03-05");
        report.refused = Some(Refusal {
            code: "validation_failed".into(),
            fields: vec![FieldError {
                field: "on".into(),
                code: "date_too_late".into(),
            }],
        });
        let reports = vec![report];
        let known = known(&app, &reports, d("2026-03-06"), policy());
        assert_eq!(known.app, app);
        let listed = refused(&app, &reports);
        assert_eq!(listed.len(), 1);
        assert_eq!(
            refusal_key(listed[0]).as_deref(),
            Some("validation-date_too_late")
        );
    }

    #[rstest]
    #[case::today(Some("2026-03-06"), Ok(()))]
    #[case::the_day_it_was_sent(Some("2026-03-02"), Ok(()))]
    #[case::tomorrow(Some("2026-03-07"), Err(ReportProblem::InTheFuture))]
    #[case::before_sending(Some("2026-03-01"), Err(ReportProblem::BeforeSubmission))]
    #[case::half_typed(Some("2026-03-"), Err(ReportProblem::NoDate))]
    #[case::no_date(None, Err(ReportProblem::NoDate))]
    fn the_notices_date_is_checked_on_the_phone_as_the_server_checks_it(
        #[case] date: Option<&str>,
        #[case] expected: Result<(), ReportProblem>,
    ) {
        let app = app_at(Stage::Scoring);
        let got = report_for(&app, Outcome::Passed, date, d("2026-03-06"), policy());
        assert_eq!(
            got.map(|r| (r.stage, r.outcome)),
            expected.map(|()| (Stage::Scoring, Outcome::Passed))
        );
    }

    #[test]
    fn a_report_the_stage_order_forbids_is_refused_on_the_phone() {
        let app = app_at(Stage::Decision);
        let got = report_for(
            &app,
            Outcome::Passed,
            Some("2026-03-05"),
            d("2026-03-06"),
            policy(),
        );
        assert_eq!(got, Err(ReportProblem::OutOfOrder));
    }
}
