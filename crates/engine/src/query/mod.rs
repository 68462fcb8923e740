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
use std::collections::HashMap;

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

/// Matched positions of one document: position → (term id, why), best reason kept.
type Matches = HashMap<u32, Vec<(u32, MatchKind)>>;

/// Matching documents, ascending, with their scores.
type Scored = Vec<(u32, f32)>;

/// A query atom with its words expanded over the index (once per search: the same expansions
/// rank the documents and find the highlighted positions).
enum Prepared {
    /// A word; `parts` holds the word parts of a hyphenated word (`US-Dollar` also matches the
    /// phrase "US Dollar"; each part exact, by stem or, outside exclusions, in another spelling),
    /// empty otherwise.
    Word {
        whole: Vec<Expansion>,
        parts: Vec<Vec<Expansion>>,
    },
    /// The words of a phrase, in order.
    Phrase(Vec<Vec<Expansion>>),
}

/// A document where a phrase occurs: its score and the matched positions.
struct PhraseHit {
    doc: u32,
    score: f32,
    positions: Vec<(u32, u32, MatchKind)>,
}

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

    /// BM25 of a term with inverse document frequency `idf` and weighted frequency `tf` in `doc`.
    #[inline]
    fn bm25(&self, idf: f32, tf: f32, doc: u32) -> f32 {
        let len = self.index.doc_len.get(doc as usize).copied().unwrap_or(0) as f32;
        let avg = self.index.avg_len.max(1.0);
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg))
    }

    /// Expands the words of `atom`; `prefix` completes a word being typed, `strict` (phrases and
    /// exclusions) allows only exact and stem matches.
    fn prepare(&self, atom: &Atom, prefix: bool, strict: bool) -> Prepared {
        let strict_words = |words: &[String]| -> Vec<Vec<Expansion>> {
            words
                .iter()
                .map(|w| expand(self.index, w, false, true))
                .collect()
        };
        match atom {
            Atom::Word(word) => {
                let parts = word_parts(word);
                Prepared::Word {
                    whole: expand(self.index, word, prefix, strict),
                    parts: match (parts.len() > 1, strict) {
                        (false, _) => Vec::new(),
                        (true, true) => strict_words(&parts),
                        // A hyphenated name in another spelling: `al-Chatib` → `Al-Khatib`.
                        (true, false) => parts
                            .iter()
                            .map(|w| {
                                let mut e = expand(self.index, w, false, false);
                                e.retain(|e| e.kind <= MatchKind::Variant);
                                e
                            })
                            .collect(),
                    },
                }
            }
            Atom::Phrase(text) => Prepared::Phrase(strict_words(&word_parts(text))),
        }
    }

    /// The documents matching a prepared atom, with scores.
    fn score(&self, atom: &Prepared) -> Scored {
        match atom {
            Prepared::Word { whole, parts } => {
                let scored = self.score_word(whole);
                if parts.is_empty() {
                    scored
                } else {
                    // The hyphenated whole, or its parts as a phrase.
                    union(scored, phrase_scores(self.phrase(parts, None)), |a, _| a)
                }
            }
            Prepared::Phrase(words) if words.len() == 1 => self.score_word(&words[0]),
            Prepared::Phrase(words) => phrase_scores(self.phrase(words, None)),
        }
    }

    /// One word: per document, the best of its expansions' BM25 scores (weighted by why they
    /// match). Many expansions accumulate into a dense array over all documents.
    fn score_word(&self, expansions: &[Expansion]) -> Scored {
        match expansions {
            [] => Vec::new(),
            [e] => {
                let list = self.index.postings(e.term);
                let idf = self.idf(list.len());
                let weight = e.kind.weight();
                list.docs()
                    .map(|(doc, tf)| (doc, self.bm25(idf, tf, doc) * weight))
                    .collect()
            }
            _ => {
                let mut scores = vec![0.0f32; self.index.doc_count()];
                for e in expansions {
                    let list = self.index.postings(e.term);
                    let idf = self.idf(list.len());
                    let weight = e.kind.weight();
                    for (doc, tf) in list.docs() {
                        if let Some(best) = scores.get_mut(doc as usize) {
                            *best = best.max(self.bm25(idf, tf, doc) * weight);
                        }
                    }
                }
                scores
                    .into_iter()
                    .enumerate()
                    .filter(|(_, s)| *s > 0.0)
                    .map(|(d, s)| (d as u32, s))
                    .collect()
            }
        }
    }

    /// Documents where the words occur at consecutive positions (each word any of its
    /// expansions), optionally only among the documents `only`.
    fn phrase(&self, words: &[Vec<Expansion>], only: Option<&[u32]>) -> Vec<PhraseHit> {
        if words.is_empty() || words.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        // Candidates: documents with every word, rarest word first.
        let mut order: Vec<usize> = (0..words.len()).collect();
        crate::order::sort_by_key(&mut order, |&i| {
            words[i]
                .iter()
                .map(|e| self.index.doc_freq(e.term))
                .sum::<usize>()
        });
        // Marks over all documents (no sorting or searching of doc lists): the documents
        // that have every word so far.
        let doc_count = self.index.doc_count();
        let mut marked: Option<Vec<bool>> = only.map(|docs| {
            let mut marks = vec![false; doc_count];
            for &d in docs {
                if let Some(m) = marks.get_mut(d as usize) {
                    *m = true;
                }
            }
            marks
        });
        for &i in &order {
            let mut next = vec![false; doc_count];
            let mut any = false;
            for e in &words[i] {
                for (d, _) in self.index.postings(e.term).docs() {
                    let d = d as usize;
                    let allowed = marked
                        .as_ref()
                        .is_none_or(|m| m.get(d).copied().unwrap_or(false));
                    if let (true, Some(m)) = (allowed, next.get_mut(d)) {
                        *m = true;
                        any = true;
                    }
                }
            }
            if !any {
                return Vec::new();
            }
            marked = Some(next);
        }
        let candidates: Vec<u32> = marked
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, &m)| m)
            .map(|(d, _)| d as u32)
            .collect();
        let idfs: Vec<Vec<f32>> = words
            .iter()
            .map(|exps| {
                exps.iter()
                    .map(|e| self.idf(self.index.doc_freq(e.term)))
                    .collect()
            })
            .collect();
        // One cursor per word and expansion, advanced in step with the candidates (both ascend);
        // each word's occurrences in the current document go into a reused buffer.
        let mut cursors: Vec<Vec<_>> = words
            .iter()
            .map(|exps| {
                exps.iter()
                    .map(|e| self.index.postings(e.term).seeker())
                    .collect()
            })
            .collect();
        let mut occurrences: Vec<Vec<(u32, usize, f32)>> = vec![Vec::new(); words.len()];
        let mut out = Vec::new();
        for &doc in &candidates {
            for (word, buffer) in cursors.iter_mut().zip(&mut occurrences) {
                buffer.clear();
                for (x, seeker) in word.iter_mut().enumerate() {
                    if let Some((tf, positions)) = seeker.seek(doc) {
                        buffer.extend(positions.map(|p| (p, x, tf)));
                    }
                }
                if word.len() > 1 {
                    buffer.sort_unstable_by_key(|o| o.0);
                }
            }
            let mut count = 0u32;
            let mut score = 0.0f32;
            let mut positions = Vec::new();
            for &(start, _, _) in &occurrences[0] {
                let matched = occurrences.iter().enumerate().all(|(k, list)| {
                    start
                        .checked_add(k as u32)
                        .is_some_and(|want| list.binary_search_by_key(&want, |o| o.0).is_ok())
                });
                if !matched {
                    continue;
                }
                count += 1;
                for (k, list) in occurrences.iter().enumerate() {
                    let want = start + k as u32;
                    let Ok(i) = list.binary_search_by_key(&want, |o| o.0) else {
                        continue;
                    };
                    let (pos, x, tf) = list[i];
                    let e = words[k][x];
                    positions.push((pos, e.term, e.kind));
                    if count == 1 {
                        score += self.bm25(idfs[k][x], tf, doc) * e.kind.weight();
                    }
                }
            }
            if count > 0 {
                out.push(PhraseHit {
                    doc,
                    score: score * (1.0 + (count as f32).ln()),
                    positions,
                });
            }
        }
        out
    }

    /// Adds the positions of `expansions` in the `targets` documents (ascending) to `matches`.
    fn word_positions(
        &self,
        expansions: &[Expansion],
        targets: &[u32],
        matches: &mut HashMap<u32, Matches>,
    ) {
        for e in expansions {
            let mut seeker = self.index.postings(e.term).seeker();
            for &doc in targets {
                if let Some((_, positions)) = seeker.seek(doc) {
                    let m = matches.entry(doc).or_default();
                    for pos in positions {
                        m.entry(pos).or_default().push((e.term, e.kind));
                    }
                }
            }
        }
    }

    /// Adds the matched positions of a prepared atom in the `targets` documents (ascending).
    fn atom_positions(
        &self,
        atom: &Prepared,
        targets: &[u32],
        matches: &mut HashMap<u32, Matches>,
    ) {
        let phrase = |words: &[Vec<Expansion>], matches: &mut HashMap<u32, Matches>| {
            for hit in self.phrase(words, Some(targets)) {
                let m = matches.entry(hit.doc).or_default();
                for (pos, term, kind) in hit.positions {
                    m.entry(pos).or_default().push((term, kind));
                }
            }
        };
        match atom {
            Prepared::Word { whole, parts } => {
                self.word_positions(whole, targets, matches);
                if !parts.is_empty() {
                    phrase(parts, matches);
                }
            }
            Prepared::Phrase(words) if words.len() == 1 => {
                self.word_positions(&words[0], targets, matches);
            }
            Prepared::Phrase(words) => phrase(words, matches),
        }
    }

    /// The query's positive atoms, expanded.
    fn prepare_query(&self, query: &Query) -> Vec<Vec<Prepared>> {
        let clause_count = query.clauses.len();
        query
            .clauses
            .iter()
            .enumerate()
            .map(|(ci, clause)| {
                clause
                    .iter()
                    .enumerate()
                    .map(|(ai, atom)| {
                        let prefix =
                            query.prefix_last && ci + 1 == clause_count && ai + 1 == clause.len();
                        self.prepare(atom, prefix, false)
                    })
                    .collect()
            })
            .collect()
    }

    /// Runs `query_text` (any string) and returns ranked hits with snippets.
    pub fn search(&self, query_text: &str, options: SearchOptions) -> SearchResults {
        let query = parse::parse(query_text, options.typing);
        let prepared = self.prepare_query(&query);
        let mut scores: Option<Scored> = None;
        for clause in &prepared {
            if scores.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
            let mut clause_hits = Scored::new();
            for atom in clause {
                clause_hits = union(clause_hits, self.score(atom), |a, b| a + b);
            }
            scores = Some(match scores {
                None => clause_hits,
                Some(previous) => intersect(previous, &clause_hits),
            });
        }
        // Only exclusions: everything except what they match.
        let mut scores = scores.unwrap_or_else(|| {
            if query.excluded.is_empty() {
                Vec::new()
            } else {
                (0..self.docs.len() as u32).map(|d| (d, 0.0)).collect()
            }
        });
        for atom in &query.excluded {
            if scores.is_empty() {
                break;
            }
            let excluded = self.score(&self.prepare(atom, false, true));
            scores = subtract(scores, &excluded);
        }

        // Best first, ties newest first, then by document: one integer key per hit (a total
        // order: no stable sort needed, and integer compares are cheap for 10,000 hits).
        let mut ranked: Vec<(u64, u32, f32)> = scores
            .into_iter()
            .map(|(d, s)| (self.rank_key(d, s), d, s))
            .collect();
        ranked.sort_unstable_by_key(|r| r.0);
        let mut counts = vec![0usize; self.index.outlets.len()];
        for (_, doc, _) in &ranked {
            if let Some(c) = self
                .index
                .doc_outlet
                .get(*doc as usize)
                .and_then(|&o| counts.get_mut(o as usize))
            {
                *c += 1;
            }
        }
        let outlets = self
            .index
            .outlets
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| (o.as_str(), n));
        let mut outlets: Vec<(String, usize)> = outlets
            .into_iter()
            .map(|(o, n)| (o.to_string(), n))
            .collect();
        crate::order::sort_by(&mut outlets, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

        let first: Vec<usize> = ranked
            .iter()
            .take(options.snippet_hits)
            .map(|&(_, d, _)| d as usize)
            .collect();
        let mut snippets = self.prepared_snippets(&prepared, &first, options.snippets_per_hit);
        let hits = ranked
            .into_iter()
            .map(|(_, doc, score)| Hit {
                doc: doc as usize,
                score,
                snippets: snippets.remove(&(doc as usize)).unwrap_or_default(),
            })
            .collect();
        SearchResults {
            hits,
            outlets,
            query,
        }
    }

    /// The snippets `search` gives the documents `docs` for `query_text` (`per_hit` each), by
    /// document: for a caller that ranks first (`snippet_hits: 0`) and has the texts later.
    pub fn snippets(
        &self,
        query_text: &str,
        typing: bool,
        docs: &[usize],
        per_hit: usize,
    ) -> HashMap<usize, Vec<Snippet>> {
        let query = parse::parse(query_text, typing);
        self.prepared_snippets(&self.prepare_query(&query), docs, per_hit)
    }

    /// Snippets of a prepared query in `docs`.
    fn prepared_snippets(
        &self,
        prepared: &[Vec<Prepared>],
        docs: &[usize],
        per_hit: usize,
    ) -> HashMap<usize, Vec<Snippet>> {
        let mut targets: Vec<u32> = docs.iter().map(|&d| d as u32).collect();
        crate::order::sort_dedup(&mut targets);
        let mut matches: HashMap<u32, Matches> = HashMap::new();
        if !targets.is_empty() {
            for atom in prepared.iter().flatten() {
                self.atom_positions(atom, &targets, &mut matches);
            }
        }
        let none = Matches::new();
        targets
            .into_iter()
            .filter_map(|doc| {
                let d = self.docs.get(doc as usize)?;
                let found = matches.get(&doc).unwrap_or(&none);
                Some((
                    doc as usize,
                    snippet::snippets(self.index, d, found, per_hit),
                ))
            })
            .collect()
    }

    /// Every match of `query_text` in one document, as (start, end, why) byte ranges of its
    /// text: for highlighting in the reading view.
    pub fn highlights(&self, query_text: &str, doc: usize) -> Vec<(usize, usize, MatchKind)> {
        let Some(document) = self.docs.get(doc) else {
            return Vec::new();
        };
        let query = parse::parse(query_text, false);
        let target = [doc as u32];
        let mut matches: HashMap<u32, Matches> = HashMap::new();
        for atom in self.prepare_query(&query).iter().flatten() {
            self.atom_positions(atom, &target, &mut matches);
        }
        let matches = matches.remove(&(doc as u32)).unwrap_or_default();
        snippet::match_ranges(self.index, document, &matches)
    }

    /// Sort key of a hit: higher scores first, then the index's tie-break rank (newest first).
    /// Scores are non-negative, so their IEEE bits order like the numbers; a NaN or negative
    /// score (only from a corrupt snapshot) counts as 0. Without a rank (also corrupt), the
    /// document id breaks the tie, so the order stays deterministic.
    fn rank_key(&self, doc: u32, score: f32) -> u64 {
        let score = if score > 0.0 { score.to_bits() } else { 0 };
        let rank = self.index.doc_rank.get(doc as usize).copied();
        (u64::from(u32::MAX - score) << 32) | u64::from(rank.unwrap_or(doc))
    }
}

