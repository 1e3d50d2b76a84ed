//! The wire types of API.md, used by the server to answer and by the app to ask. Field names and
//! shapes follow API.md exactly; requests that write reject unknown fields.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::hlc::Hlc;
use crate::ids::{ApplicationId, DraftId, FormId, OpId, RegionId, UserId};
use crate::status::{Outcome, Stage};

/// Every error code the server sends (API.md plus the generic HTTP ones). The app has a
/// localised message for each; `kosh-locales`' tests check that.
pub const ERROR_CODES: &[&str] = &[
    "bad_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "method_not_allowed",
    "conflict",
    "payload_too_large",
    "unsupported_media_type",
    "request_timeout",
    "rate_limited",
    "internal",
    "invalid_email",
    "weak_password",
    "email_taken",
    "invalid_credentials",
    "token_reused",
    "too_many_ops",
    "validation_failed",
    "invalid_transition",
    "unknown_region",
    "unknown_form",
    "invalid_hlc",
    "invalid_date",
    "uri_too_long",
    "headers_too_large",
    "server_busy",
    "storage_full",
];

/// The body of every error response: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong: a stable code the app localises, an English message for developers, and for
/// validation errors the fields at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// One rule one answer broke: the question id and the rule's code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// `POST /v1/auth/register`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    pub email: String,
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// `POST /v1/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `POST /v1/auth/refresh` and `POST /v1/auth/logout`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// A user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Applicant,
    Officer,
}

/// The user inside a token response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub email: String,
    pub role: Role,
}

/// Register, login and refresh answer with a fresh token pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    pub user: UserSummary,
}

/// `GET /v1/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeResponse {
    pub id: UserId,
    pub email: String,
    pub role: Role,
    pub locale: Option<String>,
}

/// One entry of `GET /v1/forms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSummary {
    pub id: FormId,
    pub version: u32,
    pub title_key: String,
}

/// One edit to one answer of one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    pub op_id: OpId,
    pub draft_id: DraftId,
    pub form_id: FormId,
    /// The question id (`education.level`); for a repeat group, the group's id.
    pub field: String,
    /// Any JSON value; `null` clears the answer.
    pub value: Value,
    pub hlc: Hlc,
}

/// `POST /v1/sync`: push these ops, pull what others wrote after `cursor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub device_id: String,
    #[serde(default)]
    pub cursor: u64,
    #[serde(default)]
    pub ops: Vec<Op>,
}

/// The most ops one sync request may carry (API.md).
pub const MAX_OPS_PER_SYNC: usize = 500;

/// The answer to a sync: the new cursor, the ops now durable, and changes from other devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResponse {
    pub cursor: u64,
    pub acked: Vec<OpId>,
    pub changes: Vec<Op>,
    /// True when there are more changes after `cursor`: call again.
    #[serde(default)]
    pub more: bool,
}

/// `GET /v1/drafts` entries and `GET /v1/drafts/{id}`: a draft's merged answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: DraftId,
    pub form_id: FormId,
    pub answers: BTreeMap<String, Value>,
    pub updated_at: DateTime<Utc>,
}

/// `POST /v1/applications`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    pub draft_id: DraftId,
    pub idempotency_key: String,
}

/// Whether a table of numbers is the official one or an illustration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    Official,
    Illustrative,
}

/// One criterion's share of the preliminary score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionPoints {
    pub id: String,
    pub points: u32,
    pub max: u32,
}

/// The preliminary score as the application carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSummary {
    pub total: u32,
    pub pass_mark: u32,
    pub status: PolicyStatus,
    pub criteria: Vec<CriterionPoints>,
}

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

/// One payment of state support a kandas family received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportPayment {
    /// A support measure id from the policy (`relocation_subsidy`, `rent`, …).
    pub kind: String,
    pub amount_kzt: u64,
    pub received_on: NaiveDate,
}

