//! README.md and docs/ show what the commands really print, and nothing a reader of
//! this repository cannot open.
//!
//! A *sample* is a fenced block of output right after a comment that says which
//! stream it shows, and the exit code if it matters:
//!
//! ````markdown
//! ```sh
//! cargo run -- validate --roster … --enrolments … --as-of 2026-09-30
//! ```
//!
//! <!-- sample: stdout, exit 1 -->
//! ```text
//! …
//! validate: … 0 error(s), 4 warning(s): …
//! ```
//! ````
//!
//! The commands are those of the fenced `sh` block just before it (or before the
//! samples of the same commands just before it), run as written
//! (`cargo run --` is the built binary; `cd DIR` lines change directory), in a scratch
//! directory that sees `examples/`, `tests/` and `data/`, so that a command may
//! write files. The sample is an excerpt: every line of it but blank lines and `…`
//! is a whole line the last command prints, in the same order. A new target or a
//! longer list does not break the docs; a changed line does.
//!
//! Every `text` block of README.md and docs/ is a sample, or says it is an
//! illustration (`<!-- illustration: why -->`).

#![allow(clippy::unwrap_used)] // a failure here is a failed test

use std::fs;
use std::path::{Path, PathBuf};

use crate::common;

/// The two commands a newcomer runs first; CI runs the second exactly.
const DEMO: &str = "cargo run -- check --roster examples/en/roster.csv --enrolments examples/en/enrolments.csv --as-of 2026-09-30 --fail-on never";

#[test]
fn the_readme_shows_the_two_commands_near_the_top() {
    let readme = read("README.md");
    let line_of = |what: &str| readme[..readme.find(what).unwrap()].lines().count();
    assert!(readme.contains(DEMO), "README.md shows the demo command");
    assert!(
        readme.contains("\ncargo test\n"),
        "`cargo test` on a line of its own"
    );
    assert!(line_of(DEMO) < 60, "the demo is near the top");
    assert!(
        line_of("\ncargo test\n") < 90,
        "`cargo test` is near the top"
    );
}

