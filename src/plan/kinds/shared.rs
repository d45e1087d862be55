//! What every rule kind shares: the context it reads, the target rows and
//! findings it gives, and the evaluation of a whole plan, beside the kinds and
//! their registry (whose `Detail` a target row carries).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::history::History;
pub use crate::model::status::{Note, PersonStatus, TargetNote, TargetStatus};
use crate::model::{OfficialIdx, Program, Roster, Severity, Shown};
use crate::plan::Plan;
pub use crate::plan::kinds::Detail;

/// What every rule reads.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub roster: &'a Roster,
    pub history: &'a History,
    pub as_of: NaiveDate,
    /// A deadline this many days or fewer after as-of is `due_soon`.
    pub due_soon_days: u32,
}

/// The verdict on one target (or one year or group of it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetResult {
    pub rule: String,
    pub clause: String,
    pub status: TargetStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Why the row stands where it does, when its status alone does not say: a
    /// code, the same in every language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_code: Option<TargetNote>,
    /// `note_code` in the report's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub detail: Detail,
}

/// The numbers of a target row that people compare: see `Row::key_numbers`. For
/// the 100% rules (windows, planned-ready) the shortfall is the officials overdue,
/// or not ready, and the requirement is everyone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeyNumbers {
    /// The population, or a year's quota; `None` where there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u32>,
    pub achieved: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<u32>,
}

/// What a target row is about besides its rule: the group, programme and year
/// that tell the rows of one rule apart, the same in every report of a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TargetKey {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<Program>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl TargetResult {
    /// The row's group, programme and year (see `TargetKey`).
    pub fn key(&self) -> TargetKey {
        self.detail.key()
    }
}

/// A target row that is a language group's share at a level: the group, the
/// share the plan asks for, and how many of the group reach the level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelShare {
    pub group: u8,
    /// The share asked for, in percent.
    pub percent: u32,
    pub min_level: u8,
    pub population: u32,
    pub achieved: u32,
}

/// How many officials of a target row stand in each status, for a rule with a
/// deadline per official (the windows, planned-ready).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeopleByStatus {
    pub done: u32,
    pub late: u32,
    pub open: u32,
    pub due_soon: u32,
    pub overdue: u32,
    pub not_ready: u32,
    pub missing_data: u32,
}

impl PeopleByStatus {
    /// The statuses in the order a chart stacks them: the done first, the
    /// missing data last.
    pub const ORDER: [PersonStatus; 7] = [
        PersonStatus::Done,
        PersonStatus::Late,
        PersonStatus::Open,
        PersonStatus::DueSoon,
        PersonStatus::Overdue,
        PersonStatus::NotReady,
        PersonStatus::MissingData,
    ];

    /// How many stand in `status`.
    pub fn get(&self, status: PersonStatus) -> u32 {
        match status {
            PersonStatus::Done => self.done,
            PersonStatus::Late => self.late,
            PersonStatus::Open => self.open,
            PersonStatus::DueSoon => self.due_soon,
            PersonStatus::Overdue => self.overdue,
            PersonStatus::NotReady => self.not_ready,
            PersonStatus::MissingData => self.missing_data,
        }
    }
}

/// One official under one rule, when there is something to act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Its target, by its place among the plan's targets: the rule and the clause
    /// it is a finding of, shared by every finding of the target (1.5 million of
    /// them at national scale).
    pub target: u32,
    pub official: OfficialIdx,
    pub status: PersonStatus,
    pub severity: Severity,
    /// The programme that is missing or late.
    pub program: Option<Program>,
    /// The date the window runs from.
    pub anchor: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    /// For `overdue`: days since the deadline.
    pub days_overdue: Option<u32>,
    /// For `due_soon`: days to the deadline.
    pub days_left: Option<u32>,
    /// For `late`: days after the deadline that the programme was completed.
    pub days_late: Option<u32>,
    pub completed_on: Option<NaiveDate>,
    /// Why data is missing, or a note on the finding.
    pub note: Option<Note>,
}

