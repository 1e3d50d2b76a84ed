//! The self-check screen as the person reads it. While the policy's points table is
//! illustrative (the official one, Appendix 1 of the joint order, is not published), no number
//! of points is shown and nothing says "pass" or "fail": the screen names the criteria that are
//! scored, which of the person's answers help, which could be improved and which are missing,
//! and states the pass mark as the reported fact it is. Only with an official table does it
//! show a total against the pass mark and points per criterion.

use kosh_locales::Translator;
use kosh_shared::api::PolicyStatus;
use kosh_shared::form::Form;
use kosh_shared::policy::Scoring;
use kosh_shared::score::{ScoreReport, Target};
use serde_json::Value;

use crate::i18n::args;
use crate::view::form::value_text;

/// How one criterion stands with these answers, said without points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The answers earn something on it and nothing better is within reach.
    Helps,
    /// Another answer would count for more (a suggestion exists).
    CouldImprove,
    /// A question it reads has no answer yet.
    NotAnswered,
    /// Answered, and it earns nothing (and nothing can change that, like age).
    DoesNotAdd,
}

impl Standing {
    fn key(self) -> &'static str {
        match self {
            Standing::Helps => "ui-score-standing-helps",
            Standing::CouldImprove => "ui-score-standing-improve",
            Standing::NotAnswered => "ui-score-standing-unanswered",
            Standing::DoesNotAdd => "ui-score-standing-none",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CriterionView {
    pub id: String,
    pub name: String,
    pub standing: Standing,
    /// "Helps", "Could be improved" … in words.
    pub standing_words: String,
    /// "40 of 100", and the share for the meter, with an official table only.
    pub points: Option<(String, u32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionView {
    /// What the criterion rewards ("A higher level of Russian gives more points").
    pub why: String,
    /// The question and the answer that would count for more: "Russian: B2".
    pub answer: String,
    /// "+20 points", with an official table only.
    pub gain: Option<String>,
}

/// The screen's content; `total` and `verdict` are `None` while the table is illustrative.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreView {
    pub official: bool,
    /// "You have 420 points" (official table only).
    pub total: Option<String>,
    /// "This is above the pass mark" or "20 points short", and whether it is good news
    /// (official table only).
    pub verdict: Option<(String, bool)>,
    /// The pass mark as a fact: "The pass mark is 400 points …".
    pub pass_mark: String,
    /// While illustrative: that the official points are not published, so no total is shown.
    pub not_published: Option<String>,
    pub criteria: Vec<CriterionView>,
    pub suggestions: Vec<SuggestionView>,
}

/// Words for a suggestion's target answer.
fn target_text(tr: &Translator, form: &Form, question: &str, target: &Target) -> String {
    match target {
        Target::Answer { yes } => tr.t(if *yes { "ui-yes" } else { "ui-no" }),
        Target::AtLeast { value } => format!("≥ {value}"),
        Target::Choose { value } => match form.question(question) {
            Some(q) => value_text(tr, q, &Value::String(value.clone())),
            None => value.clone(),
        },
    }
}

fn percent(points: u32, max: u32) -> u32 {
    (points.min(max) * 100).checked_div(max).unwrap_or(0)
}

/// The view of `report` (the shared scoring of the person's draft) on `form`.
pub fn score_view(
    tr: &Translator,
    form: &Form,
    scoring: &Scoring,
    report: &ScoreReport,
) -> ScoreView {
    let summary = &report.summary;
    let questions_of = |criterion: &str| -> Vec<&str> {
        scoring
            .criteria
            .iter()
            .filter(|c| c.id == criterion)
            .flat_map(|c| c.rules.iter().map(|r| r.question()))
            .collect()
    };
    let official = summary.status == PolicyStatus::Official;
    let criteria = summary
        .criteria
        .iter()
        .map(|c| {
            let improvable = report.suggestions.iter().any(|s| s.criterion == c.id);
            let unanswered = questions_of(&c.id)
                .iter()
                .any(|q| report.unanswered.iter().any(|u| u == q));
            let standing = if unanswered {
                Standing::NotAnswered
            } else if improvable {
                Standing::CouldImprove
            } else if c.points > 0 {
                Standing::Helps
            } else {
                Standing::DoesNotAdd
            };
            CriterionView {
                id: c.id.clone(),
                name: tr.t(&format!("criterion-{}", c.id)),
                standing,
                standing_words: tr.t(standing.key()),
                points: official.then(|| {
                    (
                        tr.t_args(
                            "ui-score-criterion",
                            &args(&[("points", c.points.into()), ("max", c.max.into())]),
                        ),
                        percent(c.points, c.max),
                    )
                }),
            }
        })
        .collect();
    let suggestions = report
        .suggestions
        .iter()
        .map(|s| SuggestionView {
            why: tr.t(&format!("criterion-{}-raise", s.criterion)),
            answer: format!(
                "{}: {}",
                form.question(&s.question)
                    .map(|q| tr.t(&q.label_key))
                    .unwrap_or_default(),
                target_text(tr, form, &s.question, &s.target)
            ),
            gain: official
                .then(|| tr.t_args("mobile-score-gain", &args(&[("points", s.gain.into())]))),
        })
        .collect();
    let missing = summary.pass_mark.saturating_sub(summary.total);
    ScoreView {
        official,
        total: official
            .then(|| tr.t_args("ui-score-total", &args(&[("points", summary.total.into())]))),
        verdict: official.then(|| {
            if report.passes {
                (tr.t("ui-score-above"), true)
            } else {
                (
                    tr.t_args("ui-score-below", &args(&[("missing", missing.into())])),
                    false,
                )
            }
        }),
        pass_mark: tr.t_args(
            "ui-score-pass-mark-fact",
            &args(&[("points", summary.pass_mark.into())]),
        ),
        not_published: (!official).then(|| tr.t("ui-score-not-published")),
        criteria,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use kosh_locales::Lang;
    use kosh_shared::form::residence_2026;
    use kosh_shared::policy::Policy;
    use kosh_shared::score::score;

    fn view(lang: Lang, status: PolicyStatus) -> ScoreView {
        let tr = Translator::new(lang);
        let form = residence_2026().unwrap();
        let mut scoring = Policy::builtin().unwrap().scoring().clone();
        scoring.status = status;
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let report = score(&form.example_answers(), day, &scoring);
        score_view(&tr, form, &scoring, &report)
    }

    /// Every text of the view, for "what does it say".
    fn texts(v: &ScoreView) -> Vec<String> {
        let mut out = vec![v.pass_mark.clone()];
        out.extend(v.total.clone());
        out.extend(v.verdict.clone().map(|(t, _)| t));
        out.extend(v.not_published.clone());
        for c in &v.criteria {
            out.push(c.name.clone());
            out.push(c.standing_words.clone());
            out.extend(c.points.clone().map(|(t, _)| t));
        }
        for s in &v.suggestions {
            out.push(s.why.clone());
            out.push(s.answer.clone());
            out.extend(s.gain.clone());
        }
        out
    }

    #[test]
    fn an_illustrative_table_says_neither_pass_nor_fail_in_any_language() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            let v = view(lang, PolicyStatus::Illustrative);
            assert!(v.total.is_none() && v.verdict.is_none(), "{lang:?}");
            assert!(v.not_published.is_some(), "{lang:?}");
            let said = texts(&v).join("\n");
            let above = tr.t("ui-score-above");
            let below = tr.t_args("ui-score-below", &args(&[("missing", 1.into())]));
            // The words either way, and any count of points: an invented number is no fact.
            assert!(!said.contains(&above), "{lang:?}: {said}");
            let below_words = below.replace('1', "");
            assert!(!said.contains(below_words.trim()), "{lang:?}: {said}");
            assert!(v.criteria.iter().all(|c| c.points.is_none()), "{lang:?}");
            assert!(v.suggestions.iter().all(|s| s.gain.is_none()), "{lang:?}");
            // The pass mark is a reported fact, so it is said.
            assert!(v.pass_mark.contains("400"), "{lang:?}: {}", v.pass_mark);
        }
    }

    #[test]
    fn each_criterion_says_whether_the_answers_help_or_could_be_improved() {
        let v = view(Lang::En, PolicyStatus::Illustrative);
        let standing = |id: &str| v.criteria.iter().find(|c| c.id == id).unwrap().standing;
        // The example is a civil engineer with B1 Russian: education helps, Russian could be
        // better.
        assert_eq!(standing("language_russian"), Standing::CouldImprove);
        assert!(
            v.criteria.iter().any(|c| c.standing == Standing::Helps),
            "{v:?}"
        );
    }

    #[test]
    fn an_official_table_shows_the_total_and_the_verdict() {
        let v = view(Lang::Ru, PolicyStatus::Official);
        assert!(v.total.is_some() && v.verdict.is_some() && v.not_published.is_none());
        assert!(v.criteria.iter().all(|c| c.points.is_some()));
    }
}
