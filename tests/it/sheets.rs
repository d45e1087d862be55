//! Rosters and enrolments read from workbooks: .xlsx written here with
//! rust_xlsxwriter (a 1904 one by editing its workbook.xml), .ods zipped by hand, and
//! .xls (BIFF8, Excel 97-2003) committed in tests/fixtures/xls, written from
//! tests/fixtures/sample by its make.py (python xlwt: nothing in Rust writes the old format).

#![allow(clippy::unwrap_used)] // a failure here is a failed test

use crate::common;

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use common::{boiduong, check_example, stdout_json, unzip};
use predicates::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use serde_json::Value;

const AS_OF: &str = "2026-09-30";

/// A cell of a test workbook.
enum C {
    T(&'static str),
    S(String),
    N(f64),
    /// A real date (dd/mm/yyyy format) of the 1900 system.
    D(u16, u8, u8),
    /// A number with a date format: a serial as written.
    Serial(f64),
    /// A formula whose cached result is a formula error.
    Err(&'static str),
    E,
}

/// Write `sheets` (rows from A1) as an .xlsx at `path`.
fn xlsx(path: &Path, sheets: &[(&str, &[&[C]])]) {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in (0u32..).zip(rows.iter()) {
            for (c, cell) in (0u16..).zip(row.iter()) {
                match cell {
                    C::T(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    C::S(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::D(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &day, &date).unwrap();
                    }
                    C::Serial(n) => {
                        ws.write_number_with_format(r, c, *n, &date).unwrap();
                    }
                    C::Err(e) => {
                        let formula = Formula::new("=NA()").set_result(*e);
                        ws.write_formula(r, c, formula).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// A zip of `entries` at `path`, the first stored (an .ods's mimetype must be).
fn zip_to(path: &Path, entries: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, bytes)) in entries.iter().enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    std::fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

/// Switch the .xlsx at `path` to the 1904 date system, as Excel for Mac once did.
fn use_1904_dates(path: &Path) {
    let entries: Vec<(String, Vec<u8>)> = unzip(path)
        .into_iter()
        .map(|(name, bytes)| {
            if name == "xl/workbook.xml" {
                let xml = String::from_utf8(bytes).unwrap();
                common::has(&xml, "<workbookPr");
                let xml = xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1);
                (name, xml.into_bytes())
            } else {
                (name, bytes)
            }
        })
        .collect();
    zip_to(path, &entries);
}

/// An .ods at `path` whose one sheet `name` holds `rows` of OpenDocument cells.
fn ods(path: &Path, name: &str, rows: &[&[&str]]) {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    content.push_str(&format!(r#"<table:table table:name="{name}">"#));
    for row in rows {
        content.push_str("<table:table-row>");
        for cell in *row {
            content.push_str(cell);
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_to(
        path,
        &[
            (
                "mimetype".into(),
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("content.xml".into(), content.into_bytes()),
            ("META-INF/manifest.xml".into(), manifest.as_bytes().to_vec()),
        ],
    );
}

fn text_cell(t: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
    )
}

/// The roster header every test sheet uses, from column A.
const ROSTER_HEADER: [C; 6] = [
    C::T("Mã cán bộ"),
    C::T("Họ và tên"),
    C::T("Diện"),
    C::T("Cấp chức danh"),
    C::T("Ngày bổ nhiệm"),
    C::T("Bậc ngoại ngữ"),
];

/// An enrolments CSV with no rows: the roster is what these tests are about.
fn no_enrolments(dir: &Path) -> PathBuf {
    let path = dir.join("enrolments.csv");
    std::fs::write(&path, "id,program,started_on,completed_on\n").unwrap();
    path
}

/// `check` of `roster` against no enrolments, as JSON; with `extra` arguments.
fn check_roster(roster: &Path, extra: &[&str]) -> (Value, i32, String) {
    let dir = roster.parent().unwrap();
    let out = boiduong()
        .arg("check")
        .arg("--roster")
        .arg(roster)
        .arg("--enrolments")
        .arg(no_enrolments(dir))
        .args(["--as-of", AS_OF, "--format", "json", "--fail-on", "never"])
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        json,
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `check_roster` on a roster.xlsx of one sheet, "Sheet1", of `rows` (from A1).
fn check_sheet(rows: &[&[C]]) -> (Value, i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    xlsx(&roster, &[("Sheet1", rows)]);
    check_roster(&roster, &[])
}

/// The TITLE-2Y finding of `id` in a report.
fn title_finding<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "TITLE-2Y" && f["id"] == id)
        .unwrap_or_else(|| panic!("no TITLE-2Y finding of {id}: {report}"))
}

fn incumbent(id: &'static str, appointed: C) -> [C; 6] {
    [
        C::T(id),
        C::T("Nguyễn Văn An"),
        C::T("Đương chức"),
        C::T("Cấp sở"),
        appointed,
        C::E,
    ]
}

#[test]
fn the_header_is_found_below_the_title_rows_and_the_row_used_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    xlsx(
        &roster,
        &[(
            "Danh sách",
            &[
                &[C::T(
                    "DANH SÁCH CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ",
                )],
                &[C::T("(Số liệu đến ngày 30/09/2026)")],
                &[],
                &ROSTER_HEADER,
                &incumbent("DN01", C::D(2024, 2, 29)),
            ],
        )],
    );
    let (report, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 0, "{stderr}");
    common::has(
        &stderr,
        "roster.xlsx: read sheet \"Danh sách\", header on row 4 (rows 1–3 above it skipped)",
    );
    let file = &report["inputs"]["roster"];
    assert_eq!(file["encoding"], "xlsx");
    assert_eq!(file["sheet"], "Danh sách");
    assert_eq!(file["header_row"], 4);
    assert_eq!(file["rows"], 1);
    assert!(file.get("delimiter").is_none(), "{file}");
    let sha = sha256_hex(&std::fs::read(&roster).unwrap());
    assert_eq!(file["sha256"], sha.as_str());
    // the official's row is row 5 of the sheet
    assert_eq!(title_finding(&report, "DN01")["line"], 5);
    let (_, code, quiet) = check_roster(&roster, &["--quiet"]);
    assert_eq!((code, quiet.as_str()), (0, ""));
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn real_excel_dates_of_both_date_systems_and_29_february_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let rows: &[&[C]] = &[
        &ROSTER_HEADER,
        &incumbent("DN01", C::D(2024, 2, 29)),
        // the same day as its serial in the 1900 system
        &incumbent("DN02", C::Serial(45351.0)),
    ];
    let in_1900 = dir.path().join("roster.xlsx");
    xlsx(&in_1900, &[("Sheet1", rows)]);
    let (report, code, stderr) = check_roster(&in_1900, &[]);
    assert_eq!(code, 0, "{stderr}");
    for id in ["DN01", "DN02"] {
        let finding = title_finding(&report, id);
        assert_eq!(finding["anchor"], "2024-02-29", "{finding}");
        assert_eq!(finding["deadline"], "2026-02-28", "{finding}");
    }
    // The 1904 system counts from 1904-01-01: 29/02/2024 is serial 43889.
    let in_1904 = dir.path().join("roster-1904.xlsx");
    xlsx(
        &in_1904,
        &[(
            "Sheet1",
            &[&ROSTER_HEADER, &incumbent("DN01", C::Serial(43889.0))],
        )],
    );
    use_1904_dates(&in_1904);
    let (report, code, stderr) = check_roster(&in_1904, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(title_finding(&report, "DN01")["anchor"], "2024-02-29");
}

#[test]
fn a_bad_date_names_its_cell() {
    // the date is column C; a title row, the header on row 2, officials from row 3
    let official = |id: String, appointed: C| {
        vec![
            C::S(id),
            C::T("Trần Thị Hoa"),
            appointed,
            C::T("Đương chức"),
            C::T("Cấp sở"),
        ]
    };
    let mut rows: Vec<Vec<C>> = vec![
        vec![C::T("DANH SÁCH CÁN BỘ")],
        vec![
            C::T("Mã cán bộ"),
            C::T("Họ và tên"),
            C::T("Ngày bổ nhiệm"),
            C::T("Diện"),
            C::T("Cấp chức danh"),
        ],
    ];
    rows.extend((3..14).map(|r| official(format!("DN{r:02}"), C::D(2024, 1, 2))));
    rows.push(official("DN14".into(), C::T("29/02/2023")));
    let refs: Vec<&[C]> = rows.iter().map(Vec::as_slice).collect();
    let (_, code, stderr) = check_sheet(&refs);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!C14: error[bad-date]: \"Ngày bổ nhiệm\" = \"29/02/2023\" is not a date: no such day in the calendar",
    );
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}

#[test]
fn excels_own_29_february_1900_and_plain_numbers_in_a_date_column_are_refused() {
    let (_, code, stderr) = check_sheet(&[
        &ROSTER_HEADER,
        &incumbent("DN01", C::Serial(60.0)),
        &incumbent("DN02", C::N(45323.0)),
    ]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "Sheet1!E2: error[bad-date]: \"Ngày bổ nhiệm\" = \"1900-02-29\" is not a date: no such day",
    );
    common::has(
        &stderr,
        "Sheet1!E3: error[bad-date]: \"Ngày bổ nhiệm\" = \"45323\" is not a date: it looks like an Excel serial number (01/02/2024)",
    );
}

#[test]
fn an_id_typed_as_a_number_reads_as_its_digits_and_a_level_4_0_as_4() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    let header: &[C] = &[
        C::T("id"),
        C::T("full_name"),
        C::T("role"),
        C::T("language_groups"),
        C::T("language_level"),
    ];
    xlsx(
        &roster,
        &[(
            "Sheet1",
            &[
                header,
                &[
                    C::N(123.0),
                    C::T("Lê Văn Bình"),
                    C::T("incumbent"),
                    C::N(3.0),
                    C::N(4.0),
                ],
            ],
        )],
    );
    let enrolments = dir.path().join("enrolments.csv");
    std::fs::write(
        &enrolments,
        "id,program,started_on,completed_on\n123,language,2024-03-04,2024-06-28\n",
    )
    .unwrap();
    let (report, code) = stdout_json(
        boiduong()
            .arg("check")
            .arg("--roster")
            .arg(&roster)
            .arg("--enrolments")
            .arg(&enrolments)
            .args(["--as-of", AS_OF, "--format", "json", "--fail-on", "never"]),
    );
    assert_eq!(code, 0, "{report}");
    // no unknown-id: the enrolment's "123" is the roster's 123
    let problems = report["input_problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["code"], "missing-date");
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("incumbent \"123\" ")
    );
    let lang3 = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "LANG-3")
        .unwrap();
    assert_eq!(
        (&lang3["population"], &lang3["achieved"]),
        (&1.into(), &1.into())
    );
}

#[test]
fn a_control_character_in_a_cell_is_a_bad_value_naming_it_and_a_line_break_is_the_cells_own() {
    let mut header: Vec<C> = ROSTER_HEADER.into_iter().collect();
    header.push(C::T("Ghi chú"));
    let mut noted = incumbent("DN01", C::D(2024, 1, 2))
        .into_iter()
        .collect::<Vec<_>>();
    noted.push(C::T("Đã học lớp A\nchờ cấp chứng chỉ"));
    let bell = [
        C::T("DN\u{7}02"),
        C::T("Nguyễn Văn An"),
        C::T("Đương chức"),
        C::T("Cấp sở"),
        C::D(2024, 1, 2),
        C::E,
    ];
    let (_, code, stderr) = check_sheet(&[&header, &noted, &bell]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!A3: error[bad-value]: \"Mã cán bộ\" holds the control character U+0007",
    );
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}

#[test]
fn a_formula_error_is_a_bad_value_naming_its_cell_unless_its_column_is_ignored() {
    let mut header: Vec<C> = ROSTER_HEADER.into_iter().collect();
    header.push(C::T("Ghi chú"));
    let mut noted = incumbent("DN01", C::D(2024, 1, 2))
        .into_iter()
        .collect::<Vec<_>>();
    noted.push(C::Err("#REF!"));
    let (_, code, stderr) = check_sheet(&[&header, &noted, &incumbent("DN02", C::Err("#N/A"))]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!E3: error[bad-value]: \"Ngày bổ nhiệm\" holds the formula error #N/A",
    );
    assert!(!stderr.contains("!G2"), "{stderr}");
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
}

#[test]
fn a_named_sheet_is_read_and_a_missing_one_lists_the_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    xlsx(
        &roster,
        &[
            ("Tổng hợp", &[&[C::T("Báo cáo tổng hợp")]]),
            (
                "Danh sách",
                &[&ROSTER_HEADER, &incumbent("DN01", C::D(2024, 1, 2))],
            ),
        ],
    );
    let (report, code, stderr) = check_roster(&roster, &["--roster-sheet", "danh sách"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["inputs"]["roster"]["sheet"], "Danh sách");
    // the first sheet holds no header
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:'Tổng hợp': error[missing-column]: no header row: none of rows 1–1 names a column boiduong reads; the header must name \"id\" (\"Mã cán bộ\"), \"full_name\" (\"Họ và tên\"), \"role\" (\"Diện\")",
    );
    let (_, code, stderr) = check_roster(&roster, &["--roster-sheet", "Roster"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("roster.xlsx: error[io]: cannot read ")
            && stderr.contains(
                "the workbook has no sheet \"Roster\"; its sheets: \"Tổng hợp\", \"Danh sách\""
            ),
        "{stderr}"
    );
}

#[test]
fn a_header_row_without_a_required_column_is_named_with_what_it_lacks() {
    let (_, code, stderr) = check_sheet(&[
        &[C::T("DANH SÁCH CÁN BỘ"), C::E, C::T("Họ và tên")],
        &[],
        &[C::T("STT"), C::T("Mã cán bộ"), C::T("Họ và tên")],
        &[C::N(1.0), C::T("DN01"), C::T("Nguyễn Văn An")],
    ]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!3:3: error[missing-column]: no column \"role\" (Vietnamese: \"Diện\"); \
             the header has: \"STT\", \"Mã cán bộ\", \"Họ và tên\" (row 3 was taken for the header: \
             of rows 1–30, it names the most known columns)",
    );
}

#[test]
fn a_sheet_flag_for_a_csv_file_is_a_usage_error() {
    check_example("en", AS_OF)
        .args(["--roster-sheet", "Sheet1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: --roster-sheet names a sheet of a workbook (.xlsx, .xlsm, .xls, .ods), but examples/en/roster.csv is read as CSV",
        ));
    boiduong()
        .args([
            "validate",
            "--roster",
            "examples/xlsx/roster.xlsx",
            "--enrolments",
            "examples/xlsx/enrolments.xlsx",
            "--delimiter",
            ";",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--delimiter applies to CSV files, and both inputs are workbooks",
        ));
}

#[test]
fn an_empty_sheet_is_empty_and_a_header_alone_has_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.xlsx");
    xlsx(&empty, &[("Sheet1", &[])]);
    let (_, code, stderr) = check_roster(&empty, &[]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "empty.xlsx:Sheet1: error[empty-file]: the sheet is empty",
    );
    let header_only = dir.path().join("header.xlsx");
    // trailing empty rows are not data, and say nothing
    xlsx(
        &header_only,
        &[(
            "Sheet1",
            &[&[C::T("DANH SÁCH")], &ROSTER_HEADER, &[C::E, C::E]],
        )],
    );
    let (_, code, stderr) = check_roster(&header_only, &[]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "header.xlsx:Sheet1: error[no-rows]: the roster has a header but no officials",
    );
    assert!(!stderr.contains("blank-row"), "{stderr}");
    let zero = dir.path().join("zero.xlsx");
    std::fs::write(&zero, b"").unwrap();
    let (_, code, stderr) = check_roster(&zero, &[]);
    assert_eq!(code, 2);
    common::has(&stderr, "zero.xlsx: error[empty-file]: file is empty");
    let not_a_workbook = dir.path().join("export.xlsx");
    std::fs::write(&not_a_workbook, "id,full_name,role\n").unwrap();
    let (_, code, stderr) = check_roster(&not_a_workbook, &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("export.xlsx: error[io]: cannot read ")
            && stderr.contains("not a readable xlsx workbook"),
        "{stderr}"
    );
}

#[test]
fn a_cell_over_64_kib_is_too_large_and_a_value_right_of_the_header_has_no_header() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    // 30,000 characters (Excel's limit is 32,767), 90,000 bytes of UTF-8
    let long = "ữ".repeat(30_000);
    let mut big = incumbent("DN01", C::D(2024, 1, 2));
    big[1] = C::S(long);
    let mut noted: Vec<C> = incumbent("DN02", C::D(2024, 1, 2)).into_iter().collect();
    noted.push(C::E);
    noted.push(C::T("đã nghỉ hưu"));
    blank_rows_between(&roster, &big, &noted);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2);
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!B2: error[too-large]: \"Họ và tên\" holds 90000 bytes; a cell may hold at most 64 KiB",
    );
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!3:3: warning[blank-row]: row has no values, skipped",
    );
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!H4: error[blank-header]: column H has no header but this row has \"đã nghỉ hưu\" in it",
    );
}

