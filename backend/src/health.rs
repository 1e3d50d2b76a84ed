//! `GET /healthz`: the server is up and which version it runs.

use kosh_shared::api::Health;

use crate::error::Json;

/// `GET /healthz` → `{"status": "ok", "version": …}`.
pub async fn check() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    })
}
