//! Search: parse a query, expand its words over the index, score with BM25, and cut snippets.

pub mod expand;
pub mod parse;
pub mod snippet;

use crate::analyze::analyze;
use crate::document::Document;
use crate::index::Index;
use expand::{expand, Expansion, MatchKind};
use parse::{Atom, Query};
pub use snippet::{Highlight, Snippet};
use std::collections::{BTreeMap, HashMap};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;

/// Options of one search.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Live search: the last word also matches as a prefix.
    pub typing: bool,
    /// How many hits get snippets (the rest are counted and ranked only).
    pub snippet_hits: usize,
    /// Snippets per hit.
    pub snippets_per_hit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            typing: false,
            snippet_hits: 20,
            snippets_per_hit: 3,
        }
    }
}

/// One matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the document in the snapshot's `docs`.
    pub doc: usize,
    /// Relevance (BM25 with field weights and match-kind penalties).
    pub score: f32,
    /// Up to three sentences around matches (only for the first `snippet_hits` hits).
    pub snippets: Vec<Snippet>,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    /// Matching documents, best first; ties newest first.
    pub hits: Vec<Hit>,
    /// Hits per outlet, most first (documents without outlet count as "unbekannt").
    pub outlets: Vec<(String, usize)>,
    /// The parsed query (for showing how it was understood).
    pub query: Query,
}

/// One occurrence of a phrase word: (position, term id, why, postings slot of the document).
type Occurrence = (u32, u32, MatchKind, usize);

/// Matched positions of one document: position → (term id, why), best reason kept.
type Matches = HashMap<u32, Vec<(u32, MatchKind)>>;

/// A searcher over a snapshot's documents and index.
pub struct Searcher<'a> {
    docs: &'a [Document],
    index: &'a Index,
}

