//! The words of what is wrong in a cell: a value, a date, a certificate to review.

use super::*;

/// The levels a `language_level` cell may hold, in English: what a bad value
/// lists, and the template describes.
pub const LEVELS_ALLOWED: &str = "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), the old A, B, C certificates, \
     or a certificate of the levels table with its score, e.g. IELTS 6.0, JLPT N3";

/// What is wrong with a cell, after its header and value.
pub(super) fn cell(what: &Cell, lang: Lang) -> String {
    match what {
        Cell::Date(e) => date(e, lang),
        Cell::Value(bad) => bad_value(bad, lang),
        Cell::NoName => pick(
            lang,
            "is empty; every official needs a name",
            "để trống; cán bộ nào cũng phải có họ tên",
        ),
        Cell::NoId => pick(
            lang,
            "is empty; every row needs an official's id",
            "để trống; dòng nào cũng phải có mã cán bộ",
        ),
        Cell::Required => pick(
            lang,
            "is empty; a value is required",
            "để trống; cột này bắt buộc phải có giá trị",
        ),
        Cell::NoStart => pick(
            lang,
            "is empty; every enrolment needs a start date",
            "để trống; mỗi khóa học phải có ngày bắt đầu",
        ),
        Cell::Invisible => pick(
            lang,
            "holds an invisible character (non-breaking or zero-width space); it was removed",
            "có ký tự ẩn (dấu cách không ngắt hoặc ký tự rộng 0); ký tự này đã được bỏ đi",
        ),
        Cell::AfterAsOf {
            as_of,
            far,
            completion,
        } => match lang {
            Lang::En => format!(
                "{}{}",
                if *far {
                    format!("is more than a year after the as-of date {as_of} (is the year right?)")
                } else {
                    format!("is after the as-of date {as_of}")
                },
                if *completion {
                    "; a completion cannot be in the future"
                } else {
                    ""
                }
            ),
            Lang::Vi => format!(
                "{}{}",
                if *far {
                    format!(
                        "sau ngày {}, ngày báo cáo tính đến, quá một năm (năm có đúng không?)",
                        lang.date(*as_of)
                    )
                } else {
                    format!("sau ngày {}, ngày báo cáo tính đến", lang.date(*as_of))
                },
                if *completion {
                    "; ngày hoàn thành không thể ở tương lai"
                } else {
                    ""
                }
            ),
        },
        Cell::NotInRoster(hint) => {
            let hint = match (hint, lang) {
                (IdHint::None, _) => String::new(),
                (IdHint::LeadingZeros(full), Lang::En) => {
                    format!("Excel may have dropped its leading zeros: did you mean \"{full}\"?")
                }
                (IdHint::LeadingZeros(full), Lang::Vi) => {
                    format!("Excel có thể đã bỏ số 0 ở đầu: có phải là \"{full}\"?")
                }
                (IdHint::Case(same), Lang::En) => {
                    format!("ids are case-sensitive: did you mean \"{same}\"?")
                }
                (IdHint::Case(same), Lang::Vi) => {
                    format!("mã cán bộ phân biệt chữ hoa, chữ thường: có phải là \"{same}\"?")
                }
                (IdHint::Check, Lang::En) => {
                    "check the id; if ids have leading zeros, Excel may have dropped them".into()
                }
                (IdHint::Check, Lang::Vi) => "kiểm tra lại mã cán bộ; nếu mã bắt đầu bằng số 0, \
                                              Excel có thể đã bỏ số 0 ở đầu"
                    .into(),
            };
            match lang {
                Lang::En => format!("is not in the roster ({hint})"),
                Lang::Vi => format!("không có trong danh sách cán bộ ({hint})"),
            }
        }
        Cell::Contradiction(c) => match c {
            Contradiction::CompletedWithoutDate => pick(
                lang,
                "is completed but there is no completion date; not counted as a completion",
                "đã hoàn thành nhưng không có ngày hoàn thành; không tính là đã hoàn thành",
            ),
            Contradiction::EnrolledWithDate => pick(
                lang,
                "is still enrolled but has a completion date; not counted as a completion",
                "vẫn đang học nhưng đã có ngày hoàn thành; không tính là đã hoàn thành",
            ),
            Contradiction::WithdrawnWithDate => pick(
                lang,
                "is withdrawn but has a completion date; not counted as a completion",
                "đã thôi học nhưng có ngày hoàn thành; không tính là đã hoàn thành",
            ),
        },
        Cell::Review(why) => match (lang, review(why, lang)) {
            (Lang::En, why) => format!(
                "{why}; until then the official counts in the language groups, not at \
                 level 4 or above"
            ),
            (Lang::Vi, why) => format!(
                "{why}; cho đến khi được xem xét, cán bộ được tính trong nhóm ngoại ngữ, \
                 chưa tính là đạt bậc 4 trở lên"
            ),
        },
        Cell::Expired {
            issued_on,
            expires_on,
            name,
            months,
            counts,
        } => match lang {
            Lang::En => format!(
                "was issued on {issued_on} and expired on {expires_on} ({name} is valid \
                 {months} months); {}",
                match counts {
                    ExpiredCounts::NotCounted => {
                        "its level is not counted (--expired-certificates ignore)"
                    }
                    ExpiredCounts::NoLevel4 => "it gives no level 4 either way",
                    ExpiredCounts::Counted => {
                        "its level still counts (--expired-certificates count: the plan ties \
                         bậc 4 to no validity period)"
                    }
                }
            ),
            Lang::Vi => format!(
                "cấp ngày {} và đã hết hạn ngày {} ({name} có giá trị {months} tháng); {}",
                lang.date(*issued_on),
                lang.date(*expires_on),
                match counts {
                    ExpiredCounts::NotCounted => {
                        "bậc của chứng chỉ không được tính (--expired-certificates ignore)"
                    }
                    ExpiredCounts::NoLevel4 => "dù sao chứng chỉ cũng không đạt bậc 4",
                    ExpiredCounts::Counted => {
                        "bậc của chứng chỉ vẫn được tính (--expired-certificates count: kế \
                         hoạch không gắn bậc 4 với thời hạn nào)"
                    }
                }
            ),
        },
    }
}

