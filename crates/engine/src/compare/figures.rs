//! Figures side by side: one row per fact, with each article's value, the source its clause
//! names, and a discrepancy flag with the relative difference.
//!
//! What a figure counts comes from its noun and clause ([`super::counted`]); who says it from
//! its clause ([`super::attribution`]). Two figures of different articles may meet in one row
//! when they count the same thing (or one a narrower kind of the other) and their sentences say
//! the same: text evidence from [`super::align::Scorer`] (shared words, group terms and
//! entities, of the sentences or of them with their neighbours). Their size does not keep them
//! apart: `mehr als 1.000 Container` against `10.000 Container` in sentences about the same
//! thing is the disagreement a reader looks for; but the further apart the values, the more
//! evidence a pair needs. A pair scores better for the same source, closer values, the same
//! noun group, and when both are their article's first figure of that thing and of about the
//! same size (a lead's figure, which then needs no shared words), and worse when the sentences
//! name different places. Per pair of articles the best one-to-one pairing is taken (not the
//! greedy one), and pairs join rows best first. A row holds one value per article (an article's
//! headline and body may both give it), so an article's two figures of one kind (the police's
//! and the organisers' count) are two rows, and the other article's figures go to the closer
//! one.
//!
//! Limits: the evidence is the sentences' words, not their meaning; two reports of different
//! events in similar words can meet, and a fact told in entirely different words stays in
//! rows of its own. The sentence (shown on hover in the app) is the check.

use super::align::Scorer;
use super::attribution::{back_reference, refers_to_previous, sentence_source, source_at};
use super::counted::Counted;
use super::SentenceRef;
use crate::analyze::fold::fold;
use crate::document::Document;
use crate::figures::Figure;
use serde::Serialize;

/// Least text evidence (cosine plus shared entities) for two figures to meet.
const LINK_MIN: f32 = 0.06;
/// Subtracted from every pair's score before the best pairing: the pairing then prefers one
/// well-evidenced pair to two weak ones, and pairs below it are no pairs.
const MATCH_BASE: f32 = 0.25;
/// More text evidence needed per factor of ten between the two values.
const RATIO_EVIDENCE: f32 = 0.1;
/// How much the sentences with their neighbours count as evidence, against the sentences alone.
const CONTEXT_WEIGHT: f32 = 0.8;
/// Added when both figures name the same source.
const SOURCE_WEIGHT: f32 = 0.15;
/// Added at most for close values (nothing at a factor of ten or more).
const CLOSENESS_WEIGHT: f32 = 0.3;
/// Added when both are their article's first figure of what they count, of about the same size.
const FIRST_WEIGHT: f32 = 0.1;
/// Values further apart than this factor join a row only if every such pair could share one.
const FAR_RATIO: f64 = 5.0;
/// Subtracted when the two sentences name different places and none in common.
const PLACE_WEIGHT: f32 = 0.2;
/// Added when both count exactly the same thing (not one group within the other).
const SAME_THING_WEIGHT: f32 = 0.05;

/// One value as an article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// The value (lower end of a range).
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Approximate (rund, Zehntausende…).
    pub approx: bool,
    /// The figure as written (`rund 10.000 nordkoreanischen Soldaten`).
    pub text: String,
    /// Its sentence.
    pub sentence: String,
    /// Byte offset of the figure in the document text.
    pub start: usize,
    /// The source its clause names (`der Polizei`, `das Aktionsbündnis „…“`), if any.
    pub attribution: Option<String>,
}

/// A row of comparable figures: one fact as each article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    /// What is counted (synonym group or noun).
    pub label: String,
    /// The noun as first written.
    pub noun: String,
    /// Values per compared article (same order as the comparison's docs).
    pub values: Vec<Vec<Value>>,
    /// Per article, the source named for its value (the first of its values that names one).
    pub attribution: Vec<Option<String>>,
    /// Whether at least two articles report it and their values differ.
    pub differ: bool,
    /// Largest first value over smallest first value, minus one (0.36 for 11.000 vs 15.000).
    pub relative_difference: Option<f64>,
}

impl FigureRow {
    /// The value to show for article `i`: an article's repeats of one figure in a row are the
    /// same value, so one stands for all, the first written exactly (`160.000` before `rund
    /// 160.000`), else the first.
    pub fn shown(&self, i: usize) -> Option<&Value> {
        let values = self.values.get(i)?;
        values.iter().find(|v| !v.approx).or_else(|| values.first())
    }
}

