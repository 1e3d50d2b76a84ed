//! Where attachments are kept: the [`BlobStore`] trait and its default, [`FileBlobStore`], files
//! under the data directory. Blobs are named by their SHA-256 and kept once however many users
//! hold them; who holds which is a marker per user, so one user's quota and reads never depend
//! on another's. An upload in progress is a partial file per user and blob, so two people
//! sending the same photo never write into one file, and a cut connection leaves what arrived.
//!
//! Every method that writes returns only once what it wrote is on disk (file data and the
//! directory entry), so the handler's answer can follow: an acknowledged upload survives a
//! crash or a `kill -9` right after the answer.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use kosh_shared::ids::UserId;

use crate::store::{StoreError, StoreResult};

/// The attachments of every user. `sha256` arguments are lowercase hex SHA-256 names, checked
/// by the caller.
pub trait BlobStore: Send + Sync {
    /// The size of `sha256` when `owner` holds it complete.
    fn owned(&self, owner: &UserId, sha256: &str) -> StoreResult<Option<u64>>;
    /// How many bytes of `owner`'s unfinished upload of `sha256` are held (0 for none).
    fn partial_len(&self, owner: &UserId, sha256: &str) -> StoreResult<u64>;
    /// Writes `bytes` at `offset` of `owner`'s unfinished upload of `sha256`, durably, and
    /// returns how many bytes it holds now. `offset` is 0 (start over: what was held goes) or
    /// [`BlobStore::partial_len`]; anything else is refused and nothing is written.
    fn append_partial(
        &self,
        owner: &UserId,
        sha256: &str,
        offset: u64,
        bytes: &[u8],
    ) -> StoreResult<u64>;
    /// The bytes of `owner`'s unfinished upload of `sha256`.
    fn read_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<Vec<u8>>;
    /// Forgets `owner`'s unfinished upload of `sha256` (bytes that failed their checks).
    fn discard_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<()>;
    /// Makes `owner`'s finished upload of `sha256` (checked by the caller) theirs, durably,
    /// and returns its size.
    fn complete(&self, owner: &UserId, sha256: &str) -> StoreResult<u64>;
    /// The bytes `owner` uses: what they hold complete, and their unfinished uploads except
    /// the one of `except` (the upload being sent, counted by its announced length instead).
    fn used_bytes(&self, owner: &UserId, except: &str) -> StoreResult<u64>;
    /// A blob's bytes, whoever holds it (the caller decides who may read).
    fn read(&self, sha256: &str) -> StoreResult<Option<Vec<u8>>>;
}

/// [`BlobStore`] in files: `<root>/blobs/<sha256>`, `<root>/owners/<user>/<sha256>` (empty
/// markers) and `<root>/partial/<user>/<sha256>`.
#[derive(Debug, Clone)]
pub struct FileBlobStore {
    root: PathBuf,
}

impl FileBlobStore {
    /// The store under `root` (created as needed: `<data dir>/attachments` by default).
    pub fn open(root: impl Into<PathBuf>) -> StoreResult<FileBlobStore> {
        let root = root.into();
        for dir in ["blobs", "owners", "partial"] {
            let path = root.join(dir);
            fs::create_dir_all(&path).map_err(|e| io(&path, e))?;
        }
        Ok(FileBlobStore { root })
    }

    fn blob(&self, sha256: &str) -> PathBuf {
        self.root.join("blobs").join(sha256)
    }

    fn user_dir(&self, kind: &str, owner: &UserId) -> PathBuf {
        self.root.join(kind).join(dir_name(owner))
    }
}

/// A user id as a directory name: as it is when it is plain (server ids are UUIDs), hex of its
/// bytes otherwise, so no id can reach outside its directory.
fn dir_name(owner: &UserId) -> String {
    let id = owner.as_str();
    let plain = !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if plain {
        id.to_owned()
    } else {
        let hex: String = id.bytes().map(|b| format!("{b:02x}")).collect();
        format!("x{hex}")
    }
}

