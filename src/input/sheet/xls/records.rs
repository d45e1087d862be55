//! The records of an .xls workbook stream as calamine (0.38, `xls.rs`) reads them
//! when it opens the workbook, and the one table of what it reads from each
//! without checking that the bytes are there.
//!
//! calamine opens an .xls by reading it all: the globals (from the start of the
//! stream up to the first EOF record), then every sheet that a BoundSheet8 record
//! names, each cell and each formula, whichever sheet is asked for. Most of its
//! parsers check a record's length first; those below do not, and index past its
//! end (a panic), or subtract into underflow. [`global_fits`] and [`cell_fits`]
//! say, record by record, whether calamine stays within the bytes, following its
//! own bookkeeping: the records joined to their Continue records as its
//! `RecordIter` joins them, and the BIFF version as its BOF records set it.
//!
//! Where calamine stops with an error of its own, the record "fits": it is not
//! ours to refuse. A formula is walked on past an operator that finds too few
//! operands (calamine stops there), so such a formula is held to the lengths of
//! all its tokens: one that is well formed has them all.

use super::{u16_at, u32_at};

/// Continue: the bytes of the record before it, carried on.
const CONTINUE: u16 = 0x003C;

/// One record as calamine's `RecordIter` gives it: its type, its bytes, and the
/// bytes of the Continue records that follow it.
pub(super) struct Record<'a> {
    pub(super) typ: u16,
    pub(super) data: &'a [u8],
    cont: Vec<&'a [u8]>,
}

/// The records of a stream from some position, as calamine splits them. It ends
/// where calamine stops with an error (a record or a continuation longer than
/// what is left).
pub(super) struct Records<'a> {
    pub(super) stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;
    fn next(&mut self) -> Option<Record<'a>> {
        let typ = u16_at(self.stream, 0)?;
        let len = u16_at(self.stream, 2)? as usize;
        let data = self.stream.get(4..4 + len)?;
        self.stream = &self.stream[4 + len..];
        let mut cont = Vec::new();
        // calamine joins a Continue record only when more than its header is left
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(CONTINUE) {
            let len = u16_at(self.stream, 2)? as usize;
            cont.push(self.stream.get(4..4 + len)?);
            self.stream = &self.stream[4 + len..];
        }
        Some(Record { typ, data, cont })
    }
}

/// The version of the file format as calamine tells them apart where they are
/// read differently: BIFF8 (Excel 97 and later, what calamine assumes until a BOF
/// record says otherwise), or an older one (BIFF2 to BIFF5).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Biff {
    Old,
    Eight,
}

impl Biff {
    /// The version a BOF record sets, as calamine's `parse_bof` reads it.
    pub(super) fn of_bof(data: &[u8]) -> Biff {
        match (u16_at(data, 0), u16_at(data, 2)) {
            (Some(0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500), _) => Biff::Old,
            (Some(0), Some(0x1000)) => Biff::Old,
            _ => Biff::Eight,
        }
    }
}

/// Whether a build checks arithmetic for overflow (debug builds, the tests and the
/// fuzzers: debug assertions stand for it). calamine adds one to a row of a
/// formula's reference in 16 bits: row 65,536 panics there, where a release build
/// wraps it in a formula text that boiduong never reads.
const OVERFLOW_CHECKED: bool = cfg!(debug_assertions);

/// Whether calamine reads the record `r` of the globals within its bytes, in a
/// stream of `stream_len` bytes, the file at version `biff`. Each arm names what
/// calamine reads unchecked.
pub(super) fn global_fits(r: &Record<'_>, biff: Biff, stream_len: usize) -> bool {
    let len = r.data.len();
    match r.typ {
        // FilePass (encryption), CodePage, DateMode: `read_u16(r.data)`
        0x002F | 0x0042 | 0x0022 => len >= 2,
        // BOF: the version, `read_u16(&r.data[..2])`
        0x0809 => len >= 2,
        // BoundSheet8: lbPlyPos `read_u32`, hsState `r.data[4]`, dt `r.data[5]`;
        // the sheet's records are then read from `&stream[pos..]`
        0x0085 => len >= 6 && u32_at(r.data, 0).is_some_and(|pos| pos as usize <= stream_len),
        // ExternSheet, in BIFF8 only: cXTI, `read_u16(r.data)`
        0x0017 => biff == Biff::Old || len >= 2,
        // Lbl: cch `r.data[3]`, cce `read_u16(&r.data[4..])`, the name from
        // `&r.data[14..]`, its formula the last cce bytes `&r.data[len - cce..]`
        0x0018 => {
            let Some(cce) = u16_at(r.data, 4).filter(|_| len >= 14) else {
                return false;
            };
            let cce = cce as usize;
            cce <= len && defined_name_fits(&r.data[len - cce..], biff)
        }
        // SST: the strings, across the record and its continuations
        0x00FC => shared_strings_fit(r),
        _ => true,
    }
}

