//! The operating system's reasons a file cannot be read or written, as problems.

use std::io;

use super::problem::{Problem, Why};
use crate::lang::Lang;

/// The problem of a file `display` that cannot be read.
pub fn cannot_read(display: &str, why: Why) -> Problem {
    Problem::CannotRead {
        file: display.to_owned(),
        why,
    }
}

/// The operating system's reason, typed where we word it ourselves; else its
/// own words, without Rust's "(os error N)" suffix.
pub fn why(e: &io::Error) -> Why {
    match e.kind() {
        io::ErrorKind::NotFound => Why::NoSuchFile,
        io::ErrorKind::PermissionDenied => Why::PermissionDenied,
        _ => {
            let text = e.to_string();
            Why::System(match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            })
        }
    }
}

/// The operating system's reason, in English: for errors that end a run.
pub fn describe(e: &io::Error) -> String {
    super::words::why(&why(e), false, Lang::En)
}
