//! An address the app does not have: say so plainly and offer the way home.

use dioxus::prelude::*;

use crate::components::{ButtonKind, ButtonLink};
use crate::i18n::use_i18n;
use crate::route::Route;

/// The screen for unknown addresses.
#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    let tr = use_i18n();
    let t = tr.read();
    let _ = segments;
    rsx! {
        main { class: "page",
            h1 { {t.t("mobile-not-found-title")} }
            ButtonLink { kind: ButtonKind::Primary, to: Route::Home {}, {t.t("ui-nav-home")} }
        }
    }
}
