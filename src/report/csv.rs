//! The findings as CSV for Excel: one row per official and rule, UTF-8 with a
//! byte order mark so Excel reads the Vietnamese right, formulas neutralised.

use crate::report::{Report, neutralise};

const HEADER: [&str; 17] = [
    "rule",
    "clause",
    "severity",
    "status",
    "id",
    "full_name",
    "unit",
    "title",
    "program",
    "anchor",
    "deadline",
    "days_overdue",
    "days_left",
    "days_late",
    "completed_on",
    "note",
    "message",
];

pub fn render(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADER)?;
        let opt = |v: Option<String>| v.unwrap_or_default();
        for f in report.findings.iter() {
            let row = [
                f.rule.to_owned(),
                f.clause.to_owned(),
                f.severity.label().to_owned(),
                f.status.code().to_owned(),
                f.id.to_owned(),
                f.full_name.to_owned(),
                f.unit.to_owned(),
                f.title.to_owned(),
                opt(f.program.map(|p| p.code().to_owned())),
                opt(f.anchor.map(|d| d.to_string())),
                opt(f.deadline.map(|d| d.to_string())),
                opt(f.days_overdue.map(|n| n.to_string())),
                opt(f.days_left.map(|n| n.to_string())),
                opt(f.days_late.map(|n| n.to_string())),
                opt(f.completed_on.map(|d| d.to_string())),
                opt(f.note.map(str::to_owned)),
                f.message.to_string(),
            ];
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}
