//! Getting the phone's answers to the server and other devices' answers back: one sync round
//! (`sync_once`), signing in, submitting, and the background service the screens use
//! (`init`/`use_sync`, in `service`, driving the pure scheduler in `schedule`). The round itself is written against `VaultCell`, so the
//! end-to-end tests drive exactly what the app runs, without a screen.

pub mod schedule;
mod service;

pub use schedule::Kick;
pub use service::{DEFAULT_SERVER_URL, SyncService, idle_state, init, server_for, use_sync};

use std::cell::RefCell;

use chrono::NaiveDate;
use kosh_shared::api::{Application, RiskResponse};

use crate::error::{AppError, AppResult};
use crate::server::{Server, Session};
use crate::store::reports::{Refusal, already_recorded, next_to_send};
use crate::store::vault::{SyncApplied, Vault};

/// What the header says about the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    /// Saved on this phone; nothing has tried to send it yet (or there is no account).
    SavedLocally,
    /// A sync round is running.
    Syncing,
    /// The server has everything this phone has.
    Synced,
    /// The server could not be reached; the app will try again by itself.
    Offline,
}

impl SyncState {
    /// The locale key of the header's words.
    pub fn label_key(self) -> &'static str {
        match self {
            SyncState::SavedLocally => "ui-sync-saved-local",
            SyncState::Syncing => "ui-sync-syncing",
            SyncState::Synced => "ui-sync-synced",
            SyncState::Offline => "ui-sync-offline",
        }
    }

    /// An id for CSS (`sync-offline` …).
    pub fn id(self) -> &'static str {
        match self {
            SyncState::SavedLocally => "local",
            SyncState::Syncing => "syncing",
            SyncState::Synced => "synced",
            SyncState::Offline => "offline",
        }
    }
}

/// Access to the vault for code that awaits in between: a borrow never spans an `.await`, so
/// the screens can keep reading while a request is in flight.
pub trait VaultCell {
    /// Read the vault.
    fn with<R>(&self, f: impl FnOnce(&Vault) -> R) -> R;
    /// Change the vault.
    fn with_mut<R>(&self, f: impl FnOnce(&mut Vault) -> R) -> R;
}

impl VaultCell for RefCell<Vault> {
    fn with<R>(&self, f: impl FnOnce(&Vault) -> R) -> R {
        f(&self.borrow())
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut Vault) -> R) -> R {
        f(&mut self.borrow_mut())
    }
}

impl<V: VaultCell> VaultCell for std::rc::Rc<V> {
    fn with<R>(&self, f: impl FnOnce(&Vault) -> R) -> R {
        self.as_ref().with(f)
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut Vault) -> R) -> R {
        self.as_ref().with_mut(f)
    }
}

/// What one round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Ops pushed and acknowledged.
    pub pushed: usize,
    /// Answers changed by other devices.
    pub changed: Vec<String>,
    /// Requests made to `/v1/sync`.
    pub requests: usize,
    /// The draft moved onto another device's draft of the same account.
    pub adopted: bool,
}

/// The most `/v1/sync` requests one round makes, so a server that keeps saying `more` cannot
/// keep the phone busy forever; the next round carries on.
const MAX_REQUESTS_PER_ROUND: usize = 40;

/// Run an authenticated call with the saved session, keep a refreshed token pair, and sign out
/// on this phone when the server no longer accepts the login at all.
async fn with_session<V: VaultCell, T>(
    vault: &V,
    call: impl AsyncFnOnce(&mut Session) -> AppResult<T>,
) -> AppResult<T> {
    let Some(mut session) = vault.with(|v| v.state().session.clone()) else {
        return Err(AppError::SignedOut);
    };
    let before = session.clone();
    let result = call(&mut session).await;
    if let Err(AppError::Api { status: 401, .. }) = &result {
        // The refresh itself was refused (expired or reused): this login is over.
        vault.with_mut(|v| v.set_session(None))?;
        return Err(AppError::SignedOut);
    }
    if session != before {
        vault.with_mut(|v| v.set_session(Some(session)))?;
    }
    result
}

