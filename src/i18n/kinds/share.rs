//! The words of a share of a language group at a foreign-language level
//! (`plan::kinds::share`).

use crate::i18n::Bilingual;
use crate::i18n::kinds::{KindWords, Quotes, capital, either};
use crate::lang::Lang;
use crate::plan::kinds::share::{Share, ShareRow, required};
use crate::plan::{Glossary, Target};

impl KindWords for Share {
    const DOC: Bilingual = DOC;
    const NAME_VI: &'static str = "tỷ lệ đạt chuẩn";

    /// The level and the shares of the plan (`25% of group 1, 30% of group 2 in
    /// Plan 143`), an example worked out from two of them, and what the rows are
    /// called.
    fn quotes(targets: &[(&Target, &Self)], glossary: &Glossary, lang: Lang) -> Quotes {
        let shares: Vec<String> = targets
            .iter()
            .map(|(_, s)| {
                let group = glossary.group(s.group, lang);
                match lang {
                    Lang::En => format!("{}% of {group}", s.percent),
                    Lang::Vi => format!("{}% ở {group}", s.percent),
                }
            })
            .collect();
        let (shares, plan) = (shares.join(", "), glossary.name(lang));
        let levels = || targets.iter().map(|(_, s)| s.min_level);
        let (exact, example) = example(targets, glossary, lang);
        vec![
            ("level", either(levels(), lang)),
            ("cefr", either(levels().map(cefr), lang)),
            (
                "shares",
                match lang {
                    Lang::En => format!("{shares} in {plan}"),
                    Lang::Vi => format!("{shares} trong {plan}"),
                },
            ),
            ("exact", exact),
            ("example", example),
            ("rows", stem(targets)),
        ]
    }

    fn cells(row: &ShareRow, lang: Lang, glossary: &Glossary) -> [String; 6] {
        let (group, percent) = (glossary.group(row.group, lang), row.percent);
        let what = match (lang, row.min_level) {
            (Lang::En, Some(level)) => format!("{group}, {percent}% at level {level}+"),
            (Lang::Vi, Some(level)) => format!("{group}, {percent}% đạt bậc {level} trở lên"),
            (Lang::En, None) => format!("{group}, {percent}%"),
            (Lang::Vi, None) => format!("{group}, {percent}%"),
        };
        [
            what,
            "—".to_owned(),
            row.population.to_string(),
            row.achieved.to_string(),
            row.required.to_string(),
            row.shortfall.to_string(),
        ]
    }

    fn remark(row: &ShareRow, rule: &str, lang: Lang, _: &Glossary) -> Option<String> {
        level_sources(row, rule, lang)
    }
}

/// The CEFR level of a level of Vietnam's six-level framework: bậc 4 is B2.
fn cefr(level: u8) -> &'static str {
    match level {
        1 => "A1",
        2 => "A2",
        3 => "B1",
        4 => "B2",
        5 => "C1",
        6 => "C2",
        _ => "?",
    }
}

