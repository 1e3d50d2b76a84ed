//! Validation of a draft's answers against its form, written once so the app (offline, inline
//! under each field) and the server (on submit) give the same verdict.
//!
//! What is checked: required answers, the answer's type for its kind, options, constraints,
//! the rows of repeat groups (errors name the row: `family.members[1].birth_date`), and the
//! cross-field `check`/`warn` conditions. Relevance comes first: a question that is not asked
//! is not checked, and its stale answer is ignored rather than an error, because the person
//! cannot see it to fix it. Results are codes plus field paths ([`FieldError`]); the app turns
//! `validation-<code>` into words.
//!
//! Errors block a submission; warnings do not. The only warning the residence form has today is
//! `kaztest_below_pass` (a KAZTEST section under 30%): a failed result is a true answer, not a
//! typing mistake, the official system decides the language stage after submission, and the
//! test can be retaken (up to three paid attempts), so blocking would only push people to leave
//! the score out or to misstate it. The app shows the warning and explains the pass mark.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::api::FieldError;
use crate::error::{Error, Result};
use crate::form::condition::parse_date;
use crate::form::{Answers, Form, Kind, Question, Relevance, RowScope, Scope, row_relevance};

/// Every validation code this module or a built-in form can produce. `kosh-locales` checks that
/// each has a `validation-<code>` message in every language.
pub const CODES: &[&str] = &[
    "required",
    "wrong_type",
    "below_min",
    "above_max",
    "not_integer",
    "too_short",
    "too_long",
    "invalid_date",
    "date_too_early",
    "date_too_late",
    "invalid_option",
    "duplicate_option",
    "too_few_items",
    "too_many_items",
    "invalid_email",
    "invalid_phone",
    "invalid_country",
    "invalid_region",
    "unknown_question",
    CHECK_FAILED,
    // Codes that forms name in their `check_code` / `warn_code`:
    "end_before_start",
    "more_years_than_age",
    "kaztest_below_pass",
];

/// The code of a failed cross-field `check` that names no code of its own.
pub const CHECK_FAILED: &str = "check_failed";

/// What validation needs from outside: the day (shared has no clock) and, when the caller has
/// the policy loaded, the region ids a `region` answer may take.
#[derive(Debug, Clone)]
pub struct Env {
    today: NaiveDate,
    regions: Option<BTreeSet<String>>,
}

impl Env {
    /// Validation on `today`; `region` answers are checked only for their shape.
    pub fn new(today: NaiveDate) -> Env {
        Env {
            today,
            regions: None,
        }
    }

    /// Also checks `region` answers against these ids (the policy's regions).
    pub fn with_regions<I, S>(mut self, regions: I) -> Env
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.regions = Some(regions.into_iter().map(Into::into).collect());
        self
    }

    /// The day validation is done for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }
}

/// The outcome of validating a draft or a section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Rules broken: the draft cannot be submitted until they are fixed. In form order.
    pub errors: Vec<FieldError>,
    /// Advice the app shows; a draft with warnings can still be submitted.
    pub warnings: Vec<FieldError>,
}

