//! The domain: officials, their enrolments, and the coded values of docs/input.md.
//!
//! Everything here is typed and already validated; raw CSV rows never leave `input/`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::Ids;
use crate::text::clean_text;

pub mod status;

/// How bad a problem or a finding is. An input error rejects the row; an error
/// finding is a target missed (docs/rules.md "Severity").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which finding rows a report lists (`--findings`): the targets, the counts and
/// the summary are the same whichever it is. A national roll-up reads the targets
/// and the errors, not a million and a half warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    #[default]
    All,
    Errors,
    None,
}

impl Shown {
    /// Whether a finding of `severity` is listed.
    pub fn lists(self, severity: Severity) -> bool {
        match self {
            Shown::All => true,
            Shown::Errors => severity == Severity::Error,
            Shown::None => false,
        }
    }

    /// Whether it is the default: every finding listed.
    pub fn is_all(&self) -> bool {
        *self == Shown::All
    }
}

/// Whether an official holds a title now or is planned for one (docs/input.md `role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// đương chức
    Incumbent,
    /// quy hoạch
    Planned,
}

/// The level of the title held, or for planned officials the title planned for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleLevel {
    /// cấp sở
    Department,
    /// cấp huyện
    District,
}

impl TitleLevel {
    /// The fostering programme of a title at this level (II.2.d, App. 02 rows 1–2).
    pub fn title_program(self) -> Program {
        match self {
            TitleLevel::Department => Program::TitleDepartment,
            TitleLevel::District => Program::TitleDistrict,
        }
    }
}

/// A training or fostering programme (docs/input.md `program`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Program {
    TitleDepartment,
    TitleDistrict,
    SeniorSpecialist,
    PrincipalSpecialist,
    Sector,
    Language,
    Master,
    Doctor,
}

impl Program {
    pub const ALL: [Program; 8] = [
        Program::TitleDepartment,
        Program::TitleDistrict,
        Program::SeniorSpecialist,
        Program::PrincipalSpecialist,
        Program::Sector,
        Program::Language,
        Program::Master,
        Program::Doctor,
    ];

    /// Dense index, for per-official arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The canonical (English) code, as in docs/input.md and the JSON report.
    pub fn code(self) -> &'static str {
        match self {
            Program::TitleDepartment => "title_department",
            Program::TitleDistrict => "title_district",
            Program::SeniorSpecialist => "senior_specialist",
            Program::PrincipalSpecialist => "principal_specialist",
            Program::Sector => "sector",
            Program::Language => "language",
            Program::Master => "master",
            Program::Doctor => "doctor",
        }
    }
}

/// Highest academic degree held (docs/input.md `degree`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    Bachelor,
    Master,
    Doctor,
}

/// Which institution an official heads, for PG-HEAD-DOCTOR (II.1 ¶2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadOf {
    PoliticalSchool,
    College,
    Health,
    ScienceTechnology,
}

impl HeadOf {
    pub fn code(self) -> &'static str {
        match self {
            HeadOf::PoliticalSchool => "political_school",
            HeadOf::College => "college",
            HeadOf::Health => "health",
            HeadOf::ScienceTechnology => "science_technology",
        }
    }
}

/// The state of one enrolment (docs/input.md `status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnrolmentStatus {
    /// đang học
    Enrolled,
    /// hoàn thành
    Completed,
    /// thôi học
    Withdrawn,
}

/// The foreign-language groups of an official as a bit set (groups overlap):
/// numbers 1 to [`Groups::MAX`], those the plan defines (II.2.a–c of Plan 143).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Groups(u8);

impl Groups {
    /// The most groups a plan may define.
    pub const MAX: u8 = 7;

    /// `group` must be 1 to [`Groups::MAX`]; the loaders guarantee it.
    pub fn with(self, group: u8) -> Groups {
        debug_assert!((1..=Self::MAX).contains(&group));
        Groups(self.0 | 1 << group)
    }

    pub fn contains(self, group: u8) -> bool {
        group <= 7 && self.0 & (1 << group) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = u8> {
        (1..=Self::MAX).filter(move |&g| self.contains(g))
    }
}

/// The foreign-language groups a plan defines, as a roster names them: the
/// numbers 1 to `count`, set out by the plan at `clause` (II.2.a–c of Plan 143).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupNumbers {
    pub count: u8,
    /// Empty when the plan file does not say.
    pub clause: String,
}

impl GroupNumbers {
    /// The group written `text` (`2`), if the plan defines it.
    pub fn find(&self, text: &str) -> Option<u8> {
        (1..=self.count.min(Groups::MAX)).find(|n| text == n.to_string())
    }
}

/// Dense index of an official in the roster, in file order.
pub type OfficialIdx = u32;

