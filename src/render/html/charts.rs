//! The page's charts: the language shares, the deadline rules, the units with
//! officials overdue, the yearly quotas; each with the table of its numbers.

use super::*;

/// `n` of `d` as a percentage with one decimal, exactly rounded half up.
pub(super) fn percent(n: u32, d: u32) -> String {
    if d == 0 {
        return "0.0".to_owned();
    }
    let tenths = (u64::from(n) * 1000 + u64::from(d) / 2) / u64::from(d);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// A year of a quota: the year, achieved, the quota.
pub(super) type YearNumbers = (i32, u32, Option<u32>);

/// The language shares: a bar per group against its target, the table, and
/// the yearly numbers of Appendix 01 (the quotas of each group).
pub(super) fn languages(page: &mut Page, report: &Report, sections: &Sections, lang: Lang) {
    let w = lang.html();
    let glossary = &report.glossary;
    let _ = write!(
        page.out,
        r#"<section id="languages" class="chart-section"><h2>{}</h2>"#,
        text(w.languages)
    );
    let bars: Vec<Bar> = sections
        .shares
        .iter()
        .filter_map(|(_, t)| match &t.detail {
            Detail::Share(row) => Some(Bar {
                label: format!("{} · {}", t.rule, glossary.group(row.group, lang)),
                value: row.achieved,
                of: row.population,
                target: Some(row.required),
                text: format!(
                    "{} · {}",
                    share_bar(
                        &percent(row.achieved, row.population),
                        row.achieved,
                        row.population,
                        row.percent,
                        row.shortfall,
                        lang
                    ),
                    lang.target_status(t.status)
                ),
                fill: status_fill(t.status),
            }),
            _ => None,
        })
        .collect();
    let id = page.chart_id();
    let svg = svg::bars(&id, w.languages_chart, &bars, Some(w.target_line));
    let numbers = targets_table(&sections.shares, lang, glossary);
    page.figure(&id, w.languages_chart, &svg, &numbers);
    // Appendix 01: each group's yearly numbers, achieved of the quota
    let mut years: Vec<i32> = Vec::new();
    let mut groups: Vec<(u8, Vec<YearNumbers>)> = Vec::new();
    for (_, t) in &sections.quotas {
        if let Detail::Quota(row) = &t.detail
            && let Subject::Group { group } = row.subject
        {
            if !years.contains(&row.year) {
                years.push(row.year);
            }
            let entry = (row.year, row.achieved, row.quota);
            match groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, list)) => list.push(entry),
                None => groups.push((group, vec![entry])),
            }
        }
    }
    if !groups.is_empty() {
        years.sort_unstable();
        let mut headings = vec![lang.words().target_headings[2].to_owned()];
        headings.extend(years.iter().map(ToString::to_string));
        let mut body = String::new();
        for (group, list) in &groups {
            let mut values = vec![glossary.group(*group, lang)];
            for year in &years {
                values.push(
                    list.iter()
                        .find(|(y, _, _)| y == year)
                        .map(|&(_, a, q)| quota_bar(a, q, "", lang))
                        .map(|s| s.trim_end_matches([':', ' ']).to_owned())
                        .unwrap_or_default(),
                );
            }
            let numbers: Vec<usize> = (1..values.len()).collect();
            let _ = write!(body, "<tr>{}</tr>", cells(&values, &numbers));
        }
        let refs: Vec<&str> = headings.iter().map(String::as_str).collect();
        let numbers: Vec<usize> = (1..refs.len()).collect();
        let _ = write!(
            page.out,
            "<h3>{}</h3>{}",
            text(w.appendix_01),
            table(&refs, &numbers, &body)
        );
    }
    page.out.push_str("</section>");
}

/// The segments of a deadline rule's row: its officials by status.
pub(super) fn segments(detail: &Detail) -> Vec<(Fill, u32)> {
    match detail {
        Detail::Window(row) | Detail::Doctorate(row) => {
            let c = &row.counts;
            vec![
                (Fill::Done, c.done),
                (Fill::Late, c.late),
                (Fill::Open, c.open),
                (Fill::DueSoon, c.due_soon),
                (Fill::Overdue, c.overdue),
                (Fill::MissingData, c.missing_data),
            ]
        }
        Detail::PlannedReady(row) => vec![
            (Fill::Done, row.ready),
            (Fill::NotReady, row.not_ready),
            (Fill::MissingData, row.missing_data),
        ],
        Detail::Share(_) | Detail::Quota(_) | Detail::Overseas(_) | Detail::Postgraduate(_) => {
            Vec::new()
        }
    }
}

