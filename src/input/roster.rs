//! `roster.csv`: one row per official, held in memory by id (docs/input.md).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::diag::problem::ExpiredCounts;
use crate::diag::{Cell, Code, Diagnostics, Problem, Severity};
use crate::input::cells::Cells;
use crate::input::columns::{Column, ROSTER};
use crate::input::table::{FileSummary, Row};
use crate::input::values::{BOOLEANS, DEGREES, HEADS, ROLES, TITLE_LEVELS, parse_groups};
use crate::input::{Expired, LoadOptions, fatal_io};
use crate::levels::{Attested, LevelCell, read_level};
use crate::model::{Language, Names, Numbers, Official, Role, Roster};
use crate::text::clean_text;

/// The roster as read, with what was left out.
pub struct LoadedRoster {
    pub roster: Roster,
    pub summary: FileSummary,
    /// Ids of rows rejected for an error, with their line: their enrolments are
    /// left out with them, not reported as unknown.
    pub rejected_ids: HashMap<String, u64>,
}

/// Read the roster. `None` when the file cannot be used at all (see `diags`).
pub fn load_roster(
    options: &LoadOptions,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<LoadedRoster>> {
    let opened = options.open(&options.roster, ROSTER, &options.roster_sheet, None, diags);
    let Some((mut table, bytes)) = opened else {
        return Ok(None);
    };
    // Sized from the file once: a roster row is about 130 bytes, most of it text.
    let mut roster = Roster::with_capacity(bytes / 128, bytes);
    let mut rejected_ids: HashMap<String, u64> = HashMap::new();
    let mut undated = 0usize;
    loop {
        let mut structural = Vec::new();
        let next = table.next_row(diags, &mut structural);
        for (id, line) in structural {
            rejected_ids.entry(id).or_insert(line);
        }
        let row = match next {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => return Err(fatal_io(&table, e)),
        };
        let mut cells = Cells::new(&row, diags);
        let read = read_official(&mut cells, options);
        undated += usize::from(read.undated_certificate);
        let rejected = cells.rejected();
        let line = row.line;
        let id = read.id;
        let line_of = |roster: &Roster, first| roster.get(first).map_or(0, |o| o.line);
        let earlier = rejected_ids.get(id.as_ref()).copied();
        if rejected || id.is_empty() || earlier.is_some() {
            let first_line = roster.find(&id).map(|f| line_of(&roster, f)).or(earlier);
            if let (Some(first_line), false) = (first_line, id.is_empty()) {
                diags.push(duplicate_id(&row, &id, first_line));
            } else if !id.is_empty() {
                rejected_ids.insert(id.into_owned(), line);
            }
            table.reject();
            continue;
        }
        let names = Names {
            id: &id,
            full_name: &read.full_name,
            unit: read.unit,
            title: read.title,
        };
        // one lookup: the insert finds an earlier official with the id
        let numbers = Numbers {
            unit: row.number(Column::Unit),
            title: row.number(Column::Title),
        };
        match roster.insert_numbered(names, read.official, numbers) {
            // the certificate as written, for the reports (a plain level keeps nothing)
            Ok(idx) if read.official.language.is_certificate() => {
                roster.set_certificate(idx, row.get(Column::LanguageLevel));
            }
            Ok(_) => {}
            Err(first) => {
                diags.push(duplicate_id(&row, &id, line_of(&roster, first)));
                table.reject();
            }
        }
    }
    if table.rows() == 0 {
        diags.push(table.problem(Severity::Error, Code::NoRows, Problem::NoOfficials));
    }
    if undated > 0 && options.certificates.expired == Expired::Ignore {
        diags.push(table.problem(
            Severity::Warning,
            Code::UndatedCertificate,
            Problem::UndatedCertificates { count: undated },
        ));
    }
    Ok(Some(LoadedRoster {
        roster,
        summary: table.summary(),
        rejected_ids,
    }))
}

fn duplicate_id(row: &Row<'_>, id: &str, first_line: u64) -> crate::diag::Diagnostic {
    row.problem(
        Column::Id,
        Severity::Error,
        Code::DuplicateId,
        Problem::DuplicateId {
            id: id.to_owned(),
            first: row.cite(first_line),
        },
    )
}

/// A roster row as read: its text, borrowed from the row unless it had to change.
struct ReadOfficial<'a> {
    id: Cow<'a, str>,
    full_name: Cow<'a, str>,
    /// As read: [`Roster::insert`] cleans them.
    unit: &'a str,
    title: &'a str,
    official: Official,
    undated_certificate: bool,
}

