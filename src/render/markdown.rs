//! The report as Markdown, for a mail or a document: the summary and the targets
//! as tables, then the findings by rule, most urgent first; and a diff the same way.
//!
//! Every cell from the data is escaped (`escape`), so a name or a unit with a `|`,
//! a `*` or a `<` cannot break a table or turn into markup.

use crate::i18n::report::{
    change_note, diff_heading, diff_paths, diff_summary_line, findings_not_listed, more_rows,
    moved_heading, report_heading, resolved_heading, summary_line, units_heading,
};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::plan::rules::TargetStatus;
use crate::render::table::{before_after, by_rule, tally, target_change_cells, target_row_text};
use crate::render::{finding_cells, finding_sections, remarks, worded_findings};
use crate::report::diff::{Diff, TargetChange};
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
pub(crate) fn table(headings: &[&str], right: &[usize], rows: &[Vec<String>]) -> String {
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
pub(crate) fn escaped(cells: impl IntoIterator<Item = String>) -> Vec<String> {
    cells.into_iter().map(|c| escape(&c)).collect()
}

/// A target's status as worded, in bold when it is a gap.
fn status(status: TargetStatus, worded: String) -> String {
    match status {
        TargetStatus::Gap => format!("**{worded}**"),
        _ => worded,
    }
}

/// Where the target table's numbers are: right-aligned.
const TARGET_NUMBERS: [usize; 4] = [4, 5, 6, 7];

/// Findings of each rule, capped at `MAX_ROWS_PER_RULE`, under `####` headings.
fn findings_by_rule(
    findings: &[FindingRow],
    prefix: &str,
    lang: Lang,
    glossary: &Glossary,
    change: bool,
) -> String {
    let mut out = String::new();
    let w = lang.words();
    let mut headings = w.finding_headings.to_vec();
    if change {
        headings.insert(0, w.change);
    }
    // the days column, right-aligned: the last but one
    let days = headings.len() - 2;
    for (rule, rows) in by_rule(findings) {
        out.push_str(&format!(
            "\n#### {prefix}{} ({}): {}\n\n",
            escape(rule),
            escape(glossary.clause(&rows[0].clause, lang)),
            tally(&rows, lang)
        ));
        let cells: Vec<Vec<String>> = rows
            .iter()
            .take(MAX_ROWS_PER_RULE)
            .map(|f| {
                let mut row = Vec::with_capacity(headings.len());
                if change {
                    row.push(change_note(f, lang));
                }
                row.extend(escaped(finding_cells(f, lang, glossary)));
                row
            })
            .collect();
        out.push_str(&table(&headings, &[days], &cells));
        if rows.len() > MAX_ROWS_PER_RULE {
            let more = rows.len() - MAX_ROWS_PER_RULE;
            out.push_str(&more_rows(more, lang));
        }
    }
    out
}

/// The whole report as Markdown.
pub fn render(report: &Report, lang: Lang) -> String {
    let w = lang.words();
    let (title, inputs) = report_heading(report, lang);
    let mut out = format!(
        "## {}\n\n{}\n\n**{}**\n\n### {}\n\n",
        escape(&title),
        escape(&capitalise(&inputs)),
        escape(&summary_line(report, lang)),
        w.targets,
    );
    let rows: Vec<Vec<String>> = report
        .targets
        .iter()
        .map(|t| {
            let mut row = escaped(target_row_text(t, lang, &report.glossary));
            // The status is ours, not data: a gap in bold.
            row[8] = status(t.status, std::mem::take(&mut row[8]));
            row
        })
        .collect();
    out.push_str(&table(&w.target_headings, &TARGET_NUMBERS, &rows));
    let notes = remarks(report, lang);
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            out.push_str(&format!("- {}\n", escape(&note)));
        }
    }
    out.push_str(&format!("\n### {}\n", w.findings));
    if let Some(line) = findings_not_listed(report, lang) {
        out.push_str(&format!("\n{}\n", escape(&line)));
    } else if report.findings.is_empty() {
        out.push_str(&format!("\n{}.\n", capitalise(w.none)));
    }
    let findings: Vec<FindingRow> = worded_findings(report, lang).collect();
    out.push_str(&findings_by_rule(
        &findings,
        "",
        lang,
        &report.glossary,
        report.baseline.is_some(),
    ));
    if let (Some(baseline), Some(resolved)) = (&report.baseline, &report.resolved) {
        out.push_str(&format!(
            "\n### {}\n",
            escape(&resolved_heading(baseline, resolved.len(), lang))
        ));
        out.push_str(&findings_by_rule(
            resolved,
            w.resolved_prefix,
            lang,
            &report.glossary,
            false,
        ));
    }
    out
}

/// The text with its first letter in capitals: "Roster: …" where the table's
/// first line has "roster: …".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A diff as Markdown.
pub fn render_diff(diff: &Diff, lang: Lang) -> String {
    let w = lang.words();
    let (old, new) = (escape(&diff.old.path), escape(&diff.new.path));
    let mut out = format!(
        "## {}\n\n{}\n\n**{}**\n",
        escape(&diff_heading(diff, lang)),
        diff_paths(&old, &new, lang),
        escape(&diff_summary_line(diff, lang)),
    );
    out.push_str(&format!("\n### {}\n\n", moved_heading(diff, lang)));
    let moved: Vec<Vec<String>> = diff
        .targets
        .iter()
        .filter(|t| t.moved)
        .map(|t: &TargetChange| escaped(target_change_cells(t, lang, &diff.glossary)))
        .collect();
    if !moved.is_empty() {
        out.push_str(&table(&w.target_headings, &TARGET_NUMBERS, &moved));
    }
    for (title, rows, change) in finding_sections(diff, lang) {
        out.push_str(&format!("\n### {title}: {}\n", rows.len()));
        out.push_str(&findings_by_rule(&rows, "", lang, &diff.glossary, change));
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
        "\n### {}\n\n",
        units_heading(units.len(), diff.units.len(), lang)
    ));
    if !units.is_empty() {
        out.push_str(&table(&w.unit_headings, &[1, 2, 3, 4, 5], &units));
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
