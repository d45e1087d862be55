//! A large file written to the disk behind its rendering. What is rendered
//! fills a buffer of [`PIECE`] bytes; each full buffer goes to a thread of its
//! own, which writes it out while the next one fills. On Linux that thread
//! writes past the page cache (`O_DIRECT`): the bytes go from the buffer to the
//! disk. Copied into the cache first, a national report cost more system time
//! than its rendering, and the sync before the rename waited for all of it.
//! The last bytes of the file, short of a whole block, and every byte on a file
//! system that refuses such writes, go through the cache, synced behind the
//! writing every [`SYNC_STEP`]. The first [`PIECE`] bytes of every file go through
//! the cache too, by a small buffer that the renderer's large writes pass by, with
//! no thread: a province's report is that small, and a buffer of its own, new
//! memory, cost it more in page faults than its writing. The caller still syncs the
//! file once done.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::mem;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::{self, Scope, ScopedJoinHandle};

/// Bytes a buffer holds, and the most written in one call: a multiple of [`BLOCK`].
const PIECE: usize = 4 << 20;

/// Buffers at most: one filling, one being written, one waiting between them.
const PIECES: usize = 3;

/// What a write past the page cache must be a multiple of, in its length and in
/// the address of its bytes: a page, a multiple of every disk's block.
const BLOCK: usize = 4096;

/// Bytes written through the page cache between two syncs of them.
const SYNC_STEP: usize = 32 << 20;

/// The buffer of the first [`PIECE`] bytes: small writes gather there, larger
/// ones go straight to the file.
const FRONT_BUFFER: usize = 64 << 10;

/// Write what `render` writes into `file`, an empty file, past the page cache
/// where the system allows it. The first error of either the rendering or the
/// writing is the answer.
pub(super) fn write(
    file: &File,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let route = if cfg!(target_os = "linux") {
        Route::Direct
    } else {
        Route::Cache
    };
    write_with(file, route, render)
}

/// How the thread writes whole blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Route {
    /// Past the page cache where the system allows it.
    Direct,
    /// Through the page cache, as a file system that refuses direct writes has it.
    Cache,
}

fn write_with(
    file: &File,
    route: Route,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    thread::scope(|scope| {
        let mut out = Behind {
            file,
            route,
            scope,
            front: Some(BufWriter::with_capacity(FRONT_BUFFER, file)),
            taken: 0,
            piece: Piece::none(),
            made: 0,
            writer: None,
        };
        // On an error of the rendering, the writer ends with the pieces it was
        // given and the scope waits for it: the file is thrown away.
        render(&mut out)?;
        out.finish()
    })
}

/// A buffer whose bytes start at a multiple of [`BLOCK`] in memory, as a write
/// past the page cache needs.
struct Piece {
    bytes: Box<[u8]>,
    start: usize,
    len: usize,
}

impl Piece {
    fn new() -> Piece {
        let bytes = vec![0; PIECE + BLOCK].into_boxed_slice();
        // An address that cannot be aligned leaves the bytes where they are: the
        // system then refuses to write them directly, and the cache takes them.
        let start = Some(bytes.as_ptr().align_offset(BLOCK))
            .filter(|&at| at < BLOCK)
            .unwrap_or(0);
        Piece {
            bytes,
            start,
            len: 0,
        }
    }

    /// A piece of no bytes and no room, in the place of one handed over.
    fn none() -> Piece {
        Piece {
            bytes: Box::new([]),
            start: 0,
            len: 0,
        }
    }

    fn filled(&self) -> &[u8] {
        &self.bytes[self.start..self.start + self.len]
    }

    /// Where the next bytes go: none in a piece handed over, so that a write
    /// after an error writes nothing.
    fn room(&mut self) -> &mut [u8] {
        let (from, to) = (self.start + self.len, self.start + PIECE);
        self.bytes.get_mut(from..to).unwrap_or_default()
    }
}

/// The file, the piece being filled, and the thread writing the pieces filled.
struct Behind<'scope, 'env> {
    file: &'env File,
    route: Route,
    scope: &'scope Scope<'scope, 'env>,
    /// The way of the first [`PIECE`] bytes, through the page cache; `None` once
    /// they are written.
    front: Option<BufWriter<&'env File>>,
    /// Bytes the front took.
    taken: usize,
    /// The piece being filled, once the front is done.
    piece: Piece,
    /// Pieces made so far, at most [`PIECES`]: none while the front writes.
    made: usize,
    writer: Option<Writer<'scope>>,
}

/// The thread that writes, how to hand it a piece, and where it hands them back.
struct Writer<'scope> {
    full: SyncSender<Piece>,
    empty: Receiver<Piece>,
    thread: ScopedJoinHandle<'scope, io::Result<()>>,
}

