//! Writing at the edges: the report to stdout or a file, messages to stderr.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Context as _;

use crate::input::diag::Diagnostics;
use crate::input::source::describe;
use crate::input::table::FileSummary;
use crate::report::table::Style;

/// Every kept diagnostic, then the counts of those not shown.
pub fn print_diagnostics(diags: &Diagnostics) {
    let mut err = io::stderr().lock();
    for d in diags.kept() {
        let _ = writeln!(err, "{d}");
    }
    for line in diags.overflow() {
        let _ = writeln!(err, "{line}");
    }
}

/// With `--verbose`: how each file was read.
pub fn describe_inputs(files: &[FileSummary]) {
    for f in files {
        let delimiter = match f.delimiter {
            b'\t' => "tab".to_owned(),
            d => format!("'{}'", d as char),
        };
        eprintln!(
            "{}: {:?}, delimiter {delimiter}, {} rows, {} rejected, sha256 {}",
            f.path, f.encoding, f.rows, f.rejected, f.sha256
        );
        if !f.ignored_columns.is_empty() {
            eprintln!(
                "{}: ignored columns: {}",
                f.path,
                f.ignored_columns.join(", ")
            );
        }
    }
}

/// Colour and width for a table: only on a terminal, never with `NO_COLOR`.
pub fn table_style(to_file: bool) -> Style {
    let terminal = !to_file && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Style {
        colour: terminal && !no_color,
        width: if terminal {
            comfy_table::Table::new().width()
        } else {
            None
        },
    }
}

/// Write what `render` writes to `path` atomically (a temporary file beside it, then
/// a rename: an older report survives a failed run), or to stdout; buffered, never
/// held whole (issue 6: a national JSON report is as large as its inputs).
pub fn write(
    path: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    const BUFFER: usize = 1 << 20;
    let Some(path) = path else {
        let mut out = io::BufWriter::with_capacity(BUFFER, io::stdout().lock());
        render(&mut out)?;
        out.flush()?;
        return Ok(());
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shown = path.display();
    let file = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", describe(&e)))?;
    let mut out = io::BufWriter::with_capacity(BUFFER, file);
    render(&mut out).with_context(|| format!("cannot write {shown}"))?;
    let file = out
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write {shown}"))?;
    file.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", describe(&e.error)))?;
    Ok(())
}

/// Whether an error is a closed pipe (`boiduong check | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
