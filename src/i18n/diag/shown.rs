//! How a diagnostic of `crate::diag` reads: `FILE:LINE:COLUMN: error[code]:
//! message` in a language, its JSON fields, and the lines of problems over the
//! cap. The methods are `Diagnostic`'s and `Diagnostics`' own, written here so
//! that `diag` holds data and no words.

use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;

use super::say;
use crate::diag::place::{column_letters, quote_sheet};
use crate::diag::{CAP_PER_CODE, Diagnostic, Diagnostics, Problem, Severity};
use crate::lang::Lang;

/// A diagnostic as people of a language read it.
pub struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
}

impl Diagnostic {
    /// This diagnostic worded in `lang`.
    pub fn display(&self, lang: Lang) -> Shown<'_> {
        Shown {
            diagnostic: self,
            lang,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        say(&self.message, lang)
    }

    /// This diagnostic with its message worded in `lang` once and for all: what a
    /// report in that language holds.
    pub fn worded(&self, lang: Lang) -> Diagnostic {
        Diagnostic {
            message: Box::new(Problem::Worded(self.message(lang))),
            ..self.clone()
        }
    }
}

/// The fields of docs/json-report.md `input_problems[]`; the message in English unless
/// worded in a language before (`Diagnostic::worded`).
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Diagnostic", 7)?;
        s.serialize_field("file", &self.file)?;
        match &self.sheet {
            Some(sheet) => s.serialize_field("sheet", sheet)?,
            None => s.skip_field("sheet")?,
        }
        match &self.line {
            Some(line) => s.serialize_field("line", line)?,
            None => s.skip_field("line")?,
        }
        match &self.column {
            Some(column) => s.serialize_field("column", column)?,
            None => s.skip_field("column")?,
        }
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &self.message(Lang::En))?;
        s.end()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Lang::En).fmt(f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        write!(f, "{}:", d.file)?;
        if let Some(sheet) = &d.sheet {
            // what Excel's Name Box takes: `Sheet1!C14`, or the row `Sheet1!14:14`
            let sheet = quote_sheet(sheet);
            match (d.line, d.column) {
                (Some(row), Some(column)) => {
                    let column = column_letters(column);
                    write!(f, "{sheet}!{column}{row}:")?;
                }
                (Some(row), None) => write!(f, "{sheet}!{row}:{row}:")?,
                (None, _) => write!(f, "{sheet}:")?,
            }
        } else if let Some(line) = d.line {
            write!(f, "{line}:")?;
            if let Some(column) = d.column {
                write!(f, "{column}:")?;
            }
        }
        write!(
            f,
            " {}[{}]: {}",
            d.severity.label(),
            d.code,
            d.message(self.lang)
        )
    }
}

/// A problem in English: what an error that ends a run (a file that stops
/// being readable half-way) says where the run ends.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say(self, Lang::En))
    }
}

/// A problem travels as the error that ends a run (`anyhow::Error`).
impl std::error::Error for Problem {}

impl Diagnostics {
    /// The diagnostics kept, their messages worded in `lang`: what a report holds.
    pub fn worded(&self, lang: Lang) -> Vec<Diagnostic> {
        self.kept().iter().map(|d| d.worded(lang)).collect()
    }

    /// Lines saying how many of a code were found beyond the cap.
    pub fn overflow(&self) -> Vec<String> {
        self.overflow_where(|_| true, Lang::En)
    }

    /// The lines of `overflow` about problems of the severities `keep` accepts, in `lang`.
    pub fn overflow_where(&self, keep: impl Fn(Severity) -> bool, lang: Lang) -> Vec<String> {
        self.over_cap()
            .filter(|(_, _, severity, _)| keep(*severity))
            .map(|(file, code, severity, n)| {
                let (more, label) = (n - CAP_PER_CODE, severity.label());
                match lang {
                    Lang::En => {
                        format!("{file}: … and {more} more {label}[{code}] not shown ({n} in all)")
                    }
                    Lang::Vi => format!(
                        "{file}: … và {more} {label}[{code}] khác không hiện ra (tổng cộng {n})"
                    ),
                }
            })
            .collect()
    }

    /// Every kept diagnostic on its own line, then a line per code over the cap, in `lang`.
    pub fn display(&self, lang: Lang) -> ShownAll<'_> {
        ShownAll {
            diagnostics: self,
            lang,
        }
    }
}

/// Every kept diagnostic on its own line, then a line per code over the cap, in English.
impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Lang::En).fmt(f)
    }
}

/// Every diagnostic of a run as people of a language read them.
pub struct ShownAll<'a> {
    diagnostics: &'a Diagnostics,
    lang: Lang,
}

impl fmt::Display for ShownAll<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.diagnostics.kept() {
            writeln!(f, "{}", d.display(self.lang))?;
        }
        for line in self.diagnostics.overflow_where(|_| true, self.lang) {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}
