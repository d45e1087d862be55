//! `template DIR`: blank `roster.csv` and `enrolments.csv` with the headers the
//! loaders read, UTF-8 with a byte order mark so that Excel opens them right,
//! and a text file describing each column and its allowed values. The words are
//! in `crate::i18n::template`.

use crate::i18n::template::{groups_allowed, header, levels_allowed, meaning, terms, words};
use crate::input::columns::{Column, ColumnSpec, ENROLMENTS, ROSTER};
use crate::input::values::{BOOLEANS, DEGREES, HEADS, PROGRAMS, ROLES, STATUSES, TITLE_LEVELS};
use crate::lang::Lang;
use crate::render::csv::for_excel;

/// One file to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The two input files and their description, in `lang`.
pub fn files(lang: Lang) -> anyhow::Result<Vec<File>> {
    let delimiter = words(lang).delimiter;
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
            bytes: format!("\u{FEFF}{}", description(lang).replace('\n', "\r\n")).into_bytes(),
        },
    ])
}

/// Every column of both files: its header, whether it is required, what it
/// holds and the values allowed.
pub fn description(lang: Lang) -> String {
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
            text.push_str(&format!("    {}\n", meaning(spec.column, lang)));
            if let Some(allowed) = allowed_values(spec.column, lang) {
                text.push_str(&format!("    {}: {allowed}\n", w.values));
            }
        }
    }
    text
}

/// The values a column allows, from the loaders' own vocabularies.
fn allowed_values(column: Column, lang: Lang) -> Option<String> {
    Some(match column {
        Column::Role => terms(&ROLES, lang),
        Column::TitleLevel => terms(&TITLE_LEVELS, lang),
        Column::Degree => terms(&DEGREES, lang),
        Column::HeadOf => terms(&HEADS, lang),
        Column::DepartmentLeader | Column::Abroad => terms(&BOOLEANS, lang),
        Column::Program => terms(&PROGRAMS, lang),
        Column::Status => terms(&STATUSES, lang),
        Column::LanguageGroups => groups_allowed(lang),
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
