//! Who is calling: password hashing (argon2id, off the async threads), access JWTs (HS256
//! only, strict `exp`/`iss`/`aud`/`sub`), opaque refresh tokens stored as hashes, the signing
//! secret, and the extractor that turns a bearer token into a caller.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::{self, Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm as ArgonAlgorithm, Argon2, Block, Params, Version};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use kosh_shared::api::Role;
use kosh_shared::ids::UserId;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult};
use crate::settings::PasswordCost;
use crate::state::AppState;

/// The `iss` of every access token.
pub const ISSUER: &str = "kosh-backend";
/// The `aud` of every access token: the app's API.
pub const AUDIENCE: &str = "kosh-api";
/// The file the generated signing secret is kept in, inside the data directory.
pub const SECRET_FILE: &str = "jwt-secret";

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub exp: u64,
    pub iat: u64,
    /// The login (refresh family) the token was issued to; logging out revokes it.
    pub sid: String,
    pub role: Role,
}

/// Signs and checks access tokens.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl TokenKeys {
    /// Keys for HS256 with `secret`; tokens live `ttl`.
    pub fn new(secret: &[u8], ttl: Duration) -> TokenKeys {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // A 15-minute token has no use for a minute of grace.
        validation.leeway = 0;
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    /// How long an access token lives.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A signed access token for `user` in login `sid`.
    pub fn issue(&self, user: &UserId, role: Role, sid: &str) -> ApiResult<String> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            sub: user.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            exp: now + self.ttl.as_secs(),
            iat: now,
            sid: sid.to_owned(),
            role,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("signing a token: {e}")))
    }

    /// The claims of a valid token; any fault is `Unauthorized`.
    pub fn verify(&self, token: &str) -> ApiResult<Claims> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| {
                tracing::debug!(reason = %e, "access token refused");
                ApiError::Unauthorized
            })?;
        if data.claims.sub.is_empty() {
            return Err(ApiError::Unauthorized);
        }
        Ok(data.claims)
    }
}

/// The signing secret: `configured` if given, else the one kept in `data_dir`, generated on
/// first start with owner-only permissions so tokens survive restarts.
pub fn load_or_create_secret(
    configured: Option<&str>,
    data_dir: &Path,
) -> std::io::Result<Vec<u8>> {
    if let Some(secret) = configured {
        if secret.len() < 32 {
            tracing::warn!("KOSH_JWT_SECRET is shorter than 32 bytes; use a longer random value");
        }
        return Ok(secret.as_bytes().to_vec());
    }
    std::fs::create_dir_all(data_dir)?;
    let path = data_dir.join(SECRET_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => {
            return URL_SAFE_NO_PAD
                .decode(text.trim())
                .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut secret = vec![0u8; 64];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&path)?;
    file.write_all(URL_SAFE_NO_PAD.encode(&secret).as_bytes())?;
    file.sync_all()?;
    Ok(secret)
}

/// Hashes passwords with argon2id at the configured cost, a few at a time.
///
/// Each hash takes the cost's memory (19 MiB at the secure default) for its whole run: a
/// hundred registrations at once took 1.9 GiB. So hashes and verifications queue for a few
/// threads of their own, [`Passwords::concurrency`], one per core: more would only share the
/// same cores while holding more memory; a hash's memory is given back when it ends (see
/// [`ARGON_MAPPING_BYTES`]). A waiting request holds its password (at most 1 KiB) and nothing
/// else.
#[derive(Clone)]
pub struct Passwords {
    params: Params,
    hashers: Arc<Hashers>,
    /// A hash of a random password, verified against when the email is unknown so that the
    /// answer takes as long as for a known one.
    decoy: String,
}

impl std::fmt::Debug for Passwords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Passwords").finish_non_exhaustive()
    }
}

impl Passwords {
    /// A hasher at `cost`.
    pub fn new(cost: PasswordCost) -> Result<Passwords, String> {
        let params = Params::new(cost.memory_kib, cost.iterations, cost.lanes, None)
            .map_err(|e| format!("argon2 parameters: {e}"))?;
        let decoy = hash_with(&params, &random_token())?;
        let hashers = Arc::new(
            Hashers::start(Passwords::concurrency())
                .map_err(|e| format!("starting the password hashers: {e}"))?,
        );
        Ok(Passwords {
            params,
            hashers,
            decoy,
        })
    }

