//! The sentences of `gaps` in each language: headings, list names, reasons, days,
//! the plan's numbers and the pressure on them, shared by the table, the CSV and
//! the workbook (`crate::render::gaps`). The fixed words are in `crate::i18n`.

use std::fmt::Display;

use chrono::{Datelike, NaiveDate};

use crate::gaps::{LanguageGap, PlanNumber, PostgraduateNeed, ProgrammeList, Reason, Why};
use crate::lang::Lang;
use crate::model::{Language, Program};
use crate::plan::Glossary;
use crate::plan::rules::PersonStatus;

/// The name of a programme's list.
pub fn list_label(program: Option<Program>, lang: Lang, glossary: &Glossary) -> &str {
    program.map_or(lang.words().level_unknown_list, |p| {
        glossary.program(p, lang)
    })
}

/// One reason: the rule and what it found, e.g. `TITLE-2Y overdue`; `certificate`
/// is the official's `language_level` as written when it held a certificate.
fn reason(r: &Reason, certificate: Option<&str>, lang: Lang) -> String {
    let rule = &r.rule;
    let mut text = match r.why {
        Why::Due {
            status: status @ (PersonStatus::Overdue | PersonStatus::DueSoon),
            ..
        } => format!("{rule} {}", lang.person_status(status)),
        Why::Due { .. } => match lang {
            Lang::En => format!("{rule} due"),
            Lang::Vi => format!("{rule} đến hạn"),
        },
        Why::DeadlineUnknown => match lang {
            Lang::En => format!("{rule} deadline unknown"),
            Lang::Vi => format!("{rule} chưa rõ hạn"),
        },
        Why::NotReady => format!("{rule} {}", lang.person_status(PersonStatus::NotReady)),
        Why::Candidate {
            rank, of, language, ..
        } => {
            let known = match (language, certificate) {
                (Language::Stated(l), _) | (Language::Certificate(l), None) => match lang {
                    Lang::En => format!("level {l}"),
                    Lang::Vi => format!("bậc {l}"),
                },
                (Language::Certificate(l), Some(c)) => match lang {
                    Lang::En => format!("level {l} ({c})"),
                    Lang::Vi => format!("bậc {l} ({c})"),
                },
                _ => known_level(language, certificate, lang),
            };
            match lang {
                Lang::En => format!("{rule} candidate {rank} of {of}, {known}"),
                Lang::Vi => format!("{rule} ứng viên {rank}/{of}, {known}"),
            }
        }
    };
    if let Some(note) = r.note {
        text.push_str(&format!(" ({})", lang.note(note)));
    }
    text
}

