//! Loading what users really export: the roster and the enrolments (SPEC §2, BAD-INPUT.md).
//!
//! A raw row becomes a typed `Official` or `Enrolment` here and nowhere else.

pub mod cells;
pub mod columns;
pub mod date;
pub mod diag;
pub mod enrolments;
pub mod records;
pub mod roster;
pub mod source;
pub mod table;
pub mod text;
pub mod values;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::history::History;
use crate::input::diag::Diagnostics;
use crate::input::table::{FileSummary, Table};
use crate::model::Roster;

/// Where to read and how.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub roster: PathBuf,
    pub enrolments: PathBuf,
    /// `None`: detected from each header line.
    pub delimiter: Option<u8>,
    pub as_of: NaiveDate,
    /// Told of every byte read from either file (a progress bar); usually `None`.
    pub on_read: Option<source::ReadHook>,
}

/// Everything read from the inputs.
pub struct Loaded {
    pub roster: Roster,
    pub history: History,
    pub files: Vec<FileSummary>,
    /// Enrolments left out because their official's roster row was rejected.
    pub enrolments_of_rejected: usize,
}

/// An error reading a file that was opened: the run cannot go on.
fn fatal_io(table: &Table, e: std::io::Error) -> anyhow::Error {
    anyhow::anyhow!(
        "cannot read {}: {}",
        table.source.display,
        source::describe(&e)
    )
}

/// Read both files, reporting every problem in `diags`. `None` when a file
/// could not be used at all; the problems say why.
pub fn load(
    options: &LoadOptions,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    let roster = roster::load_roster(options, diags)?;
    let mut history = History::new(roster.as_ref().map_or(0, |r| r.roster.len()), first_year);
    // A roster without rows says nothing about ids: don't call every enrolment unknown.
    let ids = roster.as_ref().filter(|r| r.summary.rows > 0);
    let enrolments = enrolments::stream_enrolments(options, ids, diags, |e| history.record(e))?;
    let (Some(roster), Some(enrolments)) = (roster, enrolments) else {
        return Ok(None);
    };
    Ok(Some(Loaded {
        files: vec![roster.summary, enrolments.summary],
        roster: roster.roster,
        history,
        enrolments_of_rejected: enrolments.of_rejected_officials,
    }))
}