/// Whether calamine reads the record `r` of a sheet within its bytes (and its
/// arithmetic within its types), the globals having ended at version `biff`.
pub(super) fn cell_fits(r: &Record<'_>, biff: Biff) -> bool {
    let data = r.data;
    match r.typ {
        // Dimensions: rows `end.0 - start.0 + 1` where the end is the last row
        // less one (when both are at least 1), and columns likewise
        0x0200 => dimensions(data).is_none_or(|(first_row, last_row, first_col, last_col)| {
            last_row == 0 || last_col == 0 || (last_row > first_row && last_col > first_col)
        }),
        // MulRk (calamine checks 6 bytes): colLast − colFirst + 1 in 16 bits
        0x00BD => match (u16_at(data, 2), data.len().checked_sub(2)) {
            (Some(first), Some(at)) if data.len() >= 6 => {
                u16_at(data, at).is_some_and(|last| last >= first && last - first < u16::MAX)
            }
            _ => true,
        },
        // MergeCells: cmcs `read_u16(r)`, then cmcs ranges of 8 bytes each
        0x00E5 => u16_at(data, 0).is_some_and(|count| data.len() >= 2 + 8 * count as usize),
        // Formula (calamine checks 20 bytes): cce `read_u16(&r.data[20..])`, then
        // its tokens `&rgce[2..2 + cce]`
        0x0006 if data.len() >= 20 => {
            let Some(cce) = u16_at(data, 20) else {
                return false;
            };
            data.get(22..22 + cce as usize)
                .is_some_and(|rgce| formula_fits(rgce, biff))
        }
        _ => true,
    }
}

/// A Dimensions record as calamine's `parse_dimensions` reads it: the first row,
/// the last row plus one, the first column (0 where it is past 0xFF or past the
/// last), the last column plus one; `None` at a length calamine refuses.
pub(super) fn dimensions(data: &[u8]) -> Option<(u32, u32, u32, u32)> {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        // BIFF8's 14 bytes, and 2 more that some writers add
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        _ => return None,
    };
    let first_col = if first_col > 0xFF || last_col < first_col {
        0
    } else {
        first_col
    };
    Some((first_row, last_row, first_col, last_col))
}

/// The bytes of a defined name's formula that calamine's `parse_defined_names`
/// reads from its first token (a reference to another sheet, a range of one, or
/// either of them lost), the formula at version `biff`.
fn defined_name_fits(rgce: &[u8], biff: Biff) -> bool {
    let needs = match (rgce.first(), biff) {
        (None, _) => 0,
        // PtgRef3d: ixti, row, col (BIFF8); ixals, 8 reserved, itabFirst,
        // itabLast, row, col (older)
        (Some(0x3a | 0x5a | 0x7a), Biff::Eight) => 7,
        (Some(0x3a | 0x5a | 0x7a), Biff::Old) => 18,
        // PtgArea3d: ixti, rowFirst, rowLast, colFirst, colLast; or the older
        // header and rows of 2 bytes, columns of 1
        (Some(0x3b | 0x5b | 0x7b), Biff::Eight) => 11,
        (Some(0x3b | 0x5b | 0x7b), Biff::Old) => 21,
        // PtgRefErr3d, PtgAreaErr3d: the sheet only (ixti; or itabFirst, older)
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), Biff::Eight) => 3,
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), Biff::Old) => 13,
        (Some(_), _) => 1,
    };
    rgce.len() >= needs
}

/// What calamine's `parse_formula` does with one token of a formula.
enum Token {
    /// Reads its operand (this many bytes after the token) and goes on after it.
    Operand(usize),
    /// Stops with an error: the tokens after it are not read.
    Stop,
    /// Overflows a 16-bit row (where overflow is checked).
    Overflows,
}

/// The number of functions calamine knows (`FTAB_LEN`); a function past them
/// stops its formula.
const FUNCTIONS: u16 = 485;

/// A row plus one overflows 16 bits (row 65,536, stored as 0xFFFF).
fn last_row(operand: &[u8], at: usize) -> bool {
    OVERFLOW_CHECKED && u16_at(operand, at) == Some(u16::MAX)
}

