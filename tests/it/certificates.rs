//! Certificates in `language_level`, through the binary: the levels
//! table, `--levels`, `--expired-certificates` and `certificate_date`.
//!
//! Runs in `tests/fixtures/certificates/` (see its README).

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common;

const AS_OF: &str = "2026-11-25";

fn dir() -> PathBuf {
    common::fixture("certificates")
}

/// `boiduong COMMAND` on the certificates roster, as of `as_of`.
fn run(command: &str, as_of: &str) -> Command {
    common::run_in(&dir(), command, as_of)
}

/// LANG-1's (population, achieved) in the JSON report, with `extra` arguments.
fn lang_1(extra: &[&str]) -> (u64, u64) {
    let output = run("check", AS_OF)
        .args(["--format", "json", "--fail-on", "never"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let target = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "LANG-1")
        .unwrap();
    (
        target["population"].as_u64().unwrap(),
        target["achieved"].as_u64().unwrap(),
    )
}

/// LANG-1's row of the JSON report, with `extra` arguments.
fn lang_1_row(extra: &[&str]) -> Value {
    let output = run("check", AS_OF)
        .args(["--format", "json", "--fail-on", "never"])
        .args(extra)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "LANG-1")
        .unwrap()
        .clone()
}

#[test]
fn the_lang_rows_say_how_many_came_from_a_certificate_and_how_many_await_review() {
    let sources = |row: &Value| {
        ["achieved", "by_certificate", "to_review", "expired_ignored"].map(|k| row[k].as_u64())
    };
    // 8 at level 4+: 7 of them on a certificate (all but the plain 4); TOPIK 5 and
    // TOEIC L+R await review; nothing left out while expired certificates count.
    assert_eq!(
        sources(&lang_1_row(&[])),
        [Some(8), Some(7), Some(2), Some(0)]
    );
    // IELTS 6,5 and HSK 5 have expired: left out, and counted as such.
    assert_eq!(
        sources(&lang_1_row(&["--expired-certificates", "ignore"])),
        [Some(6), Some(5), Some(2), Some(2)]
    );
    // only on the share rows
    let output = run("check", AS_OF)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    for t in report["targets"].as_array().unwrap() {
        let share = t["rule"].as_str().unwrap().starts_with("LANG-");
        assert_eq!(t.get("to_review").is_some(), share, "{t}");
    }
}

#[test]
fn certificates_give_their_level_and_unknown_ones_count_in_the_population_only() {
    // 13 incumbents of group 1; at level 4+: IELTS 6.0, IELTS 6,5, JLPT N3, ТРКИ-2,
    // a plain 4, VSTEP B2, HSK4, HSK 5. Not: TOEFL ITP 600 (3 at most), TOPIK and
    // TOEIC L+R (for review), IELTS 3.5 (below bậc 3), an empty level.
    assert_eq!(lang_1(&[]), (13, 8));
}

#[test]
fn an_uncovered_certificate_is_a_warning_asking_for_review() {
    run("validate", AS_OF)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "roster.csv:5:9: warning[unknown-certificate]: \"language_level\" = \"TOPIK 5\" \
             is not a certificate of the levels table",
        ))
        .stdout(predicate::str::contains("manual review"))
        .stdout(predicate::str::contains(
            "roster.csv:6:9: warning[unknown-certificate]: \"language_level\" = \"TOEIC L495 R495\" \
             gives TOEIC L+R only",
        ));
}

#[test]
fn an_expired_certificate_counts_by_default_and_not_when_ignored() {
    run("validate", AS_OF)
        .assert()
        .stdout(predicate::str::contains(
            "roster.csv:3:9: warning[expired-certificate]: \"language_level\" = \"IELTS 6,5\" \
             was issued on 2024-11-24 and expired on 2026-11-24 (IELTS is valid 24 months); \
             its level still counts",
        ))
        // issued 25/11/2024: valid through the as-of date itself
        .stdout(predicate::str::contains("roster.csv:2:9:").not())
        // certificate_date with a plain level is fine
        .stdout(predicate::str::contains("roster.csv:10:").not())
        // without --expired-certificates ignore, undated certificates are not flagged
        .stdout(predicate::str::contains("undated-certificate").not());
    assert_eq!(
        lang_1(&["--expired-certificates", "ignore"]),
        (13, 6),
        "IELTS 6,5 and HSK 5 have expired"
    );
    run("validate", AS_OF)
        .args(["--expired-certificates", "ignore"])
        .assert()
        .stdout(predicate::str::contains("its level is not counted"))
        .stdout(predicate::str::contains(
            "roster.csv: warning[undated-certificate]: 2 certificate(s)",
        ));
}

