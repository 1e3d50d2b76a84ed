//! The languages Kosh speaks, their tags and their own names, and how a list of a person's
//! preferences (BCP 47 tags from the phone or the browser) becomes a chain of languages to look
//! words up in.

use std::fmt;
use std::str::FromStr;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

use crate::error::LocaleError;

/// A language of the app. Kazakh comes three times: written in Cyrillic (the files in `kk/`), in
/// the 2021 Latin alphabet and in the Arabic script (both derived from those same files when they
/// are loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Kazakh in Cyrillic letters, as official services write it.
    Kk,
    /// Kazakh in the 2021 Latin alphabet, transliterated from [`Lang::Kk`].
    KkLatn,
    /// Kazakh in the Arabic script (төте жазу), as Kazakhs from China read it, transliterated
    /// from [`Lang::Kk`]; written right to left.
    KkArab,
    /// Russian: the reference language every other one is checked against.
    Ru,
    /// English.
    En,
    /// Uzbek in Latin letters.
    Uz,
    /// Chinese in simplified characters.
    ZhHans,
}

impl Lang {
    /// Every language, in the order the language screen lists them.
    pub const ALL: [Lang; 7] = [
        Lang::Kk,
        Lang::KkLatn,
        Lang::KkArab,
        Lang::Ru,
        Lang::Uz,
        Lang::ZhHans,
        Lang::En,
    ];

    /// The language every other one is checked against, and the first fallback.
    pub const REFERENCE: Lang = Lang::Ru;

    /// The BCP 47 tag (`kk`, `kk-Latn`, `ru`, `en`, `uz`, `zh-Hans`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::KkLatn => "kk-Latn",
            Lang::KkArab => "kk-Arab",
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Uz => "uz",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The folder under `locales/` whose `.ftl` files hold this language's messages. Latin and
    /// Arabic-script Kazakh have none of their own: they are made from the Cyrillic files.
    pub fn folder(self) -> &'static str {
        match self {
            Lang::KkLatn | Lang::KkArab => "kk",
            other => other.tag(),
        }
    }

    /// The language's name in itself, as a person looking for their language expects to read
    /// it whatever language the screen is in.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::KkLatn => "Qazaqşa",
            Lang::KkArab => "قازاقشا",
            Lang::Ru => "Русский",
            Lang::En => "English",
            // U+02BB (modifier letter turned comma) is the Uzbek Latin oʻ, not an apostrophe.
            Lang::Uz => "Oʻzbekcha",
            Lang::ZhHans => "中文",
        }
    }

    /// Whether this is Kazakh, in any script.
    pub fn is_kazakh(self) -> bool {
        matches!(self, Lang::Kk | Lang::KkLatn | Lang::KkArab)
    }

    /// Whether the language is written right to left (the page gets `dir="rtl"`).
    pub fn is_rtl(self) -> bool {
        self == Lang::KkArab
    }

    /// The same language in `script` when this is Kazakh (the settings switch between the
    /// three); any other language stays as it is.
    pub fn with_kazakh_script(self, script: KazakhScript) -> Lang {
        if !self.is_kazakh() {
            return self;
        }
        match script {
            KazakhScript::Cyrillic => Lang::Kk,
            KazakhScript::Latin => Lang::KkLatn,
            KazakhScript::Arabic => Lang::KkArab,
        }
    }

    /// The Kazakh script of this language, when it is Kazakh.
    pub fn kazakh_script(self) -> Option<KazakhScript> {
        match self {
            Lang::Kk => Some(KazakhScript::Cyrillic),
            Lang::KkLatn => Some(KazakhScript::Latin),
            Lang::KkArab => Some(KazakhScript::Arabic),
            _ => None,
        }
    }

    /// The language identifier Fluent and the plural rules work with.
    pub fn langid(self) -> LanguageIdentifier {
        // The tags above are well-formed; the match keeps this free of a parse that could fail.
        match self {
            Lang::Kk => unic_langid::langid!("kk"),
            Lang::KkLatn => unic_langid::langid!("kk-Latn"),
            Lang::KkArab => unic_langid::langid!("kk-Arab"),
            Lang::Ru => unic_langid::langid!("ru"),
            Lang::En => unic_langid::langid!("en"),
            Lang::Uz => unic_langid::langid!("uz"),
            Lang::ZhHans => unic_langid::langid!("zh-Hans"),
        }
    }

    /// The language exactly named by `tag` (case-insensitive, `_` accepted for `-`), if Kosh
    /// has it. Use [`negotiate`] for a phone's preferences such as `kk-KZ` or `zh-CN`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let wanted = tag.trim().replace('_', "-");
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(&wanted))
    }
}

