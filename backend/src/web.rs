//! The built web app from `KOSH_WEB_DIR`, served at `/` so one process gives a phone the whole
//! product. Unknown non-API paths get `index.html` (the app's router takes over on reload); API
//! paths never do: they get the JSON 404 of API.md.
//!
//! Two guards sit in front of tower-http's `ServeDir`: a path is cut to single slashes first
//! (`//assets` would otherwise be redirected to `//assets/`, which a browser reads as another
//! host), and a file is served only if its real location, symbolic links followed, is inside
//! the web directory (a link `web/etc -> /etc` must not serve `/etc/passwd`).

use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{Method, Uri};
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

/// `path` with every run of slashes cut to one: `//assets//x` is `/assets/x`.
fn single_slashes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    out
}

/// The request's URI with its path cut to single slashes, the query kept.
fn with_single_slashes(uri: &Uri) -> Option<Uri> {
    let path = single_slashes(uri.path());
    let path_and_query = match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path,
    };
    path_and_query.parse().ok()
}

/// Whether the file or directory a request path names, links followed, lies inside `root`. A
/// path that names nothing is "inside": `ServeDir` answers it with a 404 or the app's page.
fn stays_inside(root: &Path, request_path: &str) -> bool {
    let Ok(decoded) = percent_encoding::percent_decode_str(request_path).decode_utf8() else {
        // ServeDir refuses these itself.
        return true;
    };
    let mut path = PathBuf::from(root);
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => path.push(name),
            Component::CurDir => {}
            // ServeDir refuses `..` and absolute parts itself; so do we.
            _ => return false,
        }
    }
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        (Err(_), _) => true,
        (Ok(_), Err(_)) => false,
    }
}

/// The router's fallback: static files when a web directory is configured, else JSON 404.
pub async fn fallback(State(state): State<AppState>, mut req: Request) -> Response {
    let Some(dir) = state.settings.web_dir.as_ref() else {
        return ApiError::NotFound.into_response();
    };
    if let Some(uri) = with_single_slashes(req.uri()) {
        *req.uri_mut() = uri;
    }
    if is_api_path(req.uri().path()) {
        return ApiError::NotFound.into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return ApiError::MethodNotAllowed.into_response();
    }
    if !stays_inside(dir, req.uri().path()) {
        tracing::warn!(path = %req.uri().path(), "a web path leads out of KOSH_WEB_DIR");
        return ApiError::NotFound.into_response();
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

    #[test]
    fn runs_of_slashes_become_one() {
        assert_eq!(single_slashes("//assets"), "/assets");
        assert_eq!(single_slashes("/a//b///c/"), "/a/b/c/");
        assert_eq!(single_slashes("/"), "/");
        let uri: Uri = "//evil.example/x?y=//z".parse().unwrap();
        assert_eq!(
            with_single_slashes(&uri).unwrap().to_string(),
            "/evil.example/x?y=//z"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_web_directory_are_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        let web = tempfile::tempdir().unwrap();
        std::fs::write(web.path().join("index.html"), "<html>").unwrap();
        std::fs::create_dir(web.path().join("assets")).unwrap();
        std::fs::write(web.path().join("assets/app.css"), "").unwrap();
        std::os::unix::fs::symlink(outside.path(), web.path().join("etc")).unwrap();
        std::os::unix::fs::symlink(web.path().join("assets"), web.path().join("inner")).unwrap();
        assert!(!stays_inside(web.path(), "/etc/secret"));
        assert!(!stays_inside(web.path(), "/etc"));
        assert!(
            !stays_inside(web.path(), "/%65tc/secret"),
            "percent-encoded"
        );
        assert!(!stays_inside(web.path(), "/assets/../etc/secret"));
        assert!(stays_inside(web.path(), "/index.html"));
        assert!(stays_inside(web.path(), "/inner/app.css"), "a link inside");
        assert!(stays_inside(web.path(), "/status/42"), "an app route");
    }
}
