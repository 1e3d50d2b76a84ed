//! The servers measured side by side, how each is started, and the simulated devices each one
//! gets: devices come in pairs, two phones of one applicant sharing one draft, plus one extra
//! pair for the single-answer probe. With two Kosh processes on one database, the two phones of
//! an applicant sync through different processes, as behind a load balancer without sticky
//! sessions.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Serialize;
use tokio::process::Command;

use crate::couch_protocol::{CouchDevice, create_database};
use crate::device::Device;
use crate::error::{BenchError, BenchResult};
use crate::kosh_protocol::{KoshDevice, register};
use crate::process::{ReadyLine, ServerProcess, free_port};
use crate::wire::Connection;

/// Devices per applicant.
pub const DEVICES_PER_APPLICANT: usize = 2;

/// The bearer token's length for the limit servers when no Kosh token was seen yet: about a
/// Kosh access token's, so request headers weigh the same.
const DEFAULT_TOKEN_LEN: usize = 300;

/// A server the load is run against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Kosh,
    /// Kosh with `KOSH_DATABASE_URL`: one process on PostgreSQL.
    KoshPostgres,
    /// Two Kosh processes on one PostgreSQL database.
    KoshPostgresPair,
    Limit,
    /// The durable limit: the no-storage limit plus an ideal group commit to one file.
    Durable,
    Naive,
    Peer,
}

impl Target {
    /// Every target, in the order they run for each device count.
    pub const ALL: [Target; 7] = [
        Target::Kosh,
        Target::KoshPostgres,
        Target::KoshPostgresPair,
        Target::Limit,
        Target::Durable,
        Target::Naive,
        Target::Peer,
    ];

    /// The row's name in the table.
    pub fn label(self) -> &'static str {
        match self {
            Target::Kosh => "Kosh (sled, group commit)",
            Target::KoshPostgres => "Kosh on PostgreSQL, 1 process",
            Target::KoshPostgresPair => "Kosh on PostgreSQL, 2 processes",
            Target::Limit => "limit: no storage",
            Target::Durable => "durable limit: group commit to a file",
            Target::Naive => "naive: fsync per request",
            Target::Peer => "peer: PouchDB Server 4.2.0",
        }
    }

    /// Whether this is Kosh's own server (any store), speaking Kosh's protocol with tokens.
    pub fn is_kosh(self) -> bool {
        matches!(
            self,
            Target::Kosh | Target::KoshPostgres | Target::KoshPostgresPair
        )
    }

    /// How many server processes the target runs.
    pub fn processes(self) -> usize {
        if self == Target::KoshPostgresPair {
            2
        } else {
            1
        }
    }
}

/// The secret the Kosh processes on one database share (a benchmark's, never a deployment's).
const BENCH_JWT_SECRET: &str = "kosh-bench-shared-secret-of-32-bytes-at-least";

/// How Kosh's server is started.
#[derive(Debug, Clone)]
pub enum KoshLaunch {
    /// The `kosh-backend` binary (`serve`), the way it is deployed.
    Binary(PathBuf),
    /// This binary's `serve-kosh`: the same library, for the smoke run when no fresh
    /// `kosh-backend` binary has been built.
    Library,
}

/// Whether PouchDB Server can be started.
#[derive(Debug, Clone)]
pub enum PeerLaunch {
    /// `node <script>`.
    Ready { script: PathBuf },
    /// Why not.
    Unavailable(String),
}

/// Where the Kosh-on-PostgreSQL rows get their databases.
#[derive(Debug, Clone)]
pub enum PostgresLaunch {
    /// A URL through which a database per row is created.
    Ready { admin_url: String },
    /// Why not.
    Unavailable(String),
}

/// Starts the targets.
#[derive(Debug, Clone)]
pub struct Launcher {
    /// This binary, for `serve-limit` and `serve-kosh`.
    pub bench_exe: PathBuf,
    pub kosh: KoshLaunch,
    pub peer: PeerLaunch,
    pub postgres: PostgresLaunch,
}

