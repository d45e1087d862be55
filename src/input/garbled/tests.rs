use super::*;

#[test]
fn lossy_exports_are_recognised() {
    for cell in [
        "Nguy?n V?n An",
        "Tr?n Th? Bình",
        "Nguy_n Văn An",
        "Đ_ng Thị Hà",
        "S? N?i v?",
        "?inh Công Lý",
        "NGUY?N V?N AN",
        "S? Tài chính",
        "Nguy\u{FFFD}n",
    ] {
        assert!(is_lossy(cell), "{cell}");
    }
    for cell in [
        "Nguyễn Văn An",
        "TT_KHCN",
        "Nguyen_Van_An_",
        "Phòng _ Ban",
        "? ",
        "Văn phòng A?B",
        "",
        "Sở Nội vụ",
    ] {
        assert!(!is_lossy(cell), "{cell}");
    }
}

/// Each of `cells` is found typed in TCVN3 (`tcvn3`) or else in VNI, and
/// not in the other.
fn recognised(cells: &[&str], tcvn3: bool) {
    for cell in cells {
        let found = legacy_font(cell);
        assert!(found.any, "{cell}: {found:?}");
        assert_eq!((found.tcvn3, found.vni), (tcvn3, !tcvn3), "{cell}");
    }
}

#[test]
fn tcvn3_text_is_recognised() {
    let cells = [
        "NguyÔn V¨n Hïng",
        "TrÇn ThÞ B×nh",
        "Lª Hoµng",
        "Phã Gi¸m ®èc",
        "UBND huyÖn Long Thµnh",
    ];
    recognised(&cells, true);
}

#[test]
fn tcvn3_letters_that_vni_uses_too_are_recognised_as_either() {
    let found = legacy_font("Së Néi vô");
    assert!(found.any && !found.vni, "{found:?}");
}

#[test]
fn no_vietnamese_letter_of_latin1_is_a_sign() {
    const VIETNAMESE: &str = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
    assert!(VIETNAMESE.chars().all(|c| sign(c as u32) == Sign::None));
}

#[test]
fn vni_text_is_recognised() {
    let cells = [
        "Nguyeãn Vaên Huøng",
        "Traàn Thò Bích",
        "Phoù Giaùm ñoác",
        "Sôû Noäi vuï",
        "Leâ Vaên Nam",
        "NGUYEÃN VAÊN HUØNG",
    ];
    recognised(&cells, false);
}

#[test]
fn legacy_font_signs_survive_a_windows_1258_reading() {
    // the bytes of TCVN3 and VNI text, read as windows-1258 and normalised
    for cell in ["NguyÔn V¨n Hïng", "Nguyeãn Vaên Huøng", "TrÇn ThÞ B×nh"] {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(cell);
        let (read, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
        assert!(legacy_font(&nfc(&read)).any, "{cell} read as {read}");
    }
}

/// Real names, units and titles: nothing to report.
#[test]
fn vietnamese_in_unicode_is_not_taken_for_a_legacy_font() {
    let names = [
        "Nguyễn Văn Hùng",
        "Trần Thị Bình",
        "Lê Hoàng Anh",
        "Phạm Thị Thu Hà",
        "Hoàng Xuân Quân",
        "Võ Thị Thuý Hoà",
        "Huỳnh Quốc Tuấn",
        "Đặng Ngọc Khuê",
        "Bùi Thị Bích Nhung",
        "Nguyễn Thị Ánh Tuyết",
        "Trương Công Thoả",
        "Dương Quý Toàn",
        "Lý Thị Khoé",
        "Ngô Gia Tiến",
        "Giàu Văn Khoa",
        "Quách Thị Loan",
        "Đỗ Khoa Nguyên",
        "Ông Ích Khiêm",
        "Âu Dương Ý",
        "ÔNG ÍCH KHIÊM",
        "NGUYỄN VĂN HÙNG",
        "Sở Nội vụ",
        "UBND huyện Long Thành",
        "Phó Giám đốc",
        "Văn phòng UBND tỉnh",
        "Trường Chính trị tỉnh Đồng Nai",
        "Công ty \u{00AB}Sông Mây\u{00BB}",
        "Phòng Tổ chức · Cán bộ",
        "Chủ tịch",
        "Trưởng phòng",
    ];
    for cell in names {
        assert_eq!(legacy_font(cell), Legacy::default(), "{cell}");
        assert!(!is_lossy(cell), "{cell}");
    }
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Nguyễn Thị Hà").collect();
    assert_eq!(legacy_font(&nfd), Legacy::default());
}

/// The warnings of a roster with the columns `columns` and these rows, from line 2.
fn warnings_of(columns: [&str; 3], rows: &[[&str; 3]]) -> Vec<String> {
    let names = columns.map(String::from);
    let header = Header::match_cells(&names, crate::input::columns::ROSTER).0;
    let mut garbled = Garbled::new(&header);
    for (line, cells) in (2..).zip(rows) {
        let text = cells.concat();
        let (a, b) = (cells[0].len(), cells[0].len() + cells[1].len());
        garbled.check(line, &text, &[(0, a), (a, b), (b, text.len())]);
    }
    garbled
        .diagnostics("roster.csv", false)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_file_gets_one_warning_per_kind_with_the_count_and_first_places() {
    let warnings = warnings_of(
        ["id", "full_name", "unit"],
        &[
            ["DN_001", "Nguy?n V?n An", "Sở Nội vụ"],
            ["DN_002", "NguyÔn V¨n Hïng", "S? T?i chính"],
            ["DN_003", "Trần Thị Bình", "Sở Y tế"],
            ["DN_004", "L? Th? Hà", "Së Y tÕ"],
            ["DN_005", "Nguy_n Th? Hà", "Sở Y tế"],
        ],
    );
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].starts_with(
            "roster.csv:2:2: warning[lossy-export]: 4 cells have letters replaced by \"?\" or \"_\" (2:2 \"Nguy?n V?n An\", 3:3, 5:2, …): "
        ),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].starts_with(
            "roster.csv:3:2: warning[legacy-font]: 2 cells look typed in the legacy font encoding TCVN3 (ABC, fonts .VnTime…), not Unicode (3:2 \"NguyÔn V¨n Hïng\", 5:3): "
        ),
        "{}",
        warnings[1]
    );
    assert!(warnings_of(["id", "full_name", "unit"], &[]).is_empty());
}

