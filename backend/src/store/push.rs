//! The rules of a push, the same for every store, as pure functions of what the store read:
//! whose a draft is and which form it belongs to (ownership and form checks), which op ids the
//! user's log has seen (idempotency), what sequence numbers fresh ops get, and how they merge
//! into the registers they touch (`kosh_shared::draft`). A store reads what these need, calls
//! them, and writes what they return in one transaction; how it reads and writes is its own.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{DateTime, Utc};
use kosh_shared::draft::{Cell, Draft};
use kosh_shared::ids::{DraftId, FormId, OpId, UserId};
use serde::{Deserialize, Serialize};

use super::{IncomingOp, LogEntry, PushRefusal, StoreError, StoreResult};

/// A draft without its answers: whose it is, which form and version it follows, and when it
/// last took a push. (sled stores it as JSON, and tells it from a format-1 whole draft by the
/// unknown fields it refuses.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftHeader {
    pub owner: UserId,
    pub form_id: FormId,
    pub form_version: u32,
    pub updated_at: DateTime<Utc>,
}

/// The drafts a push names, in the order they first appear, each once.
pub fn drafts_named(ops: &[IncomingOp]) -> Vec<&DraftId> {
    let mut seen = HashSet::new();
    ops.iter()
        .map(|o| &o.op.draft_id)
        .filter(|id| seen.insert(*id))
        .collect()
}

/// Refuses a push, before anything is written, if any op touches another user's draft or a
/// draft of another form, or two of its ops disagree on the form of a draft they start.
/// `headers` holds what the store has of every draft the push names (absent: new).
pub fn check(
    user: &UserId,
    ops: &[IncomingOp],
    headers: &BTreeMap<DraftId, DraftHeader>,
) -> Result<(), PushRefusal> {
    let mut forms: BTreeMap<&DraftId, &FormId> = BTreeMap::new();
    for incoming in ops {
        let op = &incoming.op;
        if let Some(header) = headers.get(&op.draft_id) {
            if &header.owner != user {
                return Err(PushRefusal::NotOwner(op.draft_id.clone()));
            }
            if header.form_id != op.form_id {
                return Err(PushRefusal::FormMismatch {
                    draft: op.draft_id.clone(),
                    form: op.form_id.clone(),
                });
            }
        }
        let form = forms.entry(&op.draft_id).or_insert(&op.form_id);
        if *form != &op.form_id {
            return Err(PushRefusal::FormMismatch {
                draft: op.draft_id.clone(),
                form: op.form_id.clone(),
            });
        }
    }
    Ok(())
}

/// The ops to log, numbered on from `head` (the log's last sequence number) in push order:
/// those whose id the log has not `seen`, each id once even if the push repeats it.
pub fn fresh<'a>(
    ops: &'a [IncomingOp],
    head: u64,
    seen: &HashSet<OpId>,
) -> Vec<(u64, &'a IncomingOp)> {
    let mut in_this_push = HashSet::new();
    let mut seq = head;
    let mut out = Vec::new();
    for incoming in ops {
        let id = &incoming.op.op_id;
        if seen.contains(id) || !in_this_push.insert(id) {
            continue;
        }
        seq += 1;
        out.push((seq, incoming));
    }
    out
}

/// The fresh ops by draft, in draft-id order.
pub fn by_draft<'a>(fresh: &[(u64, &'a IncomingOp)]) -> BTreeMap<&'a DraftId, Vec<&'a IncomingOp>> {
    let mut out: BTreeMap<&DraftId, Vec<&IncomingOp>> = BTreeMap::new();
    for (_, incoming) in fresh {
        out.entry(&incoming.op.draft_id).or_default().push(incoming);
    }
    out
}

/// The questions a draft's new ops answer: the registers the store reads before merging.
pub fn fields<'a>(new_ops: &[&'a IncomingOp]) -> BTreeSet<&'a str> {
    new_ops.iter().map(|o| o.op.field.as_str()).collect()
}

/// What merging a draft's new ops gives: the registers to write and the new header.
#[derive(Debug)]
pub struct Merged {
    pub cells: Vec<(String, Cell)>,
    pub header: DraftHeader,
}

