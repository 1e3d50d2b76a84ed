//! The client side of `POST /v1/sync` as pure functions: the outbox of ops the server has not yet
//! acknowledged, the request to send, what to do with the response, and when to retry.
//!
//! The app's sync task does only I/O around these: save, send [`SyncClient::request`], call
//! [`SyncClient::apply`] with the answer, save again, and ask [`SyncApplied::call_again`]. Keeping
//! the decisions here (as atuin does with its sync plan) lets them be tested without a network.
//!
//! The request and response of `POST /v1/sync` ([`SyncRequest`], [`SyncResponse`],
//! [`MAX_OPS_PER_SYNC`]) and the answer of `GET /v1/sync/wait` ([`SyncWaitResponse`]) are
//! defined here, beside the code that builds and applies them; `api`
//! re-exports them.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::draft::Draft;
use crate::draft::Op;
use crate::error::Error;
use crate::ids::{DraftId, FormId, OpId};

/// `POST /v1/sync`: push these ops, pull what others wrote after `cursor`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncRequest {
    pub device_id: String,
    #[serde(default)]
    pub cursor: u64,
    #[serde(default)]
    pub ops: Vec<Op>,
}
/// The most ops one sync request may carry (API.md).
pub const MAX_OPS_PER_SYNC: usize = 500;
/// The answer to a sync: the new cursor, the ops now durable, and changes from other devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResponse {
    pub cursor: u64,
    pub acked: Vec<OpId>,
    pub changes: Vec<Op>,
    /// True when there are more changes after `cursor`: call again.
    #[serde(default)]
    pub more: bool,
}

/// The answer to `GET /v1/sync/wait`: a cursor past the one asked about when another device
/// pushed since (then call `POST /v1/sync`), the same cursor when the wait ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncWaitResponse {
    pub cursor: u64,
}

impl SyncWaitResponse {
    /// Whether the server knows of changes after `cursor` that this device has not pulled.
    pub fn has_news(&self, cursor: u64) -> bool {
        self.cursor > cursor
    }
}

/// Ops made on this device and not yet acknowledged by the server, oldest first. An op stays
/// here until it appears in a response's `acked`, so a lost response only means sending it
/// again, which the server's `op_id` check makes harmless.
///
/// Ops that a later edit of the same answer supersedes are still sent, not compacted away: each
/// register keeps the runner-up write too, so dropping one here would leave this device and the
/// others with different "changed on another device" values. The app debounces typing instead.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outbox {
    ops: Vec<Op>,
}

impl Outbox {
    /// An empty outbox.
    pub fn new() -> Outbox {
        Outbox::default()
    }

    /// Queue an op. An op whose `op_id` is already queued is not queued twice.
    pub fn push(&mut self, op: Op) {
        if !self.ops.iter().any(|o| o.op_id == op.op_id) {
            self.ops.push(op);
        }
    }

    /// How many ops wait to be sent.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// True when everything was acknowledged.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The queued ops, oldest first.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// The ops for the next request: the oldest ones, at most [`MAX_OPS_PER_SYNC`].
    pub fn next_batch(&self) -> &[Op] {
        &self.ops[..self.ops.len().min(MAX_OPS_PER_SYNC)]
    }

    /// Forget the acknowledged ops; returns how many were removed. Ids it does not hold (acked
    /// twice, or by an earlier request whose answer was lost) are ignored.
    pub fn ack(&mut self, acked: &[OpId]) -> usize {
        let acked: BTreeSet<&OpId> = crate::sort::set_of(acked);
        let before = self.ops.len();
        self.ops.retain(|o| !acked.contains(&o.op_id));
        before - self.ops.len()
    }
}

/// A device's sync state, kept in its local store: its id, how far it has pulled, and its outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncClient {
    /// This installation's id, sent with every request.
    pub device_id: String,
    /// The server's sequence number up to which changes have been pulled; 0 pulls everything.
    pub cursor: u64,
    /// Ops waiting for an acknowledgement.
    pub outbox: Outbox,
}

/// An op from the server that could not be applied to the local drafts, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedChange {
    /// The op's id.
    pub op_id: OpId,
    /// Why it was not applied (e.g. its form id differs from the local draft's).
    pub error: Error,
}

