//! Planned officials who lack the programme of the title they are planned for:
//! PLANNED-READY (IV.4, the plan's 2023 focus).

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::model::{Role, Severity};
use crate::plan::Target;
use crate::plan::kinds::window::in_progress_note;
use crate::model::TitleLevel;
use crate::plan::kinds::lists::{Reason, Why};
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table};
use crate::plan::kinds::shared::{
    Context, Finding, KeyNumbers, Note, PeopleByStatus, PersonStatus, TargetNote, TargetStatus,
};

/// Planned officials have the programme of their planned title (IV.4): no numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedReady;

impl RuleKind for PlannedReady {
    const NAME: &'static str = "planned_ready";
    const KEYS: &'static [&'static str] = &[];
    type Row = PlannedReadyRow;

    fn parse(_: &Table<'_>) -> Result<PlannedReady, Diagnostic> {
        Ok(PlannedReady)
    }

    /// The ready count as done: they hold the planned title's programme.
    fn people(row: &PlannedReadyRow) -> Option<PeopleByStatus> {
        Some(PeopleByStatus {
            done: row.ready,
            not_ready: row.not_ready,
            missing_data: row.missing_data,
            ..PeopleByStatus::default()
        })
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, PlannedReadyRow>) {
        evaluate(ctx, out);
    }

    /// Planned officials without the programme of the planned title; one whose
    /// title level is empty on the list of unknown programme.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        for level in [TitleLevel::Department, TitleLevel::District] {
            lists.touch(Some(level.title_program()), &target.rule);
        }
        for (idx, official) in ctx.roster.iter() {
            if official.role != Role::Planned {
                continue;
            }
            let program = official.title_level.map(TitleLevel::title_program);
            if program.is_some_and(|p| ctx.history.completed(idx, p).is_some()) {
                continue;
            }
            let note = program.and_then(|p| in_progress_note(ctx, idx, p, PersonStatus::NotReady));
            lists.add(program, idx, Reason::new(target, Why::NotReady, note));
        }
    }
}

/// The numbers of the planned officials' row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedReadyRow {
    pub population: u32,
    pub ready: u32,
    pub not_ready: u32,
    pub missing_data: u32,
}

impl Row for PlannedReadyRow {
    /// The requirement is everyone; the shortfall is those not ready, or whose
    /// readiness is unknown.
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: Some(self.population),
            achieved: self.ready,
            required: Some(self.population),
            shortfall: Some(self.not_ready + self.missing_data),
        }
    }

}

fn evaluate(ctx: &Context<'_>, out: &mut Out<'_, PlannedReadyRow>) {
    let (mut ready, mut not_ready, mut missing) = (0u32, 0u32, 0u32);
    for (idx, official) in ctx.roster.iter() {
        if official.role != Role::Planned {
            continue;
        }
        let program = official.title_level.map(|l| l.title_program());
        let completed = program.and_then(|p| ctx.history.completed(idx, p));
        let status = match (program, completed) {
            (None, _) => PersonStatus::MissingData,
            (Some(_), Some(_)) => PersonStatus::Done,
            (Some(_), None) => PersonStatus::NotReady,
        };
        match status {
            PersonStatus::Done => ready += 1,
            PersonStatus::MissingData => missing += 1,
            _ => not_ready += 1,
        }
        if status != PersonStatus::Done {
            out.findings.push(Finding {
                program,
                note: match program {
                    None => Some(Note::NoPlannedTitleLevel),
                    Some(p) => in_progress_note(ctx, idx, p, status),
                },
                ..Finding::new(out.target, idx, status, Severity::Warning)
            });
        }
    }
    let population = ready + not_ready + missing;
    let (status, severity, note) = if population == 0 {
        (TargetStatus::NoData, None, Some(TargetNote::NobodyConcerned))
    } else if not_ready + missing > 0 {
        (TargetStatus::AtRisk, Some(Severity::Warning), None)
    } else {
        (TargetStatus::Met, None, None)
    };
    out.row(
        status,
        severity,
        note,
        PlannedReadyRow {
            population,
            ready,
            not_ready,
            missing_data: missing,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Program, TitleLevel};
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::testing::*;

    #[test]
    fn planned_officials_need_the_programme_of_their_planned_level() {
        let district = |id: &str| planned(id).with(|o| o.title_level = Some(TitleLevel::District));
        let mut w = World::new(vec![
            planned("wrong-level"),
            district("ready"),
            district("enrolled"),
            planned("no-level").with(|o| o.title_level = None),
            incumbent("incumbent"),
        ]);
        for id in ["wrong-level", "ready"] {
            w.completed(id, Program::TitleDistrict, date(2023, 1, 1), date(2023, 5, 1));
        }
        w.enrolled("enrolled", Program::TitleDistrict, date(2026, 1, 1));
        let t = target("PLANNED-READY", Kind::PlannedReady(PlannedReady));
        let e = run(&t, &w.ctx(date(2026, 11, 25)));
        let got: Vec<(&str, PersonStatus, Option<Note>)> = e
            .findings
            .iter()
            .map(|f| (w.roster.names(f.official).unwrap().id, f.status, f.note))
            .collect();
        assert_eq!(
            got,
            vec![
                ("wrong-level", PersonStatus::NotReady, None),
                (
                    "enrolled",
                    PersonStatus::NotReady,
                    Some(Note::InProgress)
                ),
                (
                    "no-level",
                    PersonStatus::MissingData,
                    Some(Note::NoPlannedTitleLevel)
                ),
            ]
        );
        assert_eq!(
            e.targets[0].detail,
            Detail::PlannedReady(PlannedReadyRow {
                population: 4,
                ready: 1,
                not_ready: 2,
                missing_data: 1
            })
        );
        assert_eq!(e.targets[0].status, TargetStatus::AtRisk);
    }

    #[test]
    fn no_planned_official_is_no_data() {
        let w = World::new(vec![incumbent("A")]);
        let e = run(
            &target("PLANNED-READY", Kind::PlannedReady(PlannedReady)),
            &w.ctx(date(2026, 1, 1)),
        );
        assert_eq!(e.targets[0].status, TargetStatus::NoData);
    }
}
