use kosh_locales::Lang;
use kosh_shared::draft::Draft;
use kosh_shared::hlc::Hlc;
use kosh_shared::migration::plan;
use kosh_shared::validate::Env;
use serde_json::json;

use super::*;
use crate::catalog::Catalog;

use kosh_shared::testing::builtin_policy as policy;
fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn support_for_a_year_not_published_says_so_and_labels_the_last_years_amount() {
    let tr = Translator::new(Lang::En);
    let rows = support_rows(&tr, policy(), day("2026-12-02"));
    let moving = rows
        .iter()
        .find(|r| r.measure == "relocation_subsidy")
        .unwrap();
    assert_eq!(moving.name, tr.t("support-relocation_subsidy"));
    let [this, next] = moving.years.as_slice() else {
        panic!("2026 and 2027: {:?}", moving.years);
    };
    let amount = tr.tenge(70 * 4325);
    assert_eq!(
        this,
        &YearAmount::Published {
            text: format!("2026: {amount} for each family member, once")
        }
    );
    let YearAmount::NotYetPublished { text, last } = next else {
        panic!("2027 is not published: {next:?}");
    };
    assert_eq!(text, "2027: not published yet.");
    assert_eq!(
        last.as_deref(),
        Some(format!("In 2026 it was: {amount} for each family member, once").as_str())
    );
    // The rent band keeps its range and months.
    let rent = rows.iter().find(|r| r.measure == "rent_utilities").unwrap();
    assert!(rent.uncertain);
    let YearAmount::Published { text } = &rent.years[0] else {
        panic!()
    };
    assert!(text.contains(&tr.tenge(15 * 4325)) && text.contains(&tr.tenge(30 * 4325)));
    assert!(text.contains("12 months"), "{text}");
}

#[test]
fn a_year_the_table_does_not_list_has_no_line() {
    let tr = Translator::new(Lang::Ru);
    assert_eq!(support_years(policy(), day("2026-03-01")), [2026, 2027]);
    assert_eq!(support_years(policy(), day("2027-01-02")), [2027]);
    let rows = support_rows(&tr, policy(), day("2027-01-02"));
    for row in &rows {
        assert!(
            row.years
                .iter()
                .all(|y| matches!(y, YearAmount::NotYetPublished { last: Some(_), .. })),
            "2027 has no MCI in the 2026 bundle, never a number carried forward: {row:?}"
        );
    }
}

#[test]
fn the_stale_warning_names_the_last_day_of_the_rules_shown() {
    let tr = Translator::new(Lang::En);
    let until = Some(day("2026-12-31"));
    let text = stale_text(&tr, Stale::NotPublished { until });
    assert!(text.contains("not published yet") && text.contains(&tr.date(day("2026-12-31"))));
    let text = stale_text(&tr, Stale::NotReceived { until });
    assert!(text.contains("has not received"), "{text}");
}

#[test]
fn changes_are_said_in_plain_words_and_quota_news_is_narrowed_to_the_familys_region() {
    let tr = Translator::new(Lang::En);
    let changes = vec![
        Change::Mci {
            year: 2027,
            kzt: 4500,
        },
        Change::Support {
            measure: "relocation_subsidy".into(),
        },
        Change::Quota {
            region: "pavlodar".into(),
            year: 2027,
            people: Some(900),
        },
        Change::Quota {
            region: "akmola".into(),
            year: 2027,
            people: None,
        },
        Change::Stages,
    ];
    let lines = change_lines(&tr, &changes, policy(), None, day("2026-12-02"));
    assert_eq!(
        lines[0],
        format!(
            "The MCI for 2027 is published: {}. Support amounts for 2027 follow from it.",
            tr.tenge(4500)
        )
    );
    assert!(lines[1].contains(&tr.tenge(70 * 4325)), "{}", lines[1]);
    assert_eq!(lines[2], "The regional quotas for 2027 have changed.");
    assert_eq!(lines.len(), 4, "one line for a year's quotas: {lines:?}");
    let contract = kosh_shared::testing::contract(); // Pavlodar
    let lines = change_lines(&tr, &changes, policy(), Some(&contract), day("2026-12-02"));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Pavlodar") && l.contains("900"))
    );
    assert!(!lines.iter().any(|l| l.contains("Akmola")), "{lines:?}");
}

