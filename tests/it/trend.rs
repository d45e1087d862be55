//! `trend REPORT.json...`: the reports in as-of order whatever the order given,
//! a target of one report only blank in the others, the CSV in each language
//! and its delimiter, and the refusals: another plan or schema, two reports of one
//! as-of date.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{self, boiduong, check_example, has, json_report};

/// The example's reports of the third and fourth quarters.
fn quarters(dir: &Path) -> (PathBuf, PathBuf) {
    (
        json_report(check_example("en", "2026-09-30"), dir, "q3.json"),
        json_report(check_example("en-q4", "2026-12-31"), dir, "q4.json"),
    )
}

fn trend(args: &[&Path], more: &[&str]) -> (String, String, i32) {
    common::outcome(boiduong().arg("trend").args(args).args(more))
}

/// The CSV's lines of `rule`, without the byte order mark.
fn csv_lines(csv: &str, rule: &str) -> Vec<String> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| l.starts_with(&format!("{rule},")))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_reports_go_in_as_of_order_whatever_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    let (forward, _, code) = trend(&[&q3, &q4], &["--format", "csv"]);
    assert_eq!(code, 0);
    let (backward, _, _) = trend(&[&q4, &q3], &["--format", "csv"]);
    assert_eq!(forward, backward);
    assert_eq!(
        csv_lines(&forward, "LANG-1"),
        [
            "LANG-1,1,,,2026-09-30,22,33,11,gap",
            "LANG-1,1,,,2026-12-31,28,33,5,gap"
        ]
    );
    let (table, _, _) = trend(&[&q4, &q3], &[]);
    // numbers right-aligned under their heading, as in check's table
    let first = table.find("2026-09-30 ┆       22 ┆").unwrap();
    let second = table.find("2026-12-31 ┆       28 ┆").unwrap();
    assert!(first < second, "{table}");
}

#[test]
fn the_csv_in_vietnamese_is_in_words_and_semicolons_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    let (vi, _, code) = trend(&[&q3, &q4], &["--format", "csv", "--lang", "vi"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = vi.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Mã chỉ tiêu;Nhóm;Chương trình;Năm;Tính đến ngày;Đã đạt;Cần đạt;Thiếu;Tình trạng"
    );
    for line in [
        "PG-HEAD-DOCTOR;;Tiến sĩ;;30/09/2026;3;5;0;đang thực hiện",
        "PG-HEAD-DOCTOR;;Tiến sĩ;;31/12/2026;3;5;0;có nguy cơ không đạt",
        "QUOTA-A1;1;;2024;31/12/2026;12;15;3;CHƯA ĐẠT",
    ] {
        assert!(lines.contains(&line), "{line} not in\n{vi}");
    }
    // the delimiter asked for; the words stay the language's
    let (comma, _, _) = trend(
        &[&q3, &q4],
        &["--format", "csv", "--lang", "vi", "--output-delimiter", ","],
    );
    assert!(comma.contains("PG-HEAD-DOCTOR,,Tiến sĩ,,30/09/2026,3,5,0,đang thực hiện"));
    let (tab, _, _) = trend(
        &[&q3, &q4],
        &["--format", "csv", "--output-delimiter", "tab"],
    );
    assert!(tab.contains("LANG-1\t1\t\t\t2026-09-30\t22\t33\t11\tgap"));
    // on a run that writes no CSV, or a value that is no delimiter: a usage error
    for more in [
        &["--output-delimiter", ";"][..],
        &["--format", "csv", "--output-delimiter", "|"],
    ] {
        let (out, err, code) = trend(&[&q3, &q4], more);
        assert_eq!(code, 2, "{more:?}");
        assert!(
            out.is_empty() && err.contains("--output-delimiter"),
            "{err}"
        );
    }
}

#[test]
fn a_target_in_one_report_only_is_blank_in_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    // the later report without its LANG-3 row, and with a QUOTA-A1 year of its own
    let mut json: Value = serde_json::from_slice(&std::fs::read(&q4).unwrap()).unwrap();
    let targets = json["targets"].as_array_mut().unwrap();
    targets.retain(|t| t["rule"] != "LANG-3");
    let mut extra = targets
        .iter()
        .find(|t| t["rule"] == "QUOTA-A1")
        .unwrap()
        .clone();
    extra["year"] = 2026.into();
    extra["achieved"] = 4.into();
    targets.push(extra);
    std::fs::write(&q4, serde_json::to_vec(&json).unwrap()).unwrap();
    let (csv, _, code) = trend(&[&q3, &q4], &["--format", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(
        csv_lines(&csv, "LANG-3"),
        [
            "LANG-3,3,,,2026-09-30,7,5,0,met",
            "LANG-3,3,,,2026-12-31,,,,"
        ]
    );
    let a1_2026: Vec<String> = csv_lines(&csv, "QUOTA-A1")
        .into_iter()
        .filter(|l| l.contains(",2026,"))
        .collect();
    assert_eq!(a1_2026.len(), 2, "{a1_2026:?}");
    assert!(a1_2026[0].ends_with("2026-09-30,,,,"), "{a1_2026:?}");
    assert!(a1_2026[1].contains("2026-12-31,4,"), "{a1_2026:?}");
}

#[test]
fn reports_of_another_plan_or_schema_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    let mut json: Value = serde_json::from_slice(&std::fs::read(&q4).unwrap()).unwrap();
    json["plan"] = "99/KH-UBND".into();
    let other_plan = dir.path().join("other-plan.json");
    std::fs::write(&other_plan, serde_json::to_vec(&json).unwrap()).unwrap();
    let (out, err, code) = trend(&[&q3, &other_plan], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    has(&err, "other-plan.json");
    has(&err, "99/KH-UBND");
    json["plan"] = "143/KH-UBND".into();
    json["schema_version"] = 2.into();
    let other_schema = dir.path().join("schema-2.json");
    std::fs::write(&other_schema, serde_json::to_vec(&json).unwrap()).unwrap();
    let (_, err, code) = trend(&[&other_schema, &q3], &[]);
    assert_eq!(code, 2);
    has(&err, "schema-2.json");
    has(&err, "schema_version 2");
}

#[test]
fn two_reports_of_one_as_of_date_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    let again = json_report(
        check_example("en", "2026-09-30"),
        dir.path(),
        "q3-again.json",
    );
    let (out, err, code) = trend(&[&q3, &q4, &again], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    has(&err, "are both as of 2026-09-30");
    let (_, err, _) = trend(&[&q3, &again], &["--lang", "vi"]);
    has(&err, "cùng tính đến ngày 30/09/2026");
}

#[test]
fn the_page_has_a_line_chart_per_rule_and_the_numbers_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let (q3, q4) = quarters(dir.path());
    let page = dir.path().join("trend.html");
    let (_, _, code) = trend(&[&q4, &q3], &["-o", page.to_str().unwrap()]);
    assert_eq!(code, 0);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    for rule in ["LANG-1", "TITLE-2Y", "QUOTA-A2", "PLANNED-READY"] {
        has(
            &html,
            &format!("{rule}: achieved at each as-of date</title>"),
        );
    }
    has(
        &html,
        r#"data-rule="LANG-1" data-as-of="2026-12-31" data-achieved="28" data-required="33" data-shortfall="5" data-status="gap""#,
    );
    let (md, _, _) = trend(&[&q3, &q4], &["--format", "markdown"]);
    has(
        &md,
        "| LANG-1 | group 1, 25% at level 4+ | — | 2026-09-30 | 22 | 33 | 11 | GAP |",
    );
}
