//! Photos of documents over real HTTP (API.md, Documents): `PUT/HEAD/GET
//! /v1/attachments/{sha256}` with the status and code of each outcome, a resumed upload after a
//! connection cut in the middle of the body, and a real server process killed with SIGKILL right
//! after it acknowledged an upload losing nothing. Also `GET /v1/checklist` from a synced draft.

use std::time::{Duration, Instant};

use kosh_backend::attachments::upload::sha256_hex;
use kosh_tests::{ChildServer, TestServer, backend_binary, now_ms, op, test_settings};
use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

/// A JPEG's signature and end marker around `len` bytes of filler that differ by `seed`.
fn jpeg(len: usize, seed: u8) -> Vec<u8> {
    let mut bytes = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
    ];
    bytes.extend((0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes.extend([0xFF, 0xD9]);
    bytes
}

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend([0u8; 64]);
    bytes
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

struct Reply {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    fn offset(&self) -> Option<u64> {
        self.headers
            .get("upload-offset")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
    }
}

async fn call(
    client: &reqwest::Client,
    method: Method,
    url: String,
    token: &str,
    headers: &[(&str, String)],
    body: Option<Vec<u8>>,
) -> Reply {
    let mut req = client.request(method, url).bearer_auth(token);
    for (name, value) in headers {
        req = req.header(*name, value);
    }
    if let Some(body) = body {
        req = req.body(body);
    }
    let resp = req.send().await.expect("request sent");
    Reply {
        status: resp.status().as_u16(),
        headers: resp.headers().clone(),
        body: resp.bytes().await.expect("body").to_vec(),
    }
}

/// `PUT` of `body` under `sha`, labelled `content_type`, with `Content-Range` when given.
async fn put(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    sha: &str,
    content_type: &str,
    range: Option<String>,
    body: Vec<u8>,
) -> Reply {
    let mut headers = vec![("content-type", content_type.to_owned())];
    if let Some(range) = range {
        headers.push(("content-range", range));
    }
    let url = format!("{base}/v1/attachments/{sha}");
    call(client, Method::PUT, url, token, &headers, Some(body)).await
}

/// `PUT` of `photo[range]` as a JPEG part with its `Content-Range`.
async fn put_part(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    photo: &[u8],
    range: std::ops::Range<usize>,
) -> Reply {
    let header = format!("bytes {}-{}/{}", range.start, range.end - 1, photo.len());
    let sha = sha256_hex(photo);
    let part = photo[range].to_vec();
    put(client, base, token, &sha, "image/jpeg", Some(header), part).await
}

async fn fetch(client: &reqwest::Client, base: &str, token: &str, sha: &str) -> Reply {
    let url = format!("{base}/v1/attachments/{sha}");
    call(client, Method::GET, url, token, &[], None).await
}

async fn head(client: &reqwest::Client, base: &str, token: &str, sha: &str) -> Reply {
    let url = format!("{base}/v1/attachments/{sha}");
    call(client, Method::HEAD, url, token, &[], None).await
}

#[tokio::test]
async fn an_upload_is_201_then_200_and_reads_back_to_its_owner_only() {
    let server = TestServer::start().await;
    let (client, base) = (&server.client, server.base.as_str());
    let ana = server.register("ana@example.kz").await.access_token;
    let photo = jpeg(50_000, 1);
    let sha = sha256_hex(&photo);

    let first = put(client, base, &ana, &sha, "image/jpeg", None, photo.clone()).await;
    assert_eq!(first.status, 201, "{}", first.json());
    assert_eq!(
        first.json(),
        json!({"sha256": sha, "size": photo.len(), "content_type": "image/jpeg"})
    );
    let again = put(client, base, &ana, &sha, "image/jpeg", None, photo.clone()).await;
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), first.json());

    let got = fetch(client, base, &ana, &sha).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.headers["content-type"], "image/jpeg");
    assert_eq!(got.body, photo);
    let held = head(client, base, &ana, &sha).await;
    assert_eq!(held.status, 200);
    assert_eq!(held.offset(), Some(photo.len() as u64));
    assert_eq!(held.headers["upload-complete"], "?1");

    // Anyone else: 404, as if it did not exist, for a read and for a HEAD.
    let bek = server.register("bek@example.kz").await.access_token;
    let other = fetch(client, base, &bek, &sha).await;
    assert_eq!((other.status, code(&other.json())), (404, "not_found"));
    assert_eq!(head(client, base, &bek, &sha).await.status, 404);
    // Knowing the hash is not holding the file: Bek must send the bytes, and then it is his.
    let claim = put(client, base, &bek, &sha, "image/jpeg", None, jpeg(10, 9)).await;
    assert_eq!((claim.status, code(&claim.json())), (400, "hash_mismatch"));
    assert_eq!(fetch(client, base, &bek, &sha).await.status, 404);
    let sent = put(client, base, &bek, &sha, "image/jpeg", None, photo.clone()).await;
    assert_eq!(sent.status, 201);
    assert_eq!(fetch(client, base, &bek, &sha).await.body, photo);

    // Officers may read; without a token nobody may.
    let officer = server.officer("officer@example.kz").await.access_token;
    assert_eq!(fetch(client, base, &officer, &sha).await.body, photo);
    let anonymous = client
        .get(server.url(&format!("/v1/attachments/{sha}")))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn bad_uploads_are_refused_with_their_codes_and_keep_nothing() {
    let server = TestServer::start().await;
    let (client, base) = (&server.client, server.base.as_str());
    let token = server.register("ana@example.kz").await.access_token;
    let photo = jpeg(1_000, 2);
    let sha = sha256_hex(&photo);

    // The bytes do not have the hash in the address.
    let wrong = sha256_hex(b"something else");
    let r = put(
        client,
        base,
        &token,
        &wrong,
        "image/jpeg",
        None,
        photo.clone(),
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (400, "hash_mismatch"));
    assert_eq!(head(client, base, &token, &wrong).await.status, 404);

    // Types other than JPEG, PNG and PDF; and bytes that are not what their label says.
    let r = put(client, base, &token, &sha, "image/gif", None, photo.clone()).await;
    assert_eq!((r.status, code(&r.json())), (415, "unsupported_media_type"));
    let image = png();
    let png_sha = sha256_hex(&image);
    let r = put(
        client,
        base,
        &token,
        &png_sha,
        "image/jpeg",
        None,
        image.clone(),
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (415, "unsupported_media_type"));
    let text = b"%PDX not a pdf at all".to_vec();
    let r = put(
        client,
        base,
        &token,
        &sha256_hex(&text),
        "application/pdf",
        None,
        text,
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (415, "unsupported_media_type"));
    assert_eq!(head(client, base, &token, &png_sha).await.status, 404);
    // Labelled right, the same PNG is taken.
    let r = put(client, base, &token, &png_sha, "image/png", None, image).await;
    assert_eq!(r.status, 201, "{}", r.json());

    // A name that is no SHA-256, and a range that is no range.
    let r = put(
        client,
        base,
        &token,
        "photo.jpg",
        "image/jpeg",
        None,
        photo.clone(),
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (400, "bad_request"));
    let r = put(
        client,
        base,
        &token,
        &sha,
        "image/jpeg",
        Some("bytes 5-1/10".into()),
        photo.clone(),
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (400, "bad_request"));

    // Over 2 MiB: refused before a byte is kept.
    let big = jpeg(2 * 1024 * 1024, 3);
    let r = put(
        client,
        base,
        &token,
        &sha256_hex(&big),
        "image/jpeg",
        None,
        big,
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (413, "payload_too_large"));
    let total = 3 * 1024 * 1024;
    let r = put(
        client,
        base,
        &token,
        &sha,
        "image/jpeg",
        Some(format!("bytes 0-999/{total}")),
        vec![0; 1000],
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (413, "payload_too_large"));
    assert_eq!(head(client, base, &token, &sha).await.status, 404);
}

