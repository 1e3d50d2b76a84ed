//! One list of choices for every radio and checkbox list of the app: the questionnaire's single
//! and multiple choices, the searchable country and region lists, and the contract's region and
//! support kind. Each choice is a `label.option` (`.selected` when chosen) around its input and
//! its words, as `kosh.css` and the browser tests expect.

use dioxus::prelude::*;

use crate::view::Choice;

/// Whether one choice or several may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Radio buttons in a `radiogroup`, all sharing the list's `name`.
    One,
    /// Checkboxes; the caller turns a pick into the new set (see `field::toggled`).
    Many,
}

/// A radio or checkbox list. `on_pick` gets the value of the choice the person changed.
#[component]
pub fn ChoiceList(
    pick: Pick,
    /// The radio group's name (unused by checkboxes).
    name: String,
    /// The list's element id, when a label or a test points at it.
    id: Option<String>,
    /// A long list scrolls inside the screen (`.options.scroll`).
    #[props(default)]
    scroll: bool,
    choices: Vec<Choice>,
    /// The chosen values.
    selected: Vec<String>,
    on_pick: EventHandler<String>,
) -> Element {
    let one = pick == Pick::One;
    rsx! {
        div {
            class: if scroll { "options scroll" } else { "options" },
            role: one.then_some("radiogroup"),
            id,
            for choice in choices {
                label {
                    key: "{choice.value}",
                    class: if selected.contains(&choice.value) { "option selected" } else { "option" },
                    input {
                        r#type: if one { "radio" } else { "checkbox" },
                        name: one.then(|| name.clone()),
                        value: "{choice.value}",
                        checked: selected.contains(&choice.value),
                        onchange: {
                            let value = choice.value.clone();
                            move |_| on_pick.call(value.clone())
                        },
                    }
                    span { {choice.label.clone()} }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        ["a", "b"]
            .map(|v| Choice {
                value: v.into(),
                label: v.to_uppercase(),
            })
            .to_vec()
    }

    #[test]
    fn radios_and_checkboxes_keep_the_markup_the_styles_and_tests_use() {
        let mut dom = VirtualDom::new(|| {
            rsx! {
                ChoiceList { pick: Pick::One, name: "q", id: "q-id".to_owned(), choices: choices(),
                    selected: vec!["b".to_owned()], on_pick: |_| {} }
                ChoiceList { pick: Pick::Many, name: "m", scroll: true, choices: choices(),
                    selected: vec![], on_pick: |_| {} }
            }
        });
        dom.rebuild_in_place();
        let html = dioxus_ssr::render(&dom);
        assert!(
            html.contains(r#"<div class="options" role="radiogroup" id="q-id">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<label class="option selected"><input type="radio" name="q" value="b" checked=true"#)
                || html.contains(r#"<label class="option selected"><input type="radio" name="q" value="b" checked"#),
            "{html}"
        );
        assert!(html.contains(r#"<div class="options scroll">"#), "{html}");
        assert!(
            html.contains(r#"<input type="checkbox" value="a""#),
            "{html}"
        );
        assert!(!html.contains(r#"name="m""#), "{html}");
    }
}
