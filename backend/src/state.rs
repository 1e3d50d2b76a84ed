//! What every handler shares: the settings, the store, the token keys,
//! the password hasher, the login limiter, the reference data and the live-sync waiters.

use std::sync::Arc;

use tokio::sync::mpsc;

use crate::attachments::{Attachments, BlobStore, FileBlobStore, PgBlobStore};
use crate::auth::{Passwords, TokenKeys, load_or_create_secret};
use crate::error::{ApiError, ApiResult, STORAGE_FULL_RETRY};
use crate::live::{LocalHub, Wakeups};
use crate::rate_limit::{LoginLimiter, Throttle};
use crate::reference::Reference;
use crate::settings::Settings;
use crate::shared_limits::SharedLimiter;
use crate::store::postgres::Notice;
use crate::store::{Embedded, Postgres, Store, StoreError};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("JWT secret: {0}")]
    Secret(std::io::Error),
    #[error("{0}")]
    Config(String),
}

/// The handlers' shared state. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    /// Every write through it is durable when the call returns (see [`Store`]).
    pub store: Arc<dyn Store>,
    pub keys: Arc<TokenKeys>,
    pub passwords: Arc<Passwords>,
    pub limiter: Arc<dyn Throttle>,
    pub reference: Arc<Reference>,
    /// The phones waiting in `GET /v1/sync/wait`, woken by durable pushes.
    pub live: Arc<dyn Wakeups>,
    /// Photos of documents: their blob store (files under the data directory) and quota.
    pub attachments: Arc<Attachments>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// Opens the store (PostgreSQL at `settings.database_url` if set, else sled in
    /// `settings.data_dir`) and everything else.
    pub async fn open(settings: Settings) -> Result<AppState, StartError> {
        let Some(url) = settings.database_url.clone() else {
            let store: Arc<dyn Store> = Arc::new(Embedded::open(
                &settings.data_dir,
                settings.disk_reserve_bytes,
            )?);
            return AppState::with_store(settings, store).await;
        };
        if settings.jwt_secret.is_none() {
            return Err(StartError::Config(
                "KOSH_DATABASE_URL is set but KOSH_JWT_SECRET is not: every server process on \
                 one database must sign with the same secret, so give each the same \
                 KOSH_JWT_SECRET (a generated one would differ from machine to machine)"
                    .into(),
            ));
        }
        let postgres = Arc::new(Postgres::connect(&url).await?);
        // Listening before the reference data is read, so nothing published meanwhile is missed.
        let notices = postgres.listen().await?;
        let blobs = PgBlobStore::new(postgres.pool(), tokio::runtime::Handle::current());
        let limiter = SharedLimiter::new(postgres.pool(), settings.login_limits);
        let state =
            AppState::assemble(settings, postgres, Arc::new(blobs), Arc::new(limiter)).await?;
        tokio::spawn(follow_other_processes(state.clone(), notices));
        Ok(state)
    }

    /// The state around an already opened store, with attachments in files under the data
    /// directory.
    pub async fn with_store(
        settings: Settings,
        store: Arc<dyn Store>,
    ) -> Result<AppState, StartError> {
        let blobs = FileBlobStore::open(settings.data_dir.join("attachments"))?;
        let limiter = LoginLimiter::new(settings.login_limits);
        AppState::assemble(settings, store, Arc::new(blobs), Arc::new(limiter)).await
    }

    /// The state around an opened store, blob store and login throttle.
    async fn assemble(
        settings: Settings,
        store: Arc<dyn Store>,
        blobs: Arc<dyn BlobStore>,
        limiter: Arc<dyn Throttle>,
    ) -> Result<AppState, StartError> {
        let secret = load_or_create_secret(settings.jwt_secret.as_deref(), &settings.data_dir)
            .map_err(StartError::Secret)?;
        let keys = TokenKeys::new(&secret, settings.access_token_ttl);
        let passwords = Passwords::new(settings.password_cost).map_err(StartError::Config)?;
        let reference = Reference::open(store.as_ref())
            .await
            .map_err(StartError::Config)?;
        let attachments = Attachments::new(blobs, settings.attachment_quota_bytes);
        Ok(AppState {
            store,
            keys: Arc::new(keys),
            passwords: Arc::new(passwords),
            limiter,
            reference: Arc::new(reference),
            live: Arc::new(LocalHub::new()),
            attachments: Arc::new(attachments),
            settings: Arc::new(settings),
        })
    }

    /// Refuses a write, before anything is written, while the data directory's disk has less
    /// free room than `disk_reserve_bytes`: a 503 `storage_full` the app retries later, instead
    /// of a write that fails halfway. Reads never ask.
    pub fn writable(&self) -> ApiResult<()> {
        match crate::store::free_bytes(&self.settings.data_dir) {
            Some(free) if free < self.settings.disk_reserve_bytes => {
                tracing::warn!(
                    free,
                    reserve = self.settings.disk_reserve_bytes,
                    "disk nearly full: refusing a write"
                );
                Err(ApiError::StorageFull {
                    retry_after: STORAGE_FULL_RETRY,
                })
            }
            _ => Ok(()),
        }
    }
}

/// Hands what other server processes did on the shared database to this one: their pushes to
/// this process's waiters, their publications to its reference data. Ends with the store.
async fn follow_other_processes(state: AppState, mut notices: mpsc::UnboundedReceiver<Notice>) {
    while let Some(notice) = notices.recv().await {
        match notice {
            // This process's own pushes come back too: a waiter woken twice answers once.
            Notice::Pushed(user, pushed) => state.live.publish(&user, pushed),
            Notice::Reference | Notice::Reconnected => {
                match state.reference.reload(state.store.as_ref()).await {
                    // Tests of a publication through another process read this line.
                    Ok(()) => tracing::info!("read the published policies and forms again"),
                    Err(err) => tracing::warn!(%err, "reading the published reference data again"),
                }
            }
        }
    }
}
