//! The questionnaires built into this crate (`shared/forms/`), each parsed and checked once.

use std::sync::OnceLock;

use super::model::Form;
use crate::error::Result;

const RESIDENCE_2026_V1: &str = include_str!("../../forms/residence-2026.v1.json");

/// The residence questionnaire of the 2026 screening pilot, version 1, parsed once.
///
/// The file ships inside the crate and its tests load it, so a failure here is a broken build,
/// not bad input; it is still reported as an error rather than a panic.
pub fn residence_2026() -> Result<&'static Form> {
    static FORM: OnceLock<Result<Form>> = OnceLock::new();
    FORM.get_or_init(|| Form::from_json(RESIDENCE_2026_V1))
        .as_ref()
        .map_err(Clone::clone)
}

/// Every built-in form, newest version of each id last.
pub fn builtin() -> Result<Vec<&'static Form>> {
    Ok(vec![residence_2026()?])
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
