//! The words of what is wrong with a whole file: why it cannot be read or written,
//! a baseline refused, a workbook that cannot be opened.

use super::*;

/// Why a file cannot be read (or, `writing`, written), after its name. The
/// system's own words stay as it gave them.
pub fn why(why: &Why, writing: bool, lang: Lang) -> String {
    match (why, lang) {
        (Why::NoSuchFile, Lang::En) => "no such file".to_owned(),
        (Why::NoSuchFile, Lang::Vi) => "không có tệp này".to_owned(),
        (Why::PermissionDenied, Lang::En) => "permission denied".to_owned(),
        (Why::PermissionDenied, Lang::Vi) => "không có quyền truy cập".to_owned(),
        (Why::Directory, Lang::En) if writing => "it is a directory".to_owned(),
        (Why::Directory, Lang::En) => "it is a directory, not a file".to_owned(),
        (Why::Directory, Lang::Vi) => "đây là một thư mục, không phải một tệp".to_owned(),
        (Why::NoDirectory(dir), Lang::En) => format!("the directory {dir} does not exist"),
        (Why::NoDirectory(dir), Lang::Vi) => format!("thư mục {dir} không tồn tại"),
        (Why::NotAFile, Lang::En) => {
            "it is a device or a socket, not a file, a pipe or a terminal".to_owned()
        }
        (Why::NotAFile, Lang::Vi) => {
            "đây là một thiết bị hoặc một socket, không phải tệp, đường ống (pipe) hay \
             màn hình dòng lệnh"
                .to_owned()
        }
        (Why::IsInput { input, what }, Lang::En) => format!(
            "it is {input}, {}; writing there would destroy an input, so nothing was written",
            input_file(*what, lang)
        ),
        (Why::IsInput { input, what }, Lang::Vi) => format!(
            "đây chính là tệp {input}, {}; ghi vào đó sẽ làm mất dữ liệu đầu vào, nên chưa \
             ghi gì",
            input_file(*what, lang)
        ),
        (Why::System(text), Lang::En) => text.clone(),
        (Why::System(text), Lang::Vi) => format!("hệ điều hành báo: {text}"),
    }
}

/// An input named by what it is and how it was given.
fn input_file(what: InputFile, lang: Lang) -> &'static str {
    match (what, lang) {
        (InputFile::Roster, Lang::En) => "the roster (--roster)",
        (InputFile::Roster, Lang::Vi) => "danh sách cán bộ (--roster)",
        (InputFile::Enrolments, Lang::En) => "the enrolments file (--enrolments)",
        (InputFile::Enrolments, Lang::Vi) => "tệp đào tạo (--enrolments)",
        (InputFile::Plan, Lang::En) => "the plan file (--plan)",
        (InputFile::Plan, Lang::Vi) => "tệp kế hoạch (--plan)",
        (InputFile::Levels, Lang::En) => "the levels file (--levels)",
        (InputFile::Levels, Lang::Vi) => "tệp bảng quy đổi chứng chỉ (--levels)",
        (InputFile::Baseline, Lang::En) => "the earlier report (--baseline)",
        (InputFile::Baseline, Lang::Vi) => "báo cáo kỳ trước (--baseline)",
        (InputFile::OldReport, Lang::En) => "the earlier report compared",
        (InputFile::OldReport, Lang::Vi) => "báo cáo cũ đang được so sánh",
        (InputFile::NewReport, Lang::En) => "the later report compared",
        (InputFile::NewReport, Lang::Vi) => "báo cáo mới đang được so sánh",
    }
}

/// Why a JSON report cannot be compared.
pub(super) fn baseline(why: &Baseline, lang: Lang) -> String {
    let not_a_report = match lang {
        Lang::En => "not a JSON report of `boiduong check --format json`",
        Lang::Vi => "không phải là báo cáo JSON của `boiduong check --format json`",
    };
    match (why, lang) {
        (Baseline::NotJson(e), _) => format!("{not_a_report}: {e}"),
        (Baseline::Diff, Lang::En) => {
            "this is the output of `boiduong diff`; give a report of `boiduong check --format json`"
                .to_owned()
        }
        (Baseline::Diff, Lang::Vi) => "đây là kết quả của `boiduong diff`; hãy đưa vào một báo \
                                       cáo của `boiduong check --format json`"
            .to_owned(),
        (Baseline::NoSchema, Lang::En) => format!("{not_a_report} (it has no schema_version)"),
        (Baseline::NoSchema, Lang::Vi) => format!("{not_a_report} (không có schema_version)"),
        (Baseline::OtherSchema { found, ours }, Lang::En) => format!(
            "a report of schema_version {found}; this boiduong compares reports of \
             schema_version {ours} only"
        ),
        (Baseline::OtherSchema { found, ours }, Lang::Vi) => format!(
            "báo cáo có schema_version {found}; phiên bản boiduong này chỉ so sánh các báo cáo \
             có schema_version {ours}"
        ),
        (Baseline::NoPlan, Lang::En) => format!("{not_a_report} (it names no plan)"),
        (Baseline::NoPlan, Lang::Vi) => format!("{not_a_report} (không ghi kế hoạch nào)"),
        (Baseline::BadBody { ours, reason }, Lang::En) => {
            format!("{not_a_report} of schema_version {ours}: {reason}")
        }
        (Baseline::BadBody { ours, reason }, Lang::Vi) => {
            format!("{not_a_report} có schema_version {ours}: {reason}")
        }
        (Baseline::OtherPlan { found, plan }, Lang::En) => {
            format!("a report of plan {found}, not of plan {plan}: the targets cannot be compared")
        }
        (Baseline::OtherPlan { found, plan }, Lang::Vi) => format!(
            "báo cáo của kế hoạch {found}, không phải của kế hoạch {plan}: không thể so sánh \
             các chỉ tiêu"
        ),
    }
}

/// What is wrong with a workbook, after its name; calamine's reasons as it words them.
pub(super) fn workbook(what: &Workbook, lang: Lang) -> String {
    let quoted = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (what, lang) {
        (Workbook::Unreadable { kind, reason }, Lang::En) => {
            format!("not a readable {kind} workbook ({reason})")
        }
        (Workbook::Unreadable { kind, reason }, Lang::Vi) => {
            format!("không phải là một bảng tính {kind} đọc được (thư viện calamine báo: {reason})")
        }
        (Workbook::NoWorksheet, Lang::En) => "the workbook has no worksheet".to_owned(),
        (Workbook::NoWorksheet, Lang::Vi) => "bảng tính không có trang tính nào".to_owned(),
        (Workbook::NoSuchSheet { wanted, sheets }, Lang::En) => format!(
            "the workbook has no sheet \"{wanted}\"; its sheets: {}",
            quoted(sheets)
        ),
        (Workbook::NoSuchSheet { wanted, sheets }, Lang::Vi) => format!(
            "bảng tính không có trang tính \"{wanted}\"; các trang tính của nó: {}",
            quoted(sheets)
        ),
        (Workbook::SheetUnreadable { name, reason }, Lang::En) => {
            format!("cannot read sheet \"{name}\" ({reason})")
        }
        (Workbook::SheetUnreadable { name, reason }, Lang::Vi) => {
            format!("không đọc được trang tính \"{name}\" (thư viện calamine báo: {reason})")
        }
    }
}
