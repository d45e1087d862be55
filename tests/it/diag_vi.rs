//! Input diagnostics in Vietnamese: `--lang vi` words every message
//! of the bad-input fixtures in Vietnamese; the place, `error`/`warning` and the
//! code stay as in English (codes are the contract).

use assert_cmd::Command;

use crate::common;

use common::{bad_input, boiduong, check_in, fixture, stdout_json};

/// `boiduong check --lang vi` in a fixture case, with `extra` arguments.
fn check_vi(case: &str, extra: &[&str]) -> Command {
    let mut cmd = check_in(&bad_input(case));
    cmd.args(["--lang", "vi"]).args(extra);
    cmd
}

fn stderr_vi(case: &str, extra: &[&str]) -> String {
    let out = check_vi(case, extra).output().expect("the binary runs");
    String::from_utf8(out.stderr).expect("stderr is UTF-8")
}

/// Each case and a line its stderr holds in Vietnamese.
const CASES: &[(&str, &str)] = &[
    (
        "bad-date-no-such-day",
        "enrolments.csv:2:3: error[bad-date]: ô \"started_on\" = \"31/02/2024\": không phải là ngày: không có ngày này",
    ),
    (
        "bad-date-two-digit-year",
        "enrolments.csv:3:3: error[bad-date]: ô \"started_on\" = \"01/02/24\": không phải là ngày: năm phải có 4 chữ số (dd/mm/yyyy)",
    ),
    (
        "bad-date-month-first",
        "error[bad-date]: ô \"started_on\" = \"02/13/2024\": không phải là ngày: ngày ghi theo dd/mm/yyyy, ngày trước tháng sau (có phải là 13/02/2024?)",
    ),
    (
        "bad-date-excel-serial",
        "có vẻ là số sê-ri ngày của Excel (01/02/2024)",
    ),
    (
        "bad-language-groups",
        "roster.csv:2:8: error[bad-value]: ô \"language_groups\" = \"1,2\": không được phép: các nhóm nối bằng | hoặc dấu cách, không dùng dấu phẩy (được phép: 1, 2, 3, nối bằng | hoặc dấu cách, ví dụ 1|2)",
    ),
    (
        "bad-language-level",
        "roster.csv:2:9: error[bad-value]: ô \"language_level\" = \"7\": không phải là giá trị được phép (được phép: 1–6, bậc N",
    ),
    (
        "bad-range",
        "enrolments.csv:2:4: error[bad-range]: \"completed_on\" = \"2022-04-01\" sớm hơn \"started_on\" = \"2022-05-01\"",
    ),
    (
        "blank-header",
        "roster.csv:3:14: error[blank-header]: cột 14 không có tiêu đề nhưng dòng này có \"chuyển công tác\" ở cột đó",
    ),
    (
        "blank-rows",
        "roster.csv:3: warning[blank-row]: dòng trống, đã bỏ qua",
    ),
    (
        "cell-count",
        "roster.csv:3:14: error[extra-cell]: 14 ô, dòng tiêu đề có 13 (thừa ô:",
    ),
    (
        "duplicate-column",
        "roster.csv:1:14: error[duplicate-column]: \"id\" xuất hiện hai lần (cột 1 và cột 14)",
    ),
    (
        "duplicate-id",
        "roster.csv:6:1: error[duplicate-id]: mã cán bộ \"X02\" đã có ở dòng 3",
    ),
    (
        "duplicate-row",
        "enrolments.csv:7: warning[duplicate-row]: trùng hệt dòng 6; chỉ tính một lần",
    ),
    ("empty-file", "roster.csv: error[empty-file]: tệp trống"),
    (
        "future-completion",
        "enrolments.csv:4:4: error[future-date]: ô \"completed_on\" = \"2027-01-15\": sau ngày 25/11/2026, ngày báo cáo tính đến; ngày hoàn thành không thể ở tương lai",
    ),
    (
        "inconsistent-status",
        "enrolments.csv:4:5: warning[inconsistent]: ô \"status\" = \"completed\": đã hoàn thành nhưng không có ngày hoàn thành",
    ),
    (
        "invisible-id",
        "roster.csv:3:1: warning[whitespace]: ô \"id\" = \"X02\": có ký tự ẩn",
    ),
    ("legacy-font-vni", "hãy chuyển mã sang Unicode bằng Unikey"),
    ("lossy-export", "lưu lại dưới dạng CSV UTF-8"),
    (
        "missing-appointment",
        "roster.csv:3:7: warning[missing-date]: cán bộ đương chức \"X02\" không có ngày bổ nhiệm",
    ),
    (
        "missing-column",
        "roster.csv:1: error[missing-column]: không có cột \"Diện\" (tiếng Anh: \"role\"); dòng tiêu đề có: \"id\"",
    ),
    (
        "no-rows-roster",
        "roster.csv: error[no-rows]: danh sách cán bộ có dòng tiêu đề nhưng không có cán bộ nào",
    ),
    (
        "unclosed-quote",
        "roster.csv:4:2: error[unclosed-quote]: một dấu ngoặc kép mở ở dòng này không bao giờ đóng lại",
    ),
    (
        "unknown-id-leading-zeros",
        "enrolments.csv:6:1: error[unknown-id]: ô \"id\" = \"123\": không có trong danh sách cán bộ (Excel có thể đã bỏ số 0 ở đầu: có phải là \"00123\"?)",
    ),
    (
        "unknown-program",
        "enrolments.csv:3:2: error[bad-value]: ô \"program\" = \"senior_specalist\": không phải là giá trị được phép (được phép: title_department (Lãnh đạo, quản lý cấp sở)",
    ),
];

