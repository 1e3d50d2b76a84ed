//! The checks a policy bundle must pass before anything computes with it, collecting every
//! problem with the JSON path of the value at fault (`support_measures[0].amount`), so an officer
//! publishing a bundle sees all that is wrong at once rather than one mistake per attempt.
//!
//! The checks are the invariants the rest of `policy` relies on: every stage has a duration,
//! quotas name known regions, published MCI values are positive, scoring rules have something to
//! score, every item says where it comes from, and a figure marked not yet published says why.

use std::collections::BTreeSet;

use super::{Policy, PolicyStatus, Provenance, Rule, SupportMeasure, Who};
use crate::error::PolicyProblem;
use crate::form::LANGUAGE_LEVELS;
use crate::form::condition::Condition;
use crate::stage::{DayKind, Part, Stage};
use crate::tick;

/// The problems found so far, each with its path.
#[derive(Default)]
pub(super) struct Problems(pub(super) Vec<(String, PolicyProblem)>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, problem: PolicyProblem) {
        self.0.push((path.into(), problem));
    }

    /// Reports a second item with the id of an earlier one, at the later item's path.
    fn unique<'a>(&mut self, kind: &'static str, ids: impl Iterator<Item = (String, String)> + 'a) {
        let mut seen = BTreeSet::new();
        for (path, id) in ids {
            if !seen.insert(id.clone()) {
                self.add(path, PolicyProblem::DuplicateId { kind, id });
            }
        }
    }

    fn provenance(&mut self, path: &str, p: &Provenance, item: impl FnOnce() -> String) {
        let no_note = p.note.as_deref().is_none_or(|n| n.trim().is_empty());
        if p.source.text.trim().is_empty() {
            self.add(
                format!("{path}.source.text"),
                PolicyProblem::MissingProvenance { item: item() },
            );
        } else if p.uncertain && no_note {
            self.add(
                format!("{path}.note"),
                PolicyProblem::MissingProvenance { item: item() },
            );
        }
    }
}

/// Every problem of `policy`, in document order.
pub(super) fn check(policy: &Policy) -> Problems {
    let mut p = Problems::default();
    if policy
        .valid_until
        .is_some_and(|until| until < policy.valid_from)
    {
        p.add("valid_until", PolicyProblem::BadValidity);
    }
    check_mci(policy, &mut p);
    check_regions_and_quotas(policy, &mut p);
    p.unique(
        "support measure",
        policy
            .support_measures
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("support_measures[{i}].id"), m.id.clone())),
    );
    for (i, m) in policy.support_measures.iter().enumerate() {
        let path = format!("support_measures[{i}]");
        check_amount(&path, m, &mut p);
        p.provenance(&path, &m.provenance, || format!("support measure {}", m.id));
    }
    check_stages(policy, &mut p);
    if policy.contract.term_years == 0 {
        p.add("contract.term_years", PolicyProblem::BadTerm);
    }
    p.provenance("contract", &policy.contract.provenance, || {
        "contract".into()
    });
    p.provenance(
        "general_grounds",
        &policy.general_grounds.provenance,
        || "general grounds".into(),
    );
    if let Some(means) = &policy.general_grounds.means_test {
        if means.funds_mci == 0 {
            p.add(
                "general_grounds.means_test.funds_mci",
                PolicyProblem::BadAmount {
                    measure: "means_test".into(),
                    reason: "the funds to show are zero".into(),
                },
            );
        }
        p.provenance("general_grounds.means_test", &means.provenance, || {
            "the means test".into()
        });
    }
    check_scoring(policy, &mut p);
    check_documents(policy, &mut p);
    p
}

fn check_mci(policy: &Policy, p: &mut Problems) {
    if policy.mci.is_empty() {
        p.add("mci", PolicyProblem::Missing { what: "MCI values" });
    }
    p.unique(
        "MCI year",
        policy
            .mci
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("mci[{i}].year"), m.year.to_string())),
    );
    for (i, m) in policy.mci.iter().enumerate() {
        match (m.kzt, &m.source) {
            (Some(kzt), _) if kzt <= 0 => {
                p.add(
                    format!("mci[{i}].kzt"),
                    PolicyProblem::NonPositiveMci { year: m.year },
                );
            }
            // A published number needs the act that published it.
            (Some(_), None) => p.add(
                format!("mci[{i}].source"),
                PolicyProblem::MissingProvenance {
                    item: format!("MCI {}", m.year),
                },
            ),
            (Some(_), Some(source)) if source.text.trim().is_empty() => p.add(
                format!("mci[{i}].source.text"),
                PolicyProblem::MissingProvenance {
                    item: format!("MCI {}", m.year),
                },
            ),
            // One not yet published needs a note saying what it waits for.
            (None, _) if blank(m.note.as_deref()) => p.add(
                format!("mci[{i}].note"),
                PolicyProblem::PendingWithoutNote {
                    item: format!("MCI {}", m.year),
                },
            ),
            _ => {}
        }
    }
    if !policy.mci.is_empty() && policy.mci.iter().all(|m| m.kzt.is_none()) {
        p.add(
            "mci",
            PolicyProblem::Missing {
                what: "published MCI values",
            },
        );
    }
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

