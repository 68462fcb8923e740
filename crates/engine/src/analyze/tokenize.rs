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

/// Splits `text` into tokens; positions start at `first_position`. Returns the tokens and the
/// next free position.
pub fn tokenize(text: &str, first_position: u32) -> (Vec<RawToken>, u32) {
    let mut tokens = Vec::new();
    let mut position = first_position;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        // A compound: parts joined by single hyphens. Numbers join over '.' and ',' between digits.
        let compound_start = chars[i].0;
        let mut parts: Vec<(usize, usize)> = Vec::new();
        loop {
            let part_start = chars[i].0;
            while i < chars.len() {
                let c = chars[i].1;
                let number_separator = (c == '.' || c == ',')
                    && i > 0
                    && chars[i - 1].1.is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.1.is_ascii_digit());
                if !is_word_char(c) && !number_separator {
                    break;
                }
                i += 1;
            }
            let part_end = chars.get(i).map_or(text.len(), |c| c.0);
            parts.push((part_start, part_end));
            let joins = i + 1 < chars.len()
                && matches!(chars[i].1, '-' | '\u{2011}')
                && is_word_char(chars[i + 1].1);
            if joins {
                i += 1;
            } else {
                break;
            }
        }
        let compound_end = parts.last().map_or(compound_start, |p| p.1);
        if parts.len() > 1 {
            tokens.push(RawToken {
                start: compound_start,
                end: compound_end,
                position,
                whole: true,
            });
        }
        for (start, end) in parts {
            tokens.push(RawToken {
                start,
                end,
                position,
                whole: false,
            });
            position += 1;
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
