//! Building the index from ingested documents (at build time, never in the browser).

use super::positions::doc_tokens;
use super::{
    postings, weight_units, Index, BODY_WEIGHT, CAPTION_WEIGHT, LEAD_WEIGHT, TITLE_WEIGHT,
};
use crate::analyze::{analyze, stem::stem, stopwords, translit};
use crate::document::{BlockKind, Document};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Accumulates one term's occurrences while building.
struct TermAcc {
    stem: String,
    capitalized: bool,
    /// Documents, ascending.
    docs: Vec<u32>,
    /// Field-weighted term frequency in tenths, per document.
    weights: Vec<u32>,
    /// Positions per document, ascending.
    positions: Vec<Vec<u32>>,
}

/// Field weight of a block kind, in tenths.
fn field_weight(kind: BlockKind) -> u32 {
    weight_units(match kind {
        BlockKind::Title => TITLE_WEIGHT,
        BlockKind::Lead | BlockKind::Heading => LEAD_WEIGHT,
        BlockKind::Caption => CAPTION_WEIGHT,
        _ => BODY_WEIGHT,
    })
}

/// Shortest name (in characters) whose genitive `-s` is recognised: `Putins`, not `Uns`.
const GENITIVE_MIN_CHARS: usize = 5;

/// The outlet counted for documents that name none.
pub const UNKNOWN_OUTLET: &str = "unbekannt";

