//! Rule kinds: the code that evaluates a target of the plan. A target is data (a
//! `[[target]]` of the plan file naming its kind); its kind is a folder here
//! holding everything about it: its configuration as the plan file gives it, its
//! evaluation, its part of the lists of `gaps`, its report cells, its documentation
//! in both languages and its tests.
//!
//! [`RuleKind`] says what a kind is; the `registry!` at the end names every kind
//! once, and is the only place that dispatches on the kind. Adding a kind is a
//! folder, a line in the registry, its targets in the plan file and its tests
//! (`docs/architecture.md`, "Adding a rule kind").

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
use crate::i18n::Bilingual;
use crate::lang::Lang;
use crate::model::Severity;
use crate::plan::kinds::shared::{
    Context, Evaluation, Finding, KeyNumbers, TargetKey, TargetNote, TargetResult, TargetStatus,
};
use crate::plan::{Glossary, Plan, Target};

/// What a rule kind is.
pub trait RuleKind: Clone + fmt::Debug + PartialEq + Sized {
    /// Its name in the plan file: `kind = "share"`.
    const NAME: &'static str;
    /// The keys its targets may have in the plan file, besides those every target
    /// has (`rule`, `kind`, `clause`, `text_vi`, `text_en`).
    const KEYS: &'static [&'static str];
    /// What `explain` prints about it, under the four headings of
    /// `Words::doc_headings`, in both languages. A number of the plan it quotes
    /// is a `{name}` that [`RuleKind::quotes`] fills from the plan file.
    const DOC: Bilingual;
    /// The numbers of one of its target rows in a report.
    type Row: Row;

    /// Its configuration, read from a target's table of the plan file.
    fn parse(table: &Table<'_>) -> Result<Self, Diagnostic>;

    /// The plan's numbers its DOC quotes, each `(name, text)` filling `{name}`:
    /// worked out from `targets`, the plan's targets of this kind, in `lang`.
    fn quotes(
        _targets: &[&Self],
        _glossary: &Glossary,
        _lang: Lang,
    ) -> Vec<(&'static str, String)> {
        Vec::new()
    }

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

    /// The row's cells in a targets table: what it counts, the year, the
    /// population or quota, achieved, required, shortfall; `glossary`: the
    /// plan's words (a group's name).
    fn cells(&self, lang: Lang, glossary: &Glossary) -> [String; 6];

    /// A line under the targets table, when the row has more to say.
    fn remark(&self, _rule: &str, _lang: Lang, _glossary: &Glossary) -> Option<String> {
        None
    }
}

