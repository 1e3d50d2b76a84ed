//! What the tests that run the `kosh-backend` binary as a child process share: the command with
//! a temporary data directory, the server and its address read from its `listening on` line,
//! and small JSON helpers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};

use serde_json::{Value, json};

pub const BIN: &str = env!("CARGO_BIN_EXE_kosh-backend");

/// `kosh-backend` on `data_dir` (sled), listening on a free port of loopback.
pub fn command(data_dir: &Path) -> Command {
    wrapped_command(&[], data_dir)
}

/// `kosh-backend` run by `wrapper` (such as `prlimit --nofile=1024:`), as [`command`].
pub fn wrapped_command(wrapper: &[&str], data_dir: &Path) -> Command {
    let mut cmd = match wrapper.split_first() {
        Some((program, args)) => {
            let mut cmd = Command::new(program);
            cmd.args(args).arg(BIN);
            cmd
        }
        None => Command::new(BIN),
    };
    cmd.env("KOSH_ADDR", "127.0.0.1:0")
        .env("KOSH_DATA_DIR", data_dir)
        .env_remove("KOSH_JWT_SECRET")
        .env_remove("KOSH_WEB_DIR")
        // sled in data_dir, whatever the environment running the tests names: the tests that
        // want PostgreSQL set it themselves.
        .env_remove("KOSH_DATABASE_URL")
        .env("RUST_LOG", "warn");
    cmd
}

/// A running server and its base URL, read from its one line on stdout.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Server {
    pub fn spawn(data_dir: &Path) -> Server {
        Server::start(command(data_dir))
    }

    /// Runs `cmd serve` and waits for its `listening on` line.
    pub fn start(mut cmd: Command) -> Server {
        cmd.stderr(Stdio::inherit());
        Server::listening(cmd)
    }

    /// Spawns `cmd serve` with stdout piped and reads its `listening on` line.
    fn listening(mut cmd: Command) -> Server {
        let mut child = cmd
            .arg("serve")
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn kosh-backend");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let base = line
            .trim_end()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("first line was {line:?}"))
            .to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        assert!(!base.ends_with(":0"), "the real port, not 0");
        Server { child, base }
    }

    /// Runs `cmd serve` as [`Server::start`] does, with its log read line by line: each line
    /// goes to this test's stderr and to the receiver, so a test can wait for the server to
    /// say something instead of sleeping.
    pub fn start_logged(mut cmd: Command) -> (Server, std::sync::mpsc::Receiver<String>) {
        cmd.stderr(Stdio::piped());
        let mut server = Server::listening(cmd);
        let stderr = server.child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                eprintln!("{line}");
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        (server, rx)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn terminate(mut self) -> ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.child.wait().unwrap()
    }

    /// Sends SIGTERM and asserts the server drained and exited 0, naming the status otherwise.
    pub fn stop_cleanly(self) {
        let status = self.terminate();
        assert!(
            status.success(),
            "the server did not exit 0 on SIGTERM: {status}"
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn post(
    client: &reqwest::Client,
    url: String,
    token: Option<&str>,
    body: Value,
) -> (u16, Value) {
    let mut req = client.post(url).json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

pub async fn register(client: &reqwest::Client, base: &str, email: &str) -> String {
    let (status, body) = post(
        client,
        format!("{base}/v1/auth/register"),
        None,
        json!({"email": email, "password": "correct horse battery"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}
