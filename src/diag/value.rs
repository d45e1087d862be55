//! Why a cell holds no allowed value or no date: what a reader finds, as data.
//! The words that say it, and the sentences listing the allowed values, are in
//! `crate::i18n::diag`.

use chrono::NaiveDate;

use crate::model::GroupNumbers;

/// Why a cell holds no allowed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadValue {
    pub reason: Option<Reason>,
    pub allowed: Allowed,
    pub suggestion: Option<&'static str>,
}

/// Why a value is not allowed, when there is more to say than that it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// `1,2`.
    GroupsByComma,
    /// `4`.
    NoSuchGroup,
    /// `6.5`.
    ScoreWithoutName,
    /// `IELTS 9.5`.
    ScoreOffScale,
}

/// What a cell may hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// The spellings of a vocabulary: `incumbent (đương chức), planned (quy hoạch)`.
    Terms(String),
    /// `language_groups`: the groups the plan defines.
    Groups(GroupNumbers),
    /// `language_level`.
    Levels,
    /// The scores of a certificate: `IELTS 0 to 9`.
    Scores {
        name: String,
        from: String,
        to: String,
    },
    /// The bands of a certificate: `JLPT N1, N2, N3`.
    Bands { name: String, bands: String },
}

/// Why a cell is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// The shape is right but the calendar has no such day (`31/02/2024`).
    NoSuchDate,
    /// The shape is right but there is no such month (`2024-13-01`).
    NoSuchMonth(u32),
    /// `01/02/24`.
    TwoDigitYear,
    /// `02/13/2024`: the second number cannot be a month.
    MonthFirst { day_first: String },
    /// `45323`: a number Excel stores for a date.
    ExcelSerial(NaiveDate),
    /// A time after the date (`2024-02-01 08:00`).
    HasTime,
    /// A year before 1900 (`01/01/0001`, `0000-00-00`): what some HR systems
    /// export for "no date", never a date of an official's career.
    Placeholder,
    /// Anything else.
    Unrecognised,
}