    /// How many hashes run at once: one per core.
    pub fn concurrency() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    }

    /// Runs `work` on one of the hashing threads, in turn.
    async fn run<T: Send + 'static>(
        &self,
        what: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> ApiResult<T> {
        let (done, result) = tokio::sync::oneshot::channel();
        self.hashers
            .submit(Box::new(move || {
                let _ = done.send(work());
            }))
            .map_err(|()| ApiError::Internal(format!("{what}: the hashing threads are gone")))?;
        result
            .await
            .map_err(|e| ApiError::Internal(format!("{what} task: {e}")))
    }

    /// The PHC string of `password` (on a blocking thread).
    pub async fn hash(&self, password: String) -> ApiResult<String> {
        let params = self.params.clone();
        self.run("hash", move || hash_with(&params, &password))
            .await?
            .map_err(ApiError::Internal)
    }

    /// Whether `password` matches `hash`; with `None`, checks against the decoy and answers
    /// false, taking the same time.
    pub async fn verify(&self, password: String, hash: Option<String>) -> ApiResult<bool> {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.decoy.clone());
        let matches = self
            .run("verify", move || verify_with(&password, &hash))
            .await?;
        Ok(known && matches)
    }
}

/// A password job for the hashing threads.
type HashJob = Box<dyn FnOnce() + Send>;

/// The hashing threads and their queue. They end when the last `Passwords` goes.
struct Hashers {
    queue: std::sync::Mutex<std::sync::mpsc::Sender<HashJob>>,
}

impl Hashers {
    fn start(threads: usize) -> std::io::Result<Hashers> {
        let (queue, jobs) = std::sync::mpsc::channel::<HashJob>();
        let jobs = Arc::new(std::sync::Mutex::new(jobs));
        for n in 0..threads {
            let jobs = jobs.clone();
            std::thread::Builder::new()
                .name(format!("kosh-argon2-{n}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while waiting for a job, not while running it.
                        let job = match jobs.lock() {
                            Ok(jobs) => jobs.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                })?;
        }
        Ok(Hashers {
            queue: std::sync::Mutex::new(queue),
        })
    }

    fn submit(&self, job: HashJob) -> Result<(), ()> {
        self.queue.lock().map_err(|_| ())?.send(job).map_err(|_| ())
    }
}

/// argon2's working memory is allocated at least this large, above glibc's highest threshold
/// for serving an allocation from its own mapping (32 MiB on 64-bit): the block is then mapped
/// for one hash and given back to the system when it is dropped. Allocating the bare 19 MiB,
/// glibc served it from per-thread arenas and kept it after the hash (measured: 12 → 227 MiB
/// RSS after 15 failed logins). Only the pages the hash uses are ever touched.
const ARGON_MAPPING_BYTES: usize = 33 << 20;

/// Computes argon2id of `password` with `params` and `salt`, as its PHC string's parts.
fn compute<'a>(
    password: &[u8],
    version: Version,
    params: &Params,
    salt: Salt<'a>,
) -> password_hash::Result<PasswordHash<'a>> {
    let argon = Argon2::new(ArgonAlgorithm::Argon2id, version, params.clone());
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf)?;
    let output_len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let needed = params.block_count();
    let mut blocks: Vec<Block> =
        Vec::with_capacity(needed.max(ARGON_MAPPING_BYTES / std::mem::size_of::<Block>()));
    blocks.resize(needed, Block::default());
    let output = Output::init_with(output_len, |out| {
        argon
            .hash_password_into_with_memory(password, salt_bytes, out, &mut blocks[..])
            .map_err(Into::into)
    })?;
    Ok(PasswordHash {
        algorithm: ArgonAlgorithm::Argon2id.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(params)?,
        salt: Some(salt),
        hash: Some(output),
    })
}

fn hash_with(params: &Params, password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    compute(password.as_bytes(), Version::V0x13, params, salt.as_salt())
        .map(|h| h.to_string())
        .map_err(|e| format!("hashing a password: {e}"))
}

