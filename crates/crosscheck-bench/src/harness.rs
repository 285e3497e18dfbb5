//! The orchestration behind the `bench` binary: stories generated or
//! reused, one child process per measured run, medians, the scaling fit,
//! the thread comparison and the Python peer comparison.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crosscheck_core::Format;
use crosscheck_text::Overrides;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::corpora::{fnc_bodies, load_pools, load_training_pools, Pools};
use crate::error::BenchError;
use crate::generate::{generate, GenConfig};
use crate::measure::{fit_power, median, PowerFit};
use crate::run::{run_whole, RunResult};
use crate::store::{is_current, write_story, StoryFormat};

/// Smallest N included in the scaling fit.
pub const FIT_MIN_N: usize = 1_000;
/// Largest N included in the scaling fit.
pub const FIT_MAX_N: usize = 16_000;
/// Most differing JSON paths listed when two reports differ.
pub const MAX_DIFF_PATHS: usize = 20;

/// Where things are and how stories are built.
#[derive(Debug)]
pub struct Harness {
    /// The `bench` executable, re-run as the measurement child.
    pub exe: PathBuf,
    /// Work folder: `stories/`, `reports/`, `results/`.
    pub work: PathBuf,
    /// The shared folder (`corpora/`, `eval/`, `gold/`, `seeds/`).
    pub shared: PathBuf,
    /// Story settings; `articles` is set per N.
    pub base: GenConfig,
    pools: Option<Pools>,
}

/// A child run with the parent's view of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildRun {
    /// What the child measured.
    pub result: RunResult,
    /// Wall time of the whole child process (start-up included), seconds.
    pub process_wall: f64,
}

/// Medians over the runs of one N.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleRow {
    /// Articles.
    pub n: usize,
    /// Every run.
    pub runs: Vec<ChildRun>,
    /// Median wall time, seconds.
    pub wall: f64,
    /// Median CPU seconds (all threads).
    pub cpu: f64,
    /// Fastest run, seconds.
    pub wall_min: f64,
    /// Slowest run, seconds.
    pub wall_max: f64,
    /// Median peak RSS, MiB.
    pub peak_mib: f64,
    /// Claims extracted.
    pub claims: usize,
    /// Article bytes.
    pub bytes: usize,
    /// Claims per second at the median.
    pub claims_per_s: f64,
    /// Megabytes (10^6) of article text per second at the median.
    pub mb_per_s: f64,
    /// Median one-minute load average after the runs.
    pub load_average: f64,
    /// The stage breakdown, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stages: Option<RunResult>,
}

/// How many runs the scaling measurement makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScalePlan {
    /// Runs per N below `large_from`.
    pub runs: usize,
    /// Runs per N from `large_from` on.
    pub runs_large: usize,
    /// Where "large" starts.
    pub large_from: usize,
    /// Rayon threads (`None`: all cores).
    pub threads: Option<usize>,
    /// Also one stage-timed run per N.
    pub stages: bool,
}

/// The scaling measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleReport {
    /// One row per N.
    pub rows: Vec<ScaleRow>,
    /// Fit of median wall time vs N over [`FIT_MIN_N`]..=[`FIT_MAX_N`].
    pub fit: Option<PowerFit>,
    /// The same fit on median CPU time (less disturbed by load).
    pub fit_cpu: Option<PowerFit>,
}

/// 1 vs 2 threads on one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadsReport {
    /// Articles.
    pub n: usize,
    /// Wall times with one thread.
    pub one: Vec<f64>,
    /// Wall times with two threads.
    pub two: Vec<f64>,
    /// CPU seconds with one thread.
    #[serde(default)]
    pub one_cpu: Vec<f64>,
    /// CPU seconds with two threads.
    #[serde(default)]
    pub two_cpu: Vec<f64>,
    /// Median one-minute load average over the runs.
    #[serde(default)]
    pub load_average: f64,
    /// Median(one) / median(two).
    pub speedup: f64,
    /// True when both reports are byte-identical.
    pub identical: bool,
    /// JSON paths that differ, when not identical.
    pub differing: Vec<String>,
}

/// Single-threaded text throughput on FNC-1 bodies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractRate {
    /// Bodies read.
    pub documents: usize,
    /// Their bytes.
    pub bytes: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Layout and segmentation (`document_from_text`), MB/s (median).
    pub segment_mb_s: f64,
    /// Claim extraction on segmented documents, MB/s (median).
    pub extract_mb_s: f64,
    /// Both together, MB/s (median of the per-run sums).
    pub both_mb_s: f64,
    /// Runs.
    pub runs: usize,
}

impl Harness {
    /// A harness using `work` and `shared`, re-running `exe` as its child.
    pub fn new(exe: PathBuf, work: PathBuf, shared: PathBuf, base: GenConfig) -> Harness {
        Harness { exe, work, shared, base, pools: None }
    }

    /// The corpora folder.
    pub fn corpora(&self) -> PathBuf {
        self.shared.join("corpora")
    }