/// The exact arithmetic of a share (`30% of 70 is exactly 21`) and the DOC's
/// example, both on the plan's own shares: a group of 7 times the smallest
/// population its percentage divides exactly, the least round percentages (the
/// largest such groups) first.
fn example(targets: &[(&Target, &Share)], glossary: &Glossary, lang: Lang) -> (String, String) {
    let mut shares: Vec<&Share> = targets.iter().map(|(_, s)| *s).collect();
    if shares.iter().any(|s| s.percent > 0) {
        shares.retain(|s| s.percent > 0);
    }
    let population = |s: &Share| 7 * 100 / gcd(s.percent, 100);
    shares.sort_by_key(|s| std::cmp::Reverse(population(s)));
    let Some(a) = shares.first() else {
        return (String::new(), String::new());
    };
    let (n, percent, level) = (population(a), a.percent, a.min_level);
    let r = required(percent, n);
    let group = capital(&glossary.group(a.group, lang));
    let exact = match lang {
        Lang::En => format!("{percent}% of {n} is exactly {r}"),
        Lang::Vi => format!("{percent}% của {n} đúng bằng {r}"),
    };
    let mut example = match (lang, r) {
        (Lang::En, 0) => format!("{group} with {n} incumbents: required = 0: met."),
        (Lang::Vi, 0) => format!("{group} có {n} cán bộ đương chức: cần đạt 0: đạt."),
        (Lang::En, _) => format!(
            "{group} with {n} incumbents: required = {r}. {r} at level {level}+: met. {}: gap, \
             shortfall 1.",
            r - 1
        ),
        (Lang::Vi, _) => format!(
            "{group} có {n} cán bộ đương chức: cần đạt {r}. {r} người đạt bậc {level} trở lên: \
             đạt. {} người: chưa đạt, thiếu 1.",
            r - 1
        ),
    };
    if let Some(b) = shares.get(1) {
        let (n, percent) = (population(b), b.percent);
        let (group, r) = (
            capital(&glossary.group(b.group, lang)),
            required(percent, n),
        );
        example.push_str(&match lang {
            Lang::En => format!(" {group} with {n} incumbents at {percent}%: required = {r}."),
            Lang::Vi => {
                format!(" {group} có {n} cán bộ đương chức, tỷ lệ {percent}%: cần đạt {r}.")
            }
        });
    }
    (exact, example)
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a.max(1) } else { gcd(b, a % b) }
}

