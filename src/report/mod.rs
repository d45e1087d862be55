//! The gap report: built once from the evaluation, in codes and numbers, and
//! laid out by the renderers of `crate::render` with the words of
//! `crate::i18n::report`. `baseline` reads an earlier JSON report back (its shape
//! is the contract of docs/json-report.md); `diff` compares two reports (or a
//! report and its baseline); `trend` lines several reports up by their as-of dates.

pub mod baseline;
pub mod diff;
mod findings;
pub mod trend;
pub mod units;

use chrono::NaiveDate;
use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::input::table::FileSummary;
use crate::model::{Program, Roster, Severity};
use crate::plan::rules::{Evaluation, Finding, Note, PersonStatus, TargetResult, TargetStatus};
use crate::plan::{Glossary, Plan, Target};
use crate::report::units::{DEFAULT_LEVEL, Units};

pub use crate::model::Shown;
pub use findings::Findings;

/// Bumped when a field changes meaning (docs/json-report.md).
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

/// A finding with the official's details, ready to print. The report's own are
/// borrowed from the roster as they are rendered, never held all at
/// once (1.5 million of them at national scale); read back from an earlier report they
/// are owned, and only what identifies them is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRow<'a> {
    pub rule: Cow<'a, str>,
    #[serde(default)]
    pub clause: Cow<'a, str>,
    pub id: Cow<'a, str>,
    #[serde(default)]
    pub full_name: Cow<'a, str>,
    #[serde(default)]
    pub unit: Cow<'a, str>,
    #[serde(default)]
    pub title: Cow<'a, str>,
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
    /// Why data is missing, or a note on the finding: a code, the same in every
    /// language (`in_progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_code: Option<Note>,
    /// `note_code` in the report's language: as read back from an earlier
    /// report; for the report's own findings, none until a renderer words them
    /// (`i18n::report::worded`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    /// One sentence for people, worded like `note`.
    #[serde(default)]
    pub message: Cow<'a, str>,
    /// Physical line of the official in the roster.
    #[serde(default)]
    pub line: u64,
}

impl FindingRow<'_> {
    /// The row with its text its own.
    pub fn into_owned(self) -> FindingRow<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        FindingRow {
            rule: own(self.rule),
            clause: own(self.clause),
            id: own(self.id),
            full_name: own(self.full_name),
            unit: own(self.unit),
            title: own(self.title),
            status: self.status,
            severity: self.severity,
            change: self.change,
            previous_status: self.previous_status,
            program: self.program,
            anchor: self.anchor,
            deadline: self.deadline,
            days_overdue: self.days_overdue,
            days_left: self.days_left,
            days_late: self.days_late,
            completed_on: self.completed_on,
            note_code: self.note_code,
            note: self.note.map(own),
            message: own(self.message),
            line: self.line,
        }
    }

    /// What makes it the same finding in another report (see `Fingerprint`).
    pub fn fingerprint(&self) -> Fingerprint<'_> {
        Fingerprint {
            rule: &self.rule,
            id: &self.id,
            program: self.program,
        }
    }
}

/// How a finding of the report stands against a baseline (`check --baseline`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    pub change: Option<Change>,
    pub previous_status: Option<PersonStatus>,
}

/// Everything a `check` says, in codes and numbers: `render::json` writes it as
/// docs/json-report.md says, with its notes and messages worded.
#[derive(Clone, Debug)]
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
    /// With `--baseline`: the earlier report the findings are marked against.
    pub baseline: Option<ReportRef>,
    pub summary: Summary,
    /// Each row's `note` is left to the renderers to word from its `note_code`.
    pub targets: Vec<TargetResult>,
    pub findings: Findings<'a>,
    /// Problems in the input that did not stop the check (and, with
    /// `--skip-invalid`, the rows left out), capped per code.
    pub input_problems: Vec<Diagnostic>,
    /// With `--baseline`: its findings that are gone, in its order.
    pub resolved: Option<Vec<FindingRow<'static>>>,
    /// The plan's words the renderers cite (clauses, group names).
    pub glossary: Arc<Glossary>,
    /// Which findings (and resolved findings) are listed; the summary counts all.
    pub shown: Shown,
    /// The findings `shown` leaves out.
    pub not_listed: usize,
    /// Each unit in numbers, from every finding, listed or not.
    pub units: Units<'a>,
    /// The worst severity among the targets and every finding, listed or not.
    worst: Option<Severity>,
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
    /// The findings kept in the report, and put in order: the others are only
    /// counted. `Shown::All` when a baseline will pair every finding first. The
    /// evaluation is made for the same (`evaluate`), so that those not listed
    /// come counted in its `unlisted`, never stored.
    pub listed: Shown,
}

impl<'a> Report<'a> {
    pub fn build(sources: Sources<'a>, evaluation: Evaluation) -> Report<'a> {
        let Evaluation {
            targets,
            findings,
            unlisted,
        } = evaluation;
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
            errors: target_count(Severity::Error) + finding_errors + unlisted.errors,
            warnings: target_count(Severity::Warning) + finding_warnings + unlisted.warnings,
            rows_left_out: sources.inputs.roster.rejected
                + sources.inputs.enrolments.rejected
                + sources.inputs.enrolments_of_rejected_officials,
            input_warnings: sources.input_warnings,
            ..Summary::default()
        };
        // the language share of a unit at the level the plan's shares ask for
        let level = targets
            .iter()
            .filter_map(|t| t.detail.level_share())
            .map(|share| share.min_level)
            .min()
            .unwrap_or(DEFAULT_LEVEL);
        let units = Units::count(sources.roster, &findings, &unlisted, level);
        let worst = targets
            .iter()
            .filter_map(|t| t.severity)
            .chain(findings.iter().map(|f| f.severity))
            .chain(unlisted.worst())
            .max();
        let all = findings.len() + unlisted.len();
        let findings = Findings::new(sources.plan, sources.roster, findings, sources.listed);
        let not_listed = all - findings.len();
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
            findings,
            input_problems: sources.input_problems,
            baseline: None,
            resolved: None,
            glossary: sources.plan.glossary.clone(),
            shown: sources.listed,
            not_listed,
            units,
            worst,
        }
    }

    /// The worst severity among targets and findings, whether listed or not.
    pub fn worst(&self) -> Option<Severity> {
        self.worst
    }

    /// List only the findings, and the resolved findings of a baseline, that
    /// `shown` lists. After the comparison with a baseline, which pairs every
    /// finding; the summary and the exit code are unchanged.
    pub fn show(&mut self, shown: Shown) {
        self.shown = shown;
        let before = self.findings.len();
        self.findings.keep(shown);
        self.not_listed += before - self.findings.len();
        if let Some(resolved) = &mut self.resolved {
            resolved.retain(|f| shown.lists(f.severity));
        }
    }
}
