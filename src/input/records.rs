//! CSV records with physical line numbers, over `csv_core`.
//!
//! `csv_core` does the parsing; this module owns the buffers so that it can
//! count physical lines itself (LF, CRLF and CR-only alike, also inside quoted
//! fields), detect a quote left open at the end of the file, and bound memory
//! on hostile input (a field of a gigabyte is counted, not kept).

mod ahead;

use std::io::{self, Read};

use csv_core::{ReadRecordResult, ReaderBuilder};

pub use ahead::{Ahead, Source};

use crate::diag::CAP_PER_CODE;
use crate::input::scan::{BLOCK, block, controls, has_controls, marks};

/// The largest cell accepted: a cell over it is too-large, in a CSV file or a sheet.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// Bytes of one record kept in memory; beyond this the record is only measured.
const MAX_RECORD_BYTES: usize = 4 << 20;
/// Field end positions kept per record; beyond this fields are only counted.
pub const MAX_FIELDS: usize = 1 << 16;
/// How far to look for the end of the header line when detecting the delimiter.
const MAX_HEADER_BYTES: usize = 1 << 20;
const BUFFER: usize = 1 << 16;
/// Bytes asked of a large file at a time: large reads make few system calls and few
/// chunks for the hash thread to be woken for. A file starts with [`BUFFER`] (a
/// province's files fit in a few), and is read this much at a time from
/// [`FILLS_BEFORE_LARGE`] reads on.
const READ_BUFFER: usize = 1 << 20;
const FILLS_BEFORE_LARGE: u32 = 16;
/// Records up to this long, on one line, with no quote but those around whole
/// fields, are split here rather than by `csv_core`.
const PLAIN_RECORD_BYTES: usize = 16 << 10;
/// The bytes that end a plain record (its line end) or stop its split (a quote, which
/// may open a quoted field).
const PLAIN_STOPS: [u8; 3] = [b'"', b'\n', b'\r'];

/// Which delimiters are recognised in a header line.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Counts physical lines in a byte stream: `\n`, `\r\n` and a lone `\r` each end one.
#[derive(Clone, Copy, Debug)]
struct LineCounter {
    line: u64,
    prev_cr: bool,
}

impl LineCounter {
    /// [`LineCounter::advance`] over one byte, as every record's terminator is.
    fn one(&mut self, b: u8) {
        if b == b'\r' || (b == b'\n' && !self.prev_cr) {
            self.line += 1;
        }
        self.prev_cr = b == b'\r';
    }

    fn advance(&mut self, bytes: &[u8]) {
        for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
            let b = bytes[at];
            let crlf = b == b'\n'
                && (if at == 0 {
                    self.prev_cr
                } else {
                    bytes[at - 1] == b'\r'
                });
            if !crlf {
                self.line += 1;
            }
        }
        if let Some(&last) = bytes.last() {
            self.prev_cr = last == b'\r';
        }
    }
}

/// Header cells looked at when detecting the delimiter: a real header has a few
/// dozen, and a line of a million cells must not cost a million lookups.
const SNIFF_CELLS: usize = 256;

/// The first [`SNIFF_CELLS`] cells of a header line split on `delimiter` outside
/// quotes, quotes removed, and how many cells the line has in all.
fn header_cells(header: &[u8], delimiter: u8) -> (Vec<String>, usize) {
    let mut cells = vec![Vec::new()];
    let mut count = 1;
    let mut quoted = false;
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            _ if b == delimiter && !quoted => {
                count += 1;
                if cells.len() < SNIFF_CELLS {
                    cells.push(Vec::new());
                }
            }
            _ if count <= SNIFF_CELLS => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(b);
                }
            }
            _ => {}
        }
    }
    let cells = cells
        .into_iter()
        .map(|c| String::from_utf8_lossy(&c).into_owned())
        .collect();
    (cells, count)
}

