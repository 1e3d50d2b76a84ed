//! Live sync over real HTTP: `GET /v1/sync/wait` woken by another device's push and not by its
//! own, answering at once when the log is already ahead, its timeout answer, many waiters woken
//! by one push, a wait outliving the connection's idle timeout, a graceful stop answering
//! waiters, and bad queries refused. (SIGTERM with waiters is in `backend/tests/process.rs`.)

use std::time::{Duration, Instant};

use kosh_backend::Settings;
use kosh_tests::{TestServer, now_ms, op, test_settings};
use serde_json::{Value, json};

/// A server whose waits last `wait` (the default 25 s would make the timeout test slow).
async fn server_waiting(wait: Duration, tweak: impl FnOnce(&mut Settings)) -> TestServer {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(dir.path());
    settings.sync_wait = wait;
    tweak(&mut settings);
    TestServer::start_with(settings, Some(dir)).await
}

async fn push(server: &TestServer, token: &str, device: &str, n: u32) -> u64 {
    let id = format!("{device}-{n}");
    let body = json!({"device_id": device, "cursor": 0, "ops": [
        op(&id, "d1", "education.level", json!("bachelor"), now_ms(), device)]});
    let (status, body) = server.sync(token, body).await;
    assert_eq!(status, 200, "{body}");
    body["cursor"].as_u64().unwrap()
}

/// Waits for `GET /v1/sync/wait` as `device` at `cursor` on its own task.
fn wait(
    server: &TestServer,
    token: &str,
    cursor: u64,
    device: &str,
) -> tokio::task::JoinHandle<(u16, Value)> {
    let client = server.client.clone();
    let url = server.url(&format!("/v1/sync/wait?cursor={cursor}&device_id={device}"));
    let token = token.to_owned();
    tokio::spawn(async move {
        let resp = client.get(url).bearer_auth(token).send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    })
}

/// Yields until `n` requests wait on the server: the waits are parked before the push, so the
/// push really goes through the wake-up and not through the first read of the log.
async fn until_waiting(server: &TestServer, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.state.live.waiters() < n {
        assert!(Instant::now() < deadline, "{n} waiters never arrived");
        tokio::task::yield_now().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_wakes_the_other_device_and_not_its_own() {
    let server = server_waiting(Duration::from_secs(20), |_| {}).await;
    let token = server.register("live@example.kz").await.access_token;
    let base = push(&server, &token, "tablet", 0).await;

    let phone = wait(&server, &token, base, "phone");
    let tablet = wait(&server, &token, base, "tablet");
    until_waiting(&server, 2).await;
    let started = Instant::now();
    let pushed = push(&server, &token, "phone", 1).await;
    assert_eq!(
        tablet.await.unwrap(),
        (200, json!({"cursor": pushed})),
        "the tablet hears of the phone's push"
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // The phone is still waiting: its own push did not wake it. The tablet's next push does,
    // with the tablet's sequence number, not the phone's.
    assert!(!phone.is_finished());
    let by_tablet = push(&server, &token, "tablet", 2).await;
    assert_eq!(phone.await.unwrap(), (200, json!({"cursor": by_tablet})));
    assert!(by_tablet > pushed);
}

#[tokio::test]
async fn a_log_already_ahead_answers_at_once() {
    // Short waits: the one answer that waits is the last, with nothing new for its device.
    let server = server_waiting(Duration::from_millis(300), |_| {}).await;
    let token = server.register("ahead@example.kz").await.access_token;
    let seq = push(&server, &token, "phone", 0).await;
    // The timeout would answer 0: the news is told without waiting.
    assert_eq!(
        wait(&server, &token, 0, "tablet").await.unwrap(),
        (200, json!({"cursor": seq}))
    );
    // The phone's own op is no news to the phone: it waits out its time.
    let (status, body) = server
        .get("/v1/sync/wait?cursor=0&device_id=phone", Some(&token))
        .await;
    assert_eq!((status, body), (200, json!({"cursor": 0})));
}

#[tokio::test]
async fn nothing_new_answers_the_same_cursor_after_the_wait() {
    let wait_for = Duration::from_millis(300);
    let server = server_waiting(wait_for, |_| {}).await;
    let token = server.register("quiet@example.kz").await.access_token;
    let seq = push(&server, &token, "phone", 0).await;
    let started = Instant::now();
    let (status, body) = server
        .get(&format!("/v1/sync/wait?cursor={seq}"), Some(&token))
        .await;
    assert_eq!((status, body), (200, json!({"cursor": seq})));
    assert!(started.elapsed() >= wait_for);
    assert_eq!(server.state.live.waiters(), 0, "nothing is kept for it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_push_wakes_many_waiters_and_only_that_accounts() {
    let server = server_waiting(Duration::from_secs(20), |_| {}).await;
    let token = server.register("family@example.kz").await.access_token;
    let other = server.register("neighbour@example.kz").await.access_token;
    let waiters: Vec<_> = (0..40)
        .map(|n| wait(&server, &token, 0, &format!("phone-{n}")))
        .collect();
    let neighbour = wait(&server, &other, 0, "neighbour");
    until_waiting(&server, 41).await;
    let seq = push(&server, &token, "tablet", 0).await;
    for waiter in waiters {
        assert_eq!(waiter.await.unwrap(), (200, json!({"cursor": seq})));
    }
    assert!(
        !neighbour.is_finished(),
        "another account's push wakes nobody here"
    );
    assert_eq!(server.state.live.waiters(), 1);
    neighbour.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_outlives_the_idle_timeout_of_its_connection() {
    // The connection's header (idle) timeout is shorter than the wait: a waiting request is
    // not idle, and must not be cut.
    let server = server_waiting(Duration::from_millis(1_200), |s| {
        s.connections.header_timeout = Duration::from_millis(300);
    })
    .await;
    let token = server.register("slow@example.kz").await.access_token;
    let (status, body) = server
        .get("/v1/sync/wait?cursor=0&device_id=phone", Some(&token))
        .await;
    assert_eq!((status, body), (200, json!({"cursor": 0})));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_graceful_stop_answers_the_waiters_at_once() {
    let server = server_waiting(Duration::from_secs(25), |_| {}).await;
    let token = server.register("stop@example.kz").await.access_token;
    let waiters: Vec<_> = (0..5)
        .map(|n| wait(&server, &token, 0, &format!("phone-{n}")))
        .collect();
    until_waiting(&server, 5).await;
    let started = Instant::now();
    server.stop().await;
    for waiter in waiters {
        assert_eq!(waiter.await.unwrap(), (200, json!({"cursor": 0})));
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "stopped in {:?}, not after the waits",
        started.elapsed()
    );
}

#[tokio::test]
async fn bad_waits_are_refused_clearly() {
    let server = server_waiting(Duration::from_secs(1), |_| {}).await;
    let token = server.register("bad@example.kz").await.access_token;
    for query in [
        "",
        "?cursor=abc",
        "?cursor=-1",
        "?device_id=phone",
        "?cursor=1&device_id=",
        "?cursor=1&device_id=%00",
    ] {
        let (status, body) = server
            .get(&format!("/v1/sync/wait{query}"), Some(&token))
            .await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(body["error"]["code"], "bad_request", "{query}");
    }
    let (status, body) = server.get("/v1/sync/wait?cursor=0", None).await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (401, &json!("unauthorized"))
    );
    let (status, _) = server
        .post("/v1/sync/wait?cursor=0", Some(&token), json!({}))
        .await;
    assert_eq!(status, 405);
}
