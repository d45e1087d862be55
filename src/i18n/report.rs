//! The sentences of the reports in each language, with the numbers in them:
//! target cells, findings, changes since a baseline, headings and summary lines
//! of `check` and `diff` (shared by the table and Markdown), and the lines of
//! `rules` and `explain`. The fixed words are in `crate::i18n`; the renderers
//! (`crate::render`) only lay these out.
//!
//! The report model holds codes: a finding's note and message, and a target
//! row's note, are worded here (`worded`, `worded_target`) as they are rendered.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::plan::rules::{PersonStatus, TargetResult, TargetStatus};
use crate::plan::{EMBEDDED_FILE, EMBEDDED_NAME, Glossary, Target};
use crate::report::diff::Diff;
use crate::report::{Change, FindingRow, Report, ReportRef, Shown, Summary};

/// `1 day`, `2 days`; `1 ngày`, `2 ngày`.
struct Days(Lang, i64);

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Lang::En, 1) => f.write_str("1 day"),
            (Lang::En, n) => write!(f, "{n} days"),
            (Lang::Vi, n) => write!(f, "{n} ngày"),
        }
    }
}

/// A date as the language writes it, or nothing.
struct MaybeDate(Lang, Option<NaiveDate>);

impl fmt::Display for MaybeDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(d) => write!(f, "{}", self.0.date(d)),
            None => Ok(()),
        }
    }
}

/// One sentence saying what is wrong and by how much, written without a string per
/// piece (a national report has 1.5 million of them); the programme named as
/// the plan (`Glossary`) names it.
#[derive(Clone, Copy, Debug)]
pub struct Message<'a>(pub &'a FindingRow<'a>, pub Lang, pub &'a Glossary);

impl fmt::Display for Message<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (f, lang, glossary) = (self.0, self.1, self.2);
        let program = f.program.map_or(lang.words().required_programme, |p| {
            glossary.program(p, lang)
        });
        let deadline = MaybeDate(lang, f.deadline);
        let done_on = MaybeDate(lang, f.completed_on);
        // the days in the field the status names
        let days = f.days_overdue.or(f.days_left).or(f.days_late);
        match (lang, f.status, days) {
            (Lang::En, PersonStatus::Overdue, Some(n)) => write!(
                out,
                "{program} not completed; deadline {deadline}, overdue by {}",
                Days(lang, n)
            )?,
            (Lang::Vi, PersonStatus::Overdue, Some(n)) => write!(
                out,
                "{program}: chưa hoàn thành; hạn {deadline}, quá hạn {}",
                Days(lang, n)
            )?,
            (Lang::En, PersonStatus::DueSoon, Some(n)) => write!(
                out,
                "{program} not completed; deadline {deadline}, {} left",
                Days(lang, n)
            )?,
            (Lang::Vi, PersonStatus::DueSoon, Some(n)) => write!(
                out,
                "{program}: chưa hoàn thành; hạn {deadline}, còn {}",
                Days(lang, n)
            )?,
            (Lang::En, PersonStatus::Late, Some(n)) => write!(
                out,
                "{program} completed on {done_on}, {} after the deadline {deadline}",
                Days(lang, n)
            )?,
            (Lang::Vi, PersonStatus::Late, Some(n)) => write!(
                out,
                "{program}: hoàn thành ngày {done_on}, muộn {} so với hạn {deadline}",
                Days(lang, n)
            )?,
            (Lang::En, PersonStatus::NotReady, _) => write!(
                out,
                "{program} (the planned title's programme) not completed"
            )?,
            (Lang::Vi, PersonStatus::NotReady, _) => write!(
                out,
                "{program} (chương trình của chức danh quy hoạch): chưa hoàn thành"
            )?,
            (_, PersonStatus::MissingData, _) => {
                let why = f.note_code.map(|n| lang.note(n));
                return match lang {
                    Lang::En => write!(
                        out,
                        "cannot be checked: {}",
                        why.unwrap_or("data is missing")
                    ),
                    Lang::Vi => write!(
                        out,
                        "không kiểm tra được: {}",
                        why.unwrap_or("thiếu dữ liệu")
                    ),
                };
            }
            (_, status, _) => out.write_str(lang.person_status(status))?,
        }
        match f.note_code {
            Some(note) => write!(out, " ({})", lang.note(note)),
            None => Ok(()),
        }
    }
}

