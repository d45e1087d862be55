//! Another plan than the embedded one, given with `--plan`: a made-up plan of the
//! next period (`tests/fixtures/second-plan/`) with four language groups named in
//! its own words, other percentages, windows of 18 and 36 months, its own quotas
//! and clauses. `check`, `gaps` and `explain` take all of it from the file.

use serde_json::Value;

use crate::common::{self, AS_OF};

/// `command` on the second plan's fixture, with `args`, as of `AS_OF`.
fn second_plan(command: &str, args: &[&str]) -> (String, String, i32) {
    common::outcome(
        common::run_in(&common::fixture("second-plan"), command, AS_OF)
            .args(["--plan", "plan.toml"])
            .args(args),
    )
}

/// The target rows of `rule` in a JSON report.
fn rows<'v>(report: &'v Value, rule: &str) -> Vec<&'v Value> {
    report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["rule"] == rule)
        .collect()
}

#[test]
fn check_evaluates_every_target_of_another_plan_with_its_numbers() {
    let (out, err, code) = second_plan("check", &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["plan"], "21/KH-UBND");
    // group 4, which Plan 143 does not have: 4 incumbents, 60% of 4 is 3
    let lang_d = rows(&report, "LANG-D");
    assert_eq!(lang_d.len(), 1);
    assert_eq!(
        (
            &lang_d[0]["group"],
            &lang_d[0]["percent"],
            &lang_d[0]["population"],
            &lang_d[0]["required"]
        ),
        (&4.into(), &60.into(), &4.into(), &3.into())
    );
    // 18 months from 10/05/2023: due 10/11/2024
    let findings = report["findings"].as_array().unwrap();
    let p05 = findings
        .iter()
        .find(|f| f["rule"] == "TITLE-18M" && f["id"] == "P05")
        .unwrap();
    assert_eq!(p05["deadline"], "2024-11-10");
    // the years of the plan's period, and none of Plan 143's
    let years: Vec<&Value> = rows(&report, "QUOTA-LANG")
        .iter()
        .map(|t| &t["year"])
        .collect();
    assert_eq!(years, [&Value::from(2026), &Value::from(2027)]);
    assert!(rows(&report, "TITLE-2Y").is_empty());
}

#[test]
fn the_reports_name_groups_and_clauses_in_the_plans_words() {
    let (en, _, _) = second_plan("check", &[]);
    common::has(&en, "colleges, 60% at level 4+");
    common::has(&en, "colleges, language");
    let (vi, _, _) = second_plan("check", &["--lang", "vi"]);
    common::has(&vi, "khối trường, 60% đạt bậc 4 trở lên");
    common::has(&vi, "Phụ lục 1 dòng 4, cột cuối");
    common::has(&vi, "II.4.a"); // a clause without a Vietnamese citation, as written
}

#[test]
fn gaps_lists_the_fourth_group_and_the_plans_numbers_for_its_year() {
    let (out, err, code) = second_plan("gaps", &["--year", "2027"]);
    assert_eq!(code, 0, "{err}");
    common::has(
        &out,
        "LANG-D (II.3.d, App. 1 row 4): colleges, 4 incumbents, 1 at level 4+; 60% is 3",
    );
    common::has(
        &out,
        "plan's number for 2027: 2 (App. 1 row 4, last column)",
    );
    // appointed 31/08/2025, 18 months: the day clamped to 28/02/2027
    common::has(
        &out,
        "TITLE-18M due                                   ┆ 2027-02-28",
    );
    common::has(&out, "App. 2 row 1 for 2027: 4 to train, quota 4: at quota");
}

