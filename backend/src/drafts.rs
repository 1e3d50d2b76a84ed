//! Drafts and their offline sync: `POST /v1/sync` pushes ops and pulls other devices' changes
//! in one round trip; `GET /v1/sync/wait` holds a phone until another device pushes (live
//! sync, woken through `crate::live`); `GET /v1/drafts` and `/v1/drafts/{id}` show the merged
//! answers.
//!
//! The merge is `kosh_shared::draft`'s; this module checks the ops, clamps clocks from the
//! future, and hands them to the store, which logs and merges them all or nothing
//! (`store::push`) and returns only once they are durable; only then are they acknowledged.
//!
//! Cursors are per user: every op a user's devices push gets the next number of that user's
//! log, and `cursor` is the last number a device has seen. `changes` leaves out the ops the
//! asking device pushed itself (it has them already) but still moves the cursor past them.
//! One exception: an op whose HLC was pulled back from the future is sent back to its own
//! device too, so that it can adopt the stamp every other replica now has instead of keeping
//! one that would win every edit for years.

use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use chrono::Utc;
use kosh_shared::api::{
    DraftView, FieldError, MAX_OPS_PER_SYNC, Op, SyncRequest, SyncResponse, SyncWaitResponse,
};
use kosh_shared::error::Error as SharedError;
use kosh_shared::hlc::Hlc;
use kosh_shared::ids::DraftId;
use kosh_shared::validate;
use serde_json::Value;
use serde_json::value::RawValue;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::live::{Pushed, Woken};
use crate::reference::Catalog;
use crate::state::AppState;
use crate::store::{DraftRecord, IncomingOp, PushRefusal, Synced, unique_op_ids};

/// The longest id (op, draft, device) accepted: UUIDs are 36 characters.
const MAX_ID_LEN: usize = 128;

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
}

