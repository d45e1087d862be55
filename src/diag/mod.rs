//! Problems found in the input files, each with a stable code (see the bad-input catalogue in docs/input.md).
//!
//! A diagnostic prints as `FILE:LINE:COLUMN: error[code]: message (hint)`, where
//! LINE is the physical line (header = 1) and COLUMN the 1-based column; the
//! message names the header as the user wrote it. In a workbook the place is the
//! cell as Excel names it: `FILE:SHEET!C14: error[code]: message`.
//!
//! This module is the data of a diagnostic: where, how severe, which code, and
//! the [`Problem`] found, with the cap per code. Its words live above it, in
//! `crate::i18n::diag`: each problem in English and Vietnamese, how a diagnostic
//! prints (`Display`, `Diagnostic::display`, `message`, `worded`), how it
//! serialises, and the lines of problems over the cap (`Diagnostics::overflow`).

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

pub use crate::model::Severity;

pub mod io;
pub mod place;
pub mod problem;
pub mod value;

pub use problem::{Cell, Place, Problem};

/// The stable codes of the bad-input catalogue in docs/input.md, and of the consistency warnings of
/// `validate`. Never renamed, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    EmptyFile,
    NoRows,
    Encoding,
    LossyExport,
    LegacyFont,
    MissingColumn,
    DuplicateColumn,
    BlankHeader,
    ExtraCell,
    MissingCell,
    UnclosedQuote,
    BlankRow,
    TooLarge,
    DuplicateId,
    DuplicateRow,
    UnknownId,
    BadValue,
    BadDate,
    BadRange,
    FutureDate,
    MissingDate,
    Inconsistent,
    Whitespace,
    Io,
    Plan,
    /// A JSON report given to `check --baseline` or `diff` that cannot be compared.
    Baseline,
    /// `validate`: a planned official listed in a language group.
    PlannedInGroup,
    /// `validate`: the head of an institution with no degree recorded.
    HeadWithoutDegree,
    /// A levels file (`--levels`) with a wrong key or value.
    Levels,
    /// A certificate the levels table does not cover, or without a readable
    /// score: its holder has no known level until a person reviews it.
    UnknownCertificate,
    /// A certificate older than its type's validity on the as-of date.
    ExpiredCertificate,
    /// Certificates of a type with a validity and no `certificate_date`, with
    /// `--expired-certificates ignore`: their expiry could not be checked.
    UndatedCertificate,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::EmptyFile => "empty-file",
            Code::NoRows => "no-rows",
            Code::Encoding => "encoding",
            Code::LossyExport => "lossy-export",
            Code::LegacyFont => "legacy-font",
            Code::MissingColumn => "missing-column",
            Code::DuplicateColumn => "duplicate-column",
            Code::BlankHeader => "blank-header",
            Code::ExtraCell => "extra-cell",
            Code::MissingCell => "missing-cell",
            Code::UnclosedQuote => "unclosed-quote",
            Code::BlankRow => "blank-row",
            Code::TooLarge => "too-large",
            Code::DuplicateId => "duplicate-id",
            Code::DuplicateRow => "duplicate-row",
            Code::UnknownId => "unknown-id",
            Code::BadValue => "bad-value",
            Code::BadDate => "bad-date",
            Code::BadRange => "bad-range",
            Code::FutureDate => "future-date",
            Code::MissingDate => "missing-date",
            Code::Inconsistent => "inconsistent",
            Code::Whitespace => "whitespace",
            Code::Io => "io",
            Code::Plan => "plan",
            Code::Baseline => "baseline",
            Code::PlannedInGroup => "planned-in-group",
            Code::HeadWithoutDegree => "head-without-degree",
            Code::Levels => "levels",
            Code::UnknownCertificate => "unknown-certificate",
            Code::ExpiredCertificate => "expired-certificate",
            Code::UndatedCertificate => "undated-certificate",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one place. It prints in English (`Display`), or in a
/// language with `Diagnostic::display` (both worded by `crate::i18n::diag`);
/// the place, the severity and the code read the same in every language
/// (`error[bad-date]`: codes are the contract, and a stable prefix is what
/// people grep for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// The worksheet, for a workbook; then `line` is its row and `column` its column.
    pub sheet: Option<String>,
    pub line: Option<u64>,
    pub column: Option<usize>,
    pub severity: Severity,
    pub code: Code,
    /// Boxed: a diagnostic travels in `Err`s, and is made only when a problem is found.
    pub message: Box<Problem>,
}

