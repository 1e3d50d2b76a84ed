//! Pushes to PostgreSQL taken together: a group commit, as sled's journal has one.
//!
//! A push alone is a transaction of several statements and a WAL flush, and on a busy server
//! most of its time is round trips and per-statement work in the database, not the push
//! itself. So `sync` hands its push to a dispatcher, which gathers the pushes waiting (at most
//! [`MAX_BATCH`], each user and each draft once) into one transaction of four round trips:
//! `BEGIN`; one statement that locks every user's log and reads what the rules need (drafts,
//! seen op ids, the registers touched) and each device's page of changes ([`READ`]); the rules
//! run here (`push`, the same as for sled); one statement writes every draft, register, log
//! entry, head and notice ([`WRITE`]); `COMMIT` makes all of it durable. Each caller is
//! answered only after that commit.
//!
//! One batch runs at a time ([`IN_FLIGHT`]); while it does, new pushes queue up, so the busier
//! the server, the more pushes share a transaction. An idle server sends a push at once, alone.
//!
//! A log another process holds locked (its own batch) is skipped rather than waited for, so the
//! rest of the batch goes on; the pushes to it go into a second transaction that waits
//! ([`Locking`]).
//!
//! A push refused by the rules (another user's draft, another form) is left out of the batch's
//! writes and refused alone. Should the database refuse the batch (a race lost to another
//! process that retrying did not win, a draft another user created meanwhile), each of its
//! pushes is tried again in a transaction of its own, so one push never fails another.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use chrono::{DateTime, Utc};
use kosh_shared::api::Op;
use kosh_shared::draft::Cell;
use kosh_shared::ids::{DraftId, OpId, UserId};
use sqlx::postgres::PgPool;
use sqlx::types::Json;
use sqlx::{Postgres as Pg, Row, Transaction};
use tokio::sync::{Notify, Semaphore, mpsc, oneshot, watch};

use super::{PUSHES, db, entry_from, header_from, page_of, seq_from_db, seq_to_db, version_to_db};
use crate::store::push::{self, DraftHeader};
use crate::store::{IncomingOp, LogEntry, PushRefusal, StoreError, StoreResult, Synced};

/// The most pushes one transaction takes. Bounded so that one transaction's statements stay
/// small and its locks short.
const MAX_BATCH: usize = 64;

/// Transactions of pushes running at once in this process. One: a second batch in flight
/// splits the queue into smaller batches, and that costs more than overlapping them gains.
/// Measured at 16 devices (`kosh-bench`, 2 cores): 1 546–2 197 syncs/s with one batch at a
/// time, 1 011–1 202 with two, 985–1 133 with four. Commits that `NOTIFY` take turns (a lock on
/// the database), but that is not the reason: with the notices sent after the commit, two in
/// flight still lost, 2 291–2 486 against 2 792–3 407 (BENCHMARKS.md, 2026-12-05).
const IN_FLIGHT: usize = 1;

/// How many times a batch is tried when the database refuses it for a conflict another
/// transaction caused (a unique key taken meanwhile, a deadlock): the retry sees the winner.
const ATTEMPTS: usize = 4;

/// What a sync answers.
type Answer = StoreResult<Result<Synced, PushRefusal>>;

/// One `sync` with ops, as the dispatcher takes it.
#[derive(Debug)]
struct Request {
    user: UserId,
    ops: Vec<IncomingOp>,
    now: DateTime<Utc>,
    cursor: u64,
    limit: usize,
    device: String,
}

/// A request and where its answer goes.
type Job = (Request, oneshot::Sender<Answer>);

/// The queue of pushes waiting for a transaction.
#[derive(Debug)]
pub(super) struct Pushes {
    queue: mpsc::UnboundedSender<Job>,
}

impl Pushes {
    /// Starts the dispatcher on the current runtime; it stops when `closed` turns true.
    pub(super) fn start(
        pool: PgPool,
        commits: Arc<AtomicU64>,
        closed: watch::Receiver<bool>,
    ) -> Pushes {
        let (queue, waiting) = mpsc::unbounded_channel();
        tokio::spawn(dispatch(pool, commits, waiting, closed));
        Pushes { queue }
    }

