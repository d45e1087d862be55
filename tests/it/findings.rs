//! `check --findings all|errors|none`: which finding rows are written, in every
//! format. The targets, the counts, the summary and the exit code are the same
//! whichever it is; the JSON says which was chosen when it is not `all`.

use serde_json::Value;

use crate::common;

fn json(args: &[&str]) -> (Value, i32) {
    common::stdout_json(
        common::check("sample")
            .args(["--format", "json"])
            .args(args),
    )
}

#[test]
fn the_same_targets_summary_and_exit_code_whichever_findings_are_listed() {
    let (all, code) = json(&[]);
    assert!(
        all.get("findings_shown").is_none(),
        "absent: every finding listed"
    );
    let every = all["findings"].as_array().unwrap();
    let errors = every.iter().filter(|f| f["severity"] == "error").count();
    assert!(errors > 0 && errors < every.len(), "the sample has both");
    for (which, listed) in [("all", every.len()), ("errors", errors), ("none", 0)] {
        let (report, c) = json(&["--findings", which]);
        assert_eq!(c, code, "{which}: the exit code");
        assert_eq!(report["summary"], all["summary"], "{which}");
        assert_eq!(report["targets"], all["targets"], "{which}");
        assert_eq!(report["input_problems"], all["input_problems"], "{which}");
        let findings = report["findings"].as_array().unwrap();
        assert_eq!(findings.len(), listed, "{which}");
        if which == "all" {
            assert!(report.get("findings_shown").is_none());
        } else {
            assert_eq!(report["findings_shown"], which);
        }
        // the rows kept are the same rows, in the same order
        let kept: Vec<&Value> = every
            .iter()
            .filter(|f| which == "all" || (which == "errors" && f["severity"] == "error"))
            .collect();
        assert_eq!(findings.iter().collect::<Vec<_>>(), kept, "{which}");
    }
}

#[test]
fn every_format_lists_only_what_is_asked_and_says_what_it_left_out() {
    let run = |args: &[&str]| {
        let out = common::check("sample").args(args).output().unwrap();
        (String::from_utf8(out.stdout).unwrap(), out.status.code())
    };
    let (table, code) = run(&[]);
    let (errors, c) = run(&["--findings", "errors"]);
    assert_eq!(c, code);
    common::has(
        &errors,
        "Only errors are listed (--findings errors): 8 warnings are counted in the summary, not listed.",
    );
    assert!(!errors.contains("due soon ┆"), "{errors}");
    assert!(table.contains("due soon ┆"));
    let last = |t: &str| t.lines().last().unwrap().to_owned();
    assert_eq!(last(&errors), last(&table), "the summary line");
    let (none, _) = run(&["--findings", "none", "--lang", "vi"]);
    common::has(
        &none,
        "Không liệt kê từng trường hợp (--findings none); phần tổng hợp tính đủ 9 trường hợp.",
    );
    assert!(!none.contains("quá hạn ┆"), "{none}");
    let (md, _) = run(&["--format", "markdown", "--findings", "none"]);
    common::has(
        &md,
        "No finding is listed (--findings none); the summary counts all 9.",
    );
    let (csv, _) = run(&["--format", "csv", "--findings", "none"]);
    assert_eq!(csv.lines().count(), 1, "the header alone: {csv}");
    let (csv, _) = run(&["--format", "csv", "--findings", "errors"]);
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the one error: {csv}"
    );
}

#[test]
fn with_a_baseline_every_finding_is_compared_and_only_the_listed_written() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = common::json_report(common::check("sample"), dir.path(), "earlier.json");
    let later = |args: &[&str]| {
        common::stdout_json(
            common::check("sample-later")
                .args(["--format", "json", "--baseline"])
                .arg(&earlier)
                .args(args),
        )
    };
    let (all, code) = later(&[]);
    let (none, c) = later(&["--findings", "none"]);
    assert_eq!(c, code);
    // new, persisting and resolved are counted over every finding
    assert_eq!(none["summary"], all["summary"]);
    assert!(all["summary"]["resolved"].as_u64().unwrap() > 0);
    assert_eq!(none["resolved"], Value::Array(vec![]));
    let (errors, _) = later(&["--findings", "errors"]);
    assert_eq!(errors["summary"], all["summary"]);
    for f in errors["findings"].as_array().unwrap() {
        assert_eq!(f["severity"], "error");
        assert!(f["change"].is_string(), "still marked: {f}");
    }
    for f in errors["resolved"].as_array().unwrap() {
        assert_eq!(f["severity"], "error");
    }
}
