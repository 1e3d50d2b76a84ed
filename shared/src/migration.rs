//! Moving a draft to a newer version of its form (ODK's users asked for this for years: drafts
//! stuck on an old version). A pure plan over the draft and the new form: an answer whose
//! question still exists (or was renamed, `renamed_from`) and still passes its rules moves; every
//! other answer is listed with what it was, never dropped silently. The move itself is ops that
//! sync like any other edit ([`MovePlan::ops`]), so a second phone follows.

use serde_json::Value;

use crate::draft::{Draft, Op};
use crate::form::Form;
use crate::hlc::Hlc;
use crate::ids::OpId;
use crate::validate::{self, Env};

/// Why an answer cannot move to the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftReason {
    /// The new version has no such question (nor one renamed from it).
    QuestionGone,
    /// The question is there but the answer breaks its new rules (the validation code).
    NoLongerValid { code: String },
}

/// An answer that does not move, with what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftBehind {
    /// The question id in the draft's version.
    pub field: String,
    /// The answer as it was.
    pub value: Value,
    pub reason: LeftReason,
}

/// What moving a draft to a newer form version does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovePlan {
    /// The version the draft is on.
    pub from_version: u32,
    /// The version it moves to.
    pub to_version: u32,
    /// Answers that move as they are, by question id.
    pub kept: Vec<String>,
    /// Answers that move to a renamed question: (old id, new id).
    pub renamed: Vec<(String, String)>,
    /// Answers that do not move, in question id order.
    pub left_behind: Vec<LeftBehind>,
}

/// The plan for moving `draft` to `to` (a newer version of its form), checking answers by the
/// rules as they stand on `env`'s day.
pub fn plan(draft: &Draft, to: &Form, env: &Env) -> MovePlan {
    let mut plan = MovePlan {
        from_version: draft.form_version,
        to_version: to.version(),
        kept: Vec::new(),
        renamed: Vec::new(),
        left_behind: Vec::new(),
    };
    // Ticks answer no question of any version: they stay in the draft as they are, with no op.
    let answers = draft
        .answers()
        .into_iter()
        .filter(|(field, _)| !crate::tick::is_tick_field(field));
    for (field, value) in answers {
        let renamed_to = to
            .questions()
            .find(|q| q.renamed_from.as_deref() == Some(field.as_str()))
            .map(|q| q.id.clone());
        let target = match (&renamed_to, to.question(&field)) {
            (Some(new), _) => new.clone(),
            (None, Some(_)) => field.clone(),
            (None, None) => {
                plan.left_behind.push(LeftBehind {
                    field,
                    value,
                    reason: LeftReason::QuestionGone,
                });
                continue;
            }
        };
        if let Some(code) = breaks_rules(to, &target, &value, env) {
            plan.left_behind.push(LeftBehind {
                field,
                value,
                reason: LeftReason::NoLongerValid { code },
            });
        } else if target == field {
            plan.kept.push(field);
        } else {
            plan.renamed.push((field, target));
        }
    }
    plan
}

/// The first rule `value` breaks as the answer to `field` of `form`, if any.
fn breaks_rules(form: &Form, field: &str, value: &Value, env: &Env) -> Option<String> {
    if let Err(e) = validate::check_op(form, field, value) {
        return Some(match e {
            crate::error::Error::InvalidAnswer { code, .. } => code,
            other => other.code().to_owned(),
        });
    }
    let question = form.question(field)?;
    validate::validate_answer(question, value, env)
        .into_iter()
        .next()
        .map(|e| e.code)
}

impl MovePlan {
    /// Whether moving changes anything the person would notice (some answer does not move as
    /// it is). A plan that only keeps answers still moves the draft.
    pub fn loses_or_renames(&self) -> bool {
        !self.renamed.is_empty() || !self.left_behind.is_empty()
    }

