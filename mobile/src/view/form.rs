//! The questionnaire as the screens show it: which sections are asked (skip logic), one
//! section's fields with their words and current answers, which errors to show where, and the
//! review's list of what is missing and its answers in words. Rules come from
//! `kosh_shared::form` and `validate`; this only arranges their answers for the screen. The
//! field widget's props (`FieldSpec`, `FieldWords`, `FieldKind`) are defined here.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kosh_locales::{FluentArgs, Translator};
use kosh_shared::api::FieldError;
use kosh_shared::calendar::parse_ymd;
use kosh_shared::draft::Draft;
use kosh_shared::form::{FieldPath, Form, Kind, Question, Section, top_question};
use kosh_shared::policy::Policy;
use kosh_shared::validate::{self, Env};
use serde_json::Value;

use crate::view::date::{self, DateParts, DateWords, date_words};
use crate::view::{Choice, choices};

/// The widget follows the question's kind: the form's own `Kind`, so a kind added to the form
/// cannot be forgotten by a widget (every `match` on it must handle it).
pub use kosh_shared::form::Kind as FieldKind;

/// One question as the screen shows it: translated words and the choices it offers.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// The question id (`education.level`; a repeat child's own id, `birth_date`).
    pub id: String,
    pub kind: FieldKind,
    pub label: String,
    pub hint: Option<String>,
    /// "For example: …" in the person's language, shown as the placeholder.
    pub placeholder: Option<String>,
    /// For dates: the example's day, month and year, the three boxes' placeholders.
    pub date_example: DateParts,
    pub required: bool,
    pub choices: Vec<Choice>,
    /// For numbers and dates: the bounds the phone's keyboard or picker should keep to.
    pub min: Option<String>,
    pub max: Option<String>,
    /// For repeat groups: the child questions of each row.
    pub children: Vec<FieldSpec>,
}

/// Words every field needs that are not the question's own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldWords {
    pub yes: String,
    pub no: String,
    pub required: String,
    pub choose: String,
    pub search: String,
    pub nothing_found: String,
    pub add_row: String,
    pub remove_row: String,
    pub no_rows: String,
    /// "№ 1", "№ 2" … for the rows of a repeat group, by index.
    pub row_titles: Vec<String>,
    /// "Changed on another device".
    pub changed_elsewhere: String,
    /// "Another device's answer was replaced by this one".
    pub replaced_elsewhere: String,
    /// The date boxes' names and the months.
    pub date: DateWords,
}

/// Validation's view of the day and the policy's regions.
pub fn env(today: NaiveDate, policy: &Policy) -> Env {
    Env::new(today).with_regions(choices::region_ids(policy))
}

/// The sections asked for these answers, in form order: (position in the form, section).
pub fn relevant_sections<'f>(
    form: &'f Form,
    answers: &BTreeMap<String, Value>,
    today: NaiveDate,
) -> Vec<(usize, &'f Section)> {
    let relevance = form.relevance(answers, today);
    form.sections()
        .iter()
        .enumerate()
        .filter(|(_, s)| relevance.section(&s.id))
        .collect()
}

/// A value as words, for placeholders, the review, and "this phone had …".
pub fn value_text(tr: &Translator, question: &Question, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => tr.t("ui-yes"),
        Value::Bool(false) => tr.t("ui-no"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => match question.kind {
            Kind::Country => choices::country_name(tr, s),
            Kind::Region => tr.t(&format!("region-{s}")),
            Kind::Date => parse_ymd(s).map_or_else(|| s.clone(), date::numeric),
            _ if question.kind.has_options() => question
                .options
                .iter()
                .find(|o| &o.value == s)
                .map(|o| tr.t(&o.label_key))
                .unwrap_or_else(|| s.clone()),
            _ => s.clone(),
        },
        Value::Array(items) if question.kind == Kind::Repeat => {
            format!("{}", items.len())
        }
        Value::Array(items) => items
            .iter()
            .map(|v| value_text(tr, question, v))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(_) => String::new(),
    }
}

