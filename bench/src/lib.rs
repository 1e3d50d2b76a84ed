//! kosh-bench: Kosh's sync path measured side by side with the limit (a server that stores
//! nothing, and one that fsyncs every request) and a peer (PouchDB Server), in one run, plus
//! live sync (a push reaching waiting phones) and the app side. `run` does one whole run and returns the report; the binary prints it and writes
//! BENCHMARKS.md.
#![forbid(unsafe_code)]

pub mod app_side;
pub mod couch_protocol;
pub mod device;
pub mod error;
pub mod kosh_protocol;
pub mod kosh_server;
pub mod limit;
pub mod live;
pub mod load;
pub mod machine;
pub mod peer;
pub mod postgres;
pub mod process;
pub mod report;
pub mod store_floor;
pub mod targets;
pub mod wire;
pub mod workload;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use error::{BenchError, BenchResult};
pub use report::Report;

use crate::load::{LoadOutcome, LoadSpec};
use crate::machine::Machine;
use crate::process::cpu_seconds_of;
use crate::report::{Measured, Row};
use crate::targets::{KoshLaunch, Launcher, Target, fleet};
use crate::workload::AnswerPool;

/// The workspace this benchmark was built in (for BENCHMARKS.md, the peer and the web build).
pub fn workspace_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map_or(manifest.clone(), PathBuf::from)
}

/// What one run measures and how long.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub device_counts: Vec<usize>,
    /// The servers to measure, in this order for each device count.
    pub targets: Vec<Target>,
    pub duration: Duration,
    pub max_syncs_per_device: u64,
    pub seed: u64,
    /// Time spent timing each app-side function.
    pub app_budget: Duration,
    /// Phones waiting in `GET /v1/sync/wait` at once, one live-sync row each (Kosh only).
    pub live_waiting: Vec<usize>,
    /// Timed pushes per live-sync row.
    pub live_pushes: usize,
    pub launcher: Launcher,
    /// The command line, for the report.
    pub command: String,
}

/// One whole run: every target at every device count, then the app side.
pub async fn run(config: &RunConfig) -> BenchResult<Report> {
    let pool = Arc::new(AnswerPool::residence_2026()?);
    let spec = LoadSpec {
        duration: config.duration,
        max_syncs_per_device: config.max_syncs_per_device,
        seed: config.seed,
    };
    let mut token_len = None;
    let mut rows = Vec::new();
    for &devices in &config.device_counts {
        for &target in &config.targets {
            eprintln!("kosh-bench: {} with {devices} devices", target.label());
            let row = measure(
                &config.launcher,
                target,
                devices,
                &pool,
                spec,
                &mut token_len,
            )
            .await;
            if let Some(failure) = &row.failure {
                eprintln!("kosh-bench:   not measured: {failure}");
            }
            rows.push(row);
        }
    }
    let floor_devices = Report::judged_devices_of(&config.device_counts);
    eprintln!("kosh-bench: the store alone with {floor_devices} devices");
    let (mut floors, mut floor_failures) = (Vec::new(), Vec::new());
    for floor in [
        store_floor::measure(&pool, floor_devices, config.duration, config.seed),
        store_floor::sled_minimum(&pool, floor_devices, config.duration, config.seed),
    ] {
        match floor {
            Ok(floor) => floors.push(floor),
            Err(err) => {
                eprintln!("kosh-bench:   not measured: {err}");
                floor_failures.push(err.to_string());
            }
        }
    }
    let mut live = Vec::new();
    if config.targets.contains(&Target::Kosh) {
        for &waiting in &config.live_waiting {
            eprintln!("kosh-bench: live sync with {waiting} phones waiting");
            let row = match config.launcher.start(Target::Kosh).await {
                Ok(server) => {
                    let row = live::measure(&server, waiting, config.live_pushes, &pool).await;
                    server.stop().await;
                    row
                }
                Err(err) => live::LiveRow::failed(waiting, err.to_string()),
            };
            if let Some(failure) = &row.failure {
                eprintln!("kosh-bench:   {failure}");
            }
            live.push(row);
        }
    }
    eprintln!("kosh-bench: the app side");
    let mut app = app_side::validation_and_scoring(config.app_budget);
    app.push(app_side::wasm_size(&app_side::web_build_dir(
        &workspace_dir(),
    )));
    let mut report = Report {
        date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        command: config.command.clone(),
        machine: Machine::this(),
        seconds_per_row: config.duration.as_secs_f64(),
        max_syncs_per_device: config.max_syncs_per_device,
        device_counts: config.device_counts.clone(),
        kosh_server: match &config.launcher.kosh {
            KoshLaunch::Binary(path) => {
                let workspace = workspace_dir();
                let shown = path.strip_prefix(&workspace).unwrap_or(path);
                format!("`{} serve`", shown.display())
            }
            KoshLaunch::Library => {
                "kosh-backend's library in `kosh-bench serve-kosh` (smoke run; no request logs)"
                    .into()
            }
        },
        rows,
        ratios: Vec::new(),
        checks: Vec::new(),
        floors,
        floor_failures,
        live,
        app,
    };
    report.judge();
    Ok(report)
}

