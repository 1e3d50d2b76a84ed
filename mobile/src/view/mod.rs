//! View models: what each screen shows, computed by plain functions from the saved state, the
//! form and policy the catalog gives (passed in as plain arguments), and the translator. No Dioxus here, so tests check them directly.
//! The types the widgets of `components` take (`Choice`, `FieldSpec`, ...) are defined here, so
//! the dependency runs one way: pages and components use `view`, `view` uses neither.

pub mod checklist;
pub mod choices;
pub mod contract;
pub mod date;
pub mod deadlines;
pub mod enquiry;
pub mod form;
pub mod home;
pub mod photos;
pub mod report;
pub mod rules;
pub mod score;
pub mod settings;
pub mod status;
pub mod summary;
pub mod words;
pub mod worth;

use chrono::NaiveDate;

/// One choice of a list: the stored value and the words shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Today in the phone's time zone: what "today" means to the person holding it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
