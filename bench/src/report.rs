//! The result of a run: one row per target and device count, the ratios, the targets
//! judged against the numbers, the app side, and the markdown that goes to the terminal and to
//! BENCHMARKS.md.

use std::fmt::Write;

use serde::Serialize;

use crate::app_side::AppMeasure;
use crate::live::LiveRow;
use crate::machine::Machine;
use crate::store_floor::{SYNC_EVERY, StoreFloor};
use crate::targets::Target;

/// The line after which BENCHMARKS.md holds hand-written analysis that a new run keeps.
pub const ANALYSIS_MARKER: &str = "<!-- analysis below: written by hand, kept by kosh-bench -->";

/// The device count the targets are judged at.
pub const TARGET_DEVICES: usize = 16;

/// What one target did under one load.
#[derive(Debug, Clone, Serialize)]
pub struct Measured {
    pub syncs: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub seconds: f64,
    pub syncs_per_s: f64,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub bytes_per_sync: Option<f64>,
    pub round_trips_per_sync: Option<f64>,
    pub pulled_per_sync: Option<f64>,
    /// The single-answer probe: bytes and round trips of one sync that pushes one answer
    /// and pulls one.
    pub single_answer_bytes: Option<u64>,
    pub single_answer_round_trips: Option<u32>,
    pub single_answer_error: Option<String>,
    /// The server's peak resident memory (VmHWM), MiB.
    pub peak_memory_mib: Option<f64>,
    /// True when the peak was reset after setup, so it is the load's alone.
    pub peak_memory_of_load_only: bool,
    /// CPU time the server used during the load, per completed sync, µs.
    pub server_cpu_us_per_sync: Option<f64>,
    /// CPU time the load generator (this process) used during the load, per sync, µs.
    pub client_cpu_us_per_sync: Option<f64>,
}

/// One line of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub target: Target,
    pub label: String,
    pub devices: usize,
    pub measured: Option<Measured>,
    /// Why the target could not be measured at all.
    pub failure: Option<String>,
}

/// Kosh's syncs per second divided by another target's, at one device count.
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    pub devices: usize,
    pub kosh_over_limit: Option<f64>,
    pub kosh_over_durable: Option<f64>,
    pub kosh_over_naive: Option<f64>,
    /// The most any durable server could reach here, as a share of the no-storage limit.
    pub durable_over_limit: Option<f64>,
    pub kosh_over_peer: Option<f64>,
    /// Kosh on PostgreSQL (one process) as a share of Kosh on sled.
    pub postgres_over_sled: Option<f64>,
    /// Two Kosh processes on one database as a multiple of one.
    pub postgres_two_over_one: Option<f64>,
}

/// One of the targets, judged.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub what: String,
    pub wanted: String,
    pub got: String,
    /// `None` when the run has no number to judge it by.
    pub met: Option<bool>,
}

/// Everything a run found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub date: String,
    pub command: String,
    pub machine: Machine,
    pub seconds_per_row: f64,
    pub max_syncs_per_device: u64,
    pub device_counts: Vec<usize>,
    /// How Kosh's server was started (the release binary, or the library for the smoke run).
    pub kosh_server: String,
    pub rows: Vec<Row>,
    pub ratios: Vec<Ratio>,
    pub checks: Vec<Check>,
    /// Kosh's store alone under the same load, in-process (the most the server could do),
    /// then sled alone doing what any sync must (the most any server on sled could do).
    pub floors: Vec<StoreFloor>,
    /// Why a floor was not measured.
    pub floor_failures: Vec<String>,
    /// Live sync: a push reaching phones waiting in `GET /v1/sync/wait`, per number waiting.
    pub live: Vec<LiveRow>,
    pub app: Vec<AppMeasure>,
}

impl Report {
    /// The row of `target` at `devices`, if it was measured.
    pub fn measured(&self, target: Target, devices: usize) -> Option<&Measured> {
        self.rows
            .iter()
            .find(|r| r.target == target && r.devices == devices)
            .and_then(|r| r.measured.as_ref())
    }

