//! The server's accounts and tokens over real HTTP: register, login, refresh rotation and reuse
//! detection, logout, `/v1/me`, rate limiting, and every kind of bad token refused.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use kosh_backend::auth::{AUDIENCE, ISSUER, load_or_create_secret};
use kosh_tests::TestServer;
use serde_json::{Value, json};

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no code>")
}

#[tokio::test]
async fn health_answers_with_the_version() {
    let server = TestServer::start().await;
    let (status, body) = server.get("/healthz", None).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")})
    );
}

#[tokio::test]
async fn register_login_me_and_errors() {
    let server = TestServer::start().await;
    let (status, body) = server
        .post(
            "/v1/auth/register",
            None,
            json!({"email": "Aigul@Example.kz", "password": "0123456789", "locale": "kk"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["user"]["role"], "applicant");
    assert_eq!(body["user"]["email"], "Aigul@Example.kz");
    assert_eq!(body["expires_in"], 900);
    let access = body["access_token"].as_str().unwrap().to_owned();
    assert!(body["refresh_token"].as_str().unwrap().len() >= 32);

    let (status, me) = server.get("/v1/me", Some(&access)).await;
    assert_eq!(status, 200);
    assert_eq!(me["email"], "Aigul@Example.kz");
    assert_eq!(me["role"], "applicant");
    assert_eq!(me["locale"], "kk");
    assert_eq!(me["id"], body["user"]["id"]);

    for (why, body, expected) in [
        (
            "emails compare case-insensitively",
            json!({"email": "aigul@example.KZ", "password": "0123456789"}),
            (409, "email_taken"),
        ),
        (
            "not an email",
            json!({"email": "not-an-email", "password": "0123456789"}),
            (400, "invalid_email"),
        ),
        (
            "a password of 9 characters",
            json!({"email": "b@example.kz", "password": "012345678"}),
            (400, "weak_password"),
        ),
        (
            "nobody becomes an officer over HTTP",
            json!({"email": "c@example.kz", "password": "0123456789", "role": "officer"}),
            (400, "bad_request"),
        ),
    ] {
        let (status, body) = server.post("/v1/auth/register", None, body).await;
        assert_eq!((status, code(&body)), expected, "{why}: {body}");
    }

    let (status, body) = server
        .post(
            "/v1/auth/login",
            None,
            json!({"email": "AIGUL@example.kz", "password": "0123456789"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["user"]["email"], "Aigul@Example.kz");
    let (status, wrong_password) = server
        .post(
            "/v1/auth/login",
            None,
            json!({"email": "aigul@example.kz", "password": "wrong password"}),
        )
        .await;
    let (status2, no_such_user) = server
        .post(
            "/v1/auth/login",
            None,
            json!({"email": "nobody@example.kz", "password": "wrong password"}),
        )
        .await;
    assert_eq!(
        (status, code(&wrong_password)),
        (401, "invalid_credentials")
    );
    assert_eq!(status2, 401);
    assert_eq!(
        wrong_password, no_such_user,
        "the same answer whether or not the email exists"
    );
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_login() {
    let server = TestServer::start().await;
    let first = server.register("rotate@example.kz").await;
    let (status, second) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": first.refresh_token}),
        )
        .await;
    assert_eq!(status, 200, "{second}");
    let second_refresh = second["refresh_token"].as_str().unwrap().to_owned();
    let second_access = second["access_token"].as_str().unwrap().to_owned();
    assert_ne!(second_refresh, first.refresh_token);
    assert_eq!(server.get("/v1/me", Some(&second_access)).await.0, 200);

    // The first token again: reuse. The whole login is revoked, the new tokens included.
    let (status, body) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": first.refresh_token}),
        )
        .await;
    assert_eq!((status, code(&body)), (401, "token_reused"));
    let (status, _) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": second_refresh}),
        )
        .await;
    assert_eq!(status, 401);
    let (status, body) = server.get("/v1/me", Some(&second_access)).await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));

    // Another login of the same user is untouched.
    let (status, other) = server
        .post(
            "/v1/auth/login",
            None,
            json!({"email": "rotate@example.kz", "password": "correct horse battery"}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        server
            .get("/v1/me", Some(other["access_token"].as_str().unwrap()))
            .await
            .0,
        200
    );

    let (status, body) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": "never-issued"}),
        )
        .await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));
}

