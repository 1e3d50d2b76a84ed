//! The policy bundle: the numbers that change by year or by order (MCI, support measures,
//! regions and quotas, stage durations, the contract's refund rule, the scoring table), loaded
//! from `shared/policy/` and checked, together with the document catalogue (`documents`),
//! each item carrying its source and, where the facts are not
//! settled by a legal text, an `uncertain` flag with a note (one [`Provenance`], flattened into
//! each item's JSON). [`PolicyStatus`] (official or illustrative) is defined here and re-exported
//! by `api`; the problems a bad bundle has are [`PolicyProblem`]s, defined in `error`.
//!
//! [`Policy`] serializes as the body of `GET /v1/policy`. It can only be built by
//! [`Policy::from_json`] (or [`Policy::builtin`]), which checks it, so code holding a `Policy`
//! may rely on its invariants: every stage has a duration, quotas name known regions, MCI values
//! are positive, scoring rules have something to score.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use crate::error::{PolicyProblem, Problem};

mod changes;
mod check;
mod documents;
mod figure;

pub use changes::{PolicyChange, changes};
pub use documents::{DocumentItem, DocumentPath, Documents, PathRule, Translation, Who};
pub use figure::Figure;

use crate::calendar;
use crate::ids::RegionId;
use crate::stage::{DayKind, Part, Stage};

/// Whether a table of numbers is the official one or an illustration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyStatus {
    Official,
    Illustrative,
}

/// The policies shipped with this build, oldest first: 2026's, and 2027's with the figures not
/// yet published marked so (the server publishes a newer one when they are).
const BUILTIN: &str = include_str!("../../policy/policy-2026.json");
const BUILTIN_2027: &str = include_str!("../../policy/policy-2027.json");

/// Language levels in order, the scale `language_level` rules score: the questionnaire's own
/// scale, defined once in `form`.
pub use crate::form::LANGUAGE_LEVELS;

/// Where a fact comes from: who said or published it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The publisher or act and the outlet that reported it.
    pub text: String,
    /// The date of the statement or act.
    pub date: NaiveDate,
}

impl Source {
    /// The source as one line, e.g. for `RiskResponse::basis`: `"<text>, <date>"`.
    pub fn cite(&self) -> String {
        format!("{}, {}", self.text, self.date)
    }
}

/// Where an item of the bundle comes from and how settled it is: the fields every region,
/// support measure, stage plan, contract rule, general-grounds entry and scoring table carries.
/// It is `#[serde(flatten)]`ed into its item, so the JSON keeps `source`, `uncertain` and `note`
/// beside the item's own fields; the items themselves still reject unknown fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// Where the item comes from.
    pub source: Source,
    /// True when the item is not settled by a legal text (or, for scoring, not official).
    #[serde(default)]
    pub uncertain: bool,
    /// What is uncertain, or other context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The monthly calculation index (MCI, МРП / АЕК) of one year, in tenge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MciYear {
    /// The calendar year.
    pub year: i32,
    /// One MCI in tenge; `null` while the year's budget law is not out. Signed only so that a
    /// negative value in the file is reported as such.
    pub kzt: Option<i64>,
    /// Where the value comes from; needed once it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// What a value not yet published waits for (needed then), or other context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A region open to kandas resettlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Its id (`pavlodar`); the locale key is `region-<id>`.
    pub id: RegionId,
    /// Where the region's inclusion comes from. true when the inclusion is not settled.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A region's kandas quota for one year, in people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// The year the quota is for.
    pub year: i32,
    /// The region.
    pub region: RegionId,
    /// How many people the region takes; `null` while the year's order is not out.
    pub people: Option<u32>,
    /// Where the number comes from, or is to come from.
    pub source: Source,
    /// What a number not yet published waits for (needed then), or other context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How much a support measure is, in MCI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Amount {
    /// Exactly this many MCI.
    Fixed {
        /// The amount.
        mci: i64,
    },
    /// Somewhere in this band (how the figure is chosen may be uncertain).
    Range {
        /// The lowest amount.
        min_mci: i64,
        /// The highest amount.
        max_mci: i64,
    },
    /// At most this many MCI.
    UpTo {
        /// The highest amount.
        max_mci: i64,
    },
}

impl Amount {
    /// The lowest and highest number of MCI.
    pub fn mci_bounds(self) -> (i64, i64) {
        match self {
            Amount::Fixed { mci } => (mci, mci),
            Amount::Range { min_mci, max_mci } => (min_mci, max_mci),
            Amount::UpTo { max_mci } => (0, max_mci),
        }
    }
}

/// Whom an amount is counted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Once for each member of the family.
    FamilyMember,
    /// Once for the whole family.
    Family,
}

/// How often a measure is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// Paid once.
    OneOff,
    /// Paid every month for `months` months.
    Monthly {
        /// How many months.
        months: u32,
    },
}

impl Period {
    /// How many payments the measure makes.
    pub fn payments(self) -> u32 {
        match self {
            Period::OneOff => 1,
            Period::Monthly { months } => months,
        }
    }
}

/// Who receives the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payee {
    /// The kandas family.
    Family,
    /// The employer who hires a kandas (the family never holds this money).
    Employer,
}

/// One kandas state support measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportMeasure {
    /// Its id (`relocation_subsidy`); the locale key is `support-<id>`.
    pub id: String,
    /// The amount of one payment, in MCI.
    pub amount: Amount,
    /// Whether the amount is per family member or per family.
    pub per: Per,
    /// How often it is paid.
    pub period: Period,
    /// Who receives it.
    pub paid_to: Payee,
    /// The first year the measure exists, when it is new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
    /// Where the measure comes from. true when part of the rule is not settled.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

impl SupportMeasure {
    /// One payment for a family of `family_members`, in MCI: the lowest and highest.
    pub fn mci_per_payment(&self, family_members: u32) -> (u64, u64) {
        let heads = match self.per {
            Per::FamilyMember => u64::from(family_members),
            Per::Family => 1,
        };
        let (lo, hi) = self.amount.mci_bounds();
        // Non-negative by `check`.
        let count = |n: i64| u64::try_from(n).unwrap_or(0).saturating_mul(heads);
        (count(lo), count(hi))
    }

