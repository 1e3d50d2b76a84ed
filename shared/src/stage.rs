//! The stages of an application, in order, and the outcomes a stage can end in: the plain
//! vocabulary that the policy (durations per stage), `status` (transitions, due dates) and the
//! wire types all name. It depends on nothing else in the crate, so the policy can use it
//! without depending on `status`; `status` re-exports both types.

use serde::{Deserialize, Serialize};

/// A stage of the 2026 procedure (DOMAIN.md), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Submitted,
    LanguageTest,
    Scoring,
    InteragencyChecks,
    Interview,
    Decision,
}

impl Stage {
    /// Every stage, in the order an application passes through them.
    pub const ALL: [Stage; 6] = [
        Stage::Submitted,
        Stage::LanguageTest,
        Stage::Scoring,
        Stage::InteragencyChecks,
        Stage::Interview,
        Stage::Decision,
    ];

    /// The `snake_case` id used on the wire, in the policy and in locale keys.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Submitted => "submitted",
            Stage::LanguageTest => "language_test",
            Stage::Scoring => "scoring",
            Stage::InteragencyChecks => "interagency_checks",
            Stage::Interview => "interview",
            Stage::Decision => "decision",
        }
    }

    /// The stage with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The stage after this one, if any.
    pub fn next(self) -> Option<Stage> {
        let i = Stage::ALL.iter().position(|s| *s == self)?;
        Stage::ALL.get(i + 1).copied()
    }
}

/// Where a stage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pending,
    Passed,
    Failed,
    Approved,
    Refused,
}

impl Outcome {
    /// Every outcome.
    pub const ALL: [Outcome; 5] = [
        Outcome::Pending,
        Outcome::Passed,
        Outcome::Failed,
        Outcome::Approved,
        Outcome::Refused,
    ];

    /// The `snake_case` id used on the wire and in locale keys.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::Approved => "approved",
            Outcome::Refused => "refused",
        }
    }

    /// The outcome with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }

    /// True when the outcome ends the application.
    pub fn is_final(self) -> bool {
        matches!(self, Outcome::Failed | Outcome::Approved | Outcome::Refused)
    }
}
