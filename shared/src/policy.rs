//! The policy bundle: the numbers that change by year or by order (MCI, support measures,
//! regions and quotas, stage durations, the scoring table), loaded from `shared/policy/` and
//! checked, each item carrying its source.

use std::fmt;

/// What exactly is wrong with a policy bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyProblem {
    /// The text is not valid JSON of the policy's shape.
    Json { message: String },
}

impl fmt::Display for PolicyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyProblem::Json { message } => write!(f, "not a policy bundle: {message}"),
        }
    }
}
