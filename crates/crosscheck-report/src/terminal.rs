//! Terminal views for the CLI: a short summary, disputes side by side, and
//! an `inspect` view of one claim or cluster.
//!
//! All article text passes through [`sanitize_terminal`] (via
//! [`crate::sanitize::one_line`]) before it is printed, so escape sequences in
//! articles never reach the terminal. Colour is this crate's own, plain ANSI
//! SGR codes, and only when the caller passes `color: true`; without colour,
//! the conflicting detail of a dispute is marked `»like this«`.
//!
//! [`sanitize_terminal`]: crate::sanitize::sanitize_terminal

use std::fmt::Write as _;

use crosscheck_core::{Claim, ClaimId, Cluster, ClusterStatus, Dispute, Edge, Report};

use crate::error::ReportError;
use crate::markdown::kind_str;
use crate::sanitize::one_line;
use crate::settings::{MIN_COLUMN_WIDTH, TERMINAL_WIDTH, TOP_DISPUTES};
use crate::text::{find_ascii_ci, wire_name};
use crate::view::View;

/// The SGR codes this crate emits, and nothing else.
pub const PALETTE: [&str; 7] = [BOLD, RED, GREEN, YELLOW, DIM, CYAN, RESET];
const BOLD: &str = "\u{1b}[1m";
const RED: &str = "\u{1b}[1;31m";
const GREEN: &str = "\u{1b}[32m";
const YELLOW: &str = "\u{1b}[33m";
const DIM: &str = "\u{1b}[2m";
const CYAN: &str = "\u{1b}[36m";
const RESET: &str = "\u{1b}[0m";

/// Applies this crate's colours when enabled.
#[derive(Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn with(self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn status(self, status: ClusterStatus) -> String {
        self.with(status_code(status), status.as_str())
    }

    fn cluster_status(self, c: &Cluster) -> String {
        let disputed = if c.disputed { format!(", {}", self.with(RED, "disputed")) } else { String::new() };
        format!("{}{disputed}", self.status(c.status))
    }
}

/// The colour of a status.
fn status_code(status: ClusterStatus) -> &'static str {
    match status {
        ClusterStatus::Corroborated => GREEN,
        ClusterStatus::Paraphrased => YELLOW,
        ClusterStatus::SingleSourced => DIM,
    }
}

/// A short summary: counts by status, the first disputes, derivations and
/// the number of diagnostics.
pub fn summary(report: &Report, color: bool) -> String {
    let (view, paint) = (View::new(report), Paint { color });
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}  ({} articles, {} outlets, {} claims, {} clusters)",
        paint.with(BOLD, "Cross-check report:"),
        one_line(&report.story),
        report.articles.len(),
        view.outlets.len(),
        report.claims.len(),
        report.clusters.len()
    );
    for (status, n) in view.status_counts() {
        let _ = writeln!(out, "  {}{n:>4}", paint.with(status_code(status), &format!("{:<16}", status.as_str())));
    }
    let _ = writeln!(out, "  {}{:>4}", paint.with(RED, &format!("{:<16}", "disputed")), view.disputed_count());
    summary_disputes(&mut out, &view, paint);
    summary_derivations(&mut out, &view, paint);
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "{} {} (see the JSON or HTML report)", paint.with(BOLD, "Diagnostics:"), report.diagnostics.len());
    }
    out
}

fn summary_disputes(out: &mut String, view: &View<'_>, paint: Paint) {
    let disputes = &view.report.disputes;
    if disputes.is_empty() {
        return;
    }
    let _ = writeln!(out, "{} {}", paint.with(BOLD, "Disputes:"), disputes.len());
    for d in disputes.iter().take(TOP_DISPUTES) {
        let _ = writeln!(out, "  {} {}", dispute_title(d, paint), one_line(&d.detail));
        let sides: Vec<String> = d
            .sides
            .iter()
            .map(|s| format!("“{}” — {}", paint.with(RED, &one_line(&s.reading)), side_outlets(view, &s.claims)))
            .collect();
        let _ = writeln!(out, "      {}", sides.join("  vs  "));
    }
    if disputes.len() > TOP_DISPUTES {
        let _ = writeln!(out, "  … and {} more", disputes.len() - TOP_DISPUTES);
    }
}