/// What the rows of the plan's shares are called: the part their rule ids share
/// (`LANG` of LANG-1, LANG-2, LANG-3), or the ids.
fn stem(targets: &[(&Target, &Share)]) -> String {
    let ids: Vec<&str> = targets.iter().map(|(t, _)| t.rule.as_str()).collect();
    let Some(first) = ids.first() else {
        return String::new();
    };
    if ids.iter().all(|id| id == first) {
        return (*first).to_owned();
    }
    let common = ids.iter().fold(*first, |common, id| {
        let n = common
            .char_indices()
            .zip(id.chars())
            .find(|((_, a), b)| a != b)
            .map_or(common.len().min(id.len()), |((i, _), _)| i);
        &common[..n]
    });
    // back to a whole part of the ids: `LANG` of `LANG-1`
    match common.rfind(['-', '_']).map(|i| &common[..i]) {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => ids.join("/"),
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

/// What `explain` prints about a share.
const DOC: Bilingual = Bilingual {
    en: "\
## What it checks
At least the plan's percentage of a language group's incumbents hold a foreign-language
level of {level} or above (bậc {level} = CEFR {cefr}) of Vietnam's six-level framework: {shares}.

## How it is computed
population = incumbents whose language_groups include the group (planned officials do not
count); achieved = those of them at level {level} or above; required = ⌈percent × population /
100⌉ in exact integer arithmetic; shortfall = max(0, required − achieved). The target is
met when achieved × 100 ≥ percent × population, else a gap (error). No floating point is
involved: {exact}.

## Example
{example}

## Edge cases
- An empty group is no_data (a warning: the language_groups column is probably empty).
- Groups overlap: an official in groups 1 and 2 counts in both.
- An empty language_level is no level. `C` (old certificate) is level 3, never 4.
- A certificate in language_level (IELTS 6.0, TOEIC L420 R400 S170 W160, JLPT N3, …)
  gives the highest bậc whose floor it reaches in the levels table (default: Thông tư
  23/2021/TT-BGDĐT Phụ lục 2; --levels FILE): IELTS 5.5 and TOEFL iBT 46 are level 4,
  TOEFL ITP is never more than 3. A score under the table's lowest floor is “below
  bậc 3”: not level {level}, and no lower level is guessed.
- A certificate the table does not cover (TOPIK, Aptis, TOEIC listening and reading
  only, IELTS without a score) is warning[unknown-certificate]: the official stays in
  the population, is not counted at level {level} until a person reviews it, so achieved is
  a floor and the shortfall a ceiling.
- When the roster holds any certificate, each {rows} row says where its levels came
  from: by_certificate (of the achieved), to_review and expired_ignored (expired
  certificates of level {level}+ left out) in JSON, and a line under the targets table. In
  `gaps`, a candidate whose certificate awaits review is listed first (“review first:
  may already count”: a review costs less than a course), and a certificate below
  bậc 3 ranks just after a stated level 2.
- An expired certificate (certificate_date + the type's validity before as-of) is
  warning[expired-certificate] and still counts, since the plan ties bậc {level} to no
  validity period; --expired-certificates ignore leaves it out.
",
    vi: "\
## Kiểm tra điều gì
Trong mỗi nhóm ngoại ngữ, tỷ lệ cán bộ đương chức đạt trình độ ngoại ngữ bậc {level} trở lên
(bậc {level} = {cefr} theo CEFR) theo Khung năng lực ngoại ngữ 6 bậc dùng cho Việt Nam ít nhất bằng
tỷ lệ của Kế hoạch: {shares}.

## Cách tính
Số cán bộ = cán bộ đương chức có cột Nhóm ngoại ngữ gồm nhóm đó (cán bộ quy hoạch không được tính); số đã đạt = những người trong số đó đạt bậc {level} trở lên; số cần đạt = ⌈tỷ lệ × số cán bộ / 100⌉, tính chính xác bằng số nguyên; thiếu = max(0, số cần đạt − số đã đạt).
Chỉ tiêu đạt khi số đã đạt × 100 ≥ tỷ lệ × số cán bộ, nếu không là chưa đạt (lỗi). Không
dùng số thực dấu phẩy động: {exact}.

## Ví dụ
{example}

## Trường hợp đặc biệt
- Nhóm không có ai là không có dữ liệu (một cảnh báo: cột Nhóm ngoại ngữ có lẽ đang để
  trống).
- Các nhóm giao nhau: cán bộ thuộc cả nhóm 1 và nhóm 2 được tính ở cả hai nhóm.
- Cột Bậc ngoại ngữ để trống là chưa có bậc. `C` (chứng chỉ cũ) là bậc 3, không bao giờ là
  bậc 4.
- Chứng chỉ ghi ở cột Bậc ngoại ngữ (IELTS 6.0, TOEIC L420 R400 S170 W160, JLPT N3, …) cho
  bậc cao nhất mà điểm đạt ngưỡng trong bảng quy đổi (mặc định: Thông tư 23/2021/TT-BGDĐT
  Phụ lục 2; --levels FILE): IELTS 5.5 và TOEFL iBT 46 là bậc 4, TOEFL ITP không bao giờ
  quá bậc 3. Điểm dưới ngưỡng thấp nhất của bảng là “dưới bậc 3”: không đạt bậc {level}, và
  không đoán bậc thấp hơn.
- Chứng chỉ bảng quy đổi không có (TOPIK, Aptis, TOEIC chỉ có nghe và đọc, IELTS không
  ghi điểm) là warning[unknown-certificate]: cán bộ vẫn được tính vào số cán bộ nhưng
  chưa được tính là đạt bậc {level} cho đến khi có người xem xét, nên số đã đạt là mức tối
  thiểu và số thiếu là mức tối đa.
- Khi danh sách cán bộ có chứng chỉ, mỗi dòng {rows} cho biết bậc lấy từ đâu: số đã đạt
  nhờ chứng chỉ, số chứng chỉ chờ xem xét và số chứng chỉ bậc {level} trở lên hết hạn không
  được tính, ghi trong báo cáo JSON và ở một dòng dưới bảng chỉ tiêu. Trong `gaps`, ứng
  viên có chứng chỉ chờ xem xét được xếp đầu tiên (“xem xét trước: có thể đã đạt”: xem
  xét rẻ hơn cử đi học), và chứng chỉ dưới bậc 3 xếp ngay sau người ghi bậc 2.
- Chứng chỉ hết hạn (ngày cấp chứng chỉ + thời hạn của loại chứng chỉ trước ngày tính đến) là warning[expired-certificate] và vẫn được tính, vì Kế hoạch không gắn bậc {level} với thời hạn nào; --expired-certificates ignore thì không tính.
",
};