    /// Whether the measure exists in `year` (a new measure only from its first year).
    pub fn exists_in(&self, year: i32) -> bool {
        self.from_year.is_none_or(|from| from <= year)
    }
}

/// An amount of tenge between two bounds (equal when the amount is exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KztRange {
    /// The lowest amount.
    pub min: u64,
    /// The highest amount.
    pub max: u64,
}

/// A support measure converted to tenge for one year and one family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportInKzt {
    /// The measure's id.
    pub measure: String,
    /// The year whose MCI was used.
    pub year: i32,
    /// One payment for the whole family.
    pub per_payment: KztRange,
    /// How many payments.
    pub payments: u32,
    /// All payments together for the whole family.
    pub total: KztRange,
    /// Who receives it.
    pub paid_to: Payee,
    /// True when the measure's rule is not settled.
    pub uncertain: bool,
}

/// One stage of the road: which part it is, how long it normally takes and how the days are
/// counted, how long what it gives stays valid, and where that comes from. The list's order is
/// the road's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageDuration {
    /// The stage id (`interview`), checked against [`Stage`] on load.
    pub stage: String,
    /// Before the application, the application Kosh follows (the default), or after it.
    #[serde(default, skip_serializing_if = "is_default")]
    pub part: Part,
    /// The days the stage normally takes; every stage of the application has some, a stage
    /// before or after it may have none (the person sets its pace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Whether `days` are calendar or working days.
    #[serde(default, skip_serializing_if = "is_default")]
    pub day_kind: DayKind,
    /// True when the number is Kosh's estimate, not a published figure.
    #[serde(default, skip_serializing_if = "is_default")]
    pub estimate: bool,
    /// How long what the stage gives (a certificate) stays valid, in days, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_for_days: Option<u32>,
    /// Where this stage's figures come from, when not from the plan's own source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// What is uncertain about it, or other context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether a field holds its default, so the bundle served reads like the file it came from.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The days that are not working days besides Saturdays and Sundays (public holidays), for
/// the stages counted in working days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonWorkingDays {
    /// The dates, in any order.
    pub days: Vec<NaiveDate>,
    /// Where they come from (`source`, `uncertain`, `note` flattened).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// The road to permanent residence: its stages in order, with their durations, and the
/// published ceiling for the screening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StagePlan {
    /// The reported length of the whole screening, in days: a ceiling reported by the sources,
    /// not the sum of the stages (their own figures do not add up to it).
    pub total_days: u32,
    /// The road: one entry per stage, in order.
    pub durations: Vec<StageDuration>,
    /// Public holidays, needed as soon as a stage counts working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_working_days: Option<NonWorkingDays>,
    /// Where the total comes from. true when the per-stage split is not published.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// When the contract's term is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermStart {
    /// From the day the contract is signed.
    Signing,
}

/// What leaving the host region early puts at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundScope {
    /// All state support received so far, with no pro-rata formula.
    AllSupportReceived,
}

/// The kandas social contract's term and refund rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractRule {
    /// The term in years.
    pub term_years: u32,
    /// When the term starts.
    pub term_starts: TermStart,
    /// What is at risk when the family leaves before the term ends.
    pub refund: RefundScope,
    /// Where the rule comes from. true when the rule is not settled by a legal text.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Permanent residence on general grounds, the path beside the kandas quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralGrounds {
    /// Whether it goes through a regional quota.
    pub quota: bool,
    /// Whether it comes with state support.
    pub state_support: bool,
    /// Whether the family may live in any region.
    pub free_choice_of_region: bool,
    /// Whether moving can ever mean a refund.
    pub refund_on_leaving: bool,
    /// Whether the preliminary screening applies on this path too.
    #[serde(default)]
    pub screening: bool,
    /// The funds a family must show, where the path asks for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub means_test: Option<MeansTest>,
    /// Where this comes from. true when not settled by a legal text.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// The proof of funds permanent residence on general grounds asks of foreigners: a sum in MCI
/// plus the money for some square metres of housing per family member from some age, with
/// the people it does not apply to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeansTest {
    /// The funds to show, in MCI.
    pub funds_mci: u32,
    /// The housing the family must also be able to pay for, in m² per member counted.
    pub housing_m2_per_member: u32,
    /// Members are counted from this age.
    pub members_from_age: u32,
    /// Ethnic Kazakhs do not have to show the funds.
    pub ethnic_kazakhs_exempt: bool,
    /// Where this comes from (`source`, `uncertain`, `note` flattened).
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// A score band: from `min` (inclusive) up to the next band's `min`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest value in the band (age in whole years, or the number answered).
    pub min: f64,
    /// The points for a value in the band.
    pub points: u32,
}

/// How one answer turns into points. Rules are data: the code only interprets them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// A single choice: the chosen value's points (unlisted values score 0).
    ByValue {
        /// The question id.
        question: String,
        /// Points per option value.
        points: BTreeMap<String, u32>,
    },
    /// A language level (`none`, `a1` … `c2`): the level's points.
    LanguageLevel {
        /// The question id.
        question: String,
        /// Points per level.
        points: BTreeMap<String, u32>,
    },
    /// A birth date: the band of the age in whole years on the scoring day. Not improvable.
    AgeBands {
        /// The question id (a date).
        question: String,
        /// Age bands, ascending.
        bands: Vec<Band>,
    },
    /// A number: the band it falls in (below the first band scores 0).
    NumberBands {
        /// The question id (a number).
        question: String,
        /// Bands, ascending.
        bands: Vec<Band>,
    },
    /// A yes/no answer.
    YesNo {
        /// The question id.
        question: String,
        /// Points for yes.
        yes: u32,
        /// Points for no.
        no: u32,
    },
}

