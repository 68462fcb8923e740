//! Middle parts of compounds (`Luft|abwehr|system` → `abwehr`), found once at build time so
//! that a query word finds the compounds it sits inside with one exact lookup, not a scan of
//! every stem.
//!
//! A part counts as a middle only where the compound splits into words the corpus knows on
//! both sides: a known head (optionally followed by a linking element) before it and a known
//! tail after it. Without that guard any stretch of letters would be a "part" (`ration` in
//! `Kooperationsvertrag`). The split is not a German compound analyser: it knows no
//! dictionary beyond the corpus, so a compound whose head or tail the corpus never uses on its
//! own is not split, and a head that happens to be a word (`Gene|rations…`) can split wrongly.

use std::collections::{BTreeMap, HashSet};

/// Linking elements between the parts of a German compound (`Friedens|mission`).
pub const LINKING_ELEMENTS: &[&str] = &["s", "es", "n", "en", "er", "e"];

/// Shortest head or tail (characters) that counts as a known word around a middle part:
/// shorter words (`ab`, `an`) begin and end too many unrelated words.
const SIDE_MIN_CHARS: usize = 3;

/// Shortest middle part (characters), the shortest stem of a query word matched in compounds.
const MIDDLE_MIN_CHARS: usize = 4;

/// The middle parts of `stem` (stems and folded terms are lowercase): every stretch between a
/// known head (possibly plus a linking element) and a known tail, also without a trailing
/// linking element (`aufbaus` → `aufbau`). A stretch one or two letters shorter than a known
/// word that ends at the same place is not a part: in `Grund|stücks|verkauf` the part is
/// `stück`, not `tück`.
pub fn middle_parts(stem: &str, known: &impl Fn(&str) -> bool) -> Vec<String> {
    let bounds: Vec<usize> = stem
        .char_indices()
        .map(|(i, _)| i)
        .chain([stem.len()])
        .collect();
    let chars = bounds.len() - 1;
    if chars < 2 * SIDE_MIN_CHARS + MIDDLE_MIN_CHARS {
        return Vec::new();
    }
    // Where a middle may start (after a known head) and end (before a known tail), as indices
    // into `bounds`.
    let mut starts: Vec<usize> = Vec::new();
    for h in SIDE_MIN_CHARS..chars {
        if known(&stem[..bounds[h]]) {
            starts.push(h);
            for link in LINKING_ELEMENTS {
                if stem[bounds[h]..].starts_with(link) {
                    starts.push(h + link.chars().count());
                }
            }
        }
    }
    let ends: Vec<usize> = (1..=chars - SIDE_MIN_CHARS)
        .filter(|&t| known(&stem[bounds[t]..]))
        .collect();
    let mut out = Vec::new();
    for &s in &starts {
        for &e in &ends {
            if e < s + MIDDLE_MIN_CHARS {
                continue;
            }
            let part = &stem[bounds[s]..bounds[e]];
            let longer_word = (1..=2).filter(|d| s >= *d).any(|d| {
                let span = &stem[bounds[s - d]..bounds[e]];
                known(span)
                    || LINKING_ELEMENTS
                        .iter()
                        .any(|link| span.strip_suffix(link).is_some_and(known))
            });
            if longer_word {
                continue;
            }
            out.push(part.to_string());
            for link in LINKING_ELEMENTS {
                if let Some(base) = part.strip_suffix(link) {
                    if base.chars().count() >= MIDDLE_MIN_CHARS {
                        out.push(base.to_string());
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Middle part → the stem groups (ids in `stems`' key order) of the compounds it is inside.
pub fn middle_index<'a>(
    stems: impl Iterator<Item = &'a str>,
    vocabulary: &HashSet<&str>,
) -> BTreeMap<String, Vec<u32>> {
    let known = |word: &str| vocabulary.contains(word);
    let mut out: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (group, stem) in stems.enumerate() {
        for part in middle_parts(stem, &known) {
            out.entry(part).or_default().push(group as u32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (compound stem, words the corpus knows, parts it must have, parts it must not have)
    const CASES: &[(&str, &[&str], &[&str], &[&str])] = &[
        ("luftabwehrsystem", &["luft", "system"], &["abwehr"], &[]),
        (
            "wiederaufbauplan",
            &["wie", "wieder", "plan", "wiederaufbau"],
            &["aufbau"],
            &[],
        ),
        // A linking element after the head or before the tail.
        (
            "friedensmissionsleiter",
            &["frieden", "leiter"],
            &["mission", "missions"],
            &[],
        ),
        // `Stück`, not `Tücke`, sits in `Grundstücksverkauf`.
        (
            "grundstucksverkauf",
            &["grund", "stuck", "verkauf"],
            &["stuck"],
            &["tuck", "tucks"],
        ),
        // No known tail: no middle (this is a head or tail match, if anything).
        ("luftabwehrsystem", &["luft"], &[], &["abwehr"]),
        // No known head: `Kooperation` is no `Koope|ration`.
        ("kooperationsvertrag", &["vertrag"], &[], &["ration"]),
        ("abc", &["a"], &[], &[]),
    ];

    #[test]
    fn middles_need_known_words_on_both_sides() {
        for &(stem, words, wanted, unwanted) in CASES {
            let known = |w: &str| words.contains(&w);
            let parts = middle_parts(stem, &known);
            for w in wanted {
                assert!(parts.iter().any(|p| p == w), "{stem}: {parts:?}");
            }
            for w in unwanted {
                assert!(parts.iter().all(|p| p != w), "{stem}: {parts:?}");
            }
            if wanted.is_empty() {
                assert!(parts.is_empty(), "{stem}: {parts:?}");
            }
        }
    }

    #[test]
    fn middle_index_maps_parts_to_stem_groups() {
        let vocabulary: HashSet<&str> = ["luft", "system", "raum"].into_iter().collect();
        let stems = ["abwehr", "luftabwehrsystem", "raumabwehrsystem"];
        let map = middle_index(stems.into_iter(), &vocabulary);
        assert_eq!(map.get("abwehr"), Some(&vec![1, 2]));
    }
}
