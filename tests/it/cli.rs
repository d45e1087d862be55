//! The command line on the broken files users send (see the bad-input catalogue in docs/input.md).
//!
//! Each test runs the built binary in one case directory of
//! `tests/fixtures/bad-input/` (see its README.md), so messages name the files as
//! `roster.csv` and `enrolments.csv`, and checks the exit code and the exact
//! `FILE:LINE:COLUMN: severity[code]: message` a user reads on stderr.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common;

// Every run is as of AS_OF, so that results never depend on the clock.
use common::{AS_OF, bad_input as case_dir, check_in};

/// `boiduong check` on the files of a fixture case.
fn check(case: &str) -> Command {
    check_in(&case_dir(case))
}

/// The JSON report of a case (with `extra` arguments) and the exit code.
fn json_report(case: &str, extra: &[&str]) -> (Value, i32) {
    common::stdout_json(check(case).args(["--format", "json"]).args(extra))
}

/// The targets and findings of a case, and its exit code: what must not change
/// with the way a file is written.
fn results(case: &str, extra: &[&str]) -> (Value, Value, i32) {
    let (report, code) = json_report(case, extra);
    (report["targets"].clone(), report["findings"].clone(), code)
}

/// The case gives exactly the targets, findings and exit code of `plain`.
fn assert_same_results_as_plain(case: &str, extra: &[&str]) {
    let (targets, findings, code) = results(case, extra);
    let (plain_targets, plain_findings, plain_code) = results("plain", &[]);
    assert!(
        targets.as_array().is_some_and(|t| !t.is_empty()),
        "{case}: no targets"
    );
    assert_eq!(targets, plain_targets, "{case}: targets differ from plain");
    assert_eq!(
        findings, plain_findings,
        "{case}: findings differ from plain"
    );
    assert_eq!(code, plain_code, "{case}: exit code differs from plain");
}

/// The one target row of `rule` for `program` in `year`.
fn quota_row<'a>(report: &'a Value, rule: &str, program: &str, year: i64) -> &'a Value {
    report["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|t| t["rule"] == rule && t["program"] == program && t["year"] == year)
        .unwrap_or_else(|| panic!("no {rule} row for {program} {year}"))
}

/// The findings of `rule` about official `id`.
fn findings_of<'a>(report: &'a Value, rule: &str, id: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule && f["id"] == id)
        .collect()
}

/// A temporary case directory: `roster` as given, the enrolments of `plain`.
fn temp_case(roster: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    fs::write(dir.path().join("roster.csv"), roster).expect("write roster.csv");
    fs::copy(
        case_dir("plain").join("enrolments.csv"),
        dir.path().join("enrolments.csv"),
    )
    .expect("copy enrolments.csv");
    dir
}

/// The header and the first two rows of plain/roster.csv, then `row` on line 4.
fn roster_with_row_3(row: &str) -> Vec<u8> {
    let plain = fs::read_to_string(case_dir("plain").join("roster.csv")).expect("plain roster");
    let mut lines: Vec<&str> = plain.lines().collect();
    lines[3] = row;
    let mut text = lines.join("\n");
    text.push('\n');
    text.into_bytes()
}

// --- The reference --------------------------------------------------------------

/// `check` on the bad-input case `case` exits with `code` and prints `line` on stderr.
fn says(case: &str, code: i32, line: &str) {
    check(case)
        .assert()
        .code(code)
        .stderr(predicate::str::contains(line));
}

#[test]
fn a_clean_export_reports_no_input_problem_and_exits_1_for_its_findings() {
    check("plain")
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains("TITLE-2Y"));
}

// --- Row 1: empty file ------------------------------------------------------------

#[test]
fn a_zero_byte_roster_is_empty_file_and_exits_2() {
    check("empty-file")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "roster.csv: error[empty-file]: file is empty",
        ));
}

// --- Row 2: header only -----------------------------------------------------------

#[test]
fn a_roster_with_only_a_header_is_a_no_rows_error_and_exits_2() {
    check("no-rows-roster")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv: error[no-rows]: the roster has a header but no officials",
        ))
        .stderr(predicate::str::contains("error[unknown-id]").not());
}

#[test]
fn enrolments_with_only_a_header_are_a_no_rows_warning_and_the_check_runs() {
    check("no-rows-enrolments")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "enrolments.csv: warning[no-rows]: the enrolments file has a header but no rows",
        ))
        .stdout(predicate::str::contains("TITLE-2Y"));
}

// --- Row 3: byte order marks and UTF-16 -----------------------------------------

#[test]
fn a_utf8_bom_is_read_like_the_plain_file() {
    check("utf8-bom")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("utf8-bom", &[]);
    let (report, _) = json_report("utf8-bom", &[]);
    assert_eq!(report["inputs"]["roster"]["encoding"], "utf-8-bom");
}

#[test]
fn excel_unicode_text_utf16le_with_tabs_is_read_like_the_plain_file() {
    check("utf16le-tab")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("utf16le-tab", &[]);
    let (report, _) = json_report("utf16le-tab", &[]);
    assert_eq!(report["inputs"]["roster"]["encoding"], "utf-16le");
    assert_eq!(report["inputs"]["enrolments"]["delimiter"], "tab");
}

#[test]
fn a_utf16be_file_with_a_bom_is_read_like_the_plain_file() {
    check("utf16be").assert().stderr(predicate::str::is_empty());
    assert_same_results_as_plain("utf16be", &[]);
    let (report, _) = json_report("utf16be", &[]);
    assert_eq!(report["inputs"]["enrolments"]["encoding"], "utf-16be");
}

// --- Row 4: not UTF-8, no BOM: windows-1258 -------------------------------------

/// The one warning of a file read as windows-1258, whose first byte that is not
/// UTF-8 is on `line`.
fn windows_1258_warning(file: &str, line: u64) -> String {
    format!(
        "{file}:{line}: warning[encoding]: the file is not UTF-8 (first on this line): read as \
         windows-1258, the Vietnamese code page of Windows, and normalised to NFC; check the \
         names, and in Excel save as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n"
    )
}

#[test]
fn a_windows_1258_roster_is_decoded_normalised_and_warned_about_once() {
    check("windows-1258-roster")
        .assert()
        .code(1)
        .stderr(windows_1258_warning("roster.csv", 1));
    // the names compare equal to the UTF-8 roster's: findings carry them
    assert_same_results_as_plain("windows-1258-roster", &[]);
    let (report, _) = json_report("windows-1258-roster", &[]);
    assert_eq!(report["inputs"]["roster"]["encoding"], "windows-1258");
    assert_eq!(report["inputs"]["enrolments"]["encoding"], "utf-8");
    assert_eq!(report["input_problems"][0]["code"], "encoding");
    assert_eq!(report["input_problems"][0]["severity"], "warning");
}

#[test]
fn windows_1258_enrolments_beside_a_utf8_roster_give_the_same_results() {
    check("windows-1258-enrolments")
        .assert()
        .code(1)
        .stderr(windows_1258_warning("enrolments.csv", 1));
    assert_same_results_as_plain("windows-1258-enrolments", &[]);
    let (report, _) = json_report("windows-1258-enrolments", &[]);
    assert_eq!(report["inputs"]["enrolments"]["encoding"], "windows-1258");
}