#[test]
fn the_readme_says_how_to_install_and_which_rust_it_needs() {
    let manifest = read("Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("Cargo.toml states its rust-version");
    let readme = read("README.md");
    assert!(
        readme.contains(&format!("Rust **{version} or newer**")),
        "README.md states the rust-version of Cargo.toml, {version}"
    );
    let install = &readme[readme.find("## Install").expect("an Install section")..];
    for what in [
        "cargo install --locked --path .",
        "cargo install --locked --git",
        ".cargo/bin",
        "PATH",
        "boiduong completions bash",
        "boiduong man",
        ".ci/deb",
    ] {
        assert!(install.contains(what), "the Install section says {what:?}");
    }
}

#[test]
fn the_readme_is_short() {
    let lines = read("README.md").lines().count();
    assert!(
        lines <= 250,
        "README.md has {lines} lines; move details to docs/"
    );
}

#[test]
fn every_sample_is_what_its_command_prints() {
    let mut seen = Vec::new();
    for doc in docs() {
        for sample in samples(&doc) {
            sample.check();
            seen.push(sample);
        }
    }
    // the README's tour keeps a real excerpt of each of these
    for command in ["check", "gaps", "validate", "explain", "diff"] {
        assert!(
            seen.iter()
                .any(|s| s.doc == Path::new("README.md") && s.last_command()[0] == command),
            "README.md has no sample of `{command}`"
        );
    }
    assert!(
        seen.iter()
            .any(|s| s.doc == Path::new("README.md") && s.last_command().iter().any(|a| a == "vi")),
        "README.md has no sample in Vietnamese"
    );
}

#[test]
fn every_text_block_is_a_sample_or_says_it_is_an_illustration() {
    for doc in docs() {
        let text = read(&doc);
        for block in blocks(&text) {
            if block.lang == "text" {
                assert!(
                    block.marker.starts_with("<!-- sample:")
                        || block.marker.starts_with("<!-- illustration"),
                    "{}:{}: a text block that is neither a sample nor an illustration",
                    doc.display(),
                    block.line
                );
            }
        }
    }
}

/// Each row of the catalogue in docs/input.md (case | what the files have | code | exit |
/// what the user reads) is what `check` prints in the case's directory of
/// `tests/fixtures/bad-input/`: the exit code, every code, and every line shown (a line
/// ending in `…` is a prefix); a row that shows none says stderr is empty.
#[test]
fn the_bad_input_catalogue_shows_what_each_case_prints() {
    let doc = read("docs/input.md");
    let begin = doc.find("<!-- catalogue:begin -->").expect("the catalogue");
    let end = doc
        .find("<!-- catalogue:end -->")
        .expect("the catalogue's end");
    let mut cases = 0;
    for row in doc[begin..end].lines().filter(|l| l.starts_with("| [`")) {
        let cells = cells(row);
        let case = cells[0]
            .split("](../tests/fixtures/bad-input/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no fixture link in {row}"));
        let dir = Path::new("tests/fixtures/bad-input").join(case);
        let mut cmd = common::check_in(&dir);
        if dir.join("plan.toml").exists() {
            cmd.args(["--plan", "plan.toml"]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let exit: i32 = cells[3].parse().unwrap_or_else(|_| panic!("exit in {row}"));
        assert_eq!(out.status.code(), Some(exit), "{case}: exit code\n{stderr}");
        let shown = code_spans(&cells[4]);
        for line in &shown {
            assert!(
                stderr.contains(line.trim_end_matches('…')),
                "{case}: docs/input.md shows\n{line}\nbut stderr is\n{stderr}"
            );
        }
        if shown.is_empty() {
            assert_eq!(stderr, "", "{case}: docs/input.md says it prints nothing");
        }
        for code in code_spans(&cells[2]) {
            assert!(stderr.contains(&format!("[{code}]")), "{case}: no [{code}]");
        }
        cases += 1;
    }
    assert!(cases >= 40, "only {cases} cases in the catalogue");
}

#[test]
fn no_doc_cites_documents_outside_the_repository() {
    for doc in docs() {
        assert_cites_nothing_outside(&doc);
    }
}

#[test]
fn no_code_comment_cites_documents_outside_the_repository() {
    let mut files = vec![PathBuf::from("Cargo.toml")];
    let mut dirs: Vec<PathBuf> = ["src", "tests/it", "benches", "examples", "data", ".ci"]
        .iter()
        .chain(&["fuzz/fuzz_targets"])
        .map(PathBuf::from)
        .collect();
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_none_or(|e| e != "snap")
                // this file names what it looks for
                && !path.ends_with("tests/it/readme.rs")
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "only {} files", files.len());
    for file in files {
        assert_cites_nothing_outside(&file);
    }
}

/// No line of `path` cites the specification, the bad-input notes or an issue
/// by number: documents a reader of this repository cannot open.
fn assert_cites_nothing_outside(path: &Path) {
    let Ok(text) = fs::read_to_string(path) else {
        return; // not text
    };
    for (n, line) in text.lines().enumerate() {
        let lower = line.to_lowercase();
        let cites = ["spec §", "bad-input.md", "bad-input row"]
            .iter()
            .any(|s| lower.contains(s))
            || line.contains("BAD-INPUT")
            || cites_an_issue(&lower);
        assert!(!cites, "{}:{}: {line}", path.display(), n + 1);
    }
}

#[test]
fn every_link_and_path_in_the_docs_exists() {
    for doc in docs() {
        let prose = blocks_removed(&read(&doc));
        let base = doc.parent().unwrap();
        for target in prose
            .split("](")
            .skip(1)
            .filter_map(|s| s.split(')').next())
        {
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            let path = base.join(target.split('#').next().unwrap());
            assert!(path.exists(), "{}: no {}", doc.display(), path.display());
        }
        for span in prose.lines().flat_map(code_spans) {
            let roots = ["src/", "tests/", "examples/", "data/", "benches/", "docs/"];
            let path = span.split_whitespace().next().unwrap_or_default();
            if roots.iter().any(|r| path.starts_with(r)) && !path.contains(['*', '<', '…']) {
                assert!(Path::new(path).exists(), "{}: no {path}", doc.display());
            }
        }
    }
}

/// The word "issue" (or "issues") followed by a number, with or without "#".
fn cites_an_issue(lower: &str) -> bool {
    lower.match_indices("issue").any(|(at, word)| {
        let rest = lower[at + word.len()..]
            .trim_start_matches('s')
            .trim_start();
        rest.trim_start_matches('#')
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// README.md and every Markdown file under docs/.
fn docs() -> Vec<PathBuf> {
    let mut docs = vec![PathBuf::from("README.md")];
    let mut dirs = vec![PathBuf::from("docs")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                docs.push(path);
            }
        }
    }
    docs.sort();
    assert!(docs.len() > 1, "no docs/*.md");
    docs
}

fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fenced block: its language, its first line (1-based), its lines without the
/// fence's indentation, and the last non-blank line before it.
struct Block {
    lang: String,
    line: usize,
    lines: Vec<String>,
    marker: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, Block)> = None;
    let mut before = String::new();
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let fence = line.trim_start().starts_with("```");
        match open.take() {
            Some((_, block)) if fence => {
                blocks.push(block);
                before = "```".to_owned();
            }
            Some((indent, mut block)) => {
                block
                    .lines
                    .push(line.get(indent..).unwrap_or("").to_owned());
                open = Some((indent, block));
            }
            None if fence => {
                let lang = line.trim_start().trim_start_matches('`').trim().to_owned();
                let marker = before.clone();
                open = Some((
                    indent,
                    Block {
                        lang,
                        line: n + 1,
                        lines: Vec::new(),
                        marker,
                    },
                ));
            }
            None if !line.trim().is_empty() => before = line.trim().to_owned(),
            None => {}
        }
    }
    assert!(open.is_none(), "a fenced block is not closed");
    blocks
}

