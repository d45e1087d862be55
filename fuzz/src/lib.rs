//! What the fuzz targets share: a scratch directory for the readers that take a
//! path, a workbook built around fuzzed XML, reading a sheet or an input file the
//! way a check does, and a whole check run in process.

use std::ffi::OsString;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use boiduong::cli::Cli;
use boiduong::diag::Diagnostics;
use boiduong::input::columns::ColumnSpec;
use boiduong::input::sheet::{HeaderSearch, Sheet, TextRow};
use boiduong::input::source::Encoding;
use boiduong::input::table::Table;
use clap::Parser;
use zip::write::SimpleFileOptions;

/// The day every fuzzed check is run as of: a year with past, current and future
/// quota years of the plan.
pub const AS_OF: &str = "2026-09-30";

/// What separates the roster from the enrolments in the input of `check_run`, as
/// `tail` heads a file: ASCII, so that neither UTF-8 nor UTF-16 files hold it by chance.
pub const ENROLMENTS_MARK: &[u8] = b"\n==> enrolments.csv <==\n";

/// A small clean case (the fixture `sample`) for the targets that fuzz what
/// drives a check rather than its data.
pub const SAMPLE_ROSTER: &[u8] = include_bytes!("../../tests/fixtures/sample/roster.csv");
pub const SAMPLE_ENROLMENTS: &[u8] = include_bytes!("../../tests/fixtures/sample/enrolments.csv");

/// One directory for the whole fuzzing process: a directory per input would cost
/// more than the parsing it feeds.
fn scratch_dir() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a scratch directory"))
}

/// Write `bytes` to `name` in the scratch directory, replacing what was there.
pub fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir().path().join(name);
    std::fs::write(&path, bytes).expect("write a scratch file");
    path
}

/// The path `name` would have in the scratch directory, for outputs; what an
/// earlier input left there is removed.
pub fn scratch_path(name: &str) -> PathBuf {
    let path = scratch_dir().path().join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// `input` split at the first `separator`: before it, and after it (empty when
/// there is none).
pub fn split_at<'a>(input: &'a [u8], separator: &[u8]) -> (&'a [u8], &'a [u8]) {
    match input.windows(separator.len()).position(|w| w == separator) {
        Some(at) => (&input[..at], &input[at + separator.len()..]),
        None => (input, &[]),
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// Styles with a date format at index 1, so that `s="1"` makes a number a date,
/// when the input brings no styles of its own.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

/// The parts of a workbook's XML a fuzz input carries: the sheet, then optionally
/// the shared strings and the styles, each after a NUL byte (which XML never holds).
pub struct SheetParts<'a> {
    pub sheet: &'a [u8],
    pub shared_strings: Option<&'a [u8]>,
    pub styles: Option<&'a [u8]>,
}

impl<'a> SheetParts<'a> {
    pub fn split(input: &'a [u8]) -> SheetParts<'a> {
        let mut parts = input.splitn(3, |&b| b == 0);
        SheetParts {
            sheet: parts.next().unwrap_or_default(),
            shared_strings: parts.next(),
            styles: parts.next(),
        }
    }
}

/// A valid .xlsx package (content types, workbook, relationships) around `parts`.
pub fn xlsx(parts: &SheetParts<'_>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // stored, not deflated: the fuzzer's time goes to the reader, not to zlib
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).expect("a zip entry");
        zip.write_all(bytes).expect("a zip entry's bytes");
    };
    add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    add("_rels/.rels", ROOT_RELS.as_bytes());
    add("xl/workbook.xml", WORKBOOK.as_bytes());
    add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    add("xl/styles.xml", parts.styles.unwrap_or(STYLES.as_bytes()));
    if let Some(strings) = parts.shared_strings {
        add("xl/sharedStrings.xml", strings);
    }
    add("xl/worksheets/sheet1.xml", parts.sheet);
    zip.finish().expect("a zip in memory").into_inner()
}

/// Read the first worksheet of the workbook in `bytes` (as `kind`) the way a check
/// does: find the header among the roster's columns, then every row as text.
pub fn read_sheet(bytes: Vec<u8>, kind: Encoding, specs: &[ColumnSpec]) {
    let Ok(mut sheet) = Sheet::open(bytes, kind, None) else {
        return;
    };
    if let Ok(HeaderSearch::Found { cells, .. }) = sheet.find_header(specs) {
        assert!(!cells.is_empty(), "a header found has cells");
    }
    let mut row = TextRow::default();
    while let Ok(Some(_)) = sheet.read(&mut row) {
        for &(start, end) in &row.cells {
            // every cell's range must lie in the row's text
            assert!(
                row.text.get(start..end).is_some(),
                "cell {start}..{end} of {:?}",
                row.text
            );
        }
    }
}

/// Open `path` as an input file with the columns of `specs` and read every row,
/// every known column of it: what the loaders do before typing the values.
pub fn read_table(path: &Path, specs: &'static [ColumnSpec]) {
    let mut diags = Diagnostics::default();
    let Some(mut table) = Table::open(path, specs, None, None, None, None, &mut diags) else {
        return;
    };
    let mut rejected = Vec::new();
    while let Ok(Some(row)) = table.next_row(&mut diags, &mut rejected) {
        for spec in specs {
            let _ = row.get(spec.column);
            let _ = row.header_name(spec.column);
        }
    }
    let _ = table.summary();
}

/// `boiduong check` in process on these files, as of [`AS_OF`], the JSON report
/// written to a scratch file, with `extra` arguments. Whatever it returns is fine:
/// only a panic is a bug.
pub fn run_check(roster: &Path, enrolments: &Path, extra: &[&OsString]) {
    let output = scratch_path("report.json");
    let mut args: Vec<OsString> = ["boiduong", "check", "--roster"]
        .iter()
        .map(OsString::from)
        .collect();
    args.push(roster.into());
    args.push("--enrolments".into());
    args.push(enrolments.into());
    for arg in ["--as-of", AS_OF, "--quiet", "--format", "json", "-o"] {
        args.push(arg.into());
    }
    args.push(output.into());
    args.extend(extra.iter().map(|&a| a.clone()));
    let cli = Cli::try_parse_from(args).expect("the arguments of a check parse");
    let _ = boiduong::run(&cli);
}

/// `run_check` on the fixture `sample`.
pub fn run_check_on_sample(extra: &[&OsString]) {
    let roster = scratch_file("sample-roster.csv", SAMPLE_ROSTER);
    let enrolments = scratch_file("sample-enrolments.csv", SAMPLE_ENROLMENTS);
    run_check(&roster, &enrolments, extra);
}
