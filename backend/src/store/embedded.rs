//! The embedded store behind [`Store`]: sled in the data directory (reopened after a full
//! disk), with the group commit that makes a write durable before the call returns.
//!
//! sled answers from memory in microseconds, so its calls run on the request's own task rather
//! than on the blocking pool; only the wait for the flush is asynchronous, and concurrent
//! requests share one flush.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use kosh_shared::api::Contract;
use kosh_shared::ids::{ApplicationId, DraftId, UserId};

use super::{
    ApplicationRecord, ChangesPage, DraftRecord, EmbeddedStore, GroupCommit, IncomingOp,
    PushRefusal, ReferenceKey, RefreshRecord, ReopeningStore, Rotation, Store, StoreError,
    StoreResult, Submission, Synced, UserRecord,
};

/// A [`Store`] of an [`EmbeddedStore`] and its group commit.
#[derive(Debug)]
pub struct Embedded {
    engine: Arc<dyn EmbeddedStore>,
    commit: GroupCommit,
}

impl std::fmt::Debug for dyn EmbeddedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmbeddedStore")
    }
}

impl Embedded {
    /// The sled store of `dir`, opened again after its disk was full once `reserve` bytes are
    /// free (see [`ReopeningStore`]).
    pub fn open(dir: &Path, reserve: u64) -> StoreResult<Embedded> {
        Embedded::new(Arc::new(ReopeningStore::open(dir, reserve)?))
    }

    /// Starts the group commit of an opened embedded store.
    pub fn new(engine: Arc<dyn EmbeddedStore>) -> StoreResult<Embedded> {
        let commit = GroupCommit::start(engine.clone())
            .map_err(|e| StoreError::Backend(format!("starting the flusher: {e}")))?;
        Ok(Embedded { engine, commit })
    }

    /// Returns `value` once every write made so far is on disk. The ticket is taken after the
    /// call that wrote (or read), so the flush that answers it covers that call.
    async fn durable<T>(&self, value: T) -> StoreResult<T> {
        self.commit.durable().await?;
        Ok(value)
    }

    /// What was read, once it is durable if it holds anything another request may still be
    /// waiting to flush: a device must not move its cursor past an op a crash could take back
    /// (after a restart its sequence number would be given to another op).
    async fn durable_page(&self, page: ChangesPage, cursor: u64) -> StoreResult<ChangesPage> {
        if page.cursor > cursor {
            self.durable(page).await
        } else {
            Ok(page)
        }
    }
}

#[async_trait::async_trait]
impl Store for Embedded {
    async fn insert_user(&self, user: &UserRecord) -> StoreResult<bool> {
        let inserted = self.engine.insert_user(user)?;
        self.durable(inserted).await
    }

    async fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>> {
        self.engine.user(id)
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        self.engine.user_by_email(email)
    }

    async fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()> {
        self.engine.insert_refresh(token_hash, record)?;
        self.durable(()).await
    }

    async fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation> {
        let rotation = self
            .engine
            .rotate_refresh(old_hash, new_hash, new_expires_at, now)?;
        match rotation {
            // Nothing written.
            Rotation::Invalid => Ok(rotation),
            Rotation::Rotated(_) | Rotation::Reused => self.durable(rotation).await,
        }
    }

    async fn revoke_login(&self, token_hash: &str) -> StoreResult<bool> {
        let revoked = self.engine.revoke_login(token_hash)?;
        if revoked {
            self.durable(revoked).await
        } else {
            Ok(revoked)
        }
    }

    async fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool> {
        self.engine.is_login_active(family, user)
    }

    async fn sync(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<Result<Synced, PushRefusal>> {
        let logged_up_to = if ops.is_empty() {
            None
        } else {
            match self.engine.push_ops(user, ops, now)? {
                Ok(last) => last,
                Err(refusal) => return Ok(Err(refusal)),
            }
        };
        let page = self.engine.changes_since(user, cursor, limit, device)?;
        // One flush for the push and the read: the ticket, taken after both, covers both.
        let synced = Synced { logged_up_to, page };
        if ops.is_empty() && synced.page.cursor <= cursor {
            Ok(Ok(synced))
        } else {
            self.durable(Ok(synced)).await
        }
    }

    async fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage> {
        let page = self.engine.changes_since(user, cursor, limit, device)?;
        self.durable_page(page, cursor).await
    }

    async fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        self.engine.draft(id)
    }

    async fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>> {
        self.engine.drafts_of(user)
    }

    async fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>> {
        self.engine.application_by_key(user, key)
    }

    async fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission> {
        let submission = self.engine.submit(key, application)?;
        // An existing one too: the submission that created it may still be waiting to flush.
        self.durable(submission).await
    }

    async fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>> {
        self.engine.application(id)
    }

    async fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>> {
        self.engine.applications_of(user)
    }

    async fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>> {
        self.engine.all_applications()
    }

    async fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool> {
        let swapped = self.engine.replace_application(old, new)?;
        if swapped {
            self.durable(swapped).await
        } else {
            Ok(swapped)
        }
    }

    async fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>> {
        self.engine.contract(user)
    }

    async fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()> {
        self.engine.put_contract(user, contract)?;
        self.durable(()).await
    }

    async fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()> {
        self.engine.put_reference(key, body)?;
        self.durable(()).await
    }

    async fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>> {
        self.engine.references()
    }

    async fn close(&self) -> StoreResult<()> {
        self.commit.shutdown().await?;
        // Everything is durable already; a checkpoint only spares the next start a replay.
        let engine = self.engine.clone();
        tokio::task::spawn_blocking(move || engine.checkpoint())
            .await
            .map_err(|e| StoreError::Backend(format!("the checkpoint: {e}")))?
    }

    fn commits(&self) -> u64 {
        self.engine.flush_count()
    }
}