/// Builds the index over `docs` (document ids in the index are positions in this slice).
pub fn build(docs: &[Document]) -> Index {
    let mut terms: BTreeMap<String, TermAcc> = BTreeMap::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    let mut doc_len = Vec::with_capacity(docs.len());

    for (d, doc) in docs.iter().enumerate() {
        let d = d as u32;
        let mut len = 0u32;
        for block in doc_tokens(doc) {
            let weight = field_weight(block.kind);
            for token in block.tokens {
                if !token.whole {
                    len += 1;
                }
                let acc = terms.entry(token.term.clone()).or_insert_with(|| TermAcc {
                    stem: stem(&doc.text[token.start..token.end]),
                    capitalized: false,
                    docs: Vec::new(),
                    weights: Vec::new(),
                    positions: Vec::new(),
                });
                acc.capitalized |= token.capitalized;
                let p = acc;
                if p.docs.last() == Some(&d) {
                    if let (Some(w), Some(pos)) = (p.weights.last_mut(), p.positions.last_mut()) {
                        *w += weight;
                        pos.push(token.position);
                    }
                } else {
                    p.docs.push(d);
                    p.weights.push(weight);
                    p.positions.push(vec![token.position]);
                }
            }
        }
        // Boilerplate words are real words (not typos) but never matches.
        for block in doc.blocks.iter().filter(|b| !b.kind.is_main()) {
            for token in analyze(doc.block_text(block), 0).0 {
                known.insert(token.term);
            }
        }
        doc_len.push(len);
    }
    // Indexed terms are known through the term dictionary; keep only boilerplate-only words.
    known.retain(|word| !terms.contains_key(word));

    // Genitive -s of names: `Schoigus` joins the stem group of `Schoigu` when both occur.
    let genitive_stems: Vec<(String, String)> = terms
        .iter()
        .filter(|(term, acc)| {
            acc.capitalized && term.ends_with('s') && term.chars().count() >= GENITIVE_MIN_CHARS
        })
        .filter_map(|(term, _)| {
            let base = &term[..term.len() - 1];
            terms.get(base).map(|b| (term.clone(), b.stem.clone()))
        })
        .collect();
    for (term, base_stem) in genitive_stems {
        if let Some(acc) = terms.get_mut(&term) {
            acc.stem = base_stem;
        }
    }

    let term_names: Vec<String> = terms.keys().cloned().collect();
    let mut term_builder = fst::MapBuilder::memory();
    let mut stems: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut translits: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    let mut postings = Vec::new();
    let mut postings_offsets = Vec::with_capacity(terms.len() + 1);
    let mut doc_freqs = Vec::with_capacity(terms.len());
    for (id, (term, acc)) in terms.into_iter().enumerate() {
        let id = id as u32;
        // Keys arrive sorted (BTreeMap order), as fst requires; insertion cannot fail then.
        let _ = term_builder.insert(&term, u64::from(id));
        stems.entry(acc.stem).or_default().push(id);
        // Function words (`Hinter` at the start of a sentence) are no names to respell.
        if acc.capitalized && !stopwords::is_stopword(&term) {
            if let Some(key) = translit::key(&term) {
                translits.entry(key).or_default().push((id, term.clone()));
            }
        }
        postings_offsets.push(postings.len() as u32);
        doc_freqs.push(acc.docs.len() as u32);
        postings::encode(&mut postings, &acc.docs, &acc.weights, &acc.positions);
    }
    postings_offsets.push(postings.len() as u32);
    let mut reversed: BTreeMap<String, u64> = BTreeMap::new();
    for (group, stem) in stems.keys().enumerate() {
        reversed.insert(reverse(stem), group as u64);
    }
    let mut reversed_builder = fst::MapBuilder::memory();
    for (key, group) in &reversed {
        let _ = reversed_builder.insert(key, *group);
    }
    // Middle parts of compounds, split between words of the corpus (terms, boilerplate-only
    // words and stems).
    let middle_groups = {
        let vocabulary: HashSet<&str> = term_names
            .iter()
            .chain(&known)
            .map(String::as_str)
            .chain(stems.keys().map(String::as_str))
            .collect();
        super::parts::middle_index(stems.keys().map(String::as_str), &vocabulary)
    };
    let (middle_fst, middle_groups) = grouped_map(middle_groups);
    let (stem_fst, stem_groups) = grouped_map(stems);
    let (translit_fst, translit_groups) = grouped_map(translits);
    let mut known_builder = fst::SetBuilder::memory();
    for word in &known {
        let _ = known_builder.insert(word);
    }
    let total: u64 = doc_len.iter().map(|&l| u64::from(l)).sum();
    let outlet_of = |doc: &Document| {
        doc.meta
            .outlet
            .clone()
            .unwrap_or_else(|| UNKNOWN_OUTLET.into())
    };
    let outlets: Vec<String> = docs
        .iter()
        .map(outlet_of)
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect();
    let doc_outlet = docs
        .iter()
        .map(|d| outlets.binary_search(&outlet_of(d)).unwrap_or(0) as u32)
        .collect();
    // Tie-break order of equal scores: newest first (undated last), then by document.
    let mut by_date: Vec<usize> = (0..docs.len()).collect();
    by_date.sort_by(|&a, &b| docs[b].meta.date.cmp(&docs[a].meta.date).then(a.cmp(&b)));
    let mut doc_rank = vec![0u32; docs.len()];
    for (rank, doc) in by_date.into_iter().enumerate() {
        doc_rank[doc] = rank as u32;
    }
    Index {
        terms: term_builder.into_inner().unwrap_or_default(),
        block_starts: vec![0, postings_offsets.len() as u32 - 1],
        postings: vec![postings.into()],
        postings_offsets,
        doc_freqs,
        stems: stem_fst,
        stem_groups,
        stems_reversed: reversed_builder.into_inner().unwrap_or_default(),
        middles: middle_fst,
        middle_groups,
        translit: translit_fst,
        translit_groups,
        known: known_builder.into_inner().unwrap_or_default(),
        avg_len: if doc_len.is_empty() {
            0.0
        } else {
            total as f32 / doc_len.len() as f32
        },
        doc_len,
        doc_outlet,
        doc_rank,
        outlets,
    }
}

/// `text` with its characters in reverse order (for suffix lookups as prefix searches).
pub(crate) fn reverse(text: &str) -> String {
    text.chars().rev().collect()
}

/// An fst map from each key to a group id, and the groups.
fn grouped_map<T>(groups: BTreeMap<String, Vec<T>>) -> (Vec<u8>, Vec<Vec<T>>) {
    let mut builder = fst::MapBuilder::memory();
    let mut out = Vec::with_capacity(groups.len());
    for (i, (key, ids)) in groups.into_iter().enumerate() {
        let _ = builder.insert(&key, i as u64);
        out.push(ids);
    }
    (builder.into_inner().unwrap_or_default(), out)
}
