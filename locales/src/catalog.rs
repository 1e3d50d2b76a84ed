//! The message files and the Fluent bundles built from them: one bundle per language, built the
//! first time the language is asked for and then kept for the life of the process. Latin and
//! Arabic-script Kazakh are built here from the Cyrillic files.
//!
//! The files are embedded in the binary (the `embedded` feature: tests, native apps) or handed
//! over at run time with [`install`] (the web app, which fetches only its person's language; see
//! `build.rs`). A language whose files are not there yet has no bundle, and a [`Translator`]
//! skips it along its chain.
//!
//! [`Translator`]: crate::Translator

use std::sync::{Mutex, OnceLock};

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

/// Every message file there is: the embedded ones, sorted by folder then file name, then those
/// installed at run time. The checks in `tests/` run over these, so they cover every language
/// folder present at build time.
pub fn sources() -> impl Iterator<Item = SourceFile> {
    let installed = lock_installed().clone();
    FILES
        .iter()
        .map(|&(folder, file, text)| SourceFile { folder, file, text })
        .chain(installed)
}

/// The language folders of this build (each has at least one message file in `locales/`),
/// whether their files are embedded or fetched when needed.
pub fn folders() -> Vec<&'static str> {
    FOLDERS.to_vec()
}

/// The message files handed over at run time, in the order they came.
static INSTALLED: Mutex<Vec<SourceFile>> = Mutex::new(Vec::new());

fn lock_installed() -> std::sync::MutexGuard<'static, Vec<SourceFile>> {
    // A panic while the list was held cannot leave it half-changed (a push either happened or
    // not), so a poisoned lock is still a good list.
    INSTALLED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether `lang`'s messages are here (embedded, or installed), so that it has a bundle.
pub fn is_loaded(lang: Lang) -> bool {
    folder_loaded(lang.folder())
}

fn folder_loaded(folder: &str) -> bool {
    FILES.iter().any(|f| f.0 == folder) || lock_installed().iter().any(|f| f.folder == folder)
}

/// Hands over the messages of one language folder fetched at run time: all its files in one
/// text, as the web build writes `locales/<folder>.ftl`. The text is kept for the life of the
/// process (a language is installed once; a second call for a folder that is already here is
/// ignored). Refused when `folder` is not one of this build's languages, or when the text is not
/// Fluent at all (an error page in its place, a cut download): the language then stays not
/// loaded, and nothing already loaded changes.
pub fn install(folder: &str, text: String) -> Result<(), LocaleError> {
    let Some(&folder) = FOLDERS.iter().find(|f| **f == folder) else {
        return Err(LocaleError::UnknownLanguage(folder.to_owned()));
    };
    if folder_loaded(folder) {
        return Ok(());
    }
    // A file of messages has messages: a text with none (HTML, an empty or cut answer) is not
    // this language's file, whatever the parser made of it. (Parse errors in a file that has
    // messages are the build's to catch, as for embedded files: see `build_from`.)
    let parsed = match FluentResource::try_new(text.clone()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let has_messages = parsed
        .entries()
        .any(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)));
    if !has_messages || text.trim_start().starts_with('<') {
        return Err(LocaleError::Syntax {
            folder: folder.to_owned(),
            file: format!("{folder}.ftl"),
            detail: "no messages in the fetched file".to_owned(),
        });
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    let file: &'static str = Box::leak(format!("{folder}.ftl").into_boxed_str());
    lock_installed().push(SourceFile { folder, file, text });
    Ok(())
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

/// How a script of Kazakh is made from the Cyrillic files.
type Derive = fn(&str) -> (String, Vec<fluent_syntax::parser::ParserError>);

/// `files` as `lang` loads them (see [`load_sources`]).
pub fn prepare(lang: Lang, files: &[SourceFile]) -> Vec<(SourceFile, String, Vec<LocaleError>)> {
    files
        .iter()
        .map(|&s| {
            let derive: Option<Derive> = match lang {
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

/// The bundle of `lang`, built on first use; `None` while the language has no files (not
/// embedded and not installed yet: it is built once they are).
pub(crate) fn bundle(lang: Lang) -> Option<&'static Bundle> {
    static BUNDLES: [OnceLock<Bundle>; Lang::ALL.len()] =
        [const { OnceLock::new() }; Lang::ALL.len()];
    let index = Lang::ALL.iter().position(|l| *l == lang)?;
    let cell = &BUNDLES[index];
    if let Some(bundle) = cell.get() {
        return Some(bundle);
    }
    let (bundle, problems) = build(lang);
    for problem in problems {
        tracing::error!(lang = %lang, %problem, "message file problem");
    }
    // Two threads may build it at once; whichever sets it first is the one kept.
    let _ = cell.set(bundle?);
    cell.get()
}

/// The web app's way in: no language embedded, each handed over when it has been fetched. Run
/// by `./kosh test` as `cargo test -p kosh-locales --no-default-features --lib`. One test, since
/// the installed languages are the process's own.
#[cfg(all(test, not(feature = "embedded")))]
mod fetched {
    use super::*;
    use crate::Translator;

    #[test]
    fn a_language_speaks_once_its_words_are_installed_and_bad_files_change_nothing() {
        assert!(FILES.is_empty());
        assert!(folders().contains(&"uz"), "{:?}", folders());
        assert!(Lang::ALL.into_iter().all(|l| !is_loaded(l)));
        // Nothing here yet: the key itself, never a panic.
        assert_eq!(Translator::new(Lang::Uz).t("ui-yes"), "ui-yes");

        assert_eq!(
            install("xx", "ui-yes = ?\n".to_owned()),
            Err(LocaleError::UnknownLanguage("xx".to_owned()))
        );
        // An error page in the file's place, or an empty answer, is not the language.
        for broken in ["<!doctype html><title>404</title>", "", "\n\n"] {
            assert!(install("uz", broken.to_owned()).is_err(), "{broken:?}");
            assert!(!is_loaded(Lang::Uz));
        }

        install("uz", "ui-yes = Ha\nui-no = Yoʻq\n".to_owned()).expect("a message file");
        assert!(is_loaded(Lang::Uz));
        assert!(!is_loaded(Lang::Ru));
        let uz = Translator::new(Lang::Uz);
        assert_eq!(uz.t("ui-yes"), "Ha");
        assert_eq!(uz.t("ui-no"), "Yoʻq");
        // Installed once: a second text for the folder does not replace the first.
        install("uz", "ui-yes = Boshqa\n".to_owned()).expect("ignored");
        assert_eq!(Translator::new(Lang::Uz).t("ui-yes"), "Ha");

        // The Cyrillic Kazakh file serves all three scripts.
        install("kk", "ui-yes = Иә\n".to_owned()).expect("a message file");
        for lang in [Lang::Kk, Lang::KkLatn, Lang::KkArab] {
            assert!(is_loaded(lang), "{lang}");
        }
        assert_eq!(Translator::new(Lang::Kk).t("ui-yes"), "Иә");
        assert_eq!(
            Translator::new(Lang::KkLatn).t("ui-yes"),
            crate::to_latin("Иә")
        );
        assert_eq!(
            Translator::new(Lang::KkArab).t("ui-yes"),
            crate::to_arabic("Иә")
        );
    }
}
