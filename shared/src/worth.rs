//! What each path is worth to one family in one year, from the policy bundle: what the kandas
//! quota path brings (the support measures paid to the family, in MCI and, where the year's MCI
//! is published, in tenge) and what permanent residence on general grounds asks instead (the
//! means test: funds in MCI plus housing per member from an age, ethnic Kazakhs exempt).
//!
//! Never a number the bundle does not give: a band stays a band (how the rent figure in 15-30
//! MCI is chosen is not published), "up to" stays "up to", a year whose MCI is not published
//! has no tenge at all (only the MCI figures), and every item carries its source and its
//! `uncertain` flag. The measure paid to the employer is not the family's money and is left out.

use chrono::NaiveDate;
use serde_json::Value;

use crate::checklist::{self, FamilySize};
use crate::form::{Answers, Form};
use crate::policy::{Amount, Figure, KztRange, Payee, Per, Policy, Source};

/// The question that says whether the applicant is an ethnic Kazakh (exempt from the means
/// test, Law on Population Migration art. 23).
pub const ETHNIC_KAZAKH: &str = "personal.is_ethnic_kazakh";

/// A number of MCI between two bounds (equal when exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MciRange {
    pub min: u64,
    pub max: u64,
}

/// How a measure's amount is set, which says how to read its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Exactly the amount.
    Exact,
    /// Somewhere in a band; how the figure is chosen may not be published.
    Band,
    /// At most the amount.
    UpTo,
}

/// One support measure for this family over its whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureWorth {
    /// The measure's id (`relocation_subsidy`).
    pub measure: String,
    /// How the amount is set.
    pub shape: Shape,
    /// Paid for each member of the family (else once for the family).
    pub per_member: bool,
    /// One payment for the whole family, in MCI.
    pub per_payment_mci: MciRange,
    /// How many payments (12 for the monthly rent).
    pub payments: u32,
    /// All payments together for the whole family, in MCI.
    pub total_mci: MciRange,
    /// The same in tenge; `None` while the year's MCI is not published.
    pub total_kzt: Option<KztRange>,
    /// The measure's rule is not settled by a legal text.
    pub uncertain: bool,
    /// Where it comes from.
    pub source: Source,
}

/// What the quota path brings one family in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaWorth {
    /// The year the figures are for.
    pub year: i32,
    /// The family members counted (each gets the per-member measures).
    pub family_members: u32,
    /// The year's MCI, or that it is not yet published.
    pub mci: Figure<u64>,
    /// The measures paid to the family that exist this year, in the bundle's order.
    pub measures: Vec<MeasureWorth>,
}

impl QuotaWorth {
    /// Every measure together, in MCI: the lowest is what the exact measures and the bottoms
    /// of the bands give, "up to" counting 0.
    pub fn total_mci(&self) -> MciRange {
        self.measures
            .iter()
            .fold(MciRange { min: 0, max: 0 }, |a, m| MciRange {
                min: a.min.saturating_add(m.total_mci.min),
                max: a.max.saturating_add(m.total_mci.max),
            })
    }

    /// Every measure together in tenge, when the year's MCI is published.
    pub fn total_kzt(&self) -> Option<KztRange> {
        let mci = *self.mci.published()?;
        let t = self.total_mci();
        Some(KztRange {
            min: t.min.saturating_mul(mci),
            max: t.max.saturating_mul(mci),
        })
    }

    /// Whether any figure in it is uncertain.
    pub fn is_uncertain(&self) -> bool {
        self.measures.iter().any(|m| m.uncertain)
    }
}

/// What the quota path brings a family of `family_members` in `year`, by `policy`.
pub fn quota_worth(policy: &Policy, year: i32, family_members: u32) -> QuotaWorth {
    let mci = policy.mci(year);
    let measures = policy
        .support_measures()
        .iter()
        .filter(|m| m.paid_to == Payee::Family && m.exists_in(year))
        .map(|m| {
            let (lo, hi) = m.mci_per_payment(family_members);
            let payments = m.period.payments();
            let total_mci = MciRange {
                min: lo.saturating_mul(u64::from(payments)),
                max: hi.saturating_mul(u64::from(payments)),
            };
            let total_kzt = mci.published().map(|&kzt| KztRange {
                min: total_mci.min.saturating_mul(kzt),
                max: total_mci.max.saturating_mul(kzt),
            });
            MeasureWorth {
                measure: m.id.clone(),
                shape: match m.amount {
                    Amount::Fixed { .. } => Shape::Exact,
                    Amount::Range { .. } => Shape::Band,
                    Amount::UpTo { .. } => Shape::UpTo,
                },
                per_member: m.per == Per::FamilyMember,
                per_payment_mci: MciRange { min: lo, max: hi },
                payments,
                total_mci,
                total_kzt,
                uncertain: m.provenance.uncertain,
                source: m.provenance.source.clone(),
            }
        })
        .collect();
    QuotaWorth {
        year,
        family_members,
        mci,
        measures,
    }
}

