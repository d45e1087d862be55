//! Quarter over quarter: `check --baseline`, `--fail-on new`, `diff`, and
//! byte-identical runs.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

use crate::common;

use common::{AS_OF, blank_generated_at, check, check_example, json_report, stdout_json};

/// The findings of a report with `rule` and `id`.
fn finding<'a>(list: &'a Value, rule: &str, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule && f["id"] == id)
        .unwrap_or_else(|| panic!("no {rule} finding for {id}"))
}

#[test]
fn a_baseline_marks_findings_new_or_persisting_and_lists_the_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_report(check("sample"), dir.path(), "before.json");
    let (report, code) = stdout_json(
        check("sample-later")
            .args(["--format", "json", "--baseline"])
            .arg(&before),
    );
    assert_eq!(code, 1, "--fail-on error still weighs every error");
    let findings = &report["findings"];
    // S14 joined, overdue: new. S05 overdue then and now, one line lower: persisting.
    assert_eq!(finding(findings, "TITLE-2Y", "S14")["change"], "new");
    let s05 = finding(findings, "SECTOR-2Y", "S05");
    assert_eq!(s05["change"], "persisting");
    assert_eq!(s05["previous_status"], "overdue");
    assert_eq!(s05["line"], 7);
    // S02 completed the title programme; S13 left the roster.
    let resolved = &report["resolved"];
    assert_eq!(finding(resolved, "TITLE-2Y", "S02")["change"], "resolved");
    assert_eq!(finding(resolved, "TITLE-2Y", "S02")["status"], "due_soon");
    assert_eq!(
        finding(resolved, "PLANNED-READY", "S13")["status"],
        "missing_data"
    );
    assert_eq!(resolved.as_array().unwrap().len(), 2);
    let summary = &report["summary"];
    assert_eq!(
        (
            &summary["new"],
            &summary["persisting"],
            &summary["resolved"]
        ),
        (&1.into(), &7.into(), &2.into())
    );
    // The new overdue official, and LANG-1 which S14 (group 1, level 3) tipped into a gap.
    assert_eq!(summary["new_errors"], 2);
    let baseline = &report["baseline"];
    assert_eq!(baseline["path"], before.display().to_string());
    assert_eq!(baseline["as_of"], AS_OF);
    assert_eq!(baseline["sha256"].as_str().unwrap().len(), 64);
    assert!(baseline["generated_at"].as_str().unwrap().ends_with('Z'));
}

#[test]
fn without_a_baseline_the_report_has_no_change_fields() {
    let (report, _) = stdout_json(check("sample").args(["--format", "json"]));
    assert!(report.get("baseline").is_none());
    assert!(report.get("resolved").is_none());
    assert!(report["summary"].get("new").is_none());
    for f in report["findings"].as_array().unwrap() {
        assert!(f.get("change").is_none() && f.get("previous_status").is_none());
    }
}

#[test]
fn fail_on_new_exits_1_only_when_an_error_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_report(check("sample"), dir.path(), "before.json");
    check("sample-later")
        .args(["--fail-on", "new", "--baseline"])
        .arg(&before)
        .assert()
        .code(1);
    // The same data again: errors, but none new.
    check("sample")
        .args(["--fail-on", "new", "--baseline"])
        .arg(&before)
        .assert()
        .code(0);
}

