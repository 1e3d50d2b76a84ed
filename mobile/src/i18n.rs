//! Words for the screens: the person's language (from settings, or negotiated from the phone's
//! or the browser's preferences before they chose), through `kosh_locales::Translator`. `init`
//! provides it at the root and re-derives it when the settings change; `use_i18n` reads it.

use dioxus::prelude::*;
use kosh_locales::{FluentArgs, FluentValue, Lang, Translator};

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

/// Provide the translator at the root, following the settings in the vault.
pub fn init(vault: Signal<Vault>) -> Memo<Translator> {
    let tr = use_memo(move || translator_for(&vault.read().state().prefs));
    use_context_provider(|| tr)
}

/// The translator the root provides.
pub fn use_i18n() -> Memo<Translator> {
    use_context::<Memo<Translator>>()
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
