//! Reading a plan file (TOML) into a [`Plan`], refusing what does not make sense
//! with the line it is on (BAD-INPUT row 35).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::datafile::{self, Checker};
use crate::input::diag::problem::{Data, DataFile, Problem, Quantity, TargetOf};
use crate::input::diag::{Code, Diagnostic};
use crate::input::values::{HEADS, PROGRAMS, parse_term};
use crate::model::{HeadOf, Program};
use crate::plan::{
    Anchor, AppliesTo, Doctorate, Kind, Overseas, Plan, Postgraduate, Quota, QuotaSubject,
    Required, Share, Target, Window, YearQuota,
};

pub(super) const EMBEDDED: &str = include_str!("../../data/plan-143-KH-UBND-2023.toml");
/// How messages name the embedded plan.
pub const EMBEDDED_NAME: &str = "data/plan-143-KH-UBND-2023.toml (embedded)";

/// Load the plan in `path`, or the embedded default.
pub fn load_plan(path: Option<&Path>) -> Result<Plan, Diagnostic> {
    let Some(path) = path else {
        return parse_plan(EMBEDDED, EMBEDDED_NAME);
    };
    let text = datafile::read_text(path, DataFile::Plan)?;
    parse_plan(&text, &path.display().to_string())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: RawHeader,
    #[serde(default)]
    target: Vec<Spanned<RawTarget>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: String,
    issued_on: Spanned<toml::value::Datetime>,
    issuer: String,
    title_vi: String,
    title_en: String,
    first_year: Spanned<i64>,
}

type Num = Option<Spanned<i64>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    rule: Spanned<String>,
    kind: Spanned<String>,
    clause: String,
    text_vi: String,
    text_en: String,
    group: Num,
    percent: Num,
    min_level: Num,
    baseline: Option<String>,
    applies_to: Option<Spanned<String>>,
    anchor: Option<Spanned<String>>,
    program: Option<Spanned<String>>,
    months: Num,
    total: Num,
    quotas: Option<Spanned<BTreeMap<String, Spanned<i64>>>>,
    derived_year: Num,
    programs: Option<Spanned<Vec<Spanned<String>>>>,
    min_per_year: Num,
    max_per_year: Num,
    from_year: Num,
    heads: Option<Spanned<Vec<Spanned<String>>>>,
    deadline: Option<Spanned<toml::value::Datetime>>,
}

/// What only a plan file holds: programmes, heads, choices and yearly quotas.
impl Checker<'_> {
    fn program(&self, value: &Spanned<String>, key: &'static str) -> Result<Program, Diagnostic> {
        parse_term(value.get_ref(), &PROGRAMS).map_err(|bad| {
            self.error(
                value.span(),
                Data::BadTerm {
                    key,
                    value: value.get_ref().clone(),
                    bad,
                    listed: false,
                },
            )
        })
    }

    fn head(&self, value: &Spanned<String>) -> Result<HeadOf, Diagnostic> {
        parse_term(value.get_ref(), &HEADS).map_err(|bad| {
            self.error(
                value.span(),
                Data::BadTerm {
                    key: "heads",
                    value: value.get_ref().clone(),
                    bad,
                    listed: true,
                },
            )
        })
    }

    fn choice<T: Copy>(
        &self,
        value: &Spanned<String>,
        key: &'static str,
        choices: &[(&str, T)],
    ) -> Result<T, Diagnostic> {
        choices
            .iter()
            .find(|(name, _)| *name == value.get_ref())
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
                self.error(
                    value.span(),
                    Data::NotOneOf {
                        key,
                        value: value.get_ref().clone(),
                        choices: names.join(", "),
                    },
                )
            })
    }

    /// `year = number` pairs, in year order.
    fn quotas(
        &self,
        quotas: &Spanned<BTreeMap<String, Spanned<i64>>>,
    ) -> Result<Vec<YearQuota>, Diagnostic> {
        let mut years = Vec::new();
        for (year, quota) in quotas.get_ref() {
            let y: i32 = year
                .parse()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| self.error(quotas.span(), Data::QuotaYear { year: year.clone() }))?;
            let q = self.number(
                quota,
                &format!("quotas.{year}"),
                0..1_000_000_000,
                Quantity::Quota,
            )?;
            years.push(YearQuota {
                year: y,
                quota: q,
                derived: false,
            });
        }
        years.sort_by_key(|q| q.year);
        Ok(years)
    }
}