fn io(path: &Path, err: std::io::Error) -> StoreError {
    StoreError::from_io(path.display(), err)
}

/// Makes a directory's entries (a new or renamed file) durable.
fn sync_dir(dir: &Path) -> StoreResult<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io(dir, e))
}

/// The length of a file, 0 when there is none.
fn len_of(path: &Path) -> StoreResult<u64> {
    match fs::metadata(path) {
        Ok(m) => Ok(m.len()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
        Err(e) => Err(io(path, e)),
    }
}

/// The files of a directory, none when it does not exist.
fn files_in(dir: &Path) -> StoreResult<Vec<(String, PathBuf)>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io(dir, e))?;
        out.push((
            entry.file_name().to_string_lossy().into_owned(),
            entry.path(),
        ));
    }
    Ok(out)
}

impl BlobStore for FileBlobStore {
    fn owned(&self, owner: &UserId, sha256: &str) -> StoreResult<Option<u64>> {
        let marker = self.user_dir("owners", owner).join(sha256);
        if !marker.exists() {
            return Ok(None);
        }
        let blob = self.blob(sha256);
        Ok(Some(fs::metadata(&blob).map_err(|e| io(&blob, e))?.len()))
    }

    fn partial_len(&self, owner: &UserId, sha256: &str) -> StoreResult<u64> {
        len_of(&self.user_dir("partial", owner).join(sha256))
    }

