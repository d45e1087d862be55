//! The report as tables for a terminal or a mail: targets first, then the findings
//! by rule, most urgent first; and a diff of two reports the same way.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

use crate::i18n::report::{
    change_note, days_cell, diff_heading, diff_reports, diff_summary_line, findings_not_listed,
    moved_heading, report_heading, resolved_heading, summary_line, units_heading,
};
use crate::lang::Lang;
use crate::model::Severity;
use crate::plan::Glossary;
use crate::plan::rules::{PersonStatus, TargetResult};
use crate::render::{finding_sections, worded_findings};
use crate::report::diff::{Diff, TargetChange, TargetSide};
use crate::report::{FindingRow, Report};

/// How the table may look.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// ANSI colours (only on a terminal, never with NO_COLOR).
    pub colour: bool,
    /// Fit to this many columns (a terminal's width); `None`: no wrapping.
    pub width: Option<u16>,
}

pub(crate) fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    if style.colour {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    match style.width {
        Some(width) => {
            table.set_width(width);
            table.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(
        header
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    table
}

pub(crate) fn status_cell(text: &str, severity: Option<Severity>, style: Style) -> Cell {
    let cell = Cell::new(text);
    if !style.colour {
        return cell;
    }
    match severity {
        Some(Severity::Error) => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Some(Severity::Warning) => cell.fg(Color::Yellow),
        None => cell.fg(Color::Green),
    }
}

pub(crate) fn number(n: impl ToString) -> Cell {
    Cell::new(n.to_string()).set_alignment(CellAlignment::Right)
}

/// A target row as the text of the target headings.
pub(crate) fn target_row_text(t: &TargetResult, lang: Lang, glossary: &Glossary) -> [String; 9] {
    let [what, year, population, achieved, required, shortfall] = lang.cells(&t.detail, glossary);
    [
        t.rule.clone(),
        glossary.clause(&t.clause, lang).to_owned(),
        what,
        year,
        population,
        achieved,
        required,
        shortfall,
        lang.row_status(t.status, &t.detail.key_numbers())
            .to_owned(),
    ]
}

/// The targets table.
pub fn targets(report: &Report, lang: Lang, style: Style) -> String {
    let mut table = new_table(style, &lang.words().target_headings);
    for t in &report.targets {
        table.add_row(target_row(
            target_row_text(t, lang, &report.glossary),
            t.severity,
            style,
        ));
    }
    table.to_string()
}

/// The cells of a row of the target headings: the numbers right-aligned, the status coloured.
fn target_row(cells: [String; 9], severity: Option<Severity>, style: Style) -> Vec<Cell> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, text)| match i {
            4..=7 => number(text),
            8 => status_cell(&text, severity, style),
            _ => Cell::new(text),
        })
        .collect()
}

/// A finding's programme as people read it.
pub(crate) fn program_cell<'g>(f: &FindingRow, lang: Lang, glossary: &'g Glossary) -> &'g str {
    f.program.map_or("", |p| glossary.program(p, lang))
}

/// The findings of one rule; with `change`, a first column saying what is new
/// since the baseline, or what a finding's status was.
fn findings_table(
    rows: &[&FindingRow],
    lang: Lang,
    glossary: &Glossary,
    style: Style,
    change: bool,
) -> String {
    let w = lang.words();
    let mut headings = w.finding_headings.to_vec();
    if change {
        headings.insert(0, w.change);
    }
    let mut table = new_table(style, &headings);
    for f in rows {
        let mut cells = Vec::with_capacity(headings.len());
        if change {
            cells.push(Cell::new(change_note(f, lang)));
        }
        cells.extend([
            Cell::new(&f.id),
            Cell::new(&f.full_name),
            Cell::new(&f.unit),
            status_cell(lang.person_status(f.status), Some(f.severity), style),
            Cell::new(program_cell(f, lang, glossary)),
            Cell::new(lang.maybe_date(f.deadline)),
            number(days_cell(f, lang)),
            Cell::new(f.note.as_deref().unwrap_or("")),
        ]);
        table.add_row(cells);
    }
    table.to_string()
}

