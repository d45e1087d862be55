//! The words of the rule kinds: what `explain` prints about a kind (its DOC, in
//! both languages, with the numbers of the plan it quotes) and how a report words
//! a kind's target rows (their cells in the targets table, a line under it).
//!
//! A kind is code in `plan::kinds`, one folder each: its configuration, its
//! evaluation and the numbers of its rows. Its words are here, one file each
//! (`share.rs` words `plan::kinds::share`), implementing [`KindWords`] for the
//! kind. The `words!` at the end, made from the list of every kind in
//! `plan::kinds` (`every_kind!`), makes the dispatch the renderers and `explain` use: [`Lang::kind_doc`], [`Lang::cells`] and
//! [`Lang::remark`]. Its matches over `Kind` and `Detail` are exhaustive, so a kind
//! of the registry without its words here does not build.
//!
//! A DOC never holds a number of a particular plan: the plan's percentages, months,
//! years, groups and rule ids are `{name}`s that the kind's `quotes` fills from the
//! plan file, so that `explain` under another plan (`--plan FILE`) says that plan's.

use crate::i18n::Bilingual;
use crate::input::values::PROGRAMS;
use crate::lang::Lang;
use crate::model::Program;
use crate::plan::kinds::{self, Detail, Kind, RuleKind};
use crate::plan::{Glossary, Plan, Target};

/// The plan's numbers a DOC quotes, each `(name, text)` filling `{name}`.
pub type Quotes = Vec<(&'static str, String)>;

/// The words of a rule kind.
pub trait KindWords: RuleKind {
    /// What `explain` prints about the kind, under the four headings of
    /// `Words::doc_headings`, in both languages. A number of the plan it quotes
    /// is a `{name}` that [`KindWords::quotes`] fills from the plan file.
    const DOC: Bilingual;

    /// The kind as Vietnamese readers call it where English shows its name in
    /// the plan file (`RuleKind::NAME`, `window`): the `rules` table and the
    /// first line of `explain`.
    const NAME_VI: &'static str;

    /// The plan's numbers the DOC quotes: worked out from `targets`, the plan's
    /// targets of this kind with their configuration, in `lang`.
    fn quotes(_targets: &[(&Target, &Self)], _glossary: &Glossary, _lang: Lang) -> Quotes {
        Vec::new()
    }

    /// A row's cells in a targets table: what it counts, the year, the population
    /// or quota, achieved, required, shortfall; `glossary`: the plan's words (a
    /// group's name).
    fn cells(row: &Self::Row, lang: Lang, glossary: &Glossary) -> [String; 6];

    /// A line under the targets table, when the row has more to say.
    fn remark(_row: &Self::Row, _rule: &str, _lang: Lang, _glossary: &Glossary) -> Option<String> {
        None
    }
}

impl Glossary {
    /// How people of `lang` call the plan: as the plan file says, or by its number.
    pub fn name(&self, lang: Lang) -> String {
        match (self.name_given(lang), lang) {
            (Some(name), _) => name.to_owned(),
            (None, Lang::En) => format!("plan {}", self.id),
            (None, Lang::Vi) => format!("Kế hoạch {}", self.id),
        }
    }

    /// A programme as people of `lang` read it: its code in English (as the
    /// inputs and the JSON write it); in Vietnamese the name the plan file gives
    /// it (`[programs_vi]`), or, for a plan file (or a report of another plan)
    /// that names none, its Vietnamese name in the enrolments' `program` column.
    pub fn program(&self, program: Program, lang: Lang) -> &str {
        match lang {
            Lang::En => program.code(),
            Lang::Vi => self
                .program_name_vi(program)
                .or_else(|| PROGRAMS.vietnamese(program))
                .unwrap_or(program.code()),
        }
    }

    /// The name of group `number` in `lang`: the plan file's, or, for a group the
    /// plan file does not name (or a report of another plan), its number.
    pub fn group(&self, number: u8, lang: Lang) -> String {
        match (self.group_name(number, lang), lang) {
            (Some(name), _) => name.to_owned(),
            (None, Lang::En) => format!("group {number}"),
            (None, Lang::Vi) => format!("nhóm {number}"),
        }
    }
}

/// The DOC of kind `K` in `lang`, quoting `targets`, the plan's targets of it.
fn doc<K: KindWords>(targets: &[(&Target, &K)], glossary: &Glossary, lang: Lang) -> String {
    fill(K::DOC.get(lang), &K::quotes(targets, glossary, lang))
}

/// Declares the words of every kind, each `module::Kind` of `plan::kinds` worded by
/// the file `module.rs` here, and from the list the dispatch on `Kind` and `Detail`.
macro_rules! words {
    ($($module:ident :: $kind:ident),+ $(,)?) => {
        $(mod $module;)+

        /// Every kind's name and DOC, in the order of the list.
        pub const DOCS: &[(&str, &Bilingual)] = &[$((
            <kinds::$module::$kind as RuleKind>::NAME,
            &<kinds::$module::$kind as KindWords>::DOC,
        ),)+];

        impl Lang {
            /// A kind as people of this language call it: its name in the plan
            /// file in English (`window`), its Vietnamese name in Vietnamese.
            pub fn kind_name(self, kind: &Kind) -> &'static str {
                match kind {
                    $(Kind::$kind(_) => match self {
                        Lang::En => <kinds::$module::$kind as RuleKind>::NAME,
                        Lang::Vi => <kinds::$module::$kind as KindWords>::NAME_VI,
                    },)+
                }
            }

            /// The documentation of `kind` in this language, printed by `explain`,
            /// with the numbers of `plan` it quotes.
            pub fn kind_doc(self, kind: &Kind, plan: &Plan) -> String {
                match kind {
                    $(Kind::$kind(_) => {
                        let targets: Vec<(&Target, &kinds::$module::$kind)> = plan
                            .targets
                            .iter()
                            .filter_map(|t| match &t.kind {
                                Kind::$kind(kind) => Some((t, kind)),
                                _ => None,
                            })
                            .collect();
                        doc(&targets, &plan.glossary, self)
                    })+
                }
            }

            /// A target row's cells in a targets table: see [`KindWords::cells`].
            pub fn cells(self, detail: &Detail, glossary: &Glossary) -> [String; 6] {
                match detail {
                    $(Detail::$kind(row) => {
                        <kinds::$module::$kind as KindWords>::cells(row, self, glossary)
                    })+
                }
            }

            /// A line under the targets table for a row of `rule`: see
            /// [`KindWords::remark`].
            pub fn remark(self, detail: &Detail, rule: &str, glossary: &Glossary) -> Option<String> {
                match detail {
                    $(Detail::$kind(row) => {
                        <kinds::$module::$kind as KindWords>::remark(row, rule, self, glossary)
                    })+
                }
            }
        }
    };
}

