//! Review and submit: what is still missing, each with a link to its section, the answers by
//! section, and the submit button with plain words for why it may not work yet (no account, no
//! connection, answers the server found wrong).

use dioxus::prelude::*;

use crate::catalog::use_catalog;
use crate::components::{Button, ButtonKind, ButtonLink, Card, Icon, InlineError, section_icon};
use crate::error::AppError;
use crate::i18n::{args, error_text, use_i18n};
use crate::pages::{LeftBehind, MoveOffer};
use crate::route::Route;
use crate::store::use_store;
use crate::sync::{self, now_ms, server_for};
use crate::view::form::{SectionAnswers, answered_sections, missing};
use crate::view::today;

/// The review screen.
#[component]
pub fn Review() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let nav = use_navigator();
    let mut busy = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let mut need_account = use_signal(|| false);
    let catalog = use_catalog();

    // What is missing and what was answered, in words: recomputed when the draft or the
    // language changes, not on every render.
    let review = use_memo(move || {
        // The draft's own version: the one the server checks the submission against.
        let c = catalog.read();
        let t = tr.read();
        let v = vault.read();
        let draft = &v.state().draft;
        let form = c.catalog().form_of(draft)?;
        let policy = c.catalog().policy(today())?;
        let expired = form.valid_until().is_some_and(|until| until < today())
            && c.catalog().newer_form(draft, today()).is_some();
        Some((
            missing(&t, form, policy, draft, today()),
            answered_sections(&t, form, draft, today()),
            expired,
        ))
    });
    let t = tr.read();
    let Some((gaps, sections, expired)) = review() else {
        return rsx! {
            main { class: "page review",
                MoveOffer {}
                InlineError { text: t.t("ui-form-version-missing") }
            }
        };
    };
    let (submitted, signed_in) = {
        let v = vault.read();
        (v.state().is_submitted(), v.state().session.is_some())
    };

    let submit = move |_| {
        if *busy.peek() {
            return;
        }
        busy.set(true);
        problem.set(None);
        need_account.set(false);
        spawn(async move {
            // Bound first: a guard held across the await below would block saving.
            let server = server_for(&vault.peek());
            let result = match server {
                Ok(server) => sync::submit(&server, &vault, &now_ms).await,
                Err(e) => Err(e),
            };
            busy.set(false);
            let t = tr.peek();
            match result {
                Ok(_) => {
                    nav.push(Route::Status {});
                }
                Err(AppError::SignedOut) => {
                    need_account.set(true);
                    problem.set(Some(t.t("ui-review-submit-need-account")));
                }
                Err(e) if e.is_transient() => problem.set(Some(t.t("ui-review-submit-offline"))),
                Err(e) => problem.set(Some(error_text(&t, &e))),
            }
        });
    };

    rsx! {
        main { class: "page review",
            h1 { Icon { name: "check" } " " {t.t("ui-review-title")} }
            MoveOffer {}
            LeftBehind {}
            if submitted {
                p { class: "notice", {t.t("ui-review-submitted")} }
                ButtonLink { kind: ButtonKind::Primary, to: Route::Status {}, {t.t("ui-home-application-open")} }
            } else if gaps.is_empty() {
                p { class: "notice ok", {t.t("ui-review-all-done")} }
            } else {
                Card { icon: "warning", title: t.t("ui-review-missing-title"),
                    p { {t.t_args("ui-review-missing-count", &args(&[("count", (gaps.len() as u64).into())]))} }
                    ul { class: "missing",
                        for (i, gap) in gaps.iter().enumerate() {
                            li { key: "{i}",
                                Link { to: Route::Questionnaire { section: gap.position },
                                    strong { {gap.question.clone()} }
                                    span { class: "quiet", " · {gap.section_title}" }
                                }
                                p { class: "field-error", {gap.problem.clone()} }
                            }
                        }
                    }
                }
            }
            if !submitted {
                p { {t.t("ui-review-intro")} }
            }
            for SectionAnswers { position, id, title, lines } in sections {
                section { key: "{id}", class: "card",
                    h2 { class: "card-title",
                        Icon { name: section_icon(&id) }
                        span { {title} }
                    }
                    if lines.is_empty() {
                        p { class: "quiet", {t.t("ui-review-no-answer")} }
                    }
                    dl { class: "answers",
                        for (i, (label, value)) in lines.into_iter().enumerate() {
                            div { key: "{i}",
                                dt { {label} }
                                dd { {value} }
                            }
                        }
                    }
                    if !submitted {
                        ButtonLink { kind: ButtonKind::Link, to: Route::Questionnaire { section: position }, {t.t("ui-edit")} }
                    }
                }
            }
            if !submitted {
                if let Some(text) = problem.read().clone() {
                    InlineError { text }
                }
                if *need_account.read() || !signed_in {
                    p { class: "hint", {t.t("ui-review-submit-need-account")} }
                    ButtonLink { kind: ButtonKind::Secondary, to: Route::Account {}, {t.t("ui-settings-sign-in")} }
                }
                Button {
                    kind: ButtonKind::Primary,
                    // A version no longer in use must move first (the offer above says so).
                    disabled: !gaps.is_empty() || expired || *busy.read(),
                    onclick: submit,
                    if *busy.read() { {t.t("ui-review-submitting")} } else { {t.t("ui-review-submit")} }
                }
                p { class: "hint", {t.t("ui-review-submit-confirm")} }
            }
        }
    }
}
