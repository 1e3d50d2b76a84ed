//! A date as a person enters it: day, month and year in three boxes, the pattern government
//! services use for a birth date (a calendar makes a person page back through decades), shown
//! as DD.MM.YYYY whatever the browser's own locale is.
//!
//! The answer keeps what was typed even before it is a date: the parts are stored as
//! `YYYY-MM-DD` with any part possibly empty (`1990--14`), so a half-entered birth date
//! survives a reload and syncs like any answer, and validation calls it what it is (not yet a
//! date) until all three parts are there.

use chrono::{Datelike, NaiveDate};
use kosh_locales::{FluentArgs, Translator};

/// The three parts of a date answer, each as typed (digits only, possibly empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    /// The parts of a stored answer: `YYYY-MM-DD`, with parts possibly empty. Anything else
    /// (an answer from an older build, another format) is shown in none of the boxes rather
    /// than in the wrong one; the answer itself stays until the person types.
    pub fn from_answer(answer: &str) -> DateParts {
        let mut parts = answer.splitn(3, '-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(year), Some(month), Some(day))
                if [year, month, day]
                    .iter()
                    .all(|p| p.chars().all(|c| c.is_ascii_digit())) =>
            {
                DateParts {
                    day: day.to_owned(),
                    month: month.to_owned(),
                    year: year.to_owned(),
                }
            }
            _ => DateParts::default(),
        }
    }

    /// The answer to store: `None` when all three boxes are empty (no answer), otherwise
    /// `YYYY-MM-DD` with a one-digit day or month padded (`5` → `05`), so a complete entry is
    /// the ISO date validation and the server expect.
    pub fn to_answer(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let pad = |part: &str| {
            if part.len() == 1 {
                format!("0{part}")
            } else {
                part.to_owned()
            }
        };
        Some(format!(
            "{}-{}-{}",
            self.year,
            pad(&self.month),
            pad(&self.day)
        ))
    }

    pub fn is_empty(&self) -> bool {
        self.day.is_empty() && self.month.is_empty() && self.year.is_empty()
    }

    /// Whether every box has something in it: only then is "wrong date" worth saying while
    /// the person is still typing.
    pub fn is_complete(&self) -> bool {
        !self.day.is_empty() && !self.month.is_empty() && !self.year.is_empty()
    }

    /// One box's new text, keeping only its digits (a phone's numeric keyboard
    /// can still type `.` or `-`) and at most `max` of them.
    pub fn digits(text: &str, max: usize) -> String {
        text.chars()
            .filter(char::is_ascii_digit)
            .take(max)
            .collect()
    }
}

/// A stored date answer still being typed: some boxes filled, not all.
pub fn is_partial(answer: &str) -> bool {
    let parts = DateParts::from_answer(answer);
    answer.matches('-').count() == 2 && !parts.is_complete()
}

/// A date as DD.MM.YYYY, the way the person's documents and government services write it.
pub fn numeric(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// The words of the three boxes: their names and the twelve months in the person's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateWords {
    pub day: String,
    pub month: String,
    pub year: String,
    /// January to December, as the month box lists them.
    pub months: Vec<String>,
}

pub fn date_words(tr: &Translator) -> DateWords {
    DateWords {
        day: tr.t("ui-date-day"),
        month: tr.t("ui-date-month"),
        year: tr.t("ui-date-year"),
        months: (1..=12)
            .map(|month| {
                let mut args = FluentArgs::new();
                args.set("month", month);
                tr.t_args("ui-date-month-name", &args)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn parts(day: &str, month: &str, year: &str) -> DateParts {
        DateParts {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    #[rstest]
    #[case::complete("1990-05-14", parts("14", "05", "1990"))]
    #[case::day_missing("1990-05-", parts("", "05", "1990"))]
    #[case::only_day("--7", parts("7", "", ""))]
    #[case::other_format("14.05.1990", parts("", "", ""))]
    #[case::empty("", parts("", "", ""))]
    fn answers_split_into_their_parts(#[case] answer: &str, #[case] expected: DateParts) {
        assert_eq!(DateParts::from_answer(answer), expected);
    }

    #[rstest]
    #[case::padded(parts("5", "3", "1990"), Some("1990-03-05"))]
    #[case::as_typed(parts("14", "05", "1990"), Some("1990-05-14"))]
    #[case::partial_kept(parts("14", "", "19"), Some("19--14"))]
    #[case::nothing(parts("", "", ""), None)]
    fn parts_become_the_stored_answer(#[case] date: DateParts, #[case] expected: Option<&str>) {
        assert_eq!(date.to_answer().as_deref(), expected);
    }

    #[test]
    fn a_partial_answer_round_trips_and_is_known_as_partial() {
        let typed = parts("", "11", "1992");
        let stored = typed.to_answer().unwrap();
        assert_eq!(DateParts::from_answer(&stored), typed);
        assert!(is_partial(&stored));
        assert!(!is_partial("1992-11-03"));
        // A complete but impossible date is not partial: it is wrong, and says so at once.
        assert!(!is_partial("1992-02-30"));
        assert!(!is_partial("14.05.1990"));
    }

    #[test]
    fn boxes_keep_only_digits() {
        assert_eq!(DateParts::digits("1.9-9", 4), "199");
        assert_eq!(DateParts::digits("12345", 4), "1234");
    }

    #[test]
    fn dates_show_day_month_year_with_dots() {
        let day = NaiveDate::from_ymd_opt(2016, 2, 9).unwrap();
        assert_eq!(numeric(day), "09.02.2016");
    }
}