/// Parse a plan file's text; `file` names it in messages.
pub fn parse_plan(text: &str, file: &str) -> Result<Plan, Diagnostic> {
    let check = Checker {
        text,
        file,
        code: Code::Plan,
    };
    let raw: RawFile = check.parse()?;
    let header = raw.plan;
    let mut targets = Vec::with_capacity(raw.target.len());
    let mut keys = BTreeMap::new();
    for spanned in &raw.target {
        let target = read_target(&check, spanned.get_ref(), spanned.span())?;
        let key = (target.rule.clone(), identity(&target.kind));
        if let Some(first) = keys.insert(key, check.line(spanned.span())) {
            return Err(check.error(
                spanned.get_ref().rule.span(),
                Data::TargetTwice {
                    rule: target.rule.clone(),
                    of: identity(&target.kind),
                    first,
                },
            ));
        }
        targets.push(target);
    }
    if targets.is_empty() {
        return Err(Diagnostic::error(
            file,
            None,
            Code::Plan,
            Problem::Data(Data::NoTargets),
        ));
    }
    Ok(Plan {
        id: header.id,
        issued_on: check.date(&header.issued_on, "issued_on")?,
        issuer: header.issuer,
        title_vi: header.title_vi,
        title_en: header.title_en,
        first_year: check.year(&header.first_year, "first_year")?,
        targets,
    })
}

/// What tells two targets of one rule id apart: their group or programme.
fn identity(kind: &Kind) -> TargetOf {
    match kind {
        Kind::Share(s) => TargetOf::Group(s.group),
        Kind::Quota(q) => match q.subject {
            QuotaSubject::Program(p) => TargetOf::Program(p.code()),
            QuotaSubject::LanguageGroup(g) => TargetOf::Group(g),
        },
        _ => TargetOf::Nothing,
    }
}

