//! Reading back an earlier JSON report: the baseline of `check --baseline`, and
//! either side of `diff`.
//!
//! Only what a comparison needs is read (the schema version, the plan, the targets
//! and the findings); fields added by later versions of the same schema are
//! ignored. Anything else — not JSON, not a report of `check`, another
//! `schema_version` — is refused with a `FILE: error[baseline]: ...` diagnostic,
//! never a panic: the file may be truncated, hand-edited or hostile.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::diag::problem::{Baseline, Why};
use crate::diag::{Code, Diagnostic, Problem};
use crate::input::source::{cannot_read, why};
use crate::plan::rules::TargetResult;
use crate::report::{FindingRow, ReportRef, SCHEMA_VERSION};

/// A report read back.
#[derive(Clone, Debug)]
pub struct PriorReport {
    pub reference: ReportRef,
    pub plan: String,
    pub due_soon_days: Option<u32>,
    pub targets: Vec<TargetResult>,
    pub findings: Vec<FindingRow<'static>>,
}

/// What tells a report of `check` from any other JSON, read first so that a
/// report of another schema is named as such rather than failing on a field.
#[derive(Deserialize)]
struct Head {
    schema_version: Option<serde_json::Value>,
    plan: Option<serde_json::Value>,
    kind: Option<serde_json::Value>,
}

/// The fields of schema 1 that a comparison reads.
#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    generated_at: String,
    as_of: NaiveDate,
    plan: String,
    due_soon_days: Option<u32>,
    targets: Vec<TargetResult>,
    findings: Vec<FindingRow<'static>>,
}

/// Read the report at `path`.
pub fn read(path: &Path) -> Result<PriorReport, Diagnostic> {
    let shown = path.display().to_string();
    let problem = |code: Code, message: Problem| Diagnostic::error(&shown, None, code, message);
    if path.is_dir() {
        return Err(problem(Code::Io, cannot_read(&shown, Why::Directory)));
    }
    let bytes = std::fs::read(path).map_err(|e| problem(Code::Io, cannot_read(&shown, why(&e))))?;
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let (reference, body) =
        parse(&bytes).map_err(|why| problem(Code::Baseline, Problem::Baseline(why)))?;
    Ok(PriorReport {
        reference: ReportRef {
            path: shown.clone(),
            sha256,
            ..reference
        },
        plan: body.plan,
        due_soon_days: body.due_soon_days,
        targets: body.targets,
        findings: body.findings,
    })
}

/// The report in `bytes`, or why it is not one this version can compare.
fn parse(bytes: &[u8]) -> Result<(ReportRef, Body), Baseline> {
    let head: Head = serde_json::from_slice(bytes).map_err(|e| Baseline::NotJson(e.to_string()))?;
    if head.kind.as_ref().and_then(|k| k.as_str()) == Some("diff") {
        return Err(Baseline::Diff);
    }
    match head.schema_version {
        None => return Err(Baseline::NoSchema),
        Some(v) if v.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        Some(v) => {
            return Err(Baseline::OtherSchema {
                found: v.to_string(),
                ours: SCHEMA_VERSION,
            });
        }
    }
    if !head.plan.as_ref().is_some_and(serde_json::Value::is_string) {
        return Err(Baseline::NoPlan);
    }
    let body: Body = serde_json::from_slice(bytes).map_err(|e| Baseline::BadBody {
        ours: SCHEMA_VERSION,
        reason: e.to_string(),
    })?;
    let reference = ReportRef {
        path: String::new(),
        sha256: String::new(),
        generated_at: body.generated_at.clone(),
        as_of: body.as_of,
    };
    Ok((reference, body))
}

/// The refusal of a report of another plan than `plan`.
pub fn check_plan(prior: &PriorReport, plan: &str) -> Result<(), Diagnostic> {
    if prior.plan == plan {
        return Ok(());
    }
    Err(Diagnostic::error(
        &prior.reference.path,
        None,
        Code::Baseline,
        Problem::Baseline(Baseline::OtherPlan {
            found: prior.plan.clone(),
            plan: plan.to_owned(),
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(text: &str) -> String {
        match parse(text.as_bytes()) {
            Ok(_) => panic!("accepted {text}"),
            Err(e) => Problem::Baseline(e).to_string(),
        }
    }

    #[test]
    fn refuses_what_is_not_a_report_of_this_schema() {
        assert!(refusal("").contains("not a JSON report"));
        assert!(refusal("[1, 2]").contains("not a JSON report"));
        assert!(refusal("{\"a\": 1}").contains("no schema_version"));
        assert!(refusal("{\"schema_version\": 2, \"plan\": \"x\"}").contains("schema_version 2"));
        assert!(
            refusal("{\"schema_version\": \"1\", \"plan\": \"x\"}")
                .contains("schema_version \"1\"")
        );
        assert!(refusal("{\"schema_version\": 1}").contains("names no plan"));
        assert!(
            refusal("{\"schema_version\": 1, \"plan\": \"x\", \"kind\": \"diff\"}")
                .contains("boiduong diff")
        );
        assert!(
            refusal("{\"schema_version\": 1, \"plan\": \"x\", \"as_of\": \"2026-01-01\"}")
                .contains("missing field")
        );
    }

    #[test]
    fn a_truncated_or_deeply_nested_file_is_refused_not_a_panic() {
        let deep = "[".repeat(100_000);
        assert!(refusal(&deep).contains("not a JSON report"));
        let report = "{\"schema_version\": 1, \"plan\": \"x\", \"as_of\": \"2026-01-01\", \
                      \"targets\": [], \"findings\": [{\"rule\": \"TITLE-2Y\", \"id\": \"A\"";
        assert!(refusal(report).contains("not a JSON report"));
    }

    #[test]
    fn reads_a_minimal_report_ignoring_fields_it_does_not_know() {
        let text = r#"{"schema_version": 1, "plan": "143/KH-UBND", "as_of": "2026-09-30",
            "something_new": {"x": [1]},
            "targets": [{"rule": "LANG-1", "clause": "II.2.a", "status": "gap", "severity": "error",
                         "group": 1, "percent": 25, "population": 8, "achieved": 1,
                         "required": 2, "shortfall": 1, "later_field": true},
                        {"rule": "QUOTA-A2", "clause": "App. 02", "status": "met",
                         "program": "title_department", "year": 2024, "quota": 1, "achieved": 1,
                         "shortfall": 0}],
            "findings": [{"rule": "TITLE-2Y", "id": "A1", "status": "overdue",
                          "severity": "error", "program": "title_department", "extra": 1}]}"#;
        let (reference, body) = parse(text.as_bytes()).unwrap();
        assert_eq!(
            reference.as_of,
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap()
        );
        assert_eq!(body.targets.len(), 2);
        assert_eq!(body.targets[1].key().year, Some(2024));
        assert_eq!(body.findings[0].fingerprint().id, "A1");
    }
}
