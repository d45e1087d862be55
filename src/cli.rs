//! The command line: the clap derive types (commands, arguments, their defaults
//! and parsers), the help put on them in the language of the run, the completion
//! scripts and the manual page. Nothing else imports clap (nor clap_complete and
//! clap_mangen); what the help says is in `crate::i18n::cli`.

use std::any::TypeId;
use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::styling::Style;
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
pub use clap_complete::Shell;
use clap_mangen::roff::{Roff, bold, roman};

use crate::i18n;
use crate::i18n::cli::{self as help, CommandHelp, Example, Exit, Heading};
use crate::input::date::parse_date;
use crate::lang::UnknownLang;

// The commands and their arguments: types, defaults and parsers. What `--help`
// and the manual say of each is in `crate::i18n::cli`, set by `command`.
#[derive(Debug, Parser)]
#[command(name = "boiduong", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Diff(DiffArgs),
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    Man {
        command: Option<String>,
        #[command(flatten)]
        lang: LangArg,
    },
    Gaps(GapsArgs),
    Validate(ValidateArgs),
    Rules(RulesArgs),
    Explain(ExplainArgs),
    Template(TemplateArgs),
    Trend(TrendArgs),
}

/// Which plan to use; shared by every command that reads one.
#[derive(Debug, Args)]
pub struct PlanFile {
    #[arg(id = "plan", long = "plan", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

/// The language people read; shared by every command that prints for them.
#[derive(Debug, Args)]
pub struct LangArg {
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
            Command::Diff(a) => Some(&a.out.lang),
            Command::Gaps(a) => Some(&a.lang),
            Command::Validate(a) => Some(&a.lang),
            Command::Rules(a) => Some(&a.lang),
            Command::Explain(a) => Some(&a.lang),
            Command::Template(a) => Some(&a.lang),
            Command::Trend(a) => Some(&a.out.lang),
            Command::Man { lang, .. } => Some(lang),
            Command::Completions { .. } => None,
        }
    }
}

/// The delimiter of the CSV a command writes; shared by `check`, `gaps`, and
/// `diff` and `trend` (in [`OfReports`]). Read as text: the command refuses a
/// value that is no delimiter in the language of the run
/// (`crate::commands::format::csv_delimiter`).
#[derive(Debug, Args)]
pub struct CsvArg {
    #[arg(long = "output-delimiter", value_name = "CHAR")]
    pub output_delimiter: Option<String>,
}

/// Where the data is and how to read it; shared by the commands that read it.
#[derive(Debug, Args)]
pub struct InputArgs {
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub enrolments: PathBuf,
    #[arg(long, value_name = "NAME")]
    pub roster_sheet: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub enrolments_sheet: Option<String>,
    // `None`: today, which the run then says on stderr.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub plan: PlanFile,
    #[arg(long = "levels", value_name = "FILE")]
    pub levels: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = ExpiredCertificates::Count)]
    pub expired_certificates: ExpiredCertificates,
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    #[arg(short, long, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,
    #[arg(short, long)]
    pub quiet: bool,
}

/// How the rules are run on the data; shared by `check` and `gaps`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    pub due_soon_days: u32,
    #[arg(long)]
    pub skip_invalid: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub evaluate: EvaluateArgs,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FailOn::Error, requires_if("new", "baseline"))]
    pub fail_on: FailOn,
    #[arg(long, value_name = "PREV.json")]
    pub baseline: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = Findings::All)]
    pub findings: Findings,
    // the findings listed per rule by the formats that cut their lists (html)
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub limit: usize,
    #[command(flatten)]
    pub csv: CsvArg,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(value_name = "OLD.json")]
    pub old: PathBuf,
    #[arg(value_name = "NEW.json")]
    pub new: PathBuf,
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    #[arg(long, value_enum, default_value_t = DiffFailOn::Never)]
    pub fail_on: DiffFailOn,
    #[command(flatten)]
    pub out: OfReports,
}

