//! Opening an input file: its bytes as UTF-8, its byte order mark or code page
//! (`decode`), its SHA-256.
//!
//! The SHA-256 is taken of the bytes as they are read, so an archived report
//! names exactly the export it was made from (docs/json-report.md) without a second
//! read. A large file is read, hashed and split into records on a thread of its own,
//! beside the checking of its rows (800 MB to hash at national scale).

use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use encoding_rs_io::DecodeReaderBytesBuilder;
use sha2::{Digest as _, Sha256};

pub use crate::diag::io::{cannot_read, why};
use crate::diag::problem::{Problem, Why};
use crate::input::decode::{self, Sniffed};

/// How the bytes of a file were turned into UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// No BOM and not UTF-8: Windows' Vietnamese code page, normalised to NFC.
    #[serde(rename = "windows-1258")]
    Windows1258,
    /// A workbook: its text is Unicode inside the format, whatever the system's code page.
    #[serde(rename = "xlsx")]
    Xlsx,
    #[serde(rename = "xls")]
    Xls,
    #[serde(rename = "ods")]
    Ods,
}

impl Encoding {
    /// The name the JSON report uses.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Xlsx => "xlsx",
            Encoding::Xls => "xls",
            Encoding::Ods => "ods",
        }
    }
}

/// Told how many bytes were just read from an input file, each time some are: what
/// moves a progress bar. Costs nothing when there is none.
#[derive(Clone)]
pub struct ReadHook(pub Arc<dyn Fn(usize) + Send + Sync>);

impl std::fmt::Debug for ReadHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadHook")
    }
}

/// An opened input file.
#[derive(Debug)]
pub struct Source {
    /// The path as the user gave it: what messages print.
    pub display: String,
    pub path: PathBuf,
    pub encoding: Encoding,
    /// For a file read as windows-1258: the line of its first byte that is not UTF-8.
    pub first_non_utf8_line: Option<u64>,
    digest: Digest,
}

impl Source {
    /// The SHA-256 of the file in hex. Call it once the file was read to the end:
    /// bytes read after the first call are not hashed.
    pub fn sha256(&self) -> String {
        self.digest.finish().to_owned()
    }
}

/// A SHA-256 worked out from the bytes as they are read, on the thread that reads
/// them: for a large file, the thread that splits its records ahead of the rows
/// (`records/ahead.rs`), which has time to spare beside the thread checking them.
#[derive(Debug, Clone)]
struct Digest {
    sha: Arc<Mutex<Sha256>>,
    hex: Arc<OnceLock<String>>,
}

impl Digest {
    fn new() -> Digest {
        Digest {
            sha: Arc::new(Mutex::new(Sha256::new())),
            hex: Arc::new(OnceLock::new()),
        }
    }

    fn update(&self, bytes: &[u8]) {
        self.sha
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .update(bytes);
    }

    fn finish(&self) -> &str {
        self.hex.get_or_init(|| {
            let sha = self
                .sha
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            hex(sha.finalize().as_slice())
        })
    }
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes the bytes that pass through it (and tells the hook how many).
struct Hashing<R> {
    inner: R,
    digest: Digest,
    on_read: Option<ReadHook>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.digest.update(&buf[..n]);
        }
        if let Some(hook) = &self.on_read {
            (hook.0)(n);
        }
        Ok(n)
    }
}

/// A stream of UTF-8 bytes.
pub type Utf8Stream = Box<dyn Read + Send>;

/// The UTF-8 bytes of a file: its head, read to choose its encoding, from `at` on
/// (past a byte order mark), then the rest, streamed. A reader of records takes
/// the head as its first buffer, where it lies: a province's file is read whole to
/// choose its encoding, and copied again, it cost as much in page faults as
/// reading it. A decoded file (UTF-16, windows-1258) is all stream.
pub struct Utf8Reader {
    pub head: Vec<u8>,
    pub at: usize,
    pub rest: Utf8Stream,
}

impl Utf8Reader {
    /// Bytes that are all stream, a decoder's.
    fn stream(rest: Utf8Stream) -> Utf8Reader {
        Utf8Reader {
            head: Vec::new(),
            at: 0,
            rest,
        }
    }
}

impl Read for Utf8Reader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let head = self.head.get(self.at..).unwrap_or_default();
        if head.is_empty() {
            return self.rest.read(buf);
        }
        let n = head.len().min(buf.len());
        buf[..n].copy_from_slice(&head[..n]);
        self.at += n;
        Ok(n)
    }
}

/// Open `path` for reading as UTF-8. A UTF-8 byte order mark is dropped; a
/// UTF-16 one (Excel's "Unicode Text") switches to decoding UTF-16; without one, a
/// file whose start is not UTF-8 is decoded as windows-1258 (see `decode`).
/// The error names the path and the reason given by the system.
pub fn open(path: &Path) -> Result<(Source, Utf8Reader), Box<Problem>> {
    open_with(path, None)
}