/// A finding with its note and message in `lang`, worded from its codes (its
/// status, programme, dates, days and `note_code`): what every renderer shows
/// of it. A finding read back from an earlier report is worded again, so that
/// a report written in one language is read in the other.
pub fn worded<'a>(f: FindingRow<'a>, lang: Lang, glossary: &Glossary) -> FindingRow<'a> {
    let message = Message(&f, lang, glossary).to_string();
    with_words(f, lang, Cow::Owned(message))
}

/// [`worded`], its message written into `message` (emptied first) and borrowed
/// from it: for a renderer that words a million findings one after another.
pub fn worded_in<'a>(
    f: FindingRow<'a>,
    lang: Lang,
    glossary: &Glossary,
    message: &'a mut String,
) -> FindingRow<'a> {
    use std::fmt::Write as _;
    message.clear();
    // writing into a String cannot fail
    let _ = write!(message, "{}", Message(&f, lang, glossary));
    with_words(f, lang, Cow::Borrowed(message))
}

fn with_words<'a>(f: FindingRow<'a>, lang: Lang, message: Cow<'a, str>) -> FindingRow<'a> {
    FindingRow {
        // a report older than `note_code` carried only its words
        note: f.note_code.map(|n| Cow::Borrowed(lang.note(n))).or(f.note),
        message,
        ..f
    }
}

/// A target row of the report with its note in `lang`.
pub fn worded_target(t: &TargetResult, lang: Lang) -> TargetResult {
    TargetResult {
        note: t.note_code.map(|n| lang.target_note(n).to_owned()),
        ..t.clone()
    }
}

/// What changed about a finding since the baseline: "new", "was due soon", or
/// nothing for a finding that stands as it stood.
pub fn change_note(f: &FindingRow, lang: Lang) -> String {
    match (lang, f.change, f.previous_status) {
        (_, Some(change @ (Change::New | Change::Resolved)), _) => lang.change(change).to_owned(),
        (_, Some(Change::Persisting), Some(before)) if before != f.status => match lang {
            Lang::En => format!("was {}", lang.person_status(before)),
            Lang::Vi => format!("trước: {}", lang.person_status(before)),
        },
        _ => String::new(),
    }
}

/// "Since the baseline (as of 2026-09-30): 12 new, 70 persisting, 8 resolved; 3 new errors."
pub fn since_baseline(baseline: &ReportRef, s: &Summary, lang: Lang) -> String {
    let n = |v: Option<usize>| v.unwrap_or(0);
    let as_of = lang.date(baseline.as_of);
    let (new, persisting, resolved, errors) =
        (n(s.new), n(s.persisting), n(s.resolved), n(s.new_errors));
    match lang {
        Lang::En => format!(
            "Since the baseline (as of {as_of}): {new} new, {persisting} persisting, \
             {resolved} resolved; {errors} new errors."
        ),
        Lang::Vi => format!(
            "So với báo cáo trước (tính đến ngày {as_of}): {new} mới, {persisting} vẫn còn, \
             {resolved} đã khắc phục; {errors} trường hợp mức lỗi mới."
        ),
    }
}

/// A finding's days: `12 overdue`, `40 left`, `3 late`; `quá hạn 12 ngày`,
/// `còn 40 ngày`, `muộn 3 ngày`; or nothing.
pub fn days_cell(f: &FindingRow, lang: Lang) -> String {
    match (lang, f.days_overdue, f.days_left, f.days_late) {
        (Lang::En, Some(n), _, _) => format!("{n} overdue"),
        (Lang::Vi, Some(n), _, _) => format!("quá hạn {}", Days(lang, n)),
        (Lang::En, _, Some(n), _) => format!("{n} left"),
        (Lang::Vi, _, Some(n), _) => format!("còn {}", Days(lang, n)),
        (Lang::En, _, _, Some(n)) => format!("{n} late"),
        (Lang::Vi, _, _, Some(n)) => format!("muộn {}", Days(lang, n)),
        _ => String::new(),
    }
}

