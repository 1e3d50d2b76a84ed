//! The message files embedded in the binary and the Fluent bundles built from them: one bundle
//! per language, built the first time the language is asked for and then kept for the life of
//! the process. Latin Kazakh is built here from the Cyrillic files.

use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_syntax::parser::ParserError;
// The concurrent bundle (its memoizer behind a Mutex) is Send + Sync, so one set of bundles can
// live in a `static` and serve every thread of the server; in the browser (wasm32, one thread)
// the lock is never contended and costs next to nothing. The non-concurrent bundle could not be
// shared this way.
use fluent_bundle::concurrent::FluentBundle;

use crate::arabic::arabize_ftl;
use crate::error::LocaleError;
use crate::lang::Lang;
use crate::latin::latinize_ftl;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// One language's messages, ready to format.
pub type Bundle = FluentBundle<FluentResource>;

/// One embedded message file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceFile {
    /// The language folder (`ru`, `kk`, `zh-Hans` …).
    pub folder: &'static str,
    /// The file name (`ui.ftl`).
    pub file: &'static str,
    /// The Fluent source.
    pub text: &'static str,
}

/// Every embedded message file, sorted by folder then file name. The checks in `tests/` run
/// over these, so they cover every language folder present at build time.
pub fn sources() -> impl Iterator<Item = SourceFile> {
    FILES
        .iter()
        .map(|&(folder, file, text)| SourceFile { folder, file, text })
}

/// The language folders that have at least one message file.
pub fn folders() -> Vec<&'static str> {
    let mut folders: Vec<&'static str> = FILES.iter().map(|f| f.0).collect();
    folders.dedup();
    folders
}

/// The languages that have messages in this build (Latin Kazakh whenever Cyrillic Kazakh does).
pub fn available() -> Vec<Lang> {
    let folders = folders();
    Lang::ALL
        .into_iter()
        .filter(|l| folders.contains(&l.folder()))
        .collect()
}

/// The Fluent source of each of `lang`'s files as it is loaded: for Latin Kazakh, the Cyrillic
/// files transliterated. Parse errors met while transliterating are returned too.
pub fn load_sources(lang: Lang) -> Vec<(SourceFile, String, Vec<LocaleError>)> {
    let files: Vec<SourceFile> = sources().filter(|s| s.folder == lang.folder()).collect();
    prepare(lang, &files)
}

/// `files` as `lang` loads them (see [`load_sources`]).
pub fn prepare(lang: Lang, files: &[SourceFile]) -> Vec<(SourceFile, String, Vec<LocaleError>)> {
    files
        .iter()
        .map(|&s| {
            let derive: Option<fn(&str) -> (String, Vec<fluent_syntax::parser::ParserError>)> =
                match lang {
                    Lang::KkLatn => Some(latinize_ftl),
                    Lang::KkArab => Some(arabize_ftl),
                    _ => None,
                };
            match derive {
                Some(derive) => {
                    let (text, errors) = derive(s.text);
                    let errors = errors.iter().map(|e| parse_problem(s, s.text, e)).collect();
                    (s, text, errors)
                }
                None => (s, s.text.to_owned(), Vec::new()),
            }
        })
        .collect()
}

fn parse_problem(s: SourceFile, text: &str, e: &ParserError) -> LocaleError {
    let line = text
        .get(..e.pos.start)
        .map_or(0, |before| before.matches('\n').count())
        + 1;
    LocaleError::Syntax {
        folder: s.folder.to_owned(),
        file: s.file.to_owned(),
        detail: format!("line {line}: {}", e.kind),
    }
}

/// Builds `lang`'s bundle from its files. Whatever parses is used: a broken message must not
/// silence the rest of the language (the tests make sure no broken file ships). Returns the
/// bundle (`None` when the language has no files) and every problem met.
pub fn build(lang: Lang) -> (Option<Bundle>, Vec<LocaleError>) {
    let files: Vec<SourceFile> = sources().filter(|s| s.folder == lang.folder()).collect();
    build_from(lang, &files)
}

/// Builds a bundle for `lang` from these files (the embedded ones, or a test's own).
pub fn build_from(lang: Lang, files: &[SourceFile]) -> (Option<Bundle>, Vec<LocaleError>) {
    let files = prepare(lang, files);
    if files.is_empty() {
        return (None, Vec::new());
    }
    let mut bundle = Bundle::new_concurrent(vec![lang.langid()]);
    // Fluent wraps every placeable in Unicode isolation marks (FSI … PDI) by default. Kosh's
    // languages are all written left to right, the marks would reach the HTML as invisible
    // characters (shown as boxes by some fonts on cheap phones, and breaking text search and
    // the tests' string comparisons). When a right-to-left script comes (Kazakh in Arabic
    // letters), isolate in the markup (`<bdi>`, `dir="auto"`) instead.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (source, text, errors) in files {
        problems.extend(errors);
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                let text = resource.source();
                problems.extend(errors.iter().map(|e| parse_problem(source, text, e)));
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(errors.into_iter().map(|e| match e {
                fluent_bundle::FluentError::Overriding { id, .. } => LocaleError::Duplicate {
                    folder: source.folder.to_owned(),
                    id,
                },
                other => LocaleError::Syntax {
                    folder: source.folder.to_owned(),
                    file: source.file.to_owned(),
                    detail: other.to_string(),
                },
            }));
        }
    }
    (Some(bundle), problems)
}

/// The bundle of `lang`, built on first use; `None` when the language has no files.
pub(crate) fn bundle(lang: Lang) -> Option<&'static Bundle> {
    static BUNDLES: [OnceLock<Option<Bundle>>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let index = Lang::ALL.iter().position(|l| *l == lang)?;
    BUNDLES[index]
        .get_or_init(|| {
            let (bundle, problems) = build(lang);
            for problem in problems {
                tracing::error!(lang = %lang, %problem, "message file problem");
            }
            bundle
        })
        .as_ref()
}
