//! The report as JSON: SPEC §5, the contract scripts rely on.
//!
//! A national report has 1.5 million findings and is as large as its inputs (issue 6),
//! so the findings are rendered on two threads, a chunk at a time, and written in
//! order as they come: the bytes are those of `serde_json::to_writer_pretty` on the
//! whole report, never held whole.

use std::io::Write;
use std::sync::mpsc::sync_channel;
use std::thread;

use crate::report::Report;

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
    if chunks > 0 {
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
    let mut one = Vec::with_capacity(1024);
    for (i, row) in (chunk * CHUNK..).zip(report.findings.range(chunk * CHUNK, CHUNK)) {
        out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        one.clear();
        serde_json::to_writer_pretty(&mut one, &row)?;
        // rendered at depth 0: indent every line after the first by two levels
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', &one) {
            out.extend_from_slice(&one[start..=nl]);
            out.extend_from_slice(b"    ");
            start = nl + 1;
        }
        out.extend_from_slice(&one[start..]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::Encoding;
    use crate::input::table::FileSummary;
    use crate::model::OfficialRow;
    use crate::plan::rules::evaluate;
    use crate::plan::rules::testing::{World, date, planned};
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
            let officials: Vec<OfficialRow> =
                (0..n).map(|i| planned(&format!("P\"{i:05}\\\n"))).collect();
            let world = World::new(officials);
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
            assert!(report.findings.len() >= n);
            let mut ours = Vec::new();
            write(&report, &mut ours).unwrap();
            let mut whole = serde_json::to_vec_pretty(&report).unwrap();
            whole.push(b'\n');
            assert!(ours == whole, "{n} officials");
        }
    }
}
