//! The family members a checklist asks papers of, read from the `family.members` repeat group:
//! only those who move with the applicant, each with their row, relation and age.

use chrono::NaiveDate;
use serde_json::Value;

use super::Member;
use crate::policy::Who;

/// The repeat group of family members in the residence questionnaire.
const MEMBERS: &str = "family.members";

/// One member who moves, as the answers give them.
#[derive(Debug, Clone)]
pub(super) struct MemberRow {
    pub(super) row: usize,
    relation: Option<String>,
    full_name: Option<String>,
    /// Whole years on the checklist's day; `None` when the birth date is missing or later.
    age: Option<u32>,
}

impl MemberRow {
    pub(super) fn member(&self) -> Member {
        Member {
            row: self.row,
            relation: self.relation.clone(),
            full_name: self.full_name.clone(),
        }
    }

    fn is(&self, who: Who, adult_age: u32) -> bool {
        match who {
            Who::EachMember => true,
            // A member of unknown age is not taken for an adult: only what the answers say.
            Who::EachAdultMember => self.age.is_some_and(|a| a >= adult_age),
            Who::EachChild => self.relation.as_deref() == Some("child"),
            Who::Applicant | Who::Family => false,
        }
    }
}

/// The members who move with the applicant.
pub(super) struct Household(Vec<MemberRow>);

impl Household {
    /// The members of `answers` who move (`moves_with_me` answered yes), on `today`.
    pub(super) fn of(answers: &dyn crate::form::Answers, today: NaiveDate) -> Household {
        let rows = answers
            .answer(MEMBERS)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let text = |row: &Value, key: &str| {
            row.get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let members = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| row.get("moves_with_me") == Some(&Value::Bool(true)))
            .map(|(i, row)| MemberRow {
                row: i,
                relation: text(row, "relation"),
                full_name: text(row, "full_name"),
                age: text(row, "birth_date")
                    .and_then(|d| d.parse::<NaiveDate>().ok())
                    .and_then(|born| today.years_since(born)),
            })
            .collect();
        Household(members)
    }

    /// How many members move with the applicant.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// How many of them are `age` or older, and how many have no age in the answers.
    pub(super) fn aged_from(&self, age: u32) -> (usize, usize) {
        let known = self.0.iter().filter(|m| m.age.is_some_and(|a| a >= age));
        let unknown = self.0.iter().filter(|m| m.age.is_none());
        (known.count(), unknown.count())
    }

    /// The members `who` names, by row.
    pub(super) fn members(&self, who: Who, adult_age: u32) -> impl Iterator<Item = &MemberRow> {
        self.0.iter().filter(move |m| m.is(who, adult_age))
    }
}
