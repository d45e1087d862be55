//! The gap report: built once from the evaluation, rendered by pure functions
//! (`table`, `json`, `csv`). The JSON shape is the contract of SPEC §5.

pub mod csv;
pub mod json;
pub mod table;
mod text;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::input::diag::Diagnostic;
use crate::input::table::FileSummary;
use crate::model::{Program, Roster, Severity};
use crate::plan::Plan;
use crate::plan::rules::{Evaluation, Finding, PersonStatus, TargetResult, TargetStatus};

pub use text::{Message, finding_message};

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

/// A finding with the official's details, ready to print: a view of the roster,
/// made as it is rendered (issue 6: 1.5 million of them at national scale).
#[derive(Clone, Debug, Serialize)]
pub struct FindingRow<'a> {
    pub rule: &'a str,
    pub clause: &'a str,
    pub id: &'a str,
    pub full_name: &'a str,
    pub unit: &'a str,
    pub title: &'a str,
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
    pub note: Option<&'static str>,
    /// One sentence for people.
    pub message: Message<'a>,
    /// Physical line of the official in the roster.
    pub line: u64,
}

/// The findings in report order: by rule as the plan lists them, most urgent first,
/// then by id. Each is read out of the roster only when it is rendered.
#[derive(Clone, Debug)]
pub struct Findings<'a> {
    roster: &'a Roster,
    /// (rule, clause) in plan order.
    rules: Vec<(&'a str, &'a str)>,
    list: Vec<Finding>,
}

impl<'a> Findings<'a> {
    /// Put `findings` in report order.
    fn new(plan: &'a Plan, roster: &'a Roster, mut list: Vec<Finding>) -> Findings<'a> {
        let rules: Vec<(&str, &str)> = plan
            .rule_ids()
            .into_iter()
            .map(|rule| {
                let clause = plan.targets.iter().find(|t| t.rule == rule);
                (rule, clause.map_or("", |t| t.clause.as_str()))
            })
            .collect();
        let rank = |f: &Finding| {
            let rank = rules.iter().position(|(r, _)| **r == *f.rule);
            rank.map_or(u32::MAX, |r| r as u32)
        };
        // A stable sort on (rule, urgency, id): ids are compared as their rank in the
        // roster sorted by id, worked out once rather than per comparison.
        let id_rank = roster.id_ranks();
        let id_of = |f: &Finding| {
            id_rank
                .get(f.official as usize)
                .copied()
                .unwrap_or(u32::MAX)
        };
        list.sort_by_cached_key(|f| (rank(f), urgency(f), id_of(f)));
        Findings {
            roster,
            rules,
            list,
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The findings from `start`, up to `n` of them.
    pub fn range(&self, start: usize, n: usize) -> impl Iterator<Item = FindingRow<'_>> {
        self.list
            .iter()
            .skip(start)
            .take(n)
            .filter_map(|f| self.row(f))
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every finding with the official's details.
    pub fn iter(&self) -> impl Iterator<Item = FindingRow<'_>> {
        self.list.iter().filter_map(|f| self.row(f))
    }

    fn row<'s>(&'s self, f: &'s Finding) -> Option<FindingRow<'s>> {
        let o = self.roster.get(f.official)?;
        let names = self.roster.names(f.official)?;
        let days = |s: PersonStatus| f.days.filter(|_| f.status == s);
        let clause = self
            .rules
            .iter()
            .find(|(r, _)| **r == *f.rule)
            .map_or("", |(_, c)| c);
        Some(FindingRow {
            rule: &f.rule,
            clause,
            id: names.id,
            full_name: names.full_name,
            unit: names.unit,
            title: names.title,
            status: f.status,
            severity: f.severity,
            program: f.program,
            anchor: f.anchor,
            deadline: f.deadline,
            days_overdue: days(PersonStatus::Overdue),
            days_left: days(PersonStatus::DueSoon),
            days_late: days(PersonStatus::Late),
            completed_on: f.completed_on,
            note: f.note,
            message: Message(f),
            line: o.line,
        })
    }
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Everything a `check` says.
#[derive(Clone, Debug, Serialize)]
pub struct Report<'a> {
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
    pub findings: Findings<'a>,
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

impl<'a> Report<'a> {
    pub fn build(sources: Sources<'a>, evaluation: Evaluation) -> Report<'a> {
        let Evaluation { targets, findings } = evaluation;
        let finding_count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let (finding_errors, finding_warnings) = (
            finding_count(Severity::Error),
            finding_count(Severity::Warning),
        );
        let count = |s: TargetStatus| targets.iter().filter(|t| t.status == s).count();
        let target_count = |s: Severity| targets.iter().filter(|t| t.severity == Some(s)).count();
        let summary = Summary {
            targets: targets.len(),
            met: count(TargetStatus::Met),
            gap: count(TargetStatus::Gap),
            at_risk: count(TargetStatus::AtRisk),
            in_progress: count(TargetStatus::InProgress),
            open: count(TargetStatus::Open),
            no_data: count(TargetStatus::NoData),
            errors: target_count(Severity::Error) + finding_errors,
            warnings: target_count(Severity::Warning) + finding_warnings,
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
            findings: Findings::new(sources.plan, sources.roster, findings),
            input_problems: sources.input_problems,
        }
    }

    /// The report without its findings: what the JSON renderer frames them with.
    pub fn frame(&self) -> Report<'a> {
        Report {
            schema_version: self.schema_version,
            generated_at: self.generated_at.clone(),
            as_of: self.as_of,
            plan: self.plan.clone(),
            plan_file: self.plan_file.clone(),
            due_soon_days: self.due_soon_days,
            inputs: self.inputs.clone(),
            summary: self.summary.clone(),
            targets: self.targets.clone(),
            findings: Findings {
                roster: self.findings.roster,
                rules: self.findings.rules.clone(),
                list: Vec::new(),
            },
            input_problems: self.input_problems.clone(),
        }
    }

    /// The worst severity among targets and findings.
    pub fn worst(&self) -> Option<Severity> {
        let targets = self.targets.iter().filter_map(|t| t.severity);
        targets
            .chain(self.findings.list.iter().map(|f| f.severity))
            .max()
    }
}

/// Whether a cell would be read as a formula by a spreadsheet (BAD-INPUT row 32).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}
