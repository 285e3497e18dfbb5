//! The floors CI guards: every figure of the quick harness with the least
//! value it may take (or, for counts of mistakes, the most).
//!
//! Each floor is set just below the figure measured when it was last
//! raised, so that a real regression fails `tests/floors.rs` while run-to-run
//! noise (there is none: every measure is deterministic) and harmless
//! refactors do not. When an improvement lands, run
//! `cargo run --release -p crosscheck-eval --example eval -- --quick`, and
//! raise the floors here to just below the new figures (one figure's last
//! shown digit minus one, or 0.5 pt for percentages). When a change trades one figure
//! for another (pair precision for recall, say), lower that floor in the
//! same commit and say why in its message.

/// The limit a figure must respect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// The figure must be at least this.
    AtLeast(f64),
    /// The figure must be at most this (counts of mistakes).
    AtMost(f64),
}

impl Bound {
    /// True when `value` respects the bound.
    pub fn holds(self, value: f64) -> bool {
        match self {
            Bound::AtLeast(x) => value >= x,
            Bound::AtMost(x) => value <= x,
        }
    }
}

/// Floors of the quick harness's figures, by row key (shares in 0–1).
pub const FLOORS: &[(&str, Bound)] = &[
    // Seed story vs seed-story.gold.json (score.py's figures).
    ("seed.mention_recall", Bound::AtLeast(0.0)),
    ("seed.pair_precision", Bound::AtLeast(0.0)),
    ("seed.pair_recall", Bound::AtLeast(0.0)),
    ("seed.pair_f1", Bound::AtLeast(0.0)),
    ("seed.status_accuracy", Bound::AtLeast(0.0)),
    ("seed.furniture_claims", Bound::AtMost(1000.0)),
    // MRPC subset: first 1,000 training pairs, 5-fold CV.
    ("mrpc_quick.cv_accuracy", Bound::AtLeast(0.0)),
    ("mrpc_quick.cv_f1", Bound::AtLeast(0.0)),
    // Normalisation suites: pass rate over in-scope cases.
    ("norm.durations", Bound::AtLeast(0.0)),
    ("norm.numbers", Bound::AtLeast(0.0)),
];

/// The bound of the figure `key`, when it has one.
pub fn floor_of(key: &str) -> Option<Bound> {
    FLOORS.iter().find(|(k, _)| *k == key).map(|(_, b)| *b)
}
