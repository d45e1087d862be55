//! A worksheet of a workbook (.xlsx, .xlsm, .xls, .ods) as rows of text.
//!
//! calamine reads the workbook; this module chooses the sheet, finds the header under
//! the title rows HR templates put above it, and writes every cell as the text a CSV
//! export of it would hold, so that a sheet feeds the same row and typed-value
//! pipeline as a CSV file (`table/`, then `roster.rs` / `enrolments.rs`): an id typed
//! as the number 123 reads "123", a real Excel date (1900 or 1904 system) reads
//! "2024-02-29", which the date parser of CSV then reads. It also names places as
//! Excel does (`'Danh sách'!C14`).
//!
//! A workbook is a zip of XML (or, for .xls, a binary container) whose headers and
//! sizes can say anything: before calamine reads a part, the part is measured
//! against the limits below in bounded memory (`xlsx.rs`, `ods.rs`, `xls.rs`), so
//! that a small file cannot make calamine allocate gigabytes, and a cell reference
//! that would overflow its arithmetic never reaches it. An .xlsx sheet is then read
//! as a stream of rows; .xls and .ods, which calamine only reads whole, within a
//! bound on the cells their sheets span.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, DataRef, Range, Reader, SheetType, Sheets};

pub use crate::diag::place::{HEADER_SEARCH_ROWS, column_letters, quote_sheet};
use crate::diag::problem::{Limit, Workbook};
use crate::input::columns::{self, ColumnSpec};
use crate::input::records::MAX_FIELD_BYTES;
use crate::input::source::Encoding;

mod ods;
mod xls;
mod xlsx;
mod xml;

/// The largest serial Excel shows as a date (31/12/9999 in the 1900 system).
const MAX_DATE_SERIAL: f64 = 2_958_466.0;

/// Excel's grid: the last cell of a sheet is XFD1048576.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;

/// Cells written in one sheet of an .xlsx, empty ones included: 64 full columns of
/// Excel's grid, more than a roster of a whole country fills.
pub const MAX_CELLS: u64 = 64 * MAX_ROWS as u64;

/// The unpacked XML of one sheet of an .xlsx, up to its last cell: about that many
/// cells at their longest. It is read as a stream, so this bounds time, not memory.
pub const MAX_SHEET_XML: u64 = 4 << 30;

/// The unpacked text every cell of an .xlsx shares (xl/sharedStrings.xml), which
/// calamine holds in memory: a country's names and ids take under half of it.
pub const MAX_SHARED_XML: u64 = 256 << 20;

/// One cell in the file (its XML in an .xlsx, its text in an .ods), or one shared
/// text: 16 times the largest cell accepted, room for text written with escapes.
/// Between the two, a cell is read and its row refused (`too-large`); past this, the
/// workbook is, before anything buffers it.
pub const MAX_CELL_XML: u64 = 1 << 20;

/// One tag of a workbook's XML.
const MAX_MARKUP: usize = 64 << 10;

/// The bounds of a part of a workbook's XML that may unpack to `part` bytes: its
/// tags and its runs of text are bounded alike in every part.
const fn part_of(part: u64) -> xml::Bounds {
    xml::Bounds {
        part,
        markup: MAX_MARKUP,
        text: MAX_CELL_XML,
    }
}

/// Text of one row kept in memory, as for a record of CSV; a cell past it is only
/// measured, and refused.
const MAX_ROW_BYTES: usize = 1 << 20;

/// Cells that a workbook read whole (.xls, .ods) may span, all its sheets together:
/// as many as a full sheet of the old .xls format (65,536 rows × 256 columns).
pub const MAX_WHOLE_CELLS: u64 = 1 << 24;

/// Text that a workbook read whole may hold, repeated cells counted each time.
pub const MAX_WHOLE_TEXT: u64 = 256 << 20;

/// Rows read ahead of the one being checked.
const ROWS_AHEAD: usize = 8;

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

/// Why a workbook is not read, and where: in which sheet, at which cell (sheet row
/// from 1, column from 1) when one is to blame.
#[derive(Debug)]
pub struct Refused {
    pub what: Workbook,
    pub sheet: Option<String>,
    pub cell: Option<(u64, usize)>,
}

impl From<Workbook> for Refused {
    fn from(what: Workbook) -> Refused {
        Refused {
            what,
            sheet: None,
            cell: None,
        }
    }
}

impl From<Limit> for Refused {
    fn from(limit: Limit) -> Refused {
        Workbook::TooLarge(limit).into()
    }
}

