//! Rule kinds: small pure functions from the typed roster and training history
//! to target results and findings (SPEC §1, §3).
//!
//! One file per kind; each has a `DOC` with the headings `explain` prints.

pub mod doctorate;
pub mod overseas;
pub mod planned_ready;
pub mod postgraduate;
pub mod quota;
pub mod share;
pub mod window;

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::i18n::Bilingual;
pub use crate::model::status::{Note, PersonStatus, TargetStatus};
use crate::model::{OfficialIdx, Program, Roster, Severity};
use crate::plan::{Kind, Plan, Target};

/// What every rule reads.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub roster: &'a Roster,
    pub history: &'a History,
    pub as_of: NaiveDate,
    /// A deadline this many days or fewer after as-of is `due_soon`.
    pub due_soon_days: u32,
}

/// How many officials a window-like rule found in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub done: u32,
    pub late: u32,
    pub overdue: u32,
    pub due_soon: u32,
    pub open: u32,
    pub missing_data: u32,
}

impl Counts {
    pub fn add(&mut self, status: PersonStatus) {
        match status {
            PersonStatus::Done => self.done += 1,
            PersonStatus::Late => self.late += 1,
            PersonStatus::Overdue => self.overdue += 1,
            PersonStatus::DueSoon => self.due_soon += 1,
            PersonStatus::Open | PersonStatus::NotReady => self.open += 1,
            PersonStatus::MissingData => self.missing_data += 1,
        }
    }

    pub fn population(&self) -> u32 {
        self.done + self.late + self.overdue + self.due_soon + self.open + self.missing_data
    }

    /// A 100% target over these people: any overdue is a gap; late, due-soon
    /// or missing data put it at risk; nobody left to train is met.
    pub fn status(&self) -> (TargetStatus, Option<Severity>) {
        if self.population() == 0 {
            (TargetStatus::NoData, None)
        } else if self.overdue > 0 {
            (TargetStatus::Gap, Some(Severity::Error))
        } else if self.late + self.due_soon + self.missing_data > 0 {
            (TargetStatus::AtRisk, Some(Severity::Warning))
        } else if self.open > 0 {
            (TargetStatus::InProgress, None)
        } else {
            (TargetStatus::Met, None)
        }
    }
}

/// What a quota-like row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Subject {
    Program { program: Program },
    Group { group: u8 },
    Abroad { abroad: bool },
}

/// The numbers of one target result, by kind. Serialised flat into the target; read
/// back (an earlier report, for a comparison) by trying the kinds in this order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Detail {
    Share {
        group: u8,
        percent: u32,
        population: u32,
        achieved: u32,
        required: u32,
        shortfall: u32,
        /// Where the levels came from (issue 4 §3): see [`LevelSources`].
        #[serde(flatten)]
        sources: LevelSources,
    },
    Window {
        #[serde(skip_serializing_if = "Option::is_none")]
        program: Option<Program>,
        #[serde(skip_serializing_if = "Option::is_none")]
        deadline: Option<NaiveDate>,
        population: u32,
        counts: Counts,
    },
    Quota {
        #[serde(flatten)]
        subject: Subject,
        year: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        quota: Option<u32>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        derived: bool,
        achieved: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        shortfall: Option<u32>,
    },
    Postgraduate {
        programs: Vec<Program>,
        min_per_year: u32,
        max_per_year: u32,
        /// Complete years counted, e.g. 2023–2025 as-of 2026.
        years: Vec<YearCount>,
        /// The year of as-of, not yet complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        current: Option<YearCount>,
        achieved: u32,
        required: u32,
        shortfall: u32,
    },
    PlannedReady {
        population: u32,
        ready: u32,
        not_ready: u32,
        missing_data: u32,
    },
}

/// Where a share's levels came from, for the officer who reports its number: of
/// the achieved, how many on a certificate; of the population, how many hold a
/// certificate that awaits manual review (so achieved is a floor), and how many an
/// expired one that would reach the level but is left out
/// (`--expired-certificates ignore`). Every field is absent when the roster holds
/// no certificate at all, so a roster of plain levels reports as before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelSources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_certificate: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_review: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired_ignored: Option<u32>,
}

