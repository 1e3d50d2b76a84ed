//! Reference data: the questionnaires (`GET /v1/forms…`) and the policy bundles
//! (`GET /v1/policy`, `GET /v1/policies…`), published by officers (`PUT /v1/policies/{id}`,
//! `POST /v1/forms`, or the command line for a stopped server) without a new release. Every
//! document is kept in the store and served with a strong `ETag` so phones on slow links get a
//! 304 when nothing changed; publishing swaps in a new [`Catalog`], no restart.

mod catalog;

use std::sync::{Arc, RwLock};

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use kosh_shared::api::{FormSummary, PolicySummary, Published};
use kosh_shared::policy::Policy;
use serde::Deserialize;
use sha2::{Digest, Sha256};

pub use self::catalog::{Catalog, Entry, Outcome};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;
use crate::store::{ReferenceKey, Store};

/// A JSON document served as is, with its entity tag.
#[derive(Debug, Clone)]
pub struct Document {
    body: Arc<[u8]>,
    etag: String,
}

impl Document {
    /// Serialises `value` and tags it with a hash of the bytes.
    pub fn new<T: serde::Serialize>(value: &T) -> Result<Document, String> {
        serde_json::to_string(value)
            .map(Document::from_text)
            .map_err(|e| e.to_string())
    }

    /// A document of this JSON text, tagged with a hash of it.
    pub fn from_text(text: String) -> Document {
        let digest = Sha256::digest(text.as_bytes());
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Document {
            body: text.into_bytes().into(),
            etag: format!("\"{hex}\""),
        }
    }