/// Whether the means test applies to this applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// The answers say the applicant is not an ethnic Kazakh.
    Yes,
    /// The answers say the applicant is an ethnic Kazakh, whom the policy exempts.
    Exempt,
    /// The answers do not say (or the policy exempts no one and the answers do not matter).
    Unknown,
}

/// What general grounds ask instead of the contract: the means test for one family and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeansAsked {
    /// The year the figures are for.
    pub year: i32,
    /// The funds to show, in MCI.
    pub funds_mci: u32,
    /// The same in tenge; `None` while the year's MCI is not published.
    pub funds_kzt: Option<u64>,
    /// The housing per member counted, in m².
    pub housing_m2_per_member: u32,
    /// Members are counted from this age.
    pub members_from_age: u32,
    /// The family as counted, when the answers give it.
    pub family: Option<FamilySize>,
    /// The housing the counted members need, in m² (`None` without a family).
    pub housing_m2: Option<u32>,
    /// Ethnic Kazakhs do not have to show the funds.
    pub ethnic_kazakhs_exempt: bool,
    /// Whether it applies to this applicant.
    pub applies: Applies,
    /// The rule is not settled by a legal text (the price per m² is not stated).
    pub uncertain: bool,
    /// Where it comes from.
    pub source: Source,
}

/// The means test of general grounds for `year`, for `family` (when known) and an applicant
/// who is (`Some(true)`) or is not an ethnic Kazakh; `None` when the policy asks no funds.
pub fn means_test(
    policy: &Policy,
    year: i32,
    family: Option<FamilySize>,
    is_ethnic_kazakh: Option<bool>,
) -> Option<MeansAsked> {
    let means = policy.general_grounds().means_test.as_ref()?;
    let applies = match (means.ethnic_kazakhs_exempt, is_ethnic_kazakh) {
        (true, Some(true)) => Applies::Exempt,
        (_, Some(_)) => Applies::Yes,
        (false, None) => Applies::Yes,
        (true, None) => Applies::Unknown,
    };
    Some(MeansAsked {
        year,
        funds_mci: means.funds_mci,
        funds_kzt: policy
            .mci(year)
            .published()
            .map(|&kzt| kzt.saturating_mul(u64::from(means.funds_mci))),
        housing_m2_per_member: means.housing_m2_per_member,
        members_from_age: means.members_from_age,
        family,
        housing_m2: family.map(|f| f.aged_from.saturating_mul(means.housing_m2_per_member)),
        ethnic_kazakhs_exempt: means.ethnic_kazakhs_exempt,
        applies,
        uncertain: means.provenance.uncertain,
        source: means.provenance.source.clone(),
    })
}

