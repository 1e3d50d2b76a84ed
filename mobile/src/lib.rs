//! Kosh, the app. The library holds everything: the local store (`store`), the rules it holds
//! (`catalog`), the server client (`server`), the sync engine (`sync`), words (`i18n`), view
//! models (`view`), and the Dioxus screens (`app`, `route`, `pages`, `components`). `main.rs` only calls [`launch`], so the
//! end-to-end tests drive the same store and sync code without a screen.
#![forbid(unsafe_code)]

pub mod app;
pub mod catalog;
pub mod components;
pub mod download;
pub mod error;
#[cfg(target_arch = "wasm32")]
mod fetch;
pub mod i18n;
pub mod pages;
pub mod photos;
pub mod route;
pub mod server;
pub mod store;
pub mod summary_pdf;
pub mod sync;
pub mod view;

pub use error::{AppError, AppResult};

/// Start the app on the platform the build's feature chose (web, desktop or mobile).
pub fn launch() {
    #[cfg(feature = "desktop")]
    {
        // A phone-sized window, so the desktop build shows what a phone shows.
        use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
        let window = WindowBuilder::new()
            .with_title("Kosh")
            .with_inner_size(LogicalSize::new(390.0, 844.0));
        dioxus::LaunchBuilder::desktop()
            .with_cfg(Config::new().with_window(window))
            .launch(app::App);
    }
    #[cfg(not(feature = "desktop"))]
    dioxus::launch(app::App);
}
