//! The report as JSON: SPEC §5, the contract scripts rely on.
//!
//! A national report has 1.5 million findings and is as large as its inputs (issue 6),
//! so the findings are rendered on two threads, a chunk at a time, and written in
//! order as they come: the bytes are those of `serde_json::to_writer_pretty` on the
//! whole report, never held whole.

use std::io::Write;
use std::sync::mpsc::sync_channel;
use std::thread;

use std::fmt::Write as _;

use crate::report::{FindingRow, Report};

/// Findings rendered per chunk.
const CHUNK: usize = 4096;
/// Where the findings go in the frame: the key at depth 1 with an empty array. A
/// raw line feed never occurs inside a JSON string, so this occurs once.
const EMPTY_FINDINGS: &str = "\n  \"findings\": []";

/// Pretty-printed JSON with a final newline, written as it is made.
pub fn write(report: &Report, out: &mut (impl Write + ?Sized)) -> anyhow::Result<()> {
    let frame = serde_json::to_string_pretty(&report.frame())?;
    let Some(at) = frame.find(EMPTY_FINDINGS) else {
        anyhow::bail!("internal error: no findings in the JSON report");
    };
    let (head, tail) = frame.split_at(at + EMPTY_FINDINGS.len() - 1);
    out.write_all(head.as_bytes())?;
    let total = report.findings.len();
    let chunks = total.div_ceil(CHUNK);
    if chunks == 1 {
        // a province's findings: no thread
        out.write_all(&render_chunk(report, 0)?)?;
        out.write_all(b"\n  ")?;
    } else if chunks > 1 {
        thread::scope(|scope| -> anyhow::Result<()> {
            // two renderers, each taking every other chunk; the writer takes them in turn
            let mut rendered = Vec::new();
            for worker in 0..2 {
                let (send, receive) = sync_channel::<anyhow::Result<Vec<u8>>>(2);
                rendered.push(receive);
                scope.spawn(move || {
                    for chunk in (worker..chunks).step_by(2) {
                        if send.send(render_chunk(report, chunk)).is_err() {
                            return; // the writer stopped
                        }
                    }
                });
            }
            for chunk in 0..chunks {
                let bytes = rendered[chunk % 2]
                    .recv()
                    .map_err(|_| anyhow::anyhow!("internal error: a JSON renderer stopped"))??;
                out.write_all(&bytes)?;
            }
            Ok(())
        })?;
        out.write_all(b"\n  ")?;
    }
    out.write_all(tail.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Chunk `chunk` of the findings as elements of the findings array at depth 2, each
/// after its separator, as `to_writer_pretty` writes them there.
fn render_chunk(report: &Report, chunk: usize) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(CHUNK * 512);
    let mut text = String::new();
    for (i, row) in (chunk * CHUNK..).zip(report.findings.range(chunk * CHUNK, CHUNK)) {
        out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        finding(&mut out, &row, &mut text)?;
    }
    Ok(out)
}

/// One finding as `to_writer_pretty` writes the derived `Serialize` of [`FindingRow`]
/// at depth 2: the same keys in the same order, the same skipped `None`s, strings
/// escaped by serde_json itself. Written by hand because serde's generic path was
/// most of the time of a national report (issue 6); the unit test below holds the
/// two to the same bytes.
fn finding(out: &mut Vec<u8>, f: &FindingRow<'_>, text: &mut String) -> anyhow::Result<()> {
    fn key(out: &mut Vec<u8>, name: &str) {
        out.extend_from_slice(if out.last() == Some(&b'{') {
            b"\n      \""
        } else {
            b",\n      \""
        });
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b"\": ");
    }
    fn string(out: &mut Vec<u8>, name: &str, value: &str) -> anyhow::Result<()> {
        key(out, name);
        serde_json::to_writer(&mut *out, value)?;
        Ok(())
    }
    fn shown(
        out: &mut Vec<u8>,
        text: &mut String,
        name: &str,
        value: impl std::fmt::Display,
    ) -> anyhow::Result<()> {
        text.clear();
        write!(text, "{value}")?;
        string(out, name, text)
    }
    fn number(out: &mut Vec<u8>, name: &str, value: Option<i64>) -> anyhow::Result<()> {
        if let Some(n) = value {
            key(out, name);
            write!(out, "{n}")?;
        }
        Ok(())
    }
    out.push(b'{');
    string(out, "rule", f.rule)?;
    string(out, "clause", f.clause)?;
    string(out, "id", f.id)?;
    string(out, "full_name", f.full_name)?;
    string(out, "unit", f.unit)?;
    string(out, "title", f.title)?;
    string(out, "status", f.status.code())?;
    string(out, "severity", f.severity.label())?;
    if let Some(p) = f.program {
        string(out, "program", p.code())?;
    }
    for (name, date) in [("anchor", f.anchor), ("deadline", f.deadline)] {
        if let Some(date) = date {
            shown(out, text, name, date)?;
        }
    }
    number(out, "days_overdue", f.days_overdue)?;
    number(out, "days_left", f.days_left)?;
    number(out, "days_late", f.days_late)?;
    if let Some(date) = f.completed_on {
        shown(out, text, "completed_on", date)?;
    }
    if let Some(note) = f.note {
        string(out, "note", note)?;
    }
    shown(out, text, "message", f.message)?;
    key(out, "line");
    write!(out, "{}", f.line)?;
    out.extend_from_slice(b"\n    }");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::Encoding;
    use crate::input::table::FileSummary;
    use crate::model::OfficialRow;
    use crate::plan::rules::evaluate;
    use crate::plan::rules::testing::{World, date, incumbent, planned};
    use crate::report::{Inputs, Sources};

    fn file(path: &str) -> FileSummary {
        FileSummary {
            path: path.into(),
            sha256: "0".repeat(64),
            encoding: Encoding::Utf8,
            delimiter: b',',
            rows: 1,
            rejected: 0,
            ignored_columns: vec!["STT".into()],
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
                officials.push(OfficialRow {
                    appointed_on: appointed,
                    department_leader: true,
                    central_plan_approved_on: appointed,
                    ..incumbent(&format!("I{i}"))
                });
            }
            let mut world = World::new(officials);
            world.completed(
                "I1",
                crate::model::Program::Sector,
                date(2021, 1, 1),
                date(2023, 6, 1),
            );
            let as_of = date(2026, 11, 25);
            let report = Report::build(
                Sources {
                    plan: &plan,
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
                },
                evaluate(&plan, &world.ctx(as_of)),
            );
            let statuses: Vec<_> = report.findings.iter().map(|f| f.status.code()).collect();
            for status in ["overdue", "due_soon", "late", "missing_data"] {
                assert!(statuses.contains(&status), "no {status} finding");
            }
            assert!(report.findings.len() >= n);
            let mut ours = Vec::new();
            write(&report, &mut ours).unwrap();
            let mut whole = serde_json::to_vec_pretty(&report).unwrap();
            whole.push(b'\n');
            assert!(ours == whole, "{n} officials");
        }
    }
}