/// Every reason of an entry, `; `-separated; `certificate` as for one reason.
pub fn reasons(reasons: &[Reason], certificate: Option<&str>, lang: Lang) -> String {
    reasons
        .iter()
        .map(|r| reason(r, certificate, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is known of a language candidate's level, with the certificate as
/// written when there is one: `3`, `3 (TOEFL ITP 500)`, `TOPIK 5 — for review`,
/// `IELTS 3.5 — below bậc 3`, `IELTS 6.5 — expired, bậc 4`; nothing known: `no level`.
pub fn known_level(language: Language, certificate: Option<&str>, lang: Lang) -> String {
    let what = match (lang, language) {
        (Lang::En, Language::None) => return "no level".to_owned(),
        (Lang::Vi, Language::None) => return "chưa có bậc".to_owned(),
        (_, Language::Stated(l)) => return l.to_string(),
        (_, Language::Certificate(l)) => {
            return certificate.map_or_else(|| l.to_string(), |c| format!("{l} ({c})"));
        }
        (Lang::En, Language::Review) => "for review".to_owned(),
        (Lang::Vi, Language::Review) => "chờ xem xét".to_owned(),
        (Lang::En, Language::Below(b)) => format!("below bậc {b}"),
        (Lang::Vi, Language::Below(b)) => format!("dưới bậc {b}"),
        (Lang::En, Language::Expired(l)) => format!("expired, bậc {l}"),
        (Lang::Vi, Language::Expired(l)) => format!("hết hạn, bậc {l}"),
    };
    match certificate {
        Some(c) => format!("{c} — {what}"),
        None => what,
    }
}

/// Days to a deadline as people read them: `915 overdue`, `40 left`; `quá hạn
/// 915 ngày`, `còn 40 ngày`.
pub fn days(days_left: i64, lang: Lang) -> String {
    match (lang, days_left < 0) {
        (Lang::En, true) => format!("{} overdue", -days_left),
        (Lang::En, false) => format!("{days_left} left"),
        (Lang::Vi, true) => format!("quá hạn {} ngày", -days_left),
        (Lang::Vi, false) => format!("còn {days_left} ngày"),
    }
}

/// How a workbook shows the signed days to a deadline, the cell staying a number
/// to sort on: in Vietnamese as `days` words them (an Excel number format: the
/// section for negative numbers shows them without their sign); in English the
/// plain number.
pub fn days_number_format(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Vi => Some(r#""còn "0" ngày";"quá hạn "0" ngày";"còn 0 ngày""#),
    }
}

/// `17 (App. 02 row 1)`, `39, derived (App. 02 row 1)`.
pub fn plan_number(n: &PlanNumber, lang: Lang, glossary: &Glossary) -> String {
    let derived = if n.derived {
        format!(", {}", lang.words().derived)
    } else {
        String::new()
    };
    format!(
        "{}{derived} ({})",
        n.number,
        glossary.clause(&n.clause, lang)
    )
}

/// The size of a list against the plan's number: `23 to train, quota 17: 6 over quota`.
pub fn pressure(to_train: usize, quota: u32, lang: Lang) -> String {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let quota_n = usize::try_from(quota).unwrap_or(usize::MAX);
    let order = to_train.cmp(&quota_n);
    let (over, room) = (
        to_train.saturating_sub(quota_n),
        quota_n.saturating_sub(to_train),
    );
    match lang {
        Lang::En => {
            let verdict = match order {
                Greater => format!("{over} over quota"),
                Less => format!("room for {room} more"),
                Equal => "at quota".to_owned(),
            };
            format!("{to_train} to train, quota {quota}: {verdict}")
        }
        Lang::Vi => {
            let verdict = match order {
                Greater => format!("vượt {over}"),
                Less => format!("còn {room} chỗ"),
                Equal => "vừa đủ".to_owned(),
            };
            format!("{to_train} người cần cử đi học, chỉ tiêu {quota}: {verdict}")
        }
    }
}

/// The heading of a programme's list.
pub fn list_heading(
    list: &ProgrammeList,
    province: bool,
    year: i32,
    lang: Lang,
    glossary: &Glossary,
) -> String {
    let overdue = list
        .entries
        .iter()
        .filter(|e| e.days_left().is_some_and(|d| d < 0))
        .count();
    let rules = if list.rules.is_empty() {
        lang.words().no_rule.to_owned()
    } else {
        list.rules.join(", ")
    };
    let (label, n) = (list_label(list.program, lang, glossary), list.entries.len());
    let mut text = match lang {
        Lang::En => format!("{label} ({rules}): {n} to train"),
        Lang::Vi => format!("{label} ({rules}): {n} người cần cử đi học"),
    };
    if overdue > 0 {
        text.push_str(&match lang {
            Lang::En => format!(", {overdue} overdue"),
            Lang::Vi => format!(", {overdue} quá hạn"),
        });
    }
    if province {
        text.push_str(&match (&list.quota, lang) {
            (Some(q), _) => format!(
                "; {} {year}: {}",
                match lang {
                    Lang::En => format!("{} for", glossary.clause(&q.clause, lang)),
                    Lang::Vi => format!("{} năm", glossary.clause(&q.clause, lang)),
                },
                pressure(n, q.number, lang)
            ),
            (None, Lang::En) => format!("; the plan sets no number for {year}"),
            (None, Lang::Vi) => format!("; Kế hoạch không giao chỉ tiêu năm {year}"),
        });
    }
    text
}

/// A language group against its share, if nothing changes.
pub fn language_line(
    gap: &LanguageGap,
    province: bool,
    year: i32,
    lang: Lang,
    glossary: &Glossary,
) -> String {
    let (rule, clause) = (&gap.rule, glossary.clause(&gap.clause, lang));
    let group = glossary.group(gap.group, lang);
    let (population, achieved, min_level) = (gap.population, gap.achieved, gap.min_level);
    let (percent, required, shortfall) = (gap.percent, gap.required, gap.shortfall);
    let mut text = match lang {
        Lang::En => {
            let incumbents = if population == 1 {
                "incumbent"
            } else {
                "incumbents"
            };
            format!(
                "{rule} ({clause}): {group}, {population} {incumbents}, {achieved} at \
                 level {min_level}+; {percent}% is {required}: "
            )
        }
        Lang::Vi => format!(
            "{rule} ({clause}): {group}, {population} cán bộ đương chức, {achieved} đạt \
             bậc {min_level} trở lên; {percent}% là {required}: "
        ),
    };
    text.push_str(&match (lang, shortfall == 0, province) {
        (Lang::En, true, _) => "met, nobody to send".to_owned(),
        (Lang::Vi, true, _) => "đạt, không cần cử thêm".to_owned(),
        (Lang::En, false, true) => {
            format!("{shortfall} short if nothing changes, so {shortfall} to send")
        }
        (Lang::Vi, false, true) => {
            format!("thiếu {shortfall} nếu không có gì thay đổi, nên cần cử {shortfall} người")
        }
        (Lang::En, false, false) => format!(
            "{shortfall} short if nothing changes; {} of those to send in this unit",
            gap.candidates.len()
        ),
        (Lang::Vi, false, false) => format!(
            "thiếu {shortfall} nếu không có gì thay đổi; đơn vị này cần cử {} người trong số đó",
            gap.candidates.len()
        ),
    });
    if gap.to_review > 0 && shortfall > 0 {
        let n = gap.to_review;
        text.push_str(&match lang {
            Lang::En if n == 1 => {
                "; 1 certificate awaits review and is listed first: it may already count".to_owned()
            }
            Lang::En => format!(
                "; {n} certificates await review and are listed first: they may already count"
            ),
            Lang::Vi => format!("; {n} chứng chỉ chờ xem xét được xếp trước: có thể đã đạt"),
        });
    }
    if province {
        text.push_str(&match (&gap.plan_number, lang) {
            (Some(n), Lang::En) => {
                format!(
                    "; plan's number for {year}: {}",
                    plan_number(n, lang, glossary)
                )
            }
            (Some(n), Lang::Vi) => {
                format!(
                    "; chỉ tiêu năm {year} của Kế hoạch: {}",
                    plan_number(n, lang, glossary)
                )
            }
            (None, Lang::En) => format!("; the plan sets no number for {year}"),
            (None, Lang::Vi) => format!("; Kế hoạch không giao chỉ tiêu năm {year}"),
        });
    }
    text.push('.');
    text
}

/// What PG-ANNUAL asks of the year.
pub fn postgraduate_line(
    need: &PostgraduateNeed,
    as_of: NaiveDate,
    lang: Lang,
    glossary: &Glossary,
) -> String {
    let programs: Vec<&str> = need
        .programs
        .iter()
        .map(|p| glossary.program(*p, lang))
        .collect();
    let before: u32 = need.years.iter().map(|y| y.officials).sum();
    let mut text = format!(
        "{} ({}, {}): ",
        need.rule,
        glossary.clause(&need.clause, lang),
        programs.join(", ")
    );
    if let (Some(first), Some(last)) = (need.years.first(), need.years.last()) {
        let span = if first.year == last.year {
            first.year.to_string()
        } else {
            format!("{}–{}", first.year, last.year)
        };
        text.push_str(&match lang {
            Lang::En => format!("{span} recorded {before} starts"),
            Lang::Vi => format!("{span} có {before} lượt bắt đầu học"),
        });
        if (first.year..=last.year).contains(&as_of.year()) {
            let (year, as_of) = (as_of.year(), lang.date(as_of));
            text.push_str(&match lang {
                Lang::En => format!(" ({year} counted to {as_of})"),
                Lang::Vi => format!(" (năm {year} tính đến ngày {as_of})"),
            });
        }
        text.push_str("; ");
    }
    let (min, max, from, year) = (
        need.min_per_year,
        need.max_per_year,
        need.from_year,
        need.year,
    );
    let (least, registered) = (need.at_least, need.registered);
    text.push_str(&match (lang, need.at_most) {
        (Lang::En, Some(most)) => format!(
            "an average of {min}–{max} a year over {from}–{year} needs {least} to {most} \
             starts in {year}; {year} has {registered} recorded."
        ),
        (Lang::Vi, Some(most)) => format!(
            "để bình quân {min}–{max} người mỗi năm trong {from}–{year}, năm {year} cần \
             {least} đến {most} lượt bắt đầu học; năm {year} đã có {registered}."
        ),
        (Lang::En, None) => format!(
            "the years before are already above an average of {min}–{max} a year over \
             {from}–{year}: {year} needs no start; {year} has {registered} recorded."
        ),
        (Lang::Vi, None) => format!(
            "các năm trước đã vượt bình quân {min}–{max} người mỗi năm trong {from}–{year}: \
             năm {year} không cần thêm; năm {year} đã có {registered}."
        ),
    });
    text
}

/// The first lines of the lists: the year, the plan, the as-of date, the inputs
/// (each `path (rows)`), and the unit when the lists are one unit's.
pub fn heading(
    year: i32,
    plan: &str,
    as_of: NaiveDate,
    inputs: &[(&str, usize)],
    unit: Option<&str>,
    lang: Lang,
) -> String {
    let rows = match lang {
        Lang::En => "rows",
        Lang::Vi => "dòng",
    };
    let files: Vec<String> = inputs
        .iter()
        .map(|(path, n)| format!("{path} ({n} {rows})"))
        .collect();
    let (files, as_of) = (files.join(" · "), lang.date(as_of));
    let mut out = match lang {
        Lang::En => format!(
            "boiduong: who to train in {year}, plan {plan}, as of {as_of}\ninputs: {files}\n"
        ),
        Lang::Vi => format!(
            "boiduong: cán bộ cần cử đi học năm {year}, Kế hoạch {plan}, tính đến ngày {as_of}\n\
             dữ liệu: {files}\n"
        ),
    };
    if let Some(unit) = unit {
        out.push_str(&match lang {
            Lang::En => format!("unit: {unit}\n"),
            Lang::Vi => format!("đơn vị: {unit}\n"),
        });
    }
    out
}

/// "Summary for 2025", above the summary table.
pub fn summary_title(year: i32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Summary for {year}"),
        Lang::Vi => format!("Tổng hợp năm {year}"),
    }
}

/// Under the summary, when the plan has no number for the year.
pub fn no_yearly_number(year: i32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("The plan sets no yearly number for {year}."),
        Lang::Vi => format!("Kế hoạch không giao chỉ tiêu cho năm {year}."),
    }
}

/// "Plan's number for 2025", the heading of the summary's column of the plan's numbers.
pub fn plan_number_heading(year: i32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Plan's number for {year}"),
        Lang::Vi => format!("Chỉ tiêu năm {year} của Kế hoạch"),
    }
}

