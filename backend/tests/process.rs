//! The `kosh-backend` binary as a child process: its `listening on` line, a graceful stop on
//! SIGTERM, `create-officer` and its refusal while a server holds the store, `--help`, and a
//! server killed with SIGKILL in the middle of a stream of sync pushes losing none of the ops
//! it acknowledged, one killed right after an acknowledgement that only its journal holds, and
//! SIGTERM answering every phone waiting in `GET /v1/sync/wait` at once.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use kosh_shared::hlc::Hlc;
use serde_json::{Value, json};

mod common;

use common::{BIN, Server, command, post, register};

fn create_officer(data_dir: &Path, email: &str, password: &str) -> Output {
    let mut child = command(data_dir)
        .args(["create-officer", "--email", email])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test]
async fn sigterm_drains_flushes_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    let health: Value = client
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    let token = register(&client, &server.base, "term@example.kz").await;
    let status = server.terminate();
    assert!(status.success(), "exit status {status:?}");

    // Everything is there after a restart, the token too (the secret was kept in the data dir).
    let server = Server::spawn(dir.path());
    let me: Value = client
        .get(format!("{}/v1/me", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "term@example.kz");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("jwt-secret"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[tokio::test]
async fn create_officer_refuses_while_the_server_runs() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::spawn(dir.path());
    let out = create_officer(dir.path(), "officer@example.kz", "officer password 1");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in use"), "{stderr}");
    server.stop_cleanly();

    let out = create_officer(dir.path(), "officer@example.kz", "short");
    assert!(!out.status.success(), "a weak password is refused");
    let out = create_officer(dir.path(), "officer@example.kz", "officer password 1");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    let (status, body) = post(
        &client,
        format!("{}/v1/auth/login", server.base),
        None,
        json!({"email": "officer@example.kz", "password": "officer password 1"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["role"], "officer");
}

#[test]
fn help_documents_every_command_and_variable() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "create-officer",
        "KOSH_ADDR",
        "KOSH_DATA_DIR",
        "KOSH_JWT_SECRET",
        "KOSH_WEB_DIR",
        "KOSH_DATABASE_URL",
        "KOSH_SYNC_WAIT_SECS",
        "KOSH_ATTACHMENT_QUOTA_MB",
    ] {
        assert!(help.contains(word), "--help lacks {word}:\n{help}");
    }
    let out = Command::new(BIN)
        .args(["create-officer", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--email"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_answers_every_waiter_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = command(dir.path());
    // The default 25 s wait: the stop must not sit it out. The debug line says a phone waits.
    cmd.env("RUST_LOG", "warn,kosh_backend::drafts=debug")
        .env_remove("KOSH_SYNC_WAIT_SECS");
    let (server, log) = Server::start_logged(cmd);
    let client = reqwest::Client::new();
    let token = register(&client, &server.base, "waiting@example.kz").await;
    let waiters: Vec<_> = (0..3)
        .map(|n| {
            let request = client
                .get(format!(
                    "{}/v1/sync/wait?cursor=0&device_id=phone-{n}",
                    server.base
                ))
                .bearer_auth(&token);
            tokio::spawn(async move {
                let resp = request.send().await.unwrap();
                let status = resp.status().as_u16();
                (status, resp.json::<Value>().await.unwrap())
            })
        })
        .collect();
    let log = tokio::task::spawn_blocking(move || {
        let mut waiting = 0;
        while waiting < 3 {
            let line = log
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("the server never said three phones wait");
            waiting += usize::from(line.contains("waiting for another device's push"));
        }
        log
    })
    .await
    .unwrap();

    let started = std::time::Instant::now();
    let status = tokio::task::spawn_blocking(move || server.terminate())
        .await
        .unwrap();
    assert!(status.success(), "exit status {status:?}");
    for waiter in waiters {
        assert_eq!(waiter.await.unwrap(), (200, json!({"cursor": 0})));
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "stopped after {:?}: the waiters were not answered at once",
        started.elapsed()
    );
    drop(log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigkill_during_pushes_loses_no_acknowledged_op() {
    stop_during_pushes(Stop::Kill).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_during_pushes_finishes_them_and_exits_zero() {
    stop_during_pushes(Stop::Term).await;
}

/// Killed a moment after acknowledging a push: long before sled's own background flush, so
/// only the journal has the push on disk. The restart replays it into the draft and the log,
/// and a clean stop afterwards leaves no journal to replay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_push_survives_sigkill_through_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    let token = register(&client, &server.base, "journal@example.kz").await;
    let hlc = Hlc::new(1_790_000_000_000, 0, "phone").unwrap();
    let (status, body) = post(
        &client,
        format!("{}/v1/sync", server.base),
        Some(&token),
        json!({"device_id": "phone", "cursor": 0, "ops": [
            {"op_id": "op-1", "draft_id": "draft-1", "form_id": "residence-2026",
             "field": "education.level", "value": "master", "hlc": hlc}]}),
    )
    .await;
    assert_eq!((status, &body["acked"]), (200, &json!(["op-1"])), "{body}");
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let journaled: u64 = journal_files(dir.path())
        .iter()
        .map(|p| p.metadata().unwrap().len())
        .sum();
    assert!(journaled > 0, "the acknowledged push is in the journal");

    let server = Server::spawn(dir.path());
    let draft = client
        .get(format!("{}/v1/drafts/draft-1", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), 200);
    let draft: Value = draft.json().await.unwrap();
    assert_eq!(draft["answers"]["education.level"], "master", "{draft}");
    let (_, page) = post(
        &client,
        format!("{}/v1/sync", server.base),
        Some(&token),
        json!({"device_id": "laptop", "cursor": 0, "ops": []}),
    )
    .await;
    assert_eq!(page["cursor"], 1, "{page}");
    assert_eq!(page["changes"][0]["op_id"], "op-1", "{page}");
    server.stop_cleanly();
    let left: u64 = journal_files(dir.path())
        .iter()
        .map(|p| p.metadata().unwrap().len())
        .sum();
    assert_eq!(left, 0, "a clean stop checkpoints: nothing to replay");
}

/// The journal files in a data directory.
fn journal_files(data_dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("journal-") && n.ends_with(".log"))
        })
        .collect()
}

enum Stop {
    Kill,
    Term,
}

/// Six devices push ops as fast as they can; once 600 are acknowledged the server is stopped
/// (`SIGKILL` or `SIGTERM`) mid-stream. After a restart every acknowledged op must be there.
async fn stop_during_pushes(stop: Stop) {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    let token = register(&client, &server.base, "crash@example.kz").await;
    let acked = Arc::new(Mutex::new(HashSet::<String>::new()));
    let progress = Arc::new(tokio::sync::Notify::new());
    let url = format!("{}/v1/sync", server.base);
    let start = u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap();

    let mut pushers = Vec::new();
    for device in 0..6 {
        let (client, url, token, acked) =
            (client.clone(), url.clone(), token.clone(), acked.clone());
        let progress = progress.clone();
        pushers.push(tokio::spawn(async move {
            for round in 0u64.. {
                let ops: Vec<Value> = (0..10u64)
                    .map(|i| {
                        json!({"op_id": format!("op-{device}-{round}-{i}"), "draft_id": format!("draft-{device}"),
                               "form_id": "residence-2026", "field": "work.years_total", "value": (round + i) % 60,
                               "hlc": Hlc::new(start + round, i as u32, format!("dev{device}")).unwrap()})
                    })
                    .collect();
                let body = json!({"device_id": format!("dev{device}"), "cursor": 0, "ops": ops});
                let Ok(resp) = client.post(&url).bearer_auth(&token).json(&body).send().await else {
                    return;
                };
                if resp.status() != 200 {
                    return;
                }
                let Ok(body) = resp.json::<Value>().await else { return };
                {
                    let mut acked = acked.lock().unwrap();
                    for id in body["acked"].as_array().unwrap() {
                        acked.insert(id.as_str().unwrap().to_owned());
                    }
                }
                progress.notify_one();
            }
        }));
    }
    // Kill once a good number of ops are acknowledged, while the pushers are still going.
    while acked.lock().unwrap().len() < 600 {
        progress.notified().await;
    }
    match stop {
        Stop::Kill => {
            server.child.kill().unwrap();
            server.child.wait().unwrap();
        }
        Stop::Term => {
            let status = server.terminate();
            assert!(status.success(), "a graceful stop exits 0: {status:?}");
        }
    }
    for p in pushers {
        p.await.unwrap();
    }
    let acked = acked.lock().unwrap().clone();

    let server = Server::spawn(dir.path());
    let mut stored = HashSet::new();
    let mut cursor = 0;
    loop {
        let (status, page) = post(
            &client,
            format!("{}/v1/sync", server.base),
            Some(&token),
            json!({"device_id": "auditor", "cursor": cursor, "ops": []}),
        )
        .await;
        assert_eq!(status, 200, "{page}");
        for change in page["changes"].as_array().unwrap() {
            stored.insert(change["op_id"].as_str().unwrap().to_owned());
        }
        cursor = page["cursor"].as_u64().unwrap();
        if page["more"] == false {
            break;
        }
    }
    let lost: Vec<_> = acked.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged ops lost, e.g. {:?}",
        lost.len(),
        lost.first()
    );
    assert!(acked.len() >= 600);
}

/// `kosh-backend <kind> publish <file>`.
fn publish(data_dir: &Path, kind: &str, file: &Path) -> Output {
    command(data_dir)
        .args([kind, "publish"])
        .arg(file)
        .output()
        .unwrap()
}

#[tokio::test]
async fn publish_commands_check_publish_and_refuse_while_the_server_runs() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mut bundle = serde_json::to_value(kosh_shared::policy::Policy::builtin().unwrap()).unwrap();
    bundle["id"] = json!("kz-2027-budget");
    bundle["valid_from"] = json!("2027-01-01");
    bundle["valid_until"] = json!("2027-12-31");
    let good = files.path().join("kz-2027-budget.json");
    std::fs::write(&good, bundle.to_string()).unwrap();
    bundle["support_measures"][0]["amount"]["mci"] = json!(0);
    bundle["contract"]["term_years"] = json!(0);
    let bad = files.path().join("bad.json");
    std::fs::write(&bad, bundle.to_string()).unwrap();
    let form = files.path().join("form-next.json");
    std::fs::write(&form, kosh_shared::testing::residence_next_json()).unwrap();

    let server = Server::spawn(dir.path());
    let out = publish(dir.path(), "policy", &good);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in use"), "{stderr}");
    server.stop_cleanly();

    // Every problem, with its path, and nothing published.
    let out = publish(dir.path(), "policy", &bad);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("support_measures[0].amount [bad_amount]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("contract.term_years [bad_term]"),
        "{stderr}"
    );
    let out = publish(dir.path(), "policy", &good);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("published policy bundle kz-2027-budget")
    );
    let out = publish(dir.path(), "form", &form);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = publish(dir.path(), "form", &files.path().join("missing.json"));
    assert!(!out.status.success());

    let server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    let list: Value = client
        .get(format!("{}/v1/policies", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kz-2026", "kz-2027", "kz-2027-budget"]);
    let newest: Value = client
        .get(format!("{}/v1/forms/residence-2026", server.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        newest["version"],
        kosh_shared::testing::NEXT_RESIDENCE_VERSION
    );
    server.stop_cleanly();
}

/// A script that stops the server the moment it reads `listening on` must get the drain and
/// flush too, not the default action of a signal nobody listens for yet.
#[test]
fn sigterm_the_moment_the_server_says_listening_still_exits_zero() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        Server::spawn(dir.path()).stop_cleanly();
    }
}
