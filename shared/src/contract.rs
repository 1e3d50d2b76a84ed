//! The kandas five-year social contract: when its term ends, how much of it is served, what
//! leaving the host region on a given date puts at risk, the first date on which leaving costs
//! nothing, and the general-grounds path to show beside it.
//!
//! The refund rule is the policy's (DOMAIN.md: all support received so far, legal act not seen).
//! Nothing here invents a formula: before the end date everything received up to the day of
//! leaving is at risk, on or after it nothing is, and [`RiskResponse::basis`] names the source.
//!
//! The contract's wire types ([`Contract`], [`SupportPayment`], [`Risk`], [`RiskResponse`]) are
//! defined here, beside the rules that read and compute them; `api` re-exports them.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ids::RegionId;
use crate::policy::{Payee, Policy, Source};

/// One payment of state support a kandas family received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportPayment {
    /// A support measure id from the policy (`relocation_subsidy`, `rent`, …).
    pub kind: String,
    pub amount_kzt: u64,
    pub received_on: NaiveDate,
}
/// The kandas social contract as the family recorded it (or an officer verified it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub region: RegionId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<String>,
    pub signed_on: NaiveDate,
    pub term_years: u32,
    pub family_members: u32,
    #[serde(default)]
    pub support: Vec<SupportPayment>,
    #[serde(default)]
    pub verified: bool,
}
/// How much is at risk if the family leaves the host region on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    None,
    High,
}
/// `GET /v1/contract/risk?leave_on=…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskResponse {
    pub leave_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub days_served: u32,
    pub days_remaining: u32,
    pub refund_due_kzt: u64,
    pub risk: Risk,
    /// The source of the refund rule, as the policy names it.
    pub basis: String,
}

/// The largest family a contract may record: a bound against typing mistakes and overflow, far
/// above any real household.
const MAX_FAMILY_MEMBERS: u32 = 100;

/// The longest settlement name accepted.
const MAX_SETTLEMENT_LEN: usize = 200;

/// Kazakhstan's independence (16 Dec 1991): no kandas contract or payment predates it.
fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1991, 12, 16).unwrap_or(NaiveDate::MIN)
}

/// The day the term ends: `term_years` after signing; leaving on or after it costs nothing.
///
/// A contract signed on 29 February ends on 1 March when the end year has no 29 February. The
/// Civil Code's rule for periods in years (the period expires on the last day of the month that
/// lacks the date) would give 28 February; but the contract's own act was not seen (DOMAIN.md),
/// and the two mistakes are not alike: telling a family 28 February when the truth is 1 March
/// could cost them every tenge of support, while telling them 1 March when the truth is
/// 28 February costs them one day. 1 March is safe under both readings.
pub fn ends_on(contract: &Contract) -> Result<NaiveDate> {
    let months = contract.term_years.checked_mul(12).ok_or_else(bad_term)?;
    let signed = contract.signed_on;
    let end = signed
        .checked_add_months(Months::new(months))
        .ok_or_else(bad_term)?;
    // checked_add_months clamps 29 Feb to 28 Feb in a common year; move to 1 March (see above).
    if signed.month() == 2 && signed.day() == 29 && end.day() == 28 {
        return end.succ_opt().ok_or_else(bad_term);
    }
    Ok(end)
}

fn bad_term() -> Error {
    Error::InvalidContract {
        field: "term_years",
        reason: "the term does not end on a representable date".into(),
    }
}

/// How far along a contract is on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The day the progress is for.
    pub on: NaiveDate,
    /// The day the term ends.
    pub ends_on: NaiveDate,
    /// Days in the whole term.
    pub term_days: u32,
    /// Days served by `on` (0 before signing, the whole term after the end).
    pub days_served: u32,
    /// Days left until the end (0 on or after it).
    pub days_remaining: u32,
    /// Whole percent of the term served, 0 to 100 (100 only once the term is over).
    pub percent_served: u8,
}

