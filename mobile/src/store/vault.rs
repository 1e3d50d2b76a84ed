//! The device's saved state (`Saved`) and the only ways to change it (`Vault`). Every change is
//! made on a copy and written in one atomic write before it replaces the state in memory, so an
//! answer and the outbox op that carries it reach the disk together or not at all.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use kosh_shared::api::{Application, Contract, Op, SyncResponse};
use kosh_shared::draft::Draft;
use kosh_shared::form::Form;
use kosh_shared::hlc::{Hlc, HlcClock};
use kosh_shared::ids::{DraftId, FormId, OpId};
use kosh_shared::migration::{LeftReason, MovePlan};
use kosh_shared::sync::SyncClient;
use kosh_shared::tick::Tick;

use super::reports::PendingReport;
use super::uploads::{self, PendingUpload};
use super::{LocalStore, Recovery, load_json, save_json};
use crate::error::AppResult;
use crate::photos::Kept;
use crate::server::Session;

/// The name the whole state is saved under.
pub const STATE_KEY: &str = "state";

/// The form every new draft answers.
pub const FORM_ID: &str = "residence-2026";
/// The version of it new drafts start on: the newest the app ships (`kosh_shared::form`'s
/// built-ins; a test holds the two together).
pub const FORM_VERSION: u32 = 2;

/// How big the app's text is, on top of the phone's own font size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The id used in CSS classes and locale keys.
    pub fn id(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }
}

/// What the person chose in settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// A language tag (`kk`, `kk-Latn`, `kk-Arab`, `ru`, …); `None` until the person chose one.
    pub language: Option<String>,
    /// How builds before `kk-Arab` said `kk-Latn` (`language` `kk` and this set): still read,
    /// and cleared whenever the person chooses again (`i18n::choose`).
    pub latin_kazakh: bool,
    pub text_size: TextSize,
    /// The server's address on native builds; the web build always uses its own origin.
    pub server_url: Option<String>,
}

/// Everything the app keeps on the phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The last stamp the clock made or saw, so stamps keep increasing across restarts.
    pub clock: Hlc,
    /// This installation's id, how far it pulled, and the ops not yet acknowledged.
    pub sync: SyncClient,
    #[serde(default)]
    pub prefs: Prefs,
    /// The first-run screens are done (a language chosen, the account step seen).
    #[serde(default)]
    pub onboarded: bool,
    #[serde(default)]
    pub session: Option<Session>,
    /// The draft this phone edits.
    pub draft: Draft,
    /// Drafts other devices of the account started, as far as this phone has seen them.
    #[serde(default)]
    pub other_drafts: BTreeMap<DraftId, Draft>,
    #[serde(default)]
    pub contract: Option<Contract>,
    /// The contract changed here and the server has not got it yet.
    #[serde(default)]
    pub contract_unsent: bool,
    /// The applications as the server last showed them.
    #[serde(default)]
    pub applications: Vec<Application>,
    /// The key of a submission in flight, reused until the server answers, so a retry after a
    /// lost answer never submits twice.
    #[serde(default)]
    pub submit_key: Option<String>,
    /// Wall time (ms) of the last sync that went through.
    #[serde(default)]
    pub last_sync_ms: Option<u64>,
    /// Answers that did not move when the draft moved to a newer form version, kept so the
    /// person can read what they were until they dismiss the list.
    #[serde(default)]
    pub left_behind: Vec<LeftAnswer>,
    /// The applicant's reports of official notices the server has not taken yet, oldest
    /// first (`store::reports`).
    #[serde(default)]
    pub reports: Vec<PendingReport>,
    /// The day the person plans to hand in the papers, against which the checklist checks
    /// each paper's age limit. Kept on this phone only: it answers no question of the form,
    /// and a tick (`documents.<entry>`) holds one paper's facts, not the family's plans.
    #[serde(default)]
    pub visit_on: Option<NaiveDate>,
    /// The photos of papers the server does not hold yet, oldest first (`store::uploads`);
    /// their bytes are in the browser's IndexedDB.
    #[serde(default)]
    pub uploads: Vec<PendingUpload>,
    /// Whether the browser promised to keep what the app stores, as it answered when the last
    /// photo was kept (`None`: not asked yet, or it cannot say); settings say so.
    #[serde(default)]
    pub photos_persisted: Option<bool>,
}

