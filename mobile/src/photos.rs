//! Photos of papers: chosen, shrunk (a long edge of 1600 px, a JPEG under 300 KB, no EXIF),
//! named by their SHA-256, kept on the phone and sent to the server by the sync round.
//!
//! The web app asks the page for them: the browser does the heavy work in a small module of its
//! own (`web/photos.js`: shrink on a canvas, SHA-256, IndexedDB, the uploads' `fetch`), imported
//! the first time a screen needs it, so that none of it weighs on the wasm every phone
//! downloads; this side only calls it (`document::eval`) and reads its JSON answers.
//!
//! The native builds (desktop, Android) do the same in Rust, as files: `shrink` decodes and
//! re-encodes the picture, `folder` keeps it as `<data dir>/photos/<sha256>.jpg`, `upload`
//! sends it over reqwest. The screens call the same `keep`, `forget` and `watch` on both.

#[cfg(target_arch = "wasm32")]
use serde_json::{Value, json};

use crate::store::uploads::Answer;

#[cfg(not(target_arch = "wasm32"))]
pub mod folder;
#[cfg(not(target_arch = "wasm32"))]
pub mod shrink;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod upload;

/// Whether this build can take photos of papers: every build does now, the web through the
/// page and the native builds as files.
pub const AVAILABLE: bool = true;

/// A photo the page shrank and kept: its name, its length, and whether the browser has
/// promised to keep what the app stores (asked once there is a photo; `None`: it cannot say,
/// and always on the native builds, whose files no browser can clear).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub sha256: String,
    pub size: u64,
    pub persisted: Option<bool>,
}

/// What a person chose in a paper's file input, as each platform reaches it: the web's page
/// module reads the input itself by its id, a native build is handed the file in the event.
#[derive(Clone)]
pub struct Chosen {
    #[cfg(target_arch = "wasm32")]
    input_id: String,
    #[cfg(not(target_arch = "wasm32"))]
    file: Option<dioxus::html::FileData>,
}

impl Chosen {
    /// What the `change` event `event` of the file input `input_id` chose.
    #[cfg(target_arch = "wasm32")]
    pub fn new(input_id: &str, _event: &dioxus::prelude::FormEvent) -> Chosen {
        Chosen {
            input_id: input_id.to_owned(),
        }
    }

    /// What the `change` event `event` of the file input `input_id` chose.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(_input_id: &str, event: &dioxus::prelude::FormEvent) -> Chosen {
        Chosen {
            file: event.files().into_iter().next(),
        }
    }
}

/// Keep the picture chosen. The error is a code for words (`photos-error-<code>`): `insecure`,
/// `not_image`, `storage`, `unavailable` (the module could not be loaded), `unreadable` (a
/// native build could not read the file chosen), or `none` when nothing was chosen (the chooser
/// was closed).
#[cfg(target_arch = "wasm32")]
pub async fn keep(chosen: Chosen) -> Result<Kept, String> {
    // Read by hand from the JSON: a derived deserializer per answer shape costs the wasm more
    // than these lines (all the page's answers come as one `Value`).
    let answer = call("keep", json!([chosen.input_id]))
        .await
        .unwrap_or_default();
    if let Some(error) = answer.get("error").and_then(Value::as_str) {
        return Err(error.to_owned());
    }
    match (
        answer.get("sha256").and_then(Value::as_str),
        answer.get("size").and_then(Value::as_u64),
    ) {
        (Some(sha256), Some(size)) if kosh_shared::tick::is_sha256(sha256) => Ok(Kept {
            sha256: sha256.to_owned(),
            size,
            persisted: answer.get("persisted").and_then(Value::as_bool),
        }),
        _ => Err("unavailable".into()),
    }
}

/// Keep the picture chosen, in the platform's photos folder: on disk before this returns, so
/// the tick saved next never names a photo a crash could lose. The codes are the web's (above).
#[cfg(not(target_arch = "wasm32"))]
pub async fn keep(chosen: Chosen) -> Result<Kept, String> {
    let Some(file) = chosen.file else {
        return Err("none".into());
    };
    let bytes = file
        .read_bytes()
        .await
        .map_err(|_| String::from("unreadable"))?;
    // Decoding and shrinking a 12 MP photo takes a phone a second or more: not on the thread
    // that draws the screens.
    off_screen(move || folder::PhotoFolder::platform().keep(&bytes))
        .await
        .map_err(str::to_owned)
}

