//! The Python peer (`bench/peer/peer.py`) against crosscheck on the same
//! story, and both scored on the seed gold with the reference scorer.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::BenchError;
use crate::harness::{ChildRun, Harness};
use crate::measure::median;

/// How to run the peer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerCommand {
    /// The Python interpreter (with spaCy and rapidfuzz installed).
    pub python: PathBuf,
    /// `bench/peer/peer.py`.
    pub script: PathBuf,
}

/// One peer run as seen from outside, plus what it printed about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerRun {
    /// Wall time of the whole process (interpreter and model load included).
    pub process_wall: f64,
    /// The peer's own summary line (its timings, peak RSS, counts).
    pub summary: Value,
}

/// crosscheck and the peer on one story, and both on the seed gold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerReport {
    /// Articles.
    pub n: usize,
    /// crosscheck runs with the default thread count.
    pub crosscheck: Vec<ChildRun>,
    /// crosscheck runs with one thread.
    pub crosscheck_one_thread: Vec<ChildRun>,
    /// Peer runs.
    pub peer: Vec<PeerRun>,
    /// Median peer process wall / median crosscheck process wall.
    pub ratio: f64,
    /// The same with crosscheck on one thread.
    pub ratio_one_thread: f64,
    /// score.py on crosscheck's seed report.
    pub crosscheck_seed: Value,
    /// score.py on the peer's seed report.
    pub peer_seed: Value,
}

impl PeerCommand {
    /// Runs the peer on `story`, writing `out`.
    pub fn run(&self, story: &Path, out: &Path) -> Result<PeerRun, BenchError> {
        let t0 = Instant::now();
        let output = Command::new(&self.python)
            .arg(&self.script)
            .arg(story)
            .arg("--out")
            .arg(out)
            .output()
            .map_err(|e| BenchError::io(&self.python, e))?;
        let process_wall = t0.elapsed().as_secs_f64();
        if !output.status.success() {
            return Err(BenchError::Child(format!("peer: {}", String::from_utf8_lossy(&output.stderr).trim())));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let summary = serde_json::from_str(stdout.lines().last().unwrap_or("{}"))?;
        Ok(PeerRun { process_wall, summary })
    }
}

/// Scores `report` on the seed gold with `shared/eval/score.py`.
pub fn score_seed(shared: &Path, report: &Path) -> Result<Value, BenchError> {
    let output = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(report)
        .arg(shared.join("gold/seed-story.gold.json"))
        .arg(shared.join("seeds"))
        .arg("--json")
        .output()
        .map_err(|e| BenchError::io("python3", e))?;
    if !output.status.success() {
        return Err(BenchError::Child(format!("score.py: {}", String::from_utf8_lossy(&output.stderr).trim())));
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

impl Harness {
    /// crosscheck (default threads and one thread) and the peer on the story
    /// of `n` articles, `runs` times each, interleaved; then both on the seeds.
    pub fn peer(&mut self, n: usize, runs: usize, peer: &PeerCommand) -> Result<PeerReport, BenchError> {
        let story = self.story(n)?;
        let dir = self.work.join("reports");
        std::fs::create_dir_all(&dir).map_err(|e| BenchError::io(&dir, e))?;
        let (ours, theirs) = (dir.join(format!("peer-n{n}-crosscheck.json")), dir.join(format!("peer-n{n}-peer.json")));
        let (mut cc, mut cc1, mut py) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs.max(1) {
            cc.push(self.child(&story, &ours, None, false)?);
            cc1.push(self.child(&story, &ours, Some(1), false)?);
            py.push(peer.run(&story, &theirs)?);
            eprintln!("peer n={n}: crosscheck {:.2} s, 1 thread {:.2} s, peer {:.1} s", cc[cc.len() - 1].process_wall, cc1[cc1.len() - 1].process_wall, py[py.len() - 1].process_wall);
        }
        let seeds = self.shared.join("seeds");
        let (seed_ours, seed_theirs) = (dir.join("seed-crosscheck.json"), dir.join("seed-peer.json"));
        self.child(&seeds, &seed_ours, None, false)?;
        peer.run(&seeds, &seed_theirs)?;
        let wall = |v: &[ChildRun]| median(&v.iter().map(|r| r.process_wall).collect::<Vec<_>>());
        let peer_wall = median(&py.iter().map(|r| r.process_wall).collect::<Vec<_>>());
        Ok(PeerReport {
            n,
            ratio: peer_wall / wall(&cc),
            ratio_one_thread: peer_wall / wall(&cc1),
            crosscheck: cc,
            crosscheck_one_thread: cc1,
            peer: py,
            crosscheck_seed: score_seed(&self.shared, &seed_ours)?,
            peer_seed: score_seed(&self.shared, &seed_theirs)?,
        })
    }
}
