//! The language people read: English or Vietnamese, chosen with
//! `--lang` or from the environment, and the fixed words of every report in both
//! languages side by side.
//!
//! Renderers never compare languages: they take a [`Lang`] and ask it for its
//! [`Words`], its statuses and dates, and the names of coded values
//! (`names.rs`: `lang.note(note)`); a programme's name is the plan's
//! (`Glossary::program`). Sentences with numbers in
//! them are worded by the modules beside this one (`report.rs`, `gaps.rs`,
//! `template.rs`, `say.rs`), each with both languages in one `match`; longer texts
//! written in both languages (each rule kind's DOC) are a [`Bilingual`]. JSON keys,
//! codes and ISO dates are the contract (docs/json-report.md) and never go through here.
//!
//! Vietnamese uses the plan's own terms: đương chức, quy hoạch, đạt, chưa đạt,
//! thiếu, quá hạn, sắp đến hạn, hoàn thành muộn, and the programme names of
//! App. 02 and docs/input.md. Every word is NFC (a test holds it), so that a table
//! measures each letter with its marks as one column.

use std::borrow::Borrow;

use crate::lang::Lang;
use crate::model::{HeadOf, Severity};
use crate::report::Change;

pub mod cli;
pub mod diag;
pub mod gaps;
pub mod html;
pub mod kinds;
mod names;
pub mod report;
pub mod say;
pub mod template;
use crate::model::status::{PersonStatus, TargetStatus};

impl Lang {
    /// The fixed words of this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }

    /// A target status as people read it; a gap stands out in capitals.
    pub fn target_status(self, status: TargetStatus) -> &'static str {
        let w = self.words();
        match status {
            TargetStatus::Met => w.met,
            TargetStatus::AtRisk => w.at_risk,
            TargetStatus::Gap => w.gap,
            TargetStatus::InProgress => w.in_progress,
            TargetStatus::Open => w.target_open,
            TargetStatus::NoData => w.no_data,
        }
    }

    /// A target row's status as people read it, with what the row requires. A
    /// row without data because the plan sets no number for it (nothing required:
    /// a year of OVERSEAS the office gave no quota) says so in Vietnamese, "chưa
    /// giao chỉ tiêu"; the English "no data" is the same as for any other row
    /// without data (an empty group requires 0, not nothing).
    pub fn row_status(self, status: TargetStatus, required: Option<u32>) -> &'static str {
        match (status, required) {
            (TargetStatus::NoData, None) => self.words().no_quota,
            _ => self.target_status(status),
        }
    }

    /// A person's status under a rule as people read it.
    pub fn person_status(self, status: PersonStatus) -> &'static str {
        let w = self.words();
        match status {
            PersonStatus::Done => w.done,
            PersonStatus::Late => w.late,
            PersonStatus::Overdue => w.overdue,
            PersonStatus::DueSoon => w.due_soon,
            PersonStatus::Open => w.person_open,
            PersonStatus::MissingData => w.missing_data,
            PersonStatus::NotReady => w.not_ready,
        }
    }

    /// What a finding is against an earlier report: the code in English
    /// (`new`), as the table has always said it; the plan's words in Vietnamese.
    pub fn change(self, change: Change) -> &'static str {
        match (self, change) {
            (Lang::En, change) => change.code(),
            (Lang::Vi, Change::New) => "mới",
            (Lang::Vi, Change::Persisting) => "vẫn còn",
            (Lang::Vi, Change::Resolved) => "đã khắc phục",
        }
    }

    /// A cell of a code column of a CSV file (severity, status, programme,
    /// change): in English the `code`, as the JSON writes it, so that a filter
    /// or a script written against earlier files keeps working; in Vietnamese
    /// the `words` people read in the table, as a Vietnamese HR office files it.
    pub fn in_csv<'a>(self, code: &'a str, words: &'a str) -> &'a str {
        match self {
            Lang::En => code,
            Lang::Vi => words,
        }
    }

    /// An institution whose head the plan names (II.1 ¶2): the code in English
    /// (`political_school`, as the roster's `head_of` writes it), its name in
    /// Vietnamese (`Trường Chính trị tỉnh`).
    pub fn institution(self, head: HeadOf) -> &'static str {
        match (self, head) {
            (Lang::En, head) => head.code(),
            (Lang::Vi, HeadOf::PoliticalSchool) => "Trường Chính trị tỉnh",
            (Lang::Vi, HeadOf::College) => "trường cao đẳng",
            (Lang::Vi, HeadOf::Health) => "ngành Y tế",
            (Lang::Vi, HeadOf::ScienceTechnology) => "ngành Khoa học và Công nghệ",
        }
    }

    /// A severity as people read it (the codes `error`, `warning` stay in JSON).
    pub fn severity(self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => self.words().error,
            Severity::Warning => self.words().warning,
        }
    }
}

