//! Hybrid logical clocks: the stamp every answer carries so that devices that edited offline
//! agree on which edit wins without trusting each other's wall clocks too much.
//!
//! A stamp is wall-clock milliseconds, a counter, and the device id, compared in that order.
//! Its text form is the one in API.md: `2026-03-01T09:30:00.123Z/0003/d-7f3a…`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// The greatest wall time a stamp may carry: 9999-12-31, so the text form always has four
/// year digits and parses back.
const MAX_WALL_MS: u64 = 253_402_300_799_999;

/// One hybrid logical clock stamp. Ordered by wall time, then counter, then device id, so two
/// stamps from different devices are never equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch, as the device (or the clock's logic) saw it.
    pub wall_ms: u64,
    /// Tie-breaker for events within the same millisecond.
    pub counter: u32,
    /// The device that made the stamp; the last tie-breaker.
    pub device: String,
}

impl Hlc {
    /// A stamp, checking that the device id is usable in the text form.
    pub fn new(wall_ms: u64, counter: u32, device: impl Into<String>) -> Result<Hlc> {
        let device = device.into();
        check_device(&device)?;
        if wall_ms > MAX_WALL_MS {
            return Err(Error::InvalidHlc {
                text: format!("{wall_ms}"),
                reason: "wall time after the year 9999".into(),
            });
        }
        Ok(Hlc {
            wall_ms,
            counter,
            device,
        })
    }

    /// The same stamp with its wall time pulled back to `max_wall_ms` if it is later. The server
    /// uses this so that a phone whose clock is years ahead cannot win every future edit.
    pub fn clamped(&self, max_wall_ms: u64) -> Hlc {
        if self.wall_ms <= max_wall_ms {
            return self.clone();
        }
        Hlc {
            wall_ms: max_wall_ms,
            counter: self.counter,
            device: self.device.clone(),
        }
    }
}

fn check_device(device: &str) -> Result<()> {
    let ok = !device.is_empty()
        && device.len() <= 128
        && device
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidId {
            kind: "device",
            text: device.to_owned(),
        })
    }
}

impl Ord for Hlc {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.wall_ms, self.counter, &self.device).cmp(&(
            other.wall_ms,
            other.counter,
            &other.device,
        ))
    }
}

impl PartialOrd for Hlc {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `new` and `FromStr` keep wall_ms within chrono's range; fall back to raw ms otherwise.
        match DateTime::<Utc>::from_timestamp_millis(self.wall_ms as i64) {
            Some(t) => write!(
                f,
                "{}/{:04}/{}",
                t.to_rfc3339_opts(SecondsFormat::Millis, true),
                self.counter,
                self.device
            ),
            None => write!(f, "{}/{:04}/{}", self.wall_ms, self.counter, self.device),
        }
    }
}

impl FromStr for Hlc {
    type Err = Error;

    fn from_str(text: &str) -> Result<Hlc> {
        let bad = |reason: &str| Error::InvalidHlc {
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let mut parts = text.splitn(3, '/');
        let (Some(wall), Some(counter), Some(device)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("expected <RFC 3339 time>/<counter>/<device id>"));
        };
        let wall =
            DateTime::parse_from_rfc3339(wall).map_err(|_| bad("the time is not RFC 3339"))?;
        let wall_ms =
            u64::try_from(wall.timestamp_millis()).map_err(|_| bad("the time is before 1970"))?;
        if counter.is_empty() || !counter.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the counter is not a number"));
        }
        let counter = counter
            .parse::<u32>()
            .map_err(|_| bad("the counter is too large"))?;
        Hlc::new(wall_ms, counter, device).map_err(|_| {
            bad("the device id is empty or has characters other than letters, digits and -_.:")
        })
    }
}

impl Serialize for Hlc {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Hlc, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A device's clock: hands out stamps that only go forward, even if the wall clock steps back,
/// and moves past every stamp it has seen from other devices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HlcClock {
    last: Hlc,
}

impl HlcClock {
    /// A clock for `device`, starting before any stamp it will make.
    pub fn new(device: impl Into<String>) -> Result<HlcClock> {
        Ok(HlcClock {
            last: Hlc::new(0, 0, device)?,
        })
    }

    /// A clock that resumes after `last` (kept in the local store across restarts).
    pub fn resume(last: Hlc) -> HlcClock {
        HlcClock { last }
    }

