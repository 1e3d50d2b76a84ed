//! Live sync: who is waiting in `GET /v1/sync/wait`, and waking them when another device of
//! their account pushes.
//!
//! A waiting phone costs a parked future and a broadcast receiver, never a thread: thousands
//! wait on one server. Each account with someone waiting has one small `tokio` broadcast
//! channel, made by its first waiter and dropped with its last, so an account nobody waits on
//! costs nothing. `POST /v1/sync` publishes only after its push is durable: a phone woken here
//! and syncing at once always finds the ops it was woken for.
//!
//! [`Wakeups`] is the seam for more than one server process. This module's [`LocalHub`] wakes
//! the waiters of this process; a store shared by several processes (PostgreSQL) implements
//! `publish` with `NOTIFY`, and one `LISTEN` task per process hands every notification to its
//! own `LocalHub::publish`, so a push on one process wakes waiters on all of them. Waiting
//! itself (the filter by cursor and device, the timeout, shutdown) stays here, shared.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use kosh_shared::ids::UserId;
use tokio::sync::{broadcast, watch};

/// How many pushes an account's channel holds for a waiter that has not yet looked: a waiter
/// further behind is told it lagged and reads the store instead ([`Woken::Lagged`]).
const CHANNEL_CAPACITY: usize = 16;

/// One durable push: the device that made it and the sequence number of its last logged op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub seq: u64,
    pub device: Arc<str>,
}

impl Pushed {
    /// Whether this push is news to a device that has pulled up to `cursor`: it came from
    /// another device (`None`: the waiter did not say which it is, so every push counts) and
    /// logged something after the cursor.
    pub fn wakes(&self, cursor: u64, device: Option<&str>) -> bool {
        self.seq > cursor && device != Some(&*self.device)
    }
}

/// Where a wait ended, short of its timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Woken {
    /// Another device pushed up to this sequence number.
    Pushed(u64),
    /// More pushes came than the channel holds: the store says whether any is news.
    Lagged,
    /// The server is stopping: every waiter is answered now, so phones reconnect elsewhere.
    Closed,
}

/// Publishing and subscribing to an account's pushes; see the module header for the
/// implementations.
pub trait Wakeups: Send + Sync + 'static {
    /// Tells `user`'s waiters, on every server process, of a push. Call it only once the push
    /// is durable.
    fn publish(&self, user: &UserId, pushed: Pushed);
    /// Pushes for `user` from now on. Subscribe before reading the store, so that a push
    /// landing between the read and the wait is not missed.
    fn subscribe(&self, user: &UserId) -> Subscription;
    /// Wakes every waiter, now and later, with [`Woken::Closed`]: the server is stopping.
    fn close(&self);
    /// How many requests wait on this process now (for tests and the logs).
    fn waiters(&self) -> usize;
}

type Channels = Mutex<HashMap<UserId, broadcast::Sender<Pushed>>>;

/// The waiters of this process, one broadcast channel per account being waited on.
#[derive(Debug)]
pub struct LocalHub {
    channels: Arc<Channels>,
    closed: watch::Sender<bool>,
}

impl Default for LocalHub {
    fn default() -> Self {
        LocalHub::new()
    }
}

impl LocalHub {
    /// A hub with nobody waiting.
    pub fn new() -> LocalHub {
        LocalHub {
            channels: Arc::default(),
            closed: watch::Sender::new(false),
        }
    }

    /// How many accounts have someone waiting.
    pub fn accounts_waited_on(&self) -> usize {
        lock(&self.channels).len()
    }
}

/// The channels' lock, taken even if a panic poisoned it: the map stays consistent because
/// every critical section is a single insert, lookup or removal.
fn lock(
    channels: &Channels,
) -> std::sync::MutexGuard<'_, HashMap<UserId, broadcast::Sender<Pushed>>> {
    channels.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Wakeups for LocalHub {
    fn publish(&self, user: &UserId, pushed: Pushed) {
        if let Some(sender) = lock(&self.channels).get(user) {
            // An error only means every receiver went in the meantime.
            let _ = sender.send(pushed);
        }
    }

    fn subscribe(&self, user: &UserId) -> Subscription {
        let receiver = lock(&self.channels)
            .entry(user.clone())
            .or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0)
            .subscribe();
        Subscription {
            receiver: Some(receiver),
            closed: self.closed.subscribe(),
            user: user.clone(),
            channels: self.channels.clone(),
        }
    }

    fn close(&self) {
        self.closed.send_replace(true);
    }

    fn waiters(&self) -> usize {
        lock(&self.channels)
            .values()
            .map(broadcast::Sender::receiver_count)
            .sum()
    }
}

