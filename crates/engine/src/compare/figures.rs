//! Figures side by side: figures about the same counted thing (noun or synonym group, same
//! order of magnitude) in one row, with each article's values, attribution and a discrepancy
//! flag with the relative difference.
//!
//! Limits: "the same thing" is decided by the counted noun's synonym group and the order of
//! magnitude, not by reading the sentence; two figures about different events with the same noun
//! and magnitude share a row, and the sentence (shown on hover in the app) is the check.

use super::attribution::attribution;
use crate::analyze::sentence::sentences;
use crate::analyze::stem::stem;
use crate::document::Document;
use crate::figures::Figure;
use crate::snapshot::Snapshot;
use serde::Serialize;

/// Counted nouns that name the same kind of thing.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "Soldaten",
        &[
            "soldat",
            "soldaten",
            "truppen",
            "truppe",
            "mann",
            "infanterist",
            "infanteristen",
            "kampfer",
            "streitkraft",
            "streitkrafte",
        ],
    ),
    ("US-Dollar", &["us-dollar", "dollar", "usd"]),
    ("Euro", &["euro"]),
    (
        "Menschen",
        &["mensch", "menschen", "personen", "person", "leute"],
    ),
];

/// The comparison group of a figure: its synonym group or its noun's stem; `~` without noun.
pub fn group_of(figure: &Figure) -> String {
    let Some(noun) = figure.noun.as_deref() else {
        return "~".into();
    };
    let folded = crate::analyze::fold::fold(noun);
    let stemmed = stem(noun);
    for (label, words) in SYNONYMS {
        if words.contains(&folded.as_str()) || words.contains(&stemmed.as_str()) {
            return (*label).to_string();
        }
    }
    stemmed
}

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
}

/// A row of comparable figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    /// What is counted (synonym group or noun).
    pub label: String,
    /// The noun as first written.
    pub noun: String,
    /// Values per compared article (same order as the comparison's docs).
    pub values: Vec<Vec<Value>>,
    /// Source named for the figure per article (`laut …`, `Schätzungen der …`), if any.
    pub attribution: Vec<Option<String>>,
    /// Whether at least two articles report it and their values differ.
    pub differ: bool,
    /// Largest first value over smallest first value, minus one (0.36 for 11.000 vs 15.000).
    pub relative_difference: Option<f64>,
}

/// The attribution of a figure: its own sentence, else one of the next two, else the previous one
/// in the same block ("… 11.000 Soldaten. … Die Angaben beruhen auf Schätzungen der … Geheimdienste.").
fn attribution_near(doc: &Document, figure: &Figure) -> Option<String> {
    let own = doc.text.get(figure.sentence_start..figure.sentence_end)?;
    if let Some(a) = attribution(own) {
        return Some(a);
    }
    let block = doc
        .main_blocks()
        .find(|b| b.start as usize <= figure.start && figure.end <= b.end as usize)?;
    let text = doc.block_text(block);
    let list = sentences(text);
    let at = list.iter().position(|&(s, e)| {
        block.start as usize + s <= figure.start && figure.end <= block.start as usize + e
    })?;
    let neighbour = |i: usize| list.get(i).and_then(|&(s, e)| attribution(&text[s..e]));
    neighbour(at + 1)
        .or_else(|| neighbour(at + 2))
        .or_else(|| at.checked_sub(1).and_then(neighbour))
}

/// Order of magnitude of a value (`11.000` → 4).
pub fn magnitude(value: f64) -> i32 {
    if value <= 0.0 {
        0
    } else {
        value.log10().floor() as i32
    }
}

/// Rows for the compared documents `chosen` (snapshot indices; `documents` in the same order).
pub fn rows(snapshot: &Snapshot, chosen: &[usize], documents: &[&Document]) -> Vec<FigureRow> {
    let n = chosen.len();
    let mut rows: Vec<(String, i32, FigureRow)> = Vec::new();
    for (i, (&d, doc)) in chosen.iter().zip(documents).enumerate() {
        for figure in snapshot.figures.get(d).into_iter().flatten() {
            let Some(noun) = figure.noun.clone() else {
                continue;
            };
            let key = (group_of(figure), magnitude(figure.value));
            let value = Value {
                value: figure.value,
                value_max: figure.value_max,
                approx: figure.approx,
                text: doc
                    .text
                    .get(figure.start..figure.end)
                    .unwrap_or_default()
                    .to_string(),
                sentence: doc
                    .text
                    .get(figure.sentence_start..figure.sentence_end)
                    .unwrap_or_default()
                    .to_string(),
                start: figure.start,
            };
            let row = match rows
                .iter_mut()
                .position(|(g, m, _)| *g == key.0 && *m == key.1)
            {
                Some(at) => &mut rows[at].2,
                None => {
                    rows.push((
                        key.0.clone(),
                        key.1,
                        FigureRow {
                            // A synonym group keeps its name; otherwise the noun as written.
                            label: if SYNONYMS.iter().any(|(l, _)| *l == key.0) {
                                key.0.clone()
                            } else {
                                noun.clone()
                            },
                            noun,
                            values: vec![Vec::new(); n],
                            attribution: vec![None; n],
                            differ: false,
                            relative_difference: None,
                        },
                    ));
                    &mut rows.last_mut().expect("just pushed").2
                }
            };
            if row.attribution[i].is_none() {
                row.attribution[i] = attribution_near(doc, figure);
            }
            row.values[i].push(value);
        }
    }
    let mut out: Vec<FigureRow> = rows
        .into_iter()
        .map(|(_, _, mut row)| {
            let firsts: Vec<f64> = row
                .values
                .iter()
                .filter_map(|v| v.first().map(|x| x.value))
                .collect();
            if firsts.len() >= 2 {
                let max = firsts.iter().copied().fold(f64::MIN, f64::max);
                let min = firsts.iter().copied().fold(f64::MAX, f64::min);
                row.differ = max != min;
                if min > 0.0 {
                    row.relative_difference = Some(max / min - 1.0);
                }
            }
            row
        })
        .collect();
    // Rows several articles report come first, discrepancies first among them.
    crate::order::sort_by_key(&mut out, |r| {
        let reporting = r.values.iter().filter(|v| !v.is_empty()).count();
        (std::cmp::Reverse(reporting), !r.differ)
    });
    out
}
