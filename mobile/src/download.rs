//! Handing a file made on the phone to the phone, with no server: on the web a Blob URL clicked
//! as a download (an Android browser opens a downloaded `.ics` with the calendar app); in the
//! native builds a file in the downloads folder. Used for the calendar files of the deadlines.

use crate::error::{AppError, AppResult};

/// Offer `text` as the file `name` of type `mime`.
pub fn offer_file(name: &str, mime: &str, text: &str) -> AppResult<()> {
    imp::offer_file(name, mime, text)
}

/// Keep `bytes` as the file `name` in the downloads folder (the native builds' summary PDF; the
/// web page downloads its own).
#[cfg(not(target_arch = "wasm32"))]
pub fn offer_bytes(name: &str, bytes: &[u8]) -> AppResult<()> {
    imp::offer_bytes(name, bytes)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use web_sys::js_sys::Array;
    use web_sys::wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

    use super::{AppError, AppResult};

    fn failed(what: &str, e: JsValue) -> AppError {
        AppError::File(format!("{what}: {e:?}"))
    }

    pub(super) fn offer_file(name: &str, mime: &str, text: &str) -> AppResult<()> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| AppError::File("no document".into()))?;
        let parts = Array::of1(&JsValue::from_str(text));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|e| failed("blob", e))?;
        let url = Url::create_object_url_with_blob(&blob).map_err(|e| failed("url", e))?;
        let anchor: HtmlAnchorElement = document
            .create_element("a")
            .map_err(|e| failed("anchor", e))?
            .dyn_into()
            .map_err(|_| AppError::File("not an anchor".into()))?;
        anchor.set_href(&url);
        anchor.set_download(name);
        // Some browsers follow a click only on an anchor in the document.
        let body = document
            .body()
            .ok_or_else(|| AppError::File("no body".into()))?;
        body.append_child(&anchor)
            .map_err(|e| failed("append", e))?;
        anchor.click();
        anchor.remove();
        // The download has its own copy once clicked; the URL is not needed after.
        Url::revoke_object_url(&url).map_err(|e| failed("revoke", e))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{AppError, AppResult};

    pub(super) fn offer_file(name: &str, _mime: &str, text: &str) -> AppResult<()> {
        offer_bytes(name, text.as_bytes())
    }

    pub(super) fn offer_bytes(name: &str, bytes: &[u8]) -> AppResult<()> {
        let dir = dirs::download_dir()
            .or_else(dirs::home_dir)
            .ok_or_else(|| AppError::File("no downloads folder".into()))?;
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| AppError::File(format!("{}: {e}", path.display())))
    }
}
