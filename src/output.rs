//! Writing at the edges: the report to stdout or a file, messages to stderr, a
//! progress bar while large inputs are read.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

mod behind;
mod file;
mod interrupt;
mod set;

pub use file::{Input, refuse_inputs, same_file};
pub use set::FileSet;

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::say;
use crate::input::source::ReadHook;
use crate::input::table::FileSummary;
use crate::lang::Lang;
use crate::render::table::Style;

/// Every kept diagnostic, then the counts of those not shown, in `lang`; with
/// `quiet`, the errors only.
pub fn print_diagnostics(diags: &Diagnostics, quiet: bool, lang: Lang) {
    let shown = |severity: Severity| severity == Severity::Error || !quiet;
    let mut err = io::stderr().lock();
    for d in diags.kept().iter().filter(|d| shown(d.severity)) {
        let _ = writeln!(err, "{}", d.display(lang));
    }
    for line in diags.overflow_where(shown, lang) {
        let _ = writeln!(err, "{line}");
    }
}

/// Whether stdout is a terminal (a binary workbook must not go there).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// One message on stderr in `lang`, unless it is a warning and `quiet`.
pub fn print_diagnostic(d: &Diagnostic, quiet: bool, lang: Lang) {
    if d.severity == Severity::Error || !quiet {
        eprintln!("{}", d.display(lang));
    }
}

/// Inputs smaller than this are read too fast for a progress bar to help.
pub const PROGRESS_FROM_BYTES: u64 = 32 * 1024 * 1024;

/// Whether to show a progress bar while reading `total` bytes of input: only on
/// a terminal, never with `--quiet`, and only for large inputs.
pub fn wants_progress(total: u64, stderr_is_terminal: bool, quiet: bool) -> bool {
    stderr_is_terminal && !quiet && total >= PROGRESS_FROM_BYTES
}

/// A progress bar on stderr for reading `total` bytes, and the hook that moves it;
/// `None` when `wants_progress` says no. It never touches stdout.
pub fn progress(total: u64, quiet: bool) -> Option<(ProgressBar, ReadHook)> {
    if !wants_progress(total, io::stderr().is_terminal(), quiet) {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "reading the inputs {bar:40} {binary_bytes}/{binary_total_bytes} ({eta} left)",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    let moved = bar.clone();
    let hook = ReadHook(Arc::new(move |n| moved.inc(n as u64)));
    Some((bar, hook))
}

/// With `--verbose`: how each file was read, in `lang`.
pub fn describe_inputs(files: &[FileSummary], lang: Lang) {
    for f in files {
        eprintln!("{}", say::file_read(f, lang));
        if !f.ignored_columns.is_empty() {
            eprintln!(
                "{}",
                say::ignored_columns(&f.path, &f.ignored_columns, lang)
            );
        }
    }
}

/// For each workbook read: its sheet and the row taken for the header (a note on
/// stderr, which `--quiet` silences).
pub fn note_sheets(files: &[FileSummary], quiet: bool, lang: Lang) {
    if quiet {
        return;
    }
    for f in files {
        if let (Some(sheet), Some(row)) = (&f.sheet, f.header_row) {
            eprintln!("{}", say::sheet_read(&f.path, sheet, row, lang));
        }
    }
}

/// Colour and width for a table: colour only on a terminal, never with
/// `NO_COLOR`; the width of `COLUMNS` when it holds one, else the terminal's, else
/// none (lines as long as their text).
pub fn table_style(to_file: bool) -> Style {
    let terminal = !to_file && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let columns = std::env::var("COLUMNS").ok();
    Style {
        colour: terminal && !no_color,
        width: width_from(columns.as_deref()).or_else(|| {
            terminal
                .then(|| comfy_table::Table::new().width())
                .flatten()
        }),
    }
}

/// The width `COLUMNS` asks for: a whole number of columns, at least one.
fn width_from(columns: Option<&str>) -> Option<u16> {
    columns?.trim().parse().ok().filter(|&w: &u16| w > 0)
}

/// Write what `render` writes to `path`, or to stdout; buffered, never held
/// whole (a national JSON report is as large as its inputs). A regular file is
/// replaced atomically (a temporary file beside it, synced, then a rename: an
/// older report survives a failed or interrupted run, or a power cut); a pipe,
/// a terminal or `/dev/stdout` is written into. A file that cannot be written
/// is an `io` problem naming the path; an error writing stdout (a closed pipe)
/// is returned as such.
pub fn write(
    path: Option<&Path>,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<Result<(), Diagnostic>> {
    let Some(path) = path else {
        let mut out = io::BufWriter::with_capacity(file::BUFFER, io::stdout().lock());
        render(&mut out)?;
        out.flush()?;
        return Ok(Ok(()));
    };
    Ok(file::write(path, render))
}

/// Whether an error is a closed pipe (`boiduong check | head`): not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_is_a_width_only_when_it_holds_a_whole_number() {
        assert_eq!(width_from(Some("100")), Some(100));
        assert_eq!(width_from(Some(" 80 ")), Some(80));
        for no in ["", "0", "-5", "wide", "70000", "80.5"] {
            assert_eq!(width_from(Some(no)), None, "{no:?}");
        }
        assert_eq!(width_from(None), None);
    }

    #[test]
    fn a_progress_bar_only_on_a_terminal_only_for_large_inputs_never_quiet() {
        let large = PROGRESS_FROM_BYTES;
        assert!(wants_progress(large, true, false));
        assert!(!wants_progress(large - 1, true, false));
        assert!(!wants_progress(large, false, false));
        assert!(!wants_progress(large, true, true));
    }
}
