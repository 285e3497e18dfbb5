//! Training and evaluation support: corpus readers (MRPC, STS Benchmark),
//! feature extraction for sentence pairs, deterministic k-fold
//! cross-validation and correlation measures.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::MatchError;
use crate::features::features;
use crate::model::{fit, Model};
use crate::prepare::{prepare_with, IdfTable};

/// A labelled sentence pair from MRPC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledPair {
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
    /// True when annotators judged the pair a paraphrase.
    pub label: bool,
}

/// A scored sentence pair from the STS Benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StsPair {
    /// Genre (`main-news`, `main-captions`, `main-forums`).
    pub genre: String,
    /// Source file (`headlines`, `MSRvid`, …).
    pub file: String,
    /// Year and split of the source (`2012test`).
    pub year: String,
    /// Row id within the source.
    pub id: String,
    /// Gold similarity, 0 (unrelated) to 5 (equivalent).
    pub score: f64,
    /// First sentence.
    pub a: String,
    /// Second sentence.
    pub b: String,
}

fn read(path: &Path) -> Result<String, MatchError> {
    std::fs::read_to_string(path).map_err(|source| MatchError::Io { path: path.display().to_string(), source })
}

/// Read the MRPC training file (header line, tab-separated, BOM allowed).
pub fn read_mrpc(path: &Path) -> Result<Vec<LabelledPair>, MatchError> {
    parse_mrpc(&read(path)?, &path.display().to_string())
}

/// Parse MRPC text: `Quality  #1 ID  #2 ID  #1 String  #2 String`.
pub fn parse_mrpc(text: &str, name: &str) -> Result<Vec<LabelledPair>, MatchError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |m: &str| MatchError::Corpus { path: name.to_string(), line: i + 1, message: m.to_string() };
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 {
            return Err(bad(&format!("expected 5 tab-separated fields, found {}", f.len())));
        }
        let label = match f[0].trim() {
            "1" => true,
            "0" => false,
            _ => return Err(bad("quality must be 0 or 1")),
        };
        out.push(LabelledPair { a: f[3].to_string(), b: f[4].to_string(), label });
    }
    Ok(out)
}

/// Read an STS Benchmark file (tab-separated, no header, no quoting; only
/// the first seven fields are read).
pub fn read_sts(path: &Path) -> Result<Vec<StsPair>, MatchError> {
    let text = read(path)?;
    let name = path.display().to_string();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |m: &str| MatchError::Corpus { path: name.clone(), line: i + 1, message: m.to_string() };
        let f: Vec<&str> = line.split('\t').take(7).collect();
        if f.len() < 7 {
            return Err(bad("expected at least 7 tab-separated fields"));
        }
        let score = f[4].trim().parse::<f64>().map_err(|_| bad("score is not a number"))?;
        out.push(StsPair {
            genre: f[0].into(),
            file: f[1].into(),
            year: f[2].into(),
            id: f[3].into(),
            score,
            a: f[5].into(),
            b: f[6].into(),
        });
    }
    Ok(out)
}

/// Feature rows of sentence pairs, each sentence analysed as a claim by
/// the extractor's single-sentence entry point. Parallel, order kept.
pub fn pair_features(pairs: &[(&str, &str)], idf: &IdfTable) -> Vec<Vec<f64>> {
    pairs
        .par_iter()
        .map(|(a, b)| {
            let pa = prepare_with(&crosscheck_extract::analyse_sentence(a), idf);
            let pb = prepare_with(&crosscheck_extract::analyse_sentence(b), idf);
            features(&pa, &pb).values
        })
        .collect()
}

/// Accuracy and F1 of binary predictions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Share of correct predictions, 0–1.
    pub accuracy: f64,
    /// F1 of the positive class, 0–1.
    pub f1: f64,
}

