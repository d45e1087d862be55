//! The lists of `gaps --year`: built once from the computed [`Gaps`] and the roster,
//! rendered by pure functions (`table`, `csv`, `xlsx`), and cut per unit for
//! `--by-unit`. The words are in `crate::i18n::gaps`.

pub mod csv;
pub mod table;
pub mod xlsx;

use chrono::NaiveDate;

use crate::filename::base_name;
use crate::gaps::{Entry, Gaps, LanguageGap, PostgraduateNeed, ProgrammeList};
use crate::i18n::gaps::{group_row, list_label, plan_number, pressure};
use crate::input::table::FileSummary;
use crate::lang::Lang;
use crate::model::{Names, OfficialIdx, Roster};
use crate::plan::Glossary;

/// What the renderers of `gaps` read.
#[derive(Clone, Debug)]
pub struct GapsReport<'a> {
    /// The plan's number, e.g. `143/KH-UBND`.
    pub plan: &'a str,
    pub roster: &'a Roster,
    pub inputs: &'a [FileSummary],
    /// `Some`: the lists cut to one unit. The plan's numbers are the province's,
    /// so a unit's report shows its people, not the quotas or the starts.
    pub unit: Option<String>,
    pub gaps: Gaps,
    /// The language people read the lists in.
    pub lang: Lang,
}

/// One line of the summary: a programme, or a language group under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    pub programme: String,
    /// The rules that put people on the list.
    pub why: String,
    pub to_train: usize,
    /// The plan's number for the year, where it has one (not in a unit's report).
    pub plan_number: Option<String>,
    pub pressure: Option<String>,
}

/// One official of a list, with the details people read.
#[derive(Clone, Copy, Debug)]
pub struct Person<'a> {
    pub official: Names<'a>,
    pub entry: &'a Entry,
    /// The official's `language_level` as written, when it held a certificate.
    pub certificate: Option<&'a str>,
}

impl<'a> GapsReport<'a> {
    pub fn new(
        plan: &'a str,
        roster: &'a Roster,
        inputs: &'a [FileSummary],
        gaps: Gaps,
        lang: Lang,
    ) -> Self {
        GapsReport {
            plan,
            roster,
            inputs,
            unit: None,
            gaps,
            lang,
        }
    }

    pub fn year(&self) -> i32 {
        self.gaps.year
    }

    pub fn as_of(&self) -> NaiveDate {
        self.gaps.as_of
    }

    /// One report per unit of the officials listed, in unit order: each unit's
    /// people, and the unit's name.
    pub fn by_unit(&self) -> Vec<GapsReport<'a>> {
        let roster = self.roster;
        self.gaps
            .split(|idx| roster.names(idx).map_or("", |o| o.unit))
            .into_iter()
            .map(|(unit, gaps)| GapsReport {
                plan: self.plan,
                roster,
                inputs: self.inputs,
                unit: Some(unit.to_owned()),
                gaps,
                lang: self.lang,
            })
            .collect()
    }

    /// The inputs as the report names them, with their rows: as given for the
    /// province's report; a unit's file, sent to the unit, names the files only,
    /// never where they sit on the server.
    pub fn inputs(&self) -> Vec<(&'a str, usize)> {
        let province = self.is_province();
        self.inputs
            .iter()
            .map(|f| {
                let name = if province {
                    f.path.as_str()
                } else {
                    base_name(&f.path)
                };
                (name, f.rows)
            })
            .collect()
    }

    /// The text of an official's roster row.
    pub fn official(&self, idx: OfficialIdx) -> Option<Names<'a>> {
        self.roster.names(idx)
    }

    /// The people of a list, in its order.
    pub fn people<'r>(&'r self, list: &'r ProgrammeList) -> impl Iterator<Item = Person<'r>> + 'r {
        list.entries.iter().filter_map(|entry| {
            Some(Person {
                official: self.roster.names(entry.official)?,
                entry,
                certificate: self.roster.certificate(entry.official),
            })
        })
    }

    /// Whether the report is the province's, with the plan's numbers.
    pub fn is_province(&self) -> bool {
        self.unit.is_none()
    }

    /// Whether the summary shows the plan's numbers: the province's report, for
    /// a year the plan gives numbers for.
    pub fn has_plan_numbers(&self) -> bool {
        self.is_province()
            && (self.gaps.lists.iter().any(|l| l.quota.is_some())
                || self.gaps.languages.iter().any(|l| l.plan_number.is_some()))
    }

    /// A row per programme, and one per language group after the language
    /// programme: how many to train against the plan's number for the year.
    pub fn summary(&self) -> Vec<SummaryRow> {
        let (province, lang) = (self.is_province(), self.lang);
        let mut rows = Vec::new();
        for list in &self.gaps.lists {
            let quota = list.quota.as_ref().filter(|_| province);
            rows.push(SummaryRow {
                programme: list_label(list.program, lang, &self.gaps.glossary).to_owned(),
                why: list.rules.join(", "),
                to_train: list.entries.len(),
                plan_number: quota.map(|q| plan_number(q, lang, &self.gaps.glossary)),
                pressure: quota.map(|q| pressure(list.entries.len(), q.number, lang)),
            });
            if list.program == Some(crate::model::Program::Language) {
                rows.extend(
                    self.gaps
                        .languages
                        .iter()
                        .map(|l| language_row(l, province, lang, &self.gaps.glossary)),
                );
            }
        }
        rows
    }

    /// The postgraduate numbers, for the province only: they are nobody's in particular.
    pub fn postgraduate(&self) -> &[PostgraduateNeed] {
        if self.is_province() {
            &self.gaps.postgraduate
        } else {
            &[]
        }
    }
}

fn language_row(gap: &LanguageGap, province: bool, lang: Lang, glossary: &Glossary) -> SummaryRow {
    let number = gap.plan_number.as_ref().filter(|_| province);
    SummaryRow {
        programme: group_row(gap.group, lang, glossary),
        why: gap.rule.clone(),
        to_train: gap.candidates.len(),
        plan_number: number.map(|n| plan_number(n, lang, glossary)),
        pressure: number.map(|n| pressure(gap.candidates.len(), n.number, lang)),
    }
}
