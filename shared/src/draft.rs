//! Drafts: one applicant's answers to one form, as a state-based CRDT.
//!
//! Each answer is a last-writer-wins register stamped with a hybrid logical clock ([`Hlc`]). A
//! register keeps the two greatest writes it has seen: the winner and the runner-up
//! (`overwritten`), so the app can say "changed on another device". Keeping "the two greatest of
//! every write ever seen" is a function of the *set* of writes, and the union of sets is
//! commutative, associative and idempotent, so [`Draft::merge`] is too: devices converge whatever
//! order ops arrive in, and replaying an op changes nothing. Clearing an answer writes `null`: a
//! stamped tombstone that wins over older values like any other write.
//!
//! Moving a draft to a newer form version ([`Draft::migrate`]) is a pure function of the draft and
//! the new form's question ids; it keeps what still exists and reports the rest.
//!
//! The wire types of a draft live here: an [`Op`] (one edit, what sync carries) and a
//! [`DraftView`] (a draft's merged answers); `api` re-exports them.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::hlc::Hlc;
use crate::ids::{DraftId, FormId, OpId};

/// One edit to one answer of one draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    pub op_id: OpId,
    pub draft_id: DraftId,
    pub form_id: FormId,
    /// The question id (`education.level`); for a repeat group, the group's id.
    pub field: String,
    /// Any JSON value; `null` clears the answer.
    pub value: Value,
    pub hlc: Hlc,
    /// The version of the form the op's answer follows. Absent from older clients, which knew
    /// only one version; the server then checks the op against the newest. A draft follows the
    /// greatest version any of its ops names, so moving a draft on one phone moves it on all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_version: Option<u32>,
}

/// `GET /v1/drafts` entries and `GET /v1/drafts/{id}`: a draft's merged answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: DraftId,
    pub form_id: FormId,
    pub answers: BTreeMap<String, Value>,
    pub updated_at: DateTime<Utc>,
}

/// The longest question id an op may name. Real ids are far shorter; the bound keeps a bad
/// client from storing megabytes of field names.
const MAX_FIELD_LEN: usize = 200;

/// One write to one answer: the value and its stamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Write {
    /// The answer written; `null` clears the answer.
    pub value: Value,
    /// When and where it was written.
    pub hlc: Hlc,
}

impl Write {
    /// The total order writes are ranked by: the stamp, then (only for two writes with the same
    /// stamp, which honest devices never make) the value, so even a misbehaving client cannot
    /// make two replicas disagree.
    fn rank(&self, other: &Write) -> Ordering {
        self.hlc
            .cmp(&other.hlc)
            .then_with(|| cmp_values(&self.value, &other.value))
    }
}

/// One answer's register: the winning write and, when there was one, the write it beat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CellRepr", into = "CellRepr")]
pub struct Cell {
    winner: Write,
    overwritten: Option<Write>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CellRepr {
    value: Value,
    hlc: Hlc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    overwritten: Option<Write>,
}

impl TryFrom<CellRepr> for Cell {
    type Error = String;

    fn try_from(r: CellRepr) -> std::result::Result<Cell, String> {
        let cell = Cell {
            winner: Write {
                value: r.value,
                hlc: r.hlc,
            },
            overwritten: r.overwritten,
        };
        // A stored cell whose runner-up outranks its winner would break idempotence of merge.
        match &cell.overwritten {
            Some(o) if o.rank(&cell.winner) != Ordering::Less => {
                Err("a cell's overwritten write must be older than its winning write".into())
            }
            _ => Ok(cell),
        }
    }
}

impl From<Cell> for CellRepr {
    fn from(c: Cell) -> CellRepr {
        CellRepr {
            value: c.winner.value,
            hlc: c.winner.hlc,
            overwritten: c.overwritten,
        }
    }
}

impl Cell {
    /// A register holding one write.
    pub fn new(value: Value, hlc: Hlc) -> Cell {
        Cell {
            winner: Write { value, hlc },
            overwritten: None,
        }
    }

    /// The current value (`null` when the answer was cleared).
    pub fn value(&self) -> &Value {
        &self.winner.value
    }

