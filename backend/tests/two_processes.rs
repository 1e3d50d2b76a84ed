//! Two `kosh-backend` processes on one PostgreSQL database, as behind a load balancer with no
//! sticky sessions: two phones of one account, each on its own server, converging on the same
//! draft; a phone's `GET /v1/sync/wait` on one server answered by a push through the other; a
//! refresh token used on one server and replayed on the other refused as `token_reused`, its
//! login revoked on both; one server killed with SIGKILL while the other goes on, nothing
//! acknowledged lost; `create-officer` and `form publish` run against the database while both
//! servers run, the other server serving the new version without a restart; and a server
//! given a database but no `KOSH_JWT_SECRET` refusing to start.
//!
//! Each test makes a scratch database of its own through `KOSH_TEST_DATABASE_URL` (a URL whose
//! user may create databases), which `./kosh test` sets to a throwaway PostgreSQL it starts.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kosh_shared::hlc::Hlc;
use serde_json::{Value, json};

mod common;

use common::{Server, command, post};

/// The signing secret both servers are given: tokens one signs, the other accepts.
const SECRET: &str = "two-kosh-processes-share-this-secret-0123456789";
const PASSWORD: &str = "correct horse battery";
const FORM: &str = "residence-2026";

/// The admin URL the scratch databases are made through.
fn admin_url() -> String {
    std::env::var("KOSH_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.trim().is_empty())
        .unwrap_or_else(|| {
            panic!(
                "KOSH_TEST_DATABASE_URL is not set: these tests need a PostgreSQL server. \
                 `./kosh test` starts a throwaway one and sets it; to run them by hand, set it to \
                 a URL whose user may create databases, e.g. \
                 postgres://kosh@localhost:5432/postgres?host=/path/to/socket/dir"
            )
        })
}

/// A new empty database, for one test.
async fn scratch_database() -> String {
    kosh_backend::store::postgres::scratch_database(&admin_url())
        .await
        .unwrap_or_else(|e| {
            panic!("cannot make a scratch database through KOSH_TEST_DATABASE_URL: {e}")
        })
}

/// `kosh-backend` on the database `url` with the shared secret, a data directory of its own.
fn on_database(data_dir: &Path, url: &str) -> Command {
    let mut cmd = command(data_dir);
    cmd.env("KOSH_DATABASE_URL", url)
        .env("KOSH_JWT_SECRET", SECRET)
        // The default 25 s wait, so that a wait no push woke is told apart from one that was.
        .env_remove("KOSH_SYNC_WAIT_SECS");
    cmd
}

/// Two servers on one scratch database, started at once (as a supervisor starts them, each
/// creating the tables at the same moment). The second one's log is read line by line.
struct Servers {
    /// The database both use.
    url: String,
    one: Server,
    two: Server,
    two_log: Receiver<String>,
    _dirs: [tempfile::TempDir; 2],
}

async fn two_servers() -> Servers {
    let url = scratch_database().await;
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let one = on_database(dirs[0].path(), &url);
    let mut two = on_database(dirs[1].path(), &url);
    // The debug line says a phone waits in GET /v1/sync/wait: the test waits for it, no sleep.
    two.env(
        "RUST_LOG",
        "warn,kosh_backend::drafts=debug,kosh_backend::state=info",
    );
    let (one, (two, two_log)) = tokio::task::spawn_blocking(move || {
        std::thread::scope(|s| {
            let one = s.spawn(move || Server::start(one));
            let two = s.spawn(move || Server::start_logged(two));
            (one.join().unwrap(), two.join().unwrap())
        })
    })
    .await
    .unwrap();
    assert_ne!(one.base, two.base);
    Servers {
        url,
        one,
        two,
        two_log,
        _dirs: dirs,
    }
}

async fn get(client: &reqwest::Client, url: String, token: &str) -> (u16, Value) {
    let resp = client.get(url).bearer_auth(token).send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// `POST /v1/auth/<action>` with `email` and the password, answered `expected` → (access
/// token, refresh token).
async fn auth(
    client: &reqwest::Client,
    base: &str,
    action: &str,
    email: &str,
    expected: u16,
) -> (String, String) {
    let (status, body) = post(
        client,
        format!("{base}/v1/auth/{action}"),
        None,
        json!({"email": email, "password": PASSWORD}),
    )
    .await;
    assert_eq!(status, expected, "{action} through {base}: {body}");
    tokens(&body)
}

/// `POST /v1/auth/register` → (access token, refresh token).
async fn register(client: &reqwest::Client, base: &str, email: &str) -> (String, String) {
    auth(client, base, "register", email, 201).await
}

/// `POST /v1/auth/login` → (access token, refresh token).
async fn login(client: &reqwest::Client, base: &str, email: &str) -> (String, String) {
    auth(client, base, "login", email, 200).await
}

fn tokens(body: &Value) -> (String, String) {
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["refresh_token"].as_str().unwrap().to_owned(),
    )
}

/// One op of the residence form, its HLC at `wall_ms`/`counter` on `device`.
fn op(id: &str, draft: &str, field: &str, value: Value, at: (u64, u32), device: &str) -> Value {
    json!({"op_id": id, "draft_id": draft, "form_id": FORM, "field": field, "value": value,
           "hlc": Hlc::new(at.0, at.1, device).unwrap()})
}

/// `POST /v1/sync`, which must answer 200.
async fn sync(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    device: &str,
    cursor: u64,
    ops: Vec<Value>,
) -> Value {
    let (status, body) = post(
        client,
        format!("{base}/v1/sync"),
        Some(token),
        json!({"device_id": device, "cursor": cursor, "ops": ops}),
    )
    .await;
    assert_eq!(status, 200, "sync through {base}: {body}");
    body
}

fn op_ids(values: &Value) -> HashSet<String> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().or(v["op_id"].as_str()).unwrap().to_owned())
        .collect()
}

