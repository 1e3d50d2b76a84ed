//! The summary to carry: the answers, the papers and the self-check, in Kazakh and then in
//! Russian (`view::summary`), laid out to print on A4 (the `@media print` rules in `kosh.css`)
//! and printed with the browser's own print window, which also saves it as a PDF with the
//! bundled font embedded; that works offline. To share it from a phone as a PDF file (a
//! messenger, e-mail, a print shop) the page sends the same words to the server, which sets
//! them with the same font (`summary_pdf`): a PDF writer and a font subsetter in the wasm would
//! weigh on every first visit over 3G.

use dioxus::prelude::*;

use crate::catalog::use_catalog;
use crate::components::{Button, ButtonKind, Icon, InlineError};
use crate::i18n::{use_i18n, use_words_of};
use crate::store::use_store;
use crate::summary_pdf::{self, Outcome};
use crate::sync::server_for;
use crate::view::summary::{SUMMARY_LANGS, SummaryPart, summary};
use crate::view::today;

/// The print view.
#[component]
pub fn Summary() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let catalog = use_catalog();
    // Kazakh and Russian whatever the app's language: on the web, fetched when not here yet.
    let words = use_words_of(&SUMMARY_LANGS);
    let mut sharing = use_signal(|| false);
    // What became of the last file asked for: the words, and whether they say what went wrong.
    let mut shared = use_signal(|| None::<(String, bool)>);
    let t = tr.read();
    match words {
        Some(true) => {}
        Some(false) => {
            return rsx! {
                main { class: "page summary",
                    InlineError { text: t.t("ui-language-unavailable") }
                }
            };
        }
        None => {
            return rsx! {
                main { class: "page summary", aria_busy: "true",
                    p { role: "status", {t.t("ui-loading")} }
                }
            };
        }
    }
    let parts = {
        let c = catalog.read();
        let v = vault.read();
        let s = v.state();
        c.catalog()
            .form_of(&s.draft)
            .zip(c.catalog().policy(today()))
            .map(|(form, policy)| summary(form, policy, &s.draft.answers(), today(), s.visit_on))
    };
    let Some(parts) = parts else {
        return rsx! {
            main { class: "page summary",
                InlineError { text: t.t("ui-form-version-missing") }
            }
        };
    };
    rsx! {
        main { class: "page summary",
            div { class: "no-print summary-actions",
                h1 { Icon { name: "form" } " " {t.t("summary-open")} }
                Button {
                    kind: ButtonKind::Primary,
                    onclick: move |_| {
                        // The browser's print window: print, or "save as PDF" on a phone.
                        let _printing = document::eval("window.print()");
                    },
                    {t.t("summary-print")}
                }
                p { class: "hint", {t.t("summary-print-hint")} }
                Button {
                    kind: ButtonKind::Secondary,
                    disabled: *sharing.read(),
                    onclick: {
                        let parts = parts.clone();
                        move |_| {
                        let parts = parts.clone();
                        sharing.set(true);
                        shared.set(None);
                        spawn(async move {
                            let title = tr.peek().t("summary-title");
                            let server = server_for(&vault.peek());
                            let made = match server {
                                Ok(server) => summary_pdf::share(&server, &vault, &title, &parts).await,
                                Err(e) => Err(e),
                            };
                            sharing.set(false);
                            let t = tr.peek();
                            shared.set(match made {
                                Ok(Outcome::Saved) => Some((t.t("summary-share-saved"), false)),
                                Ok(Outcome::Shared | Outcome::Cancelled) => None,
                                Err(e) => Some((t.t(summary_pdf::error_key(&e)), true)),
                            });
                        });
                        }
                    },
                    Icon { name: "share" }
                    " "
                    {t.t(if *sharing.read() { "summary-share-working" } else { "summary-share" })}
                }
                p { class: "hint", {t.t("summary-share-hint")} }
                if let Some((text, failed)) = shared.read().clone() {
                    if failed {
                        InlineError { text }
                    } else {
                        p { class: "notice", role: "status", {text} }
                    }
                }
            }
            div { class: "summary-sheet",
                for part in parts {
                    Part { key: "{part.lang}", part }
                }
            }
        }
    }
}

/// The summary in one language.
#[component]
fn Part(part: SummaryPart) -> Element {
    let score = &part.score;
    rsx! {
        article { class: "summary-part", lang: "{part.lang}", dir: "ltr",
            header { class: "summary-head",
                h2 { {part.title.clone()} }
                p { {part.form_title.clone()} }
                p { class: "quiet", {part.made_on.clone()} }
            }
            // No heading over nothing: an empty draft prints only its papers and self-check.
            if !part.sections.is_empty() {
                h3 { {part.answers_title.clone()} }
            }
            for section in part.sections.iter() {
                section { key: "{section.id}", class: "summary-section",
                    h4 { {section.title.clone()} }
                    dl { class: "answers",
                        for (i, line) in section.lines.iter().enumerate() {
                            div { key: "{i}",
                                dt { {line.label.clone()} }
                                dd { {line.value.clone()} }
                            }
                        }
                    }
                }
            }
            h3 { {part.papers_title.clone()} }
            p { class: "summary-missing", strong { {part.papers.count.clone()} } }
            for group in part.papers.groups.iter() {
                section { key: "{group.holder.id()}", class: "summary-section",
                    h4 { {group.title.clone()} }
                    ul { class: "summary-papers",
                        for item in group.items.iter() {
                            li { key: "{item.id}", class: if item.done { "paper-ready" } else { "paper-missing" },
                                span { class: "mark", if item.done { "☑" } else { "☐" } }
                                " "
                                {item.title.clone()}
                                " — "
                                em { if item.done { {part.ready.clone()} } else { {part.not_ready.clone()} } }
                                if let Some(note) = &item.date_note {
                                    " · {note}"
                                }
                            }
                        }
                    }
                }
            }
            h3 { {part.score_title.clone()} }
            if let Some(total) = &score.total {
                p { {total.clone()} }
            }
            p { {score.pass_mark.clone()} }
            if let Some((verdict, _)) = &score.verdict {
                p { {verdict.clone()} }
            }
            if let Some(text) = &score.not_published {
                p { {text.clone()} }
            }
            ul { class: "summary-criteria",
                for c in score.criteria.iter() {
                    li { key: "{c.id}",
                        {c.name.clone()}
                        ": "
                        {c.standing_words.clone()}
                        if let Some((points, _)) = &c.points {
                            " ({points})"
                        }
                    }
                }
            }
            p { class: "summary-caveat", strong { {part.caveat.clone()} } }
        }
    }
}