/// A text written in both languages, side by side where it is defined (the DOC
/// of each rule kind, printed by `explain`).
#[derive(Debug)]
pub struct Bilingual {
    pub en: &'static str,
    pub vi: &'static str,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        }
    }
}

/// The text in `lang` of two fixed ones.
pub fn pick(lang: Lang, en: &str, vi: &str) -> String {
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
    .to_owned()
}

/// `A`, `A and B`, `A, B and C`; `và` in Vietnamese.
pub fn and_list<S: Borrow<str>>(items: &[S], lang: Lang) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.borrow().to_owned(),
        Some((last, rest)) => {
            let and = match lang {
                Lang::En => "and",
                Lang::Vi => "và",
            };
            format!("{} {and} {}", rest.join(", "), last.borrow())
        }
    }
}

/// The fixed words of the reports in one language.
#[derive(Debug)]
pub struct Words {
    // target statuses
    pub met: &'static str,
    pub at_risk: &'static str,
    pub gap: &'static str,
    pub in_progress: &'static str,
    pub target_open: &'static str,
    pub no_data: &'static str,
    /// No data because the plan sets no number (see `Lang::row_status`).
    pub no_quota: &'static str,
    // person statuses
    pub done: &'static str,
    pub late: &'static str,
    pub overdue: &'static str,
    pub due_soon: &'static str,
    pub person_open: &'static str,
    pub missing_data: &'static str,
    pub not_ready: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    /// The headings of the targets table (check, diff, Markdown).
    pub target_headings: [&'static str; 9],
    /// The headings of a findings table.
    pub finding_headings: [&'static str; 8],
    /// The first column of findings compared with a baseline.
    pub change: &'static str,
    /// The headings of the units of a diff.
    pub unit_headings: [&'static str; 6],
    /// The header of `check --format csv`, and the two columns a comparison adds.
    pub csv_header: [&'static str; 17],
    pub csv_change_header: [&'static str; 2],
    pub targets: &'static str,
    pub findings: &'static str,
    pub none: &'static str,
    pub resolved_prefix: &'static str,
    pub new_findings: &'static str,
    pub resolved_findings: &'static str,
    pub changed_findings: &'static str,
    // target rows
    pub title_programme_of_level: &'static str,
    pub title_programme_of_planned_level: &'static str,
    pub abroad: &'static str,
    pub not_set: &'static str,
    pub derived: &'static str,
    pub required_programme: &'static str,
    // rules and explain
    pub rules_headings: [&'static str; 4],
    pub plans_words: &'static str,
    /// The four headings of every rule kind's DOC, in order (`## What it
    /// checks`, ...); a test holds every DOC to them in both languages.
    pub doc_headings: [&'static str; 4],
    // gaps
    pub list_header: [&'static str; 7],
    pub gaps_summary_headings: [&'static str; 3],
    pub pressure: &'static str,
    pub candidate_headings: [&'static str; 8],
    pub gaps_csv_header: [&'static str; 8],
    pub level_unknown_list: &'static str,
    pub language_list_note: &'static str,
    pub summary_sheet: &'static str,
    pub no_rule: &'static str,
    // the workbook of check
    /// The sheet of the units in numbers.
    pub units_sheet: &'static str,
    // the block at the top of the summary sheet
    pub plan: &'static str,
    pub as_of: &'static str,
    pub roster: &'static str,
    pub enrolments: &'static str,
    /// The column of the inputs' fingerprints.
    pub fingerprint: &'static str,
    pub target_rows: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub input_warnings: &'static str,
    pub rows_left_out: &'static str,
    pub new: &'static str,
    pub persisting: &'static str,
    pub resolved: &'static str,
    pub new_errors: &'static str,
    /// The column after the targets' status: why a row stands where it does.
    pub note: &'static str,
    /// The columns of a rule's sheet, one finding a row.
    pub finding_columns: [&'static str; 15],
    /// The units sheet's first four columns (the language columns name the level).
    pub unit_columns: [&'static str; 4],
    pub in_language_groups: &'static str,
    pub total: &'static str,
    // the numbers the charts are drawn from
    pub group: &'static str,
    pub officials: &'static str,
    pub target_share: &'static str,
    /// The heading of the table (and title of the chart) of the deadline rules'
    /// officials by status.
    pub people_by_status: &'static str,
}

/// Words that join a name to what follows (`and`, `of`, `và`, `của`, …): a name cut
/// to fit, as a sheet name is, does not end on one.
pub const JOINING_WORDS: [&str; 10] = [
    "and", "or", "of", "for", "the", "và", "hoặc", "của", "cho", "các",
];

pub static EN: Words = Words {
    met: "met",
    at_risk: "at risk",
    gap: "GAP",
    in_progress: "in progress",
    target_open: "open",
    no_data: "no data",
    no_quota: "no data",
    done: "done",
    late: "late",
    overdue: "overdue",
    due_soon: "due soon",
    person_open: "open",
    missing_data: "missing data",
    not_ready: "not ready",
    error: "error",
    warning: "warning",
    target_headings: [
        "Rule",
        "Clause",
        "Group / programme",
        "Year",
        "Population / quota",
        "Achieved",
        "Required",
        "Shortfall",
        "Status",
    ],
    finding_headings: [
        "ID",
        "Full name",
        "Unit",
        "Status",
        "Programme",
        "Deadline",
        "Days",
        "Note",
    ],
    change: "Change",
    unit_headings: [
        "Unit",
        "Overdue",
        "Due soon",
        "Missing data",
        "Not ready",
        "Late",
    ],
    csv_header: [
        "rule",
        "clause",
        "severity",
        "status",
        "id",
        "full_name",
        "unit",
        "title",
        "program",
        "anchor",
        "deadline",
        "days_overdue",
        "days_left",
        "days_late",
        "completed_on",
        "note",
        "message",
    ],
    csv_change_header: ["change", "previous_status"],
    targets: "Targets",
    findings: "Findings",
    none: "none",
    resolved_prefix: "Resolved: ",
    new_findings: "New findings",
    resolved_findings: "Resolved findings",
    changed_findings: "Findings whose status changed",
    title_programme_of_level: "title programme of the level",
    title_programme_of_planned_level: "title programme of the planned level",
    abroad: "abroad",
    not_set: "not set",
    derived: "derived",
    required_programme: "the required programme",
    rules_headings: ["Rule", "Clause", "Kind", "Target"],
    plans_words: "The plan's words",
    doc_headings: [
        "## What it checks",
        "## How it is computed",
        "## Example",
        "## Edge cases",
    ],
    list_header: [
        "ID",
        "Full name",
        "Unit",
        "Title",
        "Why",
        "Deadline",
        "Days",
    ],
    gaps_summary_headings: ["Programme", "Why", "To train"],
    pressure: "Pressure",
    candidate_headings: [
        "Rank",
        "ID",
        "Full name",
        "Unit",
        "Title",
        "Level",
        "In post since",
        "Note",
    ],
    gaps_csv_header: [
        "id",
        "full_name",
        "unit",
        "title",
        "programme",
        "reasons",
        "deadline",
        "days",
    ],
    level_unknown_list: "title programme, level unknown",
    language_list_note: "(the candidates of the language groups above; one in two groups is listed once)",
    summary_sheet: "Summary",
    no_rule: "no rule",
    units_sheet: "Units",
    plan: "Plan",
    as_of: "As of",
    roster: "Roster",
    enrolments: "Enrolments",
    fingerprint: "SHA-256 fingerprint",
    target_rows: "Target rows",
    errors: "Errors",
    warnings: "Warnings",
    input_warnings: "Warnings on the input",
    rows_left_out: "Input rows left out",
    new: "New findings",
    persisting: "Persisting findings",
    resolved: "Resolved findings",
    new_errors: "New errors",
    note: "Note",
    finding_columns: [
        "ID",
        "Full name",
        "Unit",
        "Title",
        "Status",
        "Severity",
        "Programme",
        "Counted from",
        "Deadline",
        "Days overdue",
        "Days left",
        "Days late",
        "Completed on",
        "Note",
        "Message",
    ],
    unit_columns: ["Unit", "Officials", "Overdue", "Due soon"],
    in_language_groups: "Incumbents in the language groups",
    total: "Total",
    group: "Language group",
    officials: "Incumbents",
    target_share: "Target share",
    people_by_status: "Officials by status, rules with a deadline",
};

pub static VI: Words = Words {
    met: "đạt",
    at_risk: "có nguy cơ không đạt",
    gap: "CHƯA ĐẠT",
    in_progress: "đang thực hiện",
    target_open: "chưa đến hạn",
    no_data: "không có dữ liệu",
    no_quota: "chưa giao chỉ tiêu",
    done: "đã hoàn thành",
    late: "hoàn thành muộn",
    overdue: "quá hạn",
    due_soon: "sắp đến hạn",
    person_open: "chưa đến hạn",
    missing_data: "thiếu dữ liệu",
    not_ready: "chưa đáp ứng",
    error: "lỗi",
    warning: "cảnh báo",
    target_headings: [
        "Mã chỉ tiêu",
        "Mục",
        "Nhóm / chương trình",
        "Năm",
        "Số cán bộ / chỉ tiêu",
        "Đã đạt",
        "Cần đạt",
        "Thiếu",
        "Tình trạng",
    ],
    finding_headings: [
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Tình trạng",
        "Chương trình",
        "Hạn",
        "Số ngày",
        "Ghi chú",
    ],
    change: "Thay đổi",
    unit_headings: [
        "Cơ quan, đơn vị",
        "Quá hạn",
        "Sắp đến hạn",
        "Thiếu dữ liệu",
        "Chưa đáp ứng",
        "Hoàn thành muộn",
    ],
    csv_header: [
        "Mã chỉ tiêu",
        "Mục",
        "Mức độ",
        "Tình trạng",
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Chương trình",
        "Ngày tính hạn",
        "Hạn",
        "Số ngày quá hạn",
        "Số ngày còn lại",
        "Số ngày muộn",
        "Ngày hoàn thành",
        "Ghi chú",
        "Nội dung",
    ],
    csv_change_header: ["Thay đổi", "Tình trạng trước"],
    targets: "Chỉ tiêu",
    findings: "Cán bộ cần lưu ý",
    none: "không có",
    resolved_prefix: "Đã khắc phục: ",
    new_findings: "Trường hợp mới",
    resolved_findings: "Trường hợp đã khắc phục",
    changed_findings: "Trường hợp đổi tình trạng",
    title_programme_of_level: "bồi dưỡng chức danh theo cấp",
    title_programme_of_planned_level: "bồi dưỡng chức danh quy hoạch",
    abroad: "ở nước ngoài",
    not_set: "chưa giao",
    derived: "suy ra",
    required_programme: "chương trình phải học",
    rules_headings: ["Mã chỉ tiêu", "Mục", "Loại", "Chỉ tiêu"],
    plans_words: "Lời văn của Kế hoạch",
    doc_headings: [
        "## Kiểm tra điều gì",
        "## Cách tính",
        "## Ví dụ",
        "## Trường hợp đặc biệt",
    ],
    list_header: [
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Lý do",
        "Hạn",
        "Số ngày",
    ],
    gaps_summary_headings: ["Chương trình", "Lý do", "Số người cần cử đi học"],
    pressure: "So với chỉ tiêu",
    candidate_headings: [
        "STT",
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Bậc",
        "Giữ chức từ",
        "Ghi chú",
    ],
    gaps_csv_header: [
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Chương trình",
        "Lý do",
        "Hạn",
        "Số ngày đến hạn (số âm: số ngày đã quá hạn)",
    ],
    level_unknown_list: "bồi dưỡng chức danh, chưa rõ cấp",
    language_list_note: "(các ứng viên của các nhóm ngoại ngữ ở trên; người thuộc hai nhóm chỉ ghi một lần)",
    summary_sheet: "Tổng hợp",
    no_rule: "không có chỉ tiêu",
    units_sheet: "Theo đơn vị",
    plan: "Kế hoạch",
    as_of: "Tính đến ngày",
    roster: "Danh sách cán bộ",
    enrolments: "Danh sách đào tạo, bồi dưỡng",
    fingerprint: "Mã kiểm tra SHA-256",
    target_rows: "Dòng chỉ tiêu",
    errors: "Trường hợp mức lỗi",
    warnings: "Trường hợp mức cảnh báo",
    input_warnings: "Cảnh báo về dữ liệu",
    rows_left_out: "Dòng dữ liệu bị bỏ qua",
    new: "Trường hợp mới",
    persisting: "Trường hợp vẫn còn",
    resolved: "Trường hợp đã khắc phục",
    new_errors: "Trường hợp mức lỗi mới",
    note: "Ghi chú",
    finding_columns: [
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Tình trạng",
        "Mức độ",
        "Chương trình",
        "Ngày tính hạn",
        "Hạn",
        "Số ngày quá hạn",
        "Số ngày còn lại",
        "Số ngày muộn",
        "Ngày hoàn thành",
        "Ghi chú",
        "Nội dung",
    ],
    unit_columns: ["Cơ quan, đơn vị", "Số cán bộ", "Quá hạn", "Sắp đến hạn"],
    in_language_groups: "Cán bộ đương chức thuộc các nhóm ngoại ngữ",
    total: "Tổng cộng",
    group: "Nhóm ngoại ngữ",
    officials: "Số cán bộ đương chức",
    target_share: "Tỷ lệ chỉ tiêu",
    people_by_status: "Cán bộ theo tình trạng, các chỉ tiêu có thời hạn",
};

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn dates_are_iso_in_english_and_day_first_in_vietnamese() {
        let d = NaiveDate::from_ymd_opt(2026, 2, 8).unwrap();
        assert_eq!(Lang::En.date(d).to_string(), "2026-02-08");
        assert_eq!(Lang::Vi.date(d).to_string(), "08/02/2026");
    }

    /// Every fixed word of both languages, for the checks below.
    fn all_words(lang: Lang) -> Vec<&'static str> {
        let w = lang.words();
        let mut all = vec![
            w.met,
            w.at_risk,
            w.gap,
            w.in_progress,
            w.target_open,
            w.no_data,
            w.no_quota,
            w.done,
            w.late,
            w.overdue,
            w.due_soon,
            w.person_open,
            w.missing_data,
            w.not_ready,
            w.error,
            w.warning,
            w.change,
            w.targets,
            w.findings,
            w.none,
            w.resolved_prefix,
            w.new_findings,
            w.resolved_findings,
            w.changed_findings,
            w.title_programme_of_level,
            w.title_programme_of_planned_level,
            w.abroad,
            w.not_set,
            w.derived,
            w.required_programme,
            w.plans_words,
            w.pressure,
            w.level_unknown_list,
            w.language_list_note,
            w.summary_sheet,
            w.no_rule,
            w.units_sheet,
            w.plan,
            w.as_of,
            w.roster,
            w.enrolments,
            w.fingerprint,
            w.target_rows,
            w.errors,
            w.warnings,
            w.input_warnings,
            w.rows_left_out,
            w.new,
            w.persisting,
            w.resolved,
            w.new_errors,
            w.note,
            w.in_language_groups,
            w.total,
            w.group,
            w.officials,
            w.target_share,
            w.people_by_status,
        ];
        all.extend(w.target_headings);
        all.extend(w.finding_headings);
        all.extend(w.unit_headings);
        all.extend(w.csv_header);
        all.extend(w.csv_change_header);
        all.extend(w.rules_headings);
        all.extend(w.doc_headings);
        all.extend(w.list_header);
        all.extend(w.gaps_summary_headings);
        all.extend(w.candidate_headings);
        all.extend(w.gaps_csv_header);
        all.extend([Change::New, Change::Persisting, Change::Resolved].map(|c| lang.change(c)));
        all.extend(
            [
                HeadOf::PoliticalSchool,
                HeadOf::College,
                HeadOf::Health,
                HeadOf::ScienceTechnology,
            ]
            .map(|h| lang.institution(h)),
        );
        all.extend(w.finding_columns);
        all.extend(w.unit_columns);
        all
    }

    #[test]
    fn every_word_is_nfc_and_not_empty() {
        for lang in [Lang::En, Lang::Vi] {
            for word in all_words(lang) {
                assert!(is_nfc(word), "{lang:?}: {word:?} is not NFC");
                assert!(!word.trim().is_empty(), "{lang:?}: an empty word");
            }
        }
    }

    #[test]
    fn vietnamese_words_differ_from_english_where_they_are_words() {
        let (en, vi) = (all_words(Lang::En), all_words(Lang::Vi));
        assert_eq!(en.len(), vi.len());
        let same: Vec<_> = en.iter().zip(&vi).filter(|(e, v)| e == v).collect();
        assert!(same.is_empty(), "not translated: {same:?}");
    }
}
