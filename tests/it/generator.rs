//! The benchmark generator (examples/gen.rs) writes the same files for the same seed,
//! and files boiduong reads without a problem.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

/// The example binary `cargo test` built beside this test.
pub fn gen_binary() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let target = deps.parent().unwrap().parent().unwrap();
    target
        .join("examples")
        .join(format!("gen{}", std::env::consts::EXE_SUFFIX))
}

fn generate(out: &Path, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    let status = Command::new(gen_binary())
        .args(["-n", "300", "--out"])
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    (
        std::fs::read(out.join("roster.csv")).unwrap(),
        std::fs::read(out.join("enrolments.csv")).unwrap(),
    )
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_another_seed_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(&dir.path().join("a"), &["--seed", "7"]);
    let b = generate(&dir.path().join("b"), &["--seed", "7"]);
    let c = generate(&dir.path().join("c"), &["--seed", "8"]);
    assert!(a == b);
    assert!(a != c);
    assert!(a.1.len() > 300 * 4 * 30, "about 5 enrolments per official");
}

#[test]
fn both_styles_read_cleanly_and_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let check = |style: &str, args: &[&str]| {
        let out = dir.path().join(style);
        generate(&out, args);
        let run = assert_cmd::Command::cargo_bin("boiduong")
            .unwrap()
            .args([
                "check",
                "--format",
                "json",
                "--as-of",
                "2026-11-25",
                "--roster",
            ])
            .arg(out.join("roster.csv"))
            .arg("--enrolments")
            .arg(out.join("enrolments.csv"))
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "gaps, no input error");
        let mut json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        json["generated_at"].take();
        json["inputs"].take();
        for problem in json["input_problems"].as_array_mut().unwrap() {
            problem["file"].take();
        }
        json
    };
    let en = check("en", &[]);
    assert_eq!(check("vi", &["--vi"]), en);
    assert_eq!(en["summary"]["rows_left_out"], 0);
}
