//! The evaluation harness: every accuracy figure of the project, measured
//! by the project's own code on the gold and third-party corpora of
//! `shared/`, in one [`Table`].
//!
//! [`run`] executes the measures a [`HarnessOptions`] asks for:
//!
//! | section | data | what |
//! |---|---|---|
//! | `seed` | `shared/seeds` + `shared/gold/seed-story.gold.json` | [`crate::score`] on `crosscheck_pipeline::check` output |
//! | `gold` | any `--gold FILE --story DIR` | the same on another story |
//! | `matching` | MRPC train, STS Benchmark dev | k-fold CV of the matcher; Pearson/Spearman of match probability |
//! | `normalisation` | Recognizers-Text, Duckling | pass rates of `crosscheck_normalize::suites` |
//! | `ecb` | ECB+ | cross-document sentence-pair matching vs the same-lemma baseline |
//! | `fnc` | FNC-1 | dispute recall on mixed-stance stories, false alarms on agreeing ones |
//!
//! [`HarnessOptions::quick`] (seed, MRPC subset, normalisation; well under
//! a minute in release) is what CI runs through `tests/floors.rs` against
//! the floors in [`FLOORS`]; [`HarnessOptions::all`] measures everything and
//! [`write_docs`] splices the result into `docs/accuracy.md`.
//!
//! Missing data never passes silently: a measure whose files are absent is
//! listed in [`Table::skipped`] as a `SKIPPED: …` line naming the missing
//! path, and the renderers print those lines.

mod docs;
mod ecb;
mod floors;
mod fnc;
mod normalise;
mod paraphrase;
mod seed;
mod table;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use docs::{splice_docs, write_docs};
pub use ecb::{topic_story as ecb_topic_story, SentenceRanges};
pub use floors::{floor_of, Bound, FLOORS};
pub use seed::check_and_score;
pub use table::{Row, Section, Table, Unit};

use crate::error::EvalError;

/// The example that runs the harness from the workspace root.
pub const EXAMPLE_COMMAND: &str = "cargo run --release -p crosscheck-eval --example eval --";

/// How much of MRPC to cross-validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MrpcPlan {
    /// Only the first `pairs` pairs of the file; `None` for all.
    pub pairs: Option<usize>,
    /// Number of folds (pair `i` is held out in fold `i mod folds`).
    pub folds: usize,
}

/// Which measures to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measures {
    /// Seed story vs its gold.
    pub seed: bool,
    /// MRPC cross-validation, and how much of it.
    pub mrpc: Option<MrpcPlan>,
    /// Final-model accuracy on all of MRPC train and STS Benchmark dev correlations.
    pub sts: bool,
    /// Recognizers-Text and Duckling pass rates.
    pub normalisation: bool,
    /// ECB+ cross-document sentence pairs.
    pub ecb: bool,
    /// FNC-1 dispute detection.
    pub fnc: bool,
}

/// A story with its gold annotation (`--gold FILE --story DIR`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldStory {
    /// The gold file, in the format of `shared/gold/seed-story.gold.json`.
    pub gold: PathBuf,
    /// The story directory the gold annotates.
    pub story: PathBuf,
}

/// What [`run`] measures, on which data, with which pipeline settings.
#[derive(Debug, Clone)]
pub struct HarnessOptions {
    /// The `shared/` folder (holding `seeds/`, `gold/`, `corpora/`).
    pub shared: PathBuf,
    /// The measures.
    pub measures: Measures,
    /// An extra story to score against its gold.
    pub gold: Option<GoldStory>,
    /// Pipeline settings for story measures (seed, gold, ECB+, FNC-1).
    pub pipeline: crosscheck_pipeline::Options,
    /// The command recorded beside each figure; `None` gives the example's
    /// command line for these options (the CLI sets `crosscheck eval …`).
    pub command: Option<String>,
}

/// MRPC plan of `--quick`: the first 1,000 pairs, 5 folds.
pub const QUICK_MRPC: MrpcPlan = MrpcPlan { pairs: Some(1000), folds: 5 };
/// MRPC plan of `--all`: every pair, 10 folds (as the training example).
pub const FULL_MRPC: MrpcPlan = MrpcPlan { pairs: None, folds: 10 };

impl HarnessOptions {
    /// Nothing selected yet; `shared` defaults to [`default_shared`].
    pub fn none() -> HarnessOptions {
        HarnessOptions {
            shared: default_shared(),
            measures: Measures::default(),
            gold: None,
            pipeline: crosscheck_pipeline::Options::default(),
            command: None,
        }
    }

    /// The CI set: seed story, MRPC subset, normalisation suites.
    pub fn quick() -> HarnessOptions {
        let measures = Measures { seed: true, mrpc: Some(QUICK_MRPC), normalisation: true, ..Measures::default() };
        HarnessOptions { measures, ..HarnessOptions::none() }
    }

    /// Every measure.
    pub fn all() -> HarnessOptions {
        let measures =
            Measures { seed: true, mrpc: Some(FULL_MRPC), sts: true, normalisation: true, ecb: true, fnc: true };
        HarnessOptions { measures, ..HarnessOptions::none() }
    }

