//! The servers under test as child processes: started with a temporary directory of their own,
//! awaited until they print the line that says where they listen (never a sleep), measured
//! (peak resident memory from `/proc/<pid>/status`) and killed when their turn is over.

use std::net::SocketAddr;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::error::{BenchError, BenchResult};

/// How long a server may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(90);
/// How much of a child's standard error is kept to explain a failed start.
const STDERR_TAIL: usize = 4096;

/// A running server under test.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its working and data directory, removed when the process is dropped.
    pub dir: TempDir,
}

/// Where a server says it listens: the text just before `http://<address>` on one of its
/// stdout lines.
#[derive(Debug, Clone, Copy)]
pub struct ReadyLine(pub &'static str);

impl ReadyLine {
    /// The line Kosh and the limit servers print: `listening on http://<address>`.
    pub const LISTENING: ReadyLine = ReadyLine("listening on ");
    /// PouchDB Server's: `[info] pouchdb-server has started on http://<address>/`.
    pub const POUCHDB: ReadyLine = ReadyLine("has started on ");

    fn address(&self, line: &str) -> Option<SocketAddr> {
        let rest = &line[line.find(self.0)? + self.0.len()..];
        let rest = rest.trim().strip_prefix("http://")?;
        rest.trim_end_matches('/').parse().ok()
    }
}

impl ServerProcess {
    /// Starts `command` (its working directory and environment already set, pointing at
    /// `dir`) and waits for it to say where it listens.
    pub async fn start(
        mut command: Command,
        dir: TempDir,
        ready: ReadyLine,
    ) -> BenchResult<ServerProcess> {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .map_err(|e| BenchError::io(format!("starting {command:?}"), e))?;
        let stderr_tail = Arc::new(Mutex::new(String::new()));
        let starting = Arc::new(AtomicBool::new(true));
        if let Some(stderr) = child.stderr.take() {
            tokio::spawn(keep_tail(stderr, stderr_tail.clone(), starting.clone()));
        }
        let Some(stdout) = child.stdout.take() else {
            return Err(BenchError::Setup("no stdout from the child".into()));
        };
        let mut lines = BufReader::new(stdout).lines();
        let mut seen = String::new();
        let wait = async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(addr) = ready.address(&line) {
                    return Some(addr);
                }
                seen.push_str(&line);
                seen.push('\n');
            }
            None
        };
        let addr = tokio::time::timeout(START_TIMEOUT, wait).await;
        let Ok(Some(addr)) = addr else {
            let how = match addr {
                Ok(_) => "exited before saying where it listens".to_owned(),
                Err(_) => format!(
                    "did not say where it listens within {} s",
                    START_TIMEOUT.as_secs()
                ),
            };
            let _ = child.start_kill();
            let _ = child.wait().await;
            let stderr = stderr_tail.lock().map(|s| s.clone()).unwrap_or_default();
            return Err(BenchError::NotListening {
                how,
                output: format!("{seen}{stderr}")
                    .chars()
                    .rev()
                    .take(600)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect(),
            });
        };
        // Keep reading what it logs, so a full pipe never blocks it, and stop keeping it.
        starting.store(false, Ordering::Relaxed);
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(ServerProcess { child, addr, dir })
    }

    /// The process's peak resident set size so far (`VmHWM`), in KiB.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        peak_from_status(&self.status()?)
    }

    /// The process's resident set size now (`VmRSS`), in KiB.
    pub fn memory_kib(&self) -> Option<u64> {
        kib_in_status(&self.status()?, "VmRSS:")
    }

    fn status(&self) -> Option<String> {
        let pid = self.child.id()?;
        std::fs::read_to_string(format!("/proc/{pid}/status")).ok()
    }

    /// CPU time the process has used so far (user and system), in seconds.
    pub fn cpu_seconds(&self) -> Option<f64> {
        cpu_seconds_of(&self.child.id()?.to_string())
    }

    /// Resets the peak resident set size to the current one (`/proc/<pid>/clear_refs`), so the
    /// peak measured afterwards is the load's and not the setup's (argon2 hashing 19 MiB per
    /// registration, for one). False when the kernel refused.
    pub fn reset_peak_memory(&self) -> bool {
        let Some(pid) = self.child.id() else {
            return false;
        };
        std::fs::write(format!("/proc/{pid}/clear_refs"), b"5").is_ok()
    }

    /// True while the process runs.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Kills the process and waits for it; its directory goes with `self`.
    pub async fn stop(mut self) {
        let _ = self.child.start_kill();
        let _ = tokio::time::timeout(Duration::from_secs(10), self.child.wait()).await;
    }
}