/// What the commands that read earlier reports (`diff`, `trend`) share: where
/// they write, how quietly, the plan the reports were made with, whose words
/// (clauses, group names) are theirs, the CSV's delimiter and the language.
#[derive(Debug, Args)]
pub struct OfReports {
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub plan: PlanFile,
    #[command(flatten)]
    pub csv: CsvArg,
    #[command(flatten)]
    pub lang: LangArg,
}

/// The formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
    Xlsx,
    Html,
}

/// The formats of `diff`: those of `check` that a comparison has a layout in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    #[arg(value_name = "REPORT.json", required = true, num_args = 1..)]
    pub reports: Vec<PathBuf>,
    #[arg(long, value_enum)]
    pub format: Option<TrendFormat>,
    #[command(flatten)]
    pub out: OfReports,
}

/// The formats of `trend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrendFormat {
    Table,
    Csv,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub evaluate: EvaluateArgs,
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: i32,
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub by_unit: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvArg,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
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
    #[arg(value_name = "RULE")]
    pub rule: String,
    #[command(flatten)]
    pub plan: PlanFile,
    #[command(flatten)]
    pub lang: LangArg,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    // Also the language of the headers, the delimiter and the column descriptions.
    #[command(flatten)]
    pub lang: LangArg,
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Vi,
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
    Count,
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Findings {
    All,
    Errors,
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
    Never,
    New,
}

/// The command line with its help in `lang`: each command's about and
/// examples, each argument's and each value's help, from `crate::i18n::cli`.
pub fn command(lang: crate::lang::Lang) -> clap::Command {
    localize(Cli::command(), lang)
}

/// The language of the help, decided before the command line is parsed: the
/// last `--lang vi|en` (or `--lang=vi`) of `args` before a `--`, else what the
/// environment says (`var` reads a variable). A `BOIDUONG_LANG` of no known
/// language gives English here; the run itself then says so.
pub fn help_lang(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> crate::lang::Lang {
    lang_in(args).unwrap_or_else(|| crate::lang::Lang::from_env(var).unwrap_or_default())
}

fn lang_in(args: &[OsString]) -> Option<crate::lang::Lang> {
    let named = |value: Option<&str>| {
        value
            .and_then(|v| Lang::from_str(v, false).ok())
            .map(crate::lang::Lang::from)
    };
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => found = named(args.next().flatten()).or(found),
            Some(arg) if arg.starts_with("--lang=") => {
                found = named(arg.strip_prefix("--lang=")).or(found);
            }
            _ => {}
        }
    }
    found
}

/// Parse `args` (the program's name first) with the help in `lang`. On a usage
/// error, `--help` or `--version` clap prints and exits, as `Cli::parse` does.
pub fn parse(args: Vec<OsString>, lang: crate::lang::Lang) -> Cli {
    // The help is read only where it is printed: a command line that parses is
    // parsed without it (putting it in every command and argument was a third of
    // the parsing on every run). Help, a version or a usage error is parsed
    // again with it, in `lang`.
    let parsed = Cli::command()
        .try_get_matches_from_mut(args.iter())
        .ok()
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches).ok());
    if let Some(cli) = parsed {
        return cli;
    }
    let mut command = command(lang);
    let mut matches = command
        .try_get_matches_from_mut(args)
        .unwrap_or_else(|e| e.exit());
    Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.format(&mut command).exit())
}

fn localize(command: clap::Command, lang: crate::lang::Lang) -> clap::Command {
    let name = command.get_name().to_owned();
    let header = *command.get_styles().get_header();
    let command = match help::command(&name) {
        Some(help) => {
            let command = command
                .about(help.about.get(lang))
                .long_about(help.long_about.map(|t| t.get(lang)));
            match examples_help(help, header, lang) {
                Some(examples) => command.after_long_help(examples),
                None => command,
            }
        }
        None => command,
    };
    command
        .mut_args(|arg| localize_arg(&name, arg, lang))
        .mut_subcommands(|sub| localize(sub, lang))
}

/// The examples at the end of `--help`, under a heading styled as clap's own.
fn examples_help(help: &CommandHelp, header: Style, lang: crate::lang::Lang) -> Option<String> {
    if help.examples.is_empty() {
        return None;
    }
    let mut text = format!("{header}{}{header:#}", help::examples_heading(lang));
    for example in help.examples {
        text.push_str(&format!(
            "\n  # {}\n  {}\n",
            example.what.get(lang),
            example.line.get(lang)
        ));
    }
    text.pop();
    Some(text)
}