/// Where a kind's evaluation puts what it finds: its target rows, each with its
/// status, severity and note, and findings on officials.
pub struct Out<'e, R> {
    rows: Vec<(TargetStatus, Option<Severity>, Option<TargetNote>, R)>,
    /// The target's place in the plan: what its findings name as their `target`.
    pub target: u32,
    /// Every finding of a target goes straight into the evaluation's list (1.5
    /// million PLANNED-READY findings at national scale: never copied).
    pub findings: &'e mut Vec<Finding>,
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
/// made rows of the report by `wrap`.
fn evaluate_kind<K: RuleKind>(
    kind: &K,
    target: &Target,
    index: u32,
    ctx: &Context<'_>,
    out: &mut Evaluation,
    wrap: fn(K::Row) -> Detail,
) {
    let mut rows = Out {
        rows: Vec::new(),
        target: index,
        findings: &mut out.findings,
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
    pub doc: &'static Bilingual,
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
            doc: &<$module::$kind as RuleKind>::DOC,
        },)+];

        impl Kind {
            /// The name of the kind in the plan file.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Kind::$kind(_) => <$module::$kind as RuleKind>::NAME,)+
                }
            }

            /// The documentation of the kind in `lang`, printed by `explain`, with
            /// the numbers of `plan` it quotes.
            pub fn doc(&self, plan: &Plan, lang: Lang) -> String {
                match self {
                    $(Kind::$kind(_) => {
                        let targets: Vec<&$module::$kind> = plan
                            .targets
                            .iter()
                            .filter_map(|t| match &t.kind {
                                Kind::$kind(kind) => Some(kind),
                                _ => None,
                            })
                            .collect();
                        let quotes = <$module::$kind as RuleKind>::quotes(&targets, &plan.glossary, lang);
                        fill(<$module::$kind as RuleKind>::DOC.get(lang), &quotes)
                    })+
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
            /// `index`, into `out`.
            pub(crate) fn evaluate(&self, target: &Target, index: u32, ctx: &Context<'_>, out: &mut Evaluation) {
                match self {
                    $(Kind::$kind(kind) => evaluate_kind(kind, target, index, ctx, out, Detail::$kind),)+
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

            /// See [`Row::cells`].
            pub fn cells(&self, lang: Lang, glossary: &Glossary) -> [String; 6] {
                match self {
                    $(Detail::$kind(row) => row.cells(lang, glossary),)+
                }
            }

            /// See [`Row::remark`].
            pub fn remark(&self, rule: &str, lang: Lang, glossary: &Glossary) -> Option<String> {
                match self {
                    $(Detail::$kind(row) => row.remark(rule, lang, glossary),)+
                }
            }
        }
    };
}

registry! {
    share::Share,
    window::Window,
    quota::Quota,
    postgraduate::Postgraduate,
    doctorate::Doctorate,
    overseas::Overseas,
    planned_ready::PlannedReady,
}

/// The names of the kinds, as a message lists them: `share, window, ...`.
pub fn names() -> String {
    let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
    names.join(", ")
}

/// How wide the lines of a DOC are.
const DOC_WIDTH: usize = 90;

/// `text` with each `{name}` of `quotes` filled in, a line that a quote made
/// longer than the DOC's lines wrapped at its spaces.
fn fill(text: &str, quotes: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut filled = line.to_owned();
        for (name, quote) in quotes {
            filled = filled.replace(&format!("{{{name}}}"), quote);
        }
        if filled == line || filled.trim_end().chars().count() <= DOC_WIDTH {
            out.push_str(&filled);
            continue;
        }
        let mut width = 0;
        for word in filled.trim_end().split(' ') {
            let n = word.chars().count();
            if width > 0 && width + 1 + n > DOC_WIDTH {
                out.push('\n');
                width = 0;
            } else if width > 0 {
                out.push(' ');
                width += 1;
            }
            out.push_str(word);
            width += n;
        }
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Values in order, each once, as a DOC quotes them: `24`, `18 or 36`.
pub fn either<T: ToString>(values: impl IntoIterator<Item = T>, lang: Lang) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in values {
        let v = v.to_string();
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    let or = match lang {
        Lang::En => " or ",
        Lang::Vi => " hoặc ",
    };
    seen.join(or)
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
    fn every_kind_documents_itself_under_the_four_headings_in_order() {
        for lang in [Lang::En, Lang::Vi] {
            for kind in KINDS {
                let (name, doc) = (kind.name, kind.doc.get(lang));
                // the four headings of the language, in order, and no other
                let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with('#')).collect();
                assert_eq!(headings, lang.words().doc_headings, "{name} ({lang:?})");
                let mut at = 0;
                for heading in lang.words().doc_headings {
                    let heading = format!("{heading}\n");
                    let found = doc[at..].find(&heading);
                    assert!(
                        found.is_some(),
                        "{name} ({lang:?}): no \"{}\" after byte {at}",
                        heading.trim()
                    );
                    let start = at + found.unwrap_or(0) + heading.len();
                    let body_end = doc[start..].find("\n## ").map_or(doc.len(), |e| start + e);
                    assert!(
                        doc[start..body_end].trim().len() > 20,
                        "{name} ({lang:?}): \"{}\" is empty",
                        heading.trim()
                    );
                    at = start;
                }
            }
        }
    }

    #[test]
    fn the_vietnamese_docs_are_nfc_translations_of_the_english_ones() {
        let bullets = |text: &str| text.lines().filter(|l| l.starts_with("- ")).count();
        for kind in KINDS {
            let (name, doc) = (kind.name, kind.doc);
            assert!(unicode_normalization::is_nfc(doc.vi), "{name}");
            assert_ne!(doc.vi, doc.en, "{name}");
            // every case of the English is there, none left out
            assert_eq!(bullets(doc.vi), bullets(doc.en), "{name}");
            // the plan's terms, not English statuses
            for english in [
                "overdue",
                "due soon",
                " met",
                "incumbent",
                "planned official",
            ] {
                assert!(!doc.vi.contains(english), "{name}: {english:?}");
            }
        }
    }

    #[test]
    fn every_number_a_doc_quotes_comes_from_the_plan() {
        let plan = crate::plan::load_plan(None).unwrap();
        for t in &plan.targets {
            for lang in [Lang::En, Lang::Vi] {
                let doc = t.kind.doc(&plan, lang);
                // a `{name}` left is a quote the kind did not fill; `{ 2025 = 3 }` is TOML
                let left = doc.split('{').skip(1).find(|rest| {
                    rest.split('}').next().is_some_and(|name| {
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    })
                });
                assert!(
                    left.is_none(),
                    "{} ({lang:?}): {{{}",
                    t.kind.name(),
                    left.unwrap_or("")
                );
            }
        }
    }

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
