//! Settings: language, Kazakh letters (Cyrillic or Latin), text size, the account, sync now,
//! sign out, and on native builds the server's address.

use dioxus::prelude::*;
use kosh_locales::Lang;

use crate::components::{Button, ButtonKind, ButtonLink, Card, ChoiceButton, Icon, InlineError};
use crate::i18n::{Loading, args, lang_for, use_i18n, use_languages};
use crate::route::Route;
use crate::store::use_store;
use crate::store::vault::TextSize;
use crate::sync::{self, server_for, use_sync};
use crate::view::settings::{SettingsView, settings};
use crate::view::words::code_text;

/// The settings screen.
#[component]
pub fn Settings() -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let mut languages = use_languages();
    let sync_service = use_sync();
    let mut error = use_signal(|| None::<String>);
    let view = use_memo(move || settings(&tr.read(), vault.read().state()));
    let t = tr.read();
    let current = lang_for(&vault.read().state().prefs);
    let SettingsView {
        text_size: size,
        session_email,
        pending,
        last_sync,
    } = view();
    let state = *sync_service.state.read();
    let last_error = sync_service.last_error.read().clone();

    let mut save = move |change: Box<dyn FnOnce(&mut crate::store::vault::Prefs)>| {
        let result = vault.write().update(|s| {
            change(&mut s.prefs);
            Ok(())
        });
        error.set(result.err().map(|e| e.code().to_owned()));
    };

    rsx! {
        main { class: "page",
            h1 { Icon { name: "settings" } " " {t.t("ui-settings-title")} }
            if error.read().is_some() {
                InlineError { text: t.t("mobile-error-storage") }
            }
            Card { icon: "language", title: t.t("ui-settings-language"),
                div { class: "languages",
                    // Kazakh once, in the script chosen below.
                    for lang in Lang::ALL.into_iter().filter(|l| !l.is_kazakh() || *l == Lang::Kk) {
                        ChoiceButton {
                            key: "{lang.tag()}",
                            selected: current == lang || (lang == Lang::Kk && current.is_kazakh()),
                            pressed: true,
                            lang: lang.tag().to_owned(),
                            onclick: move |_| {
                                if !(lang == Lang::Kk && current.is_kazakh()) {
                                    save(Box::new(move |p| crate::i18n::choose(p, lang)));
                                }
                            },
                            {lang.native_name()}
                        }
                    }
                }
                // The screens stay in the language they were in until the chosen one's words
                // arrive; when they cannot, say so here, where the person chose it.
                if languages.loading() == Loading::Failed(current) {
                    InlineError { text: t.t("ui-language-unavailable") }
                    Button {
                        kind: ButtonKind::Secondary,
                        onclick: move |_| languages.retry(),
                        {t.t("ui-retry")}
                    }
                }
                if current.is_kazakh() {
                    h3 { {t.t("ui-settings-script")} }
                    div { class: "scripts",
                        for (script, key) in [
                            (Lang::Kk, "ui-language-script-cyrillic"),
                            (Lang::KkLatn, "ui-language-script-latin"),
                            (Lang::KkArab, "ui-language-script-arabic"),
                        ] {
                            ChoiceButton {
                                key: "{script.tag()}",
                                selected: current == script,
                                onclick: move |_| save(Box::new(move |p| crate::i18n::choose(p, script))),
                                {t.t(key)}
                            }
                        }
                    }
                }
            }
            Card { icon: "text", title: t.t("ui-settings-text-size"),
                div { class: "sizes",
                    for option in TextSize::ALL {
                        ChoiceButton {
                            key: "{option.id()}",
                            selected: option == size,
                            size: option.id(),
                            onclick: move |_| save(Box::new(move |p| p.text_size = option)),
                            {t.t(&format!("ui-settings-text-{}", option.id()))}
                        }
                    }
                }
            }
            Card { icon: "account", title: t.t("ui-settings-account"),
                if let Some(email) = session_email {
                    p { {t.t_args("ui-settings-signed-in", &args(&[("email", email.into())]))} }
                    Button {
                        kind: ButtonKind::Secondary,
                        onclick: move |_| {
                            spawn(async move {
                                let server = server_for(&vault.peek());
                                if let Ok(server) = server {
                                    let _ = sync::sign_out(&server, &vault).await;
                                } else {
                                    let _ = vault.write().sign_out();
                                }
                            });
                        },
                        {t.t("ui-settings-sign-out")}
                    }
                    p { class: "hint", {t.t("ui-settings-sign-out-confirm")} }
                } else {
                    p { {t.t("ui-settings-not-signed-in")} }
                    ButtonLink { kind: ButtonKind::Primary, to: Route::Account {}, {t.t("ui-settings-sign-in")} }
                }
            }
            Card { icon: "sync", title: t.t("ui-settings-sync"),
                p { class: "sync-line sync-{state.id()}", {t.t(state.label_key())} }
                if pending > 0 {
                    p { {t.t_args("ui-sync-pending", &args(&[("count", pending.into())]))} }
                }
                if let Some(time) = last_sync {
                    p { class: "quiet", {t.t_args("ui-sync-last", &args(&[("time", time.into())]))} }
                }
                if let Some(code) = last_error {
                    InlineError { text: code_text(&t, &code, "ui-sync-failed") }
                }
                Button {
                    kind: ButtonKind::Primary,
                    onclick: move |_| sync_service.now(),
                    {t.t("ui-settings-sync-now")}
                }
                ServerAddress {}
            }
            PhotoStorage {}
            p { class: "quiet center",
                {t.t_args("ui-settings-version", &args(&[("version", env!("CARGO_PKG_VERSION").into())]))}
            }
        }
    }
}

