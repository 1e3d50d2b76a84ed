//! Where the native builds keep photos of papers: one file per photo, `<sha256>.jpg`, in a
//! `photos` folder beside the app's saved state (`store::FileStore`). Named by their content, so
//! the same picture on two papers is one file, and a file is never changed, only written whole
//! or removed. A photo is written durably (temp file, fsync, rename, fsync of the folder) before
//! the tick that names it is saved, the order the web keeps with IndexedDB: a crash between the
//! two leaves a file no tick names, never a tick naming a photo that is not there.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use sha2::{Digest, Sha256};

use kosh_shared::tick::is_sha256;

use super::Kept;
use super::shrink::shrink;
use crate::store::FileStore;

/// The code for a photo that could not be written or read (`photos-error-storage`).
pub const STORAGE: &str = "storage";

/// The photos folder of one app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFolder {
    dir: PathBuf,
}

impl PhotoFolder {
    /// The photos in `dir` (made when the first photo is kept).
    pub fn new(dir: impl Into<PathBuf>) -> PhotoFolder {
        PhotoFolder { dir: dir.into() }
    }

    /// The folder beside the app's saved state on this platform.
    pub fn platform() -> PhotoFolder {
        PhotoFolder::new(FileStore::default_dir().join("photos"))
    }

    /// Where the photos are.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the photo `name`; `None` for a name that is not a SHA-256 (it could
    /// otherwise climb out of the folder).
    pub fn path(&self, name: &str) -> Option<PathBuf> {
        is_sha256(name).then(|| self.dir.join(format!("{name}.jpg")))
    }

    /// Shrink the picture in `bytes` (`shrink`), name it by its SHA-256 and keep it, on disk
    /// before this returns. The error is a code for words: `not_image` or `storage`.
    pub fn keep(&self, bytes: &[u8]) -> Result<Kept, &'static str> {
        let jpeg = shrink(bytes)?;
        let sha256 = sha256_hex(&jpeg);
        self.write(&sha256, &jpeg)?;
        Ok(Kept {
            sha256,
            size: jpeg.len() as u64,
            // The app's own folder is not the browser's storage: nothing clears it behind the
            // person's back, and there is no promise to ask for.
            persisted: None,
        })
    }

    fn write(&self, name: &str, jpeg: &[u8]) -> Result<(), &'static str> {
        let path = self.path(name).ok_or(STORAGE)?;
        fs::create_dir_all(&self.dir).map_err(|e| failed("create", &self.dir, e))?;
        // A temp name of its own: two keeps of the same picture at once must not write into
        // one half-written file.
        let tmp = self
            .dir
            .join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
        let written = (|| {
            let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            file.write_all(jpeg)?;
            file.sync_all()?;
            drop(file);
            fs::rename(&tmp, &path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(failed("write", &path, e));
        }
        // The rename itself must reach the disk before a tick names the photo.
        File::open(&self.dir)
            .and_then(|dir| dir.sync_all())
            .map_err(|e| failed("sync", &self.dir, e))
    }

    /// The bytes of the kept photo `name`; `Ok(None)` when this phone does not have it (taken
    /// on another phone, or removed).
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, &'static str> {
        let Some(path) = self.path(name) else {
            return Ok(None);
        };
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(failed("read", &path, e)),
        }
    }

    /// The kept photo `name` as a `data:` URL for an `<img>` in the webview, which cannot
    /// read the app's files by path on every platform; `None` when this phone does not have it.
    pub fn data_url(&self, name: &str) -> Option<String> {
        let bytes = self.read(name).ok()??;
        let mut url = String::from("data:image/jpeg;base64,");
        base64::engine::general_purpose::STANDARD.encode_string(&bytes, &mut url);
        Some(url)
    }

    /// Delete the photo `name` from this phone; one that is not there is already forgotten.
    pub fn forget(&self, name: &str) -> Result<(), &'static str> {
        let Some(path) = self.path(name) else {
            return Ok(());
        };
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(failed("remove", &path, e)),
        }
    }
}

/// A photo's name: the SHA-256 of its bytes, lowercase hex, as the server checks it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn failed(what: &str, path: &Path, e: std::io::Error) -> &'static str {
    tracing::warn!(path = %path.display(), error = %e, "photo {what} failed");
    STORAGE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photos::shrink::tests::{exif, photo, with_segment};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_kept_photo_is_a_file_named_by_its_sha256_until_it_is_forgotten() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = PhotoFolder::new(tmp.path().join("photos"));
        let kept = folder
            .keep(&with_segment(&photo(2400, 1800), &exif(1)))
            .unwrap();
        let file = tmp
            .path()
            .join("photos")
            .join(format!("{}.jpg", kept.sha256));
        let bytes = fs::read(&file).unwrap();
        assert_eq!(sha256_hex(&bytes), kept.sha256, "named by its content");
        assert_eq!(bytes.len() as u64, kept.size);
        assert!(kept.size < 300_000);
        assert_eq!(
            names(folder.dir()),
            [format!("{}.jpg", kept.sha256)],
            "no temp file left"
        );
        assert_eq!(folder.read(&kept.sha256).unwrap(), Some(bytes.clone()));
        let url = folder.data_url(&kept.sha256).unwrap();
        assert!(url.starts_with("data:image/jpeg;base64,/9j/"), "a JPEG");

        // The same picture again is the same file.
        let again = folder.keep(&bytes).unwrap();
        let twice = folder.keep(&bytes).unwrap();
        assert_eq!(again, twice);

        folder.forget(&kept.sha256).unwrap();
        assert!(!file.exists());
        assert_eq!(folder.read(&kept.sha256).unwrap(), None);
        assert_eq!(folder.data_url(&kept.sha256), None);
        folder.forget(&kept.sha256).unwrap();
    }

    #[test]
    fn a_file_that_is_no_picture_is_not_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = PhotoFolder::new(tmp.path());
        assert_eq!(folder.keep(b"%PDF-1.7"), Err("not_image"));
        assert!(names(tmp.path()).is_empty());
    }

    #[test]
    fn names_that_are_not_a_sha256_reach_no_file() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("secret.jpg"), b"x").unwrap();
        let folder = PhotoFolder::new(tmp.path().join("photos"));
        for name in ["../secret", "", "ABC", "../../etc/passwd"] {
            assert_eq!(folder.read(name).unwrap(), None, "{name}");
            folder.forget(name).unwrap();
        }
        assert!(tmp.path().join("secret.jpg").exists());
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_a_storage_error() {
        let tmp = tempfile::tempdir().unwrap();
        let blocker = tmp.path().join("photos");
        fs::write(&blocker, b"a file where the folder should be").unwrap();
        let folder = PhotoFolder::new(&blocker);
        assert_eq!(folder.keep(&photo(32, 32)), Err(STORAGE));
    }
}
