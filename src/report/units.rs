//! Each unit of the roster in numbers: its officials, its findings overdue and
//! due soon, and its incumbents of the language groups at the level the plan's
//! shares ask for. Counted once, from every finding, when the report is built:
//! `--findings` lists fewer, the units count them all, as the summary does (those
//! not listed by the officials the evaluation's `Unlisted` keeps for them).

use crate::model::{OfficialIdx, Roster};
use crate::plan::rules::{Finding, PersonStatus, Unlisted};

/// The level a unit's language share counts when the plan has no share target.
pub const DEFAULT_LEVEL: u8 = 4;

/// One unit in numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitRow<'a> {
    /// As the roster writes it; empty when it gives none.
    pub unit: &'a str,
    /// Its officials on the roster, incumbent and planned.
    pub officials: u32,
    /// Its findings overdue (one per official and rule).
    pub overdue: u32,
    /// Its findings due soon.
    pub due_soon: u32,
    /// Its incumbents in one or more of the plan's language groups.
    pub language_members: u32,
    /// Of those, how many hold the level (see [`Units::level`]) or above.
    pub language_reached: u32,
}

/// Every unit in numbers, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Units<'a> {
    /// The foreign-language level a share counts: the lowest the plan's share
    /// targets ask for ([`DEFAULT_LEVEL`] without one).
    pub level: u8,
    pub rows: Vec<UnitRow<'a>>,
}

impl<'a> Units<'a> {
    /// Count `roster`'s units, the findings listed (`findings`) and those not
    /// (`unlisted`), the language share at `level`.
    pub fn count(
        roster: &'a Roster,
        findings: &[Finding],
        unlisted: &Unlisted,
        level: u8,
    ) -> Units<'a> {
        // by the roster's number of the unit's text: no hashing per official
        let mut by_key: Vec<Option<UnitRow<'a>>> = Vec::new();
        for (idx, official) in roster.iter() {
            let Some(row) = unit_row(&mut by_key, roster, idx) else {
                continue;
            };
            row.officials += 1;
            if official.is_incumbent() && !official.language_groups.is_empty() {
                row.language_members += 1;
                if official.language_level().is_some_and(|l| l >= level) {
                    row.language_reached += 1;
                }
            }
        }
        let listed = findings.iter().map(|f| (f.official, f.status));
        let overdue = unlisted.overdue.iter().map(|&o| (o, PersonStatus::Overdue));
        let due_soon = unlisted
            .due_soon
            .iter()
            .map(|&o| (o, PersonStatus::DueSoon));
        for (official, status) in listed.chain(overdue).chain(due_soon) {
            let Some(row) = unit_row(&mut by_key, roster, official) else {
                continue;
            };
            match status {
                PersonStatus::Overdue => row.overdue += 1,
                PersonStatus::DueSoon => row.due_soon += 1,
                _ => {}
            }
        }
        let mut rows: Vec<UnitRow<'a>> = by_key.into_iter().flatten().collect();
        rows.sort_by(|a, b| a.unit.cmp(b.unit));
        Units { level, rows }
    }

    /// The units added up: the province.
    pub fn total(&self) -> UnitRow<'static> {
        self.rows.iter().fold(UnitRow::default(), |sum, r| UnitRow {
            unit: "",
            officials: sum.officials + r.officials,
            overdue: sum.overdue + r.overdue,
            due_soon: sum.due_soon + r.due_soon,
            language_members: sum.language_members + r.language_members,
            language_reached: sum.language_reached + r.language_reached,
        })
    }
}

/// The row of official `idx`'s unit in `by_key`, made on its first official.
fn unit_row<'u, 'a>(
    by_key: &'u mut Vec<Option<UnitRow<'a>>>,
    roster: &'a Roster,
    idx: OfficialIdx,
) -> Option<&'u mut UnitRow<'a>> {
    let key = usize::try_from(roster.unit_key(idx)?).ok()?;
    if key >= by_key.len() {
        by_key.resize(key + 1, None);
    }
    let slot = by_key.get_mut(key)?;
    if slot.is_none() {
        *slot = Some(UnitRow {
            unit: roster.names(idx)?.unit,
            ..UnitRow::default()
        });
    }
    slot.as_mut()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Groups, Language, Severity};
    use crate::plan::rules::testing::{World, incumbent, planned};

    fn finding(world: &World, id: &str, status: PersonStatus) -> Finding {
        let official = world.roster.find(id).unwrap();
        Finding::new(0, official, status, Severity::Warning)
    }

    #[test]
    fn units_count_officials_findings_and_language_levels() {
        let in_group = |level| {
            move |o: &mut crate::model::Official| {
                o.language_groups = Groups::default().with(1).with(2);
                o.language = level;
            }
        };
        let mut b = incumbent("B1").with(in_group(Language::Stated(4)));
        b.unit = "Sở B".into();
        let mut b2 = incumbent("B2").with(in_group(Language::Stated(3)));
        b2.unit = "Sở B".into();
        let world = World::new(vec![
            b,
            incumbent("A1").with(in_group(Language::Certificate(5))),
            b2,
            // planned: not counted in the share, though in a group
            planned("A2").with(in_group(Language::Stated(6))),
        ]);
        let findings = vec![
            finding(&world, "B1", PersonStatus::Overdue),
            finding(&world, "B1", PersonStatus::DueSoon),
            finding(&world, "B2", PersonStatus::Overdue),
            finding(&world, "A1", PersonStatus::Late),
        ];
        let units = Units::count(&world.roster, &findings, &Unlisted::default(), 4);
        let rows: Vec<_> = units
            .rows
            .iter()
            .map(|r| {
                let n = (r.officials, r.overdue, r.due_soon);
                (r.unit, n, r.language_members, r.language_reached)
            })
            .collect();
        assert_eq!(
            rows,
            [("Sở B", (2, 2, 1), 2, 1), ("Sở Nội vụ", (2, 0, 0), 1, 1),]
        );
        let total = units.total();
        assert_eq!((total.officials, total.overdue, total.due_soon), (4, 2, 1));
        assert_eq!((total.language_members, total.language_reached), (3, 2));
        // at level 5, only the certificate reaches it
        let at_5 = Units::count(&world.roster, &findings, &Unlisted::default(), 5);
        assert_eq!(at_5.total().language_reached, 1);
        // the same findings not listed, only counted: the same units
        let of = |id| world.roster.find(id).unwrap();
        let unlisted = Unlisted {
            errors: 0,
            warnings: 4,
            overdue: vec![of("B2"), of("B1")],
            due_soon: vec![of("B1")],
        };
        assert_eq!(Units::count(&world.roster, &[], &unlisted, 4), units);
        // and the first of them only counted, the others listed
        let unlisted = Unlisted {
            errors: 1,
            overdue: vec![of("B1")],
            ..Unlisted::default()
        };
        assert_eq!(
            Units::count(&world.roster, &findings[1..], &unlisted, 4),
            units
        );
    }

    #[test]
    fn an_empty_roster_has_no_unit() {
        let world = World::new(vec![]);
        let units = Units::count(&world.roster, &[], &Unlisted::default(), DEFAULT_LEVEL);
        assert!(units.rows.is_empty());
        assert_eq!(units.total(), UnitRow::default());
    }
}
