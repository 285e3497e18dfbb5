//! Experiment aid: one story through matching and the graph stage under
//! several settings (lexical or semantic scorer, paraphrase cut, cluster
//! cohesion), one JSON report per setting, for scoring with
//! `../shared/eval/score.py`. Extraction and embedding run once.
//!
//! ```text
//! cargo run --release -p crosscheck-embed --features semantic --example sweep -- STORY OUTDIR [SEMANTIC_MODEL.json]
//! ```

use std::path::PathBuf;

use crosscheck_embed::{cosine, load_or_explain, nearest_pairs, union_candidates, NeighbourOptions};
use crosscheck_graph::{GraphOptions, ScoredPair};
use crosscheck_match::semantic::{decide_semantic, SemanticModel};
use crosscheck_match::{candidates_with, decide_with, prepare, Model, Thresholds};
use rayon::prelude::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let story = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    std::fs::create_dir_all(&out)?;
    let sm = match args.get(2) {
        Some(p) => SemanticModel::from_json(&std::fs::read_to_string(p)?)?,
        None => SemanticModel::embedded()?,
    };
    let report = crosscheck_pipeline::extract(&story, &Default::default())?;
    let prepared: Vec<_> = report.claims.par_iter().map(prepare).collect();
    let article_of = crosscheck_pipeline::article_of(&report);
    let texts: Vec<&str> = report.claims.iter().map(|c| c.text.as_str()).collect();
    let vectors = load_or_explain(None).map_err(|d| d.message)?.embed(&texts)?;
    let model = Model::embedded()?;
    for semantic in [false, true] {
        for cut in [0.5, 0.45, 0.4, 0.35, 0.3] {
            for cohesion in [0.45, 0.35] {
                let t = Thresholds { paraphrase_score: Some(cut), ..Thresholds::default() };
                let mut cands = candidates_with(&prepared, &article_of, &t);
                if semantic {
                    cands = union_candidates(&cands, &nearest_pairs(&vectors, &article_of, &NeighbourOptions::default()));
                }
                let pairs: Vec<ScoredPair> = cands
                    .par_iter()
                    .filter_map(|&(a, b)| {
                        let d = if semantic {
                            decide_semantic(&sm, &t, &prepared[a], &prepared[b], f64::from(cosine(&vectors[a], &vectors[b])))
                        } else {
                            decide_with(&model, &t, &prepared[a], &prepared[b])
                        };
                        d.kind.map(|kind| ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features.into() })
                    })
                    .collect();
                let g = GraphOptions { cluster_cohesion: cohesion, ..GraphOptions::default() };
                let mut r = report.clone();
                let analysis = crosscheck_graph::analyse(&r.articles, &r.claims, &pairs, &g);
                crosscheck_pipeline::attach(&mut r, analysis);
                let name = format!("{}-{cut}-{cohesion}.json", if semantic { "sem" } else { "lex" });
                std::fs::write(out.join(name), serde_json::to_string(&r)?)?;
            }
        }
    }
    Ok(())
}
