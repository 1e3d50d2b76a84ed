//! The checks every language must pass, run over every language of `Lang::ALL`; a language whose
//! folder is missing fails them rather than being skipped. The checks: the same keys as Russian
//! (the reference), the same variables, files that parse, every plural category CLDR gives the
//! language, messages that format without errors, and a message for every key the questionnaire,
//! the server's error codes, the validation codes and the policy use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use fluent_syntax::parser;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use kosh_locales::catalog::SourceFile;
use kosh_locales::{Lang, LocaleError, Translator, catalog};
use rstest::rstest;

/// One message as the checks see it.
#[derive(Debug, Default)]
struct MessageInfo {
    file: String,
    variables: BTreeSet<String>,
    /// For each select expression: its identifier keys (`one`, `few` …).
    selector_keys: Vec<BTreeSet<String>>,
    /// Every piece of text a person reads, variants included.
    text: Vec<String>,
}

/// Every message of `lang` (Latin Kazakh as loaded, i.e. transliterated), by id.
fn messages(lang: Lang) -> BTreeMap<String, MessageInfo> {
    messages_of(catalog::load_sources(lang))
}

/// Every message and term of these loaded files, by id.
fn messages_of(
    files: Vec<(SourceFile, String, Vec<LocaleError>)>,
) -> BTreeMap<String, MessageInfo> {
    let mut out = BTreeMap::new();
    for (source, text, _) in files {
        let resource = match parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            let (id, value, attributes) = match entry {
                Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut info = MessageInfo {
                file: source.file.to_owned(),
                ..MessageInfo::default()
            };
            for pattern in value.iter().chain(attributes.iter().map(|a| &a.value)) {
                walk_pattern(pattern, &mut info);
            }
            out.insert(id, info);
        }
    }
    out
}

/// Messages of one made-up file, for the tests that show each check catches what it should.
fn fixture(lang: Lang, text: &'static str) -> BTreeMap<String, MessageInfo> {
    let file = SourceFile {
        folder: lang.folder(),
        file: "fixture.ftl",
        text,
    };
    messages_of(catalog::prepare(lang, &[file]))
}

fn walk_pattern(pattern: &Pattern<&str>, info: &mut MessageInfo) {
    for element in &pattern.elements {
        match element {
            PatternElement::Placeable { expression } => walk_expression(expression, info),
            PatternElement::TextElement { value } => info.text.push((*value).to_owned()),
        }
    }
}

fn walk_expression(expression: &Expression<&str>, info: &mut MessageInfo) {
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, info);
            let keys = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Identifier { name } => Some((*name).to_owned()),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            info.selector_keys.push(keys);
            for variant in variants {
                walk_pattern(&variant.value, info);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, info),
    }
}

