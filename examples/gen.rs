//! Synthetic roster and enrolment files of any size, for the benchmark.
//!
//! ```sh
//! cargo run --release --example gen -- -n 2000000            # national scale, ~800 MB
//! cargo run --release --example gen -- -n 1000 --vi          # a province, as a Vietnamese Excel export
//! ```
//!
//! It mirrors the reference generator the peers were measured on
//! (`shared/bench/gen.py`): the same columns, distributions and edge cases
//! (Vietnamese names, quoted unit names with commas, 29 February anchors, completions on
//! the deadline day itself, ~5 enrolments per official, a few identical enrolment rows),
//! roster dates dd/mm/yyyy and enrolment dates yyyy-mm-dd. The output is deterministic
//! for a seed (not byte-identical to gen.py's: the random streams differ).
//!
//! Options:
//! - `-n N`: officials (required); enrolments are about 5 × N.
//! - `--out DIR`: where to write `roster.csv` and `enrolments.csv`
//!   (default `target/bench-data/n<N>[-vi]`).
//! - `--seed S` (default 143), `--incumbent-share F` (default 0.05).
//! - `--vi`: the Vietnamese Excel-style export: UTF-8 BOM, `;`, CRLF, Vietnamese headers
//!   and values, dd/mm/yyyy in both files.
//! - `--crlf`: CRLF line ends for the English style.
//! - `--faults RATE`: per official, the chance of one broken thing (a bad date, an unknown
//!   id, a blank line, an id with a non-breaking space, a multi-line quoted unit, a missing
//!   cell...): data for testing the error paths at scale, not for timing.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use boiduong::input::columns::{Column, ColumnSpec, ENROLMENTS, ROSTER};
use chrono::{Datelike, Days, Months, NaiveDate};

const AS_OF: (i32, u32, u32) = (2026, 11, 25);

