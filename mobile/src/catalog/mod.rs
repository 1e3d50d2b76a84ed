//! The rules the phone holds: every policy bundle and questionnaire version it has, starting
//! from the copies built into the app, refreshed from the server (`refresh`), kept in the local
//! store for offline use ([`CatalogStore`]), and the only way a screen reads rules (`init` /
//! `use_catalog` in `service`). Which bundle applies on a day, what a newer bundle changed, and
//! which form version a draft could move to are plain functions over the held documents here,
//! so they are tested without a network or a screen.

pub mod refresh;
mod service;

pub use refresh::{CatalogCell, RefreshReport, refresh};
pub use service::{CatalogService, init, use_catalog};

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use kosh_shared::draft::Draft;
use kosh_shared::error::Problem;
use kosh_shared::form::{self, Form};
use kosh_shared::policy::{Policy, PolicyChange, changes};
use kosh_shared::sort::sort_by_key;

use crate::error::AppResult;
use crate::store::{LocalStore, Recovery, load_json, save_json};

/// The name the catalog is saved under, apart from the person's answers (`state`): a damaged
/// catalog costs the rules received, never an answer.
pub const CATALOG_KEY: &str = "catalog";

/// One document as the server sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    /// The bundle's or form's id, and the form's version: which document this replaces.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The JSON text, kept as received: it is checked again with the shared loader on every
    /// start, so a copy damaged on the phone is dropped instead of believed.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

/// One change a newer bundle brought, as saved until the person has read it (the shared
/// [`PolicyChange`], in a form that survives a restart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Mci {
        year: i32,
        kzt: u64,
    },
    Support {
        measure: String,
    },
    SupportRemoved {
        measure: String,
    },
    Quota {
        region: String,
        year: i32,
        people: Option<u32>,
    },
    Regions,
    Stages,
    Scoring,
    Contract,
}

impl From<PolicyChange> for Change {
    fn from(change: PolicyChange) -> Change {
        match change {
            PolicyChange::MciPublished { year, kzt } => Change::Mci { year, kzt },
            PolicyChange::SupportChanged { measure } => Change::Support { measure },
            PolicyChange::SupportRemoved { measure } => Change::SupportRemoved { measure },
            PolicyChange::QuotaChanged {
                region,
                year,
                people,
            } => Change::Quota {
                region: region.to_string(),
                year,
                people,
            },
            PolicyChange::RegionsChanged => Change::Regions,
            PolicyChange::StagesChanged => Change::Stages,
            PolicyChange::ScoringChanged => Change::Scoring,
            PolicyChange::ContractChanged => Change::Contract,
        }
    }
}

/// What is saved under [`CATALOG_KEY`]: the documents received and what the refresh needs to
/// ask cheaply next time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedCatalog {
    /// Policy bundles received from the server (the built-in one is not repeated here).
    pub policies: Vec<Doc>,
    /// Form versions received from the server.
    pub forms: Vec<Doc>,
    /// The `ETag` of the last `GET /v1/policy` answered with a body, for `If-None-Match`.
    pub policy_etag: Option<String>,
    /// The `ETag` of the last `GET /v1/forms/{id}` per form id.
    pub form_etags: BTreeMap<String, String>,
    /// The last day the server said which bundle is in force, and whether it had none.
    pub checked_on: Option<NaiveDate>,
    pub none_in_force: bool,
    /// What the last bundles received changed, until the person dismisses it.
    pub notice: Vec<Change>,
}

/// Why the bundle a screen uses is not one in force today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stale {
    /// The server said today that no bundle is in force: newer rules are not published yet.
    NotPublished { until: Option<NaiveDate> },
    /// The phone has not heard from the server since its newest bundle ended.
    NotReceived { until: Option<NaiveDate> },
}

/// The forms and policy bundles the phone holds. Built-in copies first; a document from the
/// server with the same id (and version, for a form) replaces the built-in one.
#[derive(Debug, Clone)]
pub struct Catalog {
    policies: Vec<Policy>,
    forms: Vec<Form>,
    saved: SavedCatalog,
}

impl Default for Catalog {
    fn default() -> Catalog {
        Catalog::open(SavedCatalog::default()).0
    }
}