fn localize_arg(command: &str, arg: Arg, lang: crate::lang::Lang) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let arg = match help::arg(command, &id) {
        Some(help) => arg
            .help(help.help.get(lang))
            .long_help(help.long_help.map(|t| t.get(lang))),
        None => arg,
    };
    let value_help = |value: &str| help::value(command, &id, value).map(|t| t.get(lang));
    let arg = with_value_helps::<Format>(arg, &value_help);
    let arg = with_value_helps::<DiffFormat>(arg, &value_help);
    let arg = with_value_helps::<TrendFormat>(arg, &value_help);
    let arg = with_value_helps::<ListFormat>(arg, &value_help);
    let arg = with_value_helps::<Lang>(arg, &value_help);
    let arg = with_value_helps::<ExpiredCertificates>(arg, &value_help);
    let arg = with_value_helps::<FailOn>(arg, &value_help);
    let arg = with_value_helps::<DiffFailOn>(arg, &value_help);
    let arg = with_value_helps::<Findings>(arg, &value_help);
    with_value_helps::<Shell>(arg, &value_help)
}

/// `arg`, when its values are those of `E`, with the help of each: clap takes a
/// value's help from the parser of the argument.
fn with_value_helps<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    help: &dyn Fn(&str) -> Option<&'static str>,
) -> Arg {
    if arg.get_value_parser().type_id() != TypeId::of::<E>() {
        return arg;
    }
    let values = E::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|value| match help(value.get_name()) {
            Some(text) => value.help(text),
            None => value,
        })
        .collect();
    arg.value_parser(Described::<E> {
        parser: EnumValueParser::new(),
        values,
    })
}