impl Finding {
    /// A finding of `official` under the target numbered `target`, with nothing
    /// more said: struct update syntax adds the programme, dates and note it has.
    pub fn new(
        target: u32,
        official: OfficialIdx,
        status: PersonStatus,
        severity: Severity,
    ) -> Finding {
        Finding {
            target,
            official,
            status,
            severity,
            program: None,
            anchor: None,
            deadline: None,
            days_overdue: None,
            days_left: None,
            days_late: None,
            completed_on: None,
            note: None,
        }
    }

    /// The finding with `days` from a deadline (`window::classify`) in the field
    /// its status names: overdue, left or late.
    pub fn with_days(mut self, days: Option<i64>) -> Finding {
        let days = days.map(|d| u32::try_from(d.max(0)).unwrap_or(u32::MAX));
        match self.status {
            PersonStatus::Overdue => self.days_overdue = days,
            PersonStatus::DueSoon => self.days_left = days,
            PersonStatus::Late => self.days_late = days,
            PersonStatus::Done
            | PersonStatus::Open
            | PersonStatus::MissingData
            | PersonStatus::NotReady => {}
        }
        self
    }
}

/// The findings of an evaluation that the report will not list (`--findings
/// errors` or `none`), counted where they are made and never stored: what the
/// summary, the worst severity, the units and the number not listed read of them
/// (1.5 million PLANNED-READY warnings at national scale, never listed by a
/// roll-up).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unlisted {
    pub errors: usize,
    pub warnings: usize,
    /// The official of each overdue finding (one per official and rule): what a
    /// unit counts.
    pub overdue: Vec<OfficialIdx>,
    /// The official of each finding due soon.
    pub due_soon: Vec<OfficialIdx>,
}

impl Unlisted {
    /// Count `finding`.
    fn count(&mut self, finding: &Finding) {
        match finding.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        match finding.status {
            PersonStatus::Overdue => self.overdue.push(finding.official),
            PersonStatus::DueSoon => self.due_soon.push(finding.official),
            PersonStatus::Done
            | PersonStatus::Late
            | PersonStatus::Open
            | PersonStatus::MissingData
            | PersonStatus::NotReady => {}
        }
    }

    /// Add the findings `other` counted.
    fn add(&mut self, other: Unlisted) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.overdue.extend(other.overdue);
        self.due_soon.extend(other.due_soon);
    }

    /// How many findings it counted.
    pub fn len(&self) -> usize {
        self.errors + self.warnings
    }

    /// Whether it counted none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The worst severity among the findings it counted.
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else {
            None
        }
    }
}

/// Where a kind puts its findings (`out.findings.push(finding)`): one the report
/// lists is kept, one it does not is only counted in the evaluation's
/// [`Unlisted`].
pub struct Sink<'e> {
    listed: Shown,
    kept: &'e mut Vec<Finding>,
    unlisted: &'e mut Unlisted,
}

impl Sink<'_> {
    pub fn push(&mut self, finding: Finding) {
        if self.listed.lists(finding.severity) {
            self.kept.push(finding);
        } else {
            self.unlisted.count(&finding);
        }
    }
}

/// Every target result of a plan, and its findings: those the report lists, and
/// the others counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    pub targets: Vec<TargetResult>,
    /// The findings listed (every one when evaluated for `Shown::All`).
    pub findings: Vec<Finding>,
    /// The findings not listed, counted.
    pub unlisted: Unlisted,
}

impl Evaluation {
    /// The worst severity of any target or finding, listed or not.
    pub fn worst(&self) -> Option<Severity> {
        let targets = self.targets.iter().filter_map(|t| t.severity);
        let findings = self.findings.iter().map(|f| f.severity);
        targets.chain(findings).chain(self.unlisted.worst()).max()
    }

    /// Where the findings of a target go: kept when `listed` lists them, else
    /// counted.
    pub(crate) fn sink(&mut self, listed: Shown) -> Sink<'_> {
        Sink {
            listed,
            kept: &mut self.findings,
            unlisted: &mut self.unlisted,
        }
    }
}

