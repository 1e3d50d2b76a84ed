//! The family's document checklist (API.md, Documents): from a draft's answers and the policy
//! bundle's document catalogue, the papers these answers call for, per path and per family
//! member, each with its translation flag, where it is handed in, its source, and the person's
//! tick (`documents.<entry id>`, see [`crate::tick`]). The app computes it offline and the server
//! answers `GET /v1/checklist` with the same function.
//!
//! Only what the answers call for: a path or an item applies when its condition certainly
//! holds (an unanswered question calls for nothing yet), and answers the person cannot see
//! (a question skipped by the form's own skip logic) are read as unanswered, so a stale answer
//! in a section that no longer applies never adds a paper. Members who do not move are not
//! asked for anything.
//!
//! An entry's id is the item's id for the applicant and for the family as a whole, and
//! `<item>.m<row>` for the member in row `row` of `family.members` (0-based, as
//! `family.members[0]`). A tick follows the row: when a member is removed, the rows after it
//! move up and so do the ticks' meanings, which the app should say when it removes a member.

mod family;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::form::condition::Condition;
use crate::form::{Answers, Form};
use crate::policy::{DocumentItem, DocumentPath, Policy, Source, Translation, Who};
use crate::tick::{self, Tick};

use family::{Household, MemberRow};

/// A family member an entry is for: the row of `family.members` and what the answers say of
/// them, so the app can name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The row in `family.members`, from 0.
    pub row: usize,
    /// `spouse`, `child`, `parent` or `sibling`, when answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// The member's name as typed, when answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
}

/// One entry of `GET /v1/checklist`: one paper for one person (or for the family once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// The entry's id: its tick is the draft answer `documents.<id>`.
    pub id: String,
    /// The catalogue item it is an entry of.
    pub item: String,
    /// The path that asks for it.
    pub path: DocumentPath,
    /// The family member it is for; absent for the applicant and for family-wide papers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
    /// Whether the entry is the family's once (proof of funds), rather than one person's.
    #[serde(default)]
    pub is_for_family: bool,
    /// `documents-item-<item>`.
    pub title_key: String,
    /// Whether it needs a notarised translation into Kazakh or Russian.
    pub translation: Translation,
    /// `documents-where-<where>`.
    pub where_key: String,
    /// Where the requirement comes from.
    pub source: Source,
    /// True when the requirement (or who brings it) is not settled by a legal text.
    pub uncertain: bool,
    /// What is uncertain, or other context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How many days old the paper may be when it is handed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<u32>,
    /// How many more days it must be valid on the day it is handed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_for_days: Option<u32>,
    /// When the paper was issued, as ticked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The last day it may be handed in (issued plus the maximum age), when both are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usable_until: Option<NaiveDate>,
    /// True when, today, the paper is already older than it may be: get a new one before the
    /// visit.
    #[serde(default)]
    pub is_too_old: bool,
    /// The person has it ready.
    pub done: bool,
    /// The photos of it (SHA-256 names of attachments).
    pub attachments: Vec<String>,
}

/// The checklist for `answers` (a draft of `form`) under `policy`, on `today`: every entry the
/// answers call for, in catalogue order, with each entry's persons in the order applicant,
/// members by row, family.
pub fn checklist(
    form: &Form,
    answers: &dyn Answers,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<ChecklistItem> {
    let asked = asked_answers(form, answers, today);
    let docs = policy.documents();
    let holds = |when: &str| {
        Condition::parse(when)
            // Parsed when the bundle loaded, so this cannot fail; if it did, nothing is asked.
            .is_ok_and(|c| c.eval(&asked, today).is_true())
    };
    let household = Household::of(&asked, today);
    let mut out = Vec::new();
    for d in &docs.items {
        let path_applies = docs.path_rule(d.path).is_some_and(|r| holds(&r.when));
        if !path_applies || !d.when.as_deref().is_none_or(holds) {
            continue;
        }
        for who in &d.who {
            match who {
                Who::Applicant => out.push(entry(d, None, false, answers, today)),
                Who::Family => out.push(entry(d, None, true, answers, today)),
                Who::EachMember | Who::EachAdultMember | Who::EachChild => {
                    for m in household.members(*who, docs.adult_age) {
                        out.push(entry(d, Some(m), false, answers, today));
                    }
                }
            }
        }
    }
    out
}

/// The family that moves, as the answers the person can see give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilySize {
    /// The applicant and every member who moves with them.
    pub members: u32,
    /// Of those, how many are the age asked about or older: the applicant (who applies in their
    /// own name and is taken to be of age) and each member whose birth date says so.
    pub aged_from: u32,
    /// Members who move but whose birth date is not answered: neither counted nor left out.
    pub age_unknown: u32,
}

/// The family that moves by `answers` on `today`, with those aged `age` or older counted
/// (the same reading of `family.members` as the checklist's).
pub fn family_size(form: &Form, answers: &dyn Answers, today: NaiveDate, age: u32) -> FamilySize {
    let asked = asked_answers(form, answers, today);
    let household = Household::of(&asked, today);
    let (aged, unknown) = household.aged_from(age);
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    FamilySize {
        members: n(household.len()).saturating_add(1),
        aged_from: n(aged).saturating_add(1),
        age_unknown: n(unknown),
    }
}

/// The answers the person can see today: those to questions the form's skip logic asks.
/// Ticks answer no question and are read from the draft directly.
fn asked_answers(form: &Form, answers: &dyn Answers, today: NaiveDate) -> BTreeMap<String, Value> {
    let relevance = form.relevance(answers, today);
    crate::sort::map_of(
        answers
            .ids()
            .filter(|id| relevance.field(id))
            .filter_map(|id| Some((id.to_owned(), answers.answer(id)?.clone()))),
    )
}

fn entry(
    d: &DocumentItem,
    member: Option<&MemberRow>,
    is_for_family: bool,
    answers: &dyn Answers,
    today: NaiveDate,
) -> ChecklistItem {
    let id = match member {
        Some(m) => format!("{}.m{}", d.id, m.row),
        None => d.id.clone(),
    };
    let tick = Tick::read(answers.answer(&tick::field(&id))).unwrap_or_default();
    let usable_until = tick
        .issued_on
        .zip(d.max_age_days)
        .and_then(|(issued, days)| issued.checked_add_days(Days::new(u64::from(days))));
    ChecklistItem {
        item: d.id.clone(),
        path: d.path,
        member: member.map(MemberRow::member),
        is_for_family,
        title_key: format!("documents-item-{}", d.id),
        translation: d.translation,
        where_key: format!("documents-where-{}", d.handed_in),
        source: d.provenance.source.clone(),
        uncertain: d.provenance.uncertain,
        note: d.provenance.note.clone(),
        max_age_days: d.max_age_days,
        valid_for_days: d.valid_for_days,
        issued_on: tick.issued_on,
        usable_until,
        is_too_old: usable_until.is_some_and(|last| today > last),
        done: tick.done,
        attachments: tick.attachments,
        id,
    }
}

#[cfg(test)]
mod tests;