/// What a segment is called in a legend and a heading; `ready` is the
/// planned-ready rule's done.
pub(super) fn segment_name(fill: Fill, planned: bool, lang: Lang) -> &'static str {
    match fill {
        Fill::Done if planned => lang.html().ready,
        Fill::Done => lang.person_status(PersonStatus::Done),
        Fill::Late => lang.person_status(PersonStatus::Late),
        Fill::Open => lang.person_status(PersonStatus::Open),
        Fill::DueSoon => lang.person_status(PersonStatus::DueSoon),
        Fill::Overdue => lang.person_status(PersonStatus::Overdue),
        Fill::MissingData => lang.person_status(PersonStatus::MissingData),
        Fill::NotReady => lang.person_status(PersonStatus::NotReady),
        Fill::Met | Fill::Short | Fill::Plain => "",
    }
}

/// The deadline rules and planned-ready: a stacked bar per row and the table of
/// its counts.
pub(super) fn deadlines(
    page: &mut Page,
    report: &Report,
    rows: &[(usize, &TargetResult)],
    lang: Lang,
) {
    let w = lang.html();
    let glossary = &report.glossary;
    let planned = |t: &TargetResult| matches!(t.detail, Detail::PlannedReady(_));
    let stacks: Vec<Stack> = rows
        .iter()
        .map(|(_, t)| {
            let key = t.detail.key_numbers();
            Stack {
                label: window_bar(
                    &format!("{} ({})", t.rule, glossary.clause(&t.clause, lang)),
                    key.population.unwrap_or(0),
                    lang.target_status(t.status),
                    lang,
                ),
                segments: segments(&t.detail),
            }
        })
        .collect();
    // the legend and the table's columns: every fill a row has, in order
    let mut fills: Vec<(Fill, bool)> = Vec::new();
    for (_, t) in rows {
        for (fill, _) in segments(&t.detail) {
            let named = (fill, fill == Fill::Done && planned(t));
            if !fills.contains(&named) {
                fills.push(named);
            }
        }
    }
    let names: Vec<(Fill, String)> = fills
        .iter()
        .map(|&(f, p)| (f, segment_name(f, p, lang).to_owned()))
        .collect();
    let id = page.chart_id();
    let svg = svg::stacked(&id, w.deadlines_chart, &stacks, &names);
    let headings_owned: Vec<String> = {
        let h = &lang.words().target_headings;
        let mut v = vec![h[0].to_owned(), h[1].to_owned(), w.officials.to_owned()];
        v.extend(names.iter().map(|(_, n)| n.clone()));
        v.push(h[8].to_owned());
        v
    };
    let headings: Vec<&str> = headings_owned.iter().map(String::as_str).collect();
    let numbers: Vec<usize> = (2..headings.len() - 1).collect();
    let mut body = String::new();
    for &(i, t) in rows {
        let segs = segments(&t.detail);
        let mut values = vec![
            t.rule.clone(),
            glossary.clause(&t.clause, lang).to_owned(),
            t.detail
                .key_numbers()
                .population
                .map(|p| p.to_string())
                .unwrap_or_default(),
        ];
        for &(fill, p) in &fills {
            let n = segs.iter().find(|(f, _)| *f == fill);
            let fits = fill != Fill::Done || p == planned(t);
            values.push(match n {
                Some((_, n)) if fits => n.to_string(),
                _ => String::new(),
            });
        }
        let _ = write!(
            body,
            "<tr{}>{}{}</tr>",
            data_attributes(i, t),
            cells(&values, &numbers),
            status_cell(t.status, t.detail.key_numbers().required, lang)
        );
    }
    let _ = write!(
        page.out,
        r#"<section id="deadlines" class="chart-section"><h2>{}</h2>"#,
        text(w.deadlines)
    );
    page.figure(
        &id,
        w.deadlines_chart,
        &svg,
        &table(&headings, &numbers, &body),
    );
    page.out.push_str("</section>");
}