impl Diagnostic {
    /// An error of `file` as a whole, or at `line`: no column, not in a sheet. Where a
    /// diagnostic differs (a column, a sheet, a warning), struct update syntax says how.
    pub fn error(
        file: &str,
        line: Option<u64>,
        code: Code,
        message: impl Into<Box<Problem>>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_owned(),
            sheet: None,
            line,
            column: None,
            severity: Severity::Error,
            code,
            message: message.into(),
        }
    }
}

/// How many diagnostics of one code in one file are kept; the rest are counted.
pub const CAP_PER_CODE: usize = 50;

/// Every problem of a run, capped per file and code, with the rest counted.
#[derive(Debug, Default)]
pub struct Diagnostics {
    kept: Vec<Diagnostic>,
    counts: BTreeMap<(String, Code, Severity), usize>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        let key = (
            diagnostic.file.clone(),
            diagnostic.code,
            diagnostic.severity,
        );
        let seen = self.counts.entry(key).or_insert(0);
        *seen += 1;
        if *seen <= CAP_PER_CODE {
            self.kept.push(diagnostic);
        }
    }

    /// Count `n` more problems of `code` in `file` that are not kept: what a reader
    /// measured past the cap without making a diagnostic of each.
    /// (Asked of every row read, almost always with none: decided where it is asked.)
    #[inline]
    pub fn count_more(&mut self, file: &str, code: Code, severity: Severity, n: u64) {
        if n > 0 {
            self.add_count(file, code, severity, n);
        }
    }

    fn add_count(&mut self, file: &str, code: Code, severity: Severity, n: u64) {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        let seen = self
            .counts
            .entry((file.to_owned(), code, severity))
            .or_insert(0);
        *seen = seen.saturating_add(n);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.kept {
            self.push(d);
        }
        for (key, n) in other.counts {
            let kept = n.min(CAP_PER_CODE);
            *self.counts.entry(key).or_insert(0) += n - kept;
        }
    }

    /// The diagnostics kept, in the order they were found.
    pub fn kept(&self) -> &[Diagnostic] {
        &self.kept
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.count_where(|_, s| s == severity)
    }

    pub fn count_code(&self, code: Code) -> usize {
        self.count_where(|c, _| c == code)
    }

    /// How many problems, kept or counted, of the codes and severities `which` takes.
    fn count_where(&self, which: impl Fn(Code, Severity) -> bool) -> usize {
        self.counts
            .iter()
            .filter(|((_, c, s), _)| which(*c, *s))
            .map(|(_, n)| n)
            .sum()
    }

    /// How many of each code and severity, all files together: errors first,
    /// then by code.
    pub fn tally(&self) -> Vec<(Severity, Code, usize)> {
        let mut by_code: BTreeMap<(std::cmp::Reverse<Severity>, Code), usize> = BTreeMap::new();
        for ((_, code, severity), n) in &self.counts {
            *by_code
                .entry((std::cmp::Reverse(*severity), *code))
                .or_insert(0) += n;
        }
        by_code
            .into_iter()
            .map(|((severity, code), n)| (severity.0, code, n))
            .collect()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// Each file, code and severity with more problems than are kept, with how
    /// many there are in all: what the lines of `overflow` say.
    pub fn over_cap(&self) -> impl Iterator<Item = (&str, Code, Severity, usize)> {
        self.counts
            .iter()
            .filter(|(_, n)| **n > CAP_PER_CODE)
            .map(|((file, code, severity), n)| (file.as_str(), *code, *severity, *n))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An error of `code` at column 1 of `line` of `roster.csv`, for the tests of
    /// diagnostics here and of their words.
    pub(crate) fn diag(line: u64, code: Code) -> Diagnostic {
        Diagnostic {
            column: Some(1),
            ..Diagnostic::error("roster.csv", Some(line), code, Problem::Worded("x".into()))
        }
    }

    /// 120 bad dates of `roster.csv` and a bad value: one code over the cap.
    pub(crate) fn over_the_cap() -> Diagnostics {
        let mut all = Diagnostics::default();
        for line in 0..120 {
            all.push(diag(line, Code::BadDate));
        }
        all.push(diag(7, Code::BadValue));
        all
    }

    #[test]
    fn caps_each_code_and_counts_the_rest() {
        let all = over_the_cap();
        assert_eq!(all.kept().len(), CAP_PER_CODE + 1);
        assert_eq!(all.count(Severity::Error), 121);
        assert_eq!(all.count_code(Code::BadDate), 120);
        assert_eq!(
            all.over_cap().collect::<Vec<_>>(),
            vec![("roster.csv", Code::BadDate, Severity::Error, 120)]
        );
    }
}
