//! Where the app keeps what a person typed, on the phone itself: the `LocalStore` trait and its
//! backends (atomic JSON files on native, `localStorage` on the web, memory for tests), plus the
//! routine that opens saved state and sets a corrupted copy aside instead of crash-looping.
//! `vault` holds the saved state itself; `init`/`use_store` hand it to the screens.

pub mod reports;
pub mod uploads;
pub mod vault;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use dioxus::prelude::*;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{AppError, AppResult};
use vault::Vault;

/// A small key-value store of whole documents. Each `write` replaces one document atomically:
/// after a crash the reader sees either the old text or the new one, never a mix.
pub trait LocalStore {
    /// The document saved under `key`, if any.
    fn read(&self, key: &str) -> AppResult<Option<String>>;
    /// Replace the document under `key` with `text`, durably.
    fn write(&self, key: &str, text: &str) -> AppResult<()>;
    /// Move the document under `key` out of the way (kept for a person or a developer to look
    /// at) and return the name it is now kept under.
    fn set_aside(&self, key: &str, stamp: &str) -> AppResult<String>;
    /// Delete the document under `key`; a missing one is not an error.
    fn remove(&self, key: &str) -> AppResult<()>;
    /// True when nothing written survives the app closing (the memory fallback).
    fn is_volatile(&self) -> bool {
        false
    }
}

/// Whether opening found the saved state unreadable, and where the bad copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub key: String,
    pub kept_as: String,
    pub reason: String,
}

/// Read and parse the document under `key`. A document that does not parse is set aside and
/// reported, and `None` is returned so the caller starts clean: the app must never refuse to
/// open because of one bad file.
pub fn load_json<T: DeserializeOwned>(
    store: &dyn LocalStore,
    key: &str,
    stamp: &str,
) -> AppResult<(Option<T>, Option<Recovery>)> {
    let Some(text) = store.read(key)? else {
        return Ok((None, None));
    };
    match serde_json::from_str(&text) {
        Ok(value) => Ok((Some(value), None)),
        Err(e) => {
            let kept_as = store.set_aside(key, stamp)?;
            Ok((
                None,
                Some(Recovery {
                    key: key.to_owned(),
                    kept_as,
                    reason: e.to_string(),
                }),
            ))
        }
    }
}

/// Serialise `value` and write it under `key` in one atomic write.
pub fn save_json<T: Serialize>(store: &dyn LocalStore, key: &str, value: &T) -> AppResult<()> {
    let text = serde_json::to_string(value)
        .map_err(|e| AppError::Storage(format!("encode {key}: {e}")))?;
    store.write(key, &text)
}

/// A store in memory: for tests, and the fallback when the platform gives no storage at all
/// (a private browser window without `localStorage`).
#[derive(Debug, Default)]
pub struct MemoryStore {
    docs: RefCell<BTreeMap<String, String>>,
    fallback: bool,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// An empty store standing in for storage the platform did not give: the app warns that
    /// answers will not survive closing it.
    pub fn fallback() -> MemoryStore {
        MemoryStore {
            fallback: true,
            ..MemoryStore::default()
        }
    }
}

impl LocalStore for MemoryStore {
    fn read(&self, key: &str) -> AppResult<Option<String>> {
        Ok(self.docs.borrow().get(key).cloned())
    }

    fn write(&self, key: &str, text: &str) -> AppResult<()> {
        self.docs
            .borrow_mut()
            .insert(key.to_owned(), text.to_owned());
        Ok(())
    }

    fn set_aside(&self, key: &str, stamp: &str) -> AppResult<String> {
        let mut docs = self.docs.borrow_mut();
        let kept_as = format!("{key}.corrupt-{stamp}");
        if let Some(text) = docs.remove(key) {
            docs.insert(kept_as.clone(), text);
        }
        Ok(kept_as)
    }

    fn remove(&self, key: &str) -> AppResult<()> {
        self.docs.borrow_mut().remove(key);
        Ok(())
    }

    fn is_volatile(&self) -> bool {
        self.fallback
    }
}

/// The platform's store: `localStorage` on the web, JSON files in the app's data directory
/// elsewhere, or memory (and a warning on screen) when the platform gives neither.
pub fn platform_store() -> Rc<dyn LocalStore> {
    #[cfg(target_arch = "wasm32")]
    let store = WebStore::open();
    #[cfg(not(target_arch = "wasm32"))]
    let store = FileStore::open(FileStore::default_dir());
    match store {
        Ok(store) => Rc::new(store),
        Err(_) => Rc::new(MemoryStore::fallback()),
    }
}