#[test]
fn every_bad_input_case_reads_in_vietnamese() {
    for (case, line) in CASES {
        let stderr = stderr_vi(case, &[]);
        assert!(
            stderr.contains(line),
            "{case}: stderr lacks\n  {line}\nit is:\n{stderr}"
        );
    }
}

#[test]
fn the_english_of_a_case_is_not_left_in_vietnamese() {
    for (case, _) in CASES {
        let stderr = stderr_vi(case, &[]);
        for english in [
            "is not a date",
            "is not in the roster",
            "already on line",
            "skipped",
        ] {
            assert!(
                !stderr.contains(english),
                "{case}: {english:?} in\n{stderr}"
            );
        }
    }
}

#[test]
fn a_file_of_many_problems_in_vietnamese() {
    insta::assert_snapshot!(stderr_vi("three-bad-dates", &[]));
}

#[test]
fn overflow_lines_in_vietnamese() {
    let stderr = stderr_vi("sixty-bad-dates", &[]);
    assert!(
        stderr
            .contains("enrolments.csv: … và 10 error[bad-date] khác không hiện ra (tổng cộng 60)"),
        "{stderr}"
    );
}

#[test]
fn json_input_problems_in_vietnamese() {
    let (report, _) = stdout_json(&mut check_vi("future-start", &["--format", "json"]));
    let problem = &report["input_problems"][0];
    assert_eq!(problem["code"], "future-date");
    assert_eq!(problem["severity"], "warning");
    assert_eq!(
        problem["message"],
        "ô \"started_on\" = \"2027-01-11\": sau ngày 25/11/2026, ngày báo cáo tính đến"
    );
}

#[test]
fn verbose_notes_in_vietnamese() {
    let stderr = stderr_vi("semicolon", &["-v"]);
    assert!(
        stderr.contains("roster.csv: utf-8, phân cách bằng ';', ")
            && stderr.contains(" dòng bị loại, sha256 "),
        "{stderr}"
    );
}

