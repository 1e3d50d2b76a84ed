//! Questionnaires as data: a [`Form`] is sections of [`Question`]s in the shape API.md gives for
//! `GET /v1/forms/{id}`, loaded from JSON and checked once ([`Form::from_json`]): ids unique,
//! choices with options, repeat groups with children, every condition parsed, bound to real
//! questions and type-checked, and every `example` valid. After that, nothing about the form can
//! fail at run time. The built-in questionnaires live in `shared/forms/` and come from
//! [`builtin`] and [`residence_2026`].
//!
//! Skip logic reads only backwards: a `relevant` rule may use questions asked before its own
//! (and in a repeat row, the row's earlier questions). So relevance is one pass in form order,
//! and an answer to a question that is not relevant reads as missing to every later rule, the
//! way a person sees the form.
//!
//! The parts, each in its own file: `model` (the types and read-only queries), `path` (the field
//! path `group[i].child`), `condition` (the expression language), `constraint`, `load` (JSON to
//! a checked form), `bind` (conditions bound to questions), `relevance` (skip logic) and
//! `builtin` (the forms shipped in the crate). This file re-exports them and holds the one
//! definition of [`LANGUAGE_LEVELS`]. [`FormSummary`], the entry of `GET /v1/forms`, is in
//! `model` and re-exported by `api`.

mod bind;
mod builtin;
pub mod condition;
mod constraint;
mod load;
mod model;
mod path;
mod relevance;

pub use builtin::{builtin, find_builtin, latest_builtin, residence_2026, residence_2026_v1};
pub use constraint::{Constraint, DateBound, DateUnit};
pub use load::Located;
pub use model::{Answers, Choice, Form, FormSummary, Kind, Question, Section, SectionsProgress};
pub use path::{FieldPath, top_question};
pub use relevance::Relevance;
pub(crate) use relevance::Scope;

/// The language levels of kind `language_level`, lowest first (CEFR, with `none` below A1). The
/// one definition: the policy's `language_level` scoring rules use the same scale.
pub const LANGUAGE_LEVELS: [&str; 7] = ["none", "a1", "a2", "b1", "b2", "c1", "c2"];

#[cfg(test)]
mod tests;
