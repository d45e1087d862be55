//! Tables fitted to a terminal's width. Every column is at least as wide as its
//! longest word (in its header and cells), so a code, a number, a date or an id
//! is never split; text longer than its column wraps at its spaces. Below the
//! width those words need, each row becomes a block: a heading line of its key
//! cells, then `Header: value` pairs on indented lines. Prose lines are wrapped
//! at their spaces to the same width.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
};
use unicode_width::UnicodeWidthStr;

use crate::model::Severity;

/// How a table may look.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// ANSI colours (only on a terminal, never with NO_COLOR).
    pub colour: bool,
    /// Fit to this many columns (a terminal's width); `None`: no wrapping.
    pub width: Option<u16>,
}

/// How a status is coloured on a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Error,
    Warning,
    Fine,
}

impl Tone {
    fn of(severity: Option<Severity>) -> Self {
        match severity {
            Some(Severity::Error) => Tone::Error,
            Some(Severity::Warning) => Tone::Warning,
            None => Tone::Fine,
        }
    }

    /// The ANSI sequence that starts the tone (as the table's cells are coloured).
    fn ansi(self) -> &'static str {
        match self {
            Tone::Error => "\x1b[1;31m",
            Tone::Warning => "\x1b[33m",
            Tone::Fine => "\x1b[32m",
        }
    }
}

const RESET: &str = "\x1b[0m";

/// One cell of a [`Grid`]: its text, right-aligned or not, coloured or not.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    text: String,
    right: bool,
    tone: Option<Tone>,
}

impl Field {
    pub(crate) fn text(text: impl Into<String>) -> Self {
        Field {
            text: text.into(),
            right: false,
            tone: None,
        }
    }

    /// A number (or a number with its unit): right-aligned.
    pub(crate) fn number(n: impl ToString) -> Self {
        Field::text(n.to_string()).right()
    }

    /// A status, coloured by its severity on a terminal (none: fine, green).
    pub(crate) fn status(text: impl Into<String>, severity: Option<Severity>) -> Self {
        Field {
            tone: Some(Tone::of(severity)),
            ..Field::text(text)
        }
    }

    pub(crate) fn right(mut self) -> Self {
        self.right = true;
        self
    }

    fn cell(&self, colour: bool) -> Cell {
        let mut cell = Cell::new(&self.text);
        if self.right {
            cell = cell.set_alignment(CellAlignment::Right);
        }
        match self.tone {
            Some(tone) if colour => match tone {
                Tone::Error => cell.fg(Color::Red).add_attribute(Attribute::Bold),
                Tone::Warning => cell.fg(Color::Yellow),
                Tone::Fine => cell.fg(Color::Green),
            },
            _ => cell,
        }
    }

    /// Whether a block of the compact layout shows it: an empty cell or a lone
    /// dash says nothing there.
    fn says_something(&self) -> bool {
        !matches!(self.text.trim(), "" | "—")
    }
}

/// A table with a header, laid out to the style's width: see the module.
pub(crate) struct Grid {
    style: Style,
    header: Vec<String>,
    /// The columns whose cells make the heading line of a block.
    heading: Vec<usize>,
    rows: Vec<Vec<Field>>,
}

/// A table's borders and padding: a border before each column and after the
/// last, a space either side of each cell.
fn frame_width(columns: usize) -> usize {
    3 * columns + 1
}

impl Grid {
    /// A grid with `header`; in the compact layout the cells of the `heading`
    /// columns open each block.
    pub(crate) fn new(style: Style, header: &[&str], heading: &[usize]) -> Self {
        Grid {
            style,
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            heading: heading.to_vec(),
            rows: Vec::new(),
        }
    }

    pub(crate) fn add_row(&mut self, cells: Vec<Field>) {
        self.rows.push(cells);
    }

    /// The table, its columns fitted to the width; the blocks when the width is
    /// less than the table needs, or when its text would wrap so much that the
    /// blocks take fewer lines; the table as wide as its cells with no width.
    pub(crate) fn render(&self) -> String {
        self.render_as().0
    }

    /// What [`Grid::render`] writes, and whether as blocks.
    pub(crate) fn render_as(&self) -> (String, bool) {
        let Some(width) = self.style.width.map(usize::from) else {
            return (self.table(None), false);
        };
        let Some((widths, whole)) = self.column_widths(width) else {
            return (self.compact(width), true);
        };
        let table = self.table(Some(&widths));
        if whole || self.rows.is_empty() {
            return (table, false);
        }
        let compact = self.compact(width);
        if table.lines().count() <= compact.lines().count() {
            (table, false)
        } else {
            (compact, true)
        }
    }

