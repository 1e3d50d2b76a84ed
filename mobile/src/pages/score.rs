//! The preliminary self-check: which criteria are scored and how the person's answers stand on
//! each, what would count for more, the pass mark as a fact, and the plain statement that the
//! official points are not published (`view::score` decides what may be said; a total only
//! with an official table). All numbers come from `kosh_shared::score` with the policy's table.

use dioxus::prelude::*;
use kosh_shared::score::score;

use crate::catalog::use_catalog;
use crate::components::{ButtonKind, ButtonLink, Card, Icon, InlineError, forward_arrow};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::store::use_store;
use crate::view::score::{Standing, score_view};
use crate::view::today;

/// The score screen.
#[component]
pub fn Score() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let catalog = use_catalog();
    let t = tr.read();
    let c = catalog.read();
    let v = vault.read();
    let (Some(policy), Some(form)) = (
        c.catalog().policy(today()),
        c.catalog().form_of(&v.state().draft),
    ) else {
        return rsx! { InlineError { text: t.t("error-unknown") } };
    };
    let report = score(&v.state().draft.answers(), today(), policy.scoring());
    let view = score_view(&t, form, policy.scoring(), &report);
    let arrow = forward_arrow(t.lang().is_rtl());
    rsx! {
        main { class: "page score",
            h1 { Icon { name: "score" } " " {t.t("ui-score-title")} }
            section { class: "card",
                if let Some(total) = &view.total {
                    p { class: "score-total", {total.clone()} }
                }
                p { {view.pass_mark.clone()} }
                if let Some((verdict, good)) = &view.verdict {
                    p { class: if *good { "notice ok" } else { "notice warn" }, {verdict.clone()} }
                }
                if let Some(text) = &view.not_published {
                    p { class: "notice warn", Icon { name: "warning" } " " {text.clone()} }
                }
            }
            Card { icon: "check", title: t.t("mobile-score-criteria"),
                ul { class: "criteria",
                    for c in view.criteria.iter() {
                        li { key: "{c.id}",
                            div { class: "row",
                                strong { {c.name.clone()} }
                                " · "
                                span { class: standing_class(c.standing), {c.standing_words.clone()} }
                            }
                            if let Some((points, share)) = &c.points {
                                p { class: "quiet", {points.clone()} }
                                div { class: "meter", role: "img", "aria-hidden": "true",
                                    div { style: "inline-size: {share}%" }
                                }
                            }
                        }
                    }
                }
            }
            if !view.suggestions.is_empty() {
                Card { icon: "next", title: t.t("ui-score-raise-title"),
                    ul { class: "criteria",
                        for (i, s) in view.suggestions.iter().enumerate() {
                            li { key: "{i}",
                                p { {s.why.clone()} }
                                p { class: "quiet",
                                    {s.answer.clone()}
                                    if let Some(gain) = &s.gain {
                                        {arrow}
                                        strong { {gain.clone()} }
                                    }
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

/// How a criterion's standing is marked: good news in green, a gap in the warning colour.
fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::Helps => "standing ok",
        Standing::CouldImprove | Standing::NotAnswered => "standing warn",
        Standing::DoesNotAdd => "standing quiet",
    }
}
