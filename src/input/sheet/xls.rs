//! An .xls measured before calamine reads it whole. Its container (a compound
//! file) is a file system of sectors chained by tables that the file itself
//! writes: calamine (0.38) follows a chain until it ends, so a chain that loops
//! grows its buffer until memory runs out, and a sector or table entry past the end
//! is indexed without a check. Its records then say where each sheet starts and
//! how large it is, and calamine reserves and fills a grid from them.
//!
//! Here the container is walked as calamine walks it, each chain bounded by the
//! sectors there are, and the records of every sheet are read for what calamine
//! allocates from: the sheet offsets, the declared dimensions, and the span of
//! the cells, all sheets together bounded as for an .ods. Every record calamine
//! parses is held first to what it reads of it unchecked (`records.rs`, one
//! table for the globals and one for the sheets).

mod records;

use super::{Limit, MAX_WHOLE_CELLS, Refused, Workbook};
use crate::diag::problem::Damage;
use records::{Biff, Records};

/// The first bytes of a compound file (the container of .xls, and of encrypted .xlsx).
pub(super) const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream, in sectors of 64 bytes.
const MINI_CUTOFF: usize = 4096;
const MINI: usize = 64;

fn container() -> Refused {
    Workbook::Damaged(Damage::Container).into()
}

fn record() -> Refused {
    Workbook::Damaged(Damage::Record).into()
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// `Ok(None)`: calamine stops there with an error of its own, which is safe.
type Walk<T> = Result<Option<T>, Refused>;

/// The container as calamine opens it.
struct Container<'a> {
    bytes: &'a [u8],
    size: usize,
    header: usize,
    maxid: u64,
    fats: Vec<u32>,
    mini_fats: Vec<u32>,
    mini: Vec<u8>,
    /// (name, start, length) of each directory entry.
    entries: Vec<(String, u32, usize)>,
}

