//! Heads of the Political School, colleges, health and science & technology hold a
//! doctorate by 2026: PG-HEAD-DOCTOR (II.1 ¶2).

use chrono::{Datelike, NaiveDate};
use toml::Spanned;

use crate::i18n::Bilingual;
use crate::lang::Lang;
use crate::diag::Diagnostic;
use crate::model::{Degree, HeadOf, Official, Program};
use crate::plan::{Glossary, Target};
use crate::plan::kinds::window::{Counts, WindowRow, classify, in_progress_note};
use crate::plan::kinds::lists::{Reason, due};
use crate::plan::kinds::{Lists, Out, RuleKind, Table, either};
use crate::plan::kinds::shared::{Context, Finding, PersonStatus};

/// Heads of some institutions hold a doctorate by a date (II.1 ¶2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doctorate {
    pub heads: Vec<HeadOf>,
    pub deadline: NaiveDate,
}

impl RuleKind for Doctorate {
    const NAME: &'static str = "doctorate";
    const KEYS: &'static [&'static str] = &["heads", "deadline"];
    const DOC: Bilingual = DOC;
    /// A window with a fixed deadline.
    type Row = WindowRow;

    fn parse(t: &Table<'_>) -> Result<Doctorate, Diagnostic> {
        let heads: Spanned<Vec<Spanned<String>>> = t.need("heads")?;
        let deadline: Spanned<toml::value::Datetime> = t.need("deadline")?;
        Ok(Doctorate {
            heads: heads
                .get_ref()
                .iter()
                .map(|h| t.head(h))
                .collect::<Result<Vec<_>, _>>()?,
            deadline: t.date(&deadline, "deadline")?,
        })
    }

    /// The deadline, as the plan gives it (`by 2026`) and as a day (`31/12/2026`).
    fn quotes(targets: &[&Doctorate], _: &Glossary, lang: Lang) -> Vec<(&'static str, String)> {
        vec![
            ("year", either(targets.iter().map(|d| d.deadline.year()), lang)),
            (
                "deadline",
                either(targets.iter().map(|d| d.deadline.format("%d/%m/%Y")), lang),
            ),
        ]
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, WindowRow>) {
        evaluate(self, ctx, out);
    }

    /// Heads still without a doctorate, whatever the year: a doctorate takes
    /// years, so one not started is the business of every year.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        let program = Program::Doctor;
        lists.touch(Some(program), &target.rule);
        for (idx, official) in ctx.roster.iter() {
            let holds = official.degree == Some(Degree::Doctor)
                || ctx.history.completed(idx, program).is_some();
            if !is_head(self, official) || holds {
                continue;
            }
            let (why, note) = due(self.deadline, program, idx, ctx);
            lists.add(Some(program), idx, Reason::new(target, why, note));
        }
    }
}

/// What `explain` prints about a doctorate target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
The head of the Provincial Political School, of each college, of the health sector and
of science & technology holds a doctorate by {year}, read as by {deadline}.

## How it is computed
The population is incumbents whose head_of is one of those institutions. A head whose
degree is doctor, or who completed a doctor enrolment on or before the deadline, is done;
one who completed it after the deadline is late. Otherwise the deadline decides, as for
the window rules: overdue (error) after {deadline}, due_soon (warning) within
--due-soon-days of it, else open.

## Example
As-of 2026-11-25: a college head with a master's degree and no doctorate is due soon,
36 days left; as-of 2027-01-01 the same head is overdue by 1 day.

## Edge cases
- {deadline} itself is not yet overdue.
- An enrolment in a doctorate that is still in progress does not count, but is noted.
- No head in the roster: no_data.
- Planned officials are not heads yet and are not counted.
",
    vi: "\
## Kiểm tra điều gì
Người đứng đầu Trường Chính trị tỉnh, các trường cao đẳng, ngành Y tế và Khoa học - Công
nghệ có trình độ tiến sĩ đến năm {year}, hiểu là đến hết ngày {deadline}.

## Cách tính
Đối tượng là cán bộ đương chức có head_of là một trong các cơ quan, đơn vị đó. Người đứng
đầu có degree là doctor, hoặc đã hoàn thành khóa đào tạo tiến sĩ (doctor) vào hoặc trước
hạn, là đã hoàn thành; người hoàn thành sau hạn là hoàn thành muộn. Nếu chưa hoàn thành,
hạn quyết định như ở các chỉ tiêu loại window: quá hạn (lỗi) sau ngày {deadline}, sắp đến
hạn (cảnh báo) khi còn không quá --due-soon-days ngày, còn lại là chưa đến hạn.

