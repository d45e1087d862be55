//! The lists as an Excel workbook to attach to the plan: a summary sheet, then one
//! sheet per programme with its header row frozen and filtered, deadlines as real
//! Excel dates (dd/mm/yyyy) and columns fitted to their text.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::i18n::gaps::{
    days_number_format, language_line, list_label, plan_number_heading, postgraduate_line, reasons,
    workbook_title, workbook_unit,
};
use crate::render::gaps::GapsReport;
use crate::render::workbook::{Formats, fit, header_row, print_setup, sheet_name, text_cell};

const DEADLINE: u16 = 5;

pub fn render(report: &GapsReport<'_>) -> anyhow::Result<Vec<u8>> {
    // a workbook's dates are dd/mm/yyyy in both languages, as its cells show them
    let formats = Formats::new("dd/mm/yyyy");
    let lang = report.lang;
    let w = lang.words();
    let days_format = days_number_format(lang).map(|f| Format::new().set_num_format(f));
    let mut book = Workbook::new();
    let mut names = vec![w.summary_sheet.to_owned()];
    summary(
        book.add_worksheet().set_name(w.summary_sheet)?,
        report,
        &formats,
    )?;
    // A unit's workbook has the sheets of its people only; the province's has
    // every programme's, an empty one saying that nobody is due.
    let lists = report
        .gaps
        .lists
        .iter()
        .filter(|list| report.is_province() || !list.entries.is_empty());
    for list in lists {
        let name = sheet_name(
            list_label(list.program, lang, &report.gaps.glossary),
            &names,
        );
        let sheet = book.add_worksheet().set_name(&name)?;
        names.push(name);
        header_row(sheet, 0, &w.list_header, &formats)?;
        print_setup(sheet, (0, 0))?;
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
                let days = days as f64;
                match &days_format {
                    Some(format) => {
                        sheet.write_number_with_format(row, DEADLINE + 1, days, format)?
                    }
                    None => sheet.write_number(row, DEADLINE + 1, days)?,
                };
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
    header_row(sheet, row, &header, formats)?;
    print_setup(sheet, (row, row))?;
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
