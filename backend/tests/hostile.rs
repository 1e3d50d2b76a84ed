//! The release binary under what an attack run did to it, measured from outside as the run
//! measured it: memory under failed logins with megabyte emails from twenty addresses and under
//! a hundred registrations at once, 1,100 idle connections with the common soft limit of 1024
//! open files, and a store damaged on disk after a clean stop.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use common::{Server, command, post, register, wrapped_command};
use kosh_shared::hlc::Hlc;
use serde_json::{Value, json};

/// A line of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
fn memory_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/{pid}/status"))
}

const MIB: u64 = 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failed_logins_with_megabyte_emails_leave_memory_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    register(&client, &server.base, "warm@example.kz").await;
    let before = memory_kib(server.pid(), "VmRSS");

    // Twenty client addresses (all of 127/8 is loopback), twenty failures each: every one
    // counted, none refused by the per-address limit before it is.
    let attackers = (2..22).map(|host| {
        let base = server.base.clone();
        tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .local_address(std::net::IpAddr::from([127, 0, 0, host]))
                .build()
                .unwrap();
            let mut refused = 0;
            for n in 0..20 {
                let email = format!("{host}-{n}-{}@example.kz", "x".repeat(1_000_000));
                let (status, body) = post(
                    &client,
                    format!("{base}/v1/auth/login"),
                    None,
                    json!({"email": email, "password": "guess guess guess"}),
                )
                .await;
                assert!(matches!(status, 401 | 429), "{status} {body}");
                refused += u32::from(status == 401);
            }
            refused
        })
    });
    let mut failures = 0;
    for attacker in attackers {
        failures += attacker.await.unwrap();
    }
    assert!(
        failures >= 380,
        "only {failures} logins reached the limiter"
    );
    let after = memory_kib(server.pid(), "VmRSS");
    println!("RSS before {before} KiB, after 400 failed logins with 1 MB emails {after} KiB");
    assert!(
        after < before + 32 * MIB,
        "400 megabyte emails grew the server from {before} to {after} KiB"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_registrations_at_once_hash_a_few_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::spawn(dir.path());
    let client = reqwest::Client::new();
    assert_eq!(
        client
            .get(format!("{}/healthz", server.base))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let before = memory_kib(server.pid(), "VmHWM");
    let registrations = (0..100).map(|n| {
        let (client, base) = (client.clone(), server.base.clone());
        tokio::spawn(async move { register(&client, &base, &format!("crowd{n}@example.kz")).await })
    });
    for registration in registrations {
        registration.await.unwrap();
    }
    let peak = memory_kib(server.pid(), "VmHWM");
    println!("peak RSS before {before} KiB, after 100 parallel registrations {peak} KiB");
    // argon2 at the secure cost takes 19 MiB a hash: a hundred at once took 1.9 GiB.
    assert!(
        peak < before + 64 * MIB,
        "100 registrations took the peak from {before} to {peak} KiB"
    );
}

/// The soft and hard `Max open files` of a process.
fn open_file_limits(pid: u32) -> (String, String) {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap()
        .to_owned();
    let mut numbers = line
        .trim_start_matches("Max open files")
        .split_whitespace()
        .map(str::to_owned);
    (numbers.next().unwrap(), numbers.next().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eleven_hundred_idle_connections_under_a_soft_limit_of_1024_leave_healthz_answering() {
    // This test process holds 1,100 sockets of its own too.
    kosh_backend::connections::raise_open_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(wrapped_command(&["prlimit", "--nofile=1024:"], dir.path()));
    let (soft, hard) = open_file_limits(server.pid());
    assert_eq!(
        soft, hard,
        "the server raised its soft limit to the hard one"
    );
    assert!(
        hard == "unlimited" || hard.parse::<u64>().unwrap() > 1200,
        "this machine's hard limit of open files is {hard}: the test needs more than 1,200"
    );

    let addr = server.base.trim_start_matches("http://").to_owned();
    let idle: Vec<std::net::TcpStream> = (0..1100)
        .map(|_| std::net::TcpStream::connect(&addr).expect("connect"))
        .collect();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let health = client
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .expect("/healthz answers beside 1,100 idle connections");
    assert_eq!(health.status(), 200);
    drop(idle);
}

/// Copies a directory tree (the data directory of a stopped server).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What a test does to a data file.
type Damage = fn(&Path);

/// What starting a server on `dir` came to: `Ok(server)` if it listens, else its exit and
/// what it said on stderr.
fn try_start(dir: &Path) -> Result<Server, (std::process::ExitStatus, String)> {
    let mut cmd = command(dir);
    cmd.arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).unwrap();
    match line.trim_end().strip_prefix("listening on ") {
        Some(base) => Ok(Server {
            base: base.to_owned(),
            child,
        }),
        None => {
            let output = child.wait_with_output().unwrap();
            Err((
                output.status,
                String::from_utf8_lossy(&output.stderr).into_owned(),
            ))
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_store_refuses_to_start_and_says_where_the_data_is() {
    let original = tempfile::tempdir().unwrap();
    let server = Server::spawn(original.path());
    let client = reqwest::Client::new();
    let token = register(&client, &server.base, "damage@example.kz").await;
    let wall = 1_790_000_000_000;
    for version in 1..=19 {
        let hlc = Hlc::new(wall + version, 0, "phone").unwrap();
        let (status, body) = post(
            &client,
            format!("{}/v1/sync", server.base),
            Some(&token),
            json!({"device_id": "phone", "cursor": 0, "ops": [{
                "op_id": format!("surname-{version}"), "draft_id": "d1", "form_id": "residence-2026",
                "field": "personal.surname", "value": format!("Abenova {version}"),
                "hlc": hlc.to_string()}]}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
    server.stop_cleanly();
    let db = |dir: &Path| -> PathBuf { dir.join("store").join("db") };
    assert!(
        db(original.path()).is_file(),
        "sled keeps its data in store/db"
    );

    let damages: [(&str, Damage); 3] = [
        ("emptied", |file| std::fs::write(file, b"").unwrap()),
        ("garbled", |file| {
            let len = std::fs::metadata(file).unwrap().len() as usize;
            let garbage: Vec<u8> = (0..len).map(|i| (i * 7919 % 251) as u8).collect();
            std::fs::write(file, garbage).unwrap();
        }),
        ("halved", |file| {
            let len = std::fs::metadata(file).unwrap().len();
            std::fs::OpenOptions::new()
                .write(true)
                .open(file)
                .unwrap()
                .set_len(len / 2)
                .unwrap();
        }),
    ];
    for (damage, apply) in damages {
        let copy = tempfile::tempdir().unwrap();
        copy_dir(original.path(), copy.path());
        apply(&db(copy.path()));
        match try_start(copy.path()) {
            Err((status, stderr)) => {
                println!("{damage} store: refused to start: {stderr}");
                assert!(!status.success(), "{damage}");
                assert!(stderr.contains("damaged"), "{damage}: {stderr}");
                assert!(
                    stderr.contains(&copy.path().display().to_string()),
                    "{damage}: the message says where the data is: {stderr}"
                );
                assert!(stderr.contains("store-seal"), "{damage}: {stderr}");
                // It changed nothing: a second start says the same.
                assert!(try_start(copy.path()).is_err(), "{damage}");
            }
            Ok(server) => {
                // Starting is right only on everything that was acknowledged.
                println!("{damage} store: started, on all of its data");
                assert_ne!(damage, "emptied", "an emptied store started");
                let draft: Value = client
                    .get(format!("{}/v1/drafts/d1", server.base))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                assert_eq!(
                    draft["answers"]["personal.surname"], "Abenova 19",
                    "{damage}: started on less data: {draft}"
                );
            }
        }
    }

    // The message's advice works: with the seal moved aside, an emptied store starts empty.
    let copy = tempfile::tempdir().unwrap();
    copy_dir(original.path(), copy.path());
    std::fs::write(db(copy.path()), b"").unwrap();
    std::fs::rename(
        copy.path().join("store-seal"),
        copy.path().join("store-seal.aside"),
    )
    .unwrap();
    let server = try_start(copy.path()).expect("starts once the seal is moved aside");
    drop(server);
}