/// What the rules know of an official: one row of the roster (docs/input.md `roster.csv`)
/// without its text, which the roster keeps apart ([`Roster::names`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Official {
    pub role: Role,
    pub title_level: Option<TitleLevel>,
    pub appointed_on: Option<NaiveDate>,
    pub language_groups: Groups,
    /// The foreign-language level and where it comes from; the rules read
    /// [`Official::language_level`].
    pub language: Language,
    pub degree: Option<Degree>,
    pub head_of: Option<HeadOf>,
    pub department_leader: bool,
    pub central_plan_approved_on: Option<NaiveDate>,
    /// Physical line of the row in its file, for messages.
    pub line: u64,
}

/// An official's foreign-language level and where it comes from, in
/// two bytes: as small as the `Option<u8>` it replaces (an official is 24 bytes,
/// and a national roster holds 2 million).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// Nothing written.
    #[default]
    None,
    /// A level as written (1–6, bậc N, A1–C2, old A/B/C).
    Stated(u8),
    /// Attested by a certificate of the levels table: at least this level.
    Certificate(u8),
    /// A certificate under the table's lowest floor, which is this bậc: below it,
    /// and no lower level guessed.
    Below(u8),
    /// A certificate the table does not cover, or whose score cannot be read: no
    /// known level until a person reviews it.
    Review,
    /// An expired certificate of this level, not counted
    /// (`--expired-certificates ignore`).
    Expired(u8),
}

impl Language {
    /// Level 1–6 as the rules count it; `None`: no known level.
    pub fn level(self) -> Option<u8> {
        match self {
            Language::Stated(level) | Language::Certificate(level) => Some(level),
            Language::None | Language::Below(_) | Language::Review | Language::Expired(_) => None,
        }
    }

    /// Whether the cell held a certificate (of the table or not), rather than a
    /// level or nothing.
    pub fn is_certificate(self) -> bool {
        matches!(
            self,
            Language::Certificate(_) | Language::Below(_) | Language::Review | Language::Expired(_)
        )
    }
}

impl Official {
    pub fn is_incumbent(&self) -> bool {
        self.role == Role::Incumbent
    }

    /// Level 1–6 of the six-level framework as the rules count it: written so, or
    /// attested by a certificate; `None` = no known level.
    pub fn language_level(&self) -> Option<u8> {
        self.language.level()
    }
}

/// One row of the enrolments file, resolved to an official of the roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Enrolment {
    pub official: OfficialIdx,
    pub program: Program,
    pub started_on: NaiveDate,
    pub completed_on: Option<NaiveDate>,
    pub status: EnrolmentStatus,
    pub abroad: bool,
}

impl Enrolment {
    /// A completion that can be dated: status completed and a completion date.
    pub fn completion(&self) -> Option<NaiveDate> {
        match self.status {
            EnrolmentStatus::Completed => self.completed_on,
            _ => None,
        }
    }
}

/// What people read about an official: the text of its roster row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Names<'a> {
    pub id: &'a str,
    pub full_name: &'a str,
    pub unit: &'a str,
    pub title: &'a str,
}

/// The numbers a reader gave a row's unit and title as written, the same number
/// for the same text (`input::table::Row::number`); `None` when it gave none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Numbers {
    pub unit: Option<u32>,
    pub title: Option<u32>,
}

/// Every official of a roster, held in memory and found by id.
///
/// The text of the rows lives in arenas rather than in four `String`s per official
/// (2 million officials, 8 million allocations before); units and titles,
/// which repeat, are kept once each.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    officials: Vec<Official>,
    /// Ids, numbered as the officials.
    ids: Ids,
    /// Full names, one after another.
    names: String,
    /// Units and titles, each kept once.
    phrases: Ids,
    /// Per number the reader gave a unit or title as written ([`Numbers`]), the
    /// phrase it was found as (`u32::MAX`: not yet seen).
    numbered: Vec<u32>,
    /// Per official: where its full name starts and ends, its unit and its title.
    spans: Vec<(usize, u32, u32, u32)>,
    /// The `language_level` cells that held a certificate, as written, one after
    /// another; only those officials have one, so a roster of plain levels holds
    /// nothing here.
    certificate_text: String,
    /// Per official with a certificate, in roster order: where its cell starts and ends.
    certificates: Vec<(OfficialIdx, usize, usize)>,
}

impl Roster {
    /// Room for about `n` officials with `text_bytes` of text, allocated once.
    pub fn with_capacity(n: usize, text_bytes: usize) -> Roster {
        Roster {
            officials: Vec::with_capacity(n),
            ids: Ids::with_capacity(n, n * 12),
            names: String::with_capacity(text_bytes),
            phrases: Ids::default(),
            numbered: Vec::new(),
            spans: Vec::with_capacity(n),
            certificate_text: String::new(),
            certificates: Vec::new(),
        }
    }

