//! Login throttling: failures are counted per email and per client address in a sliding
//! window; past the limit, logins for that key are refused with 429 until the oldest failure
//! leaves the window. Successful logins do not count, so a family sharing one address is only
//! slowed by someone guessing. Kept in memory: a restart forgets it, which only helps a guesser
//! for one window.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::settings::LoginLimits;

/// What is being throttled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LimitKey {
    Email(String),
    Address(IpAddr),
}

/// The failure counters.
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
        match key {
            LimitKey::Email(_) => self.limits.per_email,
            LimitKey::Address(_) => self.limits.per_address,
        }
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
        // Keep the map from growing without bound under a spray of addresses.
        if failures.len() > 100_000 {
            let window = self.limits.window;
            failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < window)
            });
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
        let keys = [LimitKey::Email("a@b.kz".into())];
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
                &[LimitKey::Email(format!("u{i}@b.kz")), address.clone()],
                now,
            );
        }
        assert!(
            limiter
                .check(&[LimitKey::Email("new@b.kz".into()), address], now)
                .is_some()
        );
    }
}
