//! The server's store: the sled store, opened again after the disk filled up.
//!
//! When a write of sled's own fails for want of room, sled 0.34 keeps the error and fails every
//! later operation with it (its "global error", reset only when it is opened again): before
//! this wrapper, every write after a full disk failed until the process restarted. So an error
//! that says the disk is full marks the store as broken, and the next call, once there is room
//! again, drops the sled store and opens it afresh. That open replays the journal, which holds
//! every acknowledged push sled had not yet written; anything else was acknowledged only after
//! a successful flush, so nothing acknowledged is lost, and nothing unacknowledged is promised.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use kosh_shared::api::Contract;
use kosh_shared::ids::{ApplicationId, DraftId, UserId};

use super::{
    ApplicationRecord, ChangesPage, DraftRecord, EmbeddedStore, IncomingOp, PushRefusal,
    ReferenceKey, RefreshRecord, Rotation, SledStore, StoreError, StoreResult, Submission,
    UserRecord,
};

/// How long a call waits for sled to let go of its files when it opens the store again; a
/// call that finds them still held fails as `Full` and a later one tries again.
const REOPEN_WAIT: Duration = Duration::from_millis(500);

/// The least free room the store is opened again with.
const REOPEN_ROOM: u64 = 4 * 1024 * 1024;

/// The sled store of a data directory, reopened after its disk was full.
pub struct ReopeningStore {
    dir: PathBuf,
    /// Free bytes the disk must have before the store is opened again.
    reserve: u64,
    current: RwLock<Option<Arc<SledStore>>>,
    broken: AtomicBool,
    /// Flushes made by the stores dropped before the current one.
    earlier_flushes: AtomicU64,
}

impl std::fmt::Debug for ReopeningStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReopeningStore")
            .field("dir", &self.dir)
            .field("broken", &self.broken)
            .finish_non_exhaustive()
    }
}

impl ReopeningStore {
    /// Opens the store in `dir` (see [`SledStore::open`]); after a full disk it is opened
    /// again once `reserve` bytes are free.
    pub fn open(dir: &Path, reserve: u64) -> StoreResult<ReopeningStore> {
        Ok(ReopeningStore {
            dir: dir.to_owned(),
            reserve,
            current: RwLock::new(Some(Arc::new(SledStore::open(dir)?))),
            broken: AtomicBool::new(false),
            earlier_flushes: AtomicU64::new(0),
        })
    }

    /// Whether the store waits to be opened again (its disk was full).
    pub fn is_broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    /// The open store, opened again first if it broke and the disk has room again. Until
    /// then the broken store goes on answering what it can (reads from its cache and file).
    fn store(&self) -> StoreResult<Arc<SledStore>> {
        if self.is_broken() && self.has_room() {
            self.reopen()?;
        }
        self.current
            .read()
            .map_err(|_| StoreError::Backend("the store's lock is poisoned".into()))?
            .clone()
            .ok_or_else(|| StoreError::Full("the store is being opened again".into()))
    }

    /// Whether there is room to open the store again: it writes a journal file, its seal and
    /// a flush of sled, so it wants a few MiB even where no reserve is kept. Opening it on a
    /// disk still full would fail and leave nothing to read from.
    fn has_room(&self) -> bool {
        super::free_bytes(&self.dir).is_none_or(|free| free >= self.reserve.max(REOPEN_ROOM))
    }

    fn reopen(&self) -> StoreResult<()> {
        let mut current = self
            .current
            .write()
            .map_err(|_| StoreError::Backend("the store's lock is poisoned".into()))?;
        if !self.is_broken() {
            // Another call reopened it while this one waited for the lock.
            return Ok(());
        }
        if let Some(old) = current.take() {
            self.earlier_flushes
                .fetch_add(old.flush_count(), Ordering::Relaxed);
        }
        let deadline = Instant::now() + REOPEN_WAIT;
        loop {
            match SledStore::open(&self.dir) {
                Ok(store) => {
                    *current = Some(Arc::new(store));
                    self.broken.store(false, Ordering::SeqCst);
                    tracing::info!(dir = %self.dir.display(), "the store is open again after the disk was full");
                    return Ok(());
                }
                // A call still running on the old store, or sled's threads, hold its files.
                Err(StoreError::InUse(_)) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(StoreError::InUse(_)) => {
                    return Err(StoreError::Full(
                        "the store is being opened again after the disk was full".into(),
                    ));
                }
                Err(err) => return Err(err),
            }
        }
    }

    /// Runs `call` on the open store; a full disk marks it to be opened again.
    fn with<T>(&self, call: impl FnOnce(&SledStore) -> StoreResult<T>) -> StoreResult<T> {
        let result = call(&*self.store()?);
        if let Err(err) = &result
            && err.is_full()
        {
            self.broken.store(true, Ordering::SeqCst);
        }
        result
    }
}

impl EmbeddedStore for ReopeningStore {
    fn insert_user(&self, user: &UserRecord) -> StoreResult<bool> {
        self.with(|s| s.insert_user(user))
    }
    fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>> {
        self.with(|s| s.user(id))
    }
    fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        self.with(|s| s.user_by_email(email))
    }
    fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()> {
        self.with(|s| s.insert_refresh(token_hash, record))
    }
    fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation> {
        self.with(|s| s.rotate_refresh(old_hash, new_hash, new_expires_at, now))
    }
    fn revoke_login(&self, token_hash: &str) -> StoreResult<bool> {
        self.with(|s| s.revoke_login(token_hash))
    }
    fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool> {
        self.with(|s| s.is_login_active(family, user))
    }
    fn push_ops(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
    ) -> StoreResult<Result<Option<u64>, PushRefusal>> {
        self.with(|s| s.push_ops(user, ops, now))
    }
    fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage> {
        self.with(|s| s.changes_since(user, cursor, limit, device))
    }
    fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        self.with(|s| s.draft(id))
    }
    fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>> {
        self.with(|s| s.drafts_of(user))
    }
    fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>> {
        self.with(|s| s.application_by_key(user, key))
    }
    fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission> {
        self.with(|s| s.submit(key, application))
    }
    fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>> {
        self.with(|s| s.application(id))
    }
    fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>> {
        self.with(|s| s.applications_of(user))
    }
    fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>> {
        self.with(|s| s.all_applications())
    }
    fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool> {
        self.with(|s| s.replace_application(old, new))
    }
    fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>> {
        self.with(|s| s.contract(user))
    }
    fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()> {
        self.with(|s| s.put_contract(user, contract))
    }
    fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()> {
        self.with(|s| s.put_reference(key, body))
    }
    fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>> {
        self.with(|s| s.references())
    }
    fn flush(&self) -> StoreResult<()> {
        self.with(|s| s.flush())
    }
    fn checkpoint(&self) -> StoreResult<()> {
        self.with(|s| s.checkpoint())
    }
    fn flush_count(&self) -> u64 {
        let current = self
            .current
            .read()
            .ok()
            .and_then(|c| c.as_ref().map(|s| s.flush_count()))
            .unwrap_or(0);
        self.earlier_flushes.load(Ordering::Relaxed) + current
    }
}
