//! Officials sent to fostering abroad against the central quota: OVERSEAS (II.2.g).

use chrono::Datelike;

use crate::diag::Diagnostic;
use crate::plan::Target;
use crate::plan::kinds::quota::{QuotaRow, Subject, YearQuota, pace_note, quotas, year_status};
use crate::plan::kinds::{Out, RuleKind, Table};
use crate::plan::kinds::shared::{Context, TargetNote, TargetStatus};

/// Officials sent abroad against a centrally allocated quota (II.2.g).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overseas {
    pub from_year: i32,
    /// Set by the office; empty = counts only.
    pub years: Vec<YearQuota>,
}

impl RuleKind for Overseas {
    const NAME: &'static str = "overseas";
    const KEYS: &'static [&'static str] = &["from_year", "quotas"];
    /// A quota whose subject is going abroad.
    type Row = QuotaRow;

    fn parse(t: &Table<'_>) -> Result<Overseas, Diagnostic> {
        Ok(Overseas {
            from_year: t.year(&t.need("from_year")?, "from_year")?,
            years: match t.get("quotas")? {
                Some(q) => quotas(t, &q)?,
                None => Vec::new(),
            },
        })
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, QuotaRow>) {
        let overseas = self;
        let last = overseas
            .years
            .iter()
            .map(|y| y.year)
            .max()
            .unwrap_or(i32::MIN)
            .max(ctx.as_of.year());
        let by_year = ctx
            .history
            .abroad_by_year(ctx.roster.iter().map(|(idx, _)| idx));
        for year in overseas.from_year..=last {
            let achieved = by_year.get(year);
            let quota = overseas.years.iter().find(|y| y.year == year);
            let (status, severity, shortfall) = match quota {
                Some(q) => year_status(year, q.quota, achieved, ctx.as_of),
                None => (TargetStatus::NoData, None, None),
            };
            let note = match quota {
                Some(_) => pace_note(status),
                None => Some(TargetNote::NoQuota),
            };
            out.row(
                status,
                severity,
                note,
                QuotaRow {
                    subject: Subject::Abroad { abroad: true },
                    year,
                    quota: quota.map(|q| q.quota),
                    derived: false,
                    achieved,
                    shortfall,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, Program, Severity};
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::testing::*;

    fn overseas(quotas: &[(i32, u32)]) -> Target {
        target(
            "OVERSEAS",
            Kind::Overseas(Overseas {
                from_year: 2023,
                years: quotas
                    .iter()
                    .map(|&(year, quota)| YearQuota::given(year, quota))
                    .collect(),
            }),
        )
    }

    fn world() -> World {
        let mut w = World::new(vec![incumbent("A"), incumbent("B")]);
        // A abroad on two programmes; B withdrawn abroad, then enrolled at home
        for (id, program, status, abroad) in [
            ("A", Program::Sector, EnrolmentStatus::Enrolled, true),
            ("A", Program::Language, EnrolmentStatus::Enrolled, true),
            ("B", Program::Sector, EnrolmentStatus::Withdrawn, true),
            ("B", Program::Sector, EnrolmentStatus::Enrolled, false),
        ] {
            w.enrol(id, program, date(2024, 4, 1), None, status, abroad);
        }
        w
    }

    #[test]
    fn without_a_quota_it_only_counts() {
        let w = world();
        let e = run(&overseas(&[]), &w.ctx(date(2025, 5, 1)));
        assert_eq!(e.targets.len(), 3);
        assert!(
            e.targets
                .iter()
                .all(|t| t.status == TargetStatus::NoData && t.severity.is_none())
        );
        assert!(
            e.targets
                .iter()
                .all(|t| t.note_code == Some(TargetNote::NoQuota))
        );
        match e.targets[1].detail {
            Detail::Overseas(QuotaRow { year, achieved, .. }) => {
                assert_eq!((year, achieved), (2024, 1))
            }
            _ => unreachable!(),
        }
    }

    #[test]
    fn with_a_quota_it_judges_the_year() {
        let w = world();
        let e = run(&overseas(&[(2024, 2), (2027, 1)]), &w.ctx(date(2025, 5, 1)));
        assert_eq!(e.targets.len(), 5);
        assert_eq!(e.targets[1].status, TargetStatus::Gap);
        assert_eq!(e.targets[1].severity, Some(Severity::Error));
        assert_eq!(e.targets[4].status, TargetStatus::Open);
    }
}
