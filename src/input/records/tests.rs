//! The records split here held to those `csv_core` reads, read ahead to those read in
//! place, and the line numbers, blank lines and open quotes of each.

use super::*;

/// A record as the tests compare it: line, end line, blank lines before it,
/// fields, field count, unclosed quote, blank, the text of its fields when UTF-8.
type Seen = (
    u64,
    u64,
    BlankLines,
    Vec<Vec<u8>>,
    usize,
    bool,
    bool,
    Option<Vec<Option<String>>>,
);

/// Every record of `source` with its line, blank lines before it, end line and flags.
fn seen<R: Read>(mut source: Source<R>) -> Vec<Seen> {
    let mut out = Vec::new();
    while source.read().unwrap() {
        let blank = source.take_blank_lines();
        let rec = source.record();
        // what the split of a plain record found is what a look at it finds
        assert_eq!(rec.may_hold_controls(), has_controls(rec.get_all()));
        let fields = (0..rec.len())
            .filter_map(|i| rec.get(i).map(<[u8]>::to_vec))
            .collect();
        out.push((
            rec.line,
            rec.end_line,
            blank,
            fields,
            rec.len(),
            rec.unclosed_quote,
            rec.is_blank(),
            rec.text().map(|text| {
                rec.ranges()
                    .map(|(start, end)| text.get(start..end).map(str::to_owned))
                    .collect()
            }),
        ));
    }
    assert!(!source.read().unwrap());
    out
}

/// Every record of `input`, split by hand where it can be (`plain`) or not.
fn everything(input: &[u8], plain: bool) -> Vec<Seen> {
    let mut r = Records::new(input, None, &|_| false).unwrap();
    r.plain = plain;
    seen(Source::Here(Box::new(r)))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Splitting records by hand (plain, or with quoted fields) gives what csv_core gives.
    #[test]
    fn plain_records_read_as_csv_core_reads_them(parts in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::strategy::Just(b",".to_vec()),
            proptest::strategy::Just(b";".to_vec()),
            proptest::strategy::Just(b"\t".to_vec()),
            proptest::strategy::Just(b"\"".to_vec()),
            // a quoted field whole, with a delimiter inside, or empty
            proptest::strategy::Just(b"\"a,;\tb\"".to_vec()),
            proptest::strategy::Just(b"\"\"".to_vec()),
            proptest::strategy::Just(b"\r\n".to_vec()),
            proptest::strategy::Just(b"\r".to_vec()),
            proptest::strategy::Just(b"\n".to_vec()),
            proptest::strategy::Just(b" ".to_vec()),
            proptest::strategy::Just(b"ab".to_vec()),
            proptest::strategy::Just("Đ".as_bytes().to_vec()),
            proptest::strategy::Just(b"\x01".to_vec()),
            proptest::strategy::Just("\u{85}".as_bytes().to_vec()),
        ],
        0..80,
    )) {
        let input = parts.concat();
        proptest::prop_assert_eq!(everything(&input, true), everything(&input, false));
    }
}

#[test]
fn records_read_ahead_are_the_records_read_here() {
    let mut input = b"id,a,b\r\n\r\n".to_vec();
    for i in 0..20_000 {
        input.extend(format!("{i},\"{}\",x\r\n", "y\n".repeat(i % 3)).as_bytes());
        if i % 1000 == 0 {
            input.extend(b"\r\n,,\r\n");
        }
    }
    input.extend(b"\"open,1,2\n3");
    let here = everything(&input, true);
    let records = Records::new(std::io::Cursor::new(input), None, &|_| false).unwrap();
    assert_eq!(
        seen::<&[u8]>(Source::Ahead(Ahead::start(records, None, None))),
        here
    );
}

