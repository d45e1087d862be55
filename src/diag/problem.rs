//! What a diagnostic says, as data: the header as the user wrote it, the value,
//! what was expected, the suggestion, the counts. Worded only when shown, in
//! the language asked for, by `crate::i18n::diag`; built only when a problem is found.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::HeadOf;

use crate::diag::value::BadValue;
use crate::diag::value::DateError;

/// The message of a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Worded already, in the language asked for: a diagnostic stored for a
    /// report (see `Diagnostic::worded`), or a comparison warning worded by
    /// `commands::say`. Every problem of an input has a variant of its own.
    Worded(String),
    /// A cell: `"Header" = "value" <what>`.
    Cell {
        header: String,
        value: String,
        what: Cell,
    },
    /// `completed_on` before `started_on`: both cells, as written.
    EndsBeforeStart {
        end_header: String,
        end: String,
        start_header: String,
        start: String,
    },
    /// An id already on an earlier row.
    DuplicateId { id: String, first: Place },
    /// An enrolment row identical to an earlier one.
    DuplicateRow { first: Place },
    /// An incumbent without `appointed_on` (`no_column`: the file has no such
    /// column), and the rules the plan runs from that date, which show the
    /// official as missing data.
    NoAppointment {
        id: String,
        no_column: bool,
        rules: Arc<[String]>,
    },
    /// A roster with a header and no rows.
    NoOfficials,
    /// An enrolments file with a header and no rows.
    NoEnrolments,
    /// Certificates whose expiry could not be checked, with `--expired-certificates ignore`.
    UndatedCertificates { count: usize },
    /// `validate`: a planned official in a language group.
    PlannedInGroup {
        id: String,
        groups: String,
        role_header: String,
    },
    /// `validate`: the head of an institution with no degree recorded.
    HeadWithoutDegree {
        id: String,
        /// The institution, as a code: its words are the language's.
        head: HeadOf,
        degree_header: String,
    },
    /// A file that cannot be read: `file` as shown, and why.
    CannotRead { file: String, why: Why },
    /// A file that cannot be written.
    CannotWrite { file: String, why: Why },
    /// A workbook that cannot be read as one.
    Workbook { file: String, what: Workbook },
    /// A JSON report given to compare with that cannot be compared.
    Baseline(Baseline),
    /// A plan or levels file that is not UTF-8.
    DataNotUtf8 { data: DataFile },
    /// What a plan or levels file holds that does not make sense.
    Data(Data),
    /// A file of no bytes.
    EmptyFile,
    /// A worksheet with no cells.
    EmptySheet,
    /// An empty line of a CSV file, skipped.
    EmptyLine,
    /// A row of empty cells, skipped.
    NoValues,
    /// A quote opened in the header and never closed.
    HeaderQuote,
    /// A quote opened on a row and never closed, swallowing `lines` more lines.
    OpenQuote { lines: u64 },
    /// A quoted cell holding a line break, which no column read here ever holds: the
    /// quote opened on line `opened` and closed on line `closed`, taking in the lines
    /// between; `rows`: whether lines inside it look like rows of the file.
    LineBreak {
        header: String,
        opened: u64,
        closed: u64,
        rows: bool,
    },
    /// A control character (`U+0000`, a tab, an escape) in a cell.
    ControlCharacter { header: String, character: char },
    /// A header of `found` cells, more than the `limit` read.
    TooManyColumns { found: usize, limit: usize },
    /// A header cell (`column`, 1-based) over the size of a cell.
    HeaderTooLarge { column: usize, bytes: usize },
    /// A record of `found` cells under a header of `width`.
    CellCount { found: usize, width: usize },
    /// A cell over 64 KiB.
    TooLarge { header: String, bytes: usize },
    /// A cell of a sheet holding a formula error (`#REF!`).
    FormulaError { header: String, error: String },
    /// A value under a column with no header (`column`: its number, or letters in a sheet).
    NoHeader { column: String, value: String },
    /// Bytes that are not UTF-8 in a file read as UTF-8.
    NotUtf8,
    /// A file read as windows-1258.
    Windows1258,
    /// Cells whose letters a lossy export replaced by `?` or `_`; `places`, the
    /// first of them (`line:column "cell"`, …, or `B4 "cell"`, … in a sheet);
    /// `in_sheet`: the damaged text is in a workbook, not in an export of one.
    Lossy {
        cells: usize,
        places: String,
        in_sheet: bool,
    },
    /// Cells typed in a legacy font encoding.
    LegacyFont {
        cells: usize,
        places: String,
        font: LegacyFont,
        in_sheet: bool,
    },
    /// A required column missing; `header` the header's names as written,
    /// `header_row` the sheet row taken for the header (searched among the first rows).
    MissingColumn {
        name: &'static str,
        alias: &'static str,
        header: Vec<String>,
        /// Header cells after those in `header`, not shown.
        more: usize,
        header_row: Option<u64>,
    },
    /// One header twice (`first`, `again`: column numbers, or letters in a sheet).
    SameHeader {
        header: String,
        first: String,
        again: String,
    },
    /// Two headers naming one column (`name`, its canonical name).
    SameColumn {
        header: String,
        name: &'static str,
        first: String,
        first_header: String,
    },
    /// No header row among the first `rows` rows of a sheet; `wanted`, the
    /// required columns (name, Vietnamese name).
    NoHeaderRow {
        rows: u32,
        wanted: Vec<(&'static str, &'static str)>,
    },
}

