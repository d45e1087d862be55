//! The words of an average number of postgraduate starts a year
//! (`plan::kinds::postgraduate`).

use chrono::NaiveDate;

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Quotes, either};
use crate::lang::Lang;
use crate::plan::kinds::postgraduate::{Postgraduate, PostgraduateRow};
use crate::plan::{Glossary, Target};

impl KindWords for Postgraduate {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "đào tạo sau đại học";

    /// The plan's yearly range, the year it counts from, and an example on them.
    fn quotes(targets: &[(&Target, &Self)], _: &Glossary, lang: Lang) -> Quotes {
        let each = || targets.iter().map(|(_, p)| *p);
        let mut quotes = vec![
            ("min", either(each().map(|p| p.min_per_year), lang)),
            ("max", either(each().map(|p| p.max_per_year), lang)),
            ("from", either(each().map(|p| p.from_year), lang)),
        ];
        if let Some(first) = each().next() {
            quotes.push(("example", example(first, lang)));
        }
        quotes
    }

    fn cells(row: &PostgraduateRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        let (min, max) = (row.min_per_year, row.max_per_year);
        [
            row.programs
                .iter()
                .map(|p| glossary.program(*p, lang))
                .collect::<Vec<_>>()
                .join(", "),
            match (row.years.first(), row.years.last(), row.current) {
                (Some(a), Some(b), _) if a.year != b.year => format!("{}–{}", a.year, b.year),
                (Some(a), _, _) => a.year.to_string(),
                (None, _, Some(c)) => match lang {
                    Lang::En => format!("{} so far", c.year),
                    Lang::Vi => format!("{} đến nay", c.year),
                },
                (None, _, None) => "—".to_owned(),
            },
            match lang {
                Lang::En => format!("{min}–{max} a year"),
                Lang::Vi => format!("{min}–{max} mỗi năm"),
            },
            row.achieved.to_string(),
            row.required.to_string(),
            row.shortfall.to_string(),
        ]
    }
}

/// The DOC's example on the plan's range from its first year: three years met,
/// then (when the range asks for anyone) two years short by 3.
fn example(pg: &Postgraduate, lang: Lang) -> String {
    let (from, min, max) = (pg.from_year, pg.min_per_year, pg.max_per_year);
    let years = |counts: &[u32]| -> String {
        let each: Vec<String> = (from..)
            .zip(counts)
            .map(|(year, n)| format!("{year}: {n}"))
            .collect();
        each.join(", ")
    };
    let as_of = |year: i32, month: u32, day: u32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .map_or_else(String::new, |d| lang.date(d).to_string())
    };
    let met = [min + 2, min.saturating_sub(1), max.saturating_sub(1)];
    let (s, required) = (met.iter().sum::<u32>(), 3 * min);
    // the average to a tenth, rounded half up
    let tenths = (20 * s + 3) / 6;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let (counts, day) = (years(&met), as_of(from + 3, 11, 25));
    let mut text = match lang {
        Lang::En => format!(
            "{counts} as-of {day} → S = {s} over 3 years, required {required}: met (average {whole}.{tenth})."
        ),
        Lang::Vi => format!(
            "{counts}, tính đến ngày {day} → S = {s} trong 3 năm, cần {required}: đạt (bình quân {whole},{tenth})."
        ),
    };
    if min > 0 {
        let short = [min.saturating_sub(2), min - 1];
        let (s, required) = (short.iter().sum::<u32>(), 2 * min);
        let shortfall = required - s;
        let (counts, day) = (years(&short), as_of(from + 2, 3, 1));
        text.push_str(&match lang {
            Lang::En => format!(
                " {counts} as-of {day} → S = {s}, required {required}: gap, shortfall {shortfall}."
            ),
            Lang::Vi => format!(
                " {counts}, tính đến ngày {day} → S = {s}, cần {required}: chưa đạt, thiếu {shortfall}."
            ),
        });
    }
    text
}

/// What `explain` prints about a postgraduate target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
On average, {min} to {max} officials a year are sent to master's or doctoral training
(party bodies included), over the years of the plan from its first year.

## How it is computed
For each year from from_year ({from}) up to the year before as-of: the distinct officials
with a master or doctor enrolment that is not withdrawn and starts in that year (one
person counts once a year, whichever of the two programmes). Over those n complete years
with S starts: met when S ≥ {min} × n (the average is at least {min}), a gap (error) short by
{min} × n − S otherwise. Above {max} × n is still met; the report says it is above the range.
The year of as-of is shown beside it and judged on its own pace when no year is complete.

## Example
{example}

## Edge cases
- No complete year yet (as-of in the first year): in progress, at risk when behind the
  pace of {min} a year.
- An official starting both a master and a doctorate in one year counts once.
- Withdrawn enrolments do not count.
",
    vi: "\
## Kiểm tra điều gì
Bình quân mỗi năm cử từ {min} đến {max} cán bộ đi đào tạo trình độ thạc sĩ trở lên (bao gồm cả
khối đảng), tính trên các năm của Kế hoạch kể từ năm đầu tiên.

## Cách tính
Với mỗi năm từ năm đầu tiên ({from}) đến năm trước năm của ngày tính đến (--as-of): số cán bộ khác nhau có một lượt học thạc sĩ hoặc tiến sĩ, không thôi học, bắt đầu trong năm đó (mỗi người tính một lần trong năm, dù học chương trình nào trong hai). Trên n năm trọn vẹn đó với S lượt bắt đầu: đạt khi S ≥ {min} × n (bình quân ít nhất {min}), nếu không là chưa đạt (lỗi), thiếu {min} × n − S. Trên {max} × n vẫn là đạt; báo cáo nói rõ là vượt khoảng. Năm của ngày tính đến được ghi bên cạnh, và được đánh giá theo tiến độ riêng của nó khi chưa có năm nào trọn vẹn.

## Ví dụ
{example}

## Trường hợp đặc biệt
- Chưa có năm trọn vẹn (ngày tính đến thuộc năm đầu tiên): đang thực hiện, hoặc có nguy
  cơ không đạt khi chậm so với tiến độ {min} người mỗi năm.
- Một cán bộ bắt đầu cả thạc sĩ lẫn tiến sĩ trong một năm chỉ tính một lần.
- Lượt học đã thôi học không được tính.
",
};
