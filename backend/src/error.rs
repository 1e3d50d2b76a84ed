//! The one error type of the server. Each variant maps to a status and one of
//! `kosh_shared::api::ERROR_CODES`; internal causes are logged, never sent. Also the JSON
//! extractor whose rejections become these errors, and the fallbacks for unknown routes and
//! methods, so every error a client sees has the body of API.md.

use std::time::Duration;

use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use kosh_shared::api::{ErrorBody, ErrorDetail, FieldError, Problem};
use serde::de::DeserializeOwned;

use crate::store::StoreError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Malformed input: bad JSON, unknown fields, wrong types, bad ids.
    #[error("{0}")]
    BadRequest(String),
    /// Ops whose answers do not fit the form: `fields` names each question and the validation
    /// code (one of `kosh_shared::validate::CODES`).
    #[error("{message}")]
    BadFields {
        message: String,
        fields: Vec<FieldError>,
    },
    /// No usable access token.
    #[error("missing, malformed, expired or revoked access token")]
    Unauthorized,
    /// The caller's role may not do this.
    #[error("this needs another role")]
    Forbidden,
    /// Nothing there, or someone else's (never revealed).
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("request body over the limit")]
    PayloadTooLarge,
    #[error("expected Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("the request took too long")]
    RequestTimeout,
    /// Too many failed logins; `retry_after` becomes the `Retry-After` header.
    #[error("too many attempts; retry later")]
    RateLimited { retry_after: Duration },
    #[error("invalid email address")]
    InvalidEmail,
    #[error("password too weak: use at least 10 characters")]
    WeakPassword,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("refresh token already used; every token of this login is revoked")]
    TokenReused,
    #[error("at most {max} ops per sync request")]
    TooManyOps { max: usize },
    /// A submitted draft that breaks the form's rules.
    #[error("the draft does not pass validation")]
    ValidationFailed { fields: Vec<FieldError> },
    #[error("{0}")]
    InvalidTransition(String),
    #[error("unknown region {0:?}")]
    UnknownRegion(String),
    #[error("unknown form {0:?}")]
    UnknownForm(String),
    #[error("{0}")]
    InvalidHlc(String),
    #[error("{0}")]
    InvalidDate(String),
    /// The request line is over hyper's 64 KiB.
    #[error("the URL is too long")]
    UriTooLong,
    /// The request's headers are over hyper's limit.
    #[error("the request headers are too large")]
    HeadersTooLarge,
    /// The server holds as many connections as it may; try again in a moment.
    #[error("the server is busy; retry shortly")]
    ServerBusy,
    /// The disk the store is on has no room for this write; reads still work, and writes
    /// resume by themselves once there is room.
    #[error("the server's storage is full; nothing was saved; retry later")]
    StorageFull { retry_after: Duration },
    /// A policy bundle an officer tried to publish does not load: every problem, with its path.
    #[error("the policy bundle does not load; nothing was published")]
    InvalidPolicy(Vec<Problem>),
    /// A form an officer tried to publish does not load: every problem, with its path.
    #[error("the form does not load; nothing was published")]
    InvalidForm(Vec<Problem>),
    /// A form version already published with other content: publish it as a new version.
    #[error("{0}")]
    VersionExists(String),
    /// An attachment whose bytes do not have the SHA-256 it was sent under.
    #[error("the body's SHA-256 is not the one in the address; nothing was kept")]
    HashMismatch,
    /// An attachment that would take the caller over their quota.
    #[error("over the attachment quota of {quota_bytes} bytes; nothing was kept")]
    QuotaExceeded { quota_bytes: u64 },
    /// A part of an upload that neither continues the held bytes nor starts over.
    #[error("this part does not continue the upload: {held} bytes are held (Upload-Offset)")]
    BadRange { held: u64 },
    /// The same upload is being received in another request.
    #[error("this upload is being received in another request; retry when it ends")]
    UploadInProgress,
    /// Our fault; the cause is logged and never sent.
    #[error("internal error")]
    Internal(String),
}

