//! Loading a form: the JSON shape of a form file (`Raw*`), building the checked [`Form`] from it
//! (ids, options, repeat groups, constraints, conditions parsed and then bound by `bind`), and
//! the last check, that every question's `example` passes the form's own rules.
//!
//! That last check is the one place where `form` uses `validate`: a form is accepted only when
//! its examples are valid, and "valid" is what `validate` says, so the rule is not written twice.
//! Nothing else in `form` depends on `validate`; `validate` depends on the rest of `form`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::LANGUAGE_LEVELS;
use super::bind::bind_all;
use super::condition::Condition;
use super::constraint::{Constraint, DateBound};
use super::model::{Choice, Form, Kind, Question, Section};
use crate::error::{Error, Problem, Result};
use crate::ids::FormId;
use crate::validate::{self, Env};

impl Form {
    /// Loads and checks a form (see the module header for what is checked); the first problem,
    /// if any, as a typed [`Error`] naming the question. Nothing here panics on bad input.
    pub fn from_json(text: &str) -> Result<Form> {
        Form::load(text).map_err(|mut problems| problems.swap_remove(0).error)
    }

    /// Loads and checks a form, reporting every problem found with the JSON path of the value at
    /// fault (`sections[1].questions[0].options`): what publishing a form answers with. The
    /// structure is checked question by question, so one bad question does not hide the next;
    /// conditions are bound and examples checked only once the structure holds, since they read
    /// the whole form. Never an empty `Err`.
    pub fn load(text: &str) -> std::result::Result<Form, Vec<Located>> {
        let raw: RawForm = crate::json::from_str_located(text).map_err(|(path, reason)| {
            vec![Located {
                path,
                error: Error::FormJson { reason },
            }]
        })?;
        let paths = QuestionPaths::of(&raw);
        let form = build(raw)?;
        let problems = form.example_problems();
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|error| paths.locate(error, ".example"))
                .collect());
        }
        Ok(form)
    }

    /// [`Form::load`] with the problems as the wire's `{path, code}`.
    pub fn load_reporting(text: &str) -> std::result::Result<Form, Vec<Problem>> {
        Form::load(text).map_err(|problems| problems.into_iter().map(Located::problem).collect())
    }

    /// A draft whose every answer is its question's example must be valid, on the first and
    /// the last day the form is in use, and no example may draw a warning. Every failing
    /// example, once.
    fn example_problems(&self) -> Vec<Error> {
        let mut found: Vec<Error> = Vec::new();
        let mut add = |e: Error| {
            if !found.contains(&e) {
                found.push(e);
            }
        };
        let days = std::iter::once(self.valid_from).chain(self.valid_until);
        for day in days {
            let env = Env::new(day);
            for question in self.questions() {
                if let Err(e) = check_example(question, &env) {
                    add(e);
                }
            }
            let report = validate::validate_draft(self, &self.example_answers(), &env);
            for e in report.errors.into_iter().chain(report.warnings) {
                add(Error::InvalidExample {
                    question: e.field,
                    code: e.code,
                });
            }
        }
        found
    }
}

/// A problem of a form being loaded, with the JSON path of the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// Where: `sections[0].questions[2].constraint`; empty for the whole form.
    pub path: String,
    /// What.
    pub error: Error,
}

impl Located {
    fn at(path: impl Into<String>, error: Error) -> Located {
        Located {
            path: path.into(),
            error,
        }
    }

    /// The wire's `{path, code, message}`.
    pub fn problem(self) -> Problem {
        Problem::new(self.path, problem_code(&self.error), self.error.to_string())
    }
}

/// A stable code for each way a form can fail to load (the `code` of a `{path, code}`).
fn problem_code(error: &Error) -> &'static str {
    match error {
        Error::FormJson { .. } => "json",
        Error::InvalidId { .. } => "invalid_id",
        Error::DuplicateId { .. } => "duplicate_id",
        Error::MissingOptions { .. } => "missing_options",
        Error::EmptyRepeat { .. } => "empty_repeat",
        Error::InvalidConstraint { .. } => "invalid_constraint",
        Error::InvalidCondition { .. } => "invalid_condition",
        Error::UnknownReference { .. } => "unknown_reference",
        Error::InvalidExample { .. } => "invalid_example",
        _ => "invalid_question",
    }
}

/// The JSON path of every question of a raw form by the id its errors use (`family.members`,
/// `family.members.birth_date`), for problems found after the structure is built.
struct QuestionPaths(HashMap<String, String>);