#[test]
fn fail_on_new_needs_a_baseline() {
    check("sample")
        .args(["--fail-on", "new"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--baseline"));
}

/// `check --baseline FILE` on `sample`, where FILE holds `text`: refused with exit 2,
/// nothing on stdout, and a `FILE: error[baseline]:` message on stderr that contains
/// `says` (after the input warnings when the plan is the problem: the plan of the
/// check is known once the inputs are read).
fn assert_refused(text: &str, says: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prev.json");
    std::fs::write(&path, text).unwrap();
    let out = check("sample")
        .arg("--baseline")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    let expected = format!("{}: error[baseline]: ", path.display());
    common::has(&stderr, &expected);
    assert!(stderr.contains(says), "{stderr} lacks {says}");
}

#[test]
fn refuses_a_baseline_of_another_schema_another_plan_or_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_report(check("sample"), dir.path(), "before.json");
    let report = std::fs::read_to_string(&before).unwrap();
    let mut json: Value = serde_json::from_str(&report).unwrap();
    json["schema_version"] = 2.into();
    assert_refused(&json.to_string(), "schema_version 2");
    json["schema_version"] = 1.into();
    json["plan"] = "200/KH-UBND".into();
    assert_refused(
        &json.to_string(),
        "plan 200/KH-UBND, not of plan 143/KH-UBND",
    );
    assert_refused(
        &std::fs::read_to_string("tests/fixtures/sample/roster.csv").unwrap(),
        "not a JSON report",
    );
    assert_refused(&report[..report.len() / 2], "not a JSON report");
    assert_refused(&"[".repeat(10_000), "not a JSON report");
    json["plan"] = "143/KH-UBND".into();
    json["findings"][0]["status"] = "escaped".into();
    assert_refused(&json.to_string(), "unknown variant `escaped`");
}

#[test]
fn a_missing_baseline_is_an_io_error() {
    check("sample")
        .args(["--baseline", "tests/fixtures/no-such-report.json"])
        .assert()
        .code(2)
        .stderr("tests/fixtures/no-such-report.json: error[io]: cannot read tests/fixtures/no-such-report.json: no such file\n");
}

/// JSON reports of the two example quarters, and the directory holding them.
fn example_quarters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, example, as_of) in [
        ("2026-q3.json", "en", "2026-09-30"),
        ("2026-q4.json", "en-q4", "2026-12-31"),
    ] {
        let path = json_report(check_example(example, as_of), dir.path(), name);
        // Snapshots need the same bytes every run: the clock's field blanked.
        let text = blank_generated_at(&std::fs::read_to_string(&path).unwrap());
        std::fs::write(&path, text).unwrap();
    }
    dir
}

fn diff_in(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("boiduong");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(["diff", "2026-q3.json", "2026-q4.json"]);
    cmd
}

