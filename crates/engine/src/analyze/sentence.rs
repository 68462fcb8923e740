//! Sentence boundaries in German news text, for snippets, figures and comparison.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (optionally followed by closing quotes or brackets)
//! when whitespace and an upper-case letter, digit or opening quote follow. Not after ordinals
//! and dates (`25. Juli`, `70. Jahrestag`) or short abbreviations (`Dr.`, `St.`, `z.B.`).

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '“' | '”' | '"' | '»' | '«' | ')' | '\'' | '.' | '!' | '?'
                )
            {
                j += 1;
            }
            let followed = j < chars.len()
                && chars[j].1.is_whitespace()
                && chars[j + 1..]
                    .iter()
                    .find(|(_, n)| !n.is_whitespace())
                    .is_some_and(|&(_, n)| {
                        n.is_uppercase() || n.is_ascii_digit() || matches!(n, '„' | '"' | '»' | '(')
                    });
            if followed && !(c == '.' && is_abbreviation(&text[start..at])) {
                let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push((start + lead, end - trail));
    }
}

/// Lower-case abbreviations that end with a full stop inside a sentence (`ca. 3000`).
const ABBREVIATIONS: &[&str] = &[
    "ca", "bzw", "etc", "evtl", "vgl", "usw", "ggf", "inkl", "zzgl", "sog", "bspw", "mio", "mrd",
    "tsd", "nr", "vs", "rd", "jh", "jhd",
];

/// Whether the word before a full stop is an ordinal number or an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
        || word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
        || (word.chars().count() <= 3
            && word.starts_with(char::is_uppercase)
            && word.chars().count() >= 2
            && !word.chars().all(char::is_uppercase))
        || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Seoul. Nordkoreanische Soldaten sollen kämpfen. Was hat Kim davon?",
                &["Seoul.", "Nordkoreanische Soldaten sollen kämpfen.", "Was hat Kim davon?"],
            ),
            (
                "Das Ministerium veröffentlichte am Dienstagabend (25. Juli) ein Video. Offizieller Anlass ist der 70. Jahrestag.",
                &[
                    "Das Ministerium veröffentlichte am Dienstagabend (25. Juli) ein Video.",
                    "Offizieller Anlass ist der 70. Jahrestag.",
                ],
            ),
            (
                "Putin sagte: „Wir vergessen sie nie.“ Damit hat er übertrieben.",
                &["Putin sagte: „Wir vergessen sie nie.“", "Damit hat er übertrieben."],
            ),
            ("Dr. Kim kam. Er blieb.", &["Dr. Kim kam.", "Er blieb."]),
            ("Es kamen ca. 3000 Menschen. Sie blieben.", &["Es kamen ca. 3000 Menschen.", "Sie blieben."]),
            ("Das Land ist. Dann kam er.", &["Das Land ist.", "Dann kam er."]),
            ("Die USA. Sie warnen.", &["Die USA.", "Sie warnen."]),
            ("ohne Punkt am Ende", &["ohne Punkt am Ende"]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(got, *expected, "{text:?}");
        }
    }
}
