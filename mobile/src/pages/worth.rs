//! What each path is worth to this family, on the contract screen: the quota path's support
//! for the family the answers describe, this year, in tenge where the year's MCI is published
//! (else in MCI, saying the MCI is not yet published), and what general grounds ask instead
//! (the means test). Both from `kosh_shared::worth`, offline.

use chrono::Datelike;
use dioxus::prelude::*;
use kosh_shared::worth::{self, MeansAsked, QuotaWorth};

use crate::catalog::{CatalogStore, use_catalog};
use crate::components::{Card, Icon};
use crate::i18n::{args, use_i18n};
use crate::store::use_store;
use crate::store::vault::Vault;
use crate::view::today;
use crate::view::worth::{means_lines, worth_view};

/// Both sides for the saved draft's family on today's policy; `None` when the phone holds no
/// policy in force. Without the draft's form the family is one person and nothing is known of
/// the applicant's origin.
fn both_sides(
    vault: Signal<Vault>,
    catalog: Signal<CatalogStore>,
) -> Option<(QuotaWorth, Option<MeansAsked>)> {
    let c = catalog.read();
    let cat = c.catalog();
    let v = vault.read();
    let s = v.state();
    let policy = cat.policy(today())?;
    Some(match cat.form_of(&s.draft) {
        Some(form) => worth::for_answers(policy, form, &s.draft.answers(), today()),
        None => {
            let year = today().year();
            (
                worth::quota_worth(policy, year, 1),
                worth::means_test(policy, year, None, None),
            )
        }
    })
}

/// [`both_sides`] as a memo of the store and the catalog.
fn use_both_sides() -> Memo<Option<(QuotaWorth, Option<MeansAsked>)>> {
    let vault = use_store();
    let catalog = use_catalog();
    use_memo(move || both_sides(vault, catalog))
}

/// The quota side: each measure for this family, the total, the year's MCI and the source.
#[component]
pub fn Worth() -> Element {
    let tr = use_i18n();
    let sides = use_both_sides();
    let t = tr.read();
    let Some((quota, _)) = sides() else {
        return rsx! {};
    };
    let view = worth_view(&t, &quota);
    rsx! {
        Card { icon: "money", title: view.title.clone(),
            p { class: "quiet", {view.family.clone()} }
            ul { class: "worth",
                for line in view.lines.iter() {
                    li { key: "{line.measure}",
                        strong { {line.name.clone()} }
                        p { class: "worth-amount", {line.amount.clone()} }
                        p { class: "quiet", {line.basis.clone()} }
                        if line.is_band {
                            p { class: "notice warn", {t.t("ui-worth-band-note")} }
                        } else if line.uncertain {
                            p { class: "quiet", {t.t("disclaimer-uncertain")} }
                        }
                    }
                }
            }
            p { strong { {view.total.clone()} } }
            p { class: if view.mci_published { "quiet" } else { "not-published" },
                if !view.mci_published { Icon { name: "clock" } " " }
                {view.mci.clone()}
            }
            p { class: "quiet", {t.t_args("ui-worth-source", &args(&[("source", t.t("source-support").into())]))} }
        }
    }
}

/// The general-grounds side: the means test for this family, in the general-grounds card.
#[component]
pub fn MeansAskedList() -> Element {
    let tr = use_i18n();
    let sides = use_both_sides();
    let t = tr.read();
    let Some((_, Some(means))) = sides() else {
        return rsx! {};
    };
    let lines = means_lines(&t, &means);
    rsx! {
        li { class: "means",
            strong { {t.t("ui-worth-general-title")} }
            for (i, text) in lines.into_iter().enumerate() {
                p { key: "{i}", {text} }
            }
            if means.uncertain {
                p { class: "quiet", {t.t("disclaimer-uncertain")} }
            }
            p { class: "quiet", {t.t_args("ui-worth-source", &args(&[("source", t.t("ui-worth-source-means").into())]))} }
        }
    }
}
