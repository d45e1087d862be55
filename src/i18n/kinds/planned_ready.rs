//! The words of planned officials who lack the programme of their planned title
//! (`plan::kinds::planned_ready`).

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Shown, counted};
use crate::lang::Lang;
use crate::plan::Glossary;
use crate::plan::kinds::planned_ready::{PlannedReady, PlannedReadyRow};

impl KindWords for PlannedReady {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "cán bộ quy hoạch đáp ứng tiêu chuẩn";

    fn cells(row: &PlannedReadyRow, lang: Lang, _: &Glossary) -> [String; 6] {
        [
            lang.words().title_programme_of_planned_level.to_owned(),
            "—".to_owned(),
            row.population.to_string(),
            row.ready.to_string(),
            row.population.to_string(),
            (row.not_ready + row.missing_data).to_string(),
        ]
    }

    /// What the row's counts are: `PLANNED-READY: 90 planned officials in scope,
    /// all required: 56 ready (in Achieved), 28 not ready (in Shortfall), 6 missing data
    /// (in Shortfall).`
    fn remark(row: &PlannedReadyRow, rule: &str, lang: Lang, _: &Glossary) -> Option<String> {
        let counts = [
            (row.ready, ["ready", "đã đáp ứng"], Shown::Achieved),
            (row.not_ready, ["not ready", "chưa đáp ứng"], Shown::Shortfall),
            (row.missing_data, ["missing data", "thiếu dữ liệu"], Shown::Shortfall),
        ];
        let who = [
            ("planned official", "planned officials"),
            ("cán bộ quy hoạch", "đáp ứng"),
        ];
        Some(counted(rule, row.population, who, &counts, lang))
    }
}

/// What `explain` prints about the planned officials' target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
Officials in the planning (quy hoạch) for a title have completed the fostering programme
of that title: title_department for a department-level title, title_district for a
district-level one.

## How it is computed
The population is every planned official. One with a completed enrolment (any date) of
the programme of the planned title's level is ready; one without is not_ready (a warning
finding, noting an enrolment in progress); one without a title_level is missing_data.
The target is met when everyone is ready, at risk (warning) otherwise.

## Example
A planned official with title_level department who completed title_district only is
not_ready: the department-level programme is the one that counts.

## Edge cases
- No planned official in the roster: no_data.
- Withdrawn enrolments and enrolments in progress do not make anyone ready.
",
    vi: "\
## Kiểm tra điều gì
Cán bộ quy hoạch một chức danh đã hoàn thành chương trình bồi dưỡng của chức danh đó:
bồi dưỡng lãnh đạo, quản lý cấp sở cho chức danh cấp sở, bồi dưỡng lãnh đạo, quản lý cấp
huyện cho chức danh cấp huyện.

## Cách tính
Đối tượng là mọi cán bộ quy hoạch. Người đã hoàn thành (vào bất kỳ ngày nào) một lượt học
thuộc chương trình của cấp chức danh quy hoạch là đáp ứng; người chưa có là chưa đáp ứng
(một trường hợp mức cảnh báo, có ghi chú nếu đang học); người chưa có cấp chức danh là
thiếu dữ liệu. Chỉ tiêu đạt khi mọi người đều đáp ứng, nếu không là có nguy cơ không đạt
(cảnh báo).

## Ví dụ
Cán bộ quy hoạch có cấp chức danh là cấp sở mới hoàn thành bồi dưỡng lãnh đạo, quản lý
cấp huyện là chưa đáp ứng: chương trình cấp sở mới là chương trình được tính.

## Trường hợp đặc biệt
- Danh sách không có cán bộ quy hoạch nào: không có dữ liệu.
- Lượt học đã thôi học và lượt học đang học không làm ai đáp ứng.
",
};
