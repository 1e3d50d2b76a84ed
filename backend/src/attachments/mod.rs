//! `PUT/HEAD/GET /v1/attachments/{sha256}` (API.md, Documents): photos and scans of the family's
//! papers. The rules (types, ranges, hashes) are in `upload`, pure; the bytes are in a
//! [`BlobStore`]; this module reads the request, asks both and answers.
//!
//! An upload is one `PUT` of the whole file, or parts with `Content-Range` that each continue
//! where the held bytes end (`HEAD` says where: `Upload-Offset`). What arrives is written as it
//! arrives, in pieces, each durable before the next is read, so a connection cut halfway keeps
//! what came and the phone continues from there. The last part is checked whole: its SHA-256
//! must be the name (else 400 `hash_mismatch`) and its bytes the type its label says (else 415);
//! bytes that fail are discarded, so the retry starts clean. Only then is it the caller's, and
//! durable, before the 201.
//!
//! Someone else's attachment is a 404 whatever they ask, as for drafts; the same bytes sent by
//! two people are kept once, but each must send them (holding a hash proves nothing).

pub mod blobs;
pub mod postgres;
pub mod upload;

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use kosh_shared::api::{AttachmentReceipt, Role, UploadProgress};
use kosh_shared::ids::UserId;
use kosh_shared::tick::is_sha256;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Json};
use crate::state::AppState;
use crate::store::StoreResult;
pub use blobs::{BlobStore, FileBlobStore};
pub use postgres::PgBlobStore;
use upload::{ContentRange, FileType, MAX_ATTACHMENT_BYTES, check_start, sha256_hex};

/// Where the held bytes of an upload end (the next part's first byte).
pub const UPLOAD_OFFSET: HeaderName = HeaderName::from_static("upload-offset");
/// `?1` when the server holds the whole file, `?0` while an upload is unfinished.
pub const UPLOAD_COMPLETE: HeaderName = HeaderName::from_static("upload-complete");

/// How many bytes of a body are gathered before they are written: small enough that a cut
/// connection loses little, large enough that a 2 MiB photo takes a handful of fsyncs.
const PIECE_BYTES: usize = 256 * 1024;

/// The attachments' store, quota, and the uploads being received now.
pub struct Attachments {
    blobs: Arc<dyn BlobStore>,
    quota_bytes: u64,
    /// (user, sha256) of every upload a request is receiving: a second request for the same
    /// one waits its turn (409) rather than write into the same partial file.
    receiving: Mutex<HashSet<(UserId, String)>>,
}

impl std::fmt::Debug for Attachments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachments")
            .field("quota_bytes", &self.quota_bytes)
            .finish_non_exhaustive()
    }
}

impl Attachments {
    /// Attachments kept in `blobs`, at most `quota_bytes` per user.
    pub fn new(blobs: Arc<dyn BlobStore>, quota_bytes: u64) -> Attachments {
        Attachments {
            blobs,
            quota_bytes,
            receiving: Mutex::new(HashSet::new()),
        }
    }

    /// Marks an upload as being received until the guard drops (also when the request is cut
    /// or times out).
    fn receive(self: &Arc<Self>, user: &UserId, sha256: &str) -> Option<Receiving> {
        let key = (user.clone(), sha256.to_owned());
        let mut set = self
            .receiving
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        set.insert(key.clone()).then(|| Receiving {
            attachments: self.clone(),
            key,
        })
    }
}

struct Receiving {
    attachments: Arc<Attachments>,
    key: (UserId, String),
}

impl Drop for Receiving {
    fn drop(&mut self) {
        self.attachments
            .receiving
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.key);
    }
}

/// Runs a blob store call off the async threads (file I/O and fsync block).
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&dyn BlobStore) -> StoreResult<T> + Send + 'static,
) -> ApiResult<T> {
    let blobs = state.attachments.blobs.clone();
    tokio::task::spawn_blocking(move || f(blobs.as_ref()))
        .await
        .map_err(|e| ApiError::Internal(format!("blob store task: {e}")))?
        .map_err(ApiError::from)
}

fn checked_name(sha256: &str) -> ApiResult<()> {
    if is_sha256(sha256) {
        Ok(())
    } else {
        Err(ApiError::BadRequest(
            "an attachment is named by its SHA-256 in lowercase hex".into(),
        ))
    }
}

fn offset_header(response: &mut Response, offset: u64) {
    response
        .headers_mut()
        .insert(UPLOAD_OFFSET, HeaderValue::from(offset));
}

