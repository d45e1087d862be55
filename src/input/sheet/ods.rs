//! The content of an .ods measured before calamine reads it, all its sheets at once
//! (it has no other way): calamine copies a cell's value once per repeat that
//! `table:number-columns-repeated` and `table:number-rows-repeated` ask for, and a
//! `<text:s text:c="…"/>` into as many spaces, so a few bytes can ask for terabytes.
//! Here the repeats are counted as calamine (0.38) makes them, capped at Excel's grid
//! as it caps them, and the cells they span and the text they copy are bounded.

use std::io::Cursor;

use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{self, Bounds, Scanner, Stop, Token};
use super::{
    Limit, MAX_CELL_XML, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_XML, MAX_WHOLE_CELLS, MAX_WHOLE_TEXT,
    Refused, Workbook, part_of,
};
use crate::diag::problem::Damage;

const CONTENT: Bounds = part_of(MAX_SHEET_XML);
const MANIFEST: Bounds = part_of(16 << 20);

/// A number in an attribute, as calamine parses it (`None` where it would refuse).
fn number(attrs: &[u8], key: &[u8]) -> Option<u64> {
    let raw = xml::attribute(attrs, key).0?;
    xml::unescape(raw)?.parse().ok()
}

/// The length of attribute `key`, unescaped.
fn length(attrs: &[u8], key: &[u8]) -> u64 {
    xml::attribute(attrs, key)
        .0
        .map_or(0, |raw| raw.len() as u64)
}

/// What has been counted of one sheet (`table:table`).
#[derive(Default)]
struct Table {
    name: String,
    rows: u64,
    /// Expanded rows holding a cell, first and last; the widest row.
    first: Option<u64>,
    last: u64,
    width: u64,
}

/// What has been counted of the row being read.
#[derive(Default)]
struct Row {
    repeats: u64,
    /// Cells calamine has made of it so far, and empty ones it has yet to make.
    cells: u64,
    pending: u64,
    /// Bytes of the copies made of its cells.
    text: u64,
}

/// The cell being read.
struct Cell {
    start: u64,
    repeats: u64,
    /// Its value's text, repeats not counted.
    text: u64,
    filled: bool,
    paragraphs: u64,
}

#[derive(Default)]
struct Count {
    table: Table,
    row: Option<Row>,
    cell: Option<Cell>,
    /// All sheets: the cells their ranges span and the text they copy.
    cells: u64,
    text: u64,
}

impl Count {
    fn refused(&self, limit: Limit) -> Refused {
        let cell = self.cell.as_ref().map(|_| {
            let column = self.row.as_ref().map_or(0, |r| r.cells);
            (self.table.rows + 1, column as usize + 1)
        });
        Refused {
            what: Workbook::TooLarge(limit),
            sheet: (!self.table.name.is_empty()).then(|| self.table.name.clone()),
            cell,
        }
    }

    fn token(&mut self, token: Token<'_>, offset: u64) -> Result<(), Refused> {
        if let Some(cell) = &self.cell
            && (offset - cell.start > MAX_CELL_XML || cell.text > MAX_CELL_XML)
        {
            return Err(self.refused(Limit::Cell { max: MAX_CELL_XML }));
        }
        match token {
            Token::Start { name, attrs, .. } => match name {
                b"table:table" => {
                    self.table = Table {
                        name: xml::attribute(attrs, b"table:name")
                            .0
                            .and_then(xml::unescape)
                            .unwrap_or_default(),
                        ..Table::default()
                    };
                }
                b"table:table-row" if self.cell.is_none() => {
                    let asked = number(attrs, b"table:number-rows-repeated").unwrap_or(1);
                    let repeats = asked.min(u64::from(MAX_ROWS).saturating_sub(self.table.rows));
                    self.row = Some(Row {
                        repeats,
                        ..Row::default()
                    });
                }
                b"table:table-cell" | b"table:covered-table-cell" if self.cell.is_none() => {
                    let Some(row) = &mut self.row else {
                        return Ok(());
                    };
                    let asked = number(attrs, b"table:number-columns-repeated").unwrap_or(1);
                    // calamine makes the empty cells before this one now
                    row.cells += row.pending.min(u64::from(MAX_COLUMNS) - row.cells);
                    row.pending = 0;
                    let value = [
                        b"office:value" as &[u8],
                        b"office:string-value",
                        b"office:date-value",
                        b"office:time-value",
                        b"office:boolean-value",
                        b"table:formula",
                    ]
                    .iter()
                    .map(|key| length(attrs, key))
                    .sum::<u64>();
                    let typed = xml::attribute(attrs, b"office:value-type").0.is_some();
                    self.cell = Some(Cell {
                        start: offset,
                        repeats: asked.min(u64::from(MAX_COLUMNS) - row.cells),
                        text: value,
                        filled: typed || value > 0,
                        paragraphs: 0,
                    });
                }
                b"text:p" => {
                    if let Some(cell) = &mut self.cell {
                        cell.paragraphs += 1;
                        cell.text += u64::from(cell.paragraphs > 1);
                    }
                }
                b"text:s" => {
                    if let Some(cell) = &mut self.cell {
                        let spaces = number(attrs, b"text:c").unwrap_or(1);
                        cell.text = cell.text.saturating_add(spaces);
                        cell.filled = true;
                    }
                }
                b"text:tab" | b"text:line-break" => {
                    if let Some(cell) = &mut self.cell {
                        cell.text += 1;
                    }
                }
                _ => {}
            },
            Token::Text { len } => {
                if let Some(cell) = &mut self.cell {
                    cell.text += len;
                    cell.filled |= len > 0;
                }
            }
            Token::End { name } => match name {
                b"table:table-cell" | b"table:covered-table-cell" => {
                    if let (Some(cell), Some(row)) = (self.cell.take(), &mut self.row) {
                        if cell.filled {
                            row.cells += cell.repeats;
                            row.text = row.text.saturating_add(cell.repeats * cell.text);
                        } else {
                            row.pending = cell.repeats;
                        }
                    }
                }
                b"table:table-row" if self.cell.is_none() => {
                    if let Some(row) = self.row.take() {
                        self.end_row(row)?;
                    }
                }
                b"table:table" => {
                    if let Some(first) = self.table.first {
                        let span = (self.table.last - first + 1) * self.table.width;
                        self.cells = self.cells.saturating_add(span);
                        if self.cells > MAX_WHOLE_CELLS {
                            return Err(self.refused(Limit::Whole {
                                max: MAX_WHOLE_CELLS,
                            }));
                        }
                    }
                }
                _ => {}
            },
        }
        Ok(())
    }

