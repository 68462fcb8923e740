//! Step 2 of figure extraction: the closed word classes around a number — qualifiers,
//! multipliers, vague plurals, time words, and the test for a lower-case word that may stand
//! between a number and its noun. All lookups take a word as written and ignore case.

use super::numerals::parse_number_word;

/// Qualifiers written before a number, lower-case, with whether they make it approximate.
/// Hedges and bounds (`rund`, `mindestens`, `bis zu`…) do; `weitere` (an increment) does not.
/// `ca` is matched without its full stop, which the scanner adds back to the written form.
const QUALIFIERS: &[(&str, bool)] = &[
    ("mehr als", true),
    ("weniger als", true),
    ("bis zu", true),
    ("ein paar", true),
    ("rund", true),
    ("etwa", true),
    ("ca", true),
    ("circa", true),
    ("zirka", true),
    ("ungefähr", true),
    ("annähernd", true),
    ("knapp", true),
    ("fast", true),
    ("nahezu", true),
    ("beinahe", true),
    ("gut", true),
    ("über", true),
    ("mindestens", true),
    ("höchstens", true),
    ("maximal", true),
    ("mehrere", true),
    ("einige", true),
    ("weitere", false),
    ("weiteren", false),
];

/// Whether the qualifier `words` (one or two words, lower-case, joined by one space) is known,
/// and whether it makes the figure approximate.
pub fn qualifier(words: &str) -> Option<bool> {
    QUALIFIERS
        .iter()
        .find(|(q, _)| *q == words)
        .map(|&(_, approx)| approx)
}

/// A multiplier after a number: its factor, and whether it is an abbreviation that takes a full
/// stop (`Mio.`, `Mrd.`, `Tsd.`).
pub fn multiplier(word: &str) -> Option<(f64, bool)> {
    match word.to_lowercase().as_str() {
        "tausend" => Some((1e3, false)),
        "tsd" => Some((1e3, true)),
        "million" | "millionen" => Some((1e6, false)),
        "mio" => Some((1e6, true)),
        "milliarde" | "milliarden" => Some((1e9, false)),
        "mrd" => Some((1e9, true)),
        "billion" | "billionen" => Some((1e12, false)),
        "dutzend" => Some((12.0, false)),
        _ => None,
    }
}

/// A vague plural standing for "many of this magnitude": `Dutzende` 12, `Hunderte` 100,
/// `Tausende` 1 000, `Zehntausende` 10 000, `Hunderttausende` 100 000, `Zigtausende` 10 000,
/// and bare `Millionen`/`Milliarden` (no number before them). Dative `-n` forms too.
pub fn vague_plural(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    match w.as_str() {
        "dutzende" | "dutzenden" => return Some(12.0),
        "millionen" => return Some(1e6),
        "milliarden" => return Some(1e9),
        "billionen" => return Some(1e12),
        _ => {}
    }
    let stem = w.strip_suffix("en").or_else(|| w.strip_suffix('e'))?;
    if !(stem.ends_with("hundert") || stem.ends_with("tausend")) {
        return None;
    }
    match stem.strip_prefix("zig") {
        Some(rest) => parse_number_word(rest).map(|n| n * 10.0),
        None => parse_number_word(stem),
    }
}

/// Article forms of `ein`, which count as 1 only before a multiplier (`eine Milliarde`).
pub fn is_article_one(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
    )
}

/// Words after which a bare year-like number (1000–2099) is always a year: `im`, `seit`, `bis`,
/// `ab`, `Jahr`, seasons, `Anfang`/`Mitte`/`Ende`, month names.
pub fn is_time_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "im" | "seit"
            | "bis"
            | "ab"
            | "jahr"
            | "jahre"
            | "jahren"
            | "jahres"
            | "frühjahr"
            | "frühling"
            | "sommer"
            | "herbst"
            | "winter"
            | "anfang"
            | "mitte"
            | "ende"
            | "januar"
            | "jänner"
            | "februar"
            | "märz"
            | "april"
            | "mai"
            | "juni"
            | "juli"
            | "august"
            | "september"
            | "oktober"
            | "november"
            | "dezember"
    )
}

/// Words that make the number after them a count even without a noun: `die ersten 2000`.
pub fn is_count_context(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "ersten"
            | "letzten"
            | "übrigen"
            | "restlichen"
            | "anderen"
            | "verbleibenden"
            | "weitere"
            | "weiteren"
    )
}

