//! Writing a set of files into a folder (`gaps --by-unit`, `template`) all or
//! none: every file goes into a hidden temporary folder first, and the set is
//! moved into place only once each of its files is written and synced.
//!
//! A folder that does not exist yet is the temporary folder renamed, made
//! beside it: one rename. In a folder that exists, the temporary folder is
//! made inside it (a folder that is a mount point could not take a rename
//! from its parent's file system), and the files are moved in one by one,
//! each file they replace first set aside in the temporary folder; a failure
//! moves everything back, so the folder is left as it was. Files of the
//! folder that are not the set's are never touched, except those that a
//! listing of our own names as written by the last run (`manifest`): the new
//! set replaces the old one whole, and an old list that no unit has any more
//! does not linger beside the new ones.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::diag::Diagnostic;
use crate::diag::problem::Why;
use crate::i18n::say;
use crate::input::source::why;

use super::file::{cannot_write, folder_of, sync_folder};
use super::interrupt::{self, Pending};

/// Where a folder's files are set aside while the new ones move in.
const SET_ASIDE: &str = ".previous";

/// The manifest is read only this far: ours is a name per line.
const MAX_MANIFEST: u64 = 1 << 20;

/// A set of files being written for a folder.
#[derive(Debug)]
pub struct FileSet {
    /// The folder, as given: how every message names it.
    dir: PathBuf,
    staging: TempDir,
    listed: Pending,
    /// The folder did not exist: the temporary folder becomes it.
    fresh: bool,
    names: Vec<String>,
}

impl FileSet {
    /// Begin a set of files for `dir` (made, with its parents, if missing).
    pub fn begin(dir: &Path) -> Result<FileSet, Diagnostic> {
        let problem = |e: io::Error| cannot_write(dir, why(&e));
        let fresh = match fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => false,
            Ok(_) => return Err(problem(io::ErrorKind::NotADirectory.into())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => true,
            Err(e) => return Err(problem(e)),
        };
        let place = if fresh {
            let parent = folder_of(dir);
            fs::create_dir_all(parent).map_err(problem)?;
            parent
        } else {
            dir
        };
        // A new folder becomes DIR: a temporary folder is made as any new
        // folder is (0777 less the umask), so DIR is too.
        let make = || {
            tempfile::Builder::new()
                .prefix(".boiduong-")
                .tempdir_in(place)
        };
        let (staging, listed) = interrupt::watch(make, TempDir::path).map_err(problem)?;
        Ok(FileSet {
            dir: dir.to_owned(),
            staging,
            listed,
            fresh,
            names: Vec::new(),
        })
    }

    /// Write the file `name` of the set.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let written = write_synced(&self.staging.path().join(name), bytes);
        written.map_err(|e| cannot_write(&self.dir.join(name), why(&e)))?;
        self.names.push(name.to_owned());
        Ok(())
    }

    /// Move the set into place. With `manifest`, the file of that name lists the
    /// set for the next run, and the files the last run listed there that are not
    /// in this set are removed.
    pub fn commit(self, manifest: Option<&str>) -> Result<(), Diagnostic> {
        let mut names = self.names.clone();
        let mut stale = Vec::new();
        if let Some(manifest) = manifest {
            if !self.fresh {
                let ours: HashSet<&str> = names.iter().map(String::as_str).collect();
                stale = listed_last(&self.dir.join(manifest))
                    .into_iter()
                    .filter(|name| !ours.contains(name.as_str()) && name != manifest)
                    .filter(|name| is_file(&self.dir.join(name)))
                    .collect();
            }
            let listing = manifest_text(&names);
            let written = write_synced(&self.staging.path().join(manifest), listing.as_bytes());
            written.map_err(|e| cannot_write(&self.dir.join(manifest), why(&e)))?;
            names.push(manifest.to_owned());
        }
        if self.fresh {
            let moved = self
                .listed
                .commit(|| fs::rename(self.staging.path(), &self.dir));
            moved.map_err(|e| cannot_write(&self.dir, why(&e)))?;
            // Renamed: nothing is left to remove.
            let _renamed = self.staging.keep();
            sync_folder(folder_of(&self.dir));
            return Ok(());
        }
        let swapped = self
            .listed
            .commit(|| swap(&self.dir, self.staging.path(), &names, &stale));
        match swapped {
            Ok(()) => {
                sync_folder(&self.dir);
                Ok(())
            }
            Err(Failed { name, why, undone }) => {
                if !undone {
                    // Files set aside are still in the temporary folder: keep it.
                    let _kept = self.staging.keep();
                }
                Err(cannot_write(&self.dir.join(name), why))
            }
        }
    }
}