// ---- check

/// The first lines of a report: the plan and the as-of date, then the inputs.
/// The plan file as a report names it: the JSON's `plan_file`; the embedded
/// plan's name said in the reader's language.
pub fn plan_file(plan_file: &str, lang: Lang) -> Cow<'_, str> {
    match lang {
        Lang::Vi if plan_file == EMBEDDED_NAME => {
            Cow::Owned(format!("{EMBEDDED_FILE} (có sẵn trong chương trình)"))
        }
        _ => Cow::Borrowed(plan_file),
    }
}

pub fn report_heading(report: &Report, lang: Lang) -> (String, String) {
    let inputs = &report.inputs;
    let (roster, enrolments) = (&inputs.roster, &inputs.enrolments);
    let as_of = lang.date(report.as_of);
    match lang {
        Lang::En => (
            format!("boiduong: plan {} as of {as_of}", report.plan),
            format!(
                "roster: {} ({} rows) · enrolments: {} ({} rows)",
                roster.path, roster.rows, enrolments.path, enrolments.rows
            ),
        ),
        Lang::Vi => (
            format!("boiduong: Kế hoạch {}, tính đến ngày {as_of}", report.plan),
            format!(
                "danh sách cán bộ: {} ({} dòng) · danh sách đào tạo, bồi dưỡng: {} ({} dòng)",
                roster.path, roster.rows, enrolments.path, enrolments.rows
            ),
        ),
    }
}

/// The heading of the findings resolved since a baseline.
pub fn resolved_heading(baseline: &ReportRef, n: usize, lang: Lang) -> String {
    let as_of = lang.date(baseline.as_of);
    match lang {
        Lang::En => format!(
            "Resolved since the baseline ({}, as of {as_of}): {n}",
            baseline.path
        ),
        Lang::Vi => format!(
            "Đã khắc phục so với báo cáo trước ({}, tính đến ngày {as_of}): {n}",
            baseline.path
        ),
    }
}

/// The target rows of a report by their status as people read it
/// (`Lang::row_status`), each word once, in the order of the statuses, zeros
/// included: in Vietnamese the rows without data because the plan sets no number
/// are counted apart from the others without data.
pub fn rows_by_status(report: &Report, lang: Lang) -> Vec<(&'static str, usize)> {
    let words = TargetStatus::ALL
        .map(|status| lang.target_status(status))
        .into_iter()
        .chain([lang.words().no_quota]);
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for word in words {
        if !counts.iter().any(|(w, _)| *w == word) {
            counts.push((word, 0));
        }
    }
    for t in &report.targets {
        let word = lang.row_status(t.status, t.detail.key_numbers().required);
        if let Some((_, n)) = counts.iter_mut().find(|(w, _)| *w == word) {
            *n += 1;
        }
    }
    counts
}

/// One line: how many targets stand where, and the errors and warnings (in
/// Vietnamese named by what they are: a gap or an overdue official is an error).
pub fn summary_line(report: &Report, lang: Lang) -> String {
    let s = &report.summary;
    let parts: Vec<String> = rows_by_status(report, lang)
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(word, n)| format!("{n} {}", word.to_lowercase()))
        .collect();
    let parts = parts.join(", ");
    let mut line = match lang {
        Lang::En => format!(
            "Summary: {} target rows ({parts}); {} errors, {} warnings.",
            s.targets, s.errors, s.warnings
        ),
        Lang::Vi => format!(
            "Tổng hợp: {} dòng chỉ tiêu ({parts}); {} trường hợp mức lỗi{}, {} trường hợp mức \
             cảnh báo.",
            s.targets,
            s.errors,
            // what an error is, where there are some
            if s.errors > 0 {
                " (chỉ tiêu chưa đạt, cán bộ quá hạn)"
            } else {
                ""
            },
            s.warnings
        ),
    };
    if let Some(baseline) = &report.baseline {
        line.push(' ');
        line.push_str(&since_baseline(baseline, s, lang));
    }
    if s.rows_left_out > 0 {
        line.push_str(&match lang {
            Lang::En => format!(
                " {} input rows were left out (--skip-invalid): this report is incomplete.",
                s.rows_left_out
            ),
            Lang::Vi => format!(
                " {} dòng dữ liệu bị bỏ qua (--skip-invalid): báo cáo này chưa đầy đủ.",
                s.rows_left_out
            ),
        });
    }
    line
}

