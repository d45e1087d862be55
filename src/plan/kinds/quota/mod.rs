//! Yearly numbers of officials starting a programme: QUOTA-A1 (App. 01, language
//! study per group) and QUOTA-A2 (App. 02, fostering per programme).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::history::YearCounts;
use crate::diag::Diagnostic;
use crate::diag::problem::{Data, Quantity, TargetOf};
use crate::model::{Program, Severity};
use crate::plan::Target;
use crate::plan::kinds::lists::PlanNumber;
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table};
use crate::plan::kinds::shared::{Context, KeyNumbers, TargetKey, TargetNote, TargetStatus};

/// What a quota counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotaSubject {
    /// Officials starting this programme (App. 02).
    Program(Program),
    /// Officials of this language group starting language study (App. 01).
    LanguageGroup(u8),
}

/// One year's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearQuota {
    pub year: i32,
    pub quota: u32,
    /// Not in the source: worked out from the total.
    pub derived: bool,
}

impl YearQuota {
    /// The quota the plan file gives for `year`.
    pub fn given(year: i32, quota: u32) -> YearQuota {
        YearQuota {
            year,
            quota,
            derived: false,
        }
    }
}

/// Yearly numbers of officials starting training (App. 01 last column, App. 02).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    pub subject: QuotaSubject,
    pub total: Option<u32>,
    /// In year order.
    pub years: Vec<YearQuota>,
}

impl RuleKind for Quota {
    const NAME: &'static str = "quota";
    const KEYS: &'static [&'static str] = &["group", "program", "total", "quotas", "derived_year"];
    type Row = QuotaRow;

    fn parse(t: &Table<'_>) -> Result<Quota, Diagnostic> {
        let program: Option<Spanned<String>> = t.get("program")?;
        let group: Option<Spanned<i64>> = t.get("group")?;
        let subject = match (&program, &group) {
            (Some(p), None) => QuotaSubject::Program(t.program(p, "program")?),
            (None, Some(g)) => QuotaSubject::LanguageGroup(t.group(g)?),
            _ => {
                return Err(t.target_error(Data::ProgramOrGroup {
                    rule: t.rule().to_owned(),
                }));
            }
        };
        let mut years = quotas(t, &t.need("quotas")?)?;
        let total_raw: Option<Spanned<i64>> = t.get("total")?;
        let total = match &total_raw {
            Some(v) => Some(t.number(v, "total", 0..1_000_000_000, Quantity::Total)?),
            None => None,
        };
        let sum: u64 = years.iter().map(|y| u64::from(y.quota)).sum();
        if let (Some(v), Some(total)) = (&total_raw, total)
            && sum > u64::from(total)
        {
            return Err(t.error(v.span(), Data::TotalBelowSum { total, sum }));
        }
        if let Some(d) = t.get::<Spanned<i64>>("derived_year")? {
            let year = t.year(&d, "derived_year")?;
            let Some(total) = total else {
                return Err(t.error(d.span(), Data::DerivedWithoutTotal));
            };
            if years.iter().any(|y| y.year == year) {
                return Err(t.error(d.span(), Data::DerivedHasQuota { year }));
            }
            // App. 02 leaves a year blank: it is what the total leaves.
            let quota = u32::try_from(u64::from(total) - sum).unwrap_or(0);
            years.push(YearQuota {
                year,
                quota,
                derived: true,
            });
            years.sort_by_key(|y| y.year);
        }
        Ok(Quota {
            subject,
            total,
            years,
        })
    }


    fn identity(&self) -> TargetOf {
        match self.subject {
            QuotaSubject::Program(p) => TargetOf::Program(p.code()),
            QuotaSubject::LanguageGroup(g) => TargetOf::Group(g),
        }
    }

    /// The year's number beside its programme or language group; a programme the
    /// plan sets a number for is listed, even when no rule sends anyone.
    fn gaps(&self, target: &Target, _ctx: &Context<'_>, lists: &mut Lists) {
        let Some(year) = self.years.iter().find(|y| y.year == lists.year()) else {
            return;
        };
        if let QuotaSubject::Program(p) = self.subject {
            lists.list(Some(p));
        }
        lists.number(
            self.subject,
            PlanNumber {
                clause: target.clause.clone(),
                number: year.quota,
                derived: year.derived,
            },
        );
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, QuotaRow>) {
        let quota = self;
        let subject = match quota.subject {
            QuotaSubject::Program(program) => Subject::Program { program },
            QuotaSubject::LanguageGroup(group) => Subject::Group { group },
        };
        let by_year = achieved_by_year(ctx, quota.subject);
        for year in &quota.years {
            let achieved = by_year.get(year.year);
            let (status, severity, shortfall) =
                year_status(year.year, year.quota, achieved, ctx.as_of);
            out.row(
                status,
                severity,
                pace_note(status),
                QuotaRow {
                    subject,
                    year: year.year,
                    quota: Some(year.quota),
                    derived: year.derived,
                    achieved,
                    shortfall,
                },
            );
        }
    }
}