/// Batches of ASCII, of Vietnamese and of bytes that are not UTF-8 (one a record
/// ending inside a character whose next record ends it): each record's text is
/// what reading it here finds.
#[test]
fn records_read_ahead_have_the_text_of_records_read_here() {
    let mut input = b"id,name\n".to_vec();
    // batches of 16,384 records: Vietnamese in the first, bytes that are not
    // UTF-8 in the second, ASCII after
    for i in 0..50_000 {
        match (i / 16_384, i % 1000) {
            (0, 1) => input.extend(format!("{i},Đồng Nai\n").as_bytes()),
            (1, 7) => input.extend(b"x,\xC3\n\xA0,y\n"),
            _ => input.extend(format!("{i},Dong Nai\n").as_bytes()),
        }
    }
    let here = everything(&input, true);
    assert!(here.iter().any(|r| r.7.is_none()));
    let fields = |r: &Seen| r.7.clone().unwrap_or_default().into_iter().flatten();
    assert!(here.iter().any(|r| fields(r).eq(["5001", "Đồng Nai"])));
    assert!(here.iter().any(|r| fields(r).eq(["40000", "Dong Nai"])));
    let records = Records::new(std::io::Cursor::new(input), None, &|_| false).unwrap();
    assert_eq!(
        seen::<&[u8]>(Source::Ahead(Ahead::start(records, None, None))),
        here
    );
}

#[test]
fn long_plain_records_and_records_across_buffers_read_as_csv_core_reads_them() {
    let mut input = b"id,a,b\r\n".to_vec();
    // 2 MB: the buffer grows from 64 KiB to 1 MiB on the way
    for i in 0..60_000 {
        input.extend(format!("{i},{},x\r\n", "y".repeat(i % 40)).as_bytes());
    }
    assert!(input.len() > (FILLS_BEFORE_LARGE as usize + 2) * BUFFER);
    input.extend(format!("long,{},z\n", "w".repeat(40_000)).as_bytes());
    input.extend(b"last,1,2");
    assert_eq!(everything(&input, true), everything(&input, false));
}

#[test]
fn records_after_a_head_read_already_are_the_records_of_the_whole() {
    let mut input = b"\xEF\xBB\xBFid,unit\r\n".to_vec();
    for i in 0..6000 {
        input.extend(format!("{i},\"S\u{1edf} {i}, A\"\r\n\n").as_bytes());
    }
    input.extend(b"last,\"open");
    assert!(input.len() > BUFFER + 5);
    let want = everything(&input[3..], true);
    // the head ending anywhere: inside the byte order mark's skip, a record, a
    // character or a line end, after a buffer's worth, or at the end
    for split in [
        3,
        4,
        17,
        18,
        1000,
        BUFFER - 1,
        BUFFER,
        BUFFER + 5,
        input.len(),
    ] {
        let (head, rest) = input.split_at(split);
        let r = Records::after(head.to_vec(), 3, rest, None, &|_| false).unwrap();
        assert_eq!(seen(Source::Here(Box::new(r))), want, "{split}");
    }
    let r = Records::after(Vec::new(), 0, &input[3..], None, &|_| false).unwrap();
    assert_eq!(seen(Source::Here(Box::new(r))), want);
}

#[test]
fn a_quote_around_a_whole_field_is_split_here_and_any_other_is_left_to_csv_core() {
    let q = |rest: &[u8], at| quoted_field(rest, at, b',');
    // around a whole field, first, inside or last, empty or with delimiters
    assert_eq!(q(b"\"a, b\",1\n", 0), Quoted::Ends(6));
    assert_eq!(q(b"1,\"\",2\n", 2), Quoted::Ends(4));
    assert_eq!(q(b"1,\"a;b\"\r\n", 2), Quoted::Ends(7));
    assert_eq!(q(b"1,\"a\"\r2", 2), Quoted::Ends(5));
    // a quote inside a field, doubled, followed by more, or a line break inside
    assert_eq!(q(b"1,a\"b\",2\n", 3), Quoted::Not);
    assert_eq!(q(b"\"a\"\"b\",2\n", 0), Quoted::Not);
    assert_eq!(q(b"\"a\"b,2\n", 0), Quoted::Not);
    assert_eq!(q(b"\"a\nb\",2\n", 0), Quoted::Not);
    assert_eq!(q(b"\"a\rb\",2\n", 0), Quoted::Not);
    // the closing quote, or what follows it, not yet read
    assert_eq!(q(b"1,\"ab", 2), Quoted::Unknown);
    assert_eq!(q(b"1,\"ab\"", 2), Quoted::Unknown);
}

