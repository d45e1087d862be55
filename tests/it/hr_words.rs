//! The Vietnamese of the sample province's reports as an HR officer at a Sở Nội vụ
//! writes it: the plan's terms, no English code or field name inside a sentence,
//! no `¶`, days with `ngày`. Every output people read is scanned: `check` as a
//! table, Markdown, CSV, a workbook and an HTML page, its messages on stderr,
//! `gaps` as a table, CSV and a workbook, and `explain` for every rule.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use serde_json::Value;

use crate::common;

/// The Vietnamese export of the sample province, as of the end of the third quarter.
const INPUTS: [&str; 6] = [
    "--roster",
    "examples/vi/roster.csv",
    "--enrolments",
    "examples/vi/enrolments.csv",
    "--as-of",
    "30/09/2026",
];

/// `boiduong COMMAND INPUTS… ARGS… --lang vi`: stdout and stderr.
fn run(command: &str, inputs: bool, args: &[&str]) -> (String, String) {
    let mut cmd = common::boiduong();
    cmd.arg(command);
    if inputs {
        cmd.args(INPUTS);
    }
    let out = cmd.args(args).args(["--lang", "vi"]).output().unwrap();
    assert!(out.status.code().unwrap() < 2, "{command} {args:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The text of the shared strings of the workbook written to `path`.
fn workbook_text(path: &std::path::Path) -> String {
    let (_, xml) = common::unzip(path)
        .into_iter()
        .find(|(name, _)| name == "xl/sharedStrings.xml")
        .unwrap();
    let xml = String::from_utf8(xml).unwrap();
    let mut text = String::new();
    for piece in xml.split("<t").skip(1) {
        let Some((_, rest)) = piece.split_once('>') else {
            continue;
        };
        if let Some((cell, _)) = rest.split_once("</t>") {
            text.push_str(cell);
            text.push('\n');
        }
    }
    text
}

/// The text a browser shows of an HTML page: no style, script or tag, each
/// piece of text on a line of its own.
fn page_text(page: &str) -> String {
    let mut visible = page.to_owned();
    for hidden in ["style", "script"] {
        let (open, close) = (format!("<{hidden}"), format!("</{hidden}>"));
        let mut kept = String::new();
        let mut rest = visible.as_str();
        while let Some((before, after)) = rest.split_once(&open) {
            kept.push_str(before);
            rest = after.split_once(&close).map_or("", |(_, tail)| tail);
        }
        kept.push_str(rest);
        visible = kept;
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in visible.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push('\n');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every output of the sample province in Vietnamese, each named; `explain`
/// without the plan's own words, which are the plan's and quoted as it wrote them.
fn outputs() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let mut all = Vec::new();
    for format in ["table", "markdown", "csv"] {
        let (out, err) = run("check", true, &["--fail-on", "never", "--format", format]);
        all.push((format!("check --format {format}"), out));
        all.push((format!("check --format {format}, stderr"), err));
    }
    let (page, _) = run("check", true, &["--fail-on", "never", "--format", "html"]);
    all.push(("check --format html".to_owned(), page_text(&page)));
    let book = dir.path().join("check.xlsx");
    run(
        "check",
        true,
        &["--fail-on", "never", "-o", book.to_str().unwrap()],
    );
    all.push(("check -o check.xlsx".to_owned(), workbook_text(&book)));
    for year in ["2025", "2027"] {
        for format in ["table", "csv"] {
            let (out, _) = run("gaps", true, &["--year", year, "--format", format]);
            all.push((format!("gaps --year {year} --format {format}"), out));
        }
    }
    let book = dir.path().join("gaps.xlsx");
    run(
        "gaps",
        true,
        &["--year", "2027", "-o", book.to_str().unwrap()],
    );
    all.push(("gaps -o gaps.xlsx".to_owned(), workbook_text(&book)));
    let (json, _) = run("check", true, &["--fail-on", "never", "--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let mut rules: Vec<&str> = report["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["rule"].as_str().unwrap())
        .collect();
    rules.dedup();
    assert!(rules.len() >= 10, "{rules:?}");
    for rule in rules {
        let (out, _) = run("explain", false, &[rule]);
        let (ours, _) = out.split_once("## Lời văn của Kế hoạch").unwrap();
        all.push((format!("explain {rule}"), ours.to_owned()));
    }
    all
}

/// The words of `line` spelled as a code or field name (`title_level`,
/// `missing_data`): lowercase letters joined by `_`, outside what a user types
/// (a `--flag`, text in backticks) and paths.
fn code_words(line: &str) -> Vec<String> {
    let typed: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    typed
        .split(|c: char| !(c.is_ascii_alphanumeric() || "_-./".contains(c)))
        .filter(|token| !token.starts_with("--") && !token.contains('/'))
        .flat_map(|token| token.split(['-', '.']))
        .filter(|word| {
            let parts: Vec<&str> = word.split('_').collect();
            parts.len() > 1
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        })
        .map(str::to_owned)
        .collect()
}

/// Where a number follows `word` (`quá hạn 915`) on a line of `text`, at the
/// start of the line or after a space, what comes after the number.
fn after_numbers<'t>(text: &'t str, word: &str) -> Vec<(&'t str, &'t str)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices(word) {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c != ' ' && c != '\n')
        {
            continue;
        }
        let rest = &text[at + word.len()..];
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            found.push((&rest[..digits], &rest[digits..]));
        }
    }
    found
}

#[test]
fn the_vietnamese_outputs_use_the_plans_terms_and_no_english_codes() {
    for (name, text) in outputs() {
        // wrapped lines joined, table padding folded: sentences read on
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for old in [
            "học tập",
            "¶",
            "Thứ tự",
            "Cần cử học",
            "cần cử học",
            "(appointed_on)",
            "ngày đánh giá",
            "(embedded)",
        ] {
            assert!(!flat.contains(old), "{name}: {old:?} in\n{text}");
        }
        for (at, _) in flat.match_indices("có nguy cơ") {
            assert!(
                flat[at..].starts_with("có nguy cơ không đạt"),
                "{name}: \"có nguy cơ\" alone: {}",
                flat[at..].chars().take(40).collect::<String>()
            );
        }
        for line in text.lines() {
            let codes = code_words(line);
            assert!(codes.is_empty(), "{name}: {codes:?} in {line:?}");
        }
        // days are said with ngày: `quá hạn 915 ngày`, `còn 0 ngày`, `muộn 1 ngày`
        // (and a quota's room: `còn 14 chỗ`)
        // (a line's spaces folded; a DOC's number may end a line, its ngày on the next)
        let spaced: Vec<String> = text
            .lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let spaced = spaced.join("\n");
        for word in ["quá hạn ", "còn ", "muộn "] {
            for (n, after) in after_numbers(&spaced, word) {
                let next = after.trim_start_matches([' ', '\n']);
                assert!(
                    next.starts_with("ngày") || (word == "còn " && next.starts_with("chỗ")),
                    "{name}: {word}{n} without ngày: {:?}",
                    after.chars().take(30).collect::<String>()
                );
            }
        }
    }
}

#[test]
fn a_code_word_is_found_outside_what_a_user_types() {
    assert_eq!(
        code_words("chưa có ngày bổ nhiệm (appointed_on)"),
        ["appointed_on"]
    );
    assert!(code_words("--due-soon-days, `quotas = { 2025 = 3 }`, data/plan_x.toml").is_empty());
    assert!(code_words("BOIDUONG_LANG, warning[missing-date], TITLE-2Y").is_empty());
}
