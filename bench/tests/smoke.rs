//! The benchmark's smoke run, so it cannot rot: the whole pipeline (servers as child processes,
//! devices, load, probe, live sync, report) for about a second per row with 1 and 2 devices
//! (and 2 and 4 phones waiting live), checking that the table has every row and that the
//! numbers are sane. The peer's rows are checked when
//! PouchDB Server is installed (`npm ci` in bench/peer) and skipped with a message otherwise.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Far more than the smoke run needs (14 rows of about a second, plus starts).
const BOUND: Duration = Duration::from_secs(300);

fn run_smoke() -> (Value, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let markdown = dir.path().join("BENCHMARKS.md");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kosh-bench"))
        .arg("--smoke")
        .arg("--json")
        .arg(&json)
        .arg("--out")
        .arg(&markdown)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > BOUND {
            child.kill().unwrap();
            panic!("the smoke run took more than {} s", BOUND.as_secs());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success(),
        "kosh-bench --smoke failed\n{stdout}\n{stderr}"
    );
    let report: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let markdown = std::fs::read_to_string(&markdown).unwrap();
    assert!(
        markdown.contains("| server | devices | syncs/s |"),
        "{markdown}"
    );
    assert!(markdown.contains("Kosh ÷ limit"), "{markdown}");
    assert!(markdown.contains("The store alone"), "{markdown}");
    (report, markdown, format!("{stdout}\n{stderr}"))
}

fn number(row: &Value, field: &str) -> f64 {
    row["measured"][field]
        .as_f64()
        .unwrap_or_else(|| panic!("{field} missing in {row}"))
}

#[test]
fn smoke_run_measures_every_server_with_sane_numbers() {
    let (report, markdown, output) = run_smoke();
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 14, "7 servers × 2 device counts: {output}");
    let mut peer_skipped = None;
    for devices in [1, 2] {
        for target in [
            "kosh",
            "kosh_postgres",
            "kosh_postgres_pair",
            "limit",
            "durable",
            "naive",
            "peer",
        ] {
            let row = rows
                .iter()
                .find(|r| r["target"] == target && r["devices"] == devices)
                .unwrap_or_else(|| panic!("no row for {target} at {devices}: {output}"));
            if target == "peer" && row["measured"].is_null() {
                let why = row["failure"].as_str().unwrap_or("").to_owned();
                assert!(!why.is_empty(), "a skipped peer says why: {row}");
                peer_skipped = Some(why);
                continue;
            }
            assert!(row["failure"].is_null(), "{target} at {devices}: {row}");
            assert_eq!(row["measured"]["errors"], 0, "{target} at {devices}: {row}");
            let syncs = number(row, "syncs");
            let rate = number(row, "syncs_per_s");
            let (p50, p99) = (number(row, "p50_ms"), number(row, "p99_ms"));
            assert!(syncs >= 1.0 && rate > 0.0, "{row}");
            assert!(0.0 < p50 && p50 <= p99 && p99 < 30_000.0, "{row}");
            // The single-answer sync: Kosh's protocol needs one request, CouchDB's three.
            let round_trips = number(row, "single_answer_round_trips");
            let bytes = number(row, "single_answer_bytes");
            let expected = if target == "peer" { 3.0 } else { 1.0 };
            assert_eq!(round_trips, expected, "{row}");
            assert_eq!(number(row, "round_trips_per_sync"), expected, "{row}");
            // At least a request line, headers and one op each way; far under a megabyte.
            assert!((300.0..100_000.0).contains(&bytes), "{row}");
            let per_sync = number(row, "bytes_per_sync");
            assert!((300.0..1_000_000.0).contains(&per_sync), "{row}");
            let memory = number(row, "peak_memory_mib");
            assert!((1.0..4096.0).contains(&memory), "{row}");
        }
    }
    // Two devices of one applicant: each sync pulls what the partner pushed, also when the two
    // sync through different processes on one database.
    for target in ["kosh", "kosh_postgres", "kosh_postgres_pair"] {
        let pair = rows
            .iter()
            .find(|r| r["target"] == target && r["devices"] == 2)
            .unwrap();
        assert!(number(pair, "pulled_per_sync") > 0.0, "{pair}");
    }
    let ratios = report["ratios"].as_array().unwrap();
    assert_eq!(ratios.len(), 2);
    for field in [
        "kosh_over_limit",
        "kosh_over_durable",
        "durable_over_limit",
        "postgres_over_sled",
        "postgres_two_over_one",
    ] {
        assert!(
            ratios.iter().all(|r| r[field].as_f64().is_some()),
            "{field}: {ratios:?}"
        );
    }
    // Issue 7's and 17's seven, issue 16's four, a p99 per live-sync row and the memory of the
    // largest.
    assert_eq!(report["checks"].as_array().unwrap().len(), 14);
    // Live sync, 2 and 4 phones waiting: every push reached every phone, in sane times.
    let live = report["live"].as_array().unwrap();
    assert_eq!(live.len(), 2, "{live:?}");
    for (row, waiting) in live.iter().zip([2, 4]) {
        assert!(row["failure"].is_null(), "{row}");
        assert_eq!(row["waiting"], waiting, "{row}");
        assert_eq!(
            row["samples"],
            row["pushes"].as_u64().unwrap() * (waiting / row["accounts"].as_u64().unwrap()),
            "{row}"
        );
        let (p50, p99) = (
            row["p50_ms"].as_f64().unwrap(),
            row["p99_ms"].as_f64().unwrap(),
        );
        assert!(0.0 < p50 && p50 <= p99 && p99 < 20_000.0, "{row}");
        assert!(row["memory_mib"].as_f64().unwrap() > 1.0, "{row}");
    }
    assert!(markdown.contains("Live sync (issue 14)"), "{markdown}");
    // Kosh's store alone and sled alone, at the judged device count (2 in the smoke run).
    assert_eq!(report["floor_failures"], serde_json::json!([]), "{report}");
    let floors = report["floors"].as_array().unwrap();
    assert_eq!(floors.len(), 2, "{floors:?}");
    for floor in floors {
        assert_eq!(floor["devices"], 2, "{floor}");
        assert!(floor["syncs"].as_u64().unwrap() > 0, "{floor}");
    }
    // The app side: validation and scoring timed, the web build measured or "not built".
    let app = report["app"].as_array().unwrap();
    assert_eq!(app.len(), 3, "{app:?}");
    for timed in &app[..2] {
        let result = timed["result"].as_str().unwrap();
        assert!(result.ends_with(" µs"), "{timed}");
        assert!(
            result.trim_end_matches(" µs").parse::<f64>().unwrap() > 0.0,
            "{timed}"
        );
    }
    assert!(
        app[0]["how"].as_str().unwrap().contains("(valid)"),
        "{app:?}"
    );
    let wasm = app[2]["result"].as_str().unwrap();
    assert!(wasm == "not built" || wasm.contains("KiB"), "{wasm}");
    if let Some(why) = peer_skipped {
        println!("smoke: the peer (PouchDB Server) was skipped: {why}");
    }
}