/// The kandas social contract as the family recorded it (or an officer verified it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub region: RegionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<String>,
    pub signed_on: NaiveDate,
    pub term_years: u32,
    pub family_members: u32,
    #[serde(default)]
    pub support: Vec<SupportPayment>,
    #[serde(default)]
    pub verified: bool,
}

/// How much is at risk if the family leaves the host region on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    None,
    High,
}

/// `GET /v1/contract/risk?leave_on=…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskResponse {
    pub leave_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub days_served: u32,
    pub days_remaining: u32,
    pub refund_due_kzt: u64,
    pub risk: Risk,
    /// The source of the refund rule, as the policy names it.
    pub basis: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde_json::json;

    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
        let text = serde_json::to_string(value).unwrap();
        let back: T = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, value, "{text}");
    }

    #[test]
    fn sync_request_matches_api_md() {
        let body = json!({"device_id": "d-7f3a", "cursor": 41, "ops": [{
            "op_id": "0b7f", "draft_id": "9c1e", "form_id": "residence-2026",
            "field": "education.level", "value": "bachelor",
            "hlc": "2026-03-01T09:30:00.123Z/0003/d-7f3a"}]});
        let req: SyncRequest = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(req.ops[0].hlc.counter, 3);
        assert_eq!(serde_json::to_value(&req).unwrap(), body);
        round_trip(&req);
    }

    #[test]
    fn write_requests_reject_unknown_fields() {
        let body = json!({"email": "a@b.kz", "password": "0123456789", "admin": true});
        assert!(serde_json::from_value::<RegisterRequest>(body).is_err());
        let body = json!({"device_id": "d", "cursor": 0, "ops": [], "extra": 1});
        assert!(serde_json::from_value::<SyncRequest>(body).is_err());
    }

    #[test]
    fn error_body_omits_empty_fields() {
        let body = ErrorBody {
            error: ErrorDetail {
                code: "not_found".into(),
                message: "no such draft".into(),
                fields: vec![],
            },
        };
        assert_eq!(
            serde_json::to_value(&body).unwrap(),
            json!({"error": {"code": "not_found", "message": "no such draft"}})
        );
        round_trip(&body);
    }

    #[test]
    fn contract_and_risk_round_trip() {
        let contract: Contract = serde_json::from_value(json!({
            "region": "pavlodar", "signed_on": "2026-03-01", "term_years": 5, "family_members": 4,
            "support": [{"kind": "relocation_subsidy", "amount_kzt": 1211000, "received_on": "2026-03-10"}],
            "verified": false})).unwrap();
        round_trip(&contract);
        let risk = RiskResponse {
            leave_on: "2027-01-01".parse().unwrap(),
            ends_on: "2031-03-01".parse().unwrap(),
            days_served: 306,
            days_remaining: 1520,
            refund_due_kzt: 1_211_000,
            risk: Risk::High,
            basis: "Balayeva, 2026-01-08".into(),
        };
        assert_eq!(serde_json::to_value(&risk).unwrap()["risk"], "high");
        round_trip(&risk);
    }

    #[test]
    fn application_round_trips() {
        let app = Application {
            id: "a1".into(),
            draft_id: "d1".into(),
            form_id: "residence-2026".into(),
            form_version: 1,
            submitted_at: "2026-03-01T09:30:00Z".parse().unwrap(),
            stage: Stage::LanguageTest,
            outcome: Outcome::Pending,
            score: ScoreSummary {
                total: 420,
                pass_mark: 400,
                status: PolicyStatus::Illustrative,
                criteria: vec![CriterionPoints {
                    id: "age".into(),
                    points: 80,
                    max: 100,
                }],
            },
            timeline: vec![TimelineEntry {
                stage: Stage::Submitted,
                outcome: Outcome::Passed,
                at: "2026-03-01T09:30:00Z".parse().unwrap(),
                note: None,
            }],
            expected_by: Some("2026-03-08T09:30:00Z".parse().unwrap()),
        };
        let value = serde_json::to_value(&app).unwrap();
        assert_eq!(value["stage"], "language_test");
        assert_eq!(value["score"]["status"], "illustrative");
        round_trip(&app);
    }
}
