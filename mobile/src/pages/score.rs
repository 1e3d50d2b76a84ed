//! The preliminary self-check: the total against the 400-point pass mark, each criterion's
//! points, what would raise the score, and the plain disclaimer that the official table is not
//! published and the official system's result governs. All numbers come from
//! `kosh_shared::score` with the policy's table.

use dioxus::prelude::*;
use kosh_shared::api::PolicyStatus;
use kosh_shared::form::Question;
use kosh_shared::score::{Target, score};
use serde_json::Value;

use crate::catalog::use_catalog;
use crate::components::{ButtonKind, ButtonLink, Card, Icon, InlineError, forward_arrow};
use crate::i18n::{args, use_i18n};
use crate::route::Route;
use crate::store::use_store;
use crate::view::form::value_text;
use crate::view::today;

/// The words for a suggestion's target answer.
fn target_text(
    tr: &kosh_locales::Translator,
    question: Option<&Question>,
    target: &Target,
) -> String {
    match target {
        Target::Answer { yes } => tr.t(if *yes { "ui-yes" } else { "ui-no" }),
        Target::AtLeast { value } => format!("≥ {value}"),
        Target::Choose { value } => match question {
            Some(q) => value_text(tr, q, &Value::String(value.clone())),
            None => value.clone(),
        },
    }
}

/// The score screen.
#[component]
pub fn Score() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let catalog = use_catalog();
    let report = use_memo(move || {
        let c = catalog.read();
        let policy = c.catalog().policy(today())?;
        Some(score(
            &vault.read().state().draft.answers(),
            today(),
            policy.scoring(),
        ))
    });
    let t = tr.read();
    let c = catalog.read();
    let v = vault.read();
    let (Some(report), Some(form)) = (report(), c.catalog().form_of(&v.state().draft)) else {
        return rsx! { InlineError { text: t.t("error-unknown") } };
    };
    let summary = &report.summary;
    let missing_points = summary.pass_mark.saturating_sub(summary.total);
    let illustrative = summary.status == PolicyStatus::Illustrative;
    rsx! {
        main { class: "page score",
            h1 { Icon { name: "score" } " " {t.t("ui-score-title")} }
            if illustrative {
                p { class: "notice warn", Icon { name: "warning" } " " {t.t("ui-score-illustrative")} }
            }
            section { class: "card",
                p { class: "score-total", {t.t_args("ui-score-total", &args(&[("points", summary.total.into())]))} }
                p { {t.t_args("ui-score-pass-mark", &args(&[("points", summary.pass_mark.into())]))} }
                if report.passes {
                    p { class: "notice ok", {t.t("ui-score-above")} }
                } else {
                    p { class: "notice warn", {t.t_args("ui-score-below", &args(&[("missing", missing_points.into())]))} }
                }
            }
            Card { icon: "check", title: t.t("mobile-score-criteria"),
                ul { class: "criteria",
                    for c in summary.criteria.iter() {
                        li { key: "{c.id}",
                            div { class: "row",
                                strong { {t.t(&format!("criterion-{}", c.id))} }
                                " · "
                                span { {t.t_args("ui-score-criterion", &args(&[("points", c.points.into()), ("max", c.max.into())]))} }
                            }
                            div { class: "meter", role: "img", "aria-hidden": "true",
                                div { style: "inline-size: {percent(c.points, c.max)}%" }
                            }
                        }
                    }
                }
            }
            if !report.suggestions.is_empty() {
                Card { icon: "next", title: t.t("ui-score-raise-title"),
                    ul { class: "criteria",
                        for (i, s) in report.suggestions.iter().enumerate() {
                            li { key: "{i}",
                                p { {t.t(&format!("criterion-{}-raise", s.criterion))} }
                                p { class: "quiet",
                                    {form.question(&s.question).map(|q| t.t(&q.label_key)).unwrap_or_default()}
                                    ": "
                                    {target_text(&t, form.question(&s.question), &s.target)}
                                    {forward_arrow(t.lang().is_rtl())}
                                    strong { {t.t_args("mobile-score-gain", &args(&[("points", s.gain.into())]))} }
                                }
                            }
                        }
                    }
                }
            }
            if !report.unanswered.is_empty() {
                p { class: "hint", {t.t("mobile-score-unanswered")} }
                ButtonLink { kind: ButtonKind::Secondary, to: Route::Questionnaire { section: 0 }, {t.t("ui-home-draft-continue")} }
            }
            p { class: "notice", {t.t("disclaimer-score")} }
        }
    }
}

fn percent(points: u32, max: u32) -> u32 {
    (points.min(max) * 100).checked_div(max).unwrap_or(0)
}
