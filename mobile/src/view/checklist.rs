//! The checklist screen as the person reads it: the papers `kosh_shared::checklist` finds the
//! draft's answers call for, grouped by whom they are for (the applicant, each family member who
//! moves, the family once), each with what it is, the path that asks for it, whether it needs a
//! notarised translation, how old it may be, where it is handed in, and the person's tick. The
//! count of what is still missing comes first, since that is what decides whether a trip is
//! wasted.
//!
//! Dates: a paper's age limit is checked against today by `kosh-shared` (`is_too_old`) and here
//! against the day the person plans to hand the papers in, when they gave one, because a
//! certificate fresh today may be too old by the visit.

use chrono::NaiveDate;
use kosh_locales::Translator;
use kosh_shared::checklist::{ChecklistItem, Member, checklist};
use kosh_shared::form::{Answers, Form};
use kosh_shared::policy::{Policy, Translation};
use kosh_shared::sort::sort_by_key;
use kosh_shared::tick::{self, Tick};

use crate::i18n::args;

/// Who a group of papers is for; groups come in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holder {
    Applicant,
    /// The family member in this row of `family.members`.
    Member(usize),
    Family,
}

impl Holder {
    fn of(item: &ChecklistItem) -> Holder {
        match (&item.member, item.is_for_family) {
            (Some(m), _) => Holder::Member(m.row),
            (None, true) => Holder::Family,
            (None, false) => Holder::Applicant,
        }
    }

    /// A stable name for `key` attributes and test selectors.
    pub fn id(self) -> String {
        match self {
            Holder::Applicant => "applicant".into(),
            Holder::Member(row) => format!("m{row}"),
            Holder::Family => "family".into(),
        }
    }
}

/// How a paper's date stands against its age limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// No limit, or no issue date given.
    Unknown,
    /// Within its limit today and on the visit (or no visit day given).
    Fresh,
    /// Within its limit today, older than it may be on the visit day.
    TooOldByVisit,
    /// Already older than it may be.
    TooOld,
}

/// One paper for one person, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    /// The checklist entry's id (`passport.m1`).
    pub id: String,
    /// The draft field its tick is kept under (`documents.passport.m1`).
    pub field: String,
    pub title: String,
    /// "Asked for: Kandas status".
    pub path: String,
    /// "Needs a notarised translation …", when it does.
    pub translation: Option<String>,
    /// "Not older than 180 days …", when the paper has an age limit.
    pub max_age: Option<String>,
    /// "Must be valid for more than … days more", when it must stay valid.
    pub valid_for: Option<String>,
    /// Whether the paper has an age limit, so the screen asks when it was issued.
    pub asks_issue_date: bool,
    pub freshness: Freshness,
    /// The warning for a paper that is or will be too old, or the last day it can be handed in.
    pub date_note: Option<String>,
    /// "Hand it in: …".
    pub place: String,
    /// Said when no legal text settles the requirement.
    pub uncertain: Option<String>,
    pub done: bool,
    /// The tick as saved, so a change keeps its other parts (the issue date, the photos).
    pub tick: Tick,
}

impl ItemView {
    /// The tick with `done` set, as the draft answer to write.
    pub fn ticked(&self, done: bool) -> Tick {
        Tick {
            done,
            ..self.tick.clone()
        }
    }

    /// The tick with its issue date set (or cleared).
    pub fn issued(&self, issued_on: Option<NaiveDate>) -> Tick {
        Tick {
            issued_on,
            ..self.tick.clone()
        }
    }
}

/// The papers of one person (or of the family once).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView {
    pub holder: Holder,
    /// "You", "Spouse: Gulnar", "The whole family, once".
    pub title: String,
    pub items: Vec<ItemView>,
}

/// The whole screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistView {
    pub missing: usize,
    pub total: usize,
    /// "3 of 31 papers not ready yet", or "Every paper on the list is ready."
    pub count: String,
    pub groups: Vec<GroupView>,
}

