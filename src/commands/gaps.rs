//! `gaps --year Y`: who must be trained in a year, per programme and why.

use crate::cli::{GapsArgs, ListFormat};
use crate::commands::{Prepared, deliver, deliver_set, format, inputs, prepare, refuse_inputs};
use crate::i18n::say::{self, Incomplete};
use crate::lang::Lang;
use crate::plan::rules::Context;
use crate::render::gaps::GapsReport;
use crate::{Now, Outcome, filename, gaps, output, render};

/// The list, in a `--by-unit` folder, of the files the last run wrote there:
/// the next run replaces those, and never a file of the user's.
pub const BY_UNIT_LIST: &str = ".boiduong-by-unit.txt";

pub fn run(args: &GapsArgs, now: Now, lang: Lang) -> anyhow::Result<Outcome> {
    let inputs = inputs(&args.input);
    let output = args.output.as_deref();
    let (format, delimiter) =
        match format::output_format("gaps", args.format, output, &inputs, &args.csv, lang) {
            Ok(chosen) => chosen,
            Err(outcome) => return Ok(outcome),
        };
    let to_file = args.output.is_some() || args.by_unit.is_some();
    if format == ListFormat::Xlsx && !to_file && output::stdout_is_terminal() {
        eprintln!("{}", say::no_workbook_on_terminal(true, lang));
        return Ok(Outcome::InputError);
    }
    let Prepared {
        plan,
        as_of,
        loaded,
        ..
    } = match prepare(&args.input, args.evaluate.skip_invalid, now, lang)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
    let ctx = Context {
        roster: &loaded.roster,
        history: &loaded.history,
        as_of,
        due_soon_days: args.evaluate.due_soon_days,
    };
    let lists = gaps::compute(&plan, &ctx, args.year);
    let report = GapsReport::new(&plan.id, &loaded.roster, &loaded.files, lists, lang);
    if let Some(dir) = &args.by_unit {
        let units = report.by_unit();
        let unit_names: Vec<String> = units
            .iter()
            .map(|u| u.unit.clone().unwrap_or_default())
            .collect();
        let names = filename::unique(&unit_names, extension(format));
        for name in &names {
            if let Err(outcome) = refuse_inputs(Some(&dir.join(name)), &inputs, lang) {
                return Ok(outcome);
            }
        }
        let files = units.iter().zip(&names).map(|(unit, name)| {
            render_lists(unit, format, delimiter, true).map(|bytes| (name.clone(), bytes))
        });
        if let Err(outcome) = deliver_set(dir, files, Some(BY_UNIT_LIST), lang)? {
            return Ok(outcome);
        }
        if !args.input.quiet {
            eprintln!("{}", say::unit_files_written(names.len(), dir, lang));
        }
    }
    if args.by_unit.is_none() || args.output.is_some() {
        let bytes = render_lists(&report, format, delimiter, args.output.is_some())?;
        if let Err(outcome) = deliver(args.output.as_deref(), &bytes, args.input.quiet, lang)? {
            return Ok(outcome);
        }
    }
    // As check: with --skip-invalid, lists made without some rows are incomplete.
    let rejected: usize = loaded.files.iter().map(|f| f.rejected).sum();
    if rejected + loaded.enrolments_of_rejected > 0 {
        if !args.input.quiet {
            eprintln!(
                "{}",
                say::left_out(
                    rejected,
                    loaded.enrolments_of_rejected,
                    Incomplete::Lists,
                    lang,
                )
            );
        }
        return Ok(Outcome::InputError);
    }
    Ok(Outcome::Clean)
}

fn extension(format: ListFormat) -> &'static str {
    match format {
        ListFormat::Table => "txt",
        ListFormat::Csv => "csv",
        ListFormat::Xlsx => "xlsx",
    }
}

fn render_lists(
    report: &GapsReport<'_>,
    format: ListFormat,
    delimiter: u8,
    to_file: bool,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        ListFormat::Table => {
            render::gaps::table::render(report, output::table_style(to_file)).into_bytes()
        }
        ListFormat::Csv => render::gaps::csv::render(report, delimiter)?,
        ListFormat::Xlsx => render::gaps::xlsx::render(report)?,
    })
}