/// One sync round: push the contract if it changed here, push the outbox in batches and pull
/// every change after the cursor, then refresh the applications. Every answer from the server is
/// saved before the next request, so an interrupted round loses nothing and a repeated one
/// changes nothing (ops are idempotent by id).
pub async fn sync_once<V: VaultCell>(
    server: &Server,
    vault: &V,
    now_ms: &dyn Fn() -> u64,
) -> AppResult<SyncReport> {
    let mut report = SyncReport::default();

    let unsent = vault.with(|v| {
        let s = v.state();
        s.contract.clone().filter(|_| s.contract_unsent)
    });
    if let Some(contract) = unsent {
        let saved = with_session(vault, async |session| {
            server.put_contract(session, &contract).await
        })
        .await?;
        vault.with_mut(|v| {
            v.update(|s| {
                // Only mark it sent if nobody edited it while the request was in flight.
                if s.contract.as_ref() == Some(&contract) {
                    s.contract = Some(saved);
                    s.contract_unsent = false;
                }
                Ok(())
            })
        })?;
    }

    let mut rehomed = false;
    loop {
        let request = vault.with(|v| v.state().sync.request());
        let response =
            match with_session(vault, async |session| server.sync(session, &request).await).await {
                // The draft went to the account signed in before on this phone: send what is
                // here as a new draft of this account.
                Err(AppError::Api { status: 404, .. }) if !rehomed => {
                    rehomed = true;
                    vault.with_mut(|v| v.rehome_draft())?;
                    continue;
                }
                other => other?,
            };
        report.requests += 1;
        let applied: SyncApplied = vault.with_mut(|v| v.apply_sync(&response, now_ms()))?;
        report.pushed += applied.acked;
        report.changed.extend(applied.changed);
        report.adopted |= applied.adopted;
        if !applied.call_again || report.requests >= MAX_REQUESTS_PER_ROUND {
            break;
        }
    }

    push_reports(server, vault).await?;

    let applications =
        with_session(vault, async |session| server.applications(session).await).await?;
    // Once this phone's changes are sent, the server's record is the truth: another phone may
    // have changed it, or an officer verified it.
    let remote_contract = if vault.with(|v| !v.state().contract_unsent) {
        with_session(vault, async |session| server.contract(session).await).await?
    } else {
        None
    };
    vault.with_mut(|v| {
        v.update(|s| {
            s.applications = applications;
            if !s.contract_unsent && remote_contract.is_some() {
                s.contract = remote_contract;
            }
            Ok(())
        })
    })?;
    Ok(report)
}

/// Send the applicant's reports the phone keeps, one at a time in order (`store::reports`).
/// Each answer is saved before the next request: a taken report leaves the list and its
/// application is replaced by the server's; a refusal (4xx) stays with its report for the
/// person to see, change or drop, and the round goes on with the rest. The server unreachable
/// ends the round with the error, so the schedule retries it later with nothing lost.
async fn push_reports<V: VaultCell>(server: &Server, vault: &V) -> AppResult<()> {
    while let Some(pending) = vault.with(|v| next_to_send(&v.state().reports).cloned()) {
        let answer = with_session(vault, async |session| {
            server
                .report(session, &pending.application_id, &pending.request)
                .await
        })
        .await;
        let outcome = match answer {
            Ok(app) => Ok(Some(app)),
            // Out of order: perhaps only because an earlier sending went through and its
            // answer was lost. The server's own record tells.
            Err(AppError::Api {
                status: 409,
                code,
                fields,
            }) => {
                let held =
                    with_session(vault, async |session| server.applications(session).await).await?;
                let delivered = held.iter().any(|a| {
                    a.id == pending.application_id && already_recorded(a, &pending.request)
                });
                if delivered {
                    Ok(None)
                } else {
                    Err(Refusal { code, fields })
                }
            }
            Err(AppError::Api {
                status,
                code,
                fields,
            }) if (400..500).contains(&status) && status != 429 => Err(Refusal { code, fields }),
            Err(e) => return Err(e),
        };
        vault.with_mut(|v| {
            v.update(|s| {
                match &outcome {
                    Ok(app) => {
                        s.reports.retain(|r| r.id != pending.id);
                        if let Some(app) = app {
                            s.applications.retain(|a| a.id != app.id);
                            s.applications.push(app.clone());
                        }
                    }
                    Err(refusal) => {
                        if let Some(r) = s.reports.iter_mut().find(|r| r.id == pending.id) {
                            r.refused = Some(refusal.clone());
                        }
                    }
                }
                Ok(())
            })
        })?;
    }
    Ok(())
}

