//! The help of the command line in English and Vietnamese: what each command
//! does, each argument and each of its values, examples a user types on the
//! bundled data, and the manual page's own sections (exit status, environment).
//!
//! `src/cli.rs` declares the commands and arguments and lays these texts out
//! (`--help`, the manual page); a unit test there walks the whole command tree
//! and fails when an argument or value lacks a text here, or a text here names
//! nothing there. Arguments are named by their clap id (the field's name in
//! `src/cli.rs`, or its `id = …`), commands by their name (`boiduong` for the
//! program itself).
//!
//! Vietnamese uses the plan's terms, one phrase per concept: danh sách cán bộ
//! (the roster), danh sách đào tạo, bồi dưỡng (the training records), chỉ tiêu (a target),
//! trường hợp (a finding), báo cáo trước (the baseline), tính đến ngày (as of),
//! quá hạn, sắp đến hạn, đương chức, quy hoạch, cần cử đi học, bảng quy đổi (the
//! levels table), bảng tính and trang tính (a workbook and its sheet), mã thoát
//! (the exit code). Option names and file names appear as they are typed.

use crate::lang::Lang;

/// One text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub vi: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        }
    }
}

const fn t(en: &'static str, vi: &'static str) -> Text {
    Text { en, vi }
}

/// A command line a user types, and what it does.
#[derive(Debug)]
pub struct Example {
    pub what: Text,
    /// The line as typed, starting with `boiduong`: on the English sample
    /// (`examples/en/`) in English, on the Vietnamese export in Vietnamese.
    pub line: Text,
}

/// An exit code and when a command exits with it.
#[derive(Debug)]
pub struct Exit {
    pub code: &'static str,
    pub what: Text,
}

/// The help of a command.
#[derive(Debug)]
pub struct CommandHelp {
    pub name: &'static str,
    /// One line: the list of commands and `-h` show it.
    pub about: Text,
    /// `--help` and the manual's DESCRIPTION show it instead, when there is one.
    pub long_about: Option<Text>,
    pub examples: &'static [Example],
    pub exit: &'static [Exit],
}

/// The help of an argument on the commands that have it.
#[derive(Debug)]
pub struct ArgHelp {
    pub commands: &'static [&'static str],
    pub id: &'static str,
    /// What `-h` shows.
    pub help: Text,
    /// What `--help` and the manual show instead, when there is one.
    pub long_help: Option<Text>,
}

/// The help of one possible value of an argument, on the commands that have it.
#[derive(Debug)]
pub struct ValueHelp {
    pub commands: &'static [&'static str],
    pub arg: &'static str,
    pub value: &'static str,
    pub help: Text,
}

/// Environment variables boiduong reads, and what they do.
#[derive(Debug)]
pub struct Variable {
    pub names: &'static [&'static str],
    pub what: Text,
}

/// The sections of a manual page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    Name,
    Synopsis,
    Description,
    Options,
    Subcommands,
    ExitStatus,
    Environment,
    Examples,
    Version,
}

/// The heading of the examples at the end of `--help`.
pub fn examples_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Examples:",
        Lang::Vi => "Ví dụ:",
    }
}

/// `--delimiter` given something else: a usage error, worded by clap around
/// this reason, in English as clap's own words are.
pub fn not_a_delimiter(value: &str) -> String {
    format!("\"{value}\" is not a delimiter: use ',', ';' or 'tab'")
}

/// The help of the command `name`.
pub fn command(name: &str) -> Option<&'static CommandHelp> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// The help of the argument `id` of the command `command`.
pub fn arg(command: &str, id: &str) -> Option<&'static ArgHelp> {
    ARGS.iter()
        .find(|a| a.id == id && a.commands.contains(&command))
}

/// The help of `value`, a possible value of the argument `arg` of `command`.
pub fn value(command: &str, arg: &str, value: &str) -> Option<Text> {
    VALUES
        .iter()
        .find(|v| v.arg == arg && v.value == value && v.commands.contains(&command))
        .map(|v| v.help)
}

// --- Exit codes ---------------------------------------------------------------

const USAGE: Exit = Exit {
    code: "2",
    what: t(
        "bad usage: an unknown option, a missing or bad value",
        "dùng sai lệnh: tùy chọn không có, thiếu giá trị hoặc giá trị sai",
    ),
};

const INTERRUPTED: Exit = Exit {
    code: "130, 143",
    what: t(
        "stopped by Ctrl-C (SIGINT) or SIGTERM: a file being written is removed, an older one \
         is kept as it was",
        "bị dừng bằng Ctrl-C (SIGINT) hoặc SIGTERM: tệp đang ghi dở được xóa, tệp cũ giữ \
         nguyên như trước",
    ),
};

const STOPPED: Exit = Exit {
    code: "130, 143",
    what: t(
        "stopped by Ctrl-C (SIGINT) or SIGTERM",
        "bị dừng bằng Ctrl-C (SIGINT) hoặc SIGTERM",
    ),
};

// --- Commands -----------------------------------------------------------------

