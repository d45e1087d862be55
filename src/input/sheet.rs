//! A worksheet of a workbook (.xlsx, .xlsm, .xls, .ods) as rows of text (issue 4 §1).
//!
//! calamine reads the workbook; this module chooses the sheet, finds the header under
//! the title rows HR templates put above it, and writes every cell as the text a CSV
//! export of it would hold, so that a sheet feeds the same row and typed-value
//! pipeline as a CSV file (`table/`, then `roster.rs` / `enrolments.rs`): an id typed
//! as the number 123 reads "123", a real Excel date (1900 or 1904 system) reads
//! "2024-02-29", which the date parser of CSV then reads. It also names places as
//! Excel does (`'Danh sách'!C14`).

use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader, SheetType, Sheets};

use crate::input::columns::{self, ColumnSpec};
use crate::input::diag::problem::Workbook;
use crate::input::source::Encoding;

/// How many rows at the top of a sheet are searched for the header: room for a
/// template's titles, date lines and blank rows.
pub const HEADER_SEARCH_ROWS: u32 = 30;

/// The largest serial Excel shows as a date (31/12/9999 in the 1900 system).
const MAX_DATE_SERIAL: f64 = 2_958_466.0;

/// The workbook format of `path`, from its extension (case-insensitive); `None` for
/// anything else, which is read as CSV.
pub fn workbook_kind(path: &Path) -> Option<Encoding> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => Some(Encoding::Xlsx),
        "xls" => Some(Encoding::Xls),
        "ods" => Some(Encoding::Ods),
        _ => None,
    }
}