    /// Pushes `ops` (not empty) and reads the caller's page of changes after `cursor`, in the
    /// next transaction of pushes; answers once it is committed.
    pub(super) async fn sync(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> Answer {
        let request = Request {
            user: user.clone(),
            ops: ops.to_vec(),
            now,
            cursor,
            limit,
            device: device.to_owned(),
        };
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((request, reply))
            .map_err(|_| closed_store())?;
        answer.await.map_err(|_| closed_store())?
    }
}

fn closed_store() -> StoreError {
    StoreError::Backend("the PostgreSQL store is closed".into())
}

/// Takes the pushes waiting into batches, one batch for each free slot of [`IN_FLIGHT`].
///
/// A user with a push in a running batch is busy: their next push waits for that batch to end
/// rather than join another, which would only wait on the row lock of their log and hold up
/// every other push of its batch meanwhile.
async fn dispatch(
    pool: PgPool,
    commits: Arc<AtomicU64>,
    mut queue: mpsc::UnboundedReceiver<Job>,
    mut closed: watch::Receiver<bool>,
) {
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let busy: Arc<Mutex<HashSet<UserId>>> = Arc::default();
    // Told each time a batch ends: its users' waiting pushes may go now.
    let ended = Arc::new(Notify::new());
    // Pushes that could not join a batch yet, in their order.
    let mut carried: VecDeque<Job> = VecDeque::new();
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let batch = loop {
            let batch = {
                let busy = busy.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                gather(&mut carried, || queue.try_recv().ok(), &busy)
            };
            if !batch.is_empty() {
                break batch;
            }
            tokio::select! {
                _ = closed.wait_for(|closed| *closed) => return,
                _ = ended.notified() => {}
                job = queue.recv() => match job {
                    Some(job) => carried.push_back(job),
                    None => return,
                },
            }
        };
        let users: Vec<UserId> = batch.iter().map(|(r, _)| r.user.clone()).collect();
        busy.lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .extend(users.iter().cloned());
        let (pool, commits, busy, ended) =
            (pool.clone(), commits.clone(), busy.clone(), ended.clone());
        tokio::spawn(async move {
            run(&pool, &commits, batch).await;
            let mut busy = busy.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            for user in &users {
                busy.remove(user);
            }
            drop(busy);
            drop(slot);
            ended.notify_one();
        });
    }
}

/// A batch of the carried pushes, then of what `next` hands out, up to [`MAX_BATCH`]: no push
/// of a `busy` user, and each user and each draft in one push of the batch at most (two pushes
/// of one user must see each other's ops, and two users naming one new draft must not both
/// create it). A push that does not fit is carried to a later batch, in its order.
fn gather(
    carried: &mut VecDeque<Job>,
    mut next: impl FnMut() -> Option<Job>,
    busy: &HashSet<UserId>,
) -> Vec<Job> {
    let mut users = HashSet::new();
    let mut drafts = HashSet::new();
    let mut fits = |request: &Request| {
        let named = push::drafts_named(&request.ops);
        if busy.contains(&request.user)
            || users.contains(&request.user)
            || named.iter().any(|d| drafts.contains(*d))
        {
            return false;
        }
        users.insert(request.user.clone());
        drafts.extend(named.into_iter().cloned());
        true
    };
    let mut batch = Vec::new();
    let earlier = std::mem::take(carried);
    for job in earlier {
        if batch.len() < MAX_BATCH && fits(&job.0) {
            batch.push(job);
        } else {
            carried.push_back(job);
        }
    }
    while batch.len() < MAX_BATCH {
        let Some(job) = next() else { break };
        if fits(&job.0) {
            batch.push(job);
        } else {
            carried.push_back(job);
        }
    }
    batch
}

/// Why a batch did not commit.
#[derive(Debug)]
enum Failure {
    Db(sqlx::Error),
    Store(StoreError),
    /// A draft the batch would create or update belongs to another user or form by now (it
    /// was made between the read and the write).
    DraftTaken(DraftId),
}

impl From<sqlx::Error> for Failure {
    fn from(err: sqlx::Error) -> Failure {
        Failure::Db(err)
    }
}

impl From<StoreError> for Failure {
    fn from(err: StoreError) -> Failure {
        Failure::Store(err)
    }
}

/// Whether a failed write lost a race another transaction won and may be tried again: a unique
/// key taken meanwhile, a serialization failure or a deadlock.
fn lost_a_race(err: &sqlx::Error) -> bool {
    let code = match err {
        sqlx::Error::Database(e) => e.code(),
        _ => None,
    };
    matches!(code.as_deref(), Some("23505" | "40001" | "40P01"))
}

/// How a batch takes the locks of its users' logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Locking {
    /// Leaves out the pushes of users whose log another transaction holds (another process's
    /// batch), so the rest of the batch does not wait for it.
    SkipLocked,
    /// Waits for every lock.
    Wait,
}

/// Runs a batch and answers each of its pushes: first without waiting for logs another
/// process holds, then the pushes left out, waiting (by then that process has usually
/// committed).
async fn run(pool: &PgPool, commits: &AtomicU64, batch: Vec<Job>) {
    let later = answer(pool, commits, batch, Locking::SkipLocked).await;
    if !later.is_empty() {
        let left = answer(pool, commits, later, Locking::Wait).await;
        for (_, reply) in left {
            let _ = reply.send(Err(StoreError::Backend(
                "a push was left out of its batch twice".into(),
            )));
        }
    }
}

