//! The kandas contract as the screen shows it, and turning what the family typed into a
//! `Contract` or a support payment. Every date, amount and risk comes from
//! `kosh_shared::contract` with the policy, so the answer offline is the server's answer.

use chrono::NaiveDate;
use kosh_shared::api::{Contract, RiskResponse, SupportPayment};
use kosh_shared::calendar::parse_ymd;
use kosh_shared::contract::{Progress, first_safe_date, progress, risk, support_received_by};
use kosh_shared::ids::RegionId;
use kosh_shared::policy::{Payee, Policy};
use kosh_shared::sort::sort_by_key;

/// The contract card: how far the term is on `today` and the support received by then.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractCard {
    pub contract: Contract,
    /// `None` when the saved contract cannot be read (a term the rules refuse).
    pub progress: Option<Progress>,
    pub received_kzt: u64,
}

/// The card for the saved contract, if the family has one.
pub fn contract_card(contract: Option<&Contract>, today: NaiveDate) -> Option<ContractCard> {
    let contract = contract?.clone();
    Some(ContractCard {
        progress: progress(&contract, today).ok(),
        received_kzt: support_received_by(&contract, today),
        contract,
    })
}

/// "What if we move on `leave_on`?": the risk on that day (when the text is a date and the
/// contract fits the policy), and the first day leaving costs nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIfAnswer {
    pub risk: Option<RiskResponse>,
    pub free_from: Option<NaiveDate>,
}

/// The answer for the date the family typed (`YYYY-MM-DD`, from the date picker).
pub fn what_if(contract: &Contract, leave_on: &str, policy: &Policy) -> WhatIfAnswer {
    WhatIfAnswer {
        risk: parse_ymd(leave_on).and_then(|d| risk(contract, d, policy).ok()),
        free_from: first_safe_date(contract).ok(),
    }
}

/// What the contract form holds while the family types.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContractInput {
    pub region: String,
    pub settlement: String,
    pub signed_on: String,
    pub family_members: String,
}

impl ContractInput {
    /// The form filled from a saved contract.
    pub fn from_contract(c: &Contract) -> ContractInput {
        ContractInput {
            region: c.region.to_string(),
            settlement: c.settlement.clone().unwrap_or_default(),
            signed_on: c.signed_on.to_string(),
            family_members: c.family_members.to_string(),
        }
    }
}

/// Why a contract or payment typed in cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A field is empty or not a number or date; the screen names what is needed.
    Incomplete,
    /// The domain refused it (unknown region, a date in the future, too much support...).
    Refused(String),
}

/// The contract from the form, keeping the payments and verification of `previous`, checked by
/// `kosh_shared::contract::validate`.
pub fn contract_from(
    input: &ContractInput,
    previous: Option<&Contract>,
    policy: &Policy,
    today: NaiveDate,
) -> Result<Contract, InputError> {
    let signed_on = parse_ymd(input.signed_on.trim()).ok_or(InputError::Incomplete)?;
    let family_members = input
        .family_members
        .trim()
        .parse::<u32>()
        .map_err(|_| InputError::Incomplete)?;
    if input.region.trim().is_empty() {
        return Err(InputError::Incomplete);
    }
    let settlement = input.settlement.trim();
    let contract = Contract {
        region: RegionId(input.region.trim().to_owned()),
        settlement: (!settlement.is_empty()).then(|| settlement.to_owned()),
        signed_on,
        term_years: policy.contract().term_years,
        family_members,
        support: previous.map(|p| p.support.clone()).unwrap_or_default(),
        // A change made here is the family's own record again, until an officer checks it.
        verified: false,
    };
    kosh_shared::contract::validate(&contract, policy, today)
        .map_err(|e| InputError::Refused(e.code().to_owned()))?;
    Ok(contract)
}

/// The contract with one more payment, checked against the policy's limits.
pub fn with_payment(
    contract: &Contract,
    kind: &str,
    amount: &str,
    date: &str,
    policy: &Policy,
    today: NaiveDate,
) -> Result<Contract, InputError> {
    let amount_kzt = amount
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect::<String>()
        .parse::<u64>()
        .map_err(|_| InputError::Incomplete)?;
    let received_on = parse_ymd(date.trim()).ok_or(InputError::Incomplete)?;
    if kind.is_empty() || amount_kzt == 0 {
        return Err(InputError::Incomplete);
    }
    let mut next = contract.clone();
    next.support.push(SupportPayment {
        kind: kind.to_owned(),
        amount_kzt,
        received_on,
    });
    sort_by_key(&mut next.support, |p| p.received_on);
    next.verified = false;
    kosh_shared::contract::validate(&next, policy, today)
        .map_err(|e| InputError::Refused(e.code().to_owned()))?;
    Ok(next)
}

