//! `validate`: the data checks alone, and consistency warnings.

use crate::cli::ValidateArgs;
use crate::commands::{Read, deliver, read};
use crate::lang::Lang;
use crate::model::Severity;
use crate::{Now, Outcome, validate};

/// Every data problem and consistency warning on stdout: 0 clean, 1 warnings, 2 errors.
pub fn run(args: &ValidateArgs, now: Now, lang: Lang) -> anyhow::Result<Outcome> {
    let Read {
        loaded, mut diags, ..
    } = match read(&args.input, now, lang)? {
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
    let text = format!(
        "{}{}\n",
        diags.display(lang),
        validate::summary(&diags, files, lang)
    );
    if let Err(outcome) = deliver(None, text.as_bytes(), true, lang)? {
        return Ok(outcome);
    }
    Ok(if diags.has_errors() || loaded.is_none() {
        Outcome::InputError
    } else if diags.count(Severity::Warning) > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
