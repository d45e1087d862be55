//! `enrolments.csv`: one row per course attendance, streamed (docs/input.md).
//!
//! Rows are checked and resolved to an official of the roster one at a time and
//! handed to a sink; the file is never held whole.

use std::collections::HashMap;

use crate::diag::problem::{Contradiction, IdHint};
use crate::diag::{CAP_PER_CODE, Cell, Code, Diagnostic, Diagnostics, Problem, Severity};
use crate::ids::Ids;
use crate::input::cells::Cells;
use crate::input::columns::{Column, ENROLMENTS};
use crate::input::duplicates::Duplicates;
use crate::input::roster::LoadedRoster;
use crate::input::table::{FileSummary, Row};
use crate::input::values::{BOOLEANS, PROGRAMS, STATUSES};
use crate::input::{LoadOptions, fatal_io};
use crate::model::{Enrolment, EnrolmentStatus, Roster};

/// What was read of the enrolments file.
pub struct LoadedEnrolments {
    pub summary: FileSummary,
    /// Rows of officials whose roster row was rejected, left out with them.
    pub of_rejected_officials: usize,
}

/// Who an enrolment row's id names.
pub enum Officials<'r> {
    /// The roster could not be read: ids are not checked.
    Unread,
    /// An official of the roster; ids not in it are reported.
    Roster(&'r LoadedRoster),
    /// A number per distinct id, in the order they appear, for reading the
    /// enrolments before the roster is read (`input::parallel`): every id is taken.
    Numbered(&'r mut Ids),
}

/// Read the enrolments and hand every accepted row to `sink`, its `official` as
/// `officials` resolves the id. Returns `None` when the file cannot be used at all
/// (see `diags`).
pub fn stream_enrolments(
    options: &LoadOptions,
    mut officials: Officials<'_>,
    diags: &mut Diagnostics,
    mut sink: impl FnMut(&Enrolment),
) -> anyhow::Result<Option<LoadedEnrolments>> {
    let opened = options.open(
        &options.enrolments,
        ENROLMENTS,
        &options.enrolments_sheet,
        diags,
    );
    let Some((mut table, bytes)) = opened else {
        return Ok(None);
    };
    // about 54 bytes an enrolment row
    let mut seen = Duplicates::with_capacity(bytes / 54);
    let mut unknown = UnknownIds::default();
    let mut of_rejected_officials = 0;
    let mut structural = Vec::new();
    // Rows of one official usually come together: the last id found is not looked up again.
    let mut last: (String, u32) = (String::new(), u32::MAX);
    loop {
        structural.clear();
        let row = match table.next_row(diags, &mut structural) {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => return Err(fatal_io(&table, e)),
        };
        let mut cells = Cells::new(&row, diags);
        let id = cells.id(Column::Id);
        let mut of_rejected_official = false;
        let official = match &mut officials {
            Officials::Unread => None,
            _ if id.is_empty() => None,
            _ if *id == *last.0 => Some(last.1),
            Officials::Numbered(ids) => ids.insert(&id).map(|found| found.unwrap_or_else(|i| i)),
            Officials::Roster(loaded) => match loaded.roster.find(&id) {
                Some(idx) => Some(idx),
                None if loaded.rejected_ids.contains_key(id.as_ref()) => {
                    of_rejected_official = true;
                    None
                }
                None => {
                    let hint = unknown.hint(&id, &loaded.roster);
                    cells.error(Column::Id, Code::UnknownId, Cell::NotInRoster(hint));
                    None
                }
            },
        };
        if let Some(official) = official.filter(|&o| o != last.1) {
            last.0.clear();
            last.0.push_str(&id);
            last.1 = official;
        }
        let fields = read_fields(&mut cells, options);
        let rejected = cells.rejected();
        match (official, fields) {
            (Some(official), Some(f)) if !rejected => {
                let enrolment = Enrolment {
                    official,
                    program: f.program,
                    started_on: f.started_on,
                    completed_on: f.completed_on,
                    status: f.status,
                    abroad: f.abroad,
                };
                if let Some(first) = seen.check(&enrolment, row.line) {
                    diags.push(duplicate_row(&row, first));
                }
                sink(&enrolment);
            }
            _ if rejected => table.reject(),
            // Left out with its official's rejected roster row, or not resolved
            // because the roster could not be read.
            _ => of_rejected_officials += usize::from(of_rejected_official),
        }
    }
    if table.rows() == 0 {
        diags.push(table.problem(Severity::Warning, Code::NoRows, Problem::NoEnrolments));
    }
    Ok(Some(LoadedEnrolments {
        summary: table.summary(),
        of_rejected_officials,
    }))
}

fn duplicate_row(row: &Row<'_>, first: u64) -> Diagnostic {
    Diagnostic {
        column: None,
        ..row.problem(
            Column::Id,
            Severity::Warning,
            Code::DuplicateRow,
            Problem::DuplicateRow {
                first: row.cite(first),
            },
        )
    }
}

/// The typed cells of an enrolment row, when every one is valid.
struct Fields {
    program: crate::model::Program,
    started_on: chrono::NaiveDate,
    completed_on: Option<chrono::NaiveDate>,
    status: EnrolmentStatus,
    abroad: bool,
}

fn read_fields(cells: &mut Cells<'_, '_, '_>, options: &LoadOptions) -> Option<Fields> {
    let row = cells.row;
    let program = cells.term(Column::Program, &PROGRAMS, true);
    let started_on = cells.date(Column::StartedOn);
    if started_on.is_none() && row.get(Column::StartedOn).is_empty() {
        cells.error(Column::StartedOn, Code::BadDate, Cell::NoStart);
    }
    let completed_on = cells.date(Column::CompletedOn);
    let status = cells.term(Column::Status, &STATUSES, false);
    let abroad = cells
        .term(Column::Abroad, &BOOLEANS, false)
        .unwrap_or(false);
    if let (Some(start), Some(end)) = (started_on, completed_on)
        && end < start
    {
        let d = row.problem(
            Column::CompletedOn,
            Severity::Error,
            Code::BadRange,
            Problem::EndsBeforeStart {
                end_header: row.header_name(Column::CompletedOn).to_owned(),
                end: row.get(Column::CompletedOn).to_owned(),
                start_header: row.header_name(Column::StartedOn).to_owned(),
                start: row.get(Column::StartedOn).to_owned(),
            },
        );
        cells.report(d);
    }
    cells.not_after(Column::StartedOn, started_on, options.as_of, false);
    cells.not_after(Column::CompletedOn, completed_on, options.as_of, true);
    let status = match (status, completed_on) {
        (Some(s), _) => s,
        (None, Some(_)) => EnrolmentStatus::Completed,
        (None, None) => EnrolmentStatus::Enrolled,
    };
    let contradiction = match (status, completed_on) {
        (EnrolmentStatus::Completed, None) if row.get(Column::CompletedOn).is_empty() => {
            Some(Contradiction::CompletedWithoutDate)
        }
        (EnrolmentStatus::Enrolled, Some(_)) => Some(Contradiction::EnrolledWithDate),
        (EnrolmentStatus::Withdrawn, Some(_)) => Some(Contradiction::WithdrawnWithDate),
        _ => None,
    };
    if let Some(what) = contradiction {
        cells.warn(
            Column::Status,
            Code::Inconsistent,
            Cell::Contradiction(what),
        );
    }
    Some(Fields {
        program: program?,
        started_on: started_on?,
        completed_on,
        status,
        abroad,
    })
}

/// Hints for ids that are not in the roster, built on the first miss.
#[derive(Default)]
struct UnknownIds {
    /// Roster ids by their digits without leading zeros, for ids Excel shortened.
    without_zeros: Option<HashMap<String, String>>,
    /// Misses so far: past the number of messages shown, hints are not worked out.
    misses: usize,
}

impl UnknownIds {
    fn hint(&mut self, id: &str, roster: &Roster) -> IdHint {
        self.misses += 1;
        if self.misses > CAP_PER_CODE {
            return IdHint::None;
        }
        let map = self.without_zeros.get_or_insert_with(|| {
            roster
                .ids()
                .filter(|id| id.starts_with('0') && id.bytes().all(|b| b.is_ascii_digit()))
                .map(|id| (id.trim_start_matches('0').to_owned(), id.to_owned()))
                .collect()
        });
        if id.bytes().all(|b| b.is_ascii_digit())
            && let Some(full) = map.get(id.trim_start_matches('0'))
        {
            return IdHint::LeadingZeros(full.clone());
        }
        if let Some(same) = roster.ids().find(|o| o.eq_ignore_ascii_case(id)) {
            return IdHint::Case(same.to_owned());
        }
        IdHint::Check
    }
}
