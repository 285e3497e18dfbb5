//! Train the semantic matcher on MRPC and write
//! `crates/crosscheck-match/model/weights-semantic.json`.
//!
//! ```text
//! cargo run --release -p crosscheck-embed --features semantic --example train_semantic -- \
//!     ../shared/corpora/mrpc/msr_paraphrase_train.txt
//! ```
//!
//! Needs the model (`crosscheck model install`, or
//! `crosscheck_embed::install`). The ~8 000 MRPC sentences are embedded
//! once and cached in `$TMPDIR/crosscheck-mrpc-embeddings.bin`, so later
//! runs only fit. Prints the 10-fold cross-validated accuracy of the
//! lexical features alone, of the cosine alone and of both, and the
//! embedding speed. `CROSSCHECK_TRAIN_DRY_RUN=1` skips writing the file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_embed::{cosine, embed_cached, Embedder, EmbeddingCache};
use crosscheck_match::model::TrainingInfo;
use crosscheck_match::semantic_training::{cross_validate_named, evaluate_named, fit_semantic};
use crosscheck_match::training::{cross_validate, pair_features, read_mrpc};
use crosscheck_match::IdfTable;

/// L2 penalty on standardised weights (as the lexical model).
const L2: f64 = 1.0;
/// Cross-validation folds (as the lexical model).
const FOLDS: usize = 10;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_semantic: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mrpc_path = PathBuf::from(args.first().map_or("../shared/corpora/mrpc/msr_paraphrase_train.txt", String::as_str));
    let mrpc = read_mrpc(&mrpc_path)?;
    let dir = crosscheck_embed::default_model_dir()?;
    let embedder = Embedder::load(&dir)?;

    // MRPC is tokenised ("Dominick 's", "does n't", "5 %"); claims in a
    // story are not. Embed the sentences as running text, as claims are.
    let detok: Vec<String> = mrpc.iter().flat_map(|p| [detokenize(&p.a), detokenize(&p.b)]).collect();
    let texts: Vec<&str> = detok.iter().map(String::as_str).collect();
    let cache_path = std::env::temp_dir().join("crosscheck-mrpc-embeddings.bin");
    let mut cache = EmbeddingCache::load(&cache_path, embedder.model_id(), embedder.dim())?;
    let before = cache.len();
    let t0 = Instant::now();
    let vectors = embed_cached(&embedder, &mut cache, &texts)?;
    let secs = t0.elapsed().as_secs_f64();
    let fresh = cache.len() - before;
    if fresh > 0 {
        println!("embedded {fresh} new sentences in {secs:.1} s: {:.1} sentences/s", fresh as f64 / secs);
        cache.save(&cache_path)?;
    } else {
        println!("all {} sentences cached in {}", cache.len(), cache_path.display());
    }

    let cos: Vec<f64> = vectors.chunks(2).map(|p| f64::from(cosine(&p[0], &p[1]))).collect();
    let pairs: Vec<(&str, &str)> = mrpc.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    let lexical = pair_features(&pairs, IdfTable::embedded());
    let ys: Vec<bool> = mrpc.iter().map(|p| p.label).collect();
    let semantic: Vec<Vec<f64>> = lexical.iter().zip(&cos).map(|(x, c)| x.iter().copied().chain([*c]).collect()).collect();
    let cos_only: Vec<Vec<f64>> = cos.iter().map(|c| vec![*c]).collect();

    let cv_lex = cross_validate(&lexical, &ys, FOLDS, L2)?;
    let cv_cos = cross_validate_named(&cos_only, &ys, FOLDS, L2)?;
    let cv_sem = cross_validate_named(&semantic, &ys, FOLDS, L2)?;
    println!("MRPC train: {} pairs, {} positive", ys.len(), ys.iter().filter(|y| **y).count());
    println!("{FOLDS}-fold CV lexical only : accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_lex.accuracy, 100.0 * cv_lex.f1);
    println!("{FOLDS}-fold CV cosine only  : accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_cos.accuracy, 100.0 * cv_cos.f1);
    println!("{FOLDS}-fold CV lexical+cosine: accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_sem.accuracy, 100.0 * cv_sem.f1);

    let mut model = fit_semantic(&semantic, &ys, L2)?;
    let train = evaluate_named(model.model(), &semantic, &ys);
    println!("final model on its training data: accuracy {:.2} %", 100.0 * train.accuracy);
    let m = model.model();
    for (n, w) in m.names.iter().zip(&m.weights) {
        println!("  {n:>24} {w:+.3}");
    }
    let mut sts = std::collections::BTreeMap::new();
    sts.insert("cv_accuracy_lexical_only".to_string(), round4(cv_lex.accuracy));
    sts.insert("cv_accuracy_cosine_only".to_string(), round4(cv_cos.accuracy));
    model.model_mut().training = TrainingInfo {
        command: "cargo run --release -p crosscheck-embed --features semantic --example train_semantic -- ../shared/corpora/mrpc/msr_paraphrase_train.txt".into(),
        corpus: "MRPC msr_paraphrase_train.txt; cosine of all-MiniLM-L6-v2 embeddings".into(),
        pairs: ys.len(),
        positives: ys.iter().filter(|y| **y).count(),
        cv_folds: FOLDS,
        cv_accuracy: round4(cv_sem.accuracy),
        cv_f1: round4(cv_sem.f1),
        train_accuracy: round4(train.accuracy),
        sts_dev: sts,
    };
    if std::env::var_os("CROSSCHECK_TRAIN_DRY_RUN").is_none() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crosscheck-match/model/weights-semantic.json");
        std::fs::write(&path, model.to_json()? + "\n")?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Undo MRPC's Penn-Treebank-style tokenisation: clitics and punctuation
/// rejoined to their words, quote pairs back to `"`.
fn detokenize(s: &str) -> String {
    let mut t = format!(" {s} ");
    for (from, to) in [
        (" `` ", " \""),
        (" '' ", "\" "),
        (" n't ", "n't "),
        (" 's ", "'s "),
        (" 're ", "'re "),
        (" 've ", "'ve "),
        (" 'll ", "'ll "),
        (" 'd ", "'d "),
        (" 'm ", "'m "),
        (" , ", ", "),
        (" . ", ". "),
        (" ; ", "; "),
        (" : ", ": "),
        (" ? ", "? "),
        (" ! ", "! "),
        (" % ", "% "),
        (" $ ", " $"),
        (" ( ", " ("),
        (" ) ", ") "),
    ] {
        while t.contains(from) {
            t = t.replace(from, to);
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
