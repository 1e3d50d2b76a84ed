//! Home: the application's stage, the kandas contract (if the family has one), how far the
//! questionnaire is, and the way to the score. Until the first-run screens are done it shows
//! those instead.

use chrono::Utc;
use dioxus::prelude::*;

use crate::catalog::use_catalog;
use crate::components::{ButtonKind, ButtonLink, Card, Icon, ProgressBar};
use crate::i18n::{args, use_i18n};
use crate::pages::kandas::ContractSummary;
use crate::pages::{LeftBehind, MoveOffer, Welcome};
use crate::route::Route;
use crate::store::use_store;
use crate::view::home::{HomeView, home};
use crate::view::today;

/// The home screen.
#[component]
pub fn Home() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let catalog = use_catalog();
    let view = use_memo(move || {
        let c = catalog.read();
        let v = vault.read();
        let s = v.state();
        let cat = c.catalog();
        let rules = cat.form_of(&s.draft).zip(cat.policy(today()));
        home(rules, s, today(), Utc::now())
    });
    if !vault.read().state().onboarded {
        return rsx! { Welcome {} };
    }
    let t = tr.read();
    let HomeView {
        application,
        is_overdue,
        has_contract,
        is_submitted: submitted,
        is_started: started,
        done,
        total,
        first_open,
    } = view();
    rsx! {
        main { class: "page home",
            h1 { {t.t("ui-home-title")} }
            MoveOffer {}
            LeftBehind {}
            Card { icon: "status", title: t.t("ui-home-application-title"),
                if let Some(app) = application {
                    p {
                        {t.t_args("ui-home-application-stage", &args(&[
                            ("stage", t.t(&format!("stage-{}", app.stage.id())).into()),
                            ("outcome", t.t(&format!("outcome-{}", app.outcome.id())).into()),
                        ]))}
                    }
                    if is_overdue {
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
            ButtonLink { kind: ButtonKind::Secondary, to: Route::Checklist {}, Icon { name: "check" } " " {t.t("checklist-open")} }
            ButtonLink { kind: ButtonKind::Link, to: Route::Score {}, Icon { name: "score" } " " {t.t("ui-home-score-open")} }
            ButtonLink { kind: ButtonKind::Link, to: Route::Deadlines {}, Icon { name: "calendar" } " " {t.t("ui-deadlines-open")} }
            ButtonLink { kind: ButtonKind::Link, to: Route::Summary {}, Icon { name: "form" } " " {t.t("summary-open")} }
        }
    }
}
