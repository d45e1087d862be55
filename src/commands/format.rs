//! Which format a command writes: `--format`, or else the extension of `-o`'s
//! file, so that `-o report.xlsx` is a workbook and `-o lists.csv` a CSV file.
//! A `--format` the file's extension contradicts is a usage error, never a
//! workbook named `.csv`.

use std::path::Path;

use crate::Outcome;
use crate::cli::{self, CsvArg, DiffFormat, Format, ListFormat, TrendFormat};
use crate::commands::refuse_inputs;
use crate::i18n::say;
use crate::lang::Lang;
use crate::output::Input;

/// A kind of file, as its extension names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Json,
    Csv,
    Markdown,
    Xlsx,
    Html,
}

impl FileKind {
    /// The kind a file's name says, by its extension (in any case); none for
    /// another extension or none.
    pub fn of(path: &Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" => FileKind::Text,
            "json" => FileKind::Json,
            "csv" => FileKind::Csv,
            "md" | "markdown" => FileKind::Markdown,
            "xlsx" => FileKind::Xlsx,
            "html" | "htm" => FileKind::Html,
            _ => return None,
        })
    }

    /// The `--format` value that writes it.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Text => "table",
            FileKind::Json => "json",
            FileKind::Csv => "csv",
            FileKind::Markdown => "markdown",
            FileKind::Xlsx => "xlsx",
            FileKind::Html => "html",
        }
    }
}

/// A command's formats.
pub trait OutputFormat: Copy + PartialEq + Sized + 'static {
    /// What it writes without `--format` or a known extension.
    const DEFAULT: Self;
    /// Every format of the command.
    const ALL: &'static [Self];
    fn kind(self) -> FileKind;
}

/// `impl OutputFormat` for a command's formats from one list, so that `ALL` and
/// `kind` cannot disagree: each format with the kind of file it writes, the
/// default first. `kind`'s match stays exhaustive, so a format added to the enum
/// and not here does not compile.
macro_rules! formats {
    ($format:ident: $default:ident => $default_kind:ident $(, $other:ident => $kind:ident)* $(,)?) => {
        impl OutputFormat for $format {
            const DEFAULT: Self = $format::$default;
            const ALL: &'static [Self] = &[$format::$default $(, $format::$other)*];
            fn kind(self) -> FileKind {
                match self {
                    $format::$default => FileKind::$default_kind,
                    $($format::$other => FileKind::$kind,)*
                }
            }
        }
    };
}

formats!(Format: Table => Text, Json => Json, Csv => Csv, Markdown => Markdown,
    Xlsx => Xlsx, Html => Html);
formats!(DiffFormat: Table => Text, Json => Json, Csv => Csv, Markdown => Markdown);
formats!(TrendFormat: Table => Text, Csv => Csv, Markdown => Markdown, Html => Html);
formats!(ListFormat: Table => Text, Csv => Csv, Xlsx => Xlsx);