impl Report {
    /// True when nothing blocks a submission.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Validates a whole draft: every relevant question, and answers to questions the form does not
/// have (`unknown_question`).
pub fn validate_draft(form: &Form, answers: &dyn Answers, env: &Env) -> Report {
    let relevance = form.relevance(answers, env.today);
    let mut report = Report::default();
    for s in 0..form.sections().len() {
        section_into(form, s, answers, env, &relevance, &mut report);
    }
    let mut unknown: Vec<&str> = answers
        .ids()
        .filter(|id| form.top_index(id).is_none())
        .collect();
    unknown.sort_unstable();
    for id in unknown {
        push(&mut report.errors, id, "unknown_question");
    }
    report
}

/// Validates one section (one screen of the app); relevance still looks at every answer.
pub fn validate_section(
    form: &Form,
    section_id: &str,
    answers: &dyn Answers,
    env: &Env,
) -> Result<Report> {
    let s = form
        .sections()
        .iter()
        .position(|s| s.id == section_id)
        .ok_or_else(|| Error::UnknownSection {
            form: form.id().to_string(),
            id: section_id.to_owned(),
        })?;
    let relevance = form.relevance(answers, env.today);
    Ok(validate_section_with(form, s, answers, env, &relevance))
}

/// [`validate_section`] by position, with relevance already computed.
pub(crate) fn validate_section_with(
    form: &Form,
    section: usize,
    answers: &dyn Answers,
    env: &Env,
    relevance: &Relevance<'_>,
) -> Report {
    let mut report = Report::default();
    section_into(form, section, answers, env, relevance, &mut report);
    report
}

/// The rules one answer keeps on its own, as the app checks a field while it is edited: type,
/// options, constraints and rows. Not checked here, because they need the rest of the draft:
/// `required` (an empty value is fine), relevance, and cross-field `check`/`warn` rules.
pub fn validate_answer(question: &Question, value: &Value, env: &Env) -> Vec<FieldError> {
    static NO_ANSWERS: BTreeMap<String, Value> = BTreeMap::new();
    let mut report = Report::default();
    if is_blank(value) {
        return report.errors;
    }
    let scope = Scope {
        answers: &NO_ANSWERS,
        relevant: &[],
        row: None,
    };
    let mut ctx = Ctx {
        env,
        report: &mut report,
        cross_field: false,
    };
    ctx.value(question, value, &question.id, &scope);
    report.errors
}

/// Whether a value has the JSON shape its question takes (a string for text, a `YYYY-MM-DD`
/// string for a date, an array of objects keyed by child ids for a repeat group, ...). `null`
/// always fits: it clears the answer. This is what a server should require of an op before it
/// stores it; the other rules wait for submission, because a draft is allowed to be unfinished.
pub fn check_shape(question: &Question, value: &Value) -> std::result::Result<(), FieldError> {
    shape(question, value, &question.id)
}

/// [`check_shape`] for one op of a sync: `field` must be a top-level question of `form` (a
/// repeat group's answer is sent whole).
pub fn check_op(form: &Form, field: &str, value: &Value) -> Result<()> {
    let Some(question) = form.top_index(field).map(|i| form.top(i)) else {
        return Err(Error::UnknownQuestion {
            form: form.id().to_string(),
            id: field.to_owned(),
        });
    };
    check_shape(question, value).map_err(|e| Error::InvalidAnswer {
        field: e.field,
        code: e.code,
    })
}

fn push(list: &mut Vec<FieldError>, field: &str, code: &str) {
    list.push(FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
    });
}

/// Unanswered: nothing, `null`, blank text, or an empty list.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn section_into(
    form: &Form,
    section: usize,
    answers: &dyn Answers,
    env: &Env,
    relevance: &Relevance<'_>,
    report: &mut Report,
) {
    if !relevance.sections.get(section).copied().unwrap_or(false) {
        return;
    }
    let Some(section) = form.sections().get(section) else {
        return;
    };
    let scope = Scope {
        answers,
        relevant: &relevance.questions,
        row: None,
    };
    let mut ctx = Ctx {
        env,
        report,
        cross_field: true,
    };
    for question in &section.questions {
        let asked = form
            .top_index(&question.id)
            .and_then(|i| relevance.questions.get(i))
            .copied()
            .unwrap_or(false);
        if asked {
            ctx.question(question, answers.answer(&question.id), &question.id, &scope);
        }
    }
}

struct Ctx<'r> {
    env: &'r Env,
    report: &'r mut Report,
    /// Whether `check` and `warn` conditions run (they need the whole draft).
    cross_field: bool,
}

