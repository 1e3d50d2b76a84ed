//! Accepting connections: what `axum::serve` does, plus the limits a public server needs.
//!
//! `axum::serve` keeps every connection for as long as the client likes: an idle or half-sent
//! request holds a file descriptor for ever, and with the common limit of 1024 open files,
//! 1,100 idle connections made `accept` fail and `/healthz` time out. So this loop, on hyper
//! directly:
//! - raises the soft limit of open files to the hard one at start ([`raise_open_file_limit`]);
//! - gives a client [`ConnectionLimits::header_timeout`] to send each request's headers, which
//!   also closes a kept-alive connection idle that long (hyper starts the same timer when it
//!   waits for the next request);
//! - holds at most [`ConnectionLimits::max_connections`] at once; one over that is answered at
//!   once with a JSON 503 `server_busy` and closed, so `accept` never runs out of descriptors;
//! - gives hyper's own error answers (a request line over 64 KiB, bad header syntax), which
//!   come with an empty body, the JSON body of API.md ([`JsonParseErrors`]).
//!
//! On shutdown it stops accepting, lets requests in flight finish and closes idle connections.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::error::ApiError;

/// How many connections the server holds and how long a silent one may stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections held at once; past it, new ones get a 503 and are closed. Kept below the
    /// open-file limit (see [`ConnectionLimits::within_open_files`]).
    pub max_connections: usize,
    /// How long a client has to send a request's headers, and how long a kept-alive
    /// connection may wait for its next request.
    pub header_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: 10_000,
            header_timeout: Duration::from_secs(30),
        }
    }
}

/// Descriptors kept free of connections: the store's files, the journal, the web files served.
const RESERVED_FILES: u64 = 128;

impl ConnectionLimits {
    /// These limits with `max_connections` lowered to fit `open_files` descriptors.
    pub fn within_open_files(self, open_files: u64) -> ConnectionLimits {
        let fit = open_files.saturating_sub(RESERVED_FILES).max(1);
        ConnectionLimits {
            max_connections: self
                .max_connections
                .min(usize::try_from(fit).unwrap_or(usize::MAX)),
            ..self
        }
    }
}

/// Raises the soft limit of open files to the hard limit and returns the limit now in force
/// (`None`: unlimited).
pub fn raise_open_file_limit() -> Option<u64> {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    // `None` is unlimited.
    let below_hard = match (limit.current, limit.maximum) {
        (Some(soft), Some(hard)) => soft < hard,
        (Some(_), None) => true,
        (None, _) => false,
    };
    if below_hard {
        let before = limit.current;
        limit.current = limit.maximum;
        match setrlimit(Resource::Nofile, limit) {
            Ok(()) => tracing::debug!(?before, now = ?limit.current, "raised the open-file limit"),
            Err(err) => {
                tracing::warn!(%err, "cannot raise the open-file limit");
                limit.current = before;
            }
        }
    }
    limit.current
}

