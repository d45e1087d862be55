//! The CSV reader on any bytes: delimiter sniffing, the record splitter with its
//! line counting, then a whole input file (decoding, header matching, row checks)
//! with the columns of either file.

#![no_main]

use boiduong::input::columns::{self, ColumnSpec, ENROLMENTS, ROSTER};
use boiduong::input::records::{DELIMITERS, Records};
use boiduong_fuzz::{read_table, scratch_file};
use libfuzzer_sys::fuzz_target;

fn records(data: &[u8], delimiter: Option<u8>, specs: &[ColumnSpec]) {
    let known = |cell: &str| columns::find(specs, cell).is_some();
    let Ok(mut records) = Records::new(data, delimiter, &known) else {
        return;
    };
    // where the next record may start: messages cite lines, which only go forward
    let mut next_line = 1;
    while let Ok(true) = records.read() {
        let record = records.record();
        assert!(
            record.line >= next_line && record.end_line >= record.line,
            "a record on lines {}..{} after one ending at {next_line}",
            record.line,
            record.end_line
        );
        next_line = record.end_line;
        for i in 0..record.len() {
            let _ = record.get(i);
            let _ = record.field_len(i);
        }
        let _ = record.get_all();
        let _ = record.is_blank();
        let _ = records.take_blank_lines();
    }
}

fuzz_target!(|data: &[u8]| {
    // the delimiter detected from the header line
    records(data, None, ROSTER);
    // `--delimiter` given: chosen by the length, so that every input tries one
    records(
        data,
        Some(DELIMITERS[data.len() % DELIMITERS.len()]),
        ENROLMENTS,
    );
    let path = scratch_file("input.csv", data);
    read_table(&path, ROSTER);
    read_table(&path, ENROLMENTS);
});
