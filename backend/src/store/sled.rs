//! The embedded store: sled 0.34 in the data directory. Records are JSON; keys that group by
//! user are `<user id>\0<rest>` so a prefix scan lists one user's things. Writes that belong
//! together run in one sled transaction, except a push's (below).
//!
//! A draft is a small header under its id (`drafts`) and one register per answered question
//! under `<draft id>\0<question id>` (`cells`): a push of one answer reads and writes that
//! answer's register, a few hundred bytes, instead of the whole draft. Stores written before
//! this layout (format 1: each draft whole under its id) are converted when opened.
//!
//! Pushes are made durable by the journal (`journal.rs`), not by sled: a push is applied with
//! plain inserts under the journal's lock, which orders pushes, and its record is appended to
//! the journal before its first write. Everything else (accounts, tokens, applications,
//! contracts) is rare and is made durable by flushing sled.

use std::collections::BTreeMap;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use kosh_shared::api::Contract;
use kosh_shared::draft::{Cell, Draft};
use kosh_shared::ids::{ApplicationId, DraftId, UserId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, abort};

use super::journal::{CHECKPOINT_BYTES, Journal, JournalPush};
use super::push::{self, DraftHeader};
use super::seal::{Seal, damaged};
use super::{
    ApplicationRecord, ChangesPage, DraftRecord, EmbeddedStore, IncomingOp, LogEntry, PushRefusal,
    ReferenceKey, RefreshRecord, Rotation, StoreError, StoreResult, Submission, UserRecord,
    email_key,
};

/// The sled-backed `Store`.
pub struct SledStore {
    db: sled::Db,
    users: sled::Tree,
    emails: sled::Tree,
    refresh: sled::Tree,
    logins: sled::Tree,
    drafts: sled::Tree,
    cells: sled::Tree,
    user_drafts: sled::Tree,
    oplog: sled::Tree,
    seen_ops: sled::Tree,
    applications: sled::Tree,
    user_applications: sled::Tree,
    idempotency: sled::Tree,
    contracts: sled::Tree,
    /// Published policy bundles and form versions (`reference_key`).
    reference: sled::Tree,
    /// The store's own facts: its format and its mark (`seal.rs`).
    meta: sled::Tree,
    seal: Arc<Seal>,
    journal: Arc<Journal>,
    /// Set after a write that only a flush of sled makes durable (anything but a push).
    sled_dirty: AtomicBool,
    /// Set while a checkpoint (sled flush, then the old journal file deleted) runs.
    checkpointing: Arc<AtomicBool>,
    flushes: AtomicU64,
}

/// What a push will write, worked out before anything is written (`push`).
struct PushPlan<'a> {
    /// What the store has of the drafts the push touches (absent: new).
    headers: BTreeMap<DraftId, DraftHeader>,
    /// The ops not seen before, each with its sequence number, in push order.
    fresh: Vec<(u64, &'a IncomingOp)>,
}

/// sled's page cache, a bound on what it keeps of the tree in memory. The default is 1 GiB. The
/// 240–340 MiB the server used to reach were argon2's, not sled's (see `auth.rs`); with 8, 32 and
/// 1024 MiB here kosh-bench measured 26–30, 40–43 and 40–51 MiB peaks at 16 devices and no
/// difference in speed beyond its noise, so this is a bound for long runs, not a tuning.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// The layout this code writes: 2 is a header per draft and a register per answer.
const FORMAT: u64 = 2;
const FORMAT_KEY: &[u8] = b"format";

/// `policy\0<id>` or `form\0<id>\0<version, 10 digits>`: forms sort by id, then version.
fn reference_key(key: &ReferenceKey) -> Vec<u8> {
    match key {
        ReferenceKey::Policy(id) => format!("policy\0{id}").into_bytes(),
        ReferenceKey::Form(id, version) => format!("form\0{id}\0{version:010}").into_bytes(),
    }
}

fn parse_reference_key(bytes: &[u8]) -> Option<ReferenceKey> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut parts = text.split('\0');
    match (parts.next()?, parts.next()?, parts.next(), parts.next()) {
        ("policy", id, None, None) => Some(ReferenceKey::Policy(id.to_owned())),
        ("form", id, Some(version), None) => {
            Some(ReferenceKey::Form(id.to_owned(), version.parse().ok()?))
        }
        _ => None,
    }
}

