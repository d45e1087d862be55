//! The words of the report, in one place: statuses, headings and finding sentences.

use std::fmt;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::plan::rules::{Finding, PersonStatus, TargetStatus};

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

/// One sentence saying what is wrong and by how much. Written straight into the
/// report, never kept (issue 6: a national report has 1.5 million of them).
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

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One sentence saying what is wrong and by how much.
pub fn finding_message(f: &Finding) -> String {
    Message(f).to_string()
}
