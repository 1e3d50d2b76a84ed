//! `kosh-backend`: the command line around the library. `serve` (the default) runs the server;
//! `create-officer` adds an officer account to the data directory; `policy publish` and
//! `form publish` publish reference data into it while no server runs.
#![forbid(unsafe_code)]

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use kosh_backend::{AppState, Settings, serve};
use kosh_shared::api::Role;
use tokio::net::TcpListener;

const ENVIRONMENT: &str = "\
Environment variables:
  KOSH_ADDR        address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  KOSH_DATA_DIR    where the store and the generated JWT secret live (default ./kosh-data)
  KOSH_JWT_SECRET  secret that signs access tokens (default: generated once into KOSH_DATA_DIR)
  KOSH_WEB_DIR     the built web app, served at / (default: none)
  KOSH_DATABASE_URL  postgres://user:password@host/db: keep everything in PostgreSQL instead
                   of KOSH_DATA_DIR, shared by any number of server processes (each given the
                   same KOSH_JWT_SECRET, which is then required); ?sslmode=verify-full for TLS
  KOSH_MAX_CONNECTIONS      connections held at once; more get 503 (default 10000, kept below
                            the open-file limit, whose soft value is raised to the hard one)
  KOSH_HEADER_TIMEOUT_SECS  time to send a request's headers, and the most a kept-alive
                            connection may sit idle (default 30)
  KOSH_DISK_RESERVE_MB      free disk kept; below it writes get 503 storage_full (default 32)
  KOSH_SYNC_WAIT_SECS       how long GET /v1/sync/wait holds a phone with nothing new (default 25)
  KOSH_ATTACHMENT_QUOTA_MB  photos of documents one user may keep, in MiB (default 50)
  KOSH_TRUSTED_PROXIES      reverse proxies (addresses or networks, comma-separated) whose
                            X-Forwarded-For names the client for login throttling (default:
                            none, the header is ignored; see docs/DEPLOYING.md)
  RUST_LOG         log filter, e.g. info or kosh_backend=debug (default info); logs go to stderr";

/// Kosh's sync server.
#[derive(Debug, Parser)]
#[command(version, about, after_help = ENVIRONMENT)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default). Prints `listening on http://<address>` once it accepts
    /// connections; SIGTERM or Ctrl-C finishes requests in flight, flushes and exits 0.
    #[command(after_help = ENVIRONMENT)]
    Serve,
    /// Create an officer account in KOSH_DATA_DIR (or KOSH_DATABASE_URL); the password is read
    /// from standard input.
    /// Refuses (non-zero exit) while a server holds the data directory.
    #[command(after_help = ENVIRONMENT)]
    CreateOfficer {
        /// The officer's email address.
        #[arg(long)]
        email: String,
    },
    /// Policy bundles: `policy publish FILE` publishes one into KOSH_DATA_DIR (or
    /// KOSH_DATABASE_URL, where running servers take it up at once).
    Policy {
        #[command(subcommand)]
        action: Publish,
    },
    /// Questionnaire versions: `form publish FILE` publishes one into KOSH_DATA_DIR (or
    /// KOSH_DATABASE_URL, where running servers take it up at once).
    Form {
        #[command(subcommand)]
        action: Publish,
    },
}

