//! What the simulated applicants type: answers to the real residence form
//! (`shared/forms/residence-2026.v1.json`), each question's own `example` as the value, so the
//! pushed ops have the field names, value types and sizes of real use (short strings, dates,
//! yes/no, and now and then a whole repeat group such as the family members).

use rand::Rng;
use rand::seq::SliceRandom;
use serde_json::Value;

use crate::error::{BenchError, BenchResult};

/// The form every draft in the benchmark answers.
pub const FORM_ID: &str = "residence-2026";

/// The form's definition, embedded when the benchmark is built.
const RESIDENCE_FORM: &str = include_str!("../../shared/forms/residence-2026.v1.json");

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
    /// The pool of the residence form.
    pub fn residence_2026() -> BenchResult<AnswerPool> {
        AnswerPool::from_form_json(RESIDENCE_FORM)
    }

    /// The pool of a form definition (API.md's shape): each section's questions with their
    /// `example`.
    pub fn from_form_json(text: &str) -> BenchResult<AnswerPool> {
        let bad = |reason: &str| BenchError::Setup(format!("the form definition: {reason}"));
        let form: Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
        let sections = form
            .get("sections")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("no sections"))?;
        let mut answers = Vec::new();
        for section in sections {
            let questions = section
                .get("questions")
                .and_then(Value::as_array)
                .ok_or_else(|| bad("a section without questions"))?;
            for question in questions {
                let field = question
                    .get("id")
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad("a question without an id"))?;
                let value = question
                    .get("example")
                    .cloned()
                    .ok_or_else(|| bad(&format!("{field} has no example")))?;
                answers.push(Answer {
                    field: field.to_owned(),
                    value,
                });
            }
        }
        if answers.len() < 3 {
            return Err(bad("fewer than three questions"));
        }
        let single = answers
            .iter()
            .position(|a| a.field == SINGLE_ANSWER_FIELD)
            .unwrap_or(0);
        Ok(AnswerPool { answers, single })
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
    fn a_form_without_examples_is_an_error() {
        let text = r#"{"sections": [{"questions": [{"id": "a.b", "kind": "text"}]}]}"#;
        let err = AnswerPool::from_form_json(text).unwrap_err();
        assert!(err.to_string().contains("a.b has no example"), "{err}");
        assert!(AnswerPool::from_form_json("[]").is_err());
    }
}
