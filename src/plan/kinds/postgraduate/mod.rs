//! On average 10–15 officials a year sent to master's level or higher: PG-ANNUAL (II.1 ¶1).

pub mod gaps;

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::history::YearCounts;
use crate::diag::Diagnostic;
use crate::diag::problem::{Data, Quantity};
use crate::model::{Program, Severity};
use crate::plan::Target;
use crate::plan::kinds::quota::{pace_note, year_status};
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table};
use crate::plan::kinds::shared::{Context, KeyNumbers, TargetNote, TargetStatus};

/// An average number of postgraduate starts a year (II.1 ¶1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postgraduate {
    pub programs: Vec<Program>,
    pub min_per_year: u32,
    pub max_per_year: u32,
    pub from_year: i32,
}

impl RuleKind for Postgraduate {
    const NAME: &'static str = "postgraduate";
    const KEYS: &'static [&'static str] =
        &["programs", "min_per_year", "max_per_year", "from_year"];
    type Row = PostgraduateRow;

    fn parse(t: &Table<'_>) -> Result<Postgraduate, Diagnostic> {
        let programs: Spanned<Vec<Spanned<String>>> = t.need("programs")?;
        let programs = programs
            .get_ref()
            .iter()
            .map(|p| t.program(p, "programs"))
            .collect::<Result<Vec<_>, _>>()?;
        let min_raw: Spanned<i64> = t.need("min_per_year")?;
        let min = t.number(&min_raw, "min_per_year", 0..1_000_000, Quantity::Number)?;
        let max_raw: Spanned<i64> = t.need("max_per_year")?;
        let max = t.number(&max_raw, "max_per_year", 0..1_000_000, Quantity::Number)?;
        if max < min {
            return Err(t.error(max_raw.span(), Data::MaxBelowMin));
        }
        Ok(Postgraduate {
            programs,
            min_per_year: min,
            max_per_year: max,
            from_year: t.year(&t.need("from_year")?, "from_year")?,
        })
    }


    /// The starts the year needs: numbers, not people.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        let year = lists.year();
        lists.postgraduate.extend(gaps::need(target, self, ctx, year));
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, PostgraduateRow>) {
        let pg = self;
        let by_year = starts_by_year(ctx, &pg.programs);
        let count = |year: i32| by_year.get(year);
        let this_year = ctx.as_of.year();
        let years: Vec<YearCount> = (pg.from_year..this_year)
            .map(|year| YearCount {
                year,
                officials: count(year),
            })
            .collect();
        let current = (pg.from_year <= this_year).then(|| YearCount {
            year: this_year,
            officials: count(this_year),
        });
        let achieved: u32 = years.iter().map(|y| y.officials).sum();
        let n = u32::try_from(years.len()).unwrap_or(u32::MAX);
        let required = pg.min_per_year.saturating_mul(n);
        let (status, severity) = match (years.is_empty(), current) {
            (true, Some(now)) => {
                let (status, severity, _) =
                    year_status(now.year, pg.min_per_year, now.officials, ctx.as_of);
                (status, severity)
            }
            (true, None) => (TargetStatus::Open, None),
            (false, _) if achieved >= required => (TargetStatus::Met, None),
            (false, _) => (TargetStatus::Gap, Some(Severity::Error)),
        };
        // met, and on average more than the plan's range a year
        let above = u64::from(achieved) > u64::from(pg.max_per_year) * u64::from(n);
        let note = match status {
            TargetStatus::Met if above => Some(TargetNote::AboveRange),
            status => pace_note(status),
        };
        out.row(
            status,
            severity,
            note,
            PostgraduateRow {
                programs: pg.programs.clone(),
                min_per_year: pg.min_per_year,
                max_per_year: pg.max_per_year,
                years,
                current,
                achieved,
                required,
                shortfall: required.saturating_sub(achieved),
            },
        );
    }
}

/// Officials counted in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCount {
    pub year: i32,
    pub officials: u32,
}