/// The three ways Kazakh is written, which the settings let a person switch between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KazakhScript {
    Cyrillic,
    Latin,
    Arabic,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Lang {
    type Err = LocaleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| LocaleError::UnknownLanguage(s.to_owned()))
    }
}

/// The chain of languages to look a word up in for a person with these preferences (most
/// preferred first, as BCP 47 tags: `kk-KZ`, `ru`, `uz-Latn-UZ`, `zh-CN`, `zh-Hans` …): every
/// language of Kosh that matches one of them, in the person's order, then Russian, then
/// English. The chain is never empty; tags that don't parse are skipped.
pub fn negotiate<S: AsRef<str>>(preferences: &[S]) -> Vec<Lang> {
    let requested: Vec<LanguageIdentifier> = preferences
        .iter()
        .filter_map(|p| p.as_ref().trim().replace('_', "-").parse().ok())
        .collect();
    let available: Vec<LanguageIdentifier> = Lang::ALL.iter().map(|l| l.langid()).collect();

    let mut chain: Vec<Lang> = Vec::new();
    // Each preference on its own, so that the person's order wins over the order in which
    // fluent-langneg's filtering would list matches of several preferences.
    for wanted in &requested {
        let matched = negotiate_languages(
            std::slice::from_ref(wanted),
            &available,
            None,
            NegotiationStrategy::Filtering,
        );
        let found: Vec<Lang> = matched
            .into_iter()
            .filter_map(|id| Lang::ALL.into_iter().find(|l| &l.langid() == id))
            .collect();
        // A plain `kk`/`kk-KZ` matches both Kazakh scripts: the script asked for wins, and
        // without one the Cyrillic (what official services use). Only one of the three is kept:
        // the Latin and Arabic ones are made from the Cyrillic, so another would never fill a
        // gap.
        // A stable partition rather than a sort by that key: the same order, without a copy of
        // the standard sort in the web app's wasm for a list of at most seven.
        let (preferred, others): (Vec<Lang>, Vec<Lang>) =
            found.into_iter().partition(|l| match wanted.script {
                Some(script) => l.langid().script == Some(script),
                None => !matches!(*l, Lang::KkLatn | Lang::KkArab),
            });
        let mut found = preferred;
        found.extend(others);
        if let Some(first_kazakh) = found.iter().position(|l| l.is_kazakh()) {
            let mut i = 0;
            found.retain(|l| {
                i += 1;
                !l.is_kazakh() || i - 1 == first_kazakh
            });
        }
        if found.is_empty() {
            // Same language in a script or region Kosh lacks (zh-TW, uz-Cyrl, kk-Cyrl-CN): the
            // language's written form we have is closer to the person than Russian.
            found.extend(Lang::ALL.into_iter().filter(|l| {
                l.langid().language == wanted.language && !matches!(*l, Lang::KkLatn | Lang::KkArab)
            }));
        }
        for lang in found {
            push_unique(&mut chain, lang);
        }
    }
    push_unique(&mut chain, Lang::Ru);
    push_unique(&mut chain, Lang::En);
    chain
}

/// The chain for a language the person picked themselves: that language, then Russian, then
/// English.
pub fn chain_for(lang: Lang) -> Vec<Lang> {
    let mut chain = vec![lang];
    push_unique(&mut chain, Lang::Ru);
    push_unique(&mut chain, Lang::En);
    chain
}