    /// The stamp of the current value.
    pub fn hlc(&self) -> &Hlc {
        &self.winner.hlc
    }

    /// True when the answer was cleared (a tombstone).
    pub fn is_cleared(&self) -> bool {
        self.winner.value.is_null()
    }

    /// The write the current value beat, if any.
    pub fn overwritten(&self) -> Option<&Write> {
        self.overwritten.as_ref()
    }

    /// The write this device made that another device's later write replaced: what the app shows
    /// as "changed on another device". `None` when the current value is this device's own.
    pub fn changed_elsewhere(&self, device: &str) -> Option<&Write> {
        let lost = self.overwritten.as_ref()?;
        (self.winner.hlc.device != device && lost.hlc.device == device).then_some(lost)
    }

    /// The other side of [`Cell::changed_elsewhere`]: another device's write that this
    /// device's current value replaced, so both phones of a conflict say so, not only the one
    /// whose answer lost. `None` when the current value is another device's.
    pub fn replaced_elsewhere(&self, device: &str) -> Option<&Write> {
        let lost = self.overwritten.as_ref()?;
        (self.winner.hlc.device == device && lost.hlc.device != device).then_some(lost)
    }

    /// Take in another register's writes, keeping the two greatest of all of them.
    pub fn merge(&mut self, other: &Cell) {
        let all = [Some(&self.winner), self.overwritten.as_ref()]
            .into_iter()
            .chain([Some(&other.winner), other.overwritten.as_ref()])
            .flatten()
            .cloned()
            .collect();
        self.keep_greatest(all);
    }

    /// Keep the two greatest of `all` (never empty: callers always include a write).
    fn keep_greatest(&mut self, mut all: Vec<Write>) {
        crate::sort::sort_by(&mut all, |a, b| b.rank(a));
        all.dedup_by(|a, b| a.rank(b) == Ordering::Equal);
        let mut all = all.into_iter();
        if let Some(winner) = all.next() {
            self.winner = winner;
            self.overwritten = all.next();
        }
    }

    /// Replace the write that `restamped` is a server-clamped copy of (same device, counter and
    /// value, later wall time) by the copy. Returns whether one was replaced.
    fn replace_restamped(&mut self, restamped: &Write) -> bool {
        let is_original = |w: &Write| {
            w.hlc.device == restamped.hlc.device
                && w.hlc.counter == restamped.hlc.counter
                && w.hlc.wall_ms > restamped.hlc.wall_ms
                && w.value == restamped.value
        };
        let writes: Vec<Write> = [Some(&self.winner), self.overwritten.as_ref()]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        // Replace one write only, the latest match: a clamped original is the furthest ahead.
        let Some(original) = writes
            .iter()
            .filter(|w| is_original(w))
            .max_by(|a, b| a.rank(b))
            .cloned()
        else {
            return false;
        };
        let mut kept: Vec<Write> = writes.into_iter().filter(|w| *w != original).collect();
        kept.push(restamped.clone());
        self.keep_greatest(kept);
        true
    }
}

/// A draft: its identity, the form version it follows, and one register per answered question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The draft's id (chosen by the device that started it).
    pub id: DraftId,
    /// The form it answers.
    pub form_id: FormId,
    /// The version of the form the answers follow.
    pub form_version: u32,
    #[serde(default)]
    cells: BTreeMap<String, Cell>,
}

/// What [`Draft::migrate`] did: the draft on the new version and the answers it could not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The draft, now on the new form version.
    pub draft: Draft,
    /// Question ids that had an answer but are not in the new form, in id order.
    pub dropped: Vec<String>,
}

impl Draft {
    /// An empty draft of `form_id` at `form_version`.
    pub fn new(id: DraftId, form_id: FormId, form_version: u32) -> Draft {
        Draft {
            id,
            form_id,
            form_version,
            cells: BTreeMap::new(),
        }
    }

