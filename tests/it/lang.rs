//! The language of what people read: `--lang vi|en`, and the default
//! from BOIDUONG_LANG, then LC_ALL, LC_MESSAGES and LANG, on every command that
//! prints for people.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

/// The binary with exactly the locale variables of `env` set (`common::boiduong`
/// removes the others).
fn boiduong(env: &[(&str, &str)], args: &[&str]) -> (String, String, i32) {
    common::with_env(env, args)
}

const CHECK: [&str; 7] = [
    "check",
    "--roster",
    "tests/fixtures/sample/roster.csv",
    "--enrolments",
    "tests/fixtures/sample/enrolments.csv",
    "--as-of",
    "2026-11-25",
];

fn check_language(env: &[(&str, &str)], extra: &[&str]) -> &'static str {
    let args: Vec<&str> = CHECK.iter().chain(extra).copied().collect();
    let (out, err, code) = boiduong(env, &args);
    assert_eq!(code, 1, "{err}");
    if out.starts_with("boiduong: Kế hoạch 143/KH-UBND, tính đến ngày 25/11/2026\n") {
        "vi"
    } else if out.starts_with("boiduong: plan 143/KH-UBND as of 2026-11-25\n") {
        "en"
    } else {
        panic!("neither language:\n{out}")
    }
}

#[test]
fn without_a_locale_the_report_is_english() {
    assert_eq!(check_language(&[], &[]), "en");
    assert_eq!(check_language(&[("LANG", "C.UTF-8")], &[]), "en");
    assert_eq!(check_language(&[("LANG", "en_US.UTF-8")], &[]), "en");
}

#[test]
fn a_vietnamese_lang_makes_the_report_vietnamese() {
    for value in ["vi", "vi_VN", "vi_VN.UTF-8"] {
        assert_eq!(check_language(&[("LANG", value)], &[]), "vi", "{value}");
    }
}

#[test]
fn lc_all_wins_over_lc_messages_which_wins_over_lang() {
    assert_eq!(
        check_language(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")], &[]),
        "en"
    );
    assert_eq!(
        check_language(&[("LC_ALL", "vi_VN.UTF-8"), ("LC_MESSAGES", "C")], &[]),
        "vi"
    );
    assert_eq!(
        check_language(&[("LC_MESSAGES", "vi_VN"), ("LANG", "en_GB.UTF-8")], &[]),
        "vi"
    );
    assert_eq!(
        check_language(&[("LC_MESSAGES", "C"), ("LANG", "vi_VN")], &[]),
        "en"
    );
}

#[test]
fn an_empty_variable_does_not_decide() {
    assert_eq!(
        check_language(
            &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "vi_VN")],
            &[]
        ),
        "vi"
    );
}

#[test]
fn the_lang_option_wins_over_the_environment() {
    assert_eq!(
        check_language(&[("LC_ALL", "vi_VN")], &["--lang", "en"]),
        "en"
    );
    assert_eq!(check_language(&[("LANG", "C")], &["--lang", "vi"]), "vi");
}

#[test]
fn boiduong_lang_comes_before_the_locale_as_cron_has_none() {
    assert_eq!(check_language(&[("BOIDUONG_LANG", "vi")], &[]), "vi");
    assert_eq!(
        check_language(&[("BOIDUONG_LANG", "vi"), ("LC_ALL", "en_US.UTF-8")], &[]),
        "vi"
    );
    assert_eq!(
        check_language(&[("BOIDUONG_LANG", "en"), ("LANG", "vi_VN.UTF-8")], &[]),
        "en"
    );
    assert_eq!(
        check_language(&[("BOIDUONG_LANG", "vi")], &["--lang", "en"]),
        "en"
    );
}