/// Open the vault in `store`; if even that fails (storage full or refused), open a fresh one
/// in memory so the app still works and says that answers are not kept.
pub fn open_vault(store: Rc<dyn LocalStore>, now_ms: u64) -> Vault {
    Vault::open(store, now_ms).unwrap_or_else(|_| {
        Vault::with_state(Rc::new(MemoryStore::fallback()), vault::Saved::fresh())
    })
}

/// Where the web page's own language chooser (`mobile/web/index.html`, on screen while the
/// wasm is still arriving) keeps the language tapped there: a JSON string such as `"uz"`.
pub const FIRST_LANGUAGE_KEY: &str = "first-language";

/// Take the language a person tapped on the page's chooser before the app had started into the
/// settings, so the app begins in it instead of asking again. Only when no language is chosen
/// yet: a choice made in the app wins. The note is removed either way, so choosing again later
/// ("change language" on the welcome screen) is not overridden on the next start. A note that
/// names no language of Kosh is dropped; failing to read or save it leaves the app's chooser
/// to ask, as if nothing had been tapped.
pub fn take_first_language(store: &dyn LocalStore, vault: &mut Vault) {
    let Ok(Some(text)) = store.read(FIRST_LANGUAGE_KEY) else {
        return;
    };
    let tapped = serde_json::from_str::<String>(&text)
        .ok()
        .and_then(|tag| kosh_locales::Lang::from_tag(&tag));
    if let Some(lang) = tapped
        && vault.state().prefs.language.is_none()
    {
        let _ = vault.update(|s| {
            crate::i18n::choose(&mut s.prefs, lang);
            Ok(())
        });
    }
    let _ = store.remove(FIRST_LANGUAGE_KEY);
}

/// Open the vault at the root (with the language the page's chooser may have been given) and
/// provide it to every screen.
pub fn init(store: Rc<dyn LocalStore>) -> Signal<Vault> {
    let vault = use_signal(move || {
        let mut vault = open_vault(store.clone(), crate::sync::now_ms());
        take_first_language(store.as_ref(), &mut vault);
        vault
    });
    use_context_provider(|| vault)
}

/// The vault the root provides.
pub fn use_store() -> Signal<Vault> {
    use_context::<Signal<Vault>>()
}

