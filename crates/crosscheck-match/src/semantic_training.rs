//! Fitting and cross-validating the semantic model.
//!
//! The regression is the lexical one ([`crate::model::fit`]): features
//! standardised by their training mean and deviation, an L2 penalty on the
//! standardised weights (not the bias), Newton's method, cut at
//! `DECISION_THRESHOLD`, through [`fit_named`] for rows one value wider than
//! the lexical features; a test checks it gives the lexical weights on
//! lexical rows.

use crate::error::MatchError;
use crate::model::Model;
use crate::semantic::{semantic_feature_names, SemanticModel};
use crate::training::{cross_validate_with, scores, Scores};

pub use crate::model::fit_named;

/// Fit the semantic model on rows of [`crate::semantic::semantic_features`].
pub fn fit_semantic(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> Result<SemanticModel, MatchError> {
    SemanticModel::from_model(fit_named(xs, ys, l2, &semantic_feature_names())?)
}

/// k-fold cross-validation of [`fit_named`] on rows of any width, with the
/// lexical protocol: row `i` is held out in fold `i % k`.
pub fn cross_validate_named(xs: &[Vec<f64>], ys: &[bool], k: usize, l2: f64) -> Result<Scores, MatchError> {
    let names: Vec<String> = (0..xs.first().map_or(0, Vec::len)).map(|i| format!("x{i}")).collect();
    cross_validate_with(xs, ys, k, |x, y| fit_named(x, y, l2, &names))
}

/// Accuracy and F1 of a model of any width on rows.
pub fn evaluate_named(model: &Model, xs: &[Vec<f64>], ys: &[bool]) -> Scores {
    let pred: Vec<bool> = xs.iter().map(|x| probability(model, x) >= model.threshold).collect();
    scores(&pred, ys)
}

/// The model's probability for a raw row of its width.
pub fn probability(model: &Model, x: &[f64]) -> f64 {
    model.probability(&crate::Features { values: x.to_vec() })
}

