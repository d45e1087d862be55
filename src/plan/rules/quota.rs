//! Yearly numbers of officials starting a programme: QUOTA-A1 (App. 01, language
//! study per group) and QUOTA-A2 (App. 02, fostering per programme).

use chrono::{Datelike, NaiveDate};

use crate::i18n::Bilingual;
use crate::model::{Program, Severity};
use crate::plan::rules::{Context, Detail, Evaluation, Subject, TargetStatus, result};
use crate::plan::{Quota, QuotaSubject, Target};

pub const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
Each year, at least the plan's number of officials start the programme (App. 02:
department- and district-level leadership, senior and principal specialist), or start
language study among a language group (App. 01, last column: 15, 15, 16 for group 1...).

## How it is computed
achieved (programme or group, year) = distinct officials with an enrolment that is not
withdrawn and starts in that year; one person counts once in a year, and again in another
year where they start again. For a language group, officials of the group (incumbent or
planned, App. 01 covers both) starting `language`. A past year is met when achieved ≥
quota, else a gap (error) short by quota − achieved. The year of as-of is in progress
(also once the number is reached: the year is not over), or at risk (warning) when behind
pace, i.e. achieved × days in the year < quota × days already past. Later years are open.
Starting more than the quota is met.

## Example
title_department 2024, quota 17: 15 distinct officials started in 2024 → gap, shortfall 2.
One official starting twice in 2024 counts once.

## Edge cases
- Withdrawn enrolments do not count; enrolments in progress do.
- A year the source leaves blank may be derived from the total (App. 02, 2025: total −
  2023 − 2024) and is marked derived.
- A year with no quota has no row.
",
    vi: "\
## Kiểm tra điều gì
Mỗi năm, số cán bộ bắt đầu học chương trình ít nhất bằng con số của Kế hoạch (Phụ lục 02:
lãnh đạo, quản lý cấp sở và cấp huyện, ngạch chuyên viên cao cấp và chuyên viên chính),
hoặc bắt đầu học ngoại ngữ trong một nhóm ngoại ngữ (Phụ lục 01, cột cuối: 15, 15, 16 cho
nhóm 1...).

## Cách tính
Số đã đạt (chương trình hoặc nhóm, năm) = số cán bộ khác nhau có một lượt học không thôi
học (withdrawn), bắt đầu trong năm đó; mỗi người tính một lần trong một năm, và tính lại ở
năm khác nếu lại bắt đầu học. Với một nhóm ngoại ngữ: cán bộ của nhóm (đương chức hoặc quy
hoạch, Phụ lục 01 gồm cả hai) bắt đầu học `language`. Năm đã qua là đạt khi số đã đạt ≥
chỉ tiêu, nếu không là chưa đạt (lỗi), thiếu chỉ tiêu − số đã đạt. Năm của ngày tính
(as-of) là đang thực hiện (kể cả khi đã đủ số: năm chưa hết), hoặc có nguy cơ (cảnh báo)
khi chậm so với tiến độ, tức là số đã đạt × số ngày của năm < chỉ tiêu × số ngày đã qua.
Các năm sau là chưa đến hạn. Bắt đầu nhiều hơn chỉ tiêu là đạt.

## Ví dụ
title_department năm 2024, chỉ tiêu 17: 15 cán bộ khác nhau bắt đầu học năm 2024 → chưa
đạt, thiếu 2. Một cán bộ bắt đầu học hai lần trong năm 2024 chỉ tính một lần.

## Trường hợp đặc biệt
- Lượt học đã thôi học (withdrawn) không được tính; lượt học đang học được tính.
- Năm mà văn bản để trống có thể được suy ra từ tổng số (Phụ lục 02, năm 2025: tổng −
  2023 − 2024) và được ghi là suy ra.
- Năm không có chỉ tiêu thì không có dòng.
",
};

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
    // The as-of year is in progress (SPEC §3), even once its number is reached.
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

/// Distinct officials starting `program` in `year`, among those `counts`.
pub fn starts(
    ctx: &Context<'_>,
    program: Program,
    year: i32,
    counts: impl Fn(&crate::model::Official) -> bool,
) -> u32 {
    let n = ctx
        .roster
        .iter()
        .filter(|(idx, o)| counts(o) && ctx.history.started_in(*idx, program, year))
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Distinct officials a quota subject counts in `year`.
pub fn achieved(ctx: &Context<'_>, subject: QuotaSubject, year: i32) -> u32 {
    match subject {
        QuotaSubject::Program(program) => starts(ctx, program, year, |_| true),
        QuotaSubject::LanguageGroup(group) => starts(ctx, Program::Language, year, |o| {
            o.language_groups.contains(group)
        }),
    }
}

pub fn evaluate(target: &Target, quota: &Quota, ctx: &Context<'_>, out: &mut Evaluation) {
    let subject = match quota.subject {
        QuotaSubject::Program(program) => Subject::Program { program },
        QuotaSubject::LanguageGroup(group) => Subject::Group { group },
    };
    for year in &quota.years {
        let achieved = achieved(ctx, quota.subject, year.year);
        let (status, severity, shortfall) = year_status(year.year, year.quota, achieved, ctx.as_of);
        out.targets.push(result(
            target,
            status,
            severity,
            Detail::Quota {
                subject,
                year: year.year,
                quota: Some(year.quota),
                derived: year.derived,
                achieved,
                shortfall,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, Groups};
    use crate::plan::rules::testing::*;
    use crate::plan::{Kind, YearQuota};

    fn a2(quota: &[(i32, u32)]) -> Target {
        target(
            "QUOTA-A2",
            Kind::Quota(Quota {
                subject: QuotaSubject::Program(Program::TitleDepartment),
                total: None,
                years: quota
                    .iter()
                    .map(|&(year, quota)| YearQuota {
                        year,
                        quota,
                        derived: false,
                    })
                    .collect(),
            }),
        )
    }

    fn rows(e: &Evaluation) -> Vec<(i32, TargetStatus, u32, Option<u32>)> {
        e.targets
            .iter()
            .map(|t| match t.detail {
                Detail::Quota {
                    year,
                    achieved,
                    shortfall,
                    ..
                } => (year, t.status, achieved, shortfall),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn counts_distinct_officials_per_start_year() {
        let mut w = World::new(vec![incumbent("A"), planned("B"), incumbent("C")]);
        let p = Program::TitleDepartment;
        w.enrol(
            "A",
            p,
            date(2024, 2, 1),
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
        w.enrol(
            "A",
            p,
            date(2024, 9, 1),
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
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
        w.enrol(
            "C",
            Program::Sector,
            date(2024, 5, 1),
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
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
            w.enrol(
                id,
                Program::Language,
                date(2023, 3, 1),
                None,
                EnrolmentStatus::Enrolled,
                false,
            );
        }
        let ctx = w.ctx(date(2026, 1, 1));
        assert_eq!(achieved(&ctx, QuotaSubject::LanguageGroup(1), 2023), 1);
        assert_eq!(achieved(&ctx, QuotaSubject::LanguageGroup(3), 2023), 0);
        assert_eq!(
            achieved(&ctx, QuotaSubject::Program(Program::Language), 2023),
            3
        );
    }
}
