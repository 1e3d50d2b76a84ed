//! Storage behind one trait, so handlers never see sled: the records the server keeps, the
//! `Store` trait the handlers call, and the rules of a push every store follows (`push`).
//!
//! The embedded store is sled (`sled`), reopened after a full disk (`reopening`), made durable
//! by a journal of pushes (`journal`) and a group commit that shares one flush among concurrent
//! requests (`commit`); `Embedded` puts these together behind `Store`. Where one machine is not
//! enough, `postgres` keeps everything in PostgreSQL instead, shared by any number of
//! processes.

mod commit;
#[cfg(test)]
pub(crate) mod conformance;
mod embedded;
mod journal;
pub mod postgres;
pub mod push;
mod reopening;
mod seal;
mod sled;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use kosh_shared::api::{Application, Contract, Op, Role};
use kosh_shared::draft::Draft;
use kosh_shared::ids::{ApplicationId, DraftId, FormId, OpId, UserId};
use serde::{Deserialize, Serialize};

pub use self::commit::GroupCommit;
pub use self::embedded::Embedded;
pub use self::postgres::Postgres;
pub use self::reopening::ReopeningStore;
pub use self::seal::SEAL_FILE;
pub use self::sled::SledStore;

/// What can go wrong below the handlers.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process (a running server) holds the data directory.
    #[error(
        "the data directory {0} is in use by another process (is the server running? stop it first)"
    )]
    InUse(PathBuf),
    /// The storage engine failed (I/O, corruption).
    #[error("storage: {0}")]
    Backend(String),
    /// A stored record does not decode.
    #[error("stored record does not decode: {0}")]
    Corrupt(String),
    /// The disk has no room: the write is not acknowledged, and writes resume by themselves
    /// once there is room again.
    #[error("the disk is full: {0}")]
    Full(String),
    /// The store on disk cannot be used without losing acknowledged data: the server refuses
    /// to start, and the message says what is wrong and where the data is.
    #[error("{0}")]
    Damaged(String),
}

impl StoreError {
    /// The error of a failed file operation on `what`: `Full` when the disk (or the quota) has
    /// no room, else `Backend`.
    pub fn from_io(what: impl std::fmt::Display, err: std::io::Error) -> StoreError {
        use std::io::ErrorKind::{QuotaExceeded, StorageFull};
        if matches!(err.kind(), StorageFull | QuotaExceeded) {
            StoreError::Full(format!("{what}: {err}"))
        } else {
            StoreError::Backend(format!("{what}: {err}"))
        }
    }

    /// Whether this is the disk being full.
    pub fn is_full(&self) -> bool {
        matches!(self, StoreError::Full(_))
    }
}

/// Result with the store's error.
pub type StoreResult<T> = Result<T, StoreError>;

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub id: UserId,
    /// As the user typed it.
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The key emails are unique under: emails compare case-insensitively (API.md).
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// One refresh token, stored under the hash of its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefreshRecord {
    /// The login this token belongs to; every rotation keeps it.
    pub family: String,
    pub user: UserId,
    /// Set when the token has been exchanged; presenting it again is reuse.
    pub used: bool,
    pub expires_at: DateTime<Utc>,
}

/// What presenting a refresh token did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// It was valid: it is now used and the new one (same family) is stored.
    Rotated(RefreshRecord),
    /// It had been used before: its whole family is now revoked.
    Reused,
    /// Unknown, expired, or its login was logged out or revoked.
    Invalid,
}

/// A draft as the store hands it out: whose it is, when it last took a push, and its merged
/// answers. (The store keeps each answer's register under its own key, so that a push of one
/// answer reads and writes that answer only, not the whole draft.)
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRecord {
    pub owner: UserId,
    pub updated_at: DateTime<Utc>,
    /// The merged draft (`kosh_shared::draft`): its id, form, form version and registers.
    pub draft: Draft,
}

