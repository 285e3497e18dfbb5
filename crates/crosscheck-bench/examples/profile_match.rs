//! Single-threaded cost of the matcher on one story, for profiling:
//! `prepare` of every claim, `features` and `decide_with` of the first
//! `MAX` candidate pairs, each timed in CPU seconds; with `graph`, the
//! graph stage (`crosscheck_graph::analyse`) on the decided pairs.
//!
//! ```sh
//! cargo run --release -p crosscheck-bench --example profile_match -- STORY [MAX_PAIRS] [features|decide|both|graph [REPORT.json]]
//! valgrind --tool=callgrind target/release/examples/profile_match STORY 2000 decide
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_bench::cli::or_exit;
use crosscheck_bench::measure::cpu_seconds;
use crosscheck_pipeline::Options;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(story) = args.next().map(PathBuf::from) else {
        eprintln!("usage: profile_match STORY [MAX_PAIRS] [features|decide|both|graph]");
        std::process::exit(2);
    };
    let max: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let what = args.next().unwrap_or_else(|| "both".into());
    let dump = args.next();
    let opts = Options::default();
    let loaded = or_exit(crosscheck_text::load_story(&story, &opts.ingest));
    let report = crosscheck_pipeline::extract_story(&loaded, &opts);
    let model = or_exit(crosscheck_match::Model::embedded());
    if what == "graph" {
        let prepared = crosscheck_pipeline::prepare_claims(&report);
        let article_of = crosscheck_pipeline::article_of(&report);
        let cands = crosscheck_match::candidates_with(&prepared, &article_of, &opts.matching);
        let pairs = crosscheck_pipeline::score_candidates(&model, &prepared, &cands, &opts.matching);
        drop(prepared);
        let (analysis, cpu, wall) = timed(|| crosscheck_graph::analyse(&report.articles, &report.claims, &pairs, &opts.graph));
        println!(
            "graph: {} claims, {} pairs, {} clusters: {:.2} CPU s, {:.2} wall s",
            report.claims.len(),
            pairs.len(),
            analysis.clusters.len(),
            cpu,
            wall
        );
        if let Some(path) = dump {
            // The whole report, to compare builds byte for byte.
            let mut report = report;
            crosscheck_pipeline::attach(&mut report, analysis);
            if let Err(e) = std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap_or_default()) {
                eprintln!("{path}: {e}");
            }
        }
        return;
    }
    let c0 = cpu_seconds();
    let prepared: Vec<crosscheck_match::Prepared> = report.claims.iter().map(crosscheck_match::prepare).collect();
    let c1 = cpu_seconds();
    let article_of = crosscheck_pipeline::article_of(&report);
    let cands = crosscheck_match::candidates_with(&prepared, &article_of, &opts.matching);
    let c2 = cpu_seconds();
    let pairs = &cands[..cands.len().min(max)];
    println!(
        "claims {}  candidates {}  measured pairs {}  prepare {:.2} CPU s ({:.1} µs/claim)  candidates {:.2} CPU s",
        prepared.len(),
        cands.len(),
        pairs.len(),
        c1 - c0,
        (c1 - c0) * 1e6 / prepared.len().max(1) as f64,
        c2 - c1
    );
    if what == "features" || what == "both" {
        let (sum, cpu, wall) = timed(|| {
            let mut sum = 0.0;
            for &(a, b) in pairs {
                sum += crosscheck_match::features(&prepared[a], &prepared[b]).values.iter().sum::<f64>();
            }
            sum
        });
        print_per_pair("features:", cpu, wall, pairs.len(), &format!("checksum {sum:.6}"));
    }
    if what == "decide" || what == "both" {
        let (matched, cpu, wall) = timed(|| {
            let decide = |&(a, b): &(usize, usize)| crosscheck_match::decide_with(&model, &opts.matching, &prepared[a], &prepared[b]);
            pairs.iter().filter(|p| decide(p).kind.is_some()).count()
        });
        print_per_pair("decide:  ", cpu, wall, pairs.len(), &format!("matched {matched}"));
    }
}

/// The value of `work` with the CPU seconds and wall seconds it took.
fn timed<T>(work: impl FnOnce() -> T) -> (T, f64, f64) {
    let (t, c) = (Instant::now(), cpu_seconds());
    let value = work();
    let cpu = cpu_seconds() - c;
    (value, cpu, t.elapsed().as_secs_f64())
}

/// One timing line: CPU and wall seconds, CPU µs per pair, then `tail`.
fn print_per_pair(label: &str, cpu: f64, wall: f64, pairs: usize, tail: &str) {
    println!("{label} {cpu:.2} CPU s, {wall:.2} wall s, {:.2} µs/pair (CPU)  {tail}", cpu * 1e6 / pairs.max(1) as f64);
}
