//! The charts of the HTML pages, as SVG written here: bars against a target
//! line, stacked bars of statuses, lines across dates. Pure functions from
//! numbers and words (already in the page's language) to markup.
//!
//! Written by hand rather than with a plotting crate such as `plotters`: these
//! three shapes are a few rectangles, lines and text each; the text stays text
//! (selectable, searchable, read by a screen reader, printed sharp) rather than
//! glyphs a crate draws with a font stack of its own; nothing needs a font file or a
//! rendering library at build time; and a chart is a few hundred bytes, which
//! keeps a national report small.
//!
//! Colour never carries a status alone: every status has its own pattern, the
//! legend names it, and each chart has a `<title>` and a table of its numbers
//! beside it (the renderer's part). Text from the data is escaped here.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// How a bar or a segment is filled: one per status, each with a pattern of
/// its own so that a printout in black and white still tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Done,
    Late,
    Open,
    DueSoon,
    Overdue,
    MissingData,
    NotReady,
    /// A bar that reaches its target.
    Met,
    /// A bar short of its target.
    Short,
    /// A bar that is neither (no target, or for information).
    Plain,
}

impl Fill {
    /// The name of its pattern in the page's `<defs>`, and its class.
    fn name(self) -> &'static str {
        match self {
            Fill::Done => "done",
            Fill::Late => "late",
            Fill::Open => "open",
            Fill::DueSoon => "due-soon",
            Fill::Overdue => "overdue",
            Fill::MissingData => "missing-data",
            Fill::NotReady => "not-ready",
            Fill::Met => "met",
            Fill::Short => "short",
            Fill::Plain => "plain",
        }
    }

    fn paint(self) -> String {
        format!("url(#p-{})", self.name())
    }
}

/// The patterns every chart of a page refers to: one hidden `<svg>` at the top
/// of the page (not `display:none`, under which a browser draws no pattern).
pub fn defs() -> String {
    // (name, background, what is drawn over it)
    let patterns: [(Fill, &str, &str); 10] = [
        (Fill::Done, "#2e7d32", ""),
        (Fill::Met, "#2e7d32", ""),
        (
            Fill::Late,
            "#c5e1a5",
            r##"<path d="M0 8L8 0" stroke="#33691e" stroke-width="1.5"/>"##,
        ),
        (
            Fill::Open,
            "#eceff1",
            r##"<circle cx="4" cy="4" r="1" fill="#607d8b"/>"##,
        ),
        (
            Fill::DueSoon,
            "#ffe082",
            r##"<path d="M0 4H8" stroke="#8d6e00" stroke-width="1.5"/>"##,
        ),
        (
            Fill::Overdue,
            "#c62828",
            r##"<path d="M0 0L8 8M0 8L8 0" stroke="#fff" stroke-width="1.2"/>"##,
        ),
        (
            Fill::NotReady,
            "#ef9a9a",
            r##"<path d="M0 0L8 8" stroke="#b71c1c" stroke-width="1.5"/>"##,
        ),
        (
            Fill::MissingData,
            "#bdbdbd",
            r##"<circle cx="4" cy="4" r="2" fill="#424242"/>"##,
        ),
        (
            Fill::Short,
            "#e57373",
            r##"<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#7f0000" stroke-width="1.5"/>"##,
        ),
        (Fill::Plain, "#546e7a", ""),
    ];
    let mut out = String::from(
        r#"<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>"#,
    );
    for (fill, background, over) in patterns {
        let _ = write!(
            out,
            r#"<pattern id="p-{}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="{background}"/>{over}</pattern>"#,
            fill.name()
        );
    }
    out.push_str("</defs></svg>");
    out
}

/// The width of every chart, in its own units (it scales to the page).
const WIDTH: u32 = 720;

/// One bar: `value` of `of` (its whole), with a target line at `target` of `of`.
#[derive(Clone, Debug)]
pub struct Bar {
    pub label: String,
    pub value: u32,
    pub of: u32,
    pub target: Option<u32>,
    /// What the bar says in words, under it: the numbers and the status.
    pub text: String,
    pub fill: Fill,
}

/// `part` of `whole` as a length of the bar's track.
fn length(part: u32, whole: u32, track: u32) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    let ratio = (f64::from(part) / f64::from(whole)).min(1.0);
    ratio * f64::from(track)
}

/// The opening of a chart: its size, its role and its title (what a screen
/// reader says, and what a browser shows on hover).
fn open(id: &str, title: &str, height: u32) -> String {
    format!(
        r#"<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title"><title id="{id}-title">{}</title>"#,
        text(title),
        id = attr(id),
    )
}

