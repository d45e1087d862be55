//! `check --format xlsx` (and `-o report.xlsx`): the workbook read back with
//! calamine and unzipped, on the example province as of 30/09/2026; and what
//! the workbooks of `check` and `gaps` share: print setup, sheet names in whole
//! words, per-unit files that name their inputs by file name only.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use serde_json::Value;

use crate::common::{self, boiduong, stdout_json};

const AS_OF: &str = "2026-09-30";

/// `check` on `examples/{dir}` as of 30/09/2026, with `args`.
fn check(dir: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = boiduong();
    cmd.args(["check", "--as-of", AS_OF, "--fail-on", "never"])
        .args(["--roster", &format!("examples/{dir}/roster.csv")])
        .args(["--enrolments", &format!("examples/{dir}/enrolments.csv")])
        .args(args);
    cmd
}

/// The workbook `check` writes on `examples/{dir}` with `args`, at `dir/name`.
fn workbook(out: &Path, dir: &str, args: &[&str]) -> PathBuf {
    let path = out.join(format!("{dir}.xlsx"));
    check(dir, args).arg("-o").arg(&path).assert().success();
    path
}

/// The JSON report of the same run.
fn json(dir: &str, args: &[&str]) -> Value {
    stdout_json(check(dir, args).args(["--format", "json"])).0
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).unwrap()
}

/// The rows of a sheet as cells.
fn rows(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).unwrap();
    // from A1, whatever the first cell written
    let (row0, col0) = range.start().unwrap();
    assert_eq!((row0, col0), (0, 0), "{sheet} does not start at A1");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(n) => Some(*n),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

fn date(cell: &Data) -> NaiveDate {
    let Data::DateTime(d) = cell else {
        panic!("not a date cell: {cell:?}");
    };
    assert!(d.is_datetime());
    boiduong::input::date::excel_serial(d.as_f64() as u32).unwrap()
}

/// The row whose first cells are `first`: where a table starts.
fn find_row(rows: &[Vec<Data>], first: &[&str]) -> usize {
    rows.iter()
        .position(|r| r.iter().zip(first).all(|(c, f)| text(c) == *f))
        .unwrap_or_else(|| panic!("no row starting {first:?}"))
}

/// The entries of the zip at `path`, by name, as text.
fn unzip(path: &Path) -> Vec<(String, String)> {
    common::unzip(path)
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn entry<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
    entries
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("no {name} in the workbook"))
}

/// The worksheets' XML, in sheet order.
fn sheets_xml(entries: &[(String, String)]) -> Vec<&str> {
    (1..)
        .map_while(|i| {
            let name = format!("xl/worksheets/sheet{i}.xml");
            entries
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.as_str())
        })
        .collect()
}

/// The rules of the JSON report's findings, in their order.
fn finding_rules(report: &Value) -> Vec<String> {
    let mut rules: Vec<String> = Vec::new();
    for f in report["findings"].as_array().unwrap() {
        let rule = f["rule"].as_str().unwrap().to_owned();
        if !rules.contains(&rule) {
            rules.push(rule);
        }
    }
    rules
}

#[test]
fn the_file_name_chooses_a_workbook_with_a_summary_a_sheet_per_rule_and_the_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "en", &[]);
    let mut book = open(&path);
    let mut expected = vec!["Summary".to_owned()];
    expected.extend(finding_rules(&json("en", &[])));
    expected.push("Units".to_owned());
    assert_eq!(book.sheet_names(), expected);
    assert!(expected.contains(&"PLANNED-READY".to_owned()));
    let summary = rows(&mut book, "Summary");
    assert_eq!(
        text(&summary[0][0]),
        "boiduong: plan 143/KH-UBND as of 2026-09-30"
    );
}

/// The numbers of a target row as the JSON report gives them, by its shape:
/// population (or quota), achieved, required, shortfall.
fn json_numbers(t: &Value) -> [Option<f64>; 4] {
    let n = |v: &Value| v.as_f64();
    if let Some(counts) = t.get("counts") {
        // a window: everyone is required, the overdue fall short
        let population = n(&t["population"]);
        return [
            population,
            n(&counts["done"]),
            population,
            n(&counts["overdue"]),
        ];
    }
    if let Some(ready) = t.get("ready") {
        let population = n(&t["population"]);
        let short = n(&t["not_ready"]).unwrap() + n(&t["missing_data"]).unwrap();
        return [population, n(ready), population, Some(short)];
    }
    let population = t.get("population").or_else(|| t.get("quota")).and_then(n);
    let required = t.get("required").or_else(|| t.get("quota")).and_then(n);
    [
        population,
        n(&t["achieved"]),
        required,
        t.get("shortfall").and_then(n),
    ]
}

