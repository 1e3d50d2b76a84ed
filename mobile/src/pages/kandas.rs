//! The kandas social contract: the region and signing date, a countdown to the end of the term,
//! the support received (add and remove payments), "what if we move on …?" answered offline
//! by `kosh_shared::contract::risk` (the same code behind the server's `/v1/contract/risk`), the
//! refund warning in plain words with its source and what is not known, and the general-grounds
//! path beside it.

use dioxus::prelude::*;
use kosh_shared::api::{Contract, Risk};

use crate::catalog::use_catalog;
use crate::components::{
    Button, ButtonKind, Card, Choice, ChoiceList, DateInput, Icon, InlineError, Pick,
};
use crate::i18n::{args, use_i18n};
use crate::pages::{MeansAskedList, SupportAmounts, Worth};
use crate::store::use_store;
use crate::sync::use_sync;
use crate::view::choices;
use crate::view::contract::{
    ContractCard, ContractInput, WhatIfAnswer, contract_card, contract_from, family_measures,
    what_if, with_payment, without_payment,
};
use crate::view::date::date_words;
use crate::view::today;
use crate::view::words::input_error_text;

/// The contract screen.
#[component]
pub fn Kandas() -> Element {
    let mut vault = use_store();
    let tr = use_i18n();
    let sync = use_sync();
    let mut editing = use_signal(|| false);
    let card = use_memo(move || contract_card(vault.read().state().contract.as_ref(), today()));
    let t = tr.read();
    let mut save = move |next: Option<Contract>| -> bool {
        let ok = vault.write().set_contract(next).is_ok();
        if ok {
            sync.changed();
        }
        ok
    };

    let Some(ContractCard {
        contract,
        progress: done,
        received_kzt: received,
    }) = card().filter(|_| !*editing.read())
    else {
        let previous = vault.read().state().contract.clone();
        return rsx! {
            main { class: "page kandas",
                h1 { Icon { name: "contract" } " " {t.t("ui-contract-title")} }
                if previous.is_none() {
                    p { {t.t("ui-contract-none")} }
                }
                ContractForm {
                    previous: previous.clone(),
                    on_save: move |c: Contract| {
                        if save(Some(c)) {
                            editing.set(false);
                        }
                    },
                }
                SupportAmounts {}
                Worth {}
                GeneralGrounds { contract: None }
            }
        };
    };

    let Some(done) = done else {
        return rsx! { InlineError { text: t.t("mobile-contract-invalid") } };
    };
    let ended = done.days_remaining == 0;
    rsx! {
        main { class: "page kandas",
            h1 { Icon { name: "contract" } " " {t.t("ui-contract-title")} }
            section { class: "card",
                p { strong { {t.t(&format!("region-{}", contract.region))} } }
                if let Some(place) = &contract.settlement {
                    p { {place.clone()} }
                }
                p { {t.t("ui-contract-signed-on")} ": " {t.date(contract.signed_on)} }
                p { {t.t_args("ui-contract-term", &args(&[("years", contract.term_years.into())]))} }
                p { {t.t_args("ui-contract-ends-on", &args(&[("date", t.date(done.ends_on).into())]))} }
                if ended {
                    p { class: "notice ok", {t.t("ui-contract-ended")} }
                } else {
                    p { class: "countdown", {t.t_args("ui-contract-days-left", &args(&[("days", done.days_remaining.into())]))} }
                    div { class: "meter", "aria-hidden": "true", div { style: "inline-size: {done.percent_served}%" } }
                    p { class: "quiet", {t.t_args("ui-contract-days-served", &args(&[("days", done.days_served.into())]))} }
                }
                p { class: "quiet",
                    if contract.verified { {t.t("ui-contract-verified")} } else { {t.t("ui-contract-not-verified")} }
                }
                Button { kind: ButtonKind::Secondary, onclick: move |_| editing.set(true), {t.t("ui-edit")} }
            }
            Support {
                contract: contract.clone(),
                on_change: move |c: Contract| {
                    save(Some(c));
                },
            }
            p { class: "notice", Icon { name: "money" } " "
                {t.t_args("ui-contract-support-total", &args(&[("amount", t.tenge(received).into())]))}
            }
            SupportAmounts {}
            WhatIf { contract: contract.clone() }
            Worth {}
            GeneralGrounds { contract: Some(contract.clone()) }
        }
    }
}

