//! The parts of an .xlsx that calamine reads, measured before it reads them and
//! found as calamine finds them (its 0.38 lookups, mirrored: a part that it would
//! read and that was not measured is a way around every limit), then the rows of
//! one sheet read as a stream on a thread of their own.
//!
//! What calamine does with a part, and so what is bounded here:
//! - it holds the shared strings, every one, and reserves room for as many as the
//!   part announces: their XML is bounded, each string too, and the count announced;
//! - it builds a style per cell format, copying its font's name and its number
//!   format into each: the formats are counted and their copies bounded;
//! - in a sheet, it turns each cell reference into numbers with arithmetic that
//!   overflows past three letters or seven digits (`AAAAAAAA1`): every reference is
//!   checked against Excel's grid, A1:XFD1048576, first; and it buffers a cell's
//!   XML whole: each cell is bounded.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::mpsc::{self, Receiver, RecvError, SyncSender};
use std::thread::JoinHandle;

use calamine::Xlsx;
use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{self, Bounds, Scanner, Stop, Token};
use super::{
    Limit, MAX_CELL_XML, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SHARED_XML, MAX_SHEET_XML, Refused,
    RowBuilder, Shared, TextRow, Workbook, column_letters, part_of,
};
use crate::diag::problem::Damage;

/// A row of the sheet, or how its reading ended.
pub(super) enum Message {
    Row(TextRow),
    End,
    /// calamine's words.
    Failed(String),
}

/// The small parts: relationships, the workbook's list of sheets, its theme.
const SMALL: Bounds = part_of(16 << 20);
const SHARED: Bounds = part_of(MAX_SHARED_XML);
const STYLES: Bounds = part_of(64 << 20);
const SHEET: Bounds = part_of(MAX_SHEET_XML);

/// Cell formats, fonts, fills, borders or number formats in a workbook: Excel keeps
/// at most about 64,000 cell formats.
const MAX_FORMATS: u64 = 65_536;

/// What the styles calamine builds may take: each cell format is a style of a few
/// hundred bytes plus copies of its font's name and of its number format.
const MAX_STYLES_MEMORY: u64 = 64 << 20;
const STYLE_BYTES: u64 = 1 << 10;

/// A count of shared strings announced that calamine may reserve room for even when
/// the part holds fewer: a few megabytes at most.
const ANNOUNCED_FREELY: u64 = 1 << 20;

/// What calamine takes for one shared string besides its text: the `String` and
/// the allocator's own share.
const SHARED_STRING_BYTES: u64 = 64;

/// What holding the shared strings may take, per byte of the workbook file: a real
/// roster's strings (names, units, titles, each once) unpack to five or six times
/// their packed size, and so take well under this; a bomb of tiny strings, far more.
const SHARED_MEMORY_PER_FILE_BYTE: u64 = 8;

/// What the shared strings of a small workbook may take whatever its size.
const SHARED_MEMORY_FREELY: u64 = 32 << 20;

/// What was found of the workbook as calamine opens it: its parts' folder and the
/// part of each sheet, by name, in order.
pub(super) struct Parts {
    sheets: Vec<(String, String)>,
}

/// A scan that stopped: at a bound, or because of what it found.
enum Fail {
    Stop(Stop),
    Refused(Refused),
}

impl From<Refused> for Fail {
    fn from(refused: Refused) -> Fail {
        Fail::Refused(refused)
    }
}

impl From<Workbook> for Fail {
    fn from(what: Workbook) -> Fail {
        Fail::Refused(what.into())
    }
}

fn unreadable(reason: impl std::fmt::Display) -> Refused {
    Workbook::Unreadable {
        kind: "xlsx",
        reason: reason.to_string(),
    }
    .into()
}

/// The refusal for a scan of `part` stopped at a bound; `text`, the limit its text
/// passed.
fn stopped(stop: Stop, part: &str, bounds: Bounds, text: Limit) -> Refused {
    match stop {
        Stop::Part => Limit::Part {
            part: part.to_owned(),
            max: bounds.part,
        }
        .into(),
        Stop::Markup => Limit::Markup {
            part: part.to_owned(),
            max: bounds.markup as u64,
        }
        .into(),
        Stop::Text => text.into(),
        Stop::Truncated => Workbook::Damaged(Damage::Truncated {
            part: part.to_owned(),
        })
        .into(),
        Stop::Read(e) => unreadable(e),
    }
}