#[test]
fn quoted_fields_read_as_csv_core_reads_them() {
    let mut input = b"id,unit,n\r\n".to_vec();
    let rows: [&[u8]; 14] = [
        b"1,\"S\xE1\xBB\x9F V\xC4\x83n h\xC3\xB3a, Th\xE1\xBB\x83 thao\",2\r\n",
        b"\"2\",\"\",\"x,y;z\"\r\n",
        b"3,\"a\"\"b\",c\n",
        b"4,a\"b\",c\n",
        b"5,\"a\"b,c\n",
        b"6,\"two\nlines\",c\r\n",
        b"7,\"ends\"\r",
        b"8,\"x\x01\",\"\xC2\x85\"\n",
        b"\"\"\n",
        b",\"\",\n",
        b"9,\"a\" ,c\n",
        b"10, \"a\",c\n",
        b"11,\"\xC3\",\"\xA0\"\n",
        b"12,\"unclosed,c\n13,d,e\n",
    ];
    for row in rows {
        input.extend(row);
    }
    assert_eq!(everything(&input, true), everything(&input, false));
    // the last record's closing quote at the end of the file, with no line end
    input.extend(b"14,\"last\"");
    assert_eq!(everything(&input, true), everything(&input, false));
    let mut read = Records::new(&input[..], None, &|_| false).unwrap();
    let mut units = Vec::new();
    while read.read().unwrap() {
        units.push(read.record().get(1).map(<[u8]>::to_vec));
    }
    assert_eq!(units[1].as_deref(), Some("Sở Văn hóa, Thể thao".as_bytes()));
    assert_eq!(units[2].as_deref(), Some(&b""[..]));
}

#[test]
fn quoted_fields_across_buffers_read_as_csv_core_reads_them() {
    let mut input = b"id,a,b\r\n".to_vec();
    // 2 MB: quoted fields of every length meet the end of a read somewhere
    for i in 0..40_000 {
        let field = "y, ".repeat(i % 23);
        input.extend(format!("{i},\"{field}\",\"{}\"\r\n", i % 7).as_bytes());
    }
    assert!(input.len() > (FILLS_BEFORE_LARGE as usize + 2) * BUFFER);
    input.extend(format!("long,\"{}\",z\n", "w".repeat(40_000)).as_bytes());
    input.extend(b"last,\"1\",\"2\"");
    assert_eq!(everything(&input, true), everything(&input, false));
}

fn all(input: &[u8]) -> Vec<(u64, Vec<String>, bool)> {
    let mut r = Records::new(input, None, &|_| false).unwrap();
    let mut out = Vec::new();
    while r.read().unwrap() {
        let rec = r.record();
        let fields = (0..rec.len())
            .map(|i| String::from_utf8_lossy(rec.get(i).unwrap()).into_owned())
            .collect();
        out.push((rec.line, fields, rec.unclosed_quote));
    }
    out
}

fn lines(input: &[u8]) -> Vec<u64> {
    all(input).into_iter().map(|(l, _, _)| l).collect()
}

#[test]
fn counts_physical_lines_for_lf_crlf_and_cr() {
    assert_eq!(lines(b"h\na\nb\n"), vec![1, 2, 3]);
    assert_eq!(lines(b"h\r\na\r\nb\r\n"), vec![1, 2, 3]);
    assert_eq!(lines(b"h\ra\rb\r"), vec![1, 2, 3]);
    assert_eq!(lines(b"h\ra\rb"), vec![1, 2, 3]);
}

#[test]
fn counts_lines_inside_quoted_fields() {
    let got = all(b"h,x\r\n\"multi\r\nline\",1\r\nnext,2\r\n");
    assert_eq!(got[1].0, 2);
    assert_eq!(got[1].1[0], "multi\r\nline");
    assert_eq!(got[2].0, 4);
    assert_eq!(lines(b"h,x\r\"a\rb\rc\",1\rz,2\r"), vec![1, 2, 5]);
}

#[test]
fn remembers_blank_lines_between_records_but_not_at_the_end() {
    let mut r = Records::new(&b"h\r\n\r\na\r\n\r\n\r\nb\r\n\r\n\r\n"[..], None, &|_| {
        false
    })
    .unwrap();
    let mut seen = Vec::new();
    while r.read().unwrap() {
        seen.push((r.record().line, r.take_blank_lines().lines));
    }
    assert_eq!(seen, vec![(1, vec![]), (3, vec![2]), (6, vec![4, 5])]);
    assert_eq!(r.take_blank_lines(), BlankLines::default());
}

