//! Embeds every `.ftl` file of every language folder (`locales/<lang>/*.ftl`) into the crate at
//! compile time. The app runs as wasm in a browser, where there is no filesystem to read them
//! from; and other engineers add files (`mobile.ftl`) and whole languages without touching
//! Rust, so the list is discovered here rather than written out by hand.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    // A new language folder shows up as a change of the crate folder itself; a new or edited
    // file as a change inside its language folder.
    println!("cargo:rerun-if-changed={}", root.display());

    let mut files: Vec<(String, String, PathBuf)> = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("the crate folder is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let Some(lang) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        let mut ftl: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("a language folder is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        if ftl.is_empty() {
            // src/, tests/ and anything else without messages is not a language.
            continue;
        }
        println!("cargo:rerun-if-changed={}", dir.display());
        ftl.sort();
        for path in ftl {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = file_name(&path);
            files.push((lang.clone(), name, path));
        }
    }

    let mut code = String::from(
        "/// Every message file: (language folder, file name, contents), sorted by folder then name.\n\
         pub(crate) static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (lang, name, path) in &files {
        writeln!(
            code,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    fs::write(out.join("embedded.rs"), code).expect("OUT_DIR is writable");
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .expect("message file names are UTF-8")
        .to_owned()
}