#[test]
fn the_targets_numbers_are_the_json_reports_for_every_target() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&workbook(dir.path(), "en", &[]));
    let summary = rows(&mut book, "Summary");
    let report = json("en", &[]);
    let targets = report["targets"].as_array().unwrap();
    let header = find_row(&summary, &["Rule", "Clause", "Group / programme"]);
    let status_word = |code: &str| match code {
        "met" => "met",
        "gap" => "GAP",
        "at_risk" => "at risk",
        "in_progress" => "in progress",
        "open" => "open",
        "no_data" => "no data",
        other => panic!("status {other}"),
    };
    assert!(targets.len() > 30);
    for (i, t) in targets.iter().enumerate() {
        let row = &summary[header + 1 + i];
        assert_eq!(text(&row[0]), t["rule"].as_str().unwrap(), "row {i}");
        let cells: Vec<Option<f64>> = row[4..8].iter().map(number).collect();
        for (got, want) in cells.iter().zip(json_numbers(t)) {
            // a number the JSON has is a number cell; one it has not, a text
            if let Some(want) = want {
                assert_eq!(*got, Some(want), "{}: {row:?}", t["rule"]);
            }
        }
        assert_eq!(
            text(&row[8]),
            status_word(t["status"].as_str().unwrap()),
            "the status word stays in the cell"
        );
    }
    // the summary counts
    let count = |label: &str| number(&summary[find_row(&summary, &[label])][1]);
    assert_eq!(count("Target rows"), report["summary"]["targets"].as_f64());
    assert_eq!(count("Errors"), report["summary"]["errors"].as_f64());
    assert_eq!(count("GAP"), report["summary"]["gap"].as_f64());
}

#[test]
fn the_header_names_the_inputs_by_file_with_their_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&workbook(dir.path(), "en", &[]));
    let summary = rows(&mut book, "Summary");
    let report = json("en", &[]);
    let roster = &summary[find_row(&summary, &["Roster"])];
    assert_eq!(text(&roster[1]), "roster.csv", "the name, not the path");
    assert_eq!(
        text(&roster[2]),
        report["inputs"]["roster"]["sha256"].as_str().unwrap()
    );
    let enrolments = &summary[find_row(&summary, &["Enrolments"])];
    assert_eq!(text(&enrolments[1]), "enrolments.csv");
    assert_eq!(
        text(&enrolments[2]),
        report["inputs"]["enrolments"]["sha256"].as_str().unwrap()
    );
}

#[test]
fn dates_are_date_cells() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&workbook(dir.path(), "en", &[]));
    let summary = rows(&mut book, "Summary");
    let as_of = &summary[find_row(&summary, &["As of"])][1];
    assert_eq!(date(as_of), NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let report = json("en", &[]);
    let first = &report["findings"][0];
    let rule = first["rule"].as_str().unwrap();
    let sheet = rows(&mut book, rule);
    // a title, the header, then the findings in the report's order
    assert_eq!(text(&sheet[1][8]), "Deadline");
    assert_eq!(text(&sheet[2][0]), first["id"].as_str().unwrap());
    let deadline = NaiveDate::parse_from_str(first["deadline"].as_str().unwrap(), "%Y-%m-%d");
    assert_eq!(date(&sheet[2][8]), deadline.unwrap());
    let anchor = NaiveDate::parse_from_str(first["anchor"].as_str().unwrap(), "%Y-%m-%d");
    assert_eq!(date(&sheet[2][7]), anchor.unwrap());
    assert_eq!(number(&sheet[2][9]), first["days_overdue"].as_f64());
    // every rule sheet: its findings, each deadline a date
    for rule in finding_rules(&report) {
        let sheet = rows(&mut book, &rule);
        let listed = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule.as_str())
            .count();
        assert_eq!(sheet.len(), 2 + listed, "{rule}");
        for row in &sheet[2..] {
            if !matches!(row[8], Data::Empty) {
                date(&row[8]);
            }
        }
    }
}

