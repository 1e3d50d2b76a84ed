//! The server's settings: defaults first, then `KOSH_*` environment variables. Tests build
//! `Settings` literally (port 0, a temporary directory, cheap password hashing) and never read
//! the environment.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::proxy::TrustedProxies;

pub use crate::connections::ConnectionLimits;

/// How expensive password hashing is (argon2id's memory, passes and lanes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Number of passes.
    pub iterations: u32,
    /// Degree of parallelism.
    pub lanes: u32,
}

impl PasswordCost {
    /// OWASP's recommended argon2id parameters (the `argon2` crate's defaults).
    pub const SECURE: PasswordCost = PasswordCost {
        memory_kib: argon2::Params::DEFAULT_M_COST,
        iterations: argon2::Params::DEFAULT_T_COST,
        lanes: argon2::Params::DEFAULT_P_COST,
    };

    /// The cheapest parameters argon2 accepts: for tests only, where speed matters and the
    /// hashes protect nothing.
    pub const FAST_INSECURE: PasswordCost = PasswordCost {
        memory_kib: 8,
        iterations: 1,
        lanes: 1,
    };
}

/// When repeated login failures start being refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    /// Failures allowed for one email within `window` before logins for it are refused.
    pub per_email: u32,
    /// Failures allowed from one client address within `window`.
    pub per_address: u32,
    /// How long failures are remembered, and how long a lock-out lasts.
    pub window: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_email: 5,
            per_address: 20,
            window: Duration::from_secs(15 * 60),
        }
    }
}

/// Everything the server needs to run.
#[derive(Clone)]
pub struct Settings {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The store's directory (and the generated JWT secret's).
    pub data_dir: PathBuf,
    /// The JWT signing secret; when `None` one is generated once into `data_dir` (one machine
    /// only: processes sharing a database must be given the same secret).
    pub jwt_secret: Option<String>,
    /// `postgres://…`: keep everything in this PostgreSQL database instead of sled in
    /// `data_dir`, so that any number of server processes can share it.
    pub database_url: Option<String>,
    /// The built web app, served at `/` when set.
    pub web_dir: Option<PathBuf>,
    /// Argon2id cost for new password hashes.
    pub password_cost: PasswordCost,
    /// Login rate limits.
    pub login_limits: LoginLimits,
    /// How long an access token lives.
    pub access_token_ttl: Duration,
    /// How long a refresh token lives if it is never used.
    pub refresh_token_ttl: Duration,
    /// How far ahead of the server's clock an HLC may be before it is pulled back.
    pub max_clock_skew: Duration,
    /// How long one request may take before it is answered with 408.
    pub request_timeout: Duration,
    /// The most changes one sync answer carries before it says `more`.
    pub sync_page_size: usize,
    /// How long `GET /v1/sync/wait` holds a request with nothing new before it answers with
    /// the same cursor. Kept under `request_timeout` by the handler, so a wait never ends as a
    /// 408.
    pub sync_wait: Duration,
    /// How many connections are held at once and how long a silent one may stay.
    pub connections: ConnectionLimits,
    /// Free bytes the disk of the data directory keeps: below it, writes are refused with 503
    /// `storage_full` (reads go on) until there is room again.
    pub disk_reserve_bytes: u64,
    /// How many bytes of attachments (photos of documents) one user may keep.
    pub attachment_quota_bytes: u64,
    /// The reverse proxies whose `X-Forwarded-For` names the client (login throttling by
    /// address); none by default, when the header is ignored.
    pub trusted_proxies: TrustedProxies,
}

/// A setting from the environment that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{variable}={value:?} is not valid: {reason}")]
pub struct SettingsError {
    /// The variable's name.
    pub variable: &'static str,
    /// What it held.
    pub value: String,
    /// What was expected.
    pub reason: &'static str,
}