impl LevelSources {
    /// Whether any official of the share needs saying: a certificate counted,
    /// one to review, or one left out.
    pub fn any(&self) -> bool {
        [self.by_certificate, self.to_review, self.expired_ignored]
            .iter()
            .any(|n| n.is_some_and(|n| n > 0))
    }
}

/// Officials counted in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCount {
    pub year: i32,
    pub officials: u32,
}

/// The verdict on one target (or one year or group of it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetResult {
    pub rule: String,
    pub clause: String,
    pub status: TargetStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(flatten)]
    pub detail: Detail,
}

impl Detail {
    /// The numbers the summary shows for the row, and a comparison of two reports
    /// follows. For the 100% rules (windows, planned-ready) the shortfall is the
    /// officials overdue, or not ready, and the requirement is everyone.
    pub fn key_numbers(&self) -> KeyNumbers {
        match self {
            Detail::Share {
                population,
                achieved,
                required,
                shortfall,
                ..
            } => KeyNumbers {
                population: Some(*population),
                achieved: *achieved,
                required: Some(*required),
                shortfall: Some(*shortfall),
            },
            Detail::Window {
                population, counts, ..
            } => KeyNumbers {
                population: Some(*population),
                achieved: counts.done,
                required: Some(*population),
                shortfall: Some(counts.overdue),
            },
            Detail::Quota {
                quota,
                achieved,
                shortfall,
                ..
            } => KeyNumbers {
                population: *quota,
                achieved: *achieved,
                required: *quota,
                shortfall: *shortfall,
            },
            Detail::Postgraduate {
                achieved,
                required,
                shortfall,
                ..
            } => KeyNumbers {
                population: None,
                achieved: *achieved,
                required: Some(*required),
                shortfall: Some(*shortfall),
            },
            Detail::PlannedReady {
                population,
                ready,
                not_ready,
                missing_data,
            } => KeyNumbers {
                population: Some(*population),
                achieved: *ready,
                required: Some(*population),
                shortfall: Some(not_ready + missing_data),
            },
        }
    }
}

/// The numbers of a target row that people compare: see `Detail::key_numbers`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeyNumbers {
    /// The population, or a year's quota; `None` where there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u32>,
    pub achieved: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortfall: Option<u32>,
}

/// What a target row is about besides its rule: the group, programme and year
/// that tell the rows of one rule apart, the same in every report of a plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TargetKey {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<Program>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl TargetResult {
    /// The row's group, programme and year (see `TargetKey`).
    pub fn key(&self) -> TargetKey {
        match &self.detail {
            Detail::Share { group, .. } => TargetKey {
                group: Some(*group),
                ..TargetKey::default()
            },
            Detail::Window { program, .. } => TargetKey {
                program: *program,
                ..TargetKey::default()
            },
            Detail::Quota { subject, year, .. } => TargetKey {
                group: match subject {
                    Subject::Group { group } => Some(*group),
                    Subject::Program { .. } | Subject::Abroad { .. } => None,
                },
                program: match subject {
                    Subject::Program { program } => Some(*program),
                    Subject::Group { .. } | Subject::Abroad { .. } => None,
                },
                year: Some(*year),
            },
            Detail::Postgraduate { .. } | Detail::PlannedReady { .. } => TargetKey::default(),
        }
    }
}

/// One official under one rule, when there is something to act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Shared by every finding of a target: 1.5 million of them at national scale.
    pub rule: Arc<str>,
    pub official: OfficialIdx,
    pub status: PersonStatus,
    pub severity: Severity,
    /// The programme that is missing or late.
    pub program: Option<Program>,
    /// The date the window runs from.
    pub anchor: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    /// Days overdue, days left or days late, by `status`.
    pub days: Option<i64>,
    pub completed_on: Option<NaiveDate>,
    /// Why data is missing, or a note on the finding.
    pub note: Option<Note>,
}

