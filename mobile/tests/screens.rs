//! Every screen rendered with dioxus-ssr in Kazakh and Russian (and Latin Kazakh for settings),
//! asserting on what a person reads: real words in the chosen language, numbers from the shared
//! rules, and never a raw message key.

use std::rc::Rc;

use chrono::{Duration, Utc};
use dioxus::prelude::*;
use kosh_locales::{Lang, Translator};
use kosh_mobile::app::{Boot, Root, RootProps};
use kosh_mobile::store::vault::{STATE_KEY, Saved};
use kosh_mobile::store::{MemoryStore, save_json};
use kosh_shared::api::{Application, Contract};
use kosh_shared::status::Stage;
use serde_json::json;

/// Render the app at `route` with the saved state `setup` leaves, and return the page's text
/// (tags, styles and attributes removed) together with the raw HTML.
fn render(lang: Lang, route: &str, setup: impl FnOnce(&mut Saved)) -> (String, String) {
    let store = Rc::new(MemoryStore::new());
    let mut saved = Saved::fresh();
    kosh_mobile::i18n::choose(&mut saved.prefs, lang);
    saved.onboarded = true;
    setup(&mut saved);
    save_json(store.as_ref(), STATE_KEY, &saved).unwrap();
    let boot = Boot {
        store,
        initial_route: Some(route.to_owned()),
        sync: false,
    };
    let mut dom = VirtualDom::new_with_props(Root, RootProps::builder().boot(boot).build());
    dom.rebuild_in_place();
    let html = dioxus_ssr::render(&dom);
    (visible_text(&html), html)
}

/// The text between tags, without `<style>` contents, entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        out.push(' ');
        let after = &rest[start..];
        if after.starts_with("<style") {
            let end = after
                .find("</style>")
                .map_or(after.len(), |i| i + "</style>".len());
            rest = &after[end..];
            continue;
        }
        let end = after.find('>').map_or(after.len(), |i| i + 1);
        rest = &after[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Fail when any message key leaked into the text instead of words, or a message was shown
/// with a variable left unfilled.
fn assert_no_raw_keys(text: &str) {
    assert!(
        !text.contains("{$") && !text.contains("{ $"),
        "unfilled variable in: {text}"
    );
    for prefix in [
        "ui-",
        "mobile-",
        "form-",
        "error-",
        "validation-",
        "stage-",
        "outcome-",
        "region-",
        "support-",
        "criterion-",
        "disclaimer-",
        "source-",
        "reports-",
    ] {
        for (i, _) in text.match_indices(prefix) {
            let before = text[..i].chars().last();
            let is_word_start = before.is_none_or(|c| !c.is_alphanumeric());
            assert!(
                !is_word_start,
                "raw key starting {prefix:?} in: …{}…",
                &text[i..(i + 40).min(text.len())]
            );
        }
    }
}

/// Kazakh text uses at least some of the letters Russian does not have.
fn assert_kazakh_letters(text: &str) {
    assert!(
        text.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)),
        "no Kazakh letters in: {text}"
    );
}

fn tr(lang: Lang) -> Translator {
    Translator::new(lang)
}

/// Submitted 20 days ago, three stages passed, now in the interagency checks.
fn application(expected_by_days_from_now: i64) -> Application {
    kosh_shared::testing::application(
        Utc::now() - Duration::days(20),
        // Submitted, scored, checked: waiting on the interview.
        3,
        Some(Utc::now() + Duration::days(expected_by_days_from_now)),
    )
}

fn contract() -> Contract {
    kosh_shared::testing::contract()
}

#[test]
fn first_run_lists_every_language_in_its_own_name() {
    let (text, _) = render(Lang::Ru, "/", |s| {
        s.onboarded = false;
        s.prefs.language = None;
    });
    for name in [
        "Қазақша",
        "Qazaqşa",
        "Русский",
        "Oʻzbekcha",
        "中文",
        "English",
    ] {
        assert!(text.contains(name), "{name} missing: {text}");
    }
    assert_no_raw_keys(&text);
}

