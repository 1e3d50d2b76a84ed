//! CouchDB's replication protocol from a device's side, against PouchDB Server. Each applicant
//! has a database of their own (CouchDB's usual one-database-per-user layout) and each answer is
//! one document `<draft id>:<question id>`, so two devices editing different questions never
//! conflict: the same per-field granularity as Kosh's ops, which keeps documents (and so the
//! peer's bytes) as small as the protocol allows.
//!
//! One sync is the lean core of a replication, the three endpoints a CouchDB client cannot do
//! without: `POST _revs_diff` (which of my revisions do you miss?), `POST _bulk_docs` with
//! `new_edits: false` (store them as they are), and `GET _changes?include_docs=true` since the
//! last sequence seen (pull). PouchDB's own replicator does more per sync (a database info
//! request, checkpoint reads and writes in `_local` documents, and the documents fetched after
//! `_changes` rather than inline), so this is a lower bound of the peer's real cost.

use std::collections::HashMap;
use std::net::SocketAddr;

use hyper::Method;
use kosh_shared::hlc::HlcClock;
use serde_json::{Map, Value, json};

use crate::device::{SyncCost, now_ms};
use crate::error::{BenchError, BenchResult};
use crate::wire::{Connection, Exchange};
use crate::workload::{Answer, FORM_ID};

/// Changes pulled per `_changes` request.
const CHANGES_PAGE: usize = 500;
/// The most `_changes` pages one sync reads.
const MAX_PAGES: u32 = 50;

/// A document's current revision as this device knows it: generation and hash.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Revision {
    generation: u64,
    hash: String,
}

/// One device speaking CouchDB's replication protocol.
#[derive(Debug)]
pub struct CouchDevice {
    conn: Connection,
    db: String,
    device_id: String,
    draft_id: String,
    clock: HlcClock,
    since: String,
    revisions: HashMap<String, Revision>,
}

impl CouchDevice {
    /// A device of the applicant whose database is `db`, editing `draft_id`.
    pub async fn connect(
        addr: SocketAddr,
        db: String,
        device_id: String,
        draft_id: String,
    ) -> BenchResult<CouchDevice> {
        let clock = HlcClock::new(device_id.clone())
            .map_err(|e| BenchError::Setup(format!("device id {device_id}: {e}")))?;
        Ok(CouchDevice {
            conn: Connection::open(addr).await?,
            db,
            device_id,
            draft_id,
            clock,
            since: "0".into(),
            revisions: HashMap::new(),
        })
    }

    /// One sync: push `answers` as new revisions, then pull the database's changes.
    pub async fn sync(&mut self, answers: &[Answer]) -> BenchResult<SyncCost> {
        let mut cost = SyncCost::default();
        if !answers.is_empty() {
            self.push(answers, &mut cost).await?;
        }
        self.pull(&mut cost).await?;
        Ok(cost)
    }

    async fn push(&mut self, answers: &[Answer], cost: &mut SyncCost) -> BenchResult<()> {
        let now = now_ms();
        let mut docs = Vec::with_capacity(answers.len());
        let mut diff = Map::new();
        let mut written = Vec::with_capacity(answers.len());
        for answer in answers {
            let id = format!("{}:{}", self.draft_id, answer.field);
            let previous = self.revisions.get(&id);
            let revision = Revision {
                generation: previous.map_or(1, |r| r.generation + 1),
                hash: uuid::Uuid::new_v4().simple().to_string(),
            };
            let mut ids = vec![revision.hash.clone()];
            if let Some(previous) = previous {
                ids.push(previous.hash.clone());
            }
            let rev = format!("{}-{}", revision.generation, revision.hash);
            diff.insert(id.clone(), json!([rev]));
            docs.push(json!({
                "_id": id,
                "_rev": rev,
                "_revisions": {"start": revision.generation, "ids": ids},
                "form_id": FORM_ID,
                "field": answer.field,
                "value": answer.value,
                "hlc": self.clock.tick(now).to_string(),
            }));
            written.push((id, revision));
        }

        let path = format!("/{}/_revs_diff", self.db);
        let exchange = self
            .post(&path, serde_json::to_vec(&Value::Object(diff)))
            .await?;
        cost.add(&exchange);
        let missing: Map<String, Value> = exchange.json("request", &path, 200)?;
        if missing.len() != docs.len() {
            return Err(BenchError::Protocol {
                path,
                reason: format!(
                    "{} of {} new revisions reported missing",
                    missing.len(),
                    docs.len()
                ),
            });
        }

        let path = format!("/{}/_bulk_docs", self.db);
        let exchange = self
            .post(
                &path,
                serde_json::to_vec(&json!({"docs": docs, "new_edits": false})),
            )
            .await?;
        cost.add(&exchange);
        let errors: Vec<Value> = exchange.json("request", &path, 201)?;
        if let Some(error) = errors.iter().find(|r| r.get("error").is_some()) {
            return Err(BenchError::Protocol {
                path,
                reason: error.to_string(),
            });
        }
        self.revisions.extend(written);
        Ok(())
    }

