//! An enrolments file large enough to be read ahead (over 4 MiB: split into records,
//! and its plain cells read, on a thread of its own) reports exactly what a small
//! file of the same rows does, where every row is read on one thread.

use std::fmt::Write;
use std::path::Path;

use boiduong::diag::Diagnostics;
use boiduong::input::{Loaded, load_at_once};
use boiduong::model::Program;
use chrono::NaiveDate;

/// Officials `P0`–`P9` hold the rows under test, `F0`–`F9` the rows that fill the
/// large file.
fn roster() -> String {
    let mut roster = String::from("id,full_name,role,title_level,appointed_on\n");
    for who in ["P", "F"] {
        for i in 0..10 {
            writeln!(
                roster,
                "{who}{i},Tên {who}{i},incumbent,department,01/02/2024"
            )
            .unwrap();
        }
    }
    roster
}

/// Every combination of cells as exports write them: canonical codes and dates, and
/// spaces, other spellings, other date shapes, 29 February, the as-of date and the
/// day after, dates that do not exist, values that are not allowed, empty cells.
fn rows_under_test() -> String {
    let programs = [
        "sector", " sector", "Sector", "SECTOR ", "sectr", "", "language",
    ];
    let starts = [
        "2024-02-29",
        "2023-02-29",
        "29/02/2024",
        "2024-2-29",
        "",
        "2026-11-25",
        "2026-11-26",
        "2024-01-05 ",
        "45000",
        "05/01/24",
        "2024-13-01",
    ];
    let ends = [
        "",
        "2024-03-01",
        "2024-01-01",
        "2026-11-26",
        "2026-11-25",
        "later",
        "01/03/2024",
    ];
    let statuses = [
        "",
        "completed",
        "enrolled",
        "withdrawn",
        "Completed",
        "done",
        " completed",
    ];
    let abroad = ["", "yes", "no", "true", "x", " yes"];
    let mut rows = String::new();
    let mut n = 0;
    for p in programs {
        for s in starts {
            for e in ends {
                for st in statuses {
                    for a in abroad {
                        writeln!(rows, "P{},{p},{s},{e},{st},{a}", n % 10).unwrap();
                        n += 1;
                    }
                }
            }
        }
    }
    // an id the roster does not have
    rows + "Z9,sector,2024-01-01,,,\n"
}

/// Valid rows, none a copy of another or of a row under test, none with a word to
/// say, to make the file large.
fn filler(bytes: usize) -> String {
    let mut rows = String::new();
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    'fill: for day in 0.. {
        for program in Program::ALL {
            for i in 0..10 {
                if rows.len() > bytes {
                    break 'fill;
                }
                let date = first + chrono::Days::new(day);
                writeln!(rows, "F{i},{},{date},,withdrawn,no", program.code()).unwrap();
            }
        }
    }
    rows
}

/// The diagnostics, and what the rows under test say of officials `P0`–`P9`.
fn seen(loaded: &Option<Loaded>, diags: &Diagnostics) -> String {
    let mut out = crate::common::diagnostics_seen(diags);
    let Some(loaded) = loaded else {
        return out + "nothing loaded";
    };
    let h = &loaded.history;
    for (idx, _) in loaded.roster.iter().take(10) {
        for p in Program::ALL {
            write!(out, " {:?} {}", h.completed(idx, p), h.in_progress(idx, p)).unwrap();
            for year in 2022..2028 {
                out += if h.started_in(idx, p, year) { "s" } else { "." };
                out += if h.abroad_in(idx, year) { "a" } else { "." };
            }
        }
        out += "\n";
    }
    out
}

/// What reading `enrolments` as `dir/enrolments.csv` gives, `dir` left out.
fn read(dir: &Path, enrolments: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let (r, e) = (dir.join("roster.csv"), dir.join("enrolments.csv"));
    std::fs::write(&r, roster()).unwrap();
    std::fs::write(&e, enrolments).unwrap();
    let options =
        crate::common::load_options(&r, &e, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    let mut diags = Diagnostics::default();
    let loaded = load_at_once(&options, 2023, &mut diags).unwrap();
    seen(&loaded, &diags).replace(&dir.display().to_string(), "")
}

#[test]
fn a_file_read_ahead_reports_every_row_as_a_small_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let header = "id,program,started_on,completed_on,status,abroad\n";
    let tested = rows_under_test();
    let small = format!("{header}{tested}");
    assert!(small.len() < 4 << 20);
    // the rows under test first, on the same lines in both files
    let large = format!("{small}{}", filler(5 << 20));
    let small_seen = read(&dir.path().join("small"), &small);
    let large_seen = read(&dir.path().join("large"), &large);
    for code in [
        "bad-value",
        "bad-date",
        "bad-range",
        "future-date",
        "inconsistent",
    ] {
        assert!(small_seen.contains(code), "{code}");
    }
    let first_difference = small_seen
        .lines()
        .zip(large_seen.lines())
        .position(|(s, l)| s != l);
    assert_eq!(
        first_difference, None,
        "line {first_difference:?} of what was read differs"
    );
    assert_eq!(small_seen, large_seen);
}
