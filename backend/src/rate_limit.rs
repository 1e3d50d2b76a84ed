//! Login throttling: failures are counted per email and per client address in a sliding
//! window; past the limit, logins for that key are refused with 429 until the oldest failure
//! leaves the window. Successful logins do not count, so a family sharing one address is only
//! slowed by someone guessing. [`Throttle`] is what the login handler asks; one process keeps
//! the counts in memory ([`LoginLimiter`]: a restart forgets them, which only helps a guesser
//! for one window), processes sharing a database count in it (`shared_limits`), so a guesser
//! cannot multiply their tries by the number of processes.
//!
//! Memory is bounded whatever a client sends: an email is kept as its SHA-256, 32 bytes however
//! long the string it came in as, and the map holds at most [`MAX_KEYS`] keys. Past that, the
//! keys whose last failure is oldest are forgotten first (a guesser who could fill the map to
//! push out one email's count would need [`MAX_KEYS`] addresses or emails of their own).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::settings::LoginLimits;
use crate::store::StoreError;

/// The most keys (emails and addresses) the limiter remembers at once: a few MiB at most.
pub const MAX_KEYS: usize = 100_000;

/// What is being throttled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LimitKey {
    /// The SHA-256 of an email as the store compares it (`store::email_key`).
    Email([u8; 32]),
    Address(IpAddr),
}

impl LimitKey {
    /// The key of an email, the same for every spelling the store treats as one address.
    pub fn email(email: &str) -> LimitKey {
        LimitKey::Email(Sha256::digest(crate::store::email_key(email).as_bytes()).into())
    }
}

impl LimitKey {
    /// The key as text, for a store that keeps counts (`e:` and the digest in hex, `a:` and
    /// the address).
    pub fn text(&self) -> String {
        match self {
            LimitKey::Email(digest) => {
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                format!("e:{hex}")
            }
            LimitKey::Address(addr) => format!("a:{addr}"),
        }
    }

    /// How many failures `limits` allow this key within the window.
    pub fn limit(&self, limits: &LoginLimits) -> u32 {
        match self {
            LimitKey::Email(_) => limits.per_email,
            LimitKey::Address(_) => limits.per_address,
        }
    }
}

/// Where the login handler counts failures.
#[async_trait::async_trait]
pub trait Throttle: Send + Sync + 'static {
    /// `Some(wait)` if any of `keys` is over its limit now.
    async fn check(&self, keys: &[LimitKey]) -> Result<Option<Duration>, StoreError>;
    /// Counts one failure against each of `keys`.
    async fn record_failure(&self, keys: &[LimitKey]) -> Result<(), StoreError>;
}

#[async_trait::async_trait]
impl Throttle for LoginLimiter {
    async fn check(&self, keys: &[LimitKey]) -> Result<Option<Duration>, StoreError> {
        Ok(LoginLimiter::check(self, keys, Instant::now()))
    }

    async fn record_failure(&self, keys: &[LimitKey]) -> Result<(), StoreError> {
        LoginLimiter::record_failure(self, keys, Instant::now());
        Ok(())
    }
}

/// The failure counters of one process.
#[derive(Debug)]
pub struct LoginLimiter {
    limits: LoginLimits,
    failures: Mutex<HashMap<LimitKey, VecDeque<Instant>>>,
}

