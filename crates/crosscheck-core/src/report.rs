//! The corroboration report: everything crosscheck concluded about a story.
//!
//! `extract` fills `articles` and `claims`; `check` adds `edges`, `clusters`,
//! `disputes` and `derivations`. The JSON form of [`Report`] is the documented
//! contract in `docs/report-schema.md`.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

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
    pub features: FeatureMap,
    /// The rule that set the kind, in words.
    pub rule: String,
}

/// Named feature values, in name order: the JSON form is an object
/// `{"name": value, …}`, byte for byte what a `BTreeMap<String, f64>` gives,
/// but only the values are stored per edge. The names are one shared list
/// for every map built from the same names (a story's edges all carry the
/// matcher's 30-odd features, so a map of strings per edge cost about
/// 2.5 KiB where the values alone take a tenth of that).
#[derive(Clone, PartialEq)]
pub struct FeatureMap {
    /// Distinct names, sorted.
    names: Arc<[Box<str>]>,
    /// One value per name.
    values: Box<[f64]>,
}

impl FeatureMap {
    /// An empty map.
    pub fn new() -> FeatureMap {
        FeatureMap { names: Arc::from(Vec::new()), values: Box::default() }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when there are no features.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value of the named feature.
    pub fn get(&self, name: &str) -> Option<&f64> {
        self.names.binary_search_by(|n| (**n).cmp(name)).ok().map(|i| &self.values[i])
    }

    /// True when the named feature is present.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// (name, value) pairs in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &f64)> + '_ {
        self.names.iter().map(|n| &**n).zip(self.values.iter())
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> + '_ {
        self.names.iter().map(|n| &**n)
    }

    /// The values, in name order.
    pub fn values(&self) -> impl Iterator<Item = &f64> + '_ {
        self.values.iter()
    }

    /// The same names with every value mapped by `f` (the name list is shared).
    pub fn map_values(&self, f: impl Fn(f64) -> f64) -> FeatureMap {
        FeatureMap { names: Arc::clone(&self.names), values: self.values.iter().map(|v| f(*v)).collect() }
    }

    /// The map as a `BTreeMap`.
    pub fn to_btree_map(&self) -> BTreeMap<String, f64> {
        self.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }
}

impl Default for FeatureMap {
    fn default() -> Self {
        FeatureMap::new()
    }
}

impl fmt::Debug for FeatureMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The shared name list equal to `names`: the last few lists built on this
/// thread are kept, so maps with the same names share one allocation.
fn shared_names<'a>(names: impl ExactSizeIterator<Item = &'a String> + Clone) -> Arc<[Box<str>]> {
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<Arc<[Box<str>]>>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        let same = |list: &Arc<[Box<str>]>| list.len() == names.len() && list.iter().zip(names.clone()).all(|(a, b)| **a == **b);
        if let Some(list) = recent.iter().find(|l| same(l)) {
            return Arc::clone(list);
        }
        let list: Arc<[Box<str>]> = names.map(|n| n.as_str().into()).collect();
        if recent.len() >= 8 {
            recent.remove(0);
        }
        recent.push(Arc::clone(&list));
        list
    })
}

impl From<BTreeMap<String, f64>> for FeatureMap {
    fn from(map: BTreeMap<String, f64>) -> FeatureMap {
        FeatureMap { names: shared_names(map.keys()), values: map.values().copied().collect() }
    }
}

impl From<&FeatureMap> for BTreeMap<String, f64> {
    fn from(map: &FeatureMap) -> BTreeMap<String, f64> {
        map.to_btree_map()
    }
}

impl FromIterator<(String, f64)> for FeatureMap {
    fn from_iter<I: IntoIterator<Item = (String, f64)>>(iter: I) -> FeatureMap {
        iter.into_iter().collect::<BTreeMap<String, f64>>().into()
    }
}

impl Serialize for FeatureMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for FeatureMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FeatureMap, D::Error> {
        BTreeMap::<String, f64>::deserialize(deserializer).map(FeatureMap::from)
    }
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

impl Report {
    /// A report of the current [`SCHEMA_VERSION`] that holds only
    /// `articles` and `claims`: no edges, clusters, disputes, derivations
    /// or diagnostics yet (the state after extraction, before matching).
    pub fn new(generator: impl Into<String>, story: impl Into<String>, articles: Vec<Article>, claims: Vec<Claim>) -> Report {
        Report {
            schema_version: SCHEMA_VERSION.to_string(),
            generator: generator.into(),
            story: story.into(),
            articles,
            claims,
            edges: Vec::new(),
            clusters: Vec::new(),
            disputes: Vec::new(),
            derivations: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_report_has_the_schema_version_and_nothing_analysed() {
        let r = Report::new("g", "story/", Vec::new(), Vec::new());
        assert_eq!((r.schema_version.as_str(), r.generator.as_str(), r.story.as_str()), (SCHEMA_VERSION, "g", "story/"));
        assert!(r.edges.is_empty() && r.clusters.is_empty() && r.disputes.is_empty());
        assert!(r.derivations.is_empty() && r.diagnostics.is_empty());
    }

    #[test]
    fn feature_map_serialises_like_a_btree_map() {
        let m: BTreeMap<String, f64> =
            [("lev_sim", 0.25), ("cosine", -0.5), ("b", 1.0), ("a_b", 1e-7)].iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let f = FeatureMap::from(m.clone());
        assert_eq!(serde_json::to_string(&f).ok(), serde_json::to_string(&m).ok());
        assert_eq!(serde_json::to_string_pretty(&f).ok(), serde_json::to_string_pretty(&m).ok());
        let empty = FeatureMap::new();
        assert_eq!(serde_json::to_string_pretty(&empty).ok(), serde_json::to_string_pretty(&BTreeMap::<String, f64>::new()).ok());
        let back: Option<FeatureMap> = serde_json::to_string(&f).ok().and_then(|s| serde_json::from_str(&s).ok());
        assert_eq!(back.as_ref(), Some(&f));
        assert_eq!(f.get("cosine"), Some(&-0.5));
        assert!(f.get("zzz").is_none() && f.contains_key("b"));
        assert_eq!(f.to_btree_map(), m);
    }

    #[test]
    fn feature_maps_with_the_same_names_share_them() {
        let m: BTreeMap<String, f64> = [("x".to_string(), 1.0), ("y".to_string(), 2.0)].into_iter().collect();
        let (a, b) = (FeatureMap::from(m.clone()), FeatureMap::from(m));
        assert!(Arc::ptr_eq(&a.names, &b.names));
        let r = a.map_values(|v| v * 2.0);
        assert!(Arc::ptr_eq(&a.names, &r.names));
        assert_eq!(r.get("y"), Some(&4.0));
    }
}
