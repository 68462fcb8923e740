//! Step 4 of the analyzer (names only): a phonetic transliteration key so that English and German
//! spellings of Russian, Ukrainian and Korean names meet: `Shoigu`/`Schoigu`, `Lavrov`/`Lawrow`,
//! `Pyongyang`/`Pjöngjang`, `Medvedev`/`Medwedew`, `Khrushchev`/`Chruschtschow`.
//!
//! The key is a consonant skeleton with vowel slots: sibilant clusters (`sch`, `sh`, `shch`, `schtsch`, `zh`, `z`)
//! become `s`; `ch`, `kh`, `tsch`, `tch`, `c`, `q` become `k`; `w` becomes `v`; `y` becomes `j`;
//! `h` disappears; every run of vowels becomes one placeholder (Russian `ё` is `e` in English,
//! `o` in German); doubled letters collapse. It is deliberately lossy, so search ranks these matches below exact and stem
//! matches and only uses them for capitalised words. Works for names in no list.

use crate::analyze::fold::fold;

/// Shortest key (in letters) used for matching; shorter skeletons match too much.
pub const MIN_KEY_LEN: usize = 4;

/// The transliteration key of a name, or `None` if the word has no usable skeleton
/// (too short, or digits in it).
pub fn key(word: &str) -> Option<String> {
    let folded = fold(word);
    if folded.chars().any(|c| !c.is_ascii_alphabetic()) {
        return None;
    }
    // Word-final `-yj`, `-ij`, `-ej`, `-ei`, `-y` are one ending in different transliterations:
    // Selenskyj/Zelensky, Alexej/Alexei, Waleri/Valery, Jewgeni/Yevgeny.
    let mut s = folded;
    for ending in ["yj", "ij", "ej", "ei", "iy", "yi", "y"] {
        if s.len() > ending.len() + 2 && s.ends_with(ending) {
            s.truncate(s.len() - ending.len());
            s.push('i');
            break;
        }
    }
    for (from, to) in [
        ("schtsch", "S"),
        ("shch", "S"),
        ("tsch", "K"),
        ("sch", "S"),
        ("tch", "K"),
        ("sh", "S"),
        ("zh", "S"),
        ("ch", "K"),
        ("kh", "K"),
        ("ck", "K"),
        ("ph", "f"),
        ("th", "t"),
        ("ts", "S"),
        ("tz", "S"),
        ("qu", "kv"),
        ("x", "ks"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match c {
            'S' | 'z' => 's',
            'K' | 'c' | 'q' => 'k',
            'w' => 'v',
            'y' => 'j',
            'h' => continue,
            'a' | 'e' | 'i' | 'o' | 'u' => 'a',
            c => c,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
    }
    (out.chars().count() >= MIN_KEY_LEN).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn spellings_of_one_name_meet() {
        for (a, b) in [
            ("Shoigu", "Schoigu"),
            ("Lavrov", "Lawrow"),
            ("Pyongyang", "Pjöngjang"),
            ("Medvedev", "Medwedew"),
            ("Khrushchev", "Chruschtschow"),
            ("Zelensky", "Selenskyj"),
            ("Chernov", "Tschernow"),
            ("Tikhonov", "Tichonow"),
            ("Alexei", "Alexej"),
            ("Valery", "Waleri"),
            ("Yevgeny", "Jewgeni"),
            ("Navalny", "Nawalny"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
            assert!(key(a).is_some(), "{a}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Schoigu", "Selenskyj"),
            ("Lawrow", "Lee"),
            ("Putin", "Peking"),
            ("Kursk", "Korea"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
        assert_eq!(key("Kim"), None, "too short to be safe");
        assert_eq!(key("G7"), None);
    }
}

/// Letters that transliteration changes (sibilants, `h`, `w`/`v`, `j`/`y`) and vowels.
fn is_unstable(c: char) -> bool {
    matches!(
        c,
        'c' | 'h' | 'k' | 's' | 'z' | 'w' | 'v' | 'j' | 'y' | 'a' | 'e' | 'i' | 'o' | 'u'
    )
}

/// Whether two folded spellings differ only in letters transliteration changes (`shoigu` /
/// `schoigu`, `lavrov` / `lawrow`), as opposed to a typo (`kanonenfuter` / `kanonenfutter`).
pub fn is_variant(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.replace("tsch", "ch").replace("tch", "ch");
    let (a, b) = (norm(a), norm(b));
    let stable = |s: &str| -> String { s.chars().filter(|&c| !is_unstable(c)).collect() };
    // The transliterated consonants themselves must differ: a vowel swap is a typo.
    let shifting = |s: &str| -> String {
        s.chars()
            .filter(|&c| is_unstable(c) && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            .collect()
    };
    // Vowels shift by one at most (`Chruschtschow` / `Khrushchev`); more is another word that
    // shares the consonants (`Ration` / `Rohheiten`).
    let vowels = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'))
            .collect()
    };
    a != b
        && stable(&a) == stable(&b)
        && shifting(&a) != shifting(&b)
        && within_one_edit(&vowels(&a), &vowels(&b))
}

/// Whether `a` becomes `b` by at most one insertion, deletion or substitution.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same_start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let rest_short = &short[same_start..];
    let rest_long = &long[same_start..];
    if short.len() == long.len() {
        rest_short.get(1..) == rest_long.get(1..) || rest_short.is_empty()
    } else {
        rest_short == &rest_long[1..]
    }
}

#[cfg(test)]
mod variant_tests {
    use super::is_variant;

    #[test]
    fn variants_and_typos() {
        for (a, b) in [
            ("shoigu", "schoigu"),
            ("lavrov", "lawrow"),
            ("khrushchev", "chruschtschow"),
            ("zelensky", "selenskyj"),
            ("medvedev", "medwedew"),
            ("kyiv", "kiew"),
            ("tchaikovsky", "tschaikowski"),
        ] {
            assert!(is_variant(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("kanonenfuter", "kanonenfutter"),
            ("ukriane", "ukraine"),
            ("kim", "kim"),
            // Same consonants, other vowels: another word.
            ("ration", "rohheiten"),
        ] {
            assert!(!is_variant(a, b), "{a} / {b}");
        }
    }
}
