//! What the CLI tests of reports share: running the binary on the fixtures and the
//! examples, writing JSON reports, and blanking the clock's field.

#![allow(dead_code)] // each test crate uses a part
#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

/// Both fixtures are as of this day: what changes between them is the data.
pub const AS_OF: &str = "2026-11-25";

pub fn boiduong() -> Command {
    let mut cmd = cargo_bin_cmd!("boiduong");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        // the width of the terminal the tests run in: none
        .env_remove("COLUMNS")
        // English, whatever the machine's locale: tests of Vietnamese ask for it
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("BOIDUONG_LANG");
    cmd
}

/// `tests/fixtures/{name}`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A case of `tests/fixtures/bad-input` (see its README.md).
pub fn bad_input(case: &str) -> PathBuf {
    let dir = fixture("bad-input").join(case);
    assert!(dir.is_dir(), "no fixture directory {}", dir.display());
    dir
}

/// `boiduong COMMAND` run in `dir` on its `roster.csv` and `enrolments.csv`, as
/// of `as_of`: messages name the files as `roster.csv` and `enrolments.csv`.
pub fn run_in(dir: &Path, command: &str, as_of: &str) -> Command {
    let mut cmd = boiduong();
    cmd.current_dir(dir).args([
        command,
        "--roster",
        "roster.csv",
        "--enrolments",
        "enrolments.csv",
        "--as-of",
        as_of,
    ]);
    cmd
}

/// `check` run in `dir` on its files, as of `AS_OF`.
pub fn check_in(dir: &Path) -> Command {
    run_in(dir, "check", AS_OF)
}

/// `check` on `tests/fixtures/{scenario}` as of `AS_OF`.
pub fn check(scenario: &str) -> Command {
    let mut cmd = boiduong();
    cmd.args([
        "check",
        "--roster",
        &format!("tests/fixtures/{scenario}/roster.csv"),
        "--enrolments",
        &format!("tests/fixtures/{scenario}/enrolments.csv"),
        "--as-of",
        AS_OF,
    ]);
    cmd
}

/// `check` on an example quarter (`en`, `en-q4`, ...) as of its day.
pub fn check_example(dir: &str, as_of: &str) -> Command {
    let mut cmd = boiduong();
    cmd.args([
        "check",
        "--roster",
        &format!("examples/{dir}/roster.csv"),
        "--enrolments",
        &format!("examples/{dir}/enrolments.csv"),
        "--as-of",
        as_of,
    ]);
    cmd
}

/// Run `cmd` with `--format json --output dir/name` and return the path.
pub fn json_report(mut cmd: Command, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    cmd.args(["--format", "json", "--fail-on", "never", "--output"])
        .arg(&path)
        .assert()
        .success();
    path
}

/// Run `cmd`: its stdout, stderr and exit code.
pub fn outcome(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// The binary with exactly the locale variables of `env` set ([`boiduong`]
/// removes the others), run with `args`.
pub fn with_env(env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
    let mut cmd = boiduong();
    for (var, value) in env {
        cmd.env(var, value);
    }
    outcome(cmd.args(args))
}

pub fn stdout_json(cmd: &mut Command) -> (Value, i32) {
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code().unwrap())
}

/// Pretty-printed JSON with the value of every `generated_at` replaced: the one
/// field that changes from run to run. Line by line, so the order and layout of
/// the output are kept as they are.
pub fn blank_generated_at(text: &str) -> String {
    let key = "\"generated_at\": \"";
    text.lines()
        .map(|line| match line.find(key) {
            Some(at) => {
                let comma = if line.ends_with(',') { "," } else { "" };
                format!("{}[generated_at]\"{comma}\n", &line[..at + key.len()])
            }
            None => format!("{line}\n"),
        })
        .collect()
}

/// Assert that `text` holds `part`, printing the whole text when it does not.
#[track_caller]
pub fn has(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} is not in:\n{text}");
}

/// An .xlsx at `path` whose one sheet, "Danh sách", is `sheet_xml` as it is, in an
/// otherwise valid package: how the fuzz target of sheet XML wraps its inputs, so
/// that one of them saved under tests/fixtures/fuzz/ reads as it did there.
pub fn xlsx_around_sheet(path: &Path, sheet_xml: &[u8]) {
    use std::io::Write;
    const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [
        ("[Content_Types].xml", TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    std::fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

/// The diagnostics of a load as text to compare: those kept, the lines over the cap,
/// and the counts.
pub fn diagnostics_seen(diags: &boiduong::diag::Diagnostics) -> String {
    use boiduong::diag::Severity;
    format!(
        "{:#?}\n{:?}\n{} errors {} warnings\n",
        diags.kept(),
        diags.overflow(),
        diags.count(Severity::Error),
        diags.count(Severity::Warning)
    )
}

/// What the loaders are given for `roster` and `enrolments` as of `as_of`, with the
/// embedded plan's language groups and rules from `appointed_on`, and nothing else set.
pub fn load_options(
    roster: &Path,
    enrolments: &Path,
    as_of: chrono::NaiveDate,
) -> boiduong::input::LoadOptions {
    let plan = boiduong::plan::load_plan(None).unwrap();
    boiduong::input::LoadOptions {
        roster: roster.to_path_buf(),
        enrolments: enrolments.to_path_buf(),
        delimiter: None,
        roster_sheet: None,
        enrolments_sheet: None,
        as_of,
        on_read: None,
        certificates: Default::default(),
        language_groups: plan.glossary.group_numbers(),
        rules_from_appointment: plan.rules_from_appointment().into(),
    }
}

/// The entries of the zip at `path`, in order.
pub fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(path).unwrap())).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            (entry.name().unwrap().into_owned(), bytes)
        })
        .collect()
}
