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

/// Writes [`render`]'s bytes to `out` without building them in memory
/// (pretty JSON streamed through serde, then the final newline).
pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// Writes the JSON report to `path` atomically, streamed (see [`write`]).
pub fn write_atomic(report: &Report, path: &std::path::Path) -> Result<(), crate::ReportError> {
    crate::write_atomic_with(path, |w| write(report, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_json_equals_rendered_json() {
        let report = Report {
            schema_version: crosscheck_core::SCHEMA_VERSION.to_string(),
            generator: "test".into(),
            story: "s".into(),
            articles: Vec::new(),
            claims: Vec::new(),
            edges: Vec::new(),
            clusters: Vec::new(),
            disputes: Vec::new(),
            derivations: Vec::new(),
            diagnostics: Vec::new(),
        };
        let mut out = Vec::new();
        assert!(write(&report, &mut out).is_ok());
        assert_eq!(String::from_utf8(out).ok(), Some(render(&report)));
    }
}
