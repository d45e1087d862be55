//! A plan file (`--plan`): parsing any text, then a whole check on a small clean
//! case with every plan that parses, whatever numbers it holds.

#![no_main]

use std::ffi::OsString;

use boiduong::plan::parse_plan;
use boiduong_fuzz::{run_check_on_sample, scratch_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(plan) = parse_plan(text, "plan.toml") else {
        return;
    };
    let _ = plan.rule_ids();
    let path = scratch_file("plan.toml", data);
    run_check_on_sample(&[&OsString::from("--plan"), &path.into_os_string()]);
});
