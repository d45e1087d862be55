//! An input file as a header and rows: the checks every input file shares, for a
//! CSV file and for a worksheet of a workbook alike (`sheet.rs` turns its cells into
//! text first).
//!
//! Structural problems (cell counts, open quotes, oversized fields, bytes that are
//! not UTF-8, data under a blank header; in a sheet, formula errors) reject the row
//! here; the loaders of `roster.rs` and `enrolments.rs` only see rows whose every cell
//! is readable.

use std::io;
use std::path::Path;

use crate::input::columns::{self, Column, ColumnSpec, Header, HeaderProblem};
use crate::input::diag::{Cell, Code, Diagnostic, Diagnostics, Place, Problem, Severity};
use crate::input::garbled::Garbled;
use crate::input::records::{self, Ahead, Record, Records};
use crate::input::sheet::{self, HeaderSearch, Sheet};
use crate::input::source::{self, Encoding, Source, Utf8Reader};
use crate::input::text::clean_id;

/// The largest cell accepted (BAD-INPUT row 16).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Files larger than this are split into records ahead, on a thread of their own.
const READ_AHEAD_BYTES: u64 = 4 << 20;

/// What was read of one file, for the report and the summary line.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FileSummary {
    pub path: String,
    pub sha256: String,
    pub encoding: Encoding,
    /// `None` for a workbook.
    #[serde(
        serialize_with = "delimiter_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub delimiter: Option<u8>,
    /// For a workbook: the worksheet read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// For a workbook: the sheet's row (1-based) taken for the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_row: Option<u64>,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Rows rejected for an error.
    pub rejected: usize,
    /// Header cells that name no known column, as written: ignored.
    pub ignored_columns: Vec<String>,
    /// Where each known column is, for messages about a typed row (`validate`).
    #[serde(skip)]
    pub header: Header,
}

fn delimiter_name<S: serde::Serializer>(d: &Option<u8>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match d {
        Some(b'\t') => "tab",
        Some(b';') => ";",
        _ => ",",
    })
}

/// An open input file whose header has been matched.
pub struct Table {
    pub source: Source,
    pub header: Header,
    input: Input,
    blank_columns: Vec<usize>,
    rows: usize,
    rejected: usize,
    cells: Vec<(usize, usize)>,
    /// Garbled text in the text columns, reported once the file is read.
    garbled: Garbled,
    /// Whether the rows were read to the end.
    ended: bool,
}

/// Where the rows come from: decided once per file, matched once per row.
enum Input {
    Csv(records::Source<Utf8Reader>),
    Sheet(Box<SheetRows>),
}

/// A worksheet being read, and its current row as text.
struct SheetRows {
    sheet: Sheet,
    /// The sheet's name, for messages.
    name: String,
    header_row: u64,
    /// The current row's cells one after another.
    text: String,
    /// Its formula errors, by 0-based column.
    errors: Vec<(usize, String)>,
    line: u64,
}

/// One row whose cells are all readable text.
pub struct Row<'a> {
    /// The physical line of a CSV file, or the row of a sheet.
    pub line: u64,
    /// The record's fields one after another; every cell boundary is a char boundary.
    data: &'a str,
    cells: &'a [(usize, usize)],
    header: &'a Header,
    file: &'a str,
    /// The worksheet, for a workbook.
    sheet: Option<&'a str>,
}

