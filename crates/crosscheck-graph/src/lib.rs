//! The corroboration graph: from scored claim pairs to clusters, statuses,
//! disputes and derivations.
//!
//! The matcher hands this stage a list of decided pairs (verbatim,
//! paraphrase or conflict, each with its score and rule). From them it
//! builds a [`petgraph`] graph of claims and articles ([`StoryGraph`]) and
//! answers, in order:
//!
//! 1. **Derivation** ([`derive`]): which articles rewrote or copied which
//!    (credit lines, share of matched claims, order kept, dates). Articles
//!    joined by derivation share one *origin*.
//! 2. **Clusters** ([`cluster`]): average-link clustering of the claims over
//!    the match scores, with conflicts as cannot-links, so that one vague
//!    claim cannot chain two facts together; a claim left alone joins the
//!    cross-article cluster of its narrower part, if any.
//! 3. **Status**: a cluster is *corroborated* when its articles have two or
//!    more origins, *paraphrased* when several articles share one origin,
//!    *single-sourced* when one article states it. Direct quotes of one
//!    speaker in several outlets count as independent reports.
//! 4. **Disputes** ([`disputes`]): conflicting numbers, dates, negations,
//!    roles and speakers, with attributed differences kept apart from
//!    contradictions.
//!
//! **Invariants:** every claim belongs to exactly one cluster; cluster and
//! dispute ids are assigned in claim order, so the same input gives the
//! same report whatever the thread count or article order.

pub mod cluster;
pub mod derive;
pub mod disputes;
pub mod options;

use std::collections::{BTreeMap, BTreeSet};

use crosscheck_core::{
    Article, Claim, Cluster, ClusterId, ClusterStatus, Derivation, Dispute, Edge, EdgeKind, FeatureMap, Occurrence,
};
use petgraph::graph::{NodeIndex, UnGraph};
use rayon::prelude::*;

pub use options::GraphOptions;

/// A decided pair from the matcher, by claim index.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredPair {
    /// One claim.
    pub a: usize,
    /// The other claim.
    pub b: usize,
    /// Verbatim, paraphrase or conflict.
    pub kind: EdgeKind,
    /// Match probability, 0–1.
    pub score: f64,
    /// The rule that set the kind.
    pub rule: String,
    /// The features behind the score (`decision.features.into()` from the
    /// matcher's map).
    pub features: FeatureMap,
}

/// A node of the story graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A claim, by index.
    Claim(usize),
    /// An article, by index.
    Article(usize),
}

/// An edge of the story graph.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// A claim–claim link from the matcher.
    Match(EdgeKind, f64),
    /// A claim belongs to an article.
    StatedIn,
    /// An article was derived from another.
    DerivedFrom,
}

/// The graph of claims and articles with typed edges.
pub type StoryGraph = UnGraph<Node, Link>;

/// Everything the graph stage concluded.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Links between claims, for the report.
    pub edges: Vec<Edge>,
    /// Claim clusters with statuses.
    pub clusters: Vec<Cluster>,
    /// Disputes.
    pub disputes: Vec<Dispute>,
    /// Article derivations.
    pub derivations: Vec<Derivation>,
    /// The graph itself, for renderers that draw it.
    pub graph: StoryGraph,
}

/// Analyses a story: `pairs` are the matcher's decisions over `claims`.
///
/// Independent steps run side by side (rayon): derivation beside
/// clustering, then disputes and clusters beside the story graph and the
/// edge list. Each step is deterministic, so the result does not depend on
/// the thread count.
pub fn analyse(articles: &[Article], claims: &[Claim], pairs: &[ScoredPair], opts: &GraphOptions) -> Analysis {
    let article_index = article_indices(articles, claims);
    let ((derivations, origins), groups) = rayon::join(
        || derivations_and_origins(articles, claims, &article_index, pairs, opts),
        || {
            let links = cluster_links(pairs, opts);
            let groups = cluster::average_link(claims.len(), &article_index, &links, opts.cluster_cohesion);
            let numbers_agree = |p: usize, m: usize| {
                claims[p].article == claims[m].article
                    || crosscheck_match::features::quantities_incompatible(&claims[p].quantities, &claims[m].quantities).is_none()
            };
            cluster::join_parents_to_parts(groups, &parent_indices(claims), &article_index, &links, numbers_agree)
        },
    );
    let found = Found { article_index: &article_index, origins: &origins, groups: &groups };
    let ((disputes, clusters), (graph, edges)) = rayon::join(
        || disputes_and_clusters(articles, claims, pairs, &found, opts),
        || rayon::join(|| story_graph(articles, claims, &article_index, pairs, &derivations), || edges(claims, pairs)),
    );
    Analysis { edges, clusters, disputes, derivations, graph }
}