/// Why a certificate needs a person to look at it, after its header and value.
fn review(why: &Review, lang: Lang) -> String {
    let manual = match lang {
        Lang::En => "its bậc needs manual review",
        Lang::Vi => "bậc của chứng chỉ cần được xem xét thủ công",
    };
    match (why, lang) {
        (Review::NoScore { name }, Lang::En) => {
            format!("is a {name} certificate without a score; {manual}")
        }
        (Review::NoScore { name }, Lang::Vi) => {
            format!("là chứng chỉ {name} không ghi điểm; {manual}")
        }
        (Review::Unreadable { name, score }, Lang::En) => {
            format!("is a {name} certificate whose score \"{score}\" cannot be read; {manual}")
        }
        (Review::Unreadable { name, score }, Lang::Vi) => {
            format!("là chứng chỉ {name} có điểm \"{score}\" không đọc được; {manual}")
        }
        (Review::ScoreForBands { name, bands }, Lang::En) => format!(
            "gives a {name} score, but the levels table reads {name} by level ({bands}); {manual}"
        ),
        (Review::ScoreForBands { name, bands }, Lang::Vi) => format!(
            "ghi điểm {name}, nhưng bảng quy đổi đọc {name} theo cấp độ ({bands}); {manual}"
        ),
        (Review::SomeSkills { name, given, all }, Lang::En) => format!(
            "gives {name} {} only: the levels table needs all of {}; {manual}",
            if given.is_empty() {
                "a total".to_owned()
            } else {
                given.join("+")
            },
            all.join(", ")
        ),
        (Review::SomeSkills { name, given, all }, Lang::Vi) => format!(
            "chỉ ghi {name} {}: bảng quy đổi cần đủ các kỹ năng {}; {manual}",
            if given.is_empty() {
                "tổng điểm".to_owned()
            } else {
                given.join("+")
            },
            all.join(", ")
        ),
        (Review::NotInTable { names }, Lang::En) => {
            format!("is not a certificate of the levels table ({names}), nor a level; {manual}")
        }
        (Review::NotInTable { names }, Lang::Vi) => format!(
            "không phải là chứng chỉ của bảng quy đổi ({names}), cũng không phải là bậc; {manual}"
        ),
    }
}