/// One waiter's view of its account's pushes. Dropping the last one of an account drops the
/// account's channel.
#[derive(Debug)]
pub struct Subscription {
    /// Always `Some` until dropped (taken in `drop` so the count below no longer includes it).
    receiver: Option<broadcast::Receiver<Pushed>>,
    closed: watch::Receiver<bool>,
    user: UserId,
    channels: Arc<Channels>,
}

impl Subscription {
    /// Waits for a push that is news to `device` at `cursor` (see [`Pushed::wakes`]), for the
    /// channel to overflow, or for the server to stop. Cancel-safe: the caller puts a timeout
    /// around it.
    pub async fn next(&mut self, cursor: u64, device: Option<&str>) -> Woken {
        let Some(receiver) = self.receiver.as_mut() else {
            return Woken::Closed;
        };
        let closed = &mut self.closed;
        let pushed = async {
            loop {
                match receiver.recv().await {
                    Ok(pushed) if pushed.wakes(cursor, device) => return Woken::Pushed(pushed.seq),
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(_)) => return Woken::Lagged,
                    // The hub keeps the sender while this receiver lives; only a hub dropped
                    // with the server gets here.
                    Err(broadcast::error::RecvError::Closed) => return Woken::Closed,
                }
            }
        };
        tokio::select! {
            // Checked first, so a stopping server answers even a waiter with news queued.
            biased;
            _ = closed.wait_for(|is_closed| *is_closed) => Woken::Closed,
            woken = pushed => woken,
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut channels = lock(&self.channels);
        // Dropped under the lock, so a subscriber arriving now either finds the channel with
        // its own receiver counted or makes a new one.
        drop(self.receiver.take());
        if channels
            .get(&self.user)
            .is_some_and(|sender| sender.receiver_count() == 0)
        {
            channels.remove(&self.user);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn pushed(seq: u64, device: &str) -> Pushed {
        Pushed {
            seq,
            device: device.into(),
        }
    }

    #[test]
    fn only_another_devices_push_past_the_cursor_wakes() {
        assert!(pushed(5, "tablet").wakes(4, Some("phone")));
        assert!(!pushed(5, "phone").wakes(4, Some("phone")), "its own push");
        assert!(
            !pushed(4, "tablet").wakes(4, Some("phone")),
            "already pulled"
        );
        assert!(
            pushed(5, "phone").wakes(4, None),
            "a waiter that did not say"
        );
    }

    #[tokio::test]
    async fn a_push_wakes_other_devices_waiters_and_not_its_own() {
        let hub = LocalHub::new();
        let user = UserId::from("alice");
        let mut phone = hub.subscribe(&user);
        let mut tablet = hub.subscribe(&user);
        hub.publish(&user, pushed(3, "phone"));
        assert_eq!(tablet.next(2, Some("tablet")).await, Woken::Pushed(3));
        let own = tokio::time::timeout(Duration::from_millis(20), phone.next(2, Some("phone")));
        assert!(own.await.is_err(), "the phone is not woken by its own push");
        hub.publish(&"bob".into(), pushed(9, "laptop"));
        hub.publish(&user, pushed(4, "tablet"));
        assert_eq!(phone.next(2, Some("phone")).await, Woken::Pushed(4));
    }

    #[tokio::test]
    async fn the_channel_goes_with_the_last_waiter() {
        let hub = LocalHub::new();
        let user = UserId::from("alice");
        hub.publish(&user, pushed(1, "phone"));
        assert_eq!(hub.accounts_waited_on(), 0, "publishing keeps nothing");
        let first = hub.subscribe(&user);
        let second = hub.subscribe(&user);
        assert_eq!((hub.accounts_waited_on(), hub.waiters()), (1, 2));
        drop(first);
        assert_eq!(hub.accounts_waited_on(), 1);
        drop(second);
        assert_eq!((hub.accounts_waited_on(), hub.waiters()), (0, 0));
    }

    #[tokio::test]
    async fn a_waiter_far_behind_is_told_it_lagged() {
        let hub = LocalHub::new();
        let user = UserId::from("alice");
        let mut slow = hub.subscribe(&user);
        for seq in 1..=CHANNEL_CAPACITY as u64 + 1 {
            hub.publish(&user, pushed(seq, "phone"));
        }
        assert_eq!(slow.next(0, Some("phone")).await, Woken::Lagged);
    }

    #[tokio::test]
    async fn closing_answers_every_waiter_now_and_later() {
        let hub = LocalHub::new();
        let user = UserId::from("alice");
        let mut waiting = hub.subscribe(&user);
        hub.publish(&user, pushed(1, "tablet"));
        hub.close();
        assert_eq!(waiting.next(0, Some("phone")).await, Woken::Closed);
        assert_eq!(
            hub.subscribe(&user).next(0, None).await,
            Woken::Closed,
            "a waiter arriving during shutdown is answered too"
        );
    }
}
