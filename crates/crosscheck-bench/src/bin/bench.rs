//! `bench`: whole-pipeline measurements (see `docs/benchmarks.md`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crosscheck_bench::cli::{exit_code, GenArgs};
use crosscheck_bench::harness::{ExtractRate, Harness, ScalePlan, ScaleReport, ThreadsReport};
use crosscheck_bench::measure::machine;
use crosscheck_bench::peer::{PeerCommand, PeerReport};
use crosscheck_bench::run::{run_stages, run_whole};
use crosscheck_bench::BenchError;

/// The allocator of the `crosscheck` binary, so that in-process measurements
/// (`extract-rate`) run as the command line does.
#[global_allocator]
static GLOBAL: crosscheck_alloc::Allocator = crosscheck_alloc::Allocator;

/// Measure crosscheck on synthetic stories built from the shared corpora.
#[derive(Debug, Parser)]
#[command(name = "bench", about)]
struct Cli {
    /// Work folder for stories, reports and results.
    #[arg(long, global = true, default_value_os_t = default_work())]
    work: PathBuf,
    /// The shared folder (corpora, eval, gold, seeds).
    #[arg(long, global = true, default_value = "../shared")]
    shared: PathBuf,
    /// Suffix of the results file name (`results/scale-TAG.json`).
    #[arg(long, global = true)]
    tag: Option<String>,
    #[command(flatten)]
    story: GenArgs,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// One measured run in this process (used as the child); prints JSON.
    RunOne {
        /// The story.
        #[arg(long)]
        story: PathBuf,
        /// Where to write the report.
        #[arg(long)]
        out: PathBuf,
        /// Time each stage on its own.
        #[arg(long)]
        stages: bool,
    },
    /// Time, memory and throughput per N, and the fitted exponent.
    Scale {
        /// Story sizes.
        #[arg(long, value_delimiter = ',', default_value = "100,1000,2000,4000,8000,10000,16000,20000")]
        ns: Vec<usize>,
        /// Runs per N (the median is reported).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Runs per N from --large-from articles on.
        #[arg(long, default_value_t = 3)]
        runs_large: usize,
        /// Where --runs-large starts.
        #[arg(long, default_value_t = 8_000)]
        large_from: usize,
        /// Rayon threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Also one run per N with each stage timed.
        #[arg(long)]
        stages: bool,
    },
    /// 1 vs 2 threads: speed-up and byte-identical output.
    Threads {
        /// Story size.
        #[arg(long, default_value_t = 10_000)]
        n: usize,
        /// Runs per thread count.
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Single-threaded segmentation and extraction MB/s on FNC-1 bodies.
    ExtractRate {
        /// Runs (the median is reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// crosscheck vs the Python peer on one story, and both on the seed gold.
    Peer {
        /// Story size.
        #[arg(long, default_value_t = 1_000)]
        n: usize,
        /// Runs each.
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Python with spaCy and rapidfuzz (see bench/peer/install.sh).
        #[arg(long, default_value = "bench/peer/.venv/bin/python")]
        python: PathBuf,
        /// The peer script.
        #[arg(long, default_value = "bench/peer/peer.py")]
        script: PathBuf,
    },
    /// The training run of a profile-guided build (bench/pgo/build.sh):
    /// the whole pipeline once over a story without FNC-1 text.
    PgoTrain {
        /// Story size.
        #[arg(long, default_value_t = 2_000)]
        n: usize,
    },
    /// Prints the machine description.
    Machine,
}

fn default_work() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from).join("bench-work")
}

fn main() -> ExitCode {
    exit_code(run(Cli::parse()))
}

fn run(cli: Cli) -> Result<(), BenchError> {
    if let Cmd::RunOne { story, out, stages } = &cli.command {
        let r = if *stages { run_stages(story, out)? } else { run_whole(story, out)? };
        println!("{}", serde_json::to_string(&r)?);
        return Ok(());
    }
    if !cli.shared.join("corpora").is_dir() {
        return Err(BenchError::MissingCorpora { path: cli.shared.join("corpora") });
    }
    let exe = std::env::current_exe().map_err(|e| BenchError::io("bench", e))?;
    let mut h = Harness::new(exe, cli.work.clone(), cli.shared.clone(), cli.story.config(0));
    let tag = cli.tag.as_deref().map_or_else(String::new, |t| format!("-{t}"));
    let save = |name: &str, value: &dyn erased::Json| save(&cli.work, &format!("{name}{tag}"), value);
    match cli.command {
        Cmd::RunOne { .. } => Ok(()),
        Cmd::Machine => save("machine", &machine()),
        Cmd::PgoTrain { n } => {
            let r = h.train(n)?;
            println!("trained on {} articles, {} claims, {} clusters in {:.2} s", r.articles, r.claims, r.clusters, r.wall);
            Ok(())
        }
        Cmd::Scale { ns, runs, runs_large, large_from, threads, stages } => {
            let r = h.scale(&ns, &ScalePlan { runs, runs_large, large_from, threads, stages })?;
            print_scale(&r);
            save("scale", &r)
        }
        Cmd::Threads { n, runs } => {
            let r = h.threads(n, runs)?;
            print_threads(&r);
            save("threads", &r)
        }
        Cmd::ExtractRate { runs } => {
            let r = h.extraction_rate(runs)?;
            print_rate(&r);
            save("extract-rate", &r)
        }
        Cmd::Peer { n, runs, python, script } => {
            let r = h.peer(n, runs, &PeerCommand { python, script })?;
            print_peer(&r);
            save("peer", &r)
        }
    }
}