    /// Fills in the ratios and the checks from the rows.
    pub fn judge(&mut self) {
        self.ratios = self
            .device_counts
            .iter()
            .map(|&devices| {
                let rate = |t| self.measured(t, devices).map(|m| m.syncs_per_s);
                let ratio = |a, b| match (rate(a), rate(b)) {
                    (Some(a), Some(b)) if b > 0.0 => Some(a / b),
                    _ => None,
                };
                Ratio {
                    devices,
                    kosh_over_limit: ratio(Target::Kosh, Target::Limit),
                    kosh_over_durable: ratio(Target::Kosh, Target::Durable),
                    kosh_over_naive: ratio(Target::Kosh, Target::Naive),
                    durable_over_limit: ratio(Target::Durable, Target::Limit),
                    kosh_over_peer: ratio(Target::Kosh, Target::Peer),
                    postgres_over_sled: ratio(Target::KoshPostgres, Target::Kosh),
                    postgres_two_over_one: ratio(Target::KoshPostgresPair, Target::KoshPostgres),
                }
            })
            .collect();
        let at = self.judged_devices();
        let ratio = self.ratios.iter().find(|r| r.devices == at);
        let kosh = self.measured(Target::Kosh, at);
        let mut checks = Vec::new();
        checks.push(at_least(
            format!("Kosh ÷ peer syncs/s at {at} devices"),
            ratio.and_then(|r| r.kosh_over_peer),
            5.0,
        ));
        checks.push(at_least(
            format!("Kosh ÷ no-storage limit syncs/s at {at} devices"),
            ratio.and_then(|r| r.kosh_over_limit),
            0.5,
        ));
        checks.push(at_least(
            format!("Kosh ÷ durable limit syncs/s at {at} devices"),
            ratio.and_then(|r| r.kosh_over_durable),
            0.6,
        ));
        let peak = kosh.and_then(|m| m.peak_memory_mib);
        checks.push(Check {
            what: format!("Kosh server peak memory at {at} devices"),
            wanted: "< 64 MiB".into(),
            got: peak.map_or("—".into(), |p| format!("{p:.1} MiB")),
            met: peak.map(|p| p < 64.0),
        });
        let round_trips = kosh.and_then(|m| m.single_answer_round_trips);
        checks.push(Check {
            what: "Kosh round trips per single-answer sync".into(),
            wanted: "1".into(),
            got: round_trips.map_or("—".into(), |r| r.to_string()),
            met: round_trips.map(|r| r == 1),
        });
        let bytes = kosh.and_then(|m| m.single_answer_bytes);
        checks.push(Check {
            what: "Kosh bytes on the wire per single-answer sync".into(),
            wanted: "< 2048".into(),
            got: bytes.map_or("—".into(), |b| b.to_string()),
            met: bytes.map(|b| b < 2048),
        });
        let p99 = kosh.and_then(|m| m.p99_ms);
        checks.push(Check {
            what: format!("Kosh p99 latency at {at} devices"),
            wanted: "< 20 ms".into(),
            got: p99.map_or("—".into(), |p| format!("{p:.1} ms")),
            met: p99.map(|p| p < 20.0),
        });
        // Issue 14: every live row's p99, and the memory of the most phones waiting.
        for row in &self.live {
            checks.push(Check {
                what: format!(
                    "Live sync: push → another phone has it, p99 with {} waiting",
                    row.waiting
                ),
                wanted: "< 100 ms".into(),
                got: row.p99_ms.map_or("—".into(), |p| format!("{p:.1} ms")),
                met: row
                    .p99_ms
                    .filter(|_| row.failure.is_none())
                    .map(|p| p < 100.0),
            });
        }
        // Issue 16: Kosh on PostgreSQL, one process and two on one database.
        checks.push(at_least(
            format!("Kosh on PostgreSQL (1 process) ÷ Kosh on sled syncs/s at {at} devices"),
            ratio.and_then(|r| r.postgres_over_sled),
            0.5,
        ));
        let two_over_one = ratio.and_then(|r| r.postgres_two_over_one);
        checks.push(Check {
            what: format!("Kosh on PostgreSQL: 2 processes ÷ 1 syncs/s at {at} devices"),
            wanted: "> 1×".into(),
            got: ratio_text(two_over_one),
            met: two_over_one.map(|r| r > 1.0),
        });
        for target in [Target::KoshPostgres, Target::KoshPostgresPair] {
            let p99 = self.measured(target, at).and_then(|m| m.p99_ms);
            checks.push(Check {
                what: format!("{} p99 latency at {at} devices", target.label()),
                wanted: "< 50 ms".into(),
                got: p99.map_or("—".into(), |p| format!("{p:.1} ms")),
                met: p99.map(|p| p < 50.0),
            });
        }
        if let Some(most) = self.live.iter().max_by_key(|r| r.waiting) {
            let peak = most.peak_memory_mib.or(most.memory_mib);
            checks.push(Check {
                what: format!(
                    "Kosh server memory with {} phones waiting (peak)",
                    most.waiting
                ),
                wanted: "< 64 MiB".into(),
                got: peak.map_or("—".into(), |p| format!("{p:.1} MiB")),
                met: peak.map(|p| p < 64.0),
            });
        }
        self.checks = checks;
    }