    /// Keep the `language_level` cell of official `idx` as written, when it held a
    /// certificate (what the reports show beside its level). Officials are given
    /// in roster order; one given out of order is not kept.
    pub fn set_certificate(&mut self, idx: OfficialIdx, text: &str) {
        if self
            .certificates
            .last()
            .is_some_and(|(last, ..)| *last >= idx)
        {
            return;
        }
        let start = self.certificate_text.len();
        self.certificate_text.push_str(text);
        self.certificates
            .push((idx, start, self.certificate_text.len()));
    }

    /// The certificate of official `idx` as written, if its `language_level` held one.
    pub fn certificate(&self, idx: OfficialIdx) -> Option<&str> {
        let at = self
            .certificates
            .binary_search_by_key(&idx, |(i, ..)| *i)
            .ok()?;
        let &(_, start, end) = self.certificates.get(at)?;
        self.certificate_text.get(start..end)
    }

    /// Add an official; returns the index of the official already holding the id, if any.
    /// Its unit and title may be given as read: each is kept NFC and trimmed
    /// ([`clean_text`]), and that is worked out once per phrase, not once per row.
    pub fn insert(
        &mut self,
        names: Names<'_>,
        official: Official,
    ) -> Result<OfficialIdx, OfficialIdx> {
        self.insert_numbered(names, official, Numbers::default())
    }

    /// [`Roster::insert`], the unit and title also known by the `numbers` the reader
    /// gave them: a text met before is then found by its number, not looked up.
    pub fn insert_numbered(
        &mut self,
        names: Names<'_>,
        official: Official,
        numbers: Numbers,
    ) -> Result<OfficialIdx, OfficialIdx> {
        let idx = match self.ids.insert(names.id) {
            Some(Ok(idx)) => idx,
            Some(Err(first)) => return Err(first),
            None => return Err(OfficialIdx::MAX),
        };
        let unit = self.phrase(names.unit, numbers.unit);
        let title = self.phrase(names.title, numbers.title);
        let start = self.names.len();
        self.names.push_str(names.full_name);
        // a cell is at most 64 KiB (see the bad-input catalogue in docs/input.md)
        let len = u32::try_from(names.full_name.len()).unwrap_or(u32::MAX);
        self.spans.push((start, len, unit, title));
        self.officials.push(official);
        Ok(idx)
    }

    /// The phrase kept for the unit or title `text` (numbered `number` by the
    /// reader), kept now if new.
    fn phrase(&mut self, text: &str, number: Option<u32>) -> u32 {
        let slot = number.map(|n| n as usize);
        if let Some(&known) = slot.and_then(|n| self.numbered.get(n))
            && known != u32::MAX
        {
            return known;
        }
        // A phrase kept is clean, and cleaning clean text changes nothing: text found
        // as it is needs no cleaning.
        let phrase = match self.phrases.find(text) {
            Some(i) => i,
            None => match self.phrases.insert(&clean_text(text)) {
                Some(Ok(i) | Err(i)) => i,
                None => u32::MAX,
            },
        };
        if let Some(n) = slot {
            if self.numbered.len() <= n {
                self.numbered.resize(n + 1, u32::MAX);
            }
            self.numbered[n] = phrase;
        }
        phrase
    }

    pub fn find(&self, id: &str) -> Option<OfficialIdx> {
        self.ids.find(id)
    }

    pub fn get(&self, idx: OfficialIdx) -> Option<&Official> {
        self.officials.get(idx as usize)
    }

