//! Who must be trained in a year, per programme, and why: `gaps --year`.
//!
//! Pure: the plan, the roster and training history ([`Context`]) and the year in,
//! typed lists out. Every reason is a target of the plan worked out with its rule
//! kind's own pieces (deadlines, shares, starts), so `gaps` and `check` agree.

mod language;
mod postgraduate;

use std::collections::hash_map::Entry as Slot;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::model::{Degree, Language, OfficialIdx, Program, Role, TitleLevel};
use crate::plan::kinds::doctorate::{self, Doctorate};
use crate::plan::kinds::quota::QuotaSubject;
use crate::plan::kinds::window::{self, Required, Window, classify, deadline, in_progress_note};
use crate::plan::rules::{Context, Note, PersonStatus};
use crate::plan::{Kind, Plan, Target};

pub use language::{Candidate, LanguageGap};
pub use postgraduate::PostgraduateNeed;

/// Everything `gaps` says about one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gaps {
    pub year: i32,
    pub as_of: NaiveDate,
    /// One list per programme, in [`Program::ALL`] order; the list of officials
    /// whose programme is unknown (no title level) last.
    pub lists: Vec<ProgrammeList>,
    /// Per language share (LANG-1..3), in plan order.
    pub languages: Vec<LanguageGap>,
    /// Per postgraduate target (PG-ANNUAL): numbers, not people.
    pub postgraduate: Vec<PostgraduateNeed>,
}

/// The officials who must be trained in one programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeList {
    /// `None`: a rule asks for the programme of the title, and the title level is empty.
    pub program: Option<Program>,
    /// The rules that put officials on this list, in plan order (also when nobody is on it).
    pub rules: Vec<String>,
    /// The plan's number of officials to start this programme in the year (App. 02).
    pub quota: Option<PlanNumber>,
    /// Most urgent first: by deadline (so the overdue first), then deadlines unknown,
    /// then language candidates by rank, then planned officials.
    pub entries: Vec<Entry>,
}

/// A number the plan gives for the year: an App. 02 quota or an App. 01 number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanNumber {
    /// Where the plan gives it, e.g. `App. 02 row 1`.
    pub clause: String,
    pub number: u32,
    /// Worked out from the total, not in the source (App. 02, 2025).
    pub derived: bool,
}

/// One official on one programme's list, with every reason that applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub official: OfficialIdx,
    pub reasons: Vec<Reason>,
}

/// Why an official is on a list: a target of the plan and what it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub rule: String,
    pub clause: String,
    pub why: Why,
    /// "enrolled, not yet completed", or why a deadline is unknown.
    pub note: Option<Note>,
}

/// What a target found about an official.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Not completed, and the deadline is on or before 31/12 of the year.
    /// `days_left` is negative when overdue.
    Due {
        deadline: NaiveDate,
        status: PersonStatus,
        days_left: i64,
    },
    /// The rule applies but its anchor date is empty: the deadline is unknown.
    DeadlineUnknown,
    /// A planned official without the programme of the planned title (IV.4).
    NotReady,
    /// Below the level a language share asks for, ranked `rank` of the `of`
    /// officials who would close the group's shortfall.
    Candidate {
        group: u8,
        rank: u32,
        of: u32,
        /// The level, or what is known of it.
        language: Language,
    },
}

impl Entry {
    /// The earliest deadline of its reasons.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.reasons
            .iter()
            .filter_map(|r| match r.why {
                Why::Due { deadline, .. } => Some(deadline),
                _ => None,
            })
            .min()
    }

    /// Days from as-of to the earliest deadline; negative when overdue.
    pub fn days_left(&self) -> Option<i64> {
        self.reasons
            .iter()
            .filter_map(|r| match r.why {
                Why::Due { days_left, .. } => Some(days_left),
                _ => None,
            })
            .min()
    }

    /// Where the entry goes in its list: see [`ProgrammeList::entries`].
    fn order(&self) -> (u8, Option<NaiveDate>, u8, u32) {
        self.reasons
            .iter()
            .map(|r| match r.why {
                Why::Due { deadline, .. } => (0, Some(deadline), 0, 0),
                Why::DeadlineUnknown => (1, None, 0, 0),
                Why::Candidate { group, rank, .. } => (2, None, group, rank),
                Why::NotReady => (3, None, 0, 0),
            })
            .min()
            .unwrap_or((4, None, 0, 0))
    }
}

