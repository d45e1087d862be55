//! Targets across quarters (`trend`): the achieved figure, shortfall and status
//! of each target row in each of several JSON reports of one plan, in the order
//! of their as-of dates. A row is the same target in two reports when its rule,
//! group, programme and year are (as `diff` pairs them); a row in some reports
//! only is blank in the others.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::plan::Glossary;
use crate::plan::rules::{TargetKey, TargetResult, TargetStatus};
use crate::report::ReportRef;
use crate::report::baseline::PriorReport;

/// One target row in one report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub status: TargetStatus,
    pub achieved: u32,
    pub required: Option<u32>,
    pub shortfall: Option<u32>,
}

/// One target row across the reports.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendRow {
    pub rule: String,
    pub key: TargetKey,
    /// The row as the latest report that has it says it: what it is worded from.
    pub row: TargetResult,
    /// One per report, in as-of order; none where the report has no such row.
    pub points: Vec<Option<Point>>,
}

/// Several reports of one plan, side by side.
#[derive(Clone, Debug)]
pub struct Trend {
    pub plan: String,
    /// In as-of order.
    pub reports: Vec<ReportRef>,
    /// In the order the reports first list them.
    pub rows: Vec<TrendRow>,
    pub glossary: Arc<Glossary>,
}

/// Why reports cannot make a trend: two of one as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SameAsOf {
    pub as_of: NaiveDate,
    pub first: String,
    pub second: String,
}

/// The trend of `reports` (of one plan: see `baseline::check_plan`), in as-of
/// order whatever the order given.
pub fn build(mut reports: Vec<PriorReport>, glossary: Arc<Glossary>) -> Result<Trend, SameAsOf> {
    reports.sort_by_key(|r| r.reference.as_of);
    if let Some(pair) = reports
        .windows(2)
        .find(|w| w[0].reference.as_of == w[1].reference.as_of)
    {
        return Err(SameAsOf {
            as_of: pair[0].reference.as_of,
            first: pair[0].reference.path.clone(),
            second: pair[1].reference.path.clone(),
        });
    }
    let n = reports.len();
    let mut rows: Vec<TrendRow> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        for t in &report.targets {
            let key = t.key();
            let numbers = t.detail.key_numbers();
            let point = Point {
                status: t.status,
                achieved: numbers.achieved,
                required: numbers.required,
                shortfall: numbers.shortfall,
            };
            let row = match rows.iter_mut().find(|r| r.rule == t.rule && r.key == key) {
                Some(row) => row,
                None => {
                    rows.push(TrendRow {
                        rule: t.rule.clone(),
                        key,
                        row: t.clone(),
                        points: vec![None; n],
                    });
                    let last = rows.len() - 1;
                    &mut rows[last]
                }
            };
            row.row = t.clone();
            if let Some(slot) = row.points.get_mut(i) {
                *slot = Some(point);
            }
        }
    }
    Ok(Trend {
        plan: reports.first().map(|r| r.plan.clone()).unwrap_or_default(),
        reports: reports.into_iter().map(|r| r.reference).collect(),
        rows,
        glossary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::kinds::Detail;
    use crate::plan::kinds::quota::{QuotaRow, Subject};

    fn quota(year: i32, achieved: u32) -> TargetResult {
        TargetResult {
            rule: "QUOTA-A1".into(),
            clause: "App. 01".into(),
            status: TargetStatus::Met,
            severity: None,
            note_code: None,
            note: None,
            detail: Detail::Quota(QuotaRow {
                subject: Subject::Group { group: 1 },
                year,
                quota: Some(3),
                derived: false,
                achieved,
                shortfall: Some(3u32.saturating_sub(achieved)),
            }),
        }
    }

    fn report(path: &str, as_of: &str, targets: Vec<TargetResult>) -> PriorReport {
        PriorReport {
            reference: ReportRef {
                path: path.into(),
                sha256: String::new(),
                generated_at: String::new(),
                as_of: as_of.parse().unwrap(),
            },
            plan: "143/KH-UBND".into(),
            due_soon_days: None,
            targets,
            findings: Vec::new(),
        }
    }

    #[test]
    fn reports_go_in_as_of_order_and_a_row_of_one_report_is_blank_in_the_others() {
        let q3 = report("q3.json", "2026-09-30", vec![quota(2025, 1)]);
        let q4 = report(
            "q4.json",
            "2026-12-31",
            vec![quota(2025, 2), quota(2026, 1)],
        );
        let trend = build(vec![q4, q3], Arc::default()).unwrap();
        let paths: Vec<&str> = trend.reports.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["q3.json", "q4.json"]);
        assert_eq!(trend.rows.len(), 2);
        let achieved = |r: &TrendRow| -> Vec<Option<u32>> {
            r.points.iter().map(|p| p.map(|p| p.achieved)).collect()
        };
        assert_eq!(achieved(&trend.rows[0]), [Some(1), Some(2)]);
        assert_eq!(achieved(&trend.rows[1]), [None, Some(1)]);
        assert_eq!(trend.rows[1].points[1].unwrap().shortfall, Some(2));
    }

    #[test]
    fn two_reports_of_one_as_of_date_are_refused() {
        let a = report("a.json", "2026-09-30", vec![]);
        let b = report("b.json", "2026-09-30", vec![]);
        let c = report("c.json", "2026-06-30", vec![]);
        let err = build(vec![a, c, b], Arc::default()).unwrap_err();
        assert_eq!(
            (err.first.as_str(), err.second.as_str()),
            ("a.json", "b.json")
        );
    }
}