/// A label cut to what fits a chart's line (the table beside it has it whole).
fn fit(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let mut cut: String = label.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Roughly how wide a text of `chars` characters is, in the chart's units: a
/// label is cut so as not to run into the numbers on its line.
fn text_width(chars: usize) -> u32 {
    u32::try_from(chars)
        .unwrap_or(u32::MAX / 8)
        .saturating_mul(7)
}

/// Horizontal bars, each against its own target line; `target_word` names the
/// line in the legend (none: the bars have no target). Each bar has its label
/// and its numbers on the line above it, so that a chart of a dozen bars fits
/// a printed page.
pub fn bars(id: &str, title: &str, bars: &[Bar], target_word: Option<&str>) -> String {
    const ROW: u32 = 38;
    const TRACK: u32 = WIDTH - 4;
    let height = 26 + ROW * u32::try_from(bars.len()).unwrap_or(u32::MAX / ROW / 2);
    let mut out = open(id, title, height);
    // the legend: what the dashed line is
    if let Some(word) = target_word {
        let _ = write!(
            out,
            r##"<g class="legend"><line x1="2" y1="4" x2="2" y2="20" stroke="#111" stroke-width="2.5" stroke-dasharray="4 2"/><text x="10" y="17">{}</text></g>"##,
            text(word)
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = 26 + ROW * u32::try_from(i).unwrap_or(0);
        let width = length(bar.value, bar.of, TRACK);
        let room = WIDTH.saturating_sub(text_width(bar.text.chars().count()) + 16) / 7;
        let _ = write!(
            out,
            r##"<g class="bar"><text x="2" y="{}" class="label">{}</text><text x="{}" y="{}" class="value" text-anchor="end">{}</text><rect x="2" y="{}" width="{TRACK}" height="16" fill="#f5f5f5" stroke="#9e9e9e"/><rect x="2" y="{}" width="{width:.1}" height="16" fill="{}" class="{}"/>"##,
            y + 12,
            text(&fit(&bar.label, usize::try_from(room).unwrap_or(0).max(8))),
            WIDTH - 2,
            y + 12,
            text(&bar.text),
            y + 16,
            y + 16,
            bar.fill.paint(),
            bar.fill.name(),
        );
        if let Some(target) = bar.target {
            let x = 2.0 + length(target, bar.of, TRACK);
            let _ = write!(
                out,
                r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{}" stroke="#111" stroke-width="2.5" stroke-dasharray="4 2"/>"##,
                y + 13,
                y + 35,
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// One stacked bar: its label and its segments, in order.
#[derive(Clone, Debug)]
pub struct Stack {
    pub label: String,
    pub segments: Vec<(Fill, u32)>,
}

/// The legend of a chart: a swatch of each fill and its name, laid out in lines.
fn legend(entries: &[(Fill, String)]) -> (String, u32) {
    let mut out = String::from(r#"<g class="legend">"#);
    let (mut x, mut y) = (2u32, 4u32);
    for (fill, name) in entries {
        // a rough width of the name: the legend only has to not overlap
        let width = 22 + 8 * u32::try_from(name.chars().count()).unwrap_or(20);
        if x > 2 && x + width > WIDTH {
            x = 2;
            y += 22;
        }
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{y}" width="16" height="16" fill="{}" stroke="#424242"/><text x="{}" y="{}">{}</text>"##,
            fill.paint(),
            x + 20,
            y + 13,
            text(name)
        );
        x += width + 12;
    }
    out.push_str("</g>");
    (out, y + 22)
}

/// Horizontal stacked bars, each segment's share of its bar's total, with a
/// legend naming each fill.
pub fn stacked(id: &str, title: &str, stacks: &[Stack], names: &[(Fill, String)]) -> String {
    const ROW: u32 = 50;
    const TRACK: u32 = WIDTH - 4;
    let (legend, top) = legend(names);
    let height = top + 6 + ROW * u32::try_from(stacks.len()).unwrap_or(u32::MAX / ROW / 2);
    let mut out = open(id, title, height);
    out.push_str(&legend);
    for (i, stack) in stacks.iter().enumerate() {
        let y = top + 6 + ROW * u32::try_from(i).unwrap_or(0);
        let total: u32 = stack.segments.iter().map(|(_, n)| n).sum();
        let _ = write!(
            out,
            r##"<g class="stack"><text x="2" y="{}" class="label">{}</text><rect x="2" y="{}" width="{TRACK}" height="22" fill="#fafafa" stroke="#9e9e9e"/>"##,
            y + 13,
            text(&fit(&stack.label, 90)),
            y + 18,
        );
        let mut x = 2.0;
        let mut counted = 0;
        for &(fill, n) in &stack.segments {
            if n == 0 {
                continue;
            }
            counted += n;
            // the end of the segment from the running total, so that rounding
            // never leaves a gap or overruns the track
            let end = 2.0 + length(counted, total, TRACK);
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{}" width="{:.1}" height="22" fill="{}" stroke="#fff" stroke-width="0.5" class="{}"><title>{n}</title></rect>"##,
                y + 18,
                end - x,
                fill.paint(),
                fill.name(),
            );
            x = end;
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

/// One line of a line chart: a value at each date, or none.
#[derive(Clone, Debug)]
pub struct Series {
    pub label: String,
    pub points: Vec<Option<u32>>,
    /// Dashed: a requirement rather than what was achieved.
    pub dashed: bool,
}

/// The marks that tell lines apart without colour: each line's points are drawn
/// with its own shape, and its name is written at its end.
fn marker(shape: usize, x: f64, y: f64) -> String {
    match shape % 4 {
        0 => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="4"/>"#),
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8"/>"#,
            x - 4.0,
            y - 4.0
        ),
        2 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z"/>"#,
            y - 5.0,
            x + 5.0,
            y + 4.0,
            x - 5.0,
            y + 4.0
        ),
        _ => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z"/>"#,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
    }
}

/// Lines across `dates` (their labels, in order), one per series, on one axis
/// from 0.
pub fn lines(id: &str, title: &str, dates: &[String], series: &[Series]) -> String {
    const LEFT: f64 = 48.0;
    const RIGHT: f64 = 560.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 216.0;
    let max = series
        .iter()
        .flat_map(|s| s.points.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let x_of = |i: usize| match dates.len() {
        0 | 1 => f64::midpoint(LEFT, RIGHT),
        n => LEFT + (RIGHT - LEFT) * (i as f64) / ((n - 1) as f64),
    };
    let y_of = |v: u32| BOTTOM - (BOTTOM - TOP) * f64::from(v) / f64::from(max);
    let mut out = open(id, title, 250);
    // the axes, 0, half and the most
    let _ = write!(
        out,
        r##"<g class="axis"><line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="#616161"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BOTTOM}" stroke="#616161"/>"##
    );
    for v in [0, max / 2, max] {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{v}</text>"#,
            LEFT - 6.0,
            y_of(v) + 4.0
        );
    }
    for (i, date) in dates.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x_of(i),
            BOTTOM + 20.0,
            text(date)
        );
    }
    out.push_str("</g>");
    for (k, s) in series.iter().enumerate() {
        let dash = if s.dashed {
            r#" stroke-dasharray="6 4""#
        } else {
            ""
        };
        out.push_str(r##"<g class="series" fill="#263238" stroke="#263238">"##);
        let points: Vec<(f64, f64)> = s
            .points
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (x_of(i), y_of(v))))
            .collect();
        // a line through each run of dates with a value: none across a gap
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, v) in s.points.iter().enumerate() {
            match (v, runs.last_mut()) {
                (Some(v), Some(run)) => run.push((x_of(i), y_of(*v))),
                _ => runs.push(Vec::new()),
            }
        }
        for run in runs.iter().filter(|r| r.len() > 1) {
            let _ = write!(
                out,
                r#"<polyline fill="none" stroke-width="2"{dash} points=""#
            );
            for (x, y) in run {
                let _ = write!(out, "{x:.1},{y:.1} ");
            }
            out.push_str(r#""/>"#);
        }
        for &(x, y) in &points {
            out.push_str(&marker(k, x, y));
        }
        if let Some(&(x, y)) = points.last() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" stroke="none">{}</text>"#,
                x + 10.0,
                y + 4.0 + 12.0 * ((k % 3) as f64 - 1.0),
                text(&fit(&s.label, 22))
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_is_its_share_of_its_whole_and_its_text_is_escaped() {
        let svg = bars(
            "c1",
            "Shares <&>",
            &[Bar {
                label: "group <1>".into(),
                value: 1,
                of: 4,
                target: Some(2),
                text: "25% & more".into(),
                fill: Fill::Short,
            }],
            Some("target"),
        );
        assert!(svg.contains("<title id=\"c1-title\">Shares &lt;&amp;&gt;</title>"));
        assert!(svg.contains("group &lt;1&gt;") && svg.contains("25% &amp; more"));
        // a quarter of the 716-unit track, and the target line at half of it
        assert!(svg.contains("width=\"179.0\""), "{svg}");
        assert!(svg.contains("x1=\"360.0\""), "{svg}");
        assert!(svg.contains("viewBox=\"0 0 720 64\""), "{svg}");
        assert!(!svg.contains("<1>"));
    }

    #[test]
    fn the_segments_of_a_stack_fill_its_track_exactly() {
        let svg = stacked(
            "c2",
            "t",
            &[Stack {
                label: "TITLE-2Y".into(),
                segments: vec![(Fill::Done, 1), (Fill::Late, 0), (Fill::Overdue, 2)],
            }],
            &[
                (Fill::Done, "done".into()),
                (Fill::Overdue, "overdue".into()),
            ],
        );
        assert_eq!(
            svg.matches("<title>").count(),
            2,
            "empty segments are left out"
        );
        assert!(
            svg.contains("x=\"240.7\"") && svg.contains("width=\"477.3\""),
            "{svg}"
        );
        assert!(svg.contains("url(#p-overdue)"));
    }

    #[test]
    fn a_line_breaks_where_a_date_has_no_value_and_an_empty_chart_draws() {
        let dates = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let svg = lines(
            "c3",
            "t",
            &dates,
            &[Series {
                label: "x".into(),
                points: vec![Some(1), None, Some(2)],
                dashed: false,
            }],
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(!svg.contains("<polyline"), "no line across the gap: {svg}");
        let empty = lines("c4", "t", &[], &[]);
        assert!(empty.ends_with("</svg>"));
        assert!(fit("abcdef", 4) == "abc…" && fit("abc", 4) == "abc");
    }
}
