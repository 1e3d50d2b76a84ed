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
#[cfg(target_arch = "wasm32")]
use crate::photos::PagePhotos;
use crate::photos::Uploader;
#[cfg(not(target_arch = "wasm32"))]
use crate::photos::{folder::PhotoFolder, upload::FilePhotos};
use crate::server::{Server, Session};
use crate::store::reports::{Refusal, already_recorded, next_to_send};
use crate::store::uploads::{self, Answer, Next};
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
    #[cfg(target_arch = "wasm32")]
    push_uploads(server, vault, &PagePhotos).await?;
    #[cfg(not(target_arch = "wasm32"))]
    send_photos(server, vault, &PhotoFolder::platform()).await?;

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

/// Send the photos the server does not hold yet (`store::uploads`), one after the other: ask
/// how much of it the server holds (`HEAD`), then send the rest (`PUT` with `Content-Range`),
/// so a photo cut off halfway continues there. What came of each is saved before the next: a
/// whole one leaves the list (its bytes stay on the phone: they are the person's), a refusal
/// (4xx) stays with it in words until the person removes it, and the server unreachable ends
/// the round with the error, for the schedule to try again later with nothing lost.
pub(crate) async fn push_uploads<V: VaultCell>(
    server: &Server,
    vault: &V,
    uploader: &impl Uploader,
) -> AppResult<()> {
    if !uploader.here() {
        return Ok(());
    }
    for upload in vault.with(|v| uploads::to_send(&v.state().uploads)) {
        let name = upload.sha256.as_str();
        // `None`: ask how much the server holds; `Some(from)`: send the bytes from there. One
        // request site for both, so the wasm holds the token-refreshing request once.
        let mut from = None;
        let mut puts = 0;
        let next = loop {
            let answer = with_token(server, vault, async |token| {
                reached(match from {
                    None => uploader.head(name, token).await,
                    Some(from) => uploader.put(name, token, from).await,
                })
            })
            .await?;
            let next = match from {
                None => uploads::after_head(&upload, &answer),
                Some(_) => uploads::after_put(&upload, &answer),
            };
            match next {
                Next::From(offset) if puts < uploads::MAX_PUTS_PER_ROUND => {
                    from = Some(offset);
                    puts += 1;
                }
                other => break other,
            }
        };
        vault.with_mut(|v| {
            v.update(|s| {
                uploads::settle(&mut s.uploads, name, &next);
                Ok(())
            })
        })?;
    }
    Ok(())
}

/// Send the photos the server does not hold yet from the files in `folder`, as a sync round
/// does (`push_uploads`); public so the end-to-end tests send from a folder of their own.
#[cfg(not(target_arch = "wasm32"))]
pub async fn send_photos<V: VaultCell>(
    server: &Server,
    vault: &V,
    folder: &PhotoFolder,
) -> AppResult<()> {
    push_uploads(server, vault, &FilePhotos { server, folder }).await
}

/// Make `call` with the saved session's access token, refreshed once on a 401 (for requests
/// sent outside `Server`'s own methods: the photos', the summary's PDF).
pub(crate) async fn with_token<V: VaultCell, T>(
    server: &Server,
    vault: &V,
    call: impl AsyncFn(&str) -> AppResult<T>,
) -> AppResult<T> {
    with_session(vault, async |session| {
        server.with_fresh_token(session, &call).await
    })
    .await
}

