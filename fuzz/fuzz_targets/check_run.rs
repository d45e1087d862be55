//! A whole `check` in process on a fuzzed roster and enrolments (split at
//! `ENROLMENTS_MARK`): every loader, every rule and the JSON report. Any outcome
//! is fine; a panic is the bug.
//!
//! Most fuzzed files hold a bad row, and a check stops before the rules on any
//! error; so inputs of odd length are checked with `--skip-invalid`, which runs
//! the rules on the rows that were read.

#![no_main]

use std::ffi::OsString;

use boiduong_fuzz::{ENROLMENTS_MARK, run_check, scratch_file, split_at};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (roster, enrolments) = split_at(data, ENROLMENTS_MARK);
    let roster = scratch_file("roster.csv", roster);
    let enrolments = scratch_file("enrolments.csv", enrolments);
    let skip_invalid = OsString::from("--skip-invalid");
    let extra: &[&OsString] = if data.len() % 2 == 1 {
        &[&skip_invalid]
    } else {
        &[]
    };
    run_check(&roster, &enrolments, extra);
});