#[tokio::test]
async fn the_quota_counts_each_users_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let settings = kosh_backend::Settings {
        attachment_quota_bytes: 1024 * 1024,
        ..test_settings(dir.path())
    };
    let server = TestServer::start_with(settings, Some(dir)).await;
    let (client, base) = (&server.client, server.base.as_str());
    let ana = server.register("ana@example.kz").await.access_token;
    let one = jpeg(600_000, 4);
    let two = jpeg(600_000, 5);
    let r = put(
        client,
        base,
        &ana,
        &sha256_hex(&one),
        "image/jpeg",
        None,
        one,
    )
    .await;
    assert_eq!(r.status, 201);
    let r = put(
        client,
        base,
        &ana,
        &sha256_hex(&two),
        "image/jpeg",
        None,
        two.clone(),
    )
    .await;
    assert_eq!((r.status, code(&r.json())), (413, "quota_exceeded"));
    assert_eq!(
        head(client, base, &ana, &sha256_hex(&two)).await.status,
        404
    );
    // Another user's room is their own.
    let bek = server.register("bek@example.kz").await.access_token;
    let r = put(
        client,
        base,
        &bek,
        &sha256_hex(&two),
        "image/jpeg",
        None,
        two,
    )
    .await;
    assert_eq!(r.status, 201);
}

