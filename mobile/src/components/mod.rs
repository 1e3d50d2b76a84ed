//! Reusable widgets with typed props: icons, cards, the progress bar, inline errors, buttons
//! (`button`), radio and checkbox lists (`choice_list`), dates in three boxes (`date_input`),
//! the searchable list, the questionnaire's answer fields (`field`), and the status screen's
//! report sheet (`report_sheet`, which saves through the store) and late-stage enquiry
//! (`enquiry`). They take words already translated and view-model
//! types from `view`, so they stay free of lookups and are easy to render in tests.

pub mod button;
pub mod choice_list;
pub mod date_input;
pub mod enquiry;
pub mod field;
pub mod report_sheet;

pub use crate::view::Choice;
pub use button::{Button, ButtonKind, ButtonLink, ChoiceButton};
pub use choice_list::{ChoiceList, Pick};
pub use date_input::DateInput;
pub use enquiry::{EnquiryCard, EnquiryWords};
pub use field::Field;
pub use report_sheet::{RefusedReport, ReportSheet, SourceMark};

use dioxus::prelude::*;
use kosh_locales::matches;

/// A small picture beside a name. Emoji: every phone has a font for them, they cost no bytes,
/// and they read the same in every language.
#[component]
pub fn Icon(name: &'static str) -> Element {
    let glyph = match name {
        "home" => "🏠",
        "form" => "📝",
        "status" => "📋",
        "contract" => "🤝",
        "settings" => "⚙️",
        "phone" => "📱",
        "sync" => "🔄",
        "cloud" => "✅",
        "offline" => "📴",
        "score" => "📊",
        "warning" => "⚠️",
        "calendar" => "📅",
        "money" => "💰",
        "check" => "✔️",
        "camera" => "📷",
        "clock" => "⏳",
        "next" => "➡️",
        "person" | "personal" => "👤",
        "contacts" => "📞",
        "citizenship" => "🛂",
        "family" => "👨‍👩‍👧",
        "education" => "🎓",
        "languages" => "🗣️",
        "work" => "💼",
        "military" => "🎖️",
        "skills" => "🛠️",
        "health" => "🩺",
        "adaptability" => "🏡",
        "record" => "📜",
        "share" => "📤",
        "kandas" => "🐎",
        "language" => "🌐",
        "account" => "🔑",
        "text" => "🔠",
        _ => "•",
    };
    // An arrow says "onwards": right to left (kk-Arab), onwards is to the left, so the
    // stylesheet mirrors it there.
    let class = if name == "next" {
        "icon icon-forward"
    } else {
        "icon"
    };
    rsx! {
        span { class, "aria-hidden": "true", {glyph} }
    }
}

/// The arrow between a thing and what follows from it ("an answer → points"), pointing the
/// way the person reads.
pub fn forward_arrow(rtl: bool) -> &'static str {
    if rtl { " ← " } else { " → " }
}

/// A block on a screen with an icon and a title.
#[component]
pub fn Card(icon: &'static str, title: String, children: Element) -> Element {
    rsx! {
        section { class: "card",
            h2 { class: "card-title",
                Icon { name: icon }
                span { {title} }
            }
            {children}
        }
    }
}

/// A bar showing `done` of `total`, with the words for it beside.
#[component]
pub fn ProgressBar(done: usize, total: usize, label: String) -> Element {
    let percent = (done.min(total) * 100).checked_div(total).unwrap_or(0);
    rsx! {
        div { class: "progress",
            div {
                class: "progress-track",
                role: "progressbar",
                "aria-valuemin": "0",
                "aria-valuemax": "{total}",
                "aria-valuenow": "{done}",
                div { class: "progress-fill", style: "inline-size: {percent}%" }
            }
            p { class: "progress-label", {label} }
        }
    }
}

/// An error under the thing it is about (never a toast that disappears).
#[component]
pub fn InlineError(text: String) -> Element {
    rsx! {
        p { class: "field-error", role: "alert",
            Icon { name: "warning" }
            span { {text} }
        }
    }
}

/// A list of choices with a search box that finds Kazakh words whichever letters the keyboard
/// gave (қ/к, ң/н, ү/ұ/у …, by `kosh_locales::matches`). For countries and regions.
#[component]
pub fn SearchList(
    name: String,
    choices: Vec<Choice>,
    selected: Option<String>,
    search_label: String,
    nothing_found: String,
    /// The words of the button that opens the whole list again once a choice is made.
    change_label: String,
    on_select: EventHandler<String>,
) -> Element {
    let mut query = use_signal(String::new);
    let mut open = use_signal(|| false);
    let q = query.read().clone();
    // Once something is chosen the list folds to that choice, so a long list (a country inside
    // every family member's row) does not push the rest of the screen away.
    let folded = selected.is_some() && q.trim().is_empty() && !*open.read();
    let shown: Vec<Choice> = choices
        .iter()
        .filter(|c| {
            let is_selected = selected.as_deref() == Some(c.value.as_str());
            if folded {
                is_selected
            } else {
                q.trim().is_empty() || matches(&q, &c.label) || is_selected
            }
        })
        .cloned()
        .collect();
    let empty = shown.is_empty();
    rsx! {
        div { class: "search-list",
            input {
                class: "search",
                r#type: "search",
                "aria-label": "{search_label}",
                placeholder: "{search_label}",
                value: "{q}",
                oninput: move |e| query.set(e.value()),
            }
            if empty {
                p { class: "quiet", {nothing_found} }
            }
            ChoiceList {
                pick: Pick::One,
                name,
                scroll: true,
                choices: shown,
                selected: selected.into_iter().collect::<Vec<_>>(),
                on_pick: move |value| on_select.call(value),
            }
            if folded {
                Button { kind: ButtonKind::Link, onclick: move |_| open.set(true), {change_label} }
            }
        }
    }
}

/// The icon beside a section's name.
pub fn section_icon(id: &str) -> &'static str {
    match id {
        "personal" => "personal",
        "contacts" => "contacts",
        "citizenship" => "citizenship",
        "family" => "family",
        "education" => "education",
        "languages" => "languages",
        "work" => "work",
        "military" => "military",
        "skills" => "skills",
        "health" => "health",
        "adaptability" => "adaptability",
        "record" => "record",
        "kandas" => "kandas",
        _ => "form",
    }
}
