//! `enrolments.csv`: one row per course attendance, streamed (docs/input.md).
//!
//! Rows are checked and resolved to an official of the roster one at a time and
//! handed to a sink; the file is never held whole.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::diag::problem::{Contradiction, IdHint};
use crate::diag::{CAP_PER_CODE, Cell, Code, Diagnostic, Diagnostics, Problem, Severity};
use crate::ids::Ids;
use crate::input::cells::Cells;
use crate::input::columns::{Column, ENROLMENTS, Header};
use crate::input::date::parse_plain;
use crate::input::duplicates::Duplicates;
use crate::input::records::{Preread, Record};
use crate::input::roster::LoadedRoster;
use crate::input::table::{FileSummary, Row};
use crate::input::values::{BOOLEANS, PROGRAMS, STATUSES, canonical};
use crate::input::{LoadOptions, fatal_io};
use crate::model::{Enrolment, EnrolmentStatus, Program, Roster};

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
        Some(preread),
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
        let read = unpack(row.preread).unwrap_or_else(|| read_cells(&mut cells));
        let fields = judge(&mut cells, read, options);
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
    program: Program,
    started_on: NaiveDate,
    completed_on: Option<NaiveDate>,
    status: EnrolmentStatus,
    abroad: bool,
}

/// The cells of an enrolment row, each read on its own: `None` for an empty cell
/// or one that holds no value (reported).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Read {
    program: Option<Program>,
    started_on: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
    status: Option<EnrolmentStatus>,
    abroad: bool,
}

/// Read each cell of the row, reporting what is wrong with it.
fn read_cells(cells: &mut Cells<'_, '_, '_>) -> Read {
    let row = cells.row;
    let program = cells.term(Column::Program, &PROGRAMS, true);
    let started_on = cells.date(Column::StartedOn);
    if started_on.is_none() && row.get(Column::StartedOn).is_empty() {
        cells.error(Column::StartedOn, Code::BadDate, Cell::NoStart);
    }
    Read {
        program,
        started_on,
        completed_on: cells.date(Column::CompletedOn),
        status: cells.term(Column::Status, &STATUSES, false),
        abroad: cells
            .term(Column::Abroad, &BOOLEANS, false)
            .unwrap_or(false),
    }
}

/// The cells of a row that [`read_cells`] reads without a word to say, as they are
/// written in most exports: the programme, the start, the completion, the status and
/// abroad (empty for a column the file does not have), each with nothing to trim, the
/// coded values as their canonical codes, the dates in a fixed-width shape. `None`
/// for any other row, left for `read_cells` to read and report.
fn read_quietly(cells: [&[u8]; 5]) -> Option<Read> {
    let plain = |b: Option<&u8>| b.is_none_or(u8::is_ascii_graphic);
    if !cells
        .iter()
        .all(|cell| plain(cell.first()) && plain(cell.last()))
    {
        return None;
    }
    // an empty programme or start is neither a code nor a date
    let [program, started_on, completed_on, status, abroad] = cells;
    Some(Read {
        program: Some(canonical(program, &PROGRAMS)?),
        started_on: Some(parse_plain(started_on)?),
        completed_on: match completed_on {
            [] => None,
            date => Some(parse_plain(date)?),
        },
        status: match status {
            [] => None,
            term => Some(canonical(term, &STATUSES)?),
        },
        abroad: match abroad {
            [] => false,
            term => canonical(term, &BOOLEANS)?,
        },
    })
}

/// The [`Preread`] of an enrolments file with this header: the cells of each record
/// read by [`read_quietly`] on the thread that reads records ahead, [`pack`]ed.
/// `None` for a file without a programme or a start, none of whose rows it could read.
fn preread(header: &Header) -> Option<Preread> {
    let columns = [
        Column::Program,
        Column::StartedOn,
        Column::CompletedOn,
        Column::Status,
        Column::Abroad,
    ]
    .map(|c| header.index(c));
    columns[0].and(columns[1])?;
    Some(Box::new(move |record: &Record<'_>| {
        // a column the file does not have is an empty cell
        let mut cells: [&[u8]; 5] = [b""; 5];
        for (cell, at) in cells.iter_mut().zip(columns) {
            if let Some(i) = at {
                let Some(field) = record.get(i) else {
                    return 0;
                };
                *cell = field;
            }
        }
        read_quietly(cells).and_then(pack).unwrap_or(0)
    }))
}

