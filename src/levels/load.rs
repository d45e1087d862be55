//! Reading a levels file (TOML) into [`Levels`], refusing what does not make
//! sense with the line it is on, as a plan file is (see the bad-input catalogue in docs/input.md).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::datafile::{self, Checker};
use crate::diag::Diagnostic;
use crate::diag::problem::{Data, DataFile, Quantity};
use crate::levels::{Certificate, Floor, LevelCell, Levels, Score, Skill, key_words};

pub(super) const EMBEDDED: &str = include_str!("../../data/levels-TT-23-2021-TT-BGDDT.toml");
/// How messages name the embedded table.
pub const EMBEDDED_NAME: &str = "data/levels-TT-23-2021-TT-BGDDT.toml (embedded)";

/// Load the levels table in `path`, or the embedded default.
pub fn load_levels(path: Option<&Path>) -> Result<Levels, Diagnostic> {
    let embedded = (EMBEDDED, EMBEDDED_NAME);
    datafile::load(path, DataFile::Levels, embedded, parse_levels)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    source: RawSource,
    #[serde(default)]
    certificate: Vec<Spanned<RawCertificate>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title_vi: String,
    title_en: String,
    #[allow(dead_code)] // read for its shape: the document's date is part of its name
    issued_on: Spanned<toml::value::Datetime>,
}

type Map = Spanned<BTreeMap<String, Spanned<toml::Value>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCertificate {
    name: Spanned<String>,
    language: String,
    names: Spanned<Vec<Spanned<String>>>,
    score: Spanned<String>,
    min: Option<Spanned<toml::Value>>,
    max: Option<Spanned<toml::Value>>,
    bands: Option<Spanned<Vec<Spanned<String>>>>,
    aliases: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    skills: Option<Spanned<Vec<Spanned<RawSkill>>>>,
    floors: Map,
    standalone: Option<Map>,
    validity_months: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    key: String,
    names: Vec<String>,
    min: i64,
    max: i64,
}

/// Parse a levels file's text; `file` names it in messages.
pub fn parse_levels(text: &str, file: &str) -> Result<Levels, Diagnostic> {
    let check = Checker::new(DataFile::Levels, text, file);
    let raw: RawFile = check.parse()?;
    check.date(&raw.source.issued_on, "issued_on")?;
    let mut certificates = Vec::with_capacity(raw.certificate.len());
    let mut names: Vec<(Vec<String>, usize)> = Vec::new();
    // every spelling names one certificate: where it was first seen
    let mut seen: BTreeMap<Vec<String>, (String, u64)> = BTreeMap::new();
    for (index, spanned) in raw.certificate.iter().enumerate() {
        let c = spanned.get_ref();
        let certificate = read_certificate(&check, c, spanned.span())?;
        let spellings = c
            .names
            .get_ref()
            .iter()
            .map(|n| (n.get_ref().as_str(), n.span()))
            .chain(
                c.standalone
                    .iter()
                    .flat_map(|s| s.get_ref().iter().map(|(k, v)| (k.as_str(), v.span()))),
            );
        for (spelling, span) in spellings {
            let key = key_words(spelling);
            if key.is_empty() {
                return Err(check.error(
                    span,
                    Data::NoLetters {
                        spelling: spelling.to_owned(),
                    },
                ));
            }
            if let Some((first, line)) = seen.get(&key)
                && *first != certificate.name
            {
                return Err(check.error(
                    span,
                    Data::SpellingTwice {
                        spelling: spelling.to_owned(),
                        first: first.clone(),
                        line: *line,
                    },
                ));
            }
            seen.insert(key.clone(), (certificate.name.clone(), check.line(span)));
            names.push((key, index));
        }
        certificates.push(certificate);
    }
    if certificates.is_empty() {
        return Err(check.error_at(None, Data::NoCertificates));
    }
    names.sort_by_key(|(key, _)| std::cmp::Reverse(key.len()));
    Ok(Levels {
        id: raw.source.id,
        title_vi: raw.source.title_vi,
        title_en: raw.source.title_en,
        certificates,
        names,
    })
}

