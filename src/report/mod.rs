//! The gap report: built once from the evaluation, in codes and numbers, and
//! laid out by the renderers of `crate::render` with the words of
//! `crate::i18n::report`. `baseline` reads an earlier JSON report back (its shape
//! is the contract of docs/json-report.md); `diff` compares two reports (or a
//! report and its baseline); `trend` lines several reports up by their as-of dates.

pub mod baseline;
pub mod diff;
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

/// Which finding rows a report lists (`--findings`): the targets, the counts and
/// the summary are the same whichever it is. A national roll-up reads the targets
/// and the errors, not a million and a half warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    #[default]
    All,
    Errors,
    None,
}

impl Shown {
    /// Whether a finding of `severity` is listed.
    pub fn lists(self, severity: Severity) -> bool {
        match self {
            Shown::All => true,
            Shown::Errors => severity == Severity::Error,
            Shown::None => false,
        }
    }

    /// Whether it is the default: every finding listed.
    pub fn is_all(&self) -> bool {
        *self == Shown::All
    }
}

/// The findings in report order: by rule as the plan lists them, most urgent first,
/// then by id. Each is read out of the roster only when it is rendered.
#[derive(Clone, Debug)]
pub struct Findings<'a> {
    roster: &'a Roster,
    /// The plan's targets: a finding's rule and clause are its target's.
    targets: &'a [Target],
    list: Vec<Finding>,
    /// Per finding, with a baseline; empty without one.
    marks: Vec<Mark>,
}

impl<'a> Findings<'a> {
    /// Put the findings of `list` that `listed` lists in report order (those it
    /// leaves out are not sorted: a national roll-up leaves out 1.5 million).
    fn new(
        plan: &'a Plan,
        roster: &'a Roster,
        mut list: Vec<Finding>,
        listed: Shown,
    ) -> Findings<'a> {
        if !listed.is_all() {
            list.retain(|f| listed.lists(f.severity));
        }
        // Each target's rule by its place among the plan's rule ids: the findings of
        // the targets of one rule go together.
        let rules = plan.rule_ids();
        let rule_rank: Vec<u32> = plan
            .targets
            .iter()
            .map(|t| {
                let rank = rules.iter().position(|r| *r == t.rule);
                rank.map_or(u32::MAX, |r| u32::try_from(r).unwrap_or(u32::MAX))
            })
            .collect();
        let rank = |f: &Finding| {
            rule_rank
                .get(f.target as usize)
                .copied()
                .unwrap_or(u32::MAX)
        };
        // A stable sort on (rule, urgency, id): ids are compared as their rank in the
        // roster sorted by id, worked out once rather than per comparison.
        let id_rank = if list.len() > 1 {
            roster.id_ranks()
        } else {
            Vec::new()
        };
        let id_of = |f: &Finding| {
            id_rank
                .get(f.official as usize)
                .copied()
                .unwrap_or(u32::MAX)
        };
        sort_findings(&mut list, rank, id_of);
        Findings {
            roster,
            targets: &plan.targets,
            list,
            marks: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The findings from `start`, up to `n` of them.
    pub fn range(&self, start: usize, n: usize) -> impl Iterator<Item = FindingRow<'_>> {
        let end = start.saturating_add(n).min(self.list.len());
        (start.min(end)..end).filter_map(|i| self.row(i))
    }

    /// Every finding with the official's details, its note and message not yet
    /// worded (see `FindingRow::note`).
    pub fn iter(&self) -> impl Iterator<Item = FindingRow<'_>> {
        self.range(0, self.list.len())
    }

    /// What tells each finding from the others across reports, and how bad it is:
    /// what a comparison with a baseline reads, without the rest of the row.
    pub fn keys(&self) -> impl Iterator<Item = (Fingerprint<'_>, Severity)> {
        self.list.iter().map(|f| {
            let fingerprint = Fingerprint {
                rule: self.target(f).map_or("", |t| &t.rule),
                id: self.roster.id(f.official).unwrap_or(""),
                program: f.program,
            };
            (fingerprint, f.severity)
        })
    }

    /// Mark each finding against a baseline, in report order.
    pub fn mark(&mut self, marks: Vec<Mark>) {
        self.marks = marks;
    }

    /// Keep the findings `shown` lists, in their order, with their marks.
    fn keep(&mut self, shown: Shown) {
        if shown.is_all() {
            return;
        }
        if !self.marks.is_empty() {
            let list = std::mem::take(&mut self.list);
            let marks = std::mem::take(&mut self.marks);
            (self.list, self.marks) = list
                .into_iter()
                .zip(marks)
                .filter(|(f, _)| shown.lists(f.severity))
                .unzip();
        } else {
            self.list.retain(|f| shown.lists(f.severity));
        }
    }

    /// The target a finding is of.
    fn target(&self, f: &Finding) -> Option<&'a Target> {
        self.targets.get(f.target as usize)
    }

    fn row(&self, i: usize) -> Option<FindingRow<'_>> {
        let f = self.list.get(i)?;
        let target = self.target(f)?;
        let o = self.roster.get(f.official)?;
        let names = self.roster.names(f.official)?;
        let mark = self.marks.get(i).copied().unwrap_or_default();
        Some(FindingRow {
            rule: Cow::Borrowed(&target.rule),
            clause: Cow::Borrowed(&target.clause),
            id: Cow::Borrowed(names.id),
            full_name: Cow::Borrowed(names.full_name),
            unit: Cow::Borrowed(names.unit),
            title: Cow::Borrowed(names.title),
            status: f.status,
            severity: f.severity,
            change: mark.change,
            previous_status: mark.previous_status,
            program: f.program,
            anchor: f.anchor,
            deadline: f.deadline,
            days_overdue: f.days_overdue.map(i64::from),
            days_left: f.days_left.map(i64::from),
            days_late: f.days_late.map(i64::from),
            completed_on: f.completed_on,
            note_code: f.note,
            note: None,
            message: Cow::Borrowed(""),
            line: o.line,
        })
    }
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
    /// counted. `Shown::All` when a baseline will pair every finding first.
    pub listed: Shown,
}