/// `text` without its fenced blocks.
fn blocks_removed(text: &str) -> String {
    let mut inside = false;
    let mut prose = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if !inside {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    prose
}

/// A sample and the commands that print it.
struct Sample {
    doc: PathBuf,
    line: usize,
    /// `cd` directories (relative to the repository) and commands, in order.
    steps: Vec<Step>,
    stderr: bool,
    exit: Option<i32>,
    excerpt: Vec<String>,
}

enum Step {
    Cd(String),
    Run(Vec<String>),
}

fn samples(doc: &Path) -> Vec<Sample> {
    let text = read(doc);
    let blocks = blocks(&text);
    let mut samples = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(how) = block.marker.strip_prefix("<!-- sample:") else {
            continue;
        };
        let how = how.trim_end_matches("-->").trim();
        let at = format!("{}:{}", doc.display(), block.line);
        // the sh block before, past the other samples of the same commands
        let commands = blocks[..i]
            .iter()
            .rev()
            .find(|b| !b.marker.starts_with("<!-- sample:"))
            .filter(|b| b.lang == "sh")
            .unwrap_or_else(|| panic!("{at}: a sample right after no sh block"));
        let mut steps = Vec::new();
        for line in commands
            .lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
        {
            assert!(
                !line.contains(['"', '\'', '\\', '#', '$']),
                "{at}: `{line}` is not plain"
            );
            if let Some(dir) = line.strip_prefix("cd ") {
                steps.push(Step::Cd(dir.to_owned()));
            } else if let Some(args) = line
                .strip_prefix("cargo run -- ")
                .or_else(|| line.strip_prefix("boiduong "))
            {
                steps.push(Step::Run(
                    args.split_whitespace().map(String::from).collect(),
                ));
            } else {
                panic!("{at}: `{line}` is neither `cd` nor a command");
            }
        }
        let exit = how
            .split(", ")
            .find_map(|part| part.strip_prefix("exit "))
            .map(|code| code.parse().unwrap());
        samples.push(Sample {
            doc: doc.to_owned(),
            line: block.line,
            steps,
            stderr: how.starts_with("stderr"),
            exit,
            excerpt: block.lines.clone(),
        });
    }
    samples
}

impl Sample {
    fn last_command(&self) -> &[String] {
        self.steps
            .iter()
            .rev()
            .find_map(|s| match s {
                Step::Run(args) => Some(args.as_slice()),
                Step::Cd(_) => None,
            })
            .unwrap()
    }

    /// Run the steps in a scratch directory that sees the repository's inputs, and
    /// check the excerpt against the last command's stream.
    fn check(&self) {
        let at = format!("{}:{}", self.doc.display(), self.line);
        let scratch = tempfile::tempdir().unwrap();
        let root = std::env::current_dir().unwrap();
        for dir in ["examples", "tests", "data"] {
            link(&root.join(dir), &scratch.path().join(dir));
        }
        let mut cwd = scratch.path().to_owned();
        let mut last = None;
        for step in &self.steps {
            match step {
                Step::Cd(dir) => cwd = cwd.join(dir),
                Step::Run(args) => {
                    if let Some((code, _)) = &last {
                        assert!(matches!(code, Some(0 | 1)), "{at}: a step exits {code:?}");
                    }
                    let out = common::boiduong()
                        .current_dir(&cwd)
                        .args(args)
                        .output()
                        .unwrap();
                    let stream = if self.stderr { out.stderr } else { out.stdout };
                    last = Some((out.status.code(), String::from_utf8(stream).unwrap()));
                }
            }
        }
        let (code, printed) = last.unwrap_or_else(|| panic!("{at}: no command"));
        if let Some(exit) = self.exit {
            assert_eq!(code, Some(exit), "{at}: exit code");
        }
        assert_excerpt(&at, &printed, &self.excerpt);
    }
}

#[cfg(unix)]
fn link(original: &Path, link: &Path) {
    std::os::unix::fs::symlink(original, link).unwrap();
}

#[cfg(windows)]
fn link(original: &Path, link: &Path) {
    std::os::windows::fs::symlink_dir(original, link).unwrap();
}

/// Every line of `excerpt` but blank lines and `…` is a line of `printed`, in order.
fn assert_excerpt(at: &str, printed: &str, excerpt: &[String]) {
    let mut printed_lines = printed.lines().map(str::trim_end);
    let mut shown = 0;
    for line in excerpt.iter().map(|l| l.trim_end()) {
        if line.is_empty() || line == "…" {
            continue;
        }
        assert!(
            printed_lines.any(|p| p == line),
            "{at}: the sample is out of date; this line is not printed (or not in this \
             order):\n{line}\n\nthe command prints:\n{printed}"
        );
        shown += 1;
    }
    assert!(shown > 0, "{at}: an empty sample");
}

/// The cells of a Markdown table row, `\|` unescaped.
fn cells(row: &str) -> Vec<String> {
    let row = row.trim().trim_matches('|').replace("\\|", "\u{0}");
    row.split('|')
        .map(|c| c.trim().replace('\u{0}', "|"))
        .collect()
}

/// The text of every `code span` of `text`.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty() && !s.contains('\n'))
        .map(String::from)
        .collect()
}
