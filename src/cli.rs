//! The command line: clap derive types, and nothing else imports clap (nor
//! clap_complete and clap_mangen, which write the completions and the manual).

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
pub use clap_complete::Shell;

use crate::i18n;
use crate::input::date::parse_date;
use crate::lang::UnknownLang;

/// Check officials' training against the targets of Plan 143/KH-UBND (Đồng Nai, 2023)
/// and say who must be trained next.
#[derive(Debug, Parser)]
#[command(name = "boiduong", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate every target of the plan and print the gap report.
    Check(CheckArgs),
    /// Compare two JSON reports of `check` (say, two quarters): new, resolved and
    /// persisting findings, how each target row moved, and the same per unit.
    Diff(DiffArgs),
    /// Print a completion script for SHELL on stdout.
    ///
    /// bash: `boiduong completions bash > /etc/bash_completion.d/boiduong`;
    /// zsh: into a directory of $fpath as `_boiduong`; fish:
    /// `~/.config/fish/completions/boiduong.fish`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff) on stdout: `boiduong man | man -l -`.
    Man {
        /// A command's own page (e.g. `check`) instead of the main page.
        command: Option<String>,
    },
    /// List who must be trained in a year, per programme and why: the lists for
    /// next year's training plan.
    Gaps(GapsArgs),
    /// Check the input files only: every data problem and consistency warning
    /// (exit 0 clean, 1 warnings, 2 errors).
    Validate(ValidateArgs),
    /// List every target of the plan: rule id, clause and text.
    Rules(RulesArgs),
    /// Explain a rule: what it checks, how, an example, its edge cases and the
    /// plan's own words.
    Explain(ExplainArgs),
    /// Write blank roster.csv and enrolments.csv with the right headers, and a
    /// description of their columns.
    Template(TemplateArgs),
}

/// Which plan to use; shared by every command that reads one.
#[derive(Debug, Args)]
pub struct PlanFile {
    /// A plan file of the same shape as data/plan-143-KH-UBND-2023.toml
    /// (default: that plan, embedded).
    #[arg(long = "plan", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

/// The language people read; shared by every command that prints for them.
#[derive(Debug, Args)]
pub struct LangArg {
    /// The language of the report, its headings, statuses, notes and messages
    /// (default: BOIDUONG_LANG, vi or en; else LC_ALL, LC_MESSAGES or LANG: vi_*
    /// is Vietnamese, anything else English). JSON keys, codes and dates stay as
    /// the contract says.
    #[arg(long = "lang", value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

impl LangArg {
    /// The language asked for, or else what the environment says.
    pub fn or(
        &self,
        env: &Result<crate::lang::Lang, UnknownLang>,
    ) -> Result<crate::lang::Lang, UnknownLang> {
        self.lang.map_or_else(|| env.clone(), |l| Ok(l.into()))
    }
}

impl Command {
    /// The command's `--lang`, when it prints for people.
    pub fn lang(&self) -> Option<&LangArg> {
        match self {
            Command::Check(a) => Some(&a.lang),
            Command::Diff(a) => Some(&a.lang),
            Command::Gaps(a) => Some(&a.lang),
            Command::Validate(a) => Some(&a.lang),
            Command::Rules(a) => Some(&a.lang),
            Command::Explain(a) => Some(&a.lang),
            Command::Template(a) => Some(&a.lang),
            Command::Completions { .. } | Command::Man { .. } => None,
        }
    }
}

/// Where the data is and how to read it; shared by the commands that read it.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The roster export: one row per official (CSV, or a workbook: .xlsx, .xlsm,
    /// .xls, .ods).
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// The training records: one row per course attendance (CSV, or a workbook).
    #[arg(long, value_name = "FILE")]
    pub enrolments: PathBuf,
    /// The sheet of the roster workbook to read (default: its first).
    #[arg(long, value_name = "NAME")]
    pub roster_sheet: Option<String>,
    /// The sheet of the enrolments workbook to read (default: its first).
    #[arg(long, value_name = "NAME")]
    pub enrolments_sheet: Option<String>,
    /// Evaluate as of this date, yyyy-mm-dd or dd/mm/yyyy (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub plan: PlanFile,
    /// Which language certificates give which bậc: a file of the same shape as
    /// data/levels-TT-23-2021-TT-BGDDT.toml (default: that table, Thông tư
    /// 23/2021/TT-BGDĐT Phụ lục 2, embedded).
    #[arg(long = "levels", value_name = "FILE")]
    pub levels: Option<PathBuf>,
    /// Whether a certificate past its validity (the levels file's months after
    /// certificate_date: IELTS, TOEFL, TOEIC, HSK 24) still gives its level.
    /// Either way it is a warning. Default `count`: the plan ties bậc 4 to no
    /// validity period.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = ExpiredCertificates::Count)]
    pub expired_certificates: ExpiredCertificates,
    /// The CSV delimiter: ',', ';' or 'tab' (default: detected from the header).
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Say more on stderr: the files' encoding and delimiter, ignored columns,
    /// the baseline.
    #[arg(short, long, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Print nothing on stderr but errors; the exit code speaks (the report on
    /// stdout is unchanged).
    #[arg(short, long)]
    pub quiet: bool,
}

/// How the rules are run on the data; shared by `check` and `gaps`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A deadline within this many days of as-of is "due soon".
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    pub due_soon_days: u32,
    /// Run without the rows that have errors, and say how many were left out
    /// (the exit code stays 2: the result is incomplete).
    #[arg(long)]
    pub skip_invalid: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub evaluate: EvaluateArgs,
    /// Output format (default: as -o's extension says, .json .csv .md .txt; else
    /// table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE (atomically: an older report survives a failed or
    /// interrupted run); never one of the inputs.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding or target is at or above this severity; `new`: only
    /// for errors that are new since --baseline.
    #[arg(long, value_enum, default_value_t = FailOn::Error, requires_if("new", "baseline"))]
    pub fail_on: FailOn,
    /// An earlier JSON report of `check` (last quarter's): mark each finding new
    /// or persisting, and list the baseline's findings that are gone as resolved.
    #[arg(long, value_name = "PREV.json")]
    pub baseline: Option<PathBuf>,
    /// Which finding rows are written, in every format: `all`, `errors` only, or
    /// `none`. The targets, the counts, the summary and the exit code are the same
    /// whichever it is.
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = Findings::All)]
    pub findings: Findings,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier JSON report of `check`.
    #[arg(value_name = "OLD.json")]
    pub old: PathBuf,
    /// The later JSON report of `check`, of the same plan.
    #[arg(value_name = "NEW.json")]
    pub new: PathBuf,
    /// Output format (default: as -o's extension says, .json .csv .md .txt; else
    /// table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the diff to FILE (atomically).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `new`: exit 1 when there are errors that are new in NEW.json; `never`
    /// (default): exit 0 whatever changed.
    #[arg(long, value_enum, default_value_t = DiffFailOn::Never)]
    pub fail_on: DiffFailOn,
    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// The plan the reports were made with: its words (clauses, group names)
    /// are the diff's.
    #[command(flatten)]
    pub plan: PlanFile,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// The JSON report (docs/json-report.md), for scripts.
    Json,
    /// One row per finding, for Excel (UTF-8 with BOM).
    Csv,
    /// The summary and the targets as Markdown tables, then the findings by rule,
    /// for a mail or a document.
    Markdown,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub evaluate: EvaluateArgs,
    /// The year to plan for: deadlines up to 31/12 of it, the plan's numbers for it.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: i32,
    /// Output format (default: as -o's extension says, .csv .xlsx .txt; else
    /// table).
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    /// Write the lists to FILE (atomically).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write one file per unit into DIR (created if missing), in the chosen
    /// format, so that each department receives its own list. All or none: on a
    /// failure DIR is left as it was; the files of the last run (listed in
    /// DIR/.boiduong-by-unit.txt) are replaced, no other file is touched.
    #[arg(long, value_name = "DIR")]
    pub by_unit: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Tables for people.
    Table,
    /// One row per official and programme, for Excel (UTF-8 with BOM).
    Csv,
    /// An Excel workbook: a summary sheet and one sheet per programme.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub plan: PlanFile,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, e.g. LANG-2 (`rules` lists them).
    #[arg(value_name = "RULE")]
    pub rule: String,
    #[command(flatten)]
    pub plan: PlanFile,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The folder to write into (created if missing).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The language of the headers and of the column descriptions (default:
    /// from LC_ALL, LC_MESSAGES or LANG, as for the reports).
    #[command(flatten)]
    pub lang: LangArg,
    /// Overwrite files of the same names.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Tiếng Việt (for `template`: Vietnamese headers, `;` as the delimiter, as
    /// Excel saves in Vietnam).
    Vi,
    /// English (for `template`: English headers, `,` as the delimiter).
    En,
}