impl Ctx<'_> {
    fn error(&mut self, field: &str, code: &str) {
        push(&mut self.report.errors, field, code);
    }

    /// A relevant question: required, its own rules, then its cross-field rules.
    fn question(&mut self, q: &Question, value: Option<&Value>, field: &str, scope: &Scope<'_>) {
        let value = match value {
            Some(v) if !is_blank(v) => v,
            _ => {
                if q.required {
                    self.error(field, "required");
                }
                return;
            }
        };
        let before = self.report.errors.len();
        self.value(q, value, field, scope);
        // Cross-field rules compare sound answers only: a malformed one already has its error.
        if !self.cross_field || self.report.errors.len() > before {
            return;
        }
        let Some(constraint) = &q.constraint else {
            return;
        };
        if let Some(check) = &constraint.check {
            // Unknown (another answer missing) is not a failure: that answer gets `required`.
            if check.eval(scope, self.env.today).is_false() {
                let code = constraint.check_code.as_deref().unwrap_or(CHECK_FAILED);
                self.error(field, code);
            }
        }
        if let (Some(warn), Some(code)) = (&constraint.warn, &constraint.warn_code)
            && warn.eval(scope, self.env.today).is_false()
        {
            push(&mut self.report.warnings, field, code);
        }
    }

    /// The rules of a non-blank answer on its own.
    fn value(&mut self, q: &Question, value: &Value, field: &str, scope: &Scope<'_>) {
        let c = q.constraint.as_ref();
        match q.kind {
            Kind::Text | Kind::Email | Kind::Phone => {
                let Some(text) = value.as_str() else {
                    return self.error(field, "wrong_type");
                };
                let len = text.chars().count();
                if c.and_then(|c| c.min_length).is_some_and(|min| len < min) {
                    self.error(field, "too_short");
                }
                if c.and_then(|c| c.max_length).is_some_and(|max| len > max) {
                    self.error(field, "too_long");
                }
                if q.kind == Kind::Email && !is_email(text) {
                    self.error(field, "invalid_email");
                }
                if q.kind == Kind::Phone && !is_phone(text) {
                    self.error(field, "invalid_phone");
                }
            }
            Kind::Number => {
                let Some(n) = value.as_f64().filter(|_| value.is_number()) else {
                    return self.error(field, "wrong_type");
                };
                if c.is_some_and(|c| c.integer) && n.fract() != 0.0 {
                    self.error(field, "not_integer");
                }
                if c.and_then(|c| c.min).is_some_and(|min| n < min) {
                    self.error(field, "below_min");
                }
                if c.and_then(|c| c.max).is_some_and(|max| n > max) {
                    self.error(field, "above_max");
                }
            }
            Kind::Date => {
                let Some(text) = value.as_str() else {
                    return self.error(field, "wrong_type");
                };
                let Some(date) = parse_date(text) else {
                    return self.error(field, "invalid_date");
                };
                let today = self.env.today;
                let bound = |b: Option<crate::form::DateBound>| b.and_then(|b| b.resolve(today));
                if bound(c.and_then(|c| c.min_date)).is_some_and(|min| date < min) {
                    self.error(field, "date_too_early");
                }
                if bound(c.and_then(|c| c.max_date)).is_some_and(|max| date > max) {
                    self.error(field, "date_too_late");
                }
            }
            Kind::YesNo => {
                if !value.is_boolean() {
                    self.error(field, "wrong_type");
                }
            }
            Kind::SingleChoice | Kind::LanguageLevel => match value.as_str() {
                None => self.error(field, "wrong_type"),
                Some(v) if !q.has_option(v) => self.error(field, "invalid_option"),
                Some(_) => {}
            },
            Kind::MultiChoice => {
                let Some(items) = value.as_array() else {
                    return self.error(field, "wrong_type");
                };
                let mut seen = BTreeSet::new();
                for item in items {
                    let Some(v) = item.as_str() else {
                        return self.error(field, "wrong_type");
                    };
                    if !q.has_option(v) {
                        return self.error(field, "invalid_option");
                    }
                    if !seen.insert(v) {
                        return self.error(field, "duplicate_option");
                    }
                }
                self.count(q, items.len(), field);
            }
            Kind::Country => match value.as_str() {
                None => self.error(field, "wrong_type"),
                Some(v) if !is_country(v) => self.error(field, "invalid_country"),
                Some(_) => {}
            },
            Kind::Region => match value.as_str() {
                None => self.error(field, "wrong_type"),
                Some(v) => {
                    let known = match &self.env.regions {
                        Some(regions) => regions.contains(v),
                        None => is_region_id(v),
                    };
                    if !known {
                        self.error(field, "invalid_region");
                    }
                }
            },
            Kind::Repeat => {
                let Some(rows) = value.as_array() else {
                    return self.error(field, "wrong_type");
                };
                self.count(q, rows.len(), field);
                for (i, row) in rows.iter().enumerate() {
                    let row_field = format!("{field}[{i}]");
                    let Some(row) = row.as_object() else {
                        self.error(&row_field, "wrong_type");
                        continue;
                    };
                    self.row(q, row, &row_field, scope);
                }
            }
        }
    }

    fn count(&mut self, q: &Question, n: usize, field: &str) {
        let c = q.constraint.as_ref();
        if c.and_then(|c| c.min_items).is_some_and(|min| n < min) {
            self.error(field, "too_few_items");
        }
        if c.and_then(|c| c.max_items).is_some_and(|max| n > max) {
            self.error(field, "too_many_items");
        }
    }

    fn row(&mut self, group: &Question, row: &Map<String, Value>, field: &str, scope: &Scope<'_>) {
        let relevant = row_relevance(group, row, scope.answers, scope.relevant, self.env.today);
        let row_scope = Scope {
            answers: scope.answers,
            relevant: scope.relevant,
            row: Some(RowScope {
                group,
                row,
                relevant: &relevant,
            }),
        };
        for (child, asked) in group.questions.iter().zip(&relevant) {
            if *asked {
                let child_field = format!("{field}.{}", child.id);
                self.question(child, row.get(&child.id), &child_field, &row_scope);
            }
        }
        for key in row.keys() {
            if group.child(key).is_none() {
                self.error(&format!("{field}.{key}"), "unknown_question");
            }
        }
    }
}

