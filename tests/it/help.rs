//! `--help` and the manual page in the language of the run, with examples; and
//! the note on stderr when `--as-of` is not given.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

/// The binary with the variables of `env` set (and no other locale variable),
/// run with `args`: stdout, stderr and the exit code.
fn run(env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
    common::with_env(env, args)
}

const EN_ABOUT: &str = "Evaluate every target of the plan on the roster and the training records";
const VI_ABOUT: &str =
    "Đánh giá từng chỉ tiêu của Kế hoạch trên danh sách cán bộ và danh sách đào tạo, bồi dưỡng";
const EN_EXAMPLE: &str = "Examples:\n  # Check the export of 30 September 2026 and print the report\n  \
     boiduong check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv \
     --as-of 2026-09-30\n";
const VI_EXAMPLE: &str = "Ví dụ:\n  # Kiểm tra dữ liệu xuất ngày 30/09/2026 và in báo cáo\n  \
     boiduong check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv \
     --as-of 30/09/2026\n";

/// `check --help` under `env`, with `extra` arguments: exits 0.
fn check_help(env: &[(&str, &str)], extra: &[&str]) -> String {
    let args: Vec<&str> = ["check"].iter().chain(extra).copied().collect();
    let (out, err, code) = run(env, &args);
    assert_eq!(code, 0, "{err}");
    out
}

fn is_english(help: &str) {
    assert!(help.starts_with(EN_ABOUT), "{help}");
    common::has(help, EN_EXAMPLE);
    common::has(help, "The roster export: one row per official");
    common::has(
        help,
        "- markdown: The summary and the targets as Markdown tables",
    );
    assert!(!help.contains("Ví dụ"), "{help}");
}

fn is_vietnamese(help: &str) {
    assert!(help.starts_with(VI_ABOUT), "{help}");
    common::has(help, VI_EXAMPLE);
    common::has(
        help,
        "Tệp danh sách cán bộ xuất từ phần mềm: mỗi cán bộ một dòng",
    );
    common::has(
        help,
        "- markdown: Phần tổng hợp và các chỉ tiêu dạng bảng Markdown",
    );
    // clap's own words stay English
    common::has(
        help,
        "\nUsage: boiduong check [OPTIONS] --roster <FILE> --enrolments <FILE>\n",
    );
    common::has(help, "[default: error]");
    assert!(!help.contains("Examples:"), "{help}");
}

#[test]
fn check_help_is_english_without_a_locale_with_its_examples() {
    is_english(&check_help(&[], &["--help"]));
    is_english(&check_help(&[("LANG", "C.UTF-8")], &["--help"]));
    is_english(&check_help(
        &[("LANG", "vi_VN.UTF-8")],
        &["--help", "--lang", "en"],
    ));
}

#[test]
fn check_help_is_vietnamese_with_lang_vi() {
    is_vietnamese(&check_help(&[], &["--lang", "vi", "--help"]));
    is_vietnamese(&check_help(&[], &["--help", "--lang", "vi"]));
    is_vietnamese(&check_help(&[], &["--lang=vi", "--help"]));
}

#[test]
fn check_help_is_vietnamese_under_a_vietnamese_locale() {
    is_vietnamese(&check_help(&[("LANG", "vi_VN.UTF-8")], &["--help"]));
    is_vietnamese(&check_help(&[("LC_ALL", "vi_VN.UTF-8")], &["--help"]));
}

#[test]
fn check_help_is_vietnamese_under_boiduong_lang() {
    is_vietnamese(&check_help(&[("BOIDUONG_LANG", "vi")], &["--help"]));
    is_vietnamese(&check_help(
        &[("BOIDUONG_LANG", "vi"), ("LANG", "en_US.UTF-8")],
        &["--help"],
    ));
    // a BOIDUONG_LANG of no language: the help in English; a run says why
    is_english(&check_help(&[("BOIDUONG_LANG", "fr")], &["--help"]));
}

