//! boiduong: checks officials' training against the targets of Plan 143/KH-UBND.
//!
//! `run` reads like the job: load the plan and the inputs, evaluate, render.

pub mod cli;
pub mod filename;
pub mod gaps;
pub mod history;
pub mod input;
pub mod model;
pub mod output;
pub mod plan;
pub mod report;
pub mod validate;

use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

use crate::cli::{CheckArgs, Cli, Command, FailOn, Format, InputArgs};
use crate::input::diag::Diagnostics;
use crate::input::{LoadOptions, Loaded};
use crate::model::Severity;
use crate::plan::Plan;
use crate::plan::rules::{Context, evaluate};
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
}

/// Run a parsed command line.
pub fn run(cli: &Cli) -> anyhow::Result<Outcome> {
    let now = Now::read();
    match &cli.command {
        Command::Check(args) => check(args, now),
    }
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
    let options = LoadOptions {
        roster: args.roster.clone(),
        enrolments: args.enrolments.clone(),
        delimiter: args.delimiter,
        as_of,
    };
    let mut diags = Diagnostics::default();
    let loaded = input::load(&options, plan.first_year, &mut diags)?;
    output::print_diagnostics(&diags);
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

fn check(args: &CheckArgs, now: Now) -> anyhow::Result<Outcome> {
    let prepared = match prepare(&args.input, now)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
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
    let report = Report::build(
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
            generated_at: now.utc.to_rfc3339_opts(SecondsFormat::Secs, true),
        },
        evaluation,
    );
    let bytes = match args.format {
        Format::Table => {
            let style = output::table_style(args.output.is_some());
            report::table::render(&report, style).into_bytes()
        }
        Format::Json => report::json::render(&report)?.into_bytes(),
        Format::Csv => report::csv::render(&report)?,
    };
    output::write(args.output.as_deref(), &bytes)?;
    let left_out = report.summary.rows_left_out;
    if left_out > 0 {
        eprintln!(
            "warning: {left_out} input row(s) with errors were left out (--skip-invalid); the report is incomplete"
        );
        return Ok(Outcome::InputError);
    }
    let worst = report.worst();
    let failing = match args.fail_on {
        FailOn::Error => worst == Some(Severity::Error),
        FailOn::Warning => worst.is_some(),
        FailOn::Never => false,
    };
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
