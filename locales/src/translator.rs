//! Turning a message key into words for a person: look the key up along the person's chain of
//! languages, format it with its arguments, and format dates and tenge amounts the way each
//! language writes them. Nothing here panics or fails: a missing word falls back to the next
//! language, and is logged, so a gap shows up in development without a person ever seeing an
//! error.

use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentArgs;

use crate::catalog;
use crate::lang::{Lang, chain_for, negotiate};

/// What the app and the server hold to speak to one person: the language they read and the
/// languages to fall back to. Cheap to clone and compare (the messages themselves are loaded
/// once per process and shared).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Translator {
    /// Never empty: it always ends with Russian and English.
    chain: Vec<Lang>,
}

impl Default for Translator {
    /// Russian, then English.
    fn default() -> Self {
        Translator::new(Lang::REFERENCE)
    }
}

/// Thin no-break space is not used: Kosh's languages group digits with the ordinary no-break
/// space (CLDR), and that is also what old Android fonts are sure to have.
const DEFAULT_THOUSANDS_SEPARATOR: &str = "\u{A0}";

impl Translator {
    /// A translator for a language the person chose: that language, then Russian, then English.
    pub fn new(lang: Lang) -> Self {
        Translator {
            chain: chain_for(lang),
        }
    }

    /// A translator for a person with these preferences (BCP 47 tags, most preferred first),
    /// as the phone or the browser lists them. See [`negotiate`].
    pub fn negotiate<S: AsRef<str>>(preferences: &[S]) -> Self {
        Translator {
            chain: negotiate(preferences),
        }
    }

    /// The language the person reads.
    pub fn lang(&self) -> Lang {
        self.chain.first().copied().unwrap_or(Lang::REFERENCE)
    }

    /// The languages a key is looked up in, in order.
    pub fn chain(&self) -> &[Lang] {
        &self.chain
    }

    /// The words for `key`. When no language of the chain has it, the key itself (the one case
    /// a person could see a key: better than an empty button).
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None).unwrap_or_else(|| key.to_owned())
    }

    /// The words for `key` with its variables filled in from `args`.
    pub fn t_args(&self, key: &str, args: &FluentArgs<'_>) -> String {
        self.lookup(key, Some(args))
            .unwrap_or_else(|| key.to_owned())
    }

    /// The words for `key`, or `None` when no language of the chain has it: for callers that
    /// have something better to show than the key (a server error's code with no message
    /// falls back to `error-unknown`).
    pub fn try_t(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        self.lookup(key, args)
    }

    /// Whether some language of the chain has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.chain.iter().any(|lang| {
            catalog::bundle(*lang)
                .and_then(|b| b.get_message(key))
                .is_some_and(|m| m.value().is_some())
        })
    }

    /// A date as the person's language writes it: `12 наурыз 2026`, `12 марта 2026`,
    /// `12 March 2026`, `12-mart, 2026`, `2026年3月12日` (message `ui-format-date`).
    pub fn date(&self, date: NaiveDate) -> String {
        let mut args = FluentArgs::new();
        args.set("day", date.day());
        args.set("month", date.month());
        args.set("year", date.year());
        self.t_args("ui-format-date", &args)
    }

    /// A whole number with its digits grouped in threes as the language does it (`1 275 875`,
    /// `1,275,875`).
    pub fn number(&self, n: u64) -> String {
        let separator = self
            .lookup("ui-format-thousands-separator", None)
            .unwrap_or_else(|| DEFAULT_THOUSANDS_SEPARATOR.to_owned());
        group_digits(n, &separator)
    }

    /// An amount in tenge as the language writes it: `1 275 875 ₸` (message `ui-format-tenge`).
    pub fn tenge(&self, amount: u64) -> String {
        let mut args = FluentArgs::new();
        args.set("amount", self.number(amount));
        self.t_args("ui-format-tenge", &args)
    }

    /// The words for a server error `code` (`error-<code>`); a code this build has no words
    /// for (a newer server) gets the general `error-unknown`, never the raw code.
    pub fn error(&self, code: &str) -> String {
        self.lookup(&format!("error-{code}"), None)
            .or_else(|| self.lookup("error-unknown", None))
            .unwrap_or_else(|| code.to_owned())
    }

    /// The words for a validation `code` under a question (`validation-<code>`); an unknown
    /// code gets the general `validation-check_failed`.
    pub fn validation(&self, code: &str) -> String {
        self.lookup(&format!("validation-{code}"), None)
            .or_else(|| self.lookup("validation-check_failed", None))
            .unwrap_or_else(|| code.to_owned())
    }

    fn lookup(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let wanted = self.lang();
        for lang in &self.chain {
            let Some(bundle) = catalog::bundle(*lang) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            if *lang != wanted {
                tracing::warn!(key, wanted = %wanted, used = %lang, "missing message: fell back");
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, lang = %lang, ?errors, "message formatted with errors");
            }
            return Some(text.into_owned());
        }
        tracing::error!(key, wanted = %wanted, "missing message in every language");
        None
    }
}

/// `n` with `separator` between groups of three digits, counted from the end.
fn group_digits(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// The server keeps one translator per request and the catalog in a `static`; the app keeps
    /// one in a signal. Both need these bounds.
    #[test]
    fn translator_and_bundles_are_shareable_across_threads() {
        fn shareable<T: Send + Sync + 'static>() {}
        shareable::<Translator>();
        shareable::<crate::catalog::Bundle>();
    }

    #[rstest]
    #[case(0, "0")]
    #[case(7, "7")]
    #[case(999, "999")]
    #[case(1000, "1_000")]
    #[case(302_750, "302_750")]
    #[case(1_275_875, "1_275_875")]
    #[case(u64::MAX, "18_446_744_073_709_551_615")]
    fn groups_digits(#[case] n: u64, #[case] grouped: &str) {
        assert_eq!(group_digits(n, "_"), grouped);
    }
}
