//! The rows of a CSV file: records read by `records.rs`, checked for their shape
//! (cell counts, open quotes, oversized fields, bytes that are not UTF-8, data under a
//! blank header) before the loaders see them.

use super::*;

impl Table {
    pub(super) fn open_csv(
        path: &Path,
        specs: &'static [ColumnSpec],
        delimiter: Option<u8>,
        on_read: Option<&source::ReadHook>,
        preread: Option<MakePreread>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let (source, reader) = match source::open_with(path, on_read.cloned()) {
            Ok(opened) => opened,
            Err(reason) => {
                diags.push(Diagnostic::error(
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
                ..Diagnostic::error(&file, Some(line), Code::Encoding, Problem::Windows1258)
            });
        }
        let io_problem = |e: io::Error| {
            Diagnostic::error(
                &file,
                None,
                Code::Io,
                source::cannot_read(&file, source::why(&e)),
            )
        };
        let known = |cell: &str| columns::find(specs, cell).is_some();
        let mut records =
            match Records::after(reader.head, reader.at, reader.rest, delimiter, &known) {
                Ok(r) => r,
                Err(e) => {
                    diags.push(io_problem(e));
                    return None;
                }
            };
        match records.read() {
            Ok(true) => {}
            Ok(false) => {
                diags.push(Diagnostic::error(
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
                ..Diagnostic::error(
                    &file,
                    Some(record.line),
                    Code::UnclosedQuote,
                    Problem::HeaderQuote,
                )
            });
            return None;
        }
        if record.len() > record.kept_fields() {
            diags.push(Diagnostic::error(
                &file,
                Some(record.line),
                Code::TooLarge,
                Problem::TooManyColumns {
                    found: record.len(),
                    limit: records::MAX_FIELDS,
                },
            ));
            return None;
        }
        let mut cells = Vec::with_capacity(record.len());
        for i in 0..record.len() {
            let bytes = match record.get(i) {
                Some(bytes) if bytes.len() <= MAX_FIELD_BYTES => bytes,
                _ => {
                    diags.push(Diagnostic {
                        column: Some(i + 1),
                        ..Diagnostic::error(
                            &file,
                            Some(record.line),
                            Code::TooLarge,
                            Problem::HeaderTooLarge {
                                column: i + 1,
                                bytes: record.field_len(i).unwrap_or(0),
                            },
                        )
                    });
                    return None;
                }
            };
            match std::str::from_utf8(bytes) {
                Ok(text) => cells.push(text.to_owned()),
                Err(_) => {
                    diags.push(Diagnostic {
                        column: Some(i + 1),
                        ..Diagnostic::error(
                            &file,
                            Some(record.line),
                            Code::Encoding,
                            Problem::NotUtf8,
                        )
                    });
                    return None;
                }
            }
        }
        let header = match_header(&file, None, record.line, &cells, specs, diags)?;
        // a large file is split into records on a thread of its own
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() > READ_AHEAD_BYTES);
        let records = if large {
            let (width, blank) = (header.names.len(), header.blank());
            let check = move |record: &Record<'_>| fits(record, width, &blank);
            let preread = preread.and_then(|make| make(&header));
            records::Source::Ahead(Ahead::start(records, Some(Box::new(check)), preread))
        } else {
            records::Source::Here(Box::new(records))
        };
        Some(Table::new(source, header, Input::Csv(records)))
    }

    /// Read records until one whose cells are all readable (true) or the end (false).
    pub(super) fn advance(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> io::Result<bool> {
        let records = match &mut self.input {
            Input::Csv(records) => records,
            Input::Sheet(_) => return self.advance_sheet(diags, rejected),
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
            let blank = records.take_blank_lines();
            for line in blank.lines {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::error(file, Some(line), Code::BlankRow, Problem::EmptyLine)
                });
            }
            diags.count_more(file, Code::BlankRow, Severity::Warning, blank.more);
            let record = records.record();
            if record.is_blank() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    ..Diagnostic::error(file, Some(record.line), Code::BlankRow, Problem::NoValues)
                });
                continue;
            }
            self.rows += 1;
            // a record that fits, split in place, is text when its bytes are: its cells
            // are read off its own ends (`Row`), unless the garbled-text check reads them
            if record.fits
                && record.in_place()
                && !self.garbled.reads_cells()
                && let Some(text) = record.text()
            {
                self.cells_in_record = true;
                if record.known_text().is_none() {
                    self.text.clear();
                    self.text.push_str(text);
                }
                return Ok(true);
            }
            self.cells_in_record = false;
            let checked = check_record(
                &record,
                &self.header,
                records.delimiter(),
                &self.blank_columns,
                &mut self.cells,
            );
            match checked {
                Ok(text) => {
                    self.garbled.check(record.line, text, &self.cells);
                    if record.known_text().is_none() {
                        self.text.clear();
                        self.text.push_str(text);
                    }
                    return Ok(true);
                }
                Err((column, code, message)) => {
                    let ids = rejected_ids(&record, &self.header, records.delimiter(), code);
                    rejected.extend(ids);
                    diags.push(Diagnostic {
                        column: Some(column),
                        ..Diagnostic::error(file, Some(record.line), code, message)
                    });
                    self.rejected += 1;
                }
            }
        }
    }
}

