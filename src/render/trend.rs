//! The trend of `trend` as a table, CSV, Markdown or an HTML page: one line per
//! target row and report, in as-of order, blank where a report has no such row;
//! the page draws a line chart per rule (`render::svg::lines`) with its numbers
//! in a table beside it.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::i18n::html::{page_title, print_footer, trend_span};
use crate::lang::Lang;
use crate::render::html::{cells, open_page, status_cell, table};
use crate::render::svg::{self, Series};
use crate::render::table::{Style, new_table};
use crate::render::{csv, markdown};
use crate::report::trend::{Point, Trend, TrendRow};

/// A row's rule, what it counts and its year, as the targets table words them.
fn row_words(row: &TrendRow, trend: &Trend, lang: Lang) -> [String; 3] {
    let [what, year, ..] = lang.cells(&row.row.detail, &trend.glossary);
    [row.rule.clone(), what, year]
}

/// A point's cells: achieved, required, shortfall, status; blanks for none.
fn point_cells(point: Option<&Point>, lang: Lang) -> [String; 4] {
    let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    match point {
        Some(p) => [
            p.achieved.to_string(),
            n(p.required),
            n(p.shortfall),
            lang.row_status(p.status, p.required).to_owned(),
        ],
        None => Default::default(),
    }
}

/// The lines of the trend, as text: what the row is, the as-of date, its numbers.
fn lines(trend: &Trend, lang: Lang) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for row in &trend.rows {
        let words = row_words(row, trend, lang);
        for (report, point) in trend.reports.iter().zip(&row.points) {
            let mut line = words.to_vec();
            line.push(lang.date(report.as_of).to_string());
            line.extend(point_cells(point.as_ref(), lang));
            out.push(line);
        }
    }
    out
}

/// The headings of the lines.
fn headings(lang: Lang) -> Vec<&'static str> {
    let t = &lang.words().target_headings;
    let mut h = vec![t[0], t[2], t[3]];
    h.extend(lang.html().trend_headings);
    h
}

/// Where the numbers are: right-aligned.
const NUMBERS: [usize; 3] = [4, 5, 6];

/// The first line: the plan, how many reports and from when to when.
fn span(trend: &Trend, lang: Lang) -> String {
    let date = |i: Option<&crate::report::ReportRef>| {
        i.map(|r| lang.date(r.as_of).to_string())
            .unwrap_or_default()
    };
    format!(
        "{}: {}",
        trend.glossary.name(lang),
        trend_span(
            trend.reports.len(),
            &date(trend.reports.first()),
            &date(trend.reports.last()),
            lang
        )
    )
}

