//! The benchmark's one error type: what stopped a target from being measured. A failed target
//! becomes a row that says why; it never stops the other targets.

use std::path::PathBuf;

/// Why a measurement (or a server under test) could not go on.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} not found")]
    Missing(PathBuf),
    #[error("the server {how} (last output: {output:?})")]
    NotListening { how: String, output: String },
    #[error("HTTP: {0}")]
    Http(String),
    #[error("{method} {path} answered {status}: {body}")]
    Status {
        method: &'static str,
        path: String,
        status: u16,
        body: String,
    },
    #[error("unexpected answer to {path}: {reason}")]
    Protocol { path: String, reason: String },
    #[error("{0}")]
    Setup(String),
}

impl BenchError {
    /// An I/O error with what was being done.
    pub fn io(what: impl Into<String>, source: std::io::Error) -> BenchError {
        BenchError::Io {
            what: what.into(),
            source,
        }
    }
}

/// The crate's result type.
pub type BenchResult<T> = Result<T, BenchError>;
