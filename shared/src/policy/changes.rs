//! What changed between the bundle a phone had and the one it just received, in the terms a
//! person cares about (a year's MCI published, a support measure's amount, a quota), so the app
//! can tell them once, in plain words, instead of silently showing other numbers.

use super::Policy;
use crate::ids::RegionId;

/// One change between two bundles that a person would want to hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyChange {
    /// A year's MCI is now published (or its value changed): every support amount of that year
    /// in tenge follows from it.
    MciPublished { year: i32, kzt: u64 },
    /// A support measure is new, or its amount, period or beneficiary changed.
    SupportChanged { measure: String },
    /// A support measure is gone from the bundle.
    SupportRemoved { measure: String },
    /// A region's quota for a year is new, changed, or marked not yet published.
    QuotaChanged {
        region: RegionId,
        year: i32,
        people: Option<u32>,
    },
    /// The regions open to resettlement changed.
    RegionsChanged,
    /// The stages' normal durations changed.
    StagesChanged,
    /// The scoring table or pass mark changed.
    ScoringChanged,
    /// The contract's term or refund rule changed.
    ContractChanged,
}

/// The changes from `old` to `new`, in a fixed order (MCI, support, quotas, the rest).
pub fn changes(old: &Policy, new: &Policy) -> Vec<PolicyChange> {
    let mut out = Vec::new();
    for m in &new.mci {
        let Some(kzt) = m.kzt.and_then(|k| u64::try_from(k).ok()) else {
            continue;
        };
        if old.mci_kzt(m.year).ok() != Some(kzt) {
            out.push(PolicyChange::MciPublished { year: m.year, kzt });
        }
    }
    for m in &new.support_measures {
        let same = old.support_measure(&m.id).is_some_and(|o| {
            (o.amount, o.per, o.period, o.paid_to, o.from_year)
                == (m.amount, m.per, m.period, m.paid_to, m.from_year)
        });
        if !same {
            out.push(PolicyChange::SupportChanged {
                measure: m.id.clone(),
            });
        }
    }
    for m in &old.support_measures {
        if new.support_measure(&m.id).is_none() {
            out.push(PolicyChange::SupportRemoved {
                measure: m.id.clone(),
            });
        }
    }
    for q in &new.quotas {
        let before = old
            .quotas
            .iter()
            .find(|o| o.region == q.region && o.year == q.year)
            .map(|o| o.people);
        if before != Some(q.people) {
            out.push(PolicyChange::QuotaChanged {
                region: q.region.clone(),
                year: q.year,
                people: q.people,
            });
        }
    }
    let ids = |p: &Policy| p.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    if ids(old) != ids(new) {
        out.push(PolicyChange::RegionsChanged);
    }
    if old.stages.durations != new.stages.durations
        || old.stages.total_days != new.stages.total_days
    {
        out.push(PolicyChange::StagesChanged);
    }
    if (old.scoring.pass_mark, &old.scoring.criteria)
        != (new.scoring.pass_mark, &new.scoring.criteria)
        || old.scoring.status != new.scoring.status
    {
        out.push(PolicyChange::ScoringChanged);
    }
    if (
        old.contract.term_years,
        old.contract.term_starts,
        old.contract.refund,
    ) != (
        new.contract.term_years,
        new.contract.term_starts,
        new.contract.refund,
    ) {
        out.push(PolicyChange::ContractChanged);
    }
    out
}