## Ví dụ
Tính đến ngày 25/11/2026: người đứng đầu một trường cao đẳng có bằng thạc sĩ, chưa có bằng
tiến sĩ là sắp đến hạn, còn 36 ngày; tính đến ngày 01/01/2027, cũng người đó là quá hạn
1 ngày.

## Trường hợp đặc biệt
- Chính ngày {deadline} chưa tính là quá hạn.
- Khóa đào tạo tiến sĩ đang học chưa được tính, nhưng được ghi chú.
- Danh sách không có người đứng đầu nào: không có dữ liệu (no_data).
- Cán bộ quy hoạch chưa là người đứng đầu và không được tính.
",
};

/// Whether an official is an incumbent head of one of the institutions.
pub fn is_head(doctorate: &Doctorate, official: &Official) -> bool {
    official.is_incumbent()
        && official
            .head_of
            .is_some_and(|h| doctorate.heads.contains(&h))
}

fn evaluate(doctorate: &Doctorate, ctx: &Context<'_>, out: &mut Out<'_, WindowRow>) {
    let mut counts = Counts::default();
    let deadline = doctorate.deadline;
    for (idx, official) in ctx.roster.iter() {
        if !is_head(doctorate, official) {
            continue;
        }
        let completed = ctx.history.completed(idx, Program::Doctor);
        let (status, days) = if official.degree == Some(Degree::Doctor) {
            (PersonStatus::Done, None)
        } else {
            classify(deadline, completed, ctx.as_of, ctx.due_soon_days)
        };
        counts.add(status);
        if let Some(severity) = status.severity() {
            let finding = Finding {
                target: out.target,
                official: idx,
                status,
                severity,
                program: Some(Program::Doctor),
                anchor: None,
                deadline: Some(deadline),
                days_overdue: None,
                days_left: None,
                days_late: None,
                completed_on: completed,
                note: in_progress_note(ctx, idx, Program::Doctor, status),
            };
            out.findings.push(finding.with_days(days));
        }
    }
    let (status, severity) = counts.status();
    out.row(
        status,
        severity,
        counts.note(),
        WindowRow {
            program: Some(Program::Doctor),
            deadline: Some(deadline),
            population: counts.population(),
            counts,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, HeadOf, Severity};
    use crate::plan::kinds::shared::TargetStatus;
    use crate::plan::kinds::shared::testing::*;

    fn head(id: &str, degree: Degree) -> OfficialRow {
        incumbent(id).with(|o| {
            o.head_of = Some(HeadOf::College);
            o.degree = Some(degree);
        })
    }

    #[test]
    fn the_last_day_of_2026_is_not_yet_overdue() {
        let w = World::new(vec![head("H", Degree::Master)]);
        let e = run(&pg_head_doctor(), &w.ctx(date(2026, 12, 31)));
        assert_eq!(
            (e.findings[0].status, e.findings[0].days_left),
            (PersonStatus::DueSoon, Some(0))
        );
        let e = run(&pg_head_doctor(), &w.ctx(date(2027, 1, 1)));
        assert_eq!(
            (e.findings[0].status, e.findings[0].days_overdue),
            (PersonStatus::Overdue, Some(1))
        );
        assert_eq!(e.findings[0].severity, Severity::Error);
        assert_eq!(e.targets[0].status, TargetStatus::Gap);
    }

    #[test]
    fn a_doctorate_by_degree_or_by_completion_is_done() {
        let mut w = World::new(vec![
            head("D", Degree::Doctor),
            head("E", Degree::Master),
            head("F", Degree::Master),
        ]);
        w.completed("E", Program::Doctor, date(2021, 9, 1), date(2025, 6, 1));
        w.enrol(
            "F",
            Program::Doctor,
            date(2024, 9, 1),
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
        let e = run(&pg_head_doctor(), &w.ctx(date(2026, 6, 1)));
        assert_eq!(e.findings.len(), 0);
        assert_eq!(e.targets[0].status, TargetStatus::InProgress);
        let e = run(&pg_head_doctor(), &w.ctx(date(2026, 11, 1)));
        assert_eq!(e.findings.len(), 1);
        assert_eq!(
            e.findings[0].note,
            Some(crate::plan::kinds::shared::Note::InProgress)
        );
    }

    #[test]
    fn officials_heading_nothing_are_not_counted() {
        let w = World::new(vec![
            incumbent("A"),
            planned("P").with(|o| o.head_of = Some(HeadOf::Health)),
        ]);
        let e = run(&pg_head_doctor(), &w.ctx(date(2027, 6, 1)));
        assert_eq!(e.targets[0].status, TargetStatus::NoData);
    }
}