/// One op as pushed, ready to be logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncomingOp {
    /// The op with its HLC already clamped.
    pub op: Op,
    /// The device that pushed it.
    pub device: String,
    /// Whether the server pulled its HLC back from the future.
    pub clamped: bool,
    /// The version of the form the op was checked against: a draft the op starts follows it.
    pub form_version: u32,
}

/// One op in a user's log, with its server sequence number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub seq: u64,
    pub op: Op,
    pub device: String,
    pub clamped: bool,
}

/// Why a push was refused as a whole (nothing was written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushRefusal {
    /// The draft belongs to another user.
    NotOwner(DraftId),
    /// The draft exists for another form than the op names.
    FormMismatch { draft: DraftId, form: FormId },
}

/// A page of a user's log after a cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangesPage {
    /// Entries after the cursor from other devices (or clamped ones), at most the page size.
    pub entries: Vec<LogEntry>,
    /// The sequence number the client may continue from.
    pub cursor: u64,
    /// Whether entries remain after `cursor`.
    pub more: bool,
}

/// A submitted application as stored: whose it is, and the application as
/// `kosh_shared::status` built it from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRecord {
    pub owner: UserId,
    pub application: Application,
}

/// What a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    Created(ApplicationRecord),
    /// The idempotency key was used before: the application it created.
    Existing(ApplicationRecord),
}

/// What a published reference document is: a policy bundle under its id, or one version of a
/// form. Publishing rules (what may replace what) live in `reference`, not in the store.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferenceKey {
    Policy(String),
    Form(String, u32),
}

/// What a sync did: the push's outcome and the page of changes the device is handed.
#[derive(Debug, Clone, PartialEq)]
pub struct Synced {
    /// The sequence number of the last op the push logged; `None` when there was nothing new
    /// (no ops, or every op seen before): nothing to wake anyone for.
    pub logged_up_to: Option<u64>,
    /// The caller's log after its cursor (see [`Store::changes_since`]).
    pub page: ChangesPage,
}

/// Everything the server stores, as the handlers see it. Two promises every implementation
/// keeps, so that no handler has to remember them:
/// - a method that writes returns only once its write is durable (on disk, committed): what it
///   returns may be acknowledged to the client;
/// - a method that reads hands out only what is durable, so a client never moves its cursor past
///   an op a crash could still take back.
///
/// The trait is async because a database answers over the network and a handler must not hold
/// a runtime thread while it waits; the embedded store answers from memory and waits only for
/// its group commit.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// Adds an account; `false` (and nothing written) if its email is taken.
    async fn insert_user(&self, user: &UserRecord) -> StoreResult<bool>;
    async fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>>;
    /// The account with this email, compared case-insensitively.
    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>>;

    /// Stores a new refresh token (the first of a login).
    async fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()>;
    /// Exchanges a refresh token for a new one of the same login, detecting reuse: of two
    /// exchanges of one token, however they race, one rotates and the other is reuse.
    async fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation>;
    /// Revokes the login a refresh token belongs to; `false` if the token is unknown.
    async fn revoke_login(&self, token_hash: &str) -> StoreResult<bool>;
    /// Whether a login (a refresh family) is still active and is `user`'s: an access token
    /// counts only for the login it was issued in, and only as that login's own user.
    async fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool>;

    /// One `POST /v1/sync`: logs the ops not seen before and merges them into their drafts
    /// (`push`), all or nothing, then reads the caller's log after `cursor` as
    /// [`Store::changes_since`] does. The refusal, with nothing written, if any op touches
    /// another user's draft or another form's draft.
    async fn sync(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<Result<Synced, PushRefusal>>;
    /// The user's log after `cursor`: at most `limit` entries, skipping ones `device` pushed
    /// itself unless their HLC was clamped.
    async fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage>;
    async fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>>;
    async fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>>;

    /// The application a user's idempotency key created, if it was used.
    async fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>>;
    /// Stores a new application unless the user's idempotency key was used before.
    async fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission>;
    async fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>>;
    /// A user's applications, oldest first.
    async fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>>;
    /// Every application, oldest first (an officer's work list).
    async fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>>;
    /// Replaces `old` by `new` if it is still what is stored (compare and swap).
    async fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool>;

    async fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>>;
    async fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()>;

    /// Stores (or replaces) a published policy bundle or form version: the JSON text the
    /// loader accepted.
    async fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()>;
    /// Every published policy bundle and form version, each once, in no set order.
    async fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>>;

    /// A clean stop: everything is durable already; this leaves the store so that the next
    /// start has nothing to replay, and lets go of it.
    async fn close(&self) -> StoreResult<()>;

    /// How many times the store made writes durable (flushes, commits): concurrent writes may
    /// share one. For tests and the benchmark.
    fn commits(&self) -> u64;
}

