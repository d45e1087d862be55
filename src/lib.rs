//! boiduong: checks officials' training against the targets of Plan 143/KH-UBND.
//!
//! `run` reads like the job: load the plan and the inputs, evaluate, render; or
//! compare two reports.

pub mod baseline;
pub mod cli;
pub mod history;
pub mod input;
pub mod model;
pub mod output;
pub mod plan;
pub mod report;

use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

use crate::baseline::PriorReport;
use crate::cli::{CheckArgs, Cli, Command, DiffArgs, DiffFailOn, FailOn, Format, InputArgs};
use crate::input::diag::{Code, Diagnostic, Diagnostics};
use crate::input::{LoadOptions, Loaded};
use crate::model::Severity;
use crate::plan::Plan;
use crate::plan::rules::{Context, evaluate};
use crate::report::diff::{self, Diff};
use crate::report::{Inputs, Report, Sources};

/// How a run ended: the exit code of SPEC §4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: nothing at or above `--fail-on`.
    Clean,
    /// 1: findings at or above `--fail-on`.
    Findings,
    /// 2: usage or input error; wins over 1.
    InputError,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(self.code())
    }

    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::InputError => 2,
        }
    }
}

/// The clock, read once per run.
#[derive(Clone, Copy, Debug)]
pub struct Now {
    pub utc: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Now {
    pub fn read() -> Now {
        Now {
            utc: Utc::now(),
            today: Local::now().date_naive(),
        }
    }

    /// What a report's `generated_at` says.
    fn stamp(&self) -> String {
        self.utc.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

/// Run a parsed command line.
pub fn run(cli: &Cli) -> anyhow::Result<Outcome> {
    let now = Now::read();
    match &cli.command {
        Command::Check(args) => check(args, now),
        Command::Diff(args) => compare(args, now),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            cli::write_completions(*shell, &mut script);
            print(&script)
        }
        Command::Man { command } => match cli::man_page(command.as_deref())? {
            Some(page) => print(&page),
            None => {
                eprintln!(
                    "error: there is no command \"{}\"; the commands are: {}",
                    command.as_deref().unwrap_or_default(),
                    cli::command_names().join(", ")
                );
                Ok(Outcome::InputError)
            }
        },
    }
}

/// Write `bytes` to stdout.
fn print(bytes: &[u8]) -> anyhow::Result<Outcome> {
    Ok(deliver(None, bytes)?.err().unwrap_or(Outcome::Clean))
}

/// Write `bytes` to `path` (atomically) or stdout. `Err(outcome)` when the file
/// cannot be written; the problem is printed.
fn deliver(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<Result<(), Outcome>> {
    if let Err(problem) = output::write(path, bytes)? {
        eprintln!("{problem}");
        return Ok(Err(Outcome::InputError));
    }
    Ok(Ok(()))
}

/// Plan, inputs and as-of date, loaded and checked: what every data command starts from.
pub struct Prepared {
    pub plan: Plan,
    pub plan_file: String,
    pub as_of: NaiveDate,
    pub loaded: Loaded,
    pub diags: Diagnostics,
}

/// Load the plan and both files, printing every input problem on stderr.
/// `Err(outcome)` when the run must stop here.
pub fn prepare(args: &InputArgs, now: Now) -> anyhow::Result<Result<Prepared, Outcome>> {
    let plan = match plan::load_plan(args.plan.as_deref()) {
        Ok(plan) => plan,
        Err(problem) => {
            eprintln!("{problem}");
            return Ok(Err(Outcome::InputError));
        }
    };
    let plan_file = args.plan.as_ref().map_or_else(
        || plan::EMBEDDED_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let as_of = args.as_of.unwrap_or(now.today);
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let progress = output::progress(size(&args.roster) + size(&args.enrolments), args.quiet);
    let options = LoadOptions {
        roster: args.roster.clone(),
        enrolments: args.enrolments.clone(),
        delimiter: args.delimiter,
        as_of,
        on_read: progress.as_ref().map(|(_, hook)| hook.clone()),
    };
    let mut diags = Diagnostics::default();
    let loaded = input::load(&options, plan.first_year, &mut diags);
    if let Some((bar, _)) = progress {
        bar.finish_and_clear();
    }
    let loaded = loaded?;
    output::print_diagnostics(&diags, args.quiet);
    if let (Some(loaded), true) = (&loaded, args.verbose > 0) {
        output::describe_inputs(&loaded.files);
    }
    let Some(loaded) = loaded else {
        eprintln!("error: the check did not run: an input file cannot be used (see above)");
        return Ok(Err(Outcome::InputError));
    };
    if diags.has_errors() && !args.skip_invalid {
        eprintln!(
            "error: {} problem(s) in the input; the check did not run on partial data. \
             Fix them, or use --skip-invalid to check without the rejected rows.",
            diags.count(Severity::Error)
        );
        return Ok(Err(Outcome::InputError));
    }
    Ok(Ok(Prepared {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    }))
}

/// Read an earlier report, printing why it cannot be used.
fn read_report(path: &Path) -> Result<PriorReport, Outcome> {
    baseline::read(path).map_err(|problem| {
        eprintln!("{problem}");
        Outcome::InputError
    })
}

/// Warnings about two reports that can be compared but may differ for reasons
/// other than the data: a later report as the older one, another due-soon window.
fn comparison_warnings(
    old: &PriorReport,
    new_as_of: NaiveDate,
    new_due_soon_days: Option<u32>,
    quiet: bool,
) {
    let warn = |message: String| {
        output::print_diagnostic(
            &Diagnostic {
                file: old.reference.path.clone(),
                line: None,
                column: None,
                severity: Severity::Warning,
                code: Code::Baseline,
                message,
            },
            quiet,
        );
    };
    if old.reference.as_of > new_as_of {
        warn(format!(
            "it is as of {}, after the report it is compared with (as of {new_as_of}): \
             new and resolved are the other way round",
            old.reference.as_of
        ));
    }
    if let (Some(old_days), Some(new_days)) = (old.due_soon_days, new_due_soon_days)
        && old_days != new_days
    {
        warn(format!(
            "its due-soon window was {old_days} days, now {new_days}: some findings \
             change for that alone"
        ));
    }
}

fn check(args: &CheckArgs, now: Now) -> anyhow::Result<Outcome> {
    let quiet = args.input.quiet;
    // The baseline first: a file that cannot be compared stops the run before
    // the (maybe large) inputs are read.
    let prior = match args.baseline.as_deref().map(read_report).transpose() {
        Ok(prior) => prior,
        Err(outcome) => return Ok(outcome),
    };
    let prepared = match prepare(&args.input, now)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
    if let Some(prior) = &prior {
        if let Err(problem) = baseline::check_plan(prior, &prepared.plan.id) {
            eprintln!("{problem}");
            return Ok(Outcome::InputError);
        }
        comparison_warnings(prior, prepared.as_of, Some(args.input.due_soon_days), quiet);
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
        due_soon_days: args.input.due_soon_days,
    };
    let evaluation = evaluate(&plan, &ctx);
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
            input_problems: diags.kept().to_vec(),
            input_warnings: diags.count(Severity::Warning),
            as_of,
            due_soon_days: args.input.due_soon_days,
            generated_at: now.stamp(),
        },
        evaluation,
    );
    if let Some(prior) = &prior {
        diff::mark(&mut report, prior);
        if args.input.verbose > 0 {
            let s = &report.summary;
            eprintln!(
                "{}: baseline as of {}, sha256 {}: {} new, {} persisting, {} resolved",
                prior.reference.path,
                prior.reference.as_of,
                prior.reference.sha256,
                s.new.unwrap_or(0),
                s.persisting.unwrap_or(0),
                s.resolved.unwrap_or(0)
            );
        }
    }
    let bytes = match args.format {
        Format::Table => {
            let style = output::table_style(args.output.is_some());
            report::table::render(&report, style).into_bytes()
        }
        Format::Json => report::json::render(&report)?.into_bytes(),
        Format::Csv => report::csv::render(&report)?,
        Format::Markdown => report::markdown::render(&report).into_bytes(),
    };
    if let Err(outcome) = deliver(args.output.as_deref(), &bytes)? {
        return Ok(outcome);
    }
    if report.summary.rows_left_out > 0 {
        if !quiet {
            eprintln!("{}", left_out_notice(&report));
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

/// The warning that rows were left out with `--skip-invalid`.
fn left_out_notice(report: &Report) -> String {
    let inputs = &report.inputs;
    let with_errors = inputs.roster.rejected + inputs.enrolments.rejected;
    let mut line =
        format!("warning: {with_errors} input row(s) with errors were left out (--skip-invalid)");
    if inputs.enrolments_of_rejected_officials > 0 {
        line.push_str(&format!(
            ", and {} enrolment(s) of the officials whose roster rows were left out",
            inputs.enrolments_of_rejected_officials
        ));
    }
    line.push_str("; the report is incomplete");
    line
}

/// `diff OLD.json NEW.json`.
fn compare(args: &DiffArgs, now: Now) -> anyhow::Result<Outcome> {
    let (old, new) = match (read_report(&args.old), read_report(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(outcome), _) | (_, Err(outcome)) => return Ok(outcome),
    };
    if let Err(problem) = baseline::check_plan(&old, &new.plan) {
        eprintln!("{problem}");
        return Ok(Outcome::InputError);
    }
    comparison_warnings(&old, new.reference.as_of, new.due_soon_days, args.quiet);
    let diff: Diff = diff::compare(&old, &new, now.stamp());
    let bytes = match args.format {
        Format::Table => {
            let style = output::table_style(args.output.is_some());
            report::table::render_diff(&diff, style).into_bytes()
        }
        Format::Json => report::json::render(&diff)?.into_bytes(),
        Format::Csv => report::csv::render_diff(&diff)?,
        Format::Markdown => report::markdown::render_diff(&diff).into_bytes(),
    };
    if let Err(outcome) = deliver(args.output.as_deref(), &bytes)? {
        return Ok(outcome);
    }
    let failing = args.fail_on == DiffFailOn::New && diff.summary.new_errors > 0;
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
