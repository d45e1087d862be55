//! Loading what users really export: the roster and the enrolments (docs/input.md, the bad-input catalogue in docs/input.md).
//!
//! A raw row becomes a typed `Official` or `Enrolment` here and nowhere else.

pub mod cells;
pub mod columns;
pub mod date;
pub mod decode;
pub mod duplicates;
pub mod enrolments;
pub mod garbled;
mod parallel;
pub mod records;
pub mod roster;
pub mod scan;
pub mod sheet;
pub mod source;
pub mod table;
pub mod values;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diag::Diagnostics;
use crate::history::History;
use crate::input::columns::ColumnSpec;
use crate::input::enrolments::Officials;
use crate::input::roster::LoadedRoster;
use crate::input::table::{FileSummary, MakePreread, Table};
use crate::levels::Levels;
use crate::model::{GroupNumbers, Roster};

/// Where to read and how.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub roster: PathBuf,
    pub enrolments: PathBuf,
    /// `None`: detected from each header line.
    pub delimiter: Option<u8>,
    /// The worksheet to read when the roster is a workbook; `None`: its first.
    pub roster_sheet: Option<String>,
    /// The worksheet to read when the enrolments are a workbook; `None`: its first.
    pub enrolments_sheet: Option<String>,
    pub as_of: NaiveDate,
    /// Told of every byte read from either file (a progress bar); usually `None`.
    pub on_read: Option<source::ReadHook>,
    /// How certificates in `language_level` are read.
    pub certificates: Certificates,
    /// The language groups `language_groups` may name: the plan's.
    pub language_groups: GroupNumbers,
    /// The plan's rules that run from `appointed_on`, named when an incumbent has
    /// none (see `Plan::rules_from_appointment`).
    pub rules_from_appointment: Arc<[String]>,
}

impl LoadOptions {
    /// Open `path`, one of the two inputs, at its worksheet `sheet` with what both
    /// share (the delimiter, the hook on reading), its loader reading cells ahead
    /// with `preread`; and its size in bytes, which its loader sizes its memory
    /// from. `None` when the file cannot be used at all.
    fn open(
        &self,
        path: &Path,
        specs: &'static [ColumnSpec],
        sheet: &Option<String>,
        preread: Option<MakePreread>,
        diags: &mut Diagnostics,
    ) -> Option<(Table, usize)> {
        let on_read = self.on_read.as_ref();
        let table = Table::open(
            path,
            specs,
            self.delimiter,
            sheet.as_deref(),
            on_read,
            preread,
            diags,
        )?;
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len() as usize);
        Some((table, bytes))
    }
}

/// How certificates in `language_level` are read.
#[derive(Clone, Debug)]
pub struct Certificates {
    /// The levels table: `--levels FILE` or the embedded one.
    pub levels: Arc<Levels>,
    /// Whether a certificate past its validity still gives its level.
    pub expired: Expired,
}

impl Default for Certificates {
    fn default() -> Self {
        Certificates {
            levels: crate::levels::embedded(),
            expired: Expired::Count,
        }
    }
}

/// What an expired certificate counts for: the office's choice, as the plan ties
/// bậc 4 to no validity period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Expired {
    /// Its level counts, with a warning.
    #[default]
    Count,
    /// It gives no level, with a warning.
    Ignore,
}

/// Everything read from the inputs.
pub struct Loaded {
    pub roster: Roster,
    pub history: History,
    pub files: Vec<FileSummary>,
    /// Enrolments left out because their official's roster row was rejected.
    pub enrolments_of_rejected: usize,
}

/// An error reading a file that was opened: the run cannot go on. The problem
/// travels as the error, worded (in English) where the run ends.
fn fatal_io(table: &Table, e: std::io::Error) -> anyhow::Error {
    anyhow::Error::new(source::cannot_read(&table.source.display, source::why(&e)))
}

/// Below this many bytes in both files together, a thread costs more than it saves.
const AT_ONCE_BYTES: u64 = 4 << 20;

/// Read both files, reporting every problem in `diags`. `None` when a file
/// could not be used at all; the problems say why. Large files are read at once
/// ([`load_at_once`]), small ones in order: the same results and problems.
pub fn load(
    options: &LoadOptions,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    let size = |path| std::fs::metadata(path).map_or(0, |m| m.len());
    if size(&options.roster) + size(&options.enrolments) < AT_ONCE_BYTES {
        load_in_order(options, first_year, diags)
    } else {
        load_at_once(options, first_year, diags)
    }
}

/// Both files at once, on two threads (`parallel`).
pub fn load_at_once(
    options: &LoadOptions,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    parallel::load(options, first_year, diags)
}

/// The roster, then the enrolments checked against it, on one thread: the order
/// that defines what `load` reports.
pub fn load_in_order(
    options: &LoadOptions,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    let roster = roster::load_roster(options, diags)?;
    enrolments_of(options, roster, first_year, diags)
}

/// Stream the enrolments against a roster already read.
fn enrolments_of(
    options: &LoadOptions,
    roster: Option<LoadedRoster>,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    let mut history = History::new(roster.as_ref().map_or(0, |r| r.roster.len()), first_year);
    // A roster without rows says nothing about ids: don't call every enrolment unknown.
    let officials = match roster.as_ref().filter(|r| r.summary.rows > 0) {
        Some(roster) => Officials::Roster(roster),
        None => Officials::Unread,
    };
    let enrolments =
        enrolments::stream_enrolments(options, officials, diags, |e| history.record(e))?;
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
