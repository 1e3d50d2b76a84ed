//! Questionnaires as data: a [`Form`] is sections of [`Question`]s in the shape API.md gives for
//! `GET /v1/forms/{id}`, loaded from JSON and checked once ([`Form::from_json`]): ids unique,
//! choices with options, repeat groups with children, every condition parsed, bound to real
//! questions and type-checked, and every `example` valid. After that, nothing about the form can
//! fail at run time. The built-in questionnaires live in `shared/forms/` and come from
//! [`builtin`] and [`residence_2026`].
//!
//! Skip logic reads only backwards: a `relevant` rule may use questions asked before its own
//! (and in a repeat row, the row's earlier questions). So relevance is one pass in form order,
//! and an answer to a question that is not relevant reads as missing to every later rule, the
//! way a person sees the form.

pub mod condition;
mod constraint;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::api::FormSummary;
use crate::error::{Error, Result};
use crate::ids::FormId;
use crate::validate::{self, Env};
use condition::{BindError, Binding, Condition, Ref, Resolve, Target};
pub use constraint::{Constraint, DateBound, DateUnit};

/// The language levels of kind `language_level`, lowest first (CEFR, with `none` below A1).
pub const LANGUAGE_LEVELS: [&str; 7] = ["none", "a1", "a2", "b1", "b2", "c1", "c2"];

/// What kind of answer a question takes, and so which input the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Free text (a string).
    Text,
    /// A JSON number.
    Number,
    /// A date as `YYYY-MM-DD`.
    Date,
    /// `true` or `false`.
    YesNo,
    /// One option's value.
    SingleChoice,
    /// An array of distinct option values.
    MultiChoice,
    /// An ISO 3166-1 alpha-2 country code, upper case (`KZ`).
    Country,
    /// A region id of the policy bundle (`pavlodar`).
    Region,
    /// One of [`LANGUAGE_LEVELS`].
    LanguageLevel,
    /// An e-mail address.
    Email,
    /// A phone number in international form (`+7 701 234 56 78`).
    Phone,
    /// An array of rows, each an object keyed by the child questions' ids.
    Repeat,
}

impl Kind {
    /// Kinds whose answer is one or more of the question's `options`.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            Kind::SingleChoice | Kind::MultiChoice | Kind::LanguageLevel
        )
    }

    fn is_textual(self) -> bool {
        matches!(self, Kind::Text | Kind::Email | Kind::Phone)
    }
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The value stored in the answer.
    pub value: String,
    /// The locale key of its label (`form-opt-<set>-<value>`).
    pub label_key: String,
    /// A "none of these" choice of a multi-choice question: it must be the only one chosen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// One question of a form. Child questions of a repeat group have a plain id (`birth_date`);
/// top-level questions a dotted one (`personal.birth_date`).
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// The question id: the key of its answer.
    pub id: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// The locale key of its label.
    pub label_key: String,
    /// The locale key of its hint, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint_key: Option<String>,
    /// Whether a relevant question must be answered before submitting.
    pub required: bool,
    /// Skip logic: the question is asked only when this holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevant: Option<Condition>,
    /// The rules its answer keeps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constraint: Option<Constraint>,
    /// The choices, for choice kinds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The child questions, for kind `repeat`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// A valid answer, shown as the placeholder.
    pub example: Value,
}

impl Question {
    /// Whether `value` is one of the question's options.
    pub fn has_option(&self, value: &str) -> bool {
        self.options.iter().any(|o| o.value == value)
    }

    /// A child question of a repeat group, by its plain id.
    pub fn child(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// A section: one screen of the questionnaire.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The section id (`personal`).
    pub id: String,
    /// The locale key of its title (`form-section-<id>`).
    pub title_key: String,
    /// Skip logic for the whole section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevant: Option<Condition>,
    /// Its questions, in order.
    pub questions: Vec<Question>,
}

/// A questionnaire, checked and ready: see the module header.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    id: FormId,
    version: u32,
    title_key: String,
    /// The first day the form is in use; examples must be valid on it.
    valid_from: NaiveDate,
    /// The last day the form is in use, if known; examples must be valid on it too.
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<NaiveDate>,
    sections: Vec<Section>,
    /// Top-level questions in form order, as (section, position in section).
    #[serde(skip)]
    order: Vec<(usize, usize)>,
    /// Top-level question id to its index in `order`.
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// The answers of a draft, however the caller holds them: question id to JSON value.
pub trait Answers {
    /// The answer to a question, if there is one.
    fn answer(&self, id: &str) -> Option<&Value>;
    /// The ids of every answer held (to find answers to questions the form does not have).
    fn ids(&self) -> Box<dyn Iterator<Item = &str> + '_>;
}

impl Answers for BTreeMap<String, Value> {
    fn answer(&self, id: &str) -> Option<&Value> {
        self.get(id)
    }
    fn ids(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(self.keys().map(String::as_str))
    }
}

impl<S: std::hash::BuildHasher> Answers for HashMap<String, Value, S> {
    fn answer(&self, id: &str) -> Option<&Value> {
        self.get(id)
    }
    fn ids(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(self.keys().map(String::as_str))
    }
}

impl Answers for Map<String, Value> {
    fn answer(&self, id: &str) -> Option<&Value> {
        self.get(id)
    }
    fn ids(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(self.keys().map(String::as_str))
    }
}

/// How far a draft has come: `complete` of the `total` relevant sections have no errors left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionsProgress {
    /// Relevant sections with every required answer given and no error.
    pub complete: usize,
    /// Relevant sections (a hidden section, like kandas for others, is not counted).
    pub total: usize,
}

