//! One measured run of the pipeline on one story, meant to run in its own
//! child process so that its peak memory is its own.
//!
//! [`run_whole`] times exactly what a user runs: `crosscheck_text::load_story`
//! followed by `crosscheck_pipeline::check_story` (together identical to
//! `crosscheck_pipeline::check`), then the JSON report rendered and written.
//! [`run_stages`] re-sequences the same stage calls as
//! `crosscheck_pipeline::analyse` with a timer around each, for the profile.

use std::path::Path;
use std::time::Instant;

use crosscheck_core::Report;
use crosscheck_pipeline::Options;
use serde::{Deserialize, Serialize};

use crate::error::BenchError;
use crate::measure::{cpu_seconds, load_average, peak_rss_kib, rss_kib};

/// Seconds spent in each stage of one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stages {
    /// Reading, decoding, layout and sentence segmentation.
    pub load: f64,
    /// Claim extraction.
    pub extract: f64,
    /// `crosscheck_match::prepare` of every claim.
    pub prepare: f64,
    /// Blocking: candidate pairs.
    pub candidates: f64,
    /// Features, scores and decisions of the candidate pairs.
    pub decide: f64,
    /// Derivations, clustering, disputes, edges (`crosscheck_graph::analyse`).
    pub graph: f64,
    /// Rendering and writing the JSON report.
    pub write: f64,
    /// Candidate pairs scored.
    pub candidate_pairs: usize,
    /// Pairs decided as verbatim, paraphrase or conflict.
    pub matched_pairs: usize,
}

/// The outcome of one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunResult {
    /// Articles read.
    pub articles: usize,
    /// Bytes of article text read.
    pub bytes: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Clusters formed.
    pub clusters: usize,
    /// Edges reported.
    pub edges: usize,
    /// Rayon threads used.
    pub threads: usize,
    /// Wall time from start of reading to the report written, seconds.
    pub wall: f64,
    /// Of which reading the story.
    pub load: f64,
    /// Of which `check_story`.
    pub check: f64,
    /// Of which rendering and writing the JSON.
    pub write: f64,
    /// CPU seconds (all threads) over the same span as `wall`.
    #[serde(default)]
    pub cpu: f64,
    /// The per-stage breakdown, for stage runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<Stages>,
    /// The same breakdown in CPU seconds, for stage runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages_cpu: Option<Stages>,
    /// Resident memory (MiB) after each stage, for stage runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rss_after_stage_mib: Vec<(String, f64)>,
    /// Peak resident memory of the process, KiB.
    pub peak_rss_kib: u64,
    /// One-minute load average at the end of the run.
    pub load_average: f64,
}

/// The report as the CLI writes it (pretty JSON and a final newline).
pub fn render_report(report: &Report) -> Result<String, BenchError> {
    Ok(crosscheck_report::json::render(report))
}

/// Writes the report as `crosscheck check --out FILE.json` does: streamed
/// to a temporary file and renamed into place.
fn write_report(report: &Report, out: &Path) -> Result<(), BenchError> {
    Ok(crosscheck_report::json::write_atomic(report, out)?)
}

fn summary(report: &Report) -> RunResult {
    RunResult {
        articles: report.articles.len(),
        bytes: report.articles.iter().map(|a| a.bytes).sum(),
        claims: report.claims.len(),
        clusters: report.clusters.len(),
        edges: report.edges.len(),
        threads: rayon::current_num_threads(),
        ..RunResult::default()
    }
}

