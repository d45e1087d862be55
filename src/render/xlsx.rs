//! The report as an Excel workbook an HR office files. A summary sheet: the
//! plan, the as-of date, the inputs with their SHA-256 fingerprints and the
//! counts of the summary line; the targets table with its status coloured by
//! conditional format (the status word stays in the cell); the numbers of the
//! language groups and of the deadline rules, with native charts drawn from
//! those cells. Then one sheet per rule with its findings (as `--findings`
//! lists them), and the units in numbers. Dates are date cells; every sheet
//! prints on A4 landscape, one page wide, its header on every page.

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{
    Chart, ChartSolidFill, ChartType, Color, ConditionalFormatCell, ConditionalFormatCellRule,
    DocProperties, Format, RowNum, Workbook, Worksheet, XlsxError,
};

use crate::filename::base_name;
use crate::i18n::report::{
    at_level, change_note, findings_not_listed, report_heading, rows_beyond_sheet, rows_by_status,
    share_at_level, shares_heading,
};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::plan::rules::{PeopleByStatus, PersonStatus, TargetStatus};
use crate::render::table::{by_rule, tally, target_row_text};
use crate::render::worded_findings;
use crate::render::workbook::{
    Formats, fit, header_row, print_setup, set_widths, sheet_name, text_cell,
};
use crate::report::units::UnitRow;
use crate::report::{FindingRow, Report};

/// The rows of a worksheet, as Excel allows them.
const SHEET_ROWS: u32 = 1_048_576;

/// The colour a status stands out in: its fill and its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Good,
    Bad,
    Caution,
    Neutral,
}

impl Tone {
    /// Excel's own Good, Bad and Neutral cell styles, and a grey.
    fn colours(self) -> (u32, u32) {
        match self {
            Tone::Good => (0x00C6_EFCE, 0x0000_6100),
            Tone::Bad => (0x00FF_C7CE, 0x009C_0006),
            Tone::Caution => (0x00FF_EB9C, 0x009C_5700),
            Tone::Neutral => (0x00D9_D9D9, 0x0040_4040),
        }
    }

    fn format(self) -> Format {
        let (fill, text) = self.colours();
        Format::new()
            .set_background_color(Color::RGB(fill))
            .set_font_color(Color::RGB(text))
    }

    fn of_target(status: TargetStatus) -> Tone {
        match status {
            TargetStatus::Met => Tone::Good,
            TargetStatus::Gap => Tone::Bad,
            TargetStatus::AtRisk => Tone::Caution,
            TargetStatus::InProgress | TargetStatus::Open | TargetStatus::NoData => Tone::Neutral,
        }
    }

    fn of_person(status: PersonStatus) -> Tone {
        match status {
            PersonStatus::Done => Tone::Good,
            PersonStatus::Overdue => Tone::Bad,
            PersonStatus::DueSoon | PersonStatus::Late | PersonStatus::NotReady => Tone::Caution,
            PersonStatus::Open | PersonStatus::MissingData => Tone::Neutral,
        }
    }
}

/// Colour the cells of `col`, rows `first` to `last`, whose text is a status:
/// each word in its tone.
fn colour_statuses(
    sheet: &mut Worksheet,
    (first, last): (RowNum, RowNum),
    col: u16,
    words: impl IntoIterator<Item = (&'static str, Tone)>,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    for (word, tone) in words {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(word))
            .set_format(tone.format());
        sheet.add_conditional_format(first, col, last, col, &rule)?;
    }
    Ok(())
}

pub fn render(report: &Report, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let sheets = Sheets {
        report,
        lang,
        formats: Formats::new(lang.excel_date_format()),
    };
    let mut book = Workbook::new();
    // created when the report was made: its `generated_at`
    if let Ok(made) = DateTime::parse_from_rfc3339(&report.generated_at) {
        let made = made.with_timezone(&Utc);
        book.set_properties(&DocProperties::new().set_creation_datetime(&made));
    }
    let w = lang.words();
    let mut names = vec![w.summary_sheet.to_owned()];
    sheets.summary(book.add_worksheet().set_name(w.summary_sheet)?)?;
    let findings: Vec<FindingRow> = worded_findings(report, lang).collect();
    for (rule, rows) in by_rule(&findings) {
        let name = sheet_name(rule, &names);
        sheets.rule(
            book.add_worksheet_with_constant_memory()?.set_name(&name)?,
            &rows,
        )?;
        names.push(name);
    }
    let units = sheet_name(lang.words().units_sheet, &names);
    sheets.units(book.add_worksheet().set_name(&units)?)?;
    Ok(book.save_to_buffer()?)
}

