//! The commands, one file each, and what they share: loading the plan and the
//! inputs, and delivering what they write.

pub mod check;
pub mod compare;
pub mod format;
pub mod gaps;
pub mod rules;
pub mod template;
pub mod trend;
pub mod validate;

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::cli::{ExpiredCertificates, InputArgs, PlanFile};
use crate::diag::problem::InputFile;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::say;
use crate::input::{self, Certificates, Expired, LoadOptions, Loaded};
use crate::lang::Lang;
use crate::levels::{self, Levels};
use crate::model::Severity;
use crate::output::{FileSet, Input};
use crate::plan::{self, Plan};
use crate::{Now, Outcome, output};

/// Write `bytes` to stdout (whose only failure, a closed pipe, is not worded).
pub fn print(bytes: &[u8]) -> anyhow::Result<Outcome> {
    Ok(deliver(None, bytes, true, Lang::En)?
        .err()
        .unwrap_or(Outcome::Clean))
}

/// Write `bytes` to `path` (atomically) or stdout. `Err(outcome)` when the file
/// cannot be written; the problem is printed, in `lang`. A file written is named
/// on stderr, unless `quiet`.
pub fn deliver(
    path: Option<&Path>,
    bytes: &[u8],
    quiet: bool,
    lang: Lang,
) -> anyhow::Result<Result<(), Outcome>> {
    deliver_with(path, quiet, lang, |out| out.write_all(bytes))
}

/// `deliver` what `render` writes, as it writes it (a report too large to hold).
pub fn deliver_with(
    path: Option<&Path>,
    quiet: bool,
    lang: Lang,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<Result<(), Outcome>> {
    if let Err(problem) = output::write(path, render)? {
        eprintln!("{}", problem.display(lang));
        return Ok(Err(Outcome::InputError));
    }
    if let Some(path) = path.filter(|_| !quiet) {
        eprintln!("{}", say::wrote(path, lang));
    }
    Ok(Ok(()))
}

/// Write a set of files into `dir`, all or none (see `output::FileSet`): `files`
/// gives each name and its bytes, `manifest` names the list of the set kept
/// for the next run. `Err(outcome)` when the set cannot be written; the
/// problem is printed, in `lang`.
pub fn deliver_set(
    dir: &Path,
    files: impl IntoIterator<Item = anyhow::Result<(String, Vec<u8>)>>,
    manifest: Option<&str>,
    lang: Lang,
) -> anyhow::Result<Result<(), Outcome>> {
    let fail = |problem: Diagnostic| {
        eprintln!("{}", problem.display(lang));
        eprintln!("{}", say::set_not_written(dir, lang));
        Ok(Err(Outcome::InputError))
    };
    let mut set = match FileSet::begin(dir) {
        Ok(set) => set,
        Err(problem) => return fail(problem),
    };
    for file in files {
        let (name, bytes) = file?;
        if let Err(problem) = set.add(&name, &bytes) {
            return fail(problem);
        }
    }
    match set.commit(manifest) {
        Ok(()) => Ok(Ok(())),
        Err(problem) => fail(problem),
    }
}

/// The files `args` has a command read: no output may be written over them.
pub fn inputs(args: &InputArgs) -> Vec<Input<'_>> {
    let mut inputs = vec![
        Input {
            path: &args.roster,
            what: InputFile::Roster,
        },
        Input {
            path: &args.enrolments,
            what: InputFile::Enrolments,
        },
    ];
    if let Some(path) = &args.plan.path {
        inputs.push(Input {
            path,
            what: InputFile::Plan,
        });
    }
    if let Some(path) = &args.levels {
        inputs.push(Input {
            path,
            what: InputFile::Levels,
        });
    }
    inputs
}

