//! The words of heads of institutions holding a doctorate by a date
//! (`plan::kinds::doctorate`).

use chrono::{Datelike, Days};

use crate::i18n::{Bilingual, and_list};
use crate::i18n::kinds::{KindWords, Quotes, either};
use crate::lang::Lang;
use crate::model::HeadOf;
use crate::plan::kinds::doctorate::Doctorate;
use crate::plan::kinds::window::{Window, WindowRow};
use crate::plan::{Glossary, Target};

impl KindWords for Doctorate {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "trình độ tiến sĩ của người đứng đầu";

    /// The heads the plan names, the deadline as the plan gives it (`by 2026`)
    /// and as a day (`31/12/2026`), and an example on the first target.
    fn quotes(targets: &[(&Target, &Self)], _: &Glossary, lang: Lang) -> Quotes {
        let mut heads: Vec<HeadOf> = Vec::new();
        for (_, d) in targets {
            for head in &d.heads {
                if !heads.contains(head) {
                    heads.push(*head);
                }
            }
        }
        let mut quotes = vec![
            ("heads", and_list(&heads.iter().map(|h| lang.head_of(*h)).collect::<Vec<_>>(), lang)),
            (
                "year",
                either(targets.iter().map(|(_, d)| d.deadline.year()), lang),
            ),
            (
                "deadline",
                either(
                    targets.iter().map(|(_, d)| d.deadline.format("%d/%m/%Y")),
                    lang,
                ),
            ),
        ];
        if let Some((_, first)) = targets.first() {
            // a college head, as the plan's first example, when the plan names one
            let who = if first.heads.contains(&HeadOf::College) {
                Some(HeadOf::College)
            } else {
                first.heads.first().copied()
            };
            let day = |days: i64| {
                let date = if days < 0 {
                    first
                        .deadline
                        .checked_sub_days(Days::new(days.unsigned_abs()))
                } else {
                    first
                        .deadline
                        .checked_add_days(Days::new(days.unsigned_abs()))
                };
                date.map_or_else(String::new, |d| lang.date(d).to_string())
            };
            quotes.extend([
                (
                    "head",
                    who.map_or_else(String::new, |h| lang.one_head(h).to_owned()),
                ),
                ("soon", day(-36)),
                ("after", day(1)),
            ]);
        }
        quotes
    }

    /// A doctorate's row is a window's with a fixed deadline.
    fn cells(row: &WindowRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        <Window as KindWords>::cells(row, lang, glossary)
    }
}

/// What `explain` prints about a doctorate target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
The head {heads} holds a doctorate by {year}, read as by {deadline}.

## How it is computed
The population is incumbents whose head_of is one of those institutions. A head whose
degree is doctor, or who completed a doctor enrolment on or before the deadline, is done;
one who completed it after the deadline is late. Otherwise the deadline decides, as for
the window rules: overdue (error) after {deadline}, due_soon (warning) within
--due-soon-days of it, else open.

## Example
As-of {soon}: {head} with a master's degree and no doctorate is due soon,
36 days left; as-of {after} the same head is overdue by 1 day.

## Edge cases
- {deadline} itself is not yet overdue.
- An enrolment in a doctorate that is still in progress does not count, but is noted.
- No head in the roster: no_data.
- Planned officials are not heads yet and are not counted.
",
    vi: "\
## Kiểm tra điều gì
Người đứng đầu {heads} có trình độ tiến sĩ đến năm {year}, hiểu là đến hết ngày {deadline}.

## Cách tính
Đối tượng là cán bộ đương chức có cột Người đứng đầu ghi một trong các cơ quan, đơn vị đó.
Người đứng đầu có cột Trình độ là tiến sĩ, hoặc đã hoàn thành khóa đào tạo tiến sĩ vào
hoặc trước hạn, là đã hoàn thành; người hoàn thành sau hạn là hoàn thành muộn. Nếu chưa
hoàn thành, hạn quyết định như ở các chỉ tiêu hoàn thành trong thời hạn: quá hạn (lỗi)
sau ngày {deadline}, sắp đến hạn (cảnh báo) khi còn không quá --due-soon-days ngày, còn
lại là chưa đến hạn.

## Ví dụ
Tính đến ngày {soon}: {head} có bằng thạc sĩ, chưa có bằng
tiến sĩ là sắp đến hạn, còn 36 ngày; tính đến ngày {after}, cũng người đó là quá hạn
1 ngày.

## Trường hợp đặc biệt
- Chính ngày {deadline} chưa tính là quá hạn.
- Khóa đào tạo tiến sĩ đang học chưa được tính, nhưng được ghi chú.
- Danh sách không có người đứng đầu nào: không có dữ liệu.
- Cán bộ quy hoạch chưa là người đứng đầu và không được tính.
",
};
