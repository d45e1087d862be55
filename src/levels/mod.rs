//! Foreign-language certificates and the bậc they attest.
//!
//! The mapping is data: a table named after its source document
//! (`data/levels-TT-23-2021-TT-BGDDT.toml`, Thông tư 23/2021/TT-BGDĐT Phụ lục 2)
//! is embedded as the default, and `--levels FILE` swaps in another. A plain
//! level (`4`, `B2`, `bậc 4`) never reaches this module: [`read_level`] tries the
//! cheap forms of `values::parse_level` first.
//!
//! A certificate attests the highest bậc whose floor its score reaches, and no
//! more; under the lowest floor it attests "below" that bậc, never a guessed lower
//! one. A certificate the table does not cover is left for manual review.

mod load;
pub mod plain;

use std::sync::{Arc, OnceLock};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::diag::problem::Review;
use crate::diag::value::{Allowed, BadValue, Reason};
use plain::parse_level;

pub use load::{EMBEDDED_NAME, load_levels, parse_levels};

/// A table of certificates and the bậc they attest.
#[derive(Clone, Debug, PartialEq)]
pub struct Levels {
    /// The source document, e.g. `23/2021/TT-BGDĐT`.
    pub id: String,
    pub title_vi: String,
    pub title_en: String,
    pub certificates: Vec<Certificate>,
    /// Every spelling that names a certificate, as key words, with its index:
    /// longest first, so that "TOEFL ITP" is tried before a shorter name.
    names: Vec<(Vec<String>, usize)>,
}

/// One type of certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Certificate {
    pub name: String,
    pub language: String,
    pub score: Score,
    /// The bậc and the lowest score of it, lowest bậc first.
    pub floors: Vec<(u8, Floor)>,
    /// How long the issuer holds a result valid; `None`: no limit.
    pub validity_months: Option<u32>,
    /// Spellings that name the certificate and its score at once ("B2 First").
    standalone: Vec<(Vec<String>, Vec<String>)>,
}

/// How a certificate's score is written.
#[derive(Clone, Debug, PartialEq)]
pub enum Score {
    /// A number, in hundredths (IELTS 5.5 = 550), from `min` to `max`.
    Scale { min: i64, max: i64 },
    /// Named bands, lowest first; `aliases` are other spellings of a band.
    Bands {
        bands: Vec<String>,
        keys: Vec<Vec<String>>,
        aliases: Vec<(Vec<String>, usize)>,
    },
    /// A score per skill, every one needed (TOEIC).
    Skills(Vec<Skill>),
}

/// One skill of a [`Score::Skills`] certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Skill {
    pub key: String,
    /// Spellings, as key words.
    names: Vec<String>,
    pub min: i64,
    pub max: i64,
}

/// The lowest score of a bậc.
#[derive(Clone, Debug, PartialEq)]
pub enum Floor {
    /// In hundredths.
    Scale(i64),
    /// An index into the bands.
    Band(usize),
    /// Per skill, in the order of the skills.
    Skills(Vec<i64>),
}

/// A score as read.
#[derive(Clone, Debug, PartialEq)]
enum Reached {
    Scale(i64),
    Band(usize),
    Skills(Vec<i64>),
}

impl Certificate {
    /// How the certificate is written at its highest floor: `IELTS 5.5`,
    /// `TOEIC L400 R385 S160 W150`, `JLPT N3`.
    pub fn example(&self) -> String {
        let Some((_, floor)) = self.floors.last() else {
            return self.name.clone();
        };
        let score = match (floor, &self.score) {
            (Floor::Scale(v), _) => show(*v),
            (Floor::Band(i), Score::Bands { bands, .. }) => {
                bands.get(*i).cloned().unwrap_or_default()
            }
            (Floor::Skills(v), Score::Skills(skills)) => skills
                .iter()
                .zip(v)
                .map(|(s, v)| format!("{}{}", s.key, show(*v)))
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        };
        format!("{} {score}", self.name)
    }