/// The token `ptg` of a formula, `rest` the bytes after it, as calamine's
/// `parse_formula` reads it at version `biff`.
fn token(ptg: u8, rest: &[u8], biff: Biff) -> Token {
    let old = biff == Biff::Old;
    // the operand of a reference within the sheet, and of a range: shorter before BIFF8
    let (cell, area) = if old { (3, 6) } else { (4, 8) };
    match ptg {
        // PtgRef3d: ixti, row (`rowu + 1`, 16 bits), col
        0x3a | 0x5a | 0x7a if last_row(rest, 2) => Token::Overflows,
        // PtgRef3d, PtgRefErr3d: 6 bytes (BIFF8's layout, whatever the version)
        0x3a | 0x5a | 0x7a | 0x3c | 0x5c | 0x7c => Token::Operand(6),
        // PtgArea3d, PtgAreaErr3d
        0x3b | 0x5b | 0x7b | 0x3d | 0x5d | 0x7d => Token::Operand(10),
        // PtgExp: calamine checks its 4 bytes
        0x01 if rest.len() < 4 => Token::Stop,
        0x01 => Token::Operand(4),
        // operators, PtgParen, PtgMissArg: no operand
        0x03..=0x16 => Token::Operand(0),
        // PtgStr: calamine checks its length byte and characters
        0x17 => match (rest.first(), rest.get(1)) {
            (None, _) => Token::Stop,
            (Some(&cch), _) if old => match 1 + cch as usize {
                n if rest.len() < n => Token::Stop,
                n => Token::Operand(n),
            },
            (Some(_), None) => Token::Stop,
            (Some(&cch), Some(&flags)) => {
                let chars = if flags & 1 != 0 { 2 } else { 1 } * cch as usize;
                match 2 + chars {
                    n if rest.len() < n => Token::Stop,
                    n => Token::Operand(n),
                }
            }
        },
        // PtgElf… and the like: skipped, 5 bytes
        0x18 => Token::Operand(5),
        // PtgAttr…: its kind `rgce[0]`, then by kind
        0x19 => attribute(rest),
        // PtgErr: `rgce[0]`, an error code calamine knows or it stops
        0x1C => match rest.first() {
            Some(e) if ![0x00, 0x07, 0x0F, 0x17, 0x1D, 0x24, 0x2A, 0x2B].contains(e) => Token::Stop,
            _ => Token::Operand(1),
        },
        // PtgBool, PtgInt, PtgNum, PtgArray
        0x1D => Token::Operand(1),
        0x1E => Token::Operand(2),
        0x1F => Token::Operand(8),
        0x20 | 0x40 | 0x60 => Token::Operand(7),
        // PtgFunc: iftab `read_u16(rgce)`, a function calamine knows or it stops
        0x21 | 0x41 | 0x61 => match u16_at(rest, 0) {
            Some(iftab) if iftab >= FUNCTIONS => Token::Stop,
            _ => Token::Operand(2),
        },
        // PtgFuncVar: argc, iftab
        0x22 | 0x42 | 0x62 => Token::Operand(3),
        // PtgName: `read_u32(rgce) as usize - 1`, one-based
        0x23 | 0x43 | 0x63 if u32_at(rest, 0) == Some(0) => Token::Overflows,
        0x23 | 0x43 | 0x63 => Token::Operand(4),
        // PtgRef: row (BIFF8: `read_u16(rgce) + 1`, 16 bits), col
        0x24 | 0x44 | 0x64 if !old && last_row(rest, 0) => Token::Overflows,
        0x24 | 0x44 | 0x64 | 0x2A | 0x4A | 0x6A => Token::Operand(cell),
        // PtgArea, PtgAreaErr
        0x25 | 0x45 | 0x65 | 0x2B | 0x4B | 0x6B => Token::Operand(area),
        // PtgNameX
        0x39 | 0x59 => Token::Operand(6),
        _ => Token::Stop,
    }
}

/// PtgAttr…: its kind, then what calamine reads of each (the kind counted).
fn attribute(rest: &[u8]) -> Token {
    match rest.first() {
        None => Token::Operand(1),
        // PtgAttrSemi, PtgAttrIf, PtgAttrGoto, PtgAttrBaxcel, PtgAttrSum
        Some(0x01 | 0x02 | 0x08 | 0x20 | 0x21 | 0x10) => Token::Operand(3),
        // PtgAttrChoose: cOffset, then cOffset + 1 offsets of 2 bytes
        Some(0x04) => match u16_at(rest, 1) {
            Some(n) => Token::Operand(3 + 2 * (n as usize + 1)),
            None => Token::Operand(3),
        },
        // PtgAttrSpace: the kind of space (one calamine knows or it stops), a count
        Some(0x40 | 0x41) => match rest.get(1) {
            Some(&space) if space > 0x06 => Token::Stop,
            _ => Token::Operand(3),
        },
        Some(_) => Token::Stop,
    }
}