/// The limit passed by a run of text outside the cells of `part`.
fn run(part: &str) -> Limit {
    Limit::Markup {
        part: part.to_owned(),
        max: MAX_CELL_XML,
    }
}

/// The zip of a workbook, and calamine's way of finding a part in it: the entry
/// whose name matches ignoring ASCII case and reading `\` as `/` (the last such),
/// else the name as given.
struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    names: HashMap<String, String>,
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>, Refused> {
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
        let mut names = HashMap::with_capacity(archive.len());
        for name in archive.file_names() {
            let name = name.map_err(unreadable)?;
            names.insert(
                name.replace('\\', "/").to_ascii_lowercase(),
                name.into_owned(),
            );
        }
        Ok(Zip { archive, names })
    }

    /// Scan `path` token by token with `each` (given the token and the bytes read
    /// before it ends) until it returns `false`; `false` when there is no such part.
    fn scan(
        &mut self,
        path: &str,
        bounds: Bounds,
        mut each: impl FnMut(Token<'_>, u64) -> Result<bool, Fail>,
    ) -> Result<bool, Fail> {
        let name = self
            .names
            .get(&path.to_ascii_lowercase())
            .map_or(path, String::as_str);
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(false),
            Err(e) => return Err(unreadable(e).into()),
        };
        let mut scan = Scanner::new(entry, bounds);
        loop {
            let Some((token, offset)) = scan.next().map_err(Fail::Stop)? else {
                return Ok(true);
            };
            // `<a/>` is `<a></a>` to calamine
            let end = match token {
                Token::Start {
                    name, empty: true, ..
                } => Some(name),
                _ => None,
            };
            if !each(token, offset)? {
                return Ok(true);
            }
            if let Some(name) = end
                && !each(Token::End { name }, offset)?
            {
                return Ok(true);
            }
        }
    }

    /// `scan`, a stop at a bound worded as a limit of `path` (its text: `text`).
    fn check(
        &mut self,
        path: &str,
        bounds: Bounds,
        text: Limit,
        each: impl FnMut(Token<'_>, u64) -> Result<bool, Fail>,
    ) -> Result<bool, Refused> {
        self.scan(path, bounds, each).map_err(|fail| match fail {
            Fail::Refused(refused) => refused,
            Fail::Stop(stop) => stopped(stop, path, bounds, text),
        })
    }
}

/// The value of attribute `key` of a tag; a tag giving it twice is refused, as
/// calamine would not read the value it was checked by.
fn attribute<'t>(attrs: &'t [u8], key: &[u8], part: &str) -> Result<Option<&'t [u8]>, Fail> {
    match xml::attribute(attrs, key) {
        (_, true) => Err(Workbook::Damaged(Damage::AttributeTwice {
            part: part.to_owned(),
        })
        .into()),
        (value, false) => Ok(value),
    }
}

