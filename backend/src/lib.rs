//! Kosh's sync server: the HTTP API of API.md on axum, stored in sled, with JWT auth.
//!
//! `main.rs` is a thin shell around this library: it reads [`Settings`], binds, and calls
//! [`serve`] with [`router`]. Tests do the same on `127.0.0.1:0` with a temporary directory.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod applications;
pub mod attachments;
pub mod auth;
pub mod checklist;
pub mod connections;
pub mod contract;
pub mod drafts;
pub mod error;
pub mod health;
pub mod live;
pub mod proxy;
pub mod rate_limit;
pub mod reference;
pub mod settings;
pub mod shared_limits;
pub mod state;
pub mod store;
pub mod summary;
pub mod web;

use std::future::Future;

use axum::Router;
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::{Request, StatusCode};
use axum::middleware::map_response;
use axum::routing::{get, post, put};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::sensitive_headers::SetSensitiveHeadersLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use crate::error::{ApiError, ApiResult};
pub use crate::settings::Settings;
pub use crate::state::{AppState, StartError};

/// The largest request body accepted (API.md): 1 MiB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The largest attachment body accepted (API.md): 2 MiB.
const MAX_ATTACHMENT_BODY: usize = attachments::upload::MAX_ATTACHMENT_BYTES as usize;

/// What the compression layer gzips on the fly: tower-http's default (not images, not event
/// streams, not tiny answers) and not fonts either, since woff2 is compressed already and the web
/// app's text files come precompressed from the build (`web`).
fn compressible() -> impl Predicate {
    DefaultPredicate::new().and(NotForContentType::const_new("font/"))
}

/// Every route of API.md, with the layers that harden them.
pub fn router(state: AppState) -> Router {
    let timeout = state.settings.request_timeout;
    let api = Router::new()
        .route("/healthz", get(health::check))
        .route("/v1/auth/register", post(accounts::register))
        .route("/v1/auth/login", post(accounts::login))
        .route("/v1/auth/refresh", post(accounts::refresh))
        .route("/v1/auth/logout", post(accounts::logout))
        .route("/v1/me", get(accounts::me))
        .route("/v1/sync", post(drafts::sync))
        .route("/v1/sync/wait", get(drafts::wait))
        .route("/v1/drafts", get(drafts::list))
        .route("/v1/drafts/{id}", get(drafts::get_one))
        .route(
            "/v1/applications",
            post(applications::submit).get(applications::list),
        )
        .route("/v1/applications/{id}", get(applications::get_one))
        .route(
            "/v1/applications/{id}/events",
            post(applications::post_event),
        )
        .route(
            "/v1/applications/{id}/reports",
            post(applications::post_report),
        )
        .route(
            "/v1/contract",
            get(contract::get_own).put(contract::put_own),
        )
        .route("/v1/contract/risk", get(contract::risk))
        .route("/v1/users/{id}/contract", put(contract::put_verified))
        .route(
            "/v1/forms",
            get(reference::list_forms).post(reference::post_form),
        )
        .route("/v1/forms/{id}", get(reference::get_form))
        .route(
            "/v1/forms/{id}/versions/{version}",
            get(reference::get_form_version),
        )
        .route("/v1/policy", get(reference::get_policy))
        .route("/v1/policies", get(reference::list_policies))
        .route(
            "/v1/policies/{id}",
            get(reference::get_policy_by_id).put(reference::put_policy),
        )
        .route("/v1/checklist", get(checklist::get))
        .route("/v1/summary.pdf", post(summary::post))
        .route_layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES));
    // Photos and scans are bigger than any JSON body: their own limit, on their route only.
    let attachments = Router::new()
        .route(
            "/v1/attachments/{sha256}",
            put(attachments::put)
                .get(attachments::get)
                .head(attachments::head),
        )
        .route_layer(RequestBodyLimitLayer::new(MAX_ATTACHMENT_BODY));
    let api = api
        .merge(attachments)
        .method_not_allowed_fallback(error::method_not_allowed)
        .fallback(web::fallback);

    // Each `layer` wraps the ones before it: the redaction of secret headers is outermost so
    // that nothing below it can log them (the body limits are the routes' own, innermost).
    let sensitive = [AUTHORIZATION, COOKIE, SET_COOKIE];
    api.layer(CompressionLayer::new().compress_when(compressible()))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(map_response(error::json_error_bodies))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let request_id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    // The path only: queries and headers may carry things not to log.
                    tracing::info_span!(
                        "request",
                        method = %req.method(),
                        path = %req.uri().path(),
                        request_id,
                        user = tracing::field::Empty,
                        // Filled in by /v1/sync, so one line per request says what it did.
                        pushed = tracing::field::Empty,
                        pulled = tracing::field::Empty,
                    )
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(SetSensitiveHeadersLayer::new(sensitive))
        .with_state(state)
}

/// Serves `router(state)` on `listener` until `shutdown` resolves, then answers every phone
/// waiting in `GET /v1/sync/wait`, lets requests in flight finish, flushes the store, stops the
/// flusher and checkpoints the store.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state.clone());
    // Waiters are requests in flight too: without this, a stop would hold them for their whole
    // wait. Answered at once, the phones reconnect (to another server, behind a balancer).
    let live = state.live.clone();
    let shutdown = async move {
        shutdown.await;
        live.close();
    };
    let served = connections::serve(listener, app, state.settings.connections, shutdown).await;
    let closed = state.store.close().await;
    served?;
    closed.map_err(|e| std::io::Error::other(e.to_string()))?;
    tracing::info!("stopped; store flushed");
    Ok(())
}
