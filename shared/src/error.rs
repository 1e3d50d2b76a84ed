//! The one error type of `kosh-shared` and the codes errors travel as. Every variant says what
//! was wrong in words a developer can act on, and names the thing (question id, file, position)
//! it is about. The app never shows these texts to a person: it maps `Error::code()`, one of
//! [`ERROR_CODES`], to a localised message. [`PolicyProblem`], the detail of a bad policy bundle,
//! lives here too so that this module depends on nothing else in the crate: every other module
//! may use it.

use std::fmt;

use thiserror::Error;

/// Every error code the server sends (API.md plus the generic HTTP ones). The app has a
/// localised message for each; `kosh-locales`' tests check that.
pub const ERROR_CODES: &[&str] = &[
    "bad_request",
    "unauthorized",
    "forbidden",
    "not_found",
    "method_not_allowed",
    "conflict",
    "payload_too_large",
    "unsupported_media_type",
    "request_timeout",
    "rate_limited",
    "internal",
    "invalid_email",
    "weak_password",
    "email_taken",
    "invalid_credentials",
    "token_reused",
    "too_many_ops",
    "validation_failed",
    "invalid_transition",
    "unknown_region",
    "unknown_form",
    "invalid_hlc",
    "invalid_date",
    "uri_too_long",
    "headers_too_large",
    "server_busy",
    "storage_full",
    "invalid_policy",
    "invalid_form",
    "version_exists",
    "hash_mismatch",
    "quota_exceeded",
    "bad_range",
];

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
    /// The policy bundle is malformed; `problem` says exactly what, `path` where (a JSON path
    /// into the bundle, `support_measures[0].amount`).
    #[error("invalid policy at {path:?}: {problem}")]
    InvalidPolicy {
        path: String,
        problem: PolicyProblem,
    },
    /// A figure the bundle marks as not yet published (2027's MCI before the budget law).
    #[error("the {what} of {year} is not published yet")]
    NotYetPublished { what: &'static str, year: i32 },
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
    /// Always one of [`ERROR_CODES`], so every code has a message in every language.
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
            | Error::NotYetPublished { .. }
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

/// What exactly is wrong with a policy bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    /// The text is not valid JSON of the policy's shape.
    Json { message: String },
    /// A table the policy cannot do without is empty (MCI values, regions, criteria).
    Missing { what: &'static str },
    /// Two items of one kind share an id.
    DuplicateId { kind: &'static str, id: String },
    /// An MCI value that is zero or negative.
    NonPositiveMci { year: i32 },
    /// A support measure whose amount is zero, negative, an inverted band, or paid zero times.
    BadAmount { measure: String, reason: String },
    /// A stage id that is not one this build knows.
    UnknownStage { id: String },
    /// A stage the road cannot do without (`submitted`, `decision`) missing.
    MissingStage { id: String },
    /// A stage of the application without days, a stage of zero days, or a zero total.
    BadStageDays { reason: String },
    /// The road's parts out of order, or working days without the non-working days.
    BadRoad { reason: String },
    /// A quota for a region the policy does not list.
    UnknownRegion { region: String },
    /// A contract term of zero years.
    BadTerm,
    /// A criterion with no rules, or a rule with nothing to score (no values or bands).
    EmptyRule { criterion: String },
    /// A `language_level` rule with a level that is not on the scale.
    UnknownLevel { criterion: String, level: String },
    /// Bands not in strictly increasing order of `min`, or not finite.
    BadBands { criterion: String },
    /// A criterion whose `max` is not the sum of its rules' maxima.
    MaxMismatch {
        criterion: String,
        declared: u32,
        computed: u32,
    },
    /// A pass mark above the most points the table can give.
    PassMarkUnreachable { pass_mark: u32, max_total: u32 },
    /// A rule reading a question the form does not have.
    UnknownQuestion { criterion: String, question: String },
    /// An item without a source text, or marked uncertain without a note saying why.
    MissingProvenance { item: String },
    /// A figure marked not yet published (`null`) without a note saying what it waits for.
    PendingWithoutNote { item: String },
    /// A bundle whose `valid_until` is before its `valid_from`.
    BadValidity,
    /// A document item or path rule that does not hold together (a bad id, nobody who brings
    /// it, a maximum age of zero days, a path with no rule saying when it applies).
    BadDocument { item: String, reason: String },
    /// A document item's or path's condition that does not parse; `column` is 1-based.
    BadCondition {
        item: String,
        column: usize,
        reason: String,
    },
    /// A document condition reading a question the form does not have.
    DocumentQuestion { item: String, question: String },
}

impl PolicyProblem {
    /// A stable `snake_case` code for the problem: the `code` of a `{path, code}` entry.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyProblem::Json { .. } => "json",
            PolicyProblem::Missing { .. } => "missing",
            PolicyProblem::DuplicateId { .. } => "duplicate_id",
            PolicyProblem::NonPositiveMci { .. } => "not_positive",
            PolicyProblem::BadAmount { .. } => "bad_amount",
            PolicyProblem::UnknownStage { .. } => "unknown_stage",
            PolicyProblem::MissingStage { .. } => "missing_stage",
            PolicyProblem::BadStageDays { .. } => "bad_stage_days",
            PolicyProblem::BadRoad { .. } => "bad_road",
            PolicyProblem::UnknownRegion { .. } => "unknown_region",
            PolicyProblem::BadTerm => "bad_term",
            PolicyProblem::EmptyRule { .. } => "empty_rule",
            PolicyProblem::UnknownLevel { .. } => "unknown_level",
            PolicyProblem::BadBands { .. } => "bad_bands",
            PolicyProblem::MaxMismatch { .. } => "max_mismatch",
            PolicyProblem::PassMarkUnreachable { .. } => "pass_mark_unreachable",
            PolicyProblem::UnknownQuestion { .. } => "unknown_question",
            PolicyProblem::MissingProvenance { .. } => "missing_source",
            PolicyProblem::PendingWithoutNote { .. } => "pending_without_note",
            PolicyProblem::BadValidity => "bad_validity",
            PolicyProblem::BadDocument { .. } => "bad_document",
            PolicyProblem::BadCondition { .. } => "bad_condition",
            PolicyProblem::DocumentQuestion { .. } => "unknown_question",
        }
    }
}

