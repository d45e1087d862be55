//! The plan as data: every target with its clause, its words and its numbers.
//!
//! The default plan (`data/plan-143-KH-UBND-2023.toml`) is embedded in the binary;
//! `--plan FILE` loads another of the same shape, so a new plan period needs no
//! rebuild. A *target* is data; the *rule kind* that evaluates it is code in
//! `kinds/`, one folder each; `rules/` is what the kinds share.

pub mod kinds;
mod load;
pub mod rules;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::model::{GroupNumbers, Groups, Program};

pub use kinds::Kind;
pub use load::{EMBEDDED_FILE, EMBEDDED_NAME, load_plan, parse_plan};

/// A training plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The plan's number, e.g. `143/KH-UBND`: the JSON report's `plan`.
    pub id: String,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub title_vi: String,
    pub title_en: String,
    /// The first calendar year whose numbers the plan counts.
    pub first_year: i32,
    /// The plan's own words the reports cite, shared with every report of it.
    pub glossary: Arc<Glossary>,
    pub targets: Vec<Target>,
}

/// The plan's own words that reports cite: how people call the plan, the
/// language groups it sets targets for, and how its clauses read in Vietnamese.
/// All of it from the plan file, so that another plan needs no new code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    /// The plan's number (`143/KH-UBND`), by which people call a plan the file
    /// gives no name.
    pub id: String,
    /// `Plan 143`; empty when the file does not say.
    pub name_en: String,
    /// `Kế hoạch 143`; empty when the file does not say.
    pub name_vi: String,
    /// The language groups, group 1 first: a roster and a target name them by
    /// their number, the reports by these names (a group of a file that names
    /// none has empty names).
    pub groups: Vec<LanguageGroup>,
    /// Where the plan sets the groups out (`II.2.a–c`); empty when the file does not say.
    pub groups_clause: String,
    /// Each clause as the plan file writes it (and the JSON report carries it),
    /// with how a Vietnamese reader cites it where that differs
    /// (`App. 01 row 1` is `Phụ lục 01 dòng 1`).
    pub clauses_vi: Vec<(String, String)>,
    /// The programmes by the names the plan gives them in Vietnamese
    /// (`title_department` is `Lãnh đạo, quản lý cấp sở và tương đương`, App. 02
    /// row 1); a programme the file does not name has none here.
    pub programs_vi: Vec<(Program, String)>,
}

/// A language group of the plan, by the names the reports give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageGroup {
    pub name_en: String,
    pub name_vi: String,
}

impl Glossary {
    /// How the plan file says people of `lang` call the plan; `None` when it does
    /// not say, and `i18n` calls it by its number (`Glossary::name`).
    pub fn name_given(&self, lang: Lang) -> Option<&str> {
        let name = match lang {
            Lang::En => &self.name_en,
            Lang::Vi => &self.name_vi,
        };
        (!name.is_empty()).then_some(name.as_str())
    }

    /// The name the plan file gives group `number` in `lang`; `None` for a group
    /// it does not name (or a report of another plan), which `i18n` then names
    /// by its number (`Glossary::group`).
    pub fn group_name(&self, number: u8, lang: Lang) -> Option<&str> {
        let named = usize::from(number)
            .checked_sub(1)
            .and_then(|i| self.groups.get(i))?;
        let name = match lang {
            Lang::En => &named.name_en,
            Lang::Vi => &named.name_vi,
        };
        (!name.is_empty()).then_some(name.as_str())
    }

    /// The Vietnamese name the plan file gives `program`; `None` when it gives
    /// none, and `i18n` then names it (`Glossary::program`).
    pub fn program_name_vi(&self, program: Program) -> Option<&str> {
        self.programs_vi
            .iter()
            .find(|(p, name)| *p == program && !name.is_empty())
            .map(|(_, name)| name.as_str())
    }

    /// A clause as people of `lang` cite it: as the plan file writes it, or its
    /// Vietnamese citation where the file gives one.
    pub fn clause<'a>(&'a self, clause: &'a str, lang: Lang) -> &'a str {
        match lang {
            Lang::En => clause,
            Lang::Vi => self
                .clauses_vi
                .iter()
                .find(|(en, _)| en == clause)
                .map_or(clause, |(_, vi)| vi),
        }
    }

    /// The groups as the roster's `language_groups` may name them.
    pub fn group_numbers(&self) -> GroupNumbers {
        GroupNumbers {
            count: u8::try_from(self.groups.len())
                .unwrap_or(Groups::MAX)
                .min(Groups::MAX),
            clause: self.groups_clause.clone(),
        }
    }
}

/// One target of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The rule's stable id (`LANG-2`), never reused; several targets may share
    /// one (QUOTA-A2 has one per programme of App. 02).
    pub rule: String,
    pub clause: String,
    pub text_vi: String,
    pub text_en: String,
    pub kind: Kind,
}

impl Plan {
    /// The distinct ids of the rules whose targets run from an official's
    /// `appointed_on`, in plan order: what an incumbent without that date is
    /// shown as missing data in.
    pub fn rules_from_appointment(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for t in &self.targets {
            let from_appointment = matches!(
                &t.kind,
                Kind::Window(w) if w.anchor == kinds::window::Anchor::AppointedOn
            );
            if from_appointment && !ids.contains(&t.rule) {
                ids.push(t.rule.clone());
            }
        }
        ids
    }

    /// The distinct rule ids, in plan order.
    pub fn rule_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for t in &self.targets {
            if !ids.contains(&t.rule.as_str()) {
                ids.push(&t.rule);
            }
        }
        ids
    }
}