/// `year = number` pairs of a plan file (`quotas = { 2023 = 15, 2024 = 15 }`), in
/// year order.
pub fn quotas(
    t: &Table<'_>,
    quotas: &Spanned<BTreeMap<String, Spanned<i64>>>,
) -> Result<Vec<YearQuota>, Diagnostic> {
    let mut years = Vec::new();
    for (year, quota) in quotas.get_ref() {
        let y: i32 = year
            .parse()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| t.error(quotas.span(), Data::QuotaYear { year: year.clone() }))?;
        let q = t.number(
            quota,
            &format!("quotas.{year}"),
            0..1_000_000_000,
            Quantity::Quota,
        )?;
        years.push(YearQuota::given(y, q));
    }
    years.sort_by_key(|q| q.year);
    Ok(years)
}

/// What a quota-like row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Subject {
    Program { program: Program },
    Group { group: u8 },
    Abroad { abroad: bool },
}

/// The numbers of one year of a quota (and of an overseas target, whose subject
/// is going abroad).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaRow {
    #[serde(flatten)]
    pub subject: Subject,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    pub achieved: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<u32>,
}

impl Row for QuotaRow {
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: self.quota,
            achieved: self.achieved,
            required: self.quota,
            shortfall: self.shortfall,
        }
    }

    fn key(&self) -> TargetKey {
        TargetKey {
            group: match self.subject {
                Subject::Group { group } => Some(group),
                Subject::Program { .. } | Subject::Abroad { .. } => None,
            },
            program: match self.subject {
                Subject::Program { program } => Some(program),
                Subject::Group { .. } | Subject::Abroad { .. } => None,
            },
            year: Some(self.year),
        }
    }

}

/// Whether a year's number is reached, by where the year stands against as-of.
/// Returns the status, its severity and the number still missing (past and current years).
pub fn year_status(
    year: i32,
    quota: u32,
    achieved: u32,
    as_of: NaiveDate,
) -> (TargetStatus, Option<Severity>, Option<u32>) {
    let missing = quota.saturating_sub(achieved);
    if year > as_of.year() {
        return (TargetStatus::Open, None, None);
    }
    if year < as_of.year() {
        return if missing == 0 {
            (TargetStatus::Met, None, Some(0))
        } else {
            (TargetStatus::Gap, Some(Severity::Error), Some(missing))
        };
    }
    // The as-of year is in progress, even once its number is reached: the year is not over.
    let days_in_year = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    };
    let past = u64::from(as_of.ordinal0());
    if u64::from(achieved) * days_in_year < u64::from(quota) * past {
        (TargetStatus::AtRisk, Some(Severity::Warning), Some(missing))
    } else {
        (TargetStatus::InProgress, None, Some(missing))
    }
}

/// Why a year stands where it does: behind its pace when at risk.
pub fn pace_note(status: TargetStatus) -> Option<TargetNote> {
    (status == TargetStatus::AtRisk).then_some(TargetNote::BehindPace)
}