#[test]
fn explain_quotes_the_numbers_of_the_plan_given() {
    let explain = |args: &[&str]| {
        let out = common::boiduong()
            .current_dir(common::fixture("second-plan"))
            .args(["explain", "--plan", "plan.toml"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    common::has(
        &explain(&["LANG-D"]),
        "40% of party\nbodies, 60% of colleges in Plan 21.",
    );
    common::has(&explain(&["TITLE-18M"]), "(18 or 36 in Plan 21)");
    common::has(
        &explain(&["PG-YEARLY", "--lang", "vi"]),
        "Bình quân mỗi năm cử từ 2 đến 4 cán bộ",
    );
}

/// Numbers, rule ids and citations of Plan 143 that the kinds' DOCs wrote out
/// before they quoted the plan given: `explain` under another plan says none of them.
const PLAN_143: &[&str] = &[
    "143",
    "LANG-1",
    "LANG-2",
    "LANG-3",
    "TITLE-2Y",
    "CVCC-2Y",
    "SECTOR-2Y",
    "QUOTA-A1",
    "QUOTA-A2",
    "PG-ANNUAL",
    "PG-HEAD-DOCTOR",
    "OVERSEAS",
    "PLANNED-READY",
    "App. 01",
    "App. 02",
    "Phụ lục 01",
    "Phụ lục 02",
    "II.2",
    "IV.4",
    "25%",
    "30%",
    "50%",
    "24 months",
    "24 tháng",
    "02 năm",
    "2023",
    "10 to 15",
    "từ 10 đến 15",
    "11.7",
    "11,7",
    "31/12/2026",
    "2026-12-31",
    "70 incumbents",
    "28 incumbents",
    "70 cán bộ",
    "28 cán bộ",
    "quota 17",
    "chỉ tiêu 17",
    "group 1",
    "group 2",
    "group 3",
];

/// Targets of the kinds the second plan has none of, with numbers of their own.
const MORE_KINDS: &str = r#"
[[target]]
rule = "HEAD-DR"
kind = "doctorate"
clause = "II.5"
text_vi = "Người đứng đầu trường cao đẳng và ngành Y tế có trình độ tiến sĩ đến năm 2030."
text_en = "Heads of colleges and of the health sector hold a doctorate by 2030."
heads = ["health", "college"]
deadline = 2030-06-30

[[target]]
rule = "ABROAD"
kind = "overseas"
clause = "II.6"
text_vi = "Cử cán bộ bồi dưỡng ở nước ngoài theo chỉ tiêu Trung ương."
text_en = "Officials fostered abroad against the central quota."
from_year = 2026
quotas = { 2027 = 2 }

[[target]]
rule = "READY"
kind = "planned_ready"
clause = "III.1"
text_vi = "Cán bộ quy hoạch hoàn thành chương trình của chức danh quy hoạch."
text_en = "Planned officials complete the programme of their planned title."
"#;

#[test]
fn no_kind_says_a_number_of_plan_143_under_another_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = std::fs::read_to_string(common::fixture("second-plan").join("plan.toml")).unwrap();
    let plan = format!("{plan}{MORE_KINDS}");
    std::fs::write(dir.path().join("plan.toml"), &plan).unwrap();
    let parsed = boiduong::plan::parse_plan(&plan, "plan.toml").unwrap();
    let mut kinds: Vec<&str> = Vec::new();
    for rule in parsed.rule_ids() {
        for lang in ["en", "vi"] {
            let out = common::boiduong()
                .current_dir(dir.path())
                .args(["explain", rule, "--plan", "plan.toml", "--lang", lang])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{rule} ({lang})");
            let text = String::from_utf8(out.stdout).unwrap();
            // the DOC, not the plan's own words after it
            let doc = text.split("\n## The plan's words").next().unwrap();
            let doc = doc.split("\n## Lời văn của Kế hoạch").next().unwrap();
            for number in PLAN_143 {
                assert!(
                    !doc.contains(number),
                    "{rule} ({lang}) says {number:?}:\n{doc}"
                );
            }
        }
        let kind = parsed
            .targets
            .iter()
            .find(|t| t.rule == rule)
            .unwrap()
            .kind
            .name();
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    // every kind was explained
    for kind in boiduong::plan::kinds::KINDS {
        assert!(
            kinds.contains(&kind.name),
            "no target of kind {}",
            kind.name
        );
    }
}

#[test]
fn a_roster_may_name_only_the_groups_of_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::fixture("second-plan").join("plan.toml"),
        dir.path().join("plan.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("roster.csv"),
        "id,full_name,role,appointed_on,language_groups\nX1,A,incumbent,2025-01-01,4|5\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("enrolments.csv"),
        "id,program,started_on,completed_on\n",
    )
    .unwrap();
    let out = common::run_in(dir.path(), "check", AS_OF)
        .args(["--plan", "plan.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    common::has(
        &String::from_utf8(out.stderr).unwrap(),
        "\"language_groups\" = \"4|5\" is not allowed: there are only groups 1, 2, 3 and 4 \
         (II.3.a–d) (allowed: 1, 2, 3, 4, joined by | or a space, e.g. 1|2)",
    );
}

#[test]
fn second_plan_snapshots() {
    let (check, _, _) = second_plan("check", &["--lang", "vi"]);
    insta::assert_snapshot!("second-plan-check-table-vi", check);
    let (gaps, _, _) = second_plan("gaps", &["--year", "2027", "--lang", "vi"]);
    insta::assert_snapshot!("second-plan-gaps-2027-table-vi", gaps);
}
