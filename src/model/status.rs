//! Where a target and an official stand, and what a finding notes: the verdicts
//! the rules give, which the report serialises and each language words.

use serde::{Deserialize, Serialize};

use crate::model::Severity;

/// Where a target stands (the `status` of a target row in the JSON report).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    Met,
    AtRisk,
    Gap,
    InProgress,
    Open,
    NoData,
}

impl TargetStatus {
    /// Every status, in the order the summary counts them.
    pub const ALL: [TargetStatus; 6] = [
        TargetStatus::Met,
        TargetStatus::Gap,
        TargetStatus::AtRisk,
        TargetStatus::InProgress,
        TargetStatus::Open,
        TargetStatus::NoData,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TargetStatus::Met => "met",
            TargetStatus::AtRisk => "at_risk",
            TargetStatus::Gap => "gap",
            TargetStatus::InProgress => "in_progress",
            TargetStatus::Open => "open",
            TargetStatus::NoData => "no_data",
        }
    }
}

/// Where one official stands under one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonStatus {
    Done,
    Late,
    Overdue,
    DueSoon,
    Open,
    MissingData,
    /// A planned official without the programme of the planned title (IV.4).
    NotReady,
}

impl PersonStatus {
    pub const ALL: [PersonStatus; 7] = [
        PersonStatus::Done,
        PersonStatus::Late,
        PersonStatus::Overdue,
        PersonStatus::DueSoon,
        PersonStatus::Open,
        PersonStatus::MissingData,
        PersonStatus::NotReady,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PersonStatus::Done => "done",
            PersonStatus::Late => "late",
            PersonStatus::Overdue => "overdue",
            PersonStatus::DueSoon => "due_soon",
            PersonStatus::Open => "open",
            PersonStatus::MissingData => "missing_data",
            PersonStatus::NotReady => "not_ready",
        }
    }

    /// How bad a finding of this status is; `None`: not a finding.
    pub fn severity(self) -> Option<Severity> {
        match self {
            PersonStatus::Overdue => Some(Severity::Error),
            PersonStatus::Late
            | PersonStatus::DueSoon
            | PersonStatus::MissingData
            | PersonStatus::NotReady => Some(Severity::Warning),
            PersonStatus::Done | PersonStatus::Open => None,
        }
    }
}

/// What a finding or a list entry notes besides its status: why its data is
/// missing, or that a course is under way. Typed, so that each language words it
/// (`i18n::note`); its code (`in_progress`) is the report's `note_code`, the same
/// in every language, for scripts and comparisons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// Enrolled in the programme, not yet completed.
    InProgress,
    /// No appointment date: the window cannot be placed.
    NoAppointedOn,
    /// No central planning approval date.
    NoCentralPlanApprovedOn,
    /// No title level, so the required programme is unknown.
    NoTitleLevel,
    /// No title level, so the planned title's programme is unknown.
    NoPlannedTitleLevel,
    /// The deadline falls beyond the calendar chrono can represent.
    BeyondCalendar,
    /// A language candidate whose certificate awaits manual review: it may
    /// already count, and reviewing costs less than training.
    ReviewFirst,
}

impl Note {
    pub const ALL: [Note; 7] = [
        Note::InProgress,
        Note::NoAppointedOn,
        Note::NoCentralPlanApprovedOn,
        Note::NoTitleLevel,
        Note::NoPlannedTitleLevel,
        Note::BeyondCalendar,
        Note::ReviewFirst,
    ];

    /// The stable code of the note: a finding's `note_code`.
    pub fn code(self) -> &'static str {
        match self {
            Note::InProgress => "in_progress",
            Note::NoAppointedOn => "no_appointed_on",
            Note::NoCentralPlanApprovedOn => "no_central_plan_approved_on",
            Note::NoTitleLevel => "no_title_level",
            Note::NoPlannedTitleLevel => "no_planned_title_level",
            Note::BeyondCalendar => "beyond_calendar",
            Note::ReviewFirst => "review_first",
        }
    }
}

/// Why a target row stands where it does, when its status alone does not say:
/// the row's `note_code`, worded by each language (`i18n::target_note`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetNote {
    /// A share's group has no incumbent: the `language_groups` column is
    /// probably empty.
    EmptyGroup,
    /// Nobody the rule applies to is in the roster.
    NobodyConcerned,
    /// A year the office has set no quota for: the counts are for information.
    NoQuota,
    /// The year is not over and fewer have started than its pace asks.
    BehindPace,
    /// The average is above the plan's range a year: met, and more than asked.
    AboveRange,
    /// Some certificates of the group await manual review: achieved is a floor.
    CertificatesToReview,
}

impl TargetNote {
    /// The stable code of the note: a target row's `note_code`.
    pub fn code(self) -> &'static str {
        match self {
            TargetNote::EmptyGroup => "empty_group",
            TargetNote::NobodyConcerned => "nobody_concerned",
            TargetNote::NoQuota => "no_quota",
            TargetNote::BehindPace => "behind_pace",
            TargetNote::AboveRange => "above_range",
            TargetNote::CertificatesToReview => "certificates_to_review",
        }
    }
}