const SURNAMES: [(&str, u32); 30] = [
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 30),
    ("Huỳnh", 21),
    ("Phan", 45),
    ("Vũ", 20),
    ("Võ", 19),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 6),
    ("Trương", 6),
    ("Lâm", 4),
    ("Mai", 4),
    ("Đoàn", 4),
    ("Cao", 3),
    ("Hà", 3),
    ("Lương", 3),
    ("Tạ", 2),
    ("Tô", 2),
    ("Chu", 1),
    ("Thái", 1),
    ("Kiều", 1),
    ("Quách", 1),
];
const MIDDLE_M: [&str; 18] = [
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Công", "Ngọc", "Hoàng",
    "Duy", "Quốc", "Thế", "Trọng", "Anh", "Đình",
];
const MIDDLE_F: [&str; 15] = [
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Thúy", "Hồng", "Bích", "Phương", "Mỹ",
    "Minh", "Hoài", "Diệu",
];
const MIDDLE2: [&str; 14] = [
    "Thu", "Minh", "Hoàng", "Thanh", "Ngọc", "Bảo", "Quốc", "Phương", "Kim", "Hồng", "Xuân", "Anh",
    "Gia", "Khánh",
];
const GIVEN_M: [&str; 50] = [
    "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Đạt", "Định", "Đông", "Giang",
    "Hải", "Hào", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long",
    "Lợi", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Tâm",
    "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
    "Khải", "Lộc", "Đức",
];
const GIVEN_F: [&str; 40] = [
    "Anh", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng",
    "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc",
    "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân",
    "Vy", "Yến", "Thư", "Ánh", "Nguyệt",
];
const PROVINCES: [&str; 34] = [
    "Đồng Nai",
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Quảng Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Lào Cai",
    "Tuyên Quang",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Tây Ninh",
    "Đồng Tháp",
    "Vĩnh Long",
    "An Giang",
    "Cà Mau",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
];
const AGENCIES: [&str; 20] = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Ngoại vụ",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nông nghiệp và Môi trường",
    "Sở Lao động, Thương binh và Xã hội",
    "Sở Kế hoạch và Đầu tư",
    "Văn phòng Tỉnh ủy",
    "Văn phòng UBND",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Quản lý các Khu công nghiệp",
    "Trường Chính trị",
    "Trường Cao đẳng Y tế",
    "Thanh tra",
];
const LOCAL: [&str; 6] = [
    "UBND xã",
    "Đảng ủy xã",
    "UBND phường",
    "Đảng ủy phường",
    "UBND huyện",
    "Huyện ủy",
];
const PLACES: [&str; 20] = [
    "Tân Phú",
    "Long Thành",
    "Nhơn Trạch",
    "Trảng Bom",
    "Vĩnh Cửu",
    "Định Quán",
    "Xuân Lộc",
    "Cẩm Mỹ",
    "Thống Nhất",
    "Biên Hòa",
    "Long Khánh",
    "Phước Thiền",
    "An Phước",
    "Bình Minh",
    "Hòa Bình",
    "Quang Trung",
    "Thạnh Phú",
    "Hiệp Hòa",
    "Bàu Hàm",
    "Sông Ray",
];
const TITLES_DEPT: [&str; 7] = [
    "Giám đốc Sở",
    "Phó Giám đốc Sở",
    "Chánh Văn phòng",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Hiệu trưởng",
    "Chánh Thanh tra",
];
const TITLES_DIST: [&str; 5] = [
    "Bí thư Đảng ủy",
    "Phó Bí thư Đảng ủy",
    "Chủ tịch UBND",
    "Phó Chủ tịch UBND",
    "Chủ tịch HĐND",
];
const TITLES_STAFF: [&str; 6] = [
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chuyên viên chính",
    "Chuyên viên",
    "Chuyên viên cao cấp",
    "Thanh tra viên",
];
const LANG_GROUPS: [(&str, u32); 7] = [
    ("1", 55),
    ("2", 25),
    ("3", 8),
    ("1|2", 8),
    ("1|3", 2),
    ("2|3", 1),
    ("1|2|3", 1),
];
const LEVELS: [(u8, u32); 6] = [(1, 5), (2, 10), (3, 25), (4, 30), (5, 20), (6, 10)];
const CEFR: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// Index into the tables below: the coded values of docs/input.md with their Vietnamese spellings.
const PROGRAMS: [(&str, &str, u32); 8] = [
    ("title_department", "Lãnh đạo, quản lý cấp sở", 5),
    ("title_district", "Lãnh đạo, quản lý cấp huyện", 8),
    ("senior_specialist", "Chuyên viên cao cấp", 8),
    ("principal_specialist", "Chuyên viên chính", 15),
    ("sector", "Ngành, lĩnh vực", 20),
    ("language", "Ngoại ngữ", 26),
    ("master", "Thạc sĩ", 15),
    ("doctor", "Tiến sĩ", 3),
];
const TITLE_DEPARTMENT: usize = 0;
const TITLE_DISTRICT: usize = 1;
const HEAD_OF: [(&str, &str); 4] = [
    ("political_school", "Trường Chính trị"),
    ("college", "Trường cao đẳng"),
    ("health", "Y tế"),
    ("science_technology", "Khoa học và Công nghệ"),
];

struct Options {
    n: u64,
    out: PathBuf,
    seed: u64,
    incumbent_share: f64,
    vi: bool,
    crlf: bool,
    faults: f64,
}

fn usage() -> ! {
    eprintln!(
        "usage: gen -n N [--out DIR] [--seed S] [--incumbent-share F] [--vi] [--crlf] [--faults RATE]"
    );
    std::process::exit(2)
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let (mut n, mut out, mut seed, mut share, mut vi, mut crlf, mut faults) =
        (None, None, 143, 0.05, false, false, 0.0);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "-n" => n = Some(value().parse().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--incumbent-share" => share = value().parse().unwrap_or_else(|_| usage()),
            "--faults" => faults = value().parse().unwrap_or_else(|_| usage()),
            "--vi" => vi = true,
            "--crlf" => crlf = true,
            _ => usage(),
        }
    }
    let n: u64 = n.unwrap_or_else(|| usage());
    let out = out.unwrap_or_else(|| {
        PathBuf::from(format!(
            "target/bench-data/n{n}{}",
            if vi { "-vi" } else { "" }
        ))
    });
    Options {
        n,
        out,
        seed,
        incumbent_share: share,
        vi,
        crlf: crlf || vi,
        faults,
    }
}

/// Days from 2015-01-01 to 2028-12-31, each written both ways, as gen.py does.
struct Calendar {
    day0: NaiveDate,
    iso: Vec<String>,
    dmy: Vec<String>,
}

