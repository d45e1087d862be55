//! The lists as tables for a terminal or a mail: the summary first, then the
//! postgraduate numbers, the language groups and each programme's list.

use comfy_table::Cell;

use crate::gaps::ProgrammeList;
use crate::i18n::Lang;
use crate::model::{Program, Severity};
use crate::report::gaps::text::{language_line, list_heading, postgraduate_line};
use crate::report::gaps::{GapsReport, days, reasons};
use crate::report::table::{Style, new_table, number, status_cell};

/// The whole report as text.
pub fn render(report: &GapsReport<'_>, style: Style) -> String {
    let year = report.year();
    let province = report.is_province();
    let lang = report.lang;
    let (plan, as_of) = (report.plan, lang.date(report.as_of()));
    let rows = match lang {
        Lang::En => "rows",
        Lang::Vi => "dòng",
    };
    let files: Vec<String> = report
        .inputs
        .iter()
        .map(|f| format!("{} ({} {rows})", f.path, f.rows))
        .collect();
    let files = files.join(" · ");
    let mut out = match lang {
        Lang::En => format!(
            "boiduong: who to train in {year}, plan {plan}, as of {as_of}\ninputs: {files}\n"
        ),
        Lang::Vi => format!(
            "boiduong: cán bộ cần cử đi học năm {year}, Kế hoạch {plan}, tính đến ngày {as_of}\n\
             dữ liệu: {files}\n"
        ),
    };
    if let Some(unit) = &report.unit {
        out.push_str(&match lang {
            Lang::En => format!("unit: {unit}\n"),
            Lang::Vi => format!("đơn vị: {unit}\n"),
        });
    }
    out.push_str(&match lang {
        Lang::En => format!("\nSummary for {year}\n"),
        Lang::Vi => format!("\nTổng hợp năm {year}\n"),
    });
    out.push_str(&summary(report, style));
    out.push('\n');
    if province && !report.has_plan_numbers() {
        out.push_str(&match lang {
            Lang::En => format!("The plan sets no yearly number for {year}.\n"),
            Lang::Vi => format!("Kế hoạch không giao chỉ tiêu cho năm {year}.\n"),
        });
    }
    for need in report.postgraduate() {
        out.push('\n');
        out.push_str(&postgraduate_line(need, report.as_of(), lang));
        out.push('\n');
    }
    for (i, gap) in report.gaps.languages.iter().enumerate() {
        if !province && gap.candidates.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&language_line(gap, province, year, lang));
        out.push('\n');
        if !gap.candidates.is_empty() {
            out.push_str(&candidates(report, i, style));
            out.push('\n');
        }
    }
    for list in &report.gaps.lists {
        out.push('\n');
        out.push_str(&list_heading(list, province, year, lang));
        out.push('\n');
        if list.program == Some(Program::Language) {
            out.push_str(lang.words().language_list_note);
            out.push('\n');
        } else if !list.entries.is_empty() {
            out.push_str(&people(report, list, style));
            out.push('\n');
        }
    }
    out
}

fn summary(report: &GapsReport<'_>, style: Style) -> String {
    let numbers = report.has_plan_numbers();
    let w = report.lang.words();
    let number_header = plan_number_heading(report);
    let mut header = w.gaps_summary_headings.to_vec();
    if numbers {
        header.extend([number_header.as_str(), w.pressure]);
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

/// "Plan's number for 2025", the heading of the summary's column of the plan's numbers.
pub(crate) fn plan_number_heading(report: &GapsReport<'_>) -> String {
    match report.lang {
        Lang::En => format!("Plan's number for {}", report.year()),
        Lang::Vi => format!("Chỉ tiêu năm {} của Kế hoạch", report.year()),
    }
}

fn days_cell(days_left: Option<i64>, lang: Lang, style: Style) -> Cell {
    match days_left {
        Some(d) if d < 0 => status_cell(&days(d, lang), Some(Severity::Error), style)
            .set_alignment(comfy_table::CellAlignment::Right),
        Some(d) => number(days(d, lang)),
        None => Cell::new(""),
    }
}

fn people(report: &GapsReport<'_>, list: &ProgrammeList, style: Style) -> String {
    let lang = report.lang;
    let mut table = new_table(style, &lang.words().list_header);
    for p in report.people(list) {
        table.add_row(vec![
            Cell::new(p.official.id),
            Cell::new(p.official.full_name),
            Cell::new(p.official.unit),
            Cell::new(p.official.title),
            Cell::new(reasons(&p.entry.reasons, lang)),
            Cell::new(lang.maybe_date(p.entry.deadline())),
            days_cell(p.entry.days_left(), lang, style),
        ]);
    }
    table.to_string()
}

fn candidates(report: &GapsReport<'_>, group: usize, style: Style) -> String {
    let lang = report.lang;
    let mut table = new_table(style, &lang.words().candidate_headings);
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
            Cell::new(lang.maybe_date(c.appointed_on)),
            Cell::new(c.note.map_or("", |n| lang.note(n))),
        ]);
    }
    table.to_string()
}