impl Gaps {
    /// The lists cut by `key` (each official's unit, for `--by-unit`): for every
    /// key, the same lists with only its officials, in the same order. One pass
    /// over the lists; the numbers about the province (shares, quotas, starts)
    /// stay in every part.
    pub fn split<K: Ord>(&self, key: impl Fn(OfficialIdx) -> K) -> BTreeMap<K, Gaps> {
        let mut empty = self.clone();
        for list in &mut empty.lists {
            list.entries.clear();
        }
        for language in &mut empty.languages {
            language.candidates.clear();
        }
        let mut parts: BTreeMap<K, Gaps> = BTreeMap::new();
        for (l, list) in self.lists.iter().enumerate() {
            for entry in &list.entries {
                let part = parts
                    .entry(key(entry.official))
                    .or_insert_with(|| empty.clone());
                part.lists[l].entries.push(entry.clone());
            }
        }
        for (g, language) in self.languages.iter().enumerate() {
            for candidate in &language.candidates {
                let part = parts
                    .entry(key(candidate.official))
                    .or_insert_with(|| empty.clone());
                part.languages[g].candidates.push(candidate.clone());
            }
        }
        parts
    }
}

/// Work out the lists for `year`. Completions and overdue days are as of `ctx.as_of`.
pub fn compute(plan: &Plan, ctx: &Context<'_>, year: i32) -> Gaps {
    let mut lists = Lists::default();
    let mut languages = Vec::new();
    let mut postgraduate = Vec::new();
    // The last day a deadline may fall on to be the year's business.
    let last_day = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    for target in &plan.targets {
        match &target.kind {
            Kind::Window(w) => windows(target, w, ctx, last_day, &mut lists),
            Kind::PlannedReady(_) => not_ready(target, ctx, &mut lists),
            Kind::Doctorate(d) => doctorates(target, d, ctx, &mut lists),
            Kind::Share(share) => {
                let gap = language::gap(plan, target, share, ctx, year);
                lists.touch(Some(Program::Language), &target.rule);
                for c in &gap.candidates {
                    let why = Why::Candidate {
                        group: share.group,
                        rank: c.rank,
                        of: gap.shortfall,
                        language: c.language,
                    };
                    lists.add(
                        Some(Program::Language),
                        c.official,
                        reason(target, why, c.note),
                    );
                }
                languages.push(gap);
            }
            Kind::Postgraduate(pg) => {
                postgraduate.extend(postgraduate::need(target, pg, ctx, year));
            }
            Kind::Quota(q) => {
                // A programme the plan sets a number for is listed, even when no rule sends anyone.
                if let QuotaSubject::Program(p) = q.subject
                    && q.years.iter().any(|y| y.year == year)
                {
                    lists.list(Some(p));
                }
            }
            Kind::Overseas(_) => {}
        }
    }
    let mut lists = lists.finish(ctx);
    for list in &mut lists {
        list.quota = list
            .program
            .and_then(|p| plan_number(plan, QuotaSubject::Program(p), year));
    }
    Gaps {
        year,
        as_of: ctx.as_of,
        lists,
        languages,
        postgraduate,
    }
}

fn reason(target: &Target, why: Why, note: Option<Note>) -> Reason {
    Reason {
        rule: target.rule.clone(),
        clause: target.clause.clone(),
        why,
        note,
    }
}