/// Answers the pushes of one batch; those left out (their log locked elsewhere) are handed
/// back.
async fn answer(pool: &PgPool, commits: &AtomicU64, batch: Vec<Job>, locking: Locking) -> Vec<Job> {
    let (requests, replies): (Vec<Request>, Vec<oneshot::Sender<Answer>>) =
        batch.into_iter().unzip();
    let mut later = Vec::new();
    match attempt(pool, commits, &requests, locking).await {
        Ok(answers) => {
            for ((request, reply), answer) in requests.into_iter().zip(replies).zip(answers) {
                match answer {
                    // A caller that gave up (its connection closed) is not waiting.
                    Some(answer) => {
                        let _ = reply.send(answer);
                    }
                    None => later.push((request, reply)),
                }
            }
        }
        Err(failure) if requests.len() > 1 => {
            tracing::debug!(
                ?failure,
                pushes = requests.len(),
                "a batch of pushes failed; each alone"
            );
            for (request, reply) in requests.iter().zip(replies) {
                let answer = alone(pool, commits, request).await;
                let _ = reply.send(answer);
            }
        }
        Err(failure) => {
            if let Some(reply) = replies.into_iter().next() {
                let _ = reply.send(Err(failure_to_error(failure)));
            }
        }
    }
    later
}

/// One push in a transaction of its own: its answer, or why it failed.
async fn alone(pool: &PgPool, commits: &AtomicU64, request: &Request) -> Answer {
    match attempt(pool, commits, std::slice::from_ref(request), Locking::Wait).await {
        Ok(mut answers) => answers
            .pop()
            .flatten()
            .unwrap_or_else(|| Err(StoreError::Backend("a push went unanswered".into()))),
        // Alone, a draft taken meanwhile is this push's refusal, as if it had been read.
        Err(Failure::DraftTaken(draft)) => Ok(Err(PushRefusal::NotOwner(draft))),
        Err(failure) => Err(failure_to_error(failure)),
    }
}

fn failure_to_error(failure: Failure) -> StoreError {
    match failure {
        Failure::Db(err) => db(err),
        Failure::Store(err) => err,
        Failure::DraftTaken(draft) => {
            StoreError::Backend(format!("draft {draft} was taken during a push"))
        }
    }
}

/// A batch, tried again while it loses races.
async fn attempt(
    pool: &PgPool,
    commits: &AtomicU64,
    requests: &[Request],
    locking: Locking,
) -> Result<Vec<Option<Answer>>, Failure> {
    let mut tries = 0;
    loop {
        tries += 1;
        match try_batch(pool, requests, locking).await {
            Ok((answers, wrote)) => {
                if wrote {
                    commits.fetch_add(1, Ordering::Relaxed);
                }
                return Ok(answers);
            }
            Err(Failure::Db(err)) if lost_a_race(&err) && tries < ATTEMPTS => {
                tracing::debug!(%err, tries, "a batch of pushes lost a race; trying again");
            }
            Err(failure) => return Err(failure),
        }
    }
}

/// What the batch read under its locks.
#[derive(Debug, Default)]
struct Read {
    /// Each log's head, as locked.
    heads: HashMap<UserId, i64>,
    /// Users whose log another transaction holds ([`Locking::SkipLocked`]): their pushes
    /// wait for a later transaction.
    skipped: HashSet<UserId>,
    /// Each push's page of the log after its cursor, as the read found it (`limit` + 1
    /// entries at most), by its place in the batch.
    pulled: HashMap<usize, Vec<LogEntry>>,
    headers: HashMap<DraftId, DraftHeader>,
    seen: HashMap<UserId, HashSet<OpId>>,
    cells: HashMap<(DraftId, String), Cell>,
}

/// Every row the batch writes, a column each, as the `UNNEST`s of [`WRITE`] take them.
#[derive(Debug, Default)]
struct Writes<'a> {
    draft_ids: Vec<&'a str>,
    owners: Vec<&'a str>,
    form_ids: Vec<&'a str>,
    versions: Vec<i32>,
    updated: Vec<DateTime<Utc>>,
    cell_drafts: Vec<&'a str>,
    cell_fields: Vec<String>,
    cells: Vec<Json<Cell>>,
    log_users: Vec<&'a str>,
    log_seqs: Vec<i64>,
    log_op_ids: Vec<&'a str>,
    log_devices: Vec<&'a str>,
    log_clamped: Vec<bool>,
    log_ops: Vec<Json<&'a Op>>,
    head_users: Vec<&'a str>,
    heads: Vec<i64>,
    head_devices: Vec<&'a str>,
}

