//! The words of every diagnostic, English and Vietnamese side by side: the one
//! place a message of the input is worded. `crate::diag` is the data of a
//! diagnostic (its place, code and [`Problem`]); this module is its words: how a
//! problem reads in each language, how a diagnostic prints and serialises
//! (`shown.rs`), and the sentences of allowed values. Headers and values stay as
//! the user wrote them; dates read as each language writes them, except that
//! English keeps the ISO dates it has always printed. Every Vietnamese word is
//! NFC (a test holds it).

use crate::diag::place::HEADER_SEARCH_ROWS;
use crate::diag::problem::{
    Baseline, Cell, Contradiction, Damage, DataFile, ExpiredCounts, IdHint, Limit, Place, Problem,
    Review, Why, Workbook,
};
use crate::diag::value::{Allowed, BadValue, DateError, Reason};
use crate::i18n::{and_list, pick};
use crate::lang::Lang;
use crate::model::GroupNumbers;

mod cells;
mod data;
mod files;
mod shown;

use cells::cell;
pub use cells::{LEVELS_ALLOWED, bad_value, date, groups_allowed};
pub use files::why;
use files::{baseline, workbook};
pub use shown::{Shown, ShownAll};

/// `problem` worded in `lang`.
pub fn say(problem: &Problem, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match problem {
        Problem::Worded(text) => text.clone(),
        Problem::Data(data) => data::say(data, lang),
        Problem::Cell {
            header,
            value,
            what,
        } => {
            let what = cell(what, lang);
            if vi {
                format!("ô \"{header}\" = \"{value}\": {what}")
            } else {
                format!("\"{header}\" = \"{value}\" {what}")
            }
        }
        Problem::EndsBeforeStart {
            end_header,
            end,
            start_header,
            start,
        } => {
            if vi {
                format!("\"{end_header}\" = \"{end}\" sớm hơn \"{start_header}\" = \"{start}\"")
            } else {
                format!("\"{end_header}\" = \"{end}\" is before \"{start_header}\" = \"{start}\"")
            }
        }
        Problem::DuplicateId { id, first } => {
            let first = place(*first, lang);
            if vi {
                format!("mã cán bộ \"{id}\" đã có ở {first}")
            } else {
                format!("\"{id}\" already on {first}")
            }
        }
        Problem::DuplicateRow { first } => {
            let first = place(*first, lang);
            if vi {
                format!("trùng hệt {first}; chỉ tính một lần")
            } else {
                format!("identical to {first}; counted once")
            }
        }
        Problem::NoAppointment {
            id,
            no_column,
            rules,
        } => {
            // the rules the plan runs from the date; none in a plan without them
            let shown_in = match (lang, rules.is_empty()) {
                (_, true) => String::new(),
                (Lang::En, false) => {
                    format!("; shown as missing_data in {}", and_list(rules, lang))
                }
                (Lang::Vi, false) => format!(
                    "; được ghi là thiếu dữ liệu ở {}",
                    and_list(rules, lang)
                ),
            };
            match lang {
                Lang::En => format!(
                    "incumbent \"{id}\" has no appointment date{}{shown_in}",
                    if *no_column {
                        " (the file has no \"appointed_on\" / \"Ngày bổ nhiệm\" column)"
                    } else {
                        ""
                    }
                ),
                Lang::Vi => format!(
                    "cán bộ đương chức \"{id}\" không có ngày bổ nhiệm{}{shown_in}",
                    if *no_column {
                        " (tệp không có cột \"Ngày bổ nhiệm\")"
                    } else {
                        ""
                    }
                ),
            }
        }
        Problem::NoOfficials => match lang {
            Lang::En => "the roster has a header but no officials",
            Lang::Vi => "danh sách cán bộ có dòng tiêu đề nhưng không có cán bộ nào",
        }
        .to_owned(),
        Problem::NoEnrolments => match lang {
            Lang::En => "the enrolments file has a header but no rows: nobody has any training",
            Lang::Vi => "danh sách đào tạo, bồi dưỡng có dòng tiêu đề nhưng không có dòng nào: chưa ai được đào tạo, bồi dưỡng",
        }
        .to_owned(),
        Problem::UndatedCertificates { count } => match lang {
            Lang::En => format!(
                "{count} certificate(s) of a type with a validity period have no \
                 certificate_date (\"Ngày cấp chứng chỉ\"): whether they expired was not \
                 checked, and they count (--expired-certificates ignore)"
            ),
            Lang::Vi => format!(
                "{count} chứng chỉ thuộc loại có thời hạn không có ngày cấp (cột \
                 \"Ngày cấp chứng chỉ\"): chưa kiểm tra được đã hết hạn hay chưa, và vẫn được \
                 tính (--expired-certificates ignore)"
            ),
        },
        Problem::PlannedInGroup {
            id,
            groups,
            role_header,
        } => match lang {
            Lang::En => format!(
                "\"{id}\" is planned (quy hoạch) but in language group {groups}: the language \
                 shares count incumbents only, so this official is not in them (is \"{role_header}\" right?)"
            ),
            Lang::Vi => format!(
                "\"{id}\" là cán bộ quy hoạch nhưng thuộc nhóm ngoại ngữ {groups}: tỷ lệ ngoại \
                 ngữ chỉ tính cán bộ đương chức, nên cán bộ này không được tính (cột \
                 \"{role_header}\" có đúng không?)"
            ),
        },
        Problem::HeadWithoutDegree {
            id,
            head,
            degree_header,
        } => match lang {
            Lang::En => format!(
                "\"{id}\" heads {} but \"{degree_header}\" is empty: a doctorate held is then \
                 seen only from a completed doctor enrolment",
                lang.institution(*head)
            ),
            Lang::Vi => format!(
                "\"{id}\" là người đứng đầu {} nhưng ô \"{degree_header}\" để trống: khi \
                 đó chỉ biết cán bộ có bằng tiến sĩ qua một khóa tiến sĩ đã hoàn thành",
                lang.institution(*head)
            ),
        },
        Problem::CannotRead { file, why } => match lang {
            Lang::En => format!("cannot read {file}: {}", self::why(why, false, lang)),
            Lang::Vi => format!("không đọc được {file}: {}", self::why(why, false, lang)),
        },
        Problem::CannotWrite { file, why } => match lang {
            Lang::En => format!("cannot write {file}: {}", self::why(why, true, lang)),
            Lang::Vi => format!("không ghi được {file}: {}", self::why(why, true, lang)),
        },
        Problem::Workbook { file, what } => match lang {
            Lang::En => format!("cannot read {file}: {}", workbook(what, lang)),
            Lang::Vi => format!("không đọc được {file}: {}", workbook(what, lang)),
        },
        Problem::Baseline(why) => baseline(why, lang),
        Problem::DataNotUtf8 { data } => match (data, lang) {
            (DataFile::Plan, Lang::En) => "the plan file is not UTF-8",
            (DataFile::Plan, Lang::Vi) => "tệp kế hoạch (--plan) không phải UTF-8",
            (DataFile::Levels, Lang::En) => "the levels file is not UTF-8",
            (DataFile::Levels, Lang::Vi) => {
                "tệp bảng quy đổi chứng chỉ (--levels) không phải UTF-8"
            }
        }
        .to_owned(),
        Problem::EmptyFile => pick(lang, "file is empty", "tệp trống"),
        Problem::EmptySheet => pick(lang, "the sheet is empty", "trang tính trống"),
        Problem::EmptyLine => pick(lang, "empty line, skipped", "dòng trống, đã bỏ qua"),
        Problem::NoValues => pick(
            lang,
            "row has no values, skipped",
            "dòng không có giá trị nào, đã bỏ qua",
        ),
        Problem::HeaderQuote => pick(
            lang,
            "a quote opened in the header is never closed: it swallows the whole file; \
             close it or remove it",
            "một dấu ngoặc kép mở ở dòng tiêu đề không bao giờ đóng lại: nó nuốt cả tệp; \
             hãy đóng hoặc xóa nó",
        ),
        Problem::OpenQuote { lines } => match lang {
            Lang::En => format!(
                "a quote opened on this line is never closed: it swallows the rest of the file \
                 ({lines} more lines); close it or remove it"
            ),
            Lang::Vi => format!(
                "một dấu ngoặc kép mở ở dòng này không bao giờ đóng lại: nó nuốt phần còn lại \
                 của tệp ({lines} dòng nữa); hãy đóng hoặc xóa nó"
            ),
        },
        Problem::CellCount { found, width } => match (lang, found > width) {
            (Lang::En, more) => format!(
                "{found} fields, header has {width} ({} cells: a stray delimiter or quote?)",
                if more { "too many" } else { "too few" }
            ),
            (Lang::Vi, more) => format!(
                "{found} ô, dòng tiêu đề có {width} ({} ô: có dấu phân cách hoặc dấu ngoặc kép \
                 bị thừa?)",
                if more { "thừa" } else { "thiếu" }
            ),
        },
        Problem::TooLarge { header, bytes } => match lang {
            Lang::En => format!("\"{header}\" holds {bytes} bytes; a cell may hold at most 64 KiB"),
            Lang::Vi => format!("ô \"{header}\" chứa {bytes} byte; một ô chứa tối đa 64 KiB"),
        },
        Problem::FormulaError { header, error } => match lang {
            Lang::En => format!(
                "\"{header}\" holds the formula error {error}; correct the formula or type the value"
            ),
            Lang::Vi => format!(
                "ô \"{header}\" có lỗi công thức {error}; hãy sửa công thức hoặc gõ giá trị vào"
            ),
        },
        Problem::LineBreak {
            header,
            opened,
            closed,
            rows,
        } => {
            let span = closed - opened;
            match (lang, rows) {
                (Lang::En, true) => format!(
                    "\"{header}\" holds a line break: a quote opened on line {opened} closes on \
                     line {closed}, taking in {span} line(s) that look like rows; a quote may be \
                     missing on line {opened}"
                ),
                (Lang::En, false) => format!(
                    "\"{header}\" holds a line break, which no value of this column has: a quote \
                     opened on line {opened} closes on line {closed}; a quote may be missing on \
                     line {opened}"
                ),
                (Lang::Vi, true) => format!(
                    "ô \"{header}\" chứa dấu xuống dòng: dấu ngoặc kép mở ở dòng {opened} đến \
                     dòng {closed} mới đóng, nuốt {span} dòng trông như các dòng dữ liệu; có thể \
                     thiếu một dấu ngoặc kép ở dòng {opened}"
                ),
                (Lang::Vi, false) => format!(
                    "ô \"{header}\" chứa dấu xuống dòng, điều mà cột này không bao giờ có: dấu \
                     ngoặc kép mở ở dòng {opened} đến dòng {closed} mới đóng; có thể thiếu một \
                     dấu ngoặc kép ở dòng {opened}"
                ),
            }
        }
        Problem::ControlCharacter { header, character } => {
            let code = format!("U+{:04X}", u32::from(*character));
            let named = match (lang, control_name(*character)) {
                (_, None) => code,
                (Lang::En, Some((en, _))) => format!("{code} ({en})"),
                (Lang::Vi, Some((_, vi))) => format!("{code} ({vi})"),
            };
            match lang {
                Lang::En => format!(
                    "\"{header}\" holds the control character {named}, which no value has; \
                     delete it from the cell (it is invisible on screen, and makes two values \
                     that look the same differ)"
                ),
                Lang::Vi => format!(
                    "ô \"{header}\" chứa ký tự điều khiển {named}, ký tự không có trong giá trị \
                     nào; hãy xóa nó khỏi ô (ký tự này không hiện trên màn hình, làm hai giá trị \
                     trông giống nhau mà lại khác nhau)"
                ),
            }
        }
        Problem::TooManyColumns { found, limit } => match lang {
            Lang::En => format!(
                "the header has {found} cells; at most {limit} are read: this is not a roster or \
                 enrolments export"
            ),
            Lang::Vi => format!(
                "dòng tiêu đề có {found} ô; chỉ đọc tối đa {limit} ô: đây không phải là danh \
                 sách cán bộ hay danh sách đào tạo, bồi dưỡng"
            ),
        },
        Problem::HeaderTooLarge { column, bytes } => match lang {
            Lang::En => format!(
                "the header cell of column {column} holds {bytes} bytes; a cell may hold at most \
                 64 KiB"
            ),
            Lang::Vi => {
                format!("ô tiêu đề của cột {column} chứa {bytes} byte; một ô chứa tối đa 64 KiB")
            }
        },
        Problem::NoHeader { column, value } => match lang {
            Lang::En => format!("column {column} has no header but this row has \"{value}\" in it"),
            Lang::Vi => {
                format!("cột {column} không có tiêu đề nhưng dòng này có \"{value}\" ở cột đó")
            }
        },
        Problem::NotUtf8 => pick(
            lang,
            "bytes that are not UTF-8 in a file whose start is UTF-8 (so it is read as UTF-8, and \
             nothing is guessed); correct this cell, or save the file in Excel as \"CSV UTF-8 \
             (Comma delimited) (*.csv)\"",
            "có byte không phải UTF-8 trong một tệp mà phần đầu là UTF-8 (nên tệp được đọc \
             theo UTF-8, không đoán gì cả); hãy sửa ô này, hoặc trong Excel lưu lại dưới dạng \
             CSV UTF-8 (\"CSV UTF-8 (Comma delimited) (*.csv)\")",
        ),
        Problem::Windows1258 => pick(
            lang,
            "the file is not UTF-8 (first on this line): read as windows-1258, the \
             Vietnamese code page of Windows, and normalised to NFC; check the names, \
             and in Excel save as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
            "tệp không phải UTF-8 (lần đầu ở dòng này): đã đọc theo windows-1258, bảng mã \
             tiếng Việt của Windows, và chuẩn hóa về NFC; hãy kiểm tra các họ tên, và trong \
             Excel lưu lại dưới dạng CSV UTF-8 (\"CSV UTF-8 (Comma delimited) (*.csv)\")",
        ),
        Problem::Lossy {
            cells,
            places,
            in_sheet,
        } => match (lang, in_sheet) {
            (Lang::En, false) => format!(
                "{cells} cell{} {} letters replaced by \"?\" or \"_\" ({places}): the file was \
                 exported in a code page without Vietnamese letters, and the lost letters cannot \
                 be read back; export it again from Excel as \"CSV UTF-8 (Comma delimited) (*.csv)\"",
                if *cells == 1 { "" } else { "s" },
                if *cells == 1 { "has" } else { "have" },
            ),
            (Lang::En, true) => format!(
                "{cells} cell{} {} letters replaced by \"?\" or \"_\" ({places}): the letters \
                 were lost before the workbook was saved (text that went through a code page \
                 without Vietnamese letters), and cannot be read back; retype them, or take \
                 them from the HR system",
                if *cells == 1 { "" } else { "s" },
                if *cells == 1 { "has" } else { "have" },
            ),
            (Lang::Vi, false) => format!(
                "{cells} ô có chữ bị thay bằng \"?\" hoặc \"_\" ({places}): tệp đã được xuất \
                 theo một bảng mã không có chữ tiếng Việt, và không thể khôi phục các chữ đã mất; \
                 hãy xuất lại từ Excel, lưu lại dưới dạng CSV UTF-8 (\"CSV UTF-8 (Comma \
                 delimited) (*.csv)\")"
            ),
            (Lang::Vi, true) => format!(
                "{cells} ô có chữ bị thay bằng \"?\" hoặc \"_\" ({places}): các chữ đã mất \
                 trước khi bảng tính được lưu (văn bản đã đi qua một bảng mã không có chữ tiếng \
                 Việt), và không thể khôi phục; hãy gõ lại, hoặc lấy lại từ hệ thống quản lý \
                 cán bộ"
            ),
        },
        Problem::LegacyFont {
            cells,
            places,
            font,
            in_sheet,
        } => {
            let (from, font) = (lang.convert_from(*font), lang.legacy_font(*font));
            match lang {
                Lang::En => {
                    let todo = if *in_sheet {
                        format!(
                            "convert these cells to Unicode with Unikey's \"Chuyển mã\" tool, which \
                             works on the clipboard: copy the cells, convert (source {from}, \
                             destination Unicode), paste them back, and save the workbook"
                        )
                    } else {
                        format!(
                            "convert the text to Unicode, e.g. with Unikey's \"Chuyển mã\" tool \
                             (source {from}, destination Unicode), then save as \"CSV UTF-8 (Comma \
                             delimited) (*.csv)\""
                        )
                    };
                    format!(
                        "{cells} cell{} {} typed in the legacy font encoding {font}, not Unicode \
                         ({places}): names read from them would be wrong; {todo}",
                        if *cells == 1 { "" } else { "s" },
                        if *cells == 1 { "looks" } else { "look" },
                    )
                }
                Lang::Vi => {
                    let todo = if *in_sheet {
                        format!(
                            "hãy chuyển các ô này sang Unicode bằng công cụ \"Chuyển mã\" của Unikey, \
                             công cụ làm việc trên clipboard: sao chép các ô, chuyển mã (nguồn \
                             {from}, đích Unicode), dán lại, rồi lưu bảng tính"
                        )
                    } else {
                        format!(
                            "hãy chuyển mã sang Unicode bằng Unikey (công cụ \"Chuyển mã\", nguồn \
                             {from}, đích Unicode), rồi lưu lại dưới dạng CSV UTF-8 (\"CSV UTF-8 \
                             (Comma delimited) (*.csv)\")"
                        )
                    };
                    format!(
                        "{cells} ô có vẻ được gõ bằng bảng mã phông cũ {font}, không phải Unicode \
                         ({places}): họ tên đọc từ đó sẽ sai; {todo}"
                    )
                }
            }
        }
        Problem::MissingColumn {
            name,
            alias,
            header,
            more,
            header_row,
        } => {
            let mut names = header
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ");
            if *more > 0 {
                names += &match lang {
                    Lang::En => format!(", … and {more} more"),
                    Lang::Vi => format!(", … và {more} ô khác"),
                };
            }
            let rows = HEADER_SEARCH_ROWS;
            match lang {
                Lang::En => format!(
                    "no column \"{name}\" (Vietnamese: \"{alias}\"); the header has: {names}{}",
                    header_row.map_or(String::new(), |row| format!(
                        " (row {row} was taken for the header: of rows 1–{rows}, it names the \
                         most known columns)"
                    ))
                ),
                Lang::Vi => format!(
                    "không có cột \"{alias}\" (tiếng Anh: \"{name}\"); dòng tiêu đề có: {names}{}",
                    header_row.map_or(String::new(), |row| format!(
                        " (dòng {row} được lấy làm dòng tiêu đề: trong các dòng 1–{rows}, đó là \
                         dòng có nhiều tên cột quen thuộc nhất)"
                    ))
                ),
            }
        }
        Problem::SameHeader {
            header,
            first,
            again,
        } => match lang {
            Lang::En => format!("\"{header}\" appears twice (columns {first} and {again})"),
            Lang::Vi => format!("\"{header}\" xuất hiện hai lần (cột {first} và cột {again})"),
        },
        Problem::SameColumn {
            header,
            name,
            first,
            first_header,
        } => match lang {
            Lang::En => format!(
                "\"{header}\" is column \"{name}\" again, already column {first} (\"{first_header}\")"
            ),
            Lang::Vi => format!(
                "\"{header}\" lại là cột \"{name}\", đã có ở cột {first} (\"{first_header}\")"
            ),
        },
        Problem::NoHeaderRow { rows, wanted } => {
            let wanted = wanted
                .iter()
                .map(|(name, alias)| format!("\"{name}\" (\"{alias}\")"))
                .collect::<Vec<_>>()
                .join(", ");
            match lang {
                Lang::En => format!(
                    "no header row: none of rows 1–{rows} names a column boiduong reads; \
                     the header must name {wanted}"
                ),
                Lang::Vi => format!(
                    "không tìm thấy dòng tiêu đề: không dòng nào trong các dòng 1–{rows} có tên \
                     cột mà boiduong đọc; dòng tiêu đề phải có {wanted}"
                ),
            }
        }
    }
}

/// Another row cited: `line 3` of a CSV file, `row 3` of a sheet; `dòng 3` in both.
fn place(place: Place, lang: Lang) -> String {
    match (lang, place.in_sheet) {
        (Lang::En, false) => format!("line {}", place.line),
        (Lang::En, true) => format!("row {}", place.line),
        (Lang::Vi, _) => format!("dòng {}", place.line),
    }
}

#[cfg(test)]
mod tests;

/// The name of a control character people meet in exports, in English and Vietnamese.
fn control_name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\0' => ("NUL", "NUL, ký tự rỗng"),
        '\t' => ("tab", "tab"),
        '\n' => ("line feed", "xuống dòng"),
        '\r' => ("carriage return", "về đầu dòng"),
        '\u{1b}' => ("escape", "ESC"),
        '\u{7f}' => ("delete", "DEL"),
        _ => return None,
    })
}