/// What applying a response did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncApplied {
    /// How many outbox ops the server acknowledged.
    pub acked: usize,
    /// Drafts whose visible answers changed, to re-render or re-save.
    pub changed: BTreeSet<DraftId>,
    /// Drafts started on another device and seen here for the first time.
    pub created: BTreeSet<DraftId>,
    /// Answers this device wrote that another device's later write replaced in this response:
    /// what the app flags as "changed on another device" (the lost value is in the cell's
    /// [`Cell::changed_elsewhere`](crate::draft::Cell::changed_elsewhere)).
    pub overwritten: BTreeSet<(DraftId, String)>,
    /// The server has more changes after the new cursor.
    pub more_to_pull: bool,
    /// The outbox still holds ops (more than one request's worth, or ones not acked).
    pub more_to_push: bool,
    /// Changes that could not be applied. The cursor moves past them anyway so that one bad op
    /// cannot stall sync forever.
    pub rejected: Vec<RejectedChange>,
}

impl SyncApplied {
    /// Whether to send another request right away.
    pub fn call_again(&self) -> bool {
        self.more_to_pull || (self.more_to_push && self.acked > 0)
    }
}

impl SyncClient {
    /// A device that has never synced.
    pub fn new(device_id: impl Into<String>) -> SyncClient {
        SyncClient {
            device_id: device_id.into(),
            cursor: 0,
            outbox: Outbox::new(),
        }
    }

    /// The next request: push the oldest queued ops, pull after the cursor.
    pub fn request(&self) -> SyncRequest {
        SyncRequest {
            device_id: self.device_id.clone(),
            cursor: self.cursor,
            ops: self.outbox.next_batch().to_vec(),
        }
    }

    /// Take in the server's answer: drop acknowledged ops, merge changes into `drafts` (creating
    /// drafts first seen here at the version `version_of` gives for their form), and move the
    /// cursor to the server's. Merging is idempotent, so a response applied twice is harmless.
    pub fn apply(
        &mut self,
        response: &SyncResponse,
        drafts: &mut BTreeMap<DraftId, Draft>,
        version_of: &dyn Fn(&FormId) -> u32,
    ) -> SyncApplied {
        let mut applied = SyncApplied {
            acked: self.outbox.ack(&response.acked),
            ..SyncApplied::default()
        };
        for op in &response.changes {
            let draft = drafts.entry(op.draft_id.clone()).or_insert_with(|| {
                applied.created.insert(op.draft_id.clone());
                Draft::new(
                    op.draft_id.clone(),
                    op.form_id.clone(),
                    version_of(&op.form_id),
                )
            });
            // The server sends this device's own ops back only when it pulled their stamp
            // back from the future; those replace the original write.
            let result = if op.hlc.device == self.device_id {
                draft.apply_restamped(op)
            } else {
                draft.apply(op)
            };
            match result {
                Ok(true) => {
                    applied.changed.insert(op.draft_id.clone());
                    let lost_mine = draft
                        .cell(&op.field)
                        .and_then(|c| c.changed_elsewhere(&self.device_id))
                        .is_some();
                    if lost_mine {
                        applied
                            .overwritten
                            .insert((op.draft_id.clone(), op.field.clone()));
                    }
                }
                Ok(false) => {}
                Err(error) => applied.rejected.push(RejectedChange {
                    op_id: op.op_id.clone(),
                    error,
                }),
            }
        }
        // A draft created for an op that was then rejected holds nothing: don't keep it.
        for id in applied.created.clone() {
            if drafts.get(&id).is_some_and(|d| d.cells().is_empty()) {
                drafts.remove(&id);
                applied.created.remove(&id);
            }
        }
        // The server's cursor is the truth, even if lower (a restored server): pulling again is
        // harmless because merging is idempotent, while skipping ahead would lose changes.
        self.cursor = response.cursor;
        applied.more_to_pull = response.more;
        applied.more_to_push = !self.outbox.is_empty();
        applied
    }
}

/// How long to wait before retrying a failed sync: exponential growth from `base`, capped at
/// `cap`, with "equal jitter" (half fixed, half random) so that many phones coming back online
/// together do not retry in lockstep, while no retry comes sooner than half the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The delay before the first retry, before jitter.
    pub base: Duration,
    /// The longest delay, before jitter.
    pub cap: Duration,
}

