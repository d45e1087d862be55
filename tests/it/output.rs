//! Files written with `-o`: named on stderr (not under `--quiet`), and made with
//! the mode any new file gets, or the mode of the file they replace, so a report
//! a cron job drops in a shared folder can be read by the office.

use std::fs;

use crate::common;

#[test]
fn a_file_written_is_named_on_stderr_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = common::check("sample")
        .args(["--format", "json", "--fail-on", "never", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with(&format!("\nwrote {}\n", report.display())),
        "{stderr}"
    );
    let out = common::check("sample")
        .args(["--lang", "vi", "--fail-on", "never", "-o"])
        .arg(dir.path().join("report.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    common::has(&stderr, "đã ghi ");
    let out = common::check("sample")
        .args(["--quiet", "--fail-on", "never", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // stdout is not a file written
    let out = common::check("sample")
        .args(["--fail-on", "never"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("wrote"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_new_report_is_made_as_any_new_file_and_a_replaced_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.txt");
    fs::write(&plain, "").unwrap();
    let report = dir.path().join("report.csv");
    let write = || {
        common::check("sample")
            .args(["--format", "csv", "--fail-on", "never", "--quiet", "-o"])
            .arg(&report)
            .assert()
            .success();
    };
    write();
    assert_eq!(mode(&report), mode(&plain), "a new report");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o644)).unwrap();
    write();
    assert_eq!(mode(&report), 0o644, "a replaced report");
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    write();
    assert_eq!(mode(&report), 0o640, "a replaced report");
}

#[test]
fn without_format_the_file_name_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    for (name, starts) in [
        ("report.json", "{"),
        ("report.csv", "\u{feff}"),
        ("report.md", "#"),
        ("report.txt", "boiduong: plan"),
        ("report.log", "boiduong: plan"),
    ] {
        common::check("sample")
            .args(["--fail-on", "never", "--quiet", "-o"])
            .arg(path(name))
            .assert()
            .success();
        let text = fs::read_to_string(path(name)).unwrap();
        assert!(text.starts_with(starts), "{name}: {text:.80}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path("report.json")).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 1);
    // gaps: a workbook by its name
    common::run_in(&common::fixture("gaps"), "gaps", common::AS_OF)
        .args(["--year", "2027", "--quiet", "-o"])
        .arg(path("lists.xlsx"))
        .assert()
        .success();
    assert!(
        fs::read(path("lists.xlsx"))
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
}

#[test]
fn a_format_the_file_name_contradicts_is_a_usage_error_that_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::run_in(&common::fixture("gaps"), "gaps", common::AS_OF)
        .args(["--year", "2027", "--format", "xlsx", "-o"])
        .arg(dir.path().join("x.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    common::has(&stderr, "error: --format xlsx but -o ");
    common::has(&stderr, "x.csv ends as a csv file");
    assert!(!dir.path().join("x.csv").exists(), "nothing written");
    // a format gaps does not write
    let out = common::run_in(&common::fixture("gaps"), "gaps", common::AS_OF)
        .args(["--year", "2027", "-o"])
        .arg(dir.path().join("lists.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    common::has(
        &stderr,
        "which gaps does not write; it writes table, csv, xlsx",
    );
    let out = common::check("sample")
        .args(["--format", "json", "--lang", "vi", "-o"])
        .arg(dir.path().join("r.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    common::has(
        &String::from_utf8(out.stderr).unwrap(),
        "lỗi: --format json nhưng tệp -o",
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}