#[tokio::test]
async fn logout_stops_that_logins_tokens() {
    let server = TestServer::start().await;
    let tokens = server.register("logout@example.kz").await;
    let (status, body) = server
        .post(
            "/v1/auth/logout",
            None,
            json!({"refresh_token": tokens.refresh_token}),
        )
        .await;
    assert_eq!((status, body), (204, Value::Null));
    assert_eq!(
        server.get("/v1/me", Some(&tokens.access_token)).await.0,
        401
    );
    let (status, _) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": tokens.refresh_token}),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn repeated_login_failures_are_rate_limited() {
    let server = TestServer::start().await;
    server.register("target@example.kz").await;
    let wrong = json!({"email": "target@example.kz", "password": "not the password"});
    for _ in 0..5 {
        let (status, _) = server.post("/v1/auth/login", None, wrong.clone()).await;
        assert_eq!(status, 401);
    }
    let resp = server
        .client
        .post(server.url("/v1/auth/login"))
        .json(&json!({"email": "TARGET@example.kz", "password": "correct horse battery"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    let retry_after: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry_after));
    let body: Value = resp.json().await.unwrap();
    assert_eq!(code(&body), "rate_limited");
}

/// `times` failed logins sent with this `X-Forwarded-For`, each for another email; their statuses.
async fn fail_logins(server: &TestServer, forwarded_for: &str, times: u32) -> Vec<u16> {
    let mut statuses = Vec::new();
    for n in 0..times {
        // A new email each time: only the address limit is under test.
        let resp = server
            .client
            .post(server.url("/v1/auth/login"))
            .header("x-forwarded-for", forwarded_for)
            .json(&json!({"email": format!("guess{n}@example.kz"), "password": "not the password"}))
            .send()
            .await
            .unwrap();
        statuses.push(resp.status().as_u16());
    }
    statuses
}

/// Behind a reverse proxy every connection comes from the proxy. Trusted, its
/// `X-Forwarded-For` keeps one client's failures from locking out everyone else; not trusted
/// (the default), the header changes nothing, so a guesser cannot spread failures over
/// addresses it makes up.
#[tokio::test]
async fn login_throttling_believes_forwarded_addresses_only_from_a_trusted_proxy() {
    let per_address = 3;
    let start = |trusted: &str| {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = kosh_tests::test_settings(dir.path());
        settings.login_limits.per_address = per_address;
        settings.trusted_proxies = trusted.parse().unwrap();
        TestServer::start_with(settings, Some(dir))
    };
    let behind_proxy = start("127.0.0.1").await;
    let limited = [vec![401; per_address as usize], vec![429]].concat();
    assert_eq!(
        fail_logins(&behind_proxy, "198.51.100.1", per_address + 1).await,
        limited
    );
    // Another applicant behind the same proxy is not locked out...
    assert_eq!(fail_logins(&behind_proxy, "198.51.100.2", 1).await, [401]);
    // ...and what a client writes left of the proxy's entry is not believed.
    assert_eq!(
        fail_logins(&behind_proxy, "203.0.113.5, 198.51.100.1", 1).await,
        [429]
    );

    let direct = start("").await;
    let mut statuses = Vec::new();
    for n in 0..=per_address {
        statuses.extend(fail_logins(&direct, &format!("198.51.100.{}", 10 + n), 1).await);
    }
    assert_eq!(statuses, limited, "made-up addresses are one address");
}

#[tokio::test]
async fn bad_tokens_are_refused() {
    let server = TestServer::start().await;
    let tokens = server.register("tokens@example.kz").await;
    let secret = load_or_create_secret(
        server.state.settings.jwt_secret.as_deref(),
        server.data_dir(),
    )
    .unwrap();
    let now = jsonwebtoken::get_current_timestamp();
    // A valid login id, so that only the property under test is wrong.
    let valid = decode_claims(&tokens.access_token);
    let sign = |claims: Value, key: &[u8], alg: Algorithm| {
        jsonwebtoken::encode(&Header::new(alg), &claims, &EncodingKey::from_secret(key)).unwrap()
    };
    let claims = |exp: u64, aud: &str, iss: &str| {
        json!({"sub": valid["sub"], "iss": iss, "aud": aud, "exp": exp, "iat": now,
               "sid": valid["sid"], "role": "applicant"})
    };
    let good = sign(
        claims(now + 600, AUDIENCE, ISSUER),
        &secret,
        Algorithm::HS256,
    );
    assert_eq!(
        server.get("/v1/me", Some(&good)).await.0,
        200,
        "the control token works"
    );

    let forged = sign(
        claims(now + 600, AUDIENCE, ISSUER),
        b"someone-elses-secret-0123456789",
        Algorithm::HS256,
    );
    let expired = sign(
        claims(now - 120, AUDIENCE, ISSUER),
        &secret,
        Algorithm::HS256,
    );
    let wrong_audience = sign(
        claims(now + 600, "another-api", ISSUER),
        &secret,
        Algorithm::HS256,
    );
    let wrong_issuer = sign(
        claims(now + 600, AUDIENCE, "evil"),
        &secret,
        Algorithm::HS256,
    );
    let other_alg = sign(
        claims(now + 600, AUDIENCE, ISSUER),
        &secret,
        Algorithm::HS512,
    );
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(claims(now + 600, AUDIENCE, ISSUER).to_string());
    let alg_none = format!("{header}.{payload}.");
    let mut tampered = tokens.access_token.clone();
    tampered.insert(tokens.access_token.find('.').unwrap() + 5, 'x');
    let no_sub = sign(
        json!({"iss": ISSUER, "aud": AUDIENCE, "exp": now + 600, "sid": valid["sid"], "role": "applicant"}),
        &secret,
        Algorithm::HS256,
    );
    for (name, token) in [
        ("forged", forged.as_str()),
        ("expired", &expired),
        ("wrong audience", &wrong_audience),
        ("wrong issuer", &wrong_issuer),
        ("HS512", &other_alg),
        ("alg none", &alg_none),
        ("tampered", &tampered),
        ("no sub", &no_sub),
        ("garbage", "not.a.jwt"),
    ] {
        let (status, body) = server.get("/v1/me", Some(token)).await;
        assert_eq!((status, code(&body)), (401, "unauthorized"), "{name}");
    }
    let (status, body) = server.get("/v1/me", None).await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));
    let resp = server
        .client
        .get(server.url("/v1/me"))
        .header("authorization", format!("Basic {}", tokens.access_token))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
}