kinds::every_kind!(words);

/// How wide the lines of a DOC are.
const DOC_WIDTH: usize = 90;

/// `text` with each `{name}` of `quotes` filled in, a line that a quote made
/// longer than the DOC's lines wrapped at its spaces (a bullet's next lines under
/// its text).
fn fill(text: &str, quotes: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let mut filled = line.to_owned();
        for (name, quote) in quotes {
            filled = filled.replace(&format!("{{{name}}}"), quote);
        }
        if filled == line || filled.trim_end().chars().count() <= DOC_WIDTH {
            out.push_str(&filled);
            continue;
        }
        let (first, indent, body) = if let Some(body) = filled.strip_prefix("- ") {
            ("- ", "  ", body)
        } else if let Some(body) = filled.strip_prefix("  ") {
            ("  ", "  ", body)
        } else {
            ("", "", filled.as_str())
        };
        out.push_str(first);
        let mut width = first.len();
        let mut line_start = true;
        for word in body.trim_end().split(' ') {
            let n = word.chars().count();
            if !line_start && width + 1 + n > DOC_WIDTH {
                out.push('\n');
                out.push_str(indent);
                width = indent.len();
                line_start = true;
            }
            if !line_start {
                out.push(' ');
                width += 1;
            }
            out.push_str(word);
            width += n;
            line_start = false;
        }
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Values in order, each once, as a DOC quotes them: `24`, `18 or 36`.
fn either<T: ToString>(values: impl IntoIterator<Item = T>, lang: Lang) -> String {
    let mut seen: Vec<String> = Vec::new();
    for v in values {
        let v = v.to_string();
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    let or = match lang {
        Lang::En => " or ",
        Lang::Vi => " hoặc ",
    };
    seen.join(or)
}

/// The rule ids of `targets`, each once, in plan order: `TITLE-2Y, SECTOR-2Y`.
fn rules<K>(targets: &[(&Target, &K)]) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for (t, _) in targets {
        if !ids.contains(&t.rule.as_str()) {
            ids.push(&t.rule);
        }
    }
    ids.join(", ")
}

/// `text` with its first letter a capital: a group's name opening a sentence.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Where the targets table shows a count of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Achieved,
    Shortfall,
    Nowhere,
}