/// Loads, checks and writes the report of `story`, timing each part.
pub fn run_whole(story: &Path, out: &Path) -> Result<RunResult, BenchError> {
    let opts = Options::default();
    let c0 = cpu_seconds();
    let t0 = Instant::now();
    let loaded = crosscheck_text::load_story(story, &opts.ingest).map_err(crosscheck_pipeline::PipelineError::from)?;
    let t1 = Instant::now();
    let report = crosscheck_pipeline::check_story(&loaded, &opts)?;
    drop(loaded);
    let t2 = Instant::now();
    write_report(&report, out)?;
    let t3 = Instant::now();
    let mut r = summary(&report);
    r.load = (t1 - t0).as_secs_f64();
    r.check = (t2 - t1).as_secs_f64();
    r.write = (t3 - t2).as_secs_f64();
    r.wall = (t3 - t0).as_secs_f64();
    r.cpu = cpu_seconds() - c0;
    r.peak_rss_kib = peak_rss_kib();
    r.load_average = load_average();
    Ok(r)
}

/// Like [`run_whole`], with each stage of the pipeline timed on its own.
pub fn run_stages(story: &Path, out: &Path) -> Result<RunResult, BenchError> {
    let opts = Options::default();
    let mut s = Stages::default();
    let mut c = Stages::default();
    let (start, cpu_start) = (Instant::now(), cpu_seconds());
    let mut clock = Lap::new();
    let mut rss = Vec::new();
    let mut lap = |cpu_field: &mut f64, stage: &str| {
        let (wall, cpu) = clock.lap();
        *cpu_field = cpu;
        rss.push((stage.to_string(), rss_kib() as f64 / 1024.0));
        wall
    };
    let loaded = crosscheck_text::load_story(story, &opts.ingest).map_err(crosscheck_pipeline::PipelineError::from)?;
    s.load = lap(&mut c.load, "load");
    let mut report = crosscheck_pipeline::extract_story(&loaded, &opts);
    s.extract = lap(&mut c.extract, "extract");
    let model = crosscheck_match::Model::embedded().map_err(crosscheck_pipeline::PipelineError::from)?;
    let prepared = crosscheck_pipeline::prepare_claims(&report);
    s.prepare = lap(&mut c.prepare, "prepare");
    let article_of = crosscheck_pipeline::article_of(&report);
    let candidates = crosscheck_match::candidates_with(&prepared, &article_of, &opts.matching);
    s.candidates = lap(&mut c.candidates, "candidates");
    let pairs = crosscheck_pipeline::score_candidates(&model, &prepared, &candidates, &opts.matching);
    let candidate_pairs = candidates.len();
    // As in `crosscheck_pipeline::match_claims`: the prepared claims and the
    // candidates are gone before the graph stage.
    drop((prepared, candidates));
    s.decide = lap(&mut c.decide, "decide");
    let analysis = crosscheck_graph::analyse(&report.articles, &report.claims, &pairs, &opts.graph);
    crosscheck_pipeline::attach(&mut report, analysis);
    drop(loaded); // as in `check`: the story lives until the analysis is done
    s.graph = lap(&mut c.graph, "graph");
    write_report(&report, out)?;
    s.write = lap(&mut c.write, "write");
    s.candidate_pairs = candidate_pairs;
    s.matched_pairs = pairs.len();
    let mut r = summary(&report);
    r.wall = start.elapsed().as_secs_f64();
    r.cpu = cpu_seconds() - cpu_start;
    r.load = s.load;
    r.check = s.extract + s.prepare + s.candidates + s.decide + s.graph;
    r.write = s.write;
    c.candidate_pairs = s.candidate_pairs;
    c.matched_pairs = s.matched_pairs;
    r.stages = Some(s);
    r.stages_cpu = Some(c);
    r.rss_after_stage_mib = rss;
    r.peak_rss_kib = peak_rss_kib();
    r.load_average = load_average();
    Ok(r)
}

/// Wall and CPU time since the previous lap.
struct Lap {
    wall: Instant,
    cpu: f64,
}

impl Lap {
    fn new() -> Lap {
        Lap { wall: Instant::now(), cpu: cpu_seconds() }
    }

    fn lap(&mut self) -> (f64, f64) {
        let (now, cpu) = (Instant::now(), cpu_seconds());
        let d = ((now - self.wall).as_secs_f64(), cpu - self.cpu);
        self.wall = now;
        self.cpu = cpu;
        d
    }
}