/// A finding's texts, in the order of the columns of its rule's sheet: the
/// change (with a baseline), then id to programme, then the note and message.
fn finding_texts<'a>(
    change: Option<&'a String>,
    f: &'a FindingRow,
    glossary: &'a Glossary,
    lang: Lang,
) -> [&'a str; 10] {
    [
        change.map_or("", String::as_str),
        &f.id,
        &f.full_name,
        &f.unit,
        &f.title,
        lang.person_status(f.status),
        lang.severity(f.severity),
        f.program.map_or("", |p| glossary.program(p, lang)),
        f.note.as_deref().unwrap_or(""),
        &f.message,
    ]
}

/// What every sheet is made from.
struct Sheets<'r> {
    report: &'r Report<'r>,
    lang: Lang,
    formats: Formats,
}

impl Sheets<'_> {
    /// The summary sheet: heading, inputs and counts; the targets; the numbers of
    /// the charts and the charts.
    fn summary(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let (report, lang, formats) = (self.report, self.lang, &self.formats);
        let w = lang.words();
        let s = &report.summary;
        let sheet_title = w.summary_sheet;
        // Row 0 is the title, written after the columns are fitted (it is long).
        let mut row: RowNum = 2;
        let label = |sheet: &mut Worksheet, row: RowNum, text: &str| {
            sheet
                .write_string_with_format(row, 0, text, &formats.bold)
                .map(|_| ())
        };
        let plan_row = row;
        label(sheet, row, w.plan)?;
        text_cell(sheet, row, 1, &report.plan, formats)?;
        row += 1;
        label(sheet, row, w.as_of)?;
        sheet.write_date_with_format(row, 1, report.as_of, &formats.date)?;
        row += 1;
        let inputs_row = row;
        let inputs = [
            (w.roster, &report.inputs.roster),
            (w.enrolments, &report.inputs.enrolments),
        ];
        for (what, file) in inputs {
            label(sheet, row, what)?;
            text_cell(sheet, row, 1, base_name(&file.path), formats)?;
            row += 1;
        }
        row += 1;
        let mut counts = vec![(w.target_rows, s.targets)];
        counts.extend(rows_by_status(report, lang));
        counts.extend([
            (w.errors, s.errors),
            (w.warnings, s.warnings),
            (w.input_warnings, s.input_warnings),
        ]);
        if s.rows_left_out > 0 {
            counts.push((w.rows_left_out, s.rows_left_out));
        }
        if report.baseline.is_some() {
            let n = |v: Option<usize>| v.unwrap_or(0);
            counts.extend([
                (w.new, n(s.new)),
                (w.persisting, n(s.persisting)),
                (w.resolved, n(s.resolved)),
                (w.new_errors, n(s.new_errors)),
            ]);
        }
        for (what, n) in counts {
            label(sheet, row, what)?;
            sheet.write_number(row, 1, count(n))?;
            row += 1;
        }
        let not_listed_row = row;
        row += 2;

        // the targets
        sheet.write_string_with_format(row, 0, w.targets, &formats.bold)?;
        row += 1;
        let header = row;
        let mut headings = w.target_headings.to_vec();
        headings.push(w.note);
        header_row(sheet, header, &headings, formats)?;
        for t in &report.targets {
            row += 1;
            let cells = target_row_text(t, lang, &report.glossary);
            let numbers = t.detail.key_numbers();
            let numbers = [
                Some(numbers.population),
                Some(Some(numbers.achieved)),
                Some(numbers.required),
                Some(numbers.shortfall),
            ];
            // the rule, clause, what and year; the four numbers; the status
            let numbers = [None; 4].into_iter().chain(numbers).chain([None]);
            for ((col, text), number) in (0..).zip(&cells).zip(numbers) {
                match number {
                    Some(value) => number_cell(sheet, row, col, value, text, formats)?,
                    None => text_cell(sheet, row, col, text, formats)?,
                }
            }
            let note = t.note_code.map(|n| lang.target_note(n).to_owned());
            let remark = lang.remark(&t.detail, &t.rule, &report.glossary);
            let note: Vec<String> = note.into_iter().chain(remark).collect();
            text_cell(sheet, row, 9, &note.join("; "), formats)?;
        }
        let mut words: Vec<_> = TargetStatus::ALL
            .map(|status| (lang.target_status(status), Tone::of_target(status)))
            .into();
        // a row the plan sets no number for, where it is worded apart
        let no_quota = (lang.words().no_quota, Tone::of_target(TargetStatus::NoData));
        if !words.contains(&no_quota) {
            words.push(no_quota);
        }
        colour_statuses(sheet, (header + 1, row), 8, words)?;
        print_setup(sheet, (header, header))?;

        // the numbers the charts are drawn from, then the charts under them
        row += 2;
        let shares = shares(report, lang)
            .map(|table| chart_table(sheet, row, &table, formats))
            .transpose()?;
        if let Some(table) = &shares {
            row = table.last + 2;
        }
        let people = people(report, lang)
            .map(|table| chart_table(sheet, row, &table, formats))
            .transpose()?;
        if let Some(table) = &people {
            row = table.last + 2;
        }
        fit(sheet);
        if let Some(table) = shares {
            let mut chart = Chart::new(ChartType::Bar);
            chart.title().set_name((sheet_title, table.heading, 0));
            for col in [3, 4] {
                chart
                    .add_series()
                    .set_name((sheet_title, table.heading + 1, col))
                    .set_categories((sheet_title, table.first, 0, table.last, 0))
                    .set_values((sheet_title, table.first, col, table.last, col));
            }
            chart.x_axis().set_num_format("0%");
            chart.y_axis().set_reverse();
            sheet.insert_chart(row, 0, &chart)?;
            row += 18;
        }
        if let Some(table) = people {
            let mut chart = Chart::new(ChartType::BarStacked);
            chart.title().set_name((sheet_title, table.heading, 0));
            for (col, status) in (1..).zip(PeopleByStatus::ORDER) {
                let (fill, _) = Tone::of_person(status).colours();
                chart
                    .add_series()
                    .set_name((sheet_title, table.heading + 1, col))
                    .set_categories((sheet_title, table.first, 0, table.last, 0))
                    .set_values((sheet_title, table.first, col, table.last, col))
                    .set_format(ChartSolidFill::new().set_color(series_colour(status, fill)));
            }
            chart.y_axis().set_reverse();
            chart.set_width(720);
            sheet.insert_chart(row, 0, &chart)?;
        }

        // after the fitting: the long lines run over the empty cells beside them
        let (title, _) = report_heading(report, lang);
        sheet.write_string_with_format(0, 0, title, &formats.bold)?;
        text_cell(sheet, plan_row, 2, &report.glossary.name(lang), formats)?;
        for (i, (_, file)) in (0..).zip(inputs) {
            sheet.write_string(inputs_row + i, 2, &file.sha256)?;
        }
        sheet.write_string_with_format(inputs_row - 1, 2, w.fingerprint, &formats.bold)?;
        if let Some(line) = findings_not_listed(report, lang) {
            sheet.write_string(not_listed_row, 0, line)?;
        }
        Ok(())
    }

    /// One rule's findings: a title, the header (frozen, filtered), a row each.
    /// Written row after row on a sheet kept on disk (a national rule has a
    /// million rows), so the columns are sized from the texts before any row is
    /// written rather than fitted afterwards.
    fn rule(&self, sheet: &mut Worksheet, rows: &[&FindingRow]) -> Result<(), XlsxError> {
        let (report, lang, formats) = (self.report, self.lang, &self.formats);
        let w = lang.words();
        let change = report.baseline.is_some();
        let mut headings: Vec<&str> = Vec::new();
        if change {
            headings.push(lang.words().change);
        }
        headings.extend(w.finding_columns);
        let first = rows.first().map_or("", |f| &f.clause);
        let title = format!(
            "{} ({}): {}",
            rows.first().map_or("", |f| &f.rule),
            report.glossary.clause(first, lang),
            tally(rows, lang)
        );
        let shift = u16::from(change);
        // the title row and the header; the last row says what did not fit
        let room = usize::try_from(SHEET_ROWS - 3).unwrap_or(usize::MAX);
        let changes: Vec<String> = if change {
            rows.iter()
                .take(room)
                .map(|f| change_note(f, lang))
                .collect()
        } else {
            Vec::new()
        };
        let glossary = &*report.glossary;
        // where each text goes: the change first with a baseline, the note and the
        // message after the dates and days
        let at = |col: u16| Some(shift + col);
        let cols = [
            change.then_some(0),
            at(0),
            at(1),
            at(2),
            at(3),
            at(4),
            at(5),
            at(6),
            at(13),
            at(14),
        ];
        let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
        for (i, f) in rows.iter().take(room).enumerate() {
            for (col, text) in cols
                .iter()
                .zip(finding_texts(changes.get(i), f, glossary, lang))
            {
                if let Some(width) = col.and_then(|c| widths.get_mut(usize::from(c))) {
                    *width = (*width).max(text.chars().count());
                }
            }
        }
        set_widths(sheet, &widths)?;
        sheet.write_string_with_format(0, 0, title, &formats.bold)?;
        header_row(sheet, 1, &headings, formats)?;
        let mut row: RowNum = 1;
        for (i, f) in rows.iter().take(room).enumerate() {
            row += 1;
            for (col, text) in cols
                .iter()
                .zip(finding_texts(changes.get(i), f, glossary, lang))
            {
                if let Some(col) = *col {
                    text_cell(sheet, row, col, text, formats)?;
                }
            }
            for (col, date) in (shift + 7..).zip([f.anchor, f.deadline]) {
                if let Some(date) = date {
                    sheet.write_date_with_format(row, col, date, &formats.date)?;
                }
            }
            for (col, days) in (shift + 9..).zip([f.days_overdue, f.days_left, f.days_late]) {
                if let Some(days) = days {
                    #[allow(clippy::cast_precision_loss)] // days fit an f64 exactly
                    sheet.write_number(row, col, days as f64)?;
                }
            }
            if let Some(done) = f.completed_on {
                sheet.write_date_with_format(row, shift + 12, done, &formats.date)?;
            }
        }
        if rows.len() > room {
            sheet.write_string(row + 1, 0, rows_beyond_sheet(rows.len() - room, lang))?;
        }
        let last_col = shift + 14;
        let words = PeopleByStatus::ORDER.map(|s| (lang.person_status(s), Tone::of_person(s)));
        colour_statuses(sheet, (2, row), shift + 4, words)?;
        sheet.set_freeze_panes(2, 0)?;
        sheet.autofilter(1, 0, row, last_col)?;
        print_setup(sheet, (0, 1))?;
        Ok(())
    }

    /// The units in numbers, by name, and their total.
    fn units(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let (report, lang, formats) = (self.report, self.lang, &self.formats);
        let w = lang.words();
        let units = &report.units;
        let (at, share) = (
            at_level(units.level, lang),
            share_at_level(units.level, lang),
        );
        let mut headings = w.unit_columns.to_vec();
        headings.extend([w.in_language_groups, &at, &share]);
        header_row(sheet, 0, &headings, formats)?;
        let mut row: RowNum = 0;
        for unit in &units.rows {
            row += 1;
            unit_row(sheet, row, unit, unit.unit, false, formats)?;
        }
        let last = row;
        row += 1;
        unit_row(sheet, row, &units.total(), w.total, true, formats)?;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last, 6)?;
        fit(sheet);
        print_setup(sheet, (0, 0))?;
        Ok(())
    }
}

