//! `rules` and `explain RULE`: the targets of the loaded plan and their documentation.

use crate::cli::{ExplainArgs, RulesArgs};
use crate::commands::{load_plan, print};
use crate::i18n::say;
use crate::lang::Lang;
use crate::{Outcome, output, render};

pub fn list(args: &RulesArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let Some((plan, _)) = load_plan(&args.plan, lang) else {
        return Ok(Outcome::InputError);
    };
    // The texts are long: wrap them, on a terminal or not.
    let mut style = output::table_style(false);
    style.width.get_or_insert(100);
    print(render::rules::list(&plan, lang, style).as_bytes())
}

pub fn explain(args: &ExplainArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let Some((plan, _)) = load_plan(&args.plan, lang) else {
        return Ok(Outcome::InputError);
    };
    let Some(text) = render::rules::explain(&plan, &args.rule, lang) else {
        eprintln!(
            "{}",
            say::unknown_rule(&plan.id, &args.rule, &plan.rule_ids(), lang)
        );
        return Ok(Outcome::InputError);
    };
    print(text.as_bytes())
}
