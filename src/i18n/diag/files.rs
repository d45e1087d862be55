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
            lang.input_file(*what)
        ),
        (Why::IsInput { input, what }, Lang::Vi) => format!(
            "đây chính là tệp {input}, {}; ghi vào đó sẽ làm mất dữ liệu đầu vào, nên chưa \
             ghi gì",
            lang.input_file(*what)
        ),
        (Why::System(text), Lang::En) => text.clone(),
        (Why::System(text), Lang::Vi) => format!("hệ điều hành báo: {text}"),
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
        (Baseline::NoSchema, Lang::Vi) => format!("{not_a_report} (không ghi phiên bản định dạng)"),
        (Baseline::OtherSchema { found, ours }, Lang::En) => format!(
            "a report of schema_version {found}; this boiduong compares reports of \
             schema_version {ours} only"
        ),
        (Baseline::OtherSchema { found, ours }, Lang::Vi) => format!(
            "báo cáo có phiên bản định dạng {found}; phiên bản boiduong này chỉ so sánh các \
             báo cáo có phiên bản định dạng {ours}"
        ),
        (Baseline::NoPlan, Lang::En) => format!("{not_a_report} (it names no plan)"),
        (Baseline::NoPlan, Lang::Vi) => format!("{not_a_report} (không ghi kế hoạch nào)"),
        (Baseline::BadBody { ours, reason }, Lang::En) => {
            format!("{not_a_report} of schema_version {ours}: {reason}")
        }
        (Baseline::BadBody { ours, reason }, Lang::Vi) => {
            format!("{not_a_report} có phiên bản định dạng {ours}: {reason}")
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
        (Workbook::TooLarge(limit), _) => too_large(limit, lang),
        (Workbook::Damaged(damage), _) => damaged(damage, lang),
    }
}

/// A limit of a workbook passed, and what to do.
fn too_large(limit: &Limit, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let n = |n: u64| count(n, lang);
    let what = match (limit, vi) {
        (Limit::Part { part, max }, false) => {
            format!(
                "{part} inside the workbook unpacks to more than {}",
                bytes(*max)
            )
        }
        (Limit::Part { part, max }, true) => format!(
            "phần {part} bên trong bảng tính khi giải nén lớn hơn {}",
            bytes(*max)
        ),
        (Limit::Markup { part, max }, false) => {
            format!(
                "one tag or run of text in {part} is longer than {}",
                bytes(*max)
            )
        }
        (Limit::Markup { part, max }, true) => {
            format!(
                "một thẻ hoặc một đoạn văn bản trong {part} dài hơn {}",
                bytes(*max)
            )
        }
        (Limit::Outside { reference }, false) => format!(
            "the cell reference {reference} is past the last cell of a sheet, XFD1048576 \
             ({} columns × {} rows)",
            n(16_384),
            n(1_048_576)
        ),
        (Limit::Outside { reference }, true) => format!(
            "tham chiếu ô {reference} nằm ngoài ô cuối cùng của một trang tính, XFD1048576 \
             ({} cột × {} dòng)",
            n(16_384),
            n(1_048_576)
        ),
        (Limit::Cells { max }, false) => format!("the sheet has more than {} cells", n(*max)),
        (Limit::Cells { max }, true) => format!("trang tính có hơn {} ô", n(*max)),
        (Limit::Cell { max }, false) => format!(
            "this cell holds more than {} in the file; a cell may hold at most 64 KiB",
            bytes(*max)
        ),
        (Limit::Cell { max }, true) => format!(
            "ô này chiếm hơn {} trong tệp; một ô chứa tối đa 64 KiB",
            bytes(*max)
        ),
        (Limit::SharedString { index, max }, false) => format!(
            "shared text number {} of the workbook (the text its cells share) holds more than \
             {}; a cell may hold at most 64 KiB",
            n(*index),
            bytes(*max)
        ),
        (Limit::SharedString { index, max }, true) => format!(
            "chuỗi văn bản dùng chung số {} của bảng tính (văn bản mà các ô dùng chung) chứa \
             hơn {}; một ô chứa tối đa 64 KiB",
            n(*index),
            bytes(*max)
        ),
        (Limit::SharedMemory { max }, false) => format!(
            "the text the workbook's cells share would take more than {} of memory to hold \
             (a workbook of this size holds far less)",
            bytes(*max)
        ),
        (Limit::SharedMemory { max }, true) => format!(
            "văn bản dùng chung của các ô trong bảng tính cần hơn {} bộ nhớ (một bảng tính cỡ \
             này chứa ít hơn nhiều)",
            bytes(*max)
        ),
        (Limit::Formats { max }, false) => format!(
            "the workbook defines more than {} cell formats, fonts, fills or borders (Excel \
             itself keeps about 64,000 cell formats)",
            n(*max)
        ),
        (Limit::Formats { max }, true) => format!(
            "bảng tính định nghĩa hơn {} định dạng ô, phông chữ, màu nền hoặc đường viền (bản \
             thân Excel chỉ giữ khoảng 64.000 định dạng ô)",
            n(*max)
        ),
        (Limit::Styles { max }, false) => format!(
            "the workbook's cell formats would take more than {} of memory",
            bytes(*max)
        ),
        (Limit::Styles { max }, true) => format!(
            "các định dạng ô của bảng tính sẽ chiếm hơn {} bộ nhớ",
            bytes(*max)
        ),
        (Limit::Whole { max }, false) => format!(
            "a .xls or .ods workbook is read whole, and its sheets span more than {} cells",
            n(*max)
        ),
        (Limit::Whole { max }, true) => format!(
            "bảng tính .xls hoặc .ods được đọc toàn bộ một lần, và các trang tính của nó trải \
             trên hơn {} ô",
            n(*max)
        ),
        (Limit::WholeText { max }, false) => format!(
            "a .xls or .ods workbook is read whole, and its cells hold more than {} of text",
            bytes(*max)
        ),
        (Limit::WholeText { max }, true) => format!(
            "bảng tính .xls hoặc .ods được đọc toàn bộ một lần, và các ô của nó chứa hơn {} \
             văn bản",
            bytes(*max)
        ),
    };
    let todo = match (limit, vi) {
        (Limit::Whole { .. } | Limit::WholeText { .. }, false) => {
            "save it as an Excel Workbook (.xlsx), which is read row by row"
        }
        (Limit::Whole { .. } | Limit::WholeText { .. }, true) => {
            "hãy lưu lại dưới dạng Excel Workbook (.xlsx), loại tệp được đọc từng dòng"
        }
        (_, false) => {
            "far more than a roster of a whole country holds, so it is not read; check that \
             this is the right file"
        }
        (_, true) => {
            "vượt xa dữ liệu cán bộ của cả nước, nên tệp không được đọc; hãy kiểm tra xem có \
             đúng tệp không"
        }
    };
    format!("{what}: {todo}")
}

