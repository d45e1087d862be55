//! A share of a language group at foreign-language level 4 or above:
//! LANG-1 (II.2.a), LANG-2 (II.2.b), LANG-3 (II.2.c), App. 01.

pub mod gaps;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::i18n::Bilingual;
use crate::lang::Lang;
use crate::diag::Diagnostic;
use crate::diag::problem::{Quantity, TargetOf};
use crate::model::{Language, Official, OfficialIdx, Roster, Severity};
use crate::plan::{Glossary, Target};
use crate::plan::kinds::{Lists, Out, Row, RuleKind, Table, either};
use crate::plan::kinds::shared::{Context, KeyNumbers, TargetKey, TargetNote, TargetStatus};

/// A share of a language group's incumbents at a level or above (II.2.a–c).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub group: u8,
    pub percent: u32,
    pub min_level: u8,
    /// The plan's own baseline, shown for reference.
    pub baseline: Option<String>,
}

/// What `explain` prints about a share.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
At least the plan's percentage of a language group's incumbents hold a foreign-language
level of {level} or above (bậc 4 = CEFR B2) of Vietnam's six-level framework: {shares}.

## How it is computed
population = incumbents whose language_groups include the group (planned officials do not
count); achieved = those of them at level {level} or above; required = ⌈percent × population /
100⌉ in exact integer arithmetic; shortfall = max(0, required − achieved). The target is
met when achieved × 100 ≥ percent × population, else a gap (error). No floating point is
involved: 30% of 70 is exactly 21.

## Example
Group 2 with 70 incumbents: required = 21. 21 at level 4+: met. 20: gap, shortfall 1.
Group 1 with 28 incumbents at 25%: required = 7.

## Edge cases
- An empty group is no_data (a warning: the language_groups column is probably empty).
- Groups overlap: an official in groups 1 and 2 counts in both.
- An empty language_level is no level. `C` (old certificate) is level 3, never 4.
- A certificate in language_level (IELTS 6.0, TOEIC L420 R400 S170 W160, JLPT N3, …)
  gives the highest bậc whose floor it reaches in the levels table (default: Thông tư
  23/2021/TT-BGDĐT Phụ lục 2; --levels FILE): IELTS 5.5 and TOEFL iBT 46 are level 4,
  TOEFL ITP is never more than 3. A score under the table's lowest floor is “below
  bậc 3”: not level 4, and no lower level is guessed.
- A certificate the table does not cover (TOPIK, Aptis, TOEIC listening and reading
  only, IELTS without a score) is warning[unknown-certificate]: the official stays in
  the population, is not counted at level 4 until a person reviews it, so achieved is
  a floor and the shortfall a ceiling.
- When the roster holds any certificate, each LANG row says where its levels came
  from: by_certificate (of the achieved), to_review and expired_ignored (expired
  certificates of level 4+ left out) in JSON, and a line under the targets table. In
  `gaps`, a candidate whose certificate awaits review is listed first (“review first:
  may already count”: a review costs less than a course), and a certificate below
  bậc 3 ranks just after a stated level 2.
