//! Vietnamese from end to end in what boiduong writes: CSV separated by `;` as
//! Excel in Vietnam opens it (`--output-delimiter` to say otherwise), the code
//! columns in the plan's words, the JSON the same codes in both languages, and
//! a diff worded in its own language from the codes, whatever the language of the
//! reports it compares.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{self, AS_OF};

/// `args` run on the `sample` fixture as of `AS_OF`: stdout, stderr, exit code.
fn run(args: &[&str]) -> (Vec<u8>, String, i32) {
    let mut cmd = common::boiduong();
    let (command, rest) = args.split_first().unwrap();
    cmd.args([
        command,
        "--roster",
        "tests/fixtures/sample/roster.csv",
        "--enrolments",
        "tests/fixtures/sample/enrolments.csv",
        "--as-of",
        AS_OF,
    ])
    .args(rest);
    output(&mut cmd)
}

/// `gaps --year 2027` on the `sample` fixture, with `args`.
fn gaps(args: &[&str]) -> (Vec<u8>, String, i32) {
    let all: Vec<&str> = ["gaps", "--year", "2027"]
        .iter()
        .chain(args)
        .copied()
        .collect();
    run(&all)
}

fn output(cmd: &mut Command) -> (Vec<u8>, String, i32) {
    let out = cmd.output().unwrap();
    (
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

/// The records of a CSV file boiduong wrote, read with `delimiter`, after its
/// byte order mark; every record as wide as the header.
fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let width = rows[0].len();
    assert!(
        width > 1,
        "one column: not {:?}-separated",
        delimiter as char
    );
    assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
    rows
}

/// The column `name` of `rows` (a header as the file writes it), below the header.
fn column<'r>(rows: &'r [Vec<String>], name: &str) -> Vec<&'r str> {
    let at = rows[0].iter().position(|h| h == name).unwrap();
    rows[1..].iter().map(|r| r[at].as_str()).collect()
}

