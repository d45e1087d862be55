//! What the enrolments say about each official, folded one row at a time.
//!
//! The enrolments file is streamed, never held whole: each row is folded into a
//! fixed-size [`Training`] per official. Every fold is idempotent (earliest date,
//! set bits), so an identical row read twice changes nothing (see the bad-input catalogue in docs/input.md).

use chrono::{Datelike, NaiveDate};

use crate::model::{Enrolment, EnrolmentStatus, OfficialIdx, Program};

/// How many calendar years from [`History::first_year`] are tracked for the
/// yearly counts (quotas, postgraduate starts, overseas). Dates outside still
/// count as completions; no target of a plan period looks further.
pub const YEARS_TRACKED: i32 = 32;

/// Training facts of one official.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Training {
    /// Earliest dated completion per programme ([`Program::index`]).
    earliest_completion: [Option<NaiveDate>; 8],
    /// Per programme, a bit per tracked year in which a non-withdrawn enrolment started.
    started: [u32; 8],
    /// A bit per tracked year in which a non-withdrawn enrolment abroad started.
    abroad: u32,
    /// A bit per programme with an enrolment still in progress.
    in_progress: u8,
}

/// The training facts of every official of a roster.
#[derive(Clone, Debug)]
pub struct History {
    first_year: i32,
    officials: Vec<Training>,
    /// When the facts were folded before the roster was read (`input::parallel`):
    /// per official of the roster, the slot of its facts (`NONE`: no enrolment).
    slots: Option<Vec<u32>>,
}

/// No slot: an official without enrolments.
pub const NONE: u32 = u32::MAX;

impl History {
    /// An empty history for `officials` officials, tracking years from `first_year`.
    pub fn new(officials: usize, first_year: i32) -> History {
        History {
            first_year,
            officials: vec![Training::default(); officials],
            slots: None,
        }
    }

    /// Facts folded by slot (an enrolment's `official` is a slot, numbered in the
    /// order ids first appear), to be read by official once [`History::assign`]ed.
    pub fn by_slot(first_year: i32) -> History {
        History::new(0, first_year)
    }

    /// How many slots have facts.
    pub fn slots(&self) -> usize {
        self.officials.len()
    }

    /// Read the facts of official `i` from slot `slots[i]` from now on.
    pub fn assign(&mut self, slots: Vec<u32>) {
        self.slots = Some(slots);
    }

    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    fn year_bit(&self, year: i32) -> Option<u32> {
        let offset = year.checked_sub(self.first_year)?;
        (0..YEARS_TRACKED).contains(&offset).then(|| 1u32 << offset)
    }

    /// Fold one enrolment in.
    pub fn record(&mut self, enrolment: &Enrolment) {
        let year_bit = self.year_bit(enrolment.started_on.year());
        let slot = enrolment.official as usize;
        if self.slots.is_none() && slot >= self.officials.len() && slot < NONE as usize {
            // folding by slot: a new id
            self.officials.resize(slot + 1, Training::default());
        }
        let Some(training) = self.officials.get_mut(slot) else {
            debug_assert!(false, "enrolment of an official outside the roster");
            return;
        };
        let p = enrolment.program.index();
        if enrolment.status != EnrolmentStatus::Withdrawn
            && let Some(bit) = year_bit
        {
            training.started[p] |= bit;
            if enrolment.abroad {
                training.abroad |= bit;
            }
        }
        if enrolment.status == EnrolmentStatus::Enrolled {
            training.in_progress |= 1 << p;
        }
        if let Some(done) = enrolment.completion() {
            let slot = &mut training.earliest_completion[p];
            if slot.is_none_or(|d| done < d) {
                *slot = Some(done);
            }
        }
    }

    fn get(&self, official: OfficialIdx) -> &Training {
        const NOTHING: Training = Training {
            earliest_completion: [None; 8],
            started: [0; 8],
            abroad: 0,
            in_progress: 0,
        };
        let slot = match &self.slots {
            None => official,
            Some(slots) => slots.get(official as usize).copied().unwrap_or(NONE),
        };
        self.officials.get(slot as usize).unwrap_or(&NOTHING)
    }