    /// Adds a story scored against its gold.
    pub fn with_gold(mut self, gold: impl Into<PathBuf>, story: impl Into<PathBuf>) -> HarnessOptions {
        self.gold = Some(GoldStory { gold: gold.into(), story: story.into() });
        self
    }

    /// `quick`, `all`, `gold`, `custom`, joined with `+` when a gold story is added.
    pub fn mode(&self) -> String {
        let m = &self.measures;
        let base = if *m == HarnessOptions::all().measures {
            Some("all")
        } else if *m == HarnessOptions::quick().measures {
            Some("quick")
        } else if *m == Measures::default() {
            None
        } else {
            Some("custom")
        };
        match (base, &self.gold) {
            (Some(b), Some(_)) => format!("{b}+gold"),
            (Some(b), None) => b.to_string(),
            (None, Some(_)) => "gold".to_string(),
            (None, None) => "nothing".to_string(),
        }
    }

    /// The command line recorded beside the figures.
    pub fn command_line(&self) -> String {
        if let Some(c) = &self.command {
            return c.clone();
        }
        let mut c = EXAMPLE_COMMAND.to_string();
        match self.mode().split('+').next() {
            Some("all") => c.push_str(" --all"),
            Some("quick") => c.push_str(" --quick"),
            _ => {}
        }
        if let Some(g) = &self.gold {
            c.push_str(&format!(" --gold {} --story {}", g.gold.display(), g.story.display()));
        }
        c
    }
}

/// The workspace root (two levels above this crate), canonical when it exists.
pub fn workspace_root() -> PathBuf {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    p.canonicalize().unwrap_or(p)
}

/// `../shared` relative to the workspace root.
pub fn default_shared() -> PathBuf {
    workspace_root().join("../shared")
}

/// `docs/accuracy.md` of the workspace.
pub fn accuracy_doc() -> PathBuf {
    workspace_root().join("docs/accuracy.md")
}

/// Runs the measures `opts` asks for. Missing data gives `SKIPPED` lines
/// in [`Table::skipped`]; unreadable or malformed data is an error.
pub fn run(opts: &HarnessOptions) -> Result<Table, EvalError> {
    let start = Instant::now();
    let cpu = cpu_seconds();
    let m = &opts.measures;
    if *m == Measures::default() && opts.gold.is_none() {
        return Err(EvalError::Options("no measure selected (use --quick, --all or --gold FILE --story DIR)".into()));
    }
    let mut t = Table { mode: opts.mode(), sections: Vec::new(), skipped: Vec::new(), seconds: 0.0, cpu_seconds: None };
    if m.seed {
        timed(&mut t, || seed::seed_section(opts))?;
    }
    if let Some(g) = &opts.gold {
        timed(&mut t, || seed::gold_section(opts, g))?;
    }
    if m.mrpc.is_some() || m.sts {
        timed(&mut t, || paraphrase::section(opts))?;
    }
    if m.normalisation {
        timed(&mut t, || normalise::section(opts))?;
    }
    if m.ecb {
        timed(&mut t, || ecb::section(opts))?;
    }
    if m.fnc {
        timed(&mut t, || fnc::section(opts))?;
    }
    t.seconds = start.elapsed().as_secs_f64();
    t.cpu_seconds = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
    Ok(t)
}

/// What a measure gives: its section (unless everything was missing) and
/// the `SKIPPED` lines of what was missing.
pub(crate) struct Measured {
    section: Option<Section>,
    skipped: Vec<String>,
}

impl Measured {
    fn skipped(what: &str, missing: &Path) -> Measured {
        Measured { section: None, skipped: vec![skip_line(what, missing)] }
    }
}

/// `SKIPPED: {what}: {path} is missing`.
pub(crate) fn skip_line(what: &str, missing: &Path) -> String {
    format!("SKIPPED: {what}: {} is missing", missing.display())
}

/// The first of `paths` that does not exist.
pub(crate) fn first_missing<'p>(paths: &[&'p Path]) -> Option<&'p Path> {
    paths.iter().copied().find(|p| !p.exists())
}

/// Clock ticks per second of `/proc/self/stat` (USER_HZ, 100 on Linux).
const CLOCK_TICKS: f64 = 100.0;

/// CPU seconds (user + system, all threads) this process has used so far,
/// from `/proc/self/stat`; `None` where that file does not exist.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / CLOCK_TICKS)
}

fn timed(t: &mut Table, f: impl FnOnce() -> Result<Measured, EvalError>) -> Result<(), EvalError> {
    let start = Instant::now();
    let cpu = cpu_seconds();
    let m = f()?;
    for s in &m.skipped {
        eprintln!("{s}");
    }
    t.skipped.extend(m.skipped);
    if let Some(mut s) = m.section {
        s.seconds = start.elapsed().as_secs_f64();
        s.cpu_seconds = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
        t.sections.push(s);
    }
    Ok(())
}