impl<'a> Container<'a> {
    /// Sector `id` as calamine reads it: `None` past the bound it checks, refused
    /// past the file, where it would slice beyond what it read.
    fn sector(&self, id: u32) -> Walk<&'a [u8]> {
        if u64::from(id) > self.maxid {
            return Ok(None);
        }
        let start = self.header + id as usize * self.size;
        match self.bytes.get(start..start + self.size) {
            Some(sector) => Ok(Some(sector)),
            None => Err(container()),
        }
    }

    /// The chain of sectors from `id`, up to `len` bytes, as calamine follows it:
    /// refused when it loops (more links than sectors) or links to no entry.
    fn chain(&self, mut id: u32, fats: &[u32], len: usize) -> Walk<Vec<u8>> {
        let mut out = Vec::new();
        let mut links = 0u64;
        while id != END_OF_CHAIN {
            let Some(sector) = self.sector(id)? else {
                return Ok(None);
            };
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            links += 1;
            if links > self.maxid + 1 {
                return Err(container());
            }
            id = *fats.get(id as usize).ok_or_else(container)?;
        }
        Ok(Some(out))
    }

    /// The chain of mini sectors from `id`, up to `len` bytes.
    fn mini_chain(&self, mut id: u32, len: usize) -> Walk<Vec<u8>> {
        let mut out = Vec::new();
        let mut links = 0usize;
        while id != END_OF_CHAIN {
            if u64::from(id) > self.maxid * 8 {
                return Ok(None);
            }
            let start = id as usize * MINI;
            let sector = self.mini.get(start..start + MINI).ok_or_else(container)?;
            out.extend_from_slice(&sector[..MINI.min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            links += 1;
            if links > self.mini.len() / MINI + 1 {
                return Err(container());
            }
            id = *self.mini_fats.get(id as usize).ok_or_else(container)?;
        }
        Ok(Some(out))
    }

    /// The stream `name` (ignoring ASCII case) as calamine reads it.
    fn stream(&self, name: &str) -> Walk<Vec<u8>> {
        let Some(&(_, start, len)) = self
            .entries
            .iter()
            .find(|(n, ..)| n.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        if len < MINI_CUTOFF {
            self.mini_chain(start, len)
        } else {
            self.chain(start, &self.fats, len)
        }
    }
}

/// Walk the container in `bytes` as calamine opens it; `None` where calamine
/// refuses it itself.
fn open(bytes: &[u8]) -> Walk<Container<'_>> {
    if bytes.len() < 512 || bytes[..8] != SIGNATURE {
        return Ok(None);
    }
    let field = |at| u32_at(bytes, at).unwrap_or(0);
    let version = u16_at(bytes, 26).unwrap_or(0);
    let (size, header) = match u16_at(bytes, 30) {
        Some(9) => (512, 512),
        Some(12) if bytes.len() >= 4096 => (4096, 4096),
        _ => return Ok(None),
    };
    if u16_at(bytes, 32) != Some(6) {
        return Ok(None);
    }
    let mut c = Container {
        bytes,
        size,
        header,
        maxid: (bytes.len() / size) as u64,
        fats: Vec::new(),
        mini_fats: Vec::new(),
        mini: Vec::new(),
        entries: Vec::new(),
    };
    let mut difat: Vec<u32> = u32s(&bytes[76..512]).collect();
    let mut id = field(68);
    let mut sectors = 0u64;
    while id < RESERVED {
        sectors += 1;
        if sectors > c.maxid + 1 {
            return Ok(None);
        }
        let Some(sector) = c.sector(id)? else {
            return Ok(None);
        };
        difat.extend(u32s(sector));
        let Some(next) = difat.pop() else {
            return Ok(None);
        };
        id = next;
    }
    // more tables of sectors than sectors: each would be copied, over and over
    let tables: Vec<u32> = difat.into_iter().filter(|&id| id < DIFAT_SECTOR).collect();
    if tables.len() as u64 > c.maxid + 1 {
        return Err(container());
    }
    for id in tables {
        let Some(sector) = c.sector(id)? else {
            return Ok(None);
        };
        c.fats.extend(u32s(sector));
    }
    let Some(directory) = c.chain(field(48), &c.fats, usize::MAX)? else {
        return Ok(None);
    };
    for entry in directory.chunks_exact(128) {
        let units: Vec<u16> = entry[..64]
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .collect();
        let mut name = String::from_utf16_lossy(&units);
        if let Some(nul) = name.find('\0') {
            name.truncate(nul);
        }
        let start = u32_at(entry, 116).unwrap_or(0);
        let len = if size == 512 {
            u64::from(u32_at(entry, 120).unwrap_or(0))
        } else {
            u64::from_le_bytes(entry[120..128].try_into().unwrap_or([0; 8]))
        };
        c.entries
            .push((name, start, usize::try_from(len).unwrap_or(usize::MAX)));
    }
    let Some(&(_, root, root_len)) = c.entries.first() else {
        return Ok(None);
    };
    if version != 3 && root == END_OF_CHAIN {
        return Ok(None);
    }
    let mini_fat_len = field(64) as usize;
    if mini_fat_len > 0 {
        let Some(mini) = c.chain(root, &c.fats, root_len)? else {
            return Ok(None);
        };
        let Some(table) = c.chain(field(60), &c.fats, mini_fat_len.saturating_mul(size))? else {
            return Ok(None);
        };
        c.mini = mini;
        c.mini_fats = u32s(&table).collect();
    }
    Ok(Some(c))
}

/// The container of an encrypted .xlsx, which calamine opens to say so.
pub(super) fn check_container(bytes: &[u8]) -> Result<(), Refused> {
    open(bytes).map(|_| ())
}

/// Measure the .xls in `bytes` as calamine reads it: its container, then the
/// records of every sheet.
pub(super) fn check(bytes: &[u8]) -> Result<(), Refused> {
    let Some(container) = open(bytes)? else {
        return Ok(());
    };
    let stream = match container.stream("Workbook")? {
        Some(stream) => stream,
        None => match container.stream("Book")? {
            Some(stream) => stream,
            None => return Ok(()),
        },
    };
    check_records(&stream)
}

/// The cells a sheet spans: rows and columns from the first to the last used.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    columns: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, column: u32) {
        let widen = |range: &mut Option<(u32, u32)>, n: u32| {
            *range = Some(range.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))));
        };
        widen(&mut self.rows, row);
        widen(&mut self.columns, column);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.columns) {
            (Some((r0, r1)), Some((c0, c1))) => u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1),
            _ => 0,
        }
    }
}