    /// The texts of column `i`: its header and its cells.
    fn column(&self, i: usize) -> impl Iterator<Item = &str> {
        let header = self.header.get(i).map(String::as_str);
        header.into_iter().chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(i))
                .map(|f| f.text.as_str()),
        )
    }

    /// Each column's width (without padding) in a table `width` wide: at least
    /// its longest word, at most its longest line; `None` when the longest words
    /// alone do not fit. What is left past the longest words goes first, whole,
    /// to the columns that want less than an even share, then evenly. With
    /// whether every column is as wide as its longest line (nothing wraps).
    fn column_widths(&self, width: usize) -> Option<(Vec<usize>, bool)> {
        let n = self.header.len();
        let longest = |i: usize, unit: fn(&str) -> Vec<&str>| {
            self.column(i)
                .flat_map(unit)
                .map(UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
                .max(1)
        };
        let least: Vec<usize> = (0..n)
            .map(|i| longest(i, |t| t.split(' ').collect()))
            .collect();
        let most: Vec<usize> = (0..n)
            .map(|i| longest(i, |t| t.lines().collect()))
            .collect();
        let room = width.checked_sub(frame_width(n))?;
        let mut spare = room.checked_sub(least.iter().sum())?;
        let mut widths = least;
        loop {
            let wanting: Vec<usize> = (0..n).filter(|&i| widths[i] < most[i]).collect();
            if wanting.is_empty() || spare == 0 {
                break;
            }
            let share = spare / wanting.len();
            let small: Vec<usize> = wanting
                .iter()
                .copied()
                .filter(|&i| most[i] - widths[i] <= share)
                .collect();
            if small.is_empty() {
                // every column wants more than its share: each gets the share,
                // the first ones one more, and none more than it wants
                let extra = spare % wanting.len();
                for (k, &i) in wanting.iter().enumerate() {
                    widths[i] += share + usize::from(k < extra);
                }
                break;
            }
            for i in small {
                spare -= most[i] - widths[i];
                widths[i] = most[i];
            }
        }
        let whole = widths == most;
        Some((widths, whole))
    }

    /// The table; with `widths`, each column that wide, its text wrapped at spaces.
    fn table(&self, widths: Option<&[usize]>) -> String {
        let mut table = Table::new();
        table.load_style(UTF8_FULL_CONDENSED);
        if self.style.colour {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_content_arrangement(ContentArrangement::Disabled);
        table.set_header(
            self.header
                .iter()
                .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
        );
        for row in &self.rows {
            table.add_row(row.iter().map(|f| f.cell(self.style.colour)));
        }
        if let Some(widths) = widths {
            table.set_constraints(widths.iter().map(|&w| {
                let padded = u16::try_from(w + 2).unwrap_or(u16::MAX);
                ColumnConstraint::Absolute(Width::Fixed(padded))
            }));
        }
        table.to_string()
    }

    /// One block a row: the heading cells on a line, then the other cells as
    /// `Header: value`, as many to a line as fit, indented.
    fn compact(&self, width: usize) -> String {
        let colour = self.style.colour;
        let mut lines: Vec<String> = Vec::new();
        for row in &self.rows {
            let mut heading = Words::new(width, 0, 4, colour);
            for (k, field) in self
                .heading
                .iter()
                .filter_map(|&i| row.get(i))
                .filter(|f| f.says_something())
                .enumerate()
            {
                if k > 0 {
                    heading.push("·", None);
                }
                heading.push_all(&field.text, field.tone);
            }
            lines.extend(heading.finish());
            let mut body = Words::new(width, 2, 4, colour);
            for (i, field) in row.iter().enumerate() {
                if self.heading.contains(&i) || !field.says_something() {
                    continue;
                }
                let key = format!("{}:", self.header.get(i).map_or("", String::as_str));
                let pair = key.width() + 1 + field.text.width();
                if !body.fits(" · ".width() + pair) {
                    lines.extend(body.break_line());
                } else if !body.is_empty() {
                    body.push("·", None);
                }
                body.push_all(&key, None);
                body.push_all(&field.text, field.tone);
            }
            lines.extend(body.finish());
        }
        // as a table's text: no newline after the last line
        lines.join("\n")
    }
}

/// Words packed into lines no wider than a width (a word wider stays whole on
/// its line), the first line at one indent, the next at another.
struct Words {
    width: usize,
    first: usize,
    next: usize,
    colour: bool,
    lines: Vec<String>,
    line: String,
    /// The display width of `line`, without its colour.
    used: usize,
    /// Whether `line` holds a word.
    started: bool,
}

impl Words {
    fn new(width: usize, first: usize, next: usize, colour: bool) -> Self {
        Words {
            width,
            first,
            next,
            colour,
            lines: Vec::new(),
            line: " ".repeat(first),
            used: first,
            started: false,
        }
    }

    fn is_empty(&self) -> bool {
        !self.started
    }

    /// Whether `more` columns still fit on the line.
    fn fits(&self, more: usize) -> bool {
        !self.started || self.used + more <= self.width
    }

    /// Each word of `text`.
    fn push_all(&mut self, text: &str, tone: Option<Tone>) {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            self.push(word, tone);
        }
    }

    fn push(&mut self, word: &str, tone: Option<Tone>) {
        let w = word.width();
        if self.started && self.used + 1 + w > self.width {
            self.end_line(self.next);
        }
        if self.started {
            self.line.push(' ');
            self.used += 1;
        }
        match tone {
            Some(tone) if self.colour => {
                self.line.push_str(tone.ansi());
                self.line.push_str(word);
                self.line.push_str(RESET);
            }
            _ => self.line.push_str(word),
        }
        self.used += w;
        self.started = true;
    }

    fn end_line(&mut self, indent: usize) {
        let line = std::mem::replace(&mut self.line, " ".repeat(indent));
        self.lines.push(line);
        self.used = indent;
        self.started = false;
    }

    /// The lines so far, the next starting at the first indent again.
    fn break_line(&mut self) -> Vec<String> {
        if self.started {
            self.end_line(self.first);
        }
        self.line = " ".repeat(self.first);
        self.used = self.first;
        std::mem::take(&mut self.lines)
    }

    fn finish(mut self) -> Vec<String> {
        self.break_line()
    }
}