    async fn pull(&mut self, cost: &mut SyncCost) -> BenchResult<()> {
        let now = now_ms();
        for _ in 0..MAX_PAGES {
            let path = format!(
                "/{}/_changes?style=all_docs&include_docs=true&limit={CHANGES_PAGE}&since={}",
                self.db, self.since
            );
            let exchange = self.conn.request(Method::GET, &path, None, None).await?;
            cost.add(&exchange);
            let changes: Value = exchange.json("request", &path, 200)?;
            let results = changes
                .get("results")
                .and_then(Value::as_array)
                .ok_or_else(|| BenchError::Protocol {
                    path: path.clone(),
                    reason: "no results".into(),
                })?;
            for doc in results.iter().filter_map(|r| r.get("doc")) {
                self.take_in(doc, now);
                if doc
                    .get("hlc")
                    .and_then(Value::as_str)
                    .is_some_and(|hlc| !hlc.ends_with(&format!("/{}", self.device_id)))
                {
                    cost.pulled += 1;
                }
            }
            self.since = match changes.get("last_seq") {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) => percent_encode(s),
                _ => {
                    return Err(BenchError::Protocol {
                        path,
                        reason: "no last_seq".into(),
                    });
                }
            };
            if results.len() < CHANGES_PAGE {
                break;
            }
        }
        Ok(())
    }

    /// Remembers a pulled document's winning revision, so the next edit of that answer
    /// descends from it, and moves the clock past its stamp.
    fn take_in(&mut self, doc: &Value, now: u64) {
        let (Some(id), Some(rev)) = (
            doc.get("_id").and_then(Value::as_str),
            doc.get("_rev").and_then(Value::as_str),
        ) else {
            return;
        };
        let Some((generation, hash)) = rev
            .split_once('-')
            .and_then(|(g, h)| Some((g.parse::<u64>().ok()?, h)))
        else {
            return;
        };
        let newer = self
            .revisions
            .get(id)
            .is_none_or(|known| known.generation < generation);
        if newer {
            self.revisions.insert(
                id.to_owned(),
                Revision {
                    generation,
                    hash: hash.to_owned(),
                },
            );
        }
        if let Some(hlc) = doc
            .get("hlc")
            .and_then(Value::as_str)
            .and_then(|t| t.parse().ok())
        {
            self.clock.observe(&hlc, now);
        }
    }

    async fn post(
        &mut self,
        path: &str,
        body: serde_json::Result<Vec<u8>>,
    ) -> BenchResult<Exchange> {
        let body = body.map_err(|e| BenchError::Setup(format!("encoding {path}: {e}")))?;
        self.conn
            .request(Method::POST, path, None, Some(body))
            .await
    }
}

/// Creates an applicant's database (setup, not measured).
pub async fn create_database(conn: &mut Connection, db: &str) -> BenchResult<()> {
    let path = format!("/{db}");
    let exchange = conn.request(Method::PUT, &path, None, None).await?;
    match exchange.status {
        201 | 202 | 412 => Ok(()),
        status => Err(BenchError::Status {
            method: "PUT",
            path,
            status,
            body: String::from_utf8_lossy(&exchange.body)
                .chars()
                .take(300)
                .collect(),
        }),
    }
}

/// A sequence token as a query value (CouchDB 2+ sequences are opaque strings).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opaque_sequences_are_escaped() {
        assert_eq!(percent_encode("12-g1AAAA"), "12-g1AAAA");
        assert_eq!(percent_encode("1/a b"), "1%2Fa%20b");
    }
}
