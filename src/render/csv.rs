//! The findings as CSV for Excel: one row per official and rule, UTF-8 with a
//! byte order mark so Excel reads the Vietnamese right, formulas neutralised.
//!
//! Against a baseline (`check --baseline`, `diff`), two columns follow, `change`
//! and `previous_status`, and the resolved findings come last.
//!
//! The CSV is for people in Excel: in Vietnamese its header, notes, messages,
//! dates (dd/mm/yyyy) and the cells of its code columns (severity, status,
//! programme, change, previous status) are Vietnamese, as in the table, and its
//! cells are separated by `;` as Excel in Vietnam expects (`Lang::csv_delimiter`).
//! In English the code columns keep the codes the JSON writes, so that a filter
//! or a script written against earlier files keeps working. The rule and clause
//! are the plan's ids in both languages.

use std::borrow::Cow;

use crate::lang::Lang;
use crate::plan::Glossary;
use crate::render::worded_findings;
use crate::report::diff::Diff;
use crate::report::{FindingRow, Report};

/// The report's findings, `delimiter`-separated.
pub fn render(report: &Report, lang: Lang, delimiter: u8) -> anyhow::Result<Vec<u8>> {
    match &report.resolved {
        Some(resolved) => findings(
            worded_findings(report, lang).chain(resolved.iter().cloned()),
            lang,
            &report.glossary,
            true,
            delimiter,
        ),
        None => findings(
            worded_findings(report, lang),
            lang,
            &report.glossary,
            false,
            delimiter,
        ),
    }
}

/// A diff's findings: new, then persisting, then resolved.
pub fn render_diff(diff: &Diff, lang: Lang, delimiter: u8) -> anyhow::Result<Vec<u8>> {
    let f = &diff.findings;
    let rows = f.new.iter().chain(&f.persisting).chain(&f.resolved);
    findings(rows.cloned(), lang, &diff.glossary, true, delimiter)
}

/// Finding rows, with the comparison columns when `change`.
fn findings<'a>(
    rows: impl Iterator<Item = FindingRow<'a>>,
    lang: Lang,
    glossary: &Glossary,
    change: bool,
    delimiter: u8,
) -> anyhow::Result<Vec<u8>> {
    let w = lang.words();
    let extra: &[&str] = if change { &w.csv_change_header } else { &[] };
    let header: Vec<&str> = w.csv_header.iter().chain(extra).copied().collect();
    let date = |d| lang.maybe_date(d);
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = rows.map(|f| {
        let mut row = vec![
            f.rule.into_owned(),
            f.clause.into_owned(),
            lang.in_csv(f.severity.label(), lang.severity(f.severity))
                .to_owned(),
            lang.in_csv(f.status.code(), lang.person_status(f.status))
                .to_owned(),
            f.id.into_owned(),
            f.full_name.into_owned(),
            f.unit.into_owned(),
            f.title.into_owned(),
            opt(f.program.map(|p| glossary.program(p, lang).to_owned())),
            date(f.anchor),
            date(f.deadline),
            opt(f.days_overdue.map(|n| n.to_string())),
            opt(f.days_left.map(|n| n.to_string())),
            opt(f.days_late.map(|n| n.to_string())),
            date(f.completed_on),
            opt(f.note.map(Cow::into_owned)),
            f.message.into_owned(),
        ];
        if change {
            row.push(opt(f.change.map(|c| lang.change(c).to_owned())));
            row.push(opt(f.previous_status.map(|s| {
                lang.in_csv(s.code(), lang.person_status(s)).to_owned()
            })));
        }
        row
    });
    for_excel(delimiter, &header, rows)
}

/// CSV as Excel opens it right: UTF-8 with a byte order mark, CRLF line ends,
/// and every cell that a spreadsheet would run as a formula neutralised.
pub fn for_excel(
    delimiter: u8,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> anyhow::Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header)?;
        for row in rows {
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Whether a cell would be read as a formula by a spreadsheet, which runs it.
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell)
}

/// `-915`, `+3.5`: a signed number, which a spreadsheet reads as a number, never a formula.
fn is_plain_number(cell: &str) -> bool {
    let Some(unsigned) = cell.strip_prefix(['-', '+']) else {
        return false;
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
}

/// A cell a spreadsheet would run as a formula, prefixed with `'` so it is text.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if is_formula_like(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_but_not_signed_numbers() {
        for formula in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "-",
            "-1e5",
            "\t=1",
            "-.5",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula}");
        }
        for plain in ["-915", "+84912345678", "-3.5", "Nguyễn Văn An", "12"] {
            assert_eq!(neutralise(plain), plain, "{plain}");
        }
    }
}
