//! The published forms and policy bundles as the server holds them in memory, and the rules of
//! publishing: a document is checked by the very loader the app uses (`kosh_shared`), a policy
//! bundle may replace the content under its id, a form version may not change once published
//! (a new version is published instead). The store only keeps the accepted texts; the rules
//! live here so that every store (sled now, PostgreSQL later) gets the same ones.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use kosh_shared::api::{FormSummary, PolicySummary, Problem};
use kosh_shared::form::{self, Form};
use kosh_shared::policy::Policy;

use super::Document;
use crate::error::{ApiError, ApiResult};
use crate::store::ReferenceKey;

/// One published document: what the server computes with and what it serves (whose body is
/// the canonical JSON text, as stored: what a second publication is compared with).
#[derive(Debug)]
pub struct Entry<T> {
    pub value: Arc<T>,
    pub document: Document,
}

// Not derived: cloning shares the value, so `T` need not be `Clone`.
impl<T> Clone for Entry<T> {
    fn clone(&self) -> Self {
        Entry {
            value: self.value.clone(),
            document: self.document.clone(),
        }
    }
}

impl<T: serde::Serialize> Entry<T> {
    fn new(value: T) -> ApiResult<Entry<T>> {
        let text = serde_json::to_string(&value)
            .map_err(|e| ApiError::Internal(format!("serialising a reference document: {e}")))?;
        Ok(Entry {
            document: Document::from_text(text),
            value: Arc::new(value),
        })
    }
}

/// Every published form version and policy bundle. Immutable: publishing builds a new one,
/// sharing the unchanged documents.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    forms: BTreeMap<String, BTreeMap<u32, Entry<Form>>>,
    policies: BTreeMap<String, Entry<Policy>>,
}

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new id (or form version).
    Created,
    /// A policy bundle's content under its id changed.
    Replaced,
    /// The same content was published before: nothing changed.
    Unchanged,
}

impl Catalog {
    /// The catalog of these stored documents. A stored document this build's loader refuses is left in
    /// the store and reported in the second value (it is not served); the rest are.
    pub fn from_documents(documents: Vec<(ReferenceKey, String)>) -> (Catalog, Vec<String>) {
        let mut catalog = Catalog::default();
        let mut skipped = Vec::new();
        for (key, text) in documents {
            let loaded = match &key {
                ReferenceKey::Policy(_) => Policy::from_json(&text)
                    .map_err(|e| e.to_string())
                    .and_then(|p| Entry::new(p).map_err(|e| e.to_string()))
                    .map(|e| catalog.insert_policy(e)),
                ReferenceKey::Form(..) => Form::from_json(&text)
                    .map_err(|e| e.to_string())
                    .and_then(|f| Entry::new(f).map_err(|e| e.to_string()))
                    .map(|e| catalog.insert_form(e)),
            };
            if let Err(why) = loaded {
                skipped.push(format!("{key:?}: {why}"));
            }
        }
        (catalog, skipped)
    }

    fn insert_policy(&mut self, entry: Entry<Policy>) {
        self.policies.insert(entry.value.id().to_owned(), entry);
    }

    fn insert_form(&mut self, entry: Entry<Form>) {
        self.forms
            .entry(entry.value.id().to_string())
            .or_default()
            .insert(entry.value.version(), entry);
    }

    /// One version of a form.
    pub fn form(&self, id: &str, version: u32) -> Option<&Entry<Form>> {
        self.forms.get(id)?.get(&version)
    }

    /// The newest version of a form.
    pub fn newest_form(&self, id: &str) -> Option<&Entry<Form>> {
        self.forms.get(id)?.values().next_back()
    }

    /// Every published form version, by id and version.
    pub fn form_summaries(&self) -> Vec<FormSummary> {
        self.forms
            .values()
            .flat_map(|versions| versions.values().map(|e| e.value.summary()))
            .collect()
    }

    /// One policy bundle by id.
    pub fn policy(&self, id: &str) -> Option<&Entry<Policy>> {
        self.policies.get(id)
    }

    /// Every published bundle, by id.
    pub fn policy_summaries(&self) -> Vec<PolicySummary> {
        self.policies
            .values()
            .map(|e| PolicySummary {
                id: e.value.id().to_owned(),
                valid_from: e.value.valid_from(),
                valid_until: e.value.valid_until(),
                etag: e.document.etag().to_owned(),
            })
            .collect()
    }