/// Why a file cannot be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    NoSuchFile,
    PermissionDenied,
    /// The path is a directory.
    Directory,
    /// The directory to write into does not exist.
    NoDirectory(String),
    /// Writing: the path names a block device or a socket, which a report must
    /// neither replace nor be poured into.
    NotAFile,
    /// Writing: the path is `input` (the same file, by whatever name or link),
    /// read as `what`: writing it would destroy the input.
    IsInput {
        input: String,
        what: InputFile,
    },
    /// Another reason, as the operating system words it (in English, and
    /// without Rust's "(os error N)"): not ours to word.
    System(String),
}

/// A file a command reads, which its output must not replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFile {
    /// `--roster`.
    Roster,
    /// `--enrolments`.
    Enrolments,
    /// `--plan`.
    Plan,
    /// `--levels`.
    Levels,
    /// `check --baseline`.
    Baseline,
    /// `diff`'s earlier report.
    OldReport,
    /// `diff`'s later report.
    NewReport,
    /// One of the reports of `trend`.
    TrendReport,
}

/// What is wrong with a workbook; `reason`, as calamine words it (not ours to word).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Workbook {
    /// Not a readable workbook of its format (`kind`: xlsx, xls, ods).
    Unreadable {
        kind: &'static str,
        reason: String,
    },
    NoWorksheet,
    /// No sheet of that name; `sheets`, the names it has.
    NoSuchSheet {
        wanted: String,
        sheets: Vec<String>,
    },
    /// The sheet exists but cannot be read.
    SheetUnreadable {
        name: String,
        reason: String,
    },
    /// Holds more than is read of a workbook (code too-large).
    TooLarge(Limit),
    /// Damaged where a reader would go astray: refused before it is read.
    Damaged(Damage),
}

impl Workbook {
    /// `too-large` past a limit; `io` for everything else that stops a workbook.
    pub fn code(&self) -> super::Code {
        match self {
            Workbook::TooLarge(_) => super::Code::TooLarge,
            _ => super::Code::Io,
        }
    }
}

/// A limit of what is read of a workbook, each far above what a roster of a whole
/// country holds (Excel's own sheet ends at XFD1048576); sizes in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    /// A part of the zip (`part`, its name there) that unpacks to more than `max`.
    Part { part: String, max: u64 },
    /// One tag (or comment, or run of text outside a cell) in `part` longer than `max`.
    Markup { part: String, max: u64 },
    /// A cell reference past XFD1048576, as written (cut short).
    Outside { reference: String },
    /// More than `max` cells in the sheet.
    Cells { max: u64 },
    /// One cell (the diagnostic's place) holding more than `max` in the file.
    Cell { max: u64 },
    /// Shared string number `index` (from 1) holding more than `max`.
    SharedString { index: u64, max: u64 },
    /// Shared strings that would take more than `max` of memory to hold.
    SharedMemory { max: u64 },
    /// More than `max` cell formats, fonts, fills or borders.
    Formats { max: u64 },
    /// Cell formats that would take more than `max` of memory.
    Styles { max: u64 },
    /// A workbook read whole (.xls, .ods) whose sheets span more than `max` cells.
    Whole { max: u64 },
    /// A workbook read whole whose cells hold more than `max` of text, repeats counted.
    WholeText { max: u64 },
}