impl LoginLimiter {
    /// A limiter with `limits`.
    pub fn new(limits: LoginLimits) -> LoginLimiter {
        LoginLimiter {
            limits,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn limit(&self, key: &LimitKey) -> u32 {
        key.limit(&self.limits)
    }

    /// `Some(wait)` if any of `keys` is over its limit at `now`.
    pub fn check(&self, keys: &[LimitKey], now: Instant) -> Option<Duration> {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let window = self.limits.window;
        keys.iter()
            .filter_map(|key| {
                let times = failures.get_mut(key)?;
                while times
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= window)
                {
                    times.pop_front();
                }
                if times.len() >= self.limit(key) as usize {
                    times
                        .front()
                        .map(|oldest| window - now.duration_since(*oldest))
                } else {
                    None
                }
            })
            .max()
    }

    /// Counts one failure against each of `keys`.
    pub fn record_failure(&self, keys: &[LimitKey], now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if failures.len() + keys.len() > MAX_KEYS {
            self.forget_oldest(&mut failures, now);
        }
        for key in keys {
            let times = failures.entry(key.clone()).or_default();
            times.push_back(now);
            let cap = self.limit(key) as usize + 1;
            while times.len() > cap {
                times.pop_front();
            }
        }
    }

    /// Makes room: drops every key whose failures have all left the window, then, if a spray
    /// of live keys still fills the map, the tenth of them whose last failure is oldest, so
    /// that this sort runs once per many failures rather than at each.
    fn forget_oldest(&self, failures: &mut HashMap<LimitKey, VecDeque<Instant>>, now: Instant) {
        let window = self.limits.window;
        failures.retain(|_, times| {
            times
                .back()
                .is_some_and(|t| now.duration_since(*t) < window)
        });
        if failures.len() + MAX_KEYS / 10 <= MAX_KEYS {
            return;
        }
        let mut last: Vec<(Instant, LimitKey)> = failures
            .iter()
            .filter_map(|(key, times)| Some((*times.back()?, key.clone())))
            .collect();
        last.sort_unstable_by_key(|(t, _)| *t);
        let excess = failures.len() + MAX_KEYS / 10 - MAX_KEYS;
        for (_, key) in last.into_iter().take(excess) {
            failures.remove(&key);
        }
    }

    /// How many keys are remembered (for tests of the bound).
    pub fn len(&self) -> usize {
        self.failures
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .len()
    }

    /// Whether no failure is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter() -> LoginLimiter {
        LoginLimiter::new(LoginLimits {
            per_email: 3,
            per_address: 5,
            window: Duration::from_secs(60),
        })
    }

    #[test]
    fn email_is_locked_after_its_limit_then_released() {
        let limiter = limiter();
        let keys = [LimitKey::email("a@b.kz")];
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.check(&keys, start), None);
            limiter.record_failure(&keys, start);
        }
        let wait = limiter
            .check(&keys, start + Duration::from_secs(10))
            .unwrap();
        assert_eq!(wait, Duration::from_secs(50));
        assert_eq!(limiter.check(&keys, start + Duration::from_secs(60)), None);
    }

    #[test]
    fn address_limit_spans_emails() {
        let limiter = limiter();
        let now = Instant::now();
        let address = LimitKey::Address("127.0.0.1".parse().unwrap());
        for i in 0..5 {
            limiter.record_failure(
                &[LimitKey::email(&format!("u{i}@b.kz")), address.clone()],
                now,
            );
        }
        assert!(
            limiter
                .check(&[LimitKey::email("new@b.kz"), address], now)
                .is_some()
        );
    }

    #[test]
    fn emails_differing_in_case_and_spaces_share_a_key_and_long_ones_cost_32_bytes() {
        assert_eq!(LimitKey::email(" A@B.kz"), LimitKey::email("a@b.kz"));
        let long = "x".repeat(1 << 20);
        assert!(matches!(LimitKey::email(&long), LimitKey::Email(digest) if digest.len() == 32));
    }

    #[test]
    fn a_spray_of_keys_never_grows_the_map_past_its_bound() {
        let limiter = limiter();
        let now = Instant::now();
        for i in 0..(MAX_KEYS + MAX_KEYS / 2) {
            let at = now + Duration::from_millis(i as u64 / 1000);
            limiter.record_failure(&[LimitKey::email(&format!("{i}@spray.kz"))], at);
            assert!(limiter.len() <= MAX_KEYS);
        }
        // The newest failures are the ones kept.
        let newest = [LimitKey::email(&format!(
            "{}@spray.kz",
            MAX_KEYS + MAX_KEYS / 2 - 1
        ))];
        let later = now + Duration::from_secs(1);
        for _ in 0..2 {
            limiter.record_failure(&newest, later);
        }
        assert!(limiter.check(&newest, later).is_some());
    }
}
