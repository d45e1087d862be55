//! A levels file (`--levels`): parsing any text, reading certificates with every
//! table that parses, then a whole check of a roster of certificates with it.

#![no_main]

use std::ffi::OsString;

use boiduong::levels::{parse_levels, read_level};
use boiduong_fuzz::{run_check, scratch_file};
use libfuzzer_sys::fuzz_target;

/// How offices write levels and certificates, and what a table may not cover.
const CELLS: &[&str] = &[
    "4",
    "bậc 4",
    "B2",
    "C",
    "IELTS 6.0",
    "IELTS 6,5",
    "TOEFL iBT 80",
    "TOEFL ITP 600",
    "TOEIC L400 R385 S160 W150",
    "TOEIC 800",
    "HSK 4",
    "JLPT N3",
    "DELF B2",
    "TCF 420",
    "Goethe B2",
    "ТРКИ-2",
    "VSTEP B2",
    "TOPIK 5",
    "IELTS",
    "",
];

const ROSTER: &[u8] = include_bytes!("../../tests/fixtures/certificates/roster.csv");
const ENROLMENTS: &[u8] = include_bytes!("../../tests/fixtures/certificates/enrolments.csv");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(levels) = parse_levels(text, "levels.toml") else {
        return;
    };
    let _ = levels.names();
    for cell in CELLS {
        let _ = read_level(cell, &levels);
    }
    let path = scratch_file("levels.toml", data);
    let roster = scratch_file("roster.csv", ROSTER);
    let enrolments = scratch_file("enrolments.csv", ENROLMENTS);
    run_check(
        &roster,
        &enrolments,
        &[&OsString::from("--levels"), &path.into_os_string()],
    );
});
