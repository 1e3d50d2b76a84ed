//! Pieces of screens about the rules themselves, each reading the catalog: the notices under
//! the header (rules not in force today, a damaged saved copy, what a newer bundle changed), the
//! kandas support amounts in tenge, the offer to move a draft to a newer questionnaire version,
//! and the list of answers that did not move. The words come from `view::rules`.

use dioxus::prelude::*;
use kosh_shared::migration;

use crate::catalog::use_catalog;
use crate::components::{Button, ButtonKind, Card, Icon, InlineError};
use crate::i18n::use_i18n;
use crate::store::use_store;
use crate::sync::{now_ms, use_sync};
use crate::view::form::env;
use crate::view::rules::{
    MoveView, YearAmount, change_lines, left_lines, move_view, stale_text, support_rows,
};
use crate::view::today;

/// Under the header on every screen: the rules in use are not in force today, the saved rules
/// were damaged, or a newer bundle changed something (told until dismissed).
#[component]
pub fn RulesNotices() -> Element {
    let mut catalog = use_catalog();
    let vault = use_store();
    let tr = use_i18n();
    let view = use_memo(move || {
        let c = catalog.read();
        let cat = c.catalog();
        let t = tr.read();
        let day = today();
        let stale = cat.stale(day).map(|s| stale_text(&t, s));
        let changes = match cat.policy(day) {
            Some(policy) if !cat.notice().is_empty() => {
                let v = vault.read();
                change_lines(&t, cat.notice(), policy, v.state().contract.as_ref(), day)
            }
            _ => Vec::new(),
        };
        (stale, c.was_damaged(), changes)
    });
    let t = tr.read();
    let (stale, damaged, changes) = view();
    rsx! {
        if let Some(text) = stale {
            p { class: "notice warn", role: "status", Icon { name: "calendar" } " " {text} }
        }
        if damaged {
            p { class: "notice warn", role: "alert", {t.t("ui-rules-damaged")} }
        }
        if !changes.is_empty() {
            section { class: "card rules-changed", role: "status",
                h2 { class: "card-title", Icon { name: "warning" } span { {t.t("ui-rules-changed-title")} } }
                ul {
                    for (i, line) in changes.into_iter().enumerate() {
                        li { key: "{i}", {line} }
                    }
                }
                Button {
                    kind: ButtonKind::Secondary,
                    onclick: move |_| {
                        // Not kept if the phone cannot save: then it is shown again next start.
                        let _ = catalog.write().update(|c| c.dismiss_notice());
                    },
                    {t.t("ui-rules-changed-ok")}
                }
            }
        }
    }
}

/// The kandas support measures in tenge for this year and the next when the bundle lists it.
#[component]
pub fn SupportAmounts() -> Element {
    let catalog = use_catalog();
    let tr = use_i18n();
    let rows = use_memo(move || {
        let c = catalog.read();
        let t = tr.read();
        c.catalog()
            .policy(today())
            .map(|p| support_rows(&t, p, today()))
            .unwrap_or_default()
    });
    let t = tr.read();
    let rows = rows();
    if rows.is_empty() {
        return rsx! {};
    }
    rsx! {
        Card { icon: "money", title: t.t("ui-support-title"),
            p { class: "quiet", {t.t("ui-support-intro")} }
            ul { class: "support-amounts",
                for row in rows {
                    li { key: "{row.measure}",
                        strong { {row.name.clone()} }
                        for (i, year) in row.years.iter().enumerate() {
                            match year {
                                YearAmount::Published { text } => rsx! {
                                    p { key: "{i}", {text.clone()} }
                                },
                                YearAmount::NotYetPublished { text, last } => rsx! {
                                    p { key: "{i}", class: "not-published",
                                        Icon { name: "clock" } " " {text.clone()}
                                        if let Some(last) = last {
                                            br {}
                                            span { class: "quiet", {last.clone()} }
                                        }
                                    }
                                },
                            }
                        }
                        if row.uncertain {
                            p { class: "quiet", {t.t("disclaimer-uncertain")} }
                        }
                    }
                }
            }
        }
    }
}

