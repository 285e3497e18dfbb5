//! `bench`: whole-pipeline measurements (see `docs/benchmarks.md`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crosscheck_bench::cli::GenArgs;
use crosscheck_bench::harness::{Harness, ScaleReport, ThreadsReport, ExtractRate};
use crosscheck_bench::measure::machine;
use crosscheck_bench::peer::{PeerCommand, PeerReport};
use crosscheck_bench::run::{run_stages, run_whole};
use crosscheck_bench::BenchError;
use serde::Serialize;

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
    /// Prints the machine description.
    Machine,
}

fn default_work() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from).join("bench-work")
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
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
    match cli.command {
        Cmd::RunOne { .. } => Ok(()),
        Cmd::Machine => save(&cli.work, "machine", &machine()),
        Cmd::Scale { ns, runs, threads, stages } => {
            let r = h.scale(&ns, runs, threads, stages)?;
            print_scale(&r);
            save(&cli.work, "scale", &r)
        }
        Cmd::Threads { n, runs } => {
            let r = h.threads(n, runs)?;
            print_threads(&r);
            save(&cli.work, "threads", &r)
        }
        Cmd::ExtractRate { runs } => {
            let r = h.extraction_rate(runs)?;
            print_rate(&r);
            save(&cli.work, "extract-rate", &r)
        }
        Cmd::Peer { n, runs, python, script } => {
            let r = h.peer(n, runs, &PeerCommand { python, script })?;
            print_peer(&r);
            save(&cli.work, "peer", &r)
        }
    }
}

fn save<T: Serialize>(work: &Path, name: &str, value: &T) -> Result<(), BenchError> {
    let dir = work.join("results");
    std::fs::create_dir_all(&dir).map_err(|e| BenchError::io(&dir, e))?;
    let path = dir.join(format!("{name}.json"));
    let wrapped = serde_json::json!({ "machine": machine(), "result": value });
    std::fs::write(&path, serde_json::to_string_pretty(&wrapped)?).map_err(|e| BenchError::io(&path, e))?;
    eprintln!("saved {}", path.display());
    Ok(())
}

fn print_scale(r: &ScaleReport) {
    println!("| N | MB | claims | time median (min–max) | peak RSS | claims/s | MB/s | load |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for row in &r.rows {
        println!(
            "| {} | {:.1} | {} | {:.2} s ({:.2}–{:.2}) | {:.0} MiB | {:.0} | {:.2} | {:.1} |",
            row.n,
            row.bytes as f64 / 1e6,
            row.claims,
            row.wall,
            row.wall_min,
            row.wall_max,
            row.peak_mib,
            row.claims_per_s,
            row.mb_per_s,
            row.load_average
        );
    }
    if r.rows.iter().any(|x| x.stages.is_some()) {
        println!("\n| N | load | extract | prepare | candidates (pairs) | decide (matched) | graph | write |");
        println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for row in &r.rows {
            if let Some(s) = row.stages.as_ref().and_then(|x| x.stages.as_ref()) {
                println!(
                    "| {} | {:.2} | {:.2} | {:.2} | {:.2} ({}) | {:.2} ({}) | {:.2} | {:.2} |",
                    row.n, s.load, s.extract, s.prepare, s.candidates, s.candidate_pairs, s.decide, s.matched_pairs, s.graph, s.write
                );
            }
        }
    }
    match &r.fit {
        Some(f) => println!("\nexponent (time ∝ N^b, N in 1,000..16,000, {} points): b = {:.3}, r² = {:.4}", f.points, f.exponent, f.r2),
        None => println!("\nexponent: fewer than two sizes in 1,000..16,000"),
    }
}

fn print_threads(r: &ThreadsReport) {
    println!("N = {}: 1 thread {:?} s, 2 threads {:?} s, speed-up {:.2}×", r.n, r.one, r.two, r.speedup);
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