#[test]
fn the_short_help_has_the_short_texts_and_no_examples() {
    let (out, _, code) = run(&[("LANG", "vi_VN.UTF-8")], &["check", "-h"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Đánh giá từng chỉ tiêu của Kế hoạch và in báo cáo"),
        "{out}"
    );
    assert!(!out.contains("Ví dụ:"), "{out}");
    let (out, _, _) = run(&[("LANG", "vi_VN.UTF-8")], &["-h"]);
    common::has(
        &out,
        "  gaps         Liệt kê cán bộ cần cử đi học trong một năm",
    );
}

#[test]
fn every_command_shows_examples_in_its_help() {
    for command in [
        "check",
        "diff",
        "completions",
        "man",
        "gaps",
        "validate",
        "rules",
        "explain",
        "template",
    ] {
        let (out, _, code) = run(&[], &[command, "--help"]);
        assert_eq!(code, 0);
        common::has(&out, "Examples:\n  # ");
        common::has(&out, &format!("\n  boiduong {command}"));
        let (out, _, _) = run(&[("BOIDUONG_LANG", "vi")], &[command, "--help"]);
        common::has(&out, &format!("\n  boiduong {command}"));
        common::has(&out, "Ví dụ:\n  # ");
    }
    let (out, _, _) = run(&[("LANG", "vi_VN")], &["gaps", "--help"]);
    common::has(&out, "--format csv --by-unit danh-sach/\n");
    let (out, _, _) = run(&[("LANG", "vi_VN")], &["template", "--help"]);
    common::has(&out, "\n  boiduong template mau/ --lang vi\n");
}

#[test]
fn usage_errors_stay_clap_s_english_and_exit_2() {
    let (out, err, code) = run(
        &[("LANG", "vi_VN.UTF-8")],
        &["check", "--lang", "vi", "--nope"],
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: unexpected argument '--nope' found"),
        "{err}"
    );
}

#[test]
fn the_manual_of_check_has_exit_status_environment_and_examples() {
    let (page, _, code) = run(&[], &["man", "check"]);
    assert_eq!(code, 0);
    for section in [
        ".SH NAME\n",
        ".SH SYNOPSIS\n",
        ".SH OPTIONS\n",
        ".SH \"EXIT STATUS\"\n",
        ".SH ENVIRONMENT\n",
        ".SH EXAMPLES\n",
    ] {
        common::has(&page, section);
    }
    let at = |what: &str| page.find(what).unwrap();
    assert!(at(".SH OPTIONS") < at("EXIT STATUS") && at("EXIT STATUS") < at(".SH ENVIRONMENT"));
    assert!(at(".SH ENVIRONMENT") < at(".SH EXAMPLES"));
    for code in ["0", "1", "2", "130, 143"] {
        common::has(&page, &format!(".TP\n\\fB{code}\\fR\n"));
    }
    for variable in ["BOIDUONG_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        common::has(&page, &format!("\\fB{variable}\\fR"));
    }
    common::has(
        &page,
        "\\fBboiduong check \\-\\-roster examples/en/roster.csv \\-\\-enrolments \
         examples/en/enrolments.csv \\-\\-as\\-of 2026\\-09\\-30\\fR",
    );
}

#[test]
fn the_manual_speaks_vietnamese_under_vi() {
    for (env, args) in [
        (&[][..], &["man", "check", "--lang", "vi"][..]),
        (&[("LANG", "vi_VN.UTF-8")], &["man", "check"]),
        (&[("BOIDUONG_LANG", "vi")], &["man", "check"]),
    ] {
        let (page, err, code) = run(env, args);
        assert_eq!(code, 0, "{err}");
        for section in [
            ".SH TÊN\n",
            ".SH \"CÚ PHÁP\"\n",
            ".SH \"MÔ TẢ\"\n",
            ".SH \"TÙY CHỌN\"\n",
            ".SH \"TRẠNG THÁI THOÁT\"\n",
            ".SH \"BIẾN MÔI TRƯỜNG\"\n",
            ".SH \"VÍ DỤ\"\n",
        ] {
            common::has(&page, section);
        }
        assert!(!page.contains("EXIT STATUS") && !page.contains(".SH NAME"));
        common::has(
            &page,
            "boiduong\\-check \\- Đánh giá từng chỉ tiêu của Kế hoạch",
        );
        common::has(&page, "Tệp danh sách cán bộ xuất từ phần mềm");
    }
    let (_, err, code) = run(&[], &["man", "nosuch", "--lang", "vi"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("lỗi: không có lệnh \"nosuch\"; các lệnh là: check, diff"),
        "{err}"
    );
    let (_, err, _) = run(&[], &["man", "nosuch"]);
    assert!(
        err.starts_with("error: there is no command \"nosuch\"; the commands are: check"),
        "{err}"
    );
}

// --- The as-of note -------------------------------------------------------------

const SAMPLE: [&str; 4] = [
    "--roster",
    "tests/fixtures/sample/roster.csv",
    "--enrolments",
    "tests/fixtures/sample/enrolments.csv",
];

/// `command` on the sample with `extra` arguments: its stderr.
fn stderr_of(env: &[(&str, &str)], command: &str, extra: &[&str]) -> String {
    let args: Vec<&str> = [command]
        .iter()
        .chain(&SAMPLE)
        .chain(extra)
        .copied()
        .collect();
    run(env, &args).1
}

const EN_NOTE: &str = "note: no --as-of, so the results are as of today, ";
const VI_NOTE: &str = "lưu ý: không có --as-of nên kết quả được tính đến ngày hôm nay, ";

#[test]
fn without_as_of_stderr_says_the_date_used_and_how_to_give_the_export_s() {
    let today = chrono::Local::now().date_naive();
    for (command, extra) in [
        ("check", &["--fail-on", "never"][..]),
        ("gaps", &["--year", "2027"]),
        ("validate", &[]),
    ] {
        let err = stderr_of(&[], command, extra);
        let line = err
            .lines()
            .find(|l| l.starts_with(EN_NOTE))
            .unwrap_or_else(|| panic!("{command}: no note in:\n{err}"));
        // the day the run read, or the next if the clock passed midnight since
        let days: Vec<String> = [today, today.succ_opt().unwrap()]
            .iter()
            .map(|d| {
                format!(
                    "{EN_NOTE}{}; give the date of the export with --as-of DATE",
                    d.format("%Y-%m-%d")
                )
            })
            .collect();
        assert!(days.iter().any(|d| line.starts_with(d)), "{line}");
        let err = stderr_of(&[("LANG", "vi_VN.UTF-8")], command, extra);
        let line = err.lines().find(|l| l.starts_with(VI_NOTE));
        assert!(
            line.is_some_and(|l| l.contains("hãy ghi ngày xuất dữ liệu bằng --as-of NGÀY")),
            "{err}"
        );
    }
}

#[test]
fn the_as_of_note_is_not_said_with_as_of_nor_with_quiet() {
    for (command, extra) in [
        ("check", &["--fail-on", "never"][..]),
        ("gaps", &["--year", "2027"]),
        ("validate", &[]),
    ] {
        let with: Vec<&str> = extra
            .iter()
            .chain(&["--as-of", common::AS_OF])
            .copied()
            .collect();
        let err = stderr_of(&[], command, &with);
        assert!(!err.contains("--as-of"), "{command}: {err}");
        let quiet: Vec<&str> = extra.iter().chain(&["--quiet"]).copied().collect();
        let err = stderr_of(&[], command, &quiet);
        assert!(!err.contains("--as-of"), "{command}: {err}");
    }
}
