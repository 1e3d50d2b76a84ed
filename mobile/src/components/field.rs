//! One question's answer widget, for every kind of the form: text, number, date (day, month
//! and year boxes), yes/no (two big buttons), single choice (a radio list), multiple choice,
//! country and region (a searchable list), language level, email, phone, and repeat groups
//! (rows added and removed). The props are typed view models built by `view::form`; the widget
//! only shows and reports changes, it never decides what is valid.

use dioxus::prelude::*;
use serde_json::{Map, Value};

use super::{
    Button, ButtonKind, ChoiceButton, ChoiceList, DateInput, Icon, InlineError, Pick, SearchList,
};
pub use crate::view::form::{FieldSpec, FieldWords};

/// The widget follows the question's kind: the form's own `Kind`, so a kind added to the form
/// cannot be forgotten here (every `match` on it must handle it).
pub use crate::view::form::FieldKind;

/// The text a number answer shows in its box.
fn number_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    }
}

/// What a number box's text is as an answer: a JSON number when it is one, `null` when empty,
/// and otherwise the text itself, so validation can say what is wrong with it.
pub fn number_value(text: &str) -> Value {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Value::Null;
    }
    if let Ok(i) = t.parse::<i64>() {
        return Value::from(i);
    }
    match t.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
        Some(n) => Value::Number(n),
        None => Value::String(text.to_owned()),
    }
}

fn text_value(text: String) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::String(text)
    }
}

/// One question with its label, hint, answer widget, and the error under it.
#[component]
pub fn Field(
    spec: FieldSpec,
    value: Option<Value>,
    error: Option<String>,
    /// What this phone had before another device's answer replaced it, in words.
    overwritten: Option<String>,
    /// What another device had before this phone's answer replaced it, in words.
    replaced: Option<String>,
    words: FieldWords,
    on_change: EventHandler<Value>,
) -> Element {
    let input_id = format!("q-{}", spec.id.replace('.', "-"));
    let has_error = error.is_some();
    // At most one is set: the current answer is either this phone's or another device's.
    let elsewhere = overwritten
        .map(|lost| (words.changed_elsewhere.clone(), lost))
        .or_else(|| replaced.map(|lost| (words.replaced_elsewhere.clone(), lost)));
    rsx! {
        div { class: if has_error { "field has-error" } else { "field" }, id: "{input_id}-field",
            label { class: "field-label", r#for: "{input_id}",
                span { {spec.label.clone()} }
                if spec.required {
                    span { class: "required", title: "{words.required}", " *" }
                }
            }
            if let Some(hint) = &spec.hint {
                p { class: "hint", {hint.clone()} }
            }
            Answer { spec: spec.clone(), value: value.clone(), input_id: input_id.clone(), words: words.clone(), on_change }
            if let Some((note, lost)) = elsewhere {
                p { class: "elsewhere", id: "{input_id}-elsewhere",
                    Icon { name: "sync" }
                    span { {note} }
                    span { class: "quiet", " · {lost}" }
                }
            }
            if let Some(text) = error {
                InlineError { text }
            }
        }
    }
}

#[component]
fn Answer(
    spec: FieldSpec,
    value: Option<Value>,
    input_id: String,
    words: FieldWords,
    on_change: EventHandler<Value>,
) -> Element {
    let placeholder = spec.placeholder.clone().unwrap_or_default();
    match spec.kind {
        FieldKind::Text | FieldKind::Email | FieldKind::Phone => {
            let (kind, mode, auto) = match spec.kind {
                FieldKind::Email => ("email", "email", "email"),
                FieldKind::Phone => ("tel", "tel", "tel"),
                _ => ("text", "text", "off"),
            };
            let text = value
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            rsx! {
                input {
                    id: "{input_id}",
                    class: "input",
                    r#type: kind,
                    inputmode: mode,
                    autocomplete: auto,
                    placeholder: "{placeholder}",
                    value: "{text}",
                    oninput: move |e| on_change.call(text_value(e.value())),
                }
            }
        }
        FieldKind::Number => {
            let text = number_text(value.as_ref());
            rsx! {
                input {
                    id: "{input_id}",
                    class: "input",
                    r#type: "number",
                    inputmode: "decimal",
                    min: spec.min.clone().unwrap_or_default(),
                    max: spec.max.clone().unwrap_or_default(),
                    placeholder: "{placeholder}",
                    value: "{text}",
                    oninput: move |e| on_change.call(number_value(&e.value())),
                }
            }
        }
        FieldKind::Date => {
            let text = value
                .as_ref()
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            rsx! {
                DateInput {
                    id: input_id.clone(),
                    value: text,
                    words: words.date.clone(),
                    example: spec.date_example.clone(),
                    on_change: move |answer: Option<String>| {
                        on_change.call(answer.map_or(Value::Null, Value::String))
                    },
                }
            }
        }
        FieldKind::YesNo => {
            let current = value.as_ref().and_then(Value::as_bool);
            rsx! {
                div { class: "yes-no", role: "radiogroup", id: "{input_id}",
                    ChoiceButton {
                        selected: current == Some(true),
                        big: true,
                        pressed: true,
                        onclick: move |_| on_change.call(Value::Bool(true)),
                        {words.yes.clone()}
                    }
                    ChoiceButton {
                        selected: current == Some(false),
                        big: true,
                        pressed: true,
                        onclick: move |_| on_change.call(Value::Bool(false)),
                        {words.no.clone()}
                    }
                }
            }
        }
        FieldKind::SingleChoice | FieldKind::LanguageLevel => {
            let current = value.as_ref().and_then(Value::as_str).map(str::to_owned);
            rsx! {
                ChoiceList {
                    pick: Pick::One,
                    name: input_id.clone(),
                    id: input_id.clone(),
                    choices: spec.choices.clone(),
                    selected: current.into_iter().collect::<Vec<_>>(),
                    on_pick: move |v| on_change.call(Value::String(v)),
                }
            }
        }
        FieldKind::MultiChoice => {
            let current: Vec<String> = value
                .as_ref()
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            rsx! {
                ChoiceList {
                    pick: Pick::Many,
                    name: input_id.clone(),
                    id: input_id.clone(),
                    choices: spec.choices.clone(),
                    selected: current.clone(),
                    on_pick: move |v: String| on_change.call(toggled(&current, &v)),
                }
            }
        }
        FieldKind::Country | FieldKind::Region => {
            let current = value.as_ref().and_then(Value::as_str).map(str::to_owned);
            rsx! {
                SearchList {
                    name: input_id.clone(),
                    choices: spec.choices.clone(),
                    selected: current,
                    search_label: words.search.clone(),
                    nothing_found: words.nothing_found.clone(),
                    change_label: words.choose.clone(),
                    on_select: move |v: String| on_change.call(Value::String(v)),
                }
            }
        }
        FieldKind::Repeat => rsx! {
            Repeat { spec: spec.clone(), value: value.clone(), words: words.clone(), on_change }
        },
    }
}

