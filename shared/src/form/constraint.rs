//! The rules an answer must keep beyond its kind: number and length limits, date ranges, item
//! counts, and the cross-field `check` (an error) and `warn` (advice) conditions.

use chrono::{Days, Months, NaiveDate};
use serde::{Serialize, Serializer};

use super::condition::Condition;

/// The constraint of one question, as API.md's `constraint` object. Every part is optional.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Constraint {
    /// Smallest number allowed (kind `number`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest number allowed (kind `number`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whole numbers only (kind `number`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub integer: bool,
    /// Fewest characters (text-like kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    /// Most characters (text-like kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Earliest date allowed (kind `date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_date: Option<DateBound>,
    /// Latest date allowed (kind `date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_date: Option<DateBound>,
    /// Fewest rows or choices (kinds `repeat`, `multi_choice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_items: Option<usize>,
    /// Most rows or choices (kinds `repeat`, `multi_choice`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<usize>,
    /// A condition the answer must keep against other answers; when it is false the answer has
    /// the error `check_code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<Condition>,
    /// The validation code of a failed `check` (default `check_failed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_code: Option<String>,
    /// A condition that should hold; when it is false the answer gets the warning `warn_code`,
    /// which does not stop a submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn: Option<Condition>,
    /// The validation code of a failed `warn`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn_code: Option<String>,
}

impl Serialize for Condition {
    /// On the wire a condition is its source text, as the form file has it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.source())
    }
}

/// One end of a date range: a fixed date, or a distance from the day of validation
/// (`today`, `today-18y`, `today+30d`, `today-6m`), so a form need not change every day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    /// This very date.
    Fixed(NaiveDate),
    /// Today moved by a number of days, months or years (negative is the past).
    Today {
        /// How many units, signed.
        amount: i32,
        /// Which unit.
        unit: DateUnit,
    },
}

/// The unit of a relative [`DateBound`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUnit {
    /// `d`: calendar days.
    Day,
    /// `m`: calendar months (the 31st clamps to the month's last day).
    Month,
    /// `y`: twelve months (29 February clamps to the 28th).
    Year,
}

impl DateBound {
    /// Reads `YYYY-MM-DD`, `today`, or `today±N` followed by `d`, `m` or `y`.
    pub fn parse(text: &str) -> Option<DateBound> {
        let Some(rest) = text.strip_prefix("today") else {
            return super::condition::parse_date(text).map(DateBound::Fixed);
        };
        if rest.is_empty() {
            return Some(DateBound::Today {
                amount: 0,
                unit: DateUnit::Day,
            });
        }
        let (sign, rest) = match rest.as_bytes().first() {
            Some(b'+') => (1, &rest[1..]),
            Some(b'-') => (-1, &rest[1..]),
            _ => return None,
        };
        let unit = match rest.chars().last()? {
            'd' => DateUnit::Day,
            'm' => DateUnit::Month,
            'y' => DateUnit::Year,
            _ => return None,
        };
        let digits = &rest[..rest.len() - 1];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let amount: i32 = digits.parse().ok()?;
        Some(DateBound::Today {
            amount: sign * amount,
            unit,
        })
    }

    /// The date this bound means on `today`; `None` only if it falls outside the calendar.
    pub fn resolve(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DateBound::Fixed(date) => Some(date),
            DateBound::Today { amount, unit } => {
                let n = amount.unsigned_abs();
                let forward = amount >= 0;
                match unit {
                    DateUnit::Day => {
                        let days = Days::new(u64::from(n));
                        if forward {
                            today.checked_add_days(days)
                        } else {
                            today.checked_sub_days(days)
                        }
                    }
                    DateUnit::Month | DateUnit::Year => {
                        let months = if unit == DateUnit::Year {
                            n.checked_mul(12)?
                        } else {
                            n
                        };
                        if forward {
                            today.checked_add_months(Months::new(months))
                        } else {
                            today.checked_sub_months(Months::new(months))
                        }
                    }
                }
            }
        }
    }
}

impl std::fmt::Display for DateBound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateBound::Fixed(date) => write!(f, "{date}"),
            DateBound::Today { amount: 0, .. } => f.write_str("today"),
            DateBound::Today { amount, unit } => {
                let unit = match unit {
                    DateUnit::Day => 'd',
                    DateUnit::Month => 'm',
                    DateUnit::Year => 'y',
                };
                write!(f, "today{amount:+}{unit}")
            }
        }
    }
}

impl Serialize for DateBound {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