pub static COMMANDS: [CommandHelp; 11] = [
    CommandHelp {
        name: "boiduong",
        about: t(
            "Check officials' training against the targets of Plan 143/KH-UBND (Đồng Nai, \
             2023) and say who must be trained next",
            "Kiểm tra việc đào tạo, bồi dưỡng cán bộ, công chức theo các chỉ tiêu của Kế hoạch \
             143/KH-UBND (Đồng Nai, 2023) và cho biết ai cần cử đi học tiếp theo",
        ),
        long_about: Some(t(
            "Check officials' training against the targets of Plan 143/KH-UBND (Đồng Nai, \
             2023) and say who must be trained next.\n\n\
             It reads two exports of the HR system: the roster (one row per official) and \
             the training records (one row per course attended), as CSV or workbooks. \
             `boiduong COMMAND --help` explains a command; `boiduong man COMMAND` prints its \
             manual page.",
            "Kiểm tra việc đào tạo, bồi dưỡng cán bộ, công chức theo các chỉ tiêu của Kế hoạch \
             143/KH-UBND (Đồng Nai, 2023) và cho biết ai cần cử đi học tiếp theo.\n\n\
             Chương trình đọc hai tệp xuất từ phần mềm quản lý cán bộ: danh sách cán bộ (mỗi \
             cán bộ một dòng) và danh sách đào tạo, bồi dưỡng (mỗi lượt đi học một khóa là một dòng), \
             dạng CSV hoặc bảng tính. `boiduong check --help` (hoặc tên lệnh khác) giải thích \
             một lệnh; `boiduong man check` in trang hướng dẫn của lệnh đó.",
        )),
        examples: &[
            Example {
                what: t(
                    "Check the sample province as of 30 September 2026",
                    "Kiểm tra dữ liệu mẫu của tỉnh, tính đến ngày 30/09/2026",
                ),
                line: t(
                    "boiduong check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30",
                    "boiduong check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026",
                ),
            },
            Example {
                what: t(
                    "List who must be trained in 2027, one file per unit",
                    "Lập danh sách cán bộ cần cử đi học năm 2027, mỗi cơ quan, đơn vị một tệp",
                ),
                line: t(
                    "boiduong gaps --year 2027 --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --format csv --by-unit lists/",
                    "boiduong gaps --year 2027 --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026 --format csv --by-unit danh-sach/",
                ),
            },
            Example {
                what: t(
                    "Write blank input files to fill in",
                    "Tạo các tệp dữ liệu trống để điền",
                ),
                line: t(
                    "boiduong template forms/ --lang en",
                    "boiduong template mau/ --lang vi",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t(
                    "the command ran, and found nothing that makes it exit 1",
                    "lệnh đã chạy xong và không có gì khiến nó thoát với mã 1",
                ),
            },
            Exit {
                code: "1",
                what: t(
                    "findings: for `check`, a target or official at or above --fail-on; for \
                     `validate`, warnings; for `diff --fail-on new`, new errors",
                    "có vấn đề: với `check`, chỉ tiêu hoặc cán bộ ở mức --fail-on trở lên; với \
                     `validate`, có cảnh báo; với `diff --fail-on new`, có lỗi mới",
                ),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, or bad input: a file that cannot be read, a bad header or \
                     value (it wins over 1)",
                    "dùng sai lệnh, hoặc dữ liệu vào có lỗi: tệp không đọc được, tiêu đề hoặc \
                     giá trị sai (ưu tiên hơn mã 1)",
                ),
            },
            INTERRUPTED,
        ],
    },
    CommandHelp {
        name: "check",
        about: t(
            "Evaluate every target of the plan and print the gap report",
            "Đánh giá từng chỉ tiêu của Kế hoạch và in báo cáo các chỉ tiêu chưa đạt, cán bộ \
             quá hạn, sắp đến hạn",
        ),
        long_about: Some(t(
            "Evaluate every target of the plan on the roster and the training records, as of \
             a date, and print the report: each target (met, gap, at risk…), then the officials \
             overdue, due soon, late or with data missing under each rule, then a summary.",
            "Đánh giá từng chỉ tiêu của Kế hoạch trên danh sách cán bộ và danh sách đào tạo, bồi dưỡng, \
             tính đến một ngày, rồi in báo cáo: từng chỉ tiêu (đạt, chưa đạt, có nguy cơ không đạt…), sau \
             đó là các cán bộ quá hạn, sắp đến hạn, hoàn thành muộn hoặc thiếu dữ liệu theo từng \
             chỉ tiêu, cuối cùng là phần tổng hợp.",
        )),
        examples: &[
            Example {
                what: t(
                    "Check the export of 30 September 2026 and print the report",
                    "Kiểm tra dữ liệu xuất ngày 30/09/2026 và in báo cáo",
                ),
                line: t(
                    "boiduong check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30",
                    "boiduong check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026",
                ),
            },
            Example {
                what: t(
                    "Save the report as JSON, to compare with next quarter's",
                    "Lưu báo cáo dạng JSON để so sánh với báo cáo quý sau",
                ),
                line: t(
                    "boiduong check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --format json -o 2026-q3.json --fail-on never",
                    "boiduong check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026 --format json -o quy3-2026.json --fail-on never",
                ),
            },
            Example {
                what: t(
                    "Save the report as a workbook to file, with its charts, printed on A4",
                    "Lưu báo cáo thành bảng tính Excel để lưu hồ sơ, kèm biểu đồ, in khổ A4",
                ),
                line: t(
                    "boiduong check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 -o 2026-q3.xlsx --fail-on never",
                    "boiduong check --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026 --lang vi -o bao-cao-quy3-2026.xlsx --fail-on never",
                ),
            },
            Example {
                what: t(
                    "Next quarter: mark each finding new or persisting, and exit 1 only for new errors",
                    "Quý sau: đánh dấu từng trường hợp là mới hay vẫn còn, và chỉ thoát với mã 1 khi có lỗi mới",
                ),
                line: t(
                    "boiduong check --roster examples/en-q4/roster.csv --enrolments examples/en-q4/enrolments.csv --as-of 2026-12-31 --baseline 2026-q3.json --fail-on new",
                    "boiduong check --roster examples/vi-q4/roster.csv --enrolments examples/vi-q4/enrolments.csv --as-of 31/12/2026 --baseline quy3-2026.json --fail-on new",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t(
                    "the check ran; nothing at or above --fail-on (default error)",
                    "đã kiểm tra xong; không có gì ở mức --fail-on trở lên (mặc định: lỗi)",
                ),
            },
            Exit {
                code: "1",
                what: t(
                    "the check ran; a target or finding at or above --fail-on: a gap, an \
                     overdue official, a short past-year quota",
                    "đã kiểm tra xong; có chỉ tiêu hoặc trường hợp ở mức --fail-on trở lên: chỉ \
                     tiêu chưa đạt, cán bộ quá hạn, chỉ tiêu các năm đã qua còn thiếu",
                ),
            },
            Exit {
                code: "2",
                what: t(
                    "could not check: bad usage, a file that cannot be read, a bad header or \
                     value (it wins over 1), a baseline that cannot be compared, or rows left \
                     out with --skip-invalid",
                    "không kiểm tra được: dùng sai lệnh, tệp không đọc được, tiêu đề hoặc giá \
                     trị sai (ưu tiên hơn mã 1), báo cáo trước không so sánh được, hoặc có dòng \
                     bị bỏ qua với --skip-invalid",
                ),
            },
            INTERRUPTED,
        ],
    },
    CommandHelp {
        name: "diff",
        about: t(
            "Compare two JSON reports of `check` (say, two quarters): new, resolved and \
             persisting findings, how each target row moved, and the same per unit",
            "So sánh hai báo cáo JSON của `check` (chẳng hạn của hai quý): trường hợp mới, đã \
             khắc phục và vẫn còn, từng dòng chỉ tiêu thay đổi thế nào, và như vậy theo từng \
             cơ quan, đơn vị",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "Compare last quarter's report with this quarter's",
                    "So sánh báo cáo quý trước với báo cáo quý này",
                ),
                line: t(
                    "boiduong diff 2026-q3.json 2026-q4.json",
                    "boiduong diff quy3-2026.json quy4-2026.json",
                ),
            },
            Example {
                what: t(
                    "The same as Markdown, to paste into a mail",
                    "Như trên, dạng Markdown để dán vào thư",
                ),
                line: t(
                    "boiduong diff 2026-q3.json 2026-q4.json --format markdown -o diff.md",
                    "boiduong diff quy3-2026.json quy4-2026.json --format markdown -o so-sanh.md",
                ),
            },
            Example {
                what: t(
                    "Exit 1 when this quarter has new errors, saying nothing else (for cron)",
                    "Thoát với mã 1 khi quý này có lỗi mới, không thông báo gì khác (để chạy bằng cron)",
                ),
                line: t(
                    "boiduong diff 2026-q3.json 2026-q4.json --fail-on new --quiet",
                    "boiduong diff quy3-2026.json quy4-2026.json --fail-on new --quiet",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t(
                    "whatever changed: a diff describes, it does not judge",
                    "dù có thay đổi gì: bảng so sánh chỉ mô tả, không đánh giá",
                ),
            },
            Exit {
                code: "1",
                what: t(
                    "with --fail-on new, NEW.json has errors that OLD.json did not",
                    "với --fail-on new, NEW.json có lỗi mà OLD.json không có",
                ),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, or a report that cannot be read or compared",
                    "dùng sai lệnh, hoặc báo cáo không đọc được hay không so sánh được",
                ),
            },
            INTERRUPTED,
        ],
    },
    CommandHelp {
        name: "trend",
        about: t(
            "Line up JSON reports of `check` (say, each quarter's) by their as-of dates: each \
             target's achieved figure, shortfall and status over time",
            "Tổng hợp các báo cáo JSON của `check` (chẳng hạn của từng quý) theo ngày tính: số \
             đã đạt, số còn thiếu và tình trạng của từng chỉ tiêu qua các kỳ",
        ),
        long_about: Some(t(
            "Line up JSON reports of `check` (say, each quarter's) by their as-of dates, whatever \
             the order they are given in: each target's achieved figure, shortfall and status \
             over time, as a table, CSV, Markdown or an HTML page with a line chart per rule. A \
             target row in some reports only is blank in the others. The reports must be of one \
             plan and of the schema this version reads, one per as-of date.",
            "Tổng hợp các báo cáo JSON của `check` (chẳng hạn của từng quý) theo ngày tính, dù \
             các tệp được nêu theo thứ tự nào: số đã đạt, số còn thiếu và tình trạng của từng \
             chỉ tiêu qua các kỳ, dạng bảng, CSV, Markdown hoặc trang HTML có biểu đồ đường cho \
             từng chỉ tiêu. Dòng chỉ tiêu chỉ có trong một số báo cáo thì để trống ở các báo cáo \
             còn lại. Các báo cáo phải cùng một Kế hoạch, cùng phiên bản cấu trúc mà chương trình \
             đọc được, và mỗi ngày tính chỉ một báo cáo.",
        )),
        examples: &[
            Example {
                what: t(
                    "The targets over the last two quarters",
                    "Các chỉ tiêu qua hai quý gần nhất",
                ),
                line: t(
                    "boiduong trend 2026-q3.json 2026-q4.json",
                    "boiduong trend quy3-2026.json quy4-2026.json",
                ),
            },
            Example {
                what: t(
                    "The same as a page with a chart per rule, for the leadership meeting",
                    "Như trên, dạng trang HTML có biểu đồ cho từng chỉ tiêu, để báo cáo lãnh đạo",
                ),
                line: t(
                    "boiduong trend 2026-q3.json 2026-q4.json -o trend.html",
                    "boiduong trend quy3-2026.json quy4-2026.json -o xu-huong.html --lang vi",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t(
                    "the trend is written: a trend describes, it does not judge",
                    "đã lập xong bảng tổng hợp: bảng chỉ mô tả, không đánh giá",
                ),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, a report that cannot be read, reports of another plan or schema, \
                     or two reports of one as-of date",
                    "dùng sai lệnh, báo cáo không đọc được, báo cáo của Kế hoạch khác hoặc phiên \
                     bản cấu trúc khác, hoặc hai báo cáo cùng một ngày tính",
                ),
            },
            INTERRUPTED,
        ],
    },
    CommandHelp {
        name: "completions",
        about: t(
            "Print a completion script for SHELL on stdout",
            "In tệp gợi ý lệnh khi gõ Tab cho shell được chọn",
        ),
        long_about: Some(t(
            "Print a completion script for SHELL on stdout: once the shell loads it, Tab \
             completes boiduong's commands, options and values.",
            "In tệp gợi ý lệnh cho shell được chọn: khi shell đã nạp tệp này, phím Tab gợi ý \
             các lệnh, tùy chọn và giá trị của boiduong.",
        )),
        examples: &[
            Example {
                what: t("Bash, for every user", "Bash, cho mọi người dùng trên máy"),
                line: t(
                    "boiduong completions bash > /etc/bash_completion.d/boiduong",
                    "boiduong completions bash > /etc/bash_completion.d/boiduong",
                ),
            },
            Example {
                what: t(
                    "Zsh, into a directory of $fpath (here ~/.zfunc)",
                    "Zsh, vào một thư mục của $fpath (ở đây là ~/.zfunc)",
                ),
                line: t(
                    "boiduong completions zsh > ~/.zfunc/_boiduong",
                    "boiduong completions zsh > ~/.zfunc/_boiduong",
                ),
            },
            Example {
                what: t(
                    "Fish, for the current user",
                    "Fish, cho người dùng hiện tại",
                ),
                line: t(
                    "boiduong completions fish > ~/.config/fish/completions/boiduong.fish",
                    "boiduong completions fish > ~/.config/fish/completions/boiduong.fish",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("the script is printed", "đã in tệp gợi ý lệnh"),
            },
            USAGE,
            STOPPED,
        ],
    },
    CommandHelp {
        name: "man",
        about: t(
            "Print the manual page (roff) on stdout: `boiduong man | man -l -`",
            "In trang hướng dẫn (định dạng roff): `boiduong man | man -l -`",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t("Read the manual", "Đọc trang hướng dẫn"),
                line: t("boiduong man | man -l -", "boiduong man | man -l -"),
            },
            Example {
                what: t(
                    "Read the page of `check`, in Vietnamese",
                    "Đọc trang hướng dẫn của lệnh `check`",
                ),
                line: t(
                    "boiduong man check --lang vi | man -l -",
                    "boiduong man check --lang vi | man -l -",
                ),
            },
            Example {
                what: t(
                    "Install the main page for `man boiduong`",
                    "Cài trang chính để đọc bằng `man boiduong`",
                ),
                line: t(
                    "boiduong man > /usr/local/share/man/man1/boiduong.1",
                    "boiduong man > /usr/local/share/man/man1/boiduong.1",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("the page is printed", "đã in trang hướng dẫn"),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, or no command of that name",
                    "dùng sai lệnh, hoặc không có lệnh nào tên như vậy",
                ),
            },
            STOPPED,
        ],
    },
    CommandHelp {
        name: "gaps",
        about: t(
            "List who must be trained in a year, per programme and why: the lists for next \
             year's training plan",
            "Liệt kê cán bộ cần cử đi học trong một năm, theo từng chương trình và lý do: danh \
             sách để lập kế hoạch đào tạo, bồi dưỡng năm sau",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "Who must be trained in 2027, per programme",
                    "Cán bộ cần cử đi học năm 2027, theo từng chương trình",
                ),
                line: t(
                    "boiduong gaps --year 2027 --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30",
                    "boiduong gaps --year 2027 --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026",
                ),
            },
            Example {
                what: t(
                    "The same lists as one Excel workbook",
                    "Như trên, ghi thành một bảng tính Excel",
                ),
                line: t(
                    "boiduong gaps --year 2027 --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --format xlsx -o lists-2027.xlsx",
                    "boiduong gaps --year 2027 --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026 --format xlsx -o danh-sach-2027.xlsx",
                ),
            },
            Example {
                what: t(
                    "One file per unit in lists/, to send each department its own list",
                    "Mỗi cơ quan, đơn vị một tệp trong thư mục danh-sach/, để gửi từng đơn vị danh sách của mình",
                ),
                line: t(
                    "boiduong gaps --year 2027 --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --format csv --by-unit lists/",
                    "boiduong gaps --year 2027 --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026 --format csv --by-unit danh-sach/",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t(
                    "the lists are made, however long",
                    "đã lập xong danh sách, dù dài đến đâu",
                ),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage or bad input, as for `check`, or rows left out with \
                     --skip-invalid",
                    "dùng sai lệnh hoặc dữ liệu vào có lỗi, như với `check`, hoặc có dòng bị bỏ \
                     qua với --skip-invalid",
                ),
            },
            INTERRUPTED,
        ],
    },
    CommandHelp {
        name: "validate",
        about: t(
            "Check the input files only: every data problem and consistency warning (exit 0 \
             clean, 1 warnings, 2 errors)",
            "Chỉ kiểm tra các tệp dữ liệu: mọi lỗi dữ liệu và cảnh báo về tính nhất quán (mã \
             thoát 0: không có vấn đề, 1: có cảnh báo, 2: có lỗi)",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "Check an export before the quarter's run",
                    "Kiểm tra tệp xuất trước khi lập báo cáo quý",
                ),
                line: t(
                    "boiduong validate --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30",
                    "boiduong validate --roster examples/vi/roster.csv --enrolments examples/vi/enrolments.csv --as-of 30/09/2026",
                ),
            },
            Example {
                what: t(
                    "Check workbooks, saying how each file was read",
                    "Kiểm tra các bảng tính, và cho biết từng tệp được đọc thế nào",
                ),
                line: t(
                    "boiduong validate --roster examples/xlsx/roster.xlsx --enrolments examples/xlsx/enrolments.xlsx --as-of 2026-09-30 -v",
                    "boiduong validate --roster examples/xlsx/roster.xlsx --enrolments examples/xlsx/enrolments.xlsx --as-of 30/09/2026 -v",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("clean", "không có vấn đề gì"),
            },
            Exit {
                code: "1",
                what: t("warnings only", "chỉ có cảnh báo"),
            },
            Exit {
                code: "2",
                what: t(
                    "errors, a file that cannot be read, or bad usage",
                    "có lỗi, có tệp không đọc được, hoặc dùng sai lệnh",
                ),
            },
            STOPPED,
        ],
    },
    CommandHelp {
        name: "rules",
        about: t(
            "List every target of the plan: rule id, clause and text",
            "Liệt kê các chỉ tiêu của Kế hoạch: mã chỉ tiêu, mục và nội dung",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "The targets of the embedded plan 143/KH-UBND",
                    "Các chỉ tiêu của Kế hoạch 143/KH-UBND có sẵn",
                ),
                line: t("boiduong rules", "boiduong rules --lang vi"),
            },
            Example {
                what: t(
                    "The targets of a plan file (say, the next period's)",
                    "Các chỉ tiêu trong một tệp kế hoạch (chẳng hạn của giai đoạn sau)",
                ),
                line: t(
                    "boiduong rules --plan data/plan-143-KH-UBND-2023.toml",
                    "boiduong rules --plan data/plan-143-KH-UBND-2023.toml --lang vi",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("the targets are listed", "đã liệt kê các chỉ tiêu"),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, or a plan file that cannot be read",
                    "dùng sai lệnh, hoặc tệp kế hoạch không đọc được",
                ),
            },
            STOPPED,
        ],
    },
    CommandHelp {
        name: "explain",
        about: t(
            "Explain a rule: what it checks, how, an example, its edge cases and the plan's \
             own words",
            "Giải thích một chỉ tiêu: kiểm tra điều gì, cách tính, ví dụ, các trường hợp đặc \
             biệt và lời văn của Kế hoạch",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "What LANG-2 checks, and how",
                    "Chỉ tiêu LANG-2 kiểm tra điều gì, và tính thế nào",
                ),
                line: t(
                    "boiduong explain LANG-2",
                    "boiduong explain LANG-2 --lang vi",
                ),
            },
            Example {
                what: t(
                    "The two-year deadline of the title programmes",
                    "Hạn hai năm bồi dưỡng theo chức danh",
                ),
                line: t(
                    "boiduong explain TITLE-2Y",
                    "boiduong explain TITLE-2Y --lang vi",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("the rule is explained", "đã giải thích chỉ tiêu"),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, a rule the plan does not have, or a plan file that cannot be \
                     read",
                    "dùng sai lệnh, Kế hoạch không có chỉ tiêu này, hoặc tệp kế hoạch không đọc \
                     được",
                ),
            },
            STOPPED,
        ],
    },
    CommandHelp {
        name: "template",
        about: t(
            "Write blank roster.csv and enrolments.csv with the right headers, and a \
             description of their columns",
            "Tạo tệp roster.csv và enrolments.csv trống với đúng tiêu đề cột, kèm bản mô tả các \
             cột",
        ),
        long_about: None,
        examples: &[
            Example {
                what: t(
                    "Blank files with English headers in forms/",
                    "Tệp trống với tiêu đề cột tiếng Việt trong thư mục mau/",
                ),
                line: t(
                    "boiduong template forms/ --lang en",
                    "boiduong template mau/ --lang vi",
                ),
            },
            Example {
                what: t(
                    "The same, replacing the files already there",
                    "Như trên, ghi đè các tệp đã có",
                ),
                line: t(
                    "boiduong template forms/ --lang en --force",
                    "boiduong template mau/ --lang vi --force",
                ),
            },
        ],
        exit: &[
            Exit {
                code: "0",
                what: t("the files are written", "đã ghi các tệp"),
            },
            Exit {
                code: "2",
                what: t(
                    "bad usage, files of the same names without --force, or a folder that \
                     cannot be written (nothing is written then)",
                    "dùng sai lệnh, đã có tệp trùng tên mà không có --force, hoặc không ghi được \
                     vào thư mục (khi đó không ghi tệp nào)",
                ),
            },
            INTERRUPTED,
        ],
    },
];