impl Behind<'_, '_> {
    /// Hand the full piece to the writer, started on the first, and take an
    /// empty one.
    fn hand_over(&mut self) -> io::Result<()> {
        let writer = self
            .writer
            .get_or_insert_with(|| start(self.scope, self.file, self.route));
        let full = mem::replace(&mut self.piece, Piece::none());
        let empty = if writer.full.send(full).is_err() {
            None
        } else {
            match writer.empty.try_recv() {
                Ok(piece) => Some(piece),
                Err(_) if self.made < PIECES => {
                    self.made += 1;
                    Some(Piece::new())
                }
                Err(_) => writer.empty.recv().ok(),
            }
        };
        match empty {
            Some(piece) => {
                self.piece = piece;
                Ok(())
            }
            // the writer stopped on an error
            None => Err(self.stopped()),
        }
    }

    /// Write what is left and wait for the writer: the first error is the answer.
    fn finish(mut self) -> io::Result<()> {
        if let Some(mut front) = self.front.take() {
            // a small file: no piece, no thread
            return front.flush();
        }
        let Some(writer) = self.writer.take() else {
            // the front ended the file, or the first piece holds its end
            return self.file.write_all(self.piece.filled());
        };
        let sent = writer
            .full
            .send(mem::replace(&mut self.piece, Piece::none()));
        let written = writer.end();
        match sent {
            Ok(()) => written,
            Err(_) => Err(written.err().unwrap_or_else(stopped_early)),
        }
    }

    /// The error the writer stopped on.
    fn stopped(&mut self) -> io::Error {
        self.writer
            .take()
            .and_then(|writer| writer.end().err())
            .unwrap_or_else(stopped_early)
    }
}

impl Writer<'_> {
    /// Close the channel, which ends the thread once it has written every piece
    /// handed to it, and wait for it: its first error is the answer.
    fn end(self) -> io::Result<()> {
        drop(self.full);
        self.thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("internal error: the writer stopped")))
    }
}

fn stopped_early() -> io::Error {
    io::Error::other("internal error: the writer stopped early")
}

/// Of `len` bytes to write when the front took `taken`, those it takes: up to
/// [`PIECE`] in all, so that the pieces after it start at a block of the file.
fn front_takes(taken: usize, len: usize) -> usize {
    len.min(PIECE - taken)
}

impl Write for Behind<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(front) = &mut self.front {
            let n = front_takes(self.taken, buf.len());
            front.write_all(&buf[..n])?;
            self.taken += n;
            if self.taken == PIECE {
                front.flush()?;
                self.front = None;
                self.piece = Piece::new();
                self.made = 1;
            }
            return Ok(n);
        }
        let room = self.piece.room();
        let n = room.len().min(buf.len());
        room[..n].copy_from_slice(&buf[..n]);
        self.piece.len += n;
        if self.piece.len == PIECE {
            self.hand_over()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        // what is written is on its way to the file; `finish` waits for it
        Ok(())
    }
}

/// The thread that writes each piece it is handed, in order, and hands it back.
fn start<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    file: &'env File,
    route: Route,
) -> Writer<'scope> {
    let (full, handed) = sync_channel::<Piece>(1);
    let (give_back, empty) = sync_channel::<Piece>(PIECES);
    let thread = scope.spawn(move || {
        let mut out = Out::new(file, route);
        for mut piece in handed {
            out.put(piece.filled())?;
            piece.len = 0;
            // the filler may be done and gone
            let _ = give_back.send(piece);
        }
        out.close()
    });
    Writer {
        full,
        empty,
        thread,
    }
}

/// The file as the writer writes it: past the page cache or through it.
struct Out<'a> {
    file: &'a File,
    direct: bool,
    /// Bytes written through the page cache since they were last synced.
    cached: usize,
}

impl<'a> Out<'a> {
    fn new(file: &'a File, route: Route) -> Out<'a> {
        let direct = route == Route::Direct && direct::set(file, true).is_ok();
        Out {
            file,
            direct,
            cached: 0,
        }
    }

    /// Write `bytes` at the end of what is written: whole blocks past the cache
    /// while the system takes them, the rest through it.
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        let whole = bytes.len() - bytes.len() % BLOCK;
        let (blocks, rest) = bytes.split_at(whole);
        let mut left = blocks;
        while self.direct && !left.is_empty() {
            match self.file.write(left) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => left = &left[n..],
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if direct::refused(&e) => self.cache()?,
                Err(e) => return Err(e),
            }
        }
        if !rest.is_empty() {
            self.cache()?;
        }
        for bytes in [left, rest] {
            self.file.write_all(bytes)?;
            self.cached += bytes.len();
        }
        if self.cached >= SYNC_STEP {
            self.cached = 0;
            self.file.sync_data()?;
        }
        Ok(())
    }

    /// From now on, through the page cache.
    fn cache(&mut self) -> io::Result<()> {
        if self.direct {
            self.direct = false;
            direct::set(self.file, false)?;
        }
        Ok(())
    }

    /// Leave the file as it was opened.
    fn close(mut self) -> io::Result<()> {
        self.cache()
    }
}

