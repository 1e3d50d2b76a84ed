//! Kosh on PostgreSQL (`KOSH_DATABASE_URL`): every record in one database, so that any number
//! of server processes can share it and none keeps state of its own.
//!
//! Through sqlx: a pool of connections (rustls where the URL asks for TLS), the tables created
//! by the migrations in `backend/migrations`, applied at start. Every write is one transaction
//! and returns once committed, which is when PostgreSQL has it on disk (its default
//! `synchronous_commit`). What must hold across processes is the database's to enforce:
//! - an email, an op id per user and an idempotency key per user are unique constraints;
//! - a user's pushes are ordered by a lock on the row of their log (`logs`), so their ops get
//!   consecutive numbers whichever process takes them;
//! - a refresh token's rotation locks its row: of two processes presenting it at once, one
//!   rotates and the other finds it used, which is reuse;
//! - a push tells every process with `NOTIFY kosh_sync` in its own transaction (delivered when
//!   it commits, never before), and publishing a policy or form with `NOTIFY kosh_reference`;
//!   [`Postgres::listen`] turns both into [`Notice`]s for this process.
//!
//! The rules of a push are `push`'s, as for sled; concurrent pushes share a transaction
//! (`pushes`), as they share a flush on sled.

mod pushes;

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use kosh_shared::api::Contract;
use kosh_shared::draft::{Cell, Draft};
use kosh_shared::ids::{ApplicationId, DraftId, UserId};
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions, PgRow};
use sqlx::types::Json;
use sqlx::{Connection, Executor, Postgres as Pg, Row, Transaction};
use tokio::sync::{mpsc, watch};

use super::push::DraftHeader;
use super::{
    ApplicationRecord, ChangesPage, DraftRecord, IncomingOp, LogEntry, PushRefusal, ReferenceKey,
    RefreshRecord, Rotation, Store, StoreError, StoreResult, Submission, Synced, UserRecord,
    email_key,
};
use crate::live::Pushed;

/// The migrations, embedded in the binary.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Connections one process keeps open at most. A push holds one for its transaction, a
/// request a few milliseconds: enough for hundreds of requests a second per process, and ten
/// processes stay well under PostgreSQL's default of 100 connections.
const POOL_SIZE: u32 = 8;

/// The channels of `NOTIFY`.
const PUSHES: &str = "kosh_sync";
const REFERENCE: &str = "kosh_reference";

/// What another process (or this one) did that this process must know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A push of `user`'s was committed.
    Pushed(UserId, Pushed),
    /// A policy bundle or form version was published: read the reference data again.
    Reference,
    /// The listening connection was lost and is back: notices may have been missed meanwhile.
    Reconnected,
}

/// The PostgreSQL `Store`.
#[derive(Debug)]
pub struct Postgres {
    pool: PgPool,
    commits: Arc<AtomicU64>,
    /// Pushes wait here for a transaction they share (`pushes`).
    pushes: pushes::Pushes,
    /// Set by `close`: the listener lets go of its connection, which the pool's close awaits.
    closed: watch::Sender<bool>,
}

fn db(err: sqlx::Error) -> StoreError {
    StoreError::Backend(format!("PostgreSQL: {err}"))
}

fn seq_to_db(seq: u64) -> StoreResult<i64> {
    i64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("sequence number {seq}")))
}

fn seq_from_db(seq: i64) -> StoreResult<u64> {
    u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("sequence number {seq}")))
}

fn version_from_db(version: i32) -> StoreResult<u32> {
    u32::try_from(version).map_err(|_| StoreError::Corrupt(format!("form version {version}")))
}

fn version_to_db(version: u32) -> StoreResult<i32> {
    i32::try_from(version).map_err(|_| StoreError::Corrupt(format!("form version {version}")))
}

