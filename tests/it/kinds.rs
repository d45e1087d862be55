//! One snapshot per rule kind: the embedded plan cut down to the targets of one
//! kind, run on the sample fixture in every format and both languages, and
//! compared with the same cut on the later sample. A target added to the plan
//! changes the snapshot of its kind and no other; a kind added to the registry
//! with targets in the embedded plan gets a snapshot of its own.
//!
//! The whole-report snapshots that remain (`render.rs`, `compare.rs`) check how
//! the kinds sit together in one report.

use std::path::Path;

use boiduong::plan::kinds::KINDS;

use crate::common;

/// The embedded plan with only the `[[target]]`s of `kind`, or nothing when the
/// plan has no target of it.
fn plan_of_kind(kind: &str) -> Option<String> {
    let plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/plan-143-KH-UBND-2023.toml"),
    )
    .unwrap();
    let mut parts = plan.split("\n[[target]]\n");
    let head = parts.next().unwrap();
    let kept: Vec<&str> = parts
        .filter(|target| target.contains(&format!("\nkind = \"{kind}\"\n")))
        .collect();
    (!kept.is_empty()).then(|| {
        kept.iter().fold(head.to_owned(), |plan, t| {
            format!("{plan}\n[[target]]\n{t}")
        })
    })
}

/// A folder holding `plan.toml` and the roster and enrolments of `fixture`.
fn folder(plan: &str, fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
    for file in ["roster.csv", "enrolments.csv"] {
        std::fs::copy(common::fixture(fixture).join(file), dir.path().join(file)).unwrap();
    }
    dir
}

/// `check` in `dir` on its plan and files with `args`: a section of the snapshot
/// headed by the command and its exit code.
fn section(dir: &Path, args: &[&str]) -> String {
    let out = common::check_in(dir)
        .args(["--plan", "plan.toml"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stdout = if args.contains(&"json") {
        common::blank_generated_at(&stdout)
    } else {
        stdout
    };
    format!(
        "=== check {} (exit {})\n{stdout}\n",
        args.join(" "),
        out.status.code().unwrap()
    )
}

/// `diff earlier.json later.json` in `dir`, with `args`.
fn diff_section(dir: &Path, args: &[&str]) -> String {
    let out = common::boiduong()
        .current_dir(dir)
        .args(["diff", "earlier.json", "later.json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = common::blank_generated_at(&String::from_utf8(out.stdout).unwrap());
    format!(
        "=== diff {} (exit {})\n{stdout}\n",
        args.join(" "),
        out.status.code().unwrap()
    )
}

/// The JSON report of the plan and files in `dir`, its clock blanked, written to
/// `into/name`.
fn report(dir: &Path, into: &Path, name: &str) {
    let mut check = common::check_in(dir);
    check.args(["--plan", "plan.toml"]);
    let path = common::json_report(check, dir, name);
    let text = common::blank_generated_at(&std::fs::read_to_string(&path).unwrap());
    std::fs::write(into.join(name), text).unwrap();
}

#[test]
fn every_kind_of_the_embedded_plan_in_every_format_and_language() {
    let mut seen = 0;
    for kind in KINDS {
        let Some(plan) = plan_of_kind(kind.name) else {
            continue;
        };
        seen += 1;
        let earlier = folder(&plan, "sample");
        let later = folder(&plan, "sample-later");
        let mut snapshot = String::new();
        for args in [
            &["--format", "table"][..],
            &["--format", "table", "--lang", "vi"],
            &["--format", "markdown"],
            &["--format", "markdown", "--lang", "vi"],
            &["--format", "csv"],
            &["--format", "csv", "--lang", "vi"],
            &["--format", "json"],
        ] {
            snapshot += &section(earlier.path(), args);
        }
        report(earlier.path(), earlier.path(), "earlier.json");
        report(later.path(), earlier.path(), "later.json");
        for args in [
            &["--format", "table"][..],
            &["--format", "markdown"],
            &["--format", "json"],
        ] {
            snapshot += &diff_section(earlier.path(), args);
        }
        insta::assert_snapshot!(format!("kind-{}", kind.name), snapshot);
    }
    assert!(seen > 0, "no kind has a target in the embedded plan");
}
