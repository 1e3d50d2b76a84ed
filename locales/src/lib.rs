//! Every word Kosh shows a person, in every language it speaks.
//!
//! The messages are Fluent files, one folder per language (`locales/ru/ui.ftl` …), embedded at
//! build time (the web app has no files to read). The app and the server hold a [`Translator`]
//! for the person's language chain and ask it for words by key (`ui-home-title`,
//! `error-not_found`, `region-pavlodar`), dates and tenge amounts. Latin Kazakh is made from the
//! Cyrillic files by [`to_latin`]. [`fold_kazakh`] and [`matches`] serve search fields.
#![forbid(unsafe_code)]

pub mod catalog;
mod error;
mod fold;
mod lang;
mod latin;
mod translator;

pub use error::{LocaleError, LocaleResult};
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use fold::{fold_kazakh, matches};
pub use lang::{Lang, chain_for, negotiate};
pub use latin::{latinize_ftl, to_latin};
pub use translator::{Translator, arg};