#[test]
fn one_bad_byte_in_a_utf8_file_is_an_encoding_error_on_its_line_not_a_switch() {
    check("utf8-bad-byte")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "roster.csv:4:2: error[encoding]: bytes that are not UTF-8 in a file whose start is \
             UTF-8 (so it is read as UTF-8, and nothing is guessed); correct this cell, or save \
             the file in Excel as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n",
        ))
        .stderr(predicate::str::contains("windows-1258").not());
    let (report, _) = json_report("utf8-bad-byte", &["--skip-invalid"]);
    assert_eq!(report["inputs"]["roster"]["encoding"], "utf-8");
    assert_eq!(report["inputs"]["roster"]["rejected"], 1);
}

#[test]
fn a_bad_byte_past_the_first_block_of_a_utf8_file_is_an_error_on_its_line() {
    let mut roster = fs::read(case_dir("plain").join("roster.csv")).expect("plain roster");
    let header_end = roster.iter().position(|&b| b == b'\n').expect("a header") + 1;
    let rows = roster.split_off(header_end);
    let mut line = 1;
    // far more than the block the encoding is chosen from, all valid UTF-8
    for i in 0..2000 {
        let row = String::from_utf8(rows.clone()).expect("UTF-8");
        let row = row.replace("X0", &format!("Y{i}-"));
        roster.extend(row.as_bytes());
        line += row.lines().count();
    }
    roster.extend(b"Z01,Nguy\xEAn V\xE3n An,S\xF5,x,incumbent,department,,,,,,,\n");
    let dir = temp_case(&roster);
    check_in(dir.path())
        .args(["--skip-invalid"])
        .assert()
        .stderr(predicate::str::starts_with(format!(
            "roster.csv:{}:2: error[encoding]: bytes that are not UTF-8",
            line + 1
        )));
}

// --- Row 5: lossy ANSI export -----------------------------------------------------

#[test]
fn letters_lost_in_an_ansi_export_are_one_warning_with_the_count_and_first_places() {
    check("lossy-export").assert().code(1).stderr(
        "roster.csv:2:2: warning[lossy-export]: 12 cells have letters replaced by \"?\" or \
             \"_\" (2:2 \"Nguy?n V?n An\", 2:3, 2:4, …): the file was exported in a code page \
             without Vietnamese letters, and the lost letters cannot be read back; export it \
             again from Excel as \"CSV UTF-8 (Comma delimited) (*.csv)\"\n",
    );
}

#[test]
fn underscores_in_ids_and_programme_codes_are_not_lossy() {
    // ids like DN_001 and codes like title_department are not text
    let roster = fs::read_to_string(case_dir("plain").join("roster.csv"))
        .expect("plain roster")
        .replace("X0", "DN_0");
    let dir = temp_case(roster.as_bytes());
    let enrolments = fs::read_to_string(dir.path().join("enrolments.csv"))
        .expect("enrolments")
        .replace("X0", "DN_0");
    fs::write(dir.path().join("enrolments.csv"), enrolments).expect("write enrolments");
    check_in(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
}

// --- Row 6: legacy-font text (TCVN3, VNI) -------------------------------------------

#[test]
fn text_typed_in_tcvn3_is_one_warning_naming_the_font_and_the_fix() {
    check("legacy-font-tcvn3").assert().code(1).stderr(
        "roster.csv:2:2: warning[legacy-font]: 12 cells look typed in the legacy font \
             encoding TCVN3 (ABC, fonts .VnTime…), not Unicode (2:2 \"NguyÔn V¨n An\", 2:3, 2:4, \
             …): names read from them would be wrong; convert the text to Unicode, e.g. with \
             Unikey's \"Chuyển mã\" tool (source TCVN3, destination Unicode), then save as \
             \"CSV UTF-8 (Comma delimited) (*.csv)\"\n",
    );
}

#[test]
fn text_typed_in_vni_is_one_warning_naming_the_font_and_the_fix() {
    check("legacy-font-vni")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "roster.csv:2:2: warning[legacy-font]: 12 cells look typed in the legacy font \
             encoding VNI (fonts VNI-Times…), not Unicode (2:2 \"Nguyeãn Vaên An\", 2:3, 2:4, …)",
        ))
        .stderr(predicate::str::contains(
            "(source VNI Windows, destination Unicode)",
        ));
}

#[test]
fn tcvn3_text_in_a_windows_1258_file_is_recognised_too() {
    // the TCVN3 roster's bytes as a plain "CSV" save writes them: read as windows-1258
    let text =
        fs::read_to_string(case_dir("legacy-font-tcvn3").join("roster.csv")).expect("TCVN3 roster");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let dir = temp_case(&bytes);
    check_in(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("roster.csv:2: warning[encoding]"))
        .stderr(predicate::str::contains(
            "roster.csv:2:2: warning[legacy-font]: 12 cells look typed",
        ));
}

// --- Row 7: delimiters ------------------------------------------------------------

#[test]
fn a_semicolon_delimiter_is_detected_from_the_header() {
    check("semicolon")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("semicolon", &[]);
    let (report, _) = json_report("semicolon", &[]);
    assert_eq!(report["inputs"]["roster"]["delimiter"], ";");
}

#[test]
fn a_tab_delimiter_is_detected_from_the_header() {
    check("tab").assert().stderr(predicate::str::is_empty());
    assert_same_results_as_plain("tab", &[]);
    let (report, _) = json_report("tab", &[]);
    assert_eq!(report["inputs"]["roster"]["delimiter"], "tab");
}

#[test]
fn a_header_with_as_many_commas_as_semicolons_is_split_where_the_column_names_are_known() {
    // "Mã cán bộ;Họ và tên;Diện;Ngày bổ nhiệm, bầu cử, phê chuẩn": three of each, but
    // only `;` gives known column names.
    check("delimiter-override")
        .assert()
        .stderr(predicate::str::contains("error[missing-column]").not());
    let (report, _) = json_report("delimiter-override", &[]);
    assert_eq!(report["inputs"]["roster"]["delimiter"], ";");
}