/// How a workbook is damaged, and what to do.
fn damaged(damage: &Damage, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let what = match (damage, vi) {
        (Damage::Reference { reference }, false) => {
            format!("\"{reference}\" in it is not a cell reference")
        }
        (Damage::Reference { reference }, true) => {
            format!("\"{reference}\" trong đó không phải là tham chiếu ô")
        }
        (Damage::RowOrder { row, after }, false) => {
            format!("its row {row} comes after its row {after}")
        }
        (Damage::RowOrder { row, after }, true) => {
            format!("dòng {row} của nó nằm sau dòng {after}")
        }
        (Damage::StringCount { declared, found }, false) => format!(
            "it announces {} shared texts and holds {}",
            count(*declared, lang),
            count(*found, lang)
        ),
        (Damage::StringCount { declared, found }, true) => format!(
            "nó ghi là có {} chuỗi văn bản dùng chung nhưng chỉ có {}",
            count(*declared, lang),
            count(*found, lang)
        ),
        (Damage::AttributeTwice { part }, false) => {
            format!("a tag in {part} gives one attribute twice")
        }
        (Damage::AttributeTwice { part }, true) => {
            format!("một thẻ trong {part} ghi một thuộc tính hai lần")
        }
        (Damage::Truncated { part }, false) => format!("{part} in it stops in mid-tag"),
        (Damage::Truncated { part }, true) => format!("phần {part} trong đó dừng giữa chừng"),
        (Damage::Container, false) => {
            "its storage points outside the file or round in a circle".to_owned()
        }
        (Damage::Container, true) => {
            "cấu trúc lưu trữ của nó trỏ ra ngoài tệp hoặc trỏ vòng tròn".to_owned()
        }
        (Damage::Record, false) => {
            "a record in it points outside the workbook or is cut short".to_owned()
        }
        (Damage::Record, true) => {
            "một bản ghi trong đó trỏ ra ngoài bảng tính hoặc bị cắt cụt".to_owned()
        }
    };
    match lang {
        Lang::En => format!(
            "the workbook is damaged: {what}; open it in Excel or LibreOffice and save it again"
        ),
        Lang::Vi => {
            format!("bảng tính bị hỏng: {what}; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại")
        }
    }
}

/// A size as people read it: `64 KiB`, `4 GiB`.
fn bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    UNITS
        .iter()
        .find(|(unit, _)| n >= *unit && n.is_multiple_of(*unit))
        .map_or_else(
            || format!("{n} bytes"),
            |(unit, name)| format!("{} {name}", n / unit),
        )
}

/// A count with thousands grouped as each language groups them: 1,048,576 / 1.048.576.
fn count(n: u64, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}
