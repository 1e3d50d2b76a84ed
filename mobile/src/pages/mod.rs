//! One module per screen; each page is the component its `Route` variant names.

mod account;
mod checklist;
mod deadlines;
mod home;
mod kandas;
mod not_found;
mod questionnaire;
mod review;
mod rules;
mod score;
mod settings;
mod status;
mod summary;
mod welcome;
mod worth;

pub use account::Account;
pub use checklist::Checklist;
pub use deadlines::Deadlines;
pub use home::Home;
pub use kandas::Kandas;
pub use not_found::NotFound;
pub use questionnaire::Questionnaire;
pub use review::Review;
pub use rules::{LeftBehind, MoveOffer, RulesNotices, SupportAmounts};
pub use score::Score;
pub use settings::Settings;
pub use status::Status;
pub use summary::Summary;
pub use welcome::Welcome;
pub use worth::{MeansAskedList, Worth};
