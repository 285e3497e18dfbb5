//! Every tunable number of the graph stage, in one place.

use serde::{Deserialize, Serialize};

/// Thresholds for clustering, derivation and disputes. [`GraphOptions::default`]
/// holds the shipped values; each field says what it trades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphOptions {
    /// Average-link cohesion: two clusters merge only while the mean match
    /// score over *all* their cross pairs (unlinked pairs count 0) is at
    /// least this. Higher splits more; lower chains more.
    pub cluster_cohesion: f64,
    /// Weight given to a verbatim link in clustering (paraphrase links use
    /// their score).
    pub verbatim_weight: f64,
    /// Derivation: least share of the derived article's claims that must
    /// match claims of its source.
    pub derivation_min_share: f64,
    /// Derivation without a credit line: least share of matched claims.
    pub derivation_uncredited_share: f64,
    /// Derivation without a credit line: least share of matched claims that
    /// keep the source's order.
    pub derivation_min_order: f64,
    /// Most claims quoted per side of a dispute in the report.
    pub max_dispute_claims_per_side: usize,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions {
            cluster_cohesion: 0.45,
            verbatim_weight: 1.0,
            derivation_min_share: 0.2,
            derivation_uncredited_share: 0.5,
            derivation_min_order: 0.7,
            max_dispute_claims_per_side: 12,
        }
    }
}