/// Why a cell is not a date, after its header and value.
pub fn date(e: &DateError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::En, DateError::NoSuchDate) => "is not a date: no such day in the calendar".into(),
        (Lang::Vi, DateError::NoSuchDate) => "không phải là ngày: không có ngày này".into(),
        (Lang::En, DateError::NoSuchMonth(m)) => format!("is not a date: there is no month {m}"),
        (Lang::Vi, DateError::NoSuchMonth(m)) => {
            format!("không phải là ngày: không có tháng {m}")
        }
        (Lang::En, DateError::TwoDigitYear) => {
            "is not a date: the year must have four digits (dd/mm/yyyy)".into()
        }
        (Lang::Vi, DateError::TwoDigitYear) => {
            "không phải là ngày: năm phải có 4 chữ số (dd/mm/yyyy)".into()
        }
        (Lang::En, DateError::MonthFirst { day_first }) => {
            format!("is not a date: dates are dd/mm/yyyy, day first (did you mean {day_first}?)")
        }
        (Lang::Vi, DateError::MonthFirst { day_first }) => format!(
            "không phải là ngày: ngày ghi theo dd/mm/yyyy, ngày trước tháng sau (có phải là \
             {day_first}?)"
        ),
        (Lang::En, DateError::ExcelSerial(d)) => format!(
            "is not a date: it looks like an Excel serial number ({}); format the column as a date",
            d.format("%d/%m/%Y")
        ),
        (Lang::Vi, DateError::ExcelSerial(d)) => format!(
            "không phải là ngày: có vẻ là số sê-ri ngày của Excel ({}); hãy định dạng cột \
             này là Date (ngày)",
            d.format("%d/%m/%Y")
        ),
        (Lang::En, DateError::HasTime) => {
            "is not a date: remove the time; dates are dd/mm/yyyy or yyyy-mm-dd".into()
        }
        (Lang::Vi, DateError::HasTime) => {
            "không phải là ngày: hãy bỏ phần giờ; ngày ghi theo dd/mm/yyyy hoặc yyyy-mm-dd".into()
        }
        (Lang::En, DateError::Placeholder) => "is not a date: a year before 1900 is what some HR \
             systems write for \"no date\"; leave the cell empty when there is no date"
            .into(),
        (Lang::Vi, DateError::Placeholder) => {
            "không phải là ngày: năm trước 1900 là giá trị một số \
             phần mềm nhân sự ghi thay cho \"không có ngày\"; nếu không có ngày thì để trống ô này"
                .into()
        }
        (Lang::En, DateError::Unrecognised) => {
            "is not a date (write dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd)".into()
        }
        (Lang::Vi, DateError::Unrecognised) => {
            "không phải là ngày (ghi theo dd/mm/yyyy, d/m/yyyy hoặc yyyy-mm-dd)".into()
        }
    }
}

