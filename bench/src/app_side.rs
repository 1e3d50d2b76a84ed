//! The app side of the table: what a phone pays besides the network. Whole-draft validation and
//! scoring are timed in-process with kosh-shared's own code (what the app runs on every change);
//! the web build's size is its `.wasm` gzipped (what a phone on 3G downloads once).

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use kosh_shared::form::residence_2026;
use kosh_shared::policy::Policy;
use kosh_shared::score::score;
use kosh_shared::validate::{Env, validate_draft};
use serde::Serialize;

use crate::workload::AnswerPool;

/// The most calls one timing loop makes, whatever its time budget.
const MAX_CALLS: u64 = 1_000_000;
/// Calls timed together, so the clock's own cost vanishes.
const BATCH: u64 = 50;

/// One line of the app side's table.
#[derive(Debug, Clone, Serialize)]
pub struct AppMeasure {
    pub what: String,
    pub result: String,
    pub how: String,
}

/// Times whole-draft validation and scoring of a draft that answers every question of the
/// residence form, each for about `budget` (and at most a million calls).
pub fn validation_and_scoring(budget: Duration) -> Vec<AppMeasure> {
    let what_validate = "validate a whole draft (residence-2026)".to_owned();
    let what_score = "score a whole draft (preliminary self-check)".to_owned();
    let setup = || -> Result<_, String> {
        let form = residence_2026().map_err(|e| e.to_string())?;
        let policy = Policy::builtin().map_err(|e| e.to_string())?;
        let draft = AnswerPool::from_form(form)
            .map_err(|e| e.to_string())?
            .whole_draft();
        Ok((form, policy, draft))
    };
    let (form, policy, draft) = match setup() {
        Ok(loaded) => loaded,
        Err(err) => {
            let failed = |what: String| AppMeasure {
                what,
                result: "not measured".into(),
                how: err.clone(),
            };
            return vec![failed(what_validate), failed(what_score)];
        }
    };
    let today = chrono::Utc::now().date_naive();
    let env = Env::new(today).with_regions(policy.regions().iter().map(|r| r.id.to_string()));
    let report = validate_draft(form, &draft, &env);
    let verdict = if report.is_valid() {
        "valid".to_owned()
    } else {
        format!(
            "{} errors, first {}: {}",
            report.errors.len(),
            report.errors[0].field,
            report.errors[0].code
        )
    };
    let (per_validate, validate_calls) = time_per_call(budget, || {
        black_box(validate_draft(black_box(form), black_box(&draft), &env));
    });
    let (per_score, score_calls) = time_per_call(budget, || {
        black_box(score(black_box(&draft), today, policy.scoring()));
    });
    let scored = score(&draft, today, policy.scoring());
    vec![
        AppMeasure {
            what: what_validate,
            result: micros(per_validate),
            how: format!(
                "{} answers ({verdict}), mean of {validate_calls} calls in-process",
                draft.len()
            ),
        },
        AppMeasure {
            what: what_score,
            result: micros(per_score),
            how: format!(
                "{} criteria, total {} of pass mark {} ({:?} table), mean of {score_calls} calls",
                scored.summary.criteria.len(),
                scored.summary.total,
                scored.summary.pass_mark,
                scored.summary.status
            ),
        },
    ]
}

/// Mean time per call of `f`, called in batches until `budget` is spent or `MAX_CALLS` made.
fn time_per_call(budget: Duration, mut f: impl FnMut()) -> (Duration, u64) {
    let started = Instant::now();
    let mut calls = 0;
    while calls < MAX_CALLS && (calls == 0 || started.elapsed() < budget) {
        for _ in 0..BATCH {
            f();
        }
        calls += BATCH;
    }
    let per_call = started.elapsed() / u32::try_from(calls).unwrap_or(u32::MAX);
    (per_call, calls)
}

fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
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
            how: format!(
                "{} gzipped at level 9",
                path.strip_prefix(web_dir.parent().and_then(Path::parent).unwrap_or(web_dir))
                    .unwrap_or(&path)
                    .display()
            ),
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
    fn validation_and_scoring_are_timed_on_a_valid_draft() {
        let measures = validation_and_scoring(Duration::from_millis(20));
        assert_eq!(measures.len(), 2);
        for m in &measures {
            assert!(m.result.ends_with(" µs"), "{m:?}");
        }
        assert!(measures[0].how.contains("(valid)"), "{:?}", measures[0]);
    }

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
