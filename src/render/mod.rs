//! The renderers: pure functions laying out a report of `check` or `diff`
//! (`table`, `markdown`, `csv`, `json`, and for `check` a one-file page,
//! `html`, with its charts drawn by `svg`), the trend of several reports (`trend`), the plan's rules (`rules`) and the lists
//! of `gaps` (`gaps`) for people and scripts. They take the model of
//! `crate::report` and `crate::gaps` and the words of `crate::i18n`, and hold
//! no sentence of their own. The JSON shape is the contract of docs/json-report.md.

pub mod csv;
pub mod gaps;
pub(crate) mod grid;
pub mod html;
pub mod json;
pub mod markdown;
pub mod rules;
pub mod svg;
pub mod table;
pub mod trend;
pub mod workbook;
pub mod xlsx;

use crate::i18n::report::{days_cell, worded};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::report::diff::Diff;
use crate::report::{FindingRow, Report};

/// The findings of the report in report order, each with its note and message
/// in `lang`.
pub(crate) fn worded_findings<'r>(
    report: &'r Report<'_>,
    lang: Lang,
) -> impl Iterator<Item = FindingRow<'r>> + 'r {
    report
        .findings
        .iter()
        .map(move |f| worded(f, lang, &report.glossary))
}

/// Findings read back from earlier reports (a diff's, or those `check
/// --baseline` resolved), worded again in `lang` from the codes the JSON carries
/// (status, programme, dates, days, `note_code`): never the words the reports
/// were written with, which may be of the other language.
pub fn reword(rows: &mut Vec<FindingRow<'static>>, lang: Lang, glossary: &Glossary) {
    let read = std::mem::take(rows);
    rows.extend(read.into_iter().map(|f| worded(f, lang, glossary)));
}

/// Every finding of `diff` worded in `lang` ([`reword`]).
pub fn reword_diff(diff: &mut Diff, lang: Lang) {
    let f = &mut diff.findings;
    for rows in [&mut f.new, &mut f.persisting, &mut f.resolved] {
        reword(rows, lang, &diff.glossary);
    }
}

/// The lines under the targets table: what a row has more to say, in `lang`.
pub(crate) fn remarks(report: &Report, lang: Lang) -> Vec<String> {
    report
        .targets
        .iter()
        .filter_map(|t| lang.remark(&t.detail, &t.rule, &report.glossary))
        .collect()
}

/// A finding's cells under the finding headings, as text: id, name, unit,
/// status, programme, deadline, days, note.
pub(crate) fn finding_cells(f: &FindingRow, lang: Lang, glossary: &Glossary) -> [String; 8] {
    [
        f.id.to_string(),
        f.full_name.to_string(),
        f.unit.to_string(),
        lang.person_status(f.status).to_owned(),
        table::program_cell(f, lang, glossary).to_owned(),
        lang.maybe_date(f.deadline),
        days_cell(f, lang),
        f.note.as_deref().unwrap_or_default().to_owned(),
    ]
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
