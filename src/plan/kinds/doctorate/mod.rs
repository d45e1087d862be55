//! Heads of the Political School, colleges, health and science & technology hold a
//! doctorate by 2026: PG-HEAD-DOCTOR (II.1 ¶2).

use chrono::NaiveDate;
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::model::{Degree, HeadOf, Official, Program};
use crate::plan::Target;
use crate::plan::kinds::window::{Counts, WindowRow, classify, in_progress_note};
use crate::plan::kinds::lists::{Reason, due};
use crate::plan::kinds::{Lists, Out, RuleKind, Table};
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
                program: Some(Program::Doctor),
                deadline: Some(deadline),
                completed_on: completed,
                note: in_progress_note(ctx, idx, Program::Doctor, status),
                ..Finding::new(out.target, idx, status, severity)
            };
            out.findings.push(finding.with_days(days));
        }
    }
    counts.row(out, Some(Program::Doctor), Some(deadline));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HeadOf, Severity};
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
        w.enrolled("F", Program::Doctor, date(2024, 9, 1));
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
