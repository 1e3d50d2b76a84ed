//! The background sync the screens share: one task per app that runs a round shortly after every
//! change (debounced), right away when asked ("sync now"), the moment the server says another
//! device pushed (a live wait, `GET /v1/sync/wait`, kept running while the page is shown and
//! online), every minute as well, and with exponential backoff while the server is unreachable.
//! The header reads its state. When to do what is decided by the pure `schedule::next`; this
//! module is its driver: signals, timers, the vault, the browser's events and the requests.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;

use dioxus::prelude::*;
use futures_util::StreamExt;
use futures_util::future::{Either, select};

use kosh_shared::api::SyncWaitResponse;

use super::schedule::{self, Action, Event, Kick, RoundEnd, Schedule, WaitEnd};
use super::{SyncState, VaultCell, now_ms, sleep_ms, sync_once, with_session};
use crate::error::{AppError, AppResult};
use crate::server::Server;
use crate::store::vault::Vault;

/// The address of the server on native builds when settings name none.
pub const DEFAULT_SERVER_URL: &str = "http://127.0.0.1:8080";

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
        && !crate::store::reports::has_unsent(&s.reports)
        && !crate::store::uploads::has_unsent(&s.uploads)
        && s.last_sync_ms.is_some()
    {
        SyncState::Synced
    } else {
        SyncState::SavedLocally
    }
}

/// Start the sync task (when `enabled`; screens rendered in tests run without it) and provide
/// its handle. Every hook is called on every render, `enabled` or not (the Rules of Hooks).
pub fn init(vault: Signal<Vault>, enabled: bool) -> SyncService {
    let state = use_signal(|| idle_state(&vault.peek()));
    let last_error = use_signal(|| None::<String>);
    let coroutine = use_coroutine(move |rx: UnboundedReceiver<Kick>| async move {
        if enabled {
            drive(rx, vault, state, last_error).await;
        }
    });
    let kick = enabled.then_some(coroutine);
    #[cfg(target_arch = "wasm32")]
    use_hook(move || {
        if let Some(kick) = kick {
            listen_for_online(kick.tx());
        }
    });
    let service = SyncService {
        state,
        last_error,
        kick,
    };
    use_context_provider(|| service)
}

/// What the driver does next: an event for the schedule, or the check it asked for, which is
/// answered only after the kicks queued before it have been handed over.
enum Step {
    Event(Event),
    Check,
}

/// The thin loop around [`schedule::next`]: it turns each action into a signal, a timer, a
/// reload or a request, and feeds back what came of it. Returns when the app drops the channel.
async fn drive(
    mut rx: UnboundedReceiver<Kick>,
    vault: Signal<Vault>,
    mut state: Signal<SyncState>,
    mut last_error: Signal<Option<String>>,
) {
    let mut schedule = Schedule::default();
    let mut steps = VecDeque::from([Step::Event(Event::Kick(Kick::Now))]);
    let mut timer: Pin<Box<dyn Future<Output = ()>>> = Box::pin(std::future::pending());
    let mut wait: Pin<Box<dyn Future<Output = WaitEnd>>> = Box::pin(std::future::pending());
    loop {
        let event = match steps.pop_front() {
            Some(Step::Event(event)) => event,
            Some(Step::Check) => Event::Checked {
                signed_in: vault.peek().state().session.is_some(),
                offline: browser_says_offline(),
            },
            None => match select(rx.next(), select(timer.as_mut(), wait.as_mut())).await {
                Either::Left((Some(kick), _)) => Event::Kick(kick),
                Either::Left((None, _)) => return,
                Either::Right((Either::Left(((), _)), _)) => {
                    timer = Box::pin(std::future::pending());
                    Event::TimerFired
                }
                Either::Right((Either::Right((end, _)), _)) => {
                    wait = Box::pin(std::future::pending());
                    Event::WaitEnded(end)
                }
            },
        };
        let (next, actions) = schedule::next(schedule, event);
        schedule = next;
        for action in actions {
            match action {
                Action::Show(shown) => state.set(shown),
                Action::ShowIdle => state.set(idle_state(&vault.peek())),
                Action::Reload => {
                    let mut signal = vault;
                    let _ = signal.write().reload();
                }
                Action::Sleep(t) => {
                    let ms = u64::try_from(t.delay(super::random_unit()).as_millis());
                    timer = Box::pin(sleep_ms(ms.unwrap_or(u64::MAX)));
                }
                Action::Check => {
                    while let Ok(kick) = rx.try_recv() {
                        steps.push_back(Step::Event(Event::Kick(kick)));
                    }
                    steps.push_back(Step::Check);
                }
                Action::Round => {
                    let end = round_end(run_round(vault).await);
                    steps.push_back(Step::Event(Event::RoundEnded(end)));
                }
                Action::LastError(code) => last_error.set(code),
                Action::Wait => wait = Box::pin(run_wait(vault)),
                // Dropping the request cancels it (the browser aborts the fetch).
                Action::StopWait => wait = Box::pin(std::future::pending()),
            }
        }
    }
}

