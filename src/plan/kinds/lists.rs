//! What the kinds give `gaps --year`: officials on the list of the programme they
//! must be trained in, each with the reasons the targets give, the plan's numbers
//! for the year, and the sections of kinds that count rather than list (the
//! language shares, the postgraduate starts). Each kind adds its part in its
//! `RuleKind::gaps`; `crate::gaps` puts the year's lists together.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;

use chrono::NaiveDate;

use crate::model::{Language, OfficialIdx, Program};
use crate::plan::Target;
use crate::plan::kinds::postgraduate::gaps::PostgraduateNeed;
use crate::plan::kinds::quota::QuotaSubject;
use crate::plan::kinds::share::gaps::LanguageGap;
use crate::plan::kinds::shared::{Context, Note, PersonStatus};
use crate::plan::kinds::window::{classify, in_progress_note};

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

impl Reason {
    /// `why`, found by `target`.
    pub fn new(target: &Target, why: Why, note: Option<Note>) -> Reason {
        Reason {
            rule: target.rule.clone(),
            clause: target.clause.clone(),
            why,
            note,
        }
    }
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
    /// The deadlines of its reasons that have one, with the days from as-of to each.
    fn due(&self) -> impl Iterator<Item = (NaiveDate, i64)> + '_ {
        self.reasons.iter().filter_map(|r| match r.why {
            Why::Due {
                deadline,
                days_left,
                ..
            } => Some((deadline, days_left)),
            _ => None,
        })
    }

    /// The earliest deadline of its reasons.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.due().map(|(deadline, _)| deadline).min()
    }

    /// Days from as-of to the earliest deadline; negative when overdue.
    pub fn days_left(&self) -> Option<i64> {
        self.due().map(|(_, days_left)| days_left).min()
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

/// `program` not completed by `deadline`, as of `ctx.as_of`: the reason with
/// signed days, and the note when the official is on a course of it now.
pub fn due(
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

/// The lists of a year being made, target by target: one entry per (programme,
/// official), reasons merged.
pub struct Lists {
    year: i32,
    lists: Vec<ProgrammeList>,
    at: HashMap<(Option<Program>, OfficialIdx), (usize, usize)>,
    /// The plan's numbers for the year, the first target's for each subject.
    numbers: Vec<(QuotaSubject, PlanNumber)>,
    /// Per language share, in plan order.
    pub languages: Vec<LanguageGap>,
    /// Per postgraduate target: numbers, not people.
    pub postgraduate: Vec<PostgraduateNeed>,
}

/// The lists of a year, put together.
pub struct Made {
    /// In [`Program::ALL`] order, the list of unknown programme last; each list
    /// with the plan's number for the year.
    pub lists: Vec<ProgrammeList>,
    /// Each with the plan's number of the group for the year.
    pub languages: Vec<LanguageGap>,
    pub postgraduate: Vec<PostgraduateNeed>,
}

impl Lists {
    /// Empty lists for `year`.
    pub fn new(year: i32) -> Lists {
        Lists {
            year,
            lists: Vec::new(),
            at: HashMap::new(),
            numbers: Vec::new(),
            languages: Vec::new(),
            postgraduate: Vec::new(),
        }
    }

    /// The year the lists are for.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The last day a deadline may fall on to be the year's business.
    pub fn last_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX)
    }

    /// The index of the list of `program`, made when missing: a programme the
    /// plan sets a number for is listed even when no rule sends anyone.
    pub fn list(&mut self, program: Option<Program>) -> usize {
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
    pub fn touch(&mut self, program: Option<Program>, rule: &str) {
        let i = self.list(program);
        let rules = &mut self.lists[i].rules;
        if !rules.iter().any(|r| r == rule) {
            rules.push(rule.to_owned());
        }
    }

    /// Put `official` on the list of `program` for `reason`.
    pub fn add(&mut self, program: Option<Program>, official: OfficialIdx, reason: Reason) {
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

    /// The plan's number for `subject` in the year; a later one for the same
    /// subject is not used.
    pub fn number(&mut self, subject: QuotaSubject, number: PlanNumber) {
        if !self.numbers.iter().any(|(s, _)| *s == subject) {
            self.numbers.push((subject, number));
        }
    }

    /// The lists in order, each with the plan's number for the year.
    pub fn finish(self, ctx: &Context<'_>) -> Made {
        let Lists {
            mut lists,
            numbers,
            mut languages,
            postgraduate,
            ..
        } = self;
        let number_of = |subject: QuotaSubject| {
            numbers
                .iter()
                .find(|(s, _)| *s == subject)
                .map(|(_, n)| n.clone())
        };
        lists.sort_by_key(|l| l.program.map_or(usize::MAX, Program::index));
        for list in &mut lists {
            list.entries
                .sort_by_cached_key(|e| (e.order(), ctx.roster.id(e.official)));
            list.quota = list
                .program
                .and_then(|p| number_of(QuotaSubject::Program(p)));
        }
        for gap in &mut languages {
            gap.plan_number = number_of(QuotaSubject::LanguageGroup(gap.group));
        }
        Made {
            lists,
            languages,
            postgraduate,
        }
    }
}