#[test]
fn the_units_sheet_adds_up_to_the_roster_and_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&workbook(dir.path(), "en", &[]));
    let units = rows(&mut book, "Units");
    assert_eq!(
        units[0].iter().map(text).collect::<Vec<_>>(),
        [
            "Unit",
            "Officials",
            "Overdue",
            "Due soon",
            "Incumbents in the language groups",
            "At level 4+",
            "Share at level 4+"
        ]
    );
    let total = units.last().unwrap();
    assert_eq!(text(&total[0]), "Total");
    let body = &units[1..units.len() - 1];
    assert!(body.len() > 20, "a row per unit");
    for col in 1..6 {
        let sum: f64 = body.iter().filter_map(|r| number(&r[col])).sum();
        assert_eq!(number(&total[col]), Some(sum), "column {col}");
    }
    let report = json("en", &[]);
    let findings = report["findings"].as_array().unwrap();
    let with = |status: &str| findings.iter().filter(|f| f["status"] == status).count() as f64;
    assert_eq!(
        number(&total[1]),
        report["inputs"]["roster"]["rows"].as_f64()
    );
    assert_eq!(number(&total[2]), Some(with("overdue")));
    assert_eq!(number(&total[3]), Some(with("due_soon")));
    let share = number(&total[6]).unwrap();
    let (members, reached) = (number(&total[4]).unwrap(), number(&total[5]).unwrap());
    assert!((share - reached / members).abs() < 1e-9);
}

#[test]
fn findings_errors_and_none_apply_to_the_rule_sheets_not_to_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let all = open(&workbook(dir.path(), "en", &[])).sheet_names();
    let out = tempfile::tempdir().unwrap();
    let path = workbook(out.path(), "en", &["--findings", "errors"]);
    let mut book = open(&path);
    let report = json("en", &["--findings", "errors"]);
    let rules = finding_rules(&report);
    assert!(!rules.is_empty());
    for rule in &rules {
        let sheet = rows(&mut book, rule);
        for row in &sheet[2..] {
            assert_eq!(text(&row[5]), "error", "{rule}: {row:?}");
        }
    }
    let units = rows(&mut book, "Units");
    let total = units.last().unwrap();
    let everything = json("en", &[]);
    let due_soon = everything["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "due_soon")
        .count() as f64;
    assert!(due_soon > 0.0);
    assert_eq!(
        number(&total[3]),
        Some(due_soon),
        "counted though not listed"
    );

    let none = open(&workbook(out.path(), "en", &["--findings", "none"])).sheet_names();
    assert_eq!(none, ["Summary", "Units"]);
    assert!(all.len() > none.len());
}

#[test]
fn every_sheet_prints_on_a4_landscape_one_page_wide_with_its_header_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "en", &[]);
    let entries = unzip(&path);
    let sheets = sheets_xml(&entries);
    assert_eq!(sheets.len(), open(&path).sheet_names().len());
    assert_prints(&entries);
    // the targets' status is coloured by conditional format, the rules' too
    assert!(sheets[0].contains("<conditionalFormatting"));
    assert!(sheets[0].contains("<cfRule type=\"cellIs\""));
    // the rule sheets and the units: header frozen, filtered
    for xml in &sheets[1..] {
        assert!(xml.contains("state=\"frozen\""));
        assert!(xml.contains("<autoFilter"));
    }
}

/// Every sheet of the workbook unzipped as `entries` prints on A4 landscape,
/// one page wide, margins set, with the rows of its header on every page.
fn assert_prints(entries: &[(String, String)]) {
    let sheets = sheets_xml(entries);
    assert!(!sheets.is_empty());
    for (i, xml) in sheets.iter().enumerate() {
        assert!(
            xml.contains("<pageSetup paperSize=\"9\"") && xml.contains("orientation=\"landscape\""),
            "sheet {}",
            i + 1
        );
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "sheet {}",
            i + 1
        );
        assert!(xml.contains("fitToHeight=\"0\""), "sheet {}", i + 1);
        assert!(xml.contains("<pageMargins left=\"0.5\""), "sheet {}", i + 1);
    }
    let workbook = entry(entries, "xl/workbook.xml");
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        sheets.len(),
        "{workbook}"
    );
}

