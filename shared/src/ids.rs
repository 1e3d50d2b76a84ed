//! Identifier newtypes, so a draft id is never passed where a user id belongs. On the wire each
//! is a plain string.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }
    };
}

id_type!(
    /// A user account (applicant or officer).
    UserId
);
id_type!(
    /// One applicant's draft of one form (a UUID chosen by the device that started it).
    DraftId
);
id_type!(
    /// One edit to one answer (a UUID chosen by the device); makes pushes idempotent.
    OpId
);
id_type!(
    /// A questionnaire, e.g. `residence-2026`.
    FormId
);
id_type!(
    /// A submitted application.
    ApplicationId
);
id_type!(
    /// One installation of the app.
    DeviceId
);
id_type!(
    /// A region of the policy bundle, e.g. `pavlodar`.
    RegionId
);
