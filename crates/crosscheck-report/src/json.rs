//! JSON: the report as the documented machine contract.
//!
//! The layout is serde's rendering of [`crosscheck_core::Report`]; it is
//! described field by field in `docs/report-schema.md` and formalised as a
//! JSON Schema (draft 2020-12) in `docs/report.schema.json`. Enum values are
//! kebab-case (`single-sourced`, `html-meta`, `direct-quote`).

use crosscheck_core::Report;

/// The report as pretty-printed JSON, ending with a newline.
///
/// Serialising a report cannot fail in practice (all map keys are strings);
/// should it ever, the output is a JSON object with one `error` field rather
/// than a panic.
pub fn render(report: &Report) -> String {
    match serde_json::to_string_pretty(report) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(e) => format!("{}\n", serde_json::json!({ "error": e.to_string() })),
    }
}