    /// A draft holding the given registers, for a store that keeps each register apart: it
    /// reads only the registers the ops at hand touch, applies the ops to that partial draft
    /// (each register merges on its own, so the others do not matter) and writes back
    /// [`Draft::into_cells`].
    pub fn from_cells(
        id: DraftId,
        form_id: FormId,
        form_version: u32,
        cells: impl IntoIterator<Item = (String, Cell)>,
    ) -> Draft {
        Draft {
            id,
            form_id,
            form_version,
            cells: cells.into_iter().collect(),
        }
    }

    /// The registers, by question id, giving up the draft.
    pub fn into_cells(self) -> BTreeMap<String, Cell> {
        self.cells
    }

    /// The register of one question, if it was ever written (cleared ones included).
    pub fn cell(&self, field: &str) -> Option<&Cell> {
        self.cells.get(field)
    }

    /// Every register, by question id (cleared ones included).
    pub fn cells(&self) -> &BTreeMap<String, Cell> {
        &self.cells
    }

    /// The current answer to one question; `None` when unanswered or cleared.
    pub fn answer(&self, field: &str) -> Option<&Value> {
        self.cells
            .get(field)
            .filter(|c| !c.is_cleared())
            .map(Cell::value)
    }

    /// The merged answers, without cleared ones: what validation and scoring read.
    pub fn answers(&self) -> BTreeMap<String, Value> {
        crate::sort::map_of(
            self.cells
                .iter()
                .filter(|(_, c)| !c.is_cleared())
                .map(|(k, c)| (k.clone(), c.value().clone())),
        )
    }

    /// The greatest stamp of any write, i.e. when the draft last changed.
    pub fn last_hlc(&self) -> Option<&Hlc> {
        self.cells.values().map(Cell::hlc).max()
    }

    /// The draft as `GET /v1/drafts/{id}` shows it. A draft never written shows the Unix epoch
    /// as `updated_at`.
    pub fn view(&self) -> DraftView {
        let ms = self.last_hlc().map_or(0, |h| h.wall_ms);
        let updated_at = i64::try_from(ms)
            .ok()
            .and_then(DateTime::<Utc>::from_timestamp_millis)
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
        DraftView {
            id: self.id.clone(),
            form_id: self.form_id.clone(),
            answers: self.answers(),
            updated_at,
        }
    }

    /// Apply one op (a local edit or one received from the server). Returns whether the visible
    /// answer changed. Applying the same op again changes nothing.
    pub fn apply(&mut self, op: &Op) -> Result<bool> {
        self.check_belongs(&op.draft_id, &op.form_id)?;
        check_field(&op.field)?;
        let before = self.answer(&op.field).cloned();
        if let Some(version) = op.form_version {
            self.form_version = self.form_version.max(version);
        }
        let incoming = Cell::new(op.value.clone(), op.hlc.clone());
        match self.cells.get_mut(&op.field) {
            Some(cell) => cell.merge(&incoming),
            None => {
                self.cells.insert(op.field.clone(), incoming);
            }
        }
        Ok(self.answer(&op.field).cloned() != before)
    }

    /// Apply the server's copy of an op this device made, whose stamp the server pulled back
    /// because this device's clock ran ahead (`Hlc::clamped`). The original write is replaced,
    /// not kept beside the copy: otherwise this device alone would keep the future stamp as the
    /// winner and disagree with every other replica about later edits. An op with no original
    /// here is applied as usual. Returns whether the visible answer changed.
    pub fn apply_restamped(&mut self, op: &Op) -> Result<bool> {
        self.check_belongs(&op.draft_id, &op.form_id)?;
        check_field(&op.field)?;
        let before = self.answer(&op.field).cloned();
        let copy = Write {
            value: op.value.clone(),
            hlc: op.hlc.clone(),
        };
        let replaced = self
            .cells
            .get_mut(&op.field)
            .is_some_and(|c| c.replace_restamped(&copy));
        if !replaced {
            return self.apply(op);
        }
        Ok(self.answer(&op.field).cloned() != before)
    }