fn check_records(stream: &[u8]) -> Result<(), Refused> {
    let whole = || {
        Refused::from(Limit::Whole {
            max: MAX_WHOLE_CELLS,
        })
    };
    // the globals, up to the first EOF: the version of the file as BOF records
    // set it, and where each sheet starts
    let mut biff = Biff::Eight;
    let mut sheets = Vec::new();
    for r in (Records { stream }) {
        if !records::global_fits(&r, biff, stream.len()) {
            return Err(record());
        }
        match r.typ {
            // FilePass: calamine stops, the workbook is encrypted (and so are the
            // records after it)
            0x002F if u16_at(r.data, 0) != Some(0) => return Ok(()),
            0x0809 => biff = Biff::of_bof(r.data),
            0x0085 => sheets.extend(u32_at(r.data, 0).map(|pos| pos as usize)),
            0x000A => break,
            _ => {}
        }
    }
    let mut spanned = 0u64;
    for pos in sheets {
        let mut span = Span::default();
        let mut formulas = Span::default();
        let (mut seen_bof, mut depth) = (false, 0usize);
        let mut formula_at = (0, 0);
        for r in (Records {
            stream: &stream[pos..],
        }) {
            let (typ, data) = (r.typ, r.data);
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            if !records::cell_fits(&r, biff) {
                return Err(record());
            }
            let at = |data: &[u8]| Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                // Dimensions: calamine reserves room for the grid they declare
                0x0200 => {
                    let Some((first_row, last_row, first_col, last_col)) =
                        records::dimensions(data)
                    else {
                        break;
                    };
                    // (rows and columns that underflow do not fit: refused above)
                    if last_row >= 1 && last_col >= 1 {
                        let rows = u64::from(last_row - first_row);
                        let columns = u64::from(last_col - first_col);
                        if rows * columns > MAX_WHOLE_CELLS {
                            return Err(whole());
                        }
                    }
                }
                // Number, Label, RString, BoolErr, Rk, LabelSst
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                    if let Some((row, column)) = at(data) {
                        span.add(row, column);
                    }
                }
                0x0006 => {
                    if let Some((row, column)) = at(data) {
                        span.add(row, column);
                        formulas.add(row, column);
                        formula_at = (row, column);
                    }
                }
                // String: the text a formula gave, a cell where the last formula
                // was (where none was: A1)
                0x0207 => span.add(formula_at.0, formula_at.1),
                // MulRk: a run of cells along a row
                0x00BD if data.len() >= 6 => {
                    let (row, first) = at(data).unwrap_or((0, 0));
                    let last = u32::from(u16_at(data, data.len() - 2).unwrap_or(0));
                    span.add(row, first);
                    span.add(row, last);
                }
                0x000A => break,
                _ => {}
            }
        }
        // calamine makes a grid of the cells and another of the formulas
        spanned = spanned
            .saturating_add(span.cells())
            .saturating_add(formulas.cells());
        if spanned > MAX_WHOLE_CELLS {
            return Err(whole());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of type `typ` holding `data`.
    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend((data.len() as u16).to_le_bytes());
        r.extend(data);
        r
    }

    /// A workbook stream of one sheet whose records are `cells`.
    fn book(cells: &[Vec<u8>]) -> Vec<u8> {
        let bof = rec(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        let eof = rec(0x000A, &[]);
        // the sheet starts after the globals: BOF, BoundSheet8 (6 bytes and a
        // name of 1), EOF
        let pos = (bof.len() + 4 + 9 + eof.len()) as u32;
        let mut sheet = pos.to_le_bytes().to_vec();
        sheet.extend([0, 0, 1, 0, b'S']);
        let mut stream = [bof.clone(), rec(0x0085, &sheet), eof.clone(), bof].concat();
        stream.extend(cells.concat());
        stream.extend(eof);
        stream
    }

    /// A Number record at `row`, `col`.
    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0; 10]);
        rec(0x0203, &data)
    }

    #[test]
    fn a_formula_text_before_any_formula_is_a_cell_at_a1() {
        let far = number(65535, 300);
        assert!(check_records(&book(std::slice::from_ref(&far))).is_ok());
        let text = rec(0x0207, &[0, 0, 0]);
        assert!(check_records(&book(&[far, text])).is_err());
    }

    #[test]
    fn a_name_record_without_its_fields_is_refused() {
        let stream = book(&[]);
        assert!(check_records(&stream).is_ok());
        let mut named = rec(0x0809, &[0x00, 0x06, 0x05, 0x00]);
        named.extend(rec(0x0018, &[]));
        named.extend(&stream[8..]);
        // (the sheet's position is now 4 bytes off: the Lbl record is refused first)
        assert!(check_records(&named).is_err());
    }
}