/// Writing past the page cache, where the system has it.
#[cfg(target_os = "linux")]
mod direct {
    use std::fs::File;
    use std::io;

    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};

    /// Turn writing past the page cache on or off for `file`.
    pub(super) fn set(file: &File, on: bool) -> io::Result<()> {
        let mut flags = fcntl_getfl(file)?;
        flags.set(OFlags::DIRECT, on);
        Ok(fcntl_setfl(file, flags)?)
    }

    /// Whether the system refused a write past the page cache, as it does for
    /// bytes it cannot take that way (`EINVAL`).
    pub(super) fn refused(e: &io::Error) -> bool {
        e.raw_os_error() == Some(rustix::io::Errno::INVAL.raw_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
mod direct {
    use std::fs::File;
    use std::io;

    pub(super) fn set(_: &File, on: bool) -> io::Result<()> {
        if on {
            Err(io::ErrorKind::Unsupported.into())
        } else {
            Ok(())
        }
    }

    pub(super) fn refused(_: &io::Error) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(
        route: Route,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<Vec<u8>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("report");
        let file = File::create(&path)?;
        write_with(&file, route, render)?;
        std::fs::read(&path)
    }

    /// `len` bytes that tell where each of them is.
    fn bytes(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn a_small_file_is_written_whole() {
        for route in [Route::Direct, Route::Cache] {
            assert_eq!(
                written(route, |out| out.write_all(b"a report")).unwrap(),
                b"a report"
            );
            assert_eq!(written(route, |_| Ok(())).unwrap(), b"");
        }
    }

    #[test]
    fn files_of_several_pieces_are_written_whole_and_in_order() {
        // at a piece, a byte either side of it, a block short of the last of
        // several, and a tail of one byte after them
        let lens = [
            PIECE - 1,
            PIECE,
            PIECE + 1,
            PIECE + BLOCK,
            7 * PIECE - BLOCK,
            7 * PIECE + 1,
            SYNC_STEP + PIECE + BLOCK + 17,
        ];
        for route in [Route::Direct, Route::Cache] {
            for len in lens {
                let want = bytes(len);
                // written as a renderer does: in slices of many sizes
                let got = written(route, |out| {
                    let mut at = 0;
                    for size in [1, 4095, 4097, 1 << 20, 3 << 20].into_iter().cycle() {
                        let end = (at + size).min(want.len());
                        out.write_all(&want[at..end])?;
                        at = end;
                        if at == want.len() {
                            return Ok(());
                        }
                    }
                    Ok(())
                })
                .unwrap();
                assert_eq!(got.len(), want.len(), "{route:?} {len}");
                assert!(got == want, "{route:?} {len}: bytes differ");
            }
        }
    }

    #[test]
    fn an_error_of_the_rendering_is_the_answer() {
        for route in [Route::Direct, Route::Cache] {
            let err = written(route, |out| {
                out.write_all(&vec![b'x'; 2 * PIECE + 1])?;
                Err(io::Error::other("rendering failed"))
            })
            .unwrap_err();
            assert_eq!(err.to_string(), "rendering failed");
        }
    }

    #[test]
    fn an_error_of_the_writing_is_the_answer() {
        // a file opened only for reading cannot be written, past the cache or not
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report");
        std::fs::write(&path, b"").unwrap();
        let file = File::open(&path).unwrap();
        for route in [Route::Direct, Route::Cache] {
            for len in [10, 3 * PIECE + 10] {
                let err = write_with(&file, route, |out| out.write_all(&bytes(len))).unwrap_err();
                assert_ne!(err.kind(), io::ErrorKind::Other, "{route:?} {len}: {err}");
            }
        }
    }

    #[test]
    fn bytes_the_system_refuses_to_write_directly_go_through_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report");
        let file = File::create(&path).unwrap();
        let mut piece = Piece::new();
        let want = bytes(3 * BLOCK + 1);
        piece.room()[..want.len()].copy_from_slice(&want);
        piece.len = want.len();
        let mut out = Out::new(&file, Route::Direct);
        // whole blocks, but one byte past a block in memory
        out.put(&piece.filled()[1..]).unwrap();
        assert!(!out.direct);
        out.close().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), &want[1..]);
    }

    #[test]
    fn the_front_takes_the_first_piece_exactly() {
        assert_eq!(front_takes(0, 10), 10);
        assert_eq!(front_takes(0, PIECE), PIECE);
        assert_eq!(front_takes(0, PIECE + 1), PIECE);
        assert_eq!(front_takes(PIECE - 1, 4097), 1);
        assert_eq!(front_takes(PIECE - 4097, 4097), 4097);
        assert_eq!(front_takes(PIECE, 1), 0);
    }

    #[test]
    fn a_piece_starts_at_a_block() {
        for _ in 0..4 {
            let mut piece = Piece::new();
            assert_eq!(piece.filled().as_ptr().align_offset(BLOCK), 0);
            assert_eq!(piece.room().len(), PIECE);
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_file_is_left_as_it_was_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report");
        let file = File::create(&path).unwrap();
        let before = rustix::fs::fcntl_getfl(&file).unwrap();
        write(&file, |out| out.write_all(&bytes(2 * PIECE + 3))).unwrap();
        assert_eq!(rustix::fs::fcntl_getfl(&file).unwrap(), before);
    }
}
