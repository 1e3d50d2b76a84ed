//! The catalog as the screens share it: opened once at the root from the local store and
//! provided as a signal, and refreshed by a task of its own when the app starts and after every
//! sync round that reached the server. It watches the sync state rather than living inside the
//! sync round, so the sync code stays as it is and a failed refresh never fails a sync.

use std::cell::Cell;
use std::rc::Rc;

use dioxus::prelude::*;
use futures_util::StreamExt;

use super::{CatalogCell, CatalogStore, refresh};
use crate::store::LocalStore;
use crate::store::vault::Vault;
use crate::sync::{SyncService, SyncState, server_for};
use crate::view::today;

/// The catalog the root provides, and the way to ask for a refresh.
#[derive(Clone, Copy)]
pub struct CatalogService {
    pub catalog: Signal<CatalogStore>,
    kick: Option<Coroutine<()>>,
}

impl CatalogService {
    /// Ask for a refresh now.
    pub fn refresh(&self) {
        if let Some(kick) = self.kick {
            kick.send(());
        }
    }
}

impl CatalogCell for Signal<CatalogStore> {
    fn with<R>(&self, f: impl FnOnce(&CatalogStore) -> R) -> R {
        f(&self.read())
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut CatalogStore) -> R) -> R {
        let mut signal = *self;
        let mut catalog = signal.write();
        f(&mut catalog)
    }
}

/// Open the catalog, provide it, and (when `enabled`) refresh it at start and after each sync
/// round. Every hook runs on every render, `enabled` or not (the Rules of Hooks).
pub fn init(
    store: Rc<dyn LocalStore>,
    vault: Signal<Vault>,
    sync: SyncService,
    enabled: bool,
) -> CatalogService {
    let catalog = use_signal(move || CatalogStore::open(store, &crate::sync::now_ms().to_string()));
    let coroutine = use_coroutine(move |mut rx: UnboundedReceiver<()>| async move {
        if !enabled {
            return;
        }
        loop {
            run(vault, catalog).await;
            if rx.next().await.is_none() {
                return;
            }
            // Kicks that queued while this refresh ran are covered by the next one.
            while rx.try_recv().is_ok() {}
        }
    });
    let kick = enabled.then_some(coroutine);
    // A round has ended when the header leaves "syncing" for anything but "offline".
    let last = use_hook(|| Rc::new(Cell::new(SyncState::SavedLocally)));
    use_effect(move || {
        let now = *sync.state.read();
        let before = last.replace(now);
        if before == SyncState::Syncing
            && !matches!(now, SyncState::Syncing | SyncState::Offline)
            && let Some(kick) = kick
        {
            kick.send(());
        }
    });
    use_context_provider(|| CatalogService { catalog, kick })
}

/// One refresh against the configured server; failures wait for the next sync.
async fn run(vault: Signal<Vault>, catalog: Signal<CatalogStore>) {
    // Bound first: a guard held across the await below would block saving.
    let (server, wanted) = {
        let v = vault.peek();
        let draft = &v.state().draft;
        (
            server_for(&v),
            Some((draft.form_id.clone(), draft.form_version)),
        )
    };
    let Ok(server) = server else { return };
    let _ = refresh(&server, &catalog, wanted, today()).await;
    // A draft with nothing in it starts on the newest version in use: there is nothing to move.
    let newer = {
        let c = catalog.peek();
        let v = vault.peek();
        c.catalog()
            .newer_form(&v.state().draft, today())
            .filter(|_| v.state().draft.cells().is_empty())
            .map(|f| f.version())
    };
    if let Some(version) = newer {
        let mut vault = vault;
        let _ = vault.write().start_on_version(version);
    }
}

/// The catalog the root provides.
pub fn use_catalog() -> Signal<CatalogStore> {
    use_context::<CatalogService>().catalog
}
