//! `validate`, `rules`, `explain` and `template`.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

use assert_cmd::Command;
use boiduong::diag::{Code, Diagnostics, Severity};
use boiduong::input::load;
use chrono::NaiveDate;

fn boiduong(args: &[&str]) -> (String, String, i32) {
    crate::common::outcome(Command::cargo_bin("boiduong").unwrap().args(args))
}

fn validate(scenario: &str) -> (String, String, i32) {
    let roster = format!("tests/fixtures/{scenario}/roster.csv");
    let enrolments = format!("tests/fixtures/{scenario}/enrolments.csv");
    boiduong(&[
        "validate",
        "--roster",
        &roster,
        "--enrolments",
        &enrolments,
        "--as-of",
        "2026-09-30",
    ])
}

#[test]
fn validate_exits_0_on_clean_input() {
    let (out, _, code) = validate("gaps");
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("; 0 error(s), 0 warning(s).\n"), "{out}");
}

#[test]
fn validate_lists_every_consistency_warning_and_exits_1() {
    let (out, err, code) = validate("inconsistent");
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("validate-inconsistent", out);
}

#[test]
fn validate_exits_2_on_errors_and_still_lists_everything() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.csv");
    let enrolments = dir.path().join("enrolments.csv");
    std::fs::write(
        &roster,
        "id,full_name,role,language_groups,appointed_on\n\
         A1,Nguyễn Văn An,quy hoạch,1,\n\
         A2,Trần Thị Bình,đương chức,,31/02/2024\n",
    )
    .unwrap();
    std::fs::write(
        &enrolments,
        "id,program,started_on,completed_on\n\
         A1,title_department,01/03/2028,\n\
         A2,title_department,01/01/2024,01/06/2024\n",
    )
    .unwrap();
    let (out, _, code) = boiduong(&[
        "validate",
        "--roster",
        roster.to_str().unwrap(),
        "--enrolments",
        enrolments.to_str().unwrap(),
        "--as-of",
        "2026-09-30",
    ]);
    assert_eq!(code, 2, "{out}");
    common::has(&out, "roster.csv:3:5: error[bad-date]");
    common::has(&out, "roster.csv:2:4: warning[planned-in-group]");
    common::has(&out, "enrolments.csv:2:3: warning[future-date]");
    common::has(&out, "1 error(s), 2 warning(s)");
}

#[test]
fn rules_lists_every_target_of_the_plan() {
    let (out, _, code) = boiduong(&["rules"]);
    assert_eq!(code, 0);
    let plan = boiduong::plan::load_plan(None).unwrap();
    assert!(out.starts_with("plan 143/KH-UBND (2023-06-05), 17 targets"));
    for target in &plan.targets {
        assert!(
            out.contains(&format!("│ {} ", target.rule)),
            "{}",
            target.rule
        );
    }
    assert_eq!(out.matches("│ QUOTA-A2 ").count(), 4);
}

#[test]
fn every_rule_explains_itself_under_the_four_headings_with_the_plans_words() {
    let plan = boiduong::plan::load_plan(None).unwrap();
    for rule in plan.rule_ids() {
        let (out, err, code) = boiduong(&["explain", rule]);
        assert_eq!(code, 0, "{rule}: {err}");
        let mut at = 0;
        for heading in [
            "## What it checks\n",
            "## How it is computed\n",
            "## Example\n",
            "## Edge cases\n",
            "## The plan's words (143/KH-UBND)\n",
        ] {
            let found = out[at..].find(heading);
            assert!(found.is_some(), "{rule}: no {heading:?} after byte {at}");
            at += found.unwrap() + heading.len();
        }
        for target in plan.targets.iter().filter(|t| t.rule == rule) {
            assert!(
                out[at..].contains(&target.text_vi),
                "{rule}: no Vietnamese text"
            );
            assert!(out[at..].contains(&target.clause), "{rule}: no clause");
        }
    }
}