    /// The earliest dated completion of `program`, if any.
    pub fn completed(&self, official: OfficialIdx, program: Program) -> Option<NaiveDate> {
        self.get(official).earliest_completion[program.index()]
    }

    /// Whether a non-withdrawn enrolment in `program` started in `year`.
    /// Years outside the tracked window read as `false`.
    pub fn started_in(&self, official: OfficialIdx, program: Program, year: i32) -> bool {
        self.year_bit(year)
            .is_some_and(|bit| self.get(official).started[program.index()] & bit != 0)
    }

    /// Whether a non-withdrawn enrolment abroad started in `year`.
    pub fn abroad_in(&self, official: OfficialIdx, year: i32) -> bool {
        self.year_bit(year)
            .is_some_and(|bit| self.get(official).abroad & bit != 0)
    }

    /// Whether an enrolment in `program` is still in progress.
    pub fn in_progress(&self, official: OfficialIdx, program: Program) -> bool {
        self.get(official).in_progress & (1 << program.index()) != 0
    }

    /// How many of `officials` started any of `programs` in each tracked year (a
    /// person counts once a year): one pass over the officials for every year.
    pub fn starts_by_year(
        &self,
        officials: impl IntoIterator<Item = OfficialIdx>,
        programs: &[Program],
    ) -> YearCounts {
        self.count_years(officials, |t| {
            programs
                .iter()
                .fold(0, |years, p| years | t.started[p.index()])
        })
    }

    /// How many of `officials` started a non-withdrawn enrolment abroad in each tracked year.
    pub fn abroad_by_year(&self, officials: impl IntoIterator<Item = OfficialIdx>) -> YearCounts {
        self.count_years(officials, |t| t.abroad)
    }

    fn count_years(
        &self,
        officials: impl IntoIterator<Item = OfficialIdx>,
        years_of: impl Fn(&Training) -> u32,
    ) -> YearCounts {
        let mut counts = YearCounts {
            first_year: self.first_year,
            officials: [0; YEARS_TRACKED as usize],
        };
        for official in officials {
            let mut years = years_of(self.get(official));
            while years != 0 {
                let offset = years.trailing_zeros() as usize;
                counts.officials[offset] += 1;
                years &= years - 1;
            }
        }
        counts
    }
}

/// Officials counted in each tracked year.
#[derive(Clone, Debug)]
pub struct YearCounts {
    first_year: i32,
    officials: [u32; YEARS_TRACKED as usize],
}

