//! Reading a plan file (TOML) into a [`Plan`], refusing what does not make sense
//! with the line it is on: the header and the keys every target has here, each
//! target's own keys by its kind (`kinds/`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::datafile::{self, Checker};
use crate::diag::problem::{Data, DataFile, Problem, Quantity, TargetOf};
use crate::diag::{Code, Diagnostic};
use crate::model::{Groups, Program};
use crate::plan::kinds::{self, Kind, Table};
use crate::plan::{Glossary, LanguageGroup, Plan, Target};

pub(super) const EMBEDDED: &str = include_str!("../../data/plan-143-KH-UBND-2023.toml");
/// How messages name the embedded plan.
/// The embedded plan's file in the repository, and the name reports give it.
pub const EMBEDDED_FILE: &str = "data/plan-143-KH-UBND-2023.toml";
pub const EMBEDDED_NAME: &str = concat!("data/plan-143-KH-UBND-2023.toml", " (embedded)");

/// The keys every target has, whatever its kind.
const TARGET_KEYS: [&str; 5] = ["rule", "kind", "clause", "text_vi", "text_en"];

/// Load the plan in `path`, or the embedded default.
pub fn load_plan(path: Option<&Path>) -> Result<Plan, Diagnostic> {
    datafile::load(path, DataFile::Plan, (EMBEDDED, EMBEDDED_NAME), parse_plan)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: RawHeader,
    language_groups: Option<Spanned<RawGroups>>,
    /// Each clause written in English (`App. 01 row 1`) and its Vietnamese citation.
    #[serde(default)]
    clauses_vi: BTreeMap<String, String>,
    /// Each programme's code and its name in Vietnamese: an unknown code is
    /// refused with its line.
    #[serde(default)]
    programs_vi: BTreeMap<Program, String>,
    #[serde(default)]
    target: Vec<Spanned<RawTarget>>,
}

/// The language groups, numbered 1, 2, 3… in the order given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroups {
    #[serde(default)]
    clause: String,
    group: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    name_en: String,
    name_vi: String,
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
    /// How people call the plan; the plan's id when not given.
    name_en: Option<String>,
    name_vi: Option<String>,
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
    let check = Checker::new(DataFile::Plan, text, file);
    let raw: RawFile = check.parse()?;
    let tables = target_tables(&check)?;
    for table in &tables {
        known_keys(&check, table)?;
    }
    let header = raw.plan;
    let groups = match &raw.language_groups {
        Some(groups) => Some(language_groups(&check, groups)?),
        None => None,
    };
    let count = groups
        .as_ref()
        .map(|g| u8::try_from(g.len()).unwrap_or(Groups::MAX));
    let mut targets = Vec::with_capacity(raw.target.len());
    let mut keys = BTreeMap::new();
    for (spanned, table) in raw.target.iter().zip(&tables) {
        let target = read_target(&check, spanned, table, count)?;
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
    let glossary = Glossary {
        id: header.id.clone(),
        // a file that names no plan: people call it by its number
        name_en: header.name_en.unwrap_or_default(),
        name_vi: header.name_vi.unwrap_or_default(),
        // a file that lists no groups has those its targets name, by number
        groups: groups.unwrap_or_else(|| unnamed(&targets)),
        groups_clause: raw
            .language_groups
            .map(|g| g.into_inner().clause)
            .unwrap_or_default(),
        clauses_vi: raw.clauses_vi.into_iter().collect(),
        programs_vi: raw.programs_vi.into_iter().collect(),
    };
    Ok(Plan {
        id: header.id,
        issued_on: check.date(&header.issued_on, "issued_on")?,
        issuer: header.issuer,
        title_vi: header.title_vi,
        title_en: header.title_en,
        first_year: check.year(&header.first_year, "first_year")?,
        glossary: Arc::new(glossary),
        targets,
    })
}

/// The language groups of the file, at most as many as an official can be in.
fn language_groups(
    check: &Checker<'_>,
    raw: &Spanned<RawGroups>,
) -> Result<Vec<LanguageGroup>, Diagnostic> {
    let groups = &raw.get_ref().group;
    if groups.len() > usize::from(Groups::MAX) {
        return Err(check.error(
            raw.span(),
            Data::OutOfRange {
                key: "language_groups.group".to_owned(),
                value: i64::try_from(groups.len()).unwrap_or(i64::MAX),
                what: Quantity::LanguageGroup,
                min: 1,
                max: i64::from(Groups::MAX),
            },
        ));
    }
    Ok(groups
        .iter()
        .map(|g| LanguageGroup {
            name_en: g.name_en.clone(),
            name_vi: g.name_vi.clone(),
        })
        .collect())
}