fn read_certificate(
    check: &Checker<'_>,
    raw: &RawCertificate,
    span: Range<usize>,
) -> Result<Certificate, Diagnostic> {
    let name = raw.name.get_ref().trim().to_owned();
    if name.is_empty() {
        return Err(check.error(raw.name.span(), Data::Empty { key: "name" }));
    }
    let empty = |span: Range<usize>, key: &'static str| {
        check.error(
            span,
            Data::EmptyOf {
                name: name.clone(),
                key,
            },
        )
    };
    if raw.names.get_ref().is_empty() {
        return Err(empty(raw.names.span(), "names"));
    }
    let kind = raw.score.get_ref().as_str();
    let allowed: &[&str] = match kind {
        "scale" => &["min", "max"],
        "bands" => &["bands", "aliases"],
        "skills" => &["skills"],
        other => {
            return Err(check.error(
                raw.score.span(),
                Data::NotAScoreKind {
                    kind: other.to_owned(),
                },
            ));
        }
    };
    let present = [
        ("min", raw.min.as_ref().map(Spanned::span)),
        ("max", raw.max.as_ref().map(Spanned::span)),
        ("bands", raw.bands.as_ref().map(Spanned::span)),
        ("aliases", raw.aliases.as_ref().map(Spanned::span)),
        ("skills", raw.skills.as_ref().map(Spanned::span)),
    ];
    for (key, at) in present {
        if let Some(at) = at
            && !allowed.contains(&key)
        {
            return Err(check.error(
                at,
                Data::DoesNotApply {
                    key: key.to_owned(),
                    kind: kind.to_owned(),
                    target: name.clone(),
                    data: DataFile::Levels,
                },
            ));
        }
    }
    let needs = |key: &'static str| {
        check.error(
            span.clone(),
            Data::Needs {
                key,
                kind: kind.to_owned(),
                target: name.clone(),
                data: DataFile::Levels,
            },
        )
    };
    let score = match kind {
        "scale" => {
            let min = raw.min.as_ref().ok_or_else(|| needs("min"))?;
            let max = raw.max.as_ref().ok_or_else(|| needs("max"))?;
            let (lo, hi) = (number(check, min, "min")?, number(check, max, "max")?);
            if hi <= lo {
                return Err(
                    check.error(max.span(), Data::ScaleMaxNotAboveMin { name: name.clone() })
                );
            }
            Score::Scale { min: lo, max: hi }
        }
        "bands" => {
            let bands = raw.bands.as_ref().ok_or_else(|| needs("bands"))?;
            if bands.get_ref().is_empty() {
                return Err(empty(bands.span(), "bands"));
            }
            let keys: Vec<Vec<String>> = bands
                .get_ref()
                .iter()
                .map(|b| key_words(b.get_ref()))
                .collect();
            for (i, band) in bands.get_ref().iter().enumerate() {
                if keys[i].is_empty() || keys[..i].contains(&keys[i]) {
                    return Err(check.error(
                        band.span(),
                        Data::BandTwice {
                            name: name.clone(),
                            band: band.get_ref().clone(),
                        },
                    ));
                }
            }
            let mut aliases = Vec::new();
            for (alias, band) in raw.aliases.iter().flat_map(|a| a.get_ref()) {
                let target = key_words(band.get_ref());
                let Some(i) = keys.iter().position(|k| *k == target) else {
                    return Err(check.error(
                        band.span(),
                        Data::AliasNoBand {
                            name: name.clone(),
                            alias: alias.clone(),
                            band: band.get_ref().clone(),
                        },
                    ));
                };
                aliases.push((key_words(alias), i));
            }
            Score::Bands {
                bands: bands
                    .get_ref()
                    .iter()
                    .map(|b| b.get_ref().clone())
                    .collect(),
                keys,
                aliases,
            }
        }
        _ => {
            let skills = raw.skills.as_ref().ok_or_else(|| needs("skills"))?;
            let mut read = Vec::new();
            for skill in skills.get_ref() {
                let s = skill.get_ref();
                if s.key.trim().is_empty() || s.max <= s.min || s.min < 0 {
                    return Err(check.error(skill.span(), Data::BadSkill { name: name.clone() }));
                }
                let mut names: Vec<String> = s
                    .names
                    .iter()
                    .chain(std::iter::once(&s.key))
                    .map(|n| key_words(n).join(" "))
                    .collect();
                names.dedup();
                read.push(Skill {
                    key: s.key.clone(),
                    names,
                    min: s.min * 100,
                    max: s.max * 100,
                });
            }
            if read.is_empty() {
                return Err(empty(skills.span(), "skills"));
            }
            Score::Skills(read)
        }
    };
    let floors = floors(check, &name, &score, &raw.floors)?;
    let mut certificate = Certificate {
        name: name.clone(),
        language: raw.language.clone(),
        score,
        floors,
        validity_months: match &raw.validity_months {
            Some(m) => Some(check.number(m, "validity_months", 1..1201, Quantity::Months)?),
            None => None,
        },
        standalone: Vec::new(),
    };
    // A standalone spelling's score must be one the certificate has.
    for (spelling, value) in raw.standalone.iter().flat_map(|s| s.get_ref()) {
        let score = match value.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            _ => String::new(),
        };
        let ok = matches!(
            certificate.read(0, &key_words(&score)),
            Ok(LevelCell::Certificate { .. })
        );
        if !ok {
            return Err(check.error(
                value.span(),
                Data::NotAScore {
                    name: name.clone(),
                    spelling: spelling.clone(),
                    score,
                },
            ));
        }
        certificate
            .standalone
            .push((key_words(spelling), key_words(&score)));
    }
    Ok(certificate)
}

