//! Dates not to miss: the KAZTEST certificate's last valid day, the screening certificate's,
//! the end of the kandas contract, and the day the current stage is normally over (said plainly
//! when it has passed), each with "add to calendar": an `.ics` made on the phone, offline, and
//! one file with all of them.

use chrono::Utc;
use dioxus::prelude::*;

use crate::catalog::use_catalog;
use crate::components::{Button, ButtonKind, Icon, InlineError};
use crate::download::offer_file;
use crate::i18n::{args, use_i18n};
use crate::store::use_store;
use crate::view::deadlines::{ALL_FILE_NAME, REMIND_DAYS_BEFORE, ics, of_saved, rows};
use crate::view::today;
use crate::view::words::error_text;

/// The MIME type calendars open.
const ICS_MIME: &str = "text/calendar;charset=utf-8";

/// The deadlines screen.
#[component]
pub fn Deadlines() -> Element {
    let vault = use_store();
    let catalog = use_catalog();
    let tr = use_i18n();
    let mut failed = use_signal(|| None::<String>);
    let found = use_memo(move || {
        let c = catalog.read();
        let cat = c.catalog();
        let v = vault.read();
        let s = v.state();
        cat.policy(today())
            .map(|policy| of_saved(s, cat.form_of(&s.draft), policy, today()))
            .unwrap_or_default()
    });
    let t = tr.read();
    let all = found();
    let list = rows(&t, &all);
    // Each button makes its file when pressed, so the DTSTAMP is the moment it was made.
    let mut offer = move |which: Option<usize>| {
        let all = found.peek();
        let chosen: Vec<_> = match which {
            Some(i) => all.get(i).cloned().into_iter().collect(),
            None => all.clone(),
        };
        let Some(first) = chosen.first() else { return };
        let name = match which {
            Some(_) => crate::view::deadlines::file_name(first),
            None => ALL_FILE_NAME.to_owned(),
        };
        let text = ics(&tr.peek(), &chosen, Utc::now());
        failed.set(
            offer_file(&name, ICS_MIME, &text)
                .err()
                .map(|e| error_text(&tr.peek(), &e)),
        );
    };
    rsx! {
        main { class: "page deadlines",
            h1 { Icon { name: "calendar" } " " {t.t("ui-deadlines-title")} }
            p { {t.t_args("ui-deadlines-intro", &args(&[("days", REMIND_DAYS_BEFORE.into())]))} }
            if list.is_empty() {
                p { class: "notice", {t.t("ui-deadlines-none")} }
            }
            ul { class: "deadlines",
                for (i, row) in list.into_iter().enumerate() {
                    li { key: "{row.id}", class: if row.is_past { "card deadline past" } else { "card deadline" },
                        p { strong { {row.title.clone()} } }
                        p { class: "deadline-date", {row.date.clone()} }
                        p { class: "quiet", {row.detail.clone()} }
                        if row.is_late {
                            p { class: "notice warn", role: "status", Icon { name: "clock" } " " {t.t("ui-deadlines-late")} }
                        } else if row.is_past {
                            p { class: "notice", {t.t("ui-deadlines-past")} }
                        }
                        if row.uncertain {
                            p { class: "notice warn", strong { {t.t("disclaimer-uncertain")} } " " {t.t("ui-deadlines-uncertain")} }
                        }
                        p { class: "quiet", {t.t_args("ui-deadlines-source", &args(&[("source", row.source.clone().into())]))} }
                        Button { kind: ButtonKind::Secondary, onclick: move |_| offer(Some(i)),
                            Icon { name: "calendar" } " " {t.t("ui-deadlines-add")}
                        }
                    }
                }
            }
            if all.len() > 1 {
                Button { kind: ButtonKind::Primary, onclick: move |_| offer(None),
                    Icon { name: "calendar" } " " {t.t("ui-deadlines-add-all")}
                }
            }
            if let Some(text) = failed() {
                InlineError { text }
            }
        }
    }
}