#[test]
fn the_delimiter_option_overrides_detection() {
    check("delimiter-override")
        .args(["--delimiter", ";"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[").not());
    let (report, _) = json_report("delimiter-override", &["--delimiter", ";"]);
    assert_eq!(report["inputs"]["roster"]["delimiter"], ";");
    assert_eq!(report["inputs"]["roster"]["rows"], 2);
    assert_eq!(report["inputs"]["enrolments"]["rows"], 1);
}

// --- Row 8: how headers and values are written ----------------------------------

#[test]
fn vietnamese_headers_and_values_give_the_same_results_as_english() {
    check("vietnamese")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("vietnamese", &[]);
}

#[test]
fn vietnamese_without_diacritics_gives_the_same_results_as_english() {
    check("vietnamese-no-diacritics")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("vietnamese-no-diacritics", &[]);
}

#[test]
fn nfd_headers_and_values_give_the_same_results_as_nfc() {
    check("nfd").assert().stderr(predicate::str::is_empty());
    assert_same_results_as_plain("nfd", &[]);
}

#[test]
fn upper_case_and_padded_headers_and_values_give_the_same_results() {
    check("upper-case-padded")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("upper-case-padded", &[]);
}

// --- Row 9: missing column ----------------------------------------------------------

#[test]
fn a_missing_required_column_is_named_with_its_alias_and_the_headers_found() {
    says(
        "missing-column",
        2,
        "roster.csv:1: error[missing-column]: no column \"role\" (Vietnamese: \"Diện\"); \
             the header has: \"id\", \"full_name\", \"unit\", \"title\", \"title_level\", \
             \"appointed_on\", \"language_groups\", \"language_level\", \"degree\", \"head_of\", \
             \"department_leader\", \"central_plan_approved_on\"",
    );
}

// --- Row 10: duplicate column ---------------------------------------------------------

#[test]
fn the_same_column_twice_is_duplicate_column_at_the_second() {
    says(
        "duplicate-column",
        2,
        "roster.csv:1:14: error[duplicate-column]: \"id\" appears twice (columns 1 and 14)",
    );
}

#[test]
fn a_column_repeated_under_its_vietnamese_alias_is_duplicate_column() {
    says(
        "duplicate-column-alias",
        2,
        "roster.csv:1:14: error[duplicate-column]: \"Mã cán bộ\" is column \"id\" again, \
             already column 1 (\"id\")",
    );
}

// --- Row 11: blank header ---------------------------------------------------------------

#[test]
fn a_value_under_a_blank_header_is_blank_header_at_its_cell() {
    says(
        "blank-header",
        2,
        "roster.csv:3:14: error[blank-header]: column 14 has no header but this row has \
             \"chuyển công tác\" in it",
    );
}

// --- Row 12: unknown columns --------------------------------------------------------------

#[test]
fn unknown_columns_are_ignored_and_the_results_are_unchanged() {
    check("unknown-columns")
        .assert()
        .stderr(predicate::str::is_empty());
    assert_same_results_as_plain("unknown-columns", &[]);
}

#[test]
fn verbose_lists_the_ignored_columns() {
    check("unknown-columns")
        .arg("-v")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "roster.csv: ignored columns: STT, Ghi chú",
        ));
}

// --- Row 13: cell counts --------------------------------------------------------------------

#[test]
fn a_row_with_one_cell_too_many_is_extra_cell() {
    says(
        "cell-count",
        2,
        "roster.csv:3:14: error[extra-cell]: 14 fields, header has 13",
    );
}

#[test]
fn a_row_with_one_cell_too_few_is_missing_cell() {
    says(
        "cell-count",
        2,
        "roster.csv:4:13: error[missing-cell]: 12 fields, header has 13",
    );
}

// --- Row 14: unclosed quote -----------------------------------------------------------------

#[test]
fn an_unclosed_quote_points_at_the_line_where_it_opened() {
    check("unclosed-quote")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:2: error[unclosed-quote]: a quote opened on this line is never closed",
        ))
        .stderr(predicate::str::contains("(2 more lines)"));
}

#[test]
fn an_unclosed_quote_in_a_crlf_file_points_at_the_line_where_it_opened() {
    check("unclosed-quote-crlf")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:2: error[unclosed-quote]: a quote opened on this line is never closed",
        ))
        .stderr(predicate::str::contains("(2 more lines)"));
}

#[test]
fn an_unclosed_quote_in_the_header_is_unclosed_quote_on_line_1() {
    check("unclosed-quote-header")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:1:2: error[unclosed-quote]",
        ))
        .stderr(predicate::str::contains("error[missing-column]").not());
}

#[test]
fn an_enrolment_of_an_official_swallowed_by_an_unclosed_quote_is_not_unknown_id() {
    check("unclosed-quote")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[unknown-id]").not());
}

#[test]
fn a_stray_quote_closed_by_a_later_quoted_cell_is_an_error_naming_both_lines() {
    says(
        "stray-quote",
        2,
        "roster.csv:3:2: error[unclosed-quote]: \"full_name\" holds a line break, which no \
         value of this column has: a quote opened on line 3 closes on line 4; a quote may be \
         missing on line 3",
    );
}

#[test]
fn validate_counts_a_stray_quote_as_an_error() {
    common::run_in(&case_dir("stray-quote"), "validate", AS_OF)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("1 error[unclosed-quote]"));
}

#[test]
fn the_official_whose_row_a_stray_quote_took_in_is_not_unknown_id() {
    check("stray-quote")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[unknown-id]").not());
}

#[test]
fn a_stray_quote_that_takes_in_whole_rows_says_they_look_like_rows() {
    let mut roster = roster_with_row_3(
        "X03,\"Lê Văn Cường,UBND huyện Long Thành,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,",
    );
    roster.extend_from_slice(
        "X05,Võ Văn Em,\"Sở Xây dựng, Đồng Nai\",Giám đốc,incumbent,department,2024-02-01,1,,master,,yes,\n"
            .as_bytes(),
    );
    let dir = temp_case(&roster);
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:2: error[unclosed-quote]: \"full_name\" holds a line break: a quote \
             opened on line 4 closes on line 6, taking in 2 line(s) that look like rows; a quote \
             may be missing on line 4",
        ));
}

#[test]
fn a_short_note_over_two_lines_in_a_column_not_read_is_let_through() {
    let plain = fs::read_to_string(case_dir("plain").join("roster.csv")).unwrap();
    let mut lines: Vec<String> = plain.lines().map(|l| format!("{l},")).collect();
    lines[0].push_str("Ghi chú");
    lines[2].push_str("\"Đã học lớp A\nchờ cấp chứng chỉ\"");
    let dir = temp_case(format!("{}\n", lines.join("\n")).as_bytes());
    check_in(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[").not());
}

#[test]
fn a_quoted_cell_of_a_column_not_read_spanning_many_lines_is_an_error() {
    let plain = fs::read_to_string(case_dir("plain").join("roster.csv")).unwrap();
    let mut lines: Vec<String> = plain.lines().map(|l| format!("{l},")).collect();
    lines[0].push_str("Ghi chú");
    lines[2].push_str("\"a\nb\nc\nd\"");
    let dir = temp_case(format!("{}\n", lines.join("\n")).as_bytes());
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:3:14: error[unclosed-quote]: \"Ghi chú\" holds a line break",
        ))
        .stderr(predicate::str::contains("closes on line 6"));
}

// --- Control characters and placeholder dates ----------------------------------------------

#[test]
fn a_nul_inside_an_id_is_an_error_naming_the_column_and_the_character() {
    let dir = temp_case(&roster_with_row_3(
        "X0\u{0}3,Lê Văn Cường,UBND,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,",
    ));
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:1: error[bad-value]: \"id\" holds the control character U+0000 (NUL)",
        ));
}

#[test]
fn a_control_character_in_a_name_is_an_error_in_vietnamese_too() {
    let dir = temp_case(&roster_with_row_3(
        "X03,Lê Văn\u{1b}Cường,UBND,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,",
    ));
    check_in(dir.path())
        .args(["--lang", "vi"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:2: error[bad-value]: ô \"full_name\" chứa ký tự điều khiển U+001B (ESC)",
        ));
}

#[test]
fn placeholder_dates_for_no_date_are_bad_date_with_the_hint_to_leave_the_cell_empty() {
    for placeholder in ["01/01/0001", "0000-01-01", "0000-00-00", "31/12/1899"] {
        let dir = temp_case(&roster_with_row_3(&format!(
            "X03,Lê Văn Cường,UBND,Chủ tịch,incumbent,district,{placeholder},1,,master,,no,"
        )));
        check_in(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "roster.csv:4:7: error[bad-date]: \"appointed_on\" = \"{placeholder}\" is not a \
                 date: a year before 1900 is what some HR systems write for \"no date\"; leave \
                 the cell empty"
            )))
            .stderr(predicate::str::contains("overdue").not());
    }
}

