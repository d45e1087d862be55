//! The report as JSON: docs/json-report.md, the contract scripts rely on; and a diff the same way.
//!
//! The report model holds codes; here its target rows' and findings' notes and
//! messages are worded in the report's language (`i18n::report`), as they are written.
//!
//! A national report has 1.5 million findings and is as large as its inputs,
//! so it is written as it is made, never held whole, and its findings are rendered on
//! two threads, a chunk at a time, and written in order. serde_json writes the
//! report without its findings; each finding is written by `row` as serde_json
//! would write it, pretty-printed at the depth it has in the report. Put in the
//! findings array, the pieces join into the bytes of `serde_json::to_writer_pretty`
//! on the whole report (a test holds them to it).

use std::io::{self, Write};
use std::ops::Range;
use std::sync::mpsc::sync_channel;
use std::thread;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::i18n::report::{worded_in, worded_target};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::plan::rules::TargetResult;
use crate::report::{FindingRow, Findings, Inputs, Report, ReportRef, Shown, Summary};

mod row;

/// Pretty-printed JSON with a final newline: a `Diff`, or anything held whole.
pub fn render(value: &impl Serialize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Findings rendered per chunk.
const CHUNK: usize = 4096;
/// Findings rendered at a time when they are one chunk, and no thread renders.
const PART: usize = 64;
/// Where the findings go in the report without them: the key at depth 1 with an
/// empty array. A raw line feed never occurs inside a JSON string, so this occurs once.
const EMPTY_FINDINGS: &[u8] = b"\n  \"findings\": []";

/// A report of `check` as docs/json-report.md lays it out, with `findings` what
/// goes in its `findings` array.
#[derive(Serialize)]
struct Json<'r, F> {
    schema_version: u32,
    generated_at: &'r str,
    as_of: NaiveDate,
    plan: &'r str,
    plan_file: &'r str,
    due_soon_days: u32,
    inputs: &'r Inputs,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'r ReportRef>,
    summary: &'r Summary,
    targets: Vec<TargetResult>,
    /// Which findings are listed, when not all (`--findings`).
    #[serde(skip_serializing_if = "Shown::is_all")]
    findings_shown: Shown,
    findings: F,
    input_problems: &'r [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<&'r [FindingRow<'static>]>,
}

impl<'r, F: Serialize> Json<'r, F> {
    /// The report with its target rows worded in `lang`, and `findings` for its
    /// findings (none: the frame they are written into).
    fn new(report: &'r Report<'_>, lang: Lang, findings: F) -> Self {
        Json {
            schema_version: report.schema_version,
            generated_at: &report.generated_at,
            as_of: report.as_of,
            plan: &report.plan,
            plan_file: &report.plan_file,
            due_soon_days: report.due_soon_days,
            inputs: &report.inputs,
            baseline: report.baseline.as_ref(),
            summary: &report.summary,
            targets: report
                .targets
                .iter()
                .map(|t| worded_target(t, lang))
                .collect(),
            findings_shown: report.shown,
            findings,
            input_problems: &report.input_problems,
            resolved: report.resolved.as_deref(),
        }
    }
}

/// A report, pretty-printed with a final newline, written as it is made; its
/// notes and messages in `lang`.
pub fn write(report: &Report, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let frame = serde_json::to_vec_pretty(&Json::new(report, lang, [(); 0]))?;
    let at = frame
        .windows(EMPTY_FINDINGS.len())
        .position(|w| w == EMPTY_FINDINGS)
        .ok_or_else(|| io::Error::other("internal error: no findings in the JSON report"))?;
    // `head` ends with the opening bracket of the findings, `tail` starts with the closing one.
    let (head, tail) = frame.split_at(at + EMPTY_FINDINGS.len() - 1);
    out.write_all(head)?;
    let chunks = report.findings.len().div_ceil(CHUNK);
    let write_chunk = |out: &mut dyn Write, chunk: usize, bytes: &[u8]| -> io::Result<()> {
        // a comma before every finding but the report's first
        if chunk > 0 {
            out.write_all(b",")?;
        }
        out.write_all(bytes)
    };
    if chunks == 1 {
        // a province's findings: no thread, and a small buffer written each time it
        // fills (one of a whole chunk, new memory, cost more in page faults than
        // the rendering)
        let mut bytes = Vec::new();
        for (part, start) in (0..report.findings.len()).step_by(PART).enumerate() {
            let rows = start..start + PART;
            render_rows(&mut bytes, &report.findings, &report.glossary, rows, lang);
            write_chunk(out, part, &bytes)?;
        }
    } else if chunks > 1 {
        thread::scope(|scope| -> io::Result<()> {
            // two renderers, each taking every other chunk; the writer takes them in
            // turn and sends each buffer back to be filled again (a new one of a few
            // megabytes a chunk cost as much in page faults as the copying it held)
            let mut rendered = Vec::new();
            let mut used = Vec::new();
            for worker in 0..2 {
                let (send, receive) = sync_channel::<Vec<u8>>(2);
                let (send_used, receive_used) = sync_channel::<Vec<u8>>(3);
                rendered.push(receive);
                used.push(send_used);
                let (findings, glossary) = (&report.findings, &*report.glossary);
                scope.spawn(move || {
                    for chunk in (worker..chunks).step_by(2) {
                        let mut bytes = receive_used.try_recv().unwrap_or_default();
                        render_chunk(&mut bytes, findings, glossary, chunk, lang);
                        if send.send(bytes).is_err() {
                            return; // the writer stopped
                        }
                    }
                });
            }
            for chunk in 0..chunks {
                let bytes = rendered[chunk % 2]
                    .recv()
                    .map_err(|_| io::Error::other("internal error: a JSON renderer stopped"))?;
                write_chunk(out, chunk, &bytes)?;
                // a renderer that has ended no longer takes buffers back
                let _ = used[chunk % 2].try_send(bytes);
            }
            Ok(())
        })?;
    }
    if chunks > 0 {
        out.write_all(b"\n  ")?;
    }
    out.write_all(tail)?;
    out.write_all(b"\n")
}

/// Chunk `chunk` of the findings into `bytes` (emptied first), each finding as
/// serde_json writes it inside the findings array of a report, after its
/// separator but the first (`row`).
fn render_chunk(
    bytes: &mut Vec<u8>,
    findings: &Findings<'_>,
    glossary: &Glossary,
    chunk: usize,
    lang: Lang,
) {
    let rows = chunk * CHUNK..(chunk + 1) * CHUNK;
    render_rows(bytes, findings, glossary, rows, lang);
}

/// The findings of `rows` into `bytes` (emptied first), a comma between each two.
fn render_rows(
    bytes: &mut Vec<u8>,
    findings: &Findings<'_>,
    glossary: &Glossary,
    rows: Range<usize>,
    lang: Lang,
) {
    bytes.clear();
    bytes.reserve(rows.len() * 640);
    let mut message = String::new();
    for (i, f) in findings.range(rows.start, rows.len()).enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        row::write(bytes, &worded_in(f, lang, glossary, &mut message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::columns::{Header, ROSTER};
    use crate::input::source::Encoding;
    use crate::input::table::FileSummary;
    use crate::plan::Plan;
    use crate::plan::rules::testing::{OfficialRow, World, date, incumbent, planned};
    use crate::plan::rules::{Evaluation, evaluate};
    use crate::report::baseline::PriorReport;
    use crate::report::{FindingRow, Inputs, ReportRef, Shown, Sources, diff};

    fn file(path: &str) -> FileSummary {
        FileSummary {
            path: path.into(),
            sha256: "0".repeat(64),
            encoding: Encoding::Utf8,
            delimiter: Some(b','),
            sheet: None,
            header_row: None,
            rows: 1,
            rejected: 0,
            ignored_columns: vec!["STT".into()],
            header: Header::match_cells(&[], ROSTER).0,
        }
    }

    /// The report of `plan` over `world` on 25/11/2026, read from two clean files.
    fn report_of<'a>(plan: &'a Plan, world: &'a World) -> Report<'a> {
        report_listing(plan, world, evaluated(plan, world, Shown::All), Shown::All)
    }

    /// The evaluation of `plan` over `world` on 25/11/2026, the findings `kept`
    /// lists kept and the others counted.
    fn evaluated(plan: &Plan, world: &World, kept: Shown) -> Evaluation {
        evaluate(plan, &world.ctx(date(2026, 11, 25)), kept)
    }

    /// The report of `evaluation` (of `plan` over `world`, as [`evaluated`])
    /// that lists `listed`.
    fn report_listing<'a>(
        plan: &'a Plan,
        world: &'a World,
        evaluation: Evaluation,
        listed: Shown,
    ) -> Report<'a> {
        let as_of = date(2026, 11, 25);
        Report::build(
            Sources {
                plan,
                plan_file: "plan.toml".into(),
                roster: &world.roster,
                inputs: Inputs {
                    roster: file("r.csv"),
                    enrolments: file("e.csv"),
                    enrolments_of_rejected_officials: 0,
                },
                input_problems: Vec::new(),
                input_warnings: 0,
                as_of,
                due_soon_days: 90,
                generated_at: "now".into(),
                listed,
            },
            evaluation,
        )
    }

    /// A baseline with every other finding of `report`, the others' statuses
    /// changed, and one finding that is gone.
    fn baseline_of(report: &Report) -> PriorReport {
        let mut findings: Vec<FindingRow<'static>> = report
            .findings
            .iter()
            .step_by(2)
            .map(|f| FindingRow {
                status: crate::plan::rules::PersonStatus::DueSoon,
                ..f.into_owned()
            })
            .collect();
        findings.push(FindingRow {
            id: "GONE\"\n".into(),
            ..findings[0].clone()
        });
        PriorReport {
            reference: ReportRef {
                path: "q3.json".into(),
                sha256: "1".repeat(64),
                generated_at: "then".into(),
                as_of: date(2026, 9, 30),
            },
            plan: report.plan.clone(),
            due_soon_days: Some(90),
            targets: report.targets[1..].to_vec(),
            findings,
        }
    }

    #[test]
    fn writes_the_bytes_serde_json_writes_for_the_whole_report() {
        let plan = crate::plan::load_plan(None).unwrap();
        for n in [0, 1, CHUNK, 2 * CHUNK + 7] {
            let mut officials: Vec<OfficialRow> = (0..n)
                .map(|i| planned(&format!("P\"{i:05}\\\n\u{1}")))
                .collect();
            // window findings of every kind: overdue, due soon, late, missing data
            for (i, appointed) in [None, Some(date(2020, 1, 1)), Some(date(2025, 1, 10))]
                .into_iter()
                .enumerate()
            {
                officials.push(incumbent(&format!("I{i}")).with(|o| {
                    o.appointed_on = appointed;
                    o.department_leader = true;
                    o.central_plan_approved_on = appointed;
                }));
            }
            let mut world = World::new(officials);
            world.completed(
                "I1",
                crate::model::Program::Sector,
                date(2021, 1, 1),
                date(2023, 6, 1),
            );
            let mut report = report_of(&plan, &world);
            let statuses: Vec<_> = report.findings.iter().map(|f| f.status.code()).collect();
            for status in ["overdue", "due_soon", "late", "missing_data"] {
                assert!(statuses.contains(&status), "no {status} finding");
            }
            assert!(report.findings.len() >= n);
            // without a baseline, then marked against one
            for marked in [false, true] {
                if marked {
                    let baseline = baseline_of(&report);
                    diff::mark(&mut report, &baseline);
                    assert!(report.findings.iter().all(|f| f.change.is_some()));
                }
                let mut ours = Vec::new();
                write(&report, Lang::En, &mut ours).unwrap();
                // the model's codes, worded as they are written
                let text = String::from_utf8_lossy(&ours);
                assert!(text.contains("not completed; deadline"), "{n} officials");
                let all: Vec<FindingRow> = report
                    .findings
                    .iter()
                    .map(|f| crate::i18n::report::worded(f, Lang::En, &report.glossary))
                    .collect();
                let whole = Json::new(&report, Lang::En, all);
                let mut whole = serde_json::to_vec_pretty(&whole).unwrap();
                whole.push(b'\n');
                assert!(ours == whole, "{n} officials, marked: {marked}");
            }
        }
    }

    #[test]
    fn findings_not_listed_are_counted_in_the_report_as_if_stored() {
        use crate::plan::rules::testing::{mixed_plan, mixed_world};
        let plan = mixed_plan();
        let world = mixed_world();
        let full = report_of(&plan, &world);
        let (s, total) = (&full.summary, full.units.total());
        assert!(s.errors > 0 && s.warnings > 0);
        assert!(total.overdue > 0 && total.due_soon > 0);
        assert_eq!(full.not_listed, 0);
        for listed in [Shown::All, Shown::Errors, Shown::None] {
            // every finding stored, those not listed let go as the report is built
            let stored =
                report_listing(&plan, &world, evaluated(&plan, &world, Shown::All), listed);
            // those not listed only counted as they were found
            let counted = report_listing(&plan, &world, evaluated(&plan, &world, listed), listed);
            assert_eq!(counted.summary, full.summary, "{listed:?}");
            assert_eq!(counted.worst(), full.worst(), "{listed:?}");
            assert_eq!(counted.units, full.units, "{listed:?}");
            assert_eq!(counted.not_listed, stored.not_listed, "{listed:?}");
            assert_eq!(
                counted.findings.len() + counted.not_listed,
                full.findings.len()
            );
            let json = |report: &Report| {
                let mut bytes = Vec::new();
                write(report, Lang::En, &mut bytes).unwrap();
                bytes
            };
            assert!(json(&counted) == json(&stored), "{listed:?}");
            // the worst severity is the findings' too, when no target row says it
            let bare = |mut e: Evaluation| {
                e.targets.iter_mut().for_each(|t| t.severity = None);
                report_listing(&plan, &world, e, listed).worst()
            };
            let worst = bare(evaluated(&plan, &world, listed));
            assert_eq!(worst, Some(crate::model::Severity::Error), "{listed:?}");
            assert_eq!(worst, bare(evaluated(&plan, &world, Shown::All)));
        }
        let none = report_listing(
            &plan,
            &world,
            evaluated(&plan, &world, Shown::None),
            Shown::None,
        );
        assert!(none.findings.is_empty());
        assert_eq!(none.not_listed, full.findings.len());
    }

    #[test]
    fn a_finding_names_the_clause_of_its_own_target() {
        use crate::plan::Kind;
        use crate::plan::kinds::share::Share;
        use crate::plan::rules::testing::{plan, sector_2y, target};
        // Two targets of one rule id, with their clauses: the share's comes first.
        let share = crate::plan::Target {
            clause: "II.2.b".into(),
            ..target(
                "SECTOR-2Y",
                Kind::Share(Share {
                    group: 1,
                    percent: 30,
                    min_level: 4,
                    baseline: None,
                }),
            )
        };
        let window = crate::plan::Target {
            clause: "II.2.e".into(),
            ..sector_2y()
        };
        let plan = plan(vec![share, window]);
        let world = World::new(vec![incumbent("L").with(|o| o.department_leader = true)]);
        let report = report_of(&plan, &world);
        let rows: Vec<FindingRow> = report.findings.iter().collect();
        assert_eq!(rows.len(), 1);
        assert_eq!((&*rows[0].rule, &*rows[0].clause), ("SECTOR-2Y", "II.2.e"));
        assert_eq!(
            rows[0].note_code,
            Some(crate::model::status::Note::NoAppointedOn)
        );
    }
}