#[test]
fn the_summary_has_native_charts_drawn_from_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "en", &[]);
    let entries = unzip(&path);
    let shares = entry(&entries, "xl/charts/chart1.xml");
    assert!(shares.contains("<c:barChart>"));
    assert!(shares.contains("<c:barDir val=\"bar\"/>"));
    assert_eq!(
        shares.matches("<c:ser>").count(),
        2,
        "share and target share"
    );
    assert!(
        shares.contains("<c:f>Summary!$"),
        "from the summary's cells"
    );
    let statuses = entry(&entries, "xl/charts/chart2.xml");
    assert!(statuses.contains("<c:grouping val=\"stacked\"/>"));
    assert_eq!(
        statuses.matches("<c:ser>").count(),
        7,
        "a series per status"
    );
    // the numbers under the charts: a row per language group, a row per
    // deadline rule of the plan file
    let mut book = open(&path);
    let summary = rows(&mut book, "Summary");
    let groups = find_row(&summary, &["Language group", "Incumbents"]);
    assert_eq!(
        (1..=3)
            .map(|i| text(&summary[groups + i][0]))
            .collect::<Vec<_>>(),
        ["group 1", "group 2", "group 3"]
    );
    let lang1 = &summary[groups + 1];
    assert_eq!(number(&lang1[4]), Some(0.25), "LANG-1's target share");
    let people = find_row(&summary, &["Rule", "done", "late", "open"]);
    let rules: Vec<String> = (1..=4).map(|i| text(&summary[people + i][0])).collect();
    assert_eq!(rules, ["TITLE-2Y", "CVCC-2Y", "SECTOR-2Y", "PLANNED-READY"]);
    assert!(matches!(
        summary.get(people + 5).map(|r| &r[0]),
        None | Some(Data::Empty)
    ));
}

#[test]
fn in_vietnamese_sheet_names_headers_statuses_and_dates_are_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "vi", &["--lang", "vi"]);
    let mut book = open(&path);
    let names = book.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("Tổng hợp"));
    assert_eq!(names.last().map(String::as_str), Some("Theo đơn vị"));
    for name in &names {
        assert!(name.encode_utf16().count() <= 31, "{name}");
    }
    let summary = rows(&mut book, "Tổng hợp");
    let header = find_row(&summary, &["Mã chỉ tiêu", "Mục"]);
    let statuses: Vec<String> = summary[header + 1..]
        .iter()
        .take_while(|r| !matches!(r[0], Data::Empty))
        .map(|r| text(&r[8]))
        .collect();
    assert!(statuses.contains(&"CHƯA ĐẠT".to_owned()), "{statuses:?}");
    assert!(statuses.contains(&"đạt".to_owned()));
    let as_of = &summary[find_row(&summary, &["Tính đến ngày"])][1];
    assert_eq!(date(as_of), NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
    let styles = entry(&unzip(&path), "xl/styles.xml").to_owned();
    assert!(styles.contains("formatCode=\"dd/mm/yyyy\""), "{styles}");
    let title = rows(&mut book, "TITLE-2Y");
    assert_eq!(text(&title[1][0]), "Mã cán bộ");
    assert_eq!(text(&title[2][4]), "quá hạn");
    date(&title[2][8]);
}

/// `gaps` on `examples/{dir}` for 2027, with `args`.
fn gaps(dir: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = boiduong();
    cmd.args(["gaps", "--year", "2027", "--as-of", AS_OF])
        .args(args)
        .args(["--roster", &format!("examples/{dir}/roster.csv")])
        .args(["--enrolments", &format!("examples/{dir}/enrolments.csv")]);
    cmd
}