/// The colour of a status's part of the stacked bars: its tone's fill, but
/// darker for the statuses that share a tone with another.
fn series_colour(status: PersonStatus, fill: u32) -> Color {
    Color::RGB(match status {
        PersonStatus::Late => 0x00F4_B183,
        PersonStatus::NotReady => 0x00C5_5A11,
        PersonStatus::MissingData => 0x0080_8080,
        _ => fill,
    })
}

/// Where a table of a chart's numbers is: its heading's row, and its first and
/// last rows of numbers (its column headings are on the row after the heading).
struct ChartTable {
    heading: RowNum,
    first: RowNum,
    last: RowNum,
}

/// A cell of a chart's numbers: a count, or a share shown as a percentage.
#[derive(Clone, Copy)]
enum Figure {
    Count(u32),
    Share(Option<f64>),
}

/// The numbers a chart is drawn from: a heading (the chart's title), the
/// column headings (the series' names), and a row per category, its name and
/// its figures.
struct ChartData {
    heading: String,
    headings: Vec<String>,
    rows: Vec<(String, Vec<Figure>)>,
}

/// `data` from `row`, where a chart finds it.
fn chart_table(
    sheet: &mut Worksheet,
    row: RowNum,
    data: &ChartData,
    formats: &Formats,
) -> Result<ChartTable, XlsxError> {
    sheet.write_string_with_format(row, 0, &data.heading, &formats.bold)?;
    let headings: Vec<&str> = data.headings.iter().map(String::as_str).collect();
    header_row(sheet, row + 1, &headings, formats)?;
    let mut last = row + 1;
    for (name, figures) in &data.rows {
        last += 1;
        text_cell(sheet, last, 0, name, formats)?;
        for (col, figure) in (1..).zip(figures) {
            match *figure {
                Figure::Count(n) => sheet.write_number(last, col, n)?,
                Figure::Share(Some(share)) => {
                    sheet.write_number_with_format(last, col, share, &formats.percent)?
                }
                Figure::Share(None) => sheet,
            };
        }
    }
    Ok(ChartTable {
        heading: row,
        first: row + 2,
        last,
    })
}