/// Officials below which the targets are evaluated on one thread: a province's
/// targets take less time than starting a thread (its stack is new memory).
const ONE_THREAD_BELOW: usize = 20_000;

/// Evaluate every target of `plan`, keeping the findings `listed` lists and
/// counting the others (see [`Unlisted`]). Targets are independent: from
/// [`ONE_THREAD_BELOW`] officials on, two threads take the next one not yet taken
/// until none is left (one target can cost as much as five others: 1.5 million
/// findings of one rule at national scale), and their results are put back in
/// plan order.
pub fn evaluate(plan: &Plan, ctx: &Context<'_>, listed: Shown) -> Evaluation {
    let two_threads = ctx.roster.len() >= ONE_THREAD_BELOW;
    evaluate_on(plan, ctx, listed, two_threads)
}

/// [`evaluate`] on one thread, or on two.
fn evaluate_on(plan: &Plan, ctx: &Context<'_>, listed: Shown, two_threads: bool) -> Evaluation {
    let targets = &plan.targets;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take = || -> Vec<(usize, Evaluation)> {
        let mut results = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(target) = targets.get(i) else {
                return results;
            };
            let mut out = Evaluation::default();
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            target.kind.evaluate(target, index, ctx, listed, &mut out);
            results.push((i, out));
        }
    };
    let mut results = if two_threads {
        std::thread::scope(|scope| {
            let other = scope.spawn(take);
            let mut results = take();
            results.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            results
        })
    } else {
        take()
    };
    results.sort_by_key(|(i, _)| *i);
    let mut out = Evaluation::default();
    // The findings go into the largest list, which is not copied (1.5 million
    // PLANNED-READY findings at national scale): those before it in front, the rest after.
    let largest = (0..results.len()).max_by_key(|&i| results[i].1.findings.len());
    let total = results.iter().map(|(_, e)| e.findings.len()).sum::<usize>();
    if let Some(largest) = largest {
        out.findings = std::mem::take(&mut results[largest].1.findings);
        out.findings.reserve(total - out.findings.len());
        let before: Vec<Finding> = results[..largest]
            .iter_mut()
            .flat_map(|(_, e)| std::mem::take(&mut e.findings))
            .collect();
        out.findings.splice(0..0, before);
    }
    for (_, one) in results {
        out.targets.extend(one.targets);
        out.findings.extend(one.findings);
        out.unlisted.add(one.unlisted);
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Rosters built in code for the rule tests.

    use super::*;
    use crate::model::{
        Enrolment, EnrolmentStatus, Groups, Language, Names, Official, Role, TitleLevel,
    };
    use crate::plan::Target;
    use crate::plan::kinds::Kind;

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A roster row built in code: the text the roster keeps apart, and the facts.
    #[derive(Clone, Debug, PartialEq)]
    pub struct OfficialRow {
        pub id: String,
        pub full_name: String,
        pub unit: String,
        pub title: String,
        pub official: Official,
    }

    impl OfficialRow {
        pub fn names(&self) -> Names<'_> {
            Names {
                id: &self.id,
                full_name: &self.full_name,
                unit: &self.unit,
                title: &self.title,
            }
        }

        /// The row with its facts changed by `change`.
        pub fn with(mut self, change: impl FnOnce(&mut Official)) -> OfficialRow {
            change(&mut self.official);
            self
        }
    }

    pub fn incumbent(id: &str) -> OfficialRow {
        OfficialRow {
            id: id.into(),
            full_name: format!("Nguyễn Văn {id}"),
            unit: "Sở Nội vụ".into(),
            title: "Giám đốc Sở".into(),
            official: Official {
                role: Role::Incumbent,
                title_level: Some(TitleLevel::Department),
                appointed_on: None,
                language_groups: Groups::default(),
                language: Language::None,
                degree: None,
                head_of: None,
                department_leader: false,
                central_plan_approved_on: None,
                line: 2,
            },
        }
    }

    pub fn planned(id: &str) -> OfficialRow {
        incumbent(id).with(|o| o.role = Role::Planned)
    }

    /// A roster and history built in code.
    pub struct World {
        pub roster: Roster,
        pub history: History,
    }

    impl World {
        pub fn new(officials: Vec<OfficialRow>) -> World {
            let mut roster = Roster::default();
            for o in officials {
                roster.insert(o.names(), o.official).unwrap();
            }
            let history = History::new(roster.len(), 2022);
            World { roster, history }
        }

        pub fn completed(&mut self, id: &str, program: Program, start: NaiveDate, done: NaiveDate) {
            self.enrol(
                id,
                program,
                start,
                Some(done),
                EnrolmentStatus::Completed,
                false,
            );
        }

        /// `id` on `program` since `start`, at home, not yet completed.
        pub fn enrolled(&mut self, id: &str, program: Program, start: NaiveDate) {
            self.enrol(id, program, start, None, EnrolmentStatus::Enrolled, false);
        }

        pub fn enrol(
            &mut self,
            id: &str,
            program: Program,
            start: NaiveDate,
            done: Option<NaiveDate>,
            status: EnrolmentStatus,
            abroad: bool,
        ) {
            let official = self.roster.find(id).unwrap();
            self.history.record(&Enrolment {
                official,
                program,
                started_on: start,
                completed_on: done,
                status,
                abroad,
            });
        }

        pub fn ctx(&self, as_of: NaiveDate) -> Context<'_> {
            Context {
                roster: &self.roster,
                history: &self.history,
                as_of,
                due_soon_days: 90,
            }
        }
    }

    pub fn target(rule: &str, kind: Kind) -> Target {
        Target {
            rule: rule.into(),
            clause: "x".into(),
            text_vi: String::new(),
            text_en: String::new(),
            kind,
        }
    }

    /// A plan of these targets, counting from 2023.
    pub fn plan(targets: Vec<Target>) -> Plan {
        Plan {
            id: "test".into(),
            issued_on: date(2023, 6, 5),
            issuer: String::new(),
            title_vi: String::new(),
            title_en: String::new(),
            first_year: 2023,
            glossary: Default::default(),
            targets,
        }
    }

    pub fn run(target: &Target, ctx: &Context<'_>) -> Evaluation {
        evaluate(&plan(vec![target.clone()]), ctx, Shown::All)
    }

    /// TITLE-2Y as in Plan 143: the title programme within 24 months of appointment.
    pub fn title_2y() -> Target {
        target(
            "TITLE-2Y",
            Kind::Window(crate::plan::kinds::window::Window {
                applies_to: crate::plan::kinds::window::AppliesTo::Incumbents,
                anchor: crate::plan::kinds::window::Anchor::AppointedOn,
                program: crate::plan::kinds::window::Required::ByTitleLevel,
                months: 24,
            }),
        )
    }

    /// SECTOR-2Y as in Plan 143: the sector programme within 24 months, for
    /// department leaders.
    pub fn sector_2y() -> Target {
        target(
            "SECTOR-2Y",
            Kind::Window(crate::plan::kinds::window::Window {
                applies_to: crate::plan::kinds::window::AppliesTo::DepartmentLeaders,
                anchor: crate::plan::kinds::window::Anchor::AppointedOn,
                program: crate::plan::kinds::window::Required::Program(Program::Sector),
                months: 24,
            }),
        )
    }

    /// PG-HEAD-DOCTOR as in Plan 143: the four heads, by 31/12/2026.
    pub fn pg_head_doctor() -> Target {
        use crate::model::HeadOf;
        target(
            "PG-HEAD-DOCTOR",
            Kind::Doctorate(crate::plan::kinds::doctorate::Doctorate {
                heads: vec![
                    HeadOf::PoliticalSchool,
                    HeadOf::College,
                    HeadOf::Health,
                    HeadOf::ScienceTechnology,
                ],
                deadline: date(2026, 12, 31),
            }),
        )
    }

    /// An incumbent appointed on `on`.
    pub fn appointed(id: &str, on: NaiveDate) -> OfficialRow {
        incumbent(id).with(|o| o.appointed_on = Some(on))
    }

    /// TITLE-2Y, SECTOR-2Y, PG-HEAD-DOCTOR and PLANNED-READY: with
    /// [`mixed_world`], findings of both severities and every status.
    pub fn mixed_plan() -> Plan {
        let planned_ready = target(
            "PLANNED-READY",
            Kind::PlannedReady(crate::plan::kinds::planned_ready::PlannedReady),
        );
        plan(vec![
            title_2y(),
            sector_2y(),
            pg_head_doctor(),
            planned_ready,
        ])
    }

    /// Officials in two units who, as of 25/11/2026 under [`mixed_plan`], are
    /// overdue (errors), due soon, late, missing data and not ready (warnings).
    pub fn mixed_world() -> World {
        let leader = |id: &str, on: Option<NaiveDate>, unit: &str| {
            let mut row = incumbent(id).with(|o| {
                o.appointed_on = on;
                o.department_leader = true;
            });
            row.unit = unit.into();
            row
        };
        let mut head = incumbent("H1").with(|o| {
            o.head_of = Some(crate::model::HeadOf::College);
            o.degree = Some(crate::model::Degree::Master);
        });
        head.unit = "Sở B".into();
        let mut w = World::new(vec![
            leader("O1", Some(date(2020, 1, 1)), "Sở A"),
            leader("O2", Some(date(2021, 3, 1)), "Sở B"),
            leader("S1", Some(date(2025, 1, 10)), "Sở A"),
            leader("S2", Some(date(2025, 2, 1)), "Sở B"),
            leader("L1", Some(date(2020, 1, 1)), "Sở B"),
            leader("M1", None, "Sở A"),
            head,
            planned("P1"),
            planned("P2"),
        ]);
        w.completed(
            "L1",
            Program::TitleDepartment,
            date(2023, 1, 1),
            date(2023, 6, 1),
        );
        w.completed("S2", Program::Sector, date(2025, 3, 1), date(2025, 9, 1));
        w
    }

    /// `per_year[i]` officials starting a master's on 1 September of 2023 + i.
    pub fn master_starts(per_year: &[usize]) -> World {
        let total: usize = per_year.iter().sum();
        let mut w = World::new((0..total).map(|i| incumbent(&format!("P{i}"))).collect());
        let years = (2023..).zip(per_year);
        let starts = years.flat_map(|(year, &n)| std::iter::repeat_n(year, n));
        for (i, year) in starts.enumerate() {
            w.enrolled(&format!("P{i}"), Program::Master, date(year, 9, 1));
        }
        w
    }
}