/// The header, `first`, a blank row, then `second`.
fn blank_rows_between(path: &Path, first: &[C], second: &[C]) {
    xlsx(path, &[("Sheet1", &[&ROSTER_HEADER, first, &[], second])]);
}

#[test]
fn an_ods_roster_reads_as_the_same_csv_does() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.ods");
    let date = r#"<table:table-cell office:value-type="date" office:date-value="2024-02-29"><text:p>29/02/2024</text:p></table:table-cell>"#;
    let number = r#"<table:table-cell office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell>"#;
    let header: Vec<String> = [
        "Mã cán bộ",
        "Họ và tên",
        "Diện",
        "Cấp chức danh",
        "Ngày bổ nhiệm",
        "Bậc ngoại ngữ",
    ]
    .iter()
    .map(|t| text_cell(t))
    .collect();
    let row: Vec<String> = vec![
        text_cell("DN01"),
        text_cell("Nguyễn Văn An"),
        text_cell("Đương chức"),
        text_cell("Cấp sở"),
        date.to_owned(),
        number.to_owned(),
    ];
    let title = text_cell("DANH SÁCH CÁN BỘ");
    fn as_str(cells: &[String]) -> Vec<&str> {
        cells.iter().map(String::as_str).collect()
    }
    ods(
        &roster,
        "Danh sách",
        &[&[title.as_str()], &as_str(&header), &as_str(&row)],
    );
    let (report, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["inputs"]["roster"]["encoding"], "ods");
    assert_eq!(report["inputs"]["roster"]["header_row"], 2);
    let from_ods = title_finding(&report, "DN01").clone();
    let csv = dir.path().join("roster.csv");
    std::fs::write(
        &csv,
        "Mã cán bộ,Họ và tên,Diện,Cấp chức danh,Ngày bổ nhiệm,Bậc ngoại ngữ\nDN01,Nguyễn Văn An,Đương chức,Cấp sở,29/02/2024,4\n",
    )
    .unwrap();
    let (report, code, stderr) = check_roster(&csv, &[]);
    assert_eq!(code, 0, "{stderr}");
    let mut from_csv = title_finding(&report, "DN01").clone();
    from_csv["line"] = 3.into(); // the title row above the header in the .ods
    assert_eq!(from_ods, from_csv);
}

