//! The floor under Kosh's server: its store alone. Kosh's own `SledStore`, opened in this
//! process in a temporary directory, takes the pushes and pulls of the same load (two devices
//! per applicant sharing a draft, one to three answers per push, then a pull of the partner's
//! changes), with no HTTP, no tokens, no request to parse and no answer to encode, and with its
//! journal synced once every [`SYNC_EVERY`] syncs instead of once per group commit.
//!
//! Whatever Kosh's server does for a sync, it does at least this, on the same two cores, so this
//! rate bounds the server's from above: if it is below half of the no-storage limit, no server
//! on this store can reach the target on this machine.

use std::time::{Duration, Instant};

use chrono::Utc;
use kosh_backend::store::{IncomingOp, SledStore, Store};
use kosh_shared::api::Op;
use kosh_shared::hlc::HlcClock;
use kosh_shared::ids::{DraftId, FormId, OpId, UserId};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use crate::device::now_ms;
use crate::error::{BenchError, BenchResult};
use crate::process::cpu_seconds_of;
use crate::workload::{AnswerPool, FORM_ID};

/// Syncs between two syncs of the journal: rare enough that durability costs next to nothing
/// here, so the floor is the store's CPU alone.
pub const SYNC_EVERY: u64 = 1000;

/// The page size of a pull, as the server's default.
const PAGE: usize = 500;

/// What the store alone managed.
#[derive(Debug, Clone, Serialize)]
pub struct StoreFloor {
    pub devices: usize,
    /// OS threads driving the store (one per core, at most one per device).
    pub threads: usize,
    pub syncs: u64,
    pub seconds: f64,
    pub syncs_per_s: f64,
    /// CPU time of this process per sync, µs.
    pub cpu_us_per_sync: Option<f64>,
}

/// One simulated device, talking to the store directly.
struct Device {
    user: UserId,
    draft: DraftId,
    id: String,
    clock: HlcClock,
    cursor: u64,
}

impl Device {
    fn new(index: usize) -> BenchResult<Device> {
        let id = format!("device-{index}");
        Ok(Device {
            user: UserId::from(format!("applicant-{}", index / 2).as_str()),
            draft: DraftId::from(format!("draft-{}", index / 2).as_str()),
            clock: HlcClock::new(id.clone())
                .map_err(|e| BenchError::Setup(format!("device id {id}: {e}")))?,
            id,
            cursor: 0,
        })
    }

    /// One sync: push a few answers, pull the partner's changes.
    fn sync(&mut self, store: &SledStore, pool: &AnswerPool, rng: &mut StdRng) -> BenchResult<()> {
        let now = now_ms();
        let ops: Vec<IncomingOp> = pool
            .a_few(rng)
            .into_iter()
            .map(|answer| IncomingOp {
                op: Op {
                    op_id: OpId::from(uuid::Uuid::new_v4().to_string()),
                    draft_id: self.draft.clone(),
                    form_id: FormId::from(FORM_ID),
                    field: answer.field,
                    value: answer.value,
                    hlc: self.clock.tick(now),
                },
                device: self.id.clone(),
                clamped: false,
                form_version: 1,
            })
            .collect();
        let store_error = |e: kosh_backend::store::StoreError| BenchError::Setup(e.to_string());
        store
            .push_ops(&self.user, &ops, Utc::now())
            .map_err(store_error)?
            .map_err(|refusal| BenchError::Setup(format!("push refused: {refusal:?}")))?;
        let page = store
            .changes_since(&self.user, self.cursor, PAGE, &self.id)
            .map_err(store_error)?;
        for entry in &page.entries {
            self.clock.observe(&entry.op.hlc, now);
        }
        self.cursor = page.cursor;
        Ok(())
    }
}

/// Drives the store with `devices` devices for `duration`.
pub fn measure(
    pool: &AnswerPool,
    devices: usize,
    duration: Duration,
    seed: u64,
) -> BenchResult<StoreFloor> {
    let dir = tempfile::tempdir().map_err(|e| BenchError::io("a temporary directory", e))?;
    let store = SledStore::open(dir.path())
        .map_err(|e| BenchError::Setup(format!("opening the store: {e}")))?;
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let threads = cores.min(devices).max(1);
    let mut fleets: Vec<Vec<Device>> = (0..threads).map(|_| Vec::new()).collect();
    for index in 0..devices {
        fleets[index % threads].push(Device::new(index)?);
    }
    let cpu_before = cpu_seconds_of("self");
    let started = Instant::now();
    let deadline = started + duration;
    let counts: Vec<BenchResult<u64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = fleets
            .into_iter()
            .enumerate()
            .map(|(t, mut fleet)| {
                let store = &store;
                scope.spawn(move || -> BenchResult<u64> {
                    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(t as u64));
                    let mut syncs = 0u64;
                    while Instant::now() < deadline {
                        for device in &mut fleet {
                            device.sync(store, pool, &mut rng)?;
                            syncs += 1;
                            if syncs.is_multiple_of(SYNC_EVERY) {
                                store
                                    .flush()
                                    .map_err(|e| BenchError::Setup(e.to_string()))?;
                            }
                        }
                    }
                    Ok(syncs)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(BenchError::Setup("a store thread panicked".into())))
            })
            .collect()
    });
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_before
        .zip(cpu_seconds_of("self"))
        .map(|(before, after)| after - before);
    let mut syncs = 0;
    for count in counts {
        syncs += count?;
    }
    store
        .flush()
        .map_err(|e| BenchError::Setup(e.to_string()))?;
    Ok(StoreFloor {
        devices,
        threads,
        syncs,
        seconds,
        syncs_per_s: syncs as f64 / seconds,
        cpu_us_per_sync: cpu.filter(|_| syncs > 0).map(|s| s * 1e6 / syncs as f64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_alone_syncs_and_counts_them() {
        let pool = AnswerPool::residence_2026().unwrap();
        let floor = measure(&pool, 4, Duration::from_millis(300), 7).unwrap();
        assert!(floor.syncs > 0);
        assert!(floor.syncs_per_s > 0.0);
        assert_eq!(floor.devices, 4);
        assert!(floor.threads >= 1 && floor.threads <= 4);
    }
}
