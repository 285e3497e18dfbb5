//! A story through the pipeline with semantic matching, compared with the
//! lexical run: the reference for wiring `crosscheck-embed` into
//! `crosscheck-pipeline` (the function [`semantic_pairs`] is the code the
//! pipeline's `analyse` should run).
//!
//! ```text
//! cargo run --release -p crosscheck-embed --features semantic --example semantic_check -- data/demo
//! ```
//!
//! Prints the candidate and edge counts of both runs, the pairs only the
//! semantic run matched, and the embedding speed on the story's claims
//! (the story's embedding cache is bypassed for that measurement).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crosscheck_core::{ArticleId, Diagnostic, Report};
use crosscheck_embed::{cosine, embed_cached, nearest_pairs, story_cache_path, union_candidates, EmbeddingCache, NeighbourOptions};
use crosscheck_graph::ScoredPair;
use crosscheck_match::semantic::{decide_semantic, SemanticModel};
use crosscheck_match::{candidates_with, decide_with, prepare, Model, Prepared, Thresholds};
use rayon::prelude::*;

fn main() -> ExitCode {
    let story = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "data/demo".into()));
    match run(&story) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("semantic_check: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(story: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let opts = crosscheck_pipeline::Options::default();
    let report = crosscheck_pipeline::extract(story, &opts)?;
    let t = &opts.matching;
    let (lexical, _) = semantic_pairs(&report, t, None)?;
    let (semantic, diags) = semantic_pairs(&report, t, crosscheck_embed::default_model_dir().ok().as_deref())?;
    for d in &diags {
        eprintln!("warning: {}", d.message);
    }
    println!("{} claims in {} articles", report.claims.len(), report.articles.len());
    println!("lexical : {} edges", lexical.len());
    println!("semantic: {} edges", semantic.len());
    let lex: BTreeMap<(usize, usize), &ScoredPair> = lexical.iter().map(|p| ((p.a, p.b), p)).collect();
    for p in &semantic {
        let was = lex.get(&(p.a, p.b)).map(|q| format!("{:?}", q.kind)).unwrap_or_else(|| "-".into());
        if was != format!("{:?}", p.kind) {
            let cos = p.features.get("cosine").copied().unwrap_or(f64::NAN);
            println!("  {:?} (lexical {was}), score {:.2}, cosine {cos:.2}", p.kind, p.score);
            println!("    {}\n    {}", report.claims[p.a].text, report.claims[p.b].text);
        }
    }
    speed(&report)
}

/// The matching stage of `crosscheck_pipeline::analyse`, semantic when the
/// model loads from `model_dir`, lexical (with the one "semantic off"
/// warning) otherwise. `model_dir: None` forces the lexical path.
pub fn semantic_pairs(
    report: &Report,
    t: &Thresholds,
    model_dir: Option<&Path>,
) -> Result<(Vec<ScoredPair>, Vec<Diagnostic>), Box<dyn std::error::Error>> {
    let model = Model::embedded()?;
    let prepared: Vec<Prepared> = report.claims.par_iter().map(prepare).collect();
    let ids: BTreeMap<&ArticleId, usize> = report.articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let article_of: Vec<usize> = report.claims.iter().map(|c| ids.get(&c.article).copied().unwrap_or(0)).collect();
    let mut candidates = candidates_with(&prepared, &article_of, t);
    let mut diagnostics = Vec::new();
    let semantic = match model_dir.map(|d| crosscheck_embed::load_or_explain(Some(d))) {
        Some(Ok(embedder)) => {
            let texts: Vec<&str> = report.claims.iter().map(|c| c.text.as_str()).collect();
            let cache_path = story_cache_path(Path::new(&report.story)).ok();
            let mut cache = cache_path
                .as_deref()
                .and_then(|p| EmbeddingCache::load(p, embedder.model_id(), embedder.dim()).ok())
                .unwrap_or_else(|| EmbeddingCache::new(embedder.model_id(), embedder.dim()));
            let vectors = embed_cached(&embedder, &mut cache, &texts)?;
            if let (Some(p), true) = (cache_path.as_deref(), cache.is_dirty()) {
                if let Err(e) = cache.save(p) {
                    diagnostics.push(Diagnostic::warning(p.display().to_string(), format!("embedding cache not saved: {e}")));
                }
            }
            let neighbours = nearest_pairs(&vectors, &article_of, &NeighbourOptions::default());
            candidates = union_candidates(&candidates, &neighbours);
            Some((SemanticModel::embedded()?, vectors))
        }
        Some(Err(off)) => {
            diagnostics.push(off);
            None
        }
        None => None,
    };
    let pairs = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let d = match &semantic {
                Some((sm, v)) => decide_semantic(sm, t, &prepared[a], &prepared[b], f64::from(cosine(&v[a], &v[b]))),
                None => decide_with(&model, t, &prepared[a], &prepared[b]),
            };
            d.kind.map(|kind| ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features.into() })
        })
        .collect();
    Ok((pairs, diagnostics))
}

/// Claims embedded per second, without the cache.
fn speed(report: &Report) -> Result<(), Box<dyn std::error::Error>> {
    let Ok(embedder) = crosscheck_embed::load_or_explain(None) else { return Ok(()) };
    let texts: Vec<&str> = report.claims.iter().map(|c| c.text.as_str()).collect();
    let t0 = Instant::now();
    let v = embedder.embed(&texts)?;
    let s = t0.elapsed().as_secs_f64();
    println!("embedded {} claims in {s:.2} s: {:.1} claims/s", v.len(), v.len() as f64 / s);
    Ok(())
}
