//! The semantic scoring path: the shipped model's shape, the decision
//! order (Conflict before any score), and the regression's equivalence
//! with the lexical fitter. No embedding model is needed: cosines are given.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crosscheck_core::EdgeKind;
use crosscheck_match::model::{fit, Model};
use crosscheck_match::semantic::{decide_semantic, semantic_feature_names, semantic_features, SemanticModel, COSINE_FEATURE};
use crosscheck_match::semantic_training::{cross_validate_named, fit_named, probability};
use crosscheck_match::training::cross_validate;
use crosscheck_match::{features, prepare, Prepared, Thresholds, FEATURE_NAMES};

fn prep(s: &str) -> Prepared {
    prepare(&crosscheck_extract::analyse_sentence(s))
}

#[test]
fn shipped_semantic_model_loads_and_lexical_files_are_refused() {
    let m = SemanticModel::embedded().unwrap();
    assert_eq!(m.model().names, semantic_feature_names());
    assert_eq!(m.model().names.last().map(String::as_str), Some(COSINE_FEATURE));
    let info = &m.model().training;
    let lexical_cv = info.sts_dev.get("cv_accuracy_lexical_only").copied().unwrap_or(1.0);
    assert!(info.cv_accuracy > lexical_cv, "semantic CV {} must beat lexical CV {lexical_cv} of the same run", info.cv_accuracy);
    assert!(info.cv_accuracy >= 0.775, "recorded CV {}", info.cv_accuracy);
    let cos_w = *m.model().weights.last().unwrap();
    assert!(cos_w > 0.0, "higher cosine must raise the score: {cos_w}");
    let lexical = Model::embedded().unwrap().to_json().unwrap();
    assert!(SemanticModel::from_json(&lexical).is_err());
    assert!(Model::from_json(&m.to_json().unwrap()).is_err(), "and the lexical loader refuses the semantic file");
}

#[test]
fn cosine_raises_the_probability_and_the_view_agrees() {
    let m = SemanticModel::embedded().unwrap();
    let (a, b) = (prep("Negotiators met for an hour and a half."), prep("The talks lasted 90 minutes, officials said."));
    let f = features(&a, &b);
    let lo = m.probability(&f, 0.1);
    let hi = m.probability(&f, 0.9);
    assert!(hi > lo, "{lo} → {hi}");
    let direct = probability(m.model(), &semantic_features(&a, &b, 0.9));
    assert!((hi - direct).abs() < 1e-12, "lexical view {hi} vs full row {direct}");
}

#[test]
fn conflict_stays_a_conflict_whatever_the_cosine() {
    let m = SemanticModel::embedded().unwrap();
    let t = Thresholds::default();
    let (a, b) = (prep("Putin and Trump met for 90 minutes in Helsinki."), prep("Putin and Trump met for 40 minutes in Helsinki."));
    for cos in [0.0, 0.9, 0.99, 1.0] {
        let d = decide_semantic(&m, &t, &a, &b, cos);
        assert_eq!(d.kind, Some(EdgeKind::Conflict), "cosine {cos}: {}", d.rule);
        assert_eq!(d.features.get(COSINE_FEATURE).copied(), Some(cos));
    }
    let (a, b) = (prep("The minister said the plant will close."), prep("The minister said the plant will not close."));
    assert_eq!(decide_semantic(&m, &t, &a, &b, 0.97).kind, Some(EdgeKind::Conflict));
}

#[test]
fn a_high_cosine_can_make_a_paraphrase_that_words_alone_miss() {
    let m = SemanticModel::embedded().unwrap();
    let lexical = Model::embedded().unwrap();
    let t = Thresholds::default();
    let (a, b) = (
        prep("The company will cut 2,000 jobs next year, its chief executive said."),
        prep("Its boss announced that 2,000 positions are to be eliminated in 2025."),
    );
    let lex = crosscheck_match::decide_with(&lexical, &t, &a, &b);
    let far = decide_semantic(&m, &t, &a, &b, 0.1);
    let near = decide_semantic(&m, &t, &a, &b, 0.9);
    assert!(near.score > far.score);
    assert!(near.score > lex.score, "semantic {:.3} vs lexical {:.3}", near.score, lex.score);
}

/// Synthetic rows with the lexical width: the named fitter reproduces
/// `model::fit` and `training::cross_validate`.
#[test]
fn named_regression_is_the_lexical_regression() {
    let d = FEATURE_NAMES.len();
    let mut seed = 42u64;
    let mut rnd = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    let xs: Vec<Vec<f64>> = (0..300).map(|_| (0..d).map(|_| rnd()).collect()).collect();
    let ys: Vec<bool> = xs.iter().map(|x| x[0] + 0.5 * x[3] - x[7] + 0.3 * rnd() > 0.0).collect();
    let a = fit(&xs, &ys, 1.0).unwrap();
    let names: Vec<String> = FEATURE_NAMES.iter().map(|s| s.to_string()).collect();
    let b = fit_named(&xs, &ys, 1.0, &names).unwrap();
    for (x, y) in a.weights.iter().zip(&b.weights) {
        assert!((x - y).abs() < 1e-9, "{x} vs {y}");
    }
    assert!((a.bias - b.bias).abs() < 1e-9);
    let ca = cross_validate(&xs, &ys, 10, 1.0).unwrap();
    let cb = cross_validate_named(&xs, &ys, 10, 1.0).unwrap();
    assert_eq!(ca, cb);
}