impl Catalog {
    /// The built-in rules plus every saved document that still loads. Returns how many saved
    /// documents did not (they are dropped from the saved copy, so they are reported once).
    pub fn open(mut saved: SavedCatalog) -> (Catalog, usize) {
        let mut catalog = Catalog {
            // A broken built-in file is a broken build (the shared tests load it); the catalog
            // is then empty of it and every screen says it cannot show the rules.
            policies: Policy::builtins()
                .map(<[Policy]>::to_vec)
                .unwrap_or_default(),
            forms: form::builtin()
                .map(|all| all.into_iter().cloned().collect())
                .unwrap_or_default(),
            saved: SavedCatalog::default(),
        };
        let before = saved.policies.len() + saved.forms.len();
        let policies = std::mem::take(&mut saved.policies);
        let forms = std::mem::take(&mut saved.forms);
        catalog.saved = saved;
        for doc in policies {
            if let Ok(policy) = Policy::load_reporting(&doc.text) {
                catalog.put_policy(policy, doc);
            }
        }
        for doc in forms {
            if let Ok(form) = Form::load_reporting(&doc.text) {
                catalog.put_form(form, doc);
            }
        }
        let after = catalog.saved.policies.len() + catalog.saved.forms.len();
        (catalog, before - after)
    }

    /// What to save.
    pub fn saved(&self) -> &SavedCatalog {
        &self.saved
    }

    /// Every bundle held, by first day in force.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// Every form version held.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    fn put_policy(&mut self, policy: Policy, doc: Doc) {
        let id = policy.id().to_owned();
        self.policies.retain(|p| p.id() != id);
        self.policies.push(policy);
        sort_by_key(&mut self.policies, |p| (p.valid_from(), p.id().to_owned()));
        self.saved.policies.retain(|d| d.id != id);
        self.saved.policies.push(Doc {
            id,
            version: None,
            ..doc
        });
    }

    fn put_form(&mut self, form: Form, doc: Doc) {
        let (id, version) = (form.id().to_string(), form.version());
        self.forms
            .retain(|f| (f.id().as_str(), f.version()) != (id.as_str(), version));
        self.forms.push(form);
        sort_by_key(&mut self.forms, |f| (f.id().to_string(), f.version()));
        self.saved
            .forms
            .retain(|d| (d.id.as_str(), d.version) != (id.as_str(), Some(version)));
        self.saved.forms.push(Doc {
            id,
            version: Some(version),
            ..doc
        });
    }

    /// The bundle a screen uses on `day`: the one in force (the latest to start, should two
    /// overlap); when none is, the newest that has ended, since an old bundle says more about
    /// today than one not yet begun; failing both, the earliest held.
    pub fn policy(&self, day: NaiveDate) -> Option<&Policy> {
        self.in_force(day).or_else(|| {
            self.policies
                .iter()
                .filter(|p| p.valid_until().is_some_and(|until| until < day))
                .max_by_key(|p| p.valid_until())
                .or_else(|| self.policies.first())
        })
    }

    fn in_force(&self, day: NaiveDate) -> Option<&Policy> {
        self.policies.iter().rev().find(|p| p.in_force_on(day))
    }

    /// Whether the bundle [`Catalog::policy`] gives for `day` is not in force that day, and why.
    pub fn stale(&self, day: NaiveDate) -> Option<Stale> {
        if self.in_force(day).is_some() {
            return None;
        }
        let until = self.policy(day).and_then(Policy::valid_until);
        Some(
            if self.saved.none_in_force && self.saved.checked_on == Some(day) {
                Stale::NotPublished { until }
            } else {
                Stale::NotReceived { until }
            },
        )
    }

    /// One form version, if held.
    pub fn form(&self, id: &str, version: u32) -> Option<&Form> {
        self.forms
            .iter()
            .find(|f| f.id().as_str() == id && f.version() == version)
    }

    /// The newest version held of a form.
    pub fn newest_form(&self, id: &str) -> Option<&Form> {
        self.forms
            .iter()
            .filter(|f| f.id().as_str() == id)
            .max_by_key(|f| f.version())
    }

    /// The version the draft is on, if the phone holds it.
    pub fn form_of(&self, draft: &Draft) -> Option<&Form> {
        self.form(draft.form_id.as_str(), draft.form_version)
    }

    /// A newer version of the draft's form that is in use on `day`, if the phone holds one: the
    /// draft may move to it. A version that starts later is not offered yet.
    pub fn newer_form(&self, draft: &Draft, day: NaiveDate) -> Option<&Form> {
        self.forms
            .iter()
            .filter(|f| {
                f.id() == &draft.form_id
                    && f.version() > draft.form_version
                    && f.valid_from() <= day
                    && f.valid_until().is_none_or(|until| day <= until)
            })
            .max_by_key(|f| f.version())
    }

    /// Take a bundle the server sent: checked with the shared loader (a garbled one changes
    /// nothing and comes back with every problem). When the bundle in use on `day` changes, what
    /// changed is added to the notice. Returns whether anything new was kept.
    pub fn take_policy(
        &mut self,
        text: String,
        etag: Option<String>,
        day: NaiveDate,
    ) -> Result<bool, Vec<Problem>> {
        let policy = Policy::load_reporting(&text)?;
        if self.policies.contains(&policy) {
            // Known content (the built-in bundle, or a copy already held): keep only the tag.
            self.saved.policy_etag = etag;
            return Ok(false);
        }
        let before = self.policy(day).cloned();
        self.put_policy(
            policy,
            Doc {
                id: String::new(),
                version: None,
                text,
                etag: etag.clone(),
            },
        );
        self.saved.policy_etag = etag;
        if let (Some(old), Some(new)) = (before, self.policy(day)) {
            for change in changes(&old, new) {
                let change = Change::from(change);
                // A later change to the same figure replaces the earlier one: one line each.
                self.saved.notice.retain(|c| !same_subject(c, &change));
                self.saved.notice.push(change);
            }
        }
        Ok(true)
    }

    /// Take a form version the server sent; a garbled one changes nothing. `etag` is that of
    /// `GET /v1/forms/{id}` when it came from there. Returns the (id, version) when it was new.
    pub fn take_form(
        &mut self,
        text: String,
        etag: Option<String>,
    ) -> Result<Option<(String, u32)>, Vec<Problem>> {
        let form = Form::load_reporting(&text)?;
        let key = (form.id().to_string(), form.version());
        if let Some(tag) = &etag {
            self.saved.form_etags.insert(key.0.clone(), tag.clone());
        }
        if self.form(&key.0, key.1).is_some() {
            // Published versions never change (the server answers 409 to that).
            return Ok(None);
        }
        self.put_form(
            form,
            Doc {
                id: String::new(),
                version: None,
                text,
                etag,
            },
        );
        Ok(Some(key))
    }

    /// The server answered which bundle is in force on `day` (`none`: none is).
    pub fn checked(&mut self, day: NaiveDate, none: bool) {
        self.saved.checked_on = Some(day);
        self.saved.none_in_force = none;
    }

    /// What newer bundles changed, not yet dismissed.
    pub fn notice(&self) -> &[Change] {
        &self.saved.notice
    }

    /// The person has read the notice.
    pub fn dismiss_notice(&mut self) {
        self.saved.notice.clear();
    }
}