/// The report of `check` on `dir`'s files as JSON, without what names the files.
fn example_report(roster: &str, enrolments: &str) -> Value {
    let (mut report, code) = stdout_json(boiduong().args([
        "check",
        "--roster",
        roster,
        "--enrolments",
        enrolments,
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--fail-on",
        "never",
        "--quiet",
    ]));
    assert_eq!(code, 0);
    let object = report.as_object_mut().unwrap();
    object.remove("generated_at");
    object.remove("inputs");
    report
}

/// A report of a roster workbook, its places moved to those of the CSV export
/// `csv`: every row `rows` up, every column of a problem `columns` left; every
/// problem is on sheet "Danh sách".
fn as_csv(report: &mut Value, csv: &str, rows: u64, columns: u64) {
    for finding in report["findings"].as_array_mut().unwrap() {
        finding["line"] = (finding["line"].as_u64().unwrap() - rows).into();
    }
    for problem in report["input_problems"].as_array_mut().unwrap() {
        assert_eq!(problem["sheet"], "Danh sách");
        let object = problem.as_object_mut().unwrap();
        object.remove("sheet");
        object["file"] = csv.into();
        object["line"] = (object["line"].as_u64().unwrap() - rows).into();
        if columns > 0 {
            object["column"] = (object["column"].as_u64().unwrap() - columns).into();
        }
    }
}

