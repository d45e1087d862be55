//! Records read ahead on a thread of their own, and the choice between that
//! and reading them in place.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;

use super::{BlankLines, Preread, Record, Records, ShapeCheck};

/// Records read ahead on a thread of their own, in batches: the splitting of a large
/// file runs beside the checking of its rows (the enrolments, 10 million
/// rows, are the longest task of a national check).
pub struct Ahead {
    batches: Receiver<io::Result<Batch>>,
    /// Batches read, sent back to be filled again: their buffers keep their size,
    /// so the reader neither grows nor allocates them anew for every batch.
    used: SyncSender<Batch>,
    batch: Batch,
    /// The record last read, in `batch`.
    at: usize,
    delimiter: u8,
    /// Batches sent and not yet taken.
    waiting: Arc<AtomicUsize>,
}

/// Records copied out of [`Records`] one after another.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    /// `data` once it is known to be text, checked whole on this thread, so that
    /// the thread checking the rows need not check each again. Empty otherwise.
    text: String,
    /// Field ends, relative to each record's data.
    ends: Vec<usize>,
    blank_lines: Vec<u64>,
    records: Vec<Copied>,
}

/// Where one record of a batch is: 56 bytes, written by one thread and read by the
/// other for each of 10 million records. Its data, field ends and blank lines each
/// start where the previous record's end, in the batch's lists.
struct Copied {
    line: u64,
    end_line: u64,
    /// Blank lines before the record beyond those placed.
    blank_more: u64,
    field_count: usize,
    data_end: u32,
    ends_end: u32,
    blank_end: u32,
    /// As [`Record::in_place`].
    in_place: bool,
    truncated: bool,
    unclosed_quote: bool,
    /// As [`Record`]'s.
    fits: bool,
    /// As [`Record`]'s.
    preread: u64,
}

const _: () = assert!(std::mem::size_of::<Copied>() == 56);

/// Records per batch, and bytes at most: each batch handed over may wake the other
/// thread, and a wake-up costs as much as splitting a few hundred records.
const BATCH_RECORDS: usize = 16384;
const BATCH_BYTES: usize = 2 << 20;

impl Ahead {
    /// Read the rest of `records` on a thread, checking the shape of each with
    /// `check` there, when given, and reading the cells of each that fits with
    /// `preread`, when given, while a batch waits to be taken. A record read
    /// while none waits goes without, and its batch sooner: the thread taking
    /// it reads the cells itself, in the time it would have waited.
    pub fn start<R: Read + Send + 'static>(
        mut records: Records<R>,
        check: Option<ShapeCheck>,
        preread: Option<Preread>,
    ) -> Ahead {
        let delimiter = records.delimiter();
        let (send, batches) = sync_channel(4);
        let (used, to_fill) = sync_channel::<Batch>(6);
        let waiting = Arc::new(AtomicUsize::new(0));
        let sent = Arc::clone(&waiting);
        thread::spawn(move || {
            loop {
                let mut batch = to_fill.try_recv().unwrap_or_default();
                let mut end = false;
                while batch.records.len() < BATCH_RECORDS && batch.data.len() < BATCH_BYTES {
                    match records.read() {
                        Ok(true) => {
                            let behind = sent.load(Ordering::Relaxed) > 0;
                            let preread = preread.as_ref().filter(|_| behind);
                            batch.push(&mut records, check.as_ref(), preread)
                        }
                        Ok(false) => {
                            end = true;
                            break;
                        }
                        Err(e) => {
                            sent.fetch_add(2, Ordering::Relaxed);
                            let _ = send.send(Ok(batch));
                            let _ = send.send(Err(e));
                            return;
                        }
                    }
                }
                batch.check_text();
                sent.fetch_add(1, Ordering::Relaxed);
                if send.send(Ok(batch)).is_err() || end {
                    return; // the reader was dropped, or all is read
                }
            }
        });
        Ahead {
            batches,
            used,
            batch: Batch::default(),
            at: usize::MAX,
            delimiter,
            waiting,
        }
    }

    // `read`, `record` and `take_blank_lines` are inlined, here and in `Source`: the
    // loop that reads the rows calls them for each of a national file's millions of
    // records, and inlined it builds only the fields of the record it reads
    // (docs/performance.md: 0.25 s of CPU less for a national check).
    #[inline]
    fn read(&mut self) -> io::Result<bool> {
        self.at = self.at.wrapping_add(1);
        while self.at >= self.batch.records.len() {
            match self.batches.recv() {
                Ok(batch) => {
                    self.waiting.fetch_sub(1, Ordering::Relaxed);
                    let mut read = std::mem::replace(&mut self.batch, batch?);
                    read.clear();
                    // a full return channel, or a reader gone: the batch is dropped
                    let _ = self.used.try_send(read);
                    self.at = 0;
                }
                Err(_) => return Ok(false),
            }
        }
        Ok(true)
    }

    #[inline]
    fn record(&self) -> Record<'_> {
        let b = &self.batch;
        let at = self.at.min(b.records.len().saturating_sub(1));
        let Some(r) = b.records.get(at) else {
            return Record::default();
        };
        let data = b.start(at, |r| r.data_end)..r.data_end as usize;
        let ends = b.start(at, |r| r.ends_end)..r.ends_end as usize;
        Record {
            line: r.line,
            end_line: r.end_line,
            data: b.bytes().get(data.clone()).unwrap_or_default(),
            gap: usize::from(r.in_place),
            text: b.text.get(data),
            controls: None,
            ends: b.ends.get(ends).unwrap_or_default(),
            field_count: r.field_count,
            truncated: r.truncated,
            unclosed_quote: r.unclosed_quote,
            fits: r.fits,
            preread: r.preread,
        }
    }

    #[inline]
    fn take_blank_lines(&mut self) -> BlankLines {
        let b = &self.batch;
        let Some(r) = b.records.get(self.at) else {
            return BlankLines::default();
        };
        let placed = b.start(self.at, |r| r.blank_end)..r.blank_end as usize;
        BlankLines {
            lines: b.blank_lines.get(placed).unwrap_or_default().to_vec(),
            more: r.blank_more,
        }
    }
}