#[test]
fn welcome_offers_the_questionnaire_without_an_account_in_kazakh_and_russian() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, _) = render(lang, "/", |s| s.onboarded = false);
        let t = tr(lang);
        assert!(text.contains(&t.t("ui-welcome-title")), "{text}");
        assert!(text.contains(&t.t("ui-welcome-start")));
        assert!(text.contains(&t.t("ui-welcome-have-account")));
        assert_no_raw_keys(&text);
    }
    let (kk, _) = render(Lang::Kk, "/", |s| s.onboarded = false);
    assert!(kk.contains("Қош келдіңіз"));
}

#[test]
fn home_shows_progress_stage_contract_and_sync_state() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, _) = render(lang, "/", |s| {
            s.applications = vec![application(3)];
            s.contract = Some(contract());
        });
        let t = tr(lang);
        assert!(text.contains(&t.t("ui-home-title")), "{text}");
        assert!(text.contains(&t.t("stage-interview")), "{text}");
        assert!(text.contains(&t.t("region-pavlodar")));
        assert!(text.contains(&t.t("ui-sync-saved-local")));
        assert!(text.contains(&t.t("ui-nav-settings")));
        assert_no_raw_keys(&text);
    }
    let (kk, _) = render(Lang::Kk, "/", |_| {});
    assert!(kk.contains("Басты бет"));
    assert_kazakh_letters(&kk);
    // "0 of N sections" with N the relevant sections of the shared form.
    let form = kosh_shared::form::residence_2026().unwrap();
    let total = form
        .sections_progress(&std::collections::BTreeMap::new(), Utc::now().date_naive())
        .total;
    let (ru, _) = render(Lang::Ru, "/", |_| {});
    assert!(ru.contains(&format!("Заполнено 0 из {total}")), "{ru}");
}

#[test]
fn a_section_screen_shows_its_questions_kinds_and_progress() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, html) = render(lang, "/form/0", |_| {});
        let t = tr(lang);
        assert!(text.contains(&t.t("form-section-personal")), "{text}");
        assert!(text.contains(&t.t("form-q-personal-surname")));
        assert!(text.contains(&t.t("ui-yes")) && text.contains(&t.t("ui-no")));
        // A birth date in three boxes: day, the month by name, year.
        assert!(
            html.contains("id=\"q-personal-birth_date-month\""),
            "{html}"
        );
        assert!(html.contains("id=\"q-personal-birth_date-year\""));
        assert!(text.contains(&t.t("ui-date-day")) && text.contains(&t.t("ui-date-year")));
        assert!(html.contains("type=\"radio\""), "single choice as radios");
        assert!(
            html.contains("type=\"search\""),
            "country list is searchable"
        );
        assert_no_raw_keys(&text);
    }
    let (kk, _) = render(Lang::Kk, "/form/0", |_| {});
    assert!(kk.contains("Өзіңіз туралы") && kk.contains("Тегі"), "{kk}");
    assert!(kk.contains("1-бөлім"), "{kk}");
}

#[test]
fn skip_logic_shows_the_kandas_section_only_to_ethnic_kazakhs() {
    let count = |yes: bool| {
        let (text, _) = render(Lang::Ru, "/form/0", |s| {
            let draft_id = s.draft.id.clone();
            let op = s
                .draft
                .edit(
                    "op1".into(),
                    "personal.is_ethnic_kazakh",
                    json!(yes),
                    kosh_shared::hlc::Hlc::new(1, 0, "d-test").unwrap(),
                )
                .unwrap();
            assert_eq!(op.draft_id, draft_id);
        });
        text
    };
    let with = count(true);
    let without = count(false);
    let form = kosh_shared::form::residence_2026().unwrap();
    let all = form.sections().len();
    assert!(with.contains(&format!("Раздел 1 из {all}")), "{with}");
    assert!(
        without.contains(&format!("Раздел 1 из {}", all - 1)),
        "{without}"
    );
}

