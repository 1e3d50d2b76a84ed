//! The background sync the screens share: one task per app that runs a round shortly after every
//! change (debounced), right away when asked ("sync now"), every minute to pull other devices'
//! changes, and with exponential backoff while the server is unreachable. The header reads its
//! state.

use std::time::Duration;

use dioxus::prelude::*;
use futures_util::StreamExt;
use futures_util::future::{Either, select};
use kosh_shared::sync::Backoff;

use super::{SyncState, VaultCell, now_ms, sleep_ms, sync_once};
use crate::error::{AppError, AppResult};
use crate::server::Server;
use crate::store::vault::Vault;

/// The address of the server on native builds when settings name none.
pub const DEFAULT_SERVER_URL: &str = "http://127.0.0.1:8080";

/// How long after a change the round starts, so typing a word sends one request, not ten.
const DEBOUNCE_MS: u64 = 800;
/// How often an idle app asks for other devices' changes.
const PULL_EVERY_MS: u64 = 60_000;

/// Retry schedule while unreachable: one second doubling to 30 s. Shorter than the shared
/// default's five minutes because this runs only while the app is open: a person looking at
/// the screen should see "synced" soon after the connection returns.
const RETRY: Backoff = Backoff {
    base: Duration::from_secs(1),
    cap: Duration::from_secs(30),
};

/// Why the sync task should run a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kick {
    /// Something changed: run after the debounce.
    Changed,
    /// The person asked, or the connection came back: run now.
    Now,
    /// The browser says the connection is gone: say "offline" without waiting for a round to fail.
    WentOffline,
    /// Another tab of the app saved: take in its state before anything else happens here.
    StoredElsewhere,
}

/// The sync task's handle: its state for the header, the last refusal for settings, and the way
/// to ask for a round.
#[derive(Clone, Copy)]
pub struct SyncService {
    pub state: Signal<SyncState>,
    /// The code of the last error that was not just "offline" (shown in settings).
    pub last_error: Signal<Option<String>>,
    kick: Option<Coroutine<Kick>>,
}

impl SyncService {
    /// Ask for a round after the debounce (after every change).
    pub fn changed(&self) {
        if let Some(kick) = self.kick {
            kick.send(Kick::Changed);
        }
    }

    /// Ask for a round now ("sync now").
    pub fn now(&self) {
        if let Some(kick) = self.kick {
            kick.send(Kick::Now);
        }
    }
}

impl VaultCell for Signal<Vault> {
    fn with<R>(&self, f: impl FnOnce(&Vault) -> R) -> R {
        f(&self.read())
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut Vault) -> R) -> R {
        let mut signal = *self;
        let mut vault = signal.write();
        f(&mut vault)
    }
}

/// The server this app talks to: the page's own origin on the web, the settings' address (or
/// the default) elsewhere.
pub fn server_for(vault: &Vault) -> AppResult<Server> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = vault;
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .ok_or_else(|| AppError::Protocol("the page has no origin".into()))?;
        Server::new(&origin)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let url = vault.state().prefs.server_url.as_deref();
        Server::new(url.unwrap_or(DEFAULT_SERVER_URL))
    }
}

/// The state to show when no round is running.
pub fn idle_state(vault: &Vault) -> SyncState {
    let s = vault.state();
    if s.session.is_some()
        && s.sync.outbox.is_empty()
        && !s.contract_unsent
        && s.last_sync_ms.is_some()
    {
        SyncState::Synced
    } else {
        SyncState::SavedLocally
    }
}

