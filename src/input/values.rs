//! The coded values of docs/input.md, in English or Vietnamese, with or without diacritics.
//!
//! A value is matched by its [`fold`]ed key. An unknown value is refused with the
//! allowed values and, when one is close, a suggestion (see the bad-input catalogue in docs/input.md).

use std::sync::OnceLock;

use crate::model::{
    Degree, EnrolmentStatus, GroupNumbers, Groups, HeadOf, Program, Role, TitleLevel,
};
use crate::text::fold;

pub use crate::diag::value::{Allowed, BadValue, Reason};
pub use crate::levels::plain::parse_level;

/// The spellings of one coded value: the canonical code first, then aliases.
pub struct Term<T: 'static> {
    pub value: T,
    pub spellings: &'static [&'static str],
}

const fn term<T>(value: T, spellings: &'static [&'static str]) -> Term<T> {
    Term { value, spellings }
}

/// The terms of one column, with their folded keys worked out once.
pub struct Vocabulary<T: 'static> {
    pub terms: &'static [Term<T>],
    folded: OnceLock<Vec<(String, usize)>>,
    codes: OnceLock<[u8; CODE_SLOTS]>,
}

/// Slots of [`Vocabulary::codes`]: a canonical code's slot is worked out from its
/// length and first byte ([`code_slot`]).
const CODE_SLOTS: usize = 64;
/// A slot of several codes, looked up one by one.
const SEVERAL: u8 = u8::MAX;

fn code_slot(len: usize, first: u8) -> usize {
    (len ^ usize::from(first) << 1) % CODE_SLOTS
}

impl<T> Vocabulary<T> {
    const fn new(terms: &'static [Term<T>]) -> Self {
        Vocabulary {
            terms,
            folded: OnceLock::new(),
            codes: OnceLock::new(),
        }
    }

    /// Per slot, the term whose canonical code is there: its index + 1, 0 for none,
    /// [`SEVERAL`] for more than one. The codes of each vocabulary of docs/input.md
    /// have a slot each, so that a code is found without trying the others (on the
    /// three coded cells of 10 million enrolment rows).
    fn codes(&self) -> &[u8; CODE_SLOTS] {
        self.codes.get_or_init(|| {
            let mut slots = [0; CODE_SLOTS];
            for (i, t) in self.terms.iter().enumerate() {
                let Some(code) = t.spellings.first().map(|c| c.as_bytes()) else {
                    continue;
                };
                let Some(&first) = code.first() else {
                    continue;
                };
                let slot = &mut slots[code_slot(code.len(), first)];
                *slot = match (*slot, u8::try_from(i + 1)) {
                    (0, Ok(index)) if index != SEVERAL => index,
                    _ => SEVERAL,
                };
            }
            slots
        })
    }

    /// Every spelling's folded key with the index of its term.
    fn folded(&self) -> &[(String, usize)] {
        self.folded.get_or_init(|| {
            self.terms
                .iter()
                .enumerate()
                .flat_map(|(i, t)| t.spellings.iter().map(move |s| (fold(s), i)))
                .collect()
        })
    }
}

impl<T: PartialEq> Vocabulary<T> {
    /// The Vietnamese spelling of `value`: the first after its code.
    pub fn vietnamese(&self, value: T) -> Option<&'static str> {
        self.terms
            .iter()
            .find(|t| t.value == value)
            .and_then(|t| t.spellings.get(1).copied())
    }
}

pub static ROLES: Vocabulary<Role> = Vocabulary::new(&[
    term(Role::Incumbent, &["incumbent", "đương chức"]),
    term(Role::Planned, &["planned", "quy hoạch"]),
]);

pub static TITLE_LEVELS: Vocabulary<TitleLevel> = Vocabulary::new(&[
    term(TitleLevel::Department, &["department", "cấp sở", "sở"]),
    term(TitleLevel::District, &["district", "cấp huyện", "huyện"]),
]);