#[test]
fn diff_of_the_two_example_quarters() {
    let dir = example_quarters();
    let out = diff_in(dir.path()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "a diff is not a verdict by default"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!(
        "diff-example-quarters-table",
        String::from_utf8(out.stdout).unwrap()
    );
    let out = diff_in(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The bytes of a diff's JSON are each kind's snapshot (`kinds.rs`); here the
    // content across every kind of a province's two quarters (keys sorted): what
    // moved, what is new, resolved or changed status, and how many stayed put.
    // The units are those of the table above.
    json["generated_at"] = "[generated_at]".into();
    json["old"]["generated_at"] = "[generated_at]".into();
    json["new"]["generated_at"] = "[generated_at]".into();
    let targets = json["targets"].as_array_mut().unwrap();
    assert_eq!(targets.len(), 33);
    targets.retain(|t| t["moved"] == true);
    let persisting = json["findings"]["persisting"].as_array_mut().unwrap();
    assert_eq!(persisting.len(), 62);
    persisting.retain(|f| f["status"] != f["previous_status"]);
    assert_eq!(json["units"].as_array().unwrap().len(), 38);
    json.as_object_mut().unwrap().remove("units");
    insta::assert_snapshot!(
        "diff-example-quarters-json",
        serde_json::to_string_pretty(&json).unwrap()
    );
}

#[test]
fn diff_shows_how_targets_moved() {
    let dir = example_quarters();
    let (diff, _) = stdout_json(diff_in(dir.path()).args(["--format", "json"]));
    let row = |rule: &str| {
        diff["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["rule"] == rule)
            .unwrap()
            .clone()
    };
    let lang1 = row("LANG-1");
    assert_eq!(lang1["moved"], true);
    assert_eq!(
        (&lang1["before"]["shortfall"], &lang1["after"]["shortfall"]),
        (&11.into(), &5.into())
    );
    let title = row("TITLE-2Y");
    assert_eq!(
        (&title["before"]["shortfall"], &title["after"]["shortfall"]),
        (&8.into(), &9.into())
    );
    assert_eq!(row("LANG-3")["moved"], false);
    assert_eq!(diff["kind"], "diff");
    assert_eq!(diff["old"]["as_of"], "2026-09-30");
    assert_eq!(diff["new"]["as_of"], "2026-12-31");
}

#[test]
fn diff_fail_on_new_exits_1_on_new_errors() {
    let dir = example_quarters();
    diff_in(dir.path())
        .args(["--fail-on", "new"])
        .assert()
        .code(1);
    let mut same = cargo_bin_cmd!("boiduong");
    same.current_dir(dir.path())
        .args(["diff", "2026-q4.json", "2026-q4.json", "--fail-on", "new"])
        .assert()
        .code(0);
}

#[test]
fn diff_csv_has_one_row_per_finding_with_its_change() {
    let dir = example_quarters();
    let out = diff_in(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().ends_with(",change,previous_status"));
    let changes: Vec<&str> = lines.map(|l| l.rsplit(',').nth(1).unwrap()).collect();
    let count = |c: &str| changes.iter().filter(|x| **x == c).count();
    assert_eq!(
        (count("new"), count("persisting"), count("resolved")),
        (7, 62, 10)
    );
}

#[test]
fn diff_refuses_a_diff_and_reports_of_two_plans() {
    let dir = example_quarters();
    let out = diff_in(dir.path())
        .args(["--format", "json", "-o", "d.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut cmd = cargo_bin_cmd!("boiduong");
    cmd.current_dir(dir.path())
        .args(["diff", "d.json", "2026-q4.json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "d.json: error[baseline]: this is the output of `boiduong diff`",
        ));
    let q4 = dir.path().join("2026-q4.json");
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(&q4).unwrap()).unwrap();
    json["plan"] = "200/KH-UBND".into();
    std::fs::write(dir.path().join("other.json"), json.to_string()).unwrap();
    let mut cmd = cargo_bin_cmd!("boiduong");
    cmd.current_dir(dir.path())
        .args(["diff", "2026-q3.json", "other.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "a report of plan 143/KH-UBND, not of plan 200/KH-UBND",
        ));
}

#[test]
fn diff_warns_when_the_older_report_is_the_later_one() {
    let dir = example_quarters();
    let mut cmd = cargo_bin_cmd!("boiduong");
    cmd.current_dir(dir.path())
        .args(["diff", "2026-q4.json", "2026-q3.json"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "2026-q4.json: warning[baseline]: it is as of 2026-12-31, after",
        ));
}

#[test]
fn verbose_names_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_report(check("sample"), dir.path(), "before.json");
    check("sample-later")
        .args(["-v", "--baseline"])
        .arg(&before)
        .assert()
        .stderr(predicates::str::contains(
            "baseline as of 2026-11-25, sha256 ",
        ))
        .stderr(predicates::str::contains("1 new, 7 persisting, 2 resolved"));
}

/// Two runs give the same bytes, `generated_at` apart.
#[test]
fn two_runs_on_the_same_input_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_report(check("sample"), dir.path(), "before.json");
    for format in ["table", "json", "csv", "markdown"] {
        let run = || {
            let out = check("sample-later")
                .args(["--format", format, "--baseline"])
                .arg(&before)
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            if format == "json" {
                blank_generated_at(&text)
            } else {
                text
            }
        };
        let first = run();
        assert!(!first.is_empty());
        assert_eq!(first, run(), "{format} differs between two runs");
    }
    let quarters = example_quarters();
    for format in ["table", "json", "csv", "markdown"] {
        let run = || {
            let out = diff_in(quarters.path())
                .args(["--format", format])
                .output()
                .unwrap();
            blank_generated_at(&String::from_utf8(out.stdout).unwrap())
        };
        assert_eq!(
            run(),
            run(),
            "diff --format {format} differs between two runs"
        );
    }
}

#[test]
fn both_exports_of_the_fourth_quarter_give_the_same_report() {
    let results = |dir: &str| {
        let (json, code) = stdout_json(check_example(dir, "2026-12-31").args(["--format", "json"]));
        (json["targets"].clone(), json["findings"].clone(), code)
    };
    assert_eq!(results("en-q4"), results("vi-q4"));
}