    /// 16 devices when measured; otherwise the largest count under 16, or the smallest.
    pub fn judged_devices(&self) -> usize {
        Report::judged_devices_of(&self.device_counts)
    }

    /// [`Report::judged_devices`] of a run over `device_counts`.
    pub fn judged_devices_of(device_counts: &[usize]) -> usize {
        if device_counts.contains(&TARGET_DEVICES) {
            return TARGET_DEVICES;
        }
        device_counts
            .iter()
            .copied()
            .filter(|&d| d < TARGET_DEVICES)
            .max()
            .or_else(|| device_counts.iter().copied().min())
            .unwrap_or(TARGET_DEVICES)
    }

    /// The table, the ratios, the checks and the app side, as markdown.
    pub fn tables(&self) -> String {
        let mut out = String::new();
        out.push_str(
            "| server | devices | syncs/s | p50 ms | p99 ms | bytes/sync | round trips/sync | \
             pulled/sync | 1-answer sync: bytes | 1-answer sync: round trips | peak memory MiB | \
             server CPU µs/sync | load generator CPU µs/sync | failed syncs |\n",
        );
        out.push_str("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for row in &self.rows {
            match (&row.measured, &row.failure) {
                (Some(m), _) => {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {:.0} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                        row.label,
                        row.devices,
                        m.syncs_per_s,
                        opt(m.p50_ms, 2),
                        opt(m.p99_ms, 2),
                        opt(m.bytes_per_sync, 0),
                        opt(m.round_trips_per_sync, 2),
                        opt(m.pulled_per_sync, 2),
                        m.single_answer_bytes.map_or("—".into(), |b| b.to_string()),
                        m.single_answer_round_trips
                            .map_or("—".into(), |r| r.to_string()),
                        opt(m.peak_memory_mib, 1)
                            + if m.peak_memory_of_load_only {
                                ""
                            } else {
                                " (incl. setup)"
                            },
                        opt(m.server_cpu_us_per_sync, 0),
                        opt(m.client_cpu_us_per_sync, 0),
                        if m.errors == 0 {
                            "0".to_owned()
                        } else {
                            format!(
                                "{} ({})",
                                m.errors,
                                one_line(m.first_error.as_deref().unwrap_or(""))
                            )
                        },
                    );
                }
                (None, failure) => {
                    let _ = writeln!(
                        out,
                        "| {} | {} | not measured: {} | | | | | | | | | | | |",
                        row.label,
                        row.devices,
                        one_line(failure.as_deref().unwrap_or("unknown"))
                    );
                }
            }
        }
        out.push_str("\nRatios of syncs per second:\n\n");
        out.push_str(
            "| devices | Kosh ÷ limit | Kosh ÷ durable limit | Kosh ÷ naive | Kosh ÷ peer | \
             durable limit ÷ limit | PostgreSQL ÷ sled | PostgreSQL 2 processes ÷ 1 |\n\
             |--:|--:|--:|--:|--:|--:|--:|--:|\n",
        );
        for r in &self.ratios {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                r.devices,
                ratio_text(r.kosh_over_limit),
                ratio_text(r.kosh_over_durable),
                ratio_text(r.kosh_over_naive),
                ratio_text(r.kosh_over_peer),
                ratio_text(r.durable_over_limit),
                ratio_text(r.postgres_over_sled),
                ratio_text(r.postgres_two_over_one)
            );
        }
        out.push_str(
            "\nThe issues' targets (issue 7: peer, limit, round trips, bytes; issue 17: durable limit, memory, p99; issue 14: live sync; issue 16: PostgreSQL):\n\n| target | wanted | measured | met |\n|---|---|---|---|\n",
        );
        for c in &self.checks {
            let met = match c.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "not measured",
            };
            let _ = writeln!(out, "| {} | {} | {} | {} |", c.what, c.wanted, c.got, met);
        }
        out.push_str(
            "\nThe store alone, in the benchmark's process (no HTTP, no tokens; see below):\n\n\
             | what | devices | threads | syncs/s | CPU µs/sync | ÷ no-storage limit |\n\
             |---|--:|--:|--:|--:|--:|\n",
        );
        for f in &self.floors {
            let limit = self
                .measured(Target::Limit, f.devices)
                .map(|m| m.syncs_per_s)
                .filter(|&rate| rate > 0.0);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.0} | {} | {} |",
                f.what,
                f.devices,
                f.threads,
                f.syncs_per_s,
                opt(f.cpu_us_per_sync, 1),
                ratio_text(limit.map(|l| f.syncs_per_s / l))
            );
        }
        for failure in &self.floor_failures {
            let _ = writeln!(out, "| not measured: {} | | | | | |", one_line(failure));
        }
        out.push_str(
            "\nLive sync (issue 14): from the start of one phone's push until each other phone of \
             the account, waiting in `GET /v1/sync/wait`, has the answer (see below):\n\n\
             | phones waiting | accounts | pushes | samples | p50 ms | p99 ms | memory idle MiB | \
             memory, all waiting MiB | peak MiB | failure |\n\
             |--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n",
        );
        for l in &self.live {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                l.waiting,
                l.accounts,
                l.pushes,
                l.samples,
                opt(l.p50_ms, 2),
                opt(l.p99_ms, 2),
                opt(l.idle_memory_mib, 1),
                opt(l.memory_mib, 1),
                opt(l.peak_memory_mib, 1),
                one_line(l.failure.as_deref().unwrap_or(""))
            );
        }
        out.push_str("\nThe app side:\n\n| what | result | how |\n|---|---|---|\n");
        for a in &self.app {
            let _ = writeln!(out, "| {} | {} | {} |", a.what, a.result, a.how);
        }
        out
    }

    /// BENCHMARKS.md from `previous` (the file as it was, if any): this run's tables and method,
    /// then whatever `previous` had after [`ANALYSIS_MARKER`].
    pub fn markdown_keeping_analysis(&self, previous: Option<&str>) -> String {
        let mut out = self.markdown();
        if let Some(kept) = previous.and_then(|p| p.split_once(ANALYSIS_MARKER)) {
            out.push('\n');
            out.push_str(ANALYSIS_MARKER);
            out.push_str(kept.1);
        }
        out
    }

    /// BENCHMARKS.md: how to run it, what was measured and how, and this run's tables.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        out.push_str("# Benchmarks: Kosh's sync path against the limit and a peer\n\n");
        out.push_str(
            "Generated by `kosh-bench` (crate `bench/`): run `cargo build --release -p kosh-backend \
             -p kosh-bench && target/release/kosh-bench` again rather than editing the tables; the \
             analysis at the end is kept across runs.\n\n",
        );
        let _ = writeln!(out, "- date: {}", self.date);
        let _ = writeln!(
            out,
            "- machine: {} cores, {} GiB memory, {}, {}",
            self.machine.cores,
            self.machine
                .memory_gib
                .map_or("?".into(), |m| format!("{m:.1}")),
            self.machine.cpu,
            self.machine.os
        );
        let _ = writeln!(out, "- command: `{}`", self.command);
        let _ = writeln!(out, "- Kosh server: {}", self.kosh_server);
        let _ = writeln!(
            out,
            "- each row: {} s of load (at most {} syncs per device), after every device caught \
             up once",
            self.seconds_per_row, self.max_syncs_per_device
        );
        out.push('\n');
        out.push_str(&self.tables());
        out.push('\n');
        out.push_str(&METHOD.replace("%SYNC_EVERY%", &SYNC_EVERY.to_string()));
        out
    }
}