/// Lower-case words ending like an inflected adjective that are not adjectives: articles,
/// pronouns, prepositions, adverbs, auxiliaries and modals. They end the search for a noun.
const NOT_ADJECTIVES: &[&str] = &[
    "eine", "einen", "einer", "eines", "einem", "keine", "keinen", "keiner", "diese", "diesen",
    "dieser", "dieses", "diesem", "jene", "jenen", "jener", "welche", "welchen", "welcher",
    "seine", "seinen", "seiner", "ihre", "ihren", "ihrer", "unsere", "unseren", "denen", "deren",
    "aber", "oder", "über", "unter", "hinter", "gegen", "neben", "zwischen", "wieder", "immer",
    "weiter", "später", "früher", "werden", "wurden", "würden", "haben", "hatten", "hätten",
    "sollen", "sollten", "können", "könnten", "müssen", "müssten", "dürfen", "dürften", "wollen",
    "wollten", "sein", "seien", "waren", "wären", "gewesen", "worden", "sowie", "alle", "allen",
    "aller", "beide", "beiden", "solche", "solchen", "manche", "manchen", "viele", "vielen",
];

/// Whether a lower-case word may be an adjective between a number and its noun
/// (`zusätzliche`, `weiteren`, `junge`, `nordkoreanischen`): at least four letters (hyphens
/// allowed), an adjective ending (`-e`, `-en`, `-er`, `-es`, `-em`), and not a function word.
pub fn is_adjective_like(word: &str) -> bool {
    let lower = word.starts_with(|c: char| c.is_lowercase());
    let letters = word.chars().all(|c| c.is_alphabetic() || c == '-');
    let ending = ["e", "en", "er", "es", "em"]
        .iter()
        .any(|e| word.ends_with(e));
    lower
        && letters
        && word.chars().count() >= 4
        && ending
        && !NOT_ADJECTIVES.contains(&word)
        && parse_number_word(word).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers() {
        for (words, expected) in [
            ("rund", Some(true)),
            ("mehr als", Some(true)),
            ("bis zu", Some(true)),
            ("mindestens", Some(true)),
            ("knapp", Some(true)),
            ("ca", Some(true)),
            ("weitere", Some(false)),
            ("bereits", None),
            ("als", None),
            ("Rund", None), // the scanner lower-cases first
        ] {
            assert_eq!(qualifier(words), expected, "{words:?}");
        }
    }

    #[test]
    fn multipliers() {
        for (word, expected) in [
            ("Millionen", Some((1e6, false))),
            ("Million", Some((1e6, false))),
            ("Milliarden", Some((1e9, false))),
            ("Milliarde", Some((1e9, false))),
            ("Mio", Some((1e6, true))),
            ("Mrd", Some((1e9, true))),
            ("Tausend", Some((1e3, false))),
            ("tausend", Some((1e3, false))),
            ("Dutzend", Some((12.0, false))),
            ("Soldaten", None),
            ("Millionär", None),
        ] {
            assert_eq!(multiplier(word), expected, "{word:?}");
        }
    }

    #[test]
    fn vague_plurals() {
        for (word, expected) in [
            ("Dutzende", Some(12.0)),
            ("Hunderte", Some(100.0)),
            ("Hunderten", Some(100.0)),
            ("Tausende", Some(1000.0)),
            ("tausende", Some(1000.0)),
            ("Zehntausende", Some(10_000.0)),
            ("Hunderttausende", Some(100_000.0)),
            ("Zigtausende", Some(10_000.0)),
            ("Millionen", Some(1e6)),
            ("Milliarden", Some(1e9)),
            ("Tausend", None),
            ("Hundert", None),
            ("Zehntausend", None),
            ("Truppen", None),
            ("Ende", None),
        ] {
            assert_eq!(vague_plural(word), expected, "{word:?}");
        }
    }

    #[test]
    fn adjective_like_words() {
        for (word, expected) in [
            ("zusätzliche", true),
            ("weiteren", true),
            ("junge", true),
            ("nordkoreanischen", true),
            ("ausländische", true),
            ("russisch-nordkoreanischen", true),
            ("bereits", false),
            ("entwickelt", false),
            ("sollen", false),
            ("zwischen", false),
            ("die", false),
            ("eine", false),
            ("zwei", false),
            ("Soldaten", false),
            ("1.000", false),
        ] {
            assert_eq!(is_adjective_like(word), expected, "{word:?}");
        }
    }

    #[test]
    fn time_and_count_words() {
        for word in ["im", "Seit", "Jahr", "Februar", "Sommer", "Juli", "Ende"] {
            assert!(is_time_word(word), "{word:?}");
        }
        for word in ["von", "Staatsgründung", "zwischen", "ersten"] {
            assert!(!is_time_word(word), "{word:?}");
        }
        assert!(is_count_context("ersten"));
        assert!(!is_count_context("die"));
        assert!(is_article_one("Eine") && is_article_one("einer") && !is_article_one("eins"));
    }
}
