//! Accounts and tokens: register, login, refresh (rotation with reuse detection), logout and
//! `/v1/me`. Officers are never created here: only `kosh-backend create-officer`.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use chrono::Utc;
use kosh_shared::api::{
    LoginRequest, MeResponse, RefreshRequest, RegisterRequest, Role, TokenResponse, UserSummary,
};
use kosh_shared::ids::UserId;

use crate::auth::{Caller, random_token, token_hash};
use crate::error::{ApiError, ApiResult, Json};
use crate::rate_limit::LimitKey;
use crate::state::AppState;
use crate::store::{RefreshRecord, Rotation, UserRecord};

/// The fewest characters a password may have (API.md).
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The most bytes of password we hash: enough for any passphrase, too few to tie up argon2.
const MAX_PASSWORD_BYTES: usize = 1024;

/// The client's address, when the server was started with connect info: the connection's, or
/// behind a trusted reverse proxy the one it names (`proxy`).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip());
        Ok(ClientAddr(peer.map(|peer| {
            state.settings.trusted_proxies.client(peer, &parts.headers)
        })))
    }
}

/// Whether `email` looks like an address: the questionnaire's own check, so the app and the
/// server agree on what an address is.
pub fn is_valid_email(email: &str) -> bool {
    kosh_shared::validate::is_email(email)
}

fn check_password(password: &str) -> ApiResult<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ApiError::WeakPassword);
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::BadRequest(format!(
            "password longer than {MAX_PASSWORD_BYTES} bytes"
        )));
    }
    Ok(())
}

fn check_locale(locale: &Option<String>) -> ApiResult<()> {
    match locale {
        Some(l)
            if l.is_empty()
                || l.len() > 35
                || !l
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') =>
        {
            Err(ApiError::BadRequest(
                "locale must be a language tag such as kk, ru or zh-Hans".into(),
            ))
        }
        _ => Ok(()),
    }
}

/// Creates an account (used by register and by the `create-officer` command).
pub async fn create_account(
    state: &AppState,
    email: &str,
    password: String,
    role: Role,
    locale: Option<String>,
) -> ApiResult<UserRecord> {
    let email = email.trim();
    if !is_valid_email(email) {
        return Err(ApiError::InvalidEmail);
    }
    check_password(&password)?;
    check_locale(&locale)?;
    if state.store.user_by_email(email).await?.is_some() {
        return Err(ApiError::EmailTaken);
    }
    state.writable()?;
    let user = UserRecord {
        id: UserId(uuid::Uuid::new_v4().to_string()),
        email: email.to_owned(),
        password_hash: state.passwords.hash(password).await?,
        role,
        locale,
        created_at: Utc::now(),
    };
    // The check above is only a shortcut past argon2: the store decides under its lock.
    if !state.store.insert_user(&user).await? {
        return Err(ApiError::EmailTaken);
    }
    Ok(user)
}

/// Starts a login for `user`: a new refresh family and the first token pair.
async fn start_login(state: &AppState, user: &UserRecord) -> ApiResult<TokenResponse> {
    state.writable()?;
    let refresh_token = random_token();
    let record = RefreshRecord {
        family: uuid::Uuid::new_v4().to_string(),
        user: user.id.clone(),
        used: false,
        expires_at: Utc::now() + state.settings.refresh_token_ttl,
    };
    state
        .store
        .insert_refresh(&token_hash(&refresh_token), &record)
        .await?;
    token_response(state, user, &record.family, refresh_token)
}

fn token_response(
    state: &AppState,
    user: &UserRecord,
    login: &str,
    refresh_token: String,
) -> ApiResult<TokenResponse> {
    Ok(TokenResponse {
        access_token: state.keys.issue(&user.id, user.role, login)?,
        refresh_token,
        expires_in: state.keys.ttl().as_secs(),
        user: UserSummary {
            id: user.id.clone(),
            email: user.email.clone(),
            role: user.role,
        },
    })
}

