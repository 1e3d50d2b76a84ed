//! The applicant's reports of official notices ("I got a message: passed") kept on the phone
//! until the server has them: the outbox of `POST /v1/applications/{id}/reports`. A report is
//! saved in the same atomic write as the rest of the state, so a crash or a reload loses none;
//! it is sent at the next sync round, retried while the server cannot be reached, and a refusal
//! (a 4xx) is kept with the report, in the person's words on screen, until they change or drop
//! it. These are the pure rules over that list; `sync::push_reports` runs them.

use serde::{Deserialize, Serialize};

use kosh_shared::api::{Application, FieldError, StageReportRequest};
use kosh_shared::ids::ApplicationId;
use kosh_shared::status::EntrySource;

/// One report not yet taken by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingReport {
    /// This report's own id on the phone, to change or drop it by.
    pub id: String,
    pub application_id: ApplicationId,
    pub request: StageReportRequest,
    /// Why the server refused it, when it did: kept until the person changes or drops it, and
    /// never sent again as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
}

/// The server's refusal of a report: its error code and the fields it names (`on` with
/// `date_too_late` …), for the screen to say in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub code: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
}

impl PendingReport {
    /// A new report for `application_id`, with a fresh id.
    pub fn new(application_id: ApplicationId, request: StageReportRequest) -> PendingReport {
        PendingReport {
            id: uuid::Uuid::new_v4().to_string(),
            application_id,
            request,
            refused: None,
        }
    }
}

/// The report to send next: the first one in order that was not refused and that does not
/// wait behind a refused report of the same application (a later notice builds on the earlier
/// one, so it cannot go before the person has fixed that).
pub fn next_to_send(reports: &[PendingReport]) -> Option<&PendingReport> {
    reports.iter().enumerate().find_map(|(i, r)| {
        let blocked = reports[..i]
            .iter()
            .any(|earlier| earlier.application_id == r.application_id && earlier.refused.is_some());
        (r.refused.is_none() && !blocked).then_some(r)
    })
}

/// Whether `app` already holds this report: an applicant's entry for the same stage and
/// outcome. A report carries no idempotency key, so when the answer to a report that went
/// through is lost, its resending is refused as out of order (409); this tells that case from
/// a real refusal, and the report is then taken as delivered.
pub fn already_recorded(app: &Application, report: &StageReportRequest) -> bool {
    app.timeline.iter().any(|e| {
        e.source == EntrySource::Applicant
            && e.stage == report.stage
            && e.outcome == report.outcome
            && e.note == report.note
    })
}

/// Whether some report waits to be sent (a refused one waits for the person, not the server).
pub fn has_unsent(reports: &[PendingReport]) -> bool {
    next_to_send(reports).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::status::{Outcome, Stage};

    fn report(app: &str, stage: Stage, refused: bool) -> PendingReport {
        PendingReport {
            refused: refused.then(|| Refusal {
                code: "validation_failed".into(),
                fields: vec![],
            }),
            ..PendingReport::new(
                ApplicationId(app.into()),
                StageReportRequest {
                    stage,
                    outcome: Outcome::Passed,
                    on: "2026-03-05".parse().unwrap(),
                    note: None,
                },
            )
        }
    }

    #[test]
    fn reports_go_in_order_and_a_refused_one_holds_back_the_later_ones_of_its_application() {
        let reports = vec![
            report("a1", Stage::Submitted, true),
            report("a1", Stage::Scoring, false),
            report("a2", Stage::Submitted, false),
        ];
        assert_eq!(next_to_send(&reports).map(|r| &r.id), Some(&reports[2].id));
        let reports = vec![report("a1", Stage::Submitted, true)];
        assert!(next_to_send(&reports).is_none());
        assert!(
            !has_unsent(&reports),
            "a refused report waits for the person"
        );
        let reports = vec![report("a1", Stage::Submitted, false)];
        assert!(has_unsent(&reports));
    }

    #[test]
    fn a_report_the_server_holds_is_recognised_by_its_applicant_entry() {
        let policy = kosh_shared::policy::Policy::builtin().unwrap();
        let sent_at = "2026-03-02T09:00:00Z".parse().unwrap();
        let app = kosh_shared::testing::application_at("a1", Stage::Submitted, sent_at, sent_at);
        let sent = report("a1", Stage::Submitted, false).request;
        assert!(!already_recorded(&app, &sent));
        let after =
            kosh_shared::status::record_report(&app, &sent, sent.on, policy).expect("in order");
        assert!(already_recorded(&after, &sent));
        let other = StageReportRequest {
            outcome: Outcome::Failed,
            ..sent
        };
        assert!(!already_recorded(&after, &other));
    }
}
