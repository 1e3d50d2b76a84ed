//! The web app's HTTP client: the browser's `fetch`, with what `server.rs` asks of a client (a
//! method, a few headers, a JSON body; the answer's status, entity tag and text) and no more.
//! reqwest's client for wasm is `fetch` too, but it converts every request and answer through
//! the `http` crate's header maps, names and status codes, about 12 KB of the phone's brotli
//! download before its first tap (BENCHMARKS.md, "The first visit on 3G"). Native builds keep
//! reqwest, with the same method names, so `server.rs` reads the same for both.

use serde::Serialize;

use crate::server::Reply;
use wasm_bindgen_futures::JsFuture;
use web_sys::wasm_bindgen::{JsCast, JsValue};

/// An HTTP method, as `fetch` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method(&'static str);

impl Method {
    pub const GET: Method = Method("GET");
    pub const POST: Method = Method("POST");
    pub const PUT: Method = Method("PUT");
}

/// The browser's `fetch`: nothing to hold (it applies its own timeouts).
#[derive(Debug, Clone, Default)]
pub struct Client;

impl Client {
    pub fn request(&self, method: Method, url: String) -> RequestBuilder {
        RequestBuilder {
            method,
            url,
            headers: Vec::new(),
            body: Ok(None),
        }
    }
}

/// One request being put together.
#[derive(Debug)]
pub struct RequestBuilder {
    method: Method,
    url: String,
    headers: Vec<(&'static str, String)>,
    /// The JSON body, or why it could not be written (reported by `send`, as reqwest does).
    body: Result<Option<String>, String>,
}

impl RequestBuilder {
    pub fn header(mut self, name: &'static str, value: &str) -> RequestBuilder {
        self.headers.push((name, value.to_owned()));
        self
    }

    pub fn bearer_auth(self, token: &str) -> RequestBuilder {
        self.header("authorization", &format!("Bearer {token}"))
    }

    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> RequestBuilder {
        self.body = serde_json::to_string(body)
            .map(Some)
            .map_err(|e| format!("request body: {e}"));
        self.header("content-type", "application/json")
    }

    /// Sends the request; `Err` when no answer came (offline, refused, blocked), with the
    /// browser's words for why.
    pub async fn send(self) -> Result<Reply, String> {
        let body = self.body?;
        let init = web_sys::RequestInit::new();
        init.set_method(self.method.0);
        let headers = web_sys::Headers::new().map_err(js)?;
        for (name, value) in &self.headers {
            headers.append(name, value).map_err(js)?;
        }
        init.set_headers(&headers);
        if let Some(body) = body {
            init.set_body(&JsValue::from_str(&body));
        }
        let window = web_sys::window().ok_or("no window to fetch from")?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(&self.url, &init))
                .await
                .map_err(js)?
                .dyn_into()
                .map_err(js)?;
        let etag = response.headers().get("etag").ok().flatten();
        let text = match response.text() {
            Ok(promise) => JsFuture::from(promise).await.map_err(js).and_then(|v| {
                v.as_string()
                    .ok_or_else(|| "a body that is not text".to_owned())
            }),
            Err(e) => Err(js(e)),
        };
        Ok(Reply {
            status: response.status(),
            etag,
            text,
        })
    }
}

/// A JavaScript error as text (its message and kind, as the console shows them).
fn js(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
