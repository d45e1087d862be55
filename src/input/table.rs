//! A CSV file as a header and rows: the checks every input file shares.
//!
//! Structural problems (cell counts, open quotes, oversized fields, bytes that are
//! not UTF-8, data under a blank header) reject the row here; the loaders of
//! `roster.rs` and `enrolments.rs` only see rows whose every cell is readable.

use std::io;
use std::path::Path;

use crate::input::columns::{self, Column, ColumnSpec, Header, HeaderProblem};
use crate::input::diag::{Code, Diagnostic, Diagnostics, Severity};
use crate::input::garbled::Garbled;
use crate::input::records::{self, Ahead, Record, Records};
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
    #[serde(serialize_with = "delimiter_name")]
    pub delimiter: u8,
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

fn delimiter_name<S: serde::Serializer>(d: &u8, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(match d {
        b'\t' => "tab",
        b';' => ";",
        _ => ",",
    })
}

/// An open CSV file whose header has been matched.
pub struct Table {
    pub source: Source,
    pub header: Header,
    records: records::Source<Utf8Reader>,
    blank_columns: Vec<usize>,
    rows: usize,
    rejected: usize,
    cells: Vec<(usize, usize)>,
    /// Garbled text in the text columns, reported once the file is read.
    garbled: Garbled,
    /// Whether the rows were read to the end.
    ended: bool,
}

/// One row whose cells are all readable text.
pub struct Row<'a> {
    pub line: u64,
    /// The record's fields one after another; every cell boundary is a char boundary.
    data: &'a str,
    cells: &'a [(usize, usize)],
    header: &'a Header,
    file: &'a str,
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
        message: String,
    ) -> Diagnostic {
        let index = self.header.index(column);
        Diagnostic {
            file: self.file.to_owned(),
            line: Some(self.line),
            column: index.map(|i| i + 1),
            severity,
            code,
            message,
        }
    }

    /// `"Header" = "value" <what is wrong>`: the message form for a bad cell.
    pub fn bad_cell(
        &self,
        column: Column,
        severity: Severity,
        code: Code,
        what: &str,
    ) -> Diagnostic {
        let name = self.header_name(column);
        let value = self.raw(column).trim();
        self.problem(
            column,
            severity,
            code,
            format!("\"{name}\" = \"{value}\" {what}"),
        )
    }

    /// The header of `column` as the user wrote it.
    pub fn header_name(&self, column: Column) -> &str {
        self.header
            .index(column)
            .map_or("", |i| self.header.name(i))
    }
}

fn file_problem(file: &str, line: Option<u64>, code: Code, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        line,
        column: None,
        severity: Severity::Error,
        code,
        message,
    }
}