fn header_from(row: &PgRow) -> StoreResult<(DraftId, DraftHeader)> {
    let id: String = row.try_get("id").map_err(db)?;
    let header = DraftHeader {
        owner: UserId(row.try_get("owner").map_err(db)?),
        form_id: row.try_get::<String, _>("form_id").map_err(db)?.into(),
        form_version: version_from_db(row.try_get("form_version").map_err(db)?)?,
        updated_at: row.try_get("updated_at").map_err(db)?,
    };
    Ok((DraftId(id), header))
}

/// The log entry of a row with `seq`, `op`, `device` and `clamped` (all null: none).
fn entry_from(row: &PgRow) -> StoreResult<Option<LogEntry>> {
    let Some(seq) = row.try_get::<Option<i64>, _>("seq").map_err(db)? else {
        return Ok(None);
    };
    let Json(op) = row.try_get("op").map_err(db)?;
    Ok(Some(LogEntry {
        seq: seq_from_db(seq)?,
        op,
        device: row.try_get("device").map_err(db)?,
        clamped: row.try_get("clamped").map_err(db)?,
    }))
}

/// A page of changes from the log's `head` and the entries read after `cursor`, one more
/// than `limit` if there were that many.
fn page_of(head: u64, mut entries: Vec<LogEntry>, cursor: u64, limit: usize) -> ChangesPage {
    let more = entries.len() > limit;
    entries.truncate(limit);
    let cursor = match (more, entries.last()) {
        (true, Some(last)) => last.seq,
        // More to come but a page of none: stay.
        (true, None) => cursor,
        // Everything after the cursor was read: the log's end (also for a cursor past it,
        // a device from before a reset of the server).
        (false, _) => head,
    };
    ChangesPage {
        entries,
        cursor,
        more,
    }
}

/// `(kind, id, version)` of a reference document's row.
fn reference_row(key: &ReferenceKey) -> StoreResult<(&'static str, &str, i32)> {
    Ok(match key {
        ReferenceKey::Policy(id) => ("policy", id.as_str(), 0),
        ReferenceKey::Form(id, version) => ("form", id.as_str(), version_to_db(*version)?),
    })
}

/// Creates a new, empty database through `admin_url` (a database the user may create others
/// from) and returns the URL of the new one: the same server, user and options. For tests and
/// the benchmark, which need a database of their own each.
pub async fn scratch_database(admin_url: &str) -> StoreResult<String> {
    let options = PgConnectOptions::from_str(admin_url)
        .map_err(|e| StoreError::Backend(format!("the database URL: {e}")))?;
    let mut connection = sqlx::PgConnection::connect_with(&options)
        .await
        .map_err(db)?;
    let name = format!("kosh_{}", uuid::Uuid::new_v4().simple());
    connection
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .map_err(db)?;
    connection.close().await.map_err(db)?;
    Ok(with_database(admin_url, &name))
}

/// `url` naming database `name` instead of its own.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    // The path starts at the first '/' after "scheme://authority".
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

