//! Never writing a report over an input: an output path is compared with
//! every file a command reads, by device and inode.

use std::fs;
use std::path::Path;

use crate::input::diag::problem::{InputFile, Why};
use crate::input::diag::{Code, Diagnostic, Problem};

/// A file that cannot be written, as a diagnostic naming `path` as given.
fn cannot_write(path: &Path, why: Why) -> Diagnostic {
    let shown = path.display().to_string();
    let message = Problem::CannotWrite {
        file: shown.clone(),
        why,
    };
    Diagnostic::error(&shown, None, Code::Io, message)
}

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
