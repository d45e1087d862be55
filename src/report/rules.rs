//! The plan's targets for people: `rules` lists them, `explain RULE` documents one
//! rule with its kind's DOC and the plan's own words.

use comfy_table::Cell;

use crate::plan::rules::doc;
use crate::plan::{Plan, Target};
use crate::report::table::{Style, new_table};

/// Every target of the plan: rule id, clause, kind and the English text.
pub fn list(plan: &Plan, style: Style) -> String {
    let mut table = new_table(style, &["Rule", "Clause", "Kind", "Target"]);
    for t in &plan.targets {
        table.add_row(vec![
            Cell::new(&t.rule),
            Cell::new(&t.clause),
            Cell::new(t.kind.name()),
            Cell::new(&t.text_en),
        ]);
    }
    format!(
        "plan {} ({}), {} targets; `boiduong explain RULE` says more about one\n{table}\n",
        plan.id,
        plan.issued_on,
        plan.targets.len()
    )
}

/// The documentation of `rule` (matched ignoring ASCII case), then the plan's
/// words for each of its targets; `None` when the plan has no such rule.
pub fn explain(plan: &Plan, rule: &str) -> Option<String> {
    let targets: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.rule.eq_ignore_ascii_case(rule))
        .collect();
    let first = targets.first()?;
    let clauses: Vec<&str> = targets.iter().map(|t| t.clause.as_str()).collect();
    let mut out = format!(
        "{} ({}): a {} rule of plan {}\n",
        first.rule,
        clauses.join("; "),
        first.kind.name(),
        plan.id
    );
    let mut docs: Vec<&str> = Vec::new();
    for t in &targets {
        let d = doc(&t.kind);
        if !docs.contains(&d) {
            docs.push(d);
            out.push('\n');
            out.push_str(d);
        }
    }
    out.push_str(&format!("\n## The plan's words ({})\n", plan.id));
    for t in &targets {
        out.push_str(&format!("{}: {}\n  ({})\n", t.clause, t.text_vi, t.text_en));
    }
    Some(out)
}
