//! Words for the screens: the person's language (from settings, or negotiated from the phone's
//! or the browser's preferences before they chose), through `kosh_locales::Translator`. `init`
//! provides it at the root and re-derives it when the settings change; `use_i18n` reads it.
//!
//! On the web the app carries no words of its own: a phone downloads only its person's language
//! (`/locales/<folder>.ftl`, cached by the service worker for offline use), not all five (see
//! `locales/build.rs`). Until that language is here the screens keep speaking the language they
//! spoke (after a switch in settings), or nothing is drawn and the page's own first screen stays
//! (at start). Native builds embed every language and never wait.

use std::cell::Cell;
use std::rc::Rc;

use dioxus::prelude::*;
use kosh_locales::{FluentArgs, FluentValue, Lang, Translator, catalog};

use crate::store::LocalStore;
use crate::store::vault::{Prefs, Vault};

/// The language the settings pick: the chosen one (its tag names the Kazakh script: `kk`,
/// `kk-Latn`, `kk-Arab`), or, before a choice, what the platform's language preferences
/// negotiate to. Settings saved by older builds say `kk` plus `latin_kazakh`.
pub fn lang_for(prefs: &Prefs) -> Lang {
    let chosen = prefs.language.as_deref().and_then(Lang::from_tag);
    let lang = chosen.unwrap_or_else(|| Translator::negotiate(&platform_languages()).lang());
    if lang == Lang::Kk && prefs.latin_kazakh {
        Lang::KkLatn
    } else {
        lang
    }
}

/// Choose `lang` (in its own script) in the settings.
pub fn choose(prefs: &mut Prefs, lang: Lang) {
    prefs.language = Some(lang.tag().to_owned());
    prefs.latin_kazakh = false;
}

/// The translator for these settings.
pub fn translator_for(prefs: &Prefs) -> Translator {
    Translator::new(lang_for(prefs))
}

/// The person's language preferences as the platform lists them, most preferred first.
pub fn platform_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .map(|w| w.navigator().languages())
            .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // POSIX locale variables (`kk_KZ.UTF-8`): the tag is the part before the dot.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .filter(|v| !v.is_empty() && v != "C" && v != "POSIX")
            .map(|v| v.split('.').next().unwrap_or_default().replace('_', "-"))
            .collect()
    }
}

/// Arguments for a message: `args(&[("days", 3.into())])`.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in pairs {
        out.set(*name, value.clone());
    }
    out
}

/// How errors become words lives in `view::words`; these are its paths from before.
pub use crate::view::words::{error_key, error_text};

/// Where fetching the words of the language the settings pick stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Every language wanted is here.
    Done,
    /// The words of this language are on their way.
    Fetching(Lang),
    /// They could not be fetched (no connection and not kept yet, or a broken answer): the
    /// screens stay in the language they were in.
    Failed(Lang),
}

/// What the root provides besides the translator: how loading languages goes, and a way to try
/// again.
#[derive(Clone, Copy)]
pub struct Languages {
    /// Bumped each time a language's words arrive, so whatever depends on them draws again.
    arrived: Signal<u32>,
    /// Whether the screens have been drawn at all: not before the words of the language the
    /// person wants first are here, so nobody sees a screen in another language flash by.
    started: Signal<bool>,
    loading: Signal<Loading>,
    retry: Signal<u32>,
}

impl Languages {
    /// How loading the chosen language goes.
    pub fn loading(&self) -> Loading {
        *self.loading.read()
    }

    /// Whether the screens can be drawn: once the first language wanted has arrived (on the
    /// web; at once in native builds), and from then on.
    pub fn ready(&self) -> bool {
        *self.started.read()
    }

    /// Fetch the chosen language again after a failure.
    pub fn retry(&mut self) {
        *self.retry.write() += 1;
    }
}

/// The language whose words are here to speak in: `wanted` when they are, else the one the
/// screens spoke before, else `wanted` anyway (nothing is here: the root draws nothing).
fn speaking(wanted: Lang, before: Option<Lang>) -> Lang {
    if catalog::is_loaded(wanted) {
        wanted
    } else {
        before.filter(|l| catalog::is_loaded(*l)).unwrap_or(wanted)
    }
}

