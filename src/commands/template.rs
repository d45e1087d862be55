//! `template DIR`: blank input files with the right headers, and their description.

use std::path::PathBuf;

use crate::cli::TemplateArgs;
use crate::commands::deliver;
use crate::i18n::Lang;
use crate::i18n::say;
use crate::{Outcome, output, template};

pub fn run(args: &TemplateArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let files = template::files(lang)?;
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
    output::create_dir(&args.dir)?;
    for (file, path) in files.iter().zip(&paths) {
        if let Err(outcome) = deliver(Some(path), &file.bytes, lang)? {
            return Ok(outcome);
        }
        eprintln!("{}", say::wrote(path, lang));
    }
    Ok(Outcome::Clean)
}