/// One answer that did not move to the new form version, with what it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftAnswer {
    /// The question id in the old version.
    pub field: String,
    /// The old question's label key, so the list still reads once the old version is gone.
    pub label_key: Option<String>,
    pub value: Value,
    /// The validation code when the answer breaks the new rules; `None` when the question is
    /// no longer asked.
    pub code: Option<String>,
    /// The version the answer was given in.
    pub version: u32,
}

impl Saved {
    /// A fresh state for a new installation, with a new device id.
    pub fn fresh() -> Saved {
        let device_id = new_device_id();
        Saved {
            // Built directly: `new_device_id` only makes ids the stamp's text form allows.
            clock: Hlc {
                wall_ms: 0,
                counter: 0,
                device: device_id.clone(),
            },
            sync: SyncClient::new(device_id),
            prefs: Prefs::default(),
            onboarded: false,
            session: None,
            draft: new_draft(),
            other_drafts: BTreeMap::new(),
            contract: None,
            contract_unsent: false,
            applications: Vec::new(),
            submit_key: None,
            last_sync_ms: None,
            left_behind: Vec::new(),
            reports: Vec::new(),
            visit_on: None,
            uploads: Vec::new(),
            photos_persisted: None,
        }
    }

    /// This installation's id.
    pub fn device_id(&self) -> &str {
        &self.sync.device_id
    }

    /// Whether the draft was already submitted (its answers are then read-only).
    pub fn is_submitted(&self) -> bool {
        self.applications
            .iter()
            .any(|a| a.draft_id == self.draft.id)
    }
}

fn new_draft() -> Draft {
    Draft::new(
        DraftId(uuid::Uuid::new_v4().to_string()),
        FormId(FORM_ID.to_owned()),
        FORM_VERSION,
    )
}

/// A new device id: `d-` and 32 hex digits, characters the HLC text form allows.
pub fn new_device_id() -> String {
    format!("d-{}", uuid::Uuid::new_v4().simple())
}

/// Put every answer of the current draft onto `into` as new ops with their own stamps, queue
/// them, drop the old draft's unsent ops, and make `into` the current draft.
fn move_answers(s: &mut Saved, mut into: Draft) -> AppResult<()> {
    let old = s.draft.id.clone();
    for (field, cell) in s.draft.cells() {
        let op = Op {
            op_id: OpId(uuid::Uuid::new_v4().to_string()),
            draft_id: into.id.clone(),
            form_id: into.form_id.clone(),
            field: field.clone(),
            value: cell.value().clone(),
            hlc: cell.hlc().clone(),
            form_version: Some(into.form_version),
        };
        into.apply(&op)?;
        s.sync.outbox.push(op);
    }
    let stale: Vec<OpId> = s
        .sync
        .outbox
        .ops()
        .iter()
        .filter(|op| op.draft_id == old)
        .map(|op| op.op_id.clone())
        .collect();
    s.sync.outbox.ack(&stale);
    s.draft = into;
    Ok(())
}

/// Stamp an answer, apply it to the draft and queue its op.
fn answer_in(s: &mut Saved, field: &str, value: Value, now_ms: u64) -> AppResult<Op> {
    let mut clock = HlcClock::resume(s.clock.clone());
    let hlc = clock.tick(now_ms);
    let op = s
        .draft
        .edit(OpId(uuid::Uuid::new_v4().to_string()), field, value, hlc)?;
    s.clock = clock.last().clone();
    queue(s, op.clone());
    Ok(op)
}

/// Put `op` in the outbox in place of any unsent op for the same answer. Typing sends one change
/// per keystroke: an unsent earlier value of the same answer is superseded by this one, so the
/// outbox holds one op per answer, not per letter.
fn queue(s: &mut Saved, op: Op) {
    let superseded: Vec<OpId> = s
        .sync
        .outbox
        .ops()
        .iter()
        .filter(|o| o.field == op.field && o.draft_id == op.draft_id)
        .map(|o| o.op_id.clone())
        .collect();
    s.sync.outbox.ack(&superseded);
    s.sync.outbox.push(op);
}