/// `Sheet1`, or `'Danh sách'` quoted as Excel writes a name that is not a plain word.
pub fn quote_sheet(name: &str) -> String {
    let plain = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !looks_like_a_cell(name);
    if plain {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// `AB12`, `R1C1` or `RC`: a name Excel would read as a cell.
fn looks_like_a_cell(name: &str) -> bool {
    let digits = |s: &str| s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let letters = name.len()
        - name
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    // columns have at most three letters (XFD): `Sheet1` is a name, `ABC1` a cell
    let a1 = (1..=3).contains(&letters) && letters < name.len() && digits(&name[letters..]) == 0;
    let r1c1 = name
        .strip_prefix(['R', 'r'])
        .map(|rest| &rest[rest.len() - digits(rest)..])
        .and_then(|rest| rest.strip_prefix(['C', 'c']))
        .is_some_and(|rest| digits(rest) == 0);
    a1 || r1c1
}

/// The letters of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// One worksheet, read whole, and how far its rows have been read.
pub struct Sheet {
    pub name: String,
    cells: Range<Data>,
    /// The sheet's row and column (0-based) of the range's first cell.
    origin: (u32, u32),
    /// The next row to read, relative to the range.
    next: usize,
    /// One past the last row that holds anything: empty rows after it are not data.
    end: usize,
}

/// What the header search found.
pub enum HeaderSearch {
    /// The sheet has no cell at all.
    Empty,
    /// None of the rows searched names a known column.
    NotFound { rows: u32 },
    /// The row (relative to the range) naming the most known columns.
    Found(usize),
}

impl Sheet {
    /// The sheet of the workbook in `bytes` named `wanted` (Excel's names are
    /// case-insensitive), or its first worksheet. The error says what went wrong, and
    /// for a sheet it does not have, which sheets it has.
    pub fn open(bytes: Vec<u8>, kind: Encoding, wanted: Option<&str>) -> Result<Sheet, Workbook> {
        let cursor = Cursor::new(bytes);
        let unreadable = |e: &dyn std::fmt::Display| Workbook::Unreadable {
            kind: kind.name(),
            reason: e.to_string(),
        };
        let mut book: Sheets<Cursor<Vec<u8>>> = match kind {
            Encoding::Xls => {
                Sheets::Xls(calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?)
            }
            Encoding::Ods => {
                Sheets::Ods(calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?)
            }
            _ => Sheets::Xlsx(calamine::open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?),
        };
        let names: Vec<String> = book
            .sheets_metadata()
            .iter()
            .filter(|s| matches!(s.typ, SheetType::WorkSheet))
            .map(|s| s.name.clone())
            .collect();
        let name = match wanted {
            None => names.first().cloned().ok_or(Workbook::NoWorksheet)?,
            Some(wanted) => find_sheet(&names, wanted).ok_or_else(|| Workbook::NoSuchSheet {
                wanted: wanted.to_owned(),
                sheets: names.clone(),
            })?,
        };
        let cells = book
            .worksheet_range(&name)
            .map_err(|e| Workbook::SheetUnreadable {
                name: name.clone(),
                reason: e.to_string(),
            })?;
        let origin = cells.start().unwrap_or((0, 0));
        let end = cells
            .rows()
            .rposition(|row| row.iter().any(|c| !is_blank(c)))
            .map_or(0, |last| last + 1);
        Ok(Sheet {
            name,
            cells,
            origin,
            next: 0,
            end,
        })
    }

    /// The row among the first [`HEADER_SEARCH_ROWS`] of the sheet that names the
    /// most columns of `specs` (the first of those on a tie); reading goes on below it.
    pub fn find_header(&mut self, specs: &[ColumnSpec]) -> HeaderSearch {
        if self.end == 0 {
            return HeaderSearch::Empty;
        }
        let searched = (HEADER_SEARCH_ROWS.saturating_sub(self.origin.0) as usize).min(self.end);
        let mut best = (0, 0);
        for r in 0..searched {
            let mut found = vec![false; specs.len()];
            for cell in self.header_cells(r) {
                if let Some(s) = columns::find(specs, &cell) {
                    found[s] = true;
                }
            }
            let named = found.iter().filter(|&&f| f).count();
            if named > best.0 {
                best = (named, r);
            }
        }
        if best.0 == 0 {
            return HeaderSearch::NotFound {
                rows: self.origin.0 + searched as u32,
            };
        }
        self.next = best.1 + 1;
        HeaderSearch::Found(best.1)
    }

    /// The cells of row `r` (relative) as text, from column A; formula errors empty.
    pub fn header_cells(&self, r: usize) -> Vec<String> {
        let mut text = String::new();
        let mut cells = Vec::new();
        let mut errors = Vec::new();
        self.write_row(r, &mut text, &mut cells, &mut errors);
        cells
            .iter()
            .map(|&(start, end)| text.get(start..end).unwrap_or("").to_owned())
            .collect()
    }

    /// The sheet's 1-based row number of row `r` of the range.
    pub fn row_number(&self, r: usize) -> u64 {
        u64::from(self.origin.0) + r as u64 + 1
    }

    /// Read the next row into `text`, each cell's byte range in `cells` (cell 0 is
    /// column A) and the formula errors, by 0-based column, in `errors`. Returns the
    /// row's number and whether it is blank; `None` after the last row holding anything.
    pub fn read(
        &mut self,
        text: &mut String,
        cells: &mut Vec<(usize, usize)>,
        errors: &mut Vec<(usize, String)>,
    ) -> Option<(u64, bool)> {
        if self.next >= self.end {
            return None;
        }
        let r = self.next;
        self.next += 1;
        self.write_row(r, text, cells, errors);
        let blank = errors.is_empty() && text.trim().is_empty();
        Some((self.row_number(r), blank))
    }

    fn write_row(
        &self,
        r: usize,
        text: &mut String,
        cells: &mut Vec<(usize, usize)>,
        errors: &mut Vec<(usize, String)>,
    ) {
        text.clear();
        cells.clear();
        errors.clear();
        // columns left of the range are empty: cell i is always column i + 1
        cells.resize(self.origin.1 as usize, (0, 0));
        for c in 0..self.cells.width() {
            let start = text.len();
            if let Some(cell) = self.cells.get((r, c))
                && let Err(error) = cell_text(cell, text)
            {
                errors.push((cells.len(), error));
            }
            cells.push((start, text.len()));
        }
    }
}

/// `wanted` among `names`: exactly, else ignoring case as Excel does.
fn find_sheet(names: &[String], wanted: &str) -> Option<String> {
    names
        .iter()
        .find(|n| *n == wanted)
        .or_else(|| {
            names
                .iter()
                .find(|n| n.to_lowercase() == wanted.to_lowercase())
        })
        .cloned()
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// Append the text a CSV export would hold for `cell`; `Err` with Excel's name of a
/// formula error (`#N/A`).
fn cell_text(cell: &Data, out: &mut String) -> Result<(), String> {
    match cell {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Int(n) => {
            let _ = write!(out, "{n}");
        }
        // Rust writes 123.0 as "123" and 4.5 as "4.5": what Excel shows
        Data::Float(x) => {
            let _ = write!(out, "{x}");
        }
        Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Data::DateTime(dt) if dt.is_datetime() && (0.0..MAX_DATE_SERIAL).contains(&dt.as_f64()) => {
            // knows the workbook's date system (1900 or 1904) and Excel's 29/02/1900,
            // which the date parser then refuses as no such day
            let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
            if (hh, mm, ss, ms) != (0, 0, 0, 0) {
                // refused by the date parser, as a time after a date in CSV is
                let _ = write!(out, " {hh:02}:{mm:02}");
            }
        }
        // a duration, or a serial outside the dates Excel shows: the number itself
        Data::DateTime(dt) => {
            let _ = write!(out, "{}", dt.as_f64());
        }
        // OpenDocument dates: `2024-02-29`, or with a time `2024-02-29T08:30:00`
        Data::DateTimeIso(iso) => {
            let date = iso.strip_suffix("T00:00:00").unwrap_or(iso);
            out.push_str(&date.replace('T', " "));
        }
        Data::DurationIso(iso) => out.push_str(iso),
        Data::Error(e) => return Err(e.to_string()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    fn text(cell: Data) -> Result<String, String> {
        let mut out = String::new();
        cell_text(&cell, &mut out).map(|()| out)
    }

    fn date(serial: f64, is_1904: bool) -> Data {
        Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            is_1904,
        ))
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(text(Data::Float(123.0)), Ok("123".into()));
        assert_eq!(text(Data::Float(4.0)), Ok("4".into()));
        assert_eq!(text(Data::Float(4.5)), Ok("4.5".into()));
        assert_eq!(text(Data::Int(7)), Ok("7".into()));
        assert_eq!(text(Data::Bool(true)), Ok("true".into()));
        assert_eq!(text(Data::Empty), Ok(String::new()));
    }

    #[test]
    fn dates_in_both_systems_read_as_iso_dates() {
        // 29/02/2024: serial 45351 in the 1900 system, 43889 in the 1904 one
        assert_eq!(text(date(45351.0, false)), Ok("2024-02-29".into()));
        assert_eq!(text(date(43889.0, true)), Ok("2024-02-29".into()));
        assert_eq!(text(date(60.0, false)), Ok("1900-02-29".into()));
        assert_eq!(text(date(45351.5, false)), Ok("2024-02-29 12:00".into()));
        assert_eq!(text(date(-3.0, false)), Ok("-3".into()));
        assert_eq!(
            text(Data::DateTimeIso("2024-02-29T00:00:00".into())),
            Ok("2024-02-29".into())
        );
        assert_eq!(
            text(Data::DateTimeIso("2024-02-29T08:30:00".into())),
            Ok("2024-02-29 08:30:00".into())
        );
    }

    #[test]
    fn formula_errors_are_named_as_excel_names_them() {
        assert_eq!(text(Data::Error(CellErrorType::NA)), Err("#N/A".into()));
        assert_eq!(text(Data::Error(CellErrorType::Ref)), Err("#REF!".into()));
    }

    #[test]
    fn places_are_named_as_excel_names_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
        assert_eq!(quote_sheet("Sheet1"), "Sheet1");
        assert_eq!(quote_sheet("DanhSách"), "DanhSách");
        assert_eq!(quote_sheet("Danh sách"), "'Danh sách'");
        assert_eq!(quote_sheet("O'Neil"), "'O''Neil'");
        assert_eq!(quote_sheet("2024"), "'2024'");
        assert_eq!(quote_sheet("AB12"), "'AB12'");
        assert_eq!(quote_sheet("R1C1"), "'R1C1'");
        assert_eq!(quote_sheet("Roster"), "Roster");
    }

    #[test]
    fn sheets_are_found_by_name_ignoring_case() {
        let names = vec!["Tổng hợp".to_owned(), "Danh sách".to_owned()];
        assert_eq!(find_sheet(&names, "danh sách"), Some("Danh sách".into()));
        assert_eq!(find_sheet(&names, "Danh sach"), None);
    }

    #[test]
    fn extensions_choose_the_reader_whatever_their_case() {
        assert_eq!(
            workbook_kind(Path::new("a/roster.XLSX")),
            Some(Encoding::Xlsx)
        );
        assert_eq!(
            workbook_kind(Path::new("roster.xlsm")),
            Some(Encoding::Xlsx)
        );
        assert_eq!(workbook_kind(Path::new("roster.Xls")), Some(Encoding::Xls));
        assert_eq!(workbook_kind(Path::new("roster.ods")), Some(Encoding::Ods));
        assert_eq!(workbook_kind(Path::new("roster.csv")), None);
        assert_eq!(workbook_kind(Path::new("xlsx")), None);
    }
}
