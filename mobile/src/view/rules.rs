//! The rules as the screens say them: the warning when the bundle in use is not in force today,
//! what a newer bundle changed (told once), the kandas support amounts in tenge for this year
//! and the next (a year whose MCI is not published says so, with the last published year's
//! amount labelled with its own year), and what moving a draft to a newer form version does.
//! Plain functions of the policy, form, saved state and translator.

use chrono::{Datelike, NaiveDate};
use kosh_locales::{FluentArgs, Translator};
use kosh_shared::api::Contract;
use kosh_shared::form::Form;
use kosh_shared::migration::{LeftReason, MovePlan};
use kosh_shared::policy::{Figure, Policy, SupportInKzt};
use serde_json::Value;

use crate::catalog::{Change, Stale};
use crate::store::vault::LeftAnswer;
use crate::view::form::value_text;

fn args<'a>(pairs: Vec<(&'a str, String)>) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in pairs {
        out.set(name, value);
    }
    out
}

/// The warning shown on every screen while the bundle in use is not in force today.
pub fn stale_text(tr: &Translator, stale: Stale) -> String {
    let (key, until) = match stale {
        Stale::NotPublished { until } => ("ui-rules-not-published", until),
        Stale::NotReceived { until } => ("ui-rules-not-received", until),
    };
    let date = until.map(|d| tr.date(d)).unwrap_or_default();
    tr.t_args(key, &args(vec![("date", date)]))
}

/// A support measure's name; a measure this build has no words for gets "other support".
pub fn support_name(tr: &Translator, measure: &str) -> String {
    tr.try_t(&format!("support-{measure}"), None)
        .unwrap_or_else(|| tr.t("support-other"))
}

/// A support amount in words: the measure's own sentence (`support-<id>-amount`) when there is
/// one, else the amount or the range in tenge.
pub fn amount_text(tr: &Translator, support: &SupportInKzt) -> String {
    let range = support.per_payment;
    let mut a = FluentArgs::new();
    a.set("amount", tr.tenge(range.max));
    a.set("min", tr.tenge(range.min));
    a.set("max", tr.tenge(range.max));
    a.set("months", support.payments);
    tr.try_t(&format!("support-{}-amount", support.measure), Some(&a))
        .unwrap_or_else(|| {
            if range.min == range.max {
                tr.tenge(range.max)
            } else {
                format!("{} – {}", tr.tenge(range.min), tr.tenge(range.max))
            }
        })
}

/// One year's line of a support measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearAmount {
    /// "2026: 302 750 ₸ for each family member, once".
    Published { text: String },
    /// "2027: not published yet", and the last published year's amount with its year.
    NotYetPublished { text: String, last: Option<String> },
}

/// One support measure with its amounts by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportRow {
    pub measure: String,
    pub name: String,
    pub years: Vec<YearAmount>,
    /// The bundle marks the measure's rule as not confirmed.
    pub uncertain: bool,
}

/// The years the support card shows on `today`: this year, and the next when the bundle's MCI
/// table lists it (published or not).
pub fn support_years(policy: &Policy, today: NaiveDate) -> Vec<i32> {
    let year = today.year();
    let next = policy.mci_table().iter().any(|m| m.year == year + 1);
    std::iter::once(year)
        .chain(next.then_some(year + 1))
        .collect()
}

/// The support measures in tenge for the years of [`support_years`], per family member where
/// the measure is paid per member (as its sentence says).
pub fn support_rows(tr: &Translator, policy: &Policy, today: NaiveDate) -> Vec<SupportRow> {
    let years = support_years(policy, today);
    policy
        .support_measures()
        .iter()
        .map(|m| SupportRow {
            measure: m.id.clone(),
            name: support_name(tr, &m.id),
            uncertain: m.provenance.uncertain,
            years: years
                .iter()
                // Per member measures are shown for one person; the error is a measure that
                // does not exist yet that year, which has no line.
                .filter_map(|&year| policy.support(&m.id, year, 1).ok())
                .map(|figure| year_amount(tr, &figure))
                .collect(),
        })
        .collect()
}

fn year_amount(tr: &Translator, figure: &Figure<SupportInKzt>) -> YearAmount {
    match figure {
        Figure::Published { year, value } => YearAmount::Published {
            text: tr.t_args(
                "ui-support-year",
                &args(vec![
                    ("year", year.to_string()),
                    ("amount", amount_text(tr, value)),
                ]),
            ),
        },
        Figure::NotYetPublished { year, last } => YearAmount::NotYetPublished {
            text: tr.t_args(
                "ui-support-not-published",
                &args(vec![("year", year.to_string())]),
            ),
            last: last.as_ref().map(|(last_year, value)| {
                tr.t_args(
                    "ui-support-last-published",
                    &args(vec![
                        ("year", last_year.to_string()),
                        ("amount", amount_text(tr, value)),
                    ]),
                )
            }),
        },
    }
}

