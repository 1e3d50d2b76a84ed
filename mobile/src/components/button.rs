//! The app's buttons, typed: [`Button`] for an action and [`ButtonLink`] for a way to another
//! screen that looks like one. The [`ButtonKind`] picks the look (`.button.primary`, ... in
//! `kosh.css`), so no page writes a button's class by hand.

use dioxus::prelude::*;

use crate::route::Route;

/// How a button looks, from the one action a screen is about to the quiet ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ButtonKind {
    /// The screen's main action.
    Primary,
    /// Another action beside it.
    #[default]
    Secondary,
    /// A quiet action that reads like a link ("show password", "create an account instead").
    Link,
    /// The stylesheet's plain button, for screens drawn outside the router (the error screen).
    Plain,
}

impl ButtonKind {
    /// The classes `kosh.css` styles this kind with.
    pub fn class(self) -> &'static str {
        match self {
            ButtonKind::Primary => "button primary",
            ButtonKind::Secondary => "button secondary",
            ButtonKind::Link => "button link",
            ButtonKind::Plain => "button",
        }
    }
}

/// A `<button>`: `type="button"` unless it submits its form.
#[component]
pub fn Button(
    #[props(default)] kind: ButtonKind,
    /// Submits the form around it (`type="submit"`); a form's `onsubmit` then handles it.
    #[props(default)]
    submit: bool,
    #[props(default)] disabled: bool,
    onclick: Option<EventHandler<MouseEvent>>,
    children: Element,
) -> Element {
    rsx! {
        button {
            r#type: if submit { "submit" } else { "button" },
            class: kind.class(),
            disabled,
            onclick: move |e| {
                if let Some(handler) = onclick {
                    handler.call(e);
                }
            },
            {children}
        }
    }
}

/// One of a set of choices drawn as buttons (a language, a script, a text size, yes or no):
/// `.choice`, `.big` on the first-run and yes/no screens, `.selected` when chosen.
#[component]
pub fn ChoiceButton(
    selected: bool,
    #[props(default)] big: bool,
    /// Say the state as `aria-pressed`, where the chosen button is the answer itself.
    #[props(default)]
    pressed: bool,
    /// The language of its words (a language's own name).
    lang: Option<String>,
    /// The text size the choice previews (`size-large`).
    size: Option<&'static str>,
    onclick: EventHandler<MouseEvent>,
    children: Element,
) -> Element {
    let class = choice_class(selected, big, size);
    rsx! {
        button {
            r#type: "button",
            class,
            lang,
            "aria-pressed": pressed.then_some(if selected { "true" } else { "false" }),
            onclick: move |e| onclick.call(e),
            {children}
        }
    }
}

/// `choice [big] [selected] [size-<id>]`, in the order the stylesheet was written against.
fn choice_class(selected: bool, big: bool, size: Option<&str>) -> String {
    let mut class = String::from("choice");
    if big {
        class.push_str(" big");
    }
    if selected {
        class.push_str(" selected");
    }
    if let Some(size) = size {
        class.push_str(" size-");
        class.push_str(size);
    }
    class
}

/// A link to another screen drawn as a button.
#[component]
pub fn ButtonLink(#[props(default)] kind: ButtonKind, to: Route, children: Element) -> Element {
    rsx! {
        Link { class: kind.class(), to, {children} }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(app: fn() -> Element) -> String {
        let mut dom = VirtualDom::new(app);
        dom.rebuild_in_place();
        dioxus_ssr::render(&dom)
    }

    #[test]
    fn kinds_keep_the_stylesheets_classes_and_types() {
        let html = render(|| {
            rsx! {
                Button { kind: ButtonKind::Primary, submit: true, "a" }
                Button { kind: ButtonKind::Link, onclick: |_| {}, "b" }
                Button { disabled: true, "c" }
            }
        });
        assert!(
            html.contains(r#"<button type="submit" class="button primary""#),
            "{html}"
        );
        assert!(
            html.contains(r#"<button type="button" class="button link""#),
            "{html}"
        );
        assert!(
            html.contains(r#"class="button secondary" disabled"#),
            "{html}"
        );
        assert_eq!(html.matches("disabled").count(), 1, "{html}");
    }

    #[test]
    fn choices_say_which_is_chosen() {
        let html = render(|| {
            rsx! {
                ChoiceButton { selected: true, big: true, pressed: true, onclick: |_| {}, "yes" }
                ChoiceButton { selected: false, lang: "kk".to_owned(), onclick: |_| {}, "Қазақша" }
                ChoiceButton { selected: false, size: "large", onclick: |_| {}, "A" }
            }
        });
        assert!(
            html.contains(r#"class="choice big selected" aria-pressed="true""#),
            "{html}"
        );
        assert!(html.contains(r#"class="choice" lang="kk">"#), "{html}");
        assert!(html.contains(r#"class="choice size-large">"#), "{html}");
        assert_eq!(html.matches("aria-pressed").count(), 1, "{html}");
    }
}