/// The line under the targets table that says what a row's numbers count:
/// `RULE: 210 people in scope, all required: 149 done (in Achieved), 6 done late,
/// 8 overdue (in Shortfall), …`. `who` names the people (`person`, `people` in
/// English; `người` and what they must do, `hoàn thành`, in Vietnamese); each
/// count comes with its words, and is left out when none unless a column shows it.
fn counted(
    rule: &str,
    population: u32,
    who: [(&str, &str); 2],
    counts: &[(u32, [&str; 2], Shown)],
    lang: Lang,
) -> String {
    let [(one, many), (vi_who, vi_must)] = who;
    let scope = match (lang, population) {
        (Lang::En, 1) => format!("1 {one} in scope, required"),
        (Lang::En, n) => format!("{n} {many} in scope, all required"),
        (Lang::Vi, 1) => format!("1 {vi_who} trong diện, phải {vi_must}"),
        (Lang::Vi, n) => format!("{n} {vi_who} trong diện, tất cả đều phải {vi_must}"),
    };
    let [.., achieved, _, shortfall, _] = lang.words().target_headings;
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, shown)| *n > 0 || *shown != Shown::Nowhere)
        .map(|&(n, [en, vi], shown)| {
            let words = match lang {
                Lang::En => en,
                Lang::Vi => vi,
            };
            let column = match shown {
                Shown::Achieved => achieved,
                Shown::Shortfall => shortfall,
                Shown::Nowhere => return format!("{n} {words}"),
            };
            match lang {
                Lang::En => format!("{n} {words} (in {column})"),
                Lang::Vi => format!("{n} {words} (tính vào cột {column})"),
            }
        })
        .collect();
    format!("{rule}: {scope}: {}.", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind's DOC as `explain` prints it for the embedded plan, which has
    /// targets of every kind.
    fn filled(lang: Lang) -> Quotes {
        let plan = crate::plan::load_plan(None).unwrap();
        let docs: Vec<(&str, String)> = DOCS
            .iter()
            .filter_map(|(name, _)| {
                let t = plan.targets.iter().find(|t| t.kind.name() == *name)?;
                Some((*name, lang.kind_doc(&t.kind, &plan)))
            })
            .collect();
        assert_eq!(
            docs.len(),
            DOCS.len(),
            "a kind without a target in the embedded plan"
        );
        docs
    }

    #[test]
    fn every_kind_documents_itself_under_the_four_headings_in_order() {
        for lang in [Lang::En, Lang::Vi] {
            for (name, doc) in filled(lang) {
                let doc = doc.as_str();
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

    #[test]
    fn every_kind_has_its_words_once() {
        let names: Vec<&str> = DOCS.iter().map(|(name, _)| *name).collect();
        let kinds: Vec<&str> = kinds::KINDS.iter().map(|k| k.name).collect();
        assert_eq!(names, kinds);
    }

    /// Every `{name}` of every DOC is filled, in both languages, for the embedded
    /// plan and for a plan of the next period.
    #[test]
    fn every_quote_a_doc_makes_is_filled_from_the_plan() {
        let second = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/second-plan/plan.toml"
        ))
        .unwrap();
        let plans = [
            crate::plan::load_plan(None).unwrap(),
            crate::plan::parse_plan(&second, "plan.toml").unwrap(),
        ];
        for plan in &plans {
            for t in &plan.targets {
                for lang in [Lang::En, Lang::Vi] {
                    let doc = lang.kind_doc(&t.kind, plan);
                    // a `{name}` left is a quote the kind did not fill; `{ 2025 = 3 }` is TOML
                    let left = doc.split('{').skip(1).find(|rest| {
                        rest.split('}').next().is_some_and(|name| {
                            !name.is_empty()
                                && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        })
                    });
                    assert!(
                        left.is_none(),
                        "{} {} ({lang:?}): {{{}",
                        plan.id,
                        t.kind.name(),
                        left.unwrap_or("")
                    );
                    // a quote makes no line longer than the DOC's lines as written
                    let written = DOCS
                        .iter()
                        .find(|(name, _)| *name == t.kind.name())
                        .map(|(_, doc)| doc.get(lang))
                        .unwrap_or_default();
                    let widest = written
                        .lines()
                        .filter(|l| !l.contains('{'))
                        .map(|l| l.chars().count())
                        .fold(DOC_WIDTH, usize::max);
                    for line in doc.lines() {
                        assert!(
                            line.chars().count() <= widest,
                            "{} {} ({lang:?}): {line}",
                            plan.id,
                            t.kind.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn fill_wraps_a_line_a_quote_made_long_and_keeps_a_bullet_indented() {
        let quote = [("x", "word ".repeat(30).trim_end().to_owned())];
        let filled = fill("- a {x} end\nnext\n", &quote);
        let lines: Vec<&str> = filled.lines().collect();
        assert!(lines.len() > 2, "{filled}");
        assert!(lines[0].starts_with("- a word"));
        assert!(lines[1].starts_with("  word"), "{filled}");
        assert!(lines.iter().all(|l| l.chars().count() <= DOC_WIDTH));
        assert_eq!(lines.last(), Some(&"next"));
        // a line no quote touches stays as written, however long
        let long = format!("{}\n", "y".repeat(100));
        assert_eq!(fill(&long, &quote), long);
    }

    #[test]
    fn either_quotes_each_value_once() {
        assert_eq!(either([24, 24, 24], Lang::En), "24");
        assert_eq!(either([18, 36, 18], Lang::En), "18 or 36");
        assert_eq!(either([18, 36], Lang::Vi), "18 hoặc 36");
    }

    #[test]
    fn every_kind_has_a_vietnamese_name_of_its_own_and_english_keeps_the_code() {
        let plan = crate::plan::load_plan(None).unwrap();
        let mut seen: Vec<&str> = Vec::new();
        for (name, _) in DOCS {
            let t = plan
                .targets
                .iter()
                .find(|t| t.kind.name() == *name)
                .unwrap();
            assert_eq!(Lang::En.kind_name(&t.kind), *name);
            let vi = Lang::Vi.kind_name(&t.kind);
            assert!(
                unicode_normalization::is_nfc(vi) && !vi.trim().is_empty(),
                "{vi:?}"
            );
            assert!(!vi.contains('_') && vi != *name, "{name}: {vi}");
            assert!(!seen.contains(&vi), "two kinds called {vi}");
            seen.push(vi);
        }
    }

    #[test]
    fn a_programme_is_named_as_the_plan_file_names_it_else_as_the_enrolments_do() {
        let plan = crate::plan::load_plan(None).unwrap();
        let g = &plan.glossary;
        for p in Program::ALL {
            assert_eq!(g.program(p, Lang::En), p.code());
            let vi = g.program(p, Lang::Vi);
            assert!(
                !vi.contains('_') && unicode_normalization::is_nfc(vi),
                "{vi}"
            );
        }
        // App. 02's own name, from the plan file
        assert_eq!(
            g.program(Program::TitleDepartment, Lang::Vi),
            "Lãnh đạo, quản lý cấp sở và tương đương"
        );
        assert_eq!(
            g.program(Program::SeniorSpecialist, Lang::Vi),
            "Ngạch chuyên viên cao cấp"
        );
        // a plan file (or a report of another plan) that names none
        let none = Glossary::default();
        assert_eq!(
            none.program(Program::TitleDepartment, Lang::Vi),
            "Lãnh đạo, quản lý cấp sở"
        );
        assert_eq!(none.program(Program::Doctor, Lang::Vi), "Tiến sĩ");
        assert_eq!(none.program(Program::Doctor, Lang::En), "doctor");
    }

    #[test]
    fn a_plan_or_group_the_plan_file_does_not_name_is_called_by_its_number() {
        let plan = crate::plan::load_plan(None).unwrap();
        let g = &plan.glossary;
        assert_eq!(
            (g.name(Lang::En), g.name(Lang::Vi)),
            ("Plan 143".into(), "Kế hoạch 143".into())
        );
        assert_eq!(g.group(2, Lang::En), "group 2");
        assert_eq!(
            (g.group(5, Lang::En), g.group(5, Lang::Vi)),
            ("group 5".into(), "nhóm 5".into())
        );
        let unnamed = "[plan]\nid = \"X\"\nissued_on = 2030-01-01\nissuer = \"i\"\ntitle_vi = \"v\"\n\
            title_en = \"e\"\nfirst_year = 2030\n[[target]]\nrule = \"L\"\nkind = \"share\"\n\
            clause = \"c\"\ntext_vi = \"v\"\ntext_en = \"e\"\ngroup = 2\npercent = 3\n";
        let plan = crate::plan::parse_plan(unnamed, "plan.toml").unwrap();
        let g = &plan.glossary;
        assert_eq!(
            (g.name(Lang::En), g.name(Lang::Vi)),
            ("plan X".into(), "Kế hoạch X".into())
        );
        assert_eq!(
            (g.group(2, Lang::En), g.group(2, Lang::Vi)),
            ("group 2".into(), "nhóm 2".into())
        );
    }
}
