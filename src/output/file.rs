//! Writing one file without losing one: a report replaces a regular file
//! through a temporary file beside it, made durable before and after the
//! rename; a pipe, a terminal or `/dev/stdout` is written into as it is; an
//! input is never written over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diag::problem::{InputFile, Why};
use crate::diag::{Code, Diagnostic, Problem};
use crate::input::source::why;

use super::{behind, interrupt};

/// Rendered output larger than this goes out in pieces.
pub(super) const BUFFER: usize = 1 << 20;

/// Symbolic links followed at most, as the kernel does (ELOOP past 40).
const MAX_LINKS: usize = 40;

/// A file that cannot be written, as a diagnostic naming `path` as given.
pub(super) fn cannot_write(path: &Path, why: Why) -> Diagnostic {
    let shown = path.display().to_string();
    let message = Problem::CannotWrite {
        file: shown.clone(),
        why,
    };
    Diagnostic::error(&shown, None, Code::Io, message)
}

/// Where the bytes for a path go.
#[derive(Debug, PartialEq, Eq)]
enum Destination {
    /// A regular file, or a new one, at this path with every symbolic link of
    /// its own followed: replaced whole through a temporary file beside it.
    Replace(PathBuf),
    /// A pipe, a terminal or another character device, or a descriptor of this
    /// process (`/dev/stdout`): opened and written into as it is. Renaming a
    /// file onto it would replace the device node or the link and leave its
    /// reader with nothing.
    Stream(PathBuf),
}

/// Where writing `path` goes, following its symbolic links: a link to a report
/// updates the report and keeps the link.
fn destination(path: &Path) -> Result<Destination, Why> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINKS {
        if is_descriptor(&at) {
            // `/proc/self/fd/1` names what fd 1 is open on, maybe a pipe with no
            // name; opening the path as given reaches it.
            return Ok(Destination::Stream(path.to_owned()));
        }
        let meta = match fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return new_file(at),
            Err(e) => return Err(why(&e)),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = fs::read_link(&at).map_err(|e| why(&e))?;
            at = match at.parent() {
                Some(dir) => dir.join(link),
                None => link,
            };
        } else if kind.is_file() {
            return Ok(Destination::Replace(at));
        } else if kind.is_dir() {
            return Err(Why::Directory);
        } else if is_stream(&kind) {
            return Ok(Destination::Stream(at));
        } else {
            return Err(Why::NotAFile);
        }
    }
    // What the system says when it gives up the same way (ELOOP).
    Err(Why::System("Too many levels of symbolic links".to_owned()))
}

/// A path to be made: its folder must exist.
fn new_file(at: PathBuf) -> Result<Destination, Why> {
    let dir = folder_of(&at);
    if !dir.is_dir() {
        return Err(Why::NoDirectory(dir.display().to_string()));
    }
    Ok(Destination::Replace(at))
}

/// The folder a file at `path` is in (`.` for a bare name).
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether `path` is in Linux's `/proc`, where `/dev/stdout` and `/dev/fd/N`
/// lead: a file descriptor of a process, not a name in a folder.
fn is_descriptor(path: &Path) -> bool {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .and_then(|dir| fs::canonicalize(dir).ok())
        .is_some_and(|dir| dir.starts_with("/proc"))
}

#[cfg(unix)]
fn is_stream(kind: &fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo() || kind.is_char_device()
}

#[cfg(not(unix))]
fn is_stream(_: &fs::FileType) -> bool {
    true
}

/// Write what `render` writes to `path`; see `super::write`.
pub(super) fn write(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Diagnostic> {
    let problem = |why: Why| cannot_write(path, why);
    match destination(path).map_err(problem)? {
        Destination::Stream(target) => stream(&target, render).map_err(|e| problem(why(&e))),
        Destination::Replace(target) => replace(&target, render).map_err(|e| problem(why(&e))),
    }
}

fn stream(target: &Path, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    // Appending: `-o /dev/stdout >> log` adds to the log, as the shell asked.
    let file = OpenOptions::new().append(true).open(target)?;
    let mut out = io::BufWriter::with_capacity(BUFFER, file);
    render(&mut out)?;
    out.flush()
}

fn replace(target: &Path, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = folder_of(target);
    let replaced = fs::metadata(target).ok().map(|meta| meta.permissions());
    let (file, listed) = interrupt::watch(
        || temporary_file(dir, replaced.clone()),
        tempfile::NamedTempFile::path,
    )?;
    behind::write(file.as_file(), render)?;
    // On disk before the rename: a power cut after it must find the new bytes,
    // not an empty file under the report's name.
    file.as_file().sync_all()?;
    listed.commit(|| file.persist(target).map_err(|e| e.error))?;
    sync_folder(dir);
    Ok(())
}

/// A temporary file in `dir` with the mode of the file it replaces, `replaced`,
/// or else that of any program's new file: read and write for all, less what the
/// umask takes away (a report a cron job drops in a shared folder is read by
/// the office, not by its owner alone as a temporary file's 0600 would have it).
#[cfg(unix)]
fn temporary_file(
    dir: &Path,
    replaced: Option<fs::Permissions>,
) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    let new = fs::Permissions::from_mode(0o666);
    let file = tempfile::Builder::new()
        .permissions(replaced.clone().unwrap_or(new))
        .tempfile_in(dir)?;
    if let Some(mode) = replaced {
        // the umask narrowed what the file was made with: the old mode, exactly
        file.as_file().set_permissions(mode)?;
    }
    Ok(file)
}

