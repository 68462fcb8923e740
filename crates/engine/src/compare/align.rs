//! Sentence alignment: TF-IDF cosine over analysed stems, boosted by shared entities and shared
//! figures, best counterpart per sentence and article above a threshold.

use super::counted::Counted;
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
/// …and more when the two figures are of about the same size (11.000 and 15.000, 9,7 and 10).
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

/// Content stems of a sentence; a counted noun of a synonym group stands for its group
/// (`Todesopfer` and `Tote` are one term), so reports in different words still meet.
fn terms(text: &str) -> Vec<String> {
    analyze(text, 0)
        .0
        .into_iter()
        .filter(|t| !t.whole && t.term.chars().count() > 2 && !STOPWORDS.contains(&t.term.as_str()))
        .map(|t| {
            let word = &text[t.start..t.end];
            match word
                .starts_with(char::is_uppercase)
                .then(|| super::counted::group_of_noun(word))
                .flatten()
            {
                Some(g) => format!("#{}", super::counted::GROUPS[g].label),
                None => stem(word),
            }
        })
        .collect()
}

/// A sentence's features: weighted terms, entities, what its figures count and their values.
struct Features {
    vector: HashMap<String, f32>,
    norm: f32,
    entities: Vec<u32>,
    /// The places among them.
    places: Vec<u32>,
    figures: Vec<(Counted, f64)>,
    /// The terms of the sentence with those of its neighbours in the same paragraph at half
    /// weight, for sentences that lean on the one before (`Deren Veranstalter sprachen von …`).
    context: HashMap<String, f32>,
    context_norm: f32,
    context_entities: Vec<u32>,
}

fn features(
    snapshot: &Snapshot,
    s: &SentenceRef,
    idf: &HashMap<String, f32>,
    stems: &[String],
    figures: Vec<(Counted, f64)>,
) -> Features {
    let mut vector: HashMap<String, f32> = HashMap::new();
    for t in stems {
        *vector.entry(t.clone()).or_default() += idf.get(t).copied().unwrap_or(0.0);
    }
    let norm = vector.values().map(|w| w * w).sum::<f32>().sqrt();
    let mut entities: Vec<u32> = snapshot
        .mentions_of(s.doc as usize)
        .iter()
        .filter(|m| m.start >= s.start && m.end <= s.end)
        .map(|m| m.entity)
        .collect();
    crate::order::sort_by(&mut entities, Ord::cmp);
    entities.dedup();
    let places = entities
        .iter()
        .copied()
        .filter(|&e| {
            snapshot
                .entities
                .get(e as usize)
                .is_some_and(|x| x.kind == crate::entities::EntityKind::Place)
        })
        .collect();
    Features {
        vector,
        norm,
        entities,
        places,
        figures,
        context: HashMap::new(),
        context_norm: 0.0,
        context_entities: Vec::new(),
    }
}

fn cosine(a: &HashMap<String, f32>, na: f32, b: &HashMap<String, f32>, nb: f32) -> f32 {
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    let dot: f32 = a.iter().filter_map(|(t, w)| b.get(t).map(|v| w * v)).sum();
    dot / (na * nb)
}

/// Whether two values are about the same size: the same order of magnitude or within half of
/// each other (`9,7` and `10`).
pub fn similar_values(a: f64, b: f64) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    let magnitude = |v: f64| {
        if v <= 0.0 {
            0
        } else {
            v.log10().floor() as i32
        }
    };
    magnitude(lo) == magnitude(hi) || (lo > 0.0 && hi / lo <= 1.5)
}

/// The text evidence that two sentences report the same thing: TF-IDF cosine plus shared
/// entities.
fn text_similarity(a: &Features, b: &Features) -> f32 {
    let shared_entities = a.entities.iter().filter(|e| b.entities.contains(e)).count();
    cosine(&a.vector, a.norm, &b.vector, b.norm) + ENTITY_BOOST * shared_entities.min(3) as f32
}

fn similarity(a: &Features, b: &Features) -> f32 {
    let same_figure = a.figures.iter().any(|(g, v)| {
        b.figures
            .iter()
            .any(|(h, w)| g.meets(h) && similar_values(*v, *w))
    });
    let same_group = a
        .figures
        .iter()
        .any(|(g, _)| b.figures.iter().any(|(h, _)| g.meets(h)));
    let figure_boost = if same_figure {
        SAME_FIGURE_BOOST
    } else if same_group {
        FIGURE_BOOST
    } else {
        0.0
    };
    text_similarity(a, b) + figure_boost
}

