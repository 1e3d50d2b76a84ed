//! The tests of `form`: loading and its checks, conditions bound to the form, relevance, field
//! paths and the built-in forms.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::*;
use crate::error::Error;
use crate::validate::{self, Env};
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
    form.example_answers()
}

#[rstest]
#[case("personal.birth_date", Kind::Date)]
#[case("personal.is_ethnic_kazakh", Kind::YesNo)]
#[case("personal.citizenship", Kind::Country)]
#[case("education.level", Kind::SingleChoice)]
#[case("languages.kazakh", Kind::LanguageLevel)]
#[case("languages.russian", Kind::LanguageLevel)]
#[case("languages.english_certificate", Kind::SingleChoice)]
#[case("languages.kaztest_date", Kind::Date)]
#[case("personal.passport_valid_until", Kind::Date)]
#[case("contacts.kz_place_of_stay", Kind::Text)]
#[case("citizenship.exit_consent", Kind::YesNo)]
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
    for id in ["languages.kazakh", "languages.russian"] {
        assert_eq!(values(id), LANGUAGE_LEVELS, "{id}");
    }
    // English counts by an IELTS or TOEFL certificate, whose levels start at B1.
    assert_eq!(
        values("languages.english_certificate"),
        ["none", "b1", "b2", "c1", "c2"]
    );
    assert!(values("citizenship.current_status").contains(&"refugee".to_owned()));
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
    assert_eq!(value["version"], 2);
    assert_eq!(value["title_key"], "form-residence-title");
    assert_eq!(
        value["sections"][12]["relevant"],
        "personal.is_ethnic_kazakh == true"
    );
    let reading = &value["sections"][5]["questions"][5];
    assert_eq!(reading["id"], "languages.kaztest_reading");
    assert_eq!(reading["required"], true);
    assert_eq!(reading["constraint"]["max"], 100.0);
    let consent = &value["sections"][2]["questions"][5];
    assert_eq!(consent["id"], "citizenship.exit_consent");
    assert_eq!(
        consent["relevant"],
        "citizenship.current_status != \"refugee\" && (personal.is_ethnic_kazakh == false || personal.citizenship != \"CN\")"
    );
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
    assert!(find_builtin("residence-2026", 2).unwrap().is_some());
    assert!(find_builtin("residence-2026", 3).unwrap().is_none());
    assert_eq!(
        latest_builtin("residence-2026").unwrap().unwrap().version(),
        2
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

/// The paths `Form::load` reports, with their codes.
fn load_problems(text: &str) -> Vec<(String, &'static str)> {
    match Form::load_reporting(text) {
        Err(problems) => problems
            .into_iter()
            .map(|p| {
                let code: &'static str = Box::leak(p.code.into_boxed_str());
                (p.path, code)
            })
            .collect(),
        Ok(_) => panic!("expected problems"),
    }
}

#[rstest]
#[case::bad_id(json!([yes_no("S.A")]), "sections[0].questions[0].id", "invalid_id")]
#[case::no_options(json!([{"id": "s.c", "kind": "single_choice", "label_key": "k", "example": "a"}]),
    "sections[0].questions[0].options", "missing_options")]
#[case::twice(json!([{"id": "s.c", "kind": "single_choice", "label_key": "k", "example": "a",
    "options": [{"value": "a", "label_key": "k"}, {"value": "a", "label_key": "k"}]}]),
    "sections[0].questions[0].options[1].value", "invalid_question")]
#[case::constraint(json!([yes_no("s.a"), {"id": "s.n", "kind": "number", "label_key": "k", "example": 1,
    "constraint": {"min": 5, "max": 1}}]), "sections[0].questions[1].constraint", "invalid_constraint")]
#[case::condition(json!([{"id": "s.a", "kind": "yes_no", "label_key": "k", "example": true, "relevant": "(("}]),
    "sections[0].questions[0].relevant", "invalid_condition")]
#[case::reference(json!([{"id": "s.a", "kind": "yes_no", "label_key": "k", "example": true, "relevant": "s.nope == true"}]),
    "sections[0].questions[0]", "unknown_reference")]
#[case::example(json!([{"id": "s.n", "kind": "number", "label_key": "k", "example": 50,
    "constraint": {"max": 10}}]), "sections[0].questions[0].example", "invalid_example")]
#[case::duplicate(json!([yes_no("s.a"), yes_no("s.a")]), "sections[0].questions[1].id", "duplicate_id")]
#[case::child(json!([{"id": "s.r", "kind": "repeat", "label_key": "k", "example": [{"x": true}],
    "questions": [yes_no("X")]}]), "sections[0].questions[0].questions[0].id", "invalid_id")]
#[case::shape(json!([{"id": "s.a", "kind": "colour", "label_key": "k", "example": 1}]),
    "sections[0].questions[0].kind", "json")]
fn each_form_problem_has_its_path(
    #[case] questions: Value,
    #[case] path: &str,
    #[case] code: &str,
) {
    let found = load_problems(&form_json(questions));
    assert!(
        found.contains(&(path.to_owned(), code)),
        "expected ({path}, {code}) in {found:?}"
    );
}

#[test]
fn every_bad_question_is_reported_not_only_the_first() {
    let questions = json!([
        yes_no("S.bad"),
        yes_no("s.good"),
        {"id": "s.c", "kind": "single_choice", "label_key": "k", "example": "a"},
        {"id": "s.t", "kind": "text", "label_key": "k", "example": "x",
         "options": [{"value": "a", "label_key": "k"}]},
    ]);
    let paths: Vec<String> = load_problems(&form_json(questions))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        paths,
        [
            "sections[0].questions[0].id",
            "sections[0].questions[2].options",
            "sections[0].questions[3].options"
        ]
    );
}
