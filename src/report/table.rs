//! The report as tables for a terminal or a mail: targets first, then the findings
//! by rule, most urgent first; and a diff of two reports the same way.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

use crate::model::Severity;
use crate::plan::rules::{Detail, PersonStatus, Subject, TargetResult, TargetStatus};
use crate::report::diff::{Diff, TargetChange, TargetSide};
use crate::report::text::{change_note, person_status, since_baseline, target_status};
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

/// The cells of one target row: what, year, population or quota, achieved, required, shortfall.
fn target_cells(t: &TargetResult) -> [String; 6] {
    let dash = || "—".to_owned();
    match &t.detail {
        Detail::Share {
            group,
            percent,
            population,
            achieved,
            required,
            shortfall,
        } => [
            format!("group {group}, {percent}% at level 4+"),
            dash(),
            population.to_string(),
            achieved.to_string(),
            required.to_string(),
            shortfall.to_string(),
        ],
        Detail::Window {
            program,
            deadline,
            population,
            counts,
        } => [
            match program {
                Some(p) => p.code().to_owned(),
                None => "title programme of the level".to_owned(),
            },
            deadline.map_or_else(dash, |d| format!("by {d}")),
            population.to_string(),
            counts.done.to_string(),
            format!("{population} (100%)"),
            counts.overdue.to_string(),
        ],
        Detail::Quota {
            subject,
            year,
            quota,
            derived,
            achieved,
            shortfall,
        } => [
            match subject {
                Subject::Program { program } => program.code().to_owned(),
                Subject::Group { group } => format!("group {group}, language"),
                Subject::Abroad { .. } => "abroad".to_owned(),
            },
            year.to_string(),
            match quota {
                Some(q) if *derived => format!("{q} (derived)"),
                Some(q) => q.to_string(),
                None => "not set".to_owned(),
            },
            achieved.to_string(),
            quota.map_or_else(dash, |q| q.to_string()),
            shortfall.map_or_else(dash, |s| s.to_string()),
        ],
        Detail::Postgraduate {
            programs,
            min_per_year,
            max_per_year,
            years,
            current,
            achieved,
            required,
            shortfall,
        } => [
            programs
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join(", "),
            match (years.first(), years.last(), current) {
                (Some(a), Some(b), _) if a.year != b.year => format!("{}–{}", a.year, b.year),
                (Some(a), _, _) => a.year.to_string(),
                (None, _, Some(c)) => format!("{} so far", c.year),
                (None, _, None) => dash(),
            },
            format!("{min_per_year}–{max_per_year} a year"),
            achieved.to_string(),
            required.to_string(),
            shortfall.to_string(),
        ],
        Detail::PlannedReady {
            population,
            ready,
            not_ready,
            missing_data,
        } => [
            "title programme of the planned level".to_owned(),
            dash(),
            population.to_string(),
            ready.to_string(),
            population.to_string(),
            (not_ready + missing_data).to_string(),
        ],
    }
}

/// A target row as the text of `TARGET_HEADINGS`.
pub(crate) fn target_row_text(t: &TargetResult) -> [String; 9] {
    let [what, year, population, achieved, required, shortfall] = target_cells(t);
    [
        t.rule.clone(),
        t.clause.clone(),
        what,
        year,
        population,
        achieved,
        required,
        shortfall,
        target_status(t.status).to_owned(),
    ]
}

/// The headings of the targets table, also those of a diff and of Markdown.
pub(crate) const TARGET_HEADINGS: [&str; 9] = [
    "Rule",
    "Clause",
    "Group / programme",
    "Year",
    "Population / quota",
    "Achieved",
    "Required",
    "Shortfall",
    "Status",
];

/// The targets table.
pub fn targets(report: &Report, style: Style) -> String {
    let mut table = new_table(style, &TARGET_HEADINGS);
    for t in &report.targets {
        table.add_row(target_row(target_row_text(t), t.severity, style));
    }
    table.to_string()
}

/// The cells of a row of `TARGET_HEADINGS`: the numbers right-aligned, the status coloured.
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

pub(crate) fn days_cell(f: &FindingRow) -> String {
    match (f.days_overdue, f.days_left, f.days_late) {
        (Some(n), _, _) => format!("{n} overdue"),
        (_, Some(n), _) => format!("{n} left"),
        (_, _, Some(n)) => format!("{n} late"),
        _ => String::new(),
    }
}

/// The headings of a findings table, also those of Markdown.
pub(crate) const FINDING_HEADINGS: [&str; 8] = [
    "ID",
    "Full name",
    "Unit",
    "Status",
    "Programme",
    "Deadline",
    "Days",
    "Note",
];

/// The findings of one rule; with `change`, a first column saying what is new
/// since the baseline, or what a finding's status was.
fn findings_table(rows: &[&FindingRow], style: Style, change: bool) -> String {
    let mut headings = FINDING_HEADINGS.to_vec();
    if change {
        headings.insert(0, "Change");
    }
    let mut table = new_table(style, &headings);
    for f in rows {
        let mut cells = Vec::with_capacity(headings.len());
        if change {
            cells.push(Cell::new(change_note(f)));
        }
        cells.extend([
            Cell::new(&f.id),
            Cell::new(&f.full_name),
            Cell::new(&f.unit),
            status_cell(person_status(f.status), Some(f.severity), style),
            Cell::new(f.program.map_or("", |p| p.code())),
            Cell::new(f.deadline.map(|d| d.to_string()).unwrap_or_default()),
            number(days_cell(f)),
            Cell::new(f.note.as_deref().unwrap_or("")),
        ]);
        table.add_row(cells);
    }
    table.to_string()
}

