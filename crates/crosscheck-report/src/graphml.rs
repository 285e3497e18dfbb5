//! GraphML: the claim/outlet graph for Gephi and other graph tools.
//!
//! The same graph as [`crate::dot`]: outlet and claim nodes, scored
//! claim-to-claim edges, claim→outlet membership and outlet→outlet
//! derivation edges. Attributes are declared as `<key>`s (`label`, `kind`,
//! `status`, `cluster`, `outlet`, `article`, `text` on nodes; `kind`,
//! `score` as a double, `rule`, `article`, `derived_from` on edges). All text
//! goes through [`xml_escape`], which also drops the characters XML 1.0
//! cannot carry at all (most control characters), so the document is always
//! well-formed.

use std::fmt::Write as _;

use crosscheck_core::Report;

use crate::graph::{build, Link, Node, LINK_KEYS, NODE_KEYS};

/// The report's graph as a GraphML document.
pub fn render(report: &Report) -> String {
    let (nodes, links) = build(report);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    keys(&mut out);
    out.push_str("  <graph id=\"crosscheck\" edgedefault=\"directed\">\n");
    for n in &nodes {
        node(&mut out, n);
    }
    for (i, l) in links.iter().enumerate() {
        link(&mut out, i, l);
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Escapes `text` for XML content and attribute values, dropping characters
/// that XML 1.0 does not allow (control characters other than tab and line
/// breaks, ANSI escape sequences as a whole).
pub fn xml_escape(text: &str) -> String {
    let clean = crate::sanitize::sanitize_terminal(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn keys(out: &mut String) {
    let _ = writeln!(out, "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>");
    for k in NODE_KEYS {
        let _ = writeln!(out, "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"string\"/>");
    }
    for k in LINK_KEYS {
        let ty = if k == "score" { "double" } else { "string" };
        let _ = writeln!(out, "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{ty}\"/>");
    }
}

fn node(out: &mut String, n: &Node) {
    let _ = writeln!(out, "    <node id=\"{}\">", xml_escape(&n.id));
    let _ = writeln!(out, "      <data key=\"label\">{}</data>", xml_escape(&n.label));
    for (k, v) in &n.attrs {
        let _ = writeln!(out, "      <data key=\"n_{k}\">{}</data>", xml_escape(v));
    }
    out.push_str("    </node>\n");
}

fn link(out: &mut String, i: usize, l: &Link) {
    let directed = if l.directed { "true" } else { "false" };
    let _ = writeln!(
        out,
        "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\" directed=\"{directed}\">",
        xml_escape(&l.source),
        xml_escape(&l.target)
    );
    let _ = writeln!(out, "      <data key=\"e_kind\">{}</data>", xml_escape(&l.kind));
    for (k, v) in &l.attrs {
        let _ = writeln!(out, "      <data key=\"e_{k}\">{}</data>", xml_escape(v));
    }
    out.push_str("    </edge>\n");
}
