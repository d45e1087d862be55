//! What the commands say on stderr (and `validate`'s last line), in each
//! language. Input diagnostics (`file:line:column: error[code]: …`) are worded
//! by `input/` and stay English for now: see the README, "Languages".

use std::path::Path;

use crate::input::table::FileSummary;
use crate::lang::Lang;

/// Files could not be used at all.
pub fn nothing_evaluated(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "error: nothing was evaluated: an input file cannot be used (see above)",
        Lang::Vi => "lỗi: chưa đánh giá gì: có tệp dữ liệu không dùng được (xem ở trên)",
    }
}

/// Rows have errors and `--skip-invalid` was not given.
pub fn problems_in_input(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "error: {errors} problem(s) in the input; nothing was evaluated on partial data. \
             Fix them, or use --skip-invalid to go on without the rejected rows."
        ),
        Lang::Vi => format!(
            "lỗi: dữ liệu có {errors} lỗi; không đánh giá trên dữ liệu thiếu. \
             Hãy sửa các lỗi, hoặc dùng --skip-invalid để chạy tiếp mà không có các dòng bị loại."
        ),
    }
}

/// What leaving rows out makes of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Incomplete {
    Report,
    Lists,
}

/// The warning that rows were left out with `--skip-invalid`: `rows` with errors,
/// and `of_rejected` enrolments of the officials whose roster rows were among them.
pub fn left_out(rows: usize, of_rejected: usize, what: Incomplete, lang: Lang) -> String {
    let mut line = match lang {
        Lang::En => {
            format!("warning: {rows} input row(s) with errors were left out (--skip-invalid)")
        }
        Lang::Vi => format!("cảnh báo: đã bỏ qua {rows} dòng dữ liệu có lỗi (--skip-invalid)"),
    };
    if of_rejected > 0 {
        line.push_str(&match lang {
            Lang::En => format!(
                ", and {of_rejected} enrolment(s) of the officials whose roster rows were left out"
            ),
            Lang::Vi => format!(
                ", cùng {of_rejected} dòng đào tạo, bồi dưỡng của các cán bộ có dòng trong danh sách bị bỏ qua"
            ),
        });
    }
    line.push_str("; ");
    line.push_str(match (lang, what) {
        (Lang::En, Incomplete::Report) => "the report is incomplete",
        (Lang::En, Incomplete::Lists) => "the lists are incomplete",
        (Lang::Vi, Incomplete::Report) => "báo cáo chưa đầy đủ",
        (Lang::Vi, Incomplete::Lists) => "danh sách chưa đầy đủ",
    });
    line
}

/// `-v`: what the baseline says of the report.
pub fn baseline_marked(
    path: &str,
    as_of: chrono::NaiveDate,
    sha256: &str,
    (new, persisting, resolved): (usize, usize, usize),
    lang: Lang,
) -> String {
    let as_of = lang.date(as_of);
    match lang {
        Lang::En => format!(
            "{path}: baseline as of {as_of}, sha256 {sha256}: {new} new, {persisting} persisting, \
             {resolved} resolved"
        ),
        Lang::Vi => format!(
            "{path}: báo cáo trước tính đến ngày {as_of}, sha256 {sha256}: {new} mới, \
             {persisting} vẫn còn, {resolved} đã khắc phục"
        ),
    }
}

/// Two reports of one as-of date given to `trend`: which is the quarter's?
pub fn trend_same_as_of(as_of: chrono::NaiveDate, first: &str, second: &str, lang: Lang) -> String {
    let as_of = lang.date(as_of);
    match lang {
        Lang::En => format!(
            "error: {first} and {second} are both as of {as_of}: a trend takes one report per \
             as-of date; leave one out"
        ),
        Lang::Vi => format!(
            "lỗi: {first} và {second} cùng tính đến ngày {as_of}: mỗi ngày tính chỉ lấy một báo \
             cáo; hãy bỏ bớt một báo cáo"
        ),
    }
}

