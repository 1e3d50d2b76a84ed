//! How long validating a whole residence draft takes: the app does it on every change on a
//! cheap phone, and the server on every submission, so it must stay well under a millisecond.
//! `cargo bench -p kosh-shared --bench validate` prints the times.

use std::collections::BTreeMap;
use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use kosh_shared::form::{Form, residence_2026};
use kosh_shared::validate::{Env, validate_draft};
use serde_json::{Value, json};

/// A realistic draft: every question answered as its example, a family of five and a long
/// work history, so the repeat groups and their row rules do real work.
fn realistic_draft(form: &Form) -> BTreeMap<String, Value> {
    let mut draft = form.example_answers();
    let members: Vec<Value> = ["spouse", "child", "child", "child", "parent"]
        .iter()
        .enumerate()
        .map(|(i, relation)| {
            json!({"relation": relation, "full_name": format!("Member {i}"),
                   "birth_date": format!("{}-0{}-1{}", 1960 + 12 * i, i + 1, i),
                   "citizenship": "UZ", "moves_with_me": true})
        })
        .collect();
    draft.insert("family.members".into(), Value::Array(members));
    let history: Vec<Value> = (0..8)
        .map(|i| {
            json!({"activity": if i == 0 { "study" } else { "job" },
                   "title": format!("Position {i}"), "country": "UZ",
                   "start": format!("{}-09-01", 2008 + 2 * i),
                   "ongoing": i == 7,
                   "end": format!("{}-06-30", 2010 + 2 * i)})
        })
        .collect();
    draft.insert("work.history".into(), Value::Array(history));
    draft
}

fn bench(c: &mut Criterion) {
    let form = residence_2026().expect("the built-in form loads");
    let draft = realistic_draft(form);
    let env = Env::new(NaiveDate::from_ymd_opt(2026, 3, 1).expect("a real date"));
    let report = validate_draft(form, &draft, &env);
    assert!(
        report.is_valid(),
        "the benchmark draft must be valid: {report:?}"
    );

    c.bench_function("validate whole residence draft", |b| {
        b.iter(|| validate_draft(black_box(form), black_box(&draft), black_box(&env)))
    });
    c.bench_function("relevance of the residence draft", |b| {
        b.iter(|| {
            black_box(form)
                .relevance(black_box(&draft), env.today())
                .section("kandas")
        })
    });
    c.bench_function("sections progress", |b| {
        b.iter(|| black_box(form).sections_progress(black_box(&draft), env.today()))
    });
    let source = include_str!("../forms/residence-2026.v2.json");
    c.bench_function("load and check the residence form", |b| {
        b.iter(|| Form::from_json(black_box(source)).map(|f| f.version()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
