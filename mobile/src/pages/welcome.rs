//! The first run: the language list (each language in its own name, so a person finds theirs
//! whatever the screen is in), then what Kosh does and the three ways on: start the
//! questionnaire without an account, create one, or log in.

use dioxus::prelude::*;
use kosh_locales::Lang;

use crate::components::{Button, ButtonKind, ChoiceButton, Icon};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::store::use_store;

/// The first-run screens, shown by Home until they are done.
#[component]
pub fn Welcome() -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let tr = tr.read();
    let chosen = vault.read().state().prefs.language.is_some();
    let mut error = use_signal(|| None::<String>);
    let nav = use_navigator();

    if !chosen {
        return rsx! {
            main { class: "page first-run",
                h1 { Icon { name: "language" } " " {tr.t("ui-language-title")} }
                p { class: "hint", {tr.t("ui-language-hint")} }
                div { class: "languages",
                    for lang in Lang::ALL {
                        ChoiceButton {
                            key: "{lang.tag()}",
                            selected: false,
                            big: true,
                            lang: lang.tag().to_owned(),
                            onclick: move |_| {
                                let result = vault.write().update(|s| {
                                    crate::i18n::choose(&mut s.prefs, lang);
                                    Ok(())
                                });
                                if let Err(e) = result {
                                    error.set(Some(e.code().to_owned()));
                                }
                            },
                            {lang.native_name()}
                        }
                    }
                }
                if error.read().is_some() {
                    p { class: "field-error", role: "alert", {tr.t("mobile-error-storage")} }
                }
            }
        };
    }

    let mut finish = move |to: Route| {
        let _ = vault.write().update(|s| {
            s.onboarded = true;
            Ok(())
        });
        nav.push(to);
    };
    rsx! {
        main { class: "page first-run",
            h1 { {tr.t("ui-welcome-title")} }
            p { {tr.t("ui-welcome-text")} }
            p { class: "notice quiet", Icon { name: "phone" } " " {tr.t("ui-welcome-offline")} }
            div { class: "stack",
                Button {
                    kind: ButtonKind::Primary,
                    onclick: move |_| finish(Route::Questionnaire { section: 0 }),
                    {tr.t("ui-welcome-start")}
                }
                Button {
                    kind: ButtonKind::Secondary,
                    onclick: move |_| finish(Route::Account {}),
                    {tr.t("ui-welcome-have-account")}
                }
                Button {
                    kind: ButtonKind::Link,
                    onclick: move |_| {
                        let _ = vault.write().update(|s| {
                            s.prefs.language = None;
                            Ok(())
                        });
                    },
                    Icon { name: "language" }
                    " "
                    {tr.t("ui-settings-language")}
                }
            }
        }
    }
}
