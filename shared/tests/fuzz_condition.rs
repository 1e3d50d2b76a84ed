//! A property run over the condition language, our own fuzzing: strings made of its tokens
//! and of anything else never panic the lexer, the parser, the type check a form's loading
//! runs, or evaluation over answers of any JSON type.
//!
//! 1,000 cases each in the test command; a long run:
//! `PROPTEST_CASES=1000000 cargo test --release -p kosh-shared --test fuzz_condition`.

use chrono::NaiveDate;
use kosh_shared::form::Form;
use kosh_shared::form::condition::{Condition, Ref, Resolve};
use proptest::prelude::*;
use serde_json::Value;

/// Pieces a condition is made of, the real question ids among them, plus a few that are not.
fn token() -> impl Strategy<Value = String> {
    const FIXED: &[&str] = &[
        "personal.birth_date",
        "personal.is_ethnic_kazakh",
        "education.level",
        "family.has_members",
        "family.members",
        "family.members[0].relation",
        "work.history",
        "work.history[1].ongoing",
        "citizenship.exit_consent",
        "citizenship.current_status",
        "true",
        "false",
        "null",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "&&",
        "||",
        "!",
        "(",
        ")",
        "[",
        "]",
        ",",
        "in",
        "age(",
        "today()",
        "count(",
        "years_since(",
        "\"citizen\"",
        "\"none\"",
        "\"",
        "\\",
        "0",
        "45",
        "-3",
        "1e309",
        "99999999999999999999",
        "2026-12-02",
        ".",
        "[]",
        " ",
        "\u{0}",
        "қ",
        "ʻ",
        "😀",
    ];
    prop_oneof![
        4 => proptest::sample::select(FIXED).prop_map(str::to_owned),
        1 => "[a-z_.\\[\\]0-9]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn condition_source() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(token(), 0..16).prop_map(|t| t.join(" ")),
        1 => prop::collection::vec(token(), 0..16).prop_map(|t| t.concat()),
        1 => any::<String>(),
    ]
}

/// Any JSON value, nested a little.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9 -]{0,12}".prop_map(Value::from),
        Just(Value::from("2026-02-29")),
        Just(Value::from("1990-06-15")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every reference answers `value`.
struct Everything(Value);

impl Resolve for Everything {
    fn resolve(&self, _reference: &Ref) -> Option<&Value> {
        Some(&self.0)
    }
}

/// The built-in form with its first `relevant` condition replaced by `source`.
fn form_with(source: &str) -> String {
    let text = include_str!("../forms/residence-2026.v2.json");
    let mut form: Value = serde_json::from_str(text).expect("the built-in form is JSON");
    let question = form["sections"]
        .as_array_mut()
        .and_then(|sections| {
            sections.iter_mut().find_map(|s| {
                s["questions"]
                    .as_array_mut()?
                    .iter_mut()
                    .find(|q| q.get("relevant").is_some())
            })
        })
        .expect("the built-in form has a condition");
    question["relevant"] = Value::from(source);
    form.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn parsing_and_evaluating_never_panics(source in condition_source(), answer in json_value()) {
        if let Ok(condition) = Condition::parse(&source) {
            let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
            let _ = condition.eval(&Everything(answer), today);
            let _ = condition.references();
        }
    }

    #[test]
    fn a_form_with_any_condition_loads_or_says_why(source in condition_source()) {
        match Form::from_json(&form_with(&source)) {
            Ok(_) => prop_assert!(Condition::parse(&source).is_ok(), "{source:?} loaded unparsed"),
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
