//! The plan's targets for people: `rules` lists them, `explain RULE` documents one
//! rule with its kind's DOC and the plan's own words.
//!
//! Both languages are laid out alike: the kind's DOC (written in both, beside
//! each other in its rule file), then the plan's words (in Vietnamese, the plan's
//! own `text_vi` under clauses cited as `Phụ lục 01 dòng 1`). The sentences are in
//! `i18n/report.rs`.

use comfy_table::Cell;

use crate::i18n::report::{explain_heading, plans_words, rules_heading, target_text};
use crate::lang::Lang;
use crate::plan::{Plan, Target};
use crate::render::table::{Style, new_table};

/// Every target of the plan: rule id, clause, kind and the text.
pub fn list(plan: &Plan, lang: Lang, style: Style) -> String {
    let mut table = new_table(style, &lang.words().rules_headings);
    for t in &plan.targets {
        table.add_row(vec![
            Cell::new(&t.rule),
            Cell::new(plan.glossary.clause(&t.clause, lang)),
            Cell::new(lang.kind_name(&t.kind)),
            Cell::new(target_text(t, lang)),
        ]);
    }
    let heading = rules_heading(&plan.id, plan.issued_on, plan.targets.len(), lang);
    format!("{heading}\n{table}\n")
}

/// The documentation of `rule` (matched ignoring ASCII case), then the plan's
/// words for each of its targets; `None` when the plan has no such rule.
pub fn explain(plan: &Plan, rule: &str, lang: Lang) -> Option<String> {
    let targets: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.rule.eq_ignore_ascii_case(rule))
        .collect();
    let first = targets.first()?;
    let clauses: Vec<&str> = targets
        .iter()
        .map(|t| plan.glossary.clause(&t.clause, lang))
        .collect();
    let (rule, clauses, kind, id) = (
        &first.rule,
        clauses.join("; "),
        lang.kind_name(&first.kind),
        &plan.id,
    );
    let mut out = explain_heading(rule, &clauses, kind, id, lang);
    let words = format!("\n## {} ({id})\n", lang.words().plans_words);
    let plans_words = targets
        .iter()
        .map(|t| plans_words(t, lang, &plan.glossary))
        .collect::<String>();
    let mut docs: Vec<String> = Vec::new();
    for t in &targets {
        let d = lang.kind_doc(&t.kind, plan);
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    for d in docs {
        out.push('\n');
        out.push_str(&d);
    }
    out.push_str(&words);
    out.push_str(&plans_words);
    Some(out)
}
