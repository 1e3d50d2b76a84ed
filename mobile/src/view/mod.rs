//! View models: what each screen shows, computed by plain functions from the saved state, the
//! built-in form and policy, and the translator. No Dioxus here, so tests check them directly.

pub mod catalog;
pub mod contract;
pub mod form;

use chrono::NaiveDate;

/// Today in the phone's time zone: what "today" means to the person holding it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