#[test]
fn the_first_day_of_1900_is_still_a_date() {
    let dir = temp_case(&roster_with_row_3(
        "X03,Lê Văn Cường,UBND,Chủ tịch,incumbent,district,01/01/1900,1,,master,,no,",
    ));
    check_in(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[bad-date]").not());
}

// --- Headers and rows too large to echo ---------------------------------------------------

#[test]
fn a_missing_column_under_a_header_of_a_million_cells_lists_the_first_and_counts_the_rest() {
    let mut header = String::from("id,full_name");
    for i in 0..1_000_000 {
        header.push_str(&format!(",c{i}"));
    }
    let dir = temp_case(format!("{header}\nX01,A\n").as_bytes());
    let out = check_in(dir.path())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    let line = stderr
        .lines()
        .find(|l| l.contains("error[too-large]") || l.contains("error[missing-column]"))
        .unwrap();
    assert!(line.len() < 2_000, "{} bytes: {}", line.len(), &line[..200]);
    assert!(stderr.len() < 10_000, "{} bytes of messages", stderr.len());
}

#[test]
fn a_missing_column_message_lists_forty_header_cells_and_the_count_of_the_others() {
    let mut header = String::from("id,full_name");
    for i in 0..100 {
        header.push_str(&format!(",c{i}"));
    }
    let dir = temp_case(format!("{header}\nX01,A\n").as_bytes());
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"c37\", … and 62 more"))
        .stderr(predicate::str::contains("\"c38\"").not());
}

#[test]
fn a_header_of_more_than_65536_cells_is_too_large_with_the_count() {
    let header = vec!["x"; 70_000].join(",");
    let dir = temp_case(format!("{header}\n{}\n", vec![""; 70_000].join(",")).as_bytes());
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:1: error[too-large]: the header has 70000 cells; at most 65536 are read",
        ))
        .stderr(predicate::str::contains("18446744073709551615").not());
}

#[test]
fn a_header_cell_over_64_kib_is_too_large_with_its_size() {
    let big = "h".repeat(1 << 20);
    let dir = temp_case(format!("id,{big},full_name\nX01,,A\n").as_bytes());
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "roster.csv:1:2: error[too-large]: the header cell of column 2 holds {} bytes",
            1 << 20
        )));
}

#[test]
fn a_million_blank_lines_are_fifty_warnings_and_a_count() {
    let plain = fs::read(case_dir("plain").join("roster.csv")).unwrap();
    let first_line_end = plain.iter().position(|&b| b == b'\n').unwrap() + 1;
    let mut roster = plain[..first_line_end].to_vec();
    roster.extend(std::iter::repeat_n(b'\n', 1_000_000));
    roster.extend_from_slice(&plain[first_line_end..]);
    let dir = temp_case(&roster);
    let out = check_in(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(out).unwrap();
    assert_eq!(stderr.matches("warning[blank-row]: empty line").count(), 50);
    assert!(
        stderr.contains(
            "roster.csv: … and 999950 more warning[blank-row] not shown (1000000 in all)"
        ),
        "{stderr}"
    );
}

// --- Row 15: blank rows ---------------------------------------------------------------------

#[test]
fn an_empty_line_is_a_blank_row_warning() {
    check("blank-rows")
        .assert()
        .stderr(predicate::str::contains(
            "roster.csv:3: warning[blank-row]: empty line, skipped",
        ))
        .stderr(predicate::str::contains(
            "enrolments.csv:4: warning[blank-row]: empty line, skipped",
        ));
}

#[test]
fn a_row_of_only_delimiters_is_a_blank_row_warning() {
    check("blank-rows")
        .assert()
        .stderr(predicate::str::contains(
            "roster.csv:5: warning[blank-row]: row has no values, skipped",
        ));
}

#[test]
fn blank_rows_are_skipped_and_the_check_runs_to_the_end() {
    check("blank-rows")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error").not());
    let (report, code) = json_report("blank-rows", &[]);
    let (plain_targets, _, plain_code) = results("plain", &[]);
    assert_eq!(report["targets"], plain_targets);
    assert_eq!(code, plain_code);
    assert_eq!(report["inputs"]["roster"]["rows"], 4);
}

// --- Row 16: too large ------------------------------------------------------------------------

#[test]
fn a_cell_over_64_kib_is_too_large_at_its_cell() {
    let name = "ả".repeat(40_000); // 120,000 bytes
    let dir = temp_case(&roster_with_row_3(&format!(
        "X03,{name},UBND huyện Long Thành,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,"
    )));
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:2: error[too-large]: \"full_name\" holds 120000 bytes; \
             a cell may hold at most 64 KiB",
        ));
}

#[test]
fn a_cell_of_exactly_64_kib_is_accepted() {
    let name = "a".repeat(64 * 1024);
    let dir = temp_case(&roster_with_row_3(&format!(
        "X03,{name},UBND huyện Long Thành,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,"
    )));
    check_in(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_cell_of_several_megabytes_with_line_breaks_is_too_large_and_later_lines_stay_right() {
    let big = "y\n".repeat(3 << 20); // 6 MiB, 3 Mi line breaks
    let mut roster = roster_with_row_3(&format!(
        "X03,\"{big}\",UBND,Chủ tịch,incumbent,district,2025-06-01,1,,master,,no,"
    ));
    roster.extend_from_slice(
        "X05,Võ Văn Em,Sở Xây dựng,Giám đốc,incumbent,department,31/02/2024,1,,master,,yes,\n"
            .as_bytes(),
    );
    let dir = temp_case(&roster);
    let x05_line = 4 + (3 << 20) + 2;
    check_in(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "roster.csv:4:2: error[too-large]: \"full_name\" holds {} bytes",
            6 << 20
        )))
        .stderr(predicate::str::contains(format!(
            "roster.csv:{x05_line}:7: error[bad-date]: \"appointed_on\" = \"31/02/2024\""
        )));
}

// --- Row 17: duplicate id -----------------------------------------------------------------------

#[test]
fn a_duplicate_id_is_reported_at_the_later_line_citing_the_first() {
    says(
        "duplicate-id",
        2,
        "roster.csv:6:1: error[duplicate-id]: \"X02\" already on line 3",
    );
}

#[test]
fn an_id_padded_with_spaces_is_a_duplicate_of_the_same_id_without() {
    says(
        "duplicate-id-padded",
        2,
        "roster.csv:6:1: error[duplicate-id]: \"X02\" already on line 3",
    );
}

#[test]
fn an_id_in_nfd_is_a_duplicate_of_its_nfc_form() {
    says(
        "duplicate-id-nfd",
        2,
        "roster.csv:7:1: error[duplicate-id]: \"HÀ05\" already on line 6",
    );
}

// --- Row 18: duplicate enrolment rows -------------------------------------------------------------

#[test]
fn identical_enrolment_rows_are_a_duplicate_row_warning_at_the_second() {
    says(
        "duplicate-row",
        1,
        "enrolments.csv:7: warning[duplicate-row]: identical to line 6; counted once",
    );
}

