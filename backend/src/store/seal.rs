//! The seal: how the store tells a data file that lost acknowledged writes from one that did
//! not, so that a damaged store refuses to start instead of starting quietly on less.
//!
//! sled opens an emptied, garbled or truncated data file without complaint, on whatever it can
//! still read: an empty store (every login then fails as "invalid credentials"), or an older
//! state. The journal cannot help once it has been retired. So every flush of sled that makes
//! writes durable also raises a counter, the *mark*, in the store's `meta` tree, and after the
//! flush has succeeded the same mark is written to a small file beside the store,
//! `store-seal`. A data file that went back in time carries an older mark than the seal; an
//! emptied one carries none. Either way the store refuses to open and says where the data is.
//! A crash between the flush and the seal's write leaves the file one mark ahead, which is
//! fine: the test is only ever "the data file is at least as new as the seal".

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::{StoreError, StoreResult};

/// The seal's file, in the data directory.
pub const SEAL_FILE: &str = "store-seal";
const MARK_KEY: &[u8] = b"mark";

/// What the seal file holds.
#[derive(Debug, Serialize, Deserialize)]
struct SealRecord {
    mark: u64,
}

/// The seal of one open store.
#[derive(Debug)]
pub struct Seal {
    dir: PathBuf,
    /// The mark last written to both; held while a flush raises it, so marks only grow.
    mark: Mutex<u64>,
}

/// The message of a store that must not be opened: what is wrong, where the data is, what to
/// do. Nothing has been changed when it is given.
pub fn damaged(dir: &Path, what: &str) -> StoreError {
    StoreError::Damaged(format!(
        "the store in {store} is damaged: {what}. Kosh has not started and has written nothing on top of it: \
         the data is in {dir} (store/, journal-*.log, {SEAL_FILE}). Restore {store} from a backup \
         (a copy of the whole data directory), or, to start anyway on what the store still holds, \
         move {seal} aside first",
        store = dir.join("store").display(),
        dir = dir.display(),
        seal = dir.join(SEAL_FILE).display(),
    ))
}

fn read_mark(meta: &sled::Tree) -> StoreResult<Option<u64>> {
    let Some(bytes) = meta
        .get(MARK_KEY)
        .map_err(|e| StoreError::Backend(e.to_string()))?
    else {
        return Ok(None);
    };
    let bytes: [u8; 8] = bytes
        .as_ref()
        .try_into()
        .map_err(|_| StoreError::Corrupt("the store's mark".into()))?;
    Ok(Some(u64::from_be_bytes(bytes)))
}

impl Seal {
    /// Checks the opened store in `dir` against its seal: refuses (`StoreError::Damaged`) if
    /// the data file is older than the seal. A store without a seal (new, or written before
    /// seals) is accepted and sealed at its next flush.
    pub fn check(dir: &Path, meta: &sled::Tree) -> StoreResult<Seal> {
        let path = dir.join(SEAL_FILE);
        let sealed = match std::fs::read(&path) {
            Ok(bytes) => Some(
                serde_json::from_slice::<SealRecord>(&bytes)
                    .map_err(|e| {
                        damaged(
                            dir,
                            &format!("its seal {} is unreadable ({e})", path.display()),
                        )
                    })?
                    .mark,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(StoreError::from_io(path.display(), e)),
        };
        let stored = read_mark(meta)?;
        if let Some(sealed) = sealed {
            match stored {
                None => {
                    return Err(damaged(
                        dir,
                        &format!(
                            "its data file holds nothing, but the seal says {sealed} flushes of data were made durable"
                        ),
                    ));
                }
                Some(stored) if stored < sealed => {
                    return Err(damaged(
                        dir,
                        &format!(
                            "its data file is older than what was acknowledged (it is at mark {stored}, \
                             the seal at {sealed}): acknowledged writes are missing from it"
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(Seal {
            dir: dir.to_owned(),
            mark: Mutex::new(stored.unwrap_or(0).max(sealed.unwrap_or(0))),
        })
    }

    /// Flushes sled with a raised mark in it, then writes the mark to the seal file.
    pub fn flush(&self, db: &sled::Db, meta: &sled::Tree) -> StoreResult<()> {
        let mut mark = self
            .mark
            .lock()
            .map_err(|_| StoreError::Backend("the seal's lock is poisoned".into()))?;
        let next = *mark + 1;
        meta.insert(MARK_KEY, &next.to_be_bytes())
            .map_err(super::sled::backend)?;
        db.flush().map_err(super::sled::backend)?;
        self.write(next)?;
        *mark = next;
        Ok(())
    }

    /// Writes the seal file whole or not at all: a temporary file, synced, renamed over it.
    fn write(&self, mark: u64) -> StoreResult<()> {
        let path = self.dir.join(SEAL_FILE);
        let temporary = self.dir.join(format!("{SEAL_FILE}.new"));
        let bytes = serde_json::to_vec(&SealRecord { mark }).unwrap_or_default();
        File::create(&temporary)
            .and_then(|mut f| {
                f.write_all(&bytes)?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&temporary, &path))
            .and_then(|()| File::open(&self.dir)?.sync_all())
            .map_err(|e| StoreError::from_io(path.display(), e))
    }
}