/// Sign in (or create an account) and keep the session; the next round sends what was typed
/// before the account existed.
pub async fn sign_in<V: VaultCell>(
    server: &Server,
    vault: &V,
    email: &str,
    password: &str,
    create: bool,
) -> AppResult<()> {
    let locale = vault.with(|v| v.state().prefs.language.clone());
    let session = if create {
        server.register(email, password, locale.as_deref()).await?
    } else {
        server.login(email, password).await?
    };
    vault.with_mut(|v| v.set_session(Some(session)))
}

/// Sign out: end the login on the server when it can be reached, and forget it here either way.
pub async fn sign_out<V: VaultCell>(server: &Server, vault: &V) -> AppResult<()> {
    if let Some(session) = vault.with(|v| v.state().session.clone()) {
        // Unreachable or already revoked: the phone forgets the tokens all the same.
        let _ = server.logout(&session).await;
    }
    vault.with_mut(|v| v.sign_out())
}

/// Submit the draft: first a sync round so the server has every answer, then the submission
/// with a key kept in the store until the server answers, so a retry never submits twice.
pub async fn submit<V: VaultCell>(
    server: &Server,
    vault: &V,
    now_ms: &dyn Fn() -> u64,
) -> AppResult<Application> {
    sync_once(server, vault, now_ms).await?;
    let (draft_id, key) = vault.with_mut(|v| {
        v.update(|s| {
            let key = s
                .submit_key
                .get_or_insert_with(|| uuid::Uuid::new_v4().to_string())
                .clone();
            Ok((s.draft.id.clone(), key))
        })
    })?;
    let application = with_session(vault, async |session| {
        server.submit(session, &draft_id, &key).await
    })
    .await?;
    vault.with_mut(|v| {
        v.update(|s| {
            s.submit_key = None;
            s.applications.retain(|a| a.id != application.id);
            s.applications.push(application.clone());
            Ok(())
        })
    })?;
    Ok(application)
}

/// What the server says about leaving on `leave_on` (the app computes the same offline; this is
/// how the tests check that both agree).
pub async fn remote_risk<V: VaultCell>(
    server: &Server,
    vault: &V,
    leave_on: NaiveDate,
) -> AppResult<RiskResponse> {
    with_session(vault, async |session| {
        server.contract_risk(session, leave_on).await
    })
    .await
}

/// A random number in `[0, 1)` for backoff jitter, from a v4 UUID's random bits (the app
/// already has that source on every platform).
pub fn random_unit() -> f64 {
    let bits = (uuid::Uuid::new_v4().as_u128() >> 64) as u64;
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// Wait `ms` milliseconds on whichever runtime the platform has.
pub async fn sleep_ms(ms: u64) {
    #[cfg(target_arch = "wasm32")]
    gloo_timers::future::TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX)).await;
    #[cfg(not(target_arch = "wasm32"))]
    tokio::time::sleep(std::time::Duration::from_millis(ms)).await;
}

/// Wall-clock milliseconds now.
pub fn now_ms() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_is_a_unit_fraction() {
        for _ in 0..100 {
            let r = random_unit();
            assert!((0.0..1.0).contains(&r), "{r}");
        }
    }
}
