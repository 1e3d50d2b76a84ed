//! Create an account or log in. Never required first: the questionnaire works without one, and
//! what was typed before goes to the account at the next sync. No SMS anywhere (DOMAIN.md).

use dioxus::prelude::*;

use crate::components::{Button, ButtonKind, ButtonLink, Icon, InlineError};
use crate::i18n::{error_text, use_i18n};
use crate::route::Route;
use crate::store::use_store;
use crate::sync::{self, server_for, use_sync};

/// The account screen.
#[component]
pub fn Account() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let sync_service = use_sync();
    let nav = use_navigator();
    // Log in first: people reach this screen from "I already have an account" or "sign in or
    // create"; one tap below switches to creating an account.
    let mut creating = use_signal(|| false);
    let mut email = use_signal(String::new);
    let mut password = use_signal(String::new);
    let mut show_password = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);

    let signed_in = vault
        .read()
        .state()
        .session
        .as_ref()
        .map(|s| s.email.clone());
    let t = tr.read();
    if let Some(who) = signed_in {
        return rsx! {
            main { class: "page",
                h1 { Icon { name: "account" } " " {t.t("ui-settings-account")} }
                p { {t.t_args("ui-settings-signed-in", &crate::i18n::args(&[("email", who.into())]))} }
                ButtonLink { kind: ButtonKind::Primary, to: Route::Home {}, {t.t("ui-nav-home")} }
            }
        };
    }

    let is_create = *creating.read();
    let mut submit = move |_: ()| {
        if *busy.peek() {
            return;
        }
        busy.set(true);
        error.set(None);
        let (mail, pass) = (email.peek().trim().to_owned(), password.peek().clone());
        spawn(async move {
            // Bound first: a guard held across the await below would block saving.
            let server = server_for(&vault.peek());
            let result = match server {
                Ok(server) => sync::sign_in(&server, &vault, &mail, &pass, is_create).await,
                Err(e) => Err(e),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    sync_service.now();
                    nav.push(Route::Home {});
                }
                Err(e) => error.set(Some(error_text(&tr.peek(), &e))),
            }
        });
    };

    rsx! {
        main { class: "page",
            h1 {
                Icon { name: "account" }
                " "
                if is_create { {t.t("ui-auth-register-title")} } else { {t.t("ui-auth-login-title")} }
            }
            if is_create {
                p { {t.t("ui-auth-register-text")} }
            }
            p { class: "notice quiet", {t.t("ui-auth-no-sms")} }
            form {
                class: "stack",
                onsubmit: move |e| {
                    e.prevent_default();
                    submit(());
                },
                div { class: "field",
                    label { class: "field-label", r#for: "email", {t.t("ui-auth-email")} }
                    input {
                        id: "email",
                        class: "input",
                        r#type: "email",
                        inputmode: "email",
                        autocomplete: "email",
                        placeholder: t.t("ui-auth-email-hint"),
                        value: "{email}",
                        oninput: move |e| email.set(e.value()),
                    }
                }
                div { class: "field",
                    label { class: "field-label", r#for: "password", {t.t("ui-auth-password")} }
                    input {
                        id: "password",
                        class: "input",
                        r#type: if *show_password.read() { "text" } else { "password" },
                        autocomplete: if is_create { "new-password" } else { "current-password" },
                        value: "{password}",
                        oninput: move |e| password.set(e.value()),
                    }
                    p { class: "hint", {t.t("ui-auth-password-hint")} }
                    Button {
                        kind: ButtonKind::Link,
                        onclick: move |_| show_password.toggle(),
                        if *show_password.read() { {t.t("ui-auth-password-hide")} } else { {t.t("ui-auth-password-show")} }
                    }
                }
                if let Some(text) = error.read().clone() {
                    InlineError { text }
                }
                Button {
                    kind: ButtonKind::Primary,
                    submit: true,
                    disabled: *busy.read(),
                    if *busy.read() {
                        {t.t("ui-auth-working")}
                    } else if is_create {
                        {t.t("ui-auth-register-button")}
                    } else {
                        {t.t("ui-auth-login-button")}
                    }
                }
            }
            div { class: "stack",
                Button {
                    kind: ButtonKind::Link,
                    onclick: move |_| {
                        creating.toggle();
                        error.set(None);
                    },
                    if is_create { {t.t("ui-auth-to-login")} } else { {t.t("ui-auth-to-register")} }
                }
                ButtonLink { kind: ButtonKind::Secondary, to: Route::Questionnaire { section: 0 }, {t.t("ui-auth-later")} }
            }
        }
    }
}
