//! Photos of papers, as the app asks the page for them. The browser does the heavy work in a
//! small module of its own (`web/photos.js`: shrink on a canvas, SHA-256, IndexedDB, the
//! uploads' `fetch`), imported the first time a screen needs it, so that none of it weighs on
//! the wasm every phone downloads; this side only calls it (`document::eval`) and reads its
//! JSON answers. The native builds keep no photos yet: `AVAILABLE` tells the screens so.

use serde_json::{Value, json};

use crate::store::uploads::Answer;

/// Whether this build can take photos of papers: the web app only, for now.
pub const AVAILABLE: bool = cfg!(target_arch = "wasm32");

/// A photo the page shrank and kept: its name, its length, and whether the browser has
/// promised to keep what the app stores (asked once there is a photo; `None`: it cannot say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub sha256: String,
    pub size: u64,
    pub persisted: Option<bool>,
}

/// Keep the picture chosen in the file input `input_id`. The error is a code for words
/// (`photos-error-<code>`): `insecure`, `not_image`, `storage`, `unavailable` (the module could
/// not be loaded), or `none` when nothing was chosen (the chooser was closed).
pub async fn keep(input_id: &str) -> Result<Kept, String> {
    // Read by hand from the JSON: a derived deserializer per answer shape costs the wasm more
    // than these lines (all the page's answers come as one `Value`).
    let answer = call("keep", json!([input_id])).await.unwrap_or_default();
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

/// Have the page show every kept photo the screens name (`img data-kept`), from now on.
pub async fn watch() {
    let _ = call("watch", json!([])).await;
}

/// Delete a photo from this phone.
pub async fn forget(name: &str) {
    let _ = call("forget", json!([name])).await;
}

/// What the sync round needs to send photos: the `HEAD` and the `PUT` of the rest. A trait so
/// that the outbox's bookkeeping is tested without a browser.
pub(crate) trait Uploader {
    /// Whether this platform has photos to send at all.
    fn here(&self) -> bool;
    /// `HEAD /v1/attachments/{name}`.
    async fn head(&self, name: &str, token: &str) -> Answer;
    /// `PUT /v1/attachments/{name}` of its bytes from `from` to the end.
    async fn put(&self, name: &str, token: &str, from: u64) -> Answer;
}

/// The page's own `fetch`, through `web/photos.js`.
pub(crate) struct PagePhotos;

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

/// The native builds have no page to ask.
#[cfg(not(target_arch = "wasm32"))]
async fn call(function: &str, _args: Value) -> Result<Value, String> {
    Err(format!("{function}: photos are kept by the web app only"))
}
