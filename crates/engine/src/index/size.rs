//! What the index's size is made of, for size reports (`cargo xtask bench`), not for search:
//! the least any exact index needs for its document sets and weights, and the index without
//! positions, which is what must load before a first search if positions become a shard of
//! their own.

use super::{Index, PostingList, WEIGHT_SCALE};
use std::collections::HashMap;

/// Lower limits, in bytes, for any index that answers single-term queries exactly over the
/// same corpus (see [`lower_bound`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SizeBound {
    /// Which documents hold each term: Σ over terms of log2 C(documents, df), the entropy of a
    /// document set of that size.
    pub doc_sets: f64,
    /// The stored weights (field-weighted term frequencies), at their zeroth-order entropy
    /// over all postings.
    pub weights: f64,
    /// Number of postings (term–document pairs).
    pub postings: usize,
}

/// Computes the [`SizeBound`] of an index's postings. Terms and positions are not counted.
pub fn lower_bound(index: &Index) -> SizeBound {
    let documents = index.doc_count();
    let mut doc_set_bits = 0.0;
    let mut weight_counts: HashMap<u32, usize> = HashMap::new();
    let mut postings = 0;
    for term in 0..index.term_count() {
        let list = index.postings(term as u32);
        doc_set_bits += log2_binomial(documents, list.len());
        for (_, weight) in list.docs() {
            let units = (weight * WEIGHT_SCALE).round() as u32;
            *weight_counts.entry(units).or_default() += 1;
            postings += 1;
        }
    }
    let weight_bits: f64 = weight_counts
        .values()
        .map(|&n| {
            let p = n as f64 / postings as f64;
            -(n as f64) * p.log2()
        })
        .sum();
    SizeBound {
        doc_sets: doc_set_bits / 8.0,
        weights: weight_bits / 8.0,
        postings,
    }
}

/// log2 of the binomial coefficient C(n, k), summed term by term (exact enough for sizes; no
/// overflow for any n).
fn log2_binomial(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    (1..=k)
        .map(|i| ((n - k + i) as f64 / i as f64).log2())
        .sum()
}

/// A copy of `index` whose postings keep document gaps and weights but no position counts and
/// positions: everything scoring needs, nothing phrases and snippets need. Reading positions
/// from it finds none.
pub fn without_positions(index: &Index) -> Index {
    let mut postings =
        Vec::with_capacity(index.postings_offsets.last().copied().unwrap_or(0) as usize);
    let mut offsets = Vec::with_capacity(index.postings_offsets.len());
    offsets.push(0);
    for term in 0..index.term_count() {
        let bytes = index.postings_bytes(term as u32);
        let kept = bytes.len() - PostingList::new(bytes).position_bytes();
        postings.extend_from_slice(&bytes[..kept]);
        offsets.push(postings.len() as u32);
    }
    Index {
        block_starts: vec![0, index.term_count() as u32],
        postings: vec![postings.into()],
        postings_offsets: offsets,
        ..index.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::postings::encode;

    /// An index of `documents` documents over terms given as (docs, weights, positions).
    fn index(documents: usize, terms: &[(&[u32], &[u32], &[&[u32]])]) -> Index {
        let mut postings = Vec::new();
        let mut postings_offsets = vec![0];
        for (docs, weights, positions) in terms {
            let positions: Vec<Vec<u32>> = positions.iter().map(|p| p.to_vec()).collect();
            encode(&mut postings, docs, weights, &positions);
            postings_offsets.push(postings.len() as u32);
        }
        Index {
            block_starts: vec![0, terms.len() as u32],
            postings: vec![postings.into()],
            doc_freqs: terms.iter().map(|t| t.0.len() as u32).collect(),
            postings_offsets,
            doc_len: vec![1; documents],
            ..Index::default()
        }
    }

    #[test]
    fn binomials() {
        // (n, k, C(n, k))
        let table: [(usize, usize, f64); 6] = [
            (4, 2, 6.0),
            (10, 1, 10.0),
            (10, 9, 10.0),
            (10, 0, 1.0),
            (10, 10, 1.0),
            (52, 5, 2_598_960.0),
        ];
        for (n, k, c) in table {
            let got = log2_binomial(n, k);
            assert!((got - c.log2()).abs() < 1e-9, "C({n}, {k}): {got}");
        }
        assert_eq!(log2_binomial(3, 4), 0.0);
    }

    #[test]
    fn bound_counts_doc_sets_and_weight_entropy() {
        // Four documents; "Kim" in two of them, "Putin" in one; weights 10, 10, 30.
        let idx = index(
            4,
            &[
                (&[0, 2], &[10, 10], &[&[0], &[3, 7]]),
                (&[1], &[30], &[&[0]]),
            ],
        );
        let bound = lower_bound(&idx);
        assert_eq!(bound.postings, 3);
        let doc_sets = (6f64.log2() + 4f64.log2()) / 8.0;
        assert!((bound.doc_sets - doc_sets).abs() < 1e-9, "{bound:?}");
        // Two of three weights are 10, one is 30.
        let weights = (2.0 * -(2f64 / 3.0).log2() + -(1f64 / 3.0).log2()) / 8.0;
        assert!((bound.weights - weights).abs() < 1e-9, "{bound:?}");
    }

    #[test]
    fn without_positions_keeps_docs_and_weights_and_drops_positions() {
        let idx = index(
            5,
            &[
                (&[0, 2, 4], &[10, 15, 30], &[&[0, 9], &[3], &[1, 2, 40]]),
                (&[3], &[7], &[&[200]]),
                (&[1, 2], &[10, 10], &[&[5], &[6]]),
            ],
        );
        let slim = without_positions(&idx);
        assert!(slim.postings[0].len() < idx.postings[0].len());
        assert_eq!(slim.term_count(), idx.term_count());
        for term in 0..idx.term_count() as u32 {
            let before: Vec<(u32, f32)> = idx.postings(term).docs().collect();
            let after: Vec<(u32, f32)> = slim.postings(term).docs().collect();
            assert_eq!(before, after, "term {term}");
            let first = before[0].0;
            assert!(idx.postings(term).positions_in(first).is_some());
            assert_eq!(
                slim.postings(term)
                    .positions_in(first)
                    .map_or(0, |p| p.count()),
                0,
                "term {term} keeps no positions"
            );
        }
        assert_eq!(lower_bound(&slim), lower_bound(&idx));
    }
}