/// A baseline later than the report it is compared with.
pub fn baseline_later(old: chrono::NaiveDate, new: chrono::NaiveDate, lang: Lang) -> String {
    let (old, new) = (lang.date(old), lang.date(new));
    match lang {
        Lang::En => format!(
            "it is as of {old}, after the report it is compared with (as of {new}): \
             new and resolved are the other way round"
        ),
        Lang::Vi => format!(
            "báo cáo này tính đến ngày {old}, sau báo cáo được so sánh (tính đến ngày {new}): \
             mới và đã khắc phục bị đảo ngược"
        ),
    }
}

/// A baseline made with another `--due-soon-days`.
pub fn baseline_due_soon(old_days: u32, new_days: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "its due-soon window was {old_days} days, now {new_days}: some findings \
             change for that alone"
        ),
        Lang::Vi => format!(
            "khi lập báo cáo này, \"sắp đến hạn\" là trong {old_days} ngày, nay là {new_days}: \
             một số trường hợp thay đổi chỉ vì vậy"
        ),
    }
}

/// A workbook asked for on a terminal; `by_unit`: the command also writes one
/// per unit (`gaps --by-unit`).
pub fn no_workbook_on_terminal(by_unit: bool, lang: Lang) -> &'static str {
    match (lang, by_unit) {
        (Lang::En, true) => {
            "error: a workbook is not for a terminal: use --output FILE.xlsx or --by-unit DIR"
        }
        (Lang::Vi, true) => {
            "lỗi: không thể in bảng tính ra màn hình: dùng --output TỆP.xlsx hoặc --by-unit THƯ_MỤC"
        }
        (Lang::En, false) => "error: a workbook is not for a terminal: use --output FILE.xlsx",
        (Lang::Vi, false) => "lỗi: không thể in bảng tính ra màn hình: dùng --output TỆP.xlsx",
    }
}

/// `gaps --by-unit`: the files written.
pub fn unit_files_written(n: usize, dir: &Path, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::En => {
            format!("gaps: {n} file(s) written to {dir}, one per unit with someone to train")
        }
        Lang::Vi => {
            format!("gaps: đã ghi {n} tệp vào {dir}, mỗi đơn vị có người cần cử đi học một tệp")
        }
    }
}

/// A set of files (`gaps --by-unit`, `template`) that could not be written whole.
pub fn set_not_written(dir: &Path, lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::En => {
            format!("nothing was written to {dir}; the files already in it are as they were")
        }
        Lang::Vi => {
            format!("chưa ghi tệp nào vào {dir}; các tệp đã có trong thư mục vẫn giữ nguyên như cũ")
        }
    }
}

/// `explain` of a rule the plan does not have.
pub fn unknown_rule(plan: &str, rule: &str, rules: &[&str], lang: Lang) -> String {
    let rules = rules.join(", ");
    match lang {
        Lang::En => format!("error: plan {plan} has no rule \"{rule}\"; its rules: {rules}"),
        Lang::Vi => {
            format!("lỗi: Kế hoạch {plan} không có chỉ tiêu \"{rule}\"; các chỉ tiêu: {rules}")
        }
    }
}

/// `template` would overwrite files.
pub fn would_overwrite(existing: &[String], lang: Lang) -> String {
    let existing = existing.join(", ");
    match lang {
        Lang::En => {
            format!("error: {existing} already exist(s); nothing was written (--force overwrites)")
        }
        Lang::Vi => format!("lỗi: {existing} đã có; chưa ghi gì (--force để ghi đè)"),
    }
}

/// A file written: by `-o`, and by `template`.
pub fn wrote(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("wrote {}", path.display()),
        Lang::Vi => format!("đã ghi {}", path.display()),
    }
}

/// `validate`'s last line: a file read, with its rows and the rows rejected.
pub fn validated_file(path: &str, rows: usize, rejected: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{path} ({rows} rows, {rejected} rejected)"),
        Lang::Vi => format!("{path} ({rows} dòng, {rejected} bị loại)"),
    }
}

/// `validate`'s last line when no file could be read.
pub fn validate_unusable(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "validate: an input file cannot be used",
        Lang::Vi => "validate: có tệp dữ liệu không dùng được",
    }
}

