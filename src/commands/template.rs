//! `template DIR`: blank input files with the right headers, and their description.

use std::path::PathBuf;

use crate::cli::{PlanFile, TemplateArgs};
use crate::commands::{deliver_set, load_plan};
use crate::i18n::say;
use crate::lang::Lang;
use crate::{Outcome, template};

pub fn run(args: &TemplateArgs, lang: Lang) -> anyhow::Result<Outcome> {
    // The language groups the description allows are the plan's: the embedded one.
    let Some((plan, _)) = load_plan(&PlanFile { path: None }, lang) else {
        return Ok(Outcome::InputError);
    };
    let files = template::files(lang, &plan.glossary.group_numbers())?;
    let paths: Vec<PathBuf> = files.iter().map(|f| args.dir.join(f.name)).collect();
    let existing: Vec<String> = paths
        .iter()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.force {
        eprintln!("{}", say::would_overwrite(&existing, lang));
        return Ok(Outcome::InputError);
    }
    let set = files.into_iter().map(|f| Ok((f.name.to_owned(), f.bytes)));
    if let Err(outcome) = deliver_set(&args.dir, set, None, lang)? {
        return Ok(outcome);
    }
    for path in &paths {
        eprintln!("{}", say::wrote(path, lang));
    }
    Ok(Outcome::Clean)
}
