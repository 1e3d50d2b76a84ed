//! The five servers measured side by side, how each is started, and the simulated devices each
//! one gets: devices come in pairs, two phones of one applicant sharing one draft, plus one
//! extra pair for the single-answer probe.

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
    Limit,
    /// The durable limit: the no-storage limit plus an ideal group commit to one file.
    Durable,
    Naive,
    Peer,
}

impl Target {
    /// Every target, in the order they run for each device count.
    pub const ALL: [Target; 5] = [
        Target::Kosh,
        Target::Limit,
        Target::Durable,
        Target::Naive,
        Target::Peer,
    ];

    /// The row's name in the table.
    pub fn label(self) -> &'static str {
        match self {
            Target::Kosh => "Kosh (sled, group commit)",
            Target::Limit => "limit: no storage",
            Target::Durable => "durable limit: group commit to a file",
            Target::Naive => "naive: fsync per request",
            Target::Peer => "peer: PouchDB Server 4.2.0",
        }
    }
}

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

/// Starts the targets.
#[derive(Debug, Clone)]
pub struct Launcher {
    /// This binary, for `serve-limit` and `serve-kosh`.
    pub bench_exe: PathBuf,
    pub kosh: KoshLaunch,
    pub peer: PeerLaunch,
}

impl Launcher {
    /// Starts `target` in a fresh temporary directory.
    pub async fn start(&self, target: Target) -> BenchResult<ServerProcess> {
        let dir = tempfile::Builder::new()
            .prefix("kosh-bench-")
            .tempdir()
            .map_err(|e| BenchError::io("creating a temporary directory", e))?;
        let mut command;
        let mut ready = ReadyLine::LISTENING;
        match target {
            Target::Kosh => {
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
                    .env_remove("KOSH_JWT_SECRET");
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
    addr: SocketAddr,
    count: usize,
    token_len: &mut Option<usize>,
) -> BenchResult<Fleet> {
    let applicants = count.div_ceil(DEVICES_PER_APPLICANT) + 1;
    let mut setup = Connection::open(addr).await?;
    let mut devices = Vec::with_capacity(count);
    let mut probe = Vec::with_capacity(DEVICES_PER_APPLICANT);
    for applicant in 0..applicants {
        let credential = match target {
            Target::Kosh => {
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
        for _ in 0..wanted {
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
