//! Text garbled on its way out of a spreadsheet (see the bad-input catalogue in docs/input.md): letters lost
//! in an export to a code page without them (`Nguy?n`), and text typed in a legacy
//! Vietnamese font encoding, TCVN3 (ABC) or VNI, that reads as Latin-1 gibberish
//! (`NguyÔn V¨n Hïng`, `Nguyeãn Vaên Huøng`).
//!
//! Neither can be repaired without guessing, so neither is: each is one warning per
//! file with the count of cells and the first places, saying what to do instead.
//!
//! Only the human text of [`TEXT_COLUMNS`] is looked at: names, units and titles. Ids
//! (`DN_001`), coded values (`title_department`) and dates are not text, and a garbled
//! coded value is an error of its own (`bad-value`). A cell costs one look at its
//! bytes, 32 at a time (`scan`), unless it holds a byte that could be a sign: `?` `_`
//! U+FFFD for lossy text, a Latin-1 or combining character for a legacy font.

use foldhash::fast::FixedState;
use hashbrown::HashMap;

use crate::diag::problem::LegacyFont;
use crate::diag::{Code, Diagnostic, Problem, Severity};
use crate::input::columns::{Column, Header};
use crate::input::scan::places;
use crate::text::nfc;

/// The columns of human text, where a letter is never `?` and never Latin-1 gibberish.
pub const TEXT_COLUMNS: [Column; 3] = [Column::FullName, Column::Unit, Column::Title];

/// Places listed in a warning, besides the count.
const SHOWN: usize = 3;

/// Whether `cell` lost letters in a lossy export: a `?` at the edge of a word, next to
/// a lower-case letter or inside an upper-case word, a `_` between
/// a letter and a lower-case letter (`Nguy_n`, `Đ_ng`; not `TT_KHCN`, `Nguyen_Van`), or
/// the replacement character U+FFFD.
pub fn is_lossy(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    if places(bytes, [b'?', b'_', 0xEF]).next().is_none() {
        return false;
    }
    if cell.contains('\u{FFFD}') {
        return true;
    }
    memchr::memchr2_iter(b'?', b'_', bytes).any(|at| {
        let before = cell[..at].chars().next_back();
        let after = cell[at + 1..].chars().next();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        if bytes[at] == b'?' {
            // at the edge of a word (`S? Tài chính`, `?inh`), next to a lower-case
            // letter, or inside an upper-case word (`NGUY?N`, not `Văn phòng A?B`)
            let lower = |c: Option<char>| c.is_some_and(char::is_lowercase);
            let run = |chars: &mut dyn Iterator<Item = char>| {
                chars.take_while(|c| c.is_alphabetic()).take(2).count()
            };
            letter(before) != letter(after)
                || lower(before)
                || lower(after)
                || run(&mut cell[..at].chars().rev()) >= 2
                || run(&mut cell[at + 1..].chars()) >= 2
        } else {
            letter(before) && after.is_some_and(char::is_lowercase)
        }
    })
}

/// What a Latin-1 character (U+0080–U+00FF) says about the font a text was typed in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sign {
    /// Nothing: a Vietnamese letter (à, Ô, ý…), a space or a symbol of its own.
    None,
    /// A TCVN3 letter shown as a symbol (`¨` ă, `ª` ê, `µ` à…), counted after a letter.
    TcvnSymbol,
    /// A letter Vietnamese never writes that TCVN3 uses and VNI does not (`Ç` ầ, `ß` ò).
    TcvnLetter,
    /// A letter Vietnamese never writes that both use (`ï` ù in TCVN3, a dot below in VNI).
    Foreign,
}

const fn sign(cp: u32) -> Sign {
    match cp {
        // ¡¢£¤¥¦§ Ă Â Ê Ô Ơ Ư Đ, ¨©ª«¬ SHY ® ă â ê ô ơ ư đ, µ¶·¸¹ à ả ã á ạ,
        // »¼½¾ ằ ẳ ẵ ắ; × ì, ÷ ữ
        0xA1..=0xAE | 0xB5..=0xB9 | 0xBB..=0xBE | 0xD7 | 0xF7 => Sign::TcvnSymbol,
        0xC7 | 0xD0 | 0xDE | 0xDF | 0xE7 | 0xF0 | 0xFE => Sign::TcvnLetter,
        0xC4..=0xC6 | 0xCB | 0xCE | 0xCF | 0xD1 | 0xD6 | 0xD8 | 0xDB | 0xDC => Sign::Foreign,
        0xE4..=0xE6 | 0xEB | 0xEE | 0xEF | 0xF1 | 0xF6 | 0xF8 | 0xFB | 0xFC | 0xFF => Sign::Foreign,
        _ => Sign::None,
    }
}

