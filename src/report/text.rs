//! The words of the report, in one place: statuses, headings and finding sentences.

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
