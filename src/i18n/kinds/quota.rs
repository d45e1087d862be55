//! The words of yearly numbers of officials starting a programme
//! (`plan::kinds::quota`).

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Quotes};
use crate::lang::Lang;
use crate::plan::kinds::quota::{Quota, QuotaRow, QuotaSubject, Subject};
use crate::plan::{Glossary, Target};

impl KindWords for Quota {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "số lượng cử đi học hằng năm";

    /// What the plan's quotas count (`In Plan 143: the programmes title_department,
    /// ...; language study in group 1 (15, 15, 16), ...`), an example on one of
    /// them and a year one derives from its total.
    fn quotes(targets: &[(&Target, &Self)], glossary: &Glossary, lang: Lang) -> Quotes {
        let mut programmes = Vec::new();
        let mut groups = Vec::new();
        for (_, q) in targets {
            match q.subject {
                QuotaSubject::Program(p) => programmes.push(glossary.program(p, lang).to_owned()),
                QuotaSubject::LanguageGroup(g) => {
                    let numbers: Vec<String> =
                        q.years.iter().map(|y| y.quota.to_string()).collect();
                    groups.push(format!(
                        "{} ({})",
                        glossary.group(g, lang),
                        numbers.join(", ")
                    ));
                }
            }
        }
        let mut parts = Vec::new();
        if !programmes.is_empty() {
            parts.push(match lang {
                Lang::En => format!("the programmes {}", programmes.join(", ")),
                // the Vietnamese names hold commas
                Lang::Vi => format!("các chương trình {}", programmes.join(" / ")),
            });
        }
        if !groups.is_empty() {
            parts.push(match lang {
                Lang::En => format!("language study in {}", groups.join(", ")),
                Lang::Vi => format!("học ngoại ngữ ở {}", groups.join(", ")),
            });
        }
        let plan = glossary.name(lang);
        let numbers = match lang {
            Lang::En => format!("In {plan}: {}.", parts.join("; ")),
            Lang::Vi => format!("Trong {plan}: {}.", parts.join("; ")),
        };
        vec![
            ("numbers", numbers),
            ("example", example(targets, glossary, lang)),
            ("derived", derived(targets, glossary, lang)),
        ]
    }

    fn cells(row: &QuotaRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        let w = lang.words();
        let dash = || "—".to_owned();
        [
            match row.subject {
                Subject::Program { program } => glossary.program(program, lang).to_owned(),
                Subject::Group { group } => match lang {
                    Lang::En => format!("{}, language", glossary.group(group, lang)),
                    Lang::Vi => format!("{}, ngoại ngữ", glossary.group(group, lang)),
                },
                Subject::Abroad { .. } => w.abroad.to_owned(),
            },
            row.year.to_string(),
            match row.quota {
                Some(q) if row.derived => format!("{q} ({})", w.derived),
                Some(q) => q.to_string(),
                None => w.not_set.to_owned(),
            },
            row.achieved.to_string(),
            row.quota.map_or_else(dash, |q| q.to_string()),
            row.shortfall.map_or_else(dash, |s| s.to_string()),
        ]
    }
}

/// The DOC's example: a year of one of the plan's quotas (a programme's first,
/// the last year the plan itself gives) two short.
fn example(targets: &[(&Target, &Quota)], glossary: &Glossary, lang: Lang) -> String {
    let programmes = targets
        .iter()
        .filter(|(_, q)| matches!(q.subject, QuotaSubject::Program(_)));
    let groups = targets
        .iter()
        .filter(|(_, q)| matches!(q.subject, QuotaSubject::LanguageGroup(_)));
    let found = programmes.chain(groups).find_map(|(_, q)| {
        let year = q.years.iter().rev().find(|y| !y.derived && y.quota > 0)?;
        Some((q.subject, year.year, year.quota))
    });
    let Some((subject, year, quota)) = found else {
        return match lang {
            Lang::En => "One official starting twice in a year counts once.".to_owned(),
            Lang::Vi => "Một cán bộ bắt đầu học hai lần trong một năm chỉ tính một lần.".to_owned(),
        };
    };
    let subject = match (lang, subject) {
        (Lang::En, QuotaSubject::Program(p)) => p.code().to_owned(),
        (Lang::Vi, QuotaSubject::Program(p)) => glossary.program(p, lang).to_owned(),
        (Lang::En, QuotaSubject::LanguageGroup(g)) => {
            format!("{}, language", glossary.group(g, lang))
        }
        (Lang::Vi, QuotaSubject::LanguageGroup(g)) => {
            format!("{}, ngoại ngữ", glossary.group(g, lang))
        }
    };
    let started = quota - quota.min(2);
    let short = quota - started;
    match lang {
        Lang::En => format!(
            "{subject} {year}, quota {quota}: {started} distinct officials started in {year} → \
             gap, shortfall {short}. One official starting twice in {year} counts once."
        ),
        Lang::Vi => format!(
            "{subject} năm {year}, chỉ tiêu {quota}: {started} cán bộ khác nhau bắt đầu học năm \
             {year} → chưa đạt, thiếu {short}. Một cán bộ bắt đầu học hai lần trong năm {year} \
             chỉ tính một lần."
        ),
    }
}