/// How a workbook is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// A cell reference or range that names no cell, as written (cut short).
    Reference { reference: String },
    /// Sheet row `row` found after row `after`.
    RowOrder { row: u64, after: u64 },
    /// The shared strings announce `declared` strings and hold `found`.
    StringCount { declared: u64, found: u64 },
    /// One attribute twice in a tag of `part`.
    AttributeTwice { part: String },
    /// `part` ends in the middle of its XML.
    Truncated { part: String },
    /// A .xls whose storage (its sectors) points outside the file or in a circle.
    Container,
    /// A .xls record that points outside the workbook or is cut short.
    Record,
}

/// Why a JSON report cannot be compared; serde_json's reasons as it words them
/// (not ours to word).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// Not JSON, or JSON of another shape.
    NotJson(String),
    /// The output of `boiduong diff`.
    Diff,
    NoSchema,
    /// A report of schema `found`; this version compares `ours` only.
    OtherSchema {
        found: String,
        ours: u32,
    },
    NoPlan,
    /// A report of schema `ours` without what a comparison reads.
    BadBody {
        ours: u32,
        reason: String,
    },
    /// A report of plan `found`, not of `plan`.
    OtherPlan {
        found: String,
        plan: String,
    },
}

/// A data file given on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFile {
    /// `--plan`.
    Plan,
    /// `--levels`.
    Levels,
}

/// What is wrong in a plan or levels file (see the bad-input catalogue in docs/input.md). Keys, values,
/// rule ids and certificate names stay as the file writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    /// Not TOML, or TOML of another shape: toml's own words (not ours to word).
    Toml(String),
    /// `key = value`, a `what` below zero.
    Negative {
        key: String,
        value: i64,
        what: Quantity,
    },
    /// `key = value`, a `what` outside `min..=max`.
    OutOfRange {
        key: String,
        value: i64,
        what: Quantity,
        min: i64,
        max: i64,
    },
    NotAYear {
        key: String,
    },
    NotADate {
        key: String,
    },
    /// A date with a time or an offset.
    DateWithTime {
        key: String,
    },
    /// A key that needs a value and is empty (`rule`, `name`).
    Empty {
        key: &'static str,
    },
    /// A list or table of a certificate that is empty (`names`, `bands`, …).
    EmptyOf {
        name: String,
        key: &'static str,
    },
    /// A key that a kind of target (`target`: the rule id) or of score (`target`:
    /// the certificate) does not take.
    DoesNotApply {
        key: String,
        kind: String,
        target: String,
        data: DataFile,
    },
    /// A key that a kind of target or of score needs.
    Needs {
        key: &'static str,
        kind: String,
        target: String,
        data: DataFile,
    },

    // Plan files.
    /// `kind` = a kind of rule not known; `kinds`: those there are.
    NotARuleKind {
        kind: String,
        kinds: String,
    },
    /// A programme or head not known; `listed`: an item of `heads`.
    BadTerm {
        key: &'static str,
        value: String,
        bad: crate::diag::value::BadValue,
        listed: bool,
    },
    /// `key` = `value`, none of `choices`.
    NotOneOf {
        key: &'static str,
        value: String,
        choices: String,
    },
    /// A key of `quotas` that is not a year.
    QuotaYear {
        year: String,
    },
    /// One target twice: `rule`, what tells targets of one rule apart, the line of the first.
    TargetTwice {
        rule: String,
        of: TargetOf,
        first: u64,
    },
    NoTargets,
    /// A quota target with both or neither of `program` and `group`.
    ProgramOrGroup {
        rule: String,
    },
    TotalBelowSum {
        total: u32,
        sum: u64,
    },
    DerivedWithoutTotal,
    DerivedHasQuota {
        year: i32,
    },
    MaxBelowMin,

    // Levels files.
    /// A score kind not known.
    NotAScoreKind {
        kind: String,
    },
    /// A spelling of no letters.
    NoLetters {
        spelling: String,
    },
    /// A spelling naming two certificates: `first` on `line`.
    SpellingTwice {
        spelling: String,
        first: String,
        line: u64,
    },
    NoCertificates,
    ScaleMaxNotAboveMin {
        name: String,
    },
    BandTwice {
        name: String,
        band: String,
    },
    AliasNoBand {
        name: String,
        alias: String,
        band: String,
    },
    BadSkill {
        name: String,
    },
    /// A standalone spelling whose score is not one of the certificate.
    NotAScore {
        name: String,
        spelling: String,
        score: String,
    },
    /// A score that is not a number of at most two decimals, or negative.
    NotAScoreNumber {
        key: String,
    },
    FloorKey {
        name: String,
        level: String,
    },
    FloorOutsideScale {
        name: String,
        level: u8,
    },
    FloorNotABand {
        name: String,
        level: u8,
        bands: String,
    },
    FloorSkill {
        name: String,
        level: u8,
        skill: String,
        min: i64,
        max: i64,
    },
    FloorNotAbove {
        name: String,
        level: u8,
        below: u8,
    },
}

