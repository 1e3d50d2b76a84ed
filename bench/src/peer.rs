//! Getting the peer ready: PouchDB Server from npm, pinned by `bench/peer/package-lock.json`
//! and installed with `npm ci` into `bench/peer/node_modules` (git-ignored) the first time the
//! benchmark runs. If node, npm or the install is missing, the peer's rows say so and the rest
//! runs.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::targets::PeerLaunch;

/// Finds PouchDB Server under `peer_dir`, installing it first when `install` is set.
pub fn prepare(peer_dir: &Path, install: bool) -> PeerLaunch {
    let script = peer_dir.join("node_modules/pouchdb-server/bin/pouchdb-server");
    let node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !node.is_ok_and(|s| s.success()) {
        return PeerLaunch::Unavailable("node is not installed".into());
    }
    if !script.is_file() {
        if !install {
            return PeerLaunch::Unavailable(format!(
                "pouchdb-server is not installed (npm ci in {})",
                peer_dir.display()
            ));
        }
        eprintln!(
            "kosh-bench: installing the peer, PouchDB Server (npm ci in {})",
            peer_dir.display()
        );
        let installed = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(peer_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        match installed {
            Ok(out) if out.status.success() => {}
            Ok(out) => {
                let stderr = String::from_utf8_lossy(&out.stderr);
                let tail: String = stderr.lines().rev().take(3).collect::<Vec<_>>().join(" / ");
                return PeerLaunch::Unavailable(format!("npm ci failed: {tail}"));
            }
            Err(err) => return PeerLaunch::Unavailable(format!("npm could not run: {err}")),
        }
        if !script.is_file() {
            return PeerLaunch::Unavailable(format!("npm ci did not install {}", script.display()));
        }
    }
    PeerLaunch::Ready { script }
}
