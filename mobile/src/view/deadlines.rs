//! The dates-not-to-miss screen's view model, and the calendar files it offers: one `.ics` per
//! deadline and one with all of them, made here on the phone (no server, works offline) by a
//! small iCalendar writer of its own. Each deadline is an all-day event on its day, in the person's
//! language, with a reminder a few days before.
//!
//! Dates are written DD.MM.YYYY, the way Kazakh papers write them, whatever the language.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use kosh_locales::{FluentArgs, Translator};
use kosh_shared::deadlines::{Deadline, DeadlineKind, Facts, deadlines};
use kosh_shared::form::{Answers, Form};
use kosh_shared::policy::Policy;
use kosh_shared::stage::Stage;

use crate::store::vault::Saved;
use crate::view::status::latest_application;

/// How many days before a deadline the calendar reminds the person.
pub const REMIND_DAYS_BEFORE: i64 = 7;

/// The deadlines of the saved state on `today`: the draft's answers read with its form (when
/// the phone holds that version), the newest application, and the contract.
pub fn of_saved(
    saved: &Saved,
    form: Option<&Form>,
    policy: &Policy,
    today: NaiveDate,
) -> Vec<Deadline> {
    let answers = saved.draft.answers();
    let facts = Facts {
        answers: form.map(|f| (f, &answers as &dyn Answers)),
        application: latest_application(&saved.applications),
        contract: saved.contract.as_ref(),
    };
    deadlines(facts, policy, today)
}

/// A date as DD.MM.YYYY.
pub fn numeric_date(day: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", day.day(), day.month(), day.year())
}

/// One deadline as the screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRow {
    /// The deadline's id (`kaztest`, `stage_interview`): the row's key and its file's name.
    pub id: String,
    /// What the date is, in words ("KAZTEST certificate: last valid day").
    pub title: String,
    /// The date, DD.MM.YYYY.
    pub date: String,
    /// Where the date is counted from, in words ("Test taken on 15.12.2025").
    pub detail: String,
    /// The date has passed (an expired certificate, a term over).
    pub is_past: bool,
    /// The stage is running late: its usual time is over.
    pub is_late: bool,
    /// The figure behind the date is not confirmed by a published rule.
    pub uncertain: bool,
    /// Where the figure comes from, in words.
    pub source: String,
    /// The calendar file's name (`kosh-kaztest.ics`).
    pub file_name: String,
}

fn args<'a>(pairs: &[(&'a str, String)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in pairs {
        out.set(*name, value.clone());
    }
    out
}

/// The stage a deadline is about, for its words.
fn stage_name(tr: &Translator, stage: Stage) -> String {
    tr.t(&format!("stage-{}", stage.id()))
}

/// What the deadline is, in words: its title on the screen and its calendar event's summary.
pub fn title(tr: &Translator, d: &Deadline) -> String {
    match d.kind {
        DeadlineKind::StageDue(stage) => tr.t_args(
            "ui-deadlines-stage",
            &args(&[("stage", stage_name(tr, stage))]),
        ),
        kind => tr.t(&format!("ui-deadlines-{}", kind.id())),
    }
}

/// Where the deadline is counted from, in words.
fn detail(tr: &Translator, d: &Deadline) -> String {
    let key = match d.kind {
        DeadlineKind::StageDue(_) => "ui-deadlines-stage-from".to_owned(),
        kind => format!("ui-deadlines-{}-from", kind.id()),
    };
    tr.t_args(&key, &args(&[("date", numeric_date(d.from))]))
}

/// The source of the deadline's figure in words: the checks have their own published figure,
/// the KAZTEST its general rules, the contract the refund rule's source, the rest the road's.
fn source(tr: &Translator, d: &Deadline) -> String {
    let key = match d.kind {
        DeadlineKind::KaztestValidUntil => "ui-deadlines-source-kaztest",
        DeadlineKind::ContractEnds => "source-refund",
        DeadlineKind::StageDue(Stage::InteragencyChecks) => "ui-deadlines-source-checks",
        DeadlineKind::ScreeningCertificateValidUntil | DeadlineKind::StageDue(_) => "source-stages",
    };
    tr.t(key)
}

