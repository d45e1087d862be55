//! The rows of a worksheet (`input::sheet` turns its cells into text): the header row
//! found below the titles, and each row's checks (formula errors, oversized cells,
//! values under no header).

use super::*;

/// A worksheet being read, and its current row as text.
pub(super) struct SheetRows {
    pub(super) sheet: Sheet,
    /// The sheet's name, for messages.
    name: String,
    pub(super) header_row: u64,
    /// The current row.
    pub(super) row: TextRow,
    pub(super) line: u64,
}

impl Table {
    pub(super) fn open_sheet(
        path: &Path,
        kind: Encoding,
        specs: &'static [ColumnSpec],
        wanted: Option<&str>,
        on_read: Option<&source::ReadHook>,
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let display = path.display().to_string();
        let unusable = |sheet: Option<&str>, code: Code, message: Problem| {
            in_sheet(Diagnostic::error(&display, None, code, message), sheet)
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
            Err(refused) => {
                let code = refused.what.code();
                let problem = Problem::Workbook {
                    file: display.clone(),
                    what: refused.what,
                };
                diags.push(Diagnostic {
                    line: refused.cell.map(|(row, _)| row),
                    column: refused.cell.map(|(_, column)| column),
                    ..unusable(refused.sheet.as_deref(), code, problem)
                });
                return None;
            }
        };
        let name = sheet.name.clone();
        let (header_row, mut cells) = match sheet.find_header(specs) {
            Ok(HeaderSearch::Found { row, cells }) => (row, cells),
            Ok(HeaderSearch::Empty) => {
                diags.push(unusable(Some(&name), Code::EmptyFile, Problem::EmptySheet));
                return None;
            }
            Ok(HeaderSearch::NotFound { rows }) => {
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
            Err(reason) => {
                let what = Workbook::SheetUnreadable {
                    name: name.clone(),
                    reason,
                };
                let problem = Problem::Workbook {
                    file: display.clone(),
                    what,
                };
                diags.push(unusable(Some(&name), Code::Io, problem));
                return None;
            }
        };
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        let header = match_header(&display, Some(&name), header_row, &cells, specs, diags)?;
        let rows = SheetRows {
            sheet,
            name: name.clone(),
            header_row,
            row: TextRow::default(),
            line: header_row,
        };
        Some(Table::new(source, header, Input::Sheet(Box::new(rows))))
    }

    /// `advance` in a sheet: the same checks, of a row whose cells are text already.
    /// A sheet that cannot be read on (calamine stopped in it) ends the run, as a
    /// CSV file that cannot be read on does.
    pub(super) fn advance_sheet(
        &mut self,
        diags: &mut Diagnostics,
        rejected: &mut Vec<(String, u64)>,
    ) -> io::Result<bool> {
        let Input::Sheet(rows) = &mut self.input else {
            return Ok(false);
        };
        let file = self.source.display.as_str();
        let sheet = Some(rows.name.as_str());
        loop {
            let read = rows
                .sheet
                .read(&mut rows.row)
                .map_err(|reason| io::Error::other(format!("sheet \"{}\": {reason}", rows.name)))?;
            let Some(blank) = read else {
                if !std::mem::replace(&mut self.ended, true) {
                    for d in self.garbled.diagnostics(file, true) {
                        diags.push(in_sheet(d, sheet));
                    }
                }
                return Ok(false);
            };
            let line = rows.row.number;
            self.cells.clone_from(&rows.row.cells);
            rows.line = line;
            if blank {
                diags.push(in_sheet(
                    Diagnostic {
                        severity: Severity::Warning,
                        ..Diagnostic::error(file, Some(line), Code::BlankRow, Problem::NoValues)
                    },
                    sheet,
                ));
                continue;
            }
            self.rows += 1;
            match check_sheet_row(&rows.row, &self.header, &self.blank_columns) {
                Ok(()) => {
                    self.garbled.check(line, &rows.row.text, &self.cells);
                    return Ok(true);
                }
                Err((column, code, message)) => {
                    let id = self
                        .header
                        .index(Column::Id)
                        .and_then(|i| self.cells.get(i))
                        .and_then(|&(start, end)| rows.row.text.get(start..end))
                        .map(|id| clean_id(id).0.into_owned())
                        .filter(|id| !id.is_empty());
                    rejected.extend(id.map(|id| (id, line)));
                    diags.push(in_sheet(
                        Diagnostic {
                            column: Some(column),
                            ..Diagnostic::error(file, Some(line), code, message)
                        },
                        sheet,
                    ));
                    self.rejected += 1;
                }
            }
        }
    }
}

/// The structural checks of a sheet's row (`check_record`'s for CSV): formula errors
/// under the columns read, oversized cells, values under no header. A row is never
/// too wide or too narrow: a value right of the last header is a value under a blank
/// header, and a cell past the last one written is empty. On failure: the 1-based
/// column, the code and the message.
fn check_sheet_row(
    row: &TextRow,
    header: &Header,
    blank_columns: &[usize],
) -> Result<(), (usize, Code, Box<Problem>)> {
    if let Some((i, error)) = row.errors.iter().find(|(i, _)| header.reads(*i)) {
        return Err((
            i + 1,
            Code::BadValue,
            Box::new(Problem::FormulaError {
                header: header.name(*i).to_owned(),
                error: error.to_string(),
            }),
        ));
    }
    if let Some(&(i, bytes)) = row.oversized.first() {
        return Err((
            i + 1,
            Code::TooLarge,
            Box::new(Problem::TooLarge {
                header: header.name(i).to_owned(),
                bytes,
            }),
        ));
    }
    if has_controls(row.text.as_bytes())
        && let Some(found) = control_character(&row.text, &row.cells, header)
    {
        return Err(found);
    }
    let text = |i: usize| {
        row.cells
            .get(i)
            .and_then(|&(start, end)| row.text.get(start..end))
            .unwrap_or("")
    };
    let unnamed = blank_columns
        .iter()
        .copied()
        .chain(header.names.len()..row.cells.len());
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
