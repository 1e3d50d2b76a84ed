//! The embedded store: sled 0.34 in the data directory. Records are JSON; keys that group by
//! user are `<user id>\0<rest>` so a prefix scan lists one user's things. Writes that belong
//! together run in one sled transaction.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use kosh_shared::api::{Contract, Op};
use kosh_shared::ids::{ApplicationId, DraftId, UserId};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError, abort};

use super::{
    ApplicationRecord, ChangesPage, DraftRecord, IncomingOp, LogEntry, MergeFn, PushRefusal,
    RefreshRecord, Rotation, Store, StoreError, StoreResult, Submission, UserRecord, email_key,
};

/// The sled-backed `Store`.
pub struct SledStore {
    db: sled::Db,
    users: sled::Tree,
    emails: sled::Tree,
    refresh: sled::Tree,
    logins: sled::Tree,
    drafts: sled::Tree,
    user_drafts: sled::Tree,
    oplog: sled::Tree,
    seen_ops: sled::Tree,
    seqs: sled::Tree,
    applications: sled::Tree,
    user_applications: sled::Tree,
    idempotency: sled::Tree,
    contracts: sled::Tree,
    flushes: AtomicU64,
}

/// A login's state, under its family id.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct LoginRecord {
    user: UserId,
    revoked: bool,
}

impl std::fmt::Debug for SledStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SledStore").finish_non_exhaustive()
    }
}

fn backend(err: sled::Error) -> StoreError {
    StoreError::Backend(err.to_string())
}

fn tx_error<E>(err: TransactionError<E>) -> Result<E, StoreError> {
    match err {
        TransactionError::Abort(e) => Ok(e),
        TransactionError::Storage(e) => Err(backend(e)),
    }
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Our records are plain structs of strings, numbers and maps: serialising cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> StoreResult<T> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Errors inside a transaction: our aborts, or a record that does not decode.
enum Abort<R> {
    Refused(R),
    Corrupt(String),
}

fn tx_decode<T: DeserializeOwned, R>(
    bytes: &[u8],
) -> Result<T, ConflictableTransactionError<Abort<R>>> {
    serde_json::from_slice(bytes)
        .map_err(|e| ConflictableTransactionError::Abort(Abort::Corrupt(e.to_string())))
}

fn user_key(user: &UserId, rest: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(user.as_str().len() + 1 + rest.len());
    key.extend_from_slice(user.as_str().as_bytes());
    key.push(0);
    key.extend_from_slice(rest);
    key
}

fn user_prefix(user: &UserId) -> Vec<u8> {
    user_key(user, &[])
}

impl SledStore {
    /// Opens (or creates) the store in `dir`. Fails with `StoreError::InUse` when another
    /// process holds it.
    pub fn open(dir: &Path) -> StoreResult<SledStore> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Backend(e.to_string()))?;
        let db = sled::Config::new()
            .path(dir.join("store"))
            .open()
            .map_err(|e| {
                if e.to_string().contains("could not acquire lock") {
                    StoreError::InUse(dir.to_owned())
                } else {
                    backend(e)
                }
            })?;
        let tree = |name: &str| db.open_tree(name).map_err(backend);
        Ok(SledStore {
            users: tree("users")?,
            emails: tree("emails")?,
            refresh: tree("refresh_tokens")?,
            logins: tree("logins")?,
            drafts: tree("drafts")?,
            user_drafts: tree("user_drafts")?,
            oplog: tree("oplog")?,
            seen_ops: tree("seen_ops")?,
            seqs: tree("seqs")?,
            applications: tree("applications")?,
            user_applications: tree("user_applications")?,
            idempotency: tree("idempotency")?,
            contracts: tree("contracts")?,
            db,
            flushes: AtomicU64::new(0),
        })
    }

    fn get<T: DeserializeOwned>(tree: &sled::Tree, key: &[u8]) -> StoreResult<Option<T>> {
        match tree.get(key).map_err(backend)? {
            Some(bytes) => decode(&bytes).map(Some),
            None => Ok(None),
        }
    }
}

impl Store for SledStore {
    fn insert_user(&self, user: &UserRecord) -> StoreResult<bool> {
        let key = email_key(&user.email);
        let record = encode(user);
        let result = (&self.users, &self.emails).transaction(|(users, emails)| {
            if emails.get(key.as_bytes())?.is_some() {
                return abort(());
            }
            emails.insert(key.as_bytes(), user.id.as_str().as_bytes())?;
            users.insert(user.id.as_str().as_bytes(), record.clone())?;
            Ok(())
        });
        match result {
            Ok(()) => Ok(true),
            Err(e) => tx_error(e).map(|()| false),
        }
    }

