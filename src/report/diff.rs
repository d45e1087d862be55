//! Comparing two reports of one plan: which findings are new, persisting or
//! resolved, how each target row moved, and each unit's findings before and after.
//!
//! Pure: the reports are given (`baseline.rs` reads them from files). Findings are
//! the same finding when their fingerprints are equal (`FindingRow::fingerprint`),
//! target rows when their rule, group, programme and year are.
//!
//! Every list has a fixed order, so that two runs print the same bytes: findings
//! new or persisting in the order of the newer report, resolved ones in the order
//! of the older; target rows in the order of the newer report, then those only in
//! the older in its order; units by name (Unicode code point order).

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use std::sync::Arc;

use crate::model::Severity;
use crate::plan::Glossary;
use crate::plan::rules::{KeyNumbers, PersonStatus, TargetKey, TargetResult, TargetStatus};
use crate::report::baseline::PriorReport;
use crate::report::{Change, FindingRow, Fingerprint, Mark, Report, ReportRef, SCHEMA_VERSION};

/// Which items of an older and a newer list are the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairing {
    /// Indices into the newer list of items not in the older, in order.
    pub new: Vec<usize>,
    /// (older, newer) index pairs of the items in both, in the newer list's order.
    pub persisting: Vec<(usize, usize)>,
    /// Indices into the older list of items not in the newer, in order.
    pub gone: Vec<usize>,
}

/// Pair the items of `old` and `new` with equal keys. When a key repeats, its
/// k-th item in `new` pairs with its k-th item in `old`: the result never
/// depends on anything but the two lists.
pub fn pair<'a, T, K: Ord>(old: &'a [T], new: &'a [T], key: impl Fn(&'a T) -> K) -> Pairing {
    pair_by(old, new, &key, &key)
}

/// `pair`, for two lists of different types with a key each.
fn pair_by<'a, A, B, K: Ord>(
    old: &'a [A],
    new: &'a [B],
    old_key: impl Fn(&'a A) -> K,
    new_key: impl Fn(&'a B) -> K,
) -> Pairing {
    let mut by_key: BTreeMap<K, VecDeque<usize>> = BTreeMap::new();
    for (i, item) in old.iter().enumerate() {
        by_key.entry(old_key(item)).or_default().push_back(i);
    }
    let mut pairing = Pairing::default();
    let mut paired = vec![false; old.len()];
    for (j, item) in new.iter().enumerate() {
        match by_key.get_mut(&new_key(item)).and_then(VecDeque::pop_front) {
            Some(i) => {
                paired[i] = true;
                pairing.persisting.push((i, j));
            }
            None => pairing.new.push(j),
        }
    }
    pairing.gone = (0..old.len()).filter(|&i| !paired[i]).collect();
    pairing
}

/// What a comparison reads of a finding: a row of a report read back, or a
/// finding of the report being made (`Findings::keys`), which needs no rendering
/// to be compared.
pub trait Compared {
    fn fingerprint(&self) -> Fingerprint<'_>;
    fn severity(&self) -> Severity;
}

impl Compared for FindingRow<'_> {
    fn fingerprint(&self) -> Fingerprint<'_> {
        FindingRow::fingerprint(self)
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}

impl Compared for (Fingerprint<'_>, Severity) {
    fn fingerprint(&self) -> Fingerprint<'_> {
        self.0.clone()
    }

    fn severity(&self) -> Severity {
        self.1
    }
}

/// Findings paired by fingerprint.
pub fn pair_findings<A: Compared, B: Compared>(old: &[A], new: &[B]) -> Pairing {
    pair_by(old, new, A::fingerprint, B::fingerprint)
}

/// Target rows paired by rule, group, programme and year.
pub fn pair_targets(old: &[TargetResult], new: &[TargetResult]) -> Pairing {
    pair(old, new, |t| (t.rule.as_str(), t.key()))
}

/// The pairings of two reports' target rows and findings, and the errors that are new.
struct Pairings {
    targets: Pairing,
    findings: Pairing,
    new_errors: usize,
}

impl Pairings {
    fn of<A: Compared, B: Compared>(
        old: (&[TargetResult], &[A]),
        new: (&[TargetResult], &[B]),
    ) -> Self {
        let targets = pair_targets(old.0, new.0);
        let findings = pair_findings(old.1, new.1);
        let new_errors = new_errors(old, new, &targets, &findings);
        Pairings {
            targets,
            findings,
            new_errors,
        }
    }
}

