//! An earlier JSON report (`check --baseline`, `diff`): reading any bytes back,
//! then a check against every report that reads, and a diff of it with itself.

#![no_main]

use std::ffi::OsString;

use boiduong::cli::Cli;
use boiduong::report::baseline;
use boiduong_fuzz::{run_check_on_sample, scratch_file, scratch_path};
use clap::Parser;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = scratch_file("baseline.json", data);
    let Ok(prior) = baseline::read(&path) else {
        return;
    };
    let _ = baseline::check_plan(&prior, "143/KH-UBND");
    run_check_on_sample(&[
        &OsString::from("--baseline"),
        &path.clone().into_os_string(),
    ]);
    let output = scratch_path("diff.json");
    let diff = [
        OsString::from("boiduong"),
        "diff".into(),
        path.clone().into(),
        path.into(),
        "--format".into(),
        "json".into(),
        "--quiet".into(),
        "-o".into(),
        output.into(),
    ];
    let cli = Cli::try_parse_from(diff).expect("the arguments of a diff parse");
    let _ = boiduong::run(&cli);
});