fn shape(q: &Question, value: &Value, field: &str) -> std::result::Result<(), FieldError> {
    let wrong = |code: &str| {
        Err(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
        })
    };
    let fits = match (q.kind, value) {
        (_, Value::Null) => true,
        (Kind::Number, Value::Number(_)) | (Kind::YesNo, Value::Bool(_)) => true,
        (Kind::Date, Value::String(s)) => {
            return if parse_date(s).is_some() {
                Ok(())
            } else {
                wrong("invalid_date")
            };
        }
        (
            Kind::Text
            | Kind::Email
            | Kind::Phone
            | Kind::SingleChoice
            | Kind::LanguageLevel
            | Kind::Country
            | Kind::Region,
            Value::String(_),
        ) => true,
        (Kind::MultiChoice, Value::Array(items)) => items.iter().all(Value::is_string),
        (Kind::Repeat, Value::Array(rows)) => {
            for (i, row) in rows.iter().enumerate() {
                let row_field = format!("{field}[{i}]");
                let Some(row) = row.as_object() else {
                    return Err(FieldError {
                        field: row_field,
                        code: "wrong_type".to_owned(),
                    });
                };
                for (key, v) in row {
                    let child_field = format!("{row_field}.{key}");
                    match q.child(key) {
                        Some(child) => shape(child, v, &child_field)?,
                        None => {
                            return Err(FieldError {
                                field: child_field,
                                code: "unknown_question".to_owned(),
                            });
                        }
                    }
                }
            }
            true
        }
        _ => false,
    };
    if fits { Ok(()) } else { wrong("wrong_type") }
}

/// A plausible address: one `@`, something before it, a dotted domain after it, no spaces.
/// Whether it exists only a message to it can tell.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// International form (E.164): `+`, a country code that does not start with 0, 7 to 15 digits
/// in all; spaces, dashes and parentheses may group them.
fn is_phone(text: &str) -> bool {
    let Some(rest) = text.trim().strip_prefix('+') else {
        return false;
    };
    let mut digits = 0;
    for c in rest.chars() {
        match c {
            '0' if digits == 0 => return false,
            '0'..='9' => digits += 1,
            ' ' | '-' | '(' | ')' => {}
            _ => return false,
        }
    }
    (7..=15).contains(&digits)
}

/// ISO 3166-1 alpha-2, upper case.
fn is_country(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_region_id(text: &str) -> bool {
    text.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}
