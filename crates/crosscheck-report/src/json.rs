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

/// Writes [`render`]'s bytes to `out` without building them in memory.
///
/// The report's small fields are rendered by serde as usual (the large
/// arrays left empty); each large array (articles, claims, edges, clusters,
/// disputes) is then spliced in its place, its elements rendered by serde
/// on rayon's pool in bounded batches and indented as serde's pretty
/// printer indents array elements at that depth. JSON strings escape
/// newlines, so every newline in an element's rendering is formatting and
/// gets the element's indentation. Writing a batch to `out` overlaps with
/// rendering the next one (`rayon::join`, so a one-thread pool does both
/// in turn). The bytes equal [`render`]'s (tested);
/// a field added to [`Report`] is rendered with the small ones (the shell
/// below lists every field, so the compiler asks where a new one goes).
pub fn write(report: &Report, out: &mut (dyn std::io::Write + Send)) -> std::io::Result<()> {
    let shell = Report {
        schema_version: report.schema_version.clone(),
        generator: report.generator.clone(),
        story: report.story.clone(),
        articles: Vec::new(),
        claims: Vec::new(),
        edges: Vec::new(),
        clusters: Vec::new(),
        disputes: Vec::new(),
        derivations: report.derivations.clone(),
        diagnostics: report.diagnostics.clone(),
    };
    let text = serde_json::to_string_pretty(&shell)?;
    let mut spliced: Vec<(usize, &str)> = LARGE_ARRAYS
        .iter()
        .filter_map(|name| text.find(&format!("\n  \"{name}\": []")).map(|at| (at, *name)))
        .collect();
    spliced.sort_unstable();
    let mut done = 0;
    for (at, name) in spliced {
        // `\n  "name": [` is written from the shell, then the elements and
        // the closing bracket (the shell's own "]" is skipped).
        let open = at + name.len() + 8;
        out.write_all(&text.as_bytes()[done..open])?;
        match name {
            "articles" => write_elements(&report.articles, out)?,
            "claims" => write_elements(&report.claims, out)?,
            "edges" => write_elements(&report.edges, out)?,
            "clusters" => write_elements(&report.clusters, out)?,
            _ => write_elements(&report.disputes, out)?,
        }
        done = open + 1;
    }
    out.write_all(&text.as_bytes()[done..])?;
    out.write_all(b"\n")
}

/// The report's arrays that [`write`] renders in parallel.
const LARGE_ARRAYS: [&str; 5] = ["articles", "claims", "edges", "clusters", "disputes"];

/// Elements rendered per parallel batch (bounds the memory held at once).
const BATCH_ELEMENTS: usize = 8192;

/// The elements of a top-level array and its closing bracket, as serde's
/// pretty printer writes them after the opening `[` (elements at depth 2).
/// Batch `b` is written while batch `b + 1` is rendered.
fn write_elements<T: serde::Serialize + Sync>(items: &[T], out: &mut (dyn std::io::Write + Send)) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"]");
    }
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for (b, batch) in items.chunks(BATCH_ELEMENTS).enumerate() {
        let (written, rendered) = rayon::join(|| write_parts(&pending, &mut *out), || render_batch(batch, b == 0));
        written?;
        pending = rendered?;
    }
    write_parts(&pending, out)?;
    out.write_all(b"\n  ]")
}

/// Writes rendered parts in order.
fn write_parts(parts: &[Vec<u8>], out: &mut (dyn std::io::Write + Send)) -> std::io::Result<()> {
    parts.iter().try_for_each(|part| out.write_all(part))
}

/// Elements rendered per parallel task within a batch.
const CHUNK_ELEMENTS: usize = 256;

/// One batch of elements, each preceded by its separator (none before the
/// array's first element), rendered in parallel chunks kept in order.
fn render_batch<T: serde::Serialize + Sync>(batch: &[T], first_batch: bool) -> std::io::Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    batch
        .par_chunks(CHUNK_ELEMENTS)
        .enumerate()
        .map(|(c, chunk)| {
            let mut buf = Vec::new();
            for (k, item) in chunk.iter().enumerate() {
                let first = first_batch && c == 0 && k == 0;
                buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                serde_json::to_writer_pretty(Indented(&mut buf), item)?;
            }
            Ok(buf)
        })
        .collect()
}

/// Appends to a buffer, indenting every line after the first by four
/// spaces (the depth of a top-level array's elements).
struct Indented<'a>(&'a mut Vec<u8>);

impl std::io::Write for Indented<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut lines = bytes.split(|&byte| byte == b'\n');
        if let Some(head) = lines.next() {
            self.0.extend_from_slice(head);
        }
        for line in lines {
            self.0.extend_from_slice(b"\n    ");
            self.0.extend_from_slice(line);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes the JSON report to `path` atomically, streamed (see [`write`]).
pub fn write_atomic(report: &Report, path: &std::path::Path) -> Result<(), crate::ReportError> {
    crate::write_atomic_with(path, |w| write(report, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(report: &Report) -> Option<String> {
        let mut out = Vec::new();
        write(report, &mut out).ok()?;
        String::from_utf8(out).ok()
    }

    #[test]
    fn parallel_writer_equals_rendered_json_on_large_arrays() {
        use crosscheck_core::{ArticleId, ClaimId, Edge, EdgeKind, FeatureMap};
        let features: FeatureMap = [("a".to_string(), 0.5), ("b\n\"x".to_string(), -1.0)].into_iter().collect();
        let edge = |i: usize| Edge {
            source: ClaimId::new(&ArticleId(format!("a{i}")), i),
            target: ClaimId::new(&ArticleId("line\nbreak \"quoted\"".into()), i + 1),
            kind: EdgeKind::Paraphrase,
            score: i as f64 / 7.0,
            features: features.clone(),
            rule: format!("rule {i}\n  indented"),
        };
        for n in [0, 1, 2, 255, 256, 257, BATCH_ELEMENTS + 3] {
            let report = Report { edges: (0..n).map(edge).collect(), ..Report::new("test", "s", Vec::new(), Vec::new()) };
            assert_eq!(written(&report), Some(render(&report)), "{n} edges");
        }
    }

    #[test]
    fn streamed_json_equals_rendered_json() {
        let report = Report::new("test", "s", Vec::new(), Vec::new());
        let mut out = Vec::new();
        assert!(write(&report, &mut out).is_ok());
        assert_eq!(String::from_utf8(out).ok(), Some(render(&report)));
    }
}
