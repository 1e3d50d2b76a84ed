//! `kosh-bench`: the command line around the library. With no subcommand it runs the whole
//! benchmark, prints the table and writes BENCHMARKS.md; `serve-limit` and `serve-kosh` are the
//! child processes it starts.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};
use kosh_bench::limit::Durability;
use kosh_bench::postgres::BenchPostgres;
use kosh_bench::targets::{KoshLaunch, Launcher, PostgresLaunch, Target};
use kosh_bench::{RunConfig, peer, workspace_dir};

/// Kosh's sync path against a no-storage limit, a durable limit, a naive fsync server and
/// PouchDB Server, side by side in one run.
#[derive(Debug, Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Child>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Device counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,16,128")]
    devices: Vec<usize>,
    /// The servers to measure (all five by default; fewer for a diagnosis, not for the table).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "kosh,kosh-postgres,kosh-postgres-pair,limit,durable,naive,peer"
    )]
    targets: Vec<Target>,
    /// Seconds of load per server and device count.
    #[arg(long, default_value_t = 10.0)]
    seconds: f64,
    /// At most this many syncs per device per row.
    #[arg(long, default_value_t = 1_000_000)]
    max_syncs_per_device: u64,
    /// Where to write the markdown report; `-` for nowhere. Default: BENCHMARKS.md at the
    /// workspace's root (not written by --smoke unless given).
    #[arg(long)]
    out: Option<String>,
    /// Also write the report as JSON here.
    #[arg(long)]
    json: Option<PathBuf>,
    /// How to start Kosh: the release `kosh-backend` binary next to this one, or its library
    /// inside this binary (`auto`: the binary when it is there).
    #[arg(long, value_enum, default_value_t = KoshMode::Auto)]
    kosh: KoshMode,
    /// The kosh-backend binary (default: next to this binary).
    #[arg(long)]
    kosh_bin: Option<PathBuf>,
    /// Where PouchDB Server's package.json and lock file are.
    #[arg(long)]
    peer_dir: Option<PathBuf>,
    /// Do not run `npm ci` for the peer; skip it if it is not installed.
    #[arg(long)]
    no_install: bool,
    /// Phones waiting at once in the live-sync rows, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "16,1000")]
    live_waiting: Vec<usize>,
    /// Timed pushes per live-sync row.
    #[arg(long, default_value_t = 100)]
    live_pushes: usize,
    /// Seeds the answers the devices push.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// The smoke run: 1 and 2 devices, 1 s each, Kosh from the library, no install, nothing
    /// written unless --out is given. Seconds, not minutes, so it runs with the tests.
    #[arg(long)]
    smoke: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum KoshMode {
    Auto,
    Binary,
    Library,
}

