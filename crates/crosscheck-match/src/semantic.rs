//! Semantic scoring: the lexical features plus the cosine of the two
//! claims' sentence embeddings, in one logistic regression.
//!
//! The embeddings come from `crosscheck-embed` (all-MiniLM-L6-v2); this
//! module only needs the cosine of each pair, so it has no dependency on
//! the embedding runtime and the engine passes embeddings alongside the
//! [`Prepared`] claims rather than inside them.
//!
//! The semantic model is a [`Model`] whose feature names are
//! [`FEATURE_NAMES`] followed by [`COSINE_FEATURE`], trained on MRPC like
//! the lexical one (`crosscheck-embed`'s `train_semantic` example) and
//! shipped as `model/weights-semantic.json`. Cosine is never a bare
//! threshold: [`decide_semantic`] hands the pair to
//! [`decide_with`](crate::decide_with) with the cosine's contribution folded
//! into the intercept ([`SemanticModel::lexical_view`]), so the Conflict
//! rule still runs first, then Verbatim, then the paraphrase cut on the
//! semantic probability, then the shared-fragment rule — exactly the
//! lexical decision order.

use rayon::prelude::*;

use crate::decide::{decide_with, PairDecision, Thresholds};
use crate::error::MatchError;
use crate::features::{features, Features, FEATURE_NAMES};
use crate::model::Model;
use crate::prepare::{prepare, Prepared};

const EMBEDDED_SEMANTIC_MODEL: &str = include_str!("../model/weights-semantic.json");

/// Name of the extra feature: cosine similarity of the two claims'
/// sentence embeddings (−1…1; unit vectors from all-MiniLM-L6-v2).
pub const COSINE_FEATURE: &str = "cosine";

/// The semantic model's feature names: [`FEATURE_NAMES`], then
/// [`COSINE_FEATURE`].
pub fn semantic_feature_names() -> Vec<String> {
    FEATURE_NAMES.iter().chain([&COSINE_FEATURE]).map(|s| s.to_string()).collect()
}

/// The semantic feature row of a pair: the lexical [`features`] with the
/// cosine appended (a non-finite cosine counts as 0).
pub fn semantic_features(a: &Prepared, b: &Prepared, cosine: f64) -> Vec<f64> {
    append_cosine(features(a, b), cosine)
}

/// A lexical feature vector with the cosine appended.
pub fn append_cosine(f: Features, cosine: f64) -> Vec<f64> {
    let mut v = f.values;
    v.push(if cosine.is_finite() { cosine } else { 0.0 });
    v
}

/// A logistic-regression scorer over the lexical features plus cosine.
#[derive(Debug, Clone, PartialEq)]
pub struct SemanticModel {
    model: Model,
}

impl SemanticModel {
    /// Wrap a fitted model, checking that its names are
    /// [`semantic_feature_names`] and that its vectors have one entry each.
    pub fn from_model(model: Model) -> Result<SemanticModel, MatchError> {
        Ok(SemanticModel { model: model.checked(semantic_feature_names())? })
    }

    /// Parse a semantic model file (the JSON form of [`Model`], with the
    /// cosine feature last). A lexical model file is refused.
    pub fn from_json(text: &str) -> Result<SemanticModel, MatchError> {
        SemanticModel::from_model(serde_json::from_str(text)?)
    }

    /// The model compiled into the crate (`model/weights-semantic.json`).
    pub fn embedded() -> Result<SemanticModel, MatchError> {
        SemanticModel::from_json(EMBEDDED_SEMANTIC_MODEL)
    }

    /// The underlying model (weights, standardisation, training record).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Mutable access to the model (to record training figures).
    pub fn model_mut(&mut self) -> &mut Model {
        &mut self.model
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> Result<String, MatchError> {
        self.model.to_json()
    }

    /// Probability (0–1) that a pair with these lexical features and this
    /// cosine states the same fact.
    pub fn probability(&self, f: &Features, cosine: f64) -> f64 {
        self.lexical_view(cosine).probability(f)
    }

    /// The cosine's term of the linear score, `w · (cos − mean) / scale`.
    fn cosine_term(&self, cosine: f64) -> f64 {
        let last = self.model.weights.len() - 1;
        let c = if cosine.is_finite() { cosine } else { 0.0 };
        self.model.weights[last] * (c - self.model.means[last]) / self.model.scales[last]
    }

    /// A lexical [`Model`] that gives, on a pair's lexical features, the
    /// same probability this model gives with `cosine`: the lexical
    /// weights with the cosine's term added to the intercept. This is how
    /// the semantic score goes through the lexical decision rules unchanged.
    pub fn lexical_view(&self, cosine: f64) -> Model {
        let d = FEATURE_NAMES.len();
        Model {
            names: self.model.names[..d].to_vec(),
            means: self.model.means[..d].to_vec(),
            scales: self.model.scales[..d].to_vec(),
            weights: self.model.weights[..d].to_vec(),
            bias: self.model.bias + self.cosine_term(cosine),
            threshold: self.model.threshold,
            l2: self.model.l2,
            training: Default::default(),
        }
    }
}

/// Decide a pair with the semantic model: the lexical decision rules
/// ([`decide_with`]) on the semantic probability. Conflict is still tested
/// first, so no cosine can turn a quantity, negation or role conflict into
/// a paraphrase. The decision's features include [`COSINE_FEATURE`].
pub fn decide_semantic(model: &SemanticModel, t: &Thresholds, a: &Prepared, b: &Prepared, cosine: f64) -> PairDecision {
    let mut d = decide_with(&model.lexical_view(cosine), t, a, b);
    d.features.insert(COSINE_FEATURE.to_string(), if cosine.is_finite() { cosine } else { 0.0 });
    d
}

/// Score free-standing sentence pairs with the semantic model, given each
/// pair's cosine (same order). Pairs without a cosine score as if it were
/// 0. Parallel; output in input order.
pub fn score_pairs_semantic(model: &SemanticModel, pairs: &[(String, String)], cosines: &[f64]) -> Vec<PairDecision> {
    let t = Thresholds::default();
    pairs
        .par_iter()
        .enumerate()
        .map(|(i, (a, b))| {
            let pa = prepare(&crosscheck_extract::analyse_sentence(a));
            let pb = prepare(&crosscheck_extract::analyse_sentence(b));
            decide_semantic(model, &t, &pa, &pb, cosines.get(i).copied().unwrap_or(0.0))
        })
        .collect()
}