/// The delimiter of a header line: the one of `,` `;` tab that splits it into the
/// most cells `known` recognises, then the most frequent outside quotes (a
/// Vietnamese header such as `Mã cán bộ;Cơ quan, đơn vị` has commas inside names);
/// `,` when nothing tells them apart.
pub fn sniff_delimiter(header: &[u8], known: &dyn Fn(&str) -> bool) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for d in DELIMITERS {
        let (cells, count) = header_cells(header, d);
        let recognised = cells.iter().filter(|c| known(c)).count();
        let score = (recognised, count - 1);
        if score > (best.0, best.1) {
            best = (score.0, score.1, d);
        }
    }
    best.2
}

/// Whether `bytes` holds a complete first line (a terminator outside quotes).
fn has_complete_line(bytes: &[u8]) -> bool {
    let mut quoted = false;
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A reader of CSV records that knows where each one starts.
pub struct Records<R> {
    src: R,
    /// Made for the first record not split here: a parser is a table of states,
    /// not free to make (two were 1% of a province's run), and the records of
    /// most files never need it.
    parser: Option<csv_core::Reader>,
    delimiter: u8,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    lines: LineCounter,
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    stored_ends: usize,
    field_count: usize,
    truncated: bool,
    unclosed_quote: bool,
    line: u64,
    end_line: u64,
    blank_lines: BlankLines,
    /// Blank lines placed so far in the file: past the first few, they are only counted.
    blank_placed: usize,
    /// Whether [`Records::read_plain`] may read a record (tests compare without it).
    plain: bool,
    /// Reads so far, up to [`FILLS_BEFORE_LARGE`].
    fills: u32,
    /// Where the record last read by [`Records::read_plain`] is in `buf`.
    plain_at: Option<(usize, usize)>,
    /// Whether that record may hold a control character, as its split found.
    plain_controls: bool,
}

impl<R: Read> Records<R> {
    /// Start reading `src`; the delimiter is `delimiter`, or detected from the header
    /// line, preferring the one under which `known` recognises the most header cells.
    pub fn new(
        src: R,
        delimiter: Option<u8>,
        known: &dyn Fn(&str) -> bool,
    ) -> io::Result<Records<R>> {
        Records::after(Vec::new(), 0, src, delimiter, known)
    }

    /// As [`Records::new`], the input's first bytes, from `at` on, already read
    /// into `head`, which becomes the buffer as it is.
    pub fn after(
        head: Vec<u8>,
        at: usize,
        src: R,
        delimiter: Option<u8>,
        known: &dyn Fn(&str) -> bool,
    ) -> io::Result<Records<R>> {
        let end = head.len();
        let buf = if head.is_empty() {
            vec![0; BUFFER]
        } else {
            head
        };
        let mut records = Records {
            src,
            parser: None,
            delimiter: b',',
            buf,
            fills: 0,
            start: at.min(end),
            end,
            eof: false,
            lines: LineCounter {
                line: 1,
                prev_cr: false,
            },
            out: vec![0; BUFFER],
            out_len: 0,
            ends: vec![0; 64],
            stored_ends: 0,
            field_count: 0,
            truncated: false,
            unclosed_quote: false,
            line: 1,
            end_line: 1,
            blank_lines: BlankLines::default(),
            blank_placed: 0,
            plain: true,
            plain_at: None,
            plain_controls: false,
        };
        let delimiter = match delimiter {
            Some(d) => d,
            None => {
                while !records.eof
                    && records.end - records.start < MAX_HEADER_BYTES
                    && !has_complete_line(&records.buf[records.start..records.end])
                {
                    records.fill()?;
                }
                sniff_delimiter(&records.buf[records.start..records.end], known)
            }
        };
        records.delimiter = delimiter;
        // a record split in place has its cells next to the delimiter, so a cell
        // starts and ends on a character only when the delimiter is ASCII
        records.plain = delimiter.is_ascii();
        Ok(records)
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Read more input at the end of the buffer, compacting or growing it first.
    fn fill(&mut self) -> io::Result<()> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize((self.buf.len() * 2).max(BUFFER), 0);
        } else if self.fills == FILLS_BEFORE_LARGE && self.buf.len() < READ_BUFFER {
            self.buf.resize(READ_BUFFER, 0);
        }
        self.fills = (self.fills + 1).min(FILLS_BEFORE_LARGE + 1);
        loop {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Skip the line terminators before a record; empty lines followed by
    /// more data are remembered for [`Records::take_blank_lines`].
    /// Returns false at the end of the input.
    fn skip_terminators(&mut self) -> io::Result<bool> {
        let first_line = self.lines.line;
        loop {
            if self.start == self.end {
                if self.eof {
                    return Ok(false);
                }
                self.fill()?;
                continue;
            }
            let b = self.buf[self.start];
            if b != b'\r' && b != b'\n' {
                break;
            }
            self.lines.one(b);
            self.start += 1;
        }
        let blank = first_line..self.lines.line;
        // A file of a hundred million line breaks must not cost a number each: only
        // as many are placed as a message may show, the rest are counted.
        let placed = (blank.end - blank.start).min((CAP_PER_CODE - self.blank_placed) as u64);
        self.blank_lines
            .lines
            .extend(blank.start..blank.start + placed);
        self.blank_placed += placed as usize;
        self.blank_lines.more += blank.end - blank.start - placed;
        Ok(true)
    }

    /// Read the next record; false at the end of the input.
    pub fn read(&mut self) -> io::Result<bool> {
        if !self.skip_terminators()? {
            return Ok(false);
        }
        self.line = self.lines.line;
        self.out_len = 0;
        self.stored_ends = 0;
        self.field_count = 0;
        self.truncated = false;
        self.unclosed_quote = false;
        self.plain_at = None;
        if self.plain && self.read_plain()? {
            self.end_line = self.lines.line;
            return Ok(true);
        }
        let mut swallowed = 0;
        loop {
            if self.start == self.end && !self.eof {
                self.fill()?;
            }
            let at_eof = self.start == self.end && self.eof;
            if at_eof && !self.unclosed_quote {
                // Feed a line feed the file does not have: outside quotes it ends
                // the record; inside a quoted field it is swallowed, which shows
                // that a quote was left open (see the bad-input catalogue in docs/input.md).
                let (res, _, nout, nend) = self.step(b"\n");
                if res == ReadRecordResult::Record {
                    debug_assert_eq!((nout, nend), (0, 1));
                    break;
                }
                self.unclosed_quote = true;
                swallowed = nout;
                continue;
            }
            let input_end = self.end;
            let (res, nin, _, _) = if at_eof {
                self.step(&[])
            } else {
                let input = std::mem::take(&mut self.buf);
                let r = self.step(&input[self.start..input_end]);
                self.lines.advance(&input[self.start..self.start + r.1]);
                self.buf = input;
                r
            };
            self.start += nin;
            match res {
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return Ok(false),
                ReadRecordResult::InputEmpty
                | ReadRecordResult::OutputFull
                | ReadRecordResult::OutputEndsFull => {}
            }
        }
        if swallowed > 0 && !self.truncated && self.stored_ends == self.field_count {
            // Take back the line feed that was fed in to find the open quote.
            self.out_len -= swallowed;
            if let Some(last) = self.ends[..self.stored_ends].last_mut() {
                *last -= swallowed;
            }
        }
        self.end_line = self.lines.line;
        Ok(true)
    }

    /// Read a record that ends within a few kilobytes on its first line by splitting
    /// it at the delimiter: what `csv_core` makes of it, at a fraction of the cost
    /// (most rows of an export are like that). One pass finds the fields and the end
    /// of the line. A record without a quote stays where it was read, its delimiters
    /// in place; one whose quotes only wrap whole fields (`"Sở Văn hóa, Thể thao và
    /// Du lịch",…`, as a spreadsheet writes a cell with a comma) is copied out
    /// without them. False, with nothing consumed, for any other record.
    fn read_plain(&mut self) -> io::Result<bool> {
        // A block of bytes at a time: fields are short, shorter than memchr's
        // start-up pays for.
        let mut at = 0;
        let mut found_controls = 0;
        let mut quoted = false;
        let (line, terminated) = loop {
            // never further than a plain record may be long (nor more fields)
            let rest = &self.buf[self.start..self.end.min(self.start + PLAIN_RECORD_BYTES)];
            let found = loop {
                let Some((block, within)) = rest.get(at..).and_then(block) else {
                    break None;
                };
                let ends = marks(&block, [self.delimiter]) & within;
                let stops = marks(&block, PLAIN_STOPS) & within;
                // the delimiters (and control bytes) before the first byte that ends
                // the record or makes it not plain, if there is one in the block
                let before_stop = (stops & stops.wrapping_neg()).wrapping_sub(1);
                let mut ends = ends & before_stop;
                found_controls |= controls(&block) & within & before_stop;
                while ends != 0 {
                    let i = ends.trailing_zeros() as usize;
                    push_end(&mut self.ends, &mut self.stored_ends, at + i);
                    ends &= ends - 1;
                }
                if stops != 0 {
                    at += stops.trailing_zeros() as usize;
                    break rest.get(at).copied();
                }
                at = rest.len().min(at + BLOCK);
            };
            match found {
                Some(b'"') => match quoted_field(rest, at, self.delimiter) {
                    Quoted::Ends(after) => {
                        quoted = true;
                        at = after;
                    }
                    Quoted::Unknown if rest.len() < PLAIN_RECORD_BYTES && !self.eof => {
                        self.fill()?
                    }
                    Quoted::Unknown | Quoted::Not => break (at, None),
                },
                Some(b) => break (at, Some(b)),
                None if at >= PLAIN_RECORD_BYTES => break (at, None),
                None if self.eof => break (at, Some(0)),
                None => self.fill()?,
            }
        };
        let Some(terminator) = terminated.filter(|_| line < PLAIN_RECORD_BYTES) else {
            self.stored_ends = 0;
            return Ok(false);
        };
        push_end(&mut self.ends, &mut self.stored_ends, line);
        self.field_count = self.stored_ends;
        if quoted {
            self.unquote(line);
        } else {
            self.plain_at = Some((self.start, self.start + line));
            self.plain_controls = found_controls != 0;
        }
        self.start += line;
        if terminator != 0 {
            // the line's own bytes hold no line end: only its terminator counts
            self.lines.prev_cr = false;
            self.lines.one(terminator);
            self.start += 1;
        }
        Ok(true)
    }

    /// Copy the fields of the record split in place, `line` bytes at the start of
    /// the buffer's rest, into `out` one after another, each quoted field without its
    /// two quotes, as `csv_core` leaves them.
    fn unquote(&mut self, line: usize) {
        let record = &self.buf[self.start..self.start + line];
        if self.out.len() < line {
            self.out.resize(line, 0);
        }
        let mut from = 0;
        let mut out_len = 0;
        for end in &mut self.ends[..self.stored_ends] {
            let field = &record[from..*end];
            let field = match field {
                [b'"', inside @ .., b'"'] => inside,
                _ => field,
            };
            self.out[out_len..out_len + field.len()].copy_from_slice(field);
            out_len += field.len();
            from = *end + 1;
            *end = out_len;
        }
        self.out_len = out_len;
    }

    /// One call into the parser, growing the output buffers within their bounds
    /// and measuring what does not fit.
    fn step(&mut self, input: &[u8]) -> (ReadRecordResult, usize, usize, usize) {
        if self.out_len == self.out.len() {
            if self.out.len() < MAX_RECORD_BYTES {
                self.out
                    .resize((self.out.len() * 2).min(MAX_RECORD_BYTES), 0);
            } else {
                // Keep parsing into the last block and forget it: the field
                // lengths still come out right because `csv_core` reports field
                // ends as if the output were contiguous.
                self.truncated = true;
                self.out_len -= BUFFER;
            }
        }
        if self.stored_ends == self.ends.len() && self.ends.len() < MAX_FIELDS {
            self.ends.resize(self.ends.len() * 2, 0);
        }
        let ends_full = self.stored_ends == self.ends.len();
        let mut spare_end = [0usize; 1];
        let ends: &mut [usize] = if ends_full {
            &mut spare_end
        } else {
            &mut self.ends[self.stored_ends..]
        };
        let delimiter = self.delimiter;
        let parser = self
            .parser
            .get_or_insert_with(|| ReaderBuilder::new().delimiter(delimiter).build());
        let (res, nin, nout, nend) = parser.read_record(input, &mut self.out[self.out_len..], ends);
        self.out_len += nout;
        if !ends_full {
            self.stored_ends += nend;
        }
        self.field_count += nend;
        (res, nin, nout, nend)
    }

    /// The record last read.
    pub fn record(&self) -> Record<'_> {
        let (data, gap) = match self.plain_at {
            Some((start, end)) => (&self.buf[start..end], 1),
            None if self.truncated => (&self.out[..MAX_RECORD_BYTES - BUFFER], 0),
            None => (&self.out[..self.out_len], 0),
        };
        Record {
            line: self.line,
            end_line: self.end_line,
            data,
            gap,
            text: None,
            controls: self.plain_at.map(|_| self.plain_controls),
            ends: &self.ends[..self.stored_ends],
            field_count: self.field_count,
            truncated: self.truncated,
            unclosed_quote: self.unclosed_quote,
            fits: false,
            preread: 0,
        }
    }

    /// Lines that were empty, between records, since the last call.
    pub fn take_blank_lines(&mut self) -> BlankLines {
        std::mem::take(&mut self.blank_lines)
    }
}

/// What follows a quote met while splitting a record in place.
#[derive(Debug, PartialEq, Eq)]
enum Quoted {
    /// It opens a field that its closing quote ends, the delimiter or the line's
    /// end right after it and nothing between that is not the field's own: the
    /// record is split on from the given place, that delimiter or line end.
    Ends(usize),
    /// Not known from the bytes at hand: more may tell.
    Unknown,
    /// Anything else (a quote inside a field, a doubled quote, a line break inside
    /// the quotes, bytes after the closing quote): for `csv_core` to read.
    Not,
}

/// What the quote at `rest[at]` is, in a record that starts at `rest[0]`.
fn quoted_field(rest: &[u8], at: usize, delimiter: u8) -> Quoted {
    if at > 0 && rest[at - 1] != delimiter {
        return Quoted::Not;
    }
    let inside = &rest[at + 1..];
    let Some(close) = memchr::memchr3(b'"', b'\r', b'\n', inside) else {
        return Quoted::Unknown;
    };
    if inside[close] != b'"' {
        return Quoted::Not;
    }
    let after = at + 1 + close + 1;
    match rest.get(after) {
        None => Quoted::Unknown,
        Some(&b) if b == delimiter || b == b'\r' || b == b'\n' => Quoted::Ends(after),
        Some(_) => Quoted::Not,
    }
}

/// Note in `ends`, of which `stored` are used, that a field of a plain record ends at `at`.
fn push_end(ends: &mut Vec<usize>, stored: &mut usize, at: usize) {
    if *stored == ends.len() {
        ends.resize(ends.len() * 2, 0);
    }
    ends[*stored] = at;
    *stored += 1;
}

/// Empty lines between records: the first few of the file by number, the rest counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlankLines {
    pub lines: Vec<u64>,
    /// Empty lines beyond those placed.
    pub more: u64,
}