fn read_target(
    check: &Checker<'_>,
    raw: &RawTarget,
    span: Range<usize>,
) -> Result<Target, Diagnostic> {
    let rule = raw.rule.get_ref().trim();
    if rule.is_empty() {
        return Err(check.error(raw.rule.span(), Data::Empty { key: "rule" }));
    }
    let kind_name = raw.kind.get_ref().as_str();
    // Which optional keys each kind takes; any other present key is an error.
    let allowed: &[&str] = match kind_name {
        "share" => &["group", "percent", "min_level", "baseline"],
        "window" => &["applies_to", "anchor", "program", "months"],
        "quota" => &["group", "program", "total", "quotas", "derived_year"],
        "postgraduate" => &["programs", "min_per_year", "max_per_year", "from_year"],
        "doctorate" => &["heads", "deadline"],
        "overseas" => &["from_year", "quotas"],
        "planned_ready" => &[],
        other => {
            return Err(check.error(
                raw.kind.span(),
                Data::NotARuleKind {
                    kind: other.to_owned(),
                },
            ));
        }
    };
    let present: [(&str, Option<Range<usize>>); 17] = [
        ("group", raw.group.as_ref().map(Spanned::span)),
        ("percent", raw.percent.as_ref().map(Spanned::span)),
        ("min_level", raw.min_level.as_ref().map(Spanned::span)),
        ("baseline", raw.baseline.as_ref().map(|_| span.clone())),
        ("applies_to", raw.applies_to.as_ref().map(Spanned::span)),
        ("anchor", raw.anchor.as_ref().map(Spanned::span)),
        ("program", raw.program.as_ref().map(Spanned::span)),
        ("months", raw.months.as_ref().map(Spanned::span)),
        ("total", raw.total.as_ref().map(Spanned::span)),
        ("quotas", raw.quotas.as_ref().map(Spanned::span)),
        ("derived_year", raw.derived_year.as_ref().map(Spanned::span)),
        ("programs", raw.programs.as_ref().map(Spanned::span)),
        ("min_per_year", raw.min_per_year.as_ref().map(Spanned::span)),
        ("max_per_year", raw.max_per_year.as_ref().map(Spanned::span)),
        ("from_year", raw.from_year.as_ref().map(Spanned::span)),
        ("heads", raw.heads.as_ref().map(Spanned::span)),
        ("deadline", raw.deadline.as_ref().map(Spanned::span)),
    ];
    for (key, at) in &present {
        if let Some(at) = at
            && !allowed.contains(key)
        {
            return Err(check.error(
                at.clone(),
                Data::DoesNotApply {
                    key: (*key).to_owned(),
                    kind: kind_name.to_owned(),
                    target: rule.to_owned(),
                    data: DataFile::Plan,
                },
            ));
        }
    }
    let missing = |key: &'static str| {
        check.error(
            span.clone(),
            Data::Needs {
                key,
                kind: kind_name.to_owned(),
                target: rule.to_owned(),
                data: DataFile::Plan,
            },
        )
    };
    let need = |value: Option<&Spanned<i64>>, key: &'static str| {
        value.cloned().ok_or_else(|| missing(key))
    };
    let kind = match kind_name {
        "share" => Kind::Share(Share {
            group: group(check, &need(raw.group.as_ref(), "group")?)?,
            percent: check.number(
                &need(raw.percent.as_ref(), "percent")?,
                "percent",
                0..101,
                Quantity::Percentage,
            )?,
            min_level: match &raw.min_level {
                Some(v) => {
                    u8::try_from(check.number(v, "min_level", 1..7, Quantity::Level)?).unwrap_or(4)
                }
                None => 4,
            },
            baseline: raw.baseline.clone(),
        }),
        "window" => {
            let applies_to = raw
                .applies_to
                .as_ref()
                .ok_or_else(|| missing("applies_to"))?;
            let anchor = raw.anchor.as_ref().ok_or_else(|| missing("anchor"))?;
            let program = raw.program.as_ref().ok_or_else(|| missing("program"))?;
            Kind::Window(Window {
                applies_to: check.choice(
                    applies_to,
                    "applies_to",
                    &[
                        ("incumbents", AppliesTo::Incumbents),
                        (
                            "centrally_planned_incumbents",
                            AppliesTo::CentrallyPlannedIncumbents,
                        ),
                        ("department_leaders", AppliesTo::DepartmentLeaders),
                    ],
                )?,
                anchor: check.choice(
                    anchor,
                    "anchor",
                    &[
                        ("appointed_on", Anchor::AppointedOn),
                        ("central_plan_approved_on", Anchor::CentralPlanApprovedOn),
                    ],
                )?,
                program: if program.get_ref() == "by_title_level" {
                    Required::ByTitleLevel
                } else {
                    Required::Program(check.program(program, "program")?)
                },
                months: check.number(
                    &need(raw.months.as_ref(), "months")?,
                    "months",
                    1..1201,
                    Quantity::Months,
                )?,
            })
        }
        "quota" => {
            let subject = match (&raw.program, &raw.group) {
                (Some(p), None) => QuotaSubject::Program(check.program(p, "program")?),
                (None, Some(g)) => QuotaSubject::LanguageGroup(group(check, g)?),
                _ => {
                    return Err(check.error(
                        span.clone(),
                        Data::ProgramOrGroup {
                            rule: rule.to_owned(),
                        },
                    ));
                }
            };
            let quotas = raw.quotas.as_ref().ok_or_else(|| missing("quotas"))?;
            let mut years = check.quotas(quotas)?;
            let total = match &raw.total {
                Some(t) => Some(check.number(t, "total", 0..1_000_000_000, Quantity::Total)?),
                None => None,
            };
            let sum: u64 = years.iter().map(|y| u64::from(y.quota)).sum();
            if let (Some(t), Some(total)) = (&raw.total, total)
                && sum > u64::from(total)
            {
                return Err(check.error(t.span(), Data::TotalBelowSum { total, sum }));
            }
            if let Some(d) = &raw.derived_year {
                let year = check.year(d, "derived_year")?;
                let Some(total) = total else {
                    return Err(check.error(d.span(), Data::DerivedWithoutTotal));
                };
                if years.iter().any(|y| y.year == year) {
                    return Err(check.error(d.span(), Data::DerivedHasQuota { year }));
                }
                let quota = u32::try_from(u64::from(total) - sum).unwrap_or(0);
                years.push(YearQuota {
                    year,
                    quota,
                    derived: true,
                });
                years.sort_by_key(|y| y.year);
            }
            Kind::Quota(Quota {
                subject,
                total,
                years,
            })
        }
        "postgraduate" => {
            let programs = raw.programs.as_ref().ok_or_else(|| missing("programs"))?;
            let programs = programs
                .get_ref()
                .iter()
                .map(|p| check.program(p, "programs"))
                .collect::<Result<Vec<_>, _>>()?;
            let min_raw = need(raw.min_per_year.as_ref(), "min_per_year")?;
            let min = check.number(&min_raw, "min_per_year", 0..1_000_000, Quantity::Number)?;
            let max_raw = need(raw.max_per_year.as_ref(), "max_per_year")?;
            let max = check.number(&max_raw, "max_per_year", 0..1_000_000, Quantity::Number)?;
            if max < min {
                return Err(check.error(max_raw.span(), Data::MaxBelowMin));
            }
            Kind::Postgraduate(Postgraduate {
                programs,
                min_per_year: min,
                max_per_year: max,
                from_year: check.year(&need(raw.from_year.as_ref(), "from_year")?, "from_year")?,
            })
        }
        "doctorate" => {
            let heads = raw.heads.as_ref().ok_or_else(|| missing("heads"))?;
            let deadline = raw.deadline.as_ref().ok_or_else(|| missing("deadline"))?;
            Kind::Doctorate(Doctorate {
                heads: heads
                    .get_ref()
                    .iter()
                    .map(|h| check.head(h))
                    .collect::<Result<Vec<_>, _>>()?,
                deadline: check.date(deadline, "deadline")?,
            })
        }
        "overseas" => Kind::Overseas(Overseas {
            from_year: check.year(&need(raw.from_year.as_ref(), "from_year")?, "from_year")?,
            years: match &raw.quotas {
                Some(q) => check.quotas(q)?,
                None => Vec::new(),
            },
        }),
        _ => Kind::PlannedReady,
    };
    Ok(Target {
        rule: rule.to_owned(),
        clause: raw.clause.clone(),
        text_vi: raw.text_vi.clone(),
        text_en: raw.text_en.clone(),
        kind,
    })
}