#[cfg(test)]
mod unlisted {
    use super::testing::{date, mixed_plan, mixed_world};
    use super::*;

    /// The officials of `findings` whose status is `status`, in id order.
    fn officials(findings: &[Finding], status: PersonStatus) -> Vec<OfficialIdx> {
        let mut of: Vec<OfficialIdx> = findings
            .iter()
            .filter(|f| f.status == status)
            .map(|f| f.official)
            .collect();
        of.sort_unstable();
        of
    }

    #[test]
    fn findings_not_listed_are_counted_as_the_listed_would_be() {
        let world = mixed_world();
        let plan = mixed_plan();
        let ctx = world.ctx(date(2026, 11, 25));
        let all = evaluate(&plan, &ctx, Shown::All);
        assert!(all.unlisted.is_empty());
        for status in [PersonStatus::Overdue, PersonStatus::DueSoon] {
            assert!(
                all.findings.iter().any(|f| f.status == status),
                "{status:?}"
            );
        }
        for severity in [Severity::Error, Severity::Warning] {
            assert!(all.findings.iter().any(|f| f.severity == severity));
        }
        for shown in [Shown::All, Shown::Errors, Shown::None] {
            let e = evaluate(&plan, &ctx, shown);
            assert_eq!(e.targets, all.targets, "{shown:?}");
            assert_eq!(e.worst(), all.worst(), "{shown:?}");
            // those listed kept in the order of every finding, the others counted
            let (listed, rest): (Vec<Finding>, Vec<Finding>) = all
                .findings
                .iter()
                .cloned()
                .partition(|f| shown.lists(f.severity));
            assert_eq!(e.findings, listed, "{shown:?}");
            let count = |s: Severity| rest.iter().filter(|f| f.severity == s).count();
            let u = &e.unlisted;
            assert_eq!(
                (u.errors, u.warnings, u.len()),
                (count(Severity::Error), count(Severity::Warning), rest.len()),
                "{shown:?}"
            );
            let mut overdue = u.overdue.clone();
            overdue.sort_unstable();
            assert_eq!(
                overdue,
                officials(&rest, PersonStatus::Overdue),
                "{shown:?}"
            );
            let mut due_soon = u.due_soon.clone();
            due_soon.sort_unstable();
            assert_eq!(
                due_soon,
                officials(&rest, PersonStatus::DueSoon),
                "{shown:?}"
            );
        }
        // nothing listed: every finding counted, of both severities and statuses
        let none = evaluate(&plan, &ctx, Shown::None);
        assert!(none.findings.is_empty());
        let u = &none.unlisted;
        assert!(u.errors > 0 && u.warnings > 0);
        assert!(!u.overdue.is_empty() && !u.due_soon.is_empty());
        assert_eq!(u.worst(), Some(Severity::Error));
    }

