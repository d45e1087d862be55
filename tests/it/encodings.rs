//! The examples saved as Excel saves them in other encodings give the report of the
//! UTF-8 files ("a windows-1258 file and a UTF-16 file give the same report").

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

use std::fs;
use std::path::Path;

use serde_json::Value;

const AS_OF: &str = "2026-09-30";

/// `text` as Windows writes it in windows-1258 (every letter of the examples has a spelling).
fn windows_1258(text: &str) -> Vec<u8> {
    boiduong::input::decode::encode_windows_1258(text).unwrap()
}

/// Excel's "Unicode Text": UTF-16LE with a byte order mark, tab-delimited, CRLF.
fn unicode_text(text: &str) -> Vec<u8> {
    let tabbed = text
        .replace(';', "\t")
        .replace("\r\n", "\n")
        .replace('\n', "\r\n");
    let mut out = vec![0xFF, 0xFE];
    out.extend(tabbed.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// The JSON report of `check` on `dir`'s files, and the exit code.
fn report(dir: &Path) -> (Value, i32) {
    common::stdout_json(common::boiduong().args([
        "check",
        "--roster",
        dir.join("roster.csv").to_str().unwrap(),
        "--enrolments",
        dir.join("enrolments.csv").to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]))
}

/// `examples/vi` with both files written by `encode`: what it reports, beside the
/// report of the UTF-8 files.
fn examples_as(encode: fn(&str) -> Vec<u8>) -> ((Value, i32), (Value, i32)) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/vi");
    let dir = tempfile::tempdir().unwrap();
    for file in ["roster.csv", "enrolments.csv"] {
        let text = fs::read_to_string(examples.join(file)).unwrap();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        fs::write(dir.path().join(file), encode(text)).unwrap();
    }
    (report(dir.path()), report(&examples))
}

/// The input problems other than the `encoding` warnings, with file names left out.
fn problems_but_encoding(report: &Value) -> Vec<Value> {
    report["input_problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] != "encoding")
        .map(|p| {
            let mut p = p.clone();
            p["file"] = Value::Null;
            p
        })
        .collect()
}

fn assert_same_report(got: &(Value, i32), utf8: &(Value, i32)) {
    assert_eq!(got.1, utf8.1, "exit code");
    assert!(!utf8.0["findings"].as_array().unwrap().is_empty());
    assert_eq!(got.0["targets"], utf8.0["targets"], "targets");
    assert_eq!(got.0["findings"], utf8.0["findings"], "findings");
    assert_eq!(
        problems_but_encoding(&got.0),
        problems_but_encoding(&utf8.0)
    );
    for file in ["roster", "enrolments"] {
        for key in ["rows", "rejected", "ignored_columns"] {
            assert_eq!(
                got.0["inputs"][file][key], utf8.0["inputs"][file][key],
                "{file} {key}"
            );
        }
    }
}

#[test]
fn the_vietnamese_examples_in_windows_1258_give_the_report_of_the_utf8_files() {
    let (got, utf8) = examples_as(windows_1258);
    assert_same_report(&got, &utf8);
    let encoding: Vec<&Value> = got.0["input_problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == "encoding")
        .collect();
    assert_eq!(encoding.len(), 2, "one warning per file: {encoding:#?}");
    assert!(
        encoding
            .iter()
            .all(|p| p["severity"] == "warning" && p["line"] == 1)
    );
    assert_eq!(got.0["inputs"]["roster"]["encoding"], "windows-1258");
    assert_eq!(got.0["inputs"]["enrolments"]["encoding"], "windows-1258");
    assert_eq!(
        got.0["summary"]["input_warnings"].as_u64().unwrap(),
        utf8.0["summary"]["input_warnings"].as_u64().unwrap() + 2
    );
}

#[test]
fn the_vietnamese_examples_as_excel_unicode_text_give_the_report_of_the_utf8_files() {
    let (got, utf8) = examples_as(unicode_text);
    assert_same_report(&got, &utf8);
    assert_eq!(
        got.0["input_problems"].as_array().unwrap().len(),
        utf8.0["input_problems"].as_array().unwrap().len()
    );
    assert_eq!(got.0["inputs"]["roster"]["encoding"], "utf-16le");
    assert_eq!(got.0["inputs"]["enrolments"]["delimiter"], "tab");
}

#[test]
fn the_examples_give_no_encoding_lossy_or_legacy_font_warning() {
    for dir in ["en", "vi", "en-q4", "vi-q4"] {
        // as of the last day of the later quarter: no date of either is in the future
        let (report, _) = common::stdout_json(
            common::check_example(dir, "2026-12-31").args(["--format", "json"]),
        );
        let garbled: Vec<&Value> = report["input_problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| {
                ["encoding", "lossy-export", "legacy-font"].contains(&p["code"].as_str().unwrap())
            })
            .collect();
        assert!(garbled.is_empty(), "examples/{dir}: {garbled:#?}");
    }
}