/// What the first half of [`analyse`] found, for the second.
struct Found<'a> {
    article_index: &'a [usize],
    origins: &'a [usize],
    groups: &'a [Vec<usize>],
}

/// Article derivations from the non-conflict pairs, and each article's origin.
fn derivations_and_origins(
    articles: &[Article],
    claims: &[Claim],
    article_index: &[usize],
    pairs: &[ScoredPair],
    opts: &GraphOptions,
) -> (Vec<Derivation>, Vec<usize>) {
    let matches: Vec<derive::Match> = pairs
        .iter()
        .filter(|p| p.kind != EdgeKind::Conflict)
        .map(|p| derive::Match { a: p.a, b: p.b, kind: p.kind })
        .collect();
    let derivations = derive::derivations(articles, claims, article_index, &matches, opts);
    let origins = derive::origins(articles, &derivations);
    (derivations, origins)
}

/// Disputes over the clustered claims, then the clusters themselves (built
/// in parallel, collected in order; numbered from 1 in group order).
fn disputes_and_clusters(
    articles: &[Article],
    claims: &[Claim],
    pairs: &[ScoredPair],
    found: &Found<'_>,
    opts: &GraphOptions,
) -> (Vec<Dispute>, Vec<Cluster>) {
    let mut cluster_of = vec![ClusterId(String::new()); claims.len()];
    for (n, g) in found.groups.iter().enumerate() {
        for &i in g {
            cluster_of[i] = ClusterId(format!("C{}", n + 1));
        }
    }
    let decided: Vec<disputes::Decided> =
        pairs.iter().map(|p| disputes::Decided { a: p.a, b: p.b, kind: p.kind, rule: p.rule.clone() }).collect();
    let disputes = disputes::disputes(claims, &decided, &cluster_of, opts.max_dispute_claims_per_side);
    let disputed: BTreeSet<&crosscheck_core::ClaimId> = disputes.iter().flat_map(|d| d.claims.iter()).collect();
    let by_claim = pairs_by_claim(claims.len(), pairs);
    let ctx = ClusterContext {
        articles,
        claims,
        article_index: found.article_index,
        origins: found.origins,
        pairs,
        by_claim: &by_claim,
    };
    let clusters = found.groups.par_iter().enumerate().map(|(n, g)| build_cluster(n, g, &ctx, &disputed)).collect();
    (disputes, clusters)
}

/// Each claim's parent (the claim it was cut from), by index.
fn parent_indices(claims: &[Claim]) -> Vec<Option<usize>> {
    let index: BTreeMap<&crosscheck_core::ClaimId, usize> = claims.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    claims.iter().map(|c| c.part_of.as_ref().and_then(|p| index.get(p).copied())).collect()
}

fn article_indices(articles: &[Article], claims: &[Claim]) -> Vec<usize> {
    let index: BTreeMap<&crosscheck_core::ArticleId, usize> = articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    claims.iter().map(|c| index.get(&c.article).copied().unwrap_or(0)).collect()
}

fn cluster_links(pairs: &[ScoredPair], opts: &GraphOptions) -> Vec<cluster::Link> {
    pairs
        .iter()
        .map(|p| cluster::Link {
            a: p.a,
            b: p.b,
            weight: match p.kind {
                EdgeKind::Conflict => None,
                EdgeKind::Verbatim => Some(opts.verbatim_weight.max(p.score)),
                EdgeKind::Paraphrase => Some(p.score),
            },
        })
        .collect()
}

fn edges(claims: &[Claim], pairs: &[ScoredPair]) -> Vec<Edge> {
    let mut out: Vec<Edge> = pairs
        .par_iter()
        .map(|p| {
            let (s, t) = if claims[p.a].id <= claims[p.b].id { (p.a, p.b) } else { (p.b, p.a) };
            Edge {
                source: claims[s].id.clone(),
                target: claims[t].id.clone(),
                kind: p.kind,
                score: (p.score * 1000.0).round() / 1000.0,
                features: p.features.map_values(|v| (v * 1000.0).round() / 1000.0),
                rule: p.rule.clone(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.source.cmp(&b.source).then(a.target.cmp(&b.target)));
    out
}

fn outlet_name(a: &Article) -> String {
    a.outlet.value.clone().unwrap_or_else(|| a.id.0.clone())
}

/// Indices into `pairs` of the pairs each claim takes part in, so that
/// per-cluster work looks only at its members' pairs (linear overall).
fn pairs_by_claim(n: usize, pairs: &[ScoredPair]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); n];
    for (i, p) in pairs.iter().enumerate() {
        if p.a < n && p.b < n {
            out[p.a].push(i);
            out[p.b].push(i);
        }
    }
    out
}

/// What building a cluster needs to look up.
struct ClusterContext<'a> {
    articles: &'a [Article],
    claims: &'a [Claim],
    article_index: &'a [usize],
    origins: &'a [usize],
    pairs: &'a [ScoredPair],
    by_claim: &'a [Vec<usize>],
}

