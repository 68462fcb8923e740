//! The search index, built at build time into the snapshot and read in place in the browser.
//!
//! Term dictionaries are [`fst`] maps (exact terms, stems, transliteration keys) so that prefix,
//! suffix, fuzzy (Levenshtein automaton) and exact lookups all run over compact sorted automata.
//! Postings keep, per term and document, the field-weighted term frequency (title and lead count
//! more than the body) and the token positions (for phrases and snippets), delta- and
//! varint-encoded in one byte string (see the `postings` module). Only main text is
//! indexed; boilerplate words go only into the `known` vocabulary, so a word that occurs only in
//! a link list is recognised as a real word (not "corrected" as a typo) yet matches nothing.

pub mod blocks;
mod build;
pub mod parts;
pub mod positions;
pub mod postings;
pub mod size;

pub(crate) use build::reverse;
pub use build::{build, UNKNOWN_OUTLET};

use crate::late::Late;
use fst::{Map, Set};
pub use postings::PostingList;

/// Field weight of the title in BM25.
pub const TITLE_WEIGHT: f32 = 3.0;
/// Field weight of the lead and subheadings.
pub const LEAD_WEIGHT: f32 = 1.5;
/// Field weight of body paragraphs.
pub const BODY_WEIGHT: f32 = 1.0;
/// Field weight of photo captions.
pub const CAPTION_WEIGHT: f32 = 0.7;

/// Field weights in tenths, as stored: weighted term frequencies are sums of these, so the
/// stored integers are exact (no quantisation loss).
pub(crate) fn weight_units(weight: f32) -> u32 {
    (weight * WEIGHT_SCALE).round() as u32
}

/// Stored weights are field-weighted term frequencies times this.
pub const WEIGHT_SCALE: f32 = 10.0;

/// The index over all documents' main text.
#[derive(Debug, Clone, PartialEq, Default, bitcode::Encode, bitcode::Decode)]
pub struct Index {
    /// fst map: exact (folded) term → term id.
    pub terms: Vec<u8>,
    /// Postings of every term, concatenated in term-id order (format: the `postings` module),
    /// in blocks of consecutive terms: one block when the snapshot holds them all, many
    /// ([`Late`], filled in as queries need them) when they are served apart (the `blocks`
    /// module). Encoded by the snapshot, which tells absent blocks from empty ones.
    #[bitcode(skip)]
    pub postings: Vec<Late<Vec<u8>>>,
    /// First term id of each postings block, then the number of terms (length: blocks + 1).
    pub block_starts: Vec<u32>,
    /// Byte offset of each term's postings in the concatenation of all blocks, plus the end
    /// (length: terms + 1).
    pub postings_offsets: Vec<u32>,
    /// Number of documents containing each term (there before any postings block arrives:
    /// expansions keep the most frequent terms, and scores need it).
    pub doc_freqs: Vec<u32>,
    /// fst map: stem → stem group id.
    pub stems: Vec<u8>,
    /// Term ids per stem group.
    pub stem_groups: Vec<Vec<u32>>,
    /// fst map: stem reversed (by characters) → stem group id, so compound tails
    /// (`Futter` → `Kanonenfutter`) are a prefix search instead of a scan of every stem.
    pub stems_reversed: Vec<u8>,
    /// fst map: middle part of compounds → group id in `middle_groups` (`abwehr` in
    /// `Luftabwehrsystem`; see the `parts` module).
    pub middles: Vec<u8>,
    /// Stem group ids (into `stem_groups`) of the compounds that have each middle part.
    pub middle_groups: Vec<Vec<u32>>,
    /// fst map: transliteration key of capitalised terms → group id.
    pub translit: Vec<u8>,
    /// Term ids and terms per transliteration group (the text tells a spelling variant from a
    /// typo, see `translit::is_variant`).
    pub translit_groups: Vec<Vec<(u32, String)>>,
    /// fst set: folded words that occur only in boilerplate (the indexed terms are known too).
    pub known: Vec<u8>,
    /// Main-text length in tokens, by document.
    pub doc_len: Vec<u32>,
    /// Outlet of each document, as an index into `outlets` (counting hits per outlet is then
    /// an array increment per hit).
    pub doc_outlet: Vec<u32>,
    /// Rank of each document in the order that breaks ties between equal scores: newest first
    /// (undated last), then by document. Precomputed so that ranking sorts plain integers.
    pub doc_rank: Vec<u32>,
    /// Distinct outlets, sorted; documents without an outlet have "unbekannt".
    pub outlets: Vec<String>,
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

    /// The middle-part dictionary.
    pub fn middle_map(&self) -> Option<Map<&[u8]>> {
        Map::new(self.middles.as_slice()).ok()
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
        self.term_id(folded).is_some()
            || Set::new(self.known.as_slice()).is_ok_and(|s| s.contains(folded))
    }

    /// Postings of a term id (empty for an unknown id or corrupt offsets).
    pub fn postings(&self, term: u32) -> PostingList<'_> {
        PostingList::new(self.postings_bytes(term))
    }

    /// The encoded postings of a term id (empty for an unknown id or corrupt offsets).
    /// Empty also while its block has not arrived (see [`Index::has_postings_of`]).
    pub fn postings_bytes(&self, term: u32) -> &[u8] {
        let bytes = || {
            let t = term as usize;
            let block = self.block_of(term)?;
            let base = self.block_bytes_range(block)?.start;
            let from = (*self.postings_offsets.get(t)? as usize).checked_sub(base)?;
            let to = (*self.postings_offsets.get(t + 1)? as usize).checked_sub(base)?;
            self.postings.get(block)?.get(from..to)
        };
        bytes().unwrap_or(&[])
    }

    /// Number of documents containing a term (0 for an unknown id).
    pub fn doc_freq(&self, term: u32) -> usize {
        self.doc_freqs
            .get(term as usize)
            .map_or(0, |&df| df as usize)
    }

    /// Number of terms.
    pub fn term_count(&self) -> usize {
        self.postings_offsets.len().saturating_sub(1)
    }

    /// Number of documents.
    pub fn doc_count(&self) -> usize {
        self.doc_len.len()
    }
}