/// Sends a PUT whose headers announce `photo` whole but whose body stops after `sent` bytes,
/// then closes the connection, as a phone does when its link drops.
async fn cut_upload(base: &str, token: &str, sha: &str, photo: &[u8], sent: usize) {
    let addr = base.strip_prefix("http://").unwrap();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "PUT /v1/attachments/{sha} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: image/jpeg\r\nContent-Length: {}\r\n\r\n",
        photo.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&photo[..sent]).await.unwrap();
    stream.flush().await.unwrap();
    stream.shutdown().await.unwrap();
    drop(stream);
}

/// HEAD until the server says it holds `bytes` of the upload (it writes what came once it sees
/// the connection end), or fails after five seconds.
async fn until_held(client: &reqwest::Client, base: &str, token: &str, sha: &str, bytes: u64) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let r = head(client, base, token, sha).await;
        if r.status == 204 && r.offset() == Some(bytes) {
            assert_eq!(r.headers["upload-complete"], "?0");
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the server holds {:?} ({}), not {bytes}",
            r.offset(),
            r.status
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn an_upload_cut_halfway_resumes_where_the_held_bytes_end() {
    let server = TestServer::start().await;
    let (client, base) = (&server.client, server.base.as_str());
    let token = server.register("ana@example.kz").await.access_token;
    let photo = jpeg(700_000, 6);
    let sha = sha256_hex(&photo);
    let sent = 400_000;
    cut_upload(base, &token, &sha, &photo, sent).await;
    until_held(client, base, &token, &sha, sent as u64).await;
    // Not readable until whole.
    assert_eq!(fetch(client, base, &token, &sha).await.status, 404);

    // A part that skips ahead is refused, and says where to continue.
    let total = photo.len();
    let skip = put_part(client, base, &token, &photo, 500_000..total).await;
    assert_eq!((skip.status, code(&skip.json())), (416, "bad_range"));
    assert_eq!(skip.offset(), Some(sent as u64));

    // The phone continues in two parts from what HEAD said.
    let middle = put_part(client, base, &token, &photo, sent..600_000).await;
    assert_eq!(middle.status, 202, "{}", middle.json());
    assert_eq!(
        middle.json(),
        json!({"sha256": sha, "received": 600_000, "total": total})
    );
    let last = put_part(client, base, &token, &photo, 600_000..total).await;
    assert_eq!(last.status, 201, "{}", last.json());
    assert_eq!(fetch(client, base, &token, &sha).await.body, photo);
}

#[tokio::test]
async fn sigkill_right_after_the_ack_loses_nothing() {
    let binary = backend_binary().expect(
        "the kosh-backend binary next to this test: build it with `cargo build -p kosh-backend` \
         (a workspace test run does)",
    );
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::builder().no_gzip().build().unwrap();
    let mut server = ChildServer::spawn(&binary, dir.path(), &[]);
    let (status, body) = register(&client, &server.base).await;
    assert_eq!(status, 201, "{body}");
    let token = body["access_token"].as_str().unwrap().to_owned();
    let whole = jpeg(300_000, 7);
    let part = jpeg(300_000, 8);
    let r = put(
        &client,
        &server.base,
        &token,
        &sha256_hex(&whole),
        "image/jpeg",
        None,
        whole.clone(),
    )
    .await;
    assert_eq!(
        r.status,
        201,
        "a kosh-backend binary older than the attachment routes? {}",
        r.json()
    );
    let r = put_part(&client, &server.base, &token, &part, 0..100_000).await;
    assert_eq!(r.status, 202);
    // Killed the moment the answers arrived: no clean stop, no flush.
    server.child.kill().unwrap();
    server.child.wait().unwrap();

    let server = ChildServer::spawn(&binary, dir.path(), &[]);
    let got = fetch(&client, &server.base, &token, &sha256_hex(&whole)).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body, whole);
    let held = head(&client, &server.base, &token, &sha256_hex(&part)).await;
    assert_eq!((held.status, held.offset()), (204, Some(100_000)));
}