impl QuestionPaths {
    fn of(raw: &RawForm) -> QuestionPaths {
        let mut paths = HashMap::new();
        for (s, section) in raw.sections.iter().enumerate() {
            paths.insert(section.id.clone(), format!("sections[{s}]"));
            for (q, question) in section.questions.iter().enumerate() {
                let at = format!("sections[{s}].questions[{q}]");
                for (c, child) in question.questions.iter().enumerate() {
                    paths.insert(
                        format!("{}.{}", question.id, child.id),
                        format!("{at}.questions[{c}]"),
                    );
                }
                paths.insert(question.id.clone(), at);
            }
        }
        QuestionPaths(paths)
    }

    /// `error` at the path of the question it names, with `suffix` (`.example`) when the
    /// question is known; at the whole form otherwise.
    fn locate(&self, error: Error, suffix: &str) -> Located {
        let question = match &error {
            Error::InvalidExample { question, .. }
            | Error::InvalidCondition { question, .. }
            | Error::UnknownReference { question, .. }
            | Error::InvalidConstraint { question, .. }
            | Error::InvalidQuestion { question, .. } => Some(question.as_str()),
            _ => None,
        };
        match question.and_then(|q| self.0.get(q)) {
            Some(path) => Located::at(format!("{path}{suffix}"), error),
            None => Located::at("", error),
        }
    }
}