#[test]
fn a_boiduong_lang_of_no_known_language_is_an_error_not_a_guess() {
    let args: Vec<&str> = CHECK.to_vec();
    let (out, err, code) = boiduong(&[("BOIDUONG_LANG", "vietnamese")], &args);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    common::has(
        &err,
        "error: BOIDUONG_LANG=\"vietnamese\" is neither vi (Vietnamese) nor en",
    );
    common::has(
        &err,
        "lỗi: BOIDUONG_LANG=\"vietnamese\" không phải vi (tiếng Việt) hay en",
    );
    // --lang decides without it
    assert_eq!(
        check_language(&[("BOIDUONG_LANG", "vietnamese")], &["--lang", "vi"]),
        "vi"
    );
}

#[test]
fn stderr_messages_follow_the_language() {
    let args = [
        "check",
        "--roster",
        "tests/fixtures/bad-input/duplicate-id/roster.csv",
        "--enrolments",
        "tests/fixtures/bad-input/duplicate-id/enrolments.csv",
        "--as-of",
        "2026-11-25",
    ];
    let (_, err, code) = boiduong(&[("LANG", "vi_VN.UTF-8")], &args);
    assert_eq!(code, 2);
    common::has(&err, "lỗi: dữ liệu có");
    let mut skip = args.to_vec();
    skip.push("--skip-invalid");
    let (_, err, code) = boiduong(&[], &[skip.as_slice(), &["--lang", "vi"]].concat());
    assert_eq!(code, 2);
    common::has(
        &err,
        "cảnh báo: đã bỏ qua 1 dòng dữ liệu có lỗi (--skip-invalid)",
    );
    common::has(&err, "báo cáo chưa đầy đủ");
}