#[test]
fn identical_enrolment_rows_are_counted_once_in_the_quotas() {
    let (report, _) = json_report("duplicate-row", &[]);
    // X04 and X01 (twice) started senior_specialist in 2024: two officials.
    let row = quota_row(&report, "QUOTA-A2", "senior_specialist", 2024);
    assert_eq!(row["achieved"], 2, "{row}");
    assert_eq!(report["inputs"]["enrolments"]["rows"], 6);
}

// --- Row 19: unknown id -------------------------------------------------------------------------------

#[test]
fn an_enrolment_of_an_id_not_in_the_roster_is_unknown_id() {
    says(
        "unknown-id",
        2,
        "enrolments.csv:6:1: error[unknown-id]: \"id\" = \"X99\" is not in the roster",
    );
}

#[test]
fn an_id_that_lost_its_leading_zeros_gets_a_hint_naming_the_roster_id() {
    says(
        "unknown-id-leading-zeros",
        2,
        "enrolments.csv:6:1: error[unknown-id]: \"id\" = \"123\" is not in the roster \
             (Excel may have dropped its leading zeros: did you mean \"00123\"?)",
    );
}

// --- Row 20: unknown programme -------------------------------------------------------------------------

#[test]
fn an_unknown_programme_lists_the_allowed_values_and_suggests_the_nearest() {
    check("unknown-program")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "enrolments.csv:3:2: error[bad-value]: \"program\" = \"senior_specalist\" is not an \
             allowed value (allowed: title_department (Lãnh đạo, quản lý cấp sở), title_district",
        ))
        .stderr(predicate::str::contains(
            "doctor (Tiến sĩ); did you mean \"senior_specialist\"?)",
        ));
}

// --- Rows 21-24: dates -------------------------------------------------------------------------------------

#[test]
fn the_31st_of_february_is_bad_date_no_such_day() {
    says(
        "bad-date-no-such-day",
        2,
        "enrolments.csv:2:3: error[bad-date]: \"started_on\" = \"31/02/2024\" is not a date: \
             no such day in the calendar",
    );
}

#[test]
fn the_29th_of_february_of_a_common_year_is_bad_date_no_such_day() {
    says(
        "bad-date-no-such-day",
        2,
        "enrolments.csv:3:3: error[bad-date]: \"started_on\" = \"29/02/2023\" is not a date: \
             no such day in the calendar",
    );
}

#[test]
fn a_two_digit_year_is_bad_date_asking_for_four_digits() {
    says(
        "bad-date-two-digit-year",
        2,
        "enrolments.csv:3:3: error[bad-date]: \"started_on\" = \"01/02/24\" is not a date: \
             the year must have four digits",
    );
}

#[test]
fn a_month_first_date_is_bad_date_saying_dates_are_day_first() {
    says(
        "bad-date-month-first",
        2,
        "enrolments.csv:3:3: error[bad-date]: \"started_on\" = \"02/13/2024\" is not a date: \
             dates are dd/mm/yyyy, day first (did you mean 13/02/2024?)",
    );
}

#[test]
fn an_excel_serial_number_is_bad_date_showing_the_date_it_stands_for() {
    says(
        "bad-date-excel-serial",
        2,
        "enrolments.csv:3:3: error[bad-date]: \"started_on\" = \"45323\" is not a date: \
             it looks like an Excel serial number (01/02/2024); format the column as a date",
    );
}

// --- Row 25: bad range -----------------------------------------------------------------------------------------

#[test]
fn a_completion_before_the_start_is_bad_range_citing_both_columns() {
    says(
        "bad-range",
        2,
        "enrolments.csv:2:4: error[bad-range]: \"completed_on\" = \"2022-04-01\" is before \
             \"started_on\" = \"2022-05-01\"",
    );
}

// --- Row 26: future dates -----------------------------------------------------------------------------------------

#[test]
fn a_start_after_as_of_is_a_future_date_warning_and_the_check_runs() {
    check("future-start")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "enrolments.csv:4:3: warning[future-date]: \"started_on\" = \"2027-01-11\" is after \
             the as-of date 2026-11-25",
        ))
        .stdout(predicate::str::contains("TITLE-2Y"));
}

#[test]
fn a_completion_after_as_of_is_a_future_date_error_and_exits_2() {
    check("future-completion")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "enrolments.csv:4:4: error[future-date]: \"completed_on\" = \"2027-01-15\" is after \
             the as-of date 2026-11-25",
        ));
}

// --- Row 27: missing appointment date -------------------------------------------------------------------------------

#[test]
fn an_incumbent_without_appointment_date_is_a_missing_date_warning() {
    says(
        "missing-appointment",
        1,
        "roster.csv:3:7: warning[missing-date]: incumbent \"X02\" has no appointment date",
    );
}

#[test]
fn an_incumbent_without_appointment_date_is_missing_data_under_title_2y() {
    let (report, _) = json_report("missing-appointment", &[]);
    let found = findings_of(&report, "TITLE-2Y", "X02");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["status"], "missing_data");
    let title = report["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .find(|t| t["rule"] == "TITLE-2Y")
        .expect("a TITLE-2Y target");
    assert_eq!(title["counts"]["missing_data"], 1, "{title}");
}

// --- Row 28: status against dates ---------------------------------------------------------------------------------------

#[test]
fn a_completed_status_without_a_completion_date_is_an_inconsistent_warning() {
    says(
        "inconsistent-status",
        1,
        "enrolments.csv:4:5: warning[inconsistent]: \"status\" = \"completed\" is completed \
             but there is no completion date",
    );
}

// --- Rows 29-30: language level and groups --------------------------------------------------------------------------------

#[test]
fn language_level_7_is_bad_value_listing_the_allowed_levels() {
    says(
        "bad-language-level",
        2,
        "roster.csv:2:9: error[bad-value]: \"language_level\" = \"7\" is not an allowed value \
             (allowed: 1–6, bậc N, N/6, A1–C2",
    );
}

#[test]
fn language_level_b3_is_bad_value() {
    says(
        "bad-language-level",
        2,
        "roster.csv:3:9: error[bad-value]: \"language_level\" = \"B3\" is not an allowed value",
    );
}

#[test]
fn language_groups_joined_by_a_comma_are_bad_value() {
    says(
        "bad-language-groups",
        2,
        "roster.csv:2:8: error[bad-value]: \"language_groups\" = \"1,2\" is not allowed: \
             groups are joined by | or a space, not a comma",
    );
}

#[test]
fn language_group_4_is_bad_value() {
    says(
        "bad-language-groups",
        2,
        "roster.csv:3:8: error[bad-value]: \"language_groups\" = \"1|4\" is not allowed: \
             there are only groups 1, 2 and 3",
    );
}

// --- Row 31: invisible characters in ids -------------------------------------------------------------------------------------

#[test]
fn a_non_breaking_space_in_a_roster_id_is_a_whitespace_warning_and_the_id_still_matches() {
    check("invisible-id")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "roster.csv:3:1: warning[whitespace]: \"id\" = \"X02\" holds an invisible character",
        ))
        .stderr(predicate::str::contains("error[").not());
    let (report, _) = json_report("invisible-id", &[]);
    // X02's sector course (enrolments line 3, clean id) is found: only TITLE-2Y is overdue.
    assert_eq!(findings_of(&report, "TITLE-2Y", "X02").len(), 1);
    assert!(findings_of(&report, "SECTOR-2Y", "X02").is_empty());
}

