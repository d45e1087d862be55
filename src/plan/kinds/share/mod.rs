//! A share of a language group at foreign-language level 4 or above:
//! LANG-1 (II.2.a), LANG-2 (II.2.b), LANG-3 (II.2.c), App. 01.

pub mod gaps;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::diag::problem::{Quantity, TargetOf};
use crate::model::{Language, Official, OfficialIdx, Roster, Severity};
use crate::plan::Target;
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table};
use crate::plan::kinds::shared::{
    Context, KeyNumbers, LevelShare, TargetKey, TargetNote, TargetStatus,
};

/// A share of a language group's incumbents at a level or above (II.2.a–c).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub group: u8,
    pub percent: u32,
    pub min_level: u8,
    /// The plan's own baseline, shown for reference.
    pub baseline: Option<String>,
}

/// ⌈percent × population / 100⌉, exactly.
pub fn required(percent: u32, population: u32) -> u32 {
    let product = u64::from(percent) * u64::from(population);
    u32::try_from(product.div_ceil(100)).unwrap_or(u32::MAX)
}

/// The population of a share: the incumbents of its group, with their index.
pub fn members<'a>(
    share: &'a Share,
    roster: &'a Roster,
) -> impl Iterator<Item = (OfficialIdx, &'a Official)> + 'a {
    roster.iter().filter(|(_, o)| is_member(share, o))
}

/// Whether an official is of the share's population: an incumbent of its group.
pub fn is_member(share: &Share, official: &Official) -> bool {
    official.is_incumbent() && official.language_groups.contains(share.group)
}

/// Whether an official holds the level the share asks for.
pub fn reaches(share: &Share, official: &Official) -> bool {
    official
        .language_level()
        .is_some_and(|l| l >= share.min_level)
}

impl RuleKind for Share {
    const NAME: &'static str = "share";
    const KEYS: &'static [&'static str] = &["group", "percent", "min_level", "baseline"];
    type Row = ShareRow;

    fn parse(t: &Table<'_>) -> Result<Share, Diagnostic> {
        Ok(Share {
            group: t.group(&t.need("group")?)?,
            percent: t.number(&t.need("percent")?, "percent", 0..101, Quantity::Percentage)?,
            min_level: match t.get::<Spanned<i64>>("min_level")? {
                Some(v) => u8::try_from(t.number(&v, "min_level", 1..7, Quantity::Level)?)
                    .unwrap_or(4),
                None => 4,
            },
            baseline: t.get("baseline")?,
        })
    }


    fn identity(&self) -> TargetOf {
        TargetOf::Group(self.group)
    }

    /// The candidates who would close the group's shortfall, on the language list.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        gaps::add(target, self, ctx, lists);
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, ShareRow>) {
        let share = self;
        let mut population = 0u32;
        let mut achieved = 0u32;
        let mut sources = Tally::default();
        // One pass over the roster: the members, and whether anyone holds a certificate.
        for official in ctx.roster.officials() {
            sources.certificates |= official.language.is_certificate();
            if !is_member(share, official) {
                continue;
            }
            population += 1;
            if reaches(share, official) {
                achieved += 1;
            }
            sources.add(share, official.language);
        }
        let required = required(share.percent, population);
        let (status, severity) = if population == 0 {
            (TargetStatus::NoData, Some(Severity::Warning))
        } else if u64::from(achieved) * 100 >= u64::from(share.percent) * u64::from(population) {
            (TargetStatus::Met, None)
        } else {
            (TargetStatus::Gap, Some(Severity::Error))
        };
        let note = if population == 0 {
            Some(TargetNote::EmptyGroup)
        } else {
            // achieved is a floor until the certificates are reviewed
            (sources.to_review > 0).then_some(TargetNote::CertificatesToReview)
        };
        out.row(
            status,
            severity,
            note,
            ShareRow {
                group: share.group,
                percent: share.percent,
                min_level: Some(share.min_level),
                population,
                achieved,
                required,
                shortfall: required.saturating_sub(achieved),
                sources: sources.finish(),
            },
        );
    }
}

/// The numbers of a share's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareRow {
    pub group: u8,
    pub percent: u32,
    /// The level the share asks for; not in reports made before it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<u8>,
    pub population: u32,
    pub achieved: u32,
    pub required: u32,
    pub shortfall: u32,
    /// Where the levels came from: see [`LevelSources`].
    #[serde(flatten)]
    pub sources: LevelSources,
}

