//! The questionnaire's model: a [`Form`] of [`Section`]s of [`Question`]s, their kinds and
//! choices, the [`Answers`] trait through which every other part reads a draft, and the read-only
//! queries on a checked form (ids, sections, a question by id or field path, locale keys). Building
//! a form lives in `load`, conditions in `condition`, skip logic in `relevance`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::condition::Condition;
use super::constraint::Constraint;
use super::path::FieldPath;
use crate::ids::FormId;

/// One entry of `GET /v1/forms`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSummary {
    pub id: FormId,
    pub version: u32,
    pub title_key: String,
}

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
    /// One of [`LANGUAGE_LEVELS`](super::LANGUAGE_LEVELS).
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

    pub(super) fn is_textual(self) -> bool {
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
    /// The id this question had in the previous version of the form, when it was renamed: moving
    /// a draft to this version carries the old answer over to the new id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
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
    pub(super) id: FormId,
    pub(super) version: u32,
    pub(super) title_key: String,
    /// The first day the form is in use; examples must be valid on it.
    pub(super) valid_from: NaiveDate,
    /// The last day the form is in use, if known; examples must be valid on it too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) valid_until: Option<NaiveDate>,
    pub(super) sections: Vec<Section>,
    /// Top-level questions in form order, as (section, position in section).
    #[serde(skip)]
    pub(super) order: Vec<(usize, usize)>,
    /// Top-level question id to its index in `order`.
    #[serde(skip)]
    pub(super) index: HashMap<String, usize>,
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

impl Form {
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
        let &i = self.index.get(FieldPath::parse(field)?.question())?;
        self.sections.get(self.order[i].0)
    }

    /// A question by id: a top-level id (`education.level`), a repeat child as
    /// `<group>.<child>` (`family.members.birth_date`), or a field path with a row index
    /// (`family.members[1].birth_date`).
    pub fn question(&self, id: &str) -> Option<&Question> {
        if let Some(&i) = self.index.get(id) {
            return Some(self.top(i));
        }
        match FieldPath::parse(id)? {
            FieldPath::RowChild { group, child, .. } => self.question(group)?.child(child),
            FieldPath::Row { .. } => None,
            FieldPath::Question(_) => {
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
        let mut keys = BTreeSet::new();
        keys.insert(self.title_key.as_str());
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

    /// Every top-level question answered with its `example`: a complete draft, valid on the
    /// form's first and last day (loading checks that), the starting point of many tests.
    pub fn example_answers(&self) -> BTreeMap<String, Value> {
        crate::sort::map_of(self.questions().map(|q| (q.id.clone(), q.example.clone())))
    }

    pub(crate) fn top(&self, index: usize) -> &Question {
        let (s, q) = self.order[index];
        &self.sections[s].questions[q]
    }

    pub(crate) fn top_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}