#[test]
fn the_examples_as_workbooks_give_the_same_report_as_the_csv_export() {
    let csv = example_report("examples/vi/roster.csv", "examples/vi/enrolments.csv");
    let mut xlsx = example_report("examples/xlsx/roster.xlsx", "examples/xlsx/enrolments.xlsx");
    // Three rows (title, date line, blank) above the header, and an STT column first:
    // CSV line N is sheet row N + 3, CSV column K is sheet column K + 1.
    as_csv(&mut xlsx, "examples/vi/roster.csv", 3, 1);
    assert_eq!(xlsx["input_problems"].as_array().unwrap().len(), 2);
    assert_eq!(xlsx, csv);
    let table = |roster: &str, enrolments: &str| {
        let out = boiduong()
            .args([
                "check",
                "--roster",
                roster,
                "--enrolments",
                enrolments,
                "--as-of",
                AS_OF,
                "--fail-on",
                "never",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // the second line names the files
        text.lines()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, l)| format!("{l}\n"))
            .collect::<String>()
    };
    assert_eq!(
        table("examples/xlsx/roster.xlsx", "examples/xlsx/enrolments.xlsx"),
        table("examples/vi/roster.csv", "examples/vi/enrolments.csv")
    );
}

#[test]
fn an_old_xls_workbook_gives_the_same_report_as_the_csv_it_was_made_from() {
    let report = |roster: &str, enrolments: &str| {
        let (mut report, code) = stdout_json(boiduong().args([
            "check",
            "--roster",
            roster,
            "--enrolments",
            enrolments,
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
            "--quiet",
        ]));
        assert_eq!(code, 1, "the sample has gaps");
        let inputs = report.as_object_mut().unwrap().remove("inputs").unwrap();
        (report, inputs)
    };
    let (csv, _) = report(
        "tests/fixtures/sample/roster.csv",
        "tests/fixtures/sample/enrolments.csv",
    );
    let (mut xls, inputs) = report(
        "tests/fixtures/xls/roster.xls",
        "tests/fixtures/xls/enrolments.xls",
    );
    assert_eq!(inputs["roster"]["encoding"], "xls");
    assert_eq!(inputs["roster"]["sheet"], "Danh sách");
    assert_eq!(inputs["roster"]["header_row"], 3);
    assert_eq!(inputs["enrolments"]["sheet"], "Khóa học");
    // A title row and a blank row above the header: CSV line N is sheet row N + 2.
    as_csv(&mut xls, "tests/fixtures/sample/roster.csv", 2, 0);
    xls["generated_at"] = csv["generated_at"].clone();
    assert_eq!(xls, csv);
}

