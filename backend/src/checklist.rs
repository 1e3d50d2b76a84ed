//! `GET /v1/checklist` (API.md, Documents): the papers the caller's own answers call for,
//! computed by `kosh_shared::checklist` from their draft and the policy in force today, the same
//! function the app runs offline.
//!
//! Which draft: `?draft_id=` names one of the caller's (another's, or none: 404); without it,
//! the caller's most recently changed draft. A caller with no draft yet gets the papers every
//! applicant brings, computed from no answers on the newest questionnaire.

use axum::extract::{RawQuery, State};
use chrono::Utc;
use kosh_shared::api::ChecklistItem;
use kosh_shared::checklist::checklist;
use kosh_shared::draft::Draft;
use kosh_shared::form::residence_2026;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;

/// `GET /v1/checklist[?draft_id=…]`.
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Vec<ChecklistItem>>> {
    let wanted = draft_id(query.as_deref())?;
    let mut drafts = state.store.drafts_of(&caller.user).await?;
    let record = match wanted {
        Some(id) => Some(
            drafts
                .into_iter()
                .find(|r| r.draft.id.as_str() == id)
                .ok_or(ApiError::NotFound)?,
        ),
        None => {
            drafts.sort_by_key(|r| r.updated_at);
            drafts.pop()
        }
    };
    let today = Utc::now().date_naive();
    let catalog = state.reference.catalog();
    let draft = record.map(|r| r.draft);
    let form_id = draft.as_ref().map_or_else(
        || {
            residence_2026()
                .map(|f| f.id().to_string())
                .unwrap_or_default()
        },
        |d| d.form_id.to_string(),
    );
    // The version the draft follows; a version no longer served (or no draft): the newest.
    let entry = draft
        .as_ref()
        .and_then(|d| catalog.form(&form_id, d.form_version))
        .or_else(|| catalog.newest_form(&form_id))
        .ok_or_else(|| ApiError::Internal(format!("no form {form_id} is served")))?;
    let answers = draft.as_ref().map(Draft::answers).unwrap_or_default();
    let policy = state.reference.policy_for(today);
    Ok(Json(checklist(&entry.value, &answers, &policy, today)))
}

/// The `draft_id` of the query, if given; other parameters are ignored (it is a read).
fn draft_id(query: Option<&str>) -> ApiResult<Option<&str>> {
    let Some(value) = query
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("draft_id="))
    else {
        return Ok(None);
    };
    let plain = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    if plain {
        Ok(Some(value))
    } else {
        Err(ApiError::BadRequest(
            "draft_id must be 1 to 128 letters, digits or -_.:".into(),
        ))
    }
}