/// The calendar file's name for one deadline.
pub fn file_name(d: &Deadline) -> String {
    format!("kosh-{}.ics", d.kind.id().replace('_', "-"))
}

/// The name of the file with every deadline.
pub const ALL_FILE_NAME: &str = "kosh-dates.ics";

/// The screen's rows, in the order given (soonest first, as `deadlines` returns them).
pub fn rows(tr: &Translator, deadlines: &[Deadline]) -> Vec<DeadlineRow> {
    deadlines
        .iter()
        .map(|d| DeadlineRow {
            id: d.kind.id(),
            title: title(tr, d),
            date: numeric_date(d.on),
            detail: detail(tr, d),
            is_past: d.is_past,
            is_late: d.is_late_stage(),
            uncertain: d.uncertain,
            source: source(tr, d),
            file_name: file_name(d),
        })
        .collect()
}

/// An iCalendar file (RFC 5545) with one all-day event per deadline: the summary in the
/// person's language, the detail, source and uncertainty in its description, and a reminder
/// [`REMIND_DAYS_BEFORE`] days before. `stamp` is the file's creation time (DTSTAMP). A UID
/// names the deadline and its day, so adding the same date twice updates one event, and a
/// date that moved (a contract re-entered) is a new one.
pub fn ics(tr: &Translator, deadlines: &[Deadline], stamp: DateTime<Utc>) -> String {
    let name = tr.t("ui-deadlines-calendar-name");
    let mut file = Ics::default();
    file.raw("BEGIN", "VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//Kosh//Dates not to miss//EN")
        .raw("CALSCALE", "GREGORIAN")
        .raw("METHOD", "PUBLISH")
        .text("NAME", &name)
        .text("X-WR-CALNAME", &name);
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(stamp.date_naive()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    for d in deadlines {
        let summary = title(tr, d);
        let mut description = vec![detail(tr, d)];
        if d.is_late_stage() {
            description.push(tr.t("ui-deadlines-late"));
        }
        if d.uncertain {
            description.push(tr.t("ui-deadlines-uncertain"));
        }
        description.push(tr.t_args("ui-deadlines-source", &args(&[("source", source(tr, d))])));
        let reminder = tr.t_args(
            "ui-deadlines-reminder",
            &args(&[("what", summary.clone()), ("date", numeric_date(d.on))]),
        );
        let day_after = d.on.succ_opt().unwrap_or(d.on);
        file.raw("BEGIN", "VEVENT")
            .raw("UID", &format!("{}-{}@kosh", d.kind.id(), basic_date(d.on)))
            .raw("DTSTAMP", &stamp)
            .text("SUMMARY", &summary)
            .text("DESCRIPTION", &description.join("\n"))
            // An all-day event: DTEND is the day after, exclusive (RFC 5545 3.6.1).
            .raw("DTSTART;VALUE=DATE", &basic_date(d.on))
            .raw("DTEND;VALUE=DATE", &basic_date(day_after))
            .raw("BEGIN", "VALARM")
            .raw("ACTION", "DISPLAY")
            .text("DESCRIPTION", &reminder)
            .raw("TRIGGER", &format!("-P{REMIND_DAYS_BEFORE}D"))
            .raw("END", "VALARM")
            .raw("END", "VEVENT");
    }
    file.raw("END", "VCALENDAR");
    file.0
}

/// A date as iCalendar writes it (`20260301`).
fn basic_date(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// iCalendar text as these files need it, written by hand: a crate for it (`icalendar`, with
/// its parser's dependencies) cost the phone's download more than these lines, and the tests
/// read every file back with `ical`, a parser written apart.
#[derive(Default)]
struct Ics(String);

impl Ics {
    /// A content line whose value is written as it is (names, dates, durations): ours only,
    /// never a person's or a translator's words.
    fn raw(&mut self, name: &str, value: &str) -> &mut Self {
        self.line(name, value)
    }

    /// A content line with a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma
    /// escaped, a line break written `\n`, other control characters (not allowed in TEXT)
    /// left out.
    fn text(&mut self, name: &str, value: &str) -> &mut Self {
        let mut escaped = String::with_capacity(value.len());
        for c in value.chars() {
            match c {
                '\\' | ';' | ',' => {
                    escaped.push('\\');
                    escaped.push(c);
                }
                '\n' => escaped.push_str("\\n"),
                '\t' => escaped.push(c),
                c if c.is_control() => {}
                c => escaped.push(c),
            }
        }
        self.line(name, &escaped)
    }

    /// `NAME:VALUE` and CRLF, folded so that no line is longer than 75 octets (RFC 5545 3.1):
    /// a long line goes on after CRLF and a space, never inside a character's UTF-8 bytes.
    fn line(&mut self, name: &str, value: &str) -> &mut Self {
        const LIMIT: usize = 75;
        let mut used = 0;
        for c in name.chars().chain([':']).chain(value.chars()) {
            if used + c.len_utf8() > LIMIT {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_locales::Lang;
    use kosh_shared::policy::Source;
    use kosh_shared::testing::day as d;

    fn deadline(kind: DeadlineKind, on: &str, is_past: bool, uncertain: bool) -> Deadline {
        Deadline {
            kind,
            on: d(on),
            from: d("2025-12-15"),
            is_past,
            uncertain,
            source: Source {
                text: "a source".into(),
                date: d("2026-01-30"),
            },
        }
    }

    fn sample() -> Vec<Deadline> {
        vec![
            deadline(
                DeadlineKind::StageDue(Stage::Interview),
                "2026-06-08",
                true,
                true,
            ),
            deadline(DeadlineKind::KaztestValidUntil, "2027-12-14", false, true),
            deadline(DeadlineKind::ContractEnds, "2031-03-01", false, true),
        ]
    }

    /// The file parsed back by `ical`, a parser written apart from the crate that made it:
    /// every event as (name, parameters, value) triples, alarms with their event.
    fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none(), "exactly one calendar");
        calendar
    }

    fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> &'a ical::property::Property {
        props
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no {name} in {props:?}"))
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(numeric_date(d("2026-03-01")), "01.03.2026");
        assert_eq!(numeric_date(d("2031-12-16")), "16.12.2031");
    }

    #[test]
    fn the_calendar_file_parses_with_every_required_property() {
        let tr = Translator::new(Lang::Kk);
        let stamp: DateTime<Utc> = "2026-12-02T10:00:00Z".parse().unwrap();
        let text = ics(&tr, &sample(), stamp);
        // Lines end in CRLF, and none is longer than 75 octets (long ones are folded).
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        assert!(
            text.contains("\r\n "),
            "a folded line (Kazakh words are long in UTF-8)"
        );

        let cal = parse(&text);
        assert_eq!(
            prop(&cal.properties, "VERSION").value.as_deref(),
            Some("2.0")
        );
        assert!(cal.properties.iter().any(|p| p.name == "PRODID"));
        assert_eq!(cal.events.len(), 3);
        for (event, dl) in cal.events.iter().zip(sample()) {
            let p = &event.properties;
            assert_eq!(
                prop(p, "UID").value.as_deref(),
                Some(format!("{}-{}@kosh", dl.kind.id(), dl.on.format("%Y%m%d")).as_str())
            );
            assert_eq!(
                prop(p, "DTSTAMP").value.as_deref(),
                Some("20261202T100000Z")
            );
            let start = prop(p, "DTSTART");
            assert_eq!(
                start.value.as_deref(),
                Some(dl.on.format("%Y%m%d").to_string().as_str())
            );
            let params = start.params.clone().unwrap_or_default();
            assert!(
                params.contains(&("VALUE".to_owned(), vec!["DATE".to_owned()])),
                "{params:?}"
            );
            let end = prop(p, "DTEND").value.clone().unwrap();
            assert_eq!(end, dl.on.succ_opt().unwrap().format("%Y%m%d").to_string());
            // The summary is the Kazakh title, unfolded back whole.
            assert_eq!(prop(p, "SUMMARY").value.clone().unwrap(), title(&tr, &dl));
            assert_eq!(event.alarms.len(), 1);
            let alarm = &event.alarms[0].properties;
            assert_eq!(prop(alarm, "ACTION").value.as_deref(), Some("DISPLAY"));
            assert_eq!(
                prop(alarm, "TRIGGER").value.as_deref(),
                Some("-P7D"),
                "seven days before, as RFC 5545 writes a duration"
            );
            assert!(prop(alarm, "DESCRIPTION").value.is_some());
        }
    }

    #[test]
    fn text_values_are_escaped_and_long_lines_folded_between_characters() {
        let mut file = Ics::default();
        file.text("SUMMARY", "a, b; c\\d\ne\r\u{7}f");
        assert_eq!(file.0, "SUMMARY:a\\, b\\; c\\\\d\\nef\r\n");

        // 80 two-byte letters: 33 fit after "SUMMARY:" (8 + 66 octets, a 34th would make 76),
        // 37 after the next line's space (1 + 74), and the last 10 on a third line.
        let mut file = Ics::default();
        file.text("SUMMARY", &"ә".repeat(80));
        let lines: Vec<&str> = file.0.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert_eq!(
            lines.iter().map(|l| l.len()).collect::<Vec<_>>(),
            [74, 75, 21]
        );
        let unfolded: String = lines
            .iter()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        assert_eq!(unfolded, format!("SUMMARY:{}", "ә".repeat(80)));

        // And `ical` reads such a line back whole.
        let mut whole = Ics::default();
        whole
            .raw("BEGIN", "VCALENDAR")
            .raw("VERSION", "2.0")
            .raw("PRODID", "-//Kosh//test//EN")
            .text("X-WR-CALNAME", &"ә".repeat(80))
            .raw("END", "VCALENDAR");
        let cal = parse(&whole.0);
        assert_eq!(
            prop(&cal.properties, "X-WR-CALNAME").value.as_deref(),
            Some("ә".repeat(80).as_str())
        );
    }

    #[test]
    fn the_summary_is_in_the_persons_language() {
        let stamp: DateTime<Utc> = "2026-12-02T10:00:00Z".parse().unwrap();
        let one = [deadline(
            DeadlineKind::ContractEnds,
            "2031-03-01",
            false,
            true,
        )];
        let ru = parse(&ics(&Translator::new(Lang::Ru), &one, stamp));
        let summary = prop(&ru.events[0].properties, "SUMMARY")
            .value
            .clone()
            .unwrap();
        assert!(
            summary.chars().any(|c| ('а'..='я').contains(&c)),
            "{summary}"
        );
        assert_eq!(
            summary,
            Translator::new(Lang::Ru).t("ui-deadlines-contract_end")
        );
    }

    #[test]
    fn rows_say_what_each_date_is() {
        let tr = Translator::new(Lang::En);
        let rows = rows(&tr, &sample());
        assert_eq!(rows.len(), 3);
        let late = &rows[0];
        assert_eq!(
            (late.id.as_str(), late.date.as_str()),
            ("stage_interview", "08.06.2026")
        );
        assert!(late.is_late && late.is_past && late.uncertain);
        assert!(
            late.title.contains(&tr.t("stage-interview")),
            "{}",
            late.title
        );
        assert_eq!(late.file_name, "kosh-stage-interview.ics");
        assert!(rows[1].detail.contains("15.12.2025"));
        assert!(!rows[1].is_late && !rows[2].is_past);
        for r in &rows {
            assert!(
                !r.title.contains("ui-") && !r.source.contains("ui-"),
                "{r:?}"
            );
        }
    }
}
