//! The one way an error becomes words. Everything that can go wrong reaches the person as a
//! code (the server's and the domain's `error-<code>`, validation's `validation-<code>`, the
//! app's own situations), and these functions are the only place a code is turned into a
//! locale key and looked up, with the screen's fallback when the locales have no words for it.
//! The English `Display` of an error is never shown.

use kosh_locales::Translator;
use kosh_shared::api::FieldError;

use crate::error::AppError;
use crate::view::contract::InputError;

/// The words of `key`, or of `fallback` when the locales have none for it.
fn words_or(tr: &Translator, key: &str, fallback: &str) -> String {
    tr.try_t(key, None).unwrap_or_else(|| tr.t(fallback))
}

/// The locale key for an error: the server's and the domain's codes as `error-<code>`, the
/// app's own situations as the keys the locales keep for them.
pub fn error_key(error: &AppError) -> String {
    match error {
        AppError::Api { code, .. } => format!("error-{code}"),
        AppError::Domain(e) => format!("error-{}", e.code()),
        AppError::Offline(_) => "error-offline".into(),
        AppError::Storage(_) => "mobile-error-storage".into(),
        AppError::SignedOut => "error-unauthorized".into(),
        AppError::Protocol(_) => "error-unknown".into(),
        AppError::File(_) => "error-file".into(),
    }
}

/// The words for an error; "something went wrong" when its code has none.
pub fn error_text(tr: &Translator, error: &AppError) -> String {
    words_or(tr, &error_key(error), "error-unknown")
}

/// The words for an error code kept from earlier (the last refusal of a sync round, shown in
/// settings), or `fallback`'s when the code has none.
pub fn code_text(tr: &Translator, code: &str, fallback: &str) -> String {
    words_or(tr, &format!("error-{code}"), fallback)
}

/// The words for a code of one screen's own (`<prefix>-<code>`: a photo's refusal), or
/// `fallback`'s when that code has none.
pub fn screen_code_text(tr: &Translator, prefix: &str, code: &str, fallback: &str) -> String {
    words_or(tr, &format!("{prefix}-{code}"), fallback)
}

/// The words for one validation error (`validation-<code>`).
pub fn validation_text(tr: &Translator, error: &FieldError) -> String {
    words_or(
        tr,
        &format!("validation-{}", error.code),
        "ui-error-try-again",
    )
}

/// The words for a contract or payment that cannot be kept: the refusal's own words when it
/// has specific ones, else the screen's `incomplete_key` (which says what is needed).
pub fn input_error_text(tr: &Translator, error: &InputError, incomplete_key: &str) -> String {
    match error {
        // "bad_request" says nothing the screen's own words do not say better.
        InputError::Refused(code) if code != "bad_request" => code_text(tr, code, incomplete_key),
        InputError::Refused(_) | InputError::Incomplete => tr.t(incomplete_key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_locales::Lang;

    fn tr() -> Translator {
        Translator::new(Lang::En)
    }

    #[test]
    fn every_kind_of_error_has_words_and_never_its_english_display() {
        let tr = tr();
        for error in [
            AppError::Offline("dns".into()),
            AppError::Storage("quota".into()),
            AppError::SignedOut,
            AppError::Protocol("html".into()),
            AppError::Api {
                status: 409,
                code: "email_taken".into(),
                fields: vec![],
            },
            AppError::Api {
                status: 400,
                code: "no_such_code".into(),
                fields: vec![],
            },
        ] {
            let text = error_text(&tr, &error);
            assert!(!text.is_empty() && text != error.to_string(), "{error:?}");
            assert!(!text.contains("error-"), "{error:?}: {text}");
        }
        assert_eq!(
            error_text(
                &tr,
                &AppError::Api {
                    status: 400,
                    code: "no_such_code".into(),
                    fields: vec![]
                }
            ),
            tr.t("error-unknown")
        );
    }

    #[test]
    fn codes_fall_back_to_the_screens_words() {
        let tr = tr();
        assert_eq!(
            code_text(&tr, "no_such_code", "ui-sync-failed"),
            tr.t("ui-sync-failed")
        );
        assert_eq!(
            code_text(&tr, "conflict", "ui-sync-failed"),
            tr.t("error-conflict")
        );
        let refused = InputError::Refused("bad_request".into());
        let key = "mobile-contract-invalid";
        assert_eq!(input_error_text(&tr, &refused, key), tr.t(key));
        assert_eq!(
            input_error_text(&tr, &InputError::Incomplete, key),
            tr.t(key)
        );
        let region = InputError::Refused("unknown_region".into());
        assert_eq!(
            input_error_text(&tr, &region, key),
            tr.t("error-unknown_region")
        );
        let field = FieldError {
            field: "a.b".into(),
            code: "required".into(),
        };
        assert_eq!(validation_text(&tr, &field), tr.t("validation-required"));
    }
}