/// The processes of one target: one, or two Kosh processes sharing a database.
#[derive(Debug)]
pub struct Servers {
    pub processes: Vec<ServerProcess>,
}

impl Servers {
    /// Every address, in order.
    pub fn addrs(&self) -> Vec<SocketAddr> {
        self.processes.iter().map(|p| p.addr).collect()
    }

    /// The processes' CPU time so far, together.
    pub fn cpu_seconds(&self) -> Option<f64> {
        self.processes.iter().map(ServerProcess::cpu_seconds).sum()
    }

    /// The processes' peak resident sets, together.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        self.processes
            .iter()
            .map(ServerProcess::peak_memory_kib)
            .sum()
    }

    /// Resets every process's peak (see [`ServerProcess::reset_peak_memory`]).
    pub fn reset_peak_memory(&self) -> bool {
        self.processes.iter().all(ServerProcess::reset_peak_memory)
    }

    pub fn is_running(&mut self) -> bool {
        self.processes.iter_mut().all(ServerProcess::is_running)
    }

    pub async fn stop(self) {
        for process in self.processes {
            process.stop().await;
        }
    }
}

impl Launcher {
    /// Starts every process of `target`, each in a fresh temporary directory; Kosh on
    /// PostgreSQL on a fresh database.
    pub async fn start_all(&self, target: Target) -> BenchResult<Servers> {
        let database = match (target, &self.postgres) {
            (
                Target::KoshPostgres | Target::KoshPostgresPair,
                PostgresLaunch::Ready { admin_url },
            ) => Some(
                kosh_backend::store::postgres::scratch_database(admin_url)
                    .await
                    .map_err(|e| BenchError::Setup(e.to_string()))?,
            ),
            (Target::KoshPostgres | Target::KoshPostgresPair, PostgresLaunch::Unavailable(why)) => {
                return Err(BenchError::Setup(why.clone()));
            }
            _ => None,
        };
        let mut processes = Vec::new();
        for _ in 0..target.processes() {
            processes.push(self.start_one(target, database.as_deref()).await?);
        }
        Ok(Servers { processes })
    }

    /// Starts `target` (one process) in a fresh temporary directory.
    pub async fn start(&self, target: Target) -> BenchResult<ServerProcess> {
        self.start_one(target, None).await
    }

    async fn start_one(
        &self,
        target: Target,
        database: Option<&str>,
    ) -> BenchResult<ServerProcess> {
        let dir = tempfile::Builder::new()
            .prefix("kosh-bench-")
            .tempdir()
            .map_err(|e| BenchError::io("creating a temporary directory", e))?;
        let mut command;
        let mut ready = ReadyLine::LISTENING;
        match target {
            Target::Kosh | Target::KoshPostgres | Target::KoshPostgresPair => {
                command = match &self.kosh {
                    KoshLaunch::Binary(path) => {
                        let mut c = Command::new(path);
                        c.arg("serve");
                        c
                    }
                    KoshLaunch::Library => {
                        let mut c = Command::new(&self.bench_exe);
                        c.arg("serve-kosh");
                        c
                    }
                };
                command
                    .env("KOSH_ADDR", "127.0.0.1:0")
                    .env("KOSH_DATA_DIR", dir.path().join("data"))
                    .env_remove("KOSH_WEB_DIR")
                    .env_remove("KOSH_JWT_SECRET")
                    .env_remove("KOSH_DATABASE_URL");
                if let Some(url) = database {
                    command
                        .env("KOSH_DATABASE_URL", url)
                        .env("KOSH_JWT_SECRET", BENCH_JWT_SECRET);
                }
            }
            Target::Limit => {
                command = Command::new(&self.bench_exe);
                command.arg("serve-limit");
            }
            Target::Durable | Target::Naive => {
                let flag = if target == Target::Durable {
                    "--group-commit-file"
                } else {
                    "--fsync-file"
                };
                command = Command::new(&self.bench_exe);
                command
                    .arg("serve-limit")
                    .arg(flag)
                    .arg(dir.path().join("requests.log"));
            }
            Target::Peer => {
                let script = match &self.peer {
                    PeerLaunch::Ready { script } => script,
                    PeerLaunch::Unavailable(why) => return Err(BenchError::Setup(why.clone())),
                };
                let port = free_port()?;
                command = Command::new("node");
                command
                    .arg(script)
                    .arg("--dir")
                    .arg(dir.path())
                    .arg("--config")
                    .arg(dir.path().join("config.json"))
                    .args(["--host", "127.0.0.1", "--no-color", "--port"])
                    .arg(port.to_string());
                ready = ReadyLine::POUCHDB;
            }
        }
        command.current_dir(dir.path());
        ServerProcess::start(command, dir, ready).await
    }
}