/// Measure every part calamine reads when it opens the workbook in `bytes`, and find
/// the part of each sheet as it does.
pub(super) fn check_book(bytes: &[u8]) -> Result<Parts, Refused> {
    if bytes.starts_with(&super::xls::SIGNATURE) {
        // an encrypted workbook is a container of the old format, which calamine
        // opens to say so
        super::xls::check_container(bytes)?;
    }
    let mut zip = Zip::open(bytes)?;
    let text = run;

    // the package's relationships name the workbook's part: `xl/workbook.xml`
    let rels = "_rels/.rels";
    let mut inside = false;
    let mut target = None;
    zip.check(rels, SMALL, text(rels), |token, _| {
        match token {
            Token::Start { name, attrs, .. } => match Token::local(name) {
                b"Relationships" => inside = true,
                b"Relationship" if inside => {
                    let typ = attribute(attrs, b"Type", rels)?;
                    let to = attribute(attrs, b"Target", rels)?;
                    if let (Some(typ), Some(to)) = (typ, to)
                        && typ.ends_with(b"/relationships/officeDocument")
                    {
                        target = xml::unescape(to);
                    }
                }
                _ => {}
            },
            Token::End { name } if inside && Token::local(name) == b"Relationships" => {
                return Ok(false);
            }
            _ => {}
        }
        Ok(true)
    })?;
    let Some(target) = target else {
        // calamine refuses it in its own words
        return Ok(Parts { sheets: Vec::new() });
    };
    let (dir, file) = target.split_at(target.rfind('/').map_or(0, |i| i + 1));
    let xl = dir.strip_prefix('/').unwrap_or(dir).to_owned();
    let workbook = if file.is_empty() {
        "workbook.xml"
    } else {
        file
    };

    let file_size = bytes.len() as u64;
    check_shared_strings(&mut zip, &format!("{xl}sharedStrings.xml"), file_size)?;
    let theme = format!("{xl}theme/theme1.xml");
    zip.check(&theme, SMALL, text(&theme), |_, _| Ok(true))?;
    check_styles(&mut zip, &format!("{xl}styles.xml"))?;

    // the workbook's relationships: where each sheet's part is
    let rels = format!("{xl}_rels/{workbook}.rels");
    let mut targets: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
    zip.check(&rels, SMALL, text(&rels), |token, _| {
        match token {
            Token::Start { name, attrs, .. } if Token::local(name) == b"Relationship" => {
                if let Some(id) = attribute(attrs, b"Id", &rels)? {
                    let to = attribute(attrs, b"Target", &rels)?.unwrap_or_default();
                    targets.insert(id.to_vec(), to.to_vec());
                }
            }
            Token::End { name } if Token::local(name) == b"Relationships" => return Ok(false),
            _ => {}
        }
        Ok(true)
    })?;

    // the workbook: its sheets' names, each with its relationship
    let part = format!("{xl}{workbook}");
    let mut sheets = Vec::new();
    zip.check(&part, SMALL, text(&part), |token, _| {
        match token {
            Token::Start { name, attrs, .. } if Token::local(name) == b"sheet" => {
                let mut sheet = None;
                let mut id: &[u8] = b"";
                for (key, value) in xml::attributes(attrs) {
                    if key == b"name" {
                        sheet = xml::unescape(value);
                    } else if Token::local(key) == b"id" {
                        id = value;
                    }
                }
                if let (Some(sheet), Some(to)) = (sheet, targets.get(id)) {
                    let to = String::from_utf8_lossy(to);
                    let path = match to.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("{xl}{to}"),
                    };
                    sheets.push((sheet, path));
                }
            }
            Token::End { name } if Token::local(name) == b"workbook" => return Ok(false),
            _ => {}
        }
        Ok(true)
    })?;
    Ok(Parts { sheets })
}

/// The shared strings: their XML, each string, the count announced, which calamine
/// reserves room for before reading one, and what holding them all will take: a
/// string costs calamine its text and a few dozen bytes of its own, so a part of a
/// few hundred kilobytes that unpacks to millions of tiny strings would take a
/// gigabyte. That is bounded by the size of the file, as a real export's strings
/// compress a few times and no more (see [`SHARED_MEMORY_PER_FILE_BYTE`]).
fn check_shared_strings(zip: &mut Zip<'_>, part: &str, file_size: u64) -> Result<(), Refused> {
    let mut announced = None;
    let mut strings = 0u64;
    let mut unpacked = 0u64;
    let mut open: Option<u64> = None;
    let too_long = |index| Limit::SharedString {
        index,
        max: MAX_CELL_XML,
    };
    let scanned = zip.scan(part, SHARED, |token, offset| {
        unpacked = offset;
        if let Some(start) = open
            && offset - start > MAX_CELL_XML
        {
            return Err(Refused::from(too_long(strings)).into());
        }
        match token {
            Token::Start { name, attrs, .. } => match Token::local(name) {
                b"sst" if announced.is_none() => {
                    announced = Some(
                        attribute(attrs, b"uniqueCount", part)?
                            .and_then(|n| std::str::from_utf8(n).ok()?.parse::<u64>().ok()),
                    );
                }
                b"si" => {
                    strings += 1;
                    open = Some(offset);
                }
                _ => {}
            },
            Token::End { name } => match Token::local(name) {
                b"si" => open = None,
                b"sst" => return Ok(false),
                _ => {}
            },
            Token::Text { .. } => {}
        }
        Ok(true)
    });
    match scanned {
        Ok(_) => {}
        Err(Fail::Refused(refused)) => return Err(refused),
        Err(Fail::Stop(stop)) => return Err(stopped(stop, part, SHARED, too_long(strings))),
    }
    let max = SHARED_MEMORY_FREELY.max(file_size.saturating_mul(SHARED_MEMORY_PER_FILE_BYTE));
    if unpacked.saturating_add(strings.saturating_mul(SHARED_STRING_BYTES)) > max {
        return Err(Limit::SharedMemory { max }.into());
    }
    if let Some(Some(declared)) = announced
        && declared > strings.max(ANNOUNCED_FREELY)
    {
        return Err(Workbook::Damaged(Damage::StringCount {
            declared,
            found: strings,
        })
        .into());
    }
    Ok(())
}