/// Distinct officials a quota subject counts, in each year.
pub fn achieved_by_year(ctx: &Context<'_>, subject: QuotaSubject) -> YearCounts {
    let roster = ctx.roster.iter();
    match subject {
        QuotaSubject::Program(program) => ctx
            .history
            .starts_by_year(roster.map(|(idx, _)| idx), &[program]),
        QuotaSubject::LanguageGroup(group) => ctx.history.starts_by_year(
            roster
                .filter(|(_, o)| o.language_groups.contains(group))
                .map(|(idx, _)| idx),
            &[Program::Language],
        ),
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, Groups};
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::Evaluation;
    use crate::plan::kinds::shared::testing::*;

    fn a2(quota: &[(i32, u32)]) -> Target {
        target(
            "QUOTA-A2",
            Kind::Quota(Quota {
                subject: QuotaSubject::Program(Program::TitleDepartment),
                total: None,
                years: quota
                    .iter()
                    .map(|&(year, quota)| YearQuota::given(year, quota))
                    .collect(),
            }),
        )
    }

    fn rows(e: &Evaluation) -> Vec<(i32, TargetStatus, u32, Option<u32>)> {
        e.targets
            .iter()
            .map(|t| match t.detail {
                Detail::Quota(QuotaRow {
                    year,
                    achieved,
                    shortfall,
                    ..
                }) => (year, t.status, achieved, shortfall),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn counts_distinct_officials_per_start_year() {
        let mut w = World::new(vec![incumbent("A"), planned("B"), incumbent("C")]);
        let p = Program::TitleDepartment;
        w.enrolled("A", p, date(2024, 2, 1));
        w.enrolled("A", p, date(2024, 9, 1));
        w.completed("A", p, date(2025, 1, 1), date(2025, 6, 1));
        w.completed("B", p, date(2024, 12, 31), date(2025, 3, 1));
        w.enrol(
            "C",
            p,
            date(2024, 5, 1),
            None,
            EnrolmentStatus::Withdrawn,
            false,
        );
        w.enrolled("C", Program::Sector, date(2024, 5, 1));
        let e = run(&a2(&[(2024, 2), (2025, 2)]), &w.ctx(date(2026, 1, 10)));
        assert_eq!(
            rows(&e),
            vec![
                (2024, TargetStatus::Met, 2, Some(0)),
                (2025, TargetStatus::Gap, 1, Some(1))
            ]
        );
        assert_eq!(e.targets[1].severity, Some(Severity::Error));
    }

    #[test]
    fn past_current_and_future_years() {
        let as_of = date(2025, 7, 2);
        assert_eq!(
            year_status(2024, 17, 15, as_of),
            (TargetStatus::Gap, Some(Severity::Error), Some(2))
        );
        assert_eq!(year_status(2024, 17, 17, as_of).0, TargetStatus::Met);
        assert_eq!(year_status(2024, 17, 30, as_of).0, TargetStatus::Met);
        assert_eq!(
            year_status(2026, 17, 0, as_of),
            (TargetStatus::Open, None, None)
        );
        // 2 July 2025: 182 of 365 days past; pace for 10 is 4.99
        assert_eq!(year_status(2025, 10, 5, as_of).0, TargetStatus::InProgress);
        assert_eq!(
            year_status(2025, 10, 4, as_of),
            (TargetStatus::AtRisk, Some(Severity::Warning), Some(6))
        );
        assert_eq!(
            year_status(2025, 10, 0, date(2025, 1, 1)).0,
            TargetStatus::InProgress
        );
        assert_eq!(
            year_status(2025, 10, 10, date(2025, 1, 1)),
            (TargetStatus::InProgress, None, Some(0))
        );
        assert_eq!(
            year_status(2025, 10, 12, date(2025, 12, 31)).0,
            TargetStatus::InProgress
        );
    }

    #[test]
    fn language_quotas_count_officials_of_the_group() {
        let in_group =
            |id: &str, g| incumbent(id).with(|o| o.language_groups = Groups::default().with(g));
        let mut w = World::new(vec![in_group("A", 1), in_group("B", 2), incumbent("C")]);
        for id in ["A", "B", "C"] {
            w.enrolled(id, Program::Language, date(2023, 3, 1));
        }
        let ctx = w.ctx(date(2026, 1, 1));
        let achieved = |subject, year| achieved_by_year(&ctx, subject).get(year);
        assert_eq!(achieved(QuotaSubject::LanguageGroup(1), 2023), 1);
        assert_eq!(achieved(QuotaSubject::LanguageGroup(3), 2023), 0);
        assert_eq!(
            achieved(QuotaSubject::Program(Program::Language), 2023),
            3
        );
    }
}