/// Latin-1 letters that, right after the plain vowel, make a pair Vietnamese never
/// writes but VNI does for every tone on that vowel (`aø` à, `eã` ễ, `aê` ă): by the
/// vowel, the characters that follow it. `oà`, `uâ`, `uý`, `iê`, `yê` are Vietnamese.
const VNI_PAIRS: [(u8, &str); 5] = [
    (b'a', "àáâãèéêùúõ"),
    (b'e', "àáâãùõ"),
    (b'o', "âùõ"),
    (b'u', "ùõ"),
    (b'y', "ùõ"),
];

/// What [`legacy_font`] asks of a Latin-1 character, worked out once for the 128 of
/// them (it runs on every accented letter of 2 million names and units).
#[derive(Clone, Copy, Debug)]
struct Latin1 {
    sign: Sign,
    upper: bool,
    lower: bool,
    /// The plain vowels of [`VNI_PAIRS`] it makes a VNI pair after, by [`vowel_bit`].
    vni_after: u8,
}

/// The bit of a plain lower-case vowel of [`VNI_PAIRS`]; 0 for any other byte.
fn vowel_bit(b: u8) -> u8 {
    VNI_PAIRS
        .iter()
        .position(|(vowel, _)| *vowel == b)
        .map_or(0, |i| 1 << i)
}

/// The character U+0080–U+00FF `cp`, as [`legacy_font`] reads it.
fn latin1(cp: u32) -> Latin1 {
    static TABLE: std::sync::OnceLock<[Latin1; 128]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        std::array::from_fn(|i| {
            let cp = 0x80 + i as u32;
            let c = char::from_u32(cp).unwrap_or(' ');
            let pairs = VNI_PAIRS.iter().enumerate();
            Latin1 {
                sign: sign(cp),
                upper: c.is_uppercase(),
                lower: c.is_lowercase(),
                vni_after: pairs
                    .filter(|(_, (_, next))| c.to_lowercase().any(|l| next.contains(l)))
                    .fold(0, |bits, (k, _)| bits | 1 << k),
            }
        })
    });
    table[(cp & 0x7F) as usize]
}

/// Which legacy font a cell's text looks typed in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Legacy {
    /// A sign only TCVN3 leaves.
    pub tcvn3: bool,
    /// A sign only VNI leaves.
    pub vni: bool,
    /// Any sign, either's.
    pub any: bool,
}

