//! Skip logic: which sections, questions and repeat-row questions are asked for one set of
//! answers on one day ([`Relevance`], computed by [`Form::relevance`] in one pass in form order),
//! and the [`Scope`] through which conditions read only answers that are asked.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::condition::{Ref, Resolve, Target};
use super::model::{Answers, Form, Kind, Question};
use super::path::FieldPath;

/// Which sections, questions and repeat-row questions are relevant for one set of answers on
/// one day. Computed in one pass by [`Form::relevance`].
#[derive(Debug, Clone)]
pub struct Relevance<'f> {
    form: &'f Form,
    sections: Vec<bool>,
    /// Per top-level question, in form order.
    questions: Vec<bool>,
    /// Per top-level question: for a repeat group, per row, per child.
    rows: Vec<Vec<Vec<bool>>>,
}

impl Relevance<'_> {
    /// Whether a section is shown.
    pub fn section(&self, id: &str) -> bool {
        self.form
            .sections
            .iter()
            .position(|s| s.id == id)
            .is_some_and(|i| self.sections[i])
    }

    /// Whether a field is asked: a top-level id (`languages.kaztest_reading`), a row
    /// (`family.members[1]`, asked when its group is and the row exists) or a row's child
    /// (`family.members[1].birth_date`). Unknown fields are not relevant.
    pub fn field(&self, field: &str) -> bool {
        match FieldPath::parse(field) {
            Some(FieldPath::Question(top)) => {
                self.form.index.get(top).is_some_and(|i| self.questions[*i])
            }
            Some(FieldPath::Row { group, index }) => self
                .form
                .index
                .get(group)
                .is_some_and(|&i| self.questions[i] && index < self.rows[i].len()),
            Some(FieldPath::RowChild {
                group,
                index: row,
                child,
            }) => {
                let Some(&i) = self.form.index.get(group) else {
                    return false;
                };
                let Some(c) = self
                    .form
                    .top(i)
                    .questions
                    .iter()
                    .position(|q| q.id == child)
                else {
                    return false;
                };
                self.questions[i]
                    && self.rows[i]
                        .get(row)
                        .and_then(|r| r.get(c))
                        .copied()
                        .unwrap_or(false)
            }
            None => false,
        }
    }
}

// What validation needs of relevance, so it reads it through these and not its fields.
impl Relevance<'_> {
    /// Whether the section at `index` (form order) is shown.
    pub(crate) fn section_at(&self, index: usize) -> bool {
        self.sections.get(index).copied().unwrap_or(false)
    }

    /// Whether the top-level question at `index` (form order) is asked.
    pub(crate) fn question_at(&self, index: usize) -> bool {
        self.questions.get(index).copied().unwrap_or(false)
    }

    /// The scope conditions read `answers` through: only questions that are asked.
    pub(crate) fn scope<'a>(&'a self, answers: &'a dyn Answers) -> Scope<'a> {
        Scope {
            answers,
            relevant: &self.questions,
            row: None,
        }
    }
}

/// Where conditions find answers during validation: top-level answers only when their question
/// is relevant, and in a repeat row the row's relevant answers.
pub(crate) struct Scope<'a> {
    answers: &'a dyn Answers,
    relevant: &'a [bool],
    row: Option<RowScope<'a>>,
}

/// One row of a repeat group while its conditions are evaluated.
struct RowScope<'a> {
    group: &'a Question,
    row: &'a Map<String, Value>,
    relevant: &'a [bool],
}

impl Resolve for Scope<'_> {
    fn resolve(&self, reference: &Ref) -> Option<&Value> {
        match reference.target {
            Target::Question { index, .. } => {
                if self.relevant.get(index).copied().unwrap_or(false) {
                    self.answers.answer(&reference.path)
                } else {
                    None
                }
            }
            Target::RowChild { child, .. } => {
                let row = self.row.as_ref()?;
                if row.relevant.get(child).copied().unwrap_or(false) {
                    row.row.get(&row.group.questions.get(child)?.id)
                } else {
                    None
                }
            }
            Target::Unbound => self.answers.answer(&reference.path),
        }
    }
}

impl Scope<'_> {
    /// A scope that sees no answers, for one answer checked alone.
    pub(crate) fn alone() -> Scope<'static> {
        static NO_ANSWERS: BTreeMap<String, Value> = BTreeMap::new();
        Scope {
            answers: &NO_ANSWERS,
            relevant: &[],
            row: None,
        }
    }

    /// Which children of `group` are asked in `row` (the row's skip logic), in child order.
    pub(crate) fn row_relevance(
        &self,
        group: &Question,
        row: &Map<String, Value>,
        today: NaiveDate,
    ) -> Vec<bool> {
        row_relevance(group, row, self.answers, self.relevant, today)
    }

    /// This scope inside one row of `group`, whose asked children are `relevant`.
    pub(crate) fn in_row<'b>(
        &'b self,
        group: &'b Question,
        row: &'b Map<String, Value>,
        relevant: &'b [bool],
    ) -> Scope<'b> {
        Scope {
            answers: self.answers,
            relevant: self.relevant,
            row: Some(RowScope {
                group,
                row,
                relevant,
            }),
        }
    }
}

/// Which children of a repeat group are relevant in one row, in child order.
fn row_relevance(
    group: &Question,
    row: &Map<String, Value>,
    answers: &dyn Answers,
    relevant: &[bool],
    today: NaiveDate,
) -> Vec<bool> {
    let mut row_relevant = Vec::with_capacity(group.questions.len());
    for child in &group.questions {
        let shown = match &child.relevant {
            None => true,
            Some(condition) => {
                let scope = Scope {
                    answers,
                    relevant,
                    row: Some(RowScope {
                        group,
                        row,
                        relevant: &row_relevant,
                    }),
                };
                condition.eval(&scope, today).is_true()
            }
        };
        row_relevant.push(shown);
    }
    row_relevant
}

impl Form {
    /// Which sections and questions are relevant for these answers on `today`.
    pub fn relevance(&self, answers: &dyn Answers, today: NaiveDate) -> Relevance<'_> {
        let mut questions = Vec::with_capacity(self.order.len());
        let mut sections = Vec::with_capacity(self.sections.len());
        let mut rows = Vec::with_capacity(self.order.len());
        for section in &self.sections {
            let shown = section.relevant.as_ref().is_none_or(|c| {
                let scope = Scope {
                    answers,
                    relevant: &questions,
                    row: None,
                };
                c.eval(&scope, today).is_true()
            });
            sections.push(shown);
            for question in &section.questions {
                let asked = shown
                    && question.relevant.as_ref().is_none_or(|c| {
                        let scope = Scope {
                            answers,
                            relevant: &questions,
                            row: None,
                        };
                        c.eval(&scope, today).is_true()
                    });
                let question_rows = match answers.answer(&question.id) {
                    Some(Value::Array(items)) if asked && question.kind == Kind::Repeat => items
                        .iter()
                        .map(|row| match row {
                            Value::Object(row) => {
                                row_relevance(question, row, answers, &questions, today)
                            }
                            _ => vec![false; question.questions.len()],
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                questions.push(asked);
                rows.push(question_rows);
            }
        }
        Relevance {
            form: self,
            sections,
            questions,
            rows,
        }
    }

    /// Whether one question (or a row's child, `family.members[1].birth_date`) is asked, given
    /// these answers on `today`. To ask about many, compute [`Form::relevance`] once.
    pub fn relevant(&self, field: &str, answers: &dyn Answers, today: NaiveDate) -> bool {
        self.relevance(answers, today).field(field)
    }
}
