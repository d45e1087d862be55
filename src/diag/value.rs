//! Why a cell holds no allowed value or no date: what a reader finds, for the
//! words to say.

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

impl BadValue {
    /// What the user should read, after `"Header" = "value"`, in English.
    pub fn explain(&self) -> String {
        super::words::bad_value(self, crate::lang::Lang::En)
    }
}

pub const GROUPS_ALLOWED: &str = "1, 2, 3, joined by | or a space, e.g. 1|2";

pub const LEVELS_ALLOWED: &str = "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), the old A, B, C certificates, \
     or a certificate of the levels table with its score, e.g. IELTS 6.0, JLPT N3";

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