    /// A row read: the cells it spans, and the text of the copies calamine makes of
    /// it, once when reading it and once per repeat when making the sheet's range.
    fn end_row(&mut self, row: Row) -> Result<(), Refused> {
        if row.cells > 0 && row.repeats > 0 {
            self.table.first.get_or_insert(self.table.rows);
            self.table.last = self.table.rows + row.repeats - 1;
            self.table.width = self.table.width.max(row.cells);
            let span = (self.table.last - self.table.first.unwrap_or(0) + 1) * self.table.width;
            if self.cells.saturating_add(span) > MAX_WHOLE_CELLS {
                return Err(self.refused(Limit::Whole {
                    max: MAX_WHOLE_CELLS,
                }));
            }
        }
        // rows past the last one are still read, and their cells made, once
        self.cells = self.cells.saturating_add(row.cells);
        self.text = self
            .text
            .saturating_add(row.text.saturating_mul(row.repeats + 1));
        if self.text > MAX_WHOLE_TEXT {
            return Err(self.refused(Limit::WholeText {
                max: MAX_WHOLE_TEXT,
            }));
        }
        self.table.rows += row.repeats;
        Ok(())
    }
}

fn stopped(stop: Stop, part: &str, bounds: Bounds) -> Refused {
    match stop {
        Stop::Part => Limit::Part {
            part: part.to_owned(),
            max: bounds.part,
        }
        .into(),
        Stop::Markup | Stop::Text => Limit::Markup {
            part: part.to_owned(),
            max: bounds.markup as u64,
        }
        .into(),
        Stop::Truncated => Workbook::Damaged(Damage::Truncated {
            part: part.to_owned(),
        })
        .into(),
        Stop::Read(e) => Workbook::Unreadable {
            kind: "ods",
            reason: e.to_string(),
        }
        .into(),
    }
}

/// Measure the parts calamine reads when it opens the .ods in `bytes`: its manifest
/// and its content, every sheet of it.
pub(super) fn check(bytes: &[u8]) -> Result<(), Refused> {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        // calamine refuses it in its own words
        return Ok(());
    };
    for (part, bounds) in [
        ("META-INF/manifest.xml", MANIFEST),
        ("content.xml", CONTENT),
    ] {
        let entry = match zip.by_name(part) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => continue,
            Err(_) => return Ok(()),
        };
        let mut scan = Scanner::new(entry, bounds);
        let mut count = Count::default();
        loop {
            let next = match scan.next() {
                Ok(next) => next,
                Err(Stop::Text) if count.cell.is_some() => {
                    return Err(count.refused(Limit::Cell { max: MAX_CELL_XML }));
                }
                Err(stop) => return Err(stopped(stop, part, bounds)),
            };
            let Some((token, offset)) = next else {
                break;
            };
            // `<a/>` is `<a></a>` to calamine
            let end = match token {
                Token::Start {
                    name, empty: true, ..
                } => Some(name),
                _ => None,
            };
            if part == "content.xml" {
                count.token(token, offset)?;
                if let Some(name) = end {
                    count.token(Token::End { name }, offset)?;
                }
            }
        }
    }
    Ok(())
}