#[test]
fn a_certificate_issued_on_29_february_expires_on_28_february() {
    // HSK 5 issued 29/02/2024, valid 24 months: through 28/02/2026.
    let expired = "roster.csv:14:9: warning[expired-certificate]";
    run("validate", "2026-02-28")
        .assert()
        .stdout(predicate::str::contains(expired).not());
    run("validate", "2026-03-01")
        .assert()
        .stdout(predicate::str::contains(format!(
            "{expired}: \"language_level\" = \"HSK 5\" was issued on 2024-02-29 and expired on 2026-02-28"
        )));
}

#[test]
fn a_certificate_date_after_as_of_is_a_future_date() {
    // IELTS 6.0 issued 25/11/2024
    run("validate", "2024-11-01")
        .assert()
        .stdout(predicate::str::contains(
            "roster.csv:2:10: warning[future-date]: \"certificate_date\" = \"25/11/2024\" is after the as-of date",
        ));
}

#[test]
fn levels_swaps_in_another_table() {
    // The office's table knows TOPIK (5: level 4) and nothing else: the IELTS,
    // JLPT, ТРКИ, VSTEP and HSK certificates are then for review.
    assert_eq!(lang_1(&["--levels", "levels-topik.toml"]), (13, 2));
    run("validate", AS_OF)
        .args(["--levels", "levels-topik.toml"])
        .assert()
        .stdout(predicate::str::contains(
            "roster.csv:2:9: warning[unknown-certificate]: \"language_level\" = \"IELTS 6.0\" \
             is not a certificate of the levels table (TOPIK)",
        ))
        .stdout(predicate::str::contains("\"TOPIK 5\"").not());
}

#[test]
fn a_malformed_levels_file_is_an_input_error_naming_its_line() {
    for command in ["check", "gaps", "validate"] {
        let mut cmd = run(command, AS_OF);
        if command == "gaps" {
            cmd.args(["--year", "2027"]);
        }
        cmd.args(["--levels", "levels-broken.toml"])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(
                "levels-broken.toml:14: error[levels]: IELTS: the floor of bậc 4 is not above the floor of bậc 3",
            ));
    }
    run("check", AS_OF)
        .args(["--levels", "no-such-levels.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[levels]: cannot read no-such-levels.toml",
        ));
}

/// `check` on tests/fixtures/gaps-certificates (group 3 short, two certificates
/// for review), as of 2026-09-30.
fn check_short_group(extra: &[&str]) -> String {
    let output = common::run_in(&common::fixture("gaps-certificates"), "check", "2026-09-30")
        .args(["--fail-on", "never", "-q"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_short_share_with_certificates_for_review_says_its_shortfall_is_an_upper_bound() {
    let en = "LANG-3: 2 of the 3 at level 4+ by certificate; 2 certificates await manual \
              review (unknown-certificate). Until they are reviewed, 3 achieved is a floor \
              and the shortfall of 6 an upper bound.";
    let vi = "LANG-3: 2/3 người đạt bậc 4 trở lên theo chứng chỉ; 2 chứng chỉ chờ xem xét \
              (unknown-certificate). Trước khi xem xét, số đã đạt 3 là mức tối thiểu và số \
              thiếu 6 là mức tối đa.";
    // under the targets table, and as a list item under the Markdown targets
    let table = check_short_group(&["--lang", "en"]);
    common::has(&table, &format!("┘\n{en}\n"));
    let markdown = check_short_group(&["--lang", "en", "--format", "markdown"]);
    common::has(&markdown, &format!("\n- {en}\n"));
    assert!(check_short_group(&["--lang", "vi"]).contains(&format!("┘\n{vi}\n")));
    let markdown = check_short_group(&["--lang", "vi", "--format", "markdown"]);
    common::has(&markdown, &format!("\n- {vi}\n"));
    // only the LANG row with certificates: groups 1 and 2 are empty
    assert_eq!(table.matches("by certificate").count(), 1);
    // expired certificates left out are said too
    let ignored = check_short_group(&["--lang", "en", "--expired-certificates", "ignore"]);
    assert!(ignored.contains(
        "LANG-3: 1 of the 2 at level 4+ by certificate; 2 certificates await manual review \
         (unknown-certificate); 1 expired certificate of level 4+ not counted \
         (--expired-certificates ignore). Until they are reviewed, 2 achieved is a floor and \
         the shortfall of 7 an upper bound."
    ));
}

#[test]
fn a_met_share_with_certificates_names_them_without_a_bound() {
    // tests/fixtures/certificates: LANG-1 met, 8 of 13, two for review
    let output = run("check", AS_OF)
        .args(["--fail-on", "never", "-q"])
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(table.contains(
        "LANG-1: 7 of the 8 at level 4+ by certificate; 2 certificates await manual review \
         (unknown-certificate).\n"
    ));
    assert!(!table.contains("upper bound"));
}
