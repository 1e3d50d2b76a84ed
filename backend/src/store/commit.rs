//! Group commit: a write is acknowledged only once it is on disk, and concurrent requests share
//! one flush instead of paying one fsync each.
//!
//! A request writes (in memory), then takes a ticket and waits. One flusher thread reads the
//! newest ticket *before* it starts a flush, so every write whose ticket it saw happened before
//! that flush began and is covered by it; then it publishes "flushed up to ticket N". While a
//! flush runs, new tickets pile up and the next flush serves them all at once. The flusher is a
//! plain thread, parked while there is nothing to flush, rather than a task that hands each
//! flush to tokio's blocking pool: one wake-up per flush instead of three.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::{JoinHandle, Thread};

use tokio::sync::watch;

use super::{EmbeddedStore, StoreError, StoreResult};

/// Where the flusher stands: every ticket up to `flushed` is durable; a flush that failed
/// answers every ticket up to `failed` with an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Progress {
    flushed: u64,
    failed: u64,
    /// Whether the last failed flush failed for want of disk space.
    failed_full: bool,
}

/// What the flusher calls: `EmbeddedStore::flush` in the server, a probe in tests.
type FlushFn = dyn Fn() -> StoreResult<()> + Send + Sync;

struct Shared {
    flush: Arc<FlushFn>,
    issued: AtomicU64,
    closed: AtomicBool,
    progress: watch::Sender<Progress>,
}

/// The handle requests use to wait for durability. Cheap to clone.
#[derive(Clone)]
pub struct GroupCommit {
    inner: Arc<Inner>,
}

/// What the clones of a `GroupCommit` share. When the last goes without a shutdown, the flusher
/// answers whoever still waits and ends, letting go of the store.
struct Inner {
    shared: Arc<Shared>,
    /// The flusher, to wake it.
    flusher: Thread,
    joined: std::sync::Mutex<Option<JoinHandle<()>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.flusher.unpark();
    }
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shared = &self.inner.shared;
        f.debug_struct("GroupCommit")
            .field("issued", &shared.issued.load(Ordering::Relaxed))
            .field("progress", &*shared.progress.borrow())
            .finish()
    }
}

impl GroupCommit {
    /// Starts the flusher thread for `store`.
    pub fn start(store: Arc<dyn EmbeddedStore>) -> std::io::Result<GroupCommit> {
        GroupCommit::with_flush(Arc::new(move || store.flush()))
    }

    /// Starts the flusher with any blocking flush function.
    fn with_flush(flush: Arc<FlushFn>) -> std::io::Result<GroupCommit> {
        let (progress, _) = watch::channel(Progress::default());
        let shared = Arc::new(Shared {
            flush,
            issued: AtomicU64::new(0),
            closed: AtomicBool::new(false),
            progress,
        });
        let handle = std::thread::Builder::new()
            .name("kosh-flusher".into())
            .spawn({
                let shared = shared.clone();
                move || flusher(&shared)
            })?;
        Ok(GroupCommit {
            inner: Arc::new(Inner {
                shared,
                flusher: handle.thread().clone(),
                joined: std::sync::Mutex::new(Some(handle)),
            }),
        })
    }

    /// Returns once every write this task made before the call is on disk.
    pub async fn durable(&self) -> StoreResult<()> {
        let shared = &self.inner.shared;
        let mut progress = shared.progress.subscribe();
        let ticket = shared.issued.fetch_add(1, Ordering::SeqCst) + 1;
        if shared.closed.load(Ordering::SeqCst) {
            // After shutdown nobody flushes for us: do it here.
            return flush_blocking(&shared.flush).await;
        }
        self.inner.flusher.unpark();
        let seen = progress
            .wait_for(|p| p.flushed >= ticket || p.failed >= ticket)
            .await
            .map_err(|_| StoreError::Backend("the flusher stopped".into()))?;
        if seen.flushed >= ticket {
            Ok(())
        } else if seen.failed_full {
            Err(StoreError::Full("the flush found the disk full".into()))
        } else {
            Err(StoreError::Backend("flush failed".into()))
        }
    }

    /// Stops the flusher after one last flush of everything written so far.
    pub async fn shutdown(&self) -> StoreResult<()> {
        let shared = &self.inner.shared;
        shared.closed.store(true, Ordering::SeqCst);
        self.inner.flusher.unpark();
        let handle = self.inner.joined.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            tokio::task::spawn_blocking(move || handle.join())
                .await
                .map_err(|e| StoreError::Backend(format!("joining the flusher: {e}")))?
                .map_err(|_| StoreError::Backend("the flusher panicked".into()))?;
        }
        flush_blocking(&shared.flush).await
    }
}

/// Runs the blocking flush on tokio's blocking pool (only after shutdown).
async fn flush_blocking(flush: &Arc<FlushFn>) -> StoreResult<()> {
    let flush = flush.clone();
    tokio::task::spawn_blocking(move || flush())
        .await
        .map_err(|e| StoreError::Backend(format!("flush task: {e}")))?
}

