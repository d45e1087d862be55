//! What the workbooks of `check` and `gaps` share: sheet names Excel accepts,
//! cut at a word; the print setup an office files (A4, landscape, one page
//! wide, the header repeated on every page); text cells that never run as a
//! formula; columns fitted to their text.

use rust_xlsxwriter::{Format, RowNum, Worksheet, XlsxError};

use crate::i18n::JOINING_WORDS;
use crate::render::csv::is_formula_like;

/// The longest sheet name Excel accepts, in UTF-16 code units (as Excel counts).
pub const MAX_SHEET_NAME: usize = 31;

/// A4, in the paper sizes of the Office Open XML page setup.
const A4: u8 = 9;

/// Autofit stops at this width (pixels): a long reason wraps the screen otherwise.
const MAX_WIDTH: u32 = 420;

/// The cell formats every sheet uses.
pub struct Formats {
    pub bold: Format,
    /// A date as the report's language writes it.
    pub date: Format,
    /// Text that starts like a formula: shown as written, never run (see the
    /// bad-input catalogue in docs/input.md).
    pub quoted: Format,
    /// A share, `12.5%`.
    pub percent: Format,
}

impl Formats {
    /// The formats, dates shown as `date_format` (an Excel number format).
    pub fn new(date_format: &str) -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format(date_format),
            quoted: Format::new().set_quote_prefix(),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

/// A text cell, kept as text when it starts like a formula.
pub fn text_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    formats: &Formats,
) -> Result<(), XlsxError> {
    if is_formula_like(text) {
        sheet.write_string_with_format(row, col, text, &formats.quoted)?;
    } else {
        sheet.write_string(row, col, text)?;
    }
    Ok(())
}

/// A row of bold headings from column 0.
pub fn header_row(
    sheet: &mut Worksheet,
    row: RowNum,
    headings: &[&str],
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (col, title) in (0..).zip(headings) {
        sheet.write_string_with_format(row, col, *title, &formats.bold)?;
    }
    Ok(())
}

/// Columns fitted to what they hold so far, none wider than a screen's share.
pub fn fit(sheet: &mut Worksheet) {
    sheet.set_autofit_max_width(MAX_WIDTH);
    sheet.autofit();
}

/// Columns as wide as the longest of `widths` (in characters, a column each)
/// and no wider than a screen's share: what [`fit`] does for a sheet whose rows
/// are not all kept in memory.
pub fn set_widths(sheet: &mut Worksheet, widths: &[usize]) -> Result<(), XlsxError> {
    for (col, chars) in (0..).zip(widths) {
        // the pixels autofit gives an average character, and its margin
        let pixels = u32::try_from(*chars).unwrap_or(u32::MAX).saturating_mul(7) + 10;
        sheet.set_column_width_pixels(col, pixels.min(MAX_WIDTH))?;
    }
    Ok(())
}

/// How a sheet prints: A4 landscape, one page wide however long, the rows
/// `header` (first, last) repeated on every page, margins an office printer
/// keeps, and the page number in the footer.
pub fn print_setup(sheet: &mut Worksheet, header: (RowNum, RowNum)) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    // inches: left, right, top, bottom, header, footer
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C&P / &N");
    sheet.set_repeat_rows(header.0, header.1)?;
    Ok(())
}

