//! The built web app from `KOSH_WEB_DIR`, served at `/` so one process gives a phone the whole
//! product. Unknown non-API paths get `index.html` (the app's router takes over on reload); API
//! paths never do: they get the JSON 404 of API.md.
//!
//! Two guards sit in front of tower-http's `ServeDir`: a path is cut to single slashes first
//! (`//assets` would otherwise be redirected to `//assets/`, which a browser reads as another
//! host), and a file is served only if its real location, symbolic links followed, is inside
//! the web directory (a link `web/etc -> /etc` must not serve `/etc/passwd`); the same holds for
//! the precompressed copies beside it, which are what is actually read.
//!
//! The build (`build_web` in `./kosh`) leaves a brotli `<file>.br` and a gzip `<file>.gz` beside
//! each text file: a phone that accepts brotli gets the `.br` (a sixth smaller than gzip for the
//! wasm, which on 3G is seconds), one that accepts only gzip the `.gz`, any other the file itself,
//! with the matching `Content-Encoding`. A file without a copy falls back to itself (and the
//! compression layer around the router may still gzip it on the fly). Every answer says
//! `Vary: accept-encoding`, so a cache between the phone and the server keeps them apart.

use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_ENCODING, VARY};
use axum::http::{HeaderValue, Method, Uri};
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

/// The endings of the precompressed copies `ServeDir` may read instead of the file asked for.
const PRECOMPRESSED: [&str; 2] = ["br", "gz"];

/// Whether the file or directory a request path names, links followed, lies inside `root`, and
/// so do its precompressed copies (`<file>.br`, `<file>.gz`), which `ServeDir` reads in its
/// place. A path that names nothing is "inside": `ServeDir` answers it with a 404 or the app's
/// page.
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
    let inside = |path: &Path| match (path.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(root)) => real.starts_with(root),
        (Err(_), _) => true,
        (Ok(_), Err(_)) => false,
    };
    inside(&path)
        && PRECOMPRESSED.iter().all(|ending| {
            let mut copy = path.clone().into_os_string();
            copy.push(".");
            copy.push(ending);
            inside(Path::new(&copy))
        })
}

/// The router's fallback: static files when a web directory is configured, else JSON 404.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    match state.settings.web_dir.as_ref() {
        Some(dir) => serve_files(dir, req).await,
        None => ApiError::NotFound.into_response(),
    }
}