/// Entering or changing the contract.
#[component]
fn ContractForm(previous: Option<Contract>, on_save: EventHandler<Contract>) -> Element {
    let tr = use_i18n();
    let t = tr.read();
    let start = previous
        .as_ref()
        .map(ContractInput::from_contract)
        .unwrap_or_default();
    let mut input = use_signal(move || start);
    let mut error = use_signal(|| None::<String>);
    let catalog = use_catalog();
    let regions: Vec<Choice> = catalog
        .read()
        .catalog()
        .policy(today())
        .map(|p| choices::regions(&t, p))
        .unwrap_or_default();
    let current = input.read().clone();
    rsx! {
        form {
            class: "card stack",
            onsubmit: move |e| {
                e.prevent_default();
                let c = catalog.peek();
                let Some(policy) = c.catalog().policy(today()) else { return };
                match contract_from(&input.peek(), previous.as_ref(), policy, today()) {
                    Ok(c) => {
                        error.set(None);
                        on_save.call(c);
                    }
                    Err(e) => error.set(Some(input_error_text(&tr.peek(), &e, "mobile-contract-invalid"))),
                }
            },
            div { class: "field",
                span { class: "field-label", {t.t("ui-contract-region")} }
                ChoiceList {
                    pick: Pick::One,
                    name: "region",
                    choices: regions,
                    selected: vec![current.region.clone()],
                    on_pick: move |v| input.write().region = v,
                }
            }
            div { class: "field",
                label { class: "field-label", r#for: "settlement", {t.t("ui-contract-settlement")} }
                input { id: "settlement", class: "input", r#type: "text", value: "{current.settlement}",
                    oninput: move |e| input.write().settlement = e.value() }
            }
            div { class: "field",
                label { class: "field-label", r#for: "signed-on", {t.t("ui-contract-signed-on")} }
                DateInput { id: "signed-on", value: current.signed_on.clone(), words: date_words(&t),
                    on_change: move |d: Option<String>| input.write().signed_on = d.unwrap_or_default() }
            }
            div { class: "field",
                label { class: "field-label", r#for: "family", {t.t("ui-contract-family-members")} }
                input { id: "family", class: "input", r#type: "number", inputmode: "numeric", min: "1", value: "{current.family_members}",
                    oninput: move |e| input.write().family_members = e.value() }
            }
            if let Some(text) = error.read().clone() {
                InlineError { text }
            }
            Button { kind: ButtonKind::Primary, submit: true, {t.t("ui-contract-save")} }
        }
    }
}

/// The support received: the list with remove buttons, and a form to add a payment.
#[component]
fn Support(contract: Contract, on_change: EventHandler<Contract>) -> Element {
    let tr = use_i18n();
    let t = tr.read();
    let mut kind = use_signal(String::new);
    let mut amount = use_signal(String::new);
    let mut date = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let catalog = use_catalog();
    let kinds: Vec<Choice> = catalog
        .read()
        .catalog()
        .policy(today())
        .map(family_measures)
        .unwrap_or_default()
        .into_iter()
        .map(|k| Choice {
            label: t.t(&format!("support-{k}")),
            value: k,
        })
        .collect();
    let chosen = kind.read().clone();
    let for_add = contract.clone();
    rsx! {
        Card { icon: "money", title: t.t("ui-contract-support-title"),
            if contract.support.is_empty() {
                p { class: "quiet", {t.t("ui-contract-support-none")} }
            }
            ul { class: "support",
                for (i, p) in contract.support.iter().enumerate() {
                    li { key: "{i}-{p.kind}-{p.received_on}",
                        span {
                            strong { {t.t(&format!("support-{}", p.kind))} }
                            br {}
                            {format!("{} · {}", t.tenge(p.amount_kzt), t.date(p.received_on))}
                        }
                        Button {
                            kind: ButtonKind::Secondary,
                            onclick: {
                                let c = contract.clone();
                                move |_| on_change.call(without_payment(&c, i))
                            },
                            {t.t("ui-remove")}
                        }
                    }
                }
            }
            h3 { {t.t("ui-contract-support-add")} }
            div { class: "field",
                span { class: "field-label", {t.t("ui-contract-support-kind")} }
                ChoiceList {
                    pick: Pick::One,
                    name: "support-kind",
                    choices: kinds,
                    selected: vec![chosen],
                    on_pick: move |k| kind.set(k),
                }
            }
            div { class: "field",
                label { class: "field-label", r#for: "amount", {t.t("ui-contract-support-amount")} }
                input { id: "amount", class: "input", r#type: "text", inputmode: "numeric", value: "{amount}",
                    oninput: move |e| amount.set(e.value()) }
            }
            div { class: "field",
                label { class: "field-label", r#for: "received", {t.t("ui-contract-support-date")} }
                DateInput { id: "received", value: date(), words: date_words(&t),
                    on_change: move |d: Option<String>| date.set(d.unwrap_or_default()) }
            }
            if let Some(text) = error.read().clone() {
                InlineError { text }
            }
            Button {
                kind: ButtonKind::Primary,
                onclick: move |_| {
                    let c = catalog.peek();
                    let Some(policy) = c.catalog().policy(today()) else { return };
                    let result = with_payment(&for_add, &kind.peek(), &amount.peek(), &date.peek(), policy, today());
                    match result {
                        Ok(next) => {
                            error.set(None);
                            amount.set(String::new());
                            date.set(String::new());
                            on_change.call(next);
                        }
                        Err(e) => error.set(Some(input_error_text(&tr.peek(), &e, "mobile-contract-support-invalid"))),
                    }
                },
                {t.t("ui-add")}
            }
        }
    }
}

/// "What if we move on …?", answered on the phone with the server's own rule.
#[component]
fn WhatIf(contract: Contract) -> Element {
    let tr = use_i18n();
    let t = tr.read();
    let mut leave_on = use_signal(|| today().to_string());
    let catalog = use_catalog();
    let answer = use_memo(use_reactive((&contract,), move |(contract,)| {
        let c = catalog.read();
        let policy = c.catalog().policy(today())?;
        Some(what_if(&contract, &leave_on.read(), policy))
    }));
    let c = catalog.read();
    let Some(policy) = c.catalog().policy(today()) else {
        return rsx! {};
    };
    let text = leave_on.read().clone();
    let Some(WhatIfAnswer {
        risk: answer,
        free_from: safe,
    }) = answer()
    else {
        return rsx! {};
    };
    let rule = policy.contract();
    rsx! {
        Card { icon: "calendar", title: t.t("ui-whatif-title"),
            div { class: "field",
                label { class: "field-label", r#for: "leave-on", {t.t("ui-whatif-date")} }
                DateInput { id: "leave-on", value: text.clone(), words: date_words(&t),
                    on_change: move |d: Option<String>| leave_on.set(d.unwrap_or_default()) }
            }
            if let Some(r) = answer {
                if r.risk == Risk::High {
                    div { class: "risk-high", role: "status",
                        p { strong { Icon { name: "warning" } " "
                            {t.t_args("ui-whatif-risk-high", &args(&[("date", t.date(r.leave_on).into()), ("amount", t.tenge(r.refund_due_kzt).into())]))}
                        } }
                    }
                } else {
                    div { class: "risk-none", role: "status",
                        p { {t.t_args("ui-whatif-risk-none", &args(&[("date", t.date(r.leave_on).into())]))} }
                    }
                }
            }
            if let Some(safe) = safe {
                p { {t.t_args("ui-whatif-free-from", &args(&[("date", t.date(safe).into())]))} }
            }
            p { {t.t_args("disclaimer-refund", &args(&[("years", rule.term_years.into())]))} }
            if rule.provenance.uncertain {
                p { class: "notice warn",
                    strong { {t.t("disclaimer-uncertain")} }
                    br {}
                    {t.t("disclaimer-refund-uncertain")}
                }
            }
            p { class: "quiet", {t.t_args("ui-whatif-source", &args(&[("basis", t.t("source-refund").into())]))} }
        }
    }
}

/// The two ways side by side: resettling with the contract, or residence on general grounds.
#[component]
fn GeneralGrounds(contract: Option<Contract>) -> Element {
    let tr = use_i18n();
    let t = tr.read();
    let catalog = use_catalog();
    let c = catalog.read();
    let Some(policy) = c.catalog().policy(today()) else {
        return rsx! {};
    };
    let general = kosh_shared::contract::general_grounds_path(policy);
    let kandas = contract
        .as_ref()
        .and_then(|c| kosh_shared::contract::kandas_path(c, today(), policy).ok());
    rsx! {
        Card { icon: "next", title: t.t("ui-general-title"),
            p { {t.t("ui-general-text")} }
            div { class: "paths",
                section { class: "card",
                    h3 { {t.t("ui-general-compare-contract")} }
                    ul {
                        li { {t.t("ui-home-contract-title")} }
                        if let Some(k) = &kandas {
                            if let Some(region) = &k.region {
                                li { {t.t(&format!("region-{region}"))} }
                            }
                            if let Some(until) = k.must_stay_until {
                                li { {t.t_args("ui-contract-ends-on", &args(&[("date", t.date(until).into())]))} }
                            }
                            li { {t.t_args("ui-contract-support-total", &args(&[("amount", t.tenge(k.support_received_kzt).into())]))} }
                        }
                        li { {t.t_args("disclaimer-refund", &args(&[("years", policy.contract().term_years.into())]))} }
                    }
                }
                section { class: "card",
                    h3 { {t.t("ui-general-compare-general")} }
                    ul {
                        if !general.quota { li { {t.t("ui-general-no-quota")} } }
                        if !general.state_support { li { {t.t("ui-general-no-support")} } }
                        if general.free_choice_of_region { li { {t.t("ui-general-any-region")} } }
                        if policy.general_grounds().screening { li { {t.t("ui-general-screening")} } }
                        MeansAskedList {}
                    }
                }
            }
            if general.uncertain {
                p { class: "quiet", {t.t("disclaimer-general-grounds")} }
            }
            p { class: "quiet", {t.t_args("ui-whatif-source", &args(&[("basis", t.t("source-general-grounds").into())]))} }
        }
    }
}

/// The contract's short summary for the home card: days left, or that the term is over.
#[component]
pub fn ContractSummary() -> Element {
    let vault = use_store();
    let tr = use_i18n();
    let card = use_memo(move || contract_card(vault.read().state().contract.as_ref(), today()));
    let t = tr.read();
    let Some(ContractCard {
        contract,
        progress: Some(p),
        ..
    }) = card()
    else {
        return rsx! {};
    };
    rsx! {
        p { strong { {t.t(&format!("region-{}", contract.region))} } }
        if p.days_remaining == 0 {
            p { {t.t("ui-home-contract-ended")} }
        } else {
            p { {t.t_args("ui-home-contract-days-left", &args(&[("days", p.days_remaining.into())]))} }
        }
    }
}