/// Under a Markdown table cut short: how many more, and where they all are.
pub fn more_rows(more: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "\n*… and {more} more: every finding is in `--format csv` or `--format json`.*\n"
        ),
        Lang::Vi => format!(
            "\n*… và {more} trường hợp nữa: mọi trường hợp có trong `--format csv` hoặc `--format json`.*\n"
        ),
    }
}

// ---- diff

/// The first line of a diff.
pub fn diff_heading(diff: &Diff, lang: Lang) -> String {
    let (old, new) = (lang.date(diff.old.as_of), lang.date(diff.new.as_of));
    match lang {
        Lang::En => format!("boiduong diff: plan {}, as of {old} → {new}", diff.plan),
        Lang::Vi => format!(
            "boiduong diff: Kế hoạch {}, tính đến ngày {old} → {new}",
            diff.plan
        ),
    }
}

/// The two reports of a diff, with when each was generated (the table's second line).
pub fn diff_reports(diff: &Diff, lang: Lang) -> String {
    let (old, new) = (&diff.old, &diff.new);
    match lang {
        Lang::En => format!(
            "old: {} (generated {}) · new: {} (generated {})",
            old.path, old.generated_at, new.path, new.generated_at,
        ),
        Lang::Vi => format!(
            "cũ: {} (lập lúc {}) · mới: {} (lập lúc {})",
            old.path, old.generated_at, new.path, new.generated_at,
        ),
    }
}

/// The two reports of a diff, named only (Markdown's second line); the paths as given.
pub fn diff_paths(old: &str, new: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Old: {old} · new: {new}"),
        Lang::Vi => format!("Cũ: {old} · mới: {new}"),
    }
}

/// "Targets that moved: 8 of 33".
pub fn moved_heading(diff: &Diff, lang: Lang) -> String {
    let s = &diff.summary;
    match lang {
        Lang::En => format!("Targets that moved: {} of {}", s.targets_moved, s.targets),
        Lang::Vi => format!("Chỉ tiêu thay đổi: {} trên {}", s.targets_moved, s.targets),
    }
}

/// "Units whose findings changed: 3 of 40".
pub fn units_heading(changed: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Units whose findings changed: {changed} of {all}"),
        Lang::Vi => format!("Đơn vị có thay đổi: {changed} trên {all}"),
    }
}

/// One line: the findings new, resolved and persisting, the new errors, the targets that moved.
pub fn diff_summary_line(diff: &Diff, lang: Lang) -> String {
    let s = &diff.summary;
    match lang {
        Lang::En => format!(
            "Summary: {} new, {} resolved, {} persisting ({} changed status); {} new errors; \
             {} of {} target rows moved.",
            s.new,
            s.resolved,
            s.persisting,
            s.changed_status,
            s.new_errors,
            s.targets_moved,
            s.targets
        ),
        Lang::Vi => format!(
            "Tổng hợp: {} mới, {} đã khắc phục, {} vẫn còn ({} đổi tình trạng); \
             {} trường hợp mức lỗi mới; \
             {} trên {} dòng chỉ tiêu thay đổi.",
            s.new,
            s.resolved,
            s.persisting,
            s.changed_status,
            s.new_errors,
            s.targets_moved,
            s.targets
        ),
    }
}

// ---- rules and explain

/// The line above the list of `rules`.
pub fn rules_heading(plan: &str, issued: NaiveDate, n: usize, lang: Lang) -> String {
    let issued = lang.date(issued);
    match lang {
        Lang::En => format!(
            "plan {plan} ({issued}), {n} targets; `boiduong explain RULE` says more about one"
        ),
        Lang::Vi => format!(
            "Kế hoạch {plan} ({issued}), {n} chỉ tiêu; `boiduong explain MÃ` giải thích từng chỉ tiêu"
        ),
    }
}