/// The styles: how many of each, and what the copies calamine makes of them take.
fn check_styles(zip: &mut Zip<'_>, part: &str) -> Result<(), Refused> {
    let mut in_cell_formats = false;
    let mut counts = [0u64; 5];
    let (mut longest_name, mut longest_format) = (0u64, 0u64);
    let too_many = Limit::Formats { max: MAX_FORMATS };
    zip.check(part, STYLES, run(part), |token, _| {
        match token {
            Token::Start { name, attrs, .. } => {
                let len = (name.len() + attrs.len()) as u64;
                let counted = match Token::local(name) {
                    b"cellXfs" => {
                        in_cell_formats = true;
                        None
                    }
                    b"xf" if in_cell_formats => Some(0),
                    b"font" => Some(1),
                    b"fill" => Some(2),
                    b"border" => Some(3),
                    b"numFmt" => {
                        longest_format = longest_format.max(len);
                        Some(4)
                    }
                    b"name" => {
                        longest_name = longest_name.max(len);
                        None
                    }
                    _ => None,
                };
                if let Some(i) = counted {
                    counts[i] += 1;
                    if counts[i] > MAX_FORMATS {
                        return Err(Refused::from(too_many.clone()).into());
                    }
                }
            }
            Token::End { name } if Token::local(name) == b"cellXfs" => in_cell_formats = false,
            _ => {}
        }
        Ok(true)
    })?;
    if counts[0] * (STYLE_BYTES + longest_name + longest_format) > MAX_STYLES_MEMORY {
        return Err(Limit::Styles {
            max: MAX_STYLES_MEMORY,
        }
        .into());
    }
    Ok(())
}

/// A cell reference as calamine reads one: letters, then digits.
#[derive(Debug, PartialEq, Eq)]
enum Reference {
    /// The 0-based row and column (none without letters).
    Cell(u32, Option<u32>),
    /// Past XFD1048576.
    Outside,
    /// Not a cell at all.
    Not,
}

fn reference(raw: &[u8]) -> Reference {
    let letters = raw.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (letters, digits) = raw.split_at(letters);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Reference::Not;
    }
    let column = letters.iter().fold(0u64, |n, b| {
        (n * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1).min(u64::MAX / 32)
    });
    let row = digits.iter().fold(0u64, |n, b| {
        (n * 10 + u64::from(b - b'0')).min(u64::MAX / 16)
    });
    if row == 0 {
        return Reference::Not;
    }
    if row > u64::from(MAX_ROWS) || column > u64::from(MAX_COLUMNS) {
        return Reference::Outside;
    }
    // both within Excel's grid, so within u32
    let column = (column > 0).then(|| column as u32 - 1);
    Reference::Cell(row as u32 - 1, column)
}

/// The reference as a message quotes it.
fn quoted(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    match text.char_indices().nth(24) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.into_owned(),
    }
}

/// A cell reference that calamine will read: `Err` past Excel's grid or for what is
/// not a cell; `column` says whether it needs letters.
fn cell(raw: &[u8], column: bool) -> Result<(u32, Option<u32>), Fail> {
    match reference(raw) {
        Reference::Cell(row, col) if col.is_some() || !column => Ok((row, col)),
        Reference::Outside => Err(Refused::from(Limit::Outside {
            reference: quoted(raw),
        })
        .into()),
        _ => Err(Workbook::Damaged(Damage::Reference {
            reference: quoted(raw),
        })
        .into()),
    }
}