impl Settings {
    /// The defaults of API.md: `127.0.0.1:8080`, `./kosh-data`, a generated secret, no web app.
    pub fn new() -> Settings {
        Settings {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./kosh-data"),
            jwt_secret: None,
            database_url: None,
            web_dir: None,
            password_cost: PasswordCost::SECURE,
            login_limits: LoginLimits::default(),
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 60 * 60),
            max_clock_skew: Duration::from_secs(5 * 60),
            request_timeout: Duration::from_secs(30),
            sync_page_size: 500,
            // API.md's "about 25 seconds": under the 30 s request timeout, and under the minute
            // many mobile networks and proxies allow an idle HTTP request.
            sync_wait: Duration::from_secs(25),
            connections: ConnectionLimits::default(),
            disk_reserve_bytes: 32 * 1024 * 1024,
            attachment_quota_bytes: 50 * 1024 * 1024,
            trusted_proxies: TrustedProxies::default(),
        }
    }

    /// The defaults, overridden by `KOSH_ADDR`, `KOSH_DATA_DIR`, `KOSH_JWT_SECRET`,
    /// `KOSH_WEB_DIR`, `KOSH_MAX_CONNECTIONS`, `KOSH_HEADER_TIMEOUT_SECS`,
    /// `KOSH_DISK_RESERVE_MB`, `KOSH_SYNC_WAIT_SECS`, `KOSH_ATTACHMENT_QUOTA_MB` and
    /// `KOSH_TRUSTED_PROXIES` and `KOSH_DATABASE_URL` where they are set and not empty.
    pub fn from_env() -> Result<Settings, SettingsError> {
        Settings::from_vars(|name| std::env::var(name).ok())
    }

    /// `from_env` with the variables looked up by `var`, so it is testable without touching the
    /// process environment.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let var = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let mut settings = Settings::new();
        if let Some(addr) = var("KOSH_ADDR") {
            settings.addr = addr.trim().parse().map_err(|_| SettingsError {
                variable: "KOSH_ADDR",
                value: addr.clone(),
                reason: "expected an address and port such as 127.0.0.1:8080 or 0.0.0.0:0",
            })?;
        }
        if let Some(dir) = var("KOSH_DATA_DIR") {
            settings.data_dir = PathBuf::from(dir);
        }
        if let Some(secret) = var("KOSH_JWT_SECRET") {
            settings.jwt_secret = Some(secret);
        }
        if let Some(dir) = var("KOSH_WEB_DIR") {
            settings.web_dir = Some(PathBuf::from(dir));
        }
        if let Some(url) = var("KOSH_DATABASE_URL") {
            if !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
                return Err(SettingsError {
                    variable: "KOSH_DATABASE_URL",
                    value: "<redacted>".into(),
                    reason: "expected a postgres:// or postgresql:// URL",
                });
            }
            settings.database_url = Some(url);
        }
        let number =
            |variable: &'static str, reason: &'static str| -> Result<Option<u64>, SettingsError> {
                var(variable)
                    .map(|value| {
                        value
                            .trim()
                            .parse::<u64>()
                            .ok()
                            .filter(|n| *n > 0)
                            .ok_or(SettingsError {
                                variable,
                                value: value.clone(),
                                reason,
                            })
                    })
                    .transpose()
            };
        if let Some(n) = number("KOSH_MAX_CONNECTIONS", "expected a whole number above 0")? {
            settings.connections.max_connections = usize::try_from(n).unwrap_or(usize::MAX);
        }
        if let Some(n) = number(
            "KOSH_HEADER_TIMEOUT_SECS",
            "expected a number of seconds above 0",
        )? {
            settings.connections.header_timeout = Duration::from_secs(n);
        }
        if let Some(n) = number("KOSH_DISK_RESERVE_MB", "expected a number of MiB above 0")? {
            settings.disk_reserve_bytes = n.saturating_mul(1024 * 1024);
        }
        if let Some(n) = number(
            "KOSH_SYNC_WAIT_SECS",
            "expected a number of seconds above 0",
        )? {
            settings.sync_wait = Duration::from_secs(n);
        }
        if let Some(n) = number(
            "KOSH_ATTACHMENT_QUOTA_MB",
            "expected a number of MiB above 0",
        )? {
            settings.attachment_quota_bytes = n.saturating_mul(1024 * 1024);
        }
        if let Some(list) = var("KOSH_TRUSTED_PROXIES") {
            settings.trusted_proxies = list.parse().map_err(|_| SettingsError {
                variable: "KOSH_TRUSTED_PROXIES",
                value: list.clone(),
                reason: "expected IP addresses or networks separated by commas, such as 127.0.0.1, 10.0.0.0/8",
            })?;
        }
        Ok(settings)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::new()
    }
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("addr", &self.addr)
            .field("data_dir", &self.data_dir)
            .field(
                "jwt_secret",
                &self.jwt_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("web_dir", &self.web_dir)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|_| "<redacted>"),
            )
            .field("password_cost", &self.password_cost)
            .field("login_limits", &self.login_limits)
            .field("access_token_ttl", &self.access_token_ttl)
            .field("refresh_token_ttl", &self.refresh_token_ttl)
            .field("max_clock_skew", &self.max_clock_skew)
            .field("request_timeout", &self.request_timeout)
            .field("sync_page_size", &self.sync_page_size)
            .field("sync_wait", &self.sync_wait)
            .field("connections", &self.connections)
            .field("disk_reserve_bytes", &self.disk_reserve_bytes)
            .field("attachment_quota_bytes", &self.attachment_quota_bytes)
            .field("trusted_proxies", &self.trusted_proxies)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_defaults() {
        let settings = Settings::from_vars(|name| match name {
            "KOSH_ADDR" => Some("0.0.0.0:0".into()),
            "KOSH_DATA_DIR" => Some("/tmp/k".into()),
            "KOSH_JWT_SECRET" => Some("s3cret-s3cret-s3cret-s3cret-s3cret".into()),
            "KOSH_WEB_DIR" => Some("".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(settings.addr.port(), 0);
        assert_eq!(settings.data_dir, PathBuf::from("/tmp/k"));
        assert!(settings.jwt_secret.is_some());
        assert_eq!(settings.web_dir, None, "an empty variable counts as unset");
    }

    #[test]
    fn defaults_match_api_md() {
        let settings = Settings::from_vars(|_| None).unwrap();
        assert_eq!(settings.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(settings.data_dir, PathBuf::from("./kosh-data"));
        assert_eq!(settings.access_token_ttl, Duration::from_secs(900));
        assert_eq!(settings.attachment_quota_bytes, 50 * 1024 * 1024);
    }

    #[test]
    fn limits_come_from_the_environment_and_nonsense_is_refused() {
        let settings = Settings::from_vars(|name| match name {
            "KOSH_MAX_CONNECTIONS" => Some("64".into()),
            "KOSH_HEADER_TIMEOUT_SECS" => Some("2".into()),
            "KOSH_DISK_RESERVE_MB" => Some("8".into()),
            "KOSH_SYNC_WAIT_SECS" => Some("3".into()),
            "KOSH_ATTACHMENT_QUOTA_MB" => Some("5".into()),
            "KOSH_TRUSTED_PROXIES" => Some("127.0.0.1, 10.0.0.0/8".into()),
            "KOSH_DATABASE_URL" => Some("postgres://kosh@db.internal/kosh".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(settings.connections.max_connections, 64);
        assert_eq!(settings.connections.header_timeout, Duration::from_secs(2));
        assert_eq!(settings.disk_reserve_bytes, 8 * 1024 * 1024);
        assert_eq!(settings.sync_wait, Duration::from_secs(3));
        assert_eq!(settings.attachment_quota_bytes, 5 * 1024 * 1024);
        assert_eq!(
            settings.trusted_proxies,
            "127.0.0.1,10.0.0.0/8".parse().unwrap()
        );
        assert!(Settings::new().trusted_proxies.is_empty());
        assert_eq!(
            settings.database_url.as_deref(),
            Some("postgres://kosh@db.internal/kosh")
        );
        assert!(
            !format!("{settings:?}").contains("db.internal"),
            "a database URL may hold a password: never logged"
        );
        for (variable, value) in [
            ("KOSH_MAX_CONNECTIONS", "0"),
            ("KOSH_MAX_CONNECTIONS", "many"),
            ("KOSH_HEADER_TIMEOUT_SECS", "-1"),
            ("KOSH_DISK_RESERVE_MB", "1.5"),
            ("KOSH_SYNC_WAIT_SECS", "0"),
            ("KOSH_ATTACHMENT_QUOTA_MB", "lots"),
            ("KOSH_TRUSTED_PROXIES", "the load balancer"),
            ("KOSH_DATABASE_URL", "mysql://kosh@db/kosh"),
        ] {
            let err =
                Settings::from_vars(|name| (name == variable).then(|| value.into())).unwrap_err();
            assert_eq!(err.variable, variable);
        }
    }

    #[test]
    fn bad_address_is_a_clear_error() {
        let err = Settings::from_vars(|name| (name == "KOSH_ADDR").then(|| "localhost".into()))
            .unwrap_err();
        assert!(err.to_string().contains("KOSH_ADDR"));
    }

    #[test]
    fn debug_redacts_the_secret() {
        let settings = Settings {
            jwt_secret: Some("do-not-print-me".into()),
            ..Settings::new()
        };
        let text = format!("{settings:?}");
        assert!(!text.contains("do-not-print-me"));
        assert!(text.contains("redacted"));
    }
}
