use super::*;
use crate::input::columns::ENROLMENTS;

type Checked = Result<(String, Vec<(usize, usize)>), (usize, Code)>;

/// Every record of `input` under a header of four columns, the third blank,
/// checked as the rows are read: with the shape checked ahead where it fits
/// (`ahead`), or every check made here.
fn checked(input: &[u8], ahead: bool) -> Vec<Checked> {
    let cells: Vec<String> = ["id", "program", "", "note"].map(String::from).into();
    let header = Header::match_cells(&cells, ENROLMENTS).0;
    let blank = header.blank();
    let mut records = Records::new(input, Some(b','), &|_| false).unwrap();
    let mut out = Vec::new();
    let mut cells = Vec::new();
    while records.read().unwrap() {
        let mut record = records.record();
        record.fits = ahead && fits(&record, header.names.len(), &blank);
        let result = check_record(&record, &header, b',', &blank, &mut cells);
        out.push(
            result
                .map(|text| (text.to_owned(), cells.clone()))
                .map_err(|(column, code, _)| (column, code)),
        );
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// A record whose shape was found to fit where it was read ahead is checked
    /// as closely as one checked here: same verdict, same cells, same text.
    #[test]
    fn a_shape_checked_ahead_gives_the_verdict_of_every_check(parts in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::strategy::Just(b",".to_vec()),
            proptest::strategy::Just(b"\"".to_vec()),
            proptest::strategy::Just(b"\n".to_vec()),
            proptest::strategy::Just(b"\r\n".to_vec()),
            proptest::strategy::Just(b" ".to_vec()),
            proptest::strategy::Just(b"\t".to_vec()),
            proptest::strategy::Just(b"\x07".to_vec()),
            proptest::strategy::Just(b"\x7f".to_vec()),
            proptest::strategy::Just(b"\xC3".to_vec()),
            proptest::strategy::Just(b"\xA0".to_vec()),
            proptest::strategy::Just("\u{00A0}".as_bytes().to_vec()),
            proptest::strategy::Just("\u{0085}".as_bytes().to_vec()),
            proptest::strategy::Just("Đ".as_bytes().to_vec()),
            proptest::strategy::Just(b"ab".to_vec()),
            proptest::strategy::Just(b"a,b,,c\n".to_vec()),
        ],
        0..60,
    )) {
        let input = parts.concat();
        proptest::prop_assert_eq!(checked(&input, true), checked(&input, false));
    }
}

#[test]
fn rows_of_every_shape_fit_only_when_nothing_is_wrong() {
    let cases: [(&[u8], bool); 10] = [
        (b"DN_1,title,,x\n", true),
        (b"DN_1,title, ,x\n", true),
        (b"DN_1,\"title, long\",,x\n", true),
        (b"DN_1,title,,x,y\n", false),
        (b"DN_1,title\n", false),
        (b"DN_1,title,data,x\n", false),
        (b"DN_1,ti\x07tle,,x\n", false),
        (b"DN_1,\"open,,x\n", false),
        ("DN_1,title,\u{00A0},x\n".as_bytes(), false),
        (b"DN_1,t\xC3,,x\n", true),
    ];
    let cells: Vec<String> = ["id", "program", "", "note"].map(String::from).into();
    let header = Header::match_cells(&cells, ENROLMENTS).0;
    for (input, expected) in cases {
        let mut records = Records::new(input, Some(b','), &|_| false).unwrap();
        assert!(records.read().unwrap());
        let record = records.record();
        let found = fits(&record, header.names.len(), &header.blank());
        assert_eq!(found, expected, "{}", String::from_utf8_lossy(input));
    }
    // a cell that is not UTF-8 fits the shape; its text is refused where it is read
    assert_eq!(
        checked(b"DN_1,t\xC3,,x\n", true),
        vec![Err((2, Code::Encoding))]
    );
}
