//! Officials sent to fostering abroad against the central quota: OVERSEAS (II.2.g).

use chrono::Datelike;

use crate::i18n::Bilingual;
use crate::diag::Diagnostic;
use crate::plan::Target;
use crate::plan::kinds::quota::{QuotaRow, Subject, YearQuota, pace_note, quotas, year_status};
use crate::plan::kinds::{Out, RuleKind, Table};
use crate::plan::kinds::shared::{Context, TargetNote, TargetStatus};

/// Officials sent abroad against a centrally allocated quota (II.2.g).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overseas {
    pub from_year: i32,
    /// Set by the office; empty = counts only.
    pub years: Vec<YearQuota>,
}

impl RuleKind for Overseas {
    const NAME: &'static str = "overseas";
    const KEYS: &'static [&'static str] = &["from_year", "quotas"];
    const DOC: Bilingual = DOC;
    /// A quota whose subject is going abroad.
    type Row = QuotaRow;

    fn parse(t: &Table<'_>) -> Result<Overseas, Diagnostic> {
        Ok(Overseas {
            from_year: t.year(&t.need("from_year")?, "from_year")?,
            years: match t.get("quotas")? {
                Some(q) => quotas(t, &q)?,
                None => Vec::new(),
            },
        })
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, QuotaRow>) {
        let overseas = self;
        let last = overseas
            .years
            .iter()
            .map(|y| y.year)
            .max()
            .unwrap_or(i32::MIN)
            .max(ctx.as_of.year());
        for year in overseas.from_year..=last {
            let n = ctx
                .roster
                .iter()
                .filter(|(idx, _)| ctx.history.abroad_in(*idx, year))
                .count();
            let achieved = u32::try_from(n).unwrap_or(u32::MAX);
            let quota = overseas.years.iter().find(|y| y.year == year);
            let (status, severity, shortfall) = match quota {
                Some(q) => year_status(year, q.quota, achieved, ctx.as_of),
                None => (TargetStatus::NoData, None, None),
            };
            let note = match quota {
                Some(_) => pace_note(status),
                None => Some(TargetNote::NoQuota),
            };
            out.row(
                status,
                severity,
                note,
                QuotaRow {
                    subject: Subject::Abroad { abroad: true },
                    year,
                    quota: quota.map(|q| q.quota),
                    derived: false,
                    achieved,
                    shortfall,
                },
            );
        }
    }
}

/// What `explain` prints about an overseas target.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
The province sends officials to fostering courses abroad up to the quota that central
agencies allocate. The plan gives no number: the office sets it per year in the plan file
(`quotas = { 2025 = 3 }` under the OVERSEAS target). Without it the rule reports the
counts only.

## How it is computed
For each year from from_year to the year of as-of (and any later year with a quota):
achieved = distinct officials with an enrolment abroad = yes that is not withdrawn and
starts in that year. A year with a quota is judged like an App. 02 quota (past years met
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
tệp kế hoạch (`quotas = { 2025 = 3 }` dưới chỉ tiêu OVERSEAS). Nếu không có, chỉ tiêu này
chỉ báo số lượng.

## Cách tính
Với mỗi năm từ from_year đến năm của ngày tính (as-of), và mọi năm sau đó có chỉ tiêu:
số đã đạt = số cán bộ khác nhau có một lượt học ở nước ngoài (abroad = yes), không thôi
học (withdrawn), bắt đầu trong năm đó. Năm có chỉ tiêu được đánh giá như một chỉ tiêu của
Phụ lục 02 (năm đã qua: đạt hoặc chưa đạt; năm hiện tại: đang thực hiện, hoặc có nguy cơ
khi chậm so với tiến độ; các năm sau: chưa đến hạn); năm không có chỉ tiêu là không có dữ
liệu (no_data), chỉ để tham khảo và không bao giờ là chưa đạt.

## Ví dụ
quotas = { 2024 = 3 }: hai cán bộ bắt đầu học ở nước ngoài năm 2024 → chưa đạt, thiếu 1
(tính đến năm 2025 trở đi).

## Trường hợp đặc biệt
- Lượt học ở nước ngoài đã thôi học (withdrawn) không được tính.
- Một cán bộ đi nước ngoài hai lần trong một năm chỉ tính một lần.
",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnrolmentStatus, Program, Severity};
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::testing::*;

    fn overseas(quotas: &[(i32, u32)]) -> Target {
        target(
            "OVERSEAS",
            Kind::Overseas(Overseas {
                from_year: 2023,
                years: quotas
                    .iter()
                    .map(|&(year, quota)| YearQuota {
                        year,
                        quota,
                        derived: false,
                    })
                    .collect(),
            }),
        )
    }

    fn world() -> World {
        let mut w = World::new(vec![incumbent("A"), incumbent("B")]);
        let start = date(2024, 4, 1);
        w.enrol(
            "A",
            Program::Sector,
            start,
            None,
            EnrolmentStatus::Enrolled,
            true,
        );
        w.enrol(
            "A",
            Program::Language,
            start,
            None,
            EnrolmentStatus::Enrolled,
            true,
        );
        w.enrol(
            "B",
            Program::Sector,
            start,
            None,
            EnrolmentStatus::Withdrawn,
            true,
        );
        w.enrol(
            "B",
            Program::Sector,
            start,
            None,
            EnrolmentStatus::Enrolled,
            false,
        );
        w
    }

    #[test]
    fn without_a_quota_it_only_counts() {
        let w = world();
        let e = run(&overseas(&[]), &w.ctx(date(2025, 5, 1)));
        assert_eq!(e.targets.len(), 3);
        assert!(
            e.targets
                .iter()
                .all(|t| t.status == TargetStatus::NoData && t.severity.is_none())
        );
        assert!(
            e.targets
                .iter()
                .all(|t| t.note_code == Some(TargetNote::NoQuota))
        );
        match e.targets[1].detail {
            Detail::Overseas(QuotaRow { year, achieved, .. }) => {
                assert_eq!((year, achieved), (2024, 1))
            }
            _ => unreachable!(),
        }
    }

    #[test]
    fn with_a_quota_it_judges_the_year() {
        let w = world();
        let e = run(&overseas(&[(2024, 2), (2027, 1)]), &w.ctx(date(2025, 5, 1)));
        assert_eq!(e.targets.len(), 5);
        assert_eq!(e.targets[1].status, TargetStatus::Gap);
        assert_eq!(e.targets[1].severity, Some(Severity::Error));
        assert_eq!(e.targets[4].status, TargetStatus::Open);
    }
}