/// What the rules made of one push of the batch.
#[derive(Debug)]
enum Planned {
    /// Its user's log was locked elsewhere: left for a later transaction.
    Skipped,
    Refused(PushRefusal),
    Failed(StoreError),
    /// Its fresh ops are in the batch's writes: the last one's number (if any), and those of
    /// them its own device is handed back (clamped ones), which come after what was read.
    Pulls(Option<u64>, Vec<LogEntry>),
}

/// Makes the logs of users pushing for the first time (their row is made once, then locked
/// like the others).
static READ_WAITING: LazyLock<String> = LazyLock::new(|| READ.replace("{skip}", ""));
static READ_SKIPPING: LazyLock<String> = LazyLock::new(|| READ.replace("{skip}", "SKIP LOCKED"));

const NEW_LOGS: &str = "INSERT INTO logs (user_id, head) SELECT u, 0 FROM UNNEST($1::text[]) AS u
     ON CONFLICT DO NOTHING";

/// The batch's one read, told apart by `kind`:
/// 0. every user's log, locked in user order (so two batches never wait for each other in a
///    circle): `head` as locked, `seq` the head in this statement's snapshot;
/// 1. the drafts the pushes name;
/// 2. which of their op ids each user's log has seen (`id` the user, `field` the op id);
/// 3. the registers their ops touch;
/// 4. each push's page of the log after its cursor (`i` its place, from 1), as
///    `changes_since` reads one.
///
/// `{skip}` is `SKIP LOCKED` or nothing ([`Locking`]): a user's row has a null `head` when
/// their log is new (also a null `seq`) or locked elsewhere.
///
/// The snapshot is taken when the statement starts, before the locks: if another transaction
/// moved a log meanwhile (another process's push), the locked head differs from the
/// snapshot's, and the statement is run again, now holding the locks. A user's log, seen op
/// ids, registers and page change only under the lock of their log, so equal heads mean the
/// read is current.
///
/// Seen op ids and registers are looked up one key at a time (`LATERAL … LIMIT 1`, which the
/// planner cannot turn into a join). A connection keeps the plan it made at the statement's
/// sixth run, from the tables' sizes then; as a join, that plan was a hash join over the whole
/// op log, chosen while the log was small and kept as it grew (measured: 3.5 ms a read after
/// 10 s of load at 16 devices, against 0.5 ms with the lookups).
const READ: &str = "
    WITH locked AS (
        SELECT l.user_id, l.head FROM logs l WHERE l.user_id = ANY($1)
         ORDER BY l.user_id FOR UPDATE {skip}
    )
    SELECT 0 AS kind, w.user_id AS id, l.head,
           (SELECT s.head FROM logs s WHERE s.user_id = w.user_id) AS seq,
           NULL::text AS owner, NULL::text AS form_id, NULL::integer AS form_version,
           NULL::timestamptz AS updated_at, NULL::text AS field, NULL::jsonb AS cell,
           NULL::jsonb AS op, NULL::text AS device, NULL::boolean AS clamped, NULL::bigint AS i
      FROM UNNEST($1::text[]) AS w (user_id) LEFT JOIN locked l ON l.user_id = w.user_id
    UNION ALL
    SELECT 1, d.id, NULL, NULL, d.owner, d.form_id, d.form_version, d.updated_at,
           NULL, NULL, NULL, NULL, NULL, NULL
      FROM drafts d WHERE d.id = ANY($2)
    UNION ALL
    SELECT 2, t.user_id, NULL, NULL, NULL, NULL, NULL, NULL, t.op_id, NULL, NULL, NULL, NULL, NULL
      FROM UNNEST($3::text[], $4::text[]) AS t (user_id, op_id)
     CROSS JOIN LATERAL (
         SELECT 1 FROM oplog o WHERE o.user_id = t.user_id AND o.op_id = t.op_id LIMIT 1) o
    UNION ALL
    SELECT 3, t.draft_id, NULL, NULL, NULL, NULL, NULL, NULL, t.field, c.cell,
           NULL, NULL, NULL, NULL
      FROM UNNEST($5::text[], $6::text[]) AS t (draft_id, field)
     CROSS JOIN LATERAL (
         SELECT c.cell FROM cells c WHERE c.draft_id = t.draft_id AND c.field = t.field LIMIT 1) c
    UNION ALL
    SELECT 4, NULL, NULL, p.seq, NULL, NULL, NULL, NULL, NULL, NULL,
           p.op, p.device, p.clamped, t.i
      FROM UNNEST($1::text[], $7::bigint[], $8::text[], $9::bigint[])
             WITH ORDINALITY AS t (user_id, cursor, device, lim, i)
     CROSS JOIN LATERAL (
         SELECT o.seq, o.op, o.device, o.clamped FROM oplog o
          WHERE o.user_id = t.user_id AND o.seq > t.cursor AND (o.device <> t.device OR o.clamped)
          ORDER BY o.seq LIMIT t.lim) p";