/// A packed [`Read`] whose every cell is valid: bit 0 set (never 0), program (3 bits),
/// status (2 bits: 0 none, then enrolled, completed, withdrawn), abroad, then each
/// date as a year (14 bits) and a day of the year (9 bits), the completion after a
/// bit saying it is there. `None` when a value does not fit (a year past 16383).
fn pack(read: Read) -> Option<u64> {
    let date = |d: NaiveDate| {
        let year = u64::try_from(d.year()).ok().filter(|&y| y < 1 << 14)?;
        Some(year | u64::from(d.ordinal()) << 14)
    };
    let status = match read.status {
        None => 0,
        Some(EnrolmentStatus::Enrolled) => 1,
        Some(EnrolmentStatus::Completed) => 2,
        Some(EnrolmentStatus::Withdrawn) => 3,
    };
    let completed = match read.completed_on {
        None => 0,
        Some(d) => 1 | date(d)? << 1,
    };
    Some(
        1 | (read.program?.index() as u64) << 1
            | status << 4
            | u64::from(read.abroad) << 6
            | date(read.started_on?)? << 7
            | completed << 30,
    )
}

/// The [`Read`] that [`pack`] packed; `None` for 0.
fn unpack(packed: u64) -> Option<Read> {
    if packed & 1 == 0 {
        return None;
    }
    let date = |bits: u64| {
        let year = i32::try_from(bits & 0x3FFF).ok()?;
        NaiveDate::from_yo_opt(year, ((bits >> 14) & 0x1FF) as u32)
    };
    let completed = packed >> 30;
    Some(Read {
        program: Some(*Program::ALL.get((packed >> 1 & 7) as usize)?),
        status: match packed >> 4 & 3 {
            0 => None,
            1 => Some(EnrolmentStatus::Enrolled),
            2 => Some(EnrolmentStatus::Completed),
            _ => Some(EnrolmentStatus::Withdrawn),
        },
        abroad: packed >> 6 & 1 == 1,
        started_on: Some(date(packed >> 7)?),
        completed_on: match completed & 1 {
            0 => None,
            _ => Some(date(completed >> 1)?),
        },
    })
}

/// The checks between the cells of a row (a completion before its start, a date
/// after the as-of date, a status its dates contradict), and its typed cells when
/// none was rejected.
fn judge(cells: &mut Cells<'_, '_, '_>, read: Read, options: &LoadOptions) -> Option<Fields> {
    let row = cells.row;
    let Read {
        program,
        started_on,
        completed_on,
        status,
        abroad,
    } = read;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_packed_row_unpacks_to_itself() {
        let dates = [
            date(2024, 2, 29),
            date(2023, 12, 31),
            date(2024, 12, 31),
            date(1900, 1, 1),
            date(9999, 12, 31),
        ];
        let statuses = [
            None,
            Some(EnrolmentStatus::Enrolled),
            Some(EnrolmentStatus::Completed),
            Some(EnrolmentStatus::Withdrawn),
        ];
        for program in Program::ALL {
            for (started_on, completed_on) in
                dates.iter().zip([None, Some(dates[0])].iter().cycle())
            {
                for status in statuses {
                    for abroad in [false, true] {
                        let read = Read {
                            program: Some(program),
                            started_on: Some(*started_on),
                            completed_on: *completed_on,
                            status,
                            abroad,
                        };
                        let packed = pack(read).unwrap();
                        assert_ne!(packed, 0);
                        assert_eq!(unpack(packed), Some(read));
                    }
                }
            }
        }
        assert_eq!(unpack(0), None);
    }

    #[test]
    fn cells_as_an_hr_system_writes_them_are_read_quietly_and_others_are_not() {
        let read = |cells: [&str; 5]| read_quietly(cells.map(str::as_bytes));
        assert_eq!(
            read(["sector", "2024-02-29", "29/03/2024", "completed", "yes"]),
            Some(Read {
                program: Some(Program::Sector),
                started_on: Some(date(2024, 2, 29)),
                completed_on: Some(date(2024, 3, 29)),
                status: Some(EnrolmentStatus::Completed),
                abroad: true,
            })
        );
        assert_eq!(
            read(["master", "2024-02-29", "", "", ""]).map(|r| (r.status, r.abroad)),
            Some((None, false))
        );
        // left to the rows' own reading, which says what it has to say
        for cells in [
            [" sector", "2024-02-29", "", "", ""],
            ["Sector", "2024-02-29", "", "", ""],
            ["", "2024-02-29", "", "", ""],
            ["sector", "", "", "", ""],
            ["sector", "2023-02-29", "", "", ""],
            ["sector", "2024-2-29", "", "", ""],
            ["sector", "2024-02-29 ", "", "", ""],
            ["sector", "2024-02-29", "later", "", ""],
            ["sector", "2024-02-29", "", "done", ""],
            ["sector", "2024-02-29", "", "", "có"],
        ] {
            assert_eq!(read(cells), None, "{cells:?}");
        }
    }
}