#[test]
fn a_zero_width_space_in_an_enrolment_id_is_a_whitespace_warning_and_the_id_still_matches() {
    check("invisible-id")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "enrolments.csv:4:1: warning[whitespace]: \"id\" = \"X\u{200B}03\" holds an invisible character",
        ))
        .stderr(predicate::str::contains("unknown-id").not());
}

// --- Row 32: formulas in CSV output --------------------------------------------------------------------------------------------

#[test]
fn a_formula_in_a_name_is_neutralised_in_csv_output() {
    let output = check("formula-name")
        .args(["--format", "csv"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    let body = output
        .stdout
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a UTF-8 BOM");
    let mut reader = csv::Reader::from_reader(body);
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no {name} column"))
    };
    let (id, full_name) = (column("id"), column("full_name"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let x02: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[id] == "X02").collect();
    assert!(!x02.is_empty(), "X02 (overdue) is not in the CSV");
    for row in x02 {
        assert_eq!(&row[full_name], "'=HYPERLINK(\"x\")");
    }
}

#[test]
fn csv_output_starts_with_a_utf8_bom() {
    check("formula-name")
        .args(["--format", "csv"])
        .assert()
        .stdout(predicate::function(|out: &[u8]| {
            out.starts_with(b"\xEF\xBB\xBFrule,")
        }));
}

// --- Row 33: files that cannot be read ---------------------------------------------------------------------------------------------

#[test]
fn a_missing_roster_is_io_naming_the_path_and_the_reason() {
    let dir = case_dir("plain");
    let mut cmd = common::boiduong();
    cmd.current_dir(dir)
        .args([
            "check",
            "--roster",
            "nope.csv",
            "--enrolments",
            "enrolments.csv",
        ])
        .args(["--as-of", AS_OF])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "nope.csv: error[io]: cannot read nope.csv: no such file",
        ));
}

#[test]
fn a_missing_enrolments_file_is_io_naming_the_path_and_the_reason() {
    let dir = case_dir("plain");
    let mut cmd = common::boiduong();
    cmd.current_dir(dir)
        .args([
            "check",
            "--roster",
            "roster.csv",
            "--enrolments",
            "nope.csv",
        ])
        .args(["--as-of", AS_OF])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "nope.csv: error[io]: cannot read nope.csv: no such file",
        ));
}

#[test]
fn a_directory_given_as_the_roster_is_io() {
    says(
        "directory",
        2,
        "roster.csv: error[io]: cannot read roster.csv: it is a directory, not a file",
    );
}

// --- Row 34: the output file ----------------------------------------------------------------------------------------------------------

#[test]
fn an_output_path_in_a_missing_directory_exits_2_naming_the_path() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let target = tmp.path().join("missing").join("report.json");
    check("plain")
        .args(["--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "cannot write {}",
            target.display()
        )));
    assert!(!target.exists());
}

#[test]
fn an_output_path_in_a_missing_directory_is_error_io() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let target = tmp.path().join("missing").join("report.json");
    check("plain")
        .args(["--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: error[io]: cannot write {}",
            target.display(),
            target.display()
        )));
}

#[test]
fn an_existing_report_is_left_intact_when_the_input_is_bad() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let target = tmp.path().join("report.json");
    fs::write(&target, "last quarter's report\n").expect("write the sentinel");
    check("duplicate-id")
        .args(["--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[duplicate-id]"));
    assert_eq!(
        fs::read_to_string(&target).expect("the old report"),
        "last quarter's report\n"
    );
    let left: Vec<_> = fs::read_dir(tmp.path()).expect("list").collect();
    assert_eq!(left.len(), 1, "a temporary file was left behind: {left:?}");
}

#[test]
fn a_good_run_with_output_replaces_the_old_report() {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let target = tmp.path().join("report.json");
    fs::write(&target, "last quarter's report\n").expect("write the sentinel");
    check("plain")
        .args(["--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let written: Value =
        serde_json::from_str(&fs::read_to_string(&target).expect("the report")).expect("JSON");
    assert_eq!(written["as_of"], AS_OF);
}

// --- Writing the output without losing a file ----------------------------------------------------------------------------------

/// A case directory with the files of `plain`.
fn plain_case() -> tempfile::TempDir {
    temp_case(&fs::read(case_dir("plain").join("roster.csv")).expect("plain roster"))
}

/// The names of the files in `dir` that a run writing into it may leave behind.
fn temporary_files(dir: &std::path::Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".tmp"))
        .collect()
}

#[cfg(unix)]
#[test]
fn an_output_that_is_an_input_is_refused_by_any_name_and_nothing_is_written() {
    let case = plain_case();
    let dir = case.path();
    let roster = fs::read(dir.join("roster.csv")).expect("roster");
    let enrolments = fs::read(dir.join("enrolments.csv")).expect("enrolments");
    fs::create_dir(dir.join("sub")).expect("a folder");
    std::os::unix::fs::symlink("roster.csv", dir.join("link.csv")).expect("a link");
    fs::hard_link(dir.join("roster.csv"), dir.join("hard.csv")).expect("a hard link");
    for (output, input) in [
        ("roster.csv", "roster.csv, the roster (--roster)"),
        ("./roster.csv", "roster.csv, the roster (--roster)"),
        ("sub/../roster.csv", "roster.csv, the roster (--roster)"),
        ("link.csv", "roster.csv, the roster (--roster)"),
        ("hard.csv", "roster.csv, the roster (--roster)"),
        (
            "enrolments.csv",
            "enrolments.csv, the enrolments file (--enrolments)",
        ),
    ] {
        check_in(dir)
            .args(["--format", "json", "-o", output])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(format!(
                "{output}: error[io]: cannot write {output}: it is {input}; writing there would \
                 destroy an input, so nothing was written"
            )));
        assert_eq!(fs::read(dir.join("roster.csv")).expect("roster"), roster);
        assert_eq!(
            fs::read(dir.join("enrolments.csv")).expect("enrolments"),
            enrolments
        );
        assert!(
            fs::symlink_metadata(dir.join("link.csv"))
                .expect("link")
                .is_symlink()
        );
        assert_eq!(temporary_files(dir), Vec::<String>::new());
    }
}

#[test]
fn an_output_that_is_the_plan_the_levels_or_the_baseline_is_refused() {
    let case = plain_case();
    let dir = case.path();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    fs::copy(
        data.join("plan-143-KH-UBND-2023.toml"),
        dir.join("plan.toml"),
    )
    .expect("plan");
    fs::copy(
        data.join("levels-TT-23-2021-TT-BGDDT.toml"),
        dir.join("levels.toml"),
    )
    .expect("levels");
    let baseline = common::json_report(check_in(dir), dir, "last.json");
    let last = fs::read(&baseline).expect("the baseline");
    for (flag, file, what) in [
        ("--plan", "plan.toml", "the plan file (--plan)"),
        ("--levels", "levels.toml", "the levels file (--levels)"),
        ("--baseline", "last.json", "the earlier report (--baseline)"),
    ] {
        let before = fs::read(dir.join(file)).expect("the input");
        check_in(dir)
            .args([flag, file, "--format", "json", "--output", file])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "cannot write {file}: it is {file}, {what}; "
            )));
        assert_eq!(fs::read(dir.join(file)).expect("the input"), before);
    }
    assert_eq!(fs::read(&baseline).expect("the baseline"), last);
}

