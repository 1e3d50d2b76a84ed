//! Refreshing the catalog from the server: the bundle in force (`GET /v1/policy` with
//! `If-None-Match`), the newest version of every form (`GET /v1/forms`, then each one the phone
//! lacks), and the exact version the draft is on when the phone lacks it (a second phone moved
//! the draft). Each document is checked with the shared loader before it is kept and saved as it
//! arrives, so an interrupted refresh keeps what it got and a garbled document changes nothing.

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use kosh_shared::error::Problem;
use kosh_shared::ids::FormId;

use super::CatalogStore;
use crate::error::{AppError, AppResult};
use crate::server::{Fetched, Server};

/// Access to the catalog for code that awaits in between: a borrow never spans an `.await`.
pub trait CatalogCell {
    /// Read the catalog.
    fn with<R>(&self, f: impl FnOnce(&CatalogStore) -> R) -> R;
    /// Change the catalog.
    fn with_mut<R>(&self, f: impl FnOnce(&mut CatalogStore) -> R) -> R;
}

impl CatalogCell for RefCell<CatalogStore> {
    fn with<R>(&self, f: impl FnOnce(&CatalogStore) -> R) -> R {
        f(&self.borrow())
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut CatalogStore) -> R) -> R {
        f(&mut self.borrow_mut())
    }
}

impl<C: CatalogCell> CatalogCell for std::rc::Rc<C> {
    fn with<R>(&self, f: impl FnOnce(&CatalogStore) -> R) -> R {
        self.as_ref().with(f)
    }
    fn with_mut<R>(&self, f: impl FnOnce(&mut CatalogStore) -> R) -> R {
        self.as_ref().with_mut(f)
    }
}

/// What one refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefreshReport {
    /// A bundle with new content was kept.
    pub policy_changed: bool,
    /// The server has no bundle in force today.
    pub none_in_force: bool,
    /// The server answered 304 for the bundle.
    pub policy_not_modified: bool,
    /// Form versions newly kept, as (id, version).
    pub forms: Vec<(String, u32)>,
    /// Documents that did not load, by what was asked for, with every problem: nothing of
    /// them was kept.
    pub refused: Vec<(String, Vec<Problem>)>,
}

/// Refresh `catalog` from `server` on `day`. `draft_form` is the form and version the phone's
/// draft is on, fetched if the phone lacks it. The network failing is an error (the caller tries
/// again at the next sync); what was received before it failed is kept.
pub async fn refresh<C: CatalogCell>(
    server: &Server,
    catalog: &C,
    draft_form: Option<(FormId, u32)>,
    day: NaiveDate,
) -> AppResult<RefreshReport> {
    let mut report = RefreshReport::default();

    let etag = catalog.with(|c| c.catalog().saved().policy_etag.clone());
    match server.policy(etag.as_deref()).await? {
        None => {
            report.none_in_force = true;
            catalog.with_mut(|c| c.update(|cat| cat.checked(day, true)))?;
        }
        Some(Fetched::NotModified) => {
            report.policy_not_modified = true;
            catalog.with_mut(|c| c.update(|cat| cat.checked(day, false)))?;
        }
        Some(Fetched::Body { text, etag }) => {
            let taken = catalog.with_mut(|c| {
                c.update(|cat| {
                    let taken = cat.take_policy(text, etag, day);
                    cat.checked(day, false);
                    taken
                })
            })?;
            match taken {
                Ok(changed) => report.policy_changed = changed,
                Err(problems) => report.refused.push(("policy".to_owned(), problems)),
            }
        }
    }

    // The newest version of each form the server lists, unless the phone has it already
    // (a published version never changes, so holding it is enough).
    let mut newest: BTreeMap<String, u32> = BTreeMap::new();
    for summary in server.forms().await? {
        let version = newest.entry(summary.id.to_string()).or_default();
        *version = (*version).max(summary.version);
    }
    for (id, version) in newest {
        let (held, etag) = catalog.with(|c| {
            (
                c.catalog().form(&id, version).is_some(),
                c.catalog().saved().form_etags.get(&id).cloned(),
            )
        });
        if held {
            continue;
        }
        match server.form(&id, etag.as_deref()).await {
            Ok(Fetched::NotModified) => {}
            Ok(Fetched::Body { text, etag }) => {
                take_form(catalog, &mut report, &format!("form {id}"), text, etag)?;
            }
            // Listed but gone a moment later, or an id the route refuses: the next refresh
            // asks again.
            Err(AppError::Api { status: 404, .. }) => {}
            Err(e) => return Err(e),
        }
    }

    if let Some((id, version)) = draft_form
        && catalog.with(|c| c.catalog().form(id.as_str(), version).is_none())
    {
        match server.form_version(id.as_str(), version).await {
            Ok(text) => {
                let what = format!("form {id} version {version}");
                take_form(catalog, &mut report, &what, text, None)?;
            }
            Err(AppError::Api { status: 404, .. }) => {}
            Err(e) => return Err(e),
        }
    }

    catalog.with_mut(CatalogStore::clear_damage);
    Ok(report)
}

fn take_form<C: CatalogCell>(
    catalog: &C,
    report: &mut RefreshReport,
    what: &str,
    text: String,
    etag: Option<String>,
) -> AppResult<()> {
    let taken = catalog.with_mut(|c| c.update(|cat| cat.take_form(text, etag)))?;
    match taken {
        Ok(Some(key)) => report.forms.push(key),
        Ok(None) => {}
        Err(problems) => report.refused.push((what.to_owned(), problems)),
    }
    Ok(())
}