/// `  group 2`: a language group's row of the summary, under the language list.
pub fn group_row(group: u8, lang: Lang, glossary: &Glossary) -> String {
    format!("  {}", glossary.group(group, lang))
}

/// The title of the workbook's summary sheet; `as_of` as the workbook writes dates.
pub fn workbook_title(year: i32, plan: &str, as_of: impl Display, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Who to train in {year}: plan {plan}, as of {as_of}"),
        Lang::Vi => {
            format!("Cán bộ cần cử đi học năm {year}: Kế hoạch {plan}, tính đến ngày {as_of}")
        }
    }
}

/// The unit under the workbook's title.
pub fn workbook_unit(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Unit: {unit}"),
        Lang::Vi => format!("Đơn vị: {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_far_a_list_is_from_its_quota() {
        assert_eq!(
            pressure(23, 17, Lang::En),
            "23 to train, quota 17: 6 over quota"
        );
        assert_eq!(
            pressure(3, 7, Lang::En),
            "3 to train, quota 7: room for 4 more"
        );
        assert_eq!(pressure(7, 7, Lang::En), "7 to train, quota 7: at quota");
        assert_eq!(
            pressure(23, 17, Lang::Vi),
            "23 người cần cử đi học, chỉ tiêu 17: vượt 6"
        );
    }

    #[test]
    fn days_overdue_are_negative_days_left() {
        assert_eq!(days(-915, Lang::En), "915 overdue");
        assert_eq!(days(0, Lang::En), "0 left");
        assert_eq!(days(40, Lang::En), "40 left");
        assert_eq!(days(-915, Lang::Vi), "quá hạn 915 ngày");
        assert_eq!(days(40, Lang::Vi), "còn 40 ngày");
    }
}
