//! The learned scorer: standardised logistic regression with an L2 penalty,
//! fitted by Newton's method, stored as a small JSON file.

use serde::{Deserialize, Serialize};

use crate::error::MatchError;
use crate::features::{Features, FEATURE_NAMES};

const EMBEDDED_MODEL: &str = include_str!("../model/weights.json");

/// Newton iterations cap and convergence tolerance of [`fit`].
const NEWTON_MAX_ITER: usize = 50;
const NEWTON_TOL: f64 = 1e-9;

/// The probability cut stored with a fitted model. Fixed at 0.5: the
/// intercept already absorbs the class balance, and a cut tuned on training
/// accuracy was slightly worse under cross-validation (76.6 vs 76.9 %).
pub const DECISION_THRESHOLD: f64 = 0.5;

/// How a model was trained and how well it did, as recorded in the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingInfo {
    /// The command that rewrites the model file.
    #[serde(default)]
    pub command: String,
    /// The training corpus.
    #[serde(default)]
    pub corpus: String,
    /// Number of training pairs.
    #[serde(default)]
    pub pairs: usize,
    /// Number of positive pairs.
    #[serde(default)]
    pub positives: usize,
    /// Number of cross-validation folds (pair `i` is in fold `i % folds`).
    #[serde(default)]
    pub cv_folds: usize,
    /// Cross-validated accuracy, 0–1.
    #[serde(default)]
    pub cv_accuracy: f64,
    /// Cross-validated F1 of the positive class, 0–1.
    #[serde(default)]
    pub cv_f1: f64,
    /// Accuracy of the final model on its own training data, 0–1.
    #[serde(default)]
    pub train_accuracy: f64,
    /// Calibration checks against STS Benchmark dev (name → value).
    #[serde(default)]
    pub sts_dev: std::collections::BTreeMap<String, f64>,
}

/// A logistic-regression pair scorer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Feature names, equal to [`FEATURE_NAMES`].
    pub names: Vec<String>,
    /// Per-feature mean used for standardisation.
    pub means: Vec<f64>,
    /// Per-feature scale (standard deviation, 1 when constant).
    pub scales: Vec<f64>,
    /// Per-feature weight on standardised values.
    pub weights: Vec<f64>,
    /// Intercept.
    pub bias: f64,
    /// Probability at or above which a pair is called a paraphrase
    /// ([`DECISION_THRESHOLD`] for fitted models).
    pub threshold: f64,
    /// L2 penalty the weights were fitted with.
    pub l2: f64,
    /// Provenance and evaluation figures.
    #[serde(default)]
    pub training: TrainingInfo,
}

impl Model {
    /// Parse a model file and check it matches this build's features.
    pub fn from_json(text: &str) -> Result<Model, MatchError> {
        let m: Model = serde_json::from_str(text)?;
        m.checked(FEATURE_NAMES.iter().map(|s| s.to_string()).collect())
    }

    /// This model, checked to have exactly `expected` as its feature names
    /// and one mean, scale and weight per name (shared with
    /// [`SemanticModel::from_model`](crate::semantic::SemanticModel::from_model)).
    pub(crate) fn checked(self, expected: Vec<String>) -> Result<Model, MatchError> {
        if self.names != expected {
            return Err(MatchError::FeatureMismatch { expected, found: self.names });
        }
        let n = expected.len();
        if self.means.len() != n || self.scales.len() != n || self.weights.len() != n {
            return Err(MatchError::ModelShape(format!(
                "{n} names, {} means, {} scales, {} weights",
                self.means.len(),
                self.scales.len(),
                self.weights.len()
            )));
        }
        Ok(self)
    }

