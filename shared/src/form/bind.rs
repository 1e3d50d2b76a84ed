//! Binding a parsed condition to the form: every reference (`family.has_children`,
//! `family.members.birth_date` inside a row) is resolved to the question it names, with its kind
//! and options, so the condition can be type-checked once at load and evaluated without lookups.
//! Skip logic may only read backwards; checks may read any question.

use std::collections::HashMap;

use super::condition::{BindError, Binding, Condition, Target};
use super::constraint::Constraint;
use super::model::{Form, Kind, Question};
use crate::error::{Error, Result};

/// What a condition is for, which decides what it may refer to.
#[derive(Clone, Copy)]
enum Use {
    /// Skip logic: only questions before the owner (`before` is the owner's index in form
    /// order, or in the row for a child).
    Relevant { before: usize },
    /// A check or warning: any question.
    Check,
}

pub(super) fn bind_all(form: &mut Form) -> Result<()> {
    // Binding needs the whole form read-only while one condition is changed: take each
    // condition out, bind it against a snapshot of the ids, put it back.
    let lookup = Lookup::of(form);
    let mut flat = 0;
    for section in &mut form.sections {
        if let Some(c) = section.relevant.as_mut() {
            lookup.bind(&section.id, c, None, Use::Relevant { before: flat })?;
        }
        for question in &mut section.questions {
            let own = question.id.clone();
            if let Some(c) = question.relevant.as_mut() {
                lookup.bind(&own, c, None, Use::Relevant { before: flat })?;
            }
            bind_constraint(&lookup, &own, question.constraint.as_mut(), None)?;
            if question.kind == Kind::Repeat {
                let group = (own.clone(), question.questions.clone());
                for (c, child) in question.questions.iter_mut().enumerate() {
                    let name = format!("{own}.{}", child.id);
                    if let Some(cond) = child.relevant.as_mut() {
                        lookup.bind(&name, cond, Some(&group), Use::Relevant { before: c })?;
                    }
                    bind_constraint(&lookup, &name, child.constraint.as_mut(), Some(&group))?;
                }
            }
            flat += 1;
        }
    }
    Ok(())
}

fn bind_constraint(
    lookup: &Lookup,
    owner: &str,
    constraint: Option<&mut Constraint>,
    group: Option<&(String, Vec<Question>)>,
) -> Result<()> {
    let Some(constraint) = constraint else {
        return Ok(());
    };
    for c in [constraint.check.as_mut(), constraint.warn.as_mut()]
        .into_iter()
        .flatten()
    {
        lookup.bind(owner, c, group, Use::Check)?;
    }
    Ok(())
}

/// A snapshot of the form's questions for binding references.
struct Lookup {
    /// id → (index in form order, kind, option values)
    questions: HashMap<String, (usize, Kind, Vec<String>)>,
    /// child path (`family.members.birth_date`) → its group id, for a clear error outside it.
    children: HashMap<String, String>,
}

impl Lookup {
    fn of(form: &Form) -> Lookup {
        let mut questions = HashMap::new();
        let mut children = HashMap::new();
        for (i, q) in form.questions().enumerate() {
            let options = q.options.iter().map(|o| o.value.clone()).collect();
            questions.insert(q.id.clone(), (i, q.kind, options));
            for child in &q.questions {
                children.insert(format!("{}.{}", q.id, child.id), q.id.clone());
            }
        }
        Lookup {
            questions,
            children,
        }
    }

    fn bind(
        &self,
        owner: &str,
        condition: &mut Condition,
        group: Option<&(String, Vec<Question>)>,
        usage: Use,
    ) -> Result<()> {
        let mut binder = |path: &str| -> Binding {
            if let Some((group_id, kids)) = group
                && let Some(child_id) = path
                    .strip_prefix(group_id.as_str())
                    .and_then(|rest| rest.strip_prefix('.'))
            {
                let Some(c) = kids.iter().position(|k| k.id == child_id) else {
                    return Binding::Unknown;
                };
                if let Use::Relevant { before } = usage
                    && c >= before
                {
                    return Binding::Invalid(format!(
                        "skip logic may only use the row's earlier questions; \
                             {path} is not before this one"
                    ));
                }
                let kid = &kids[c];
                let options = kid
                    .kind
                    .has_options()
                    .then(|| kid.options.iter().map(|o| o.value.clone()).collect());
                return Binding::Ok(
                    Target::RowChild {
                        child: c,
                        kind: kid.kind,
                    },
                    options,
                );
            }
            if let Some((index, kind, options)) = self.questions.get(path) {
                if let Use::Relevant { before } = usage {
                    // Inside a repeat row, the group itself counts as "here".
                    let limit = match group {
                        Some((group_id, _)) => self
                            .questions
                            .get(group_id)
                            .map_or(before, |(gi, _, _)| *gi),
                        None => before,
                    };
                    if *index >= limit {
                        return Binding::Invalid(format!(
                            "skip logic may only use questions asked before it; {path} is not"
                        ));
                    }
                }
                let options = kind.has_options().then(|| options.clone());
                return Binding::Ok(
                    Target::Question {
                        index: *index,
                        kind: *kind,
                    },
                    options,
                );
            }
            if let Some(group_id) = self.children.get(path) {
                return Binding::Invalid(format!(
                    "{path} is a question of each row of {group_id}; outside the group use \
                     count({group_id})"
                ));
            }
            Binding::Unknown
        };
        condition.bind(&mut binder).map_err(|e| match e {
            BindError::UnknownReference { reference, pos } => Error::UnknownReference {
                question: owner.to_owned(),
                reference,
                column: condition.column(pos),
            },
            BindError::Invalid { pos, reason } => Error::InvalidCondition {
                question: owner.to_owned(),
                column: condition.column(pos),
                reason,
            },
        })
    }
}
