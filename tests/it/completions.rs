//! `boiduong completions SHELL` and `boiduong man`.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use crate::common;

use common::boiduong;

#[test]
fn completions_for_bash_name_the_commands_and_options() {
    let out = boiduong().args(["completions", "bash"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let script = String::from_utf8(out.stdout).unwrap();
    for word in ["check", "diff", "--roster", "--baseline", "markdown"] {
        assert!(script.contains(word), "the bash completion lacks {word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = boiduong().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            String::from_utf8(out.stdout).unwrap().contains("roster"),
            "{shell}"
        );
    }
}

#[test]
fn the_man_page_is_roff_naming_every_command() {
    let out = boiduong().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.contains("\n.TH "), "{page}");
    assert!(page.contains(".TH boiduong"));
    for command in ["check", "diff", "completions", "man"] {
        assert!(page.contains(command), "the man page lacks {command}");
    }
    let check_page =
        String::from_utf8(boiduong().args(["man", "check"]).output().unwrap().stdout).unwrap();
    assert!(check_page.contains(".TH boiduong-check"));
    assert!(check_page.contains("roster"));
    boiduong().args(["man", "nosuch"]).assert().code(2);
}
