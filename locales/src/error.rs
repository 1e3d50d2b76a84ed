//! The one error type of this crate: what can go wrong loading or checking message files.
//! Looking a word up never fails (it falls back, see `translator`); these errors come from
//! loading and from the checks the tests run.

/// What went wrong with a language's message files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocaleError {
    /// A tag that names no language Kosh has.
    #[error("no such language: {0:?}")]
    UnknownLanguage(String),
    /// An `.ftl` file that does not parse.
    #[error("{folder}/{file}: syntax error: {detail}")]
    Syntax {
        folder: String,
        file: String,
        detail: String,
    },
    /// The same message id in two files (or twice in one) of one language.
    #[error("{folder}: message {id:?} is defined more than once")]
    Duplicate { folder: String, id: String },
}

/// A result with [`LocaleError`].
pub type LocaleResult<T> = Result<T, LocaleError>;
