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
    let _ = write!(io::stderr().lock(), "{diags}");
}

/// Whether stdout is a terminal (a binary workbook must not go there).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
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

/// Write `bytes` to `path` atomically (a temporary file beside it, then a
/// rename: an older report survives a failed run), or to stdout.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    let Some(path) = path else {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
        return Ok(());
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let shown = path.display();
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", describe(&e)))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .with_context(|| format!("cannot write {shown}"))?;
    file.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", describe(&e.error)))?;
    Ok(())
}

/// Make `dir` and its parents, if missing, for files written into it.
pub fn create_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {}", dir.display(), describe(&e)))
}

/// Whether an error is a closed pipe (`boiduong check | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