/// Write `bytes` to a new file at `path`, on disk before it is moved anywhere.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Whether `path` is a regular file (not a link, not a folder).
fn is_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file())
}

fn manifest_text(names: &[String]) -> String {
    let mut text = String::from(say::BY_UNIT_LIST_HEAD);
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// The names the last run listed: only plain names of files in the folder, so
/// that an edited manifest cannot reach anything outside it.
fn listed_last(manifest: &Path) -> Vec<String> {
    let Ok(file) = File::open(manifest) else {
        return Vec::new();
    };
    let mut text = String::new();
    if io::Read::read_to_string(&mut io::Read::take(file, MAX_MANIFEST), &mut text).is_err() {
        return Vec::new();
    }
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| {
            let mut parts = Path::new(line).components();
            matches!(
                (parts.next(), parts.next()),
                (Some(std::path::Component::Normal(_)), None)
            )
        })
        .map(str::to_owned)
        .collect()
}

/// Why the set could not be moved in, on which of its files, and whether the
/// folder was put back as it was.
struct Failed {
    name: String,
    why: Why,
    undone: bool,
}

/// Move `names` from `staging` into `dir`, after setting aside the `stale`
/// files and every file the set replaces; on a failure, move everything back.
fn swap(dir: &Path, staging: &Path, names: &[String], stale: &[String]) -> Result<(), Failed> {
    let aside = staging.join(SET_ASIDE);
    let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        fs::create_dir(&aside).map_err(|e| (String::new(), why(&e)))?;
        for name in stale {
            step(&dir.join(name), &aside.join(name), &mut done).map_err(|w| (name.clone(), w))?;
        }
        for name in names {
            let target = dir.join(name);
            match fs::symlink_metadata(&target) {
                Ok(meta) if meta.is_dir() => return Err((name.clone(), Why::Directory)),
                Ok(meta) => fs::set_permissions(staging.join(name), meta.permissions())
                    .map_err(|e| why(&e))
                    .and_then(|()| step(&target, &aside.join(name), &mut done)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(why(&e)),
            }
            .and_then(|()| step(&staging.join(name), &target, &mut done))
            .map_err(|w| (name.clone(), w))?;
        }
        Ok(())
    })();
    result.map_err(|(name, why)| {
        // Back in reverse order: each file returns to where it was.
        let undone = done
            .iter()
            .rev()
            .all(|(from, to)| fs::rename(to, from).is_ok());
        Failed { name, why, undone }
    })
}