impl Calendar {
    fn new() -> Calendar {
        let day0 = date(2015, 1, 1);
        let days = (date(2028, 12, 31) - day0).num_days() + 1;
        let all: Vec<NaiveDate> = (0..days as u64).map(|d| day0 + Days::new(d)).collect();
        Calendar {
            day0,
            iso: all
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            dmy: all
                .iter()
                .map(|d| d.format("%d/%m/%Y").to_string())
                .collect(),
        }
    }

    fn off(&self, d: NaiveDate) -> usize {
        (d - self.day0).num_days() as usize
    }

    fn day(&self, off: usize) -> NaiveDate {
        self.day0 + Days::new(off as u64)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a constant date")
}

fn weighted<T: Copy>(rng: &mut fastrand::Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut x = rng.u32(0..total);
    for &(item, w) in items {
        if x < w {
            return item;
        }
        x -= w;
    }
    items[items.len() - 1].0
}

/// A CSV writer for one file: the delimiter, line end and quoting of a style.
struct Out {
    w: BufWriter<File>,
    row: String,
    cells: usize,
    delimiter: char,
    eol: &'static str,
}

impl Out {
    fn create(path: PathBuf, o: &Options, header: &[&str]) -> std::io::Result<Out> {
        let mut w = BufWriter::with_capacity(1 << 20, File::create(path)?);
        if o.vi {
            w.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut out = Out {
            w,
            row: String::new(),
            cells: 0,
            delimiter: if o.vi { ';' } else { ',' },
            eol: if o.crlf { "\r\n" } else { "\n" },
        };
        for cell in header {
            out.cell(cell);
        }
        out.end()?;
        Ok(out)
    }

    fn cell(&mut self, s: &str) {
        if self.cells > 0 {
            self.row.push(self.delimiter);
        }
        self.cells += 1;
        if s.contains([self.delimiter, '"', '\n', '\r']) {
            self.row.push('"');
            self.row.push_str(&s.replace('"', "\"\""));
            self.row.push('"');
        } else {
            self.row.push_str(s);
        }
    }

    fn end(&mut self) -> std::io::Result<()> {
        self.w.write_all(self.row.as_bytes())?;
        self.w.write_all(self.eol.as_bytes())?;
        self.row.clear();
        self.cells = 0;
        Ok(())
    }

    fn raw_line(&mut self, s: &str) -> std::io::Result<()> {
        self.w.write_all(s.as_bytes())?;
        self.w.write_all(self.eol.as_bytes())
    }
}

struct Gen<'a> {
    o: &'a Options,
    cal: Calendar,
    rng: fastrand::Rng,
    roster: Out,
    enrolments: Out,
    as_of: usize,
    enrolment_rows: u64,
}

impl Gen<'_> {
    fn text<'s>(&self, en: &'s str, vi: &'s str) -> &'s str {
        if self.o.vi { vi } else { en }
    }

    fn roster_date(&self, off: usize) -> &str {
        &self.cal.dmy[off]
    }

    fn enrolment_date(&self, off: usize) -> &str {
        if self.o.vi {
            &self.cal.dmy[off]
        } else {
            &self.cal.iso[off]
        }
    }

    fn fault(&mut self) -> bool {
        self.o.faults > 0.0 && self.rng.f64() < self.o.faults
    }

