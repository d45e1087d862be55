//! Rule kinds: the code that evaluates a target of the plan. A target is data (a
//! `[[target]]` of the plan file naming its kind); its kind is a folder here
//! holding its configuration as the plan file gives it, its evaluation, the numbers
//! of its target rows, its part of the lists of `gaps` and its tests. What people
//! read of it (its documentation for `explain`, its report cells) is worded in
//! `i18n::kinds`, one file per kind.
//!
//! [`RuleKind`] says what a kind is; the `every_kind!` list at the end names every
//! kind once, and the `registry!` made from it is the only place here that
//! dispatches on the kind (the `words!` of `i18n::kinds`, made from the same list,
//! is the one that words it). Adding a kind is a folder, a line in the list, its
//! words file, its targets in the plan file and its tests (`docs/architecture.md`,
//! "Adding a rule kind").

pub mod lists;
pub mod shared;
mod table;

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use lists::Lists;
pub use table::Table;

use crate::diag::Diagnostic;
use crate::diag::problem::TargetOf;
use crate::model::{Severity, Shown};
use crate::plan::Target;
use crate::plan::kinds::shared::{
    Context, Evaluation, KeyNumbers, LevelShare, PeopleByStatus, Sink, TargetKey, TargetNote,
    TargetResult, TargetStatus,
};

/// What a rule kind is.
pub trait RuleKind: Clone + fmt::Debug + PartialEq + Sized {
    /// Its name in the plan file: `kind = "share"`.
    const NAME: &'static str;
    /// The keys its targets may have in the plan file, besides those every target
    /// has (`rule`, `kind`, `clause`, `text_vi`, `text_en`).
    const KEYS: &'static [&'static str];
    /// The numbers of one of its target rows in a report.
    type Row: Row;

    /// Its configuration, read from a target's table of the plan file.
    fn parse(table: &Table<'_>) -> Result<Self, Diagnostic>;

    /// What tells two of its targets of one rule id apart (QUOTA-A2 has one per
    /// programme); nothing by default, so that a rule id has one target of it.
    fn identity(&self) -> TargetOf {
        TargetOf::Nothing
    }

    /// Evaluate `target` (of this configuration) as of `ctx.as_of`: its rows and
    /// its findings into `out`.
    fn evaluate(&self, target: &Target, ctx: &Context<'_>, out: &mut Out<'_, Self::Row>);

    /// Its part of the lists of `gaps --year` (`lists.year()`), as of
    /// `ctx.as_of`: whom `target` sends to which programme and why, and the
    /// numbers it gives the year. Nothing by default.
    fn gaps(&self, _target: &Target, _ctx: &Context<'_>, _lists: &mut Lists) {}

    /// How many officials of one of its rows stand in each status, when its
    /// rows count officials by a deadline of their own (the windows,
    /// planned-ready); none by default. The kind says, not the row: a
    /// doctorate's row is a window's, but counts the heads of four
    /// institutions, not people trained within a window.
    fn people(_row: &Self::Row) -> Option<PeopleByStatus> {
        None
    }
}

/// The numbers of one target row of a kind, serialised flat into the row of the
/// JSON report and read back from it for a comparison.
pub trait Row: Clone + fmt::Debug + PartialEq + Eq + Serialize + DeserializeOwned {
    /// The numbers the summary shows for the row and a comparison follows.
    fn key_numbers(&self) -> KeyNumbers;

    /// The group, programme and year that tell the rows of one rule apart.
    fn key(&self) -> TargetKey {
        TargetKey::default()
    }

    /// The row as a language group's share at a level, when it is one.
    fn level_share(&self) -> Option<LevelShare> {
        None
    }
}

/// Where a kind's evaluation puts what it finds: its target rows, each with its
/// status, severity and note, and findings on officials.
pub struct Out<'e, R> {
    rows: Vec<(TargetStatus, Option<Severity>, Option<TargetNote>, R)>,
    /// The target's place in the plan: what its findings name as their `target`.
    pub target: u32,
    /// Every finding the report lists goes straight into the evaluation's list
    /// (1.5 million PLANNED-READY findings at national scale: never copied); one
    /// it does not list is only counted.
    pub findings: Sink<'e>,
}

impl<R> Out<'_, R> {
    /// One target row; `note`: why it stands there, when its status alone does not say.
    pub fn row(
        &mut self,
        status: TargetStatus,
        severity: Option<Severity>,
        note: Option<TargetNote>,
        row: R,
    ) {
        self.rows.push((status, severity, note, row));
    }
}

/// Evaluate one target of kind `K`, whose place in the plan is `index`, its rows
/// made rows of the report by `wrap`, the findings `listed` lists kept and the
/// others counted.
fn evaluate_kind<K: RuleKind>(
    kind: &K,
    target: &Target,
    index: u32,
    ctx: &Context<'_>,
    listed: Shown,
    out: &mut Evaluation,
    wrap: fn(K::Row) -> Detail,
) {
    let mut rows = Out {
        rows: Vec::new(),
        target: index,
        findings: out.sink(listed),
    };
    kind.evaluate(target, ctx, &mut rows);
    let rows = rows.rows;
    out.targets.extend(
        rows.into_iter()
            .map(|(status, severity, note_code, row)| TargetResult {
                rule: target.rule.clone(),
                clause: target.clause.clone(),
                status,
                severity,
                note_code,
                // worded in the report's language when the report is made
                note: None,
                detail: wrap(row),
            }),
    );
}

