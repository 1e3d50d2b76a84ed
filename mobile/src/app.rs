//! The root of the app: opens the local store, provides the services (`store`, `i18n`, `sync`,
//! `catalog`) as contexts, embeds the stylesheet, and lays out every screen inside the `Shell` (header with
//! the sync state, bottom navigation).

use std::rc::Rc;

use dioxus::prelude::*;

use crate::catalog;
use crate::components::{ButtonKind, Icon};
use crate::i18n::{self, use_i18n};
use crate::pages::RulesNotices;
use crate::route::Route;
use crate::store::{self, LocalStore, use_store};
use crate::sync::{self, use_sync};

/// The stylesheet, embedded so every platform gets it without `dx` copying assets: the sheet
/// of `assets/kosh.css` without its comments and indentation (build.rs).
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/kosh.css"));

/// How the root starts: which store to open, where to begin, whether to run the sync task.
#[derive(Clone)]
pub struct Boot {
    pub store: Rc<dyn LocalStore>,
    /// Start at this address (tests render one screen); `None` lets the platform decide.
    pub initial_route: Option<String>,
    /// Run the background sync task (off for screens rendered in tests).
    pub sync: bool,
}

impl PartialEq for Boot {
    fn eq(&self, other: &Boot) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
            && self.initial_route == other.initial_route
            && self.sync == other.sync
    }
}

impl Boot {
    /// The platform's own store: `localStorage` on the web, files in the data directory
    /// elsewhere; memory if neither is available (the app then says nothing is kept).
    pub fn platform() -> Boot {
        Boot {
            store: store::platform_store(),
            initial_route: None,
            sync: true,
        }
    }
}

/// What `dioxus::launch` starts.
#[allow(non_snake_case)]
pub fn App() -> Element {
    // Opened once: a new store on every render would make the root see new props each time.
    let boot = use_hook(Boot::platform);
    rsx! {
        Root { boot }
    }
}

/// The root with an explicit start: tests and previews use this directly.
#[component]
pub fn Root(boot: Boot) -> Element {
    // Called on every render, with or without a start route (the Rules of Hooks).
    let initial_route = boot.initial_route.clone();
    use_hook(move || {
        if let Some(path) = initial_route {
            dioxus::history::provide_history_context(Rc::new(
                dioxus::history::MemoryHistory::with_initial_path(path),
            ));
        }
    });
    let vault = store::init(boot.store.clone());
    let tr = i18n::init(vault, boot.store.clone());
    let sync = sync::init(vault, boot.sync);
    catalog::init(boot.store.clone(), vault, sync, boot.sync);
    // On the web, until the person's language has arrived there are no words to draw with:
    // nothing is drawn, and the page's own first screen (which has its words) stays.
    if !i18n::use_languages().ready() {
        return rsx! {};
    }
    let size = vault.read().state().prefs.text_size;
    let lang = tr.read().lang();
    // Arabic-script Kazakh reads right to left: the stylesheet uses logical properties only,
    // so `dir` is all the layout needs.
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    let lang = lang.tag();
    // The text size scales the root font size as a percentage of the phone's own, so every rem
    // in the stylesheet grows with it and the system setting still counts.
    let root_size = match size {
        store::vault::TextSize::Normal => 100,
        store::vault::TextSize::Large => 115,
        store::vault::TextSize::Largest => 130,
    };
    let size = size.id();
    rsx! {
        style { {CSS} }
        style { "html {{ font-size: {root_size}%; }}" }
        div { class: "kosh text-{size}", lang: "{lang}", dir: "{dir}",
            ErrorBoundary {
                handle_error: move |_errors: ErrorContext| rsx! { Broken {} },
                Router::<Route> {}
            }
        }
    }
}

/// What a person sees if a screen fails to draw: plain words and a way back, never a stack trace.
#[component]
fn Broken() -> Element {
    let tr = use_i18n();
    let tr = tr.read();
    rsx! {
        main { class: "page",
            h1 { {tr.t("ui-error-title")} }
            p { {tr.t("ui-error-try-again")} }
            a { class: ButtonKind::Plain.class(), href: "/", {tr.t("ui-nav-home")} }
        }
    }
}

/// The frame around every screen: the header with the sync state and the bottom navigation.
#[component]
pub fn Shell() -> Element {
    let tr = use_i18n();
    let tr = tr.read();
    let vault = use_store();
    let sync = use_sync();
    let state = *sync.state.read();
    let v = vault.read();
    let s = v.state();
    let pending = s.sync.outbox.len();
    let onboarded = s.onboarded;
    let recovered = v.recovery().is_some();
    let volatile = store::is_volatile(&v);
    rsx! {
        header { class: "top",
            span { class: "brand", {tr.t("ui-app-name")} }
            span { class: "sync sync-{state.id()}", role: "status",
                Icon { name: sync_icon(state) }
                span { {tr.t(state.label_key())} }
            }
        }
        if recovered {
            p { class: "notice warn", role: "alert", {tr.t("error-storage-damaged")} }
        }
        if volatile {
            p { class: "notice warn", role: "alert", {tr.t("mobile-error-storage")} }
        }
        RulesNotices {}
        if pending > 0 && state != sync::SyncState::Syncing && s.session.is_some() {
            p { class: "notice quiet",
                {tr.t_args("ui-sync-pending", &i18n::args(&[("count", (pending as u64).into())]))}
            }
        }
        div { class: "content", Outlet::<Route> {} }
        if onboarded {
            nav { class: "tabs",
                NavTab { to: Route::Home {}, icon: "home", label: tr.t("ui-nav-home") }
                NavTab { to: Route::Questionnaire { section: 0 }, icon: "form", label: tr.t("ui-nav-form") }
                NavTab { to: Route::Status {}, icon: "status", label: tr.t("ui-nav-status") }
                NavTab { to: Route::Kandas {}, icon: "contract", label: tr.t("ui-nav-contract") }
                NavTab { to: Route::Settings {}, icon: "settings", label: tr.t("ui-nav-settings") }
            }
        }
    }
}

fn sync_icon(state: sync::SyncState) -> &'static str {
    match state {
        sync::SyncState::SavedLocally => "phone",
        sync::SyncState::Syncing => "sync",
        sync::SyncState::Synced => "cloud",
        sync::SyncState::Offline => "offline",
    }
}

/// One entry of the bottom navigation.
#[component]
fn NavTab(to: Route, icon: &'static str, label: String) -> Element {
    rsx! {
        Link { class: "tab", active_class: "active", to,
            Icon { name: icon }
            span { class: "tab-label", {label} }
        }
    }
}