- An expired certificate (certificate_date + the type's validity before as-of) is
  warning[expired-certificate] and still counts, since the plan ties bậc 4 to no
  validity period; --expired-certificates ignore leaves it out.
",
    vi: "\
## Kiểm tra điều gì
Trong mỗi nhóm ngoại ngữ, tỷ lệ cán bộ đương chức đạt trình độ ngoại ngữ bậc {level} trở lên
(bậc 4 = B2 theo CEFR) theo Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam ít nhất bằng
tỷ lệ của Kế hoạch: {shares}.

## Cách tính
Số cán bộ = cán bộ đương chức có language_groups gồm nhóm đó (cán bộ quy hoạch không được
tính); số đã đạt = những người trong số đó đạt bậc {level} trở lên; số cần đạt = ⌈tỷ lệ × số
cán bộ / 100⌉, tính chính xác bằng số nguyên; thiếu = max(0, số cần đạt − số đã đạt).
Chỉ tiêu đạt khi số đã đạt × 100 ≥ tỷ lệ × số cán bộ, nếu không là chưa đạt (lỗi). Không
dùng số thực dấu phẩy động: 30% của 70 đúng bằng 21.

## Ví dụ
Nhóm 2 có 70 cán bộ đương chức: cần đạt 21. 21 người đạt bậc 4 trở lên: đạt. 20 người:
chưa đạt, thiếu 1. Nhóm 1 có 28 cán bộ đương chức, tỷ lệ 25%: cần đạt 7.

## Trường hợp đặc biệt
- Nhóm không có ai là không có dữ liệu (no_data; một cảnh báo: cột language_groups có lẽ
  đang để trống).
- Các nhóm giao nhau: cán bộ thuộc cả nhóm 1 và nhóm 2 được tính ở cả hai nhóm.
- language_level để trống là chưa có bậc. `C` (chứng chỉ cũ) là bậc 3, không bao giờ là
  bậc 4.
- Chứng chỉ ghi ở language_level (IELTS 6.0, TOEIC L420 R400 S170 W160, JLPT N3, …) cho
  bậc cao nhất mà điểm đạt ngưỡng trong bảng quy đổi (mặc định: Thông tư 23/2021/TT-BGDĐT
  Phụ lục 2; --levels FILE): IELTS 5.5 và TOEFL iBT 46 là bậc 4, TOEFL ITP không bao giờ
  quá bậc 3. Điểm dưới ngưỡng thấp nhất của bảng là “dưới bậc 3”: không đạt bậc 4, và
  không đoán bậc thấp hơn.
- Chứng chỉ bảng quy đổi không có (TOPIK, Aptis, TOEIC chỉ có nghe và đọc, IELTS không
  ghi điểm) là warning[unknown-certificate]: cán bộ vẫn được tính vào số cán bộ nhưng
  chưa được tính là đạt bậc 4 cho đến khi có người xem xét, nên số đã đạt là mức tối
  thiểu và số thiếu là mức tối đa.
- Khi danh sách cán bộ có chứng chỉ, mỗi dòng LANG cho biết bậc lấy từ đâu: trong JSON
  là by_certificate (số đã đạt nhờ chứng chỉ), to_review (chứng chỉ chờ xem xét) và
  expired_ignored (chứng chỉ bậc 4 trở lên hết hạn không được tính), và một dòng dưới
  bảng chỉ tiêu. Trong `gaps`, ứng viên có chứng chỉ chờ xem xét được xếp đầu tiên
  (“xem xét trước: có thể đã đạt”: xem xét rẻ hơn cử đi học), và chứng chỉ dưới bậc 3
  xếp ngay sau người ghi bậc 2.
- Chứng chỉ hết hạn (certificate_date + thời hạn của loại chứng chỉ trước ngày tính) là
  warning[expired-certificate] và vẫn được tính, vì Kế hoạch không gắn bậc 4 với thời hạn
  nào; --expired-certificates ignore thì không tính.
",
};

/// ⌈percent × population / 100⌉, exactly.
pub fn required(percent: u32, population: u32) -> u32 {
    let product = u64::from(percent) * u64::from(population);
    u32::try_from(product.div_ceil(100)).unwrap_or(u32::MAX)
}

