//! Deterministic generator for the sample Đồng Nai province.
//!
//! `cargo run --example sample_province` writes the same data twice:
//!
//! * `examples/en/roster.csv`, `examples/en/enrolments.csv`: canonical English headers and
//!   values, ISO dates, `,` delimiter, LF line ends, no BOM;
//! * `examples/vi/roster.csv`, `examples/vi/enrolments.csv`: a Vietnamese Excel-style export
//!   (UTF-8 BOM, `;` delimiter, CRLF, Vietnamese headers and values, dd/mm/yyyy dates).
//!
//! The demo's as-of date is 30/09/2026; nothing in the data is dated after it. The scenarios
//! (ratios, windows, quotas) are built on purpose and recomputed from the generated rows in a
//! summary printed to stderr.
//!
//! * `examples/xlsx/roster.xlsx`, `examples/xlsx/enrolments.xlsx`: the Vietnamese export as
//!   Excel workbooks the way HR templates lay them out: a merged title row, a date
//!   line and a blank row above the header, an `STT` column, real Excel dates with a few typed
//!   as dd/mm/yyyy text, and language levels as numbers.
//!
//! It then writes the same province one quarter later, as of 31/12/2026, to `examples/en-q4/`
//! and `examples/vi-q4/` (for `boiduong diff` and `check --baseline`): derived from the third
//! quarter by the named events of `next_quarter`, without drawing another random number, so
//! the third quarter's files stay exactly as they were.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Fixed seed: the output is byte-for-byte reproducible.
const SEED: u64 = 0x0143_2023_D0A1;

/// The as-of date of the demo.
const AS_OF: Date = Date::new(2026, 9, 30);

/// No enrolment starts before this day (the data covers 2021–2026).
const FIRST_DAY: Date = Date::new(2021, 1, 4);

/// Last Monday on which a course may start.
const LAST_START: Date = Date::new(2026, 9, 14);

const DUE_SOON_DAYS: i64 = 90;

