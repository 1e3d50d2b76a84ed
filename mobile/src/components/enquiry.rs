//! The ready enquiry when a stage runs late (`view::enquiry` writes it): the text in Kazakh and
//! Russian, selectable, a button that copies it to the clipboard and, where the browser can
//! share (`navigator.share`, most phones' browsers), one that hands it to the phone's share
//! sheet (an SMS, a messenger, the e-Otinish app). Both go through the page's JavaScript via
//! `document::eval`, which every Dioxus platform provides.

use dioxus::prelude::*;

use crate::components::{Button, ButtonKind, Card};

/// The words the card shows, already translated.
#[derive(Debug, Clone, PartialEq)]
pub struct EnquiryWords {
    pub title: String,
    pub intro: String,
    /// "What the text says:", before the person's own language's version.
    pub own_label: String,
    pub copy: String,
    pub copied: String,
    pub copy_failed: String,
    pub share: String,
}

/// Copies the text it is sent; answers whether that worked. The clipboard API needs a secure
/// page (https or localhost); elsewhere the selected text box and `execCommand` still copy.
const COPY_JS: &str = r#"
const text = await dioxus.recv();
try {
  await navigator.clipboard.writeText(text);
  return true;
} catch (_) {
  const box = document.getElementById("enquiry-text");
  if (!box) return false;
  box.focus();
  box.select();
  try { return document.execCommand("copy"); } catch (_) { return false; }
}
"#;

/// Hands the text it is sent to the phone's share sheet.
const SHARE_JS: &str = r#"
const text = await dioxus.recv();
try { await navigator.share({ text }); } catch (_) {}
return true;
"#;

/// The enquiry card. `text` is what is copied or shared (Kazakh, then Russian); `own` the same
/// enquiry in the person's language when that is neither.
#[component]
pub fn EnquiryCard(text: String, own: Option<String>, words: EnquiryWords) -> Element {
    let mut copied = use_signal(|| None::<bool>);
    let can_share = use_resource(|| async {
        document::eval("return typeof navigator.share === 'function';")
            .join::<bool>()
            .await
            .unwrap_or(false)
    });
    let copy_text = text.clone();
    let share_text = text.clone();
    // Enough rows to show the whole text without a scroll box of its own at 360 px.
    let rows = text.chars().count() / 28 + 4;
    rsx! {
        Card { icon: "contacts", title: words.title.clone(),
            p { {words.intro.clone()} }
            textarea {
                id: "enquiry-text",
                class: "input enquiry-text",
                readonly: true,
                // Kazakh in Cyrillic and Russian read left to right, on a right-to-left page too.
                dir: "ltr",
                rows: "{rows}",
                "aria-label": "{words.title}",
                value: "{text}",
            }
            if let Some(own) = own {
                p { class: "quiet", {words.own_label.clone()} }
                p { class: "quiet enquiry-own", {own} }
            }
            div { class: "stack",
                Button { kind: ButtonKind::Primary,
                    onclick: move |_| {
                        let text = copy_text.clone();
                        spawn(async move {
                            let eval = document::eval(COPY_JS);
                            let ok = eval.send(text).is_ok() && eval.join::<bool>().await.unwrap_or(false);
                            copied.set(Some(ok));
                        });
                    },
                    {words.copy.clone()}
                }
                if can_share() == Some(true) {
                    Button {
                        onclick: move |_| {
                            let text = share_text.clone();
                            spawn(async move {
                                let eval = document::eval(SHARE_JS);
                                if eval.send(text).is_ok() {
                                    let _ = eval.join::<bool>().await;
                                }
                            });
                        },
                        {words.share.clone()}
                    }
                }
            }
            match copied() {
                Some(true) => rsx! { p { class: "quiet", role: "status", {words.copied.clone()} } },
                Some(false) => rsx! { p { class: "field-error", role: "alert", {words.copy_failed.clone()} } },
                None => rsx! {},
            }
        }
    }
}