/// The population of a share: the incumbents of its group, with their index.
pub fn members<'a>(
    share: &'a Share,
    roster: &'a Roster,
) -> impl Iterator<Item = (OfficialIdx, &'a Official)> + 'a {
    roster.iter().filter(|(_, o)| is_member(share, o))
}

/// Whether an official is of the share's population: an incumbent of its group.
pub fn is_member(share: &Share, official: &Official) -> bool {
    official.is_incumbent() && official.language_groups.contains(share.group)
}

/// Whether an official holds the level the share asks for.
pub fn reaches(share: &Share, official: &Official) -> bool {
    official
        .language_level()
        .is_some_and(|l| l >= share.min_level)
}

impl RuleKind for Share {
    const NAME: &'static str = "share";
    const KEYS: &'static [&'static str] = &["group", "percent", "min_level", "baseline"];
    const DOC: Bilingual = DOC;
    type Row = ShareRow;

    fn parse(t: &Table<'_>) -> Result<Share, Diagnostic> {
        Ok(Share {
            group: t.group(&t.need("group")?)?,
            percent: t.number(&t.need("percent")?, "percent", 0..101, Quantity::Percentage)?,
            min_level: match t.get::<Spanned<i64>>("min_level")? {
                Some(v) => u8::try_from(t.number(&v, "min_level", 1..7, Quantity::Level)?)
                    .unwrap_or(4),
                None => 4,
            },
            baseline: t.get("baseline")?,
        })
    }

    /// The level and the shares of the plan: `25% of group 1, 30% of group 2 in Plan 143`.
    fn quotes(targets: &[&Share], glossary: &Glossary, lang: Lang) -> Vec<(&'static str, String)> {
        let shares: Vec<String> = targets
            .iter()
            .map(|s| {
                let group = glossary.group(s.group, lang);
                match lang {
                    Lang::En => format!("{}% of {group}", s.percent),
                    Lang::Vi => format!("{}% ở {group}", s.percent),
                }
            })
            .collect();
        let (shares, plan) = (shares.join(", "), glossary.name(lang));
        vec![
            ("level", either(targets.iter().map(|s| s.min_level), lang)),
            (
                "shares",
                match lang {
                    Lang::En => format!("{shares} in {plan}"),
                    Lang::Vi => format!("{shares} trong {plan}"),
                },
            ),
        ]
    }

    fn identity(&self) -> TargetOf {
        TargetOf::Group(self.group)
    }

    /// The candidates who would close the group's shortfall, on the language list.
    fn gaps(&self, target: &Target, ctx: &Context<'_>, lists: &mut Lists) {
        gaps::add(target, self, ctx, lists);
    }

    fn evaluate(&self, _target: &Target, ctx: &Context<'_>, out: &mut Out<'_, ShareRow>) {
        let share = self;
        let mut population = 0u32;
        let mut achieved = 0u32;
        let mut sources = Tally::default();
        // One pass over the roster: the members, and whether anyone holds a certificate.
        for official in ctx.roster.officials() {
            sources.certificates |= official.language.is_certificate();
            if !is_member(share, official) {
                continue;
            }
            population += 1;
            if reaches(share, official) {
                achieved += 1;
            }
            sources.add(share, official.language);
        }
        let required = required(share.percent, population);
        let (status, severity) = if population == 0 {
            (TargetStatus::NoData, Some(Severity::Warning))
        } else if u64::from(achieved) * 100 >= u64::from(share.percent) * u64::from(population) {
            (TargetStatus::Met, None)
        } else {
            (TargetStatus::Gap, Some(Severity::Error))
        };
        let note = if population == 0 {
            Some(TargetNote::EmptyGroup)
        } else {
            // achieved is a floor until the certificates are reviewed
            (sources.to_review > 0).then_some(TargetNote::CertificatesToReview)
        };
        out.row(
            status,
            severity,
            note,
            ShareRow {
                group: share.group,
                percent: share.percent,
                min_level: Some(share.min_level),
                population,
                achieved,
                required,
                shortfall: required.saturating_sub(achieved),
                sources: sources.finish(),
            },
        );
    }
}

/// The numbers of a share's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareRow {
    pub group: u8,
    pub percent: u32,
    /// The level the share asks for; not in reports made before it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_level: Option<u8>,
    pub population: u32,
    pub achieved: u32,
    pub required: u32,
    pub shortfall: u32,
    /// Where the levels came from: see [`LevelSources`].
    #[serde(flatten)]
    pub sources: LevelSources,
}

impl Row for ShareRow {
    fn key_numbers(&self) -> KeyNumbers {
        KeyNumbers {
            population: Some(self.population),
            achieved: self.achieved,
            required: Some(self.required),
            shortfall: Some(self.shortfall),
        }
    }

    fn key(&self) -> TargetKey {
        TargetKey {
            group: Some(self.group),
            ..TargetKey::default()
        }
    }

