use std::process::ExitCode;

use boiduong::cli::Cli;
use boiduong::output::is_broken_pipe;
use clap::Parser;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match boiduong::run(&cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