/// A sheet name Excel accepts for `label`: none of `[]:*?/\`, not starting or
/// ending with `'`, at most [`MAX_SHEET_NAME`] UTF-16 units, cut after a whole
/// word when it is longer, and not one already `taken` (Excel compares names
/// case-insensitively): a second `Tổng hợp` is `Tổng hợp (2)`.
pub fn sheet_name(label: &str, taken: &[String]) -> String {
    let clean: String = label
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base = if clean.is_empty() { "Sheet" } else { clean };
    let is_taken = |name: &str| {
        let name = name.to_lowercase();
        taken.iter().any(|t| t.to_lowercase() == name)
    };
    let mut n = 1u32;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = MAX_SHEET_NAME.saturating_sub(suffix.encode_utf16().count());
        let name = format!("{}{suffix}", shorten(base, room));
        if !is_taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// `text` in at most `max` UTF-16 units: whole, or cut after the last word
/// that fits (without the comma or dash before the cut); cut inside its first
/// word only when that word alone is longer.
pub fn shorten(text: &str, max: usize) -> &str {
    let mut units = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            break;
        }
        end = i + c.len_utf8();
    }
    let (fits, rest) = text.split_at(end);
    if rest.is_empty() {
        return text;
    }
    let words = if rest.starts_with(char::is_whitespace) {
        fits
    } else {
        fits.rfind(char::is_whitespace).map_or("", |i| &fits[..i])
    };
    let mut words = words.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(&'".contains(c));
    // nor after a word that joins the next one: `… cấp sở và` reads unfinished
    while let Some((head, last)) = words.rsplit_once(char::is_whitespace)
        && JOINING_WORDS.contains(&last.to_lowercase().as_str())
    {
        words = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—(&'".contains(c));
    }
    if words.is_empty() {
        fits.trim_end_matches('\'')
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_clean_and_unique() {
        let taken = vec!["Summary".to_owned()];
        assert_eq!(sheet_name("title_department", &taken), "title_department");
        assert_eq!(sheet_name("summary", &taken), "summary (2)");
        assert_eq!(sheet_name("a/b:c[d]*?\\", &taken), "a_b_c_d____");
        assert_eq!(sheet_name("'quoted'", &taken), "quoted");
        assert_eq!(sheet_name("", &taken), "Sheet");
        let taken = ["Tổng hợp".to_owned(), "TỔNG HỢP (2)".to_owned()];
        assert_eq!(sheet_name("tổng hợp", &taken), "tổng hợp (3)");
    }

    #[test]
    fn a_cut_name_does_not_end_on_a_joining_word() {
        let name = "Lãnh đạo, quản lý cấp sở và tương đương";
        assert_eq!(shorten(name, 31), "Lãnh đạo, quản lý cấp sở");
        assert_eq!(shorten("training of and for the officials", 20), "training");
        // a name that fits is never cut, whatever its last word
        assert_eq!(shorten("bồi dưỡng và", 31), "bồi dưỡng và");
    }

    #[test]
    fn a_long_name_is_cut_after_a_whole_word() {
        // 32 characters: one more than Excel allows
        let label = "bồi dưỡng chức danh, chưa rõ cấp";
        assert_eq!(label.chars().count(), 32);
        assert_eq!(sheet_name(label, &[]), "bồi dưỡng chức danh, chưa rõ");
        // the comma before the cut goes with the word after it
        assert_eq!(
            sheet_name("Lãnh đạo, quản lý cấp sở và cấp huyện khác", &[]),
            "Lãnh đạo, quản lý cấp sở và cấp"
        );
        assert_eq!(
            sheet_name("title programme, level unknown and more", &[]),
            "title programme, level unknown"
        );
        // a second one of the same name cuts further, to leave room for " (2)"
        let first = sheet_name(label, &[]);
        assert_eq!(sheet_name(label, &[first]), "bồi dưỡng chức danh, chưa (2)");
        // exactly 31 fits whole
        let exact = "a".repeat(25) + " bcdef";
        assert_eq!(sheet_name(&exact, &[]), exact);
    }

    #[test]
    fn a_single_word_too_long_is_cut_where_it_must() {
        let word = "x".repeat(40);
        assert_eq!(sheet_name(&word, &[]), "x".repeat(31));
    }

    #[test]
    fn names_are_counted_in_utf16_units_as_excel_counts() {
        // a character outside the BMP takes two units
        let label = "𝔸".repeat(20);
        let name = sheet_name(&label, &[]);
        assert_eq!(name.encode_utf16().count(), 30);
        // decomposed Vietnamese (not NFC) counts each mark
        let decomposed = "Tô\u{300}ng ho\u{323}\u{302}p ".repeat(4);
        let name = sheet_name(&decomposed, &[]);
        assert!(name.encode_utf16().count() <= MAX_SHEET_NAME, "{name}");
        assert!(decomposed.starts_with(&name));
    }

    /// Every name, whatever the label, is one Excel accepts.
    #[test]
    fn every_name_fits() {
        let labels = [
            "Lãnh đạo, quản lý cấp sở",
            "bồi dưỡng chức danh quy hoạch theo cấp chưa rõ",
            "   ",
            "''''",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "-- --- ---- ----- ------ ------- -------- ---------",
        ];
        let mut taken = Vec::new();
        for label in labels.iter().cycle().take(30) {
            let name = sheet_name(label, &taken);
            assert!(name.encode_utf16().count() <= MAX_SHEET_NAME, "{name}");
            assert!(!name.is_empty() && !name.starts_with('\'') && !name.ends_with('\''));
            assert!(!taken.contains(&name), "{name}");
            taken.push(name);
        }
    }
}