/// Whether the open vault keeps nothing across restarts.
pub fn is_volatile(vault: &Vault) -> bool {
    vault.is_volatile()
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::FileStore;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    //! JSON files in the app's data directory, each write a temp file + fsync + rename.

    use std::fs::{self, File, OpenOptions};
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use super::LocalStore;
    use crate::error::{AppError, AppResult};

    /// Documents as `<dir>/<key>.json`.
    #[derive(Debug, Clone)]
    pub struct FileStore {
        dir: PathBuf,
    }

    impl FileStore {
        /// A store in `dir`, created if missing.
        pub fn open(dir: impl Into<PathBuf>) -> AppResult<FileStore> {
            let dir = dir.into();
            fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
            Ok(FileStore { dir })
        }

        /// The app's data directory on this platform: `KOSH_APP_DIR` if set, else the user's
        /// local data directory, else a folder beside the program.
        pub fn default_dir() -> PathBuf {
            if let Some(dir) = std::env::var_os("KOSH_APP_DIR") {
                return PathBuf::from(dir);
            }
            dirs::data_local_dir()
                .map(|d| d.join("kosh"))
                .unwrap_or_else(|| PathBuf::from("kosh-app-data"))
        }

        /// The folder the documents live in.
        pub fn dir(&self) -> &Path {
            &self.dir
        }

        fn path(&self, key: &str) -> AppResult<PathBuf> {
            let ok = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                && !key.starts_with('.');
            if !ok {
                return Err(AppError::Storage(format!("bad document name {key:?}")));
            }
            Ok(self.dir.join(format!("{key}.json")))
        }
    }

    fn io_error(what: &str, path: &Path, e: std::io::Error) -> AppError {
        AppError::Storage(format!("{what} {}: {e}", path.display()))
    }

    impl LocalStore for FileStore {
        fn read(&self, key: &str) -> AppResult<Option<String>> {
            let path = self.path(key)?;
            match fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Ok(Some(text)),
                    // Not UTF-8 is corruption too: hand it to the parser as text that fails, so
                    // the caller sets it aside like any other unreadable file.
                    Err(_) => Ok(Some(String::from("\u{0}not utf-8"))),
                },
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(io_error("read", &path, e)),
            }
        }

        fn write(&self, key: &str, text: &str) -> AppResult<()> {
            let path = self.path(key)?;
            let tmp = self.dir.join(format!(".{key}.json.tmp"));
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&tmp)
                .map_err(|e| io_error("create", &tmp, e))?;
            file.write_all(text.as_bytes())
                .map_err(|e| io_error("write", &tmp, e))?;
            file.sync_all().map_err(|e| io_error("sync", &tmp, e))?;
            drop(file);
            fs::rename(&tmp, &path).map_err(|e| io_error("rename", &path, e))?;
            // The rename itself must reach the disk, or a power cut could bring the old file back.
            if let Ok(dir) = File::open(&self.dir) {
                let _ = dir.sync_all();
            }
            Ok(())
        }

        fn set_aside(&self, key: &str, stamp: &str) -> AppResult<String> {
            let path = self.path(key)?;
            let kept = self.dir.join(format!("{key}.corrupt-{stamp}.json"));
            fs::rename(&path, &kept).map_err(|e| io_error("set aside", &path, e))?;
            Ok(kept.display().to_string())
        }

        fn remove(&self, key: &str) -> AppResult<()> {
            let path = self.path(key)?;
            match fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(io_error("remove", &path, e)),
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::WebStore;

#[cfg(target_arch = "wasm32")]
mod web {
    //! `localStorage`: one item per document. A single `setItem` is atomic in browsers.

    use super::LocalStore;
    use crate::error::{AppError, AppResult};

    /// Documents as `localStorage` items `kosh.<key>`.
    #[derive(Debug, Clone)]
    pub struct WebStore {
        storage: web_sys::Storage,
    }

    impl WebStore {
        /// The page's `localStorage`, if the browser gives one.
        pub fn open() -> AppResult<WebStore> {
            let storage = web_sys::window()
                .and_then(|w| w.local_storage().ok().flatten())
                .ok_or_else(|| AppError::Storage("localStorage is not available".into()))?;
            Ok(WebStore { storage })
        }
    }

    fn js_error(what: &str, e: web_sys::wasm_bindgen::JsValue) -> AppError {
        AppError::Storage(format!("{what}: {e:?}"))
    }

    impl LocalStore for WebStore {
        fn read(&self, key: &str) -> AppResult<Option<String>> {
            self.storage
                .get_item(&format!("kosh.{key}"))
                .map_err(|e| js_error("read", e))
        }

        fn write(&self, key: &str, text: &str) -> AppResult<()> {
            self.storage
                .set_item(&format!("kosh.{key}"), text)
                .map_err(|e| js_error("write (storage full?)", e))
        }

        fn set_aside(&self, key: &str, stamp: &str) -> AppResult<String> {
            let from = format!("kosh.{key}");
            let kept_as = format!("kosh.{key}.corrupt-{stamp}");
            if let Some(text) = self.read(key)? {
                self.storage
                    .set_item(&kept_as, &text)
                    .map_err(|e| js_error("set aside", e))?;
            }
            self.storage
                .remove_item(&from)
                .map_err(|e| js_error("remove", e))?;
            Ok(kept_as)
        }

        fn remove(&self, key: &str) -> AppResult<()> {
            self.storage
                .remove_item(&format!("kosh.{key}"))
                .map_err(|e| js_error("remove", e))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Doc {
        answer: String,
        outbox: Vec<u32>,
    }

    #[test]
    fn a_write_replaces_the_whole_document_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        let doc = Doc {
            answer: "Қарағанды".into(),
            outbox: vec![1, 2],
        };
        save_json(&store, "state", &doc).unwrap();
        save_json(
            &store,
            "state",
            &Doc {
                answer: "Өскемен".into(),
                outbox: vec![3],
            },
        )
        .unwrap();
        let (back, recovery) = load_json::<Doc>(&store, "state", "1").unwrap();
        assert_eq!(back.unwrap().answer, "Өскемен");
        assert!(recovery.is_none());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["state.json".to_string()]);
    }

    #[test]
    fn a_half_written_temp_file_does_not_hide_the_last_good_state() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        save_json(
            &store,
            "state",
            &Doc {
                answer: "a".into(),
                outbox: vec![],
            },
        )
        .unwrap();
        // A crash between writing the temp file and renaming it leaves this behind.
        std::fs::write(dir.path().join(".state.json.tmp"), "{\"answer\": \"b").unwrap();
        let (back, _) = load_json::<Doc>(&store, "state", "1").unwrap();
        assert_eq!(back.unwrap().answer, "a");
    }

    #[test]
    fn a_corrupted_file_is_kept_aside_and_the_app_starts_clean() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        std::fs::write(dir.path().join("state.json"), "{\"answer\": 12, trunc").unwrap();
        let (back, recovery) = load_json::<Doc>(&store, "state", "20260301").unwrap();
        assert!(back.is_none());
        let recovery = recovery.expect("reported");
        assert!(recovery.kept_as.ends_with("state.corrupt-20260301.json"));
        let kept = std::fs::read_to_string(dir.path().join("state.corrupt-20260301.json")).unwrap();
        assert_eq!(
            kept, "{\"answer\": 12, trunc",
            "the bad copy is kept byte for byte"
        );
        // Opening again finds nothing to recover: no crash loop.
        let (again, recovery) = load_json::<Doc>(&store, "state", "20260302").unwrap();
        assert!(again.is_none() && recovery.is_none());
    }

    #[test]
    fn bytes_that_are_not_utf8_count_as_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        std::fs::write(dir.path().join("state.json"), [0xff, 0xfe, 0x00]).unwrap();
        let (back, recovery) = load_json::<Doc>(&store, "state", "x").unwrap();
        assert!(back.is_none() && recovery.is_some());
    }

    #[test]
    fn document_names_cannot_escape_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        for key in ["../etc", "", ".hidden", "a/b"] {
            assert!(store.write(key, "{}").is_err(), "{key}");
        }
    }

    /// A vault opened as the app opens it, after the page's chooser left `note` (if any).
    fn opened_after(note: Option<&str>, chosen: Option<&str>) -> (Rc<MemoryStore>, Vault) {
        let store = Rc::new(MemoryStore::new());
        if let Some(tag) = chosen {
            let mut saved = vault::Saved::fresh();
            saved.prefs.language = Some(tag.to_owned());
            save_json(store.as_ref(), vault::STATE_KEY, &saved).unwrap();
        }
        if let Some(note) = note {
            store.write(FIRST_LANGUAGE_KEY, note).unwrap();
        }
        let mut vault = open_vault(store.clone(), 1);
        take_first_language(store.as_ref(), &mut vault);
        (store, vault)
    }

    #[test]
    fn a_language_tapped_before_the_app_started_is_the_apps_language_and_is_saved() {
        let (store, vault) = opened_after(Some("\"uz\""), None);
        assert_eq!(vault.state().prefs.language.as_deref(), Some("uz"));
        assert_eq!(
            store.read(FIRST_LANGUAGE_KEY).unwrap(),
            None,
            "the note is used once"
        );
        // Saved: the next start opens in Uzbek with no note at all.
        let again = open_vault(store.clone(), 2);
        assert_eq!(again.state().prefs.language.as_deref(), Some("uz"));
    }

    #[test]
    fn a_language_chosen_in_the_app_wins_over_a_tap_on_the_page() {
        let (store, vault) = opened_after(Some("\"ru\""), Some("kk-Latn"));
        assert_eq!(vault.state().prefs.language.as_deref(), Some("kk-Latn"));
        assert_eq!(store.read(FIRST_LANGUAGE_KEY).unwrap(), None);
    }

    #[test]
    fn a_note_that_names_no_language_of_kosh_is_dropped() {
        for note in ["\"tlh\"", "uz", "", "{\"lang\": \"uz\"}"] {
            let (store, vault) = opened_after(Some(note), None);
            assert_eq!(vault.state().prefs.language, None, "{note:?}");
            assert_eq!(store.read(FIRST_LANGUAGE_KEY).unwrap(), None, "{note:?}");
        }
        let (_, vault) = opened_after(None, None);
        assert_eq!(vault.state().prefs.language, None);
    }

    #[test]
    fn removing_a_document_that_is_not_there_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(dir.path()).unwrap();
        store.write("note", "\"kk\"").unwrap();
        store.remove("note").unwrap();
        assert_eq!(store.read("note").unwrap(), None);
        store.remove("note").unwrap();
        assert!(
            store.remove("../etc").is_err(),
            "names are checked as for a write"
        );
    }

    #[test]
    fn memory_store_sets_aside_too() {
        let store = MemoryStore::new();
        store.write("state", "not json").unwrap();
        let (back, recovery) = load_json::<Doc>(&store, "state", "s").unwrap();
        assert!(back.is_none());
        assert_eq!(recovery.unwrap().kept_as, "state.corrupt-s");
        assert_eq!(
            store.read("state.corrupt-s").unwrap().as_deref(),
            Some("not json")
        );
    }
}