/// Every draft, register, log entry and head of the batch, and a notice for each user pushed
/// to (delivered to every listening process when, and only if, the transaction commits). A
/// draft another user made since the read is not updated (the WHERE) and is missing from
/// `kept`: then the batch is rolled back.
///
/// Every write finds its row by its key (`ON CONFLICT`), never by a join the planner might
/// make a scan of the table: each log's row exists by now (the read made and locked it), so
/// moving its head is an upsert that always updates.
const WRITE: &str = "
    WITH kept AS (
        INSERT INTO drafts (id, owner, form_id, form_version, updated_at)
        SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::integer[], $5::timestamptz[])
        ON CONFLICT (id) DO UPDATE
          SET form_version = EXCLUDED.form_version, updated_at = EXCLUDED.updated_at
          WHERE drafts.owner = EXCLUDED.owner AND drafts.form_id = EXCLUDED.form_id
        RETURNING id
    ), registers AS (
        INSERT INTO cells (draft_id, field, cell)
        SELECT * FROM UNNEST($6::text[], $7::text[], $8::jsonb[])
        ON CONFLICT (draft_id, field) DO UPDATE SET cell = EXCLUDED.cell
    ), logged AS (
        INSERT INTO oplog (user_id, seq, op_id, device, clamped, op)
        SELECT * FROM UNNEST($9::text[], $10::bigint[], $11::text[], $12::text[],
                             $13::boolean[], $14::jsonb[])
    ), moved AS (
        INSERT INTO logs (user_id, head)
        SELECT * FROM UNNEST($15::text[], $16::bigint[])
        ON CONFLICT (user_id) DO UPDATE SET head = EXCLUDED.head
    )
    SELECT ARRAY(SELECT id FROM kept) AS kept,
           (SELECT count(pg_notify($17, json_build_object(
                       'user', t.user_id, 'seq', t.head, 'device', t.device)::text))
              FROM UNNEST($15::text[], $16::bigint[], $18::text[]) AS t (user_id, head, device)
           ) AS notified";

/// One try at a batch, in one transaction: each push's answer, and whether anything was
/// written.
async fn try_batch(
    pool: &PgPool,
    requests: &[Request],
    locking: Locking,
) -> Result<(Vec<Option<Answer>>, bool), Failure> {
    let mut tx = pool.begin().await?;
    let mut read = read(&mut tx, requests, locking).await?;
    let mut writes = Writes::default();
    let mut cells = std::mem::take(&mut read.cells);
    let planned: Vec<Planned> = requests
        .iter()
        .map(|request| plan(request, &read, &mut cells, &mut writes))
        .collect();
    let wrote = !writes.log_seqs.is_empty();
    if wrote {
        write(&mut tx, &writes).await?;
    }
    tx.commit().await?;
    let answers = requests
        .iter()
        .zip(planned)
        .enumerate()
        .map(|(i, (request, planned))| match planned {
            Planned::Skipped => None,
            Planned::Refused(refusal) => Some(Ok(Err(refusal))),
            Planned::Failed(err) => Some(Err(err)),
            Planned::Pulls(logged_up_to, handed) => {
                let head = match logged_up_to.map_or_else(|| head_of(&read, &request.user), Ok) {
                    Ok(head) => head,
                    Err(err) => return Some(Err(err)),
                };
                let mut entries = read.pulled.remove(&i).unwrap_or_default();
                entries.extend(handed);
                let page = page_of(head, entries, request.cursor, request.limit);
                Some(Ok(Ok(Synced { logged_up_to, page })))
            }
        })
        .collect();
    Ok((answers, wrote))
}

/// A user's log head as locked.
fn head_of(read: &Read, user: &UserId) -> StoreResult<u64> {
    match read.heads.get(user) {
        Some(&head) => seq_from_db(head),
        None => Err(StoreError::Corrupt(format!(
            "the log of {user} was not locked"
        ))),
    }
}

