//! The search index, built at build time into the snapshot and read in place in the browser.
//!
//! Term dictionaries are [`fst`] maps (exact terms, stems, transliteration keys) so that prefix,
//! suffix, fuzzy (Levenshtein automaton) and exact lookups all run over compact sorted automata.
//! Postings keep, per term and document, the field-weighted term frequency (title and lead count
//! more than the body) and the token positions (for phrases and snippets). Only main text is
//! indexed; boilerplate words go only into the `known` vocabulary, so a word that occurs only in
//! a link list is recognised as a real word (not "corrected" as a typo) yet matches nothing.

mod build;
pub mod positions;

pub use build::build;
pub(crate) use build::reverse;

use fst::{Map, Set};

/// Field weight of the title in BM25.
pub const TITLE_WEIGHT: f32 = 3.0;
/// Field weight of the lead and subheadings.
pub const LEAD_WEIGHT: f32 = 1.5;
/// Field weight of body paragraphs.
pub const BODY_WEIGHT: f32 = 1.0;
/// Field weight of photo captions.
pub const CAPTION_WEIGHT: f32 = 0.7;

/// All occurrences of one term.
#[derive(Debug, Clone, PartialEq, Default, bitcode::Encode, bitcode::Decode)]
pub struct Postings {
    /// Documents containing the term, ascending.
    pub docs: Vec<u32>,
    /// Field-weighted term frequency per document (parallel to `docs`).
    pub weights: Vec<f32>,
    /// Token positions per document (parallel to `docs`), ascending.
    pub positions: Vec<Vec<u32>>,
}

/// The index over all documents' main text.
#[derive(Debug, Clone, PartialEq, Default, bitcode::Encode, bitcode::Decode)]
pub struct Index {
    /// fst map: exact (folded) term → term id.
    pub terms: Vec<u8>,
    /// Postings by term id.
    pub postings: Vec<Postings>,
    /// fst map: stem → stem group id.
    pub stems: Vec<u8>,
    /// Term ids per stem group.
    pub stem_groups: Vec<Vec<u32>>,
    /// fst map: stem reversed (by characters) → stem group id, so compound tails
    /// (`Futter` → `Kanonenfutter`) are a prefix search instead of a scan of every stem.
    pub stems_reversed: Vec<u8>,
    /// fst map: transliteration key of capitalised terms → group id.
    pub translit: Vec<u8>,
    /// Term ids and terms per transliteration group (the text tells a spelling variant from a
    /// typo, see `translit::is_variant`).
    pub translit_groups: Vec<Vec<(u32, String)>>,
    /// fst set: every folded word of the corpus, boilerplate included.
    pub known: Vec<u8>,
    /// Main-text length in tokens, by document.
    pub doc_len: Vec<u32>,
    /// Average of `doc_len`.
    pub avg_len: f32,
}

impl Index {
    /// The exact-term dictionary (`None` only if the bytes are corrupt: then nothing matches).
    pub fn term_map(&self) -> Option<Map<&[u8]>> {
        Map::new(self.terms.as_slice()).ok()
    }

    /// The stem dictionary.
    pub fn stem_map(&self) -> Option<Map<&[u8]>> {
        Map::new(self.stems.as_slice()).ok()
    }

    /// The reversed-stem dictionary.
    pub fn reversed_stem_map(&self) -> Option<Map<&[u8]>> {
        Map::new(self.stems_reversed.as_slice()).ok()
    }

    /// The transliteration-key dictionary.
    pub fn translit_map(&self) -> Option<Map<&[u8]>> {
        Map::new(self.translit.as_slice()).ok()
    }

    /// The id of an exact term.
    pub fn term_id(&self, folded: &str) -> Option<u32> {
        self.term_map()?.get(folded).map(|id| id as u32)
    }

    /// Whether `folded` is a word of the corpus (main text or boilerplate).
    pub fn is_known(&self, folded: &str) -> bool {
        Set::new(self.known.as_slice()).is_ok_and(|s| s.contains(folded))
    }

    /// Postings of a term id (empty for an unknown id).
    pub fn postings(&self, term: u32) -> &Postings {
        static EMPTY: Postings = Postings {
            docs: Vec::new(),
            weights: Vec::new(),
            positions: Vec::new(),
        };
        self.postings.get(term as usize).unwrap_or(&EMPTY)
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_len.len()
    }
}
