//! Identical enrolment rows, found exactly (see the bad-input catalogue in docs/input.md) in little memory.
//!
//! Identical rows share their official, so each accepted row is kept as one `u64` in
//! file order, chained to the previous row of the same official; a new row is compared
//! with that official's rows only. A national file (10 million rows, about 5 per
//! official, usually grouped by official) costs 8 bytes a row and stays in cache, where
//! a `HashMap<Enrolment, line>` took half a gigabyte and a cache miss a row.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::model::{Enrolment, EnrolmentStatus};

/// Bits of a packed row: program 3, status 2, abroad 1, start 16, completion 16.
const ROW_BITS: u32 = 38;
const ROW_MASK: u64 = (1 << ROW_BITS) - 1;
/// The distance back to the previous row of the official, in the remaining bits.
const NO_PREVIOUS: u64 = 0;
const FAR: u64 = (1 << (64 - ROW_BITS)) - 1;
/// Past this many rows an official's rows are looked up in a map, not walked.
const LONG_CHAIN: usize = 64;

/// Every accepted enrolment row so far, to tell whether the next one was seen before.
#[derive(Debug, Default)]
pub struct Duplicates {
    /// Per row: the packed row, and in the high bits the distance back to the previous
    /// row of the same official (0: none; `FAR`: look in `far`).
    rows: Vec<u64>,
    /// Per official: 1 + the index of its last row (0: none yet).
    last: Vec<u32>,
    /// Previous rows further back than the high bits hold.
    far: HashMap<u32, u32>,
    /// Officials with many rows: their packed rows with the row index.
    long: HashMap<u32, HashMap<u64, u32>>,
    /// Rows whose dates do not pack (before 1970 or after 2097), with their line.
    other: HashMap<(u32, Enrolment), u64>,
    /// Line of each row: `(first row, line - row)` wherever that difference changes.
    lines: Vec<(u32, u64)>,
}

/// Bits of a packed date: the year since 1970, then the day of the year (1–366).
const YEAR_BITS: u32 = 7;
const ORDINAL_BITS: u32 = 9;

/// A date from 1970 to 2097 in 16 bits, never 0: the year since 1970 and the day of
/// the year, read off the date as it is kept (no count of days). Other dates: `None`.
fn packed_date(date: NaiveDate) -> Option<u64> {
    let year = u64::try_from(date.year() - 1970)
        .ok()
        .filter(|&y| y < 1 << YEAR_BITS)?;
    Some(year << ORDINAL_BITS | u64::from(date.ordinal()))
}

fn pack(e: &Enrolment) -> Option<u64> {
    let status = match e.status {
        EnrolmentStatus::Enrolled => 0,
        EnrolmentStatus::Completed => 1,
        EnrolmentStatus::Withdrawn => 2,
    };
    let completed = match e.completed_on {
        None => 0,
        Some(d) => packed_date(d)?,
    };
    Some(
        e.program.index() as u64
            | status << 3
            | u64::from(e.abroad) << 5
            | packed_date(e.started_on)? << 6
            | completed << 22,
    )
}

impl Duplicates {
    /// Room for about `rows` rows.
    pub fn with_capacity(rows: usize) -> Duplicates {
        Duplicates {
            rows: Vec::with_capacity(rows),
            ..Duplicates::default()
        }
    }

    /// The line of an identical row seen before, or `None` after remembering this one
    /// (read on `line`). `e.official` says whose row it is.
    pub fn check(&mut self, e: &Enrolment, line: u64) -> Option<u64> {
        let Some(packed) = pack(e) else {
            return self.other.get(&(e.official, *e)).copied().or_else(|| {
                self.other.insert((e.official, *e), line);
                None
            });
        };
        let official = e.official as usize;
        if official >= self.last.len() {
            self.last.resize(official + 1, 0);
        }
        if let Some(rows) = self.long.get(&e.official) {
            if let Some(&first) = rows.get(&packed) {
                return Some(self.line_of(first));
            }
        } else {
            let mut walked = 0;
            let mut at = self.last[official].checked_sub(1);
            while let Some(i) = at {
                let row = self.rows[i as usize];
                if row & ROW_MASK == packed {
                    return Some(self.line_of(i));
                }
                walked += 1;
                at = self.previous(i, row);
            }
            if walked >= LONG_CHAIN {
                self.index_long(e.official);
            }
        }
        self.push(e.official, packed, line);
        None
    }

    fn previous(&self, i: u32, row: u64) -> Option<u32> {
        match row >> ROW_BITS {
            NO_PREVIOUS => None,
            FAR => self.far.get(&i).copied(),
            back => Some(i - back as u32),
        }
    }

    /// Look an official's rows up in a map from now on.
    fn index_long(&mut self, official: u32) {
        let mut rows = HashMap::new();
        let mut at = self.last[official as usize].checked_sub(1);
        while let Some(i) = at {
            let row = self.rows[i as usize];
            rows.insert(row & ROW_MASK, i);
            at = self.previous(i, row);
        }
        self.long.insert(official, rows);
    }

