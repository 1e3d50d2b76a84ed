//! Kosh's sync protocol from a device's side (API.md, `POST /v1/sync`): one request pushes the
//! new ops and pulls the other devices' ops after the cursor; it calls again only while the
//! server says `more`. Every pushed op must come back in `acked` (durable), or the sync failed.

use std::collections::HashSet;
use std::net::SocketAddr;

use hyper::Method;
use kosh_shared::api::{Op, SyncRequest, SyncResponse, SyncWaitResponse, TokenResponse};
use kosh_shared::hlc::HlcClock;
use kosh_shared::ids::{DraftId, FormId, OpId};
use serde_json::json;

use crate::device::{SyncCost, now_ms};
use crate::error::{BenchError, BenchResult};
use crate::wire::Connection;
use crate::workload::{Answer, FORM_ID, FORM_VERSION};

/// The most requests one sync may make while the server says `more` (500 ops a page).
const MAX_PAGES: u32 = 50;

/// One device speaking Kosh's protocol.
#[derive(Debug)]
pub struct KoshDevice {
    conn: Connection,
    token: String,
    device_id: String,
    draft_id: DraftId,
    clock: HlcClock,
    cursor: u64,
}

impl KoshDevice {
    /// A device of the applicant whose access token is `token`, editing `draft_id`.
    pub async fn connect(
        addr: SocketAddr,
        token: String,
        device_id: String,
        draft_id: String,
    ) -> BenchResult<KoshDevice> {
        let clock = HlcClock::new(device_id.clone())
            .map_err(|e| BenchError::Setup(format!("device id {device_id}: {e}")))?;
        Ok(KoshDevice {
            conn: Connection::open(addr).await?,
            token,
            device_id,
            draft_id: DraftId::from(draft_id),
            clock,
            cursor: 0,
        })
    }

    /// How far this device has pulled.
    pub fn cursor(&self) -> u64 {
        self.cursor
    }

    /// `GET /v1/sync/wait` at this device's cursor, as this device: the cursor the server
    /// answers (past this one when another device pushed).
    pub async fn wait(&mut self) -> BenchResult<u64> {
        let path = format!(
            "/v1/sync/wait?cursor={}&device_id={}",
            self.cursor, self.device_id
        );
        let exchange = self
            .conn
            .request(Method::GET, &path, Some(&self.token), None)
            .await?;
        let answer: SyncWaitResponse = exchange.json("GET", "/v1/sync/wait", 200)?;
        Ok(answer.cursor)
    }

    /// One sync: push `answers`, pull everything new.
    pub async fn sync(&mut self, answers: &[Answer]) -> BenchResult<SyncCost> {
        let now = now_ms();
        let mut ops: Vec<Op> = answers
            .iter()
            .map(|answer| Op {
                op_id: OpId::from(uuid::Uuid::new_v4().to_string()),
                draft_id: self.draft_id.clone(),
                form_id: FormId::from(FORM_ID),
                field: answer.field.clone(),
                value: answer.value.clone(),
                hlc: self.clock.tick(now),
                form_version: Some(FORM_VERSION),
            })
            .collect();
        let mut unacked: HashSet<OpId> = ops.iter().map(|op| op.op_id.clone()).collect();
        let mut cost = SyncCost::default();
        loop {
            let request = SyncRequest {
                device_id: self.device_id.clone(),
                cursor: self.cursor,
                ops: std::mem::take(&mut ops),
            };
            let body = serde_json::to_vec(&request)
                .map_err(|e| BenchError::Setup(format!("encoding a sync request: {e}")))?;
            let exchange = self
                .conn
                .request(Method::POST, "/v1/sync", Some(&self.token), Some(body))
                .await?;
            cost.add(&exchange);
            let response: SyncResponse = exchange.json("POST", "/v1/sync", 200)?;
            for op_id in &response.acked {
                unacked.remove(op_id);
            }
            for change in &response.changes {
                self.clock.observe(&change.hlc, now);
            }
            cost.pulled += response.changes.len() as u64;
            self.cursor = response.cursor;
            if !response.more || cost.round_trips >= MAX_PAGES {
                break;
            }
        }
        if !unacked.is_empty() {
            return Err(BenchError::Protocol {
                path: "/v1/sync".into(),
                reason: format!("{} pushed ops were not acknowledged", unacked.len()),
            });
        }
        Ok(cost)
    }
}

/// Registers an applicant on a Kosh server and returns its access token.
pub async fn register(conn: &mut Connection, email: &str) -> BenchResult<String> {
    let body = json!({"email": email, "password": "kosh-bench-password"}).to_string();
    let exchange = conn
        .request(
            Method::POST,
            "/v1/auth/register",
            None,
            Some(body.into_bytes()),
        )
        .await?;
    if exchange.status != 201 {
        return Err(BenchError::Status {
            method: "POST",
            path: "/v1/auth/register".into(),
            status: exchange.status,
            body: String::from_utf8_lossy(&exchange.body)
                .chars()
                .take(300)
                .collect(),
        });
    }
    let tokens: TokenResponse =
        serde_json::from_slice(&exchange.body).map_err(|e| BenchError::Protocol {
            path: "/v1/auth/register".into(),
            reason: e.to_string(),
        })?;
    Ok(tokens.access_token)
}