/// Serves `app` on `listener` within `limits` until `shutdown` resolves, then waits for the
/// open connections to finish their requests.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    accept_failed(&err).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tokio::spawn(refuse_busy(stream));
            continue;
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = tower::service_fn(move |mut req: hyper::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(remote));
            app.clone().oneshot(req)
        });
        let mut builder = auto::Builder::new(TokioExecutor::new());
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout);
        builder
            .http2()
            .timer(TokioTimer::new())
            .keep_alive_interval(limits.header_timeout)
            .keep_alive_timeout(limits.header_timeout);
        let io = TokioIo::new(JsonParseErrors::new(stream));
        let connection = builder
            .serve_connection(io, TowerToHyperService::new(service))
            .into_owned();
        let watched = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = watched.await {
                tracing::debug!(%err, %remote, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// A failed `accept`: a connection reset before it was taken is nothing; running out of
/// descriptors or memory is logged and waited out briefly, so the loop does not spin.
async fn accept_failed(err: &io::Error) {
    use io::ErrorKind::*;
    if matches!(
        err.kind(),
        ConnectionAborted | ConnectionReset | Interrupted
    ) {
        return;
    }
    tracing::warn!(%err, "accept failed");
    tokio::time::sleep(Duration::from_millis(50)).await;
}

/// The raw HTTP/1.1 response for an error, with the JSON body of API.md, closing.
fn raw_response(err: &ApiError) -> Vec<u8> {
    let (status, _) = err.status_and_code();
    let body = serde_json::to_vec(&err.body()).unwrap_or_default();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    );
    if let ApiError::ServerBusy = err {
        head.push_str("retry-after: 1\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    bytes
}

/// Answers a connection over the limit and closes it.
async fn refuse_busy(mut stream: TcpStream) {
    tracing::warn!("connection limit reached: refusing a connection");
    let response = raw_response(&ApiError::ServerBusy);
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(&response).await?;
        stream.shutdown().await
    })
    .await;
}

/// The error of one of hyper's automatic answers, from the start of its status line.
fn automatic_error(head: &[u8]) -> Option<ApiError> {
    let status = head.strip_prefix(b"HTTP/1.1 ")?.get(..3)?;
    // hyper's own answers carry no body and no content type; every answer of ours has both.
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")?;
    let headers = &head[..end];
    let has = |name: &[u8]| {
        headers
            .split(|&b| b == b'\n')
            .any(|line| line.to_ascii_lowercase().starts_with(name))
    };
    if has(b"content-type:") || !has(b"content-length: 0") {
        return None;
    }
    match status {
        b"400" => Some(ApiError::BadRequest("malformed request".into())),
        b"414" => Some(ApiError::UriTooLong),
        b"431" => Some(ApiError::HeadersTooLarge),
        _ => None,
    }
}

/// A connection whose writes pass through unchanged except hyper's automatic error answers
/// (written for a request it could not parse, just before it closes the connection), which
/// are replaced by the same status with the JSON body of API.md.
///
/// It reports no vectored writes, so hyper hands each response over as one buffer that starts
/// with its status line.
pub struct JsonParseErrors<T> {
    inner: T,
    /// A replacement being written, and how much of it is out.
    replacing: Option<(Vec<u8>, usize)>,
}

impl<T> JsonParseErrors<T> {
    /// Wraps `inner`.
    pub fn new(inner: T) -> Self {
        JsonParseErrors {
            inner,
            replacing: None,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for JsonParseErrors<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.replacing.is_none() {
            match automatic_error(buf) {
                Some(err) => this.replacing = Some((raw_response(&err), 0)),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        if let Some((bytes, written)) = &mut this.replacing {
            while *written < bytes.len() {
                match Pin::new(&mut this.inner).poll_write(cx, &bytes[*written..]) {
                    Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                    Poll::Ready(Ok(n)) => *written += n,
                    Poll::Ready(Err(err)) => return Poll::Ready(Err(err)),
                    Poll::Pending => return Poll::Pending,
                }
            }
        }
        // The whole of hyper's answer counts as written; the connection closes after it.
        this.replacing = None;
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypers_own_answers_are_recognised_and_ours_are_not() {
        let hyper_414 = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\ndate: Wed, 02 Dec 2026 07:00:00 GMT\r\n\r\n";
        assert!(matches!(
            automatic_error(hyper_414),
            Some(ApiError::UriTooLong)
        ));
        let hyper_400 = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n";
        assert!(matches!(
            automatic_error(hyper_400),
            Some(ApiError::BadRequest(_))
        ));
        let ours = b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n";
        assert!(automatic_error(ours).is_none());
        let ok = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n";
        assert!(automatic_error(ok).is_none());
        let with_body = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n";
        assert!(automatic_error(with_body).is_none());
    }

    #[test]
    fn the_replacement_is_a_whole_json_answer() {
        let raw = String::from_utf8(raw_response(&ApiError::UriTooLong)).unwrap();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 414 URI Too Long\r\n"));
        assert!(head.contains(&format!("content-length: {}", body.len())));
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(body["error"]["code"], "uri_too_long");
        let busy = String::from_utf8(raw_response(&ApiError::ServerBusy)).unwrap();
        assert!(busy.starts_with("HTTP/1.1 503 "));
        assert!(busy.contains("retry-after: 1\r\n"));
    }

    #[test]
    fn the_connection_cap_stays_below_the_open_file_limit() {
        let limits = ConnectionLimits::default();
        assert_eq!(limits.within_open_files(1024).max_connections, 1024 - 128);
        assert_eq!(
            limits.within_open_files(1 << 20).max_connections,
            limits.max_connections
        );
        assert_eq!(limits.within_open_files(10).max_connections, 1);
    }
}