/// The ids of the officials a rejected record holds, best effort: its own id cell
/// and, when a quote took in the lines after it (left open to the end of the file,
/// or closed by a later quote), the id cell of each line taken in (split naively on
/// the delimiter), so that their enrolments are left out with them rather than
/// reported as unknown.
fn rejected_ids(
    record: &Record<'_>,
    header: &Header,
    delimiter: u8,
    code: Code,
) -> Vec<(String, u64)> {
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
    if code == Code::UnclosedQuote {
        let taken_in = (0..record.len()).filter_map(|i| record.get(i));
        let lines = taken_in.flat_map(|field| {
            // The first piece is the rest of the row that opened the quote.
            field
                .split(|&b| b == b'\n' || b == b'\r')
                .filter(|l| !l.is_empty())
                .skip(1)
        });
        for (k, line) in lines.enumerate() {
            if let Some(id) = line.split(|&b| b == delimiter).nth(id_at).and_then(text) {
                ids.push((id, record.line + 1 + k as u64));
            }
        }
    }
    ids.retain(|(id, _)| !id.is_empty());
    ids
}

/// Whether `record` passes every check of [`check_record`] but the one of its text
/// (made where the text is): nothing left open, no control byte, `width` cells,
/// none too large, nothing under the `blank_columns`. Made on the thread that reads
/// records ahead; false sends the record through every check where rows are read.
fn fits(record: &Record<'_>, width: usize, blank_columns: &[usize]) -> bool {
    let blank = |i: usize| {
        record
            .get(i)
            .is_some_and(|cell| cell.iter().all(u8::is_ascii_whitespace))
    };
    !record.unclosed_quote
        && record.len() == width
        && whole_and_short(record)
        && !record.may_hold_controls()
        && blank_columns.iter().all(|&i| blank(i))
}

/// Whether every field of `record` is kept and the whole of it is no longer than a
/// cell may be: then no cell of it is too large.
fn whole_and_short(record: &Record<'_>) -> bool {
    record.kept_fields() == record.len() && record.get_all().len() <= MAX_FIELD_BYTES
}

/// The structural checks of one record; on success `cells` holds each cell's byte
/// range in the text returned.
/// On failure: the 1-based column, the code and the message.
fn check_record<'r>(
    record: &Record<'r>,
    header: &Header,
    delimiter: u8,
    blank_columns: &[usize],
    cells: &mut Vec<(usize, usize)>,
) -> Result<&'r str, (usize, Code, Box<Problem>)> {
    if record.fits {
        // the shape was checked where the record was read: only its text is left
        cells.clear();
        cells.extend(record.ranges());
        return record_text(record, cells);
    }
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
    let controls = record.may_hold_controls();
    if controls && let Some(found) = line_break(record, header, delimiter) {
        return Err(found);
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
    // only a record that is not whole and short is looked into cell by cell
    let too_large =
        |i| record.field_len(i).is_some_and(|n| n > MAX_FIELD_BYTES) || record.get(i).is_none();
    if !whole_and_short(record)
        && let Some(i) = (0..record.len()).find(|&i| too_large(i))
    {
        return Err((
            i + 1,
            Code::TooLarge,
            Box::new(Problem::TooLarge {
                header: header.name(i).to_owned(),
                bytes: record.field_len(i).unwrap_or(usize::MAX),
            }),
        ));
    }
    cells.clear();
    cells.extend(record.ranges());
    let text = record_text(record, cells)?;
    if controls && let Some(found) = control_character(text, cells, header) {
        return Err(found);
    }
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

/// The text of `record`, whose cells are at the byte ranges `cells`; a cell that is
/// not UTF-8 is an error. One check of the whole record, then of each cell boundary
/// (a record split in place has its boundaries next to ASCII delimiters): the same
/// verdict as checking every cell, and the first bad cell found the slow way.
fn record_text<'r>(
    record: &Record<'r>,
    cells: &[(usize, usize)],
) -> Result<&'r str, (usize, Code, Box<Problem>)> {
    let text = record.text().filter(|text| {
        record.in_place()
            || cells
                .iter()
                .all(|&(start, end)| text.is_char_boundary(start) && text.is_char_boundary(end))
    });
    text.ok_or_else(|| {
        let data = record.get_all();
        let bad = cells.iter().position(|&(start, end)| {
            data.get(start..end)
                .is_none_or(|b| std::str::from_utf8(b).is_err())
        });
        (
            bad.map_or(1, |i| i + 1),
            Code::Encoding,
            Box::new(Problem::NotUtf8),
        )
    })
}

/// Lines a quoted cell of a column not read here may span (a note typed with
/// Alt+Enter) before it is taken for a quote left open.
const NOTE_LINES: u64 = 3;

/// Line breaks in `bytes`, counted as physical lines are: `\r\n` is one.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
            n += 1;
        }
    }
    n
}

/// The first cell holding a line break that shows a quote in the wrong place: no
/// column read here ever holds one, so a line break there means a quote opened
/// where none was meant and took in the rows up to the next quote. In a column not
/// read here, a short note typed over a few lines is let through, unless it spans
/// more lines than a note or a line inside it looks like a row of the file.
fn line_break(
    record: &Record<'_>,
    header: &Header,
    delimiter: u8,
) -> Option<(usize, Code, Box<Problem>)> {
    let width = header.names.len();
    let mut line = record.line;
    for i in 0..record.len() {
        let field = record.get(i)?;
        let breaks = line_breaks(field);
        if breaks == 0 {
            continue;
        }
        let rows = field
            .split(|&b| b == b'\n' || b == b'\r')
            .skip(1)
            .any(|l| width > 2 && memchr::memchr_iter(delimiter, l).count() + 1 >= width);
        if header.reads(i) || breaks >= NOTE_LINES || rows {
            let problem = Problem::LineBreak {
                header: header.name(i).to_owned(),
                opened: line,
                closed: line + breaks,
                rows,
            };
            return Some((i + 1, Code::UnclosedQuote, Box::new(problem)));
        }
        line += breaks;
    }
    None
}

#[cfg(test)]
mod tests;