/// The units ranked by their officials overdue, under every rule, with each
/// rule's part.
pub(super) fn units(page: &mut Page, report: &Report, lang: Lang) {
    let w = lang.html();
    let _ = write!(
        page.out,
        r#"<section id="units" class="chart-section"><h2>{}</h2>"#,
        text(w.units)
    );
    if let Some(line) = findings_not_listed(report, lang).filter(|_| report.findings.is_empty()) {
        let _ = write!(page.out, r#"<p class="note">{}</p></section>"#, text(&line));
        return;
    }
    let mut rules: Vec<String> = Vec::new();
    let mut by_unit: HashMap<String, Vec<u32>> = HashMap::new();
    for f in report.findings.iter() {
        if f.status != PersonStatus::Overdue {
            continue;
        }
        let r = match rules.iter().position(|r| *r == f.rule) {
            Some(r) => r,
            None => {
                rules.push(f.rule.to_string());
                rules.len() - 1
            }
        };
        let counts = match by_unit.get_mut(f.unit.as_ref()) {
            Some(counts) => counts,
            None => by_unit.entry(f.unit.to_string()).or_default(),
        };
        if counts.len() <= r {
            counts.resize(r + 1, 0);
        }
        counts[r] += 1;
    }
    if by_unit.is_empty() {
        let _ = write!(page.out, "<p>{}</p></section>", text(w.no_overdue));
        return;
    }
    let all = by_unit.len();
    let mut ranked: Vec<(String, u32, Vec<u32>)> = by_unit
        .into_iter()
        .map(|(unit, counts)| (unit, counts.iter().sum(), counts))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(UNITS_SHOWN);
    let most = ranked.first().map_or(1, |u| u.1);
    let bars: Vec<Bar> = ranked
        .iter()
        .map(|(unit, total, _)| Bar {
            label: unit.clone(),
            value: *total,
            of: most,
            target: None,
            text: overdue_count(*total, lang),
            fill: Fill::Overdue,
        })
        .collect();
    let caption = units_shown(ranked.len(), all, lang);
    let id = page.chart_id();
    let svg = svg::bars(&id, &caption, &bars, None);
    let mut headings = vec![lang.words().unit_headings[0], w.total];
    headings.extend(rules.iter().map(String::as_str));
    let numbers: Vec<usize> = (1..headings.len()).collect();
    let mut body = String::new();
    for (unit, total, counts) in &ranked {
        let mut values = vec![unit.clone(), total.to_string()];
        values.extend((0..rules.len()).map(|r| counts.get(r).copied().unwrap_or(0).to_string()));
        let _ = write!(body, "<tr>{}</tr>", cells(&values, &numbers));
    }
    page.figure(&id, &caption, &svg, &table(&headings, &numbers, &body));
    page.out.push_str("</section>");
}

/// The yearly quotas, one chart per rule: achieved against the quota of each
/// year (and programme, group or going abroad); the postgraduate rule against
/// its least a year.
pub(super) fn quotas(
    page: &mut Page,
    report: &Report,
    rows: &[(usize, &TargetResult)],
    lang: Lang,
) {
    let w = lang.html();
    let glossary = &report.glossary;
    let _ = write!(
        page.out,
        r#"<section id="quotas"><h2>{}</h2>"#,
        text(w.quotas)
    );
    let mut rules: Vec<&str> = Vec::new();
    for (_, t) in rows {
        if !rules.contains(&t.rule.as_str()) {
            rules.push(&t.rule);
        }
    }
    for rule in rules {
        let of_rule: Vec<(usize, &TargetResult)> = rows
            .iter()
            .filter(|(_, t)| t.rule == rule)
            .copied()
            .collect();
        let mut bars: Vec<Bar> = Vec::new();
        for (_, t) in &of_rule {
            let status = lang.row_status(t.status, t.detail.key_numbers().required);
            match &t.detail {
                Detail::Quota(row) | Detail::Overseas(row) => {
                    let [what, year, ..] = lang.cells(&t.detail, glossary);
                    bars.push(Bar {
                        label: format!("{what} · {year}"),
                        value: row.achieved,
                        of: 0,
                        target: row.quota,
                        text: quota_bar(row.achieved, row.quota, status, lang),
                        fill: status_fill(t.status),
                    });
                }
                Detail::Postgraduate(row) => {
                    for y in row.years.iter().chain(&row.current) {
                        bars.push(Bar {
                            label: y.year.to_string(),
                            value: y.officials,
                            of: 0,
                            target: Some(row.min_per_year),
                            text: quota_bar(y.officials, Some(row.min_per_year), status, lang),
                            fill: status_fill(t.status),
                        });
                    }
                }
                Detail::Share(_)
                | Detail::Window(_)
                | Detail::Doctorate(_)
                | Detail::PlannedReady(_) => {}
            }
        }
        // one scale for the chart: its largest number
        let most = bars
            .iter()
            .map(|b| b.value.max(b.target.unwrap_or(0)))
            .max()
            .unwrap_or(0)
            .max(1);
        for bar in &mut bars {
            bar.of = most;
        }
        let caption = quota_chart(rule, lang);
        let id = page.chart_id();
        let svg = svg::bars(&id, &caption, &bars, Some(w.target_line));
        let _ = write!(page.out, r#"<section class="chart-section">"#);
        page.figure(
            &id,
            &caption,
            &svg,
            &targets_table(&of_rule, lang, glossary),
        );
        page.out.push_str("</section>");
    }
    page.out.push_str("</section>");
}
