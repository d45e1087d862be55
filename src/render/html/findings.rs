//! The page's findings: by rule, most urgent first, each rule's table cut at
//! the limit with a line saying how many more the other reports hold.

use super::*;

/// The findings by rule, most urgent first, each rule's table cut at `limit`.
pub(super) fn findings(page: &mut Page, report: &Report, lang: Lang, limit: usize) {
    let w = lang.html();
    let _ = write!(
        page.out,
        r#"<section id="findings"><h2>{}</h2>"#,
        text(w.findings)
    );
    if let Some(line) = findings_not_listed(report, lang) {
        let _ = write!(page.out, r#"<p class="note">{}</p>"#, text(&line));
    } else if report.findings.is_empty() {
        let _ = write!(page.out, "<p>{}</p>", text(w.none_listed));
    }
    let change = report.baseline.is_some();
    findings_by_rule(
        &mut page.out,
        worded_findings(report, lang),
        &report.glossary,
        lang,
        limit,
        change,
    );
    if let (Some(baseline), Some(resolved)) = (&report.baseline, &report.resolved) {
        let _ = write!(
            page.out,
            "<h2>{}</h2>",
            text(&resolved_heading(baseline, resolved.len(), lang))
        );
        findings_by_rule(
            &mut page.out,
            resolved.iter().cloned(),
            &report.glossary,
            lang,
            limit,
            false,
        );
    }
    page.out.push_str("</section>");
}

/// The findings of one rule, as they come: counted, the first `limit` made rows.
pub(super) struct RuleGroup {
    rule: String,
    clause: String,
    counts: HashMap<PersonStatus, usize>,
    seen: usize,
    rows: String,
}

/// A heading and a table for each rule of `findings` (in report order, so the
/// findings of a rule come together), at most `limit` rows each; only those
/// rows are worded, whatever the number of findings.
pub(super) fn findings_by_rule<'f>(
    out: &mut String,
    findings: impl Iterator<Item = FindingRow<'f>>,
    glossary: &Glossary,
    lang: Lang,
    limit: usize,
    change: bool,
) {
    let w = lang.words();
    let mut headings = w.finding_headings.to_vec();
    if change {
        headings.insert(0, w.change);
    }
    let days = headings.len() - 2;
    let flush = |out: &mut String, group: RuleGroup| {
        let tally = tally_of(|s| group.counts.get(&s).copied().unwrap_or(0), lang);
        let _ = write!(
            out,
            "<h3>{} ({}): {}</h3>{}",
            text(&group.rule),
            text(glossary.clause(&group.clause, lang)),
            text(&tally),
            table(&headings, &[days], &group.rows)
        );
        if group.seen > limit {
            let _ = write!(
                out,
                r#"<p class="more">{}</p>"#,
                text(&more_findings(group.seen - limit, limit, lang))
            );
        }
    };
    let mut current: Option<RuleGroup> = None;
    for f in findings {
        if current.as_ref().is_some_and(|g| g.rule != f.rule)
            && let Some(done) = current.take()
        {
            flush(out, done);
        }
        let group = current.get_or_insert_with(|| RuleGroup {
            rule: f.rule.to_string(),
            clause: f.clause.to_string(),
            counts: HashMap::new(),
            seen: 0,
            rows: String::new(),
        });
        *group.counts.entry(f.status).or_default() += 1;
        group.seen += 1;
        if group.seen <= limit {
            let mut values: Vec<String> = Vec::with_capacity(headings.len());
            if change {
                values.push(change_note(&f, lang));
            }
            values.extend(finding_cells(&f, lang, glossary));
            let status = Cow::Borrowed(f.status.code());
            let _ = write!(
                group.rows,
                r#"<tr class="st-{}">{}</tr>"#,
                attr(&status),
                cells(&values, &[days])
            );
        }
    }
    if let Some(done) = current {
        flush(out, done);
    }
}