const METHOD: &str = "## How it is measured

- **One run, one machine, side by side.** For each device count every server runs in turn as a
  child process of the benchmark, each in a fresh temporary directory, under the same load from
  the same load generator (in the benchmark's process, on the same cores: this machine's cores
  are shared by the server and the load, so absolute numbers drift; the ratios are the point).
- **The load.** N simulated devices, two per applicant sharing one draft of the residence form
  (`shared/forms/residence-2026.v2.json`). In a closed loop with no think time, each sync pushes
  one to three answers to different questions (each question's own example as the value: dates,
  choices, yes/no, text, now and then a whole repeat group) and pulls the partner device's
  changes. A sync counts only when every pushed op is acknowledged. Every loop is bounded in time
  and in count, on 127.0.0.1 only.
- **Latency** is per sync (all its round trips), p50 and p99 by nearest rank.
- **Bytes on the wire** are counted at the HTTP layer: every byte the client writes to and reads
  from its TCP socket for the sync's requests, so request lines, all headers, chunked framing and
  both bodies (no TLS, no TCP/IP headers). No compression is asked for (no `Accept-Encoding`).
  **Round trips** are HTTP requests per sync.
- **1-answer sync** is a separate probe on a fresh pair of devices: device B pushes one answer,
  then device A pushes one answer (`education.level`) and pulls B's; A's sync is measured.
