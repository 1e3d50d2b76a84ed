//! The floor under Kosh's server: its store alone. Kosh's own `SledStore`, opened in this
//! process in a temporary directory, takes the pushes and pulls of the same load (two devices
//! per applicant sharing a draft, one to three answers per push, then a pull of the partner's
//! changes), with no HTTP, no tokens, no request to parse and no answer to encode, and with its
//! journal synced once every [`SYNC_EVERY`] syncs instead of once per group commit.
//!
//! Whatever Kosh's server does for a sync, it does at least this, on the same two cores, so this
//! rate bounds the server's from above.
//!
//! Below that, [`sled_minimum`] is the floor of any server on sled: sled itself doing only the
//! reads and writes a durable sync cannot do without (is the login active; the draft's owner;
//! has each op been seen; each answer's register read and written; each op logged and marked
//! seen; the partner's new entries read), with values already encoded, sequence numbers kept in
//! memory, no JSON, no merge logic and no lock between pushes.

use std::time::{Duration, Instant};

use chrono::Utc;
use kosh_backend::store::{EmbeddedStore, IncomingOp, SledStore};
use kosh_shared::api::Op;
use kosh_shared::hlc::HlcClock;
use kosh_shared::ids::{DraftId, FormId, OpId, UserId};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde::Serialize;

use crate::device::now_ms;
use crate::error::{BenchError, BenchResult};
use crate::process::cpu_seconds_of;
use crate::workload::{AnswerPool, FORM_ID, FORM_VERSION};

/// Syncs between two syncs of the journal: rare enough that durability costs next to nothing
/// here, so the floor is the store's CPU alone.
pub const SYNC_EVERY: u64 = 1000;

/// The page size of a pull, as the server's default.
const PAGE: usize = 500;

/// What the store (or sled) alone managed.
#[derive(Debug, Clone, Serialize)]
pub struct StoreFloor {
    /// What was driven.
    pub what: String,
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
                    form_version: Some(FORM_VERSION),
                },
                device: self.id.clone(),
                clamped: false,
                form_version: FORM_VERSION,
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
    let threads = threads_for(devices);
    let fleets: Vec<std::sync::Mutex<Vec<Device>>> = (0..threads)
        .map(|t| {
            (t..devices)
                .step_by(threads)
                .map(Device::new)
                .collect::<BenchResult<Vec<_>>>()
                .map(std::sync::Mutex::new)
        })
        .collect::<BenchResult<_>>()?;
    let floor = timed(
        "Kosh's store (`SledStore`)",
        devices,
        threads,
        duration,
        |t, deadline| {
            let mut fleet = fleets[t]
                .lock()
                .map_err(|_| BenchError::Setup("a device list is poisoned".into()))?;
            let mut rng = StdRng::seed_from_u64(seed.wrapping_add(t as u64));
            let mut syncs = 0u64;
            while Instant::now() < deadline {
                for device in fleet.iter_mut() {
                    device.sync(&store, pool, &mut rng)?;
                    syncs += 1;
                    if syncs.is_multiple_of(SYNC_EVERY) {
                        store
                            .flush()
                            .map_err(|e| BenchError::Setup(e.to_string()))?;
                    }
                }
            }
            Ok(syncs)
        },
    )?;
    store
        .flush()
        .map_err(|e| BenchError::Setup(e.to_string()))?;
    Ok(floor)
}

/// One thread per core, at most one per device.
fn threads_for(devices: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    cores.min(devices).max(1)
}

/// Runs `work(thread, deadline)` on `threads` threads, each returning the syncs it did by the
/// deadline, and measures the rate and this process's CPU time per sync.
fn timed(
    what: &str,
    devices: usize,
    threads: usize,
    duration: Duration,
    work: impl Fn(usize, Instant) -> BenchResult<u64> + Sync,
) -> BenchResult<StoreFloor> {
    let cpu_before = cpu_seconds_of("self");
    let started = Instant::now();
    let deadline = started + duration;
    let work = &work;
    let counts: Vec<BenchResult<u64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || work(t, deadline)))
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
    Ok(StoreFloor {
        what: what.to_owned(),
        devices,
        threads,
        syncs,
        seconds,
        syncs_per_s: syncs as f64 / seconds,
        cpu_us_per_sync: cpu.filter(|_| syncs > 0).map(|s| s * 1e6 / syncs as f64),
    })
}

/// The trees of [`sled_minimum`].
struct Trees {
    logins: sled::Tree,
    drafts: sled::Tree,
    cells: sled::Tree,
    log: sled::Tree,
    seen: sled::Tree,
}

/// `<a>\0<b>`, as Kosh keys things that belong to a user or a draft.
fn key(a: &str, b: &[u8]) -> Vec<u8> {
    [a.as_bytes(), &[0], b].concat()
}

