//! The summary a family carries to the service centre or the embassy, printed or saved as a PDF:
//! the questionnaire's answers, the papers with what is still missing, and the preliminary
//! self-check with its caveat, dated. It is written twice, in Kazakh and in Russian, whatever
//! language the app is in, because the officer reads one of them and the family often the
//! other.
//!
//! Only what was asked: a question the form's skip logic leaves out (its answer kept in the
//! draft from before a correction, say) is not printed, unlike form tools that print every
//! field. The papers are the checklist screen's own view and the self-check the score screen's,
//! so the paper says exactly what the phone says.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use kosh_locales::{Lang, Translator};
use kosh_shared::form::{Form, Kind, Question, Relevance};
use kosh_shared::policy::Policy;
use kosh_shared::score::score;
use serde_json::Value;

use crate::i18n::args;
use crate::view::checklist::{ChecklistView, checklist_view};
use crate::view::form::value_text;
use crate::view::score::{ScoreView, score_view};

/// The languages the summary is printed in, in order: Kazakh (Cyrillic, as the authorities
/// write it) and Russian, both official in Kazakhstan. On the web their words may have to be
/// fetched first (`i18n::use_words_of`, in the page).
pub const SUMMARY_LANGS: [Lang; 2] = [Lang::Kk, Lang::Ru];

/// The translators of [`SUMMARY_LANGS`].
pub fn summary_translators() -> [Translator; 2] {
    SUMMARY_LANGS.map(Translator::new)
}

/// One answer, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryLine {
    pub label: String,
    pub value: String,
}

/// One asked section with its answers.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySection {
    pub id: String,
    pub title: String,
    pub lines: Vec<SummaryLine>,
}

/// The summary in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryPart {
    /// The language tag, for the `lang` attribute (so the right font and hyphenation apply).
    pub lang: &'static str,
    pub title: String,
    /// "Made on 2 December 2026".
    pub made_on: String,
    pub form_title: String,
    pub answers_title: String,
    pub sections: Vec<SummarySection>,
    pub papers_title: String,
    pub papers: ChecklistView,
    /// "ready" and "not ready", beside each paper.
    pub ready: String,
    pub not_ready: String,
    pub score_title: String,
    pub score: ScoreView,
    /// That the self-check is no decision.
    pub caveat: String,
}

/// The answer lines of one question, if it was asked and answered: a repeat group gives one
/// line per asked child of each row ("Family members 1 · Full name").
fn lines_of(
    tr: &Translator,
    relevance: &Relevance<'_>,
    question: &Question,
    value: &Value,
) -> Vec<SummaryLine> {
    if question.kind != Kind::Repeat {
        let value = value_text(tr, question, value);
        return if value.is_empty() {
            Vec::new()
        } else {
            vec![SummaryLine {
                label: tr.t(&question.label_key),
                value,
            }]
        };
    }
    let rows = value.as_array().map(Vec::as_slice).unwrap_or_default();
    let group = tr.t(&question.label_key);
    let group = group.as_str();
    rows.iter()
        .enumerate()
        .flat_map(|(row, cells)| {
            question.questions.iter().filter_map(move |child| {
                let field = format!("{}[{row}].{}", question.id, child.id);
                if !relevance.field(&field) {
                    return None;
                }
                let value = value_text(tr, child, cells.get(&child.id)?);
                (!value.is_empty()).then(|| SummaryLine {
                    label: format!("{group} {} · {}", row + 1, tr.t(&child.label_key)),
                    value,
                })
            })
        })
        .collect()
}

/// The asked sections of `answers` with their asked, answered questions, in `tr`'s words.
fn asked_sections(
    tr: &Translator,
    form: &Form,
    answers: &BTreeMap<String, Value>,
    today: NaiveDate,
) -> Vec<SummarySection> {
    let relevance = form.relevance(answers, today);
    form.sections()
        .iter()
        .filter(|s| relevance.section(&s.id))
        .map(|s| SummarySection {
            id: s.id.clone(),
            title: tr.t(&s.title_key),
            lines: s
                .questions
                .iter()
                .filter(|q| relevance.field(&q.id))
                .filter_map(|q| Some(lines_of(tr, &relevance, q, answers.get(&q.id)?)))
                .flatten()
                .collect(),
        })
        .filter(|s| !s.lines.is_empty())
        .collect()
}

