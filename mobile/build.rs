//! The app's style sheet as the app carries it: `assets/kosh.css` without its comments and
//! indentation, written to OUT_DIR for `app::CSS`. The comments are for whoever edits the
//! sheet; in the web build they were about 1.5 KB of the phone's brotli download, which comes
//! before the first tap is answered (BENCHMARKS.md, "The first visit on 3G"). The sheet has no
//! `/*` or `*/` inside a string, and no string runs over a line, so neither step changes a rule.

use std::{env, fs, path::Path};

fn main() {
    let source = "assets/kosh.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("assets/kosh.css is readable");
    let mut out = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => panic!("{source}: a comment that does not end"),
        };
    }
    out.push_str(rest);
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&dir).join("kosh.css"), lines.join("\n") + "\n")
        .expect("OUT_DIR is writable");
}
