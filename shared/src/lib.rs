//! Kosh's domain, written once for the app and the server: questionnaires (`form`), drafts and
//! their merge (`hlc`, `draft`), validation, the policy bundle, the preliminary score, the
//! application's stages (`status`), the kandas social contract, and the wire types of API.md
//! (`api`, `sync`).
//!
//! Everything here is pure: no clock, no network, no files. Callers pass in "today" and the
//! data they loaded, so the phone offline and the server answer exactly alike.
#![forbid(unsafe_code)]

pub mod api;
pub mod contract;
pub mod draft;
pub mod error;
pub mod form;
pub mod hlc;
pub mod ids;
pub mod policy;
pub mod score;
pub mod status;
pub mod sync;
pub mod validate;

pub use error::{Error, Result};
