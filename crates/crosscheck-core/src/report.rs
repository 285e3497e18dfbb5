//! The corroboration report: everything crosscheck concluded about a story.
//!
//! `extract` fills `articles` and `claims`; `check` adds `edges`, `clusters`,
//! `disputes` and `derivations`. The JSON form of [`Report`] is the documented
//! contract in `docs/report-schema.md`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleId};
use crate::claim::{Claim, ClaimId};
use crate::diagnostic::Diagnostic;

/// Version of the report's JSON layout. Bumped on any incompatible change.
pub const SCHEMA_VERSION: &str = "1.0";

/// Identifier of a claim cluster: `C` followed by a number, in order of the
/// cluster's first claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClusterId(pub String);

impl fmt::Display for ClusterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How well a cluster's fact is supported across outlets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClusterStatus {
    /// Stated by two or more independent outlets.
    Corroborated,
    /// Stated by several articles that all trace to one origin.
    Paraphrased,
    /// Stated by one article only.
    SingleSourced,
}

impl ClusterStatus {
    /// The status as written in reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            ClusterStatus::Corroborated => "corroborated",
            ClusterStatus::Paraphrased => "paraphrased",
            ClusterStatus::SingleSourced => "single-sourced",
        }
    }
}

/// The kind of a link between two claims of different articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Near-identical wording.
    Verbatim,
    /// The same fact in different words.
    Paraphrase,
    /// The same subject and predicate with an incompatible detail.
    Conflict,
}

/// A scored link between two claims, with what decided it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// One claim (the one that comes first in id order).
    pub source: ClaimId,
    /// The other claim.
    pub target: ClaimId,
    /// Verbatim, paraphrase or conflict.
    pub kind: EdgeKind,
    /// The matcher's probability that both state the same fact, 0–1.
    pub score: f64,
    /// The feature values the score was computed from.
    pub features: BTreeMap<String, f64>,
    /// The rule that set the kind, in words.
    pub rule: String,
}

/// How one claim of a cluster relates to the cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The claim.
    pub claim: ClaimId,
    /// Its article.
    pub article: ArticleId,
    /// Its article's outlet, or the article id when the outlet is unknown.
    pub outlet: String,
    /// How this outlet phrased the fact relative to the cluster's
    /// representative claim.
    pub relation: EdgeKind,
}

/// A group of claims from one or more articles that state the same fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// Stable identifier.
    pub id: ClusterId,
    /// Corroborated, paraphrased or single-sourced.
    pub status: ClusterStatus,
    /// True when claims of the cluster disagree (see `disputes`).
    pub disputed: bool,
    /// The claim that best represents the cluster.
    pub representative: ClaimId,
    /// The representative claim's text.
    pub summary: String,
    /// All member claims, in id order.
    pub claims: Vec<ClaimId>,
    /// The articles the members come from.
    pub articles: Vec<ArticleId>,
    /// Their outlets, deduplicated.
    pub outlets: Vec<String>,
    /// Number of independent origins among the articles (derived articles
    /// count with their source).
    pub independent_sources: usize,
    /// Each member with how its outlet phrased the fact.
    pub occurrences: Vec<Occurrence>,
    /// Why the cluster got its status, in words.
    pub reason: String,
}

/// What a dispute disagrees on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DisputeKind {
    /// A number or duration beyond tolerance.
    Number,
    /// A date.
    Date,
    /// A person, place or organisation.
    Name,
    /// A role or title of the same person.
    Role,
    /// One side negates what the other asserts.
    Negation,
    /// The same words put in different mouths.
    Speaker,
    /// Different sources quoted with different figures: reported, not contradicted.
    Attribution,
}

/// One reading in a dispute and the claims that hold it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputeSide {
    /// The conflicting detail as this side states it ("90 minutes").
    pub reading: String,
    /// The claims that state it.
    pub claims: Vec<ClaimId>,
}

/// A disagreement between claims of one cluster (or one fact).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    /// Stable identifier (`D` followed by a number).
    pub id: String,
    /// The cluster the claims belong to, when they were clustered together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<ClusterId>,
    /// All claims involved, in id order.
    pub claims: Vec<ClaimId>,
    /// What is disputed.
    pub kind: DisputeKind,
    /// The disagreement in words.
    pub detail: String,
    /// The readings and who holds each.
    pub sides: Vec<DisputeSide>,
}

/// Article `article` rewrote or copied article `derived_from`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The derived article.
    pub article: ArticleId,
    /// Its source.
    pub derived_from: ArticleId,
    /// The evidence, in words, one item per signal.
    pub evidence: Vec<String>,
    /// Combined strength of the evidence, 0–1.
    pub score: f64,
}

/// Everything crosscheck concluded about one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Layout version, [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// The tool and its version.
    pub generator: String,
    /// The story's path as given.
    pub story: String,
    /// Articles in id order.
    pub articles: Vec<Article>,
    /// Claims in article, then reading order.
    pub claims: Vec<Claim>,
    /// Scored links between claims of different articles.
    #[serde(default)]
    pub edges: Vec<Edge>,
    /// Groups of claims stating the same fact.
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    /// Disagreements between claims.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Article-level rewrites and copies.
    #[serde(default)]
    pub derivations: Vec<Derivation>,
    /// Recoverable problems met on the way.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}
