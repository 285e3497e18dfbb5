//! DOT: the claim/outlet graph for GraphViz.
//!
//! Outlets are ellipses, claims are boxes labelled with their shortened text
//! and carrying `status`, `cluster`, `outlet`, `article` and `text`
//! attributes. Claim-to-claim edges are undirected (`dir=none`) and carry
//! `kind`, `score` and `rule`; conflicts are red. Membership edges go from a
//! claim to its outlet (dotted); derivations go from the derived outlet to
//! its source (dashed). Every ID and value is a double-quoted string with
//! `"` and `\` escaped and line breaks replaced, so article text cannot end
//! a string or smuggle GraphViz escapes such as `\N`.

use std::fmt::Write as _;

use crosscheck_core::Report;

use crate::graph::{build, Link, Node};

/// The report's graph as a GraphViz `digraph`.
pub fn render(report: &Report) -> String {
    let (nodes, links) = build(report);
    let mut out = String::from("digraph crosscheck {\n  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\"];\n");
    for n in &nodes {
        node(&mut out, n);
    }
    for l in &links {
        link(&mut out, l);
    }
    out.push_str("}\n");
    out
}

/// `text` as a DOT double-quoted string, quotes included.
pub fn dot_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in crate::sanitize::sanitize_terminal(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attributes(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{k}={}", dot_quote(v))).collect::<Vec<_>>().join(", ")
}

fn node(out: &mut String, n: &Node) {
    let is_outlet = n.attrs.first().is_some_and(|(_, v)| v == "outlet");
    let shape = if is_outlet { "ellipse" } else { "box" };
    let mut pairs = vec![("label", n.label.clone()), ("shape", shape.to_string())];
    pairs.extend(n.attrs.iter().cloned());
    let _ = writeln!(out, "  {} [{}];", dot_quote(&n.id), attributes(&pairs));
}

fn link(out: &mut String, l: &Link) {
    let mut pairs = vec![("kind", l.kind.clone())];
    pairs.extend(l.attrs.iter().cloned());
    match l.kind.as_str() {
        "member" => pairs.push(("style", "dotted".into())),
        "derived-from" => pairs.push(("style", "dashed".into())),
        "conflict" => pairs.push(("color", "red".into())),
        _ => {}
    }
    if !l.directed {
        pairs.push(("dir", "none".into()));
    }
    let _ = writeln!(out, "  {} -> {} [{}];", dot_quote(&l.source), dot_quote(&l.target), attributes(&pairs));
}