/// A temporary file in `dir`: it takes the folder's permissions.
#[cfg(not(unix))]
fn temporary_file(
    dir: &Path,
    _replaced: Option<fs::Permissions>,
) -> io::Result<tempfile::NamedTempFile> {
    tempfile::NamedTempFile::new_in(dir)
}

/// Make a rename in `dir` durable. Best effort: some file systems cannot sync a
/// folder, and the rename has happened either way.
#[cfg(unix)]
pub(super) fn sync_folder(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Folders cannot be opened as files here; the rename is as durable as the
/// system makes it.
#[cfg(not(unix))]
pub(super) fn sync_folder(_: &Path) {}

/// An input a command reads: `path` as given, and what it is.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub path: &'a Path,
    pub what: InputFile,
}

/// Refuse to write `output` when it is one of `inputs`: the same file, by
/// whatever name, link or hard link (compared by device and inode, which a
/// path's spelling cannot fool).
pub fn refuse_inputs(output: &Path, inputs: &[Input<'_>]) -> Result<(), Diagnostic> {
    match inputs.iter().find(|input| same_file(output, input.path)) {
        None => Ok(()),
        Some(input) => Err(cannot_write(
            output,
            Why::IsInput {
                input: input.path.display().to_string(),
                what: input.what,
            },
        )),
    }
}

/// Whether `a` and `b` are one file. `stat` only: opening a pipe to compare
/// would block until someone writes into it.
#[cfg(unix)]
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Whether `a` and `b` are one file (where there are no inodes: by the path
/// each leads to).
#[cfg(not(unix))]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A symbolic link `name` in `dir` to `target`.
    #[cfg(unix)]
    fn symlink_in(dir: &Path, name: &str, target: &str) -> PathBuf {
        let link = dir.join(name);
        std::os::unix::fs::symlink(target, &link).unwrap();
        link
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_report_updates_the_report_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("report.txt");
        fs::write(&report, "old").unwrap();
        let link = symlink_in(dir.path(), "latest.txt", "report.txt");
        assert_eq!(
            destination(&link),
            Ok(Destination::Replace(dir.path().join("report.txt")))
        );
        write(&link, |out| out.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&report).unwrap(), "new");
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    }

    /// The mode of `path`'s permission bits.
    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn a_new_report_has_the_mode_of_any_new_file_and_a_replaced_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        // what the umask leaves of a new file, whatever the machine's umask
        let plain = dir.path().join("plain.txt");
        File::create(&plain).unwrap();
        let report = dir.path().join("report.txt");
        write(&report, |out| out.write_all(b"first")).unwrap();
        assert_eq!(mode(&report), mode(&plain));
        for kept in [0o644, 0o640, 0o664, 0o600, 0o444] {
            fs::set_permissions(&report, fs::Permissions::from_mode(kept)).unwrap();
            write(&report, |out| out.write_all(b"again")).unwrap();
            assert_eq!(mode(&report), kept, "{kept:o}");
            assert_eq!(fs::read_to_string(&report).unwrap(), "again");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_makes_the_file_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let link = symlink_in(dir.path(), "latest.txt", "report.txt");
        write(&link, |out| out.write_all(b"new")).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("report.txt")).unwrap(),
            "new"
        );
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let a = symlink_in(dir.path(), "a", "b");
        symlink_in(dir.path(), "b", "a");
        assert!(matches!(destination(&a), Err(Why::System(_))));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_descriptors_are_streams() {
        assert_eq!(
            destination(Path::new("/dev/null")),
            Ok(Destination::Stream("/dev/null".into()))
        );
        assert_eq!(
            destination(Path::new("/dev/stdout")),
            Ok(Destination::Stream("/dev/stdout".into()))
        );
        assert_eq!(
            destination(Path::new("/dev/fd/2")),
            Ok(Destination::Stream("/dev/fd/2".into()))
        );
        write(Path::new("/dev/null"), |out| out.write_all(b"a report")).unwrap();
        let null = fs::symlink_metadata("/dev/null").unwrap().file_type();
        assert!(std::os::unix::fs::FileTypeExt::is_char_device(&null));
    }

    #[test]
    fn a_hard_link_is_the_same_file_and_a_copy_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        fs::write(&a, "id\n").unwrap();
        fs::hard_link(&a, dir.path().join("b.csv")).unwrap();
        fs::copy(&a, dir.path().join("c.csv")).unwrap();
        assert!(same_file(&a, &dir.path().join("b.csv")));
        assert!(same_file(&a, &dir.path().join(".").join("a.csv")));
        assert!(!same_file(&a, &dir.path().join("c.csv")));
        assert!(!same_file(&a, &dir.path().join("missing.csv")));
    }
}
