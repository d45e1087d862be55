//! File names for the per-unit lists (`gaps --by-unit`) that Windows accepts as
//! well as Linux and macOS: Vietnamese letters kept, reserved characters replaced,
//! reserved device names avoided, and never two units in one file.

use std::collections::HashSet;

/// Names Windows keeps for devices, with or without an extension.
const RESERVED: [&str; 30] = [
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// Longest stem kept, in characters: a whole path must stay well under Windows'
/// 260.
const MAX_STEM: usize = 120;

/// Longest file name, in bytes, the extension and a ` (2)` included: Linux's
/// and macOS's limit. Vietnamese letters take up to 3 bytes, so 120 of them
/// would not fit. (Windows counts 255 UTF-16 units, which 255 bytes of UTF-8
/// never exceed.)
const MAX_NAME_BYTES: usize = 255;

/// The name of the file at `path`, without its folders: what a file sent to a
/// unit says of the inputs, never where they sit on the server. Both `/` and
/// `\\` separate folders, whichever system wrote the path.
pub fn base_name(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() { path } else { name }
}

/// The stem of a file named after `name`.
pub fn stem(name: &str) -> String {
    let replaced: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cut: String = replaced.trim().chars().take(MAX_STEM).collect();
    // Windows drops trailing dots and spaces, so "Sở A." and "Sở A" would collide.
    let mut stem = cut.trim_end_matches(['.', ' ']).to_owned();
    if stem.is_empty() {
        stem = if name.trim().is_empty() {
            "no unit".to_owned()
        } else {
            "unit".to_owned()
        };
    }
    let device = stem.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(device)) {
        stem.push('_');
    }
    stem
}

/// One file name per unit, in the order given: `<stem>.<ext>`, and `<stem> (2).<ext>`
/// for a unit whose name another already took (compared ignoring case, as Windows
/// does); the stem cut to fit `MAX_NAME_BYTES`, so that two long names alike in
/// their first 250 bytes still get a file each.
pub fn unique(units: &[String], ext: &str) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    units
        .iter()
        .map(|unit| {
            let base = stem(unit);
            let mut name = fit(&base, "", ext);
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = fit(&base, &format!(" ({n})"), ext);
                n += 1;
            }
            name
        })
        .collect()
}

/// `<stem><suffix>.<ext>`, the stem cut at a whole character to fit
/// `MAX_NAME_BYTES`, the suffix and the extension kept.
fn fit(stem: &str, suffix: &str, ext: &str) -> String {
    let room = MAX_NAME_BYTES.saturating_sub(suffix.len() + 1 + ext.len());
    let mut cut = stem.len().min(room);
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    // As in `stem`: Windows would drop a dot or space the cut leaves at the end.
    let kept = stem[..cut].trim_end_matches(['.', ' ']);
    format!("{kept}{suffix}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_name_is_the_file_without_its_folders() {
        assert_eq!(base_name("/srv/hr/2026/roster.csv"), "roster.csv");
        assert_eq!(base_name(r"C:\Dữ liệu\danh sách.xlsx"), "danh sách.xlsx");
        assert_eq!(base_name("roster.csv"), "roster.csv");
        assert_eq!(base_name("-"), "-");
        assert_eq!(base_name("dir/"), "dir/");
    }

    #[test]
    fn keeps_vietnamese_letters_and_replaces_reserved_characters() {
        for (unit, want) in [
            (
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Văn hóa, Thể thao và Du lịch",
            ),
            (
                "Phòng A/B: \"Kế hoạch\" <1>|2?*",
                "Phòng A_B_ _Kế hoạch_ _1__2__",
            ),
            ("Sở\tNội vụ\n", "Sở_Nội vụ"),
            ("Ban Dân vận. . ", "Ban Dân vận"),
        ] {
            assert_eq!(stem(unit), want, "{unit:?}");
        }
    }

    #[test]
    fn avoids_the_names_windows_keeps_for_devices() {
        for (unit, want) in [
            ("CON", "CON_"),
            ("nul", "nul_"),
            ("Com1.txt", "Com1.txt_"),
            ("LPT²", "LPT²_"),
            ("CONG", "CONG"),
            ("Console", "Console"),
        ] {
            assert_eq!(stem(unit), want, "{unit:?}");
        }
    }

    #[test]
    fn empty_and_long_names() {
        assert_eq!(stem(""), "no unit");
        assert_eq!(stem("..."), "unit");
        // Cut at 120 characters, then the space the cut ends on.
        let long = "Sở ab ".repeat(40);
        assert_eq!(stem(&long).chars().count(), MAX_STEM - 1);
    }

    #[test]
    fn a_name_fits_in_255_bytes_with_whole_letters_and_its_extension() {
        let long = "Ở".repeat(120); // 360 bytes
        let names = unique(&[long], "xlsx");
        assert!(names[0].len() <= MAX_NAME_BYTES, "{} bytes", names[0].len());
        assert!(
            names[0].len() > MAX_NAME_BYTES - 3,
            "no more cut than a letter"
        );
        assert_eq!(names[0], format!("{}.xlsx", "Ở".repeat(83)));
    }

    #[test]
    fn long_names_alike_until_the_cut_still_get_a_file_each() {
        let units: Vec<String> = ["A", "B", "C"]
            .iter()
            .map(|end| format!("{}{end}", "Ở".repeat(119)))
            .collect();
        let names = unique(&units, "csv");
        assert_eq!(names.len(), 3);
        let distinct: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(distinct.len(), 3, "{names:?}");
        for name in &names {
            assert!(name.len() <= MAX_NAME_BYTES, "{name}: {} bytes", name.len());
            assert!(name.ends_with(".csv"), "{name}");
        }
        assert!(names[1].ends_with(" (2).csv") && names[2].ends_with(" (3).csv"));
    }

    #[test]
    fn a_cut_that_ends_on_a_dot_or_a_space_drops_it() {
        let stem = format!("{} . x", "a".repeat(249));
        assert_eq!(fit(&stem, "", "csv"), format!("{}.csv", "a".repeat(249)));
    }

    #[test]
    fn two_units_never_share_a_file() {
        let units = vec![
            "Sở A/B".to_owned(),
            "Sở A_B".to_owned(),
            "sở a_b".to_owned(),
            "Sở A?B".to_owned(),
        ];
        assert_eq!(
            unique(&units, "csv"),
            vec![
                "Sở A_B.csv",
                "Sở A_B (2).csv",
                "sở a_b (3).csv",
                "Sở A_B (4).csv"
            ]
        );
    }
}
