//! The app's side of API.md: one `Server` that sends the requests and turns answers into typed
//! values or an `AppError` carrying the server's code. Access tokens are refreshed transparently:
//! an authenticated call that meets 401 refreshes the pair once and tries again.

#[cfg(target_arch = "wasm32")]
use crate::fetch::{Client, Method, RequestBuilder};
use chrono::NaiveDate;
#[cfg(not(target_arch = "wasm32"))]
use reqwest::{Client, Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use kosh_shared::api::{
    Application, Contract, ErrorBody, FormSummary, Health, LoginRequest, RefreshRequest,
    RegisterRequest, RiskResponse, StageReportRequest, SubmitRequest, SyncRequest, SyncResponse,
    SyncWaitResponse, TokenResponse,
};
use kosh_shared::ids::{ApplicationId, DraftId, UserId};

use crate::error::{AppError, AppResult};

/// Who is signed in on this device, and the token pair that proves it. Saved in the local store
/// so the app stays signed in across restarts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user_id: UserId,
    pub email: String,
    pub access_token: String,
    pub refresh_token: String,
}

impl Session {
    fn from_tokens(tokens: TokenResponse) -> Session {
        Session {
            user_id: tokens.user.id,
            email: tokens.user.email,
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
        }
    }
}

/// A connection to one Kosh server.
#[derive(Debug, Clone)]
pub struct Server {
    http: Client,
    base: String,
}

