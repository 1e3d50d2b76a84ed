//! Stable sorting through one copy of the standard library's sort.
//!
//! Every `slice::sort_by` with its own element type and comparison is a copy of the standard
//! sort of its own, 3 to 5 KB of wasm: nineteen of them were about 18 KB of the phone's brotli
//! download, on the first visit's slowest step (BENCHMARKS.md, "The first visit on 3G"). These
//! functions sort the items' positions instead, always `usize` with a `dyn` comparison (one
//! copy for the whole app), and then move the items into that order. The lists sorted here are
//! short (a draft's answers, a form's options, a few deadlines): the extra step costs nothing
//! a person could notice.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, keeping equal items in their order (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` by the key of each, keeping equal keys in their order (as
/// `slice::sort_by_key`: the key is computed for each comparison).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, keeping equal items in their order (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The map of `pairs`, a later pair replacing an earlier one with the same key (as `collect`
/// does). `collect` into a `BTreeMap` sorts the pairs first, with a copy of the standard sort
/// for every iterator it is given; inserting them one by one shares the map's own code.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (key, value) in pairs {
        map.insert(key, value);
    }
    map
}

/// The set of `items` (as `collect`, without its sort: see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..len` in the order `compare` puts the items at those positions: the one
/// instantiation of the standard sort.
#[inline(never)]
fn positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item that was at `order[i]` to position `i`, for every `i`, by swaps. Position `i`
/// is final once reached; an item that was at an earlier position has been swapped away from
/// it, to the position that earlier step took its item from, so following `order` from there
/// finds it.
fn apply<T>(items: &mut [T], order: Vec<usize>) {
    for i in 0..items.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        items.swap(i, from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_lists() {
        let mut none: [u8; 0] = [];
        sort(&mut none);
        let mut one = [7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut words = ["b", "a", "c", "a"];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut pairs = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn maps_and_sets_as_collect_makes_them() {
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(map_of(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(pairs)["b"], 3, "the later pair wins");
        let words = ["c", "a", "c", "b"];
        assert_eq!(set_of(words), words.into_iter().collect::<BTreeSet<_>>());
    }

    proptest! {
        /// The same order as the standard stable sort, duplicates (few keys) included.
        #[test]
        fn as_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..60)) {
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = tagged;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        /// Reversed comparisons too: every permutation comes out right, not only near-sorted ones.
        #[test]
        fn descending(keys in proptest::collection::vec(any::<u16>(), 0..60)) {
            let mut ours = keys.clone();
            sort_by(&mut ours, |a, b| b.cmp(a));
            let mut std = keys;
            std.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, std);
        }
    }
}