    /// Make a local edit: build the op that carries it (for the outbox) and apply it here.
    pub fn edit(
        &mut self,
        op_id: OpId,
        field: impl Into<String>,
        value: Value,
        hlc: Hlc,
    ) -> Result<Op> {
        let op = Op {
            op_id,
            draft_id: self.id.clone(),
            form_id: self.form_id.clone(),
            field: field.into(),
            value,
            hlc,
            form_version: Some(self.form_version),
        };
        self.apply(&op)?;
        Ok(op)
    }

    /// Merge another replica of the same draft into this one. Commutative, associative and
    /// idempotent. The form version becomes the greater of the two, so a draft migrated on one
    /// device stays migrated; answers the other replica still had for dropped questions come back
    /// and the next [`Draft::migrate`] reports them again.
    pub fn merge(&mut self, other: &Draft) -> Result<()> {
        self.check_belongs(&other.id, &other.form_id)?;
        self.form_version = self.form_version.max(other.form_version);
        for (field, theirs) in &other.cells {
            match self.cells.get_mut(field) {
                Some(mine) => mine.merge(theirs),
                None => {
                    self.cells.insert(field.clone(), theirs.clone());
                }
            }
        }
        Ok(())
    }

    /// The draft moved to `new_version` of its form, whose questions are those for which
    /// `exists` answers true (e.g. `|id| form.question_ids().contains(id)`). Answers to questions
    /// that no longer exist are dropped and reported; cleared ones go silently. Checklist ticks
    /// belong to no version of the form and move as they are.
    pub fn migrate(&self, new_version: u32, exists: &dyn Fn(&str) -> bool) -> Migration {
        let mut draft = Draft::new(self.id.clone(), self.form_id.clone(), new_version);
        let mut dropped = Vec::new();
        for (field, cell) in &self.cells {
            if exists(field) || crate::tick::is_tick_field(field) {
                draft.cells.insert(field.clone(), cell.clone());
            } else if !cell.is_cleared() {
                dropped.push(field.clone());
            }
        }
        Migration { draft, dropped }
    }

    fn check_belongs(&self, draft_id: &DraftId, form_id: &FormId) -> Result<()> {
        if *draft_id != self.id {
            return Err(Error::DraftMismatch {
                what: "draft id",
                expected: self.id.to_string(),
                found: draft_id.to_string(),
            });
        }
        if *form_id != self.form_id {
            return Err(Error::DraftMismatch {
                what: "form id",
                expected: self.form_id.to_string(),
                found: form_id.to_string(),
            });
        }
        Ok(())
    }
}

fn check_field(field: &str) -> Result<()> {
    if field.is_empty() || field.len() > MAX_FIELD_LEN {
        return Err(Error::InvalidField {
            field: field.chars().take(MAX_FIELD_LEN).collect(),
        });
    }
    Ok(())
}

