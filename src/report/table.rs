//! The report as tables for a terminal or a mail: targets first, then the findings
//! by rule, most urgent first.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};

use crate::model::Severity;
use crate::plan::rules::{Detail, PersonStatus, Subject, TargetResult, TargetStatus};
use crate::report::text::{person_status, target_status};
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

/// The targets table.
pub fn targets(report: &Report, style: Style) -> String {
    let mut table = new_table(
        style,
        &[
            "Rule",
            "Clause",
            "Group / programme",
            "Year",
            "Population / quota",
            "Achieved",
            "Required",
            "Shortfall",
            "Status",
        ],
    );
    for t in &report.targets {
        let [what, year, population, achieved, required, shortfall] = target_cells(t);
        table.add_row(vec![
            Cell::new(&t.rule),
            Cell::new(&t.clause),
            Cell::new(what),
            Cell::new(year),
            number(population),
            number(achieved),
            number(required),
            number(shortfall),
            status_cell(target_status(t.status), t.severity, style),
        ]);
    }
    table.to_string()
}

fn days_cell(f: &FindingRow) -> String {
    match (f.days_overdue, f.days_left, f.days_late) {
        (Some(n), _, _) => format!("{n} overdue"),
        (_, Some(n), _) => format!("{n} left"),
        (_, _, Some(n)) => format!("{n} late"),
        _ => String::new(),
    }
}

/// The findings of one rule.
fn findings_table(rows: &[&FindingRow], style: Style) -> String {
    let mut table = new_table(
        style,
        &[
            "ID",
            "Full name",
            "Unit",
            "Status",
            "Programme",
            "Deadline",
            "Days",
            "Note",
        ],
    );
    for f in rows {
        table.add_row(vec![
            Cell::new(&f.id),
            Cell::new(&f.full_name),
            Cell::new(&f.unit),
            status_cell(person_status(f.status), Some(f.severity), style),
            Cell::new(f.program.map_or("", |p| p.code())),
            Cell::new(f.deadline.map(|d| d.to_string()).unwrap_or_default()),
            number(days_cell(f)),
            Cell::new(f.note.as_deref().unwrap_or("")),
        ]);
    }
    table.to_string()
}

/// "8 overdue, 5 due soon": the statuses of a rule's findings, most urgent first.
fn tally(rows: &[&FindingRow]) -> String {
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
    let mut rules: Vec<&str> = Vec::new();
    for f in &report.findings {
        if !rules.contains(&f.rule.as_str()) {
            rules.push(&f.rule);
        }
    }
    if rules.is_empty() {
        out.push_str("\nFindings: none\n");
    }
    for rule in rules {
        let rows: Vec<&FindingRow> = report.findings.iter().filter(|f| f.rule == rule).collect();
        out.push_str(&format!(
            "\n{rule} ({}): {}\n",
            rows[0].clause,
            tally(&rows)
        ));
        out.push_str(&findings_table(&rows, style));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&summary_line(report));
    out.push('\n');
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
    if s.rows_left_out > 0 {
        line.push_str(&format!(
            " {} input rows were left out (--skip-invalid): this report is incomplete.",
            s.rows_left_out
        ));
    }
    line
}