/// A question as the widget takes it.
pub fn field_spec(
    tr: &Translator,
    question: &Question,
    today: NaiveDate,
    policy: &Policy,
) -> FieldSpec {
    let kind = question.kind;
    let choices = match question.kind {
        Kind::Country => choices::countries(tr),
        Kind::Region => choices::regions(tr, policy),
        _ => question
            .options
            .iter()
            .map(|o| Choice {
                value: o.value.clone(),
                label: tr.t(&o.label_key),
            })
            .collect(),
    };
    // A text question's example is a valid answer (the form checks it), not words to show a
    // person who reads another language: its placeholder comes from the locales
    // (`<label key>-example`), and a language without one shows none rather than English.
    // Emails, phone numbers and numbers read the same in every language.
    let example = match question.kind {
        Kind::Text => tr.try_t(&format!("{}-example", question.label_key), None),
        Kind::Email | Kind::Phone | Kind::Number => {
            Some(value_text(tr, question, &question.example)).filter(|e| !e.is_empty())
        }
        _ => None,
    };
    let placeholder = example.map(|example| {
        let mut args = FluentArgs::new();
        args.set("example", example);
        tr.t_args("ui-form-example", &args)
    });
    // The date boxes show the example's own day, month and year as their placeholders.
    let date_example = match (question.kind, question.example.as_str()) {
        (Kind::Date, Some(example)) => DateParts::from_answer(example),
        _ => DateParts::default(),
    };
    let (min, max) = match (question.kind, &question.constraint) {
        (Kind::Number, Some(c)) => (c.min.map(|n| n.to_string()), c.max.map(|n| n.to_string())),
        (Kind::Date, Some(c)) => (
            c.min_date
                .and_then(|b| b.resolve(today))
                .map(|d| d.to_string()),
            c.max_date
                .and_then(|b| b.resolve(today))
                .map(|d| d.to_string()),
        ),
        _ => (None, None),
    };
    FieldSpec {
        id: question.id.clone(),
        kind,
        label: tr.t(&question.label_key),
        hint: question.hint_key.as_deref().and_then(|k| tr.try_t(k, None)),
        placeholder,
        date_example,
        required: question.required,
        choices,
        min,
        max,
        children: question
            .questions
            .iter()
            .map(|q| field_spec(tr, q, today, policy))
            .collect(),
    }
}

/// The words every field shares.
pub fn field_words(tr: &Translator, rows: usize) -> FieldWords {
    FieldWords {
        yes: tr.t("ui-yes"),
        no: tr.t("ui-no"),
        required: tr.t("ui-form-required"),
        choose: tr.t("ui-form-choose"),
        search: tr.t("ui-search"),
        nothing_found: tr.t("ui-nothing-found"),
        add_row: tr.t("ui-form-repeat-add"),
        remove_row: tr.t("ui-form-repeat-remove"),
        no_rows: tr.t("ui-form-repeat-empty"),
        row_titles: (1..=rows.max(1))
            .map(|n| {
                let mut args = FluentArgs::new();
                args.set("number", n);
                tr.t_args("ui-form-repeat-item", &args)
            })
            .collect(),
        changed_elsewhere: tr.t("ui-sync-changed-elsewhere"),
        replaced_elsewhere: tr.t("ui-sync-replaced-elsewhere"),
        date: date_words(tr),
    }
}

/// The words for one validation error (`validation-<code>`), by `view::words`.
pub use crate::view::words::validation_text as error_words;

/// Whether `error` is about an answer still being typed, which the screen holds back until the
/// person tries to go on: a required answer not given yet, or a date with some of its three
/// boxes still empty (it is wrong, but saying so after the first box is filled helps no one).
fn still_typing(
    question: &Question,
    answers: &BTreeMap<String, Value>,
    error: &FieldError,
) -> bool {
    match error.code.as_str() {
        "required" => true,
        "invalid_date" => answer_at(question, answers, &error.field)
            .and_then(Value::as_str)
            .is_some_and(date::is_partial),
        _ => false,
    }
}

/// The answer a field path names: a top-level answer or one cell of a repeat group's row.
fn answer_at<'a>(
    question: &Question,
    answers: &'a BTreeMap<String, Value>,
    field: &str,
) -> Option<&'a Value> {
    let top = answers.get(&question.id)?;
    match FieldPath::parse(field)? {
        FieldPath::Question(_) => Some(top),
        FieldPath::Row { index, .. } => top.get(index),
        FieldPath::RowChild { index, child, .. } => top.get(index)?.get(child),
    }
}

/// The question id a validation error is about: `family.members[1].birth_date` belongs to
/// `family.members` (the shared field-path parser decides).
pub fn top_field(field: &str) -> &str {
    top_question(field)
}

/// One question of the section screen, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    pub spec: FieldSpec,
    pub value: Option<Value>,
    pub error: Option<String>,
    /// This phone's answer that another device's replaced, in words.
    pub overwritten: Option<String>,
    /// Another device's answer that this phone's replaced, in words.
    pub replaced: Option<String>,
    pub words: FieldWords,
}

