//! `template DIR`: blank `roster.csv` and `enrolments.csv` with the headers the
//! loaders read, UTF-8 with a byte order mark so that Excel opens them right,
//! and a text file describing each column and its allowed values. The words are
//! in `crate::i18n::template`; the language groups are the plan's.

use crate::i18n::template::{groups_allowed, header, levels_allowed, meaning, terms, words};
use crate::input::columns::{Column, ColumnSpec, ENROLMENTS, ROSTER};
use crate::input::values::{BOOLEANS, DEGREES, HEADS, PROGRAMS, ROLES, STATUSES, TITLE_LEVELS};
use crate::lang::Lang;
use crate::model::GroupNumbers;
use crate::render::csv::for_excel;

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The two input files and their description, in `lang`; `groups` the
/// language groups of the plan (`Glossary::group_numbers`).
pub fn files(lang: Lang, groups: &GroupNumbers) -> anyhow::Result<Vec<File>> {
    let delimiter = lang.csv_delimiter();
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
            name: words(lang).description_file,
            // Windows' Notepad reads UTF-8 right with a byte order mark and CRLF.
            bytes: format!(
                "\u{FEFF}{}",
                description(lang, groups).replace('\n', "\r\n")
            )
            .into_bytes(),
        },
    ])
}

/// Every column of both files: its header, whether it is required, what it
/// holds and the values allowed; `groups` as for `files`.
pub fn description(lang: Lang, groups: &GroupNumbers) -> String {
    let w = words(lang);
    let mut text = w.intro.to_owned();
    for (title, specs) in w.files {
        text.push_str(&format!("\n{title}\n\n"));
        for spec in specs {
            let need = if spec.required {
                w.required
            } else {
                w.optional
            };
            text.push_str(&format!("{} ({need})\n", header(spec, lang)));
            text.push_str(&format!("    {}\n", meaning(spec.column, lang, groups)));
            if let Some(allowed) = allowed_values(spec.column, lang, groups) {
                text.push_str(&format!("    {}: {allowed}\n", w.values));
            }
        }
    }
    text
}

/// The values a column allows, from the loaders' own vocabularies and the plan's groups.
fn allowed_values(column: Column, lang: Lang, groups: &GroupNumbers) -> Option<String> {
    Some(match column {
        Column::Role => terms(&ROLES, lang),
        Column::TitleLevel => terms(&TITLE_LEVELS, lang),
        Column::Degree => terms(&DEGREES, lang),
        Column::HeadOf => terms(&HEADS, lang),
        Column::DepartmentLeader | Column::Abroad => terms(&BOOLEANS, lang),
        Column::Program => terms(&PROGRAMS, lang),
        Column::Status => terms(&STATUSES, lang),
        Column::LanguageGroups => groups_allowed(groups, lang),
        Column::LanguageLevel => {
            let levels = crate::levels::embedded();
            levels_allowed(lang, &levels.id, &certificate_list(&levels))
        }
        Column::AppointedOn
        | Column::CertificateDate
        | Column::CentralPlanApprovedOn
        | Column::StartedOn
        | Column::CompletedOn => words(lang).dates.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The language groups of the embedded plan.
    fn groups() -> GroupNumbers {
        crate::plan::load_plan(None)
            .unwrap()
            .glossary
            .group_numbers()
    }

    #[test]
    fn headers_are_the_english_names_or_the_first_vietnamese_alias() {
        let files = files(Lang::Vi, &groups()).unwrap();
        let roster = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert!(roster.starts_with("\u{FEFF}Mã cán bộ;Họ và tên;Cơ quan, đơn vị;"));
        assert!(roster.ends_with("\r\n"));
        let files = super::files(Lang::En, &groups()).unwrap();
        let enrolments = String::from_utf8(files[1].bytes.clone()).unwrap();
        assert_eq!(
            enrolments,
            "\u{FEFF}id,program,started_on,completed_on,status,abroad\r\n"
        );
    }

    #[test]
    fn the_description_names_every_column_and_the_allowed_values() {
        let en = description(Lang::En, &groups());
        for spec in ROSTER.iter().chain(ENROLMENTS) {
            assert!(en.contains(&format!("\n{} (", spec.name)), "{}", spec.name);
        }
        assert!(en.contains("role (required)\n"));
        assert!(en.contains("Values: incumbent (đương chức), planned (quy hoạch)"));
        let vi = description(Lang::Vi, &groups());
        assert!(vi.contains("Diện (bắt buộc)\n"));
        assert!(vi.contains("Giá trị: đương chức (incumbent), quy hoạch (planned)"));
        assert!(vi.contains("Lãnh đạo, quản lý cấp sở (title_department)"));
    }

    #[test]
    fn the_language_groups_are_the_plans() {
        let en = description(Lang::En, &groups());
        assert!(en.contains(
            "    The foreign-language groups of II.2.a–c the official belongs to.\n    \
             Values: 1, 2, 3, joined by | or a space, e.g. 1|2\n"
        ));
        let vi = description(Lang::Vi, &groups());
        assert!(vi.contains(
            "    Nhóm ngoại ngữ theo mục II.2.a–c mà cán bộ thuộc về.\n    \
             Giá trị: 1, 2, 3, nối bằng | hoặc dấu cách, ví dụ 1|2\n"
        ));
        let four = GroupNumbers {
            count: 4,
            clause: "III.1".into(),
        };
        let en = description(Lang::En, &four);
        assert!(en.contains("groups of III.1 the official"));
        assert!(en.contains("Values: 1, 2, 3, 4, joined by | or a space, e.g. 1|2\n"));
        let vi = description(Lang::Vi, &four);
        assert!(vi.contains("theo mục III.1 mà"));
        assert!(vi.contains("Giá trị: 1, 2, 3, 4, nối bằng | hoặc dấu cách, ví dụ 1|2\n"));
        let none = GroupNumbers {
            count: 0,
            clause: String::new(),
        };
        let en = description(Lang::En, &none);
        assert!(en.contains("    The foreign-language groups the official belongs to.\n"));
        assert!(en.contains("Values: none: the plan defines no language group"));
    }
}
