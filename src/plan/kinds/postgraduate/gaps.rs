//! PG-ANNUAL (II.1 ¶1) for a year: how many master's or doctoral starts the year
//! needs to keep the plan's yearly average in range.

use crate::model::Program;
use crate::plan::Target;
use crate::plan::kinds::postgraduate::{Postgraduate, YearCount, starts_by_year};
use crate::plan::kinds::shared::Context;

/// The starts a year needs, worked out from the starts recorded before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostgraduateNeed {
    pub rule: String,
    pub clause: String,
    pub programs: Vec<Program>,
    pub min_per_year: u32,
    pub max_per_year: u32,
    pub from_year: i32,
    pub year: i32,
    /// Distinct officials starting in each year from `from_year` to the year before,
    /// as recorded (a year not over yet counts what is recorded so far).
    pub years: Vec<YearCount>,
    /// Starts already recorded in the year itself.
    pub registered: u32,
    /// The fewest starts in the year that bring the average over
    /// `from_year..=year` to `min_per_year`.
    pub at_least: u32,
    /// The most starts that keep that average at or below `max_per_year`;
    /// `None` when the years before are already above it.
    pub at_most: Option<u32>,
}

/// `None` for a year before the target counts.
pub fn need(
    target: &Target,
    pg: &Postgraduate,
    ctx: &Context<'_>,
    year: i32,
) -> Option<PostgraduateNeed> {
    let span = u64::try_from(year.checked_sub(pg.from_year)?).ok()? + 1;
    let by_year = starts_by_year(ctx, &pg.programs);
    let years: Vec<YearCount> = (pg.from_year..year)
        .map(|y| YearCount {
            year: y,
            officials: by_year.get(y),
        })
        .collect();
    let before: u64 = years.iter().map(|y| u64::from(y.officials)).sum();
    let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Some(PostgraduateNeed {
        rule: target.rule.clone(),
        clause: target.clause.clone(),
        programs: pg.programs.clone(),
        min_per_year: pg.min_per_year,
        max_per_year: pg.max_per_year,
        from_year: pg.from_year,
        year,
        registered: by_year.get(year),
        at_least: clamp((u64::from(pg.min_per_year) * span).saturating_sub(before)),
        at_most: (u64::from(pg.max_per_year) * span)
            .checked_sub(before)
            .map(clamp),
        years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Kind;
    use crate::plan::kinds::shared::testing::*;

    fn pg() -> (Target, Postgraduate) {
        let pg = Postgraduate {
            programs: vec![Program::Master, Program::Doctor],
            min_per_year: 10,
            max_per_year: 15,
            from_year: 2023,
        };
        (target("PG-ANNUAL", Kind::Postgraduate(pg.clone())), pg)
    }

    #[test]
    fn the_year_needs_what_brings_the_average_into_range() {
        // 2023–2026: 12 + 9 + 14 + 5 = 40; over 2023–2027 the average needs 50 to 75.
        let w = master_starts(&[12, 9, 14, 5, 2]);
        let (t, p) = pg();
        let need = need(&t, &p, &w.ctx(date(2026, 9, 30)), 2027).unwrap();
        assert_eq!(
            (need.at_least, need.at_most, need.registered),
            (10, Some(35), 2)
        );
        assert_eq!(need.years.len(), 4);
    }

    #[test]
    fn years_already_above_the_range_leave_no_room() {
        let w = master_starts(&[40]);
        let (t, p) = pg();
        let need = need(&t, &p, &w.ctx(date(2024, 1, 10)), 2024).unwrap();
        assert_eq!((need.at_least, need.at_most), (0, None));
    }

    #[test]
    fn a_year_before_the_target_counts_has_no_need() {
        let w = master_starts(&[]);
        let (t, p) = pg();
        assert_eq!(need(&t, &p, &w.ctx(date(2022, 1, 10)), 2022), None);
        let first = need(&t, &p, &w.ctx(date(2022, 1, 10)), 2023).unwrap();
        assert_eq!((first.at_least, first.at_most), (10, Some(15)));
    }
}