/// The devices of one run: the loaded ones and the probe pair.
#[derive(Debug)]
pub struct Fleet {
    pub devices: Vec<Device>,
    pub probe: (Device, Device),
}

/// What a device presents: a token (Kosh's protocol) or its applicant's database (CouchDB's).
enum Credential {
    Token(String),
    Database(String),
}

/// Sets up `count` devices (plus the probe pair) on `target` at `addr`: registers the
/// applicants on Kosh, creates their databases on the peer. `token_len` carries the length of
/// Kosh's tokens to the limit servers, whose fake tokens weigh the same.
pub async fn fleet(
    target: Target,
    addrs: &[SocketAddr],
    count: usize,
    token_len: &mut Option<usize>,
) -> BenchResult<Fleet> {
    let applicants = count.div_ceil(DEVICES_PER_APPLICANT) + 1;
    let first_addr = *addrs
        .first()
        .ok_or_else(|| BenchError::Setup("no server to connect to".into()))?;
    let mut setup = Connection::open(first_addr).await?;
    let mut devices = Vec::with_capacity(count);
    let mut probe = Vec::with_capacity(DEVICES_PER_APPLICANT);
    for applicant in 0..applicants {
        let credential = match target {
            Target::Kosh | Target::KoshPostgres | Target::KoshPostgresPair => {
                let email = format!("applicant-{applicant}@bench.kosh.example");
                let token = register(&mut setup, &email).await?;
                *token_len = Some(token.len());
                Credential::Token(token)
            }
            Target::Limit | Target::Durable | Target::Naive => {
                Credential::Token("x".repeat(token_len.unwrap_or(DEFAULT_TOKEN_LEN)))
            }
            Target::Peer => {
                let db = format!("applicant-{applicant}");
                create_database(&mut setup, &db).await?;
                Credential::Database(db)
            }
        };
        let draft_id = uuid::Uuid::new_v4().to_string();
        let is_probe = applicant + 1 == applicants;
        let first = applicant * DEVICES_PER_APPLICANT;
        let wanted = if is_probe {
            DEVICES_PER_APPLICANT
        } else {
            DEVICES_PER_APPLICANT.min(count - first)
        };
        for nth in 0..wanted {
            // An applicant's phones on the processes in turn.
            let addr = addrs[nth % addrs.len()];
            let device_id = format!("d-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
            let device = match &credential {
                Credential::Token(token) => Device::Kosh(
                    KoshDevice::connect(addr, token.clone(), device_id, draft_id.clone()).await?,
                ),
                Credential::Database(db) => Device::Couch(
                    CouchDevice::connect(addr, db.clone(), device_id, draft_id.clone()).await?,
                ),
            };
            if is_probe {
                probe.push(device);
            } else {
                devices.push(device);
            }
        }
    }
    let (Some(b), Some(a)) = (probe.pop(), probe.pop()) else {
        return Err(BenchError::Setup("the probe pair is missing".into()));
    };
    Ok(Fleet {
        devices,
        probe: (a, b),
    })
}