/// One problem of a policy bundle or a form an officer tried to publish: where it is (a JSON
/// path into the document, `support_measures[0].amount`; empty for the whole document), a
/// stable code, and what is wrong in English. Publishing answers 422 with every one of them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: String,
    pub code: String,
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(
        path: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            path: path.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyProblem::Json { message } => write!(f, "not a policy bundle: {message}"),
            PolicyProblem::Missing { what } => write!(f, "the policy has no {what}"),
            PolicyProblem::DuplicateId { kind, id } => write!(f, "duplicate {kind} {id:?}"),
            PolicyProblem::NonPositiveMci { year } => {
                write!(f, "the MCI of {year} must be a positive number of tenge")
            }
            PolicyProblem::BadAmount { measure, reason } => {
                write!(f, "support measure {measure:?}: {reason}")
            }
            PolicyProblem::UnknownStage { id } => write!(f, "unknown stage {id:?}"),
            PolicyProblem::MissingStage { id } => {
                write!(f, "the road has no stage {id:?} in the application")
            }
            PolicyProblem::BadStageDays { reason } => write!(f, "stage durations: {reason}"),
            PolicyProblem::BadRoad { reason } => write!(f, "the road of stages: {reason}"),
            PolicyProblem::UnknownRegion { region } => {
                write!(f, "quota for unknown region {region:?}")
            }
            PolicyProblem::BadTerm => write!(f, "the contract term must be at least one year"),
            PolicyProblem::EmptyRule { criterion } => {
                write!(
                    f,
                    "criterion {criterion:?} has a rule with nothing to score"
                )
            }
            PolicyProblem::UnknownLevel { criterion, level } => {
                write!(
                    f,
                    "criterion {criterion:?}: {level:?} is not a language level"
                )
            }
            PolicyProblem::BadBands { criterion } => write!(
                f,
                "criterion {criterion:?}: bands must have finite, strictly increasing minima"
            ),
            PolicyProblem::MaxMismatch {
                criterion,
                declared,
                computed,
            } => write!(
                f,
                "criterion {criterion:?} declares max {declared} but its rules give at most {computed}"
            ),
            PolicyProblem::PassMarkUnreachable {
                pass_mark,
                max_total,
            } => write!(
                f,
                "pass mark {pass_mark} is above the most points the table gives ({max_total})"
            ),
            PolicyProblem::UnknownQuestion {
                criterion,
                question,
            } => write!(
                f,
                "criterion {criterion:?} reads question {question:?}, which the form does not have"
            ),
            PolicyProblem::MissingProvenance { item } => write!(
                f,
                "{item}: every item needs a source, and an uncertain one a note saying why"
            ),
            PolicyProblem::PendingWithoutNote { item } => write!(
                f,
                "{item} is marked not yet published (null) but has no note saying what it waits for"
            ),
            PolicyProblem::BadValidity => write!(f, "valid_until is before valid_from"),
            PolicyProblem::BadDocument { item, reason } => write!(f, "{item}: {reason}"),
            PolicyProblem::BadCondition {
                item,
                column,
                reason,
            } => write!(f, "{item}: condition, column {column}: {reason}"),
            PolicyProblem::DocumentQuestion { item, question } => write!(
                f,
                "{item} reads question {question:?}, which the form does not have"
            ),
        }
    }
}