impl Refused {
    fn in_sheet(self, name: &str) -> Refused {
        Refused {
            sheet: Some(name.to_owned()),
            ..self
        }
    }
}

/// One row of a sheet as the text a CSV export of it would hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextRow {
    /// The sheet's row, from 1.
    pub number: u64,
    /// Its cells one after another.
    pub text: String,
    /// Each cell's byte range in `text`: cell `i` is column `i + 1`, up to the last
    /// cell written.
    pub cells: Vec<(usize, usize)>,
    /// Formula errors (`#N/A`), by 0-based column.
    pub errors: Vec<(usize, String)>,
    /// Cells too large to keep (left empty in `text`), by 0-based column, with their
    /// size in bytes.
    pub oversized: Vec<(usize, usize)>,
}

impl TextRow {
    fn clear(&mut self) {
        self.text.clear();
        self.cells.clear();
        self.errors.clear();
        self.oversized.clear();
    }

    /// Its cells as text, from column A.
    fn cell_texts(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|&(start, end)| self.text.get(start..end).unwrap_or("").to_owned())
            .collect()
    }
}

/// A cell written into a row being built.
struct Part {
    column: u32,
    start: usize,
    end: usize,
    error: Option<String>,
    oversized: Option<usize>,
}

/// Builds rows from cells as a reader gives them: in order of rows, each row's cells
/// in any order (a later cell of a column replaces an earlier one, as in calamine's
/// ranges). Rows with nothing in them are not built: they are the gaps between rows.
#[derive(Default)]
struct RowBuilder {
    row: Option<u32>,
    text: String,
    parts: Vec<Part>,
    anything: bool,
}

impl RowBuilder {
    /// Add the cell at (`row`, `column`), 0-based, written by `write`; `blank` when it
    /// holds nothing but spaces. Returns the row before, when this cell starts another.
    fn push(
        &mut self,
        row: u32,
        column: u32,
        blank: bool,
        write: impl FnOnce(&mut String) -> Result<(), String>,
    ) -> Option<TextRow> {
        let done = if self.row == Some(row) {
            None
        } else {
            let done = self.finish();
            self.row = Some(row);
            done
        };
        let start = self.text.len();
        let error = write(&mut self.text).err();
        let len = self.text.len() - start;
        let oversized = (len > MAX_FIELD_BYTES || self.text.len() > MAX_ROW_BYTES).then(|| {
            self.text.truncate(start);
            len
        });
        self.anything |= !blank || error.is_some() || oversized.is_some();
        self.parts.push(Part {
            column,
            start,
            end: self.text.len(),
            error,
            oversized,
        });
        done
    }

    fn push_data(&mut self, row: u32, column: u32, cell: &Data) -> Option<TextRow> {
        if matches!(cell, Data::Empty) {
            return None;
        }
        let blank = matches!(cell, Data::String(s) if s.trim().is_empty());
        self.push(row, column, blank, |out| cell_text(cell, out))
    }

    fn push_ref(&mut self, row: u32, column: u32, cell: &DataRef<'_>) -> Option<TextRow> {
        match cell {
            DataRef::Empty => None,
            DataRef::SharedString(s) => self.push(row, column, s.trim().is_empty(), |out| {
                out.push_str(s);
                Ok(())
            }),
            DataRef::String(s) => self.push(row, column, s.trim().is_empty(), |out| {
                out.push_str(s);
                Ok(())
            }),
            other => {
                let cell = Data::from(other.clone());
                self.push(row, column, false, |out| cell_text(&cell, out))
            }
        }
    }

    /// The row being built, unless nothing is in it.
    fn finish(&mut self) -> Option<TextRow> {
        let row = self.row.take()?;
        let text = std::mem::take(&mut self.text);
        let mut parts = std::mem::take(&mut self.parts);
        if !std::mem::take(&mut self.anything) {
            return None;
        }
        parts.sort_by_key(|p| p.column);
        let mut out = TextRow {
            number: u64::from(row) + 1,
            text,
            ..TextRow::default()
        };
        for (i, part) in parts.iter().enumerate() {
            if parts
                .get(i + 1)
                .is_some_and(|next| next.column == part.column)
            {
                continue;
            }
            let column = part.column as usize;
            out.cells.resize(column, (0, 0));
            out.cells.push((part.start, part.end));
            if let Some(error) = &part.error {
                out.errors.push((column, error.clone()));
            }
            if let Some(len) = part.oversized {
                out.oversized.push((column, len));
            }
        }
        Some(out)
    }
}