/// Reads a sync body. A well-formed one is read straight into the wire types; one that is not
/// is read again in steps so that each fault gets its own code: too many ops before anything
/// else, then an unparseable HLC (400 `invalid_hlc` naming the op), then the shape.
fn parse_sync(body: &str) -> ApiResult<SyncRequest> {
    if let Ok(req) = serde_json::from_str::<SyncRequest>(body) {
        if req.ops.len() > MAX_OPS_PER_SYNC {
            return Err(ApiError::TooManyOps {
                max: MAX_OPS_PER_SYNC,
            });
        }
        return Ok(req);
    }
    let body: Value =
        serde_json::from_str(body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let ops = body.get("ops").and_then(Value::as_array);
    if let Some(ops) = ops {
        if ops.len() > MAX_OPS_PER_SYNC {
            return Err(ApiError::TooManyOps {
                max: MAX_OPS_PER_SYNC,
            });
        }
        for (i, op) in ops.iter().enumerate() {
            let text = op.get("hlc").and_then(Value::as_str);
            if let Some(Err(err)) = text.map(str::parse::<Hlc>) {
                return Err(ApiError::InvalidHlc(format!("ops[{i}]: {err}")));
            }
        }
    }
    serde_json::from_value(body).map_err(|e| ApiError::BadRequest(e.to_string()))
}

/// Checks every op against its form: the form must be known, the field one of its top-level
/// questions, and the value of the question's shape (`kosh_shared::validate::check_op`).
/// Returns, for each op, the version of the form it was checked against.
fn check_ops(req: &SyncRequest, catalog: &Catalog) -> ApiResult<Vec<u32>> {
    if !is_valid_id(&req.device_id) {
        return Err(ApiError::BadRequest(
            "device_id must be 1 to 128 letters, digits or -_.:".into(),
        ));
    }
    let mut fields = Vec::new();
    let mut versions = Vec::with_capacity(req.ops.len());
    for (i, op) in req.ops.iter().enumerate() {
        if !is_valid_id(op.op_id.as_str()) || !is_valid_id(op.draft_id.as_str()) {
            return Err(ApiError::BadRequest(format!(
                "ops[{i}]: op_id and draft_id must be 1 to {MAX_ID_LEN} letters, digits or -_.:"
            )));
        }
        // An op names the version its answer follows (older clients do not: the newest), and
        // every published version stays accepted, so a draft started on one keeps syncing.
        let entry = match op.form_version {
            Some(version) => catalog.form(op.form_id.as_str(), version),
            None => catalog.newest_form(op.form_id.as_str()),
        };
        let form = &*entry
            .ok_or_else(|| ApiError::UnknownForm(op.form_id.to_string()))?
            .value;
        versions.push(form.version());
        // A draft may be unfinished, but each answer must fit its question's shape.
        match validate::check_op(form, &op.field, &op.value) {
            Ok(()) => {}
            Err(SharedError::UnknownQuestion { id, .. }) => fields.push(FieldError {
                field: id,
                code: "unknown_question".into(),
            }),
            Err(SharedError::InvalidAnswer { field, code }) => {
                fields.push(FieldError { field, code })
            }
            Err(other) => fields.push(FieldError {
                field: op.field.clone(),
                code: other.code().into(),
            }),
        }
    }
    if fields.is_empty() {
        Ok(versions)
    } else {
        Err(ApiError::BadFields {
            message:
                "some ops name no question of their form or carry an answer of the wrong shape"
                    .into(),
            fields,
        })
    }
}

/// The ops of one push, with every stamp further ahead than `horizon` pulled back to it.
///
/// Clamped stamps keep the order the device gave its ops: each clamped stamp is greater than the
/// one before it in the push (the counter moves on), so a phone's later edit of an answer never
/// ties with, or loses to, its earlier one once both are pulled back to the same horizon.
/// `form_versions` are [`check_ops`]'s, one per op.
fn clamp_clocks(req: &SyncRequest, horizon: u64, form_versions: &[u32]) -> Vec<IncomingOp> {
    let mut last_clamped: Option<Hlc> = None;
    req.ops
        .iter()
        .zip(form_versions)
        .map(|(op, &form_version)| {
            let clamped = op.hlc.wall_ms > horizon;
            let mut hlc = op.hlc.clamped(horizon);
            if clamped {
                if let Some(last) = last_clamped.as_ref().filter(|last| hlc <= **last) {
                    hlc.counter = last.counter.saturating_add(1);
                }
                last_clamped = Some(hlc.clone());
            }
            IncomingOp {
                // Every stored op names the version it was checked against, so phones that
                // pull it move their copy of the draft to that version too.
                op: Op {
                    hlc,
                    form_version: Some(form_version),
                    ..op.clone()
                },
                device: req.device_id.clone(),
                clamped,
                form_version,
            }
        })
        .collect()
}

/// `POST /v1/sync`.
pub async fn sync(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<Box<RawValue>>,
) -> ApiResult<Json<SyncResponse>> {
    let req = parse_sync(body.get())?;
    let form_versions = check_ops(&req, &state.reference.catalog())?;
    let now = Utc::now();
    let horizon = u64::try_from(now.timestamp_millis())
        .unwrap_or(0)
        .saturating_add(state.settings.max_clock_skew.as_millis() as u64);
    let incoming = clamp_clocks(&req, horizon, &form_versions);
    if !incoming.is_empty() {
        state.writable()?;
    }
    // The store acknowledges only what is durable and hands out only what is (see `Store`).
    let synced = state
        .store
        .sync(
            &caller.user,
            &incoming,
            now,
            req.cursor,
            state.settings.sync_page_size,
            &req.device_id,
        )
        .await?;
    let Synced { logged_up_to, page } = match synced {
        Ok(synced) => synced,
        Err(PushRefusal::NotOwner(draft)) => {
            tracing::info!(%draft, "sync refused: another user's draft");
            return Err(ApiError::NotFound);
        }
        Err(PushRefusal::FormMismatch { draft, form }) => {
            return Err(ApiError::BadRequest(format!(
                "draft {draft} is not a draft of form {form}"
            )));
        }
    };
    // Only now, with the push durable: a phone woken sooner could sync before the flush and
    // be handed nothing, then wait again with the news already behind it.
    if let Some(seq) = logged_up_to {
        state.live.publish(
            &caller.user,
            Pushed {
                seq,
                device: req.device_id.as_str().into(),
            },
        );
    }
    let span = tracing::Span::current();
    span.record("pushed", incoming.len());
    span.record("pulled", page.entries.len());
    Ok(Json(SyncResponse {
        cursor: page.cursor,
        acked: unique_op_ids(&incoming),
        changes: page.entries.into_iter().map(|e| e.op).collect(),
        more: page.more,
    }))
}

/// What `GET /v1/sync/wait` was asked: the cursor the phone has pulled up to, and which
/// device it is (optional, an extension of API.md: without it, the phone's own pushes wake it
/// too).
#[derive(Debug, PartialEq, Eq)]
struct WaitQuery {
    cursor: u64,
    device_id: Option<String>,
}

fn parse_wait_query(query: Option<&str>) -> ApiResult<WaitQuery> {
    let mut cursor = None;
    let mut device_id = None;
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_encoding::percent_decode_str(value)
            .decode_utf8()
            .map_err(|_| ApiError::BadRequest(format!("{name} is not UTF-8")))?;
        match name {
            "cursor" => {
                let n = value.parse::<u64>().map_err(|_| {
                    ApiError::BadRequest(format!("cursor {value:?} is not a whole number"))
                })?;
                cursor = Some(n);
            }
            "device_id" => {
                if !is_valid_id(&value) {
                    return Err(ApiError::BadRequest(
                        "device_id must be 1 to 128 letters, digits or -_.:".into(),
                    ));
                }
                device_id = Some(value.into_owned());
            }
            // A read: other parameters (a cache-buster, say) are let through.
            _ => {}
        }
    }
    let cursor = cursor.ok_or_else(|| ApiError::BadRequest("cursor=N is required".into()))?;
    Ok(WaitQuery { cursor, device_id })
}