/// `text` with each line wider than `width` wrapped at its spaces, the next
/// lines indented two more than it; with no width, as it is.
pub(crate) fn wrap_lines(text: &str, width: Option<u16>) -> String {
    let Some(width) = width.map(usize::from) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if visible_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let indent = body.len() - body.trim_start_matches(' ').len();
        let mut words = Words::new(width, indent, indent + 2, false);
        words.push_all(body, None);
        out.push_str(&words.finish().join("\n"));
        out.push_str(end);
    }
    out
}

/// The display width of `text`, its ANSI colour sequences left out.
pub(crate) fn visible_width(text: &str) -> usize {
    let mut width = 0;
    let mut rest = text;
    while let Some(start) = rest.find('\x1b') {
        width += rest[..start].width();
        let after = &rest[start + 1..];
        let end = match after.strip_prefix('[') {
            Some(seq) => seq
                .find(|c: char| ('\x40'..='\x7e').contains(&c))
                .map_or(after.len(), |i| i + 2),
            None => 0,
        };
        rest = &after[end..];
    }
    width + rest.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(width: u16) -> Style {
        Style {
            colour: false,
            width: Some(width),
        }
    }

    fn sample(width: u16) -> Grid {
        let mut grid = Grid::new(style(width), &["ID", "Full name", "Deadline", "Note"], &[0]);
        grid.add_row(vec![
            Field::text("DN0020"),
            Field::text("Bùi Thị Bích Nhung"),
            Field::text("2024-03-29"),
            Field::text("enrolled, not yet completed"),
        ]);
        grid
    }

    #[test]
    fn a_table_that_fits_is_as_wide_as_its_cells() {
        let wide = sample(200).render();
        assert_eq!(wide, sample(200).table(None));
        assert_eq!(sample(74).render(), wide);
        assert!(wide.contains("│ DN0020 ┆ Bùi Thị Bích Nhung ┆ 2024-03-29 ┆"));
    }

    #[test]
    fn a_narrower_table_wraps_text_at_spaces_never_a_word() {
        let mut grid = sample(60);
        for _ in 0..3 {
            grid.add_row(grid.rows[0].clone());
        }
        let text = grid.render();
        assert!(text.lines().all(|l| l.width() <= 60), "{text}");
        assert!(
            text.contains("│ DN0020 ┆ Bùi Thị Bích   ┆ 2024-03-29 ┆ enrolled, not yet │"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 12, "{text}");
    }

    #[test]
    fn below_the_longest_words_each_row_is_a_block() {
        // the longest words need 6 + 5 + 10 + 9 and a frame of 13: 43
        assert_eq!(
            sample(43).column_widths(43),
            Some((vec![6, 5, 10, 9], false))
        );
        assert_eq!(sample(42).column_widths(42), None);
        assert_eq!(
            sample(40).render(),
            "DN0020\n  Full name: Bùi Thị Bích Nhung\n  Deadline: 2024-03-29\n  Note: enrolled, not yet completed"
        );
        assert_eq!(
            sample(30).render(),
            "DN0020\n  Full name: Bùi Thị Bích\n    Nhung\n  Deadline: 2024-03-29\n  Note: enrolled, not yet\n    completed"
        );
    }

    #[test]
    fn long_prose_wraps_at_spaces_and_colour_takes_no_room() {
        assert_eq!(
            wrap_lines("  one two three four\nok\n", Some(10)),
            "  one two\n    three\n    four\nok\n"
        );
        assert_eq!(visible_width("\x1b[1;31moverdue\x1b[0m"), 7);
        assert_eq!(wrap_lines("a b c", None), "a b c");
    }
}
