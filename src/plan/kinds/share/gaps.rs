//! A language share (LANG-1..3, II.2.a–c) for `gaps --year`: how far its group is
//! from the share if nothing changes, and whom to send first to close the distance.

use std::cmp::Reverse;

use chrono::NaiveDate;

use crate::model::{Language, Official, OfficialIdx, Program, Roster};
use crate::plan::Target;
use crate::plan::kinds::lists::{Lists, PlanNumber, Reason, Why};
use crate::plan::kinds::share::{self, Share};
use crate::plan::kinds::window::in_progress_note;
use crate::plan::kinds::shared::{Context, Note, PersonStatus};

/// The share's candidates on the language list, and its group's numbers.
pub fn add(target: &Target, share: &Share, ctx: &Context<'_>, lists: &mut Lists) {
    let gap = gap(target, share, ctx);
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
            Reason::new(target, why, c.note),
        );
    }
    lists.languages.push(gap);
}

/// One language group against its share.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageGap {
    pub rule: String,
    pub clause: String,
    pub group: u8,
    pub percent: u32,
    pub min_level: u8,
    /// Incumbents of the group.
    pub population: u32,
    /// Those at `min_level` or above.
    pub achieved: u32,
    /// ⌈percent × population / 100⌉.
    pub required: u32,
    /// `required − achieved`: how many must reach the level if nothing else changes.
    pub shortfall: u32,
    /// The plan's App. 01 number of officials of the group to study in the year.
    pub plan_number: Option<PlanNumber>,
    /// Incumbents whose certificate awaits manual review: not counted in
    /// `achieved`, and listed first among the candidates.
    pub to_review: u32,
    /// The first `shortfall` incumbents below the level, in [`rank`] order.
    pub candidates: Vec<Candidate>,
}

/// An incumbent below the level, ranked to close the shortfall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub official: OfficialIdx,
    /// 1 = first to send.
    pub rank: u32,
    /// The level, or what is known of it (a certificate for review, below bậc 3, expired).
    pub language: Language,
    pub appointed_on: Option<NaiveDate>,
    /// "review first" for a certificate awaiting review; else "enrolled, not yet
    /// completed" when on a language course now.
    pub note: Option<Note>,
}

/// The group of `share`: its numbers and just enough candidates.
pub fn gap(target: &Target, s: &Share, ctx: &Context<'_>) -> LanguageGap {
    let mut population = 0u32;
    let mut below: Vec<(OfficialIdx, &Official)> = Vec::new();
    for (idx, official) in share::members(s, ctx.roster) {
        population += 1;
        if !share::reaches(s, official) {
            below.push((idx, official));
        }
    }
    let below_count = u32::try_from(below.len()).unwrap_or(u32::MAX);
    let to_review = below
        .iter()
        .filter(|(_, o)| o.language == Language::Review)
        .count();
    let achieved = population - below_count;
    let required = share::required(s.percent, population);
    let shortfall = required.saturating_sub(achieved);
    rank(ctx.roster, &mut below);
    // shortfall ≤ population − achieved = below: there are always enough people.
    let candidates = (1..)
        .zip(below.iter().take(shortfall as usize))
        .map(|(rank, &(idx, official))| Candidate {
            official: idx,
            rank,
            language: official.language,
            appointed_on: official.appointed_on,
            note: if official.language == Language::Review {
                Some(Note::ReviewFirst)
            } else {
                in_progress_note(ctx, idx, Program::Language, PersonStatus::Open)
            },
        })
        .collect();
    LanguageGap {
        rule: target.rule.clone(),
        clause: target.clause.clone(),
        group: s.group,
        percent: s.percent,
        min_level: s.min_level,
        population,
        achieved,
        required,
        shortfall,
        to_review: u32::try_from(to_review).unwrap_or(u32::MAX),
        // the plan's App. 01 number, when the lists are put together
        plan_number: None,
        candidates,
    }
}

