//! The report as JSON: SPEC §5, the contract scripts rely on.

use std::io::Write;

use crate::report::Report;

/// Pretty-printed JSON with a final newline, written as it is made: a national
/// report is as large as its inputs (issue 6).
pub fn write(report: &Report, out: &mut (impl Write + ?Sized)) -> anyhow::Result<()> {
    // serde_json writes a few bytes at a time: buffer them here, where the writer's
    // type is known, not behind `dyn Write`
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    // io errors come back as themselves, so that a closed pipe is still recognised
    serde_json::to_writer_pretty(&mut buffered, report).map_err(std::io::Error::from)?;
    buffered.write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}
