//! The words of what is wrong in a plan or levels file, English and Vietnamese
//! side by side. Keys, values, rule ids and certificate names stay as the file
//! writes them; toml's own message stays in English, inside a Vietnamese sentence.

use crate::i18n::Lang;
use crate::input::diag::problem::{Data, DataFile, Quantity, TargetOf};

use super::bad_value;

/// `data` worded in `lang`.
pub fn say(data: &Data, lang: Lang) -> String {
    match lang {
        Lang::En => en(data),
        Lang::Vi => vi(data),
    }
}

fn en(data: &Data) -> String {
    match data {
        Data::Toml(message) => message.clone(),
        Data::Negative { key, value, what } => {
            format!(
                "`{key}` = {value}: {} cannot be negative",
                quantity_en(*what)
            )
        }
        Data::OutOfRange {
            key,
            value,
            what,
            min,
            max,
        } => format!(
            "`{key}` = {value}: {} must be from {min} to {max}",
            quantity_en(*what)
        ),
        Data::NotAYear { key } => format!("`{key}` is not a year"),
        Data::NotADate { key } => format!("`{key}` is not a date"),
        Data::DateWithTime { key } => {
            format!("`{key}` must be a date (yyyy-mm-dd) without a time")
        }
        Data::Empty { key } => format!("`{key}` is empty"),
        Data::EmptyOf { name, key } => format!("{name}: `{key}` is empty"),
        Data::DoesNotApply {
            key,
            kind,
            target,
            data,
        } => match data {
            DataFile::Plan => format!("`{key}` does not apply to a {kind} target ({target})"),
            DataFile::Levels => format!("`{key}` does not apply to a {kind} score ({target})"),
        },
        Data::Needs {
            key,
            kind,
            target,
            data,
        } => match data {
            DataFile::Plan => format!("the {kind} target {target} needs `{key}`"),
            DataFile::Levels => format!("{target}: a {kind} score needs `{key}`"),
        },
        Data::NotARuleKind { kind } => format!(
            "`kind` = \"{kind}\" is not a rule kind (share, window, quota, postgraduate, doctorate, overseas, planned_ready)"
        ),
        Data::BadTerm {
            key,
            value,
            bad,
            listed,
        } => {
            let why = bad_value(bad, Lang::En);
            if *listed {
                format!("`{key}`: \"{value}\" {why}")
            } else {
                format!("`{key}` = \"{value}\" {why}")
            }
        }
        Data::NotOneOf {
            key,
            value,
            choices,
        } => format!("`{key}` = \"{value}\" is not one of: {choices}"),
        Data::QuotaYear { year } => format!("`quotas`: \"{year}\" is not a year"),
        Data::TargetTwice { rule, of, first } => {
            let of = match of {
                TargetOf::Nothing => String::new(),
                TargetOf::Group(g) => format!(" for group {g}"),
                TargetOf::Program(p) => format!(" for {p}"),
            };
            format!("target \"{rule}\"{of} is already defined on line {first}")
        }
        Data::NoTargets => "the plan has no [[target]]".to_owned(),
        Data::ProgramOrGroup { rule } => {
            format!("the quota target {rule} needs either `program` or `group`")
        }
        Data::TotalBelowSum { total, sum } => {
            format!("`total` = {total} is less than the sum of the yearly quotas ({sum})")
        }
        Data::DerivedWithoutTotal => "`derived_year` needs `total` to derive from".to_owned(),
        Data::DerivedHasQuota { year } => format!("`derived_year` = {year} already has a quota"),
        Data::MaxBelowMin => "`max_per_year` is below `min_per_year`".to_owned(),
        Data::NotAScoreKind { kind } => {
            format!("`score` = \"{kind}\" is not a kind of score (scale, bands, skills)")
        }
        Data::NoLetters { spelling } => format!("`names`: \"{spelling}\" has no letters"),
        Data::SpellingTwice {
            spelling,
            first,
            line,
        } => format!(
            "\"{spelling}\" already names {first} on line {line}: a spelling must name one certificate"
        ),
        Data::NoCertificates => "the levels file has no [[certificate]]".to_owned(),
        Data::ScaleMaxNotAboveMin { name } => format!("{name}: `max` is not above `min`"),
        Data::BandTwice { name, band } => format!("{name}: band \"{band}\" is empty or twice"),
        Data::AliasNoBand { name, alias, band } => {
            format!("{name}: alias \"{alias}\" names no band (\"{band}\")")
        }
        Data::BadSkill { name } => {
            format!("{name}: a skill needs a `key` and 0 ≤ `min` < `max`")
        }
        Data::NotAScore {
            name,
            spelling,
            score,
        } => format!(
            "{name}: standalone \"{spelling}\" = \"{score}\" is not a score of the certificate"
        ),
        Data::NotAScoreNumber { key } => {
            format!("`{key}` must be a number of at most two decimals, not negative")
        }
        Data::FloorKey { name, level } => {
            format!("{name}: `floors` key \"{level}\" is not a bậc from 1 to 6")
        }
        Data::FloorOutsideScale { name, level } => {
            format!("{name}: the floor of bậc {level} is outside `min`..`max`")
        }
        Data::FloorNotABand { name, level, bands } => {
            format!("{name}: the floor of bậc {level} must be one of {bands}")
        }
        Data::FloorSkill {
            name,
            level,
            skill,
            min,
            max,
        } => format!("{name}: the floor of bậc {level} needs {skill} from {min} to {max}"),
        Data::FloorNotAbove { name, level, below } => {
            format!("{name}: the floor of bậc {level} is not above the floor of bậc {below}")
        }
    }
}

