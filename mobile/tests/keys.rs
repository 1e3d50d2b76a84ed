//! Every message key the app's code names literally exists in every language folder, so no
//! screen, error path or rarely seen branch can show a raw key (the component tests cover the
//! branches they render; this covers the rest).

use std::path::Path;

use kosh_locales::catalog;

/// The literal keys passed to `t("…")`, `t_args("…", …)` and `try_t("…", …)` in `dir`; those
/// looked up with no arguments also go to `bare`.
fn literal_keys(dir: &Path, keys: &mut Vec<String>, bare: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literal_keys(&path, keys, bare);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in [".t(\"", "tr.t(\""] {
            for (i, _) in text.match_indices(call) {
                let rest = &text[i + call.len()..];
                if let Some(end) = rest.find('"') {
                    bare.push(rest[..end].to_owned());
                }
            }
        }
        for call in [".t(\"", ".t_args(\"", ".try_t(\"", "tr.t(\""] {
            for (i, _) in text.match_indices(call) {
                let rest = &text[i + call.len()..];
                if let Some(end) = rest.find('"') {
                    keys.push(rest[..end].to_owned());
                }
            }
        }
        // Keys held in code as values: `label_key()` of the sync states, the `"ui-…"`/`"mobile-…"`
        // string literals handed to a lookup later.
        for prefix in [
            "\"ui-",
            "\"mobile-",
            "\"error-",
            "\"disclaimer-",
            "\"source-",
            "\"reports-",
        ] {
            for (i, _) in text.match_indices(prefix) {
                let rest = &text[i + 1..];
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if !key.contains('{') && !key.ends_with('-') {
                        keys.push(key.to_owned());
                    }
                }
            }
        }
    }
}

#[test]
fn every_literal_key_has_words_in_every_language() {
    let mut keys = Vec::new();
    literal_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut keys,
        &mut Vec::new(),
    );
    keys.sort();
    keys.dedup();
    assert!(
        keys.len() > 100,
        "found only {} keys: the scan is broken",
        keys.len()
    );
    let folders = catalog::folders();
    for folder in ["kk", "ru", "en", "uz", "zh-Hans"] {
        assert!(folders.contains(&folder), "no {folder} folder");
        let text: String = catalog::sources()
            .filter(|s| s.folder == folder)
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join("\n");
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| {
                !text
                    .lines()
                    .any(|l| l.starts_with(&format!("{k} =")) || l == format!("{k} ="))
            })
            .collect();
        assert!(missing.is_empty(), "{folder} lacks {missing:?}");
    }
}

/// The Fluent source of one message in `text` (its first line and the indented ones after).
fn message<'a>(text: &'a str, key: &str) -> Option<String> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{key} =")));
    let first = lines.next()?;
    let rest: Vec<&'a str> = lines.take_while(|l| l.starts_with(' ')).collect();
    Some(
        std::iter::once(first)
            .chain(rest)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[test]
fn keys_looked_up_without_arguments_take_none() {
    let mut bare = Vec::new();
    literal_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut Vec::new(),
        &mut bare,
    );
    bare.sort();
    bare.dedup();
    assert!(
        bare.len() > 50,
        "found only {} keys: the scan is broken",
        bare.len()
    );
    let ru: String = catalog::sources()
        .filter(|s| s.folder == "ru")
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join("\n");
    let needing: Vec<&String> = bare
        .iter()
        .filter(|k| message(&ru, k).is_some_and(|m| m.contains('$')))
        .collect();
    assert!(
        needing.is_empty(),
        "looked up without the variables they need: {needing:?}"
    );
}
