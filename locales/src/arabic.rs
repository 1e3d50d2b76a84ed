//! Kazakh in the Arabic script (төте жазу, `kk-Arab`), made from Kazakh in Cyrillic the way
//! `kk-Latn` is: the letter table, the transliteration of plain text, and of a whole Fluent file
//! (message text only), so the Arabic-script Kazakh that Kazakhs from China read exists without
//! anyone writing it by hand.
//!
//! The table is the alphabet in use in Xinjiang (the reformed Arabic-script Kazakh alphabet,
//! restored in 1982), as tabulated in the "Arabic script" section of Wikipedia's "Kazakh
//! alphabets" article, which gives for each Cyrillic letter its Arabic letter:
//! а ا, ә ا+ٴ, б ب, в ۆ, г گ, ғ ع, д د, е ە, ж ج, з ز, и ي, й ي, к ك, қ ق, л ل, м م, н ن,
//! ң ڭ, о و, ө و+ٴ, п پ, р ر, с س, т ت, у ۋ, ұ ۇ, ү ۇ+ٴ, ф ف, х ح, һ ھ, ч چ, ш ش, ы ى,
//! і ى+ٴ.
//!
//! Front vowels. The script writes ә/а, ө/о, ү/ұ and і/ы with the same letters; a word whose
//! vowels are front ones (it has ә, ө, ү or і) is marked once, by the high hamza ٴ (U+0674)
//! written at its start, as the same article describes. The mark is left out where the word
//! already shows it is a front word by containing е (ە), к (ك) or г (گ), letters that only occur
//! with front vowels.
//!
//! Russian loanwords' letters with no letter of their own are written by sound, as the Latin
//! module does: ц تس, щ شش, ё يو, ю يۋ, я يا, э ە; the hard and soft signs ъ ь are dropped.
//! Arabic has no capitals, so case is lost. The comma, question mark and semicolon become the
//! Arabic ones (، ؟ ؛); digits stay Western, as Xinjiang's Kazakh press prints them, and
//! anything that is not Cyrillic (Latin names such as KAZTEST, numbers, emoji) stays as it is.

use fluent_syntax::parser;

use crate::ftl_text::rewrite_text;

/// The high hamza that marks a word of front vowels.
pub const HAMZA: char = '\u{0674}';

/// The Arabic spelling of one lowercase Cyrillic letter, or `None` for any other character.
fn arabic_of(lower: char) -> Option<&'static str> {
    Some(match lower {
        'а' | 'ә' => "ا",
        'б' => "ب",
        'в' => "ۆ",
        'г' => "گ",
        'ғ' => "ع",
        'д' => "د",
        'е' | 'э' => "ە",
        'ё' => "يو",
        'ж' => "ج",
        'з' => "ز",
        'и' | 'й' => "ي",
        'к' => "ك",
        'қ' => "ق",
        'л' => "ل",
        'м' => "م",
        'н' => "ن",
        'ң' => "ڭ",
        'о' | 'ө' => "و",
        'п' => "پ",
        'р' => "ر",
        'с' => "س",
        'т' => "ت",
        'у' => "ۋ",
        'ұ' | 'ү' => "ۇ",
        'ф' => "ف",
        'х' => "ح",
        'һ' => "ھ",
        'ц' => "تس",
        'ч' => "چ",
        'ш' => "ش",
        'щ' => "شش",
        'ъ' | 'ь' => "",
        'ы' | 'і' => "ى",
        'ю' => "يۋ",
        'я' => "يا",
        _ => return None,
    })
}

fn is_cyrillic_letter(c: char) -> bool {
    arabic_of(c.to_lowercase().next().unwrap_or(c)).is_some()
}

/// One word of Cyrillic letters, lowercased, in Arabic letters with its front-vowel mark.
fn word(lower: &[char], out: &mut String) {
    let front = lower.iter().any(|c| matches!(c, 'ә' | 'ө' | 'ү' | 'і'));
    let shown = lower.iter().any(|c| matches!(c, 'е' | 'к' | 'г'));
    if front && !shown {
        out.push(HAMZA);
    }
    for c in lower {
        out.push_str(arabic_of(*c).unwrap_or_default());
    }
}

/// Writes Kazakh `text` in Cyrillic letters in the Arabic script (see the module header).
pub fn to_arabic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut current: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_cyrillic_letter(c) {
            current.extend(c.to_lowercase());
            continue;
        }
        if !current.is_empty() {
            word(&current, &mut out);
            current.clear();
        }
        match c {
            ',' => out.push('،'),
            '?' => out.push('؟'),
            ';' => out.push('؛'),
            other => out.push(other),
        }
    }
    if !current.is_empty() {
        word(&current, &mut out);
    }
    out
}

