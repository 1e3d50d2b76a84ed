//! The preliminary screening self-check: a draft's answers scored against the policy's scoring
//! table, and "what would raise my score" computed from the same table.
//!
//! Nothing here knows a point value: every number comes from [`Scoring`]. The table shipped today
//! is illustrative (DOMAIN.md: the official points were not published), and the summary carries
//! that status so the app can say so wherever a score is shown. The summary's wire types
//! ([`ScoreSummary`], [`CriterionPoints`]) are defined here; `api` re-exports them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::form::LANGUAGE_LEVELS;
use crate::policy::{Band, PolicyStatus, Rule, Scoring};

/// One criterion's share of the preliminary score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionPoints {
    pub id: String,
    pub points: u32,
    pub max: u32,
}
/// The preliminary score as the application carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSummary {
    pub total: u32,
    pub pass_mark: u32,
    pub status: PolicyStatus,
    pub criteria: Vec<CriterionPoints>,
}

/// The answer a suggestion asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// Choose this option (an education level, a language level).
    Choose { value: String },
    /// Reach at least this number (e.g. years of work).
    AtLeast { value: f64 },
    /// Answer yes or no.
    Answer { yes: bool },
}

/// One way to raise the score: change one answer, gain some points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The criterion that would gain.
    pub criterion: String,
    /// The question to change.
    pub question: String,
    /// The answer that reaches the next higher band.
    pub target: Target,
    /// Points the total would gain.
    pub gain: u32,
}

/// A draft's preliminary score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreReport {
    /// Total, pass mark, status and per-criterion points, as the application carries them.
    pub summary: ScoreSummary,
    /// Whether the total reaches the pass mark.
    pub passes: bool,
    /// Ways to raise the score, biggest gain first: one per improvable rule, each to the next
    /// higher band. Age is never suggested.
    pub suggestions: Vec<Suggestion>,
    /// Questions the table reads that have no usable answer yet (they scored 0).
    pub unanswered: Vec<String>,
}

/// Score `answers` (a draft's merged answers) on `today` with the policy's table.
pub fn score(answers: &BTreeMap<String, Value>, today: NaiveDate, table: &Scoring) -> ScoreReport {
    let mut criteria = Vec::with_capacity(table.criteria.len());
    let mut suggestions = Vec::new();
    let mut unanswered = Vec::new();
    for c in &table.criteria {
        let got: Vec<Option<u32>> = c
            .rules
            .iter()
            .map(|r| rule_points(r, answers.get(r.question()), today))
            .collect();
        let raw: u32 = got.iter().map(|p| p.unwrap_or(0)).sum();
        let points = raw.min(c.max);
        criteria.push(CriterionPoints {
            id: c.id.clone(),
            points,
            max: c.max,
        });
        for (rule, now) in c.rules.iter().zip(&got) {
            if now.is_none() {
                unanswered.push(rule.question().to_owned());
            }
            let current = answers.get(rule.question()).filter(|_| now.is_some());
            let now = now.unwrap_or(0);
            if let Some((target, better)) = next_band(rule, current, now) {
                let after = (raw - now + better).min(c.max);
                if after > points {
                    suggestions.push(Suggestion {
                        criterion: c.id.clone(),
                        question: rule.question().to_owned(),
                        target,
                        gain: after - points,
                    });
                }
            }
        }
    }
    // Stable sort: equal gains keep the table's order, so the list is deterministic.
    crate::sort::sort_by_key(&mut suggestions, |s| std::cmp::Reverse(s.gain));
    let total = criteria.iter().map(|c| c.points).sum();
    ScoreReport {
        summary: ScoreSummary {
            total,
            pass_mark: table.pass_mark,
            status: table.status,
            criteria,
        },
        passes: total >= table.pass_mark,
        suggestions,
        unanswered,
    }
}