    fn cells(&self, lang: Lang, glossary: &Glossary) -> [String; 6] {
        let (group, percent) = (glossary.group(self.group, lang), self.percent);
        let what = match (lang, self.min_level) {
            (Lang::En, Some(level)) => format!("{group}, {percent}% at level {level}+"),
            (Lang::Vi, Some(level)) => format!("{group}, {percent}% đạt bậc {level} trở lên"),
            (Lang::En, None) => format!("{group}, {percent}%"),
            (Lang::Vi, None) => format!("{group}, {percent}%"),
        };
        [
            what,
            "—".to_owned(),
            self.population.to_string(),
            self.achieved.to_string(),
            self.required.to_string(),
            self.shortfall.to_string(),
        ]
    }

    fn remark(&self, rule: &str, lang: Lang, _: &Glossary) -> Option<String> {
        level_sources(self, rule, lang)
    }
}

/// Where a share's levels came from, for the officer who reports its number: of
/// the achieved, how many on a certificate; of the population, how many hold a
/// certificate that awaits manual review (so achieved is a floor), and how many an
/// expired one that would reach the level but is left out
/// (`--expired-certificates ignore`). Every field is absent when the roster holds
/// no certificate at all, so a roster of plain levels reports as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelSources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_certificate: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_review: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_ignored: Option<u32>,
}

impl LevelSources {
    /// Whether any official of the share needs saying: a certificate counted,
    /// one to review, or one left out.
    pub fn any(&self) -> bool {
        [self.by_certificate, self.to_review, self.expired_ignored]
            .iter()
            .any(|n| n.is_some_and(|n| n > 0))
    }
}

/// Under the targets, for a share row whose roster holds certificates: how many
/// of the achieved came from one, how many await review or were left out
/// expired; and, when some await review and the target is short, that the
/// shortfall is an upper bound. `None`: nothing to say.
fn level_sources(row: &ShareRow, rule: &str, lang: Lang) -> Option<String> {
    let ShareRow {
        achieved,
        shortfall,
        sources,
        ..
    } = row;
    if !sources.any() {
        return None;
    }
    let n = |v: Option<u32>| v.unwrap_or(0);
    let (certified, review, expired) = (
        n(sources.by_certificate),
        n(sources.to_review),
        n(sources.expired_ignored),
    );
    // `level 4+`, `bậc 4 trở lên`; a report read back from before the level was written: the level
    let level = match (lang, row.min_level) {
        (Lang::En, Some(l)) => format!("level {l}+"),
        (Lang::Vi, Some(l)) => format!("bậc {l} trở lên"),
        (Lang::En, None) => "the level".to_owned(),
        (Lang::Vi, None) => "bậc yêu cầu".to_owned(),
    };
    let mut parts = Vec::new();
    if certified > 0 {
        parts.push(match lang {
            Lang::En => format!("{certified} of the {achieved} at {level} by certificate"),
            Lang::Vi => format!("{certified}/{achieved} người đạt {level} theo chứng chỉ"),
        });
    }
    if review > 0 {
        parts.push(match (lang, review) {
            (Lang::En, 1) => "1 certificate awaits manual review (unknown-certificate)".to_owned(),
            (Lang::En, _) => {
                format!("{review} certificates await manual review (unknown-certificate)")
            }
            (Lang::Vi, _) => format!("{review} chứng chỉ chờ xem xét (unknown-certificate)"),
        });
    }
    if expired > 0 {
        parts.push(match (lang, expired) {
            (Lang::En, 1) => format!(
                "1 expired certificate of {level} not counted (--expired-certificates ignore)"
            ),
            (Lang::En, _) => format!(
                "{expired} expired certificates of {level} not counted \
                 (--expired-certificates ignore)"
            ),
            (Lang::Vi, _) => format!(
                "{expired} chứng chỉ {level} đã hết hạn không được tính \
                 (--expired-certificates ignore)"
            ),
        });
    }
    let mut text = format!("{rule}: {}.", parts.join("; "));
    if review > 0 && *shortfall > 0 {
        text.push_str(&match lang {
            Lang::En => format!(
                " Until they are reviewed, {achieved} achieved is a floor and the shortfall \
                 of {shortfall} an upper bound."
            ),
            Lang::Vi => format!(
                " Trước khi xem xét, số đã đạt {achieved} là mức tối thiểu và số thiếu \
                 {shortfall} là mức tối đa."
            ),
        });
    }
    Some(text)
}