/// The offer to move the draft to a newer version of its form, when the catalog holds one in
/// use today: what moves, what is renamed, and every answer that will not move with what it was.
#[component]
pub fn MoveOffer() -> Element {
    let mut vault = use_store();
    let catalog = use_catalog();
    let tr = use_i18n();
    let sync = use_sync();
    let mut failed = use_signal(|| false);
    let offer = use_memo(move || {
        let c = catalog.read();
        let cat = c.catalog();
        let v = vault.read();
        let s = v.state();
        let day = today();
        if s.is_submitted() || s.draft.cells().is_empty() {
            return None;
        }
        let new = cat.newer_form(&s.draft, day)?;
        let policy = cat.policy(day)?;
        let plan = migration::plan(&s.draft, new, &env(day, policy));
        let view = move_view(&tr.read(), &plan, cat.form_of(&s.draft), new, day);
        Some((plan, view))
    });
    let t = tr.read();
    let Some((plan, view)) = offer() else {
        return rsx! {};
    };
    let MoveView {
        kept,
        renamed,
        left,
        old_expired,
        ..
    } = view;
    rsx! {
        section { class: "card move-offer", role: "region",
            h2 { class: "card-title", Icon { name: "form" } span { {t.t("ui-move-title")} } }
            if old_expired {
                p { class: "notice warn", {t.t("ui-move-old-expired")} }
            }
            p { {t.t("ui-move-text")} }
            if kept > 0 {
                p { {t.t_args("ui-move-kept", &crate::i18n::args(&[("count", (kept as u64).into())]))} }
            }
            for (i, question) in renamed.into_iter().enumerate() {
                p { key: "r{i}", {t.t_args("ui-move-renamed", &crate::i18n::args(&[("question", question.into())]))} }
            }
            if !left.is_empty() {
                p { strong { {t.t("ui-move-left-title")} } }
                dl { class: "answers left-behind",
                    for (i, line) in left.into_iter().enumerate() {
                        div { key: "l{i}",
                            dt { {line.question} }
                            dd { {line.value} }
                            dd { class: "quiet", {line.why} }
                        }
                    }
                }
            }
            if *failed.read() {
                InlineError { text: t.t("mobile-error-storage") }
            }
            Button {
                kind: ButtonKind::Primary,
                onclick: move |_| {
                    let old = {
                        let c = catalog.peek();
                        let v = vault.peek();
                        c.catalog().form_of(&v.state().draft).cloned()
                    };
                    match vault.write().move_draft(&plan, old.as_ref(), now_ms()) {
                        Ok(_) => {
                            failed.set(false);
                            sync.changed();
                        }
                        Err(_) => failed.set(true),
                    }
                },
                {t.t("ui-move-button")}
            }
        }
    }
}

/// The answers that did not move when the draft moved, with what they were, until dismissed.
#[component]
pub fn LeftBehind() -> Element {
    let mut vault = use_store();
    let catalog = use_catalog();
    let tr = use_i18n();
    let lines = use_memo(move || {
        let c = catalog.read();
        let v = vault.read();
        let s = v.state();
        let form_id = s.draft.form_id.clone();
        left_lines(&tr.read(), &s.left_behind, |version| {
            c.catalog().form(form_id.as_str(), version)
        })
    });
    let t = tr.read();
    let lines = lines();
    if lines.is_empty() {
        return rsx! {};
    }
    rsx! {
        section { class: "card left-behind", role: "status",
            h2 { class: "card-title", Icon { name: "warning" } span { {t.t("ui-moved-title")} } }
            p { {t.t("ui-moved-text")} }
            dl { class: "answers",
                for (i, line) in lines.into_iter().enumerate() {
                    div { key: "{i}",
                        dt { {line.question} }
                        dd { {line.value} }
                        dd { class: "quiet", {line.why} }
                    }
                }
            }
            Button {
                kind: ButtonKind::Secondary,
                onclick: move |_| {
                    let _ = vault.write().dismiss_left_behind();
                },
                {t.t("ui-moved-dismiss")}
            }
        }
    }
}