pub static PROGRAMS: Vocabulary<Program> = Vocabulary::new(&[
    term(
        Program::TitleDepartment,
        &[
            "title_department",
            "Lãnh đạo, quản lý cấp sở",
            "Lãnh đạo, quản lý cấp sở và tương đương",
        ],
    ),
    term(
        Program::TitleDistrict,
        &[
            "title_district",
            "Lãnh đạo, quản lý cấp huyện",
            "Lãnh đạo, quản lý cấp huyện và tương đương",
        ],
    ),
    term(
        Program::SeniorSpecialist,
        &[
            "senior_specialist",
            "Chuyên viên cao cấp",
            "CVCC",
            "Ngạch chuyên viên cao cấp",
        ],
    ),
    term(
        Program::PrincipalSpecialist,
        &[
            "principal_specialist",
            "Chuyên viên chính",
            "CVC",
            "Ngạch chuyên viên chính",
        ],
    ),
    term(
        Program::Sector,
        &["sector", "Ngành, lĩnh vực", "Ngành", "Lĩnh vực"],
    ),
    term(Program::Language, &["language", "Ngoại ngữ"]),
    term(Program::Master, &["master", "Thạc sĩ", "ThS"]),
    term(Program::Doctor, &["doctor", "Tiến sĩ", "TS"]),
]);

pub static STATUSES: Vocabulary<EnrolmentStatus> = Vocabulary::new(&[
    term(EnrolmentStatus::Enrolled, &["enrolled", "đang học"]),
    term(EnrolmentStatus::Completed, &["completed", "hoàn thành"]),
    term(EnrolmentStatus::Withdrawn, &["withdrawn", "thôi học"]),
]);

pub static DEGREES: Vocabulary<Degree> = Vocabulary::new(&[
    term(Degree::Bachelor, &["bachelor", "đại học", "cử nhân"]),
    term(Degree::Master, &["master", "thạc sĩ", "ThS"]),
    term(Degree::Doctor, &["doctor", "tiến sĩ", "TS"]),
]);

pub static HEADS: Vocabulary<HeadOf> = Vocabulary::new(&[
    term(
        HeadOf::PoliticalSchool,
        &[
            "political_school",
            "Trường Chính trị",
            "Trường Chính trị tỉnh",
        ],
    ),
    term(HeadOf::College, &["college", "Trường cao đẳng", "cao đẳng"]),
    term(HeadOf::Health, &["health", "Y tế", "ngành Y tế"]),
    term(
        HeadOf::ScienceTechnology,
        &[
            "science_technology",
            "Khoa học và Công nghệ",
            "Khoa học - Công nghệ",
            "KH&CN",
        ],
    ),
]);

pub static BOOLEANS: Vocabulary<bool> = Vocabulary::new(&[
    term(true, &["yes", "có", "x", "1", "true"]),
    term(false, &["no", "không", "0", "false"]),
]);

/// The allowed spellings of a vocabulary, for messages: `incumbent (đương chức), planned (quy hoạch)`.
pub fn allowed<T>(vocabulary: &Vocabulary<T>) -> String {
    vocabulary
        .terms
        .iter()
        .map(|t| match t.spellings {
            [code] => (*code).to_owned(),
            [code, vi, ..] => format!("{code} ({vi})"),
            [] => String::new(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The value whose canonical code `raw` is, exactly as an HR system writes it: what
/// [`parse_term`] looks for first, before any other spelling.
pub fn canonical<T: Copy>(raw: &[u8], vocabulary: &Vocabulary<T>) -> Option<T> {
    let first = *raw.first()?;
    let is_code = |t: &Term<T>| t.spellings.first().is_some_and(|c| c.as_bytes() == raw);
    match vocabulary.codes()[code_slot(raw.len(), first)] {
        0 => None,
        SEVERAL => vocabulary
            .terms
            .iter()
            .find(|t| is_code(t))
            .map(|t| t.value),
        i => vocabulary
            .terms
            .get(usize::from(i) - 1)
            .filter(|t| is_code(t))
            .map(|t| t.value),
    }
}

/// Look `raw` (trimmed, not empty) up in `vocabulary`.
pub fn parse_term<T: Copy>(raw: &str, vocabulary: &Vocabulary<T>) -> Result<T, BadValue> {
    if let Some(value) = canonical(raw.as_bytes(), vocabulary) {
        return Ok(value);
    }
    let key = fold(raw);
    let folded = vocabulary.folded();
    if let Some(&(_, i)) = folded.iter().find(|(k, _)| *k == key) {
        return Ok(vocabulary.terms[i].value);
    }
    Err(BadValue {
        reason: None,
        allowed: Allowed::Terms(allowed(vocabulary)),
        suggestion: nearest(&key, vocabulary),
    })
}

/// The canonical code of the spelling closest to `key`, if it is close enough to be a typo.
fn nearest<T>(key: &str, vocabulary: &Vocabulary<T>) -> Option<&'static str> {
    let mut best: Option<(usize, usize)> = None;
    for (candidate, i) in vocabulary.folded() {
        let distance = strsim::levenshtein(key, candidate);
        let limit = (candidate.chars().count() / 3).clamp(1, 3);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, *i));
        }
    }
    best.and_then(|(_, i)| vocabulary.terms[i].spellings.first().copied())
}