#[test]
fn a_wrong_answer_is_explained_under_its_question() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, html) = render(lang, "/form/0", |s| {
            s.draft
                .edit(
                    "op1".into(),
                    "personal.birth_date",
                    json!("2990-01-01"),
                    kosh_shared::hlc::Hlc::new(1, 0, "d-test").unwrap(),
                )
                .unwrap();
        });
        let t = tr(lang);
        assert!(text.contains(&t.t("validation-date_too_late")), "{text}");
        assert!(html.contains("class=\"field-error\""));
        // Missing required answers are not flagged before the person tries to go on.
        assert!(!text.contains(&t.t("validation-required")));
    }
}

#[test]
fn an_answer_replaced_by_another_device_is_shown_as_such() {
    let (text, _) = render(Lang::Ru, "/form/0", |s| {
        let me = s.device_id().to_owned();
        s.draft
            .edit(
                "op1".into(),
                "personal.surname",
                json!("Нұрланұлы"),
                kosh_shared::hlc::Hlc::new(1, 0, me).unwrap(),
            )
            .unwrap();
        s.draft
            .edit(
                "op2".into(),
                "personal.surname",
                json!("Nurlanuly"),
                kosh_shared::hlc::Hlc::new(2, 0, "d-other").unwrap(),
            )
            .unwrap();
    });
    assert!(text.contains("Изменено на другом устройстве"), "{text}");
    assert!(text.contains("Нұрланұлы"));
}

#[test]
fn review_lists_what_is_missing_with_links() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, html) = render(lang, "/review", |_| {});
        let t = tr(lang);
        assert!(text.contains(&t.t("ui-review-missing-title")), "{text}");
        assert!(text.contains(&t.t("form-q-personal-surname")));
        assert!(text.contains(&t.t("validation-required")));
        assert!(html.contains("href=\"/form/0\""), "links to the section");
        assert_no_raw_keys(&text);
    }
    let (kk, _) = render(Lang::Kk, "/review", |_| {});
    assert!(kk.contains("Әлі толтырылмаған"));
}

#[test]
fn score_shows_points_pass_mark_and_disclaimer() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, _) = render(lang, "/score", |s| {
            answer_all(
                s,
                [
                    ("personal.birth_date", json!("1990-05-14")),
                    ("education.level", json!("bachelor")),
                    ("languages.kazakh", json!("b1")),
                ],
            )
        });
        let t = tr(lang);
        assert!(text.contains("400"), "{text}");
        assert!(text.contains(&t.t("disclaimer-score")));
        assert!(text.contains(&t.t("ui-score-not-published")));
        assert!(text.contains(&t.t("criterion-education")));
        assert!(text.contains(&t.t("ui-score-raise-title")));
        assert_no_raw_keys(&text);
    }
}

#[test]
fn status_shows_the_timeline_and_says_when_a_stage_is_late() {
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        let (late, _) = render(lang, "/status", |s| s.applications = vec![application(-4)]);
        assert!(late.contains(&t.t("ui-status-overdue")), "{late}");
        for stage in Stage::ALL {
            assert!(late.contains(&t.t(&format!("stage-{}", stage.id()))));
        }
        assert_no_raw_keys(&late);
        let (on_time, _) = render(lang, "/status", |s| s.applications = vec![application(4)]);
        assert!(!on_time.contains(&t.t("ui-status-overdue")));
        assert!(on_time.contains(&t.t("ui-status-next-title")));
    }
    let (kk, _) = render(Lang::Kk, "/status", |s| {
        s.applications = vec![application(-4)]
    });
    assert!(kk.contains("Бұл кезең әдеттегіден ұзаққа созылып жатыр."));
    // A passed stage says "passed" once, with its date, not "done · date · passed".
    let passed = tr(Lang::Kk).t("outcome-passed");
    assert!(kk.contains(&format!("{passed} · ")), "{kk}");
    assert!(!kk.contains(&format!(" · {passed}")), "{kk}");
}

