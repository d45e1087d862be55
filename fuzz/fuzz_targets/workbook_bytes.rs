//! The workbook reader on raw bytes, as each kind of workbook (.xlsx, .xls,
//! .ods): opening it, finding the header, reading the rows as text.

#![no_main]

use boiduong::input::columns::ROSTER;
use boiduong::input::source::Encoding;
use boiduong_fuzz::read_sheet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for kind in [Encoding::Xlsx, Encoding::Xls, Encoding::Ods] {
        read_sheet(data.to_vec(), kind, ROSTER);
    }
});
