//! The limits Kosh is measured against, both run as child processes of this same binary
//! (`kosh-bench serve-limit`), so they are built, started and measured exactly like Kosh:
//!
//! - the **no-storage limit** answers `POST /v1/sync` with the JSON Kosh would (the request
//!   parsed into the shared wire types, every op acked) and stores nothing. Having no store, it
//!   returns the request's own ops as the `changes`: in the benchmark each device's partner
//!   pushes as many ops per sync as it does, so the answer has the size and shape of Kosh's;
//! - the **naive durable server** does the same after appending the request to one file and
//!   calling fsync, one request at a time: what durability costs without group commit;
//! - the **durable limit** appends the request to one file too, but with an ideal group commit:
//!   one thread writes every request waiting and `fdatasync`s once for all of them. It checks no
//!   token and keeps no index, so no durable server on this machine answers faster: what
//!   durability alone costs at best.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use kosh_shared::api::{ErrorBody, ErrorDetail, SyncRequest, SyncResponse};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::error::{BenchError, BenchResult};

struct LimitState {
    cursor: AtomicU64,
    log: Log,
}

/// What a limit server does with a request before it answers.
pub enum Durability {
    /// Nothing: the no-storage limit.
    None,
    /// Append it to this file and fsync, one request at a time: the naive durable server.
    FsyncEach(PathBuf),
    /// Append it to this file with an ideal group commit: the durable limit.
    GroupCommit(PathBuf),
}

enum Log {
    None,
    EachRequest(Arc<Mutex<File>>),
    Grouped(Arc<GroupCommit>),
}

/// The requests waiting for the next `fdatasync`, and the thread that writes them.
struct GroupCommit {
    waiting: Mutex<Batch>,
    arrived: Condvar,
}

#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// Told `true` once their bytes are on disk.
    waiters: Vec<oneshot::Sender<bool>>,
}

impl GroupCommit {
    fn start(mut file: File) -> Arc<GroupCommit> {
        let commit = Arc::new(GroupCommit {
            waiting: Mutex::new(Batch::default()),
            arrived: Condvar::new(),
        });
        let flusher = commit.clone();
        // Runs until the process is killed, as the server does.
        std::thread::spawn(move || {
            while let Some(batch) = flusher.next_batch() {
                let written = file.write_all(&batch.bytes).and_then(|()| file.sync_data());
                for waiter in batch.waiters {
                    let _ = waiter.send(written.is_ok());
                }
            }
        });
        commit
    }

    /// Blocks until a request waits, then takes every request waiting. `None` if a thread
    /// panicked holding the lock.
    fn next_batch(&self) -> Option<Batch> {
        let mut waiting = self.waiting.lock().ok()?;
        while waiting.waiters.is_empty() {
            waiting = self.arrived.wait(waiting).ok()?;
        }
        Some(std::mem::take(&mut *waiting))
    }

    /// Queues `body` for the next write; the answer says whether it reached the disk.
    fn append(&self, body: &[u8]) -> Option<oneshot::Receiver<bool>> {
        let (done, written) = oneshot::channel();
        let mut waiting = self.waiting.lock().ok()?;
        waiting.bytes.extend_from_slice(body);
        waiting.bytes.push(b'\n');
        waiting.waiters.push(done);
        self.arrived.notify_one();
        Some(written)
    }
}

fn open_log(path: &Path) -> BenchResult<File> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| BenchError::io(format!("opening {}", path.display()), e))
}

/// Runs a limit server on a free loopback port until the process is killed; prints
/// `listening on http://<address>` once it accepts connections.
pub async fn serve(durability: Durability) -> BenchResult<()> {
    let log = match &durability {
        Durability::None => Log::None,
        Durability::FsyncEach(path) => Log::EachRequest(Arc::new(Mutex::new(open_log(path)?))),
        Durability::GroupCommit(path) => Log::Grouped(GroupCommit::start(open_log(path)?)),
    };
    let state = Arc::new(LimitState {
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

async fn sync(State(limit): State<Arc<LimitState>>, body: Bytes) -> Response {
    let request: SyncRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => return error(StatusCode::BAD_REQUEST, "bad_request", err.to_string()),
    };
    let appended = match &limit.log {
        Log::None => true,
        Log::EachRequest(log) => {
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
            matches!(appended, Ok(Ok(())))
        }
        Log::Grouped(commit) => match commit.append(&body) {
            Some(written) => written.await.unwrap_or(false),
            None => false,
        },
    };
    if !appended {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the append failed".into(),
        );
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
            problems: vec![],
        },
    };
    (status, axum::Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn group_commit_writes_every_waiting_request_before_answering() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("requests.log");
        let commit = GroupCommit::start(open_log(&path).unwrap());
        let waits: Vec<_> = (0..64)
            .map(|i| {
                let commit = commit.clone();
                tokio::spawn(async move {
                    let written = commit.append(format!("request {i}").as_bytes()).unwrap();
                    written.await.unwrap()
                })
            })
            .collect();
        for wait in waits {
            assert!(
                wait.await.unwrap(),
                "every request is told its bytes are on disk"
            );
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        let mut wanted: Vec<String> = (0..64).map(|i| format!("request {i}")).collect();
        wanted.sort_unstable();
        assert_eq!(lines, wanted);
    }
}