/// `program` not completed by `deadline`, as of `ctx.as_of`: the reason with
/// signed days, and the note when the official is on a course of it now.
fn due(
    deadline: NaiveDate,
    program: Program,
    idx: OfficialIdx,
    ctx: &Context<'_>,
) -> (Why, Option<Note>) {
    let (status, days) = classify(deadline, None, ctx.as_of, ctx.due_soon_days);
    let days = days.unwrap_or(0);
    let why = Why::Due {
        deadline,
        status,
        days_left: if status == PersonStatus::Overdue {
            -days
        } else {
            days
        },
    };
    (why, in_progress_note(ctx, idx, program, status))
}

/// TITLE-2Y, CVCC-2Y, SECTOR-2Y: not completed, deadline on or before `last_day`;
/// a missing anchor date or title level is listed too, never skipped.
fn windows(target: &Target, w: &Window, ctx: &Context<'_>, last_day: NaiveDate, lists: &mut Lists) {
    match w.program {
        Required::Program(p) => lists.touch(Some(p), &target.rule),
        Required::ByTitleLevel => {
            for level in [TitleLevel::Department, TitleLevel::District] {
                lists.touch(Some(level.title_program()), &target.rule);
            }
        }
    }
    for (idx, official) in ctx.roster.iter() {
        if !window::applies(w, official) {
            continue;
        }
        let anchor = window::anchor(w, official);
        let program = window::required(w, official);
        if program.is_some_and(|p| ctx.history.completed(idx, p).is_some()) {
            continue;
        }
        let (why, note) = match (program, anchor) {
            (Some(p), Some(anchor)) => {
                let Some(due_on) = deadline(anchor, w.months).filter(|d| *d <= last_day) else {
                    continue;
                };
                due(due_on, p, idx, ctx)
            }
            _ => (Why::DeadlineUnknown, Some(window::missing_note(w, anchor))),
        };
        lists.add(program, idx, reason(target, why, note));
    }
}

/// PLANNED-READY: planned officials without the programme of the planned title.
fn not_ready(target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
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
        lists.add(program, idx, reason(target, Why::NotReady, note));
    }
}

/// PG-HEAD-DOCTOR: heads still without a doctorate, whatever the year: a
/// doctorate takes years, so one not started is the business of every year.
fn doctorates(target: &Target, d: &Doctorate, ctx: &Context<'_>, lists: &mut Lists) {
    let program = Program::Doctor;
    lists.touch(Some(program), &target.rule);
    for (idx, official) in ctx.roster.iter() {
        let holds = official.degree == Some(Degree::Doctor)
            || ctx.history.completed(idx, program).is_some();
        if !doctorate::is_head(d, official) || holds {
            continue;
        }
        let (why, note) = due(d.deadline, program, idx, ctx);
        lists.add(Some(program), idx, reason(target, why, note));
    }
}

/// The number the plan gives `subject` for `year`, from its quota targets.
pub fn plan_number(plan: &Plan, subject: QuotaSubject, year: i32) -> Option<PlanNumber> {
    plan.targets.iter().find_map(|t| match &t.kind {
        Kind::Quota(q) if q.subject == subject => {
            q.years.iter().find(|y| y.year == year).map(|y| PlanNumber {
                clause: t.clause.clone(),
                number: y.quota,
                derived: y.derived,
            })
        }
        _ => None,
    })
}

/// The lists being built: one entry per (programme, official), reasons merged.
#[derive(Default)]
struct Lists {
    lists: Vec<ProgrammeList>,
    at: HashMap<(Option<Program>, OfficialIdx), (usize, usize)>,
}

impl Lists {
    /// The index of the list of `program`, made when missing.
    fn list(&mut self, program: Option<Program>) -> usize {
        if let Some(i) = self.lists.iter().position(|l| l.program == program) {
            return i;
        }
        self.lists.push(ProgrammeList {
            program,
            rules: Vec::new(),
            quota: None,
            entries: Vec::new(),
        });
        self.lists.len() - 1
    }

