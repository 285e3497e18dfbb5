//! Rendering corroboration reports as JSON, Markdown, HTML, CSV, DOT, GraphML
//! and terminal text.
//!
//! # What this crate is for
//!
//! The earlier stages of crosscheck end with a [`Report`]: which claims were
//! found in which articles, how they were matched, which clusters are
//! corroborated, paraphrased or single-sourced, where outlets disagree and
//! which articles were rewritten from which. This crate turns that value into
//! text for different readers:
//!
//! - [`json`] — the machine contract, documented in `docs/report-schema.md`
//!   and formalised in `docs/report.schema.json`;
//! - [`markdown`] — a summary a fact-checker can paste into a ticket;
//! - [`html`] — one self-contained page with a sortable, filterable coverage
//!   matrix, expandable evidence and a picture of the outlet graph;
//! - [`csv`] — one row per claim occurrence, for spreadsheets;
//! - [`dot`] and [`graphml`] — the claim/outlet graph for GraphViz and Gephi;
//! - [`terminal`] — a short summary, a side-by-side dispute view and an
//!   `inspect` view of one claim or cluster, for the CLI.
//!
//! Every renderer is a pure function from `&Report` to `String`; [`render`]
//! picks one by [`Format`], and [`write_atomic`] puts the result on disk so
//! that a crash or a full disk never leaves half a report behind.
//!
//! # Article text is hostile
//!
//! The claims quoted in a report are copied from articles scraped off the
//! web. Each output format therefore escapes for its own context, always at
//! the last moment, in one helper per format:
//!
//! - HTML: text and attribute escaping with `html-escape`; article text never
//!   goes into a URL, an event handler, a style or a script — the page's one
//!   inline script reads only `data-` attributes that the renderer wrote
//!   from its own vocabulary (statuses, indexes), and a Content Security
//!   Policy forbids every network load;
//! - Markdown: backslash escapes for markup characters, so that `<script>`
//!   in a quote stays text in any CommonMark renderer;
//! - GraphML: XML escaping, and removal of the control characters XML 1.0
//!   cannot carry at all;
//! - DOT: quote and backslash escaping inside double-quoted IDs;
//! - CSV: RFC 4180 quoting by the `csv` crate;
//! - terminal: [`sanitize_terminal`] removes ANSI escape sequences and other
//!   control characters, so an article cannot recolour, move the cursor or
//!   rewrite what the user sees. Colour is added by this crate only when the
//!   caller asks (`color: bool`; the CLI decides from the terminal and
//!   `NO_COLOR`).
//!
//! # Shared conventions
//!
//! The [`view`] module computes what several renderers show the same way: the
//! outlet list, the order of matrix rows (clusters stated by two or more
//! articles first) and the coverage of a cluster by an outlet (✔ verbatim,
//! ≈ paraphrase, ✘ contradicts, blank omits). Tunable numbers (label lengths,
//! terminal width, SVG geometry, the stopwords not highlighted) live in
//! [`settings`].

pub mod atomic;
pub mod csv;
pub mod dot;
pub mod error;
pub mod graphml;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sanitize;
pub mod settings;
pub mod terminal;
pub mod view;

mod graph;
mod text;

use std::fmt;
use std::str::FromStr;

pub use atomic::{write_atomic, write_atomic_with};
pub use crosscheck_core::Report;
pub use error::ReportError;
pub use sanitize::sanitize_terminal;

/// An output format of [`render`], as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Pretty-printed JSON of the whole report (`json`).
    Json,
    /// A Markdown summary (`md`, also `markdown`).
    Md,
    /// A self-contained HTML page (`html`).
    Html,
    /// One CSV row per claim occurrence (`csv`).
    Csv,
    /// The claim/outlet graph for GraphViz (`dot`, also `gv`).
    Dot,
    /// The claim/outlet graph for Gephi (`graphml`).
    Graphml,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 6] = [Format::Json, Format::Md, Format::Html, Format::Csv, Format::Dot, Format::Graphml];

    /// The canonical name, also the usual file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ReportError;

    /// Parses a format name, case-insensitively; accepts `markdown` and `gv`
    /// as aliases.
    fn from_str(s: &str) -> Result<Format, ReportError> {
        let lower = s.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "markdown" => "md",
            "gv" => "dot",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.name() == alias)
            .ok_or_else(|| ReportError::UnknownFormat { given: s.to_string() })
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Json => json::render(report),
        Format::Md => markdown::render(report),
        Format::Html => html::render(report),
        Format::Csv => csv::render(report),
        Format::Dot => dot::render(report),
        Format::Graphml => graphml::render(report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>().ok(), Some(f));
        }
        assert_eq!("Markdown".parse::<Format>().ok(), Some(Format::Md));
        assert_eq!(" GV ".parse::<Format>().ok(), Some(Format::Dot));
        let err = "pdf".parse::<Format>().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("\"pdf\"") && err.contains("graphml"), "{err}");
    }
}
