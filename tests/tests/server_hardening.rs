//! The server's edges over real HTTP: every error is API.md's JSON body (unknown routes, wrong
//! methods, oversized or malformed bodies), request ids, compression, and the web app served
//! from `KOSH_WEB_DIR` without ever shadowing the API.

use kosh_tests::{TestServer, test_settings};
use reqwest::Method;
use serde_json::{Value, json};

/// The status and error code of a request without a body.
async fn error_for(server: &TestServer, method: Method, path: &str) -> (u16, String) {
    let resp = server
        .client
        .request(method, server.url(path))
        .send()
        .await
        .unwrap();
    error_of(resp).await
}

async fn error_of(resp: reqwest::Response) -> (u16, String) {
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "{status}: {content_type}"
    );
    let body: Value = resp.json().await.unwrap();
    assert!(body["error"]["message"].is_string(), "{body}");
    (status, body["error"]["code"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn unknown_routes_and_methods_get_json_errors() {
    let server = TestServer::start().await;
    assert_eq!(
        error_for(&server, Method::GET, "/v1/nope").await,
        (404, "not_found".into())
    );
    let resp = server.client.get(server.url("/")).send().await.unwrap();
    assert_eq!(
        error_of(resp).await,
        (404, "not_found".into()),
        "no web dir configured"
    );
    assert_eq!(
        error_for(&server, Method::DELETE, "/v1/sync").await,
        (405, "method_not_allowed".into())
    );
    assert_eq!(
        error_for(&server, Method::GET, "/v1/auth/login").await,
        (405, "method_not_allowed".into())
    );
}

#[tokio::test]
async fn malformed_bodies_are_client_errors() {
    let server = TestServer::start().await;
    let url = server.url("/v1/auth/register");
    let account = json!({"email": "a@b.kz", "password": "0123456789"}).to_string();
    let wrong_types = json!({"email": 5, "password": []}).to_string();
    for (why, content_type, body, expected) in [
        (
            "not JSON",
            "application/json",
            "{not json",
            (400, "bad_request"),
        ),
        (
            "not said to be JSON",
            "text/plain",
            account.as_str(),
            (415, "unsupported_media_type"),
        ),
        (
            "fields of the wrong type",
            "application/json",
            &wrong_types,
            (400, "bad_request"),
        ),
        (
            "an array, not an object",
            "application/json",
            "[1, 2]",
            (400, "bad_request"),
        ),
    ] {
        let resp = server
            .client
            .post(&url)
            .header("content-type", content_type)
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        let (status, code) = error_of(resp).await;
        assert_eq!((status, code.as_str()), expected, "{why}");
    }
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_refused() {
    let server = TestServer::start().await;
    let token = server.register("big@example.kz").await.access_token;
    let big = json!({"device_id": "d", "cursor": 0, "ops": [], "pad": "x".repeat(1024 * 1024)});
    // With a Content-Length header.
    let resp = server
        .client
        .post(server.url("/v1/sync"))
        .bearer_auth(&token)
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(resp).await, (413, "payload_too_large".into()));
    // Streamed in chunks without a Content-Length, over a raw connection.
    let (status, body) =
        chunked_post(&server, "/v1/sync", &token, big.to_string().as_bytes()).await;
    assert_eq!(status, 413, "{body}");
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(body["error"]["code"], "payload_too_large");
    // The server is fine afterwards.
    assert_eq!(server.get("/healthz", None).await.0, 200);
}

/// POSTs `body` with `Transfer-Encoding: chunked`; returns the status and the body text.
async fn chunked_post(server: &TestServer, path: &str, token: &str, body: &[u8]) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = server.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(64 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        // The server may answer and close before reading everything: stop writing then.
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    (status, body)
}

#[tokio::test]
async fn responses_carry_request_ids_and_compress() {
    let server = TestServer::start().await;
    let resp = server
        .client
        .get(server.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert!(!resp.headers()["x-request-id"].is_empty());
    let resp = server
        .client
        .get(server.url("/healthz"))
        .header("x-request-id", "trace-me-42")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "trace-me-42");
    let resp = server
        .client
        .get(server.url("/v1/forms/residence-2026"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn a_font_is_sent_as_it_is_not_gzipped_again() {
    // A woff2 font is compressed already (as a JPEG is): gzip on the fly would spend the
    // server's CPU to make it no smaller.
    let web = tempfile::tempdir().unwrap();
    std::fs::write(web.path().join("index.html"), "<!doctype html>").unwrap();
    let font: Vec<u8> = (0..4096u32).map(|i| (i % 7) as u8).collect();
    std::fs::write(web.path().join("kosh-sans.woff2"), &font).unwrap();
    let server = TestServer::serving_web(web.path()).await;
    let resp = server
        .client
        .get(server.url("/kosh-sans.woff2"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "font/woff2");
    assert!(resp.headers().get("content-encoding").is_none());
    assert_eq!(resp.bytes().await.unwrap(), font);
}

#[tokio::test]
async fn the_web_app_is_served_beside_the_api() {
    let web = tempfile::tempdir().unwrap();
    std::fs::write(
        web.path().join("index.html"),
        "<!doctype html><title>Kosh</title>",
    )
    .unwrap();
    std::fs::write(web.path().join("kosh_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(web.path().join("kosh.js"), "export default 1;").unwrap();
    let server = TestServer::serving_web(web.path()).await;

    let get = |path: &str| server.client.get(server.url(path)).send();
    let content_type = |resp: &reqwest::Response| {
        let value = resp.headers()["content-type"].to_str().unwrap();
        value.to_owned()
    };
    let resp = get("/").await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(content_type(&resp).starts_with("text/html"));
    let resp = get("/kosh_bg.wasm").await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(content_type(&resp), "application/wasm");
    let resp = get("/kosh.js").await.unwrap();
    assert!(content_type(&resp).contains("javascript"));
    // The app's own routes work on reload.
    let resp = get("/status/123").await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.text().await.unwrap().contains("<title>Kosh</title>"));
    // A missing file is a 404, not the page; the API never falls through to the page.
    for path in ["/missing.wasm", "/v1/nope"] {
        let answer = error_for(&server, Method::GET, path).await;
        assert_eq!(answer, (404, "not_found".into()), "{path}");
    }
    assert_eq!(server.get("/healthz", None).await.0, 200);
    assert_eq!(
        error_for(&server, Method::POST, "/somewhere").await,
        (405, "method_not_allowed".into())
    );
}

#[tokio::test]
async fn requests_that_take_too_long_get_a_json_408() {
    let data = tempfile::tempdir().unwrap();
    let settings = kosh_backend::Settings {
        // Real argon2 cost takes far longer than this.
        password_cost: kosh_backend::settings::PasswordCost::SECURE,
        request_timeout: std::time::Duration::from_millis(1),
        ..test_settings(data.path())
    };
    let server = TestServer::start_with(settings, Some(data)).await;
    let resp = server
        .client
        .post(server.url("/v1/auth/register"))
        .json(&json!({"email": "slow@example.kz", "password": "0123456789"}))
        .send()
        .await
        .unwrap();
    assert_eq!(error_of(resp).await, (408, "request_timeout".into()));
}
