//! The papers to bring, computed on the phone from the draft and the policy the catalog holds
//! (no connection needed): what is still missing first, then each person's papers with what,
//! why, the translation and age rules, where to hand it in, and a large tick. A tick is a draft
//! answer (`documents.<entry>`), saved at once and synced like every answer. The day of the
//! visit, kept on the phone, lets the screen warn of a paper that will be too old by then.

use dioxus::prelude::*;
use kosh_shared::tick::Tick;

use crate::catalog::use_catalog;
use crate::components::{ButtonKind, ButtonLink, Card, DateInput, Icon, InlineError};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::store::use_store;
use crate::sync::{now_ms, use_sync};
use crate::view::checklist::{ChecklistView, Freshness, ItemView, checklist_view, whole_date};
use crate::view::date::date_words;
use crate::view::today;

/// The checklist screen.
#[component]
pub fn Checklist() -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let sync = use_sync();
    let catalog = use_catalog();
    let mut save_error = use_signal(|| false);
    let view = use_memo(move || {
        let c = catalog.read();
        let v = vault.read();
        let s = v.state();
        let form = c.catalog().form_of(&s.draft)?;
        let policy = c.catalog().policy(today())?;
        Some(checklist_view(
            &tr.read(),
            form,
            policy,
            &s.draft.answers(),
            today(),
            s.visit_on,
        ))
    });
    let t = tr.read();
    let Some(ChecklistView {
        missing,
        count,
        groups,
        ..
    }) = view()
    else {
        return rsx! {
            main { class: "page checklist",
                InlineError { text: t.t("ui-form-version-missing") }
            }
        };
    };
    let visit_on = vault.read().state().visit_on;
    let words = date_words(&t);

    // A tick written as a draft answer: saved with its outbox entry in one write, then synced.
    let mut write_tick = move |field: String, tick: Tick| match vault.write().answer(
        &field,
        tick.to_value(),
        now_ms(),
    ) {
        Ok(_) => {
            save_error.set(false);
            sync.changed();
        }
        Err(_) => save_error.set(true),
    };
    let set_visit = move |answer: Option<String>| {
        // Only a whole date counts; the boxes keep a partial one as typed.
        let Some(day) = whole_date(answer.as_deref()) else {
            return;
        };
        let saved = vault.write().update(|s| {
            s.visit_on = day;
            Ok(())
        });
        save_error.set(saved.is_err());
    };

    rsx! {
        main { class: "page checklist",
            h1 { Icon { name: "check" } " " {t.t("checklist-title")} }
            p { class: if missing == 0 { "notice ok checklist-count" } else { "notice warn checklist-count" },
                role: "status",
                {count}
            }
            if *save_error.read() {
                InlineError { text: t.t("mobile-error-storage") }
            }
            p { class: "hint", {t.t("checklist-intro")} }
            Card { icon: "calendar", title: t.t("checklist-visit-title"),
                DateInput {
                    id: "visit-on",
                    value: visit_on.map(|d| d.to_string()).unwrap_or_default(),
                    words: words.clone(),
                    on_change: set_visit,
                }
                p { class: "hint", {t.t("checklist-visit-hint")} }
            }
            for group in groups {
                section { key: "{group.holder.id()}", class: "card checklist-group",
                    "data-holder": "{group.holder.id()}",
                    h2 { class: "card-title", {group.title.clone()} }
                    ul { class: "papers",
                        for item in group.items {
                            PaperRow {
                                key: "{item.id}",
                                item: item.clone(),
                                words: words.clone(),
                                issued_label: t.t("checklist-issued-on"),
                                on_tick: move |(field, tick): (String, Tick)| write_tick(field, tick),
                            }
                        }
                    }
                }
            }
            ButtonLink { kind: ButtonKind::Secondary, to: Route::Summary {}, Icon { name: "form" } " " {t.t("summary-open")} }
        }
    }
}

/// One paper: its tick, what it is and the rules it keeps, and its issue date when it has an age
/// limit.
#[component]
fn PaperRow(
    item: ItemView,
    words: crate::view::date::DateWords,
    issued_label: String,
    on_tick: EventHandler<(String, Tick)>,
) -> Element {
    let id = item.id.replace('.', "-");
    let warn = matches!(item.freshness, Freshness::TooOld | Freshness::TooOldByVisit);
    let toggle = {
        let item = item.clone();
        move |_| on_tick.call((item.field.clone(), item.ticked(!item.done)))
    };
    let set_issued = {
        let item = item.clone();
        move |answer: Option<String>| {
            let Some(day) = whole_date(answer.as_deref()) else {
                return;
            };
            on_tick.call((item.field.clone(), item.issued(day)));
        }
    };
    rsx! {
        li { class: if item.done { "paper done" } else { "paper" }, "data-entry": "{item.id}",
            label { class: "tick",
                input {
                    r#type: "checkbox",
                    id: "tick-{id}",
                    checked: item.done,
                    onchange: toggle,
                }
                span { class: "tick-box", "aria-hidden": "true" }
                span { class: "paper-title",
                    strong { {item.title.clone()} }
                }
            }
            div { class: "paper-facts",
                p { class: "quiet", {item.path.clone()} }
                if let Some(text) = &item.translation {
                    p { Icon { name: "language" } " " {text.clone()} }
                }
                if let Some(text) = &item.max_age {
                    p { Icon { name: "clock" } " " {text.clone()} }
                }
                if let Some(text) = &item.valid_for {
                    p { Icon { name: "clock" } " " {text.clone()} }
                }
                p { class: "quiet", {item.place.clone()} }
                if let Some(text) = &item.uncertain {
                    p { class: "quiet", Icon { name: "warning" } " " {text.clone()} }
                }
                if item.asks_issue_date {
                    div { class: "issued",
                        span { class: "date-label", {issued_label} }
                        DateInput {
                            id: "issued-{id}",
                            value: item.tick.issued_on.map(|d| d.to_string()).unwrap_or_default(),
                            words,
                            on_change: set_issued,
                        }
                    }
                }
                if let Some(text) = &item.date_note {
                    p { class: if warn { "notice warn" } else { "quiet" }, role: if warn { "alert" } else { "status" },
                        if warn { Icon { name: "warning" } " " }
                        {text.clone()}
                    }
                }
            }
        }
    }
}
