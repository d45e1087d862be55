//! An input file as a header and rows: the checks every input file shares, for a
//! CSV file (`csv_rows.rs`) and for a worksheet of a workbook alike (`sheet_rows.rs`;
//! `input::sheet` turns its cells into text first). Both give the same `Row`.
//!
//! Structural problems (cell counts, open quotes, oversized fields, bytes that are
//! not UTF-8, data under a blank header; in a sheet, formula errors) reject the row
//! here; the loaders of `roster.rs` and `enrolments.rs` only see rows whose every cell
//! is readable.

use std::io;
use std::path::Path;

use crate::diag::problem::Workbook;
use crate::diag::{Cell, Code, Diagnostic, Diagnostics, Place, Problem, Severity};
use crate::input::columns::{self, Column, ColumnSpec, Header, HeaderProblem};
use crate::input::garbled::Garbled;
use crate::input::records::{self, Ahead, Preread, Record, Records};
use crate::input::scan::has_controls;
use crate::input::sheet::{self, HeaderSearch, Sheet, TextRow};
use crate::input::source::{self, Encoding, Source, Utf8Stream};
use crate::text::{clean_id, trim};

mod csv_rows;
mod sheet_rows;

use sheet_rows::SheetRows;

pub use crate::input::records::MAX_FIELD_BYTES;

/// Files larger than this are split into records ahead, on a thread of their own.
const READ_AHEAD_BYTES: u64 = 4 << 20;

/// A loader's [`Preread`] for a file of this header, if it reads cells ahead: given
/// when a table is opened, used when its records are read ahead.
pub type MakePreread = fn(&Header) -> Option<Preread>;

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
    /// The cells of the CSV row last read are where its record's ends say (a record
    /// split in place, whose cells nothing else read), not laid out in `cells`.
    cells_in_record: bool,
    /// The text of the CSV row last read, copied once it was checked, when it was not
    /// known to be text before (a record read ahead in a batch of ASCII is): a copy
    /// costs less than a second check.
    text: String,
    /// Garbled text in the text columns, reported once the file is read.
    garbled: Garbled,
    /// Whether the rows were read to the end.
    ended: bool,
}

/// Where the rows come from: decided once per file, matched once per row.
enum Input {
    Csv(records::Source<Utf8Stream>),
    Sheet(Box<SheetRows>),
}

/// Where the cells of a row are in its text.
#[derive(Clone, Copy)]
enum CellsAt<'a> {
    /// At these byte ranges.
    LaidOut(&'a [(usize, usize)]),
    /// Where a record split in place says: each cell ends at its end, the next
    /// starting `gap` bytes after (10 million enrolment rows need no list of
    /// ranges made for them).
    Ends { ends: &'a [usize], gap: usize },
}

impl CellsAt<'_> {
    /// The byte range of cell `i`.
    fn get(self, i: usize) -> Option<(usize, usize)> {
        match self {
            CellsAt::LaidOut(cells) => cells.get(i).copied(),
            CellsAt::Ends { ends, gap } => {
                let end = *ends.get(i)?;
                let start = match i.checked_sub(1) {
                    Some(before) => *ends.get(before)? + gap,
                    None => 0,
                };
                Some((start, end))
            }
        }
    }
}

/// One row whose cells are all readable text.
pub struct Row<'a> {
    /// The physical line of a CSV file, or the row of a sheet.
    pub line: u64,
    /// The record's fields one after another; every cell boundary is a char boundary.
    data: &'a str,
    cells: CellsAt<'a>,
    header: &'a Header,
    file: &'a str,
    /// The worksheet, for a workbook.
    sheet: Option<&'a str>,
    /// What the loader's [`Preread`] made of the row's cells where it was read
    /// ahead; 0 when nothing was.
    pub preread: u64,
    /// The check of the row's text, which numbers the units and titles it sees.
    garbled: &'a Garbled,
}

