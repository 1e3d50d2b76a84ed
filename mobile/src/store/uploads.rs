//! The photos of papers kept on the phone that the server does not hold yet: the outbox of
//! `PUT /v1/attachments/{sha256}`. The bytes live in the browser's IndexedDB on the web
//! (`web/photos.js`) and in the app's photos folder on the native builds (`photos::folder`);
//! this list, saved with the rest of the state, names them. A photo joins the list in the same
//! atomic write as the tick that names it, so a crash or a reload loses neither; each sync round
//! asks the server how much it holds (`HEAD`, `Upload-Offset`) and sends the rest
//! (`Content-Range`), so a half-sent photo continues where it stopped. A refusal (a 4xx: over the
//! quota, not a picture) is kept with the photo, in words on screen, until the person removes
//! it. These are the pure rules over that list and over the server's answers; `sync` runs them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use kosh_shared::tick::{self, Tick};

use super::reports::Refusal;

/// The code kept for a photo whose bytes the phone no longer has (the browser cleared its
/// storage, or the app's files were removed): nothing can send it, the person can only take it
/// again.
pub const MISSING: &str = "photo_missing";

/// One photo the server does not hold yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingUpload {
    /// Its SHA-256, lowercase hex: its name on the phone and on the server.
    pub sha256: String,
    /// Its length in bytes.
    pub size: u64,
    /// Why the server refused it, when it did: never sent again, shown until it is removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Refusal>,
}

/// Queue a photo just kept, unless it is queued already (the same picture on two papers is one
/// file on the server).
pub fn add(uploads: &mut Vec<PendingUpload>, sha256: &str, size: u64) {
    if !uploads.iter().any(|u| u.sha256 == sha256) {
        uploads.push(PendingUpload {
            sha256: sha256.to_owned(),
            size,
            refused: None,
        });
    }
}

/// The photos to send this round, in the order they were taken: every one not refused.
pub fn to_send(uploads: &[PendingUpload]) -> Vec<PendingUpload> {
    uploads
        .iter()
        .filter(|u| u.refused.is_none())
        .cloned()
        .collect()
}

/// Whether some photo waits to be sent (a refused one waits for the person, not the server).
pub fn has_unsent(uploads: &[PendingUpload]) -> bool {
    uploads.iter().any(|u| u.refused.is_none())
}

/// Every photo the papers' ticks in `answers` show (a photo on two papers twice).
pub fn shown(answers: &BTreeMap<String, Value>) -> impl Iterator<Item = String> + '_ {
    answers
        .iter()
        .filter(|(field, _)| tick::is_tick_field(field))
        .filter_map(|(_, value)| Tick::read(Some(value)))
        .flat_map(|t| t.attachments)
}

/// Whether any paper's tick in `answers` still shows the photo `sha256`.
pub fn is_shown(answers: &BTreeMap<String, Value>, sha256: &str) -> bool {
    shown(answers).any(|a| a == sha256)
}

/// What came of one request, as the page's photos module (`web/photos.js`) or the native
/// uploader (`photos::upload`) says it: the HTTP status (0 when the server could not be
/// reached), the `Upload-Offset` header, the error body's code, and whether the phone no longer
/// has the photo at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub offset: Option<u64>,
    pub code: Option<String>,
    pub missing: bool,
}

impl Answer {
    /// The answer in the module's JSON; missing or odd parts read as absent (a status of 0:
    /// no answer at all).
    pub fn read(json: &Value) -> Answer {
        Answer {
            status: json
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or(0),
            offset: json.get("offset").and_then(Value::as_u64),
            code: json.get("code").and_then(Value::as_str).map(str::to_owned),
            missing: json
                .get("missing")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        }
    }
}

/// What to do next with one photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// The server holds it whole: it leaves the list.
    Done,
    /// Send its bytes from this offset to the end.
    From(u64),
    /// Refused: kept with the reason, not sent again.
    Refused(Refusal),
    /// Not now (another upload of it is under way, the server asks to slow down): the next
    /// round tries again.
    Later,
}

fn refused(code: &str) -> Next {
    Next::Refused(Refusal {
        code: code.to_owned(),
        fields: Vec::new(),
    })
}

/// What a `HEAD` says: 200 the server holds it whole; 204 it holds the first `Upload-Offset`
/// bytes of an unfinished upload; 404 nothing. An offset past the photo's end cannot continue
/// this photo: it starts over.
pub fn after_head(upload: &PendingUpload, answer: &Answer) -> Next {
    match answer.status {
        200 => Next::Done,
        204 => match answer.offset {
            Some(held) if held < upload.size => Next::From(held),
            _ => Next::From(0),
        },
        404 => Next::From(0),
        _ => after_refusal(answer),
    }
}

/// What a `PUT` of the rest says: 201/200 the file is whole; 202 a part arrived (continue
/// from `Upload-Offset`); 416 the server holds another amount than asked (continue from the
/// one it names); 400 with an offset is a body cut short (continue); other 4xx are refusals.
pub fn after_put(upload: &PendingUpload, answer: &Answer) -> Next {
    if answer.missing {
        return refused(MISSING);
    }
    match (answer.status, answer.offset) {
        (200 | 201, _) => Next::Done,
        (202 | 416 | 400, Some(held))
            if held < upload.size && answer.code.as_deref() != Some("hash_mismatch") =>
        {
            Next::From(held)
        }
        _ => after_refusal(answer),
    }
}

