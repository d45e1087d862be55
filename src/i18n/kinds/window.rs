//! The words of training within N calendar months of a date
//! (`plan::kinds::window`).

use chrono::{Datelike, Days, NaiveDate};

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Quotes, Shown, counted, either};
use crate::lang::Lang;
use crate::model::{Program, TitleLevel};
use crate::plan::kinds::window::{Anchor, Required, Window, WindowRow, deadline};
use crate::plan::{Glossary, Target};

impl KindWords for Window {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "hoàn thành trong thời hạn";

    /// The months of the plan's windows (`24 in Plan 143`, `Kế hoạch 143: 24 tháng,
    /// tức 02 năm`), what each of its windows runs from, asks and applies to, by
    /// its rule id, and an example on the first.
    fn quotes(targets: &[(&Target, &Self)], glossary: &Glossary, lang: Lang) -> Quotes {
        let plan = glossary.name(lang);
        let months = match lang {
            Lang::En => format!(
                "{} in {plan}",
                either(targets.iter().map(|(_, w)| w.months), lang)
            ),
            Lang::Vi => {
                let each = targets.iter().map(|(_, w)| match w.months % 12 {
                    // the plan counts whole years as `02 năm`
                    0 => format!("{} tháng, tức {:02} năm", w.months, w.months / 12),
                    _ => format!("{} tháng", w.months),
                });
                format!("{plan}: {}", either(each, lang))
            }
        };
        let mut quotes = vec![
            ("months", months),
            ("anchors", anchors(targets, lang)),
            ("requires", requires(targets, lang)),
            ("title_level", title_level(targets, lang)),
        ];
        if let Some((_, first)) = targets.first() {
            quotes.extend(example(first, lang));
        }
        quotes
    }

    fn cells(row: &WindowRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        let population = row.population;
        [
            match row.program {
                Some(p) => glossary.program(p, lang).to_owned(),
                None => lang.words().title_programme_of_level.to_owned(),
            },
            row.deadline.map_or_else(
                || "—".to_owned(),
                |d| match lang {
                    Lang::En => format!("by {}", lang.date(d)),
                    Lang::Vi => format!("đến {}", lang.date(d)),
                },
            ),
            population.to_string(),
            row.counts.done.to_string(),
            format!("{population} (100%)"),
            row.counts.overdue.to_string(),
        ]
    }

    /// What the row's counts are: `TITLE-2Y: 210 people in scope, all required:
    /// 149 done (in Achieved), 6 done late, 8 overdue (in Shortfall), …`.
    fn remark(row: &WindowRow, rule: &str, lang: Lang, _: &Glossary) -> Option<String> {
        let c = row.counts;
        let counts = [
            (c.done, ["done", "đã hoàn thành"], Shown::Achieved),
            (c.late, ["done late", "hoàn thành muộn"], Shown::Nowhere),
            (c.overdue, ["overdue", "quá hạn"], Shown::Shortfall),
            (c.due_soon, ["due soon", "sắp đến hạn"], Shown::Nowhere),
            (c.open, ["open (not yet due)", "chưa đến hạn"], Shown::Nowhere),
            (c.missing_data, ["missing data", "thiếu dữ liệu"], Shown::Nowhere),
        ];
        let who = [("person", "people"), ("người", "hoàn thành")];
        Some(counted(rule, row.population, who, &counts, lang))
    }
}

/// The dates the DOC writes, in both languages.
fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// What the windows run from, each with its rule ids: `the appointment or
/// election (TITLE-2Y, SECTOR-2Y) or the approval of the planning for a
/// Politburo/Secretariat-managed title (CVCC-2Y)`.
fn anchors(targets: &[(&Target, &Window)], lang: Lang) -> String {
    let mut by_anchor: Vec<(Anchor, Vec<&str>)> = Vec::new();
    for (t, w) in targets {
        match by_anchor.iter_mut().find(|(a, _)| *a == w.anchor) {
            Some((_, rules)) if !rules.contains(&t.rule.as_str()) => rules.push(&t.rule),
            Some(_) => {}
            None => by_anchor.push((w.anchor, vec![&t.rule])),
        }
    }
    let each: Vec<String> = by_anchor
        .iter()
        .map(|(anchor, rules)| {
            let date = match (lang, anchor) {
                (Lang::En, Anchor::AppointedOn) => "the appointment or election",
                (Lang::En, Anchor::CentralPlanApprovedOn) => {
                    "the approval of the planning for a Politburo/Secretariat-managed title"
                }
                (Lang::Vi, Anchor::AppointedOn) => "ngày được bổ nhiệm hoặc được bầu",
                (Lang::Vi, Anchor::CentralPlanApprovedOn) => {
                    "ngày được phê duyệt quy hoạch chức danh Bộ Chính trị, Ban Bí thư quản lý"
                }
            };
            format!("{date} ({})", rules.join(", "))
        })
        .collect();
    each.join(match lang {
        Lang::En => " or ",
        Lang::Vi => ", hoặc ",
    })
}