/// Every target result and finding of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    pub targets: Vec<TargetResult>,
    pub findings: Vec<Finding>,
}

impl Evaluation {
    /// The worst severity of any target or finding.
    pub fn worst(&self) -> Option<Severity> {
        let targets = self.targets.iter().filter_map(|t| t.severity);
        let findings = self.findings.iter().map(|f| f.severity);
        targets.chain(findings).max()
    }
}

/// The result of a target, for the kinds that give one row.
fn result(
    target: &Target,
    status: TargetStatus,
    severity: Option<Severity>,
    detail: Detail,
) -> TargetResult {
    TargetResult {
        rule: target.rule.clone(),
        clause: target.clause.clone(),
        status,
        severity,
        detail,
    }
}

/// Evaluate every target of `plan`. Targets are independent: they are shared out
/// between two threads and their results put back in plan order (issue 6: each reads
/// the whole roster, 2 million officials at national scale).
pub fn evaluate(plan: &Plan, ctx: &Context<'_>) -> Evaluation {
    let targets = &plan.targets;
    let half = |first: usize| -> Vec<(usize, Evaluation)> {
        (first..targets.len())
            .step_by(2)
            .map(|i| {
                let mut out = Evaluation::default();
                evaluate_target(&targets[i], ctx, &mut out);
                (i, out)
            })
            .collect()
    };
    let mut results = std::thread::scope(|scope| {
        let odd = scope.spawn(|| half(1));
        let mut results = half(0);
        results.extend(
            odd.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        results
    });
    results.sort_by_key(|(i, _)| *i);
    let mut out = Evaluation::default();
    // The findings go into the largest list, which is not copied (1.5 million
    // PLANNED-READY findings at national scale): those before it in front, the rest after.
    let largest = (0..results.len()).max_by_key(|&i| results[i].1.findings.len());
    let total = results.iter().map(|(_, e)| e.findings.len()).sum::<usize>();
    if let Some(largest) = largest {
        out.findings = std::mem::take(&mut results[largest].1.findings);
        out.findings.reserve(total - out.findings.len());
        let before: Vec<Finding> = results[..largest]
            .iter_mut()
            .flat_map(|(_, e)| std::mem::take(&mut e.findings))
            .collect();
        out.findings.splice(0..0, before);
    }
    for (_, one) in results {
        out.targets.extend(one.targets);
        out.findings.extend(one.findings);
    }
    out
}

fn evaluate_target(target: &Target, ctx: &Context<'_>, out: &mut Evaluation) {
    match &target.kind {
        Kind::Share(share) => share::evaluate(target, share, ctx, out),
        Kind::Window(window) => window::evaluate(target, window, ctx, out),
        Kind::Quota(quota) => quota::evaluate(target, quota, ctx, out),
        Kind::Postgraduate(pg) => postgraduate::evaluate(target, pg, ctx, out),
        Kind::Doctorate(doctorate) => doctorate::evaluate(target, doctorate, ctx, out),
        Kind::Overseas(overseas) => overseas::evaluate(target, overseas, ctx, out),
        Kind::PlannedReady => planned_ready::evaluate(target, ctx, out),
    }
}

/// The documentation of a rule kind in both languages, printed by `explain`.
pub fn doc(kind: &Kind) -> &'static Bilingual {
    match kind {
        Kind::Share(_) => &share::DOC,
        Kind::Window(_) => &window::DOC,
        Kind::Quota(_) => &quota::DOC,
        Kind::Postgraduate(_) => &postgraduate::DOC,
        Kind::Doctorate(_) => &doctorate::DOC,
        Kind::Overseas(_) => &overseas::DOC,
        Kind::PlannedReady => &planned_ready::DOC,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Rosters built in code for the rule tests.

    use super::*;
    use crate::model::{
        Enrolment, EnrolmentStatus, Groups, Language, Names, Official, Role, TitleLevel,
    };

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A roster row built in code: the text the roster keeps apart, and the facts.
    #[derive(Clone, Debug, PartialEq)]
    pub struct OfficialRow {
        pub id: String,
        pub full_name: String,
        pub unit: String,
        pub title: String,
        pub official: Official,
    }

    impl OfficialRow {
        pub fn names(&self) -> Names<'_> {
            Names {
                id: &self.id,
                full_name: &self.full_name,
                unit: &self.unit,
                title: &self.title,
            }
        }

        /// The row with its facts changed by `change`.
        pub fn with(mut self, change: impl FnOnce(&mut Official)) -> OfficialRow {
            change(&mut self.official);
            self
        }
    }

    pub fn incumbent(id: &str) -> OfficialRow {
        OfficialRow {
            id: id.into(),
            full_name: format!("Nguyễn Văn {id}"),
            unit: "Sở Nội vụ".into(),
            title: "Giám đốc Sở".into(),
            official: Official {
                role: Role::Incumbent,
                title_level: Some(TitleLevel::Department),
                appointed_on: None,
                language_groups: Groups::default(),
                language: Language::None,
                degree: None,
                head_of: None,
                department_leader: false,
                central_plan_approved_on: None,
                line: 2,
            },
        }
    }

    pub fn planned(id: &str) -> OfficialRow {
        incumbent(id).with(|o| o.role = Role::Planned)
    }

    /// A roster and history built in code.
    pub struct World {
        pub roster: Roster,
        pub history: History,
    }

    impl World {
        pub fn new(officials: Vec<OfficialRow>) -> World {
            let mut roster = Roster::default();
            for o in officials {
                roster.insert(o.names(), o.official).unwrap();
            }
            let history = History::new(roster.len(), 2022);
            World { roster, history }
        }

        pub fn completed(&mut self, id: &str, program: Program, start: NaiveDate, done: NaiveDate) {
            self.enrol(
                id,
                program,
                start,
                Some(done),
                EnrolmentStatus::Completed,
                false,
            );
        }

        pub fn enrol(
            &mut self,
            id: &str,
            program: Program,
            start: NaiveDate,
            done: Option<NaiveDate>,
            status: EnrolmentStatus,
            abroad: bool,
        ) {
            let official = self.roster.find(id).unwrap();
            self.history.record(&Enrolment {
                official,
                program,
                started_on: start,
                completed_on: done,
                status,
                abroad,
            });
        }

        pub fn ctx(&self, as_of: NaiveDate) -> Context<'_> {
            Context {
                roster: &self.roster,
                history: &self.history,
                as_of,
                due_soon_days: 90,
            }
        }
    }

    pub fn target(rule: &str, kind: Kind) -> Target {
        Target {
            rule: rule.into(),
            clause: "x".into(),
            text_vi: String::new(),
            text_en: String::new(),
            kind,
        }
    }

    /// A plan of these targets, counting from 2023.
    pub fn plan(targets: Vec<Target>) -> Plan {
        Plan {
            id: "test".into(),
            issued_on: date(2023, 6, 5),
            issuer: String::new(),
            title_vi: String::new(),
            title_en: String::new(),
            first_year: 2023,
            targets,
        }
    }

    pub fn run(target: &Target, ctx: &Context<'_>) -> Evaluation {
        evaluate(&plan(vec![target.clone()]), ctx)
    }

    /// TITLE-2Y as in Plan 143: the title programme within 24 months of appointment.
    pub fn title_2y() -> Target {
        target(
            "TITLE-2Y",
            Kind::Window(crate::plan::Window {
                applies_to: crate::plan::AppliesTo::Incumbents,
                anchor: crate::plan::Anchor::AppointedOn,
                program: crate::plan::Required::ByTitleLevel,
                months: 24,
            }),
        )
    }

    /// SECTOR-2Y as in Plan 143: the sector programme within 24 months, for
    /// department leaders.
    pub fn sector_2y() -> Target {
        target(
            "SECTOR-2Y",
            Kind::Window(crate::plan::Window {
                applies_to: crate::plan::AppliesTo::DepartmentLeaders,
                anchor: crate::plan::Anchor::AppointedOn,
                program: crate::plan::Required::Program(Program::Sector),
                months: 24,
            }),
        )
    }

    /// PG-HEAD-DOCTOR as in Plan 143: the four heads, by 31/12/2026.
    pub fn pg_head_doctor() -> Target {
        use crate::model::HeadOf;
        target(
            "PG-HEAD-DOCTOR",
            Kind::Doctorate(crate::plan::Doctorate {
                heads: vec![
                    HeadOf::PoliticalSchool,
                    HeadOf::College,
                    HeadOf::Health,
                    HeadOf::ScienceTechnology,
                ],
                deadline: date(2026, 12, 31),
            }),
        )
    }

    /// An incumbent appointed on `on`.
    pub fn appointed(id: &str, on: NaiveDate) -> OfficialRow {
        incumbent(id).with(|o| o.appointed_on = Some(on))
    }

    /// `per_year[i]` officials starting a master's on 1 September of 2023 + i.
    pub fn master_starts(per_year: &[usize]) -> World {
        let total: usize = per_year.iter().sum();
        let mut w = World::new((0..total).map(|i| incumbent(&format!("P{i}"))).collect());
        let years = (2023..).zip(per_year);
        let starts = years.flat_map(|(year, &n)| std::iter::repeat_n(year, n));
        for (i, year) in starts.enumerate() {
            w.enrol(
                &format!("P{i}"),
                Program::Master,
                date(year, 9, 1),
                None,
                EnrolmentStatus::Enrolled,
                false,
            );
        }
        w
    }
}

