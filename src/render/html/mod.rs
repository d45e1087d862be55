//! The report as one self-contained HTML page (`check --format html`), for a
//! meeting or a printout: the headline, the language shares, the deadline rules
//! and the units with officials overdue, the yearly quotas, then the findings by
//! rule. It needs no JavaScript, makes no request (no font, stylesheet or image
//! from anywhere: the CSS is inline, the charts are inline SVG from
//! `render::svg`), and prints on A4 landscape with the as-of date and the page
//! number in the footer of every page.
//!
//! Every chart has a title and the table of its numbers beside it; every target
//! row's numbers are also in `data-*` attributes of its table row
//! (`data-target` is its place in the JSON report's `targets`, and each number
//! of the JSON row is `data-<field>`, `_` written `-`), so that a script or a
//! test reads the page's numbers back. Text from the data is escaped
//! (`html_escape`): a name or a unit cannot become markup.
//!
//! At national scale the page stays small: the charts count everyone, the
//! tables list the first `limit` findings of each rule and say how many more
//! the CSV and JSON reports hold.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::i18n::html::{
    made_by, more_findings, overdue_count, page_title, print_footer, quota_bar, quota_chart,
    share_bar, units_shown, window_bar,
};
use crate::i18n::report::{
    change_note, findings_not_listed, resolved_heading, rows_by_status, summary_line,
};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::plan::kinds::Detail;
use crate::plan::kinds::quota::Subject;
use crate::plan::rules::{PersonStatus, TargetResult, TargetStatus};
use crate::render::svg::{self, Bar, Fill, Stack};
use crate::render::table::{tally_of, target_row_text};
use crate::render::{finding_cells, remarks, worded_findings};
use crate::report::{FindingRow, Report};

/// How many units the ranking of officials overdue shows.
mod charts;
mod findings;

use charts::{deadlines, languages, quotas, units};
use findings::findings;

const UNITS_SHOWN: usize = 12;