impl YearCounts {
    /// The count of `year`: 0 outside the years tracked.
    pub fn get(&self, year: i32) -> u32 {
        year.checked_sub(self.first_year)
            .and_then(|offset| usize::try_from(offset).ok())
            .and_then(|offset| self.officials.get(offset))
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn enrolment(program: Program, start: NaiveDate, done: Option<NaiveDate>) -> Enrolment {
        Enrolment {
            official: 0,
            program,
            started_on: start,
            completed_on: done,
            status: if done.is_some() {
                EnrolmentStatus::Completed
            } else {
                EnrolmentStatus::Enrolled
            },
            abroad: false,
        }
    }

    #[test]
    fn keeps_the_earliest_completion_whatever_the_order() {
        let mut h = History::new(1, 2022);
        let late = enrolment(Program::Sector, date(2024, 1, 1), Some(date(2024, 6, 1)));
        let early = enrolment(Program::Sector, date(2023, 1, 1), Some(date(2023, 6, 1)));
        h.record(&late);
        h.record(&early);
        h.record(&late);
        assert_eq!(h.completed(0, Program::Sector), Some(date(2023, 6, 1)));
        assert_eq!(h.completed(0, Program::Language), None);
    }

    #[test]
    fn facts_folded_by_slot_are_read_by_official() {
        let mut h = History::by_slot(2022);
        let mut e = enrolment(Program::Sector, date(2024, 1, 1), Some(date(2024, 6, 1)));
        e.official = 1;
        h.record(&e);
        assert_eq!(h.slots(), 2);
        // official 0 of the roster has slot 1, official 1 no enrolment, official 2 slot 0
        h.assign(vec![1, NONE, 0]);
        assert_eq!(h.completed(0, Program::Sector), Some(date(2024, 6, 1)));
        assert_eq!(h.completed(1, Program::Sector), None);
        assert_eq!(h.completed(2, Program::Sector), None);
        assert_eq!(h.completed(3, Program::Sector), None);
    }

    #[test]
    fn withdrawn_enrolments_neither_start_nor_complete() {
        let mut h = History::new(1, 2022);
        let mut e = enrolment(Program::Master, date(2024, 3, 1), None);
        e.status = EnrolmentStatus::Withdrawn;
        e.abroad = true;
        h.record(&e);
        assert!(!h.started_in(0, Program::Master, 2024));
        assert!(!h.abroad_in(0, 2024));
        assert!(!h.in_progress(0, Program::Master));
    }

    #[test]
    fn completed_status_without_a_date_is_not_a_completion() {
        let mut h = History::new(1, 2022);
        let mut e = enrolment(Program::Sector, date(2024, 3, 1), None);
        e.status = EnrolmentStatus::Completed;
        h.record(&e);
        assert_eq!(h.completed(0, Program::Sector), None);
        assert!(h.started_in(0, Program::Sector, 2024));
    }

    #[test]
    fn years_outside_the_window_are_not_counted_but_do_not_panic() {
        let mut h = History::new(1, 2022);
        h.record(&enrolment(Program::Language, date(1990, 1, 1), None));
        h.record(&enrolment(
            Program::Language,
            date(2022 + YEARS_TRACKED, 1, 1),
            None,
        ));
        assert!(!h.started_in(0, Program::Language, 1990));
        assert!(!h.started_in(0, Program::Language, i32::MIN));
        assert!(h.in_progress(0, Program::Language));
        let counts = h.starts_by_year([0], &[Program::Language]);
        for year in [1990, 2021, 2022 + YEARS_TRACKED, i32::MIN, i32::MAX] {
            assert_eq!(counts.get(year), 0, "{year}");
        }
    }

    /// The yearly counts are the per-official answers added up: a person once a
    /// year whatever the number of programmes, withdrawals left out, the first and
    /// last tracked years included, officials outside the list not counted.
    #[test]
    fn yearly_counts_add_up_the_officials_of_each_year() {
        let mut h = History::new(4, 2022);
        let mut record = |official, program, start: NaiveDate, abroad, withdrawn| {
            let mut e = enrolment(program, start, None);
            e.official = official;
            e.abroad = abroad;
            if withdrawn {
                e.status = EnrolmentStatus::Withdrawn;
            }
            h.record(&e);
        };
        record(0, Program::Master, date(2022, 1, 1), true, false);
        record(0, Program::Doctor, date(2022, 12, 31), false, false);
        record(1, Program::Doctor, date(2024, 2, 29), true, false);
        record(1, Program::Master, date(2053, 12, 31), false, false);
        record(2, Program::Master, date(2024, 5, 1), true, true);
        record(3, Program::Master, date(2024, 5, 1), false, false);
        let pg = h.starts_by_year([0, 1, 2], &[Program::Master, Program::Doctor]);
        let abroad = h.abroad_by_year([0, 1, 2, 3]);
        for year in 2021..2055 {
            let expected = |program: &dyn Fn(OfficialIdx) -> bool, among: &[OfficialIdx]| {
                among.iter().filter(|&&o| program(o)).count() as u32
            };
            let started = |o| {
                h.started_in(o, Program::Master, year) || h.started_in(o, Program::Doctor, year)
            };
            assert_eq!(pg.get(year), expected(&started, &[0, 1, 2]), "{year}");
            let went = |o| h.abroad_in(o, year);
            assert_eq!(abroad.get(year), expected(&went, &[0, 1, 2, 3]), "{year}");
        }
        assert_eq!((pg.get(2022), pg.get(2024), pg.get(2053)), (1, 1, 1));
        assert_eq!((abroad.get(2022), abroad.get(2024)), (1, 1));
    }
}
