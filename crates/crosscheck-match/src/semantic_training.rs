//! Fitting and cross-validating the semantic model.
//!
//! The regression is the lexical one ([`crate::model::fit`]): features
//! standardised by their training mean and deviation, an L2 penalty on the
//! standardised weights (not the bias), Newton's method, cut at
//! [`DECISION_THRESHOLD`]. `model::fit` is written for exactly
//! [`FEATURE_NAMES`](crate::FEATURE_NAMES), so the same procedure is
//! repeated here for named rows of any width; a test checks that both give
//! the same weights on lexical rows.

use rayon::prelude::*;

use crate::error::MatchError;
use crate::model::{Model, TrainingInfo, DECISION_THRESHOLD};
use crate::semantic::{semantic_feature_names, SemanticModel};
use crate::training::{scores, Scores};

/// Newton iterations cap and convergence tolerance (as in `model::fit`).
const NEWTON_MAX_ITER: usize = 50;
const NEWTON_TOL: f64 = 1e-9;

/// Fit a logistic regression on rows `xs` (one value per name in `names`)
/// with labels `ys` and L2 penalty `l2`.
pub fn fit_named(xs: &[Vec<f64>], ys: &[bool], l2: f64, names: &[String]) -> Result<Model, MatchError> {
    let d = names.len();
    if xs.is_empty() || xs.len() != ys.len() || xs.iter().any(|x| x.len() != d) {
        return Err(MatchError::Training(format!("{} rows, {} labels, {} features expected", xs.len(), ys.len(), d)));
    }
    let (means, scales) = moments(xs, d);
    let zs: Vec<Vec<f64>> = xs.iter().map(|x| standardise(x, &means, &scales)).collect();
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

/// Fit the semantic model on rows of [`crate::semantic::semantic_features`].
pub fn fit_semantic(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> Result<SemanticModel, MatchError> {
    SemanticModel::from_model(fit_named(xs, ys, l2, &semantic_feature_names())?)
}

/// k-fold cross-validation of [`fit_named`] on rows of any width, with the
/// lexical protocol: row `i` is held out in fold `i % k`.
pub fn cross_validate_named(xs: &[Vec<f64>], ys: &[bool], k: usize, l2: f64) -> Result<Scores, MatchError> {
    if k < 2 || xs.len() < k {
        return Err(MatchError::Training(format!("{k} folds over {} rows", xs.len())));
    }
    let names: Vec<String> = (0..xs[0].len()).map(|i| format!("x{i}")).collect();
    let preds: Vec<Vec<(usize, bool)>> = (0..k)
        .into_par_iter()
        .map(|fold| {
            let (tx, ty): (Vec<Vec<f64>>, Vec<bool>) =
                xs.iter().zip(ys).enumerate().filter(|(i, _)| i % k != fold).map(|(_, (x, y))| (x.clone(), *y)).unzip();
            let m = fit_named(&tx, &ty, l2, &names)?;
            Ok(xs.iter().enumerate().filter(|(i, _)| i % k == fold).map(|(i, x)| (i, probability(&m, x) >= m.threshold)).collect())
        })
        .collect::<Result<_, MatchError>>()?;
    let mut pred = vec![false; xs.len()];
    for (i, p) in preds.into_iter().flatten() {
        pred[i] = p;
    }
    Ok(scores(&pred, ys))
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

fn standardise(x: &[f64], means: &[f64], scales: &[f64]) -> Vec<f64> {
    x.iter().zip(means).zip(scales).map(|((v, m), s)| (v - m) / s).collect()
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

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Newton's method on the penalised log-likelihood; the last parameter is
/// the bias.
fn newton(zs: &[Vec<f64>], ys: &[bool], l2: f64) -> Result<Vec<f64>, MatchError> {
    let d = zs[0].len();
    let mut theta = vec![0.0; d + 1];
    for _ in 0..NEWTON_MAX_ITER {
        let (mut grad, mut hess) = gradient_hessian(zs, ys, &theta);
        for i in 0..=d {
            if i < d {
                grad[i] += l2 * theta[i];
                hess[i][i] += l2;
            } else {
                hess[i][i] += 1e-9;
            }
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

/// Gradient and (full, symmetric) Hessian of the unpenalised negative
/// log-likelihood at `theta`.
fn gradient_hessian(zs: &[Vec<f64>], ys: &[bool], theta: &[f64]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let d = theta.len() - 1;
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
    }
    (grad, hess)
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
