//! Publication dates as German-language news pages print them.
//!
//! A date line is a line that says nothing but a date, with an optional label and time:
//! `Stand: 25.01.2025, 17:12 Uhr`, `25.01.2025, 17.12 Uhr`, `Aktualisiert am 25. Januar 2025
//! um 19:48 Uhr`, `Veröffentlicht: 3. Jänner 2025`, `Datum: 2025-01-25`, `Dezember 2024`.
//! A line with other words in it (`Sendung: rbb24 Abendschau, 25.01.2025, 19:30 Uhr`, `Die
//! Kommentarfunktion wurde am 25.01.2025 geschlossen`, a sentence of the body) is not a date
//! line, so broadcast notes, comment notices and dates in the text never become the article's
//! date.
//!
//! What it does not do: it reads no relative dates (`vor 2 Stunden`, `gestern`), no two-digit
//! years, and no dates in other languages than German and ISO form.

use crate::document::PartialDate;

/// Labels that may stand before the date, longest first within a family (lower case).
const LABELS: &[&str] = &[
    "zuletzt aktualisiert am",
    "zuletzt aktualisiert:",
    "zuletzt aktualisiert",
    "aktualisiert am",
    "aktualisiert:",
    "aktualisiert",
    "veröffentlicht am",
    "veröffentlicht:",
    "veröffentlicht",
    "erschienen am",
    "erschienen:",
    "publiziert am",
    "publiziert:",
    "erstellt am",
    "erstellt:",
    "update:",
    "stand:",
    "stand",
    "datum:",
    "am",
];

/// German weekday names and their abbreviations, which may precede the date (`Samstag, …`).
const WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "mo.",
    "di.",
    "mi.",
    "do.",
    "fr.",
    "sa.",
    "so.",
];

/// Month names (German, Austrian `Jänner`/`Feber`, abbreviations) and their numbers.
const MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("jan.", 1),
    ("februar", 2),
    ("feber", 2),
    ("feb.", 2),
    ("märz", 3),
    ("mär.", 3),
    ("april", 4),
    ("apr.", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("aug.", 8),
    ("september", 9),
    ("sept.", 9),
    ("sep.", 9),
    ("oktober", 10),
    ("okt.", 10),
    ("november", 11),
    ("nov.", 11),
    ("dezember", 12),
    ("dez.", 12),
];

/// Longest line read as a date line, in characters.
const DATE_LINE_MAX: usize = 80;

/// The date a date line gives, or `None` if the line is anything else.
pub fn date_line(line: &str) -> Option<PartialDate> {
    if line.chars().count() > DATE_LINE_MAX {
        return None;
    }
    let lower = line.trim().to_lowercase();
    let mut rest = lower.as_str();
    if let Some(label) = LABELS.iter().find(|l| starts_with_word(rest, l)) {
        rest = rest[label.len()..].trim_start();
    }
    if let Some(day) = WEEKDAYS.iter().find(|w| starts_with_word(rest, w)) {
        rest = rest[day.len()..].trim_start_matches([',', ' ']);
    }
    let (date, after) = date_at_start(rest)?;
    is_time_or_nothing(after).then_some(date)
}

/// Whether `s` starts with `word` followed by a non-letter (or the end).
fn starts_with_word(s: &str, word: &str) -> bool {
    s.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
}

/// Reads a date at the start of `s` (lower case): `25.01.2025`, `25. januar 2025`,
/// `2025-01-25`, `januar 2025`. Returns it and the rest of `s`.
fn date_at_start(s: &str) -> Option<(PartialDate, &str)> {
    let (first, rest) = leading_number(s)?;
    if let Some(rest) = rest.strip_prefix('-').filter(|_| first.len() == 4) {
        // ISO: 2025-01-25, optionally followed by `T17:12…`.
        let (month, rest) = leading_number(rest)?;
        let rest = rest.strip_prefix('-')?;
        let (day, rest) = leading_number(rest)?;
        let date = make(first, month.parse().ok()?, day.parse().ok()?)?;
        let rest = rest.strip_prefix('t').map_or(rest, |r| r);
        return Some((date, rest));
    }
    let rest = rest.strip_prefix('.')?;
    if let Some((month, after)) = leading_number(rest) {
        // Numeric: 25.01.2025
        let after = after.strip_prefix('.')?;
        let (year, after) = leading_number(after)?;
        return Some((make(year, month.parse().ok()?, first.parse().ok()?)?, after));
    }
    // Textual: 25. Januar 2025
    let rest = rest.trim_start();
    let (month, rest) = month_at_start(rest)?;
    let (year, rest) = leading_number(rest.trim_start())?;
    Some((make(year, month, first.parse().ok()?)?, rest))
}

/// `januar 2025` without a day.
fn month_year(s: &str) -> Option<PartialDate> {
    let (month, rest) = month_at_start(s)?;
    let (year, rest) = leading_number(rest.trim_start())?;
    (rest.trim().is_empty() && year.len() == 4).then_some(PartialDate {
        year: year.parse().ok()?,
        month,
        day: 0,
    })
}