/// Provide the translator at the root, following the settings in the vault, and fetch the words
/// of a language that is not here yet. `store` is where the page's own chooser keeps a tap made
/// while the words were on their way (see `store::take_first_language`).
pub fn init(mut vault: Signal<Vault>, store: Rc<dyn LocalStore>) -> Memo<Translator> {
    let mut arrived = use_signal(|| 0_u32);
    let mut started = use_signal(|| catalog::is_loaded(lang_for(&vault.peek().state().prefs)));
    let mut loading = use_signal(|| Loading::Done);
    let retry = use_signal(|| 0_u32);
    use_context_provider(|| Languages {
        arrived,
        started,
        loading,
        retry,
    });
    // The language last spoken: kept across re-derivations, not itself something to draw from.
    let before = use_hook(|| Rc::new(Cell::new(None::<Lang>)));
    let tr = use_memo(move || {
        arrived.read();
        let lang = speaking(lang_for(&vault.read().state().prefs), before.get());
        if catalog::is_loaded(lang) {
            before.set(Some(lang));
        }
        Translator::new(lang)
    });
    use_effect(move || {
        retry.read();
        let wanted = lang_for(&vault.read().state().prefs);
        if catalog::is_loaded(wanted) {
            loading.set(Loading::Done);
            return;
        }
        loading.set(Loading::Fetching(wanted));
        let store = store.clone();
        spawn(async move {
            if let Err(e) = load(wanted).await {
                tracing::warn!(%wanted, error = %e, "could not load the language's words");
                failed(loading, started, wanted);
                return;
            }
            loading.set(Loading::Done);
            // The page's chooser stayed on screen while the words came, and took taps: the
            // language tapped there is the one to start in (fetched in turn when it is another).
            if !*started.peek() {
                let mut vault = vault.write();
                crate::store::take_first_language(store.as_ref(), &mut vault);
                if catalog::is_loaded(lang_for(&vault.state().prefs)) {
                    started.set(true);
                }
            }
            *arrived.write() += 1;
        });
    });
    use_context_provider(|| tr)
}

/// Fetch `lang`'s words and hand them to the catalog.
async fn load(lang: Lang) -> Result<(), String> {
    let text = fetch_words(lang.folder()).await?;
    catalog::install(lang.folder(), text).map_err(|e| e.to_string())
}

/// For a screen that speaks more than the person's language (what is written for an office is
/// in Kazakh and Russian whatever the app's language): fetches the words of `langs` that are not
/// here yet. `Some(true)` once all are here, `Some(false)` if one could not be fetched (no
/// connection and not kept yet), `None` while they are on their way. Native builds have them
/// all at once.
pub fn use_words_of(langs: &'static [Lang]) -> Option<bool> {
    let mut arrived = use_languages().arrived;
    let mut failed = use_signal(|| false);
    use_hook(move || {
        for lang in langs.iter().copied().filter(|l| !catalog::is_loaded(*l)) {
            spawn(async move {
                match load(lang).await {
                    Ok(()) => *arrived.write() += 1,
                    Err(e) => {
                        tracing::warn!(%lang, error = %e, "could not load a language's words");
                        failed.set(true);
                    }
                }
            });
        }
    });
    arrived.read();
    if langs.iter().all(|l| catalog::is_loaded(*l)) {
        Some(true)
    } else if *failed.read() {
        Some(false)
    } else {
        None
    }
}

