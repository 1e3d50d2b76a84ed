//! The native builds' side of a photo's upload: `HEAD` and `PUT /v1/attachments/{sha256}`
//! against the configured server with reqwest, answered as `web/photos.js` answers the same
//! two requests (`Answer`), so the sync round's bookkeeping (`store::uploads`) is one for all
//! platforms. The bytes come from the photos folder.

use reqwest::{Method, Response};
use serde_json::Value;

use super::Uploader;
use super::folder::PhotoFolder;
use crate::server::Server;
use crate::store::uploads::Answer;

/// Photos sent from the files in `folder` to `server`.
pub(crate) struct FilePhotos<'a> {
    pub server: &'a Server,
    pub folder: &'a PhotoFolder,
}

impl Uploader for FilePhotos<'_> {
    fn here(&self) -> bool {
        true
    }

    async fn head(&self, name: &str, token: &str) -> Answer {
        answer(
            self.server
                .request(Method::HEAD, &path(name))
                .bearer_auth(token)
                .send()
                .await,
        )
        .await
    }

    async fn put(&self, name: &str, token: &str, from: u64) -> Answer {
        let bytes = match self.folder.read(name) {
            Ok(Some(bytes)) => bytes,
            // Gone from the phone: nothing can send it (the person can take it again).
            Ok(None) => {
                return Answer {
                    missing: true,
                    ..Answer::default()
                };
            }
            // Unreadable now (a busy disk): as if unsent, tried again next round.
            Err(_) => return Answer::default(),
        };
        let total = bytes.len() as u64;
        // An offset at or past the end cannot continue this file: send it whole, and let the
        // server's answer say where it stands.
        let from = if from < total { from } else { 0 };
        let mut request = self
            .server
            .request(Method::PUT, &path(name))
            .bearer_auth(token)
            .header(reqwest::header::CONTENT_TYPE, "image/jpeg");
        if from > 0 {
            request = request.header(reqwest::header::CONTENT_RANGE, content_range(from, total));
        }
        // `from < total`, so the slice starts inside the file.
        let rest = bytes[from as usize..].to_vec();
        answer(request.body(rest).send().await).await
    }
}

fn path(name: &str) -> String {
    // Names are checked SHA-256 hex before they are queued: nothing to escape.
    format!("/v1/attachments/{name}")
}

/// The `Content-Range` of the bytes from `from` to the end of a photo of `total` bytes, as
/// `web/photos.js` writes it (the last byte's index, inclusive).
pub(crate) fn content_range(from: u64, total: u64) -> String {
    format!("bytes {from}-{}/{total}", total.saturating_sub(1))
}

/// A request's answer as the sync round reads it: `status` 0 when the server could not be
/// reached; the error body's code read for every refusal but a 404, as the page module does.
async fn answer(sent: reqwest::Result<Response>) -> Answer {
    let Ok(response) = sent else {
        return Answer::default();
    };
    let status = response.status().as_u16();
    let offset = response
        .headers()
        .get("upload-offset")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let code = if response.status().is_success() || status == 404 {
        None
    } else {
        response
            .json::<Value>()
            .await
            .ok()
            .and_then(|body| body["error"]["code"].as_str().map(str::to_owned))
    };
    Answer {
        status,
        offset,
        code,
        missing: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    #[test]
    fn the_range_names_the_last_byte() {
        assert_eq!(content_range(600, 1000), "bytes 600-999/1000");
        assert_eq!(content_range(999, 1000), "bytes 999-999/1000");
    }

    /// A server of one connection that answers `reply` and hands back the request it read.
    async fn one_request(reply: String) -> (String, tokio::task::JoinHandle<Vec<u8>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let served = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 65536];
            // Read the head, then as many body bytes as it announces.
            loop {
                let n = socket.read(&mut buf).await.unwrap();
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).to_lowercase();
                if let Some(end) = text.find("\r\n\r\n") {
                    let length = text
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .map_or(0, |v| v.trim().parse::<usize>().unwrap());
                    if request.len() >= end + 4 + length {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            socket.write_all(reply.as_bytes()).await.unwrap();
            socket.shutdown().await.unwrap();
            request
        });
        (base, served)
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_rest_of_a_photo_goes_with_its_range_and_the_answer_is_read_like_the_pages() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = PhotoFolder::new(tmp.path());
        let kept = folder
            .keep(&crate::photos::shrink::tests::photo(300, 200))
            .unwrap();
        let total = kept.size;
        let body = r#"{"error":{"code":"bad_range","message":"held 7"}}"#;
        let (base, served) = one_request(format!(
            "HTTP/1.1 416 Range Not Satisfiable\r\nupload-offset: 7\r\n\
             content-type: application/json\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        ))
        .await;
        let server = Server::new(&base).unwrap();
        let photos = FilePhotos {
            server: &server,
            folder: &folder,
        };
        let said = photos.put(&kept.sha256, "tok", 100).await;
        assert_eq!(
            said,
            Answer {
                status: 416,
                offset: Some(7),
                code: Some("bad_range".into()),
                missing: false
            }
        );
        let request = served.await.unwrap();
        let end = request.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(request[..end].to_vec())
            .unwrap()
            .to_lowercase();
        assert!(
            head.starts_with(&format!("put /v1/attachments/{} http/1.1", kept.sha256)),
            "{head}"
        );
        assert!(head.contains("authorization: bearer tok"), "{head}");
        assert!(head.contains("content-type: image/jpeg"), "{head}");
        assert!(
            head.contains(&format!("content-range: bytes 100-{}/{total}", total - 1)),
            "{head}"
        );
        let file = folder.read(&kept.sha256).unwrap().unwrap();
        assert_eq!(
            &request[end + 4..],
            &file[100..],
            "the rest, and only the rest"
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_photo_gone_from_the_phone_and_a_server_gone_from_the_net_are_told_apart() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = PhotoFolder::new(tmp.path());
        let server = Server::new(&format!("http://{}", unused_address().await)).unwrap();
        let photos = FilePhotos {
            server: &server,
            folder: &folder,
        };
        let name = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assert!(photos.put(name, "tok", 0).await.missing);
        let kept = folder
            .keep(&crate::photos::shrink::tests::photo(32, 32))
            .unwrap();
        assert_eq!(photos.put(&kept.sha256, "tok", 0).await, Answer::default());
        assert_eq!(photos.head(&kept.sha256, "tok").await, Answer::default());
    }

    /// An address nothing listens on: bound, then let go.
    async fn unused_address() -> std::net::SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap()
    }
}