impl Postgres {
    /// Connects to the database at `url` and brings its tables up to date.
    pub async fn connect(url: &str) -> StoreResult<Postgres> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Backend(format!("KOSH_DATABASE_URL: {e}")))?
            .application_name("kosh-backend");
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Backend(format!("cannot connect to PostgreSQL: {e}")))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| StoreError::Backend(format!("migrating the database: {e}")))?;
        let commits = Arc::new(AtomicU64::new(0));
        let closed = watch::Sender::new(false);
        let pushes = pushes::Pushes::start(pool.clone(), commits.clone(), closed.subscribe());
        Ok(Postgres {
            pool,
            commits,
            pushes,
            closed,
        })
    }

    /// The connection pool, for the attachments kept in the same database.
    pub fn pool(&self) -> PgPool {
        self.pool.clone()
    }

    /// Listens for the notices of every process (this one's too) on a connection of its own,
    /// until the store is closed. A lost connection is opened again, and [`Notice::Reconnected`]
    /// says notices may have been missed.
    pub async fn listen(&self) -> StoreResult<mpsc::UnboundedReceiver<Notice>> {
        let mut listener = PgListener::connect_with(&self.pool).await.map_err(db)?;
        listener.listen_all([PUSHES, REFERENCE]).await.map_err(db)?;
        let (sender, receiver) = mpsc::unbounded_channel();
        let mut closed = self.closed.subscribe();
        tokio::spawn(async move {
            loop {
                let received = tokio::select! {
                    _ = closed.wait_for(|closed| *closed) => return,
                    received = listener.try_recv() => received,
                };
                let notice = match received {
                    Ok(Some(notification)) => match notification.channel() {
                        PUSHES => match parse_pushed(notification.payload()) {
                            Some(notice) => notice,
                            None => {
                                tracing::warn!(
                                    payload = notification.payload(),
                                    "an unreadable push notice"
                                );
                                continue;
                            }
                        },
                        _ => Notice::Reference,
                    },
                    // The connection dropped; the next call opens it again and listens anew.
                    Ok(None) => Notice::Reconnected,
                    Err(sqlx::Error::PoolClosed) => return,
                    Err(err) => {
                        tracing::warn!(%err, "listening for other processes' pushes; trying again");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                };
                if sender.send(notice).is_err() {
                    return;
                }
            }
        });
        Ok(receiver)
    }

    /// Starts a write transaction.
    async fn begin(&self) -> StoreResult<Transaction<'static, Pg>> {
        self.pool.begin().await.map_err(db)
    }

    /// Commits a write transaction: the write is durable when this returns.
    async fn commit(&self, tx: Transaction<'static, Pg>) -> StoreResult<()> {
        tx.commit().await.map_err(db)?;
        self.commits.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// A draft's header and registers, read in one statement (one snapshot).
    async fn read_draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        let rows = sqlx::query(
            "SELECT d.id, d.owner, d.form_id, d.form_version, d.updated_at, c.field, c.cell
             FROM drafts d LEFT JOIN cells c ON c.draft_id = d.id
             WHERE d.id = $1",
        )
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(drafts_from_rows(&rows)?.pop())
    }
}

/// Drafts from rows of a draft joined with its registers (`field`, `cell` null for a draft
/// with none), in the order their first row comes.
fn drafts_from_rows(rows: &[PgRow]) -> StoreResult<Vec<DraftRecord>> {
    /// A draft being read: its id, header and the registers read so far.
    type Reading = (DraftId, DraftHeader, Vec<(String, Cell)>);
    let mut drafts: Vec<Reading> = Vec::new();
    for row in rows {
        let (id, header) = header_from(row)?;
        if drafts.last().is_none_or(|(last, _, _)| last != &id) {
            drafts.push((id, header, Vec::new()));
        }
        let field: Option<String> = row.try_get("field").map_err(db)?;
        let cell: Option<Json<Cell>> = row.try_get("cell").map_err(db)?;
        if let (Some(field), Some(Json(cell)), Some((_, _, cells))) =
            (field, cell, drafts.last_mut())
        {
            cells.push((field, cell));
        }
    }
    Ok(drafts
        .into_iter()
        .map(|(id, header, cells)| DraftRecord {
            owner: header.owner,
            updated_at: header.updated_at,
            draft: Draft::from_cells(id, header.form_id, header.form_version, cells),
        })
        .collect())
}

/// A push notice's payload: `{"user": …, "seq": …, "device": …}`.
fn parse_pushed(payload: &str) -> Option<Notice> {
    #[derive(serde::Deserialize)]
    struct Payload {
        user: String,
        seq: u64,
        device: String,
    }
    let p: Payload = serde_json::from_str(payload).ok()?;
    Some(Notice::Pushed(
        UserId(p.user),
        Pushed {
            seq: p.seq,
            device: p.device.into(),
        },
    ))
}

fn application_from(row: &PgRow) -> StoreResult<ApplicationRecord> {
    let Json(record): Json<ApplicationRecord> = row.try_get("record").map_err(db)?;
    Ok(record)
}