impl<'a> Row<'a> {
    /// The cell under `column`, trimmed; empty when the file has no such column.
    pub fn get(&self, column: Column) -> &'a str {
        let raw = self.raw(column);
        let plain_end = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_graphic());
        if plain_end(raw.as_bytes().first()) && plain_end(raw.as_bytes().last()) {
            raw // nothing to trim, decided without decoding
        } else {
            raw.trim()
        }
    }

    /// The cell under `column` as it is in the file.
    pub fn raw(&self, column: Column) -> &'a str {
        self.header
            .index(column)
            .and_then(|i| self.cells.get(i))
            .and_then(|&(start, end)| self.data.get(start..end))
            .unwrap_or("")
    }

    /// A diagnostic about the cell under `column`.
    pub fn problem(
        &self,
        column: Column,
        severity: Severity,
        code: Code,
        message: impl Into<Box<Problem>>,
    ) -> Diagnostic {
        let index = self.header.index(column);
        Diagnostic {
            file: self.file.to_owned(),
            sheet: self.sheet.map(str::to_owned),
            line: Some(self.line),
            column: index.map(|i| i + 1),
            severity,
            code,
            message: message.into(),
        }
    }

    /// `"Header" = "value" <what is wrong>`: the message form for a bad cell.
    pub fn bad_cell(
        &self,
        column: Column,
        severity: Severity,
        code: Code,
        what: Cell,
    ) -> Diagnostic {
        let problem = Problem::Cell {
            header: self.header_name(column).to_owned(),
            value: self.raw(column).trim().to_owned(),
            what,
        };
        self.problem(column, severity, code, problem)
    }

    /// The header of `column` as the user wrote it.
    pub fn header_name(&self, column: Column) -> &str {
        self.header
            .index(column)
            .map_or("", |i| self.header.name(i))
    }

    /// Another row of this file, as messages cite it.
    pub fn cite(&self, line: u64) -> Place {
        Place {
            line,
            in_sheet: self.sheet.is_some(),
        }
    }
}

fn file_problem(
    file: &str,
    line: Option<u64>,
    code: Code,
    message: impl Into<Box<Problem>>,
) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        sheet: None,
        line,
        column: None,
        severity: Severity::Error,
        code,
        message: message.into(),
    }
}

/// Match the header `cells` found on `line` against `specs`, reporting every problem
/// (in `sheet`, for a workbook, where the row was the one of the first rows
/// naming the most known columns). `None`
/// when a problem leaves the file unusable.
fn match_header(
    file: &str,
    sheet: Option<&str>,
    line: u64,
    cells: &[String],
    specs: &'static [ColumnSpec],
    diags: &mut Diagnostics,
) -> Option<Header> {
    let (header, problems) = Header::match_cells(cells, specs);
    let fatal = !problems.is_empty();
    let column_name = |column: usize| match sheet {
        Some(_) => sheet::column_letters(column),
        None => column.to_string(),
    };
    for problem in problems {
        let diagnostic = match problem {
            HeaderProblem::Missing { name, alias } => file_problem(
                file,
                Some(line),
                Code::MissingColumn,
                Problem::MissingColumn {
                    name,
                    alias,
                    header: header.names.clone(),
                    header_row: sheet.map(|_| line),
                },
            ),
            HeaderProblem::Duplicate {
                column,
                first,
                name,
            } => Diagnostic {
                column: Some(column),
                ..file_problem(
                    file,
                    Some(line),
                    Code::DuplicateColumn,
                    if header.name(column - 1) == header.name(first - 1) {
                        Problem::SameHeader {
                            header: header.name(first - 1).to_owned(),
                            first: column_name(first),
                            again: column_name(column),
                        }
                    } else {
                        Problem::SameColumn {
                            header: header.name(column - 1).to_owned(),
                            name,
                            first: column_name(first),
                            first_header: header.name(first - 1).to_owned(),
                        }
                    },
                )
            },
        };
        diags.push(in_sheet(diagnostic, sheet));
    }
    (!fatal).then_some(header)
}

/// `diagnostic` placed in `sheet`, when the file is a workbook.
fn in_sheet(diagnostic: Diagnostic, sheet: Option<&str>) -> Diagnostic {
    Diagnostic {
        sheet: sheet.map(str::to_owned),
        ..diagnostic
    }
}

impl Table {
    /// Open `path` and match its header against `specs`: a workbook (by its
    /// extension, `sheet::workbook_kind`) at its sheet `sheet` or its first one, any
    /// other file as CSV. `None` when the file cannot be used at all; the reason is in
    /// `diags`.
    pub fn open(
        path: &Path,
        specs: &'static [ColumnSpec],
        delimiter: Option<u8>,
        sheet: Option<&str>,
        on_read: Option<&source::ReadHook>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        match sheet::workbook_kind(path) {
            Some(kind) => Table::open_sheet(path, kind, specs, sheet, on_read, diags),
            None => Table::open_csv(path, specs, delimiter, on_read, diags),
        }
    }

