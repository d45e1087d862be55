//! The words of every diagnostic, English and Vietnamese side by side: the one
//! place a message of the input is worded. Headers and values stay as the user
//! wrote them; dates read as each language writes them, except that English
//! keeps the ISO dates it has always printed. Every Vietnamese word is NFC (a
//! test holds it).

use crate::i18n::Lang;
use crate::input::date::DateError;
use crate::input::values::{Allowed, BadValue, GROUPS_ALLOWED, LEVELS_ALLOWED, Reason};

mod data;

use super::problem::{
    Baseline, Cell, Contradiction, DataFile, ExpiredCounts, IdHint, LegacyFont, Place, Problem,
    Review, Why, Workbook,
};

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
        Problem::NoAppointment { id, no_column } => match (lang, no_column) {
            (Lang::En, _) => format!(
                "incumbent \"{id}\" has no appointment date{}; shown as missing_data in TITLE-2Y and SECTOR-2Y",
                if *no_column {
                    " (the file has no \"appointed_on\" / \"Ngày bổ nhiệm\" column)"
                } else {
                    ""
                }
            ),
            (Lang::Vi, _) => format!(
                "cán bộ đương chức \"{id}\" không có ngày bổ nhiệm{}; được ghi là thiếu dữ liệu \
                 (missing_data) ở TITLE-2Y và SECTOR-2Y",
                if *no_column {
                    " (tệp không có cột \"appointed_on\" / \"Ngày bổ nhiệm\")"
                } else {
                    ""
                }
            ),
        },
        Problem::NoOfficials => match lang {
            Lang::En => "the roster has a header but no officials",
            Lang::Vi => "danh sách cán bộ có dòng tiêu đề nhưng không có cán bộ nào",
        }
        .to_owned(),
        Problem::NoEnrolments => match lang {
            Lang::En => "the enrolments file has a header but no rows: nobody has any training",
            Lang::Vi => "tệp đào tạo có dòng tiêu đề nhưng không có dòng nào: chưa ai được đào tạo",
        }
        .to_owned(),
        Problem::UndatedCertificates { count } => match lang {
            Lang::En => format!(
                "{count} certificate(s) of a type with a validity period have no \
                 certificate_date (\"Ngày cấp chứng chỉ\"): whether they expired was not \
                 checked, and they count (--expired-certificates ignore)"
            ),
            Lang::Vi => format!(
                "{count} chứng chỉ thuộc loại có thời hạn không có ngày cấp (certificate_date, \
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
                "\"{id}\" heads {head} but \"{degree_header}\" is empty: a doctorate held is then \
                 seen only from a completed doctor enrolment"
            ),
            Lang::Vi => format!(
                "\"{id}\" là người đứng đầu {head} nhưng ô \"{degree_header}\" để trống: khi \
                 đó chỉ biết cán bộ có bằng tiến sĩ qua một khóa tiến sĩ đã hoàn thành"
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
        } => match lang {
            Lang::En => {
                let (font, from) = match font {
                    LegacyFont::Tcvn3 => ("TCVN3 (ABC, fonts .VnTime…)", "TCVN3"),
                    LegacyFont::Vni => ("VNI (fonts VNI-Times…)", "VNI Windows"),
                    LegacyFont::Either => (
                        "TCVN3 (ABC) or VNI",
                        "TCVN3 or VNI Windows, whichever reads right",
                    ),
                };
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
                let (font, from) = match font {
                    LegacyFont::Tcvn3 => ("TCVN3 (ABC, phông .VnTime…)", "TCVN3"),
                    LegacyFont::Vni => ("VNI (phông VNI-Times…)", "VNI Windows"),
                    LegacyFont::Either => (
                        "TCVN3 (ABC) hoặc VNI",
                        "TCVN3 hoặc VNI Windows, bảng nào đọc đúng",
                    ),
                };
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
        },
        Problem::MissingColumn {
            name,
            alias,
            header,
            header_row,
        } => {
            let names = header
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let rows = crate::input::sheet::HEADER_SEARCH_ROWS;
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
        (Why::System(text), Lang::En) => text.clone(),
        (Why::System(text), Lang::Vi) => format!("hệ điều hành báo: {text}"),
    }
}

/// Why a JSON report cannot be compared.
fn baseline(why: &Baseline, lang: Lang) -> String {
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
fn workbook(what: &Workbook, lang: Lang) -> String {
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

/// The text of `lang` of two fixed ones.
fn pick(lang: Lang, en: &str, vi: &str) -> String {
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
    .to_owned()
}

/// Another row cited: `line 3` of a CSV file, `row 3` of a sheet; `dòng 3` in both.
fn place(place: Place, lang: Lang) -> String {
    match (lang, place.in_sheet) {
        (Lang::En, false) => format!("line {}", place.line),
        (Lang::En, true) => format!("row {}", place.line),
        (Lang::Vi, _) => format!("dòng {}", place.line),
    }
}

/// What is wrong with a cell, after its header and value.
fn cell(what: &Cell, lang: Lang) -> String {
    let en = lang == Lang::En;
    let pick = |en_text: &str, vi_text: &str| if en { en_text } else { vi_text }.to_owned();
    match what {
        Cell::Date(e) => date(e, lang),
        Cell::Value(bad) => bad_value(bad, lang),
        Cell::NoName => pick(
            "is empty; every official needs a name",
            "để trống; cán bộ nào cũng phải có họ tên",
        ),
        Cell::NoId => pick(
            "is empty; every row needs an official's id",
            "để trống; dòng nào cũng phải có mã cán bộ",
        ),
        Cell::Required => pick(
            "is empty; a value is required",
            "để trống; cột này bắt buộc phải có giá trị",
        ),
        Cell::NoStart => pick(
            "is empty; every enrolment needs a start date",
            "để trống; mỗi khóa học phải có ngày bắt đầu",
        ),
        Cell::Invisible => pick(
            "holds an invisible character (non-breaking or zero-width space); it was removed",
            "có ký tự ẩn (dấu cách không ngắt hoặc ký tự rộng 0); ký tự này đã được bỏ đi",
        ),
        Cell::AfterAsOf {
            as_of,
            far,
            completion,
        } => match lang {
            Lang::En => format!(
                "{}{}",
                if *far {
                    format!("is more than a year after the as-of date {as_of} (is the year right?)")
                } else {
                    format!("is after the as-of date {as_of}")
                },
                if *completion {
                    "; a completion cannot be in the future"
                } else {
                    ""
                }
            ),
            Lang::Vi => format!(
                "{}{}",
                if *far {
                    format!(
                        "muộn hơn ngày đánh giá {} quá một năm (năm có đúng không?)",
                        lang.date(*as_of)
                    )
                } else {
                    format!("muộn hơn ngày đánh giá {}", lang.date(*as_of))
                },
                if *completion {
                    "; ngày hoàn thành không thể ở tương lai"
                } else {
                    ""
                }
            ),
        },
        Cell::NotInRoster(hint) => {
            let hint = match (hint, lang) {
                (IdHint::None, _) => String::new(),
                (IdHint::LeadingZeros(full), Lang::En) => {
                    format!("Excel may have dropped its leading zeros: did you mean \"{full}\"?")
                }
                (IdHint::LeadingZeros(full), Lang::Vi) => {
                    format!("Excel có thể đã bỏ số 0 ở đầu: có phải là \"{full}\"?")
                }
                (IdHint::Case(same), Lang::En) => {
                    format!("ids are case-sensitive: did you mean \"{same}\"?")
                }
                (IdHint::Case(same), Lang::Vi) => {
                    format!("mã cán bộ phân biệt chữ hoa, chữ thường: có phải là \"{same}\"?")
                }
                (IdHint::Check, Lang::En) => {
                    "check the id; if ids have leading zeros, Excel may have dropped them".into()
                }
                (IdHint::Check, Lang::Vi) => "kiểm tra lại mã cán bộ; nếu mã bắt đầu bằng số 0, \
                                              Excel có thể đã bỏ số 0 ở đầu"
                    .into(),
            };
            match lang {
                Lang::En => format!("is not in the roster ({hint})"),
                Lang::Vi => format!("không có trong danh sách cán bộ ({hint})"),
            }
        }
        Cell::Contradiction(c) => match c {
            Contradiction::CompletedWithoutDate => pick(
                "is completed but there is no completion date; not counted as a completion",
                "đã hoàn thành nhưng không có ngày hoàn thành; không tính là đã hoàn thành",
            ),
            Contradiction::EnrolledWithDate => pick(
                "is still enrolled but has a completion date; not counted as a completion",
                "vẫn đang học nhưng đã có ngày hoàn thành; không tính là đã hoàn thành",
            ),
            Contradiction::WithdrawnWithDate => pick(
                "is withdrawn but has a completion date; not counted as a completion",
                "đã thôi học nhưng có ngày hoàn thành; không tính là đã hoàn thành",
            ),
        },
        Cell::Review(why) => match (lang, review(why, lang)) {
            (Lang::En, why) => format!(
                "{why}; until then the official counts in the language groups, not at \
                 level 4 or above"
            ),
            (Lang::Vi, why) => format!(
                "{why}; cho đến khi được xem xét, cán bộ được tính trong nhóm ngoại ngữ, \
                 chưa tính là đạt bậc 4 trở lên"
            ),
        },
        Cell::Expired {
            issued_on,
            expires_on,
            name,
            months,
            counts,
        } => match lang {
            Lang::En => format!(
                "was issued on {issued_on} and expired on {expires_on} ({name} is valid \
                 {months} months); {}",
                match counts {
                    ExpiredCounts::NotCounted => {
                        "its level is not counted (--expired-certificates ignore)"
                    }
                    ExpiredCounts::NoLevel4 => "it gives no level 4 either way",
                    ExpiredCounts::Counted => {
                        "its level still counts (--expired-certificates count: the plan ties \
                         bậc 4 to no validity period)"
                    }
                }
            ),
            Lang::Vi => format!(
                "cấp ngày {} và đã hết hạn ngày {} ({name} có giá trị {months} tháng); {}",
                lang.date(*issued_on),
                lang.date(*expires_on),
                match counts {
                    ExpiredCounts::NotCounted => {
                        "bậc của chứng chỉ không được tính (--expired-certificates ignore)"
                    }
                    ExpiredCounts::NoLevel4 => "dù sao chứng chỉ cũng không đạt bậc 4",
                    ExpiredCounts::Counted => {
                        "bậc của chứng chỉ vẫn được tính (--expired-certificates count: kế \
                         hoạch không gắn bậc 4 với thời hạn nào)"
                    }
                }
            ),
        },
    }
}

/// Why a certificate needs a person to look at it, after its header and value.
fn review(why: &Review, lang: Lang) -> String {
    let manual = match lang {
        Lang::En => "its bậc needs manual review",
        Lang::Vi => "bậc của chứng chỉ cần được xem xét thủ công",
    };
    match (why, lang) {
        (Review::NoScore { name }, Lang::En) => {
            format!("is a {name} certificate without a score; {manual}")
        }
        (Review::NoScore { name }, Lang::Vi) => {
            format!("là chứng chỉ {name} không ghi điểm; {manual}")
        }
        (Review::Unreadable { name, score }, Lang::En) => {
            format!("is a {name} certificate whose score \"{score}\" cannot be read; {manual}")
        }
        (Review::Unreadable { name, score }, Lang::Vi) => {
            format!("là chứng chỉ {name} có điểm \"{score}\" không đọc được; {manual}")
        }
        (Review::ScoreForBands { name, bands }, Lang::En) => format!(
            "gives a {name} score, but the levels table reads {name} by level ({bands}); {manual}"
        ),
        (Review::ScoreForBands { name, bands }, Lang::Vi) => format!(
            "ghi điểm {name}, nhưng bảng quy đổi đọc {name} theo cấp độ ({bands}); {manual}"
        ),
        (Review::SomeSkills { name, given, all }, Lang::En) => format!(
            "gives {name} {} only: the levels table needs all of {}; {manual}",
            if given.is_empty() {
                "a total".to_owned()
            } else {
                given.join("+")
            },
            all.join(", ")
        ),
        (Review::SomeSkills { name, given, all }, Lang::Vi) => format!(
            "chỉ ghi {name} {}: bảng quy đổi cần đủ các kỹ năng {}; {manual}",
            if given.is_empty() {
                "tổng điểm".to_owned()
            } else {
                given.join("+")
            },
            all.join(", ")
        ),
        (Review::NotInTable { names }, Lang::En) => {
            format!("is not a certificate of the levels table ({names}), nor a level; {manual}")
        }
        (Review::NotInTable { names }, Lang::Vi) => format!(
            "không phải là chứng chỉ của bảng quy đổi ({names}), cũng không phải là bậc; {manual}"
        ),
    }
}

/// Why a cell is not a date, after its header and value.
pub fn date(e: &DateError, lang: Lang) -> String {
    match (lang, e) {
        (Lang::En, DateError::NoSuchDate) => "is not a date: no such day in the calendar".into(),
        (Lang::Vi, DateError::NoSuchDate) => "không phải là ngày: không có ngày này".into(),
        (Lang::En, DateError::NoSuchMonth(m)) => format!("is not a date: there is no month {m}"),
        (Lang::Vi, DateError::NoSuchMonth(m)) => {
            format!("không phải là ngày: không có tháng {m}")
        }
        (Lang::En, DateError::TwoDigitYear) => {
            "is not a date: the year must have four digits (dd/mm/yyyy)".into()
        }
        (Lang::Vi, DateError::TwoDigitYear) => {
            "không phải là ngày: năm phải có 4 chữ số (dd/mm/yyyy)".into()
        }
        (Lang::En, DateError::MonthFirst { day_first }) => {
            format!("is not a date: dates are dd/mm/yyyy, day first (did you mean {day_first}?)")
        }
        (Lang::Vi, DateError::MonthFirst { day_first }) => format!(
            "không phải là ngày: ngày ghi theo dd/mm/yyyy, ngày trước tháng sau (có phải là \
             {day_first}?)"
        ),
        (Lang::En, DateError::ExcelSerial(d)) => format!(
            "is not a date: it looks like an Excel serial number ({}); format the column as a date",
            d.format("%d/%m/%Y")
        ),
        (Lang::Vi, DateError::ExcelSerial(d)) => format!(
            "không phải là ngày: có vẻ là số sê-ri ngày của Excel ({}); hãy định dạng cột \
             này là Date (ngày)",
            d.format("%d/%m/%Y")
        ),
        (Lang::En, DateError::HasTime) => {
            "is not a date: remove the time; dates are dd/mm/yyyy or yyyy-mm-dd".into()
        }
        (Lang::Vi, DateError::HasTime) => {
            "không phải là ngày: hãy bỏ phần giờ; ngày ghi theo dd/mm/yyyy hoặc yyyy-mm-dd".into()
        }
        (Lang::En, DateError::Unrecognised) => {
            "is not a date (write dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd)".into()
        }
        (Lang::Vi, DateError::Unrecognised) => {
            "không phải là ngày (ghi theo dd/mm/yyyy, d/m/yyyy hoặc yyyy-mm-dd)".into()
        }
    }
}

/// Why a cell holds no allowed value, after its header and value.
pub fn bad_value(bad: &BadValue, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut text = match (bad.reason, en) {
        (Some(reason), true) => format!("is not allowed: {}", self::reason(reason, lang)),
        (Some(reason), false) => format!("không được phép: {}", self::reason(reason, lang)),
        (None, true) => "is not an allowed value".to_owned(),
        (None, false) => "không phải là giá trị được phép".to_owned(),
    };
    let allowed = match (&bad.allowed, en) {
        (Allowed::Terms(terms), _) => terms.clone(),
        (Allowed::Groups, true) => GROUPS_ALLOWED.to_owned(),
        (Allowed::Groups, false) => "1, 2, 3, nối bằng | hoặc dấu cách, ví dụ 1|2".to_owned(),
        (Allowed::Levels, true) => LEVELS_ALLOWED.to_owned(),
        (Allowed::Levels, false) => "1–6, bậc N, N/6, A1–C2 (B2 = bậc 4), chứng chỉ cũ A, B, \
                                     C, hoặc chứng chỉ của bảng quy đổi kèm điểm, ví dụ IELTS \
                                     6.0, JLPT N3"
            .to_owned(),
        (Allowed::Scores { name, from, to }, true) => format!("{name} {from} to {to}"),
        (Allowed::Scores { name, from, to }, false) => format!("{name} từ {from} đến {to}"),
        (Allowed::Bands { name, bands }, true) => format!("{name} {bands}"),
        (Allowed::Bands { name, bands }, false) => {
            format!("{name} với một trong các cấp độ {bands}")
        }
    };
    text.push_str(&match lang {
        Lang::En => format!(" (allowed: {allowed}"),
        Lang::Vi => format!(" (được phép: {allowed}"),
    });
    if let Some(s) = bad.suggestion {
        text.push_str(&match lang {
            Lang::En => format!("; did you mean \"{s}\"?"),
            Lang::Vi => format!("; có phải là \"{s}\"?"),
        });
    }
    text.push(')');
    text
}

fn reason(reason: Reason, lang: Lang) -> &'static str {
    match (reason, lang) {
        (Reason::GroupsByComma, Lang::En) => "groups are joined by | or a space, not a comma",
        (Reason::GroupsByComma, Lang::Vi) => {
            "các nhóm nối bằng | hoặc dấu cách, không dùng dấu phẩy"
        }
        (Reason::NoSuchGroup, Lang::En) => "there are only groups 1, 2 and 3 (II.2.a–c)",
        (Reason::NoSuchGroup, Lang::Vi) => "chỉ có các nhóm 1, 2 và 3 (II.2.a–c)",
        (Reason::ScoreWithoutName, Lang::En) => {
            "a certificate's score needs its name, e.g. \"IELTS 6.5\""
        }
        (Reason::ScoreWithoutName, Lang::Vi) => "điểm phải kèm tên chứng chỉ, ví dụ \"IELTS 6.5\"",
        (Reason::ScoreOffScale, Lang::En) => "the score is not one the certificate has",
        (Reason::ScoreOffScale, Lang::Vi) => "chứng chỉ này không có mức điểm đó",
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use unicode_normalization::is_nfc;

    use super::*;
    use crate::input::diag::problem::{
        Contradiction, Data, ExpiredCounts, IdHint, LegacyFont, Quantity, TargetOf,
    };

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
    }

    /// One problem of every variant, each cell and date error included.
    fn every_problem() -> Vec<Problem> {
        let cell = |what| Problem::Cell {
            header: "Ngày bắt đầu".into(),
            value: "x".into(),
            what,
        };
        let bad = |reason, allowed| BadValue {
            reason,
            allowed,
            suggestion: Some("planned"),
        };
        let mut all: Vec<Problem> = [
            DateError::NoSuchDate,
            DateError::NoSuchMonth(13),
            DateError::TwoDigitYear,
            DateError::MonthFirst {
                day_first: "13/02/2024".into(),
            },
            DateError::ExcelSerial(day()),
            DateError::HasTime,
            DateError::Unrecognised,
        ]
        .into_iter()
        .map(|e| cell(Cell::Date(e)))
        .collect();
        let allowed = [
            Allowed::Terms("planned (quy hoạch)".into()),
            Allowed::Groups,
            Allowed::Levels,
            Allowed::Scores {
                name: "IELTS".into(),
                from: "0".into(),
                to: "9".into(),
            },
            Allowed::Bands {
                name: "JLPT".into(),
                bands: "N1, N2".into(),
            },
        ];
        let reasons = [
            None,
            Some(Reason::GroupsByComma),
            Some(Reason::NoSuchGroup),
            Some(Reason::ScoreWithoutName),
            Some(Reason::ScoreOffScale),
        ];
        for (reason, allowed) in reasons.into_iter().zip(allowed) {
            all.push(cell(Cell::Value(bad(reason, allowed))));
        }
        all.extend(
            [
                Cell::NoName,
                Cell::NoId,
                Cell::Required,
                Cell::NoStart,
                Cell::Invisible,
                Cell::AfterAsOf {
                    as_of: day(),
                    far: true,
                    completion: true,
                },
                Cell::AfterAsOf {
                    as_of: day(),
                    far: false,
                    completion: false,
                },
                Cell::NotInRoster(IdHint::LeadingZeros("00123".into())),
                Cell::NotInRoster(IdHint::Case("X01".into())),
                Cell::NotInRoster(IdHint::Check),
                Cell::Contradiction(Contradiction::CompletedWithoutDate),
                Cell::Contradiction(Contradiction::EnrolledWithDate),
                Cell::Contradiction(Contradiction::WithdrawnWithDate),
                Cell::Review(Review::NoScore {
                    name: "IELTS".into(),
                }),
                Cell::Review(Review::Unreadable {
                    name: "IELTS".into(),
                    score: "x".into(),
                }),
                Cell::Review(Review::ScoreForBands {
                    name: "VSTEP".into(),
                    bands: "B1, B2".into(),
                }),
                Cell::Review(Review::SomeSkills {
                    name: "TOEIC".into(),
                    given: vec![],
                    all: vec!["L".into(), "R".into()],
                }),
                Cell::Review(Review::NotInTable {
                    names: "IELTS".into(),
                }),
                Cell::Expired {
                    issued_on: day(),
                    expires_on: day(),
                    name: "IELTS".into(),
                    months: 24,
                    counts: ExpiredCounts::NotCounted,
                },
                Cell::Expired {
                    issued_on: day(),
                    expires_on: day(),
                    name: "IELTS".into(),
                    months: 24,
                    counts: ExpiredCounts::NoLevel4,
                },
                Cell::Expired {
                    issued_on: day(),
                    expires_on: day(),
                    name: "IELTS".into(),
                    months: 24,
                    counts: ExpiredCounts::Counted,
                },
            ]
            .map(cell),
        );
        let place = Place {
            line: 3,
            in_sheet: true,
        };
        all.extend([
            Problem::EndsBeforeStart {
                end_header: "a".into(),
                end: "1".into(),
                start_header: "b".into(),
                start: "2".into(),
            },
            Problem::DuplicateId {
                id: "X02".into(),
                first: place,
            },
            Problem::DuplicateRow { first: place },
            Problem::NoAppointment {
                id: "X02".into(),
                no_column: true,
            },
            Problem::NoOfficials,
            Problem::NoEnrolments,
            Problem::UndatedCertificates { count: 2 },
            Problem::PlannedInGroup {
                id: "X02".into(),
                groups: "1|2".into(),
                role_header: "role".into(),
            },
            Problem::HeadWithoutDegree {
                id: "X02".into(),
                head: "hospital",
                degree_header: "degree".into(),
            },
            Problem::CannotRead {
                file: "a.csv".into(),
                why: Why::NoSuchFile,
            },
            Problem::CannotRead {
                file: "a.csv".into(),
                why: Why::PermissionDenied,
            },
            Problem::CannotRead {
                file: "a.csv".into(),
                why: Why::Directory,
            },
            Problem::CannotWrite {
                file: "a.csv".into(),
                why: Why::NoDirectory("out".into()),
            },
            Problem::CannotWrite {
                file: "a.csv".into(),
                why: Why::System("disk full".into()),
            },
            Problem::Workbook {
                file: "a.xlsx".into(),
                what: Workbook::Unreadable {
                    kind: "xlsx",
                    reason: "zip".into(),
                },
            },
            Problem::Workbook {
                file: "a.xlsx".into(),
                what: Workbook::NoWorksheet,
            },
            Problem::Workbook {
                file: "a.xlsx".into(),
                what: Workbook::NoSuchSheet {
                    wanted: "x".into(),
                    sheets: vec!["Sheet1".into()],
                },
            },
            Problem::Workbook {
                file: "a.xlsx".into(),
                what: Workbook::SheetUnreadable {
                    name: "x".into(),
                    reason: "r".into(),
                },
            },
            Problem::DataNotUtf8 {
                data: DataFile::Plan,
            },
            Problem::Baseline(Baseline::Diff),
            Problem::Baseline(Baseline::NoSchema),
            Problem::Baseline(Baseline::NoPlan),
            Problem::Baseline(Baseline::NotJson("EOF".into())),
            Problem::Baseline(Baseline::OtherSchema {
                found: "2".into(),
                ours: 1,
            }),
            Problem::Baseline(Baseline::BadBody {
                ours: 1,
                reason: "missing field".into(),
            }),
            Problem::Baseline(Baseline::OtherPlan {
                found: "a".into(),
                plan: "b".into(),
            }),
            Problem::DataNotUtf8 {
                data: DataFile::Levels,
            },
            Problem::Data(Data::Toml("expected `=`".into())),
            Problem::Data(Data::Negative {
                key: "quotas.2024".into(),
                value: -3,
                what: Quantity::Quota,
            }),
            Problem::Data(Data::OutOfRange {
                key: "percent".into(),
                value: 130,
                what: Quantity::Percentage,
                min: 0,
                max: 100,
            }),
            Problem::Data(Data::NotAYear { key: "k".into() }),
            Problem::Data(Data::NotADate { key: "k".into() }),
            Problem::Data(Data::DateWithTime { key: "k".into() }),
            Problem::Data(Data::Empty { key: "rule" }),
            Problem::Data(Data::EmptyOf {
                name: "IELTS".into(),
                key: "names",
            }),
            Problem::Data(Data::DoesNotApply {
                key: "months".into(),
                kind: "share".into(),
                target: "W".into(),
                data: DataFile::Plan,
            }),
            Problem::Data(Data::DoesNotApply {
                key: "min".into(),
                kind: "bands".into(),
                target: "X".into(),
                data: DataFile::Levels,
            }),
            Problem::Data(Data::Needs {
                key: "group",
                kind: "share".into(),
                target: "W".into(),
                data: DataFile::Plan,
            }),
            Problem::Data(Data::Needs {
                key: "min",
                kind: "scale".into(),
                target: "X".into(),
                data: DataFile::Levels,
            }),
            Problem::Data(Data::NotARuleKind { kind: "x".into() }),
            Problem::Data(Data::BadTerm {
                key: "heads",
                value: "x".into(),
                bad: BadValue {
                    reason: None,
                    allowed: Allowed::Terms("a, b".into()),
                    suggestion: None,
                },
                listed: true,
            }),
            Problem::Data(Data::BadTerm {
                key: "program",
                value: "x".into(),
                bad: BadValue {
                    reason: None,
                    allowed: Allowed::Terms("a, b".into()),
                    suggestion: Some("a"),
                },
                listed: false,
            }),
            Problem::Data(Data::NotOneOf {
                key: "anchor",
                value: "x".into(),
                choices: "a, b".into(),
            }),
            Problem::Data(Data::QuotaYear { year: "x".into() }),
            Problem::Data(Data::TargetTwice {
                rule: "L".into(),
                of: TargetOf::Group(1),
                first: 3,
            }),
            Problem::Data(Data::TargetTwice {
                rule: "L".into(),
                of: TargetOf::Nothing,
                first: 3,
            }),
            Problem::Data(Data::NoTargets),
            Problem::Data(Data::ProgramOrGroup { rule: "Q".into() }),
            Problem::Data(Data::TotalBelowSum { total: 1, sum: 2 }),
            Problem::Data(Data::DerivedWithoutTotal),
            Problem::Data(Data::DerivedHasQuota { year: 2025 }),
            Problem::Data(Data::MaxBelowMin),
            Problem::Data(Data::NotAScoreKind { kind: "x".into() }),
            Problem::Data(Data::NoLetters {
                spelling: "?".into(),
            }),
            Problem::Data(Data::SpellingTwice {
                spelling: "a".into(),
                first: "B".into(),
                line: 3,
            }),
            Problem::Data(Data::NoCertificates),
            Problem::Data(Data::ScaleMaxNotAboveMin { name: "X".into() }),
            Problem::Data(Data::BandTwice {
                name: "X".into(),
                band: "b".into(),
            }),
            Problem::Data(Data::AliasNoBand {
                name: "X".into(),
                alias: "a".into(),
                band: "b".into(),
            }),
            Problem::Data(Data::BadSkill { name: "X".into() }),
            Problem::Data(Data::NotAScore {
                name: "X".into(),
                spelling: "s".into(),
                score: "1".into(),
            }),
            Problem::Data(Data::NotAScoreNumber { key: "min".into() }),
            Problem::Data(Data::FloorKey {
                name: "X".into(),
                level: "7".into(),
            }),
            Problem::Data(Data::FloorOutsideScale {
                name: "X".into(),
                level: 4,
            }),
            Problem::Data(Data::FloorNotABand {
                name: "X".into(),
                level: 4,
                bands: "a, b".into(),
            }),
            Problem::Data(Data::FloorSkill {
                name: "X".into(),
                level: 4,
                skill: "reading".into(),
                min: 5,
                max: 495,
            }),
            Problem::Data(Data::FloorNotAbove {
                name: "X".into(),
                level: 4,
                below: 3,
            }),
            Problem::EmptyFile,
            Problem::EmptySheet,
            Problem::EmptyLine,
            Problem::NoValues,
            Problem::HeaderQuote,
            Problem::OpenQuote { lines: 2 },
            Problem::CellCount { found: 3, width: 2 },
            Problem::CellCount { found: 1, width: 2 },
            Problem::TooLarge {
                header: "unit".into(),
                bytes: 70000,
            },
            Problem::FormulaError {
                header: "unit".into(),
                error: "#REF!".into(),
            },
            Problem::NoHeader {
                column: "N".into(),
                value: "x".into(),
            },
            Problem::NotUtf8,
            Problem::Windows1258,
            Problem::Lossy {
                cells: 1,
                places: "2:2".into(),
                in_sheet: false,
            },
            Problem::Lossy {
                cells: 1,
                places: "B2".into(),
                in_sheet: true,
            },
            Problem::LegacyFont {
                cells: 2,
                places: "2:2".into(),
                font: LegacyFont::Tcvn3,
                in_sheet: false,
            },
            Problem::LegacyFont {
                cells: 2,
                places: "B2".into(),
                font: LegacyFont::Either,
                in_sheet: true,
            },
            Problem::MissingColumn {
                name: "role",
                alias: "Diện",
                header: vec!["id".into()],
                header_row: Some(4),
            },
            Problem::SameHeader {
                header: "id".into(),
                first: "A".into(),
                again: "N".into(),
            },
            Problem::SameColumn {
                header: "Mã".into(),
                name: "id",
                first: "1".into(),
                first_header: "id".into(),
            },
            Problem::NoHeaderRow {
                rows: 30,
                wanted: vec![("id", "Mã cán bộ")],
            },
        ]);
        all
    }

    #[test]
    fn every_problem_has_vietnamese_words_in_nfc() {
        for problem in every_problem() {
            let (en, vi) = (say(&problem, Lang::En), say(&problem, Lang::Vi));
            assert!(!vi.is_empty(), "{problem:?}");
            assert_ne!(en, vi, "{problem:?} reads the same in both languages");
            assert!(is_nfc(&vi), "{problem:?}: {vi:?} is not NFC");
        }
    }

    #[test]
    fn vietnamese_cites_rows_as_dong_and_dates_day_first() {
        let problem = Problem::Cell {
            header: "Ngày hoàn thành".into(),
            value: "2027-01-15".into(),
            what: Cell::AfterAsOf {
                as_of: day(),
                far: false,
                completion: true,
            },
        };
        assert_eq!(
            say(&problem, Lang::Vi),
            "ô \"Ngày hoàn thành\" = \"2027-01-15\": muộn hơn ngày đánh giá 25/11/2026; \
             ngày hoàn thành không thể ở tương lai"
        );
        let first = Place {
            line: 3,
            in_sheet: false,
        };
        assert_eq!(
            say(&Problem::DuplicateRow { first }, Lang::Vi),
            "trùng hệt dòng 3; chỉ tính một lần"
        );
        assert_eq!(
            say(&Problem::DuplicateRow { first }, Lang::En),
            "identical to line 3; counted once"
        );
    }
}
