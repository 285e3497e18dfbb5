//! The claim/outlet graph shared by the DOT and GraphML renderers.
//!
//! Nodes are outlets and claims. Links are the report's scored edges between
//! claims, a `member` link from each claim to its outlet, and a
//! `derived-from` link from a derived article's outlet to its source's
//! outlet. Everything is plain text here; each renderer escapes it.

use crosscheck_core::{Claim, Report};

use crate::settings::LABEL_CHARS;
use crate::text::{shorten, wire_name};
use crate::view::View;

/// A node with its attributes.
pub(crate) struct Node {
    /// Unique id: `outlet:NAME` or `claim:ID`.
    pub id: String,
    /// Short label.
    pub label: String,
    /// Attributes as (key, value); the keys are the same for all nodes.
    pub attrs: Vec<(&'static str, String)>,
}

/// A link between two nodes.
pub(crate) struct Link {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// `verbatim`, `paraphrase`, `conflict`, `member` or `derived-from`.
    pub kind: String,
    /// True for links with a direction (membership, derivation).
    pub directed: bool,
    /// Further attributes as (key, value).
    pub attrs: Vec<(&'static str, String)>,
}

/// Node attribute keys, in output order.
pub(crate) const NODE_KEYS: [&str; 6] = ["kind", "status", "cluster", "outlet", "article", "text"];
/// Link attribute keys, in output order (`kind` first).
pub(crate) const LINK_KEYS: [&str; 5] = ["kind", "score", "rule", "article", "derived_from"];

/// Nodes and links of `report`.
pub(crate) fn build(report: &Report) -> (Vec<Node>, Vec<Link>) {
    let view = View::new(report);
    let outlets = view.outlets.iter().map(|o| outlet_node(o));
    let nodes = outlets.chain(report.claims.iter().map(|c| claim_node(&view, c))).collect();
    let mut links: Vec<Link> = report.edges.iter().map(|e| Link {
        source: claim_id(&e.source.0),
        target: claim_id(&e.target.0),
        kind: wire_name(&e.kind),
        directed: false,
        attrs: vec![("score", format!("{:.3}", e.score)), ("rule", e.rule.clone())],
    }).collect();
    links.extend(report.claims.iter().map(|c| membership(&view, c)));
    links.extend(report.derivations.iter().map(|d| Link {
        source: outlet_id(&view.outlet_of_article(&d.article.0)),
        target: outlet_id(&view.outlet_of_article(&d.derived_from.0)),
        kind: "derived-from".into(),
        directed: true,
        attrs: vec![("score", format!("{:.3}", d.score)), ("article", d.article.0.clone()), ("derived_from", d.derived_from.0.clone())],
    }));
    (nodes, links)
}

/// Node id of an outlet.
pub(crate) fn outlet_id(outlet: &str) -> String {
    format!("outlet:{outlet}")
}

/// Node id of a claim.
pub(crate) fn claim_id(claim: &str) -> String {
    format!("claim:{claim}")
}

fn outlet_node(outlet: &str) -> Node {
    Node {
        id: outlet_id(outlet),
        label: shorten(outlet, LABEL_CHARS),
        attrs: vec![("kind", "outlet".into()), ("outlet", outlet.to_string())],
    }
}

fn claim_node(view: &View<'_>, c: &Claim) -> Node {
    let cluster = view.cluster_of(&c.id);
    let mut attrs = vec![("kind", "claim".to_string())];
    if let Some(cl) = cluster {
        attrs.push(("status", cl.status.as_str().to_string()));
        attrs.push(("cluster", cl.id.0.clone()));
    }
    attrs.push(("outlet", view.outlet_of_article(&c.article.0)));
    attrs.push(("article", c.article.0.clone()));
    attrs.push(("text", c.text.clone()));
    Node { id: claim_id(&c.id.0), label: shorten(&c.text, LABEL_CHARS), attrs }
}

fn membership(view: &View<'_>, c: &Claim) -> Link {
    Link {
        source: claim_id(&c.id.0),
        target: outlet_id(&view.outlet_of_article(&c.article.0)),
        kind: "member".into(),
        directed: true,
        attrs: Vec::new(),
    }
}
