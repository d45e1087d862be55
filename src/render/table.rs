//! The report as tables for a terminal or a mail: targets first, then the findings
//! by rule, most urgent first; and a diff of two reports the same way.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, ContentArrangement, Table};

use crate::i18n::report::{
    change_note, days_cell, diff_heading, diff_reports, diff_summary_line, findings_not_listed,
    moved_heading, report_heading, resolved_heading, summary_line, units_heading,
};
use crate::lang::Lang;
use crate::model::Severity;
use crate::plan::Glossary;
use crate::plan::rules::{PersonStatus, TargetResult};
pub use crate::render::grid::Style;
use crate::render::grid::{Field, Grid, wrap_lines};
use crate::render::{finding_sections, remarks, worded_findings};
use crate::report::diff::{Diff, TargetChange, TargetSide};
use crate::report::{FindingRow, Report};

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
        lang.row_status(t.status, t.detail.key_numbers().required)
            .to_owned(),
    ]
}

/// The columns of the target headings that head a target's block when the
/// table does not fit: rule, clause, group or programme, year, status.
const TARGET_HEADING: [usize; 5] = [0, 1, 2, 3, 8];

/// The targets table, and whether it was laid out as blocks.
pub fn targets(report: &Report, lang: Lang, style: Style) -> (String, bool) {
    let mut table = Grid::new(style, &lang.words().target_headings, &TARGET_HEADING);
    for t in &report.targets {
        table.add_row(target_row(
            target_row_text(t, lang, &report.glossary),
            t.severity,
        ));
    }
    table.render_as()
}

/// The cells of a row of the target headings: the numbers right-aligned, the status coloured.
fn target_row(cells: [String; 9], severity: Option<Severity>) -> Vec<Field> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, text)| match i {
            4..=7 => Field::number(text),
            8 => Field::status(text, severity),
            _ => Field::text(text),
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
    // a block of the compact layout opens with the id, the name and the status
    // (after what changed, when there is a baseline)
    let heading: &[usize] = if change { &[0, 1, 2, 4] } else { &[0, 1, 3] };
    let mut table = Grid::new(style, &headings, heading);
    for f in rows {
        let mut cells = Vec::with_capacity(headings.len());
        if change {
            cells.push(Field::text(change_note(f, lang)));
        }
        cells.extend([
            Field::text(&*f.id),
            Field::text(&*f.full_name),
            Field::text(&*f.unit),
            Field::status(lang.person_status(f.status), Some(f.severity)),
            Field::text(program_cell(f, lang, glossary)),
            Field::text(lang.maybe_date(f.deadline)),
            Field::number(days_cell(f, lang)),
            Field::text(f.note.as_deref().unwrap_or("")),
        ]);
        table.add_row(cells);
    }
    table.render()
}

/// "8 overdue, 5 due soon": the statuses of a rule's findings, most urgent first.
pub(crate) fn tally(rows: &[&FindingRow], lang: Lang) -> String {
    tally_of(|s| rows.iter().filter(|f| f.status == s).count(), lang)
}

/// The same from how many findings have each status (`count`).
pub(crate) fn tally_of(count: impl Fn(PersonStatus) -> usize, lang: Lang) -> String {
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
            let n = count(s);
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
    let (table, blocks) = targets(report, lang, style);
    out.push_str(&table);
    out.push('\n');
    // what some rows' numbers are: under the table, set apart from blocks
    let notes = remarks(report, lang);
    if blocks && !notes.is_empty() {
        out.push('\n');
    }
    for note in notes {
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
    wrap_lines(&out, style.width)
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
    let status = |side: &Option<TargetSide>| {
        side.as_ref()
            .map(|s| lang.row_status(s.status, s.numbers.required))
    };
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
        let mut table = Grid::new(style, &w.target_headings, &TARGET_HEADING);
        for t in moved {
            let severity = t
                .after
                .as_ref()
                .or(t.before.as_ref())
                .and_then(|s| s.severity);
            let cells = target_change_cells(t, lang, &diff.glossary);
            table.add_row(target_row(cells, severity));
        }
        out.push_str(&table.render());
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
        let mut table = Grid::new(style, &w.unit_headings, &[0]);
        for u in units {
            let mut cells = vec![Field::text(&*u.unit)];
            for ((_, before), (_, after)) in
                u.before.by_status().into_iter().zip(u.after.by_status())
            {
                cells.push(Field::number(before_after(Some(before), Some(after))));
            }
            table.add_row(cells);
        }
        out.push_str(&table.render());
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&diff_summary_line(diff, lang));
    out.push('\n');
    wrap_lines(&out, style.width)
}
