//! The status screen's report of an official notice, in two taps: what the notice said (the
//! outcomes `view::report::choices` allows at the current stage), then its date (today unless
//! changed) and save. The report goes into the phone's report outbox (`store::reports`) in one
//! write and the sync service is asked to send it; offline it waits there. Also the mark of who
//! said each stage, and a report the server refused, with what is wrong and a way to change or
//! drop it. Unlike the lookup-free widgets beside it, these save through the store, so they take
//! the application as the view model computed it and do their own words.

use dioxus::prelude::*;
use kosh_shared::api::Application;
use kosh_shared::status::Outcome;

use crate::catalog::use_catalog;
use crate::components::{Button, ButtonKind, ChoiceButton, DateInput, Icon, InlineError};
use crate::i18n::{args, use_i18n};
use crate::store::reports::PendingReport;
use crate::store::use_store;
use crate::sync::use_sync;
use crate::view::date::{date_words, numeric};
use crate::view::report::{EntryMark, choices, refusal_key, report_for};
use crate::view::today;
use crate::view::words::error_text;

/// "Did you get a message?" for the current stage of `known` (the application as the person
/// knows it). `replacing` is the id of a refused report this one takes the place of, and
/// `initial` what that report said, to start from.
#[component]
pub fn ReportSheet(
    known: Application,
    #[props(default)] replacing: Option<String>,
    #[props(default)] initial: Option<(Outcome, String)>,
    #[props(default)] on_done: Option<EventHandler<()>>,
) -> Element {
    let tr = use_i18n();
    let catalog = use_catalog();
    let mut vault = use_store();
    let sync = use_sync();
    let start = initial.clone();
    let mut chosen = use_signal(|| start.as_ref().map(|(o, _)| *o));
    let start = initial.clone();
    let mut date = use_signal(move || start.map_or_else(|| today().to_string(), |(_, d)| d));
    let mut problem = use_signal(|| None::<String>);
    let t = tr.read();
    let c = catalog.read();
    let Some(policy) = c.catalog().policy(today()) else {
        return rsx! {};
    };
    let offered = choices(&known, policy);
    if offered.is_empty() {
        return rsx! {};
    }
    let stage_name = t.t(&format!("stage-{}", known.stage.id()));
    let app = known.clone();
    let replacing_id = replacing.clone();
    let mut save = move |outcome: Outcome| {
        let held = catalog.peek();
        let Some(policy) = held.catalog().policy(today()) else {
            return;
        };
        let words = tr.peek();
        match report_for(&app, outcome, Some(&date.peek()), today(), policy) {
            Ok(request) => {
                let report = PendingReport::new(app.id.clone(), request);
                match vault.write().add_report(report, replacing_id.as_deref()) {
                    Ok(()) => {
                        problem.set(None);
                        chosen.set(None);
                        sync.now();
                        if let Some(done) = on_done {
                            done.call(());
                        }
                    }
                    Err(e) => problem.set(Some(error_text(&words, &e))),
                }
            }
            Err(p) => problem.set(Some(words.t(p.label_key()))),
        }
    };
    rsx! {
        section { class: "card report-sheet", id: "report-sheet", "aria-labelledby": "report-sheet-title",
            h2 { class: "card-title", id: "report-sheet-title",
                Icon { name: "phone" }
                span { {t.t("reports-title")} }
            }
            p { class: "quiet", strong { {stage_name} } }
            p { {t.t("reports-intro")} }
            div { class: "stack report-choices", role: "group", "aria-labelledby": "report-sheet-title",
                for outcome in offered {
                    ChoiceButton {
                        key: "{outcome.id()}",
                        selected: chosen() == Some(outcome),
                        pressed: true,
                        onclick: move |_| {
                            problem.set(None);
                            chosen.set(Some(outcome));
                        },
                        {t.t(&format!("outcome-{}", outcome.id()))}
                    }
                }
            }
            if let Some(outcome) = chosen() {
                div { class: "field",
                    label { class: "field-label", r#for: "report-on", {t.t("reports-date-label")} }
                    DateInput { id: "report-on", value: date(), words: date_words(&t),
                        on_change: move |d: Option<String>| {
                            problem.set(None);
                            date.set(d.unwrap_or_default());
                        }
                    }
                }
                if let Some(text) = problem() {
                    InlineError { text }
                }
                div { class: "stack",
                    Button { kind: ButtonKind::Primary, onclick: move |_| save(outcome), {t.t("reports-confirm")} }
                    Button { onclick: move |_| {
                            problem.set(None);
                            chosen.set(None);
                            if let Some(done) = on_done {
                                done.call(());
                            }
                        },
                        {t.t("ui-cancel")}
                    }
                }
            }
        }
    }
}

/// Who said a stage's latest entry, in words (`text`) and a look that tells a confirmed step
/// from a reported one at a glance.
#[component]
pub fn SourceMark(mark: EntryMark, text: String) -> Element {
    let icon = match mark {
        EntryMark::Confirmed => "check",
        EntryMark::Kosh => "cloud",
        EntryMark::Reported => "warning",
        EntryMark::Pending => "phone",
    };
    rsx! {
        p { class: "mark mark-{mark.id()}", Icon { name: icon } " " {text} }
    }
}

/// A report the server did not take: what it said, why not in the person's words, and the way
/// to change it (a new report in its place) or drop it. Nothing is lost until they choose.
#[component]
pub fn RefusedReport(report: PendingReport, known: Application) -> Element {
    let tr = use_i18n();
    let mut vault = use_store();
    let mut changing = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let t = tr.read();
    let r = &report.request;
    let what = t.t_args(
        "reports-refused-what",
        &args(&[
            ("stage", t.t(&format!("stage-{}", r.stage.id())).into()),
            (
                "outcome",
                t.t(&format!("outcome-{}", r.outcome.id())).into(),
            ),
            ("date", numeric(r.on).into()),
        ]),
    );
    let why =
        refusal_key(&report).map(|key| t.try_t(&key, None).unwrap_or_else(|| t.t("error-unknown")));
    let id = report.id.clone();
    let initial = Some((r.outcome, r.on.to_string()));
    rsx! {
        div { class: "notice warn refused-report", role: "alert",
            p { strong { Icon { name: "warning" } " " {t.t("reports-refused-title")} } }
            p { {what} }
            if let Some(why) = why {
                p { {why} }
            }
            if let Some(text) = problem() {
                InlineError { text }
            }
            if changing() {
                ReportSheet { known, replacing: Some(report.id.clone()), initial,
                    on_done: move |()| changing.set(false) }
            } else {
                div { class: "stack",
                    Button { kind: ButtonKind::Primary, onclick: move |_| changing.set(true), {t.t("reports-fix")} }
                    Button { onclick: move |_| {
                            if let Err(e) = vault.write().drop_report(&id) {
                                problem.set(Some(error_text(&tr.peek(), &e)));
                            }
                        },
                        {t.t("reports-drop")}
                    }
                }
            }
        }
    }
}