#[tokio::test]
async fn a_token_resigned_for_another_user_is_refused_and_dies_with_that_login() {
    // Someone holding the signing secret re-signs A's token with B's `sub`: the login it names
    // is A's, so it is not B's token, before or after B logs out.
    let server = TestServer::start().await;
    let a = server.register("a-user@example.kz").await;
    let b = server.register("b-user@example.kz").await;
    let secret = load_or_create_secret(
        server.state.settings.jwt_secret.as_deref(),
        server.data_dir(),
    )
    .unwrap();
    let mut claims = decode_claims(&a.access_token);
    claims["sub"] = decode_claims(&b.access_token)["sub"].clone();
    let resigned = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(&secret),
    )
    .unwrap();
    let (status, body) = server.get("/v1/me", Some(&resigned)).await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));
    let (status, _) = server
        .post(
            "/v1/auth/logout",
            None,
            json!({"refresh_token": b.refresh_token}),
        )
        .await;
    assert_eq!(status, 204);
    let (status, body) = server.get("/v1/me", Some(&resigned)).await;
    assert_eq!((status, code(&body)), (401, "unauthorized"));
    assert_eq!(
        server.get("/v1/me", Some(&a.access_token)).await.0,
        200,
        "A's own token still works"
    );
}

fn decode_claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

#[tokio::test]
async fn tokens_and_accounts_survive_a_restart() {
    let server = TestServer::start().await;
    let tokens = server.register("restart@example.kz").await;
    let dir = server.stop().await;
    let server = TestServer::restart(dir).await;
    assert_eq!(
        server.get("/v1/me", Some(&tokens.access_token)).await.0,
        200
    );
    let (status, _) = server
        .post(
            "/v1/auth/refresh",
            None,
            json!({"refresh_token": tokens.refresh_token}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = server
        .post(
            "/v1/auth/login",
            None,
            json!({"email": "restart@example.kz", "password": "correct horse battery"}),
        )
        .await;
    assert_eq!(status, 200);
}
