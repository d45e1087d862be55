//! Training within N calendar months of a date: TITLE-2Y (II.2.d), CVCC-2Y (II.2.đ),
//! SECTOR-2Y (II.2.e).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::diag::problem::Quantity;
use crate::model::{Official, Program, Severity};
use crate::plan::Target;
use crate::model::TitleLevel;
use crate::plan::kinds::lists::{Reason, Why, due};
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table};
use crate::plan::kinds::shared::{
    Context, Finding, KeyNumbers, Note, PeopleByStatus, PersonStatus, TargetKey, TargetNote,
    TargetStatus,
};

/// Who a window rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppliesTo {
    /// Every incumbent (II.2.d).
    Incumbents,
    /// Incumbents with a central planning approval date (II.2.đ).
    CentrallyPlannedIncumbents,
    /// Incumbents marked as leaders of provincial departments (II.2.e).
    DepartmentLeaders,
}

/// The date a window runs from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    AppointedOn,
    CentralPlanApprovedOn,
}

/// The programme a window asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    /// `title_department` or `title_district` by the official's `title_level`.
    ByTitleLevel,
    Program(Program),
}

/// Training completed within `months` calendar months of an anchor date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub applies_to: AppliesTo,
    pub anchor: Anchor,
    pub program: Required,
    pub months: u32,
}

impl RuleKind for Window {
    const NAME: &'static str = "window";
    const KEYS: &'static [&'static str] = &["applies_to", "anchor", "program", "months"];
    type Row = WindowRow;

    fn parse(t: &Table<'_>) -> Result<Window, Diagnostic> {
        let applies_to: Spanned<String> = t.need("applies_to")?;
        let anchor: Spanned<String> = t.need("anchor")?;
        let program: Spanned<String> = t.need("program")?;
        Ok(Window {
            applies_to: t.choice(
                &applies_to,
                "applies_to",
                &[
                    ("incumbents", AppliesTo::Incumbents),
                    (
                        "centrally_planned_incumbents",
                        AppliesTo::CentrallyPlannedIncumbents,
                    ),
                    ("department_leaders", AppliesTo::DepartmentLeaders),
                ],
            )?,
            anchor: t.choice(
                &anchor,
                "anchor",
                &[
                    ("appointed_on", Anchor::AppointedOn),
                    ("central_plan_approved_on", Anchor::CentralPlanApprovedOn),
                ],
            )?,
            program: if program.get_ref() == "by_title_level" {
                Required::ByTitleLevel
            } else {
                Required::Program(t.program(&program, "program")?)
            },
            months: t.number(&t.need("months")?, "months", 1..1201, Quantity::Months)?,
        })
    }


    fn people(row: &WindowRow) -> Option<PeopleByStatus> {
        let c = row.counts;
        Some(PeopleByStatus {
            done: c.done,
            late: c.late,
            open: c.open,
            due_soon: c.due_soon,
            overdue: c.overdue,
            not_ready: 0,
            missing_data: c.missing_data,
        })
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, WindowRow>) {
        evaluate(self, ctx, out);
    }

    /// Officials who have not completed the programme and whose deadline falls in
    /// the year or before; a missing anchor date or title level is listed too,
    /// never skipped.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        let w = self;
        match w.program {
            Required::Program(p) => lists.touch(Some(p), &target.rule),
            Required::ByTitleLevel => {
                for level in [TitleLevel::Department, TitleLevel::District] {
                    lists.touch(Some(level.title_program()), &target.rule);
                }
            }
        }
        let last_day = lists.last_day();
        for (idx, official) in ctx.roster.iter() {
            if !applies(w, official) {
                continue;
            }
            let anchor = anchor(w, official);
            let program = required(w, official);
            if program.is_some_and(|p| ctx.history.completed(idx, p).is_some()) {
                continue;
            }
            let (why, note) = match (program, anchor) {
                (Some(p), Some(anchor)) => {
                    let Some(due_on) = deadline(anchor, w.months).filter(|d| *d <= last_day)
                    else {
                        continue;
                    };
                    due(due_on, p, idx, ctx)
                }
                _ => (Why::DeadlineUnknown, Some(missing_note(w, anchor))),
            };
            lists.add(program, idx, Reason::new(target, why, note));
        }
    }
}