/// Where the rows of a sheet come from.
enum Rows {
    /// An .xlsx sheet, read on a thread of its own as a stream of cells.
    Stream(xlsx::Stream),
    /// A sheet calamine read whole (.xls, .ods), turned into rows one by one.
    Whole {
        cells: Range<Data>,
        next: usize,
    },
    Ended,
}

impl Rows {
    /// The next row with anything in it; `Err` with the reader's words.
    fn next(&mut self) -> Result<Option<TextRow>, String> {
        match self {
            Rows::Ended => Ok(None),
            Rows::Stream(rows) => match rows.recv() {
                Ok(xlsx::Message::Row(row)) => Ok(Some(row)),
                Ok(xlsx::Message::End) => {
                    *self = Rows::Ended;
                    Ok(None)
                }
                Ok(xlsx::Message::Failed(reason)) => {
                    *self = Rows::Ended;
                    Err(reason)
                }
                Err(_) => {
                    *self = Rows::Ended;
                    Err("the reader of the sheet stopped".to_owned())
                }
            },
            Rows::Whole { cells, next } => {
                let (top, left) = cells.start().unwrap_or((0, 0));
                let mut builder = RowBuilder::default();
                while *next < cells.height() {
                    let r = *next;
                    *next += 1;
                    for c in 0..cells.width() {
                        if let Some(cell) = cells.get((r, c)) {
                            builder.push_data(top + r as u32, left + c as u32, cell);
                        }
                    }
                    if let Some(row) = builder.finish() {
                        return Ok(Some(row));
                    }
                }
                *self = Rows::Ended;
                Ok(None)
            }
        }
    }
}

/// One worksheet, and how far its rows have been read.
pub struct Sheet {
    pub name: String,
    rows: Rows,
    /// Rows taken from `rows` and not yet read: those searched for the header.
    ahead: VecDeque<TextRow>,
    /// The sheet row (from 1) that `read` gives next.
    next: u64,
}

/// What the header search found.
pub enum HeaderSearch {
    /// The sheet has no cell at all.
    Empty,
    /// None of the rows searched names a known column.
    NotFound { rows: u32 },
    /// The sheet row (from 1) naming the most known columns, and its cells as text.
    Found { row: u64, cells: Vec<String> },
}

/// The bytes of a workbook, shared by calamine and the checks run before it reads.
#[derive(Clone)]
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Sheet {
    /// The sheet of the workbook in `bytes` named `wanted` (Excel's names are
    /// case-insensitive), or its first worksheet. Every part that calamine would
    /// read is measured against the limits first, and the refusal says which limit
    /// was passed, or what went wrong; for a sheet it does not have, which sheets it has.
    pub fn open(bytes: Vec<u8>, kind: Encoding, wanted: Option<&str>) -> Result<Sheet, Refused> {
        let unreadable = |e: &dyn std::fmt::Display| {
            Refused::from(Workbook::Unreadable {
                kind: kind.name(),
                reason: e.to_string(),
            })
        };
        let bytes = Shared(Arc::new(bytes));
        let mut book: Sheets<Cursor<Shared>> = match kind {
            Encoding::Xls => {
                xls::check(&bytes.0)?;
                Sheets::Xls(whole(&bytes, kind)?)
            }
            Encoding::Ods => {
                ods::check(&bytes.0)?;
                Sheets::Ods(whole(&bytes, kind)?)
            }
            _ => {
                let parts = xlsx::check_book(&bytes.0)?;
                let book: calamine::Xlsx<_> =
                    calamine::open_workbook_from_rs(Cursor::new(bytes.clone()))
                        .map_err(|e| unreadable(&e))?;
                let name = choose(book.sheets_metadata(), wanted)?;
                xlsx::check_sheet(&bytes.0, &parts, &name).map_err(|r| r.in_sheet(&name))?;
                let rows = xlsx::stream(book, name.clone(), ROWS_AHEAD);
                return Ok(Sheet::of(name, Rows::Stream(rows)));
            }
        };
        let name = choose(book.sheets_metadata(), wanted)?;
        let cells = book
            .worksheet_range(&name)
            .map_err(|e| Workbook::SheetUnreadable {
                name: name.clone(),
                reason: e.to_string(),
            })?;
        Ok(Sheet::of(name, Rows::Whole { cells, next: 0 }))
    }

    fn of(name: String, rows: Rows) -> Sheet {
        Sheet {
            name,
            rows,
            ahead: VecDeque::new(),
            next: 1,
        }
    }

    /// The row among the first [`HEADER_SEARCH_ROWS`] of the sheet that names the
    /// most columns of `specs` (the first of those on a tie); reading goes on below it.
    /// `Err` with the reader's words when the sheet cannot be read that far.
    pub fn find_header(&mut self, specs: &[ColumnSpec]) -> Result<HeaderSearch, String> {
        let searched = u64::from(HEADER_SEARCH_ROWS);
        while self.ahead.back().is_none_or(|row| row.number <= searched) {
            match self.rows.next()? {
                Some(row) => self.ahead.push_back(row),
                None => break,
            }
        }
        let Some(last) = self.ahead.back() else {
            return Ok(HeaderSearch::Empty);
        };
        let rows = last.number.min(searched) as u32;
        let mut best: Option<(usize, usize)> = None;
        for (at, row) in self.ahead.iter().enumerate() {
            if row.number > searched {
                break;
            }
            let mut found = vec![false; specs.len()];
            for cell in row.cell_texts() {
                if let Some(s) = columns::find(specs, &cell) {
                    found[s] = true;
                }
            }
            let named = found.iter().filter(|&&f| f).count();
            if named > best.map_or(0, |(n, _)| n) {
                best = Some((named, at));
            }
        }
        let Some((_, at)) = best else {
            return Ok(HeaderSearch::NotFound { rows });
        };
        let header = self.ahead.drain(..=at).next_back().unwrap_or_default();
        self.next = header.number + 1;
        Ok(HeaderSearch::Found {
            row: header.number,
            cells: header.cell_texts(),
        })
    }

    /// Read the next row into `row`: whether it is blank (a row with nothing in it
    /// between rows that have something); `None` after the last row holding anything.
    /// `Err` with the reader's words when the sheet cannot be read on.
    pub fn read(&mut self, row: &mut TextRow) -> Result<Option<bool>, String> {
        if self.ahead.is_empty() {
            match self.rows.next()? {
                Some(next) => self.ahead.push_back(next),
                None => return Ok(None),
            }
        }
        let Some(number) = self.ahead.front().map(|r| r.number) else {
            return Ok(None);
        };
        if self.next < number {
            row.clear();
            row.number = self.next;
            self.next += 1;
            return Ok(Some(true));
        }
        if let Some(next) = self.ahead.pop_front() {
            *row = next;
        }
        self.next = number + 1;
        Ok(Some(false))
    }
}

