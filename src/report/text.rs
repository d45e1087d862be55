//! The words of the report, in one place: statuses, headings and finding sentences.

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

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// One sentence saying what is wrong and by how much.
pub fn finding_message(f: &Finding) -> String {
    let program = f.program.map_or("the required programme", |p| p.code());
    let deadline = f.deadline.map(|d| d.to_string()).unwrap_or_default();
    let mut text = match (f.status, f.days) {
        (PersonStatus::Overdue, Some(n)) => {
            format!(
                "{program} not completed; deadline {deadline}, overdue by {}",
                days(n)
            )
        }
        (PersonStatus::DueSoon, Some(n)) => {
            format!(
                "{program} not completed; deadline {deadline}, {} left",
                days(n)
            )
        }
        (PersonStatus::Late, Some(n)) => format!(
            "{program} completed on {}, {} after the deadline {deadline}",
            f.completed_on.map(|d| d.to_string()).unwrap_or_default(),
            days(n)
        ),
        (PersonStatus::NotReady, _) => {
            format!("{program} (the planned title's programme) not completed")
        }
        (PersonStatus::MissingData, _) => {
            return format!("cannot be checked: {}", f.note.unwrap_or("data is missing"));
        }
        (status, _) => person_status(status).to_owned(),
    };
    if let Some(note) = f.note {
        text.push_str(&format!(" ({note})"));
    }
    text
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