    /// Read the words after the certificate's name (`index` in its table).
    fn read(&self, index: usize, score: &[String]) -> Result<LevelCell, BadValue> {
        let score: Vec<&str> = score
            .iter()
            .map(String::as_str)
            .filter(|w| !FILLER.contains(w))
            .collect();
        let name = &self.name;
        if score.is_empty() {
            return Ok(LevelCell::Review(Review::NoScore { name: name.clone() }));
        }
        let reached = match &self.score {
            Score::Scale { min, max } => {
                let Some(value) = score
                    .first()
                    .filter(|_| score.len() == 1)
                    .and_then(|w| hundredths(w))
                else {
                    return Ok(unreadable(name, &score));
                };
                if value < *min || value > *max {
                    return Err(out_of_range(Allowed::Scores {
                        name: name.to_owned(),
                        from: show(*min),
                        to: show(*max),
                    }));
                }
                Reached::Scale(value)
            }
            Score::Bands {
                bands,
                keys,
                aliases,
            } => {
                let found = keys
                    .iter()
                    .position(|k| k.iter().map(String::as_str).eq(score.iter().copied()))
                    .or_else(|| {
                        aliases
                            .iter()
                            .find(|(k, _)| k.iter().map(String::as_str).eq(score.iter().copied()))
                            .map(|(_, b)| *b)
                    });
                match found {
                    Some(band) => Reached::Band(band),
                    // "VSTEP 6.0": a score where the table has levels
                    None if score.iter().all(|w| hundredths(w).is_some())
                        && !keys
                            .iter()
                            .any(|k| k.iter().all(|w| hundredths(w).is_some())) =>
                    {
                        return Ok(LevelCell::Review(Review::ScoreForBands {
                            name: name.clone(),
                            bands: bands.join(", "),
                        }));
                    }
                    None => {
                        return Err(out_of_range(Allowed::Bands {
                            name: name.to_owned(),
                            bands: bands.join(", "),
                        }));
                    }
                }
            }
            Score::Skills(skills) => match read_skills(skills, &score) {
                Skills::All(values) => {
                    for (skill, value) in skills.iter().zip(&values) {
                        if *value < skill.min || *value > skill.max {
                            return Err(out_of_range(Allowed::Scores {
                                name: format!("{name} {}", skill.key),
                                from: show(skill.min),
                                to: show(skill.max),
                            }));
                        }
                    }
                    Reached::Skills(values)
                }
                Skills::Some(given) => {
                    return Ok(LevelCell::Review(Review::SomeSkills {
                        name: name.clone(),
                        given: given.iter().map(ToString::to_string).collect(),
                        all: skills.iter().map(|s| s.key.clone()).collect(),
                    }));
                }
                Skills::Unreadable => return Ok(unreadable(name, &score)),
            },
        };
        Ok(LevelCell::Certificate {
            index,
            attested: self.attests(&reached),
        })
    }
    /// What a score attests under this certificate's floors.
    fn attests(&self, score: &Reached) -> Attested {
        let reaches = |floor: &Floor| match (floor, score) {
            (Floor::Scale(f), Reached::Scale(s)) => s >= f,
            (Floor::Band(f), Reached::Band(b)) => b >= f,
            (Floor::Skills(f), Reached::Skills(s)) => s.iter().zip(f).all(|(s, f)| s >= f),
            _ => false,
        };
        self.floors
            .iter()
            .rev()
            .find(|(_, floor)| reaches(floor))
            .map_or_else(
                || Attested::Below(self.floors.first().map_or(1, |(level, _)| *level)),
                |(level, _)| Attested::Level(*level),
            )
    }
}

/// What a certificate says of its holder's bậc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attested {
    /// At least this bậc: the highest floor reached.
    Level(u8),
    /// Under the lowest floor of the table, which is this bậc.
    Below(u8),
}

/// What a `language_level` cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum LevelCell {
    /// A level as written: `4`, `bậc 4`, `B2`, an old `C`.
    Stated(u8),
    /// A certificate the table covers: its index in [`Levels::certificates`] and
    /// what it attests.
    Certificate { index: usize, attested: Attested },
    /// A certificate the table does not cover, or whose score cannot be read:
    /// why it needs a person to look at it.
    Review(Review),
}

/// The table embedded in the binary.
pub fn embedded() -> Arc<Levels> {
    static EMBEDDED: OnceLock<Arc<Levels>> = OnceLock::new();
    Arc::clone(EMBEDDED.get_or_init(|| {
        // A test holds the embedded file to this: it always parses.
        Arc::new(parse_levels(load::EMBEDDED, EMBEDDED_NAME).unwrap_or_else(|_| Levels::empty()))
    }))
}

impl Levels {
    fn empty() -> Levels {
        Levels {
            id: String::new(),
            title_vi: String::new(),
            title_en: String::new(),
            certificates: Vec::new(),
            names: Vec::new(),
        }
    }

    /// Every certificate's name, for messages and the template: `IELTS, TOEFL iBT, …`.
    pub fn names(&self) -> String {
        self.certificates
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The certificate whose name or standalone spelling begins `words`, and the
    /// words after it (the score); a standalone spelling gives its own score.
    fn find<'w>(&'w self, words: &'w [String]) -> Option<(usize, &'w [String])> {
        for c in 0..self.certificates.len() {
            for (spelling, score) in &self.certificates[c].standalone {
                if words == spelling.as_slice() {
                    return Some((c, score.as_slice()));
                }
            }
        }
        self.names
            .iter()
            .find(|(name, _)| words.starts_with(name))
            .map(|(name, c)| (*c, &words[name.len()..]))
    }
}