async fn register(client: &reqwest::Client, base: &str) -> (u16, Value) {
    let resp = client
        .post(format!("{base}/v1/auth/register"))
        .json(&json!({"email": "killed@example.kz", "password": "correct horse battery"}))
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap())
}

#[tokio::test]
async fn the_checklist_follows_the_synced_draft_and_its_ticks() {
    let server = TestServer::start().await;
    let token = server.register("family@example.kz").await.access_token;
    // No draft yet: only the papers every applicant brings.
    let (status, empty) = server.get("/v1/checklist", Some(&token)).await;
    assert_eq!(status, 200, "{empty}");
    assert!(
        empty
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["path"] == "general_grounds")
    );

    let at = now_ms();
    let photo = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let ops = [
        ("personal.citizenship", json!("CN")),
        ("personal.is_ethnic_kazakh", json!(true)),
        ("family.has_members", json!(true)),
        (
            "family.members",
            json!([{"relation": "child", "full_name": "Aruzhan", "birth_date": "2015-03-01",
                    "citizenship": "CN", "moves_with_me": true}]),
        ),
        ("kandas.has_status", json!(false)),
        ("kandas.join_quota", json!(false)),
        (
            "documents.identity_copy.m0",
            json!({"done": true, "attachments": [photo]}),
        ),
    ];
    let ops: Vec<Value> = ops
        .into_iter()
        .enumerate()
        .map(|(i, (field, value))| {
            op(
                &format!("op-{i}"),
                "draft-1",
                field,
                value,
                at + i as u64,
                "phone",
            )
        })
        .collect();
    let (status, body) = server
        .sync(
            &token,
            json!({"device_id": "phone", "cursor": 0, "ops": ops}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["acked"].as_array().unwrap().len(), 7);

    let (status, list) = server.get("/v1/checklist", Some(&token)).await;
    assert_eq!(status, 200, "{list}");
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"identity_copy.m0") && ids.contains(&"child_birth_certificate.m0"));
    assert!(
        !ids.contains(&"exit_consent") && !ids.contains(&"proof_of_funds"),
        "{ids:?}"
    );
    let copy = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "identity_copy.m0")
        .unwrap();
    assert_eq!(copy["translation"], "notarised_kk_or_ru");
    assert_eq!(copy["done"], true);
    assert_eq!(copy["attachments"], json!([photo]));
    assert_eq!(copy["member"]["full_name"], "Aruzhan");
    assert_eq!(copy["title_key"], "documents-item-identity_copy");
    // The same list for that draft by name; someone else's draft or a bad id is refused.
    let (status, named) = server
        .get("/v1/checklist?draft_id=draft-1", Some(&token))
        .await;
    assert_eq!((status, &named), (200, &list));
    let other = server.register("other@example.kz").await.access_token;
    let (status, body) = server
        .get("/v1/checklist?draft_id=draft-1", Some(&other))
        .await;
    assert_eq!((status, code(&body)), (404, "not_found"));
    let (status, body) = server.get("/v1/checklist?draft_id=%00", Some(&token)).await;
    assert_eq!((status, code(&body)), (400, "bad_request"));
    // A tick of the wrong shape is refused by sync, with the field named.
    let bad = op(
        "op-bad",
        "draft-1",
        "documents.passport",
        json!("yes"),
        at + 100,
        "phone",
    );
    let (status, body) = server
        .sync(
            &token,
            json!({"device_id": "phone", "cursor": 0, "ops": [bad]}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["error"]["fields"][0],
        json!({"field": "documents.passport", "code": "wrong_type"})
    );
}