    /// The latest stamp this clock made or saw (with this clock's device id).
    pub fn last(&self) -> &Hlc {
        &self.last
    }

    /// A new stamp for a local event at wall time `now_ms`, greater than every earlier one.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        let now_ms = now_ms.min(MAX_WALL_MS);
        if now_ms > self.last.wall_ms {
            self.last.wall_ms = now_ms;
            self.last.counter = 0;
        } else {
            self.bump_counter();
        }
        self.last.clone()
    }

    /// Take in a stamp received from elsewhere so that the next `tick` is after it.
    pub fn observe(&mut self, remote: &Hlc, now_ms: u64) {
        let now_ms = now_ms.min(MAX_WALL_MS);
        let wall = now_ms.max(self.last.wall_ms).max(remote.wall_ms);
        if wall == self.last.wall_ms && wall == remote.wall_ms {
            self.last.counter = self.last.counter.max(remote.counter);
        } else if wall == remote.wall_ms {
            self.last.wall_ms = wall;
            self.last.counter = remote.counter;
        } else if wall != self.last.wall_ms {
            self.last.wall_ms = wall;
            self.last.counter = 0;
        }
    }

    fn bump_counter(&mut self) {
        match self.last.counter.checked_add(1) {
            Some(c) => self.last.counter = c,
            // 4 billion events in one millisecond: move the wall time on instead of wrapping.
            None => {
                self.last.wall_ms += 1;
                self.last.counter = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_form_round_trips() {
        let text = "2026-03-01T09:30:00.123Z/0003/d-7f3a";
        let hlc: Hlc = text.parse().unwrap();
        assert_eq!(hlc.counter, 3);
        assert_eq!(hlc.device, "d-7f3a");
        assert_eq!(hlc.to_string(), text);
    }

    #[test]
    fn bad_text_is_a_clear_error() {
        for text in [
            "",
            "2026-03-01/1/d",
            "2026-03-01T09:30:00Z/x/d",
            "2026-03-01T09:30:00Z/1/",
            "2026-03-01T09:30:00Z/1/a b",
            "1969-12-31T23:59:59Z/0/d",
        ] {
            let err = text.parse::<Hlc>().unwrap_err();
            assert_eq!(err.code(), "invalid_hlc", "{text}");
        }
    }

    #[test]
    fn order_is_wall_then_counter_then_device() {
        let a = Hlc::new(1, 5, "b").unwrap();
        let b = Hlc::new(2, 0, "a").unwrap();
        let c = Hlc::new(2, 1, "a").unwrap();
        let d = Hlc::new(2, 1, "b").unwrap();
        assert!(a < b && b < c && c < d);
    }

    #[test]
    fn clock_moves_forward_when_wall_clock_steps_back() {
        let mut clock = HlcClock::new("d1").unwrap();
        let first = clock.tick(1_000);
        let second = clock.tick(500);
        assert!(second > first);
        assert_eq!(second.wall_ms, 1_000);
        assert_eq!(second.counter, 1);
    }

    #[test]
    fn clock_passes_remote_stamps() {
        let mut clock = HlcClock::new("d1").unwrap();
        clock.tick(1_000);
        let remote = Hlc::new(5_000, 7, "d2").unwrap();
        clock.observe(&remote, 2_000);
        assert!(clock.tick(2_000) > remote);
    }

    #[test]
    fn clamping_pulls_future_stamps_back() {
        let future = Hlc::new(10_000, 2, "d").unwrap();
        assert_eq!(future.clamped(5_000).wall_ms, 5_000);
        assert_eq!(future.clamped(20_000), future);
    }

    proptest! {
        #[test]
        fn any_stamp_round_trips(wall in 0u64..MAX_WALL_MS, counter in 0u32..100_000, device in "[a-z0-9-]{1,20}") {
            let hlc = Hlc::new(wall, counter, device).unwrap();
            let back: Hlc = hlc.to_string().parse().unwrap();
            prop_assert_eq!(back, hlc);
        }

        #[test]
        fn ticks_are_strictly_increasing(walls in proptest::collection::vec(0u64..10_000, 1..50)) {
            let mut clock = HlcClock::new("d").unwrap();
            let mut prev = None;
            for w in walls {
                let t = clock.tick(w);
                if let Some(p) = prev { prop_assert!(t > p); }
                prev = Some(t);
            }
        }
    }
}