    fn open_csv(
        path: &Path,
        specs: &'static [ColumnSpec],
        delimiter: Option<u8>,
        on_read: Option<&source::ReadHook>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let (source, reader) = match source::open_with(path, on_read.cloned()) {
            Ok(opened) => opened,
            Err(reason) => {
                diags.push(file_problem(
                    &path.display().to_string(),
                    None,
                    Code::Io,
                    reason,
                ));
                return None;
            }
        };
        let file = source.display.clone();
        if let Some(line) = source.first_non_utf8_line {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                ..file_problem(&file, Some(line), Code::Encoding, Problem::Windows1258)
            });
        }
        let io_problem = |e: io::Error| {
            file_problem(
                &file,
                None,
                Code::Io,
                source::cannot_read(&file, source::why(&e)),
            )
        };
        let known = |cell: &str| columns::find(specs, cell).is_some();
        let mut records = match Records::new(reader, delimiter, &known) {
            Ok(r) => r,
            Err(e) => {
                diags.push(io_problem(e));
                return None;
            }
        };
        match records.read() {
            Ok(true) => {}
            Ok(false) => {
                diags.push(file_problem(
                    &file,
                    None,
                    Code::EmptyFile,
                    Problem::EmptyFile,
                ));
                return None;
            }
            Err(e) => {
                diags.push(io_problem(e));
                return None;
            }
        }
        let record = records.record();
        if record.unclosed_quote {
            diags.push(Diagnostic {
                column: Some(record.len().max(1)),
                ..file_problem(
                    &file,
                    Some(record.line),
                    Code::UnclosedQuote,
                    Problem::HeaderQuote,
                )
            });
            return None;
        }
        let mut cells = Vec::with_capacity(record.len());
        for i in 0..record.len() {
            let bytes = record.get(i).unwrap_or_default();
            match std::str::from_utf8(bytes) {
                Ok(text) => cells.push(text.to_owned()),
                Err(_) => {
                    diags.push(Diagnostic {
                        column: Some(i + 1),
                        ..file_problem(&file, Some(record.line), Code::Encoding, Problem::NotUtf8)
                    });
                    return None;
                }
            }
        }
        let header = match_header(&file, None, record.line, &cells, specs, diags)?;
        // a large file is split into records on a thread of its own
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() > READ_AHEAD_BYTES);
        let records = if large {
            records::Source::Ahead(Ahead::start(records))
        } else {
            records::Source::Here(Box::new(records))
        };
        Some(Table {
            source,
            blank_columns: header.blank(),
            garbled: Garbled::new(&header),
            header,
            input: Input::Csv(records),
            rows: 0,
            rejected: 0,
            cells: Vec::new(),
            ended: false,
        })
    }

    fn open_sheet(
        path: &Path,
        kind: Encoding,
        specs: &'static [ColumnSpec],
        wanted: Option<&str>,
        on_read: Option<&source::ReadHook>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let display = path.display().to_string();
        let unusable = |sheet: Option<&str>, code: Code, message: Problem| {
            in_sheet(file_problem(&display, None, code, message), sheet)
        };
        let (source, bytes) = match source::read_whole(path, kind, on_read.cloned()) {
            Ok(read) => read,
            Err(reason) => {
                diags.push(unusable(None, Code::Io, *reason));
                return None;
            }
        };
        if bytes.is_empty() {
            diags.push(unusable(None, Code::EmptyFile, Problem::EmptyFile));
            return None;
        }
        let mut sheet = match Sheet::open(bytes, kind, wanted) {
            Ok(sheet) => sheet,
            Err(what) => {
                diags.push(unusable(
                    None,
                    Code::Io,
                    Problem::Workbook {
                        file: display.clone(),
                        what,
                    },
                ));
                return None;
            }
        };
        let name = sheet.name.clone();
        let header_at = match sheet.find_header(specs) {
            HeaderSearch::Found(r) => r,
            HeaderSearch::Empty => {
                diags.push(unusable(Some(&name), Code::EmptyFile, Problem::EmptySheet));
                return None;
            }
            HeaderSearch::NotFound { rows } => {
                let wanted = specs
                    .iter()
                    .filter(|s| s.required)
                    .map(|s| (s.name, s.aliases[0]))
                    .collect();
                diags.push(unusable(
                    Some(&name),
                    Code::MissingColumn,
                    Problem::NoHeaderRow { rows, wanted },
                ));
                return None;
            }
        };
        let header_row = sheet.row_number(header_at);
        let mut cells = sheet.header_cells(header_at);
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        let header = match_header(&display, Some(&name), header_row, &cells, specs, diags)?;
        Some(Table {
            source,
            blank_columns: header.blank(),
            garbled: Garbled::new(&header),
            header,
            input: Input::Sheet(Box::new(SheetRows {
                sheet,
                name: name.clone(),
                header_row,
                text: String::new(),
                errors: Vec::new(),
                line: header_row,
            })),
            rows: 0,
            rejected: 0,
            cells: Vec::new(),
            ended: false,
        })
    }

    /// The worksheet read, for a workbook.
    pub fn sheet(&self) -> Option<&str> {
        match &self.input {
            Input::Csv(_) => None,
            Input::Sheet(rows) => Some(&rows.sheet.name),
        }
    }

    /// A problem with the file as a whole (in its sheet, for a workbook).
    pub fn problem(
        &self,
        severity: Severity,
        code: Code,
        message: impl Into<Box<Problem>>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            ..in_sheet(
                file_problem(&self.source.display, None, code, message),
                self.sheet(),
            )
        }
    }

    /// The next row whose cells are all readable; structural problems of the rows
    /// skipped on the way are reported in `diags`, and the id cells of those rows
    /// (best effort: with too many cells it may be another cell) added to `rejected`.
    pub fn next_row(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> io::Result<Option<Row<'_>>> {
        if !self.advance(diags, rejected)? {
            return Ok(None);
        }
        let (line, data, sheet) = match &self.input {
            Input::Csv(records) => {
                let record = records.record();
                // checked by `check_record`; checking again costs little next to a
                // borrow that the loop of `advance` could not hand out
                let data = simdutf8::basic::from_utf8(record.get_all()).unwrap_or("");
                (record.line, data, None)
            }
            Input::Sheet(rows) => (
                rows.line,
                rows.text.as_str(),
                Some(rows.sheet.name.as_str()),
            ),
        };
        Ok(Some(Row {
            line,
            data,
            cells: &self.cells,
            header: &self.header,
            file: &self.source.display,
            sheet,
        }))
    }

    /// Read records until one whose cells are all readable (true) or the end (false).
    fn advance(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> io::Result<bool> {
        let records = match &mut self.input {
            Input::Csv(records) => records,
            Input::Sheet(_) => return Ok(self.advance_sheet(diags, rejected)),
        };
        let file = self.source.display.as_str();
        loop {
            if !records.read()? {
                if !std::mem::replace(&mut self.ended, true) {
                    for d in self.garbled.diagnostics(file, false) {
                        diags.push(d);
                    }
                }
                return Ok(false);
            }
            for line in records.take_blank_lines() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..file_problem(file, Some(line), Code::BlankRow, Problem::EmptyLine)
                });
            }
            let record = records.record();
            if record.is_blank() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..file_problem(file, Some(record.line), Code::BlankRow, Problem::NoValues)
                });
                continue;
            }
            self.rows += 1;
            match check_record(&record, &self.header, &self.blank_columns, &mut self.cells) {
                Ok(text) => {
                    self.garbled.check(record.line, text, &self.cells);
                    return Ok(true);
                }
                Err((column, code, message)) => {
                    rejected.extend(rejected_ids(&record, &self.header, records.delimiter()));
                    diags.push(Diagnostic {
                        column: Some(column),
                        ..file_problem(file, Some(record.line), code, message)
                    });
                    self.rejected += 1;
                }
            }
        }
    }

    /// `advance` in a sheet: the same checks, of a row whose cells are text already.
    fn advance_sheet(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> bool {
        let Input::Sheet(rows) = &mut self.input else {
            return false;
        };
        let file = self.source.display.as_str();
        let sheet = Some(rows.name.as_str());
        loop {
            let Some((line, blank)) =
                rows.sheet
                    .read(&mut rows.text, &mut self.cells, &mut rows.errors)
            else {
                if !std::mem::replace(&mut self.ended, true) {
                    for d in self.garbled.diagnostics(file, true) {
                        diags.push(in_sheet(d, sheet));
                    }
                }
                return false;
            };
            rows.line = line;
            if blank {
                diags.push(in_sheet(
                    Diagnostic {
                        severity: Severity::Warning,
                        ..file_problem(file, Some(line), Code::BlankRow, Problem::NoValues)
                    },
                    sheet,
                ));
                continue;
            }
            self.rows += 1;
            match check_sheet_row(rows, &self.cells, &self.header, &self.blank_columns) {
                Ok(()) => {
                    self.garbled.check(line, &rows.text, &self.cells);
                    return true;
                }
                Err((column, code, message)) => {
                    let id = self
                        .header
                        .index(Column::Id)
                        .and_then(|i| self.cells.get(i))
                        .and_then(|&(start, end)| rows.text.get(start..end))
                        .map(|id| clean_id(id).0.into_owned())
                        .filter(|id| !id.is_empty());
                    rejected.extend(id.map(|id| (id, line)));
                    diags.push(in_sheet(
                        Diagnostic {
                            column: Some(column),
                            ..file_problem(file, Some(line), code, message)
                        },
                        sheet,
                    ));
                    self.rejected += 1;
                }
            }
        }
    }

    /// Count a row rejected by a loader.
    pub fn reject(&mut self) {
        self.rejected += 1;
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// What was read, once the rows have been read to the end.
    pub fn summary(&self) -> FileSummary {
        FileSummary {
            path: self.source.display.clone(),
            sha256: self.source.sha256(),
            encoding: self.source.encoding,
            delimiter: match &self.input {
                Input::Csv(records) => Some(records.delimiter()),
                Input::Sheet(_) => None,
            },
            sheet: self.sheet().map(str::to_owned),
            header_row: match &self.input {
                Input::Csv(_) => None,
                Input::Sheet(rows) => Some(rows.header_row),
            },
            rows: self.rows,
            rejected: self.rejected,
            ignored_columns: self
                .header
                .unknown()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            header: self.header.clone(),
        }
    }
}

/// The ids of the officials a rejected record holds, best effort: its own id cell
/// and, when an unclosed quote swallowed the rest of the file, the id cell of each
/// swallowed line (split naively on the delimiter), so that their enrolments are
/// left out with them rather than reported as unknown.
fn rejected_ids(record: &Record<'_>, header: &Header, delimiter: u8) -> Vec<(String, u64)> {
    let Some(id_at) = header.index(Column::Id) else {
        return Vec::new();
    };
    let text = |b: &[u8]| {
        std::str::from_utf8(b)
            .ok()
            .map(|s| clean_id(s).0.into_owned())
    };
    let mut ids: Vec<(String, u64)> = record
        .get(id_at)
        .and_then(text)
        .map(|id| (id, record.line))
        .into_iter()
        .collect();
    if record.unclosed_quote {
        let swallowed = record
            .get(record.len().saturating_sub(1))
            .unwrap_or_default();
        let lines = swallowed
            .split(|&b| b == b'\n' || b == b'\r')
            .filter(|l| !l.is_empty());
        // The first piece is the rest of the row that opened the quote.
        for (k, line) in lines.enumerate().skip(1) {
            if let Some(id) = line.split(|&b| b == delimiter).nth(id_at).and_then(text) {
                ids.push((id, record.line + k as u64));
            }
        }
    }
    ids.retain(|(id, _)| !id.is_empty());
    ids
}

/// The structural checks of one record; on success `cells` holds each cell's byte
/// range in the text returned.
/// On failure: the 1-based column, the code and the message.
fn check_record<'r>(
    record: &Record<'r>,
    header: &Header,
    blank_columns: &[usize],
    cells: &mut Vec<(usize, usize)>,
) -> Result<&'r str, (usize, Code, Box<Problem>)> {
    let width = header.names.len();
    if record.unclosed_quote {
        return Err((
            record.len().min(width).max(1),
            Code::UnclosedQuote,
            Box::new(Problem::OpenQuote {
                lines: record.end_line.saturating_sub(record.line + 1),
            }),
        ));
    }
    if record.len() != width {
        // The column of the first cell too many, or of the first one missing.
        let (code, column) = if record.len() > width {
            (Code::ExtraCell, width + 1)
        } else {
            (Code::MissingCell, record.len() + 1)
        };
        return Err((
            column,
            code,
            Box::new(Problem::CellCount {
                found: record.len(),
                width,
            }),
        ));
    }
    for i in 0..record.len() {
        if record.field_len(i).is_some_and(|n| n > MAX_FIELD_BYTES) || record.get(i).is_none() {
            return Err((
                i + 1,
                Code::TooLarge,
                Box::new(Problem::TooLarge {
                    header: header.name(i).to_owned(),
                    bytes: record.field_len(i).unwrap_or(usize::MAX),
                }),
            ));
        }
    }
    cells.clear();
    for i in 0..record.len() {
        let start = cells.last().map_or(0, |&(_, end)| end);
        cells.push((start, start + record.field_len(i).unwrap_or(0)));
    }
    let data = record.get_all();
    // One check of the whole record, then of each cell boundary: the same verdict as
    // checking every cell (issue 6), and the first bad cell found the slow way.
    let text = simdutf8::basic::from_utf8(data).ok().filter(|text| {
        cells
            .iter()
            .all(|&(start, end)| text.is_char_boundary(start) && text.is_char_boundary(end))
    });
    let Some(text) = text else {
        let bad = cells.iter().position(|&(start, end)| {
            data.get(start..end)
                .is_none_or(|b| std::str::from_utf8(b).is_err())
        });
        return Err((
            bad.map_or(1, |i| i + 1),
            Code::Encoding,
            Box::new(Problem::NotUtf8),
        ));
    };
    for &i in blank_columns {
        let value = text.get(cells[i].0..cells[i].1).unwrap_or("").trim();
        if !value.is_empty() {
            return Err((
                i + 1,
                Code::BlankHeader,
                Box::new(Problem::NoHeader {
                    column: (i + 1).to_string(),
                    value: value.to_owned(),
                }),
            ));
        }
    }
    Ok(text)
}