#[derive(Debug, Subcommand)]
enum Child {
    /// The no-storage limit server (with --fsync-file: the naive durable server; with
    /// --group-commit-file: the durable limit). Prints `listening on http://<address>`; runs
    /// until killed.
    ServeLimit {
        /// Append every request to this file and fsync it before answering, one at a time.
        #[arg(long, conflicts_with = "group_commit_file")]
        fsync_file: Option<PathBuf>,
        /// Append every request to this file, one fdatasync for all the requests waiting.
        #[arg(long)]
        group_commit_file: Option<PathBuf>,
    },
    /// Kosh's server from its library, configured by KOSH_* like `kosh-backend serve`.
    ServeKosh,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("kosh-bench: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let served = match cli.command {
        Some(Child::ServeLimit {
            fsync_file,
            group_commit_file,
        }) => {
            let durability = match (fsync_file, group_commit_file) {
                (Some(path), _) => Durability::FsyncEach(path),
                (None, Some(path)) => Durability::GroupCommit(path),
                (None, None) => Durability::None,
            };
            runtime.block_on(kosh_bench::limit::serve(durability))
        }
        Some(Child::ServeKosh) => runtime.block_on(kosh_bench::kosh_server::serve()),
        None => return runtime.block_on(benchmark(cli.run)),
    };
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kosh-bench: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn benchmark(mut args: RunArgs) -> ExitCode {
    if args.smoke {
        args.devices = vec![1, 2];
        args.seconds = args.seconds.min(1.0);
        args.max_syncs_per_device = args.max_syncs_per_device.min(500);
        args.kosh = KoshMode::Library;
        args.no_install = true;
        args.live_waiting = vec![2, 4];
        args.live_pushes = args.live_pushes.min(5);
        if args.out.is_none() {
            args.out = Some("-".into());
        }
    }
    if args.smoke {
        args.targets = Target::ALL.to_vec();
    }
    if args.targets.is_empty() {
        eprintln!("kosh-bench: --targets needs at least one server");
        return ExitCode::from(2);
    }
    if args.devices.is_empty() || args.devices.contains(&0) {
        eprintln!("kosh-bench: --devices needs counts of at least 1");
        return ExitCode::from(2);
    }
    if !(args.seconds.is_finite() && args.seconds > 0.0 && args.seconds <= 3600.0) {
        eprintln!("kosh-bench: --seconds must be more than 0 and at most 3600");
        return ExitCode::from(2);
    }
    if args.live_waiting.contains(&0) {
        eprintln!("kosh-bench: --live-waiting needs counts of at least 1");
        return ExitCode::from(2);
    }
    // A thousand waiting phones are a thousand sockets in this process too.
    let _ = kosh_backend::connections::raise_open_file_limit();
    let bench_exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(err) => {
            eprintln!("kosh-bench: cannot find its own binary: {err}");
            return ExitCode::FAILURE;
        }
    };
    let sibling = bench_exe.with_file_name(format!("kosh-backend{}", std::env::consts::EXE_SUFFIX));
    let kosh_bin = args.kosh_bin.clone().unwrap_or(sibling);
    let kosh = match args.kosh {
        KoshMode::Library => KoshLaunch::Library,
        KoshMode::Binary => KoshLaunch::Binary(kosh_bin),
        KoshMode::Auto if kosh_bin.is_file() => KoshLaunch::Binary(kosh_bin),
        KoshMode::Auto => {
            eprintln!(
                "kosh-bench: {} is not built: running Kosh from its library instead",
                kosh_bin.display()
            );
            KoshLaunch::Library
        }
    };
    let workspace = workspace_dir();
    let peer_dir = args
        .peer_dir
        .clone()
        .unwrap_or_else(|| workspace.join("bench/peer"));
    let peer = peer::prepare(&peer_dir, !args.no_install);
    // Kept until the run ends: a throwaway PostgreSQL stops when it is dropped.
    let mut database = None;
    let postgres = if args
        .targets
        .iter()
        .any(|t| t.is_kosh() && *t != Target::Kosh)
    {
        match BenchPostgres::find_or_start() {
            Ok(found) => {
                if found.is_throwaway() {
                    eprintln!("kosh-bench: started a throwaway PostgreSQL for the PostgreSQL rows");
                }
                let launch = PostgresLaunch::Ready {
                    admin_url: found.admin_url.clone(),
                };
                database = Some(found);
                launch
            }
            Err(err) => {
                eprintln!("kosh-bench: no PostgreSQL for the PostgreSQL rows: {err}");
                PostgresLaunch::Unavailable(err.to_string())
            }
        }
    } else {
        PostgresLaunch::Unavailable("not asked for".into())
    };
    if let kosh_bench::targets::PeerLaunch::Unavailable(why) = &peer {
        eprintln!("kosh-bench: the peer is skipped: {why}");
    }
    let config = RunConfig {
        device_counts: args.devices.clone(),
        targets: args.targets.clone(),
        duration: Duration::from_secs_f64(args.seconds),
        max_syncs_per_device: args.max_syncs_per_device,
        seed: args.seed,
        app_budget: if args.smoke {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(2)
        },
        live_waiting: args.live_waiting.clone(),
        live_pushes: args.live_pushes,
        launcher: Launcher {
            bench_exe: bench_exe.clone(),
            kosh,
            peer,
            postgres,
        },
        command: command_line(&workspace),
    };
    let report = match kosh_bench::run(&config).await {
        Ok(report) => report,
        Err(err) => {
            eprintln!("kosh-bench: {err}");
            return ExitCode::FAILURE;
        }
    };
    drop(database);
    println!("{}", report.tables());
    let out = match args.out.as_deref() {
        Some("-") => None,
        Some(path) => Some(PathBuf::from(path)),
        None => Some(workspace.join("BENCHMARKS.md")),
    };
    if let Some(out) = out {
        let previous = std::fs::read_to_string(&out).ok();
        match std::fs::write(&out, report.markdown_keeping_analysis(previous.as_deref())) {
            Ok(()) => eprintln!("kosh-bench: wrote {}", out.display()),
            Err(err) => {
                eprintln!("kosh-bench: cannot write {}: {err}", out.display());
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(json) = &args.json {
        let written = serde_json::to_vec_pretty(&report)
            .map_err(std::io::Error::other)
            .and_then(|bytes| std::fs::write(json, bytes));
        if let Err(err) = written {
            eprintln!("kosh-bench: cannot write {}: {err}", json.display());
            return ExitCode::FAILURE;
        }
    }
    // Our own servers must be measurable; the peer may be missing (said in the table).
    let broken: Vec<String> = report
        .rows
        .iter()
        .filter(|r| r.target != Target::Peer)
        .filter_map(|r| match (&r.failure, &r.measured) {
            (Some(failure), _) => Some(format!("{} ({}): {failure}", r.label, r.devices)),
            (None, Some(m)) if m.syncs == 0 => {
                Some(format!("{} ({}): no sync completed", r.label, r.devices))
            }
            _ => None,
        })
        .collect();
    if broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        for line in broken {
            eprintln!("kosh-bench: {line}");
        }
        ExitCode::FAILURE
    }
}

/// The command as run, with this binary's path relative to the workspace.
fn command_line(workspace: &std::path::Path) -> String {
    let mut args = std::env::args();
    let exe = args.next().unwrap_or_else(|| "kosh-bench".into());
    let exe = std::path::Path::new(&exe)
        .strip_prefix(workspace)
        .map_or(exe.clone(), |p| p.display().to_string());
    std::iter::once(exe)
        .chain(args)
        .collect::<Vec<_>>()
        .join(" ")
}
