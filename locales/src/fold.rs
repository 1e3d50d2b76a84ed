//! The search fold for lookup fields (region, country): phones often hide the Kazakh letters
//! behind a long press, so a person types к for қ, у for ү or ұ, и for і and so on (DOMAIN.md,
//! "Language and script"). Folding both the query and the candidate makes those equal. Names
//! are stored exactly; only comparisons fold.

/// `text` lowercased and folded so that the ways people type one name compare equal:
///
/// - Kazakh Cyrillic: each Kazakh letter becomes the Russian letter a keyboard without it
///   offers: қ→к, ң→н, ү/ұ→у, і→и, ө→о, ә→а, ғ→г, һ→х.
/// - Kazakh Latin, 2021 alphabet: q→k, ñ→n, ü/ū→u, ı/İ→i, ö→o, ä→a, ğ→g, ş→s, ç→c, so a person
///   reading Latin Kazakh finds `Qostanai` by typing `kostanai`.
/// - Kazakh Latin, 2018 acute-accent alphabet, still used by most Latin-script media: á→a, ó→o,
///   ú/ý→u, ǵ→g, ń→n; its digraphs sh and ch fold like the 2021 ş and ç (sh→s, ch→c), so
///   `Shyǵys` and `Şyğys` are the same word.
/// - Uzbek Latin: oʻ and gʻ carry a turned comma (U+02BB) that phones type as ' ‘ ’ ` ʼ or
///   leave out; every apostrophe-like mark is dropped, so `O'zbekiston`, `O‘zbekiston` and
///   `Ozbekiston` all find `Oʻzbekiston`.
/// - Kazakh Arabic script: the front-vowel hamza ٴ is dropped (people often leave it out) and
///   the letters that have a hamza-bearing or Persian/Arabic look-alike on common keyboards fold
///   to one: ٵ→ا, ٶ→و, ٷ→ۇ, ٸ/ي/ی→ى, ک→ك, ه→ە.
///
/// Other characters are only lowercased.
pub fn fold_kazakh(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut letters = text
        .chars()
        // Unicode lowercases İ to i plus a combining dot; the Kazakh (and Turkish) İ is just i.
        .map(|c| if c == 'İ' { 'i' } else { c })
        .flat_map(char::to_lowercase)
        .filter(|c| !is_apostrophe_or_hamza(*c))
        .peekable();
    while let Some(c) = letters.next() {
        let c = fold_letter(c);
        folded.push(c);
        // The 2018 digraphs: the h after s or c is the same sound as the 2021 ş or ç.
        if matches!(c, 's' | 'c') && letters.peek() == Some(&'h') {
            letters.next();
        }
    }
    folded
}

/// The marks a search ignores: Uzbek's turned comma and each way a phone types it, and the
/// Arabic-script hamza of front-vowel words.
fn is_apostrophe_or_hamza(c: char) -> bool {
    matches!(
        c,
        '\u{02BB}' // ʻ modifier letter turned comma, Uzbek's own
            | '\u{02BC}' // ʼ modifier letter apostrophe
            | '\'' // ' typewriter apostrophe
            | '\u{2018}' // ‘
            | '\u{2019}' // ’
            | '`'
            | '\u{00B4}' // ´
            | '\u{0674}' // ٴ high hamza
    )
}

/// One lowercase letter's fold (see [`fold_kazakh`]).
fn fold_letter(c: char) -> char {
    match c {
        'қ' => 'к',
        'ң' => 'н',
        'ү' | 'ұ' => 'у',
        'і' => 'и',
        'ө' => 'о',
        'ә' => 'а',
        'ғ' => 'г',
        'һ' => 'х',
        'q' => 'k',
        'ñ' | 'ń' => 'n',
        'ü' | 'ū' | 'ú' | 'ý' => 'u',
        'ı' => 'i',
        'ö' | 'ó' => 'o',
        'ä' | 'á' => 'a',
        'ğ' | 'ǵ' => 'g',
        'ş' => 's',
        'ç' => 'c',
        'ٵ' => 'ا',
        'ٶ' => 'و',
        'ٷ' => 'ۇ',
        'ٸ' | 'ي' | 'ی' => 'ى',
        'ک' => 'ك',
        'ه' => 'ە',
        other => other,
    }
}