/// Serialisable values behind one reference type.
mod erased {
    /// Anything that serialises to JSON.
    pub trait Json {
        /// The value as JSON.
        fn to_json(&self) -> Result<serde_json::Value, serde_json::Error>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> Result<serde_json::Value, serde_json::Error> {
            serde_json::to_value(self)
        }
    }
}

fn save(work: &Path, name: &str, value: &dyn erased::Json) -> Result<(), BenchError> {
    let value = value.to_json()?;
    let dir = work.join("results");
    std::fs::create_dir_all(&dir).map_err(|e| BenchError::io(&dir, e))?;
    let path = dir.join(format!("{name}.json"));
    let wrapped = serde_json::json!({ "machine": machine(), "result": value });
    std::fs::write(&path, serde_json::to_string_pretty(&wrapped)?).map_err(|e| BenchError::io(&path, e))?;
    eprintln!("saved {}", path.display());
    Ok(())
}

fn print_scale(r: &ScaleReport) {
    println!("| N | MB | claims | runs | wall median (min–max) | CPU | peak RSS | claims/s | MB/s | load |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in &r.rows {
        println!(
            "| {} | {:.1} | {} | {} | {:.2} s ({:.2}–{:.2}) | {:.2} s | {:.0} MiB | {:.0} | {:.2} | {:.1} |",
            row.n,
            row.bytes as f64 / 1e6,
            row.claims,
            row.runs.len(),
            row.wall,
            row.wall_min,
            row.wall_max,
            row.cpu,
            row.peak_mib,
            row.claims_per_s,
            row.mb_per_s,
            row.load_average
        );
    }
    if r.rows.iter().any(|x| x.stages.is_some()) {
        println!("\nStage CPU seconds (one stage-timed run per N):\n");
        println!("| N | load | extract | prepare | candidates (pairs) | decide (matched) | graph | write |");
        println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for row in &r.rows {
            if let Some(s) = row.stages.as_ref().and_then(|x| x.stages_cpu.as_ref()) {
                println!(
                    "| {} | {:.2} | {:.2} | {:.2} | {:.2} ({}) | {:.2} ({}) | {:.2} | {:.2} |",
                    row.n, s.load, s.extract, s.prepare, s.candidates, s.candidate_pairs, s.decide, s.matched_pairs, s.graph, s.write
                );
            }
        }
    }
    for (what, fit) in [("wall", &r.fit), ("CPU", &r.fit_cpu)] {
        match fit {
            Some(f) => println!("\nexponent of {what} time (∝ N^b, N in 1,000..16,000, {} points): b = {:.3}, r² = {:.4}", f.points, f.exponent, f.r2),
            None => println!("\nexponent of {what} time: fewer than two sizes in 1,000..16,000"),
        }
    }
}

fn print_threads(r: &ThreadsReport) {
    println!(
        "N = {}: 1 thread {:?} s (CPU {:?}), 2 threads {:?} s (CPU {:?}), speed-up {:.2}×, load average {:.1}",
        r.n, r.one, r.one_cpu, r.two, r.two_cpu, r.speedup, r.load_average
    );
    if r.identical {
        println!("reports byte-identical for 1 and 2 threads: yes");
    } else {
        println!("reports byte-identical for 1 and 2 threads: NO; differing paths: {:?}", r.differing);
    }
}

fn print_rate(r: &ExtractRate) {
    println!(
        "FNC-1 bodies: {} documents, {:.2} MB, {} claims; single thread, median of {}: segmentation {:.1} MB/s, extraction {:.1} MB/s, both {:.1} MB/s",
        r.documents, r.bytes as f64 / 1e6, r.claims, r.runs, r.segment_mb_s, r.extract_mb_s, r.both_mb_s
    );
}

fn print_peer(r: &PeerReport) {
    let walls = |v: Vec<f64>| v.iter().map(|x| format!("{x:.2}")).collect::<Vec<_>>().join(", ");
    println!("N = {}", r.n);
    println!("crosscheck (all cores) process wall: {} s", walls(r.crosscheck.iter().map(|x| x.process_wall).collect()));
    println!("crosscheck (1 thread)  process wall: {} s", walls(r.crosscheck_one_thread.iter().map(|x| x.process_wall).collect()));
    println!("peer                   process wall: {} s", walls(r.peer.iter().map(|x| x.process_wall).collect()));
    println!("peer / crosscheck: {:.1}× (all cores), {:.1}× (crosscheck on 1 thread)", r.ratio, r.ratio_one_thread);
    println!("seed gold, crosscheck: {}", r.crosscheck_seed);
    println!("seed gold, peer:       {}", r.peer_seed);
}
