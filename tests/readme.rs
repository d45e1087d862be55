//! README.md shows what the first command really prints.

#![allow(clippy::unwrap_used)] // a failure here is a failed test

use assert_cmd::Command;

#[test]
fn the_readme_shows_what_check_on_the_examples_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let begin = "<!-- check-output:begin -->\n```text\n";
    let end = "```\n<!-- check-output:end -->";
    let start = readme.find(begin).unwrap() + begin.len();
    let shown = &readme[start..readme.find(end).unwrap()];
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
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        shown,
        String::from_utf8(out.stdout).unwrap(),
        "README.md is out of date"
    );
    assert!(readme.contains("cargo run -- check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --fail-on never"));
    assert!(readme.contains("\ncargo test\n"));
}