fn walk_inline(inline: &InlineExpression<&str>, info: &mut MessageInfo) {
    match inline {
        InlineExpression::VariableReference { id } => {
            info.variables.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for arg in &arguments.positional {
                walk_inline(arg, info);
            }
            for arg in &arguments.named {
                walk_inline(&arg.value, info);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, info),
        _ => {}
    }
}

/// The plural categories CLDR gives `lang`'s cardinal numbers, found by asking the rules about
/// enough integers and decimals to meet every category of the languages we have.
fn cldr_categories(lang: Lang) -> BTreeSet<&'static str> {
    let language = lang.langid().language;
    let id = unic_langid::LanguageIdentifier::from_parts(language, None, None, &[]);
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).expect("CLDR knows the language");
    let mut samples: Vec<String> = (0..=1000).map(|n| n.to_string()).collect();
    samples.extend((0..=100).map(|n| format!("{}.{}", n / 10, n % 10)));
    samples
        .iter()
        .map(|s| rules.select(s.as_str()).expect("a number"))
        .map(|c| match c {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
        .collect()
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What is wrong when `lang` is not among the `available` languages of a build.
fn missing_language(lang: Lang, available: &[Lang]) -> Option<String> {
    (!available.contains(&lang)).then(|| {
        format!(
            "{lang}: locales/{}/ has no .ftl files in this build (available: {available:?})",
            lang.folder()
        )
    })
}

/// Fails the calling check when `lang` has no messages in this build: a language folder that
/// vanished (or a new `Lang` without one) must turn the checks red, never make them pass by
/// having nothing to check.
fn require(lang: Lang) {
    if let Some(problem) = missing_language(lang, &catalog::available()) {
        panic!("{problem}");
    }
}

#[test]
fn every_language_has_its_folder() {
    for lang in Lang::ALL {
        require(lang);
    }
}

#[test]
fn a_missing_language_is_a_failure() {
    let without_uzbek = [
        Lang::Kk,
        Lang::KkLatn,
        Lang::KkArab,
        Lang::Ru,
        Lang::En,
        Lang::ZhHans,
    ];
    let problem = missing_language(Lang::Uz, &without_uzbek).expect("Uzbek is missing");
    assert!(problem.contains("locales/uz/"), "{problem}");
    assert_eq!(missing_language(Lang::Ru, &without_uzbek), None);
}

#[test]
fn every_folder_is_a_language() {
    for folder in catalog::folders() {
        assert!(
            Lang::ALL.iter().any(|l| l.folder() == folder),
            "locales/{folder}/ has .ftl files but names no language of kosh_locales::Lang"
        );
    }
}

#[rstest]
#[case::kk(Lang::Kk)]
#[case::kk_latn(Lang::KkLatn)]
#[case::kk_arab(Lang::KkArab)]
#[case::ru(Lang::Ru)]
#[case::en(Lang::En)]
#[case::uz(Lang::Uz)]
#[case::zh_hans(Lang::ZhHans)]
fn files_parse_without_errors(#[case] lang: Lang) {
    require(lang);
    let (bundle, problems) = catalog::build(lang);
    assert!(bundle.is_some(), "{lang} has files but no bundle");
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

/// What `theirs` lacks of `reference`, what it has more, and what sits in another file.
fn key_problems(
    reference: &BTreeMap<String, MessageInfo>,
    theirs: &BTreeMap<String, MessageInfo>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (k, info) in reference {
        match theirs.get(k) {
            None => problems.push(format!("lacks {k}")),
            Some(t) if t.file != info.file => {
                problems.push(format!("{k} is in {} instead of {}", t.file, info.file))
            }
            Some(_) => {}
        }
    }
    for k in theirs.keys().filter(|k| !reference.contains_key(*k)) {
        problems.push(format!("has {k}, which the reference lacks"));
    }
    problems
}

/// Messages whose variables differ from the reference's.
fn variable_problems(
    reference: &BTreeMap<String, MessageInfo>,
    theirs: &BTreeMap<String, MessageInfo>,
) -> Vec<String> {
    theirs
        .iter()
        .filter_map(|(k, info)| {
            let ru = reference.get(k)?;
            (ru.variables != info.variables).then(|| {
                format!(
                    "{k}: reference {:?}, here {:?}",
                    ru.variables, info.variables
                )
            })
        })
        .collect()
}

/// Plural selectors (every key a CLDR category name) that lack one of `categories`.
fn plural_problems(
    categories: &BTreeSet<&str>,
    messages: &BTreeMap<String, MessageInfo>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, info) in messages {
        for keys in &info.selector_keys {
            let is_plural =
                !keys.is_empty() && keys.iter().all(|k| PLURAL_KEYS.contains(&k.as_str()));
            if !is_plural {
                continue;
            }
            let lacking: Vec<_> = categories.iter().filter(|c| !keys.contains(**c)).collect();
            if !lacking.is_empty() {
                problems.push(format!("{id}: lacks {lacking:?}"));
            }
        }
    }
    problems
}

#[rstest]
#[case::kk(Lang::Kk)]
#[case::kk_latn(Lang::KkLatn)]
#[case::kk_arab(Lang::KkArab)]
#[case::en(Lang::En)]
#[case::uz(Lang::Uz)]
#[case::zh_hans(Lang::ZhHans)]
fn same_keys_and_files_as_russian(#[case] lang: Lang) {
    require(lang);
    let problems = key_problems(&messages(Lang::REFERENCE), &messages(lang));
    assert!(
        problems.is_empty(),
        "{lang}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[rstest]
#[case::kk(Lang::Kk)]
#[case::kk_latn(Lang::KkLatn)]
#[case::kk_arab(Lang::KkArab)]
#[case::en(Lang::En)]
#[case::uz(Lang::Uz)]
#[case::zh_hans(Lang::ZhHans)]
fn same_variables_as_russian(#[case] lang: Lang) {
    require(lang);
    let problems = variable_problems(&messages(Lang::REFERENCE), &messages(lang));
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

#[rstest]
#[case::kk(Lang::Kk, &["one", "other"])]
#[case::kk_latn(Lang::KkLatn, &["one", "other"])]
#[case::kk_arab(Lang::KkArab, &["one", "other"])]
#[case::ru(Lang::Ru, &["few", "many", "one", "other"])]
#[case::en(Lang::En, &["one", "other"])]
#[case::uz(Lang::Uz, &["one", "other"])]
#[case::zh_hans(Lang::ZhHans, &["other"])]
fn plural_selectors_have_every_cldr_category(#[case] lang: Lang, #[case] expected: &[&str]) {
    let categories = cldr_categories(lang);
    assert_eq!(
        categories,
        expected.iter().copied().collect(),
        "CLDR for {lang}"
    );
    require(lang);
    let problems = plural_problems(&categories, &messages(lang));
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

fn show(value: &FluentValue<'_>) -> String {
    match value {
        FluentValue::Number(n) => n.value.to_string(),
        FluentValue::String(s) => format!("{s:?}"),
        _ => "no value".to_owned(),
    }
}

/// Samples that reach every plural category of our languages, plus a string.
fn samples() -> Vec<FluentValue<'static>> {
    let mut values: Vec<FluentValue<'static>> = [
        0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 22.0, 25.0, 100.0, 101.0, 1.5, 2026.0,
    ]
    .into_iter()
    .map(FluentValue::from)
    .collect();
    values.push(FluentValue::from("Алия"));
    values
}

#[rstest]
#[case::kk(Lang::Kk)]
#[case::kk_latn(Lang::KkLatn)]
#[case::kk_arab(Lang::KkArab)]
#[case::ru(Lang::Ru)]
#[case::en(Lang::En)]
#[case::uz(Lang::Uz)]
#[case::zh_hans(Lang::ZhHans)]
fn every_message_formats_without_errors(#[case] lang: Lang) {
    require(lang);
    let (Some(bundle), _) = catalog::build(lang) else {
        panic!("{lang} has files but no bundle");
    };
    let problems = format_problems(&bundle, &messages(lang));
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

/// Formats every message of `messages` from `bundle` with each sample for all its variables and
/// reports Fluent's errors, empty results and isolation marks.
fn format_problems(
    bundle: &catalog::Bundle,
    messages: &BTreeMap<String, MessageInfo>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, info) in messages {
        if id.starts_with('-') {
            continue; // terms are formatted through the messages that use them
        }
        let Some(message) = bundle.get_message(id) else {
            problems.push(format!("{id}: not in the bundle"));
            continue;
        };
        let patterns: Vec<_> = message
            .value()
            .into_iter()
            .chain(message.attributes().map(|a| a.value()))
            .collect();
        // A message without variables needs formatting only once.
        let samples = if info.variables.is_empty() {
            vec![FluentValue::None]
        } else {
            samples()
        };
        for sample in samples {
            let mut args = FluentArgs::new();
            for var in &info.variables {
                args.set(var.clone(), sample.clone());
            }
            for pattern in &patterns {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                if !errors.is_empty() {
                    problems.push(format!("{id} with {}: {errors:?}", show(&sample)));
                }
                if text.is_empty() {
                    problems.push(format!("{id} with {}: empty", show(&sample)));
                }
                if text.contains('\u{2068}') || text.contains('\u{2069}') {
                    problems.push(format!("{id}: isolation marks in {text:?}"));
                }
            }
        }
    }
    problems
}

/// Every `…_key` string of every questionnaire in `shared/forms/`.
fn form_keys() -> BTreeSet<String> {
    fn walk(value: &serde_json::Value, keys: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        serde_json::Value::String(s) if k.ends_with("_key") => {
                            keys.insert(s.clone());
                        }
                        other => walk(other, keys),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, keys)),
            _ => {}
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/forms");
    let mut keys = BTreeSet::new();
    let mut found = 0;
    for entry in std::fs::read_dir(&dir).expect("shared/forms exists") {
        let path = entry.expect("readable folder").path();
        if path.extension().is_some_and(|x| x == "json") {
            let text = std::fs::read_to_string(&path).expect("readable form");
            let form: serde_json::Value = serde_json::from_str(&text).expect("form is JSON");
            walk(&form, &mut keys);
            found += 1;
        }
    }
    assert!(found > 0, "no form in {}", dir.display());
    keys
}

fn assert_has_messages(what: &str, keys: impl IntoIterator<Item = String>) {
    let reference = messages(Lang::REFERENCE);
    let missing: Vec<String> = keys
        .into_iter()
        .filter(|k| !reference.contains_key(k))
        .collect();
    assert!(
        missing.is_empty(),
        "{what} without a message in ru: {missing:?}"
    );
}

#[test]
fn every_form_key_has_a_message() {
    let keys = form_keys();
    assert!(keys.contains("form-residence-title"));
    assert_has_messages("form keys", keys);
    // The same as shared parses them: every form built into the app and the server.
    for form in kosh_shared::form::builtin().expect("the built-in forms load") {
        assert_has_messages(
            "built-in form keys",
            form.locale_keys().into_iter().map(str::to_owned),
        );
    }
    // yes_no questions are answered with the shared words.
    assert_has_messages("yes/no", ["ui-yes".to_owned(), "ui-no".to_owned()]);
}

#[test]
fn every_error_code_has_a_message() {
    assert_has_messages(
        "API error codes",
        kosh_shared::api::ERROR_CODES
            .iter()
            .map(|c| format!("error-{c}")),
    );
}

#[test]
fn every_validation_code_has_a_message() {
    assert_has_messages(
        "validation codes",
        kosh_shared::validate::CODES
            .iter()
            .map(|c| format!("validation-{c}")),
    );
}

#[test]
fn every_policy_item_has_a_name() {
    use kosh_shared::status::{Outcome, Stage};
    let mut keys: Vec<String> = Stage::ALL
        .iter()
        .map(|s| format!("stage-{}", s.id()))
        .collect();
    keys.extend(Outcome::ALL.iter().map(|o| format!("outcome-{}", o.id())));
    // The ids every crate relies on (the team brief); the policy files may only add to them.
    use kosh_shared::testing::{AGREED_CRITERIA, AGREED_REGIONS, AGREED_SUPPORT};
    keys.extend(AGREED_REGIONS.iter().map(|r| format!("region-{r}")));
    keys.extend(AGREED_SUPPORT.iter().map(|s| format!("support-{s}")));
    keys.extend(AGREED_CRITERIA.iter().map(|c| format!("criterion-{c}")));
    keys.extend(policy_keys());
    assert_has_messages("policy items", keys);
}

/// The names every policy bundle in `shared/policy/` needs: its regions, support measures,
/// scoring criteria and stages.
fn policy_keys() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/policy");
    let mut keys = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("shared/policy exists") {
        let path = entry.expect("readable folder").path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable policy");
        let policy: serde_json::Value = serde_json::from_str(&text).expect("policy is JSON");
        let ids = |list: &serde_json::Value, field: &str| -> Vec<String> {
            list.as_array()
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| i.get(field).and_then(|v| v.as_str()).map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        keys.extend(
            ids(&policy["regions"], "id")
                .iter()
                .map(|r| format!("region-{r}")),
        );
        keys.extend(
            ids(&policy["support_measures"], "id")
                .iter()
                .map(|s| format!("support-{s}")),
        );
        keys.extend(
            ids(&policy["scoring"]["criteria"], "id")
                .iter()
                .map(|c| format!("criterion-{c}")),
        );
        keys.extend(
            ids(&policy["stages"]["durations"], "stage")
                .iter()
                .map(|s| format!("stage-{s}")),
        );
        // The document checklist: each paper, each path, each place it is handed in.
        let documents = &policy["documents"];
        keys.extend(
            ids(&documents["items"], "id")
                .iter()
                .map(|d| format!("documents-item-{d}")),
        );
        keys.extend(
            ids(&documents["items"], "handed_in")
                .iter()
                .map(|w| format!("documents-where-{w}")),
        );
        keys.extend(
            ids(&documents["paths"], "path")
                .iter()
                .map(|p| format!("documents-path-{p}")),
        );
    }
    assert!(
        !keys.is_empty(),
        "no policy with items in {}",
        dir.display()
    );
    keys
}

/// The forms the brief gives. Uzbek may write the date its usual way (`12-mart, 2026` or
/// `12-mart 2026-yil`) and each language may name the currency its own way, so those are
/// checked for their parts.
#[rstest]
#[case::kk(Lang::Kk, &["12 наурыз 2026"], "1\u{a0}275\u{a0}875")]
#[case::kk_latn(Lang::KkLatn, &["12 nauryz 2026"], "1\u{a0}275\u{a0}875")]
#[case::kk_arab(Lang::KkArab, &["12 ناۋرىز 2026"], "1\u{a0}275\u{a0}875")]
#[case::ru(Lang::Ru, &["12 марта 2026"], "1\u{a0}275\u{a0}875\u{a0}₸")]
#[case::en(Lang::En, &["12 March 2026"], "1,275,875\u{a0}₸")]
#[case::uz(Lang::Uz, &["12-mart", "2026"], "1\u{a0}275\u{a0}875")]
#[case::zh_hans(Lang::ZhHans, &["2026年3月12日"], "1,275,875")]
fn dates_and_tenge(#[case] lang: Lang, #[case] date_parts: &[&str], #[case] tenge: &str) {
    require(lang);
    let tr = Translator::new(lang);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).expect("a real date");
    let date = tr.date(day);
    for part in date_parts {
        assert!(date.contains(part), "{lang}: {date:?} lacks {part:?}");
    }
    let amount = tr.tenge(1_275_875);
    assert!(amount.contains(tenge), "{lang}: {amount:?} lacks {tenge:?}");
    assert_eq!(tr.number(302_750).replace(['\u{a0}', ','], ""), "302750");
}

#[test]
fn lookups_fall_back_and_never_panic() {
    let ru = Translator::new(Lang::Ru);
    assert_eq!(ru.t("ui-yes"), "Да");
    assert_eq!(Translator::new(Lang::En).t("ui-yes"), "Yes");
    // A key no language has: the key itself, the only thing left to show.
    assert_eq!(ru.t("ui-no-such-key"), "ui-no-such-key");
    assert_eq!(ru.try_t("ui-no-such-key", None), None);
    assert!(!ru.has("ui-no-such-key"));
    assert!(ru.has("ui-yes"));
    // A missing argument is reported (logged), not fatal: the text still comes back.
    assert!(ru.t("ui-settings-signed-in").starts_with("Вы вошли как"));
}

#[rstest]
#[case::ru_one(Lang::Ru, 1, "Заполнено 7 из 1 раздела")]
#[case::ru_few(Lang::Ru, 12, "Заполнено 7 из 12 разделов")]
#[case::ru_many(Lang::Ru, 5, "Заполнено 7 из 5 разделов")]
#[case::ru_twenty_one(Lang::Ru, 21, "Заполнено 7 из 21 раздела")]
#[case::en_other(Lang::En, 12, "7 of 12 sections filled in")]
#[case::en_one(Lang::En, 1, "7 of 1 section filled in")]
fn plurals_follow_cldr(#[case] lang: Lang, #[case] total: u32, #[case] expected: &str) {
    let mut args = FluentArgs::new();
    args.set("done", 7);
    args.set("total", total);
    assert_eq!(
        Translator::new(lang).t_args("ui-home-draft-progress", &args),
        expected
    );
}

#[test]
fn negotiated_translator_speaks_the_first_match() {
    let tr = Translator::negotiate(&["de-DE", "en-US"]);
    assert_eq!(tr.lang(), Lang::En);
    assert_eq!(tr.chain(), [Lang::En, Lang::Ru]);
    assert_eq!(Translator::default().lang(), Lang::Ru);
}

#[test]
fn latin_kazakh_is_the_cyrillic_transliterated() {
    require(Lang::Kk);
    let kk = Translator::new(Lang::Kk);
    let latn = Translator::new(Lang::KkLatn);
    assert_eq!(latn.t("ui-yes"), kosh_locales::to_latin(&kk.t("ui-yes")));
    assert!(
        !latn
            .t("ui-home-title")
            .chars()
            .any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
    );
}

#[test]
fn arabic_script_kazakh_is_the_cyrillic_transliterated_with_no_cyrillic_left() {
    require(Lang::Kk);
    let kk = Translator::new(Lang::Kk);
    let arab = Translator::new(Lang::KkArab);
    assert_eq!(arab.t("ui-yes"), kosh_locales::to_arabic(&kk.t("ui-yes")));
    // Every message, not a sample: a Cyrillic letter left over would be drawn in another font
    // and read by nobody who chose this script, except the script choice's own samples.
    let samples = ["ui-language-script-cyrillic", "ui-language-script-latin"];
    let left: Vec<String> = messages(Lang::KkArab)
        .iter()
        .filter(|(key, _)| !samples.contains(&key.as_str()))
        .flat_map(|(key, m)| m.text.iter().map(move |text| (key, text)))
        .filter(|(_, text)| text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
        .map(|(key, text)| format!("{key}: {text}"))
        .collect();
    assert!(
        left.is_empty(),
        "Cyrillic left in kk-Arab:\n{}",
        left.join("\n")
    );
}

// The checks above pass on good files; these show that each one catches what it is there for.

#[test]
fn key_check_catches_missing_extra_and_moved_keys() {
    let reference = fixture(Lang::Ru, "a = А\nb = Б\n");
    let theirs = fixture(Lang::En, "a = A\nc = C\n");
    let problems = key_problems(&reference, &theirs);
    assert_eq!(problems, ["lacks b", "has c, which the reference lacks"]);
    let mut moved = fixture(Lang::En, "a = A\nb = B\n");
    moved.get_mut("b").expect("b is there").file = "other.ftl".to_owned();
    assert_eq!(
        key_problems(&reference, &moved),
        ["b is in other.ftl instead of fixture.ftl"]
    );
}

#[test]
fn variable_check_catches_a_renamed_variable() {
    let reference = fixture(Lang::Ru, "left = Осталось { $days } дней\n");
    let theirs = fixture(Lang::En, "left = { $day } days left\n");
    let problems = variable_problems(&reference, &theirs);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("left:"), "{problems:?}");
    assert!(
        variable_problems(&reference, &fixture(Lang::En, "left = { $days } days\n")).is_empty()
    );
}

#[test]
fn plural_check_catches_a_missing_category_and_ignores_other_selectors() {
    let ru = cldr_categories(Lang::Ru);
    let lacking = fixture(
        Lang::Ru,
        "n = { $n ->\n    [one] день\n   *[other] дня\n}\n",
    );
    assert_eq!(
        plural_problems(&ru, &lacking),
        [r#"n: lacks ["few", "many"]"#]
    );
    let month = fixture(
        Lang::Ru,
        "m = { $m ->\n    [1] января\n   *[12] декабря\n}\n",
    );
    assert!(plural_problems(&ru, &month).is_empty());
    let zh = fixture(Lang::ZhHans, "n = { $n ->\n   *[other] { $n } 天\n}\n");
    assert!(plural_problems(&cldr_categories(Lang::ZhHans), &zh).is_empty());
}

#[test]
fn syntax_and_format_checks_catch_broken_messages() {
    let broken = SourceFile {
        folder: "ru",
        file: "fixture.ftl",
        text: "ok = Да\nbroken = { $x\n",
    };
    let (_, problems) = catalog::build_from(Lang::Ru, &[broken]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .starts_with("ru/fixture.ftl: syntax error: line "),
        "{problems:?}"
    );

    let text = "ok = Да\ndangling = См. { no-such-message }\nfn = { NO_SUCH_FN($x) }\n";
    let file = SourceFile {
        folder: "ru",
        file: "fixture.ftl",
        text,
    };
    let (Some(bundle), problems) = catalog::build_from(Lang::Ru, &[file]) else {
        panic!("a bundle");
    };
    assert!(problems.is_empty(), "{problems:?}");
    let problems = format_problems(&bundle, &fixture(Lang::Ru, text));
    assert!(
        problems.iter().any(|p| p.starts_with("dangling")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("fn with")),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|p| p.starts_with("ok")),
        "{problems:?}"
    );
}

#[test]
fn duplicate_ids_across_files_are_reported() {
    let a = SourceFile {
        folder: "ru",
        file: "a.ftl",
        text: "same = Один\n",
    };
    let b = SourceFile {
        folder: "ru",
        file: "b.ftl",
        text: "same = Два\n",
    };
    let (_, problems) = catalog::build_from(Lang::Ru, &[a, b]);
    assert_eq!(
        problems,
        [LocaleError::Duplicate {
            folder: "ru".to_owned(),
            id: "same".to_owned()
        }]
    );
}

#[test]
fn error_and_validation_codes_never_show_raw() {
    let en = Translator::new(Lang::En);
    assert_eq!(en.error("not_found"), en.t("error-not_found"));
    assert_eq!(en.error("brand_new_code"), en.t("error-unknown"));
    assert_eq!(en.validation("required"), en.t("validation-required"));
    assert_eq!(
        en.validation("brand_new_rule"),
        en.t("validation-check_failed")
    );
}

/// Words that mix Cyrillic and Latin letters: a Latin `i` typed for the Kazakh `і`, a Latin `e`,
/// `o`, `a`, `c`, `p` inside a Cyrillic word. They look right and break search and speech.
fn mixed_script_words(messages: &BTreeMap<String, MessageInfo>) -> Vec<String> {
    let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
    let mut problems = Vec::new();
    for (id, info) in messages {
        for piece in &info.text {
            for word in piece.split(|c: char| !c.is_alphabetic()) {
                let has_cyrillic = word.chars().any(cyrillic);
                let has_latin = word
                    .chars()
                    .any(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c));
                if has_cyrillic && has_latin {
                    problems.push(format!("{id}: {word:?}"));
                }
            }
        }
    }
    problems
}

#[rstest]
#[case::kk(Lang::Kk)]
#[case::kk_latn(Lang::KkLatn)]
#[case::kk_arab(Lang::KkArab)]
#[case::ru(Lang::Ru)]
#[case::en(Lang::En)]
#[case::uz(Lang::Uz)]
#[case::zh_hans(Lang::ZhHans)]
fn no_word_mixes_cyrillic_and_latin_letters(#[case] lang: Lang) {
    require(lang);
    let problems = mixed_script_words(&messages(lang));
    assert!(problems.is_empty(), "{lang}:\n{}", problems.join("\n"));
}

#[test]
fn mixed_script_check_catches_a_latin_i_in_kazakh() {
    // The first "і" below is Latin U+0069, the second the Kazakh U+0456.
    let bad = fixture(Lang::Kk, "a = Бiз келдік\n");
    assert_eq!(mixed_script_words(&bad), [r#"a: "Бiз""#]);
    assert!(mixed_script_words(&fixture(Lang::Kk, "a = KAZTEST тапсырдыңыз ба?\n")).is_empty());
}

/// Latin Kazakh is transliterated blindly, so a Cyrillic sample that must stay Cyrillic (the
/// script choice shows both scripts) is written in kk/ as a string literal `{"Қазақша"}`.
#[test]
fn latin_kazakh_keeps_the_cyrillic_sample_of_the_script_choice() {
    require(Lang::Kk);
    let text = Translator::new(Lang::KkLatn).t("ui-language-script-cyrillic");
    assert!(
        text.contains("Қазақша"),
        "kk-Latn shows {text:?}: in locales/kk/ui.ftl write the sample as {{\"Қазақша\"}}"
    );
}
