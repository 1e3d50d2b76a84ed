//! The questionnaire, one section per screen: a progress bar, every question the skip logic
//! asks right now, errors under the questions they are about, and every change saved on the
//! phone at once (and sent to the server shortly after, when there is a connection).

use std::collections::BTreeSet;

use dioxus::prelude::*;
use serde_json::Value;

use crate::catalog::use_catalog;
use crate::components::{
    Button, ButtonKind, ButtonLink, Field, Icon, InlineError, ProgressBar, section_icon,
};
use crate::i18n::{args, use_i18n};
use crate::pages::{LeftBehind, MoveOffer};
use crate::route::Route;
use crate::store::use_store;
use crate::sync::{now_ms, use_sync};
use crate::view::form::section_view;
use crate::view::today;

/// One section of the questionnaire.
#[component]
pub fn Questionnaire(section: usize) -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let sync = use_sync();
    let nav = use_navigator();
    // Sections where the person pressed "next" with answers missing: there, missing required
    // answers are pointed out too, not only wrong ones.
    let mut tried = use_signal(BTreeSet::<usize>::new);
    let mut save_error = use_signal(|| false);
    let catalog = use_catalog();

    // The section as shown: recomputed when the section (a prop, hence `use_reactive`), the
    // draft, the language or "tried" changes, not on every render.
    let view = use_memo(use_reactive((&section,), move |(section,)| {
        let c = catalog.read();
        let t = tr.read();
        let v = vault.read();
        let s = v.state();
        let form = c.catalog().form_of(&s.draft)?;
        let policy = c.catalog().policy(today())?;
        let show_required = tried.read().contains(&section);
        section_view(
            &t,
            form,
            policy,
            &s.draft,
            s.device_id(),
            section,
            show_required,
            today(),
        )
    }));
    let t = tr.read();
    let Some(view) = view() else {
        // The draft is on a version this phone has not received yet (another phone moved it).
        return rsx! {
            main { class: "page questionnaire",
                MoveOffer {}
                InlineError { text: t.t("ui-form-version-missing") }
            }
        };
    };
    let submitted = vault.read().state().is_submitted();
    let show_required = tried.read().contains(&section);
    let position = view.position;
    let total = view.total;
    let is_last = position + 1 >= total;
    let has_errors = view.blocking > 0;

    rsx! {
        main { class: "page questionnaire",
            ProgressBar {
                done: position + 1,
                total,
                label: t.t_args("ui-form-progress", &args(&[("current", (position as u64 + 1).into()), ("total", (total as u64).into())])),
            }
            h1 { class: "section-title",
                Icon { name: section_icon(&view.id) }
                span { {view.title.clone()} }
            }
            if submitted {
                p { class: "notice", {t.t("ui-home-draft-sent")} }
            }
            MoveOffer {}
            LeftBehind {}
            if *save_error.read() {
                InlineError { text: t.t("mobile-error-storage") }
            }
            if show_required && view.error_count > 0 {
                InlineError { text: t.t_args("ui-form-section-errors", &args(&[("count", (view.error_count as u64).into())])) }
            }
            fieldset { class: "questions", disabled: submitted,
                for field in view.fields.iter().cloned() {
                    Field {
                        key: "{field.spec.id}",
                        spec: field.spec.clone(),
                        value: field.value,
                        error: field.error,
                        overwritten: field.overwritten,
                        replaced: field.replaced,
                        words: field.words,
                        on_change: {
                            let id = field.spec.id.clone();
                            move |value: Value| {
                                if submitted {
                                    return;
                                }
                                match vault.write().answer(&id, value, now_ms()) {
                                    Ok(_) => {
                                        save_error.set(false);
                                        sync.changed();
                                    }
                                    Err(_) => save_error.set(true),
                                }
                            }
                        },
                    }
                }
            }
            p { class: "saved quiet", Icon { name: "phone" } " " {t.t("ui-form-saved")} }
            div { class: "step-buttons",
                if position > 0 {
                    ButtonLink { kind: ButtonKind::Secondary, to: Route::Questionnaire { section: position - 1 }, {t.t("ui-form-back")} }
                }
                Button {
                    kind: ButtonKind::Primary,
                    onclick: move |_| {
                        if has_errors && !submitted {
                            tried.write().insert(position);
                            return;
                        }
                        if is_last {
                            nav.push(Route::Review {});
                        } else {
                            nav.push(Route::Questionnaire { section: position + 1 });
                        }
                    },
                    if is_last { {t.t("ui-form-to-review")} } else { {t.t("ui-form-next")} }
                }
            }
            if !is_last {
                ButtonLink { kind: ButtonKind::Link, to: Route::Review {}, {t.t("ui-form-to-review")} }
            }
        }
    }
}