/// Whether the browser promised to keep the photos on this phone, said once there are photos
/// to lose: a browser that did not promise may clear them when the phone is short of space.
/// The native builds keep them as the app's own files, which no browser clears: nothing to say.
#[component]
fn PhotoStorage() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let v = vault.read();
    let s = v.state();
    let has_photos = !s.uploads.is_empty()
        || crate::store::uploads::shown(&s.draft.answers())
            .next()
            .is_some();
    if !cfg!(target_arch = "wasm32") || !has_photos {
        return rsx! {};
    }
    let (key, kept) = match s.photos_persisted {
        Some(true) => ("photos-storage-kept", true),
        Some(false) => ("photos-storage-refused", false),
        None => ("photos-storage-unknown", false),
    };
    let t = tr.read();
    rsx! {
        Card { icon: "camera", title: t.t("photos-storage-title"),
            p { class: if kept { "quiet" } else { "notice warn" }, id: "photo-storage", {t.t(key)} }
        }
    }
}

/// The server's address: only native builds have one to set (the web app talks to the server
/// that served it).
#[component]
fn ServerAddress() -> Element {
    // The hooks run in every build and on every render (the Rules of Hooks); the web build then
    // draws nothing.
    let mut vault = use_store();
    let tr = use_i18n();
    let saved = vault
        .read()
        .state()
        .prefs
        .server_url
        .clone()
        .unwrap_or_else(|| sync::DEFAULT_SERVER_URL.to_owned());
    let mut draft = use_signal(|| saved.clone());
    let mut bad = use_signal(|| false);
    if cfg!(target_arch = "wasm32") {
        return rsx! {};
    }
    let t = tr.read();
    rsx! {
        div { class: "field",
            label { class: "field-label", r#for: "server", {t.t("mobile-settings-server")} }
            input {
                id: "server",
                class: "input",
                r#type: "url",
                inputmode: "url",
                value: "{draft}",
                oninput: move |e| draft.set(e.value()),
            }
            if *bad.read() {
                InlineError { text: t.t("mobile-settings-server-bad") }
            }
            Button {
                kind: ButtonKind::Secondary,
                onclick: move |_| {
                    let url = draft.peek().trim().to_owned();
                    if crate::server::Server::new(&url).is_err() {
                        bad.set(true);
                        return;
                    }
                    bad.set(false);
                    let _ = vault.write().update(|s| {
                        s.prefs.server_url = Some(url);
                        Ok(())
                    });
                },
                {t.t("ui-save")}
            }
        }
    }
}