/// Whether `password` matches the PHC string `hash` (an argon2id hash at any cost).
fn verify_with(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    if parsed.algorithm != ArgonAlgorithm::Argon2id.ident() {
        return false;
    }
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .ok()
        .flatten()
        .unwrap_or_default();
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    // `Output`'s equality is constant-time.
    compute(password.as_bytes(), version, &params, salt)
        .is_ok_and(|computed| computed.hash.as_ref() == Some(&expected))
}

/// A fresh opaque token: 32 random bytes, URL-safe base64.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the store keeps instead of a refresh token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The caller of an authenticated route, from a valid bearer token of an active login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub user: UserId,
    pub role: Role,
    pub login: String,
}

impl Caller {
    /// Refuses anyone but officers.
    pub fn require_officer(&self) -> ApiResult<()> {
        if self.role == Role::Officer {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Caller> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(ApiError::Unauthorized)?;
        let (scheme, token) = header.split_once(' ').ok_or(ApiError::Unauthorized)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ApiError::Unauthorized);
        }
        let claims = state.keys.verify(token.trim())?;
        let user = UserId(claims.sub);
        // Defence in depth against a leaked signing secret: a token re-signed with another
        // `sub` names a login that is not that user's, and is refused.
        if !state.store.is_login_active(&claims.sid, &user).await? {
            return Err(ApiError::Unauthorized);
        }
        tracing::Span::current().record("user", user.as_str());
        Ok(Caller {
            user,
            role: claims.role,
            login: claims.sid,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_tampering_is_refused() {
        let keys = TokenKeys::new(
            b"0123456789abcdef0123456789abcdef",
            Duration::from_secs(900),
        );
        let token = keys
            .issue(&UserId::from("u1"), Role::Applicant, "s1")
            .unwrap();
        let claims = keys.verify(&token).unwrap();
        assert_eq!(claims.sub, "u1");
        assert_eq!(claims.exp - claims.iat, 900);
        let other = TokenKeys::new(
            b"another-secret-another-secret-xx",
            Duration::from_secs(900),
        );
        assert!(matches!(other.verify(&token), Err(ApiError::Unauthorized)));
    }

    #[test]
    fn secret_is_generated_once_with_owner_only_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create_secret(None, dir.path()).unwrap();
        let second = load_or_create_secret(None, dir.path()).unwrap();
        assert_eq!(first, second);
        assert_eq!(first.len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(SECRET_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let configured = load_or_create_secret(Some("configured-secret"), dir.path()).unwrap();
        assert_eq!(configured, b"configured-secret");
    }

    #[tokio::test]
    async fn passwords_verify_and_unknown_users_never_match() {
        let passwords = Passwords::new(PasswordCost::FAST_INSECURE).unwrap();
        let hash = passwords.hash("correct horse".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            passwords
                .verify("correct horse".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!passwords.verify("wrong".into(), Some(hash)).await.unwrap());
        assert!(!passwords.verify("anything".into(), None).await.unwrap());
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_in_both_directions() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let params = Params::new(64, 1, 1, None).unwrap();
        let theirs = Argon2::new(ArgonAlgorithm::Argon2id, Version::V0x13, params.clone());
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        // Hashes stored before Kosh computed them itself still verify.
        let stored = theirs
            .hash_password(b"correct horse", &salt)
            .unwrap()
            .to_string();
        assert!(verify_with("correct horse", &stored));
        assert!(!verify_with("wrong horse", &stored));
        // And ours are standard PHC strings the crate verifies.
        let ours = hash_with(&params, "correct horse").unwrap();
        assert!(ours.starts_with("$argon2id$v=19$m=64,t=1,p=1$"), "{ours}");
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(theirs.verify_password(b"correct horse", &parsed).is_ok());
        let bigger = Params::new(256, 2, 1, None).unwrap();
        assert!(verify_with("x", &hash_with(&bigger, "x").unwrap()));
        for garbage in [
            "",
            "$argon2id$",
            "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
            "plain",
        ] {
            assert!(!verify_with("x", garbage), "{garbage}");
        }
    }

    #[test]
    fn token_hashes_are_stable_hex() {
        assert_eq!(token_hash("abc").len(), 64);
        assert_eq!(token_hash("abc"), token_hash("abc"));
        assert_ne!(random_token(), random_token());
    }
}