#[test]
fn contract_screen_counts_down_warns_and_shows_the_other_path() {
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        let (text, _) = render(lang, "/contract", |s| s.contract = Some(contract()));
        assert!(text.contains(&t.t("ui-whatif-title")), "{text}");
        assert!(text.contains(&t.t("ui-general-title")));
        // What general grounds ask instead: the screening, and the funds unless ethnic Kazakh.
        assert!(text.contains(&t.t("ui-general-screening")), "{text}");
        assert!(text.contains(&t.t("ui-general-funds-exempt")), "{text}");
        assert!(text.contains(&t.number(1_320)), "{text}");
        assert!(text.contains(&t.t("region-pavlodar")));
        assert!(text.contains(&t.tenge(1_211_000)), "{text}");
        assert!(text.contains(&t.t("disclaimer-refund-uncertain")));
        assert!(text.contains(&t.t("source-refund")));
        assert_no_raw_keys(&text);
        let (empty, _) = render(lang, "/contract", |_| {});
        assert!(empty.contains(&t.t("ui-contract-none")));
        assert_no_raw_keys(&empty);
    }
    let (kk, _) = render(Lang::Kk, "/contract", |s| s.contract = Some(contract()));
    assert!(kk.contains("Көшіп кетсек ше?"));
}

#[test]
fn settings_in_kazakh_all_three_scripts_and_russian() {
    let (kk, _) = render(Lang::Kk, "/settings", |_| {});
    assert!(kk.contains(&tr(Lang::Kk).t("ui-settings-title")));
    assert_kazakh_letters(&kk);
    assert_no_raw_keys(&kk);
    let (latin, _) = render(Lang::KkLatn, "/settings", |_| {});
    let title = tr(Lang::KkLatn).t("ui-settings-title");
    assert!(latin.contains(&title), "{latin}");
    assert!(
        title.chars().all(|c| !('\u{400}'..='\u{4ff}').contains(&c)),
        "Latin: {title}"
    );
    // Arabic-script Kazakh: right to left, every word transliterated, offered as a script.
    let (arab, html) = render(Lang::KkArab, "/settings", |_| {});
    let title = tr(Lang::KkArab).t("ui-settings-title");
    assert!(arab.contains(&title), "{arab}");
    assert!(
        title.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
        "{title}"
    );
    assert!(html.contains("dir=\"rtl\""), "{html}");
    assert!(html.contains("lang=\"kk-Arab\""));
    assert!(arab.contains("قازاقشا"));
    assert_no_raw_keys(&arab);
    let (_, html) = render(Lang::Kk, "/settings", |_| {});
    assert!(html.contains("dir=\"ltr\""));
    let (ru, _) = render(Lang::Ru, "/settings", |s| {
        s.last_sync_ms = Some(1_772_359_200_000); // 1 March 2026, 10:00 UTC
    });
    assert!(ru.contains("Настройки") && ru.contains("Размер текста"));
    assert!(
        ru.contains("Последняя отправка:") && ru.contains("марта 2026"),
        "{ru}"
    );
    assert_no_raw_keys(&ru);
}

#[test]
fn account_screen_never_requires_sms() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, _) = render(lang, "/account", |_| {});
        let t = tr(lang);
        // Opens on logging in ("I already have an account"), one tap from creating one.
        assert!(text.contains(&t.t("ui-auth-login-title")));
        assert!(text.contains(&t.t("ui-auth-to-register")));
        assert!(text.contains(&t.t("ui-auth-no-sms")));
        assert!(text.contains(&t.t("ui-auth-later")));
        assert_no_raw_keys(&text);
    }
}

#[test]
fn an_unknown_address_offers_the_way_home() {
    let (text, _) = render(Lang::Kk, "/nowhere/at/all", |_| {});
    assert!(text.contains(&tr(Lang::Kk).t("mobile-not-found-title")));
    assert_no_raw_keys(&text);
}

