//! The report as Markdown, for a mail or a document: the summary and the targets
//! as tables, then the findings by rule, most urgent first; and a diff the same way.
//!
//! Every cell from the data is escaped (`escape`), so a name or a unit with a `|`,
//! a `*` or a `<` cannot break a table or turn into markup.

use crate::plan::rules::TargetStatus;
use crate::report::diff::{Diff, TargetChange};
use crate::report::table::{
    FINDING_HEADINGS, TARGET_HEADINGS, UNIT_HEADINGS, before_after, by_rule, days_cell,
    diff_summary_line, summary_line, tally, target_change_cells, target_row_text,
};
use crate::report::text::{change_note, person_status, target_status};
use crate::report::{FindingRow, Report};

/// At most this many findings of one rule are listed. A mail is read when it is
/// short; the findings are sorted most urgent first, so the rows kept are those
/// to act on, and the rest are counted, with where to find them all.
pub const MAX_ROWS_PER_RULE: usize = 20;

/// Text made safe for a Markdown table cell: no line breaks, and the characters
/// that make tables, emphasis, code, links or HTML escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table: headings, the alignment row (numbers right-aligned), then the rows,
/// whose cells are Markdown already (see `escaped`).
fn table(headings: &[&str], right: &[usize], rows: &[Vec<String>]) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(headings.iter().map(|h| (*h).to_owned()).collect());
    out.push_str(&line(
        (0..headings.len())
            .map(|i| if right.contains(&i) { "---:" } else { "---" }.to_owned())
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

/// Cells of text, escaped.
fn escaped(cells: impl IntoIterator<Item = String>) -> Vec<String> {
    cells.into_iter().map(|c| escape(&c)).collect()
}

/// A target status, in bold when it is a gap.
fn status(status: TargetStatus) -> String {
    match status {
        TargetStatus::Gap => format!("**{}**", target_status(status)),
        _ => target_status(status).to_owned(),
    }
}

/// Where the target table's numbers are: right-aligned.
const TARGET_NUMBERS: [usize; 4] = [4, 5, 6, 7];

/// Findings of each rule, capped at `MAX_ROWS_PER_RULE`, under `####` headings.
fn findings_by_rule(findings: &[FindingRow], prefix: &str, change: bool) -> String {
    let mut out = String::new();
    let mut headings = FINDING_HEADINGS.to_vec();
    if change {
        headings.insert(0, "Change");
    }
    let days = headings.iter().position(|h| *h == "Days").unwrap_or(0);
    for (rule, rows) in by_rule(findings) {
        out.push_str(&format!(
            "\n#### {prefix}{} ({}): {}\n\n",
            escape(rule),
            escape(&rows[0].clause),
            tally(&rows)
        ));
        let cells: Vec<Vec<String>> = rows
            .iter()
            .take(MAX_ROWS_PER_RULE)
            .map(|f| {
                let mut row = Vec::with_capacity(headings.len());
                if change {
                    row.push(change_note(f));
                }
                row.extend(escaped([
                    f.id.to_string(),
                    f.full_name.to_string(),
                    f.unit.to_string(),
                    person_status(f.status).to_owned(),
                    f.program.map_or("", |p| p.code()).to_owned(),
                    f.deadline.map(|d| d.to_string()).unwrap_or_default(),
                    days_cell(f),
                    f.note.as_deref().unwrap_or_default().to_owned(),
                ]));
                row
            })
            .collect();
        out.push_str(&table(&headings, &[days], &cells));
        if rows.len() > MAX_ROWS_PER_RULE {
            out.push_str(&format!(
                "\n*… and {} more: every finding is in `--format csv` or `--format json`.*\n",
                rows.len() - MAX_ROWS_PER_RULE
            ));
        }
    }
    out
}

/// The whole report as Markdown.
pub fn render(report: &Report) -> String {
    let inputs = &report.inputs;
    let mut out = format!(
        "## boiduong: plan {} as of {}\n\nRoster: {} ({} rows) · enrolments: {} ({} rows)\n\n**{}**\n\n### Targets\n\n",
        escape(&report.plan),
        report.as_of,
        escape(&inputs.roster.path),
        inputs.roster.rows,
        escape(&inputs.enrolments.path),
        inputs.enrolments.rows,
        escape(&summary_line(report)),
    );
    let rows: Vec<Vec<String>> = report
        .targets
        .iter()
        .map(|t| {
            let mut row = escaped(target_row_text(t));
            // The status is ours, not data: a gap in bold.
            row[8] = status(t.status);
            row
        })
        .collect();
    out.push_str(&table(&TARGET_HEADINGS, &TARGET_NUMBERS, &rows));
    out.push_str("\n### Findings\n");
    if report.findings.is_empty() {
        out.push_str("\nNone.\n");
    }
    let findings: Vec<FindingRow> = report.findings.iter().collect();
    out.push_str(&findings_by_rule(&findings, "", report.baseline.is_some()));
    if let (Some(baseline), Some(resolved)) = (&report.baseline, &report.resolved) {
        out.push_str(&format!(
            "\n### Resolved since the baseline ({}, as of {}): {}\n",
            escape(&baseline.path),
            baseline.as_of,
            resolved.len()
        ));
        out.push_str(&findings_by_rule(resolved, "Resolved: ", false));
    }
    out
}

/// A diff as Markdown.
pub fn render_diff(diff: &Diff) -> String {
    let mut out = format!(
        "## boiduong diff: plan {}, as of {} → {}\n\nOld: {} · new: {}\n\n**{}**\n",
        escape(&diff.plan),
        diff.old.as_of,
        diff.new.as_of,
        escape(&diff.old.path),
        escape(&diff.new.path),
        escape(&diff_summary_line(diff)),
    );
    let s = &diff.summary;
    out.push_str(&format!(
        "\n### Targets that moved: {} of {}\n\n",
        s.targets_moved, s.targets
    ));
    let moved: Vec<Vec<String>> = diff
        .targets
        .iter()
        .filter(|t| t.moved)
        .map(|t: &TargetChange| escaped(target_change_cells(t)))
        .collect();
    if !moved.is_empty() {
        out.push_str(&table(&TARGET_HEADINGS, &TARGET_NUMBERS, &moved));
    }
    for (title, rows, change) in diff.finding_sections() {
        out.push_str(&format!("\n### {title}: {}\n", rows.len()));
        out.push_str(&findings_by_rule(&rows, "", change));
    }
    let units: Vec<Vec<String>> = diff
        .units
        .iter()
        .filter(|u| u.before != u.after)
        .map(|u| {
            let mut row = vec![u.unit.clone()];
            for ((_, before), (_, after)) in
                u.before.by_status().into_iter().zip(u.after.by_status())
            {
                row.push(before_after(Some(before), Some(after)));
            }
            escaped(row)
        })
        .collect();
    out.push_str(&format!(
        "\n### Units whose findings changed: {} of {}\n\n",
        units.len(),
        diff.units.len()
    ));
    if !units.is_empty() {
        out.push_str(&table(&UNIT_HEADINGS, &[1, 2, 3, 4, 5], &units));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_a_table_or_become_markup() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("*x* `y` [l](u) #1"),
            "\\*x\\* \\`y\\` \\[l\\](u) \\#1"
        );
        assert_eq!(escape("<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(escape("two\nlines\r"), "two lines ");
        assert_eq!(escape("title_department Nguyễn"), "title_department Nguyễn");
    }

    #[test]
    fn a_table_has_a_heading_an_alignment_row_and_escaped_cells() {
        let t = table(&["A", "N"], &[1], &[escaped(["x|y".into(), "3".into()])]);
        assert_eq!(t, "| A | N |\n| --- | ---: |\n| x\\|y | 3 |\n");
    }
}