/// `validate`'s count of problems: `; 2 error(s), 1 warning(s)`.
pub fn validate_counts(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("; {errors} error(s), {warnings} warning(s)"),
        Lang::Vi => format!("; {errors} lỗi, {warnings} cảnh báo"),
    }
}

/// `BOIDUONG_LANG` names no language boiduong speaks: said in both, since
/// which one is wanted is what is unknown.
pub fn unknown_lang(value: &str) -> String {
    format!(
        "error: BOIDUONG_LANG={value:?} is neither vi (Vietnamese) nor en (English); \
         set it to one of them, or unset it to follow LANG\n\
         lỗi: BOIDUONG_LANG={value:?} không phải vi (tiếng Việt) hay en (tiếng Anh); \
         hãy đặt một trong hai giá trị này, hoặc bỏ biến này để theo LANG"
    )
}

/// `--format` says one format, the name of `-o`'s file another.
pub fn format_contradicts_file(given: &str, path: &Path, named: &str, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::En => format!(
            "error: --format {given} but -o {path} ends as a {named} file; \
             name the file for {given}, or leave out --format to write {named}"
        ),
        Lang::Vi => format!(
            "lỗi: --format {given} nhưng tệp -o {path} có đuôi của tệp {named}; \
             hãy đặt tên tệp theo định dạng {given}, hoặc bỏ --format để ghi tệp {named}"
        ),
    }
}

/// The name of `-o`'s file asks for a format `command` does not write.
pub fn format_not_written(
    command: &str,
    path: &Path,
    named: &str,
    formats: &[&str],
    lang: Lang,
) -> String {
    let (path, formats) = (path.display(), formats.join(", "));
    match lang {
        Lang::En => format!(
            "error: -o {path} asks for a {named} file, which {command} does not write; \
             it writes {formats} (give --format, or another name)"
        ),
        Lang::Vi => format!(
            "lỗi: tệp -o {path} là tệp {named}, lệnh {command} không ghi được định dạng này; \
             lệnh chỉ ghi {formats} (hãy thêm --format, hoặc đặt tên khác)"
        ),
    }
}

/// With `--verbose`: how a file was read.
pub fn file_read(f: &FileSummary, lang: Lang) -> String {
    let row = f.header_row.unwrap_or(1);
    let layout = match (f.delimiter, &f.sheet, lang) {
        (Some(b'\t'), _, Lang::En) => "delimiter tab".to_owned(),
        (Some(b'\t'), _, Lang::Vi) => "phân cách bằng tab".to_owned(),
        (Some(d), _, Lang::En) => format!("delimiter '{}'", d as char),
        (Some(d), _, Lang::Vi) => format!("phân cách bằng '{}'", d as char),
        (None, Some(sheet), Lang::En) => format!("sheet \"{sheet}\", header on row {row}"),
        (None, Some(sheet), Lang::Vi) => {
            format!("trang tính \"{sheet}\", dòng tiêu đề là dòng {row}")
        }
        (None, None, _) => String::new(),
    };
    let (path, encoding) = (&f.path, f.encoding.name());
    let (rows, rejected, sha256) = (f.rows, f.rejected, &f.sha256);
    match lang {
        Lang::En => {
            format!(
                "{path}: {encoding}, {layout}, {rows} rows, {rejected} rejected, sha256 {sha256}"
            )
        }
        Lang::Vi => format!(
            "{path}: {encoding}, {layout}, {rows} dòng, {rejected} dòng bị loại, sha256 {sha256}"
        ),
    }
}

/// With `--verbose`: the columns of a file that no rule reads.
pub fn ignored_columns(path: &str, ignored: &[String], lang: Lang) -> String {
    let ignored = ignored.join(", ");
    match lang {
        Lang::En => format!("{path}: ignored columns: {ignored}"),
        Lang::Vi => format!("{path}: các cột bỏ qua: {ignored}"),
    }
}

