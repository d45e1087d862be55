//! Vietnamese text as users type it: NFC, trimming, case-folding and diacritic folding.
//!
//! Headers and coded values are compared by [`fold`]: `Mã cán bộ`, `MA CAN BO`,
//! `ma_can_bo` and the NFD spelling of the first all fold to `ma can bo` (docs/input.md, §3).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Characters Excel and web forms leave in cells that are invisible to the user.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{202F}'
    )
}

/// Whether every character of `s` is NFC whatever surrounds it (combining class 0,
/// NFC quick check "yes"): below U+0300 (ASCII, Latin-1, Latin Extended-A/B, IPA,
/// spacing modifiers) or in Latin Extended Additional (U+1E00–U+1EFF, the precomposed
/// Vietnamese letters ạ ả ấ … ỹ), which covers Vietnamese text as Excel writes it.
/// Read off the UTF-8 bytes: no lead byte at or above CC (U+0300 and up) but E1
/// followed by B8–BB. Each byte is judged with the next, without a branch, so
/// that the compiler judges many at once (2 million names at national scale).
fn all_always_nfc(s: &str) -> bool {
    let bytes = s.as_bytes();
    // the last byte of UTF-8 text is never a lead byte
    let next = bytes.get(1..).unwrap_or_default();
    let outside = bytes.iter().zip(next).fold(0u8, |outside, (&b, &next)| {
        let in_1e = b == 0xE1 && (0xB8..=0xBB).contains(&next);
        outside | u8::from(b >= 0xCC && !in_1e)
    });
    outside == 0
}

/// NFC form of `s`, borrowing when it already is (the common case). A string of
/// characters that are NFC in any context is decided without the full quick check
/// (that check was a visible share of loading 2 million names).
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii()
        || all_always_nfc(s)
        || is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Free text (names, units, titles): NFC and trimmed.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    let plain_end = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_graphic());
    if plain_end(s.as_bytes().first()) && plain_end(s.as_bytes().last()) {
        // nothing to trim: the common case, decided without decoding
        return nfc(s);
    }
    nfc(s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c)))
}

/// `s` trimmed as `str::trim` does; when both ends are visible ASCII, as almost every
/// cell of an export has them, decided without decoding (60 million cells at
/// national scale).
pub fn trim(s: &str) -> &str {
    let plain_end = |b: Option<&u8>| b.is_none_or(u8::is_ascii_graphic);
    if plain_end(s.as_bytes().first()) && plain_end(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// An identifier: NFC, trimmed, invisible characters removed anywhere.
/// The flag says whether an invisible character (NBSP, zero-width) was removed,
/// which is worth a warning (see the bad-input catalogue in docs/input.md); plain spaces are trimmed quietly.
/// Borrows when nothing needs changing, as for every id of a clean export.
pub fn clean_id(s: &str) -> (Cow<'_, str>, bool) {
    if s.is_ascii() {
        return (Cow::Borrowed(trim(s)), false);
    }
    let had_invisible = s.chars().any(is_invisible);
    if !had_invisible {
        return (nfc(s.trim()), false);
    }
    let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    (Cow::Owned(nfc(visible.trim()).into_owned()), had_invisible)
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
        for (header, key) in [
            ("Lãnh đạo sở", "lanh dao so"),
            ("Lanh dao so", "lanh dao so"),
            ("Cơ quan, đơn vị", "co quan don vi"),
            ("ĐƯƠNG CHỨC", "duong chuc"),
            ("", ""),
            (" - ", ""),
        ] {
            assert_eq!(fold(header), key, "{header:?}");
        }
    }

    #[test]
    fn cleans_invisible_characters_out_of_ids() {
        assert_eq!(clean_id(" DN0042 "), ("DN0042".into(), false));
        for cell in ["", " ", "DN0042", " DN0042\t", "\u{a0}Sở\u{a0}", "Sở ", "a"] {
            assert_eq!(trim(cell), cell.trim(), "{cell:?}");
        }
        assert_eq!(clean_id("DN\u{200B}0042\u{00A0}"), ("DN0042".into(), true));
    }

    fn always_nfc(c: char) -> bool {
        (c as u32) < 0x300 || ('\u{1E00}'..='\u{1EFF}').contains(&c)
    }

    #[test]
    fn the_characters_taken_as_nfc_without_a_check_are_nfc_in_any_context() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..0x300).chain(0x1E00..=0x1EFF).filter_map(char::from_u32) {
            assert!(always_nfc(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
        }
        assert!(!always_nfc('\u{0301}'));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                all_always_nfc(c.encode_utf8(&mut [0; 4])),
                always_nfc(c),
                "{c:?}"
            );
        }
        assert!(all_always_nfc("Nguyễn Thị Thu Hà, Đảng ủy phường"));
        assert!(!all_always_nfc("Nguye\u{0302}\u{0303}n"));
    }

    /// Text mostly of characters that are always NFC (Vietnamese as typed), now
    /// and then one that is not (a combining mark, U+1F00 and up, beyond the BMP).
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::char::range;
        use proptest::prelude::*;
        let c = prop_oneof![
            10 => range('a', 'z'),
            6 => range('\u{1E00}', '\u{1EFF}'),
            4 => range('\u{C0}', '\u{2FF}'),
            1 => range('\u{300}', '\u{36F}'),
            1 => range('\u{1C00}', '\u{1DFF}'),
            1 => range('\u{1F00}', '\u{20FF}'),
            1 => range('\u{E000}', '\u{E0FF}'),
            1 => range('\u{10000}', '\u{100FF}'),
        ];
        proptest::collection::vec(c, 0..40).prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        /// Every length, each character at every place (the bytes are judged many
        /// at a time, then one by one).
        #[test]
        fn text_is_taken_as_nfc_when_each_of_its_characters_is(s in mixed_text()) {
            proptest::prop_assert_eq!(all_always_nfc(&s), s.chars().all(always_nfc));
        }
    }

    #[test]
    fn normalises_text_to_nfc() {
        let nfd: String = "Nguyễn Thị Hà".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Hà");
        assert_eq!(clean_text(&format!("\u{00A0}{nfd} ")), "Nguyễn Thị Hà");
    }
}
