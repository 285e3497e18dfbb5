//! Evaluation: metrics against gold annotations and third-party corpora.

pub mod corpora;
mod error;
mod explain;
mod gold;
mod story;

pub use error::EvalError;
pub use gold::{load_articles, load_gold, Boilerplate, Gold, GoldCluster, GoldDispute, GoldMention, GoldOutlet, GoldSide};
pub use story::{explain, py_round, score, StoryScores};