/// The points one rule gives for an answer; `None` when there is no usable answer.
fn rule_points(rule: &Rule, answer: Option<&Value>, today: NaiveDate) -> Option<u32> {
    let answer = answer?;
    match rule {
        Rule::ByValue { points, .. } | Rule::LanguageLevel { points, .. } => {
            Some(points.get(answer.as_str()?).copied().unwrap_or(0))
        }
        Rule::AgeBands { bands, .. } => {
            let born = crate::calendar::parse_ymd(answer.as_str()?)?;
            Some(band_points(bands, f64::from(age_on(born, today)?)))
        }
        Rule::NumberBands { bands, .. } => {
            let n = answer.as_f64().filter(|n| n.is_finite())?;
            Some(band_points(bands, n))
        }
        Rule::YesNo { yes, no, .. } => Some(if yes_no(answer)? { *yes } else { *no }),
    }
}

/// The cheapest step up from the current points: the answer and the points it would give.
fn next_band(rule: &Rule, current: Option<&Value>, now: u32) -> Option<(Target, u32)> {
    match rule {
        // Nobody can change their age.
        Rule::AgeBands { .. } => None,
        Rule::ByValue { points, .. } => points
            .iter()
            .filter(|(_, p)| **p > now)
            .min_by_key(|(_, p)| **p)
            .map(|(v, p)| (Target::Choose { value: v.clone() }, *p)),
        Rule::LanguageLevel { points, .. } => LANGUAGE_LEVELS
            .iter()
            .filter_map(|l| points.get(*l).map(|p| (*l, *p)))
            .filter(|(_, p)| *p > now)
            .min_by_key(|(_, p)| *p)
            .map(|(l, p)| {
                (
                    Target::Choose {
                        value: l.to_owned(),
                    },
                    p,
                )
            }),
        Rule::NumberBands { bands, .. } => {
            let value = current.and_then(Value::as_f64).unwrap_or(f64::NEG_INFINITY);
            bands
                .iter()
                .find(|b| b.min > value && b.points > now)
                .map(|b| (Target::AtLeast { value: b.min }, b.points))
        }
        Rule::YesNo { yes, no, .. } => {
            let answered = current.and_then(yes_no);
            [(true, *yes), (false, *no)]
                .into_iter()
                .filter(|(a, p)| Some(*a) != answered && *p > now)
                .max_by_key(|(_, p)| *p)
                .map(|(a, p)| (Target::Answer { yes: a }, p))
        }
    }
}

/// Points of the last band whose minimum the value reaches (bands are ascending: checked when
/// the policy loads); 0 below the first band.
fn band_points(bands: &[Band], value: f64) -> u32 {
    bands
        .iter()
        .take_while(|b| b.min <= value)
        .last()
        .map_or(0, |b| b.points)
}

/// Age in whole years on `today`; `None` for a birth date after today.
fn age_on(born: NaiveDate, today: NaiveDate) -> Option<u32> {
    today.years_since(born)
}

