//! Reference data that needs no login: the questionnaires (`GET /v1/forms`, `/v1/forms/{id}`)
//! and the policy bundle (`GET /v1/policy`), all from `kosh-shared`, serialised once at start
//! with a strong `ETag` so phones on slow links get a 304 when nothing changed.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kosh_shared::api::FormSummary;
use kosh_shared::form;
use kosh_shared::policy::Policy;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;

/// A JSON document served as is, with its entity tag.
#[derive(Debug, Clone)]
pub struct Document {
    body: Vec<u8>,
    etag: String,
}

impl Document {
    /// Serialises `value` and tags it with a hash of the bytes.
    pub fn new<T: serde::Serialize>(value: &T) -> Result<Document, String> {
        let body = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        let digest = Sha256::digest(&body);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Ok(Document {
            body,
            etag: format!("\"{hex}\""),
        })
    }

    /// The entity tag, quoted.
    pub fn etag(&self) -> &str {
        &self.etag
    }

    /// 304 when `If-None-Match` names this version, else 200 with the body.
    fn respond(&self, headers: &HeaderMap) -> Response {
        let etag = HeaderValue::from_str(&self.etag).unwrap_or(HeaderValue::from_static("\"\""));
        // Clients may cache, but must ask again (cheaply, thanks to the ETag) before using it.
        let cache = HeaderValue::from_static("no-cache");
        if matches_etag(headers, &self.etag) {
            return (
                StatusCode::NOT_MODIFIED,
                [(ETAG, etag), (CACHE_CONTROL, cache)],
            )
                .into_response();
        }
        (
            StatusCode::OK,
            [
                (CONTENT_TYPE, HeaderValue::from_static("application/json")),
                (ETAG, etag),
                (CACHE_CONTROL, cache),
            ],
            self.body.clone(),
        )
            .into_response()
    }
}

/// Whether `If-None-Match` names `etag` (weak comparison, as RFC 9110 asks for this header).
fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim())
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// The forms and the policy, ready to serve.
#[derive(Debug)]
pub struct Reference {
    summaries: Vec<FormSummary>,
    /// The newest version of each form id.
    forms: Vec<(String, Document)>,
    policy: Document,
    policy_data: &'static Policy,
}

impl Reference {
    /// The built-in forms and policy of `kosh-shared`, checked against each other.
    pub fn builtin() -> Result<Reference, String> {
        let all = form::builtin().map_err(|e| format!("built-in forms: {e}"))?;
        let policy = Policy::builtin().map_err(|e| format!("built-in policy: {e}"))?;
        let mut summaries = Vec::new();
        let mut forms = Vec::new();
        for f in &all {
            summaries.push(f.summary());
            let latest = form::latest_builtin(f.id().as_str())
                .map_err(|e| e.to_string())?
                .is_some_and(|l| l.version() == f.version());
            if latest {
                forms.push((f.id().to_string(), Document::new(*f)?));
            }
            // The scoring table must read questions this form has.
            policy
                .check_questions(&|id| f.question(id).is_some())
                .map_err(|e| format!("policy against form {}: {e}", f.id()))?;
        }
        Ok(Reference {
            summaries,
            forms,
            policy: Document::new(policy)?,
            policy_data: policy,
        })
    }

    /// The policy the server computes with.
    pub fn policy(&self) -> &'static Policy {
        self.policy_data
    }
}

/// `GET /v1/forms`.
pub async fn list_forms(State(state): State<AppState>) -> Json<Vec<FormSummary>> {
    Json(state.reference.summaries.clone())
}

/// `GET /v1/forms/{id}`: the newest version of the form, with an `ETag`.
pub async fn get_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let (_, document) = state
        .reference
        .forms
        .iter()
        .find(|(form_id, _)| *form_id == id)
        .ok_or(ApiError::NotFound)?;
    Ok(document.respond(&headers))
}

/// `GET /v1/policy`, with an `ETag`.
pub async fn get_policy(State(state): State<AppState>, headers: HeaderMap) -> Response {
    state.reference.policy.respond(&headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_reference_loads() {
        let reference = Reference::builtin().unwrap();
        assert!(
            reference
                .summaries
                .iter()
                .any(|s| s.id.as_str() == "residence-2026")
        );
        assert!(reference.policy.etag().starts_with('"'));
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let mut headers = HeaderMap::new();
        headers.insert(IF_NONE_MATCH, HeaderValue::from_static("\"x\", W/\"abc\""));
        assert!(matches_etag(&headers, "\"abc\""));
        assert!(!matches_etag(&headers, "\"abd\""));
        headers.insert(IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(matches_etag(&headers, "\"anything\""));
    }
}
