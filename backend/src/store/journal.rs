//! The sync journal: what makes an acknowledged push durable without asking sled to flush.
//!
//! sled 0.34 writes its IO buffer out (a `pwrite` and a `sync_file_range` on its thread pool)
//! at every transaction or batch, twice, and its `flush` hands off to those threads again; at
//! a few thousand pushes a second that, not the pushes, was where the server's time went. So a
//! push is written to sled with plain inserts (it stays in sled's page cache and reaches disk
//! with sled's own background flush), and is made durable here instead: one framed record per
//! push, appended to a file, and one `write` plus one `fdatasync` per group commit however many
//! pushes it covers.
//!
//! On open, the records of every journal file are handed back to be replayed, in order, before
//! anything else happens. Replaying a push is idempotent (ops already seen are skipped), so it
//! does not matter how much of the journal sled had already persisted. The journal is cut
//! (a new file started, the old one deleted once sled has flushed) when it grows past
//! [`CHECKPOINT_BYTES`], and on a clean stop.
//!
//! A record is `[payload length: u32 LE][crc32 of payload: u32 LE][payload]`. Reading stops at
//! the first record that is short or fails its checksum: the tail of a write a crash cut off,
//! never acknowledged, because the acknowledgement waits for the `fdatasync` after the write.
//! Such a tail is kept aside in a `.torn-<time>` file rather than deleted.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use kosh_shared::ids::UserId;
use serde::{Deserialize, Serialize};

use super::{IncomingOp, StoreError, StoreResult};

/// Past this many bytes in the current file, the next flush starts a new one and the old one is
/// deleted once sled has flushed: it bounds both the disk the journal takes and the replay.
pub const CHECKPOINT_BYTES: u64 = 64 * 1024 * 1024;

/// A record larger than this is corruption, not a push (a push is at most 500 ops of at most
/// the 1 MiB request body).
const MAX_RECORD: usize = 16 * 1024 * 1024;

const PREFIX: &str = "journal-";
const SUFFIX: &str = ".log";

/// One push as journaled: enough to apply it again exactly as it was applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalPush {
    pub user: UserId,
    /// The server's time of the push (the drafts' `updated_at`).
    pub now: DateTime<Utc>,
    /// The ops with their clamped stamps, as the store received them.
    pub ops: Vec<IncomingOp>,
}

/// Records appended but not yet written. Whoever holds this lock may apply a push to sled:
/// the store holds it from appending a push's record until the push is applied, so the order
/// of records is the order pushes were applied in.
#[derive(Debug, Default)]
pub struct Pending {
    bytes: Vec<u8>,
}

impl Pending {
    /// Appends one push's record.
    pub fn append(&mut self, push: &JournalPush) -> StoreResult<()> {
        let payload = serde_json::to_vec(push)
            .map_err(|e| StoreError::Backend(format!("encoding a journal record: {e}")))?;
        let len = u32::try_from(payload.len())
            .ok()
            .filter(|&len| len as usize <= MAX_RECORD)
            .ok_or_else(|| StoreError::Backend("a push too large to journal".into()))?;
        self.bytes.extend_from_slice(&len.to_le_bytes());
        self.bytes
            .extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        self.bytes.extend_from_slice(&payload);
        Ok(())
    }
}

/// The file records are written to.
#[derive(Debug)]
struct Current {
    file: File,
    generation: u64,
    /// Bytes in the file, all of them synced.
    len: u64,
}

impl Current {
    /// Appends and syncs. On failure the file is cut back to where it was, so that a later
    /// record never lands behind a torn one, where recovery would not reach it.
    fn append(&mut self, bytes: &[u8]) -> StoreResult<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        let written = self
            .file
            .write_all(bytes)
            .and_then(|()| self.file.sync_data());
        if let Err(err) = written {
            let _ = self.file.set_len(self.len);
            return Err(io_error(file_name(self.generation), err));
        }
        self.len += bytes.len() as u64;
        Ok(())
    }
}

/// The journal of a data directory.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    pending: Mutex<Pending>,
    /// Held while writing and syncing, so that records reach the file in order.
    current: Mutex<Current>,
}

/// What [`Journal::recover`] found: the pushes to replay and the files they came from.
#[derive(Debug, Default)]
pub struct Recovered {
    pub pushes: Vec<JournalPush>,
    files: Vec<PathBuf>,
    next_generation: u64,
}

fn io_error(what: impl std::fmt::Display, err: io::Error) -> StoreError {
    StoreError::from_io(format_args!("journal: {what}"), err)
}

fn lock<T>(mutex: &Mutex<T>) -> StoreResult<MutexGuard<'_, T>> {
    mutex
        .lock()
        .map_err(|_| StoreError::Backend("journal: a lock is poisoned".into()))
}

fn file_name(generation: u64) -> String {
    format!("{PREFIX}{generation:020}{SUFFIX}")
}

/// The journal files in `dir`, oldest first.
fn journal_files(dir: &Path) -> StoreResult<Vec<(u64, PathBuf)>> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir.display(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir.display(), e))?;
        let name = entry.file_name();
        let Some(generation) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|n| n.strip_suffix(SUFFIX))
            .and_then(|n| n.parse::<u64>().ok())
        else {
            continue;
        };
        files.push((generation, entry.path()));
    }
    files.sort();
    Ok(files)
}