    /// The ops that carry out the move on `draft`, stamped by `stamp` (a fresh op id and clock
    /// stamp per call), for the outbox:
    /// - a renamed answer is written under its new id (new version) and cleared under the old one
    ///   (old version, where that question exists);
    /// - an answer left behind is cleared, under the version whose question it is;
    /// - one kept answer is announced again under the new version with its own value and stamp:
    ///   merging it changes no answer anywhere (the same write), but every phone that receives it
    ///   moves its copy of the draft to the new version.
    pub fn ops(&self, draft: &Draft, mut stamp: impl FnMut() -> (OpId, Hlc)) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut op = |field: &str, value: Value, hlc: Option<Hlc>, version: u32| {
            let (op_id, fresh) = stamp();
            ops.push(Op {
                op_id,
                draft_id: draft.id.clone(),
                form_id: draft.form_id.clone(),
                field: field.to_owned(),
                value,
                hlc: hlc.unwrap_or(fresh),
                form_version: Some(version),
            });
        };
        for (old, new) in &self.renamed {
            let value = draft.answer(old).cloned().unwrap_or(Value::Null);
            op(new, value, None, self.to_version);
            op(old, Value::Null, None, self.from_version);
        }
        for left in &self.left_behind {
            let version = match left.reason {
                LeftReason::QuestionGone => self.from_version,
                LeftReason::NoLongerValid { .. } => self.to_version,
            };
            op(&left.field, Value::Null, None, version);
        }
        if let Some(cell) = self
            .kept
            .first()
            .and_then(|f| draft.cell(f).map(|c| (f, c)))
        {
            let (field, cell) = cell;
            op(
                field,
                cell.value().clone(),
                Some(cell.hlc().clone()),
                self.to_version,
            );
        }
        ops
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{residence_2026, residence_2026_v1};
    use crate::ids::DraftId;
    use crate::testing::NEXT_RESIDENCE_VERSION as NEXT;
    use serde_json::json;

    fn v2() -> Form {
        Form::from_json(&crate::testing::residence_next_json()).unwrap()
    }

    fn draft() -> Draft {
        let form = residence_2026_v1().unwrap();
        let mut d = Draft::new(DraftId("d1".into()), form.id().clone(), 1);
        let mut n = 0;
        for (field, value) in [
            ("personal.surname", json!("Nurlanuly")),
            ("contacts.address", json!("Tashkent, Chilonzor 9")),
            ("skills.driving_licence", json!(true)),
        ] {
            n += 1;
            d.edit(
                OpId(format!("o{n}")),
                field,
                value,
                Hlc::new(1_000 + n, 0, "d-a").unwrap(),
            )
            .unwrap();
        }
        d
    }

    fn env() -> Env {
        Env::new("2027-01-10".parse().unwrap())
    }

    #[test]
    fn checklist_ticks_stay_as_they_are() {
        let mut d = draft();
        d.edit(
            OpId("tick".into()),
            "documents.passport",
            json!({"done": true}),
            Hlc::new(2_000, 0, "d-a").unwrap(),
        )
        .unwrap();
        let plan = plan(&d, &v2(), &env());
        let named = |f: &str| {
            plan.kept.iter().any(|k| k == f)
                || plan.left_behind.iter().any(|l| l.field == f)
                || plan.renamed.iter().any(|(old, _)| old == f)
        };
        assert!(!named("documents.passport"), "{plan:?}");
        let ops = plan.ops(&d, || {
            (OpId("x".into()), Hlc::new(3_000, 0, "d-a").unwrap())
        });
        assert!(ops.iter().all(|op| op.field != "documents.passport"));
        let moved = d.migrate(NEXT, &|id| v2().question(id).is_some());
        assert_eq!(
            moved.draft.answer("documents.passport"),
            Some(&json!({"done": true}))
        );
    }

