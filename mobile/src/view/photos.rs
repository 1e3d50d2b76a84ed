//! The photos of one paper as the checklist shows them: each in words where it stands (waiting
//! for a connection, on the server, refused and why), from the tick's list of photos and the
//! upload outbox (`store::uploads`). The picture itself comes from the phone's store: drawn by
//! the page on the web, given as a `data:` URL on the native builds (`photos::picture`).

use kosh_locales::Translator;

use crate::i18n::args;
use crate::store::uploads::PendingUpload;
use crate::view::words::screen_code_text;

/// One photo of a paper.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoView {
    pub sha256: String,
    /// "Photo 1: Passport", for the picture and its remove button.
    pub alt: String,
    pub remove_label: String,
    /// Where it stands, in words.
    pub note: String,
    /// The server refused it: the note says why, and only removing it helps.
    pub refused: bool,
}

/// The photos of the paper `title` (its tick's `attachments`), against the outbox `uploads`.
pub fn photo_views(
    tr: &Translator,
    title: &str,
    attachments: &[String],
    uploads: &[PendingUpload],
) -> Vec<PhotoView> {
    attachments
        .iter()
        .enumerate()
        .map(|(i, sha256)| {
            let named = args(&[
                ("number", ((i + 1) as u64).into()),
                ("paper", title.to_owned().into()),
            ]);
            let queued = uploads.iter().find(|u| &u.sha256 == sha256);
            let refusal = queued.and_then(|u| u.refused.as_ref());
            let note = match (queued, refusal) {
                (_, Some(r)) => screen_code_text(tr, "photos-refused", &r.code, "photos-refused"),
                (Some(_), None) => tr.t("photos-waiting"),
                (None, None) => tr.t("photos-sent"),
            };
            PhotoView {
                sha256: sha256.clone(),
                alt: tr.t_args("photos-alt", &named),
                remove_label: tr.t_args("photos-remove-label", &named),
                note,
                refused: refusal.is_some(),
            }
        })
        .collect()
}

/// The words for a photo the page could not keep (`photos::keep`'s code); `None` when the
/// person only closed the chooser.
pub fn keep_error(tr: &Translator, code: &str) -> Option<String> {
    (code != "none").then(|| screen_code_text(tr, "photos-error", code, "photos-error-unavailable"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::reports::Refusal;
    use kosh_locales::Lang;

    const A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    const C: &str = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    fn refused(code: &str) -> Vec<PendingUpload> {
        vec![
            PendingUpload {
                sha256: A.into(),
                size: 1,
                refused: Some(Refusal {
                    code: code.into(),
                    fields: vec![],
                }),
            },
            PendingUpload {
                sha256: B.into(),
                size: 1,
                refused: None,
            },
        ]
    }

    #[test]
    fn each_photo_says_where_it_stands() {
        let tr = Translator::new(Lang::En);
        let names = [A.to_owned(), B.to_owned(), C.to_owned()];
        let v = photo_views(&tr, "Passport", &names, &refused("quota_exceeded"));
        assert!(v[0].refused && v[0].note.contains("room"), "{:?}", v[0]);
        assert!(
            !v[1].refused && v[1].note.contains("connection"),
            "{:?}",
            v[1]
        );
        // Not queued: the server has it.
        assert_eq!(v[2].note, tr.t("photos-sent"));
        assert_eq!(v[1].alt, "Photo 2: Passport");
        assert_eq!(v[1].remove_label, "Remove photo 2: Passport");
        // A refusal with no words of its own still says what to do.
        let odd = photo_views(&tr, "Passport", &names, &refused("teapot"));
        assert_eq!(odd[0].note, tr.t("photos-refused"));
    }

    #[test]
    fn every_language_words_every_refusal_and_failure() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for code in [
                "quota_exceeded",
                "payload_too_large",
                "unsupported_media_type",
                "hash_mismatch",
                crate::store::uploads::MISSING,
            ] {
                assert!(tr.has(&format!("photos-refused-{code}")), "{lang:?} {code}");
            }
            for code in [
                "insecure",
                "not_image",
                "storage",
                "unavailable",
                "unreadable",
            ] {
                assert!(tr.has(&format!("photos-error-{code}")), "{lang:?} {code}");
            }
            assert_eq!(keep_error(&tr, "none"), None);
        }
    }
}
