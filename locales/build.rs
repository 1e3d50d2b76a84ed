//! Lists the language folders (`locales/<lang>/` with at least one `.ftl` file) and, with the
//! `embedded` feature, embeds every message file into the crate at compile time. Other
//! engineers add files (`mobile.ftl`) and whole languages without touching Rust, so the list is
//! discovered here rather than written out by hand.
//!
//! The tests and the native apps embed every language. The web app does not: it
//! would make every phone download the five languages its person does not read before the
//! first screen (about 40 KiB in brotli, a second on 3G). It fetches its one language at start
//! instead (`locales/<folder>.ftl` of the web bundle, made by `./kosh`'s web build) and hands it
//! to `catalog::install`.

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

    let embed = env::var_os("CARGO_FEATURE_EMBEDDED").is_some();
    let mut folders: Vec<&str> = files.iter().map(|(lang, _, _)| lang.as_str()).collect();
    folders.dedup();
    let mut code = format!(
        "/// Every language folder with messages, sorted.\n\
         pub(crate) static FOLDERS: &[&str] = &{folders:?};\n\
         /// Every embedded message file: (language folder, file name, contents), sorted by folder\n\
         /// then name. Empty without the `embedded` feature.\n\
         pub(crate) static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (lang, name, path) in files.iter().filter(|_| embed) {
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
