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
    /// The current row's cells one after another.
    pub(super) text: String,
    /// Its formula errors, by 0-based column.
    errors: Vec<(usize, String)>,
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

    /// `advance` in a sheet: the same checks, of a row whose cells are text already.
    pub(super) fn advance_sheet(
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
                        ..Diagnostic::error(file, Some(line), Code::BlankRow, Problem::NoValues)
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