    fn official(&mut self, i: u64, width: usize) -> std::io::Result<()> {
        let r = &mut self.rng;
        let mut id = format!("CB{i:0width$}");
        let female = r.f64() < 0.45;
        let (mid, given): (&[&str], &[&str]) = if female {
            (&MIDDLE_F, &GIVEN_F)
        } else {
            (&MIDDLE_M, &GIVEN_M)
        };
        let sur = weighted(r, &SURNAMES);
        let m1 = mid[r.usize(..mid.len())];
        let name = if r.f64() < 0.2 {
            let m2 = MIDDLE2[r.usize(..MIDDLE2.len())];
            let m2 = if m2 == m1 { "Hoài" } else { m2 };
            format!("{sur} {m1} {m2} {}", given[r.usize(..given.len())])
        } else {
            format!("{sur} {m1} {}", given[r.usize(..given.len())])
        };
        let prov = PROVINCES[r.usize(..PROVINCES.len())];
        let incumbent = r.f64() < self.o.incumbent_share;
        let dept = r.f64() < if incumbent { 0.35 } else { 0.25 };
        let mut unit = if dept || (!incumbent && r.f64() < 0.5) {
            format!("{} tỉnh {prov}", AGENCIES[r.usize(..AGENCIES.len())])
        } else {
            format!(
                "{} {}, tỉnh {prov}",
                LOCAL[r.usize(..LOCAL.len())],
                PLACES[r.usize(..PLACES.len())]
            )
        };
        let (title, appointed, groups, leader) = if incumbent {
            let title = if dept {
                TITLES_DEPT[r.usize(..TITLES_DEPT.len())]
            } else {
                TITLES_DIST[r.usize(..TITLES_DIST.len())]
            };
            let leap = [date(2020, 2, 29), date(2024, 2, 29)];
            let a = if r.f64() < 0.002 {
                self.cal.off(leap[r.usize(..2)])
            } else {
                r.usize(self.cal.off(date(2018, 1, 1))..=self.as_of)
            };
            let groups = if r.f64() < 0.4 {
                weighted(r, &LANG_GROUPS)
            } else {
                ""
            };
            (title, Some(a), groups, dept && r.f64() < 0.4)
        } else {
            let title = TITLES_STAFF[r.usize(..TITLES_STAFF.len())];
            let groups = if r.f64() < 0.01 {
                weighted(r, &LANG_GROUPS)
            } else {
                ""
            };
            (title, None, groups, false)
        };
        let x = r.f64();
        let level = if x < 0.35 {
            String::new()
        } else if x < 0.90 {
            let n = weighted(r, &LEVELS);
            if self.o.vi {
                format!("Bậc {n}")
            } else {
                n.to_string()
            }
        } else {
            CEFR[r.usize(..CEFR.len())].to_owned()
        };
        let x = r.f64();
        let degree = if x < 0.68 {
            ("bachelor", "Đại học")
        } else if x < 0.96 {
            ("master", "Thạc sĩ")
        } else {
            ("doctor", "Tiến sĩ")
        };
        let head = if r.f64() < 0.001 {
            Some(HEAD_OF[r.usize(..HEAD_OF.len())])
        } else {
            None
        };
        let central = if r.f64() < 0.005 {
            Some(r.usize(self.cal.off(date(2019, 1, 1))..=self.as_of))
        } else {
            None
        };
        let mut appointed_text = appointed.map_or(String::new(), |a| self.roster_date(a).into());
        if self.fault() {
            match self.rng.u8(0..6) {
                0 => appointed_text = "31/02/2024".into(),
                1 => id.push('\u{a0}'),
                2 => unit.push_str("\nphòng Tổ chức"),
                3 => self.roster.raw_line("")?,
                4 => appointed_text = "45323".into(),
                _ => unit = format!("{unit}\"s"),
            }
        }
        let groups = if self.o.vi {
            groups.replace('|', " ")
        } else {
            groups.to_owned()
        };
        let (en_level, vi_level) = if dept {
            ("department", "Cấp sở")
        } else {
            ("district", "Cấp huyện")
        };
        let role = if incumbent {
            self.text("incumbent", "Đương chức")
        } else {
            self.text("planned", "Quy hoạch")
        };
        let level_text = self.text(en_level, vi_level);
        let degree_text = self.text(degree.0, degree.1);
        let head_text = head.map_or("", |h| self.text(h.0, h.1));
        let leader_text = if leader {
            self.text("yes", "Có")
        } else {
            self.text("no", "Không")
        };
        let central_text = central.map_or(String::new(), |c| self.roster_date(c).into());
        let cells = [
            name.as_str(),
            &unit,
            title,
            role,
            level_text,
            &appointed_text,
            &groups,
            &level,
            degree_text,
            head_text,
            leader_text,
            &central_text,
        ];
        let trimmed_id = id.trim_end_matches('\u{a0}').to_owned();
        let row = &mut self.roster;
        row.cell(&id);
        for c in cells {
            row.cell(c);
        }
        row.end()?;

        let mut n = self.rng.u32(0..1024).count_ones();
        if let (Some(a), true) = (appointed, n > 0) {
            n -= 1;
            let program = if dept {
                TITLE_DEPARTMENT
            } else {
                TITLE_DISTRICT
            };
            let start = (a + self.rng.usize(..1080))
                .saturating_sub(180)
                .min(self.as_of);
            let mut exact = None;
            if self.rng.f64() < 0.01 {
                // completed exactly on the deadline day
                let deadline = self.cal.day(a).checked_add_months(Months::new(24));
                if let Some(d) = deadline.filter(|d| self.cal.off(*d) <= self.as_of) {
                    exact = Some(self.cal.off(d));
                }
            }
            match exact {
                Some(c) => self.enrolment(&trimmed_id, program, start.min(c - 30), Some(c))?,
                None => self.enrolment(&trimmed_id, program, start, None)?,
            }
        }
        for _ in 0..n {
            let program = weighted(
                &mut self.rng,
                &[0, 1, 2, 3, 4, 5, 6, 7].map(|i| (i, PROGRAMS[i].2)),
            );
            let start = self.rng.usize(self.cal.off(date(2019, 1, 1))..=self.as_of);
            self.enrolment(&trimmed_id, program, start, None)?;
        }
        Ok(())
    }