/// A year of the plan derived from its total, as the DOC cites it:
/// ` (App. 02 row 1, 2025: total − 2023 − 2024)`; nothing when the plan derives none.
fn derived(targets: &[(&Target, &Quota)], glossary: &Glossary, lang: Lang) -> String {
    let found = targets.iter().find_map(|(t, q)| {
        let year = q.years.iter().find(|y| y.derived)?;
        let others: Vec<String> = q
            .years
            .iter()
            .filter(|y| !y.derived)
            .map(|y| format!(" − {}", y.year))
            .collect();
        Some((glossary.clause(&t.clause, lang), year.year, others.concat()))
    });
    match (lang, found) {
        (_, None) => String::new(),
        (Lang::En, Some((clause, year, others))) => format!(" ({clause}, {year}: total{others})"),
        (Lang::Vi, Some((clause, year, others))) => {
            format!(" ({clause}, năm {year}: tổng{others})")
        }
    }
}

/// What `explain` prints about a quota.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
Each year, at least the plan's number of officials start the programme, or start
language study among a language group. {numbers}

## How it is computed
achieved (programme or group, year) = distinct officials with an enrolment that is not
withdrawn and starts in that year; one person counts once in a year, and again in another
year where they start again. For a language group, officials of the group (incumbent or
planned alike) starting `language`. A past year is met when achieved ≥
quota, else a gap (error) short by quota − achieved. The year of as-of is in progress
(also once the number is reached: the year is not over), or at risk (warning) when behind
pace, i.e. achieved × days in the year < quota × days already past. Later years are open.
Starting more than the quota is met.

## Example
{example}

## Edge cases
- Withdrawn enrolments do not count; enrolments in progress do.
- A year the source leaves blank may be derived from the total{derived} and is marked derived.
- A year with no quota has no row.
",
    vi: "\
## Kiểm tra điều gì
Mỗi năm, số cán bộ bắt đầu học chương trình ít nhất bằng con số của Kế hoạch, hoặc bắt
đầu học ngoại ngữ trong một nhóm ngoại ngữ. {numbers}

## Cách tính
Số đã đạt (chương trình hoặc nhóm, năm) = số cán bộ khác nhau có một lượt học không thôi
học, bắt đầu trong năm đó; mỗi người tính một lần trong một năm, và tính lại ở năm khác nếu
lại bắt đầu học. Với một nhóm ngoại ngữ: cán bộ của nhóm (đương chức hoặc quy hoạch đều
được tính) bắt đầu học ngoại ngữ. Năm đã qua là đạt khi số đã đạt ≥ chỉ tiêu, nếu không là
chưa đạt (lỗi), thiếu chỉ tiêu − số đã đạt. Năm của ngày tính đến (--as-of) là đang thực
hiện (kể cả khi đã đủ số: năm chưa hết), hoặc có nguy cơ không đạt (cảnh báo) khi chậm so
với tiến độ, tức là số đã đạt × số ngày của năm < chỉ tiêu × số ngày đã qua.
Các năm sau là chưa đến hạn. Bắt đầu nhiều hơn chỉ tiêu là đạt.

## Ví dụ
{example}

## Trường hợp đặc biệt
- Lượt học đã thôi học không được tính; lượt học đang học được tính.
- Năm mà văn bản để trống có thể được suy ra từ tổng số{derived} và được ghi là suy ra.
- Năm không có chỉ tiêu thì không có dòng.
",
};