/// Locks the logs and reads what the rules and the pages need ([`READ`]), until the read is
/// current.
async fn read(
    tx: &mut Transaction<'static, Pg>,
    requests: &[Request],
    locking: Locking,
) -> Result<Read, Failure> {
    let statement: &'static str = match locking {
        Locking::SkipLocked => &READ_SKIPPING,
        Locking::Wait => &READ_WAITING,
    };
    let users: Vec<&str> = requests.iter().map(|r| r.user.as_str()).collect();
    let mut named: Vec<&str> = Vec::new();
    let (mut seen_users, mut seen_ids) = (Vec::new(), Vec::new());
    let (mut cell_drafts, mut cell_fields) = (Vec::new(), Vec::new());
    let (mut cursors, mut devices, mut limits) = (Vec::new(), Vec::new(), Vec::new());
    for request in requests {
        named.extend(push::drafts_named(&request.ops).iter().map(|d| d.as_str()));
        for incoming in &request.ops {
            seen_users.push(request.user.as_str());
            seen_ids.push(incoming.op.op_id.as_str());
            cell_drafts.push(incoming.op.draft_id.as_str());
            cell_fields.push(incoming.op.field.as_str());
        }
        cursors.push(seq_to_db(request.cursor.min(i64::MAX as u64))?);
        devices.push(request.device.as_str());
        // One more than the page, to tell whether more remain.
        limits.push(
            i64::try_from(request.limit)
                .unwrap_or(i64::MAX)
                .saturating_add(1),
        );
    }
    loop {
        let rows = sqlx::query(statement)
            .bind(&users)
            .bind(&named)
            .bind(&seen_users)
            .bind(&seen_ids)
            .bind(&cell_drafts)
            .bind(&cell_fields)
            .bind(&cursors)
            .bind(&devices)
            .bind(&limits)
            .fetch_all(&mut **tx)
            .await?;
        let mut out = Read::default();
        let mut current = true;
        for row in &rows {
            match row.try_get::<i32, _>("kind")? {
                0 => {
                    let user = UserId(row.try_get("id")?);
                    let read_head: Option<i64> = row.try_get("seq")?;
                    match (row.try_get::<Option<i64>, _>("head")?, read_head) {
                        (Some(head), _) => {
                            current &= read_head == Some(head);
                            out.heads.insert(user, head);
                        }
                        // There, but not locked: another transaction holds it.
                        (None, Some(_)) if locking == Locking::SkipLocked => {
                            out.skipped.insert(user);
                        }
                        // New (or made by another transaction since the snapshot).
                        (None, _) => {}
                    }
                }
                1 => {
                    let (id, header) = header_from(row)?;
                    out.headers.insert(id, header);
                }
                2 => {
                    out.seen
                        .entry(UserId(row.try_get("id")?))
                        .or_default()
                        .insert(OpId(row.try_get("field")?));
                }
                3 => {
                    let Json(cell): Json<Cell> = row.try_get("cell")?;
                    out.cells
                        .insert((DraftId(row.try_get("id")?), row.try_get("field")?), cell);
                }
                _ => {
                    let i: i64 = row.try_get("i")?;
                    let place = usize::try_from(i - 1)
                        .map_err(|_| StoreError::Corrupt(format!("a page for push {i}")))?;
                    if let Some(entry) = entry_from(row)? {
                        out.pulled.entry(place).or_default().push(entry);
                    }
                }
            }
        }
        let mut missing: Vec<&str> = users
            .iter()
            .copied()
            .filter(|u| {
                let user = UserId((*u).to_owned());
                !out.heads.contains_key(&user) && !out.skipped.contains(&user)
            })
            .collect();
        if missing.is_empty() && current {
            return Ok(out);
        }
        if !missing.is_empty() {
            missing.sort_unstable();
            sqlx::query(NEW_LOGS)
                .bind(&missing)
                .execute(&mut **tx)
                .await?;
        }
        // Read again: with the locks held now, and the new logs locked too.
    }
}

/// Applies the rules of a push to what was read, adding its rows to `writes`. `cells` gives up
/// the registers the push merges (no other push of the batch names its drafts).
fn plan<'a>(
    request: &'a Request,
    read: &Read,
    cells: &mut HashMap<(DraftId, String), Cell>,
    writes: &mut Writes<'a>,
) -> Planned {
    let Read {
        headers,
        seen,
        skipped,
        ..
    } = read;
    if skipped.contains(&request.user) {
        return Planned::Skipped;
    }
    let own: BTreeMap<DraftId, DraftHeader> = push::drafts_named(&request.ops)
        .into_iter()
        .filter_map(|d| headers.get(d).map(|h| (d.clone(), h.clone())))
        .collect();
    if let Err(refusal) = push::check(&request.user, &request.ops, &own) {
        return Planned::Refused(refusal);
    }
    let head = match head_of(read, &request.user) {
        Ok(head) => head,
        Err(err) => return Planned::Failed(err),
    };
    let none = HashSet::new();
    let fresh = push::fresh(&request.ops, head, seen.get(&request.user).unwrap_or(&none));
    let Some(&(last, _)) = fresh.last() else {
        return Planned::Pulls(None, Vec::new());
    };
    // The push's rows are added only once all of them are made, so a failure adds none.
    let mut mine = Writes::default();
    if let Err(err) = plan_rows(request, &fresh, last, &own, cells, &mut mine) {
        return Planned::Failed(err);
    }
    writes.extend(mine);
    let handed = push::log_entries(&fresh)
        .into_iter()
        .filter(|entry| push::hands_out(entry, &request.device))
        .collect();
    Planned::Pulls(Some(last), handed)
}