/// The signs in `cell` of text typed in TCVN3 or VNI; all false for Vietnamese in
/// Unicode. Works on the text as decoded from UTF-8 or windows-1258 alike: the signs
/// are characters both code pages give the same bytes, or combining marks that NFC
/// could not attach (windows-1258 reads some TCVN3 and VNI bytes as tone marks).
pub fn legacy_font(cell: &str) -> Legacy {
    let bytes = cell.as_bytes();
    let mut found = Legacy::default();
    let ascii_letter = |at: Option<usize>| {
        at.and_then(|i| bytes.get(i))
            .is_some_and(u8::is_ascii_alphabetic)
    };
    let mut marks_checked = false;
    for at in places(bytes, [0xC2, 0xC3, 0xCC]) {
        let Some(&second) = bytes.get(at + 1) else {
            continue;
        };
        if bytes[at] == 0xCC {
            // a combining mark: NFC attaches it to any Vietnamese letter
            if !marks_checked {
                marks_checked = true;
                found.any |= nfc(cell)
                    .chars()
                    .any(|c| ('\u{0300}'..='\u{036F}').contains(&c));
            }
            continue;
        }
        let cp = (u32::from(bytes[at] & 0x1F) << 6) | u32::from(second & 0x3F);
        let latin = latin1(cp);
        let before = at.checked_sub(1);
        let prev = before.map(|i| bytes[i]);
        // an upper-case letter inside a lower-case word: `NguyÔn` (Ô is TCVN3 ễ); VNI
        // writes a mark in the case of its letter
        let upper_inside = latin.upper && prev.is_some_and(|b| b.is_ascii_lowercase());
        let (tcvn3, vni) = match latin.sign {
            Sign::TcvnSymbol if cp == 0xAB || cp == 0xBB => {
                // « » are quotes unless inside a word
                let inside = ascii_letter(before) && ascii_letter(Some(at + 2));
                (inside, false)
            }
            Sign::TcvnSymbol => (ascii_letter(before), false),
            Sign::TcvnLetter => (true, false),
            Sign::Foreign => {
                found.any = true;
                // VNI's marks follow their vowel (`uø`, `ôû` ở); TCVN3's letters are
                // whole (`Hïng`). `uû` is both: TCVN3 uỷ, VNI ủ.
                let after_vowel = prev.is_some_and(|p| {
                    b"aeouy".contains(&p.to_ascii_lowercase())
                        && !(p == b'u' && matches!(cp, 0xFB | 0xFC)) // û, ü
                }) || (at >= 2
                    && bytes[at - 2] == 0xC3
                    && [0xB4, 0xB6, 0x94, 0x96].contains(&bytes[at - 1]));
                (upper_inside, after_vowel && !upper_inside)
            }
            Sign::None => {
                let vni_pair = prev.is_some_and(|p| {
                    latin.vni_after & vowel_bit(p.to_ascii_lowercase()) != 0
                        && p.is_ascii_lowercase() == latin.lower
                });
                (upper_inside, vni_pair)
            }
        };
        found.tcvn3 |= tcvn3;
        found.vni |= vni;
        found.any |= tcvn3 || vni;
    }
    found
}

/// Where garbled text was found in one file.
#[derive(Debug, Default)]
struct Found {
    count: usize,
    /// The first places: line, column (1-based), the cell.
    first: Vec<(u64, usize, String)>,
}

impl Found {
    fn add(&mut self, line: u64, column: usize, cell: &str) {
        self.count += 1;
        if self.first.len() < SHOWN {
            self.first.push((line, column, cell.trim().to_owned()));
        }
    }

    /// The first place, `3 cells` and `4:2 "Nguy?n V?n An", 6:2, 9:3, …`; in a
    /// sheet, its cells as Excel names them: `B4 "Nguy?n V?n An", B6, C9, …`.
    fn places(&self, in_sheet: bool) -> Option<(u64, usize, usize, String)> {
        let (line, column, cell) = self.first.first()?;
        let count = self.count;
        let place = |line: &u64, column: &usize| {
            if in_sheet {
                format!("{}{line}", crate::diag::place::column_letters(*column))
            } else {
                format!("{line}:{column}")
            }
        };
        let mut list = format!("{} \"{cell}\"", place(line, column));
        for (line, column, _) in &self.first[1..] {
            list.push_str(", ");
            list.push_str(&place(line, column));
        }
        if self.count > self.first.len() {
            list.push_str(", …");
        }
        Some((*line, *column, count, list))
    }
}

/// What [`is_lossy`] and [`legacy_font`] say of one cell's text.
#[derive(Clone, Copy, Debug)]
struct Verdict {
    lossy: bool,
    legacy: Legacy,
}

/// The text columns whose cells repeat from row to row: a national roster has
/// thousands of units and a few dozen titles for millions of rows. Their verdicts are
/// remembered; a name is looked at again, which costs less than finding it among
/// hundreds of thousands.
const REPEATED: [Column; 2] = [Column::Unit, Column::Title];

/// Cells of [`REPEATED`] columns remembered with their verdict, at most.
const REMEMBERED: usize = 1 << 16;

/// What a look at `cell` finds.
fn verdict(cell: &str) -> Verdict {
    Verdict {
        lossy: is_lossy(cell),
        legacy: legacy_font(cell),
    }
}

/// The verdict of `cell` and its number (the order in which the cells remembered
/// were first seen), remembered in `seen` while there is room.
fn remembered(
    seen: &mut HashMap<Box<str>, (Verdict, u32), FixedState>,
    cell: &str,
) -> (Verdict, Option<u32>) {
    if let Some(&(known, number)) = seen.get(cell) {
        return (known, Some(number));
    }
    let found = verdict(cell);
    let number = u32::try_from(seen.len())
        .ok()
        .filter(|_| seen.len() < REMEMBERED);
    if let Some(number) = number {
        seen.insert(cell.into(), (found, number));
    }
    (found, number)
}