#[async_trait::async_trait]
impl Store for Postgres {
    async fn insert_user(&self, user: &UserRecord) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO users (id, email_key, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(user.id.as_str())
        .bind(email_key(&user.email))
        .bind(Json(user))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await?;
        Ok(inserted.rows_affected() == 1)
    }

    async fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>> {
        let record: Option<Json<UserRecord>> =
            sqlx::query_scalar("SELECT record FROM users WHERE id = $1")
                .bind(id.as_str())
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        Ok(record.map(|Json(r)| r))
    }

    async fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        let record: Option<Json<UserRecord>> =
            sqlx::query_scalar("SELECT record FROM users WHERE email_key = $1")
                .bind(email_key(email))
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        Ok(record.map(|Json(r)| r))
    }

    async fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO logins (family, user_id, revoked) VALUES ($1, $2, false)
             ON CONFLICT (family) DO UPDATE SET user_id = EXCLUDED.user_id, revoked = false",
        )
        .bind(&record.family)
        .bind(record.user.as_str())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO refresh_tokens (hash, family, user_id, used, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(&record.family)
        .bind(record.user.as_str())
        .bind(record.used)
        .bind(record.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await
    }

    async fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation> {
        let mut tx = self.begin().await?;
        // Both rows locked: a racing rotation waits here, then reads the token as used.
        let row = sqlx::query(
            "SELECT t.family, t.user_id, t.used, t.expires_at, l.revoked
             FROM refresh_tokens t JOIN logins l ON l.family = t.family
             WHERE t.hash = $1 FOR UPDATE",
        )
        .bind(old_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(row) = row else {
            return Ok(Rotation::Invalid);
        };
        let family: String = row.try_get("family").map_err(db)?;
        let user: String = row.try_get("user_id").map_err(db)?;
        let used: bool = row.try_get("used").map_err(db)?;
        let expires_at: DateTime<Utc> = row.try_get("expires_at").map_err(db)?;
        let revoked: bool = row.try_get("revoked").map_err(db)?;
        if used {
            if !revoked {
                sqlx::query("UPDATE logins SET revoked = true WHERE family = $1")
                    .bind(&family)
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
            }
            self.commit(tx).await?;
            return Ok(Rotation::Reused);
        }
        if revoked || expires_at <= now {
            return Ok(Rotation::Invalid);
        }
        sqlx::query("UPDATE refresh_tokens SET used = true WHERE hash = $1")
            .bind(old_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        let new = RefreshRecord {
            family,
            user: UserId(user),
            used: false,
            expires_at: new_expires_at,
        };
        sqlx::query(
            "INSERT INTO refresh_tokens (hash, family, user_id, used, expires_at)
             VALUES ($1, $2, $3, false, $4)",
        )
        .bind(new_hash)
        .bind(&new.family)
        .bind(new.user.as_str())
        .bind(new.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await?;
        Ok(Rotation::Rotated(new))
    }

    async fn revoke_login(&self, token_hash: &str) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        let revoked = sqlx::query(
            "UPDATE logins SET revoked = true
             WHERE family = (SELECT family FROM refresh_tokens WHERE hash = $1)",
        )
        .bind(token_hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await?;
        Ok(revoked.rows_affected() > 0)
    }

    async fn is_login_active(&self, family: &str, user: &UserId) -> StoreResult<bool> {
        sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM logins WHERE family = $1 AND user_id = $2 AND NOT revoked)",
        )
        .bind(family)
        .bind(user.as_str())
        .fetch_one(&self.pool)
        .await
        .map_err(db)
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
        if ops.is_empty() {
            let page = self.changes_since(user, cursor, limit, device).await?;
            return Ok(Ok(Synced {
                logged_up_to: None,
                page,
            }));
        }
        self.pushes
            .sync(user, ops, now, cursor, limit, device)
            .await
    }

    async fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage> {
        // One statement, so the head and the entries come from one snapshot: a cursor set to
        // the head never passes an entry the read did not see.
        let rows = sqlx::query(
            "SELECT h.head, p.seq, p.op, p.device, p.clamped
             FROM (SELECT COALESCE((SELECT head FROM logs WHERE user_id = $1), 0) AS head) h
             LEFT JOIN LATERAL (
                 SELECT seq, op, device, clamped FROM oplog
                 WHERE user_id = $1 AND seq > $2 AND (device <> $3 OR clamped)
                 ORDER BY seq LIMIT $4
             ) p ON true
             ORDER BY p.seq",
        )
        .bind(user.as_str())
        .bind(seq_to_db(cursor.min(i64::MAX as u64))?)
        .bind(device)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1))
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        let mut head = 0;
        let mut entries = Vec::new();
        for row in &rows {
            head = seq_from_db(row.try_get("head").map_err(db)?)?;
            if let Some(entry) = entry_from(row)? {
                entries.push(entry);
            }
        }
        Ok(page_of(head, entries, cursor, limit))
    }

    async fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        self.read_draft(id).await
    }

    async fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>> {
        let rows = sqlx::query(
            "SELECT d.id, d.owner, d.form_id, d.form_version, d.updated_at, c.field, c.cell
             FROM drafts d LEFT JOIN cells c ON c.draft_id = d.id
             WHERE d.owner = $1 ORDER BY d.id",
        )
        .bind(user.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        drafts_from_rows(&rows)
    }

    async fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>> {
        let row = sqlx::query(
            "SELECT record FROM applications WHERE owner = $1 AND idempotency_key = $2",
        )
        .bind(user.as_str())
        .bind(key)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.as_ref().map(application_from).transpose()
    }

    async fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission> {
        let mut tx = self.begin().await?;
        // Waits for a concurrent submission with the same key, then does nothing.
        let inserted = sqlx::query(
            "INSERT INTO applications (id, owner, idempotency_key, submitted_at, record)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (owner, idempotency_key) DO NOTHING",
        )
        .bind(application.application.id.as_str())
        .bind(application.owner.as_str())
        .bind(key)
        .bind(application.application.submitted_at)
        .bind(Json(application))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await?;
        if inserted.rows_affected() == 1 {
            return Ok(Submission::Created(application.clone()));
        }
        self.application_by_key(&application.owner, key)
            .await?
            .map(Submission::Existing)
            .ok_or_else(|| {
                StoreError::Corrupt(format!(
                    "idempotency key {key:?} of {} is taken by no application",
                    application.owner
                ))
            })
    }

    async fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>> {
        let row = sqlx::query("SELECT record FROM applications WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
        row.as_ref().map(application_from).transpose()
    }

    async fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>> {
        let rows = sqlx::query(
            "SELECT record FROM applications WHERE owner = $1 ORDER BY submitted_at, id",
        )
        .bind(user.as_str())
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        rows.iter().map(application_from).collect()
    }

    async fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>> {
        let rows = sqlx::query("SELECT record FROM applications ORDER BY submitted_at, id")
            .fetch_all(&self.pool)
            .await
            .map_err(db)?;
        rows.iter().map(application_from).collect()
    }

    async fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool> {
        let mut tx = self.begin().await?;
        // jsonb compares by value: `old` as read matches what is stored unless it changed.
        let swapped =
            sqlx::query("UPDATE applications SET record = $3 WHERE id = $1 AND record = $2")
                .bind(new.application.id.as_str())
                .bind(Json(old))
                .bind(Json(new))
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        self.commit(tx).await?;
        Ok(swapped.rows_affected() == 1)
    }

    async fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>> {
        let record: Option<Json<Contract>> =
            sqlx::query_scalar("SELECT record FROM contracts WHERE user_id = $1")
                .bind(user.as_str())
                .fetch_optional(&self.pool)
                .await
                .map_err(db)?;
        Ok(record.map(|Json(c)| c))
    }

    async fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO contracts (user_id, record) VALUES ($1, $2)
             ON CONFLICT (user_id) DO UPDATE SET record = EXCLUDED.record",
        )
        .bind(user.as_str())
        .bind(Json(contract))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        self.commit(tx).await
    }

    async fn put_reference(&self, key: &ReferenceKey, body: &str) -> StoreResult<()> {
        let (kind, id, version) = reference_row(key)?;
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO reference (kind, id, version, body) VALUES ($1, $2, $3, $4)
             ON CONFLICT (kind, id, version) DO UPDATE SET body = EXCLUDED.body",
        )
        .bind(kind)
        .bind(id)
        .bind(version)
        .bind(body)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query("SELECT pg_notify($1, '')")
            .bind(REFERENCE)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        self.commit(tx).await
    }

    async fn references(&self) -> StoreResult<Vec<(ReferenceKey, String)>> {
        let rows =
            sqlx::query("SELECT kind, id, version, body FROM reference ORDER BY kind, id, version")
                .fetch_all(&self.pool)
                .await
                .map_err(db)?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind").map_err(db)?;
                let id: String = row.try_get("id").map_err(db)?;
                let version = version_from_db(row.try_get("version").map_err(db)?)?;
                let key = match kind.as_str() {
                    "policy" => ReferenceKey::Policy(id),
                    "form" => ReferenceKey::Form(id, version),
                    other => return Err(StoreError::Corrupt(format!("reference kind {other:?}"))),
                };
                Ok((key, row.try_get("body").map_err(db)?))
            })
            .collect()
    }

    async fn close(&self) -> StoreResult<()> {
        self.closed.send_replace(true);
        self.pool.close().await;
        Ok(())
    }

    fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::store::conformance::conformance_suite;

    /// The throwaway PostgreSQL `./kosh test` starts; without it these tests fail, loudly.
    fn admin_url() -> String {
        std::env::var("KOSH_TEST_DATABASE_URL").unwrap_or_else(|_| {
            panic!(
                "KOSH_TEST_DATABASE_URL is not set: the PostgreSQL tests need a database server. \
                 `./kosh test` starts one and sets it; or point it at a PostgreSQL where this \
                 user may CREATE DATABASE"
            )
        })
    }

    async fn postgres() -> (String, Arc<dyn Store>) {
        let url = scratch_database(&admin_url())
            .await
            .expect("a scratch database");
        let store = Postgres::connect(&url).await.expect("connect and migrate");
        (url, Arc::new(store))
    }

    conformance_suite!(postgres());

    #[test]
    fn a_url_names_another_database() {
        assert_eq!(
            with_database("postgres://kosh@localhost:5432/postgres?host=/tmp/x", "k1"),
            "postgres://kosh@localhost:5432/k1?host=/tmp/x"
        );
        assert_eq!(
            with_database("postgresql://u:p@db.internal", "k1"),
            "postgresql://u:p@db.internal/k1"
        );
        assert_eq!(
            with_database("postgres://db/kosh?sslmode=require", "k2"),
            "postgres://db/k2?sslmode=require"
        );
    }

    #[tokio::test]
    async fn two_stores_on_one_database_migrate_once_and_see_each_other() {
        let url = scratch_database(&admin_url()).await.unwrap();
        let (a, b) = tokio::join!(Postgres::connect(&url), Postgres::connect(&url));
        let (a, b) = (a.unwrap(), b.unwrap());
        let user = UserRecord {
            id: "u1".into(),
            email: "a@example.kz".into(),
            password_hash: "x".into(),
            role: kosh_shared::api::Role::Applicant,
            locale: None,
            created_at: Utc::now(),
        };
        assert!(a.insert_user(&user).await.unwrap());
        assert_eq!(b.user_by_email("A@example.kz").await.unwrap(), Some(user));
    }

    /// The group commit: while a batch waits (here for logs another connection holds locked),
    /// the pushes queued behind it share the next transaction. Twenty pushes sent while the
    /// locks are held commit in a few transactions, not twenty.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn pushes_waiting_for_a_transaction_share_the_next_one() {
        use std::future::Future;
        use std::pin::Pin;
        use std::task::{Context, Poll, Waker};

        let url = scratch_database(&admin_url()).await.unwrap();
        let store = Arc::new(Postgres::connect(&url).await.unwrap());
        let users: Vec<String> = (0..20).map(|i| format!("u{i}")).collect();
        let mut blocker = store.pool().begin().await.unwrap();
        sqlx::query("INSERT INTO logs (user_id, head) SELECT u, 0 FROM UNNEST($1::text[]) AS u")
            .bind(&users)
            .execute(&mut *blocker)
            .await
            .unwrap();
        blocker.commit().await.unwrap();
        let mut blocker = store.pool().begin().await.unwrap();
        sqlx::query("SELECT 1 FROM logs WHERE user_id = ANY($1) FOR UPDATE")
            .bind(&users)
            .execute(&mut *blocker)
            .await
            .unwrap();

        type Syncing = Pin<Box<dyn Future<Output = StoreResult<u64>> + Send>>;
        let mut syncs: Vec<Syncing> = users
            .iter()
            .enumerate()
            .map(|(i, user)| {
                let store = store.clone();
                let ops = [level_in(&format!("d{i}"), &format!("o{i}"), "phone", 1)];
                let user = UserId::from(user.as_str());
                Box::pin(async move {
                    let synced = store.sync(&user, &ops, Utc::now(), 0, 10, "phone").await?;
                    Ok(synced.expect("the user's own draft").page.cursor)
                }) as Syncing
            })
            .collect();
        // One poll each puts every push in the queue before the locks go.
        let mut cx = Context::from_waker(Waker::noop());
        for sync in &mut syncs {
            assert!(matches!(sync.as_mut().poll(&mut cx), Poll::Pending));
        }
        let before = store.commits();
        let running: Vec<_> = syncs.into_iter().map(tokio::spawn).collect();
        blocker.rollback().await.unwrap();
        for sync in running {
            assert_eq!(
                sync.await.unwrap().unwrap(),
                1,
                "each push logged and read back"
            );
        }
        let commits = store.commits() - before;
        assert!(
            (1..=5).contains(&commits),
            "20 pushes in {commits} transactions"
        );
    }

    /// An answer to `education.level` in `draft`, valued with its own id.
    fn level_in(draft: &str, id: &str, device: &str, wall: u64) -> crate::store::IncomingOp {
        crate::store::IncomingOp {
            op: kosh_shared::api::Op {
                op_id: id.into(),
                draft_id: draft.into(),
                form_id: "residence-2026".into(),
                field: "education.level".into(),
                value: serde_json::json!(id),
                hlc: kosh_shared::hlc::Hlc::new(wall, 0, device).unwrap(),
                form_version: None,
            },
            device: device.into(),
            clamped: false,
            form_version: 1,
        }
    }

    fn level(id: &str, device: &str, wall: u64) -> crate::store::IncomingOp {
        level_in("d", id, device, wall)
    }

    /// A batch's read starts its snapshot before it waits for a log's lock. When another
    /// process pushed to that log meanwhile, the batch must read again after the lock, or it
    /// would merge into a stale register and hand out a page without that push.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_push_that_waited_for_another_process_reads_what_that_one_wrote() {
        let url = scratch_database(&admin_url()).await.unwrap();
        let store = Arc::new(Postgres::connect(&url).await.unwrap());
        let user = UserId::from("u");
        let first = store
            .sync(
                &user,
                &[level("a1", "phone", 5)],
                Utc::now(),
                0,
                10,
                "phone",
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(first.logged_up_to, Some(1));

        // "Another process": holds the log's lock while it pushes x1 from another phone,
        // with a later clock than the push below.
        let mut other = store.pool().begin().await.unwrap();
        sqlx::query("SELECT head FROM logs WHERE user_id = 'u' FOR UPDATE")
            .execute(&mut *other)
            .await
            .unwrap();
        let pushing = {
            let (store, user) = (store.clone(), user.clone());
            tokio::spawn(async move {
                store
                    .sync(
                        &user,
                        &[level("y1", "phone", 10)],
                        Utc::now(),
                        1,
                        10,
                        "phone",
                    )
                    .await
            })
        };
        // Until the push's read waits for the lock (its snapshot taken before x1 commits).
        let waiting = "SELECT count(*) FROM pg_stat_activity
                       WHERE wait_event_type = 'Lock' AND query LIKE '%WITH locked AS%'";
        let started = std::time::Instant::now();
        while sqlx::query_scalar::<_, i64>(waiting)
            .fetch_one(&store.pool())
            .await
            .unwrap()
            == 0
        {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the push never waited"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let x1 = level("x1", "laptop", 100);
        let merged = crate::store::push::merge(
            &user,
            &"d".into(),
            None,
            &[&x1],
            BTreeMap::new(),
            Utc::now(),
        )
        .unwrap();
        let (field, cell) = merged.cells.into_iter().next().unwrap();
        sqlx::query(
            "INSERT INTO oplog (user_id, seq, op_id, device, clamped, op)
             VALUES ('u', 2, 'x1', 'laptop', false, $1)",
        )
        .bind(Json(&x1.op))
        .execute(&mut *other)
        .await
        .unwrap();
        sqlx::query("UPDATE cells SET cell = $2 WHERE draft_id = 'd' AND field = $1")
            .bind(&field)
            .bind(Json(&cell))
            .execute(&mut *other)
            .await
            .unwrap();
        sqlx::query("UPDATE logs SET head = 2 WHERE user_id = 'u'")
            .execute(&mut *other)
            .await
            .unwrap();
        other.commit().await.unwrap();

        let synced = pushing.await.unwrap().unwrap().unwrap();
        assert_eq!(synced.logged_up_to, Some(3), "y1 numbered after x1");
        let handed: Vec<&str> = synced
            .page
            .entries
            .iter()
            .map(|e| e.op.op_id.as_str())
            .collect();
        assert_eq!(handed, ["x1"], "the page has the other phone's push");
        assert_eq!(synced.page.cursor, 3);
        let draft = store.draft(&"d".into()).await.unwrap().unwrap();
        assert_eq!(
            draft.draft.cell(&field).unwrap().value(),
            &serde_json::json!("x1"),
            "the later clock wins: y1 merged into the register x1 wrote"
        );
    }

    #[tokio::test]
    async fn a_push_notifies_every_listener_after_it_commits() {
        let url = scratch_database(&admin_url()).await.unwrap();
        let (a, b) = (
            Postgres::connect(&url).await.unwrap(),
            Postgres::connect(&url).await.unwrap(),
        );
        let mut notices = b.listen().await.unwrap();
        let op = level_in("d1", "o1", "phone", 1);
        a.sync(&"u1".into(), &[op], Utc::now(), 0, 10, "phone")
            .await
            .unwrap()
            .unwrap();
        let notice = tokio::time::timeout(Duration::from_secs(30), notices.recv())
            .await
            .expect("a notice within 30 s");
        assert_eq!(
            notice,
            Some(Notice::Pushed(
                "u1".into(),
                Pushed {
                    seq: 1,
                    device: "phone".into()
                }
            ))
        );
        a.put_reference(&ReferenceKey::Policy("p".into()), "{}")
            .await
            .unwrap();
        let notice = tokio::time::timeout(Duration::from_secs(30), notices.recv())
            .await
            .expect("a notice within 30 s");
        assert_eq!(notice, Some(Notice::Reference));
    }
}