/// Where the levels of a share's members came from, counted as they are read.
#[derive(Default)]
struct Tally {
    /// Whether anyone of the roster, member or not, holds a certificate.
    certificates: bool,
    by_certificate: u32,
    to_review: u32,
    expired_ignored: u32,
}

impl Tally {
    fn add(&mut self, share: &Share, language: Language) {
        match language {
            Language::Certificate(level) if level >= share.min_level => self.by_certificate += 1,
            Language::Review => self.to_review += 1,
            // left out, and would reach the level if counted
            Language::Expired(level) if level >= share.min_level => self.expired_ignored += 1,
            _ => {}
        }
    }

    /// The counts, or nothing when the roster holds no certificate.
    fn finish(self) -> LevelSources {
        if !self.certificates {
            return LevelSources::default();
        }
        LevelSources {
            by_certificate: Some(self.by_certificate),
            to_review: Some(self.to_review),
            expired_ignored: Some(self.expired_ignored),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Groups;
    use crate::plan::kinds::{Detail, Kind};
    use crate::plan::kinds::shared::Evaluation;
    use crate::plan::kinds::shared::testing::*;
    use proptest::prelude::*;

    fn lang(group: u8, percent: u32) -> Target {
        target(
            "LANG",
            Kind::Share(Share {
                group,
                percent,
                min_level: 4,
                baseline: None,
            }),
        )
    }

    /// `population` incumbents of group `group`, the first `at_level_4` at level 4.
    fn group_of(group: u8, population: usize, at_level_4: usize) -> World {
        let officials = (0..population)
            .map(|i| {
                incumbent(&format!("G{i}")).with(|o| {
                    o.language_groups = Groups::default().with(group);
                    o.language = Language::Stated(if i < at_level_4 { 4 } else { 3 });
                })
            })
            .collect();
        World::new(officials)
    }

    fn verdict(e: &Evaluation) -> (TargetStatus, u32, u32, u32, u32) {
        match e.targets[0].detail {
            Detail::Share(ShareRow {
                population,
                achieved,
                required,
                shortfall,
                ..
            }) => (
                e.targets[0].status,
                population,
                achieved,
                required,
                shortfall,
            ),
            _ => unreachable!(),
        }
    }

    #[test]
    fn thirty_percent_of_70_is_21() {
        assert_eq!(required(30, 70), 21);
        let w = group_of(2, 70, 21);
        assert_eq!(
            verdict(&run(&lang(2, 30), &w.ctx(date(2026, 1, 1)))),
            (TargetStatus::Met, 70, 21, 21, 0)
        );
        let w = group_of(2, 70, 20);
        assert_eq!(
            verdict(&run(&lang(2, 30), &w.ctx(date(2026, 1, 1)))),
            (TargetStatus::Gap, 70, 20, 21, 1)
        );
    }

    #[test]
    fn twenty_five_percent_of_28_is_7() {
        assert_eq!(required(25, 28), 7);
        let w = group_of(1, 28, 7);
        assert_eq!(
            verdict(&run(&lang(1, 25), &w.ctx(date(2026, 1, 1)))).0,
            TargetStatus::Met
        );
        let w = group_of(1, 28, 6);
        assert_eq!(
            verdict(&run(&lang(1, 25), &w.ctx(date(2026, 1, 1)))),
            (TargetStatus::Gap, 28, 6, 7, 1)
        );
    }

    #[test]
    fn rounds_up_a_fraction_of_an_official() {
        assert_eq!(required(25, 129), 33);
        assert_eq!(required(50, 7), 4);
        assert_eq!(required(0, 7), 0);
        assert_eq!(required(100, 7), 7);
    }

    #[test]
    fn an_empty_group_is_no_data() {
        let w = group_of(1, 5, 5);
        let e = run(&lang(3, 50), &w.ctx(date(2026, 1, 1)));
        assert_eq!(verdict(&e), (TargetStatus::NoData, 0, 0, 0, 0));
        assert_eq!(e.targets[0].severity, Some(Severity::Warning));
        assert_eq!(e.targets[0].note_code, Some(TargetNote::EmptyGroup));
    }

    #[test]
    fn planned_officials_and_other_groups_do_not_count() {
        let mut officials = vec![
            incumbent("both").with(|o| {
                o.language_groups = Groups::default().with(1).with(2);
                o.language = Language::Stated(5);
            }),
            planned("planned").with(|o| {
                o.language_groups = Groups::default().with(2);
                o.language = Language::Stated(6);
            }),
            incumbent("none").with(|o| {
                o.language_groups = Groups::default().with(2);
                o.language = Language::None;
            }),
        ];
        officials.push(incumbent("three").with(|o| {
            o.language_groups = Groups::default().with(1);
            o.language = Language::Stated(3);
        }));
        let w = World::new(officials);
        assert_eq!(
            verdict(&run(&lang(2, 30), &w.ctx(date(2026, 1, 1)))),
            (TargetStatus::Met, 2, 1, 1, 0)
        );
        assert_eq!(
            verdict(&run(&lang(1, 25), &w.ctx(date(2026, 1, 1)))),
            (TargetStatus::Met, 2, 1, 1, 0)
        );
    }

    fn sources(e: &Evaluation) -> LevelSources {
        match &e.targets[0].detail {
            Detail::Share(ShareRow { sources, .. }) => *sources,
            _ => unreachable!(),
        }
    }

    #[test]
    fn says_where_the_levels_came_from_when_the_roster_holds_certificates() {
        let in_group = |id: &str, group: u8, language: Language| {
            incumbent(id).with(|o| {
                o.language_groups = Groups::default().with(group);
                o.language = language;
            })
        };
        let w = World::new(vec![
            in_group("STATED", 1, Language::Stated(5)),
            in_group("IELTS-6", 1, Language::Certificate(4)),
            in_group("ITP", 1, Language::Certificate(3)),
            in_group("BELOW", 1, Language::Below(3)),
            in_group("TOPIK", 1, Language::Review),
            in_group("TOPIK-2", 1, Language::Review),
            in_group("OLD-IELTS", 1, Language::Expired(4)),
            in_group("OLD-ITP", 1, Language::Expired(3)),
            // of another group: counted there only
            in_group("OTHER", 2, Language::Review),
            planned("PLANNED").with(|o| {
                o.language_groups = Groups::default().with(1);
                o.language = Language::Certificate(5);
            }),
        ]);
        let e = run(&lang(1, 50), &w.ctx(date(2026, 1, 1)));
        assert_eq!(verdict(&e), (TargetStatus::Gap, 8, 2, 4, 2));
        assert_eq!(
            sources(&e),
            LevelSources {
                by_certificate: Some(1),
                to_review: Some(2),
                expired_ignored: Some(1),
            }
        );
        // a group without any certificate of its own still says so, with zeros
        let e = run(&lang(3, 50), &w.ctx(date(2026, 1, 1)));
        assert_eq!(
            sources(&e),
            LevelSources {
                by_certificate: Some(0),
                to_review: Some(0),
                expired_ignored: Some(0),
            }
        );
    }

    #[test]
    fn a_roster_without_certificates_reports_no_sources() {
        let e = run(&lang(2, 30), &group_of(2, 10, 3).ctx(date(2026, 1, 1)));
        assert_eq!(sources(&e), LevelSources::default());
        let json = serde_json::to_value(&e.targets[0]).unwrap();
        for key in ["by_certificate", "to_review", "expired_ignored"] {
            assert!(json.get(key).is_none(), "{key}");
        }
    }

    proptest! {
        #[test]
        fn the_verdict_is_the_integer_comparison(population in 1usize..300, percent in 0u32..=100, seed in 0usize..1000) {
            let achieved = seed % (population + 1);
            let w = group_of(1, population, achieved);
            let (status, _, got, required, shortfall) = verdict(&run(&lang(1, percent), &w.ctx(date(2026, 1, 1))));
            let met = achieved as u64 * 100 >= u64::from(percent) * population as u64;
            prop_assert_eq!(status == TargetStatus::Met, met);
            prop_assert_eq!(got as usize, achieved);
            prop_assert_eq!(met, got >= required);
            prop_assert_eq!(shortfall, required.saturating_sub(got));
        }
    }
}
