//! Source comparison: how two to five articles report the same story — which sentences say the
//! same thing, what only one of them says, whom each names, and which figures differ.

pub mod align;
pub mod attribution;
pub mod clause;
pub mod counted;
pub mod figures;

use crate::snapshot::Snapshot;
use serde::Serialize;

/// A sentence of one compared article, as a byte range of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentenceRef {
    /// Document index in the snapshot.
    pub doc: u32,
    /// Sentence number within the document's main text (0-based).
    pub sentence: u32,
    /// Byte offset of the sentence in the document text.
    pub start: u32,
    /// Byte offset one past its end.
    pub end: u32,
}

/// Two sentences of different articles that report the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Aligned {
    /// A sentence of the article listed first.
    pub a: SentenceRef,
    /// Its counterpart in another article.
    pub b: SentenceRef,
    /// Similarity (TF-IDF cosine plus shared entities and figures), 0–1.5.
    pub score: f32,
}

/// How often each compared article names one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    /// Entity index in the snapshot.
    pub entity: u32,
    /// Mentions per compared article, in the order of `Comparison::docs`.
    pub counts: Vec<usize>,
}

/// The comparison of a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The compared documents (snapshot indices), in the order given.
    pub docs: Vec<u32>,
    /// Main-text sentences per compared document.
    pub sentences: Vec<Vec<SentenceRef>>,
    /// Sentence pairs reporting the same thing.
    pub alignment: Vec<Aligned>,
    /// Per document: share of its sentences that another compared article also reports.
    pub shared: Vec<f32>,
    /// Entities named by any compared article, most unevenly covered first.
    pub entities: Vec<EntityRow>,
    /// Comparable figures, one row per fact (see [`figures`]).
    pub figures: Vec<figures::FigureRow>,
}

impl Comparison {
    /// Whether sentence `n` of compared document `i` has a counterpart in another article.
    pub fn has_counterpart(&self, i: usize, n: u32) -> bool {
        let Some(&doc) = self.docs.get(i) else {
            return false;
        };
        self.alignment
            .iter()
            .any(|p| (p.a.doc == doc && p.a.sentence == n) || (p.b.doc == doc && p.b.sentence == n))
    }
}

/// Most articles compared at once.
pub const MAX_DOCS: usize = 5;

/// Compares the documents `docs` (snapshot indices; duplicates and unknown indices are
/// dropped, at most [`MAX_DOCS`]).
pub fn compare(snapshot: &Snapshot, docs: &[usize]) -> Comparison {
    let mut chosen: Vec<usize> = Vec::new();
    for &d in docs {
        if d < snapshot.docs.len() && !chosen.contains(&d) && chosen.len() < MAX_DOCS {
            chosen.push(d);
        }
    }
    let sentences: Vec<Vec<SentenceRef>> = chosen
        .iter()
        .map(|&d| align::sentences_of(&snapshot.docs[d], d as u32))
        .collect();
    let facts: Vec<Vec<figures::Fact>> = chosen
        .iter()
        .zip(&sentences)
        .map(|(&d, list)| {
            let found = snapshot.figures_of(d);
            figures::facts(&snapshot.docs[d], found, list)
        })
        .collect();
    // What each sentence's figures count, for the alignment's figure boost.
    let per_sentence: Vec<Vec<Vec<(counted::Counted, f64)>>> = facts
        .iter()
        .zip(&sentences)
        .map(|(list, s)| {
            let mut out = vec![Vec::new(); s.len()];
            for f in list {
                if let (Some(c), Some(slot)) = (&f.counted, out.get_mut(f.sentence)) {
                    slot.push((c.clone(), f.value.value));
                }
            }
            out
        })
        .collect();
    let scorer = align::Scorer::new(snapshot, &sentences, &per_sentence);
    let alignment = align::align(&scorer, &sentences);
    let shared = sentences
        .iter()
        .map(|list| {
            if list.is_empty() {
                return 0.0;
            }
            let with = list
                .iter()
                .filter(|s| alignment.iter().any(|p| p.a == **s || p.b == **s))
                .count();
            with as f32 / list.len() as f32
        })
        .collect();
    let mut entities: Vec<EntityRow> = Vec::new();
    for (i, &d) in chosen.iter().enumerate() {
        for m in snapshot.mentions_of(d) {
            let row = match entities.iter_mut().position(|r| r.entity == m.entity) {
                Some(at) => &mut entities[at],
                None => {
                    entities.push(EntityRow {
                        entity: m.entity,
                        counts: vec![0; chosen.len()],
                    });
                    entities.last_mut().expect("just pushed")
                }
            };
            row.counts[i] += 1;
        }
    }
    // Unevenly covered first: named by fewer of the articles, then by the larger gap in counts.
    crate::order::sort_by_key(&mut entities, |r| {
        let naming = r.counts.iter().filter(|&&c| c > 0).count();
        let max = r.counts.iter().copied().max().unwrap_or(0);
        let min = r.counts.iter().copied().min().unwrap_or(0);
        (naming, std::cmp::Reverse(max - min), std::cmp::Reverse(max))
    });
    let figures = figures::rows(&facts, &scorer);
    Comparison {
        docs: chosen.iter().map(|&d| d as u32).collect(),
        sentences,
        alignment,
        shared,
        entities,
        figures,
    }
}