/// Sentence features of the compared articles, to score any pair of their sentences.
pub struct Scorer {
    features: Vec<Vec<Features>>,
}

impl Scorer {
    /// Features of the sentences `per_doc`, with what their figures count (`figures[i]`: per
    /// sentence of article `i`, the counted thing and value of each figure in it).
    pub fn new(
        snapshot: &Snapshot,
        per_doc: &[Vec<SentenceRef>],
        figures: &[Vec<Vec<(Counted, f64)>>],
    ) -> Scorer {
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
        let mut features: Vec<Vec<Features>> = per_doc
            .iter()
            .zip(&stems)
            .enumerate()
            .map(|(i, (list, st))| {
                list.iter()
                    .zip(st)
                    .enumerate()
                    .map(|(n, (s, t))| {
                        let f = figures
                            .get(i)
                            .and_then(|per| per.get(n))
                            .cloned()
                            .unwrap_or_default();
                        features(snapshot, s, &idf, t, f)
                    })
                    .collect()
            })
            .collect();
        for (list, feats) in per_doc.iter().zip(&mut features) {
            let same_block = |a: &SentenceRef, b: &SentenceRef| {
                snapshot.docs.get(a.doc as usize).is_some_and(|d| {
                    d.main_blocks()
                        .any(|k| k.start <= a.start.min(b.start) && a.end.max(b.end) <= k.end)
                })
            };
            let contexts: Vec<(HashMap<String, f32>, Vec<u32>)> = (0..list.len())
                .map(|n| {
                    let mut ctx = feats[n].vector.clone();
                    let mut entities = feats[n].entities.clone();
                    let around = [n.checked_sub(1), Some(n + 1)];
                    for m in around.into_iter().flatten() {
                        if m < list.len() && same_block(&list[n], &list[m]) {
                            for (t, w) in &feats[m].vector {
                                *ctx.entry(t.clone()).or_default() += w * 0.5;
                            }
                            entities.extend(&feats[m].entities);
                        }
                    }
                    crate::order::sort_by(&mut entities, Ord::cmp);
                    entities.dedup();
                    (ctx, entities)
                })
                .collect();
            for (f, (ctx, entities)) in feats.iter_mut().zip(contexts) {
                f.context_norm = ctx.values().map(|w| w * w).sum::<f32>().sqrt();
                f.context = ctx;
                f.context_entities = entities;
            }
        }
        Scorer { features }
    }

    /// Text evidence (cosine and shared entities, no figures) that sentence `a` of article `i`
    /// and sentence `b` of article `j` report the same thing.
    pub fn text(&self, (i, a): (usize, usize), (j, b): (usize, usize)) -> f32 {
        match (
            self.features.get(i).and_then(|f| f.get(a)),
            self.features.get(j).and_then(|f| f.get(b)),
        ) {
            (Some(x), Some(y)) => text_similarity(x, y),
            _ => 0.0,
        }
    }

    /// Whether the two sentences each name places but none in common (`in Hamburg` against
    /// `in Berlin`), a sign that their figures are about different things.
    pub fn other_places(&self, (i, a): (usize, usize), (j, b): (usize, usize)) -> bool {
        match (
            self.features.get(i).and_then(|f| f.get(a)),
            self.features.get(j).and_then(|f| f.get(b)),
        ) {
            (Some(x), Some(y)) => {
                !x.places.is_empty()
                    && !y.places.is_empty()
                    && !x.places.iter().any(|p| y.places.contains(p))
            }
            _ => false,
        }
    }

    /// Like [`Scorer::text`], over the sentences with their neighbours (see `Features`).
    pub fn context(&self, (i, a): (usize, usize), (j, b): (usize, usize)) -> f32 {
        match (
            self.features.get(i).and_then(|f| f.get(a)),
            self.features.get(j).and_then(|f| f.get(b)),
        ) {
            (Some(x), Some(y)) => {
                let shared = x
                    .context_entities
                    .iter()
                    .filter(|e| y.context_entities.contains(e))
                    .count();
                cosine(&x.context, x.context_norm, &y.context, y.context_norm)
                    + ENTITY_BOOST * shared.min(3) as f32
            }
            _ => 0.0,
        }
    }
}

/// For each sentence, its best counterpart in each other article, if above [`THRESHOLD`].
/// Pairs are listed once, the earlier article's sentence as `a`.
pub fn align(scorer: &Scorer, per_doc: &[Vec<SentenceRef>]) -> Vec<super::Aligned> {
    let feats = &scorer.features;
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