#[test]
fn places_the_first_blank_lines_of_a_file_and_counts_the_rest() {
    let mut input = b"h\n".to_vec();
    input.extend(std::iter::repeat_n(b'\n', 30));
    input.extend(b"a\n");
    input.extend(std::iter::repeat_n(b'\n', 100_000));
    input.extend(b"b\n\nc\n");
    let mut r = Records::new(&input[..], None, &|_| false).unwrap();
    let mut seen = Vec::new();
    while r.read().unwrap() {
        seen.push(r.take_blank_lines());
    }
    assert_eq!(seen[1].lines, (2..32).collect::<Vec<u64>>());
    assert_eq!(seen[1].more, 0);
    assert_eq!(seen[2].lines, (33..53).collect::<Vec<u64>>());
    assert_eq!(seen[2].more, 100_000 - 20);
    assert_eq!(
        seen[3],
        BlankLines {
            lines: vec![],
            more: 1
        }
    );
    assert_eq!(r.record().line, 100_035);
}

#[test]
fn detects_the_delimiter_outside_quotes() {
    let none = &|_: &str| false;
    assert_eq!(sniff_delimiter(b"id,full_name,unit\n", none), b',');
    assert_eq!(
        sniff_delimiter("Mã cán bộ;Họ và tên;Cơ quan, đơn vị\n".as_bytes(), none),
        b';'
    );
    assert_eq!(sniff_delimiter(b"\"a;b;c\",x,y\n", none), b',');
    assert_eq!(sniff_delimiter(b"id\tname\tunit, x\n", none), b'\t');
    assert_eq!(sniff_delimiter(b"id\n1;2;3;4\n", none), b',');
}

#[test]
fn prefers_the_delimiter_that_makes_known_headers() {
    let known = &|c: &str| ["Mã cán bộ", "Cơ quan, đơn vị", "Ngày bổ nhiệm, bầu cử"].contains(&c);
    let header = "Mã cán bộ;Cơ quan, đơn vị;Ngày bổ nhiệm, bầu cử\n".as_bytes();
    assert_eq!(sniff_delimiter(header, &|_| false), b',');
    assert_eq!(sniff_delimiter(header, known), b';');
}

#[test]
fn reports_a_quote_left_open_at_the_line_it_opened() {
    let got = all(b"h,x\na,1\n\"open,2\nb,3\nc,4\n");
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].0, 3);
    assert!(got[2].2);
    assert_eq!(got[2].1[0], "open,2\nb,3\nc,4\n");
    // a properly closed multi-line field at the very end is fine
    let ok = all(b"h,x\na,\"1\n2\"");
    assert!(!ok[1].2);
    assert_eq!(ok[1].1, vec!["a", "1\n2"]);
    // an escaped quote at the end does not close the field
    assert!(all(b"h\n\"abc\"\"\n")[1].2);
}

#[test]
fn reads_a_last_record_without_terminator() {
    assert_eq!(all(b"h,x\na,1")[1].1, vec!["a", "1"]);
    assert_eq!(all(b"h,x\na,")[1].1, vec!["a", ""]);
}

#[test]
fn measures_a_field_too_large_to_keep() {
    let mut input = b"h,x\n\"".to_vec();
    input.extend(std::iter::repeat_n(b'y', MAX_RECORD_BYTES + 10));
    input.extend(b"\",2\nz,3\n");
    let mut r = Records::new(&input[..], None, &|_| false).unwrap();
    assert!(r.read().unwrap());
    assert!(r.read().unwrap());
    let rec = r.record();
    assert_eq!(rec.field_len(0), Some(MAX_RECORD_BYTES + 10));
    assert_eq!(rec.get(0), None);
    assert_eq!(rec.len(), 2);
    assert!(r.read().unwrap());
    assert_eq!(r.record().get(0), Some(&b"z"[..]));
    assert_eq!(r.record().line, 3);
}

#[test]
fn blank_records_are_recognised() {
    let mut r = Records::new(&b"a,b,c\n,,\n , ,\n1,,\n"[..], None, &|_| false).unwrap();
    let mut blank = Vec::new();
    while r.read().unwrap() {
        blank.push(r.record().is_blank());
    }
    assert_eq!(blank, vec![false, true, true, false]);
}