/// How far along `contract` is on `on`.
pub fn progress(contract: &Contract, on: NaiveDate) -> Result<Progress> {
    let end = ends_on(contract)?;
    let term = days_between(contract.signed_on, end);
    let served = days_between(contract.signed_on, on).min(term);
    let remaining = days_between(on, end).min(term);
    let percent = if remaining == 0 {
        100
    } else {
        // Floor, so a term one day short of its end never reads 100%.
        (u64::from(served) * 100 / u64::from(term.max(1))).min(99)
    };
    Ok(Progress {
        on,
        ends_on: end,
        term_days: term,
        days_served: served,
        days_remaining: remaining,
        percent_served: u8::try_from(percent).unwrap_or(100),
    })
}

/// Days from `from` to `to`, 0 when `to` is not after `from`.
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days().max(0)).unwrap_or(u32::MAX)
}

/// The first day on which leaving the host region costs nothing: the end of the term.
pub fn first_safe_date(contract: &Contract) -> Result<NaiveDate> {
    ends_on(contract)
}

/// Support received on or before `day`, in tenge.
pub fn support_received_by(contract: &Contract, day: NaiveDate) -> u64 {
    contract
        .support
        .iter()
        .filter(|p| p.received_on <= day)
        .fold(0u64, |sum, p| sum.saturating_add(p.amount_kzt))
}

/// Support received, in tenge, per measure id.
pub fn support_totals(contract: &Contract) -> BTreeMap<String, u64> {
    let mut totals = BTreeMap::new();
    for p in &contract.support {
        let t: &mut u64 = totals.entry(p.kind.clone()).or_default();
        *t = t.saturating_add(p.amount_kzt);
    }
    totals
}

/// What leaving the host region on `leave_on` puts at risk: exactly the body of
/// `GET /v1/contract/risk`. Before the end date all support received up to `leave_on` is at risk
/// (`high`, even when nothing was received yet: the contract is broken either way); on or after
/// it nothing is. The contract is checked first (see [`check`]).
pub fn risk(contract: &Contract, leave_on: NaiveDate, policy: &Policy) -> Result<RiskResponse> {
    check(contract, policy)?;
    let p = progress(contract, leave_on)?;
    let early = leave_on < p.ends_on;
    Ok(RiskResponse {
        leave_on,
        ends_on: p.ends_on,
        days_served: p.days_served,
        days_remaining: p.days_remaining,
        refund_due_kzt: if early {
            support_received_by(contract, leave_on)
        } else {
            0
        },
        risk: if early { Risk::High } else { Risk::None },
        basis: policy.contract().provenance.source.cite(),
    })
}

/// Which way to permanent residence a [`Path`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    /// Kandas resettlement under the regional quota, with state support and the contract.
    KandasQuota,
    /// Permanent residence on general grounds.
    GeneralGrounds,
}

/// One path's terms, for the app to show two of them side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Path {
    /// Which path.
    pub kind: PathKind,
    /// Goes through the regional quota.
    pub quota: bool,
    /// Comes with state support.
    pub state_support: bool,
    /// The family may live in any region.
    pub free_choice_of_region: bool,
    /// The region the family is bound to, if any.
    pub region: Option<RegionId>,
    /// Support received so far, in tenge.
    pub support_received_kzt: u64,
    /// The family must stay in the region until this day, if at all.
    pub must_stay_until: Option<NaiveDate>,
    /// Leaving early can mean refunding support.
    pub refund_if_leaving_early: bool,
    /// Where these terms come from.
    pub source: Source,
    /// True when the terms are not settled by a legal text.
    pub uncertain: bool,
}

/// The kandas path as this contract makes it, on `today`.
pub fn kandas_path(contract: &Contract, today: NaiveDate, policy: &Policy) -> Result<Path> {
    check(contract, policy)?;
    let rule = policy.contract();
    Ok(Path {
        kind: PathKind::KandasQuota,
        quota: true,
        state_support: true,
        free_choice_of_region: false,
        region: Some(contract.region.clone()),
        support_received_kzt: support_received_by(contract, today),
        must_stay_until: Some(ends_on(contract)?),
        refund_if_leaving_early: true,
        source: rule.provenance.source.clone(),
        uncertain: rule.provenance.uncertain,
    })
}

/// The general-grounds path, from the policy.
pub fn general_grounds_path(policy: &Policy) -> Path {
    let g = policy.general_grounds();
    Path {
        kind: PathKind::GeneralGrounds,
        quota: g.quota,
        state_support: g.state_support,
        free_choice_of_region: g.free_choice_of_region,
        region: None,
        support_received_kzt: 0,
        must_stay_until: None,
        refund_if_leaving_early: g.refund_on_leaving,
        source: g.provenance.source.clone(),
        uncertain: g.provenance.uncertain,
    }
}

