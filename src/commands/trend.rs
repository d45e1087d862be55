//! `trend REPORT.json...`: each target's achieved figure, shortfall and status
//! across the quarterly reports an office keeps, in as-of order.

use std::sync::Arc;

use crate::cli::{TrendArgs, TrendFormat};
use crate::commands::compare::read_report;
use crate::commands::{deliver, format, load_plan};
use crate::diag::problem::InputFile;
use crate::i18n::say;
use crate::lang::Lang;
use crate::output::Input;
use crate::report::baseline;
use crate::report::trend;
use crate::{Outcome, output, render};

pub fn run(args: &TrendArgs, lang: Lang) -> anyhow::Result<Outcome> {
    let inputs: Vec<Input> = args
        .reports
        .iter()
        .map(|path| Input {
            path,
            what: InputFile::TrendReport,
        })
        .collect();
    let output = args.out.output.as_deref();
    let (format, delimiter) =
        match format::output_format("trend", args.format, output, &inputs, &args.out.csv, lang) {
            Ok(chosen) => chosen,
            Err(outcome) => return Ok(outcome),
        };
    let mut reports = Vec::with_capacity(args.reports.len());
    for path in &args.reports {
        match read_report(path, lang) {
            Ok(report) => reports.push(report),
            Err(outcome) => return Ok(outcome),
        }
    }
    // one plan: every report's is the first's
    if let Some(first) = reports.first() {
        let plan = first.plan.clone();
        for report in &reports {
            if let Err(problem) = baseline::check_plan(report, &plan) {
                eprintln!("{}", problem.display(lang));
                return Ok(Outcome::InputError);
            }
        }
    }
    let Some((plan, _)) = load_plan(&args.out.plan, lang) else {
        return Ok(Outcome::InputError);
    };
    // The words of the plan the reports were made with; none of another plan's.
    let glossary = match reports.first() {
        Some(first) if first.plan == plan.id => plan.glossary,
        _ => Arc::default(),
    };
    let trend = match trend::build(reports, glossary) {
        Ok(trend) => trend,
        Err(same) => {
            eprintln!(
                "{}",
                say::trend_same_as_of(same.as_of, &same.first, &same.second, lang)
            );
            return Ok(Outcome::InputError);
        }
    };
    let bytes = match format {
        TrendFormat::Table => {
            let style = output::table_style(args.out.output.is_some());
            render::trend::render_table(&trend, lang, style).into_bytes()
        }
        TrendFormat::Csv => render::trend::render_csv(&trend, lang, delimiter)?,
        TrendFormat::Markdown => render::trend::render_markdown(&trend, lang).into_bytes(),
        TrendFormat::Html => render::trend::render_html(&trend, lang).into_bytes(),
    };
    if let Err(outcome) = deliver(output, &bytes, args.out.quiet, lang)? {
        return Ok(outcome);
    }
    Ok(Outcome::Clean)
}