    /// Record that `rule` feeds the list of `program`.
    fn touch(&mut self, program: Option<Program>, rule: &str) {
        let i = self.list(program);
        let rules = &mut self.lists[i].rules;
        if !rules.iter().any(|r| r == rule) {
            rules.push(rule.to_owned());
        }
    }

    fn add(&mut self, program: Option<Program>, official: OfficialIdx, reason: Reason) {
        self.touch(program, &reason.rule);
        let l = self.list(program);
        match self.at.entry((program, official)) {
            Slot::Occupied(at) => {
                let (l, e) = *at.get();
                self.lists[l].entries[e].reasons.push(reason);
            }
            Slot::Vacant(at) => {
                let list = &mut self.lists[l];
                at.insert((l, list.entries.len()));
                list.entries.push(Entry {
                    official,
                    reasons: vec![reason],
                });
            }
        }
    }

    fn finish(self, ctx: &Context<'_>) -> Vec<ProgrammeList> {
        let mut lists = self.lists;
        lists.sort_by_key(|l| l.program.map_or(usize::MAX, Program::index));
        for list in &mut lists {
            list.entries
                .sort_by_cached_key(|e| (e.order(), ctx.roster.id(e.official)));
        }
        lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, Groups, HeadOf};
    use crate::plan::kinds::planned_ready::PlannedReady;
    use crate::plan::kinds::quota::{Quota, YearQuota};
    use crate::plan::kinds::share::Share;
    use crate::plan::kinds::window::{Anchor, AppliesTo};
    use crate::plan::rules::testing::*;