#[test]
fn every_change_has_words_in_every_language() {
    let all = vec![
        Change::Mci { year: 2027, kzt: 1 },
        Change::Support {
            measure: "new_measure".into(),
        },
        Change::SupportRemoved {
            measure: "relocation_subsidy".into(),
        },
        Change::Quota {
            region: "abai".into(),
            year: 2027,
            people: Some(1),
        },
        Change::Regions,
        Change::Stages,
        Change::Scoring,
        Change::Contract,
    ];
    let contract = kosh_shared::testing::contract();
    for lang in Lang::ALL {
        let tr = Translator::new(lang);
        let lines = change_lines(&tr, &all, policy(), None, day("2026-12-02"));
        assert_eq!(lines.len(), all.len(), "{lang}");
        for line in lines {
            assert!(
                !line.contains("ui-") && !line.contains("{"),
                "{lang}: {line}"
            );
        }
        let _ = change_lines(&tr, &all, policy(), Some(&contract), day("2026-12-02"));
    }
}

fn answered_draft() -> Draft {
    let mut d = Draft::new("d1".into(), "residence-2026".into(), 2);
    for (n, (field, value)) in [
        ("personal.surname", json!("Nurlanuly")),
        ("contacts.address", json!("Tashkent, Chilonzor 9")),
        ("skills.driving_licence", json!(true)),
    ]
    .into_iter()
    .enumerate()
    {
        d.edit(
            format!("o{n}").into(),
            field,
            value,
            Hlc::new(1_000 + n as u64, 0, "d-a").unwrap(),
        )
        .unwrap();
    }
    d
}

#[test]
fn the_move_offer_lists_every_answer_that_will_not_move_with_what_it_was() {
    let tr = Translator::new(Lang::En);
    let mut catalog = Catalog::default();
    catalog
        .take_form(kosh_shared::testing::residence_next_json(), None)
        .unwrap();
    let draft = answered_draft();
    let today = day("2027-01-10");
    let new = catalog.newer_form(&draft, today).unwrap();
    let old = catalog.form_of(&draft);
    let plan = plan(&draft, new, &Env::new(today));
    let view = move_view(&tr, &plan, old, new, today);
    assert_eq!(
        view.to_version,
        kosh_shared::testing::NEXT_RESIDENCE_VERSION
    );
    assert_eq!(view.kept, 1);
    assert_eq!(view.renamed, [tr.t("form-q-contacts-address")]);
    assert_eq!(
        view.left,
        [LeftLine {
            question: tr.t("form-q-skills-driving_licence"),
            value: tr.t("ui-yes"),
            why: tr.t("ui-move-left-gone"),
        }]
    );
    assert!(view.old_expired, "v1 ended on 2026-12-31");
    assert!(!move_view(&tr, &plan, old, new, day("2026-12-31")).old_expired);
}

#[test]
fn answers_left_behind_read_the_same_once_the_old_version_is_gone() {
    let tr = Translator::new(Lang::Ru);
    let left = vec![
        LeftAnswer {
            field: "skills.driving_licence".into(),
            label_key: Some("form-q-skills-driving_licence".into()),
            value: json!(true),
            code: None,
            version: 1,
        },
        LeftAnswer {
            field: "personal.surname".into(),
            label_key: None,
            value: json!("Nurlanuly"),
            code: Some("too_long".into()),
            version: 7,
        },
    ];
    let catalog = Catalog::default();
    let lines = left_lines(&tr, &left, |v| catalog.form("residence-2026", v));
    assert_eq!(lines[0].question, tr.t("form-q-skills-driving_licence"));
    assert_eq!(lines[0].value, tr.t("ui-yes"));
    let gone = left_lines(&tr, &left, |_| None);
    assert_eq!(gone[0].question, tr.t("form-q-skills-driving_licence"));
    assert_eq!(gone[0].value, "true");
    assert_eq!(gone[1].question, "personal.surname");
    assert!(
        gone[1].why.contains(&tr.validation("too_long")),
        "{:?}",
        gone[1]
    );
}