#[derive(Debug, Subcommand)]
enum Publish {
    /// Check FILE with the loader the app uses and publish it, as an officer's PUT or POST
    /// would; every problem is listed and nothing is published if there is one. Refuses
    /// (non-zero exit) while a server holds the data directory: publish over HTTP then.
    #[command(after_help = ENVIRONMENT)]
    Publish {
        /// The JSON file.
        file: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let mut settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("kosh-backend: {err}");
            return ExitCode::from(2);
        }
    };
    if let Some(open_files) = kosh_backend::connections::raise_open_file_limit() {
        settings.connections = settings.connections.within_open_files(open_files);
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("kosh-backend: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => runtime.block_on(run_server(settings)),
        Command::CreateOfficer { email } => runtime.block_on(create_officer(settings, email)),
        Command::Policy {
            action: Publish::Publish { file },
        } => runtime.block_on(publish(settings, Kind::Policy, file)),
        Command::Form {
            action: Publish::Publish { file },
        } => runtime.block_on(publish(settings, Kind::Form, file)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("kosh-backend: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run_server(settings: Settings) -> Result<(), String> {
    tracing::info!(?settings, "starting");
    if let Some(web) = settings
        .web_dir
        .as_ref()
        .filter(|dir| !dir.join("index.html").is_file())
    {
        tracing::warn!(web_dir = %web.display(), "KOSH_WEB_DIR has no index.html: the app will not load");
    }
    let listener = TcpListener::bind(settings.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", settings.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
    let shutdown = shutdown_signal()?;
    // The one line on stdout: scripts and tests wait for it instead of sleeping.
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{addr}").map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())?;
    drop(stdout);
    serve(listener, state, shutdown)
        .await
        .map_err(|e| e.to_string())
}

/// The future that resolves on SIGTERM or Ctrl-C. The handlers are installed here, before the
/// `listening on` line: installed on the future's first poll instead, a SIGTERM sent by a
/// script the moment it read that line could find the default action still in place and kill
/// the process without draining or flushing.
fn shutdown_signal() -> Result<impl Future<Output = ()> + Send + 'static, String> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate())
            .map_err(|e| format!("cannot listen for SIGTERM: {e}"))?;
        let mut interrupt = signal(SignalKind::interrupt())
            .map_err(|e| format!("cannot listen for Ctrl-C: {e}"))?;
        Ok(async move {
            tokio::select! {
                _ = term.recv() => {},
                _ = interrupt.recv() => {},
            }
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
}

async fn create_officer(settings: Settings, email: String) -> Result<(), String> {
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .map_err(|e| format!("reading the password from standard input: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
    let user =
        kosh_backend::accounts::create_account(&state, &email, password, Role::Officer, None)
            .await
            .map_err(|e| format!("cannot create the officer: {e}"))?;
    state.store.close().await.map_err(|e| e.to_string())?;
    println!("created officer {} ({})", user.email, user.id);
    Ok(())
}

/// What `publish` publishes.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Policy,
    Form,
}

/// `policy publish FILE` / `form publish FILE`: the HTTP publication's twin for a stopped
/// server, with the same checks and the same outcome.
async fn publish(settings: Settings, kind: Kind, file: std::path::PathBuf) -> Result<(), String> {
    use kosh_backend::error::ApiError;
    use kosh_backend::reference::Outcome;
    let text =
        std::fs::read_to_string(&file).map_err(|e| format!("reading {}: {e}", file.display()))?;
    let state = AppState::open(settings).await.map_err(|e| e.to_string())?;
    let store = state.store.as_ref();
    let result = match kind {
        Kind::Policy => {
            // The id is the bundle's own: read it leniently here, the loader checks the rest.
            let id = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("id").and_then(|id| id.as_str()).map(str::to_owned))
                .unwrap_or_default();
            state.reference.publish_policy(store, &id, &text).await
        }
        Kind::Form => state.reference.publish_form(store, &text).await,
    };
    let outcome = match result {
        Ok((outcome, published)) => {
            let what = match published.version {
                Some(v) => format!("form {} version {v}", published.id),
                None => format!("policy bundle {}", published.id),
            };
            match outcome {
                Outcome::Created => println!("published {what} ({})", published.etag),
                Outcome::Replaced => println!("replaced {what} ({})", published.etag),
                Outcome::Unchanged => println!("{what} is already published with this content"),
            }
            Ok(())
        }
        Err(ApiError::InvalidPolicy(problems) | ApiError::InvalidForm(problems)) => {
            let mut lines = vec![format!(
                "{} does not load; nothing was published:",
                file.display()
            )];
            lines.extend(
                problems
                    .iter()
                    .map(|p| format!("  {} [{}]: {}", p.path, p.code, p.message)),
            );
            Err(lines.join("\n"))
        }
        Err(other) => Err(other.to_string()),
    };
    state.store.close().await.map_err(|e| e.to_string())?;
    outcome
}