/// "8 overdue, 5 due soon": the statuses of a rule's findings, most urgent first.
pub(crate) fn tally(rows: &[&FindingRow], lang: Lang) -> String {
    let order = [
        PersonStatus::Overdue,
        PersonStatus::DueSoon,
        PersonStatus::MissingData,
        PersonStatus::NotReady,
        PersonStatus::Late,
    ];
    order
        .iter()
        .filter_map(|&s| {
            let n = rows.iter().filter(|f| f.status == s).count();
            (n > 0).then(|| format!("{n} {}", lang.person_status(s)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole report as text.
pub fn render(report: &Report, lang: Lang, style: Style) -> String {
    let w = lang.words();
    let (title, inputs) = report_heading(report, lang);
    let mut out = format!("{title}\n{inputs}\n\n{}\n", w.targets);
    out.push_str(&targets(report, lang, style));
    out.push('\n');
    for note in report
        .targets
        .iter()
        .filter_map(|t| lang.remark(&t.detail, &t.rule, &report.glossary))
    {
        out.push_str(&note);
        out.push('\n');
    }
    if let Some(line) = findings_not_listed(report, lang) {
        out.push_str(&format!("\n{line}\n"));
    } else if report.findings.is_empty() {
        out.push_str(&format!("\n{}: {}\n", w.findings, w.none));
    }
    let change = report.baseline.is_some();
    let findings: Vec<FindingRow> = worded_findings(report, lang).collect();
    let glossary = &report.glossary;
    out.push_str(&findings_by_rule(
        &findings, "", lang, glossary, style, change,
    ));
    if let (Some(baseline), Some(resolved)) = (&report.baseline, &report.resolved) {
        out.push('\n');
        out.push_str(&resolved_heading(baseline, resolved.len(), lang));
        out.push('\n');
        out.push_str(&findings_by_rule(
            resolved,
            w.resolved_prefix,
            lang,
            glossary,
            style,
            false,
        ));
    }
    out.push('\n');
    out.push_str(&summary_line(report, lang));
    out.push('\n');
    out
}

/// The rules of `findings` in their order of first appearance, each with its rows.
pub(crate) fn by_rule<'s>(
    findings: &'s [FindingRow<'s>],
) -> Vec<(&'s str, Vec<&'s FindingRow<'s>>)> {
    let mut groups: Vec<(&str, Vec<&FindingRow>)> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|(rule, _)| *rule == f.rule) {
            Some((_, rows)) => rows.push(f),
            None => groups.push((&f.rule, vec![f])),
        }
    }
    groups
}

/// A heading and a table for each rule of `findings`.
fn findings_by_rule(
    findings: &[FindingRow],
    prefix: &str,
    lang: Lang,
    glossary: &Glossary,
    style: Style,
    change: bool,
) -> String {
    let mut out = String::new();
    for (rule, rows) in by_rule(findings) {
        out.push_str(&format!(
            "\n{prefix}{rule} ({}): {}\n",
            glossary.clause(&rows[0].clause, lang),
            tally(&rows, lang)
        ));
        out.push_str(&findings_table(&rows, lang, glossary, style, change));
        out.push('\n');
    }
    out
}

/// "11 → 7", or "7" when it did not change; "—" for nothing.
pub(crate) fn before_after<T: PartialEq + ToString>(before: Option<T>, after: Option<T>) -> String {
    let show = |v: Option<T>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
    if before == after {
        show(after)
    } else {
        format!("{} → {}", show(before), show(after))
    }
}

/// The cells of a target row of a diff: what, year, then population, achieved,
/// required, shortfall and status, each "before → after" when it moved.
pub(crate) fn target_change_cells(
    t: &TargetChange,
    lang: Lang,
    glossary: &Glossary,
) -> [String; 9] {
    let [what, year, ..] = lang.cells(&t.row.detail, glossary);
    let numbers = |side: &Option<TargetSide>| side.as_ref().map(|s| s.numbers);
    let (before, after) = (numbers(&t.before), numbers(&t.after));
    let status =
        |side: &Option<TargetSide>| side.as_ref().map(|s| lang.row_status(s.status, &s.numbers));
    [
        t.rule.clone(),
        glossary.clause(&t.clause, lang).to_owned(),
        what,
        year,
        before_after(
            before.and_then(|n| n.population),
            after.and_then(|n| n.population),
        ),
        before_after(before.map(|n| n.achieved), after.map(|n| n.achieved)),
        before_after(
            before.and_then(|n| n.required),
            after.and_then(|n| n.required),
        ),
        before_after(
            before.and_then(|n| n.shortfall),
            after.and_then(|n| n.shortfall),
        ),
        before_after(status(&t.before), status(&t.after)),
    ]
}

/// A diff as text: the targets that moved, the new, resolved and changed findings,
/// the units whose findings changed, and a summary line.
pub fn render_diff(diff: &Diff, lang: Lang, style: Style) -> String {
    let w = lang.words();
    let mut out = diff_heading(diff, lang);
    out.push('\n');
    out.push_str(&diff_reports(diff, lang));
    out.push('\n');
    out.push_str(&format!("\n{}\n", moved_heading(diff, lang)));
    let moved: Vec<&TargetChange> = diff.targets.iter().filter(|t| t.moved).collect();
    if !moved.is_empty() {
        let mut table = new_table(style, &w.target_headings);
        for t in moved {
            let severity = t
                .after
                .as_ref()
                .or(t.before.as_ref())
                .and_then(|s| s.severity);
            let cells = target_change_cells(t, lang, &diff.glossary);
            table.add_row(target_row(cells, severity, style));
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    for (title, rows, change) in finding_sections(diff, lang) {
        out.push_str(&format!("\n{title}: {}\n", rows.len()));
        out.push_str(&findings_by_rule(
            &rows,
            "",
            lang,
            &diff.glossary,
            style,
            change,
        ));
    }
    let units: Vec<_> = diff.units.iter().filter(|u| u.before != u.after).collect();
    out.push_str(&format!(
        "\n{}\n",
        units_heading(units.len(), diff.units.len(), lang)
    ));
    if !units.is_empty() {
        let mut table = new_table(style, &w.unit_headings);
        for u in units {
            let mut cells = vec![Cell::new(&u.unit)];
            for ((_, before), (_, after)) in
                u.before.by_status().into_iter().zip(u.after.by_status())
            {
                cells.push(number(before_after(Some(before), Some(after))));
            }
            table.add_row(cells);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&diff_summary_line(diff, lang));
    out.push('\n');
    out
}
