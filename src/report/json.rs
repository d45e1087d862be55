//! The report as JSON: SPEC §5, the contract scripts rely on; and a diff the same way.

use serde::Serialize;

/// Pretty-printed JSON with a final newline: a `Report` or a `Diff`.
pub fn render(value: &impl Serialize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}