/// The errors that are new since the older report — what `--fail-on new` fails on:
/// a new finding at error severity; a persisting finding that is an error now and
/// was not (due soon, now overdue); a target row at error severity that was not
/// one, or was not there.
pub fn new_errors<A: Compared, B: Compared>(
    old: (&[TargetResult], &[A]),
    new: (&[TargetResult], &[B]),
    targets: &Pairing,
    findings: &Pairing,
) -> usize {
    let (old_targets, old_findings) = old;
    let (new_targets, new_findings) = new;
    let is_error = |s: Option<Severity>| s == Some(Severity::Error);
    let new_target_errors = targets
        .new
        .iter()
        .filter(|&&j| is_error(new_targets[j].severity))
        .count();
    let worse_targets = targets
        .persisting
        .iter()
        .filter(|&&(i, j)| is_error(new_targets[j].severity) && !is_error(old_targets[i].severity))
        .count();
    let new_finding_errors = findings
        .new
        .iter()
        .filter(|&&j| new_findings[j].severity() == Severity::Error)
        .count();
    let worse_findings = findings
        .persisting
        .iter()
        .filter(|&&(i, j)| {
            new_findings[j].severity() == Severity::Error
                && old_findings[i].severity() != Severity::Error
        })
        .count();
    new_target_errors + worse_targets + new_finding_errors + worse_findings
}

/// A finding of the older report, as the list of resolved findings shows it.
fn resolved(row: &FindingRow<'static>) -> FindingRow<'static> {
    FindingRow {
        change: Some(Change::Resolved),
        previous_status: None,
        ..row.clone()
    }
}

/// Mark the findings of `report` against `baseline` (`check --baseline`): each is
/// new or persisting, the baseline's findings that are gone are listed as
/// resolved, and the summary counts them.
pub fn mark(report: &mut Report<'_>, baseline: &PriorReport) {
    let keys: Vec<(Fingerprint<'_>, Severity)> = report.findings.keys().collect();
    let Pairings {
        findings,
        new_errors,
        ..
    } = Pairings::of(
        (&baseline.targets, &baseline.findings),
        (&report.targets, &keys),
    );
    let mut marks = vec![Mark::default(); keys.len()];
    drop(keys);
    for &j in &findings.new {
        marks[j] = Mark {
            change: Some(Change::New),
            previous_status: None,
        };
    }
    for &(i, j) in &findings.persisting {
        marks[j] = Mark {
            change: Some(Change::Persisting),
            previous_status: Some(baseline.findings[i].status),
        };
    }
    report.findings.mark(marks);
    let gone: Vec<FindingRow<'static>> = findings
        .gone
        .iter()
        .map(|&i| resolved(&baseline.findings[i]))
        .collect();
    let summary = &mut report.summary;
    summary.new = Some(findings.new.len());
    summary.persisting = Some(findings.persisting.len());
    summary.resolved = Some(gone.len());
    summary.new_errors = Some(new_errors);
    report.baseline = Some(baseline.reference.clone());
    report.resolved = Some(gone);
}

/// A target row's standing in one report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetSide {
    pub status: TargetStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(flatten)]
    pub numbers: KeyNumbers,
}

impl TargetSide {
    fn of(t: &TargetResult) -> TargetSide {
        TargetSide {
            status: t.status,
            severity: t.severity,
            numbers: t.detail.key_numbers(),
        }
    }
}

/// One target row before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetChange {
    pub rule: String,
    pub clause: String,
    #[serde(flatten)]
    pub key: TargetKey,
    /// Whether its status or a number changed, or the row came or went.
    pub moved: bool,
    /// `None`: not in the older report.
    pub before: Option<TargetSide>,
    /// `None`: not in the newer report.
    pub after: Option<TargetSide>,
    /// The row as the newer report has it (the older one's when gone), for the
    /// renderers' words.
    #[serde(skip)]
    pub row: TargetResult,
}

/// How many findings of a unit stand in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub overdue: u32,
    pub due_soon: u32,
    pub missing_data: u32,
    pub not_ready: u32,
    pub late: u32,
}

