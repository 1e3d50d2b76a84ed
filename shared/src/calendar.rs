//! Counting days the way the sources count them: calendar days, or working days (Monday to
//! Friday without public holidays, which are policy data, since Kazakhstan moves some days off
//! by decree each year). "Within 20 working days" of a start means the 20th working day after
//! it: the start day itself is not counted.

use chrono::format::{Item, Numeric, Pad, Parsed, parse};
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A date written `YYYY-MM-DD`, read exactly as chrono's
/// `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads it (the items below are what chrono
/// makes of that pattern, so the same texts are dates), without the pattern's parser: with
/// chrono's `format` for writing, that was about 5 KB of the web app's brotli download for the
/// one pattern the app uses. Write dates with `NaiveDate`'s `Display`, which is `YYYY-MM-DD`.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    const YMD: [Item<'static>; 5] = [
        Item::Numeric(Numeric::Year, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Month, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Day, Pad::Zero),
    ];
    let mut parsed = Parsed::new();
    parse(&mut parsed, text, YMD.iter()).ok()?;
    parsed.to_naive_date().ok()
}

/// `days` calendar days after `start`; the last representable day rather than a panic.
pub fn add_calendar_days(start: NaiveDate, days: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether `day` is a working day: not a Saturday or Sunday and not one of `holidays`.
pub fn is_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// The `days`-th working day after `start` (`start` itself not counted); `start` for zero.
pub fn add_working_days(start: NaiveDate, days: u32, holidays: &[NaiveDate]) -> NaiveDate {
    let mut day = start;
    let mut left = days;
    while left > 0 {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return NaiveDate::MAX,
        }
        if is_working_day(day, holidays) {
            left -= 1;
        }
    }
    day
}

/// Working days from `start` (not counted) to `end` (counted): how far along a stage counted in
/// working days is. Zero when `end` is not after `start`.
pub fn working_days_between(start: NaiveDate, end: NaiveDate, holidays: &[NaiveDate]) -> u32 {
    let mut n = 0;
    let mut day = start;
    while day < end {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        if is_working_day(day, holidays) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day as d;
    use rstest::rstest;

    /// The same dates as chrono's own reading of the pattern, and no others.
    #[rstest]
    #[case("2026-03-01")]
    #[case("2026-3-1")]
    #[case("1999-12-31")]
    #[case("2024-02-29")]
    #[case("2026-02-29")]
    #[case("2026-13-01")]
    #[case("2026-03-01 ")]
    #[case(" 2026-03-01")]
    #[case("2026/03/01")]
    #[case("+2026-03-01")]
    #[case("20260301")]
    #[case("2026-03-01T00:00")]
    #[case("")]
    #[case("годы")]
    fn parse_ymd_reads_as_chrono_reads_the_pattern(#[case] text: &str) {
        assert_eq!(
            parse_ymd(text),
            NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
            "{text:?}"
        );
    }

    #[test]
    fn dates_are_written_as_they_are_read() {
        let day = d("2026-03-01");
        assert_eq!(day.to_string(), "2026-03-01");
        assert_eq!(parse_ymd(&day.to_string()), Some(day));
    }

    /// Kazakhstan's public holidays in March 2026: 8 March (a Sunday, moved to Monday 9 March
    /// by decree) and Nauryz, 21 to 23 March. The test's data, not the policy's.
    fn march_2026() -> Vec<NaiveDate> {
        ["2026-03-09", "2026-03-23", "2026-03-24", "2026-03-25"]
            .into_iter()
            .map(d)
            .collect()
    }

    #[rstest]
    #[case::monday_plus_four("2026-02-02", 4, "2026-02-06")]
    #[case::friday_plus_one_skips_the_weekend("2026-02-06", 1, "2026-02-09")]
    #[case::saturday_start_counts_from_monday("2026-02-07", 1, "2026-02-09")]
    #[case::twenty_working_days_are_four_weeks("2026-02-02", 20, "2026-03-02")]
    #[case::holiday_skipped("2026-03-06", 1, "2026-03-10")]
    #[case::nauryz_skipped("2026-03-20", 1, "2026-03-26")]
    #[case::across_the_holidays("2026-03-02", 20, "2026-04-03")]
    #[case::zero_is_the_start("2026-03-07", 0, "2026-03-07")]
    fn working_days(#[case] start: &str, #[case] days: u32, #[case] due: &str) {
        assert_eq!(add_working_days(d(start), days, &march_2026()), d(due));
    }

    #[rstest]
    #[case("2026-03-02", 20)]
    #[case("2026-02-06", 1)]
    #[case("2026-03-20", 7)]
    fn counting_back_agrees(#[case] start: &str, #[case] days: u32) {
        let due = add_working_days(d(start), days, &march_2026());
        assert_eq!(working_days_between(d(start), due, &march_2026()), days);
    }

    #[test]
    fn calendar_days_count_every_day_and_never_panic() {
        assert_eq!(add_calendar_days(d("2026-12-30"), 3), d("2027-01-02"));
        assert_eq!(add_calendar_days(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_working_days(NaiveDate::MAX, 1, &[]), NaiveDate::MAX);
        assert_eq!(
            working_days_between(d("2026-03-05"), d("2026-03-01"), &[]),
            0
        );
    }
}