/// One section screen.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    /// This section's place among the asked ones (0-based) and how many are asked.
    pub position: usize,
    pub total: usize,
    pub fields: Vec<FieldView>,
    /// How many answers in this section need fixing (shown once the person tried to go on).
    pub error_count: usize,
    /// How many questions still have an error of any kind, required ones included: "next"
    /// points them out instead of moving on.
    pub blocking: usize,
}

/// Build the screen of the `position`-th asked section. `show_required`: also say which
/// required answers are missing (after the person tried to go on, and on the review screen);
/// before that only answers given and wrong are flagged.
#[allow(clippy::too_many_arguments)]
pub fn section_view(
    tr: &Translator,
    form: &Form,
    policy: &Policy,
    draft: &Draft,
    device: &str,
    position: usize,
    show_required: bool,
    today: NaiveDate,
) -> Option<SectionView> {
    let answers = draft.answers();
    let sections = relevant_sections(form, &answers, today);
    let total = sections.len();
    let (_, section) = sections.get(position.min(total.checked_sub(1)?))?;
    let env = env(today, policy);
    let report = validate::validate_section(form, &section.id, &answers, &env).ok()?;
    let relevance = form.relevance(&answers, today);
    let mut errors: BTreeMap<&str, Vec<&FieldError>> = BTreeMap::new();
    for e in &report.errors {
        errors.entry(top_field(&e.field)).or_default().push(e);
    }
    let mut error_count = 0;
    let blocking = errors.len();
    let fields = section
        .questions
        .iter()
        .filter(|q| relevance.field(&q.id))
        .map(|q| {
            let value = draft.answer(&q.id).cloned();
            let shown: Vec<&&FieldError> = errors
                .get(q.id.as_str())
                .map(|v| {
                    v.iter()
                        .filter(|e| show_required || !still_typing(q, &answers, e))
                        .collect()
                })
                .unwrap_or_default();
            error_count += usize::from(!shown.is_empty());
            let error = (!shown.is_empty()).then(|| {
                shown
                    .iter()
                    .map(|e| row_prefix(tr, q, &e.field) + &error_words(tr, e))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            let cell = draft.cell(&q.id);
            let overwritten = cell
                .and_then(|c| c.changed_elsewhere(device))
                .map(|w| value_text(tr, q, &w.value));
            let replaced = cell
                .and_then(|c| c.replaced_elsewhere(device))
                .map(|w| value_text(tr, q, &w.value));
            let rows = value.as_ref().and_then(Value::as_array).map_or(0, Vec::len);
            FieldView {
                spec: field_spec(tr, q, today, policy),
                value,
                error,
                overwritten,
                replaced,
                words: field_words(tr, rows),
            }
        })
        .collect();
    Some(SectionView {
        id: section.id.clone(),
        title: tr.t(&section.title_key),
        position: position.min(total - 1),
        total,
        fields,
        error_count,
        blocking,
    })
}

/// For an error inside a repeat row, "№ 2 · Birth date: " so the person finds the row.
fn row_prefix(tr: &Translator, question: &Question, field: &str) -> String {
    let Some(path) = FieldPath::parse(field).filter(|p| p.question() == question.id) else {
        return String::new();
    };
    let Some(index) = path.row() else {
        return String::new();
    };
    let mut args = FluentArgs::new();
    args.set("number", index + 1);
    let mut out = tr.t_args("ui-form-repeat-item", &args);
    if let Some(q) = path.child().and_then(|child| question.child(child)) {
        out.push_str(" · ");
        out.push_str(&tr.t(&q.label_key));
    }
    out + ": "
}

/// One section on the review screen: its position among the asked sections, its id and title,
/// and its answers as (label, answer in words).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionAnswers {
    pub position: usize,
    pub id: String,
    pub title: String,
    pub lines: Vec<(String, String)>,
}

/// The answers of every asked section, in words, for the review screen.
pub fn answered_sections(
    tr: &Translator,
    form: &Form,
    draft: &Draft,
    today: NaiveDate,
) -> Vec<SectionAnswers> {
    let answers = draft.answers();
    relevant_sections(form, &answers, today)
        .into_iter()
        .enumerate()
        .map(|(position, (_, section))| SectionAnswers {
            position,
            id: section.id.clone(),
            title: tr.t(&section.title_key),
            lines: section
                .questions
                .iter()
                .filter_map(|q| {
                    let value = draft.answer(&q.id)?;
                    Some((tr.t(&q.label_key), value_text(tr, q, value)))
                })
                .collect(),
        })
        .collect()
}

/// One missing or wrong answer on the review screen, with where to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    pub section_title: String,
    /// The section's position among the asked ones, for the link.
    pub position: usize,
    pub question: String,
    pub problem: String,
}

