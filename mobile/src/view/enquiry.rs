//! The enquiry a person can send when a stage runs late: a ready text for the e-Otinish portal
//! or a public service centre saying what was submitted and when, the application's id, which
//! stage is overdue and since when. It is written in Kazakh and in Russian whatever language
//! the app speaks, since those are the languages the officials read; the person's own language
//! gets the same text to read what they send. The templates are the `reports-enquiry` messages
//! of each language's `reports.ftl`, looked up in the Kazakh and Russian bundles explicitly.

use chrono::{DateTime, NaiveDate, Utc};
use kosh_locales::{FluentArgs, Lang, Translator};
use kosh_shared::api::Application;
use kosh_shared::status::{Outcome, Stage, is_overdue};

use crate::view::date::numeric;

/// The facts an enquiry states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryFacts {
    pub application_id: String,
    /// The day the questionnaire was sent.
    pub submitted_on: NaiveDate,
    /// The stage running late.
    pub stage: Stage,
    /// The day that stage began.
    pub stage_since: NaiveDate,
    /// The day it should normally have ended.
    pub due_on: NaiveDate,
}

/// The facts for an enquiry about `app` at `now`, or `None` while no stage is overdue.
pub fn facts(app: &Application, now: DateTime<Utc>) -> Option<EnquiryFacts> {
    if !is_overdue(app, now) {
        return None;
    }
    let due = app.expected_by?;
    // The stage began with its pending entry (the one the stage before it opened), or else
    // when the stage before it passed; an application still at its first stage began when it
    // was sent.
    let since = app
        .timeline
        .iter()
        .rev()
        .find(|e| e.stage == app.stage && e.outcome == Outcome::Pending)
        .or_else(|| {
            app.timeline
                .iter()
                .rev()
                .find(|e| e.outcome == Outcome::Passed)
        })
        .map_or(app.submitted_at, |e| e.at);
    Some(EnquiryFacts {
        application_id: app.id.to_string(),
        submitted_on: app.submitted_at.date_naive(),
        stage: app.stage,
        stage_since: since.date_naive(),
        due_on: due.date_naive(),
    })
}

/// The enquiry in one language: its `reports-enquiry` template with the facts, the stage named
/// in that language and every date as DD.MM.YYYY, as official papers write it.
pub fn text_in(tr: &Translator, facts: &EnquiryFacts) -> String {
    let mut args = FluentArgs::new();
    args.set("id", facts.application_id.clone());
    args.set("submitted", numeric(facts.submitted_on));
    args.set("stage", tr.t(&format!("stage-{}", facts.stage.id())));
    args.set("since", numeric(facts.stage_since));
    args.set("due", numeric(facts.due_on));
    tr.t_args("reports-enquiry", &args)
}

/// The enquiry as it is copied or shared: the Kazakh text, then the Russian one.
pub fn enquiry_text(facts: &EnquiryFacts) -> String {
    format!(
        "{}\n\n{}",
        text_in(&Translator::new(Lang::Kk), facts),
        text_in(&Translator::new(Lang::Ru), facts)
    )
}

/// The same enquiry in the person's own language, to read what they send; `None` when they
/// read Kazakh (in Cyrillic) or Russian, which the text already is.
pub fn own_language_text(tr: &Translator, facts: &EnquiryFacts) -> Option<String> {
    (!matches!(tr.lang(), Lang::Kk | Lang::Ru)).then(|| text_in(tr, facts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::testing::instant as at;

    /// Sent on 2 March 2026; the submission and the scoring passed on 3 March, so the
    /// interagency checks (20 working days) began then.
    fn late_app() -> Application {
        kosh_shared::testing::application_at(
            "app-7f3a",
            Stage::InteragencyChecks,
            at("2026-03-02T09:00:00Z"),
            at("2026-03-03T10:00:00Z"),
        )
    }

    #[test]
    fn no_enquiry_while_the_stage_is_on_time() {
        let app = late_app();
        assert!(facts(&app, at("2026-03-10T10:00:00Z")).is_none());
    }

    #[test]
    fn the_facts_name_the_late_stage_since_when_and_its_due_date() {
        let app = late_app();
        let due = app.expected_by.unwrap();
        let facts = facts(&app, due + chrono::Duration::days(3)).expect("overdue");
        assert_eq!(facts.stage, Stage::InteragencyChecks);
        assert_eq!(facts.application_id, "app-7f3a");
        assert_eq!(
            facts.submitted_on,
            "2026-03-02".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            facts.stage_since,
            "2026-03-03".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(facts.due_on, due.date_naive());
        assert!(facts.due_on > facts.stage_since);
    }

    #[test]
    fn the_enquiry_says_it_all_in_kazakh_and_in_russian() {
        let app = late_app();
        let due = app.expected_by.unwrap();
        let facts = facts(&app, due + chrono::Duration::days(3)).unwrap();
        let text = enquiry_text(&facts);
        let (kk, ru) = text.split_once("\n\n").expect("two paragraphs");
        let kk_words = Translator::new(Lang::Kk);
        let ru_words = Translator::new(Lang::Ru);
        for (part, words) in [(kk, &kk_words), (ru, &ru_words)] {
            assert!(part.contains("app-7f3a"), "{part}");
            assert!(part.contains("02.03.2026"), "the submission's date: {part}");
            assert!(part.contains("03.03.2026"), "the stage's start: {part}");
            assert!(
                part.contains(&numeric(facts.due_on)),
                "the due date: {part}"
            );
            assert!(
                part.contains(&words.t("stage-interagency_checks")),
                "the stage in the part's own language: {part}"
            );
        }
        assert!(
            kk.contains('қ') || kk.contains('ө') || kk.contains('і'),
            "Kazakh letters: {kk}"
        );
        assert!(ru.contains("заявлени"), "Russian words: {ru}");
        assert_ne!(kk, ru);
    }

    #[test]
    fn the_enquiry_is_the_same_whatever_language_the_app_speaks_and_translated_for_reading() {
        let app = late_app();
        let facts = facts(&app, app.expected_by.unwrap() + chrono::Duration::days(1)).unwrap();
        let zh = Translator::new(Lang::ZhHans);
        let own = own_language_text(&zh, &facts).expect("Chinese readers get a translation");
        assert!(
            own.contains("app-7f3a") && own.contains("02.03.2026"),
            "{own}"
        );
        assert!(!enquiry_text(&facts).contains(&own));
        assert!(own_language_text(&Translator::new(Lang::Ru), &facts).is_none());
        assert!(own_language_text(&Translator::new(Lang::Kk), &facts).is_none());
    }
}
