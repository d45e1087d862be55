//! The renderers: pure functions laying out a report of `check` or `diff`
//! (`table`, `markdown`, `csv`, `json`), the plan's rules (`rules`) and the lists
//! of `gaps` (`gaps`) for people and scripts. They take the model of
//! `crate::report` and `crate::gaps` and the words of `crate::i18n`, and hold
//! no sentence of their own. The JSON shape is the contract of docs/json-report.md.

pub mod csv;
pub mod gaps;
pub(crate) mod grid;
pub mod json;
pub mod markdown;
pub mod rules;
pub mod table;

use crate::i18n::report::worded;
use crate::lang::Lang;
use crate::report::diff::Diff;
use crate::report::{FindingRow, Report};

/// The findings of the report in report order, each with its note and message
/// in `lang`.
pub(crate) fn worded_findings<'r>(
    report: &'r Report<'_>,
    lang: Lang,
) -> impl Iterator<Item = FindingRow<'r>> + 'r {
    report.findings.iter().map(move |f| worded(f, lang))
}

/// The findings of a diff as the renderers list them: a title, the rows, and
/// whether each row says what its status was (the persisting findings whose
/// status changed; those that stand as they stood are only counted).
pub(crate) fn finding_sections(
    diff: &Diff,
    lang: Lang,
) -> [(&'static str, Vec<FindingRow<'static>>, bool); 3] {
    let w = lang.words();
    let changed = diff
        .findings
        .persisting
        .iter()
        .filter(|f| f.previous_status != Some(f.status))
        .cloned()
        .collect();
    [
        (w.new_findings, diff.findings.new.clone(), false),
        (w.resolved_findings, diff.findings.resolved.clone(), false),
        (w.changed_findings, changed, true),
    ]
}
