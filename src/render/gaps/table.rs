//! The lists as tables for a terminal or a mail: the summary first, then the
//! postgraduate numbers, the language groups and each programme's list.

use crate::gaps::ProgrammeList;
use crate::i18n::gaps::{
    days, heading, known_level, language_line, list_heading, no_yearly_number, plan_number_heading,
    postgraduate_line, reasons, summary_title,
};
use crate::lang::Lang;
use crate::model::{Language, Program, Severity};
use crate::render::gaps::GapsReport;
use crate::render::grid::{Field, Grid, wrap_lines};
use crate::render::table::Style;

/// The whole report as text.
pub fn render(report: &GapsReport<'_>, style: Style) -> String {
    let year = report.year();
    let province = report.is_province();
    let lang = report.lang;
    let inputs = report.inputs();
    let mut out = heading(
        year,
        report.plan,
        report.as_of(),
        &inputs,
        report.unit.as_deref(),
        lang,
    );
    out.push_str(&format!("\n{}\n", summary_title(year, lang)));
    out.push_str(&summary(report, style));
    out.push('\n');
    if province && !report.has_plan_numbers() {
        out.push_str(&no_yearly_number(year, lang));
        out.push('\n');
    }
    for need in report.postgraduate() {
        out.push('\n');
        out.push_str(&postgraduate_line(
            need,
            report.as_of(),
            lang,
            &report.gaps.glossary,
        ));
        out.push('\n');
    }
    for (i, gap) in report.gaps.languages.iter().enumerate() {
        if !province && gap.candidates.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(&language_line(
            gap,
            province,
            year,
            lang,
            &report.gaps.glossary,
        ));
        out.push('\n');
        if !gap.candidates.is_empty() {
            out.push_str(&candidates(report, i, style));
            out.push('\n');
        }
    }
    for list in &report.gaps.lists {
        out.push('\n');
        out.push_str(&list_heading(
            list,
            province,
            year,
            lang,
            &report.gaps.glossary,
        ));
        out.push('\n');
        if list.program == Some(Program::Language) {
            out.push_str(lang.words().language_list_note);
            out.push('\n');
        } else if !list.entries.is_empty() {
            out.push_str(&people(report, list, style));
            out.push('\n');
        }
    }
    wrap_lines(&out, style.width)
}

fn summary(report: &GapsReport<'_>, style: Style) -> String {
    let numbers = report.has_plan_numbers();
    let w = report.lang.words();
    let number_header = plan_number_heading(report.year(), report.lang);
    let mut header = w.gaps_summary_headings.to_vec();
    if numbers {
        header.extend([number_header.as_str(), w.pressure]);
    }
    let mut table = Grid::new(style, &header, &[0]);
    for row in report.summary() {
        let mut cells = vec![
            Field::text(row.programme),
            Field::text(row.why),
            Field::number(row.to_train),
        ];
        if numbers {
            cells.push(Field::text(row.plan_number.unwrap_or_else(|| "—".into())));
            cells.push(Field::text(row.pressure.unwrap_or_default()));
        }
        table.add_row(cells);
    }
    table.render()
}

fn days_cell(days_left: Option<i64>, lang: Lang) -> Field {
    match days_left {
        Some(d) if d < 0 => Field::status(days(d, lang), Some(Severity::Error)).right(),
        Some(d) => Field::number(days(d, lang)),
        None => Field::text(""),
    }
}

fn people(report: &GapsReport<'_>, list: &ProgrammeList, style: Style) -> String {
    let lang = report.lang;
    // a block of the compact layout opens with the id and the name
    let mut table = Grid::new(style, &lang.words().list_header, &[0, 1]);
    for p in report.people(list) {
        table.add_row(vec![
            Field::text(p.official.id),
            Field::text(p.official.full_name),
            Field::text(p.official.unit),
            Field::text(p.official.title),
            Field::text(reasons(&p.entry.reasons, p.certificate, lang)),
            Field::text(lang.maybe_date(p.entry.deadline())),
            days_cell(p.entry.days_left(), lang),
        ]);
    }
    table.render()
}

fn candidates(report: &GapsReport<'_>, group: usize, style: Style) -> String {
    let lang = report.lang;
    // a block of the compact layout opens with the rank, the id and the name
    let mut table = Grid::new(style, &lang.words().candidate_headings, &[0, 1, 2]);
    let Some(gap) = report.gaps.languages.get(group) else {
        return String::new();
    };
    for c in &gap.candidates {
        let Some(o) = report.official(c.official) else {
            continue;
        };
        table.add_row(vec![
            Field::number(c.rank),
            Field::text(o.id),
            Field::text(o.full_name),
            Field::text(o.unit),
            Field::text(o.title),
            match c.language {
                Language::None => Field::number("—"),
                Language::Stated(level) => Field::number(level),
                language => Field::text(known_level(
                    language,
                    report.roster.certificate(c.official),
                    lang,
                )),
            },
            Field::text(lang.maybe_date(c.appointed_on)),
            Field::text(c.note.map_or("", |n| lang.note(n))),
        ]);
    }
    table.render()
}