fn after_refusal(answer: &Answer) -> Next {
    match answer.status {
        // Another request for this upload is being received (a second tab), or slow down.
        409 | 429 => Next::Later,
        400..=499 => refused(answer.code.as_deref().unwrap_or("bad_request")),
        _ => Next::Later,
    }
}

/// Record what came of one photo: gone from the list when the server holds it, its refusal
/// kept when refused; left as it is otherwise.
pub fn settle(uploads: &mut Vec<PendingUpload>, sha256: &str, next: &Next) {
    match next {
        Next::Done => uploads.retain(|u| u.sha256 != sha256),
        Next::Refused(refusal) => {
            if let Some(u) = uploads.iter_mut().find(|u| u.sha256 == sha256) {
                u.refused = Some(refusal.clone());
            }
        }
        Next::From(_) | Next::Later => {}
    }
}

/// The most requests one photo takes in one round after its `HEAD`: the rest in one `PUT`,
/// and a few more when the server says it holds another amount; never a loop with a server
/// that keeps saying so.
pub const MAX_PUTS_PER_ROUND: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    fn upload(size: u64) -> PendingUpload {
        PendingUpload {
            sha256: A.into(),
            size,
            refused: None,
        }
    }

    fn said(status: u16, offset: Option<u64>, code: Option<&str>) -> Answer {
        Answer {
            status,
            offset,
            code: code.map(str::to_owned),
            missing: false,
        }
    }

    #[test]
    fn a_photo_is_queued_once_and_a_refused_one_waits_for_the_person() {
        let mut list = Vec::new();
        add(&mut list, A, 10);
        add(&mut list, A, 10);
        add(&mut list, B, 20);
        assert_eq!(list.len(), 2);
        settle(&mut list, A, &refused("quota_exceeded"));
        assert_eq!(to_send(&list).len(), 1);
        assert_eq!(to_send(&list)[0].sha256, B);
        assert_eq!(list[0].refused.as_ref().unwrap().code, "quota_exceeded");
        settle(&mut list, B, &Next::Done);
        assert_eq!(list.len(), 1, "a refused photo stays on the list");
        assert!(!has_unsent(&list));
        settle(&mut list, A, &Next::Later);
        assert_eq!(list.len(), 1);
    }

    #[test]
    fn head_says_where_to_continue() {
        let u = upload(1000);
        assert_eq!(after_head(&u, &said(200, Some(1000), None)), Next::Done);
        assert_eq!(after_head(&u, &said(204, Some(400), None)), Next::From(400));
        assert_eq!(after_head(&u, &said(404, None, None)), Next::From(0));
        // The server claims more than the photo has: start over rather than send nothing.
        assert_eq!(after_head(&u, &said(204, Some(5000), None)), Next::From(0));
        assert_eq!(after_head(&u, &said(204, None, None)), Next::From(0));
        assert_eq!(
            after_head(&u, &said(403, None, Some("forbidden"))),
            refused("forbidden")
        );
    }

    #[test]
    fn put_answers_finish_continue_or_refuse() {
        let u = upload(1000);
        assert_eq!(after_put(&u, &said(201, None, None)), Next::Done);
        assert_eq!(after_put(&u, &said(200, None, None)), Next::Done);
        assert_eq!(after_put(&u, &said(202, Some(600), None)), Next::From(600));
        assert_eq!(
            after_put(&u, &said(416, Some(300), Some("bad_range"))),
            Next::From(300)
        );
        assert_eq!(
            after_put(&u, &said(400, Some(300), Some("bad_request"))),
            Next::From(300)
        );
        for (status, code) in [
            (413, "quota_exceeded"),
            (413, "payload_too_large"),
            (415, "unsupported_media_type"),
            (400, "hash_mismatch"),
        ] {
            assert_eq!(
                after_put(&u, &said(status, Some(0), Some(code))),
                refused(code),
                "{status} {code}"
            );
        }
        assert_eq!(
            after_put(&u, &said(409, None, Some("conflict"))),
            Next::Later
        );
        assert_eq!(after_put(&u, &said(429, None, None)), Next::Later);
        let gone = Answer {
            missing: true,
            ..Answer::default()
        };
        assert_eq!(after_put(&u, &gone), refused(MISSING));
    }

    #[test]
    fn a_photo_shown_on_any_paper_is_still_in_use() {
        let mut answers = BTreeMap::new();
        answers.insert(
            tick::field("passport"),
            json!({"done": true, "attachments": [A]}),
        );
        answers.insert("personal.surname".into(), json!(A));
        assert!(is_shown(&answers, A));
        assert!(
            !is_shown(&answers, B),
            "an answer that is not a tick names no photo"
        );
    }

    #[test]
    fn the_modules_answers_read_with_missing_parts() {
        assert_eq!(Answer::read(&json!({"status": 0})), said(0, None, None));
        assert_eq!(
            Answer::read(&json!({"status": 416, "offset": 12, "code": "bad_range"})),
            said(416, Some(12), Some("bad_range"))
        );
        assert_eq!(
            Answer::read(&json!({"status": 201, "offset": null, "code": null})),
            said(201, None, None)
        );
        // Not an answer of the module at all: as if nothing came back.
        assert_eq!(Answer::read(&json!("oops")), Answer::default());
        assert!(Answer::read(&json!({"status": 0, "missing": true})).missing);
    }
}