/// The contract without payment `index`.
pub fn without_payment(contract: &Contract, index: usize) -> Contract {
    let mut next = contract.clone();
    if index < next.support.len() {
        next.support.remove(index);
    }
    next.verified = false;
    next
}

/// The support measures a family can record: those paid to the family (the employer subsidy
/// goes to the employer and is never the family's to refund).
pub fn family_measures(policy: &Policy) -> Vec<String> {
    policy
        .support_measures()
        .iter()
        .filter(|m| m.paid_to == Payee::Family)
        .map(|m| m.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::testing::builtin_policy as policy;

    #[test]
    fn the_card_and_the_what_if_come_from_the_shared_rules() {
        let contract = kosh_shared::testing::contract();
        let day: NaiveDate = "2027-01-01".parse().unwrap();
        let card = contract_card(Some(&contract), day).unwrap();
        assert_eq!(card.received_kzt, 1_211_000);
        assert!(card.progress.is_some_and(|p| p.days_remaining > 0));
        assert_eq!(contract_card(None, day), None);
        let answer = what_if(&contract, "2027-01-01", Policy::builtin().unwrap());
        assert_eq!(answer.risk.map(|r| r.risk), Some(Risk::High));
        assert_eq!(answer.free_from, Some("2031-03-01".parse().unwrap()));
        let typing = what_if(&contract, "2027-0", Policy::builtin().unwrap());
        assert_eq!(typing.risk, None);
    }
    use kosh_shared::api::Risk;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn input() -> ContractInput {
        ContractInput {
            region: "pavlodar".into(),
            settlement: "Екібастұз".into(),
            signed_on: "2026-03-01".into(),
            family_members: "4".into(),
        }
    }

    #[test]
    fn a_typed_contract_becomes_a_checked_one() {
        let c = contract_from(&input(), None, policy(), day("2026-06-01")).unwrap();
        assert_eq!(c.term_years, policy().contract().term_years);
        assert_eq!(c.settlement.as_deref(), Some("Екібастұз"));
        assert!(!c.verified);
    }

    #[test]
    fn empty_or_refused_input_is_an_error_not_a_panic() {
        let mut bad = input();
        bad.family_members = "four".into();
        assert_eq!(
            contract_from(&bad, None, policy(), day("2026-06-01")),
            Err(InputError::Incomplete)
        );
        let mut unknown = input();
        unknown.region = "atlantis".into();
        assert!(matches!(
            contract_from(&unknown, None, policy(), day("2026-06-01")),
            Err(InputError::Refused(_))
        ));
        let future = contract_from(&input(), None, policy(), day("2026-01-01"));
        assert!(matches!(future, Err(InputError::Refused(_))));
    }

    #[test]
    fn payments_add_and_the_offline_risk_counts_them() {
        let c = contract_from(&input(), None, policy(), day("2026-06-01")).unwrap();
        let c = with_payment(
            &c,
            "relocation_subsidy",
            "1 211 000",
            "2026-03-10",
            policy(),
            day("2026-06-01"),
        )
        .unwrap();
        let risk = kosh_shared::contract::risk(&c, day("2027-01-01"), policy()).unwrap();
        assert_eq!(risk.risk, Risk::High);
        assert_eq!(risk.refund_due_kzt, 1_211_000);
        let later = kosh_shared::contract::risk(&c, day("2031-03-02"), policy()).unwrap();
        assert_eq!(later.risk, Risk::None);
        assert!(without_payment(&c, 0).support.is_empty());
        assert_eq!(
            with_payment(
                &c,
                "relocation_subsidy",
                "",
                "2026-03-10",
                policy(),
                day("2026-06-01")
            ),
            Err(InputError::Incomplete)
        );
    }

    #[test]
    fn the_employer_subsidy_is_not_the_familys() {
        let kinds = family_measures(policy());
        assert!(kinds.contains(&"relocation_subsidy".to_string()));
        assert!(!kinds.contains(&"employer_subsidy".to_string()));
    }
}
