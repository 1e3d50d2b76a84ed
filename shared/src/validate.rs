//! Validation of a draft's answers against its form, written once so the app (offline, inline
//! under each field) and the server (on submit) give the same verdict.
//!
//! What is checked: required answers, the answer's type for its kind, options, constraints,
//! the rows of repeat groups (errors name the row: `family.members[1].birth_date`), and the
//! cross-field `check`/`warn` conditions. Relevance comes first: a question that is not asked
//! is not checked, and its stale answer is ignored rather than an error, because the person
//! cannot see it to fix it. Results are codes plus field paths ([`FieldError`], defined here and
//! re-exported by `api`); the app turns `validation-<code>` into words. How far a draft has come
//! ([`Form::sections_progress`]) is here too: "complete" means "no validation error left".
//!
//! Errors block a submission; warnings do not. The residence form has two:
//! - `kaztest_below_pass` (a KAZTEST section under 30%): a failed result is a true answer, not a
//!   typing mistake, the official system decides the language stage after submission, and the
//!   test can be retaken (up to three paid attempts), so blocking would only push people to leave
//!   the score out or to misstate it. The app shows the warning and explains the pass mark.
//! - `exit_consent_missing` (version 2: no written consent of the country of citizenship to
//!   leave): a true answer too, and a paper that can still be obtained; the person is told they
//!   will need it, and the checklist lists it.
//!
//! ```
//! use kosh_shared::form::residence_2026;
//! use kosh_shared::validate::{Env, validate_draft};
//! use std::collections::BTreeMap;
//!
//! let form = residence_2026()?;
//! let mut answers = BTreeMap::new();
//! answers.insert("personal.birth_date".to_owned(), serde_json::json!("2030-01-01"));
//! let report = validate_draft(form, &answers, &Env::new("2026-03-01".parse().unwrap()));
//! assert!(!report.is_valid());
//! assert!(report.errors.iter().any(|e| e.field == "personal.birth_date" && e.code == "date_too_late"));
//! # Ok::<(), kosh_shared::Error>(())
//! ```

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::form::condition::parse_date;
use crate::form::{Answers, FieldPath, Form, Kind, Question, Relevance, Scope, SectionsProgress};
use crate::tick;