/// Words that may stand between a certificate's name and its score.
const FILLER: &[&str] = &["band", "overall", "score", "diem", "level", "cap", "tong"];

/// Read a `language_level` cell (trimmed, not empty): a plain level first, as
/// cheaply as before certificates; then a certificate of `levels`.
pub fn read_level(raw: &str, levels: &Levels) -> Result<LevelCell, BadValue> {
    let plain = match parse_level(raw) {
        Ok(level) => return Ok(LevelCell::Stated(level)),
        Err(bad) => bad,
    };
    let words = key_words(raw);
    let Some((index, score)) = levels.find(&words) else {
        return if level_shaped(&words) {
            Err(BadValue {
                reason: words
                    .first()
                    .filter(|w| w.contains('.'))
                    .map(|_| Reason::ScoreWithoutName),
                ..plain
            })
        } else {
            Ok(LevelCell::Review(Review::NotInTable {
                names: levels.names(),
            }))
        };
    };
    levels.certificates[index].read(index, score)
}

fn unreadable(name: &str, score: &[&str]) -> LevelCell {
    LevelCell::Review(Review::Unreadable {
        name: name.to_owned(),
        score: score.join(" "),
    })
}

fn out_of_range(allowed: Allowed) -> BadValue {
    BadValue {
        reason: Some(Reason::ScoreOffScale),
        allowed,
        suggestion: None,
    }
}

/// Hundredths as people write the score: `550` → `5.5`, `12000` → `120`.
fn show(hundredths: i64) -> String {
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// A number as a score: `6`, `6.5`, `6.25` in hundredths; `None` otherwise.
fn hundredths(word: &str) -> Option<i64> {
    let (whole, part) = word.split_once('.').unwrap_or((word, ""));
    if whole.is_empty() || whole.len() > 9 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) || word.ends_with('.') {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let part: i64 = format!("{part:0<2}").parse().ok()?;
    Some(whole * 100 + part)
}

enum Skills {
    /// Every skill, in the order of the table.
    All(Vec<i64>),
    /// Only these skills (none: a total without skills, "TOEIC 785").
    Some(Vec<String>),
    Unreadable,
}

/// `l 420 r 400 s 170 w 160` (from "L420 R400 S170 W160") or `listening 420 …`.
fn read_skills(skills: &[Skill], words: &[&str]) -> Skills {
    let mut values: Vec<Option<i64>> = vec![None; skills.len()];
    let mut rest = words;
    while let Some((first, after)) = rest.split_first() {
        if let Some(i) = skills
            .iter()
            .position(|s| s.names.iter().any(|n| n == first))
        {
            match after.split_first() {
                Some((number, after)) if values[i].is_none() => match hundredths(number) {
                    Some(v) => {
                        values[i] = Some(v);
                        rest = after;
                    }
                    None => return Skills::Unreadable,
                },
                _ => return Skills::Unreadable,
            }
        } else if rest.len() == 1 && hundredths(first).is_some() {
            // a bare total, with or without skills before it
            break;
        } else {
            return Skills::Unreadable;
        }
    }
    if values.iter().all(Option::is_some) {
        Skills::All(values.into_iter().flatten().collect())
    } else {
        Skills::Some(
            skills
                .iter()
                .zip(&values)
                .filter(|(_, v)| v.is_some())
                .map(|(s, _)| s.key.clone())
                .collect(),
        )
    }
}

/// Whether unknown words look like a mistyped level (`7`, `B3`, `bậc 7`, `6.5`)
/// rather than a certificate: those stay errors (see the bad-input catalogue in docs/input.md).
fn level_shaped(words: &[String]) -> bool {
    match words.first() {
        None => true,
        Some(first) => {
            matches!(first.as_str(), "bac" | "level")
                || hundredths(first).is_some()
                || (first.chars().count() == 1 && words.len() <= 2)
        }
    }
}

/// The words of a certificate as compared: lower case, without diacritics (đ = d),
/// split at punctuation, spaces and between letters and digits ("HSK4" = "hsk 4",
/// "ТРКИ-2" = "трки 2"); a point or comma between digits is a decimal point
/// ("6,5" = "6.5").
pub fn key_words(raw: &str) -> Vec<String> {
    let chars: Vec<char> = raw
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut last: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        let decimal = matches!(c, '.' | ',')
            && last.is_some_and(|l| l.is_ascii_digit())
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if decimal {
            word.push('.');
            last = Some('.');
            continue;
        }
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            last = None;
            continue;
        }
        let boundary = last.is_some_and(|l| l != '.' && l.is_numeric() != c.is_numeric());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.extend(c.to_lowercase());
        last = Some(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests;