/// The month name at the start of `s` and the rest.
fn month_at_start(s: &str) -> Option<(u8, &str)> {
    MONTHS
        .iter()
        .find(|(name, _)| s.starts_with(name) && (name.ends_with('.') || starts_with_word(s, name)))
        .map(|(name, number)| (*number, &s[name.len()..]))
}

/// The ASCII digits at the start of `s` and the rest.
fn leading_number(s: &str) -> Option<(&str, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (end > 0 && end <= 4).then(|| (&s[..end], &s[end..]))
}

/// A full date from a four-digit year, month and day, if it exists on the calendar.
fn make(year: &str, month: u8, day: u8) -> Option<PartialDate> {
    if year.len() != 4 {
        return None;
    }
    let text = format!("{year}-{month:02}-{day:02}");
    PartialDate::parse(&text).filter(|d| day <= days_in_month(d.year, d.month))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether what follows a date is only a clock time (`, 17:12 Uhr`, ` um 19.48 Uhr`, `17:12`)
/// and punctuation.
fn is_time_or_nothing(s: &str) -> bool {
    let mut rest = s.trim_start_matches([',', ' ', '|', '-', '–', '/', '·']);
    if let Some(r) = rest.strip_prefix("um ") {
        rest = r.trim_start();
    }
    if let Some((hours, r)) = leading_number(rest) {
        let Some(r) = r.strip_prefix([':', '.']) else {
            return false;
        };
        let Some((minutes, r)) = leading_number(r) else {
            return false;
        };
        if hours.len() > 2 || minutes.len() != 2 {
            return false;
        }
        rest = r;
        // Seconds and time zones of ISO timestamps (`:00+01:00`, `z`).
        rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || ":+-z".contains(c));
        rest = rest.trim_start();
        for suffix in ["uhr", "h"] {
            if starts_with_word(rest, suffix) {
                rest = &rest[suffix.len()..];
                break;
            }
        }
        rest = rest.trim_start();
        for zone in ["(mez)", "(mesz)", "mez", "mesz", "cet", "cest"] {
            if starts_with_word(rest, zone) || rest.starts_with(zone) {
                rest = &rest[zone.len()..];
                break;
            }
        }
    }
    rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ')' | '('))
        .is_empty()
}

/// The date of a line that names only a month and year (`Dezember 2024`), with the same labels.
pub fn month_line(line: &str) -> Option<PartialDate> {
    if line.chars().count() > DATE_LINE_MAX {
        return None;
    }
    let lower = line.trim().to_lowercase();
    let mut rest = lower.as_str();
    if let Some(label) = LABELS.iter().find(|l| starts_with_word(rest, l)) {
        rest = rest[label.len()..].trim_start();
    }
    month_year(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Stand: 25.01.2025, 17:12 Uhr", Some("2025-01-25")),
            ("25.01.2025, 17.12 Uhr", Some("2025-01-25")),
            (
                "Aktualisiert am 25. Januar 2025 um 19:48 Uhr",
                Some("2025-01-25"),
            ),
            ("Veröffentlicht: 3. Jänner 2025", Some("2025-01-03")),
            ("Veröffentlicht am 14.02.2024", Some("2024-02-14")),
            ("Datum: 2025-01-25", Some("2025-01-25")),
            ("2025-01-25T17:12:00+01:00", Some("2025-01-25")),
            ("20. Januar 2025", Some("2025-01-20")),
            ("Samstag, 25. Januar 2025, 18:30 Uhr", Some("2025-01-25")),
            ("Sa., 25.01.2025 | 18:30", Some("2025-01-25")),
            ("1. Feber 2024", Some("2024-02-01")),
            ("12. Sept. 2023, 9:05 Uhr (MESZ)", Some("2023-09-12")),
            (
                "Zuletzt aktualisiert am 4. Juni 2024 um 17:15 Uhr",
                Some("2024-06-04"),
            ),
            // Not date lines: more than a date, or no real date.
            ("Sendung: rbb24 Abendschau, 25.01.2025, 19:30 Uhr", None),
            (
                "Die Kommentarfunktion wurde am 25.01.2025 um 22:04 Uhr geschlossen.",
                None,
            ),
            (
                "Über dieses Thema berichtete die tagesschau am 20. Januar 2025 um 09:00 Uhr.",
                None,
            ),
            (
                "Am 25. Januar 2025 gingen Zehntausende auf die Straße.",
                None,
            ),
            ("31.02.2025", None),
            ("25.13.2025", None),
            ("Mai 2025", None),
            ("160.000 Menschen", None),
            ("Stand der Dinge", None),
            ("11.000 Soldaten", None),
        ];
        for (line, expected) in cases {
            let got = date_line(line).map(|d| d.to_string());
            assert_eq!(got.as_deref(), *expected, "{line:?}");
        }
    }

    #[test]
    fn month_lines() {
        for (line, expected) in [
            ("Dezember 2024", Some("2024-12")),
            ("Stand: Jänner 2025", Some("2025-01")),
            ("Im Dezember 2024", None),
            ("Dezember", None),
        ] {
            assert_eq!(
                month_line(line).map(|d| d.to_string()).as_deref(),
                expected,
                "{line:?}"
            );
        }
    }
}
