//! The gap report: built once from the evaluation, rendered by pure functions
//! (`table`, `json`, `csv`). The JSON shape is the contract of SPEC §5.

pub mod csv;
pub mod gaps;
pub mod json;
pub mod rules;
pub mod table;
mod text;

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::diag::Diagnostic;
use crate::input::table::FileSummary;
use crate::model::{Program, Roster, Severity};
use crate::plan::Plan;
use crate::plan::rules::{Evaluation, Finding, PersonStatus, TargetResult, TargetStatus};

pub use text::finding_message;

/// Bumped when a field changes meaning (SPEC §5).
pub const SCHEMA_VERSION: u32 = 1;

/// The two input files.
#[derive(Clone, Debug, Serialize)]
pub struct Inputs {
    pub roster: FileSummary,
    pub enrolments: FileSummary,
    /// Enrolments left out with their official's rejected roster row.
    #[serde(skip_serializing_if = "is_zero")]
    pub enrolments_of_rejected_officials: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Counts for the last line of the table and for scripts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub targets: usize,
    pub met: usize,
    pub gap: usize,
    pub at_risk: usize,
    pub in_progress: usize,
    pub open: usize,
    pub no_data: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Input rows rejected (only with `--skip-invalid`: otherwise there is no report).
    pub rows_left_out: usize,
    pub input_warnings: usize,
}

/// A finding with the official's details, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingRow {
    pub rule: String,
    pub clause: String,
    pub id: String,
    pub full_name: String,
    pub unit: String,
    pub title: String,
    pub status: PersonStatus,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<Program>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// One sentence for people.
    pub message: String,
    /// Physical line of the official in the roster.
    pub line: u64,
}

/// Everything a `check` says.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema_version: u32,
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub as_of: NaiveDate,
    pub plan: String,
    /// The embedded plan's name or the `--plan` path.
    pub plan_file: String,
    pub due_soon_days: u32,
    pub inputs: Inputs,
    pub summary: Summary,
    pub targets: Vec<TargetResult>,
    pub findings: Vec<FindingRow>,
    /// Problems in the input that did not stop the check (and, with
    /// `--skip-invalid`, the rows left out), capped per code.
    pub input_problems: Vec<Diagnostic>,
}

/// What a report is built from.
pub struct Sources<'a> {
    pub plan: &'a Plan,
    pub plan_file: String,
    pub roster: &'a Roster,
    pub inputs: Inputs,
    pub input_problems: Vec<Diagnostic>,
    pub input_warnings: usize,
    pub as_of: NaiveDate,
    pub due_soon_days: u32,
    pub generated_at: String,
}

/// Most urgent first: overdue (longest first), due soon (soonest first), missing
/// data, not ready, late (latest first).
fn urgency(f: &Finding) -> (u8, i64) {
    let days = f.days.unwrap_or(0);
    match f.status {
        PersonStatus::Overdue => (0, -days),
        PersonStatus::DueSoon => (1, days),
        PersonStatus::MissingData => (2, 0),
        PersonStatus::NotReady => (3, 0),
        PersonStatus::Late => (4, -days),
        PersonStatus::Done | PersonStatus::Open => (5, 0),
    }
}

impl Report {
    pub fn build(sources: Sources<'_>, evaluation: Evaluation) -> Report {
        let Evaluation { targets, findings } = evaluation;
        let rule_order = sources.plan.rule_ids();
        let mut findings = findings;
        findings.sort_by_cached_key(|f| {
            let rank = rule_order
                .iter()
                .position(|r| *r == f.rule)
                .unwrap_or(usize::MAX);
            let id = sources.roster.get(f.official).map(|o| o.id.clone());
            (rank, urgency(f), id)
        });
        let clause_of = |rule: &str| {
            sources
                .plan
                .targets
                .iter()
                .find(|t| t.rule == rule)
                .map(|t| t.clause.clone())
                .unwrap_or_default()
        };
        let rows: Vec<FindingRow> = findings
            .iter()
            .filter_map(|f| {
                let o = sources.roster.get(f.official)?;
                let days = |s: PersonStatus| f.days.filter(|_| f.status == s);
                Some(FindingRow {
                    rule: f.rule.clone(),
                    clause: clause_of(&f.rule),
                    id: o.id.clone(),
                    full_name: o.full_name.clone(),
                    unit: o.unit.clone(),
                    title: o.title.clone(),
                    status: f.status,
                    severity: f.severity,
                    program: f.program,
                    anchor: f.anchor,
                    deadline: f.deadline,
                    days_overdue: days(PersonStatus::Overdue),
                    days_left: days(PersonStatus::DueSoon),
                    days_late: days(PersonStatus::Late),
                    completed_on: f.completed_on,
                    note: f.note.map(str::to_owned),
                    message: finding_message(f),
                    line: o.line,
                })
            })
            .collect();
        let count = |s: TargetStatus| targets.iter().filter(|t| t.status == s).count();
        let severity_count = |s: Severity| {
            targets.iter().filter(|t| t.severity == Some(s)).count()
                + rows.iter().filter(|f| f.severity == s).count()
        };
        let summary = Summary {
            targets: targets.len(),
            met: count(TargetStatus::Met),
            gap: count(TargetStatus::Gap),
            at_risk: count(TargetStatus::AtRisk),
            in_progress: count(TargetStatus::InProgress),
            open: count(TargetStatus::Open),
            no_data: count(TargetStatus::NoData),
            errors: severity_count(Severity::Error),
            warnings: severity_count(Severity::Warning),
            rows_left_out: sources.inputs.roster.rejected + sources.inputs.enrolments.rejected,
            input_warnings: sources.input_warnings,
        };
        Report {
            schema_version: SCHEMA_VERSION,
            generated_at: sources.generated_at,
            as_of: sources.as_of,
            plan: sources.plan.id.clone(),
            plan_file: sources.plan_file,
            due_soon_days: sources.due_soon_days,
            inputs: sources.inputs,
            summary,
            targets,
            findings: rows,
            input_problems: sources.input_problems,
        }
    }

    /// The worst severity among targets and findings.
    pub fn worst(&self) -> Option<Severity> {
        let targets = self.targets.iter().filter_map(|t| t.severity);
        targets
            .chain(self.findings.iter().map(|f| f.severity))
            .max()
    }
}

/// Whether a cell would be read as a formula by a spreadsheet (BAD-INPUT row 32).
pub fn is_formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell)
}

/// `-915`, `+3.5`: a signed number, which a spreadsheet reads as a number, never a formula.
fn is_plain_number(cell: &str) -> bool {
    let Some(unsigned) = cell.strip_prefix(['-', '+']) else {
        return false;
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(int) && digits(frac)
}

/// A cell a spreadsheet would run as a formula, prefixed with `'` so it is text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if is_formula_like(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_but_not_signed_numbers() {
        for formula in [
            "=1+1",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "-",
            "-1e5",
            "\t=1",
            "-.5",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula}");
        }
        for plain in ["-915", "+84912345678", "-3.5", "Nguyễn Văn An", "12"] {
            assert_eq!(neutralise(plain), plain, "{plain}");
        }
    }
}
