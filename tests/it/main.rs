//! The integration tests, one binary: each module runs the built `boiduong` (or the
//! library) on files under `tests/`, one behaviour per test.

#![allow(clippy::unwrap_used)] // a failure in a test helper is a failed test

mod common;

mod ahead;
mod browser;
mod certificates;
mod cli;
mod commands;
mod compare;
mod completions;
mod diag_vi;
mod encodings;
mod findings;
mod gaps;
mod generator;
mod help;
mod hr_words;
mod html;
mod kinds;
mod lang;
mod loaders;
mod output;
mod parallel;
mod plans;
mod quiet;
mod readme;
mod render;
mod sheets;
mod trend;
mod vi_outputs;
mod width;
mod xlsx;