/// calamine's `open` of a workbook it reads whole (`T`, of `kind`), on a thread
/// of its own: should it stop on something the checks before it did not foresee,
/// the workbook is refused rather than the run ended.
fn whole<T>(bytes: &Shared, kind: Encoding) -> Result<T, Refused>
where
    T: Reader<Cursor<Shared>> + Send + 'static,
    T::Error: std::fmt::Display + Send + 'static,
{
    let cursor = Cursor::new(bytes.clone());
    let open = move || calamine::open_workbook_from_rs::<T, _>(cursor);
    let unreadable = |reason: String| {
        Refused::from(Workbook::Unreadable {
            kind: kind.name(),
            reason,
        })
    };
    let reader = std::thread::Builder::new()
        .name("workbook".into())
        .spawn(open)
        .map_err(|e| unreadable(e.to_string()))?;
    match reader.join() {
        Ok(Ok(book)) => Ok(book),
        Ok(Err(e)) => Err(unreadable(e.to_string())),
        Err(_) => Err(unreadable("the reader stopped on it".to_owned())),
    }
}

/// The worksheet named `wanted` (exactly, else ignoring case), or the first one.
fn choose(sheets: &[calamine::Sheet], wanted: Option<&str>) -> Result<String, Refused> {
    let names: Vec<String> = sheets
        .iter()
        .filter(|s| matches!(s.typ, SheetType::WorkSheet))
        .map(|s| s.name.clone())
        .collect();
    match wanted {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Workbook::NoWorksheet.into()),
        Some(wanted) => find_sheet(&names, wanted).ok_or_else(|| {
            Workbook::NoSuchSheet {
                wanted: wanted.to_owned(),
                sheets: names.clone(),
            }
            .into()
        }),
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
        for (column, letters) in [(1, "A"), (26, "Z"), (27, "AA"), (703, "AAA")] {
            assert_eq!(column_letters(column), letters, "{column}");
        }
        for (sheet, quoted) in [
            ("Sheet1", "Sheet1"),
            ("DanhSách", "DanhSách"),
            ("Danh sách", "'Danh sách'"),
            ("O'Neil", "'O''Neil'"),
            ("2024", "'2024'"),
            ("AB12", "'AB12'"),
            ("R1C1", "'R1C1'"),
            ("Roster", "Roster"),
        ] {
            assert_eq!(quote_sheet(sheet), quoted, "{sheet:?}");
        }
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
