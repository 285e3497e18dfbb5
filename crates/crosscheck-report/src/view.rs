//! Derived views of a report shared by the renderers: look-ups by id, the
//! outlet list, the order of matrix rows and what each matrix cell shows.

use std::collections::{BTreeSet, HashMap};

use crosscheck_core::{Article, Claim, ClaimId, Cluster, ClusterStatus, Dispute, DisputeKind, EdgeKind, Occurrence, Report};

/// How one outlet covers one cluster's fact, as shown in the coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    /// The outlet does not state the fact.
    Omits,
    /// The outlet states it in other words.
    Paraphrases,
    /// The outlet states it in (nearly) the representative's words.
    Verbatim,
    /// The outlet states a conflicting reading (a dispute other than
    /// attribution, or a conflict edge).
    Contradicts,
}

impl Coverage {
    /// The matrix symbol: ✔, ≈, ✘ or nothing.
    pub fn symbol(self) -> &'static str {
        match self {
            Coverage::Verbatim => "✔",
            Coverage::Paraphrases => "≈",
            Coverage::Contradicts => "✘",
            Coverage::Omits => "",
        }
    }

    /// The matrix symbol, with `-` for omits (for places where a blank
    /// would be misread).
    pub fn symbol_or_dash(self) -> &'static str {
        match self {
            Coverage::Omits => "-",
            other => other.symbol(),
        }
    }

    /// The coverage in one word, for legends, titles and data attributes.
    pub fn word(self) -> &'static str {
        match self {
            Coverage::Verbatim => "states verbatim",
            Coverage::Paraphrases => "paraphrases",
            Coverage::Contradicts => "contradicts",
            Coverage::Omits => "omits",
        }
    }
}

/// Every status in report order, with the report spelling.
pub const STATUSES: [ClusterStatus; 3] =
    [ClusterStatus::Corroborated, ClusterStatus::Paraphrased, ClusterStatus::SingleSourced];

/// A report with indexes for the look-ups every renderer needs.
pub struct View<'a> {
    /// The report itself.
    pub report: &'a Report,
    claims: HashMap<&'a str, &'a Claim>,
    articles: HashMap<&'a str, &'a Article>,
    /// Outlets in order of first appearance among articles, then occurrences.
    pub outlets: Vec<String>,
}

impl<'a> View<'a> {
    /// Indexes `report`.
    pub fn new(report: &'a Report) -> View<'a> {
        let claims = report.claims.iter().map(|c| (c.id.0.as_str(), c)).collect();
        let articles = report.articles.iter().map(|a| (a.id.0.as_str(), a)).collect();
        let mut view = View { report, claims, articles, outlets: Vec::new() };
        view.outlets = view.collect_outlets();
        view
    }

    fn collect_outlets(&self) -> Vec<String> {
        let from_articles = self.report.articles.iter().map(article_outlet);
        let from_clusters =
            self.report.clusters.iter().flat_map(|c| c.occurrences.iter().map(|o| o.outlet.clone()));
        let mut seen = BTreeSet::new();
        from_articles.chain(from_clusters).filter(|o| seen.insert(o.clone())).collect()
    }

    /// The claim with `id`.
    pub fn claim(&self, id: &ClaimId) -> Option<&'a Claim> {
        self.claims.get(id.0.as_str()).copied()
    }

    /// The text of claim `id`, or an empty string for an unknown id.
    pub fn claim_text(&self, id: &ClaimId) -> &'a str {
        self.claim(id).map_or("", |c| c.text.as_str())
    }

    /// The article with `id`.
    pub fn article(&self, id: &str) -> Option<&'a Article> {
        self.articles.get(id).copied()
    }

    /// The outlet of article `id`, or the id itself when unknown.
    pub fn outlet_of_article(&self, id: &str) -> String {
        self.article(id).map_or_else(|| id.to_string(), article_outlet)
    }

    /// The outlet of claim `id`, or its article id when the outlet is unknown.
    pub fn outlet_of_claim(&self, id: &ClaimId) -> String {
        match self.claim(id) {
            Some(c) => self.outlet_of_article(&c.article.0),
            None => id.0.split('#').next().unwrap_or_default().to_string(),
        }
    }

    /// The cluster claim `id` belongs to.
    pub fn cluster_of(&self, id: &ClaimId) -> Option<&'a Cluster> {
        self.report.clusters.iter().find(|c| c.claims.contains(id))
    }

    /// Clusters with two or more articles first, then the others; report
    /// order within each group.
    pub fn ordered_clusters(&self) -> Vec<&'a Cluster> {
        let (multi, single): (Vec<_>, Vec<_>) = self.report.clusters.iter().partition(|c| c.articles.len() >= 2);
        multi.into_iter().chain(single).collect()
    }

    /// Disputes that involve claim `id`.
    pub fn disputes_of(&self, id: &ClaimId) -> impl Iterator<Item = &'a Dispute> + '_ {
        let report: &'a Report = self.report;
        let id = id.clone();
        report.disputes.iter().filter(move |d| d.claims.contains(&id))
    }

    /// How `outlet` covers `cluster`: the strongest coverage among its
    /// occurrences (contradicts > verbatim > paraphrases > omits).
    pub fn coverage(&self, cluster: &Cluster, outlet: &str) -> Coverage {
        cluster
            .occurrences
            .iter()
            .filter(|o| o.outlet == outlet)
            .map(|o| self.occurrence_coverage(cluster, o))
            .max()
            .unwrap_or(Coverage::Omits)
    }

    /// How one occurrence covers its cluster.
    pub fn occurrence_coverage(&self, cluster: &Cluster, o: &Occurrence) -> Coverage {
        if o.relation == EdgeKind::Conflict || self.contradicts(cluster, &o.claim) {
            return Coverage::Contradicts;
        }
        match o.relation {
            EdgeKind::Paraphrase => Coverage::Paraphrases,
            _ => Coverage::Verbatim,
        }
    }

    /// True when `claim` holds a reading, in a non-attribution dispute, that
    /// the cluster's representative does not hold. When the representative
    /// holds no reading of that dispute, every side contradicts.
    pub fn contradicts(&self, cluster: &Cluster, claim: &ClaimId) -> bool {
        self.disputes_of(claim).filter(|d| d.kind != DisputeKind::Attribution).any(|d| {
            let holds = |id: &ClaimId| d.sides.iter().position(|s| s.claims.contains(id));
            match (holds(claim), holds(&cluster.representative)) {
                (Some(mine), Some(rep)) => mine != rep,
                (Some(_), None) => true,
                (None, _) => false,
            }
        })
    }

    /// Number of clusters of each status, in [`STATUSES`] order.
    pub fn status_counts(&self) -> Vec<(ClusterStatus, usize)> {
        STATUSES.iter().map(|s| (*s, self.report.clusters.iter().filter(|c| c.status == *s).count())).collect()
    }

    /// Number of clusters flagged as disputed.
    pub fn disputed_count(&self) -> usize {
        self.report.clusters.iter().filter(|c| c.disputed).count()
    }

    /// Number of clusters stated by both outlets.
    pub fn shared_clusters(&self, a: &str, b: &str) -> usize {
        let has = |c: &Cluster, o: &str| c.outlets.iter().any(|x| x == o);
        self.report.clusters.iter().filter(|c| has(c, a) && has(c, b)).count()
    }
}

/// An article's outlet, or its id when the outlet is unknown.
pub fn article_outlet(article: &Article) -> String {
    article.outlet.value.clone().unwrap_or_else(|| article.id.0.clone())
}