/// `open`, telling `on_read` of every byte read from the file.
pub fn open_with(
    path: &Path,
    on_read: Option<ReadHook>,
) -> Result<(Source, Utf8Reader), Box<Problem>> {
    let display = path.display().to_string();
    let reason = |e: io::Error| Box::new(cannot_read(&display, why(&e)));
    let meta = std::fs::metadata(path).map_err(reason)?;
    if meta.is_dir() {
        return Err(Box::new(cannot_read(&display, Why::Directory)));
    }
    let file = File::open(path).map_err(reason)?;
    let digest = Digest::new();
    let mut hashing = Hashing {
        inner: file,
        digest: digest.clone(),
        on_read,
    };
    let (head, complete) = decode::read_head(&mut hashing).map_err(reason)?;
    let (mut encoding, skip) = match head.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8Bom, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        _ => (Encoding::Utf8, 0),
    };
    let mut first_non_utf8_line = None;
    if let (Encoding::Utf8, Sniffed::Windows1258 { first_line }) =
        (encoding, decode::sniff(&head, complete))
    {
        encoding = Encoding::Windows1258;
        first_non_utf8_line = Some(first_line);
    }
    // a decoder reads the head past its byte order mark, then the rest
    let past_bom = |head: Vec<u8>| {
        let mut head = Cursor::new(head);
        head.set_position(skip as u64);
        head
    };
    let reader = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Xlsx | Encoding::Xls | Encoding::Ods => {
            Utf8Reader {
                head,
                at: skip,
                rest: Box::new(hashing),
            }
        }
        Encoding::Windows1258 => Utf8Reader::stream(Box::new(decode::Windows1258::new(
            past_bom(head).chain(hashing),
        ))),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let label = if encoding == Encoding::Utf16Le {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            Utf8Reader::stream(Box::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(label))
                    .build(past_bom(head).chain(hashing)),
            ))
        }
    };
    let source = Source {
        display,
        path: path.to_path_buf(),
        encoding,
        first_non_utf8_line,
        digest,
    };
    Ok((source, reader))
}

/// Read the whole of a workbook at `path` (its reader seeks, so it is not streamed),
/// hashing it and telling `on_read` of its bytes; `encoding` names its format.
pub fn read_whole(
    path: &Path,
    encoding: Encoding,
    on_read: Option<ReadHook>,
) -> Result<(Source, Vec<u8>), Box<Problem>> {
    let display = path.display().to_string();
    if path.is_dir() {
        return Err(Box::new(cannot_read(&display, Why::Directory)));
    }
    let bytes = std::fs::read(path).map_err(|e| Box::new(cannot_read(&display, why(&e))))?;
    let digest = Digest::new();
    digest.update(&bytes);
    if let Some(hook) = on_read {
        (hook.0)(bytes.len());
    }
    let source = Source {
        display,
        path: path.to_path_buf(),
        encoding,
        digest,
        first_non_utf8_line: None,
    };
    Ok((source, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read_all(bytes: &[u8]) -> (Encoding, String, String) {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        let (source, mut r) = open(f.path()).unwrap();
        let mut text = String::new();
        r.read_to_string(&mut text).unwrap();
        (source.encoding, text, source.sha256())
    }

    #[test]
    fn drops_a_utf8_bom_and_hashes_every_byte() {
        let (enc, text, sha) = read_all(b"\xEF\xBB\xBFid\n");
        assert_eq!(enc, Encoding::Utf8Bom);
        assert_eq!(text, "id\n");
        let expected: String = Sha256::digest(b"\xEF\xBB\xBFid\n")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sha, expected);
    }

    #[test]
    fn decodes_utf16_with_a_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Mã\tx\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(read_all(&le).1, "Mã\tx\r\n");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Mã\tx\n".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(
            read_all(&be),
            (Encoding::Utf16Be, "Mã\tx\n".into(), read_all(&be).2)
        );
    }

    #[test]
    fn encodings_are_named_alike_in_json_and_messages() {
        for e in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1258,
            Encoding::Xlsx,
            Encoding::Xls,
            Encoding::Ods,
        ] {
            assert_eq!(serde_json::to_value(e).unwrap(), e.name());
        }
    }

    #[test]
    fn short_files_are_read_whole() {
        assert_eq!(read_all(b"").1, "");
        assert_eq!(read_all(b"a").1, "a");
        assert_eq!(read_all(b"ab").1, "ab");
    }

    #[test]
    fn names_the_reason_for_a_missing_file_or_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let Err(missing) = open(&dir.path().join("nope.csv")) else {
            panic!("opened a missing file")
        };
        let Problem::CannotRead { file, why } = *missing else {
            panic!("{missing:?}")
        };
        assert!(file.ends_with("nope.csv"), "{file}");
        assert_eq!(why, Why::NoSuchFile);
        let Err(is_dir) = open(dir.path()) else {
            panic!("opened a directory")
        };
        let Problem::CannotRead { why, .. } = *is_dir else {
            panic!("{is_dir:?}")
        };
        assert_eq!(why, Why::Directory);
    }
}