/// Every cell of a roster row, each problem reported.
fn read_official<'a>(cells: &mut Cells<'_, 'a, '_>, options: &LoadOptions) -> ReadOfficial<'a> {
    let row = cells.row;
    let id = cells.id(Column::Id);
    let full_name = clean_text(row.get(Column::FullName));
    if full_name.is_empty() {
        cells.error(Column::FullName, Code::BadValue, Cell::NoName);
    }
    let role = cells.term(Column::Role, &ROLES, true);
    let title_level = cells.term(Column::TitleLevel, &TITLE_LEVELS, false);
    let appointed_on = cells.date(Column::AppointedOn);
    cells.not_after(Column::AppointedOn, appointed_on, options.as_of, false);
    let groups_raw = row.get(Column::LanguageGroups);
    let language_groups = cells.checked(
        Column::LanguageGroups,
        parse_groups(groups_raw, &options.language_groups),
    );
    let language = read_language(cells, options);
    let degree = cells.term(Column::Degree, &DEGREES, false);
    let head_of = cells.term(Column::HeadOf, &HEADS, false);
    let department_leader = cells.term(Column::DepartmentLeader, &BOOLEANS, false);
    let central_plan_approved_on = cells.date(Column::CentralPlanApprovedOn);
    cells.not_after(
        Column::CentralPlanApprovedOn,
        central_plan_approved_on,
        options.as_of,
        false,
    );
    if role == Some(Role::Incumbent)
        && appointed_on.is_none()
        && row.get(Column::AppointedOn).is_empty()
    {
        let d = row.problem(
            Column::AppointedOn,
            Severity::Warning,
            Code::MissingDate,
            Problem::NoAppointment {
                id: id.to_string(),
                no_column: row.header_name(Column::AppointedOn).is_empty(),
                rules: options.rules_from_appointment.clone(),
            },
        );
        cells.report(d);
    }
    let official = Official {
        role: role.unwrap_or(Role::Planned),
        title_level,
        appointed_on,
        language_groups: language_groups.unwrap_or_default(),
        language: language.level,
        degree,
        head_of,
        department_leader: department_leader.unwrap_or(false),
        central_plan_approved_on,
        line: row.line,
    };
    ReadOfficial {
        id,
        full_name,
        // cleaned by the roster, once per unit and title
        unit: row.get(Column::Unit),
        title: row.get(Column::Title),
        official,
        undated_certificate: language.undated,
    }
}

/// An official's language level and where it comes from.
struct ReadLanguage {
    level: Language,
    /// A certificate of a type with a validity, without a `certificate_date`.
    undated: bool,
}

/// `language_level`, a level or a certificate, with its
/// `certificate_date`. A plain level costs what it did before certificates.
fn read_language(cells: &mut Cells<'_, '_, '_>, options: &LoadOptions) -> ReadLanguage {
    let row = cells.row;
    let date_raw = row.get(Column::CertificateDate);
    let issued_on = if date_raw.is_empty() {
        None
    } else {
        let date = cells.date(Column::CertificateDate);
        cells.not_after(Column::CertificateDate, date, options.as_of, false);
        date
    };
    let mut read = ReadLanguage {
        level: Language::None,
        undated: false,
    };
    let raw = row.get(Column::LanguageLevel);
    if raw.is_empty() {
        return read;
    }
    let levels = &options.certificates.levels;
    let (index, attested) = match read_level(raw, levels) {
        Ok(LevelCell::Stated(level)) => {
            read.level = Language::Stated(level);
            return read;
        }
        Ok(LevelCell::Certificate { index, attested }) => (index, attested),
        Ok(LevelCell::Review(why)) => {
            cells.warn(
                Column::LanguageLevel,
                Code::UnknownCertificate,
                Cell::Review(why),
            );
            read.level = Language::Review;
            return read;
        }
        Err(bad) => {
            cells.checked::<()>(Column::LanguageLevel, Err(bad));
            return read;
        }
    };
    read.level = match attested {
        Attested::Level(level) => Language::Certificate(level),
        Attested::Below(level) => Language::Below(level),
    };
    let Some(months) = levels
        .certificates
        .get(index)
        .and_then(|c| c.validity_months)
    else {
        return read;
    };
    let Some(issued_on) = issued_on else {
        read.undated = date_raw.is_empty();
        return read;
    };
    // Valid through the day validity_months after issue; expired the day after.
    let expires_on = issued_on.checked_add_months(chrono::Months::new(months));
    if let Some(expires_on) = expires_on.filter(|e| *e < options.as_of) {
        let counts = match (options.certificates.expired, read.level) {
            (Expired::Ignore, Language::Certificate(level)) => {
                read.level = Language::Expired(level);
                ExpiredCounts::NotCounted
            }
            (Expired::Ignore, _) => ExpiredCounts::NoLevel4,
            (Expired::Count, _) => ExpiredCounts::Counted,
        };
        let name = levels
            .certificates
            .get(index)
            .map_or("", |c| c.name.as_str());
        cells.warn(
            Column::LanguageLevel,
            Code::ExpiredCertificate,
            Cell::Expired {
                issued_on,
                expires_on,
                name: name.to_owned(),
                months,
                counts,
            },
        );
    }
    read
}