#[test]
fn every_section_with_example_answers_shows_every_kind_in_words() {
    let form = kosh_shared::form::residence_2026().unwrap();
    let examples = form.example_answers();
    let relevance = form.relevance(&examples, Utc::now().date_naive());
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        let mut seen_kinds = std::collections::BTreeSet::new();
        for (position, section) in form.sections().iter().enumerate() {
            let (text, html) = render(lang, &format!("/form/{position}"), |s| {
                for (i, q) in form.questions().enumerate() {
                    s.draft
                        .edit(
                            format!("op{i}").into(),
                            q.id.clone(),
                            q.example.clone(),
                            kosh_shared::hlc::Hlc::new(1 + i as u64, 0, "d-test").unwrap(),
                        )
                        .unwrap();
                }
            });
            assert!(
                text.contains(&t.t(&section.title_key)),
                "{}: {text}",
                section.id
            );
            for q in section.questions.iter().filter(|q| relevance.field(&q.id)) {
                seen_kinds.insert(format!("{:?}", q.kind));
                assert!(text.contains(&t.t(&q.label_key)), "{}: {text}", q.id);
                for child in &q.questions {
                    assert!(
                        text.contains(&t.t(&child.label_key)),
                        "{}: {text}",
                        child.id
                    );
                }
            }
            assert!(
                !html.contains("class=\"field-error\""),
                "examples are valid: {}",
                section.id
            );
            assert_no_raw_keys(&text);
        }
        assert_eq!(
            seen_kinds.len(),
            12,
            "every question kind appears: {seen_kinds:?}"
        );
    }
}

/// Submitted 20 days ago and passed by officers up to the interview (with the timeline the
/// server writes, the pending entry of each stage included), due `expected_by_days_from_now`.
fn served_application(expected_by_days_from_now: i64) -> Application {
    let sent = Utc::now() - Duration::days(20);
    let mut app = kosh_shared::testing::application_at("app-42", Stage::Interview, sent, sent);
    app.expected_by = Some(Utc::now() + Duration::days(expected_by_days_from_now));
    app
}

#[test]
fn status_offers_a_report_of_the_current_stage_and_marks_who_said_each_stage() {
    for lang in [Lang::Kk, Lang::Ru, Lang::KkArab] {
        let t = tr(lang);
        let (text, html) = render(lang, "/status", |s| {
            s.applications = vec![served_application(4)]
        });
        assert!(text.contains(&t.t("reports-title")), "{text}");
        assert!(html.contains("id=\"report-sheet\""));
        for outcome in ["passed", "failed", "refused"] {
            assert!(
                text.contains(&t.t(&format!("outcome-{outcome}"))),
                "{outcome}: {text}"
            );
        }
        assert!(text.contains(&t.t("reports-mark-confirmed")), "{text}");
        assert!(!text.contains(&t.t("reports-mark-pending")));
        assert!(
            !text.contains(&t.t("reports-enquiry-title")),
            "on time: no enquiry"
        );
        assert_no_raw_keys(&text);
    }
}

#[test]
fn a_report_kept_on_the_phone_shows_as_pending_and_never_as_confirmed() {
    let lang = Lang::Kk;
    let t = tr(lang);
    let app = served_application(4);
    let (text, _) = render(lang, "/status", |s| {
        s.reports = vec![kosh_mobile::store::reports::PendingReport::new(
            app.id.clone(),
            kosh_shared::api::StageReportRequest {
                stage: Stage::Interview,
                outcome: kosh_shared::status::Outcome::Passed,
                on: kosh_mobile::view::today(),
                note: None,
            },
        )];
        s.applications = vec![app.clone()];
    });
    assert!(text.contains(&t.t("reports-mark-pending")), "{text}");
    assert!(text.contains(&t.t("reports-saved")), "{text}");
    // The next stage is offered now: the decision's notice says approved or refused.
    assert!(text.contains(&t.t("outcome-approved")), "{text}");
    assert_no_raw_keys(&text);
}