/// The parser of a `ValueEnum`, whose values carry their help.
#[derive(Clone)]
struct Described<E: ValueEnum + Clone + Send + Sync + 'static> {
    parser: EnumValueParser<E>,
    values: Vec<PossibleValue>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Described<E> {
    type Value = E;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<E, clap::Error> {
        self.parser.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// The completion script for `shell`, with the English help as descriptions
/// (a script is installed once for every user).
pub fn write_completions(shell: Shell, out: &mut impl Write) {
    let mut command = command(crate::lang::Lang::En);
    clap_complete::generate(shell, &mut command, "boiduong", out);
}

/// The manual page of boiduong, or of one of its commands, in `lang`: clap_mangen's
/// sections (NAME, SYNOPSIS, DESCRIPTION, OPTIONS, SUBCOMMANDS) under headings in
/// `lang`, then EXIT STATUS, ENVIRONMENT and EXAMPLES, then VERSION. `Ok(None)`:
/// there is no such command.
pub fn man_page(name: Option<&str>, lang: crate::lang::Lang) -> io::Result<Option<Vec<u8>>> {
    let mut cli = command(lang);
    cli.build();
    let page = match name {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => return Ok(None),
        },
    };
    let help = help::command(page.get_name());
    let has_options = page.get_arguments().any(|a| !a.is_hide_set());
    let has_subcommands = page.get_subcommands().any(|c| !c.is_hide_set());
    let has_version = page.get_version().is_some();
    let man = clap_mangen::Man::new(page);

    let mut out = Vec::new();
    man.render_title(&mut out)?;
    let mut page = Page { out, lang };
    page.theirs(Heading::Name, |w| man.render_name_section(w))?;
    page.theirs(Heading::Synopsis, |w| man.render_synopsis_section(w))?;
    page.theirs(Heading::Description, |w| man.render_description_section(w))?;
    if has_options {
        page.theirs(Heading::Options, |w| man.render_options_section(w))?;
    }
    if has_subcommands {
        page.theirs(Heading::Subcommands, |w| man.render_subcommands_section(w))?;
    }
    if let Some(help) = help {
        page.exit_status(help.exit);
    }
    page.environment();
    if let Some(help) = help.filter(|h| !h.examples.is_empty()) {
        page.examples(help.examples);
    }
    if has_version {
        page.theirs(Heading::Version, |w| man.render_version_section(w))?;
    }
    Ok(Some(page.out))
}

/// A manual page being written, after its title.
struct Page {
    out: Vec<u8>,
    lang: crate::lang::Lang,
}

impl Page {
    /// A section clap_mangen renders, under our `heading`: its `.SH` line is
    /// replaced, and the preamble every rendering starts with is left out.
    fn theirs(
        &mut self,
        heading: Heading,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut section = Vec::new();
        render(&mut section)?;
        let preamble = Roff::new().render();
        let section = section
            .strip_prefix(preamble.as_bytes())
            .unwrap_or(&section);
        let body = match section.iter().position(|&b| b == b'\n') {
            Some(end) if section.starts_with(b".SH ") => &section[end + 1..],
            _ => section,
        };
        let mut roff = Roff::new();
        roff.control("SH", [self.lang.heading(heading)]);
        self.ours(&roff);
        self.out.extend_from_slice(body);
        Ok(())
    }

    /// Our own roff, without the preamble the title already wrote.
    fn ours(&mut self, roff: &Roff) {
        let preamble = Roff::new().render();
        let text = roff.render();
        let text = text.strip_prefix(&preamble).unwrap_or(&text);
        self.out.extend_from_slice(text.as_bytes());
    }

    fn exit_status(&mut self, codes: &[Exit]) {
        let mut roff = Roff::new();
        roff.control("SH", [self.lang.heading(Heading::ExitStatus)]);
        for exit in codes {
            roff.control("TP", []);
            roff.text([bold(exit.code)]);
            roff.text([roman(exit.what.get(self.lang))]);
        }
        self.ours(&roff);
    }

    fn environment(&mut self) {
        let mut roff = Roff::new();
        roff.control("SH", [self.lang.heading(Heading::Environment)]);
        for variable in help::ENVIRONMENT {
            roff.control("TP", []);
            let mut names = Vec::new();
            for (i, name) in variable.names.iter().enumerate() {
                if i > 0 {
                    names.push(roman(", "));
                }
                names.push(bold(*name));
            }
            roff.text(names);
            roff.text([roman(variable.what.get(self.lang))]);
        }
        self.ours(&roff);
    }

    fn examples(&mut self, examples: &[Example]) {
        let mut roff = Roff::new();
        roff.control("SH", [self.lang.heading(Heading::Examples)]);
        for example in examples {
            roff.control("PP", []);
            roff.text([roman(example.what.get(self.lang))]);
            roff.control("RS", ["4"]);
            roff.control("nf", []);
            roff.text([bold(example.line.get(self.lang))]);
            roff.control("fi", []);
            roff.control("RE", []);
        }
        self.ours(&roff);
    }
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
    delimiter(s).ok_or_else(|| help::not_a_delimiter(s))
}

/// The delimiter `s` names: `,` (`comma`), `;` (`semicolon`), or a tab (`tab`,
/// `\t`), for `--delimiter` and `--output-delimiter`.
pub fn delimiter(s: &str) -> Option<u8> {
    match s {
        "," | "comma" => Some(b','),
        ";" | "semicolon" => Some(b';'),
        "\t" | "\\t" | "tab" => Some(b'\t'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::cli::{ARGS, COMMANDS, ENVIRONMENT, Text, VALUES};
    use crate::lang::Lang::{En, Vi};

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
        command(En).debug_assert();
        command(Vi).debug_assert();
    }

    /// `command` built, as clap shows it: flags then take no values.
    fn built(mut command: clap::Command) -> clap::Command {
        command.build();
        command
    }

    /// The command and its subcommands, all the way down, but clap's generated
    /// `help`.
    fn tree(command: &clap::Command) -> Vec<&clap::Command> {
        let mut all = vec![command];
        for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
            all.extend(tree(sub));
        }
        all
    }

    /// The arguments of `command` but clap's generated `--help` and `--version`.
    fn declared(command: &clap::Command) -> impl Iterator<Item = &Arg> {
        command
            .get_arguments()
            .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
    }

    #[test]
    fn every_command_argument_and_value_has_a_text_in_both_languages() {
        let root = built(Cli::command());
        let mut missing = Vec::new();
        for command in tree(&root) {
            let name = command.get_name();
            if help::command(name).is_none() {
                missing.push(format!("the command {name}"));
            }
            for arg in declared(command) {
                let id = arg.get_id().as_str();
                if help::arg(name, id).is_none() {
                    missing.push(format!("{name} {id}"));
                }
                for value in arg.get_possible_values() {
                    if help::value(name, id, value.get_name()).is_none() {
                        missing.push(format!("{name} {id} {}", value.get_name()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no help for: {missing:?}");
    }

    #[test]
    fn the_help_of_each_language_reaches_every_argument_and_value() {
        for lang in [En, Vi] {
            let root = built(command(lang));
            for command in tree(&root) {
                let name = command.get_name();
                let about = command.get_about().map(ToString::to_string);
                let expected = help::command(name).map(|h| h.about.get(lang).to_owned());
                assert_eq!(about, expected, "{lang:?}: the about of {name}");
                for arg in declared(command) {
                    let id = arg.get_id().as_str();
                    let text = arg.get_help().map(ToString::to_string);
                    let expected = help::arg(name, id).map(|h| h.help.get(lang).to_owned());
                    assert_eq!(text, expected, "{lang:?}: {name} {id}");
                    for value in arg.get_possible_values() {
                        let text = value.get_help().map(ToString::to_string);
                        let expected =
                            help::value(name, id, value.get_name()).map(|t| t.get(lang).to_owned());
                        assert!(text.is_some(), "{lang:?}: {name} {id} {}", value.get_name());
                        assert_eq!(text, expected, "{lang:?}: {name} {id} {}", value.get_name());
                    }
                }
            }
        }
    }

    #[test]
    fn every_text_names_a_command_argument_or_value_that_exists() {
        let root = built(Cli::command());
        let commands = tree(&root);
        let find = |name: &str| commands.iter().find(|c| c.get_name() == name);
        let arg_of = |name: &str, id: &str| {
            find(name).and_then(|c| declared(c).find(|a| a.get_id() == id).cloned())
        };
        for help in &COMMANDS {
            assert!(find(help.name).is_some(), "no command {}", help.name);
        }
        let mut seen = Vec::new();
        for help in ARGS {
            for &name in help.commands {
                assert!(arg_of(name, help.id).is_some(), "{name} has no {}", help.id);
                assert!(
                    !seen.contains(&(name, help.id)),
                    "two helps for {name} {}",
                    help.id
                );
                seen.push((name, help.id));
            }
        }
        let mut seen = Vec::new();
        for help in VALUES {
            for &name in help.commands {
                let values = arg_of(name, help.arg)
                    .map(|a| a.get_possible_values())
                    .unwrap_or_default();
                assert!(
                    values.iter().any(|v| v.get_name() == help.value),
                    "{name} {} has no value {}",
                    help.arg,
                    help.value
                );
                let key = (name, help.arg, help.value);
                assert!(!seen.contains(&key), "two helps for {key:?}");
                seen.push(key);
            }
        }
    }

    /// Every text of both languages, and whether the two must differ.
    fn all_texts() -> Vec<(Text, bool)> {
        let mut all = Vec::new();
        for help in &COMMANDS {
            all.push((help.about, true));
            all.extend(help.long_about.map(|t| (t, true)));
            for example in help.examples {
                all.push((example.what, true));
                all.push((example.line, false));
            }
            all.extend(help.exit.iter().map(|e| (e.what, true)));
        }
        for help in ARGS {
            all.push((help.help, true));
            all.extend(help.long_help.map(|t| (t, true)));
        }
        all.extend(VALUES.iter().map(|v| (v.help, true)));
        all.extend(ENVIRONMENT.iter().map(|v| (v.what, true)));
        all
    }

    #[test]
    fn every_text_is_nfc_not_empty_and_translated() {
        for (text, translated) in all_texts() {
            for s in [text.en, text.vi] {
                assert!(unicode_normalization::is_nfc(s), "not NFC: {s:?}");
                assert!(!s.trim().is_empty(), "empty: {text:?}");
            }
            assert!(
                !translated || text.en != text.vi,
                "not translated: {text:?}"
            );
        }
    }

    #[test]
    fn every_example_is_a_command_line_boiduong_accepts() {
        for help in &COMMANDS {
            for example in help.examples {
                for lang in [En, Vi] {
                    let line = example.line.get(lang);
                    // up to a pipe or a redirection
                    let words: Vec<&str> = line
                        .split_whitespace()
                        .take_while(|w| !matches!(*w, "|" | ">"))
                        .collect();
                    assert_eq!(words.first(), Some(&"boiduong"), "{line}");
                    let matches = command(lang)
                        .try_get_matches_from(&words)
                        .unwrap_or_else(|e| panic!("{line}: {e}"));
                    if help.name != "boiduong" {
                        assert_eq!(matches.subcommand_name(), Some(help.name), "{line}");
                    }
                }
            }
        }
    }

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_help_is_in_the_lang_of_the_command_line_else_the_environment() {
        type Env = fn(&str) -> Option<String>;
        let none: Env = |_| None;
        let vi_env: Env = |name| (name == "LANG").then(|| "vi_VN.UTF-8".to_owned());
        let unknown: Env = |name| (name == "BOIDUONG_LANG").then(|| "fr".to_owned());
        for (args, env, lang) in [
            (&["boiduong", "check", "--help"][..], none, En),
            (&["boiduong", "check", "--help"], vi_env, Vi),
            (&["boiduong", "check", "--lang", "vi", "--help"], none, Vi),
            (&["boiduong", "check", "--help", "--lang=vi"], none, Vi),
            (
                &["boiduong", "--lang", "en", "check", "--lang", "vi"],
                none,
                Vi,
            ),
            (&["boiduong", "man", "--lang", "en"], vi_env, En),
            // a value that is no language, or past `--`, does not decide
            (&["boiduong", "check", "--lang", "fr"], vi_env, Vi),
            (&["boiduong", "template", "--", "--lang"], none, En),
            (&["boiduong", "x", "--", "--lang", "vi"], none, En),
            // BOIDUONG_LANG of no language: English help, and the run says why
            (&["boiduong", "check", "-h"], unknown, En),
        ] {
            assert_eq!(help_lang(&os(args), env), lang, "{args:?}");
        }
    }

    #[test]
    fn the_manual_has_its_sections_in_the_language() {
        let page = |name: Option<&str>, lang| {
            String::from_utf8(man_page(name, lang).unwrap().unwrap()).unwrap()
        };
        let en = page(Some("check"), En);
        let vi = page(Some("check"), Vi);
        for (page, headings) in [
            (
                &en,
                [
                    ".SH NAME\n",
                    ".SH SYNOPSIS\n",
                    ".SH DESCRIPTION\n",
                    ".SH OPTIONS\n",
                    ".SH \"EXIT STATUS\"\n",
                    ".SH ENVIRONMENT\n",
                    ".SH EXAMPLES\n",
                ],
            ),
            (
                &vi,
                [
                    ".SH TÊN\n",
                    ".SH \"CÚ PHÁP\"\n",
                    ".SH \"MÔ TẢ\"\n",
                    ".SH \"TÙY CHỌN\"\n",
                    ".SH \"TRẠNG THÁI THOÁT\"\n",
                    ".SH \"BIẾN MÔI TRƯỜNG\"\n",
                    ".SH \"VÍ DỤ\"\n",
                ],
            ),
        ] {
            for heading in headings {
                assert_eq!(page.matches(heading).count(), 1, "{heading} in:\n{page}");
            }
        }
        assert_eq!(en.matches(".ds Aq").count(), 2, "one preamble: {en}");
        assert!(!vi.contains(".SH NAME") && !vi.contains("EXIT STATUS"));
        let main = page(None, Vi);
        assert!(main.contains(".SH \"CÁC LỆNH\"\n") && main.contains(".SH \"PHIÊN BẢN\"\n"));
        assert!(man_page(Some("nosuch"), En).unwrap().is_none());
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
