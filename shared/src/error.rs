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
    /// An op or a draft applied to a draft it does not belong to (another draft id or form id).
    #[error("{what} mismatch: expected {expected:?}, found {found:?}")]
    DraftMismatch {
        what: &'static str,
        expected: String,
        found: String,
    },
    /// An op whose `field` cannot be a question id (empty or too long).
    #[error("invalid field {field:?}: a question id is 1 to 200 characters")]
    InvalidField { field: String },
    /// The policy bundle is malformed; `problem` says exactly what and where.
    #[error("invalid policy: {problem}")]
    InvalidPolicy {
        problem: crate::policy::PolicyProblem,
    },
    /// A year the policy has no MCI (monthly calculation index) for.
    #[error("the policy has no MCI for {year}")]
    UnknownMciYear { year: i32 },
    /// A support measure id the policy does not know.
    #[error("unknown support measure {kind:?}")]
    UnknownSupport { kind: String },
    /// A support measure that does not exist yet in the given year.
    #[error("support measure {kind:?} is not available in {year}")]
    SupportNotAvailable { kind: String, year: i32 },
    /// A region id that is not among the policy's regions.
    #[error("unknown region {region:?}")]
    UnknownRegion { region: String },
    /// A contract field that does not make sense.
    #[error("invalid contract {field}: {reason}")]
    InvalidContract { field: &'static str, reason: String },
    /// A stage event that does not follow the stage order.
    #[error("invalid transition from {from} to {to}")]
    InvalidTransition { from: String, to: String },
    /// A form file that is not valid JSON of the form's shape (the reason has line and column).
    #[error("invalid form: {reason}")]
    FormJson { reason: String },
    /// Two sections, two questions, or two children of one repeat group with the same id.
    #[error("duplicate id {id:?} in the form")]
    DuplicateId { id: String },
    /// A choice question (single, multi, language level) without options.
    #[error("question {question}: a choice question needs options")]
    MissingOptions { question: String },
    /// A repeat group without child questions.
    #[error("question {question}: a repeat group needs child questions")]
    EmptyRepeat { question: String },
    /// A question whose definition does not hold together (options on a text question, ...).
    #[error("question {question}: {reason}")]
    InvalidQuestion { question: String, reason: String },
    /// A constraint that cannot apply or cannot be met (min above max, a bad date bound, ...).
    #[error("question {question}: invalid constraint: {reason}")]
    InvalidConstraint { question: String, reason: String },
    /// A condition that does not parse or does not type-check; `column` is 1-based, in
    /// characters of the condition's text.
    #[error("question {question}: condition, column {column}: {reason}")]
    InvalidCondition {
        question: String,
        column: usize,
        reason: String,
    },
    /// A condition that names a question the form does not have.
    #[error("question {question}: condition, column {column}: unknown question {reference:?}")]
    UnknownReference {
        question: String,
        reference: String,
        column: usize,
    },
    /// A question's `example` that breaks its own rules (`code` is the validation code).
    #[error("question {question}: the example is not valid ({code})")]
    InvalidExample { question: String, code: String },
    /// A question id (an op's `field`) the form does not have.
    #[error("form {form} has no question {id:?}")]
    UnknownQuestion { form: String, id: String },
    /// A section id the form does not have.
    #[error("form {form} has no section {id:?}")]
    UnknownSection { form: String, id: String },
    /// An answer whose JSON shape does not fit its question (`code` is the validation code).
    #[error("answer to {field} does not fit the question ({code})")]
    InvalidAnswer { field: String, code: String },
}

impl Error {
    /// A stable `snake_case` code for the error, the one the app localises and the server sends.
    /// Always one of [`crate::api::ERROR_CODES`], so every code has a message in every language.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidHlc { .. } => "invalid_hlc",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidId { .. } => "bad_request",
            Error::DraftMismatch { .. } | Error::InvalidField { .. } => "bad_request",
            // Never a client's mistake: the server refuses to start with a bad policy, so a
            // client that somehow meets one sees a server fault.
            Error::InvalidPolicy { .. } => "internal",
            Error::UnknownMciYear { .. }
            | Error::UnknownSupport { .. }
            | Error::SupportNotAvailable { .. }
            | Error::InvalidContract { .. } => "bad_request",
            Error::UnknownRegion { .. } => "unknown_region",
            Error::InvalidTransition { .. } => "invalid_transition",
            // Never a client's mistake: the built-in forms are checked by the tests, so a client
            // that somehow meets a broken one sees a server fault, like a bad policy.
            Error::FormJson { .. }
            | Error::DuplicateId { .. }
            | Error::MissingOptions { .. }
            | Error::EmptyRepeat { .. }
            | Error::InvalidQuestion { .. }
            | Error::InvalidConstraint { .. }
            | Error::InvalidCondition { .. }
            | Error::UnknownReference { .. }
            | Error::InvalidExample { .. } => "internal",
            Error::UnknownQuestion { .. }
            | Error::UnknownSection { .. }
            | Error::InvalidAnswer { .. } => "bad_request",
        }
    }
}

/// Result with the domain crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
