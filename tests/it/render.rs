//! Snapshots of every output format on the fixtures, and the example exports.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use assert_cmd::Command;

fn check(scenario: &str, args: &[&str]) -> (String, i32) {
    let roster = format!("tests/fixtures/{scenario}/roster.csv");
    let enrolments = format!("tests/fixtures/{scenario}/enrolments.csv");
    let out = Command::cargo_bin("boiduong")
        .unwrap()
        .env_remove("NO_COLOR")
        // English unless a test asks for Vietnamese, whatever the machine's locale
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("BOIDUONG_LANG")
        .args([
            "check",
            "--roster",
            &roster,
            "--enrolments",
            &enrolments,
            "--as-of",
            "2026-11-25",
        ])
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// The JSON report without the one field that changes from run to run.
fn stable_json(text: &str) -> serde_json::Value {
    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["generated_at"] = "[generated_at]".into();
    json
}

#[test]
fn sample_table() {
    let (out, code) = check("sample", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("sample-table", out);
}

#[test]
fn sample_json() {
    let (out, code) = check("sample", &["--format", "json"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(
        "sample-json",
        serde_json::to_string_pretty(&stable_json(&out)).unwrap()
    );
}

#[test]
fn markdown_escapes_and_caps_the_findings_of_a_rule() {
    let out = Command::cargo_bin("boiduong")
        .unwrap()
        .args([
            "check",
            "--roster",
            "examples/en/roster.csv",
            "--enrolments",
            "examples/en/enrolments.csv",
            "--as-of",
            "2026-09-30",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("## boiduong: plan 143/KH-UBND as of 2026-09-30\n"));
    assert!(text.contains(
        "| LANG-1 | II.2.a, App. 01 row 1 | group 1, 25% at level 4+ | — | 129 | 22 | 33 | 11 | **GAP** |"
    ));
    // PLANNED-READY has 34 findings: 20 shown, the rest counted.
    assert!(
        text.contains("*… and 14 more: every finding is in `--format csv` or `--format json`.*")
    );
}

#[test]
fn the_json_report_has_the_fields_of_the_contract() {
    let (out, _) = check("sample", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["as_of"], "2026-11-25");
    assert_eq!(json["plan"], "143/KH-UBND");
    assert!(json["generated_at"].as_str().unwrap().ends_with('Z'));
    for input in ["roster", "enrolments"] {
        assert!(
            json["inputs"][input]["path"]
                .as_str()
                .unwrap()
                .ends_with(".csv")
        );
        assert_eq!(json["inputs"][input]["sha256"].as_str().unwrap().len(), 64);
    }
    let lang2 = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "LANG-2")
        .unwrap();
    for key in [
        "clause",
        "status",
        "group",
        "population",
        "achieved",
        "required",
        "shortfall",
    ] {
        assert!(!lang2[key].is_null(), "LANG-2 lacks {key}");
    }
    let title = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "TITLE-2Y")
        .unwrap();
    for key in [
        "done",
        "late",
        "overdue",
        "due_soon",
        "open",
        "missing_data",
    ] {
        assert!(title["counts"][key].is_u64(), "TITLE-2Y counts lack {key}");
    }
    let quota = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["rule"] == "QUOTA-A2" && t["year"] == 2024 && t["program"] == "title_department"
        })
        .unwrap();
    assert_eq!(
        (
            quota["quota"].as_u64(),
            quota["achieved"].as_u64(),
            quota["shortfall"].as_u64()
        ),
        (Some(17), Some(2), Some(15))
    );
    let overdue = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["status"] == "overdue")
        .unwrap();
    for key in [
        "rule",
        "id",
        "full_name",
        "deadline",
        "days_overdue",
        "severity",
    ] {
        assert!(!overdue[key].is_null(), "an overdue finding lacks {key}");
    }
    let statuses = ["met", "at_risk", "gap", "in_progress", "open", "no_data"];
    for t in json["targets"].as_array().unwrap() {
        assert!(statuses.contains(&t["status"].as_str().unwrap()));
    }
}

