//! The committed weights against the MRPC training corpus (skipped when
//! the shared corpora are absent; set CROSSCHECK_SHARED to point at them).

#![allow(clippy::panic)]

use std::path::PathBuf;

use crosscheck_match::model::{fit, Model};
use crosscheck_match::training::{cross_validate, evaluate, pair_features, read_mrpc, LabelledPair};
use crosscheck_match::IdfTable;

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("CROSSCHECK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    dir.join("corpora/mrpc/msr_paraphrase_train.txt").exists().then_some(dir)
}

fn load() -> Option<(Model, Vec<LabelledPair>)> {
    let dir = shared()?;
    let model = Model::embedded().map_err(|e| e.to_string());
    let pairs = read_mrpc(&dir.join("corpora/mrpc/msr_paraphrase_train.txt")).map_err(|e| e.to_string());
    match (model, pairs) {
        (Ok(m), Ok(p)) => Some((m, p)),
        (m, p) => panic!("cannot load: {:?} {:?}", m.err(), p.err()),
    }
}

fn rows(pairs: &[LabelledPair]) -> (Vec<Vec<f64>>, Vec<bool>) {
    let texts: Vec<(&str, &str)> = pairs.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    (pair_features(&texts, IdfTable::embedded()), pairs.iter().map(|p| p.label).collect())
}

#[test]
fn committed_weights_score_a_subset_well() {
    let Some((model, pairs)) = load() else { return };
    let (xs, ys) = rows(&pairs[..400]);
    let s = evaluate(&model, &xs, &ys);
    assert!(s.accuracy >= 0.70, "accuracy on 400 pairs {:.3}", s.accuracy);
}

/// About 6 s in a debug build, so not ignored.
#[test]
fn committed_weights_reproduce_cv_figures() {
    let Some((model, pairs)) = load() else { return };
    let (xs, ys) = rows(&pairs);
    let info = &model.training;
    let cv = cross_validate(&xs, &ys, info.cv_folds, model.l2).map_err(|e| e.to_string());
    let cv = match cv {
        Ok(cv) => cv,
        Err(e) => panic!("{e}"),
    };
    assert!((cv.accuracy - info.cv_accuracy).abs() <= 0.005, "CV {:.4} vs recorded {:.4}", cv.accuracy, info.cv_accuracy);
    assert!(cv.accuracy >= 0.77);
    let train = evaluate(&model, &xs, &ys);
    assert!((train.accuracy - info.train_accuracy).abs() <= 0.005);
    // Refitting on all pairs gives a model of the same quality (the weights
    // themselves move a little whenever extraction improves).
    let refit = fit(&xs, &ys, model.l2).map_err(|e| e.to_string());
    assert!(refit.is_ok_and(|m| (evaluate(&m, &xs, &ys).accuracy - info.train_accuracy).abs() <= 0.01));
}
