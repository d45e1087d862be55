//! The TOML data files that swap in for an embedded default (`--plan`, `--levels`):
//! reading one, and refusing what does not make sense with the line it is on
//! (see the bad-input catalogue in docs/input.md).

use std::cell::OnceCell;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::diag::io::{cannot_read, why};
use crate::diag::problem::{Data, DataFile, Quantity};
use crate::diag::{Code, Diagnostic, Problem};

/// The data file at `path`, or without one the embedded default (its text and
/// how messages name it), read by `parse` from its text and its name.
pub fn load<T>(
    path: Option<&Path>,
    data: DataFile,
    (embedded, embedded_name): (&str, &str),
    parse: fn(&str, &str) -> Result<T, Diagnostic>,
) -> Result<T, Diagnostic> {
    let Some(path) = path else {
        return parse(embedded, embedded_name);
    };
    let text = read_text(path, data)?;
    parse(&text, &path.display().to_string())
}

/// The text of a data file given on the command line, as UTF-8; `data` names
/// the kind of file in the problem, and its code.
fn read_text(path: &Path, data: DataFile) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let code = code(data);
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(&name, None, code, cannot_read(&name, why(&e))))?;
    String::from_utf8(bytes)
        .map_err(|_| Diagnostic::error(&name, None, code, Problem::DataNotUtf8 { data }))
}

/// The code of every problem of a `data` file.
fn code(data: DataFile) -> Code {
    match data {
        DataFile::Plan => Code::Plan,
        DataFile::Levels => Code::Levels,
    }
}

/// Turns byte spans into line numbers and problems into diagnostics.
pub struct Checker<'a> {
    pub text: &'a str,
    pub file: &'a str,
    /// `plan` or `levels`: the code of every problem found.
    pub code: Code,
    /// Where each line feed of `text` is, found on the first question of a line:
    /// the certificate table asks for one per spelling of a certificate.
    line_feeds: OnceCell<Vec<usize>>,
}

impl<'a> Checker<'a> {
    /// The checker of `text`, a `data` file that messages name `file`.
    pub fn new(data: DataFile, text: &'a str, file: &'a str) -> Checker<'a> {
        Checker {
            text,
            file,
            code: code(data),
            line_feeds: OnceCell::new(),
        }
    }

    /// The file parsed as `T`; a TOML or shape error names its line.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        toml::from_str(self.text).map_err(|e| {
            let line = e.span().map(|s| self.line(s));
            self.error_at(line, Data::Toml(e.message().trim().to_owned()))
        })
    }

    /// The line (1-based) that `span` starts on.
    pub fn line(&self, span: Range<usize>) -> u64 {
        let feeds = self
            .line_feeds
            .get_or_init(|| memchr::memchr_iter(b'\n', self.text.as_bytes()).collect());
        1 + feeds.partition_point(|&at| at < span.start) as u64
    }

    pub fn error(&self, span: Range<usize>, problem: Data) -> Diagnostic {
        self.error_at(Some(self.line(span)), problem)
    }

    /// A problem of the whole file (`None`) or at a line.
    pub fn error_at(&self, line: Option<u64>, problem: Data) -> Diagnostic {
        Diagnostic::error(self.file, line, self.code, Problem::Data(problem))
    }

    /// A number within `range`.
    pub fn number(
        &self,
        value: &Spanned<i64>,
        key: &str,
        range: Range<i64>,
        what: Quantity,
    ) -> Result<u32, Diagnostic> {
        let v = *value.get_ref();
        if v < 0 {
            return Err(self.error(
                value.span(),
                Data::Negative {
                    key: key.to_owned(),
                    value: v,
                    what,
                },
            ));
        }
        match (range.contains(&v), u32::try_from(v)) {
            (true, Ok(n)) => Ok(n),
            _ => Err(self.error(
                value.span(),
                Data::OutOfRange {
                    key: key.to_owned(),
                    value: v,
                    what,
                    min: range.start,
                    max: range.end - 1,
                },
            )),
        }
    }

    pub fn year(&self, value: &Spanned<i64>, key: &str) -> Result<i32, Diagnostic> {
        let y = self.number(value, key, 1900..2201, Quantity::Year)?;
        i32::try_from(y).map_err(|_| {
            self.error(
                value.span(),
                Data::NotAYear {
                    key: key.to_owned(),
                },
            )
        })
    }

    pub fn date(
        &self,
        value: &Spanned<toml::value::Datetime>,
        key: &str,
    ) -> Result<NaiveDate, Diagnostic> {
        let dt = value.get_ref();
        let key = key.to_owned();
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .ok_or_else(|| self.error(value.span(), Data::NotADate { key }))
            }
            _ => Err(self.error(value.span(), Data::DateWithTime { key })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_on_the_line_after_each_line_feed_before_it() {
        let text = "a = 1\n\nb = \"x\"\r\n[[c]]\nd = 2";
        let check = Checker::new(DataFile::Plan, text, "plan.toml");
        for start in 0..=text.len() + 3 {
            let feeds = text.as_bytes()[..start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            assert_eq!(check.line(start..start + 1), 1 + feeds as u64, "{start}");
        }
        assert_eq!(check.line(0..1), 1);
        assert_eq!(check.line(7..8), 3);
        assert_eq!(Checker::new(DataFile::Levels, "", "l").line(0..0), 1);
    }
}