/// The numbers of a postgraduate row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostgraduateRow {
    pub programs: Vec<Program>,
    pub min_per_year: u32,
    pub max_per_year: u32,
    /// Complete years counted, e.g. 2023–2025 as-of 2026.
    pub years: Vec<YearCount>,
    /// The year of as-of, not yet complete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<YearCount>,
    pub achieved: u32,
    pub required: u32,
    pub shortfall: u32,
}

impl Row for PostgraduateRow {
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: None,
            achieved: self.achieved,
            required: Some(self.required),
            shortfall: Some(self.shortfall),
        }
    }

}

/// Distinct officials starting any of `programs`, in each year (one person counts
/// once a year).
pub fn starts_by_year(ctx: &Context<'_>, programs: &[Program]) -> YearCounts {
    ctx.history
        .starts_by_year(ctx.roster.iter().map(|(idx, _)| idx), programs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::Evaluation;
    use crate::plan::kinds::shared::testing::*;

    fn pg_annual() -> Target {
        target(
            "PG-ANNUAL",
            Kind::Postgraduate(Postgraduate {
                programs: vec![Program::Master, Program::Doctor],
                min_per_year: 10,
                max_per_year: 15,
                from_year: 2023,
            }),
        )
    }

    fn verdict(e: &Evaluation) -> (TargetStatus, u32, u32, u32) {
        match &e.targets[0].detail {
            Detail::Postgraduate(PostgraduateRow {
                achieved,
                required,
                shortfall,
                ..
            }) => (e.targets[0].status, *achieved, *required, *shortfall),
            _ => unreachable!(),
        }
    }

    #[test]
    fn averages_the_complete_years() {
        let w = master_starts(&[12, 9, 14, 2]);
        assert_eq!(
            verdict(&run(&pg_annual(), &w.ctx(date(2026, 11, 25)))),
            (TargetStatus::Met, 35, 30, 0)
        );
        let w = master_starts(&[8, 9]);
        assert_eq!(
            verdict(&run(&pg_annual(), &w.ctx(date(2025, 3, 1)))),
            (TargetStatus::Gap, 17, 20, 3)
        );
    }

    #[test]
    fn exactly_ten_a_year_is_met() {
        let w = master_starts(&[10, 10]);
        assert_eq!(
            verdict(&run(&pg_annual(), &w.ctx(date(2025, 1, 1)))).0,
            TargetStatus::Met
        );
    }

    #[test]
    fn one_official_starting_both_counts_once() {
        let mut w = master_starts(&[1]);
        w.enrolled("P0", Program::Doctor, date(2023, 10, 1));
        assert_eq!(verdict(&run(&pg_annual(), &w.ctx(date(2024, 1, 1)))).1, 1);
    }

    #[test]
    fn the_first_year_is_judged_on_its_pace() {
        let w = master_starts(&[3]);
        let e = run(&pg_annual(), &w.ctx(date(2023, 12, 1)));
        assert_eq!(e.targets[0].status, TargetStatus::AtRisk);
        assert_eq!(e.targets[0].note_code, Some(TargetNote::BehindPace));
        let e = run(&pg_annual(), &w.ctx(date(2023, 2, 1)));
        assert_eq!(e.targets[0].status, TargetStatus::InProgress);
        assert_eq!(e.targets[0].note_code, None);
    }

    #[test]
    fn more_than_the_range_is_met_and_says_so() {
        // 16 + 15 over 2 years: above 15 a year, still met
        let e = run(&pg_annual(), &master_starts(&[16, 15]).ctx(date(2025, 3, 1)));
        assert_eq!(e.targets[0].status, TargetStatus::Met);
        assert_eq!(e.targets[0].note_code, Some(TargetNote::AboveRange));
        let e = run(&pg_annual(), &master_starts(&[15, 15]).ctx(date(2025, 3, 1)));
        assert_eq!(e.targets[0].note_code, None);
    }
}