/// `1`, `1|2`, `1 2 3`; empty is no group. Only the groups the plan defines.
pub fn parse_groups(raw: &str, plan: &GroupNumbers) -> Result<Groups, BadValue> {
    let bad = |reason| BadValue {
        reason: Some(reason),
        allowed: Allowed::Groups(plan.clone()),
        suggestion: None,
    };
    if raw.contains([',', ';']) {
        return Err(bad(Reason::GroupsByComma));
    }
    let mut groups = Groups::default();
    for part in raw.split(|c: char| c == '|' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        match plan.find(part) {
            Some(group) => groups = groups.with(group),
            None => return Err(bad(Reason::NoSuchGroup)),
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`canonical`] answers, by trying every code.
    fn canonical_by_trying<T: Copy>(raw: &[u8], vocabulary: &Vocabulary<T>) -> Option<T> {
        let terms = vocabulary.terms.iter();
        terms
            .filter(|t| t.spellings.first().is_some_and(|c| c.as_bytes() == raw))
            .map(|t| t.value)
            .next()
    }

    fn finds_each_code_as_trying_every_one_does<T: Copy + PartialEq + std::fmt::Debug>(
        vocabulary: &Vocabulary<T>,
    ) {
        for t in vocabulary.terms {
            for spelling in t.spellings {
                let mut variants = vec![spelling.to_string(), spelling.to_uppercase()];
                variants.push(format!("{spelling}x"));
                variants.push(spelling.chars().skip(1).collect());
                variants.push(spelling.chars().rev().collect());
                for v in variants {
                    let raw = v.as_bytes();
                    assert_eq!(
                        canonical(raw, vocabulary),
                        canonical_by_trying(raw, vocabulary),
                        "{v}"
                    );
                }
            }
            let code = t.spellings[0].as_bytes();
            assert_eq!(canonical(code, vocabulary), Some(t.value));
        }
        assert_eq!(canonical(b"", vocabulary), None);
    }

    #[test]
    fn a_canonical_code_is_found_in_its_slot_as_trying_every_code_finds_it() {
        finds_each_code_as_trying_every_one_does(&ROLES);
        finds_each_code_as_trying_every_one_does(&TITLE_LEVELS);
        finds_each_code_as_trying_every_one_does(&PROGRAMS);
        finds_each_code_as_trying_every_one_does(&STATUSES);
        finds_each_code_as_trying_every_one_does(&DEGREES);
        finds_each_code_as_trying_every_one_does(&HEADS);
        finds_each_code_as_trying_every_one_does(&BOOLEANS);
        // as it is said of them
        assert!(!ROLES.codes().contains(&SEVERAL));
        assert!(!TITLE_LEVELS.codes().contains(&SEVERAL));
        assert!(!PROGRAMS.codes().contains(&SEVERAL));
        assert!(!STATUSES.codes().contains(&SEVERAL));
        assert!(!DEGREES.codes().contains(&SEVERAL));
        assert!(!HEADS.codes().contains(&SEVERAL));
        assert!(!BOOLEANS.codes().contains(&SEVERAL));
        // codes that share a slot are each tried
        static SHARED: Vocabulary<u8> = Vocabulary::new(&[term(1, &["ab"]), term(2, &["ac"])]);
        assert!(SHARED.codes().contains(&SEVERAL));
        finds_each_code_as_trying_every_one_does(&SHARED);
    }

    #[test]
    fn matches_english_and_vietnamese_with_or_without_diacritics() {
        assert_eq!(parse_term("incumbent", &ROLES), Ok(Role::Incumbent));
        assert_eq!(parse_term("Đương chức", &ROLES), Ok(Role::Incumbent));
        assert_eq!(parse_term("DUONG CHUC", &ROLES), Ok(Role::Incumbent));
        assert_eq!(parse_term("quy hoach", &ROLES), Ok(Role::Planned));
        assert_eq!(
            parse_term("Lanh dao, quan ly cap so", &PROGRAMS),
            Ok(Program::TitleDepartment)
        );
        assert_eq!(parse_term("CVCC", &PROGRAMS), Ok(Program::SeniorSpecialist));
        assert_eq!(
            parse_term("Title_Department", &PROGRAMS),
            Ok(Program::TitleDepartment)
        );
        assert_eq!(
            parse_term("Khoa học - Công nghệ", &HEADS),
            Ok(HeadOf::ScienceTechnology)
        );
        assert_eq!(parse_term("x", &BOOLEANS), Ok(true));
        assert_eq!(parse_term("Không", &BOOLEANS), Ok(false));
        assert_eq!(parse_term("ThS", &DEGREES), Ok(Degree::Master));
    }

    #[test]
    fn suggests_the_nearest_value() {
        let err = parse_term("senior_specalist", &PROGRAMS).unwrap_err();
        assert_eq!(err.suggestion, Some("senior_specialist"));
        assert!(
            matches!(&err.allowed, Allowed::Terms(terms)
                if terms.contains("title_department (Lãnh đạo, quản lý cấp sở)")),
            "{err:?}"
        );
        let err = parse_term("hoan thanhh", &STATUSES).unwrap_err();
        assert_eq!(err.suggestion, Some("completed"));
        assert_eq!(
            parse_term("banana", &STATUSES).unwrap_err().suggestion,
            None
        );
    }

    #[test]
    fn reads_language_groups() {
        let three = GroupNumbers {
            count: 3,
            clause: "II.2.a–c".into(),
        };
        let g = parse_groups("1|2", &three).unwrap();
        assert!(g.contains(1) && g.contains(2) && !g.contains(3));
        assert_eq!(
            parse_groups("1 3", &three)
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(
            parse_groups(" 2 | 3 ", &three)
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            vec![2, 3]
        );
        assert!(parse_groups("", &three).unwrap().is_empty());
        assert_eq!(
            parse_groups("1,2", &three).unwrap_err().reason,
            Some(Reason::GroupsByComma)
        );
        assert!(parse_groups("1|4", &three).is_err());
        assert!(parse_groups("0", &three).is_err());
        let four = GroupNumbers {
            count: 4,
            clause: String::new(),
        };
        assert_eq!(
            parse_groups("1|4", &four)
                .unwrap()
                .iter()
                .collect::<Vec<_>>(),
            vec![1, 4]
        );
        assert!(parse_groups("04", &four).is_err());
    }

    #[test]
    fn reads_language_levels() {
        for (raw, level) in [
            ("4", 4),
            ("bậc 4", 4),
            ("Bậc 4/6", 4),
            ("3/6", 3),
            ("B2", 4),
            ("c1", 5),
            ("A1", 1),
            ("6", 6),
            ("C", 3),
            ("Level 5", 5),
        ] {
            assert_eq!(parse_level(raw), Ok(level), "{raw}");
        }
        for raw in ["7", "B3", "0", "bậc", "4/5", "IELTS 6.0", "D"] {
            assert!(parse_level(raw).is_err(), "{raw}");
        }
    }
}
