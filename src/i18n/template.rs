//! The words of `template`, English and Vietnamese side by side: the headers,
//! the description's sentences and how each language lists allowed values.
//! `crate::template` only lays them out. What a plan decides (its language
//! groups) comes from the plan in use, never from here.

use crate::i18n::diag::LEVELS_ALLOWED;
pub use crate::i18n::diag::groups_allowed;
use crate::input::columns::{Column, ColumnSpec, ENROLMENTS, ROSTER};
use crate::input::values::{Vocabulary, allowed};
use crate::lang::Lang;
use crate::model::GroupNumbers;

/// The fixed words of a template in one language.
pub struct Words {
    /// The name of the description file.
    pub description_file: &'static str,
    pub intro: &'static str,
    /// Each file's title in the description, and its columns.
    pub files: [(&'static str, &'static [ColumnSpec]); 2],
    pub required: &'static str,
    pub optional: &'static str,
    pub values: &'static str,
    pub dates: &'static str,
}

const EN: Words = Words {
    description_file: "columns.txt",
    intro: "The columns boiduong reads. Save as CSV UTF-8; the delimiter may be , ; or tab.\n\
            Headers and values may be English or Vietnamese, with or without diacritics;\n\
            other columns are ignored.\n",
    files: [
        ("roster.csv: one row per official", ROSTER),
        ("enrolments.csv: one row per course attended", ENROLMENTS),
    ],
    required: "required",
    optional: "optional",
    values: "Values",
    dates: "a date, dd/mm/yyyy (day first) or yyyy-mm-dd",
};

const VI: Words = Words {
    description_file: "mo-ta-cot.txt",
    intro: "Các cột boiduong đọc. Lưu dạng CSV UTF-8; dấu phân cách là , ; hoặc tab.\n\
            Tiêu đề cột và giá trị viết bằng tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu;\n\
            các cột khác được bỏ qua.\n",
    files: [
        ("roster.csv: mỗi dòng một cán bộ", ROSTER),
        (
            "enrolments.csv: mỗi dòng một lượt tham gia khóa học",
            ENROLMENTS,
        ),
    ],
    required: "bắt buộc",
    optional: "không bắt buộc",
    values: "Giá trị",
    dates: "ngày, dạng dd/mm/yyyy (ngày trước) hoặc yyyy-mm-dd",
};

/// The fixed words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Vi => &VI,
    }
}

/// The header a template writes: the English name, or the first Vietnamese alias.
pub fn header(spec: &ColumnSpec, lang: Lang) -> &'static str {
    match lang {
        Lang::En => spec.name,
        Lang::Vi => spec.aliases.first().copied().unwrap_or(spec.name),
    }
}

/// What a column holds, in `lang`; `groups` the language groups of the plan,
/// cited by the clause that sets them out where the plan file names one.
pub fn meaning(column: Column, lang: Lang, groups: &GroupNumbers) -> String {
    let clause = &groups.clause;
    let (en, vi) = meanings(column);
    match (column, lang) {
        (Column::LanguageGroups, Lang::En) if !clause.is_empty() => {
            format!("The foreign-language groups of {clause} the official belongs to.")
        }
        (Column::LanguageGroups, Lang::Vi) if !clause.is_empty() => {
            format!("Nhóm ngoại ngữ theo mục {clause} mà cán bộ thuộc về.")
        }
        (_, Lang::En) => en.to_owned(),
        (_, Lang::Vi) => vi.to_owned(),
    }
}

/// The levels allowed, with the certificates of the table `id` (`certificates`,
/// listed with an example each).
pub fn levels_allowed(lang: Lang, id: &str, certificates: &str) -> String {
    match lang {
        Lang::En => format!(
            "{LEVELS_ALLOWED}. Certificates ({id}): {certificates}; others are reported for manual review"
        ),
        Lang::Vi => format!(
            "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), chứng chỉ cũ A, B, C, hoặc chứng chỉ \
             ngoại ngữ kèm điểm, ví dụ IELTS 6.0, JLPT N3. Chứng chỉ ({id}): {certificates}; chứng chỉ \
             khác được báo để xem xét thủ công"
        ),
    }
}