/// Groups 1 to the highest any target names, without names: the reports call
/// each by its number.
fn unnamed(targets: &[Target]) -> Vec<LanguageGroup> {
    let highest = targets
        .iter()
        .filter_map(|t| match t.kind.identity() {
            TargetOf::Group(g) => Some(g),
            TargetOf::Program(_) | TargetOf::Nothing => None,
        })
        .max()
        .unwrap_or(0);
    (1..=highest)
        .map(|_| LanguageGroup {
            name_en: String::new(),
            name_vi: String::new(),
        })
        .collect()
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

/// A target of the file; `groups`: how many language groups the file defines,
/// if it says.
fn read_target(
    check: &Checker<'_>,
    raw: &Spanned<RawTarget>,
    table: &Spanned<DeTable<'_>>,
    groups: Option<u8>,
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
    let keys = Table {
        check,
        rule,
        kind: kind_name,
        span,
        keys: table.get_ref(),
        groups,
    };
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
    use crate::lang::Lang;
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

    /// What `each` takes of every target of the embedded plan, in plan order.
    fn of_embedded<T>(each: impl Fn(&Kind) -> Option<T>) -> Vec<T> {
        embedded()
            .targets
            .iter()
            .filter_map(|t| each(&t.kind))
            .collect()
    }

    #[test]
    fn derives_the_blank_2025_column_of_appendix_2() {
        let derived = of_embedded(|kind| match kind {
            Kind::Quota(Quota {
                subject: QuotaSubject::Program(p),
                years,
                ..
            }) => years
                .iter()
                .find(|y| y.year == 2025 && y.derived)
                .map(|y| (*p, y.quota)),
            _ => None,
        });
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
        let shares = of_embedded(|kind| match kind {
            Kind::Share(s) => Some((s.group, s.percent)),
            _ => None,
        });
        assert_eq!(shares, vec![(1, 25), (2, 30), (3, 50)]);
        let group3 = of_embedded(|kind| match kind {
            Kind::Quota(q) if q.subject == QuotaSubject::LanguageGroup(3) => Some(
                q.years
                    .iter()
                    .map(|y| (y.year, y.quota))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        });
        assert_eq!(group3, vec![vec![(2023, 1), (2024, 1)]]);
    }

    fn with_target(extra: &str) -> String {
        let head = EMBEDDED.split("\n[[target]]").next().unwrap();
        format!("{head}\n[[target]]\n{extra}")
    }

    #[test]
    fn the_rules_from_appointment_are_the_windows_that_run_from_it() {
        assert_eq!(
            embedded().rules_from_appointment(),
            vec!["TITLE-2Y", "SECTOR-2Y"]
        );
        let text = with_target(
            "rule = \"APPOINTED-1Y\"\nkind = \"window\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\napplies_to = \"incumbents\"\nanchor = \"appointed_on\"\nprogram = \"sector\"\nmonths = 12\n",
        );
        let plan = parse_plan(&text, "plan.toml").unwrap();
        assert_eq!(plan.rules_from_appointment(), vec!["APPOINTED-1Y"]);
    }

    fn error(text: &str) -> String {
        parse_plan(text, "plan.toml").unwrap_err().to_string()
    }

    /// The error of the embedded plan with `target` after its targets, which
    /// says `said`.
    fn refused(target: &str, said: &str) -> String {
        let msg = error(&with_target(target));
        assert!(msg.contains(said), "{msg}");
        msg
    }

    #[test]
    fn reads_the_programmes_vietnamese_names_and_refuses_an_unknown_programme_with_its_line() {
        let plan = embedded();
        assert_eq!(
            plan.glossary.program_name_vi(Program::TitleDistrict),
            Some("Lãnh đạo, quản lý cấp huyện")
        );
        let head = "[plan]\nid = \"X\"\nissued_on = 2030-01-01\nissuer = \"i\"\ntitle_vi = \"v\"\n\
            title_en = \"e\"\nfirst_year = 2030\n";
        let target = "[[target]]\nrule = \"S\"\nkind = \"planned_ready\"\nclause = \"c\"\n\
            text_vi = \"v\"\ntext_en = \"e\"\n";
        let named = format!("{head}[programs_vi]\nsector = \"Chuyên môn\"\n{target}");
        let plan = parse_plan(&named, "plan.toml").unwrap();
        assert_eq!(
            plan.glossary.program_name_vi(Program::Sector),
            Some("Chuyên môn")
        );
        assert_eq!(plan.glossary.program_name_vi(Program::Master), None);
        let typo = format!("{head}[programs_vi]\nsectr = \"Chuyên môn\"\n{target}");
        let msg = error(&typo);
        assert!(msg.starts_with("plan.toml:9: error[plan]:"), "{msg}");
        assert!(msg.contains("sectr"), "{msg}");
    }

    #[test]
    fn refuses_a_wrong_key_a_percentage_over_100_and_a_negative_quota_on_their_line() {
        // the last key of the last target is the wrong one
        for (target, said) in [
            (
                "rule = \"X\"\nkind = \"planned_ready\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\npercentt = 3\n",
                "percentt",
            ),
            (
                "rule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 130\n",
                "percent` = 130",
            ),
            (
                "rule = \"Q\"\nkind = \"quota\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\nquotas = { 2024 = -3 }\n",
                "cannot be negative",
            ),
        ] {
            let line = with_target(target).lines().count();
            let msg = refused(target, said);
            assert!(
                msg.starts_with(&format!("plan.toml:{line}: error[plan]:")),
                "{msg}"
            );
        }
    }

    #[test]
    fn refuses_keys_of_another_kind_and_unknown_kinds() {
        refused(
            "rule = \"W\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 3\nmonths = 24\n",
            "`months` does not apply to a share target",
        );
        refused(
            "rule = \"W\"\nkind = \"shares\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\n",
            "not a rule kind",
        );
    }

    #[test]
    fn refuses_the_same_target_twice() {
        let share = "rule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 1\npercent = 3\n";
        refused(&format!("{share}[[target]]\n{share}"), "already defined");
    }

    #[test]
    fn reads_the_language_groups_and_the_vietnamese_citations() {
        let plan = embedded();
        let g = &plan.glossary;
        assert_eq!(
            (g.name_given(Lang::En), g.name_given(Lang::Vi)),
            (Some("Plan 143"), Some("Kế hoạch 143"))
        );
        assert_eq!(g.group_numbers().count, 3);
        assert_eq!(g.groups_clause, "II.2.a–c");
        assert_eq!(
            (g.group_name(2, Lang::En), g.group_name(2, Lang::Vi)),
            (Some("group 2"), Some("nhóm 2"))
        );
        assert_eq!(
            g.clause("App. 01 row 1, last column", Lang::Vi),
            "Phụ lục 01 dòng 1, cột cuối"
        );
        assert_eq!(
            g.clause("App. 01 row 1, last column", Lang::En),
            "App. 01 row 1, last column"
        );
        // the plan's own numbering reads the same in both
        assert_eq!(g.clause("II.2.đ", Lang::Vi), "II.2.đ");
        // every clause citing an appendix in English has its Vietnamese citation
        for t in plan.targets.iter().filter(|t| t.clause.contains("App.")) {
            assert!(
                !g.clause(&t.clause, Lang::Vi).contains("App."),
                "{} has no Vietnamese citation",
                t.clause
            );
        }
    }

    #[test]
    fn a_target_names_only_a_group_of_the_plan() {
        refused(
            "rule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 4\npercent = 3\n",
            "`group` = 4: a language group must be from 1 to 3",
        );
    }

    #[test]
    fn a_plan_without_its_groups_has_those_its_targets_name() {
        let head = "[plan]\nid = \"X\"\nissued_on = 2030-01-01\nissuer = \"i\"\ntitle_vi = \"v\"\ntitle_en = \"e\"\nfirst_year = 2030\n";
        let text = format!(
            "{head}[[target]]\nrule = \"L\"\nkind = \"share\"\nclause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 5\npercent = 3\n"
        );
        let plan = parse_plan(&text, "plan.toml").unwrap();
        assert_eq!(plan.glossary.group_numbers().count, 5);
        // named by their number, and the plan by its, in `i18n`
        assert_eq!(plan.glossary.group_name(5, Lang::Vi), None);
        assert_eq!(plan.glossary.name_given(Lang::En), None);
        assert_eq!(plan.glossary.id, "X");
    }

    #[test]
    fn refuses_more_language_groups_than_an_official_can_be_in() {
        let groups = "{ name_en = \"g\", name_vi = \"n\" }, ".repeat(8);
        let text = EMBEDDED.replacen("group = [", &format!("group = [{groups}"), 1);
        let msg = error(&text);
        assert!(msg.contains("`language_groups.group` = 11"), "{msg}");
    }

    #[test]
    fn refuses_broken_toml_with_its_line() {
        let msg = error("[plan]\nid = \"x\"\nissued_on = \n");
        assert!(msg.starts_with("plan.toml:3: error[plan]:"), "{msg}");
    }
}
