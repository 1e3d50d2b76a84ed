//! Kosh's domain, written once for the app and the server: questionnaires (`form`), drafts and
//! their merge (`hlc`, `draft`), validation, the policy bundle, the preliminary score, the
//! application's stages (`stage`, `status`), the kandas social contract, the family's document
//! checklist (`checklist`, ticked in the draft: `tick`), the dates not to miss (`deadlines`), what
//! each path is worth to a family (`worth`), the client's outbox (`sync`), the
//! wire types of API.md (`api`), and one sort for all of them (`sort`, a smaller web app).
//!
//! Everything here is pure: no clock, no network, no files. Callers pass in "today" and the
//! data they loaded, so the phone offline and the server answer exactly alike.
//!
//! The modules depend on each other one way, from the top down; a module uses only those below
//! it (the `form` → `validate` edge is the single exception, explained in `form::load`):
//!
//! ```text
//! api                                  re-exports every wire type; defines the rest
//! worth                                → checklist, policy, form
//! checklist                            → policy, form, tick
//! deadlines                            → status, contract, form, policy
//! status, sync, contract               status → score, draft; sync → draft
//! score                                → policy, form
//! policy                               → stage, calendar, form (LANGUAGE_LEVELS)
//! validate                             → form
//! form, draft, stage, calendar         draft → hlc; form, validate, draft, migration → tick
//! tick, hlc, ids, error, json, sort    the bottom: error, ids, json and sort depend on nothing
//! ```
#![forbid(unsafe_code)]

pub mod api;
pub mod calendar;
pub mod checklist;
pub mod contract;
pub mod deadlines;
pub mod draft;
pub mod error;
pub mod form;
pub mod hlc;
pub mod ids;
mod json;
pub mod migration;
pub mod policy;
pub mod score;
pub mod sort;
pub mod stage;
pub mod status;
pub mod sync;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod tick;
pub mod validate;
pub mod worth;

pub use error::{Error, Result};
