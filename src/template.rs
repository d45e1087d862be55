//! `template DIR`: blank `roster.csv` and `enrolments.csv` with the headers the
//! loaders read, UTF-8 with a byte order mark so that Excel opens them right,
//! and a text file describing each column and its allowed values.

use crate::i18n::Lang;
use crate::input::columns::{Column, ColumnSpec, ENROLMENTS, ROSTER};
use crate::input::values::{
    BOOLEANS, DEGREES, GROUPS_ALLOWED, HEADS, LEVELS_ALLOWED, PROGRAMS, ROLES, STATUSES,
    TITLE_LEVELS, Vocabulary, allowed,
};
use crate::report::csv::for_excel;

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The two input files and their description, in `lang`.
pub fn files(lang: Lang) -> anyhow::Result<Vec<File>> {
    // Excel in a Vietnamese locale saves and opens CSV with `;`.
    let delimiter = match lang {
        Lang::Vi => b';',
        Lang::En => b',',
    };
    let blank = |specs: &[ColumnSpec]| {
        let header: Vec<&str> = specs.iter().map(|s| header(s, lang)).collect();
        for_excel(delimiter, &header, std::iter::empty())
    };
    Ok(vec![
        File {
            name: "roster.csv",
            bytes: blank(ROSTER)?,
        },
        File {
            name: "enrolments.csv",
            bytes: blank(ENROLMENTS)?,
        },
        File {
            name: match lang {
                Lang::Vi => "mo-ta-cot.txt",
                Lang::En => "columns.txt",
            },
            // Windows' Notepad reads UTF-8 right with a byte order mark and CRLF.
            bytes: format!("\u{FEFF}{}", description(lang).replace('\n', "\r\n")).into_bytes(),
        },
    ])
}

/// The header a template writes: the English name, or the first Vietnamese alias.
fn header(spec: &ColumnSpec, lang: Lang) -> &'static str {
    match lang {
        Lang::En => spec.name,
        Lang::Vi => spec.aliases.first().copied().unwrap_or(spec.name),
    }
}

/// Every column of both files: its header, whether it is required, what it
/// holds and the values allowed.
pub fn description(lang: Lang) -> String {
    let (intro, files) = match lang {
        Lang::En => (
            "The columns boiduong reads. Save as CSV UTF-8; the delimiter may be , ; or tab.\n\
             Headers and values may be English or Vietnamese, with or without diacritics;\n\
             other columns are ignored.\n",
            [
                ("roster.csv: one row per official", ROSTER),
                ("enrolments.csv: one row per course attended", ENROLMENTS),
            ],
        ),
        Lang::Vi => (
            "Các cột boiduong đọc. Lưu dạng CSV UTF-8; dấu phân cách là , ; hoặc tab.\n\
             Tiêu đề cột và giá trị viết bằng tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu;\n\
             các cột khác được bỏ qua.\n",
            [
                ("roster.csv: mỗi dòng một cán bộ", ROSTER),
                (
                    "enrolments.csv: mỗi dòng một lượt tham gia khóa học",
                    ENROLMENTS,
                ),
            ],
        ),
    };
    let (required, optional, values) = match lang {
        Lang::En => ("required", "optional", "Values"),
        Lang::Vi => ("bắt buộc", "không bắt buộc", "Giá trị"),
    };
    let mut text = intro.to_owned();
    for (title, specs) in files {
        text.push_str(&format!("\n{title}\n\n"));
        for spec in specs {
            let need = if spec.required { required } else { optional };
            text.push_str(&format!("{} ({need})\n", header(spec, lang)));
            let (en, vi) = meaning(spec.column);
            text.push_str(&format!(
                "    {}\n",
                match lang {
                    Lang::En => en,
                    Lang::Vi => vi,
                }
            ));
            if let Some(allowed) = allowed_values(spec.column, lang) {
                text.push_str(&format!("    {values}: {allowed}\n"));
            }
        }
    }
    text
}

