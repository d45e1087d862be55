//! Identifiers interned to dense integers: one string arena and a table of indices
//! (2 million roster ids and 10 million enrolment ids to look up).
//!
//! Exports usually list ids in order. While every new id sorts after the last one it
//! cannot have been seen, so nothing is hashed: the table is built only when an id
//! comes out of order, or when ids are looked up often.

use std::hash::BuildHasher;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// Lookups answered by binary search before the table is built.
const SEARCHES_BEFORE_TABLE: usize = 64;

/// Distinct ids, numbered in the order they were first added.
#[derive(Debug, Default)]
pub struct Ids {
    text: String,
    /// End of each id in `text`; id `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    /// Every id so far sorts after the one before it.
    unsorted: bool,
    /// Every id by hash: built when first needed, then kept up to date.
    table: OnceLock<HashTable<u32>>,
    searches: AtomicUsize,
    hasher: FixedState,
}

impl Ids {
    /// Room for about `n` ids of `bytes` bytes in all.
    pub fn with_capacity(n: usize, bytes: usize) -> Ids {
        Ids {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            ..Ids::default()
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Id number `i`.
    pub fn get(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    fn text_of<'t>(text: &'t str, ends: &[usize], i: u32) -> &'t str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { ends[i - 1] };
        &text[start..ends[i]]
    }

    fn build_table(&self) -> HashTable<u32> {
        let mut table = HashTable::with_capacity(self.ends.len());
        for i in 0..self.ends.len() as u32 {
            let hash = self
                .hasher
                .hash_one(Self::text_of(&self.text, &self.ends, i));
            table.insert_unique(hash, i, |&j| {
                self.hasher
                    .hash_one(Self::text_of(&self.text, &self.ends, j))
            });
        }
        table
    }

    /// The number of `id`, if it was added.
    pub fn find(&self, id: &str) -> Option<u32> {
        let table = match self.table.get() {
            Some(table) => table,
            None if !self.unsorted
                && self.searches.fetch_add(1, Ordering::Relaxed) < SEARCHES_BEFORE_TABLE =>
            {
                let (mut low, mut high) = (0, self.ends.len() as u32);
                while low < high {
                    let mid = low + (high - low) / 2;
                    if Self::text_of(&self.text, &self.ends, mid) < id {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                return (self.get(low) == Some(id)).then_some(low);
            }
            None => self.table.get_or_init(|| self.build_table()),
        };
        let hash = self.hasher.hash_one(id);
        table
            .find(hash, |&i| Self::text_of(&self.text, &self.ends, i) == id)
            .copied()
    }

    /// The number of `id`, adding it if new; `Err` with the number when it was there.
    /// `None` past `u32::MAX` ids.
    pub fn insert(&mut self, id: &str) -> Option<Result<u32, u32>> {
        let last = self.ends.len().checked_sub(1).map(|i| i as u32);
        let in_order = !self.unsorted && last.is_none_or(|l| self.get(l).is_some_and(|l| l < id));
        if !in_order {
            if !self.unsorted && last.and_then(|l| self.get(l)) == Some(id) {
                return last.map(Err);
            }
            if self.table.get().is_none() {
                let table = self.build_table();
                let _ = self.table.set(table);
            }
            self.unsorted = true;
            if let Some(found) = self.find(id) {
                return Some(Err(found));
            }
        }
        let i = u32::try_from(self.ends.len()).ok()?;
        self.text.push_str(id);
        self.ends.push(self.text.len());
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        if let Some(table) = self.table.get_mut() {
            table.insert_unique(hasher.hash_one(id), i, |&j| {
                hasher.hash_one(Self::text_of(text, ends, j))
            });
        }
        Some(Ok(i))
    }

    /// Every id, in number order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| Self::text_of(&self.text, &self.ends, i as u32))
    }
}

impl Clone for Ids {
    fn clone(&self) -> Ids {
        Ids {
            text: self.text.clone(),
            ends: self.ends.clone(),
            unsorted: self.unsorted,
            table: self.table.clone(),
            searches: AtomicUsize::new(self.searches.load(Ordering::Relaxed)),
            hasher: self.hasher.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_ids_in_the_order_they_come() {
        let mut ids = Ids::default();
        assert_eq!(ids.insert("B"), Some(Ok(0)));
        assert_eq!(ids.insert("A"), Some(Ok(1)));
        assert_eq!(ids.insert("B"), Some(Err(0)));
        assert_eq!(ids.insert(""), Some(Ok(2)));
        assert_eq!(ids.find("A"), Some(1));
        assert_eq!(ids.find("a"), None);
        assert_eq!(ids.get(1), Some("A"));
        assert_eq!(ids.get(2), Some(""));
        assert_eq!(ids.get(3), None);
        assert_eq!(ids.iter().collect::<Vec<_>>(), vec!["B", "A", ""]);
        for n in 0..10_000 {
            ids.insert(&format!("CB{n:07}"));
        }
        assert_eq!(ids.find("CB0004242"), Some(4245));
    }

    /// Sorted or not, looked up rarely or often: the same answers as a map.
    #[test]
    fn agrees_with_a_map_in_and_out_of_order() {
        let mut rng = fastrand::Rng::with_seed(143);
        for sorted_until in [0, 500, 5_000, usize::MAX] {
            let mut ids = Ids::default();
            let mut map = std::collections::HashMap::new();
            for n in 0..5_000usize {
                let id = if n < sorted_until {
                    format!("CB{n:07}")
                } else {
                    format!("CB{:07}", rng.usize(..6_000))
                };
                let expected = map.get(&id).copied().map_or(Ok(map.len() as u32), Err);
                let next = map.len() as u32;
                map.entry(id.clone()).or_insert(next);
                assert_eq!(ids.insert(&id), Some(expected), "{id}");
                if n % 7 == 0 {
                    let probe = format!("CB{:07}", rng.usize(..6_000));
                    assert_eq!(ids.find(&probe), map.get(&probe).copied(), "{probe}");
                }
            }
            assert_eq!(ids.find(""), None);
            assert_eq!(ids.find("CB9999999"), None);
        }
    }
}
