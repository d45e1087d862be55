//! The lists as an Excel workbook to attach to the plan: a summary sheet, then one
//! sheet per programme with its header row frozen and filtered, deadlines as real
//! Excel dates (dd/mm/yyyy) and columns fitted to their text.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::i18n::gaps::{
    language_line, list_label, plan_number_heading, postgraduate_line, reasons, workbook_title,
    workbook_unit,
};
use crate::render::csv::is_formula_like;
use crate::render::gaps::GapsReport;

const DEADLINE: u16 = 5;
/// Autofit stops at this width (pixels): a long reason wraps the screen otherwise.
const MAX_WIDTH: u32 = 420;

/// The formats every sheet uses.
struct Formats {
    bold: Format,
    date: Format,
    /// Text that starts like a formula: shown as written, never run (see the bad-input catalogue in docs/input.md).
    quoted: Format,
}

pub fn render(report: &GapsReport<'_>) -> anyhow::Result<Vec<u8>> {
    let formats = Formats {
        bold: Format::new().set_bold(),
        date: Format::new().set_num_format("dd/mm/yyyy"),
        quoted: Format::new().set_quote_prefix(),
    };
    let lang = report.lang;
    let w = lang.words();
    let mut book = Workbook::new();
    let mut names = vec![w.summary_sheet.to_owned()];
    summary(
        book.add_worksheet().set_name(w.summary_sheet)?,
        report,
        &formats,
    )?;
    for list in &report.gaps.lists {
        let name = sheet_name(
            list_label(list.program, lang, &report.gaps.glossary),
            &names,
        );
        let sheet = book.add_worksheet().set_name(&name)?;
        names.push(name);
        for (col, title) in (0..).zip(w.list_header) {
            sheet.write_string_with_format(0, col, title, &formats.bold)?;
        }
        let mut row = 0;
        for p in report.people(list) {
            row += 1;
            let o = p.official;
            let cells = [o.id, o.full_name, o.unit, o.title];
            for (col, text) in (0..).zip(cells) {
                text_cell(sheet, row, col, text, &formats)?;
            }
            text_cell(
                sheet,
                row,
                4,
                &reasons(&p.entry.reasons, p.certificate, lang),
                &formats,
            )?;
            if let Some(deadline) = p.entry.deadline() {
                sheet.write_date_with_format(row, DEADLINE, deadline, &formats.date)?;
            }
            if let Some(days) = p.entry.days_left() {
                #[allow(clippy::cast_precision_loss)] // days fit an f64 exactly
                sheet.write_number(row, DEADLINE + 1, days as f64)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, row, DEADLINE + 1)?;
        fit(sheet);
    }
    Ok(book.save_to_buffer()?)
}

fn summary(
    sheet: &mut Worksheet,
    report: &GapsReport<'_>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let year = report.year();
    let province = report.is_province();
    let lang = report.lang;
    let w = lang.words();
    // Title, unit, a blank row, then the table; the sentences go in after the
    // columns are fitted to the table, so that they do not widen column A.
    let mut row = if report.unit.is_some() { 3 } else { 2 };
    let number_header = plan_number_heading(year, lang);
    let mut header = w.gaps_summary_headings.to_vec();
    if report.has_plan_numbers() {
        header.extend([number_header.as_str(), w.pressure]);
    }
    for (col, title) in (0..).zip(header) {
        sheet.write_string_with_format(row, col, title, &formats.bold)?;
    }
    for line in report.summary() {
        row += 1;
        sheet.write_string(row, 0, line.programme.trim_start())?;
        sheet.write_string(row, 1, &line.why)?;
        sheet.write_number(row, 2, u32::try_from(line.to_train).unwrap_or(u32::MAX))?;
        if let (Some(number), Some(pressure)) = (&line.plan_number, &line.pressure) {
            sheet.write_string(row, 3, number)?;
            sheet.write_string(row, 4, pressure)?;
        }
    }
    fit(sheet);
    // a workbook's dates are dd/mm/yyyy in both languages, as its cells show them
    let as_of = report.as_of().format("%d/%m/%Y");
    let title = workbook_title(year, report.plan, as_of, lang);
    sheet.write_string_with_format(0, 0, title, &formats.bold)?;
    if let Some(unit) = &report.unit {
        text_cell(sheet, 1, 0, &workbook_unit(unit, lang), formats)?;
    }
    row += 1;
    let postgraduate = report
        .postgraduate()
        .iter()
        .map(|need| postgraduate_line(need, report.as_of(), lang, &report.gaps.glossary));
    let languages = report
        .gaps
        .languages
        .iter()
        .filter(|gap| province || !gap.candidates.is_empty())
        .map(|gap| language_line(gap, province, year, lang, &report.gaps.glossary));
    for line in postgraduate.chain(languages) {
        row += 1;
        sheet.write_string(row, 0, line)?;
    }
    Ok(())
}

/// A text cell, kept as text when it starts like a formula.
fn text_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    if is_formula_like(text) {
        sheet.write_string_with_format(row, col, text, &formats.quoted)?;
    } else {
        sheet.write_string(row, col, text)?;
    }
    Ok(())
}

fn fit(sheet: &mut Worksheet) {
    sheet.set_autofit_max_width(MAX_WIDTH);
    sheet.autofit();
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not
/// starting or ending with `'`, and not one already `taken` (case-insensitively).
pub fn sheet_name(label: &str, taken: &[String]) -> String {
    let clean: String = label
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'');
    let base = if clean.is_empty() { "Sheet" } else { clean };
    let fits = |suffix: &str| {
        let mut name = String::new();
        for c in base.chars() {
            if name.encode_utf16().count() + c.len_utf16() + suffix.encode_utf16().count() > 31 {
                break;
            }
            name.push(c);
        }
        format!("{}{suffix}", name.trim_end_matches('\''))
    };
    let is_taken = |name: &str| {
        taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    };
    let mut name = fits("");
    let mut n = 2;
    while is_taken(&name) {
        name = fits(&format!(" ({n})"));
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let taken = vec!["Summary".to_owned()];
        assert_eq!(sheet_name("title_department", &taken), "title_department");
        assert_eq!(sheet_name("summary", &taken), "summary (2)");
        assert_eq!(sheet_name("a/b:c[d]*?\\", &taken), "a_b_c_d____");
        let long = "title programme, level unknown and more";
        let name = sheet_name(long, &taken);
        assert_eq!(name.chars().count(), 31);
        let again = sheet_name(long, std::slice::from_ref(&name));
        assert_eq!(again, "title programme, level unkn (2)");
        assert_eq!(sheet_name("'quoted'", &taken), "quoted");
        assert_eq!(sheet_name("", &taken), "Sheet");
    }
}
