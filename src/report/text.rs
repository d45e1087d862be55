//! The words of the report, in one place: statuses, headings and finding sentences.

use std::fmt;

use chrono::NaiveDate;

use crate::plan::rules::{Finding, PersonStatus, TargetStatus};
use crate::report::{Change, FindingRow, ReportRef, Summary};

/// A target status as people read it.
pub fn target_status(status: TargetStatus) -> &'static str {
    match status {
        TargetStatus::Met => "met",
        TargetStatus::AtRisk => "at risk",
        TargetStatus::Gap => "GAP",
        TargetStatus::InProgress => "in progress",
        TargetStatus::Open => "open",
        TargetStatus::NoData => "no data",
    }
}

/// A person's status as people read it.
pub fn person_status(status: PersonStatus) -> &'static str {
    match status {
        PersonStatus::Done => "done",
        PersonStatus::Late => "late",
        PersonStatus::Overdue => "overdue",
        PersonStatus::DueSoon => "due soon",
        PersonStatus::Open => "open",
        PersonStatus::MissingData => "missing data",
        PersonStatus::NotReady => "not ready",
    }
}

/// `1 day`, `2 days`.
struct Days(i64);

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 day"),
            n => write!(f, "{n} days"),
        }
    }
}

/// A date, or nothing.
struct MaybeDate(Option<NaiveDate>);

impl fmt::Display for MaybeDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => write!(f, "{d}"),
            None => Ok(()),
        }
    }
}

/// One sentence saying what is wrong and by how much, written without a string per
/// piece (issue 6: a national report has 1.5 million of them).
#[derive(Clone, Copy, Debug)]
pub struct Message<'a>(pub &'a Finding);

impl fmt::Display for Message<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let f = self.0;
        let program = f.program.map_or("the required programme", |p| p.code());
        let deadline = MaybeDate(f.deadline);
        match (f.status, f.days) {
            (PersonStatus::Overdue, Some(n)) => write!(
                out,
                "{program} not completed; deadline {deadline}, overdue by {}",
                Days(n)
            )?,
            (PersonStatus::DueSoon, Some(n)) => write!(
                out,
                "{program} not completed; deadline {deadline}, {} left",
                Days(n)
            )?,
            (PersonStatus::Late, Some(n)) => write!(
                out,
                "{program} completed on {}, {} after the deadline {deadline}",
                MaybeDate(f.completed_on),
                Days(n)
            )?,
            (PersonStatus::NotReady, _) => write!(
                out,
                "{program} (the planned title's programme) not completed"
            )?,
            (PersonStatus::MissingData, _) => {
                return write!(
                    out,
                    "cannot be checked: {}",
                    f.note.unwrap_or("data is missing")
                );
            }
            (status, _) => out.write_str(person_status(status))?,
        }
        match f.note {
            Some(note) => write!(out, " ({note})"),
            None => Ok(()),
        }
    }
}

/// One sentence saying what is wrong and by how much.
pub fn finding_message(f: &Finding) -> String {
    Message(f).to_string()
}

/// What changed about a finding since the baseline: "new", "was due soon", or
/// nothing for a finding that stands as it stood.
pub fn change_note(f: &FindingRow) -> String {
    match (f.change, f.previous_status) {
        (Some(Change::New), _) => "new".to_owned(),
        (Some(Change::Resolved), _) => "resolved".to_owned(),
        (Some(Change::Persisting), Some(before)) if before != f.status => {
            format!("was {}", person_status(before))
        }
        _ => String::new(),
    }
}

/// "Since the baseline (as of 2026-09-30): 12 new, 70 persisting, 8 resolved; 3 new errors."
pub fn since_baseline(baseline: &ReportRef, s: &Summary) -> String {
    let n = |v: Option<usize>| v.unwrap_or(0);
    format!(
        "Since the baseline (as of {}): {} new, {} persisting, {} resolved; {} new errors.",
        baseline.as_of,
        n(s.new),
        n(s.persisting),
        n(s.resolved),
        n(s.new_errors)
    )
}