/// Refuse to write `output` when it is one of `inputs` (printing why, in
/// `lang`): checked before anything is read, so that nothing is written.
pub fn refuse_inputs(
    output: Option<&Path>,
    inputs: &[Input<'_>],
    lang: Lang,
) -> Result<(), Outcome> {
    match output.map(|output| output::refuse_inputs(output, inputs)) {
        Some(Err(problem)) => {
            eprintln!("{}", problem.display(lang));
            Err(Outcome::InputError)
        }
        _ => Ok(()),
    }
}

/// The plan of `--plan`, or the embedded one, and how to name it. A problem
/// with it is printed, in `lang`, and `None` returned.
pub fn load_plan(file: &PlanFile, lang: Lang) -> Option<(Plan, String)> {
    match plan::load_plan(file.path.as_deref()) {
        Ok(plan) => {
            let name = file.path.as_ref().map_or_else(
                || plan::EMBEDDED_NAME.to_owned(),
                |p| p.display().to_string(),
            );
            Some((plan, name))
        }
        Err(problem) => {
            eprintln!("{}", problem.display(lang));
            None
        }
    }
}

/// The levels table of `--levels`, or the embedded one. A problem with it is
/// printed, in `lang`, and `None` returned.
pub fn load_levels(path: Option<&Path>, lang: Lang) -> Option<Arc<Levels>> {
    match levels::load_levels(path) {
        Ok(levels) => Some(Arc::new(levels)),
        Err(problem) => {
            eprintln!("{}", problem.display(lang));
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

/// Load the plan and both files, with a progress bar for large inputs on a
/// terminal. Only a problem with the plan is printed (and stops the run), and
/// with `--verbose` how each file was read.
pub fn read(args: &InputArgs, now: Now, lang: Lang) -> anyhow::Result<Result<Read, Outcome>> {
    let Some((plan, plan_file)) = load_plan(&args.plan, lang) else {
        return Ok(Err(Outcome::InputError));
    };
    if let Err(usage) = check_sheet_flags(args, lang) {
        eprintln!("{usage}");
        return Ok(Err(Outcome::InputError));
    }
    let levels = match args.levels.as_deref() {
        None => levels::embedded(),
        Some(path) => match load_levels(Some(path), lang) {
            Some(levels) => levels,
            None => return Ok(Err(Outcome::InputError)),
        },
    };
    let as_of = args.as_of.unwrap_or(now.today);
    if args.as_of.is_none() && !args.quiet {
        eprintln!("{}", say::as_of_today(as_of, lang));
    }
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let progress = output::progress(size(&args.roster) + size(&args.enrolments), args.quiet);
    let options = LoadOptions {
        roster: args.roster.clone(),
        enrolments: args.enrolments.clone(),
        delimiter: args.delimiter,
        roster_sheet: args.roster_sheet.clone(),
        enrolments_sheet: args.enrolments_sheet.clone(),
        as_of,
        on_read: progress.as_ref().map(|(_, hook)| hook.clone()),
        certificates: Certificates {
            levels,
            expired: match args.expired_certificates {
                ExpiredCertificates::Count => Expired::Count,
                ExpiredCertificates::Ignore => Expired::Ignore,
            },
        },
        language_groups: plan.glossary.group_numbers(),
        rules_from_appointment: plan.rules_from_appointment().into(),
    };
    let mut diags = Diagnostics::default();
    let loaded = input::load(&options, plan.first_year, &mut diags);
    if let Some((bar, _)) = progress {
        bar.finish_and_clear();
    }
    let loaded = loaded?;
    if let Some(loaded) = &loaded {
        if args.verbose > 0 {
            output::describe_inputs(&loaded.files, lang); // says it too
        } else {
            output::note_sheets(&loaded.files, args.quiet, lang);
        }
    }
    Ok(Ok(Read {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    }))
}

/// A sheet flag given for a file that is not a workbook, or `--delimiter` when
/// neither file is CSV: a usage error, never silently ignored.
fn check_sheet_flags(args: &InputArgs, lang: Lang) -> Result<(), String> {
    let workbook = |path: &Path| input::sheet::workbook_kind(path).is_some();
    for (flag, given, path) in [
        ("--roster-sheet", &args.roster_sheet, &args.roster),
        (
            "--enrolments-sheet",
            &args.enrolments_sheet,
            &args.enrolments,
        ),
    ] {
        if given.is_some() && !workbook(path) {
            return Err(say::sheet_of_csv(flag, path, lang));
        }
    }
    if args.delimiter.is_some() && workbook(&args.roster) && workbook(&args.enrolments) {
        return Err(say::delimiter_of_workbooks(lang).to_owned());
    }
    Ok(())
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

/// Load the plan and both files, printing every input problem on stderr (only
/// the errors with `--quiet`). `Err(outcome)` when the run must stop here: a
/// file cannot be used, or rows have errors and `skip_invalid` is off.
pub fn prepare(
    args: &InputArgs,
    skip_invalid: bool,
    now: Now,
    lang: Lang,
) -> anyhow::Result<Result<Prepared, Outcome>> {
    let Read {
        plan,
        plan_file,
        as_of,
        loaded,
        diags,
    } = match read(args, now, lang)? {
        Ok(read) => read,
        Err(outcome) => return Ok(Err(outcome)),
    };
    output::print_diagnostics(&diags, args.quiet, lang);
    let Some(loaded) = loaded else {
        eprintln!("{}", say::nothing_evaluated(lang));
        return Ok(Err(Outcome::InputError));
    };
    if diags.has_errors() && !skip_invalid {
        eprintln!(
            "{}",
            say::problems_in_input(diags.count(Severity::Error), lang)
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
