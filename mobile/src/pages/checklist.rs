//! The papers to bring, computed on the phone from the draft and the policy the catalog holds
//! (no connection needed): what is still missing first, then each person's papers with what,
//! why, the translation and age rules, where to hand it in, and a large tick. A tick is a draft
//! answer (`documents.<entry>`), saved at once and synced like every answer. The day of the
//! visit, kept on the phone, lets the screen warn of a paper that will be too old by then.
//! Photos of a paper: chosen from the camera or the gallery, shrunk and kept on the phone
//! (`photos`: by the page on the web, as files on the native builds), named in the tick and
//! queued for upload in one write.

use dioxus::prelude::*;
use kosh_shared::tick::{MAX_ATTACHMENTS, Tick};

use crate::catalog::use_catalog;
use crate::components::{ButtonKind, ButtonLink, Card, DateInput, Icon, InlineError};
use crate::i18n::use_i18n;
use crate::photos;
use crate::route::Route;
use crate::store::use_store;
use crate::sync::{now_ms, use_sync};
use crate::view::checklist::{ChecklistView, Freshness, ItemView, checklist_view, whole_date};
use crate::view::date::date_words;
use crate::view::photos::{PhotoView, keep_error, photo_views};
use crate::view::today;

/// The checklist screen.
#[component]
pub fn Checklist() -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let sync = use_sync();
    let catalog = use_catalog();
    let mut save_error = use_signal(|| false);
    let view = use_memo(move || {
        let c = catalog.read();
        let v = vault.read();
        let s = v.state();
        let form = c.catalog().form_of(&s.draft)?;
        let policy = c.catalog().policy(today())?;
        Some(checklist_view(
            &tr.read(),
            form,
            policy,
            &s.draft.answers(),
            today(),
            s.visit_on,
        ))
    });
    // On the web the page shows the photos the rows name (`photos::watch`), from IndexedDB.
    use_hook(|| {
        spawn(photos::watch());
    });
    let t = tr.read();
    let Some(ChecklistView {
        missing,
        count,
        groups,
        ..
    }) = view()
    else {
        return rsx! {
            main { class: "page checklist",
                InlineError { text: t.t("ui-form-version-missing") }
            }
        };
    };
    let visit_on = vault.read().state().visit_on;
    let words = date_words(&t);

    // A tick written as a draft answer: saved with its outbox entry in one write, then synced.
    let mut write_tick = move |field: String, tick: Tick| match vault.write().answer(
        &field,
        tick.to_value(),
        now_ms(),
    ) {
        Ok(_) => {
            save_error.set(false);
            sync.changed();
        }
        Err(_) => save_error.set(true),
    };
    let pending = vault.read().state().uploads.clone();
    let set_visit = move |answer: Option<String>| {
        // Only a whole date counts; the boxes keep a partial one as typed.
        let Some(day) = whole_date(answer.as_deref()) else {
            return;
        };
        let saved = vault.write().update(|s| {
            s.visit_on = day;
            Ok(())
        });
        save_error.set(saved.is_err());
    };

    rsx! {
        main { class: "page checklist",
            h1 { Icon { name: "check" } " " {t.t("checklist-title")} }
            p { class: if missing == 0 { "notice ok checklist-count" } else { "notice warn checklist-count" },
                role: "status",
                {count}
            }
            if *save_error.read() {
                InlineError { text: t.t("mobile-error-storage") }
            }
            p { class: "hint", {t.t("checklist-intro")} }
            p { class: "hint", {t.t("photos-intro")} }
            Card { icon: "calendar", title: t.t("checklist-visit-title"),
                DateInput {
                    id: "visit-on",
                    value: visit_on.map(|d| d.to_string()).unwrap_or_default(),
                    words: words.clone(),
                    on_change: set_visit,
                }
                p { class: "hint", {t.t("checklist-visit-hint")} }
            }
            for group in groups {
                section { key: "{group.holder.id()}", class: "card checklist-group",
                    "data-holder": "{group.holder.id()}",
                    h2 { class: "card-title", {group.title.clone()} }
                    ul { class: "papers",
                        for item in group.items {
                            PaperRow {
                                key: "{item.id}",
                                photos: photo_views(&t, &item.title, &item.tick.attachments, &pending),
                                item: item.clone(),
                                words: words.clone(),
                                issued_label: t.t("checklist-issued-on"),
                                on_tick: move |(field, tick): (String, Tick)| write_tick(field, tick),
                            }
                        }
                    }
                }
            }
            ButtonLink { kind: ButtonKind::Secondary, to: Route::Summary {}, Icon { name: "form" } " " {t.t("summary-open")} }
        }
    }
}