impl StatusCounts {
    fn add(&mut self, status: PersonStatus) {
        match status {
            PersonStatus::Overdue => self.overdue += 1,
            PersonStatus::DueSoon => self.due_soon += 1,
            PersonStatus::MissingData => self.missing_data += 1,
            PersonStatus::NotReady => self.not_ready += 1,
            PersonStatus::Late => self.late += 1,
            PersonStatus::Done | PersonStatus::Open => {}
        }
    }

    /// The counts with the status each counts, most urgent first.
    pub fn by_status(&self) -> [(PersonStatus, u32); 5] {
        [
            (PersonStatus::Overdue, self.overdue),
            (PersonStatus::DueSoon, self.due_soon),
            (PersonStatus::MissingData, self.missing_data),
            (PersonStatus::NotReady, self.not_ready),
            (PersonStatus::Late, self.late),
        ]
    }
}

/// One unit's findings before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitChange {
    /// As the reports write it; empty when the roster gives none.
    pub unit: String,
    pub before: StatusCounts,
    pub after: StatusCounts,
}

/// The findings of the comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FindingChanges {
    pub new: Vec<FindingRow<'static>>,
    pub resolved: Vec<FindingRow<'static>>,
    /// With `previous_status`: their status in the older report.
    pub persisting: Vec<FindingRow<'static>>,
}

/// Counts for the last line and for scripts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    pub new: usize,
    pub resolved: usize,
    pub persisting: usize,
    /// Persisting findings whose status changed.
    pub changed_status: usize,
    /// See `new_errors`.
    pub new_errors: usize,
    /// Target rows in either report.
    pub targets: usize,
    pub targets_moved: usize,
}

/// Everything `diff` says.
#[derive(Clone, Debug, Serialize)]
pub struct Diff {
    pub schema_version: u32,
    /// Always "diff": tells this output from a report of `check`.
    pub kind: &'static str,
    /// RFC 3339, UTC.
    pub generated_at: String,
    pub plan: String,
    pub old: ReportRef,
    pub new: ReportRef,
    pub summary: DiffSummary,
    pub targets: Vec<TargetChange>,
    pub findings: FindingChanges,
    pub units: Vec<UnitChange>,
    /// The plan's words the renderers cite (clauses, group names).
    #[serde(skip)]
    pub glossary: Arc<Glossary>,
}

/// Compare two reports of the same plan (the caller has checked that they are),
/// `glossary` the plan's words for the renderers.
pub fn compare(
    old: &PriorReport,
    new: &PriorReport,
    generated_at: String,
    glossary: Arc<Glossary>,
) -> Diff {
    let Pairings {
        targets,
        findings,
        new_errors,
    } = Pairings::of((&old.targets, &old.findings), (&new.targets, &new.findings));
    let target_changes = target_changes(&old.targets, &new.targets, &targets);
    let changes = FindingChanges {
        new: findings
            .new
            .iter()
            .map(|&j| FindingRow {
                change: Some(Change::New),
                previous_status: None,
                ..new.findings[j].clone()
            })
            .collect(),
        resolved: findings
            .gone
            .iter()
            .map(|&i| resolved(&old.findings[i]))
            .collect(),
        persisting: findings
            .persisting
            .iter()
            .map(|&(i, j)| FindingRow {
                change: Some(Change::Persisting),
                previous_status: Some(old.findings[i].status),
                ..new.findings[j].clone()
            })
            .collect(),
    };
    let summary = DiffSummary {
        new: changes.new.len(),
        resolved: changes.resolved.len(),
        persisting: changes.persisting.len(),
        changed_status: changes
            .persisting
            .iter()
            .filter(|f| f.previous_status != Some(f.status))
            .count(),
        new_errors,
        targets: target_changes.len(),
        targets_moved: target_changes.iter().filter(|t| t.moved).count(),
    };
    Diff {
        schema_version: SCHEMA_VERSION,
        kind: "diff",
        generated_at,
        plan: new.plan.clone(),
        old: old.reference.clone(),
        new: new.reference.clone(),
        summary,
        targets: target_changes,
        findings: changes,
        units: units(&old.findings, &new.findings),
        glossary,
    }
}

