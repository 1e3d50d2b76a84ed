//! What the simulated applicants type: answers to the real residence form
//! (`shared/forms/residence-2026.v2.json`, parsed by kosh-shared), each question's own `example`
//! as the value, so the pushed ops have the field names, value types and sizes of real use
//! (short strings, dates, yes/no, and now and then a whole repeat group such as the family
//! members).

use std::collections::BTreeMap;

use kosh_shared::form::{Form, residence_2026};
use rand::Rng;
use rand::seq::SliceRandom;
use serde_json::Value;

use crate::error::{BenchError, BenchResult};

/// The form every draft in the benchmark answers.
pub const FORM_ID: &str = "residence-2026";
/// The version of it the answers follow: kosh-shared's `residence_2026()` (a test holds the two
/// together), so every op names the version its answer is checked against.
pub const FORM_VERSION: u32 = 2;

/// The question a single-answer sync changes: an everyday choice.
const SINGLE_ANSWER_FIELD: &str = "education.level";

/// One answer a device may push.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The question id.
    pub field: String,
    /// The value (the question's example).
    pub value: Value,
}

/// Every top-level question of a form with a value to give it.
#[derive(Debug, Clone)]
pub struct AnswerPool {
    answers: Vec<Answer>,
    single: usize,
}

impl AnswerPool {
    /// The pool of the residence form, as kosh-shared ships it.
    pub fn residence_2026() -> BenchResult<AnswerPool> {
        let form =
            residence_2026().map_err(|e| BenchError::Setup(format!("the residence form: {e}")))?;
        AnswerPool::from_form(form)
    }

    /// The pool of a form: each top-level question with its `example`.
    pub fn from_form(form: &Form) -> BenchResult<AnswerPool> {
        let answers: Vec<Answer> = form
            .sections()
            .iter()
            .flat_map(|section| section.questions.iter())
            .map(|question| Answer {
                field: question.id.clone(),
                value: question.example.clone(),
            })
            .collect();
        if answers.len() < 3 {
            return Err(BenchError::Setup(format!(
                "form {} has fewer than three questions",
                form.id()
            )));
        }
        let single = answers
            .iter()
            .position(|a| a.field == SINGLE_ANSWER_FIELD)
            .unwrap_or(0);
        Ok(AnswerPool { answers, single })
    }

    /// Every answer at once: a whole draft (every example is valid, per API.md).
    pub fn whole_draft(&self) -> BTreeMap<String, Value> {
        self.answers
            .iter()
            .map(|a| (a.field.clone(), a.value.clone()))
            .collect()
    }

    /// Every answer of the pool.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// How many questions the pool holds.
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Never true: a pool has at least three answers.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// "A few changed answers": one to three different questions, chosen at random.
    pub fn a_few<R: Rng>(&self, rng: &mut R) -> Vec<Answer> {
        let count = rng.gen_range(1..=3);
        self.answers.choose_multiple(rng, count).cloned().collect()
    }

    /// The answer a single-answer sync pushes.
    pub fn single(&self) -> Answer {
        self.answers[self.single].clone()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_answers_follow_the_version_they_name() {
        assert_eq!(
            super::residence_2026().unwrap().version(),
            super::FORM_VERSION
        );
    }

    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn the_residence_form_gives_realistic_answers() {
        let pool = AnswerPool::residence_2026().unwrap();
        assert!(pool.len() > 20, "{}", pool.len());
        assert_eq!(pool.single().field, "education.level");
        let mut rng = StdRng::seed_from_u64(7);
        for _ in 0..100 {
            let few = pool.a_few(&mut rng);
            assert!((1..=3).contains(&few.len()));
            let mut fields: Vec<_> = few.iter().map(|a| a.field.as_str()).collect();
            fields.sort_unstable();
            fields.dedup();
            assert_eq!(
                fields.len(),
                few.len(),
                "one sync changes distinct questions"
            );
        }
    }

    #[test]
    fn a_whole_draft_answers_every_question() {
        let pool = AnswerPool::residence_2026().unwrap();
        let draft = pool.whole_draft();
        assert_eq!(draft.len(), pool.len());
        assert!(draft.contains_key("personal.birth_date"));
        assert!(draft["family.members"].is_array());
    }
}