    #[test]
    fn version_1_moves_to_the_built_in_version_2_listing_what_it_no_longer_asks() {
        // Version 2 asks for the KAZTEST certificate outright and counts English by an IELTS or
        // TOEFL certificate: "did you take KAZTEST?" and the self-assessed English do not move,
        // and are listed; the certificate's date and results move as they are.
        let mut d = draft();
        for (n, (field, value)) in [
            ("languages.kaztest_taken", json!(true)),
            ("languages.kaztest_date", json!("2025-12-15")),
            ("languages.kaztest_reading", json!(58)),
            ("languages.english", json!("b2")),
        ]
        .into_iter()
        .enumerate()
        {
            d.edit(
                OpId(format!("l{n}")),
                field,
                value,
                Hlc::new(2_000 + n as u64, 0, "d-a").unwrap(),
            )
            .unwrap();
        }
        let plan = plan(
            &d,
            residence_2026().unwrap(),
            &Env::new("2026-12-03".parse().unwrap()),
        );
        assert_eq!((plan.from_version, plan.to_version), (1, 2));
        assert_eq!(
            plan.kept,
            [
                "contacts.address",
                "languages.kaztest_date",
                "languages.kaztest_reading",
                "personal.surname",
                "skills.driving_licence",
            ]
        );
        assert!(plan.renamed.is_empty());
        let gone: Vec<(&str, &LeftReason)> = plan
            .left_behind
            .iter()
            .map(|l| (l.field.as_str(), &l.reason))
            .collect();
        assert_eq!(
            gone,
            [
                ("languages.english", &LeftReason::QuestionGone),
                ("languages.kaztest_taken", &LeftReason::QuestionGone),
            ]
        );
    }

    #[test]
    fn kept_renamed_and_left_behind() {
        let plan = plan(&draft(), &v2(), &env());
        assert_eq!((plan.from_version, plan.to_version), (1, NEXT));
        assert_eq!(plan.kept, ["personal.surname"]);
        assert_eq!(
            plan.renamed,
            [("contacts.address".into(), "contacts.home_address".into())]
        );
        assert_eq!(
            plan.left_behind,
            [LeftBehind {
                field: "skills.driving_licence".into(),
                value: json!(true),
                reason: LeftReason::QuestionGone
            }]
        );
        assert!(plan.loses_or_renames());
    }

    #[test]
    fn an_answer_the_new_rules_refuse_is_listed_with_its_code() {
        let mut text: serde_json::Value =
            serde_json::from_str(&crate::testing::residence_next_json()).unwrap();
        let q = &mut text["sections"][0]["questions"][0];
        assert_eq!(q["id"], "personal.surname");
        q["constraint"]["max_length"] = json!(5);
        q["example"] = json!("Nur");
        let form = Form::from_json(&text.to_string()).unwrap();
        let plan = plan(&draft(), &form, &env());
        assert!(plan.left_behind.iter().any(|l| l.field == "personal.surname"
            && matches!(&l.reason, LeftReason::NoLongerValid { code } if code == "too_long")));
    }

    #[test]
    fn the_ops_move_a_second_copy_of_the_draft_too() {
        let mine = draft();
        let theirs = mine.clone();
        let plan = plan(&mine, &v2(), &env());
        let mut n = 0;
        let ops = plan.ops(&mine, || {
            n += 1;
            (
                OpId(format!("m{n}")),
                Hlc::new(5_000 + n, 0, "d-a").unwrap(),
            )
        });
        let mut moved = mine.clone();
        let mut follower = theirs;
        for op in &ops {
            moved.apply(op).unwrap();
            follower.apply(op).unwrap();
        }
        for d in [&moved, &follower] {
            assert_eq!(d.form_version, NEXT);
            assert_eq!(
                d.answers(),
                [
                    (
                        "contacts.home_address".to_owned(),
                        json!("Tashkent, Chilonzor 9")
                    ),
                    ("personal.surname".to_owned(), json!("Nurlanuly")),
                ]
                .into_iter()
                .collect()
            );
        }
        // The surname's own write was announced again, not overwritten.
        assert_eq!(
            follower.cell("personal.surname").unwrap().hlc(),
            mine.cell("personal.surname").unwrap().hlc()
        );
        // Every op passes the server's check against the version it names.
        let v1 = residence_2026_v1().unwrap();
        let next = v2();
        for op in &ops {
            let form = if op.form_version == Some(NEXT) {
                &next
            } else {
                v1
            };
            validate::check_op(form, &op.field, &op.value).unwrap();
        }
    }
}