/// One paper: its tick, what it is and the rules it keeps, its issue date when it has an age
/// limit, and its photos.
#[component]
fn PaperRow(
    item: ItemView,
    photos: Vec<PhotoView>,
    words: crate::view::date::DateWords,
    issued_label: String,
    on_tick: EventHandler<(String, Tick)>,
) -> Element {
    let id = item.id.replace('.', "-");
    let warn = matches!(item.freshness, Freshness::TooOld | Freshness::TooOldByVisit);
    let toggle = {
        let item = item.clone();
        move |_| on_tick.call((item.field.clone(), item.ticked(!item.done)))
    };
    let set_issued = {
        let item = item.clone();
        move |answer: Option<String>| {
            let Some(day) = whole_date(answer.as_deref()) else {
                return;
            };
            on_tick.call((item.field.clone(), item.issued(day)));
        }
    };
    rsx! {
        li { class: if item.done { "paper done" } else { "paper" }, "data-entry": "{item.id}",
            label { class: "tick",
                input {
                    r#type: "checkbox",
                    id: "tick-{id}",
                    checked: item.done,
                    onchange: toggle,
                }
                span { class: "tick-box", "aria-hidden": "true" }
                span { class: "paper-title",
                    strong { {item.title.clone()} }
                }
            }
            div { class: "paper-facts",
                p { class: "quiet", {item.path.clone()} }
                if let Some(text) = &item.translation {
                    p { Icon { name: "language" } " " {text.clone()} }
                }
                if let Some(text) = &item.max_age {
                    p { Icon { name: "clock" } " " {text.clone()} }
                }
                if let Some(text) = &item.valid_for {
                    p { Icon { name: "clock" } " " {text.clone()} }
                }
                p { class: "quiet", {item.place.clone()} }
                if let Some(text) = &item.uncertain {
                    p { class: "quiet", Icon { name: "warning" } " " {text.clone()} }
                }
                if item.asks_issue_date {
                    div { class: "issued",
                        span { class: "date-label", {issued_label} }
                        DateInput {
                            id: "issued-{id}",
                            value: item.tick.issued_on.map(|d| d.to_string()).unwrap_or_default(),
                            words,
                            on_change: set_issued,
                        }
                    }
                }
                if let Some(text) = &item.date_note {
                    p { class: if warn { "notice warn" } else { "quiet" }, role: if warn { "alert" } else { "status" },
                        if warn { Icon { name: "warning" } " " }
                        {text.clone()}
                    }
                }
                PaperPhotos { entry: item.id.clone(), field: item.field.clone(), photos }
            }
        }
    }
}

/// A paper's photos: a small picture of each with where it stands and a way to remove it, and
/// the button that opens the camera or the gallery (a file input for images with no `capture`,
/// which on Android would allow the camera only). A photo chosen is shrunk and kept on the phone
/// (`photos::keep`: the web's page module reads the input by its id, a native build is handed
/// the file in the event), then named in the tick and queued for upload in one write.
#[component]
fn PaperPhotos(entry: String, field: String, photos: Vec<PhotoView>) -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let sync = use_sync();
    let mut keeping = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let t = tr.read();
    let input = format!("photo-{}", entry.replace('.', "-"));
    let room = photos.len() < MAX_ATTACHMENTS;
    let add = {
        let (field, input) = (field.clone(), input.clone());
        move |event: FormEvent| {
            let (field, chosen) = (field.clone(), photos::Chosen::new(&input, &event));
            keeping.set(true);
            error.set(None);
            spawn(async move {
                let kept = photos::keep(chosen).await;
                keeping.set(false);
                let saved = match kept {
                    Ok(kept) => vault.write().attach_photo(&field, &kept, now_ms()),
                    Err(code) => {
                        error.set(keep_error(&tr.peek(), &code));
                        return;
                    }
                };
                match saved {
                    Ok(()) => sync.changed(),
                    Err(_) => error.set(Some(tr.peek().t("mobile-error-storage"))),
                }
            });
        }
    };
    rsx! {
        if !photos.is_empty() {
            ul { class: "photos",
                for photo in photos {
                    li { key: "{photo.sha256}", class: if photo.refused { "photo refused" } else { "photo" },
                        "data-photo": "{photo.sha256}",
                        KeptPicture { sha256: photo.sha256.clone(), alt: photo.alt.clone() }
                        div { class: "photo-facts",
                            p { class: if photo.refused { "field-error" } else { "quiet" },
                                role: if photo.refused { "alert" } else { "status" },
                                {photo.note.clone()}
                            }
                            button {
                                r#type: "button",
                                class: "button link photo-remove",
                                "aria-label": "{photo.remove_label}",
                                onclick: {
                                    let field = field.clone();
                                    let sha256 = photo.sha256.clone();
                                    move |_| match vault.write().detach_photo(&field, &sha256, now_ms()) {
                                        Ok(unused) => {
                                            sync.changed();
                                            let sha256 = sha256.clone();
                                            if unused {
                                                spawn(async move { photos::forget(&sha256).await });
                                            }
                                        }
                                        Err(_) => error.set(Some(tr.peek().t("mobile-error-storage"))),
                                    }
                                },
                                {t.t("photos-remove")}
                            }
                        }
                    }
                }
            }
        }
        if room {
            label { class: "button secondary photo-add", r#for: "{input}",
                Icon { name: "camera" } " " {t.t("photos-add")}
                input {
                    id: "{input}",
                    r#type: "file",
                    accept: "image/*",
                    disabled: *keeping.read(),
                    onchange: add,
                }
            }
        }
        if *keeping.read() {
            p { class: "quiet", role: "status", {t.t("photos-keeping")} }
        }
        if let Some(words) = error.read().as_ref() {
            p { class: "field-error", role: "alert", {words.clone()} }
        }
    }
}

/// The small picture of one kept photo. On the web it has no `src`: the page fills it in from
/// the phone's own store (`photos::watch`). On the native builds it is drawn with the file as a
/// `data:` URL, read once per photo rather than on every render; a photo this phone does not
/// have (sent from another phone) is marked `data-gone` for the stylesheet, as the page does.
#[component]
fn KeptPicture(sha256: String, alt: String) -> Element {
    let src = use_memo(use_reactive!(|sha256| photos::picture(&sha256)));
    let gone = !cfg!(target_arch = "wasm32") && src.read().is_none();
    rsx! {
        img {
            "data-kept": "{sha256}",
            "data-gone": if gone { Some("") } else { None },
            src: src(),
            alt: "{alt}",
            width: "64",
            height: "64",
        }
    }
}