#[cfg(test)]
mod registry {
    use super::*;
    use crate::i18n::Lang;

    /// Every kind's documentation.
    const DOCS: [(&str, &Bilingual); 7] = [
        ("share", &share::DOC),
        ("window", &window::DOC),
        ("quota", &quota::DOC),
        ("postgraduate", &postgraduate::DOC),
        ("doctorate", &doctorate::DOC),
        ("overseas", &overseas::DOC),
        ("planned_ready", &planned_ready::DOC),
    ];

    #[test]
    fn every_kind_documents_itself_under_the_four_headings_in_order() {
        for lang in [Lang::En, Lang::Vi] {
            for (name, doc) in DOCS {
                let doc = doc.get(lang);
                // the four headings of the language, in order, and no other
                let headings: Vec<&str> = doc.lines().filter(|l| l.starts_with('#')).collect();
                assert_eq!(headings, lang.words().doc_headings, "{name} ({lang:?})");
                let mut at = 0;
                for heading in lang.words().doc_headings {
                    let heading = format!("{heading}\n");
                    let found = doc[at..].find(&heading);
                    assert!(
                        found.is_some(),
                        "{name} ({lang:?}): no \"{}\" after byte {at}",
                        heading.trim()
                    );
                    let start = at + found.unwrap_or(0) + heading.len();
                    let body_end = doc[start..].find("\n## ").map_or(doc.len(), |e| start + e);
                    assert!(
                        doc[start..body_end].trim().len() > 20,
                        "{name} ({lang:?}): \"{}\" is empty",
                        heading.trim()
                    );
                    at = start;
                }
            }
        }
    }

    #[test]
    fn the_vietnamese_docs_are_nfc_translations_of_the_english_ones() {
        let bullets = |text: &str| text.lines().filter(|l| l.starts_with("- ")).count();
        for (name, doc) in DOCS {
            assert!(unicode_normalization::is_nfc(doc.vi), "{name}");
            assert_ne!(doc.vi, doc.en, "{name}");
            // every case of the English is there, none left out
            assert_eq!(bullets(doc.vi), bullets(doc.en), "{name}");
            // the plan's terms, not English statuses
            for english in [
                "overdue",
                "due soon",
                " met",
                "incumbent",
                "planned official",
            ] {
                assert!(!doc.vi.contains(english), "{name}: {english:?}");
            }
        }
    }
}