/// The target's text in `lang`: the plan's own words in Vietnamese (the English
/// text where the plan file has none).
pub fn target_text(t: &Target, lang: Lang) -> &str {
    match lang {
        Lang::En => &t.text_en,
        Lang::Vi if t.text_vi.is_empty() => &t.text_en,
        Lang::Vi => &t.text_vi,
    }
}

/// The first line of `explain`: the rule, its clauses, its kind and the plan.
pub fn explain_heading(rule: &str, clauses: &str, kind: &str, plan: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{rule} ({clauses}): a {kind} rule of plan {plan}\n"),
        Lang::Vi => format!("{rule} ({clauses}): chỉ tiêu loại {kind} của Kế hoạch {plan}\n"),
    }
}

/// A target under "The plan's words": its clause and the plan's Vietnamese, then
/// in English the translation below it.
pub fn plans_words(t: &Target, lang: Lang, glossary: &Glossary) -> String {
    match lang {
        Lang::En => format!("{}: {}\n  ({})\n", t.clause, t.text_vi, t.text_en),
        Lang::Vi => format!(
            "{}: {}\n",
            glossary.clause(&t.clause, lang),
            target_text(t, lang)
        ),
    }
}

/// What `--findings errors` or `none` left out of the list, in place of the
/// rows; nothing with every finding listed.
pub fn findings_not_listed(report: &Report, lang: Lang) -> Option<String> {
    let n = report.not_listed;
    Some(match (report.shown, lang) {
        (Shown::All, _) => return None,
        (Shown::Errors, Lang::En) => format!(
            "Only errors are listed (--findings errors): {n} warnings are counted in the summary, not listed."
        ),
        (Shown::Errors, Lang::Vi) => format!(
            "Chỉ liệt kê các trường hợp mức lỗi (--findings errors): {n} trường hợp mức cảnh báo được tính trong phần tổng hợp, không liệt kê."
        ),
        (Shown::None, Lang::En) => {
            format!("No finding is listed (--findings none); the summary counts all {n}.")
        }
        (Shown::None, Lang::Vi) => format!(
            "Không liệt kê từng trường hợp (--findings none); phần tổng hợp tính đủ {n} trường hợp."
        ),
    })
}

// ---- the workbook of check

/// "At level 4+": those of the language groups at the level or above.
pub fn at_level(level: u8, lang: Lang) -> String {
    match lang {
        Lang::En => format!("At level {level}+"),
        Lang::Vi => format!("Đạt bậc {level} trở lên"),
    }
}

/// "Share at level 4+".
pub fn share_at_level(level: u8, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Share at level {level}+"),
        Lang::Vi => format!("Tỷ lệ đạt bậc {level} trở lên"),
    }
}

/// The heading of the language groups' table (and title of its chart).
pub fn shares_heading(level: u8, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Language groups: share at level {level}+ against the target"),
        Lang::Vi => format!("Nhóm ngoại ngữ: tỷ lệ đạt bậc {level} trở lên so với chỉ tiêu"),
    }
}

/// The last row of a rule's sheet when its findings are more than a sheet holds.
pub fn rows_beyond_sheet(more: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "… and {more} more, beyond the rows a worksheet holds: every finding is in \
             `--format csv` or `--format json`."
        ),
        Lang::Vi => format!(
            "… và {more} trường hợp nữa, vượt quá số dòng của một trang tính: mọi trường hợp \
             có trong `--format csv` hoặc `--format json`."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workbooks_sentences_are_nfc() {
        for lang in [Lang::En, Lang::Vi] {
            for text in [
                at_level(4, lang),
                share_at_level(4, lang),
                shares_heading(4, lang),
                rows_beyond_sheet(2, lang),
            ] {
                assert!(unicode_normalization::is_nfc(&text), "{text:?}");
            }
        }
    }
}