/// What a newer bundle changed, in plain words, for the person: `contract` narrows quota news
/// to the family's own region (everyone else hears that a year's quotas changed, once).
pub fn change_lines(
    tr: &Translator,
    changes: &[Change],
    policy: &Policy,
    contract: Option<&Contract>,
    today: NaiveDate,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut quota_years = Vec::new();
    for change in changes {
        let line = match change {
            Change::Mci { year, kzt } => tr.t_args(
                "ui-rules-changed-mci",
                &args(vec![("year", year.to_string()), ("amount", tr.tenge(*kzt))]),
            ),
            Change::Support { measure } => {
                let name = support_name(tr, measure);
                match policy.support(measure, today.year(), 1) {
                    Ok(Figure::Published { value, .. }) => tr.t_args(
                        "ui-rules-changed-support",
                        &args(vec![("name", name), ("amount", amount_text(tr, &value))]),
                    ),
                    _ => tr.t_args(
                        "ui-rules-changed-support-plain",
                        &args(vec![("name", name)]),
                    ),
                }
            }
            Change::SupportRemoved { measure } => tr.t_args(
                "ui-rules-changed-support-removed",
                &args(vec![("name", support_name(tr, measure))]),
            ),
            Change::Quota {
                region,
                year,
                people,
            } => {
                let ours = contract.is_some_and(|c| c.region.as_str() == region);
                if contract.is_some() && !ours {
                    continue;
                }
                if !ours {
                    if quota_years.contains(year) {
                        continue;
                    }
                    quota_years.push(*year);
                    tr.t_args(
                        "ui-rules-changed-quotas",
                        &args(vec![("year", year.to_string())]),
                    )
                } else {
                    let region = tr.t(&format!("region-{region}"));
                    match people {
                        Some(people) => {
                            let mut a = FluentArgs::new();
                            a.set("region", region);
                            a.set("year", year.to_string());
                            a.set("people", *people);
                            tr.t_args("ui-rules-changed-quota", &a)
                        }
                        None => tr.t_args(
                            "ui-rules-changed-quota-unpublished",
                            &args(vec![("region", region), ("year", year.to_string())]),
                        ),
                    }
                }
            }
            Change::Regions => tr.t("ui-rules-changed-regions"),
            Change::Stages => tr.t("ui-rules-changed-stages"),
            Change::Scoring => tr.t("ui-rules-changed-scoring"),
            Change::Contract => tr.t("ui-rules-changed-contract"),
        };
        lines.push(line);
    }
    lines
}

/// One answer that will not move (or did not), in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftLine {
    pub question: String,
    pub value: String,
    pub why: String,
}

/// What moving the draft to a newer version does, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveView {
    pub to_version: u32,
    /// Answers that move as they are.
    pub kept: usize,
    /// Questions whose answers move to a question with a new id (named as the new form asks).
    pub renamed: Vec<String>,
    /// Every answer that will not move, with what it was and why.
    pub left: Vec<LeftLine>,
    /// The draft's own version is no longer in use: it must move before it can be sent.
    pub old_expired: bool,
}

/// The offer to move a draft from `old` (its version; `None` if the phone no longer holds it)
/// to `new`, as `plan` computed it.
pub fn move_view(
    tr: &Translator,
    plan: &MovePlan,
    old: Option<&Form>,
    new: &Form,
    today: NaiveDate,
) -> MoveView {
    MoveView {
        to_version: plan.to_version,
        kept: plan.kept.len(),
        renamed: plan
            .renamed
            .iter()
            .map(|(_, id)| {
                new.question(id)
                    .map(|q| tr.t(&q.label_key))
                    .unwrap_or_else(|| id.clone())
            })
            .collect(),
        left: plan
            .left_behind
            .iter()
            .map(|l| {
                let code = match &l.reason {
                    LeftReason::QuestionGone => None,
                    LeftReason::NoLongerValid { code } => Some(code.as_str()),
                };
                left_line(tr, old, &l.field, &l.value, code)
            })
            .collect(),
        old_expired: old.is_some_and(|f| f.valid_until().is_some_and(|until| until < today)),
    }
}

/// The answers that did not move, as kept in the saved state; `form_of(version)` gives the old
/// version when the phone still holds it, for the answers in words.
pub fn left_lines<'f>(
    tr: &Translator,
    left: &[LeftAnswer],
    form_of: impl Fn(u32) -> Option<&'f Form>,
) -> Vec<LeftLine> {
    left.iter()
        .map(|l| {
            let mut line = left_line(
                tr,
                form_of(l.version),
                &l.field,
                &l.value,
                l.code.as_deref(),
            );
            if let (None, Some(key)) = (form_of(l.version), &l.label_key) {
                line.question = tr.t(key);
            }
            line
        })
        .collect()
}

fn left_line(
    tr: &Translator,
    old: Option<&Form>,
    field: &str,
    value: &Value,
    code: Option<&str>,
) -> LeftLine {
    let question = old.and_then(|f| f.question(field));
    LeftLine {
        question: question
            .map(|q| tr.t(&q.label_key))
            .unwrap_or_else(|| field.to_owned()),
        value: match question {
            Some(q) => value_text(tr, q, value),
            None => match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            },
        },
        why: match code {
            None => tr.t("ui-move-left-gone"),
            Some(code) => tr.t_args(
                "ui-move-left-invalid",
                &args(vec![("problem", tr.validation(code))]),
            ),
        },
    }
}

#[cfg(test)]
mod tests;
