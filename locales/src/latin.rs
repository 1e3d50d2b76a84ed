//! Kazakh in the 2021 Latin alphabet, made from Kazakh in Cyrillic: the letter table, the
//! transliteration of plain text, and of a whole Fluent file (message text only, never ids,
//! variables or selector keys), which is how `kk-Latn` comes to exist without anyone writing it.
//!
//! The table is the 31-letter alphabet presented on 28 January 2021 (a ä b d e f g ğ h i ı j k l
//! m n ñ o ö p q r s ş t u ū ü v y z), as tabulated in the "Latin script" section of Wikipedia's
//! "Kazakh alphabets" article and in the npm package `qazlatyn-db` ("Latin 2021 approved
//! version" column); the tests reproduce Wikipedia's sample text. и and й both become i
//! (capital İ), і becomes dotless ı (capital I), х and һ both become h, and ч is written ch.
//! For the letters of Russian loanwords that table gives no Latin letter (ц щ ё ю я э ъ ь);
//! Kosh writes them by sound with the 31 letters: ц ts, щ şş (a long ш, as in ащы), ё io,
//! ю iu, я ia (й, which is i, plus the vowel), э e, and drops the hard and soft signs ъ ь.

use fluent_syntax::parser;

use crate::ftl_text::rewrite_text;