/// Whom to send first: a certificate awaiting review (reviewing costs less than
/// training, and it may already count); then the closest to the level — the
/// highest level, a certificate below the table's lowest floor just after those
/// stated one bậc lower, an expired certificate at its level; then the longest in
/// post (earliest appointment; none recorded last), then id.
pub fn rank(roster: &Roster, officials: &mut [(OfficialIdx, &Official)]) {
    officials.sort_by(|(a_idx, a), (b_idx, b)| {
        let key = |o: &Official| {
            (
                o.language != Language::Review,
                Reverse(closeness(o.language)),
                o.appointed_on.is_none(),
                o.appointed_on,
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| roster.id(*a_idx).cmp(&roster.id(*b_idx)))
    });
}

/// How close a level is to the next bậc, for [`rank`]: bậc N is 2N + 1, "below
/// bậc N" 2N (under bậc N − 1 as stated), nothing 0.
fn closeness(language: Language) -> u8 {
    match language {
        Language::Stated(level) | Language::Certificate(level) | Language::Expired(level) => {
            level.saturating_mul(2).saturating_add(1)
        }
        Language::Below(level) => level.saturating_sub(1).saturating_mul(2),
        Language::None | Language::Review => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Groups;
    use crate::plan::Kind;
    use crate::plan::kinds::shared::testing::*;

    fn member(id: &str, level: Option<u8>, appointed: Option<NaiveDate>) -> OfficialRow {
        incumbent(id).with(|o| {
            o.language_groups = Groups::default().with(2);
            o.language = level.map_or(Language::None, Language::Stated);
            o.appointed_on = appointed;
        })
    }

    /// LANG-2 (30% of group 2) in `w`, as of 2026-09-30.
    fn lang_2(w: &World) -> LanguageGap {
        let share = Share {
            group: 2,
            percent: 30,
            min_level: 4,
            baseline: None,
        };
        let t = target("LANG-2", Kind::Share(share.clone()));
        gap(&t, &share, &w.ctx(date(2026, 9, 30)))
    }

    /// The candidates of `gap` by id, each with what `detail` takes of it.
    fn chosen<'w, T>(
        w: &'w World,
        gap: &LanguageGap,
        detail: impl Fn(&Candidate) -> T,
    ) -> Vec<(&'w str, T)> {
        gap.candidates
            .iter()
            .map(|c| (w.roster.id(c.official).unwrap(), detail(c)))
            .collect()
    }

    /// The ids of `officials` in the order `rank` puts them.
    fn ranked(officials: &[OfficialRow]) -> Vec<String> {
        let w = World::new(officials.to_vec());
        let mut list: Vec<(OfficialIdx, &Official)> = w.roster.iter().collect();
        rank(&w.roster, &mut list);
        list.iter()
            .map(|&(idx, _)| w.roster.id(idx).unwrap().to_owned())
            .collect()
    }

    #[test]
    fn ranks_by_level_then_longest_in_post_with_missing_dates_last() {
        let officials = [
            member("NONE", None, Some(date(2010, 1, 1))),
            member("L3-NEW", Some(3), Some(date(2024, 1, 1))),
            member("L3-NO-DATE", Some(3), None),
            member("L1", Some(1), Some(date(2015, 1, 1))),
            member("L3-OLD", Some(3), Some(date(2019, 5, 1))),
            member("L3-OLD-B", Some(3), Some(date(2019, 5, 1))),
        ];
        assert_eq!(
            ranked(&officials),
            vec!["L3-OLD", "L3-OLD-B", "L3-NEW", "L3-NO-DATE", "L1", "NONE"]
        );
    }

    #[test]
    fn a_certificate_for_review_comes_first_and_below_bac_3_after_a_stated_2() {
        let with = |id: &str, language: Language, appointed: NaiveDate| {
            member(id, None, Some(appointed)).with(|o| o.language = language)
        };
        let officials = [
            with("STATED-2", Language::Stated(2), date(2024, 1, 1)),
            with("BELOW-3", Language::Below(3), date(2010, 1, 1)),
            with("ITP-3", Language::Certificate(3), date(2023, 1, 1)),
            with("REVIEW-NEW", Language::Review, date(2025, 1, 1)),
            with("STATED-1", Language::Stated(1), date(2000, 1, 1)),
            with("EXPIRED-4", Language::Expired(4), date(2025, 6, 1)),
            with("REVIEW-OLD", Language::Review, date(2015, 1, 1)),
            with("STATED-3", Language::Stated(3), date(2022, 1, 1)),
            with("NONE", Language::None, date(2001, 1, 1)),
        ];
        assert_eq!(
            ranked(&officials),
            vec![
                "REVIEW-OLD",
                "REVIEW-NEW",
                "EXPIRED-4",
                "STATED-3",
                "ITP-3",
                "STATED-2",
                "BELOW-3",
                "STATED-1",
                "NONE"
            ]
        );
        // 9 incumbents of group 2, none at level 4: 30% needs 3.
        let w = World::new(officials.to_vec());
        let gap = lang_2(&w);
        assert_eq!((gap.shortfall, gap.to_review), (3, 2));
        assert_eq!(
            chosen(&w, &gap, |c| (c.language, c.note)),
            vec![
                ("REVIEW-OLD", (Language::Review, Some(Note::ReviewFirst))),
                ("REVIEW-NEW", (Language::Review, Some(Note::ReviewFirst))),
                ("EXPIRED-4", (Language::Expired(4), None)),
            ]
        );
    }

    #[test]
    fn lists_just_enough_candidates_to_close_the_shortfall() {
        // 10 incumbents of group 2, 1 at level 4: 30% needs 3, so 2 candidates.
        let mut officials = vec![member("AT-4", Some(4), None)];
        for (i, level) in [1, 2, 3, 1, 2, 3, 1, 2, 3].into_iter().enumerate() {
            officials.push(member(
                &format!("P{i}"),
                Some(level),
                Some(date(2020, 1, 1 + i as u32)),
            ));
        }
        officials.push(
            member("PLANNED", Some(3), Some(date(2000, 1, 1)))
                .with(|o| o.role = crate::model::Role::Planned),
        );
        let mut w = World::new(officials);
        w.enrolled("P5", Program::Language, date(2026, 3, 1));
        let gap = lang_2(&w);
        assert_eq!(
            (gap.population, gap.achieved, gap.required, gap.shortfall),
            (10, 1, 3, 2)
        );
        assert_eq!(
            chosen(&w, &gap, |c| (c.rank, c.note)),
            vec![("P2", (1, None)), ("P5", (2, Some(Note::InProgress)))]
        );
        assert_eq!(gap.plan_number, None);
    }

    #[test]
    fn a_met_share_needs_nobody() {
        let w = World::new(vec![
            member("A", Some(4), None),
            member("B", Some(1), None),
            member("C", Some(1), None),
        ]);
        let gap = lang_2(&w);
        assert_eq!((gap.required, gap.shortfall), (1, 0));
        assert!(gap.candidates.is_empty());
    }
}