pub fn render_table(trend: &Trend, lang: Lang, style: Style) -> String {
    let mut table = new_table(style, &headings(lang));
    for line in lines(trend, lang) {
        table.add_row(line);
    }
    for col in NUMBERS {
        if let Some(column) = table.column_mut(col) {
            column.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    format!("{}\n{table}\n", span(trend, lang))
}

/// CSV for Excel, `delimiter`-separated. In English the code columns (rule,
/// programme, status) hold the codes of the JSON report and the dates are ISO,
/// so that a sheet built on one quarter's file reads the next; in Vietnamese the
/// header, the programme's name, the status and the dates (dd/mm/yyyy) are as
/// the table says them, as `check`'s CSV writes them.
pub fn render_csv(trend: &Trend, lang: Lang, delimiter: u8) -> anyhow::Result<Vec<u8>> {
    let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    for row in &trend.rows {
        for (report, point) in trend.reports.iter().zip(&row.points) {
            let mut line = vec![
                row.rule.clone(),
                row.key.group.map(|g| g.to_string()).unwrap_or_default(),
                row.key
                    .program
                    .map(|p| trend.glossary.program(p, lang).to_owned())
                    .unwrap_or_default(),
                row.key.year.map(|y| y.to_string()).unwrap_or_default(),
                lang.date(report.as_of).to_string(),
            ];
            match point {
                Some(p) => line.extend([
                    p.achieved.to_string(),
                    n(p.required),
                    n(p.shortfall),
                    lang.in_csv(p.status.code(), lang.row_status(p.status, p.required))
                        .to_owned(),
                ]),
                None => line.extend(std::iter::repeat_n(String::new(), 4)),
            }
            rows.push(line);
        }
    }
    csv::for_excel(delimiter, &lang.html().trend_csv_header, rows.into_iter())
}

pub fn render_markdown(trend: &Trend, lang: Lang) -> String {
    let rows: Vec<Vec<String>> = lines(trend, lang)
        .into_iter()
        .map(markdown::escaped)
        .collect();
    format!(
        "## {}\n\n{}\n\n{}",
        markdown::escape(lang.html().trend_title),
        markdown::escape(&span(trend, lang)),
        markdown::table(&headings(lang), &NUMBERS, &rows)
    )
}

/// The page: a line chart per rule, each row's achieved figure at each as-of
/// date (and, for a rule of a few rows, what it required, dashed), with the
/// numbers beside it.
pub fn render_html(trend: &Trend, lang: Lang) -> String {
    let w = lang.html();
    let plan = trend.glossary.name(lang);
    let last = trend
        .reports
        .last()
        .map(|r| lang.date(r.as_of).to_string())
        .unwrap_or_default();
    let title = format!("{} · {}", w.trend_title, page_title(&plan, &last, lang));
    let mut out = open_page(
        &title,
        &print_footer(&plan, &last, lang),
        &format!(r#" data-plan="{}""#, attr(&trend.plan)),
        lang,
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p>{}</p><h2>{}</h2><ol>",
        text(&title),
        text(&span(trend, lang)),
        text(w.reports)
    );
    for r in &trend.reports {
        let _ = write!(
            out,
            r#"<li>{} · <code>{}</code> · {}: <code class="fp">{}</code></li>"#,
            text(&lang.date(r.as_of).to_string()),
            text(&r.path),
            text(w.fingerprint),
            text(&r.sha256)
        );
    }
    out.push_str("</ol></header><main>");
    let dates: Vec<String> = trend
        .reports
        .iter()
        .map(|r| lang.date(r.as_of).to_string())
        .collect();
    let mut rules: Vec<&str> = Vec::new();
    for row in &trend.rows {
        if !rules.contains(&row.rule.as_str()) {
            rules.push(&row.rule);
        }
    }
    let all_headings = headings(lang);
    for (k, rule) in rules.iter().enumerate() {
        let rows: Vec<&TrendRow> = trend.rows.iter().filter(|r| r.rule == *rule).collect();
        let mut series = Vec::new();
        for row in &rows {
            let [_, what, year] = row_words(row, trend, lang);
            let label = [what, year]
                .into_iter()
                .filter(|s| !s.is_empty() && s != "—")
                .collect::<Vec<_>>()
                .join(" ");
            series.push(Series {
                label: label.clone(),
                points: row.points.iter().map(|p| p.map(|p| p.achieved)).collect(),
                dashed: false,
            });
            if rows.len() <= 3 && row.points.iter().flatten().any(|p| p.required.is_some()) {
                series.push(Series {
                    label: format!("{label} ({})", w.required_line),
                    points: row
                        .points
                        .iter()
                        .map(|p| p.and_then(|p| p.required))
                        .collect(),
                    dashed: true,
                });
            }
        }
        let id = format!("chart-{}", k + 1);
        let caption = format!("{rule}: {}", w.trend_chart);
        let svg = svg::lines(&id, &caption, &dates, &series);
        let mut body = String::new();
        for row in &rows {
            let words = row_words(row, trend, lang);
            for (report, point) in trend.reports.iter().zip(&row.points) {
                let mut values = words.to_vec();
                values.push(lang.date(report.as_of).to_string());
                let mut data = format!(
                    r#" data-rule="{}" data-as-of="{}""#,
                    attr(&row.rule),
                    report.as_of
                );
                let status = match point {
                    Some(p) => {
                        let _ = write!(data, r#" data-achieved="{}""#, p.achieved);
                        for (name, v) in [("required", p.required), ("shortfall", p.shortfall)] {
                            if let Some(v) = v {
                                let _ = write!(data, r#" data-{name}="{v}""#);
                            }
                        }
                        let _ = write!(data, r#" data-status="{}""#, p.status.code());
                        let cells_of = point_cells(Some(p), lang);
                        values.extend(cells_of[..3].iter().cloned());
                        status_cell(p.status, p.required, lang)
                    }
                    None => {
                        values.extend(std::iter::repeat_n(String::new(), 3));
                        "<td></td>".to_owned()
                    }
                };
                let _ = write!(body, "<tr{data}>{}{status}</tr>", cells(&values, &NUMBERS));
            }
        }
        let _ = write!(
            out,
            r#"<section class="chart-section"><figure id="{id}"><div class="chart"><figcaption>{}</figcaption>{svg}</div>{}</figure></section>"#,
            text(&caption),
            table(&all_headings, &NUMBERS, &body)
        );
    }
    out.push_str("</main></body></html>\n");
    out
}