impl Rule {
    /// The question the rule reads.
    pub fn question(&self) -> &str {
        match self {
            Rule::ByValue { question, .. }
            | Rule::LanguageLevel { question, .. }
            | Rule::AgeBands { question, .. }
            | Rule::NumberBands { question, .. }
            | Rule::YesNo { question, .. } => question,
        }
    }

    /// The most points the rule can give.
    pub fn max_points(&self) -> u32 {
        match self {
            Rule::ByValue { points, .. } | Rule::LanguageLevel { points, .. } => {
                points.values().copied().max().unwrap_or(0)
            }
            Rule::AgeBands { bands, .. } | Rule::NumberBands { bands, .. } => {
                bands.iter().map(|b| b.points).max().unwrap_or(0)
            }
            Rule::YesNo { yes, no, .. } => (*yes).max(*no),
        }
    }
}

/// One scoring criterion: its rules' points add up, capped at `max`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Its id (`education`); the locale key is `criterion-<id>`.
    pub id: String,
    /// The most points it gives; equal to the sum of its rules' maxima (checked on load).
    pub max: u32,
    /// The rules that score it.
    pub rules: Vec<Rule>,
}

/// The preliminary screening's scoring table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Official or illustrative: the app shows an illustrative table as such.
    pub status: PolicyStatus,
    /// Points needed to pass.
    pub pass_mark: u32,
    /// The criteria, in display order.
    pub criteria: Vec<Criterion>,
    /// Where the criteria and pass mark come from. true when the points are not the official ones.
    /// (`source`, `uncertain` and `note`, flattened into this object on the wire).
    #[serde(flatten)]
    pub provenance: Provenance,
}

impl Scoring {
    /// The most points the table can give.
    pub fn max_total(&self) -> u32 {
        self.criteria.iter().map(|c| c.max).sum()
    }
}

/// The checked policy bundle; its JSON form is the body of `GET /v1/policy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    id: String,
    /// The first day the bundle is in force.
    valid_from: NaiveDate,
    /// The last day it is in force; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    valid_until: Option<NaiveDate>,
    as_of: NaiveDate,
    mci: Vec<MciYear>,
    regions: Vec<Region>,
    quotas: Vec<Quota>,
    support_measures: Vec<SupportMeasure>,
    stages: StagePlan,
    contract: ContractRule,
    general_grounds: GeneralGrounds,
    scoring: Scoring,
    /// Optional so that bundles published before the catalogue existed still load (with an
    /// empty checklist).
    #[serde(default, skip_serializing_if = "Documents::is_empty")]
    documents: Documents,
}

static BUILTIN_POLICY: LazyLock<Result<Policy>> = LazyLock::new(|| Policy::from_json(BUILTIN));
static BUILTIN_POLICIES: LazyLock<Result<Vec<Policy>>> = LazyLock::new(|| {
    [BUILTIN, BUILTIN_2027]
        .into_iter()
        .map(Policy::from_json)
        .collect()
});

impl Policy {
    /// Parse and check a policy bundle; the first problem, if any, as an error.
    pub fn from_json(text: &str) -> Result<Policy> {
        Policy::load(text).map_err(|problems| {
            let (path, problem) = problems
                .into_iter()
                .next()
                .unwrap_or_else(|| (String::new(), PolicyProblem::Missing { what: "content" }));
            Error::InvalidPolicy { path, problem }
        })
    }

    /// Parse and check a policy bundle, reporting every problem with its JSON path: what
    /// publishing a bundle answers with. A text that is not a bundle's shape at all has one
    /// problem, at the path where reading stopped.
    pub fn load(text: &str) -> std::result::Result<Policy, Vec<(String, PolicyProblem)>> {
        let policy: Policy = crate::json::from_str_located(text)
            .map_err(|(path, message)| vec![(path, PolicyProblem::Json { message })])?;
        let problems = check::check(&policy).0;
        if problems.is_empty() {
            Ok(policy)
        } else {
            Err(problems)
        }
    }

    /// [`Policy::load`] with the problems as the wire's `{path, code}`.
    pub fn load_reporting(text: &str) -> std::result::Result<Policy, Vec<Problem>> {
        Policy::load(text).map_err(located)
    }