/// A vocabulary's values: English codes with the Vietnamese beside them, or the
/// other way round.
pub fn terms<T>(vocabulary: &Vocabulary<T>, lang: Lang) -> String {
    match lang {
        Lang::En => allowed(vocabulary),
        Lang::Vi => vocabulary
            .terms
            .iter()
            .map(|t| match t.spellings {
                [code, vi, ..] => format!("{vi} ({code})"),
                [code] => (*code).to_owned(),
                [] => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What a column holds, in English and in Vietnamese.
fn meanings(column: Column) -> (&'static str, &'static str) {
    match column {
        Column::Id => (
            "The official's code; unique in the roster, the same in both files.",
            "Mã của cán bộ; không trùng trong danh sách cán bộ, giống nhau ở cả hai tệp.",
        ),
        Column::FullName => ("Full name.", "Họ và tên."),
        Column::Unit => (
            "The agency or unit the official works in.",
            "Cơ quan, đơn vị công tác.",
        ),
        Column::Title => (
            "The title held or planned.",
            "Chức danh đang giữ hoặc quy hoạch.",
        ),
        Column::Role => (
            "Whether the official holds the title or is planned for it.",
            "Cán bộ đương chức hay cán bộ quy hoạch.",
        ),
        Column::TitleLevel => (
            "The level of the title held, or planned for.",
            "Cấp của chức danh đang giữ hoặc được quy hoạch.",
        ),
        Column::AppointedOn => (
            "Date of appointment or election to the title held (needed for incumbents).",
            "Ngày bổ nhiệm, bầu cử vào chức danh đang giữ (cần cho cán bộ đương chức).",
        ),
        // with the plan's clause, `meaning` cites it
        Column::LanguageGroups => (
            "The foreign-language groups the official belongs to.",
            "Nhóm ngoại ngữ mà cán bộ thuộc về.",
        ),
        Column::LanguageLevel => (
            "Foreign-language level of the six-level framework; empty = none.",
            "Bậc ngoại ngữ theo khung 6 bậc; để trống nếu chưa có.",
        ),
        Column::CertificateDate => (
            "Date the language certificate was issued, if language_level holds one; \
             checked against the certificate's validity.",
            "Ngày cấp chứng chỉ ngoại ngữ, nếu cột bậc ngoại ngữ ghi chứng chỉ; \
             dùng để kiểm tra thời hạn của chứng chỉ.",
        ),
        Column::Degree => ("Highest degree.", "Trình độ chuyên môn cao nhất."),
        Column::HeadOf => (
            "The institution the official heads, if any (II.1 ¶2).",
            "Cơ quan, đơn vị mà cán bộ là người đứng đầu, nếu có (mục II.1).",
        ),
        Column::DepartmentLeader => (
            "Whether the official leads a provincial department (II.2.e); empty = no.",
            "Có phải lãnh đạo sở, ngành tỉnh không (mục II.2.e); để trống là không.",
        ),
        Column::CentralPlanApprovedOn => (
            "Date the planning for a Politburo/Secretariat-managed title was approved.",
            "Ngày phê duyệt quy hoạch chức danh thuộc diện Bộ Chính trị, Ban Bí thư quản lý.",
        ),
        Column::Program => (
            "The programme attended.",
            "Chương trình đào tạo, bồi dưỡng.",
        ),
        Column::StartedOn => ("Date the course started.", "Ngày bắt đầu khóa học."),
        Column::CompletedOn => (
            "Date the course was completed; empty while in progress.",
            "Ngày hoàn thành; để trống khi đang học.",
        ),
        Column::Status => (
            "State of the enrolment; empty = worked out from the completion date.",
            "Trạng thái; để trống thì suy ra từ ngày hoàn thành.",
        ),
        Column::Abroad => (
            "Whether the course was abroad; empty = no.",
            "Có học ở nước ngoài không; để trống là không.",
        ),
    }
}