/// The multiple-choice answer with `value` switched on or off, in the options' order.
fn toggled(current: &[String], value: &str) -> Value {
    let mut next: Vec<String> = current.to_vec();
    if let Some(i) = next.iter().position(|v| v == value) {
        next.remove(i);
    } else {
        next.push(value.to_owned());
    }
    if next.is_empty() {
        Value::Null
    } else {
        Value::Array(next.into_iter().map(Value::String).collect())
    }
}

/// The rows of a repeat group, each answered with the child questions.
#[component]
fn Repeat(
    spec: FieldSpec,
    value: Option<Value>,
    words: FieldWords,
    on_change: EventHandler<Value>,
) -> Element {
    let rows: Vec<Map<String, Value>> = value
        .as_ref()
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|r| r.as_object().cloned().unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    let empty = rows.is_empty();
    let rows_for_add = rows.clone();
    rsx! {
        div { class: "repeat",
            if empty {
                p { class: "quiet", {words.no_rows.clone()} }
            }
            for (index, row) in rows.iter().enumerate() {
                fieldset { key: "{spec.id}-{index}", class: "repeat-row",
                    legend { {words.row_titles.get(index).cloned().unwrap_or_else(|| format!("{}", index + 1))} }
                    for child in spec.children.iter() {
                        Field {
                            key: "{child.id}",
                            spec: FieldSpec { id: format!("{}.{index}.{}", spec.id, child.id), ..child.clone() },
                            value: row.get(&child.id).cloned(),
                            error: None,
                            overwritten: None,
                            replaced: None,
                            words: words.clone(),
                            on_change: {
                                let rows = rows.clone();
                                let child_id = child.id.clone();
                                move |v: Value| on_change.call(with_cell(&rows, index, &child_id, v))
                            },
                        }
                    }
                    Button {
                        kind: ButtonKind::Secondary,
                        onclick: {
                            let rows = rows.clone();
                            move |_| on_change.call(without_row(&rows, index))
                        },
                        {words.remove_row.clone()}
                    }
                }
            }
            Button {
                kind: ButtonKind::Secondary,
                onclick: move |_| {
                    let mut next = rows_for_add.clone();
                    next.push(Map::new());
                    on_change.call(Value::Array(next.into_iter().map(Value::Object).collect()))
                },
                "+ {words.add_row}"
            }
        }
    }
}

/// The rows with one child answer changed (a cleared answer removes the key).
pub fn with_cell(rows: &[Map<String, Value>], index: usize, child: &str, value: Value) -> Value {
    let mut next = rows.to_vec();
    if let Some(row) = next.get_mut(index) {
        if value.is_null() {
            row.remove(child);
        } else {
            row.insert(child.to_owned(), value);
        }
    }
    Value::Array(next.into_iter().map(Value::Object).collect())
}

/// The rows without row `index`; no rows at all clears the answer.
pub fn without_row(rows: &[Map<String, Value>], index: usize) -> Value {
    let mut next = rows.to_vec();
    if index < next.len() {
        next.remove(index);
    }
    if next.is_empty() {
        Value::Null
    } else {
        Value::Array(next.into_iter().map(Value::Object).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn number_boxes_give_numbers_or_the_text_to_complain_about() {
        assert_eq!(number_value("12"), json!(12));
        assert_eq!(number_value(" 64,5 "), json!(64.5));
        assert_eq!(number_value(""), Value::Null);
        assert_eq!(number_value("12a"), json!("12a"));
    }

    #[test]
    fn multiple_choice_toggles_and_clears() {
        let on = toggled(&[], "birth_certificate");
        assert_eq!(on, json!(["birth_certificate"]));
        assert_eq!(
            toggled(&["birth_certificate".into()], "birth_certificate"),
            Value::Null
        );
    }

    #[test]
    fn repeat_rows_change_one_cell_and_remove_rows() {
        let rows = vec![
            json!({"relation": "spouse"}).as_object().unwrap().clone(),
            json!({"relation": "child"}).as_object().unwrap().clone(),
        ];
        assert_eq!(
            with_cell(&rows, 1, "birth_date", json!("2016-02-29")),
            json!([{"relation": "spouse"}, {"relation": "child", "birth_date": "2016-02-29"}])
        );
        assert_eq!(without_row(&rows, 0), json!([{"relation": "child"}]));
        assert_eq!(without_row(&rows[..1], 0), Value::Null);
    }
}
