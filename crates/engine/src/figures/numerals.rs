//! Step 1b of figure extraction: German number words (`zwölftausend`, `einundzwanzig`,
//! `dreihundertfünfzig`, `zweieinhalb`) as values.
//!
//! Covers cardinals below one million written as one word, plus halves (`eineinhalb`,
//! `anderthalb`, `zweieinhalb`). `Million`, `Milliarde` and friends are separate words in German
//! and are multipliers for the scanner, not numerals. The bare article forms (`ein`, `eine`,
//! `einen`…) are not numbers here: only the scanner, seeing a multiplier after them, may count
//! them. Ordinals (`dritten`, `zweiten`) and derived adjectives (`dreitägigen`) are rejected
//! because the whole word must be a numeral.

/// Parses a German cardinal number word, case-insensitively: `Zwölftausend` → 12000.0,
/// `einundzwanzig` → 21.0, `zweieinhalb` → 2.5. `None` for anything else, including `ein`.
pub fn parse_number_word(word: &str) -> Option<f64> {
    let w = word.to_lowercase().replace('ß', "ss");
    if w == "anderthalb" {
        return Some(1.5);
    }
    if let Some(whole) = w.strip_suffix("einhalb") {
        // `eineinhalb`, `zweieinhalb`, `hunderteinhalb`: the whole part may be `ein`.
        let whole = if whole == "ein" { 1 } else { integer(whole)? };
        return Some(whole as f64 + 0.5);
    }
    integer(&w).map(|n| n as f64)
}

/// A whole number below one million: `[below_thousand]tausend[below_thousand]`.
fn integer(w: &str) -> Option<u64> {
    if w.is_empty() {
        return None;
    }
    if let Some(at) = w.find("tausend") {
        let (left, right) = (&w[..at], &w[at + "tausend".len()..]);
        let thousands = if left.is_empty() {
            1
        } else {
            below_thousand(left, true)?
        };
        let rest = if right.is_empty() {
            0
        } else {
            below_thousand(right, false)?
        };
        return Some(thousands * 1000 + rest);
    }
    below_thousand(w, false)
}

/// `[unit]hundert[below_hundred]` or a number below one hundred. `prefix` allows the bare
/// `ein` that only occurs before a larger word (`eintausend`).
fn below_thousand(w: &str, prefix: bool) -> Option<u64> {
    if let Some(at) = w.find("hundert") {
        let (left, right) = (&w[..at], &w[at + "hundert".len()..]);
        let hundreds = if left.is_empty() { 1 } else { unit(left)? };
        let rest = if right.is_empty() {
            0
        } else {
            below_hundred(right, false)?
        };
        return Some(hundreds * 100 + rest);
    }
    below_hundred(w, prefix)
}

/// 1–99: a table word, or `<unit>und<tens>` (`einundzwanzig`).
fn below_hundred(w: &str, prefix: bool) -> Option<u64> {
    if prefix && w == "ein" {
        return Some(1);
    }
    if let Some(n) = simple(w) {
        return Some(n);
    }
    let (u, t) = w.split_once("und")?;
    let tens = TENS.iter().find(|(word, _)| *word == t)?.1;
    Some(unit(u)? + tens)
}

/// 1–9 as it appears before `hundert` or `und` (`ein`, not `eins`).
fn unit(w: &str) -> Option<u64> {
    match w {
        "ein" => Some(1),
        "eins" => None,
        _ => simple(w).filter(|n| *n < 10),
    }
}

/// The words that are numbers on their own: 1–19 and the tens.
fn simple(w: &str) -> Option<u64> {
    SIMPLE
        .iter()
        .chain(TENS)
        .find(|(word, _)| *word == w)
        .map(|&(_, n)| n)
}

const SIMPLE: &[(&str, u64)] = &[
    ("eins", 1),
    ("zwei", 2),
    ("zwo", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
];

const TENS: &[(&str, u64)] = &[
    ("zwanzig", 20),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

#[cfg(test)]
mod tests {
    use super::parse_number_word;

    #[test]
    fn table() {
        for (word, expected) in [
            ("zwei", Some(2.0)),
            ("drei", Some(3.0)),
            ("zehn", Some(10.0)),
            ("Zehn", Some(10.0)),
            ("elf", Some(11.0)),
            ("zwölf", Some(12.0)),
            ("siebzehn", Some(17.0)),
            ("zwanzig", Some(20.0)),
            ("dreißig", Some(30.0)),
            ("einundzwanzig", Some(21.0)),
            ("neunundneunzig", Some(99.0)),
            ("hundert", Some(100.0)),
            ("einhundert", Some(100.0)),
            ("dreihundertfünfzig", Some(350.0)),
            ("hunderteins", Some(101.0)),
            ("tausend", Some(1000.0)),
            ("eintausend", Some(1000.0)),
            ("zwölftausend", Some(12000.0)),
            ("hunderttausend", Some(100_000.0)),
            ("dreihunderttausendvierhundertzwei", Some(300_402.0)),
            ("eineinhalb", Some(1.5)),
            ("anderthalb", Some(1.5)),
            ("zweieinhalb", Some(2.5)),
            // Articles, ordinals and words that merely start like a numeral.
            ("ein", None),
            ("eine", None),
            ("einen", None),
            ("dritten", None),
            ("zweiten", None),
            ("dreitägigen", None),
            ("Achtung", None),
            ("Zehntausende", None),
            ("und", None),
            ("einsundzwanzig", None),
            ("zwanzigundeins", None),
            ("tausendtausend", None),
            ("", None),
        ] {
            assert_eq!(parse_number_word(word), expected, "{word:?}");
        }
    }
}
