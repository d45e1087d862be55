//! The gap report: built once from the evaluation, rendered by pure functions
//! (`table`, `json`, `csv`, `markdown`); `gaps` renders next year's lists and
//! `rules` the plan's rules. The JSON shape is the contract of SPEC §5.
//! `diff` compares two reports (or a report and its baseline).

pub mod csv;
pub mod diff;
pub mod gaps;
pub mod json;
pub mod markdown;
pub mod rules;
pub mod table;
mod text;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// Input rows rejected for an error, and enrolments of the officials whose
    /// roster rows were (only with `--skip-invalid`: otherwise there is no report).
    pub rows_left_out: usize,
    pub input_warnings: usize,
    /// With `--baseline`: findings not in the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<usize>,
    /// With `--baseline`: findings also in the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persisting: Option<usize>,
    /// With `--baseline`: findings of the baseline that are gone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<usize>,
    /// With `--baseline`: errors that are new — see `diff::new_errors` (what
    /// `--fail-on new` fails on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_errors: Option<usize>,
}

/// Where a finding stands against an earlier report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Not in the earlier report.
    New,
    /// In both (same fingerprint), whatever its status.
    Persisting,
    /// In the earlier report only.
    Resolved,
}

impl Change {
    pub fn code(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Persisting => "persisting",
            Change::Resolved => "resolved",
        }
    }
}

/// What makes a finding the same finding in two reports: never its line, since
/// rows move between exports, nor its status, which is what may change.
/// Findings carry a programme (windows, doctorates, planned-ready); a group or a
/// year joins the fingerprint when findings of such kinds appear.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint<'a> {
    pub rule: &'a str,
    pub id: &'a str,
    pub program: Option<Program>,
}

/// An earlier report, as a later one names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportRef {
    pub path: String,
    pub sha256: String,
    pub generated_at: String,
    pub as_of: NaiveDate,
}

/// A finding with the official's details, ready to print. Read back from an
/// earlier report, only what identifies it is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRow {
    pub rule: String,
    #[serde(default)]
    pub clause: String,
    pub id: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub title: String,
    pub status: PersonStatus,
    pub severity: Severity,
    /// With a baseline: new, persisting, or (in `resolved`) resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// With a baseline, for a persisting finding: its status in the baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_status: Option<PersonStatus>,
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
    #[serde(default)]
    pub message: String,
    /// Physical line of the official in the roster.
    #[serde(default)]
    pub line: u64,
}

impl FindingRow {
    /// What makes it the same finding in another report (see `Fingerprint`).
    pub fn fingerprint(&self) -> Fingerprint<'_> {
        Fingerprint {
            rule: &self.rule,
            id: &self.id,
            program: self.program,
        }
    }
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
    /// With `--baseline`: the earlier report the findings are marked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<ReportRef>,
    pub summary: Summary,
    pub targets: Vec<TargetResult>,
    pub findings: Vec<FindingRow>,
    /// Problems in the input that did not stop the check (and, with
    /// `--skip-invalid`, the rows left out), capped per code.
    pub input_problems: Vec<Diagnostic>,
    /// With `--baseline`: its findings that are gone, in its order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Vec<FindingRow>>,
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
                    change: None,
                    previous_status: None,
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
            rows_left_out: sources.inputs.roster.rejected
                + sources.inputs.enrolments.rejected
                + sources.inputs.enrolments_of_rejected_officials,
            input_warnings: sources.input_warnings,
            ..Summary::default()
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
            baseline: None,
            resolved: None,
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