/// A total order on JSON values that does not depend on how objects keep their keys, used only
/// to break ties between writes with equal stamps.
fn cmp_values(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        // Compare the text form: exact for integers and floats alike, and total.
        (Value::Number(x), Value::Number(y)) => x.to_string().cmp(&y.to_string()),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .map(|(p, q)| cmp_values(p, q))
            .find(|o| o.is_ne())
            .unwrap_or_else(|| x.len().cmp(&y.len())),
        (Value::Object(x), Value::Object(y)) => {
            let mut xs: Vec<_> = x.iter().collect();
            let mut ys: Vec<_> = y.iter().collect();
            crate::sort::sort_by(&mut xs, |p, q| p.0.cmp(q.0));
            crate::sort::sort_by(&mut ys, |p, q| p.0.cmp(q.0));
            xs.iter()
                .zip(&ys)
                .map(|(p, q)| p.0.cmp(q.0).then_with(|| cmp_values(p.1, q.1)))
                .find(|o| o.is_ne())
                .unwrap_or_else(|| xs.len().cmp(&ys.len()))
        }
        _ => rank(a).cmp(&rank(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;
    use serde_json::json;

    fn hlc(wall: u64, counter: u32, device: &str) -> Hlc {
        Hlc::new(wall, counter, device).unwrap()
    }

    fn op(n: u32, field: &str, value: Value, stamp: Hlc) -> Op {
        Op {
            op_id: OpId(format!("op-{n}")),
            draft_id: "d1".into(),
            form_id: "residence-2026".into(),
            field: field.into(),
            value,
            hlc: stamp,
            form_version: None,
        }
    }

    fn empty() -> Draft {
        Draft::new("d1".into(), "residence-2026".into(), 1)
    }

    #[test]
    fn later_write_wins_and_loser_is_kept() {
        let mut d = empty();
        d.apply(&op(
            1,
            "education.level",
            json!("bachelor"),
            hlc(10, 0, "phone"),
        ))
        .unwrap();
        d.apply(&op(
            2,
            "education.level",
            json!("master"),
            hlc(20, 0, "tablet"),
        ))
        .unwrap();
        let cell = d.cell("education.level").unwrap();
        assert_eq!(cell.value(), &json!("master"));
        assert_eq!(cell.overwritten().unwrap().value, json!("bachelor"));
        assert_eq!(
            cell.changed_elsewhere("phone").unwrap().value,
            json!("bachelor")
        );
        assert!(cell.changed_elsewhere("tablet").is_none());
        assert_eq!(
            cell.replaced_elsewhere("tablet").unwrap().value,
            json!("bachelor"),
            "the tablet, whose answer won, says what it replaced"
        );
        assert!(cell.replaced_elsewhere("phone").is_none());
        assert!(
            cell.replaced_elsewhere("laptop").is_none()
                && cell.changed_elsewhere("laptop").is_none(),
            "a third device took part in neither"
        );
    }

    #[test]
    fn older_write_arriving_late_loses_but_is_remembered() {
        let mut d = empty();
        d.apply(&op(2, "work.years_total", json!(7), hlc(20, 0, "tablet")))
            .unwrap();
        let changed = d
            .apply(&op(1, "work.years_total", json!(5), hlc(10, 0, "phone")))
            .unwrap();
        assert!(!changed);
        assert_eq!(d.answer("work.years_total"), Some(&json!(7)));
        assert_eq!(
            d.cell("work.years_total")
                .unwrap()
                .overwritten()
                .unwrap()
                .value,
            json!(5)
        );
    }

    #[test]
    fn null_clears_with_a_stamped_tombstone() {
        let mut d = empty();
        d.apply(&op(1, "languages.english", json!("b2"), hlc(10, 0, "p")))
            .unwrap();
        assert!(
            d.apply(&op(2, "languages.english", Value::Null, hlc(11, 0, "p")))
                .unwrap()
        );
        assert!(d.answers().is_empty());
        assert!(d.cell("languages.english").unwrap().is_cleared());
        // An older write that arrives after the clear stays cleared.
        d.apply(&op(3, "languages.english", json!("c1"), hlc(5, 0, "q")))
            .unwrap();
        assert_eq!(d.answer("languages.english"), None);
    }

    #[test]
    fn replaying_an_op_changes_nothing() {
        let mut d = empty();
        let o = op(1, "personal.citizenship", json!("MN"), hlc(1, 0, "p"));
        assert!(d.apply(&o).unwrap());
        let once = d.clone();
        assert!(!d.apply(&o).unwrap());
        assert_eq!(d, once);
    }

    #[rstest]
    #[case::other_draft("d2", "residence-2026", "bad_request")]
    #[case::other_form("d1", "work-2027", "bad_request")]
    fn ops_for_another_draft_are_refused(
        #[case] draft: &str,
        #[case] form: &str,
        #[case] code: &str,
    ) {
        let mut d = empty();
        let mut o = op(1, "education.level", json!("master"), hlc(1, 0, "p"));
        o.draft_id = draft.into();
        o.form_id = form.into();
        let err = d.apply(&o).unwrap_err();
        assert_eq!(err.code(), code);
        assert!(d.cells().is_empty());
    }

    #[rstest]
    #[case::empty("")]
    #[case::huge(&"x".repeat(201))]
    fn bad_field_names_are_refused(#[case] field: &str) {
        let mut d = empty();
        let err = d
            .apply(&op(1, field, json!(1), hlc(1, 0, "p")))
            .unwrap_err();
        assert!(matches!(err, Error::InvalidField { .. }));
    }

    #[test]
    fn equal_stamps_break_ties_by_value_on_every_replica() {
        let a = op(1, "f", json!("a"), hlc(5, 0, "p"));
        let b = op(2, "f", json!("b"), hlc(5, 0, "p"));
        let mut x = empty();
        x.apply(&a).unwrap();
        x.apply(&b).unwrap();
        let mut y = empty();
        y.apply(&b).unwrap();
        y.apply(&a).unwrap();
        assert_eq!(x, y);
        assert_eq!(x.answer("f"), Some(&json!("b")));
    }

    #[test]
    fn migration_keeps_existing_questions_and_reports_dropped_ones() {
        let mut d = empty();
        d.apply(&op(1, "education.level", json!("master"), hlc(1, 0, "p")))
            .unwrap();
        d.apply(&op(2, "military.served", json!(true), hlc(2, 0, "p")))
            .unwrap();
        d.apply(&op(3, "old.cleared", Value::Null, hlc(3, 0, "p")))
            .unwrap();
        let new_ids = ["education.level", "personal.birth_date"];
        let m = d.migrate(2, &|id| new_ids.contains(&id));
        assert_eq!(m.draft.form_version, 2);
        assert_eq!(m.dropped, vec!["military.served".to_owned()]);
        assert_eq!(m.draft.answers().len(), 1);
        assert_eq!(m.draft.answer("education.level"), Some(&json!("master")));
        // The original is untouched: migration is a pure function.
        assert_eq!(d.form_version, 1);
    }

    #[test]
    fn a_clamped_echo_replaces_the_future_write_so_replicas_agree() {
        // The phone's clock is far ahead; the server pulls its stamp back to 5_000.
        let future = op(1, "f", json!("phone"), hlc(10_000, 2, "phone"));
        let mut clamped = future.clone();
        clamped.hlc = future.hlc.clamped(5_000);
        let tablet = op(2, "f", json!("tablet"), hlc(7_000, 0, "tablet"));

        let mut server = empty();
        server.apply(&clamped).unwrap();
        server.apply(&tablet).unwrap();

        let mut phone = empty();
        phone.apply(&future).unwrap();
        phone.apply_restamped(&clamped).unwrap();
        phone.apply(&tablet).unwrap();

        assert_eq!(phone, server);
        assert_eq!(phone.answer("f"), Some(&json!("tablet")));
        // Without an original to replace, it is an ordinary apply.
        let mut fresh = empty();
        assert!(fresh.apply_restamped(&clamped).unwrap());
        assert_eq!(fresh.answer("f"), Some(&json!("phone")));
    }

    #[test]
    fn merge_refuses_another_draft() {
        let mut a = empty();
        let b = Draft::new("d2".into(), "residence-2026".into(), 1);
        assert_eq!(a.merge(&b).unwrap_err().code(), "bad_request");
    }

    #[test]
    fn serde_round_trip_and_bad_cells_are_refused() {
        let mut d = empty();
        d.apply(&op(1, "f", json!({"a": [1, 2]}), hlc(1, 0, "p")))
            .unwrap();
        d.apply(&op(2, "f", json!("x"), hlc(2, 0, "q"))).unwrap();
        let text = serde_json::to_string(&d).unwrap();
        let back: Draft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, d);
        let bad = json!({"id": "d1", "form_id": "residence-2026", "form_version": 1,
            "cells": {"f": {"value": 1, "hlc": "2026-01-01T00:00:00.000Z/0000/p",
                "overwritten": {"value": 2, "hlc": "2027-01-01T00:00:00.000Z/0000/p"}}}});
        assert!(serde_json::from_value::<Draft>(bad).is_err());
    }

    #[test]
    fn view_shows_answers_and_last_change() {
        let mut d = empty();
        d.apply(&op(
            1,
            "education.level",
            json!("master"),
            hlc(1_772_357_400_000, 0, "p"),
        ))
        .unwrap();
        let v = d.view();
        assert_eq!(v.answers.len(), 1);
        assert_eq!(v.updated_at.to_rfc3339(), "2026-03-01T09:30:00+00:00");
    }

    // ---- properties -------------------------------------------------------------------------

    fn arb_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (0i64..5).prop_map(|n| json!(n)),
            "[ab]{1,2}".prop_map(Value::String),
            (0i64..3).prop_map(|n| json!({"n": n})),
        ]
    }

    /// Ops over few fields, devices and times, so that conflicts and equal stamps are common.
    fn arb_ops() -> impl Strategy<Value = Vec<Op>> {
        proptest::collection::vec((0usize..4, arb_value(), 0u64..6, 0u32..2, 0usize..3), 0..40)
            .prop_map(|raw| {
                raw.into_iter()
                    .enumerate()
                    .map(|(n, (f, v, wall, counter, dev))| {
                        let field = ["a", "b", "c", "d"][f];
                        let device = ["p", "q", "r"][dev];
                        op(n as u32, field, v, hlc(wall, counter, device))
                    })
                    .collect()
            })
    }

    fn build(ops: &[Op]) -> Draft {
        let mut d = empty();
        for o in ops {
            d.apply(o).unwrap();
        }
        d
    }

    fn merged(a: &Draft, b: &Draft) -> Draft {
        let mut m = a.clone();
        m.merge(b).unwrap();
        m
    }

    proptest! {
        #[test]
        fn any_order_of_ops_converges(ops in arb_ops(), seed in any::<u64>()) {
            let mut shuffled = ops.clone();
            // A deterministic shuffle from the seed (no rand dependency needed).
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(build(&ops), build(&shuffled));
        }

        #[test]
        fn partitions_merged_in_any_order_converge(ops in arb_ops(), parts in proptest::collection::vec(0usize..3, 40)) {
            let mut replicas = [Vec::new(), Vec::new(), Vec::new()];
            for (o, p) in ops.iter().zip(parts.iter().cycle()) {
                replicas[*p].push(o.clone());
            }
            let [x, y, z] = replicas.map(|r| build(&r));
            let whole = build(&ops);
            prop_assert_eq!(&merged(&merged(&x, &y), &z), &whole);
            prop_assert_eq!(&merged(&merged(&z, &x), &y), &whole);
            prop_assert_eq!(&merged(&y, &merged(&z, &x)), &whole);
        }

        #[test]
        fn merge_is_idempotent(ops in arb_ops()) {
            let a = build(&ops);
            prop_assert_eq!(merged(&a, &a), a);
        }

        #[test]
        fn merge_is_commutative(a in arb_ops(), b in arb_ops()) {
            let (a, b) = (build(&a), build(&b));
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        }

        #[test]
        fn merge_is_associative(a in arb_ops(), b in arb_ops(), c in arb_ops()) {
            let (a, b, c) = (build(&a), build(&b), build(&c));
            prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        }

        /// What a store that keeps registers apart does: for each batch of ops, read only the
        /// registers they touch, apply the batch to that partial draft, write those back.
        #[test]
        fn partial_drafts_apply_like_whole_ones(ops in arb_ops(), cut in 1usize..5) {
            let mut stored: BTreeMap<String, Cell> = BTreeMap::new();
            for batch in ops.chunks(cut) {
                let touched: Vec<(String, Cell)> = batch
                    .iter()
                    .filter_map(|o| stored.get(&o.field).map(|c| (o.field.clone(), c.clone())))
                    .collect();
                let mut partial = Draft::from_cells(empty().id, empty().form_id, 1, touched);
                for o in batch {
                    partial.apply(o).unwrap();
                }
                stored.extend(partial.into_cells());
            }
            let whole = build(&ops);
            prop_assert_eq!(Draft::from_cells(whole.id.clone(), whole.form_id.clone(), 1, stored), whole);
        }

        #[test]
        fn draft_round_trips_through_json(ops in arb_ops()) {
            let d = build(&ops);
            let back: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
            prop_assert_eq!(back, d);
        }
    }
}
