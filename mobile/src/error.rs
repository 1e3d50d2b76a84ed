//! The one error type of the app's library. Each variant carries a stable `code()` that the
//! screens turn into words through the locales; the English `Display` text is for logs only.
//! (A corrupted saved state is not an error: opening sets it aside and reports it as
//! `store::Recovery`, and the app starts clean.)

use thiserror::Error;

/// Everything that can go wrong outside the screens: the local store, the network, the server.
#[derive(Debug, Error)]
pub enum AppError {
    /// Reading or writing the phone's own storage failed.
    #[error("local storage: {0}")]
    Storage(String),
    /// The server could not be reached (no connection, DNS, timeout).
    #[error("the server is unreachable: {0}")]
    Offline(String),
    /// The server answered with an error body; `code` is one of `kosh_shared::api::ERROR_CODES`.
    #[error("the server said {status} {code}")]
    Api {
        status: u16,
        code: String,
        fields: Vec<kosh_shared::api::FieldError>,
    },
    /// The server answered something that is not what API.md promises.
    #[error("unexpected answer from the server: {0}")]
    Protocol(String),
    /// An action that needs an account was tried without one.
    #[error("not signed in")]
    SignedOut,
    /// A file made on the phone (a calendar file) could not be handed to the phone.
    #[error("file: {0}")]
    File(String),
    /// A rule of the domain refused the input (bad date, unknown question id...).
    #[error(transparent)]
    Domain(#[from] kosh_shared::Error),
}

impl AppError {
    /// The code the screens localise: `error-<code>` in the locales.
    pub fn code(&self) -> &str {
        match self {
            AppError::Storage(_) => "storage",
            AppError::Offline(_) => "offline",
            AppError::Api { code, .. } => code,
            AppError::Protocol(_) => "protocol",
            AppError::SignedOut => "signed_out",
            AppError::File(_) => "file",
            AppError::Domain(e) => e.code(),
        }
    }

    /// Whether trying again later may help (the network), as opposed to a refusal.
    pub fn is_transient(&self) -> bool {
        match self {
            AppError::Offline(_) => true,
            AppError::Api { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// Result with the app's error.
pub type AppResult<T, E = AppError> = std::result::Result<T, E>;
