//! boiduong: checks officials' training against the targets of Plan 143/KH-UBND.
//!
//! `run` reads the clock once and hands the parsed command line to its command
//! in `commands/`; each reads like the job: load the plan and the inputs,
//! evaluate, render.

pub mod cli;
pub mod commands;
pub mod datafile;
pub mod diag;
pub mod filename;
pub mod gaps;
pub mod history;
pub mod i18n;
pub mod ids;
pub mod input;
pub mod lang;
pub mod levels;
pub mod model;
pub mod output;
pub mod plan;
pub mod render;
pub mod report;
pub mod template;
pub mod text;
pub mod validate;

use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

use crate::cli::{Cli, Command};

/// How a run ended: the exit code of docs/usage.md.
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
    pub fn stamp(&self) -> String {
        self.utc.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

/// Run a parsed command line.
pub fn run(cli: &Cli) -> anyhow::Result<Outcome> {
    let now = Now::read();
    // The environment's language, read once like the clock; `--lang` overrides it.
    let env = lang::Lang::from_env(|name| std::env::var(name).ok());
    let lang = match cli.command.lang().map(|arg| arg.or(&env)) {
        Some(Ok(lang)) => lang,
        None => lang::Lang::En,
        Some(Err(unknown)) => {
            eprintln!("{}", i18n::say::unknown_lang(&unknown.0));
            return Ok(Outcome::InputError);
        }
    };
    match &cli.command {
        Command::Check(args) => commands::check::run(args, now, lang),
        Command::Diff(args) => commands::compare::run(args, now, lang),
        Command::Gaps(args) => commands::gaps::run(args, now, lang),
        Command::Validate(args) => commands::validate::run(args, now, lang),
        Command::Rules(args) => commands::rules::list(args, lang),
        Command::Explain(args) => commands::rules::explain(args, lang),
        Command::Template(args) => commands::template::run(args, lang),
        Command::Trend(args) => commands::trend::run(args, lang),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            cli::write_completions(*shell, &mut script);
            commands::print(&script)
        }
        Command::Man { command, .. } => match cli::man_page(command.as_deref(), lang)? {
            Some(page) => commands::print(&page),
            None => {
                let command = command.as_deref().unwrap_or_default();
                let commands = cli::command_names();
                eprintln!("{}", i18n::say::no_such_command(command, &commands, lang));
                Ok(Outcome::InputError)
            }
        },
    }
}