/// Why a cell holds no allowed value, after its header and value.
pub fn bad_value(bad: &BadValue, lang: Lang) -> String {
    let en = lang == Lang::En;
    let why = |reason| match (reason, &bad.allowed) {
        (Reason::NoSuchGroup, Allowed::Groups(plan)) => no_such_group(plan, lang),
        _ => lang.reason(reason).to_owned(),
    };
    let mut text = match (bad.reason, en) {
        (Some(reason), true) => format!("is not allowed: {}", why(reason)),
        (Some(reason), false) => format!("không được phép: {}", why(reason)),
        (None, true) => "is not an allowed value".to_owned(),
        (None, false) => "không phải là giá trị được phép".to_owned(),
    };
    let allowed = match (&bad.allowed, en) {
        (Allowed::Terms(terms), _) => terms.clone(),
        (Allowed::Groups(plan), _) => groups_allowed(plan, lang),
        (Allowed::Levels, true) => LEVELS_ALLOWED.to_owned(),
        (Allowed::Levels, false) => "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), chứng chỉ cũ A, B, \
                                     C, hoặc chứng chỉ của bảng quy đổi kèm điểm, ví dụ IELTS \
                                     6.0, JLPT N3"
            .to_owned(),
        (Allowed::Scores { name, from, to }, true) => format!("{name} {from} to {to}"),
        (Allowed::Scores { name, from, to }, false) => format!("{name} từ {from} đến {to}"),
        (Allowed::Bands { name, bands }, true) => format!("{name} {bands}"),
        (Allowed::Bands { name, bands }, false) => {
            format!("{name} với một trong các cấp độ {bands}")
        }
    };
    text.push_str(&match lang {
        Lang::En => format!(" (allowed: {allowed}"),
        Lang::Vi => format!(" (được phép: {allowed}"),
    });
    if let Some(s) = bad.suggestion {
        text.push_str(&match lang {
            Lang::En => format!("; did you mean \"{s}\"?"),
            Lang::Vi => format!("; có phải là \"{s}\"?"),
        });
    }
    text.push(')');
    text
}

/// The groups of the plan as a list: `1, 2 and 3`, `1, 2 và 3`.
fn group_list(plan: &GroupNumbers, lang: Lang) -> String {
    let numbers: Vec<String> = (1..=plan.count).map(|n| n.to_string()).collect();
    and_list(&numbers, lang)
}

/// `there are only groups 1, 2 and 3 (II.2.a–c)`: the groups the plan defines.
fn no_such_group(plan: &GroupNumbers, lang: Lang) -> String {
    let list = group_list(plan, lang);
    let mut text = match (lang, plan.count) {
        (Lang::En, 0) => "the plan defines no language group".to_owned(),
        (Lang::Vi, 0) => "Kế hoạch không có nhóm ngoại ngữ nào".to_owned(),
        (Lang::En, 1) => format!("there is only group {list}"),
        (Lang::En, _) => format!("there are only groups {list}"),
        (Lang::Vi, 1) => format!("chỉ có nhóm {list}"),
        (Lang::Vi, _) => format!("chỉ có các nhóm {list}"),
    };
    if !plan.clause.is_empty() {
        text.push_str(&format!(" ({})", plan.clause));
    }
    text
}

/// The language groups allowed: those the plan defines, `1, 2, 3, joined by |
/// or a space, e.g. 1|2`; what a bad value says and the template describes.
pub fn groups_allowed(groups: &GroupNumbers, lang: Lang) -> String {
    let numbers: Vec<String> = (1..=groups.count).map(|n| n.to_string()).collect();
    let example = numbers
        .iter()
        .take(2)
        .cloned()
        .collect::<Vec<_>>()
        .join("|");
    let numbers = numbers.join(", ");
    match (lang, groups.count) {
        (Lang::En, 0) => "none: the plan defines no language group; leave it empty".to_owned(),
        (Lang::Vi, 0) => "không có: Kế hoạch không có nhóm ngoại ngữ nào; để trống".to_owned(),
        (_, 1) => numbers,
        (Lang::En, _) => format!("{numbers}, joined by | or a space, e.g. {example}"),
        (Lang::Vi, _) => format!("{numbers}, nối bằng | hoặc dấu cách, ví dụ {example}"),
    }
}