/// The summary in one language.
pub fn summary_part(
    tr: &Translator,
    form: &Form,
    policy: &Policy,
    answers: &BTreeMap<String, Value>,
    today: NaiveDate,
    visit_on: Option<NaiveDate>,
) -> SummaryPart {
    let report = score(answers, today, policy.scoring());
    SummaryPart {
        lang: tr.lang().tag(),
        title: tr.t("summary-title"),
        made_on: tr.t_args("summary-made-on", &args(&[("date", tr.date(today).into())])),
        form_title: tr.t(form.title_key()),
        answers_title: tr.t("summary-answers"),
        sections: asked_sections(tr, form, answers, today),
        papers_title: tr.t("summary-papers"),
        papers: checklist_view(tr, form, policy, answers, today, visit_on),
        ready: tr.t("summary-paper-ready"),
        not_ready: tr.t("summary-paper-missing"),
        score_title: tr.t("summary-score"),
        score: score_view(tr, form, policy.scoring(), &report),
        caveat: tr.t("disclaimer-score"),
    }
}

/// The whole summary: one part per language of [`summary_translators`].
pub fn summary(
    form: &Form,
    policy: &Policy,
    answers: &BTreeMap<String, Value>,
    today: NaiveDate,
    visit_on: Option<NaiveDate>,
) -> Vec<SummaryPart> {
    summary_translators()
        .iter()
        .map(|tr| summary_part(tr, form, policy, answers, today, visit_on))
        .collect()
}

#[cfg(test)]
mod tests {
    use kosh_shared::form::residence_2026;
    use serde_json::json;

    use super::*;

    fn today() -> NaiveDate {
        "2026-06-01".parse().unwrap()
    }

    fn parts(answers: &BTreeMap<String, Value>) -> Vec<SummaryPart> {
        summary(
            residence_2026().unwrap(),
            Policy::builtin().unwrap(),
            answers,
            today(),
            None,
        )
    }

    /// Every label and answer printed.
    fn printed(part: &SummaryPart) -> Vec<(String, String)> {
        part.sections
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| (l.label.clone(), l.value.clone())))
            .collect()
    }

    #[test]
    fn both_languages_are_printed_whatever_the_apps_language() {
        let form = residence_2026().unwrap();
        let p = parts(&form.example_answers());
        let langs: Vec<_> = p.iter().map(|p| p.lang).collect();
        assert_eq!(langs, ["kk", "ru"]);
        let kk = Translator::new(Lang::Kk);
        let ru = Translator::new(Lang::Ru);
        let label = |tr: &Translator| tr.t("form-q-personal-surname");
        assert!(printed(&p[0]).iter().any(|(l, _)| *l == label(&kk)));
        assert!(printed(&p[1]).iter().any(|(l, _)| *l == label(&ru)));
        assert_ne!(label(&kk), label(&ru));
        assert_eq!(p[0].title, kk.t("summary-title"));
        assert_eq!(p[1].caveat, ru.t("disclaimer-score"));
        // The papers and the self-check come along, in each part's language.
        assert!(p[1].papers.total > 0 && p[1].papers.count.contains("из"));
        assert!(!p[0].score.criteria.is_empty());
        assert!(p[0].made_on.contains("2026"));
    }

    #[test]
    fn a_skipped_question_is_not_printed_even_with_an_answer_kept() {
        let form = residence_2026().unwrap();
        let mut answers = form.example_answers();
        // The written consent to leave answered, then "I am a refugee": the answer stays in
        // the draft but is no longer asked.
        answers.insert("citizenship.exit_consent".into(), json!(false));
        answers.insert("citizenship.current_status".into(), json!("refugee"));
        for (part, tr) in parts(&answers).iter().zip(summary_translators()) {
            let skipped = tr.t("form-q-citizenship-exit_consent");
            let asked = tr.t("form-q-citizenship-current_status");
            let labels: Vec<_> = printed(part).into_iter().map(|(l, _)| l).collect();
            assert!(!labels.contains(&skipped), "{}: {labels:?}", part.lang);
            assert!(labels.contains(&asked), "{}: {labels:?}", part.lang);
        }
    }

    #[test]
    fn family_members_are_printed_row_by_row() {
        let form = residence_2026().unwrap();
        let p = parts(&form.example_answers());
        let ru = printed(&p[1]);
        let names: Vec<_> = ru
            .iter()
            .filter(|(l, _)| {
                l.ends_with(&Translator::new(Lang::Ru).t("form-q-family-members-full_name"))
            })
            .map(|(l, v)| (l.split(" · ").next().unwrap().to_owned(), v.clone()))
            .collect();
        let group = Translator::new(Lang::Ru).t("form-q-family-members");
        assert_eq!(
            names,
            [
                (format!("{group} 1"), "Gulnara Nurlanova".to_owned()),
                (format!("{group} 2"), "Aigerim Yerlanqyzy".to_owned())
            ]
        );
    }

    #[test]
    fn an_empty_draft_prints_no_sections_but_still_the_papers() {
        let p = parts(&BTreeMap::new());
        assert!(p.iter().all(|p| p.sections.is_empty()));
        assert!(
            p.iter()
                .all(|p| p.papers.missing == p.papers.total && p.papers.total > 0)
        );
    }
}
