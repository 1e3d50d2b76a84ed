//! The questionnaires built into this crate (`shared/forms/`), each parsed and checked once.
//!
//! Version 2 of the residence questionnaire corrects version 1 to the procedure as it runs
//! (DOMAIN.md): the KAZTEST certificate is required (the questionnaire opens only with it),
//! English counts by an IELTS or TOEFL certificate rather than by self-assessment, and it asks
//! for the passport's validity (more than 180 days past the application), the written consent
//! to leave where the country of citizenship requires one, and the place of stay in Kazakhstan
//! (the final interview is at the police department there). Both versions stay built in: a
//! draft begun on version 1 is moved by [`crate::migration`], never silently.

use std::sync::OnceLock;

use super::model::Form;
use crate::error::Result;

const RESIDENCE_2026_V1: &str = include_str!("../../forms/residence-2026.v1.json");
const RESIDENCE_2026_V2: &str = include_str!("../../forms/residence-2026.v2.json");

/// `text` parsed once into `cell`.
///
/// The files ship inside the crate and its tests load them, so a failure here is a broken
/// build, not bad input; it is still reported as an error rather than a panic.
fn parsed(cell: &'static OnceLock<Result<Form>>, text: &str) -> Result<&'static Form> {
    cell.get_or_init(|| Form::from_json(text))
        .as_ref()
        .map_err(Clone::clone)
}

/// The residence questionnaire of the 2026 screening pilot as new drafts answer it: its newest
/// built-in version (2).
pub fn residence_2026() -> Result<&'static Form> {
    static FORM: OnceLock<Result<Form>> = OnceLock::new();
    parsed(&FORM, RESIDENCE_2026_V2)
}

/// Version 1 of the residence questionnaire, which drafts begun before version 2 are on.
pub fn residence_2026_v1() -> Result<&'static Form> {
    static FORM: OnceLock<Result<Form>> = OnceLock::new();
    parsed(&FORM, RESIDENCE_2026_V1)
}

/// Every built-in form, newest version of each id last.
pub fn builtin() -> Result<Vec<&'static Form>> {
    Ok(vec![residence_2026_v1()?, residence_2026()?])
}

/// A built-in form by id and version.
pub fn find_builtin(id: &str, version: u32) -> Result<Option<&'static Form>> {
    Ok(builtin()?
        .into_iter()
        .find(|f| f.id.as_str() == id && f.version == version))
}

/// The newest built-in version of a form id.
pub fn latest_builtin(id: &str) -> Result<Option<&'static Form>> {
    Ok(builtin()?
        .into_iter()
        .filter(|f| f.id.as_str() == id)
        .max_by_key(|f| f.version))
}