/// The language groups' shares at the level against their targets; none when
/// the plan has no share target.
fn shares(report: &Report, lang: Lang) -> Option<ChartData> {
    let shares: Vec<_> = report
        .targets
        .iter()
        .filter_map(|t| t.detail.level_share())
        .collect();
    let level = shares.iter().map(|s| s.min_level).min()?;
    let w = lang.words();
    let rows = shares
        .iter()
        .map(|s| {
            let reached =
                (s.population > 0).then(|| f64::from(s.achieved) / f64::from(s.population));
            let figures = vec![
                Figure::Count(s.population),
                Figure::Count(s.achieved),
                Figure::Share(reached),
                Figure::Share(Some(f64::from(s.percent) / 100.0)),
            ];
            (report.glossary.group(s.group, lang), figures)
        })
        .collect();
    Some(ChartData {
        heading: shares_heading(level, lang),
        headings: vec![
            w.group.to_owned(),
            w.officials.to_owned(),
            at_level(level, lang),
            share_at_level(level, lang),
            w.target_share.to_owned(),
        ],
        rows,
    })
}

/// The officials of the deadline rules by status, a row per target row; none
/// when the plan has no such rule.
fn people(report: &Report, lang: Lang) -> Option<ChartData> {
    let rows: Vec<(String, Vec<Figure>)> = report
        .targets
        .iter()
        .filter_map(|t| {
            let people = t.detail.people()?;
            let figures = PeopleByStatus::ORDER.map(|s| Figure::Count(people.get(s)));
            Some((t.rule.clone(), figures.to_vec()))
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let w = lang.words();
    let statuses = PeopleByStatus::ORDER.map(|s| lang.person_status(s).to_owned());
    Some(ChartData {
        heading: w.people_by_status.to_owned(),
        headings: [w.target_headings[0].to_owned()]
            .into_iter()
            .chain(statuses)
            .collect(),
        rows,
    })
}

/// A number of the targets table as a number cell: where the table writes more
/// than the number (`39 (derived)`, `12 (100%)`), the rest is the cell's number
/// format, so that the cell reads as the table does and sums as a number.
fn number_cell(
    sheet: &mut Worksheet,
    row: RowNum,
    col: u16,
    value: Option<u32>,
    text: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let Some(n) = value else {
        return text_cell(sheet, row, col, text, formats);
    };
    let rest = text
        .strip_prefix(&n.to_string())
        .filter(|rest| !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|rest| !rest.contains(['"', '\\']));
    match rest {
        Some(rest) => {
            let format = Format::new().set_num_format(format!("0\"{rest}\""));
            sheet.write_number_with_format(row, col, n, &format)?;
        }
        None => {
            sheet.write_number(row, col, n)?;
        }
    }
    Ok(())
}

/// One row of the units sheet, named `name`; the total's in bold.
fn unit_row(
    sheet: &mut Worksheet,
    row: RowNum,
    unit: &UnitRow,
    name: &str,
    total: bool,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let (format, percent) = if total {
        sheet.write_string_with_format(row, 0, name, &formats.bold)?;
        (formats.bold.clone(), formats.percent.clone().set_bold())
    } else {
        text_cell(sheet, row, 0, name, formats)?;
        (Format::new(), formats.percent.clone())
    };
    let numbers = [
        unit.officials,
        unit.overdue,
        unit.due_soon,
        unit.language_members,
        unit.language_reached,
    ];
    for (col, n) in (1..).zip(numbers) {
        sheet.write_number_with_format(row, col, n, &format)?;
    }
    if unit.language_members > 0 {
        let share = f64::from(unit.language_reached) / f64::from(unit.language_members);
        sheet.write_number_with_format(row, 6, share, &percent)?;
    }
    Ok(())
}

/// A count as a cell holds it.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