impl Default for Backoff {
    /// One second doubling up to five minutes: quick to recover, gentle on a battery offline.
    fn default() -> Backoff {
        Backoff {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    /// The delay before retry number `attempt` (0 for the first), given `random` in `[0, 1)`
    /// from the caller's random source (values outside are clamped, NaN counts as 0).
    pub fn delay(&self, attempt: u32, random: f64) -> Duration {
        let factor = 2u32.saturating_pow(attempt.min(31));
        let full = self.base.saturating_mul(factor).min(self.cap);
        let random = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        let half = full / 2;
        // try_from avoids mul_f64's panic on overflow for a caller-chosen huge cap.
        let jitter = Duration::try_from_secs_f64((full - half).as_secs_f64() * random)
            .unwrap_or(full - half);
        half + jitter.min(full - half)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hlc::Hlc;
    use proptest::prelude::*;
    use rstest::rstest;
    use serde_json::{Value, json};

    fn op(n: u32, draft: &str, field: &str, value: Value, device: &str) -> Op {
        Op {
            op_id: OpId(format!("{device}-{n}")),
            draft_id: draft.into(),
            form_id: "residence-2026".into(),
            field: field.into(),
            value,
            hlc: Hlc::new(1_000 + u64::from(n), 0, device).unwrap(),
            form_version: None,
        }
    }

    fn v1(_: &FormId) -> u32 {
        1
    }

    #[test]
    fn outbox_pushes_oldest_first_in_batches_of_500() {
        let mut c = SyncClient::new("phone");
        for n in 0..1_203 {
            c.outbox.push(op(n, "d1", "f", json!(n), "phone"));
        }
        let req = c.request();
        assert_eq!(req.ops.len(), MAX_OPS_PER_SYNC);
        assert_eq!(req.ops[0].op_id.as_str(), "phone-0");
        assert_eq!(req.device_id, "phone");
        assert_eq!(req.cursor, 0);
    }

    #[test]
    fn the_same_op_is_queued_once() {
        let mut o = Outbox::new();
        o.push(op(1, "d1", "f", json!(1), "p"));
        o.push(op(1, "d1", "f", json!(1), "p"));
        assert_eq!(o.len(), 1);
    }

    #[test]
    fn a_full_round_drains_a_large_outbox() {
        let mut c = SyncClient::new("phone");
        for n in 0..1_203 {
            c.outbox.push(op(n, "d1", "f", json!(n), "phone"));
        }
        let mut drafts = BTreeMap::new();
        let mut rounds = 0;
        loop {
            rounds += 1;
            let req = c.request();
            let resp = SyncResponse {
                cursor: c.cursor + req.ops.len() as u64,
                acked: req.ops.iter().map(|o| o.op_id.clone()).collect(),
                changes: vec![],
                more: false,
            };
            let applied = c.apply(&resp, &mut drafts, &v1);
            if !applied.call_again() {
                break;
            }
        }
        assert_eq!(rounds, 3);
        assert!(c.outbox.is_empty());
        assert_eq!(c.cursor, 1_203);
    }

    #[test]
    fn response_acks_merges_and_advances() {
        let mut c = SyncClient::new("phone");
        let mut drafts = BTreeMap::new();
        let mut mine = Draft::new("d1".into(), "residence-2026".into(), 1);
        let edit = mine
            .edit(
                "phone-1".into(),
                "education.level",
                json!("bachelor"),
                Hlc::new(1_000, 0, "phone").unwrap(),
            )
            .unwrap();
        c.outbox.push(edit);
        c.outbox
            .push(op(2, "d1", "languages.kazakh", json!("a2"), "phone"));
        drafts.insert(mine.id.clone(), mine);

        let resp = SyncResponse {
            cursor: 57,
            acked: vec!["phone-1".into(), "unknown-op".into()],
            changes: vec![
                op(9, "d1", "education.level", json!("master"), "tablet"),
                op(3, "d2", "personal.citizenship", json!("CN"), "tablet"),
            ],
            more: true,
        };
        let applied = c.apply(&resp, &mut drafts, &v1);
        assert_eq!(applied.acked, 1);
        assert_eq!(c.outbox.len(), 1);
        assert_eq!(c.cursor, 57);
        assert!(applied.more_to_pull && applied.more_to_push && applied.call_again());
        assert_eq!(applied.changed, BTreeSet::from(["d1".into(), "d2".into()]));
        assert_eq!(applied.created, BTreeSet::from(["d2".into()]));
        assert_eq!(
            applied.overwritten,
            BTreeSet::from([("d1".into(), "education.level".to_owned())])
        );
        let d1 = &drafts[&DraftId::from("d1")];
        assert_eq!(d1.answer("education.level"), Some(&json!("master")));
        assert_eq!(
            d1.cell("education.level")
                .unwrap()
                .changed_elsewhere("phone")
                .unwrap()
                .value,
            json!("bachelor")
        );
    }

    #[test]
    fn applying_the_same_response_twice_is_harmless() {
        let mut c = SyncClient::new("phone");
        let mut drafts = BTreeMap::new();
        let resp = SyncResponse {
            cursor: 3,
            acked: vec![],
            changes: vec![op(1, "d1", "f", json!(1), "tablet")],
            more: false,
        };
        let first = c.apply(&resp, &mut drafts, &v1);
        let snapshot = drafts.clone();
        let second = c.apply(&resp, &mut drafts, &v1);
        assert_eq!(drafts, snapshot);
        assert!(!first.changed.is_empty() && second.changed.is_empty());
        assert!(!second.call_again());
    }

    #[test]
    fn a_change_that_does_not_fit_is_rejected_not_fatal() {
        let mut c = SyncClient::new("phone");
        let mut drafts = BTreeMap::new();
        drafts.insert(
            DraftId::from("d1"),
            Draft::new("d1".into(), "residence-2026".into(), 1),
        );
        let mut wrong_form = op(1, "d1", "f", json!(1), "tablet");
        wrong_form.form_id = "other".into();
        let mut empty_field = op(2, "d9", "", json!(1), "tablet");
        empty_field.form_id = "residence-2026".into();
        let resp = SyncResponse {
            cursor: 10,
            acked: vec![],
            changes: vec![
                wrong_form,
                empty_field,
                op(3, "d1", "g", json!(2), "tablet"),
            ],
            more: false,
        };
        let applied = c.apply(&resp, &mut drafts, &v1);
        assert_eq!(applied.rejected.len(), 2);
        assert_eq!(c.cursor, 10);
        assert!(!drafts.contains_key(&DraftId::from("d9")));
        assert!(applied.created.is_empty());
        assert_eq!(drafts[&DraftId::from("d1")].answer("g"), Some(&json!(2)));
    }

    #[test]
    fn a_phone_with_a_fast_clock_converges_after_the_server_clamps_it() {
        let mut phone = SyncClient::new("phone");
        let mut drafts = BTreeMap::new();
        let mut d = Draft::new("d1".into(), "residence-2026".into(), 1);
        let future = d
            .edit(
                "phone-1".into(),
                "f",
                json!("phone"),
                Hlc::new(10_000, 0, "phone").unwrap(),
            )
            .unwrap();
        drafts.insert(d.id.clone(), d);
        phone.outbox.push(future.clone());
        let mut clamped = future.clone();
        clamped.hlc = future.hlc.clamped(5_000);
        let tablet = op(6_000, "d1", "f", json!("tablet"), "tablet");
        let resp = SyncResponse {
            cursor: 2,
            acked: vec!["phone-1".into()],
            changes: vec![clamped, tablet],
            more: false,
        };
        phone.apply(&resp, &mut drafts, &v1);
        assert_eq!(
            drafts[&DraftId::from("d1")].answer("f"),
            Some(&json!("tablet"))
        );
    }

    #[test]
    fn an_unacked_outbox_does_not_loop_without_progress() {
        let mut c = SyncClient::new("phone");
        c.outbox.push(op(1, "d1", "f", json!(1), "phone"));
        let resp = SyncResponse {
            cursor: 0,
            acked: vec![],
            changes: vec![],
            more: false,
        };
        let applied = c.apply(&resp, &mut BTreeMap::new(), &v1);
        assert!(applied.more_to_push);
        assert!(!applied.call_again());
    }

    #[rstest]
    #[case::first(0, 0.0, 500)]
    #[case::first_full_jitter(0, 1.0, 1_000)]
    #[case::third(2, 0.5, 3_000)]
    #[case::capped(20, 0.0, 150_000)]
    #[case::capped_high(u32::MAX, 1.0, 300_000)]
    #[case::nan_is_zero(1, f64::NAN, 1_000)]
    #[case::out_of_range_is_clamped(1, 7.0, 2_000)]
    fn backoff_schedule(#[case] attempt: u32, #[case] random: f64, #[case] ms: u64) {
        assert_eq!(
            Backoff::default().delay(attempt, random),
            Duration::from_millis(ms)
        );
    }

    /// Two devices editing one draft offline (`edits`: device, field, value, wall time), all
    /// syncing before the edits numbered in `syncs_between` and twice at the end, through a
    /// server that behaves like ours: it logs ops, pulls stamps after `horizon` back to it, and
    /// hands out other devices' ops plus the requester's own clamped ones. Returns the server's
    /// draft and each device's.
    fn simulate(
        edits: &[(usize, usize, i64, u64)],
        syncs_between: &[usize],
        horizon: u64,
    ) -> (Draft, [Draft; 2]) {
        let fields = ["a", "b", "c"];
        let devices = ["p", "q"];
        let mut clients = [SyncClient::new("p"), SyncClient::new("q")];
        let mut clocks = devices.map(|d| crate::hlc::HlcClock::new(d).unwrap());
        let mut local: [BTreeMap<DraftId, Draft>; 2] = Default::default();
        let blank = Draft::new("d1".into(), "residence-2026".into(), 1);
        for l in &mut local {
            l.insert(blank.id.clone(), blank.clone());
        }
        let mut server = blank.clone();
        // (op as stored, index of the device that pushed it, whether its stamp was pulled back)
        let mut log: Vec<(Op, usize, bool)> = Vec::new();
        let mut sync = |dev: usize,
                        clients: &mut [SyncClient; 2],
                        local: &mut [BTreeMap<DraftId, Draft>; 2],
                        clocks: &mut [crate::hlc::HlcClock; 2]| {
            let req = clients[dev].request();
            for o in &req.ops {
                if !log.iter().any(|(l, _, _)| l.op_id == o.op_id) {
                    let stored = Op {
                        hlc: o.hlc.clamped(horizon),
                        ..o.clone()
                    };
                    server.apply(&stored).unwrap();
                    log.push((stored, dev, o.hlc.wall_ms > horizon));
                }
            }
            let changes: Vec<Op> = log[req.cursor as usize..]
                .iter()
                .filter(|(_, from, clamped)| *from != dev || *clamped)
                .map(|(o, _, _)| o.clone())
                .collect();
            for c in &changes {
                clocks[dev].observe(&c.hlc, 0);
            }
            let resp = SyncResponse {
                cursor: log.len() as u64,
                acked: req.ops.iter().map(|o| o.op_id.clone()).collect(),
                changes,
                more: false,
            };
            clients[dev].apply(&resp, &mut local[dev], &v1);
        };
        for (n, (dev, f, v, wall)) in edits.iter().copied().enumerate() {
            if syncs_between.contains(&n) {
                sync(0, &mut clients, &mut local, &mut clocks);
                sync(1, &mut clients, &mut local, &mut clocks);
            }
            let stamp = clocks[dev].tick(wall);
            let draft = local[dev].get_mut(&blank.id).unwrap();
            let o = draft
                .edit(
                    OpId(format!("{}-{n}", devices[dev])),
                    fields[f],
                    json!(v),
                    stamp,
                )
                .unwrap();
            clients[dev].outbox.push(o);
        }
        for _ in 0..2 {
            sync(0, &mut clients, &mut local, &mut clocks);
            sync(1, &mut clients, &mut local, &mut clocks);
        }
        assert!(clients.iter().all(|c| c.outbox.is_empty()));
        let [p, q] = local.map(|mut l| l.remove(&blank.id).unwrap());
        (server, [p, q])
    }

    proptest! {
        #[test]
        fn backoff_stays_within_half_and_full_of_the_capped_schedule(attempt in 0u32..64, r in 0.0f64..1.0) {
            let b = Backoff::default();
            let d = b.delay(attempt, r);
            let full = b.base.saturating_mul(2u32.saturating_pow(attempt.min(31))).min(b.cap);
            prop_assert!(d >= full / 2 && d <= full);
            prop_assert!(b.delay(attempt + 1, r) >= d);
        }

        /// Without clock trouble, two devices and the server end in exactly the same state.
        #[test]
        fn two_devices_converge_through_a_server(
            edits in proptest::collection::vec((0usize..2, 0usize..3, 0i64..4, 0u64..10), 1..30),
            syncs_between in proptest::collection::vec(0usize..30, 0..4),
        ) {
            let (server, [p, q]) = simulate(&edits, &syncs_between, u64::MAX);
            prop_assert_eq!(&p, &server);
            prop_assert_eq!(&q, &server);
        }

        /// A device whose clock runs past the server's horizon has its stamps pulled back; with
        /// one edit per field and device, everyone still ends with the same answers.
        #[test]
        fn a_clamped_device_converges_on_answers(
            edits in proptest::collection::vec((0usize..2, 0usize..3, 0i64..4, 0u64..10), 1..30),
            syncs_between in proptest::collection::vec(0usize..30, 0..4),
        ) {
            let mut seen = BTreeSet::new();
            let edits: Vec<_> = edits.into_iter().filter(|(d, f, _, _)| seen.insert((*d, *f))).collect();
            let (server, [p, q]) = simulate(&edits, &syncs_between, 6);
            prop_assert_eq!(p.answers(), server.answers());
            prop_assert_eq!(q.answers(), server.answers());
        }
    }
}