#[test]
fn legacy_font_and_lossy_text_in_a_workbook_are_found_and_placed_in_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    let named = |id: &'static str, name: &'static str| {
        let mut row = incumbent(id, C::D(2025, 6, 1));
        row[1] = C::T(name);
        row
    };
    // TCVN3 text shown in a Unicode font, as old .VnTime sheets read; and an ANSI
    // round trip that left "?" for the letters it could not hold.
    let tcvn3 = named("DN01", "NguyÔn V¨n Hïng");
    let lossy = named("DN02", "Nguy?n V?n An");
    let clean = named("DN03", "Trần Thị Bình");
    xlsx(
        &roster,
        &[(
            "Danh sách",
            &[
                &[C::T("DANH SÁCH CÁN BỘ")],
                &ROSTER_HEADER,
                &tcvn3,
                &lossy,
                &clean,
            ],
        )],
    );
    let (report, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 0, "{stderr}");
    // The places are cells, as everywhere in a sheet; the advice is about the
    // workbook itself, not about exporting a CSV file again.
    let line = |code: &str| {
        stderr
            .lines()
            .find(|l| l.contains(code))
            .unwrap_or_else(|| panic!("no {code} in {stderr}"))
            .to_owned()
    };
    let legacy = line("warning[legacy-font]");
    common::has(
        &legacy,
        "roster.xlsx:'Danh sách'!B3: warning[legacy-font]: 1 cell looks typed in the legacy \
             font encoding TCVN3 (ABC, fonts .VnTime…), not Unicode (B3 \"NguyÔn V¨n Hïng\"): ",
    );
    assert!(
        legacy.ends_with(
            "convert these cells to Unicode with Unikey's \"Chuyển mã\" tool, which works on \
             the clipboard: copy the cells, convert (source TCVN3, destination Unicode), paste \
             them back, and save the workbook"
        ),
        "{legacy}"
    );
    let lossy = line("warning[lossy-export]");
    common::has(
        &lossy,
        "roster.xlsx:'Danh sách'!B4: warning[lossy-export]: 1 cell has letters replaced by \
             \"?\" or \"_\" (B4 \"Nguy?n V?n An\"): the letters were lost before the workbook \
             was saved",
    );
    assert!(
        lossy.ends_with("retype them, or take them from the HR system"),
        "{lossy}"
    );
    for advice in [&legacy, &lossy] {
        assert!(!advice.contains("CSV UTF-8"), "{advice}");
        assert!(!advice.contains(":2 "), "{advice}");
    }
    let codes: Vec<&str> = report["input_problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["sheet"] == "Danh sách")
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["lossy-export", "legacy-font"], "{report}");
    let (_, _, vi) = check_roster(&roster, &["--lang", "vi"]);
    common::has(
        &vi,
        "roster.xlsx:'Danh sách'!B4: warning[lossy-export]: 1 ô có chữ bị thay bằng \"?\" \
             hoặc \"_\" (B4 \"Nguy?n V?n An\"): các chữ đã mất trước khi bảng tính được lưu",
    );
    assert!(
        vi.contains("dán lại, rồi lưu bảng tính\n") && !vi.contains("CSV UTF-8"),
        "{vi}"
    );
}