    /// The story of `n` articles, generated unless an identical one exists.
    pub fn story(&mut self, n: usize) -> Result<PathBuf, BenchError> {
        let config = GenConfig { articles: n, ..self.base.clone() };
        let dir = self.work.join("stories").join(format!("n{n}-seed{}", config.seed));
        if is_current(&dir, &config) {
            return Ok(dir);
        }
        if self.pools.is_none() {
            self.pools = Some(load_pools(&self.corpora())?);
        }
        let pools = self.pools.as_ref().ok_or_else(|| BenchError::Config("corpora not loaded".into()))?;
        let story = generate(pools, &config)?;
        write_story(&story, &dir, StoryFormat::Dir)?;
        Ok(dir)
    }

    fn report_path(&self, name: &str) -> Result<PathBuf, BenchError> {
        let dir = self.work.join("reports");
        std::fs::create_dir_all(&dir).map_err(|e| BenchError::io(&dir, e))?;
        Ok(dir.join(name))
    }

    /// The training run of a profile-guided build (`bench/pgo/build.sh`):
    /// the whole pipeline once, in this process, over a story of `n`
    /// articles drawn from the training pools (no FNC-1 text, which
    /// `extract-rate` measures).
    pub fn train(&self, n: usize) -> Result<RunResult, BenchError> {
        let pools = load_training_pools(&self.corpora())?;
        let config = GenConfig { articles: n, ..self.base.clone() };
        let dir = self.work.join("stories").join(format!("train-n{n}-seed{}", config.seed));
        write_story(&generate(&pools, &config)?, &dir, StoryFormat::Dir)?;
        run_whole(&dir, &self.report_path("train.json")?)
    }

