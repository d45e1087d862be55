//! Reading both files at once reports exactly what reading them in order does.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};

use boiduong::diag::Diagnostics;
use boiduong::input::{LoadOptions, Loaded, load_at_once, load_in_order};
use boiduong::model::Program;
use chrono::NaiveDate;

fn options(roster: &Path, enrolments: &Path) -> LoadOptions {
    crate::common::load_options(
        roster,
        enrolments,
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    )
}

/// Everything a run takes from the inputs, as text to compare.
fn seen(loaded: &Option<Loaded>, diags: &Diagnostics) -> String {
    let mut out = crate::common::diagnostics_seen(diags);
    let Some(loaded) = loaded else {
        return out + "nothing loaded";
    };
    out += &serde_json::to_string(&loaded.files).unwrap();
    out += &format!("\nleft out {}\n", loaded.enrolments_of_rejected);
    let h = &loaded.history;
    for (idx, o) in loaded.roster.iter() {
        out += &format!("{:?} {o:?}", loaded.roster.names(idx));
        for p in Program::ALL {
            out += &format!(" {:?} {}", h.completed(idx, p), h.in_progress(idx, p) as u8);
            for year in 2015..2030 {
                out += if h.started_in(idx, p, year) { "s" } else { "." };
                out += if h.abroad_in(idx, year) { "a" } else { "." };
            }
        }
        out += "\n";
    }
    out
}

fn same_both_ways(roster: &Path, enrolments: &Path) {
    let o = options(roster, enrolments);
    let (mut d1, mut d2) = (Diagnostics::default(), Diagnostics::default());
    let at_once = load_at_once(&o, 2023, &mut d1).unwrap();
    let in_order = load_in_order(&o, 2023, &mut d2).unwrap();
    assert_eq!(
        seen(&at_once, &d1),
        seen(&in_order, &d2),
        "{roster:?} {enrolments:?}"
    );
}

/// Every directory under `root` with a roster and an enrolments file.
fn scenarios(root: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|dir| dir.join("roster.csv").exists() && dir.join("enrolments.csv").exists())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn the_bundled_files_read_the_same_both_ways() {
    let roots = ["tests/fixtures", "tests/fixtures/bad-input", "examples"];
    let dirs: Vec<PathBuf> = roots.iter().flat_map(|root| scenarios(root)).collect();
    assert!(dirs.len() > 60, "{dirs:?}");
    for dir in dirs {
        same_both_ways(&dir.join("roster.csv"), &dir.join("enrolments.csv"));
    }
}

const ROSTER: &str = "id,full_name,role,title_level,appointed_on\n\
    A,An,incumbent,department,01/02/2024\n\
    B,Bình,planned,district,\n\
    C,Chi,incumbent,district,31/02/2024\n\
    A,Again,planned,district,\n\
    D,Dũng,incumbent,department,01/01/2023\n";

fn files(dir: &Path, roster: &str, enrolments: &str) -> (PathBuf, PathBuf) {
    let (r, e) = (dir.join("roster.csv"), dir.join("enrolments.csv"));
    std::fs::write(&r, roster).unwrap();
    std::fs::write(&e, enrolments).unwrap();
    (r, e)
}

#[test]
fn unknown_ids_rejected_officials_and_duplicates_read_the_same_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let header = "id,program,started_on,completed_on,status\n";
    let good = "D,sector,2024-01-01,2024-03-01,completed\n\
        A,title_department,2024-01-01,,enrolled\n\
        D,sector,2024-01-01,2024-03-01,completed\n\
        B,language,2024-05-01,,\n\
        A,title_department,2024-01-01,,enrolled\n\
        D,sector,2025-13-01,,\n\
        \n\
        B,language,2024-05-01,,\n";
    let cases = [
        // every id known: read at once
        format!("{header}{good}"),
        // an unknown id between duplicates
        format!("{header}{good}Z,sector,2024-01-01,,\n{good}"),
        // the rejected official C
        format!("{header}{good}C,sector,2024-01-01,,\nC,sector,2024-01-01,,\n"),
        // nothing but the header
        header.to_owned(),
    ];
    let clean_roster = ROSTER
        .replace("A,Again,planned,district,\n", "")
        .replace("31/02", "28/02");
    for roster in [ROSTER, clean_roster.as_str()] {
        for enrolments in &cases {
            let (r, e) = files(dir.path(), roster, enrolments);
            same_both_ways(&r, &e);
        }
    }
    // one file missing or empty
    let (r, e) = files(dir.path(), ROSTER, &cases[0]);
    same_both_ways(&dir.path().join("none.csv"), &e);
    same_both_ways(&r, &dir.path().join("none.csv"));
    let (r, e) = files(dir.path(), "", &cases[1]);
    same_both_ways(&r, &e);
}

#[test]
fn a_roster_without_rows_and_rows_swallowed_by_a_quote_read_the_same_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let enrolments = "id,program,started_on,completed_on,status\n\
        A,sector,2024-01-01,2024-03-01,completed\n\
        B,language,2024-05-01,,\n\
        D,sector,2024-01-01,,\n";
    let header_only = "id,full_name,role,title_level,appointed_on\n";
    let swallowed = ROSTER.replace("B,Bình,", "B,\"Bình,");
    for roster in [header_only, swallowed.as_str()] {
        let (r, e) = files(dir.path(), roster, enrolments);
        same_both_ways(&r, &e);
    }
}

/// The bytes the progress hook is told of while `load` reads.
fn hooked(
    load: fn(&LoadOptions, i32, &mut Diagnostics) -> anyhow::Result<Option<Loaded>>,
    roster: &Path,
    enrolments: &Path,
) -> u64 {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let read = Arc::new(AtomicU64::new(0));
    let counted = Arc::clone(&read);
    let options = LoadOptions {
        on_read: Some(boiduong::input::source::ReadHook(Arc::new(move |n| {
            counted.fetch_add(n as u64, Ordering::Relaxed);
        }))),
        ..options(roster, enrolments)
    };
    load(&options, 2023, &mut Diagnostics::default()).unwrap();
    read.load(Ordering::Relaxed)
}

#[test]
fn the_progress_hook_is_told_of_every_byte_once_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let known = "id,program,started_on,completed_on,status\nD,sector,2024-01-01,,\n";
    let unknown = format!("{known}Z,sector,2024-01-01,,\n");
    for enrolments in [known, unknown.as_str()] {
        let (r, e) = files(dir.path(), ROSTER, enrolments);
        let size = |p: &Path| std::fs::metadata(p).unwrap().len();
        let total = size(&r) + size(&e);
        assert_eq!(hooked(load_in_order, &r, &e), total);
        // an unknown id makes the enrolments read again: not counted again
        assert_eq!(hooked(load_at_once, &r, &e), total);
    }
}