impl<'a> Searcher<'a> {
    /// A searcher over `docs` (in index order) and their `index`.
    pub fn new(docs: &'a [Document], index: &'a Index) -> Searcher<'a> {
        Searcher { docs, index }
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.index.doc_count() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, term: u32, slot: usize, doc: u32) -> f32 {
        let postings = self.index.postings(term);
        let tf = postings.weights.get(slot).copied().unwrap_or(0.0);
        let len = self.index.doc_len.get(doc as usize).copied().unwrap_or(0) as f32;
        let avg = self.index.avg_len.max(1.0);
        let idf = self.idf(postings.docs.len());
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
    }

    /// Scores and positions of the documents matching one atom.
    fn eval_atom(&self, atom: &Atom, prefix: bool, strict: bool) -> BTreeMap<u32, (f32, Matches)> {
        match atom {
            Atom::Word(word) => {
                let parts = word_parts(word);
                if parts.len() > 1 {
                    // `US-Dollar`: the hyphenated whole, or its parts as a phrase.
                    let mut whole = self.eval_words(std::slice::from_ref(word), prefix, strict);
                    for (doc, hit) in self.eval_words(&parts, false, true) {
                        whole.entry(doc).or_insert(hit);
                    }
                    whole
                } else {
                    self.eval_words(std::slice::from_ref(word), prefix, strict)
                }
            }
            Atom::Phrase(text) => self.eval_words(&word_parts(text), false, true),
        }
    }

    /// A single word (one element) or a phrase (words at consecutive positions).
    fn eval_words(
        &self,
        words: &[String],
        prefix: bool,
        strict: bool,
    ) -> BTreeMap<u32, (f32, Matches)> {
        let mut out = BTreeMap::new();
        if words.is_empty() {
            return out;
        }
        let last = words.len() - 1;
        let expansions: Vec<Vec<Expansion>> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                expand(
                    self.index,
                    w,
                    prefix && i == last,
                    strict || words.len() > 1,
                )
            })
            .collect();
        if expansions.iter().any(Vec::is_empty) {
            return out;
        }
        if words.len() == 1 {
            // Scores only: positions are looked up later, for the hits that get snippets.
            for e in &expansions[0] {
                let postings = self.index.postings(e.term);
                for (slot, &doc) in postings.docs.iter().enumerate() {
                    let score = self.bm25(e.term, slot, doc) * e.kind.weight();
                    let entry = out.entry(doc).or_insert((0.0f32, Matches::new()));
                    entry.0 = entry.0.max(score);
                }
            }
            return out;
        }
        // Phrase: for each document with every word, positions p, p+1, … must all match.
        let mut per_word: Vec<HashMap<u32, Vec<Occurrence>>> = Vec::new();
        for exps in &expansions {
            let mut by_doc: HashMap<u32, Vec<Occurrence>> = HashMap::new();
            for e in exps {
                let postings = self.index.postings(e.term);
                for (slot, &doc) in postings.docs.iter().enumerate() {
                    for &pos in postings.positions.get(slot).into_iter().flatten() {
                        by_doc
                            .entry(doc)
                            .or_default()
                            .push((pos, e.term, e.kind, slot));
                    }
                }
            }
            per_word.push(by_doc);
        }
        for (&doc, first) in &per_word[0] {
            let mut matches = Matches::new();
            let mut count = 0u32;
            let mut score = 0.0f32;
            for &(start, term0, kind0, slot0) in first {
                let mut hits = vec![(start, term0, kind0, slot0)];
                for (offset, word) in per_word.iter().enumerate().skip(1) {
                    let want = start + offset as u32;
                    match word.get(&doc).and_then(|v| v.iter().find(|m| m.0 == want)) {
                        Some(&m) => hits.push(m),
                        None => break,
                    }
                }
                if hits.len() == words.len() {
                    count += 1;
                    for &(pos, term, kind, slot) in &hits {
                        matches.entry(pos).or_default().push((term, kind));
                        if count == 1 {
                            score += self.bm25(term, slot, doc) * kind.weight();
                        }
                    }
                }
            }
            if count > 0 {
                out.insert(doc, (score * (1.0 + (count as f32).ln()), matches));
            }
        }
        out
    }

    /// The single-word expansions of a query's positive atoms (their positions are looked up
    /// per document only when needed).
    fn word_expansions(&self, query: &Query) -> Vec<Expansion> {
        let clause_count = query.clauses.len();
        let mut out = Vec::new();
        for (ci, clause) in query.clauses.iter().enumerate() {
            for (ai, atom) in clause.iter().enumerate() {
                if let Atom::Word(word) = atom {
                    let prefix =
                        query.prefix_last && ci + 1 == clause_count && ai + 1 == clause.len();
                    out.extend(expand(self.index, word, prefix, false));
                }
            }
        }
        out
    }

    /// Adds the positions of `expansions` in `doc` to `matches`.
    fn add_positions(&self, doc: u32, expansions: &[Expansion], matches: &mut Matches) {
        for e in expansions {
            let postings = self.index.postings(e.term);
            if let Ok(slot) = postings.docs.binary_search(&doc) {
                for &pos in postings.positions.get(slot).into_iter().flatten() {
                    matches.entry(pos).or_default().push((e.term, e.kind));
                }
            }
        }
    }

    /// Runs `query_text` (any string) and returns ranked hits with snippets.
    pub fn search(&self, query_text: &str, options: SearchOptions) -> SearchResults {
        let query = parse::parse(query_text, options.typing);
        let mut scores: Option<BTreeMap<u32, (f32, Matches)>> = None;
        let clause_count = query.clauses.len();
        for (ci, clause) in query.clauses.iter().enumerate() {
            let mut clause_hits: BTreeMap<u32, (f32, Matches)> = BTreeMap::new();
            for (ai, atom) in clause.iter().enumerate() {
                let prefix = query.prefix_last && ci + 1 == clause_count && ai + 1 == clause.len();
                for (doc, (score, matches)) in self.eval_atom(atom, prefix, false) {
                    let entry = clause_hits.entry(doc).or_insert((0.0, Matches::new()));
                    entry.0 += score;
                    merge(&mut entry.1, matches);
                }
            }
            scores = Some(match scores {
                None => clause_hits,
                Some(previous) => previous
                    .into_iter()
                    .filter_map(|(doc, (score, mut matches))| {
                        let (s, m) = clause_hits.remove(&doc)?;
                        merge(&mut matches, m);
                        Some((doc, (score + s, matches)))
                    })
                    .collect(),
            });
        }
        // Only exclusions: everything except what they match.
        let mut scores = scores.unwrap_or_else(|| {
            if query.excluded.is_empty() {
                BTreeMap::new()
            } else {
                (0..self.docs.len() as u32)
                    .map(|d| (d, (0.0, Matches::new())))
                    .collect()
            }
        });
        for atom in &query.excluded {
            for doc in self.eval_atom(atom, false, true).keys() {
                scores.remove(doc);
            }
        }

        let mut ranked: Vec<(u32, f32, Matches)> =
            scores.into_iter().map(|(d, (s, m))| (d, s, m)).collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.date_of(b.0).cmp(&self.date_of(a.0)))
                .then(a.0.cmp(&b.0))
        });
        let mut outlets: BTreeMap<&str, usize> = BTreeMap::new();
        for (doc, _, _) in &ranked {
            let outlet = self
                .docs
                .get(*doc as usize)
                .and_then(|d| d.meta.outlet.as_deref())
                .unwrap_or("unbekannt");
            *outlets.entry(outlet).or_default() += 1;
        }
        let mut outlets: Vec<(String, usize)> = outlets
            .into_iter()
            .map(|(o, n)| (o.to_string(), n))
            .collect();
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

        let words = if ranked.is_empty() || options.snippet_hits == 0 {
            Vec::new()
        } else {
            self.word_expansions(&query)
        };
        let hits = ranked
            .into_iter()
            .enumerate()
            .map(|(rank, (doc, score, mut matches))| Hit {
                doc: doc as usize,
                score,
                snippets: if rank < options.snippet_hits {
                    self.add_positions(doc, &words, &mut matches);
                    self.docs
                        .get(doc as usize)
                        .map(|d| {
                            snippet::snippets(self.index, d, &matches, options.snippets_per_hit)
                        })
                        .unwrap_or_default()
                } else {
                    Vec::new()
                },
            })
            .collect();
        SearchResults {
            hits,
            outlets,
            query,
        }
    }

    /// Every match of `query_text` in one document, as (start, end, why) byte ranges of its
    /// text: for highlighting in the reading view.
    pub fn highlights(&self, query_text: &str, doc: usize) -> Vec<(usize, usize, MatchKind)> {
        let query = parse::parse(query_text, false);
        let mut matches = Matches::new();
        for atom in query.clauses.iter().flatten() {
            if let Some((_, m)) = self.eval_atom(atom, false, false).remove(&(doc as u32)) {
                merge(&mut matches, m);
            }
        }
        self.add_positions(doc as u32, &self.word_expansions(&query), &mut matches);
        match self.docs.get(doc) {
            Some(d) => snippet::match_ranges(self.index, d, &matches),
            None => Vec::new(),
        }
    }

    fn date_of(&self, doc: u32) -> Option<crate::document::PartialDate> {
        self.docs.get(doc as usize).and_then(|d| d.meta.date)
    }
}

/// The word parts of a typed word or phrase, as the analyzer splits them (hyphen wholes skipped).
fn word_parts(text: &str) -> Vec<String> {
    analyze(text, 0)
        .0
        .into_iter()
        .filter(|t| !t.whole)
        .map(|t| text[t.start..t.end].to_string())
        .collect()
}

fn merge(into: &mut Matches, from: Matches) {
    for (pos, mut terms) in from {
        into.entry(pos).or_default().append(&mut terms);
    }
}