fn target_changes(
    old: &[TargetResult],
    new: &[TargetResult],
    pairing: &Pairing,
) -> Vec<TargetChange> {
    let change =
        |row: &TargetResult, before: Option<&TargetResult>, after: Option<&TargetResult>| {
            let before = before.map(TargetSide::of);
            let after = after.map(TargetSide::of);
            TargetChange {
                rule: row.rule.clone(),
                clause: row.clause.clone(),
                key: row.key(),
                moved: before != after,
                before,
                after,
                row: row.clone(),
            }
        };
    let mut before_of: Vec<Option<usize>> = vec![None; new.len()];
    for &(i, j) in &pairing.persisting {
        before_of[j] = Some(i);
    }
    let mut out: Vec<TargetChange> = new
        .iter()
        .zip(&before_of)
        .map(|(row, before)| change(row, before.map(|i| &old[i]), Some(row)))
        .collect();
    out.extend(
        pairing
            .gone
            .iter()
            .map(|&i| change(&old[i], Some(&old[i]), None)),
    );
    out
}

fn units(old: &[FindingRow], new: &[FindingRow]) -> Vec<UnitChange> {
    let mut by_unit: BTreeMap<&str, (StatusCounts, StatusCounts)> = BTreeMap::new();
    for f in old {
        by_unit.entry(&f.unit).or_default().0.add(f.status);
    }
    for f in new {
        by_unit.entry(&f.unit).or_default().1.add(f.status);
    }
    by_unit
        .into_iter()
        .map(|(unit, (before, after))| UnitChange {
            unit: unit.to_owned(),
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finding as an earlier report is read back with only what identifies
    /// it, in the unit of its official.
    fn finding(rule: &str, id: &str, status: PersonStatus) -> FindingRow<'static> {
        let severity = status.severity().unwrap_or(Severity::Warning);
        let read: FindingRow<'static> = serde_json::from_value(serde_json::json!({
            "rule": rule, "id": id, "status": status, "severity": severity, "line": 2
        }))
        .unwrap();
        FindingRow {
            unit: format!("unit of {id}").into(),
            ..read
        }
    }

    #[test]
    fn pairs_in_order_when_a_key_repeats() {
        let old = ["a", "b", "a", "c"];
        let new = ["a", "d", "a", "a", "b"];
        let p = pair(&old, &new, |s| *s);
        assert_eq!(p.persisting, vec![(0, 0), (2, 2), (1, 4)]);
        assert_eq!(p.new, vec![1, 3]);
        assert_eq!(p.gone, vec![3]);
    }

    #[test]
    fn a_finding_is_the_same_whatever_its_line_or_status() {
        let old = vec![finding("TITLE-2Y", "A", PersonStatus::DueSoon)];
        let mut moved = finding("TITLE-2Y", "A", PersonStatus::Overdue);
        moved.line = 40;
        let new = vec![moved, finding("SECTOR-2Y", "A", PersonStatus::Overdue)];
        let p = pair_findings(&old, &new);
        assert_eq!(p.persisting, vec![(0, 0)]);
        assert_eq!(p.new, vec![1]);
        // Both count as new errors: one new, one that became overdue.
        assert_eq!(
            new_errors((&[], &old), (&[], &new), &Pairing::default(), &p),
            2
        );
    }

    #[test]
    fn a_persisting_error_is_not_a_new_one() {
        let old = vec![finding("TITLE-2Y", "A", PersonStatus::Overdue)];
        let new = old.clone();
        let p = pair_findings(&old, &new);
        assert_eq!(
            new_errors((&[], &old), (&[], &new), &Pairing::default(), &p),
            0
        );
    }

    #[test]
    fn units_are_counted_by_status_and_sorted_by_name() {
        let old = vec![
            finding("TITLE-2Y", "B", PersonStatus::Overdue),
            finding("TITLE-2Y", "A", PersonStatus::DueSoon),
        ];
        let new = vec![finding("TITLE-2Y", "A", PersonStatus::Overdue)];
        let units = units(&old, &new);
        assert_eq!(
            units.iter().map(|u| u.unit.as_str()).collect::<Vec<_>>(),
            ["unit of A", "unit of B"]
        );
        assert_eq!((units[0].before.due_soon, units[0].after.overdue), (1, 1));
        assert_eq!((units[1].before.overdue, units[1].after.overdue), (1, 0));
    }
}