// Workbooks made to break a reader: built here, small, each unpacking to far more
// than it weighs or pointing where no sheet reaches.

/// A part of a zip made by hand: stored as it is, or deflated already (a bomb),
/// with the unpacked size its headers claim.
enum Entry {
    Stored(Vec<u8>),
    Deflated { data: Vec<u8>, claims: u32 },
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A zip of `entries` written field by field, so that a bomb's headers can lie.
fn hand_zip(entries: &[(&str, Entry)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, entry) in entries {
        let (method, crc, data, size): (u16, u32, &[u8], u32) = match entry {
            Entry::Stored(bytes) => (0, crc32(bytes), bytes, bytes.len() as u32),
            Entry::Deflated { data, claims } => (8, 0, data, *claims),
        };
        let offset = out.len() as u32;
        let fields = |signature: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(method.to_le_bytes());
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(fields(0x0403_4b50, false));
        out.extend(data);
        central.extend(fields(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Raw deflate of `head`, `piece` `times` over, then `tail`. Each is flushed whole,
/// so `piece` is compressed once and its bytes repeated: gigabytes in megabytes.
fn bomb(head: &[u8], piece: &[u8], times: usize, tail: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let flushed = |bytes: &[u8], flush| {
        let mut deflate = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(bytes.len() + 1024);
        deflate.compress_vec(bytes, &mut out, flush).unwrap();
        out
    };
    let piece = flushed(piece, FlushCompress::Full);
    let mut out = flushed(head, FlushCompress::Full);
    for _ in 0..times {
        out.extend(&piece);
    }
    out.extend(flushed(tail, FlushCompress::Finish));
    out
}

/// An inline-string cell.
fn inline(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The XML of a roster sheet up to `rest` (rows after the first two, and the end).
fn roster_sheet(rest: &str) -> String {
    let header = [
        "Mã cán bộ",
        "Họ và tên",
        "Diện",
        "Cấp chức danh",
        "Ngày bổ nhiệm",
    ];
    let row = [
        "DN01",
        "Nguyễn Văn An",
        "Đương chức",
        "Cấp sở",
        "29/02/2024",
    ];
    let cells = |n: u32, texts: [&str; 5]| -> String {
        (b'A'..)
            .zip(texts)
            .map(|(c, t)| inline(&format!("{}{n}", c as char), t))
            .collect()
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}</row><row r="2">{}</row>{rest}"#,
        cells(1, header),
        cells(2, row)
    )
}

const SHEET_END: &str = "</sheetData></worksheet>";

/// An .xlsx of one sheet, "Sheet1", at `path`, and any `other` parts.
fn raw_xlsx(path: &Path, sheet: Entry, other: Vec<(&str, Entry)>) {
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let book = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let book_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut entries = vec![
        ("_rels/.rels", Entry::Stored(rels.into())),
        ("xl/workbook.xml", Entry::Stored(book.into())),
        (
            "xl/_rels/workbook.xml.rels",
            Entry::Stored(book_rels.into()),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    entries.extend(other);
    std::fs::write(path, hand_zip(&entries)).unwrap();
}

fn stored(xml: String) -> Entry {
    Entry::Stored(xml.into_bytes())
}

#[test]
fn a_cell_at_the_last_cell_of_excels_grid_is_read_without_filling_the_grid() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    let far = format!(
        r#"<row r="1048576">{}</row>{SHEET_END}"#,
        inline("XFD1048576", "x")
    );
    raw_xlsx(&roster, stored(roster_sheet(&far)), vec![]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!XFD1048576: error[blank-header]: column XFD has no header but this row has \"x\" in it",
    );
    common::has(
        &stderr,
        "more warning[blank-row] not shown (1048573 in all)",
    );
}

#[test]
fn a_cell_reference_past_excels_grid_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    for reference in ["AAAAAAAA1", "XFE3", "A1048577", "A99999999999"] {
        let far = format!("<row>{}</row>{SHEET_END}", inline(reference, "x"));
        raw_xlsx(&roster, stored(roster_sheet(&far)), vec![]);
        let (_, code, stderr) = check_roster(&roster, &[]);
        assert_eq!(code, 2, "{stderr}");
        common::has(
            &stderr,
            "roster.xlsx:Sheet1: error[too-large]: cannot read ",
        );
        common::has(
            &stderr,
            &format!(
                "roster.xlsx: the cell reference {reference} is past the last cell of a sheet, XFD1048576 (16,384 columns × \
                 1,048,576 rows): far more than a roster of a whole country holds, so it is not \
                 read; check that this is the right file"
            ),
        );
    }
    // the same arithmetic reads the sheet's dimension, and rows numbered alone
    let dimension = roster_sheet(SHEET_END).replacen(
        "<sheetData>",
        r#"<dimension ref="A1:AAAAAAAAAAAAA1"/><sheetData>"#,
        1,
    );
    raw_xlsx(&roster, stored(dimension), vec![]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "the cell reference AAAAAAAAAAAAA1 is past the last cell",
    );
    let backwards = roster_sheet(SHEET_END).replacen(
        "<sheetData>",
        r#"<dimension ref="B2:A1"/><sheetData>"#,
        1,
    );
    raw_xlsx(&roster, stored(backwards), vec![]);
    let (_, code, stderr) = check_roster(&roster, &["--lang", "vi"]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.xlsx: bảng tính bị hỏng: \"B2:A1\" trong đó không phải là tham chiếu ô; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại",
    );
    let row = format!(
        r#"<row r="99999999999">{}</row>{SHEET_END}"#,
        inline("A3", "x")
    );
    raw_xlsx(&roster, stored(roster_sheet(&row)), vec![]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "the cell reference 99999999999 is past the last cell",
    );
}

#[test]
fn a_cell_of_a_gigabyte_is_refused_at_its_place_before_it_is_buffered() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    // 1 GiB of text in one cell, in about a megabyte
    let head = roster_sheet(r#"<row r="3"><c r="B3" t="inlineStr"><is><t>"#);
    let tail = format!("</t></is></c></row>{SHEET_END}");
    let data = bomb(
        head.as_bytes(),
        &vec![b'x'; 1 << 20],
        1 << 10,
        tail.as_bytes(),
    );
    assert!(data.len() < 4 << 20, "{}", data.len());
    let claims = (head.len() + tail.len() + (1 << 30)) as u32;
    raw_xlsx(&roster, Entry::Deflated { data, claims }, vec![]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.xlsx:Sheet1!B3: error[too-large]: cannot read ",
    );
    common::has(
        &stderr,
        "roster.xlsx: this cell holds more than 1 MiB in the file; a cell may hold at most 64 KiB",
    );
}

#[test]
fn a_part_that_unpacks_past_its_limit_is_refused_whatever_its_header_claims() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    let sheet = || stored(roster_sheet(SHEET_END));
    // 17 MB of theme where a theme takes a few kilobytes
    let mut piece = b"<a>".to_vec();
    piece.extend(std::iter::repeat_n(b' ', 1_000_000));
    piece.extend(b"</a>");
    let theme = || bomb(b"<theme>", &piece, 17, b"</theme>");
    let claims = (15 + 17 * piece.len()) as u32;
    let data = theme();
    raw_xlsx(
        &roster,
        sheet(),
        vec![("xl/theme/theme1.xml", Entry::Deflated { data, claims })],
    );
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(&stderr, "roster.xlsx: error[too-large]: cannot read ");
    common::has(
        &stderr,
        "roster.xlsx: xl/theme/theme1.xml inside the workbook unpacks to more than 16 MiB",
    );
    // a header claiming less is caught by the zip reader as it unpacks
    let data = theme();
    let lying = Entry::Deflated { data, claims: 1000 };
    raw_xlsx(&roster, sheet(), vec![("xl/theme/theme1.xml", lying)]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(&stderr, "roster.xlsx: error[io]: cannot read ");
    common::has(&stderr, "larger than its declared uncompressed size");
    // shared strings announcing billions of strings, which calamine reserves room for
    let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000"><si><t>x</t></si></sst>"#;
    raw_xlsx(
        &roster,
        sheet(),
        vec![("xl/sharedStrings.xml", stored(shared.into()))],
    );
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.xlsx: the workbook is damaged: it announces 4,000,000,000 shared texts and holds 1",
    );
    // the same workbook, whole, reads
    raw_xlsx(&roster, sheet(), vec![]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn shared_strings_that_would_take_far_more_memory_than_the_file_weighs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xlsx");
    // two million tiny strings: 34 MB unpacked from a few kilobytes, and twice that
    // again for a reader that keeps each one
    let head = br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;
    let piece = b"<si><t>a</t></si>".repeat(1000);
    let data = bomb(head, &piece, 2000, b"</sst>");
    let claims = (head.len() + piece.len() * 2000 + 6) as u32;
    raw_xlsx(
        &roster,
        stored(roster_sheet(SHEET_END)),
        vec![("xl/sharedStrings.xml", Entry::Deflated { data, claims })],
    );
    assert!(std::fs::metadata(&roster).unwrap().len() < 1 << 20);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(&stderr, "roster.xlsx: error[too-large]: cannot read ");
    common::has(
        &stderr,
        "the text the workbook's cells share would take more than 32 MiB of memory to hold",
    );
}

#[test]
fn an_ods_whose_repeats_ask_for_terabytes_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.ods");
    let header: Vec<String> = [
        "Mã cán bộ",
        "Họ và tên",
        "Diện",
        "Cấp chức danh",
        "Ngày bổ nhiệm",
    ]
    .iter()
    .map(|t| text_cell(t))
    .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    // a 60,000-byte cell repeated over 100 columns of 60,000 rows: 360 GB of copies
    let long = "x".repeat(60_000);
    let repeated = format!(
        r#"<table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>{long}</text:p></table:table-cell>"#
    );
    ods(&roster, "Danh sách", &[&header, &[&repeated]]);
    let content = unzip(&roster);
    let content: Vec<(String, Vec<u8>)> = content
        .into_iter()
        .map(|(name, bytes)| {
            let xml = String::from_utf8(bytes).unwrap();
            let xml = xml.replacen(
                "<table:table-row><table:table-cell table:number-columns-repeated",
                r#"<table:table-row table:number-rows-repeated="60000"><table:table-cell table:number-columns-repeated"#,
                1,
            );
            (name, xml.into_bytes())
        })
        .collect();
    zip_to(&roster, &content);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.ods:'Danh sách': error[too-large]: cannot read ",
    );
    common::has(
        &stderr,
        "roster.ods: a .xls or .ods workbook is read whole, and its cells hold more than 256 MiB \
         of text: save it as an Excel Workbook (.xlsx), which is read row by row",
    );
    // a space written as ten billion of them
    let spaces = r#"<table:table-cell office:value-type="string"><text:p>a<text:s text:c="10000000000"/>b</text:p></table:table-cell>"#;
    ods(&roster, "Danh sách", &[&header, &[spaces]]);
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(
        &stderr,
        "roster.ods:'Danh sách'!A2: error[too-large]: cannot read ",
    );
    common::has(&stderr, "this cell holds more than 1 MiB in the file");
}

#[test]
fn an_xls_whose_container_loops_or_whose_cells_span_the_grid_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.xls");
    let original = std::fs::read("tests/fixtures/xls/roster.xls").unwrap();
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());

    // the directory's chain of sectors linked back to itself
    let mut looped = original.clone();
    let directory = u32_at(&looped, 48) as usize;
    let table = 512 + 512 * u32_at(&looped, 76) as usize;
    looped[table + 4 * directory..table + 4 * directory + 4]
        .copy_from_slice(&(directory as u32).to_le_bytes());
    std::fs::write(&roster, &looped).unwrap();
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(&stderr, "roster.xls: error[io]: cannot read ");
    common::has(
        &stderr,
        "roster.xls: the workbook is damaged: its storage points outside the file or round in a \
         circle; open it in Excel or LibreOffice and save it again",
    );

    // the last cell of text moved to row 65,536, column 65,536: calamine's grid of
    // the sheet would be 65,536 × 65,536 cells
    let mut far = original.clone();
    let at = far
        .windows(4)
        .rposition(|w| w == [0xFD, 0x00, 0x0A, 0x00])
        .unwrap();
    far[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
    std::fs::write(&roster, &far).unwrap();
    let (_, code, stderr) = check_roster(&roster, &[]);
    assert_eq!(code, 2, "{stderr}");
    common::has(&stderr, "roster.xls: error[too-large]: cannot read ");
    common::has(
        &stderr,
        "roster.xls: a .xls or .ods workbook is read whole, and its sheets span more than \
         16,777,216 cells: save it as an Excel Workbook (.xlsx), which is read row by row",
    );
}