/// What a column holds, in English and in Vietnamese.
fn meaning(column: Column) -> (&'static str, &'static str) {
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
        Column::LanguageGroups => (
            "The foreign-language groups of II.2.a–c the official belongs to.",
            "Nhóm ngoại ngữ theo mục II.2.a–c mà cán bộ thuộc về.",
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

/// The values a column allows, from the loaders' own vocabularies.
fn allowed_values(column: Column, lang: Lang) -> Option<String> {
    let dates = match lang {
        Lang::En => "a date, dd/mm/yyyy (day first) or yyyy-mm-dd",
        Lang::Vi => "ngày, dạng dd/mm/yyyy (ngày trước) hoặc yyyy-mm-dd",
    };
    Some(match column {
        Column::Role => terms(&ROLES, lang),
        Column::TitleLevel => terms(&TITLE_LEVELS, lang),
        Column::Degree => terms(&DEGREES, lang),
        Column::HeadOf => terms(&HEADS, lang),
        Column::DepartmentLeader | Column::Abroad => terms(&BOOLEANS, lang),
        Column::Program => terms(&PROGRAMS, lang),
        Column::Status => terms(&STATUSES, lang),
        Column::LanguageGroups => match lang {
            Lang::En => GROUPS_ALLOWED.to_owned(),
            Lang::Vi => "1, 2, 3, nối bằng | hoặc dấu cách, ví dụ 1|2".to_owned(),
        },
        Column::LanguageLevel => {
            let levels = crate::levels::embedded();
            match lang {
                Lang::En => format!(
                    "{LEVELS_ALLOWED}. Certificates ({}): {}; others are reported for manual review",
                    levels.id,
                    certificate_list(&levels)
                ),
                Lang::Vi => format!(
                    "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), chứng chỉ cũ A, B, C, hoặc chứng chỉ \
                     ngoại ngữ kèm điểm, ví dụ IELTS 6.0, JLPT N3. Chứng chỉ ({}): {}; chứng chỉ \
                     khác được báo để xem xét thủ công",
                    levels.id,
                    certificate_list(&levels)
                ),
            }
        }
        Column::AppointedOn
        | Column::CertificateDate
        | Column::CentralPlanApprovedOn
        | Column::StartedOn
        | Column::CompletedOn => dates.to_owned(),
        Column::Id | Column::FullName | Column::Unit | Column::Title => return None,
    })
}

/// Each certificate of the table with an example of how it is written.
fn certificate_list(levels: &crate::levels::Levels) -> String {
    levels
        .certificates
        .iter()
        .map(|c| c.example())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A vocabulary's values: English codes with the Vietnamese beside them, or the
/// other way round.
fn terms<T>(vocabulary: &Vocabulary<T>, lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_the_english_names_or_the_first_vietnamese_alias() {
        let files = files(Lang::Vi).unwrap();
        let roster = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert!(roster.starts_with("\u{FEFF}Mã cán bộ;Họ và tên;Cơ quan, đơn vị;"));
        assert!(roster.ends_with("\r\n"));
        let files = super::files(Lang::En).unwrap();
        let enrolments = String::from_utf8(files[1].bytes.clone()).unwrap();
        assert_eq!(
            enrolments,
            "\u{FEFF}id,program,started_on,completed_on,status,abroad\r\n"
        );
    }

    #[test]
    fn the_description_names_every_column_and_the_allowed_values() {
        let en = description(Lang::En);
        for spec in ROSTER.iter().chain(ENROLMENTS) {
            assert!(en.contains(&format!("\n{} (", spec.name)), "{}", spec.name);
        }
        assert!(en.contains("role (required)\n"));
        assert!(en.contains("Values: incumbent (đương chức), planned (quy hoạch)"));
        let vi = description(Lang::Vi);
        assert!(vi.contains("Diện (bắt buộc)\n"));
        assert!(vi.contains("Giá trị: đương chức (incumbent), quy hoạch (planned)"));
        assert!(vi.contains("Lãnh đạo, quản lý cấp sở (title_department)"));
    }
}
