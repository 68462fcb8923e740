//! The German analyzer: a pipeline of small steps, each in its own module with its own test table.
//!
//! `text → tokenize → fold (exact term) → stem (Grundform)`, plus, for capitalised words, a
//! transliteration key ([`translit`]). Offsets are byte offsets into the analysed text and
//! survive every step, so matches can be highlighted exactly.

pub mod fold;
pub mod sentence;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
pub mod translit;

/// One analysed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character in the analysed text.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Position in the token stream (used by phrase queries).
    pub position: u32,
    /// The whole of a hyphenated word, emitted besides its parts at the first part's position.
    pub whole: bool,
    /// The exact term: case- and diacritic-folded surface form.
    pub term: String,
    /// Whether the surface form starts with a capital letter (names, nouns).
    pub capitalized: bool,
}

impl Token {
    /// The Snowball stem of this token (computed on demand: it is only needed when indexing and
    /// for the query's own words).
    pub fn stem(&self, text: &str) -> String {
        stem::stem(&text[self.start..self.end])
    }
}

/// Analyses `text`, numbering tokens from `first_position`. Returns the tokens and the next free
/// position.
pub fn analyze(text: &str, first_position: u32) -> (Vec<Token>, u32) {
    let (raw, next) = tokenize::tokenize(text, first_position);
    let tokens = raw
        .into_iter()
        .map(|t| {
            let surface = &text[t.start..t.end];
            Token {
                start: t.start,
                end: t.end,
                position: t.position,
                whole: t.whole,
                term: fold::fold(surface),
                capitalized: surface.starts_with(char::is_uppercase),
            }
        })
        .collect();
    (tokens, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_survive_every_step() {
        let text = "Laut der russischen Nachrichtenagentur Tass soll Nordkorea 1.000 Minenentschärfer entsenden.";
        let (tokens, _) = analyze(text, 0);
        for t in &tokens {
            assert_eq!(fold::fold(&text[t.start..t.end]), t.term);
        }
        let t = tokens
            .iter()
            .find(|t| t.term == "minenentscharfer")
            .unwrap();
        assert_eq!(&text[t.start..t.end], "Minenentschärfer");
        assert!(t.capitalized);
        assert_eq!(t.stem(text), stem::stem("Minenentschärfer"));
    }
}
