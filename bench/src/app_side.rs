//! The app side of the table: what a phone pays besides the network. The web build's size is its
//! `.wasm` gzipped (what a phone on 3G downloads once).

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde::Serialize;

/// One line of the app side's table.
#[derive(Debug, Clone, Serialize)]
pub struct AppMeasure {
    pub what: String,
    pub result: String,
    pub how: String,
}

/// Where the web build lands (built by `./kosh run` or the web build script).
pub fn web_build_dir(workspace: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace.join("target"), PathBuf::from)
        .join("kosh-web")
}

/// The web build's gzipped wasm size, or "not built".
pub fn wasm_size(web_dir: &Path) -> AppMeasure {
    let what = "web build: .wasm gzipped".to_owned();
    let mut wasm = Vec::new();
    find_wasm(web_dir, 0, &mut wasm);
    let Some(biggest) = wasm
        .into_iter()
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.len(), p)))
        .max()
    else {
        return AppMeasure {
            what,
            result: "not built".into(),
            how: format!("no .wasm under {}", web_dir.display()),
        };
    };
    let (raw, path) = biggest;
    match std::fs::read(&path).and_then(|bytes| gzip_len(&bytes)) {
        Ok(gzipped) => AppMeasure {
            what,
            result: format!(
                "{:.0} KiB ({:.0} KiB raw)",
                gzipped as f64 / 1024.0,
                raw as f64 / 1024.0
            ),
            how: format!("{} gzipped at level 9", path.display()),
        },
        Err(err) => AppMeasure {
            what,
            result: "not measured".into(),
            how: format!("reading {}: {err}", path.display()),
        },
    }
}

fn find_wasm(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    if depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            find_wasm(&path, depth + 1, found);
        } else if path.extension().is_some_and(|e| e == "wasm") {
            found.push(path);
        }
    }
}

fn gzip_len(bytes: &[u8]) -> std::io::Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_build_says_not_built() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(wasm_size(dir.path()).result, "not built");
    }

    #[test]
    fn the_biggest_wasm_is_gzipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/app_bg.wasm"), vec![0u8; 64 * 1024]).unwrap();
        std::fs::write(dir.path().join("small.wasm"), b"\0asm").unwrap();
        let measure = wasm_size(dir.path());
        assert!(
            measure.result.ends_with("(64 KiB raw)"),
            "{}",
            measure.result
        );
        assert!(measure.how.contains("app_bg.wasm"), "{}", measure.how);
    }
}
