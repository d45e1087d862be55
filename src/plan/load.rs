//! Reading a plan file (TOML) into a [`Plan`], refusing what does not make sense
//! with the line it is on: the header and the keys every target has here, each
//! target's own keys by its kind (`kinds/`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::datafile::{self, Checker};
use crate::input::diag::problem::{Data, DataFile, Problem};
use crate::input::diag::{Code, Diagnostic};
use crate::plan::kinds::{self, Kind, Table};
use crate::plan::{Plan, Target};

pub(super) const EMBEDDED: &str = include_str!("../../data/plan-143-KH-UBND-2023.toml");
/// How messages name the embedded plan.
pub const EMBEDDED_NAME: &str = "data/plan-143-KH-UBND-2023.toml (embedded)";

/// The keys every target has, whatever its kind.
const TARGET_KEYS: [&str; 5] = ["rule", "kind", "clause", "text_vi", "text_en"];

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

/// What every target has; the rest of its keys are its kind's.
#[derive(Deserialize)]
struct RawTarget {
    rule: Spanned<String>,
    kind: Spanned<String>,
    clause: String,
    text_vi: String,
    text_en: String,
}

/// Parse a plan file's text; `file` names it in messages.
pub fn parse_plan(text: &str, file: &str) -> Result<Plan, Diagnostic> {
    let check = Checker {
        text,
        file,
        code: Code::Plan,
    };
    let raw: RawFile = check.parse()?;
    let tables = target_tables(&check)?;
    for table in &tables {
        known_keys(&check, table)?;
    }
    let header = raw.plan;
    let mut targets = Vec::with_capacity(raw.target.len());
    let mut keys = BTreeMap::new();
    for (spanned, table) in raw.target.iter().zip(&tables) {
        let target = read_target(&check, spanned, table)?;
        let key = (target.rule.clone(), target.kind.identity());
        if let Some(first) = keys.insert(key, check.line(spanned.span())) {
            return Err(check.error(
                spanned.get_ref().rule.span(),
                Data::TargetTwice {
                    rule: target.rule.clone(),
                    of: target.kind.identity(),
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

/// Every `[[target]]` of the file with its keys and where each is, in file order.
fn target_tables<'t>(check: &Checker<'t>) -> Result<Vec<Spanned<DeTable<'t>>>, Diagnostic> {
    let toml_error = |e: toml::de::Error| {
        let line = e.span().map(|s| check.line(s));
        check.error_at(line, Data::Toml(e.message().trim().to_owned()))
    };
    let mut root = DeTable::parse(check.text).map_err(toml_error)?.into_inner();
    let Some(targets) = root.remove("target") else {
        return Ok(Vec::new());
    };
    // the file's shape was checked when it was read whole: an array of tables
    let DeValue::Array(targets) = targets.into_inner() else {
        return Ok(Vec::new());
    };
    Ok(targets
        .into_iter()
        .filter_map(|t| {
            let span = t.span();
            match t.into_inner() {
                DeValue::Table(table) => Some(Spanned::new(span, table)),
                _ => None,
            }
        })
        .collect())
}

/// Refuse a key that no target has, whatever its kind, as the TOML reader
/// refuses an unknown key of the header: by its line, with the keys there are.
fn known_keys(check: &Checker<'_>, table: &Spanned<DeTable<'_>>) -> Result<(), Diagnostic> {
    let known: Vec<&str> = TARGET_KEYS.into_iter().chain(kinds::all_keys()).collect();
    let mut unknown: Vec<&Spanned<_>> = table
        .get_ref()
        .keys()
        .filter(|k| !known.contains(&k.get_ref().as_ref()))
        .collect();
    unknown.sort_by_key(|k| k.span().start);
    match unknown.first() {
        None => Ok(()),
        Some(key) => {
            let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            Err(check.error(
                key.span(),
                Data::Toml(format!(
                    "unknown field `{}`, expected one of {}",
                    key.get_ref(),
                    expected.join(", ")
                )),
            ))
        }
    }
}

fn read_target(
    check: &Checker<'_>,
    raw: &Spanned<RawTarget>,
    table: &Spanned<DeTable<'_>>,
) -> Result<Target, Diagnostic> {
    let (span, raw) = (raw.span(), raw.get_ref());
    let rule = raw.rule.get_ref().trim();
    if rule.is_empty() {
        return Err(check.error(raw.rule.span(), Data::Empty { key: "rule" }));
    }
    let kind_name = raw.kind.get_ref().as_str();
    let Some(about) = kinds::KINDS.iter().find(|k| k.name == kind_name) else {
        return Err(check.error(
            raw.kind.span(),
            Data::NotARuleKind {
                kind: kind_name.to_owned(),
                kinds: kinds::names(),
            },
        ));
    };
    // Any key of another kind is an error, in the order the kinds name them.
    for key in kinds::all_keys() {
        if let Some(value) = table.get_ref().get(key)
            && !about.keys.contains(&key)
        {
            return Err(check.error(
                value.span(),
                Data::DoesNotApply {
                    key: key.to_owned(),
                    kind: kind_name.to_owned(),
                    target: rule.to_owned(),
                    data: DataFile::Plan,
                },
            ));
        }
    }
    let keys = Table::new(check, rule, kind_name, span, table.get_ref());
    let kind = match Kind::parse(kind_name, &keys) {
        Some(kind) => kind?,
        None => {
            return Err(check.error(
                raw.kind.span(),
                Data::NotARuleKind {
                    kind: kind_name.to_owned(),
                    kinds: kinds::names(),
                },
            ));
        }
    };
    Ok(Target {
        rule: rule.to_owned(),
        clause: raw.clause.clone(),
        text_vi: raw.text_vi.clone(),
        text_en: raw.text_en.clone(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Program;
    use crate::plan::kinds::quota::{Quota, QuotaSubject};

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
