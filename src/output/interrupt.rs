//! What a run stopped by Ctrl-C (SIGINT) or SIGTERM leaves behind: none of its
//! temporary files or folders. Each is listed here from the moment it is made
//! until it is gone; on either signal a thread of ours removes those listed and
//! exits with the shell's code for the signal (130, 143). Moving a finished file
//! into place holds the same lock, after a last look at whether a signal has
//! come: a run stopped before that point leaves the old report as it was.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

/// The temporary paths that exist now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// The number of the signal that came, 0 before any. Set in the signal handler
/// itself, so that it is seen before our thread has even woken.
static RECEIVED: AtomicUsize = AtomicUsize::new(0);
/// Set once the handlers are in place (or could not be).
static WATCHING: OnceLock<()> = OnceLock::new();

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it usable: it is only paths.
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A temporary file or folder listed for removal on a signal, unlisted when
/// dropped (by then renamed into place or removed).
#[derive(Debug)]
pub struct Pending {
    path: PathBuf,
}

/// Make a temporary file or folder with `make` and list `path` of it, the list
/// held meanwhile: a signal cannot come between the two.
pub fn watch<T>(
    make: impl FnOnce() -> io::Result<T>,
    path: impl FnOnce(&T) -> &Path,
) -> io::Result<(T, Pending)> {
    WATCHING.get_or_init(start);
    let mut listed = pending();
    let made = make()?;
    let path = path(&made).to_owned();
    listed.push(path.clone());
    Ok((made, Pending { path }))
}

impl Pending {
    /// Run `commit`, which moves the finished work into place, unless a signal
    /// has come: then clean up and exit as the signal asks. Our thread waits for
    /// `commit` to end before it removes anything.
    pub fn commit<T>(&self, commit: impl FnOnce() -> T) -> T {
        let listed = pending();
        if let Some(signal) = received() {
            clean_and_exit(listed, signal);
        }
        commit()
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        pending().retain(|p| p != &self.path);
    }
}

fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        signal => i32::try_from(signal).ok(),
    }
}

/// Remove every listed path and exit with 128 + the signal's number, as a shell
/// reports a command its signal ended.
fn clean_and_exit(listed: MutexGuard<'static, Vec<PathBuf>>, signal: i32) -> ! {
    for path in listed.iter() {
        // Whatever cannot be removed stays; there is no one left to tell.
        let _ = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
            Ok(_) => std::fs::remove_file(path),
            Err(_) => Ok(()),
        };
    }
    std::process::exit(128 + signal)
}

/// Catch SIGINT and SIGTERM from now on. Best effort: if the handlers cannot be
/// set, a stopped run leaves its temporary file behind as it always did.
#[cfg(unix)]
fn start() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    // The thread first: a handler set with no thread to act on it would make
    // Ctrl-C do nothing at all (signal-hook cannot restore the default).
    let (give, take) = std::sync::mpsc::channel::<Signals>();
    let thread = std::thread::Builder::new()
        .name("interrupt".to_owned())
        .spawn(move || {
            if let Ok(mut signals) = take.recv()
                && let Some(signal) = signals.forever().next()
            {
                clean_and_exit(pending(), signal);
            }
        });
    if thread.is_err() {
        return;
    }
    let Ok(signals) = Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    if give.send(signals).is_err() {
        return;
    }
    for signal in [SIGINT, SIGTERM] {
        // Without the flag, only the rename could win a race with the thread.
        let _ = signal_hook::flag::register_usize(signal, &RECEIVED, signal as usize);
    }
}

#[cfg(not(unix))]
fn start() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_listed_while_it_is_pending_and_unlisted_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        let make = || std::fs::write(&path, b"x").map(|()| path.clone());
        let (_, listed) = watch(make, PathBuf::as_path).unwrap();
        assert!(pending().contains(&path));
        assert_eq!(listed.commit(|| 7), 7);
        drop(listed);
        assert!(!pending().contains(&path));
    }

    #[test]
    fn nothing_is_listed_when_making_fails() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/x");
        let make = || std::fs::write(&path, b"x").map(|()| path.clone());
        let made = watch(make, PathBuf::as_path);
        assert!(made.is_err());
        assert!(!pending().contains(&path));
    }
}