#[test]
fn rules_and_explain_speak_vietnamese_with_the_plans_own_words() {
    let (out, _, code) = boiduong(&[], &["rules", "--lang", "vi"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Kế hoạch 143/KH-UBND (05/06/2023), 17 chỉ tiêu"),
        "{out}"
    );
    assert!(out.contains("Mã chỉ tiêu"));
    let (out, _, code) = boiduong(&[("LANG", "vi_VN")], &["explain", "LANG-2"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("LANG-2 (II.2.b, Phụ lục 01 dòng 2): chỉ tiêu loại tỷ lệ đạt chuẩn"));
    assert!(out.contains("## Lời văn của Kế hoạch (143/KH-UBND)\nII.2.b, Phụ lục 01 dòng 2: Đối với lãnh đạo Văn phòng Tỉnh ủy"));
    for heading in [
        "## Kiểm tra điều gì\n",
        "## Cách tính\n",
        "## Ví dụ\n",
        "## Trường hợp đặc biệt\n",
    ] {
        assert!(out.contains(heading), "no {heading:?}");
    }
    assert!(!out.contains("## What it checks"));
    assert!(
        !out.contains("tiếng Anh"),
        "no note that the bodies are English: {out}"
    );
    let (_, err, code) = boiduong(&[], &["explain", "NOPE", "--lang", "vi"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("lỗi: Kế hoạch 143/KH-UBND không có chỉ tiêu \"NOPE\""),
        "{err}"
    );
}

#[test]
fn validate_sums_up_in_vietnamese_and_keeps_the_codes() {
    let (out, _, code) = boiduong(
        &[],
        &[
            "validate",
            "--roster",
            "tests/fixtures/inconsistent/roster.csv",
            "--enrolments",
            "tests/fixtures/inconsistent/enrolments.csv",
            "--as-of",
            "2026-09-30",
            "--lang",
            "vi",
        ],
    );
    assert_eq!(code, 1);
    // the institution by its name, not the roster's code
    common::has(&out, "là người đứng đầu Trường Chính trị tỉnh nhưng");
    assert!(!out.contains("political_school"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with("validate: tests/fixtures/inconsistent/roster.csv (3 dòng, 0 bị loại)"),
        "{last}"
    );
    common::has(last, "; 0 lỗi, 4 cảnh báo: 1 warning[future-date]");
}

#[test]
fn template_follows_the_environment_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let vi = dir.path().join("vi");
    let (_, err, code) = boiduong(
        &[("LANG", "vi_VN.UTF-8")],
        &["template", vi.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(vi.join("mo-ta-cot.txt").exists());
    assert!(err.starts_with("đã ghi "), "{err}");
    let roster = std::fs::read_to_string(vi.join("roster.csv")).unwrap();
    assert!(roster.starts_with("\u{FEFF}Mã cán bộ;"), "{roster}");
    let en = dir.path().join("en");
    let (_, _, code) = boiduong(&[("LANG", "C.UTF-8")], &["template", en.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(en.join("columns.txt").exists());
    let forced = dir.path().join("forced");
    let (_, _, code) = boiduong(
        &[("LANG", "C")],
        &["template", forced.to_str().unwrap(), "--lang", "vi"],
    );
    assert_eq!(code, 0);
    assert!(forced.join("mo-ta-cot.txt").exists());
}

#[test]
fn diff_speaks_vietnamese_too() {
    let dir = tempfile::tempdir().unwrap();
    let report = |name: &str, roster: &str, enrolments: &str, as_of: &str| {
        let path = dir.path().join(name);
        let (_, err, code) = boiduong(
            &[],
            &[
                "check",
                "--roster",
                roster,
                "--enrolments",
                enrolments,
                "--as-of",
                as_of,
                "--format",
                "json",
                "--fail-on",
                "never",
                "--output",
                path.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        path
    };
    let old = report(
        "q3.json",
        "examples/en/roster.csv",
        "examples/en/enrolments.csv",
        "2026-09-30",
    );
    let new = report(
        "q4.json",
        "examples/en-q4/roster.csv",
        "examples/en-q4/enrolments.csv",
        "2026-12-31",
    );
    let (out, _, code) = boiduong(
        &[("LC_ALL", "vi_VN.UTF-8")],
        &["diff", old.to_str().unwrap(), new.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    assert!(
        out.starts_with(
            "boiduong diff: Kế hoạch 143/KH-UBND, tính đến ngày 30/09/2026 → 31/12/2026\n"
        ),
        "{out}"
    );
    common::has(&out, "\nChỉ tiêu thay đổi: 8 trên 33\n");
    common::has(&out, "\nTrường hợp mới: 7\n");
    assert!(
        out.trim_end()
            .ends_with("8 trên 33 dòng chỉ tiêu thay đổi."),
        "{out}"
    );
}

#[test]
fn every_rule_explains_itself_in_vietnamese_under_the_four_headings_in_nfc() {
    let plan = boiduong::plan::load_plan(None).unwrap();
    for rule in plan.rule_ids() {
        let (out, err, code) = boiduong(&[], &["explain", rule, "--lang", "vi"]);
        assert_eq!(code, 0, "{rule}: {err}");
        assert!(unicode_normalization::is_nfc(&out), "{rule}");
        let mut at = 0;
        for heading in [
            "## Kiểm tra điều gì\n",
            "## Cách tính\n",
            "## Ví dụ\n",
            "## Trường hợp đặc biệt\n",
            "## Lời văn của Kế hoạch (143/KH-UBND)\n",
        ] {
            let found = out[at..].find(heading);
            assert!(found.is_some(), "{rule}: no {heading:?} after byte {at}");
            at += found.unwrap() + heading.len();
        }
        // the same layout as in English: as many headings, in the same places
        let (en, _, _) = boiduong(&[], &["explain", rule, "--lang", "en"]);
        let heading_lines = |text: &str| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| l.starts_with("## "))
                .count()
        };
        assert_eq!(heading_lines(&out), heading_lines(&en), "{rule}");
        for english in ["## What it checks", "overdue", "incumbent"] {
            assert!(!out.contains(english), "{rule}: {english:?} in {out}");
        }
    }
}

#[test]
fn explain_in_vietnamese_snapshot() {
    let (out, err, code) = boiduong(&[], &["explain", "LANG-1", "--lang", "vi"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("explain-lang-1-vi", out);
}

#[test]
fn rules_in_vietnamese_snapshot() {
    let (out, err, code) = boiduong(&[], &["rules", "--lang", "vi"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("rules-vi", out);
}
