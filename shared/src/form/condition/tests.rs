//! The tests of the condition language: parsing, printing, type checking and evaluation.

use super::*;
use proptest::prelude::*;
use rstest::rstest;
use serde_json::json;
use std::collections::BTreeMap;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

/// The tree with every operation in parentheses, to see how the parser grouped it.
fn grouped(node: &Node) -> String {
    match &node.expr {
        Expr::Not(x) => format!("(!{})", grouped(x)),
        Expr::Neg(x) => format!("(-{})", grouped(x)),
        Expr::Binary(op, a, b) => {
            format!("({} {} {})", grouped(a), op.symbol(), grouped(b))
        }
        Expr::Compare(..) | Expr::In(..) => format!("({node})"),
        _ => node.to_string(),
    }
}

fn eval(source: &str, answers: serde_json::Value) -> Truth {
    let answers: BTreeMap<String, Value> = serde_json::from_value(answers).unwrap();
    Condition::parse(source)
        .unwrap()
        .eval(&answers, day("2026-03-01"))
}

#[rstest]
#[case::and_binds_tighter_than_or("a.b || c.d && e.f", "(a.b || (c.d && e.f))")]
#[case::not_binds_tightest("!a.b && c.d", "((!a.b) && c.d)")]
#[case::or_is_left_associative("a.b || c.d || e.f", "((a.b || c.d) || e.f)")]
#[case::parentheses_win("(a.b || c.d) && e.f", "((a.b || c.d) && e.f)")]
#[case::sums_before_comparison("a.x + 1 < 3 - b.y", "(a.x + 1 < 3 - b.y)")]
#[case::minus_is_left_associative("1 - 2 - 3 == 0", "(1 - 2 - 3 == 0)")]
#[case::in_list_inside_and("a.b in [1, 2] && c.d", "((a.b in [1, 2]) && c.d)")]
#[case::negated_group("!(a.b == 1) || c.d", "((!(a.b == 1)) || c.d)")]
fn precedence(#[case] source: &str, #[case] expected: &str) {
    let condition = Condition::parse(source).unwrap();
    assert_eq!(grouped(condition.root()), expected);
}