    fn ids(w: &World, gaps: &Gaps, program: Option<Program>) -> Vec<String> {
        gaps.lists
            .iter()
            .find(|l| l.program == program)
            .map(|l| {
                l.entries
                    .iter()
                    .map(|e| w.roster.id(e.official).unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_deadline_on_31_december_is_the_years_and_1_january_is_the_next() {
        let w = World::new(vec![
            appointed("ON-31-12", date(2025, 12, 31)),
            appointed("ON-01-01", date(2026, 1, 1)),
        ]);
        let gaps = compute(&plan(vec![title_2y()]), &w.ctx(date(2026, 9, 30)), 2027);
        assert_eq!(
            ids(&w, &gaps, Some(Program::TitleDepartment)),
            vec!["ON-31-12"]
        );
        let entry = &gaps.lists[0].entries[0];
        assert_eq!(entry.deadline(), Some(date(2027, 12, 31)));
        assert_eq!(entry.days_left(), Some(457));
    }

    #[test]
    fn overdue_first_then_by_deadline_and_nobody_already_done() {
        let mut w = World::new(vec![
            appointed("LATER", date(2025, 6, 1)),
            appointed("OVERDUE", date(2023, 1, 1)),
            appointed("DONE", date(2023, 1, 1)),
            appointed("SOONER", date(2025, 2, 1)),
            appointed("LATE-BUT-DONE", date(2022, 1, 1)),
        ]);
        let p = Program::TitleDepartment;
        w.completed("DONE", p, date(2023, 3, 1), date(2023, 6, 1));
        w.completed("LATE-BUT-DONE", p, date(2025, 3, 1), date(2025, 6, 1));
        let gaps = compute(&plan(vec![title_2y()]), &w.ctx(date(2026, 9, 30)), 2027);
        assert_eq!(ids(&w, &gaps, Some(p)), vec!["OVERDUE", "SOONER", "LATER"]);
        let overdue = &gaps.lists[0].entries[0];
        assert_eq!(
            overdue.reasons[0].why,
            Why::Due {
                deadline: date(2025, 1, 1),
                status: PersonStatus::Overdue,
                days_left: -637
            }
        );
    }

    #[test]
    fn one_official_with_two_reasons_for_one_programme_is_listed_once() {
        // Two window targets asking for the same programme (a plan may have them).
        let also = target(
            "SECTOR-3Y",
            Kind::Window(Window {
                applies_to: AppliesTo::Incumbents,
                anchor: Anchor::AppointedOn,
                program: Required::Program(Program::Sector),
                months: 36,
            }),
        );
        let leader = appointed("L", date(2024, 3, 1)).with(|o| o.department_leader = true);
        let w = World::new(vec![leader]);
        let gaps = compute(
            &plan(vec![sector_2y(), also]),
            &w.ctx(date(2026, 9, 30)),
            2027,
        );
        let sector = gaps
            .lists
            .iter()
            .find(|l| l.program == Some(Program::Sector))
            .unwrap();
        assert_eq!(sector.entries.len(), 1);
        let rules: Vec<&str> = sector.entries[0]
            .reasons
            .iter()
            .map(|r| r.rule.as_str())
            .collect();
        assert_eq!(rules, vec!["SECTOR-2Y", "SECTOR-3Y"]);
        assert_eq!(sector.entries[0].deadline(), Some(date(2026, 3, 1)));
        assert_eq!(sector.rules, vec!["SECTOR-2Y", "SECTOR-3Y"]);
    }

    #[test]
    fn a_candidate_of_two_language_groups_is_one_entry_with_both_reasons() {
        let share = |rule: &str, group: u8| {
            target(
                rule,
                Kind::Share(Share {
                    group,
                    percent: 50,
                    min_level: 4,
                    baseline: None,
                }),
            )
        };
        let in_groups = |id: &str, groups: Groups, level: u8| {
            incumbent(id).with(|o| {
                o.language_groups = groups;
                o.language = crate::model::Language::Stated(level);
            })
        };
        let both = Groups::default().with(1).with(2);
        let w = World::new(vec![
            in_groups("BOTH", both, 3),
            in_groups("ONE", Groups::default().with(1), 2),
            in_groups("TWO", Groups::default().with(2), 4),
        ]);
        let gaps = compute(
            &plan(vec![share("LANG-1", 1), share("LANG-2", 2)]),
            &w.ctx(date(2026, 9, 30)),
            2027,
        );
        // Group 1: 2 incumbents, none at 4, 1 needed: BOTH (level 3) before ONE (level 2).
        // Group 2: 2 incumbents, TWO at 4: met, nobody needed.
        assert_eq!(ids(&w, &gaps, Some(Program::Language)), vec!["BOTH"]);
        let w2 = World::new(vec![
            in_groups("BOTH", both, 3),
            in_groups("ONE", Groups::default().with(1), 2),
            in_groups("TWO", Groups::default().with(2), 1),
        ]);
        let gaps = compute(
            &plan(vec![share("LANG-1", 1), share("LANG-2", 2)]),
            &w2.ctx(date(2026, 9, 30)),
            2027,
        );
        let language = &gaps.lists[0];
        assert_eq!(language.entries.len(), 1);
        assert_eq!(
            language.entries[0]
                .reasons
                .iter()
                .map(|r| r.rule.as_str())
                .collect::<Vec<_>>(),
            vec!["LANG-1", "LANG-2"]
        );
    }

    #[test]
    fn planned_officials_missing_their_programme_and_a_missing_level_are_listed() {
        let district = planned("READY").with(|o| o.title_level = Some(TitleLevel::District));
        let mut w = World::new(vec![
            planned("NOT-READY"),
            district,
            planned("NO-LEVEL").with(|o| o.title_level = None),
            incumbent("NO-DATE"),
        ]);
        w.completed(
            "READY",
            Program::TitleDistrict,
            date(2023, 1, 1),
            date(2023, 5, 1),
        );
        let t = target("PLANNED-READY", Kind::PlannedReady(PlannedReady));
        let gaps = compute(&plan(vec![title_2y(), t]), &w.ctx(date(2026, 9, 30)), 2027);
        assert_eq!(
            ids(&w, &gaps, Some(Program::TitleDepartment)),
            vec!["NO-DATE", "NOT-READY"]
        );
        assert_eq!(
            ids(&w, &gaps, Some(Program::TitleDistrict)),
            Vec::<String>::new()
        );
        assert_eq!(ids(&w, &gaps, None), vec!["NO-LEVEL"]);
        let no_date = &gaps.lists[0].entries[0].reasons[0];
        assert_eq!(
            (no_date.why, no_date.note),
            (Why::DeadlineUnknown, Some(Note::NoAppointedOn))
        );
        // Both title lists are shown, the empty one too: the rules can feed it.
        assert_eq!(gaps.lists[1].rules, vec!["TITLE-2Y", "PLANNED-READY"]);
    }

    #[test]
    fn heads_without_a_doctorate_are_listed_whatever_the_year() {
        let head = |id: &str, degree| {
            incumbent(id).with(|o| {
                o.head_of = Some(HeadOf::College);
                o.degree = Some(degree);
            })
        };
        let mut w = World::new(vec![
            head("MASTER", Degree::Master),
            head("DOCTOR", Degree::Doctor),
            head("COMPLETED", Degree::Master),
        ]);
        w.completed(
            "COMPLETED",
            Program::Doctor,
            date(2021, 9, 1),
            date(2025, 6, 1),
        );
        w.enrol(
            "MASTER",
            Program::Doctor,
            date(2024, 9, 1),
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
        let gaps = compute(
            &plan(vec![pg_head_doctor()]),
            &w.ctx(date(2025, 3, 1)),
            2025,
        );
        assert_eq!(ids(&w, &gaps, Some(Program::Doctor)), vec!["MASTER"]);
        let r = &gaps.lists[0].entries[0].reasons[0];
        assert_eq!(r.note, Some(Note::InProgress));
        assert!(matches!(
            r.why,
            Why::Due {
                status: PersonStatus::Open,
                days_left: 670,
                ..
            }
        ));
    }

    #[test]
    fn split_gives_each_unit_its_officials_in_the_same_order() {
        let in_unit = |id: &str, unit: &str, on| OfficialRow {
            unit: unit.into(),
            ..appointed(id, on)
        };
        let w = World::new(vec![
            in_unit("A1", "A", date(2025, 3, 1)),
            in_unit("B1", "B", date(2024, 3, 1)),
            in_unit("A2", "A", date(2023, 3, 1)),
        ]);
        let gaps = compute(&plan(vec![title_2y()]), &w.ctx(date(2026, 9, 30)), 2027);
        let parts = gaps.split(|idx| w.roster.names(idx).unwrap().unit.to_owned());
        assert_eq!(parts.keys().collect::<Vec<_>>(), vec!["A", "B"]);
        let a = &parts["A"];
        assert_eq!(ids(&w, a, Some(Program::TitleDepartment)), vec!["A2", "A1"]);
        assert_eq!(a.lists.len(), gaps.lists.len(), "every list, the empty too");
        assert_eq!(
            ids(&w, &parts["B"], Some(Program::TitleDepartment)),
            vec!["B1"]
        );
    }

    #[test]
    fn the_appendix_2_quota_of_the_year_is_beside_its_programme() {
        let quota = target(
            "QUOTA-A2",
            Kind::Quota(Quota {
                subject: QuotaSubject::Program(Program::PrincipalSpecialist),
                total: Some(24),
                years: vec![YearQuota {
                    year: 2025,
                    quota: 7,
                    derived: true,
                }],
            }),
        );
        let w = World::new(vec![incumbent("A")]);
        let gaps = compute(&plan(vec![quota.clone()]), &w.ctx(date(2024, 9, 30)), 2025);
        assert_eq!(gaps.lists.len(), 1);
        assert_eq!(
            gaps.lists[0].quota,
            Some(PlanNumber {
                clause: "x".into(),
                number: 7,
                derived: true
            })
        );
        let gaps = compute(&plan(vec![quota]), &w.ctx(date(2024, 9, 30)), 2026);
        assert!(gaps.lists.is_empty());
    }
}