    fn user(&self, id: &UserId) -> StoreResult<Option<UserRecord>> {
        Self::get(&self.users, id.as_str().as_bytes())
    }

    fn user_by_email(&self, email: &str) -> StoreResult<Option<UserRecord>> {
        let Some(id) = self
            .emails
            .get(email_key(email).as_bytes())
            .map_err(backend)?
        else {
            return Ok(None);
        };
        Self::get(&self.users, &id)
    }

    fn insert_refresh(&self, token_hash: &str, record: &RefreshRecord) -> StoreResult<()> {
        let login = encode(&LoginRecord {
            user: record.user.clone(),
            revoked: false,
        });
        let token = encode(record);
        (&self.refresh, &self.logins)
            .transaction(|(refresh, logins)| {
                logins.insert(record.family.as_bytes(), login.clone())?;
                refresh.insert(token_hash.as_bytes(), token.clone())?;
                Ok::<_, ConflictableTransactionError<()>>(())
            })
            .map_err(|e| match e {
                TransactionError::Abort(()) => StoreError::Backend("aborted".into()),
                TransactionError::Storage(e) => backend(e),
            })
    }

    fn rotate_refresh(
        &self,
        old_hash: &str,
        new_hash: &str,
        new_expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> StoreResult<Rotation> {
        let result = (&self.refresh, &self.logins).transaction(|(refresh, logins)| {
            let Some(bytes) = refresh.get(old_hash.as_bytes())? else {
                return Ok(Rotation::Invalid);
            };
            let mut old: RefreshRecord = tx_decode(&bytes)?;
            let Some(login_bytes) = logins.get(old.family.as_bytes())? else {
                return Ok(Rotation::Invalid);
            };
            let mut login: LoginRecord = tx_decode(&login_bytes)?;
            if old.used {
                if !login.revoked {
                    login.revoked = true;
                    logins.insert(old.family.as_bytes(), encode(&login))?;
                }
                return Ok(Rotation::Reused);
            }
            if login.revoked || old.expires_at <= now {
                return Ok(Rotation::Invalid);
            }
            old.used = true;
            refresh.insert(old_hash.as_bytes(), encode(&old))?;
            let new = RefreshRecord {
                family: old.family.clone(),
                user: old.user.clone(),
                used: false,
                expires_at: new_expires_at,
            };
            refresh.insert(new_hash.as_bytes(), encode(&new))?;
            Ok(Rotation::Rotated(new))
        });
        result.or_else(|e| match tx_error::<Abort<()>>(e)? {
            Abort::Refused(()) => Ok(Rotation::Invalid),
            Abort::Corrupt(msg) => Err(StoreError::Corrupt(msg)),
        })
    }

    fn revoke_login(&self, token_hash: &str) -> StoreResult<bool> {
        let Some(token) = Self::get::<RefreshRecord>(&self.refresh, token_hash.as_bytes())? else {
            return Ok(false);
        };
        let login = encode(&LoginRecord {
            user: token.user,
            revoked: true,
        });
        self.logins
            .insert(token.family.as_bytes(), login)
            .map_err(backend)?;
        Ok(true)
    }

    fn is_login_active(&self, family: &str) -> StoreResult<bool> {
        Ok(Self::get::<LoginRecord>(&self.logins, family.as_bytes())?
            .is_some_and(|login| !login.revoked))
    }

    fn push_ops(
        &self,
        user: &UserId,
        ops: &[IncomingOp],
        now: DateTime<Utc>,
        merge: &MergeFn<'_>,
    ) -> StoreResult<Result<(), PushRefusal>> {
        let trees = [
            &self.drafts,
            &self.user_drafts,
            &self.oplog,
            &self.seen_ops,
            &self.seqs,
        ];
        let result = trees[..].transaction(|t| {
            let (drafts, user_drafts, oplog, seen, seqs) = (&t[0], &t[1], &t[2], &t[3], &t[4]);
            // Every draft touched must be the caller's (or new) before anything is written.
            let mut existing: BTreeMap<&DraftId, Option<DraftRecord>> = BTreeMap::new();
            for incoming in ops {
                let op = &incoming.op;
                if !existing.contains_key(&op.draft_id) {
                    let record = match drafts.get(op.draft_id.as_str().as_bytes())? {
                        Some(bytes) => Some(tx_decode::<DraftRecord, PushRefusal>(&bytes)?),
                        None => None,
                    };
                    existing.insert(&op.draft_id, record);
                }
                if let Some(Some(record)) = existing.get(&op.draft_id) {
                    if &record.owner != user {
                        return abort(Abort::Refused(PushRefusal::NotOwner(op.draft_id.clone())));
                    }
                    if record.form_id != op.form_id {
                        return abort(Abort::Refused(PushRefusal::FormMismatch {
                            draft: op.draft_id.clone(),
                            form: op.form_id.clone(),
                        }));
                    }
                }
            }
            // Two ops for one new draft in one push must agree on its form too.
            let mut forms = BTreeMap::new();
            for incoming in ops {
                let op = &incoming.op;
                let form = forms.entry(&op.draft_id).or_insert(&op.form_id);
                if *form != &op.form_id {
                    return abort(Abort::Refused(PushRefusal::FormMismatch {
                        draft: op.draft_id.clone(),
                        form: op.form_id.clone(),
                    }));
                }
            }

            let seq_key = user.as_str().as_bytes();
            let mut seq = match seqs.get(seq_key)? {
                Some(bytes) => tx_decode::<u64, PushRefusal>(&bytes)?,
                None => 0,
            };
            let mut fresh: BTreeMap<&DraftId, Vec<Op>> = BTreeMap::new();
            for incoming in ops {
                let op = &incoming.op;
                let seen_key = user_key(user, op.op_id.as_str().as_bytes());
                if seen.get(&seen_key)?.is_some() {
                    continue;
                }
                seq += 1;
                seen.insert(seen_key, &seq.to_be_bytes())?;
                let entry = LogEntry {
                    seq,
                    op: op.clone(),
                    device: incoming.device.clone(),
                    clamped: incoming.clamped,
                };
                oplog.insert(user_key(user, &seq.to_be_bytes()), encode(&entry))?;
                fresh.entry(&op.draft_id).or_default().push(op.clone());
            }
            for (draft_id, new_ops) in &fresh {
                let previous = existing.get(draft_id).and_then(|r| r.as_ref());
                let state = merge(previous.map(|r| &r.state), new_ops)
                    .map_err(|e| ConflictableTransactionError::Abort(Abort::Corrupt(e)))?;
                let record = DraftRecord {
                    id: (*draft_id).clone(),
                    owner: user.clone(),
                    form_id: new_ops[0].form_id.clone(),
                    state,
                    updated_at: now,
                };
                drafts.insert(draft_id.as_str().as_bytes(), encode(&record))?;
                user_drafts.insert(user_key(user, draft_id.as_str().as_bytes()), &[])?;
            }
            seqs.insert(seq_key, encode(&seq))?;
            Ok(())
        });
        match result {
            Ok(()) => Ok(Ok(())),
            Err(e) => match tx_error(e)? {
                Abort::Refused(refusal) => Ok(Err(refusal)),
                Abort::Corrupt(msg) => Err(StoreError::Corrupt(msg)),
            },
        }
    }

    fn changes_since(
        &self,
        user: &UserId,
        cursor: u64,
        limit: usize,
        device: &str,
    ) -> StoreResult<ChangesPage> {
        let start = user_key(user, &cursor.saturating_add(1).to_be_bytes());
        let end = user_key(user, &u64::MAX.to_be_bytes());
        let head: u64 = Self::get(&self.seqs, user.as_str().as_bytes())?.unwrap_or(0);
        let mut entries = Vec::new();
        let mut scanned_to = cursor.min(head);
        let mut more = false;
        for item in self.oplog.range(start..=end) {
            let (_, bytes) = item.map_err(backend)?;
            let entry: LogEntry = decode(&bytes)?;
            let wanted = entry.device != device || entry.clamped;
            if wanted && entries.len() == limit {
                more = true;
                break;
            }
            scanned_to = entry.seq;
            if wanted {
                entries.push(entry);
            }
        }
        Ok(ChangesPage {
            entries,
            cursor: scanned_to,
            more,
        })
    }

    fn draft(&self, id: &DraftId) -> StoreResult<Option<DraftRecord>> {
        Self::get(&self.drafts, id.as_str().as_bytes())
    }

    fn drafts_of(&self, user: &UserId) -> StoreResult<Vec<DraftRecord>> {
        let prefix = user_prefix(user);
        let mut drafts = Vec::new();
        for item in self.user_drafts.scan_prefix(&prefix) {
            let (key, _) = item.map_err(backend)?;
            if let Some(draft) = Self::get(&self.drafts, &key[prefix.len()..])? {
                drafts.push(draft);
            }
        }
        Ok(drafts)
    }

    fn application_by_key(
        &self,
        user: &UserId,
        key: &str,
    ) -> StoreResult<Option<ApplicationRecord>> {
        let Some(id) = self
            .idempotency
            .get(user_key(user, key.as_bytes()))
            .map_err(backend)?
        else {
            return Ok(None);
        };
        Self::get(&self.applications, &id)
    }

    fn submit(&self, key: &str, application: &ApplicationRecord) -> StoreResult<Submission> {
        let idem_key = user_key(&application.owner, key.as_bytes());
        let record = encode(application);
        let trees = [
            &self.applications,
            &self.user_applications,
            &self.idempotency,
        ];
        let result = trees[..].transaction(|t| {
            let (apps, user_apps, idem) = (&t[0], &t[1], &t[2]);
            if let Some(id) = idem.get(&idem_key)? {
                let Some(bytes) = apps.get(&id)? else {
                    return abort(Abort::Corrupt(
                        "idempotency key points to no application".into(),
                    ));
                };
                return Ok(Submission::Existing(tx_decode::<_, ()>(&bytes)?));
            }
            let id = application.application.id.as_str().as_bytes();
            idem.insert(idem_key.as_slice(), id)?;
            apps.insert(id, record.clone())?;
            user_apps.insert(user_key(&application.owner, id), &[])?;
            Ok(Submission::Created(application.clone()))
        });
        result.or_else(|e| match tx_error::<Abort<()>>(e)? {
            Abort::Refused(()) | Abort::Corrupt(_) => Err(StoreError::Corrupt(
                "idempotency key points to a missing or unreadable application".into(),
            )),
        })
    }

    fn application(&self, id: &ApplicationId) -> StoreResult<Option<ApplicationRecord>> {
        Self::get(&self.applications, id.as_str().as_bytes())
    }

    fn applications_of(&self, user: &UserId) -> StoreResult<Vec<ApplicationRecord>> {
        let prefix = user_prefix(user);
        let mut apps = Vec::new();
        for item in self.user_applications.scan_prefix(&prefix) {
            let (key, _) = item.map_err(backend)?;
            if let Some(app) = Self::get(&self.applications, &key[prefix.len()..])? {
                apps.push(app);
            }
        }
        apps.sort_by_key(|a: &ApplicationRecord| a.application.submitted_at);
        Ok(apps)
    }

    fn all_applications(&self) -> StoreResult<Vec<ApplicationRecord>> {
        let mut apps = self
            .applications
            .iter()
            .map(|item| decode::<ApplicationRecord>(&item.map_err(backend)?.1))
            .collect::<StoreResult<Vec<_>>>()?;
        apps.sort_by_key(|a| a.application.submitted_at);
        Ok(apps)
    }

    fn replace_application(
        &self,
        old: &ApplicationRecord,
        new: &ApplicationRecord,
    ) -> StoreResult<bool> {
        let swapped = self
            .applications
            .compare_and_swap(
                new.application.id.as_str().as_bytes(),
                Some(encode(old)),
                Some(encode(new)),
            )
            .map_err(backend)?;
        Ok(swapped.is_ok())
    }

    fn contract(&self, user: &UserId) -> StoreResult<Option<Contract>> {
        Self::get(&self.contracts, user.as_str().as_bytes())
    }

    fn put_contract(&self, user: &UserId, contract: &Contract) -> StoreResult<()> {
        self.contracts
            .insert(user.as_str().as_bytes(), encode(contract))
            .map_err(backend)?;
        Ok(())
    }

    fn flush(&self) -> StoreResult<()> {
        self.db.flush().map_err(backend)?;
        self.flushes.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    fn flush_count(&self) -> u64 {
        self.flushes.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kosh_shared::hlc::Hlc;
    use serde_json::json;

    fn op(id: &str, draft: &str, device: &str, wall: u64) -> IncomingOp {
        IncomingOp {
            op: Op {
                op_id: id.into(),
                draft_id: draft.into(),
                form_id: "residence-2026".into(),
                field: "education.level".into(),
                value: json!(id),
                hlc: Hlc::new(wall, 0, device).unwrap(),
            },
            device: device.into(),
            clamped: false,
        }
    }

    /// A merge that records the op ids it saw, to check what the store hands it.
    fn merge(
        previous: Option<&serde_json::Value>,
        ops: &[Op],
    ) -> Result<serde_json::Value, String> {
        let mut seen: Vec<serde_json::Value> = previous
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default();
        seen.extend(ops.iter().map(|o| json!(o.op_id)));
        Ok(serde_json::Value::Array(seen))
    }

    #[test]
    fn push_is_all_or_nothing_and_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let (alice, bob) = (UserId::from("alice"), UserId::from("bob"));
        let now = Utc::now();
        store
            .push_ops(&alice, &[op("a1", "da", "p", 1)], now, &merge)
            .unwrap()
            .unwrap();
        let refused = store
            .push_ops(
                &bob,
                &[op("b1", "db", "q", 1), op("b2", "da", "q", 2)],
                now,
                &merge,
            )
            .unwrap();
        assert_eq!(refused, Err(PushRefusal::NotOwner("da".into())));
        assert!(
            store.draft(&"db".into()).unwrap().is_none(),
            "nothing of bob's push written"
        );
        assert!(store.drafts_of(&bob).unwrap().is_empty());

        store
            .push_ops(
                &alice,
                &[
                    op("a1", "da", "p", 1),
                    op("a2", "da", "p", 2),
                    op("a2", "da", "p", 2),
                ],
                now,
                &merge,
            )
            .unwrap()
            .unwrap();
        let draft = store.draft(&"da".into()).unwrap().unwrap();
        assert_eq!(draft.state, json!(["a1", "a2"]), "each op merged once");
        let page = store.changes_since(&alice, 0, 10, "other").unwrap();
        assert_eq!(
            page.entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!((page.cursor, page.more), (2, false));
        let own = store.changes_since(&alice, 0, 10, "p").unwrap();
        assert!(own.entries.is_empty());
        assert_eq!(
            own.cursor, 2,
            "own ops are skipped but the cursor moves past them"
        );
        let paged = store.changes_since(&alice, 0, 1, "other").unwrap();
        assert_eq!(
            (paged.entries.len(), paged.cursor, paged.more),
            (1, 1, true)
        );
        assert!(
            store
                .changes_since(&bob, 0, 10, "x")
                .unwrap()
                .entries
                .is_empty()
        );
    }

    #[test]
    fn refresh_tokens_rotate_once_and_reuse_revokes_the_login() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let now = Utc::now();
        let later = now + chrono::Duration::days(1);
        let record = RefreshRecord {
            family: "f1".into(),
            user: "u1".into(),
            used: false,
            expires_at: later,
        };
        store.insert_refresh("h1", &record).unwrap();
        assert!(store.is_login_active("f1").unwrap());
        assert!(matches!(
            store.rotate_refresh("h1", "h2", later, now).unwrap(),
            Rotation::Rotated(_)
        ));
        assert_eq!(
            store.rotate_refresh("h1", "h3", later, now).unwrap(),
            Rotation::Reused
        );
        assert!(!store.is_login_active("f1").unwrap());
        assert_eq!(
            store.rotate_refresh("h2", "h4", later, now).unwrap(),
            Rotation::Invalid
        );
        assert_eq!(
            store.rotate_refresh("unknown", "h5", later, now).unwrap(),
            Rotation::Invalid
        );

        let expired = RefreshRecord {
            family: "f2".into(),
            expires_at: now - chrono::Duration::seconds(1),
            ..record
        };
        store.insert_refresh("old", &expired).unwrap();
        assert_eq!(
            store.rotate_refresh("old", "h6", later, now).unwrap(),
            Rotation::Invalid
        );
    }

    #[test]
    fn emails_are_unique_case_insensitively() {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        let user = |id: &str, email: &str| UserRecord {
            id: id.into(),
            email: email.into(),
            password_hash: "x".into(),
            role: kosh_shared::api::Role::Applicant,
            locale: None,
            created_at: Utc::now(),
        };
        assert!(store.insert_user(&user("1", "Aigul@Example.kz")).unwrap());
        assert!(!store.insert_user(&user("2", "aigul@example.KZ")).unwrap());
        assert!(store.user(&"2".into()).unwrap().is_none());
        assert_eq!(
            store.user_by_email("AIGUL@example.kz").unwrap().unwrap().id,
            "1".into()
        );
    }

    #[test]
    fn a_second_open_of_the_same_directory_says_it_is_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let _first = SledStore::open(dir.path()).unwrap();
        assert!(matches!(
            SledStore::open(dir.path()),
            Err(StoreError::InUse(_))
        ));
    }
}