/// Reads one journal file's records; a torn tail is copied aside. Returns whether the file
/// was whole.
fn read_file(path: &Path, pushes: &mut Vec<JournalPush>) -> StoreResult<bool> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| io_error(path.display(), e))?;
    let mut at = 0;
    while at < bytes.len() {
        match record_at(&bytes[at..]) {
            Some((push, used)) => {
                pushes.push(push);
                at += used;
            }
            None => {
                let aside = aside(path);
                std::fs::write(&aside, &bytes[at..]).map_err(|e| io_error(aside.display(), e))?;
                tracing::warn!(
                    file = %path.display(),
                    bytes = bytes.len() - at,
                    kept_in = %aside.display(),
                    "the journal ends in a record a crash cut off (never acknowledged)"
                );
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Where a torn journal file's remains are kept: generations start again at 1 after a clean
/// stop, so the name carries the time too, and an earlier incident's file is never overwritten.
fn aside(path: &Path) -> PathBuf {
    path.with_extension(format!("torn-{}", Utc::now().format("%Y%m%dT%H%M%S%.6f")))
}

/// The record at the start of `bytes` and its length, if it is whole and sound.
fn record_at(bytes: &[u8]) -> Option<(JournalPush, usize)> {
    let len = u32::from_le_bytes(bytes.get(0..4)?.try_into().ok()?) as usize;
    let crc = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?);
    if len > MAX_RECORD {
        return None;
    }
    let payload = bytes.get(8..8 + len)?;
    if crc32fast::hash(payload) != crc {
        return None;
    }
    let push = serde_json::from_slice(payload).ok()?;
    Some((push, 8 + len))
}

/// Creates the journal file of a generation, its name durable before any record is acknowledged
/// from it: without the directory's sync a crash could lose the whole file.
fn create_file(dir: &Path, generation: u64) -> StoreResult<File> {
    let path = dir.join(file_name(generation));
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| io_error(path.display(), e))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(dir.display(), e))?;
    Ok(file)
}

impl Journal {
    /// Reads every journal file in `dir`, oldest first. Reading stops at the first torn record:
    /// nothing after it was acknowledged.
    pub fn recover(dir: &Path) -> StoreResult<Recovered> {
        let files = journal_files(dir)?;
        let mut recovered = Recovered {
            next_generation: files.last().map_or(1, |(g, _)| g + 1),
            ..Recovered::default()
        };
        for (_, path) in &files {
            let whole = read_file(path, &mut recovered.pushes)?;
            recovered.files.push(path.clone());
            if !whole {
                break;
            }
        }
        // Files after a torn one hold nothing acknowledged either; keep them out of the way.
        for (_, path) in files.iter().skip(recovered.files.len()) {
            let aside = aside(path);
            std::fs::rename(path, &aside).map_err(|e| io_error(path.display(), e))?;
        }
        Ok(recovered)
    }

    /// Starts a new, empty journal file after the recovered ones. Replay the recovered pushes,
    /// flush sled, then [`Journal::retire_recovered`].
    pub fn open(dir: &Path, recovered: &Recovered) -> StoreResult<Journal> {
        let generation = recovered.next_generation;
        let file = create_file(dir, generation)?;
        Ok(Journal {
            dir: dir.to_owned(),
            pending: Mutex::new(Pending::default()),
            current: Mutex::new(Current {
                file,
                generation,
                len: 0,
            }),
        })
    }

    /// Deletes the files recovered pushes came from, once sled has flushed them.
    pub fn retire_recovered(&self, recovered: Recovered) -> StoreResult<()> {
        recovered.files.iter().try_for_each(|old| self.retire(old))
    }

