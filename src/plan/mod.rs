//! The plan as data: every target with its clause, its words and its numbers.
//!
//! The default plan (`data/plan-143-KH-UBND-2023.toml`) is embedded in the binary;
//! `--plan FILE` loads another of the same shape, so a new plan period needs no
//! rebuild. A *target* is data; the *rule kind* that evaluates it is code in `rules/`.

mod load;
pub mod rules;

use chrono::NaiveDate;

use crate::model::{HeadOf, Program};

pub use load::{EMBEDDED_NAME, load_plan, parse_plan};

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
    pub targets: Vec<Target>,
}

/// One target of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Stable id from SPEC §1 (`LANG-2`); several targets may share a rule id
    /// (QUOTA-A2 has one per programme).
    pub rule: String,
    pub clause: String,
    pub text_vi: String,
    pub text_en: String,
    pub kind: Kind,
}

impl Target {
    /// The rule id as findings share it.
    pub fn rule_id(&self) -> std::sync::Arc<str> {
        self.rule.as_str().into()
    }
}

/// What a target asks for, by rule kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Share(Share),
    Window(Window),
    Quota(Quota),
    Postgraduate(Postgraduate),
    Doctorate(Doctorate),
    Overseas(Overseas),
    PlannedReady,
}

impl Kind {
    /// The name of the kind in the plan file.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Share(_) => "share",
            Kind::Window(_) => "window",
            Kind::Quota(_) => "quota",
            Kind::Postgraduate(_) => "postgraduate",
            Kind::Doctorate(_) => "doctorate",
            Kind::Overseas(_) => "overseas",
            Kind::PlannedReady => "planned_ready",
        }
    }
}

/// A share of a language group's incumbents at a level or above (II.2.a–c).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub group: u8,
    pub percent: u32,
    pub min_level: u8,
    /// The plan's own baseline, shown for reference.
    pub baseline: Option<String>,
}

/// Who a window rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppliesTo {
    /// Every incumbent (II.2.d).
    Incumbents,
    /// Incumbents with a central planning approval date (II.2.đ).
    CentrallyPlannedIncumbents,
    /// Incumbents marked as leaders of provincial departments (II.2.e).
    DepartmentLeaders,
}

/// The date a window runs from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    AppointedOn,
    CentralPlanApprovedOn,
}

/// The programme a window asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    /// `title_department` or `title_district` by the official's `title_level`.
    ByTitleLevel,
    Program(Program),
}

/// Training completed within `months` calendar months of an anchor date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    pub applies_to: AppliesTo,
    pub anchor: Anchor,
    pub program: Required,
    pub months: u32,
}

/// What a quota counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuotaSubject {
    /// Officials starting this programme (App. 02).
    Program(Program),
    /// Officials of this language group starting language study (App. 01).
    LanguageGroup(u8),
}

/// One year's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearQuota {
    pub year: i32,
    pub quota: u32,
    /// Not in the source: worked out from the total.
    pub derived: bool,
}

/// Yearly numbers of officials starting training (App. 01 last column, App. 02).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quota {
    pub subject: QuotaSubject,
    pub total: Option<u32>,
    /// In year order.
    pub years: Vec<YearQuota>,
}

/// An average number of postgraduate starts a year (II.1 ¶1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postgraduate {
    pub programs: Vec<Program>,
    pub min_per_year: u32,
    pub max_per_year: u32,
    pub from_year: i32,
}

/// Heads of some institutions hold a doctorate by a date (II.1 ¶2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doctorate {
    pub heads: Vec<HeadOf>,
    pub deadline: NaiveDate,
}

/// Officials sent abroad against a centrally allocated quota (II.2.g).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overseas {
    pub from_year: i32,
    /// Set by the office; empty = counts only.
    pub years: Vec<YearQuota>,
}

impl Plan {
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
