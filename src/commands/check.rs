//! `check`: evaluate every target of the plan and print the gap report.

use crate::cli::{CheckArgs, FailOn, Format};
use crate::commands::compare::{comparison_warnings, read_report};
use crate::commands::{Prepared, deliver, deliver_with, format, inputs, prepare};
use crate::diag::problem::InputFile;
use crate::i18n::say::{self, Incomplete};
use crate::lang::Lang;
use crate::model::Severity;
use crate::output::Input;
use crate::plan::rules::{Context, evaluate};
use crate::report::baseline;
use crate::report::{Inputs, Report, Shown, Sources, diff};
use crate::{Now, Outcome, output, render};

pub fn run(args: &CheckArgs, now: Now, lang: Lang) -> anyhow::Result<Outcome> {
    let quiet = args.input.quiet;
    let mut inputs = inputs(&args.input);
    if let Some(path) = &args.baseline {
        inputs.push(Input {
            path,
            what: InputFile::Baseline,
        });
    }
    let output = args.output.as_deref();
    let (format, delimiter) =
        match format::output_format("check", args.format, output, &inputs, &args.csv, lang) {
            Ok(chosen) => chosen,
            Err(outcome) => return Ok(outcome),
        };
    if format == Format::Xlsx && output.is_none() && output::stdout_is_terminal() {
        eprintln!("{}", say::no_workbook_on_terminal(false, lang));
        return Ok(Outcome::InputError);
    }
    // The baseline first: a file that cannot be compared stops the run before
    // the (maybe large) inputs are read.
    let prior = match args
        .baseline
        .as_deref()
        .map(|path| read_report(path, lang))
        .transpose()
    {
        Ok(prior) => prior,
        Err(outcome) => return Ok(outcome),
    };
    let prepared = match prepare(&args.input, args.evaluate.skip_invalid, now, lang)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
    if let Some(prior) = &prior {
        if let Err(problem) = baseline::check_plan(prior, &prepared.plan.id) {
            eprintln!("{}", problem.display(lang));
            return Ok(Outcome::InputError);
        }
        comparison_warnings(
            prior,
            prepared.as_of,
            Some(args.evaluate.due_soon_days),
            quiet,
            lang,
        );
    }
    let Prepared {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    } = prepared;
    let ctx = Context {
        roster: &loaded.roster,
        history: &loaded.history,
        as_of,
        due_soon_days: args.evaluate.due_soon_days,
    };
    // a baseline pairs every finding before those not listed are let go; without
    // one, those not listed are counted as they are found, never stored
    let listed = if prior.is_some() {
        Shown::All
    } else {
        args.findings.into()
    };
    let evaluation = evaluate(&plan, &ctx, listed);
    let mut files = loaded.files.into_iter();
    let (Some(roster_file), Some(enrolments_file)) = (files.next(), files.next()) else {
        anyhow::bail!("internal error: the inputs were not both read");
    };
    let mut report = Report::build(
        Sources {
            plan: &plan,
            plan_file,
            roster: &loaded.roster,
            inputs: Inputs {
                roster: roster_file,
                enrolments: enrolments_file,
                enrolments_of_rejected_officials: loaded.enrolments_of_rejected,
            },
            input_problems: diags.worded(lang),
            input_warnings: diags.count(Severity::Warning),
            as_of,
            due_soon_days: args.evaluate.due_soon_days,
            generated_at: now.stamp(),
            listed,
        },
        evaluation,
    );
    if let Some(prior) = &prior {
        diff::mark(&mut report, prior);
        // the baseline may have been written in another language than this run's
        if let Some(resolved) = &mut report.resolved {
            render::reword(resolved, lang, &report.glossary);
        }
        if args.input.verbose > 0 {
            let s = &report.summary;
            let counts = (
                s.new.unwrap_or(0),
                s.persisting.unwrap_or(0),
                s.resolved.unwrap_or(0),
            );
            let r = &prior.reference;
            eprintln!(
                "{}",
                say::baseline_marked(&r.path, r.as_of, &r.sha256, counts, lang)
            );
        }
    }
    // after the comparison with the baseline, which pairs every finding
    report.show(args.findings.into());
    let bytes = match format {
        // written as it is made: a national report is as large as its inputs
        Format::Json => None,
        Format::Table => {
            let style = output::table_style(output.is_some());
            Some(render::table::render(&report, lang, style).into_bytes())
        }
        Format::Csv => Some(render::csv::render(&report, lang, delimiter)?),
        Format::Markdown => Some(render::markdown::render(&report, lang).into_bytes()),
        Format::Xlsx => Some(render::xlsx::render(&report, lang)?),
        Format::Html => Some(render::html::render(&report, lang, args.limit).into_bytes()),
    };
    let delivered = match bytes {
        Some(bytes) => deliver(output, &bytes, quiet, lang)?,
        None => deliver_with(output, quiet, lang, |out| {
            render::json::write(&report, lang, out)
        })?,
    };
    if let Err(outcome) = delivered {
        return Ok(outcome);
    }
    if report.summary.rows_left_out > 0 {
        if !quiet {
            let inputs = &report.inputs;
            eprintln!(
                "{}",
                say::left_out(
                    inputs.roster.rejected + inputs.enrolments.rejected,
                    inputs.enrolments_of_rejected_officials,
                    Incomplete::Report,
                    lang,
                )
            );
        }
        return Ok(Outcome::InputError);
    }
    let worst = report.worst();
    let failing = match args.fail_on {
        FailOn::Error => worst == Some(Severity::Error),
        FailOn::Warning => worst.is_some(),
        FailOn::Never => false,
        FailOn::New => report.summary.new_errors.unwrap_or(0) > 0,
    };
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