/// Sled alone doing the reads and writes a durable sync cannot do without, for `devices`
/// devices (two per applicant) for `duration`, one thread per core.
pub fn sled_minimum(
    pool: &AnswerPool,
    devices: usize,
    duration: Duration,
    seed: u64,
) -> BenchResult<StoreFloor> {
    let dir = tempfile::tempdir().map_err(|e| BenchError::io("a temporary directory", e))?;
    let sled_error = |e: sled::Error| BenchError::Setup(format!("sled: {e}"));
    let db = sled::Config::new()
        .path(dir.path().join("store"))
        .mode(sled::Mode::HighThroughput)
        .open()
        .map_err(sled_error)?;
    let tree = |name: &str| db.open_tree(name).map_err(sled_error);
    let trees = Trees {
        logins: tree("logins")?,
        drafts: tree("drafts")?,
        cells: tree("cells")?,
        log: tree("log")?,
        seen: tree("seen")?,
    };
    let applicants = devices.div_ceil(2);
    for a in 0..applicants {
        trees
            .logins
            .insert(format!("login-{a}"), &[1u8; 48][..])
            .map_err(sled_error)?;
    }
    // Each applicant's log head, in memory: the floor keeps no counter on disk.
    let heads: Vec<std::sync::atomic::AtomicU64> = (0..applicants)
        .map(|_| std::sync::atomic::AtomicU64::new(0))
        .collect();
    // Values encoded once, outside the timing: an op as the log keeps it, a register.
    let encoded: Vec<(String, Vec<u8>, Vec<u8>)> = pool
        .answers()
        .iter()
        .map(|a| {
            let value = serde_json::to_vec(&a.value).unwrap_or_default();
            let op = [&[b'{'; 120][..], &value].concat();
            let cell = [&[b'{'; 40][..], &value].concat();
            (a.field.clone(), op, cell)
        })
        .collect();
    let threads = threads_for(devices);
    let per_thread = |t: usize, deadline: Instant| -> Result<u64, sled::Error> {
        let mut rng = StdRng::seed_from_u64(seed.wrapping_add(t as u64));
        let mine: Vec<usize> = (t..devices).step_by(threads).collect();
        let mut cursors = vec![0u64; devices];
        let mut syncs = 0u64;
        while Instant::now() < deadline {
            for &d in &mine {
                let applicant = d / 2;
                let (user, draft) = (
                    format!("applicant-{applicant}"),
                    format!("draft-{applicant}"),
                );
                trees.logins.get(format!("login-{applicant}"))?;
                trees.drafts.get(draft.as_bytes())?;
                let count = rand::Rng::gen_range(&mut rng, 1..=3);
                let first = heads[applicant].fetch_add(count, std::sync::atomic::Ordering::Relaxed);
                for i in 0..count {
                    let (field, op, cell) =
                        rand::seq::SliceRandom::choose(encoded.as_slice(), &mut rng)
                            .ok_or_else(|| sled::Error::Unsupported("no answers".into()))?;
                    let id = key(&user, format!("op-{d}-{syncs}-{i}").as_bytes());
                    trees.seen.contains_key(&id)?;
                    let cell_key = key(&draft, field.as_bytes());
                    trees.cells.get(&cell_key)?;
                    trees.cells.insert(cell_key, cell.as_slice())?;
                    let seq = first + i + 1;
                    trees
                        .log
                        .insert(key(&user, &seq.to_be_bytes()), op.as_slice())?;
                    trees.seen.insert(id, &seq.to_be_bytes())?;
                }
                trees.drafts.insert(draft.as_bytes(), &[b'h'; 100][..])?;
                let (prefix, from) = (key(&user, b""), key(&user, &(cursors[d] + 1).to_be_bytes()));
                for entry in trees.log.range(from..).take(PAGE) {
                    let (k, _) = entry?;
                    if !k.starts_with(&prefix) {
                        break;
                    }
                    let seq = k[k.len() - 8..].try_into().map(u64::from_be_bytes);
                    cursors[d] = seq.unwrap_or(cursors[d]);
                }
                syncs += 1;
            }
        }
        Ok(syncs)
    };
    timed(
        "sled alone: the reads and writes a sync cannot do without",
        devices,
        threads,
        duration,
        |t, deadline| per_thread(t, deadline).map_err(sled_error),
    )
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

    #[test]
    fn sled_alone_syncs_and_counts_them() {
        let pool = AnswerPool::residence_2026().unwrap();
        let floor = sled_minimum(&pool, 3, Duration::from_millis(300), 7).unwrap();
        assert!(floor.syncs > 0 && floor.syncs_per_s > 0.0);
        assert_eq!((floor.devices, floor.threads.min(3)), (3, floor.threads));
    }
}