/// What `PUT` may receive: the part's range, from `Content-Range` or, for a whole file in one
/// request, from `Content-Length`.
fn range_of(headers: &HeaderMap) -> ApiResult<ContentRange> {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(value) = text(header::CONTENT_RANGE) {
        return ContentRange::parse(value).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "Content-Range {value:?} is not bytes <first>-<last>/<total>"
            ))
        });
    }
    let len = text(header::CONTENT_LENGTH)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .ok_or_else(|| ApiError::BadRequest("send Content-Length or Content-Range".into()))?;
    // An empty body is no file of any type.
    ContentRange::whole(len).ok_or(ApiError::UnsupportedMediaType)
}

/// `PUT /v1/attachments/{sha256}`.
pub async fn put(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<Response> {
    checked_name(&sha256)?;
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(FileType::from_content_type)
        .ok_or(ApiError::UnsupportedMediaType)?;
    let user = caller.user.clone();
    let name = sha256.clone();
    let owned = blocking(&state, move |b| b.owned(&user, &name)).await?;
    if let Some(size) = owned {
        let receipt = receipt(&state, &sha256, size).await?;
        return Ok((StatusCode::OK, Json(receipt)).into_response());
    }
    let range = range_of(&headers)?;
    if range.total > MAX_ATTACHMENT_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    state.writable()?;
    let _receiving = state
        .attachments
        .receive(&caller.user, &sha256)
        .ok_or(ApiError::UploadInProgress)?;
    let (user, name) = (caller.user.clone(), sha256.clone());
    let (held, used) = blocking(&state, move |b| {
        Ok((b.partial_len(&user, &name)?, b.used_bytes(&user, &name)?))
    })
    .await?;
    if let Err(offset) = check_start(range, held) {
        let mut response = ApiError::BadRange { held: offset }.into_response();
        offset_header(&mut response, offset);
        return Ok(response);
    }
    if used.saturating_add(range.total) > state.attachments.quota_bytes {
        return Err(ApiError::QuotaExceeded {
            quota_bytes: state.attachments.quota_bytes,
        });
    }
    let held = receive(&state, &caller.user, &sha256, range, body).await?;
    if held < range.first + range.part_len() {
        let mut response = ApiError::BadRequest(format!(
            "the body ended after {} of the {} bytes its range names; {held} bytes are held",
            held - range.first,
            range.part_len()
        ))
        .into_response();
        offset_header(&mut response, held);
        return Ok(response);
    }
    if !range.is_last() {
        let progress = UploadProgress {
            sha256,
            received: held,
            total: range.total,
        };
        let mut response = (StatusCode::ACCEPTED, Json(progress)).into_response();
        offset_header(&mut response, held);
        return Ok(response);
    }
    finish(&state, &caller.user, &sha256, declared).await
}

/// Reads the part's body and writes it at `range.first`, piece by piece, each durable; returns
/// where the held bytes end. A body that breaks off keeps what came; one longer than its range
/// is refused after the range's bytes are kept.
async fn receive(
    state: &AppState,
    user: &UserId,
    sha256: &str,
    range: ContentRange,
    mut body: Body,
) -> ApiResult<u64> {
    let end = range.first + range.part_len();
    let mut offset = range.first;
    let mut piece: Vec<u8> = Vec::new();
    let mut too_long = false;
    loop {
        let frame = match body.frame().await {
            None => break,
            // The connection broke (or the body limit cut it): keep what arrived.
            Some(Err(err)) => {
                tracing::debug!(%err, "an upload's body broke off");
                break;
            }
            Some(Ok(frame)) => frame,
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        let room = usize::try_from(end - offset).unwrap_or(usize::MAX) - piece.len();
        if data.len() > room {
            piece.extend_from_slice(&data[..room]);
            too_long = true;
            break;
        }
        piece.extend_from_slice(&data);
        if piece.len() >= PIECE_BYTES {
            offset = write_piece(state, user, sha256, offset, std::mem::take(&mut piece)).await?;
        }
    }
    // A part from 0 starts over even when nothing of it came, so what is held is always what
    // the answer (and HEAD) says.
    if !piece.is_empty() || offset == 0 {
        offset = write_piece(state, user, sha256, offset, piece).await?;
    }
    if too_long {
        return Err(ApiError::BadRequest(format!(
            "the body is longer than its range; {offset} bytes are held: continue from there"
        )));
    }
    Ok(offset)
}

async fn write_piece(
    state: &AppState,
    user: &UserId,
    sha256: &str,
    offset: u64,
    piece: Vec<u8>,
) -> ApiResult<u64> {
    let (user, name) = (user.clone(), sha256.to_owned());
    blocking(state, move |b| {
        b.append_partial(&user, &name, offset, &piece)
    })
    .await
}

/// The last part has come: check the whole file and make it the caller's.
async fn finish(
    state: &AppState,
    user: &UserId,
    sha256: &str,
    declared: FileType,
) -> ApiResult<Response> {
    let (owner, name) = (user.clone(), sha256.to_owned());
    let bytes = blocking(state, move |b| b.read_partial(&owner, &name)).await?;
    let refusal = if sha256_hex(&bytes) != sha256 {
        Some(ApiError::HashMismatch)
    } else if FileType::sniff(&bytes) != Some(declared) {
        Some(ApiError::UnsupportedMediaType)
    } else {
        None
    };
    let (owner, name) = (user.clone(), sha256.to_owned());
    if let Some(refusal) = refusal {
        blocking(state, move |b| b.discard_partial(&owner, &name)).await?;
        return Err(refusal);
    }
    let size = blocking(state, move |b| b.complete(&owner, &name)).await?;
    let receipt = AttachmentReceipt {
        sha256: sha256.to_owned(),
        size,
        content_type: declared.mime().to_owned(),
    };
    Ok((StatusCode::CREATED, Json(receipt)).into_response())
}

async fn receipt(state: &AppState, sha256: &str, size: u64) -> ApiResult<AttachmentReceipt> {
    let bytes = read_blob(state, sha256).await?.ok_or(ApiError::NotFound)?;
    Ok(AttachmentReceipt {
        sha256: sha256.to_owned(),
        size,
        content_type: content_type(&bytes).to_owned(),
    })
}

async fn read_blob(state: &AppState, sha256: &str) -> ApiResult<Option<Vec<u8>>> {
    let name = sha256.to_owned();
    blocking(state, move |b| b.read(&name)).await
}

/// The type of stored bytes: checked on the way in, so one of the three.
fn content_type(bytes: &[u8]) -> &'static str {
    FileType::sniff(bytes).map_or("application/octet-stream", FileType::mime)
}

/// The blob, when the caller may read it: they hold it, or they are an officer.
async fn readable(state: &AppState, caller: &Caller, sha256: &str) -> ApiResult<Vec<u8>> {
    checked_name(sha256)?;
    let (user, name) = (caller.user.clone(), sha256.to_owned());
    let owns = blocking(state, move |b| b.owned(&user, &name))
        .await?
        .is_some();
    if !owns && caller.role != Role::Officer {
        return Err(ApiError::NotFound);
    }
    read_blob(state, sha256).await?.ok_or(ApiError::NotFound)
}

/// `GET /v1/attachments/{sha256}`: the bytes, to their owner and to officers; anyone else 404.
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
) -> ApiResult<Response> {
    let bytes = readable(&state, &caller, &sha256).await?;
    let mut response = (
        [
            (header::CONTENT_TYPE, content_type(&bytes)),
            // Personal papers: never in a shared cache, never reinterpreted by a browser.
            (header::CACHE_CONTROL, "private, no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        bytes,
    )
        .into_response();
    response
        .headers_mut()
        .insert(UPLOAD_COMPLETE, HeaderValue::from_static("?1"));
    Ok(response)
}

/// `HEAD /v1/attachments/{sha256}`: 200 with `Upload-Offset` equal to the size when the caller
/// may read the whole file; 204 with `Upload-Offset` (the bytes held) and `Upload-Complete: ?0`
/// while the caller's upload of it is unfinished; 404 otherwise.
pub async fn head(
    State(state): State<AppState>,
    caller: Caller,
    Path(sha256): Path<String>,
) -> ApiResult<Response> {
    match readable(&state, &caller, &sha256).await {
        Ok(bytes) => {
            let mut response = StatusCode::OK.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&bytes)),
            );
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            headers.insert(UPLOAD_COMPLETE, HeaderValue::from_static("?1"));
            offset_header(&mut response, bytes.len() as u64);
            Ok(response)
        }
        Err(ApiError::NotFound) => {
            let (user, name) = (caller.user.clone(), sha256.clone());
            let held = blocking(&state, move |b| b.partial_len(&user, &name)).await?;
            if held == 0 {
                return Err(ApiError::NotFound);
            }
            let mut response = StatusCode::NO_CONTENT.into_response();
            response
                .headers_mut()
                .insert(UPLOAD_COMPLETE, HeaderValue::from_static("?0"));
            offset_header(&mut response, held);
            Ok(response)
        }
        Err(other) => Err(other),
    }
}