    /// The policy shipped in this build (`shared/policy/policy-2026.json`), parsed once.
    pub fn builtin() -> Result<&'static Policy> {
        BUILTIN_POLICY.as_ref().map_err(Clone::clone)
    }

    /// Every policy shipped in this build (`shared/policy/`), oldest first.
    pub fn builtins() -> Result<&'static [Policy]> {
        BUILTIN_POLICIES
            .as_ref()
            .map(Vec::as_slice)
            .map_err(Clone::clone)
    }

    /// The bundle's id (`kz-2026`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The first day the bundle is in force.
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// The last day the bundle is in force, if it has one.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// Whether the bundle is in force on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_until.is_none_or(|until| day <= until)
    }

    /// The date the bundle's facts were last checked.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The MCI table, by year.
    pub fn mci_table(&self) -> &[MciYear] {
        &self.mci
    }

    /// The regions open to kandas resettlement.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Every quota of every year.
    pub fn quotas(&self) -> &[Quota] {
        &self.quotas
    }

    /// The support measures.
    pub fn support_measures(&self) -> &[SupportMeasure] {
        &self.support_measures
    }

    /// The stages' durations.
    pub fn stages(&self) -> &StagePlan {
        &self.stages
    }

    /// The social contract's term and refund rule.
    pub fn contract(&self) -> &ContractRule {
        &self.contract
    }

    /// The general-grounds path.
    pub fn general_grounds(&self) -> &GeneralGrounds {
        &self.general_grounds
    }

    /// The scoring table.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// The document catalogue.
    pub fn documents(&self) -> &Documents {
        &self.documents
    }

    /// One region, if the policy lists it.
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id.as_str() == id)
    }

    /// A region's quota (people) for a year, if one was published.
    pub fn quota(&self, region: &str, year: i32) -> Option<u32> {
        self.quotas
            .iter()
            .find(|q| q.region.as_str() == region && q.year == year)
            .and_then(|q| q.people)
    }

    /// One support measure, if the policy has it.
    pub fn support_measure(&self, id: &str) -> Option<&SupportMeasure> {
        self.support_measures.iter().find(|m| m.id == id)
    }

    /// One MCI in tenge in `year`: an error when the bundle has no figure for the year or
    /// marks it not yet published ([`Policy::mci`] tells the two apart).
    pub fn mci_kzt(&self, year: i32) -> Result<u64> {
        let entry = self
            .mci
            .iter()
            .find(|m| m.year == year)
            .ok_or(Error::UnknownMciYear { year })?;
        entry
            .kzt
            // Positive by `check`, so the conversion cannot fail.
            .and_then(|kzt| u64::try_from(kzt).ok())
            .ok_or(Error::NotYetPublished { what: "MCI", year })
    }

    /// `mci` MCI in tenge in `year`.
    pub fn to_kzt(&self, mci: u64, year: i32) -> Result<u64> {
        Ok(mci.saturating_mul(self.mci_kzt(year)?))
    }

    /// A support measure in tenge for `year` and a family of `family_members` people.
    pub fn support_in_kzt(
        &self,
        measure: &str,
        year: i32,
        family_members: u32,
    ) -> Result<SupportInKzt> {
        let m = self
            .support_measure(measure)
            .ok_or_else(|| Error::UnknownSupport {
                kind: measure.to_owned(),
            })?;
        if !m.exists_in(year) {
            return Err(Error::SupportNotAvailable {
                kind: measure.to_owned(),
                year,
            });
        }
        let mci = self.mci_kzt(year)?;
        let (lo, hi) = m.mci_per_payment(family_members);
        let per_payment = KztRange {
            min: lo.saturating_mul(mci),
            max: hi.saturating_mul(mci),
        };
        let payments = m.period.payments();
        Ok(SupportInKzt {
            measure: m.id.clone(),
            year,
            per_payment,
            payments,
            total: KztRange {
                min: per_payment.min.saturating_mul(u64::from(payments)),
                max: per_payment.max.saturating_mul(u64::from(payments)),
            },
            paid_to: m.paid_to,
            uncertain: m.provenance.uncertain,
        })
    }

    /// A stage's normal duration in days (every stage has one: checked on load).
    pub fn stage_days(&self, stage: Stage) -> u32 {
        self.stage_plan(stage).and_then(|d| d.days).unwrap_or(0)
    }

    /// The road, in order: every stage the bundle lists, before, during and after the
    /// application. Only stages this build knows (the loader refuses others).
    pub fn road(&self) -> Vec<(Stage, &StageDuration)> {
        self.stages
            .durations
            .iter()
            .filter_map(|d| Stage::from_id(&d.stage).map(|s| (s, d)))
            .collect()
    }

    /// One stage's entry on the road.
    pub fn stage_plan(&self, stage: Stage) -> Option<&StageDuration> {
        self.stages.durations.iter().find(|d| d.stage == stage.id())
    }

    /// The stages of the application Kosh follows, in order; `submitted` first (checked on
    /// load).
    pub fn application_stages(&self) -> Vec<Stage> {
        self.road()
            .into_iter()
            .filter(|(_, d)| d.part == Part::Application)
            .map(|(s, _)| s)
            .collect()
    }

    /// The application's stage after `stage`, if any.
    pub fn next_stage(&self, stage: Stage) -> Option<Stage> {
        let stages = self.application_stages();
        let i = stages.iter().position(|s| *s == stage)?;
        stages.get(i + 1).copied()
    }

    /// The public holidays the working-day stages skip.
    pub fn holidays(&self) -> &[NaiveDate] {
        self.stages
            .non_working_days
            .as_ref()
            .map_or(&[], |n| n.days.as_slice())
    }

    /// When `stage`, begun on `started`, is normally over: its days counted as the bundle
    /// says (working days skip weekends and the holidays). `None` for a stage with no normal
    /// duration.
    pub fn stage_due(&self, stage: Stage, started: NaiveDate) -> Option<NaiveDate> {
        let plan = self.stage_plan(stage)?;
        let days = plan.days?;
        Some(match plan.day_kind {
            DayKind::Calendar => calendar::add_calendar_days(started, days),
            DayKind::Working => calendar::add_working_days(started, days, self.holidays()),
        })
    }

    /// Check that every scoring rule reads a question the form has (`exists`, e.g.
    /// `|id| form.question(id).is_some()`). Kept apart from loading so the policy does not
    /// depend on any one form; publishing a bundle runs it against the forms served.
    pub fn check_questions(&self, exists: &dyn Fn(&str) -> bool) -> Result<()> {
        first(check::check_questions(self, exists).0)
    }

    /// [`Policy::check_questions`] with every problem and its path, as publishing reports them.
    pub fn question_problems(&self, exists: &dyn Fn(&str) -> bool) -> Vec<Problem> {
        located(check::check_questions(self, exists).0)
    }
}

/// The first of `problems` as the crate's error, or nothing wrong.
fn first(problems: Vec<(String, PolicyProblem)>) -> Result<()> {
    match problems.into_iter().next() {
        Some((path, problem)) => Err(Error::InvalidPolicy { path, problem }),
        None => Ok(()),
    }
}

