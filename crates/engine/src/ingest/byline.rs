//! Author lines: `Von A, B und C`, `Von: A`, `Autorin: A`, `A / outlet`, and, in the page head,
//! `A, Wien` (author and dateline place).
//!
//! The rules look only at the shape of the line: every author is two to four capitalised name
//! words (`Henrike Lassmann`, `Ursula von der Leyen`); anything else (`Von der Leyen reist nach
//! Kiew.`, `Von Moskau aus gesehen`) is not a byline.
//!
//! What it does not do: it does not know one-word pen names or agency sign-offs (`red`, `APA`),
//! and it cannot tell `Anna Muster, Berlin` from a caption reading the same.

/// Longest byline in characters.
const BYLINE_MAX: usize = 120;

/// What an author line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Byline {
    /// The authors, one name each, in the order printed.
    pub authors: Vec<String>,
    /// The outlet printed after a slash (`Patrick Diekmann / t-online`), as written.
    pub outlet: Option<String>,
    /// The place after the names (`Constanze Reithmayr, Berlin`).
    pub place: Option<String>,
}

/// Whether a word looks like part of a person's name (capitalised, letters, hyphens, apostrophes).
pub(crate) fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
        && word.chars().any(char::is_lowercase)
}

/// Lower-case particles inside names (`Ursula von der Leyen`, `Yahya al-Sinwar`).
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "zu", "den", "da", "di", "del", "al",
];

/// Whether `s` is one person's name: 2–4 words, name-shaped or particles, first and last capitalised.
pub(crate) fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| is_name_word(w) || PARTICLES.contains(w))
        && words.first().is_some_and(|w| is_name_word(w))
        && words.last().is_some_and(|w| is_name_word(w))
        && words.iter().filter(|w| is_name_word(w)).count() <= 4
}

/// Splits a list of names (`A, B und C`) into the names; `None` unless every part is a name.
/// A single capitalised word at the end is the place (`Anna Muster, Berlin`).
fn names(list: &str) -> Option<(Vec<String>, Option<String>)> {
    let mut parts: Vec<&str> = Vec::new();
    for chunk in list.split([',', ';', '&']) {
        for part in chunk.split(" und ").flat_map(|p| p.split(" and ")) {
            let part = part.trim();
            if !part.is_empty() {
                parts.push(part);
            }
        }
    }
    let mut place = None;
    if parts.len() >= 2 {
        let last = parts[parts.len() - 1];
        let known = crate::entities::gazetteer::is_place(last);
        if (known || !is_person_name(last)) && is_place_words(last) && list.contains(',') {
            place = Some(last.to_string());
            parts.pop();
        }
    }
    (!parts.is_empty() && parts.iter().all(|p| is_person_name(p)))
        .then(|| (parts.iter().map(|p| p.to_string()).collect(), place))
}

/// One to three capitalised words without digits: `Wien`, `Tel Aviv`, `Frankfurt am Main`.
fn is_place_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words.first().is_some_and(|w| is_name_word(w))
        && words
            .iter()
            .all(|w| is_name_word(w) || matches!(*w, "am" | "an" | "der" | "im" | "bei"))
}

/// Reads an author line. `in_head` allows the bare `Name, Place` form, which only the head of
/// a page (before the body) may use.
pub fn byline(line: &str, in_head: bool) -> Option<Byline> {
    let line = line.trim();
    if line.chars().count() > BYLINE_MAX || ends_with_sentence(line) {
        return None;
    }
    for prefix in [
        "Von: ",
        "Von ",
        "VON ",
        "Autor: ",
        "Autorin: ",
        "Autoren: ",
        "Text: ",
        "By ",
    ] {
        if let Some(rest) = line.strip_prefix(prefix) {
            // `Von Anna Muster / t-online`
            let (list, outlet) = match rest.split_once(" / ") {
                Some((list, outlet)) if is_outlet_words(outlet) => (list, Some(outlet)),
                _ => (rest, None),
            };
            let (authors, place) = names(list)?;
            return Some(Byline {
                authors,
                outlet: outlet.map(|o| o.trim().to_string()),
                place,
            });
        }
    }
    if let Some((list, outlet)) = line.split_once(" / ") {
        if !is_outlet_words(outlet) {
            return None;
        }
        let (authors, place) = names(list)?;
        return Some(Byline {
            authors,
            outlet: Some(outlet.trim().to_string()),
            place,
        });
    }
    if in_head && line.contains(',') {
        let (authors, place) = names(line)?;
        if place.is_some() {
            return Some(Byline {
                authors,
                outlet: None,
                place,
            });
        }
    }
    None
}

/// An outlet after a slash: one to four words (`t-online`, `Berliner Morgenpost`).
fn is_outlet_words(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && s.split_whitespace().count() <= 4 && !s.contains(['/', ','])
}

/// Whether the line ends like a sentence (a full stop after a lower-case word).
fn ends_with_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['“', '”', '"', '»', '«', ')', ' ']);
    // A full stop after an abbreviation in capitals (`F.A.Z.`) ends no sentence.
    let abbreviation = trimmed
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().filter(|c| c.is_uppercase()).count() >= 2);
    trimmed.ends_with(['!', '?']) || (trimmed.ends_with('.') && !abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by(authors: &[&str], outlet: Option<&str>, place: Option<&str>) -> Option<Byline> {
        Some(Byline {
            authors: authors.iter().map(|a| a.to_string()).collect(),
            outlet: outlet.map(str::to_string),
            place: place.map(str::to_string),
        })
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, bool, Option<Byline>)] = &[
            ("Von: Bona Hyun", false, by(&["Bona Hyun"], None, None)),
            (
                "Von Anna Muster und Ben Beispiel",
                false,
                by(&["Anna Muster", "Ben Beispiel"], None, None),
            ),
            (
                "Von Carla Kunz, Dario Lenz und Eva Moll",
                false,
                by(&["Carla Kunz", "Dario Lenz", "Eva Moll"], None, None),
            ),
            (
                "Von Ilse Rauch, Tobias Schrader",
                false,
                by(&["Ilse Rauch", "Tobias Schrader"], None, None),
            ),
            (
                "Patrick Diekmann / t-online",
                false,
                by(&["Patrick Diekmann"], Some("t-online"), None),
            ),
            (
                "Jana Hell / Kieler Nachrichten",
                false,
                by(&["Jana Hell"], Some("Kieler Nachrichten"), None),
            ),
            (
                "Anton Weber, Wien",
                true,
                by(&["Anton Weber"], None, Some("Wien")),
            ),
            (
                "Mira Schön, Tel Aviv",
                true,
                by(&["Mira Schön"], None, Some("Tel Aviv")),
            ),
            (
                "Von Ursula von der Au, Brüssel",
                false,
                by(&["Ursula von der Au"], None, Some("Brüssel")),
            ),
            // Only in the head of the page.
            ("Anton Weber, Wien", false, None),
            ("Von der Leyen reist nach Kiew.", false, None),
            ("Von Moskau aus gesehen ist das ein Sieg", false, None),
            ("Kim / Putin", false, None),
            ("Kritik an Merz, Söder und Scholz", true, None),
            ("Berlin, Hamburg", true, None),
        ];
        for (line, head, expected) in cases {
            assert_eq!(&byline(line, *head), expected, "{line:?}");
        }
    }
}
