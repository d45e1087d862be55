//! A plain level of the six-level framework, before any certificate.

use crate::diag::value::{Allowed, BadValue};
use crate::text::fold;

/// A foreign-language level of the six-level framework (LANGUAGE-LEVELS.md):
/// `4`, `bậc 4`, `Bậc 4/6`, `4/6`, CEFR `B2`, or an old `C` certificate (= bậc 3).
pub fn parse_level(raw: &str) -> Result<u8, BadValue> {
    let level = match raw.as_bytes() {
        // `4`, `B2`: one ASCII word folds to itself in lower case.
        [a] if a.is_ascii_alphanumeric() => {
            single_level(std::str::from_utf8(&[a.to_ascii_lowercase()]).unwrap_or(""))
        }
        [a, b] if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => single_level(
            std::str::from_utf8(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()]).unwrap_or(""),
        ),
        _ => {
            let key = fold(raw);
            let words: Vec<&str> = key.split(' ').collect();
            match words.as_slice() {
                [n] | ["bac" | "level", n] | [n, "6"] | ["bac" | "level", n, "6"] => {
                    single_level(n)
                }
                _ => None,
            }
        }
    };
    level.ok_or(BadValue {
        reason: None,
        allowed: Allowed::Levels,
        suggestion: None,
    })
}

fn single_level(word: &str) -> Option<u8> {
    match word {
        "1" | "a1" | "a" => Some(1),
        "2" | "a2" | "b" => Some(2),
        "3" | "b1" | "c" => Some(3),
        "4" | "b2" => Some(4),
        "5" | "c1" => Some(5),
        "6" | "c2" => Some(6),
        _ => None,
    }
}