/// Result with the server's error.
pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    /// The status and the API.md code of this error.
    pub fn status_and_code(&self) -> (StatusCode, &'static str) {
        use ApiError::*;
        match self {
            BadRequest(_) | BadFields { .. } => (StatusCode::BAD_REQUEST, "bad_request"),
            Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            NotFound => (StatusCode::NOT_FOUND, "not_found"),
            MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            RequestTimeout => (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
            RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            InvalidEmail => (StatusCode::BAD_REQUEST, "invalid_email"),
            WeakPassword => (StatusCode::BAD_REQUEST, "weak_password"),
            EmailTaken => (StatusCode::CONFLICT, "email_taken"),
            InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
            TokenReused => (StatusCode::UNAUTHORIZED, "token_reused"),
            TooManyOps { .. } => (StatusCode::BAD_REQUEST, "too_many_ops"),
            ValidationFailed { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
            InvalidTransition(_) => (StatusCode::CONFLICT, "invalid_transition"),
            UnknownRegion(_) => (StatusCode::BAD_REQUEST, "unknown_region"),
            UnknownForm(_) => (StatusCode::BAD_REQUEST, "unknown_form"),
            InvalidHlc(_) => (StatusCode::BAD_REQUEST, "invalid_hlc"),
            InvalidDate(_) => (StatusCode::BAD_REQUEST, "invalid_date"),
            UriTooLong => (StatusCode::URI_TOO_LONG, "uri_too_long"),
            HeadersTooLarge => (
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                "headers_too_large",
            ),
            ServerBusy => (StatusCode::SERVICE_UNAVAILABLE, "server_busy"),
            StorageFull { .. } => (StatusCode::SERVICE_UNAVAILABLE, "storage_full"),
            InvalidPolicy(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_policy"),
            InvalidForm(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_form"),
            VersionExists(_) => (StatusCode::CONFLICT, "version_exists"),
            HashMismatch => (StatusCode::BAD_REQUEST, "hash_mismatch"),
            QuotaExceeded { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded"),
            BadRange { .. } => (StatusCode::RANGE_NOT_SATISFIABLE, "bad_range"),
            UploadInProgress => (StatusCode::CONFLICT, "conflict"),
            Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    /// The JSON body of API.md for this error.
    pub fn body(&self) -> ErrorBody {
        let (_, code) = self.status_and_code();
        let fields = match self {
            ApiError::BadFields { fields, .. } | ApiError::ValidationFailed { fields } => {
                fields.clone()
            }
            _ => Vec::new(),
        };
        let problems = match self {
            ApiError::InvalidPolicy(problems) | ApiError::InvalidForm(problems) => problems.clone(),
            _ => Vec::new(),
        };
        // Internal causes stay in the log: the client learns only that it was our fault.
        let message = match self {
            ApiError::Internal(_) => "internal error".to_owned(),
            other => other.to_string(),
        };
        ErrorBody {
            error: ErrorDetail {
                code: code.to_owned(),
                message,
                fields,
                problems,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if let ApiError::Internal(cause) = &self {
            tracing::error!(%cause, "internal error");
        } else {
            tracing::debug!(code, "request refused");
        }
        let mut response = (status, axum::Json(self.body())).into_response();
        if let ApiError::RateLimited { retry_after } | ApiError::StorageFull { retry_after } = &self
        {
            // Round up so a client that waits exactly this long is let in.
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            if let Ok(value) = HeaderValue::from_str(&secs.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}

/// How long a client is asked to wait when the disk is full.
pub const STORAGE_FULL_RETRY: Duration = Duration::from_secs(30);

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        if err.is_full() {
            tracing::warn!(%err, "a write found the disk full");
            ApiError::StorageFull {
                retry_after: STORAGE_FULL_RETRY,
            }
        } else {
            ApiError::Internal(format!("store: {err}"))
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::BytesRejection(bytes) => from_bytes_rejection(&bytes),
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        from_bytes_rejection(&rejection)
    }
}

fn from_bytes_rejection(rejection: &BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::BadRequest(rejection.body_text())
    }
}

/// `axum::Json` whose rejections are `ApiError`s: bad JSON, unknown fields and wrong types are
/// 400 `bad_request`, a missing JSON content type 415, an oversized body 413.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Json(value))
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// The answer for a known path asked with the wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Gives error responses made by layers (body limit, timeout, static files) the JSON body of
/// API.md: they come out of tower-http with an empty or plain-text body.
pub async fn json_error_bodies(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let replacement = match response.status() {
        StatusCode::BAD_REQUEST => ApiError::BadRequest("malformed request".into()),
        StatusCode::NOT_FOUND => ApiError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::REQUEST_TIMEOUT => ApiError::RequestTimeout,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        StatusCode::URI_TOO_LONG => ApiError::UriTooLong,
        StatusCode::INTERNAL_SERVER_ERROR => ApiError::Internal("a layer failed".into()),
        _ => return response,
    };
    replacement.into_response()
}

/// CatchPanic's answer: the server lives on and the client gets the usual error body.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    ApiError::Internal("a handler panicked".into()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;
    use tower_http::catch_panic::CatchPanicLayer;

    async fn body_json(response: Response) -> serde_json::Value {
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_the_error_body() {
        async fn boom() -> &'static str {
            panic!("handler bug")
        }
        let app = Router::new()
            .route("/boom", get(boom))
            .layer(CatchPanicLayer::custom(panic_response));
        let request = axum::http::Request::get("/boom")
            .body(Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = body_json(response).await;
        assert_eq!(body["error"]["code"], "internal");
        assert_eq!(
            body["error"]["message"], "internal error",
            "causes are never sent"
        );
        // The service lives on.
        let request = axum::http::Request::get("/boom")
            .body(Body::empty())
            .unwrap();
        assert_eq!(app.oneshot(request).await.unwrap().status(), 500);
    }

    #[tokio::test]
    async fn a_bad_path_is_a_json_400() {
        async fn echo(axum::extract::Path(id): axum::extract::Path<String>) -> String {
            id
        }
        let app = Router::new()
            .route("/v1/drafts/{id}", get(echo))
            .layer(axum::middleware::map_response(json_error_bodies));
        // Not UTF-8 once percent-decoded: axum's own rejection, in plain text.
        let request = axum::http::Request::get("/v1/drafts/%FF")
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(body_json(response).await["error"]["code"], "bad_request");
    }

    #[tokio::test]
    async fn layer_errors_get_json_bodies() {
        let timeout = Response::builder()
            .status(StatusCode::REQUEST_TIMEOUT)
            .body(Body::empty())
            .unwrap();
        let body = body_json(json_error_bodies(timeout).await).await;
        assert_eq!(body["error"]["code"], "request_timeout");
        let too_large = Response::builder()
            .status(StatusCode::PAYLOAD_TOO_LARGE)
            .body(Body::from("length limit exceeded"))
            .unwrap();
        let response = json_error_bodies(too_large).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(
            body_json(response).await["error"]["code"],
            "payload_too_large"
        );
    }

    #[test]
    fn every_code_is_one_the_app_knows() {
        let errors = [
            ApiError::BadRequest(String::new()),
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::MethodNotAllowed,
            ApiError::PayloadTooLarge,
            ApiError::UnsupportedMediaType,
            ApiError::RequestTimeout,
            ApiError::RateLimited {
                retry_after: Duration::from_secs(1),
            },
            ApiError::InvalidEmail,
            ApiError::WeakPassword,
            ApiError::EmailTaken,
            ApiError::InvalidCredentials,
            ApiError::TokenReused,
            ApiError::TooManyOps { max: 500 },
            ApiError::ValidationFailed { fields: vec![] },
            ApiError::InvalidTransition(String::new()),
            ApiError::UnknownRegion(String::new()),
            ApiError::UnknownForm(String::new()),
            ApiError::InvalidHlc(String::new()),
            ApiError::InvalidDate(String::new()),
            ApiError::UriTooLong,
            ApiError::HeadersTooLarge,
            ApiError::ServerBusy,
            ApiError::StorageFull {
                retry_after: Duration::from_secs(5),
            },
            ApiError::InvalidPolicy(vec![]),
            ApiError::InvalidForm(vec![]),
            ApiError::VersionExists(String::new()),
            ApiError::HashMismatch,
            ApiError::QuotaExceeded { quota_bytes: 1 },
            ApiError::BadRange { held: 0 },
            ApiError::UploadInProgress,
            ApiError::Internal(String::new()),
        ];
        for err in errors {
            let (status, code) = err.status_and_code();
            assert!(kosh_shared::api::ERROR_CODES.contains(&code), "{code}");
            assert!(status.is_client_error() || status.is_server_error());
        }
    }
}