fn check_regions_and_quotas(policy: &Policy, p: &mut Problems) {
    if policy.regions.is_empty() {
        p.add("regions", PolicyProblem::Missing { what: "regions" });
    }
    p.unique(
        "region",
        policy
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("regions[{i}].id"), r.id.to_string())),
    );
    for (i, r) in policy.regions.iter().enumerate() {
        p.provenance(&format!("regions[{i}]"), &r.provenance, || {
            format!("region {}", r.id)
        });
    }
    p.unique(
        "quota",
        policy
            .quotas
            .iter()
            .enumerate()
            .map(|(i, q)| (format!("quotas[{i}]"), format!("{}/{}", q.region, q.year))),
    );
    for (i, q) in policy.quotas.iter().enumerate() {
        let item = || format!("quota {}/{}", q.region, q.year);
        if policy.region(q.region.as_str()).is_none() {
            p.add(
                format!("quotas[{i}].region"),
                PolicyProblem::UnknownRegion {
                    region: q.region.to_string(),
                },
            );
        }
        if q.source.text.trim().is_empty() {
            p.add(
                format!("quotas[{i}].source.text"),
                PolicyProblem::MissingProvenance { item: item() },
            );
        }
        if q.people.is_none() && blank(q.note.as_deref()) {
            p.add(
                format!("quotas[{i}].note"),
                PolicyProblem::PendingWithoutNote { item: item() },
            );
        }
    }
}

fn check_amount(path: &str, m: &SupportMeasure, p: &mut Problems) {
    let mut bad = |reason: &str| {
        p.add(
            format!("{path}.amount"),
            PolicyProblem::BadAmount {
                measure: m.id.clone(),
                reason: reason.to_owned(),
            },
        );
    };
    let (lo, hi) = m.amount.mci_bounds();
    if hi <= 0 || lo < 0 {
        bad("the amount must be a positive number of MCI");
    } else if lo > hi {
        bad("the band's minimum is above its maximum");
    }
    if m.period.payments() == 0 {
        p.add(
            format!("{path}.period.months"),
            PolicyProblem::BadAmount {
                measure: m.id.clone(),
                reason: "a monthly measure must last at least one month".to_owned(),
            },
        );
    }
}

fn check_stages(policy: &Policy, p: &mut Problems) {
    let plan = &policy.stages;
    p.unique(
        "stage",
        plan.durations
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("stages.durations[{i}].stage"), d.stage.clone())),
    );
    for (i, d) in plan.durations.iter().enumerate() {
        if Stage::from_id(&d.stage).is_none() {
            p.add(
                format!("stages.durations[{i}].stage"),
                PolicyProblem::UnknownStage {
                    id: d.stage.clone(),
                },
            );
        }
        // The application's stages need a normal duration: the status screen's due dates and
        // "this is late" rest on it.
        let zero = d.days == Some(0);
        if zero || (d.part == Part::Application && d.days.is_none()) {
            p.add(
                format!("stages.durations[{i}].days"),
                PolicyProblem::BadStageDays {
                    reason: format!("stage {:?} has no days", d.stage),
                },
            );
        }
        if d.valid_for_days == Some(0) {
            p.add(
                format!("stages.durations[{i}].valid_for_days"),
                PolicyProblem::BadStageDays {
                    reason: format!("what stage {:?} gives is valid for zero days", d.stage),
                },
            );
        }
        if d.day_kind == DayKind::Working && plan.non_working_days.is_none() {
            p.add(
                format!("stages.durations[{i}].day_kind"),
                PolicyProblem::BadRoad {
                    reason: "working days counted without the non-working days".into(),
                },
            );
        }
        if let Some(source) = &d.source
            && source.text.trim().is_empty()
        {
            p.add(
                format!("stages.durations[{i}].source.text"),
                PolicyProblem::MissingProvenance {
                    item: format!("stage {}", d.stage),
                },
            );
        }
    }
    // The parts come in the road's order, and the application starts with `submitted` (what
    // Kosh receives) and ends with the decision.
    if plan.durations.windows(2).any(|w| w[0].part > w[1].part) {
        p.add(
            "stages.durations",
            PolicyProblem::BadRoad {
                reason: "the stages before the application, the application's and those after it must come in that order".into(),
            },
        );
    }
    let first_of_application = plan.durations.iter().find(|d| d.part == Part::Application);
    if first_of_application.is_none_or(|d| d.stage != Stage::Submitted.id()) {
        p.add(
            "stages.durations",
            PolicyProblem::MissingStage {
                id: Stage::Submitted.id().to_owned(),
            },
        );
    }
    // The decision ends the application: `status` lets only its last stage be approved.
    let last_of_application = plan
        .durations
        .iter()
        .rev()
        .find(|d| d.part == Part::Application);
    if last_of_application.is_none_or(|d| d.stage != Stage::Decision.id()) {
        p.add(
            "stages.durations",
            PolicyProblem::MissingStage {
                id: Stage::Decision.id().to_owned(),
            },
        );
    }
    if plan.total_days == 0 {
        p.add(
            "stages.total_days",
            PolicyProblem::BadStageDays {
                reason: "the reported total is zero days".into(),
            },
        );
    }
    if let Some(n) = &plan.non_working_days {
        p.provenance("stages.non_working_days", &n.provenance, || {
            "stages.non_working_days".into()
        });
    }
    p.provenance("stages", &plan.provenance, || "stages".into());
}