/// Which sections, questions and repeat-row questions are relevant for one set of answers on
/// one day. Computed in one pass by [`Form::relevance`].
#[derive(Debug, Clone)]
pub struct Relevance<'f> {
    form: &'f Form,
    pub(crate) sections: Vec<bool>,
    /// Per top-level question, in form order.
    pub(crate) questions: Vec<bool>,
    /// Per top-level question: for a repeat group, per row, per child.
    pub(crate) rows: Vec<Vec<Vec<bool>>>,
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

    /// Whether a field is asked: a top-level id (`languages.kaztest_reading`) or a row's child
    /// (`family.members[1].birth_date`). Unknown fields are not relevant.
    pub fn field(&self, field: &str) -> bool {
        match parse_field(field) {
            Some((top, None)) => self.form.index.get(top).is_some_and(|i| self.questions[*i]),
            Some((top, Some((row, child)))) => {
                let Some(&i) = self.form.index.get(top) else {
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

/// Splits `group.id[3].child` into (`group.id`, Some((3, `child`))) and `a.b` into (`a.b`, None).
fn parse_field(field: &str) -> Option<(&str, Option<(usize, &str)>)> {
    let Some(open) = field.find('[') else {
        return Some((field, None));
    };
    let close = open + field[open..].find(']')?;
    let row = field[open + 1..close].parse().ok()?;
    let child = field[close + 1..].strip_prefix('.')?;
    Some((&field[..open], Some((row, child))))
}

/// Where conditions find answers during validation: top-level answers only when their question
/// is relevant, and in a repeat row the row's relevant answers.
pub(crate) struct Scope<'a> {
    pub(crate) answers: &'a dyn Answers,
    pub(crate) relevant: &'a [bool],
    pub(crate) row: Option<RowScope<'a>>,
}

/// One row of a repeat group while its conditions are evaluated.
pub(crate) struct RowScope<'a> {
    pub(crate) group: &'a Question,
    pub(crate) row: &'a Map<String, Value>,
    pub(crate) relevant: &'a [bool],
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

/// Which children of a repeat group are relevant in one row, in child order.
pub(crate) fn row_relevance(
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
    /// Loads and checks a form (see the module header for what is checked). Every problem is a
    /// typed [`Error`] naming the question; nothing here panics on bad input.
    pub fn from_json(text: &str) -> Result<Form> {
        let raw: RawForm = serde_json::from_str(text).map_err(|e| Error::FormJson {
            reason: e.to_string(),
        })?;
        let form = build(raw)?;
        form.check_examples()?;
        Ok(form)
    }

    /// The form id (`residence-2026`).
    pub fn id(&self) -> &FormId {
        &self.id
    }

    /// The form's version; a draft keeps the version it was started on.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The locale key of the form's title.
    pub fn title_key(&self) -> &str {
        &self.title_key
    }

    /// The first day the form is in use.
    pub fn valid_from(&self) -> NaiveDate {
        self.valid_from
    }

    /// The last day the form is in use, if the form says.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.valid_until
    }

    /// The entry of `GET /v1/forms`.
    pub fn summary(&self) -> FormSummary {
        FormSummary {
            id: self.id.clone(),
            version: self.version,
            title_key: self.title_key.clone(),
        }
    }

    /// The sections, in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The section a field belongs to (`family.members[0].relation` is in `family`).
    pub fn section_of(&self, field: &str) -> Option<&Section> {
        let (top, _) = parse_field(field)?;
        let &i = self.index.get(top)?;
        self.sections.get(self.order[i].0)
    }

    /// A question by id: a top-level id (`education.level`), a repeat child as
    /// `<group>.<child>` (`family.members.birth_date`), or a field path with a row index
    /// (`family.members[1].birth_date`).
    pub fn question(&self, id: &str) -> Option<&Question> {
        if let Some(&i) = self.index.get(id) {
            return Some(self.top(i));
        }
        match parse_field(id)? {
            (top, Some((_, child))) => self.question(top)?.child(child),
            (_, None) => {
                let (group, child) = id.rsplit_once('.')?;
                let group = self.question(group)?;
                (group.kind == Kind::Repeat)
                    .then(|| group.child(child))
                    .flatten()
            }
        }
    }

    /// Every locale key the form uses: its title, section titles, question labels and hints
    /// (children included) and option labels, so the locales can check each has a message.
    pub fn locale_keys(&self) -> BTreeSet<&str> {
        fn add<'a>(q: &'a Question, keys: &mut BTreeSet<&'a str>) {
            keys.insert(&q.label_key);
            keys.extend(q.hint_key.as_deref());
            keys.extend(q.options.iter().map(|o| o.label_key.as_str()));
            for child in &q.questions {
                add(child, keys);
            }
        }
        let mut keys = BTreeSet::from([self.title_key.as_str()]);
        for section in &self.sections {
            keys.insert(&section.title_key);
            for q in &section.questions {
                add(q, &mut keys);
            }
        }
        keys
    }

    /// Every top-level question, in form order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> + '_ {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// Every top-level question id, in form order (the keys a draft's answers may have).
    pub fn question_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.questions().map(|q| q.id.as_str())
    }

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

    /// How many of the relevant sections are complete ("7 of 12 sections").
    pub fn sections_progress(&self, answers: &dyn Answers, today: NaiveDate) -> SectionsProgress {
        let env = Env::new(today);
        let relevance = self.relevance(answers, today);
        let mut progress = SectionsProgress {
            complete: 0,
            total: 0,
        };
        for i in 0..self.sections.len() {
            if !relevance.sections[i] {
                continue;
            }
            progress.total += 1;
            let report = validate::validate_section_with(self, i, answers, &env, &relevance);
            if report.errors.is_empty() {
                progress.complete += 1;
            }
        }
        progress
    }

    pub(crate) fn top(&self, index: usize) -> &Question {
        let (s, q) = self.order[index];
        &self.sections[s].questions[q]
    }

    pub(crate) fn top_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// A draft whose every answer is its question's example must be valid, on the first and
    /// the last day the form is in use, and no example may draw a warning.
    fn check_examples(&self) -> Result<()> {
        let days = std::iter::once(self.valid_from).chain(self.valid_until);
        for day in days {
            let env = Env::new(day);
            for question in self.questions() {
                check_example(question, &env)?;
            }
            let draft: BTreeMap<String, Value> = self
                .questions()
                .map(|q| (q.id.clone(), q.example.clone()))
                .collect();
            let report = validate::validate_draft(self, &draft, &env);
            if let Some(e) = report.errors.into_iter().chain(report.warnings).next() {
                return Err(Error::InvalidExample {
                    question: e.field,
                    code: e.code,
                });
            }
        }
        Ok(())
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

// ---------------------------------------------------------------------------------------------
// Loading

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

fn is_name(segment: &str) -> bool {
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

fn build(raw: RawForm) -> Result<Form> {
    if raw.id.is_empty()
        || !raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(Error::InvalidId {
            kind: "form",
            text: raw.id,
        });
    }
    if raw.valid_until.is_some_and(|until| until < raw.valid_from) {
        return Err(Error::FormJson {
            reason: "valid_until is before valid_from".to_owned(),
        });
    }
    let mut sections = Vec::with_capacity(raw.sections.len());
    let mut order = Vec::new();
    let mut index = HashMap::new();
    for (s, raw_section) in raw.sections.into_iter().enumerate() {
        if !is_name(&raw_section.id) {
            return Err(Error::InvalidId {
                kind: "section",
                text: raw_section.id,
            });
        }
        if sections.iter().any(|x: &Section| x.id == raw_section.id) {
            return Err(Error::DuplicateId { id: raw_section.id });
        }
        let relevant = raw_section
            .relevant
            .as_deref()
            .map(|c| parse_condition(&raw_section.id, c))
            .transpose()?;
        let mut questions = Vec::with_capacity(raw_section.questions.len());
        for (q, raw_question) in raw_section.questions.into_iter().enumerate() {
            let question = build_question(raw_question, None)?;
            if index.insert(question.id.clone(), order.len()).is_some() {
                return Err(Error::DuplicateId { id: question.id });
            }
            order.push((s, q));
            questions.push(question);
        }
        sections.push(Section {
            id: raw_section.id,
            title_key: raw_section.title_key,
            relevant,
            questions,
        });
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
    bind_all(&mut form)?;
    Ok(form)
}

fn build_question(raw: RawQuestion, group: Option<&str>) -> Result<Question> {
    let id = raw.id;
    let well_formed = match group {
        None => id.split('.').count() >= 2 && id.split('.').all(is_name),
        Some(_) => is_name(&id),
    };
    if !well_formed {
        return Err(Error::InvalidId {
            kind: "question",
            text: id,
        });
    }
    // Errors about a child name it the way a condition would: `family.members.birth_date`.
    let full = group.map_or_else(|| id.clone(), |g| format!("{g}.{id}"));
    if raw.kind.has_options() {
        if raw.options.is_empty() {
            return Err(Error::MissingOptions { question: full });
        }
        for (i, option) in raw.options.iter().enumerate() {
            if raw.options[..i].iter().any(|o| o.value == option.value) {
                return Err(invalid_question(
                    &full,
                    format!("option {:?} is listed twice", option.value),
                ));
            }
            if option.exclusive && raw.kind != Kind::MultiChoice {
                return Err(invalid_question(
                    &full,
                    "only multi-choice options can be exclusive",
                ));
            }
            if raw.kind == Kind::LanguageLevel && !LANGUAGE_LEVELS.contains(&option.value.as_str())
            {
                return Err(invalid_question(
                    &full,
                    format!("{:?} is not a language level", option.value),
                ));
            }
        }
    } else if !raw.options.is_empty() {
        return Err(invalid_question(
            &full,
            "only choice questions have options",
        ));
    }
    let mut children = Vec::with_capacity(raw.questions.len());
    if raw.kind == Kind::Repeat {
        if group.is_some() {
            return Err(invalid_question(&full, "repeat groups do not nest"));
        }
        if raw.questions.is_empty() {
            return Err(Error::EmptyRepeat { question: full });
        }
        for child in raw.questions {
            let child = build_question(child, Some(&id))?;
            if children.iter().any(|c: &Question| c.id == child.id) {
                return Err(Error::DuplicateId {
                    id: format!("{id}.{}", child.id),
                });
            }
            children.push(child);
        }
    } else if !raw.questions.is_empty() {
        return Err(invalid_question(
            &full,
            "only repeat groups have child questions",
        ));
    }
    let relevant = raw
        .relevant
        .as_deref()
        .map(|c| parse_condition(&full, c))
        .transpose()?;
    let constraint = raw
        .constraint
        .map(|c| build_constraint(&full, raw.kind, c))
        .transpose()?;
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

/// What a condition is for, which decides what it may refer to.
#[derive(Clone, Copy)]
enum Use {
    /// Skip logic: only questions before the owner (`before` is the owner's index in form
    /// order, or in the row for a child).
    Relevant { before: usize },
    /// A check or warning: any question.
    Check,
}

fn bind_all(form: &mut Form) -> Result<()> {
    // Binding needs the whole form read-only while one condition is changed: take each
    // condition out, bind it against a snapshot of the ids, put it back.
    let lookup = Lookup::of(form);
    let mut flat = 0;
    for section in &mut form.sections {
        if let Some(c) = section.relevant.as_mut() {
            lookup.bind(&section.id, c, None, Use::Relevant { before: flat })?;
        }
        for question in &mut section.questions {
            let own = question.id.clone();
            if let Some(c) = question.relevant.as_mut() {
                lookup.bind(&own, c, None, Use::Relevant { before: flat })?;
            }
            bind_constraint(&lookup, &own, question.constraint.as_mut(), None)?;
            if question.kind == Kind::Repeat {
                let group = (own.clone(), question.questions.clone());
                for (c, child) in question.questions.iter_mut().enumerate() {
                    let name = format!("{own}.{}", child.id);
                    if let Some(cond) = child.relevant.as_mut() {
                        lookup.bind(&name, cond, Some(&group), Use::Relevant { before: c })?;
                    }
                    bind_constraint(&lookup, &name, child.constraint.as_mut(), Some(&group))?;
                }
            }
            flat += 1;
        }
    }
    Ok(())
}

fn bind_constraint(
    lookup: &Lookup,
    owner: &str,
    constraint: Option<&mut Constraint>,
    group: Option<&(String, Vec<Question>)>,
) -> Result<()> {
    let Some(constraint) = constraint else {
        return Ok(());
    };
    for c in [constraint.check.as_mut(), constraint.warn.as_mut()]
        .into_iter()
        .flatten()
    {
        lookup.bind(owner, c, group, Use::Check)?;
    }
    Ok(())
}

/// A snapshot of the form's questions for binding references.
struct Lookup {
    /// id → (index in form order, kind, option values)
    questions: HashMap<String, (usize, Kind, Vec<String>)>,
    /// child path (`family.members.birth_date`) → its group id, for a clear error outside it.
    children: HashMap<String, String>,
}

impl Lookup {
    fn of(form: &Form) -> Lookup {
        let mut questions = HashMap::new();
        let mut children = HashMap::new();
        for (i, q) in form.questions().enumerate() {
            let options = q.options.iter().map(|o| o.value.clone()).collect();
            questions.insert(q.id.clone(), (i, q.kind, options));
            for child in &q.questions {
                children.insert(format!("{}.{}", q.id, child.id), q.id.clone());
            }
        }
        Lookup {
            questions,
            children,
        }
    }

    fn bind(
        &self,
        owner: &str,
        condition: &mut Condition,
        group: Option<&(String, Vec<Question>)>,
        usage: Use,
    ) -> Result<()> {
        let mut binder = |path: &str| -> Binding {
            if let Some((group_id, kids)) = group
                && let Some(child_id) = path
                    .strip_prefix(group_id.as_str())
                    .and_then(|rest| rest.strip_prefix('.'))
            {
                let Some(c) = kids.iter().position(|k| k.id == child_id) else {
                    return Binding::Unknown;
                };
                if let Use::Relevant { before } = usage
                    && c >= before
                {
                    return Binding::Invalid(format!(
                        "skip logic may only use the row's earlier questions; \
                             {path} is not before this one"
                    ));
                }
                let kid = &kids[c];
                let options = kid
                    .kind
                    .has_options()
                    .then(|| kid.options.iter().map(|o| o.value.clone()).collect());
                return Binding::Ok(
                    Target::RowChild {
                        child: c,
                        kind: kid.kind,
                    },
                    options,
                );
            }
            if let Some((index, kind, options)) = self.questions.get(path) {
                if let Use::Relevant { before } = usage {
                    // Inside a repeat row, the group itself counts as "here".
                    let limit = match group {
                        Some((group_id, _)) => self
                            .questions
                            .get(group_id)
                            .map_or(before, |(gi, _, _)| *gi),
                        None => before,
                    };
                    if *index >= limit {
                        return Binding::Invalid(format!(
                            "skip logic may only use questions asked before it; {path} is not"
                        ));
                    }
                }
                let options = kind.has_options().then(|| options.clone());
                return Binding::Ok(
                    Target::Question {
                        index: *index,
                        kind: *kind,
                    },
                    options,
                );
            }
            if let Some(group_id) = self.children.get(path) {
                return Binding::Invalid(format!(
                    "{path} is a question of each row of {group_id}; outside the group use \
                     count({group_id})"
                ));
            }
            Binding::Unknown
        };
        condition.bind(&mut binder).map_err(|e| match e {
            BindError::UnknownReference { reference, pos } => Error::UnknownReference {
                question: owner.to_owned(),
                reference,
                column: condition.column(pos),
            },
            BindError::Invalid { pos, reason } => Error::InvalidCondition {
                question: owner.to_owned(),
                column: condition.column(pos),
                reason,
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The built-in forms

const RESIDENCE_2026_V1: &str = include_str!("../../forms/residence-2026.v1.json");

/// The residence questionnaire of the 2026 screening pilot, version 1, parsed once.
///
/// The file ships inside the crate and its tests load it, so a failure here is a broken build,
/// not bad input; it is still reported as an error rather than a panic.
pub fn residence_2026() -> Result<&'static Form> {
    static FORM: OnceLock<Result<Form>> = OnceLock::new();
    FORM.get_or_init(|| Form::from_json(RESIDENCE_2026_V1))
        .as_ref()
        .map_err(Clone::clone)
}

/// Every built-in form, newest version of each id last.
pub fn builtin() -> Result<Vec<&'static Form>> {
    Ok(vec![residence_2026()?])
}

/// A built-in form by id and version.
pub fn find_builtin(id: &str, version: u32) -> Result<Option<&'static Form>> {
    Ok(builtin()?
        .into_iter()
        .find(|f| f.id.as_str() == id && f.version == version))
}

/// The newest built-in version of a form id.
pub fn latest_builtin(id: &str) -> Result<Option<&'static Form>> {
    Ok(builtin()?
        .into_iter()
        .filter(|f| f.id.as_str() == id)
        .max_by_key(|f| f.version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::json;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn answers(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    /// A one-section form around `questions`, valid from 2026-01-01.
    fn form_json(questions: Value) -> String {
        json!({"id": "test", "version": 1, "title_key": "form-test-title",
               "valid_from": "2026-01-01", "valid_until": "2026-12-31",
               "sections": [{"id": "s", "title_key": "form-section-s", "questions": questions}]})
        .to_string()
    }

    fn yes_no(id: &str) -> Value {
        json!({"id": id, "kind": "yes_no", "label_key": "k", "example": true})
    }

    #[test]
    fn malformed_json_says_where() {
        let err = Form::from_json("{\"id\": \"x\",\n \"version\": }").unwrap_err();
        let Error::FormJson { reason } = &err else {
            panic!("{err:?}")
        };
        assert!(reason.contains("line 2"), "{reason}");
        assert_eq!(err.code(), "internal");
    }

    #[rstest]
    #[case::unknown_kind(json!([{"id": "s.a", "kind": "colour", "label_key": "k", "example": 1}]), "unknown variant")]
    #[case::misspelt_field(json!([{"id": "s.a", "kind": "text", "label_key": "k", "requird": true, "example": "x"}]), "unknown field")]
    #[case::pattern_is_not_supported(json!([{"id": "s.a", "kind": "text", "label_key": "k", "constraint": {"pattern": "x"}, "example": "x"}]), "unknown field")]
    fn shape_errors_are_json_errors(#[case] questions: Value, #[case] says: &str) {
        match Form::from_json(&form_json(questions)) {
            Err(Error::FormJson { reason }) => assert!(reason.contains(says), "{reason}"),
            other => panic!("{other:?}"),
        }
    }

    #[rstest]
    #[case::duplicate_question(
        json!([yes_no("s.a"), yes_no("s.a")]),
        Error::DuplicateId { id: "s.a".into() })]
    #[case::duplicate_child(
        json!([{"id": "s.rows", "kind": "repeat", "label_key": "k", "example": [{"x": true}],
                "questions": [yes_no("x"), yes_no("x")]}]),
        Error::DuplicateId { id: "s.rows.x".into() })]
    #[case::choice_without_options(
        json!([{"id": "s.level", "kind": "single_choice", "label_key": "k", "example": "a"}]),
        Error::MissingOptions { question: "s.level".into() })]
    #[case::repeat_without_children(
        json!([{"id": "s.rows", "kind": "repeat", "label_key": "k", "example": []}]),
        Error::EmptyRepeat { question: "s.rows".into() })]
    #[case::unknown_reference(
        json!([yes_no("s.a"), {"id": "s.b", "kind": "yes_no", "label_key": "k",
               "relevant": "s.a == true && s.zzz == true", "example": true}]),
        Error::UnknownReference { question: "s.b".into(), reference: "s.zzz".into(), column: 16 })]
    #[case::example_breaks_its_rules(
        json!([{"id": "s.n", "kind": "number", "label_key": "k",
                "constraint": {"min": 0, "max": 10}, "example": 11}]),
        Error::InvalidExample { question: "s.n".into(), code: "above_max".into() })]
    #[case::example_missing(
        json!([{"id": "s.t", "kind": "text", "label_key": "k"}]),
        Error::InvalidExample { question: "s.t".into(), code: "required".into() })]
    #[case::example_of_wrong_type(
        json!([{"id": "s.d", "kind": "date", "label_key": "k", "example": "14.05.1990"}]),
        Error::InvalidExample { question: "s.d".into(), code: "invalid_date".into() })]
    #[case::child_example_breaks_its_rules(
        json!([{"id": "s.rows", "kind": "repeat", "label_key": "k", "example": [{"c": "XX"}],
                "questions": [{"id": "c", "kind": "country", "label_key": "k", "example": "kz"}]}]),
        Error::InvalidExample { question: "s.rows.c".into(), code: "invalid_country".into() })]
    #[case::examples_break_a_cross_field_check(
        json!([{"id": "s.lo", "kind": "number", "label_key": "k", "example": 5},
               {"id": "s.hi", "kind": "number", "label_key": "k", "example": 3,
                "constraint": {"check": "s.hi >= s.lo"}}]),
        Error::InvalidExample { question: "s.hi".into(), code: "check_failed".into() })]
    #[case::example_draws_a_warning(
        json!([{"id": "s.score", "kind": "number", "label_key": "k", "example": 20,
                "constraint": {"warn": "s.score >= 30", "warn_code": "kaztest_below_pass"}}]),
        Error::InvalidExample { question: "s.score".into(), code: "kaztest_below_pass".into() })]
    #[case::example_valid_on_the_first_day_only(
        json!([{"id": "s.d", "kind": "date", "label_key": "k", "example": "2026-01-01",
                "constraint": {"min_date": "today-30d"}}]),
        Error::InvalidExample { question: "s.d".into(), code: "date_too_early".into() })]
    fn load_errors(#[case] questions: Value, #[case] expected: Error) {
        assert_eq!(
            Form::from_json(&form_json(questions)).unwrap_err(),
            expected
        );
    }

    #[rstest]
    #[case::syntax("s.a == ", 8, "expected a value")]
    #[case::skip_logic_reads_backwards("s.later == true", 1, "asked before it")]
    #[case::yes_no_is_not_text("s.a == \"yes\"", 1, "cannot compare")]
    #[case::option_typo("s.level == \"bachelors\"", 1, "not one of the options")]
    #[case::level_literal("s.lang >= \"b3\"", 1, "not a language level")]
    #[case::date_literal("s.born < \"1990-13-01\"", 1, "not a date")]
    #[case::text_has_no_order("s.level < \"master\"", 1, "only be compared with == or !=")]
    #[case::not_a_yes_no_question("s.born", 1, "must be true or false")]
    #[case::and_needs_yes_no("s.a && age(s.born)", 1, "`&&` needs a yes/no value")]
    #[case::count_needs_a_list("count(s.a) > 1", 1, "count() needs")]
    #[case::child_outside_its_group("s.rows.x == true", 1, "use count(s.rows)")]
    fn condition_errors_name_question_and_column(
        #[case] condition: &str,
        #[case] column: usize,
        #[case] says: &str,
    ) {
        let questions = json!([
            yes_no("s.a"),
            {"id": "s.level", "kind": "single_choice", "label_key": "k", "example": "master",
             "options": [{"value": "master", "label_key": "o"}, {"value": "bachelor", "label_key": "o"}]},
            {"id": "s.lang", "kind": "language_level", "label_key": "k", "example": "b1",
             "options": [{"value": "b1", "label_key": "o"}]},
            {"id": "s.born", "kind": "date", "label_key": "k", "example": "1990-01-01"},
            {"id": "s.rows", "kind": "repeat", "label_key": "k", "example": [{"x": true}],
             "questions": [yes_no("x")]},
            {"id": "s.target", "kind": "yes_no", "label_key": "k", "example": true,
             "relevant": condition},
            yes_no("s.later"),
        ]);
        match Form::from_json(&form_json(questions)) {
            Err(Error::InvalidCondition {
                question,
                column: at,
                reason,
            }) => {
                assert_eq!(question, "s.target");
                assert_eq!(at, column, "{reason}");
                assert!(reason.contains(says), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[rstest]
    #[case::min_above_max(json!({"id": "s.n", "kind": "number", "label_key": "k", "example": 1,
        "constraint": {"min": 5, "max": 1}}), "above max")]
    #[case::length_on_a_number(json!({"id": "s.n", "kind": "number", "label_key": "k", "example": 1,
        "constraint": {"max_length": 5}}), "does not apply")]
    #[case::bad_date_bound(json!({"id": "s.d", "kind": "date", "label_key": "k", "example": "2020-01-01",
        "constraint": {"max_date": "tomorrow"}}), "not a date bound")]
    #[case::code_without_message(json!({"id": "s.n", "kind": "number", "label_key": "k", "example": 1,
        "constraint": {"check": "s.n > 0", "check_code": "too_odd"}}), "not a validation code")]
    #[case::warn_without_code(json!({"id": "s.n", "kind": "number", "label_key": "k", "example": 1,
        "constraint": {"warn": "s.n > 0"}}), "go together")]
    fn constraint_errors(#[case] question: Value, #[case] says: &str) {
        match Form::from_json(&form_json(json!([question]))) {
            Err(Error::InvalidConstraint { reason, .. }) => {
                assert!(reason.contains(says), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[rstest]
    #[case::options_on_text(json!({"id": "s.t", "kind": "text", "label_key": "k", "example": "x",
        "options": [{"value": "a", "label_key": "o"}]}), "only choice questions")]
    #[case::unknown_language_level(json!({"id": "s.l", "kind": "language_level", "label_key": "k",
        "example": "d1", "options": [{"value": "d1", "label_key": "o"}]}), "not a language level")]
    #[case::option_twice(json!({"id": "s.c", "kind": "single_choice", "label_key": "k", "example": "a",
        "options": [{"value": "a", "label_key": "o"}, {"value": "a", "label_key": "o"}]}), "listed twice")]
    #[case::children_on_a_text(json!({"id": "s.t", "kind": "text", "label_key": "k", "example": "x",
        "questions": [{"id": "x", "kind": "text", "label_key": "k", "example": "x"}]}), "only repeat groups")]
    fn question_errors(#[case] question: Value, #[case] says: &str) {
        match Form::from_json(&form_json(json!([question]))) {
            Err(Error::InvalidQuestion { reason, .. }) => {
                assert!(reason.contains(says), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[rstest]
    #[case::undotted("birth_date")]
    #[case::upper_case("personal.Birth")]
    #[case::empty_segment("personal..birth")]
    fn question_ids_are_dotted_snake_case(#[case] id: &str) {
        let err = Form::from_json(&form_json(json!([yes_no(id)]))).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidId {
                    kind: "question",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn skip_logic_in_a_row_reads_the_same_row() {
        let questions = json!([{"id": "s.rows", "kind": "repeat", "label_key": "k",
            "example": [{"has": false}],
            "questions": [yes_no("has"),
                {"id": "what", "kind": "text", "label_key": "k", "example": "x", "required": true,
                 "relevant": "s.rows.has == true"}]}]);
        let form = Form::from_json(&form_json(questions)).unwrap();
        let draft = answers(json!({"s.rows": [{"has": true, "what": "a"}, {"has": false}]}));
        let relevance = form.relevance(&draft, day("2026-03-01"));
        assert!(relevance.field("s.rows[0].what"));
        assert!(!relevance.field("s.rows[1].what"));
        assert!(!relevance.field("s.rows[2].what"));
        assert!(form.relevant("s.rows[0].has", &draft, day("2026-03-01")));
    }

    // ---- the built-in residence form

    fn residence() -> &'static Form {
        residence_2026().unwrap()
    }

    fn examples(form: &Form) -> BTreeMap<String, Value> {
        form.questions()
            .map(|q| (q.id.clone(), q.example.clone()))
            .collect()
    }

    #[rstest]
    #[case("personal.birth_date", Kind::Date)]
    #[case("personal.is_ethnic_kazakh", Kind::YesNo)]
    #[case("personal.citizenship", Kind::Country)]
    #[case("education.level", Kind::SingleChoice)]
    #[case("languages.kazakh", Kind::LanguageLevel)]
    #[case("languages.russian", Kind::LanguageLevel)]
    #[case("languages.english", Kind::LanguageLevel)]
    #[case("languages.kaztest_taken", Kind::YesNo)]
    #[case("languages.kaztest_listening", Kind::Number)]
    #[case("languages.kaztest_reading", Kind::Number)]
    #[case("work.years_total", Kind::Number)]
    #[case("work.history", Kind::Repeat)]
    #[case("skills.in_demand", Kind::YesNo)]
    #[case("adaptability.relatives_in_kz", Kind::YesNo)]
    #[case("adaptability.previous_stays", Kind::YesNo)]
    #[case("family.members", Kind::Repeat)]
    #[case("family.members.relation", Kind::SingleChoice)]
    #[case("family.members.birth_date", Kind::Date)]
    #[case("kandas.origin_country", Kind::Country)]
    #[case("kandas.join_quota", Kind::YesNo)]
    #[case("kandas.preferred_region", Kind::Region)]
    #[case("kandas.take_support", Kind::YesNo)]
    fn residence_has_the_ids_others_rely_on(#[case] id: &str, #[case] kind: Kind) {
        let question = residence()
            .question(id)
            .unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(question.kind, kind, "{id}");
    }

    #[test]
    fn residence_choice_values_are_the_agreed_ones() {
        let values = |id: &str| -> Vec<String> {
            let q = residence().question(id).unwrap();
            q.options.iter().map(|o| o.value.clone()).collect()
        };
        let education = [
            "none",
            "secondary",
            "vocational",
            "bachelor",
            "master",
            "doctorate",
        ];
        assert_eq!(values("education.level"), education);
        for id in ["languages.kazakh", "languages.russian", "languages.english"] {
            assert_eq!(values(id), LANGUAGE_LEVELS, "{id}");
        }
        let kaztest = residence().question("languages.kaztest_reading").unwrap();
        let limits = kaztest.constraint.as_ref().unwrap();
        assert_eq!((limits.min, limits.max), (Some(0.0), Some(100.0)));
        let years = residence().question("work.years_total").unwrap();
        let limits = years.constraint.as_ref().unwrap();
        assert_eq!((limits.min, limits.max), (Some(0.0), Some(60.0)));
    }

    #[test]
    fn residence_has_every_section_of_the_issue() {
        let ids: Vec<&str> = residence()
            .sections()
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "personal",
                "contacts",
                "citizenship",
                "family",
                "education",
                "languages",
                "work",
                "military",
                "skills",
                "health",
                "adaptability",
                "record",
                "kandas"
            ]
        );
    }

    #[test]
    fn residence_keys_follow_the_locale_conventions() {
        let form = residence();
        assert_eq!(form.title_key(), "form-residence-title");
        let check = |q: &Question, path: &str| {
            let key = format!("form-q-{}", path.replace('.', "-"));
            assert_eq!(q.label_key, key);
            if let Some(hint) = &q.hint_key {
                assert_eq!(hint, &format!("{key}-hint"));
            }
            for option in &q.options {
                assert!(
                    option.label_key.starts_with("form-opt-"),
                    "{}",
                    option.label_key
                );
                assert!(option.label_key.ends_with(&format!("-{}", option.value)));
            }
        };
        for section in form.sections() {
            assert_eq!(section.title_key, format!("form-section-{}", section.id));
            for q in &section.questions {
                assert!(q.id.starts_with(&format!("{}.", section.id)), "{}", q.id);
                check(q, &q.id);
                for child in &q.questions {
                    check(child, &format!("{}.{}", q.id, child.id));
                }
            }
        }
    }

    #[test]
    fn residence_examples_make_a_valid_draft_all_year() {
        let form = residence();
        let draft = examples(form);
        for today in ["2026-01-30", "2026-07-01", "2026-12-31"] {
            let report = validate::validate_draft(form, &draft, &Env::new(day(today)));
            assert_eq!(report, validate::Report::default(), "{today}");
        }
        let progress = form.sections_progress(&draft, day("2026-03-01"));
        assert_eq!(
            progress,
            SectionsProgress {
                complete: 13,
                total: 13
            }
        );
    }

    #[rstest]
    #[case::ethnic_kazakh(Some(true), true)]
    #[case::not_ethnic_kazakh(Some(false), false)]
    #[case::not_answered_yet(None, false)]
    fn kandas_section_only_for_ethnic_kazakhs(#[case] kazakh: Option<bool>, #[case] shown: bool) {
        let form = residence();
        let mut draft = examples(form);
        match kazakh {
            Some(k) => draft.insert("personal.is_ethnic_kazakh".into(), json!(k)),
            None => draft.remove("personal.is_ethnic_kazakh"),
        };
        let today = day("2026-03-01");
        let relevance = form.relevance(&draft, today);
        assert_eq!(relevance.section("kandas"), shown);
        for q in &form.section("kandas").unwrap().questions {
            assert_eq!(relevance.field(&q.id), shown, "{}", q.id);
        }
        // Hidden kandas answers are ignored, even malformed ones: the person cannot see them.
        draft.insert("kandas.preferred_region".into(), json!(42));
        let errors = validate::validate_draft(form, &draft, &Env::new(today)).errors;
        let kandas_errors = errors
            .iter()
            .filter(|e| e.field.starts_with("kandas."))
            .count();
        assert_eq!(kandas_errors > 0, shown, "{errors:?}");
    }

    #[test]
    fn kandas_region_and_support_only_when_joining_the_quota() {
        let form = residence();
        let mut draft = examples(form);
        draft.insert("kandas.join_quota".into(), json!(false));
        let relevance = form.relevance(&draft, day("2026-03-01"));
        assert!(relevance.field("kandas.join_quota"));
        assert!(!relevance.field("kandas.preferred_region"));
        assert!(!relevance.field("kandas.take_support"));
    }

    #[test]
    fn progress_counts_relevant_sections_only() {
        let form = residence();
        let today = day("2026-03-01");
        let empty = BTreeMap::new();
        // Unanswered, the kandas section is not shown, so it is not counted.
        assert_eq!(
            form.sections_progress(&empty, today),
            SectionsProgress {
                complete: 0,
                total: 12
            }
        );
        let mut draft = examples(form);
        draft.remove("contacts.phone");
        draft.insert("personal.is_ethnic_kazakh".into(), json!(false));
        assert_eq!(
            form.sections_progress(&draft, today),
            SectionsProgress {
                complete: 11,
                total: 12
            }
        );
    }

    #[test]
    fn locale_keys_cover_labels_hints_and_options() {
        let keys = residence().locale_keys();
        for key in [
            "form-residence-title",
            "form-section-kandas",
            "form-q-personal-birth_date",
            "form-q-languages-kaztest_reading-hint",
            "form-q-family-members-birth_date",
            "form-opt-education-bachelor",
            "form-opt-level-c2",
            "form-opt-ethnicity_doc-none_yet",
        ] {
            assert!(keys.contains(key), "{key}");
        }
        assert!(keys.iter().all(|k| k.starts_with("form-")));
    }

    #[test]
    fn null_answers_to_removed_questions_are_not_errors() {
        let mut draft = examples(residence());
        draft.insert("personal.old_question".into(), Value::Null);
        let report = validate::validate_draft(residence(), &draft, &Env::new(day("2026-03-01")));
        assert!(report.errors.is_empty(), "{report:?}");
    }

    #[test]
    fn only_multi_choice_options_are_exclusive() {
        let question = json!({"id": "s.c", "kind": "single_choice", "label_key": "k",
            "example": "a", "options": [{"value": "a", "label_key": "o", "exclusive": true}]});
        let err = Form::from_json(&form_json(json!([question]))).unwrap_err();
        assert!(matches!(err, Error::InvalidQuestion { .. }), "{err:?}");
    }

    #[test]
    fn questions_are_found_by_id_child_path_and_field() {
        let form = residence();
        assert_eq!(
            form.question("personal.birth_date").unwrap().kind,
            Kind::Date
        );
        assert_eq!(
            form.question("family.members.relation").unwrap().id,
            "relation"
        );
        assert_eq!(
            form.question("family.members[3].birth_date").unwrap().id,
            "birth_date"
        );
        assert!(form.question("family.members[x].birth_date").is_none());
        assert!(form.question("personal.nope").is_none());
        assert!(form.question("personal.birth_date.year").is_none());
        assert_eq!(
            form.section_of("family.members[0].relation").unwrap().id,
            "family"
        );
        let ids: Vec<&str> = form.question_ids().collect();
        assert_eq!(ids.len(), form.questions().count());
        assert_eq!(ids[0], "personal.surname");
    }

    #[test]
    fn residence_serialises_in_the_api_shape() {
        let form = residence();
        let value = serde_json::to_value(form).unwrap();
        assert_eq!(value["id"], "residence-2026");
        assert_eq!(value["version"], 1);
        assert_eq!(value["title_key"], "form-residence-title");
        assert_eq!(
            value["sections"][12]["relevant"],
            "personal.is_ethnic_kazakh == true"
        );
        let reading = &value["sections"][5]["questions"][6];
        assert_eq!(reading["id"], "languages.kaztest_reading");
        assert_eq!(reading["relevant"], "languages.kaztest_taken == true");
        assert_eq!(reading["constraint"]["max"], 100.0);
        let members = &value["sections"][3]["questions"][1];
        assert_eq!(members["questions"][2]["constraint"]["max_date"], "today");
        // The served shape loads again as the same form.
        let again = Form::from_json(&value.to_string()).unwrap();
        assert_eq!(serde_json::to_value(&again).unwrap(), value);
        assert_eq!(
            builtin().unwrap()[0].summary().id.as_str(),
            "residence-2026"
        );
        assert!(find_builtin("residence-2026", 1).unwrap().is_some());
        assert!(find_builtin("residence-2026", 2).unwrap().is_none());
        assert_eq!(
            latest_builtin("residence-2026").unwrap().unwrap().version(),
            1
        );
    }

    #[rstest]
    #[case::fixed("2026-01-30", "2026-03-01", "2026-01-30")]
    #[case::today("today", "2026-03-01", "2026-03-01")]
    #[case::years_back("today-18y", "2026-02-28", "2008-02-28")]
    #[case::month_end_clamps("today+1m", "2026-01-31", "2026-02-28")]
    #[case::days_ahead("today+30d", "2026-03-01", "2026-03-31")]
    fn date_bounds(#[case] text: &str, #[case] today: &str, #[case] means: &str) {
        let bound = DateBound::parse(text).unwrap();
        assert_eq!(bound.resolve(day(today)), Some(day(means)));
        assert_eq!(bound.to_string(), text);
    }

    #[rstest]
    #[case("tomorrow")]
    #[case("today-")]
    #[case("today-5w")]
    #[case("today--5d")]
    #[case("2026-1-5")]
    fn bad_date_bounds(#[case] text: &str) {
        assert_eq!(DateBound::parse(text), None);
    }
}
