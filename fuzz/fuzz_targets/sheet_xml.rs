//! Fuzzed worksheet XML (and optionally shared strings and styles, after NUL
//! bytes) inside a valid .xlsx package: past the zip and the package, straight at
//! the sheet reader and the row checks of a workbook input.

#![no_main]

use boiduong::input::columns::ROSTER;
use boiduong_fuzz::{SheetParts, read_table, scratch_file, xlsx};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let book = xlsx(&SheetParts::split(data));
    // as a check opens a roster workbook: the sheet read whole, its header found,
    // every row as text and checked; one parse of the package per input
    let path = scratch_file("input.xlsx", &book);
    read_table(&path, ROSTER);
});