#[test]
fn diff_refuses_to_write_over_either_report() {
    let case = plain_case();
    let dir = case.path();
    let old = common::json_report(check_in(dir), dir, "old.json");
    let new = common::json_report(check_in(dir), dir, "new.json");
    for (output, what) in [
        (&old, "the earlier report compared"),
        (&new, "the later report compared"),
    ] {
        let before = fs::read(output).expect("the report");
        common::boiduong()
            .arg("diff")
            .args([&old, &new])
            .arg("-o")
            .arg(output)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "it is {}, {what}; ",
                output.display()
            )));
        assert_eq!(fs::read(output).expect("the report"), before);
    }
}

#[test]
fn the_refusal_to_write_over_an_input_is_worded_in_vietnamese() {
    let case = plain_case();
    check_in(case.path())
        .args(["--lang", "vi", "-o", "./enrolments.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "./enrolments.csv: error[io]: không ghi được ./enrolments.csv: đây chính là tệp \
             enrolments.csv, tệp danh sách đào tạo, bồi dưỡng (--enrolments); ghi vào đó sẽ \
             làm mất dữ liệu đầu vào, nên chưa ghi gì",
        ));
}

/// The report of `plain` as a table on stdout: what `-o` must write.
fn plain_table() -> Vec<u8> {
    let out = check_in(&case_dir("plain"))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    out.stdout
}

/// Run `check -o output` in a copy of `plain` that has a pipe `pipe.fifo`,
/// and read what came through the pipe.
#[cfg(unix)]
fn write_into_a_pipe(output: &str, make: impl FnOnce(&std::path::Path)) -> tempfile::TempDir {
    use std::io::Read;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let case = plain_case();
    let dir = case.path();
    let pipe = dir.join("pipe.fifo");
    nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::S_IRWXU).expect("a pipe");
    make(dir);
    // Opened without waiting for a writer, and read once boiduong has ended (the
    // table fits in the pipe's buffer): then a read ends at what was written,
    // and at once if nothing was.
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(nix::fcntl::OFlag::O_NONBLOCK.bits())
        .open(&pipe)
        .expect("open the pipe");
    check_in(dir).args(["-o", output]).assert().code(1);
    let kind = fs::symlink_metadata(&pipe).expect("the pipe").file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by {kind:?}");
    let mut got = Vec::new();
    reader
        .read_to_end(&mut got)
        .expect("what came through the pipe");
    assert_eq!(
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&plain_table())
    );
    assert_eq!(temporary_files(dir), Vec::<String>::new());
    case
}

#[cfg(unix)]
#[test]
fn an_output_pipe_is_written_into_and_stays_a_pipe() {
    write_into_a_pipe("pipe.fifo", |_| ());
}

#[cfg(unix)]
#[test]
fn an_output_link_to_a_pipe_stays_a_link_and_the_pipe_gets_the_report() {
    let case = write_into_a_pipe("latest", |dir| {
        std::os::unix::fs::symlink("pipe.fifo", dir.join("latest")).expect("a link");
    });
    assert!(
        fs::symlink_metadata(case.path().join("latest"))
            .expect("the link")
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn an_output_link_to_a_report_updates_the_report_and_keeps_the_link() {
    let case = plain_case();
    let dir = case.path();
    fs::create_dir(dir.join("reports")).expect("a folder");
    fs::write(dir.join("reports/q3.txt"), "last quarter\n").expect("the old report");
    std::os::unix::fs::symlink("reports/q3.txt", dir.join("latest.txt")).expect("a link");
    check_in(dir).args(["-o", "latest.txt"]).assert().code(1);
    assert!(
        fs::symlink_metadata(dir.join("latest.txt"))
            .expect("link")
            .is_symlink()
    );
    assert_eq!(
        fs::read(dir.join("reports/q3.txt")).expect("the report"),
        plain_table()
    );
}

/// A roster of `n` officials whose titles are all overdue, so that the JSON
/// report is many megabytes (a finding each), and enrolments of one row.
fn large_case(n: usize) -> tempfile::TempDir {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = fs::File::create(dir.path().join("roster.csv")).expect("roster");
    let mut roster = std::io::BufWriter::new(file);
    writeln!(
        roster,
        "id,full_name,unit,title,role,title_level,appointed_on,language_groups,\
         language_level,degree,head_of,department_leader,central_plan_approved_on"
    )
    .expect("write");
    for i in 0..n {
        writeln!(
            roster,
            "T{i:06},Lê Văn Cường,UBND huyện Long Thành,Chủ tịch,incumbent,district,\
             2020-01-01,1,,master,,no,"
        )
        .expect("write");
    }
    roster.flush().expect("write");
    fs::write(
        dir.path().join("enrolments.csv"),
        "id,program,started_on,completed_on,status,abroad\n\
         T000000,title_district,2026-09-01,,enrolled,no\n",
    )
    .expect("enrolments");
    dir
}

#[cfg(unix)]
#[test]
fn a_run_stopped_while_writing_leaves_the_old_report_and_no_temporary_file() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    use std::time::{Duration, Instant};

    let case = large_case(30_000);
    let dir = case.path();
    let report = dir.join("report.json");
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGINT, 130)] {
        fs::write(&report, "last quarter's report\n").expect("the old report");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_boiduong"))
            .current_dir(dir)
            .args([
                "check",
                "--roster",
                "roster.csv",
                "--enrolments",
                "enrolments.csv",
            ])
            .args([
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "--quiet",
                "-o",
                "report.json",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the binary runs");
        let pid = Pid::from_raw(i32::try_from(child.id()).expect("a pid"));
        // The temporary file appears when the report starts to be written.
        let give_up = Instant::now() + Duration::from_secs(120);
        let temporary = loop {
            if let Some(name) = temporary_files(dir).pop() {
                break name;
            }
            assert!(
                child.try_wait().expect("wait").is_none(),
                "the run ended before its report was seen being written"
            );
            assert!(Instant::now() < give_up, "no temporary file appeared");
            std::thread::sleep(Duration::from_millis(1));
        };
        // Stopped, it cannot finish the report before the signal is in.
        kill(pid, Signal::SIGSTOP).expect("stop");
        assert!(
            dir.join(&temporary).exists(),
            "the report was finished before it could be interrupted: make the roster larger"
        );
        kill(pid, signal).expect("signal");
        kill(pid, Signal::SIGCONT).expect("continue");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(code), "{signal}");
        assert_eq!(temporary_files(dir), Vec::<String>::new(), "{signal}");
        assert_eq!(
            fs::read_to_string(&report).expect("the old report"),
            "last quarter's report\n",
            "{signal}"
        );
    }
}

// --- Row 35: plan files -------------------------------------------------------------------------------------------------------------------

#[test]
fn a_plan_with_an_unknown_key_is_a_plan_error_at_its_line() {
    check("plan-wrong-key")
        .args(["--plan", "plan.toml"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "plan.toml:15: error[plan]: unknown field `percentt`",
        ));
}

#[test]
fn a_plan_with_a_negative_quota_is_a_plan_error_at_its_line() {
    check("plan-negative-quota")
        .args(["--plan", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "plan.toml:20: error[plan]: `quotas.2024` = -3: a quota cannot be negative",
        ));
}

#[test]
fn a_plan_with_a_percentage_over_100_is_a_plan_error_at_its_line() {
    check("plan-percent-over-100")
        .args(["--plan", "plan.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "plan.toml:16: error[plan]: `percent` = 130: a percentage must be from 0 to 100",
        ));
}

