//! CSV: one row per claim occurrence, for spreadsheets.
//!
//! Columns: `cluster, status, outlet, article, claim, relation, span_start,
//! span_end, text`. A claim that belongs to no cluster still gets a row, with
//! empty `cluster`, `status` and `relation`, so no claim is lost. Quoting
//! follows RFC 4180 (fields with commas, quotes or line breaks are quoted,
//! quotes doubled; records end with CRLF), done by the `csv` crate.
//!
//! The `text` column is the claim text unchanged: it must match the bytes
//! at the span. Spreadsheet programs may interpret a cell that starts with
//! `=`, `+`, `-` or `@` as a formula; import the file as text when the
//! articles are untrusted.

use crosscheck_core::{Claim, Cluster, Occurrence, Report};

use crate::text::wire_name;
use crate::view::View;

/// The column names, in order.
pub const HEADER: [&str; 9] =
    ["cluster", "status", "outlet", "article", "claim", "relation", "span_start", "span_end", "text"];

/// The report as CSV, header first.
pub fn render(report: &Report) -> String {
    let view = View::new(report);
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    let rows = std::iter::once(HEADER.iter().map(|s| s.to_string()).collect()).chain(rows(&view));
    for row in rows {
        // Writing into a Vec cannot fail; a failure would only drop the row.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Every data row: cluster occurrences in cluster order, then unclustered claims.
fn rows(view: &View<'_>) -> Vec<Vec<String>> {
    let clustered = view.report.clusters.iter().flat_map(|c| c.occurrences.iter().map(move |o| (c, o)));
    let mut rows: Vec<Vec<String>> = clustered.map(|(c, o)| occurrence_row(view, c, o)).collect();
    let unclustered = view.report.claims.iter().filter(|c| view.cluster_of(&c.id).is_none());
    rows.extend(unclustered.map(|c| claim_row(view, c)));
    rows
}

fn occurrence_row(view: &View<'_>, cluster: &Cluster, o: &Occurrence) -> Vec<String> {
    let claim = view.claim(&o.claim);
    let (start, end) = claim.map_or((String::new(), String::new()), |c| (c.span.start.to_string(), c.span.end.to_string()));
    vec![
        cluster.id.0.clone(),
        cluster.status.as_str().to_string(),
        o.outlet.clone(),
        o.article.0.clone(),
        o.claim.0.clone(),
        wire_name(&o.relation),
        start,
        end,
        claim.map_or_else(String::new, |c| c.text.clone()),
    ]
}

fn claim_row(view: &View<'_>, c: &Claim) -> Vec<String> {
    vec![
        String::new(),
        String::new(),
        view.outlet_of_article(&c.article.0),
        c.article.0.clone(),
        c.id.0.clone(),
        String::new(),
        c.span.start.to_string(),
        c.span.end.to_string(),
        c.text.clone(),
    ]
}
