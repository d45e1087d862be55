//! One finding of the report as JSON, written straight into the bytes of its
//! chunk. The findings are nine tenths of a national report; through serde_json's
//! generic path every key and value was escaped a byte at a time and every piece
//! went through the pretty formatter: about half the rendering's time.
//!
//! The bytes are serde_json's for the same row, pretty-printed at the depth of
//! the findings array: keys in the order of `FindingRow`'s fields, an absent
//! optional field left out, strings escaped as serde_json escapes them, dates as
//! chrono writes them. A property test holds the two to each other for rows of
//! every shape; the report's own test holds whole reports to it.

use chrono::{Datelike, NaiveDate};

use crate::report::FindingRow;

/// What comes before a finding's object, in the findings array (depth 2), and
/// what closes it.
const OPEN: &[u8] = b"\n    {";
const CLOSE: &[u8] = b"\n    }";

/// Write `f` into `out`, from the line break before its `{` to its `}`; the
/// comma between two findings is the caller's.
pub(super) fn write(out: &mut Vec<u8>, f: &FindingRow) {
    out.extend_from_slice(OPEN);
    string(out, b"\n      \"rule\": ", &f.rule);
    string(out, b",\n      \"clause\": ", &f.clause);
    string(out, b",\n      \"id\": ", &f.id);
    string(out, b",\n      \"full_name\": ", &f.full_name);
    string(out, b",\n      \"unit\": ", &f.unit);
    string(out, b",\n      \"title\": ", &f.title);
    string(out, b",\n      \"status\": ", f.status.code());
    string(out, b",\n      \"severity\": ", f.severity.label());
    if let Some(change) = f.change {
        string(out, b",\n      \"change\": ", change.code());
    }
    if let Some(previous) = f.previous_status {
        string(out, b",\n      \"previous_status\": ", previous.code());
    }
    if let Some(program) = f.program {
        string(out, b",\n      \"program\": ", program.code());
    }
    if let Some(anchor) = f.anchor {
        date(out, b",\n      \"anchor\": ", anchor);
    }
    if let Some(deadline) = f.deadline {
        date(out, b",\n      \"deadline\": ", deadline);
    }
    if let Some(days) = f.days_overdue {
        number(out, b",\n      \"days_overdue\": ", days);
    }
    if let Some(days) = f.days_left {
        number(out, b",\n      \"days_left\": ", days);
    }
    if let Some(days) = f.days_late {
        number(out, b",\n      \"days_late\": ", days);
    }
    if let Some(completed) = f.completed_on {
        date(out, b",\n      \"completed_on\": ", completed);
    }
    if let Some(note) = f.note_code {
        string(out, b",\n      \"note_code\": ", note.code());
    }
    if let Some(note) = &f.note {
        string(out, b",\n      \"note\": ", note);
    }
    string(out, b",\n      \"message\": ", &f.message);
    number(out, b",\n      \"line\": ", f.line);
    out.extend_from_slice(CLOSE);
}

/// `key` (with what goes before it and the colon after), then `value` as a JSON
/// string.
fn string(out: &mut Vec<u8>, key: &[u8], value: &str) {
    out.extend_from_slice(key);
    out.push(b'"');
    escaped(out, value.as_bytes());
    out.push(b'"');
}