/// A workbook read: its sheet, and the row taken for the header.
pub fn sheet_read(path: &str, sheet: &str, row: u64, lang: Lang) -> String {
    let above = match (row > 1, lang) {
        (false, _) => String::new(),
        (true, Lang::En) => format!(" (rows 1–{} above it skipped)", row - 1),
        (true, Lang::Vi) => format!(" (bỏ qua các dòng 1–{} phía trên)", row - 1),
    };
    match lang {
        Lang::En => format!("{path}: read sheet \"{sheet}\", header on row {row}{above}"),
        Lang::Vi => {
            format!("{path}: đã đọc trang tính \"{sheet}\", dòng tiêu đề là dòng {row}{above}")
        }
    }
}

/// The head of the list a `--by-unit` folder keeps of the files written there,
/// in both languages: whoever opens the folder reads it.
pub const BY_UNIT_LIST_HEAD: &str = "# boiduong: the files it wrote here last; the next run replaces them, and only \
     them (delete this file to keep them).\n\
     # boiduong: các tệp đã ghi vào đây lần trước; lần chạy sau sẽ thay các tệp này, và \
     chỉ các tệp này (xóa tệp này nếu muốn giữ chúng).\n";

/// A `--roster-sheet` or `--enrolments-sheet` given for a file read as CSV.
pub fn sheet_of_csv(flag: &str, path: &Path, lang: Lang) -> String {
    let path = path.display();
    match lang {
        Lang::En => format!(
            "error: {flag} names a sheet of a workbook (.xlsx, .xlsm, .xls, .ods), but {path} is read as CSV"
        ),
        Lang::Vi => format!(
            "lỗi: {flag} chỉ trang tính của một sổ tính (.xlsx, .xlsm, .xls, .ods), nhưng tệp {path} được đọc như tệp CSV"
        ),
    }
}

/// `--delimiter` given when both inputs are workbooks.
pub fn delimiter_of_workbooks(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "error: --delimiter applies to CSV files, and both inputs are workbooks",
        Lang::Vi => "lỗi: --delimiter chỉ dùng cho tệp CSV, mà cả hai tệp đầu vào đều là sổ tính",
    }
}

/// `--output-delimiter` given something that is not a delimiter.
pub fn not_an_output_delimiter(value: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "error: --output-delimiter \"{value}\" is not a delimiter: use ',', ';' or 'tab'"
        ),
        Lang::Vi => format!(
            "lỗi: --output-delimiter \"{value}\" không phải là dấu phân cách: dùng ',', ';' hoặc 'tab'"
        ),
    }
}

/// `--output-delimiter` given for a run that writes no CSV (`format`).
pub fn output_delimiter_not_csv(format: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("error: --output-delimiter applies to CSV output, and this run writes {format}")
        }
        Lang::Vi => format!(
            "lỗi: --output-delimiter chỉ dùng khi xuất tệp CSV, mà lần chạy này xuất dạng {format}"
        ),
    }
}

/// `man COMMAND` of a command that does not exist.
pub fn no_such_command(command: &str, commands: &[String], lang: Lang) -> String {
    let commands = commands.join(", ");
    match lang {
        Lang::En => {
            format!("error: there is no command \"{command}\"; the commands are: {commands}")
        }
        Lang::Vi => format!("lỗi: không có lệnh \"{command}\"; các lệnh là: {commands}"),
    }
}

/// No `--as-of`: the date used, and the advice to give the export's.
pub fn as_of_today(today: chrono::NaiveDate, lang: Lang) -> String {
    let date = lang.date(today);
    match lang {
        Lang::En => format!(
            "note: no --as-of, so the results are as of today, {date}; give the date of the \
             export with --as-of DATE (yyyy-mm-dd or dd/mm/yyyy) so that they do not change \
             with the day of the run"
        ),
        Lang::Vi => format!(
            "lưu ý: không có --as-of nên kết quả được tính đến ngày hôm nay, {date}; hãy ghi \
             ngày xuất dữ liệu bằng --as-of NGÀY (dd/mm/yyyy hoặc yyyy-mm-dd) để kết quả không \
             thay đổi theo ngày chạy"
        ),
    }
}