impl ClusterContext<'_> {
    /// The pairs between `m` and other members of `set`.
    fn member_pairs<'s>(&'s self, m: usize, set: &'s BTreeSet<usize>) -> impl Iterator<Item = &'s ScoredPair> + 's {
        self.by_claim[m].iter().map(move |&i| &self.pairs[i]).filter(move |p| set.contains(&p.a) && set.contains(&p.b))
    }
}

/// The member with the most link weight to the other members.
fn representative(members: &[usize], ctx: &ClusterContext<'_>) -> usize {
    let set: BTreeSet<usize> = members.iter().copied().collect();
    let weight = |m: usize| -> f64 {
        ctx.member_pairs(m, &set).filter(|p| p.kind != EdgeKind::Conflict).map(|p| p.score).sum()
    };
    let weights: BTreeMap<usize, f64> = members.iter().map(|&m| (m, weight(m))).collect();
    members.iter().copied().max_by(|x, y| weights[x].total_cmp(&weights[y]).then(y.cmp(x))).unwrap_or(members[0])
}

fn build_cluster(
    n: usize,
    members: &[usize],
    ctx: &ClusterContext<'_>,
    disputed: &BTreeSet<&crosscheck_core::ClaimId>,
) -> Cluster {
    let ClusterContext { articles, claims, article_index, origins, .. } = *ctx;
    let rep = representative(members, ctx);
    let arts: BTreeSet<usize> = members.iter().map(|&m| article_index[m]).collect();
    let roots: BTreeSet<usize> = arts.iter().map(|&a| origins[a]).collect();
    let status = if arts.len() < 2 {
        ClusterStatus::SingleSourced
    } else if roots.len() >= 2 {
        ClusterStatus::Corroborated
    } else {
        ClusterStatus::Paraphrased
    };
    let reason = match status {
        ClusterStatus::SingleSourced => "stated by one article only".to_string(),
        ClusterStatus::Corroborated => {
            format!("stated by {} articles from {} independent origins", arts.len(), roots.len())
        }
        ClusterStatus::Paraphrased => {
            format!("stated by {} articles that all derive from one origin", arts.len())
        }
    };
    let relation = |m: usize| -> EdgeKind {
        if m == rep {
            return EdgeKind::Verbatim;
        }
        ctx.by_claim[m]
            .iter()
            .map(|&i| &ctx.pairs[i])
            .find(|p| (p.a == m && p.b == rep) || (p.b == m && p.a == rep))
            .map_or(EdgeKind::Paraphrase, |p| p.kind)
    };
    let mut outlets: Vec<String> = arts.iter().map(|&a| outlet_name(&articles[a])).collect();
    outlets.dedup();
    Cluster {
        id: ClusterId(format!("C{}", n + 1)),
        status,
        disputed: members.iter().any(|&m| disputed.contains(&claims[m].id)),
        representative: claims[rep].id.clone(),
        summary: claims[rep].text.clone(),
        claims: members.iter().map(|&m| claims[m].id.clone()).collect(),
        articles: arts.iter().map(|&a| articles[a].id.clone()).collect(),
        outlets,
        independent_sources: roots.len(),
        occurrences: members
            .iter()
            .map(|&m| Occurrence {
                claim: claims[m].id.clone(),
                article: claims[m].article.clone(),
                outlet: outlet_name(&articles[article_index[m]]),
                relation: relation(m),
            })
            .collect(),
        reason,
    }
}

fn story_graph(
    articles: &[Article],
    claims: &[Claim],
    article_index: &[usize],
    pairs: &[ScoredPair],
    derivations: &[Derivation],
) -> StoryGraph {
    let mut g = StoryGraph::default();
    let article_nodes: Vec<NodeIndex> = (0..articles.len()).map(|i| g.add_node(Node::Article(i))).collect();
    let claim_nodes: Vec<NodeIndex> = (0..claims.len()).map(|i| g.add_node(Node::Claim(i))).collect();
    for (i, &a) in article_index.iter().enumerate() {
        g.add_edge(claim_nodes[i], article_nodes[a], Link::StatedIn);
    }
    for p in pairs {
        g.add_edge(claim_nodes[p.a], claim_nodes[p.b], Link::Match(p.kind, p.score));
    }
    let index: BTreeMap<&crosscheck_core::ArticleId, usize> = articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    for d in derivations {
        if let (Some(&a), Some(&b)) = (index.get(&d.article), index.get(&d.derived_from)) {
            g.add_edge(article_nodes[a], article_nodes[b], Link::DerivedFrom);
        }
    }
    g
}
