//! The words of `gaps`, in one place: list names, reasons, days, the plan's
//! numbers and the pressure on them.

use chrono::{Datelike, NaiveDate};

use crate::gaps::{LanguageGap, PlanNumber, PostgraduateNeed, ProgrammeList, Reason, Why};
use crate::model::Program;
use crate::plan::rules::PersonStatus;

/// The name of a programme's list.
pub fn list_label(program: Option<Program>) -> &'static str {
    program.map_or("title programme, level unknown", Program::code)
}

/// One reason: the rule and what it found, e.g. `TITLE-2Y overdue`.
fn reason(r: &Reason) -> String {
    let rule = &r.rule;
    let mut text = match r.why {
        Why::Due {
            status: PersonStatus::Overdue,
            ..
        } => format!("{rule} overdue"),
        Why::Due {
            status: PersonStatus::DueSoon,
            ..
        } => format!("{rule} due soon"),
        Why::Due { .. } => format!("{rule} due"),
        Why::DeadlineUnknown => format!("{rule} deadline unknown"),
        Why::NotReady => format!("{rule} not ready"),
        Why::Candidate {
            rank, of, level, ..
        } => format!(
            "{rule} candidate {rank} of {of}, {}",
            level.map_or("no level".to_owned(), |l| format!("level {l}"))
        ),
    };
    if let Some(note) = r.note {
        text.push_str(&format!(" ({note})"));
    }
    text
}

/// Every reason of an entry, `; `-separated.
pub fn reasons(reasons: &[Reason]) -> String {
    reasons.iter().map(reason).collect::<Vec<_>>().join("; ")
}

/// Days to a deadline as people read them: `915 overdue`, `40 left`.
pub fn days(days_left: i64) -> String {
    if days_left < 0 {
        format!("{} overdue", -days_left)
    } else {
        format!("{days_left} left")
    }
}

/// `17 (App. 02 row 1)`, `39, derived (App. 02 row 1)`.
pub fn plan_number(n: &PlanNumber) -> String {
    let derived = if n.derived { ", derived" } else { "" };
    format!("{}{derived} ({})", n.number, n.clause)
}

/// The size of a list against the plan's number: `23 to train, quota 17: 6 over quota`.
pub fn pressure(to_train: usize, quota: u32) -> String {
    let quota_n = usize::try_from(quota).unwrap_or(usize::MAX);
    let verdict = match to_train.cmp(&quota_n) {
        std::cmp::Ordering::Greater => format!("{} over quota", to_train - quota_n),
        std::cmp::Ordering::Less => format!("room for {} more", quota_n - to_train),
        std::cmp::Ordering::Equal => "at quota".to_owned(),
    };
    format!("{to_train} to train, quota {quota}: {verdict}")
}

/// The heading of a programme's list.
pub fn list_heading(list: &ProgrammeList, province: bool, year: i32) -> String {
    let overdue = list
        .entries
        .iter()
        .filter(|e| e.days_left().is_some_and(|d| d < 0))
        .count();
    let mut text = format!(
        "{} ({}): {} to train",
        list_label(list.program),
        if list.rules.is_empty() {
            "no rule".to_owned()
        } else {
            list.rules.join(", ")
        },
        list.entries.len()
    );
    if overdue > 0 {
        text.push_str(&format!(", {overdue} overdue"));
    }
    if province {
        match &list.quota {
            Some(q) => text.push_str(&format!(
                "; {} for {year}: {}",
                q.clause,
                pressure(list.entries.len(), q.number)
            )),
            None => text.push_str(&format!("; the plan sets no number for {year}")),
        }
    }
    text
}

/// A language group against its share, if nothing changes.
pub fn language_line(gap: &LanguageGap, province: bool, year: i32) -> String {
    let incumbents = if gap.population == 1 {
        "incumbent"
    } else {
        "incumbents"
    };
    let mut text = format!(
        "{} ({}): group {}, {} {incumbents}, {} at level {}+; {}% is {}: ",
        gap.rule,
        gap.clause,
        gap.group,
        gap.population,
        gap.achieved,
        gap.min_level,
        gap.percent,
        gap.required
    );
    if gap.shortfall == 0 {
        text.push_str("met, nobody to send");
    } else if province {
        text.push_str(&format!(
            "{} short if nothing changes, so {} to send",
            gap.shortfall, gap.shortfall
        ));
    } else {
        text.push_str(&format!(
            "{} short if nothing changes; {} of those to send in this unit",
            gap.shortfall,
            gap.candidates.len()
        ));
    }
    if province {
        match &gap.plan_number {
            Some(n) => text.push_str(&format!("; plan's number for {year}: {}", plan_number(n))),
            None => text.push_str(&format!("; the plan sets no number for {year}")),
        }
    }
    text.push('.');
    text
}

/// What PG-ANNUAL asks of the year.
pub fn postgraduate_line(need: &PostgraduateNeed, as_of: NaiveDate) -> String {
    let programs: Vec<&str> = need.programs.iter().map(|p| p.code()).collect();
    let before: u32 = need.years.iter().map(|y| y.officials).sum();
    let mut text = format!("{} ({}, {}): ", need.rule, need.clause, programs.join(", "));
    if let (Some(first), Some(last)) = (need.years.first(), need.years.last()) {
        let span = if first.year == last.year {
            first.year.to_string()
        } else {
            format!("{}–{}", first.year, last.year)
        };
        text.push_str(&format!("{span} recorded {before} starts"));
        if (first.year..=last.year).contains(&as_of.year()) {
            text.push_str(&format!(" ({} counted to {as_of})", as_of.year()));
        }
        text.push_str("; ");
    }
    let range = format!(
        "an average of {}–{} a year over {}–{}",
        need.min_per_year, need.max_per_year, need.from_year, need.year
    );
    match need.at_most {
        Some(most) => text.push_str(&format!(
            "{range} needs {} to {most} starts in {}",
            need.at_least, need.year
        )),
        None => text.push_str(&format!(
            "the years before are already above {range}: {} needs no start",
            need.year
        )),
    }
    text.push_str(&format!(
        "; {} has {} recorded.",
        need.year, need.registered
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_far_a_list_is_from_its_quota() {
        assert_eq!(pressure(23, 17), "23 to train, quota 17: 6 over quota");
        assert_eq!(pressure(3, 7), "3 to train, quota 7: room for 4 more");
        assert_eq!(pressure(7, 7), "7 to train, quota 7: at quota");
    }

    #[test]
    fn days_overdue_are_negative_days_left() {
        assert_eq!(days(-915), "915 overdue");
        assert_eq!(days(0), "0 left");
        assert_eq!(days(40), "40 left");
    }
}
