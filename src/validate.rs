//! `validate`: the consistency warnings a careful officer wants beyond the data
//! checks of the loaders, worked out over the typed roster. Each has a stable code
//! and points at the row and column to look at.

use crate::diag::{Code, Diagnostic, Diagnostics, Problem, Severity};
use crate::i18n::say;
use crate::input::columns::Column;
use crate::input::table::FileSummary;
use crate::lang::Lang;
use crate::model::{Official, Role, Roster};

/// The last line of `validate`: what was read and how many problems of each code.
pub fn summary(diags: &Diagnostics, files: &[FileSummary], lang: Lang) -> String {
    let read: Vec<String> = files
        .iter()
        .map(|f| say::validated_file(&f.path, f.rows, f.rejected, lang))
        .collect();
    // the codes as the diagnostics above print them
    let tally: Vec<String> = diags
        .tally()
        .iter()
        .map(|(severity, code, n)| format!("{n} {}[{code}]", severity.label()))
        .collect();
    let errors = diags.count(Severity::Error);
    let warnings = diags.count(Severity::Warning);
    let mut line = if read.is_empty() {
        say::validate_unusable(lang).to_owned()
    } else {
        format!("validate: {}", read.join(", "))
    };
    line.push_str(&say::validate_counts(errors, warnings, lang));
    if !tally.is_empty() {
        line.push_str(&format!(": {}", tally.join(", ")));
    }
    line.push('.');
    line
}

/// Push a warning for every official whose row contradicts itself.
pub fn roster(roster: &Roster, file: &FileSummary, diags: &mut Diagnostics) {
    for (idx, official) in roster.iter() {
        let id = roster.id(idx).unwrap_or_default();
        if official.role == Role::Planned && !official.language_groups.is_empty() {
            let groups: Vec<String> = official
                .language_groups
                .iter()
                .map(|g| g.to_string())
                .collect();
            diags.push(warning(
                file,
                official,
                Column::LanguageGroups,
                Code::PlannedInGroup,
                Problem::PlannedInGroup {
                    id: id.to_owned(),
                    groups: groups.join("|"),
                    role_header: column_name(file, Column::Role),
                },
            ));
        }
        if let (Some(head), None) = (official.head_of, official.degree) {
            diags.push(warning(
                file,
                official,
                Column::Degree,
                Code::HeadWithoutDegree,
                Problem::HeadWithoutDegree {
                    id: id.to_owned(),
                    head,
                    degree_header: column_name(file, Column::Degree),
                },
            ));
        }
    }
}

fn warning(
    file: &FileSummary,
    official: &Official,
    column: Column,
    code: Code,
    message: Problem,
) -> Diagnostic {
    Diagnostic {
        file: file.path.clone(),
        sheet: file.sheet.clone(),
        line: Some(official.line),
        column: file.header.index(column).map(|i| i + 1),
        severity: Severity::Warning,
        code,
        message: Box::new(message),
    }
}

/// The header of `column` as the user wrote it, or its English name when the
/// file does not have it.
fn column_name(file: &FileSummary, column: Column) -> String {
    match file.header.index(column) {
        Some(i) => file.header.name(i).to_owned(),
        None => file.header.spec(column).map_or("", |s| s.name).to_owned(),
    }
}
