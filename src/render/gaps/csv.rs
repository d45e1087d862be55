//! The lists as CSV for Excel: one row per official and programme, UTF-8 with a
//! byte order mark, formulas neutralised.

use crate::i18n::gaps::{list_label, reasons};
use crate::render::csv::for_excel;
use crate::render::gaps::GapsReport;

/// `days` is the days from as-of to the deadline, negative when overdue, so that
/// sorting on it puts the most urgent first.
/// In Vietnamese the header, list names, reasons and deadlines (dd/mm/yyyy) are
/// Vietnamese; `days` stays a plain signed number, its header saying what the sign
/// means. Cells are separated by
/// `delimiter` (`;` in Vietnamese unless `--output-delimiter` says otherwise).
pub fn render(report: &GapsReport<'_>, delimiter: u8) -> anyhow::Result<Vec<u8>> {
    let lang = report.lang;
    let rows = report.gaps.lists.iter().flat_map(|list| {
        report.people(list).map(move |p| {
            vec![
                p.official.id.to_owned(),
                p.official.full_name.to_owned(),
                p.official.unit.to_owned(),
                p.official.title.to_owned(),
                list_label(list.program, lang, &report.gaps.glossary).to_owned(),
                reasons(&p.entry.reasons, p.certificate, lang),
                lang.maybe_date(p.entry.deadline()),
                p.entry
                    .days_left()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]
        })
    });
    for_excel(delimiter, &lang.words().gaps_csv_header, rows)
}