fn group(check: &Checker<'_>, value: &Spanned<i64>) -> Result<u8, Diagnostic> {
    let g = check.number(value, "group", 1..4, Quantity::LanguageGroup)?;
    // 1 to 3 by the range above
    u8::try_from(g).map_err(|_| {
        check.error(
            value.span(),
            Data::OutOfRange {
                key: "group".to_owned(),
                value: i64::from(g),
                what: Quantity::LanguageGroup,
                min: 1,
                max: 3,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Plan {
        parse_plan(EMBEDDED, EMBEDDED_NAME).unwrap()
    }

    #[test]
    fn the_embedded_plan_has_every_rule_of_the_spec() {
        let plan = embedded();
        assert_eq!(plan.id, "143/KH-UBND");
        assert_eq!(
            plan.rule_ids(),
            vec![
                "PG-ANNUAL",
                "PG-HEAD-DOCTOR",
                "LANG-1",
                "LANG-2",
                "LANG-3",
                "TITLE-2Y",
                "CVCC-2Y",
                "SECTOR-2Y",
                "OVERSEAS",
                "QUOTA-A1",
                "QUOTA-A2",
                "PLANNED-READY",
            ]
        );
        for t in &plan.targets {
            assert!(
                !t.clause.is_empty() && !t.text_vi.is_empty() && !t.text_en.is_empty(),
                "{}",
                t.rule
            );
        }
    }

    #[test]
    fn derives_the_blank_2025_column_of_appendix_2() {
        let plan = embedded();
        let derived: Vec<(Program, u32)> = plan
            .targets
            .iter()
            .filter_map(|t| match &t.kind {
                Kind::Quota(Quota {
                    subject: QuotaSubject::Program(p),
                    years,
                    ..
                }) => years
                    .iter()
                    .find(|y| y.year == 2025 && y.derived)
                    .map(|y| (*p, y.quota)),
                _ => None,
            })
            .collect();
        assert_eq!(
            derived,
            vec![
                (Program::TitleDepartment, 39),
                (Program::TitleDistrict, 10),
                (Program::SeniorSpecialist, 10),
                (Program::PrincipalSpecialist, 7),
            ]
        );
    }

    #[test]
    fn reads_the_group_percentages_and_language_numbers() {
        let plan = embedded();
        let shares: Vec<(u8, u32)> = plan
            .targets
            .iter()
            .filter_map(|t| match &t.kind {
                Kind::Share(s) => Some((s.group, s.percent)),
                _ => None,
            })
            .collect();
        assert_eq!(shares, vec![(1, 25), (2, 30), (3, 50)]);
        let group3 = plan
            .targets
            .iter()
            .find_map(|t| match &t.kind {
                Kind::Quota(q) if q.subject == QuotaSubject::LanguageGroup(3) => {
                    Some(q.years.clone())
                }
                _ => None,
            })
            .unwrap();
        assert_eq!(
            group3.iter().map(|y| (y.year, y.quota)).collect::<Vec<_>>(),
            vec![(2023, 1), (2024, 1)]
        );
    }

    fn with_target(extra: &str) -> String {
        let head = EMBEDDED.split("\n[[target]]").next().unwrap();
        format!("{head}\n[[target]]\n{extra}")
    }

    fn error(text: &str) -> String {
        parse_plan(text, "plan.toml").unwrap_err().to_string()
    }

    #[test]
    fn refuses_a_wrong_key_with_its_line() {
        let text = with_target(
            "rule = \"X\"\nkind = \"planned_ready\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\npercentt = 3\n",
        );
        let line = text.lines().count();
        let msg = error(&text);
        assert!(
            msg.starts_with(&format!("plan.toml:{line}: error[plan]:")),
            "{msg}"
        );
        assert!(msg.contains("percentt"), "{msg}");
    }

    #[test]
    fn refuses_a_percentage_over_100_and_a_negative_quota() {
        let text = with_target(
            "rule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 130\n",
        );
        let msg = error(&text);
        assert!(
            msg.contains(&format!(":{}:", text.lines().count())),
            "{msg}"
        );
        assert!(msg.contains("percent` = 130"), "{msg}");
        let text = with_target(
            "rule = \"Q\"\nkind = \"quota\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\nquotas = { 2024 = -3 }\n",
        );
        let msg = error(&text);
        assert!(
            msg.contains(&format!(":{}:", text.lines().count())),
            "{msg}"
        );
        assert!(msg.contains("cannot be negative"), "{msg}");
    }

    #[test]
    fn refuses_keys_of_another_kind_and_unknown_kinds() {
        let msg = error(&with_target(
            "rule = \"W\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 3\nmonths = 24\n",
        ));
        assert!(
            msg.contains("`months` does not apply to a share target"),
            "{msg}"
        );
        let msg = error(&with_target(
            "rule = \"W\"\nkind = \"shares\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\n",
        ));
        assert!(msg.contains("not a rule kind"), "{msg}");
    }

    #[test]
    fn refuses_the_same_target_twice() {
        let share = "rule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 3\n";
        let msg = error(&with_target(&format!("{share}[[target]]\n{share}")));
        assert!(msg.contains("already defined"), "{msg}");
    }

    #[test]
    fn refuses_broken_toml_with_its_line() {
        let msg = error("[plan]\nid = \"x\"\nissued_on = \n");
        assert!(msg.starts_with("plan.toml:3: error[plan]:"), "{msg}");
    }
}