#[rstest]
#[case::missing_operand("a.b ==", 7, "expected a value")]
#[case::single_equals("a.b = 1", 5, "compare with `==`")]
#[case::unclosed_parenthesis("(a.b == 1", 10, "expected `)`")]
#[case::chained_comparison("a.b == 1 == 2", 10, "do not chain")]
#[case::unknown_function("foo(1) == 1", 1, "unknown function `foo`")]
#[case::wrong_arity("age() > 3", 1, "takes 1 argument")]
#[case::unclosed_string("\"abc", 1, "not closed")]
#[case::dangling_dot("a. == 1", 2, "after `.`")]
#[case::trailing_word("a.b == 1 c", 10, "expected an operator")]
#[case::columns_count_characters("'қазақ' ==", 11, "expected a value")]
#[case::bad_escape("'a\\n'", 3, "backslash")]
#[case::in_without_value("in == 1", 1, "found `in`")]
fn syntax_errors_say_where(#[case] source: &str, #[case] column: usize, #[case] says: &str) {
    let err = Condition::parse(source).unwrap_err();
    assert_eq!(err.column, column, "{err:?}");
    assert!(err.reason.contains(says), "{err:?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let source = format!("{}true{}", "(".repeat(500), ")".repeat(500));
    let err = Condition::parse(&source).unwrap_err();
    assert!(err.reason.contains("too deeply"));
    let source = format!("{}true", "!".repeat(500));
    assert!(Condition::parse(&source).is_err());
}

#[rstest]
#[case::equal_numbers("a.n == 3", Truth::True)]
#[case::number_order("a.n > 2.5 && a.n <= 3", Truth::True)]
#[case::text_in_list("a.t in [\"x\", \"y\"]", Truth::True)]
#[case::text_not_in_list("a.t in [\"z\"]", Truth::False)]
#[case::choice_in_answer("\"b\" in a.multi", Truth::True)]
#[case::count_of_answer("count(a.multi) == 2", Truth::True)]
#[case::count_of_missing_is_zero("count(a.none) == 0", Truth::True)]
#[case::missing_compares_unknown("a.none == 1", Truth::Unknown)]
#[case::not_unknown_is_unknown("!(a.none == 1)", Truth::Unknown)]
#[case::false_and_unknown_is_false("a.n == 4 && a.none == 1", Truth::False)]
#[case::true_or_unknown_is_true("a.none == 1 || a.yes == true", Truth::True)]
#[case::different_types_are_unequal("a.t == 1", Truth::False)]
#[case::different_types_differ("a.t != 1", Truth::True)]
#[case::different_types_have_no_order("a.t < 1", Truth::Unknown)]
#[case::dates_as_strings("a.d < \"2000-01-01\"", Truth::True)]
#[case::age_in_whole_years("age(a.d) == 35", Truth::True)]
#[case::today_is_passed_in("today() == \"2026-03-01\"", Truth::True)]
#[case::arithmetic("age(a.d) - a.n == 32", Truth::True)]
#[case::negation("-a.n < 0", Truth::True)]
fn evaluation(#[case] source: &str, #[case] expected: Truth) {
    let answers = json!({"a.n": 3, "a.t": "x", "a.multi": ["a", "b"], "a.yes": true,
                         "a.d": "1990-05-14"});
    assert_eq!(eval(source, answers), expected);
}

#[rstest]
#[case::day_before_birthday("2016-02-29", "2026-02-28", 9.0)]
#[case::leap_birthday_counts_on_first_of_march("2016-02-29", "2026-03-01", 10.0)]
#[case::on_birthday("1990-05-14", "2026-05-14", 36.0)]
fn age_counts_whole_years(#[case] born: &str, #[case] on: &str, #[case] years: f64) {
    let answers: BTreeMap<String, Value> = serde_json::from_value(json!({"p.born": born})).unwrap();
    let condition = Condition::parse(&format!("age(p.born) == {years}")).unwrap();
    assert_eq!(condition.eval(&answers, day(on)), Truth::True);
}

#[test]
fn age_of_a_future_date_is_unknown() {
    assert_eq!(
        eval("age(a.d) >= 0", json!({"a.d": "2030-01-01"})),
        Truth::Unknown
    );
    assert_eq!(
        eval("age(a.d) >= 0", json!({"a.d": "not a date"})),
        Truth::Unknown
    );
}

#[test]
fn strings_may_use_either_quote_and_escapes() {
    let c = Condition::parse(r#"a.t == 'it\'s' || a.t == "say \"hi\"""#).unwrap();
    assert_eq!(c.to_string(), r#"a.t == "it's" || a.t == "say \"hi\"""#);
    assert_eq!(
        eval(r#"a.t == 'it\'s'"#, json!({"a.t": "it's"})),
        Truth::True
    );
}

#[test]
fn references_are_listed_in_order() {
    let c = Condition::parse("a.b == 1 && count(c.d) > age(e.f)").unwrap();
    let paths: Vec<&str> = c.references().iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["a.b", "c.d", "e.f"]);
}

fn leaf() -> impl Strategy<Value = Node> {
    let node = |expr| Node { expr, pos: 0 };
    prop_oneof![
        (0u32..1000).prop_map(move |n| node(Expr::Number(f64::from(n) / 4.0))),
        "[a-z \"'\\\\қ]{0,6}".prop_map(move |s| node(Expr::Text(s))),
        any::<bool>().prop_map(move |b| node(Expr::Bool(b))),
        "[a-z][a-z_]{0,4}\\.[a-z][a-z0-9_]{0,4}".prop_map(move |path| node(Expr::Ref(Ref {
            path,
            target: Target::Unbound,
        }))),
        Just(node(Expr::Call(Func::Today, vec![]))),
    ]
}

fn tree() -> impl Strategy<Value = Node> {
    leaf().prop_recursive(5, 48, 4, |inner| {
        let node = |expr| Node { expr, pos: 0 };
        let cmp = prop_oneof![
            Just(CmpOp::Eq),
            Just(CmpOp::Ne),
            Just(CmpOp::Lt),
            Just(CmpOp::Le),
            Just(CmpOp::Gt),
            Just(CmpOp::Ge),
        ];
        let bin = prop_oneof![
            Just(BinOp::And),
            Just(BinOp::Or),
            Just(BinOp::Add),
            Just(BinOp::Sub),
        ];
        prop_oneof![
            inner
                .clone()
                .prop_map(move |x| node(Expr::Not(Box::new(x)))),
            inner
                .clone()
                .prop_map(move |x| node(Expr::Neg(Box::new(x)))),
            (bin, inner.clone(), inner.clone()).prop_map(move |(op, a, b)| node(Expr::Binary(
                op,
                Box::new(a),
                Box::new(b)
            ))),
            (cmp, inner.clone(), inner.clone()).prop_map(move |(op, a, b)| node(Expr::Compare(
                op,
                Box::new(a),
                Box::new(b)
            ))),
            (inner.clone(), prop::collection::vec(inner.clone(), 0..3)).prop_map(
                move |(a, items)| node(Expr::In(Box::new(a), Box::new(node(Expr::List(items)))))
            ),
            inner
                .clone()
                .prop_map(move |x| node(Expr::Call(Func::Age, vec![x]))),
            inner.prop_map(move |x| node(Expr::Call(Func::Count, vec![x]))),
        ]
    })
}

fn answer() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        (-1e9f64..1e9).prop_map(|n| json!(n)),
        "[a-z0-9-]{0,10}".prop_map(Value::String),
        Just(json!("2016-02-29")),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(Value::Array)
    })
}

proptest! {
    /// Printing a tree and parsing the text gives the same tree back: the printer's
    /// parentheses match the parser's precedence.
    #[test]
    fn print_then_parse_is_identity(tree in tree()) {
        let text = tree.to_string();
        let back = Condition::parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e:?}")))?;
        prop_assert_eq!(back.root(), &tree, "{}", text);
    }

    /// Evaluating any condition against any answers on any day returns, never panics.
    #[test]
    fn evaluation_is_total(
        tree in tree(),
        answers in prop::collection::btree_map("[a-z][a-z_]{0,4}\\.[a-z][a-z0-9_]{0,4}", answer(), 0..6),
        days in -50_000i64..50_000,
    ) {
        let condition = Condition::parse(&tree.to_string()).unwrap();
        let today = day("2000-01-01") + chrono::Duration::days(days);
        let _ = condition.eval(&answers, today);
    }

    /// No text makes the parser panic.
    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        let _ = Condition::parse(&text);
    }
}