/// `work` on a thread of its own, awaited without blocking: the runtime under the screens is
/// Dioxus's to choose, so this asks nothing of it.
#[cfg(not(target_arch = "wasm32"))]
async fn off_screen<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, &'static str> + Send + 'static,
) -> Result<T, &'static str> {
    let (done, result) = futures_channel::oneshot::channel();
    std::thread::Builder::new()
        .name("kosh-photo".into())
        .spawn(move || {
            let _ = done.send(work());
        })
        .map_err(|_| "unavailable")?;
    // The thread dropped its end without an answer only if `work` panicked.
    result.await.unwrap_or(Err("unavailable"))
}

/// Have the page show every kept photo the screens name (`img data-kept`), from now on.
#[cfg(target_arch = "wasm32")]
pub async fn watch() {
    let _ = call("watch", json!([])).await;
}

/// Nothing to watch on the native builds: each `img` is drawn with its picture (`picture`).
#[cfg(not(target_arch = "wasm32"))]
pub async fn watch() {}

/// The `src` of the `img` showing the kept photo `name`: on the web none (the page module
/// fills it in from IndexedDB), on the native builds the file as a `data:` URL, which every
/// platform's webview shows; `None` there when this phone does not have the photo.
#[cfg(target_arch = "wasm32")]
pub fn picture(_name: &str) -> Option<String> {
    None
}

/// The `src` of the `img` showing the kept photo `name` (see the web's, above).
#[cfg(not(target_arch = "wasm32"))]
pub fn picture(name: &str) -> Option<String> {
    folder::PhotoFolder::platform().data_url(name)
}

/// Delete a photo from this phone.
#[cfg(target_arch = "wasm32")]
pub async fn forget(name: &str) {
    let _ = call("forget", json!([name])).await;
}

/// Delete a photo from this phone. A file that cannot be removed stays behind, named by no
/// tick: it costs some space and nothing else.
#[cfg(not(target_arch = "wasm32"))]
pub async fn forget(name: &str) {
    let _ = folder::PhotoFolder::platform().forget(name);
}

/// What the sync round needs to send photos: the `HEAD` and the `PUT` of the rest. A trait so
/// that the outbox's bookkeeping is tested without a browser or a server.
pub(crate) trait Uploader {
    /// Whether this platform has photos to send at all.
    fn here(&self) -> bool;
    /// `HEAD /v1/attachments/{name}`.
    async fn head(&self, name: &str, token: &str) -> Answer;
    /// `PUT /v1/attachments/{name}` of its bytes from `from` to the end.
    async fn put(&self, name: &str, token: &str, from: u64) -> Answer;
}

/// The page's own `fetch`, through `web/photos.js`.
#[cfg(target_arch = "wasm32")]
pub(crate) struct PagePhotos;

#[cfg(target_arch = "wasm32")]
impl Uploader for PagePhotos {
    fn here(&self) -> bool {
        AVAILABLE
    }

    async fn head(&self, name: &str, token: &str) -> Answer {
        // Not loaded: as if the server could not be reached, tried again next round.
        Answer::read(&call("head", json!([name, token])).await.unwrap_or_default())
    }

    async fn put(&self, name: &str, token: &str, from: u64) -> Answer {
        Answer::read(
            &call("put", json!([name, token, from]))
                .await
                .unwrap_or_default(),
        )
    }
}

/// Call `function` of the page's photos module with `args` (an array, spread as its
/// arguments).
#[cfg(target_arch = "wasm32")]
async fn call(function: &str, args: Value) -> Result<Value, String> {
    use dioxus::prelude::document;
    let script = format!(
        r#"const photos = await import("/photos.js");
        return await photos.{function}(...(await dioxus.recv()));"#
    );
    let eval = document::eval(&script);
    eval.send(args).map_err(|e| e.to_string())?;
    eval.await.map_err(|e| e.to_string())
}
