//! What a draft records about the family's papers beside the questionnaire's answers: one tick
//! per checklist entry, under the field `documents.<entry id>` (API.md, Documents).
//!
//! A tick is an ordinary draft answer, so it merges, syncs and survives a crash like any other;
//! but it answers no question of the form. The namespace `documents.` is therefore kept out of
//! every form (the loader refuses a question there), validation leaves ticks out of the
//! questionnaire's verdict, sync checks them by the shape below, and moving a draft to a newer
//! form version carries them over untouched. This module sits at the bottom of the crate so
//! that `form`, `validate`, `draft` and `migration` can all ask it, and the checklist above
//! them reads the same definition.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The prefix of every tick's field.
pub const PREFIX: &str = "documents.";

/// The most photos one entry keeps; far more than a document has pages, small enough that a
/// bad client cannot grow one answer without bound.
pub const MAX_ATTACHMENTS: usize = 20;

/// The longest entry id (`no_criminal_record.m19` is 22 characters).
const MAX_ENTRY_LEN: usize = 100;

/// One checklist entry's tick: whether the person has the paper, when it was issued (so the app
/// can say that a certificate is too old before the visit), and the photos of it (SHA-256 of
/// each, lowercase hex, as `PUT /v1/attachments/{sha256}` names them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tick {
    /// The person has the paper ready.
    #[serde(default)]
    pub done: bool,
    /// When the paper was issued, if the person said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// The photos of the paper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

impl Tick {
    /// The tick an answer holds; `None` for no answer, a cleared one, or one of another shape
    /// (which sync refuses, so only a stored answer from a bad client can be one).
    pub fn read(value: Option<&Value>) -> Option<Tick> {
        match value? {
            Value::Null => None,
            other => serde_json::from_value(other.clone()).ok(),
        }
    }

    /// The tick as a draft answer.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// Whether `field` is a tick's field rather than a question's.
pub fn is_tick_field(field: &str) -> bool {
    field.starts_with(PREFIX)
}

/// The field that holds the tick of checklist entry `entry_id`.
pub fn field(entry_id: &str) -> String {
    format!("{PREFIX}{entry_id}")
}

/// Whether `id` can name a checklist entry: an item id of lowercase letters, digits and `_`,
/// optionally followed by `.` and such a segment (the family member's row).
pub fn is_entry_id(id: &str) -> bool {
    let segment = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    id.len() <= MAX_ENTRY_LEN && {
        let mut parts = id.split('.');
        parts.next().is_some_and(segment)
            && parts.next().is_none_or(segment)
            && parts.next().is_none()
    }
}

/// Whether `text` is a SHA-256 in lowercase hex, as attachments are named.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What sync requires of an op on a tick's `field`: a well-formed entry id
/// (`unknown_question` otherwise, as for any field that names nothing) and a value that is
/// `null` or a [`Tick`] whose attachments are SHA-256 names, at most [`MAX_ATTACHMENTS`]
/// (`wrong_type` otherwise). Which entries a draft's answers call for is not checked here: an
/// entry the answers stop calling for keeps its tick, so nothing is lost when they change back.
pub fn check(field: &str, value: &Value) -> Result<(), &'static str> {
    if !field.strip_prefix(PREFIX).is_some_and(is_entry_id) {
        return Err("unknown_question");
    }
    if value.is_null() {
        return Ok(());
    }
    let tick: Tick = serde_json::from_value(value.clone()).map_err(|_| "wrong_type")?;
    let photos_ok =
        tick.attachments.len() <= MAX_ATTACHMENTS && tick.attachments.iter().all(|a| is_sha256(a));
    if photos_ok { Ok(()) } else { Err("wrong_type") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use serde_json::json;

    const PHOTO: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    #[rstest]
    #[case::applicant("documents.passport", json!({"done": true}))]
    #[case::member("documents.passport.m2", json!({"done": false, "issued_on": "2026-01-10"}))]
    #[case::photos("documents.medical_certificate", json!({"done": true, "attachments": [PHOTO]}))]
    #[case::cleared("documents.passport", json!(null))]
    fn ticks_of_the_right_shape_pass(#[case] field: &str, #[case] value: Value) {
        assert_eq!(check(field, &value), Ok(()));
    }

    #[rstest]
    #[case::no_entry("documents.", json!({"done": true}), "unknown_question")]
    #[case::upper_case("documents.Passport", json!({"done": true}), "unknown_question")]
    #[case::three_parts("documents.a.b.c", json!({"done": true}), "unknown_question")]
    #[case::a_bare_bool("documents.passport", json!(true), "wrong_type")]
    #[case::stray_key("documents.passport", json!({"done": true, "pet": "cat"}), "wrong_type")]
    #[case::bad_date("documents.passport", json!({"issued_on": "10.01.2026"}), "wrong_type")]
    #[case::bad_photo("documents.passport", json!({"attachments": ["abc"]}), "wrong_type")]
    #[case::upper_hex("documents.passport", json!({"attachments": [PHOTO.to_uppercase()]}), "wrong_type")]
    fn other_ticks_are_refused(#[case] field: &str, #[case] value: Value, #[case] code: &str) {
        assert_eq!(check(field, &value), Err(code));
    }

    #[test]
    fn too_many_photos_are_refused() {
        let photos = vec![PHOTO; MAX_ATTACHMENTS + 1];
        assert_eq!(
            check("documents.passport", &json!({"attachments": photos})),
            Err("wrong_type")
        );
    }

    #[test]
    fn a_tick_reads_back_what_it_wrote() {
        let tick = Tick {
            done: true,
            issued_on: Some("2026-02-01".parse().unwrap()),
            attachments: vec![PHOTO.to_owned()],
        };
        assert_eq!(Tick::read(Some(&tick.to_value())), Some(tick));
        assert_eq!(Tick::read(Some(&json!(null))), None);
        assert_eq!(Tick::read(None), None);
        assert_eq!(field("passport.m0"), "documents.passport.m0");
        assert!(is_tick_field("documents.passport.m0"));
        assert!(!is_tick_field("personal.surname"));
    }
}
