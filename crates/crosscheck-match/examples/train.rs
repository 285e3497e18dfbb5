//! Train the matcher on MRPC and rewrite `model/weights.json` and `model/idf.tsv`.
//!
//! ```text
//! cargo run --release -p crosscheck-match --example train -- ../shared/corpora/mrpc/msr_paraphrase_train.txt
//! ```
//!
//! The STS Benchmark files are looked for in `../stsbenchmark/` next to the
//! MRPC folder: `sts-train.csv` contributes to the IDF table, `sts-dev.csv`
//! is the calibration check. Prints 10-fold cross-validated accuracy and F1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck_match::model::fit;
use crosscheck_match::training::{cross_validate, evaluate, pair_features, pearson, read_mrpc, read_sts, spearman};
use crosscheck_match::{IdfTable, MatchError, Model};

/// L2 penalty on standardised weights.
const L2: f64 = 1.0;
/// Cross-validation folds.
const FOLDS: usize = 10;
/// Stems seen in fewer sentences are left out of the shipped IDF table.
const IDF_MIN_DF: u32 = 2;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), MatchError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mrpc_path = PathBuf::from(args.first().map_or("../shared/corpora/mrpc/msr_paraphrase_train.txt", String::as_str));
    let sts_dir = mrpc_path.parent().unwrap_or(Path::new(".")).join("../stsbenchmark");
    let mrpc = read_mrpc(&mrpc_path)?;
    let sts_train = read_sts(&sts_dir.join("sts-train.csv"))?;
    let sts_dev = read_sts(&sts_dir.join("sts-dev.csv"))?;

    let docs = mrpc.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]).chain(sts_train.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]));
    let idf = IdfTable::from_documents(docs);
    let idf = IdfTable::from_tsv(&idf.to_tsv(IDF_MIN_DF))?;

    let pairs: Vec<(&str, &str)> = mrpc.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    let xs = pair_features(&pairs, &idf);
    let ys: Vec<bool> = mrpc.iter().map(|p| p.label).collect();
    let cv = cross_validate(&xs, &ys, FOLDS, L2)?;
    let mut model = fit(&xs, &ys, L2)?;
    let train = evaluate(&model, &xs, &ys);
    println!("MRPC train: {} pairs, {} positive", ys.len(), ys.iter().filter(|y| **y).count());
    println!("{FOLDS}-fold CV: accuracy {:.2} %, F1 {:.2} %", 100.0 * cv.accuracy, 100.0 * cv.f1);
    println!("final model on its training data: accuracy {:.2} % (threshold {:.3})", 100.0 * train.accuracy, model.threshold);

    let sts = sts_figures(&model, &sts_dev, &idf);
    for (k, v) in &sts {
        println!("STS dev {k}: {v:.4}");
    }
    for (n, w) in model.names.iter().zip(&model.weights) {
        println!("  {n:>24} {w:+.3}");
    }
    model.training = crosscheck_match::model::TrainingInfo {
        command: "cargo run --release -p crosscheck-match --example train -- ../shared/corpora/mrpc/msr_paraphrase_train.txt".into(),
        corpus: "MRPC msr_paraphrase_train.txt".into(),
        pairs: ys.len(),
        positives: ys.iter().filter(|y| **y).count(),
        cv_folds: FOLDS,
        cv_accuracy: round4(cv.accuracy),
        cv_f1: round4(cv.f1),
        train_accuracy: round4(train.accuracy),
        sts_dev: sts.into_iter().map(|(k, v)| (k, round4(v))).collect(),
    };
    if std::env::var_os("CROSSCHECK_TRAIN_DRY_RUN").is_none() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
        write(&dir.join("weights.json"), &(model.to_json()? + "\n"))?;
        write(&dir.join("idf.tsv"), &idf.to_tsv(IDF_MIN_DF))?;
        println!("wrote {}", dir.display());
    }
    Ok(())
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn write(path: &Path, text: &str) -> Result<(), MatchError> {
    std::fs::write(path, text).map_err(|source| MatchError::Io { path: path.display().to_string(), source })
}

/// Pearson and Spearman of match probabilities against STS gold, over all
/// dev pairs and over the `headlines` file.
fn sts_figures(model: &Model, sts: &[crosscheck_match::training::StsPair], idf: &IdfTable) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    for (name, keep) in [("all", None), ("headlines", Some("headlines"))] {
        let sel: Vec<_> = sts.iter().filter(|p| keep.is_none_or(|f| p.file == f)).collect();
        let pairs: Vec<(&str, &str)> = sel.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
        let probs: Vec<f64> = pair_features(&pairs, idf)
            .into_iter()
            .map(|values| model.probability(&crosscheck_match::Features { values }))
            .collect();
        let gold: Vec<f64> = sel.iter().map(|p| p.score).collect();
        out.push((format!("pearson_{name}"), pearson(&probs, &gold)));
        out.push((format!("spearman_{name}"), spearman(&probs, &gold)));
        out.push((format!("pairs_{name}"), sel.len() as f64));
    }
    out
}

