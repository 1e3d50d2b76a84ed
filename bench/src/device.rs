//! A simulated device: one phone of one applicant, holding one keep-alive connection, a clock
//! and its sync position, speaking either Kosh's protocol (Kosh and the two limit servers) or
//! CouchDB's replication protocol (the peer).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::couch_protocol::CouchDevice;
use crate::error::BenchResult;
use crate::kosh_protocol::KoshDevice;
use crate::wire::Exchange;
use crate::workload::Answer;

/// What one sync cost, counted at the HTTP layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncCost {
    /// HTTP requests the sync needed.
    pub round_trips: u32,
    /// Bytes sent and received over all of them.
    pub bytes: u64,
    /// Ops or documents pulled from the server.
    pub pulled: u64,
}

impl SyncCost {
    pub(crate) fn add(&mut self, exchange: &Exchange) {
        self.round_trips += 1;
        self.bytes += exchange.bytes();
    }
}

/// A device of either protocol.
#[derive(Debug)]
pub enum Device {
    Kosh(KoshDevice),
    Couch(CouchDevice),
}

impl Device {
    /// Pushes `answers` as new edits and pulls what the other devices wrote since the last sync.
    pub async fn sync(&mut self, answers: &[Answer]) -> BenchResult<SyncCost> {
        match self {
            Device::Kosh(device) => device.sync(answers).await,
            Device::Couch(device) => device.sync(answers).await,
        }
    }
}

/// Wall-clock milliseconds, the devices' HLC input.
pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
