//! The document catalogue of a policy bundle (`documents` in the JSON): the papers each path
//! asks for, each with its source, who brings it, whether it needs a notarised translation, how
//! old it may be, and where it is handed in. Data only; which items a family's answers call for
//! is `checklist`'s work, and the checks are in `check`.
//!
//! When an item or a path applies is a condition in the questionnaire's own language
//! (`personal.is_ethnic_kazakh == false`, see `form::condition`), so a change of the rules is a
//! new bundle, not a new release. A condition holds only when the answers settle it: an
//! unanswered question calls for nothing yet.

use serde::{Deserialize, Serialize};

use super::Provenance;

/// The paths a family may take, each with its own papers (API.md, Documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentPath {
    /// Kandas status (ethnic Kazakhs).
    KandasStatus,
    /// Resettlement under the regional quota, with its state support and social contract.
    RegionalQuota,
    /// Permanent residence on general grounds.
    GeneralGrounds,
}

impl DocumentPath {
    /// The id on the wire and in locale keys (`documents-path-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            DocumentPath::KandasStatus => "kandas_status",
            DocumentPath::RegionalQuota => "regional_quota",
            DocumentPath::GeneralGrounds => "general_grounds",
        }
    }
}

/// Who brings a paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// The person filling in the questionnaire.
    Applicant,
    /// Every family member who moves with them.
    EachMember,
    /// Every family member who moves and is at least the catalogue's `adult_age`.
    EachAdultMember,
    /// Every member who moves and is the applicant's child (`relation` `child`).
    EachChild,
    /// The family once (proof of funds, the address).
    Family,
}

/// Whether a paper needs a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Translation {
    /// None is asked for (or none is named by the sources: then the item is `uncertain`).
    None,
    /// A translation into Kazakh or Russian, certified by a notary.
    NotarisedKkOrRu,
}

/// When a path applies to a family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    /// The path.
    pub path: DocumentPath,
    /// The condition on the answers under which the family takes it.
    pub when: String,
    /// Where the rule comes from (`source`, `uncertain`, `note`, flattened).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// One paper of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentItem {
    /// Its id (`identity_copy`); the locale key is `documents-item-<id>`.
    pub id: String,
    /// The path that asks for it.
    pub path: DocumentPath,
    /// Who brings it; each applies on its own (the applicant and each member, say).
    pub who: Vec<Who>,
    /// A condition on the answers beyond the path's own, when only some families need it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Whether it needs a notarised translation.
    pub translation: Translation,
    /// How many days old it may be on the day it is handed in (certificates: 180).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<u32>,
    /// How many more days it must be valid on the day it is handed in (a passport: 180).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_for_days: Option<u32>,
    /// Where it is handed in; the locale key is `documents-where-<id>`.
    pub handed_in: String,
    /// Where the requirement comes from (`source`, `uncertain`, `note`, flattened).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// The catalogue: when each path applies, and the papers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// From this age a family member brings the papers asked of adults ([`Who::EachAdultMember`]).
    pub adult_age: u32,
    /// When each path applies.
    pub paths: Vec<PathRule>,
    /// The papers, in the order the checklist shows them.
    pub items: Vec<DocumentItem>,
}

impl Documents {
    /// Whether the bundle has a catalogue at all (bundles published before there was one do not).
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && self.items.is_empty()
    }

    /// The rule of one path, if the catalogue has it.
    pub fn path_rule(&self, path: DocumentPath) -> Option<&PathRule> {
        self.paths.iter().find(|r| r.path == path)
    }
}
