//! Figures of one year that may not be published yet: the MCI before the budget law, a quota
//! before the minister's order. A bundle marks such a figure `null`; asking for it gives
//! [`Figure::NotYetPublished`] with the last published year's figure beside it, so a screen can
//! say "not published yet" and show the older number labelled with its own year, never carry it
//! forward silently as if it were this year's.

use super::{Policy, SupportInKzt};
use crate::error::{Error, Result};

/// A figure asked for one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure<T> {
    /// The year's own figure.
    Published { year: i32, value: T },
    /// The bundle marks the year's figure as not yet published, or has none for it. `last` is
    /// the latest year before it that has one, with that year.
    NotYetPublished { year: i32, last: Option<(i32, T)> },
}

impl<T> Figure<T> {
    /// The year's own figure, if published.
    pub fn published(&self) -> Option<&T> {
        match self {
            Figure::Published { value, .. } => Some(value),
            Figure::NotYetPublished { .. } => None,
        }
    }

    /// The year asked for.
    pub fn year(&self) -> i32 {
        match self {
            Figure::Published { year, .. } | Figure::NotYetPublished { year, .. } => *year,
        }
    }
}

impl Policy {
    /// The years whose MCI is published, ascending.
    pub fn published_mci_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .mci
            .iter()
            .filter(|m| m.kzt.is_some())
            .map(|m| m.year)
            .collect();
        crate::sort::sort(&mut years);
        years
    }

    /// The latest year before `year` with a published MCI.
    fn last_published_before(&self, year: i32) -> Option<i32> {
        self.published_mci_years()
            .into_iter()
            .filter(|y| *y < year)
            .max()
    }

    /// One MCI in tenge in `year`, or that it is not published yet and the last one that is.
    pub fn mci(&self, year: i32) -> Figure<u64> {
        match self.mci_kzt(year) {
            Ok(value) => Figure::Published { year, value },
            Err(_) => Figure::NotYetPublished {
                year,
                last: self
                    .last_published_before(year)
                    .and_then(|y| self.mci_kzt(y).ok().map(|kzt| (y, kzt))),
            },
        }
    }

    /// A support measure in tenge for `year`, or, while that year's MCI is not published, the
    /// last published year's amount. Errors only for a measure the bundle does not have or one
    /// that does not exist yet in `year`.
    pub fn support(
        &self,
        measure: &str,
        year: i32,
        family_members: u32,
    ) -> Result<Figure<SupportInKzt>> {
        match self.support_in_kzt(measure, year, family_members) {
            Ok(value) => Ok(Figure::Published { year, value }),
            Err(Error::UnknownMciYear { .. } | Error::NotYetPublished { .. }) => {
                let last = self
                    .last_published_before(year)
                    .and_then(|y| self.support_in_kzt(measure, y, family_members).ok())
                    .map(|s| (s.year, s));
                Ok(Figure::NotYetPublished { year, last })
            }
            Err(e) => Err(e),
        }
    }

    /// A region's quota for `year`, or that it is not published yet and the last one that is.
    pub fn quota_figure(&self, region: &str, year: i32) -> Figure<u32> {
        match self.quota(region, year) {
            Some(value) => Figure::Published { year, value },
            None => Figure::NotYetPublished {
                year,
                last: self
                    .quotas
                    .iter()
                    .filter(|q| q.region.as_str() == region && q.year < year)
                    .filter_map(|q| q.people.map(|p| (q.year, p)))
                    .max_by_key(|(y, _)| *y),
            },
        }
    }
}
