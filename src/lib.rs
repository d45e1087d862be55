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
pub mod template;
pub mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

use crate::cli::{
    CheckArgs, Cli, Command, ExplainArgs, FailOn, Format, GapsArgs, InputArgs, ListFormat,
    PlanFile, RulesArgs, TemplateArgs, ValidateArgs,
};
use crate::input::diag::Diagnostics;
use crate::input::{LoadOptions, Loaded};
use crate::model::Severity;
use crate::plan::Plan;
use crate::plan::rules::{Context, evaluate};
use crate::report::gaps::GapsReport;
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
        Command::Gaps(args) => gaps(args, now),
        Command::Validate(args) => validate(args, now),
        Command::Rules(args) => rules(args),
        Command::Explain(args) => explain(args),
        Command::Template(args) => template(args),
    }
}

/// The plan of `--plan`, or the embedded one, and how to name it. A problem
/// with it is printed, and `None` returned.
fn load_plan(file: &PlanFile) -> Option<(Plan, String)> {
    match plan::load_plan(file.path.as_deref()) {
        Ok(plan) => {
            let name = file.path.as_ref().map_or_else(
                || plan::EMBEDDED_NAME.to_owned(),
                |p| p.display().to_string(),
            );
            Some((plan, name))
        }
        Err(problem) => {
            eprintln!("{problem}");
            None
        }
    }
}

/// The plan and both files as read, every input problem collected, before
/// deciding whether to go on.
pub struct Read {
    pub plan: Plan,
    pub plan_file: String,
    pub as_of: NaiveDate,
    /// `None` when a file cannot be used at all; `diags` says why.
    pub loaded: Option<Loaded>,
    pub diags: Diagnostics,
}

/// Load the plan and both files. Only a problem with the plan is printed (and
/// stops the run), and with `--verbose` how each file was read.
pub fn read(args: &InputArgs, now: Now) -> anyhow::Result<Result<Read, Outcome>> {
    let Some((plan, plan_file)) = load_plan(&args.plan) else {
        return Ok(Err(Outcome::InputError));
    };
    let as_of = args.as_of.unwrap_or(now.today);
    let options = LoadOptions {
        roster: args.roster.clone(),
        enrolments: args.enrolments.clone(),
        delimiter: args.delimiter,
        as_of,
    };
    let mut diags = Diagnostics::default();
    let loaded = input::load(&options, plan.first_year, &mut diags)?;
    if let (Some(loaded), true) = (&loaded, args.verbose > 0) {
        output::describe_inputs(&loaded.files);
    }
    Ok(Ok(Read {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    }))
}

/// Plan, inputs and as-of date, loaded and checked: what every command that
/// evaluates the plan starts from.
pub struct Prepared {
    pub plan: Plan,
    pub plan_file: String,
    pub as_of: NaiveDate,
    pub loaded: Loaded,
    pub diags: Diagnostics,
}