impl Batch {
    /// Empty, its buffers kept.
    fn clear(&mut self) {
        if self.data.is_empty() {
            self.data = std::mem::take(&mut self.text).into_bytes();
        }
        self.data.clear();
        self.ends.clear();
        self.blank_lines.clear();
        self.records.clear();
    }

    /// Move `data` to `text` when it is ASCII, as the batches of an enrolments file
    /// are: the standard library checks ASCII fast, other text (names, units) is
    /// checked by record where it is read, by a faster check of its own.
    fn check_text(&mut self) {
        if !self.data.is_ascii() {
            return;
        }
        match String::from_utf8(std::mem::take(&mut self.data)) {
            Ok(text) => self.text = text,
            Err(e) => self.data = e.into_bytes(),
        }
    }

    /// Where record `at`'s part of a list starts: where the previous one's, whose end
    /// `end` gives, ends.
    fn start(&self, at: usize, end: impl Fn(&Copied) -> u32) -> usize {
        at.checked_sub(1)
            .and_then(|previous| self.records.get(previous))
            .map_or(0, |r| end(r) as usize)
    }

    /// The records' bytes, wherever they are.
    fn bytes(&self) -> &[u8] {
        if self.data.is_empty() {
            self.text.as_bytes()
        } else {
            &self.data
        }
    }

    fn push<R: Read>(
        &mut self,
        records: &mut Records<R>,
        check: Option<&ShapeCheck>,
        preread: Option<&Preread>,
    ) {
        let blank = records.take_blank_lines();
        self.blank_lines.extend(blank.lines);
        let record = records.record();
        self.data.extend_from_slice(record.data);
        self.ends.extend_from_slice(record.ends);
        // a batch ends past 2 MB or 16,384 records, and a record is at most 4 MB
        // with 65,536 fields kept: every length below fits in 32 bits
        let end = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let fits = check.is_some_and(|fits| fits(&record));
        self.records.push(Copied {
            line: record.line,
            end_line: record.end_line,
            blank_more: blank.more,
            field_count: record.field_count,
            data_end: end(self.data.len()),
            ends_end: end(self.ends.len()),
            blank_end: end(self.blank_lines.len()),
            in_place: record.in_place(),
            truncated: record.truncated,
            unclosed_quote: record.unclosed_quote,
            fits,
            preread: match preread {
                Some(read) if fits => read(&record),
                _ => 0,
            },
        });
    }
}

/// Records read here, or ahead on a thread.
pub enum Source<R> {
    Here(Box<Records<R>>),
    Ahead(Ahead),
}

impl<R: Read> Source<R> {
    #[inline]
    pub fn read(&mut self) -> io::Result<bool> {
        match self {
            Source::Here(r) => r.read(),
            Source::Ahead(a) => a.read(),
        }
    }

    #[inline]
    pub fn record(&self) -> Record<'_> {
        match self {
            Source::Here(r) => r.record(),
            Source::Ahead(a) => a.record(),
        }
    }

    #[inline]
    pub fn take_blank_lines(&mut self) -> BlankLines {
        match self {
            Source::Here(r) => r.take_blank_lines(),
            Source::Ahead(a) => a.take_blank_lines(),
        }
    }

    pub fn delimiter(&self) -> u8 {
        match self {
            Source::Here(r) => r.delimiter(),
            Source::Ahead(a) => a.delimiter,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_read_ahead_only_while_a_batch_waits_to_be_taken() {
        let mut input = String::from("n\n");
        for i in 0..5 * BATCH_RECORDS + 10 {
            input.push_str(&format!("{i}\n"));
        }
        let records = Records::new(io::Cursor::new(input), None, &|_| false).unwrap();
        let fits: ShapeCheck = Box::new(|_| true);
        let preread: Preread = Box::new(|_| 7);
        let mut ahead = Ahead::start(records, Some(fits), Some(preread));
        // nothing is taken until five batches are read: the first while none
        // waited, the next four each while one or more did (four wait in the
        // channel, the fifth to be let in)
        let since = std::time::Instant::now();
        while ahead.waiting.load(Ordering::Relaxed) < 5 {
            // a guard, not a timing: a reader that never gets there fails the test
            assert!(
                since.elapsed().as_secs() < 60,
                "five batches were never read"
            );
            thread::yield_now();
        }
        let mut seen = Vec::new();
        while ahead.read().unwrap() {
            seen.push(ahead.record().preread);
        }
        assert_eq!(seen.len(), 5 * BATCH_RECORDS + 11);
        assert!(seen[..BATCH_RECORDS].iter().all(|&p| p == 0));
        assert!(
            seen[BATCH_RECORDS..5 * BATCH_RECORDS]
                .iter()
                .all(|&p| p == 7)
        );
    }
}
