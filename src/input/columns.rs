//! The columns of `roster.csv` and `enrolments.csv`, and finding them in a header.
//!
//! Column order is free and unknown columns are ignored; a header cell is
//! matched by its folded key against the English name and the Vietnamese
//! aliases (docs/input.md).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::{clean_text, fold};

/// A column that boiduong reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    FullName,
    Unit,
    Title,
    Role,
    TitleLevel,
    AppointedOn,
    LanguageGroups,
    LanguageLevel,
    CertificateDate,
    Degree,
    HeadOf,
    DepartmentLeader,
    CentralPlanApprovedOn,
    Program,
    StartedOn,
    CompletedOn,
    Status,
    Abroad,
}

impl Column {
    /// How many columns there are: the size of a table indexed by column.
    pub const COUNT: usize = Column::Abroad as usize + 1;
}

/// How a column is named and whether a file must have it.
#[derive(Debug)]
pub struct ColumnSpec {
    pub column: Column,
    /// The canonical English name, as in docs/input.md.
    pub name: &'static str,
    /// Vietnamese names; the first is the one templates write.
    pub aliases: &'static [&'static str],
    pub required: bool,
}

const fn spec(
    column: Column,
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> ColumnSpec {
    ColumnSpec {
        column,
        name,
        aliases,
        required,
    }
}

/// The official's id: the key of the roster and the link of an enrolment to it.
const ID: ColumnSpec = spec(
    Column::Id,
    "id",
    &["Mã cán bộ", "Mã CB", "Mã số cán bộ"],
    true,
);

pub const ROSTER: &[ColumnSpec] = &[
    ID,
    spec(
        Column::FullName,
        "full_name",
        &["Họ và tên", "Họ tên"],
        true,
    ),
    spec(
        Column::Unit,
        "unit",
        &["Cơ quan, đơn vị", "Đơn vị", "Cơ quan", "Đơn vị công tác"],
        false,
    ),
    spec(Column::Title, "title", &["Chức danh", "Chức vụ"], false),
    spec(Column::Role, "role", &["Diện", "Diện cán bộ"], true),
    spec(Column::TitleLevel, "title_level", &["Cấp chức danh"], false),
    spec(
        Column::AppointedOn,
        "appointed_on",
        &[
            "Ngày bổ nhiệm",
            "Ngày bổ nhiệm, bầu cử, phê chuẩn",
            "Ngày bổ nhiệm, bầu cử",
            "Ngày bầu cử",
        ],
        false,
    ),
    spec(
        Column::LanguageGroups,
        "language_groups",
        &["Nhóm ngoại ngữ"],
        false,
    ),
    spec(
        Column::LanguageLevel,
        "language_level",
        &["Bậc ngoại ngữ", "Trình độ ngoại ngữ"],
        false,
    ),
    spec(
        Column::CertificateDate,
        "certificate_date",
        &[
            "Ngày cấp chứng chỉ",
            "Ngày cấp chứng chỉ ngoại ngữ",
            "Ngày cấp CC ngoại ngữ",
        ],
        false,
    ),
    spec(
        Column::Degree,
        "degree",
        &["Trình độ", "Trình độ chuyên môn"],
        false,
    ),
    spec(Column::HeadOf, "head_of", &["Người đứng đầu"], false),
    spec(
        Column::DepartmentLeader,
        "department_leader",
        &["Lãnh đạo sở"],
        false,
    ),
    spec(
        Column::CentralPlanApprovedOn,
        "central_plan_approved_on",
        &["Ngày phê duyệt quy hoạch"],
        false,
    ),
];

pub const ENROLMENTS: &[ColumnSpec] = &[
    ID,
    spec(
        Column::Program,
        "program",
        &["Chương trình", "programme"],
        true,
    ),
    spec(Column::StartedOn, "started_on", &["Ngày bắt đầu"], true),
    spec(
        Column::CompletedOn,
        "completed_on",
        &["Ngày hoàn thành"],
        true,
    ),
    spec(Column::Status, "status", &["Trạng thái"], false),
    spec(
        Column::Abroad,
        "abroad",
        &["Ở nước ngoài", "Nước ngoài"],
        false,
    ),
];

/// The index in `specs` of the column a header cell names, if any.
pub fn find(specs: &[ColumnSpec], cell: &str) -> Option<usize> {
    let key = fold(cell);
    if key.is_empty() {
        return None;
    }
    let names = folded_names();
    let names_key = |name: &str| match names.get(name) {
        Some(folded) => *folded == key,
        None => fold(name) == key,
    };
    specs
        .iter()
        .position(|s| names_key(s.name) || s.aliases.iter().any(|a| names_key(a)))
}

/// Every name and alias of both files' columns, folded once: `find` runs for each
/// header cell under each candidate delimiter, and in a sheet for every cell of the
/// rows searched for the header, where folding some forty names each time was
/// most of the time spent reading a small file.
fn folded_names() -> &'static HashMap<&'static str, String> {
    static FOLDED: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        ROSTER
            .iter()
            .chain(ENROLMENTS)
            .flat_map(|s| std::iter::once(s.name).chain(s.aliases.iter().copied()))
            .map(|name| (name, fold(name)))
            .collect()
    })
}