/// How long a wait may last: the setting, but always a second under the request timeout, so a
/// wait never becomes a 408.
fn wait_limit(wait: Duration, request_timeout: Duration) -> Duration {
    wait.min(request_timeout.saturating_sub(Duration::from_secs(1)))
}

/// `GET /v1/sync/wait?cursor=N[&device_id=D]`: answers as soon as the caller's log holds an
/// op after `N` from another device than `D`, with a cursor past `N`; after the wait with `N`
/// itself; and at once, with `N`, when the server stops.
pub async fn wait(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<SyncWaitResponse>> {
    let WaitQuery { cursor, device_id } = parse_wait_query(query.as_deref())?;
    let device = device_id.as_deref();
    let deadline = tokio::time::Instant::now()
        + wait_limit(state.settings.sync_wait, state.settings.request_timeout);
    // Subscribed before the store is read, so a push between the read and the wait wakes it.
    let mut subscription = state.live.subscribe(&caller.user);
    loop {
        // No device id is empty, so "" skips nobody's ops.
        let page = state
            .store
            .changes_since(&caller.user, cursor, 1, device.unwrap_or(""))
            .await?;
        if !page.entries.is_empty() {
            return Ok(Json(SyncWaitResponse {
                cursor: page.cursor,
            }));
        }
        // Tests of a stopping server read this line to know a phone is waiting.
        tracing::debug!(cursor, "sync wait: waiting for another device's push");
        let woken = tokio::time::timeout_at(deadline, subscription.next(cursor, device)).await;
        match woken {
            Ok(Woken::Pushed(seq)) => return Ok(Json(SyncWaitResponse { cursor: seq })),
            // Some pushes went unseen: the store says whether any is news.
            Ok(Woken::Lagged) => continue,
            Ok(Woken::Closed) | Err(_) => return Ok(Json(SyncWaitResponse { cursor })),
        }
    }
}

fn view(record: DraftRecord) -> DraftView {
    DraftView {
        updated_at: record.updated_at,
        ..record.draft.view()
    }
}

/// `GET /v1/drafts`: the caller's drafts, merged.
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<DraftView>>> {
    let drafts = state.store.drafts_of(&caller.user).await?;
    Ok(Json(drafts.into_iter().map(view).collect()))
}

/// `GET /v1/drafts/{id}`: one of the caller's drafts; anyone else's is 404.
pub async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<DraftView>> {
    match state.store.draft(&DraftId(id)).await? {
        Some(record) if record.owner == caller.user => Ok(Json(view(record))),
        _ => Err(ApiError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(hlc: &str) -> Value {
        json!({"op_id": "o1", "draft_id": "d1", "form_id": "residence-2026",
               "field": "education.level", "value": "bachelor", "hlc": hlc})
    }

    #[test]
    fn bad_hlc_is_named() {
        let body =
            json!({"device_id": "d", "ops": [op("2026-03-01T09:30:00Z/0001/d"), op("yesterday")]});
        match parse_sync(&body.to_string()) {
            Err(ApiError::InvalidHlc(message)) => {
                assert!(message.starts_with("ops[1]"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_many_ops_is_checked_first() {
        let ops: Vec<Value> = (0..=MAX_OPS_PER_SYNC).map(|_| op("garbage")).collect();
        let body = json!({"device_id": "d", "ops": ops});
        assert!(matches!(
            parse_sync(&body.to_string()),
            Err(ApiError::TooManyOps { .. })
        ));
    }

    #[test]
    fn unknown_fields_in_ops_are_refused() {
        let mut o = op("2026-03-01T09:30:00Z/0001/d");
        o["extra"] = json!(1);
        assert!(matches!(
            parse_sync(&json!({"device_id": "d", "ops": [o]}).to_string()),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn wait_queries_are_read_or_refused() {
        let parsed = |q: &str| parse_wait_query(Some(q));
        assert_eq!(
            parsed("cursor=41&device_id=d-7f3a").unwrap(),
            WaitQuery {
                cursor: 41,
                device_id: Some("d-7f3a".into())
            }
        );
        assert_eq!(parsed("cursor=0&t=123").unwrap().device_id, None);
        assert_eq!(
            parsed("device_id=a%3Ab&cursor=7")
                .unwrap()
                .device_id
                .unwrap(),
            "a:b"
        );
        for bad in [
            "",
            "device_id=d",
            "cursor=",
            "cursor=-1",
            "cursor=1.5",
            "cursor=99999999999999999999999",
            "cursor=1&device_id=",
            "cursor=1&device_id=a%20b",
            "cursor=1&device_id=%FF",
        ] {
            assert!(
                matches!(parsed(bad), Err(ApiError::BadRequest(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            parse_wait_query(None),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn a_wait_ends_before_the_request_timeout() {
        let s = Duration::from_secs;
        assert_eq!(wait_limit(s(25), s(30)), s(25));
        assert_eq!(wait_limit(s(60), s(30)), s(29));
        assert_eq!(wait_limit(s(5), s(0)), s(0));
    }

    #[test]
    fn clamped_stamps_keep_the_devices_order() {
        let op = |id: &str, hlc: &str| {
            json!({"op_id": id, "draft_id": "d1", "form_id": "residence-2026",
                   "field": "education.level", "value": id, "hlc": hlc})
        };
        let req: SyncRequest = serde_json::from_value(json!({"device_id": "phone", "ops": [
            op("a", "2030-01-01T00:00:00.000Z/0000/phone"),
            op("b", "2030-01-01T00:00:05.000Z/0000/phone"),
            op("c", "2000-01-01T00:00:00.000Z/0000/phone"),
            op("d", "2031-01-01T00:00:00.000Z/0000/phone"),
        ]}))
        .unwrap();
        let horizon = 1_800_000_000_000; // 2027-01-15
        let out = clamp_clocks(&req, horizon, &[1; 4]);
        let stamps: Vec<&Hlc> = out.iter().map(|i| &i.op.hlc).collect();
        assert!(out[0].clamped && out[1].clamped && !out[2].clamped && out[3].clamped);
        assert!(stamps[0].wall_ms == horizon && stamps[1].wall_ms == horizon);
        assert!(stamps[0] < stamps[1] && stamps[1] < stamps[3], "{stamps:?}");
        assert_eq!(stamps[2], &req.ops[2].hlc);
    }
}
