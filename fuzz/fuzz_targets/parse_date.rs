//! Date cells: any text through `parse_date`, and any serial through `excel_serial`.

#![no_main]

use boiduong::input::date::{excel_serial, parse_date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(bytes) = data.get(..4) {
        let serial = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let _ = excel_serial(serial);
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_date(text) {
        Ok(date) => {
            // a date read is written back in either accepted form and read again alike
            let iso = date.format("%Y-%m-%d").to_string();
            assert_eq!(parse_date(&iso), Ok(date), "{text:?} read as {iso}");
            let vn = date.format("%d/%m/%Y").to_string();
            assert_eq!(parse_date(&vn), Ok(date), "{text:?} read as {vn}");
        }
        Err(error) => {
            let _ = boiduong::i18n::diag::date(&error, boiduong::lang::Lang::Vi);
        }
    }
});
