//! The settings screen's view model: the account, what is waiting to be sent, and when the
//! last sync went through, in words.

use chrono::{DateTime, Local, Timelike};
use kosh_locales::Translator;

use crate::store::vault::{Saved, TextSize};

/// What the settings screen shows of the saved state.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsView {
    pub text_size: TextSize,
    /// The signed-in account, if any.
    pub session_email: Option<String>,
    /// Edits not yet acknowledged by the server.
    pub pending: u64,
    /// When the last round went through, in words.
    pub last_sync: Option<String>,
}

/// The settings view of `saved`, in `tr`'s language.
pub fn settings(tr: &Translator, saved: &Saved) -> SettingsView {
    SettingsView {
        text_size: saved.prefs.text_size,
        session_email: saved.session.as_ref().map(|s| s.email.clone()),
        pending: u64::try_from(saved.sync.outbox.len()).unwrap_or(u64::MAX),
        last_sync: saved.last_sync_ms.and_then(|ms| last_sync_text(tr, ms)),
    }
}

/// A wall time in ms in the phone's time zone: the date in words, the time as digits (HH:MM
/// reads the same in every language here).
pub fn last_sync_text(tr: &Translator, ms: u64) -> Option<String> {
    let at = DateTime::from_timestamp_millis(i64::try_from(ms).ok()?)?.with_timezone(&Local);
    Some(format!(
        "{} {:02}:{:02}",
        tr.date(at.date_naive()),
        at.hour(),
        at.minute()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_locales::Lang;

    #[test]
    fn a_fresh_phone_has_nothing_pending_and_never_synced() {
        let tr = Translator::new(Lang::En);
        let view = settings(&tr, &Saved::fresh());
        assert_eq!(
            (view.pending, view.session_email, view.last_sync),
            (0, None, None)
        );
    }

    #[test]
    fn the_last_sync_reads_as_a_date_and_a_time() {
        let tr = Translator::new(Lang::En);
        let text = last_sync_text(&tr, 1_773_000_000_000).unwrap();
        assert!(text.contains("2026"), "{text}");
        assert!(text.contains(':'), "{text}");
        assert_eq!(last_sync_text(&tr, u64::MAX), None);
    }
}
