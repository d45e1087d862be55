//! `--quiet` and `-v`: nothing on stderr but errors, the exit code speaks.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

use common::{bad_input, boiduong, check, check_in, json_report};

#[test]
fn quiet_prints_nothing_on_success() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    // The sample has an input warning (a missing appointment date): not shown.
    check("sample")
        .args([
            "--quiet",
            "--fail-on",
            "never",
            "--format",
            "json",
            "--output",
        ])
        .arg(&report)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    assert!(report.is_file());
    // On stdout the report is data, quiet or not.
    let loud = check("sample")
        .args(["--fail-on", "never"])
        .output()
        .unwrap();
    let quiet = check("sample")
        .args(["-q", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(loud.stdout, quiet.stdout);
    assert!(!loud.stderr.is_empty() && quiet.stderr.is_empty());
}

#[test]
fn quiet_still_prints_errors() {
    let out = check_in(&bad_input("bad-date-no-such-day"))
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    common::has(&stderr, "error[bad-date]");
    assert!(!stderr.contains("warning["), "{stderr}");
}

#[test]
fn quiet_and_verbose_do_not_go_together() {
    check("sample").args(["-q", "-v"]).assert().code(2);
}

#[test]
fn quiet_silences_the_warnings_of_diff() {
    let dir = tempfile::tempdir().unwrap();
    // The later report as the older one: compared, with a warning.
    let later = json_report(check("sample"), dir.path(), "later.json");
    let mut earlier = boiduong();
    earlier.args([
        "check",
        "--roster",
        "tests/fixtures/sample/roster.csv",
        "--enrolments",
        "tests/fixtures/sample/enrolments.csv",
        "--as-of",
        "2026-10-01",
    ]);
    let earlier = json_report(earlier, dir.path(), "earlier.json");
    let diff = |quiet: bool| {
        let mut cmd = boiduong();
        cmd.arg("diff").arg(&later).arg(&earlier);
        if quiet {
            cmd.arg("--quiet");
        }
        cmd.output().unwrap()
    };
    let loud = diff(false);
    assert_eq!(loud.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&loud.stderr)
            .contains("warning[baseline]: it is as of 2026-11-25, after")
    );
    let quiet = diff(true);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty());
    assert_eq!(loud.stdout, quiet.stdout);
}