/// Whether a search `query` finds `candidate`: after folding both, every word of the query
/// occurs somewhere in the candidate (`сол каз` finds `Солтүстік Қазақстан облысы`). An empty
/// query finds everything, so a list starts full and narrows as the person types.
pub fn matches(query: &str, candidate: &str) -> bool {
    let candidate = fold_kazakh(candidate);
    fold_kazakh(query)
        .split_whitespace()
        .all(|word| candidate.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("қ", "к")]
    #[case("ң", "н")]
    #[case("ү", "у")]
    #[case("ұ", "у")]
    #[case("і", "и")]
    #[case("ө", "о")]
    #[case("ә", "а")]
    #[case("ғ", "г")]
    #[case("һ", "х")]
    #[case("ҚҢҮҰІӨӘҒҺ", "кнууиоагх")]
    #[case("Қазақстан", "казакстан")]
    #[case("Шығыс Қазақстан", "шыгыс казакстан")]
    #[case("Pavlodar", "pavlodar")]
    #[case("QAZAQSTAN", "kazakstan")]
    #[case("Şyğys Qazaqstan", "sygys kazakstan")]
    #[case::latin_2018("Shyǵys Qazaqstan", "sygys kazakstan")]
    #[case::latin_2018_letters("ÁÓÚÝǴŃ", "aouugn")]
    #[case::latin_2018_ch("Chórtkóz", "cortkoz")]
    #[case::latin_2021_ch("Çörtköz", "cortkoz")]
    #[case::uzbek_turned_comma("Oʻzbekiston", "ozbekiston")]
    #[case::uzbek_typewriter("O'zbekiston", "ozbekiston")]
    #[case::uzbek_left_quote("O‘zbekiston", "ozbekiston")]
    #[case::uzbek_right_quote("O’zbekiston", "ozbekiston")]
    #[case::uzbek_backtick("O`zbekiston", "ozbekiston")]
    #[case::uzbek_modifier_apostrophe("Gʼarb", "garb")]
    #[case::arabic_hamza_dropped("ٴوسكەمەن", "وسكەمەن")]
    #[case::arabic_hamza_letters("ٵٶٷٸ", "اوۇى")]
    #[case::arabic_keyboard_lookalikes("يیکه", "ىىكە")]
    #[case("İÄÖÜŪIĞŞÑ", "iaouuigsn")]
    #[case("ıñ", "in")]
    #[case("", "")]
    fn folds(#[case] text: &str, #[case] folded: &str) {
        assert_eq!(fold_kazakh(text), folded);
    }

    #[rstest]
    #[case::keyboard_without_kazakh_letters("шыгыс", "Шығыс Қазақстан облысы", true)]
    #[case::upper_case_query("ПАВЛОДАР", "Павлодар облысы", true)]
    #[case::words_in_any_order("казакстан сол", "Солтүстік Қазақстан облысы", true)]
    #[case::kazakh_query_russian_name("Қостанай", "Костанайская область", true)]
    #[case::kazakh_letter_in_query("Қостанай", "Қостанай облысы", true)]
    #[case::empty_query("", "Абай облысы", true)]
    #[case::spaces_only("   ", "Абай облысы", true)]
    #[case::no_match("атырау", "Ақмола облысы", false)]
    #[case::latin_kazakh_without_special_letters("kostanai", "Qostanai oblysy", true)]
    #[case::latin_kazakh_capital_i("İRAN", "Iran", true)]
    #[case::uzbek_without_comma("Ozbekiston", "Oʻzbekiston", true)]
    #[case::uzbek_apostrophe("O'zbekiston", "Oʻzbekiston", true)]
    #[case::uzbek_quote("O‘zbekiston", "Oʻzbekiston", true)]
    #[case::latin_2018_finds_2021("Shyǵys", "Şyğys Qazaqstan oblysy", true)]
    #[case::latin_2021_finds_2018("Şyğys", "Shyǵys Qazaqstan oblysy", true)]
    #[case::latin_plain_finds_2018("shygys", "Shyǵys Qazaqstan oblysy", true)]
    #[case::latin_2018_u("Túrkistan", "Türkistan oblysy", true)]
    #[case::arabic_without_hamza("الماتى", "الماتى وبلىسى", true)]
    #[case::arabic_persian_yeh("قاراعاندی", "قاراعاندى وبلىسى", true)]
    fn finds(#[case] query: &str, #[case] candidate: &str, #[case] found: bool) {
        assert_eq!(matches(query, candidate), found);
    }
}