/// What a date's boxes mean for a date kept as a whole day (a paper's issue, the visit):
/// `Some(None)` once the boxes are cleared, `Some(Some(day))` for a whole date, and `None`
/// while the boxes hold only part of one (or an impossible one), which changes nothing saved.
pub fn whole_date(answer: Option<&str>) -> Option<Option<NaiveDate>> {
    match answer {
        None => Some(None),
        Some(text) => text.parse::<NaiveDate>().ok().map(Some),
    }
}

/// The name of the member a group is for: relation and name as answered.
fn member_title(tr: &Translator, form: &Form, member: &Member) -> String {
    let relation = member.relation.as_deref().and_then(|r| {
        let q = form.question("family.members")?.child("relation")?;
        let option = q.options.iter().find(|o| o.value == r)?;
        Some(tr.t(&option.label_key))
    });
    match (relation, &member.full_name) {
        (Some(relation), Some(name)) => tr.t_args(
            "checklist-member",
            &args(&[("relation", relation.into()), ("name", name.clone().into())]),
        ),
        (None, Some(name)) => name.clone(),
        (relation, None) => {
            let unnamed = tr.t_args(
                "checklist-member-unnamed",
                &args(&[("number", ((member.row + 1) as u64).into())]),
            );
            match relation {
                Some(r) => format!("{unnamed} ({r})"),
                None => unnamed,
            }
        }
    }
}

fn freshness(item: &ChecklistItem, visit_on: Option<NaiveDate>) -> Freshness {
    match item.usable_until {
        None => Freshness::Unknown,
        Some(_) if item.is_too_old => Freshness::TooOld,
        Some(last) if visit_on.is_some_and(|visit| visit > last) => Freshness::TooOldByVisit,
        Some(_) => Freshness::Fresh,
    }
}

fn item_view(tr: &Translator, item: &ChecklistItem, visit_on: Option<NaiveDate>) -> ItemView {
    let days = |key: &str, days: u32| tr.t_args(key, &args(&[("days", days.into())]));
    let freshness = freshness(item, visit_on);
    let date_note = match (freshness, item.max_age_days, item.usable_until) {
        (Freshness::TooOld, Some(max), _) => Some(days("documents-too-old", max)),
        (Freshness::TooOldByVisit, Some(max), _) => Some(days("checklist-too-old-by-visit", max)),
        (Freshness::Fresh, _, Some(last)) => Some(tr.t_args(
            "checklist-usable-until",
            &args(&[("date", tr.date(last).into())]),
        )),
        _ => None,
    };
    ItemView {
        id: item.id.clone(),
        field: tick::field(&item.id),
        title: tr.t(&item.title_key),
        path: tr.t_args(
            "checklist-path",
            &args(&[(
                "path",
                tr.t(&format!("documents-path-{}", item.path.id())).into(),
            )]),
        ),
        translation: (item.translation == Translation::NotarisedKkOrRu)
            .then(|| tr.t("documents-translation-notarised")),
        max_age: item.max_age_days.map(|d| days("documents-max-age", d)),
        valid_for: item.valid_for_days.map(|d| days("documents-valid-for", d)),
        asks_issue_date: item.max_age_days.is_some(),
        freshness,
        date_note,
        place: tr.t_args(
            "checklist-where",
            &args(&[("place", tr.t(&item.where_key).into())]),
        ),
        uncertain: item.uncertain.then(|| tr.t("checklist-uncertain")),
        done: item.done,
        tick: Tick {
            done: item.done,
            issued_on: item.issued_on,
            attachments: item.attachments.clone(),
        },
    }
}