/// A figure of a compared article, read for the comparison.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Its sentence, as an index into the article's [`SentenceRef`]s.
    pub sentence: usize,
    /// What it counts; `None` leaves it out of the rows.
    pub counted: Option<Counted>,
    /// The noun as written.
    pub noun: Option<String>,
    /// A vague plural (`Zehntausende`), which only meets another vague figure.
    pub vague: bool,
    /// Whether it is its article's first figure of what it counts (the lead's figure, as a
    /// news article puts its main fact first).
    pub first: bool,
    /// The value as shown.
    pub value: Value,
}

/// The facts of one compared article: its figures with what they count and who says them.
pub fn facts(doc: &Document, figures: &[Figure], sentences: &[SentenceRef]) -> Vec<Fact> {
    let mut out: Vec<Fact> = figures
        .iter()
        .map(|figure| {
            let sentence_text = doc
                .text
                .get(figure.sentence_start..figure.sentence_end)
                .unwrap_or_default();
            let at = figure.start.saturating_sub(figure.sentence_start);
            let sentence = sentences
                .iter()
                .position(|s| s.start as usize <= figure.start && figure.end <= s.end as usize)
                .unwrap_or(usize::MAX);
            let clause = super::attribution::clause_words(sentence_text, at);
            // The first clause word after the figure, for a partitive (`91 der …`).
            let number_end = figure.end.saturating_sub(figure.sentence_start);
            let after = clause
                .iter()
                .position(|t| t.start >= number_end)
                .unwrap_or(clause.len());
            let written = doc.text.get(figure.start..figure.end).unwrap_or_default();
            Fact {
                sentence,
                counted: super::counted::counted(figure.noun.as_deref(), &clause, after),
                vague: is_vague(written),
                first: false,
                noun: figure.noun.clone(),
                value: Value {
                    value: figure.value,
                    value_max: figure.value_max,
                    approx: figure.approx,
                    text: doc
                        .text
                        .get(figure.start..figure.end)
                        .unwrap_or_default()
                        .to_string(),
                    sentence: sentence_text.to_string(),
                    start: figure.start,
                    attribution: source_of(doc, sentences, sentence, sentence_text, at),
                },
            }
        })
        .collect();
    for k in 0..out.len() {
        let earlier = out[..k]
            .iter()
            .any(|f| f.counted.is_some() && f.counted == out[k].counted);
        out[k].first = out[k].counted.is_some() && !earlier;
    }
    out
}

/// Whether a figure as written is a vague plural (`Zehntausende`, `Millionen Menschen`): no
/// digits and no number word (`vier Milliarden` is no vague plural).
fn is_vague(written: &str) -> bool {
    use crate::figures::lexicon::is_article_one;
    use crate::figures::numerals::parse_number_word;
    !written.contains(|c: char| c.is_ascii_digit())
        && !written
            .split_whitespace()
            .any(|w| parse_number_word(&w.to_lowercase()).is_some() || is_article_one(w))
}

/// The source of a figure at byte `at` of sentence `n`: its clause's; else, when its sentence
/// names none at all, that of a figure-free sentence within the next two that refers back to it
/// (`Die Angaben beruhen auf Schätzungen der …`); or, for `Demnach …`, the previous sentence's.
fn source_of(
    doc: &Document,
    sentences: &[SentenceRef],
    n: usize,
    text: &str,
    at: usize,
) -> Option<String> {
    if let Some(s) = source_at(text, at) {
        return Some(s);
    }
    let sentence_text = |i: usize| {
        sentences
            .get(i)
            .and_then(|s| doc.text.get(s.start as usize..s.end as usize))
    };
    // Neighbours only within the same block.
    let block = doc.main_blocks().find(|b| {
        sentences
            .get(n)
            .is_some_and(|s| b.start <= s.start && s.end <= b.end)
    })?;
    let in_block = |i: usize| {
        sentences
            .get(i)
            .is_some_and(|s| block.start <= s.start && s.end <= block.end)
    };
    if refers_to_previous(text, at) {
        let p = n.checked_sub(1).filter(|&p| in_block(p))?;
        return sentence_source(sentence_text(p)?);
    }
    if sentence_source(text).is_some() {
        return None;
    }
    for i in n + 1..=n + 2 {
        if !in_block(i) {
            break;
        }
        let next = sentence_text(i)?;
        let has_figure = !crate::figures::extract_text(next).is_empty();
        if !has_figure {
            if let Some(s) = back_reference(next) {
                return Some(s);
            }
        }
        if sentence_source(next).is_some() {
            break;
        }
    }
    None
}

