//! Identifiers interned to dense integers: one string arena and a table of indices
//! (issue 6: 2 million roster ids and 10 million enrolment ids to look up).

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// Distinct ids, numbered in the order they were first added.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    text: String,
    /// End of each id in `text`; id `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    table: HashTable<u32>,
    hasher: FixedState,
}

impl Ids {
    /// Room for about `n` ids of `bytes` bytes in all, allocated once.
    pub fn with_capacity(n: usize, bytes: usize) -> Ids {
        Ids {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
            hasher: FixedState::default(),
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

    /// The number of `id`, if it was added.
    pub fn find(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&i| Self::text_of(&self.text, &self.ends, i) == id)
            .copied()
    }

    /// The number of `id`, adding it if new; `Err` with the number when it was there.
    /// `None` past `u32::MAX` ids.
    pub fn insert(&mut self, id: &str) -> Option<Result<u32, u32>> {
        let hash = self.hasher.hash_one(id);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&i) = self
            .table
            .find(hash, |&i| Self::text_of(text, ends, i) == id)
        {
            return Some(Err(i));
        }
        let i = u32::try_from(self.ends.len()).ok()?;
        self.text.push_str(id);
        self.ends.push(self.text.len());
        let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
        self.table
            .insert_unique(hash, i, |&j| hasher.hash_one(Self::text_of(text, ends, j)));
        Some(Ok(i))
    }

    /// Every id, in number order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| Self::text_of(&self.text, &self.ends, i as u32))
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
}
