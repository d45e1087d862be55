//! README.md shows what the commands really print.

#![allow(clippy::unwrap_used)] // a failure here is a failed test

use assert_cmd::Command;

#[test]
fn the_readme_shows_what_check_on_the_examples_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let shown = block(&readme, "check-output");
    let out = Command::cargo_bin("boiduong")
        .unwrap()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
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

/// The text between `<!-- NAME:begin -->` and `<!-- NAME:end -->`, without the fence.
fn block(readme: &str, name: &str) -> String {
    let begin = format!("<!-- {name}:begin -->\n```text\n");
    let end = format!("```\n<!-- {name}:end -->");
    let start = readme.find(&begin).unwrap() + begin.len();
    readme[start..readme.find(&end).unwrap()].to_owned()
}

fn stdout(args: &[&str]) -> String {
    let out = Command::cargo_bin("boiduong")
        .unwrap()
        // the README shows English unless its command asks for Vietnamese
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_readme_shows_real_excerpts_of_gaps_and_validate() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let command = "gaps --year 2027 --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30";
    assert!(readme.contains(&format!("cargo run -- {command}\n")));
    let out = stdout(&command.split(' ').collect::<Vec<_>>());
    assert_excerpt(&out, &block(&readme, "gaps-output"));
    let command = "validate --roster tests/fixtures/inconsistent/roster.csv --enrolments tests/fixtures/inconsistent/enrolments.csv --as-of 2026-09-30";
    assert!(readme.contains(&format!("cargo run -- {command}\n")));
    let out = stdout(&command.split(' ').collect::<Vec<_>>());
    assert_eq!(
        block(&readme, "validate-output"),
        out,
        "README.md is out of date"
    );
}

/// Check that `excerpt` (parts joined by `…` lines) is what `out` prints: its first
/// part is where `out` starts, and every part is in it.
fn assert_excerpt(out: &str, excerpt: &str) {
    for part in excerpt.split("…\n") {
        assert!(out.contains(part), "README.md is out of date:\n{part}");
    }
    assert!(out.starts_with(excerpt.split("…\n").next().unwrap()));
}

#[test]
fn the_readme_shows_what_check_prints_in_vietnamese() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let command = "check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 2026-09-30 --fail-on never --lang vi";
    assert!(readme.contains(&format!("cargo run -- {command}\n")));
    let out = stdout(&command.split(' ').collect::<Vec<_>>());
    let excerpt = block(&readme, "vi-check-output");
    assert!(excerpt.contains("Tổng hợp: 33 dòng chỉ tiêu"));
    assert!(
        excerpt.ends_with("58 cảnh báo.\n"),
        "the excerpt ends with the summary line"
    );
    assert!(out.ends_with(excerpt.rsplit("…\n").next().unwrap()));
    assert_excerpt(&out, &excerpt);
}