/// How many officials a window-like rule found in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub done: u32,
    pub late: u32,
    pub overdue: u32,
    pub due_soon: u32,
    pub open: u32,
    pub missing_data: u32,
}

impl Counts {
    pub fn add(&mut self, status: PersonStatus) {
        match status {
            PersonStatus::Done => self.done += 1,
            PersonStatus::Late => self.late += 1,
            PersonStatus::Overdue => self.overdue += 1,
            PersonStatus::DueSoon => self.due_soon += 1,
            PersonStatus::Open | PersonStatus::NotReady => self.open += 1,
            PersonStatus::MissingData => self.missing_data += 1,
        }
    }

    pub fn population(&self) -> u32 {
        self.done + self.late + self.overdue + self.due_soon + self.open + self.missing_data
    }

    /// The target's row of these people, of `program` (when one for all) and with
    /// `deadline` (when one for all).
    pub fn row(
        self,
        out: &mut Out<'_, WindowRow>,
        program: Option<Program>,
        deadline: Option<NaiveDate>,
    ) {
        let (status, severity) = self.status();
        let row = WindowRow {
            program,
            deadline,
            population: self.population(),
            counts: self,
        };
        out.row(status, severity, self.note(), row);
    }

    /// Why a row of these people stands where it does: nobody to count.
    pub fn note(&self) -> Option<TargetNote> {
        (self.population() == 0).then_some(TargetNote::NobodyConcerned)
    }

    /// A 100% target over these people: any overdue is a gap; late, due-soon
    /// or missing data put it at risk; nobody left to train is met.
    pub fn status(&self) -> (TargetStatus, Option<Severity>) {
        if self.population() == 0 {
            (TargetStatus::NoData, None)
        } else if self.overdue > 0 {
            (TargetStatus::Gap, Some(Severity::Error))
        } else if self.late + self.due_soon + self.missing_data > 0 {
            (TargetStatus::AtRisk, Some(Severity::Warning))
        } else if self.open > 0 {
            (TargetStatus::InProgress, None)
        } else {
            (TargetStatus::Met, None)
        }
    }
}

/// The numbers of a window's row (and of a doctorate's, which is one with a
/// fixed deadline).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowRow {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<Program>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    pub population: u32,
    pub counts: Counts,
}

impl Row for WindowRow {
    /// The requirement is everyone; the shortfall is the officials overdue.
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: Some(self.population),
            achieved: self.counts.done,
            required: Some(self.population),
            shortfall: Some(self.counts.overdue),
        }
    }

    fn key(&self) -> TargetKey {
        TargetKey {
            program: self.program,
            ..TargetKey::default()
        }
    }

}

/// The anchor plus `months` calendar months, the day clamped to the month's end.
pub fn deadline(anchor: NaiveDate, months: u32) -> Option<NaiveDate> {
    anchor.checked_add_months(Months::new(months))
}

/// Where one official stands against a deadline, and the days that go with it:
/// days late, days overdue or days left.
pub fn classify(
    deadline: NaiveDate,
    completed: Option<NaiveDate>,
    as_of: NaiveDate,
    due_soon_days: u32,
) -> (PersonStatus, Option<i64>) {
    match completed {
        Some(done) if done <= deadline => (PersonStatus::Done, None),
        Some(done) => (PersonStatus::Late, Some((done - deadline).num_days())),
        None if deadline < as_of => (PersonStatus::Overdue, Some((as_of - deadline).num_days())),
        None => {
            let left = (deadline - as_of).num_days();
            if left <= i64::from(due_soon_days) {
                (PersonStatus::DueSoon, Some(left))
            } else {
                (PersonStatus::Open, Some(left))
            }
        }
    }
}

