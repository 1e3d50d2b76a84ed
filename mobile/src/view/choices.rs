//! Lists the answer widgets offer that are not options in the form: countries (ISO 3166-1
//! codes with names from the locales) and the policy's regions.

use kosh_locales::Translator;
use kosh_shared::policy::Policy;
use kosh_shared::sort::sort_by_key;

use crate::view::Choice;

/// The countries the country lists offer, by ISO 3166-1 alpha-2 code: where applicants and
/// kandas come from (DOMAIN.md: Uzbekistan, China, Turkmenistan, Mongolia, Russia first), their
/// neighbours, and the countries they most often worked or studied in. Names are the locales'
/// `mobile-country-<code>`.
pub const COUNTRIES: [&str; 30] = [
    "KZ", "UZ", "CN", "TM", "MN", "RU", "KG", "TJ", "AF", "IR", "TR", "AZ", "GE", "AM", "UA", "BY",
    "MD", "LT", "LV", "EE", "PL", "DE", "GB", "US", "CA", "KR", "JP", "IN", "PK", "AE",
];

/// A country's name in the person's language; the code itself when it has no name here.
pub fn country_name(tr: &Translator, code: &str) -> String {
    tr.try_t(
        &format!("mobile-country-{}", code.to_ascii_lowercase()),
        None,
    )
    .unwrap_or_else(|| code.to_owned())
}

/// How many of [`COUNTRIES`] lead the list as they stand: Kazakhstan and the five countries
/// most kandas come from, so most people find theirs without searching.
const FIRST: usize = 6;

/// The country list: the most common countries first, then the rest by name in the person's
/// language; the search box finds any of them.
pub fn countries(tr: &Translator) -> Vec<Choice> {
    let choice = |code: &&str| Choice {
        value: (*code).to_owned(),
        label: country_name(tr, code),
    };
    let mut rest: Vec<Choice> = COUNTRIES[FIRST..].iter().map(choice).collect();
    sort_by_key(&mut rest, |c| c.label.to_lowercase());
    COUNTRIES[..FIRST].iter().map(choice).chain(rest).collect()
}

/// The region ids of the policy bundle.
pub fn region_ids(policy: &Policy) -> Vec<String> {
    policy.regions().iter().map(|r| r.id.to_string()).collect()
}

/// The policy's regions with their names.
pub fn regions(tr: &Translator, policy: &Policy) -> Vec<Choice> {
    region_ids(policy)
        .into_iter()
        .map(|id| Choice {
            label: tr.t(&format!("region-{id}")),
            value: id,
        })
        .collect()
}