/// The two paths side by side: `[kandas quota, general grounds]`.
pub fn compare_paths(contract: &Contract, today: NaiveDate, policy: &Policy) -> Result<[Path; 2]> {
    Ok([
        kandas_path(contract, today, policy)?,
        general_grounds_path(policy),
    ])
}

/// Check a contract against the policy, without reference to today: a known region
/// (`unknown_region`), the policy's term, a plausible family size and settlement, and support
/// payments of known measures paid to the family, each positive and, per measure, no more than
/// the policy's most for this family.
pub fn check(contract: &Contract, policy: &Policy) -> Result<()> {
    let invalid =
        |field: &'static str, reason: String| Err(Error::InvalidContract { field, reason });
    if policy.region(contract.region.as_str()).is_none() {
        return Err(Error::UnknownRegion {
            region: contract.region.to_string(),
        });
    }
    let term = policy.contract().term_years;
    if contract.term_years != term {
        return invalid(
            "term_years",
            format!(
                "the policy's term is {term} years, not {}",
                contract.term_years
            ),
        );
    }
    if contract.family_members == 0 || contract.family_members > MAX_FAMILY_MEMBERS {
        return invalid(
            "family_members",
            format!("between 1 and {MAX_FAMILY_MEMBERS}"),
        );
    }
    if let Some(s) = &contract.settlement
        && (s.trim().is_empty() || s.chars().count() > MAX_SETTLEMENT_LEN)
    {
        return invalid(
            "settlement",
            format!("1 to {MAX_SETTLEMENT_LEN} characters when given"),
        );
    }
    if contract.signed_on < earliest_date() {
        return invalid("signed_on", "before 16 December 1991".into());
    }
    ends_on(contract)?;
    for p in &contract.support {
        let measure = policy
            .support_measure(&p.kind)
            .ok_or_else(|| Error::UnknownSupport {
                kind: p.kind.clone(),
            })?;
        if measure.paid_to == Payee::Employer {
            return invalid(
                "support",
                format!("{} is paid to the employer, not the family", p.kind),
            );
        }
        if p.amount_kzt == 0 {
            return invalid("support", format!("a {} payment of 0 tenge", p.kind));
        }
        if p.received_on < earliest_date() {
            return invalid("support", "a payment before 16 December 1991".into());
        }
    }
    for (kind, total) in support_totals(contract) {
        let Some(latest) = contract
            .support
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.received_on.year())
            .max()
        else {
            continue;
        };
        let most = most_for(policy, &kind, latest, contract.family_members)?;
        if total > most {
            return invalid(
                "support",
                format!(
                    "{kind} adds up to {total} tenge, more than the policy's most for a family of {} ({most})",
                    contract.family_members
                ),
            );
        }
    }
    Ok(())
}

/// The most a family can have received of one measure by the end of `year`, using that year's
/// MCI or, outside the policy's published MCI years, the nearest one (MCI rises yearly, so for past
/// years this errs on the generous side and never refuses a real payment).
fn most_for(policy: &Policy, kind: &str, year: i32, family: u32) -> Result<u64> {
    // Only years whose MCI is out: a year marked not yet published has no amount to compare.
    let years = policy.published_mci_years();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Err(Error::UnknownMciYear { year });
    };
    let year = year.clamp(first, last);
    match policy.support_in_kzt(kind, year, family) {
        Ok(s) => Ok(s.total.max),
        Err(Error::SupportNotAvailable { kind, year }) => Err(Error::InvalidContract {
            field: "support",
            reason: format!("{kind} did not exist in {year}"),
        }),
        Err(e) => Err(e),
    }
}

