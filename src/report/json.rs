//! The report as JSON: SPEC §5, the contract scripts rely on.

use crate::report::Report;

/// Pretty-printed JSON with a final newline.
pub fn render(report: &Report) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}