fn yes_no(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "yes" => Some(true),
        Value::String(s) if s == "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::policy::PolicyStatus;
    use proptest::prelude::*;
    use rstest::rstest;
    use serde_json::json;

    fn table() -> &'static Scoring {
        Policy::builtin().unwrap().scoring()
    }

    fn today() -> NaiveDate {
        "2026-03-01".parse().unwrap()
    }

    fn answers(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }

    fn points_of(report: &ScoreReport, id: &str) -> u32 {
        report
            .summary
            .criteria
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .points
    }

    /// The best answer to every question the table reads, found from the table itself.
    fn best_answers() -> BTreeMap<String, Value> {
        let mut a = BTreeMap::new();
        for c in &table().criteria {
            for r in &c.rules {
                let v = match r {
                    Rule::ByValue { points, .. } | Rule::LanguageLevel { points, .. } => {
                        json!(points.iter().max_by_key(|(_, p)| **p).unwrap().0)
                    }
                    Rule::AgeBands { bands, .. } => {
                        let best = bands.iter().max_by_key(|b| b.points).unwrap();
                        let years = best.min as i32;
                        json!(format!("{}-01-01", 2026 - years - 1))
                    }
                    Rule::NumberBands { bands, .. } => json!(bands.last().unwrap().min),
                    Rule::YesNo { yes, no, .. } => json!(yes >= no),
                };
                a.insert(r.question().to_owned(), v);
            }
        }
        a
    }

    #[test]
    fn an_empty_draft_scores_zero_and_lists_what_to_answer() {
        let r = score(&BTreeMap::new(), today(), table());
        assert_eq!(r.summary.total, 0);
        assert_eq!(r.summary.pass_mark, 400);
        assert_eq!(r.summary.status, PolicyStatus::Illustrative);
        assert!(!r.passes);
        assert_eq!(r.unanswered.len(), 9);
        assert!(r.suggestions.iter().all(|s| s.criterion != "age"));
    }

    #[test]
    fn the_best_answers_reach_every_maximum() {
        let r = score(&best_answers(), today(), table());
        assert_eq!(r.summary.total, table().max_total());
        assert!(r.passes);
        assert!(r.suggestions.is_empty());
        assert!(r.unanswered.is_empty());
        for c in &r.summary.criteria {
            assert_eq!(c.points, c.max, "{}", c.id);
        }
    }

    #[test]
    fn a_typical_applicant_is_scored_from_the_table() {
        let a = answers(&[
            ("personal.birth_date", json!("1995-06-15")),
            ("education.level", json!("bachelor")),
            ("languages.kazakh", json!("a1")),
            ("languages.russian", json!("b2")),
            ("languages.english_certificate", json!("none")),
            ("work.years_total", json!(4)),
            ("skills.in_demand", json!(false)),
            ("adaptability.relatives_in_kz", json!(true)),
            ("adaptability.previous_stays", json!(false)),
        ]);
        let r = score(&a, today(), table());
        // Every number below is read from the table, not written here.
        let expect = |id: &str, q: &str, v: &Value| {
            let c = table().criteria.iter().find(|c| c.id == id).unwrap();
            let r = c.rules.iter().find(|r| r.question() == q).unwrap();
            rule_points(r, Some(v), today()).unwrap()
        };
        assert_eq!(
            points_of(&r, "education"),
            expect("education", "education.level", &json!("bachelor"))
        );
        assert_eq!(
            points_of(&r, "adaptability"),
            expect("adaptability", "adaptability.relatives_in_kz", &json!(true))
        );
        let sum: u32 = r.summary.criteria.iter().map(|c| c.points).sum();
        assert_eq!(r.summary.total, sum);
        assert!(r.unanswered.is_empty());
    }

    #[rstest]
    #[case::day_before_30th_birthday("1996-03-02", 29)]
    #[case::on_30th_birthday("1996-03-01", 30)]
    #[case::leap_day_birthday_in_common_year("2008-02-29", 18)]
    fn age_in_whole_years(#[case] born: &str, #[case] years: u32) {
        assert_eq!(age_on(born.parse().unwrap(), today()), Some(years));
    }

    #[test]
    fn age_bands_follow_the_table_and_age_is_never_suggested() {
        let age = &table().criteria[0];
        let Rule::AgeBands { bands, .. } = &age.rules[0] else {
            panic!("age is scored by age bands")
        };
        for b in bands {
            let born = format!("{}-01-01", 2026 - b.min as i32);
            let r = score(
                &answers(&[("personal.birth_date", json!(born))]),
                "2026-06-01".parse().unwrap(),
                table(),
            );
            assert_eq!(points_of(&r, "age"), b.points, "{born}");
            assert!(r.suggestions.iter().all(|s| s.criterion != "age"));
        }
    }

    #[rstest]
    #[case::not_a_date(json!("15/06/1995"))]
    #[case::in_the_future(json!("2030-01-01"))]
    #[case::a_number(json!(1995))]
    fn unusable_birth_dates_score_zero_and_count_as_unanswered(#[case] v: Value) {
        let r = score(&answers(&[("personal.birth_date", v)]), today(), table());
        assert_eq!(points_of(&r, "age"), 0);
        assert!(r.unanswered.contains(&"personal.birth_date".to_owned()));
    }

    #[test]
    fn suggestions_are_the_next_band_up_with_the_gain() {
        let a = answers(&[
            ("languages.kazakh", json!("a1")),
            ("work.years_total", json!(4)),
            ("skills.in_demand", json!(false)),
        ]);
        let r = score(&a, today(), table());
        let find = |q: &str| r.suggestions.iter().find(|s| s.question == q).unwrap();
        assert_eq!(
            find("languages.kazakh").target,
            Target::Choose { value: "a2".into() }
        );
        let work = find("work.years_total");
        let Rule::NumberBands { bands, .. } = &table().criteria[5].rules[0] else {
            panic!("work is scored by number bands")
        };
        let next = bands.iter().find(|b| b.min > 4.0).unwrap();
        assert_eq!(work.target, Target::AtLeast { value: next.min });
        assert_eq!(work.gain, next.points - band_points(bands, 4.0));
        assert_eq!(
            find("skills.in_demand").target,
            Target::Answer { yes: true }
        );
        assert!(r.suggestions.windows(2).all(|w| w[0].gain >= w[1].gain));
    }

    #[test]
    fn unknown_option_scores_zero_but_counts_as_answered() {
        let r = score(
            &answers(&[("education.level", json!("kindergarten"))]),
            today(),
            table(),
        );
        assert_eq!(points_of(&r, "education"), 0);
        assert!(!r.unanswered.contains(&"education.level".to_owned()));
    }

    /// The table and the residence form agree: every rule reads a question of the right kind,
    /// choice values are the form's options, and the form's examples can be scored in full.
    #[test]
    fn the_table_fits_the_residence_form() {
        use crate::form::{Kind, residence_2026};
        let form = residence_2026().unwrap();
        let ids: Vec<&str> = form.question_ids().collect();
        Policy::builtin()
            .unwrap()
            .check_questions(&|q| ids.contains(&q))
            .unwrap();
        for c in &table().criteria {
            for r in &c.rules {
                let q = form.question(r.question()).unwrap();
                let kind = match r {
                    Rule::ByValue { points, .. } => {
                        for v in points.keys() {
                            assert!(q.has_option(v), "{} has no option {v}", q.id);
                        }
                        Kind::SingleChoice
                    }
                    Rule::LanguageLevel { .. } => Kind::LanguageLevel,
                    Rule::AgeBands { .. } => Kind::Date,
                    Rule::NumberBands { .. } => Kind::Number,
                    Rule::YesNo { .. } => Kind::YesNo,
                };
                assert_eq!(q.kind, kind, "{}", q.id);
            }
        }
        let examples = form.example_answers();
        assert!(score(&examples, today(), table()).unanswered.is_empty());
    }

    fn arb_answers() -> impl Strategy<Value = BTreeMap<String, Value>> {
        (
            prop::option::of(0usize..6), // education.level has six options
            prop::option::of(0usize..7),
            prop::option::of(0.0f64..60.0),
            prop::option::of(any::<bool>()),
            prop::option::of(1940i32..2010),
        )
            .prop_map(|(edu, kk, years, yes, born)| {
                let mut a = BTreeMap::new();
                // The form's own options, so a new level is scored here too.
                let levels = &crate::form::residence_2026()
                    .unwrap()
                    .question("education.level")
                    .unwrap()
                    .options;
                if let Some(e) = edu {
                    a.insert("education.level".into(), json!(levels[e].value));
                }
                if let Some(k) = kk {
                    a.insert("languages.kazakh".into(), json!(LANGUAGE_LEVELS[k]));
                }
                if let Some(y) = years {
                    a.insert("work.years_total".into(), json!(y));
                }
                if let Some(y) = yes {
                    a.insert("skills.in_demand".into(), json!(y));
                }
                if let Some(b) = born {
                    a.insert("personal.birth_date".into(), json!(format!("{b}-05-05")));
                }
                a
            })
    }

    proptest! {
        #[test]
        fn points_stay_within_maxima_and_suggestions_really_raise_the_score(a in arb_answers()) {
            let r = score(&a, today(), table());
            for c in &r.summary.criteria {
                prop_assert!(c.points <= c.max);
            }
            prop_assert!(r.summary.total <= table().max_total());
            for s in &r.suggestions {
                let mut changed = a.clone();
                let v = match &s.target {
                    Target::Choose { value } => json!(value),
                    Target::AtLeast { value } => json!(value),
                    Target::Answer { yes } => json!(yes),
                };
                changed.insert(s.question.clone(), v);
                let after = score(&changed, today(), table());
                prop_assert_eq!(after.summary.total, r.summary.total + s.gain);
            }
        }
    }
}
