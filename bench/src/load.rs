//! The load: N devices syncing as fast as they are answered (a closed loop, no think time),
//! all starting together after each has caught up once, until a time bound or a count bound,
//! whichever comes first. Each sync pushes a few answers and pulls what the partner device of
//! the same applicant pushed meanwhile.

use std::sync::Arc;
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;
use tokio::sync::Barrier;
use tokio::time::Instant;

use crate::device::{Device, SyncCost};
use crate::error::{BenchError, BenchResult};
use crate::workload::AnswerPool;

/// One sync that takes longer than this counts as failed.
const SYNC_TIMEOUT: Duration = Duration::from_secs(30);
/// A device that failed this many syncs stops.
const MAX_ERRORS_PER_DEVICE: u64 = 50;
/// How long after the time bound the whole load may take before it is abandoned.
const GRACE: Duration = Duration::from_secs(60);

/// How long and how much.
#[derive(Debug, Clone, Copy)]
pub struct LoadSpec {
    /// The time bound of the measured loop.
    pub duration: Duration,
    /// The count bound: syncs per device.
    pub max_syncs_per_device: u64,
    /// Seeds the choice of answers, so every target gets the same sequence.
    pub seed: u64,
}

/// What the devices measured together.
#[derive(Debug, Clone, Default)]
pub struct LoadOutcome {
    /// Syncs that completed and were fully acknowledged.
    pub syncs: u64,
    /// Syncs that failed.
    pub errors: u64,
    /// The first failure, to say why.
    pub first_error: Option<String>,
    /// From the common start until the last device stopped.
    pub elapsed: Duration,
    /// Each completed sync's latency, in microseconds, sorted.
    pub latencies_us: Vec<u64>,
    /// Bytes on the wire over all completed syncs.
    pub bytes: u64,
    /// HTTP requests over all completed syncs.
    pub round_trips: u64,
    /// Ops pulled from other devices over all completed syncs.
    pub pulled: u64,
}

/// The value at quantile `q` (0..=1) of `sorted_us` (microseconds, sorted), in milliseconds, by
/// nearest rank: the smallest value that at least `q` of them did not exceed.
pub fn nearest_rank_ms(sorted_us: &[u64], q: f64) -> Option<f64> {
    if sorted_us.is_empty() {
        return None;
    }
    let rank = (q * sorted_us.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted_us.len()) - 1;
    Some(sorted_us[index] as f64 / 1000.0)
}

impl LoadOutcome {
    /// Completed syncs per second.
    pub fn syncs_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.syncs as f64 / seconds
        } else {
            0.0
        }
    }

    /// The latency at quantile `q` (0..=1), in milliseconds: the smallest latency that at least
    /// `q` of the syncs did not exceed.
    pub fn latency_ms(&self, q: f64) -> Option<f64> {
        nearest_rank_ms(&self.latencies_us, q)
    }

    /// Mean of a per-sync total.
    pub fn per_sync(&self, total: u64) -> Option<f64> {
        (self.syncs > 0).then(|| total as f64 / self.syncs as f64)
    }

    fn absorb(&mut self, other: DeviceOutcome) {
        self.syncs += other.latencies_us.len() as u64;
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
        self.latencies_us.extend(other.latencies_us);
        self.bytes += other.cost.bytes;
        self.round_trips += u64::from(other.cost.round_trips);
        self.pulled += other.cost.pulled;
    }
}

#[derive(Debug, Default)]
struct DeviceOutcome {
    latencies_us: Vec<u64>,
    errors: u64,
    first_error: Option<String>,
    cost: Totals,
}

#[derive(Debug, Default)]
struct Totals {
    bytes: u64,
    round_trips: u32,
    pulled: u64,
}

impl DeviceOutcome {
    fn failed(&mut self, err: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(err);
        }
    }
}