/// The embedded store's own interface: synchronous, every method answers from memory, and
/// writes become durable only with the next `flush` (the group commit calls it). [`Embedded`]
/// makes a [`Store`] of it; the benchmark drives it directly to measure the store alone.
pub trait EmbeddedStore: Send + Sync + 'static {
    /// Adds an account; `false` (and nothing written) if its email is taken.
    fn insert_user(&self, user: &UserRecord) -> StoreResult<bool>;
    fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>>;
    /// The account with this email, compared case-insensitively.
    fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>>;

    /// Stores a new refresh token (the first of a login).
    fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()>;
    /// Exchanges a refresh token for a new one of the same login, detecting reuse.
    fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation>;
    /// Revokes the login a refresh token belongs to; `false` if the token is unknown.
    fn revoke_login(&self, token_hash: &str) -> StoreResult<bool>;
    /// Whether a login (a refresh family) is still active and is `user`'s: an access token
    /// counts only for the login it was issued in, and only as that login's own user.
    fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool>;

    /// Logs the ops not seen before and merges them into their drafts
    /// (`kosh_shared::draft`), all or nothing. Returns the sequence number of the last op it
    /// logged (`None` when every op had been seen before: nothing new to wake anyone for), or
    /// the refusal if any op touches another user's draft or another form's draft.
    fn push_ops(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
    ) -> StoreResult<Result<Option<u64>, PushRefusal>>;
    /// The user's log after `cursor`: at most `limit` entries, skipping ones `device` pushed
    /// itself unless their HLC was clamped.
    fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage>;
    fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>>;
    fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>>;

    /// The application a user's idempotency key created, if it was used.
    fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>>;
    /// Stores a new application unless the user's idempotency key was used before.
    fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission>;
    fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>>;
    fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>>;
    /// Every application, oldest first (an officer's work list).
    fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>>;
    /// Replaces `old` by `new` if it is still what is stored (compare and swap).
    fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool>;

    fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>>;
    fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()>;

    /// Stores (or replaces) a published policy bundle or form version: the JSON text the
    /// loader accepted.
    fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()>;
    /// Every published policy bundle and form version, in key order.
    fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>>;

    /// Blocks until every earlier write is on disk.
    fn flush(&self) -> StoreResult<()>;
    /// Blocks until every earlier write is where a restart finds it without replaying
    /// anything (a clean stop calls it).
    fn checkpoint(&self) -> StoreResult<()>;
    /// How many flushes reached the disk (for tests of the group commit).
    fn flush_count(&self) -> u64;
}

/// The bytes an unprivileged process may still write on the disk of `dir`; `None` where the
/// system cannot say (then writes are let through and a full disk is caught when it happens).
pub fn free_bytes(dir: &std::path::Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// Applies `OpId`s in order, keeping the first occurrence of each: used to answer `acked`.
pub fn unique_op_ids(ops: &[IncomingOp]) -> Vec<OpId> {
    let mut seen = std::collections::HashSet::new();
    ops.iter()
        .filter(|o| seen.insert(o.op.op_id.clone()))
        .map(|o| o.op.op_id.clone())
        .collect()
}
