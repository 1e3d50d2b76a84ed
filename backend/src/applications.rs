//! Applications: submitting a draft (re-validated with the app's own rules, scored from the
//! policy, idempotent by key), reading them, officers' stage events, and the applicant's own
//! reports of what an official notice said. Every rule here is
//! `kosh-shared`'s (`validate`, `score`, `status`); this module loads, checks ownership,
//! stores and answers.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use kosh_shared::api::{
    Application, FieldError, Role, StageEventRequest, StageReportRequest, SubmitRequest,
};
use kosh_shared::ids::ApplicationId;
use kosh_shared::status::ReportDate;
use kosh_shared::validate::{Env, validate_draft};
use kosh_shared::{score, status};
use serde::Serialize;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;
use crate::store::{ApplicationRecord, Submission};

/// The longest idempotency key accepted (a UUID is 36 characters).
const MAX_KEY_LEN: usize = 200;

/// `<application>` of API.md, extended with `overdue`: whether the current stage has run past
/// its normal duration (`kosh_shared::status::is_overdue` at the time of the answer), so a
/// client that does not compute it still can say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationView {
    #[serde(flatten)]
    pub application: Application,
    pub overdue: bool,
}

impl ApplicationView {
    fn at(application: Application, now: DateTime<Utc>) -> ApplicationView {
        let overdue = status::is_overdue(&application, now);
        ApplicationView {
            application,
            overdue,
        }
    }
}

/// `POST /v1/applications` → 201 with the new application, or 200 with the one the same
/// idempotency key created before.
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    Json(req): Json<SubmitRequest>,
) -> ApiResult<(StatusCode, Json<ApplicationView>)> {
    let key = req.idempotency_key.trim();
    if key.is_empty() || key.len() > MAX_KEY_LEN {
        return Err(ApiError::BadRequest(format!(
            "idempotency_key must be 1 to {MAX_KEY_LEN} characters"
        )));
    }
    // A replay answers with what the first request created, whatever the draft became since.
    if let Some(existing) = state.store.application_by_key(&caller.user, key).await? {
        return Ok((
            StatusCode::OK,
            Json(ApplicationView::at(existing.application, Utc::now())),
        ));
    }
    let record = state
        .store
        .draft(&req.draft_id)
        .await?
        .filter(|d| d.owner == caller.user)
        .ok_or(ApiError::NotFound)?;
    let draft = record.draft;
    // The draft is checked against the version it follows, which stays published.
    let catalog = state.reference.catalog();
    let form = &catalog
        .form(draft.form_id.as_str(), draft.form_version)
        .ok_or_else(|| ApiError::UnknownForm(draft.form_id.to_string()))?
        .value;
    let policy = &*state.reference.policy();
    let now = Utc::now();
    let today = now.date_naive();
    let answers = draft.answers();
    let env = Env::new(today).with_regions(policy.regions().iter().map(|r| r.id.to_string()));
    let report = validate_draft(form, &answers, &env);
    if !report.is_valid() {
        return Err(ApiError::ValidationFailed {
            fields: report.errors,
        });
    }
    let score = score::score(&answers, today, policy.scoring()).summary;
    let application = status::submit(
        ApplicationId(uuid::Uuid::new_v4().to_string()),
        &draft,
        now,
        score,
        policy,
    );
    let record = ApplicationRecord {
        owner: caller.user.clone(),
        application,
    };
    state.writable()?;
    match state.store.submit(key, &record).await? {
        Submission::Created(record) => {
            tracing::info!(application = %record.application.id, "application submitted");
            Ok((
                StatusCode::CREATED,
                Json(ApplicationView::at(record.application, now)),
            ))
        }
        // A concurrent request with the same key won the race: answer with its application.
        Submission::Existing(record) => Ok((
            StatusCode::OK,
            Json(ApplicationView::at(record.application, now)),
        )),
    }
}

/// `GET /v1/applications`: the caller's applications; for an officer, every application (the
/// work list they post events from).
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<ApplicationView>>> {
    let records = if caller.role == Role::Officer {
        state.store.all_applications().await?
    } else {
        state.store.applications_of(&caller.user).await?
    };
    let now = Utc::now();
    Ok(Json(
        records
            .into_iter()
            .map(|r| ApplicationView::at(r.application, now))
            .collect(),
    ))
}

fn visible(caller: &Caller, record: &ApplicationRecord) -> bool {
    record.owner == caller.user || caller.role == Role::Officer
}

