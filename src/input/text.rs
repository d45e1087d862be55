//! Vietnamese text as users type it: NFC, trimming, case-folding and diacritic folding.
//!
//! Headers and coded values are compared by [`fold`]: `Mã cán bộ`, `MA CAN BO`,
//! `ma_can_bo` and the NFD spelling of the first all fold to `ma can bo` (SPEC §2, §3).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Characters Excel and web forms leave in cells that are invisible to the user.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}'
    )
}

/// NFC form of `s`, borrowing when it already is (the common case).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

/// Free text (names, units, titles): NFC and trimmed.
pub fn clean_text(s: &str) -> String {
    nfc(s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))).into_owned()
}

/// An identifier: NFC, trimmed, invisible characters removed anywhere.
/// The flag says whether an invisible character (NBSP, zero-width) was removed,
/// which is worth a warning (BAD-INPUT row 31); plain spaces are trimmed quietly.
pub fn clean_id(s: &str) -> (String, bool) {
    let had_invisible = s.chars().any(is_invisible);
    let visible: String = if had_invisible {
        s.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        s.to_owned()
    };
    (nfc(visible.trim()).into_owned(), had_invisible)
}

/// The key a header or coded value is matched by: diacritics removed (đ → d),
/// lower case, and every run of spaces or punctuation turned into one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_headers_to_one_key() {
        let nfd: String = "Mã cán bộ".nfd().collect();
        for spelling in ["Mã cán bộ", "  MÃ CÁN BỘ ", "Ma can bo", "ma_can_bo", &nfd] {
            assert_eq!(fold(spelling), "ma can bo", "{spelling:?}");
        }
        assert_eq!(fold("Lãnh đạo sở"), "lanh dao so");
        assert_eq!(fold("Lanh dao so"), "lanh dao so");
        assert_eq!(fold("Cơ quan, đơn vị"), "co quan don vi");
        assert_eq!(fold("ĐƯƠNG CHỨC"), "duong chuc");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - "), "");
    }

    #[test]
    fn cleans_invisible_characters_out_of_ids() {
        assert_eq!(clean_id(" DN0042 "), ("DN0042".to_owned(), false));
        assert_eq!(
            clean_id("DN\u{200B}0042\u{00A0}"),
            ("DN0042".to_owned(), true)
        );
    }

    #[test]
    fn normalises_text_to_nfc() {
        let nfd: String = "Nguyễn Thị Hà".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Hà");
        assert_eq!(clean_text(&format!("\u{00A0}{nfd} ")), "Nguyễn Thị Hà");
    }
}
