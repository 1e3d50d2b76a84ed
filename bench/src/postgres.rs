//! The PostgreSQL the Kosh-on-PostgreSQL rows run against: `KOSH_BENCH_DATABASE_URL` (or the
//! test command's `KOSH_TEST_DATABASE_URL`) when set, else a throwaway one started here from
//! Debian's `postgresql` package, in a temporary directory, listening on a Unix socket only,
//! and stopped and removed when the run ends. Every row gets a database of its own on it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{BenchError, BenchResult};

/// Where Debian's PostgreSQL 15 puts its server programs.
const BIN: &str = "/usr/lib/postgresql/15/bin";

/// A PostgreSQL to make databases on.
#[derive(Debug)]
pub struct BenchPostgres {
    /// A URL through which databases may be created.
    pub admin_url: String,
    /// The throwaway cluster, when this run started one.
    owned: Option<Cluster>,
}

#[derive(Debug)]
struct Cluster {
    dir: tempfile::TempDir,
}

impl BenchPostgres {
    /// The database server given in the environment, or a throwaway one.
    pub fn find_or_start() -> BenchResult<BenchPostgres> {
        for variable in ["KOSH_BENCH_DATABASE_URL", "KOSH_TEST_DATABASE_URL"] {
            if let Ok(url) = std::env::var(variable)
                && !url.is_empty()
            {
                return Ok(BenchPostgres {
                    admin_url: url,
                    owned: None,
                });
            }
        }
        let dir = tempfile::Builder::new()
            .prefix("kosh-bench-pg-")
            .tempdir()
            .map_err(|e| BenchError::io("creating PostgreSQL's directory", e))?;
        let cluster = Cluster { dir };
        let port = 5432;
        cluster.run(&["initdb", "-D", "data", "-A", "trust", "-U", "kosh"], None)?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=''",
            cluster.path().display()
        );
        cluster.run(
            &[
                "pg_ctl", "-D", "data", "-w", "-l", "log", "-o", &options, "start",
            ],
            Some("log"),
        )?;
        Ok(BenchPostgres {
            admin_url: format!(
                "postgres://kosh@localhost:{port}/postgres?host={}",
                cluster.path().display()
            ),
            owned: Some(cluster),
        })
    }

    /// Whether this run started the server itself.
    pub fn is_throwaway(&self) -> bool {
        self.owned.is_some()
    }
}

impl Cluster {
    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs one of PostgreSQL's programs in the cluster's directory: as the `postgres` user
    /// when this is root (PostgreSQL refuses to run as root), as this user otherwise.
    fn run(&self, args: &[&str], log: Option<&str>) -> BenchResult<()> {
        let program = PathBuf::from(BIN).join(args[0]);
        if !program.is_file() {
            return Err(BenchError::Setup(format!(
                "{} is missing: install Debian's postgresql package, or set \
                 KOSH_BENCH_DATABASE_URL to a PostgreSQL where databases may be created",
                program.display()
            )));
        }
        let mut command = if rustix::process::geteuid().is_root() {
            let chown = Command::new("chown")
                .args(["-R", "postgres"])
                .arg(self.path())
                .status()
                .map_err(|e| BenchError::io("chown of PostgreSQL's directory", e))?;
            if !chown.success() {
                return Err(BenchError::Setup(
                    "chown to the postgres user failed".into(),
                ));
            }
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let output = command
            .args(&args[1..])
            .current_dir(self.path())
            .output()
            .map_err(|e| BenchError::io(format!("running {}", program.display()), e))?;
        if output.status.success() {
            return Ok(());
        }
        let log = log
            .and_then(|name| std::fs::read_to_string(self.path().join(name)).ok())
            .unwrap_or_default();
        Err(BenchError::Setup(format!(
            "{} failed: {}{}{log}",
            args[0],
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Err(err) = self.run(&["pg_ctl", "-D", "data", "-m", "fast", "-w", "stop"], None) {
            eprintln!("kosh-bench: stopping PostgreSQL: {err}");
        }
    }
}