/// A row under construction: its facts as (article, fact) and what they count.
struct Cluster {
    members: Vec<(usize, usize)>,
    counted: Counted,
}

/// Whether two values are the same figure (a headline repeating the body).
fn same_value(a: &Value, b: &Value) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
    close(a.value, b.value)
        && match (a.value_max, b.value_max) {
            (Some(x), Some(y)) => close(x, y),
            (None, None) => true,
            _ => false,
        }
}

/// The content words of a source, to tell whether two sources are the same (`der Polizei` and
/// `Polizei`).
fn source_key(source: &str) -> Vec<String> {
    let mut words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(|w| crate::analyze::stem::stem(&fold(w)))
        .filter(|w| !matches!(w.as_str(), "der" | "die" | "das" | "des" | "dem" | "den"))
        .collect();
    crate::order::sort_by(&mut words, Ord::cmp);
    words.dedup();
    words
}

/// How well two facts of different articles fit one row, or `None` if they may not share one.
fn link_score(scorer: &Scorer, (i, a): (usize, &Fact), (j, b): (usize, &Fact)) -> Option<f32> {
    let (ca, cb) = (a.counted.as_ref()?, b.counted.as_ref()?);
    if !ca.meets(cb) || a.vague != b.vague {
        return None;
    }
    let (x, y) = ((i, a.sentence), (j, b.sentence));
    let text = scorer.text(x, y).max(CONTEXT_WEIGHT * scorer.context(x, y));
    let (lo, hi) = {
        let (x, y) = (a.value.value.abs(), b.value.value.abs());
        (x.min(y), x.max(y))
    };
    let ratio = if lo > 0.0 { hi / lo } else { f64::INFINITY };
    // The further apart the values, the more the sentences must agree; each article's first
    // figure of the same thing, of about the same size, needs no words in common (the lead's
    // `11.000 Soldaten` against another lead's `Schätzungen gehen von 15.000 Soldaten aus`).
    let leads = a.first && b.first && ca == cb && ratio <= 1.5;
    let needed = LINK_MIN + RATIO_EVIDENCE * (ratio.log10().min(10.0) as f32);
    if text < needed && !leads {
        return None;
    }
    let source = match (&a.value.attribution, &b.value.attribution) {
        (Some(x), Some(y)) => {
            let (kx, ky) = (source_key(x), source_key(y));
            if kx.iter().any(|w| ky.contains(w)) {
                SOURCE_WEIGHT
            } else {
                0.0
            }
        }
        _ => 0.0,
    };
    let closeness = (1.0 - ratio.log10().min(1.0)) as f32;
    let same = if ca == cb { SAME_THING_WEIGHT } else { 0.0 };
    let places = if scorer.other_places(x, y) {
        PLACE_WEIGHT
    } else {
        0.0
    };
    let first = if a.first && b.first {
        FIRST_WEIGHT
    } else {
        0.0
    };
    // Evidence beyond what the distance of the values asks for, plus what makes a pair likelier.
    let margin = text - (needed - LINK_MIN);
    Some(margin + source + CLOSENESS_WEIGHT * closeness + same + first - places)
}

