//! One `[[target]]` of a plan file as its kind reads it: each key typed, and
//! anything that does not make sense refused with the line it is on. The keys
//! every target has are read by `plan/load.rs`.

use std::ops::{Deref, Range};

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, ValueDeserializer};

use crate::datafile::Checker;
use crate::diag::Diagnostic;
use crate::diag::problem::{Data, DataFile, Quantity};
use crate::input::values::{HEADS, PROGRAMS, parse_term};
use crate::model::{Groups, HeadOf, Program};

/// The keys of one target, with where each is in the file. It is the file's
/// [`Checker`] too (a number, a year or a date read, a problem at a span), with
/// what only a target has: its keys, its programmes, heads and groups.
/// `plan/load.rs` makes it from the target it has read.
pub struct Table<'t> {
    pub(in crate::plan) check: &'t Checker<'t>,
    /// The target's rule id, for messages.
    pub(in crate::plan) rule: &'t str,
    /// The target's kind, for messages.
    pub(in crate::plan) kind: &'t str,
    /// The whole target: where a missing key is reported.
    pub(in crate::plan) span: Range<usize>,
    pub(in crate::plan) keys: &'t DeTable<'t>,
    /// How many language groups the plan defines, if its file says.
    pub(in crate::plan) groups: Option<u8>,
}

impl<'t> Deref for Table<'t> {
    type Target = Checker<'t>;

    fn deref(&self) -> &Checker<'t> {
        self.check
    }
}

impl<'t> Table<'t> {
    /// The value of `key` as a `T` (a `Spanned<T>` keeps where it is), if the
    /// target has it.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, Diagnostic> {
        let Some(value) = self.keys.get(key) else {
            return Ok(None);
        };
        T::deserialize(ValueDeserializer::from(value.clone()))
            .map(Some)
            .map_err(|e| {
                let line = e.span().or(Some(value.span())).map(|s| self.check.line(s));
                self.check
                    .error_at(line, Data::Toml(e.message().trim().to_owned()))
            })
    }

    /// The value of `key`, which the kind needs.
    pub fn need<T: DeserializeOwned>(&self, key: &'static str) -> Result<T, Diagnostic> {
        self.get(key)?.ok_or_else(|| self.missing(key))
    }

    /// That the target lacks `key`, which its kind needs.
    pub fn missing(&self, key: &'static str) -> Diagnostic {
        self.error(
            self.span.clone(),
            Data::Needs {
                key,
                kind: self.kind.to_owned(),
                target: self.rule.to_owned(),
                data: DataFile::Plan,
            },
        )
    }

    /// A problem of the whole target.
    pub fn target_error(&self, problem: Data) -> Diagnostic {
        self.error(self.span.clone(), problem)
    }

    /// The target's rule id.
    pub fn rule(&self) -> &str {
        self.rule
    }

    /// A programme code.
    pub fn program(
        &self,
        value: &Spanned<String>,
        key: &'static str,
    ) -> Result<Program, Diagnostic> {
        parse_term(value.get_ref(), &PROGRAMS).map_err(|bad| {
            self.error(
                value.span(),
                Data::BadTerm {
                    key,
                    value: value.get_ref().clone(),
                    bad,
                    listed: false,
                },
            )
        })
    }

    /// An institution of `heads`.
    pub fn head(&self, value: &Spanned<String>) -> Result<HeadOf, Diagnostic> {
        parse_term(value.get_ref(), &HEADS).map_err(|bad| {
            self.error(
                value.span(),
                Data::BadTerm {
                    key: "heads",
                    value: value.get_ref().clone(),
                    bad,
                    listed: true,
                },
            )
        })
    }

    /// One of `choices`, by name.
    pub fn choice<T: Copy>(
        &self,
        value: &Spanned<String>,
        key: &'static str,
        choices: &[(&str, T)],
    ) -> Result<T, Diagnostic> {
        choices
            .iter()
            .find(|(name, _)| *name == value.get_ref())
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                self.error(
                    value.span(),
                    Data::NotOneOf {
                        key,
                        value: value.get_ref().clone(),
                        choices: names.join(", "),
                    },
                )
            })
    }

    /// A language group of the plan: 1 to as many as the plan defines.
    pub fn group(&self, value: &Spanned<i64>) -> Result<u8, Diagnostic> {
        let groups = self.groups.unwrap_or(Groups::MAX);
        let g = self.number(
            value,
            "group",
            1..i64::from(groups) + 1,
            Quantity::LanguageGroup,
        )?;
        // at most Groups::MAX by the range above
        Ok(u8::try_from(g).unwrap_or(Groups::MAX))
    }
}