/// Scores of phrase hits, ascending by document.
fn phrase_scores(hits: Vec<PhraseHit>) -> Scored {
    hits.into_iter().map(|h| (h.doc, h.score)).collect()
}

/// Documents in `a` or `b`; `both` combines the scores of a document in both.
fn union(a: Scored, b: Scored, both: impl Fn(f32, f32) -> f32) -> Scored {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, both(x.1, y.1)));
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(x);
                a.next();
            }
            (Some(_), Some(y)) => {
                out.push(y);
                b.next();
            }
            (Some(x), None) => {
                out.push(x);
                a.next();
            }
            (None, Some(y)) => {
                out.push(y);
                b.next();
            }
            (None, None) => break,
        }
    }
    out
}

/// Documents in both, scores added.
fn intersect(a: Scored, b: &[(u32, f32)]) -> Scored {
    let mut j = 0;
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    for (doc, score) in a {
        while j < b.len() && b[j].0 < doc {
            j += 1;
        }
        match b.get(j) {
            None => break,
            Some(&(d, s)) if d == doc => out.push((doc, score + s)),
            Some(_) => {}
        }
    }
    out
}

/// Documents of `a` not in `b`.
fn subtract(a: Scored, b: &[(u32, f32)]) -> Scored {
    let mut j = 0;
    a.into_iter()
        .filter(|&(doc, _)| {
            while j < b.len() && b[j].0 < doc {
                j += 1;
            }
            b.get(j).is_none_or(|&(d, _)| d != doc)
        })
        .collect()
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
