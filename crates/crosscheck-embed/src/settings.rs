//! Every tunable number of the crate, in one place.

/// Texts embedded per forward pass. 32 keeps padding waste low for
/// sentence-length claims while amortising per-call overhead.
pub const BATCH_SIZE: usize = 32;

/// Word pieces kept per text (the model's `max_seq_length` in
/// sentence-transformers); longer texts are truncated.
pub const MAX_TOKENS: usize = 256;

/// Settings of the semantic candidate search ([`crate::nearest_pairs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NeighbourOptions {
    /// Nearest cross-article neighbours kept per claim. Bounds the pair
    /// count at `k · n` whatever the story size.
    pub k: usize,
    /// Cosine below which a neighbour is not a candidate. With
    /// all-MiniLM-L6-v2, unrelated news sentences mostly score below 0.2,
    /// while a paraphrase sharing no content word can score as low as 0.43
    /// ("negotiators met for an hour and a half" / "talks lasted 90
    /// minutes"); 0.4 keeps such pairs and the top-`k` cap bounds the rest
    /// (the scorer decides).
    pub min_cosine: f32,
    /// Largest story (in claims) searched exactly; beyond it the search is
    /// approximate (LSH), so that its cost grows about linearly.
    pub exact_limit: usize,
    /// LSH tables: more find more true neighbours and cost more.
    pub lsh_tables: usize,
    /// Hyperplanes per table: more make buckets smaller (cheaper) and
    /// stricter (fewer true neighbours share one).
    pub lsh_bits: usize,
    /// Most members of one bucket read for a claim (a bucket of thousands
    /// holds generic sentences, as an over-long blocking posting list does).
    pub lsh_max_bucket: usize,
}

impl Default for NeighbourOptions {
    fn default() -> Self {
        NeighbourOptions { k: 5, min_cosine: 0.4, exact_limit: 5_000, lsh_tables: 12, lsh_bits: 10, lsh_max_bucket: 256 }
    }
}
