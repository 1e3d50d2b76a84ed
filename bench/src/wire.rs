//! The wire: HTTP/1.1 over one keep-alive TCP connection per simulated device, counting every
//! byte written to and read from the socket. A request's cost is the growth of those counters
//! from just before it is sent until its response body has been read to the end, so it covers
//! the request line, every header, any chunked framing and both bodies: exactly what a phone
//! would pay for on its data plan, short of TCP/IP and TLS overhead.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{SendRequest, handshake};
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use crate::error::{BenchError, BenchResult};

/// Bytes that went through one device's socket(s), in each direction.
#[derive(Debug, Default)]
struct Counters {
    sent: AtomicU64,
    received: AtomicU64,
}

impl Counters {
    fn snapshot(&self) -> (u64, u64) {
        (
            self.sent.load(Ordering::Relaxed),
            self.received.load(Ordering::Relaxed),
        )
    }
}

/// A TCP stream that adds what it reads and writes to its counters.
struct CountingStream {
    inner: TcpStream,
    counters: Arc<Counters>,
}

impl AsyncRead for CountingStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            let read = buf.filled().len().saturating_sub(before);
            this.counters
                .received
                .fetch_add(read as u64, Ordering::Relaxed);
        }
        polled
    }
}

impl AsyncWrite for CountingStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = polled {
            this.counters.sent.fetch_add(n as u64, Ordering::Relaxed);
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = polled {
            this.counters.sent.fetch_add(n as u64, Ordering::Relaxed);
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// One answered request and what it cost on the wire.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The HTTP status.
    pub status: u16,
    /// The whole response body.
    pub body: Bytes,
    /// Bytes written for the request (request line, headers, body).
    pub sent: u64,
    /// Bytes read for the response (status line, headers, body, framing).
    pub received: u64,
}

impl Exchange {
    /// Bytes in both directions.
    pub fn bytes(&self) -> u64 {
        self.sent + self.received
    }

    /// The JSON body of an answer with status `expected` to `method path`, or the error that
    /// says what came instead.
    pub fn json<T: serde::de::DeserializeOwned>(
        &self,
        method: &'static str,
        path: &str,
        expected: u16,
    ) -> BenchResult<T> {
        if self.status != expected {
            return Err(BenchError::Status {
                method,
                path: path.to_owned(),
                status: self.status,
                body: String::from_utf8_lossy(&self.body)
                    .chars()
                    .take(300)
                    .collect(),
            });
        }
        serde_json::from_slice(&self.body).map_err(|e| BenchError::Protocol {
            path: path.to_owned(),
            reason: e.to_string(),
        })
    }
}

/// One device's keep-alive connection to one server. It reconnects transparently if the
/// server closed it between requests (Node closes idle sockets after 5 s).
pub struct Connection {
    addr: SocketAddr,
    host: String,
    sender: Option<SendRequest<Full<Bytes>>>,
    counters: Arc<Counters>,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("addr", &self.addr)
            .field("open", &self.sender.is_some())
            .finish()
    }
}

impl Connection {
    /// Connects to `addr` (loopback in every use of this crate).
    pub async fn open(addr: SocketAddr) -> BenchResult<Connection> {
        let mut conn = Connection {
            addr,
            host: addr.to_string(),
            sender: None,
            counters: Arc::new(Counters::default()),
        };
        conn.connect().await?;
        Ok(conn)
    }

    async fn connect(&mut self) -> BenchResult<()> {
        let stream = TcpStream::connect(self.addr)
            .await
            .map_err(|e| BenchError::io(format!("connecting to {}", self.addr), e))?;
        stream
            .set_nodelay(true)
            .map_err(|e| BenchError::io("setting TCP_NODELAY", e))?;
        let io = TokioIo::new(CountingStream {
            inner: stream,
            counters: self.counters.clone(),
        });
        let (sender, connection) = handshake(io)
            .await
            .map_err(|e| BenchError::Http(e.to_string()))?;
        tokio::spawn(async move {
            // Ends when the sender is dropped or the server closes the socket.
            let _ = connection.await;
        });
        self.sender = Some(sender);
        Ok(())
    }