// --- Physical line numbers ------------------------------------------------------------------------------------------------------------------

#[test]
fn a_cr_only_file_counts_physical_lines() {
    says(
        "cr-line-ends",
        2,
        "enrolments.csv:5:3: error[bad-date]: \"started_on\" = \"31/04/2024\"",
    );
}

#[test]
fn a_crlf_file_counts_physical_lines() {
    says(
        "crlf-line-ends",
        2,
        "enrolments.csv:5:3: error[bad-date]: \"started_on\" = \"31/04/2024\"",
    );
}

#[test]
fn a_line_break_inside_a_quoted_cell_shifts_the_later_line_numbers() {
    says(
        "multiline-cell",
        2,
        "roster.csv:5:7: error[bad-date]: \"appointed_on\" = \"31/06/2025\"",
    );
    says(
        "multiline-cell",
        2,
        "roster.csv:3:3: error[unclosed-quote]: \"unit\" holds a line break",
    );
}

#[test]
fn a_problem_names_the_header_as_written_and_the_column_where_the_file_has_it() {
    says(
        "reordered-columns",
        2,
        "roster.csv:3:1: error[bad-date]: \"Ngày bổ nhiệm\" = \"31/02/2023\" is not a date",
    );
}

// --- Every problem at once, capped ------------------------------------------------------------------------------------------------------------

#[test]
fn every_bad_row_is_reported_in_one_run() {
    check("three-bad-dates")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "enrolments.csv:2:3: error[bad-date]: \"started_on\" = \"2022-13-01\"",
        ))
        .stderr(predicate::str::contains(
            "enrolments.csv:3:3: error[bad-date]: \"started_on\" = \"1 March 2024\"",
        ))
        .stderr(predicate::str::contains(
            "enrolments.csv:4:3: error[bad-date]: \"started_on\" = \"2026-09-31\"",
        ))
        .stderr(predicate::str::contains("3 problem(s) in the input"));
}

#[test]
fn past_50_errors_of_one_code_the_rest_are_counted_in_one_line() {
    let output = check("sixty-bad-dates").output().expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let shown = stderr.matches("error[bad-date]: \"started_on\"").count();
    assert_eq!(shown, 50, "{stderr}");
    common::has(&stderr, "enrolments.csv:51:3: error[bad-date]");
    assert!(!stderr.contains("enrolments.csv:52:3:"), "{stderr}");
    common::has(
        &stderr,
        "enrolments.csv: … and 10 more error[bad-date] not shown (60 in all)",
    );
    common::has(&stderr, "60 problem(s) in the input");
}

// --- --skip-invalid and rejected officials ------------------------------------------------------------------------------------------------------

#[test]
fn skip_invalid_checks_without_the_rejected_rows_says_how_many_and_still_exits_2() {
    check("skip-invalid")
        .arg("--skip-invalid")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "enrolments.csv:6:3: error[bad-date]: \"started_on\" = \"31/02/2024\"",
        ))
        .stderr(predicate::str::contains(
            "1 input row(s) with errors were left out (--skip-invalid)",
        ))
        .stdout(predicate::str::contains("TITLE-2Y"));
}

#[test]
fn skip_invalid_gives_the_results_of_the_file_without_the_rejected_rows() {
    let (report, code) = json_report("skip-invalid", &["--skip-invalid"]);
    assert_eq!(code, 2);
    let (plain_targets, plain_findings, _) = results("plain", &[]);
    assert_eq!(report["targets"], plain_targets);
    assert_eq!(report["findings"], plain_findings);
    assert_eq!(report["summary"]["rows_left_out"], 1);
}

#[test]
fn without_skip_invalid_there_is_no_report_on_partial_data() {
    check("skip-invalid")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--skip-invalid"));
}

#[test]
fn an_enrolment_of_an_official_whose_roster_row_was_rejected_is_not_unknown_id() {
    check("rejected-official")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:9: error[bad-value]: \"language_level\" = \"9\"",
        ))
        .stderr(predicate::str::contains("unknown-id").not());
}

#[test]
fn an_enrolment_of_an_official_whose_roster_row_has_too_many_cells_is_not_unknown_id() {
    check("rejected-official-extra-cell")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "roster.csv:4:14: error[extra-cell]: 14 fields, header has 13",
        ))
        .stderr(predicate::str::contains("unknown-id").not());
}

// --- Found by fuzzing ------------------------------------------------------------------------------------------------------------------------------
//
// Each file of tests/fixtures/fuzz/ made a target of fuzz/ panic (its README.md says
// where). Whatever the file holds, a check refuses it with exit 2 and a message
// naming it, never a panic.

/// `check` in a temporary directory on `roster` saved as `name`, with the
/// enrolments of `plain`: exits 2, naming the roster in an error.
fn refuses_roster(name: &str, roster: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    fs::write(dir.path().join(name), roster).expect("write the roster");
    fs::copy(
        case_dir("plain").join("enrolments.csv"),
        dir.path().join("enrolments.csv"),
    )
    .expect("copy enrolments.csv");
    common::boiduong()
        .current_dir(dir.path())
        .args(["check", "--roster", name, "--enrolments", "enrolments.csv"])
        .args(["--as-of", AS_OF])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(name))
        .stderr(predicate::str::contains("error["))
        .stderr(predicate::str::contains("panicked").not());
}

/// The bytes of `tests/fixtures/fuzz/{name}`.
fn fuzz_fixture(name: &str) -> Vec<u8> {
    fs::read(common::fixture("fuzz").join(name)).expect("a fixture of tests/fixtures/fuzz")
}

/// The .xlsx the sheet-XML fuzz target made of `tests/fixtures/fuzz/{name}`.
fn fuzz_xlsx(name: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("book.xlsx");
    common::xlsx_around_sheet(&path, &fuzz_fixture(name));
    fs::read(path).expect("the workbook just written")
}

#[test]
fn an_xls_cut_short_is_refused_whatever_its_extension() {
    let cut = fuzz_fixture("xls-cut-short-at-8-kib.xls");
    refuses_roster("roster.xls", &cut);
    refuses_roster("roster.xlsx", &cut);
}

#[test]
fn a_compound_file_header_with_one_byte_after_it_is_refused_whatever_its_extension() {
    let cut = fuzz_fixture("cfb-header-and-one-byte.xls");
    refuses_roster("roster.xls", &cut);
    refuses_roster("roster.xlsx", &cut);
}

#[test]
fn an_xls_whose_bof_record_is_empty_is_refused() {
    let book = fuzz_fixture("xls-bof-record-without-its-version.xls");
    refuses_roster("roster.xls", &book);
}

#[test]
fn an_xls_whose_name_record_is_empty_is_refused() {
    let book = fuzz_fixture("xls-name-record-cut-short.xls");
    refuses_roster("roster.xls", &book);
}

#[test]
fn a_cell_reference_of_seven_letters_is_refused() {
    let book = fuzz_xlsx("cell-reference-of-seven-letters.sheet.xml");
    refuses_roster("roster.xlsx", &book);
}

#[test]
fn a_cell_reference_of_eleven_digits_is_refused() {
    let book = fuzz_xlsx("cell-reference-of-eleven-digits.sheet.xml");
    refuses_roster("roster.xlsx", &book);
}