/// Loading `lang` failed: say so, and when nothing could be drawn at all (the first start), let
/// the page's own first screen say it, in the words it has, with its button to try again.
fn failed(mut loading: Signal<Loading>, mut started: Signal<bool>, lang: Lang) {
    loading.set(Loading::Failed(lang));
    if *started.peek() {
        return;
    }
    if Lang::ALL.into_iter().any(catalog::is_loaded) {
        // A language tapped on the page's chooser could not come, but the one fetched before
        // did: better the screens in that one (with settings to try again) than none.
        started.set(true);
    } else {
        let _ = document::eval(r#"document.dispatchEvent(new Event("kosh-failed"));"#);
    }
}

/// The words of one language folder, from the web bundle: the request the page itself started
/// when the person tapped a language on its first screen (`window.koshLocales`, see
/// `web/index.html`), or a new one. The service worker answers it from its cache when offline.
#[cfg(target_arch = "wasm32")]
async fn fetch_words(folder: &'static str) -> Result<String, String> {
    let script = format!(
        r#"const folder = {folder:?};
        const fetchIt = () => fetch("/locales/" + folder + ".ftl").then((r) => {{
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.text();
        }});
        const early = window.koshLocales && window.koshLocales[folder];
        return await (early ? early.catch(fetchIt) : fetchIt());"#
    );
    let value = document::eval(&script).await.map_err(|e| e.to_string())?;
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("not a text: {value}"))
}

/// Native builds embed every language (the `embedded` feature): nothing is ever fetched.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch_words(folder: &'static str) -> Result<String, String> {
    Err(format!("{folder}: a native build embeds its languages"))
}

/// The translator the root provides.
pub fn use_i18n() -> Memo<Translator> {
    use_context::<Memo<Translator>>()
}

/// How loading languages goes (the settings say when the chosen one could not be fetched).
pub fn use_languages() -> Languages {
    use_context::<Languages>()
}

#[cfg(test)]
mod tests {
    use kosh_locales::{Lang, Translator};
    use serde_json::{Map, Value, json};

    /// The page the server hands out first. Before the wasm has arrived (seconds on 3G) it draws
    /// the language chooser itself, so it must offer what the app's chooser offers, in the same
    /// words.
    const PAGE: &str = include_str!("../web/index.html");

    /// What the page's first screen says, by its name there and the message it is copied from.
    const FIRST_SCREEN_WORDS: [(&str, &str); 5] = [
        ("title", "ui-language-title"),
        ("hint", "ui-language-hint"),
        ("loading", "ui-loading"),
        ("failed", "ui-error-try-again"),
        ("retry", "ui-retry"),
    ];

    /// The page's text between `start` and the next `end`, after `start`.
    fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
        let (_, rest) = text.split_once(start)?;
        rest.split_once(end)
    }

    #[test]
    fn the_pages_chooser_offers_the_apps_languages_in_their_own_names() {
        let mut buttons = Vec::new();
        let mut rest = PAGE;
        while let Some((tag, after)) = between(rest, "data-lang=\"", "\"") {
            let (name, after) = between(after, ">", "</button>").expect("a button's text");
            buttons.push((tag.to_owned(), name.to_owned()));
            rest = after;
        }
        let app: Vec<_> = Lang::ALL
            .iter()
            .map(|l| (l.tag().to_owned(), l.native_name().to_owned()))
            .collect();
        assert_eq!(
            buttons, app,
            "the buttons of #kosh-first in mobile/web/index.html"
        );
        // Each name is marked as written in its own language, as the app's buttons are.
        for lang in Lang::ALL {
            let marked = format!("lang=\"{}\" data-lang=\"{}\"", lang.tag(), lang.tag());
            assert!(PAGE.contains(&marked), "{marked}");
        }
    }

    #[test]
    fn the_pages_first_screen_says_what_the_translations_say() {
        let (words, _) = between(
            PAGE,
            "<script type=\"application/json\" id=\"kosh-first-words\">",
            "</script>",
        )
        .expect("the first screen's words in index.html");
        let words: Value = serde_json::from_str(words).expect("the words are JSON");
        let mut expected = Map::new();
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            let mut entry = Map::new();
            entry.insert(
                "dir".into(),
                json!(if lang.is_rtl() { "rtl" } else { "ltr" }),
            );
            for (name, key) in FIRST_SCREEN_WORDS {
                entry.insert(name.into(), json!(tr.t(key)));
            }
            expected.insert(lang.tag().into(), Value::Object(entry));
        }
        let expected = Value::Object(expected);
        assert_eq!(
            words,
            expected,
            "the words of #kosh-first-words in mobile/web/index.html are out of date; they are:\n{}",
            serde_json::to_string_pretty(&expected).unwrap_or_default()
        );
    }
}
