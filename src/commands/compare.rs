//! `diff OLD.json NEW.json`, and reading the earlier reports that `diff` and
//! `check --baseline` compare with.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::cli::{DiffArgs, DiffFailOn, DiffFormat};
use crate::commands::{deliver, format, load_plan};
use crate::diag::problem::InputFile;
use crate::diag::{Code, Diagnostic, Problem};
use crate::i18n::say;
use crate::lang::Lang;
use crate::model::Severity;
use crate::output::Input;
use crate::report::baseline::{self, PriorReport};
use crate::report::diff::{self, Diff};
use crate::{Now, Outcome, output, render};

/// Read an earlier report, printing why it cannot be used, in `lang`.
pub fn read_report(path: &Path, lang: Lang) -> Result<PriorReport, Outcome> {
    baseline::read(path).map_err(|problem| {
        eprintln!("{}", problem.display(lang));
        Outcome::InputError
    })
}

/// Warnings about two reports that can be compared but may differ for reasons
/// other than the data: a later report as the older one, another due-soon window.
pub fn comparison_warnings(
    old: &PriorReport,
    new_as_of: NaiveDate,
    new_due_soon_days: Option<u32>,
    quiet: bool,
    lang: Lang,
) {
    let warn = |message: String| {
        output::print_diagnostic(
            &Diagnostic {
                file: old.reference.path.clone(),
                sheet: None,
                line: None,
                column: None,
                severity: Severity::Warning,
                code: Code::Baseline,
                // worded in `lang` already, by `say`
                message: Box::new(Problem::Worded(message)),
            },
            quiet,
            lang,
        );
    };
    if old.reference.as_of > new_as_of {
        warn(say::baseline_later(old.reference.as_of, new_as_of, lang));
    }
    if let (Some(old_days), Some(new_days)) = (old.due_soon_days, new_due_soon_days)
        && old_days != new_days
    {
        warn(say::baseline_due_soon(old_days, new_days, lang));
    }
}

/// `diff OLD.json NEW.json`.
pub fn run(args: &DiffArgs, now: Now, lang: Lang) -> anyhow::Result<Outcome> {
    let inputs = [
        Input {
            path: &args.old,
            what: InputFile::OldReport,
        },
        Input {
            path: &args.new,
            what: InputFile::NewReport,
        },
    ];
    let output = args.out.output.as_deref();
    let (format, delimiter) =
        match format::output_format("diff", args.format, output, &inputs, &args.out.csv, lang) {
            Ok(chosen) => chosen,
            Err(outcome) => return Ok(outcome),
        };
    let (old, new) = match (read_report(&args.old, lang), read_report(&args.new, lang)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(outcome), _) | (_, Err(outcome)) => return Ok(outcome),
    };
    if let Err(problem) = baseline::check_plan(&old, &new.plan) {
        eprintln!("{}", problem.display(lang));
        return Ok(Outcome::InputError);
    }
    comparison_warnings(
        &old,
        new.reference.as_of,
        new.due_soon_days,
        args.out.quiet,
        lang,
    );
    let Some((plan, _)) = load_plan(&args.out.plan, lang) else {
        return Ok(Outcome::InputError);
    };
    // The words of the plan the reports were made with; none of another plan's.
    let glossary = if plan.id == new.plan {
        plan.glossary
    } else {
        Arc::default()
    };
    let mut diff: Diff = diff::compare(&old, &new, now.stamp(), glossary);
    // the reports may have been written in another language than the diff's
    render::reword_diff(&mut diff, lang);
    let bytes = match format {
        DiffFormat::Table => {
            let style = output::table_style(args.out.output.is_some());
            render::table::render_diff(&diff, lang, style).into_bytes()
        }
        DiffFormat::Json => render::json::render(&diff)?.into_bytes(),
        DiffFormat::Csv => render::csv::render_diff(&diff, lang, delimiter)?,
        DiffFormat::Markdown => render::markdown::render_diff(&diff, lang).into_bytes(),
    };
    if let Err(outcome) = deliver(args.out.output.as_deref(), &bytes, args.out.quiet, lang)? {
        return Ok(outcome);
    }
    let failing = args.fail_on == DiffFailOn::New && diff.summary.new_errors > 0;
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
