//! Writing figures into `docs/accuracy.md` without touching its prose.
//!
//! Every section's block sits between two markers:
//!
//! ```text
//! <!-- generated:seed (crosscheck-eval harness; do not edit by hand) -->
//! …
//! <!-- /generated:seed -->
//! ```
//!
//! [`splice_docs`] replaces what is between the markers of each section
//! the table holds and leaves everything else — prose, and blocks of
//! sections this run did not measure — as it was. A section without markers
//! yet is appended at the end under its own `##` heading.

use std::path::Path;

use super::table::Table;
use crate::error::EvalError;

fn open_marker(id: &str) -> String {
    format!("<!-- generated:{id} (crosscheck-eval harness; do not edit by hand) -->")
}

fn close_marker(id: &str) -> String {
    format!("<!-- /generated:{id} -->")
}

/// `doc` with the blocks of `table`'s sections replaced (or appended).
pub fn splice_docs(doc: &str, table: &Table) -> String {
    let mut out = doc.to_string();
    for sec in &table.sections {
        let block = format!("{}\n{}{}", open_marker(&sec.id), sec.markdown(), close_marker(&sec.id));
        let open_prefix = format!("<!-- generated:{} ", sec.id);
        let close = close_marker(&sec.id);
        match (out.find(&open_prefix), out.find(&close)) {
            (Some(a), Some(b)) if a < b => out.replace_range(a..b + close.len(), &block),
            _ => {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&format!("\n## {}\n\n{block}\n", sec.title));
            }
        }
    }
    out
}

/// Rewrites the file at `path` (normally [`super::accuracy_doc`]) with the
/// figures of `table`, keeping its prose. A missing file is created.
pub fn write_docs(table: &Table, path: &Path) -> Result<(), EvalError> {
    let doc = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "# Accuracy\n".to_string(),
        Err(e) => return Err(EvalError::io(path, e)),
    };
    let new = splice_docs(&doc, table);
    let tmp = path.with_extension("md.tmp");
    std::fs::write(&tmp, new).map_err(|e| EvalError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| EvalError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::table::{Row, Section, Unit};

    fn table(v: f64) -> Table {
        let mut s = Section::new("seed", "Seed story", "cmd");
        s.rows.push(Row::new("seed.pair_f1", "pair F1", v, Unit::Rate, "anchor"));
        Table { mode: "quick".into(), sections: vec![s], skipped: Vec::new(), seconds: 0.0, cpu_seconds: None }
    }

    #[test]
    fn splicing_replaces_blocks_and_keeps_prose() {
        let first = splice_docs("# Accuracy\n\nProse.\n", &table(0.25));
        assert!(first.contains("Prose.") && first.contains("## Seed story") && first.contains("**0.250**"));
        let edited = first.replace("Prose.", "Edited prose.");
        let second = splice_docs(&edited, &table(0.5));
        assert!(second.contains("Edited prose.") && second.contains("**0.500**") && !second.contains("**0.250**"));
        assert_eq!(second.matches("## Seed story").count(), 1, "{second}");
        assert_eq!(splice_docs(&second, &table(0.5)), second, "idempotent");
    }
}