    fn append_partial(
        &self,
        owner: &UserId,
        sha256: &str,
        offset: u64,
        bytes: &[u8],
    ) -> StoreResult<u64> {
        let dir = self.user_dir("partial", owner);
        let path = dir.join(sha256);
        let held = len_of(&path)?;
        if offset != 0 && offset != held {
            return Err(StoreError::Backend(format!(
                "{}: a part at {offset} after {held} held bytes",
                path.display()
            )));
        }
        let is_new = !path.exists();
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| io(&path, e))?;
        if offset == 0 && held > 0 {
            file.set_len(0).map_err(|e| io(&path, e))?;
        }
        file.write_all(bytes).map_err(|e| io(&path, e))?;
        file.sync_data().map_err(|e| io(&path, e))?;
        if is_new {
            sync_dir(&dir)?;
        }
        Ok(offset + bytes.len() as u64)
    }

    fn read_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<Vec<u8>> {
        let path = self.user_dir("partial", owner).join(sha256);
        fs::read(&path).map_err(|e| io(&path, e))
    }

    fn discard_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<()> {
        let path = self.user_dir("partial", owner).join(sha256);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&path, e)),
        }
    }

    fn complete(&self, owner: &UserId, sha256: &str) -> StoreResult<u64> {
        let partial = self.user_dir("partial", owner).join(sha256);
        let blob = self.blob(sha256);
        if blob.exists() {
            // Another user sent the same bytes first: one copy serves both.
            self.discard_partial(owner, sha256)?;
        } else {
            // The partial's data is on disk already (append_partial syncs it); the rename and
            // the blob directory's entry are made durable before the marker says "held".
            fs::rename(&partial, &blob).map_err(|e| io(&blob, e))?;
            sync_dir(&self.root.join("blobs"))?;
        }
        let owners = self.user_dir("owners", owner);
        fs::create_dir_all(&owners).map_err(|e| io(&owners, e))?;
        let marker = owners.join(sha256);
        File::create(&marker)
            .and_then(|f| f.sync_all())
            .map_err(|e| io(&marker, e))?;
        sync_dir(&owners)?;
        sync_dir(&self.root.join("owners"))?;
        len_of(&blob)
    }

    fn used_bytes(&self, owner: &UserId, except: &str) -> StoreResult<u64> {
        let mut used = 0u64;
        for (sha256, _) in files_in(&self.user_dir("owners", owner))? {
            used = used.saturating_add(len_of(&self.blob(&sha256))?);
        }
        for (sha256, path) in files_in(&self.user_dir("partial", owner))? {
            if sha256 != except {
                used = used.saturating_add(len_of(&path)?);
            }
        }
        Ok(used)
    }

    fn read(&self, sha256: &str) -> StoreResult<Option<Vec<u8>>> {
        let path = self.blob(sha256);
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io(&path, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// What every `BlobStore` must do; run against each implementation.
    fn conformance(store: &dyn BlobStore) {
        let ana = UserId("ana".into());
        let bek = UserId("bek".into());
        assert_eq!(store.owned(&ana, SHA).unwrap(), None);
        assert_eq!(store.partial_len(&ana, SHA).unwrap(), 0);
        assert_eq!(store.append_partial(&ana, SHA, 0, b"te").unwrap(), 2);
        // A part that neither continues nor starts over is refused and changes nothing.
        assert!(store.append_partial(&ana, SHA, 5, b"x").is_err());
        assert_eq!(store.append_partial(&ana, SHA, 2, b"st").unwrap(), 4);
        assert_eq!(store.read_partial(&ana, SHA).unwrap(), b"test");
        assert_eq!(store.used_bytes(&ana, SHA).unwrap(), 0);
        assert_eq!(store.used_bytes(&ana, "other").unwrap(), 4);
        // Bek's upload of the same bytes is his own.
        assert_eq!(store.partial_len(&bek, SHA).unwrap(), 0);
        assert_eq!(store.complete(&ana, SHA).unwrap(), 4);
        assert_eq!(store.owned(&ana, SHA).unwrap(), Some(4));
        assert_eq!(store.owned(&bek, SHA).unwrap(), None);
        assert_eq!(store.partial_len(&ana, SHA).unwrap(), 0);
        assert_eq!(store.used_bytes(&ana, "").unwrap(), 4);
        assert_eq!(store.used_bytes(&bek, "").unwrap(), 0);
        // Starting over drops what was held.
        store.append_partial(&bek, SHA, 0, b"xxxxxx").unwrap();
        assert_eq!(store.append_partial(&bek, SHA, 0, b"test").unwrap(), 4);
        assert_eq!(store.complete(&bek, SHA).unwrap(), 4);
        assert_eq!(store.owned(&bek, SHA).unwrap(), Some(4));
        assert_eq!(store.read(SHA).unwrap().as_deref(), Some(&b"test"[..]));
        store.append_partial(&bek, "other", 0, b"abc").unwrap();
        store.discard_partial(&bek, "other").unwrap();
        assert_eq!(store.partial_len(&bek, "other").unwrap(), 0);
        store.discard_partial(&bek, "never").unwrap();
        assert_eq!(store.read("missing").unwrap(), None);
    }

    #[test]
    fn file_blob_store_conforms() {
        let dir = tempfile::tempdir().unwrap();
        conformance(&FileBlobStore::open(dir.path()).unwrap());
    }

    #[test]
    fn postgres_blob_store_conforms() {
        let admin = std::env::var("KOSH_TEST_DATABASE_URL").expect(
            "KOSH_TEST_DATABASE_URL is not set: `./kosh test` starts a PostgreSQL and sets it",
        );
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let pool = runtime.block_on(async {
            let url = crate::store::postgres::scratch_database(&admin)
                .await
                .unwrap();
            crate::store::Postgres::connect(&url).await.unwrap().pool()
        });
        // Called from this thread, outside the runtime, as from tokio's blocking pool.
        conformance(&super::super::PgBlobStore::new(
            pool,
            runtime.handle().clone(),
        ));
    }

    #[test]
    fn odd_user_ids_stay_inside_their_directory() {
        assert_eq!(dir_name(&UserId("0b9c-11ef".into())), "0b9c-11ef");
        assert_eq!(dir_name(&UserId("../etc".into())), "x2e2e2f657463");
        assert_eq!(dir_name(&UserId(String::new())), "x");
    }
}