/// One rule one answer broke: the question id and the rule's code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

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
    "exclusive_option",
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
    "exit_consent_missing",
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
        self.regions = Some(crate::sort::set_of(regions.into_iter().map(Into::into)));
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
/// have (`unknown_question`). Checklist ticks (`documents.…`, see [`crate::tick`]) answer no
/// question and are no part of the verdict: a paper not yet ticked never blocks a submission.
pub fn validate_draft(form: &Form, answers: &dyn Answers, env: &Env) -> Report {
    let relevance = form.relevance(answers, env.today);
    let mut report = Report::default();
    for s in 0..form.sections().len() {
        section_into(form, s, answers, env, &relevance, &mut report);
    }
    let mut unknown: Vec<&str> = answers
        .ids()
        // A cleared answer (null) to a question that no longer exists is no answer at all.
        .filter(|id| {
            form.top_index(id).is_none()
                && !tick::is_tick_field(id)
                && answers.answer(id).is_some_and(|v| !v.is_null())
        })
        .collect();
    crate::sort::sort(&mut unknown);
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
fn validate_section_with(
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
    let mut report = Report::default();
    if is_blank(value) {
        return report.errors;
    }
    let scope = Scope::alone();
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
/// repeat group's answer is sent whole), or a checklist tick of the shape [`tick::check`] wants.
pub fn check_op(form: &Form, field: &str, value: &Value) -> Result<()> {
    if tick::is_tick_field(field) {
        return tick::check(field, value).map_err(|code| match code {
            "unknown_question" => Error::UnknownQuestion {
                form: form.id().to_string(),
                id: field.to_owned(),
            },
            code => Error::InvalidAnswer {
                field: field.to_owned(),
                code: code.to_owned(),
            },
        });
    }
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
    if !relevance.section_at(section) {
        return;
    }
    let Some(section) = form.sections().get(section) else {
        return;
    };
    let scope = relevance.scope(answers);
    let mut ctx = Ctx {
        env,
        report,
        cross_field: true,
    };
    for question in &section.questions {
        let asked = form
            .top_index(&question.id)
            .is_some_and(|i| relevance.question_at(i));
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
                let exclusive = q
                    .options
                    .iter()
                    .any(|o| o.exclusive && seen.contains(&*o.value));
                if exclusive && items.len() > 1 {
                    self.error(field, "exclusive_option");
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
                    let row_field = FieldPath::Row {
                        group: field,
                        index: i,
                    }
                    .to_string();
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
        let relevant = scope.row_relevance(group, row, self.env.today);
        let row_scope = scope.in_row(group, row, &relevant);
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
                let row_field = FieldPath::Row {
                    group: field,
                    index: i,
                }
                .to_string();
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

/// A plausible address: one `@`, something before it, a dotted domain after it, no spaces, at
/// most 254 characters (RFC 5321's limit). Whether it exists only a message to it can tell.
/// The questionnaire and the server's sign-up both use this one check.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
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

// `Form::sections_progress` lives here rather than in `form` because "complete" means "no
// validation error left", so it is defined by validation.
impl Form {
    /// How many of the relevant sections are complete ("7 of 12 sections").
    pub fn sections_progress(&self, answers: &dyn Answers, today: NaiveDate) -> SectionsProgress {
        let env = Env::new(today);
        let relevance = self.relevance(answers, today);
        let mut progress = SectionsProgress {
            complete: 0,
            total: 0,
        };
        for i in 0..self.sections().len() {
            if !relevance.section_at(i) {
                continue;
            }
            progress.total += 1;
            let report = validate_section_with(self, i, answers, &env, &relevance);
            if report.errors.is_empty() {
                progress.complete += 1;
            }
        }
        progress
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::form::residence_2026;
    use rstest::rstest;
    use serde_json::json;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn env() -> Env {
        Env::new(day("2026-03-01"))
    }

    fn form() -> &'static Form {
        residence_2026().unwrap()
    }

    /// The residence form's examples: a complete, valid draft to break one rule at a time.
    fn draft() -> BTreeMap<String, Value> {
        form().example_answers()
    }

    fn with(changes: Value) -> BTreeMap<String, Value> {
        let mut d = draft();
        for (k, v) in changes.as_object().unwrap() {
            if v.is_null() {
                d.remove(k);
            } else {
                d.insert(k.clone(), v.clone());
            }
        }
        d
    }

    fn codes(list: &[FieldError]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[rstest]
    #[case::missing_required(json!({"personal.surname": null}), "personal.surname", "required")]
    #[case::blank_text_is_missing(json!({"personal.surname": "   "}), "personal.surname", "required")]
    #[case::empty_list_is_missing(json!({"kandas.ethnicity_documents": []}), "kandas.ethnicity_documents", "required")]
    #[case::number_as_text(json!({"work.years_total": "12"}), "work.years_total", "wrong_type")]
    #[case::fraction_of_a_year(json!({"work.years_total": 2.5}), "work.years_total", "not_integer")]
    #[case::above_max(json!({"work.years_total": 61}), "work.years_total", "above_max")]
    #[case::below_min(json!({"languages.kaztest_reading": -1}), "languages.kaztest_reading", "below_min")]
    #[case::future_birth_date(json!({"personal.birth_date": "2026-03-02"}), "personal.birth_date", "date_too_late")]
    #[case::ancient_birth_date(json!({"personal.birth_date": "1899-12-31"}), "personal.birth_date", "date_too_early")]
    #[case::date_in_another_format(json!({"personal.birth_date": "14.05.1990"}), "personal.birth_date", "invalid_date")]
    #[case::impossible_date(json!({"personal.birth_date": "2025-02-29"}), "personal.birth_date", "invalid_date")]
    #[case::yes_as_text(json!({"military.served": "yes"}), "military.served", "wrong_type")]
    #[case::unknown_option(json!({"education.level": "bachelors"}), "education.level", "invalid_option")]
    #[case::unknown_level(json!({"languages.kazakh": "b3"}), "languages.kazakh", "invalid_option")]
    #[case::choice_twice(json!({"kandas.ethnicity_documents": ["birth_certificate", "birth_certificate"]}), "kandas.ethnicity_documents", "duplicate_option")]
    #[case::lower_case_country(json!({"personal.citizenship": "uz"}), "personal.citizenship", "invalid_country")]
    #[case::local_phone_number(json!({"contacts.phone": "8 701 234 56 78"}), "contacts.phone", "invalid_phone")]
    #[case::phone_too_short(json!({"contacts.phone": "+7 701"}), "contacts.phone", "invalid_phone")]
    #[case::email_without_domain(json!({"contacts.email": "yerlan@mail"}), "contacts.email", "invalid_email")]
    #[case::text_too_long(json!({"personal.surname": "x".repeat(101)}), "personal.surname", "too_long")]
    #[case::region_id_shape(json!({"kandas.preferred_region": "Pavlodar"}), "kandas.preferred_region", "invalid_region")]
    #[case::no_family_members_listed(json!({"family.members": []}), "family.members", "required")]
    #[case::more_work_years_than_age(json!({"personal.birth_date": "2000-01-01", "work.years_total": 30}), "work.years_total", "more_years_than_age")]
    #[case::answer_to_no_question(json!({"personal.shoe_size": 42}), "personal.shoe_size", "unknown_question")]
    #[case::none_yet_with_documents(json!({"kandas.ethnicity_documents": ["none_yet", "birth_certificate"]}), "kandas.ethnicity_documents", "exclusive_option")]
    fn one_broken_rule(#[case] changes: Value, #[case] field: &str, #[case] code: &str) {
        let report = validate_draft(form(), &with(changes), &env());
        assert_eq!(codes(&report.errors), [(field, code)]);
        assert!(!report.is_valid());
    }

    #[test]
    fn errors_in_rows_name_the_row() {
        let members = json!([
            {"relation": "spouse", "full_name": "Gulnara", "birth_date": "1992-11-03",
             "citizenship": "UZ", "moves_with_me": true},
            {"relation": "cousin", "full_name": "Aigerim", "birth_date": "2030-01-01",
             "moves_with_me": true, "shoe_size": 30},
            "not a row",
        ]);
        let report = validate_draft(form(), &with(json!({"family.members": members})), &env());
        assert_eq!(
            codes(&report.errors),
            [
                ("family.members[1].relation", "invalid_option"),
                ("family.members[1].birth_date", "date_too_late"),
                ("family.members[1].citizenship", "required"),
                ("family.members[1].shoe_size", "unknown_question"),
                ("family.members[2]", "wrong_type"),
            ]
        );
    }

    #[test]
    fn row_skip_logic_and_row_checks() {
        let history = json!([
            {"activity": "job", "title": "Driver", "country": "KZ", "start": "2015-01-01",
             "ongoing": false, "end": "2014-01-01"},
            {"activity": "job", "title": "Engineer", "country": "KZ", "start": "2015-01-01",
             "ongoing": true, "end": "not even a date"},
            {"activity": "study", "title": "Law", "country": "KZ", "start": "2015-01-01",
             "ongoing": false},
        ]);
        let report = validate_draft(form(), &with(json!({"work.history": history})), &env());
        // Row 1 is ongoing, so its end is not asked and its bad value is ignored.
        assert_eq!(
            codes(&report.errors),
            [
                ("work.history[0].end", "end_before_start"),
                ("work.history[2].end", "required"),
            ]
        );
    }

    #[test]
    fn irrelevant_answers_are_ignored_not_errors() {
        let draft = with(json!({
            "citizenship.current_status": "refugee",
            "citizenship.exit_consent": "garbage",
            "citizenship.has_second": false,
            "citizenship.second_country": "nowhere",
        }));
        assert_eq!(validate_draft(form(), &draft, &env()), Report::default());
    }

    #[test]
    fn relevance_cascades_through_hidden_answers() {
        // Hidden by the kandas section, a stale "join the quota: yes" must not make the
        // region question required.
        let draft = with(json!({
            "personal.is_ethnic_kazakh": false,
            "kandas.join_quota": true,
            "kandas.preferred_region": null,
        }));
        assert!(validate_draft(form(), &draft, &env()).is_valid());
    }

    #[rstest]
    #[case::both_pass(64, 58, &[])]
    #[case::exactly_the_pass_mark(30, 30, &[])]
    #[case::listening_below(29, 58, &["languages.kaztest_listening"])]
    #[case::both_below(10, 0, &["languages.kaztest_listening", "languages.kaztest_reading"])]
    fn kaztest_below_pass_is_a_warning(
        #[case] listening: u32,
        #[case] reading: u32,
        #[case] warned: &[&str],
    ) {
        let draft = with(json!({
            "languages.kaztest_listening": listening,
            "languages.kaztest_reading": reading,
        }));
        let report = validate_draft(form(), &draft, &env());
        assert!(report.is_valid(), "{report:?}");
        let expected: Vec<(&str, &str)> =
            warned.iter().map(|f| (*f, "kaztest_below_pass")).collect();
        assert_eq!(codes(&report.warnings), expected);
    }

    #[test]
    fn no_kaztest_warning_without_a_test_on_version_1() {
        // Version 1 asked whether a test was taken; version 2 asks for the certificate outright.
        let v1 = crate::form::residence_2026_v1().unwrap();
        let mut draft = v1.example_answers();
        draft.insert("languages.kaztest_taken".into(), json!(false));
        draft.insert("languages.kaztest_reading".into(), json!(5));
        assert_eq!(validate_draft(v1, &draft, &env()), Report::default());
    }

    #[rstest]
    #[case::more_than_180_days_left("2026-08-29", &[])]
    #[case::exactly_180_days_left("2026-08-28", &["date_too_early"])]
    #[case::expired("2026-02-01", &["date_too_early"])]
    fn the_passport_must_be_valid_more_than_180_days_after_applying(
        #[case] until: &str,
        #[case] expected: &[&str],
    ) {
        // On 1 March 2026: 180 days later is 28 August.
        let draft = with(json!({"personal.passport_valid_until": until}));
        let report = validate_draft(form(), &draft, &env());
        let found: Vec<&str> = report.errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(found, expected, "{report:?}");
    }

    #[rstest]
    #[case::has_it("UZ", false, "citizen", json!(true), Some(&[][..]))]
    #[case::lacks_it("UZ", false, "citizen", json!(false), Some(&["exit_consent_missing"][..]))]
    #[case::ethnic_kazakh_from_china("CN", true, "citizen", json!(false), None)]
    #[case::refugee("AF", false, "refugee", json!(false), None)]
    #[case::not_an_ethnic_kazakh_from_china("CN", false, "citizen", json!(false), Some(&["exit_consent_missing"][..]))]
    fn the_exit_consent_is_asked_where_the_country_requires_one(
        #[case] citizenship: &str,
        #[case] ethnic_kazakh: bool,
        #[case] status: &str,
        #[case] consent: Value,
        #[case] warned: Option<&[&str]>,
    ) {
        let draft = with(json!({
            "personal.citizenship": citizenship,
            "personal.is_ethnic_kazakh": ethnic_kazakh,
            "citizenship.current_status": status,
            "citizenship.exit_consent": consent,
        }));
        let asked = form().relevant("citizenship.exit_consent", &draft, env().today());
        assert_eq!(asked, warned.is_some());
        let report = validate_draft(form(), &draft, &env());
        assert!(report.is_valid(), "{report:?}");
        let codes: Vec<&str> = report.warnings.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, warned.unwrap_or_default());
    }

    #[test]
    fn regions_are_checked_against_the_policy_when_given() {
        let draft = with(json!({"kandas.preferred_region": "almaty"}));
        assert!(validate_draft(form(), &draft, &env()).is_valid());
        let strict = env().with_regions(["pavlodar", "akmola"]);
        let report = validate_draft(form(), &draft, &strict);
        assert_eq!(
            codes(&report.errors),
            [("kandas.preferred_region", "invalid_region")]
        );
        assert!(validate_draft(form(), &self::draft(), &strict).is_valid());
    }

    #[test]
    fn a_section_reports_only_its_own_questions() {
        let draft = with(json!({"personal.surname": null, "education.level": "bachelors"}));
        let report = validate_section(form(), "education", &draft, &env()).unwrap();
        assert_eq!(
            codes(&report.errors),
            [("education.level", "invalid_option")]
        );
        let err = validate_section(form(), "hobbies", &draft, &env()).unwrap_err();
        assert_eq!(
            err,
            Error::UnknownSection {
                form: "residence-2026".into(),
                id: "hobbies".into()
            }
        );
        // The kandas section, hidden, has nothing to report.
        let draft = with(json!({"personal.is_ethnic_kazakh": false, "kandas.origin_country": 7}));
        assert!(
            validate_section(form(), "kandas", &draft, &env())
                .unwrap()
                .is_valid()
        );
    }

    #[test]
    fn an_empty_draft_lists_every_required_question_once() {
        let report = validate_draft(form(), &BTreeMap::new(), &env());
        assert!(report.errors.iter().all(|e| e.code == "required"));
        let fields: BTreeSet<&str> = report.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields.len(), report.errors.len());
        assert!(fields.contains("personal.birth_date"));
        assert!(!fields.contains("kandas.origin_country"));
        // The questionnaire opens only with a KAZTEST certificate: its date and results are
        // asked of everyone, with the passport's validity and the place of stay.
        for asked in [
            "languages.kaztest_date",
            "languages.kaztest_reading",
            "personal.passport_valid_until",
            "contacts.kz_place_of_stay",
            "languages.english_certificate",
        ] {
            assert!(fields.contains(asked), "{asked}");
        }
        // Asked once the status and the citizenship say whether it is needed.
        assert!(!fields.contains("citizenship.exit_consent"));
    }

    #[rstest]
    #[case::valid("personal.birth_date", json!("1990-05-14"), &[])]
    #[case::blank_is_not_required_here("personal.birth_date", json!(null), &[])]
    #[case::future("personal.birth_date", json!("2027-01-01"), &["date_too_late"])]
    #[case::too_long_and_not_an_email("contacts.email", json!(format!("{}@", "a".repeat(260))), &["too_long", "invalid_email"])]
    #[case::too_few_choices_is_blank("kandas.ethnicity_documents", json!([]), &[])]
    #[case::choices_not_strings("kandas.ethnicity_documents", json!([1]), &["wrong_type"])]
    #[case::repeat_not_a_list("family.members", json!({"relation": "spouse"}), &["wrong_type"])]
    fn one_answer_alone(#[case] id: &str, #[case] value: Value, #[case] expected: &[&str]) {
        let question = form().question(id).unwrap();
        let found: Vec<String> = validate_answer(question, &value, &env())
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn one_row_alone_names_the_row() {
        let question = form().question("family.members").unwrap();
        let rows = json!([{"relation": "child", "full_name": "A", "birth_date": "2016-02-30",
                           "citizenship": "UZ", "moves_with_me": true}]);
        assert_eq!(
            codes(&validate_answer(question, &rows, &env())),
            [("family.members[0].birth_date", "invalid_date")]
        );
    }

    #[rstest]
    #[case::clears("education.level", json!(null))]
    #[case::choice("education.level", json!("master"))]
    #[case::unknown_option_waits_for_submission("education.level", json!("phd"))]
    #[case::rows("family.members", json!([{"relation": "spouse", "birth_date": "1992-11-03"}]))]
    #[case::half_filled_row("family.members", json!([{}]))]
    fn ops_that_fit(#[case] id: &str, #[case] value: Value) {
        assert_eq!(check_op(form(), id, &value), Ok(()));
    }

    #[rstest]
    #[case::number_as_text("work.years_total", json!("12"), "work.years_total", "wrong_type")]
    #[case::bad_date("personal.birth_date", json!("1990-02-30"), "personal.birth_date", "invalid_date")]
    #[case::choices_of_numbers("kandas.ethnicity_documents", json!([1, 2]), "kandas.ethnicity_documents", "wrong_type")]
    #[case::row_of_text("family.members", json!(["spouse"]), "family.members[0]", "wrong_type")]
    #[case::row_with_stray_key("family.members", json!([{"pet": "cat"}]), "family.members[0].pet", "unknown_question")]
    #[case::row_with_bad_child("family.members", json!([{"birth_date": 1990}]), "family.members[0].birth_date", "wrong_type")]
    fn ops_that_do_not_fit(
        #[case] id: &str,
        #[case] value: Value,
        #[case] field: &str,
        #[case] code: &str,
    ) {
        assert_eq!(
            check_op(form(), id, &value).unwrap_err(),
            Error::InvalidAnswer {
                field: field.into(),
                code: code.into()
            }
        );
    }

    #[test]
    fn ops_for_unknown_questions_are_refused() {
        let err = check_op(form(), "personal.shoe_size", &json!(42)).unwrap_err();
        assert_eq!(err.code(), "bad_request");
        assert!(matches!(err, Error::UnknownQuestion { .. }));
        // A repeat child is sent inside its group's answer, never as an op of its own.
        assert!(check_op(form(), "family.members.relation", &json!("spouse")).is_err());
        // Unfinished is fine for an op: the rules wait for submission.
        assert!(check_op(form(), "personal.birth_date", &json!("2099-01-01")).is_ok());
    }

    #[test]
    fn codes_are_unique_snake_case_and_cover_the_forms() {
        let unique: BTreeSet<&str> = CODES.iter().copied().collect();
        assert_eq!(unique.len(), CODES.len());
        for code in CODES {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{code}"
            );
        }
        for q in form()
            .questions()
            .chain(form().questions().flat_map(|q| &q.questions))
        {
            if let Some(c) = &q.constraint {
                for code in [&c.check_code, &c.warn_code].into_iter().flatten() {
                    assert!(CODES.contains(&code.as_str()), "{code}");
                }
            }
        }
    }

    #[rstest]
    #[case("+7 701 234 56 78", true)]
    #[case("+998(90)123-45-67", true)]
    #[case("+77012345678", true)]
    #[case("+0 701 234 56 78", false)]
    #[case("+7 701 234 56 78 90 12 34", false)]
    #[case("+7 701 ext 5", false)]
    fn phone_numbers(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_phone(text), ok, "{text}");
    }

    fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-100i64..3000).prop_map(|n| json!(n)),
            (-1e6f64..1e6).prop_map(|n| json!(n)),
            prop::sample::select(vec![
                "",
                " ",
                "UZ",
                "kz",
                "bachelor",
                "b2",
                "none_yet",
                "birth_certificate",
                "pavlodar",
                "1990-05-14",
                "2030-01-01",
                "2016-02-29",
                "+7 701 234 56 78",
                "a@b.kz",
                "spouse",
                "job",
                "relation",
                "birth_date",
                "end",
                "start",
            ])
            .prop_map(|s| json!(s)),
            "\\PC{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec![
                        "relation",
                        "full_name",
                        "birth_date",
                        "citizenship",
                        "moves_with_me",
                        "activity",
                        "title",
                        "country",
                        "start",
                        "ongoing",
                        "end",
                        "other",
                    ]),
                    inner,
                    0..5
                )
                .prop_map(|m| Value::Object(
                    m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
                )),
            ]
        })
    }

    fn any_draft() -> impl proptest::strategy::Strategy<Value = BTreeMap<String, Value>> {
        use proptest::prelude::*;
        let mut ids: Vec<String> = form().question_ids().map(str::to_owned).collect();
        ids.push("personal.shoe_size".to_owned());
        prop::collection::btree_map(prop::sample::select(ids), any_value(), 0..40).prop_map(
            |random| {
                // Start from the valid examples half of the time, so deep rules are reached.
                let mut d = if random.len() % 2 == 0 {
                    draft()
                } else {
                    BTreeMap::new()
                };
                d.extend(random);
                d
            },
        )
    }

    proptest::proptest! {
        /// Whatever the answers, validation returns, and every error is about a question that
        /// is asked (or an answer to no question): never about a hidden one.
        #[test]
        fn errors_only_name_asked_questions(answers in any_draft(), days in 0i64..3000) {
            let today = day("2024-01-01") + chrono::Duration::days(days);
            let report = validate_draft(form(), &answers, &Env::new(today));
            let relevance = form().relevance(&answers, today);
            for e in report.errors.iter().chain(&report.warnings) {
                // `family.members[2]` (a row that is not an object) is asked when its group is.
                let row_of_asked_group = e.field.split_once('[').is_some_and(|(group, rest)| {
                    !rest.contains('.') && relevance.field(group)
                });
                let asked = relevance.field(&e.field) || row_of_asked_group;
                proptest::prop_assert!(
                    asked || e.code == "unknown_question",
                    "{e:?} is not asked"
                );
                proptest::prop_assert!(CODES.contains(&e.code.as_str()), "{e:?}");
            }
        }

        /// An op the server accepts never has a type error when the draft is validated: the
        /// two checks agree on what each kind's JSON looks like.
        #[test]
        fn accepted_ops_have_no_type_errors(
            id in proptest::sample::select(form().question_ids().map(str::to_owned).collect::<Vec<_>>()),
            value in any_value(),
        ) {
            let question = form().question(&id).unwrap();
            let alone = validate_answer(question, &value, &env());
            let type_error = alone.iter().any(|e| e.code == "wrong_type" || e.code == "invalid_date");
            if check_shape(question, &value).is_ok() {
                proptest::prop_assert!(!type_error, "{alone:?}");
            }
        }
    }
}