/// What applying a sync answer changed, for the screens to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncApplied {
    /// Ops the server acknowledged and that left the outbox.
    pub acked: usize,
    /// Answers whose visible value changed because of another device.
    pub changed: Vec<String>,
    /// The draft moved to another device's draft id (two devices of one account meet).
    pub adopted: bool,
    /// Send another request right away (more to pull or push).
    pub call_again: bool,
}

/// The saved state and the store it lives in.
pub struct Vault {
    store: Rc<dyn LocalStore>,
    state: Saved,
    recovery: Option<Recovery>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("device_id", &self.state.sync.device_id)
            .field("outbox", &self.state.sync.outbox.len())
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// Open the saved state, or start a fresh one. An unreadable state file is set aside and
    /// reported through `recovery()`; the app then starts clean instead of failing to open.
    pub fn open(store: Rc<dyn LocalStore>, now_ms: u64) -> AppResult<Vault> {
        let (saved, recovery) = load_json::<Saved>(store.as_ref(), STATE_KEY, &now_ms.to_string())?;
        let vault = match saved {
            Some(state) => Vault {
                store,
                state,
                recovery,
            },
            None => {
                let state = Saved::fresh();
                save_json(store.as_ref(), STATE_KEY, &state)?;
                Vault {
                    store,
                    state,
                    recovery,
                }
            }
        };
        Ok(vault)
    }

    /// A vault over `state`, not yet saved: for building screens in tests and previews.
    pub fn with_state(store: Rc<dyn LocalStore>, state: Saved) -> Vault {
        Vault {
            store,
            state,
            recovery: None,
        }
    }