/// Reads a child's stream to its end, keeping the last few KiB while `starting` (to explain a
/// failed start) and only draining it after.
async fn keep_tail(
    mut stream: impl AsyncRead + Unpin,
    tail: Arc<Mutex<String>>,
    starting: Arc<AtomicBool>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    while let Ok(n) = stream.read(&mut buf).await {
        if n == 0 {
            break;
        }
        if !starting.load(Ordering::Relaxed) {
            continue;
        }
        if let Ok(mut tail) = tail.lock() {
            tail.push_str(&String::from_utf8_lossy(&buf[..n]));
            if tail.len() > STDERR_TAIL {
                let cut = tail.len() - STDERR_TAIL;
                let cut = (cut..tail.len())
                    .find(|&i| tail.is_char_boundary(i))
                    .unwrap_or(0);
                tail.drain(..cut);
            }
        }
    }
}

/// CPU time (user and system) of `/proc/<pid>` so far, in seconds; `pid` may be `self`.
pub fn cpu_seconds_of(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let ticks = cpu_ticks_from_stat(&stat)?;
    Some(ticks as f64 / clock_ticks_per_second())
}

/// utime + stime (fields 14 and 15 of `/proc/<pid>/stat`; the command name, field 2, may hold
/// spaces and parentheses, so fields are counted after its closing one).
fn cpu_ticks_from_stat(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// The kernel's clock ticks per second (`getconf CLK_TCK`; 100 on every Linux in use).
fn clock_ticks_per_second() -> f64 {
    static TICKS: OnceLock<f64> = OnceLock::new();
    *TICKS.get_or_init(|| {
        std::process::Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .and_then(|text| text.trim().parse::<f64>().ok())
            .filter(|&t| t > 0.0)
            .unwrap_or(100.0)
    })
}

fn peak_from_status(status: &str) -> Option<u64> {
    kib_in_status(status, "VmHWM:")
}

/// A `kB` field of `/proc/<pid>/status`, such as `VmHWM:` or `VmRSS:`.
fn kib_in_status(status: &str, field: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

/// A port that was free a moment ago, for servers that must be told one (PouchDB Server).
pub fn free_port() -> BenchResult<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| BenchError::io("finding a free port", e))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| BenchError::io("finding a free port", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_lines_give_the_address() {
        let kosh = ReadyLine::LISTENING.address("listening on http://127.0.0.1:4321");
        assert_eq!(kosh, Some("127.0.0.1:4321".parse().unwrap()));
        let pouch = ReadyLine::POUCHDB.address(
            "\u{1b}[32m[info]\u{1b}[39m pouchdb-server has started on http://127.0.0.1:5987/",
        );
        assert_eq!(pouch, Some("127.0.0.1:5987".parse().unwrap()));
        assert_eq!(ReadyLine::LISTENING.address("starting"), None);
    }

    #[test]
    fn cpu_time_is_read_after_the_command_name() {
        let stat = "4242 (tokio (rt) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3";
        assert_eq!(cpu_ticks_from_stat(stat), Some(300));
        assert_eq!(cpu_ticks_from_stat("4242 (x) S 1"), None);
        assert!(cpu_seconds_of("self").is_some());
    }

    #[test]
    fn peak_memory_is_read_from_vmhwm() {
        let status = "Name:\tx\nVmPeak:\t  9000 kB\nVmHWM:\t    5120 kB\nVmRSS:\t 4000 kB\n";
        assert_eq!(peak_from_status(status), Some(5120));
        assert_eq!(peak_from_status("Name: x\n"), None);
    }
}
