//! Sorting for code that is compiled into the browser app, through one compiled sort routine.
//!
//! The standard library's sorts are generic: every element type and comparison the app sorts
//! compiles to its own copy of the sort algorithm, 2–4 KB of WASM each (about 20 copies were
//! 18 KB of the brotli-compressed app). These functions sort the indices `0..len` with one
//! non-generic comparison and then move the elements into place, so every caller shares a single
//! copy. They are stable, take O(n log n) comparisons (each an indirect call) and O(n) swaps. The
//! two hot paths of a search (ranking hits by an integer key, ordering phrase positions) keep
//! `sort_unstable`, and build-time code keeps the standard sorts.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` and removes repeated elements (a set of ids as a sorted list).
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, Ord::cmp);
    items.dedup();
}

/// The indices `0..len` in the (stable) order of `compare`: the one sort the app compiles.
fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the elements of `items` so that position `i` holds what was at `order[i]`, following
/// each cycle of the permutation once (an index that is done points at itself).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        // (key, original place): equal keys must keep their order.
        let cases: &[&[u8]] = &[
            &[],
            &[1],
            &[2, 1],
            &[3, 1, 2],
            &[5, 3, 5, 1, 3, 5, 0, 9, 1],
            &[9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
            &[1, 1, 1, 1],
            &[4, 0, 3, 1, 2, 4, 0, 3, 1, 2, 7, 7, 6, 5, 5],
        ];
        for keys in cases {
            let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std = ours.clone();
            sort_by_key(&mut ours, |e| e.0);
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "keys {keys:?}");
            let mut reversed = ours.clone();
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|e| std::cmp::Reverse(e.0));
            assert_eq!(reversed, std, "keys {keys:?}, descending");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_list_sorts_like_the_standard_stable_sort(keys in proptest::collection::vec(0u8..20, 0..300)) {
            let mut ours: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std = ours.clone();
            sort_by_key(&mut ours, |e| e.0);
            std.sort_by_key(|e| e.0);
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn moves_owned_values_without_losing_any() {
        let mut names: Vec<String> = ["Schoigu", "Lawrow", "Kim", "Putin", "Kim", "Armeekorps"]
            .map(String::from)
            .to_vec();
        sort_dedup(&mut names);
        assert_eq!(names, ["Armeekorps", "Kim", "Lawrow", "Putin", "Schoigu"]);
    }
}