/// `POST /v1/auth/register` → 201 with a token pair.
pub async fn register(
    State(state): State<AppState>,
    Json(req): Json<RegisterRequest>,
) -> ApiResult<(StatusCode, Json<TokenResponse>)> {
    let user = create_account(
        &state,
        &req.email,
        req.password,
        Role::Applicant,
        req.locale,
    )
    .await?;
    tracing::info!(user = %user.id, "account registered");
    let tokens = start_login(&state, &user).await?;
    Ok((StatusCode::CREATED, Json(tokens)))
}

/// `POST /v1/auth/login` → 200 with a token pair; 401 for any wrong email or password; 429
/// after repeated failures for the email or the address.
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Json(req): Json<LoginRequest>,
) -> ApiResult<Json<TokenResponse>> {
    let mut keys = vec![LimitKey::email(&req.email)];
    keys.extend(addr.map(LimitKey::Address));
    if let Some(retry_after) = state.limiter.check(&keys).await? {
        return Err(ApiError::RateLimited { retry_after });
    }
    let user = if req.email.len() <= 254 {
        state.store.user_by_email(&req.email).await?
    } else {
        None
    };
    let password_ok = req.password.len() <= MAX_PASSWORD_BYTES
        && state
            .passwords
            .verify(req.password, user.as_ref().map(|u| u.password_hash.clone()))
            .await?;
    match user {
        Some(user) if password_ok => Ok(Json(start_login(&state, &user).await?)),
        _ => {
            state.limiter.record_failure(&keys).await?;
            tracing::info!("login failed");
            Err(ApiError::InvalidCredentials)
        }
    }
}

/// `POST /v1/auth/refresh` → a new pair; the presented token is used up. A used one again
/// revokes the whole login (401 `token_reused`).
pub async fn refresh(
    State(state): State<AppState>,
    Json(req): Json<RefreshRequest>,
) -> ApiResult<Json<TokenResponse>> {
    state.writable()?;
    let new_token = random_token();
    let now = Utc::now();
    let rotation = state
        .store
        .rotate_refresh(
            &token_hash(&req.refresh_token),
            &token_hash(&new_token),
            now + state.settings.refresh_token_ttl,
            now,
        )
        .await?;
    match rotation {
        Rotation::Rotated(record) => {
            let user = state
                .store
                .user(&record.user)
                .await?
                .ok_or(ApiError::Unauthorized)?;
            Ok(Json(token_response(
                &state,
                &user,
                &record.family,
                new_token,
            )?))
        }
        Rotation::Reused => {
            // The store made the revocation durable, as surely as a rotation would have been.
            tracing::warn!("refresh token reused: login revoked");
            Err(ApiError::TokenReused)
        }
        Rotation::Invalid => Err(ApiError::Unauthorized),
    }
}

/// `POST /v1/auth/logout` → 204; the login's refresh and access tokens stop working. Logging
/// out with an unknown token is a no-op (the client's goal, being logged out, holds).
pub async fn logout(
    State(state): State<AppState>,
    Json(req): Json<RefreshRequest>,
) -> ApiResult<StatusCode> {
    state.writable()?;
    state
        .store
        .revoke_login(&token_hash(&req.refresh_token))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/me`.
pub async fn me(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<MeResponse>> {
    let user = state
        .store
        .user(&caller.user)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    Ok(Json(MeResponse {
        id: user.id,
        email: user.email,
        role: user.role,
        locale: user.locale,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_for_shape_only() {
        for ok in ["a@b.kz", "Yerlan.N+kosh@mail.example.com"] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "@b.kz", "a@@b.kz", "a b@c.kz", "a@.kz", "a@b..kz", "a@b.kz.",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn passwords_under_ten_characters_are_weak() {
        assert!(matches!(
            check_password("123456789"),
            Err(ApiError::WeakPassword)
        ));
        assert!(check_password("0123456789").is_ok());
        // Ten characters, not ten bytes: Kazakh letters count once.
        assert!(check_password("құпиясөзқұп").is_ok());
        assert!(matches!(
            check_password("құпия"),
            Err(ApiError::WeakPassword)
        ));
    }
}