/// The flusher thread: flushes whenever tickets wait, parks when none do, and returns once
/// shutdown is asked and every ticket taken before it is answered.
fn flusher(shared: &Shared) {
    loop {
        // `closed` before `issued`: a waiter that saw `closed` unset took its ticket before
        // it was set, so the `issued` read after it counts that ticket.
        let closing = shared.closed.load(Ordering::SeqCst);
        let target = shared.issued.load(Ordering::SeqCst);
        let done = *shared.progress.borrow();
        if target > done.flushed.max(done.failed) {
            let result = (shared.flush)();
            shared.progress.send_modify(|p| match result {
                Ok(()) => p.flushed = p.flushed.max(target),
                Err(ref err) => {
                    tracing::error!(%err, "flush failed");
                    p.failed = p.failed.max(target);
                    p.failed_full = err.is_full();
                }
            });
            continue;
        }
        if closing {
            return;
        }
        // An unpark that came after the read of `issued` makes this return at once.
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SledStore;
    use std::time::Duration;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_waiters_share_flushes() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn EmbeddedStore> = Arc::new(SledStore::open(dir.path()).unwrap());
        let commit = GroupCommit::start(store.clone()).unwrap();
        let before = store.flush_count();
        let waiters: Vec<_> = (0..200)
            .map(|_| {
                let commit = commit.clone();
                tokio::spawn(async move { commit.durable().await })
            })
            .collect();
        for w in waiters {
            w.await.unwrap().unwrap();
        }
        let flushes = store.flush_count() - before;
        assert!(flushes >= 1);
        assert!(flushes < 200, "200 waiters needed {flushes} flushes");
        commit.shutdown().await.unwrap();
    }

    /// A flush probe: what had been written when each flush began, and how many ran.
    #[derive(Default)]
    struct Probe {
        written: AtomicU64,
        durable_up_to: AtomicU64,
        flushes: AtomicU64,
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn every_waiter_is_covered_by_a_flush_that_began_after_its_write() {
        let probe = Arc::new(Probe::default());
        let p = probe.clone();
        let commit = GroupCommit::with_flush(Arc::new(move || {
            let snapshot = p.written.load(Ordering::SeqCst);
            // An fsync takes a while; writes keep arriving meanwhile.
            std::thread::sleep(Duration::from_millis(2));
            p.durable_up_to.fetch_max(snapshot, Ordering::SeqCst);
            p.flushes.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }))
        .unwrap();
        let writers: Vec<_> = (0..300)
            .map(|_| {
                let (commit, probe) = (commit.clone(), probe.clone());
                tokio::spawn(async move {
                    let mine = probe.written.fetch_add(1, Ordering::SeqCst) + 1;
                    commit.durable().await.unwrap();
                    let durable = probe.durable_up_to.load(Ordering::SeqCst);
                    assert!(
                        durable >= mine,
                        "write {mine} acknowledged, durable only to {durable}"
                    );
                })
            })
            .collect();
        for w in writers {
            w.await.unwrap();
        }
        let flushes = probe.flushes.load(Ordering::SeqCst);
        assert!(flushes < 100, "300 writers shared {flushes} flushes");
        commit.shutdown().await.unwrap();
    }

    #[test]
    fn dropping_the_last_handle_ends_the_flusher_and_lets_go_of_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn EmbeddedStore> = Arc::new(SledStore::open(dir.path()).unwrap());
        let commit = GroupCommit::start(store.clone()).unwrap();
        let flusher = commit.inner.joined.lock().unwrap().take().unwrap();
        drop((commit.clone(), commit));
        flusher.join().unwrap();
        assert_eq!(
            Arc::strong_count(&store),
            1,
            "only this test holds the store now"
        );
        drop(store);
        SledStore::reopen(dir.path()).expect("the directory is free again");
    }

    #[tokio::test]
    async fn a_failed_flush_is_an_error_for_its_waiters_not_a_hang() {
        let fail = Arc::new(AtomicBool::new(true));
        let f = fail.clone();
        let commit = GroupCommit::with_flush(Arc::new(move || {
            if f.load(Ordering::SeqCst) {
                Err(StoreError::Backend("disk on fire".into()))
            } else {
                Ok(())
            }
        }))
        .unwrap();
        assert!(commit.durable().await.is_err());
        fail.store(false, Ordering::SeqCst);
        commit.durable().await.unwrap();
        commit.shutdown().await.unwrap();
    }

    #[tokio::test]
    async fn a_waiter_is_answered_only_after_a_flush_that_started_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn EmbeddedStore> = Arc::new(SledStore::open(dir.path()).unwrap());
        let commit = GroupCommit::start(store.clone()).unwrap();
        for round in 1..=5u64 {
            let before = store.flush_count();
            commit.durable().await.unwrap();
            assert!(
                store.flush_count() > before,
                "round {round}: no flush covered the waiter"
            );
        }
        commit.shutdown().await.unwrap();
        // After shutdown a waiter flushes for itself rather than hang.
        let before = store.flush_count();
        tokio::time::timeout(Duration::from_secs(10), commit.durable())
            .await
            .unwrap()
            .unwrap();
        assert!(store.flush_count() > before);
    }
}