#[test]
fn explain_of_an_unknown_rule_exits_2_with_the_rule_ids() {
    let (out, err, code) = boiduong(&["explain", "LANG-4"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    common::has(&err, "plan 143/KH-UBND has no rule \"LANG-4\"");
    common::has(&err, "PG-ANNUAL, PG-HEAD-DOCTOR, LANG-1");
    let (out, _, code) = boiduong(&["explain", "lang-2"]);
    assert_eq!(code, 0, "rule ids match ignoring case");
    assert!(out.starts_with("LANG-2 (II.2.b, App. 01 row 2): a share rule"));
}

#[test]
fn rules_and_explain_read_the_plan_given() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    let text = std::fs::read_to_string("data/plan-143-KH-UBND-2023.toml")
        .unwrap()
        .replace("rule = \"LANG-2\"", "rule = \"LANG-TWO\"");
    std::fs::write(&plan, text).unwrap();
    let (out, _, code) = boiduong(&["explain", "LANG-TWO", "--plan", plan.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("Sở Ngoại vụ"));
    let (out, _, _) = boiduong(&["rules", "--plan", plan.to_str().unwrap()]);
    assert!(out.contains("│ LANG-TWO "));
    std::fs::write(&plan, "[plan]\nid = 1\n").unwrap();
    let (_, err, code) = boiduong(&["rules", "--plan", plan.to_str().unwrap()]);
    assert_eq!(code, 2);
    common::has(&err, "error[plan]");
}

/// Load a template's files back through the loaders.
fn load_template(dir: &std::path::Path) -> Diagnostics {
    let options = common::load_options(
        &dir.join("roster.csv"),
        &dir.join("enrolments.csv"),
        NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
    );
    let mut diags = Diagnostics::default();
    load(&options, 2023, &mut diags).unwrap();
    diags
}

#[test]
fn template_writes_files_the_loaders_read_in_both_languages() {
    for (lang, description, first) in [
        ("vi", "mo-ta-cot.txt", "Mã cán bộ;Họ và tên;"),
        ("en", "columns.txt", "id,full_name,"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("mau");
        let (_, err, code) = boiduong(&["template", target.to_str().unwrap(), "--lang", lang]);
        assert_eq!(code, 0, "{err}");
        let roster = std::fs::read(target.join("roster.csv")).unwrap();
        assert!(
            roster.starts_with(b"\xEF\xBB\xBF"),
            "{lang}: a byte order mark"
        );
        assert!(String::from_utf8(roster).unwrap()[3..].starts_with(first));
        let text = std::fs::read_to_string(target.join(description)).unwrap();
        assert!(text.contains("\r\n"), "{lang}: CRLF for Notepad");
        // Header-only files: the roster has no rows (expected), and every header is known.
        let diags = load_template(&target);
        let codes: Vec<(Code, Severity)> =
            diags.kept().iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            codes,
            vec![
                (Code::NoRows, Severity::Error),
                (Code::NoRows, Severity::Warning)
            ],
            "{lang}: {diags}"
        );
    }
}

#[test]
fn template_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().to_str().unwrap();
    std::fs::write(dir.path().join("roster.csv"), "id\nmy data\n").unwrap();
    let (_, err, code) = boiduong(&["template", target]);
    assert_eq!(code, 2);
    common::has(&err, "roster.csv already exist(s)");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("roster.csv")).unwrap(),
        "id\nmy data\n"
    );
    assert!(
        !dir.path().join("enrolments.csv").exists(),
        "nothing was written"
    );
    let (_, _, code) = boiduong(&["template", target, "--force"]);
    assert_eq!(code, 0);
    assert!(dir.path().join("enrolments.csv").exists());
}

#[test]
fn template_writes_all_its_files_or_none() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the enrolments template must go: that file cannot be written.
    std::fs::create_dir(dir.path().join("enrolments.csv")).unwrap();
    let (_, err, code) = boiduong(&["template", dir.path().to_str().unwrap(), "--force"]);
    assert_eq!(code, 2, "{err}");
    common::has(&err, "enrolments.csv: it is a directory");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["enrolments.csv"],
        "no roster.csv without the rest"
    );
}
