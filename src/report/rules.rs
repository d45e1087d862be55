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

/// Every target of the plan: rule id, clause, kind and the text.
pub fn list(plan: &Plan, lang: Lang, style: Style) -> String {
    let mut table = new_table(style, &lang.words().rules_headings);
    for t in &plan.targets {
        table.add_row(vec![
            Cell::new(&t.rule),
            Cell::new(lang.clause(&t.clause)),
            Cell::new(t.kind.name()),
            Cell::new(text(t, lang)),
        ]);
    }
    let (id, issued, n) = (&plan.id, lang.date(plan.issued_on), plan.targets.len());
    let heading = match lang {
        Lang::En => format!(
            "plan {id} ({issued}), {n} targets; `boiduong explain RULE` says more about one"
        ),
        Lang::Vi => format!(
            "Kế hoạch {id} ({issued}), {n} chỉ tiêu; `boiduong explain MÃ` giải thích từng chỉ tiêu"
        ),
    };
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

/// The target's text in `lang`: the plan's own words in Vietnamese.
fn text(t: &Target, lang: Lang) -> &str {
    match lang {
        Lang::En => &t.text_en,
        Lang::Vi if t.text_vi.is_empty() => &t.text_en,
        Lang::Vi => &t.text_vi,
    }
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
    let mut out = match lang {
        Lang::En => format!("{rule} ({clauses}): a {kind} rule of plan {id}\n"),
        Lang::Vi => format!("{rule} ({clauses}): chỉ tiêu loại {kind} của Kế hoạch {id}\n"),
    };
    let words = format!("\n## {} ({id})\n", lang.words().plans_words);
    let plans_words = targets
        .iter()
        .map(|t| match lang {
            Lang::En => format!("{}: {}\n  ({})\n", t.clause, t.text_vi, t.text_en),
            Lang::Vi => format!("{}: {}\n", lang.clause(&t.clause), text(t, lang)),
        })
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