- **Peak memory** is the server process's `VmHWM` from `/proc/<pid>/status` at the end of its
  row, reset (`/proc/<pid>/clear_refs`) once the accounts or databases are set up, so it is the
  peak under the sync load and the probe, not argon2's 19 MiB per registration; `(incl. setup)`
  marks a row where the kernel refused the reset.
- **CPU per sync** is the CPU time (user + system, `/proc/<pid>/stat`) the server process and
  the load generator used during the load, divided by the syncs completed: it shows where the two
  shared cores went (10 ms clock ticks, so it is precise over a whole row, not per request).
- **Kosh** is the real server (`kosh-backend serve`, release build, default settings and
  logging) with a temporary sled store; devices register an account each (not timed) and sync
  with their access token. Its acks are durable: the group commit writes the pushes' journal
  records and `fdatasync`s them, once for all the requests waiting, before answering.
- **Kosh on PostgreSQL** is the same server with `KOSH_DATABASE_URL` set: a database of its own
  per row on a PostgreSQL 15 that the run starts from Debian's `postgresql` package in a
  temporary directory (Unix socket only, default settings, `synchronous_commit` on, so every
  acknowledged sync is committed to disk), or the one `KOSH_BENCH_DATABASE_URL` names. With two
  processes the two phones of each applicant sync through different processes, as behind a load
  balancer without sticky sessions. PostgreSQL's own processes share the machine's two cores
  but are not counted in the server's CPU or memory columns.
- **The no-storage limit** (`kosh-bench serve-limit`) is a minimal axum server that parses the
  same request into the same wire types and answers the same JSON, storing nothing: it returns the
  request's own ops as `changes` (the partner device pushes as many, so the answer has Kosh's size
  and shape). It checks no token.
- **The durable limit** (`kosh-bench serve-limit --group-commit-file`) is the limit plus an
  ideal group commit: each request is appended to one file's buffer, and one thread writes
  everything waiting and `fdatasync`s once for all of it before those requests are answered. No
  token, no index, no reads: no server with durable acknowledgements can be faster on this
  machine, so `durable limit ÷ limit` is the ceiling for `Kosh ÷ limit`.
- **The naive durable server** (`kosh-bench serve-limit --fsync-file`) is the limit plus one
  append of the request to a file and one `fsync` per request, one at a time.
