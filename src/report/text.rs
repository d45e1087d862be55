//! The sentences of the report in each language: findings, changes since a
//! baseline, the summary. The fixed words are in `crate::i18n`.

use std::fmt;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::plan::rules::{Finding, PersonStatus};
use crate::report::{Change, FindingRow, ReportRef, Summary};

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
/// piece (issue 6: a national report has 1.5 million of them).
#[derive(Clone, Copy, Debug)]
pub struct Message<'a>(pub &'a Finding, pub Lang);

impl fmt::Display for Message<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (f, lang) = (self.0, self.1);
        let program = f
            .program
            .map_or(lang.words().required_programme, |p| lang.program(p));
        let deadline = MaybeDate(lang, f.deadline);
        let done_on = MaybeDate(lang, f.completed_on);
        match (lang, f.status, f.days) {
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
                let why = f.note.map(|n| lang.note(n));
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
        match f.note {
            Some(note) => write!(out, " ({})", lang.note(note)),
            None => Ok(()),
        }
    }
}

/// One sentence saying what is wrong and by how much.
pub fn finding_message(f: &Finding, lang: Lang) -> String {
    Message(f, lang).to_string()
}

/// What changed about a finding since the baseline: "new", "was due soon", or
/// nothing for a finding that stands as it stood.
pub fn change_note(f: &FindingRow, lang: Lang) -> String {
    match (lang, f.change, f.previous_status) {
        (Lang::En, Some(Change::New), _) => "new".to_owned(),
        (Lang::Vi, Some(Change::New), _) => "mới".to_owned(),
        (Lang::En, Some(Change::Resolved), _) => "resolved".to_owned(),
        (Lang::Vi, Some(Change::Resolved), _) => "đã khắc phục".to_owned(),
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
            "So với báo cáo trước (tính đến {as_of}): {new} mới, {persisting} vẫn còn, \
             {resolved} đã khắc phục; {errors} lỗi mới."
        ),
    }
}