    #[test]
    fn a_tally_of_warnings_only_is_at_worst_a_warning() {
        let mut e = Evaluation::default();
        assert_eq!(e.worst(), None);
        let mut sink = e.sink(Shown::Errors);
        sink.push(Finding::new(0, 3, PersonStatus::DueSoon, Severity::Warning));
        sink.push(Finding::new(0, 4, PersonStatus::Late, Severity::Warning));
        assert!(e.findings.is_empty());
        assert_eq!(
            (e.unlisted.warnings, e.unlisted.due_soon.as_slice()),
            (2, &[3][..])
        );
        assert_eq!(e.worst(), Some(Severity::Warning));
        e.sink(Shown::Errors)
            .push(Finding::new(0, 5, PersonStatus::Overdue, Severity::Error));
        assert_eq!(e.findings.len(), 1);
        assert!(e.unlisted.overdue.is_empty());
        assert_eq!(e.worst(), Some(Severity::Error));
    }
}

#[cfg(test)]
mod threads {
    use super::testing::{World, date, incumbent, mixed_plan, mixed_world};
    use super::*;

    #[test]
    fn targets_evaluated_on_two_threads_come_out_as_on_one() {
        let world = mixed_world();
        let plan = mixed_plan();
        let ctx = world.ctx(date(2026, 11, 25));
        for shown in [Shown::All, Shown::Errors, Shown::None] {
            let one = evaluate_on(&plan, &ctx, shown, false);
            let two = evaluate_on(&plan, &ctx, shown, true);
            assert_eq!(one.targets, two.targets, "{shown:?}");
            assert_eq!(one.findings, two.findings, "{shown:?}");
            assert_eq!(one.unlisted.len(), two.unlisted.len(), "{shown:?}");
            assert!(!one.findings.is_empty() || shown == Shown::None);
        }
        // a province under the threshold takes one thread, a country two: the
        // same answers either side of it
        let rows = |n: usize| (0..n).map(|i| incumbent(&format!("C{i}"))).collect();
        for n in [ONE_THREAD_BELOW - 1, ONE_THREAD_BELOW] {
            let world = World::new(rows(n));
            let ctx = world.ctx(date(2026, 11, 25));
            let e = evaluate(&plan, &ctx, Shown::All);
            let other = evaluate_on(&plan, &ctx, Shown::All, n < ONE_THREAD_BELOW);
            assert_eq!(e.targets, other.targets, "{n}");
            assert_eq!(e.findings, other.findings, "{n}");
            assert_eq!(e.findings.len(), n, "{n}: one finding of each official");
        }
    }
}

#[cfg(test)]
mod size {
    #[test]
    fn a_finding_stays_48_bytes() {
        // 1.5 million findings at national scale: naming the target by its place
        // and the days by their field made it smaller, not larger
        assert_eq!(std::mem::size_of::<super::Finding>(), 48);
    }
}