/// Rows for the compared articles: `facts[i]` are article `i`'s, `documents` in the same order.
pub fn rows(facts: &[Vec<Fact>], scorer: &Scorer) -> Vec<FigureRow> {
    let n = facts.len();
    let fact = |(i, k): (usize, usize)| &facts[i][k];
    // Each countable fact starts a cluster; an article's repeats of one figure join first.
    let mut clusters: Vec<Cluster> = Vec::new();
    for (i, list) in facts.iter().enumerate() {
        for (k, f) in list.iter().enumerate() {
            let Some(counted) = f.counted.clone() else {
                continue;
            };
            let repeat = clusters.iter().position(|c| {
                c.members.iter().all(|&m| m.0 == i)
                    && c.counted.meets(&counted)
                    && c.members
                        .iter()
                        .any(|&m| same_value(&fact(m).value, &f.value))
            });
            match repeat {
                Some(at) => {
                    let c = &mut clusters[at];
                    c.members.push((i, k));
                    c.counted = c.counted.clone().narrower(counted);
                }
                None => {
                    clusters.push(Cluster {
                        members: vec![(i, k)],
                        counted,
                    });
                }
            }
        }
    }
    // Per pair of articles, the best one-to-one pairing of their clusters; the pairs of all
    // article pairs then join rows best first.
    let mut links: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let left: Vec<usize> = (0..clusters.len())
                .filter(|&c| clusters[c].members[0].0 == i)
                .collect();
            let right: Vec<usize> = (0..clusters.len())
                .filter(|&c| clusters[c].members[0].0 == j)
                .collect();
            let weights: Vec<Vec<f32>> = left
                .iter()
                .map(|&a| {
                    right
                        .iter()
                        .map(|&b| {
                            let mut best = 0.0f32;
                            for &x in &clusters[a].members {
                                for &y in &clusters[b].members {
                                    if let Some(w) =
                                        link_score(scorer, (x.0, fact(x)), (y.0, fact(y)))
                                    {
                                        best = best.max(w);
                                    }
                                }
                            }
                            // Less a base, so that one strong pair beats two weak ones.
                            (best - MATCH_BASE).max(0.0)
                        })
                        .collect()
                })
                .collect();
            for (a, b) in best_pairing(&weights) {
                links.push((weights[a][b], left[a], right[b]));
            }
        }
    }
    crate::order::sort_by(&mut links, |x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| (x.1, x.2).cmp(&(y.1, y.2)))
    });
    let mut merged: Vec<bool> = vec![false; clusters.len()];
    let mut home: Vec<usize> = (0..clusters.len()).collect();
    let find = |home: &Vec<usize>, mut c: usize| {
        while home[c] != c {
            c = home[c];
        }
        c
    };
    for (_, a, b) in links {
        let (ca, cb) = (find(&home, a), find(&home, b));
        if ca == cb || !clusters[ca].counted.meets(&clusters[cb].counted) {
            continue;
        }
        // One value per article and row.
        let clash = clusters[ca].members.iter().any(|&x| {
            clusters[cb]
                .members
                .iter()
                .any(|&y| x.0 == y.0 && !same_value(&fact(x).value, &fact(y).value))
        });
        if clash {
            continue;
        }
        // Every pair of the joined row must be one that could share a row: one strong link
        // must not pull a far-off value (`3 Geiseln` to be released) into a row that others
        // agree on (`91 Geiseln` still held).
        let unsupported = clusters[ca].members.iter().any(|&x| {
            clusters[cb].members.iter().any(|&y| {
                let (a, b) = (fact(x).value.value.abs(), fact(y).value.value.abs());
                let far = a.min(b) * FAR_RATIO < a.max(b);
                x.0 != y.0 && far && link_score(scorer, (x.0, fact(x)), (y.0, fact(y))).is_none()
            })
        });
        if unsupported {
            continue;
        }
        let (keep, gone) = (ca.min(cb), ca.max(cb));
        let moved = std::mem::take(&mut clusters[gone].members);
        let counted = clusters[gone].counted.clone();
        clusters[keep].members.extend(moved);
        clusters[keep].counted = clusters[keep].counted.clone().narrower(counted);
        merged[gone] = true;
        home[gone] = keep;
    }
    let mut out: Vec<FigureRow> = clusters
        .into_iter()
        .zip(merged)
        .filter(|(_, gone)| !gone)
        .map(|(mut c, _)| {
            crate::order::sort_by(&mut c.members, Ord::cmp);
            row(&c, facts, n)
        })
        .collect();
    // Rows several articles report come first, discrepancies first among them.
    crate::order::sort_by_key(&mut out, |r| {
        let reporting = r.values.iter().filter(|v| !v.is_empty()).count();
        (std::cmp::Reverse(reporting), !r.differ)
    });
    out
}