fn ids(list: &[&str]) -> HashSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn cursor(page: &Value) -> u64 {
    page["cursor"].as_u64().unwrap()
}

fn now_ms() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_phones_on_two_servers_end_with_the_same_draft() {
    let servers = two_servers().await;
    let (one, two) = (&servers.one.base, &servers.two.base);
    let client = reqwest::Client::new();
    let email = "two-servers@example.kz";
    // Phone A registers through server 1; phone B logs in to the same account through server 2.
    let (a, _) = register(&client, one, email).await;
    let (b, _) = login(&client, two, email).await;
    let draft = "draft-two-servers";
    let t = now_ms();

    // A's answers, through server 1.
    let a1 = sync(
        &client,
        one,
        &a,
        "phone-a",
        0,
        vec![
            op(
                "a-1",
                draft,
                "personal.surname",
                json!("Abenova"),
                (t, 0),
                "phone-a",
            ),
            op(
                "a-2",
                draft,
                "education.level",
                json!("bachelor"),
                (t, 1),
                "phone-a",
            ),
        ],
    )
    .await;
    assert_eq!(op_ids(&a1["acked"]), ids(&["a-1", "a-2"]), "{a1}");

    // B pulls them through server 2, then pushes its own there: a later answer to one of A's
    // questions, and one A has not answered.
    let b1 = sync(&client, two, &b, "phone-b", 0, vec![]).await;
    assert_eq!(op_ids(&b1["changes"]), ids(&["a-1", "a-2"]), "{b1}");
    let b2 = sync(
        &client,
        two,
        &b,
        "phone-b",
        cursor(&b1),
        vec![
            op(
                "b-1",
                draft,
                "education.level",
                json!("master"),
                (t + 1000, 0),
                "phone-b",
            ),
            op(
                "b-2",
                draft,
                "work.years_total",
                json!(7),
                (t + 1000, 1),
                "phone-b",
            ),
        ],
    )
    .await;
    assert_eq!(op_ids(&b2["acked"]), ids(&["b-1", "b-2"]), "{b2}");

    // A pulls B's through server 1, and pushes an answer older than B's (a phone whose clock
    // was behind): B's stays, on both servers.
    let a2 = sync(&client, one, &a, "phone-a", cursor(&a1), vec![]).await;
    assert_eq!(op_ids(&a2["changes"]), ids(&["b-1", "b-2"]), "{a2}");
    let a3 = sync(
        &client,
        one,
        &a,
        "phone-a",
        cursor(&a2),
        vec![op(
            "a-3",
            draft,
            "education.level",
            json!("bachelor"),
            (t + 500, 0),
            "phone-a",
        )],
    )
    .await;
    assert_eq!(op_ids(&a3["acked"]), ids(&["a-3"]), "{a3}");
    let b3 = sync(&client, two, &b, "phone-b", cursor(&b2), vec![]).await;
    assert_eq!(op_ids(&b3["changes"]), ids(&["a-3"]), "{b3}");

    let (status, drafts_one) = get(&client, format!("{one}/v1/drafts"), &a).await;
    assert_eq!(status, 200, "{drafts_one}");
    let (status, drafts_two) = get(&client, format!("{two}/v1/drafts"), &b).await;
    assert_eq!(status, 200, "{drafts_two}");
    assert_eq!(drafts_one, drafts_two, "the two servers disagree");
    let drafts = drafts_one.as_array().unwrap();
    assert_eq!(drafts.len(), 1, "{drafts_one}");
    assert_eq!(drafts[0]["id"], draft);
    assert_eq!(drafts[0]["form_id"], FORM);
    assert_eq!(
        drafts[0]["answers"],
        json!({"personal.surname": "Abenova", "education.level": "master", "work.years_total": 7}),
        "{drafts_one}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wait_on_one_server_is_answered_by_a_push_on_the_other() {
    let servers = two_servers().await;
    let (one, two) = (servers.one.base.clone(), servers.two.base.clone());
    let client = reqwest::Client::new();
    let (token, _) = register(&client, &one, "waiting@example.kz").await;
    let draft = "draft-waiting";
    let t = now_ms();
    let first = sync(
        &client,
        &one,
        &token,
        "phone-a",
        0,
        vec![op(
            "a-1",
            draft,
            "personal.surname",
            json!("Abenova"),
            (t, 0),
            "phone-a",
        )],
    )
    .await;
    assert_eq!(op_ids(&first["acked"]), ids(&["a-1"]), "{first}");
    let caught_up = cursor(&sync(&client, &two, &token, "phone-b", 0, vec![]).await);
    assert!(caught_up >= 1);

    // Phone B waits on server 2…
    let request = client
        .get(format!(
            "{two}/v1/sync/wait?cursor={caught_up}&device_id=phone-b"
        ))
        .bearer_auth(&token);
    let waiter = tokio::spawn(async move {
        let resp = request.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json::<Value>().await.unwrap())
    });
    let log = servers.two_log;
    let log = tokio::task::spawn_blocking(move || {
        loop {
            let line = log
                .recv_timeout(Duration::from_secs(20))
                .expect("server 2 never said a phone waits");
            if line.contains("waiting for another device's push") {
                return log;
            }
        }
    })
    .await
    .unwrap();

    // …and phone A pushes on server 1.
    let pushed = sync(
        &client,
        &one,
        &token,
        "phone-a",
        cursor(&first),
        vec![op(
            "a-2",
            draft,
            "education.level",
            json!("master"),
            (t + 1, 0),
            "phone-a",
        )],
    )
    .await;
    assert_eq!(op_ids(&pushed["acked"]), ids(&["a-2"]), "{pushed}");
    // Well under the 25 s after which a wait nothing woke answers with its own cursor.
    let (status, answer) = tokio::time::timeout(Duration::from_secs(15), waiter)
        .await
        .expect("the wait on server 2 was not answered within 15 s of the push on server 1")
        .unwrap();
    assert_eq!(status, 200, "{answer}");
    assert!(
        cursor(&answer) > caught_up,
        "the wait answered {answer} without the push (cursor {caught_up})"
    );
    let page = sync(&client, &two, &token, "phone-b", caught_up, vec![]).await;
    assert_eq!(op_ids(&page["changes"]), ids(&["a-2"]), "{page}");
    drop(log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_token_replayed_on_the_other_server_revokes_the_login_on_both() {
    let servers = two_servers().await;
    let bases = [servers.one.base.as_str(), servers.two.base.as_str()];
    let (one, two) = (bases[0], bases[1]);
    let client = reqwest::Client::new();
    let email = "replay@example.kz";
    let (access0, refresh0) = register(&client, one, email).await;

    let (status, body) = post(
        &client,
        format!("{one}/v1/auth/refresh"),
        None,
        json!({"refresh_token": refresh0}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (access1, refresh1) = tokens(&body);
    for base in bases {
        let (status, me) = get(&client, format!("{base}/v1/me"), &access1).await;
        assert_eq!((status, &me["email"]), (200, &json!(email)), "{base}: {me}");
    }

    // The used token again, on the other server: someone holds a copy.
    let (status, body) = post(
        &client,
        format!("{two}/v1/auth/refresh"),
        None,
        json!({"refresh_token": refresh0}),
    )
    .await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error"]["code"], "token_reused", "{body}");
    assert!(body["error"]["message"].is_string(), "{body}");

    // Every token of that login is dead, on both servers.
    for base in bases {
        for access in [&access0, &access1] {
            let (status, body) = get(&client, format!("{base}/v1/me"), access).await;
            assert_eq!(
                status, 401,
                "{base}: an access token of the revoked login: {body}"
            );
            assert_eq!(body["error"]["code"], "unauthorized", "{body}");
        }
        let (status, body) = post(
            &client,
            format!("{base}/v1/auth/refresh"),
            None,
            json!({"refresh_token": refresh1}),
        )
        .await;
        assert_eq!(
            status, 401,
            "{base}: the revoked login's newest refresh token: {body}"
        );
    }

    // The account itself is fine: a new login through either server works on both.
    let (fresh, _) = login(&client, two, email).await;
    for base in bases {
        let (status, me) = get(&client, format!("{base}/v1/me"), &fresh).await;
        assert_eq!(status, 200, "{base}: {me}");
    }
}

/// Returns once `acked` holds `n` op ids; fails the test after a minute.
async fn until_acked(acked: &Mutex<HashSet<String>>, progress: &tokio::sync::Notify, n: usize) {
    let enough = async {
        while acked.lock().unwrap().len() < n {
            progress.notified().await;
        }
    };
    tokio::time::timeout(Duration::from_secs(60), enough)
        .await
        .unwrap_or_else(|_| panic!("fewer than {n} ops acknowledged within a minute"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_server_killed_the_other_goes_on_and_nothing_acknowledged_is_lost() {
    let mut servers = two_servers().await;
    let (one, two) = (servers.one.base.clone(), servers.two.base.clone());
    let client = reqwest::Client::new();
    let email = "killed@example.kz";
    let (token, _) = register(&client, &one, email).await;
    let acked = Arc::new(Mutex::new(HashSet::<String>::new()));
    let progress = Arc::new(tokio::sync::Notify::new());
    let stop_two = Arc::new(tokio::sync::Notify::new());
    let start = now_ms();

    // Devices 0-2 push through server 1 until it dies; device 3 through server 2 throughout,
    // which must never fail. A refusal (an answer other than 200) is a failure on either.
    let mut on_one = Vec::new();
    let mut on_two = None;
    for device in 0..4u32 {
        let base = if device < 3 { &one } else { &two };
        let (client, url, token, acked) = (
            client.clone(),
            format!("{base}/v1/sync"),
            token.clone(),
            acked.clone(),
        );
        let (progress, stop_two) = (progress.clone(), stop_two.clone());
        let pusher = tokio::spawn(async move {
            let stopped = stop_two.notified();
            tokio::pin!(stopped);
            for round in 0u64.. {
                let ops: Vec<Value> = (0..10u32)
                    .map(|i| {
                        op(
                            &format!("op-{device}-{round}-{i}"),
                            &format!("draft-{device}"),
                            "work.years_total",
                            json!((round + u64::from(i)) % 60),
                            (start + round, i),
                            &format!("dev{device}"),
                        )
                    })
                    .collect();
                let body = json!({"device_id": format!("dev{device}"), "cursor": 0, "ops": ops});
                let push = client.post(&url).bearer_auth(&token).json(&body).send();
                let resp = if device < 3 {
                    match push.await {
                        Ok(resp) => resp,
                        // Server 1 is gone: this phone stops.
                        Err(_) => return,
                    }
                } else {
                    tokio::select! {
                        resp = push => resp.expect("server 2 stopped answering"),
                        () = &mut stopped => return,
                    }
                };
                let status = resp.status().as_u16();
                let Ok(body) = resp.json::<Value>().await else {
                    // Killed while answering: never acknowledged, so nothing to find later.
                    assert!(device < 3, "server 2 cut off an answer");
                    return;
                };
                assert_eq!(status, 200, "device {device}'s push refused: {body}");
                acked.lock().unwrap().extend(op_ids(&body["acked"]));
                progress.notify_one();
            }
        });
        if device < 3 {
            on_one.push(pusher);
        } else {
            on_two = Some(pusher);
        }
    }
    let mut on_two = on_two.unwrap();
    tokio::select! {
        () = until_acked(&acked, &progress, 300) => {}
        stopped = &mut on_two => panic!("the pusher on server 2 stopped: {stopped:?}"),
    }
    servers.one.child.kill().unwrap();
    servers.one.child.wait().unwrap();
    for pusher in on_one {
        pusher.await.unwrap();
    }
    // Server 2 keeps taking device 3's pushes after the kill.
    let after_kill = acked.lock().unwrap().len();
    tokio::select! {
        () = until_acked(&acked, &progress, after_kill + 50) => {}
        stopped = &mut on_two => panic!("the pusher on server 2 stopped: {stopped:?}"),
    }
    stop_two.notify_one();
    on_two.await.unwrap();
    let acked = acked.lock().unwrap().clone();

    // Server 2 goes on: a login, a push and a pull there.
    let (fresh, _) = login(&client, &two, email).await;
    let t = now_ms();
    let pushed = sync(
        &client,
        &two,
        &fresh,
        "phone-after",
        0,
        vec![op(
            "after-1",
            "draft-after",
            "personal.surname",
            json!("Abenova"),
            (t, 0),
            "phone-after",
        )],
    )
    .await;
    assert_eq!(op_ids(&pushed["acked"]), ids(&["after-1"]), "{pushed}");
    let mut stored = HashSet::new();
    let mut at = 0;
    loop {
        let page = sync(&client, &two, &fresh, "auditor", at, vec![]).await;
        stored.extend(op_ids(&page["changes"]));
        at = cursor(&page);
        if page["more"] != true {
            break;
        }
    }
    let lost: Vec<_> = acked.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged ops lost, e.g. {:?}",
        lost.len(),
        acked.len(),
        lost.first()
    );
    assert!(stored.contains("after-1"));
    let (status, drafts) = get(&client, format!("{two}/v1/drafts"), &fresh).await;
    assert_eq!(status, 200, "{drafts}");
    let drafts: HashSet<String> = drafts
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: HashSet<String> = (0..4)
        .map(|d| format!("draft-{d}"))
        .chain(["draft-after".to_owned()])
        .collect();
    assert_eq!(drafts, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_on_a_database_without_a_shared_secret_refuses_to_start() {
    let url = scratch_database().await;
    let dir = tempfile::tempdir().unwrap();
    // command() leaves KOSH_JWT_SECRET out.
    let mut child = command(dir.path())
        .env("KOSH_DATABASE_URL", &url)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "still running 30 s after starting with KOSH_DATABASE_URL and no KOSH_JWT_SECRET"
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    assert!(
        !status.success() && status.code().is_some(),
        "a non-zero exit, not a signal: {status:?}\n{stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "a panic, not a message: {stderr}"
    );
    assert!(
        stderr.contains("KOSH_JWT_SECRET"),
        "stderr does not name KOSH_JWT_SECRET: {stderr}"
    );
    assert!(!stdout.contains("listening on"), "{stdout}");
    assert!(
        !dir.path().join("jwt-secret").exists(),
        "a secret of its own was generated into the data directory"
    );
}

/// Waits for a line of server 2's log holding `wanted`, and hands the log back.
async fn line_of(log: Receiver<String>, wanted: &'static str) -> Receiver<String> {
    tokio::task::spawn_blocking(move || {
        loop {
            let line = log
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("server 2 never logged {wanted:?}"));
            if line.contains(wanted) {
                return log;
            }
        }
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_commands_work_on_the_database_and_running_servers_take_up_a_publication() {
    let servers = two_servers().await;
    let client = reqwest::Client::new();
    let dir = tempfile::tempdir().unwrap();

    // An officer made by the command, on the database, logs in through a running server.
    let mut child = on_database(dir.path(), &servers.url)
        .args(["create-officer", "--email", "officer@example.kz"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        format!("{PASSWORD}\n").as_bytes(),
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "create-officer: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (token, _) = login(&client, &servers.two.base, "officer@example.kz").await;
    let (status, me) = get(&client, format!("{}/v1/me", servers.two.base), &token).await;
    assert_eq!(
        (status, me["role"].as_str()),
        (200, Some("officer")),
        "{me}"
    );

    // A form version published by the command while both servers run: the other server
    // serves it without a restart.
    let file = dir.path().join("next.json");
    std::fs::write(&file, kosh_shared::testing::residence_next_json()).unwrap();
    let out = on_database(dir.path(), &servers.url)
        .args(["form", "publish"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "form publish: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("published form"));
    // The server logs a line each time it reads the published documents again; the first
    // may come from the built-ins the two servers wrote when they started, so read on until
    // the new version is there (each wait bounded in `line_of`).
    let version = kosh_shared::testing::NEXT_RESIDENCE_VERSION;
    let url = format!("{}/v1/forms/{FORM}/versions/{version}", servers.two.base);
    let mut log = servers.two_log;
    let (status, form) = loop {
        log = line_of(log, "read the published policies and forms again").await;
        let (status, form) = get(&client, url.clone(), &token).await;
        if status != 404 {
            break (status, form);
        }
    };
    assert_eq!(status, 200, "{form}");
    assert_eq!(form["version"], version);
}