/// The Latin spelling of one lowercase Cyrillic letter, or `None` for any other character.
fn latin_of(lower: char) -> Option<&'static str> {
    Some(match lower {
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "ğ",
        'д' => "d",
        'е' => "e",
        'ё' => "io",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "i",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ñ",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ұ' => "ū",
        'ү' => "ü",
        'ф' => "f",
        'х' => "h",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "ş",
        'щ' => "şş",
        'ъ' => "",
        'ы' => "y",
        'і' => "ı",
        'ь' => "",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// The capital of a letter of the Latin alphabet: like Turkish, `i` pairs with dotted `İ` and
/// dotless `ı` with `I`, which Unicode's default case mapping gets wrong.
fn upper(c: char, out: &mut String) {
    match c {
        'i' => out.push('İ'),
        'ı' => out.push('I'),
        other => out.extend(other.to_uppercase()),
    }
}

fn is_upper_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
}

/// Writes Kazakh `text` in Cyrillic letters in the 2021 Latin alphabet. Anything that is not a
/// Cyrillic letter (digits, punctuation, Latin letters, emoji) is kept as it is. Case is kept:
/// `Қазақстан` → `Qazaqstan`; a letter that becomes two is written `Ia` at the start of a
/// capitalised word and `IA` inside a word in capitals (`ЯНДЕКС` → `İANDEKS`).
pub fn to_latin(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let Some(latin) = latin_of(lower) else {
            out.push(c);
            continue;
        };
        if lower == c {
            out.push_str(latin);
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let word_in_capitals = is_upper_letter(prev) || is_upper_letter(next);
        for (k, l) in latin.chars().enumerate() {
            if k == 0 || word_in_capitals {
                upper(l, &mut out);
            } else {
                out.push(l);
            }
        }
    }
    out
}

/// The Fluent source `ftl` (Cyrillic Kazakh) with the text of every message and term in Latin
/// letters. Ids, variables, function names, selector keys and string literals stay as they are,
/// so the Latin file has exactly the keys and variables of the Cyrillic one. The parse errors of
/// a broken file are returned beside the transliteration of what did parse.
pub fn latinize_ftl(ftl: &str) -> (String, Vec<parser::ParserError>) {
    rewrite_text(ftl, to_latin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case('а', "a")]
    #[case('ә', "ä")]
    #[case('б', "b")]
    #[case('в', "v")]
    #[case('г', "g")]
    #[case('ғ', "ğ")]
    #[case('д', "d")]
    #[case('е', "e")]
    #[case('ё', "io")]
    #[case('ж', "j")]
    #[case('з', "z")]
    #[case('и', "i")]
    #[case('й', "i")]
    #[case('к', "k")]
    #[case('қ', "q")]
    #[case('л', "l")]
    #[case('м', "m")]
    #[case('н', "n")]
    #[case('ң', "ñ")]
    #[case('о', "o")]
    #[case('ө', "ö")]
    #[case('п', "p")]
    #[case('р', "r")]
    #[case('с', "s")]
    #[case('т', "t")]
    #[case('у', "u")]
    #[case('ұ', "ū")]
    #[case('ү', "ü")]
    #[case('ф', "f")]
    #[case('х', "h")]
    #[case('һ', "h")]
    #[case('ц', "ts")]
    #[case('ч', "ch")]
    #[case('ш', "ş")]
    #[case('щ', "şş")]
    #[case('ъ', "")]
    #[case('ы', "y")]
    #[case('і', "ı")]
    #[case('ь', "")]
    #[case('э', "e")]
    #[case('ю', "iu")]
    #[case('я', "ia")]
    fn each_letter(#[case] cyrillic: char, #[case] latin: &str) {
        assert_eq!(to_latin(&cyrillic.to_string()), latin);
        // Capital letter alone, as at the start of a capitalised word.
        let capital: String = cyrillic.to_uppercase().collect();
        let mut expected = String::new();
        for (k, l) in latin.chars().enumerate() {
            if k == 0 {
                upper(l, &mut expected);
            } else {
                expected.push(l);
            }
        }
        assert_eq!(to_latin(&capital), expected, "capital {capital}");
    }

    #[test]
    fn all_42_cyrillic_letters_are_covered() {
        let alphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
        assert_eq!(alphabet.chars().count(), 42);
        for c in alphabet.chars() {
            assert!(latin_of(c).is_some(), "{c}");
        }
        // Every letter of the Latin output belongs to the 31 of 2021, plus c (only in ch).
        let latin = to_latin(alphabet);
        let allowed = "aäbdefgğhiıjklmnñoöpqrsştuūüvyzc";
        for c in latin.chars() {
            assert!(allowed.contains(c), "{c} in {latin}");
        }
    }

    #[rstest]
    #[case::country("Қазақстан Республикасы", "Qazaqstan Respublikasy")]
    #[case::capitals("ҚАЗАҚСТАН", "QAZAQSTAN")]
    #[case::dotted_capital_i("ИӘ, ІСКЕ", "İÄ, ISKE")]
    #[case::two_letters_capitalised("Юрист", "İurist")]
    #[case::two_letters_in_capitals("ЮРИСТ", "İURİST")]
    #[case::two_letters_alone("Я", "İa")]
    #[case::russian_loanwords(
        "цирк, чай, ащы, съезд, пьеса, экономика",
        "tsirk, chai, aşşy, sezd, pesa, ekonomika"
    )]
    #[case::mixed_script_and_digits("KAZTEST: 30% және A1", "KAZTEST: 30% jäne A1")]
    #[case::untouched_placeholder_text("{ $days } күн", "{ $days } kün")]
    fn words(#[case] cyrillic: &str, #[case] latin: &str) {
        assert_eq!(to_latin(cyrillic), latin);
    }

    /// The sample sentence of Wikipedia's "Kazakh alphabets" article, with its published 2021
    /// transliteration (the article writes a hyphen where the source has a dash).
    #[test]
    fn whole_sentences() {
        let cyrillic = "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен \
            қазысының үйіне келіп қоныпты. Қазыменен сөйлесіп, қазыны сөзге жеңе беріпті.";
        let latin = "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken \
            qazysynyñ üiıne kelıp qonypty. Qazymenen söilesıp, qazyny sözge jeñe berıptı.";
        assert_eq!(to_latin(cyrillic), latin);
        assert_eq!(
            to_latin("Сіздің өтінішіңіз жіберілді. Күтіңіз."),
            "Sızdıñ ötınışıñız jıberıldı. Kütıñız."
        );
    }

    #[test]
    fn fluent_files_keep_ids_variables_and_keys() {
        let ftl = "# түсініктеме\n\
            ui-home-title = Басты бет\n\
            ui-days =\n    { $days ->\n        [one] { $days } күн\n       *[other] { $days } күн қалды\n    }\n\
            ui-month = { $month ->\n        [1] қаңтар\n       *[12] желтоқсан\n    }\n\
            -brand = Көш\n    .title = Көш қосымшасы\n\
            ui-with-term = { -brand } — { NUMBER($n) } { \"мәтін\" }\n";
        let (latin, errors) = latinize_ftl(ftl);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(latin.contains("ui-home-title = Basty bet"), "{latin}");
        assert!(latin.contains("[one] { $days } kün"), "{latin}");
        assert!(latin.contains("*[other] { $days } kün qaldy"), "{latin}");
        assert!(latin.contains("[1] qañtar"), "{latin}");
        assert!(latin.contains("-brand = Köş"), "{latin}");
        assert!(latin.contains(".title = Köş qosymşasy"), "{latin}");
        // A string literal is an expression, not text: left alone.
        assert!(
            latin.contains("{ -brand } — { NUMBER($n) } { \"мәтін\" }"),
            "{latin}"
        );
        assert!(parser::parse(latin.as_str()).is_ok());
    }

    #[test]
    fn a_broken_file_reports_errors_and_keeps_what_parsed() {
        let (latin, errors) = latinize_ftl("ok = Иә\nbroken = { $x\nalso-ok = Жоқ\n");
        assert!(!errors.is_empty());
        assert!(latin.contains("ok = İä"), "{latin}");
        assert!(latin.contains("also-ok = Joq"), "{latin}");
        assert!(!latin.contains("broken"), "{latin}");
    }
}