/// What each window asks and whom it applies to, by rule id: `TITLE-2Y requires
/// …; CVCC-2Y senior_specialist. TITLE-2Y applies to every incumbent, …`.
fn requires(targets: &[(&Target, &Window)], lang: Lang) -> String {
    let asks: Vec<String> = targets
        .iter()
        .enumerate()
        .map(|(i, (t, w))| {
            let program = match (lang, w.program) {
                (Lang::En, Required::ByTitleLevel) => {
                    "title_department or title_district by the official's title_level".to_owned()
                }
                (Lang::Vi, Required::ByTitleLevel) => {
                    "bồi dưỡng lãnh đạo, quản lý cấp sở hoặc cấp huyện, theo cấp chức danh của \
                     cán bộ"
                        .to_owned()
                }
                (Lang::En, Required::Program(p)) => p.code().to_owned(),
                (Lang::Vi, Required::Program(p)) => format!("bồi dưỡng {}", vi_name(p)),
            };
            match (lang, i) {
                (Lang::En, 0) => format!("{} requires {program}", t.rule),
                (Lang::En, _) => format!("{} {program}", t.rule),
                (Lang::Vi, _) => format!("{} yêu cầu {program}", t.rule),
            }
        })
        .collect();
    let applies: Vec<String> = targets
        .iter()
        .enumerate()
        .map(|(i, (t, w))| {
            let whom = lang.applies_to(w.applies_to);
            match (lang, i) {
                (Lang::En, 0) => format!("{} applies to {whom}", t.rule),
                (Lang::En, _) => format!("{} to {whom}", t.rule),
                (Lang::Vi, 0) => format!("{} áp dụng cho {whom}", t.rule),
                (Lang::Vi, _) => format!("{} cho {whom}", t.rule),
            }
        })
        .collect();
    format!("{}. {}.", asks.join("; "), applies.join(", "))
}

/// A programme as the DOC names it in Vietnamese.
fn vi_name(program: Program) -> &'static str {
    match program {
        Program::TitleDepartment => "lãnh đạo, quản lý cấp sở",
        Program::TitleDistrict => "lãnh đạo, quản lý cấp huyện",
        Program::SeniorSpecialist => "ngạch chuyên viên cao cấp",
        Program::PrincipalSpecialist => "ngạch chuyên viên chính",
        Program::Sector => "ngành, lĩnh vực",
        Program::Language => "ngoại ngữ",
        Program::Master => "thạc sĩ",
        Program::Doctor => "tiến sĩ",
    }
}

/// The windows that go by the title level, which a roster may leave empty:
/// ` (or, for TITLE-2Y, a missing title_level)`; nothing when none does.
fn title_level(targets: &[(&Target, &Window)], lang: Lang) -> String {
    let mut rules: Vec<&str> = Vec::new();
    for (t, w) in targets {
        if w.program == Required::ByTitleLevel && !rules.contains(&t.rule.as_str()) {
            rules.push(&t.rule);
        }
    }
    if rules.is_empty() {
        return String::new();
    }
    let rules = rules.join(", ");
    match lang {
        Lang::En => format!(" (or, for {rules}, a missing title_level)"),
        Lang::Vi => format!(" (hoặc, với {rules}, thiếu cấp chức danh)"),
    }
}

/// The example on `window`: who, what and the days around its deadline from
/// 01/03/2024, and how a day the deadline's month does not have falls.
fn example(window: &Window, lang: Lang) -> Quotes {
    let from = NaiveDate::from_ymd_opt(2024, 3, 1);
    let due = from.and_then(|d| deadline(d, window.months));
    let after = due.and_then(|d| d.checked_add_days(Days::new(1)));
    let program = match window.program {
        Required::ByTitleLevel => TitleLevel::Department.title_program(),
        Required::Program(p) => p,
    };
    let anchored = match (lang, window.anchor) {
        (Lang::En, Anchor::AppointedOn) => "Appointed",
        (Lang::En, Anchor::CentralPlanApprovedOn) => "Planning approved",
        (Lang::Vi, Anchor::AppointedOn) => "Bổ nhiệm ngày",
        (Lang::Vi, Anchor::CentralPlanApprovedOn) => "Phê duyệt quy hoạch ngày",
    };
    vec![
        ("clamp", clamp(window.months, lang)),
        ("anchored", anchored.to_owned()),
        (
            "program",
            match lang {
                Lang::En => program.code().to_owned(),
                Lang::Vi => format!("bồi dưỡng {}", vi_name(program)),
            },
        ),
        ("deadline", due.map(day).unwrap_or_default()),
        ("late", after.map(day).unwrap_or_default()),
    ]
}

