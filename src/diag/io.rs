//! The operating system's reasons a file cannot be read or written, as problems:
//! data, worded by `crate::i18n::diag`.

use std::io;

use super::problem::{Problem, Why};

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