/// Whether the window applies to an official: incumbents, some of them by a column.
pub fn applies(window: &Window, official: &Official) -> bool {
    official.is_incumbent()
        && match window.applies_to {
            AppliesTo::Incumbents => true,
            AppliesTo::CentrallyPlannedIncumbents => official.central_plan_approved_on.is_some(),
            AppliesTo::DepartmentLeaders => official.department_leader,
        }
}

/// The date the window runs from for an official, if the roster has it.
pub fn anchor(window: &Window, official: &Official) -> Option<NaiveDate> {
    match window.anchor {
        Anchor::AppointedOn => official.appointed_on,
        Anchor::CentralPlanApprovedOn => official.central_plan_approved_on,
    }
}

/// The programme the window asks of an official; `None` when it goes by a title
/// level the roster does not give.
pub fn required(window: &Window, official: &Official) -> Option<Program> {
    match window.program {
        Required::Program(p) => Some(p),
        Required::ByTitleLevel => official.title_level.map(|l| l.title_program()),
    }
}

/// Why no deadline can be worked out for an official the window applies to:
/// the anchor date is empty, or else the title level.
pub fn missing_note(window: &Window, anchor: Option<NaiveDate>) -> Note {
    match (anchor, window.anchor) {
        (None, Anchor::AppointedOn) => Note::NoAppointedOn,
        (None, Anchor::CentralPlanApprovedOn) => Note::NoCentralPlanApprovedOn,
        (Some(_), _) => Note::NoTitleLevel,
    }
}

fn evaluate(window: &Window, ctx: &Context<'_>, out: &mut Out<'_, WindowRow>) {
    let mut counts = Counts::default();
    for (idx, official) in ctx.roster.iter() {
        if !applies(window, official) {
            continue;
        }
        let anchor = anchor(window, official);
        let program = required(window, official);
        let mut finding = Finding {
            program,
            anchor,
            ..Finding::new(out.target, idx, PersonStatus::MissingData, Severity::Warning)
        };
        let (Some(anchor), Some(program)) = (anchor, program) else {
            finding.note = Some(missing_note(window, anchor));
            counts.add(PersonStatus::MissingData);
            out.findings.push(finding);
            continue;
        };
        let Some(due) = deadline(anchor, window.months) else {
            finding.note = Some(Note::BeyondCalendar);
            counts.add(PersonStatus::MissingData);
            out.findings.push(finding);
            continue;
        };
        let completed = ctx.history.completed(idx, program);
        let (status, days) = classify(due, completed, ctx.as_of, ctx.due_soon_days);
        counts.add(status);
        if let Some(severity) = status.severity() {
            let finding = Finding {
                status,
                severity,
                deadline: Some(due),
                completed_on: completed,
                note: in_progress_note(ctx, idx, program, status),
                ..finding
            };
            out.findings.push(finding.with_days(days));
        }
    }
    let program = match window.program {
        Required::Program(p) => Some(p),
        Required::ByTitleLevel => None,
    };
    counts.row(out, program, None);
}