/// How `months` from a day the deadline's month does not have falls on its last
/// day: `29/02/2024 + 24 months = 28/02/2026`.
fn clamp(months: u32, lang: Lang) -> String {
    let unit = |n: u32| match (lang, n) {
        (Lang::En, 1) => "month",
        (Lang::En, _) => "months",
        (Lang::Vi, _) => "tháng",
    };
    let candidates = [
        (2, 29),
        (1, 31),
        (3, 31),
        (5, 31),
        (7, 31),
        (8, 31),
        (10, 31),
        (12, 31),
    ];
    let clamped = candidates.iter().find_map(|&(month, d)| {
        let from = NaiveDate::from_ymd_opt(2024, month, d)?;
        let to = deadline(from, months)?;
        (to.day() != from.day()).then_some((from, months, to))
    });
    // months that never fall short (48 from 29/02/2024 is 29/02/2028): one month
    let fallback = || {
        let from = NaiveDate::from_ymd_opt(2024, 1, 31)?;
        Some((from, 1, deadline(from, 1)?))
    };
    match clamped.or_else(fallback) {
        Some((from, n, to)) => format!("{} + {n} {} = {}", day(from), unit(n), day(to)),
        None => String::new(),
    }
}

/// What `explain` prints about a window.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
Every official the rule applies to completes the required programme within N calendar
months ({months}) of an anchor date: {anchors}. The target is 100%.

## How it is computed
deadline = anchor + N calendar months; a day the target month does not have becomes its
last day ({clamp}). Only completed enrolments with a
completion date count; the earliest completion of the required programme decides:
- completed on or before the deadline (also before the anchor): done;
- completed after the deadline: late (warning, with the days late);
- not completed and the deadline is before as-of: overdue (error, with the days overdue);
- not completed, deadline within --due-soon-days (default 90) of as-of: due_soon (warning);
- otherwise open.
{requires} The target is a gap when anyone is overdue, at risk when anyone is late, due soon or missing data, met when everyone is done.

## Example
{anchored} 01/03/2024, deadline {deadline}. Completed {program} on {deadline}:
done. Completed on {late}: late by 1 day. Nothing completed, as-of {deadline}: due
soon, 0 days left; as-of {late}: overdue by 1 day.

## Edge cases
- The deadline day itself is not yet overdue.
- A missing anchor date{title_level} makes the person
  missing_data, a warning, never silently skipped.
- A completion of the other level's title programme does not count.
- Withdrawn enrolments and enrolments still in progress never count as completions.
- Nobody the rule applies to: no_data.
",
    vi: "\
## Kiểm tra điều gì
Mọi cán bộ thuộc đối tượng của chỉ tiêu hoàn thành chương trình bồi dưỡng phải học trong
vòng N tháng ({months}) kể từ một ngày mốc: {anchors}. Chỉ tiêu là 100%.

## Cách tính
Hạn = ngày mốc + N tháng theo lịch; tháng đến hạn không có ngày đó thì lấy ngày cuối tháng
({clamp}). Chỉ tính các lượt học đã hoàn thành có ngày hoàn
thành; lần hoàn thành sớm nhất chương trình phải học quyết định:
- hoàn thành vào hoặc trước hạn (kể cả trước ngày mốc): đã hoàn thành;
- hoàn thành sau hạn: hoàn thành muộn (cảnh báo, kèm số ngày muộn);
- chưa hoàn thành và hạn đã qua trước ngày tính đến (--as-of): quá hạn (lỗi, kèm số ngày
  quá hạn);
- chưa hoàn thành, hạn còn trong vòng --due-soon-days ngày (mặc định 90) kể từ ngày tính
  đến: sắp đến hạn (cảnh báo);
- còn lại: chưa đến hạn.
{requires} Chỉ tiêu chưa đạt khi có người quá hạn; có nguy cơ không đạt khi có người hoàn thành muộn, sắp đến hạn hoặc thiếu dữ liệu; đạt khi mọi người đều đã hoàn thành.

## Ví dụ
{anchored} 01/03/2024, hạn {deadline}. Hoàn thành {program} ngày {deadline}: đã hoàn thành. Hoàn thành ngày {late}: hoàn thành muộn 1 ngày. Chưa hoàn thành gì, tính đến ngày {deadline}: sắp đến hạn, còn 0 ngày; tính đến ngày {late}: quá hạn 1 ngày.

## Trường hợp đặc biệt
- Chính ngày đến hạn chưa tính là quá hạn.
- Thiếu ngày mốc{title_level} thì cán bộ là thiếu dữ liệu, một cảnh báo, không bao giờ bị bỏ qua mà không báo.
- Hoàn thành chương trình bồi dưỡng chức danh của cấp khác không được tính.
- Lượt học đã thôi học và lượt học đang học không bao giờ được tính là đã hoàn thành.
- Không có ai thuộc đối tượng của chỉ tiêu: không có dữ liệu.
",
};
