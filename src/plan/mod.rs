//! The plan as data: every target with its clause, its words and its numbers.
//!
//! The default plan (`data/plan-143-KH-UBND-2023.toml`) is embedded in the binary;
//! `--plan FILE` loads another of the same shape, so a new plan period needs no
//! rebuild. A *target* is data; the *rule kind* that evaluates it is code in
//! `kinds/`, one folder each; `rules/` is what the kinds share.

pub mod kinds;
mod load;
pub mod rules;

use chrono::NaiveDate;

pub use kinds::Kind;
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
    /// The rule's stable id (`LANG-2`), never reused; several targets may share
    /// one (QUOTA-A2 has one per programme of App. 02).
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