// ---------------------------------------------------------------------------------------
// Dates (proleptic Gregorian, no dependency)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Date {
    y: i32,
    m: u32,
    d: u32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    const fn new(y: i32, m: u32, d: u32) -> Self {
        Date { y, m, d }
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        let m = i64::from(self.m);
        let y = i64::from(self.y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(y as i32, m as u32, d as u32)
    }

    fn add_days(self, n: i64) -> Self {
        Date::from_days(self.days() + n)
    }

    /// Calendar months, the day clamped to the end of the target month.
    fn add_months(self, n: i32) -> Self {
        let total = self.y * 12 + (self.m as i32 - 1) + n;
        let y = total.div_euclid(12);
        let m = total.rem_euclid(12) as u32 + 1;
        Date::new(y, m, self.d.min(days_in_month(y, m)))
    }

    /// 0 = Sunday … 6 = Saturday.
    fn weekday(self) -> i64 {
        (self.days() + 4).rem_euclid(7)
    }

    fn monday_on_or_after(self) -> Self {
        self.add_days((8 - self.weekday()) % 7)
    }

    fn monday_on_or_before(self) -> Self {
        self.add_days(-((self.weekday() + 6) % 7))
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    fn vi(self) -> String {
        format!("{:02}/{:02}/{:04}", self.d, self.m, self.y)
    }
}

/// Anchor + 24 calendar months (29/02/2024 → 28/02/2026).
fn deadline(anchor: Date) -> Date {
    anchor.add_months(24)
}

// ---------------------------------------------------------------------------------------
// Domain values and their spellings
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Program {
    TitleDepartment,
    TitleDistrict,
    SeniorSpecialist,
    PrincipalSpecialist,
    Sector,
    Language,
    Master,
    Doctor,
}

impl Program {
    const ALL: [Program; 8] = [
        Program::TitleDepartment,
        Program::TitleDistrict,
        Program::SeniorSpecialist,
        Program::PrincipalSpecialist,
        Program::Sector,
        Program::Language,
        Program::Master,
        Program::Doctor,
    ];

    fn en(self) -> &'static str {
        match self {
            Program::TitleDepartment => "title_department",
            Program::TitleDistrict => "title_district",
            Program::SeniorSpecialist => "senior_specialist",
            Program::PrincipalSpecialist => "principal_specialist",
            Program::Sector => "sector",
            Program::Language => "language",
            Program::Master => "master",
            Program::Doctor => "doctor",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Program::TitleDepartment => "Lãnh đạo, quản lý cấp sở",
            Program::TitleDistrict => "Lãnh đạo, quản lý cấp huyện",
            Program::SeniorSpecialist => "Chuyên viên cao cấp",
            Program::PrincipalSpecialist => "Chuyên viên chính",
            Program::Sector => "Ngành, lĩnh vực",
            Program::Language => "Ngoại ngữ",
            Program::Master => "Thạc sĩ",
            Program::Doctor => "Tiến sĩ",
        }
    }

    /// Length in weeks of the state-management classes, which run in cohorts.
    fn cohort_weeks(self) -> i64 {
        match self {
            Program::TitleDepartment | Program::SeniorSpecialist => 10,
            _ => 8,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Department,
    District,
}

impl Level {
    fn en(self) -> &'static str {
        match self {
            Level::Department => "department",
            Level::District => "district",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Level::Department => "Cấp sở",
            Level::District => "Cấp huyện",
        }
    }

    fn program(self) -> Program {
        match self {
            Level::Department => Program::TitleDepartment,
            Level::District => Program::TitleDistrict,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Role {
    #[default]
    Incumbent,
    Planned,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
enum Degree {
    #[default]
    Bachelor,
    Master,
    Doctor,
}

impl Degree {
    fn en(self) -> &'static str {
        match self {
            Degree::Bachelor => "bachelor",
            Degree::Master => "master",
            Degree::Doctor => "doctor",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Degree::Bachelor => "Đại học",
            Degree::Master => "Thạc sĩ",
            Degree::Doctor => "Tiến sĩ",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    PoliticalSchool,
    College,
    Health,
    ScienceTechnology,
}

impl Head {
    fn en(self) -> &'static str {
        match self {
            Head::PoliticalSchool => "political_school",
            Head::College => "college",
            Head::Health => "health",
            Head::ScienceTechnology => "science_technology",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Head::PoliticalSchool => "Trường Chính trị",
            Head::College => "Trường cao đẳng",
            Head::Health => "Y tế",
            Head::ScienceTechnology => "Khoa học và Công nghệ",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Status {
    Completed,
    Enrolled,
    Withdrawn,
}

impl Status {
    fn en(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Enrolled => "enrolled",
            Status::Withdrawn => "withdrawn",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Status::Completed => "Hoàn thành",
            Status::Enrolled => "Đang học",
            Status::Withdrawn => "Thôi học",
        }
    }
}

fn yes_no_en(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn yes_no_vi(b: bool) -> &'static str {
    if b { "Có" } else { "Không" }
}

const CEFR: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// What kind of body a unit is (drives the titles of planned officials).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Department,
    Office,
    Mass,
    School,
    District,
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
struct Official {
    id: String,
    full_name: String,
    unit: String,
    title: String,
    role: Role,
    level: Option<Level>,
    appointed: Option<Date>,
    groups: Vec<u8>,
    /// Level 1–6 of the six-level framework (CEFR A1–C2).
    lang: Option<u8>,
    /// Whether the level is written the CEFR way (`B2`) rather than as a number.
    cefr: bool,
    degree: Degree,
    head: Option<Head>,
    dept_leader: bool,
    central: Option<Date>,
    // Generation-only attributes.
    top: bool,
    kind: Kind,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Enrolment {
    who: usize,
    start: Date,
    program: Program,
    end: Option<Date>,
    status: Status,
    abroad: bool,
}

// ---------------------------------------------------------------------------------------
// The province: units, titles and names
// ---------------------------------------------------------------------------------------

/// A provincial unit: its head, its deputies and how many planned officials work there.
struct Unit {
    name: &'static str,
    kind: Kind,
    head: &'static str,
    deputy: &'static str,
    incumbents: usize,
    groups: &'static [u8],
    /// Groups carried by the head only (deputies get none).
    head_only: bool,
    /// Leaders of a provincial department (sở): SECTOR-2Y applies.
    dept_leader: bool,
    planned: usize,
}

const G12: &[u8] = &[1, 2];
const G1: &[u8] = &[1];
const G3: &[u8] = &[3];
const G0: &[u8] = &[];

const fn unit(
    name: &'static str,
    kind: Kind,
    titles: (&'static str, &'static str),
    incumbents: usize,
    groups: &'static [u8],
    planned: usize,
) -> Unit {
    Unit {
        name,
        kind,
        head: titles.0,
        deputy: titles.1,
        incumbents,
        groups,
        head_only: false,
        dept_leader: matches!(kind, Kind::Department),
        planned,
    }
}

const SO: (&str, &str) = ("Giám đốc Sở", "Phó Giám đốc Sở");
const VP: (&str, &str) = ("Chánh Văn phòng", "Phó Chánh Văn phòng");
const BAN: (&str, &str) = ("Trưởng ban", "Phó Trưởng ban");
const CT: (&str, &str) = ("Chủ tịch", "Phó Chủ tịch");
const HT: (&str, &str) = ("Hiệu trưởng", "Phó Hiệu trưởng");
const GD: (&str, &str) = ("Giám đốc", "Phó Giám đốc");

const PROVINCIAL: &[Unit] = &[
    unit("Văn phòng Tỉnh ủy", Kind::Office, VP, 8, G12, 3),
    unit("Ban Tổ chức Tỉnh ủy", Kind::Office, BAN, 3, G1, 3),
    unit("Văn phòng UBND tỉnh", Kind::Office, VP, 8, G12, 3),
    unit("Sở Nội vụ", Kind::Department, SO, 4, G1, 3),
    unit("Sở Tài chính", Kind::Department, SO, 4, G1, 3),
    unit("Sở Ngoại vụ", Kind::Department, SO, 5, G12, 2),
    unit("Sở Kế hoạch và Đầu tư", Kind::Department, SO, 7, G12, 3),
    unit(
        "Sở Văn hóa, Thể thao và Du lịch",
        Kind::Department,
        SO,
        6,
        G12,
        3,
    ),
    unit("Sở Khoa học và Công nghệ", Kind::Department, SO, 6, G12, 2),
    unit("Sở Công Thương", Kind::Department, SO, 6, G12, 3),
    unit(
        "Sở Lao động - Thương binh và Xã hội",
        Kind::Department,
        SO,
        6,
        G12,
        2,
    ),
    unit("Sở Y tế", Kind::Department, SO, 4, G1, 3),
    unit("Sở Tư pháp", Kind::Department, SO, 3, G1, 2),
    unit("Sở Xây dựng", Kind::Department, SO, 3, G1, 2),
    unit(
        "Sở Tài nguyên và Môi trường",
        Kind::Department,
        SO,
        3,
        G1,
        2,
    ),
    unit(
        "Sở Nông nghiệp và Phát triển nông thôn",
        Kind::Department,
        SO,
        3,
        G1,
        3,
    ),
    unit("Sở Giáo dục và Đào tạo", Kind::Department, SO, 3, G1, 3),
    unit(
        "Ban Quản lý các Khu công nghiệp tỉnh",
        Kind::Office,
        BAN,
        9,
        G12,
        2,
    ),
    unit(
        "Ban Quản lý Khu công nghệ cao công nghệ sinh học tỉnh",
        Kind::Office,
        BAN,
        8,
        G12,
        2,
    ),
    unit(
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        Kind::Office,
        VP,
        3,
        G0,
        3,
    ),
    Unit {
        head_only: true,
        ..unit(
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            Kind::Mass,
            CT,
            3,
            G1,
            2,
        )
    },
    Unit {
        head_only: true,
        ..unit("Liên đoàn Lao động tỉnh", Kind::Mass, CT, 3, G1, 2)
    },
    unit(
        "Tỉnh Đoàn",
        Kind::Mass,
        ("Bí thư Tỉnh Đoàn", "Phó Bí thư Tỉnh Đoàn"),
        3,
        G0,
        2,
    ),
    unit("Hội Liên hiệp Phụ nữ tỉnh", Kind::Mass, CT, 3, G0, 2),
    unit("Hội Nông dân tỉnh", Kind::Mass, CT, 3, G0, 1),
    unit("Hội Cựu chiến binh tỉnh", Kind::Mass, CT, 2, G0, 1),
    unit("Trường Chính trị tỉnh", Kind::School, HT, 3, G0, 2),
    unit(
        "Báo Đồng Nai",
        Kind::Office,
        ("Tổng Biên tập", "Phó Tổng Biên tập"),
        3,
        G0,
        2,
    ),
    unit(
        "Đài Phát thanh - Truyền hình Đồng Nai",
        Kind::Office,
        GD,
        3,
        G0,
        2,
    ),
    unit("Liên minh Hợp tác xã tỉnh", Kind::Mass, CT, 2, G0, 1),
    unit("Hội Văn học Nghệ thuật tỉnh", Kind::Mass, CT, 1, G0, 0),
    unit(
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        Kind::Mass,
        CT,
        1,
        G0,
        0,
    ),
    unit("Hội Chữ thập đỏ tỉnh", Kind::Mass, CT, 1, G0, 0),
    unit(
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        Kind::Office,
        GD,
        1,
        G0,
        1,
    ),
    unit("Trường Cao đẳng Y tế Đồng Nai", Kind::School, HT, 5, G3, 2),
    unit(
        "Trường Cao đẳng Kỹ thuật Đồng Nai",
        Kind::School,
        HT,
        5,
        G3,
        2,
    ),
];

/// (name, is a city, unit names carry ", tỉnh Đồng Nai", planned officials)
const DISTRICTS: &[(&str, bool, bool, usize)] = &[
    ("Biên Hòa", true, false, 2),
    ("Long Khánh", true, true, 1),
    ("Long Thành", false, false, 2),
    ("Nhơn Trạch", false, true, 2),
    ("Trảng Bom", false, false, 2),
    ("Thống Nhất", false, false, 1),
    ("Vĩnh Cửu", false, false, 1),
    ("Định Quán", false, false, 1),
    ("Tân Phú", false, false, 1),
    ("Xuân Lộc", false, true, 2),
    ("Cẩm Mỹ", false, false, 1),
];

const PLANNED_TITLES_DEPARTMENT: &[&str] = &[
    "Chánh Văn phòng Sở",
    "Chánh Thanh tra Sở",
    "Trưởng phòng Tổ chức cán bộ",
    "Trưởng phòng Kế hoạch - Tài chính",
    "Trưởng phòng Pháp chế",
    "Trưởng phòng Quản lý chuyên ngành",
];

const PLANNED_TITLES_OFFICE: &[&str] = &[
    "Trưởng phòng Tổng hợp",
    "Trưởng phòng Hành chính - Tổ chức",
    "Trưởng phòng Nghiên cứu",
    "Chánh Văn phòng",
];

const PLANNED_TITLES_MASS: &[&str] = &[
    "Chánh Văn phòng",
    "Trưởng ban Tổ chức - Kiểm tra",
    "Trưởng ban Tuyên giáo",
];

const PLANNED_TITLES_SCHOOL: &[&str] = &[
    "Trưởng phòng Đào tạo",
    "Trưởng khoa",
    "Trưởng phòng Tổ chức - Hành chính",
];

const SURNAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Phan", 45),
    ("Huỳnh", 40),
    ("Võ", 40),
    ("Hoàng", 20),
    ("Đặng", 20),
    ("Bùi", 20),
    ("Vũ", 15),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Trương", 8),
    ("Đinh", 6),
    ("Đoàn", 6),
    ("Lý", 5),
    ("Lâm", 5),
    ("Mai", 4),
    ("Cao", 4),
    ("Tô", 3),
];

const MALE_MIDDLE: &[&str] = &[
    "Văn",
    "Văn",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quốc",
    "Thanh",
    "Hoàng",
    "Công",
    "Xuân",
    "Ngọc",
    "Trọng",
    "Tấn",
    "Quang",
    "Anh",
    "Thành",
    "Văn Minh",
    "Hữu Phước",
];

const FEMALE_MIDDLE: &[&str] = &[
    "Thị",
    "Thị",
    "Thị",
    "Thị Thu",
    "Thị Kim",
    "Thị Ngọc",
    "Thị Thanh",
    "Ngọc",
    "Thị Mỹ",
    "Thị Hồng",
    "Thị Bích",
    "Thị Minh",
    "Thị Thúy",
];

const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Hưng", "Khánh", "Long", "Minh", "Nam", "Phong",
    "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
    "Lâm", "Hiếu", "Đạt", "Đông", "Huy", "Kiên", "Lợi", "Nghĩa", "Tâm", "Thịnh", "Tùng", "Hòa",
    "Phước", "Lộc", "Tân", "Trí", "Hậu", "Quý", "Thuận",
];

const FEMALE_GIVEN: &[&str] = &[
    "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Thảo",
    "Thủy", "Trang", "Vân", "Yến", "Loan", "Hoa", "Hiền", "Dung", "Oanh", "Xuân", "Liên", "Tuyết",
];

// ---------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------

/// TITLE-2Y outcome planned for an incumbent, and how its anchor date is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// Derived from the completion of the title programme (done/late requests).
    Derived,
    Overdue,
    DueSoon,
    /// Appointed 30/09/2024: the deadline is the as-of day itself (not yet overdue).
    DueSoonEdge,
    Open,
    Missing,
    Fixed(Date),
}

/// How a request for a class of a state-management programme is to be fulfilled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind2 {
    /// Completed within the window; the appointment is derived before the class.
    Done,
    /// Completed after the deadline; the appointment is derived accordingly.
    Late,
    /// Completed; no appointment derived (planned officials, missing data, wrong level).
    Plain,
    /// Started in August/September 2026, still in progress.
    InProgress,
    /// Completed exactly on the deadline day.
    ExactDeadline,
    /// Completed before the appointment (as a planned official).
    BeforeAppointment,
    /// Appointed 29/02/2024, completed 01/03/2026 (deadline 28/02/2026): late.
    LeapLate,
}

struct Req {
    who: usize,
    kind: Kind2,
    year: Option<i32>,
}

/// What the extra sector courses of a department leader may look like (SECTOR-2Y stays as planned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SectorPlan {
    Free,
    Late(Date),
    NoCompletion,
}

struct Gen {
    rng: fastrand::Rng,
    offs: Vec<Official>,
    enr: Vec<Enrolment>,
    cohorts: BTreeMap<(Program, i32), Vec<Date>>,
    late_cohort: BTreeMap<Program, Date>,
    anchors: Vec<Option<Anchor>>,
    sector_plan: Vec<SectorPlan>,
}

fn take(offs: &[Official], v: &mut Vec<usize>, pred: impl Fn(&Official) -> bool) -> usize {
    let pos = v
        .iter()
        .position(|&i| pred(&offs[i]))
        .expect("no official matches a required scenario");
    v.remove(pos)
}

impl Gen {
    fn new() -> Self {
        Gen {
            rng: fastrand::Rng::with_seed(SEED),
            offs: Vec::new(),
            enr: Vec::new(),
            cohorts: BTreeMap::new(),
            late_cohort: BTreeMap::new(),
            anchors: Vec::new(),
            sector_plan: Vec::new(),
        }
    }

    // ----- random helpers ------------------------------------------------------------

    fn between(&mut self, a: Date, b: Date) -> Date {
        assert!(a <= b, "empty date range {a:?}..{b:?}");
        a.add_days(self.rng.i64(0..=(b.days() - a.days())))
    }

    fn pct(&mut self, p: u32) -> bool {
        self.rng.u32(0..100) < p
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|x| x.1).sum();
        let mut r = self.rng.u32(0..total);
        for &(item, w) in items {
            if r < w {
                return item;
            }
            r -= w;
        }
        items[items.len() - 1].0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.usize(0..items.len())]
    }

    fn sample(&mut self, pool: &[usize], n: usize) -> Vec<usize> {
        let mut v = pool.to_vec();
        self.rng.shuffle(&mut v);
        assert!(v.len() >= n, "pool of {} too small for {n}", v.len());
        v.truncate(n);
        v
    }

    fn shuffled(&mut self, pred: impl Fn(&Official) -> bool) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.offs.len())
            .filter(|&i| pred(&self.offs[i]))
            .collect();
        self.rng.shuffle(&mut v);
        v
    }

    // ----- the roster ----------------------------------------------------------------

    fn push_official(&mut self, o: Official) {
        self.offs.push(o);
    }

    fn planned_at(&mut self, unit_name: &str, kind: Kind, titles: &[&'static str], n: usize) {
        let mut t: Vec<&str> = titles.to_vec();
        self.rng.shuffle(&mut t);
        for title in t.into_iter().cycle().take(n) {
            self.push_official(Official {
                unit: unit_name.to_string(),
                title: title.to_string(),
                role: Role::Planned,
                level: Some(Level::Department),
                kind,
                ..Official::default()
            });
        }
    }

    fn build_roster(&mut self) {
        for u in PROVINCIAL {
            for k in 0..u.incumbents {
                let top = k == 0;
                let mut title = if top { u.head } else { u.deputy }.to_string();
                if u.kind == Kind::School && u.incumbents == 5 && k == 1 {
                    title = "Chủ tịch Hội đồng trường".to_string();
                }
                let groups = if u.head_only && !top {
                    Vec::new()
                } else {
                    u.groups.to_vec()
                };
                self.push_official(Official {
                    unit: u.name.to_string(),
                    title,
                    role: Role::Incumbent,
                    level: Some(Level::Department),
                    groups,
                    dept_leader: u.dept_leader,
                    top,
                    kind: u.kind,
                    ..Official::default()
                });
            }
            let titles = match u.kind {
                Kind::Department => PLANNED_TITLES_DEPARTMENT,
                Kind::Office | Kind::District => PLANNED_TITLES_OFFICE,
                Kind::Mass => PLANNED_TITLES_MASS,
                Kind::School => PLANNED_TITLES_SCHOOL,
            };
            self.planned_at(u.name, u.kind, titles, u.planned);
        }
        for &(name, city, comma, planned) in DISTRICTS {
            let kw = if city { "thành phố" } else { "huyện" };
            let party_word = if city { "Thành ủy" } else { "Huyện ủy" };
            let suffix = if comma { ", tỉnh Đồng Nai" } else { "" };
            let party = format!("{party_word} {name}");
            let council = format!("HĐND {kw} {name}{suffix}");
            let committee = format!("UBND {kw} {name}{suffix}");
            let positions = [
                (&party, format!("Bí thư {party_word}"), true),
                (&council, format!("Chủ tịch HĐND {kw}"), true),
                (&council, format!("Phó Chủ tịch HĐND {kw}"), false),
                (&committee, format!("Chủ tịch UBND {kw}"), true),
                (&committee, format!("Phó Chủ tịch UBND {kw}"), false),
                (&committee, format!("Phó Chủ tịch UBND {kw}"), false),
            ];
            for (unit_name, title, top) in positions {
                self.push_official(Official {
                    unit: unit_name.clone(),
                    title,
                    role: Role::Incumbent,
                    level: Some(Level::District),
                    groups: if top { vec![1] } else { Vec::new() },
                    top,
                    kind: Kind::District,
                    ..Official::default()
                });
            }
            let mut options = vec![
                (party.clone(), format!("Trưởng Ban Tổ chức {party_word}")),
                (party.clone(), format!("Chánh Văn phòng {party_word}")),
                (party.clone(), format!("Trưởng Ban Tuyên giáo {party_word}")),
                (
                    party.clone(),
                    format!("Chủ nhiệm Ủy ban Kiểm tra {party_word}"),
                ),
                (committee.clone(), "Trưởng phòng Nội vụ".to_string()),
                (
                    committee.clone(),
                    format!("Chánh Văn phòng HĐND và UBND {kw}"),
                ),
            ];
            self.rng.shuffle(&mut options);
            for (unit_name, title) in options.into_iter().take(planned) {
                self.push_official(Official {
                    unit: unit_name,
                    title,
                    role: Role::Planned,
                    level: Some(Level::District),
                    kind: Kind::District,
                    ..Official::default()
                });
            }
        }

        // Group 2 leaders who are not in group 1: two deputies of the Party Office and three of
        // the Hi-tech Biotech Zone Authority.
        for (unit_name, n) in [
            ("Văn phòng Tỉnh ủy", 2),
            ("Ban Quản lý Khu công nghệ cao công nghệ sinh học tỉnh", 3),
        ] {
            let idx: Vec<usize> = (0..self.offs.len())
                .filter(|&i| {
                    let o = &self.offs[i];
                    o.unit == unit_name && o.role == Role::Incumbent && !o.top
                })
                .collect();
            for &i in idx.iter().rev().take(n) {
                self.offs[i].groups = vec![2];
            }
        }

        // Heads for PG-HEAD-DOCTOR.
        for (unit_name, head) in [
            ("Trường Chính trị tỉnh", Head::PoliticalSchool),
            ("Trường Cao đẳng Y tế Đồng Nai", Head::College),
            ("Trường Cao đẳng Kỹ thuật Đồng Nai", Head::College),
            ("Sở Y tế", Head::Health),
            ("Sở Khoa học và Công nghệ", Head::ScienceTechnology),
        ] {
            let i = self.head_index(unit_name);
            self.offs[i].head = Some(head);
        }

        // Six planned officials without a planned level.
        let provincial_planned =
            self.shuffled(|o| o.role == Role::Planned && o.kind != Kind::District);
        for &i in provincial_planned.iter().take(6) {
            self.offs[i].level = None;
        }

        for (n, o) in self.offs.iter_mut().enumerate() {
            o.id = format!("DN{:04}", n + 1);
        }
        self.anchors = vec![None; self.offs.len()];
        self.sector_plan = vec![SectorPlan::Free; self.offs.len()];
    }

    fn head_index(&self, unit_name: &str) -> usize {
        self.offs
            .iter()
            .position(|o| o.unit == unit_name && o.top && o.role == Role::Incumbent)
            .expect("unit head")
    }

    fn assign_names(&mut self) {
        let mut seen = HashSet::new();
        for i in 0..self.offs.len() {
            let female = self.pct(24);
            loop {
                let surname = self.weighted(SURNAMES);
                let (middle, given) = if female {
                    (self.pick(FEMALE_MIDDLE), self.pick(FEMALE_GIVEN))
                } else {
                    (self.pick(MALE_MIDDLE), self.pick(MALE_GIVEN))
                };
                let name = format!("{surname} {middle} {given}");
                if seen.insert(name.clone()) {
                    self.offs[i].full_name = name;
                    break;
                }
            }
        }
    }

    // ----- language levels -----------------------------------------------------------

    fn high_level(&mut self) -> (u8, bool) {
        let l = self.weighted(&[(4u8, 70), (5, 22), (6, 8)]);
        (l, self.pct(18))
    }

    fn low_level(&mut self) -> Option<(u8, bool)> {
        if self.pct(12) {
            return None;
        }
        let l = self.weighted(&[(1u8, 4), (2, 20), (3, 76)]);
        Some((l, self.pct(15)))
    }

    fn set_level(&mut self, i: usize, v: Option<(u8, bool)>) {
        self.offs[i].lang = v.map(|x| x.0);
        self.offs[i].cefr = v.is_some_and(|x| x.1);
    }

    fn assign_languages(&mut self) {
        let g12 = self.shuffled(|o| o.groups.contains(&1) && o.groups.contains(&2));
        let g2o = self.shuffled(|o| o.groups == [2]);
        let g1o = self.shuffled(|o| o.groups == [1]);
        let g3 = self.shuffled(|o| o.groups.contains(&3));
        let rest = self.shuffled(|o| o.groups.is_empty());
        for (set, high) in [(g12, 13), (g2o, 1), (g1o, 9), (g3, 7)] {
            for (k, &i) in set.iter().enumerate() {
                let v = if k < high {
                    Some(self.high_level())
                } else {
                    self.low_level()
                };
                self.set_level(i, v);
            }
        }
        for i in rest {
            let v = if self.pct(15) {
                Some(self.high_level())
            } else {
                self.low_level()
            };
            self.set_level(i, v);
        }
    }

    // ----- degrees (before postgraduate courses) -------------------------------------

    fn assign_degrees(&mut self) {
        for i in 0..self.offs.len() {
            self.offs[i].degree = self.weighted(&[
                (Degree::Bachelor, 31),
                (Degree::Master, 65),
                (Degree::Doctor, 4),
            ]);
            self.offs[i].degree = match self.offs[i].head {
                Some(Head::PoliticalSchool) => Degree::Doctor,
                Some(Head::College) if self.offs[i].unit.contains("Y tế") => Degree::Doctor,
                // The technical college head holds a master's and is enrolled in a doctorate;
                // the head of the science and technology department gets the doctorate in 2025;
                // the health director holds a master's and has no doctoral enrolment.
                Some(_) => Degree::Master,
                None => self.offs[i].degree,
            };
        }
    }

    // ----- enrolment helpers ---------------------------------------------------------

    fn push(&mut self, who: usize, program: Program, start: Date, end: Option<Date>) {
        let (end, status) = match end {
            Some(e) if e <= AS_OF => (Some(e), Status::Completed),
            _ => (None, Status::Enrolled),
        };
        self.enr.push(Enrolment {
            who,
            start,
            program,
            end,
            status,
            abroad: false,
        });
    }

    fn withdrawn(&mut self, who: usize, program: Program, start: Date) {
        self.enr.push(Enrolment {
            who,
            start,
            program,
            end: None,
            status: Status::Withdrawn,
            abroad: false,
        });
    }

    /// Start days of the classes of a cohort programme that end by the as-of date.
    fn cohort_starts(&mut self, p: Program, y: i32) -> Vec<Date> {
        if let Some(v) = self.cohorts.get(&(p, y)) {
            return v.clone();
        }
        let bases: &[(u32, u32, i64)] = if y == AS_OF.y {
            &[(2, 2, 20), (5, 4, 14)]
        } else {
            &[(3, 2, 25), (6, 1, 25), (9, 7, 25)]
        };
        let v: Vec<Date> = bases
            .iter()
            .map(|&(m, d, spread)| {
                Date::new(y, m, d)
                    .add_days(self.rng.i64(0..spread))
                    .monday_on_or_after()
            })
            .collect();
        self.cohorts.insert((p, y), v.clone());
        v
    }

    fn class_end(p: Program, start: Date) -> Date {
        start.add_days(p.cohort_weeks() * 7 - 3)
    }

    /// A class of year `y` that is over by the as-of date: (start, end).
    fn completed_class(&mut self, p: Program, y: i32) -> (Date, Date) {
        let starts = self.cohort_starts(p, y);
        let s = self.pick(&starts);
        (s, Gen::class_end(p, s))
    }

    /// The class that started in late summer 2026 and is still running.
    fn running_class(&mut self, p: Program) -> Date {
        if let Some(&d) = self.late_cohort.get(&p) {
            return d;
        }
        let d = Date::new(2026, 8, 24)
            .add_days(self.rng.i64(0..20))
            .monday_on_or_after();
        assert!(Gen::class_end(p, d) > AS_OF && d <= LAST_START);
        self.late_cohort.insert(p, d);
        d
    }

    /// Assigns a start year to every request so that the distinct officials starting per
    /// year match `targets` (2023–2026); 2021 and 2022 take the rest.
    fn spread_years(&mut self, reqs: &mut [Req], targets: &[(i32, usize)]) {
        let n = reqs.len();
        let fixed_sum: usize = targets.iter().map(|t| t.1).sum();
        assert!(n >= fixed_sum, "{n} requests < {fixed_sum} targeted");
        let rest = n - fixed_sum;
        let mut all: Vec<(i32, usize)> = vec![(2021, rest.div_ceil(2)), (2022, rest / 2)];
        all.extend_from_slice(targets);
        let mut slots = Vec::new();
        for &(y, t) in &all {
            let fixed = reqs.iter().filter(|r| r.year == Some(y)).count();
            assert!(fixed <= t, "{fixed} fixed requests in {y} exceed {t}");
            slots.extend(std::iter::repeat_n(y, t - fixed));
        }
        self.rng.shuffle(&mut slots);
        let mut it = slots.into_iter();
        for r in reqs.iter_mut().filter(|r| r.year.is_none()) {
            r.year = Some(it.next().expect("slot"));
        }
        assert!(it.next().is_none(), "unused year slots");
    }

    /// Fulfils the requests of one cohort programme; derives the appointment dates of
    /// done/late incumbents from their class.
    fn fulfil(&mut self, p: Program, mut reqs: Vec<Req>, targets: &[(i32, usize)]) {
        self.spread_years(&mut reqs, targets);
        for r in reqs {
            let y = r.year.expect("year");
            let who = r.who;
            match r.kind {
                Kind2::InProgress => {
                    assert_eq!(y, AS_OF.y);
                    let s = self.running_class(p);
                    self.push(who, p, s, None);
                }
                Kind2::LeapLate => {
                    self.push(who, p, Date::new(2026, 1, 5), Some(Date::new(2026, 3, 1)));
                    self.offs[who].appointed = Some(Date::new(2024, 2, 29));
                    self.anchors[who] = Some(Anchor::Derived);
                }
                kind => {
                    let (s, e) = self.completed_class(p, y);
                    self.push(who, p, s, Some(e));
                    let appointed = match kind {
                        Kind2::Done => {
                            let a = s.add_days(-self.rng.i64(20..=600));
                            assert!(deadline(a) >= e);
                            Some(a)
                        }
                        Kind2::Late => Some(e.add_months(-24).add_days(-self.rng.i64(20..=300))),
                        Kind2::ExactDeadline => {
                            let a = e.add_months(-24);
                            assert_eq!(deadline(a), e);
                            Some(a)
                        }
                        Kind2::BeforeAppointment => Some(e.add_days(self.rng.i64(180..=400))),
                        _ => None,
                    };
                    if let Some(a) = appointed {
                        self.offs[who].appointed = Some(a);
                        self.anchors[who] = Some(Anchor::Derived);
                    }
                }
            }
        }
    }

    // ----- TITLE-2Y and PLANNED-READY ------------------------------------------------

    fn title_programmes(&mut self) {
        let is_inc = |o: &Official| o.role == Role::Incumbent;
        let mut dep = self.shuffled(|o| is_inc(o) && o.level == Some(Level::Department));
        let mut dis = self.shuffled(|o| is_inc(o) && o.level == Some(Level::District));
        assert_eq!((dep.len(), dis.len()), (144, 66));
        let mut rd: Vec<Req> = Vec::new(); // title_department
        let mut rs: Vec<Req> = Vec::new(); // title_district
        let req = |who, kind, year| Req { who, kind, year };
        let td = Program::TitleDepartment;
        let ts = Program::TitleDistrict;

        // Department-level incumbents: the special cases first.
        let offs = &self.offs;
        let missing = take(offs, &mut dep, |o| o.dept_leader);
        let wrong = take(offs, &mut dep, |o| {
            o.dept_leader && o.title == "Phó Giám đốc Sở"
        });
        let leap = take(offs, &mut dep, |o| o.head.is_none());
        let exact = take(offs, &mut dep, |o| o.head.is_none());
        let before = take(offs, &mut dep, |o| {
            o.dept_leader && o.title == "Phó Giám đốc Sở"
        });
        let edge = take(offs, &mut dep, |o| o.head.is_none());

        self.anchors[missing] = Some(Anchor::Missing);
        rd.push(req(missing, Kind2::Plain, None));
        // A department-level title holder whose only title course is the district one
        // (taken in 2022, before the appointment): overdue.
        self.anchors[wrong] = Some(Anchor::Fixed(Date::new(2023, 8, 1)));
        rs.push(req(wrong, Kind2::Plain, Some(2022)));
        rd.push(req(leap, Kind2::LeapLate, Some(2026)));
        rd.push(req(exact, Kind2::ExactDeadline, Some(2025)));
        rd.push(req(before, Kind2::BeforeAppointment, Some(2022)));
        self.anchors[edge] = Some(Anchor::DueSoonEdge);
        rd.push(req(edge, Kind2::InProgress, Some(2026)));

        let mut it = dep.into_iter();
        for y in [2023, 2024, 2025] {
            rd.push(req(
                it.next().expect("enough officials"),
                Kind2::Late,
                Some(y),
            ));
        }
        for k in 0..4 {
            let who = it.next().expect("enough officials");
            self.anchors[who] = Some(Anchor::Overdue);
            match k {
                0 => {
                    let (s, _) = self.completed_class(td, 2024);
                    self.withdrawn(who, td, s);
                }
                1 => rd.push(req(who, Kind2::InProgress, Some(2026))),
                _ => {}
            }
        }
        for k in 0..3 {
            let who = it.next().expect("enough officials");
            self.anchors[who] = Some(Anchor::DueSoon);
            if k == 0 {
                rd.push(req(who, Kind2::InProgress, Some(2026)));
            }
        }
        for k in 0..28 {
            let who = it.next().expect("enough officials");
            self.anchors[who] = Some(Anchor::Open);
            if k < 5 {
                rd.push(req(who, Kind2::InProgress, Some(2026)));
            } else if k < 7 {
                let (s, _) = self.completed_class(td, 2025);
                self.withdrawn(who, td, s);
            }
        }
        for who in it {
            rd.push(req(who, Kind2::Done, None));
        }

        // District-level incumbents.
        let mut it = dis.drain(..);
        let who = it.next().expect("enough officials");
        self.anchors[who] = Some(Anchor::Missing);
        for y in [2024, 2025] {
            rs.push(req(
                it.next().expect("enough officials"),
                Kind2::Late,
                Some(y),
            ));
        }
        for k in 0..3 {
            let who = it.next().expect("enough officials");
            self.anchors[who] = Some(Anchor::Overdue);
            if k == 0 {
                rs.push(req(who, Kind2::InProgress, Some(2026)));
            }
        }
        let who = it.next().expect("enough officials");
        self.anchors[who] = Some(Anchor::DueSoon);
        for k in 0..12 {
            let who = it.next().expect("enough officials");
            self.anchors[who] = Some(Anchor::Open);
            if k == 0 {
                rs.push(req(who, Kind2::InProgress, Some(2026)));
            }
        }
        let done_district: Vec<usize> = it.collect();
        assert_eq!(done_district.len(), 47);
        for who in done_district {
            rs.push(req(who, Kind2::Done, None));
        }

        // Planned officials (PLANNED-READY): about two thirds are ready.
        let planned_dep =
            self.shuffled(|o| o.role == Role::Planned && o.level == Some(Level::Department));
        assert_eq!(planned_dep.len(), 68);
        for (k, &who) in planned_dep.iter().enumerate() {
            match k {
                0..46 => rd.push(req(who, Kind2::Plain, None)),
                // Completed the district programme, planned for a department title: not ready.
                46..49 => rs.push(req(who, Kind2::Plain, None)),
                49..53 => rd.push(req(who, Kind2::InProgress, Some(2026))),
                53 | 54 => {
                    let y = 2024 + (k as i32 - 53);
                    let (s, _) = self.completed_class(td, y);
                    self.withdrawn(who, td, s);
                }
                _ => {}
            }
        }
        let planned_none = self.shuffled(|o| o.role == Role::Planned && o.level.is_none());
        for &who in planned_none.iter().take(2) {
            rd.push(req(who, Kind2::Plain, None));
        }
        let planned_dis =
            self.shuffled(|o| o.role == Role::Planned && o.level == Some(Level::District));
        assert_eq!(planned_dis.len(), 16);
        for (k, &who) in planned_dis.iter().enumerate() {
            match k {
                0..10 => rs.push(req(who, Kind2::Plain, None)),
                10 => rs.push(req(who, Kind2::InProgress, Some(2026))),
                11 => {
                    let (s, _) = self.completed_class(ts, 2023);
                    self.withdrawn(who, ts, s);
                }
                _ => {}
            }
        }

        // Quotas of App. 02 (start years): department 25 (met), 15 (short), 39 (met);
        // district 1 (met), 2 (met), 6 (short).
        self.fulfil(td, rd, &[(2023, 25), (2024, 15), (2025, 39), (2026, 18)]);
        self.fulfil(ts, rs, &[(2023, 1), (2024, 2), (2025, 6), (2026, 7)]);

        // Anchors not derived from a class.
        for i in 0..self.offs.len() {
            let a = match self.anchors[i] {
                Some(Anchor::Overdue) => {
                    Some(self.between(Date::new(2022, 3, 1), Date::new(2024, 8, 30)))
                }
                Some(Anchor::DueSoon) => {
                    Some(self.between(Date::new(2024, 10, 7), Date::new(2024, 12, 20)))
                }
                Some(Anchor::DueSoonEdge) => Some(Date::new(2024, 9, 30)),
                Some(Anchor::Open) => {
                    Some(self.between(Date::new(2025, 1, 10), Date::new(2026, 9, 15)))
                }
                Some(Anchor::Fixed(d)) => Some(d),
                Some(Anchor::Missing) => None,
                Some(Anchor::Derived) => self.offs[i].appointed,
                None => {
                    assert_eq!(
                        self.offs[i].role,
                        Role::Planned,
                        "incumbent without scenario"
                    );
                    // Planned officials: the date of the post they hold now, for some of them.
                    if self.pct(25) {
                        Some(self.between(Date::new(2016, 1, 4), Date::new(2024, 12, 30)))
                    } else {
                        None
                    }
                }
            };
            self.offs[i].appointed = a;
        }
    }

    // ----- SECTOR-2Y -----------------------------------------------------------------

    fn sector_course(&mut self, who: usize, lo: Date, hi: Date) {
        let dur = self.weighted(&[(4i64, 60), (11, 30), (25, 10)]);
        let lo = lo.max(FIRST_DAY);
        let hi_start = hi.add_days(-dur);
        assert!(lo <= hi_start, "no room for a sector course {lo:?}..{hi:?}");
        let mut s = self.between(lo, hi_start).monday_on_or_before();
        if s < lo {
            s = lo;
        }
        self.push(who, Program::Sector, s, Some(s.add_days(dur)));
    }

    fn sector(&mut self) {
        let leaders = self.shuffled(|o| o.role == Role::Incumbent && o.dept_leader);
        let forced_late: Vec<usize> = leaders
            .iter()
            .copied()
            .filter(|&i| {
                self.offs[i]
                    .appointed
                    .is_some_and(|a| deadline(a) < Date::new(2021, 2, 15))
            })
            .collect();
        let mut overdue = 0;
        let mut late = forced_late.len();
        for &i in &leaders {
            let Some(a) = self.offs[i].appointed else {
                // missing_data: a sector course anyway.
                self.sector_course(i, Date::new(2023, 1, 2), Date::new(2023, 12, 29));
                continue;
            };
            let dl = deadline(a);
            if forced_late.contains(&i) {
                self.sector_course(i, dl.add_days(15), dl.add_days(400).min(AS_OF));
                self.sector_plan[i] = SectorPlan::Late(dl);
            } else if overdue < 5 && dl < AS_OF.add_days(-30) {
                overdue += 1;
                self.sector_plan[i] = SectorPlan::NoCompletion;
                match overdue {
                    1 => {
                        let s = self.running_class(Program::Sector);
                        self.push(i, Program::Sector, s, None);
                    }
                    2 => {
                        let s = self
                            .between(Date::new(2025, 3, 3), Date::new(2025, 11, 28))
                            .monday_on_or_after();
                        self.withdrawn(i, Program::Sector, s);
                    }
                    _ => {}
                }
            } else if late < 4 && dl >= Date::new(2021, 6, 1) && dl < Date::new(2026, 3, 1) {
                late += 1;
                self.sector_course(i, dl.add_days(15), dl.add_days(400).min(AS_OF));
                self.sector_plan[i] = SectorPlan::Late(dl);
            } else if dl >= AS_OF && self.pct(35) {
                self.sector_plan[i] = SectorPlan::NoCompletion;
            } else {
                self.sector_course(i, a.add_days(-150), dl.min(AS_OF));
            }
        }
    }

    // ----- CVCC-2Y and the senior specialist quota -----------------------------------

    fn senior_specialist(&mut self) {
        let p = Program::SeniorSpecialist;
        let tops = self.shuffled(|o| o.role == Role::Incumbent && o.top);
        let (central, others) = tops.split_at(12);
        type Cvcc = (Date, Option<(Date, Option<Date>)>);
        let d = Date::new;
        // (approval of the planning for a Politburo/Secretariat title, CVCC class)
        let scenarios: [Cvcc; 12] = [
            (d(2021, 3, 15), Some((d(2021, 9, 6), Some(d(2021, 11, 12))))), // done
            (d(2021, 10, 20), Some((d(2023, 3, 6), Some(d(2023, 5, 12))))), // done
            (d(2022, 4, 12), Some((d(2024, 5, 6), Some(d(2024, 7, 12))))),  // late
            (d(2022, 9, 1), None),                                          // overdue
            (
                d(2023, 1, 10),
                Some((d(2023, 9, 11), Some(d(2023, 11, 17)))),
            ), // done
            (d(2023, 6, 20), Some((d(2022, 8, 8), Some(d(2022, 10, 14))))), // done, before approval
            (d(2023, 12, 5), Some((d(2025, 12, 8), Some(d(2026, 2, 13))))), // late
            (d(2024, 3, 18), None),                                         // overdue
            (d(2024, 11, 20), Some((d(2026, 8, 31), None))),                // due soon, enrolled
            (d(2025, 2, 14), Some((d(2025, 5, 12), Some(d(2025, 7, 18))))), // done
            (d(2025, 7, 15), None),                                         // open
            (d(2026, 3, 10), None),                                         // open
        ];
        let mut reqs = Vec::new();
        for (&who, &(approved, class)) in central.iter().zip(scenarios.iter()) {
            self.offs[who].central = Some(approved);
            // These classes are outside the cohort calendar; their years count as fixed.
            if let Some((s, e)) = class {
                self.push(who, p, s, e);
                reqs.push(s.y);
            }
        }
        // The overdue official of 2022 enrolled in 2023 and withdrew.
        self.withdrawn(central[3], p, d(2023, 3, 6));

        // Other holders of top titles take the class: 7, 8 (short of 9), 10.
        let mut others: Vec<Req> = others
            .iter()
            .take(31)
            .map(|&who| Req {
                who,
                kind: Kind2::Plain,
                year: None,
            })
            .collect();
        let mut targets: Vec<(i32, usize)> = vec![(2023, 7), (2024, 8), (2025, 10), (2026, 3)];
        for t in &mut targets {
            t.1 -= reqs.iter().filter(|&&y| y == t.0).count();
        }
        // 2021 and 2022 get 5 and 6 in all (one fixed class each).
        assert_eq!(others.len() - targets.iter().map(|t| t.1).sum::<usize>(), 9);
        self.fulfil(p, std::mem::take(&mut others), &targets);
        // A top-title holder outside both lists enrolled in 2024 and withdrew: not counted.
        let (s, _) = self.completed_class(p, 2024);
        self.withdrawn(tops[43], p, s);
    }

    // ----- principal specialist (planned officials mostly) ---------------------------

    fn principal_specialist(&mut self) {
        let p = Program::PrincipalSpecialist;
        let planned = self.shuffled(|o| o.role == Role::Planned);
        let deputies = self.shuffled(|o| o.role == Role::Incumbent && !o.top);
        let mut reqs: Vec<Req> = planned
            .iter()
            .take(30)
            .chain(deputies.iter().take(12))
            .map(|&who| Req {
                who,
                kind: Kind2::Plain,
                year: None,
            })
            .collect();
        reqs.push(Req {
            who: planned[30],
            kind: Kind2::InProgress,
            year: Some(2026),
        });
        // 14 (met), 3 (met), 5 (short of 7).
        self.fulfil(p, reqs, &[(2023, 14), (2024, 3), (2025, 5), (2026, 4)]);
        let (s, _) = self.completed_class(p, 2024);
        self.withdrawn(planned[31], p, s);
    }

    // ----- language courses (App. 01 quotas) -----------------------------------------

    fn language_course(&mut self, who: usize, y: i32) {
        let last = if y == AS_OF.y {
            LAST_START
        } else {
            Date::new(y, 11, 30)
        };
        let s = self.between(Date::new(y, 1, 4), last).monday_on_or_after();
        let weeks = self.rng.i64(12..=32);
        self.push(who, Program::Language, s, Some(s.add_days(weeks * 7 - 3)));
    }

    fn language(&mut self) {
        let g12 = self.shuffled(|o| o.groups.contains(&1) && o.groups.contains(&2));
        let g2o = self.shuffled(|o| o.groups == [2]);
        let g1o = self.shuffled(|o| o.groups == [1]);
        let g3 = self.shuffled(|o| o.groups.contains(&3));
        // (year, group 1∩2, group 2 only, group 1 only, group 3):
        // group 1 = first + third, group 2 = first + second.
        let plan = [
            (2021, 4, 0, 5, 1),
            (2022, 5, 0, 6, 1),
            (2023, 8, 1, 7, 1),  // g1 15 (met), g2 9 (met), g3 1 (met)
            (2024, 7, 2, 5, 1),  // g1 12 (short of 15), g2 9 (met), g3 1 (met)
            (2025, 5, 0, 11, 0), // g1 16 (met), g2 5 (short of 6)
            (2026, 4, 1, 6, 1),
        ];
        for (y, a, b, c, e) in plan {
            let mut chosen = self.sample(&g12, a);
            chosen.extend(self.sample(&g2o, b));
            let ones = self.sample(&g1o, c);
            chosen.extend(self.sample(&g3, e));
            for &who in &chosen {
                self.language_course(who, y);
            }
            for (k, &who) in ones.iter().enumerate() {
                if y == 2025 && k == 0 {
                    // Two courses in one year: counted once.
                    self.push(
                        who,
                        Program::Language,
                        Date::new(2025, 2, 10),
                        Some(Date::new(2025, 5, 30)),
                    );
                    self.push(
                        who,
                        Program::Language,
                        Date::new(2025, 8, 4),
                        Some(Date::new(2025, 11, 28)),
                    );
                } else {
                    self.language_course(who, y);
                }
            }
            if y == 2024 {
                // Withdrawn in 2024: not counted.
                for pool in [&g12, &g1o] {
                    let who = *pool
                        .iter()
                        .find(|&&i| !chosen.contains(&i) && !ones.contains(&i))
                        .expect("someone not studying in 2024");
                    let s = Date::new(2024, 3, 4);
                    self.withdrawn(who, Program::Language, s);
                }
            }
        }
        // Planned officials and incumbents outside the groups study too.
        let others = self.shuffled(|o| o.groups.is_empty());
        for &who in others.iter().take(46) {
            let y = self.rng.i32(2021..=2026);
            self.language_course(who, y);
        }
    }

    // ----- postgraduate (PG-ANNUAL, PG-HEAD-DOCTOR) ----------------------------------

    fn postgraduate(&mut self) {
        let d = Date::new;
        let st = self.head_index("Sở Khoa học và Công nghệ");
        let tech = self.head_index("Trường Cao đẳng Kỹ thuật Đồng Nai");
        // The science and technology director: doctorate 2021–2025.
        self.push(st, Program::Doctor, d(2021, 10, 4), Some(d(2025, 6, 27)));
        // The technical college head: doctoral student since 2024.
        self.push(tech, Program::Doctor, d(2024, 10, 7), None);
        let bachelors = self.shuffled(|o| o.degree == Degree::Bachelor && o.head.is_none());
        let masters = self.shuffled(|o| o.degree == Degree::Master && o.head.is_none());
        let mut bach = bachelors.into_iter();
        let mut mast = masters.into_iter();
        // A master's 2021–2023, then a doctorate from 2024.
        let both = bach.next().expect("a bachelor");
        self.push(both, Program::Master, d(2021, 9, 27), Some(d(2023, 9, 29)));
        self.push(both, Program::Doctor, d(2024, 10, 14), None);

        // Distinct officials starting per year (2021 and 2024 include the three above).
        let per_year = [
            (2021, 5),
            (2022, 9),
            (2023, 12),
            (2024, 7),
            (2025, 14),
            (2026, 5),
        ];
        for (y, n) in per_year {
            let doctors = n / 4;
            for k in 0..n {
                let doctor = k < doctors;
                let who = (if doctor { mast.next() } else { bach.next() }).expect("candidate");
                let s = (if y == AS_OF.y {
                    self.between(d(2026, 3, 2), LAST_START)
                } else {
                    self.between(d(y, 9, 1), d(y, 10, 30))
                })
                .monday_on_or_after();
                let months = if doctor {
                    self.rng.i32(38..=50)
                } else {
                    self.rng.i32(22..=26)
                };
                let e = s.add_months(months).add_days(self.rng.i64(0..20));
                self.push(
                    who,
                    if doctor {
                        Program::Doctor
                    } else {
                        Program::Master
                    },
                    s,
                    Some(e),
                );
                if y == 2023 && k == n - 1 {
                    self.enr.last_mut().expect("just pushed").abroad = true;
                }
                if y == 2022 && k == 0 {
                    self.enr.last_mut().expect("just pushed").abroad = true;
                }
            }
        }
        // Withdrawn: not counted.
        for (y, doctor) in [(2022, false), (2024, false), (2025, true)] {
            let who = (if doctor { mast.next() } else { bach.next() }).expect("candidate");
            let s = d(y, 9, 1).monday_on_or_after().add_days(28);
            self.withdrawn(
                who,
                if doctor {
                    Program::Doctor
                } else {
                    Program::Master
                },
                s,
            );
        }
        // Degrees follow the completed courses.
        for e in &self.enr {
            if e.status != Status::Completed {
                continue;
            }
            let o = &mut self.offs[e.who];
            match e.program {
                Program::Master => o.degree = o.degree.max(Degree::Master),
                Program::Doctor => o.degree = Degree::Doctor,
                _ => {}
            }
        }
    }

    // ----- the other sector courses --------------------------------------------------

    fn extra_sector(&mut self) {
        let existing: HashSet<(usize, Program, Date)> = self
            .enr
            .iter()
            .map(|e| (e.who, e.program, e.start))
            .collect();
        let mut seen = existing;
        for who in 0..self.offs.len() {
            let k = self.weighted(&[(0usize, 12), (1, 26), (2, 32), (3, 20), (4, 10)]);
            for _ in 0..k {
                let s = self.between(FIRST_DAY, LAST_START).monday_on_or_after();
                let dur = self.weighted(&[(4i64, 60), (11, 30), (25, 10)]);
                let e = s.add_days(dur);
                let withdraw = self.pct(3);
                let ok = match self.sector_plan[who] {
                    SectorPlan::Free => true,
                    SectorPlan::Late(dl) => withdraw || e > dl,
                    SectorPlan::NoCompletion => withdraw || e > AS_OF,
                };
                if !ok || !seen.insert((who, Program::Sector, s)) {
                    continue;
                }
                if withdraw {
                    self.withdrawn(who, Program::Sector, s);
                } else {
                    self.push(who, Program::Sector, s, Some(e));
                }
            }
        }
    }

    // ----- abroad --------------------------------------------------------------------

    fn abroad(&mut self) {
        // PG abroad marks were set above; a language course abroad in 2024; sector courses.
        let per_year = [
            (2021, 1),
            (2022, 2),
            (2023, 2),
            (2024, 3),
            (2025, 3),
            (2026, 2),
        ];
        for (y, n) in per_year {
            let mut cands: Vec<usize> = (0..self.enr.len())
                .filter(|&k| {
                    let e = &self.enr[k];
                    e.program == Program::Sector
                        && e.status == Status::Completed
                        && e.start.y == y
                        && self.offs[e.who].top
                })
                .collect();
            self.rng.shuffle(&mut cands);
            for &k in cands.iter().take(n) {
                self.enr[k].abroad = true;
            }
        }
        let lang = (0..self.enr.len())
            .find(|&k| {
                let e = &self.enr[k];
                e.program == Program::Language && e.start.y == 2024 && e.status == Status::Completed
            })
            .expect("a language course completed in 2024");
        self.enr[lang].abroad = true;
    }

    fn finish(&mut self) {
        self.enr.sort();
        let n = self.enr.len();
        self.enr.dedup();
        assert_eq!(n, self.enr.len(), "duplicate enrolments");
        let mut ids = HashSet::new();
        for o in &self.offs {
            assert!(ids.insert(o.id.clone()), "duplicate id {}", o.id);
            for d in [o.appointed, o.central].into_iter().flatten() {
                assert!(d <= AS_OF, "{} dated after the as-of day", o.id);
            }
        }
        for e in &self.enr {
            assert!(e.start >= FIRST_DAY && e.start <= AS_OF, "{e:?}");
            match e.status {
                Status::Completed => {
                    let end = e.end.expect("completed_on");
                    assert!(end >= e.start && end <= AS_OF, "{e:?}");
                }
                Status::Enrolled | Status::Withdrawn => assert!(e.end.is_none(), "{e:?}"),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

fn field(s: &str, delim: char) -> String {
    if s.contains(delim) || s.contains('"') || s.contains('\n') || s.contains('\r') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(out: &mut String, fields: &[String], delim: char, eol: &str) {
    let joined: Vec<String> = fields.iter().map(|f| field(f, delim)).collect();
    out.push_str(&joined.join(&delim.to_string()));
    out.push_str(eol);
}

#[derive(Clone, Copy)]
enum Lang {
    En,
    Vi,
}

fn render(offs: &[Official], enr: &[Enrolment], lang: Lang) -> (String, String) {
    let (delim, eol, bom) = match lang {
        Lang::En => (',', "\n", ""),
        Lang::Vi => (';', "\r\n", "\u{feff}"),
    };
    let date = |d: Option<Date>| match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::En) => d.iso(),
        (Some(d), Lang::Vi) => d.vi(),
    };
    let s = |x: &str| x.to_string();
    let mut roster = s(bom);
    let mut enrol = s(bom);
    let (rh, eh): (&[&str], &[&str]) = match lang {
        Lang::En => (
            &[
                "id",
                "full_name",
                "unit",
                "title",
                "role",
                "title_level",
                "appointed_on",
                "language_groups",
                "language_level",
                "degree",
                "head_of",
                "department_leader",
                "central_plan_approved_on",
            ],
            &[
                "id",
                "program",
                "started_on",
                "completed_on",
                "status",
                "abroad",
            ],
        ),
        Lang::Vi => (
            &[
                "Mã cán bộ",
                "Họ và tên",
                "Cơ quan, đơn vị",
                "Chức danh",
                "Diện",
                "Cấp chức danh",
                "Ngày bổ nhiệm",
                "Nhóm ngoại ngữ",
                "Bậc ngoại ngữ",
                "Trình độ",
                "Người đứng đầu",
                "Lãnh đạo sở",
                "Ngày phê duyệt quy hoạch",
            ],
            &[
                "Mã cán bộ",
                "Chương trình",
                "Ngày bắt đầu",
                "Ngày hoàn thành",
                "Trạng thái",
                "Ở nước ngoài",
            ],
        ),
    };
    line(
        &mut roster,
        &rh.iter().map(|x| s(x)).collect::<Vec<_>>(),
        delim,
        eol,
    );
    line(
        &mut enrol,
        &eh.iter().map(|x| s(x)).collect::<Vec<_>>(),
        delim,
        eol,
    );
    for o in offs {
        let groups: Vec<String> = o.groups.iter().map(u8::to_string).collect();
        let level = match (o.lang, o.cefr, lang) {
            (None, _, _) => String::new(),
            (Some(l), true, _) => s(CEFR[usize::from(l) - 1]),
            (Some(l), false, Lang::En) => l.to_string(),
            (Some(l), false, Lang::Vi) => format!("Bậc {l}"),
        };
        let row = match lang {
            Lang::En => vec![
                o.id.clone(),
                o.full_name.clone(),
                o.unit.clone(),
                o.title.clone(),
                s(match o.role {
                    Role::Incumbent => "incumbent",
                    Role::Planned => "planned",
                }),
                o.level.map_or(String::new(), |l| s(l.en())),
                date(o.appointed),
                groups.join("|"),
                level,
                s(o.degree.en()),
                o.head.map_or(String::new(), |h| s(h.en())),
                s(yes_no_en(o.dept_leader)),
                date(o.central),
            ],
            Lang::Vi => vec![
                o.id.clone(),
                o.full_name.clone(),
                o.unit.clone(),
                o.title.clone(),
                s(match o.role {
                    Role::Incumbent => "Đương chức",
                    Role::Planned => "Quy hoạch",
                }),
                o.level.map_or(String::new(), |l| s(l.vi())),
                date(o.appointed),
                groups.join(" "),
                level,
                s(o.degree.vi()),
                o.head.map_or(String::new(), |h| s(h.vi())),
                s(yes_no_vi(o.dept_leader)),
                date(o.central),
            ],
        };
        line(&mut roster, &row, delim, eol);
    }
    for e in enr {
        let row = match lang {
            Lang::En => vec![
                offs[e.who].id.clone(),
                s(e.program.en()),
                date(Some(e.start)),
                date(e.end),
                s(e.status.en()),
                s(yes_no_en(e.abroad)),
            ],
            Lang::Vi => vec![
                offs[e.who].id.clone(),
                s(e.program.vi()),
                date(Some(e.start)),
                date(e.end),
                s(e.status.vi()),
                s(yes_no_vi(e.abroad)),
            ],
        };
        line(&mut enrol, &row, delim, eol);
    }
    (roster, enrol)
}

// ---------------------------------------------------------------------------------------
// Summary: recomputed from the generated rows alone
// ---------------------------------------------------------------------------------------

/// done / late / overdue / due_soon / open / missing_data for one window rule.
fn window_status(anchor: Option<Date>, completions: &[Date]) -> &'static str {
    let Some(a) = anchor else {
        return "missing_data";
    };
    let dl = deadline(a);
    if completions.iter().any(|&c| c <= dl) {
        "done"
    } else if !completions.is_empty() {
        "late"
    } else if dl < AS_OF {
        "overdue"
    } else if dl.days() - AS_OF.days() <= DUE_SOON_DAYS {
        "due_soon"
    } else {
        "open"
    }
}

/// The anchor and the required programme of a window rule, when it applies to `o`.
fn window_rule(rule: &str, o: &Official) -> Option<(Option<Date>, Program)> {
    match rule {
        "TITLE-2Y" => o.level.map(|l| (o.appointed, l.program())),
        "CVCC-2Y" => o.central.map(|c| (Some(c), Program::SeniorSpecialist)),
        _ => o.dept_leader.then_some((o.appointed, Program::Sector)),
    }
}

fn summary(offs: &[Official], enr: &[Enrolment]) -> String {
    let mut out = String::new();
    let completions = |who: usize, p: Program| -> Vec<Date> {
        enr.iter()
            .filter(|e| e.who == who && e.program == p && e.status == Status::Completed)
            .filter_map(|e| e.end)
            .collect()
    };
    let inc: Vec<usize> = (0..offs.len())
        .filter(|&i| offs[i].role == Role::Incumbent)
        .collect();
    let _ = writeln!(
        out,
        "officials {} (incumbent {}, planned {}), enrolments {}",
        offs.len(),
        inc.len(),
        offs.len() - inc.len(),
        enr.len()
    );
    for g in 1..=3u8 {
        let members: Vec<usize> = inc
            .iter()
            .copied()
            .filter(|&i| offs[i].groups.contains(&g))
            .collect();
        let high = members
            .iter()
            .filter(|&&i| offs[i].lang.is_some_and(|l| l >= 4))
            .count();
        let _ = writeln!(
            out,
            "language group {g}: population {}, level 4+ {} ({:.2}%)",
            members.len(),
            high,
            100.0 * high as f64 / members.len() as f64
        );
    }
    for name in ["TITLE-2Y", "CVCC-2Y", "SECTOR-2Y"] {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &inc {
            if let Some((anchor, p)) = window_rule(name, &offs[i]) {
                *counts
                    .entry(window_status(anchor, &completions(i, p)))
                    .or_default() += 1;
            }
        }
        let _ = writeln!(out, "{name} at {}: {counts:?}", AS_OF.iso());
    }
    let planned: Vec<usize> = (0..offs.len())
        .filter(|&i| offs[i].role == Role::Planned)
        .collect();
    let with_level: Vec<usize> = planned
        .iter()
        .copied()
        .filter(|&i| offs[i].level.is_some())
        .collect();
    let ready = with_level
        .iter()
        .filter(|&&i| !completions(i, offs[i].level.expect("filtered").program()).is_empty())
        .count();
    let _ = writeln!(
        out,
        "PLANNED-READY: planned {}, with a planned level {}, ready {}, not ready {}",
        planned.len(),
        with_level.len(),
        ready,
        with_level.len() - ready
    );
    for o in offs.iter().filter(|o| o.head.is_some()) {
        let _ = writeln!(
            out,
            "PG-HEAD-DOCTOR: {} {} ({}): {}",
            o.id,
            o.head.expect("filtered").en(),
            o.unit,
            o.degree.en()
        );
    }

    let starts = |pred: &dyn Fn(&Enrolment) -> bool, y: i32| -> usize {
        enr.iter()
            .filter(|e| e.status != Status::Withdrawn && e.start.y == y && pred(e))
            .map(|e| e.who)
            .collect::<BTreeSet<_>>()
            .len()
    };
    let years = 2021..=2026;
    let _ = writeln!(
        out,
        "distinct officials starting (non-withdrawn), 2021..2026:"
    );
    for p in Program::ALL {
        let v: Vec<usize> = years
            .clone()
            .map(|y| starts(&|e: &Enrolment| e.program == p, y))
            .collect();
        let _ = writeln!(out, "  {:<21} {v:?}", p.en());
    }
    for g in 1..=3u8 {
        let v: Vec<usize> = years
            .clone()
            .map(|y| {
                starts(
                    &|e: &Enrolment| {
                        e.program == Program::Language
                            && offs[e.who].role == Role::Incumbent
                            && offs[e.who].groups.contains(&g)
                    },
                    y,
                )
            })
            .collect();
        let _ = writeln!(out, "  language group {g}      {v:?}");
    }
    let pg: Vec<usize> = years
        .clone()
        .map(|y| {
            starts(
                &|e: &Enrolment| matches!(e.program, Program::Master | Program::Doctor),
                y,
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "  master or doctor      {pg:?} (2023–2025 average {:.2})",
        (pg[2] + pg[3] + pg[4]) as f64 / 3.0
    );
    let count = |pred: &dyn Fn(&Enrolment) -> bool| -> Vec<usize> {
        years
            .clone()
            .map(|y| enr.iter().filter(|e| e.start.y == y && pred(e)).count())
            .collect()
    };
    let _ = writeln!(
        out,
        "enrolments abroad per start year {:?}; withdrawn {:?}; in progress {:?}",
        count(&|e| e.abroad),
        count(&|e| e.status == Status::Withdrawn),
        count(&|e| e.status == Status::Enrolled)
    );
    let mut per_program: BTreeMap<&str, usize> = BTreeMap::new();
    for e in enr {
        *per_program.entry(e.program.en()).or_default() += 1;
    }
    let _ = writeln!(out, "enrolments per programme {per_program:?}");
    let mut degrees: BTreeMap<&str, usize> = BTreeMap::new();
    for o in offs {
        *degrees.entry(o.degree.en()).or_default() += 1;
    }
    let _ = writeln!(out, "degrees {degrees:?}");
    out
}

// ---------------------------------------------------------------------------------------
// The fourth quarter: the same province three months later
// ---------------------------------------------------------------------------------------

/// The as-of date of the second example quarter.
const AS_OF_Q4: Date = Date::new(2026, 12, 31);

/// The Friday of the last week of a course that started on Monday `start` and runs `weeks`.
fn last_friday(start: Date, weeks: i64) -> Date {
    start.add_days(7 * weeks - 3)
}

/// The province as of 31/12/2026, derived from the third quarter by these events, each
/// chosen by what the third quarter's data says (no random numbers):
///
/// 1. The state-management classes in progress (the September cohort) end: their
///    officials complete them on the Friday of the last week (some in time, some late, and
///    the planned officials in them become ready).
/// 2. The language courses in progress that started before September end in the quarter;
///    their officials reach level 4 (B2) when they were below it.
/// 3. Two planned officials who were in the September cohort are appointed to the title
///    they were planned for: the first at a provincial department (Phó Giám đốc Sở, now a
///    department leader in groups 1 and 2) and the first of district level (Phó Bí thư
///    Huyện ủy, group 1).
/// 4. The incumbent overdue longest in TITLE-2Y retires: gone from the roster, and their
///    enrolments from the export with them.
/// 5. Human resources fill in the first missing appointment date (19/08/2024): that
///    official's title and sector courses were completed before it, so the missing-data
///    findings go and nothing takes their place.
/// 6. Three new incumbents: a district Phó Chủ tịch appointed in November (nothing due
///    yet), a Phó Giám đốc Sở transferred in who was appointed in July 2024 and never took
///    the title programme (overdue at once), and a Phó Giám đốc Sở whose appointment date
///    is not in the export (missing data).
///
/// Returns the roster, the enrolments and one line per event for stderr.
fn next_quarter(
    offs: &[Official],
    enr: &[Enrolment],
) -> (Vec<Official>, Vec<Enrolment>, Vec<String>) {
    let mut offs = offs.to_vec();
    let mut enr = enr.to_vec();
    let mut events = Vec::new();

    // 1. The September cohort.
    let cohort_programs = [
        Program::TitleDepartment,
        Program::TitleDistrict,
        Program::SeniorSpecialist,
        Program::PrincipalSpecialist,
        Program::Sector,
    ];
    let mut cohort = Vec::new();
    for e in enr.iter_mut() {
        if e.status == Status::Enrolled && e.start.y == 2026 && cohort_programs.contains(&e.program)
        {
            e.end = Some(last_friday(e.start, e.program.cohort_weeks()));
            e.status = Status::Completed;
            cohort.push(e.who);
        }
    }
    events.push(format!(
        "{} officials of the September cohort completed their class",
        cohort.len()
    ));

    // 2. Language courses.
    let mut raised = Vec::new();
    for e in enr.iter_mut() {
        if e.status == Status::Enrolled
            && e.program == Program::Language
            && e.start < Date::new(2026, 9, 1)
        {
            e.end = Some(last_friday(e.start, 16).max(Date::new(2026, 10, 2)));
            e.status = Status::Completed;
            let o = &mut offs[e.who];
            if o.lang.is_none_or(|l| l < 4) {
                o.lang = Some(4);
                o.cefr = true;
                raised.push(o.id.clone());
            }
        }
    }
    events.push(format!(
        "language level 4 (B2) reached by {}",
        raised.join(", ")
    ));

    // 3. Appointments of planned officials.
    let planned_in_cohort = |offs: &[Official], pred: &dyn Fn(&Official) -> bool| {
        cohort
            .iter()
            .copied()
            .find(|&i| offs[i].role == Role::Planned && pred(&offs[i]))
            .expect("a planned official in the September cohort")
    };
    let to_department = planned_in_cohort(&offs, &|o| {
        o.kind == Kind::Department && o.level == Some(Level::Department)
    });
    let to_district = planned_in_cohort(&offs, &|o| o.level == Some(Level::District));
    for (i, title, appointed, groups, dept_leader) in [
        (
            to_department,
            "Phó Giám đốc Sở",
            Date::new(2026, 10, 15),
            G12,
            true,
        ),
        (
            to_district,
            "Phó Bí thư Huyện ủy",
            Date::new(2026, 11, 2),
            G1,
            false,
        ),
    ] {
        let o = &mut offs[i];
        o.role = Role::Incumbent;
        o.title = title.to_string();
        o.appointed = Some(appointed);
        o.groups = groups.to_vec();
        o.dept_leader = dept_leader;
        events.push(format!(
            "{} appointed {title}, {}, on {}",
            o.id,
            o.unit,
            appointed.iso()
        ));
    }

    // 4. A retirement.
    let completed = |enr: &[Enrolment], who: usize, p: Program| {
        enr.iter()
            .any(|e| e.who == who && e.program == p && e.status == Status::Completed)
    };
    let retired = (0..offs.len())
        .filter(|&i| offs[i].role == Role::Incumbent)
        .filter_map(|i| {
            let o = &offs[i];
            let program = o.level?.program();
            (!completed(&enr, i, program)).then_some((o.appointed?, i))
        })
        .min()
        .expect("an incumbent overdue in TITLE-2Y")
        .1;
    events.push(format!("{} retired", offs[retired].id));

    // 5. A missing appointment date filled in.
    let fixed = (0..offs.len())
        .find(|&i| offs[i].role == Role::Incumbent && offs[i].appointed.is_none())
        .expect("an incumbent without an appointment date");
    offs[fixed].appointed = Some(Date::new(2024, 8, 19));
    events.push(format!(
        "{}: appointment date filled in (2024-08-19)",
        offs[fixed].id
    ));

    // 6. New incumbents.
    let newcomers = [
        Official {
            full_name: "Tạ Minh Triết".to_string(),
            unit: "UBND huyện Cẩm Mỹ".to_string(),
            title: "Phó Chủ tịch UBND huyện".to_string(),
            level: Some(Level::District),
            appointed: Some(Date::new(2026, 11, 2)),
            lang: Some(3),
            degree: Degree::Master,
            kind: Kind::District,
            ..Official::default()
        },
        Official {
            full_name: "Lưu Quốc Khải".to_string(),
            unit: "Sở Tư pháp".to_string(),
            title: "Phó Giám đốc Sở".to_string(),
            level: Some(Level::Department),
            appointed: Some(Date::new(2024, 7, 1)),
            groups: G1.to_vec(),
            lang: Some(3),
            degree: Degree::Master,
            dept_leader: true,
            kind: Kind::Department,
            ..Official::default()
        },
        Official {
            full_name: "Trịnh Thị Ngọc Hân".to_string(),
            unit: "Sở Y tế".to_string(),
            title: "Phó Giám đốc Sở".to_string(),
            level: Some(Level::Department),
            appointed: None,
            groups: G1.to_vec(),
            lang: Some(4),
            degree: Degree::Doctor,
            dept_leader: true,
            kind: Kind::Department,
            ..Official::default()
        },
    ];
    for mut o in newcomers {
        assert!(
            offs.iter().all(|x| x.full_name != o.full_name),
            "{} exists",
            o.full_name
        );
        o.id = format!("DN{:04}", offs.len() + 1);
        events.push(format!(
            "{} {} joined: {}, {}",
            o.id, o.full_name, o.title, o.unit
        ));
        offs.push(o);
    }

    // The retirement last, so that indices above stay valid: the roster without them,
    // their enrolments gone, the others' renumbered.
    offs.remove(retired);
    enr.retain(|e| e.who != retired);
    for e in &mut enr {
        if e.who > retired {
            e.who -= 1;
        }
    }
    enr.sort();
    for o in &offs {
        for d in [o.appointed, o.central].into_iter().flatten() {
            assert!(d <= AS_OF_Q4, "{} dated after the fourth quarter", o.id);
        }
    }
    for e in &enr {
        assert!(
            e.end.is_none_or(|d| d <= AS_OF_Q4),
            "{e:?} ends after the fourth quarter"
        );
    }
    (offs, enr, events)
}

fn main() -> std::io::Result<()> {
    let mut g = Gen::new();
    g.build_roster();
    assert_eq!(g.offs.len(), 300);
    g.assign_names();
    g.assign_languages();
    g.assign_degrees();
    g.title_programmes();
    g.sector();
    g.senior_specialist();
    g.principal_specialist();
    g.language();
    g.postgraduate();
    g.extra_sector();
    g.abroad();
    g.finish();

    write_quarter(&g.offs, &g.enr, "")?;
    write_workbooks(&g.offs, &g.enr).map_err(std::io::Error::other)?;
    eprint!("{}", summary(&g.offs, &g.enr));

    let (offs, enr, events) = next_quarter(&g.offs, &g.enr);
    write_quarter(&offs, &enr, "-q4")?;
    eprintln!("the fourth quarter (as of {}):", AS_OF_Q4.iso());
    for event in events {
        eprintln!("  {event}");
    }
    Ok(())
}

/// `examples/en{suffix}/` and `examples/vi{suffix}/`.
fn write_quarter(offs: &[Official], enr: &[Enrolment], suffix: &str) -> std::io::Result<()> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for lang in [Lang::En, Lang::Vi] {
        let dir = base.join(match lang {
            Lang::En => format!("en{suffix}"),
            Lang::Vi => format!("vi{suffix}"),
        });
        fs::create_dir_all(&dir)?;
        let (roster, enrolments) = render(offs, enr, lang);
        for (name, text) in [("roster.csv", roster), ("enrolments.csv", enrolments)] {
            let path = dir.join(name);
            fs::write(&path, text)?;
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The same export as Excel workbooks
// ---------------------------------------------------------------------------------------

/// Rows above the header: a merged title, a date line, a blank row.
const TITLE_ROWS: u32 = 3;

/// A cell of a workbook row.
enum Cell {
    Text(String),
    Number(f64),
    /// A real Excel date, or with `true` the same typed as dd/mm/yyyy text.
    Date(Option<Date>, bool),
}

/// `examples/xlsx/roster.xlsx` and `examples/xlsx/enrolments.xlsx`.
fn write_workbooks(offs: &[Official], enr: &[Enrolment]) -> Result<(), rust_xlsxwriter::XlsxError> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xlsx");
    fs::create_dir_all(&dir)?;
    let text = |x: &str| Cell::Text(x.to_string());
    let roster_header = [
        "STT",
        "Mã cán bộ",
        "Họ và tên",
        "Cơ quan, đơn vị",
        "Chức danh",
        "Diện",
        "Cấp chức danh",
        "Ngày bổ nhiệm",
        "Nhóm ngoại ngữ",
        "Bậc ngoại ngữ",
        "Trình độ",
        "Người đứng đầu",
        "Lãnh đạo sở",
        "Ngày phê duyệt quy hoạch",
    ];
    let roster: Vec<Vec<Cell>> = offs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            // real exports mix dates typed as text among real ones
            let typed = i % 9 == 4;
            vec![
                Cell::Number((i + 1) as f64),
                text(&o.id),
                text(&o.full_name),
                text(&o.unit),
                text(&o.title),
                text(match o.role {
                    Role::Incumbent => "Đương chức",
                    Role::Planned => "Quy hoạch",
                }),
                text(o.level.map_or("", |l| l.vi())),
                Cell::Date(o.appointed, typed),
                text(
                    &o.groups
                        .iter()
                        .map(u8::to_string)
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                match (o.lang, o.cefr) {
                    (None, _) => text(""),
                    (Some(l), true) => text(CEFR[usize::from(l) - 1]),
                    (Some(l), false) => Cell::Number(f64::from(l)),
                },
                text(o.degree.vi()),
                text(o.head.map_or("", |h| h.vi())),
                text(yes_no_vi(o.dept_leader)),
                Cell::Date(o.central, typed),
            ]
        })
        .collect();
    write_workbook(
        &dir.join("roster.xlsx"),
        "Danh sách",
        "DANH SÁCH CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ",
        &roster_header,
        &roster,
    )?;
    let enrolment_header = [
        "STT",
        "Mã cán bộ",
        "Chương trình",
        "Ngày bắt đầu",
        "Ngày hoàn thành",
        "Trạng thái",
        "Ở nước ngoài",
    ];
    let enrolments: Vec<Vec<Cell>> = enr
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let typed = i % 11 == 3;
            vec![
                Cell::Number((i + 1) as f64),
                text(&offs[e.who].id),
                text(e.program.vi()),
                Cell::Date(Some(e.start), typed),
                Cell::Date(e.end, typed),
                text(e.status.vi()),
                text(yes_no_vi(e.abroad)),
            ]
        })
        .collect();
    write_workbook(
        &dir.join("enrolments.xlsx"),
        "Khóa học",
        "DANH SÁCH CÁN BỘ THAM GIA ĐÀO TẠO, BỒI DƯỠNG",
        &enrolment_header,
        &enrolments,
    )
}

fn write_workbook(
    path: &Path,
    sheet: &str,
    title: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};
    let mut workbook = Workbook::new();
    // a fixed creation time: the file is the same on every run
    let created = ExcelDateTime::from_ymd(2026, 9, 30)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let title_format = Format::new().set_bold().set_align(FormatAlign::Center);
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let last = (header.len() - 1) as u16;
    let ws = workbook.add_worksheet();
    ws.set_name(sheet)?;
    ws.merge_range(0, 0, 0, last, title, &title_format)?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        &format!("(Số liệu đến ngày {})", AS_OF.vi()),
        &Format::new().set_italic().set_align(FormatAlign::Center),
    )?;
    for (c, name) in (0u16..).zip(header) {
        ws.write_string_with_format(TITLE_ROWS, c, *name, &bold)?;
        ws.set_column_width(c, if c == 0 { 5 } else { 16 })?;
    }
    for (r, row) in (TITLE_ROWS + 1..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    ws.write_string(r, c, t)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Date(None, _) => {}
                Cell::Date(Some(d), true) => {
                    ws.write_string(r, c, d.vi())?;
                }
                Cell::Date(Some(d), false) => {
                    let date = ExcelDateTime::from_ymd(d.y as u16, d.m as u8, d.d as u8)?;
                    ws.write_datetime_with_format(r, c, &date, &date_format)?;
                }
            }
        }
    }
    workbook.save(path)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
