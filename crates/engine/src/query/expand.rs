//! Which index terms a query word matches, and why: exact > stem > spelling variant > compound
//! part > typo.

use crate::analyze::{fold::fold, stem::stem, translit};
use crate::index::Index;
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use serde::Serialize;

/// Why a term matched a query word. Ordered from best to weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same word (up to case and diacritics).
    Exact,
    /// Another inflection of the same word (Snowball stem, genitive `-s` of names).
    Stem,
    /// Another spelling of a name (transliteration key): `Shoigu` → `Schoigu`.
    Variant,
    /// A compound containing the word at its start or end, or a completion while typing.
    Compound,
    /// A close spelling of an unknown word (Levenshtein distance 1–2, transpositions count 1).
    Typo,
}

impl MatchKind {
    /// The German label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Exact => "exakt",
            MatchKind::Stem => "Grundform",
            MatchKind::Variant => "Schreibvariante",
            MatchKind::Compound => "Wortteil",
            MatchKind::Typo => "Tippfehler",
        }
    }

    /// Score multiplier: weaker reasons rank lower.
    pub fn weight(self) -> f32 {
        match self {
            MatchKind::Exact => 1.0,
            MatchKind::Stem => 0.85,
            MatchKind::Variant => 0.75,
            MatchKind::Compound => 0.6,
            MatchKind::Typo => 0.45,
        }
    }
}

/// One index term a query word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion {
    /// Term id in the index.
    pub term: u32,
    /// Why it matches.
    pub kind: MatchKind,
}

/// Shortest query word (characters) that matches inside compounds: `Futter` → `Kanonenfutter`.
pub const COMPOUND_MIN_CHARS: usize = 5;
/// Fewest letters a compound adds to the query's stem (`Satellit` + `enprogramm`); one or two
/// more letters are an inflection or a typo, not a compound.
const COMPOUND_MIN_REST: usize = 3;
/// Shortest query word (characters) matched by spelling variants: shorter skeletons collide
/// (`Kano` and `China` share one).
const VARIANT_MIN_CHARS: usize = 5;
/// Shortest prefix completed while typing.
const PREFIX_MIN_CHARS: usize = 2;
/// Most terms one query word may expand to (keeps broad prefixes cheap on big corpora).
pub const MAX_EXPANSIONS: usize = 64;

/// Typo budget by word length: none up to 4 characters, 1 up to 8, 2 from 9.
pub fn typo_distance(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Adds an expansion unless the term is already there (first reason wins) or the cap is hit.
fn add(out: &mut Vec<Expansion>, term: u32, kind: MatchKind) {
    if out.len() < MAX_EXPANSIONS && !out.iter().any(|e| e.term == term) {
        out.push(Expansion { term, kind });
    }
}

thread_local! {
    static LEV1: LevenshteinAutomatonBuilder = LevenshteinAutomatonBuilder::new(1, true);
    static LEV2: LevenshteinAutomatonBuilder = LevenshteinAutomatonBuilder::new(2, true);
}

/// The index terms `word` matches. `prefix` adds completions (the last word while typing);
/// `strict` (phrases and exclusions) allows only exact and stem matches.
pub fn expand(index: &Index, word: &str, prefix: bool, strict: bool) -> Vec<Expansion> {
    let folded = fold(word);
    if !folded.chars().any(char::is_alphanumeric) {
        return Vec::new();
    }
    let mut out: Vec<Expansion> = Vec::new();
    let (Some(terms), Some(stems)) = (index.term_map(), index.stem_map()) else {
        return Vec::new();
    };
    if let Some(id) = terms.get(&folded) {
        add(&mut out, id as u32, MatchKind::Exact);
    }
    let word_stem = stem(word);
    let mut stem_keys = vec![word_stem.clone()];
    // Genitive of a name typed by the reader: `Schoigus` → `Schoigu`.
    if folded.ends_with('s') && folded.chars().count() >= 5 {
        let base = &word[..word.len() - 1];
        stem_keys.push(stem(base));
    }
    for key in &stem_keys {
        if let Some(group) = stems.get(key) {
            for &id in index.stem_groups.get(group as usize).into_iter().flatten() {
                add(&mut out, id, MatchKind::Stem);
            }
        }
    }
    if strict {
        return out;
    }

    // Spelling variants and typos, told apart by what differs (see translit::is_variant).
    let known = !out.is_empty() || index.is_known(&folded);
    // Names spelt another way (same transliteration key). A key match whose difference is not
    // one transliteration makes (`Kanonenfuter`) is left to the typo pass and its length budget.
    let mut variants: Vec<u32> = Vec::new();
    let long_enough = folded.chars().count() >= VARIANT_MIN_CHARS;
    if let (true, Some(key), Some(map)) = (long_enough, translit::key(word), index.translit_map()) {
        if let Some(group) = map.get(&key) {
            for (id, term) in index
                .translit_groups
                .get(group as usize)
                .into_iter()
                .flatten()
            {
                if translit::is_variant(&folded, term) {
                    variants.push(*id);
                }
            }
        }
    }
    let mut typos: Vec<(u32, String)> = Vec::new();
    let distance = typo_distance(folded.chars().count());
    if !known && distance > 0 {
        let collect = |builder: &LevenshteinAutomatonBuilder| {
            let dfa = builder.build_dfa(&folded);
            let mut stream = terms.search(&dfa).into_stream();
            let mut found = Vec::new();
            while let Some((key, id)) = stream.next() {
                if found.len() >= MAX_EXPANSIONS {
                    break;
                }
                found.push((id as u32, String::from_utf8_lossy(key).into_owned()));
            }
            found
        };
        typos = if distance == 1 {
            LEV1.with(collect)
        } else {
            LEV2.with(collect)
        };
    }
    for &id in &variants {
        add(&mut out, id, MatchKind::Variant);
    }

    if folded.chars().count() >= COMPOUND_MIN_CHARS {
        // Heads: stems that begin with the query's stem; tails: stems that end with it (a
        // prefix search in the reversed-stem dictionary). Either must add a real word part.
        let min_len = word_stem.len() + COMPOUND_MIN_REST;
        let mut groups: Vec<u64> = Vec::new();
        let mut heads = stems
            .search(Str::new(&word_stem).starts_with())
            .into_stream();
        while let Some((key, group)) = heads.next() {
            if key.len() >= min_len {
                groups.push(group);
            }
        }
        if let Some(reversed) = index.reversed_stem_map() {
            let needle = crate::index::reverse(&word_stem);
            let mut tails = reversed
                .search(Str::new(&needle).starts_with())
                .into_stream();
            while let Some((key, group)) = tails.next() {
                if key.len() >= min_len {
                    groups.push(group);
                }
            }
        }
        for group in groups {
            for &id in index.stem_groups.get(group as usize).into_iter().flatten() {
                add(&mut out, id, MatchKind::Compound);
            }
        }
    }
    if prefix && folded.chars().count() >= PREFIX_MIN_CHARS {
        let mut stream = terms.search(Str::new(&folded).starts_with()).into_stream();
        while let Some((_, id)) = stream.next() {
            add(&mut out, id as u32, MatchKind::Compound);
        }
    }
    for (id, term) in typos {
        let kind = if translit::is_variant(&folded, &term) {
            MatchKind::Variant
        } else {
            MatchKind::Typo
        };
        add(&mut out, id, kind);
    }
    out
}