fn dispute_title(d: &Dispute, paint: Paint) -> String {
    let cluster = d.cluster.as_ref().map(|c| format!(" in {}", one_line(&c.0))).unwrap_or_default();
    format!("{} {}{cluster}:", paint.with(BOLD, &one_line(&d.id)), kind_str(d))
}

/// The distinct outlets of `claims`, comma-separated and sanitised.
fn side_outlets(view: &View<'_>, claims: &[ClaimId]) -> String {
    let mut outlets: Vec<String> = Vec::new();
    for id in claims {
        let o = one_line(&view.outlet_of_claim(id));
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    outlets.join(", ")
}

fn summary_derivations(out: &mut String, view: &View<'_>, paint: Paint) {
    if view.report.derivations.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", paint.with(BOLD, "Derivations:"));
    for d in &view.report.derivations {
        let _ = writeln!(
            out,
            "  {} ({}) ← {} ({}), score {:.2}: {}",
            one_line(&d.article.0),
            one_line(&view.outlet_of_article(&d.article.0)),
            one_line(&d.derived_from.0),
            one_line(&view.outlet_of_article(&d.derived_from.0)),
            d.score,
            d.evidence.iter().map(|e| one_line(e)).collect::<Vec<_>>().join("; ")
        );
    }
}

/// Every dispute with its sides side by side: each column is one reading,
/// with the outlets that hold it and their quotes, the conflicting detail
/// highlighted. Sides are stacked when too many to fit the width.
pub fn disputes(report: &Report, color: bool) -> String {
    let (view, paint) = (View::new(report), Paint { color });
    if report.disputes.is_empty() {
        return "No disputes.\n".to_string();
    }
    let mut out = String::new();
    for d in &report.disputes {
        let _ = writeln!(out, "{} {}", dispute_title(d, paint), one_line(&d.detail));
        let columns: Vec<Vec<Cell>> = d.sides.iter().map(|s| side_column(&view, s, paint, column_width(d))).collect();
        out.push_str(&lay_out(&columns, column_width(d)));
        out.push('\n');
    }
    out
}

/// A rendered line with its visible width.
struct Cell {
    width: usize,
    text: String,
}

impl Cell {
    fn plain(text: String) -> Cell {
        Cell { width: text.chars().count(), text }
    }
}

fn column_width(d: &Dispute) -> usize {
    let n = d.sides.len().max(1);
    let width = TERMINAL_WIDTH.saturating_sub(3 * (n - 1)) / n;
    if width < MIN_COLUMN_WIDTH { TERMINAL_WIDTH } else { width }
}

fn side_column(view: &View<'_>, side: &crosscheck_core::DisputeSide, paint: Paint, width: usize) -> Vec<Cell> {
    let reading = one_line(&side.reading);
    let mut lines = vec![Cell { width: reading.chars().count() + 2, text: format!("“{}”", paint.with(RED, &reading)) }];
    for id in &side.claims {
        lines.push(Cell::plain(String::new()));
        let head = format!("{} ({})", one_line(&view.outlet_of_claim(id)), one_line(&id.0));
        lines.push(Cell { width: head.chars().count(), text: paint.with(BOLD, &head) });
        lines.extend(wrap(&highlight_tokens(view.claim_text(id), &reading, paint), width, paint));
    }
    lines
}

/// A word split into pieces, each with whether it is part of the highlight.
type Word = Vec<(String, bool)>;

/// The words of `text`, split where the first occurrence of `reading` starts
/// and ends, so that only the reading itself is highlighted. Without colour,
/// the reading is wrapped in `»…«` instead.
fn highlight_tokens(text: &str, reading: &str, paint: Paint) -> Vec<Word> {
    let line = one_line(text);
    let range = find_ascii_ci(&line, reading);
    let mut words = Vec::new();
    let mut offset = 0;
    for word in line.split(' ') {
        words.push(split_word(&line, offset, offset + word.len(), range, paint));
        offset += word.len() + 1;
    }
    words
}

/// The word `line[start..end]` cut at the bounds of the highlighted `range`.
fn split_word(line: &str, start: usize, end: usize, range: Option<(usize, usize)>, paint: Paint) -> Word {
    let Some((s, e)) = range.filter(|(s, e)| start < *e && *s < end) else {
        return vec![(line[start..end].to_string(), false)];
    };
    let (a, b) = (s.max(start), e.min(end));
    let mut hit = line[a..b].to_string();
    if !paint.color {
        if a == s {
            hit.insert(0, '»');
        }
        if b == e {
            hit.push('«');
        }
    }
    let pieces = [(line[start..a].to_string(), false), (hit, true), (line[b..end].to_string(), false)];
    pieces.into_iter().filter(|(p, _)| !p.is_empty()).collect()
}

/// Greedy word wrap into lines of at most `width` visible characters
/// (longer words get a line of their own).
fn wrap(words: &[Word], width: usize, paint: Paint) -> Vec<Cell> {
    let mut lines = Vec::new();
    let mut current = Cell::plain(String::new());
    for word in words {
        let len: usize = word.iter().map(|(p, _)| p.chars().count()).sum();
        if current.width > 0 && current.width + 1 + len > width {
            lines.push(std::mem::replace(&mut current, Cell::plain(String::new())));
        }
        if current.width > 0 {
            current.text.push(' ');
            current.width += 1;
        }
        for (piece, hit) in word {
            current.text.push_str(&if *hit { paint.with(RED, piece) } else { piece.clone() });
        }
        current.width += len;
    }
    if current.width > 0 {
        lines.push(current);
    }
    lines
}

/// Columns side by side, separated by ` │ `, or stacked when `width` is the
/// full terminal width.
fn lay_out(columns: &[Vec<Cell>], width: usize) -> String {
    let mut out = String::new();
    if width >= TERMINAL_WIDTH || columns.len() < 2 {
        for col in columns {
            for cell in col {
                let _ = writeln!(out, "  {}", cell.text);
            }
            out.push('\n');
        }
        return out;
    }
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..rows {
        let cells: Vec<String> = columns.iter().map(|c| padded(c.get(r), width)).collect();
        let _ = writeln!(out, "  {}", cells.join(" │ ").trim_end());
    }
    out
}

fn padded(cell: Option<&Cell>, width: usize) -> String {
    match cell {
        Some(c) => format!("{}{}", c.text, " ".repeat(width.saturating_sub(c.width))),
        None => " ".repeat(width),
    }
}

/// One claim or cluster in detail: its text and occurrences, the edges with
/// their scores, features and rules, the disputes it takes part in and why
/// it got its status. `id` is a cluster id (`C3`) or a claim id
/// (`ARTICLE#N`); anything else is [`ReportError::NotFound`].
pub fn inspect(report: &Report, id: &str, color: bool) -> Result<String, ReportError> {
    let (view, paint) = (View::new(report), Paint { color });
    let id = id.trim();
    if let Some(cluster) = report.clusters.iter().find(|c| c.id.0 == id) {
        return Ok(inspect_cluster(&view, cluster, paint));
    }
    match view.claim(&ClaimId(id.to_string())) {
        Some(claim) => Ok(inspect_claim(&view, claim, paint)),
        None => Err(ReportError::NotFound { id: id.to_string() }),
    }
}

fn inspect_cluster(view: &View<'_>, c: &Cluster, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", paint.with(BOLD, &format!("Cluster {}", one_line(&c.id.0))), paint.cluster_status(c));
    let _ = writeln!(out, "Representative ({}): “{}”", one_line(&c.representative.0), one_line(&c.summary));
    why(&mut out, view, c);
    let _ = writeln!(out, "{}", paint.with(BOLD, "Occurrences:"));
    for o in &c.occurrences {
        let cov = view.occurrence_coverage(c, o);
        let span = view.claim(&o.claim).map(|cl| format!("bytes {}–{}", cl.span.start, cl.span.end)).unwrap_or_default();
        let _ = writeln!(out, "  {} {} — {} ({}, {span})", cov.symbol_or_dash(), one_line(&o.outlet), one_line(&o.claim.0), cov.word());
        let _ = writeln!(out, "      “{}”", one_line(view.claim_text(&o.claim)));
    }
    let edges: Vec<&Edge> = view.report.edges.iter().filter(|e| c.claims.contains(&e.source) || c.claims.contains(&e.target)).collect();
    edges_section(&mut out, &edges, paint);
    disputes_section(&mut out, view, &c.claims, paint);
    out
}

/// Why a cluster got its status: the matcher's reason, the number of
/// independent origins and the derivations among its articles.
fn why(out: &mut String, view: &View<'_>, c: &Cluster) {
    let _ = writeln!(out, "Why: {}", one_line(&c.reason));
    let _ = writeln!(
        out,
        "     {} independent source(s) among {} article(s) from {} outlet(s)",
        c.independent_sources,
        c.articles.len(),
        c.outlets.len()
    );
    for d in view.report.derivations.iter().filter(|d| c.articles.contains(&d.article)) {
        let _ = writeln!(out, "     {} derives from {} (score {:.2})", one_line(&d.article.0), one_line(&d.derived_from.0), d.score);
    }
}

fn inspect_claim(view: &View<'_>, claim: &Claim, paint: Paint) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}, article {}, bytes {}–{}, {}, {})",
        paint.with(BOLD, &format!("Claim {}", one_line(&claim.id.0))),
        one_line(&view.outlet_of_article(&claim.article.0)),
        one_line(&claim.article.0),
        claim.span.start,
        claim.span.end,
        wire_name(&claim.kind),
        wire_name(&claim.mode)
    );
    let _ = writeln!(out, "“{}”", one_line(&claim.text));
    if let Some(a) = &claim.attribution {
        let via = a.via.as_deref().map(|v| format!(", via {}", one_line(v))).unwrap_or_default();
        let _ = writeln!(out, "Attributed to: {} ({}{via})", one_line(&a.speaker), one_line(&a.cue));
    }
    match view.cluster_of(&claim.id) {
        Some(c) => {
            let _ = writeln!(out, "Cluster {}: {}", one_line(&c.id.0), paint.cluster_status(c));
            why(&mut out, view, c);
        }
        None => out.push_str("Not in any cluster.\n"),
    }
    let edges: Vec<&Edge> = view.report.edges.iter().filter(|e| e.source == claim.id || e.target == claim.id).collect();
    edges_section(&mut out, &edges, paint);
    disputes_section(&mut out, view, std::slice::from_ref(&claim.id), paint);
    out
}