impl Server {
    /// A client for the server at `base_url` (`http://127.0.0.1:8080`, or the page's origin).
    pub fn new(base_url: &str) -> AppResult<Server> {
        let base = base_url.trim().trim_end_matches('/').to_owned();
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(AppError::Protocol(format!(
                "server address must start with http:// or https://: {base:?}"
            )));
        }
        Ok(Server {
            http: build_client()?,
            base,
        })
    }

    /// The server's address, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// A request to `path` on this server (the native photos' uploads send theirs through it).
    pub(crate) fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.base))
    }

    /// `GET /healthz`: whether the server answers at all.
    pub async fn health(&self) -> AppResult<Health> {
        send(self.request(Method::GET, "/healthz")).await
    }

    /// Create an account and sign in.
    pub async fn register(
        &self,
        email: &str,
        password: &str,
        locale: Option<&str>,
    ) -> AppResult<Session> {
        let body = RegisterRequest {
            email: email.to_owned(),
            password: password.to_owned(),
            locale: locale.map(str::to_owned),
        };
        let tokens: TokenResponse =
            send(self.request(Method::POST, "/v1/auth/register").json(&body)).await?;
        Ok(Session::from_tokens(tokens))
    }

    /// Sign in to an existing account.
    pub async fn login(&self, email: &str, password: &str) -> AppResult<Session> {
        let body = LoginRequest {
            email: email.to_owned(),
            password: password.to_owned(),
        };
        let tokens: TokenResponse =
            send(self.request(Method::POST, "/v1/auth/login").json(&body)).await?;
        Ok(Session::from_tokens(tokens))
    }

    /// Trade the refresh token for a new pair (each refresh token works once).
    pub async fn refresh(&self, session: &mut Session) -> AppResult<()> {
        let body = RefreshRequest {
            refresh_token: session.refresh_token.clone(),
        };
        let tokens: TokenResponse =
            send(self.request(Method::POST, "/v1/auth/refresh").json(&body)).await?;
        *session = Session::from_tokens(tokens);
        Ok(())
    }

    /// End this login on the server; its tokens stop working.
    pub async fn logout(&self, session: &Session) -> AppResult<()> {
        let body = RefreshRequest {
            refresh_token: session.refresh_token.clone(),
        };
        send_empty(self.request(Method::POST, "/v1/auth/logout").json(&body)).await
    }

    /// Send an authenticated request; on 401 refresh the tokens once and send it again. The
    /// caller saves `session` afterwards, since it may hold a new pair.
    async fn authed<T: DeserializeOwned>(
        &self,
        session: &mut Session,
        build: impl Fn() -> RequestBuilder,
    ) -> AppResult<T> {
        // Written out rather than through `with_fresh_token`: that async closure, once per
        // route, cost the web download more than these few lines.
        match send(build().bearer_auth(&session.access_token)).await {
            Err(AppError::Api { status: 401, .. }) => {
                self.refresh(session).await?;
                send(build().bearer_auth(&session.access_token)).await
            }
            other => other,
        }
    }

    /// Make an authenticated `call` with the session's access token; on 401 refresh the pair
    /// once and call again, as `authed` does: for requests made outside this client (the
    /// photos, which the page's own `fetch` sends).
    pub async fn with_fresh_token<T>(
        &self,
        session: &mut Session,
        call: impl AsyncFn(&str) -> AppResult<T>,
    ) -> AppResult<T> {
        match call(&session.access_token).await {
            Err(AppError::Api { status: 401, .. }) => {
                self.refresh(session).await?;
                call(&session.access_token).await
            }
            other => other,
        }
    }

    /// `POST /v1/sync`: push ops, pull changes after the cursor.
    pub async fn sync(
        &self,
        session: &mut Session,
        request: &SyncRequest,
    ) -> AppResult<SyncResponse> {
        self.authed(session, || {
            self.request(Method::POST, "/v1/sync").json(request)
        })
        .await
    }

    /// `GET /v1/sync/wait`: held by the server until another device of the account pushes
    /// past `cursor` (a cursor past it), or about 25 s with nothing new (the same cursor).
    /// `device_id` keeps this device's own pushes from waking it (docs/API-EXTENSIONS.md).
    pub async fn sync_wait(
        &self,
        session: &mut Session,
        cursor: u64,
        device_id: &str,
    ) -> AppResult<SyncWaitResponse> {
        // Device ids are `d-` and hex digits (`new_device_id`): nothing to escape.
        let path = format!("/v1/sync/wait?cursor={cursor}&device_id={device_id}");
        self.authed(session, || {
            let request = self.request(Method::GET, &path);
            // The client's 30 s would cut a 25 s wait on a slow line; the server answers well
            // before this one.
            #[cfg(not(target_arch = "wasm32"))]
            let request = request.timeout(std::time::Duration::from_secs(60));
            request
        })
        .await
    }

    /// `POST /v1/applications`: submit a draft (idempotent by key).
    pub async fn submit(
        &self,
        session: &mut Session,
        draft_id: &DraftId,
        idempotency_key: &str,
    ) -> AppResult<Application> {
        let body = SubmitRequest {
            draft_id: draft_id.clone(),
            idempotency_key: idempotency_key.to_owned(),
        };
        self.authed(session, || {
            self.request(Method::POST, "/v1/applications").json(&body)
        })
        .await
    }

    /// `POST /v1/applications/{id}/reports`: the applicant's report of an official notice.
    pub async fn report(
        &self,
        session: &mut Session,
        application: &ApplicationId,
        report: &StageReportRequest,
    ) -> AppResult<Application> {
        let path = format!("/v1/applications/{}/reports", path_segment(&application.0));
        self.authed(session, || self.request(Method::POST, &path).json(report))
            .await
    }

    /// `GET /v1/applications`.
    pub async fn applications(&self, session: &mut Session) -> AppResult<Vec<Application>> {
        self.authed(session, || self.request(Method::GET, "/v1/applications"))
            .await
    }

    /// `GET /v1/contract`: `None` when the user has recorded none.
    pub async fn contract(&self, session: &mut Session) -> AppResult<Option<Contract>> {
        match self
            .authed(session, || self.request(Method::GET, "/v1/contract"))
            .await
        {
            Ok(contract) => Ok(Some(contract)),
            Err(AppError::Api { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PUT /v1/contract`.
    pub async fn put_contract(
        &self,
        session: &mut Session,
        contract: &Contract,
    ) -> AppResult<Contract> {
        self.authed(session, || {
            self.request(Method::PUT, "/v1/contract").json(contract)
        })
        .await
    }

    /// `GET /v1/contract/risk?leave_on=…`: what the server says a move on that date costs.
    pub async fn contract_risk(
        &self,
        session: &mut Session,
        leave_on: NaiveDate,
    ) -> AppResult<RiskResponse> {
        let path = format!("/v1/contract/risk?leave_on={leave_on}");
        self.authed(session, || self.request(Method::GET, &path))
            .await
    }
}

/// What a conditional `GET` (`If-None-Match`) of a reference document brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the copy the phone holds is the current one.
    NotModified,
    /// 200: the document as the server sent it, with its entity tag. Kept as text so the phone
    /// checks it with the same loader the server used, and stores exactly what it received.
    Body { text: String, etag: Option<String> },
}

impl Server {
    /// `GET /v1/policy` with the entity tag of the copy held, if any. `Ok(None)`: the server has
    /// no bundle in force today (404).
    pub async fn policy(&self, etag: Option<&str>) -> AppResult<Option<Fetched>> {
        match conditional(self.request(Method::GET, "/v1/policy"), etag).await {
            Err(AppError::Api { status: 404, .. }) => Ok(None),
            other => other.map(Some),
        }
    }

    /// `GET /v1/forms`: every published form version.
    pub async fn forms(&self) -> AppResult<Vec<FormSummary>> {
        send(self.request(Method::GET, "/v1/forms")).await
    }

    /// `GET /v1/forms/{id}`: the newest version of a form, unless the held copy is current.
    pub async fn form(&self, id: &str, etag: Option<&str>) -> AppResult<Fetched> {
        let path = format!("/v1/forms/{}", path_segment(id));
        conditional(self.request(Method::GET, &path), etag).await
    }

    /// `GET /v1/forms/{id}/versions/{version}`: one version, as text.
    pub async fn form_version(&self, id: &str, version: u32) -> AppResult<String> {
        let path = format!("/v1/forms/{}/versions/{version}", path_segment(id));
        match conditional(self.request(Method::GET, &path), None).await? {
            Fetched::Body { text, .. } => Ok(text),
            Fetched::NotModified => Err(AppError::Protocol(format!("304 for {path}"))),
        }
    }
}

/// A form id as one path segment: ids are `[a-z0-9-]` by the loader, but one that came from
/// elsewhere (a garbled list) must not reach another route.
fn path_segment(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
        .collect()
}

/// An answer read whole (every answer of the API is a small JSON document or text): its
/// status, its entity tag, and its text or why the text could not be read.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub text: Result<String, String>,
}

/// Sends the request and reads the answer; `Err` when none came (offline, refused).
#[cfg(not(target_arch = "wasm32"))]
async fn reply(request: RequestBuilder) -> Result<Reply, String> {
    let response = request.send().await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let etag = response
        .headers()
        .get(reqwest::header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let text = response.text().await.map_err(|e| e.to_string());
    Ok(Reply { status, etag, text })
}

/// Sends the request and reads the answer; `Err` when none came (offline, refused).
#[cfg(target_arch = "wasm32")]
async fn reply(request: RequestBuilder) -> Result<Reply, String> {
    request.send().await
}

async fn conditional(request: RequestBuilder, etag: Option<&str>) -> AppResult<Fetched> {
    let request = match etag {
        Some(tag) => request.header("if-none-match", tag),
        None => request,
    };
    let reply = reply(request).await.map_err(AppError::Offline)?;
    if reply.status == 304 {
        return Ok(Fetched::NotModified);
    }
    if !is_success(reply.status) {
        return Err(error_from(reply.status, reply.text.unwrap_or_default()));
    }
    let text = reply
        .text
        .map_err(|e| AppError::Offline(format!("body: {e}")))?;
    Ok(Fetched::Body {
        text,
        etag: reply.etag,
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn build_client() -> AppResult<Client> {
    // A phone on 3G waits a while, but not forever: a hung request would stall every later sync.
    reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(10))
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| AppError::Protocol(format!("http client: {e}")))
}

#[cfg(target_arch = "wasm32")]
fn build_client() -> AppResult<Client> {
    // The browser's fetch applies its own timeouts.
    Ok(Client)
}

async fn send<T: DeserializeOwned>(request: RequestBuilder) -> AppResult<T> {
    let text = checked(request)
        .await?
        .text
        .map_err(|e| AppError::Protocol(format!("body: {e}")))?;
    serde_json::from_str(&text).map_err(|e| AppError::Protocol(format!("body: {e}")))
}

async fn send_empty(request: RequestBuilder) -> AppResult<()> {
    checked(request).await.map(|_| ())
}

fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

async fn checked(request: RequestBuilder) -> AppResult<Reply> {
    let reply = reply(request).await.map_err(AppError::Offline)?;
    if is_success(reply.status) {
        return Ok(reply);
    }
    Err(error_from(reply.status, reply.text.unwrap_or_default()))
}

pub(crate) fn error_from(status: u16, body: String) -> AppError {
    match serde_json::from_str::<ErrorBody>(&body) {
        Ok(body) => AppError::Api {
            status,
            code: body.error.code,
            fields: body.error.fields,
        },
        // A proxy or captive portal answering instead of Kosh: treat 5xx as "unreachable".
        Err(_) if (500..600).contains(&status) => {
            AppError::Offline(format!("HTTP {status} without a Kosh error body"))
        }
        Err(_) => AppError::Api {
            status,
            code: match status {
                401 => "unauthorized",
                403 => "forbidden",
                404 => "not_found",
                413 => "payload_too_large",
                429 => "rate_limited",
                _ => "bad_request",
            }
            .to_owned(),
            fields: vec![],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_error_bodies_become_codes() {
        let err = error_from(
            409,
            r#"{"error": {"code": "email_taken", "message": "taken"}}"#.into(),
        );
        assert_eq!(err.code(), "email_taken");
        let err = error_from(502, "<html>".into());
        assert!(err.is_transient());
        let err = error_from(404, String::new());
        assert_eq!(err.code(), "not_found");
    }

    #[test]
    fn addresses_must_be_http() {
        assert!(Server::new("ftp://x").is_err());
        assert_eq!(
            Server::new(" http://127.0.0.1:8080/ ").unwrap().base_url(),
            "http://127.0.0.1:8080"
        );
    }
}