/// The structural checks of a sheet's row (`check_record`'s for CSV): formula errors
/// under the columns read, oversized cells, values under no header. A row is as wide
/// as the sheet, so cells are never too many or too few: a value right of the last
/// header is a value under a blank header. On failure: the 1-based column, the code
/// and the message.
fn check_sheet_row(
    rows: &SheetRows,
    cells: &[(usize, usize)],
    header: &Header,
    blank_columns: &[usize],
) -> Result<(), (usize, Code, Box<Problem>)> {
    if let Some((i, error)) = rows.errors.iter().find(|(i, _)| header.reads(*i)) {
        return Err((
            i + 1,
            Code::BadValue,
            Box::new(Problem::FormulaError {
                header: header.name(*i).to_owned(),
                error: error.to_string(),
            }),
        ));
    }
    let text = |i: usize| {
        cells
            .get(i)
            .and_then(|&(start, end)| rows.text.get(start..end))
            .unwrap_or("")
    };
    if let Some(i) = (0..cells.len()).find(|&i| text(i).len() > MAX_FIELD_BYTES) {
        return Err((
            i + 1,
            Code::TooLarge,
            Box::new(Problem::TooLarge {
                header: header.name(i).to_owned(),
                bytes: text(i).len(),
            }),
        ));
    }
    let unnamed = blank_columns
        .iter()
        .copied()
        .chain(header.names.len()..cells.len());
    for i in unnamed {
        let value = text(i).trim();
        if !value.is_empty() {
            return Err((
                i + 1,
                Code::BlankHeader,
                Box::new(Problem::NoHeader {
                    column: sheet::column_letters(i + 1),
                    value: value.to_owned(),
                }),
            ));
        }
    }
    Ok(())
}