async fn measure(
    launcher: &Launcher,
    target: Target,
    devices: usize,
    pool: &Arc<AnswerPool>,
    spec: LoadSpec,
    token_len: &mut Option<usize>,
) -> Row {
    let mut row = Row {
        target,
        label: target.label().to_owned(),
        devices,
        measured: None,
        failure: None,
    };
    let mut server = match launcher.start_all(target).await {
        Ok(server) => server,
        Err(err) => {
            row.failure = Some(err.to_string());
            return row;
        }
    };
    let mut peak_reset = false;
    let mut cpu = (None, None);
    let measured = async {
        let fleet = fleet(target, &server.addrs(), devices, token_len).await?;
        peak_reset = server.reset_peak_memory();
        let before = (server.cpu_seconds(), cpu_seconds_of("self"));
        let (outcome, loaded) = load::run(fleet.devices, pool.clone(), spec).await?;
        let after = (server.cpu_seconds(), cpu_seconds_of("self"));
        cpu = (
            before.0.zip(after.0).map(|(b, a)| a - b),
            before.1.zip(after.1).map(|(b, a)| a - b),
        );
        let (mut a, mut b) = fleet.probe;
        let single = load::single_answer(&mut a, &mut b, pool).await;
        drop(loaded);
        Ok::<_, BenchError>((outcome, single))
    }
    .await;
    let peak = server.peak_memory_kib();
    let alive = server.is_running();
    server.stop().await;
    match measured {
        Ok((outcome, single)) => {
            let mut m = summarise(&outcome);
            m.peak_memory_mib = peak.map(|kib| kib as f64 / 1024.0);
            m.peak_memory_of_load_only = peak_reset;
            let per_sync = |seconds: Option<f64>| {
                seconds
                    .filter(|_| outcome.syncs > 0)
                    .map(|s| s * 1e6 / outcome.syncs as f64)
            };
            m.server_cpu_us_per_sync = per_sync(cpu.0);
            m.client_cpu_us_per_sync = per_sync(cpu.1);
            match single {
                Ok(cost) => {
                    m.single_answer_bytes = Some(cost.bytes);
                    m.single_answer_round_trips = Some(cost.round_trips);
                }
                Err(err) => m.single_answer_error = Some(err.to_string()),
            }
            if !alive && m.first_error.is_none() {
                m.first_error = Some("the server exited during the run".into());
            }
            row.measured = Some(m);
        }
        Err(err) => {
            row.failure = Some(if alive {
                err.to_string()
            } else {
                format!("the server exited: {err}")
            });
        }
    }
    row
}

fn summarise(outcome: &LoadOutcome) -> Measured {
    Measured {
        syncs: outcome.syncs,
        errors: outcome.errors,
        first_error: outcome.first_error.clone(),
        seconds: outcome.elapsed.as_secs_f64(),
        syncs_per_s: outcome.syncs_per_second(),
        p50_ms: outcome.latency_ms(0.50),
        p99_ms: outcome.latency_ms(0.99),
        bytes_per_sync: outcome.per_sync(outcome.bytes),
        round_trips_per_sync: outcome.per_sync(outcome.round_trips),
        pulled_per_sync: outcome.per_sync(outcome.pulled),
        single_answer_bytes: None,
        single_answer_round_trips: None,
        single_answer_error: None,
        peak_memory_mib: None,
        peak_memory_of_load_only: false,
        server_cpu_us_per_sync: None,
        client_cpu_us_per_sync: None,
    }
}