/// Whether calamine reads every token of the formula `rgce` within it.
fn formula_fits(mut rgce: &[u8], biff: Biff) -> bool {
    while let Some((&ptg, rest)) = rgce.split_first() {
        match token(ptg, rest, biff) {
            Token::Operand(n) => match rest.get(n..) {
                Some(after) => rgce = after,
                None => return false,
            },
            Token::Stop => return true,
            Token::Overflows => return false,
        }
    }
    true
}

/// The bytes of a record and of its continuations, read as calamine's `Record`
/// reads them: a piece at a time.
struct Pieces<'a, 'r> {
    data: &'a [u8],
    cont: std::slice::Iter<'r, &'a [u8]>,
}

impl Pieces<'_, '_> {
    /// On to the next continuation (`continue_record`); false after the last.
    fn next_piece(&mut self) -> bool {
        match self.cont.next() {
            Some(piece) => {
                self.data = piece;
                true
            }
            None => false,
        }
    }

    /// `Record::skip`: false where calamine runs out of pieces (an error).
    fn skip(&mut self, mut len: usize) -> bool {
        while len > 0 {
            if self.data.is_empty() && !self.next_piece() {
                return false;
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        true
    }
}

/// Whether calamine's `parse_sst` reads the shared strings of the SST record `r`
/// within its pieces. Each string (`read_rich_extended_string`) starts with
/// cch, its flags, cRun if rich and cbExtRst if extended, read from the piece at
/// hand unchecked; its characters (`read_dbcs`) may run on into the next piece,
/// whose first byte (the flags again, `r.data[0]`) is read unchecked.
fn shared_strings_fit(r: &Record<'_>) -> bool {
    // cstTotal, cstUnique: calamine checks them
    let Some(data) = r.data.get(8..) else {
        return true;
    };
    let mut pieces = Pieces {
        data,
        cont: r.cont.iter(),
    };
    loop {
        if pieces.data.is_empty() {
            if pieces.next_piece() {
                continue;
            }
            return true;
        }
        let data = pieces.data;
        let (Some(cch), Some(&flags)) = (u16_at(data, 0), data.get(2)) else {
            return true; // under 3 bytes: calamine's error
        };
        let rich = flags & 0x8 != 0;
        let extended = flags & 0x4 != 0;
        let header = 3 + if rich { 2 } else { 0 } + if extended { 4 } else { 0 };
        if data.len() < header {
            return false;
        }
        let runs = if rich {
            u16_at(data, 3).unwrap_or(0)
        } else {
            0
        };
        // cbExtRst, the last 4 bytes of the header: `read_i32(..) as usize`, where
        // a negative size skips past every piece
        let ext = match u32_at(data, header.saturating_sub(4)) {
            Some(size) if extended => usize::try_from(size as i32).unwrap_or(usize::MAX),
            _ => 0,
        };
        pieces.data = &data[header..];
        let mut left = cch as usize;
        let mut wide = flags & 0x1 != 0;
        while left > 0 {
            let chars = if wide {
                left.min(pieces.data.len() / 2)
            } else {
                left.min(pieces.data.len())
            };
            pieces.data = &pieces.data[if wide { 2 * chars } else { chars }..];
            left -= chars;
            if left > 0 {
                if !pieces.next_piece() {
                    return true; // calamine's error: the string is cut short
                }
                let Some((&flags, rest)) = pieces.data.split_first() else {
                    return false;
                };
                wide = flags & 0x1 != 0;
                pieces.data = rest;
            }
        }
        if !pieces.skip(4 * runs as usize) || !pieces.skip(ext) {
            return true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Record<'_> {
        Record {
            typ,
            data,
            cont: Vec::new(),
        }
    }

    #[test]
    fn a_name_shorter_than_its_fixed_fields_does_not_fit() {
        assert!(!global_fits(&record(0x0018, &[]), Biff::Eight, 0));
        assert!(!global_fits(&record(0x0018, &[0; 13]), Biff::Eight, 0));
        assert!(global_fits(&record(0x0018, &[0; 14]), Biff::Eight, 0));
    }

    #[test]
    fn a_name_whose_formula_is_longer_than_the_record_does_not_fit() {
        let mut lbl = vec![0; 15];
        lbl[4] = 16;
        assert!(!global_fits(&record(0x0018, &lbl), Biff::Eight, 0));
        lbl[4] = 15;
        assert!(global_fits(&record(0x0018, &lbl), Biff::Eight, 0));
    }

    #[test]
    fn a_name_reading_a_cell_of_another_sheet_needs_its_operand_at_its_version() {
        // header of 14 bytes, then a PtgRef3d of 7 bytes (BIFF8's layout)
        let mut lbl = vec![0; 14];
        lbl[4] = 7;
        lbl.extend([0x3a, 0, 0, 0, 0, 0, 0]);
        assert!(global_fits(&record(0x0018, &lbl), Biff::Eight, 0));
        assert!(!global_fits(&record(0x0018, &lbl), Biff::Old, 0));
        lbl[4] = 6;
        lbl.pop();
        assert!(!global_fits(&record(0x0018, &lbl), Biff::Eight, 0));
    }

    #[test]
    fn the_version_is_read_as_calamine_reads_a_bof_record() {
        assert_eq!(Biff::of_bof(&[0x00, 0x06, 0x05, 0x00]), Biff::Eight);
        assert_eq!(Biff::of_bof(&[0x00, 0x05, 0x05, 0x00]), Biff::Old);
        assert_eq!(Biff::of_bof(&[0x00, 0x00, 0x00, 0x10]), Biff::Old);
        assert_eq!(Biff::of_bof(&[0x00, 0x00]), Biff::Eight);
        assert_eq!(Biff::of_bof(&[0x34, 0x12]), Biff::Eight);
    }

    #[test]
    fn a_formula_whose_token_runs_past_its_end_does_not_fit() {
        // PtgInt 7, PtgNum missing 4 of its 8 bytes
        assert!(formula_fits(&[0x1E, 7, 0], Biff::Eight));
        assert!(!formula_fits(&[0x1E, 7, 0, 0x1F, 0, 0, 0, 0], Biff::Eight));
        // a token calamine does not know stops it: what follows is not read
        assert!(formula_fits(&[0x02, 0x1F], Biff::Eight));
        // a reference within the sheet takes 4 bytes in BIFF8, 3 before
        assert!(!formula_fits(&[0x24, 0, 0, 0], Biff::Eight));
        assert!(formula_fits(&[0x24, 0, 0, 0], Biff::Old));
    }

    #[test]
    fn a_formula_naming_name_zero_does_not_fit() {
        assert!(!formula_fits(&[0x23, 0, 0, 0, 0], Biff::Eight));
        assert!(formula_fits(&[0x23, 1, 0, 0, 0], Biff::Eight));
    }

    #[test]
    fn a_formula_record_is_held_to_the_length_it_gives_its_formula() {
        let mut f = vec![0; 20];
        assert!(!cell_fits(&record(0x0006, &f), Biff::Eight));
        f.extend([3, 0, 0x1E, 1]);
        assert!(!cell_fits(&record(0x0006, &f), Biff::Eight));
        f.push(0);
        assert!(cell_fits(&record(0x0006, &f), Biff::Eight));
        // under 20 bytes calamine refuses it itself
        assert!(cell_fits(&record(0x0006, &[0; 19]), Biff::Eight));
    }

    #[test]
    fn merged_cells_are_held_to_their_count() {
        assert!(!cell_fits(&record(0x00E5, &[]), Biff::Eight));
        assert!(!cell_fits(&record(0x00E5, &[1, 0, 0, 0]), Biff::Eight));
        assert!(cell_fits(
            &record(0x00E5, &[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            Biff::Eight
        ));
    }

    #[test]
    fn a_run_of_numbers_across_every_column_does_not_fit() {
        let mut rk = vec![0; 6];
        assert!(cell_fits(&record(0x00BD, &rk), Biff::Eight));
        rk[4] = 0xFF;
        rk[5] = 0xFF;
        assert!(!cell_fits(&record(0x00BD, &rk), Biff::Eight));
    }

    #[test]
    fn shared_strings_read_across_continuations_as_calamine_reads_them() {
        // 8 bytes of counts, then "ab" (cch 2, flags 0) cut after "a"
        let sst = [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, b'a'];
        let mut r = record(0x00FC, &sst);
        // no continuation: calamine's own error
        assert!(shared_strings_fit(&r));
        // a continuation holding the flags and "b"
        r.cont = vec![&[0, b'b']];
        assert!(shared_strings_fit(&r));
        // an empty continuation: its flags read at [0]
        r.cont = vec![&[]];
        assert!(!shared_strings_fit(&r));
        // a rich string without room for its count of runs
        let rich = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0x8, 0];
        assert!(!shared_strings_fit(&record(0x00FC, &rich)));
    }
}
