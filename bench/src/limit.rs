//! The limits Kosh is measured against, both run as child processes of this same binary
//! (`kosh-bench serve-limit`), so they are built, started and measured exactly like Kosh:
//!
//! - the **no-storage limit** answers `POST /v1/sync` with the JSON Kosh would (the request
//!   parsed into the shared wire types, every op acked) and stores nothing. Having no store, it
//!   returns the request's own ops as the `changes`: in the benchmark each device's partner
//!   pushes as many ops per sync as it does, so the answer has the size and shape of Kosh's;
//! - the **naive durable server** does the same after appending the request to one file and
//!   calling fsync, one request at a time: what durability costs without group commit.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use kosh_shared::api::{ErrorBody, ErrorDetail, SyncRequest, SyncResponse};
use tokio::net::TcpListener;

use crate::error::{BenchError, BenchResult};

struct Limit {
    cursor: AtomicU64,
    /// The naive server's log; `None` for the no-storage limit.
    log: Option<Arc<Mutex<File>>>,
}

/// Runs a limit server on a free loopback port until the process is killed; prints
/// `listening on http://<address>` once it accepts connections. With `fsync_file` it is the
/// naive durable server.
pub async fn serve(fsync_file: Option<PathBuf>) -> BenchResult<()> {
    let log = match fsync_file {
        Some(path) => {
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| BenchError::io(format!("opening {}", path.display()), e))?;
            Some(Arc::new(Mutex::new(file)))
        }
        None => None,
    };
    let state = Arc::new(Limit {
        cursor: AtomicU64::new(0),
        log,
    });
    let app = Router::new()
        .route("/v1/sync", post(sync))
        .with_state(state);
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| BenchError::io("binding 127.0.0.1:0", e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| BenchError::io("reading the bound address", e))?;
    println!("listening on http://{addr}");
    axum::serve(listener, app)
        .await
        .map_err(|e| BenchError::io("serving", e))
}

async fn sync(State(limit): State<Arc<Limit>>, body: Bytes) -> Response {
    let request: SyncRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return error(StatusCode::BAD_REQUEST, "bad_request", err.to_string()),
    };
    if let Some(log) = &limit.log {
        let log = log.clone();
        let appended = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            let mut file = log
                .lock()
                .map_err(|_| std::io::Error::other("the log's lock is poisoned"))?;
            file.write_all(&body)?;
            file.write_all(b"\n")?;
            file.sync_data()
        })
        .await;
        if !matches!(appended, Ok(Ok(()))) {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the append failed".into(),
            );
        }
    }
    let cursor = limit.cursor.fetch_add(1, Ordering::Relaxed) + 1;
    let response = SyncResponse {
        cursor,
        acked: request.ops.iter().map(|op| op.op_id.clone()).collect(),
        changes: request.ops,
        more: false,
    };
    axum::Json(response).into_response()
}

fn error(status: StatusCode, code: &str, message: String) -> Response {
    let body = ErrorBody {
        error: ErrorDetail {
            code: code.into(),
            message,
            fields: vec![],
        },
    };
    (status, axum::Json(body)).into_response()
}
