//! The plan's targets for people: `rules` lists them, `explain RULE` documents one
//! rule with its kind's DOC and the plan's own words.
//!
//! In Vietnamese the headings, the list's texts (the plan's own words, `text_vi`)
//! and the clauses are Vietnamese; the kinds' DOCs are written in English only,
//! so `explain` prints the plan's clause first, then the DOC under a note saying so.

use comfy_table::Cell;

use crate::i18n::Lang;
use crate::plan::rules::doc;
use crate::plan::{Plan, Target};
use crate::report::table::{Style, new_table};
use crate::report::text::{explain_heading, plans_words, rules_heading, target_text};

/// Every target of the plan: rule id, clause, kind and the text.
pub fn list(plan: &Plan, lang: Lang, style: Style) -> String {
    let mut table = new_table(style, &lang.words().rules_headings);
    for t in &plan.targets {
        table.add_row(vec![
            Cell::new(&t.rule),
            Cell::new(lang.clause(&t.clause)),
            Cell::new(t.kind.name()),
            Cell::new(target_text(t, lang)),
        ]);
    }
    let heading = rules_heading(&plan.id, plan.issued_on, plan.targets.len(), lang);
    format!("{heading}\n{table}\n")
}

/// A kind's DOC with its four headings in `lang` (the bodies are English).
fn headings(doc: &str, lang: Lang) -> String {
    let mut doc = doc.to_owned();
    for (en, local) in Lang::En
        .words()
        .doc_headings
        .iter()
        .zip(lang.words().doc_headings)
    {
        doc = doc.replace(&format!("{en}\n"), &format!("{local}\n"));
    }
    doc
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
    let clauses: Vec<String> = targets.iter().map(|t| lang.clause(&t.clause)).collect();
    let (rule, clauses, kind, id) = (&first.rule, clauses.join("; "), first.kind.name(), &plan.id);
    let mut out = explain_heading(rule, &clauses, kind, id, lang);
    let words = format!("\n## {} ({id})\n", lang.words().plans_words);
    let plans_words = targets
        .iter()
        .map(|t| plans_words(t, lang))
        .collect::<String>();
    let mut docs: Vec<&str> = Vec::new();
    for t in &targets {
        let d = doc(&t.kind);
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    let docs: String = docs
        .iter()
        .map(|d| format!("\n{}", headings(d, lang)))
        .collect();
    match lang {
        Lang::En => {
            out.push_str(&docs);
            out.push_str(&words);
            out.push_str(&plans_words);
        }
        Lang::Vi => {
            // The plan's words first: the DOCs are written in English only.
            out.push_str(&words);
            out.push_str(&plans_words);
            out.push_str("\n## Cách kiểm tra (tài liệu kỹ thuật, bằng tiếng Anh)\n");
            out.push_str(&docs);
        }
    }
    Some(out)
}