/// The first line of a CSV file, after its byte order mark.
fn header(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn a_vietnamese_csv_is_separated_by_semicolons_and_an_english_one_by_commas() {
    let (vi, _, _) = run(&["check", "--format", "csv", "--lang", "vi"]);
    assert!(
        header(&vi).starts_with("Mã chỉ tiêu;Mục;Mức độ;Tình trạng;Mã cán bộ;"),
        "{}",
        header(&vi)
    );
    // dates stay day first
    let rows = records(&vi, b';');
    assert!(column(&rows, "Hạn").contains(&"25/11/2026"), "{rows:?}");
    let (en, _, _) = run(&["check", "--format", "csv", "--lang", "en"]);
    assert!(header(&en).starts_with("rule,clause,severity,status,id,"));
    records(&en, b',');

    let (vi, err, code) = gaps(&["--format", "csv", "--lang", "vi"]);
    assert_eq!(code, 0, "{err}");
    assert!(header(&vi).starts_with("Mã cán bộ;Họ và tên;"));
    records(&vi, b';');
    let (en, _, _) = gaps(&["--format", "csv"]);
    assert!(header(&en).starts_with("id,full_name,"));
    records(&en, b',');
}

#[test]
fn gaps_by_unit_writes_each_units_csv_with_the_languages_delimiter() {
    for (lang, delimiter) in [("vi", b';'), ("en", b',')] {
        let dir = tempfile::tempdir().unwrap();
        let by_unit = dir.path().join("units");
        let (_, err, code) = gaps(&[
            "--format",
            "csv",
            "--lang",
            lang,
            "--by-unit",
            by_unit.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let files: Vec<PathBuf> = std::fs::read_dir(&by_unit)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect();
        assert!(files.len() > 1, "{files:?}");
        for file in files {
            records(&std::fs::read(&file).unwrap(), delimiter);
        }
    }
}

#[test]
fn output_delimiter_says_otherwise_than_the_language() {
    for (given, delimiter) in [(",", b','), ("tab", b'\t'), ("\t", b'\t'), (";", b';')] {
        let (vi, err, code) = run(&[
            "check",
            "--format",
            "csv",
            "--lang",
            "vi",
            "--output-delimiter",
            given,
        ]);
        assert_eq!(code, 1, "{err}");
        records(&vi, delimiter);
        let (en, err, code) = gaps(&["--format", "csv", "--output-delimiter", given]);
        assert_eq!(code, 0, "{err}");
        records(&en, delimiter);
    }
    // the extension of -o names the format
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.csv");
    let (_, err, code) = run(&[
        "check",
        "--output-delimiter",
        "tab",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    records(&std::fs::read(&path).unwrap(), b'\t');
}

#[test]
fn output_delimiter_refuses_what_is_no_delimiter_and_a_run_without_csv_in_both_languages() {
    for bad in ["|", "::", "", "semi"] {
        let (out, err, code) = run(&["check", "--format", "csv", "--output-delimiter", bad]);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(out.is_empty());
        assert_eq!(
            err,
            format!(
                "error: --output-delimiter \"{bad}\" is not a delimiter: use ',', ';' or 'tab'\n"
            )
        );
        let (out, err, code) =
            gaps(&["--format", "csv", "--lang", "vi", "--output-delimiter", bad]);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(out.is_empty());
        assert_eq!(
            err,
            format!(
                "lỗi: --output-delimiter \"{bad}\" không phải là dấu phân cách: dùng ',', ';' hoặc 'tab'\n"
            )
        );
    }
    let (out, err, code) = run(&["check", "--output-delimiter", ";"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "error: --output-delimiter applies to CSV output, and this run writes table\n"
    );
    let (_, err, code) = gaps(&[
        "--lang",
        "vi",
        "--format",
        "table",
        "--output-delimiter",
        ";",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "lỗi: --output-delimiter chỉ dùng khi xuất tệp CSV, mà lần chạy này xuất dạng table\n"
    );
}

/// Every finding status, severity, programme and change as the JSON codes them.
const CODES: [&str; 19] = [
    "overdue",
    "due_soon",
    "late",
    "open",
    "done",
    "missing_data",
    "not_ready",
    "error",
    "warning",
    "title_department",
    "title_district",
    "senior_specialist",
    "principal_specialist",
    "sector",
    "master",
    "doctor",
    "new",
    "persisting",
    "resolved",
];

#[test]
fn a_vietnamese_csv_has_the_plans_words_in_its_code_columns_and_an_english_one_the_codes() {
    let (vi, _, _) = run(&["check", "--format", "csv", "--lang", "vi"]);
    let rows = records(&vi, b';');
    let statuses = column(&rows, "Tình trạng");
    assert!(statuses.contains(&"quá hạn"), "{statuses:?}");
    assert!(statuses.contains(&"sắp đến hạn"), "{statuses:?}");
    for name in ["Mức độ", "Tình trạng", "Chương trình"] {
        for cell in column(&rows, name) {
            assert!(!CODES.contains(&cell), "{name}: {cell}");
            assert!(!cell.contains('_'), "{name}: {cell}");
        }
    }
    assert!(
        column(&rows, "Mức độ")
            .iter()
            .all(|c| ["lỗi", "cảnh báo"].contains(c))
    );
    assert!(
        column(&rows, "Chương trình").contains(&"Lãnh đạo, quản lý cấp sở và tương đương"),
        "the name App. 02 gives it, from the plan file"
    );
    let (en, _, _) = run(&["check", "--format", "csv"]);
    let rows = records(&en, b',');
    assert!(column(&rows, "status").contains(&"overdue"));
    for name in ["severity", "status", "program"] {
        for cell in column(&rows, name).into_iter().filter(|c| !c.is_empty()) {
            assert!(CODES.contains(&cell), "{name}: {cell}");
        }
    }

    // against a baseline: the change and the status before, in words too
    let dir = tempfile::tempdir().unwrap();
    let later = common::json_report(common::check("sample-later"), dir.path(), "later.json");
    let (vi, _, _) = run(&[
        "check",
        "--format",
        "csv",
        "--lang",
        "vi",
        "--baseline",
        later.to_str().unwrap(),
    ]);
    let rows = records(&vi, b';');
    let changes = column(&rows, "Thay đổi");
    assert!(
        changes.contains(&"vẫn còn") || changes.contains(&"mới"),
        "{changes:?}"
    );
    for name in ["Thay đổi", "Tình trạng trước"] {
        for cell in column(&rows, name) {
            assert!(!CODES.contains(&cell), "{name}: {cell}");
        }
    }
}

#[test]
fn a_vietnamese_table_markdown_and_gaps_list_show_words_not_codes() {
    for format in ["table", "markdown"] {
        let (out, _, _) = run(&["check", "--format", format, "--lang", "vi"]);
        let out = String::from_utf8(out).unwrap();
        common::has(&out, "quá hạn");
        for code in [
            "overdue",
            "due_soon",
            "missing_data",
            "title_department",
            "senior_specialist",
        ] {
            assert!(!out.contains(code), "{format}: {code} in:\n{out}");
        }
    }
    for format in ["table", "csv"] {
        let (out, _, _) = gaps(&["--format", format, "--lang", "vi"]);
        let out = String::from_utf8(out).unwrap();
        common::has(&out, "quá hạn");
        for code in ["overdue", "due_soon", "title_department", "title_district"] {
            assert!(!out.contains(code), "{format}: {code} in:\n{out}");
        }
    }
    let (out, _, _) = output(common::boiduong().args(["rules", "--lang", "vi"]));
    let out = String::from_utf8(out).unwrap();
    common::has(&out, "tỷ lệ đạt chuẩn");
    for kind in ["window", "share", "quota", "postgraduate", "planned_ready"] {
        assert!(!out.contains(&format!(" {kind} ")), "{kind} in:\n{out}");
    }
}

/// `value` without the fields a language words (`message`, `note`) and the
/// clock's (`generated_at`).
fn codes_only(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for key in ["message", "note", "generated_at"] {
                map.remove(key);
            }
            map.values_mut().for_each(codes_only);
        }
        Value::Array(items) => items.iter_mut().for_each(codes_only),
        _ => {}
    }
}

#[test]
fn the_json_is_the_same_in_both_languages_but_for_notes_and_messages() {
    let json = |lang: &str| {
        let (out, _, _) = run(&["check", "--format", "json", "--lang", lang]);
        let mut value: Value = serde_json::from_slice(&out).unwrap();
        let whole = value.clone();
        codes_only(&mut value);
        (whole, value)
    };
    let ((en, en_codes), (vi, vi_codes)) = (json("en"), json("vi"));
    assert_eq!(en_codes, vi_codes);
    // the words do differ, and the codes are the codes
    assert_ne!(en["findings"][0]["message"], vi["findings"][0]["message"]);
    let text = serde_json::to_string(&vi_codes).unwrap();
    assert!(text.contains("\"status\":\"overdue\"") && text.contains("\"title_department\""));
    assert!(!text.contains("quá hạn") && !text.contains("Lãnh đạo"));
}

/// Two reports of the example province, a quarter apart, written in `lang`.
fn quarters(dir: &Path, lang: &str) -> (PathBuf, PathBuf) {
    let (q3, q4) = match lang {
        "vi" => ("vi", "vi-q4"),
        _ => ("en", "en-q4"),
    };
    let report = |example: &str, as_of: &str, name: &str| {
        let mut cmd = common::check_example(example, as_of);
        cmd.args(["--lang", lang]);
        common::json_report(cmd, dir, name)
    };
    (
        report(q3, "2026-09-30", &format!("q3-{lang}.json")),
        report(q4, "2026-12-31", &format!("q4-{lang}.json")),
    )
}

/// Every `message` and `note` of a JSON report: the words it was written with.
fn words_of(report: &Path) -> Vec<String> {
    let value: Value = serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    let mut words = Vec::new();
    for key in ["findings", "targets"] {
        for item in value[key].as_array().unwrap() {
            for field in ["message", "note"] {
                if let Some(text) = item[field].as_str() {
                    words.push(text.to_owned());
                }
            }
        }
    }
    words.sort();
    words.dedup();
    assert!(words.len() > 10, "{words:?}");
    words
}

/// `diff` of `old` and `new` in `lang` and `format`.
fn diff(old: &Path, new: &Path, lang: &str, format: &str) -> String {
    let (out, err, code) = output(common::boiduong().args([
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--lang",
        lang,
        "--format",
        format,
    ]));
    assert_eq!(code, 0, "{err}");
    String::from_utf8(out).unwrap()
}

#[test]
fn a_vietnamese_diff_of_english_reports_words_every_finding_from_its_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = quarters(dir.path(), "en");
    let english: Vec<String> = words_of(&old).into_iter().chain(words_of(&new)).collect();
    assert!(english.iter().any(|w| w.contains("not completed")));
    for format in ["table", "markdown", "csv", "json"] {
        let out = diff(&old, &new, "vi", format);
        for words in &english {
            assert!(!out.contains(words.as_str()), "{format}: {words:?} copied");
        }
        for word in [
            "chưa hoàn thành",
            "đang học, chưa hoàn thành",
            "chưa có ngày bổ nhiệm",
        ] {
            assert!(out.contains(word), "{format}: no {word:?} in:\n{out}");
        }
        for english in [
            "not completed",
            "overdue by",
            "days left",
            "is empty",
            "enrolled",
        ] {
            assert!(!out.contains(english), "{format}: {english:?} in:\n{out}");
        }
    }
}

#[test]
fn an_english_diff_of_vietnamese_reports_words_every_finding_from_its_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = quarters(dir.path(), "vi");
    let vietnamese: Vec<String> = words_of(&old).into_iter().chain(words_of(&new)).collect();
    for format in ["table", "markdown", "csv", "json"] {
        let out = diff(&old, &new, "en", format);
        for words in &vietnamese {
            assert!(!out.contains(words.as_str()), "{format}: {words:?} copied");
        }
        for word in ["enrolled, not yet completed", "appointed_on is empty"] {
            assert!(out.contains(word), "{format}: no {word:?} in:\n{out}");
        }
        // the tables show the notes; the CSV and the JSON the messages too
        if matches!(format, "csv" | "json") {
            common::has(&out, "not completed; deadline");
        }
        assert!(!out.contains("chưa hoàn thành"), "{format}:\n{out}");
    }
    // and in the language they were written in, the same words as the reports
    let (en_old, en_new) = quarters(dir.path(), "en");
    let a = common::blank_generated_at(&diff(&en_old, &en_new, "en", "json"));
    let b = common::blank_generated_at(&diff(&old, &new, "en", "json"));
    // the paths and hashes of the reports differ; every finding is the same
    let findings = |text: &str| serde_json::from_str::<Value>(text).unwrap()["findings"].clone();
    assert_eq!(findings(&a), findings(&b));
}

#[test]
fn check_against_an_english_baseline_words_the_resolved_findings_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = common::json_report(common::check("sample"), dir.path(), "q3.json");
    let english = words_of(&baseline);
    for format in ["table", "csv", "json"] {
        let mut cmd = common::check("sample-later");
        cmd.args(["--baseline", baseline.to_str().unwrap(), "--lang", "vi"]);
        let (out, err, _) = output(cmd.args(["--format", format]));
        let out = String::from_utf8(out).unwrap();
        common::has(&out, "chưa hoàn thành");
        for words in &english {
            assert!(
                !out.contains(words.as_str()),
                "{format}: {words:?} copied\n{err}"
            );
        }
    }
}