    /// One enrolment row; `completed` forces a completion on that day.
    fn enrolment(
        &mut self,
        id: &str,
        program: usize,
        start: usize,
        completed: Option<usize>,
    ) -> std::io::Result<()> {
        let r = &mut self.rng;
        let abroad = completed.is_none() && r.f64() < 0.03;
        let (completed, status) = match completed {
            Some(c) => (Some(c), 1),
            None => {
                let x = r.f64();
                if x < 0.78 {
                    let c = start + r.usize(30..300);
                    if c <= self.as_of {
                        (Some(c), 1)
                    } else {
                        (None, 0)
                    }
                } else if x < 0.92 {
                    (None, 0)
                } else {
                    (None, 2)
                }
            }
        };
        let status_text = [
            self.text("enrolled", "Đang học"),
            self.text("completed", "Hoàn thành"),
            self.text("withdrawn", "Thôi học"),
        ][status];
        let mut id = id.to_owned();
        let mut start_text = self.enrolment_date(start).to_owned();
        let mut drop_last = false;
        if self.fault() {
            match self.rng.u8(0..5) {
                0 => id.push('X'),
                1 => start_text = "02/13/2024".into(),
                2 => self.enrolments.raw_line("")?,
                3 => drop_last = true,
                _ => start_text = "29/02/2023".into(),
            }
        }
        let program_text = self.text(PROGRAMS[program].0, PROGRAMS[program].1);
        let completed_text = completed.map_or("", |c| self.enrolment_date(c)).to_owned();
        let abroad_text = if abroad {
            self.text("yes", "Có")
        } else {
            self.text("no", "Không")
        };
        let row = &mut self.enrolments;
        row.cell(&id);
        row.cell(program_text);
        row.cell(&start_text);
        row.cell(&completed_text);
        row.cell(status_text);
        if !drop_last {
            row.cell(abroad_text);
        }
        row.end()?;
        self.enrolment_rows += 1;
        Ok(())
    }
}

fn main() -> std::io::Result<()> {
    let o = options();
    fs::create_dir_all(&o.out)?;
    // the headers boiduong reads: the names of docs/input.md, or the first Vietnamese alias;
    // without certificate_date, which the generated levels never need,
    // so that the benchmark's files stay as they were
    let header = |specs: &[ColumnSpec]| -> Vec<&'static str> {
        specs
            .iter()
            .filter(|c| c.column != Column::CertificateDate)
            .map(|c| if o.vi { c.aliases[0] } else { c.name })
            .collect()
    };
    let (roster_header, enrolments_header) = (header(ROSTER), header(ENROLMENTS));
    let cal = Calendar::new();
    let as_of = cal.off(date(AS_OF.0, AS_OF.1, AS_OF.2));
    debug_assert_eq!(cal.day(as_of).year(), AS_OF.0);
    let mut g = Gen {
        roster: Out::create(o.out.join("roster.csv"), &o, &roster_header)?,
        enrolments: Out::create(o.out.join("enrolments.csv"), &o, &enrolments_header)?,
        rng: fastrand::Rng::with_seed(o.seed),
        cal,
        as_of,
        enrolment_rows: 0,
        o: &o,
    };
    let width = o.n.to_string().len().max(7);
    for i in 0..o.n {
        g.official(i, width)?;
    }
    g.roster.w.flush()?;
    g.enrolments.w.flush()?;
    for f in ["roster.csv", "enrolments.csv"] {
        let path = o.out.join(f);
        eprintln!("{}: {} bytes", path.display(), fs::metadata(&path)?.len());
    }
    eprintln!("{} officials, {} enrolments", o.n, g.enrolment_rows);
    Ok(())
}