/// A draft as format 1 stored it: whole, under its id.
#[derive(Debug, Deserialize)]
struct WholeDraft {
    owner: UserId,
    state: Draft,
    updated_at: DateTime<Utc>,
}

/// A login's state, under its family id.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct LoginRecord {
    user: UserId,
    revoked: bool,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore").finish_non_exhaustive()
    }
}

/// sled's error as ours; a full disk is `Full`, whose writers are told to come back later.
pub(super) fn backend(err: sled::Error) -> StoreError {
    match err {
        sled::Error::Io(io) => StoreError::from_io("sled", io),
        other => StoreError::Backend(other.to_string()),
    }
}

/// The error of a transaction that never aborts itself: only storage can fail it.
fn unabortable(err: TransactionError<()>) -> StoreError {
    match err {
        TransactionError::Abort(()) => StoreError::Backend("aborted".into()),
        TransactionError::Storage(e) => backend(e),
    }
}

fn tx_error<E>(err: TransactionError<E>) -> Result<E, StoreError> {
    match err {
        TransactionError::Abort(e) => Ok(e),
        TransactionError::Storage(e) => Err(backend(e)),
    }
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Our records are plain structs of strings, numbers and maps: serialising cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> StoreResult<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Flushes sled (sealed), after which a retired journal file holds nothing sled lacks.
fn checkpoint(
    db: &sled::Db,
    meta: &sled::Tree,
    seal: &Seal,
    journal: &Journal,
    old: &Path,
) -> StoreResult<()> {
    seal.flush(db, meta)?;
    journal.retire(old)
}

/// Decodes a record inside a transaction; one that does not decode aborts it with the reason.
fn tx_decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ConflictableTransactionError<String>> {
    serde_json::from_slice(bytes).map_err(|e| ConflictableTransactionError::Abort(e.to_string()))
}

/// `<first>\0<rest>`: ids never hold a NUL, so a prefix scan on `<first>\0` finds exactly
/// the keys under `first`.
fn nested_key(first: &str, rest: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(first.len() + 1 + rest.len());
    key.extend_from_slice(first.as_bytes());
    key.push(0);
    key.extend_from_slice(rest);
    key
}

fn user_key(user: &UserId, rest: &[u8]) -> Vec<u8> {
    nested_key(user.as_str(), rest)
}

/// Where a draft keeps the register of one question.
fn cell_key(draft: &DraftId, field: &str) -> Vec<u8> {
    nested_key(draft.as_str(), field.as_bytes())
}

fn user_prefix(user: &UserId) -> Vec<u8> {
    user_key(user, &[])
}

impl SledStore {
    /// Opens (or creates) the store in `dir`. Fails with `StoreError::InUse` when another
    /// process holds it.
    pub fn open(dir: &Path) -> StoreResult<SledStore> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::from_io(dir.display(), e))?;
        let config = sled::Config::new()
            .path(dir.join("store"))
            // Less rewriting of the log to save disk: about a tenth less CPU per sync measured by
            // kosh-bench, for a server whose disk is not the scarce thing.
            .mode(sled::Mode::HighThroughput)
            .cache_capacity(CACHE_BYTES);
        // sled may panic on a data file it cannot make sense of: that is damage, not a bug.
        let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| config.open()))
            .map_err(|_| damaged(dir, "sled cannot read its data file"))?;
        let db = opened.map_err(|e| match e {
            e if e.to_string().contains("could not acquire lock") => {
                StoreError::InUse(dir.to_owned())
            }
            sled::Error::Corruption { .. } => damaged(dir, &format!("sled reports {e}")),
            e => backend(e),
        })?;
        let tree = |name: &str| db.open_tree(name).map_err(backend);
        let meta = tree("meta")?;
        // Before anything is written: a store that went back in time must stay as it is.
        let seal = Seal::check(dir, &meta)?;
        let recovered = Journal::recover(dir)?;
        let journal = Journal::open(dir, &recovered)?;
        let store = SledStore {
            users: tree("users")?,
            emails: tree("emails")?,
            refresh: tree("refresh_tokens")?,
            logins: tree("logins")?,
            drafts: tree("drafts")?,
            cells: tree("cells")?,
            user_drafts: tree("user_drafts")?,
            oplog: tree("oplog")?,
            seen_ops: tree("seen_ops")?,
            applications: tree("applications")?,
            user_applications: tree("user_applications")?,
            idempotency: tree("idempotency")?,
            contracts: tree("contracts")?,
            reference: tree("reference")?,
            meta,
            seal: Arc::new(seal),
            journal: Arc::new(journal),
            sled_dirty: AtomicBool::new(false),
            checkpointing: Arc::new(AtomicBool::new(false)),
            db,
            flushes: AtomicU64::new(0),
        };
        store.upgrade()?;
        // Pushes acknowledged before a crash that sled had not flushed yet.
        let replayed = recovered.pushes.len();
        for push in &recovered.pushes {
            if let Err(refusal) = store.apply_push(&push.user, &push.ops, push.now)? {
                // It was refused the first time too: replay meets the same state.
                tracing::debug!(?refusal, "a journaled push is refused again");
            }
        }
        store.seal.flush(&store.db, &store.meta)?;
        if replayed > 0 {
            tracing::info!(pushes = replayed, "replayed the journal");
        }
        store.journal.retire_recovered(recovered)?;
        Ok(store)
    }

    /// Opens a store that this process had open a moment ago. sled's thread pool lets go of
    /// the data file only just after the last handle is dropped, so the first attempts may still
    /// find it locked; this tries again for up to two seconds.
    #[cfg(test)]
    pub(crate) fn reopen(dir: &Path) -> StoreResult<SledStore> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        loop {
            match SledStore::open(dir) {
                Err(StoreError::InUse(_)) if std::time::Instant::now() < deadline => {
                    std::thread::yield_now();
                }
                opened => return opened,
            }
        }
    }

    /// Brings a store of an earlier format to [`FORMAT`]; a store of a later one (a newer Kosh
    /// wrote it) is refused rather than misread.
    fn upgrade(&self) -> StoreResult<()> {
        let format = match self.meta.get(FORMAT_KEY).map_err(backend)? {
            Some(bytes) => decode::<u64>(&bytes)?,
            None => 1,
        };
        if format > FORMAT {
            return Err(StoreError::Backend(format!(
                "the store is format {format}, written by a newer Kosh; this one reads up to {FORMAT}"
            )));
        }
        if format == FORMAT {
            return Ok(());
        }
        // Format 1 kept each draft whole under its id: split it into a header and registers,
        // one draft per transaction, so an interrupted upgrade resumes where it stopped.
        for item in self.drafts.iter() {
            let (key, bytes) = item.map_err(backend)?;
            if decode::<DraftHeader>(&bytes).is_ok() {
                continue;
            }
            let whole: WholeDraft = decode(&bytes)?;
            let header = encode(&DraftHeader {
                owner: whole.owner,
                form_id: whole.state.form_id.clone(),
                form_version: whole.state.form_version,
                updated_at: whole.updated_at,
            });
            let id = whole.state.id.clone();
            let cells: Vec<(Vec<u8>, Vec<u8>)> = whole
                .state
                .into_cells()
                .iter()
                .map(|(field, cell)| (cell_key(&id, field), encode(cell)))
                .collect();
            (&self.drafts, &self.cells)
                .transaction(|(drafts, cells_tree)| {
                    for (cell_key, cell) in &cells {
                        cells_tree.insert(cell_key.as_slice(), cell.as_slice())?;
                    }
                    drafts.insert(key.clone(), header.as_slice())?;
                    Ok::<_, ConflictableTransactionError<()>>(())
                })
                .map_err(unabortable)?;
        }
        self.meta
            .insert(FORMAT_KEY, encode(&FORMAT))
            .map_err(backend)?;
        self.db.flush().map_err(backend)?;
        Ok(())
    }

    /// Applies a push without journaling it: the replay of a journaled one.
    fn apply_push(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
    ) -> StoreResult<Result<(), PushRefusal>> {
        let _order = self.journal.pending()?;
        match self.plan_push(user, ops)? {
            Ok(plan) => self.write_push(user, plan, now).map(Ok),
            Err(refusal) => Ok(Err(refusal)),
        }
    }

    /// Reads what a push needs and refuses it, writing nothing, if any op touches another
    /// user's draft or another form's (`push::check`). Call with the journal's lock held.
    fn plan_push<'a>(
        &self,
        user: &UserId,
        ops: &'a [IncomingOp],
    ) -> StoreResult<Result<PushPlan<'a>, PushRefusal>> {
        let mut headers = BTreeMap::new();
        for id in push::drafts_named(ops) {
            if let Some(header) = Self::get::<DraftHeader>(&self.drafts, id.as_str().as_bytes())? {
                headers.insert(id.clone(), header);
            }
        }
        if let Err(refusal) = push::check(user, ops, &headers) {
            return Ok(Err(refusal));
        }
        let mut seen = HashSet::new();
        for incoming in ops {
            let id = &incoming.op.op_id;
            if self
                .seen_ops
                .contains_key(user_key(user, id.as_str().as_bytes()))
                .map_err(backend)?
            {
                seen.insert(id.clone());
            }
        }
        let fresh = push::fresh(ops, self.head(user)?, &seen);
        Ok(Ok(PushPlan { headers, fresh }))
    }

    /// Writes a planned push: registers, header, log entries, then the "seen" marks. The order
    /// matters when a crash cut the push short and sled kept only its first writes. Registers
    /// merged without their log entries are harmless (merging an op again changes nothing). Log
    /// entries without their "seen" marks are logged again, under new numbers, when the push is
    /// replayed or retried: a device may receive an op twice, which changes nothing. Since the
    /// log's last entry is its head, an entry is never overwritten by a later op.
    fn write_push(&self, user: &UserId, plan: PushPlan<'_>, now: DateTime<Utc>) -> StoreResult<()> {
        for (&draft_id, new_ops) in &push::by_draft(&plan.fresh) {
            let stored = plan.headers.get(draft_id);
            // Only the registers these ops touch: each merges on its own.
            let mut touched = BTreeMap::new();
            for field in push::fields(new_ops) {
                if let Some(cell) = Self::get::<Cell>(&self.cells, &cell_key(draft_id, field))? {
                    touched.insert(field.to_owned(), cell);
                }
            }
            let merged = push::merge(user, draft_id, stored, new_ops, touched, now)?;
            for (field, cell) in &merged.cells {
                self.cells
                    .insert(cell_key(draft_id, field), encode(cell))
                    .map_err(backend)?;
            }
            self.drafts
                .insert(draft_id.as_str().as_bytes(), encode(&merged.header))
                .map_err(backend)?;
            if stored.is_none() {
                self.user_drafts
                    .insert(user_key(user, draft_id.as_str().as_bytes()), &[])
                    .map_err(backend)?;
            }
        }
        for entry in push::log_entries(&plan.fresh) {
            self.oplog
                .insert(user_key(user, &entry.seq.to_be_bytes()), encode(&entry))
                .map_err(backend)?;
        }
        for &(seq, incoming) in &plan.fresh {
            let key = user_key(user, incoming.op.op_id.as_str().as_bytes());
            self.seen_ops
                .insert(key, &seq.to_be_bytes())
                .map_err(backend)?;
        }
        Ok(())
    }

    /// The last sequence number of a user's log (0 before the first op): its last entry's.
    fn head(&self, user: &UserId) -> StoreResult<u64> {
        let prefix = user_prefix(user);
        let last = self
            .oplog
            .get_lt(user_key(user, &u64::MAX.to_be_bytes()))
            .map_err(backend)?;
        match last {
            Some((key, _)) if key.starts_with(&prefix) => {
                let seq = key[prefix.len()..]
                    .try_into()
                    .map_err(|_| StoreError::Corrupt(format!("a log key of user {user}")))?;
                Ok(u64::from_be_bytes(seq))
            }
            _ => Ok(0),
        }
    }

    /// After a write only a flush of sled makes durable: the next group commit flushes sled.
    /// Called after the write, so the flush that answers the caller's ticket sees it.
    fn wrote_to_sled(&self) {
        self.sled_dirty.store(true, Ordering::SeqCst);
    }

    /// Starts a new journal file and, on a thread of its own so acknowledgements do not wait,
    /// flushes sled and deletes the old file.
    fn checkpoint_in_background(&self) -> StoreResult<()> {
        if self.checkpointing.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        let old = match self.journal.rotate() {
            Ok(old) => old,
            Err(err) => {
                self.checkpointing.store(false, Ordering::SeqCst);
                return Err(err);
            }
        };
        let (db, meta, seal, journal, running) = (
            self.db.clone(),
            self.meta.clone(),
            self.seal.clone(),
            self.journal.clone(),
            self.checkpointing.clone(),
        );
        let spawned = std::thread::Builder::new()
            .name("kosh-checkpoint".into())
            .spawn(move || {
                if let Err(err) = checkpoint(&db, &meta, &seal, &journal, &old) {
                    // The old file stays and is replayed at the next start: nothing is lost.
                    tracing::error!(%err, "checkpoint failed");
                }
                running.store(false, Ordering::SeqCst);
            });
        if let Err(err) = spawned {
            self.checkpointing.store(false, Ordering::SeqCst);
            tracing::error!(%err, "cannot start the checkpoint thread; will try again");
        }
        Ok(())
    }

    /// A draft's registers, by question id.
    fn cells_of(&self, id: &DraftId) -> StoreResult<Vec<(String, Cell)>> {
        let prefix = cell_key(id, "");
        self.cells
            .scan_prefix(&prefix)
            .map(|item| {
                let (key, bytes) = item.map_err(backend)?;
                let field = std::str::from_utf8(&key[prefix.len()..]).map_err(|e| {
                    StoreError::Corrupt(format!("a question id in draft {id}: {e}"))
                })?;
                Ok((field.to_owned(), decode(&bytes)?))
            })
            .collect()
    }

    fn get<T: DeserializeOwned>(tree: &sled::Tree, key: &[u8]) -> StoreResult<Option<T>> {
        match tree.get(key).map_err(backend)? {
            Some(bytes) => decode(&bytes).map(Some),
            None => Ok(None),
        }
    }
}