    /// The bundle in force on `day`: of those whose dates include it, the one that started
    /// last (a correction published for the same period replaces by id, so ties are rare; the
    /// greater id wins them).
    pub fn policy_on(&self, day: NaiveDate) -> Option<&Entry<Policy>> {
        self.policies
            .values()
            .filter(|e| e.value.in_force_on(day))
            .max_by_key(|e| (e.value.valid_from(), e.value.id().to_owned()))
    }

    /// The bundle the server computes with on `day`: the one in force, or else the latest that
    /// started before it (last year's rules until this year's are published), or else the
    /// earliest. `None` only for an empty catalog, which [`super::Reference::open`] never makes.
    pub fn policy_for(&self, day: NaiveDate) -> Option<Arc<Policy>> {
        self.policy_on(day)
            .or_else(|| {
                self.policies
                    .values()
                    .filter(|e| e.value.valid_from() <= day)
                    .max_by_key(|e| e.value.valid_from())
            })
            .or_else(|| self.policies.values().min_by_key(|e| e.value.valid_from()))
            .map(|e| e.value.clone())
    }

    /// Whether some newest form version has question `id` (what scoring rules must read).
    fn any_form_has(&self, id: &str) -> bool {
        self.forms
            .values()
            .filter_map(|versions| versions.values().next_back())
            .any(|e| e.value.question(id).is_some())
    }

    /// Checks a bundle to be published under `id`: it must load, carry that id, and score only
    /// questions the forms have. Returns the bundle and what publishing it would do.
    pub fn check_policy(&self, id: &str, text: &str) -> ApiResult<(Entry<Policy>, Outcome)> {
        let policy = Policy::load_reporting(text).map_err(ApiError::InvalidPolicy)?;
        let mut problems: Vec<Problem> = Vec::new();
        if policy.id() != id {
            problems.push(Problem::new(
                "id",
                "id_mismatch",
                format!(
                    "the bundle's id {:?} is not the {id:?} of the address",
                    policy.id()
                ),
            ));
        }
        if !self.forms.is_empty() {
            problems.extend(policy.question_problems(&|q| self.any_form_has(q)));
        }
        if !problems.is_empty() {
            return Err(ApiError::InvalidPolicy(problems));
        }
        let entry = Entry::new(policy)?;
        let outcome = match self.policies.get(id) {
            None => Outcome::Created,
            Some(old) if old.text() == entry.text() => Outcome::Unchanged,
            Some(_) => Outcome::Replaced,
        };
        Ok((entry, outcome))
    }

    /// Checks a form version to be published: it must load, and a version already published
    /// must have the same content (409 `version_exists` otherwise).
    pub fn check_form(&self, text: &str) -> ApiResult<(Entry<Form>, Outcome)> {
        let form = Form::load_reporting(text).map_err(ApiError::InvalidForm)?;
        let entry = Entry::new(form)?;
        let outcome = match self.form(entry.value.id().as_str(), entry.value.version()) {
            None => Outcome::Created,
            Some(old) if old.text() == entry.text() => Outcome::Unchanged,
            Some(_) => {
                return Err(ApiError::VersionExists(format!(
                    "version {} of form {} is published with other content: publish it as a new version",
                    entry.value.version(),
                    entry.value.id()
                )));
            }
        };
        Ok((entry, outcome))
    }

    /// This catalog with `entry` published.
    pub fn with_policy(&self, entry: Entry<Policy>) -> Catalog {
        let mut next = self.clone();
        next.insert_policy(entry);
        next
    }

    /// This catalog with the form version `entry` published.
    pub fn with_form(&self, entry: Entry<Form>) -> Catalog {
        let mut next = self.clone();
        next.insert_form(entry);
        next
    }
}

impl<T> Entry<T> {
    /// The canonical text, to store.
    pub fn text(&self) -> &str {
        self.document.text()
    }
}

/// The built-in forms and policies of `kosh_shared`, as texts to publish when the store lacks
/// them.
pub fn builtin_texts() -> Result<Vec<(ReferenceKey, String)>, String> {
    let mut out = Vec::new();
    for f in form::builtin().map_err(|e| format!("built-in forms: {e}"))? {
        let text = serde_json::to_string(f).map_err(|e| e.to_string())?;
        out.push((ReferenceKey::Form(f.id().to_string(), f.version()), text));
    }
    for policy in Policy::builtins().map_err(|e| format!("built-in policies: {e}"))? {
        let text = serde_json::to_string(policy).map_err(|e| e.to_string())?;
        out.push((ReferenceKey::Policy(policy.id().to_owned()), text));
    }
    Ok(out)
}