/// Start the sync task (when `enabled`; screens rendered in tests run without it) and provide
/// its handle.
pub fn init(vault: Signal<Vault>, enabled: bool) -> SyncService {
    let mut state = use_signal(|| idle_state(&vault.peek()));
    let mut last_error = use_signal(|| None::<String>);
    let kick = enabled.then(|| {
        use_coroutine(move |mut rx: UnboundedReceiver<Kick>| async move {
            let mut failures: u32 = 0;
            let mut next = Some(Kick::Now);
            loop {
                let kick = match next.take() {
                    Some(kick) => kick,
                    None => {
                        let wait = if failures > 0 {
                            u64::try_from(
                                RETRY.delay(failures - 1, super::random_unit()).as_millis(),
                            )
                            .unwrap_or(u64::MAX)
                        } else {
                            PULL_EVERY_MS
                        };
                        match select(rx.next(), Box::pin(sleep_ms(wait))).await {
                            Either::Left((Some(kick), _)) => kick,
                            Either::Left((None, _)) => return,
                            Either::Right(_) => Kick::Now,
                        }
                    }
                };
                match kick {
                    Kick::WentOffline => {
                        state.set(SyncState::Offline);
                        continue;
                    }
                    Kick::StoredElsewhere => {
                        let mut signal = vault;
                        let _ = signal.write().reload();
                        continue;
                    }
                    Kick::Changed => {
                        state.set(SyncState::SavedLocally);
                        sleep_ms(DEBOUNCE_MS).await;
                    }
                    Kick::Now => {}
                }
                // Everything asked for during the debounce is covered by this round; another
                // tab's save is taken in first, so the round sends what both tabs hold.
                while let Ok(pending) = rx.try_recv() {
                    if pending == Kick::StoredElsewhere {
                        let mut signal = vault;
                        let _ = signal.write().reload();
                    }
                }
                if vault.peek().state().session.is_none() {
                    state.set(SyncState::SavedLocally);
                    continue;
                }
                if browser_says_offline() {
                    // No request to wait on: the `online` event starts the next round.
                    state.set(SyncState::Offline);
                    continue;
                }
                state.set(SyncState::Syncing);
                // Bound first: a guard held across the await below would block saving.
                let server = server_for(&vault.peek());
                let result = match server {
                    Ok(server) => sync_once(&server, &vault, &now_ms).await.map(|_| ()),
                    Err(e) => Err(e),
                };
                match result {
                    Ok(()) => {
                        failures = 0;
                        last_error.set(None);
                        state.set(idle_state(&vault.peek()));
                    }
                    Err(e) if e.is_transient() => {
                        failures = failures.saturating_add(1);
                        state.set(SyncState::Offline);
                    }
                    Err(AppError::SignedOut) => {
                        failures = 0;
                        state.set(SyncState::SavedLocally);
                    }
                    Err(e) => {
                        failures = failures.saturating_add(1);
                        last_error.set(Some(e.code().to_owned()));
                        state.set(SyncState::SavedLocally);
                    }
                }
            }
        })
    });
    #[cfg(target_arch = "wasm32")]
    if let Some(kick) = kick {
        use_hook(move || listen_for_online(kick.tx()));
    }
    let service = SyncService {
        state,
        last_error,
        kick,
    };
    use_context_provider(|| service)
}

/// Whether the browser knows there is no connection at all (`navigator.onLine` is false, which
/// it never is while any network is up). A round then would only wait on a 3G phone for its
/// request to fail.
#[cfg(target_arch = "wasm32")]
fn browser_says_offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// Off the web the request itself says whether there is a connection.
#[cfg(not(target_arch = "wasm32"))]
fn browser_says_offline() -> bool {
    false
}

/// Run a round the moment the browser says the connection is back, instead of waiting for the
/// next retry, say "offline" the moment it says the connection is gone, and take in what
/// another tab of the app saved (browsers send `storage` only to the other tabs).
#[cfg(target_arch = "wasm32")]
fn listen_for_online(tx: UnboundedSender<Kick>) {
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    for (event, kick) in [
        ("online", Kick::Now),
        ("offline", Kick::WentOffline),
        ("storage", Kick::StoredElsewhere),
    ] {
        let tx = tx.clone();
        let listener = Closure::<dyn FnMut()>::new(move || {
            let _ = tx.unbounded_send(kick);
        });
        if window
            .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
            .is_ok()
        {
            // The listener lives as long as the page, like the app itself.
            listener.forget();
        }
    }
}

/// The sync handle the root provides.
pub fn use_sync() -> SyncService {
    use_context::<SyncService>()
}
