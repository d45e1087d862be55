//! Who must be trained in a year, per programme, and why: `gaps --year`.
//!
//! Pure: the plan, the roster and training history ([`Context`]) and the year in,
//! typed lists out. Each target adds its part through its rule kind
//! (`RuleKind::gaps`), worked out with the kind's own pieces (deadlines, shares,
//! starts), so `gaps` and `check` agree.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::OfficialIdx;
use crate::plan::kinds::lists::{Lists, Made};
use crate::plan::rules::Context;
use crate::plan::{Glossary, Plan};

pub use crate::plan::kinds::lists::{Entry, PlanNumber, ProgrammeList, Reason, Why};
pub use crate::plan::kinds::postgraduate::gaps::PostgraduateNeed;
pub use crate::plan::kinds::share::gaps::{Candidate, LanguageGap};

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
    /// The plan's words the lists cite (clauses, group names).
    pub glossary: Arc<Glossary>,
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
        /// The part of `key`, the empty lists at its first official.
        fn part<'p, K: Ord>(
            parts: &'p mut BTreeMap<K, Gaps>,
            key: K,
            empty: &Gaps,
        ) -> &'p mut Gaps {
            parts.entry(key).or_insert_with(|| empty.clone())
        }
        let mut parts: BTreeMap<K, Gaps> = BTreeMap::new();
        for (l, list) in self.lists.iter().enumerate() {
            for entry in &list.entries {
                let lists = &mut part(&mut parts, key(entry.official), &empty).lists;
                lists[l].entries.push(entry.clone());
            }
        }
        for (g, language) in self.languages.iter().enumerate() {
            for candidate in &language.candidates {
                let languages = &mut part(&mut parts, key(candidate.official), &empty).languages;
                languages[g].candidates.push(candidate.clone());
            }
        }
        parts
    }
}

/// Work out the lists for `year`. Completions and overdue days are as of `ctx.as_of`.
pub fn compute(plan: &Plan, ctx: &Context<'_>, year: i32) -> Gaps {
    let mut lists = Lists::new(year);
    for target in &plan.targets {
        target.kind.gaps(target, ctx, &mut lists);
    }
    let Made {
        lists,
        languages,
        postgraduate,
    } = lists.finish(ctx);
    Gaps {
        year,
        as_of: ctx.as_of,
        lists,
        languages,
        postgraduate,
        glossary: plan.glossary.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Degree, Groups, HeadOf, Program, TitleLevel};
    use crate::plan::Kind;
    use crate::plan::kinds::planned_ready::PlannedReady;
    use crate::plan::kinds::quota::{Quota, QuotaSubject, YearQuota};
    use crate::plan::kinds::share::Share;
    use crate::plan::kinds::window::{Anchor, AppliesTo, Required, Window};
    use crate::plan::rules::testing::*;
    use crate::plan::rules::{Note, PersonStatus};

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
        // BOTH in groups 1 and 2 at level 3, ONE in group 1 at 2, TWO in group 2 at `two`
        let world = |two: u8| {
            World::new(vec![
                in_groups("BOTH", Groups::default().with(1).with(2), 3),
                in_groups("ONE", Groups::default().with(1), 2),
                in_groups("TWO", Groups::default().with(2), two),
            ])
        };
        let shares = plan(vec![share("LANG-1", 1), share("LANG-2", 2)]);
        let w = world(4);
        let gaps = compute(&shares, &w.ctx(date(2026, 9, 30)), 2027);
        // Group 1: 2 incumbents, none at 4, 1 needed: BOTH (level 3) before ONE (level 2).
        // Group 2: 2 incumbents, TWO at 4: met, nobody needed.
        assert_eq!(ids(&w, &gaps, Some(Program::Language)), vec!["BOTH"]);
        // TWO at 1: group 2 needs one too, BOTH again, listed once for both groups
        let gaps = compute(&shares, &world(1).ctx(date(2026, 9, 30)), 2027);
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
        w.enrolled("MASTER", Program::Doctor, date(2024, 9, 1));
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
