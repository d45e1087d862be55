//! Every problem worded in both languages, and every Vietnamese word NFC.

use std::sync::Arc;

use chrono::NaiveDate;
use unicode_normalization::is_nfc;

use super::*;
use crate::diag::problem::{
    Contradiction, Data, ExpiredCounts, IdHint, InputFile, LegacyFont, Quantity, TargetOf,
};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

/// One problem of every variant, each cell and date error included.
fn every_problem() -> Vec<Problem> {
    let cell = |what| Problem::Cell {
        header: "Ngày bắt đầu".into(),
        value: "x".into(),
        what,
    };
    let bad = |reason, allowed| BadValue {
        reason,
        allowed,
        suggestion: Some("planned"),
    };
    let mut all: Vec<Problem> = [
        DateError::NoSuchDate,
        DateError::NoSuchMonth(13),
        DateError::TwoDigitYear,
        DateError::MonthFirst {
            day_first: "13/02/2024".into(),
        },
        DateError::ExcelSerial(day()),
        DateError::HasTime,
        DateError::Unrecognised,
    ]
    .into_iter()
    .map(|e| cell(Cell::Date(e)))
    .collect();
    let allowed = [
        Allowed::Terms("planned (quy hoạch)".into()),
        Allowed::Groups(crate::model::GroupNumbers {
            count: 3,
            clause: "II.2.a–c".into(),
        }),
        Allowed::Levels,
        Allowed::Scores {
            name: "IELTS".into(),
            from: "0".into(),
            to: "9".into(),
        },
        Allowed::Bands {
            name: "JLPT".into(),
            bands: "N1, N2".into(),
        },
    ];
    let reasons = [
        None,
        Some(Reason::GroupsByComma),
        Some(Reason::NoSuchGroup),
        Some(Reason::ScoreWithoutName),
        Some(Reason::ScoreOffScale),
    ];
    for (reason, allowed) in reasons.into_iter().zip(allowed) {
        all.push(cell(Cell::Value(bad(reason, allowed))));
    }
    all.extend(
        [
            Cell::NoName,
            Cell::NoId,
            Cell::Required,
            Cell::NoStart,
            Cell::Invisible,
            Cell::AfterAsOf {
                as_of: day(),
                far: true,
                completion: true,
            },
            Cell::AfterAsOf {
                as_of: day(),
                far: false,
                completion: false,
            },
            Cell::NotInRoster(IdHint::LeadingZeros("00123".into())),
            Cell::NotInRoster(IdHint::Case("X01".into())),
            Cell::NotInRoster(IdHint::Check),
            Cell::Contradiction(Contradiction::CompletedWithoutDate),
            Cell::Contradiction(Contradiction::EnrolledWithDate),
            Cell::Contradiction(Contradiction::WithdrawnWithDate),
            Cell::Review(Review::NoScore {
                name: "IELTS".into(),
            }),
            Cell::Review(Review::Unreadable {
                name: "IELTS".into(),
                score: "x".into(),
            }),
            Cell::Review(Review::ScoreForBands {
                name: "VSTEP".into(),
                bands: "B1, B2".into(),
            }),
            Cell::Review(Review::SomeSkills {
                name: "TOEIC".into(),
                given: vec![],
                all: vec!["L".into(), "R".into()],
            }),
            Cell::Review(Review::NotInTable {
                names: "IELTS".into(),
            }),
            Cell::Expired {
                issued_on: day(),
                expires_on: day(),
                name: "IELTS".into(),
                months: 24,
                counts: ExpiredCounts::NotCounted,
            },
            Cell::Expired {
                issued_on: day(),
                expires_on: day(),
                name: "IELTS".into(),
                months: 24,
                counts: ExpiredCounts::NoLevel4,
            },
            Cell::Expired {
                issued_on: day(),
                expires_on: day(),
                name: "IELTS".into(),
                months: 24,
                counts: ExpiredCounts::Counted,
            },
        ]
        .map(cell),
    );
    let place = Place {
        line: 3,
        in_sheet: true,
    };
    all.extend([
        Problem::EndsBeforeStart {
            end_header: "a".into(),
            end: "1".into(),
            start_header: "b".into(),
            start: "2".into(),
        },
        Problem::DuplicateId {
            id: "X02".into(),
            first: place,
        },
        Problem::DuplicateRow { first: place },
        Problem::NoAppointment {
            id: "X02".into(),
            no_column: true,
            rules: ["TITLE-2Y".to_owned(), "SECTOR-2Y".to_owned()].into(),
        },
        Problem::NoAppointment {
            id: "X02".into(),
            no_column: false,
            rules: Arc::from([]),
        },
        Problem::NoOfficials,
        Problem::NoEnrolments,
        Problem::UndatedCertificates { count: 2 },
        Problem::PlannedInGroup {
            id: "X02".into(),
            groups: "1|2".into(),
            role_header: "role".into(),
        },
        Problem::HeadWithoutDegree {
            id: "X02".into(),
            head: crate::model::HeadOf::Health,
            degree_header: "degree".into(),
        },
        Problem::CannotRead {
            file: "a.csv".into(),
            why: Why::NoSuchFile,
        },
        Problem::CannotRead {
            file: "a.csv".into(),
            why: Why::PermissionDenied,
        },
        Problem::CannotRead {
            file: "a.csv".into(),
            why: Why::Directory,
        },
        Problem::CannotWrite {
            file: "a.csv".into(),
            why: Why::NoDirectory("out".into()),
        },
        Problem::CannotWrite {
            file: "a.csv".into(),
            why: Why::System("disk full".into()),
        },
        Problem::CannotWrite {
            file: "/dev/sda".into(),
            why: Why::NotAFile,
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Unreadable {
                kind: "xlsx",
                reason: "zip".into(),
            },
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::NoWorksheet,
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::NoSuchSheet {
                wanted: "x".into(),
                sheets: vec!["Sheet1".into()],
            },
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::SheetUnreadable {
                name: "x".into(),
                reason: "r".into(),
            },
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Part {
                part: "xl/worksheets/sheet1.xml".into(),
                max: 4 << 30,
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Markup {
                part: "xl/styles.xml".into(),
                max: 4 << 10,
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Outside {
                reference: "AAAAAAAA1".into(),
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Cells { max: 1 << 26 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Cell { max: 1 << 20 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::SharedString {
                index: 3,
                max: 1 << 20,
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Formats { max: 65_536 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::SharedMemory { max: 32 << 20 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Styles { max: 64 << 20 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::Whole { max: 1 << 24 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::TooLarge(Limit::WholeText { max: 256 << 20 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::Reference {
                reference: "B2:A1".into(),
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::RowOrder { row: 3, after: 9 }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::StringCount {
                declared: 10_000_000,
                found: 2,
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::AttributeTwice {
                part: "xl/worksheets/sheet1.xml".into(),
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::Truncated {
                part: "content.xml".into(),
            }),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::Container),
        },
        Problem::Workbook {
            file: "a.xlsx".into(),
            what: Workbook::Damaged(Damage::Record),
        },
        Problem::DataNotUtf8 {
            data: DataFile::Plan,
        },
        Problem::Baseline(Baseline::Diff),
        Problem::Baseline(Baseline::NoSchema),
        Problem::Baseline(Baseline::NoPlan),
        Problem::Baseline(Baseline::NotJson("EOF".into())),
        Problem::Baseline(Baseline::OtherSchema {
            found: "2".into(),
            ours: 1,
        }),
        Problem::Baseline(Baseline::BadBody {
            ours: 1,
            reason: "missing field".into(),
        }),
        Problem::Baseline(Baseline::OtherPlan {
            found: "a".into(),
            plan: "b".into(),
        }),
        Problem::DataNotUtf8 {
            data: DataFile::Levels,
        },
        Problem::Data(Data::Toml("expected `=`".into())),
        Problem::Data(Data::Negative {
            key: "quotas.2024".into(),
            value: -3,
            what: Quantity::Quota,
        }),
        Problem::Data(Data::OutOfRange {
            key: "percent".into(),
            value: 130,
            what: Quantity::Percentage,
            min: 0,
            max: 100,
        }),
        Problem::Data(Data::NotAYear { key: "k".into() }),
        Problem::Data(Data::NotADate { key: "k".into() }),
        Problem::Data(Data::DateWithTime { key: "k".into() }),
        Problem::Data(Data::Empty { key: "rule" }),
        Problem::Data(Data::EmptyOf {
            name: "IELTS".into(),
            key: "names",
        }),
        Problem::Data(Data::DoesNotApply {
            key: "months".into(),
            kind: "share".into(),
            target: "W".into(),
            data: DataFile::Plan,
        }),
        Problem::Data(Data::DoesNotApply {
            key: "min".into(),
            kind: "bands".into(),
            target: "X".into(),
            data: DataFile::Levels,
        }),
        Problem::Data(Data::Needs {
            key: "group",
            kind: "share".into(),
            target: "W".into(),
            data: DataFile::Plan,
        }),
        Problem::Data(Data::Needs {
            key: "min",
            kind: "scale".into(),
            target: "X".into(),
            data: DataFile::Levels,
        }),
        Problem::Data(Data::NotARuleKind {
            kind: "x".into(),
            kinds: "share, window".into(),
        }),
        Problem::Data(Data::BadTerm {
            key: "heads",
            value: "x".into(),
            bad: BadValue {
                reason: None,
                allowed: Allowed::Terms("a, b".into()),
                suggestion: None,
            },
            listed: true,
        }),
        Problem::Data(Data::BadTerm {
            key: "program",
            value: "x".into(),
            bad: BadValue {
                reason: None,
                allowed: Allowed::Terms("a, b".into()),
                suggestion: Some("a"),
            },
            listed: false,
        }),
        Problem::Data(Data::NotOneOf {
            key: "anchor",
            value: "x".into(),
            choices: "a, b".into(),
        }),
        Problem::Data(Data::QuotaYear { year: "x".into() }),
        Problem::Data(Data::TargetTwice {
            rule: "L".into(),
            of: TargetOf::Group(1),
            first: 3,
        }),
        Problem::Data(Data::TargetTwice {
            rule: "L".into(),
            of: TargetOf::Nothing,
            first: 3,
        }),
        Problem::Data(Data::NoTargets),
        Problem::Data(Data::ProgramOrGroup { rule: "Q".into() }),
        Problem::Data(Data::TotalBelowSum { total: 1, sum: 2 }),
        Problem::Data(Data::DerivedWithoutTotal),
        Problem::Data(Data::DerivedHasQuota { year: 2025 }),
        Problem::Data(Data::MaxBelowMin),
        Problem::Data(Data::NotAScoreKind { kind: "x".into() }),
        Problem::Data(Data::NoLetters {
            spelling: "?".into(),
        }),
        Problem::Data(Data::SpellingTwice {
            spelling: "a".into(),
            first: "B".into(),
            line: 3,
        }),
        Problem::Data(Data::NoCertificates),
        Problem::Data(Data::ScaleMaxNotAboveMin { name: "X".into() }),
        Problem::Data(Data::BandTwice {
            name: "X".into(),
            band: "b".into(),
        }),
        Problem::Data(Data::AliasNoBand {
            name: "X".into(),
            alias: "a".into(),
            band: "b".into(),
        }),
        Problem::Data(Data::BadSkill { name: "X".into() }),
        Problem::Data(Data::NotAScore {
            name: "X".into(),
            spelling: "s".into(),
            score: "1".into(),
        }),
        Problem::Data(Data::NotAScoreNumber { key: "min".into() }),
        Problem::Data(Data::FloorKey {
            name: "X".into(),
            level: "7".into(),
        }),
        Problem::Data(Data::FloorOutsideScale {
            name: "X".into(),
            level: 4,
        }),
        Problem::Data(Data::FloorNotABand {
            name: "X".into(),
            level: 4,
            bands: "a, b".into(),
        }),
        Problem::Data(Data::FloorSkill {
            name: "X".into(),
            level: 4,
            skill: "reading".into(),
            min: 5,
            max: 495,
        }),
        Problem::Data(Data::FloorNotAbove {
            name: "X".into(),
            level: 4,
            below: 3,
        }),
        Problem::EmptyFile,
        Problem::EmptySheet,
        Problem::EmptyLine,
        Problem::NoValues,
        Problem::HeaderQuote,
        Problem::OpenQuote { lines: 2 },
        Problem::LineBreak {
            header: "Họ và tên".into(),
            opened: 2,
            closed: 4,
            rows: true,
        },
        Problem::LineBreak {
            header: "Họ và tên".into(),
            opened: 2,
            closed: 3,
            rows: false,
        },
        Problem::ControlCharacter {
            header: "id".into(),
            character: '\0',
        },
        Problem::ControlCharacter {
            header: "id".into(),
            character: '\u{7}',
        },
        Problem::TooManyColumns {
            found: 70_000,
            limit: 65_536,
        },
        Problem::HeaderTooLarge {
            column: 3,
            bytes: 1 << 20,
        },
        Problem::CellCount { found: 3, width: 2 },
        Problem::CellCount { found: 1, width: 2 },
        Problem::TooLarge {
            header: "unit".into(),
            bytes: 70000,
        },
        Problem::FormulaError {
            header: "unit".into(),
            error: "#REF!".into(),
        },
        Problem::NoHeader {
            column: "N".into(),
            value: "x".into(),
        },
        Problem::NotUtf8,
        Problem::Windows1258,
        Problem::Lossy {
            cells: 1,
            places: "2:2".into(),
            in_sheet: false,
        },
        Problem::Lossy {
            cells: 1,
            places: "B2".into(),
            in_sheet: true,
        },
        Problem::LegacyFont {
            cells: 2,
            places: "2:2".into(),
            font: LegacyFont::Tcvn3,
            in_sheet: false,
        },
        Problem::LegacyFont {
            cells: 2,
            places: "B2".into(),
            font: LegacyFont::Either,
            in_sheet: true,
        },
        Problem::MissingColumn {
            name: "role",
            alias: "Diện",
            header: vec!["id".into()],
            more: 0,
            header_row: Some(4),
        },
        Problem::MissingColumn {
            name: "role",
            alias: "Diện",
            header: vec!["id".into()],
            more: 999_999,
            header_row: None,
        },
        Problem::SameHeader {
            header: "id".into(),
            first: "A".into(),
            again: "N".into(),
        },
        Problem::SameColumn {
            header: "Mã".into(),
            name: "id",
            first: "1".into(),
            first_header: "id".into(),
        },
        Problem::NoHeaderRow {
            rows: 30,
            wanted: vec![("id", "Mã cán bộ")],
        },
    ]);
    all.extend(
        [
            InputFile::Roster,
            InputFile::Enrolments,
            InputFile::Plan,
            InputFile::Levels,
            InputFile::Baseline,
            InputFile::OldReport,
            InputFile::NewReport,
            InputFile::TrendReport,
        ]
        .map(|what| Problem::CannotWrite {
            file: "./roster.csv".into(),
            why: Why::IsInput {
                input: "roster.csv".into(),
                what,
            },
        }),
    );
    all
}

#[test]
fn every_problem_has_vietnamese_words_in_nfc() {
    for problem in every_problem() {
        let (en, vi) = (say(&problem, Lang::En), say(&problem, Lang::Vi));
        assert!(!vi.is_empty(), "{problem:?}");
        assert_ne!(en, vi, "{problem:?} reads the same in both languages");
        assert!(is_nfc(&vi), "{problem:?}: {vi:?} is not NFC");
    }
}

#[test]
fn a_missing_appointment_names_the_rules_the_plan_runs_from_it() {
    let missing = |rules: &[&str]| Problem::NoAppointment {
        id: "X02".into(),
        no_column: false,
        rules: rules.iter().map(|r| r.to_string()).collect(),
    };
    assert_eq!(
        say(&missing(&["TITLE-2Y", "SECTOR-2Y"]), Lang::En),
        "incumbent \"X02\" has no appointment date; shown as missing_data in TITLE-2Y and SECTOR-2Y"
    );
    assert_eq!(
        say(&missing(&["A-1", "B-2", "C-3"]), Lang::Vi),
        "cán bộ đương chức \"X02\" không có ngày bổ nhiệm; được ghi là thiếu dữ liệu \
         ở A-1, B-2 và C-3"
    );
    assert_eq!(
        say(&missing(&[]), Lang::En),
        "incumbent \"X02\" has no appointment date"
    );
}

#[test]
fn a_levels_file_refused_says_what_is_wrong_in_it() {
    let said = |data| say(&Problem::Data(data), Lang::En);
    let name = || "A".to_owned();
    let floor = said(Data::FloorNotAbove {
        name: name(),
        level: 4,
        below: 3,
    });
    assert!(floor.contains("not above the floor of bậc 3"), "{floor}");
    assert!(
        said(Data::FloorOutsideScale {
            name: name(),
            level: 4
        })
        .contains("outside")
    );
    assert!(
        said(Data::SpellingTwice {
            spelling: name(),
            first: name(),
            line: 10
        })
        .contains("already names A on line")
    );
    assert!(
        said(Data::FloorNotABand {
            name: name(),
            level: 4,
            bands: "X, Y".into()
        })
        .contains("must be one of X, Y")
    );
    assert!(
        said(Data::NotAScore {
            name: name(),
            spelling: "A top".into(),
            score: "12".into()
        })
        .contains("standalone \"A top\"")
    );
}

#[test]
fn vietnamese_cites_rows_as_dong_and_dates_day_first() {
    let problem = Problem::Cell {
        header: "Ngày hoàn thành".into(),
        value: "2027-01-15".into(),
        what: Cell::AfterAsOf {
            as_of: day(),
            far: false,
            completion: true,
        },
    };
    assert_eq!(
        say(&problem, Lang::Vi),
        "ô \"Ngày hoàn thành\" = \"2027-01-15\": sau ngày 25/11/2026, ngày báo cáo tính đến; \
         ngày hoàn thành không thể ở tương lai"
    );
    let first = Place {
        line: 3,
        in_sheet: false,
    };
    assert_eq!(
        say(&Problem::DuplicateRow { first }, Lang::Vi),
        "trùng hệt dòng 3; chỉ tính một lần"
    );
    assert_eq!(
        say(&Problem::DuplicateRow { first }, Lang::En),
        "identical to line 3; counted once"
    );
}

mod diagnostics {
    use super::*;
    use crate::diag::tests::{diag, over_the_cap};
    use crate::diag::{Code, Diagnostic, Severity};

    #[test]
    fn prints_file_line_column_severity_and_code() {
        let d = Diagnostic {
            message: Box::new(Problem::DuplicateId {
                id: "X02".into(),
                first: Place {
                    line: 3,
                    in_sheet: false,
                },
            }),
            ..diag(6, Code::DuplicateId)
        };
        assert_eq!(
            d.to_string(),
            "roster.csv:6:1: error[duplicate-id]: \"X02\" already on line 3"
        );
        let file_level = Diagnostic {
            line: None,
            column: None,
            message: Box::new(Problem::EmptyFile),
            ..diag(0, Code::EmptyFile)
        };
        assert_eq!(
            file_level.to_string(),
            "roster.csv: error[empty-file]: file is empty"
        );
    }

    #[test]
    fn names_the_cell_of_a_sheet_as_excel_does() {
        let in_sheet = |sheet: &str, line, column| Diagnostic {
            file: "roster.xlsx".into(),
            sheet: Some(sheet.into()),
            line,
            column,
            message: Box::new(Problem::Worded("x".into())),
            ..diag(0, Code::BadDate)
        };
        assert_eq!(
            in_sheet("Sheet1", Some(14), Some(3)).to_string(),
            "roster.xlsx:Sheet1!C14: error[bad-date]: x"
        );
        assert_eq!(
            in_sheet("Danh sách", Some(7), Some(28)).to_string(),
            "roster.xlsx:'Danh sách'!AB7: error[bad-date]: x"
        );
        assert_eq!(
            in_sheet("Sheet1", Some(9), None).to_string(),
            "roster.xlsx:Sheet1!9:9: error[bad-date]: x"
        );
        assert_eq!(
            in_sheet("Sheet1", None, None).to_string(),
            "roster.xlsx:Sheet1: error[bad-date]: x"
        );
    }

    #[test]
    fn counts_the_problems_over_the_cap_in_a_line() {
        let all = over_the_cap();
        assert_eq!(
            all.overflow(),
            vec!["roster.csv: … and 70 more error[bad-date] not shown (120 in all)"]
        );
        assert_eq!(
            all.overflow_where(|_| true, Lang::Vi),
            vec!["roster.csv: … và 70 error[bad-date] khác không hiện ra (tổng cộng 120)"]
        );
        assert!(
            all.overflow_where(|s| s == Severity::Warning, Lang::En)
                .is_empty()
        );
    }
}

/// What the readers below find, as the words say it.
mod readers {
    use super::*;
    use crate::input::date::parse_date;
    use crate::input::values::{PROGRAMS, parse_groups, parse_term};
    use crate::levels::{LevelCell, embedded, read_level};

    /// Why `raw` is not a date, in English.
    fn not_a_date(raw: &str) -> String {
        match parse_date(raw) {
            Ok(d) => panic!("{raw} read as {d}"),
            Err(e) => date(&e, Lang::En),
        }
    }

    /// Why a `language_level` of `raw` is for review, as the English message words it.
    fn review(raw: &str) -> String {
        let why = match read_level(raw, &embedded()) {
            Ok(LevelCell::Review(why)) => why,
            other => panic!("{raw}: {other:?}"),
        };
        say(
            &Problem::Cell {
                header: "language_level".into(),
                value: String::new(),
                what: Cell::Review(why),
            },
            Lang::En,
        )
    }

    /// Why a `language_level` of `raw` is not allowed, in English.
    fn bad_level(raw: &str) -> String {
        match read_level(raw, &embedded()) {
            Err(bad) => bad_value(&bad, Lang::En),
            Ok(other) => panic!("{raw}: {other:?}"),
        }
    }

    #[test]
    fn a_date_month_first_suggests_it_day_first() {
        assert!(not_a_date("02/13/2024").contains("13/02/2024"));
    }

    #[test]
    fn a_placeholder_for_no_date_says_to_leave_the_cell_empty() {
        let said = not_a_date("01/01/0001");
        assert!(said.contains("no date") && said.contains("empty"), "{said}");
    }

    #[test]
    fn an_excel_serial_names_its_date_day_first() {
        assert!(not_a_date("45323").contains("01/02/2024"));
    }

    #[test]
    fn a_certificate_for_review_says_why() {
        let why = review("TOEIC L495 R495");
        assert!(why.contains("TOEIC L+R only"), "{why}");
        assert!(why.contains("all of L, R, S, W"), "{why}");
        let why = review("TOPIK 5");
        assert!(why.contains("manual review"), "{why}");
        assert!(why.contains("IELTS"), "{why}");
        let why = review("IELTS");
        assert!(why.contains("IELTS certificate without a score"), "{why}");
    }

    #[test]
    fn a_level_not_allowed_says_what_is() {
        let why = bad_level("6.5");
        assert!(why.contains("IELTS 6.5"), "{why}");
        let why = bad_level("IELTS 9.5");
        assert!(why.contains("IELTS 0 to 9"), "{why}");
    }

    #[test]
    fn a_value_not_allowed_lists_the_values_and_suggests_the_nearest() {
        let Err(bad) = parse_term("senior_specalist", &PROGRAMS) else {
            panic!("senior_specalist read as a programme")
        };
        let why = bad_value(&bad, Lang::En);
        assert!(
            why.contains("title_department (Lãnh đạo, quản lý cấp sở)"),
            "{why}"
        );
        assert!(why.contains("did you mean \"senior_specialist\"?"), "{why}");
        let three = GroupNumbers {
            count: 3,
            clause: "II.2.a–c".into(),
        };
        let Err(bad) = parse_groups("1,2", &three) else {
            panic!("1,2 read as groups")
        };
        assert!(bad_value(&bad, Lang::En).contains("not a comma"));
    }
}