/// Both sides for the family the draft's answers describe, on `today` (this year's figures):
/// the quota path's worth for the family that moves, and the means test with its members
/// counted from the policy's age.
pub fn for_answers(
    policy: &Policy,
    form: &Form,
    answers: &dyn Answers,
    today: NaiveDate,
) -> (QuotaWorth, Option<MeansAsked>) {
    use chrono::Datelike;
    let year = today.year();
    let from_age = policy
        .general_grounds()
        .means_test
        .as_ref()
        .map_or(0, |m| m.members_from_age);
    let family = checklist::family_size(form, answers, today, from_age);
    let ethnic = form
        .relevant(ETHNIC_KAZAKH, answers, today)
        .then(|| answers.answer(ETHNIC_KAZAKH).and_then(Value::as_bool))
        .flatten();
    (
        quota_worth(policy, year, family.members),
        means_test(policy, year, Some(family), ethnic),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn bundle(year: i32) -> &'static Policy {
        Policy::builtins()
            .unwrap()
            .iter()
            .find(|p| p.id() == format!("kz-{year}"))
            .unwrap()
    }

    fn measure<'a>(w: &'a QuotaWorth, id: &str) -> &'a MeasureWorth {
        w.measures.iter().find(|m| m.measure == id).unwrap()
    }

    #[rstest]
    // 70 MCI × 4325 ₸ per member, once.
    #[case::subsidy_one("relocation_subsidy", 1, Shape::Exact, (70, 70), (302_750, 302_750))]
    #[case::subsidy_four("relocation_subsidy", 4, Shape::Exact, (280, 280), (1_211_000, 1_211_000))]
    // 15-30 MCI a month for the family, 12 months: a band, whatever the family's size.
    #[case::rent_band("rent_utilities", 4, Shape::Band, (180, 360), (778_500, 1_557_000))]
    // Up to 1,625 MCI for the family.
    #[case::housing("housing_certificate", 4, Shape::UpTo, (0, 1_625), (0, 7_028_125))]
    fn in_2026_every_measure_is_in_tenge(
        #[case] id: &str,
        #[case] family: u32,
        #[case] shape: Shape,
        #[case] mci: (u64, u64),
        #[case] kzt: (u64, u64),
    ) {
        let w = quota_worth(bundle(2026), 2026, family);
        assert_eq!(
            w.mci,
            Figure::Published {
                year: 2026,
                value: 4_325
            }
        );
        let m = measure(&w, id);
        assert_eq!(m.shape, shape);
        assert_eq!((m.total_mci.min, m.total_mci.max), mci);
        let t = m.total_kzt.unwrap();
        assert_eq!((t.min, t.max), kzt);
        assert!(m.source.text.contains("Ministry of Labour"));
    }

    #[test]
    fn the_employers_money_is_not_the_familys() {
        let w = quota_worth(bundle(2026), 2026, 4);
        let ids: Vec<&str> = w.measures.iter().map(|m| m.measure.as_str()).collect();
        assert_eq!(
            ids,
            [
                "relocation_subsidy",
                "rent_utilities",
                "housing_certificate"
            ]
        );
        // The rent band's choice is not published: uncertain in the bundle, so here too.
        assert!(measure(&w, "rent_utilities").uncertain);
        assert!(!measure(&w, "relocation_subsidy").uncertain);
        assert!(w.is_uncertain());
        let total = w.total_mci();
        assert_eq!((total.min, total.max), (280 + 180, 280 + 360 + 1_625));
        let kzt = w.total_kzt().unwrap();
        assert_eq!((kzt.min, kzt.max), (460 * 4_325, 2_265 * 4_325));
    }

    #[test]
    fn in_2027_the_mci_is_not_published_so_no_tenge() {
        let w = quota_worth(bundle(2027), 2027, 4);
        assert!(matches!(w.mci, Figure::NotYetPublished { year: 2027, .. }));
        assert!(w.measures.iter().all(|m| m.total_kzt.is_none()));
        assert_eq!(w.total_kzt(), None);
        // The MCI figures still stand, marked uncertain as the 2027 bundle marks them.
        let m = measure(&w, "relocation_subsidy");
        assert_eq!((m.total_mci.min, m.total_mci.max), (280, 280));
        assert!(m.uncertain);
    }

    #[test]
    fn a_measure_before_its_first_year_is_not_offered() {
        let w = quota_worth(bundle(2026), 2025, 1);
        assert!(
            w.measures
                .iter()
                .all(|m| m.measure != "housing_certificate")
        );
        // 2025's MCI is in the 2026 bundle: 70 × 3932.
        assert_eq!(
            measure(&w, "relocation_subsidy").total_kzt,
            Some(KztRange {
                min: 275_240,
                max: 275_240
            })
        );
    }

    fn family(members: u32, aged_from: u32) -> FamilySize {
        FamilySize {
            members,
            aged_from,
            age_unknown: 0,
        }
    }

    #[rstest]
    #[case::foreigner_2026(2026, Some(false), Applies::Yes, Some(5_709_000))]
    #[case::ethnic_kazakh_exempt(2026, Some(true), Applies::Exempt, Some(5_709_000))]
    #[case::not_answered(2026, None, Applies::Unknown, Some(5_709_000))]
    #[case::mci_2027_not_published(2027, Some(false), Applies::Yes, None)]
    fn the_means_test(
        #[case] year: i32,
        #[case] ethnic: Option<bool>,
        #[case] applies: Applies,
        #[case] kzt: Option<u64>,
    ) {
        let m = means_test(bundle(year), year, Some(family(4, 3)), ethnic).unwrap();
        assert_eq!((m.funds_mci, m.funds_kzt, m.applies), (1_320, kzt, applies));
        // 15 m² for each of the three aged 16 or over; the price per m² is not stated.
        assert_eq!(m.housing_m2, Some(45));
        assert!(m.uncertain);
    }

    #[test]
    fn from_the_answers() {
        let form = crate::form::residence_2026().unwrap();
        let answers: BTreeMap<String, Value> = [
            ("personal.is_ethnic_kazakh", json!(false)),
            ("family.has_members", json!(true)),
            (
                "family.members",
                json!([
                    {"relation": "spouse", "birth_date": "1990-01-01", "moves_with_me": true},
                    {"relation": "child", "birth_date": "2015-01-01", "moves_with_me": true},
                    {"relation": "parent", "birth_date": "1960-01-01", "moves_with_me": false},
                ]),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        let today: NaiveDate = "2026-06-01".parse().unwrap();
        let (w, m) = for_answers(bundle(2026), form, &answers, today);
        // The applicant, the spouse and the child move; the parent stays.
        assert_eq!(w.family_members, 3);
        assert_eq!(measure(&w, "relocation_subsidy").total_mci.max, 210);
        let m = m.unwrap();
        assert_eq!(m.family, Some(family(3, 2)));
        assert_eq!((m.housing_m2, m.applies), (Some(30), Applies::Yes));
    }
}
