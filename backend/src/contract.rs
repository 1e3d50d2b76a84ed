//! The kandas social contract: the applicant's own record (`GET`/`PUT /v1/contract`), what
//! leaving on a date would cost (`GET /v1/contract/risk`), and an officer's verified record
//! (`PUT /v1/users/{id}/contract`). The rules are `kosh_shared::contract`'s.

use axum::extract::{Path, RawQuery, State};
use chrono::{NaiveDate, Utc};
use kosh_shared::api::{Contract, RiskResponse};
use kosh_shared::contract as rules;
use kosh_shared::error::Error as SharedError;
use kosh_shared::ids::UserId;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;

/// A contract refused by the shared rules, as the API answers it.
fn refused(err: SharedError) -> ApiError {
    match err {
        SharedError::UnknownRegion { region } => ApiError::UnknownRegion(region),
        // `fields` carries question ids and validation codes; a contract is not a form, so
        // the message names the field instead.
        SharedError::InvalidContract { field, reason } => {
            ApiError::BadRequest(format!("invalid contract {field}: {reason}"))
        }
        SharedError::UnknownSupport { kind } => {
            ApiError::BadRequest(format!("unknown support measure {kind:?}"))
        }
        SharedError::InvalidDate { text } => {
            ApiError::InvalidDate(format!("invalid date {text:?}"))
        }
        other if other.code() == "bad_request" => ApiError::BadRequest(other.to_string()),
        other => ApiError::Internal(format!("contract rules: {other}")),
    }
}

async fn store_contract(state: &AppState, user: &UserId, contract: &Contract) -> ApiResult<()> {
    rules::validate(contract, &state.reference.policy(), Utc::now().date_naive())
        .map_err(refused)?;
    state.writable()?;
    Ok(state.store.put_contract(user, contract).await?)
}

/// `GET /v1/contract` → the caller's contract, or 404.
pub async fn get_own(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Contract>> {
    let contract = state
        .store
        .contract(&caller.user)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(contract))
}

/// `PUT /v1/contract`: the applicant's own record, never verified by saying so.
pub async fn put_own(
    State(state): State<AppState>,
    caller: Caller,
    Json(mut contract): Json<Contract>,
) -> ApiResult<Json<Contract>> {
    contract.verified = false;
    store_contract(&state, &caller.user, &contract).await?;
    Ok(Json(contract))
}

/// `PUT /v1/users/{id}/contract` (officers only): the contract as verified against documents.
pub async fn put_verified(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(mut contract): Json<Contract>,
) -> ApiResult<Json<Contract>> {
    caller.require_officer()?;
    let user = UserId(id);
    state.store.user(&user).await?.ok_or(ApiError::NotFound)?;
    contract.verified = true;
    store_contract(&state, &user, &contract).await?;
    tracing::info!(user = %user, "contract verified");
    Ok(Json(contract))
}

/// `GET /v1/contract/risk?leave_on=YYYY-MM-DD`.
pub async fn risk(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<RiskResponse>> {
    let leave_on = query
        .as_deref()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("leave_on="))
        .ok_or_else(|| ApiError::InvalidDate("leave_on=YYYY-MM-DD is required".into()))?;
    let leave_on = NaiveDate::parse_from_str(leave_on, "%Y-%m-%d")
        .ok()
        .filter(|_| leave_on.len() == 10)
        .ok_or_else(|| ApiError::InvalidDate(format!("leave_on {leave_on:?} is not YYYY-MM-DD")))?;
    let contract = state
        .store
        .contract(&caller.user)
        .await?
        .ok_or(ApiError::NotFound)?;
    let answer = rules::risk(&contract, leave_on, &state.reference.policy()).map_err(refused)?;
    Ok(Json(answer))
}