    /// The JSON text served.
    pub fn text(&self) -> &str {
        // Built from a `String` in `from_text`, so always UTF-8.
        std::str::from_utf8(&self.body).unwrap_or_default()
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
            self.body.to_vec(),
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

/// The published reference data, swapped whole on every publication.
#[derive(Debug)]
pub struct Reference {
    current: RwLock<Arc<Catalog>>,
    /// The bundle in force when the server started: what it computes with should a catalog
    /// ever lack one (it cannot: `open` refuses such a store and publishing only adds).
    fallback: Arc<Policy>,
    /// One publication at a time: the check against what is published and the write go
    /// together (within this process; the PostgreSQL store will need its own lock).
    publishing: tokio::sync::Mutex<()>,
}

/// The catalog of stored documents; those this build cannot load are reported and skipped.
fn loaded(documents: Vec<(ReferenceKey, String)>) -> Catalog {
    let (catalog, skipped) = Catalog::from_documents(documents);
    for why in skipped {
        tracing::warn!(%why, "a stored reference document does not load; not served");
    }
    catalog
}

impl Reference {
    /// The reference data in `store`, after publishing the built-in forms and policy that it
    /// does not have yet (so a first start serves them, and a later build's new built-in
    /// version is added). Stored documents this build cannot load are reported and skipped.
    pub async fn open(store: &dyn Store) -> Result<Reference, String> {
        // One read of the store: what it holds, plus the built-ins it lacks, written now.
        let mut documents = store.references().await.map_err(|e| e.to_string())?;
        let missing: Vec<(ReferenceKey, String)> = catalog::builtin_texts()?
            .into_iter()
            .filter(|(key, _)| !documents.iter().any(|(stored, _)| stored == key))
            .collect();
        for (key, text) in &missing {
            store
                .put_reference(key, text)
                .await
                .map_err(|e| e.to_string())?;
        }
        documents.extend(missing);
        let catalog = loaded(documents);
        let fallback = catalog
            .policy_for(Utc::now().date_naive())
            .ok_or("the store has no policy bundle this build can load")?;
        Ok(Reference {
            current: RwLock::new(Arc::new(catalog)),
            fallback,
            publishing: tokio::sync::Mutex::new(()),
        })
    }

    /// Reads every published document again: another server process published one.
    pub async fn reload(&self, store: &dyn Store) -> Result<(), String> {
        let _one = self.publishing.lock().await;
        let documents = store.references().await.map_err(|e| e.to_string())?;
        self.swap(loaded(documents));
        Ok(())
    }

    /// What is published now.
    pub fn catalog(&self) -> Arc<Catalog> {
        // A poisoned lock still holds a whole catalog: only whole catalogs are ever stored.
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// The policy the server computes with on `day` (see [`Catalog::policy_for`]).
    pub fn policy_for(&self, day: NaiveDate) -> Arc<Policy> {
        self.catalog()
            .policy_for(day)
            .unwrap_or_else(|| self.fallback.clone())
    }

    /// The policy in force today, for computing.
    pub fn policy(&self) -> Arc<Policy> {
        self.policy_for(Utc::now().date_naive())
    }

    /// Publishes a policy bundle under `id`, durably.
    pub async fn publish_policy(
        &self,
        store: &dyn Store,
        id: &str,
        text: &str,
    ) -> ApiResult<(Outcome, Published)> {
        let _one = self.publishing.lock().await;
        let current = self.catalog();
        let (entry, outcome) = current.check_policy(id, text)?;
        let published = Published {
            id: id.to_owned(),
            version: None,
            etag: entry.document.etag().to_owned(),
        };
        if outcome != Outcome::Unchanged {
            store
                .put_reference(&ReferenceKey::Policy(id.to_owned()), entry.text())
                .await?;
            self.swap(current.with_policy(entry));
        }
        Ok((outcome, published))
    }

    /// Publishes a form version, durably.
    pub async fn publish_form(
        &self,
        store: &dyn Store,
        text: &str,
    ) -> ApiResult<(Outcome, Published)> {
        let _one = self.publishing.lock().await;
        let current = self.catalog();
        let (entry, outcome) = current.check_form(text)?;
        let (id, version) = (entry.value.id().to_string(), entry.value.version());
        let published = Published {
            id: id.clone(),
            version: Some(version),
            etag: entry.document.etag().to_owned(),
        };
        if outcome == Outcome::Created {
            store
                .put_reference(&ReferenceKey::Form(id, version), entry.text())
                .await?;
            self.swap(current.with_form(entry));
        }
        Ok((outcome, published))
    }

    fn swap(&self, next: Catalog) {
        *self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(next);
    }
}

/// `GET /v1/forms`: every published version of every form.
pub async fn list_forms(State(state): State<AppState>) -> Json<Vec<FormSummary>> {
    Json(state.reference.catalog().form_summaries())
}

/// `GET /v1/forms/{id}`: the newest version of the form, with an `ETag`.
pub async fn get_form(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let catalog = state.reference.catalog();
    let entry = catalog.newest_form(&id).ok_or(ApiError::NotFound)?;
    Ok(entry.document.respond(&headers))
}

/// `GET /v1/forms/{id}/versions/{version}`: one version of a form.
pub async fn get_form_version(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let version: u32 = version.parse().map_err(|_| ApiError::NotFound)?;
    let catalog = state.reference.catalog();
    let entry = catalog.form(&id, version).ok_or(ApiError::NotFound)?;
    Ok(entry.document.respond(&headers))
}

/// The query of `GET /v1/policy`.
#[derive(Debug, Deserialize)]
pub struct PolicyQuery {
    on: Option<String>,
}

/// `GET /v1/policy[?on=YYYY-MM-DD]`: the bundle in force today or on that day, with an `ETag`;
/// 404 when none is.
pub async fn get_policy(
    State(state): State<AppState>,
    Query(query): Query<PolicyQuery>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let day = match query.on.as_deref() {
        None => Utc::now().date_naive(),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            ApiError::InvalidDate(format!("on={text:?} is not a date (YYYY-MM-DD)"))
        })?,
    };
    let catalog = state.reference.catalog();
    let entry = catalog.policy_on(day).ok_or(ApiError::NotFound)?;
    Ok(entry.document.respond(&headers))
}

/// `GET /v1/policies`: every published bundle.
pub async fn list_policies(State(state): State<AppState>) -> Json<Vec<PolicySummary>> {
    Json(state.reference.catalog().policy_summaries())
}

/// `GET /v1/policies/{id}`: one bundle, with an `ETag`.
pub async fn get_policy_by_id(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let catalog = state.reference.catalog();
    let entry = catalog.policy(&id).ok_or(ApiError::NotFound)?;
    Ok(entry.document.respond(&headers))
}

/// The status of a publication: 201 for something new, 200 otherwise.
fn status_of(outcome: Outcome) -> StatusCode {
    match outcome {
        Outcome::Created => StatusCode::CREATED,
        Outcome::Replaced | Outcome::Unchanged => StatusCode::OK,
    }
}

/// `PUT /v1/policies/{id}` (officers): publish a bundle. 201 new, 200 replaced or unchanged,
/// 422 `invalid_policy` with every problem.
pub async fn put_policy(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> ApiResult<(StatusCode, Json<Published>)> {
    caller.require_officer()?;
    state.writable()?;
    let (outcome, published) = state
        .reference
        .publish_policy(state.store.as_ref(), &id, &body)
        .await?;
    tracing::info!(policy = %id, ?outcome, "policy bundle published");
    Ok((status_of(outcome), Json(published)))
}

/// `POST /v1/forms` (officers): publish a form version. 201 new, 200 the same content again,
/// 409 `version_exists` for other content, 422 `invalid_form` with every problem.
pub async fn post_form(
    State(state): State<AppState>,
    caller: Caller,
    body: String,
) -> ApiResult<(StatusCode, Json<Published>)> {
    caller.require_officer()?;
    state.writable()?;
    let (outcome, published) = state
        .reference
        .publish_form(state.store.as_ref(), &body)
        .await?;
    tracing::info!(form = %published.id, version = ?published.version, ?outcome, "form published");
    Ok((status_of(outcome), Json(published)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