/// Where `command` writes, in which format and, for CSV, with which delimiter:
/// `output` refused when it is one of `inputs`, then the format [`choose`]s,
/// then the delimiter `csv` says ([`csv_delimiter`]). `Err(outcome)`: the run
/// stops there, the problem printed in `lang`.
pub fn output_format<F: OutputFormat>(
    command: &str,
    given: Option<F>,
    output: Option<&Path>,
    inputs: &[Input<'_>],
    csv: &CsvArg,
    lang: Lang,
) -> Result<(F, u8), Outcome> {
    refuse_inputs(output, inputs, lang)?;
    let format = choose(command, given, output, lang).map_err(|message| {
        eprintln!("{message}");
        Outcome::InputError
    })?;
    Ok((format, csv_delimiter(csv, format, lang)?))
}

/// The format `command` writes: `given` (`--format`), or the one `output`'s
/// extension names, or the default. `Err(message)`: `given` and the extension
/// disagree, or the extension names a format the command cannot write.
pub fn choose<F: OutputFormat>(
    command: &str,
    given: Option<F>,
    output: Option<&Path>,
    lang: Lang,
) -> Result<F, String> {
    let named = output.and_then(|path| FileKind::of(path).map(|kind| (path, kind)));
    match (given, named) {
        (Some(format), Some((path, kind))) if format.kind() != kind => Err(
            say::format_contradicts_file(format.kind().name(), path, kind.name(), lang),
        ),
        (Some(format), _) => Ok(format),
        (None, Some((path, kind))) => F::ALL
            .iter()
            .copied()
            .find(|f| f.kind() == kind)
            .ok_or_else(|| {
                let formats: Vec<&str> = F::ALL.iter().map(|f| f.kind().name()).collect();
                say::format_not_written(command, path, kind.name(), &formats, lang)
            }),
        (None, None) => Ok(F::DEFAULT),
    }
}

/// The delimiter of the CSV a run writes in `format`: `--output-delimiter`, else
/// the language's ([`Lang::csv_delimiter`]). `Err(outcome)`: the value names no
/// delimiter, or the run writes no CSV; the problem printed in `lang`.
fn csv_delimiter<F: OutputFormat>(given: &CsvArg, format: F, lang: Lang) -> Result<u8, Outcome> {
    let Some(value) = given.output_delimiter.as_deref() else {
        return Ok(lang.csv_delimiter());
    };
    let refuse = |message: String| {
        eprintln!("{message}");
        Outcome::InputError
    };
    let delimiter =
        cli::delimiter(value).ok_or_else(|| refuse(say::not_an_output_delimiter(value, lang)))?;
    if format.kind() != FileKind::Csv {
        return Err(refuse(say::output_delimiter_not_csv(
            format.kind().name(),
            lang,
        )));
    }
    Ok(delimiter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(given: Option<Format>, output: Option<&str>) -> Result<Format, String> {
        choose("check", given, output.map(Path::new), Lang::En)
    }

    #[test]
    fn the_extension_names_the_format_when_none_is_given() {
        assert_eq!(check(None, Some("report.json")), Ok(Format::Json));
        assert_eq!(check(None, Some("out/Q3.CSV")), Ok(Format::Csv));
        assert_eq!(check(None, Some("report.md")), Ok(Format::Markdown));
        assert_eq!(check(None, Some("report.txt")), Ok(Format::Table));
        assert_eq!(check(None, Some("Báo cáo Q3.XLSX")), Ok(Format::Xlsx));
        assert_eq!(check(None, Some("Q3.html")), Ok(Format::Html));
        let diff = |o: &str| choose::<DiffFormat>("diff", None, Some(Path::new(o)), Lang::En);
        assert!(
            diff("diff.html")
                .unwrap_err()
                .contains("table, json, csv, markdown")
        );
        // another extension, none, or stdout: the table
        assert_eq!(check(None, Some("report.log")), Ok(Format::Table));
        assert_eq!(check(None, Some("report")), Ok(Format::Table));
        assert_eq!(check(None, None), Ok(Format::Table));
        let gaps = |o: &str| choose::<ListFormat>("gaps", None, Some(Path::new(o)), Lang::En);
        assert_eq!(gaps("lists.xlsx"), Ok(ListFormat::Xlsx));
        assert_eq!(gaps("lists.csv"), Ok(ListFormat::Csv));
    }

    #[test]
    fn a_format_the_extension_contradicts_is_refused_saying_which() {
        let err = check(Some(Format::Json), Some("report.csv")).unwrap_err();
        assert!(
            err.contains("--format json") && err.contains("report.csv"),
            "{err}"
        );
        assert!(err.contains("csv"), "{err}");
        let err = choose(
            "gaps",
            Some(ListFormat::Xlsx),
            Some(Path::new("x.csv")),
            Lang::En,
        )
        .unwrap_err();
        assert!(
            err.contains("--format xlsx") && err.contains("x.csv"),
            "{err}"
        );
        // agreeing, or an extension that names no format: as given
        assert_eq!(check(Some(Format::Csv), Some("r.csv")), Ok(Format::Csv));
        assert_eq!(check(Some(Format::Json), Some("r.log")), Ok(Format::Json));
        assert_eq!(check(Some(Format::Json), None), Ok(Format::Json));
    }

    #[test]
    fn an_extension_of_a_format_the_command_cannot_write_is_refused() {
        let err =
            choose::<DiffFormat>("diff", None, Some(Path::new("diff.xlsx")), Lang::En).unwrap_err();
        assert!(err.contains("diff") && err.contains("xlsx"), "{err}");
        let err = choose::<ListFormat>("gaps", None, Some(Path::new("lists.json")), Lang::En)
            .unwrap_err();
        assert!(err.contains("gaps") && err.contains("json"), "{err}");
        assert!(err.contains("table, csv, xlsx"), "{err}");
        let vi =
            choose::<ListFormat>("gaps", None, Some(Path::new("ds.md")), Lang::Vi).unwrap_err();
        assert!(vi.starts_with("lỗi:"), "{vi}");
    }
}