/// `GET /v1/applications/{id}`: one application; another applicant's is 404.
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<ApplicationView>> {
    match state.store.application(&ApplicationId(id)).await? {
        Some(record) if visible(&caller, &record) => {
            Ok(Json(ApplicationView::at(record.application, Utc::now())))
        }
        _ => Err(ApiError::NotFound),
    }
}

/// `POST /v1/applications/{id}/events` (officers only): the next step of the stage order.
pub async fn post_event(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(event): Json<StageEventRequest>,
) -> ApiResult<Json<ApplicationView>> {
    caller.require_officer()?;
    check_note(event.note.as_deref())?;
    let id = ApplicationId(id);
    let view = update(&state, &id, |old, now| {
        status::record_event(&old.application, &event, now, &state.reference.policy())
            .map_err(|e| ApiError::InvalidTransition(e.to_string()))
    })
    .await?;
    tracing::info!(application = %id, stage = event.stage.id(), outcome = event.outcome.id(), "stage event");
    Ok(view)
}

/// `POST /v1/applications/{id}/reports` (the applicant, on their own application): what an
/// official notice said, dated by the notice. Another user's application is 404 (an officer
/// records events instead: 403); a date after today or before the submission is 422 with the
/// field `on`; out of order, 409 `invalid_transition`.
pub async fn post_report(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(report): Json<StageReportRequest>,
) -> ApiResult<Json<ApplicationView>> {
    if caller.role == Role::Officer {
        return Err(ApiError::Forbidden);
    }
    check_note(report.note.as_deref())?;
    let id = ApplicationId(id);
    let view = update(&state, &id, |old, now| {
        if old.owner != caller.user {
            return Err(ApiError::NotFound);
        }
        status::record_report(
            &old.application,
            &report,
            now.date_naive(),
            &state.reference.policy(),
        )
        .map_err(|refusal| match refusal {
            Ok(date) => ApiError::ValidationFailed {
                fields: vec![FieldError {
                    field: "on".into(),
                    code: match date {
                        ReportDate::InTheFuture => "date_too_late",
                        ReportDate::BeforeSubmission => "date_too_early",
                    }
                    .into(),
                }],
            },
            Err(e) => ApiError::InvalidTransition(e.to_string()),
        })
    })
    .await?;
    tracing::info!(application = %id, stage = report.stage.id(), outcome = report.outcome.id(), "applicant's report");
    Ok(view)
}

/// A note of at most 2000 characters.
fn check_note(note: Option<&str>) -> ApiResult<()> {
    if note.is_some_and(|n| n.chars().count() > 2000) {
        return Err(ApiError::BadRequest(
            "note longer than 2000 characters".into(),
        ));
    }
    Ok(())
}

/// Replaces an application by `change` of it, durably. Two writers at once (two officers, an
/// officer and the applicant): the loser re-reads and is checked against the new state.
async fn update(
    state: &AppState,
    id: &ApplicationId,
    change: impl Fn(&ApplicationRecord, DateTime<Utc>) -> ApiResult<Application>,
) -> ApiResult<Json<ApplicationView>> {
    for _ in 0..8 {
        let old = state
            .store
            .application(id)
            .await?
            .ok_or(ApiError::NotFound)?;
        let now = Utc::now();
        let application = change(&old, now)?;
        let new = ApplicationRecord {
            owner: old.owner.clone(),
            application,
        };
        state.writable()?;
        if state.store.replace_application(&old, &new).await? {
            return Ok(Json(ApplicationView::at(new.application, now)));
        }
    }
    Err(ApiError::Internal(format!(
        "application {id} kept changing under concurrent events"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::api::{PolicyStatus, ScoreSummary};
    use kosh_shared::draft::Draft;
    use kosh_shared::ids::DraftId;
    use kosh_shared::policy::Policy;

    #[test]
    fn overdue_is_computed_at_the_time_of_the_answer() {
        let policy = Policy::builtin().unwrap();
        let submitted: DateTime<Utc> = "2026-03-01T09:00:00Z".parse().unwrap();
        let draft = Draft::new(DraftId::from("d1"), "residence-2026".into(), 1);
        let score = ScoreSummary {
            total: 0,
            pass_mark: 400,
            status: PolicyStatus::Illustrative,
            criteria: vec![],
        };
        let app = status::submit("a1".into(), &draft, submitted, score, policy);
        let due = app.expected_by.unwrap();
        assert!(!ApplicationView::at(app.clone(), submitted).overdue);
        let late = ApplicationView::at(app, due + chrono::Duration::days(1));
        assert!(late.overdue);
        let json = serde_json::to_value(&late).unwrap();
        assert_eq!(json["overdue"], true);
        assert_eq!(
            json["stage"], "submitted",
            "the application's own fields stay flat"
        );
    }
}
