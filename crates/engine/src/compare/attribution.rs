//! Who a sentence attributes its claim to: `laut X`, `nach Angaben X`, `X zufolge`,
//! `Schätzungen X`, `berichtet X`, `unter Berufung auf X`, `X schätzt`.
//!
//! A difference between two sources is not a contradiction between two outlets, so the
//! comparison shows this beside each figure. Rule-based: it finds the cue and takes the words
//! after it up to a comma or clause word; it does not resolve pronouns.

/// Cues after which the source follows.
const BEFORE: &[&str] = &[
    "laut ",
    "nach angaben ",
    "nach schätzungen ",
    "schätzungen ",
    "unter berufung auf ",
    "berichtet ",
    "berichtete ",
    "so ",
    "zitiert ",
    "zitierte ",
    "gab ",
];
/// Words that end the source phrase.
const STOP: &[&str] = &[
    " soll", " sollen", " hat", " haben", " ist", " sind", " war", " dass", " gehen", " geht",
    " zufolge", " bekannt", " am ", " im ", " von ", " wurde", " wurden", " werden", " wird",
    " hätte", " habe", " sei", " seien",
];

/// The source named in `sentence`, as written (e.g. `der russischen Nachrichtenagentur Tass`).
pub fn attribution(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    for cue in BEFORE {
        let Some(at) = find_word(&lower, cue) else {
            continue;
        };
        let from = at + cue.len();
        let rest = &sentence[from..];
        // A leading space lets the stop words match at the very start too.
        let rest_lower = format!(" {}", &lower[from..]);
        // The source ends at punctuation, a number, or a clause word.
        let mut end = rest
            .find(|c: char| {
                matches!(c, ',' | ';' | ':' | '.' | '(' | '„' | '“' | '"') || c.is_ascii_digit()
            })
            .unwrap_or(rest.len());
        for stop in STOP {
            if let Some(s) = rest_lower.find(stop) {
                end = end.min(s.saturating_sub(1));
            }
        }
        let phrase = rest[..end].trim();
        let words = phrase.split_whitespace().count();
        if (1..=8).contains(&words) && phrase.chars().any(char::is_uppercase) {
            return Some(phrase.to_string());
        }
    }
    // "X zufolge" / "Berichten zufolge": the words before.
    if let Some(at) = find_word(&lower, "zufolge") {
        let before = sentence[..at].trim_end();
        let start = before.rfind([',', '.', ':', ';']).map_or(0, |i| i + 1);
        let phrase = before[start..].trim();
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 6 {
            return Some(phrase.to_string());
        }
    }
    None
}

/// Position of `word` (lower-case) at a word start in `lower`.
fn find_word(lower: &str, word: &str) -> Option<usize> {
    lower
        .match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || lower[..i].ends_with(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::attribution;

    #[test]
    fn table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Laut der russischen Nachrichtenagentur Tass soll Nordkorea 1.000 Minenentschärfer entsenden.",
                Some("der russischen Nachrichtenagentur Tass"),
            ),
            (
                "Die Angaben beruhen auf Schätzungen der südkoreanischen und ukrainischen Geheimdienste.",
                Some("der südkoreanischen und ukrainischen Geheimdienste"),
            ),
            (
                "Die japanische Nachrichtenagentur Kyodo berichtet unter Berufung auf eine Quelle aus dem ukrainischen Militär, dass von 12.000 Soldaten die ersten 2000 unterwegs sind.",
                Some("eine Quelle aus dem ukrainischen Militär"),
            ),
            ("Berichten zufolge lieferte Pjöngjang aber auch Panzerhaubitzen.", Some("Berichten")),
            ("Schätzungen gehen von bereits 15.000 Soldaten aus.", None),
            ("Nordkorea schickt Soldaten.", None),
            (
                "Nach Angaben der ukrainischen Luftwaffe wurden 112 Drohnen abgeschossen.",
                Some("der ukrainischen Luftwaffe"),
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(attribution(sentence).as_deref(), *expected, "{sentence}");
        }
    }
}