#[test]
fn both_example_exports_give_the_same_report() {
    let run = |dir: &str| {
        let out = Command::cargo_bin("boiduong")
            .unwrap()
            .args([
                "check",
                "--roster",
                &format!("examples/{dir}/roster.csv"),
                "--enrolments",
                &format!("examples/{dir}/enrolments.csv"),
                "--as-of",
                "2026-09-30",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let mut json = stable_json(&String::from_utf8(out.stdout).unwrap());
        let inputs = json["inputs"].take();
        for problem in json["input_problems"].as_array_mut().unwrap() {
            problem["file"] = "[file]".into();
        }
        (json, inputs, out.status.code())
    };
    let (en, en_inputs, en_code) = run("en");
    let (vi, vi_inputs, vi_code) = run("vi");
    assert_eq!(en, vi);
    assert_eq!(en_code, vi_code);
    assert_eq!(en_inputs["roster"]["rows"], vi_inputs["roster"]["rows"]);
    assert_eq!(vi_inputs["roster"]["delimiter"], ";");
    assert_eq!(vi_inputs["roster"]["encoding"], "utf-8-bom");
    assert!(en["findings"].as_array().unwrap().len() > 50);
}

// Vietnamese: the same fixture, the same report, in the plan's words.

#[test]
fn sample_table_vi() {
    let (out, code) = check("sample", &["--lang", "vi"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("sample-table-vi", out);
}

// The Markdown and CSV of each kind, in both languages, are in the kinds'
// snapshots (`kinds.rs`).

#[test]
fn csv_starts_with_a_byte_order_mark_for_excel() {
    for lang in ["en", "vi"] {
        let (out, _) = check("sample", &["--format", "csv", "--lang", lang]);
        assert!(out.starts_with('\u{FEFF}'), "{lang}");
    }
}

/// Every line of each table of `text` (a run of lines starting with a box
/// character) has the same display width: Vietnamese letters with their marks
/// take one column each, so the borders line up.
fn assert_tables_aligned(text: &str) {
    use unicode_width::UnicodeWidthStr;
    let mut widths: Vec<(usize, &str)> = Vec::new();
    let mut tables = 0;
    for line in text.lines().chain([""]) {
        if line.starts_with(['┌', '│', '╞', '├', '└']) {
            widths.push((line.width(), line));
        } else if !widths.is_empty() {
            let first = widths[0].0;
            for (width, line) in &widths {
                assert_eq!(*width, first, "a misaligned line:\n{line}");
            }
            tables += 1;
            widths.clear();
        }
    }
    assert!(tables >= 2, "no tables in:\n{text}");
}

#[test]
fn every_line_of_a_vietnamese_table_has_the_same_display_width() {
    let (out, _) = check("sample", &["--lang", "vi"]);
    assert!(out.contains("Lãnh đạo, quản lý cấp sở"));
    assert_tables_aligned(&out);
    // Decomposed input (NFD: letters and combining marks apart) is read as NFC,
    // so it lines up too.
    let dir = tempfile::tempdir().unwrap();
    let roster = std::fs::read_to_string("tests/fixtures/sample/roster.csv").unwrap();
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(roster.as_str()).collect();
    assert_ne!(nfd, roster);
    let path = dir.path().join("roster.csv");
    std::fs::write(&path, nfd).unwrap();
    let out = Command::cargo_bin("boiduong")
        .unwrap()
        .args(["check", "--roster"])
        .arg(&path)
        .args([
            "--enrolments",
            "tests/fixtures/sample/enrolments.csv",
            "--as-of",
            "2026-11-25",
            "--lang",
            "vi",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("Nguyễn Văn An"));
    assert_tables_aligned(&out);
}

/// The human fields of a JSON report: what may differ between languages.
const HUMAN_FIELDS: [&str; 2] = ["message", "note"];

/// The report with its human fields blanked, and the field names of each value.
fn without_human_fields(mut json: serde_json::Value) -> serde_json::Value {
    for list in ["targets", "findings", "input_problems"] {
        for item in json[list].as_array_mut().unwrap() {
            for field in HUMAN_FIELDS {
                if let Some(value) = item.get_mut(field) {
                    *value = "[human]".into();
                }
            }
        }
    }
    json
}

#[test]
fn json_in_vietnamese_has_the_same_keys_codes_and_iso_dates_only_the_human_fields_differ() {
    let (en, en_code) = check("sample", &["--format", "json"]);
    let (vi, vi_code) = check("sample", &["--format", "json", "--lang", "vi"]);
    assert_eq!(en_code, vi_code);
    let (en, vi) = (stable_json(&en), stable_json(&vi));
    assert_eq!(
        without_human_fields(en.clone()),
        without_human_fields(vi.clone())
    );
    // every note of a target or a finding has its code beside it, the same in both
    for list in ["targets", "findings"] {
        let items = en[list].as_array().unwrap();
        let notes = items.iter().filter(|i| i.get("note").is_some()).count();
        let codes = items
            .iter()
            .filter(|i| i.get("note_code").is_some())
            .count();
        assert!(
            notes > 0 && notes == codes,
            "{list}: {notes} notes, {codes} codes"
        );
    }
    // the human fields are Vietnamese
    let overdue = |json: &serde_json::Value| {
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["status"] == "overdue")
            .unwrap()
            .clone()
    };
    let (en, vi) = (overdue(&en), overdue(&vi));
    assert_eq!(vi["status"], "overdue");
    assert!(
        vi["deadline"].as_str().unwrap().starts_with("20"),
        "ISO date"
    );
    assert_ne!(en["message"], vi["message"]);
    let message = vi["message"].as_str().unwrap();
    assert!(message.contains("quá hạn"), "{message}");
    assert!(message.contains(&{
        let iso = vi["deadline"].as_str().unwrap();
        format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
    }));
}
