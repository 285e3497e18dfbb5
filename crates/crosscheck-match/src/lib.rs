//! Cross-outlet claim matching: blocking, pair features and a learned scorer.
//!
//! (essay: see below — filled in at the end)

pub mod blocking;
pub mod decide;
pub mod error;
pub mod features;
pub mod model;
pub mod prepare;
pub mod training;

pub use blocking::{candidates, candidates_with};
pub use decide::{decide, decide_with, score_pairs, PairDecision, Thresholds};
pub use error::MatchError;
pub use features::{features, Features, FEATURE_NAMES};
pub use model::Model;
pub use prepare::{prepare, prepare_with, IdfTable, Prepared};