    /// Take in what another copy of the app (a second browser tab on the same storage) saved,
    /// so the next change here builds on it instead of overwriting it. Returns whether the state
    /// changed. Unreadable text is left alone: the next start sets it aside.
    pub fn reload(&mut self) -> AppResult<bool> {
        let Some(text) = self.store.read(STATE_KEY)? else {
            return Ok(false);
        };
        match serde_json::from_str::<Saved>(&text) {
            Ok(saved) if saved != self.state => {
                self.state = saved;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    /// The state as it is saved.
    pub fn state(&self) -> &Saved {
        &self.state
    }

    /// Whether what is saved here is lost when the app closes (no storage on this platform).
    pub fn is_volatile(&self) -> bool {
        self.store.is_volatile()
    }

    /// Whether opening found a corrupted file (set aside) and started clean.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// Forget the recovery notice once the person has seen it.
    pub fn dismiss_recovery(&mut self) {
        self.recovery = None;
    }

    /// Change the state with `change` and save it in one write; on a failed write the state in
    /// memory stays as it was, so what the screen shows is always what is on disk.
    pub fn update<T>(&mut self, change: impl FnOnce(&mut Saved) -> AppResult<T>) -> AppResult<T> {
        let mut next = self.state.clone();
        let out = change(&mut next)?;
        save_json(self.store.as_ref(), STATE_KEY, &next)?;
        self.state = next;
        Ok(out)
    }

    /// Record an answer: stamp it, apply it to the draft and queue its op, in one write.
    pub fn answer(&mut self, field: &str, value: Value, now_ms: u64) -> AppResult<Op> {
        self.update(|s| answer_in(s, field, value, now_ms))
    }

    /// Put the photo `kept` on the paper whose tick is `field` and queue its upload, in one
    /// write: the tick never names a photo the outbox forgot, nor the outbox one no tick names.
    /// The tick is read as saved now (the person may have ticked it while the photo shrank).
    pub fn attach_photo(&mut self, field: &str, kept: &Kept, now_ms: u64) -> AppResult<()> {
        self.update(|s| {
            let mut tick = Tick::read(s.draft.answer(field)).unwrap_or_default();
            if !tick.attachments.contains(&kept.sha256) {
                tick.attachments.push(kept.sha256.clone());
            }
            answer_in(s, field, tick.to_value(), now_ms)?;
            uploads::add(&mut s.uploads, &kept.sha256, kept.size);
            s.photos_persisted = kept.persisted;
            Ok(())
        })
    }

    /// Take the photo `sha256` off the paper whose tick is `field`. Returns whether no paper
    /// shows it any more: its upload is then dropped too, and its bytes may go.
    pub fn detach_photo(&mut self, field: &str, sha256: &str, now_ms: u64) -> AppResult<bool> {
        self.update(|s| {
            let mut tick = Tick::read(s.draft.answer(field)).unwrap_or_default();
            tick.attachments.retain(|a| a != sha256);
            answer_in(s, field, tick.to_value(), now_ms)?;
            let unused = !uploads::is_shown(&s.draft.answers(), sha256);
            if unused {
                s.uploads.retain(|u| u.sha256 != sha256);
            }
            Ok(unused)
        })
    }

    /// Take in the server's answer to a sync (through `kosh_shared::sync`): drop acknowledged ops
    /// from the outbox, merge other devices' changes, move the cursor. When another device of this
    /// account started the same form under a smaller draft id, this draft moves onto it, so every
    /// device converges on one draft: the one with the smallest id. A phone with nothing typed
    /// yet takes the account's draft whatever its id.
    pub fn apply_sync(&mut self, response: &SyncResponse, now_ms: u64) -> AppResult<SyncApplied> {
        self.update(|s| {
            let mut clock = HlcClock::resume(s.clock.clone());
            for op in &response.changes {
                clock.observe(&op.hlc, now_ms);
            }
            let mine = s.draft.id.clone();
            let before = s.draft.answers();
            let mut drafts = std::mem::take(&mut s.other_drafts);
            drafts.insert(mine.clone(), s.draft.clone());
            let shared = s.sync.apply(response, &mut drafts, &|_| FORM_VERSION);
            let mut applied = SyncApplied {
                acked: shared.acked,
                call_again: shared.call_again(),
                ..SyncApplied::default()
            };
            if let Some(draft) = drafts.remove(&mine) {
                s.draft = draft;
            }
            let after = s.draft.answers();
            applied.changed = after
                .iter()
                .filter(|(k, v)| before.get(*k) != Some(*v))
                .map(|(k, _)| k.clone())
                .chain(before.keys().filter(|k| !after.contains_key(*k)).cloned())
                .collect();

            // Adopt the smallest other draft of the same form, if it is smaller than ours and
            // ours is not submitted (a submitted draft is fixed on the server).
            // A phone with nothing typed yet (just signed in) takes the account's draft
            // whatever its id; otherwise the smallest id wins, the same choice on every phone.
            let ours_empty = s.draft.cells().is_empty();
            let candidate = drafts
                .iter()
                .find(|(id, d)| {
                    d.form_id == s.draft.form_id
                        && !d.cells().is_empty()
                        && (ours_empty || **id < mine)
                })
                .map(|(id, _)| id.clone());
            if let Some(other_id) = candidate
                && !s.is_submitted()
                && let Some(adopted) = drafts.remove(&other_id)
            {
                // Re-issue this device's answers on the adopted draft with their own stamps, so
                // the usual rule (latest stamp wins) decides between the two devices.
                move_answers(s, adopted)?;
                applied.adopted = true;
                applied.call_again = true;
            }
            s.other_drafts = drafts;
            s.clock = clock.last().clone();
            s.last_sync_ms = Some(now_ms);
            Ok(applied)
        })
    }

    /// Move the answers onto a new draft id, all of them queued to send. For a draft the server
    /// says is not this account's (`not_found`: it went to the account signed in before), so
    /// what is on the phone goes to the account signed in now.
    pub fn rehome_draft(&mut self) -> AppResult<()> {
        self.update(|s| {
            let fresh = Draft::new(
                DraftId(uuid::Uuid::new_v4().to_string()),
                s.draft.form_id.clone(),
                s.draft.form_version,
            );
            move_answers(s, fresh)
        })
    }

    /// Forget the account on this phone. The answers stay (they are the person's), the outbox
    /// too: they go to whichever account signs in next.
    pub fn sign_out(&mut self) -> AppResult<()> {
        self.update(|s| {
            s.session = None;
            s.sync.cursor = 0;
            s.applications.clear();
            Ok(())
        })
    }

    /// Keep a new or refreshed session.
    pub fn set_session(&mut self, session: Option<Session>) -> AppResult<()> {
        self.update(|s| {
            let before = s.session.as_ref().map(|x| x.user_id.clone());
            let after = session.as_ref().map(|x| x.user_id.clone());
            if after.is_some() && before != after {
                // Another account: pull its changes from the start, and keep nothing of the
                // account before but the answers typed here (a shared family phone).
                s.sync.cursor = 0;
                s.applications.clear();
                s.other_drafts.clear();
                if !s.contract_unsent {
                    s.contract = None;
                }
            }
            s.session = session;
            Ok(())
        })
    }

    /// Put an empty draft on `version` of its form (a newer one came): with no answers there is
    /// nothing to move, and the first answer is then stamped with the new version.
    pub fn start_on_version(&mut self, version: u32) -> AppResult<()> {
        self.update(|s| {
            if s.draft.cells().is_empty() && version > s.draft.form_version {
                s.draft.form_version = version;
            }
            Ok(())
        })
    }

    /// Move the draft to a newer version of its form as `plan` says: its ops are applied and
    /// queued like any edit (so a second phone follows through sync), and every answer left
    /// behind is kept in `left_behind` with what it was, in the same write. `old` is the form
    /// the draft was on, for the questions' labels.
    pub fn move_draft(
        &mut self,
        plan: &MovePlan,
        old: Option<&Form>,
        now_ms: u64,
    ) -> AppResult<Vec<Op>> {
        self.update(|s| {
            if s.draft.form_version != plan.from_version {
                // The draft moved meanwhile (another phone's move arrived): this plan is stale.
                return Ok(Vec::new());
            }
            let mut clock = HlcClock::resume(s.clock.clone());
            let ops = plan.ops(&s.draft, || {
                (OpId(uuid::Uuid::new_v4().to_string()), clock.tick(now_ms))
            });
            for op in &ops {
                s.draft.apply(op)?;
                queue(s, op.clone());
            }
            // Every answer left behind: no op names the new version then, yet the draft moves.
            s.draft.form_version = s.draft.form_version.max(plan.to_version);
            s.clock = clock.last().clone();
            s.left_behind.extend(plan.left_behind.iter().map(|l| {
                LeftAnswer {
                    field: l.field.clone(),
                    label_key: old
                        .and_then(|f| f.question(&l.field))
                        .map(|q| q.label_key.clone()),
                    value: l.value.clone(),
                    code: match &l.reason {
                        LeftReason::QuestionGone => None,
                        LeftReason::NoLongerValid { code } => Some(code.clone()),
                    },
                    version: plan.from_version,
                }
            }));
            Ok(ops)
        })
    }

    /// The person has read the list of answers that did not move.
    pub fn dismiss_left_behind(&mut self) -> AppResult<()> {
        self.update(|s| {
            s.left_behind.clear();
            Ok(())
        })
    }

    /// Keep the applicant's report of a notice to send at the next sync. It replaces the
    /// report `replacing` names (the person changing a refused one), in the same write.
    pub fn add_report(&mut self, report: PendingReport, replacing: Option<&str>) -> AppResult<()> {
        self.update(|s| {
            match replacing.and_then(|id| s.reports.iter().position(|r| r.id == id)) {
                Some(at) => s.reports[at] = report,
                None => s.reports.push(report),
            }
            Ok(())
        })
    }

    /// Drop a report the person no longer wants sent (a refused one they will not fix).
    pub fn drop_report(&mut self, id: &str) -> AppResult<()> {
        self.update(|s| {
            s.reports.retain(|r| r.id != id);
            Ok(())
        })
    }

    /// Record the contract as the family entered it; it goes to the server at the next sync.
    pub fn set_contract(&mut self, contract: Option<Contract>) -> AppResult<()> {
        self.update(|s| {
            s.contract = contract;
            s.contract_unsent = s.contract.is_some();
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;
    use kosh_shared::testing::NEXT_RESIDENCE_VERSION as NEXT;
    use serde_json::json;

    fn vault() -> (Rc<MemoryStore>, Vault) {
        let store = Rc::new(MemoryStore::new());
        let vault = Vault::open(store.clone(), 1_000).unwrap();
        (store, vault)
    }

    #[test]
    fn a_photo_and_its_upload_are_saved_in_one_write_and_leave_together() {
        let (store, mut v) = vault();
        let photo = |sha: &str| Kept {
            sha256: sha.repeat(64),
            size: 1000,
            persisted: Some(false),
        };
        v.answer("documents.passport", json!({"done": true}), 2_000)
            .unwrap();
        v.attach_photo("documents.passport", &photo("a"), 3_000)
            .unwrap();
        v.attach_photo("documents.passport", &photo("a"), 3_001)
            .unwrap();
        v.attach_photo("documents.photo", &photo("a"), 3_002)
            .unwrap();
        // Saved: a fresh open sees the tick, kept as it was, and one upload of the one photo.
        let again = Vault::open(store.clone(), 4_000).unwrap();
        let s = again.state();
        assert_eq!(
            s.draft.answer("documents.passport"),
            Some(&json!({"done": true, "attachments": ["a".repeat(64)]}))
        );
        assert_eq!(s.uploads.len(), 1);
        assert_eq!(s.photos_persisted, Some(false));
        assert!(
            s.sync
                .outbox
                .ops()
                .iter()
                .any(|op| op.field == "documents.photo")
        );
        // Off one paper it is still on the other: its upload stays.
        assert!(
            !v.detach_photo("documents.passport", &"a".repeat(64), 5_000)
                .unwrap()
        );
        assert_eq!(v.state().uploads.len(), 1);
        assert!(
            v.detach_photo("documents.photo", &"a".repeat(64), 5_001)
                .unwrap()
        );
        assert!(v.state().uploads.is_empty());
        assert_eq!(
            v.state().draft.answer("documents.passport"),
            Some(&json!({"done": true}))
        );
    }

    #[test]
    fn an_answer_and_its_op_are_saved_in_one_write() {
        let (store, mut vault) = vault();
        let op = vault
            .answer("education.level", json!("bachelor"), 2_000)
            .unwrap();
        let saved: Saved = serde_json::from_str(&store.read(STATE_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(saved.sync.outbox.ops(), std::slice::from_ref(&op));
        assert_eq!(
            saved.draft.answer("education.level"),
            Some(&json!("bachelor"))
        );
        assert_eq!(saved.clock, op.hlc, "the clock's last stamp is kept");
        // Reopening (the app was killed) finds the answer and the op.
        let reopened = Vault::open(store, 3_000).unwrap();
        assert_eq!(reopened.state().sync.outbox.len(), 1);
        assert_eq!(reopened.state().device_id(), vault.state().device_id());
    }

    #[test]
    fn stamps_keep_increasing_across_restarts_even_if_the_clock_steps_back() {
        let (store, mut vault) = vault();
        let first = vault.answer("a.b", json!(1), 5_000).unwrap();
        let mut reopened = Vault::open(store, 10).unwrap();
        let second = reopened.answer("a.b", json!(2), 10).unwrap();
        assert!(second.hlc > first.hlc);
    }

    #[test]
    fn a_corrupted_state_is_set_aside_and_a_fresh_one_starts() {
        let store = Rc::new(MemoryStore::new());
        store.write(STATE_KEY, "{\"device_id\": ").unwrap();
        let vault = Vault::open(store.clone(), 42).unwrap();
        let recovery = vault.recovery().expect("reported");
        assert_eq!(recovery.kept_as, "state.corrupt-42");
        assert!(vault.state().sync.outbox.is_empty());
        assert!(store.read("state.corrupt-42").unwrap().is_some());
        // The fresh state was written, so the next start is normal.
        let again = Vault::open(store, 43).unwrap();
        assert!(again.recovery().is_none());
    }

    #[test]
    fn acked_ops_leave_the_outbox_and_changes_from_elsewhere_apply() {
        let (_, mut vault) = vault();
        let mine = vault
            .answer("personal.surname", json!("Нұрланұлы"), 2_000)
            .unwrap();
        let theirs = Op {
            op_id: OpId("other-1".into()),
            draft_id: vault.state().draft.id.clone(),
            form_id: FormId(FORM_ID.into()),
            field: "personal.surname".into(),
            value: json!("Nurlanuly"),
            hlc: Hlc::new(9_000, 0, "d-other").unwrap(),
            form_version: None,
        };
        let applied = vault
            .apply_sync(
                &SyncResponse {
                    cursor: 7,
                    acked: vec![mine.op_id.clone()],
                    changes: vec![theirs],
                    more: false,
                },
                3_000,
            )
            .unwrap();
        assert_eq!(applied.acked, 1);
        assert_eq!(applied.changed, vec!["personal.surname".to_string()]);
        let s = vault.state();
        assert!(s.sync.outbox.is_empty());
        assert_eq!(s.sync.cursor, 7);
        let cell = s.draft.cell("personal.surname").unwrap();
        let lost = cell
            .changed_elsewhere(s.device_id())
            .expect("shown as overwritten");
        assert_eq!(lost.value, json!("Нұрланұлы"));
        // The next local stamp is after the remote one.
        let next = vault.answer("personal.sex", json!("male"), 3_000).unwrap();
        assert!(next.hlc.wall_ms >= 9_000);
    }

    #[test]
    fn the_smaller_draft_id_is_adopted_and_local_answers_move_onto_it() {
        let (_, mut vault) = vault();
        vault
            .answer("education.level", json!("master"), 2_000)
            .unwrap();
        let other = DraftId("0".into()); // smaller than any UUID
        let change = Op {
            op_id: OpId("x".into()),
            draft_id: other.clone(),
            form_id: FormId(FORM_ID.into()),
            field: "personal.sex".into(),
            value: json!("female"),
            hlc: Hlc::new(1_500, 0, "d-other").unwrap(),
            form_version: None,
        };
        let applied = vault
            .apply_sync(
                &SyncResponse {
                    cursor: 1,
                    acked: vec![],
                    changes: vec![change],
                    more: false,
                },
                2_500,
            )
            .unwrap();
        assert!(applied.adopted);
        let s = vault.state();
        assert_eq!(s.draft.id, other);
        assert_eq!(s.draft.answer("personal.sex"), Some(&json!("female")));
        assert_eq!(s.draft.answer("education.level"), Some(&json!("master")));
        assert!(s.sync.outbox.ops().iter().all(|op| op.draft_id == other));
        assert_eq!(s.sync.outbox.len(), 1);
    }

    #[test]
    fn typing_keeps_one_unsent_op_per_answer() {
        let (_, mut vault) = vault();
        for (i, text) in ["Н", "Нұ", "Нұр"].into_iter().enumerate() {
            vault
                .answer("personal.surname", json!(text), 2_000 + i as u64)
                .unwrap();
        }
        vault.answer("personal.sex", json!("male"), 3_000).unwrap();
        let ops = vault.state().sync.outbox.ops();
        assert_eq!(ops.len(), 2);
        assert_eq!(ops[0].value, json!("Нұр"));
    }

    #[test]
    fn a_second_copy_on_the_same_storage_is_taken_in_before_the_next_change() {
        let (store, mut first) = vault();
        let mut second = Vault::open(store.clone(), 1_000).unwrap();
        first
            .answer("personal.surname", json!("Сейітқали"), 2_000)
            .unwrap();
        assert!(second.reload().unwrap());
        second
            .answer("personal.sex", json!("female"), 3_000)
            .unwrap();
        let saved: Saved = serde_json::from_str(&store.read(STATE_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(
            saved.draft.answer("personal.surname"),
            Some(&json!("Сейітқали"))
        );
        assert_eq!(saved.draft.answer("personal.sex"), Some(&json!("female")));
        assert_eq!(saved.sync.outbox.len(), 2);
        assert!(!second.reload().unwrap(), "nothing new");
        store.write(STATE_KEY, "{broken").unwrap();
        assert!(
            !second.reload().unwrap(),
            "unreadable text is left for the next start"
        );
    }

    #[test]
    fn a_phone_with_nothing_typed_takes_the_accounts_draft_whatever_its_id() {
        let (_, mut vault) = vault();
        let theirs = DraftId("ffffffff-ffff-ffff-ffff-ffffffffffff".into()); // larger than ours
        let change = Op {
            op_id: OpId("x".into()),
            draft_id: theirs.clone(),
            form_id: FormId(FORM_ID.into()),
            field: "personal.surname".into(),
            value: json!("Нұрланұлы"),
            hlc: Hlc::new(1_500, 0, "d-other").unwrap(),
            form_version: None,
        };
        let response = SyncResponse {
            cursor: 1,
            acked: vec![],
            changes: vec![change],
            more: false,
        };
        let applied = vault.apply_sync(&response, 2_000).unwrap();
        assert!(applied.adopted);
        assert_eq!(vault.state().draft.id, theirs);
        assert_eq!(
            vault.state().draft.answer("personal.surname"),
            Some(&json!("Нұрланұлы"))
        );
        assert!(
            vault.state().sync.outbox.is_empty(),
            "nothing of ours to send"
        );
    }

    #[test]
    fn a_bad_field_is_an_error_and_changes_nothing() {
        let (_, mut vault) = vault();
        let before = vault.state().clone();
        assert!(vault.answer("", json!(1), 2_000).is_err());
        assert_eq!(vault.state(), &before);
    }

    #[test]
    fn moving_to_a_new_version_queues_its_ops_and_keeps_what_did_not_move() {
        use kosh_shared::form::{Form, residence_2026};
        use kosh_shared::migration::plan;
        use kosh_shared::validate::Env;

        let (store, mut vault) = vault();
        vault
            .answer("personal.surname", json!("Nurlanuly"), 2_000)
            .unwrap();
        vault
            .answer("contacts.address", json!("Tashkent, Chilonzor 9"), 2_001)
            .unwrap();
        vault
            .answer("skills.driving_licence", json!(true), 2_002)
            .unwrap();
        let now_on = residence_2026().unwrap();
        let next = Form::from_json(&kosh_shared::testing::residence_next_json()).unwrap();
        let plan = plan(
            &vault.state().draft,
            &next,
            &Env::new("2027-01-10".parse().unwrap()),
        );
        let ops = vault.move_draft(&plan, Some(now_on), 3_000).unwrap();
        assert!(!ops.is_empty());
        let saved: Saved = serde_json::from_str(&store.read(STATE_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(saved.draft.form_version, NEXT);
        assert_eq!(
            saved.draft.answer("contacts.home_address"),
            Some(&json!("Tashkent, Chilonzor 9"))
        );
        assert_eq!(saved.draft.answer("skills.driving_licence"), None);
        assert_eq!(
            saved.draft.answer("personal.surname"),
            Some(&json!("Nurlanuly"))
        );
        // Every op of the move is queued, one per answer (the unsent earlier ones superseded).
        for op in &ops {
            assert!(saved.sync.outbox.ops().contains(op), "{op:?}");
        }
        assert_eq!(
            saved.left_behind,
            [LeftAnswer {
                field: "skills.driving_licence".into(),
                label_key: Some("form-q-skills-driving_licence".into()),
                value: json!(true),
                code: None,
                version: FORM_VERSION,
            }]
        );
        // A stale plan (the draft moved meanwhile) does nothing.
        assert!(
            vault
                .move_draft(&plan, Some(now_on), 4_000)
                .unwrap()
                .is_empty()
        );
        // The next answer is stamped with the new version.
        let next = vault.answer("personal.sex", json!("male"), 5_000).unwrap();
        assert_eq!(next.form_version, Some(NEXT));
        vault.dismiss_left_behind().unwrap();
        assert!(vault.state().left_behind.is_empty());
    }

    #[test]
    fn an_empty_draft_simply_starts_on_the_new_version() {
        let (_, mut vault) = vault();
        assert_eq!(vault.state().draft.form_version, FORM_VERSION);
        vault.start_on_version(NEXT).unwrap();
        assert_eq!(vault.state().draft.form_version, NEXT);
        vault.start_on_version(1).unwrap();
        assert_eq!(vault.state().draft.form_version, NEXT, "never back");
        let (_, mut typed) = super::tests::vault();
        typed.answer("personal.sex", json!("male"), 2_000).unwrap();
        typed.start_on_version(NEXT).unwrap();
        assert_eq!(
            typed.state().draft.form_version,
            FORM_VERSION,
            "answers move only by a plan"
        );
    }

    #[test]
    fn new_drafts_start_on_the_newest_built_in_version() {
        let newest = kosh_shared::form::latest_builtin(FORM_ID).unwrap().unwrap();
        assert_eq!(newest.version(), FORM_VERSION);
    }
}