/// Runs the load on `devices` and gives them back for the single-answer probe.
pub async fn run(
    devices: Vec<Device>,
    pool: Arc<AnswerPool>,
    spec: LoadSpec,
) -> BenchResult<(LoadOutcome, Vec<Device>)> {
    let barrier = Arc::new(Barrier::new(devices.len() + 1));
    let mut tasks = Vec::with_capacity(devices.len());
    for (index, device) in devices.into_iter().enumerate() {
        let seed = spec.seed.wrapping_add(index as u64);
        tasks.push(tokio::spawn(drive(
            device,
            pool.clone(),
            spec,
            seed,
            barrier.clone(),
        )));
    }
    barrier.wait().await;
    let start = Instant::now();
    let mut outcome = LoadOutcome::default();
    let mut devices = Vec::with_capacity(tasks.len());
    let hard_stop = start + spec.duration + GRACE;
    for task in tasks {
        match tokio::time::timeout_at(hard_stop, task).await {
            Ok(Ok((device, device_outcome))) => {
                outcome.absorb(device_outcome);
                devices.push(device);
            }
            Ok(Err(join)) => {
                return Err(BenchError::Setup(format!("a device task failed: {join}")));
            }
            Err(_) => {
                return Err(BenchError::Setup(format!(
                    "the load did not stop within {} s of its time bound",
                    GRACE.as_secs()
                )));
            }
        }
    }
    outcome.elapsed = start.elapsed();
    outcome.latencies_us.sort_unstable();
    Ok((outcome, devices))
}

async fn drive(
    mut device: Device,
    pool: Arc<AnswerPool>,
    spec: LoadSpec,
    seed: u64,
    barrier: Arc<Barrier>,
) -> (Device, DeviceOutcome) {
    let mut outcome = DeviceOutcome::default();
    // Catch up once, as a phone does when it comes online; not measured.
    if let Err(err) = timed_sync(&mut device, &[]).await {
        outcome.failed(format!("catching up: {err}"));
    }
    barrier.wait().await;
    let deadline = Instant::now() + spec.duration;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut done = 0u64;
    while Instant::now() < deadline
        && done < spec.max_syncs_per_device
        && outcome.errors < MAX_ERRORS_PER_DEVICE
    {
        let answers = pool.a_few(&mut rng);
        let started = Instant::now();
        match timed_sync(&mut device, &answers).await {
            Ok(cost) => {
                let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
                outcome.latencies_us.push(micros);
                outcome.cost.bytes += cost.bytes;
                outcome.cost.round_trips += cost.round_trips;
                outcome.cost.pulled += cost.pulled;
            }
            Err(err) => outcome.failed(err.to_string()),
        }
        done += 1;
    }
    (device, outcome)
}

async fn timed_sync(
    device: &mut Device,
    answers: &[crate::workload::Answer],
) -> BenchResult<SyncCost> {
    match tokio::time::timeout(SYNC_TIMEOUT, device.sync(answers)).await {
        Ok(result) => result,
        Err(_) => Err(BenchError::Http(format!(
            "no answer within {} s",
            SYNC_TIMEOUT.as_secs()
        ))),
    }
}

/// The cost of one single-answer sync: `a` pushes one answer and pulls the one answer `b`
/// pushed just before (both devices of one applicant, caught up first).
pub async fn single_answer(
    a: &mut Device,
    b: &mut Device,
    pool: &AnswerPool,
) -> BenchResult<SyncCost> {
    let answer = [pool.single()];
    timed_sync(a, &[]).await?;
    timed_sync(b, &[]).await?;
    timed_sync(b, &answer).await?;
    timed_sync(a, &answer).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let outcome = LoadOutcome {
            syncs: 100,
            latencies_us: (1..=100).map(|ms| ms * 1000).collect(),
            elapsed: Duration::from_secs(4),
            ..LoadOutcome::default()
        };
        assert_eq!(outcome.latency_ms(0.5), Some(50.0));
        assert_eq!(outcome.latency_ms(0.99), Some(99.0));
        assert_eq!(outcome.latency_ms(1.0), Some(100.0));
        assert_eq!(outcome.syncs_per_second(), 25.0);
        assert_eq!(LoadOutcome::default().latency_ms(0.5), None);
        assert_eq!(LoadOutcome::default().per_sync(10), None);
    }
}
