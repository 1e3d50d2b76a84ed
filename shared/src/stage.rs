//! The stages of the road to permanent residence and the outcomes a stage can end in: the plain
//! vocabulary that the policy (the road's order, durations, sources), `status` (transitions, due
//! dates) and the wire types all name. The order is the policy's, not this file's: a bundle
//! lists the stages it uses, and which part of the road each is (before Kosh's part, the
//! application Kosh follows, after it). It depends on nothing else in the crate, so the policy
//! can use it without depending on `status`; `status` re-exports these types.

use serde::{Deserialize, Serialize};

/// A stage of the procedure (DOMAIN.md). The variants are listed in the 2026 order for
/// reading; code takes the order from the policy ([`crate::policy::Policy::road`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The KAZTEST in Kazakh at A1: before the questionnaire, which opens only with its
    /// certificate.
    LanguageTest,
    /// The questionnaire as Kosh received it (the application Kosh follows begins here).
    Submitted,
    /// Automatic scoring against the pass mark.
    Scoring,
    /// Checks by other agencies.
    InteragencyChecks,
    /// The final interview at the police department of the place of stay.
    Interview,
    /// The decision: on success, a screening certificate valid for a year.
    Decision,
    /// The residence permit itself, applied for at a public service centre with the
    /// certificate.
    ResidencePermit,
}

impl Stage {
    /// Every stage.
    pub const ALL: [Stage; 7] = [
        Stage::LanguageTest,
        Stage::Submitted,
        Stage::Scoring,
        Stage::InteragencyChecks,
        Stage::Interview,
        Stage::Decision,
        Stage::ResidencePermit,
    ];

    /// The `snake_case` id used on the wire, in the policy and in locale keys.
    pub fn id(self) -> &'static str {
        match self {
            Stage::LanguageTest => "language_test",
            Stage::Submitted => "submitted",
            Stage::Scoring => "scoring",
            Stage::InteragencyChecks => "interagency_checks",
            Stage::Interview => "interview",
            Stage::Decision => "decision",
            Stage::ResidencePermit => "residence_permit",
        }
    }

    /// The stage with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Which part of the road a stage is, seen from Kosh: what the person does before applying,
/// the application Kosh follows stage by stage, and what comes after its decision.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Before,
    #[default]
    Application,
    After,
}

/// How a stage's normal duration is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    #[default]
    Calendar,
    /// Monday to Friday, without the policy's non-working days.
    Working,
}

/// Who recorded a timeline entry: an officer (what counts), the applicant (what an official
/// notice told them, never shown as confirmed), or Kosh itself (the submission).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntrySource {
    Officer,
    Applicant,
    #[default]
    Kosh,
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