/// Put `list` in the order of (rule rank, urgency, id rank), keeping the order of
/// findings equal in all three (a stable sort). One integer per finding orders them,
/// with its place as the last tie-break; the findings are then moved into that
/// order in place, as `sort_by_cached_key` moves them (a third faster than it at
/// 1.5 million findings).
fn sort_findings(
    list: &mut [Finding],
    rank: impl Fn(&Finding) -> u32,
    id_of: impl Fn(&Finding) -> u32,
) {
    let key = |(i, f): (usize, &Finding)| {
        let (class, days) = urgency(f);
        // days are u32 counts, negated or not: 2^40 above them is positive and
        // below 2^48, clear of the class
        let days =
            u128::from(u64::try_from(days.saturating_add(1 << 40)).unwrap_or(0) & ((1 << 48) - 1));
        let order =
            u128::from(rank(f)) << 96 | u128::from(class) << 88 | days << 32 | u128::from(id_of(f));
        (order, i)
    };
    let mut order: Vec<(u128, usize)> = list.iter().enumerate().map(key).collect();
    order.sort_unstable();
    for i in 0..order.len() {
        let mut from = order[i].1;
        while from < i {
            from = order[from].1;
        }
        order[i].1 = from;
        list.swap(i, from);
    }
}

/// Most urgent first: overdue (longest first), due soon (soonest first), missing
/// data, not ready, late (latest first).
fn urgency(f: &Finding) -> (u8, i64) {
    let days = |d: Option<u32>| i64::from(d.unwrap_or(0));
    match f.status {
        PersonStatus::Overdue => (0, -days(f.days_overdue)),
        PersonStatus::DueSoon => (1, days(f.days_left)),
        PersonStatus::MissingData => (2, 0),
        PersonStatus::NotReady => (3, 0),
        PersonStatus::Late => (4, -days(f.days_late)),
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
        let units = Units::count(sources.roster, &findings, level);
        let worst = targets
            .iter()
            .filter_map(|t| t.severity)
            .chain(findings.iter().map(|f| f.severity))
            .max();
        let all = findings.len();
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The order of one integer per finding is the order of (rule, urgency, id),
        /// stable, whatever the days: none, 0, or as many as a u32 holds.
        #[test]
        fn findings_sort_as_by_rule_urgency_and_id(rows in proptest::collection::vec(
            (0u32..4, 0u32..6, 0u32..5, proptest::prop_oneof![
                proptest::strategy::Just(None),
                proptest::strategy::Just(Some(0u32)),
                proptest::strategy::Just(Some(u32::MAX)),
                (0u32..400).prop_map(Some),
            ]),
            0..200,
        )) {
            let statuses = [
                PersonStatus::Overdue,
                PersonStatus::DueSoon,
                PersonStatus::MissingData,
                PersonStatus::NotReady,
                PersonStatus::Late,
                PersonStatus::Done,
            ];
            let list: Vec<Finding> = rows
                .iter()
                .enumerate()
                .map(|(n, &(target, status, official, days))| Finding {
                    days_overdue: days,
                    days_left: days,
                    days_late: days,
                    // the place in the list, to tell equal findings apart
                    anchor: NaiveDate::from_num_days_from_ce_opt(n as i32 + 1),
                    ..Finding::new(target, official, statuses[status as usize], Severity::Warning)
                })
                .collect();
            let rank = |f: &Finding| [2, 0, u32::MAX, 1][f.target as usize];
            let id_of = |f: &Finding| 4 - f.official;
            let mut expected = list.clone();
            expected.sort_by_key(|f| (rank(f), urgency(f), id_of(f)));
            let mut sorted = list;
            sort_findings(&mut sorted, rank, id_of);
            proptest::prop_assert_eq!(sorted, expected);
        }
    }
}
