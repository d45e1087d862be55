//! Reading typed cells out of a row, collecting every problem of the row.
//!
//! A row is rejected when any of its cells is; all its problems are reported,
//! not just the first.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::diag::{Cell, Code, Diagnostic, Diagnostics, Severity};
use crate::input::columns::Column;
use crate::input::date::parse_date;
use crate::input::table::Row;
use crate::input::values::{BadValue, Vocabulary, parse_term};
use crate::text::clean_id;

/// A row being read, and whether it is still acceptable.
pub struct Cells<'r, 'a, 'd> {
    pub row: &'r Row<'a>,
    diags: &'d mut Diagnostics,
    rejected: bool,
}

impl<'r, 'a, 'd> Cells<'r, 'a, 'd> {
    pub fn new(row: &'r Row<'a>, diags: &'d mut Diagnostics) -> Self {
        Cells {
            row,
            diags,
            rejected: false,
        }
    }

    /// Whether an error was found in the row.
    pub fn rejected(&self) -> bool {
        self.rejected
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        if diagnostic.severity == Severity::Error {
            self.rejected = true;
        }
        self.diags.push(diagnostic);
    }

    pub fn error(&mut self, column: Column, code: Code, what: Cell) {
        let d = self.row.bad_cell(column, Severity::Error, code, what);
        self.report(d);
    }

    pub fn warn(&mut self, column: Column, code: Code, what: Cell) {
        let d = self.row.bad_cell(column, Severity::Warning, code, what);
        self.report(d);
    }

    /// The id in `column`, cleaned; an error when it is empty.
    pub fn id(&mut self, column: Column) -> Cow<'a, str> {
        let (id, had_invisible) = clean_id(self.row.raw(column));
        if had_invisible {
            self.warn(column, Code::Whitespace, Cell::Invisible);
        }
        if id.is_empty() {
            self.error(column, Code::BadValue, Cell::NoId);
        }
        id
    }

    /// A coded value; `None` for an empty cell (an error when `required`).
    pub fn term<T: Copy>(
        &mut self,
        column: Column,
        terms: &Vocabulary<T>,
        required: bool,
    ) -> Option<T> {
        let raw = self.row.get(column);
        if raw.is_empty() {
            if required {
                self.error(column, Code::BadValue, Cell::Required);
            }
            return None;
        }
        self.checked(column, parse_term(raw, terms))
    }

    /// The result of a value parser, reporting a [`BadValue`].
    pub fn checked<T>(&mut self, column: Column, parsed: Result<T, BadValue>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(bad) => {
                self.error(column, Code::BadValue, Cell::Value(bad));
                None
            }
        }
    }

    /// A date; `None` for an empty cell.
    pub fn date(&mut self, column: Column) -> Option<NaiveDate> {
        let raw = self.row.get(column);
        if raw.is_empty() {
            return None;
        }
        match parse_date(raw) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(column, Code::BadDate, Cell::Date(e));
                None
            }
        }
    }

    /// A date after `as_of`: a warning, or an error when `fatal`.
    pub fn not_after(
        &mut self,
        column: Column,
        date: Option<NaiveDate>,
        as_of: NaiveDate,
        fatal: bool,
    ) {
        if let Some(date) = date.filter(|d| *d > as_of) {
            // A year ahead is more likely a typo in the year than a plan.
            let far = as_of
                .checked_add_months(chrono::Months::new(12))
                .is_some_and(|year_on| date > year_on);
            let what = Cell::AfterAsOf {
                as_of,
                far,
                completion: fatal,
            };
            if fatal {
                self.error(column, Code::FutureDate, what);
            } else {
                self.warn(column, Code::FutureDate, what);
            }
        }
    }
}
