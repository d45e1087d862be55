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
/// 260 and a name under 255.
const MAX_STEM: usize = 120;

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
/// for a unit whose name another already took (compared ignoring case, as Windows does).
pub fn unique(units: &[String], ext: &str) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    units
        .iter()
        .map(|unit| {
            let base = stem(unit);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_lowercase()) {
                name = format!("{base} ({n})");
                n += 1;
            }
            format!("{name}.{ext}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_vietnamese_letters_and_replaces_reserved_characters() {
        assert_eq!(
            stem("Sở Văn hóa, Thể thao và Du lịch"),
            "Sở Văn hóa, Thể thao và Du lịch"
        );
        assert_eq!(
            stem("Phòng A/B: \"Kế hoạch\" <1>|2?*"),
            "Phòng A_B_ _Kế hoạch_ _1__2__"
        );
        assert_eq!(stem("Sở\tNội vụ\n"), "Sở_Nội vụ");
        assert_eq!(stem("Ban Dân vận. . "), "Ban Dân vận");
    }

    #[test]
    fn avoids_the_names_windows_keeps_for_devices() {
        assert_eq!(stem("CON"), "CON_");
        assert_eq!(stem("nul"), "nul_");
        assert_eq!(stem("Com1.txt"), "Com1.txt_");
        assert_eq!(stem("LPT²"), "LPT²_");
        assert_eq!(stem("CONG"), "CONG");
        assert_eq!(stem("Console"), "Console");
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