    /// Runs the pipeline on `story` in a child process.
    pub fn child(&self, story: &Path, out: &Path, threads: Option<usize>, stages: bool) -> Result<ChildRun, BenchError> {
        let mut cmd = Command::new(&self.exe);
        cmd.arg("run-one").arg("--story").arg(story).arg("--out").arg(out);
        if stages {
            cmd.arg("--stages");
        }
        if let Some(t) = threads {
            cmd.env("RAYON_NUM_THREADS", t.to_string());
        }
        let t0 = Instant::now();
        let output = cmd.output().map_err(|e| BenchError::io(&self.exe, e))?;
        let process_wall = t0.elapsed().as_secs_f64();
        if !output.status.success() {
            return Err(BenchError::Child(String::from_utf8_lossy(&output.stderr).trim().to_string()));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let last = stdout.lines().last().unwrap_or("");
        let result: RunResult = serde_json::from_str(last).map_err(|e| BenchError::Child(format!("{e}: {last}")))?;
        Ok(ChildRun { result, process_wall })
    }

    /// Medians of `plan.runs` runs per N (`plan.runs_large` from
    /// `plan.large_from` articles on), plus one stage run per N when asked.
    pub fn scale(&mut self, ns: &[usize], plan: &ScalePlan) -> Result<ScaleReport, BenchError> {
        let ScalePlan { threads, stages, .. } = *plan;
        let mut rows = Vec::new();
        for &n in ns {
            let story = self.story(n)?;
            let out = self.report_path(&format!("n{n}.json"))?;
            let mut done = Vec::new();
            let runs = if n >= plan.large_from { plan.runs_large } else { plan.runs };
            for _ in 0..runs.max(1) {
                done.push(self.child(&story, &out, threads, false)?);
            }
            let stage = if stages { Some(self.child(&story, &out, threads, true)?.result) } else { None };
            let row = scale_row(n, done, stage);
            eprintln!("n={n:>6}  {:>8.2} s ({:.2} s CPU)  {:>6.0} MiB  {:>7.0} claims/s", row.wall, row.cpu, row.peak_mib, row.claims_per_s);
            rows.push(row);
        }
        let pts: Vec<(f64, f64)> =
            rows.iter().filter(|r| (FIT_MIN_N..=FIT_MAX_N).contains(&r.n)).map(|r| (r.n as f64, r.wall)).collect();
        let cpu: Vec<(f64, f64)> =
            rows.iter().filter(|r| (FIT_MIN_N..=FIT_MAX_N).contains(&r.n)).map(|r| (r.n as f64, r.cpu)).collect();
        Ok(ScaleReport { fit: fit_power(&pts), fit_cpu: fit_power(&cpu), rows })
    }

    /// 1 vs 2 threads on the story of `n` articles, runs alternating.
    pub fn threads(&mut self, n: usize, runs: usize) -> Result<ThreadsReport, BenchError> {
        let story = self.story(n)?;
        let (p1, p2) = (self.report_path(&format!("n{n}-t1.json"))?, self.report_path(&format!("n{n}-t2.json"))?);
        let (mut r1, mut r2) = (Vec::new(), Vec::new());
        for _ in 0..runs.max(1) {
            r1.push(self.child(&story, &p1, Some(1), false)?.result);
            r2.push(self.child(&story, &p2, Some(2), false)?.result);
            eprintln!("threads n={n}: 1 → {:.2} s, 2 → {:.2} s", r1[r1.len() - 1].wall, r2[r2.len() - 1].wall);
        }
        let pick = |v: &[RunResult], f: fn(&RunResult) -> f64| v.iter().map(f).collect::<Vec<f64>>();
        let (one, two) = (pick(&r1, |r| r.wall), pick(&r2, |r| r.wall));
        let (one_cpu, two_cpu) = (pick(&r1, |r| r.cpu), pick(&r2, |r| r.cpu));
        let load_average = median(&[pick(&r1, |r| r.load_average), pick(&r2, |r| r.load_average)].concat());
        let a = std::fs::read(&p1).map_err(|e| BenchError::io(&p1, e))?;
        let b = std::fs::read(&p2).map_err(|e| BenchError::io(&p2, e))?;
        let identical = a == b;
        let differing = if identical { Vec::new() } else { differing_paths(&serde_json::from_slice(&a)?, &serde_json::from_slice(&b)?) };
        Ok(ThreadsReport { n, speedup: median(&one) / median(&two), one, two, one_cpu, two_cpu, load_average, identical, differing })
    }

    /// Single-threaded segmentation and extraction throughput on the FNC-1
    /// bodies, median of `runs`.
    pub fn extraction_rate(&self, runs: usize) -> Result<ExtractRate, BenchError> {
        let path = self.corpora().join("fnc-1/train_bodies.csv");
        if !path.is_file() {
            return Err(BenchError::MissingCorpora { path: self.corpora() });
        }
        let bodies = fnc_bodies(&path)?;
        extraction_rate(&bodies, runs)
    }
}

/// Segmentation and extraction throughput of `bodies`, single-threaded.
pub fn extraction_rate(bodies: &[String], runs: usize) -> Result<ExtractRate, BenchError> {
    let bytes: usize = bodies.iter().map(String::len).sum();
    let opts = crosscheck_extract::ExtractOptions::default();
    let (mut seg, mut ext, mut both) = (Vec::new(), Vec::new(), Vec::new());
    let mut claims = 0;
    let mut documents = 0;
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let docs: Vec<_> = bodies
            .iter()
            .enumerate()
            .filter_map(|(i, b)| crosscheck_text::document_from_text(&format!("b{i}"), b, Format::Text, &Overrides::default()).ok())
            .collect();
        let t1 = Instant::now();
        claims = docs.iter().map(|d| crosscheck_extract::extract(d, &opts).0.len()).sum();
        let t2 = Instant::now();
        documents = docs.len();
        seg.push((t1 - t0).as_secs_f64());
        ext.push((t2 - t1).as_secs_f64());
        both.push((t2 - t0).as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    Ok(ExtractRate {
        documents,
        bytes,
        claims,
        segment_mb_s: mb / median(&seg),
        extract_mb_s: mb / median(&ext),
        both_mb_s: mb / median(&both),
        runs: runs.max(1),
    })
}

fn scale_row(n: usize, runs: Vec<ChildRun>, stages: Option<RunResult>) -> ScaleRow {
    let walls: Vec<f64> = runs.iter().map(|r| r.result.wall).collect();
    let wall = median(&walls);
    let first = runs.first().map(|r| r.result.clone()).unwrap_or_default();
    ScaleRow {
        n,
        wall,
        cpu: median(&runs.iter().map(|r| r.result.cpu).collect::<Vec<_>>()),
        wall_min: walls.iter().copied().fold(f64::INFINITY, f64::min),
        wall_max: walls.iter().copied().fold(0.0, f64::max),
        peak_mib: median(&runs.iter().map(|r| r.result.peak_rss_kib as f64 / 1024.0).collect::<Vec<_>>()),
        claims: first.claims,
        bytes: first.bytes,
        claims_per_s: first.claims as f64 / wall,
        mb_per_s: first.bytes as f64 / 1e6 / wall,
        load_average: median(&runs.iter().map(|r| r.result.load_average).collect::<Vec<_>>()),
        stages,
        runs,
    }
}

/// JSON paths (`claims[3].text`) where `a` and `b` differ, at most
/// [`MAX_DIFF_PATHS`].
pub fn differing_paths(a: &Value, b: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff_into(a, b, String::new(), &mut out);
    out
}

fn diff_into(a: &Value, b: &Value, path: String, out: &mut Vec<String>) {
    if out.len() >= MAX_DIFF_PATHS || a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                diff_into(x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), p, out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff_into(p, q, format!("{path}[{i}]"), out);
            }
        }
        (Value::Array(x), Value::Array(y)) => out.push(format!("{path} (length {} vs {})", x.len(), y.len())),
        _ => out.push(path),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn diff_names_the_differing_fields() {
        let a: Value = serde_json::json!({"claims": [{"id": "a#1", "score": 0.5}], "edges": [1, 2]});
        let b: Value = serde_json::json!({"claims": [{"id": "a#1", "score": 0.6}], "edges": [1]});
        assert_eq!(differing_paths(&a, &b), vec!["claims[0].score", "edges (length 2 vs 1)"]);
        assert!(differing_paths(&a, &a).is_empty());
    }
}