impl<'a> Row<'a> {
    /// The cell under `column`, trimmed; empty when the file has no such column.
    pub fn get(&self, column: Column) -> &'a str {
        trim(self.raw(column))
    }

    /// The number of the cell under `column` among the distinct texts of its kind
    /// seen so far, for the columns whose cells repeat (units and titles): equal
    /// numbers, equal texts as written. See [`Garbled::number`].
    pub fn number(&self, column: Column) -> Option<u32> {
        self.garbled.number(column)
    }

    /// The cell under `column` as it is in the file.
    pub fn raw(&self, column: Column) -> &'a str {
        self.header
            .index(column)
            .and_then(|i| self.cells.get(i))
            .and_then(|(start, end)| self.data.get(start..end))
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

/// Match the header `cells` found on `line` against `specs`, reporting every problem
/// (in `sheet`, for a workbook, where the row was the one of the first rows
/// naming the most known columns). `None`
/// when a problem leaves the file unusable.
/// How many header cells a message lists: enough to recognise the file, not a
/// megabyte of a header gone wrong.
const HEADER_SHOWN: usize = 40;

/// Characters of one value a message quotes.
const VALUE_SHOWN: usize = 80;

/// `value`, or its start and an ellipsis when it is too long to quote whole.
fn shown(value: &str) -> String {
    match value.char_indices().nth(VALUE_SHOWN) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

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
            HeaderProblem::Missing { name, alias } => Diagnostic::error(
                file,
                Some(line),
                Code::MissingColumn,
                Problem::MissingColumn {
                    name,
                    alias,
                    header: header
                        .names
                        .iter()
                        .take(HEADER_SHOWN)
                        .map(|name| shown(name))
                        .collect(),
                    more: header.names.len().saturating_sub(HEADER_SHOWN),
                    header_row: sheet.map(|_| line),
                },
            ),
            HeaderProblem::Duplicate {
                column,
                first,
                name,
            } => Diagnostic {
                column: Some(column),
                ..Diagnostic::error(
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
        preread: Option<MakePreread>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        match sheet::workbook_kind(path) {
            Some(kind) => Table::open_sheet(path, kind, specs, sheet, on_read, diags),
            None => Table::open_csv(path, specs, delimiter, on_read, preread, diags),
        }
    }

    /// A file whose header matched, its rows to be read from `input`.
    fn new(source: Source, header: Header, input: Input) -> Table {
        Table {
            source,
            blank_columns: header.blank(),
            garbled: Garbled::new(&header),
            header,
            input,
            rows: 0,
            rejected: 0,
            cells: Vec::new(),
            cells_in_record: false,
            text: String::new(),
            ended: false,
        }
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
                Diagnostic::error(&self.source.display, None, code, message),
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
        let laid_out = CellsAt::LaidOut(&self.cells);
        let (line, data, sheet, preread, cells) = match &self.input {
            Input::Csv(records) => {
                let record = records.record();
                // checked by `check_record`, and copied there unless it was known
                // to be text (a borrow the loop of `advance` could not hand out)
                let data = record.known_text().unwrap_or(&self.text);
                let cells = match self.cells_in_record {
                    true => CellsAt::Ends {
                        ends: record.ends(),
                        gap: record.gap(),
                    },
                    false => laid_out,
                };
                (record.line, data, None, record.preread, cells)
            }
            Input::Sheet(rows) => (
                rows.line,
                rows.row.text.as_str(),
                Some(rows.sheet.name.as_str()),
                0,
                laid_out,
            ),
        };
        Ok(Some(Row {
            line,
            data,
            cells,
            header: &self.header,
            file: &self.source.display,
            sheet,
            preread,
            garbled: &self.garbled,
        }))
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

/// The first cell holding a control character other than a line break (those are
/// for the CSV reader to judge, as quotes out of place; in a sheet they are a cell's own lines).
pub(super) fn control_character(
    text: &str,
    cells: &[(usize, usize)],
    header: &Header,
) -> Option<(usize, Code, Box<Problem>)> {
    cells.iter().enumerate().find_map(|(i, &(start, end))| {
        let character = text
            .get(start..end)?
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\r')?;
        let problem = Problem::ControlCharacter {
            header: header.name(i).to_owned(),
            character,
        };
        Some((i + 1, Code::BadValue, Box::new(problem)))
    })
}

#[cfg(test)]
mod tests;
