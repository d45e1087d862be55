//! A large file sent to the disk while it is still being written. Once a file
//! has grown by [`STEP`], a thread of its own asks the system to write out what
//! is there so far, and does so again after each step while the rest is being
//! rendered. The sync before the rename then waits for the last few megabytes,
//! not for a whole national report written out at the end. A small file never
//! starts the thread.

use std::fs::File;
use std::io::{self, Write};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread::{self, Scope, ScopedJoinHandle};

use super::file::BUFFER;

/// Bytes written between two requests to write the file out.
const STEP: usize = 32 << 20;

/// Write what `render` writes into `file`, sending it to the disk behind the
/// writing; the caller still syncs the file once done. The first error of
/// either the writing or an earlier sync is the answer: a sync's error would
/// otherwise be lost, as the system reports it once, to whichever sync came
/// first.
pub(super) fn write(
    file: &File,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    thread::scope(|scope| {
        let mut out = io::BufWriter::with_capacity(
            BUFFER,
            Behind {
                file,
                scope,
                since: 0,
                syncer: None,
            },
        );
        let written = render(&mut out).and_then(|()| out.flush());
        let synced = match out.into_parts().0.syncer {
            None => Ok(()),
            Some(Syncer { ask, thread }) => {
                // closing the channel ends the thread after the sync it is in
                drop(ask);
                thread
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("internal error: a sync stopped")))
            }
        };
        written.and(synced)
    })
}

/// `file` and a count of what was written since the last request to sync.
struct Behind<'scope, 'env> {
    file: &'env File,
    scope: &'scope Scope<'scope, 'env>,
    since: usize,
    syncer: Option<Syncer<'scope>>,
}

/// The thread that syncs, and how to ask it.
struct Syncer<'scope> {
    ask: SyncSender<()>,
    thread: ScopedJoinHandle<'scope, io::Result<()>>,
}

impl Behind<'_, '_> {
    /// Ask for what is written to go to disk; a request made while a sync is
    /// under way joins it (the next sync takes everything written by then).
    fn ask_sync(&mut self) -> io::Result<()> {
        if self.syncer.is_none() {
            let file = self.file.try_clone()?;
            let (ask, asked) = sync_channel::<()>(1);
            let thread = self.scope.spawn(move || {
                for () in asked {
                    file.sync_data()?;
                }
                Ok(())
            });
            self.syncer = Some(Syncer { ask, thread });
        }
        if let Some(syncer) = &self.syncer {
            // Full: a sync is asked for already. Disconnected: the thread stopped
            // on an error, kept for the end.
            let _ = syncer.ask.try_send(());
        }
        Ok(())
    }
}

impl Write for Behind<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n;
        if self.since >= STEP {
            self.since = 0;
            self.ask_sync()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<Vec<u8>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("report");
        let file = File::create(&path)?;
        write(&file, render)?;
        std::fs::read(&path)
    }

    #[test]
    fn a_small_file_is_written_whole() {
        assert_eq!(
            written(|out| out.write_all(b"a report")).unwrap(),
            b"a report"
        );
    }

    #[test]
    fn a_file_of_several_steps_is_written_whole_and_in_order() {
        let piece: Vec<u8> = (0..=255).collect();
        let pieces = 3 * STEP / piece.len() + 7;
        let bytes = written(|out| {
            for _ in 0..pieces {
                out.write_all(&piece)?;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(bytes.len(), pieces * piece.len());
        assert!(bytes.chunks(piece.len()).all(|c| c == piece.as_slice()));
    }

    #[test]
    fn an_error_of_the_rendering_is_the_answer() {
        let err = written(|out| {
            out.write_all(&vec![b'x'; STEP + 1])?;
            Err(io::Error::other("rendering failed"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "rendering failed");
    }
}