/// A score of a scale, in hundredths: `5.5` → 550.
fn number(check: &Checker<'_>, value: &Spanned<toml::Value>, key: &str) -> Result<i64, Diagnostic> {
    let hundredths = match value.get_ref() {
        toml::Value::Integer(i) => i.checked_mul(100),
        toml::Value::Float(f) if f.is_finite() && *f >= 0.0 && *f < 1e12 => {
            let h = (f * 100.0).round();
            ((f * 100.0 - h).abs() < 1e-6).then_some(h as i64)
        }
        _ => None,
    };
    hundredths.filter(|h| *h >= 0).ok_or_else(|| {
        check.error(
            value.span(),
            Data::NotAScoreNumber {
                key: key.to_owned(),
            },
        )
    })
}

/// `floors = { 3 = …, 4 = … }`: a bậc 1–6 each, rising with the bậc.
fn floors(
    check: &Checker<'_>,
    name: &str,
    score: &Score,
    raw: &Map,
) -> Result<Vec<(u8, Floor)>, Diagnostic> {
    let mut floors: Vec<(u8, Floor, Range<usize>)> = Vec::new();
    for (level, value) in raw.get_ref() {
        let Some(level) = level.parse::<u8>().ok().filter(|l| (1..=6).contains(l)) else {
            return Err(check.error(
                value.span(),
                Data::FloorKey {
                    name: name.to_owned(),
                    level: level.clone(),
                },
            ));
        };
        let floor = match score {
            Score::Scale { min, max } => {
                let v = number(check, value, &format!("floors.{level}"))?;
                if v < *min || v > *max {
                    return Err(check.error(
                        value.span(),
                        Data::FloorOutsideScale {
                            name: name.to_owned(),
                            level,
                        },
                    ));
                }
                Floor::Scale(v)
            }
            Score::Bands { bands, keys, .. } => {
                let band = value.get_ref().as_str().map(key_words).unwrap_or_default();
                let Some(i) = keys.iter().position(|k| *k == band) else {
                    return Err(check.error(
                        value.span(),
                        Data::FloorNotABand {
                            name: name.to_owned(),
                            level,
                            bands: bands.join(", "),
                        },
                    ));
                };
                Floor::Band(i)
            }
            Score::Skills(skills) => {
                let table = value.get_ref().as_table();
                let mut per_skill = Vec::with_capacity(skills.len());
                for skill in skills {
                    let v = table
                        .and_then(|t| t.get(&skill.key))
                        .and_then(toml::Value::as_integer)
                        .map(|v| v * 100)
                        .filter(|v| (skill.min..=skill.max).contains(v));
                    let Some(v) = v else {
                        return Err(check.error(
                            value.span(),
                            Data::FloorSkill {
                                name: name.to_owned(),
                                level,
                                skill: skill.key.clone(),
                                min: skill.min / 100,
                                max: skill.max / 100,
                            },
                        ));
                    };
                    per_skill.push(v);
                }
                Floor::Skills(per_skill)
            }
        };
        floors.push((level, floor, value.span()));
    }
    if floors.is_empty() {
        return Err(check.error(
            raw.span(),
            Data::EmptyOf {
                name: name.to_owned(),
                key: "floors",
            },
        ));
    }
    floors.sort_by_key(|(level, _, _)| *level);
    for pair in floors.windows(2) {
        let rises = match (&pair[0].1, &pair[1].1) {
            (Floor::Scale(a), Floor::Scale(b)) => a < b,
            (Floor::Band(a), Floor::Band(b)) => a < b,
            (Floor::Skills(a), Floor::Skills(b)) => a.iter().zip(b).all(|(a, b)| a <= b) && a != b,
            _ => false,
        };
        if !rises {
            return Err(check.error(
                pair[1].2.clone(),
                Data::FloorNotAbove {
                    name: name.to_owned(),
                    level: pair[1].0,
                    below: pair[0].0,
                },
            ));
        }
    }
    Ok(floors.into_iter().map(|(l, f, _)| (l, f)).collect())
}