/// What the registry knows of a kind without a target of it.
#[derive(Debug)]
pub struct About {
    pub name: &'static str,
    pub keys: &'static [&'static str],
}

/// Declares every kind: its module, and from the list the `Kind` a target holds,
/// the `Detail` of a target row, the `KINDS` and the dispatch on them.
macro_rules! registry {
    ($($module:ident :: $kind:ident),+ $(,)?) => {
        $(pub mod $module;)+

        /// What a target asks for: its kind with the configuration the plan gives it.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Kind {
            $($kind($module::$kind),)+
        }

        /// The numbers of one target row, by the kind that made it. Serialised flat
        /// into the row; read back (an earlier report, for a comparison) by trying
        /// the kinds in registry order, so that a kind whose rows have the shape of
        /// an earlier kind's reads back as that kind: the same numbers and cells.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(untagged)]
        pub enum Detail {
            $($kind(<$module::$kind as RuleKind>::Row),)+
        }

        /// Every kind, in registry order.
        pub const KINDS: &[About] = &[$(About {
            name: <$module::$kind as RuleKind>::NAME,
            keys: <$module::$kind as RuleKind>::KEYS,
        },)+];

        impl Kind {
            /// The name of the kind in the plan file.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Kind::$kind(_) => <$module::$kind as RuleKind>::NAME,)+
                }
            }

            /// What tells two targets of one rule id apart.
            pub fn identity(&self) -> TargetOf {
                match self {
                    $(Kind::$kind(kind) => kind.identity(),)+
                }
            }

            /// The kind named `name`, read from `table`; `None`: no kind has that name.
            pub(crate) fn parse(name: &str, table: &Table<'_>) -> Option<Result<Kind, Diagnostic>> {
                $(if name == <$module::$kind as RuleKind>::NAME {
                    return Some(<$module::$kind as RuleKind>::parse(table).map(Kind::$kind));
                })+
                None
            }

            /// Add `target`, whose kind this is, to the lists of `gaps --year`.
            pub(crate) fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
                match self {
                    $(Kind::$kind(kind) => kind.gaps(target, ctx, lists),)+
                }
            }

            /// Evaluate `target`, whose kind this is and whose place in the plan is
            /// `index`, into `out`: the findings `listed` lists kept, the others counted.
            pub(crate) fn evaluate(&self, target: &Target, index: u32, ctx: &Context<'_>, listed: Shown, out: &mut Evaluation) {
                match self {
                    $(Kind::$kind(kind) => evaluate_kind(kind, target, index, ctx, listed, out, Detail::$kind),)+
                }
            }
        }

        impl Detail {
            /// See [`Row::key_numbers`].
            pub fn key_numbers(&self) -> KeyNumbers {
                match self {
                    $(Detail::$kind(row) => row.key_numbers(),)+
                }
            }

            /// See [`Row::key`].
            pub fn key(&self) -> TargetKey {
                match self {
                    $(Detail::$kind(row) => row.key(),)+
                }
            }

            /// See [`Row::level_share`].
            pub fn level_share(&self) -> Option<LevelShare> {
                match self {
                    $(Detail::$kind(row) => row.level_share(),)+
                }
            }

            /// See [`RuleKind::people`].
            pub fn people(&self) -> Option<PeopleByStatus> {
                match self {
                    $(Detail::$kind(row) => <$module::$kind as RuleKind>::people(row),)+
                }
            }
        }
    };
}

/// Calls the macro `$then` with every kind, `module::Kind`, in registry order:
/// the one list that the registry here and the words of the kinds
/// (`i18n::kinds`) are both made from.
macro_rules! every_kind {
    ($then:ident) => {
        $then! {
            share::Share,
            window::Window,
            quota::Quota,
            postgraduate::Postgraduate,
            doctorate::Doctorate,
            overseas::Overseas,
            planned_ready::PlannedReady,
        }
    };
}
pub(crate) use every_kind;

every_kind!(registry);

/// The names of the kinds, as a message lists them: `share, window, ...`.
pub fn names() -> String {
    let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    names.join(", ")
}

/// Every key a target of some kind may have, each once, in registry order.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&str> = Vec::new();
    for key in KINDS.iter().flat_map(|k| k.keys) {
        if !keys.contains(key) {
            keys.push(key);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_one_name_each_and_keys_of_their_own() {
        let mut names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
        for kind in KINDS {
            for key in kind.keys {
                assert!(
                    !["rule", "kind", "clause", "text_vi", "text_en"].contains(key),
                    "{}: {key} is every target's",
                    kind.name
                );
            }
        }
    }
}