- **The peer** is PouchDB Server 4.2.0 (npm, pinned in `bench/peer/package-lock.json`, installed
  with `npm ci`), LevelDB in a temporary directory, default settings and logging. Each applicant
  has a database, each answer is a document `<draft>:<question>` (the same per-field granularity
  as Kosh, the smallest documents the protocol allows). One sync is the lean core of CouchDB
  replication: `POST _revs_diff`, `POST _bulk_docs` (`new_edits: false`), then
  `GET _changes?include_docs=true` since the last sequence. PouchDB's own replicator adds a
  database-info request, checkpoint reads and writes (`_local` documents) and fetches documents
  separately, so the peer's real cost is higher than shown. It sends no credentials (admin party)
  and LevelDB does not fsync its writes by default: both favour the peer.
- **The store alone.** Kosh's own `SledStore`, opened in the benchmark's process, driven by one
  thread per core with the same devices and load as the judged row (pushes of one to three
  answers, then a pull of the partner's changes), but with no HTTP, no token, no request to
  parse and no answer to encode, and the journal synced once every %SYNC_EVERY% syncs. The
  server does at least this much per sync, on the same cores, so its rate bounds the server's.
  Under it, **sled alone** does only the reads and writes any durable sync on sled needs (is
  the login active, the draft's header read and written, for each op a seen-check, its
  register read and written, its log entry and its seen mark, then the range read of the pull),
  with values encoded beforehand, log positions kept in memory, and no lock between pushes: the
  bound of any server built on sled, this machine's two cores given to sled alone.
- **Live sync** runs Kosh again, fresh, for each number of waiting phones: they are spread over
  a few accounts (20 phones each when there are many; one login per account, each phone its own
  device id and its own connection), and each waits in `GET /v1/sync/wait` with its device id,
  syncs the moment the answer says another device pushed, and waits again. A pusher of one
  account pushes one answer (a durable `POST /v1/sync`) and the time runs from just before that
  request until each waiting phone of the account has the answer in its own sync; the next push
  starts when all of them have it. A first push on every account warms up and is not counted;
  the server's `VmRSS` is read before the phones connect and right after that warm-up (every
  phone waiting), and its `VmHWM` is reset before they connect and read at the end.
- **The app side** is timed in-process (the shared crate's own code, the same the phone runs) and
  the web build's size is its `.wasm` gzipped at level 9, when `target/kosh-web` exists.
";

fn opt(value: Option<f64>, decimals: usize) -> String {
    value.map_or("—".into(), |v| format!("{v:.decimals$}"))
}

/// The check that a ratio of syncs per second is at least `least`.
fn at_least(what: String, ratio: Option<f64>, least: f64) -> Check {
    Check {
        what,
        wanted: format!("≥ {least}×"),
        got: ratio_text(ratio),
        met: ratio.map(|r| r >= least),
    }
}

fn ratio_text(value: Option<f64>) -> String {
    value.map_or("—".into(), |r| format!("{r:.2}×"))
}

fn one_line(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| if c == '\n' || c == '|' { ' ' } else { c })
        .take(160)
        .collect();
    line.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        Report {
            date: "2026-11-23 19:30 UTC".into(),
            command: "target/release/kosh-bench".into(),
            machine: Machine::this(),
            seconds_per_row: 10.0,
            max_syncs_per_device: 100,
            device_counts: vec![1, 16],
            kosh_server: "test".into(),
            rows: vec![],
            ratios: vec![],
            checks: vec![],
            floors: vec![],
            floor_failures: vec![],
            live: vec![],
            app: vec![],
        }
    }

    #[test]
    fn a_new_run_keeps_the_hand_written_analysis() {
        let previous = format!("# old tables\n| 1 |\n{ANALYSIS_MARKER}\n## Why\nbecause\n");
        let text = report().markdown_keeping_analysis(Some(&previous));
        assert!(!text.contains("old tables"), "{text}");
        assert!(
            text.ends_with(&format!("{ANALYSIS_MARKER}\n## Why\nbecause\n")),
            "{text}"
        );
        assert!(
            !report()
                .markdown_keeping_analysis(None)
                .contains(ANALYSIS_MARKER)
        );
    }

    #[test]
    fn missing_rows_are_judged_not_measured() {
        let mut r = report();
        r.judge();
        assert_eq!(r.judged_devices(), 16);
        assert_eq!(
            r.checks.len(),
            11,
            "issue 7 and 17's seven, issue 16's four"
        );
        assert!(r.checks.iter().all(|c| c.met.is_none()));
    }
}
