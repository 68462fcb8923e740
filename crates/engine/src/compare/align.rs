//! Sentence alignment: TF-IDF cosine over analysed stems, boosted by shared entities and shared
//! figures, best counterpart per sentence and article above a threshold.

use super::SentenceRef;
use crate::analyze::{analyze, sentence::sentences, stem::stem};
use crate::document::Document;
use crate::snapshot::Snapshot;
use std::collections::HashMap;

/// Lowest score counted as "the same thing reported".
pub const THRESHOLD: f32 = 0.28;
/// Added per entity both sentences name.
const ENTITY_BOOST: f32 = 0.08;
/// Added when both sentences report a figure about the same counted thing…
const FIGURE_BOOST: f32 = 0.15;
/// …and more when the two figures are of the same order of magnitude (11.000 and 15.000).
const SAME_FIGURE_BOOST: f32 = 0.35;

/// German function words that say nothing about content.
const STOPWORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines",
    "und", "oder", "aber", "doch", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach",
    "von", "vom", "vor", "zu", "zum", "zur", "für", "über", "unter", "um", "als", "auch", "es",
    "er", "sie", "ihr", "ihre", "sein", "seine", "sich", "ist", "sind", "war", "waren", "hat",
    "haben", "hatte", "wird", "werden", "wurde", "soll", "sollen", "kann", "könnte", "nicht",
    "noch", "nur", "so", "wie", "dass", "da", "dies", "diese", "dieser", "man", "mehr", "schon",
    "bereits", "bis", "durch", "gegen", "ohne", "seit", "wenn", "was", "wer", "wo",
];

/// The main-text sentences of a document.
pub fn sentences_of(doc: &Document, doc_index: u32) -> Vec<SentenceRef> {
    let mut out = Vec::new();
    for block in doc.main_blocks() {
        for (s, e) in sentences(doc.block_text(block)) {
            out.push(SentenceRef {
                doc: doc_index,
                sentence: out.len() as u32,
                start: block.start + s as u32,
                end: block.start + e as u32,
            });
        }
    }
    out
}

/// Content stems of a sentence.
fn terms(text: &str) -> Vec<String> {
    analyze(text, 0)
        .0
        .into_iter()
        .filter(|t| !t.whole && t.term.chars().count() > 2 && !STOPWORDS.contains(&t.term.as_str()))
        .map(|t| stem(&text[t.start..t.end]))
        .collect()
}

/// A sentence's features: weighted terms, entities, figure groups.
struct Features {
    vector: HashMap<String, f32>,
    norm: f32,
    entities: Vec<u32>,
    figure_groups: Vec<(String, i32)>,
}

fn features(
    snapshot: &Snapshot,
    s: &SentenceRef,
    idf: &HashMap<String, f32>,
    stems: &[String],
) -> Features {
    let mut vector: HashMap<String, f32> = HashMap::new();
    for t in stems {
        *vector.entry(t.clone()).or_default() += idf.get(t).copied().unwrap_or(0.0);
    }
    let norm = vector.values().map(|w| w * w).sum::<f32>().sqrt();
    let mut entities: Vec<u32> = snapshot
        .mentions
        .iter()
        .filter(|m| m.doc == s.doc && m.start >= s.start && m.end <= s.end)
        .map(|m| m.entity)
        .collect();
    crate::order::sort_by(&mut entities, Ord::cmp);
    entities.dedup();
    let figure_groups = snapshot
        .figures
        .get(s.doc as usize)
        .into_iter()
        .flatten()
        .filter(|f| f.start >= s.start as usize && f.end <= s.end as usize)
        .map(|f| {
            (
                super::figures::group_of(f),
                super::figures::magnitude(f.value),
            )
        })
        .collect();
    Features {
        vector,
        norm,
        entities,
        figure_groups,
    }
}

fn similarity(a: &Features, b: &Features) -> f32 {
    let dot: f32 = a
        .vector
        .iter()
        .filter_map(|(t, w)| b.vector.get(t).map(|v| w * v))
        .sum();
    let cosine = if a.norm > 0.0 && b.norm > 0.0 {
        dot / (a.norm * b.norm)
    } else {
        0.0
    };
    let shared_entities = a.entities.iter().filter(|e| b.entities.contains(e)).count();
    let same_figure = a.figure_groups.iter().any(|g| b.figure_groups.contains(g));
    let same_group = a
        .figure_groups
        .iter()
        .any(|(g, _)| b.figure_groups.iter().any(|(h, _)| g == h));
    let figure_boost = if same_figure {
        SAME_FIGURE_BOOST
    } else if same_group {
        FIGURE_BOOST
    } else {
        0.0
    };
    cosine + ENTITY_BOOST * shared_entities.min(3) as f32 + figure_boost
}

/// For each sentence, its best counterpart in each other article, if above [`THRESHOLD`].
/// Pairs are listed once, the earlier article's sentence as `a`.
pub fn align(snapshot: &Snapshot, per_doc: &[Vec<SentenceRef>]) -> Vec<super::Aligned> {
    let text = |s: &SentenceRef| {
        snapshot
            .docs
            .get(s.doc as usize)
            .and_then(|d| d.text.get(s.start as usize..s.end as usize))
            .unwrap_or_default()
    };
    let stems: Vec<Vec<Vec<String>>> = per_doc
        .iter()
        .map(|list| list.iter().map(|s| terms(text(s))).collect())
        .collect();
    // Inverse document frequency over all compared sentences.
    let total = stems.iter().map(Vec::len).sum::<usize>().max(1) as f32;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for sentence in stems.iter().flatten() {
        let mut seen: Vec<&str> = sentence.iter().map(String::as_str).collect();
        crate::order::sort_by(&mut seen, Ord::cmp);
        seen.dedup();
        for t in seen {
            *df.entry(t).or_default() += 1;
        }
    }
    let idf: HashMap<String, f32> = df
        .into_iter()
        .map(|(t, n)| (t.to_string(), (total / n as f32).ln() + 1.0))
        .collect();
    let feats: Vec<Vec<Features>> = per_doc
        .iter()
        .zip(&stems)
        .map(|(list, st)| {
            list.iter()
                .zip(st)
                .map(|(s, t)| features(snapshot, s, &idf, t))
                .collect()
        })
        .collect();
    let mut pairs: Vec<super::Aligned> = Vec::new();
    for i in 0..per_doc.len() {
        for j in 0..per_doc.len() {
            if i == j {
                continue;
            }
            for (si, fa) in feats[i].iter().enumerate() {
                let best = feats[j]
                    .iter()
                    .enumerate()
                    .map(|(sj, fb)| (sj, similarity(fa, fb)))
                    .max_by(|x, y| x.1.total_cmp(&y.1));
                if let Some((sj, score)) = best.filter(|b| b.1 >= THRESHOLD) {
                    let (a, b) = if i < j {
                        (per_doc[i][si], per_doc[j][sj])
                    } else {
                        (per_doc[j][sj], per_doc[i][si])
                    };
                    if !pairs.iter().any(|p| p.a == a && p.b == b) {
                        pairs.push(super::Aligned { a, b, score });
                    }
                }
            }
        }
    }
    crate::order::sort_by(&mut pairs, |x, y| {
        (x.a.doc, x.a.sentence, x.b.doc, x.b.sentence).cmp(&(
            y.a.doc,
            y.a.sentence,
            y.b.doc,
            y.b.sentence,
        ))
    });
    pairs
}
