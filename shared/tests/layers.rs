//! The module graph of `kosh-shared` runs one way (see the crate header): each module may use
//! only the modules below it. This reads the sources and fails on any `crate::<module>` that
//! points up, so a circle cannot come back unnoticed. Test code is left out: a test may use
//! anything.

use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first. A module may use the modules before it in this list.
const LAYERS: &[&str] = &[
    "error",
    "sort",
    "ids",
    "json",
    "tick",
    "hlc",
    "calendar",
    "stage",
    "form",
    "validate",
    "draft",
    "migration",
    "policy",
    "score",
    "contract",
    "status",
    "checklist",
    "deadlines",
    "worth",
    "sync",
    "testing",
    "api",
];

/// The one edge that points up, and why it is allowed: a form is accepted only when its
/// examples pass validation (see `form::load`).
const EXCEPTIONS: &[(&str, &str)] = &[("form/load.rs", "validate")];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("shared/src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to: its first path segment under `src/`.
fn module_of(relative: &str) -> &str {
    relative
        .split('/')
        .next()
        .unwrap_or(relative)
        .trim_end_matches(".rs")
}

/// The `crate::<module>` names used outside comments and test code.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut problems = Vec::new();
    let mut seen = 0;
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if relative == "lib.rs" || relative.ends_with("/tests.rs") {
            continue;
        }
        let module = module_of(&relative);
        let Some(rank) = LAYERS.iter().position(|l| *l == module) else {
            problems.push(format!("{relative}: module {module} is not in LAYERS"));
            continue;
        };
        seen += 1;
        let text = fs::read_to_string(&file).expect("a readable source file");
        for used in uses(&text) {
            let Some(used_rank) = LAYERS.iter().position(|l| *l == used) else {
                continue;
            };
            let allowed =
                used_rank <= rank || EXCEPTIONS.contains(&(relative.as_str(), used.as_str()));
            if !allowed {
                problems.push(format!(
                    "{relative} uses crate::{used}, which is above {module}"
                ));
            }
        }
    }
    assert!(seen >= LAYERS.len(), "only {seen} source files were read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_an_upward_use() {
    assert_eq!(uses("use crate::api::Op;\n// crate::status\n"), ["api"]);
    assert!(uses("#[cfg(test)]\nmod tests {\n    use crate::api::Op;\n}\n").is_empty());
}
