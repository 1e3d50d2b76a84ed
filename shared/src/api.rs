//! The wire contract of API.md in one place, the top of the crate: the app asks and the server
//! answers with the types named here. Types that a domain module computes live next to that
//! logic and are re-exported here (an [`Op`] with the draft it edits, a [`ScoreSummary`] with the
//! scoring, an [`Application`] with the stage rules, ...); what is defined here is only what no
//! domain module computes: the error body, the account and token messages, health and submit.
//! Field names and shapes follow API.md exactly; requests that write reject unknown fields.
//!
//! Nothing else in the crate imports from `api`: it sits at the top of the module graph.

use crate::ids::{DraftId, UserId};

pub use crate::checklist::{ChecklistItem, Member};
pub use crate::contract::{Contract, Risk, RiskResponse, SupportPayment};
pub use crate::draft::{DraftView, Op};
pub use crate::error::{ERROR_CODES, Problem};
pub use crate::form::FormSummary;
pub use crate::policy::{DocumentPath, PolicyStatus, Translation};
pub use crate::score::{CriterionPoints, ScoreSummary};
pub use crate::stage::{Outcome, Stage};
pub use crate::status::{Application, StageEventRequest, StageReportRequest, TimelineEntry};
pub use crate::sync::{MAX_OPS_PER_SYNC, SyncRequest, SyncResponse, SyncWaitResponse};
pub use crate::validate::FieldError;

use serde::{Deserialize, Serialize};

/// `PUT /v1/attachments/{sha256}` when the file is whole (201, or 200 when the caller held it
/// already): what the server keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentReceipt {
    pub sha256: String,
    /// Its length in bytes.
    pub size: u64,
    /// `image/jpeg`, `image/png` or `application/pdf`, as sniffed from the bytes.
    pub content_type: String,
}

/// `PUT /v1/attachments/{sha256}` of a part that does not end the file (202): how many bytes
/// the server holds now, where the next part starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadProgress {
    pub sha256: String,
    pub received: u64,
    pub total: u64,
}

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
    /// For 422 `invalid_policy` / `invalid_form`: every problem of the document, with its path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// `GET /v1/policies` entries: one published policy bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySummary {
    pub id: String,
    pub valid_from: chrono::NaiveDate,
    pub valid_until: Option<chrono::NaiveDate>,
    /// The bundle's entity tag, quoted, as `GET /v1/policies/{id}` sends it.
    pub etag: String,
}

/// The answer to `PUT /v1/policies/{id}` and `POST /v1/forms`: what is now published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub id: String,
    /// The form's version; absent for a policy bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    pub etag: String,
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

/// `POST /v1/applications`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    pub draft_id: DraftId,
    pub idempotency_key: String,
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
    fn sync_wait_matches_api_md() {
        let body = json!({"cursor": 57});
        let wait: SyncWaitResponse = serde_json::from_value(body.clone()).unwrap();
        assert!(wait.has_news(41) && !wait.has_news(57));
        assert_eq!(serde_json::to_value(wait).unwrap(), body);
        round_trip(&wait);
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
                problems: vec![],
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
        let app = crate::testing::application(
            "2026-03-01T09:30:00Z".parse().unwrap(),
            1,
            Some("2026-03-08T09:30:00Z".parse().unwrap()),
        );
        let value = serde_json::to_value(&app).unwrap();
        assert_eq!(value["stage"], "scoring");
        assert_eq!(value["score"]["status"], "illustrative");
        round_trip(&app);
    }
}
