//! Where the application stands on the whole road (the test before it, the residence permit
//! after it): every stage in order with its dates, who recorded it, and its normal duration,
//! the next step, and a plain "this stage is taking longer than usual" when it is overdue (what
//! people missed most in other trackers: silence and wrong estimates).

use chrono::{DateTime, Utc};
use dioxus::prelude::*;
use kosh_locales::Lang;
use kosh_shared::stage::{DayKind, Part};
use kosh_shared::status::{NextStep, expected_decision_by, next_step};

use crate::catalog::use_catalog;
use crate::components::{
    ButtonKind, ButtonLink, Card, EnquiryCard, EnquiryWords, Icon, InlineError, RefusedReport,
    ReportSheet, SourceMark,
};
use crate::i18n::{args, use_i18n};
use crate::route::Route;
use crate::store::reports::has_unsent;
use crate::store::use_store;
use crate::view::enquiry::{enquiry_text, facts, own_language_text};
use crate::view::report::{known, refused};
use crate::view::status::{StageState, latest_application, timeline};

/// The application screen.
#[component]
pub fn Status() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let app = use_memo(move || latest_application(&vault.read().state().applications).cloned());
    let catalog = use_catalog();
    // The enquiry is written in Kazakh and Russian whatever the app's language: on the web
    // their words are fetched when not here (kept by the service worker for offline use).
    let office_words = crate::i18n::use_words_of(&[Lang::Kk, Lang::Ru]);
    let t = tr.read();
    let c = catalog.read();
    let Some(policy) = c.catalog().policy(crate::view::today()) else {
        return rsx! { InlineError { text: t.t("error-unknown") } };
    };
    let Some(app) = app() else {
        return rsx! {
            main { class: "page",
                h1 { Icon { name: "status" } " " {t.t("ui-status-title")} }
                p { {t.t("ui-status-none")} }
                ButtonLink { kind: ButtonKind::Primary, to: Route::Questionnaire { section: 0 }, {t.t("ui-home-draft-continue")} }
            }
        };
    };
    let now = Utc::now();
    // The application as the person knows it: their reports still on this phone count, marked
    // as theirs and unsent.
    let saved = vault.read();
    let reports = &saved.state().reports;
    let known = known(&app, reports, crate::view::today(), policy);
    let refused_reports: Vec<_> = refused(&app, reports).into_iter().cloned().collect();
    let unsent = has_unsent(reports);
    drop(saved);
    let enquiry = facts(&known.app, now)
        .filter(|_| office_words == Some(true))
        .map(|f| (enquiry_text(&f), own_language_text(&t, &f)));
    let app = known.app.clone();
    let rows = timeline(&app, policy);
    let step = next_step(&app, now, policy);
    let date = |at: DateTime<Utc>| t.date(at.date_naive());
    let decision_by = expected_decision_by(&app, policy);
    rsx! {
        main { class: "page status",
            h1 { Icon { name: "status" } " " {t.t("ui-status-title")} }
            p { class: "quiet", {t.t_args("ui-status-submitted-on", &args(&[("date", date(app.submitted_at).into())]))} }
            if unsent {
                p { class: "notice", role: "status", Icon { name: "phone" } " " {t.t("reports-saved")} }
            }
            for report in refused_reports {
                RefusedReport { key: "{report.id}", report, known: app.clone() }
            }
            ButtonLink { kind: ButtonKind::Link, to: Route::Deadlines {}, Icon { name: "calendar" } " " {t.t("ui-deadlines-open")} }
            match &step {
                NextStep::Await { stage, due, overdue, then } => rsx! {
                    if *overdue {
                        div { class: "notice warn", role: "alert",
                            p { strong { Icon { name: "clock" } " " {t.t("ui-status-overdue")} } }
                            if let Some(due) = due {
                                p { {t.t_args("ui-status-overdue-days", &args(&[("days", ((now - *due).num_days().max(1) as u64).into())]))} }
                            }
                            p { {t.t("ui-status-overdue-hint")} }
                        }
                        if let Some((text, own)) = enquiry.clone() {
                            EnquiryCard { text, own, words: enquiry_words(&t) }
                        }
                    }
                    Card { icon: "next", title: t.t("ui-status-next-title"),
                        p { strong { {t.t(&format!("stage-{}", stage.id()))} } }
                        p { {t.t_args(&format!("stage-{}-hint", stage.id()), &args(&[("points", app.score.pass_mark.into())]))} }
                        if let Some(due) = due {
                            p { {t.t_args("ui-status-expected-by", &args(&[("date", date(*due).into())]))} }
                        }
                        if let Some(then) = then {
                            p { class: "quiet", Icon { name: "next" } " " {t.t(&format!("stage-{}", then.id()))} }
                        }
                    }
                    // Keyed by the stage: once a report moves the road on, the sheet starts
                    // afresh for the next stage.
                    {rsx! { ReportSheet { key: "{stage.id()}", known: app.clone() } }}
                },
                NextStep::Finished { outcome, .. } => rsx! {
                    Card { icon: "check", title: t.t(&format!("outcome-{}", outcome.id())),
                        p { {t.t("stage-decision-hint")} }
                    }
                },
            }
            ol { class: "timeline",
                for row in rows {
                    li { key: "{row.stage.id()}", class: "stage stage-{state_id(row.state)}",
                        span { class: "dot", "aria-hidden": "true" }
                        div {
                            p { class: "stage-name", strong { {t.t(&format!("stage-{}", row.stage.id()))} } }
                            p { class: "quiet",
                                // A finished stage says how it ended ("passed", "refused") in place of
                                // "done", so the same word never stands twice on one line.
                                {match (row.state, row.outcome) {
                                    (StageState::Done, Some(outcome)) => t.t(&format!("outcome-{}", outcome.id())),
                                    (StageState::Done, None) => t.t("ui-status-done"),
                                    (StageState::Current, _) => t.t("ui-status-current"),
                                    (StageState::Waiting, _) => t.t("ui-status-waiting"),
                                }}
                                if let Some(at) = row.at {
                                    {format!(" · {}", date(at))}
                                }
                                if let (StageState::Current, Some(outcome)) = (row.state, row.outcome) {
                                    {format!(" · {}", t.t(&format!("outcome-{}", outcome.id())))}
                                }
                            }
                            if let Some((days, kind)) = row.usual {
                                p { class: "quiet",
                                    {t.t_args(match kind {
                                        DayKind::Working => "ui-status-usual-working-days",
                                        DayKind::Calendar => "ui-status-usual-duration",
                                    }, &args(&[("days", days.into())]))}
                                    if row.estimate {
                                        {format!(" ({})", t.t("ui-status-estimate"))}
                                    }
                                }
                            }
                            if row.part != Part::Application {
                                p { class: "quiet", {t.t(&format!("stage-{}-hint", row.stage.id()))} }
                            }
                            if let Some(days) = row.valid_for_days {
                                p { class: "quiet", {t.t_args("ui-status-valid-for", &args(&[("days", days.into())]))} }
                            }
                            if row.state != StageState::Waiting {
                                if let Some(mark) = known.mark(row.stage) {
                                    SourceMark { mark, text: t.t(mark.label_key()) }
                                }
                            }
                            if let Some(note) = row.note {
                                p { {t.t_args("ui-status-note", &args(&[("note", note.into())]))} }
                            }
                        }
                    }
                }
            }
            p { class: "hint", {t.t_args("ui-status-whole-procedure", &args(&[("days", policy.stages().total_days.into())]))} }
            if let Some(by) = decision_by {
                p { class: "hint", {t.t_args("ui-status-expected-by", &args(&[("date", date(by).into())]))} }
            }
            p { class: "hint", {t.t_args("disclaimer-stage-durations", &args(&[("days", policy.stages().total_days.into())]))} }
        }
    }
}

fn enquiry_words(t: &kosh_locales::Translator) -> EnquiryWords {
    EnquiryWords {
        title: t.t("reports-enquiry-title"),
        intro: t.t("reports-enquiry-intro"),
        own_label: t.t("reports-enquiry-own"),
        copy: t.t("reports-enquiry-copy"),
        copied: t.t("reports-enquiry-copied"),
        copy_failed: t.t("reports-enquiry-copy-failed"),
        share: t.t("reports-enquiry-share"),
    }
}

fn state_id(state: StageState) -> &'static str {
    match state {
        StageState::Done => "done",
        StageState::Current => "current",
        StageState::Waiting => "waiting",
    }
}
