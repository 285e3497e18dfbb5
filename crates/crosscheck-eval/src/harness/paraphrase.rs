//! Paraphrase matching: k-fold cross-validation of the matcher on MRPC
//! train, the shipped model on MRPC train, and Pearson/Spearman of the
//! shipped model's match probability against STS Benchmark dev scores.
//!
//! Features come from `crosscheck_match::training::pair_features` with the
//! shipped IDF table, so every sentence is analysed by the extractor exactly
//! as claims of a story are.

use crosscheck_match::training::{cross_validate, evaluate, pair_features, pearson, spearman};
use crosscheck_match::{Features, IdfTable, Model};

use super::table::{Row, Section, Unit};
use super::{first_missing, skip_line, HarnessOptions, Measured, MrpcPlan};
use crate::corpora::{read_mrpc, read_sts, LabeledPair};
use crate::error::EvalError;

/// MRPC training split, relative to `shared/corpora`.
const MRPC: &str = "mrpc/msr_paraphrase_train.txt";
/// STS Benchmark dev split, relative to `shared/corpora`.
const STS_DEV: &str = "stsbenchmark/sts-dev.csv";
/// L2 penalty of the cross-validated fits (the training example's).
const L2: f64 = 1.0;
/// Anchor of MRPC accuracy (shared/corpora/README.md).
const MRPC_ACC_ANCHOR: &str = "majority class 66.5 %; best purely lexical systems 77.4–77.6 %; TF-KLD 80.4 %";
/// Anchor of MRPC F1 (shared/corpora/README.md).
const MRPC_F1_ANCHOR: &str = "BERT ≈ 89 F1";
/// Anchor of STS correlations: the README gives none.
const STS_ANCHOR: &str = "none in the corpora README (calibration check)";

pub(crate) fn section(opts: &HarnessOptions) -> Result<Measured, EvalError> {
    let corpora = opts.shared.join("corpora");
    let mut sec = Section::new("matching", "Paraphrase matching (MRPC, STS Benchmark)", &opts.command_line());
    let mut skipped = Vec::new();
    let idf = IdfTable::embedded();
    let model = Model::embedded()?;
    let mrpc_path = corpora.join(MRPC);
    let need_mrpc = opts.measures.mrpc.is_some() || opts.measures.sts;
    let mrpc = match first_missing(&[&mrpc_path]) {
        Some(p) if need_mrpc => {
            skipped.push(skip_line("MRPC paraphrase cross-validation", p));
            None
        }
        _ if need_mrpc => Some(read_mrpc(&mrpc_path)?),
        _ => None,
    };
    if let (Some(pairs), Some(plan)) = (&mrpc, opts.measures.mrpc) {
        mrpc_rows(&mut sec, pairs, plan, idf, opts.measures.sts.then_some(&model))?;
    }
    if opts.measures.sts {
        let sts_path = corpora.join(STS_DEV);
        match first_missing(&[&sts_path]) {
            Some(p) => skipped.push(skip_line("STS Benchmark dev correlations", p)),
            None => sts_rows(&mut sec, &sts_path, &model, idf)?,
        }
    }
    let section = (!sec.rows.is_empty()).then_some(sec);
    Ok(Measured { section, skipped })
}

fn feature_rows(pairs: &[LabeledPair], idf: &IdfTable) -> (Vec<Vec<f64>>, Vec<bool>) {
    let texts: Vec<(&str, &str)> = pairs.iter().map(|p| (p.s1.as_str(), p.s2.as_str())).collect();
    (pair_features(&texts, idf), pairs.iter().map(|p| p.label == Some(true)).collect())
}

fn mrpc_rows(
    sec: &mut Section,
    pairs: &[LabeledPair],
    plan: MrpcPlan,
    idf: &IdfTable,
    shipped: Option<&Model>,
) -> Result<(), EvalError> {
    let n = plan.pairs.unwrap_or(pairs.len()).min(pairs.len());
    let (xs, ys) = feature_rows(&pairs[..n], idf);
    let cv = cross_validate(&xs, &ys, plan.folds, L2)?;
    let (key, what) = match plan.pairs {
        Some(_) => ("mrpc_quick", format!("MRPC train, first {n} pairs, {}-fold CV", plan.folds)),
        None => ("mrpc", format!("MRPC train ({n} pairs), {}-fold CV", plan.folds)),
    };
    let positives = ys.iter().filter(|y| **y).count();
    sec.rows.push(Row::new(format!("{key}.cv_accuracy"), format!("{what} accuracy"), cv.accuracy, Unit::Percent, MRPC_ACC_ANCHOR));
    sec.rows.push(Row::new(format!("{key}.cv_f1"), format!("{what} F1 (paraphrase class)"), cv.f1, Unit::Percent, MRPC_F1_ANCHOR));
    sec.notes.push(format!(
        "{what}: pair i held out in fold i mod {}; each fold refits the logistic model (L2 {L2}) on the others; \
         {positives} of {n} pairs are paraphrases (majority class {:.1} %).",
        plan.folds,
        100.0 * positives as f64 / n.max(1) as f64
    ));
    if let Some(model) = shipped.filter(|_| plan.pairs.is_none()) {
        let own = evaluate(model, &xs, &ys);
        sec.rows.push(Row::new("mrpc.shipped_accuracy", "shipped model on MRPC train (its own training data), accuracy", own.accuracy, Unit::Percent, ""));
    }
    Ok(())
}

fn sts_rows(sec: &mut Section, path: &std::path::Path, model: &Model, idf: &IdfTable) -> Result<(), EvalError> {
    let sts = read_sts(path)?;
    for (name, file) in [("all", None), ("headlines", Some("headlines"))] {
        let sel: Vec<_> = sts.iter().filter(|p| file.is_none_or(|f| p.file == f)).collect();
        let texts: Vec<(&str, &str)> = sel.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
        let probs: Vec<f64> =
            pair_features(&texts, idf).into_iter().map(|values| model.probability(&Features { values })).collect();
        let gold: Vec<f64> = sel.iter().map(|p| p.score).collect();
        let what = match file {
            None => format!("STS Benchmark dev, all {} pairs", sel.len()),
            Some(f) => format!("STS Benchmark dev, `{f}` ({} pairs)", sel.len()),
        };
        sec.rows.push(Row::new(format!("sts.{name}.pearson"), format!("{what}: Pearson"), pearson(&probs, &gold), Unit::Correlation, STS_ANCHOR));
        sec.rows.push(Row::new(format!("sts.{name}.spearman"), format!("{what}: Spearman"), spearman(&probs, &gold), Unit::Correlation, STS_ANCHOR));
    }
    sec.notes.push("STS: the shipped model's match probability against the 0–5 gold similarity.".to_string());
    Ok(())
}
