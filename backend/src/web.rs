//! The built web app from `KOSH_WEB_DIR`, served at `/` so one process gives a phone the whole
//! product. Unknown non-API paths get `index.html` (the app's router takes over on reload); API
//! paths never do: they get the JSON 404 of API.md.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::error::ApiError;
use crate::state::AppState;

/// Paths that belong to the API, where a miss is a JSON 404 and never the app's page.
fn is_api_path(path: &str) -> bool {
    path == "/v1" || path.starts_with("/v1/") || path == "/healthz" || path.starts_with("/healthz/")
}

/// Whether the path's last segment ends in a file extension (`/pkg/kosh_bg.wasm`, `/sw.js`),
/// as opposed to an app route that merely has a dot in it (`/form/personal.birth_date`).
fn looks_like_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=8).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// The router's fallback: static files when a web directory is configured, else JSON 404.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    let Some(dir) = state.settings.web_dir.as_ref() else {
        return ApiError::NotFound.into_response();
    };
    if is_api_path(req.uri().path()) {
        return ApiError::NotFound.into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return ApiError::MethodNotAllowed.into_response();
    }
    let files = ServeDir::new(dir).append_index_html_on_directories(true);
    // A missing `/app.wasm` is a 404, not a page of HTML the loader would choke on; a missing
    // `/status/42` is one of the app's own routes, so it gets the app.
    let result = if looks_like_a_file(req.uri().path()) {
        files.oneshot(req).await
    } else {
        files
            .fallback(ServeFile::new(dir.join("index.html")))
            .oneshot(req)
            .await
    };
    match result {
        Ok(response) => response.into_response(),
        Err(err) => ApiError::Internal(format!("serving a file: {err}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_are_never_the_app() {
        for path in ["/v1", "/v1/nope", "/healthz"] {
            assert!(is_api_path(path), "{path}");
        }
        for path in ["/", "/status", "/v1x", "/app.wasm"] {
            assert!(!is_api_path(path), "{path}");
        }
        assert!(looks_like_a_file("/pkg/kosh_bg.wasm"));
        assert!(looks_like_a_file("/sw.js"));
        assert!(!looks_like_a_file("/status/42"));
        assert!(!looks_like_a_file("/form/personal.birth_date"));
        assert!(!looks_like_a_file("/"));
    }
}