fn check_scoring(policy: &Policy, p: &mut Problems) {
    let s = &policy.scoring;
    if s.criteria.is_empty() {
        p.add(
            "scoring.criteria",
            PolicyProblem::Missing {
                what: "scoring criteria",
            },
        );
    }
    p.unique(
        "criterion",
        s.criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("scoring.criteria[{i}].id"), c.id.clone())),
    );
    for (i, c) in s.criteria.iter().enumerate() {
        let path = format!("scoring.criteria[{i}]");
        let empty = || PolicyProblem::EmptyRule {
            criterion: c.id.clone(),
        };
        if c.rules.is_empty() {
            p.add(format!("{path}.rules"), empty());
        }
        for (j, r) in c.rules.iter().enumerate() {
            let at = format!("{path}.rules[{j}]");
            if r.question().trim().is_empty() {
                p.add(format!("{at}.question"), empty());
            }
            match r {
                Rule::ByValue { points, .. } if points.is_empty() => {
                    p.add(format!("{at}.points"), empty());
                }
                Rule::LanguageLevel { points, .. } => {
                    if points.is_empty() {
                        p.add(format!("{at}.points"), empty());
                    }
                    for level in points
                        .keys()
                        .filter(|k| !LANGUAGE_LEVELS.contains(&k.as_str()))
                    {
                        p.add(
                            format!("{at}.points.{level}"),
                            PolicyProblem::UnknownLevel {
                                criterion: c.id.clone(),
                                level: level.clone(),
                            },
                        );
                    }
                }
                Rule::AgeBands { bands, .. } | Rule::NumberBands { bands, .. } => {
                    if bands.is_empty() {
                        p.add(format!("{at}.bands"), empty());
                    }
                    let ordered = bands.iter().all(|b| b.min.is_finite())
                        && bands.windows(2).all(|w| w[0].min < w[1].min);
                    if !ordered {
                        p.add(
                            format!("{at}.bands"),
                            PolicyProblem::BadBands {
                                criterion: c.id.clone(),
                            },
                        );
                    }
                }
                _ => {}
            }
        }
        let computed: u32 = c.rules.iter().map(Rule::max_points).sum();
        if computed != c.max {
            p.add(
                format!("{path}.max"),
                PolicyProblem::MaxMismatch {
                    criterion: c.id.clone(),
                    declared: c.max,
                    computed,
                },
            );
        }
    }
    if s.pass_mark > s.max_total() {
        p.add(
            "scoring.pass_mark",
            PolicyProblem::PassMarkUnreachable {
                pass_mark: s.pass_mark,
                max_total: s.max_total(),
            },
        );
    }
    p.provenance("scoring", &s.provenance, || "scoring".into());
    // An illustrative table is uncertain by definition: say so, and why.
    if s.status == PolicyStatus::Illustrative && !s.provenance.uncertain {
        p.add(
            "scoring.uncertain",
            PolicyProblem::MissingProvenance {
                item: "scoring (illustrative but not marked uncertain)".into(),
            },
        );
    }
}