/// Whether two changes are about the same thing (so the newer replaces the older).
fn same_subject(a: &Change, b: &Change) -> bool {
    match (a, b) {
        (Change::Mci { year: x, .. }, Change::Mci { year: y, .. }) => x == y,
        (
            Change::Support { measure: x } | Change::SupportRemoved { measure: x },
            Change::Support { measure: y } | Change::SupportRemoved { measure: y },
        ) => x == y,
        (
            Change::Quota {
                region: r, year: x, ..
            },
            Change::Quota {
                region: s, year: y, ..
            },
        ) => r == s && x == y,
        _ => a == b,
    }
}

/// The catalog and the store it is saved in.
pub struct CatalogStore {
    store: Rc<dyn LocalStore>,
    catalog: Catalog,
    recovery: Option<Recovery>,
    /// Saved documents that no longer loaded at opening.
    dropped: usize,
}

impl std::fmt::Debug for CatalogStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CatalogStore")
            .field("policies", &self.catalog.policies.len())
            .field("forms", &self.catalog.forms.len())
            .finish_non_exhaustive()
    }
}

impl CatalogStore {
    /// Open the saved catalog. Unreadable text is set aside (as the vault does) and the app
    /// starts from the built-in rules; a store that cannot even be read gives the built-in rules
    /// too. Never an error: the rules built into the app are always there to fall back on.
    pub fn open(store: Rc<dyn LocalStore>, stamp: &str) -> CatalogStore {
        let (saved, recovery) = match load_json::<SavedCatalog>(store.as_ref(), CATALOG_KEY, stamp)
        {
            Ok(pair) => pair,
            Err(e) => (
                None,
                Some(Recovery {
                    key: CATALOG_KEY.to_owned(),
                    kept_as: String::new(),
                    reason: e.to_string(),
                }),
            ),
        };
        let (catalog, dropped) = Catalog::open(saved.unwrap_or_default());
        CatalogStore {
            store,
            catalog,
            recovery,
            dropped,
        }
    }

    /// The rules held.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Whether what was saved could not be read (or some of it no longer loads), so the phone
    /// is back on the built-in rules until it reaches the server again.
    pub fn was_damaged(&self) -> bool {
        self.recovery.is_some() || self.dropped > 0
    }

    /// What opening found damaged, if the whole saved copy was unreadable.
    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// The server answered again: the rules held are current, whatever opening found.
    pub fn clear_damage(&mut self) {
        self.recovery = None;
        self.dropped = 0;
    }

    /// Change the catalog and save it. The change stays in memory even if saving fails (the
    /// rules received are the truth whether or not the phone could keep them); the error says
    /// that they were not kept.
    pub fn update<T>(&mut self, change: impl FnOnce(&mut Catalog) -> T) -> AppResult<T> {
        let out = change(&mut self.catalog);
        save_json(self.store.as_ref(), CATALOG_KEY, self.catalog.saved())?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