/// One round against the configured server.
async fn run_round(vault: Signal<Vault>) -> AppResult<()> {
    // Bound first: a guard held across the await below would block saving.
    let server = server_for(&vault.peek())?;
    sync_once(&server, &vault, &now_ms).await.map(|_| ())
}

/// One live wait at the vault's cursor, as this device.
async fn run_wait(vault: Signal<Vault>) -> WaitEnd {
    // Read first: a guard held across the await below would block saving.
    let (server, cursor, device) = {
        let v = vault.peek();
        let sync = &v.state().sync;
        (server_for(&v), sync.cursor, sync.device_id.clone())
    };
    let Ok(server) = server else {
        return WaitEnd::Failed;
    };
    let answer = with_session(&vault, async |session| {
        server.sync_wait(session, cursor, &device).await
    })
    .await;
    wait_end(answer, cursor)
}

/// What the schedule needs to know of a wait's answer.
fn wait_end(answer: AppResult<SyncWaitResponse>, cursor: u64) -> WaitEnd {
    match answer {
        Ok(wait) if wait.has_news(cursor) => WaitEnd::News,
        Ok(_) => WaitEnd::Quiet,
        Err(AppError::SignedOut) => WaitEnd::SignedOut,
        // Unreachable, or refused (a server from before live sync says 404): back off either
        // way; the rounds still carry the answers.
        Err(_) => WaitEnd::Failed,
    }
}

/// What the schedule needs to know of a round's result.
fn round_end(result: AppResult<()>) -> RoundEnd {
    match result {
        Ok(()) => RoundEnd::Synced,
        Err(e) if e.is_transient() => RoundEnd::Unreachable,
        Err(AppError::SignedOut) => RoundEnd::SignedOut,
        Err(e) => RoundEnd::Refused {
            code: e.code().to_owned(),
        },
    }
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
/// next retry, say "offline" the moment it says the connection is gone, take in what another
/// tab of the app saved (browsers send `storage` only to the other tabs), and stop the live wait
/// while the page is hidden (a phone's browser in the background should not hold a request
/// open), catching up when it is shown again.
#[cfg(target_arch = "wasm32")]
fn listen_for_online(tx: UnboundedSender<Kick>) {
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        let tx = tx.clone();
        let seen = document.clone();
        let listener = Closure::<dyn FnMut()>::new(move || {
            let kick = if seen.hidden() {
                Kick::Hidden
            } else {
                Kick::Shown
            };
            let _ = tx.unbounded_send(kick);
        });
        if document
            .add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref())
            .is_ok()
        {
            listener.forget();
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, code: &str) -> AppError {
        AppError::Api {
            status,
            code: code.into(),
            fields: vec![],
        }
    }

    #[test]
    fn wait_answers_become_schedule_events() {
        let at = |cursor| Ok(SyncWaitResponse { cursor });
        assert_eq!(wait_end(at(42), 41), WaitEnd::News);
        assert_eq!(wait_end(at(41), 41), WaitEnd::Quiet);
        // A server restored from a backup answers a lower cursor: nothing new to fetch.
        assert_eq!(wait_end(at(3), 41), WaitEnd::Quiet);
        assert_eq!(
            wait_end(Err(AppError::Offline("reset".into())), 41),
            WaitEnd::Failed
        );
        assert_eq!(wait_end(Err(api(404, "not_found")), 41), WaitEnd::Failed);
        assert_eq!(wait_end(Err(AppError::SignedOut), 41), WaitEnd::SignedOut);
    }

    #[test]
    fn round_results_become_schedule_events() {
        assert_eq!(round_end(Ok(())), RoundEnd::Synced);
        assert_eq!(
            round_end(Err(AppError::Offline("dns".into()))),
            RoundEnd::Unreachable
        );
        assert_eq!(round_end(Err(api(503, "internal"))), RoundEnd::Unreachable);
        assert_eq!(
            round_end(Err(api(429, "rate_limited"))),
            RoundEnd::Unreachable
        );
        assert_eq!(round_end(Err(AppError::SignedOut)), RoundEnd::SignedOut);
        assert_eq!(
            round_end(Err(api(409, "conflict"))),
            RoundEnd::Refused {
                code: "conflict".into()
            }
        );
    }
}