/// The rows of a push's fresh ops: its drafts merged, its log entries and its new head.
fn plan_rows<'a>(
    request: &'a Request,
    fresh: &[(u64, &'a IncomingOp)],
    last: u64,
    own: &BTreeMap<DraftId, DraftHeader>,
    cells: &mut HashMap<(DraftId, String), Cell>,
    rows: &mut Writes<'a>,
) -> StoreResult<()> {
    for (&draft_id, new_ops) in &push::by_draft(fresh) {
        let touched: BTreeMap<String, Cell> = push::fields(new_ops)
            .into_iter()
            .filter_map(|f| {
                let key = (draft_id.clone(), f.to_owned());
                cells.remove(&key).map(|cell| (key.1, cell))
            })
            .collect();
        let merged = push::merge(
            &request.user,
            draft_id,
            own.get(draft_id),
            new_ops,
            touched,
            request.now,
        )?;
        rows.draft_ids.push(draft_id.as_str());
        rows.owners.push(request.user.as_str());
        // The form of the first op: `check` made every op of a draft name the same one.
        rows.form_ids.push(new_ops[0].op.form_id.as_str());
        rows.versions
            .push(version_to_db(merged.header.form_version)?);
        rows.updated.push(request.now);
        for (field, cell) in merged.cells {
            rows.cell_drafts.push(draft_id.as_str());
            rows.cell_fields.push(field);
            rows.cells.push(Json(cell));
        }
    }
    for &(seq, incoming) in fresh {
        rows.log_users.push(request.user.as_str());
        rows.log_seqs.push(seq_to_db(seq)?);
        rows.log_op_ids.push(incoming.op.op_id.as_str());
        rows.log_devices.push(incoming.device.as_str());
        rows.log_clamped.push(incoming.clamped);
        rows.log_ops.push(Json(&incoming.op));
    }
    rows.head_users.push(request.user.as_str());
    rows.heads.push(seq_to_db(last)?);
    rows.head_devices
        .push(request.ops.last().map_or("", |o| o.device.as_str()));
    Ok(())
}

impl<'a> Writes<'a> {
    fn extend(&mut self, other: Writes<'a>) {
        self.draft_ids.extend(other.draft_ids);
        self.owners.extend(other.owners);
        self.form_ids.extend(other.form_ids);
        self.versions.extend(other.versions);
        self.updated.extend(other.updated);
        self.cell_drafts.extend(other.cell_drafts);
        self.cell_fields.extend(other.cell_fields);
        self.cells.extend(other.cells);
        self.log_users.extend(other.log_users);
        self.log_seqs.extend(other.log_seqs);
        self.log_op_ids.extend(other.log_op_ids);
        self.log_devices.extend(other.log_devices);
        self.log_clamped.extend(other.log_clamped);
        self.log_ops.extend(other.log_ops);
        self.head_users.extend(other.head_users);
        self.heads.extend(other.heads);
        self.head_devices.extend(other.head_devices);
    }
}

/// Writes the batch's rows; [`Failure::DraftTaken`] if a draft was not kept.
async fn write(tx: &mut Transaction<'static, Pg>, w: &Writes<'_>) -> Result<(), Failure> {
    let row = sqlx::query(WRITE)
        .bind(&w.draft_ids)
        .bind(&w.owners)
        .bind(&w.form_ids)
        .bind(&w.versions)
        .bind(&w.updated)
        .bind(&w.cell_drafts)
        .bind(&w.cell_fields)
        .bind(&w.cells)
        .bind(&w.log_users)
        .bind(&w.log_seqs)
        .bind(&w.log_op_ids)
        .bind(&w.log_devices)
        .bind(&w.log_clamped)
        .bind(&w.log_ops)
        .bind(&w.head_users)
        .bind(&w.heads)
        .bind(PUSHES)
        .bind(&w.head_devices)
        .fetch_one(&mut **tx)
        .await?;
    let kept: HashSet<String> = row.try_get::<Vec<String>, _>("kept")?.into_iter().collect();
    match w.draft_ids.iter().find(|id| !kept.contains(**id)) {
        Some(taken) => Err(Failure::DraftTaken(DraftId((*taken).to_owned()))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::hlc::Hlc;

    fn job(user: &str, draft: &str) -> Job {
        let op = IncomingOp {
            op: Op {
                op_id: format!("{user}-{draft}").into(),
                draft_id: draft.into(),
                form_id: "f".into(),
                field: "a".into(),
                value: serde_json::json!(1),
                hlc: Hlc::new(1, 0, "p").unwrap(),
                form_version: None,
            },
            device: "p".into(),
            clamped: false,
            form_version: 1,
        };
        let request = Request {
            user: user.into(),
            ops: vec![op],
            now: Utc::now(),
            cursor: 0,
            limit: 10,
            device: "p".into(),
        };
        (request, oneshot::channel().0)
    }

    fn who(batch: &[Job]) -> Vec<String> {
        batch
            .iter()
            .map(|(r, _)| r.user.as_str().to_owned())
            .collect()
    }

    #[test]
    fn a_batch_takes_each_user_and_each_draft_once_and_carries_the_rest_in_order() {
        let mut queue: VecDeque<Job> = [
            job("ann", "d1"),
            job("bob", "d2"),
            job("ann", "d3"),
            job("cat", "d1"),
            job("dan", "d4"),
            job("eve", "d6"),
        ]
        .into();
        let mut carried = VecDeque::new();
        let busy: HashSet<UserId> = ["eve".into()].into();
        let batch = gather(&mut carried, || queue.pop_front(), &busy);
        assert_eq!(who(&batch), ["ann", "bob", "dan"]);
        assert_eq!(
            who(carried.make_contiguous()),
            ["ann", "cat", "eve"],
            "ann's second push, cat's push of ann's draft and busy eve's push wait, in order"
        );
        queue.push_back(job("fay", "d5"));
        let batch = gather(&mut carried, || queue.pop_front(), &HashSet::new());
        assert_eq!(
            who(&batch),
            ["ann", "cat", "eve", "fay"],
            "carried pushes go first"
        );
        assert!(carried.is_empty());
        assert!(gather(&mut carried, || None, &HashSet::new()).is_empty());
    }

    /// The plans a connection keeps for the read and the write (generic ones, made from the
    /// tables' sizes at the time: here empty) find rows by their keys, whatever the tables'
    /// size, rather than reading tables whole.
    #[tokio::test]
    async fn the_kept_plans_of_the_read_and_the_write_look_rows_up_by_their_keys() {
        let admin = std::env::var("KOSH_TEST_DATABASE_URL")
            .expect("KOSH_TEST_DATABASE_URL: `./kosh test` starts a PostgreSQL and sets it");
        let url = super::super::scratch_database(&admin)
            .await
            .expect("a scratch database");
        let store = super::super::Postgres::connect(&url)
            .await
            .expect("migrate");
        let mut conn = store.pool.acquire().await.expect("a connection");
        sqlx::query("SET plan_cache_mode = force_generic_plan")
            .execute(&mut *conn)
            .await
            .expect("set");
        for (name, statement) in [("waiting", &*READ_WAITING), ("skipping", &*READ_SKIPPING)] {
            let prepare = format!(
                "PREPARE {name} (text[], text[], text[], text[], text[], text[], bigint[], \
                 text[], bigint[]) AS {statement}"
            );
            sqlx::raw_sql(&prepare)
                .execute(&mut *conn)
                .await
                .expect("prepare");
            let explain = format!(
                "EXPLAIN EXECUTE {name} ('{{u}}', '{{d}}', '{{u}}', '{{o}}', '{{d}}', '{{f}}', \
                 '{{0}}', '{{p}}', '{{11}}')"
            );
            let plan: Vec<String> = sqlx::query_scalar(&explain)
                .fetch_all(&mut *conn)
                .await
                .expect("explain");
            let plan = plan.join("\n");
            for table in ["oplog", "cells"] {
                assert!(
                    !plan.contains(&format!("Seq Scan on {table}")),
                    "the read ({name}) scans {table} whole:\n{plan}"
                );
            }
        }
        sqlx::raw_sql(&format!(
            "PREPARE w (text[], text[], text[], integer[], timestamptz[], text[], text[], \
             jsonb[], text[], bigint[], text[], text[], boolean[], jsonb[], text[], bigint[], \
             text, text[]) AS {WRITE}"
        ))
        .execute(&mut *conn)
        .await
        .expect("prepare the write");
        let plan: Vec<String> = sqlx::query_scalar(
            "EXPLAIN EXECUTE w ('{d}', '{u}', '{f}', '{1}', '{2026-01-01}', '{d}', '{f}', \
             ARRAY['{}'::jsonb], '{u}', '{1}', '{o}', '{p}', '{f}', ARRAY['{}'::jsonb], '{u}', \
             '{1}', 'c', '{p}')",
        )
        .fetch_all(&mut *conn)
        .await
        .expect("explain the write");
        let plan = plan.join("\n");
        assert!(
            !plan.contains("Seq Scan"),
            "the write scans a table:\n{plan}"
        );
    }

    #[test]
    fn a_batch_stops_at_its_size() {
        let mut n = 0;
        let mut carried = VecDeque::new();
        let batch = gather(
            &mut carried,
            || {
                n += 1;
                Some(job(&format!("u{n}"), &format!("d{n}")))
            },
            &HashSet::new(),
        );
        assert_eq!(batch.len(), MAX_BATCH);
        assert_eq!(n, MAX_BATCH, "nothing more is taken from the queue");
    }
}