/// Each question's example alone (and each child's) must pass its own rules.
fn check_example(question: &Question, env: &Env) -> Result<()> {
    if question.example.is_null() {
        return Err(Error::InvalidExample {
            question: question.id.clone(),
            code: "required".to_owned(),
        });
    }
    let problems = validate::validate_answer(question, &question.example, env);
    if let Some(e) = problems.into_iter().next() {
        return Err(Error::InvalidExample {
            question: e.field,
            code: e.code,
        });
    }
    for child in &question.questions {
        check_example(child, env).map_err(|e| match e {
            Error::InvalidExample { question: q, code } => Error::InvalidExample {
                question: format!("{}.{q}", question.id),
                code,
            },
            other => other,
        })?;
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    version: u32,
    title_key: String,
    valid_from: NaiveDate,
    #[serde(default)]
    valid_until: Option<NaiveDate>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title_key: String,
    #[serde(default)]
    relevant: Option<String>,
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: Kind,
    label_key: String,
    #[serde(default)]
    hint_key: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    relevant: Option<String>,
    #[serde(default)]
    constraint: Option<RawConstraint>,
    #[serde(default)]
    options: Vec<Choice>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
    #[serde(default)]
    example: Value,
    #[serde(default)]
    renamed_from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConstraint {
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    integer: bool,
    #[serde(default)]
    min_length: Option<usize>,
    #[serde(default)]
    max_length: Option<usize>,
    #[serde(default)]
    min_date: Option<String>,
    #[serde(default)]
    max_date: Option<String>,
    #[serde(default)]
    min_items: Option<usize>,
    #[serde(default)]
    max_items: Option<usize>,
    #[serde(default)]
    check: Option<String>,
    #[serde(default)]
    check_code: Option<String>,
    #[serde(default)]
    warn: Option<String>,
    #[serde(default)]
    warn_code: Option<String>,
}

pub(super) fn is_name(segment: &str) -> bool {
    let mut chars = segment.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn parse_condition(question: &str, source: &str) -> Result<Condition> {
    Condition::parse(source).map_err(|e| Error::InvalidCondition {
        question: question.to_owned(),
        column: e.column,
        reason: e.reason,
    })
}

fn invalid_question(question: &str, reason: impl Into<String>) -> Error {
    Error::InvalidQuestion {
        question: question.to_owned(),
        reason: reason.into(),
    }
}

fn build(raw: RawForm) -> std::result::Result<Form, Vec<Located>> {
    let mut problems = Vec::new();
    if raw.id.is_empty()
        || !raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(Located::at(
            "id",
            Error::InvalidId {
                kind: "form",
                text: raw.id.clone(),
            },
        ));
    }
    if raw.valid_until.is_some_and(|until| until < raw.valid_from) {
        problems.push(Located::at(
            "valid_until",
            Error::FormJson {
                reason: "valid_until is before valid_from".to_owned(),
            },
        ));
    }
    let paths = QuestionPaths::of(&raw);
    let mut sections = Vec::with_capacity(raw.sections.len());
    let mut order = Vec::new();
    let mut index = HashMap::new();
    for (s, raw_section) in raw.sections.into_iter().enumerate() {
        let at = format!("sections[{s}]");
        if !is_name(&raw_section.id) {
            problems.push(Located::at(
                format!("{at}.id"),
                Error::InvalidId {
                    kind: "section",
                    text: raw_section.id.clone(),
                },
            ));
        }
        if sections.iter().any(|x: &Section| x.id == raw_section.id) {
            problems.push(Located::at(
                format!("{at}.id"),
                Error::DuplicateId {
                    id: raw_section.id.clone(),
                },
            ));
        }
        let relevant = match raw_section
            .relevant
            .as_deref()
            .map(|c| parse_condition(&raw_section.id, c))
            .transpose()
        {
            Ok(r) => r,
            Err(e) => {
                problems.push(Located::at(format!("{at}.relevant"), e));
                None
            }
        };
        let mut questions = Vec::with_capacity(raw_section.questions.len());
        for (q, raw_question) in raw_section.questions.into_iter().enumerate() {
            let at = format!("{at}.questions[{q}]");
            let question = match build_question(raw_question, None, &at) {
                Ok(question) => question,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            if index.insert(question.id.clone(), order.len()).is_some() {
                problems.push(Located::at(
                    format!("{at}.id"),
                    Error::DuplicateId {
                        id: question.id.clone(),
                    },
                ));
                continue;
            }
            order.push((s, questions.len()));
            questions.push(question);
        }
        sections.push(Section {
            id: raw_section.id,
            title_key: raw_section.title_key,
            relevant,
            questions,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut form = Form {
        id: FormId(raw.id),
        version: raw.version,
        title_key: raw.title_key,
        valid_from: raw.valid_from,
        valid_until: raw.valid_until,
        sections,
        order,
        index,
    };
    bind_all(&mut form).map_err(|e| vec![paths.locate(e, "")])?;
    Ok(form)
}

/// One question (and its children) built from its raw form; `at` is its JSON path, the
/// problem's path is the part at fault.
fn build_question(
    raw: RawQuestion,
    group: Option<&str>,
    at: &str,
) -> std::result::Result<Question, Located> {
    let options = || format!("{at}.options");
    let children_at = || format!("{at}.questions");
    let id = raw.id;
    let well_formed = match group {
        // `documents.` holds the checklist's ticks, beside the questions (`crate::tick`).
        None => {
            id.split('.').count() >= 2
                && id.split('.').all(is_name)
                && !crate::tick::is_tick_field(&id)
        }
        Some(_) => is_name(&id),
    };
    if !well_formed {
        return Err(Located::at(
            format!("{at}.id"),
            Error::InvalidId {
                kind: "question",
                text: id,
            },
        ));
    }
    let renamed_ok = raw.renamed_from.as_deref().is_none_or(|old| {
        group.is_none() && old != id && old.split('.').count() >= 2 && old.split('.').all(is_name)
    });
    if !renamed_ok {
        return Err(Located::at(
            format!("{at}.renamed_from"),
            invalid_question(
                &id,
                "renamed_from names another top-level question id (a dotted snake_case id)",
            ),
        ));
    }
    // Errors about a child name it the way a condition would: `family.members.birth_date`.
    let full = group.map_or_else(|| id.clone(), |g| format!("{g}.{id}"));
    if raw.kind.has_options() {
        if raw.options.is_empty() {
            return Err(Located::at(
                options(),
                Error::MissingOptions { question: full },
            ));
        }
        for (i, option) in raw.options.iter().enumerate() {
            if raw.options[..i].iter().any(|o| o.value == option.value) {
                return Err(Located::at(
                    format!("{at}.options[{i}].value"),
                    invalid_question(&full, format!("option {:?} is listed twice", option.value)),
                ));
            }
            if option.exclusive && raw.kind != Kind::MultiChoice {
                return Err(Located::at(
                    format!("{at}.options[{i}].exclusive"),
                    invalid_question(&full, "only multi-choice options can be exclusive"),
                ));
            }
            if raw.kind == Kind::LanguageLevel && !LANGUAGE_LEVELS.contains(&option.value.as_str())
            {
                return Err(Located::at(
                    format!("{at}.options[{i}].value"),
                    invalid_question(&full, format!("{:?} is not a language level", option.value)),
                ));
            }
        }
    } else if !raw.options.is_empty() {
        return Err(Located::at(
            options(),
            invalid_question(&full, "only choice questions have options"),
        ));
    }
    let mut children = Vec::with_capacity(raw.questions.len());
    if raw.kind == Kind::Repeat {
        if group.is_some() {
            return Err(Located::at(
                at,
                invalid_question(&full, "repeat groups do not nest"),
            ));
        }
        if raw.questions.is_empty() {
            return Err(Located::at(
                children_at(),
                Error::EmptyRepeat { question: full },
            ));
        }
        for (c, child) in raw.questions.into_iter().enumerate() {
            let child_at = format!("{at}.questions[{c}]");
            let child = build_question(child, Some(&id), &child_at)?;
            if children.iter().any(|c: &Question| c.id == child.id) {
                return Err(Located::at(
                    format!("{child_at}.id"),
                    Error::DuplicateId {
                        id: format!("{id}.{}", child.id),
                    },
                ));
            }
            children.push(child);
        }
    } else if !raw.questions.is_empty() {
        return Err(Located::at(
            children_at(),
            invalid_question(&full, "only repeat groups have child questions"),
        ));
    }
    let relevant = raw
        .relevant
        .as_deref()
        .map(|c| parse_condition(&full, c))
        .transpose()
        .map_err(|e| Located::at(format!("{at}.relevant"), e))?;
    let constraint = raw
        .constraint
        .map(|c| build_constraint(&full, raw.kind, c))
        .transpose()
        .map_err(|e| Located::at(format!("{at}.constraint"), e))?;
    Ok(Question {
        id,
        kind: raw.kind,
        label_key: raw.label_key,
        hint_key: raw.hint_key,
        required: raw.required,
        relevant,
        constraint,
        options: raw.options,
        questions: children,
        example: raw.example,
        renamed_from: raw.renamed_from,
    })
}

fn build_constraint(question: &str, kind: Kind, raw: RawConstraint) -> Result<Constraint> {
    let bad = |reason: String| Error::InvalidConstraint {
        question: question.to_owned(),
        reason,
    };
    let fits = |present: bool, name: &str, ok: bool| {
        if present && !ok {
            Err(bad(format!("{name} does not apply to a {kind:?} question")))
        } else {
            Ok(())
        }
    };
    fits(
        raw.min.is_some() || raw.max.is_some() || raw.integer,
        "min/max/integer",
        kind == Kind::Number,
    )?;
    fits(
        raw.min_length.is_some() || raw.max_length.is_some(),
        "min_length/max_length",
        kind.is_textual(),
    )?;
    fits(
        raw.min_date.is_some() || raw.max_date.is_some(),
        "min_date/max_date",
        kind == Kind::Date,
    )?;
    fits(
        raw.min_items.is_some() || raw.max_items.is_some(),
        "min_items/max_items",
        matches!(kind, Kind::MultiChoice | Kind::Repeat),
    )?;
    if let (Some(lo), Some(hi)) = (raw.min, raw.max)
        && lo > hi
    {
        return Err(bad(format!("min {lo} is above max {hi}")));
    }
    if let (Some(lo), Some(hi)) = (raw.min_length, raw.max_length)
        && lo > hi
    {
        return Err(bad(format!("min_length {lo} is above max_length {hi}")));
    }
    if let (Some(lo), Some(hi)) = (raw.min_items, raw.max_items)
        && lo > hi
    {
        return Err(bad(format!("min_items {lo} is above max_items {hi}")));
    }
    let date = |text: Option<String>| -> Result<Option<DateBound>> {
        text.map(|t| {
            DateBound::parse(&t).ok_or_else(|| {
                bad(format!(
                    "{t:?} is not a date bound (YYYY-MM-DD, today, today-18y, today+30d)"
                ))
            })
        })
        .transpose()
    };
    let min_date = date(raw.min_date)?;
    let max_date = date(raw.max_date)?;
    if let (Some(DateBound::Fixed(lo)), Some(DateBound::Fixed(hi))) = (min_date, max_date)
        && lo > hi
    {
        return Err(bad(format!("min_date {lo} is after max_date {hi}")));
    }
    for code in [&raw.check_code, &raw.warn_code].into_iter().flatten() {
        if !validate::CODES.contains(&code.as_str()) {
            return Err(bad(format!(
                "{code:?} is not a validation code (validate::CODES), so it has no message"
            )));
        }
    }
    if raw.check.is_none() && raw.check_code.is_some() {
        return Err(bad("check_code without a check".to_owned()));
    }
    if raw.warn.is_some() != raw.warn_code.is_some() {
        return Err(bad("warn and warn_code go together".to_owned()));
    }
    Ok(Constraint {
        min: raw.min,
        max: raw.max,
        integer: raw.integer,
        min_length: raw.min_length,
        max_length: raw.max_length,
        min_date,
        max_date,
        min_items: raw.min_items,
        max_items: raw.max_items,
        check: raw
            .check
            .as_deref()
            .map(|c| parse_condition(question, c))
            .transpose()?,
        check_code: raw.check_code,
        warn: raw
            .warn
            .as_deref()
            .map(|c| parse_condition(question, c))
            .transpose()?,
        warn_code: raw.warn_code,
    })
}
