//! The one error type of `kosh-shared`. Every variant says what was wrong in words a developer
//! can act on, and names the thing (question id, file, position) it is about. The app never shows
//! these texts to a person: it maps `Error::code()` to a localised message.

use thiserror::Error;

/// Everything that can go wrong inside the domain crate.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// A hybrid logical clock stamp that does not parse.
    #[error("invalid HLC {text:?}: {reason}")]
    InvalidHlc { text: String, reason: String },
    /// A date that is not `YYYY-MM-DD`.
    #[error("invalid date {text:?}: expected YYYY-MM-DD")]
    InvalidDate { text: String },
    /// An identifier that is empty or has characters it may not have.
    #[error("invalid {kind} id {text:?}")]
    InvalidId { kind: &'static str, text: String },
}

impl Error {
    /// A stable `snake_case` code for the error, the one the app localises and the server sends.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidHlc { .. } => "invalid_hlc",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidId { .. } => "invalid_id",
        }
    }
}

/// Result with the domain crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