/// The garbled text of one file, checked row by row and reported once at its end.
#[derive(Debug, Default)]
pub struct Garbled {
    /// The 0-based indices of the text columns the file has, and for a column of
    /// [`REPEATED`], its place there.
    columns: Vec<(usize, Option<usize>)>,
    /// The verdict of the cells of [`REPEATED`] columns already seen, each looked at
    /// once, and their numbers.
    seen: HashMap<Box<str>, (Verdict, u32), FixedState>,
    /// The numbers of the row last checked's cells of [`REPEATED`] columns.
    numbers: [Option<u32>; REPEATED.len()],
    lossy: Found,
    legacy: Found,
    tcvn3: usize,
    vni: usize,
}

impl Garbled {
    pub fn new(header: &Header) -> Garbled {
        Garbled {
            columns: TEXT_COLUMNS
                .iter()
                .filter_map(|&c| Some((header.index(c)?, REPEATED.iter().position(|&r| r == c))))
                .collect(),
            ..Garbled::default()
        }
    }

    /// Check the text cells of a row: `text` holds its cells, at the byte ranges
    /// `cells`. (A file without text columns, as enrolments are, is decided where
    /// this is asked, for each of its 10 million rows at national scale.)
    #[inline]
    pub fn check(&mut self, line: u64, text: &str, cells: &[(usize, usize)]) {
        if self.reads_cells() {
            self.check_columns(line, text, cells);
        }
    }

    /// Whether the file has text columns to check, whose cells [`Garbled::check`] reads.
    #[inline]
    pub fn reads_cells(&self) -> bool {
        !self.columns.is_empty()
    }

    fn check_columns(&mut self, line: u64, text: &str, cells: &[(usize, usize)]) {
        self.numbers = [None; REPEATED.len()];
        for &(i, repeated) in &self.columns {
            let Some(cell) = cells.get(i).and_then(|&(s, e)| text.get(s..e)) else {
                continue;
            };
            let Verdict { lossy, legacy } = match repeated {
                Some(at) => {
                    let (found, number) = remembered(&mut self.seen, cell);
                    self.numbers[at] = number;
                    found
                }
                None => verdict(cell),
            };
            if lossy {
                self.lossy.add(line, i + 1, cell);
            }
            if legacy.any {
                self.legacy.add(line, i + 1, cell);
                self.tcvn3 += usize::from(legacy.tcvn3);
                self.vni += usize::from(legacy.vni);
            }
        }
    }

    /// The number of the cell under `column` in the row last checked, when `column`
    /// is one whose cells repeat (units, titles): the same number for the same text
    /// as written, the numbers counting up from 0 as new texts come. A loader that
    /// keeps one copy of each unit can find it by this number rather than by its
    /// text. `None` for other columns and past the texts remembered.
    pub fn number(&self, column: Column) -> Option<u32> {
        let at = REPEATED.iter().position(|&r| r == column)?;
        self.numbers[at]
    }

    /// The warnings about the file `file`, once it was read: one per kind found.
    /// `in_sheet`: the file is a workbook, whose places are cells and whose
    /// damaged text is in the workbook itself.
    pub fn diagnostics(&self, file: &str, in_sheet: bool) -> Vec<Diagnostic> {
        let warning =
            |(line, column, _, _): &(u64, usize, usize, String), code, message| Diagnostic {
                file: file.to_owned(),
                line: Some(*line),
                column: Some(*column),
                severity: Severity::Warning,
                code,
                message: Box::new(message),
                sheet: None,
            };
        let mut out = Vec::new();
        if let Some(places) = self.lossy.places(in_sheet) {
            out.push(warning(
                &places,
                Code::LossyExport,
                Problem::Lossy {
                    cells: places.2,
                    places: places.3.clone(),
                    in_sheet,
                },
            ));
        }
        if let Some(places) = self.legacy.places(in_sheet) {
            let font = match (self.tcvn3 > 0, self.vni > 0) {
                (true, false) => LegacyFont::Tcvn3,
                (false, true) => LegacyFont::Vni,
                _ => LegacyFont::Either,
            };
            out.push(warning(
                &places,
                Code::LegacyFont,
                Problem::LegacyFont {
                    cells: places.2,
                    places: places.3.clone(),
                    font,
                    in_sheet,
                },
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests;