#[test]
fn a_late_stage_offers_the_enquiry_in_kazakh_and_russian_whatever_the_language() {
    for lang in [Lang::Kk, Lang::Ru, Lang::En, Lang::ZhHans, Lang::KkArab] {
        let t = tr(lang);
        let (text, html) = render(lang, "/status", |s| {
            s.applications = vec![served_application(-4)]
        });
        assert!(text.contains(&t.t("reports-enquiry-title")), "{text}");
        assert!(text.contains(&t.t("reports-enquiry-copy")), "{text}");
        // The text box holds the enquiry itself: in Kazakh, then in Russian.
        let enquiry = &html[html.find("id=\"enquiry-text\"").expect("the text box")..];
        let kk = enquiry.find(&Translator::new(Lang::Kk).t("stage-interview"));
        let ru = enquiry.find(&Translator::new(Lang::Ru).t("stage-interview"));
        assert!(kk.is_some() && ru.is_some() && kk < ru, "{enquiry}");
        assert!(enquiry.contains("app-42"), "{enquiry}");
        assert_no_raw_keys(&text);
    }
}

#[test]
fn deadlines_list_the_dates_with_calendar_files_and_say_when_a_stage_is_late() {
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        let (text, _) = render(lang, "/deadlines", |s| {
            s.contract = Some(contract());
            s.applications = vec![application(-4)];
        });
        assert!(text.contains(&t.t("ui-deadlines-title")), "{text}");
        // The contract of 1 March 2026 ends on 1 March 2031, written DD.MM.YYYY.
        assert!(text.contains(&t.t("ui-deadlines-contract_end")), "{text}");
        assert!(text.contains("01.03.2031"), "{text}");
        assert!(text.contains(&t.t("ui-deadlines-late")), "{text}");
        assert!(text.contains(&t.t("ui-deadlines-add")), "{text}");
        assert!(text.contains(&t.t("ui-deadlines-add-all")), "{text}");
        assert_no_raw_keys(&text);
        let (empty, _) = render(lang, "/deadlines", |_| {});
        assert!(empty.contains(&t.t("ui-deadlines-none")), "{empty}");
        assert!(!empty.contains(&t.t("ui-deadlines-add")), "{empty}");
        assert_no_raw_keys(&empty);
    }
    let (kk, _) = render(Lang::Kk, "/deadlines", |s| s.contract = Some(contract()));
    assert_kazakh_letters(&kk);
    // The status screen and home link to it.
    for route in ["/", "/status"] {
        let (text, _) = render(Lang::Ru, route, |s| s.applications = vec![application(4)]);
        assert!(
            text.contains(&tr(Lang::Ru).t("ui-deadlines-open")),
            "{route}: {text}"
        );
    }
}

#[test]
fn the_contract_screen_says_what_the_quota_brings_this_family() {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let policy = kosh_shared::policy::Policy::builtins()
        .unwrap()
        .iter()
        .rev()
        .find(|p| p.in_force_on(today))
        .expect("a bundle in force today");
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        // Two members move with the applicant: a family of three.
        let (text, _) = render(lang, "/contract", |s| {
            s.contract = Some(contract());
            let rows = json!([
                {"relation": "spouse", "birth_date": "1990-01-01", "moves_with_me": true},
                {"relation": "child", "birth_date": "2020-01-01", "moves_with_me": true},
            ]);
            for (i, (field, value)) in [
                ("personal.is_ethnic_kazakh", json!(true)),
                ("family.has_members", json!(true)),
                ("family.members", rows),
            ]
            .into_iter()
            .enumerate()
            {
                let hlc = kosh_shared::hlc::Hlc::new(1_000 + i as u64, 0, "d-test").unwrap();
                s.draft
                    .edit(kosh_shared::ids::OpId(format!("o{i}")), field, value, hlc)
                    .unwrap();
            }
        });
        assert!(
            text.contains(&t.t_args("ui-worth-title", &{
                let mut a = kosh_locales::FluentArgs::new();
                a.set("year", today.year().to_string());
                a
            })),
            "{text}"
        );
        assert!(text.contains(&t.t("ui-worth-band-note")), "{text}");
        let worth = kosh_shared::worth::quota_worth(policy, today.year(), 3);
        let relocation = &worth.measures[0];
        assert_eq!(relocation.measure, "relocation_subsidy");
        match relocation.total_kzt {
            // 70 MCI for each of the three, in tenge.
            Some(kzt) => assert!(text.contains(&t.tenge(kzt.max)), "{text}"),
            None => assert!(
                text.contains(&t.t_args("ui-worth-mci-not-published", &{
                    let mut a = kosh_locales::FluentArgs::new();
                    a.set("year", today.year().to_string());
                    a
                })),
                "{text}"
            ),
        }
        // An ethnic Kazakh by the answers: exempt from the means test.
        assert!(text.contains(&t.t("ui-worth-means-exempt")), "{text}");
        assert!(text.contains(&t.t("ui-worth-source-means")), "{text}");
        assert_no_raw_keys(&text);
    }
}

