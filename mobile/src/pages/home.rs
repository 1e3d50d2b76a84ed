//! Home: the application's stage, the kandas contract (if the family has one), how far the
//! questionnaire is, and the way to the score. Until the first-run screens are done it shows
//! those instead.

use dioxus::prelude::*;
use kosh_shared::form::residence_2026;

use crate::components::{ButtonKind, ButtonLink, Card, Icon, ProgressBar};
use crate::i18n::{args, use_i18n};
use crate::pages::Welcome;
use crate::pages::kandas::ContractSummary;
use crate::route::Route;
use crate::store::use_store;
use crate::view::form::{progress, relevant_sections};
use crate::view::today;

/// The home screen.
#[component]
pub fn Home() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    if !vault.read().state().onboarded {
        return rsx! { Welcome {} };
    }
    let t = tr.read();
    let v = vault.read();
    let s = v.state();
    let day = today();
    let submitted = s.is_submitted();
    let application = s
        .applications
        .iter()
        .max_by_key(|a| a.submitted_at)
        .cloned();
    let has_contract = s.contract.is_some();
    let (done, total, first_open) = match residence_2026() {
        Ok(form) => {
            let (done, total) = progress(form, &s.draft, day);
            // The first asked section with something missing, to continue where it stopped.
            let answers = s.draft.answers();
            let sections = relevant_sections(form, &answers, day);
            let first_open = sections
                .iter()
                .position(|(_, sec)| {
                    kosh_shared::validate::validate_section(
                        form,
                        &sec.id,
                        &answers,
                        &crate::view::form::env(day),
                    )
                    .map(|r| !r.errors.is_empty())
                    .unwrap_or(false)
                })
                .unwrap_or(0);
            (done, total, first_open)
        }
        Err(_) => (0, 0, 0),
    };
    let started = !s.draft.answers().is_empty();
    drop(v);
    rsx! {
        main { class: "page home",
            h1 { {t.t("ui-home-title")} }
            Card { icon: "status", title: t.t("ui-home-application-title"),
                if let Some(app) = application {
                    p {
                        {t.t_args("ui-home-application-stage", &args(&[
                            ("stage", t.t(&format!("stage-{}", app.stage.id())).into()),
                            ("outcome", t.t(&format!("outcome-{}", app.outcome.id())).into()),
                        ]))}
                    }
                    if kosh_shared::status::is_overdue(&app, chrono::Utc::now()) {
                        p { class: "notice warn", Icon { name: "clock" } " " {t.t("ui-status-overdue")} }
                    }
                    ButtonLink { kind: ButtonKind::Secondary, to: Route::Status {}, {t.t("ui-home-application-open")} }
                } else {
                    p { {t.t("ui-home-application-none")} }
                }
            }
            Card { icon: "form", title: t.t("ui-home-draft-title"),
                ProgressBar {
                    done,
                    total,
                    label: t.t_args("ui-home-draft-progress", &args(&[("done", (done as u64).into()), ("total", (total as u64).into())])),
                }
                if submitted {
                    p { {t.t("ui-home-draft-sent")} }
                } else if total > 0 && done == total {
                    p { {t.t("ui-home-draft-complete")} }
                    ButtonLink { kind: ButtonKind::Primary, to: Route::Review {}, {t.t("ui-form-to-review")} }
                } else {
                    ButtonLink {
                        kind: ButtonKind::Primary,
                        to: Route::Questionnaire { section: first_open },
                        if started { {t.t("ui-home-draft-continue")} } else { {t.t("ui-home-draft-start")} }
                    }
                }
            }
            Card { icon: "contract", title: t.t("ui-home-contract-title"),
                if has_contract {
                    ContractSummary {}
                    ButtonLink { kind: ButtonKind::Secondary, to: Route::Kandas {}, {t.t("ui-home-contract-open")} }
                } else {
                    p { {t.t("ui-home-contract-none")} }
                    ButtonLink { kind: ButtonKind::Secondary, to: Route::Kandas {}, {t.t("ui-home-contract-add")} }
                }
            }
            ButtonLink { kind: ButtonKind::Link, to: Route::Score {}, Icon { name: "score" } " " {t.t("ui-home-score-open")} }
        }
    }
}
