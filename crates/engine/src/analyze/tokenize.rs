//! Step 1 of the analyzer: split text into words and numbers with exact byte offsets.
//!
//! A word is a run of letters and digits. Hyphenated words (`US-Dollar`, `Kim-Regime`,
//! `Hwasong-11-Klasse`) yield their parts as positional tokens plus the whole word as an extra
//! token at the first part's position, so `Kim-Regime`, `Regime` and `"Kim Regime"` all match.
//! Numbers keep their thousands dots and decimal commas (`11.000`, `5,5`, `1.000.000`).

/// A token before normalisation: where it is and whether it is a hyphenated whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Position in the token stream (hyphen parts each take one; the whole shares the first's).
    pub position: u32,
    /// True for the whole of a hyphenated word, emitted besides its parts.
    pub whole: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character at byte offset `i` of `text` and its length in bytes (ASCII without decoding).
#[inline(always)]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens; positions start at `first_position`. Returns the tokens and the
/// next free position.
///
/// One pass over the bytes, no buffer per character or word: snippets tokenise whole articles
/// at query time.
pub fn tokenize(text: &str, first_position: u32) -> (Vec<RawToken>, u32) {
    let mut tokens = Vec::new();
    let mut position = first_position;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        if !is_word_char(c) {
            i += len;
            continue;
        }
        // A compound: parts joined by single hyphens. Numbers join over '.' and ',' between digits.
        let compound_start = i;
        let first_part = tokens.len();
        loop {
            let part_start = i;
            let mut previous: Option<char> = None;
            while let Some((c, len)) = char_at(text, i) {
                let number_separator = (c == '.' || c == ',')
                    && previous.is_some_and(|p| p.is_ascii_digit())
                    && char_at(text, i + len).is_some_and(|(n, _)| n.is_ascii_digit());
                if !is_word_char(c) && !number_separator {
                    break;
                }
                previous = Some(c);
                i += len;
            }
            tokens.push(RawToken {
                start: part_start,
                end: i,
                position,
                whole: false,
            });
            position += 1;
            match char_at(text, i) {
                Some(('-' | '\u{2011}', hyphen))
                    if char_at(text, i + hyphen).is_some_and(|(n, _)| is_word_char(n)) =>
                {
                    i += hyphen;
                }
                _ => break,
            }
        }
        // The hyphenated whole goes before its parts, at the first part's position.
        if tokens.len() - first_part > 1 {
            let whole = RawToken {
                start: compound_start,
                end: i,
                position: tokens[first_part].position,
                whole: true,
            };
            tokens.insert(first_part, whole);
        }
    }
    (tokens, position)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, u32, bool)> {
        tokenize(text, 0)
            .0
            .iter()
            .map(|t| (&text[t.start..t.end], t.position, t.whole))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, u32, bool)])] = &[
            (
                "Pjöngjang – Russland bleiben",
                &[
                    ("Pjöngjang", 0, false),
                    ("Russland", 1, false),
                    ("bleiben", 2, false),
                ],
            ),
            (
                "auch 11.000 Soldaten.",
                &[
                    ("auch", 0, false),
                    ("11.000", 1, false),
                    ("Soldaten", 2, false),
                ],
            ),
            (
                "bis zu 5,5 Milliarden US-Dollar",
                &[
                    ("bis", 0, false),
                    ("zu", 1, false),
                    ("5,5", 2, false),
                    ("Milliarden", 3, false),
                    ("US-Dollar", 4, true),
                    ("US", 4, false),
                    ("Dollar", 5, false),
                ],
            ),
            (
                "das Kim-Regime nicht",
                &[
                    ("das", 0, false),
                    ("Kim-Regime", 1, true),
                    ("Kim", 1, false),
                    ("Regime", 2, false),
                    ("nicht", 3, false),
                ],
            ),
            // A sentence-final period after a number is not part of it; "Nord-" alone is "Nord".
            (
                "im Jahr 2024. Nord- und",
                &[
                    ("im", 0, false),
                    ("Jahr", 1, false),
                    ("2024", 2, false),
                    ("Nord", 3, false),
                    ("und", 4, false),
                ],
            ),
            ("„Kanonenfutter“", &[("Kanonenfutter", 0, false)]),
            ("", &[]),
            ("🙂 ?! --", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text:?}");
        }
    }
}
