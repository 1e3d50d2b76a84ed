//! The one list of the app's screens and their addresses. Every page lives in `pages/` under
//! the variant's name; all but the fallback share the `Shell` (header with the sync state,
//! bottom navigation).

use dioxus::prelude::*;

use crate::app::Shell;
use crate::pages::{
    Account, Checklist, Deadlines, Home, Kandas, NotFound, Questionnaire, Review, Score, Settings,
    Status, Summary,
};

/// Every screen of the app.
#[derive(Debug, Clone, PartialEq, Routable)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        /// Home, or the first-run screens until they are done.
        #[route("/")]
        Home {},
        /// Create an account or log in.
        #[route("/account")]
        Account {},
        /// One section of the questionnaire (0-based index among the relevant sections).
        #[route("/form/:section")]
        Questionnaire { section: usize },
        /// What is missing, and submit.
        #[route("/review")]
        Review {},
        /// The preliminary self-check score.
        #[route("/score")]
        Score {},
        /// The papers to bring, with ticks.
        #[route("/checklist")]
        Checklist {},
        /// The summary to print or save as a PDF, in Kazakh and Russian.
        #[route("/summary")]
        Summary {},
        /// The application's timeline.
        #[route("/status")]
        Status {},
        /// Dates not to miss, each with a calendar file.
        #[route("/deadlines")]
        Deadlines {},
        /// The kandas social contract.
        #[route("/contract")]
        Kandas {},
        /// Language, script, text size, account, sync.
        #[route("/settings")]
        Settings {},
    #[end_layout]
    /// Any other address.
    #[route("/:..segments")]
    NotFound { segments: Vec<String> },
}