/// What a number in a data file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Year,
    Quota,
    Total,
    Percentage,
    Level,
    Months,
    Number,
    LanguageGroup,
}

/// What tells two targets of one rule apart.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TargetOf {
    Nothing,
    Group(u8),
    /// A programme, by its code.
    Program(&'static str),
}

/// The legacy font encoding text was typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegacyFont {
    Tcvn3,
    Vni,
    /// Some cells of each, or cells that could be either.
    Either,
}

/// What is wrong with a cell, after `"Header" = "value"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Date(DateError),
    Value(BadValue),
    /// An empty `full_name`.
    NoName,
    /// An empty id.
    NoId,
    /// An empty cell of a column that needs a value.
    Required,
    /// An empty `started_on`.
    NoStart,
    /// An id that held a non-breaking or zero-width space, removed.
    Invisible,
    /// A date after the as-of date: `far` when more than a year after it,
    /// `completion` when that makes it an error.
    AfterAsOf {
        as_of: NaiveDate,
        far: bool,
        completion: bool,
    },
    /// An enrolment's id not in the roster.
    NotInRoster(IdHint),
    /// A status its dates contradict.
    Contradiction(Contradiction),
    /// A certificate the levels table does not cover, or whose score cannot be read.
    Review(Review),
    /// A certificate past its validity.
    Expired {
        issued_on: NaiveDate,
        expires_on: NaiveDate,
        name: String,
        months: u32,
        counts: ExpiredCounts,
    },
}

/// Why a certificate needs a person to look at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Review {
    /// A certificate's name without a score.
    NoScore { name: String },
    /// A score that cannot be read.
    Unreadable { name: String, score: String },
    /// A score where the table has levels (`bands`, listed).
    ScoreForBands { name: String, bands: String },
    /// Some skills (`given`; none: a total) where the table needs `all`.
    SomeSkills {
        name: String,
        given: Vec<String>,
        all: Vec<String>,
    },
    /// Neither a certificate of the table (`names`) nor a level.
    NotInTable { names: String },
}

/// What may be wrong with an id the roster does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdHint {
    /// Past the messages shown: not worked out.
    None,
    /// The roster has it with leading zeros.
    LeadingZeros(String),
    /// The roster has it in other capitals.
    Case(String),
    /// Nothing close.
    Check,
}

/// A status its dates contradict (the enrolment is not counted as a completion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contradiction {
    CompletedWithoutDate,
    EnrolledWithDate,
    WithdrawnWithDate,
}

/// Whether an expired certificate still counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpiredCounts {
    /// `--expired-certificates ignore`: not counted.
    NotCounted,
    /// Below level 4 anyway.
    NoLevel4,
    /// `--expired-certificates count`.
    Counted,
}

/// Another row of the same file: `line 3` of a CSV file, `row 3` of a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: u64,
    pub in_sheet: bool,
}