/// "8 overdue, 5 due soon": the statuses of a rule's findings, most urgent first.
pub(crate) fn tally(rows: &[&FindingRow]) -> String {
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
            (n > 0).then(|| format!("{n} {}", person_status(s)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole report as text.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let inputs = &report.inputs;
    out.push_str(&format!(
        "boiduong: plan {} as of {}\nroster: {} ({} rows) · enrolments: {} ({} rows)\n\n",
        report.plan,
        report.as_of,
        inputs.roster.path,
        inputs.roster.rows,
        inputs.enrolments.path,
        inputs.enrolments.rows,
    ));
    out.push_str("Targets\n");
    out.push_str(&targets(report, style));
    out.push('\n');
    if report.findings.is_empty() {
        out.push_str("\nFindings: none\n");
    }
    let change = report.baseline.is_some();
    let findings: Vec<FindingRow> = report.findings.iter().collect();
    out.push_str(&findings_by_rule(&findings, "", style, change));
    if let (Some(baseline), Some(resolved)) = (&report.baseline, &report.resolved) {
        out.push_str(&format!(
            "\nResolved since the baseline ({}, as of {}): {}\n",
            baseline.path,
            baseline.as_of,
            resolved.len()
        ));
        out.push_str(&findings_by_rule(resolved, "Resolved: ", style, false));
    }
    out.push('\n');
    out.push_str(&summary_line(report));
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
fn findings_by_rule(findings: &[FindingRow], prefix: &str, style: Style, change: bool) -> String {
    let mut out = String::new();
    for (rule, rows) in by_rule(findings) {
        out.push_str(&format!(
            "\n{prefix}{rule} ({}): {}\n",
            rows[0].clause,
            tally(&rows)
        ));
        out.push_str(&findings_table(&rows, style, change));
        out.push('\n');
    }
    out
}

/// One line: how many targets stand where, and the errors and warnings.
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let parts: Vec<String> = [
        (s.met, TargetStatus::Met),
        (s.gap, TargetStatus::Gap),
        (s.at_risk, TargetStatus::AtRisk),
        (s.in_progress, TargetStatus::InProgress),
        (s.open, TargetStatus::Open),
        (s.no_data, TargetStatus::NoData),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, status)| format!("{n} {}", target_status(*status).to_lowercase()))
    .collect();
    let mut line = format!(
        "Summary: {} target rows ({}); {} errors, {} warnings.",
        s.targets,
        parts.join(", "),
        s.errors,
        s.warnings
    );
    if let Some(baseline) = &report.baseline {
        line.push(' ');
        line.push_str(&since_baseline(baseline, s));
    }
    if s.rows_left_out > 0 {
        line.push_str(&format!(
            " {} input rows were left out (--skip-invalid): this report is incomplete.",
            s.rows_left_out
        ));
    }
    line
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
pub(crate) fn target_change_cells(t: &TargetChange) -> [String; 9] {
    let [what, year, ..] = target_cells(&t.row);
    let numbers = |side: &Option<TargetSide>| side.as_ref().map(|s| s.numbers);
    let (before, after) = (numbers(&t.before), numbers(&t.after));
    let status = |side: &Option<TargetSide>| side.as_ref().map(|s| target_status(s.status));
    [
        t.rule.clone(),
        t.clause.clone(),
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

/// The unit headings of a diff, also those of Markdown.
pub(crate) const UNIT_HEADINGS: [&str; 6] = [
    "Unit",
    "Overdue",
    "Due soon",
    "Missing data",
    "Not ready",
    "Late",
];

/// A diff as text: the targets that moved, the new, resolved and changed findings,
/// the units whose findings changed, and a summary line.
pub fn render_diff(diff: &Diff, style: Style) -> String {
    let mut out = format!(
        "boiduong diff: plan {}, as of {} → {}\nold: {} (generated {}) · new: {} (generated {})\n",
        diff.plan,
        diff.old.as_of,
        diff.new.as_of,
        diff.old.path,
        diff.old.generated_at,
        diff.new.path,
        diff.new.generated_at,
    );
    let s = &diff.summary;
    out.push_str(&format!(
        "\nTargets that moved: {} of {}\n",
        s.targets_moved, s.targets
    ));
    let moved: Vec<&TargetChange> = diff.targets.iter().filter(|t| t.moved).collect();
    if !moved.is_empty() {
        let mut table = new_table(style, &TARGET_HEADINGS);
        for t in moved {
            let severity = t
                .after
                .as_ref()
                .or(t.before.as_ref())
                .and_then(|s| s.severity);
            table.add_row(target_row(target_change_cells(t), severity, style));
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    for (title, rows, change) in diff.finding_sections() {
        out.push_str(&format!("\n{title}: {}\n", rows.len()));
        out.push_str(&findings_by_rule(&rows, "", style, change));
    }
    let units: Vec<_> = diff.units.iter().filter(|u| u.before != u.after).collect();
    out.push_str(&format!(
        "\nUnits whose findings changed: {} of {}\n",
        units.len(),
        diff.units.len()
    ));
    if !units.is_empty() {
        let mut table = new_table(style, &UNIT_HEADINGS);
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
    out.push_str(&diff_summary_line(diff));
    out.push('\n');
    out
}

/// One line: the findings new, resolved and persisting, the new errors, the targets that moved.
pub fn diff_summary_line(diff: &Diff) -> String {
    let s = &diff.summary;
    format!(
        "Summary: {} new, {} resolved, {} persisting ({} changed status); {} new errors; \
         {} of {} target rows moved.",
        s.new, s.resolved, s.persisting, s.changed_status, s.new_errors, s.targets_moved, s.targets
    )
}