    /// Sends one request and reads its whole answer. `body` is sent as JSON; `token`, when
    /// given, as a bearer token.
    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> BenchResult<Exchange> {
        let (sent_before, received_before) = self.counters.snapshot();
        let body = Bytes::from(body.unwrap_or_default());
        let mut attempt = 0;
        let response = loop {
            attempt += 1;
            if self.sender.as_ref().is_none_or(|s| s.is_closed()) {
                self.connect().await?;
            }
            let Some(sender) = self.sender.as_mut() else {
                return Err(BenchError::Http("no connection".into()));
            };
            let ready = sender.ready().await;
            let sent = match ready {
                Ok(()) => sender.send_request(build(&method, path, &self.host, token, &body)?),
                Err(err) => {
                    self.sender = None;
                    if attempt < 2 {
                        continue;
                    }
                    return Err(BenchError::Http(err.to_string()));
                }
            };
            match sent.await {
                Ok(response) => break response,
                // The server closed a kept-alive socket just as we reused it: once more on a
                // fresh one, as every HTTP client does.
                Err(err) if attempt < 2 && (err.is_closed() || err.is_incomplete_message()) => {
                    self.sender = None;
                }
                Err(err) => {
                    self.sender = None;
                    return Err(BenchError::Http(err.to_string()));
                }
            }
        };
        let status = response.status().as_u16();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| BenchError::Http(e.to_string()))?
            .to_bytes();
        let (sent_after, received_after) = self.counters.snapshot();
        Ok(Exchange {
            status,
            body,
            sent: sent_after - sent_before,
            received: received_after - received_before,
        })
    }
}

fn build(
    method: &Method,
    path: &str,
    host: &str,
    token: Option<&str>,
    body: &Bytes,
) -> BenchResult<Request<Full<Bytes>>> {
    let mut request = Request::builder()
        .method(method.clone())
        .uri(path)
        .header(HOST, host);
    if !body.is_empty() {
        request = request.header(CONTENT_TYPE, "application/json");
    }
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    request
        .body(Full::new(body.clone()))
        .map_err(|e| BenchError::Http(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    const RESPONSE: &[u8] =
        b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: text/plain\r\n\r\nok";

    /// Reads one request (head and a content-length body) and returns its raw bytes.
    async fn read_request(stream: &mut TcpStream, pending: &mut Vec<u8>) -> Vec<u8> {
        loop {
            if let Some(end) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&pending[..end]).to_lowercase();
                let body_len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map_or(0, |v| v.trim().parse().unwrap());
                let total = end + 4 + body_len;
                if pending.len() >= total {
                    return pending.drain(..total).collect();
                }
            }
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "client closed");
            pending.extend_from_slice(&buf[..n]);
        }
    }

    #[tokio::test]
    async fn counts_exactly_the_bytes_of_each_request_and_response() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.unwrap();
            let mut pending = Vec::new();
            let mut seen = Vec::new();
            for _ in 0..2 {
                seen.push(read_request(&mut stream, &mut pending).await);
                stream.write_all(RESPONSE).await.unwrap();
            }
            seen
        });
        let mut conn = Connection::open(addr).await.unwrap();
        let body = br#"{"device_id":"d-1","cursor":0,"ops":[]}"#.to_vec();
        let first = conn
            .request(Method::POST, "/v1/sync", Some("tok"), Some(body))
            .await
            .unwrap();
        let second = conn
            .request(Method::GET, "/db/_changes?since=0", None, None)
            .await
            .unwrap();
        let seen = server.await.unwrap();
        assert_eq!(first.status, 200);
        assert_eq!(&first.body[..], b"ok");
        assert_eq!(first.sent, seen[0].len() as u64);
        assert_eq!(second.sent, seen[1].len() as u64);
        assert_eq!(first.received, RESPONSE.len() as u64);
        assert_eq!(second.received, RESPONSE.len() as u64);
        assert_eq!(first.bytes(), (seen[0].len() + RESPONSE.len()) as u64);
        let head = String::from_utf8_lossy(&seen[0]);
        assert!(head.starts_with("POST /v1/sync HTTP/1.1\r\n"), "{head}");
        assert!(head.contains("authorization: Bearer tok\r\n"), "{head}");
        assert!(
            head.ends_with(r#"{"device_id":"d-1","cursor":0,"ops":[]}"#),
            "{head}"
        );
    }
}