/// Where the scan of a sheet is: the cell positions calamine will give, worked out
/// as it works them out (a cell without a reference is the one after the last).
#[derive(Default)]
struct Walk {
    in_data: bool,
    row: u32,
    column: u32,
    cells: u64,
    last_row: Option<u32>,
    /// The cell being read: where its XML began, and its position.
    open: Option<(u64, (u32, u32))>,
}

/// Measure the sheet `name`'s part before calamine streams it: its XML up to the end
/// of its cells, each cell reference, the cells' count, order and sizes.
pub(super) fn check_sheet(bytes: &[u8], parts: &Parts, name: &str) -> Result<(), Refused> {
    let Some((_, part)) = parts.sheets.iter().find(|(sheet, _)| sheet == name) else {
        // calamine found a sheet where this reading of its workbook did not: it
        // cannot be measured, so it is not read
        return Err(unreadable("its sheets cannot be found as they are listed"));
    };
    let mut zip = Zip::open(bytes)?;
    let mut walk = Walk::default();
    let at = |(row, col): (u32, u32), refused: Refused| Refused {
        cell: Some((u64::from(row) + 1, col as usize + 1)),
        ..refused
    };
    let scanned = zip.scan(part, SHEET, |token, offset| {
        if let Some((start, pos)) = walk.open
            && offset - start > MAX_CELL_XML
        {
            return Err(at(pos, Limit::Cell { max: MAX_CELL_XML }.into()).into());
        }
        match token {
            Token::Start { name, attrs, .. } => match Token::local(name) {
                b"dimension" if !walk.in_data => {
                    if let Some(range) = attribute(attrs, b"ref", part)? {
                        dimension(range)?;
                    }
                }
                b"sheetData" if !walk.in_data => walk.in_data = true,
                b"row" if walk.in_data && walk.open.is_none() => {
                    if let Some(r) = attribute(attrs, b"r", part)? {
                        walk.row = cell(r, false)?.0;
                    }
                }
                b"c" if walk.in_data && walk.open.is_none() => {
                    let pos = match attribute(attrs, b"r", part)? {
                        Some(r) => {
                            let (row, col) = cell(r, true)?;
                            (row, col.unwrap_or(0))
                        }
                        None => (walk.row, walk.column),
                    };
                    if pos.0 >= MAX_ROWS || pos.1 >= MAX_COLUMNS {
                        let reference = format!("{}{}", column_letters(pos.1 as usize + 1), {
                            u64::from(pos.0) + 1
                        });
                        return Err(Refused::from(Limit::Outside { reference }).into());
                    }
                    walk.cells += 1;
                    if walk.cells > MAX_CELLS {
                        return Err(at(pos, Limit::Cells { max: MAX_CELLS }.into()).into());
                    }
                    if let Some(last) = walk.last_row
                        && pos.0 < last
                    {
                        return Err(Workbook::Damaged(Damage::RowOrder {
                            row: u64::from(pos.0) + 1,
                            after: u64::from(last) + 1,
                        })
                        .into());
                    }
                    walk.last_row = Some(pos.0);
                    walk.column = pos.1 + 1;
                    walk.open = Some((offset, pos));
                }
                _ => {}
            },
            Token::End { name } if walk.in_data => match Token::local(name) {
                b"c" => walk.open = None,
                b"row" if walk.open.is_none() => {
                    walk.row += 1;
                    walk.column = 0;
                }
                b"sheetData" if walk.open.is_none() => return Ok(false),
                _ => {}
            },
            _ => {}
        }
        Ok(true)
    });
    match scanned {
        Ok(_) => Ok(()),
        Err(Fail::Refused(refused)) => Err(refused),
        Err(Fail::Stop(stop)) => Err(match walk.open {
            Some((_, pos)) => {
                let text = Limit::Cell { max: MAX_CELL_XML };
                match stopped(stop, part, SHEET, text) {
                    refused @ Refused {
                        what: Workbook::TooLarge(Limit::Cell { .. }),
                        ..
                    } => at(pos, refused),
                    refused => refused,
                }
            }
            None => stopped(stop, part, SHEET, run(part)),
        }),
    }
}