    /// The model compiled into the crate (`model/weights.json`).
    pub fn embedded() -> Result<Model, MatchError> {
        Model::from_json(EMBEDDED_MODEL)
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> Result<String, MatchError> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    /// Probability (0–1) that a pair with these features states the same fact.
    pub fn probability(&self, f: &Features) -> f64 {
        sigmoid(self.bias + dot(&self.weights, &self.standardise(&f.values)))
    }

    fn standardise(&self, x: &[f64]) -> Vec<f64> {
        x.iter().zip(&self.means).zip(&self.scales).map(|((v, m), s)| (v - m) / s).collect()
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Fit a model on feature rows `xs` with labels `ys`, L2 penalty `l2` (on
/// standardised weights, not the bias). The threshold is
/// [`DECISION_THRESHOLD`].
pub fn fit(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> Result<Model, MatchError> {
    let names: Vec<String> = FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
    fit_named(xs, ys, l2, &names)
}

/// [`fit`] for rows of any width: one value per name in `names` (the
/// semantic model adds the embedding cosine to the lexical features).
pub fn fit_named(xs: &[Vec<f64>], ys: &[bool], l2: f64, names: &[String]) -> Result<Model, MatchError> {
    let d = names.len();
    if xs.is_empty() || xs.len() != ys.len() || xs.iter().any(|x| x.len() != d) {
        return Err(MatchError::Training(format!("{} rows, {} labels, {} features expected", xs.len(), ys.len(), d)));
    }
    let (means, scales) = moments(xs, d);
    let zs: Vec<Vec<f64>> =
        xs.iter().map(|x| x.iter().zip(&means).zip(&scales).map(|((v, m), s)| (v - m) / s).collect()).collect();
    let theta = newton(&zs, ys, l2)?;
    Ok(Model {
        names: names.to_vec(),
        means,
        scales,
        weights: theta[..d].to_vec(),
        bias: theta[d],
        threshold: DECISION_THRESHOLD,
        l2,
        training: TrainingInfo::default(),
    })
}

fn moments(xs: &[Vec<f64>], d: usize) -> (Vec<f64>, Vec<f64>) {
    let n = xs.len() as f64;
    let means: Vec<f64> = (0..d).map(|j| xs.iter().map(|x| x[j]).sum::<f64>() / n).collect();
    let scales = (0..d)
        .map(|j| {
            let var = xs.iter().map(|x| (x[j] - means[j]).powi(2)).sum::<f64>() / n;
            if var > 1e-12 {
                var.sqrt()
            } else {
                1.0
            }
        })
        .collect();
    (means, scales)
}

/// Newton's method on the penalised log-likelihood; the last parameter is
/// the bias.
fn newton(zs: &[Vec<f64>], ys: &[bool], l2: f64) -> Result<Vec<f64>, MatchError> {
    let d = zs[0].len();
    let mut theta = vec![0.0; d + 1];
    for _ in 0..NEWTON_MAX_ITER {
        let mut grad = vec![0.0; d + 1];
        let mut hess = vec![vec![0.0; d + 1]; d + 1];
        for (z, &y) in zs.iter().zip(ys) {
            let p = sigmoid(dot(&theta[..d], z) + theta[d]);
            let r = p - if y { 1.0 } else { 0.0 };
            let w = (p * (1.0 - p)).max(1e-12);
            for i in 0..=d {
                let zi = if i < d { z[i] } else { 1.0 };
                grad[i] += r * zi;
                for j in 0..=i {
                    let zj = if j < d { z[j] } else { 1.0 };
                    hess[i][j] += w * zi * zj;
                }
            }
        }
        for i in 0..=d {
            let lower: Vec<f64> = hess[i][..i].to_vec();
            for (row, v) in hess.iter_mut().zip(lower) {
                row[i] = v;
            }
            let pen = if i < d { l2 } else { 1e-9 };
            grad[i] += if i < d { l2 * theta[i] } else { 0.0 };
            hess[i][i] += pen;
        }
        let step = solve(hess, grad).ok_or_else(|| MatchError::Training("singular Hessian".into()))?;
        let norm: f64 = step.iter().map(|s| s * s).sum::<f64>().sqrt();
        for (t, s) in theta.iter_mut().zip(&step) {
            *t -= s;
        }
        if norm < NEWTON_TOL {
            break;
        }
    }
    Ok(theta)
}

/// Solve `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let piv = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-14 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        let (top, rest) = a.split_at_mut(col + 1);
        let pivot_row = &top[col];
        for (offset, row) in rest.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::expect_used)]
    fn model_files_with_other_names_or_short_vectors_are_refused() {
        let mut m = Model::embedded().expect("the embedded model loads");
        let n = m.names.len();
        let lexical = crate::semantic::SemanticModel::from_model(m.clone());
        assert!(matches!(lexical, Err(MatchError::FeatureMismatch { .. })), "{lexical:?}");
        m.weights.pop();
        let text = m.to_json().unwrap_or_default();
        let short = Model::from_json(&text).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(short.contains(&format!("{n} names, {n} means, {n} scales, {} weights", n - 1)), "{short}");
    }

    #[test]
    fn solve_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap_or_default();
        assert!((x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9);
    }

}
