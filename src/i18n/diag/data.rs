//! The words of what is wrong in a plan or levels file, English and Vietnamese
//! side by side. Keys, values, rule ids and certificate names stay as the file
//! writes them; toml's own message stays in English, inside a Vietnamese sentence.

use crate::diag::problem::{Data, DataFile, TargetOf};
use crate::lang::Lang;

use super::{bad_value, pick};

/// `data` worded in `lang`.
pub fn say(data: &Data, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match data {
        Data::Toml(message) => match lang {
            Lang::En => message.clone(),
            Lang::Vi => format!("tệp TOML không hợp lệ (thư viện toml báo: {message})"),
        },
        Data::Negative { key, value, what } => {
            let what = lang.quantity(*what);
            match lang {
                Lang::En => format!("`{key}` = {value}: {what} cannot be negative"),
                Lang::Vi => format!("`{key}` = {value}: {what} không thể là số âm"),
            }
        }
        Data::OutOfRange {
            key,
            value,
            what,
            min,
            max,
        } => {
            let what = lang.quantity(*what);
            match lang {
                Lang::En => format!("`{key}` = {value}: {what} must be from {min} to {max}"),
                Lang::Vi => format!("`{key}` = {value}: {what} phải từ {min} đến {max}"),
            }
        }
        Data::NotAYear { key } => match lang {
            Lang::En => format!("`{key}` is not a year"),
            Lang::Vi => format!("`{key}` không phải là năm"),
        },
        Data::NotADate { key } => match lang {
            Lang::En => format!("`{key}` is not a date"),
            Lang::Vi => format!("`{key}` không phải là ngày"),
        },
        Data::DateWithTime { key } => match lang {
            Lang::En => format!("`{key}` must be a date (yyyy-mm-dd) without a time"),
            Lang::Vi => format!("`{key}` phải là ngày (yyyy-mm-dd), không kèm giờ"),
        },
        Data::Empty { key } => match lang {
            Lang::En => format!("`{key}` is empty"),
            Lang::Vi => format!("`{key}` để trống"),
        },
        Data::EmptyOf { name, key } => match lang {
            Lang::En => format!("{name}: `{key}` is empty"),
            Lang::Vi => format!("{name}: `{key}` để trống"),
        },
        Data::DoesNotApply {
            key,
            kind,
            target,
            data,
        } => match (data, lang) {
            (DataFile::Plan, Lang::En) => {
                format!("`{key}` does not apply to a {kind} target ({target})")
            }
            (DataFile::Plan, Lang::Vi) => {
                format!("khóa `{key}` không dùng cho mục tiêu loại {kind} ({target})")
            }
            (DataFile::Levels, Lang::En) => {
                format!("`{key}` does not apply to a {kind} score ({target})")
            }
            (DataFile::Levels, Lang::Vi) => {
                format!("khóa `{key}` không dùng cho cách tính điểm {kind} ({target})")
            }
        },
        Data::Needs {
            key,
            kind,
            target,
            data,
        } => match (data, lang) {
            (DataFile::Plan, Lang::En) => format!("the {kind} target {target} needs `{key}`"),
            (DataFile::Plan, Lang::Vi) => {
                format!("mục tiêu {target} (loại {kind}) cần khóa `{key}`")
            }
            (DataFile::Levels, Lang::En) => format!("{target}: a {kind} score needs `{key}`"),
            (DataFile::Levels, Lang::Vi) => {
                format!("{target}: cách tính điểm {kind} cần khóa `{key}`")
            }
        },

        // Plan files.
        Data::NotARuleKind { kind, kinds } => match lang {
            Lang::En => format!("`kind` = \"{kind}\" is not a rule kind ({kinds})"),
            Lang::Vi => format!("`kind` = \"{kind}\" không phải là loại quy tắc ({kinds})"),
        },
        Data::BadTerm {
            key,
            value,
            bad,
            listed,
        } => {
            let why = bad_value(bad, lang);
            match (listed, lang) {
                (true, _) => format!("`{key}`: \"{value}\" {why}"),
                (false, Lang::En) => format!("`{key}` = \"{value}\" {why}"),
                (false, Lang::Vi) => format!("`{key}` = \"{value}\": {why}"),
            }
        }
        Data::NotOneOf {
            key,
            value,
            choices,
        } => match lang {
            Lang::En => format!("`{key}` = \"{value}\" is not one of: {choices}"),
            Lang::Vi => format!("`{key}` = \"{value}\" không thuộc: {choices}"),
        },
        Data::QuotaYear { year } => match lang {
            Lang::En => format!("`quotas`: \"{year}\" is not a year"),
            Lang::Vi => format!("`quotas`: \"{year}\" không phải là năm"),
        },
        Data::TargetTwice { rule, of, first } => {
            let of = match (of, lang) {
                (TargetOf::Nothing, _) => String::new(),
                (TargetOf::Group(g), Lang::En) => format!(" for group {g}"),
                (TargetOf::Group(g), Lang::Vi) => format!(" cho nhóm {g}"),
                (TargetOf::Program(p), Lang::En) => format!(" for {p}"),
                (TargetOf::Program(p), Lang::Vi) => format!(" cho {p}"),
            };
            match lang {
                Lang::En => format!("target \"{rule}\"{of} is already defined on line {first}"),
                Lang::Vi => format!("mục tiêu \"{rule}\"{of} đã được khai báo ở dòng {first}"),
            }
        }
        Data::NoTargets => pick(
            lang,
            "the plan has no [[target]]",
            "tệp kế hoạch không có mục tiêu nào ([[target]])",
        ),
        Data::ProgramOrGroup { rule } => match lang {
            Lang::En => format!("the quota target {rule} needs either `program` or `group`"),
            Lang::Vi => format!(
                "mục tiêu {rule} (loại quota) cần đúng một trong hai khóa `program` hoặc `group`"
            ),
        },
        Data::TotalBelowSum { total, sum } => match lang {
            Lang::En => {
                format!("`total` = {total} is less than the sum of the yearly quotas ({sum})")
            }
            Lang::Vi => format!("`total` = {total} nhỏ hơn tổng chỉ tiêu các năm ({sum})"),
        },
        Data::DerivedWithoutTotal => pick(
            lang,
            "`derived_year` needs `total` to derive from",
            "`derived_year` cần có `total` để tính ra",
        ),
        Data::DerivedHasQuota { year } => match lang {
            Lang::En => format!("`derived_year` = {year} already has a quota"),
            Lang::Vi => format!("`derived_year` = {year}: năm này đã có chỉ tiêu"),
        },
        Data::MaxBelowMin => pick(
            lang,
            "`max_per_year` is below `min_per_year`",
            "`max_per_year` nhỏ hơn `min_per_year`",
        ),

        // Levels files.
        Data::NotAScoreKind { kind } => match lang {
            Lang::En => {
                format!("`score` = \"{kind}\" is not a kind of score (scale, bands, skills)")
            }
            Lang::Vi => {
                format!("`score` = \"{kind}\" không phải là cách tính điểm (scale, bands, skills)")
            }
        },
        Data::NoLetters { spelling } => match lang {
            Lang::En => format!("`names`: \"{spelling}\" has no letters"),
            Lang::Vi => format!("`names`: \"{spelling}\" không có chữ cái nào"),
        },
        Data::SpellingTwice {
            spelling,
            first,
            line,
        } => match lang {
            Lang::En => format!(
                "\"{spelling}\" already names {first} on line {line}: a spelling must name one certificate"
            ),
            Lang::Vi => format!(
                "\"{spelling}\" đã là tên của {first} ở dòng {line}: mỗi cách viết chỉ được chỉ một chứng chỉ"
            ),
        },
        Data::NoCertificates => pick(
            lang,
            "the levels file has no [[certificate]]",
            "tệp bảng quy đổi không có chứng chỉ nào ([[certificate]])",
        ),
        Data::ScaleMaxNotAboveMin { name } => match lang {
            Lang::En => format!("{name}: `max` is not above `min`"),
            Lang::Vi => format!("{name}: `max` không lớn hơn `min`"),
        },
        Data::BandTwice { name, band } => match lang {
            Lang::En => format!("{name}: band \"{band}\" is empty or twice"),
            Lang::Vi => format!("{name}: cấp độ \"{band}\" để trống hoặc bị lặp"),
        },
        Data::AliasNoBand { name, alias, band } => match lang {
            Lang::En => format!("{name}: alias \"{alias}\" names no band (\"{band}\")"),
            Lang::Vi => {
                format!("{name}: tên khác \"{alias}\" không ứng với cấp độ nào (\"{band}\")")
            }
        },
        Data::BadSkill { name } => match lang {
            Lang::En => format!("{name}: a skill needs a `key` and 0 ≤ `min` < `max`"),
            Lang::Vi => format!("{name}: mỗi kỹ năng cần có `key` và 0 ≤ `min` < `max`"),
        },
        Data::NotAScore {
            name,
            spelling,
            score,
        } => match lang {
            Lang::En => format!(
                "{name}: standalone \"{spelling}\" = \"{score}\" is not a score of the certificate"
            ),
            Lang::Vi => format!(
                "{name}: cách viết riêng \"{spelling}\" = \"{score}\" không phải là điểm của chứng chỉ này"
            ),
        },
        Data::NotAScoreNumber { key } => match lang {
            Lang::En => format!("`{key}` must be a number of at most two decimals, not negative"),
            Lang::Vi => format!("`{key}` phải là số không âm, tối đa hai chữ số thập phân"),
        },
        Data::FloorKey { name, level } => match lang {
            Lang::En => format!("{name}: `floors` key \"{level}\" is not a bậc from 1 to 6"),
            Lang::Vi => {
                format!("{name}: khóa \"{level}\" của `floors` không phải là bậc từ 1 đến 6")
            }
        },
        // "the floor of bậc N" / "điểm tối thiểu của bậc N"
        Data::FloorOutsideScale { name, level } => {
            let floor = floor(*level, vi);
            match lang {
                Lang::En => format!("{name}: {floor} is outside `min`..`max`"),
                Lang::Vi => format!("{name}: {floor} nằm ngoài khoảng `min`..`max`"),
            }
        }
        Data::FloorNotABand { name, level, bands } => {
            let floor = floor(*level, vi);
            match lang {
                Lang::En => format!("{name}: {floor} must be one of {bands}"),
                Lang::Vi => format!("{name}: {floor} phải là một trong {bands}"),
            }
        }
        Data::FloorSkill {
            name,
            level,
            skill,
            min,
            max,
        } => {
            let floor = floor(*level, vi);
            match lang {
                Lang::En => format!("{name}: {floor} needs {skill} from {min} to {max}"),
                Lang::Vi => format!("{name}: {floor} cần có {skill} từ {min} đến {max}"),
            }
        }
        Data::FloorNotAbove { name, level, below } => {
            let (floor, below) = (floor(*level, vi), self::floor(*below, vi));
            match lang {
                Lang::En => format!("{name}: {floor} is not above {below}"),
                Lang::Vi => format!("{name}: {floor} không cao hơn {below}"),
            }
        }
    }
}

/// The lowest score of a bậc.
fn floor(level: u8, vi: bool) -> String {
    if vi {
        format!("điểm tối thiểu của bậc {level}")
    } else {
        format!("the floor of bậc {level}")
    }
}