/// The Fluent source `ftl` (Cyrillic Kazakh) with the text of every message and term in the
/// Arabic script. Ids, variables, function names, selector keys and string literals stay as
/// they are, so the file has exactly the keys and variables of the Cyrillic one. The parse
/// errors of a broken file are returned beside the transliteration of what did parse.
pub fn arabize_ftl(ftl: &str) -> (String, Vec<parser::ParserError>) {
    rewrite_text(ftl, to_arabic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// Every letter of the table, in a back-vowel context so no hamza is added.
    #[rstest]
    #[case('а', "ا")]
    #[case('б', "ب")]
    #[case('в', "ۆ")]
    #[case('г', "گ")]
    #[case('ғ', "ع")]
    #[case('д', "د")]
    #[case('е', "ە")]
    #[case('ж', "ج")]
    #[case('з', "ز")]
    #[case('и', "ي")]
    #[case('й', "ي")]
    #[case('к', "ك")]
    #[case('қ', "ق")]
    #[case('л', "ل")]
    #[case('м', "م")]
    #[case('н', "ن")]
    #[case('ң', "ڭ")]
    #[case('о', "و")]
    #[case('п', "پ")]
    #[case('р', "ر")]
    #[case('с', "س")]
    #[case('т', "ت")]
    #[case('у', "ۋ")]
    #[case('ұ', "ۇ")]
    #[case('ф', "ف")]
    #[case('х', "ح")]
    #[case('һ', "ھ")]
    #[case('ч', "چ")]
    #[case('ш', "ش")]
    #[case('ы', "ى")]
    #[case('ц', "تس")]
    #[case('щ', "شش")]
    #[case('ё', "يو")]
    #[case('ю', "يۋ")]
    #[case('я', "يا")]
    #[case('э', "ە")]
    #[case('ъ', "")]
    #[case('ь', "")]
    fn the_letter_table(#[case] cyrillic: char, #[case] arabic: &str) {
        assert_eq!(to_arabic(&cyrillic.to_string()), arabic);
        // Capitals are the same letter: Arabic has no case.
        let upper: String = cyrillic.to_uppercase().collect();
        assert_eq!(to_arabic(&upper), arabic);
    }

    #[rstest]
    #[case::front_letters_with_their_back_twin("ә", "ٴا")]
    #[case::o_umlaut("ө", "ٴو")]
    #[case::u_umlaut("ү", "ٴۇ")]
    #[case::i_front("і", "ٴى")]
    fn front_vowels_take_the_hamza(#[case] cyrillic: &str, #[case] arabic: &str) {
        assert_eq!(to_arabic(cyrillic), arabic);
    }

    #[rstest]
    // A front word marked once, at its start: білім (knowledge), өмір (life), сөз (word).
    #[case::bilim("білім", "ٴبىلىم")]
    #[case::omir("өмір", "ٴومىر")]
    #[case::soz("сөз", "ٴسوز")]
    // Back words have no mark: қазақ, тіл has і so it does: ٴتىل.
    #[case::qazaq("қазақ", "قازاق")]
    #[case::til("тіл", "ٴتىل")]
    // е, к, г already show a front word: no mark even with ә, ө, ү, і.
    #[case::kitap("кітап", "كىتاپ")]
    #[case::mektep("мектеп", "مەكتەپ")]
    #[case::gylym("гүл", "گۇل")]
    #[case::ekinshi("екінші", "ەكىنشى")]
    // Each word on its own.
    #[case::phrase("Қазақ тілі", "قازاق ٴتىلى")]
    fn words(#[case] cyrillic: &str, #[case] arabic: &str) {
        assert_eq!(to_arabic(cyrillic), arabic);
    }

    #[test]
    fn punctuation_digits_and_latin_are_readable_right_to_left() {
        assert_eq!(to_arabic("KAZTEST, 2026 жыл?"), "KAZTEST، 2026 جىل؟");
        assert_eq!(to_arabic("4 325 ₸; 70 АЕК"), "4 325 ₸؛ 70 اەك");
        assert_eq!(to_arabic("🙂"), "🙂");
    }

    #[test]
    fn russian_loanwords_are_written_by_sound() {
        assert_eq!(to_arabic("Цифр"), "تسيفر");
        assert_eq!(to_arabic("объект"), "وبەكت");
    }

    #[test]
    fn a_fluent_file_keeps_ids_variables_and_selectors() {
        let ftl = "hello = Сәлем, { $name }!\n\
                   items = { $count ->\n    [one] бір сөз\n   *[other] { $count } сөз\n}\n";
        let (out, errors) = arabize_ftl(ftl);
        assert!(errors.is_empty());
        assert!(out.contains("hello = سالەم، { $name }!"), "{out}");
        assert!(out.contains("[one] ٴبىر ٴسوز"), "{out}");
        assert!(out.contains("*[other] { $count } ٴسوز"), "{out}");
    }
}