fn number(out: &mut Vec<u8>, key: &[u8], n: impl itoa::Integer) {
    out.extend_from_slice(key);
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A date as chrono serialises it: `"2026-12-31"`, a year outside 0–9999 with
/// its sign.
fn date(out: &mut Vec<u8>, key: &[u8], date: NaiveDate) {
    use std::io::Write as _;
    out.extend_from_slice(key);
    if !(0..=9999).contains(&date.year()) {
        // writing into a Vec cannot fail
        let _ = write!(out, "\"{date:?}\"");
        return;
    }
    // each number's decimal digits, from the last, into its place
    let put = |place: &mut [u8], mut n: u32| {
        for digit in place.iter_mut().rev() {
            *digit = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    let mut text = *b"\"0000-00-00\"";
    put(&mut text[1..5], date.year().unsigned_abs());
    put(&mut text[6..8], date.month());
    put(&mut text[9..11], date.day());
    out.extend_from_slice(&text);
}

/// `bytes` escaped as serde_json escapes a string: a quote and a backslash with
/// a backslash, the five control characters that have one with their letter,
/// every other control character as `\u00XX` (lowercase); nothing else.
fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    // no branch per byte: the compiler checks many bytes at once
    let plain = bytes.iter().fold(true, |plain, &b| {
        plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
    });
    if plain {
        out.extend_from_slice(bytes);
        return;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x0d => out.extend_from_slice(b"\\r"),
            0..0x20 => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
            _ => out.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;
    use crate::model::status::{Note, PersonStatus};
    use crate::model::{Program, Severity};
    use crate::report::Change;

    /// What serde_json writes for `rows` as the array of an object, less what is
    /// around the array's elements: the bytes the report holds for them.
    fn serde_json_of(rows: &[FindingRow]) -> Vec<u8> {
        #[derive(Serialize)]
        struct Chunk<'r> {
            findings: &'r [FindingRow<'r>],
        }
        let bytes = serde_json::to_vec_pretty(&Chunk { findings: rows }).unwrap();
        let inner = bytes
            .strip_prefix(b"{\n  \"findings\": [".as_slice())
            .and_then(|b| b.strip_suffix(b"\n  ]\n}".as_slice()))
            .unwrap();
        inner.to_vec()
    }

    fn ours(rows: &[FindingRow]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, f) in rows.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write(&mut out, f);
        }
        out
    }

    /// Text with every kind of character JSON escapes, and some it does not.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Đ",
            "ễ",
            "\"",
            "\\",
            "/",
            "\u{0}",
            "\u{8}",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            "\u{1f}",
            "\u{7f}",
            "\u{2028}",
            " ",
            "😀",
            "Sở Nội vụ",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
    }

    fn day() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![(1900i32..2100, 1u32..=366), (-3000i32..12000, 1u32..=366),].prop_map(
            |(y, d)| {
                NaiveDate::from_yo_opt(y, d.min(365))
                    .or(NaiveDate::from_ymd_opt(y, 1, 1))
                    .unwrap()
            },
        )
    }

    fn row() -> impl Strategy<Value = FindingRow<'static>> {
        let status = prop::sample::select(PersonStatus::ALL.to_vec());
        let change = prop::sample::select(vec![Change::New, Change::Persisting, Change::Resolved]);
        let note = prop::sample::select(Note::ALL.to_vec());
        let days = prop_oneof![
            Just(0i64),
            -100_000i64..100_000,
            Just(i64::MIN),
            Just(i64::MAX)
        ];
        let strings = (text(), text(), text(), text(), text(), text());
        let kinds = (
            status.clone(),
            prop::sample::select(vec![Severity::Warning, Severity::Error]),
            prop::option::of(change),
            prop::option::of(status),
            prop::option::of(prop::sample::select(Program::ALL.to_vec())),
        );
        let dates = (
            prop::option::of(day()),
            prop::option::of(day()),
            prop::option::of(day()),
        );
        let numbers = (
            prop::option::of(days.clone()),
            prop::option::of(days.clone()),
            prop::option::of(days),
            any::<u64>(),
        );
        let notes = (prop::option::of(note), prop::option::of(text()), text());
        (strings, kinds, dates, numbers, notes).prop_map(
            |(
                (rule, clause, id, full_name, unit, title),
                (status, severity, change, previous_status, program),
                (anchor, deadline, completed_on),
                (days_overdue, days_left, days_late, line),
                (note_code, note, message),
            )| FindingRow {
                rule: rule.into(),
                clause: clause.into(),
                id: id.into(),
                full_name: full_name.into(),
                unit: unit.into(),
                title: title.into(),
                status,
                severity,
                change,
                previous_status,
                program,
                anchor,
                deadline,
                days_overdue,
                days_left,
                days_late,
                completed_on,
                note_code,
                note: note.map(Cow::Owned),
                message: message.into(),
                line,
            },
        )
    }

    proptest! {
        #[test]
        fn writes_the_bytes_serde_json_writes(rows in prop::collection::vec(row(), 1..4)) {
            prop_assert_eq!(
                String::from_utf8(ours(&rows)).unwrap(),
                String::from_utf8(serde_json_of(&rows)).unwrap()
            );
        }
    }

    #[test]
    fn every_control_character_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..0x80).map(char::from).collect();
        let mut out = Vec::new();
        escaped(&mut out, all.as_bytes());
        let theirs = serde_json::to_vec(&all).unwrap();
        assert_eq!(out, theirs[1..theirs.len() - 1]);
    }

    #[test]
    fn dates_at_the_edges_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2024, 2, 29),
            (2026, 12, 31),
            (0, 1, 1),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 12, 31),
            (5, 3, 7),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = Vec::new();
            date(&mut out, b"", day);
            assert_eq!(out, serde_json::to_vec(&day).unwrap(), "{day:?}");
        }
    }
}