/// The pairs `(row, column)` of a one-to-one pairing with the largest total weight, leaving out
/// pairs of weight zero (no link). The Hungarian method on the square matrix padded with
/// zeros; `weights` is small (an article's figures by those of another).
fn best_pairing(weights: &[Vec<f32>]) -> Vec<(usize, usize)> {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    let size = rows.max(cols);
    if size == 0 {
        return Vec::new();
    }
    let max = weights.iter().flatten().copied().fold(0.0f32, f32::max) as f64;
    // Costs to minimise, 1-based as in the classic formulation.
    let cost = |r: usize, c: usize| -> f64 {
        let w = weights
            .get(r)
            .and_then(|row| row.get(c))
            .copied()
            .unwrap_or(0.0);
        max - w as f64
    };
    let mut u = vec![0.0f64; size + 1];
    let mut v = vec![0.0f64; size + 1];
    let mut way = vec![0usize; size + 1];
    let mut owner = vec![0usize; size + 1]; // column → row (1-based, 0 = none)
    for r in 1..=size {
        owner[0] = r;
        let mut col = 0usize;
        let mut least = vec![f64::INFINITY; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[col] = true;
            let row = owner[col];
            let mut delta = f64::INFINITY;
            let mut next = 0usize;
            for c in 1..=size {
                if used[c] {
                    continue;
                }
                let reduced = cost(row - 1, c - 1) - u[row] - v[c];
                if reduced < least[c] {
                    least[c] = reduced;
                    way[c] = col;
                }
                if least[c] < delta {
                    delta = least[c];
                    next = c;
                }
            }
            for c in 0..=size {
                if used[c] {
                    u[owner[c]] += delta;
                    v[c] -= delta;
                } else {
                    least[c] -= delta;
                }
            }
            col = next;
            if owner[col] == 0 {
                break;
            }
        }
        loop {
            let prev = way[col];
            owner[col] = owner[prev];
            col = prev;
            if col == 0 {
                break;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = (1..=size)
        .filter(|&c| owner[c] != 0)
        .map(|c| (owner[c] - 1, c - 1))
        .filter(|&(r, c)| r < rows && c < cols && weights[r][c] > 0.0)
        .collect();
    crate::order::sort_by(&mut out, Ord::cmp);
    out
}

/// The row of a finished cluster.
fn row(c: &Cluster, facts: &[Vec<Fact>], n: usize) -> FigureRow {
    let mut values: Vec<Vec<Value>> = vec![Vec::new(); n];
    for &(i, k) in &c.members {
        values[i].push(facts[i][k].value.clone());
    }
    let noun = c
        .members
        .iter()
        .find_map(|&(i, k)| facts[i][k].noun.clone())
        .unwrap_or_default();
    let attribution = values
        .iter()
        .map(|v| v.iter().find_map(|x| x.attribution.clone()))
        .collect();
    let firsts: Vec<f64> = values
        .iter()
        .filter_map(|v| v.first().map(|x| x.value))
        .collect();
    let (mut differ, mut relative_difference) = (false, None);
    if firsts.len() >= 2 {
        let max = firsts.iter().copied().fold(f64::MIN, f64::max);
        let min = firsts.iter().copied().fold(f64::MAX, f64::min);
        differ = max != min;
        if min > 0.0 {
            relative_difference = Some(max / min - 1.0);
        }
    }
    // A synonym group keeps its name, unless the row has one compound of it only
    // (`Bausoldaten`); a noun in no group is shown as written.
    let nouns: Vec<String> = c
        .members
        .iter()
        .filter_map(|&(i, k)| facts[i][k].noun.as_deref())
        .map(crate::analyze::stem::stem)
        .collect();
    let one_compound = !nouns.is_empty()
        && nouns.iter().all(|x| *x == nouns[0])
        && super::counted::is_compound(&noun);
    let label = match c.counted.label() {
        Some(l) if !one_compound => l.to_string(),
        _ => noun.clone(),
    };
    FigureRow {
        label,
        noun,
        values,
        attribution,
        differ,
        relative_difference,
    }
}

#[cfg(test)]
mod tests {
    use super::{best_pairing, FigureRow, Value};

    fn value(value: f64, approx: bool) -> Value {
        Value {
            value,
            value_max: None,
            approx,
            text: String::new(),
            sentence: String::new(),
            start: 0,
            attribution: None,
        }
    }

    #[test]
    fn a_cell_shows_one_value_the_exact_one_first() {
        let row = FigureRow {
            label: "Teilnehmer".into(),
            noun: "Menschen".into(),
            values: vec![
                vec![value(160_000.0, true), value(160_000.0, false)],
                vec![value(120_000.0, true), value(120_000.0, true)],
                vec![],
            ],
            attribution: vec![None; 3],
            differ: true,
            relative_difference: None,
        };
        let shown = |i| row.shown(i).map(|v| (v.value, v.approx));
        assert_eq!(shown(0), Some((160_000.0, false)));
        assert_eq!(shown(1), Some((120_000.0, true)));
        assert_eq!(shown(2), None);
        assert_eq!(shown(3), None);
    }

    #[test]
    fn the_best_pairing_beats_the_greedy_one() {
        // Greedy would take 0.9 first and be left with 0.1; the best total pairs across.
        let w = vec![vec![0.9, 0.8], vec![0.7, 0.1]];
        assert_eq!(best_pairing(&w), vec![(0, 1), (1, 0)]);
        // No link, no pair; rectangular matrices.
        assert_eq!(best_pairing(&[vec![0.0, 0.5, 0.0]]), vec![(0, 1)]);
        assert_eq!(best_pairing(&[vec![0.0], vec![0.0]]), vec![]);
        assert_eq!(best_pairing(&[]), vec![]);
    }
}