impl Table {
    /// Open `path` and match its header against `specs`. `Ok(None)` when the file
    /// cannot be used at all; the reason is in `diags`.
    pub fn open(
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
                ..file_problem(
                    &file,
                    Some(line),
                    Code::Encoding,
                    "the file is not UTF-8 (first on this line): read as windows-1258, the \
                     Vietnamese code page of Windows, and normalised to NFC; check the names, \
                     and in Excel save as \"CSV UTF-8 (Comma delimited) (*.csv)\""
                        .into(),
                )
            });
        }
        let io_problem = |e: io::Error| {
            file_problem(
                &file,
                None,
                Code::Io,
                format!("cannot read {file}: {}", source::describe(&e)),
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
                    "file is empty".into(),
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
                    "a quote opened in the header is never closed: it swallows the whole file; \
                     close it or remove it"
                        .into(),
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
                        ..file_problem(&file, Some(record.line), Code::Encoding, not_utf8())
                    });
                    return None;
                }
            }
        }
        let header_line = record.line;
        let (header, problems) = Header::match_cells(&cells, specs);
        let fatal = !problems.is_empty();
        for problem in problems {
            diags.push(match problem {
                HeaderProblem::Missing { name, alias } => file_problem(
                    &file,
                    Some(header_line),
                    Code::MissingColumn,
                    format!(
                        "no column \"{name}\" (Vietnamese: \"{alias}\"); the header has: {}",
                        header
                            .names
                            .iter()
                            .map(|n| format!("\"{n}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                HeaderProblem::Duplicate {
                    column,
                    first,
                    name,
                } => Diagnostic {
                    column: Some(column),
                    ..file_problem(
                        &file,
                        Some(header_line),
                        Code::DuplicateColumn,
                        if header.name(column - 1) == header.name(first - 1) {
                            format!("\"{}\" appears twice (columns {first} and {column})", header.name(first - 1))
                        } else {
                            format!(
                                "\"{}\" is column \"{name}\" again, already column {first} (\"{}\")",
                                header.name(column - 1),
                                header.name(first - 1)
                            )
                        },
                    )
                },
            });
        }
        if fatal {
            return None;
        }
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
            records,
            rows: 0,
            rejected: 0,
            cells: Vec::new(),
            ended: false,
        })
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
        let record = self.records.record();
        Ok(Some(Row {
            line: record.line,
            // checked by `check_record`; checking again costs little next to a
            // borrow that the loop of `advance` could not hand out
            data: simdutf8::basic::from_utf8(record.get_all()).unwrap_or(""),
            cells: &self.cells,
            header: &self.header,
            file: &self.source.display,
        }))
    }

    /// Read records until one whose cells are all readable (true) or the end (false).
    fn advance(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> io::Result<bool> {
        let file = self.source.display.as_str();
        loop {
            if !self.records.read()? {
                if !std::mem::replace(&mut self.ended, true) {
                    for d in self.garbled.diagnostics(file) {
                        diags.push(d);
                    }
                }
                return Ok(false);
            }
            for line in self.records.take_blank_lines() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..file_problem(
                        file,
                        Some(line),
                        Code::BlankRow,
                        "empty line, skipped".into(),
                    )
                });
            }
            let record = self.records.record();
            if record.is_blank() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..file_problem(
                        file,
                        Some(record.line),
                        Code::BlankRow,
                        "row has no values, skipped".into(),
                    )
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
                    rejected.extend(rejected_ids(
                        &record,
                        &self.header,
                        self.records.delimiter(),
                    ));
                    diags.push(Diagnostic {
                        column: Some(column),
                        ..file_problem(file, Some(record.line), code, message)
                    });
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
            delimiter: self.records.delimiter(),
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
) -> Result<&'r str, (usize, Code, String)> {
    let width = header.names.len();
    if record.unclosed_quote {
        return Err((
            record.len().min(width).max(1),
            Code::UnclosedQuote,
            format!(
                "a quote opened on this line is never closed: it swallows the rest of the file \
                 ({} more lines); close it or remove it",
                record.end_line.saturating_sub(record.line + 1)
            ),
        ));
    }
    if record.len() != width {
        // The column of the first cell too many, or of the first one missing.
        let (code, word, column) = if record.len() > width {
            (Code::ExtraCell, "too many", width + 1)
        } else {
            (Code::MissingCell, "too few", record.len() + 1)
        };
        return Err((
            column,
            code,
            format!(
                "{} fields, header has {width} ({word} cells: a stray delimiter or quote?)",
                record.len()
            ),
        ));
    }
    for i in 0..record.len() {
        if record.field_len(i).is_some_and(|n| n > MAX_FIELD_BYTES) || record.get(i).is_none() {
            return Err((
                i + 1,
                Code::TooLarge,
                format!(
                    "\"{}\" holds {} bytes; a cell may hold at most 64 KiB",
                    header.name(i),
                    record.field_len(i).unwrap_or(usize::MAX)
                ),
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
        return Err((bad.map_or(1, |i| i + 1), Code::Encoding, not_utf8()));
    };
    for &i in blank_columns {
        let value = text.get(cells[i].0..cells[i].1).unwrap_or("").trim();
        if !value.is_empty() {
            return Err((
                i + 1,
                Code::BlankHeader,
                format!(
                    "column {} has no header but this row has \"{value}\" in it",
                    i + 1
                ),
            ));
        }
    }
    Ok(text)
}

fn not_utf8() -> String {
    "bytes that are not UTF-8 in a file whose start is UTF-8 (so it is read as UTF-8, and \
     nothing is guessed); correct this cell, or save the file in Excel as \"CSV UTF-8 \
     (Comma delimited) (*.csv)\""
        .into()
}