/// A request for the web app answered from `dir`, behind the guards above.
async fn serve_files(dir: &Path, mut req: Request) -> Response {
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
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip();
    // A missing `/app.wasm` is a 404, not a page of HTML the loader would choke on; a missing
    // `/status/42` is one of the app's own routes, so it gets the app.
    let result = if looks_like_a_file(req.uri().path()) {
        files.oneshot(req).await
    } else {
        let page = ServeFile::new(dir.join("index.html"))
            .precompressed_br()
            .precompressed_gzip();
        files.fallback(page).oneshot(req).await
    };
    match result {
        Ok(response) => {
            let mut response = response.into_response();
            // The same address is answered in brotli, gzip or plain depending on the request.
            response
                .headers_mut()
                .insert(VARY, HeaderValue::from_name(ACCEPT_ENCODING));
            response
        }
        Err(err) => ApiError::Internal(format!("serving a file: {err}")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use axum::body::{Body, Bytes, to_bytes};
    use axum::http::header::{CONTENT_ENCODING, CONTENT_TYPE, IF_MODIFIED_SINCE, LAST_MODIFIED};
    use axum::http::{HeaderMap, StatusCode};

    use super::*;

    /// A web directory as the build leaves it: the page and the wasm with a brotli and a gzip
    /// copy, the loader with a gzip copy only (its brotli one missing). The copies' bytes are
    /// not really compressed: what a test checks is which file was read.
    fn built_web_dir() -> tempfile::TempDir {
        let web = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("index.html", "plain page"),
            ("index.html.br", "br page"),
            ("index.html.gz", "gz page"),
            ("kosh_bg.wasm", "plain wasm"),
            ("kosh_bg.wasm.br", "br wasm"),
            ("kosh_bg.wasm.gz", "gz wasm"),
            ("kosh.js", "plain js"),
            ("kosh.js.gz", "gz js"),
        ] {
            std::fs::write(web.path().join(name), text).unwrap();
        }
        web
    }

    async fn get(
        dir: &Path,
        path: &str,
        headers: &[(axum::http::HeaderName, &str)],
    ) -> (StatusCode, HeaderMap, Bytes) {
        let mut req = Request::get(path);
        for (name, value) in headers {
            req = req.header(name, *value);
        }
        let response = serve_files(dir, req.body(Body::empty()).unwrap()).await;
        let (parts, body) = response.into_parts();
        (
            parts.status,
            parts.headers,
            to_bytes(body, 1 << 20).await.unwrap(),
        )
    }

    /// The `Content-Encoding` of an answer, `None` for a plain one.
    fn encoding(headers: &HeaderMap) -> Option<&str> {
        headers.get(CONTENT_ENCODING).map(|v| v.to_str().unwrap())
    }

    #[tokio::test]
    async fn the_wasm_is_brotli_when_accepted_gzip_when_only_that_and_plain_otherwise() {
        let web = built_web_dir();
        // What Chromium sends, then older or stricter clients.
        let cases = [
            (Some("gzip, deflate, br, zstd"), Some("br"), "br wasm"),
            (Some("br"), Some("br"), "br wasm"),
            (Some("gzip"), Some("gzip"), "gz wasm"),
            (Some("br;q=0, gzip"), Some("gzip"), "gz wasm"),
            (Some("identity"), None, "plain wasm"),
            (None, None, "plain wasm"),
        ];
        for (accept, expected, body) in cases {
            let headers: Vec<_> = accept.map(|a| (ACCEPT_ENCODING, a)).into_iter().collect();
            let (status, headers, bytes) = get(web.path(), "/kosh_bg.wasm", &headers).await;
            assert_eq!(status, StatusCode::OK, "{accept:?}");
            assert_eq!(encoding(&headers), expected, "{accept:?}");
            assert_eq!(bytes, body.as_bytes(), "{accept:?}");
            // The type is the file's, whichever copy was read.
            assert_eq!(headers[CONTENT_TYPE], "application/wasm", "{accept:?}");
            assert_eq!(headers[VARY], "accept-encoding", "{accept:?}");
        }
    }

    #[tokio::test]
    async fn a_missing_brotli_copy_falls_back_to_gzip_then_to_the_file() {
        let web = built_web_dir();
        let (status, headers, bytes) =
            get(web.path(), "/kosh.js", &[(ACCEPT_ENCODING, "gzip, br")]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), Some("gzip"));
        assert_eq!(bytes, "gz js".as_bytes());
        let (status, headers, bytes) =
            get(web.path(), "/kosh.js", &[(ACCEPT_ENCODING, "br")]).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(encoding(&headers), None);
        assert_eq!(bytes, "plain js".as_bytes());
        assert_eq!(headers[VARY], "accept-encoding");
    }

    #[tokio::test]
    async fn the_page_and_the_apps_routes_get_the_precompressed_page() {
        let web = built_web_dir();
        for path in ["/", "/index.html", "/status/42"] {
            let (status, headers, bytes) = get(web.path(), path, &[(ACCEPT_ENCODING, "br")]).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert_eq!(encoding(&headers), Some("br"), "{path}");
            assert_eq!(bytes, "br page".as_bytes(), "{path}");
            assert!(
                headers[CONTENT_TYPE]
                    .to_str()
                    .unwrap()
                    .starts_with("text/html")
            );
        }
        // A missing file with a file's name is still a 404, not the page.
        let (status, _, _) = get(web.path(), "/missing.wasm", &[(ACCEPT_ENCODING, "br")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn a_file_the_browser_holds_is_confirmed_with_a_304_not_sent_again() {
        // The service worker's install asks with `cache: "no-cache"`: a conditional request
        // that costs a few header bytes when the page already downloaded the file.
        let web = built_web_dir();
        let accept = (ACCEPT_ENCODING, "gzip, deflate, br, zstd");
        let (_, headers, _) = get(web.path(), "/kosh_bg.wasm", std::slice::from_ref(&accept)).await;
        let modified = headers[LAST_MODIFIED].to_str().unwrap().to_owned();
        let (status, headers, bytes) = get(
            web.path(),
            "/kosh_bg.wasm",
            &[accept, (IF_MODIFIED_SINCE, modified.as_str())],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(bytes.is_empty());
        assert_eq!(headers[VARY], "accept-encoding");
    }

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

    #[cfg(unix)]
    #[tokio::test]
    async fn a_precompressed_copy_linked_out_of_the_web_directory_is_not_served() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "x").unwrap();
        let web = built_web_dir();
        std::fs::write(web.path().join("app.css"), "body {}").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), web.path().join("app.css.br"))
            .unwrap();
        assert!(!stays_inside(web.path(), "/app.css"));
        let (status, _, bytes) = get(web.path(), "/app.css", &[(ACCEPT_ENCODING, "br")]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_ne!(bytes, "x".as_bytes());
        // The files beside it, with copies that stay inside, are still served.
        let (status, _, _) = get(web.path(), "/kosh_bg.wasm", &[(ACCEPT_ENCODING, "br")]).await;
        assert_eq!(status, StatusCode::OK);
    }
}