/// A sheet's dimension, `A1` or `A1:F200`, as calamine reads it: each end a cell,
/// the second not before the first.
fn dimension(range: &[u8]) -> Result<(), Fail> {
    let mut ends = Vec::new();
    for end in range.split(|&b| b == b':') {
        let (row, col) = cell(end, true)?;
        ends.push((row, col.unwrap_or(0)));
    }
    if let [first, last] = ends[..]
        && (last.0 < first.0 || last.1 < first.1)
    {
        return Err(Workbook::Damaged(Damage::Reference {
            reference: quoted(range),
        })
        .into());
    }
    Ok(())
}

/// Read the sheet `name` of `book` on a thread of its own, row by row, at most
/// `ahead` rows ahead of the reader.
pub(super) fn stream(book: Xlsx<Cursor<Shared>>, name: String, ahead: usize) -> Stream {
    let (rows, receiver) = mpsc::sync_channel(ahead);
    let spawned = std::thread::Builder::new().name("sheet".into()).spawn({
        let rows = rows.clone();
        move || read_rows(book, &name, &rows)
    });
    let reader = match spawned {
        Ok(reader) => Some(reader),
        Err(e) => {
            let _ = rows.send(Message::Failed(e.to_string()));
            None
        }
    };
    Stream {
        rows: receiver,
        reader,
    }
}

/// The rows of a sheet as its thread reads them. Dropped, it lets the thread end
/// (its next row finds no one to take it) and waits for it: no reader outlives
/// its sheet, still holding the workbook.
pub(super) struct Stream {
    rows: Receiver<Message>,
    reader: Option<JoinHandle<()>>,
}

impl Stream {
    /// The next message of the reader; `Err` once it is gone.
    pub(super) fn recv(&self) -> Result<Message, RecvError> {
        self.rows.recv()
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        drop(std::mem::replace(&mut self.rows, mpsc::sync_channel(0).1));
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

fn read_rows(mut book: Xlsx<Cursor<Shared>>, name: &str, rows: &SyncSender<Message>) {
    let mut cells = match book.worksheet_cells_reader(name) {
        Ok(cells) => cells,
        Err(e) => {
            let _ = rows.send(Message::Failed(e.to_string()));
            return;
        }
    };
    let mut builder = RowBuilder::default();
    loop {
        let row = match cells.next_cell() {
            Ok(Some(cell)) => {
                let (row, column) = cell.get_position();
                builder.push_ref(row, column, cell.get_value())
            }
            Ok(None) => {
                if let Some(row) = builder.finish() {
                    let _ = rows.send(Message::Row(row));
                }
                let _ = rows.send(Message::End);
                return;
            }
            Err(e) => {
                let _ = rows.send(Message::Failed(e.to_string()));
                return;
            }
        };
        // a reader gone (the file refused, the run over) ends the reading
        if let Some(row) = row
            && rows.send(Message::Row(row)).is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_past_excels_grid_or_not_cells_are_told_apart() {
        assert_eq!(reference(b"A1"), Reference::Cell(0, Some(0)));
        assert_eq!(
            reference(b"xfd1048576"),
            Reference::Cell(1_048_575, Some(16_383))
        );
        assert_eq!(reference(b"12"), Reference::Cell(11, None));
        assert_eq!(reference(b"XFE1"), Reference::Outside);
        assert_eq!(reference(b"A1048577"), Reference::Outside);
        assert_eq!(reference(b"AAAAAAAA1"), Reference::Outside);
        assert_eq!(reference(&[b'A'; 4000]), Reference::Not);
        let mut long = vec![b'A'; 4000];
        long.push(b'1');
        assert_eq!(reference(&long), Reference::Outside);
        assert_eq!(reference(b"A99999999999999999999999"), Reference::Outside);
        assert_eq!(reference(b"A0"), Reference::Not);
        assert_eq!(reference(b"1A"), Reference::Not);
        assert_eq!(reference(b"A$1"), Reference::Not);
        assert_eq!(reference(b""), Reference::Not);
    }
}