fn located(problems: Vec<(String, PolicyProblem)>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|(path, problem)| Problem::new(path, problem.code(), problem.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::{Value, json};

    fn builtin() -> &'static Policy {
        Policy::builtin().unwrap()
    }

    fn builtin_json() -> Value {
        serde_json::from_str(BUILTIN).unwrap()
    }

    fn load(v: &Value) -> Result<Policy> {
        Policy::from_json(&v.to_string())
    }

    fn problem_of(v: &Value) -> PolicyProblem {
        match load(v) {
            Err(Error::InvalidPolicy { problem, .. }) => problem,
            other => panic!("expected a policy problem, got {other:?}"),
        }
    }

    #[test]
    fn builtin_policy_loads_with_domain_numbers() {
        let p = builtin();
        assert_eq!(p.mci_kzt(2025).unwrap(), 3_932);
        assert_eq!(p.mci_kzt(2026).unwrap(), 4_325);
        assert_eq!(p.regions().len(), 8);
        assert_eq!(p.scoring().pass_mark, 400);
        assert_eq!(p.scoring().status, PolicyStatus::Illustrative);
        assert_eq!(p.contract().term_years, 5);
        assert!(p.contract().provenance.uncertain);
        // Up to 29 days is a reported ceiling; the checks' 20 working days are the one
        // published stage figure, the other durations Kosh's estimates.
        assert_eq!(p.stages().total_days, 29);
        let checks = p.stage_plan(Stage::InteragencyChecks).unwrap();
        assert_eq!((checks.days, checks.day_kind), (Some(20), DayKind::Working));
        assert!(!checks.estimate && checks.source.is_some());
        assert!(p.road().iter().all(|(s, d)| d.estimate
            || d.part != Part::Application
            || *s == Stage::InteragencyChecks));
        assert_eq!(
            p.stage_plan(Stage::Decision).unwrap().valid_for_days,
            Some(365)
        );
        let means = p.general_grounds().means_test.as_ref().unwrap();
        assert_eq!((means.funds_mci, means.housing_m2_per_member), (1_320, 15));
        assert!(means.ethnic_kazakhs_exempt && p.general_grounds().screening);
    }

    #[test]
    fn the_2027_bundle_marks_what_is_not_yet_published() {
        let all = Policy::builtins().unwrap();
        let next = all.iter().find(|p| p.id() == "kz-2027").unwrap();
        assert!(next.in_force_on("2027-01-01".parse().unwrap()));
        assert!(!next.in_force_on("2026-12-31".parse().unwrap()));
        // The MCI and the quotas of 2027 are not carried forward from 2026.
        assert!(next.mci(2027).published().is_none());
        for region in next.regions() {
            assert_eq!(next.quota(region.id.as_str(), 2027), None);
        }
        assert!(
            next.support("relocation_subsidy", 2027, 4)
                .unwrap()
                .published()
                .is_none()
        );
        assert!(next.regions().iter().all(|r| r.provenance.uncertain));
    }

    #[rstest]
    #[case("pavlodar", 977)]
    #[case("akmola", 285)]
    #[case("abai", 264)]
    #[case("east_kazakhstan", 200)]
    #[case("north_kazakhstan", 200)]
    #[case("kostanay", 200)]
    #[case("atyrau", 125)]
    #[case("west_kazakhstan", 30)]
    fn quotas_2026(#[case] region: &str, #[case] people: u32) {
        assert_eq!(builtin().quota(region, 2026), Some(people));
        assert_eq!(builtin().quota(region, 2031), None);
    }

    #[test]
    fn pass_mark_is_reachable_but_not_trivial() {
        let s = builtin().scoring();
        assert!(s.max_total() >= s.pass_mark);
        // Not trivial: the single best criterion is far from enough, and so is half of every one.
        assert!(s.criteria.iter().map(|c| c.max).max().unwrap() < s.pass_mark / 2);
        assert!(s.max_total() / 2 < s.pass_mark);
    }

    #[rstest]
    #[case::relocation_per_member("relocation_subsidy", 2026, 4, 302_750 * 4, 302_750 * 4, 1)]
    #[case::rent_band_for_a_year("rent_utilities", 2026, 4, 15 * 4_325 * 12, 30 * 4_325 * 12, 12)]
    #[case::employer("employer_subsidy", 2025, 3, 400 * 3_932, 400 * 3_932, 1)]
    #[case::housing_up_to("housing_certificate", 2026, 2, 0, 1_625 * 4_325, 1)]
    fn support_in_tenge(
        #[case] id: &str,
        #[case] year: i32,
        #[case] family: u32,
        #[case] min: u64,
        #[case] max: u64,
        #[case] payments: u32,
    ) {
        let s = builtin().support_in_kzt(id, year, family).unwrap();
        assert_eq!((s.total.min, s.total.max, s.payments), (min, max, payments));
    }

    #[test]
    fn support_facts_keep_their_uncertainty_and_payee() {
        let p = builtin();
        assert!(
            p.support_in_kzt("rent_utilities", 2026, 1)
                .unwrap()
                .uncertain
        );
        assert_eq!(
            p.support_in_kzt("employer_subsidy", 2026, 1)
                .unwrap()
                .paid_to,
            Payee::Employer
        );
    }

    #[rstest]
    #[case::unknown_measure("pension", 2026, "bad_request")]
    #[case::not_yet("housing_certificate", 2025, "bad_request")]
    #[case::no_mci("relocation_subsidy", 2031, "bad_request")]
    fn support_errors(#[case] id: &str, #[case] year: i32, #[case] code: &str) {
        assert_eq!(
            builtin().support_in_kzt(id, year, 1).unwrap_err().code(),
            code
        );
    }

    #[test]
    fn serializes_as_the_policy_endpoint_body() {
        let body = serde_json::to_value(builtin()).unwrap();
        assert_eq!(body["scoring"]["status"], "illustrative");
        assert_eq!(body["mci"][1]["kzt"], 4_325);
        for key in ["regions", "quotas", "support_measures", "stages", "scoring"] {
            assert!(body.get(key).is_some(), "{key}");
        }
        assert!(body["regions"][0]["source"]["text"].is_string());
        // And the body loads back to the same policy.
        assert_eq!(&load(&body).unwrap(), builtin());
    }

    /// The body is the file: every key the file has comes back with the same value, and the only
    /// keys the body adds are defaults the file leaves out (`uncertain: false`, `estimate: false`).
    /// So the flattened [`Provenance`] keeps `source`, `uncertain` and `note` on the item itself.
    #[test]
    fn the_body_has_the_shape_of_the_file() {
        fn same(file: &Value, body: &Value, at: &str) {
            match (file, body) {
                (Value::Object(f), Value::Object(b)) => {
                    for (key, value) in f {
                        let Some(other) = b.get(key) else {
                            panic!("{at}/{key} is in the file but not in the body");
                        };
                        same(value, other, &format!("{at}/{key}"));
                    }
                    for (key, value) in b {
                        let default = value == &json!(false);
                        assert!(f.contains_key(key) || default, "{at}/{key} added: {value}");
                    }
                }
                (Value::Array(f), Value::Array(b)) => {
                    assert_eq!(f.len(), b.len(), "{at}");
                    for (i, (f, b)) in f.iter().zip(b).enumerate() {
                        same(f, b, &format!("{at}/{i}"));
                    }
                }
                (Value::Number(f), Value::Number(b)) => {
                    assert_eq!(f.as_f64(), b.as_f64(), "{at}");
                }
                _ => assert_eq!(file, body, "{at}"),
            }
        }
        let body = serde_json::to_value(builtin()).unwrap();
        same(&builtin_json(), &body, "");
        for item in [
            "/regions/0",
            "/support_measures/0",
            "/stages",
            "/contract",
            "/scoring",
        ] {
            let item = body.pointer(item).unwrap();
            assert!(item["source"]["text"].is_string(), "{item}");
            assert!(item["uncertain"].is_boolean(), "{item}");
            assert!(item.get("provenance").is_none(), "{item}");
        }
    }

    #[rstest]
    #[case::beside_provenance("/contract")]
    #[case::in_a_list("/regions/0")]
    #[case::the_nested_name("/general_grounds")]
    fn items_with_provenance_still_refuse_unknown_fields(#[case] path: &str) {
        let mut v = builtin_json();
        let item = v.pointer_mut(path).unwrap().as_object_mut().unwrap();
        let key = if path == "/general_grounds" {
            "provenance"
        } else {
            "extra"
        };
        item.insert(
            key.into(),
            json!({"source": {"text": "x", "date": "2026-01-01"}}),
        );
        assert!(matches!(
            problem_of(&v),
            PolicyProblem::Json { message } if message.contains(key)
        ));
    }

    #[test]
    fn bad_json_is_a_typed_error() {
        let err = Policy::from_json("{").unwrap_err();
        assert_eq!(err.code(), "internal");
        assert!(matches!(
            err,
            Error::InvalidPolicy {
                problem: PolicyProblem::Json { .. },
                ..
            }
        ));
    }

    #[rstest]
    #[case::zero_mci("/mci/0/kzt", json!(0))]
    #[case::negative_mci("/mci/1/kzt", json!(-4325))]
    fn non_positive_mci_is_refused(#[case] path: &str, #[case] value: Value) {
        let mut v = builtin_json();
        *v.pointer_mut(path).unwrap() = value;
        assert!(matches!(
            problem_of(&v),
            PolicyProblem::NonPositiveMci { .. }
        ));
    }

    #[rstest]
    #[case::mci("mci", "MCI values")]
    #[case::regions("regions", "regions")]
    fn empty_tables_are_refused(#[case] key: &str, #[case] what: &'static str) {
        let mut v = builtin_json();
        v[key] = json!([]);
        // Quotas would name regions that are gone; empty them too so the right check fires.
        v["quotas"] = json!([]);
        assert_eq!(problem_of(&v), PolicyProblem::Missing { what });
    }

    #[test]
    fn unknown_stage_is_refused() {
        let mut v = builtin_json();
        v["stages"]["durations"][0]["stage"] = json!("appeal");
        assert_eq!(
            problem_of(&v),
            PolicyProblem::UnknownStage {
                id: "appeal".into()
            }
        );
    }

    #[test]
    fn a_road_without_its_ends_or_out_of_order_is_refused() {
        let mut v = builtin_json();
        let road = v["stages"]["durations"].as_array_mut().unwrap();
        road.retain(|d| d["stage"] != "decision");
        assert_eq!(
            problem_of(&v),
            PolicyProblem::MissingStage {
                id: "decision".into()
            }
        );
        let mut v = builtin_json();
        v["stages"]["durations"][1]["stage"] = json!("scoring");
        v["stages"]["durations"][2]["stage"] = json!("submitted");
        assert_eq!(
            problem_of(&v),
            PolicyProblem::MissingStage {
                id: "submitted".into()
            }
        );
        let mut v = builtin_json();
        v["stages"]["durations"][0]["part"] = json!("after");
        assert!(matches!(problem_of(&v), PolicyProblem::BadRoad { .. }));
        let mut v = builtin_json();
        v["stages"]["non_working_days"] = Value::Null;
        assert!(matches!(problem_of(&v), PolicyProblem::BadRoad { .. }));
        let mut v = builtin_json();
        v["stages"]["durations"][2]["days"] = Value::Null;
        assert!(matches!(problem_of(&v), PolicyProblem::BadStageDays { .. }));
    }

    #[test]
    fn quota_for_unknown_region_is_refused() {
        let mut v = builtin_json();
        v["quotas"][0]["region"] = json!("almaty");
        assert_eq!(
            problem_of(&v),
            PolicyProblem::UnknownRegion {
                region: "almaty".into()
            }
        );
    }

    #[rstest]
    #[case::region("/regions/1/id", json!("akmola"), "region")]
    #[case::criterion("/scoring/criteria/1/id", json!("age"), "criterion")]
    #[case::measure("/support_measures/1/id", json!("relocation_subsidy"), "support measure")]
    #[case::mci_year("/mci/1/year", json!(2025), "MCI year")]
    fn duplicates_are_refused(#[case] path: &str, #[case] value: Value, #[case] kind: &str) {
        let mut v = builtin_json();
        *v.pointer_mut(path).unwrap() = value;
        match problem_of(&v) {
            PolicyProblem::DuplicateId { kind: k, .. } => assert_eq!(k, kind),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rules_that_score_nothing_are_refused() {
        let mut v = builtin_json();
        v["scoring"]["criteria"][1]["rules"][0]["points"] = json!({});
        assert!(matches!(problem_of(&v), PolicyProblem::EmptyRule { .. }));
        let mut v = builtin_json();
        v["scoring"]["criteria"][0]["rules"] = json!([]);
        assert!(matches!(problem_of(&v), PolicyProblem::EmptyRule { .. }));
        let mut v = builtin_json();
        v["scoring"]["criteria"][2]["rules"][0]["points"]["fluent"] = json!(5);
        assert!(matches!(problem_of(&v), PolicyProblem::UnknownLevel { .. }));
    }

    #[test]
    fn bands_max_and_pass_mark_are_checked() {
        let mut v = builtin_json();
        v["scoring"]["criteria"][0]["rules"][0]["bands"][1]["min"] = json!(10);
        assert!(matches!(problem_of(&v), PolicyProblem::BadBands { .. }));
        let mut v = builtin_json();
        v["scoring"]["criteria"][0]["max"] = json!(90);
        assert!(matches!(problem_of(&v), PolicyProblem::MaxMismatch { .. }));
        let mut v = builtin_json();
        v["scoring"]["pass_mark"] = json!(601);
        assert!(matches!(
            problem_of(&v),
            PolicyProblem::PassMarkUnreachable { .. }
        ));
    }

    #[test]
    fn uncertain_items_need_a_note_and_illustrative_tables_are_uncertain() {
        let mut v = builtin_json();
        v["contract"].as_object_mut().unwrap().remove("note");
        assert!(matches!(
            problem_of(&v),
            PolicyProblem::MissingProvenance { .. }
        ));
        let mut v = builtin_json();
        v["scoring"]["uncertain"] = json!(false);
        assert!(matches!(
            problem_of(&v),
            PolicyProblem::MissingProvenance { .. }
        ));
    }

    #[test]
    fn bad_amounts_are_refused() {
        let mut v = builtin_json();
        v["support_measures"][1]["amount"]["min_mci"] = json!(40);
        assert!(matches!(problem_of(&v), PolicyProblem::BadAmount { .. }));
        let mut v = builtin_json();
        v["support_measures"][0]["amount"]["mci"] = json!(0);
        assert!(matches!(problem_of(&v), PolicyProblem::BadAmount { .. }));
    }

    #[test]
    fn scoring_questions_are_checked_against_a_form() {
        let p = builtin();
        let ids = [
            "personal.birth_date",
            "education.level",
            "languages.kazakh",
            "languages.russian",
            "languages.english_certificate",
            "work.years_total",
            "skills.in_demand",
            "adaptability.relatives_in_kz",
            "adaptability.previous_stays",
        ];
        // The document catalogue's conditions read these.
        let documents = [
            "personal.is_ethnic_kazakh",
            "personal.citizenship",
            "citizenship.current_status",
            "kandas.has_status",
            "kandas.join_quota",
            "kandas.take_support",
        ];
        p.check_questions(&|q| ids.contains(&q) || documents.contains(&q))
            .unwrap();
        let form = crate::form::residence_2026().unwrap();
        p.check_questions(&|q| form.question(q).is_some()).unwrap();
        let err = p.check_questions(&|q| q != "skills.in_demand").unwrap_err();
        assert!(matches!(
            err,
            Error::InvalidPolicy {
                problem: PolicyProblem::UnknownQuestion { .. },
                ..
            }
        ));
    }

    #[test]
    fn document_conditions_read_questions_of_the_form() {
        let mut v = builtin_json();
        v["documents"]["items"][9]["when"] = json!("personal.shoe_size > 40");
        let p = load(&v).unwrap();
        let problems = p.question_problems(&|q| q != "personal.shoe_size");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "documents.items[9].when");
        assert_eq!(problems[0].code, "unknown_question");
    }

    #[test]
    fn a_document_item_is_checked_like_every_item() {
        let mut v = builtin_json();
        v["documents"]["items"][1]["note"] = json!(null);
        v["documents"]["items"][2]["who"] = json!([]);
        v["documents"]["items"][3]["id"] = json!("Passport copy");
        v["documents"]["items"][4]["max_age_days"] = json!(0);
        v["documents"]["items"][5]["when"] = json!("kandas.take_support ==");
        v["documents"]["items"][6]["id"] = json!("kandas_application");
        v["documents"]["paths"][1]["when"] = json!("(");
        let found = problems(&v);
        for expected in [
            ("documents.paths[1].when", "bad_condition"),
            ("documents.items[1].note", "missing_source"),
            ("documents.items[2].who", "bad_document"),
            ("documents.items[3].id", "bad_document"),
            ("documents.items[4].max_age_days", "bad_document"),
            ("documents.items[5].when", "bad_condition"),
            ("documents.items[6].id", "duplicate_id"),
        ] {
            assert!(
                found.contains(&(expected.0.to_owned(), expected.1)),
                "{expected:?} in {found:?}"
            );
        }
        let mut v = builtin_json();
        v["documents"]["paths"].as_array_mut().unwrap().remove(1);
        let found = problems(&v);
        assert!(found.contains(&("documents.items[4].path".to_owned(), "bad_document")));
        let mut v = builtin_json();
        v["documents"]["items"][0]["translation"] = json!("apostille");
        assert_eq!(problems(&v)[0].1, "json");
    }

    #[test]
    fn criteria_ids_are_the_agreed_ones() {
        let ids: Vec<&str> = builtin()
            .scoring()
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, crate::testing::AGREED_CRITERIA);
    }

    #[test]
    fn regions_and_support_include_the_agreed_ones() {
        let p = builtin();
        for id in crate::testing::AGREED_REGIONS {
            assert!(p.region(id).is_some(), "{id}");
        }
        for id in crate::testing::AGREED_SUPPORT {
            assert!(p.support_measure(id).is_some(), "{id}");
        }
    }

    /// The paths `Policy::load` reports, one case per kind of mistake.
    fn problems(v: &Value) -> Vec<(String, &'static str)> {
        match Policy::load(&v.to_string()) {
            Err(problems) => problems.into_iter().map(|(p, e)| (p, e.code())).collect(),
            Ok(_) => panic!("expected problems"),
        }
    }

    #[rstest]
    #[case::mci_value("/mci/0/kzt", json!(0), "mci[0].kzt", "not_positive")]
    #[case::amount("/support_measures/0/amount/mci", json!(-3), "support_measures[0].amount", "bad_amount")]
    #[case::months("/support_measures/1/period/months", json!(0), "support_measures[1].period.months", "bad_amount")]
    #[case::quota_region("/quotas/2/region", json!("almaty"), "quotas[2].region", "unknown_region")]
    #[case::stage("/stages/durations/3/stage", json!("appeal"), "stages.durations[3].stage", "unknown_stage")]
    #[case::days("/stages/durations/0/days", json!(0), "stages.durations[0].days", "bad_stage_days")]
    #[case::term("/contract/term_years", json!(0), "contract.term_years", "bad_term")]
    #[case::source("/regions/4/source/text", json!(" "), "regions[4].source.text", "missing_source")]
    #[case::duplicate("/support_measures/2/id", json!("relocation_subsidy"), "support_measures[2].id", "duplicate_id")]
    #[case::max("/scoring/criteria/0/max", json!(999), "scoring.criteria[0].max", "max_mismatch")]
    #[case::pass_mark("/scoring/pass_mark", json!(100_000), "scoring.pass_mark", "pass_mark_unreachable")]
    #[case::validity("/valid_until", json!("2025-01-01"), "valid_until", "bad_validity")]
    #[case::pending_mci("/mci/2/note", json!(null), "mci[2].note", "pending_without_note")]
    #[case::shape("/support_measures/0/amount/mci", json!("seventy"), "support_measures[0].amount", "json")]
    #[case::unknown_field("/stages/durations/0/weeks", json!(2), "stages.durations[0].weeks", "json")]
    fn each_problem_has_its_path(
        #[case] pointer: &str,
        #[case] value: Value,
        #[case] path: &str,
        #[case] code: &str,
    ) {
        let mut v = builtin_json();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = v.pointer_mut(parent).unwrap();
        match parent {
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            Value::Object(map) => {
                map.insert(key.to_owned(), value);
            }
            _ => unreachable!(),
        }
        let found = problems(&v);
        assert!(
            found.contains(&(path.to_owned(), code)),
            "{pointer}: expected ({path}, {code}) in {found:?}"
        );
    }

    #[test]
    fn every_problem_is_reported_not_only_the_first() {
        let mut v = builtin_json();
        v["mci"][0]["kzt"] = json!(-1);
        v["support_measures"][0]["amount"]["mci"] = json!(0);
        v["contract"]["term_years"] = json!(0);
        v["scoring"]["pass_mark"] = json!(100_000);
        let paths: Vec<String> = problems(&v).into_iter().map(|(p, _)| p).collect();
        assert_eq!(
            paths,
            [
                "mci[0].kzt",
                "support_measures[0].amount",
                "contract.term_years",
                "scoring.pass_mark"
            ]
        );
        // The wire form carries the same, with words for the officer.
        let wire = Policy::load_reporting(&v.to_string()).unwrap_err();
        assert_eq!(wire.len(), 4);
        assert_eq!(wire[0].code, "not_positive");
        assert!(wire[0].message.contains("MCI"), "{}", wire[0].message);
    }

    #[test]
    fn a_bundle_is_in_force_between_its_dates() {
        let p = builtin();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(p.in_force_on(d("2026-01-01")));
        assert!(p.in_force_on(d("2026-12-31")));
        assert!(!p.in_force_on(d("2027-01-01")));
        assert!(!p.in_force_on(d("2025-12-31")));
    }

    #[test]
    fn a_figure_not_yet_published_says_so_and_shows_the_last_year_with_its_year() {
        let p = builtin();
        assert_eq!(
            p.mci(2026),
            Figure::Published {
                year: 2026,
                value: 4_325
            }
        );
        assert_eq!(
            p.mci(2027),
            Figure::NotYetPublished {
                year: 2027,
                last: Some((2026, 4_325))
            }
        );
        assert_eq!(p.mci_kzt(2027).unwrap_err().code(), "bad_request");
        assert!(matches!(
            p.mci_kzt(2027),
            Err(Error::NotYetPublished { year: 2027, .. })
        ));
        match p.support("relocation_subsidy", 2027, 2).unwrap() {
            Figure::NotYetPublished {
                year: 2027,
                last: Some((2026, s)),
            } => assert_eq!(s.total.max, 2 * 70 * 4_325),
            other => panic!("{other:?}"),
        }
        assert!(p.support("pension", 2027, 1).is_err());
        assert_eq!(p.quota_figure("pavlodar", 2026).published(), Some(&977));
        assert_eq!(
            p.quota_figure("pavlodar", 2027),
            Figure::NotYetPublished {
                year: 2027,
                last: Some((2026, 977))
            }
        );
        assert_eq!(p.published_mci_years(), [2025, 2026]);
    }

    #[test]
    fn changes_name_what_a_person_cares_about() {
        let old = builtin();
        assert!(changes(old, old).is_empty());
        let mut v = builtin_json();
        v["id"] = json!("kz-2027");
        v["mci"][2] = json!({"year": 2027, "kzt": 4_500,
            "source": {"text": "Budget law for 2027", "date": "2026-12-05"}});
        v["support_measures"][0]["amount"]["mci"] = json!(80);
        v["quotas"][0]["people"] = json!(1_000);
        let new = load(&v).unwrap();
        assert_eq!(
            changes(old, &new),
            [
                PolicyChange::MciPublished {
                    year: 2027,
                    kzt: 4_500
                },
                PolicyChange::SupportChanged {
                    measure: "relocation_subsidy".into()
                },
                PolicyChange::QuotaChanged {
                    region: RegionId("pavlodar".into()),
                    year: 2026,
                    people: Some(1_000)
                },
            ]
        );
    }
}
