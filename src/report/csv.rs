//! The findings as CSV for Excel: one row per official and rule, UTF-8 with a
//! byte order mark so Excel reads the Vietnamese right, formulas neutralised.
//!
//! Against a baseline (`check --baseline`, `diff`), two columns follow, `change`
//! and `previous_status`, and the resolved findings come last.

use std::borrow::Cow;

use crate::report::diff::Diff;
use crate::report::{FindingRow, Report, neutralise};

const HEADER: [&str; 17] = [
    "rule",
    "clause",
    "severity",
    "status",
    "id",
    "full_name",
    "unit",
    "title",
    "program",
    "anchor",
    "deadline",
    "days_overdue",
    "days_left",
    "days_late",
    "completed_on",
    "note",
    "message",
];

/// The two columns a comparison adds.
const CHANGE_HEADER: [&str; 2] = ["change", "previous_status"];

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    match &report.resolved {
        Some(resolved) => findings(report.findings.iter().chain(resolved.iter().cloned()), true),
        None => findings(report.findings.iter(), false),
    }
}

/// A diff's findings: new, then persisting, then resolved.
pub fn render_diff(diff: &Diff) -> anyhow::Result<Vec<u8>> {
    let f = &diff.findings;
    let rows = f.new.iter().chain(&f.persisting).chain(&f.resolved);
    findings(rows.cloned(), true)
}

/// Finding rows, with the comparison columns when `change`.
fn findings<'a>(
    rows: impl Iterator<Item = FindingRow<'a>>,
    change: bool,
) -> anyhow::Result<Vec<u8>> {
    let extra: &[&str] = if change { &CHANGE_HEADER } else { &[] };
    let header: Vec<&str> = HEADER.iter().chain(extra).copied().collect();
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = rows.map(|f| {
        let mut row = vec![
            f.rule.into_owned(),
            f.clause.into_owned(),
            f.severity.label().to_owned(),
            f.status.code().to_owned(),
            f.id.into_owned(),
            f.full_name.into_owned(),
            f.unit.into_owned(),
            f.title.into_owned(),
            opt(f.program.map(|p| p.code().to_owned())),
            opt(f.anchor.map(|d| d.to_string())),
            opt(f.deadline.map(|d| d.to_string())),
            opt(f.days_overdue.map(|n| n.to_string())),
            opt(f.days_left.map(|n| n.to_string())),
            opt(f.days_late.map(|n| n.to_string())),
            opt(f.completed_on.map(|d| d.to_string())),
            opt(f.note.map(Cow::into_owned)),
            f.message.into_owned(),
        ];
        if change {
            row.push(opt(f.change.map(|c| c.code().to_owned())));
            row.push(opt(f.previous_status.map(|s| s.code().to_owned())));
        }
        row
    });
    for_excel(b',', &header, rows)
}

/// CSV as Excel opens it right: UTF-8 with a byte order mark, CRLF line ends,
/// and every cell that a spreadsheet would run as a formula neutralised.
pub fn for_excel(
    delimiter: u8,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> anyhow::Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header)?;
        for row in rows {
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}
