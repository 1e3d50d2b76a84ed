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
    let index = ServeFile::new(dir.join("index.html"));
    let service = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .fallback(index);
    match service.oneshot(req).await {
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
    }
}