/// An answer to a photo's request (the page module's or reqwest's) as a result: the server unreachable (no answer, or a
/// 5xx from whatever stands in between) is the error a round ends with, and a 401 the one that
/// refreshes the tokens; every other answer is for `store::uploads` to read.
fn reached(answer: Answer) -> AppResult<Answer> {
    match answer.status {
        0 if !answer.missing => Err(AppError::Offline("no answer to a photo's upload".into())),
        401 => Err(AppError::Api {
            status: 401,
            code: "unauthorized".into(),
            fields: Vec::new(),
        }),
        500.. => Err(AppError::Offline(format!(
            "{} to a photo's upload",
            answer.status
        ))),
        _ => Ok(answer),
    }
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
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::rc::Rc;

    use crate::store::MemoryStore;
    use crate::store::vault::Saved;

    const A: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const B: &str = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    /// The server's side of the attachment routes as far as the outbox sees it: how many bytes
    /// of each photo it holds, a connection that can be cut after some bytes of a body, and a
    /// refusal to give instead of taking a body.
    #[derive(Default)]
    struct FakeUploads {
        sizes: BTreeMap<&'static str, u64>,
        held: RefCell<BTreeMap<String, u64>>,
        cut_after: Cell<Option<u64>>,
        /// The photo refused, with the status and code of the refusal.
        refuse: Option<(&'static str, u16, &'static str)>,
        missing: bool,
        calls: RefCell<Vec<String>>,
    }

    impl Uploader for FakeUploads {
        fn here(&self) -> bool {
            true
        }

        async fn head(&self, name: &str, _token: &str) -> Answer {
            self.calls.borrow_mut().push(format!("HEAD {}", &name[..4]));
            let size = self.sizes[name];
            match self.held.borrow().get(name) {
                Some(&held) if held == size => Answer {
                    status: 200,
                    offset: Some(held),
                    ..Answer::default()
                },
                Some(&held) => Answer {
                    status: 204,
                    offset: Some(held),
                    ..Answer::default()
                },
                None => Answer {
                    status: 404,
                    ..Answer::default()
                },
            }
        }

        async fn put(&self, name: &str, _token: &str, from: u64) -> Answer {
            self.calls
                .borrow_mut()
                .push(format!("PUT {} from {from}", &name[..4]));
            if self.missing {
                return Answer {
                    missing: true,
                    ..Answer::default()
                };
            }
            if let Some((refused, status, code)) = self.refuse
                && refused == name
            {
                return Answer {
                    status,
                    code: Some(code.into()),
                    ..Answer::default()
                };
            }
            let size = self.sizes[name];
            let held = self.held.borrow().get(name).copied().unwrap_or(0);
            if from != held {
                return Answer {
                    status: 416,
                    offset: Some(held),
                    code: Some("bad_range".into()),
                    ..Answer::default()
                };
            }
            // What arrives is kept as it arrives, even when the connection is cut.
            let arrived = self.cut_after.take().map_or(size, |n| (from + n).min(size));
            self.held.borrow_mut().insert(name.to_owned(), arrived);
            if arrived < size {
                return Answer::default();
            }
            Answer {
                status: 201,
                ..Answer::default()
            }
        }
    }

    fn vault_with(photos: &[(&str, u64)]) -> Rc<RefCell<Vault>> {
        let mut saved = Saved::fresh();
        saved.session = Some(Session {
            user_id: kosh_shared::ids::UserId("u1".into()),
            email: "a@kosh.test".into(),
            access_token: "access".into(),
            refresh_token: "refresh".into(),
        });
        for (name, size) in photos {
            uploads::add(&mut saved.uploads, name, *size);
        }
        Rc::new(RefCell::new(Vault::with_state(
            Rc::new(MemoryStore::new()),
            saved,
        )))
    }

    fn fake(sizes: &[(&'static str, u64)]) -> FakeUploads {
        FakeUploads {
            sizes: sizes.iter().copied().collect(),
            ..FakeUploads::default()
        }
    }

    // Never reached: the fake answers every request, and no answer is a 401 that would refresh.
    fn server() -> Server {
        Server::new("http://127.0.0.1:9").unwrap()
    }

    fn left(vault: &Rc<RefCell<Vault>>) -> Vec<(String, Option<String>)> {
        vault.with(|v| {
            v.state()
                .uploads
                .iter()
                .map(|u| (u.sha256.clone(), u.refused.as_ref().map(|r| r.code.clone())))
                .collect()
        })
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_photo_cut_off_halfway_continues_where_the_server_stopped_in_the_next_round() {
        let vault = vault_with(&[(A, 1000)]);
        let photos = fake(&[(A, 1000)]);
        photos.cut_after.set(Some(600));
        let first = push_uploads(&server(), &vault, &photos).await;
        assert!(
            matches!(first, Err(AppError::Offline(_))),
            "a cut connection ends the round: {first:?}"
        );
        assert_eq!(left(&vault), [(A.to_owned(), None)], "still queued");
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(
            *photos.calls.borrow(),
            [
                "HEAD 9f86",
                "PUT 9f86 from 0",
                "HEAD 9f86",
                "PUT 9f86 from 600"
            ]
        );
        assert!(left(&vault).is_empty(), "sent: off the list");
        // Nothing left to send: the next round asks nothing.
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(photos.calls.borrow().len(), 4);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_photo_the_server_holds_already_is_not_sent_again() {
        let vault = vault_with(&[(A, 1000)]);
        let photos = fake(&[(A, 1000)]);
        photos.held.borrow_mut().insert(A.into(), 1000);
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(*photos.calls.borrow(), ["HEAD 9f86"]);
        assert!(left(&vault).is_empty());
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_refused_photo_stays_with_its_reason_and_the_others_still_go() {
        let vault = vault_with(&[(A, 1000), (B, 500)]);
        let mut photos = fake(&[(A, 1000), (B, 500)]);
        photos.refuse = Some((A, 413, "quota_exceeded"));
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(
            left(&vault),
            [(A.to_owned(), Some("quota_exceeded".to_owned()))]
        );
        assert_eq!(
            photos.held.borrow().get(B),
            Some(&500),
            "the next photo went"
        );
        // Refused photos wait for the person: a later round sends neither again.
        photos.refuse = None;
        let calls = photos.calls.borrow().len();
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(photos.calls.borrow().len(), calls);
        assert!(!uploads::has_unsent(
            &vault.with(|v| v.state().uploads.clone())
        ));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn a_photo_the_browser_cleared_is_kept_as_missing() {
        let vault = vault_with(&[(A, 1000)]);
        let mut photos = fake(&[(A, 1000)]);
        photos.missing = true;
        push_uploads(&server(), &vault, &photos).await.unwrap();
        assert_eq!(
            left(&vault),
            [(A.to_owned(), Some(uploads::MISSING.to_owned()))]
        );
    }

    #[test]
    fn answers_with_no_server_behind_them_end_the_round() {
        let status = |status| Answer {
            status,
            ..Answer::default()
        };
        assert!(matches!(reached(status(0)), Err(AppError::Offline(_))));
        assert!(matches!(reached(status(502)), Err(AppError::Offline(_))));
        assert!(matches!(
            reached(status(401)),
            Err(AppError::Api { status: 401, .. })
        ));
        assert_eq!(reached(status(413)).unwrap(), status(413));
    }

    #[test]
    fn jitter_is_a_unit_fraction() {
        for _ in 0..100 {
            let r = random_unit();
            assert!((0.0..1.0).contains(&r), "{r}");
        }
    }
}
