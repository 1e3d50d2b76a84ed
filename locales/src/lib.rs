//! Every word Kosh shows a person, in every language it speaks.
//!
//! The messages are Fluent files, one folder per language (`locales/ru/ui.ftl` …), embedded at
//! build time (the web app has no files to read). The app and the server hold a [`Translator`]
//! for the person's language chain and ask it for words by key (`ui-home-title`,
//! `error-not_found`, `region-pavlodar`), dates and tenge amounts. Latin Kazakh is made from the
//! Cyrillic files by [`to_latin`]. [`fold_kazakh`] and [`matches`] serve search fields.
//!
//! ```
//! use chrono::NaiveDate;
//! use kosh_locales::{FluentArgs, Lang, Translator};
//!
//! // The phone's preferences; the chain ends in Russian, then English.
//! let tr = Translator::negotiate(&["ru-KZ", "en"]);
//! assert_eq!(tr.lang(), Lang::Ru);
//! assert_eq!(tr.t("ui-yes"), "Да");
//!
//! let mut args = FluentArgs::new();
//! args.set("done", 7);
//! args.set("total", 12);
//! assert_eq!(tr.t_args("ui-home-draft-progress", &args), "Заполнено 7 из 12 разделов");
//!
//! let day = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
//! assert_eq!(tr.date(day), "12 марта 2026");
//! assert_eq!(tr.tenge(1_275_875), "1\u{a0}275\u{a0}875\u{a0}₸");
//! assert_eq!(tr.error("email_taken"), "Эта почта уже занята. Войдите в свой аккаунт.");
//! assert_eq!(tr.error("a_code_from_a_newer_server"), tr.t("error-unknown"));
//! ```
#![forbid(unsafe_code)]

mod arabic;
pub mod catalog;
mod error;
mod fold;
mod ftl_text;
mod lang;
mod latin;
mod translator;

pub use arabic::{arabize_ftl, to_arabic};
pub use error::{LocaleError, LocaleResult};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use fold::{fold_kazakh, matches};
pub use lang::{KazakhScript, Lang, chain_for, negotiate};
pub use latin::{latinize_ftl, to_latin};
pub use translator::Translator;
