//! "What each path is worth to this family" in words: the quota path's support for the family
//! that moves (in tenge where the year's MCI is published, else in MCI with "the MCI for YEAR
//! is not yet published"), and what general grounds ask instead (the means test). The figures
//! are `kosh_shared::worth`'s; this only says them.

use kosh_locales::{FluentArgs, Translator};
use kosh_shared::policy::{Figure, KztRange};
use kosh_shared::worth::{Applies, MciRange, MeansAsked, MeasureWorth, QuotaWorth, Shape};

use crate::view::rules::support_name;

fn args<'a>(pairs: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in pairs {
        out.set(*name, value.clone());
    }
    out
}

/// One support measure's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureLine {
    pub measure: String,
    pub name: String,
    /// The amount for the family: tenge when published, else MCI.
    pub amount: String,
    /// How the amount is made up, in MCI.
    pub basis: String,
    /// A band whose choice is not published, or another uncertain rule.
    pub uncertain: bool,
    pub is_band: bool,
}

/// The quota side in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorthView {
    pub title: String,
    pub family: String,
    pub lines: Vec<MeasureLine>,
    pub total: String,
    /// "1 MCI in 2026 = 4 325 ₸", or "the MCI for 2027 is not yet published".
    pub mci: String,
    pub mci_published: bool,
}

fn kzt_text(tr: &Translator, shape: Shape, r: KztRange) -> String {
    match shape {
        Shape::Exact => tr.tenge(r.max),
        Shape::Band => tr.t_args(
            "ui-worth-band",
            &args(&[("min", tr.tenge(r.min)), ("max", tr.tenge(r.max))]),
        ),
        Shape::UpTo => tr.t_args("ui-worth-up-to", &args(&[("max", tr.tenge(r.max))])),
    }
}

fn mci_text(tr: &Translator, shape: Shape, r: MciRange) -> String {
    let mci = |n: u64| tr.t_args("ui-worth-mci", &args(&[("mci", tr.number(n))]));
    match shape {
        Shape::Exact => mci(r.max),
        Shape::Band => tr.t_args(
            "ui-worth-band",
            &args(&[("min", mci(r.min)), ("max", mci(r.max))]),
        ),
        Shape::UpTo => tr.t_args("ui-worth-up-to", &args(&[("max", mci(r.max))])),
    }
}

fn line(tr: &Translator, w: &QuotaWorth, m: &MeasureWorth) -> MeasureLine {
    let amount = match m.total_kzt {
        Some(kzt) => kzt_text(tr, m.shape, kzt),
        None => mci_text(tr, m.shape, m.total_mci),
    };
    let per_payment = mci_text(tr, m.shape, m.per_payment_mci);
    let basis = if m.payments > 1 {
        tr.t_args(
            "ui-worth-monthly",
            &args(&[("amount", per_payment), ("months", m.payments.to_string())]),
        )
    } else if m.per_member && w.family_members > 0 {
        tr.t_args(
            "ui-worth-per-member",
            &args(&[
                (
                    "mci",
                    tr.number(m.per_payment_mci.max / u64::from(w.family_members)),
                ),
                ("members", w.family_members.to_string()),
            ]),
        )
    } else {
        mci_text(tr, m.shape, m.total_mci)
    };
    MeasureLine {
        measure: m.measure.clone(),
        name: support_name(tr, &m.measure),
        amount,
        basis,
        uncertain: m.uncertain,
        is_band: m.shape == Shape::Band,
    }
}

/// The quota side for `w`.
pub fn worth_view(tr: &Translator, w: &QuotaWorth) -> WorthView {
    let total_shape = |min: u64, max: u64| {
        if min == max {
            Shape::Exact
        } else {
            Shape::Band
        }
    };
    let total = match w.total_kzt() {
        Some(k) => kzt_text(tr, total_shape(k.min, k.max), k),
        None => {
            let m = w.total_mci();
            mci_text(tr, total_shape(m.min, m.max), m)
        }
    };
    let (mci, mci_published) = match &w.mci {
        Figure::Published { year, value } => (
            tr.t_args(
                "ui-worth-mci-value",
                &args(&[("year", year.to_string()), ("amount", tr.tenge(*value))]),
            ),
            true,
        ),
        Figure::NotYetPublished { year, .. } => (
            tr.t_args(
                "ui-worth-mci-not-published",
                &args(&[("year", year.to_string())]),
            ),
            false,
        ),
    };
    WorthView {
        title: tr.t_args("ui-worth-title", &args(&[("year", w.year.to_string())])),
        family: tr.t_args(
            "ui-worth-family",
            &args(&[("members", w.family_members.to_string())]),
        ),
        lines: w.measures.iter().map(|m| line(tr, w, m)).collect(),
        total: tr.t_args("ui-worth-total", &args(&[("amount", total)])),
        mci,
        mci_published,
    }
}

/// What general grounds ask, line by line.
pub fn means_lines(tr: &Translator, m: &MeansAsked) -> Vec<String> {
    let mut out = Vec::new();
    let mci = tr.number(u64::from(m.funds_mci));
    out.push(match m.funds_kzt {
        Some(kzt) => tr.t_args(
            "ui-worth-means-funds-kzt",
            &args(&[
                ("mci", mci),
                ("amount", tr.tenge(kzt)),
                ("year", m.year.to_string()),
            ]),
        ),
        None => tr.t_args(
            "ui-worth-means-funds",
            &args(&[("mci", mci), ("year", m.year.to_string())]),
        ),
    });
    match (m.family, m.housing_m2) {
        (Some(f), Some(m2)) => {
            out.push(tr.t_args(
                "ui-worth-means-housing",
                &args(&[
                    ("m2", m2.to_string()),
                    ("per", m.housing_m2_per_member.to_string()),
                    ("age", m.members_from_age.to_string()),
                    ("count", f.aged_from.to_string()),
                ]),
            ));
            if f.age_unknown > 0 {
                out.push(tr.t_args(
                    "ui-worth-means-age-unknown",
                    &args(&[("count", f.age_unknown.to_string())]),
                ));
            }
        }
        _ => out.push(tr.t_args(
            "ui-worth-means-housing-each",
            &args(&[
                ("per", m.housing_m2_per_member.to_string()),
                ("age", m.members_from_age.to_string()),
            ]),
        )),
    }
    out.push(tr.t(match m.applies {
        Applies::Exempt => "ui-worth-means-exempt",
        Applies::Yes => "ui-worth-means-applies",
        Applies::Unknown => "ui-general-funds-exempt",
    }));
    out
}