/// [`check`], plus the dates against `today`: nothing signed or received in the future.
pub fn validate(contract: &Contract, policy: &Policy, today: NaiveDate) -> Result<()> {
    check(contract, policy)?;
    if contract.signed_on > today {
        return Err(Error::InvalidContract {
            field: "signed_on",
            reason: format!("{} is after today ({today})", contract.signed_on),
        });
    }
    if let Some(p) = contract.support.iter().find(|p| p.received_on > today) {
        return Err(Error::InvalidContract {
            field: "support",
            reason: format!(
                "a payment received on {}, after today ({today})",
                p.received_on
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{builtin_policy as policy, day as d};
    use proptest::prelude::*;
    use rstest::rstest;

    use crate::testing::payment as pay;

    /// The shared fixture family, signed on `signed`, who also had two months of rent.
    fn contract(signed: &str) -> Contract {
        let mut c = crate::testing::contract();
        c.signed_on = d(signed);
        c.support.push(pay("rent_utilities", 100_000, "2026-04-01"));
        c.support.push(pay("rent_utilities", 100_000, "2026-05-01"));
        c
    }

    #[rstest]
    #[case::ordinary("2026-03-01", "2031-03-01")]
    #[case::leap_day_to_common_year("2024-02-29", "2029-03-01")]
    #[case::end_of_month("2026-01-31", "2031-01-31")]
    fn end_date(#[case] signed: &str, #[case] end: &str) {
        assert_eq!(ends_on(&contract(signed)).unwrap(), d(end));
    }

    #[test]
    fn leap_day_into_a_leap_year_keeps_the_day() {
        let mut c = contract("2024-02-29");
        c.term_years = 4;
        assert_eq!(ends_on(&c).unwrap(), d("2028-02-29"));
    }

    #[test]
    fn progress_counts_days_and_percent() {
        let c = contract("2026-03-01");
        let p = progress(&c, d("2027-01-01")).unwrap();
        assert_eq!(p.term_days, 1_826);
        assert_eq!(p.days_served, 306);
        assert_eq!(p.days_remaining, 1_520);
        assert_eq!(p.percent_served, 16);
        let before = progress(&c, d("2026-01-01")).unwrap();
        assert_eq!(
            (
                before.days_served,
                before.days_remaining,
                before.percent_served
            ),
            (0, 1_826, 0)
        );
        let last_day = progress(&c, d("2031-02-28")).unwrap();
        assert_eq!((last_day.days_remaining, last_day.percent_served), (1, 99));
        let after = progress(&c, d("2032-01-01")).unwrap();
        assert_eq!(
            (
                after.days_served,
                after.days_remaining,
                after.percent_served
            ),
            (1_826, 0, 100)
        );
    }

    #[test]
    fn leaving_early_puts_everything_received_so_far_at_risk() {
        let r = risk(&contract("2026-03-01"), d("2026-04-15"), policy()).unwrap();
        assert_eq!(r.risk, Risk::High);
        // The May payment comes after leaving and is not counted.
        assert_eq!(r.refund_due_kzt, 1_311_000);
        assert_eq!(r.ends_on, d("2031-03-01"));
        assert_eq!(r.basis, policy().contract().provenance.source.cite());
        assert!(r.basis.contains("Balayeva"));
    }

    #[rstest]
    #[case::on_the_end_date("2031-03-01")]
    #[case::after_it("2033-07-01")]
    fn leaving_on_or_after_the_end_costs_nothing(#[case] leave: &str) {
        let c = contract("2026-03-01");
        let r = risk(&c, d(leave), policy()).unwrap();
        assert_eq!(
            (r.risk, r.refund_due_kzt, r.days_remaining),
            (Risk::None, 0, 0)
        );
        assert_eq!(first_safe_date(&c).unwrap(), d("2031-03-01"));
    }

    #[test]
    fn the_day_before_the_end_is_still_at_risk() {
        let r = risk(&contract("2026-03-01"), d("2031-02-28"), policy()).unwrap();
        assert_eq!(r.risk, Risk::High);
        assert_eq!(r.refund_due_kzt, 1_411_000);
        assert_eq!(r.days_remaining, 1);
    }

    #[test]
    fn leap_day_contract_is_safe_from_the_first_of_march() {
        let mut c = contract("2024-02-29");
        c.support = vec![pay("relocation_subsidy", 1_000_000, "2024-03-05")];
        assert_eq!(
            risk(&c, d("2029-02-28"), policy()).unwrap().risk,
            Risk::High
        );
        assert_eq!(
            risk(&c, d("2029-03-01"), policy()).unwrap().risk,
            Risk::None
        );
    }

    #[test]
    fn totals_per_kind() {
        let t = support_totals(&contract("2026-03-01"));
        assert_eq!(t["relocation_subsidy"], 1_211_000);
        assert_eq!(t["rent_utilities"], 200_000);
    }

    #[test]
    fn paths_side_by_side() {
        let [kandas, general] =
            compare_paths(&contract("2026-03-01"), d("2026-06-01"), policy()).unwrap();
        assert_eq!(kandas.kind, PathKind::KandasQuota);
        assert_eq!(kandas.must_stay_until, Some(d("2031-03-01")));
        assert_eq!(kandas.support_received_kzt, 1_411_000);
        assert!(kandas.refund_if_leaving_early && !kandas.free_choice_of_region);
        assert_eq!(general.kind, PathKind::GeneralGrounds);
        assert!(general.free_choice_of_region && !general.state_support && !general.quota);
        assert_eq!((general.region, general.must_stay_until), (None, None));
        assert!(general.uncertain);
    }

    #[test]
    fn unknown_region_has_its_code() {
        let mut c = contract("2026-03-01");
        c.region = "almaty".into();
        assert_eq!(check(&c, policy()).unwrap_err().code(), "unknown_region");
        assert_eq!(
            risk(&c, d("2027-01-01"), policy()).unwrap_err().code(),
            "unknown_region"
        );
    }

    #[rstest]
    #[case::term(|c: &mut Contract| c.term_years = 3, "term_years")]
    #[case::no_family(|c: &mut Contract| c.family_members = 0, "family_members")]
    #[case::blank_settlement(|c: &mut Contract| c.settlement = Some("  ".into()), "settlement")]
    #[case::ancient(|c: &mut Contract| c.signed_on = d("1980-01-01"), "signed_on")]
    #[case::employer_money(|c: &mut Contract| c.support.push(pay("employer_subsidy", 1_000, "2026-04-01")), "support")]
    #[case::zero_payment(|c: &mut Contract| c.support.push(pay("rent_utilities", 0, "2026-04-01")), "support")]
    #[case::too_much(|c: &mut Contract| c.support.push(pay("relocation_subsidy", 5_000_000, "2026-04-01")), "support")]
    #[case::certificate_before_it_existed(|c: &mut Contract| c.support.push(pay("housing_certificate", 1_000, "2025-04-01")), "support")]
    fn insane_contracts_are_refused(#[case] spoil: fn(&mut Contract), #[case] field: &str) {
        let mut c = contract("2026-03-01");
        spoil(&mut c);
        match check(&c, policy()).unwrap_err() {
            Error::InvalidContract { field: f, .. } => assert_eq!(f, field),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_support_kind_is_refused() {
        let mut c = contract("2026-03-01");
        c.support.push(pay("pension", 1_000, "2026-04-01"));
        assert!(matches!(
            check(&c, policy()),
            Err(Error::UnknownSupport { .. })
        ));
    }

    #[test]
    fn validation_refuses_future_dates() {
        let c = contract("2026-03-01");
        validate(&c, policy(), d("2026-06-01")).unwrap();
        assert!(validate(&c, policy(), d("2026-04-15")).is_err());
        assert!(validate(&c, policy(), d("2026-02-01")).is_err());
    }

    proptest! {
        #[test]
        fn risk_is_all_or_nothing_around_the_end(offset in 0i64..4_000, signed_offset in 0i64..3_000) {
            let mut c = contract("2026-03-01");
            c.signed_on = d("2020-01-01") + chrono::Duration::days(signed_offset);
            c.support = vec![pay("relocation_subsidy", 500_000, "2026-03-10")];
            let leave = c.signed_on + chrono::Duration::days(offset);
            let r = risk(&c, leave, policy()).unwrap();
            let end = ends_on(&c).unwrap();
            prop_assert_eq!(r.risk == Risk::High, leave < end);
            if leave >= end {
                prop_assert_eq!(r.refund_due_kzt, 0);
            } else {
                prop_assert_eq!(r.refund_due_kzt, support_received_by(&c, leave));
            }
            prop_assert_eq!(
                u64::from(r.days_served) + u64::from(r.days_remaining),
                u64::from(progress(&c, leave).unwrap().term_days)
            );
        }
    }
}