/// Merges one draft's new ops into the registers they touch (`touched`, as stored; a question
/// never answered before is absent). A new draft (`stored` is `None`) takes the form of its
/// first op; a draft follows the greatest form version any of its ops names.
pub fn merge(
    user: &UserId,
    draft_id: &DraftId,
    stored: Option<&DraftHeader>,
    new_ops: &[&IncomingOp],
    touched: BTreeMap<String, Cell>,
    now: DateTime<Utc>,
) -> StoreResult<Merged> {
    let (form_id, form_version) = match (stored, new_ops.first()) {
        (Some(h), _) => (h.form_id.clone(), h.form_version),
        (None, Some(first)) => (first.op.form_id.clone(), first.form_version),
        (None, None) => {
            return Err(StoreError::Corrupt(format!(
                "a merge of no ops into new draft {draft_id}"
            )));
        }
    };
    let mut draft = Draft::from_cells(draft_id.clone(), form_id.clone(), form_version, touched);
    for incoming in new_ops {
        let op = &incoming.op;
        draft.apply(op).map_err(|e| {
            StoreError::Corrupt(format!("op {} on draft {}: {e}", op.op_id, op.draft_id))
        })?;
    }
    let form_version = draft.form_version.max(stored.map_or(0, |h| h.form_version));
    Ok(Merged {
        cells: draft.into_cells().into_iter().collect(),
        header: DraftHeader {
            owner: user.clone(),
            form_id,
            form_version,
            updated_at: now,
        },
    })
}

/// The log entries of the fresh ops.
pub fn log_entries(fresh: &[(u64, &IncomingOp)]) -> Vec<LogEntry> {
    fresh
        .iter()
        .map(|&(seq, incoming)| LogEntry {
            seq,
            op: incoming.op.clone(),
            device: incoming.device.clone(),
            clamped: incoming.clamped,
        })
        .collect()
}

/// Whether a device is handed a log entry: everyone else's ops, and its own whose HLC the
/// server pulled back (the device must learn the clock it was given).
pub fn hands_out(entry: &LogEntry, device: &str) -> bool {
    entry.device != device || entry.clamped
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::api::Op;
    use kosh_shared::hlc::Hlc;
    use serde_json::json;

    fn op(id: &str, draft: &str, form: &str, field: &str, wall: u64) -> IncomingOp {
        IncomingOp {
            op: Op {
                op_id: id.into(),
                draft_id: draft.into(),
                form_id: form.into(),
                field: field.into(),
                value: json!(id),
                hlc: Hlc::new(wall, 0, "p").unwrap(),
                form_version: None,
            },
            device: "p".into(),
            clamped: false,
            form_version: 2,
        }
    }

    fn header(owner: &str, form: &str) -> DraftHeader {
        DraftHeader {
            owner: owner.into(),
            form_id: form.into(),
            form_version: 1,
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn another_users_draft_or_another_form_refuses_the_push() {
        let ops = [op("1", "d", "f", "a", 1)];
        let mut headers = BTreeMap::new();
        headers.insert(DraftId::from("d"), header("bob", "f"));
        assert_eq!(
            check(&"alice".into(), &ops, &headers),
            Err(PushRefusal::NotOwner("d".into()))
        );
        headers.insert(DraftId::from("d"), header("alice", "g"));
        assert!(matches!(
            check(&"alice".into(), &ops, &headers),
            Err(PushRefusal::FormMismatch { .. })
        ));
        let disagreeing = [op("1", "new", "f", "a", 1), op("2", "new", "g", "a", 2)];
        assert!(matches!(
            check(&"alice".into(), &disagreeing, &BTreeMap::new()),
            Err(PushRefusal::FormMismatch { .. })
        ));
        assert_eq!(check(&"alice".into(), &ops, &BTreeMap::new()), Ok(()));
    }

    #[test]
    fn fresh_ops_skip_seen_and_repeated_ids_and_number_on_from_the_head() {
        let ops = [
            op("1", "d", "f", "a", 1),
            op("2", "d", "f", "a", 2),
            op("2", "d", "f", "a", 2),
            op("3", "d", "f", "b", 3),
        ];
        let seen: HashSet<OpId> = [OpId::from("1")].into();
        let numbered: Vec<(u64, &str)> = fresh(&ops, 7, &seen)
            .iter()
            .map(|(seq, o)| (*seq, o.op.op_id.as_str()))
            .collect();
        assert_eq!(numbered, [(8, "2"), (9, "3")]);
    }

    #[test]
    fn a_merge_keeps_the_form_of_a_stored_draft_and_the_greatest_version() {
        let ops = [op("1", "d", "f", "a", 1), op("2", "d", "f", "a", 2)];
        let refs: Vec<&IncomingOp> = ops.iter().collect();
        let merged = merge(
            &"alice".into(),
            &"d".into(),
            None,
            &refs,
            BTreeMap::new(),
            Utc::now(),
        )
        .unwrap();
        assert_eq!(
            merged.header.form_version, 2,
            "the new draft follows its ops"
        );
        assert_eq!(merged.cells.len(), 1, "one question, one register");
        assert_eq!(
            merged.cells[0].1.value(),
            &json!("2"),
            "the later write wins"
        );
        let mut stored = header("alice", "f");
        stored.form_version = 5;
        let merged = merge(
            &"alice".into(),
            &"d".into(),
            Some(&stored),
            &refs,
            BTreeMap::new(),
            Utc::now(),
        )
        .unwrap();
        assert_eq!(merged.header.form_version, 5, "a version never goes back");
    }
}