/// Load the plan and both files, printing every input problem on stderr.
/// `Err(outcome)` when the run must stop here: a file cannot be used, or rows
/// have errors and `skip_invalid` is off.
pub fn prepare(
    args: &InputArgs,
    skip_invalid: bool,
    now: Now,
) -> anyhow::Result<Result<Prepared, Outcome>> {
    let Read {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    } = match read(args, now)? {
        Ok(read) => read,
        Err(outcome) => return Ok(Err(outcome)),
    };
    output::print_diagnostics(&diags);
    let Some(loaded) = loaded else {
        eprintln!("error: nothing was evaluated: an input file cannot be used (see above)");
        return Ok(Err(Outcome::InputError));
    };
    if diags.has_errors() && !skip_invalid {
        eprintln!(
            "error: {} problem(s) in the input; nothing was evaluated on partial data. \
             Fix them, or use --skip-invalid to go on without the rejected rows.",
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
    let prepared = match prepare(&args.input, args.evaluate.skip_invalid, now)? {
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
        due_soon_days: args.evaluate.due_soon_days,
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
            due_soon_days: args.evaluate.due_soon_days,
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

fn gaps(args: &GapsArgs, now: Now) -> anyhow::Result<Outcome> {
    let to_file = args.output.is_some() || args.by_unit.is_some();
    if args.format == ListFormat::Xlsx && !to_file && output::stdout_is_terminal() {
        eprintln!(
            "error: a workbook is not for a terminal: use --output FILE.xlsx or --by-unit DIR"
        );
        return Ok(Outcome::InputError);
    }
    let Prepared {
        plan,
        as_of,
        loaded,
        ..
    } = match prepare(&args.input, args.evaluate.skip_invalid, now)? {
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
    let report = GapsReport::new(&plan.id, &loaded.roster, &loaded.files, lists);
    if let Some(dir) = &args.by_unit {
        let units = report.by_unit();
        let unit_names: Vec<String> = units
            .iter()
            .map(|u| u.unit.clone().unwrap_or_default())
            .collect();
        let names = filename::unique(&unit_names, extension(args.format));
        output::create_dir(dir)?;
        for (unit, name) in units.iter().zip(&names) {
            let bytes = render_lists(unit, args.format, true)?;
            output::write(Some(&dir.join(name)), &bytes)?;
        }
        eprintln!(
            "gaps: {} file(s) written to {}, one per unit with someone to train",
            names.len(),
            dir.display()
        );
    }
    if args.by_unit.is_none() || args.output.is_some() {
        let bytes = render_lists(&report, args.format, args.output.is_some())?;
        output::write(args.output.as_deref(), &bytes)?;
    }
    // As check: with --skip-invalid, lists made without some rows are incomplete.
    let left_out: usize = loaded.files.iter().map(|f| f.rejected).sum();
    if left_out > 0 {
        eprintln!(
            "warning: {left_out} input row(s) with errors were left out (--skip-invalid); the lists are incomplete"
        );
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
    to_file: bool,
) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        ListFormat::Table => {
            report::gaps::table::render(report, output::table_style(to_file)).into_bytes()
        }
        ListFormat::Csv => report::gaps::csv::render(report)?,
        ListFormat::Xlsx => report::gaps::xlsx::render(report)?,
    })
}

/// Every data problem and consistency warning on stdout: 0 clean, 1 warnings, 2 errors.
fn validate(args: &ValidateArgs, now: Now) -> anyhow::Result<Outcome> {
    let Read {
        loaded, mut diags, ..
    } = match read(&args.input, now)? {
        Ok(read) => read,
        Err(outcome) => return Ok(outcome),
    };
    let files = match &loaded {
        Some(loaded) => {
            if let Some(roster_file) = loaded.files.first() {
                validate::roster(&loaded.roster, roster_file, &mut diags);
            }
            loaded.files.as_slice()
        }
        None => &[],
    };
    let text = format!("{diags}{}\n", validate::summary(&diags, files));
    output::write(None, text.as_bytes())?;
    Ok(if diags.has_errors() || loaded.is_none() {
        Outcome::InputError
    } else if diags.count(Severity::Warning) > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn rules(args: &RulesArgs) -> anyhow::Result<Outcome> {
    let Some((plan, _)) = load_plan(&args.plan) else {
        return Ok(Outcome::InputError);
    };
    // The texts are long: wrap them, on a terminal or not.
    let mut style = output::table_style(false);
    style.width.get_or_insert(100);
    output::write(None, report::rules::list(&plan, style).as_bytes())?;
    Ok(Outcome::Clean)
}

fn explain(args: &ExplainArgs) -> anyhow::Result<Outcome> {
    let Some((plan, _)) = load_plan(&args.plan) else {
        return Ok(Outcome::InputError);
    };
    let Some(text) = report::rules::explain(&plan, &args.rule) else {
        eprintln!(
            "error: plan {} has no rule \"{}\"; its rules: {}",
            plan.id,
            args.rule,
            plan.rule_ids().join(", ")
        );
        return Ok(Outcome::InputError);
    };
    output::write(None, text.as_bytes())?;
    Ok(Outcome::Clean)
}

fn template(args: &TemplateArgs) -> anyhow::Result<Outcome> {
    let files = template::files(args.lang)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| args.dir.join(f.name)).collect();
    let existing: Vec<String> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.force {
        eprintln!(
            "error: {} already exist(s); nothing was written (--force overwrites)",
            existing.join(", ")
        );
        return Ok(Outcome::InputError);
    }
    output::create_dir(&args.dir)?;
    for (file, path) in files.iter().zip(&paths) {
        output::write(Some(path), &file.bytes)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(Outcome::Clean)
}