/// The checklist of `answers` (a draft of `form`) under `policy` on `today`, in `tr`'s words,
/// with age limits also checked against `visit_on`.
pub fn checklist_view(
    tr: &Translator,
    form: &Form,
    policy: &Policy,
    answers: &dyn Answers,
    today: NaiveDate,
    visit_on: Option<NaiveDate>,
) -> ChecklistView {
    let items = checklist(form, answers, policy, today);
    let missing = items.iter().filter(|i| !i.done).count();
    let total = items.len();
    let mut groups: Vec<GroupView> = Vec::new();
    for item in &items {
        let holder = Holder::of(item);
        let view = item_view(tr, item, visit_on);
        match groups.iter_mut().find(|g| g.holder == holder) {
            Some(group) => group.items.push(view),
            None => groups.push(GroupView {
                holder,
                title: match (holder, &item.member) {
                    (Holder::Member(_), Some(m)) => member_title(tr, form, m),
                    (Holder::Family, _) => tr.t("checklist-for-family"),
                    _ => tr.t("checklist-for-you"),
                },
                items: vec![view],
            }),
        }
    }
    sort_by_key(&mut groups, |g| g.holder);
    let count = if missing == 0 {
        tr.t("checklist-all-ready")
    } else {
        tr.t_args(
            "checklist-missing",
            &args(&[
                ("missing", (missing as u64).into()),
                ("total", (total as u64).into()),
            ]),
        )
    };
    ChecklistView {
        missing,
        total,
        count,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use kosh_locales::Lang;
    use kosh_shared::form::residence_2026;
    use kosh_shared::testing::{foreign_worker, kandas_family_from_china};
    use serde_json::{Value, json};

    use super::*;

    fn today() -> NaiveDate {
        "2026-03-01".parse().unwrap()
    }

    fn view(lang: Lang, a: &BTreeMap<String, Value>, visit: Option<&str>) -> ChecklistView {
        checklist_view(
            &Translator::new(lang),
            residence_2026().unwrap(),
            Policy::builtin().unwrap(),
            a,
            today(),
            visit.map(|v| v.parse().unwrap()),
        )
    }

    fn item<'v>(v: &'v ChecklistView, id: &str) -> &'v ItemView {
        v.groups
            .iter()
            .flat_map(|g| &g.items)
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("no {id} in {v:?}"))
    }

    #[test]
    fn a_kandas_family_of_four_is_grouped_by_who_brings_what() {
        let v = view(Lang::En, &kandas_family_from_china(), None);
        let titles: Vec<_> = v.groups.iter().map(|g| g.title.as_str()).collect();
        // The parent who stays behind brings nothing, so has no group.
        assert_eq!(
            titles,
            [
                "You",
                "Husband or wife: Gulnar Serikqyzy",
                "Child: Aruzhan",
                "Child: Nurali",
                "The whole family, once",
            ]
        );
        let ids = |holder: Holder| -> Vec<String> {
            let g = v.groups.iter().find(|g| g.holder == holder).unwrap();
            g.items.iter().map(|i| i.id.clone()).collect()
        };
        assert_eq!(
            ids(Holder::Member(1)),
            [
                "identity_copy.m1",
                "passport.m1",
                "child_birth_certificate.m1",
                "medical_certificate.m1",
                "photo.m1"
            ]
        );
        // Nothing ticked yet: everything is missing, and the count says so first.
        assert_eq!(v.missing, v.total);
        assert!(v.count.starts_with(&format!("{} of {}", v.total, v.total)));
        let copy = item(&v, "identity_copy.m1");
        assert_eq!(copy.path, "Asked for: Kandas status");
        assert!(copy.translation.as_deref().unwrap().contains("notarised"));
        assert_eq!(copy.field, "documents.identity_copy.m1");
        assert!(item(&v, "passport").translation.is_none());
        // No exit consent for an ethnic Kazakh from China, no proof of funds for a kandas.
        assert!(
            v.groups
                .iter()
                .flat_map(|g| &g.items)
                .all(|i| !i.id.starts_with("exit_consent") && !i.id.starts_with("proof_of_funds"))
        );
        let medical = item(&v, "medical_certificate.m0");
        assert!(medical.asks_issue_date);
        assert!(medical.max_age.as_deref().unwrap().contains("180"));
        assert!(item(&v, "apostille").uncertain.is_some());
    }

    #[test]
    fn a_foreign_worker_brings_everything_alone_with_proof_of_funds() {
        let v = view(Lang::Ru, &foreign_worker(), None);
        let holders: Vec<_> = v.groups.iter().map(|g| g.holder).collect();
        assert_eq!(holders, [Holder::Applicant, Holder::Family]);
        let funds = item(&v, "proof_of_funds");
        assert_eq!(funds.title, "Подтверждение денежных средств");
        assert!(
            funds.path.contains("Постоянное проживание"),
            "{}",
            funds.path
        );
        assert!(item(&v, "exit_consent").place.contains("ЦОН"));
    }

    #[test]
    fn ticks_count_down_what_is_missing() {
        let mut a = foreign_worker();
        for id in ["passport", "photo"] {
            a.insert(
                tick::field(id),
                Tick {
                    done: true,
                    ..Tick::default()
                }
                .to_value(),
            );
        }
        let v = view(Lang::En, &a, None);
        assert_eq!(v.missing, v.total - 2);
        assert!(item(&v, "passport").done && !item(&v, "autobiography").done);
        // A tick keeps what it had when it is changed.
        let ticked = item(&v, "passport").issued("2026-01-01".parse().ok());
        assert!(ticked.done && ticked.issued_on.is_some());
        for id in v.groups.iter().flat_map(|g| &g.items).map(|i| i.id.clone()) {
            a.insert(tick::field(&id), json!({"done": true}));
        }
        let all = view(Lang::En, &a, None);
        assert_eq!(
            (all.missing, all.count.as_str()),
            (0, "Every paper on the list is ready.")
        );
    }

    #[test]
    fn an_old_certificate_is_flagged_today_and_one_that_will_age_by_the_visit() {
        let issued = |a: &mut BTreeMap<String, Value>, on: &str| {
            a.insert(
                tick::field("medical_certificate"),
                json!({"done": true, "issued_on": on}),
            );
        };
        let mut a = foreign_worker();
        // 200 days before today: already too old for a 180-day limit.
        issued(&mut a, "2025-08-13");
        let v = view(Lang::En, &a, None);
        let m = item(&v, "medical_certificate");
        assert_eq!(m.freshness, Freshness::TooOld);
        assert!(m.date_note.as_deref().unwrap().contains("180"), "{m:?}");
        // Issued 100 days ago: fine today, usable until 80 days from now.
        issued(&mut a, "2025-11-21");
        let fresh = view(Lang::En, &a, None);
        let m = item(&fresh, "medical_certificate");
        assert_eq!(m.freshness, Freshness::Fresh);
        assert_eq!(
            m.date_note.as_deref(),
            Some("You can hand it in until 20 May 2026")
        );
        // A visit after that day: too old by then.
        let later = view(Lang::En, &a, Some("2026-06-01"));
        let m = item(&later, "medical_certificate");
        assert_eq!(m.freshness, Freshness::TooOldByVisit);
        assert!(
            m.date_note
                .as_deref()
                .unwrap()
                .contains("on the day you hand it in")
        );
        // A paper without an issue date says nothing about its age but its limit.
        let p = item(&later, "no_criminal_record");
        assert_eq!(
            (p.freshness, p.date_note.as_deref()),
            (Freshness::Unknown, None)
        );
    }

    #[test]
    fn only_a_whole_date_changes_what_is_saved() {
        assert_eq!(whole_date(None), Some(None));
        assert_eq!(
            whole_date(Some("2026-05-20")),
            Some("2026-05-20".parse().ok())
        );
        assert_eq!(whole_date(Some("2026--20")), None);
        assert_eq!(whole_date(Some("2026-02-30")), None);
    }

    #[test]
    fn every_language_has_every_word_of_the_screen() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            let v = view(lang, &kandas_family_from_china(), Some("2026-12-01"));
            let mut words = vec![v.count.clone()];
            for g in &v.groups {
                words.push(g.title.clone());
                for i in &g.items {
                    words.extend([i.title.clone(), i.path.clone(), i.place.clone()]);
                    words.extend(i.translation.clone());
                    words.extend(i.max_age.clone());
                    words.extend(i.uncertain.clone());
                }
            }
            for w in &words {
                assert!(
                    !w.contains("checklist-") && !w.contains("documents-"),
                    "{lang:?}: {w}"
                );
            }
            assert!(tr.has("checklist-visit-title"), "{lang:?}");
        }
    }
}