/// The run's stderr, in a fresh directory holding `files` (name, bytes), of
/// `check --lang vi` on the `bad-range` case with `extra` arguments.
fn stderr_vi_with(files: &[(&str, &[u8])], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut args: Vec<String> = extra.iter().map(|a| (*a).to_owned()).collect();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        for arg in &mut args {
            if arg == name {
                *arg = path.display().to_string();
            }
        }
    }
    stderr_vi(
        "bad-range",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

#[test]
fn a_missing_file_in_vietnamese() {
    let out = boiduong()
        .current_dir(bad_input("bad-range"))
        .args([
            "check",
            "--roster",
            "nope.csv",
            "--enrolments",
            "enrolments.csv",
        ])
        .args(["--lang", "vi"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    common::has(
        &stderr,
        "nope.csv: error[io]: không đọc được nope.csv: không có tệp này",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_report_that_cannot_be_compared_in_vietnamese() {
    let stderr = stderr_vi_with(&[("old.json", b"{\"a\": 1}")], &["--baseline", "old.json"]);
    common::has(
        &stderr,
        "old.json: error[baseline]: không phải là báo cáo JSON của `boiduong check --format \
             json` (không ghi phiên bản định dạng)",
    );
    let stderr = stderr_vi_with(&[], &["--baseline", "nowhere.json"]);
    common::has(
        &stderr,
        "error[io]: không đọc được nowhere.json: không có tệp này",
    );
}

#[test]
fn a_plan_or_levels_file_not_in_utf8_in_vietnamese() {
    let latin1: &[u8] = b"id = \"K\xe9 ho\xb8ch\"\n";
    let stderr = stderr_vi_with(&[("plan.toml", latin1)], &["--plan", "plan.toml"]);
    common::has(
        &stderr,
        "plan.toml: error[plan]: tệp kế hoạch (--plan) không phải UTF-8",
    );
    let stderr = stderr_vi_with(&[("levels.toml", latin1)], &["--levels", "levels.toml"]);
    common::has(
        &stderr,
        "levels.toml: error[levels]: tệp bảng quy đổi chứng chỉ (--levels) không phải UTF-8",
    );
}

#[test]
fn unknown_certificates_in_vietnamese() {
    let out = check_in(&fixture("certificates"))
        .args(["--lang", "vi", "--fail-on", "never"])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    for line in [
        "roster.csv:5:9: warning[unknown-certificate]: ô \"language_level\" = \"TOPIK 5\": không \
         phải là chứng chỉ của bảng quy đổi (TOEFL iBT, IELTS, Cambridge English, TOEIC, TOEFL \
         ITP, VSTEP, TCF, DELF/DALF, Goethe-Zertifikat, TestDaF, HSK, JLPT, ТРКИ (TORFL)), cũng \
         không phải là bậc; bậc của chứng chỉ cần được xem xét thủ công; cho đến khi được xem \
         xét, cán bộ được tính trong nhóm ngoại ngữ, chưa tính là đạt bậc 4 trở lên",
        "roster.csv:6:9: warning[unknown-certificate]: ô \"language_level\" = \"TOEIC L495 \
         R495\": chỉ ghi TOEIC L+R: bảng quy đổi cần đủ các kỹ năng L, R, S, W; bậc của chứng \
         chỉ cần được xem xét thủ công;",
    ] {
        assert!(stderr.contains(line), "lacks\n  {line}\nin\n{stderr}");
    }
    assert!(!stderr.contains("manual review"), "{stderr}");
}

#[test]
fn plan_file_problems_in_vietnamese() {
    for (case, line) in [
        (
            "plan-negative-quota",
            "plan.toml:20: error[plan]: `quotas.2024` = -3: chỉ tiêu không thể là số âm\n",
        ),
        (
            "plan-percent-over-100",
            "plan.toml:16: error[plan]: `percent` = 130: tỷ lệ phần trăm phải từ 0 đến 100\n",
        ),
        (
            "plan-wrong-key",
            "plan.toml:15: error[plan]: tệp TOML không hợp lệ (thư viện toml báo: unknown field \
             `percentt`, expected one of `rule`, `kind`, `clause`, `text_vi`, `text_en`, `group`, \
             `percent`, `min_level`, `baseline`, `applies_to`, `anchor`, `program`, `months`, \
             `total`, `quotas`, `derived_year`, `programs`, `min_per_year`, `max_per_year`, \
             `from_year`, `heads`, `deadline`)\n",
        ),
    ] {
        let out = check_vi(case, &["--plan", "plan.toml"])
            .output()
            .expect("the binary runs");
        assert_eq!(String::from_utf8_lossy(&out.stderr), line, "{case}");
        assert_eq!(out.status.code(), Some(2), "{case}");
    }
}

#[test]
fn a_levels_file_problem_in_vietnamese() {
    let out = check_in(&fixture("certificates"))
        .args(["--levels", "levels-broken.toml", "--lang", "vi"])
        .output()
        .expect("the binary runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "levels-broken.toml:14: error[levels]: IELTS: điểm tối thiểu của bậc 4 không cao hơn \
         điểm tối thiểu của bậc 3\n"
    );
    assert_eq!(out.status.code(), Some(2));
}