/// The page's style: screen, phone (nothing wider than the screen: wide tables
/// scroll in their own box) and print (A4 landscape; a chart, a section's head
/// or a table row is never cut across pages). `FOOTER` is replaced by the
/// printed pages' footer, a CSS string.
const STYLE: &str = r#"
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1180px;padding:16px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:#1b1b1b;background:#fff}
h1{font-size:1.45rem;margin:.2rem 0 .6rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem;padding-top:.4rem;border-top:2px solid #263238;break-after:avoid}
h3{font-size:1rem;margin:1.1rem 0 .4rem;break-after:avoid}
p,li,dd{overflow-wrap:anywhere}
code{font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;padding-left:0;margin:.3rem 0}
nav li{list-style-position:inside}
.kpis{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0;margin:.6rem 0}
.kpis li{border:2px solid #263238;padding:.4rem .8rem;min-width:9rem}
.kpis b{display:block;font-size:1.6rem}
.kpis .st-gap{border-style:dashed;border-color:#b71c1c}
.kpis .st-at_risk{border-style:dotted;border-color:#8d6e00}
dl.inputs{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.2rem .8rem;margin:.4rem 0}
dl.inputs dt{font-weight:600}
dl.inputs dd{margin:0;min-width:0}
figure{margin:.6rem 0 1.2rem}
.chart{break-inside:avoid;page-break-inside:avoid}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{display:block;width:100%;max-width:760px;height:auto;font-size:13px;font-family:inherit}
svg.defs{position:absolute;width:0;height:0;overflow:hidden}
svg .value{font-size:12.5px}
.scroll{overflow-x:auto;max-width:100%;margin:.4rem 0}
table{border-collapse:collapse;font-size:.88rem}
th,td{border:1px solid #b0bec5;padding:.2rem .45rem;text-align:left;vertical-align:top}
th{background:#eceff1}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{break-inside:avoid;page-break-inside:avoid}
.st-gap,.st-overdue{font-weight:700;color:#b71c1c}
.st-at_risk,.st-due_soon{font-weight:700;color:#7a5c00}
.st-met{color:#1b5e20}
.more,.note{font-style:italic}
footer{margin-top:2rem;border-top:1px solid #b0bec5;font-size:.85rem;color:#455a64}
@page{size:A4 landscape;margin:12mm 12mm 16mm;@bottom-left{content:FOOTER;font-size:9pt}@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt}}
@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}.scroll{overflow:visible}section.chart-section{break-inside:avoid}svg{max-width:680px}}
"#;

/// Text escaped for a CSS string: anything but letters, digits and plain
/// punctuation as a hexadecimal escape, so that nothing from the plan file can
/// end the string or the style.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || " .,:/-()·".contains(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// A page being written: the markup, and the number of the next chart.
struct Page {
    out: String,
    charts: usize,
}

impl Page {
    /// The id of a new chart.
    fn chart_id(&mut self) -> String {
        self.charts += 1;
        format!("chart-{}", self.charts)
    }

    /// A chart in its figure, with its caption, its SVG and its table. The
    /// caption and the chart are never cut across pages; a long table may go on
    /// over the next.
    fn figure(&mut self, id: &str, caption: &str, svg: &str, table: &str) {
        let _ = write!(
            self.out,
            r#"<figure id="{}"><div class="chart"><figcaption>{}</figcaption>{svg}</div>{table}</figure>"#,
            attr(id),
            text(caption)
        );
    }
}

/// The status of a target row as a class (the JSON code) and the words, with
/// what the row requires (`Lang::row_status`).
pub(crate) fn status_cell(status: TargetStatus, required: Option<u32>, lang: Lang) -> String {
    format!(
        r#"<td class="st-{}">{}</td>"#,
        status.code(),
        text(lang.row_status(status, required))
    )
}

/// The attributes that carry a target row's numbers: its place in the report,
/// its rule and status, and every number of its JSON row.
fn data_attributes(index: usize, t: &TargetResult) -> String {
    let mut out = format!(
        r#" data-target="{index}" data-rule="{}" data-status="{}""#,
        attr(&t.rule),
        t.status.code()
    );
    let mut push = |key: &str, value: &serde_json::Value| {
        if let Some(n) = value.as_i64() {
            let _ = write!(out, r#" data-{}="{n}""#, attr(&key.replace('_', "-")));
        }
    };
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&t.detail) {
        for (key, value) in &fields {
            match value {
                // a window's counts: done, late, overdue, …
                serde_json::Value::Object(inner) => {
                    for (key, value) in inner {
                        push(key, value);
                    }
                }
                _ => push(key, value),
            }
        }
    }
    out
}

/// A table: its headings (numbers right-aligned at the places `numbers`
/// names), then rows of markup already made, in a box of its own that scrolls
/// when the table is wider than the page.
pub(crate) fn table(headings: &[&str], numbers: &[usize], rows: &str) -> String {
    let mut out = String::from(r#"<div class="scroll"><table><thead><tr>"#);
    for (i, h) in headings.iter().enumerate() {
        let class = if numbers.contains(&i) {
            r#" class="n""#
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", text(h));
    }
    let _ = write!(out, "</tr></thead><tbody>{rows}</tbody></table></div>");
    out
}

/// Cells of text, escaped, numbers right-aligned at the places `numbers` names.
pub(crate) fn cells(values: &[String], numbers: &[usize]) -> String {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        let class = if numbers.contains(&i) {
            r#" class="n""#
        } else {
            ""
        };
        let _ = write!(out, "<td{class}>{}</td>", text(v));
    }
    out
}

/// The targets table of the rows `rows` (each with its place in the report).
fn targets_table(rows: &[(usize, &TargetResult)], lang: Lang, glossary: &Glossary) -> String {
    let mut body = String::new();
    for &(i, t) in rows {
        let mut values = target_row_text(t, lang, glossary).to_vec();
        values.pop();
        let _ = write!(
            body,
            "<tr{}>{}{}</tr>",
            data_attributes(i, t),
            cells(&values, &[4, 5, 6, 7]),
            status_cell(t.status, t.detail.key_numbers().required, lang)
        );
    }
    table(&lang.words().target_headings, &[4, 5, 6, 7], &body)
}

/// How a bar of a row of this status is filled.
fn status_fill(status: TargetStatus) -> Fill {
    match status {
        TargetStatus::Met => Fill::Met,
        TargetStatus::Gap | TargetStatus::AtRisk => Fill::Short,
        TargetStatus::InProgress | TargetStatus::Open | TargetStatus::NoData => Fill::Plain,
    }
}

/// The rows of the report in the section each belongs to, by the kind of its
/// numbers: a kind added to the registry must say where its rows go.
#[derive(Default)]
struct Sections<'r> {
    shares: Vec<(usize, &'r TargetResult)>,
    windows: Vec<(usize, &'r TargetResult)>,
    quotas: Vec<(usize, &'r TargetResult)>,
}

fn sections(targets: &[TargetResult]) -> Sections<'_> {
    let mut s = Sections::default();
    for (i, t) in targets.iter().enumerate() {
        match &t.detail {
            Detail::Share(_) => s.shares.push((i, t)),
            Detail::Window(_) | Detail::Doctorate(_) | Detail::PlannedReady(_) => {
                s.windows.push((i, t));
            }
            Detail::Quota(_) | Detail::Overseas(_) | Detail::Postgraduate(_) => {
                s.quotas.push((i, t));
            }
        }
    }
    s
}

/// A page's opening, to its `<body>` (with `body_attributes`) and the charts'
/// patterns: its title, and `footer` at the foot of every printed page.
pub(crate) fn open_page(title: &str, footer: &str, body_attributes: &str, lang: Lang) -> String {
    let style = STYLE.replace("FOOTER", &css_string(footer));
    format!(
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}</title><style>{style}</style></head><body{body_attributes}>{}"#,
        lang.html().code,
        text(title),
        svg::defs()
    )
}

/// The whole report as one HTML page, listing at most `limit` findings per rule.
pub fn render(report: &Report, lang: Lang, limit: usize) -> String {
    let w = lang.html();
    let plan = report.glossary.name(lang);
    let as_of = lang.date(report.as_of).to_string();
    let title = page_title(&plan, &as_of, lang);
    let sections = sections(&report.targets);
    let mut page = Page {
        out: String::with_capacity(64 * 1024),
        charts: 0,
    };
    page.out.push_str(&open_page(
        &title,
        &print_footer(&plan, &as_of, lang),
        &format!(
            r#" data-as-of="{}" data-plan="{}""#,
            report.as_of,
            attr(&report.plan)
        ),
        lang,
    ));
    headline(&mut page, report, &title, lang);
    let mut contents: Vec<(&str, &str)> = Vec::new();
    if !sections.shares.is_empty() {
        contents.push(("languages", w.languages));
    }
    if !sections.windows.is_empty() {
        contents.push(("deadlines", w.deadlines));
        contents.push(("units", w.units));
    }
    if !sections.quotas.is_empty() {
        contents.push(("quotas", w.quotas));
    }
    contents.push(("findings", w.findings));
    let _ = write!(page.out, r#"<nav><b>{}</b><ol>"#, text(w.contents));
    for (id, name) in &contents {
        let _ = write!(page.out, r##"<li><a href="#{id}">{}</a></li>"##, text(name));
    }
    page.out.push_str("</ol></nav><main>");
    if !sections.shares.is_empty() {
        languages(&mut page, report, &sections, lang);
    }
    if !sections.windows.is_empty() {
        deadlines(&mut page, report, &sections.windows, lang);
        units(&mut page, report, lang);
    }
    if !sections.quotas.is_empty() {
        quotas(&mut page, report, &sections.quotas, lang);
    }
    findings(&mut page, report, lang, limit);
    let _ = writeln!(
        page.out,
        "</main><footer><p>{} · {}</p><p>{}</p></footer></body></html>",
        text(&plan),
        text(&print_footer(&report.plan, &as_of, lang)),
        text(&made_by(
            env!("CARGO_PKG_VERSION"),
            &report.generated_at,
            lang
        ))
    );
    page.out
}

/// The head of the page: the title, the counts of targets met, short and at
/// risk, the plan and the inputs with their fingerprints.
fn headline(page: &mut Page, report: &Report, title: &str, lang: Lang) {
    let w = lang.html();
    let s = &report.summary;
    let _ = write!(
        page.out,
        r#"<header><h1>{}</h1><p>{}</p><ul class="kpis">"#,
        text(title),
        text(&summary_line(report, lang))
    );
    for (status, n, words) in [
        (TargetStatus::Met, s.met, w.met_targets),
        (TargetStatus::Gap, s.gap, w.short_targets),
        (TargetStatus::AtRisk, s.at_risk, w.at_risk_targets),
    ] {
        let _ = write!(
            page.out,
            r#"<li class="st-{code}" data-status="{code}" data-count="{n}"><b>{n}</b>{}</li>"#,
            text(words),
            code = status.code()
        );
    }
    page.out.push_str("</ul>");
    // the rows neither met, short nor at risk, as the summary line counts them
    let listed = [TargetStatus::Met, TargetStatus::Gap, TargetStatus::AtRisk]
        .map(|status| lang.target_status(status));
    let others: Vec<String> = rows_by_status(report, lang)
        .into_iter()
        .filter(|(word, n)| *n > 0 && !listed.contains(word))
        .map(|(word, n)| format!("{word}: {n}"))
        .collect();
    if !others.is_empty() {
        let _ = write!(
            page.out,
            "<p>{}: {}</p>",
            text(w.other_targets),
            text(&others.join(" · "))
        );
    }
    let inputs = &report.inputs;
    let _ = write!(
        page.out,
        r#"<dl class="inputs"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} ({})</dd><dt>{}</dt><dd><code>{}</code></dd>"#,
        text(w.as_of),
        text(&lang.date(report.as_of).to_string()),
        text(w.plan),
        text(&report.glossary.name(lang)),
        text(&report.plan),
        text(w.plan_file),
        text(&crate::i18n::report::plan_file(&report.plan_file, lang)),
    );
    for (name, file) in [
        (w.roster, &inputs.roster),
        (w.enrolments, &inputs.enrolments),
    ] {
        let _ = write!(
            page.out,
            r#"<dt>{}</dt><dd><code>{}</code> ({} {})<br>{}: <code class="fp">{}</code></dd>"#,
            text(name),
            text(&file.path),
            file.rows,
            text(w.rows),
            text(w.fingerprint),
            text(&file.sha256)
        );
    }
    page.out.push_str("</dl>");
    let notes = remarks(report, lang);
    if !notes.is_empty() {
        page.out.push_str(r#"<ul class="note">"#);
        for note in notes {
            let _ = write!(page.out, "<li>{}</li>", text(&note));
        }
        page.out.push_str("</ul>");
    }
    page.out.push_str("</header>");
}

#[cfg(test)]
mod tests {
    use super::charts::percent;
    use super::*;

    #[test]
    fn a_css_string_cannot_end_the_string_or_the_style() {
        let s = css_string("Kế hoạch \"x\" </style>; as of 30/09/2026");
        assert!(s.starts_with('"') && s.ends_with('"'));
        assert!(!s[1..s.len() - 1].contains('"') && !s.contains('<'), "{s}");
        assert!(s.contains("Kế hoạch") && s.contains("30/09/2026"));
    }

    #[test]
    fn percentages_are_rounded_half_up_exactly() {
        assert_eq!(percent(22, 129), "17.1");
        assert_eq!(percent(1, 8), "12.5");
        assert_eq!(percent(1, 3), "33.3");
        assert_eq!(percent(2, 3), "66.7");
        assert_eq!(percent(0, 0), "0.0");
    }
}