/// The review: every error of the whole draft, by section, with links.
pub fn missing(
    tr: &Translator,
    form: &Form,
    policy: &Policy,
    draft: &Draft,
    today: NaiveDate,
) -> Vec<Missing> {
    let answers = draft.answers();
    let sections = relevant_sections(form, &answers, today);
    let report = validate::validate_draft(form, &answers, &env(today, policy));
    report
        .errors
        .iter()
        .filter_map(|e| {
            let top = top_field(&e.field);
            let section = form.section_of(top)?;
            let position = sections.iter().position(|(_, s)| s.id == section.id)?;
            let question = form.question(top)?;
            Some(Missing {
                section_title: tr.t(&section.title_key),
                position,
                question: tr.t(&question.label_key),
                problem: row_prefix(tr, question, &e.field) + &error_words(tr, e),
            })
        })
        .collect()
}

/// How many of the asked sections are complete: "7 of 12 sections".
pub fn progress(form: &Form, draft: &Draft, today: NaiveDate) -> (usize, usize) {
    let p = form.sections_progress(&draft.answers(), today);
    (p.complete, p.total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_locales::Lang;
    use kosh_shared::draft::Op;
    use kosh_shared::form::residence_2026;
    use kosh_shared::hlc::Hlc;
    use kosh_shared::policy::Policy;
    use serde_json::json;

    fn draft() -> Draft {
        Draft::new("d1".into(), "residence-2026".into(), 1)
    }

    #[test]
    fn missing_answers_block_next_but_are_pointed_out_only_after_trying() {
        let tr = Translator::new(Lang::Ru);
        let form = residence_2026().unwrap();
        let day = "2026-06-01".parse().unwrap();
        let quiet = section_view(
            &tr,
            form,
            Policy::builtin().unwrap(),
            &draft(),
            "d-me",
            0,
            false,
            day,
        )
        .unwrap();
        assert!(quiet.blocking > 0);
        assert_eq!(quiet.error_count, 0);
        assert!(quiet.fields.iter().all(|f| f.error.is_none()));
        let tried = section_view(
            &tr,
            form,
            Policy::builtin().unwrap(),
            &draft(),
            "d-me",
            0,
            true,
            day,
        )
        .unwrap();
        assert_eq!(tried.error_count, tried.blocking);
        assert!(tried.fields.iter().any(|f| f.error.is_some()));
    }

    #[test]
    fn positions_past_the_end_show_the_last_section_and_errors_name_their_row() {
        let tr = Translator::new(Lang::Ru);
        let form = residence_2026().unwrap();
        let day = "2026-06-01".parse().unwrap();
        let view = section_view(
            &tr,
            form,
            Policy::builtin().unwrap(),
            &draft(),
            "d-me",
            99,
            false,
            day,
        )
        .unwrap();
        assert_eq!(view.position, view.total - 1);

        let mut d = draft();
        d.edit(
            "op0".into(),
            "family.has_members",
            json!(true),
            Hlc::new(1, 0, "d-me").unwrap(),
        )
        .unwrap();
        d.edit(
            "op".into(),
            "family.members",
            json!([{"relation": "child", "birth_date": "2990-01-01"}]),
            Hlc::new(2, 0, "d-me").unwrap(),
        )
        .unwrap();
        let gaps = missing(&tr, form, Policy::builtin().unwrap(), &d, day);
        let row = gaps
            .iter()
            .find(|m| {
                m.problem.starts_with("№ 1")
                    && m.problem.contains(&tr.t("validation-date_too_late"))
            })
            .unwrap_or_else(|| panic!("an error inside the first row names it: {gaps:?}"));
        assert!(
            row.problem
                .contains(&tr.t("form-q-family-members-birth_date")),
            "{row:?}"
        );
    }

    #[test]
    fn both_phones_of_a_conflict_say_so_each_in_its_own_words() {
        let tr = Translator::new(Lang::En);
        let form = residence_2026().unwrap();
        let day = "2026-06-01".parse().unwrap();
        let mut d = draft();
        for (n, (value, device)) in [("Abenov", "d-a"), ("Abenova", "d-b")].iter().enumerate() {
            let op = Op {
                op_id: format!("op{n}").into(),
                draft_id: "d1".into(),
                form_id: "residence-2026".into(),
                field: "personal.surname".into(),
                value: json!(value),
                hlc: Hlc::new(10 + n as u64, 0, *device).unwrap(),
                form_version: None,
            };
            d.apply(&op).unwrap();
        }
        let surname = |device: &str| {
            section_view(
                &tr,
                form,
                Policy::builtin().unwrap(),
                &d,
                device,
                0,
                false,
                day,
            )
            .unwrap()
            .fields
            .into_iter()
            .find(|f| f.spec.id == "personal.surname")
            .unwrap()
        };
        let (lost, won, neither) = (surname("d-a"), surname("d-b"), surname("d-c"));
        assert_eq!(
            (lost.overwritten.as_deref(), lost.replaced),
            (Some("Abenov"), None),
            "the phone whose answer lost"
        );
        assert_eq!(
            (won.overwritten, won.replaced.as_deref()),
            (None, Some("Abenov")),
            "the phone whose answer won"
        );
        assert_eq!((neither.overwritten, neither.replaced), (None, None));
        assert_eq!(lost.words.changed_elsewhere, "Changed on another device");
        assert_ne!(won.words.replaced_elsewhere, won.words.changed_elsewhere);
    }

    /// Every text question of every section, repeat groups' children included.
    fn text_questions(form: &Form) -> Vec<&Question> {
        fn walk<'q>(questions: &'q [Question], out: &mut Vec<&'q Question>) {
            for q in questions {
                if q.kind == Kind::Text {
                    out.push(q);
                }
                walk(&q.questions, out);
            }
        }
        let mut out = Vec::new();
        for section in form.sections() {
            walk(&section.questions, &mut out);
        }
        out
    }

    #[test]
    fn text_questions_show_an_example_in_every_language_never_the_forms_own_words() {
        let form = residence_2026().unwrap();
        let day = "2026-06-01".parse().unwrap();
        let questions = text_questions(form);
        assert!(questions.len() >= 5, "the form has text questions");
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for q in &questions {
                let spec = field_spec(&tr, q, day, Policy::builtin().unwrap());
                let placeholder = spec
                    .placeholder
                    .unwrap_or_else(|| panic!("{lang:?} {}: no example", q.id));
                let words = tr.t(&format!("{}-example", q.label_key));
                assert!(
                    placeholder.contains(&words),
                    "{lang:?} {}: {placeholder:?}",
                    q.id
                );
                // Languages in another script show none of the form's Latin example.
                if matches!(lang, Lang::Kk | Lang::Ru | Lang::ZhHans | Lang::KkArab) {
                    assert!(
                        !placeholder.chars().any(|c| c.is_ascii_alphabetic()),
                        "{lang:?} {}: Latin letters in {placeholder:?}",
                        q.id
                    );
                }
            }
        }
    }

    #[test]
    fn date_boxes_take_the_examples_parts_and_answers_read_as_day_month_year() {
        let tr = Translator::new(Lang::Kk);
        let form = residence_2026().unwrap();
        let birth = form.question("personal.birth_date").unwrap();
        let spec = field_spec(
            &tr,
            birth,
            "2026-06-01".parse().unwrap(),
            Policy::builtin().unwrap(),
        );
        assert_eq!(spec.date_example.day, "14");
        assert_eq!(spec.date_example.year, "1990");
        assert_eq!(spec.placeholder, None);
        assert_eq!(value_text(&tr, birth, &json!("1990-05-14")), "14.05.1990");
    }

    #[test]
    fn a_date_still_being_typed_is_flagged_only_once_complete_or_when_going_on() {
        let tr = Translator::new(Lang::Ru);
        let form = residence_2026().unwrap();
        let day = "2026-06-01".parse().unwrap();
        let with_birth = |answer: &str| {
            let mut d = draft();
            d.edit(
                "op".into(),
                "personal.birth_date",
                json!(answer),
                Hlc::new(1, 0, "d-me").unwrap(),
            )
            .unwrap();
            d
        };
        let error_of = |d: &Draft, show_required: bool| {
            section_view(
                &tr,
                form,
                Policy::builtin().unwrap(),
                d,
                "d-me",
                0,
                show_required,
                day,
            )
            .unwrap()
            .fields
            .into_iter()
            .find(|f| f.spec.id == "personal.birth_date")
            .unwrap()
            .error
        };
        let wrong = tr.t("validation-invalid_date");
        assert_eq!(error_of(&with_birth("1990-05-"), false), None);
        assert_eq!(error_of(&with_birth("1990-05-"), true), Some(wrong.clone()));
        assert_eq!(error_of(&with_birth("1990-02-30"), false), Some(wrong));
        assert_eq!(error_of(&with_birth("1990-02-28"), false), None);
    }
}
