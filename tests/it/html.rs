//! `check --format html`: one self-contained page whose numbers are the JSON
//! report's, in either language, with the data escaped and the findings cut at
//! `--limit`. What a browser makes of it is `tests/it/browser.rs`.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::common::{boiduong, check, has, stdout_json};

/// The page `check` writes on `scenario` with `args`.
pub fn page(scenario: &str, args: &[&str]) -> String {
    let out = check(scenario)
        .args(["--format", "html", "--fail-on", "never"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The attributes of the tag that has `marker` (e.g. `data-target="3"`).
pub fn attributes(html: &str, marker: &str) -> HashMap<String, String> {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    let mut attrs = HashMap::new();
    let mut rest = &html[start..end];
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].rsplit(' ').next().unwrap().to_owned();
        let value_end = eq + 2 + rest[eq + 2..].find('"').unwrap();
        attrs.insert(key, rest[eq + 2..value_end].to_owned());
        rest = &rest[value_end + 1..];
    }
    attrs
}

/// Every number of a JSON target row, as the page's `data-*` names it.
pub fn numbers_of(row: &Value) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for (key, value) in row.as_object().unwrap() {
        let mut push = |key: &str, value: &Value| {
            if let Some(n) = value.as_i64() {
                out.push((format!("data-{}", key.replace('_', "-")), n));
            }
        };
        match value {
            Value::Object(inner) => inner.iter().for_each(|(k, v)| push(k, v)),
            _ => push(key, value),
        }
    }
    out
}

#[test]
fn the_page_needs_nothing_from_outside_and_no_script() {
    let html = page("sample", &[]);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    for outside in [
        "<script", "<link", "@import", "http://", "https://", "src=", "<img", "<iframe",
    ] {
        assert!(!html.contains(outside), "{outside} in the page");
    }
    // the only url() are the page's own patterns
    assert_eq!(
        html.matches("url(").count(),
        html.matches("url(#p-").count()
    );
    // printing: A4 landscape, charts never cut, the as-of date in the footer
    has(&html, "@page{size:A4 landscape");
    has(&html, ".chart{break-inside:avoid");
    has(&html, "counter(page)");
    has(&html, "as of 2026-11-25\"");
}

#[test]
fn every_target_row_of_the_json_report_has_its_numbers_in_the_page() {
    let html = page("sample", &[]);
    let (json, _) = stdout_json(check("sample").args(["--format", "json"]));
    let targets = json["targets"].as_array().unwrap();
    assert!(targets.len() > 20);
    for (i, row) in targets.iter().enumerate() {
        let attrs = attributes(&html, &format!("data-target=\"{i}\""));
        assert_eq!(attrs["data-rule"], row["rule"].as_str().unwrap(), "row {i}");
        assert_eq!(
            attrs["data-status"],
            row["status"].as_str().unwrap(),
            "row {i}"
        );
        let numbers = numbers_of(row);
        assert!(!numbers.is_empty(), "row {i} has numbers");
        for (key, n) in numbers {
            assert_eq!(attrs.get(&key), Some(&n.to_string()), "row {i} {key}");
        }
    }
    assert!(!html.contains(&format!("data-target=\"{}\"", targets.len())));
    // the headline counts are the summary's
    let summary = &json["summary"];
    for (status, key) in [("met", "met"), ("gap", "gap"), ("at_risk", "at_risk")] {
        let attrs = attributes(&html, &format!("data-status=\"{status}\" data-count"));
        assert_eq!(attrs["data-count"], summary[key].to_string(), "{status}");
    }
    // the fingerprints of both inputs
    for file in ["roster", "enrolments"] {
        has(&html, json["inputs"][file]["sha256"].as_str().unwrap());
    }
}

#[test]
fn every_chart_has_a_title_and_a_table_beside_it() {
    let html = page("sample", &[]);
    let charts = html.matches("<svg viewBox").count();
    assert!(charts >= 5, "{charts} charts");
    assert_eq!(
        html.matches("role=\"img\" aria-labelledby=").count(),
        charts
    );
    for n in 1..=charts {
        let at = html.find(&format!("<figure id=\"chart-{n}\">")).unwrap();
        let figure = &html[at..at + html[at..].find("</figure>").unwrap()];
        has(figure, &format!("<title id=\"chart-{n}-title\">"));
        has(figure, "<table>");
    }
}

#[test]
fn the_vietnamese_page_writes_dates_and_words_as_vietnamese_does() {
    let html = page("sample", &["--lang", "vi"]);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"vi\">"));
    has(&html, "tính đến ngày 25/11/2026");
    has(&html, "Ngoại ngữ theo từng nhóm");
    has(&html, "CHƯA ĐẠT");
    assert!(!html.contains("2026-11-25<"), "no ISO date shown");
    assert!(unicode_normalization::is_nfc(&html));
}

#[test]
fn text_from_the_data_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let sample = crate::common::fixture("sample");
    let roster = std::fs::read_to_string(sample.join("roster.csv")).unwrap();
    let roster = roster
        .replace("Sở Ngoại vụ", "\"Sở <b>Ngoại</b> & vụ\"")
        .replace("Trần Thị Bình", "<script>alert(1)</script>");
    std::fs::write(dir.path().join("roster.csv"), roster).unwrap();
    std::fs::copy(
        sample.join("enrolments.csv"),
        dir.path().join("enrolments.csv"),
    )
    .unwrap();
    let out = crate::common::check_in(dir.path())
        .args(["--format", "html", "--fail-on", "never"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script"), "a name became a script");
    assert!(!html.contains("<b>Ngoại</b>"), "a unit became markup");
    has(&html, "Sở &lt;b&gt;Ngoại&lt;/b&gt; &amp; vụ");
}

#[test]
fn the_findings_of_a_rule_are_cut_at_the_limit_with_how_many_more() {
    let full = page("sample", &[]);
    let cut = page("sample", &["--limit", "1"]);
    assert!(!full.contains("class=\"more\""));
    has(&cut, "class=\"more\"");
    has(&cut, "(the first 1 are listed, --limit)");
    has(&cut, "every finding is in the CSV, xlsx or JSON report");
    assert!(cut.len() < full.len());
    // the charts and the targets count everyone whatever the limit
    for i in 0..5 {
        let marker = format!("data-target=\"{i}\"");
        assert_eq!(attributes(&cut, &marker), attributes(&full, &marker));
    }
}

#[test]
fn an_html_file_name_writes_the_page_and_diff_refuses_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Q4.html");
    check("sample")
        .args(["--fail-on", "never", "-o"])
        .arg(&path)
        .assert()
        .success();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let json = dir.path().join("r.json");
    check("sample")
        .args(["--fail-on", "never", "-o"])
        .arg(&json)
        .assert()
        .success();
    let out = boiduong()
        .arg("diff")
        .arg(&json)
        .arg(&json)
        .arg("-o")
        .arg(dir.path().join("d.html"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("diff does not write"), "{err}");
    assert!(!Path::new(&dir.path().join("d.html")).exists());
}
