//! The table format fitted to a terminal's width (`COLUMNS`): no line wider than
//! it, no code, id, number or date split across lines, and one block a row where
//! the table would not fit.

use std::collections::BTreeSet;

use unicode_width::UnicodeWidthStr;

use crate::common;

const WIDTHS: [u16; 4] = [80, 100, 120, 200];

/// `COMMAND` (`check` or `gaps --year 2027`) on `examples/{lang}` as of
/// 2026-09-30 in `lang`, `COLUMNS` wide (`None`: not set).
fn run(command: &[&str], lang: &str, width: Option<u16>) -> String {
    let mut cmd = common::boiduong();
    cmd.args(command).args([
        "--lang",
        lang,
        "--roster",
        &format!("examples/{lang}/roster.csv"),
        "--enrolments",
        &format!("examples/{lang}/enrolments.csv"),
        "--as-of",
        "2026-09-30",
    ]);
    if command == ["check"] {
        cmd.args(["--fail-on", "never"]);
    }
    if let Some(width) = width {
        cmd.env("COLUMNS", width.to_string());
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{command:?} {lang} {width:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The words of `text` that must never be split: those with a digit, an
/// underscore or a hyphen inside (codes, ids, numbers, dates), `(100%)` and the
/// like included.
fn codes(text: &str) -> BTreeSet<&str> {
    text.split_whitespace()
        .filter(|w| {
            w.chars()
                .any(|c| c.is_ascii_digit() || c == '_' || c == '-')
        })
        .filter(|w| w.chars().count() > 1)
        .collect()
}

fn words(text: &str) -> BTreeSet<&str> {
    text.split_whitespace().collect()
}

/// Every line at most `width` columns as a terminal shows it, and every code of
/// the report as long lines print it whole on a line.
fn assert_fits(command: &[&str], lang: &str) {
    let unwrapped = run(command, lang, None);
    let codes = codes(&unwrapped);
    assert!(!codes.is_empty());
    for width in WIDTHS {
        let out = run(command, lang, Some(width));
        for line in out.lines() {
            assert!(
                line.width() <= usize::from(width),
                "{command:?} {lang} at {width}: {} columns: {line}",
                line.width()
            );
        }
        let whole = words(&out);
        let split: Vec<&&str> = codes.iter().filter(|c| !whole.contains(**c)).collect();
        assert!(
            split.is_empty(),
            "{command:?} {lang} at {width}: split {split:?}\n{out}"
        );
    }
}

#[test]
fn check_fits_every_width_in_both_languages_and_splits_no_code() {
    for lang in ["en", "vi"] {
        assert_fits(&["check"], lang);
    }
    // the codes the tables used to cut at 100 columns
    let out = run(&["check"], "en", Some(100));
    for code in [
        "PG-ANNUAL",
        "senior_specialist",
        "title_department",
        "2024-03-29",
        "DN0020",
        "Population",
    ] {
        assert!(out.contains(code), "{code}\n{out}");
    }
}

#[test]
fn gaps_fits_every_width_in_both_languages_and_splits_no_code() {
    for lang in ["en", "vi"] {
        assert_fits(&["gaps", "--year", "2027"], lang);
    }
}

#[test]
fn too_narrow_for_the_table_each_row_is_a_block_and_wide_it_is_a_table() {
    for lang in ["en", "vi"] {
        let narrow = run(&["check"], lang, Some(80));
        assert!(!narrow.contains('┆'), "{lang} at 80 is a table:\n{narrow}");
        // a target's block: its rule, clause and status on a line, its numbers under it
        let block = narrow
            .lines()
            .skip_while(|l| !l.starts_with("TITLE-2Y · II.2.d · "))
            .nth(1)
            .unwrap_or_else(|| panic!("no TITLE-2Y block:\n{narrow}"));
        assert!(
            block.starts_with("  ") && block.contains(": 210"),
            "{block}"
        );
        // a finding's block: the id and the name first
        assert!(
            narrow.contains("\nDN0020 · Bùi Thị Bích Nhung · "),
            "{narrow}"
        );

        let wide = run(&["check"], lang, Some(200));
        assert!(wide.contains("│ TITLE-2Y "), "{wide}");
        assert!(wide.contains("│ DN0020 "), "{wide}");
        assert!(wide.contains("┆ Bùi Thị Bích Nhung "), "{wide}");
        assert!(!wide.contains("TITLE-2Y · "), "{wide}");
    }
}

#[test]
fn at_200_columns_the_targets_are_as_printed_without_a_width() {
    // (some tables of findings are wider than 200 columns: those wrap)
    for lang in ["en", "vi"] {
        let wide = run(&["check"], lang, Some(200));
        let unwrapped = run(&["check"], lang, None);
        let head = |text: &str| -> String {
            text.lines()
                .take_while(|l| !l.starts_with("TITLE-2Y ("))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(head(&wide), head(&unwrapped), "{lang}");
    }
}

#[test]
fn the_window_rows_say_what_their_numbers_count() {
    let en = run(&["check"], "en", None);
    common::has(
        &en,
        "TITLE-2Y: 210 people in scope, all required: 149 done (in Achieved), 6 done late, \
         8 overdue (in Shortfall), 5 due soon, 40 open (not yet due), 2 missing data.\n",
    );
    common::has(
        &en,
        "PLANNED-READY: 90 planned officials in scope, all required: 56 ready (in Achieved), \
         28 not ready (in Shortfall), 6 missing data (in Shortfall).\n",
    );
    let vi = run(&["check"], "vi", None);
    common::has(
        &vi,
        "TITLE-2Y: 210 người trong diện, tất cả đều phải hoàn thành: 149 đã hoàn thành \
         (tính vào cột Đã đạt), 6 hoàn thành muộn, 8 quá hạn (tính vào cột Thiếu), 5 sắp \
         đến hạn, 40 chưa đến hạn, 2 thiếu dữ liệu.\n",
    );
}