impl Row for ShareRow {
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: Some(self.population),
            achieved: self.achieved,
            required: Some(self.required),
            shortfall: Some(self.shortfall),
        }
    }

    fn key(&self) -> TargetKey {
        TargetKey {
            group: Some(self.group),
            ..TargetKey::default()
        }
    }

    fn level_share(&self) -> Option<LevelShare> {
        Some(LevelShare {
            group: self.group,
            percent: self.percent,
            // a row of a report written before the level was: the plan's 4
            min_level: self.min_level.unwrap_or(4),
            population: self.population,
            achieved: self.achieved,
        })
    }


}

/// Where a share's levels came from, for the officer who reports its number: of
/// the achieved, how many on a certificate; of the population, how many hold a
/// certificate that awaits manual review (so achieved is a floor), and how many an
/// expired one that would reach the level but is left out
/// (`--expired-certificates ignore`). Every field is absent when the roster holds
/// no certificate at all, so a roster of plain levels reports as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelSources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_certificate: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_review: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_ignored: Option<u32>,
}

impl LevelSources {
    /// Whether any official of the share needs saying: a certificate counted,
    /// one to review, or one left out.
    pub fn any(&self) -> bool {
        [self.by_certificate, self.to_review, self.expired_ignored]
            .iter()
            .any(|n| n.is_some_and(|n| n > 0))
    }
}


/// Where the levels of a share's members came from, counted as they are read.
#[derive(Default)]
struct Tally {
    /// Whether anyone of the roster, member or not, holds a certificate.
    certificates: bool,
    by_certificate: u32,
    to_review: u32,
    expired_ignored: u32,
}

impl Tally {
    fn add(&mut self, share: &Share, language: Language) {
        match language {
            Language::Certificate(level) if level >= share.min_level => self.by_certificate += 1,
            Language::Review => self.to_review += 1,
            // left out, and would reach the level if counted
            Language::Expired(level) if level >= share.min_level => self.expired_ignored += 1,
            _ => {}
        }
    }