/// One CSV record, borrowed from [`Records`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Record<'a> {
    /// Physical line (1-based) on which the record starts.
    pub line: u64,
    /// Physical line on which the next record may start.
    pub end_line: u64,
    /// The fields, one after another, `gap` bytes apart.
    data: &'a [u8],
    /// 1 where the fields are kept with the delimiter between them (a record that was
    /// split where it was read), 0 where they were unescaped one after another.
    gap: usize,
    /// `data` as text, when it was already found to be UTF-8.
    text: Option<&'a str>,
    /// Whether `data` may hold a control character, when the split found out.
    controls: Option<bool>,
    ends: &'a [usize],
    field_count: usize,
    truncated: bool,
    /// The last field opened a quote that the file never closed.
    pub unclosed_quote: bool,
    /// A [`ShapeCheck`] found nothing wrong with the record, where it was read
    /// ahead; false when none was made.
    pub fits: bool,
    /// What a [`Preread`] made of a record that fits, where it was read ahead; 0
    /// when none was made.
    pub preread: u64,
}

/// A check of each record's shape, made by the thread that reads records ahead so
/// that the thread reading the rows does less: true when the record has nothing a
/// closer look would refuse (no look is cheaper than the full one, which runs on
/// every record it does not pass).
pub type ShapeCheck = Box<dyn Fn(&Record<'_>) -> bool + Send>;

/// A loader's reading of the cells of each record that fits, made by the thread that
/// reads records ahead so that the thread reading the rows need not: the cells'
/// values packed in a number, as the loader packs them, or 0 when a cell needs the
/// closer look of the rows' own reading (which gives a problem, a warning or a value
/// alike wherever it is made).
pub type Preread = Box<dyn Fn(&Record<'_>) -> u64 + Send>;

impl<'a> Record<'a> {
    pub fn len(&self) -> usize {
        self.field_count
    }

    pub fn is_empty(&self) -> bool {
        self.field_count == 0
    }

    /// Where each kept field ends in [`Record::get_all`]; the next starts
    /// [`Record::gap`] bytes after.
    pub fn ends(&self) -> &'a [usize] {
        self.ends
    }

    /// The bytes between two fields: 1 (the delimiter) or 0.
    pub fn gap(&self) -> usize {
        self.gap
    }

    /// How many fields are kept; a record of more than that many is only counted.
    pub fn kept_fields(&self) -> usize {
        self.ends.len()
    }

    /// Where field `i` starts in [`Record::get_all`].
    fn start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.ends[i - 1] + self.gap
        }
    }

    /// The byte length of field `i`, when it is known.
    pub fn field_len(&self, i: usize) -> Option<usize> {
        let end = *self.ends.get(i)?;
        Some(end - self.start(i))
    }

    /// The bytes of field `i`; `None` beyond the record or for a field too large to keep.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = self.start(i);
        if self.truncated && end > self.data.len() {
            return None;
        }
        self.data.get(start..end)
    }

    /// The fields one after another, unescaped, with the delimiter between them or
    /// not: [`Record::ranges`] says where each is.
    pub fn get_all(&self) -> &'a [u8] {
        self.data
    }

    /// [`Record::get_all`] as text, when it is UTF-8.
    pub fn text(&self) -> Option<&'a str> {
        match self.text {
            Some(text) => Some(text),
            None => simdutf8::basic::from_utf8(self.data).ok(),
        }
    }

    /// `data` as text, when it is known to be without a look (a record read ahead in
    /// a batch found to be ASCII); `None` does not say it is not text.
    pub fn known_text(&self) -> Option<&'a str> {
        self.text
    }

    /// Whether the record may hold a control character (see `scan::controls`): as
    /// the split of a plain record found, or looked for now.
    pub fn may_hold_controls(&self) -> bool {
        self.controls.unwrap_or_else(|| has_controls(self.data))
    }

    /// Whether the fields are kept with the delimiter between them, where they were
    /// read (only with an ASCII delimiter): each then starts and ends next to an
    /// ASCII byte or an end of the record.
    pub fn in_place(&self) -> bool {
        self.gap == 1
    }

    /// The byte range of each kept field in [`Record::get_all`].
    pub fn ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&end| end + self.gap));
        starts.zip(self.ends.iter().copied())
    }

    /// Every field is empty or blank (`,,,,`).
    pub fn is_blank(&self) -> bool {
        let blank = |(start, end): (usize, usize)| {
            self.data[start..end]
                .iter()
                .all(|b| b.is_ascii_whitespace())
        };
        !self.truncated && self.ends.len() == self.field_count && self.ranges().all(blank)
    }
}

#[cfg(test)]
mod tests;
