//! `kosh-bench serve-kosh`: Kosh's server run from its library, as `kosh-backend serve` runs it
//! (same settings from `KOSH_*`, same router, same store and group commit), without its log
//! output. The smoke run uses it so that it always measures the current source even when no
//! fresh `kosh-backend` binary has been built; the real benchmark runs the release binary.

use kosh_backend::{AppState, Settings, serve as serve_app};
use tokio::net::TcpListener;

use crate::error::{BenchError, BenchResult};

/// Serves Kosh until the process is killed; prints `listening on http://<address>`.
pub async fn serve() -> BenchResult<()> {
    let settings = Settings::from_env().map_err(|e| BenchError::Setup(e.to_string()))?;
    let listener = TcpListener::bind(settings.addr)
        .await
        .map_err(|e| BenchError::io(format!("binding {}", settings.addr), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| BenchError::io("reading the bound address", e))?;
    let state = AppState::open(settings)
        .await
        .map_err(|e| BenchError::Setup(e.to_string()))?;
    println!("listening on http://{addr}");
    serve_app(listener, state, std::future::pending())
        .await
        .map_err(|e| BenchError::io("serving", e))
}