    /// The counts, or nothing when the roster holds no certificate.
    fn finish(self) -> LevelSources {
        if !self.certificates {
            return LevelSources::default();
        }
        LevelSources {
            by_certificate: Some(self.by_certificate),
            to_review: Some(self.to_review),
            expired_ignored: Some(self.expired_ignored),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Groups;
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::Evaluation;
    use crate::plan::kinds::shared::testing::*;
    use proptest::prelude::*;

    fn lang(group: u8, percent: u32) -> Target {
        target(
            "LANG",
            Kind::Share(Share {
                group,
                percent,
                min_level: 4,
                baseline: None,
            }),
        )
    }

    /// `population` incumbents of group `group`, the first `at_level_4` at level 4.
    fn group_of(group: u8, population: usize, at_level_4: usize) -> World {
        let officials = (0..population)
            .map(|i| {
                incumbent(&format!("G{i}")).with(|o| {
                    o.language_groups = Groups::default().with(group);
                    o.language = Language::Stated(if i < at_level_4 { 4 } else { 3 });
                })
            })
            .collect();
        World::new(officials)
    }

    /// The evaluation of a share of `percent` in `group` of `w`'s roster, on 1 January 2026.
    fn share(w: &World, group: u8, percent: u32) -> Evaluation {
        run(&lang(group, percent), &w.ctx(date(2026, 1, 1)))
    }

    fn verdict(e: &Evaluation) -> (TargetStatus, u32, u32, u32, u32) {
        match e.targets[0].detail {
            Detail::Share(ShareRow {
                population,
                achieved,
                required,
                shortfall,
                ..
            }) => (
                e.targets[0].status,
                population,
                achieved,
                required,
                shortfall,
            ),
            _ => unreachable!(),
        }
    }

    #[test]
    fn thirty_percent_of_70_is_21() {
        assert_eq!(required(30, 70), 21);
        let of_70 = |at_level_4| verdict(&share(&group_of(2, 70, at_level_4), 2, 30));
        assert_eq!(of_70(21), (TargetStatus::Met, 70, 21, 21, 0));
        assert_eq!(of_70(20), (TargetStatus::Gap, 70, 20, 21, 1));
    }

    #[test]
    fn twenty_five_percent_of_28_is_7() {
        assert_eq!(required(25, 28), 7);
        let of_28 = |at_level_4| verdict(&share(&group_of(1, 28, at_level_4), 1, 25));
        assert_eq!(of_28(7).0, TargetStatus::Met);
        assert_eq!(of_28(6), (TargetStatus::Gap, 28, 6, 7, 1));
    }

    #[test]
    fn rounds_up_a_fraction_of_an_official() {
        assert_eq!(required(25, 129), 33);
        assert_eq!(required(50, 7), 4);
        assert_eq!(required(0, 7), 0);
        assert_eq!(required(100, 7), 7);
    }

    #[test]
    fn an_empty_group_is_no_data() {
        let w = group_of(1, 5, 5);
        let e = share(&w, 3, 50);
        assert_eq!(verdict(&e), (TargetStatus::NoData, 0, 0, 0, 0));
        assert_eq!(e.targets[0].severity, Some(Severity::Warning));
        assert_eq!(e.targets[0].note_code, Some(TargetNote::EmptyGroup));
    }

    #[test]
    fn planned_officials_and_other_groups_do_not_count() {
        let mut officials = vec![
            incumbent("both").with(|o| {
                o.language_groups = Groups::default().with(1).with(2);
                o.language = Language::Stated(5);
            }),
            planned("planned").with(|o| {
                o.language_groups = Groups::default().with(2);
                o.language = Language::Stated(6);
            }),
            incumbent("none").with(|o| {
                o.language_groups = Groups::default().with(2);
                o.language = Language::None;
            }),
        ];
        officials.push(incumbent("three").with(|o| {
            o.language_groups = Groups::default().with(1);
            o.language = Language::Stated(3);
        }));
        let w = World::new(officials);
        assert_eq!(
            verdict(&share(&w, 2, 30)),
            (TargetStatus::Met, 2, 1, 1, 0)
        );
        assert_eq!(
            verdict(&share(&w, 1, 25)),
            (TargetStatus::Met, 2, 1, 1, 0)
        );
    }

    fn sources(e: &Evaluation) -> LevelSources {
        match &e.targets[0].detail {
            Detail::Share(ShareRow { sources, .. }) => *sources,
            _ => unreachable!(),
        }
    }

    #[test]
    fn says_where_the_levels_came_from_when_the_roster_holds_certificates() {
        let in_group = |id: &str, group: u8, language: Language| {
            incumbent(id).with(|o| {
                o.language_groups = Groups::default().with(group);
                o.language = language;
            })
        };
        let w = World::new(vec![
            in_group("STATED", 1, Language::Stated(5)),
            in_group("IELTS-6", 1, Language::Certificate(4)),
            in_group("ITP", 1, Language::Certificate(3)),
            in_group("BELOW", 1, Language::Below(3)),
            in_group("TOPIK", 1, Language::Review),
            in_group("TOPIK-2", 1, Language::Review),
            in_group("OLD-IELTS", 1, Language::Expired(4)),
            in_group("OLD-ITP", 1, Language::Expired(3)),
            // of another group: counted there only
            in_group("OTHER", 2, Language::Review),
            planned("PLANNED").with(|o| {
                o.language_groups = Groups::default().with(1);
                o.language = Language::Certificate(5);
            }),
        ]);
        let e = share(&w, 1, 50);
        assert_eq!(verdict(&e), (TargetStatus::Gap, 8, 2, 4, 2));
        assert_eq!(
            sources(&e),
            LevelSources {
                by_certificate: Some(1),
                to_review: Some(2),
                expired_ignored: Some(1),
            }
        );
        // a group without any certificate of its own still says so, with zeros
        let e = share(&w, 3, 50);
        assert_eq!(
            sources(&e),
            LevelSources {
                by_certificate: Some(0),
                to_review: Some(0),
                expired_ignored: Some(0),
            }
        );
    }

    #[test]
    fn a_roster_without_certificates_reports_no_sources() {
        let e = share(&group_of(2, 10, 3), 2, 30);
        assert_eq!(sources(&e), LevelSources::default());
        let json = serde_json::to_value(&e.targets[0]).unwrap();
        for key in ["by_certificate", "to_review", "expired_ignored"] {
            assert!(json.get(key).is_none(), "{key}");
        }
    }

    proptest! {
        #[test]
        fn the_verdict_is_the_integer_comparison(population in 1usize..300, percent in 0u32..=100, seed in 0usize..1000) {
            let achieved = seed % (population + 1);
            let w = group_of(1, population, achieved);
            let (status, _, got, required, shortfall) = verdict(&share(&w, 1, percent));
            let met = achieved as u64 * 100 >= u64::from(percent) * population as u64;
            prop_assert_eq!(status == TargetStatus::Met, met);
            prop_assert_eq!(got as usize, achieved);
            prop_assert_eq!(met, got >= required);
            prop_assert_eq!(shortfall, required.saturating_sub(got));
        }
    }
}
