//! Micro-benchmarks of the pipeline's stages on real text, kept quick:
//! `CARGO_TARGET_DIR=/work/target-bench cargo bench -p crosscheck-bench --bench stages`.
//!
//! Segmentation and extraction run on 30 FNC-1 bodies; prepare, candidates,
//! decide (its first 2,000 candidate pairs) and clustering on a 200-article
//! synthetic story. Needs `../shared`
//! beside the repository; without it the benchmarks are skipped with a note.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_bench::corpora::{fnc_bodies, load_pools};
use crosscheck_bench::{generate, GenConfig};
use crosscheck_core::{ArticleId, Format, Report};
use crosscheck_graph::ScoredPair;
use crosscheck_pipeline::Options;
use crosscheck_text::{Document, Overrides, Story};

/// FNC-1 bodies used for the text stages.
const BODIES: usize = 30;
/// Candidate pairs decided per iteration (the first ones, in order).
const DECIDE_PAIRS: usize = 2_000;
/// Articles of the synthetic story used for the matching stages.
const ARTICLES: usize = 200;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
}

fn documents(texts: &[(String, String, Option<String>)]) -> Vec<Document> {
    texts
        .iter()
        .filter_map(|(id, text, outlet)| {
            let o = Overrides { outlet: outlet.clone(), ..Overrides::default() };
            crosscheck_text::document_from_text(id, text, Format::Text, &o).ok()
        })
        .collect()
}

fn text_stages(c: &mut Criterion, bodies: &[String]) {
    let texts: Vec<(String, String, Option<String>)> =
        bodies.iter().take(BODIES).enumerate().map(|(i, b)| (format!("b{i}"), b.clone(), None)).collect();
    let bytes: usize = texts.iter().map(|t| t.1.len()).sum();
    let docs = documents(&texts);
    let opts = crosscheck_extract::ExtractOptions::default();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("segmentation (document_from_text, 30 FNC-1 bodies)", |b| b.iter(|| documents(black_box(&texts))));
    g.bench_function("extraction (extract, 30 FNC-1 bodies)", |b| {
        b.iter(|| docs.iter().map(|d| crosscheck_extract::extract(black_box(d), &opts).0.len()).sum::<usize>())
    });
    g.finish();
}

fn matching_stages(c: &mut Criterion, report: &Report) {
    let opts = Options::default();
    let model = match crosscheck_match::Model::embedded() {
        Ok(m) => m,
        Err(e) => return eprintln!("skipped matching benches: {e}"),
    };
    let prepared: Vec<_> = report.claims.iter().map(crosscheck_match::prepare).collect();
    let ids: BTreeMap<&ArticleId, usize> = report.articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let article_of: Vec<usize> = report.claims.iter().map(|c| ids.get(&c.article).copied().unwrap_or(0)).collect();
    let candidates = crosscheck_match::candidates_with(&prepared, &article_of, &opts.matching);
    let decide = |take: usize| -> Vec<ScoredPair> {
        candidates
            .iter()
            .take(take)
            .filter_map(|&(a, b)| {
                let d = crosscheck_match::decide_with(&model, &opts.matching, &prepared[a], &prepared[b]);
                d.kind.map(|kind| ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features.into() })
            })
            .collect()
    };
    let pairs = decide(usize::MAX);
    let name = |stage: &str, n: usize, what: &str| format!("{stage} ({n} {what}, {ARTICLES} articles)");
    let mut g = c.benchmark_group("match");
    g.bench_function(name("prepare", report.claims.len(), "claims"), |b| {
        b.iter(|| report.claims.iter().map(crosscheck_match::prepare).count())
    });
    g.bench_function(name("candidates", prepared.len(), "claims"), |b| {
        b.iter(|| crosscheck_match::candidates_with(black_box(&prepared), &article_of, &opts.matching).len())
    });
    let n = DECIDE_PAIRS.min(candidates.len());
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(name("decide", n, "pairs"), |b| b.iter(|| decide(DECIDE_PAIRS).len()));
    g.finish();
    let mut g = c.benchmark_group("graph");
    g.bench_function(name("clustering (graph::analyse)", pairs.len(), "pairs"), |b| {
        b.iter(|| crosscheck_graph::analyse(&report.articles, &report.claims, black_box(&pairs), &opts.graph).clusters.len())
    });
    g.finish();
}

fn synthetic_report(n: usize) -> Option<Report> {
    let pools = load_pools(&shared().join("corpora")).ok()?;
    let story = generate(&pools, &GenConfig { articles: n, ..GenConfig::default() }).ok()?;
    let texts: Vec<_> = story.articles.into_iter().map(|a| (a.id, a.text, Some(a.outlet))).collect();
    let story = Story { path: "synthetic".into(), documents: documents(&texts), diagnostics: Vec::new() };
    Some(crosscheck_pipeline::extract_story(&story, &Options::default()))
}

fn stages(c: &mut Criterion) {
    let Ok(bodies) = fnc_bodies(&shared().join("corpora/fnc-1/train_bodies.csv")) else {
        return eprintln!("skipped: {} not found", shared().join("corpora").display());
    };
    text_stages(c, &bodies);
    if let Some(report) = synthetic_report(ARTICLES) {
        matching_stages(c, &report);
    }
}

fn quick() -> Criterion {
    Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = quick(); targets = stages }
criterion_main!(benches);