#[test]
fn vietnamese_sheet_names_are_whole_words_within_excels_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    gaps("vi", &["--lang", "vi"])
        .arg("-o")
        .arg(&path)
        .assert()
        .success();
    let mut book = open(&path);
    let names = book.sheet_names();
    let summary = rows(&mut book, "Tổng hợp");
    // the lists' full names, as the summary's first column writes them
    let labels: Vec<String> = summary.iter().map(|r| text(&r[0])).collect();
    let mut cut = 0;
    for name in &names[1..] {
        assert!(name.encode_utf16().count() <= 31, "{name}");
        let label = labels
            .iter()
            .find(|l| l.starts_with(name.as_str()))
            .unwrap_or_else(|| panic!("{name} is no list's name"));
        let rest = &label[name.len()..];
        assert!(
            rest.is_empty() || rest.starts_with([' ', ',']),
            "{name} cuts a word of {label}"
        );
        cut += usize::from(!rest.is_empty());
    }
    assert!(cut > 0, "a name longer than 31 was cut: {names:?}");
    assert_prints(&unzip(&path));
}

#[test]
fn per_unit_files_leave_out_empty_sheets_and_name_the_inputs_by_file_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let absolute = |name: &str| root.join("examples/en").join(name);
    for format in ["xlsx", "csv", "table"] {
        let dir = tempfile::tempdir().unwrap();
        boiduong()
            .args([
                "gaps", "--year", "2027", "--as-of", AS_OF, "--format", format,
            ])
            .arg("--roster")
            .arg(absolute("roster.csv"))
            .arg("--enrolments")
            .arg(absolute("enrolments.csv"))
            .arg("--by-unit")
            .arg(dir.path())
            .assert()
            .success();
        let files: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
            .collect();
        assert!(files.len() > 10, "{format}: a file per unit");
        let server = root.to_string_lossy().into_owned();
        for file in &files {
            let texts: Vec<String> = if format == "xlsx" {
                unzip(file).into_iter().map(|(_, t)| t).collect()
            } else {
                vec![String::from_utf8(std::fs::read(file).unwrap()).unwrap()]
            };
            for text in &texts {
                assert!(!text.contains(&server), "{}: {server}", file.display());
            }
            if format == "table" {
                assert!(texts[0].contains("roster.csv"), "{}", texts[0]);
            }
            if format == "xlsx" {
                let mut book = open(file);
                for name in &book.sheet_names()[1..] {
                    let sheet = book.worksheet_range(name).unwrap();
                    assert!(sheet.height() > 1, "{}: {name} is empty", file.display());
                }
                assert_prints(&unzip(file));
            }
        }
    }
}

#[test]
fn diff_writes_no_workbook_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let a = crate::common::json_report(
        crate::common::check_example("en", AS_OF),
        dir.path(),
        "a.json",
    );
    boiduong()
        .arg("diff")
        .arg(&a)
        .arg(&a)
        .arg("-o")
        .arg(dir.path().join("diff.xlsx"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("xlsx"));
    boiduong()
        .arg("diff")
        .arg(&a)
        .arg(&a)
        .args(["--format", "xlsx"])
        .assert()
        .code(2);
}

#[test]
fn with_a_baseline_a_rule_sheet_says_each_findings_change_first() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("q3.json");
    check("en", &["--format", "json", "-q", "-o"])
        .arg(&baseline)
        .assert()
        .success();
    let path = dir.path().join("q4.xlsx");
    boiduong()
        .args(["check", "--as-of", "2026-12-31", "--fail-on", "never", "-q"])
        .args(["--roster", "examples/en-q4/roster.csv"])
        .args(["--enrolments", "examples/en-q4/enrolments.csv"])
        .arg("--baseline")
        .arg(&baseline)
        .arg("-o")
        .arg(&path)
        .assert()
        .success();
    let mut book = open(&path);
    let title = rows(&mut book, "TITLE-2Y");
    // the title, then the change before the id, then a row each, every cell in
    // its column
    assert!(text(&title[0][0]).starts_with("TITLE-2Y"), "{:?}", title[0]);
    assert_eq!(text(&title[1][1]), "ID");
    let changes: Vec<String> = title[2..].iter().map(|r| text(&r[0])).collect();
    assert!(changes.iter().any(|c| c == "new"), "{changes:?}");
    assert!(changes.iter().any(|c| c.starts_with("was ")), "{changes:?}");
    for row in &title[2..] {
        assert!(text(&row[1]).starts_with("DN"), "{row:?}");
        if text(&row[5]) == "overdue" {
            date(&row[9]);
        }
    }
}