impl From<Lang> for crate::lang::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Vi => crate::lang::Lang::Vi,
            Lang::En => crate::lang::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExpiredCertificates {
    /// An expired certificate's level counts (a warning says it expired).
    Count,
    /// An expired certificate gives no level (a warning says so).
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors: overdue officials, ratio shortfalls, short past-year quotas.
    Error,
    /// Errors and warnings: also late, due soon, missing data, behind pace.
    Warning,
    /// Always exit 0 when the check ran.
    Never,
    /// Only errors new since --baseline: a new finding at error severity, a
    /// finding that became an error (due soon, now overdue), or a target row
    /// that became an error.
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Findings {
    /// Every finding.
    All,
    /// The findings at error severity: overdue officials, and the like.
    Errors,
    /// No finding: the targets and the counts, for a roll-up.
    None,
}

impl From<Findings> for crate::report::Shown {
    fn from(findings: Findings) -> Self {
        match findings {
            Findings::All => crate::report::Shown::All,
            Findings::Errors => crate::report::Shown::Errors,
            Findings::None => crate::report::Shown::None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFailOn {
    /// Exit 0 whatever changed.
    Never,
    /// Exit 1 when NEW.json has errors that OLD.json did not (see `check --fail-on new`).
    New,
}

/// The completion script for `shell`.
pub fn write_completions(shell: Shell, out: &mut impl Write) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "boiduong", out);
}

/// The manual page of boiduong, or of one of its commands. `Ok(None)`: there is
/// no such command.
pub fn man_page(command: Option<&str>) -> std::io::Result<Option<Vec<u8>>> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => return Ok(None),
        },
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    Ok(Some(out))
}

/// The names of the commands, for a message.
pub fn command_names() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}

fn parse_as_of(s: &str) -> Result<NaiveDate, String> {
    parse_date(s.trim())
        .map_err(|e| format!("\"{s}\" {}", i18n::diag::date(&e, crate::lang::Lang::En)))
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "\\t" | "tab" => Ok(b'\t'),
        _ => Err(format!("\"{s}\" is not a delimiter: use ',', ';' or 'tab'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn reads_as_of_in_both_date_styles() {
        assert_eq!(
            parse_as_of("2026-11-25"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        );
        assert_eq!(
            parse_as_of("25/11/2026"),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())
        );
        assert!(parse_as_of("11/25/2026").unwrap_err().contains("day first"));
    }
}