/// Accuracy and positive-class F1 of `pred` against `gold`.
pub fn scores(pred: &[bool], gold: &[bool]) -> Scores {
    let n = pred.len().max(1) as f64;
    let correct = pred.iter().zip(gold).filter(|(p, g)| p == g).count() as f64;
    let tp = pred.iter().zip(gold).filter(|(p, g)| **p && **g).count() as f64;
    let fp = pred.iter().zip(gold).filter(|(p, g)| **p && !**g).count() as f64;
    let fneg = pred.iter().zip(gold).filter(|(p, g)| !**p && **g).count() as f64;
    let f1 = if tp > 0.0 { 2.0 * tp / (2.0 * tp + fp + fneg) } else { 0.0 };
    Scores { accuracy: correct / n, f1 }
}

/// k-fold cross-validation: row `i` is held out in fold `i % k`; each fold's
/// model (weights, standardisation and threshold) is fitted on the others.
pub fn cross_validate(xs: &[Vec<f64>], ys: &[bool], k: usize, l2: f64) -> Result<Scores, MatchError> {
    cross_validate_with(xs, ys, k, |x, y| fit(x, y, l2))
}

/// [`cross_validate`] with the fitting procedure given (rows of another
/// width, another penalty).
pub fn cross_validate_with(
    xs: &[Vec<f64>],
    ys: &[bool],
    k: usize,
    fit: impl Fn(&[Vec<f64>], &[bool]) -> Result<Model, MatchError> + Sync,
) -> Result<Scores, MatchError> {
    if k < 2 || xs.len() < k {
        return Err(MatchError::Training(format!("{k} folds over {} rows", xs.len())));
    }
    let fold_of = |i: usize| i % k;
    let preds: Vec<Vec<(usize, bool)>> = (0..k)
        .into_par_iter()
        .map(|fold| {
            let (train_x, train_y): (Vec<Vec<f64>>, Vec<bool>) =
                xs.iter().zip(ys).enumerate().filter(|(i, _)| fold_of(*i) != fold).map(|(_, (x, y))| (x.clone(), *y)).unzip();
            let m = fit(&train_x, &train_y)?;
            Ok(xs
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) == fold)
                .map(|(i, x)| (i, m.probability(&crate::Features { values: x.clone() }) >= m.threshold))
                .collect())
        })
        .collect::<Result<_, MatchError>>()?;
    let mut pred = vec![false; xs.len()];
    for (i, p) in preds.into_iter().flatten() {
        pred[i] = p;
    }
    Ok(scores(&pred, ys))
}

/// Accuracy and F1 of a fitted model on feature rows.
pub fn evaluate(model: &Model, xs: &[Vec<f64>], ys: &[bool]) -> Scores {
    let pred: Vec<bool> =
        xs.iter().map(|x| model.probability(&crate::Features { values: x.clone() }) >= model.threshold).collect();
    scores(&pred, ys)
}

/// Pearson correlation; 0 when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    if sxx <= 0.0 || syy <= 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Ranks from 1 with ties given their average rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
    let mut r = vec![0.0; x.len()];
    let mut s = 0;
    while s < idx.len() {
        let mut e = s;
        while e + 1 < idx.len() && x[idx[e + 1]] == x[idx[s]] {
            e += 1;
        }
        let avg = (s + e) as f64 / 2.0 + 1.0;
        for &i in &idx[s..=e] {
            r[i] = avg;
        }
        s = e + 1;
    }
    r
}

/// Spearman rank correlation (Pearson of average ranks).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_mrpc_with_bom() {
        let t = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA b .\tA b !\n0\t3\t4\tx\ty\n";
        let p = parse_mrpc(t, "t").unwrap_or_default();
        assert_eq!(p.len(), 2);
        assert!(p[0].label && !p[1].label);
        assert!(parse_mrpc("h\n2\t1\t2\ta\tb\n", "t").is_err());
    }

    #[test]
    fn correlations() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[1.0, 10.0, 100.0]) - 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
    }
}
