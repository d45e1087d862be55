//! The lists as tables for a terminal or a mail: the summary first, then the
//! postgraduate numbers, the language groups and each programme's list.

use comfy_table::Cell;

use crate::gaps::ProgrammeList;
use crate::model::{Program, Severity};
use crate::report::gaps::text::{language_line, list_heading, postgraduate_line};
use crate::report::gaps::{GapsReport, LIST_HEADER, days, reasons};
use crate::report::table::{Style, new_table, number, status_cell};

/// The whole report as text.
pub fn render(report: &GapsReport<'_>, style: Style) -> String {
    let year = report.year();
    let province = report.is_province();
    let mut out = format!(
        "boiduong: who to train in {year}, plan {}, as of {}\n",
        report.plan,
        report.as_of()
    );
    let files: Vec<String> = report
        .inputs
        .iter()
        .map(|f| format!("{} ({} rows)", f.path, f.rows))
        .collect();
    out.push_str(&format!("inputs: {}\n", files.join(" · ")));
    if let Some(unit) = &report.unit {
        out.push_str(&format!("unit: {unit}\n"));
    }
    out.push_str(&format!("\nSummary for {year}\n"));
    out.push_str(&summary(report, style));
    out.push('\n');
    if province && !report.has_plan_numbers() {
        out.push_str(&format!("The plan sets no yearly number for {year}.\n"));
    }
    for need in report.postgraduate() {
        out.push('\n');
        out.push_str(&postgraduate_line(need, report.as_of()));
        out.push('\n');
    }
    for (i, gap) in report.gaps.languages.iter().enumerate() {
        if !province && gap.candidates.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&language_line(gap, province, year));
        out.push('\n');
        if !gap.candidates.is_empty() {
            out.push_str(&candidates(report, i, style));
            out.push('\n');
        }
    }
    for list in &report.gaps.lists {
        out.push('\n');
        out.push_str(&list_heading(list, province, year));
        out.push('\n');
        if list.program == Some(Program::Language) {
            out.push_str(
                "(the candidates of the language groups above; one in two groups is listed once)\n",
            );
        } else if !list.entries.is_empty() {
            out.push_str(&people(report, list, style));
            out.push('\n');
        }
    }
    out
}

fn summary(report: &GapsReport<'_>, style: Style) -> String {
    let numbers = report.has_plan_numbers();
    let number_header = format!("Plan's number for {}", report.year());
    let mut header = vec!["Programme", "Why", "To train"];
    if numbers {
        header.extend([number_header.as_str(), "Pressure"]);
    }
    let mut table = new_table(style, &header);
    for row in report.summary() {
        let mut cells = vec![
            Cell::new(row.programme),
            Cell::new(row.why),
            number(row.to_train),
        ];
        if numbers {
            cells.push(Cell::new(row.plan_number.unwrap_or_else(|| "—".into())));
            cells.push(Cell::new(row.pressure.unwrap_or_default()));
        }
        table.add_row(cells);
    }
    table.to_string()
}

fn days_cell(days_left: Option<i64>, style: Style) -> Cell {
    match days_left {
        Some(d) if d < 0 => status_cell(&days(d), Some(Severity::Error), style)
            .set_alignment(comfy_table::CellAlignment::Right),
        Some(d) => number(days(d)),
        None => Cell::new(""),
    }
}

fn people(report: &GapsReport<'_>, list: &ProgrammeList, style: Style) -> String {
    let mut table = new_table(style, &LIST_HEADER);
    for p in report.people(list) {
        table.add_row(vec![
            Cell::new(p.official.id),
            Cell::new(p.official.full_name),
            Cell::new(p.official.unit),
            Cell::new(p.official.title),
            Cell::new(reasons(&p.entry.reasons)),
            Cell::new(
                p.entry
                    .deadline()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            days_cell(p.entry.days_left(), style),
        ]);
    }
    table.to_string()
}

fn candidates(report: &GapsReport<'_>, group: usize, style: Style) -> String {
    let mut table = new_table(
        style,
        &[
            "Rank",
            "ID",
            "Full name",
            "Unit",
            "Title",
            "Level",
            "In post since",
            "Note",
        ],
    );
    let Some(gap) = report.gaps.languages.get(group) else {
        return String::new();
    };
    for c in &gap.candidates {
        let Some(o) = report.official(c.official) else {
            continue;
        };
        table.add_row(vec![
            number(c.rank),
            Cell::new(o.id),
            Cell::new(o.full_name),
            Cell::new(o.unit),
            Cell::new(o.title),
            number(c.level.map(|l| l.to_string()).unwrap_or_else(|| "—".into())),
            Cell::new(c.appointed_on.map(|d| d.to_string()).unwrap_or_default()),
            Cell::new(c.note.unwrap_or("")),
        ]);
    }
    table.to_string()
}
