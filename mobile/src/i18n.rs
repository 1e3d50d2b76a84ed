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
