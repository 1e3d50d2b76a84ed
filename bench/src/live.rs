//! Live sync (issue 14): how long from one phone's push until another phone of the account,
//! waiting in `GET /v1/sync/wait`, has the answer, with many phones waiting at once, and what
//! the waiting phones cost the server in memory.
//!
//! The phones are spread over a few accounts (registration costs an argon2 hash each; one
//! login's token serves every phone of its account, each with its own device id and its own
//! connection). Each waiting phone loops: wait; when the answer says another device pushed,
//! sync at once, and if that brought the pushed answer, count the time since the push began.
//! A pusher (a device of the account that does not wait) pushes one answer on one account at a
//! time and waits until every phone of that account has it, so the samples do not overlap. A
//! first push on every account warms up (every phone's wait has been taken by then) and is not
//! counted; the server's resident memory is read right after it, with every phone waiting.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::Notify;

use crate::error::{BenchError, BenchResult};
use crate::kosh_protocol::{KoshDevice, register};
use crate::load::nearest_rank_ms;
use crate::process::ServerProcess;
use crate::wire::Connection;
use crate::workload::AnswerPool;

/// How long every phone of an account may take to have a push before the run says so.
const HEARD_WITHIN: Duration = Duration::from_secs(20);
/// Phones per account when many wait: a family, a few relatives, an officer's tablet.
const PHONES_PER_ACCOUNT: usize = 20;

/// What one row of the live-sync table measured.
#[derive(Debug, Clone, Serialize)]
pub struct LiveRow {
    /// Phones waiting at once.
    pub waiting: usize,
    pub accounts: usize,
    /// Pushes timed (after the warm-up).
    pub pushes: usize,
    /// Push-to-phone times collected (a push on an account gives one per phone of it).
    pub samples: usize,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    /// The server's resident memory with every phone waiting (`VmRSS`), MiB.
    pub memory_mib: Option<f64>,
    /// Its resident memory before any phone waited, MiB.
    pub idle_memory_mib: Option<f64>,
    /// Its peak resident memory while the phones waited and synced (`VmHWM`, reset when they
    /// started), MiB.
    pub peak_memory_mib: Option<f64>,
    /// Why the row is incomplete or missing.
    pub failure: Option<String>,
}

/// How many accounts `waiting` phones are spread over: one phone each up to 4, four accounts up
/// to 80 phones, then [`PHONES_PER_ACCOUNT`] phones each.
pub fn accounts_for(waiting: usize) -> usize {
    (waiting / PHONES_PER_ACCOUNT).max(waiting.min(4)).max(1)
}

impl LiveRow {
    /// A row that could not be measured at all.
    pub fn failed(waiting: usize, failure: String) -> LiveRow {
        LiveRow {
            waiting,
            accounts: accounts_for(waiting),
            pushes: 0,
            samples: 0,
            p50_ms: None,
            p99_ms: None,
            memory_mib: None,
            idle_memory_mib: None,
            peak_memory_mib: None,
            failure: Some(failure),
        }
    }
}

/// One account's push in flight: when it began and how many phones have yet to have it.
struct Round {
    started: Mutex<Option<Instant>>,
    pending: AtomicUsize,
    all_heard: Notify,
}

/// What the phones share: the rounds per account, the samples, the first error.
struct Shared {
    rounds: Vec<Round>,
    samples_us: Mutex<Vec<u64>>,
    counting: std::sync::atomic::AtomicBool,
    first_error: Mutex<Option<String>>,
}

impl Shared {
    fn fail(&self, err: impl std::fmt::Display) {
        if let Ok(mut first) = self.first_error.lock() {
            first.get_or_insert_with(|| err.to_string());
        }
    }
}

/// Measures `waiting` phones on the Kosh server `server`, `pushes` timed pushes after the
/// warm-up.
pub async fn measure(
    server: &ServerProcess,
    waiting: usize,
    pushes: usize,
    pool: &AnswerPool,
) -> LiveRow {
    let mut row = LiveRow::failed(waiting, String::new());
    row.failure = None;
    if let Err(err) = run(server, waiting, pushes, pool, &mut row).await {
        row.failure = Some(err.to_string());
    }
    row
}

