use std::process::ExitCode;

use boiduong::cli;
use boiduong::output::is_broken_pipe;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The help is in the language of the run, decided before parsing.
    let help_lang = cli::help_lang(&args, |name| std::env::var(name).ok());
    let cli = cli::parse(args, help_lang);
    match boiduong::run(&cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
