//! The words of officials sent abroad against the central quota
//! (`plan::kinds::overseas`).

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Quotes, rules};
use crate::lang::Lang;
use crate::plan::kinds::overseas::Overseas;
use crate::plan::kinds::quota::{Quota, QuotaRow};
use crate::plan::{Glossary, Target};

impl KindWords for Overseas {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "bồi dưỡng ở nước ngoài";

    /// The rule ids whose quotas the office sets.
    fn quotes(targets: &[(&Target, &Self)], _: &Glossary, _: Lang) -> Quotes {
        vec![("rules", rules(targets))]
    }

    /// An overseas row is a quota's whose subject is going abroad.
    fn cells(row: &QuotaRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        <Quota as KindWords>::cells(row, lang, glossary)
    }
}

/// What `explain` prints about an overseas target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
The province sends officials to fostering courses abroad up to the quota that central
agencies allocate. The plan gives no number: the office sets it per year in the plan file
(`quotas = { 2025 = 3 }` under the {rules} target). Without it the rule reports the
counts only.

## How it is computed
For each year from from_year to the year of as-of (and any later year with a quota):
achieved = distinct officials with an enrolment abroad = yes that is not withdrawn and
starts in that year. A year with a quota is judged like a year of a quota (past years met
or a gap, the current year in progress or at risk by pace, later years open); a year
without one is no_data, reported for information and never a failure.

## Example
quotas = { 2024 = 3 }: two officials started courses abroad in 2024 → gap, shortfall 1
(as-of 2025 or later).

## Edge cases
- A withdrawn enrolment abroad does not count.
- One official going abroad twice in a year counts once.
",
    vi: "\
## Kiểm tra điều gì
Tỉnh cử cán bộ tham gia các lớp bồi dưỡng ở nước ngoài đảm bảo theo chỉ tiêu phân bổ của
các cơ quan Trung ương. Kế hoạch không nêu con số: cơ quan tự đặt chỉ tiêu từng năm trong
tệp kế hoạch (`quotas = { 2025 = 3 }` dưới chỉ tiêu {rules}). Nếu không có, chỉ tiêu này
chỉ báo số lượng.

## Cách tính
Với mỗi năm từ năm bắt đầu của chỉ tiêu đến năm của ngày tính đến (--as-of), và mọi năm
sau đó có chỉ tiêu: số đã đạt = số cán bộ khác nhau có một lượt học ở nước ngoài (cột Ở
nước ngoài là có), không thôi học, bắt đầu trong năm đó. Năm có chỉ tiêu được đánh giá như
chỉ tiêu số lượng cử đi học hằng năm (năm đã qua: đạt hoặc chưa đạt; năm hiện tại: đang
thực hiện, hoặc có nguy cơ không đạt khi chậm so với tiến độ; các năm sau: chưa đến hạn);
năm chưa giao chỉ tiêu ghi là chưa giao chỉ tiêu, số liệu chỉ để tham khảo và không bao
giờ là chưa đạt.

## Ví dụ
quotas = { 2024 = 3 }: hai cán bộ bắt đầu học ở nước ngoài năm 2024 → chưa đạt, thiếu 1
(tính đến năm 2025 trở đi).

## Trường hợp đặc biệt
- Lượt học ở nước ngoài đã thôi học không được tính.
- Một cán bộ đi nước ngoài hai lần trong một năm chỉ tính một lần.
",
};