/// Gives the draft these answers, each stamped after the one before.
fn answer_all<const N: usize>(s: &mut Saved, answers: [(&str, serde_json::Value); N]) {
    for (i, (field, value)) in answers.into_iter().enumerate() {
        s.draft
            .edit(
                format!("op{i}").into(),
                field,
                value,
                kosh_shared::hlc::Hlc::new(1 + i as u64, 0, "d-test").unwrap(),
            )
            .unwrap();
    }
}

/// A foreign worker's draft: the answers that decide the checklist, and the passport ticked.
fn foreign_worker_with_a_tick(s: &mut Saved) {
    answer_all(
        s,
        [
            ("personal.citizenship", json!("RU")),
            ("personal.is_ethnic_kazakh", json!(false)),
            ("citizenship.current_status", json!("citizen")),
            ("family.has_members", json!(false)),
            ("documents.passport", json!({"done": true})),
        ],
    )
}

#[test]
fn checklist_counts_what_is_missing_and_shows_each_papers_rules() {
    for lang in [Lang::Kk, Lang::Ru] {
        let (text, html) = render(lang, "/checklist", foreign_worker_with_a_tick);
        let t = tr(lang);
        assert!(text.contains(&t.t("checklist-title")), "{text}");
        assert!(
            text.contains(&t.t("documents-item-proof_of_funds")),
            "{text}"
        );
        assert!(text.contains(&t.t("checklist-for-family")), "{text}");
        assert!(!text.contains(&t.t("documents-item-kandas_application")));
        // The passport's box is ticked, the others are not.
        let passport = html
            .find("id=\"tick-passport\"")
            .expect("the passport's tick");
        let tag = &html[html[..passport].rfind('<').unwrap()..];
        assert!(tag[..tag.find('>').unwrap()].contains("checked"), "{tag}");
        assert!(
            html.contains("id=\"issued-medical_certificate\""),
            "asks when it was issued"
        );
        assert_no_raw_keys(&text);
    }
    let (kk, _) = render(Lang::Kk, "/checklist", foreign_worker_with_a_tick);
    assert_kazakh_letters(&kk);
    assert!(kk.contains("Дайын емес: 11 құжаттың 10"), "{kk}");
}

#[test]
fn summary_is_in_kazakh_and_russian_whatever_the_apps_language() {
    let (text, html) = render(Lang::ZhHans, "/summary", foreign_worker_with_a_tick);
    assert!(
        text.contains(&tr(Lang::ZhHans).t("summary-print")),
        "{text}"
    );
    for lang in [Lang::Kk, Lang::Ru] {
        let t = tr(lang);
        assert!(text.contains(&t.t("summary-title")), "{text}");
        assert!(text.contains(&t.t("form-q-personal-citizenship")), "{text}");
        assert!(text.contains(&t.t("disclaimer-score")), "{text}");
        assert!(html.contains(&format!("lang=\"{}\"", lang.tag())));
    }
    assert_no_raw_keys(&text);
}
