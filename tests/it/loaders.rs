//! The loaders never panic, whatever bytes they are given.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;
use boiduong::diag::Diagnostics;
use boiduong::input::load;
use chrono::NaiveDate;
use proptest::prelude::*;

const HEADER_R: &str =
    "id,full_name,role,title_level,appointed_on,language_groups,language_level\n";
const HEADER_E: &str = "id,program,started_on,completed_on,status\n";

fn load_bytes(roster: &[u8], enrolments: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path().join("roster.csv");
    let e = dir.path().join("enrolments.csv");
    std::fs::write(&r, roster).unwrap();
    std::fs::write(&e, enrolments).unwrap();
    let options = common::load_options(&r, &e, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let mut diags = Diagnostics::default();
    let _ = load(&options, 2023, &mut diags);
}

/// Bytes that look like CSV often enough to get past the header.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let atoms = prop_oneof![
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"A1".to_vec()),
        Just(b"incumbent".to_vec()),
        Just(b"29/02/2024".to_vec()),
        Just(b"2024-02-30".to_vec()),
        Just(b"title_department".to_vec()),
        Just(b"1|2".to_vec()),
        Just("Mã cán bộ".as_bytes().to_vec()),
        Just(vec![0xFF, 0xFE]),
        Just(vec![0xEF, 0xBB, 0xBF]),
        Just(vec![0xC3]),
        Just("\u{00A0}".as_bytes().to_vec()),
        // windows-1258: ê and a combining tilde, a lone combining mark
        Just(vec![0xEA, 0xDE]),
        Just(vec![0xCC]),
        // lossy exports and legacy fonts in text cells
        Just(b"Nguy?n".to_vec()),
        Just(b"V_n".to_vec()),
        Just("NguyÔn V¨n Hïng".as_bytes().to_vec()),
        Just("Nguyeãn Vaên Huøng".as_bytes().to_vec()),
        Just("\u{FFFD}".as_bytes().to_vec()),
        any::<u8>().prop_map(|b| vec![b]),
    ];
    prop::collection::vec(atoms, 0..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(roster in prop::collection::vec(any::<u8>(), 0..400), enrolments in prop::collection::vec(any::<u8>(), 0..400)) {
        load_bytes(&roster, &enrolments);
    }

    #[test]
    fn csv_like_rows_never_panic(roster in csvish(), enrolments in csvish()) {
        let mut r = HEADER_R.as_bytes().to_vec();
        r.extend(roster);
        let mut e = HEADER_E.as_bytes().to_vec();
        e.extend(enrolments);
        load_bytes(&r, &e);
    }

    #[test]
    fn a_leading_byte_order_mark_or_odd_header_never_panics(roster in csvish()) {
        load_bytes(&roster, HEADER_E.as_bytes());
    }

    /// Rows read as windows-1258 (a byte that is not UTF-8 in the first row).
    #[test]
    fn windows_1258_rows_never_panic(roster in csvish(), enrolments in csvish()) {
        let mut r = HEADER_R.as_bytes().to_vec();
        r.extend(b"X1,Nguy\xEA\xDEn,incumbent,,,,\n");
        r.extend(roster);
        let mut e = HEADER_E.as_bytes().to_vec();
        e.extend(b"\xD0\xF4\n");
        e.extend(enrolments);
        load_bytes(&r, &e);
    }
}
