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
use crosscheck_match::training::{cross_validate, pair_features, read_mrpc, read_sts};
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

    // Optional second corpus: STS Benchmark news pairs (graded 0–5), kept
    // when clearly the same (≥ 4) or clearly different (≤ 2). MRPC's
    // negatives all share most of their words, so on MRPC alone the cosine
    // learns little about paraphrases that share few words; STS news pairs
    // teach it. They are added to every training fold; the held-out folds
    // stay MRPC-only, so the cross-validated figure is still MRPC's.
    let (extra_x, extra_y) = match std::env::var_os("CROSSCHECK_TRAIN_STS") {
        Some(path) => sts_rows(Path::new(&path), &embedder, &mut cache, &cache_path)?,
        None => (Vec::new(), Vec::new()),
    };
    let cv_lex = cross_validate(&lexical, &ys, FOLDS, L2)?;
    let cv_cos = cross_validate_named(&cos_only, &ys, FOLDS, L2)?;
    let cv_sem = if extra_x.is_empty() {
        cross_validate_named(&semantic, &ys, FOLDS, L2)?
    } else {
        cross_validate_with_extra(&semantic, &ys, &extra_x, &extra_y)?
    };
    println!("MRPC train: {} pairs, {} positive", ys.len(), ys.iter().filter(|y| **y).count());
    println!("{FOLDS}-fold CV lexical only : accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_lex.accuracy, 100.0 * cv_lex.f1);
    println!("{FOLDS}-fold CV cosine only  : accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_cos.accuracy, 100.0 * cv_cos.f1);
    println!("{FOLDS}-fold CV lexical+cosine: accuracy {:.2} %, F1 {:.2} %", 100.0 * cv_sem.accuracy, 100.0 * cv_sem.f1);

    let all_x: Vec<Vec<f64>> = semantic.iter().chain(&extra_x).cloned().collect();
    let all_y: Vec<bool> = ys.iter().chain(&extra_y).copied().collect();
    let mut model = fit_semantic(&all_x, &all_y, L2)?;
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
        corpus: if extra_x.is_empty() {
            "MRPC msr_paraphrase_train.txt; cosine of all-MiniLM-L6-v2 embeddings".into()
        } else {
            format!("MRPC msr_paraphrase_train.txt + {} STS Benchmark train news pairs (score >= 4 same, <= 2 different); cosine of all-MiniLM-L6-v2 embeddings; CV folds hold out MRPC rows only", extra_y.len())
        },
        pairs: all_y.len(),
        positives: all_y.iter().filter(|y| **y).count(),
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

/// STS Benchmark news pairs as training rows: lexical features plus
/// cosine, label true for a gold score of at least 4, false for at most 2
/// (the pairs in between are left out).
fn sts_rows(
    path: &Path,
    embedder: &Embedder,
    cache: &mut EmbeddingCache,
    cache_path: &Path,
) -> Result<(Vec<Vec<f64>>, Vec<bool>), Box<dyn std::error::Error>> {
    let sts: Vec<_> = read_sts(path)?.into_iter().filter(|p| p.genre == "main-news" && (p.score >= 4.0 || p.score <= 2.0)).collect();
    let texts: Vec<&str> = sts.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]).collect();
    let vectors = embed_cached(embedder, cache, &texts)?;
    cache.save(cache_path)?;
    let pairs: Vec<(&str, &str)> = sts.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    let lexical = pair_features(&pairs, IdfTable::embedded());
    let xs = lexical.into_iter().zip(vectors.chunks(2)).map(|(x, v)| x.into_iter().chain([f64::from(cosine(&v[0], &v[1]))]).collect()).collect();
    let ys = sts.iter().map(|p| p.score >= 4.0).collect();
    println!("STS news: {} pairs kept", sts.len());
    Ok((xs, ys))
}

/// MRPC cross-validation with `extra` rows added to every training fold:
/// row `i` of MRPC is held out in fold `i % FOLDS`, as in the lexical
/// protocol; the score is over the held-out MRPC rows.
fn cross_validate_with_extra(
    xs: &[Vec<f64>],
    ys: &[bool],
    extra_x: &[Vec<f64>],
    extra_y: &[bool],
) -> Result<crosscheck_match::training::Scores, Box<dyn std::error::Error>> {
    let names = crosscheck_match::semantic::semantic_feature_names();
    let mut pred = vec![false; ys.len()];
    for fold in 0..FOLDS {
        let keep = |i: &usize| i % FOLDS != fold;
        let tx: Vec<Vec<f64>> = (0..xs.len()).filter(keep).map(|i| xs[i].clone()).chain(extra_x.iter().cloned()).collect();
        let ty: Vec<bool> = (0..ys.len()).filter(keep).map(|i| ys[i]).chain(extra_y.iter().copied()).collect();
        let m = crosscheck_match::model::fit_named(&tx, &ty, L2, &names)?;
        for i in (0..xs.len()).filter(|i| i % FOLDS == fold) {
            pred[i] = crosscheck_match::semantic_training::probability(&m, &xs[i]) >= m.threshold;
        }
    }
    Ok(crosscheck_match::training::scores(&pred, ys))
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