    fn push(&mut self, official: u32, packed: u64, line: u64) {
        let Ok(i) = u32::try_from(self.rows.len()) else {
            return; // beyond 4 billion rows, later duplicates go unnoticed
        };
        let last = &mut self.last[official as usize];
        let back = match last.checked_sub(1) {
            None => NO_PREVIOUS,
            Some(previous) if u64::from(i - previous) < FAR => u64::from(i - previous),
            Some(previous) => {
                self.far.insert(i, previous);
                FAR
            }
        };
        *last = i + 1;
        if let Some(rows) = self.long.get_mut(&official) {
            rows.insert(packed, i);
        }
        self.rows.push(packed | back << ROW_BITS);
        let offset = line - u64::from(i);
        if self.lines.last().is_none_or(|&(_, o)| o != offset) {
            self.lines.push((i, offset));
        }
    }

    fn line_of(&self, row: u32) -> u64 {
        let at = self.lines.partition_point(|&(first, _)| first <= row);
        u64::from(row) + self.lines[at.saturating_sub(1)].1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Program;

    #[test]
    fn each_date_from_1970_to_2097_packs_to_16_bits_of_its_own() {
        let mut date = NaiveDate::from_ymd_opt(1969, 12, 30).unwrap();
        let mut previous = 0;
        // every day from before 1970 to past the last one 16 bits hold (2097-12-31)
        while date.year() < 2099 {
            match packed_date(date) {
                Some(packed) => {
                    assert!((1970..=2097).contains(&date.year()), "{date}");
                    assert!(packed > previous && packed <= 0xFFFF, "{date}: {packed}");
                    previous = packed;
                }
                None => assert!(!(1970..=2097).contains(&date.year()), "{date}"),
            }
            date = date.succ_opt().unwrap();
        }
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(packed_date(ymd(1970, 1, 1)), Some(1));
        assert_eq!(packed_date(ymd(2024, 2, 29)), Some(54 << 9 | 60));
        assert_eq!(packed_date(ymd(2024, 12, 31)), Some(54 << 9 | 366));
        assert_eq!(packed_date(ymd(2097, 12, 31)), Some(127 << 9 | 365));
    }

    fn e(official: u32, program: Program, start: (i32, u32, u32), done: bool) -> Enrolment {
        let started_on = NaiveDate::from_ymd_opt(start.0, start.1, start.2).unwrap();
        Enrolment {
            official,
            program,
            started_on,
            completed_on: done.then(|| started_on + chrono::Days::new(30)),
            status: if done {
                EnrolmentStatus::Completed
            } else {
                EnrolmentStatus::Enrolled
            },
            abroad: false,
        }
    }

    #[test]
    fn finds_each_identical_row_and_nothing_else() {
        let mut d = Duplicates::default();
        let a = e(0, Program::Sector, (2024, 1, 1), true);
        let b = e(1, Program::Sector, (2024, 1, 1), true);
        assert_eq!(d.check(&a, 2), None);
        assert_eq!(d.check(&b, 3), None, "another official");
        assert_eq!(
            d.check(&e(0, Program::Sector, (2024, 1, 1), false), 4),
            None
        );
        assert_eq!(
            d.check(&e(0, Program::Language, (2024, 1, 1), true), 6),
            None
        );
        assert_eq!(d.check(&a, 9), Some(2));
        assert_eq!(d.check(&b, 10), Some(3));
        let old = e(0, Program::Master, (1960, 5, 1), false);
        assert_eq!(d.check(&old, 11), None);
        assert_eq!(d.check(&old, 12), Some(11));
        // dates past those 16 bits hold, a start and a completion
        let late = e(0, Program::Master, (2120, 5, 1), false);
        assert_eq!(d.check(&late, 13), None);
        assert_eq!(d.check(&late, 14), Some(13));
        let completed_late = e(1, Program::Sector, (2097, 12, 31), true);
        assert_eq!(d.check(&completed_late, 15), None);
        assert_eq!(d.check(&completed_late, 16), Some(15));
        assert_eq!(
            d.check(&e(1, Program::Sector, (2097, 12, 31), false), 17),
            None
        );
    }

    /// The same verdicts as a map of every row, on many rows of a few officials in
    /// any order, with long chains and lines that skip.
    #[test]
    fn agrees_with_a_map_of_every_row() {
        let mut rng = fastrand::Rng::with_seed(6);
        let mut d = Duplicates::default();
        let mut map: HashMap<Enrolment, u64> = HashMap::new();
        let mut line = 1;
        for _ in 0..50_000 {
            line += 1 + u64::from(rng.u8(..10) == 0);
            let official = if rng.bool() {
                rng.u32(..3)
            } else {
                rng.u32(..2000)
            };
            let program = Program::ALL[rng.usize(..8)];
            let row = e(
                official,
                program,
                (2020 + rng.i32(0..3), 1 + rng.u32(..2), 1),
                rng.bool(),
            );
            let expected = map.get(&row).copied();
            map.entry(row).or_insert(line);
            assert_eq!(d.check(&row, line), expected, "{row:?} on {line}");
        }
        assert!(!d.long.is_empty());
    }
}