/// Which column of the file holds each known column.
#[derive(Clone, Debug)]
pub struct Header {
    /// Every header cell as the user wrote it (NFC, trimmed).
    pub names: Vec<String>,
    /// Per entry of the spec table, the 0-based index of its cell.
    found: Vec<Option<usize>>,
    specs: &'static [ColumnSpec],
    /// The same by [`Column`], for reading cells by index on the hot path.
    by_column: [Option<usize>; Column::COUNT],
}

/// A problem with a header row. Column numbers are 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    Missing {
        name: &'static str,
        alias: &'static str,
    },
    Duplicate {
        column: usize,
        first: usize,
        name: &'static str,
    },
}

impl Header {
    /// Match the header cells against `specs`.
    pub fn match_cells(
        cells: &[String],
        specs: &'static [ColumnSpec],
    ) -> (Header, Vec<HeaderProblem>) {
        let names: Vec<String> = cells.iter().map(|c| clean_text(c).into_owned()).collect();
        let mut found = vec![None; specs.len()];
        let mut problems = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let Some(s) = find(specs, name) else {
                continue;
            };
            match found[s] {
                None => found[s] = Some(i),
                Some(first) => problems.push(HeaderProblem::Duplicate {
                    column: i + 1,
                    first: first + 1,
                    name: specs[s].name,
                }),
            }
        }
        for (s, spec) in specs.iter().enumerate() {
            if spec.required && found[s].is_none() {
                problems.push(HeaderProblem::Missing {
                    name: spec.name,
                    alias: spec.aliases[0],
                });
            }
        }
        let mut by_column = [None; Column::COUNT];
        for (spec, &index) in specs.iter().zip(&found) {
            by_column[spec.column as usize] = index;
        }
        (
            Header {
                names,
                found,
                specs,
                by_column,
            },
            problems,
        )
    }

    /// The 0-based cell index of `column`, if the file has it.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.by_column[column as usize]
    }

    /// How `column` is named, if this file reads it.
    pub fn spec(&self, column: Column) -> Option<&'static ColumnSpec> {
        self.specs.iter().find(|s| s.column == column)
    }

    /// Cells with no header name (0-based).
    pub fn blank(&self) -> Vec<usize> {
        (0..self.names.len())
            .filter(|&i| self.names[i].is_empty())
            .collect()
    }

    /// Header cells that name no known column, as written.
    pub fn unknown(&self) -> Vec<&str> {
        (0..self.names.len())
            .filter(|i| !self.names[*i].is_empty() && !self.found.contains(&Some(*i)))
            .map(|i| self.names[i].as_str())
            .collect()
    }

    /// The header of cell `i` as the user wrote it.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// Whether cell `i` is under a column that boiduong reads.
    pub fn reads(&self, i: usize) -> bool {
        self.found.contains(&Some(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_english_and_vietnamese_headers_in_any_order() {
        let (h, problems) = Header::match_cells(
            &cells(&[
                "Diện",
                "  HỌ VÀ TÊN ",
                "STT",
                "ma can bo",
                "Ngày bổ nhiệm, bầu cử, phê chuẩn",
            ]),
            ROSTER,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(h.index(Column::Id), Some(3));
        assert_eq!(h.index(Column::FullName), Some(1));
        assert_eq!(h.index(Column::Role), Some(0));
        assert_eq!(h.index(Column::AppointedOn), Some(4));
        assert_eq!(h.index(Column::Unit), None);
        assert_eq!(h.unknown(), vec!["STT"]);
        assert_eq!(h.name(1), "HỌ VÀ TÊN");
    }

    #[test]
    fn names_missing_and_duplicate_columns() {
        let (_, problems) = Header::match_cells(&cells(&["id", "full_name", "Mã cán bộ"]), ROSTER);
        assert_eq!(
            problems,
            vec![
                HeaderProblem::Duplicate {
                    column: 3,
                    first: 1,
                    name: "id"
                },
                HeaderProblem::Missing {
                    name: "role",
                    alias: "Diện"
                },
            ]
        );
    }

    #[test]
    fn every_alias_folds_to_one_column_only() {
        for specs in [ROSTER, ENROLMENTS] {
            let mut keys: Vec<String> = specs
                .iter()
                .flat_map(|s| std::iter::once(s.name).chain(s.aliases.iter().copied()))
                .map(fold)
                .collect();
            let n = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), n, "an alias names two columns");
        }
    }
}