fn push_unique(chain: &mut Vec<Lang>, lang: Lang) {
    if !chain.contains(&lang) {
        chain.push(lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::kazakh_in_kazakhstan(&["kk-KZ"], &[Lang::Kk, Lang::Ru, Lang::En])]
    #[case::plain_kazakh(&["kk"], &[Lang::Kk, Lang::Ru, Lang::En])]
    #[case::arabic_kazakh(&["kk-Arab-CN", "zh-CN"], &[Lang::KkArab, Lang::ZhHans, Lang::Ru, Lang::En])]
    #[case::kazakh_in_china(&["kk-CN"], &[Lang::Kk, Lang::Ru, Lang::En])]
    #[case::both_scripts(&["kk-Latn", "kk-Cyrl"], &[Lang::KkLatn, Lang::Kk, Lang::Ru, Lang::En])]
    #[case::latin_kazakh(&["kk-Latn-KZ"], &[Lang::KkLatn, Lang::Ru, Lang::En])]
    #[case::russian(&["ru-RU", "en"], &[Lang::Ru, Lang::En])]
    #[case::uzbek_latin(&["uz-Latn-UZ"], &[Lang::Uz, Lang::Ru, Lang::En])]
    #[case::uzbek_cyrillic(&["uz-Cyrl"], &[Lang::Uz, Lang::Ru, Lang::En])]
    #[case::chinese_mainland(&["zh-CN"], &[Lang::ZhHans, Lang::Ru, Lang::En])]
    #[case::chinese_simplified(&["zh-Hans"], &[Lang::ZhHans, Lang::Ru, Lang::En])]
    #[case::chinese_taiwan(&["zh-TW"], &[Lang::ZhHans, Lang::Ru, Lang::En])]
    #[case::english_first(&["en-GB", "kk"], &[Lang::En, Lang::Kk, Lang::Ru])]
    #[case::order_kept(&["uz", "kk-KZ"], &[Lang::Uz, Lang::Kk, Lang::Ru, Lang::En])]
    #[case::unknown(&["de-DE", "fr"], &[Lang::Ru, Lang::En])]
    #[case::garbage(&["", "!!", "12345678901"], &[Lang::Ru, Lang::En])]
    #[case::nothing(&[], &[Lang::Ru, Lang::En])]
    #[case::underscore(&["kk_KZ"], &[Lang::Kk, Lang::Ru, Lang::En])]
    fn negotiates(#[case] prefs: &[&str], #[case] chain: &[Lang]) {
        assert_eq!(negotiate(prefs), chain);
    }

    #[test]
    fn tags_round_trip_and_names_are_native() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(lang.tag().parse::<Lang>().ok(), Some(lang));
            assert_eq!(lang.langid().to_string(), lang.tag());
        }
        assert_eq!(Lang::from_tag("ZH-hans"), Some(Lang::ZhHans));
        assert!("de".parse::<Lang>().is_err());
        // The Arabic-script name is the transliterator's own spelling of the Cyrillic one.
        assert_eq!(
            crate::to_arabic(Lang::Kk.native_name()),
            Lang::KkArab.native_name()
        );
        let names: Vec<_> = Lang::ALL.iter().map(|l| l.native_name()).collect();
        assert_eq!(
            names,
            [
                "Қазақша",
                "Qazaqşa",
                "قازاقشا",
                "Русский",
                "Oʻzbekcha",
                "中文",
                "English"
            ]
        );
    }

    #[test]
    fn kazakh_script_switch() {
        assert_eq!(
            Lang::Kk.with_kazakh_script(KazakhScript::Latin),
            Lang::KkLatn
        );
        assert_eq!(
            Lang::KkArab.with_kazakh_script(KazakhScript::Cyrillic),
            Lang::Kk
        );
        assert_eq!(
            Lang::KkLatn.with_kazakh_script(KazakhScript::Arabic),
            Lang::KkArab
        );
        assert_eq!(Lang::Ru.with_kazakh_script(KazakhScript::Latin), Lang::Ru);
        assert_eq!(Lang::KkArab.kazakh_script(), Some(KazakhScript::Arabic));
        assert!(Lang::KkArab.is_rtl() && !Lang::Kk.is_rtl());
        assert_eq!(chain_for(Lang::Ru), [Lang::Ru, Lang::En]);
        assert_eq!(chain_for(Lang::En), [Lang::En, Lang::Ru]);
    }
}