/// "enrolled" when someone who is not done is at least on a course.
pub fn in_progress_note(
    ctx: &Context<'_>,
    idx: crate::model::OfficialIdx,
    program: Program,
    status: PersonStatus,
) -> Option<Note> {
    (matches!(
        status,
        PersonStatus::Overdue | PersonStatus::DueSoon | PersonStatus::Open | PersonStatus::NotReady
    ) && ctx.history.in_progress(idx, program))
    .then_some(Note::InProgress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, TitleLevel};
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::Evaluation;
    use crate::plan::kinds::shared::testing::*;

    fn counts(e: &Evaluation) -> Counts {
        match e.targets[0].detail {
            Detail::Window(WindowRow { counts, .. }) => counts,
            _ => unreachable!(),
        }
    }

    /// TITLE-2Y on 25/11/2026 for one incumbent, A, appointed on `appointed_on`,
    /// who completed `program` from `start` to `done` for each of `completions`.
    fn title_2y_of_a(
        appointed_on: NaiveDate,
        program: Program,
        completions: &[(NaiveDate, NaiveDate)],
    ) -> Evaluation {
        let mut w = World::new(vec![appointed("A", appointed_on)]);
        for &(start, done) in completions {
            w.completed("A", program, start, done);
        }
        run(&title_2y(), &w.ctx(date(2026, 11, 25)))
    }

    #[test]
    fn deadlines_are_24_calendar_months_with_the_day_clamped() {
        assert_eq!(deadline(date(2024, 2, 29), 24), Some(date(2026, 2, 28)));
        assert_eq!(deadline(date(2024, 2, 29), 48), Some(date(2028, 2, 29)));
        assert_eq!(deadline(date(2023, 8, 31), 24), Some(date(2025, 8, 31)));
        assert_eq!(deadline(date(2023, 12, 31), 2), Some(date(2024, 2, 29)));
    }

    #[test]
    fn the_deadline_day_itself_is_not_yet_overdue() {
        let due = date(2026, 3, 1);
        assert_eq!(
            classify(due, None, due, 90),
            (PersonStatus::DueSoon, Some(0))
        );
        assert_eq!(
            classify(due, None, date(2026, 3, 2), 90),
            (PersonStatus::Overdue, Some(1))
        );
        assert_eq!(
            classify(due, Some(due), date(2026, 9, 1), 90),
            (PersonStatus::Done, None)
        );
        assert_eq!(
            classify(due, Some(date(2026, 3, 2)), date(2026, 9, 1), 90),
            (PersonStatus::Late, Some(1))
        );
    }

    #[test]
    fn due_soon_ends_at_the_due_soon_days() {
        let due = date(2026, 3, 31);
        assert_eq!(
            classify(due, None, date(2026, 1, 1), 89).0,
            PersonStatus::DueSoon
        );
        assert_eq!(
            classify(due, None, date(2026, 1, 1), 88).0,
            PersonStatus::Open
        );
        assert_eq!(
            classify(due, None, date(2026, 1, 1), 0).0,
            PersonStatus::Open
        );
    }

    #[test]
    fn a_29_february_appointment_is_due_on_28_february() {
        let mut w = World::new(vec![
            appointed("A", date(2024, 2, 29)),
            appointed("B", date(2024, 2, 29)),
        ]);
        w.completed(
            "B",
            Program::TitleDepartment,
            date(2025, 1, 1),
            date(2026, 2, 28),
        );
        let e = run(&title_2y(), &w.ctx(date(2026, 3, 1)));
        assert_eq!(e.findings.len(), 1);
        let f = &e.findings[0];
        assert_eq!(
            (f.status, f.deadline, f.days_overdue, f.days_left),
            (PersonStatus::Overdue, Some(date(2026, 2, 28)), Some(1), None)
        );
        assert_eq!(counts(&e).done, 1);
        assert_eq!(e.targets[0].status, TargetStatus::Gap);
    }

    #[test]
    fn only_the_programme_of_the_level_counts_even_completed_before_the_appointment() {
        // A heads a department: (appointed on, programme completed from, to),
        // then the target's status and what A still owes
        for ((appointed_on, program, start, done), status, owed) in [
            (
                (
                    date(2024, 5, 1),
                    Program::TitleDepartment,
                    date(2021, 1, 1),
                    date(2021, 6, 1),
                ),
                TargetStatus::Met,
                vec![],
            ),
            (
                (
                    date(2023, 5, 1),
                    Program::TitleDistrict,
                    date(2023, 6, 1),
                    date(2023, 12, 1),
                ),
                TargetStatus::Gap,
                vec![(PersonStatus::Overdue, Some(Program::TitleDepartment))],
            ),
        ] {
            let e = title_2y_of_a(appointed_on, program, &[(start, done)]);
            let found: Vec<_> = e.findings.iter().map(|f| (f.status, f.program)).collect();
            assert_eq!((e.targets[0].status, found), (status, owed), "{program:?}");
        }
    }

    #[test]
    fn withdrawn_and_unfinished_enrolments_do_not_count() {
        let mut w = World::new(vec![appointed("A", date(2023, 5, 1))]);
        for status in [EnrolmentStatus::Withdrawn, EnrolmentStatus::Enrolled] {
            let start = date(2023, 6, 1);
            w.enrol("A", Program::TitleDepartment, start, None, status, false);
        }
        let e = run(&title_2y(), &w.ctx(date(2026, 11, 25)));
        assert_eq!(e.findings[0].status, PersonStatus::Overdue);
        assert_eq!(e.findings[0].note, Some(Note::InProgress));
    }

    #[test]
    fn duplicate_completions_count_once() {
        let e = title_2y_of_a(
            date(2023, 5, 1),
            Program::TitleDepartment,
            &[(date(2023, 6, 1), date(2023, 9, 1)); 2],
        );
        assert_eq!(counts(&e).done, 1);
    }

    #[test]
    fn a_missing_date_or_level_is_missing_data_never_skipped() {
        let mut no_level = appointed("B", date(2025, 1, 1));
        no_level.official.title_level = None;
        let w = World::new(vec![incumbent("A"), no_level, planned("C")]);
        let e = run(&title_2y(), &w.ctx(date(2026, 11, 25)));
        assert_eq!(counts(&e).missing_data, 2);
        assert_eq!(counts(&e).population(), 2);
        assert!(
            e.findings
                .iter()
                .all(|f| f.status == PersonStatus::MissingData)
        );
        assert_eq!(e.targets[0].status, TargetStatus::AtRisk);
    }

    #[test]
    fn sector_applies_to_department_leaders_only() {
        let mut leader = appointed("L", date(2023, 1, 10));
        leader.official.department_leader = true;
        let w = World::new(vec![leader, appointed("N", date(2023, 1, 10))]);
        let e = run(&sector_2y(), &w.ctx(date(2026, 11, 25)));
        assert_eq!(e.findings.len(), 1);
        assert_eq!(w.roster.names(e.findings[0].official).unwrap().id, "L");
    }

    #[test]
    fn cvcc_runs_from_the_planning_approval() {
        let mut o = appointed("C", date(2020, 1, 1));
        o.official.central_plan_approved_on = Some(date(2025, 6, 30));
        o.official.title_level = Some(TitleLevel::District);
        let w = World::new(vec![o, appointed("X", date(2020, 1, 1))]);
        let cvcc = target(
            "CVCC-2Y",
            Kind::Window(Window {
                applies_to: AppliesTo::CentrallyPlannedIncumbents,
                anchor: Anchor::CentralPlanApprovedOn,
                program: Required::Program(Program::SeniorSpecialist),
                months: 24,
            }),
        );
        let e = run(&cvcc, &w.ctx(date(2027, 5, 1)));
        assert_eq!(e.findings.len(), 1);
        assert_eq!(e.findings[0].status, PersonStatus::DueSoon);
        assert_eq!(e.findings[0].deadline, Some(date(2027, 6, 30)));
        assert_eq!(
            (e.findings[0].days_left, e.findings[0].days_overdue),
            (Some(60), None)
        );
    }

    proptest::proptest! {
        #[test]
        fn a_deadline_is_always_the_anchor_plus_24_months_with_the_day_clamped(days in 0i64..80_000) {
            let anchor = date(1900, 1, 1) + chrono::Days::new(days as u64);
            let due = deadline(anchor, 24).unwrap();
            let (y, m) = (chrono::Datelike::year(&anchor) + 2, chrono::Datelike::month(&anchor));
            let last_day = (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some()).unwrap();
            let day = chrono::Datelike::day(&anchor).min(last_day);
            proptest::prop_assert_eq!(due, date(y, m, day));
        }
    }

    #[test]
    fn nobody_to_check_is_no_data() {
        let w = World::new(vec![planned("P")]);
        let e = run(&title_2y(), &w.ctx(date(2026, 11, 25)));
        assert_eq!(e.targets[0].status, TargetStatus::NoData);
        assert_eq!(e.targets[0].severity, None);
        assert_eq!(e.targets[0].note_code, Some(TargetNote::NobodyConcerned));
    }
}