    /// The text of an official's row.
    pub fn names(&self, idx: OfficialIdx) -> Option<Names<'_>> {
        let &(start, len, unit, title) = self.spans.get(idx as usize)?;
        Some(Names {
            id: self.ids.get(idx)?,
            full_name: self.names.get(start..start + len as usize)?,
            unit: self.phrases.get(unit)?,
            title: self.phrases.get(title)?,
        })
    }

    /// The unit of official `idx` as a number, the same for every official of
    /// the unit: what counting by unit goes by, without hashing its text.
    /// (Units and titles are numbered together, so the numbers have gaps.)
    pub fn unit_key(&self, idx: OfficialIdx) -> Option<u32> {
        let &(.., unit, _) = self.spans.get(idx as usize)?;
        // a number the roster keeps a text for: never more than its rows
        self.phrases.get(unit).map(|_| unit)
    }

    /// The id of official `idx`.
    pub fn id(&self, idx: OfficialIdx) -> Option<&str> {
        self.ids.get(idx)
    }

    /// Every id, in roster order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter()
    }

    pub fn officials(&self) -> &[Official] {
        &self.officials
    }

    /// Officials with their index, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (OfficialIdx, &Official)> {
        (0..).zip(self.officials.iter())
    }

    pub fn len(&self) -> usize {
        self.officials.len()
    }

    pub fn is_empty(&self) -> bool {
        self.officials.is_empty()
    }

    /// Each official's position in the roster sorted by id (byte order): what the
    /// report sorts findings by, worked out once. Rosters usually come sorted by id,
    /// which one pass confirms.
    pub fn id_ranks(&self) -> Vec<u32> {
        let id = |i: usize| self.ids.get(i as u32).unwrap_or("");
        let all = 0..self.len();
        if all.clone().skip(1).all(|i| id(i - 1) < id(i)) {
            return all.map(|i| i as u32).collect();
        }
        let mut order: Vec<u32> = all.map(|i| i as u32).collect();
        order.sort_unstable_by(|&a, &b| id(a as usize).cmp(id(b as usize)));
        let mut ranks = vec![0; order.len()];
        for (rank, &i) in order.iter().enumerate() {
            ranks[i as usize] = rank as u32;
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::rules::testing::incumbent;

    fn roster(ids: &[&str]) -> Roster {
        let mut roster = Roster::default();
        for id in ids {
            let row = incumbent(id);
            roster.insert(row.names(), row.official).unwrap();
        }
        roster
    }

    #[test]
    fn ranks_ids_in_byte_order_sorted_or_not() {
        assert_eq!(roster(&["A1", "A2", "B"]).id_ranks(), vec![0, 1, 2]);
        assert_eq!(roster(&["B", "A2", "a", "A1"]).id_ranks(), vec![2, 1, 3, 0]);
        assert!(roster(&[]).id_ranks().is_empty());
    }

    #[test]
    fn keeps_each_unit_and_title_once_cleaned_however_it_was_typed() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Sở Nội vụ".nfd().collect();
        let mut roster = Roster::default();
        // as typed: NFC, NFD, padded, padded with a no-break space; then clean again
        for (id, unit, title) in [
            ("A1", "Sở Nội vụ", "Giám đốc"),
            ("A2", nfd.as_str(), " Giám đốc "),
            ("A3", " Sở Nội vụ\u{00A0}", "Giám đốc"),
            ("A4", "Sở Nội vụ", "Phó Giám đốc"),
        ] {
            let row = incumbent(id);
            let names = Names {
                unit,
                title,
                ..row.names()
            };
            roster.insert(names, row.official).unwrap();
        }
        let units_titles = |i| roster.names(i).map(|n| (n.unit, n.title));
        for i in 0..3 {
            assert_eq!(units_titles(i), Some(("Sở Nội vụ", "Giám đốc")), "{i}");
        }
        assert_eq!(units_titles(3), Some(("Sở Nội vụ", "Phó Giám đốc")));
        // three phrases, each kept once
        assert_eq!(roster.phrases.len(), 3);
    }

    #[test]
    fn a_unit_or_title_numbered_by_the_reader_is_found_by_its_number() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Sở Nội vụ".nfd().collect();
        let mut roster = Roster::default();
        for (id, unit, title) in [
            ("A1", ("Sở Nội vụ", Some(0)), ("Giám đốc", Some(1))),
            ("A2", (nfd.as_str(), Some(2)), (" Giám đốc ", Some(3))),
            ("A3", ("Sở Nội vụ", Some(0)), ("Giám đốc", Some(1))),
            ("A4", (nfd.as_str(), Some(2)), ("Phó Giám đốc", None)),
        ] {
            let row = incumbent(id);
            let names = Names {
                unit: unit.0,
                title: title.0,
                ..row.names()
            };
            let numbers = Numbers {
                unit: unit.1,
                title: title.1,
            };
            roster
                .insert_numbered(names, row.official, numbers)
                .unwrap();
        }
        let units_titles = |i| roster.names(i).map(|n| (n.unit, n.title));
        for i in 0..3 {
            assert_eq!(units_titles(i), Some(("Sở Nội vụ", "Giám đốc")), "{i}");
        }
        assert_eq!(units_titles(3), Some(("Sở Nội vụ", "Phó Giám đốc")));
        assert_eq!(roster.phrases.len(), 3);
        // the reader's numbers 0 and 2 are the unit, 1 and 3 the title
        assert_eq!(roster.numbered, [0, 1, 0, 1]);
    }
}

#[cfg(test)]
mod size {
    #[test]
    fn an_official_stays_24_bytes() {
        // 2 million officials in memory; certificates added no byte
        assert_eq!(std::mem::size_of::<super::Official>(), 24);
        assert_eq!(std::mem::size_of::<super::Language>(), 2);
    }
}