fn edges_section(out: &mut String, edges: &[&Edge], paint: Paint) {
    let _ = writeln!(out, "{} {}", paint.with(BOLD, "Edges:"), edges.len());
    for e in edges {
        let kind = wire_name(&e.kind);
        let kind = if kind == "conflict" { paint.with(RED, &kind) } else { paint.with(CYAN, &kind) };
        let features: Vec<String> = e.features.iter().map(|(k, v)| format!("{}={v:.2}", one_line(k))).collect();
        let _ = writeln!(out, "  {} — {}  {kind}  score {:.2}", one_line(&e.source.0), one_line(&e.target.0), e.score);
        let _ = writeln!(out, "      rule: {}", one_line(&e.rule));
        let _ = writeln!(out, "      features: {}", features.join(", "));
    }
}

fn disputes_section(out: &mut String, view: &View<'_>, claims: &[ClaimId], paint: Paint) {
    let disputes: Vec<&Dispute> = view.report.disputes.iter().filter(|d| d.claims.iter().any(|c| claims.contains(c))).collect();
    if disputes.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", paint.with(BOLD, "Disputes:"));
    for d in disputes {
        let _ = writeln!(out, "  {} {}", dispute_title(d, paint), one_line(&d.detail));
        for s in &d.sides {
            let ids: Vec<String> = s.claims.iter().map(|c| one_line(&c.0)).collect();
            let _ = writeln!(out, "      “{}”: {}", paint.with(RED, &one_line(&s.reading)), ids.join(", "));
        }
    }
}