#[test]
fn a_unit_or_title_seen_before_is_counted_again_on_every_row() {
    let warnings = warnings_of(
        ["id", "unit", "title"],
        &[
            ["DN_001", "S? T?i chính", "Trưởng phòng"],
            ["DN_002", "Sở Nội vụ", "Gi¸m ®èc"],
            ["DN_003", "S? T?i chính", "Gi¸m ®èc"],
            ["DN_004", "S? T?i chính", "Trưởng phòng"],
        ],
    );
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].contains(
            "3 cells have letters replaced by \"?\" or \"_\" (2:2 \"S? T?i chính\", 4:2, 5:2):"
        ),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains(
            "2 cells look typed in the legacy font encoding TCVN3 (ABC, fonts .VnTime…), not Unicode (3:3 \"Gi¸m ®èc\", 4:3):"
        ),
        "{}",
        warnings[1]
    );
}

#[test]
fn units_and_titles_are_numbered_by_their_text_as_written() {
    let names = ["id", "unit", "title"].map(String::from);
    let header = Header::match_cells(&names, crate::input::columns::ROSTER).0;
    let mut garbled = Garbled::new(&header);
    let mut numbers = Vec::new();
    let rows = [
        ["DN_001", "Sở Nội vụ", "Giám đốc"],
        ["DN_002", "Sở Y tế", "Giám đốc"],
        ["DN_003", "Sở Nội vụ", "Sở Y tế"],
        ["DN_004", " Sở Nội vụ", ""],
    ];
    for (line, cells) in (2..).zip(&rows) {
        let text = cells.concat();
        let (a, b) = (cells[0].len(), cells[0].len() + cells[1].len());
        garbled.check(line, &text, &[(0, a), (a, b), (b, text.len())]);
        numbers.push([Column::Unit, Column::Title, Column::Id].map(|c| garbled.number(c)));
    }
    // a text keeps its number in either column; a space in front makes another text
    assert_eq!(
        numbers,
        [
            [Some(0), Some(1), None],
            [Some(2), Some(1), None],
            [Some(0), Some(2), None],
            [Some(3), Some(4), None],
        ]
    );
    // a file without a title column numbers its units only
    let names = ["id", "unit"].map(String::from);
    let header = Header::match_cells(&names, crate::input::columns::ROSTER).0;
    let mut garbled = Garbled::new(&header);
    garbled.check(2, "DN_001Sở Nội vụ", &[(0, 6), (6, 21)]);
    assert_eq!(garbled.number(Column::Unit), Some(0));
    assert_eq!(garbled.number(Column::Title), None);
}