/// The document catalogue: ids that can name a checklist entry, unique; someone who brings each
/// item; a maximum age of at least a day; conditions that parse; a rule for every path an item
/// is on; and, as for every item of the bundle, a source.
fn check_documents(policy: &Policy, p: &mut Problems) {
    let docs = &policy.documents;
    p.unique(
        "document path",
        docs.paths
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("documents.paths[{i}].path"), r.path.id().to_owned())),
    );
    for (i, rule) in docs.paths.iter().enumerate() {
        let path = format!("documents.paths[{i}]");
        let item = || format!("document path {}", rule.path.id());
        condition(p, &format!("{path}.when"), &rule.when, item);
        p.provenance(&path, &rule.provenance, item);
    }
    p.unique(
        "document",
        docs.items
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("documents.items[{i}].id"), d.id.clone())),
    );
    for (i, d) in docs.items.iter().enumerate() {
        let path = format!("documents.items[{i}]");
        let item = || format!("document {}", d.id);
        let mut bad = |at: &str, reason: &str| {
            p.add(
                format!("{path}.{at}"),
                PolicyProblem::BadDocument {
                    item: item(),
                    reason: reason.to_owned(),
                },
            );
        };
        // An item id is an entry id's first part: the member's row follows a dot.
        if d.id.contains('.') || !tick::is_entry_id(&d.id) {
            bad("id", "an id is lowercase letters, digits and _");
        }
        if d.who.is_empty() {
            bad("who", "someone must bring it");
        }
        // Both would make the same entry (the item's own id) twice.
        if d.who.contains(&Who::Applicant) && d.who.contains(&Who::Family) {
            bad(
                "who",
                "an item is the applicant's or the family's, not both",
            );
        }
        if d.max_age_days == Some(0) {
            bad("max_age_days", "a maximum age is at least one day");
        }
        if d.valid_for_days == Some(0) {
            bad("valid_for_days", "a validity left is at least one day");
        }
        if d.handed_in.trim().is_empty() || !tick::is_entry_id(&d.handed_in) {
            bad(
                "handed_in",
                "where it is handed in is an id of lowercase letters, digits and _",
            );
        }
        if docs.path_rule(d.path).is_none() {
            bad("path", "the path has no rule saying when it applies");
        }
        if let Some(when) = &d.when {
            condition(p, &format!("{path}.when"), when, item);
        }
        p.provenance(&path, &d.provenance, item);
    }
    let uses_adults = docs
        .items
        .iter()
        .any(|d| d.who.contains(&Who::EachAdultMember));
    if uses_adults && docs.adult_age == 0 {
        p.add(
            "documents.adult_age",
            PolicyProblem::BadDocument {
                item: "documents".into(),
                reason: "adult papers need an age above 0".into(),
            },
        );
    }
}

/// A condition of the catalogue that does not parse, at `path`.
fn condition(p: &mut Problems, path: &str, source: &str, item: impl FnOnce() -> String) {
    if let Err(e) = Condition::parse(source) {
        p.add(
            path,
            PolicyProblem::BadCondition {
                item: item(),
                column: e.column,
                reason: e.reason,
            },
        );
    }
}

/// The questions the catalogue's conditions read, each with the path of its condition and the
/// item's name. Conditions that do not parse are `check`'s to report and read nothing here.
fn document_references(policy: &Policy) -> Vec<(String, String, String)> {
    let docs = &policy.documents;
    let rules = docs.paths.iter().enumerate().map(|(i, r)| {
        (
            format!("documents.paths[{i}].when"),
            format!("document path {}", r.path.id()),
            Some(r.when.as_str()),
        )
    });
    let items = docs.items.iter().enumerate().map(|(i, d)| {
        (
            format!("documents.items[{i}].when"),
            format!("document {}", d.id),
            d.when.as_deref(),
        )
    });
    let mut out = Vec::new();
    for (path, item, when) in rules.chain(items) {
        let Some(Ok(c)) = when.map(Condition::parse) else {
            continue;
        };
        for r in c.references() {
            out.push((path.clone(), item.clone(), r.path.clone()));
        }
    }
    out
}

/// Every scoring rule's question, and every question a document condition reads, must be one
/// `exists` knows (a form's question ids), at the rule's or condition's path.
pub(super) fn check_questions(policy: &Policy, exists: &dyn Fn(&str) -> bool) -> Problems {
    let mut p = Problems::default();
    for (i, c) in policy.scoring.criteria.iter().enumerate() {
        for (j, r) in c.rules.iter().enumerate() {
            if !exists(r.question()) {
                p.add(
                    format!("scoring.criteria[{i}].rules[{j}].question"),
                    PolicyProblem::UnknownQuestion {
                        criterion: c.id.clone(),
                        question: r.question().to_owned(),
                    },
                );
            }
        }
    }
    for (path, item, question) in document_references(policy) {
        if !exists(&question) {
            p.add(path, PolicyProblem::DocumentQuestion { item, question });
        }
    }
    p
}
