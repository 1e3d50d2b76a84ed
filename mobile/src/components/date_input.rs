//! A date in three boxes: day, month (a list of the months by name) and year, in that order in
//! every language, as the person's documents write it (DD.MM.YYYY). The browser's date picker
//! is not used: it shows the browser's own locale (`mm/dd/yyyy` on many phones), not the
//! person's, and makes a birth date decades of paging away. The parts and their joining are
//! `view::date`'s; this only draws the boxes.

use dioxus::prelude::*;

use crate::view::date::{DateParts, DateWords};

/// `value`: the stored answer (`YYYY-MM-DD`, parts possibly empty). `on_change` gets the new
/// answer, `None` once all three boxes are empty. The day box has `id`, so a label's `for`
/// and a screen reader reach the group's first box; the others are `{id}-month`, `{id}-year`.
#[component]
pub fn DateInput(
    id: String,
    value: String,
    words: DateWords,
    /// The example's parts, shown as the boxes' placeholders.
    example: Option<DateParts>,
    on_change: EventHandler<Option<String>>,
) -> Element {
    // The boxes keep what was typed (`5`, not the stored `05`, or the next digit could not be
    // added), and take the stored answer again only when it changes from elsewhere (another
    // phone's answer arriving by sync).
    let mut typed = use_signal(|| DateParts::from_answer(&value));
    let mut emitted = use_signal(|| value.clone());
    use_effect(use_reactive((&value,), move |(value,)| {
        if *emitted.peek() != value {
            typed.set(DateParts::from_answer(&value));
            emitted.set(value);
        }
    }));
    let mut change = move |edit: &dyn Fn(&mut DateParts)| {
        let mut next = typed.peek().clone();
        edit(&mut next);
        let answer = next.to_answer();
        emitted.set(answer.clone().unwrap_or_default());
        typed.set(next);
        on_change.call(answer);
    };
    let parts = typed.read().clone();
    let example = example.unwrap_or_default();
    let month_number = parts.month.parse::<usize>().ok();
    rsx! {
        div { class: "date-parts", role: "group", id: "{id}-group",
            label { class: "date-part",
                span { class: "date-part-name", {words.day.clone()} }
                input {
                    id: "{id}",
                    class: "input date-day",
                    r#type: "text",
                    inputmode: "numeric",
                    autocomplete: "off",
                    maxlength: "2",
                    placeholder: "{example.day}",
                    value: "{parts.day}",
                    oninput: move |e| change(&|p: &mut DateParts| p.day = DateParts::digits(&e.value(), 2)),
                }
            }
            label { class: "date-part date-part-month",
                span { class: "date-part-name", {words.month.clone()} }
                select {
                    id: "{id}-month",
                    class: "input date-month",
                    onchange: move |e| change(&|p: &mut DateParts| p.month = DateParts::digits(&e.value(), 2)),
                    option { value: "", selected: month_number.is_none(), "—" }
                    for (index, name) in words.months.iter().enumerate() {
                        option {
                            value: format!("{:02}", index + 1),
                            selected: month_number == Some(index + 1),
                            {format!("{:02} · {name}", index + 1)}
                        }
                    }
                }
            }
            label { class: "date-part",
                span { class: "date-part-name", {words.year.clone()} }
                input {
                    id: "{id}-year",
                    class: "input date-year",
                    r#type: "text",
                    inputmode: "numeric",
                    autocomplete: "off",
                    maxlength: "4",
                    placeholder: "{example.year}",
                    value: "{parts.year}",
                    oninput: move |e| change(&|p: &mut DateParts| p.year = DateParts::digits(&e.value(), 4)),
                }
            }
        }
    }
}