async fn run(
    server: &ServerProcess,
    waiting: usize,
    pushes: usize,
    pool: &AnswerPool,
    row: &mut LiveRow,
) -> BenchResult<()> {
    let addr = server.addr;
    let accounts = row.accounts;
    let mut setup = Connection::open(addr).await?;
    let mut tokens = Vec::with_capacity(accounts);
    for account in 0..accounts {
        let email = format!("live-{waiting}-{account}@bench.kosh.example");
        tokens.push(register(&mut setup, &email).await?);
    }
    let draft = |_| uuid::Uuid::new_v4().to_string();
    let drafts: Vec<String> = (0..accounts).map(draft).collect();
    let mut pushers = Vec::with_capacity(accounts);
    for (token, draft) in tokens.iter().zip(&drafts) {
        pushers.push(KoshDevice::connect(addr, token.clone(), device_id(), draft.clone()).await?);
    }
    let shared = Arc::new(Shared {
        rounds: (0..accounts)
            .map(|_| Round {
                started: Mutex::new(None),
                pending: AtomicUsize::new(0),
                all_heard: Notify::new(),
            })
            .collect(),
        samples_us: Mutex::new(Vec::new()),
        counting: false.into(),
        first_error: Mutex::new(None),
    });
    row.idle_memory_mib = server.memory_kib().map(mib);
    let peak_is_the_waits = server.reset_peak_memory();

    let mut phones_of = vec![0; accounts];
    let mut tasks = Vec::with_capacity(waiting);
    for phone in 0..waiting {
        let account = phone % accounts;
        phones_of[account] += 1;
        let device = KoshDevice::connect(
            addr,
            tokens[account].clone(),
            device_id(),
            drafts[account].clone(),
        )
        .await?;
        tasks.push(tokio::spawn(wait_and_fetch(
            device,
            account,
            shared.clone(),
        )));
    }

    let answers = pool.answers();
    let mut push = async |account: usize, n: usize| -> BenchResult<()> {
        let round = &shared.rounds[account];
        round.pending.store(phones_of[account], Ordering::SeqCst);
        if let Ok(mut started) = round.started.lock() {
            *started = Some(Instant::now());
        }
        let answer = &answers[n % answers.len()];
        pushers[account].sync(std::slice::from_ref(answer)).await?;
        let heard = tokio::time::timeout(HEARD_WITHIN, round.all_heard.notified()).await;
        if heard.is_err() {
            let missing = round.pending.load(Ordering::SeqCst);
            return Err(BenchError::Protocol {
                path: "/v1/sync/wait".into(),
                reason: format!(
                    "{missing} of {} phones did not have the push within {} s",
                    phones_of[account],
                    HEARD_WITHIN.as_secs()
                ),
            });
        }
        Ok(())
    };
    let mut outcome = Ok(());
    for account in 0..accounts {
        outcome = push(account, account).await;
        if outcome.is_err() {
            break;
        }
    }
    if outcome.is_ok() {
        row.memory_mib = server.memory_kib().map(mib);
        shared.counting.store(true, Ordering::SeqCst);
        for n in 0..pushes {
            outcome = push(n % accounts, accounts + n).await;
            if outcome.is_err() {
                break;
            }
            row.pushes += 1;
        }
    }
    for task in &tasks {
        task.abort();
    }
    if peak_is_the_waits {
        row.peak_memory_mib = server.peak_memory_kib().map(mib);
    }
    let mut samples = shared
        .samples_us
        .lock()
        .map(|s| s.clone())
        .unwrap_or_default();
    samples.sort_unstable();
    row.samples = samples.len();
    row.p50_ms = nearest_rank_ms(&samples, 0.5);
    row.p99_ms = nearest_rank_ms(&samples, 0.99);
    outcome?;
    let first_error = shared.first_error.lock().ok().and_then(|e| e.clone());
    match first_error {
        Some(err) => Err(BenchError::Protocol {
            path: "/v1/sync/wait".into(),
            reason: err,
        }),
        None => Ok(()),
    }
}

/// One waiting phone, until aborted: wait, and on news sync at once; a sync that brought the
/// account's push in flight is a sample.
async fn wait_and_fetch(mut device: KoshDevice, account: usize, shared: Arc<Shared>) {
    let round = &shared.rounds[account];
    loop {
        let before = device.cursor();
        let answered = match device.wait().await {
            Ok(cursor) => cursor,
            Err(err) => return shared.fail(err),
        };
        if answered <= before {
            // The wait ran out with nothing new: wait again.
            continue;
        }
        let pulled = match device.sync(&[]).await {
            Ok(cost) => cost.pulled,
            Err(err) => return shared.fail(err),
        };
        let started = round.started.lock().ok().and_then(|s| *s);
        if pulled == 0 {
            continue;
        }
        if let Some(started) = started
            && shared.counting.load(Ordering::SeqCst)
        {
            let us = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
            if let Ok(mut samples) = shared.samples_us.lock() {
                samples.push(us);
            }
        }
        if round.pending.fetch_sub(1, Ordering::SeqCst) == 1 {
            round.all_heard.notify_one();
        }
    }
}

fn device_id() -> String {
    format!("d-{}", &uuid::Uuid::new_v4().simple().to_string()[..12])
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_spread_over_a_few_accounts() {
        assert_eq!(accounts_for(1), 1);
        assert_eq!(accounts_for(2), 2);
        assert_eq!(accounts_for(16), 4);
        assert_eq!(accounts_for(1_000), 50);
    }
}