fn step(from: &Path, to: &Path, done: &mut Vec<(PathBuf, PathBuf)>) -> Result<(), Why> {
    fs::rename(from, to).map_err(|e| why(&e))?;
    done.push((from.to_owned(), to.to_owned()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().into_string().unwrap();
                let text = fs::read_to_string(e.path()).unwrap_or_else(|_| "<folder>".into());
                (name, text)
            })
            .collect();
        all.sort();
        all
    }

    fn pair(name: &str, text: &str) -> (String, String) {
        (name.to_owned(), text.to_owned())
    }

    #[test]
    fn a_new_folder_is_made_whole() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("lists/2027");
        let mut set = FileSet::begin(&dir).unwrap();
        set.add("a.csv", b"a").unwrap();
        set.add("b.csv", b"b").unwrap();
        set.commit(None).unwrap();
        assert_eq!(files(&dir), vec![pair("a.csv", "a"), pair("b.csv", "b")]);
        assert_eq!(
            files(&root.path().join("lists")).len(),
            1,
            "no temporary folder"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_new_folder_and_its_files_are_made_as_any_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        let root = tempfile::tempdir().unwrap();
        // what the umask leaves of a new folder and a new file
        fs::create_dir(root.path().join("plain")).unwrap();
        File::create(root.path().join("plain/plain.csv")).unwrap();
        let (folder, file) = (
            mode(&root.path().join("plain")),
            mode(&root.path().join("plain/plain.csv")),
        );
        let dir = root.path().join("lists");
        let mut set = FileSet::begin(&dir).unwrap();
        set.add("a.csv", b"a").unwrap();
        set.add("b.csv", b"b").unwrap();
        set.commit(None).unwrap();
        assert_eq!(mode(&dir), folder);
        assert_eq!(mode(&dir.join("a.csv")), file);
        fs::set_permissions(dir.join("a.csv"), fs::Permissions::from_mode(0o640)).unwrap();
        let mut set = FileSet::begin(&dir).unwrap();
        set.add("a.csv", b"a2").unwrap();
        set.add("c.csv", b"c").unwrap();
        set.commit(None).unwrap();
        assert_eq!(mode(&dir.join("a.csv")), 0o640);
        assert_eq!(fs::read_to_string(dir.join("a.csv")).unwrap(), "a2");
        assert_eq!(mode(&dir.join("c.csv")), file);
    }

    #[test]
    fn a_set_not_committed_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("a.csv"), "old").unwrap();
        let mut set = FileSet::begin(root.path()).unwrap();
        set.add("a.csv", b"new").unwrap();
        drop(set);
        assert_eq!(files(root.path()), vec![pair("a.csv", "old")]);
        let new = root.path().join("new");
        let mut set = FileSet::begin(&new).unwrap();
        set.add("a.csv", b"new").unwrap();
        drop(set);
        assert!(!new.exists());
        assert_eq!(files(root.path()), vec![pair("a.csv", "old")]);
    }

    #[test]
    fn a_failure_half_way_puts_every_file_back() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        fs::write(dir.join("a.csv"), "old a").unwrap();
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        fs::create_dir(dir.join("c.csv")).unwrap();
        let mut set = FileSet::begin(dir).unwrap();
        for name in ["a.csv", "b.csv", "c.csv"] {
            set.add(name, b"new").unwrap();
        }
        let failed = set.commit(None).unwrap_err();
        assert!(failed.file.ends_with("c.csv"), "{failed:?}");
        assert_eq!(
            files(dir),
            vec![
                pair("a.csv", "old a"),
                pair("c.csv", "<folder>"),
                pair("notes.txt", "mine")
            ]
        );
    }

    #[test]
    fn the_new_set_replaces_the_one_listed_and_nothing_else() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        let write = |names: &[&str]| {
            let mut set = FileSet::begin(dir).unwrap();
            for name in names {
                set.add(name, name.as_bytes()).unwrap();
            }
            set.commit(Some(".list.txt")).unwrap();
        };
        write(&["a.csv", "b.csv"]);
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        fs::write(dir.join("c.csv"), "mine too").unwrap();
        write(&["b.csv", "c.csv"]);
        let all = files(dir);
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec![".list.txt", "b.csv", "c.csv", "notes.txt"]);
        assert_eq!(
            all[2],
            pair("c.csv", "c.csv"),
            "a file of the set's name is replaced"
        );
        assert!(all[0].1.ends_with("\nb.csv\nc.csv\n"), "{}", all[0].1);
    }

    #[test]
    fn a_manifest_never_reaches_outside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("lists");
        fs::create_dir(&dir).unwrap();
        fs::write(root.path().join("precious.csv"), "keep").unwrap();
        fs::write(
            dir.join(".list.txt"),
            "../precious.csv\n/etc/passwd\nsub/x.csv\n..\n",
        )
        .unwrap();
        let mut set = FileSet::begin(&dir).unwrap();
        set.add("a.csv", b"a").unwrap();
        set.commit(Some(".list.txt")).unwrap();
        assert_eq!(
            fs::read_to_string(root.path().join("precious.csv")).unwrap(),
            "keep"
        );
    }
}