impl EmbeddedStore for SledStore {
    fn insert_user(&self, user: &UserRecord) -> StoreResult<bool> {
        let key = email_key(&user.email);
        let record = encode(user);
        let result = (&self.users, &self.emails).transaction(|(users, emails)| {
            if emails.get(key.as_bytes())?.is_some() {
                return abort(());
            }
            emails.insert(key.as_bytes(), user.id.as_str().as_bytes())?;
            users.insert(user.id.as_str().as_bytes(), record.clone())?;
            Ok(())
        });
        self.wrote_to_sled();
        match result {
            Ok(()) => Ok(true),
            Err(e) => tx_error(e).map(|()| false),
        }
    }

    fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>> {
        Self::get(&self.users, id.as_str().as_bytes())
    }

    fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        let Some(id) = self
            .emails
            .get(email_key(email).as_bytes())
            .map_err(backend)?
        else {
            return Ok(None);
        };
        Self::get(&self.users, &id)
    }

    fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()> {
        let login = encode(&LoginRecord {
            user: record.user.clone(),
            revoked: false,
        });
        let token = encode(record);
        (&self.refresh, &self.logins)
            .transaction(|(refresh, logins)| {
                logins.insert(record.family.as_bytes(), login.clone())?;
                refresh.insert(token_hash.as_bytes(), token.clone())?;
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(unabortable)?;
        self.wrote_to_sled();
        Ok(())
    }

    fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation> {
        let result = (&self.refresh, &self.logins).transaction(|(refresh, logins)| {
            let Some(bytes) = refresh.get(old_hash.as_bytes())? else {
                return Ok(Rotation::Invalid);
            };
            let mut old: RefreshRecord = tx_decode(&bytes)?;
            let Some(login_bytes) = logins.get(old.family.as_bytes())? else {
                return Ok(Rotation::Invalid);
            };
            let mut login: LoginRecord = tx_decode(&login_bytes)?;
            if old.used {
                if !login.revoked {
                    login.revoked = true;
                    logins.insert(old.family.as_bytes(), encode(&login))?;
                }
                return Ok(Rotation::Reused);
            }
            if login.revoked || old.expires_at <= now {
                return Ok(Rotation::Invalid);
            }
            old.used = true;
            refresh.insert(old_hash.as_bytes(), encode(&old))?;
            let new = RefreshRecord {
                family: old.family.clone(),
                user: old.user.clone(),
                used: false,
                expires_at: new_expires_at,
            };
            refresh.insert(new_hash.as_bytes(), encode(&new))?;
            Ok(Rotation::Rotated(new))
        });
        self.wrote_to_sled();
        result.or_else(|e| Err(StoreError::Corrupt(tx_error::<String>(e)?)))
    }

    fn revoke_login(&self, token_hash: &str) -> StoreResult<bool> {
        let Some(token) = Self::get::<RefreshRecord>(&self.refresh, token_hash.as_bytes())? else {
            return Ok(false);
        };
        let login = encode(&LoginRecord {
            user: token.user,
            revoked: true,
        });
        self.logins
            .insert(token.family.as_bytes(), login)
            .map_err(backend)?;
        self.wrote_to_sled();
        Ok(true)
    }

    fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool> {
        Ok(Self::get::<LoginRecord>(&self.logins, family.as_bytes())?
            .is_some_and(|login| !login.revoked && &login.user == user))
    }

    fn push_ops(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
    ) -> StoreResult<Result<Option<u64>, PushRefusal>> {
        // Held until the push is applied: pushes apply one at a time, in journal order.
        let mut pending = self.journal.pending()?;
        let plan = match self.plan_push(user, ops)? {
            Ok(plan) => plan,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let Some(&(last, _)) = plan.fresh.last() else {
            return Ok(Ok(None));
        };
        // The record goes first: a request that reads any of this push's writes takes its
        // group-commit ticket afterwards, and the flush that answers the ticket writes this.
        pending.append(&JournalPush {
            user: user.clone(),
            now,
            ops: ops.to_vec(),
        })?;
        self.write_push(user, plan, now)?;
        Ok(Ok(Some(last)))
    }

    fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage> {
        let start = user_key(user, &cursor.saturating_add(1).to_be_bytes());
        let end = user_key(user, &u64::MAX.to_be_bytes());
        let mut entries = Vec::new();
        let mut scanned_to = None;
        let mut more = false;
        for item in self.oplog.range(start..=end) {
            let (_, bytes) = item.map_err(backend)?;
            let entry: LogEntry = decode(&bytes)?;
            let wanted = push::hands_out(&entry, device);
            if wanted && entries.len() == limit {
                more = true;
                break;
            }
            scanned_to = Some(entry.seq);
            if wanted {
                entries.push(entry);
            }
        }
        let cursor = match scanned_to {
            Some(seq) => seq,
            // Nothing new; a cursor past the log's end (a device from before a reset of the
            // server) comes back to it.
            None => cursor.min(self.head(user)?),
        };
        Ok(ChangesPage {
            entries,
            cursor,
            more,
        })
    }

    fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        let Some(header) = Self::get::<DraftHeader>(&self.drafts, id.as_str().as_bytes())? else {
            return Ok(None);
        };
        // Read outside a transaction: a push landing meanwhile may show some of its answers
        // and not yet others, each register whole, as a device that synced halfway would.
        let cells = self.cells_of(id)?;
        Ok(Some(DraftRecord {
            owner: header.owner,
            updated_at: header.updated_at,
            draft: Draft::from_cells(id.clone(), header.form_id, header.form_version, cells),
        }))
    }

    fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>> {
        let prefix = user_prefix(user);
        let mut drafts = Vec::new();
        for item in self.user_drafts.scan_prefix(&prefix) {
            let (key, _) = item.map_err(backend)?;
            let id = std::str::from_utf8(&key[prefix.len()..])
                .map_err(|e| StoreError::Corrupt(format!("a draft id of user {user}: {e}")))?;
            if let Some(draft) = self.draft(&DraftId(id.to_owned()))? {
                drafts.push(draft);
            }
        }
        Ok(drafts)
    }

    fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>> {
        let Some(id) = self
            .idempotency
            .get(user_key(user, key.as_bytes()))
            .map_err(backend)?
        else {
            return Ok(None);
        };
        Self::get(&self.applications, &id)
    }

    fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission> {
        let idem_key = user_key(&application.owner, key.as_bytes());
        let record = encode(application);
        let trees = [
            &self.applications,
            &self.user_applications,
            &self.idempotency,
        ];
        let result = trees[..].transaction(|t| {
            let (apps, user_apps, idem) = (&t[0], &t[1], &t[2]);
            if let Some(id) = idem.get(&idem_key)? {
                let Some(bytes) = apps.get(&id)? else {
                    return abort("idempotency key points to no application".to_owned());
                };
                return Ok(Submission::Existing(tx_decode(&bytes)?));
            }
            let id = application.application.id.as_str().as_bytes();
            idem.insert(idem_key.as_slice(), id)?;
            apps.insert(id, record.clone())?;
            user_apps.insert(user_key(&application.owner, id), &[])?;
            Ok(Submission::Created(application.clone()))
        });
        self.wrote_to_sled();
        result.or_else(|e| {
            let reason = tx_error::<String>(e)?;
            Err(StoreError::Corrupt(format!(
                "idempotency key points to a missing or unreadable application: {reason}"
            )))
        })
    }

    fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>> {
        Self::get(&self.applications, id.as_str().as_bytes())
    }

    fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>> {
        let prefix = user_prefix(user);
        let mut apps = Vec::new();
        for item in self.user_applications.scan_prefix(&prefix) {
            let (key, _) = item.map_err(backend)?;
            if let Some(app) = Self::get(&self.applications, &key[prefix.len()..])? {
                apps.push(app);
            }
        }
        apps.sort_by_key(|a: &ApplicationRecord| a.application.submitted_at);
        Ok(apps)
    }

    fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>> {
        let mut apps = self
            .applications
            .iter()
            .map(|item| decode::<ApplicationRecord>(&item.map_err(backend)?.1))
            .collect::<StoreResult<Vec<_>>>()?;
        apps.sort_by_key(|a| a.application.submitted_at);
        Ok(apps)
    }

    fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool> {
        let swapped = self
            .applications
            .compare_and_swap(
                new.application.id.as_str().as_bytes(),
                Some(encode(old)),
                Some(encode(new)),
            )
            .map_err(backend)?;
        self.wrote_to_sled();
        Ok(swapped.is_ok())
    }

    fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>> {
        Self::get(&self.contracts, user.as_str().as_bytes())
    }

    fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()> {
        self.contracts
            .insert(user.as_str().as_bytes(), encode(contract))
            .map_err(backend)?;
        self.wrote_to_sled();
        Ok(())
    }

    fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()> {
        self.reference
            .insert(reference_key(key), body.as_bytes())
            .map_err(backend)?;
        self.wrote_to_sled();
        Ok(())
    }

    fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>> {
        let mut out = Vec::new();
        for item in self.reference.iter() {
            let (key, value) = item.map_err(backend)?;
            let key = parse_reference_key(&key)
                .ok_or_else(|| StoreError::Corrupt(format!("reference key {key:?}")))?;
            let body = String::from_utf8(value.to_vec())
                .map_err(|_| StoreError::Corrupt(format!("reference {key:?} is not UTF-8")))?;
            out.push((key, body));
        }
        Ok(out)
    }

    fn flush(&self) -> StoreResult<()> {
        let journaled = self.journal.sync()?;
        if self.sled_dirty.swap(false, Ordering::SeqCst)
            && let Err(err) = self.seal.flush(&self.db, &self.meta)
        {
            // Still not on disk: the next flush tries again.
            self.wrote_to_sled();
            return Err(err);
        }
        self.flushes.fetch_add(1, Ordering::Relaxed);
        if journaled >= CHECKPOINT_BYTES {
            self.checkpoint_in_background()?;
        }
        Ok(())
    }

    fn checkpoint(&self) -> StoreResult<()> {
        let old = self.journal.rotate()?;
        checkpoint(&self.db, &self.meta, &self.seal, &self.journal, &old)
    }

    fn flush_count(&self) -> u64 {
        self.flushes.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::api::Op;
    use kosh_shared::hlc::Hlc;
    use serde_json::json;

    fn op(id: &str, draft: &str, device: &str, wall: u64) -> IncomingOp {
        IncomingOp {
            op: Op {
                op_id: id.into(),
                draft_id: draft.into(),
                form_id: "residence-2026".into(),
                field: "education.level".into(),
                value: json!(id),
                hlc: Hlc::new(wall, 0, device).unwrap(),
                form_version: None,
            },
            device: device.into(),
            clamped: false,
            form_version: 1,
        }
    }

    #[test]
    fn a_second_open_of_the_same_directory_says_it_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SledStore::open(dir.path()).unwrap();
        assert!(matches!(
            SledStore::open(dir.path()),
            Err(StoreError::InUse(_))
        ));
    }

    /// The sled database of a data directory, opened directly, to write what an older or newer
    /// Kosh would have.
    fn raw_db(data_dir: &Path) -> sled::Db {
        sled::Config::new()
            .path(data_dir.join("store"))
            .open()
            .unwrap()
    }

    /// What a format-1 store held for a draft: the whole merged draft under its id.
    fn whole_draft_json() -> serde_json::Value {
        json!({
            "id": "d1", "owner": "alice", "form_id": "residence-2026",
            "updated_at": "2026-11-01T10:00:00Z",
            "state": {
                "id": "d1", "form_id": "residence-2026", "form_version": 1,
                "cells": {
                    "education.level": {
                        "value": "master", "hlc": "2026-11-01T10:00:00.000Z/0001/phone",
                        "overwritten": {"value": "bachelor", "hlc": "2026-11-01T09:00:00.000Z/0000/tablet"}
                    },
                    "identity.surname": {"value": "Abenova", "hlc": "2026-11-01T08:00:00.000Z/0000/phone"}
                }
            }
        })
    }

    #[test]
    fn a_format_1_store_is_split_into_registers_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = raw_db(dir.path());
            let drafts = db.open_tree("drafts").unwrap();
            drafts
                .insert("d1", serde_json::to_vec(&whole_draft_json()).unwrap())
                .unwrap();
            db.open_tree("user_drafts")
                .unwrap()
                .insert(b"alice\0d1", &[])
                .unwrap();
            db.flush().unwrap();
        }
        let store = SledStore::reopen(dir.path()).unwrap();
        let record = store.draft(&"d1".into()).unwrap().unwrap();
        let expected: Draft = serde_json::from_value(whole_draft_json()["state"].clone()).unwrap();
        assert_eq!(record.draft, expected, "every register and stamp kept");
        assert_eq!(record.owner, UserId::from("alice"));
        assert_eq!(record.updated_at.to_rfc3339(), "2026-11-01T10:00:00+00:00");
        assert_eq!(store.drafts_of(&"alice".into()).unwrap().len(), 1);

        // A push after the upgrade merges into the kept registers.
        let mut push = op("o9", "d1", "laptop", 1_900_000_000_000);
        push.op.field = "identity.surname".into();
        push.op.value = json!("Abenova-Nur");
        store
            .push_ops(&"alice".into(), &[push], Utc::now())
            .unwrap()
            .unwrap();
        drop(store);
        let reopened = SledStore::reopen(dir.path()).unwrap();
        let draft = reopened.draft(&"d1".into()).unwrap().unwrap().draft;
        assert_eq!(
            draft.answer("identity.surname"),
            Some(&json!("Abenova-Nur"))
        );
        assert_eq!(draft.answer("education.level"), Some(&json!("master")));
    }

    #[test]
    fn a_store_from_a_newer_kosh_is_refused_not_misread() {
        let dir = tempfile::tempdir().unwrap();
        {
            let db = raw_db(dir.path());
            db.open_tree("meta")
                .unwrap()
                .insert(FORMAT_KEY, b"99")
                .unwrap();
            db.flush().unwrap();
        }
        match SledStore::reopen(dir.path()) {
            Err(StoreError::Backend(message)) => assert!(message.contains("newer"), "{message}"),
            other => panic!("{other:?}"),
        }
    }
}