// --- Arguments ----------------------------------------------------------------

/// The commands that read the roster and the training records.
const INPUT: &[&str] = &["check", "gaps", "validate"];
/// The commands that evaluate the plan on them.
const EVALUATE: &[&str] = &["check", "gaps"];
/// The commands whose report, lists or messages follow `--lang`.
const REPORTS: &[&str] = &["check", "diff", "gaps", "validate", "trend"];

pub static ARGS: &[ArgHelp] = &[
    ArgHelp {
        commands: INPUT,
        id: "roster",
        help: t(
            "The roster export: one row per official (CSV, or a workbook: .xlsx, .xlsm, .xls, \
             .ods)",
            "Tệp danh sách cán bộ xuất từ phần mềm: mỗi cán bộ một dòng (CSV, hoặc bảng tính \
             .xlsx, .xlsm, .xls, .ods)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "enrolments",
        help: t(
            "The training records: one row per course attendance (CSV, or a workbook)",
            "Tệp danh sách đào tạo, bồi dưỡng: mỗi lượt cán bộ đi học một khóa là một dòng (CSV, hoặc bảng \
             tính)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "roster_sheet",
        help: t(
            "The sheet of the roster workbook to read (default: its first)",
            "Trang tính cần đọc trong bảng tính danh sách cán bộ (mặc định: trang đầu tiên)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "enrolments_sheet",
        help: t(
            "The sheet of the enrolments workbook to read (default: its first)",
            "Trang tính cần đọc trong bảng tính danh sách đào tạo, bồi dưỡng (mặc định: trang đầu tiên)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "as_of",
        help: t(
            "Evaluate as of this date, yyyy-mm-dd or dd/mm/yyyy (default: today)",
            "Tính đến ngày này, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay)",
        ),
        long_help: Some(t(
            "Evaluate as of this date, yyyy-mm-dd or dd/mm/yyyy (default: today). Give the \
             date of the export, so that the results do not change with the day of the run",
            "Tính đến ngày này, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay). Nên ghi ngày \
             xuất dữ liệu để kết quả không thay đổi theo ngày chạy",
        )),
    },
    ArgHelp {
        commands: &["check", "gaps", "validate", "rules", "explain"],
        id: "plan",
        help: t(
            "A plan file of the same shape as data/plan-143-KH-UBND-2023.toml (default: that \
             plan, embedded)",
            "Tệp kế hoạch có cùng cấu trúc với data/plan-143-KH-UBND-2023.toml (mặc định: chính \
             Kế hoạch đó, có sẵn trong chương trình)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["trend"],
        id: "reports",
        help: t(
            "JSON reports of `check` of one plan, in any order (one per as-of date)",
            "Các báo cáo JSON của `check` cùng một Kế hoạch, theo thứ tự bất kỳ (mỗi ngày tính \
             một báo cáo)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["trend"],
        id: "format",
        help: t(
            "The form of the trend (default: as the name of -o's file says: .csv, .md, .html, \
             .txt; else table)",
            "Định dạng của bảng tổng hợp (mặc định: theo đuôi tên tệp -o: .csv, .md, .html, \
             .txt; nếu không thì dạng bảng)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["trend"],
        id: "output",
        help: t(
            "Write the trend to FILE (atomically)",
            "Ghi bảng tổng hợp vào tệp này (an toàn, như với `check`)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff", "trend"],
        id: "plan",
        help: t(
            "The plan the reports were made with: its words (clauses, group and programme \
             names) are the output's (default: the embedded plan 143/KH-UBND)",
            "Tệp kế hoạch đã dùng để lập các báo cáo: tên mục, tên nhóm, tên chương trình trong \
             kết quả lấy từ đó (mặc định: Kế hoạch 143/KH-UBND có sẵn)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "levels",
        help: t(
            "Which language certificates give which bậc: a file of the same shape as \
             data/levels-TT-23-2021-TT-BGDDT.toml (default: that table, Thông tư \
             23/2021/TT-BGDĐT Phụ lục 2, embedded)",
            "Bảng quy đổi chứng chỉ ngoại ngữ ra bậc: tệp có cùng cấu trúc với \
             data/levels-TT-23-2021-TT-BGDDT.toml (mặc định: bảng đó, theo Phụ lục 2 Thông tư \
             23/2021/TT-BGDĐT, có sẵn trong chương trình)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "expired_certificates",
        help: t(
            "Whether a certificate past its validity still gives its level (either way a \
             warning says it expired)",
            "Chứng chỉ ngoại ngữ đã hết hạn có còn được tính bậc hay không (dù thế nào cũng có \
             cảnh báo)",
        ),
        long_help: Some(t(
            "Whether a certificate past its validity (the levels file's months after \
             certificate_date: IELTS, TOEFL, TOEIC, HSK 24) still gives its level. Either way \
             it is a warning. Default `count`: the plan ties bậc 4 to no validity period",
            "Chứng chỉ ngoại ngữ đã hết thời hạn (số tháng kể từ ngày cấp chứng chỉ, theo bảng \
             quy đổi: IELTS, TOEFL, TOEIC, HSK 24 tháng) có còn được tính bậc hay không. Dù thế \
             nào cũng có cảnh báo. Mặc định `count`: Kế hoạch không gắn ngoại ngữ bậc 4 với thời \
             hạn của chứng chỉ",
        )),
    },
    ArgHelp {
        commands: INPUT,
        id: "delimiter",
        help: t(
            "The CSV delimiter: ',', ';' or 'tab' (default: detected from the header)",
            "Dấu phân cách của tệp CSV: ',', ';' hoặc 'tab' (mặc định: nhận ra từ dòng tiêu đề)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "verbose",
        help: t(
            "Say more on stderr: the files' encoding and delimiter, ignored columns, the \
             baseline",
            "Thông báo chi tiết hơn: bảng mã và dấu phân cách của các tệp, các cột bị bỏ qua, \
             báo cáo trước",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: INPUT,
        id: "quiet",
        help: t(
            "Print nothing on stderr but errors; the exit code speaks (the report on stdout is \
             unchanged)",
            "Chỉ thông báo lỗi, không in cảnh báo hay lưu ý; mã thoát cho biết kết quả (báo cáo \
             in ra vẫn như cũ)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff", "trend"],
        id: "quiet",
        help: t(
            "Print nothing on stderr but errors",
            "Chỉ thông báo lỗi, không in gì khác",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: EVALUATE,
        id: "due_soon_days",
        help: t(
            "A deadline within this many days of as-of is \"due soon\"",
            "Hạn nằm trong số ngày này kể từ ngày tính đến là \"sắp đến hạn\"",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: EVALUATE,
        id: "skip_invalid",
        help: t(
            "Run without the rows that have errors, and say how many were left out (the exit \
             code stays 2: the result is incomplete)",
            "Chạy tiếp mà không có các dòng bị lỗi, và cho biết đã bỏ qua bao nhiêu dòng (mã \
             thoát vẫn là 2: kết quả chưa đầy đủ)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "format",
        help: t(
            "The form of the report (default: as the name of -o's file says: .json, .csv, \
             .md, .xlsx, .html, .txt; else table)",
            "Định dạng của báo cáo (mặc định: theo đuôi tên tệp -o: .json, .csv, .md, .xlsx, .html, \
             .txt; nếu không thì dạng bảng)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff"],
        id: "format",
        help: t(
            "The form of the diff (default: as the name of -o's file says; else table)",
            "Định dạng của bảng so sánh (mặc định: theo đuôi tên tệp -o; nếu không thì dạng bảng)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["gaps"],
        id: "format",
        help: t(
            "The form of the lists (default: as the name of -o's file says: .csv, .xlsx, \
             .txt; else table)",
            "Định dạng của danh sách (mặc định: theo đuôi tên tệp -o: .csv, .xlsx, .txt; nếu \
             không thì dạng bảng)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "output",
        help: t(
            "Write the report to FILE (atomically: an older report survives a failed or \
             interrupted run); never one of the inputs",
            "Ghi báo cáo vào tệp này (an toàn: nếu lần chạy lỗi hoặc bị ngắt, báo cáo cũ vẫn \
             còn nguyên); không được là một trong các tệp dữ liệu vào",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff"],
        id: "output",
        help: t(
            "Write the diff to FILE (atomically)",
            "Ghi bảng so sánh vào tệp này (an toàn, như với `check`)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["gaps"],
        id: "output",
        help: t(
            "Write the lists to FILE (atomically)",
            "Ghi danh sách vào tệp này (an toàn, như với `check`)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check", "diff", "trend", "gaps"],
        id: "output_delimiter",
        help: t(
            "The delimiter of the CSV written: ',', ';' or 'tab' (default: the language's, \
             ',' in English, ';' in Vietnamese as Excel in Vietnam expects)",
            "Dấu phân cách của tệp CSV xuất ra: ',', ';' hoặc 'tab' (mặc định: theo ngôn ngữ, \
             ';' cho tiếng Việt như Excel ở Việt Nam, ',' cho tiếng Anh)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "fail_on",
        help: t(
            "Exit 1 when a finding or target is at or above this severity; `new`: only for \
             errors that are new since --baseline",
            "Thoát với mã 1 khi có trường hợp hoặc chỉ tiêu ở mức này trở lên; `new`: chỉ khi \
             có lỗi mới so với --baseline",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff"],
        id: "fail_on",
        help: t(
            "`new`: exit 1 when there are errors that are new in NEW.json; `never` (default): \
             exit 0 whatever changed",
            "`new`: thoát với mã 1 khi NEW.json có lỗi mới; `never` (mặc định): luôn thoát với \
             mã 0 dù có thay đổi gì",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "findings",
        help: t(
            "Which finding rows are written, in every format; the targets, the counts, the \
             summary and the exit code are the same whichever it is",
            "Liệt kê những trường hợp nào, ở mọi định dạng; các chỉ tiêu, số liệu, phần tổng hợp \
             và mã thoát vẫn như nhau dù chọn giá trị nào",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "limit",
        help: t(
            "At most N findings of each rule in the HTML page (default 200), with a line saying \
             how many more the CSV and JSON reports hold; the charts count everyone",
            "Trang HTML liệt kê tối đa N trường hợp của mỗi chỉ tiêu (mặc định 200), kèm một \
             dòng cho biết còn bao nhiêu trường hợp nữa trong báo cáo CSV và JSON; các biểu đồ \
             vẫn tính đủ mọi cán bộ",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["check"],
        id: "baseline",
        help: t(
            "An earlier JSON report of `check` (last quarter's): mark each finding new or \
             persisting, and list the baseline's findings that are gone as resolved",
            "Báo cáo JSON trước đó của `check` (của quý trước): đánh dấu từng trường hợp là mới \
             hay vẫn còn, và liệt kê là đã khắc phục các trường hợp của báo cáo trước nay không \
             còn",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: REPORTS,
        id: "lang",
        help: t(
            "The language of the report, its headings, statuses, notes and messages, and of \
             this help",
            "Ngôn ngữ của báo cáo: tiêu đề, tình trạng, ghi chú, thông báo, và của phần trợ \
             giúp này",
        ),
        long_help: Some(t(
            "The language of the report, its headings, statuses, notes and messages, and of \
             this help (default: BOIDUONG_LANG, vi or en; else LC_ALL, LC_MESSAGES or LANG: \
             vi_* is Vietnamese, anything else English). JSON keys, codes and dates stay as \
             the contract says",
            "Ngôn ngữ của báo cáo: tiêu đề, tình trạng, ghi chú, thông báo, và của phần trợ \
             giúp này (mặc định: theo biến BOIDUONG_LANG, vi hoặc en; nếu không có thì theo \
             LC_ALL, LC_MESSAGES hoặc LANG: vi_* là tiếng Việt, còn lại là tiếng Anh). Khóa, mã \
             và ngày trong JSON giữ nguyên như quy ước",
        )),
    },
    ArgHelp {
        commands: &["rules", "explain"],
        id: "lang",
        help: t(
            "The language of the texts (vi: the plan's own words), and of this help",
            "Ngôn ngữ của nội dung (vi: đúng lời văn của Kế hoạch), và của phần trợ giúp này",
        ),
        long_help: Some(t(
            "The language of the texts (vi: the plan's own words), and of this help (default: \
             BOIDUONG_LANG, vi or en; else LC_ALL, LC_MESSAGES or LANG: vi_* is Vietnamese, \
             anything else English)",
            "Ngôn ngữ của nội dung (vi: đúng lời văn của Kế hoạch), và của phần trợ giúp này \
             (mặc định: theo biến BOIDUONG_LANG, vi hoặc en; nếu không có thì theo LC_ALL, \
             LC_MESSAGES hoặc LANG: vi_* là tiếng Việt, còn lại là tiếng Anh)",
        )),
    },
    ArgHelp {
        commands: &["template"],
        id: "lang",
        help: t(
            "The language of the headers, the delimiter and the column descriptions (default: \
             from BOIDUONG_LANG, LC_ALL, LC_MESSAGES or LANG, as for the reports)",
            "Ngôn ngữ của tiêu đề cột, dấu phân cách và bản mô tả các cột (mặc định: theo \
             BOIDUONG_LANG, LC_ALL, LC_MESSAGES hoặc LANG, như với báo cáo)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["man"],
        id: "lang",
        help: t(
            "The language of the manual page (default: from BOIDUONG_LANG, LC_ALL, \
             LC_MESSAGES or LANG, as for the reports)",
            "Ngôn ngữ của trang hướng dẫn (mặc định: theo BOIDUONG_LANG, LC_ALL, LC_MESSAGES \
             hoặc LANG, như với báo cáo)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["gaps"],
        id: "year",
        help: t(
            "The year to plan for: deadlines up to 31/12 of it, the plan's numbers for it",
            "Năm cần lập danh sách: các hạn đến hết ngày 31/12 năm đó, và chỉ tiêu của Kế hoạch \
             cho năm đó",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["gaps"],
        id: "by_unit",
        help: t(
            "Write one file per unit into DIR (created if missing), in the chosen format, so \
             that each department receives its own list",
            "Ghi mỗi cơ quan, đơn vị một tệp vào thư mục này (tạo mới nếu chưa có), theo định \
             dạng đã chọn, để gửi từng đơn vị danh sách của mình",
        ),
        long_help: Some(t(
            "Write one file per unit into DIR (created if missing), in the chosen format, so \
             that each department receives its own list. All or none: on a failure DIR is left \
             as it was; the files of the last run (listed in DIR/.boiduong-by-unit.txt) are \
             replaced, no other file is touched",
            "Ghi mỗi cơ quan, đơn vị một tệp vào thư mục này (tạo mới nếu chưa có), theo định \
             dạng đã chọn, để gửi từng đơn vị danh sách của mình. Ghi đủ cả hoặc không ghi gì: \
             nếu có lỗi, thư mục giữ nguyên như cũ; các tệp của lần chạy trước (ghi trong tệp \
             .boiduong-by-unit.txt của thư mục) được thay thế, không động đến tệp nào khác",
        )),
    },
    ArgHelp {
        commands: &["diff"],
        id: "old",
        help: t(
            "The earlier JSON report of `check`",
            "Báo cáo JSON trước của `check`",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["diff"],
        id: "new",
        help: t(
            "The later JSON report of `check`, of the same plan",
            "Báo cáo JSON sau của `check`, theo cùng Kế hoạch",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["explain"],
        id: "rule",
        help: t(
            "A rule id, e.g. LANG-2 (`rules` lists them)",
            "Mã chỉ tiêu, ví dụ LANG-2 (lệnh `rules` liệt kê các mã)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["template"],
        id: "dir",
        help: t(
            "The folder to write into (created if missing)",
            "Thư mục để ghi các tệp (tạo mới nếu chưa có)",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["template"],
        id: "force",
        help: t(
            "Overwrite files of the same names",
            "Ghi đè các tệp trùng tên",
        ),
        long_help: None,
    },
    ArgHelp {
        commands: &["completions"],
        id: "shell",
        help: t("The shell to complete for", "Shell cần gợi ý lệnh"),
        long_help: None,
    },
    ArgHelp {
        commands: &["man"],
        id: "command",
        help: t(
            "A command's own page (e.g. `check`) instead of the main page",
            "Trang riêng của một lệnh (ví dụ `check`) thay cho trang chính",
        ),
        long_help: None,
    },
];

// --- Values -------------------------------------------------------------------

/// The commands with `--lang`.
const WITH_LANG: &[&str] = &[
    "check", "diff", "gaps", "validate", "rules", "explain", "template", "man", "trend",
];

pub static VALUES: &[ValueHelp] = &[
    ValueHelp {
        commands: &["check", "diff", "gaps", "trend"],
        arg: "format",
        value: "table",
        help: t("Tables for people", "Bảng để đọc"),
    },
    ValueHelp {
        commands: &["check", "diff"],
        arg: "format",
        value: "json",
        help: t(
            "The JSON report (docs/json-report.md), for scripts",
            "Báo cáo JSON (docs/json-report.md), cho các chương trình khác đọc",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "format",
        value: "csv",
        help: t(
            "One row per finding, for Excel (UTF-8 with BOM)",
            "Mỗi trường hợp một dòng, để mở bằng Excel (UTF-8 có BOM)",
        ),
    },
    ValueHelp {
        commands: &["diff"],
        arg: "format",
        value: "csv",
        help: t(
            "One row per finding with its change, for Excel (UTF-8 with BOM)",
            "Mỗi trường hợp một dòng kèm thay đổi, để mở bằng Excel (UTF-8 có BOM)",
        ),
    },
    ValueHelp {
        commands: &["check", "diff"],
        arg: "format",
        value: "markdown",
        help: t(
            "The summary and the targets as Markdown tables, then the findings by rule, for a \
             mail or a document",
            "Phần tổng hợp và các chỉ tiêu dạng bảng Markdown, rồi các trường hợp theo từng chỉ \
             tiêu, để dán vào thư hoặc văn bản",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "format",
        value: "html",
        help: t(
            "One self-contained page with charts, for a meeting or a printout (A4 landscape): \
             no script, nothing fetched from the network",
            "Một trang HTML trọn vẹn có biểu đồ, để trình chiếu trong cuộc họp hoặc in ra (khổ \
             A4 ngang): không cần mạng, không tải gì từ bên ngoài",
        ),
    },
    ValueHelp {
        commands: &["trend"],
        arg: "format",
        value: "csv",
        help: t(
            "One row per target row and report, for Excel (UTF-8 with BOM); in English its \
             codes are the JSON report's",
            "Mỗi dòng chỉ tiêu, mỗi báo cáo một dòng, để mở bằng Excel (UTF-8 có BOM)",
        ),
    },
    ValueHelp {
        commands: &["trend"],
        arg: "format",
        value: "markdown",
        help: t(
            "The same lines as a Markdown table, for a mail or a document",
            "Các dòng như trên dạng bảng Markdown, để dán vào thư hoặc văn bản",
        ),
    },
    ValueHelp {
        commands: &["trend"],
        arg: "format",
        value: "html",
        help: t(
            "One self-contained page with a line chart per rule and its numbers",
            "Một trang HTML trọn vẹn, mỗi chỉ tiêu một biểu đồ đường kèm số liệu",
        ),
    },
    ValueHelp {
        commands: &["gaps"],
        arg: "format",
        value: "csv",
        help: t(
            "One row per official and programme, for Excel (UTF-8 with BOM)",
            "Mỗi cán bộ, mỗi chương trình một dòng, để mở bằng Excel (UTF-8 có BOM)",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "format",
        value: "xlsx",
        help: t(
            "An Excel workbook to file: the summary with the targets and charts, a sheet per \
             rule with its findings, the units in numbers; printed on A4",
            "Bảng tính Excel để lưu hồ sơ: trang tổng hợp với các chỉ tiêu và biểu đồ, mỗi chỉ \
             tiêu một trang các trường hợp cần lưu ý, một trang số liệu theo đơn vị; in khổ A4",
        ),
    },
    ValueHelp {
        commands: &["gaps"],
        arg: "format",
        value: "xlsx",
        help: t(
            "An Excel workbook: a summary sheet and one sheet per programme",
            "Bảng tính Excel: một trang tổng hợp và mỗi chương trình một trang",
        ),
    },
    ValueHelp {
        commands: WITH_LANG,
        arg: "lang",
        value: "vi",
        help: t(
            "Tiếng Việt (for `template`: Vietnamese headers, `;` as the delimiter, as Excel \
             saves in Vietnam)",
            "Tiếng Việt (với `template`: tiêu đề cột tiếng Việt, phân cách bằng `;` như Excel \
             lưu ở Việt Nam)",
        ),
    },
    ValueHelp {
        commands: WITH_LANG,
        arg: "lang",
        value: "en",
        help: t(
            "English (for `template`: English headers, `,` as the delimiter)",
            "Tiếng Anh (với `template`: tiêu đề cột tiếng Anh, phân cách bằng `,`)",
        ),
    },
    ValueHelp {
        commands: INPUT,
        arg: "expired_certificates",
        value: "count",
        help: t(
            "An expired certificate's level counts (a warning says it expired)",
            "Chứng chỉ hết hạn vẫn được tính bậc (có cảnh báo chứng chỉ đã hết hạn)",
        ),
    },
    ValueHelp {
        commands: INPUT,
        arg: "expired_certificates",
        value: "ignore",
        help: t(
            "An expired certificate gives no level (a warning says so)",
            "Chứng chỉ hết hạn không được tính bậc (có cảnh báo)",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "fail_on",
        value: "error",
        help: t(
            "Errors: overdue officials, ratio shortfalls, short past-year quotas",
            "Lỗi: cán bộ quá hạn, tỷ lệ chưa đạt, chỉ tiêu các năm đã qua còn thiếu",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "fail_on",
        value: "warning",
        help: t(
            "Errors and warnings: also late, due soon, missing data, behind pace",
            "Lỗi và cảnh báo: thêm hoàn thành muộn, sắp đến hạn, thiếu dữ liệu, chậm so với tiến \
             độ",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "fail_on",
        value: "never",
        help: t(
            "Always exit 0 when the check ran",
            "Luôn thoát với mã 0 khi đã kiểm tra xong",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "fail_on",
        value: "new",
        help: t(
            "Only errors new since --baseline: a new finding at error severity, a finding that \
             became an error (due soon, now overdue), or a target row that became an error",
            "Chỉ lỗi mới so với --baseline: trường hợp mới ở mức lỗi, trường hợp nay thành lỗi \
             (trước sắp đến hạn, nay quá hạn), hoặc dòng chỉ tiêu nay thành lỗi",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "findings",
        value: "all",
        help: t("Every finding", "Mọi trường hợp"),
    },
    ValueHelp {
        commands: &["check"],
        arg: "findings",
        value: "errors",
        help: t(
            "The findings at error severity only (overdue officials, and the like)",
            "Chỉ các trường hợp ở mức lỗi (cán bộ quá hạn và tương tự)",
        ),
    },
    ValueHelp {
        commands: &["check"],
        arg: "findings",
        value: "none",
        help: t(
            "No finding: the targets and the counts, for a roll-up",
            "Không liệt kê trường hợp nào: chỉ các chỉ tiêu và số liệu, để tổng hợp",
        ),
    },
    ValueHelp {
        commands: &["diff"],
        arg: "fail_on",
        value: "never",
        help: t(
            "Exit 0 whatever changed",
            "Luôn thoát với mã 0 dù có thay đổi gì",
        ),
    },
    ValueHelp {
        commands: &["diff"],
        arg: "fail_on",
        value: "new",
        help: t(
            "Exit 1 when NEW.json has errors that OLD.json did not (see `check --fail-on new`)",
            "Thoát với mã 1 khi NEW.json có lỗi mà OLD.json không có (xem `check --fail-on new`)",
        ),
    },
    ValueHelp {
        commands: &["completions"],
        arg: "shell",
        value: "bash",
        help: t(
            "Bash: a file in /etc/bash_completion.d/",
            "Bash: một tệp trong /etc/bash_completion.d/",
        ),
    },
    ValueHelp {
        commands: &["completions"],
        arg: "shell",
        value: "elvish",
        help: t(
            "Elvish: loaded from ~/.config/elvish/rc.elv",
            "Elvish: nạp từ ~/.config/elvish/rc.elv",
        ),
    },
    ValueHelp {
        commands: &["completions"],
        arg: "shell",
        value: "fish",
        help: t(
            "Fish: ~/.config/fish/completions/boiduong.fish",
            "Fish: tệp ~/.config/fish/completions/boiduong.fish",
        ),
    },
    ValueHelp {
        commands: &["completions"],
        arg: "shell",
        value: "powershell",
        help: t(
            "PowerShell: loaded from your profile",
            "PowerShell: nạp từ tệp profile của người dùng",
        ),
    },
    ValueHelp {
        commands: &["completions"],
        arg: "shell",
        value: "zsh",
        help: t(
            "Zsh: a file _boiduong in a directory of $fpath",
            "Zsh: tệp _boiduong trong một thư mục của $fpath",
        ),
    },
];

// --- Environment --------------------------------------------------------------

pub static ENVIRONMENT: &[Variable] = &[
    Variable {
        names: &["BOIDUONG_LANG"],
        what: t(
            "The language, vi or en (or a locale such as vi_VN.UTF-8), before the locale's: \
             a cron job has none. Any other value is an error; --lang overrides it",
            "Ngôn ngữ, vi hoặc en (hoặc dạng vi_VN.UTF-8), được ưu tiên hơn ngôn ngữ của hệ \
             thống: tác vụ cron không có ngôn ngữ hệ thống. Giá trị khác là lỗi; --lang được \
             ưu tiên hơn biến này",
        ),
    },
    Variable {
        names: &["LC_ALL", "LC_MESSAGES", "LANG"],
        what: t(
            "Without --lang or BOIDUONG_LANG, the first of them that is set and not empty gives \
             the language: vi, vi_VN, vi_VN.UTF-8 is Vietnamese, anything else English",
            "Khi không có --lang hay BOIDUONG_LANG, biến đầu tiên trong số này có giá trị quyết \
             định ngôn ngữ: vi, vi_VN, vi_VN.UTF-8 là tiếng Việt, còn lại là tiếng Anh",
        ),
    },
    Variable {
        names: &["NO_COLOR"],
        what: t(
            "Set and not empty: no colour in the tables, even on a terminal",
            "Có giá trị (không rỗng): không tô màu các bảng, kể cả khi in ra màn hình",
        ),
    },
];