fn vi(data: &Data) -> String {
    match data {
        Data::Toml(message) => {
            format!("tệp TOML không hợp lệ (thư viện toml báo: {message})")
        }
        Data::Negative { key, value, what } => {
            format!(
                "`{key}` = {value}: {} không thể là số âm",
                quantity_vi(*what)
            )
        }
        Data::OutOfRange {
            key,
            value,
            what,
            min,
            max,
        } => format!(
            "`{key}` = {value}: {} phải từ {min} đến {max}",
            quantity_vi(*what)
        ),
        Data::NotAYear { key } => format!("`{key}` không phải là năm"),
        Data::NotADate { key } => format!("`{key}` không phải là ngày"),
        Data::DateWithTime { key } => {
            format!("`{key}` phải là ngày (yyyy-mm-dd), không kèm giờ")
        }
        Data::Empty { key } => format!("`{key}` để trống"),
        Data::EmptyOf { name, key } => format!("{name}: `{key}` để trống"),
        Data::DoesNotApply {
            key,
            kind,
            target,
            data,
        } => match data {
            DataFile::Plan => {
                format!("khóa `{key}` không dùng cho mục tiêu loại {kind} ({target})")
            }
            DataFile::Levels => {
                format!("khóa `{key}` không dùng cho cách tính điểm {kind} ({target})")
            }
        },
        Data::Needs {
            key,
            kind,
            target,
            data,
        } => match data {
            DataFile::Plan => format!("mục tiêu {target} (loại {kind}) cần khóa `{key}`"),
            DataFile::Levels => format!("{target}: cách tính điểm {kind} cần khóa `{key}`"),
        },
        Data::NotARuleKind { kind } => format!(
            "`kind` = \"{kind}\" không phải là loại quy tắc (share, window, quota, postgraduate, doctorate, overseas, planned_ready)"
        ),
        Data::BadTerm {
            key,
            value,
            bad,
            listed,
        } => {
            let why = bad_value(bad, Lang::Vi);
            if *listed {
                format!("`{key}`: \"{value}\" {why}")
            } else {
                format!("`{key}` = \"{value}\": {why}")
            }
        }
        Data::NotOneOf {
            key,
            value,
            choices,
        } => format!("`{key}` = \"{value}\" không thuộc: {choices}"),
        Data::QuotaYear { year } => format!("`quotas`: \"{year}\" không phải là năm"),
        Data::TargetTwice { rule, of, first } => {
            let of = match of {
                TargetOf::Nothing => String::new(),
                TargetOf::Group(g) => format!(" cho nhóm {g}"),
                TargetOf::Program(p) => format!(" cho {p}"),
            };
            format!("mục tiêu \"{rule}\"{of} đã được khai báo ở dòng {first}")
        }
        Data::NoTargets => "tệp kế hoạch không có mục tiêu nào ([[target]])".to_owned(),
        Data::ProgramOrGroup { rule } => {
            format!("mục tiêu chỉ tiêu {rule} cần đúng một trong hai khóa `program` hoặc `group`")
        }
        Data::TotalBelowSum { total, sum } => {
            format!("`total` = {total} nhỏ hơn tổng chỉ tiêu các năm ({sum})")
        }
        Data::DerivedWithoutTotal => "`derived_year` cần có `total` để tính ra".to_owned(),
        Data::DerivedHasQuota { year } => {
            format!("`derived_year` = {year}: năm này đã có chỉ tiêu")
        }
        Data::MaxBelowMin => "`max_per_year` nhỏ hơn `min_per_year`".to_owned(),
        Data::NotAScoreKind { kind } => {
            format!("`score` = \"{kind}\" không phải là cách tính điểm (scale, bands, skills)")
        }
        Data::NoLetters { spelling } => format!("`names`: \"{spelling}\" không có chữ cái nào"),
        Data::SpellingTwice {
            spelling,
            first,
            line,
        } => format!(
            "\"{spelling}\" đã là tên của {first} ở dòng {line}: mỗi cách viết chỉ được chỉ một chứng chỉ"
        ),
        Data::NoCertificates => {
            "tệp bảng quy đổi không có chứng chỉ nào ([[certificate]])".to_owned()
        }
        Data::ScaleMaxNotAboveMin { name } => format!("{name}: `max` không lớn hơn `min`"),
        Data::BandTwice { name, band } => {
            format!("{name}: cấp độ \"{band}\" để trống hoặc bị lặp")
        }
        Data::AliasNoBand { name, alias, band } => {
            format!("{name}: tên khác \"{alias}\" không ứng với cấp độ nào (\"{band}\")")
        }
        Data::BadSkill { name } => {
            format!("{name}: mỗi kỹ năng cần có `key` và 0 ≤ `min` < `max`")
        }
        Data::NotAScore {
            name,
            spelling,
            score,
        } => format!(
            "{name}: cách viết riêng \"{spelling}\" = \"{score}\" không phải là điểm của chứng chỉ này"
        ),
        Data::NotAScoreNumber { key } => {
            format!("`{key}` phải là số không âm, tối đa hai chữ số thập phân")
        }
        Data::FloorKey { name, level } => {
            format!("{name}: khóa \"{level}\" của `floors` không phải là bậc từ 1 đến 6")
        }
        Data::FloorOutsideScale { name, level } => {
            format!("{name}: điểm tối thiểu của bậc {level} nằm ngoài khoảng `min`..`max`")
        }
        Data::FloorNotABand { name, level, bands } => {
            format!("{name}: điểm tối thiểu của bậc {level} phải là một trong {bands}")
        }
        Data::FloorSkill {
            name,
            level,
            skill,
            min,
            max,
        } => format!("{name}: điểm tối thiểu của bậc {level} cần có {skill} từ {min} đến {max}"),
        Data::FloorNotAbove { name, level, below } => format!(
            "{name}: điểm tối thiểu của bậc {level} không cao hơn điểm tối thiểu của bậc {below}"
        ),
    }
}

fn quantity_en(what: Quantity) -> &'static str {
    match what {
        Quantity::Year => "a year",
        Quantity::Quota => "a quota",
        Quantity::Total => "a total",
        Quantity::Percentage => "a percentage",
        Quantity::Level => "a level",
        Quantity::Months => "a number of months",
        Quantity::Number => "a number",
        Quantity::LanguageGroup => "a language group",
    }
}

fn quantity_vi(what: Quantity) -> &'static str {
    match what {
        Quantity::Year => "năm",
        Quantity::Quota => "chỉ tiêu",
        Quantity::Total => "tổng chỉ tiêu",
        Quantity::Percentage => "tỷ lệ phần trăm",
        Quantity::Level => "bậc",
        Quantity::Months => "số tháng",
        Quantity::Number => "số lượng",
        Quantity::LanguageGroup => "nhóm ngoại ngữ",
    }
}