    /// The lock a push holds while it is journaled and applied.
    pub fn pending(&self) -> StoreResult<MutexGuard<'_, Pending>> {
        lock(&self.pending)
    }

    /// Writes every record appended so far and waits until they are on disk. Returns the bytes
    /// now in the current file: past [`CHECKPOINT_BYTES`], it is time to [`Journal::rotate`].
    pub fn sync(&self) -> StoreResult<u64> {
        let mut current = lock(&self.current)?;
        let bytes = std::mem::take(&mut lock(&self.pending)?.bytes);
        if let Err(err) = current.append(&bytes) {
            // Put them back in front of what came since: the next flush tries again.
            let mut pending = lock(&self.pending)?;
            let since = std::mem::replace(&mut pending.bytes, bytes);
            pending.bytes.extend_from_slice(&since);
            return Err(err);
        }
        Ok(current.len)
    }

    /// Writes and syncs everything appended so far to the current file, then starts a new one.
    /// Returns the old file: delete it with [`Journal::retire`] once sled has flushed, since
    /// every push it holds was applied to sled before this returned.
    pub fn rotate(&self) -> StoreResult<PathBuf> {
        let mut current = lock(&self.current)?;
        // Holding `pending` while switching files: no record can slip in between.
        let mut pending = lock(&self.pending)?;
        current.append(&pending.bytes)?;
        pending.bytes.clear();
        let old = self.dir.join(file_name(current.generation));
        let generation = current.generation + 1;
        let file = create_file(&self.dir, generation)?;
        *current = Current {
            file,
            generation,
            len: 0,
        };
        Ok(old)
    }

    /// Deletes a file [`Journal::rotate`] retired, once sled holds everything in it.
    pub fn retire(&self, old: &Path) -> StoreResult<()> {
        std::fs::remove_file(old).map_err(|e| io_error(old.display(), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::api::Op;
    use kosh_shared::hlc::Hlc;
    use serde_json::json;

    fn push(n: u64) -> JournalPush {
        JournalPush {
            user: "alice".into(),
            now: DateTime::from_timestamp_millis(1_790_000_000_000).unwrap(),
            ops: vec![IncomingOp {
                op: Op {
                    op_id: format!("op{n}").as_str().into(),
                    draft_id: "d1".into(),
                    form_id: "residence-2026".into(),
                    field: "education.level".into(),
                    value: json!("master"),
                    hlc: Hlc::new(1_790_000_000_000 + n, 0, "phone").unwrap(),
                    form_version: None,
                },
                device: "phone".into(),
                clamped: false,
                form_version: 1,
            }],
        }
    }

    /// A journal in `dir` holding the synced records of pushes `0..n`, closed; its file.
    fn synced(dir: &Path, n: u64) -> PathBuf {
        let journal = started(dir);
        for i in 0..n {
            journal.pending().unwrap().append(&push(i)).unwrap();
        }
        journal.sync().unwrap();
        journal_files(dir).unwrap().pop().unwrap().1
    }

    fn started(dir: &Path) -> Journal {
        let recovered = Journal::recover(dir).unwrap();
        let journal = Journal::open(dir, &recovered).unwrap();
        journal.retire_recovered(recovered).unwrap();
        journal
    }

    #[test]
    fn synced_records_come_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let journal = started(dir.path());
        for n in 0..3 {
            journal.pending().unwrap().append(&push(n)).unwrap();
        }
        journal.sync().unwrap();
        journal.pending().unwrap().append(&push(3)).unwrap();
        journal.sync().unwrap();
        drop(journal);
        let recovered = Journal::recover(dir.path()).unwrap();
        assert_eq!(recovered.pushes, (0..4).map(push).collect::<Vec<_>>());
        // Once replayed (and in sled), the recovered files go.
        let again = Journal::open(dir.path(), &recovered).unwrap();
        again.retire_recovered(recovered).unwrap();
        assert!(Journal::recover(dir.path()).unwrap().pushes.is_empty());
    }

    #[test]
    fn records_never_synced_are_not_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let journal = started(dir.path());
        journal.pending().unwrap().append(&push(0)).unwrap();
        drop(journal);
        assert!(Journal::recover(dir.path()).unwrap().pushes.is_empty());
    }

    #[test]
    fn a_torn_tail_is_kept_aside_and_what_came_before_it_is_replayed() {
        let dir = tempfile::tempdir().unwrap();
        let path = synced(dir.path(), 2);
        // A crash in the middle of writing a third record.
        let mut third = Pending::default();
        third.append(&push(2)).unwrap();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(&third.bytes[..third.bytes.len() / 2])
            .unwrap();
        drop(file);

        let recovered = Journal::recover(dir.path()).unwrap();
        assert_eq!(recovered.pushes, vec![push(0), push(1)]);
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".torn-"))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        let torn = std::fs::read(&kept[0]).unwrap();
        assert_eq!(torn, &third.bytes[..third.bytes.len() / 2]);
    }

    #[test]
    fn a_flipped_byte_stops_the_replay_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = synced(dir.path(), 3);
        let mut bytes = std::fs::read(&path).unwrap();
        let second = bytes.len() / 2;
        bytes[second] ^= 0x20;
        std::fs::write(&path, &bytes).unwrap();
        let recovered = Journal::recover(dir.path()).unwrap();
        assert_eq!(recovered.pushes, vec![push(0)]);
    }

    #[test]
    fn rotation_keeps_both_files_until_the_old_one_is_retired() {
        let dir = tempfile::tempdir().unwrap();
        let journal = started(dir.path());
        journal.pending().unwrap().append(&push(0)).unwrap();
        let old = journal.rotate().unwrap();
        journal.pending().unwrap().append(&push(1)).unwrap();
        let mut one = Pending::default();
        one.append(&push(1)).unwrap();
        assert_eq!(
            journal.sync().unwrap(),
            one.bytes.len() as u64,
            "the new file holds only what came after the rotation"
        );
        assert_eq!(journal_files(dir.path()).unwrap().len(), 2);
        // A crash before the old file is retired: both replay, oldest first.
        assert_eq!(
            Journal::recover(dir.path()).unwrap().pushes,
            vec![push(0), push(1)]
        );
        journal.retire(&old).unwrap();
        assert_eq!(Journal::recover(dir.path()).unwrap().pushes, vec![push(1)]);
    }
}
