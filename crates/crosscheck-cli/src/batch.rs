//! `crosscheck batch`: every story of a folder, in parallel, one report file
//! per story and format, a summary table at the end.
//!
//! Stories are the sub-directories and `.jsonl` files directly inside the
//! folder (hidden entries and the output folder itself excepted). They run
//! on one rayon pool of `--jobs` threads, which the pipeline's own
//! parallel loops share. A story that fails — unreadable, empty, even a bug
//! that panics — is recorded with its error while the others finish; the
//! exit code is then [`EXIT_PARTIAL`](crate::EXIT_PARTIAL).
//!
//! Resuming: a story is skipped when each of its report files exists and
//! is newer than the story's newest input (the story directory itself, so
//! that a removed file counts, and every file directly in it; or the
//! `.jsonl` file). Reports are written atomically, so a batch killed midway
//! leaves only complete reports and the next run redoes exactly the
//! stories whose reports are missing or stale. `--force` redoes all.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use crosscheck_core::{ClusterStatus, Report};
use crosscheck_report::{render, write_atomic, Format};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::output::{write_stdout, Console};

/// What `batch` was asked to do.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Threads in the pool; `None` for one per core.
    pub jobs: Option<usize>,
    /// Report formats written for each story (at least one).
    pub formats: Vec<Format>,
    /// Redo stories whose reports are up to date.
    pub force: bool,
    /// Pipeline settings for every story.
    pub options: crosscheck_pipeline::Options,
}

/// One story found in the batch folder.
#[derive(Debug, Clone)]
pub struct StoryInput {
    /// The report's base name: the directory name or the `.jsonl` file's stem.
    pub name: String,
    /// The story's path.
    pub path: PathBuf,
}

/// Counts shown in the summary table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Articles read.
    pub articles: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Clusters by status: corroborated, paraphrased, single-sourced.
    pub by_status: [usize; 3],
    /// Disputes found.
    pub disputes: usize,
}

impl Stats {
    fn of(report: &Report) -> Stats {
        let mut by_status = [0; 3];
        for c in &report.clusters {
            let i = match c.status {
                ClusterStatus::Corroborated => 0,
                ClusterStatus::Paraphrased => 1,
                ClusterStatus::SingleSourced => 2,
            };
            by_status[i] += 1;
        }
        Stats { articles: report.articles.len(), claims: report.claims.len(), by_status, disputes: report.disputes.len() }
    }

    fn add(&mut self, other: &Stats) {
        self.articles += other.articles;
        self.claims += other.claims;
        for (a, b) in self.by_status.iter_mut().zip(other.by_status) {
            *a += b;
        }
        self.disputes += other.disputes;
    }

    fn clusters(&self) -> usize {
        self.by_status.iter().sum()
    }
}

/// What happened to one story.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Checked and written.
    Done(Stats, Duration),
    /// Reports already up to date; the counts when a JSON report was there
    /// to read them from.
    Skipped(Option<Stats>),
    /// Failed, with the error in words.
    Failed(String),
}

/// Runs the batch and prints the summary table; the exit code is 1 when
/// any story failed.
pub fn run(dir: &Path, out: &Path, settings: &Settings, console: &Console) -> anyhow::Result<ExitCode> {
    fs::create_dir_all(out)
        .with_context(|| format!("cannot create the output folder {}; check the path and permissions", out.display()))?;
    let stories = discover(dir, out)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    console.detail(&format!("{} stories, {} threads", stories.len(), pool.current_num_threads()));
    let progress = Progress::new(console, stories.len());
    let outcomes: Vec<Outcome> = pool.install(|| {
        stories
            .par_iter()
            .map(|story| {
                let outcome = process(story, out, settings, console, &progress);
                progress.finished(story, &outcome);
                outcome
            })
            .collect()
    });
    progress.clear();
    if !console.quiet {
        write_stdout(&table(&stories, &outcomes))?;
    }
    let failed: Vec<(&StoryInput, &String)> = stories
        .iter()
        .zip(&outcomes)
        .filter_map(|(s, o)| match o {
            Outcome::Failed(e) => Some((s, e)),
            _ => None,
        })
        .collect();
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("error: {} of {} stories failed:", failed.len(), stories.len());
    for (story, error) in failed {
        eprintln!("  {}: {error}", story.name);
    }
    Ok(ExitCode::from(crate::EXIT_PARTIAL))
}

/// The stories directly inside `dir`, sorted by name.
pub fn discover(dir: &Path, out: &Path) -> anyhow::Result<Vec<StoryInput>> {
    let entries = fs::read_dir(dir).with_context(|| {
        format!("cannot read the batch folder {}; give a folder holding one sub-folder or .jsonl file per story", dir.display())
    })?;
    let out_canonical = out.canonicalize().ok();
    let mut by_name: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in entries {
        let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
        let Some(name) = story_name(&path) else { continue };
        if out_canonical.is_some() && path.canonicalize().ok() == out_canonical {
            continue;
        }
        if let Some(other) = by_name.insert(name.clone(), path.clone()) {
            anyhow::bail!(
                "{} and {} would both write the report {name:?}; rename one of them",
                other.display(),
                path.display()
            );
        }
    }
    if by_name.is_empty() {
        anyhow::bail!(
            "{}: no story found; a batch folder holds one sub-folder of articles or one .jsonl file per story",
            dir.display()
        );
    }
    Ok(by_name.into_iter().map(|(name, path)| StoryInput { name, path }).collect())
}

/// The story name of a folder entry, or `None` when it is not a story.
fn story_name(path: &Path) -> Option<String> {
    let file_name = path.file_name()?.to_str()?;
    if file_name.starts_with('.') {
        return None;
    }
    if path.is_dir() {
        return Some(file_name.to_string());
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    matches!(ext.as_str(), "jsonl" | "ndjson").then(|| path.file_stem()?.to_str().map(str::to_string)).flatten()
}

/// The report path of `story` in `format`.
pub fn report_path(out: &Path, story: &StoryInput, format: Format) -> PathBuf {
    out.join(format!("{}.{}", story.name, format.name()))
}

fn process(story: &StoryInput, out: &Path, settings: &Settings, console: &Console, progress: &Progress) -> Outcome {
    if !settings.force && up_to_date(story, out, &settings.formats) {
        return Outcome::Skipped(saved_stats(story, out, &settings.formats));
    }
    let start = Instant::now();
    let checked = catch_unwind(AssertUnwindSafe(|| crosscheck_pipeline::check(&story.path, &settings.options)));
    let report = match checked {
        Ok(Ok(report)) => report,
        Ok(Err(e)) => {
            let text = crate::error_text(&crate::story_error(&story.path, e, "check"));
            return Outcome::Failed(crosscheck_report::sanitize_terminal(&text).into_owned());
        }
        Err(_) => return Outcome::Failed("internal error (a bug in crosscheck): the pipeline panicked on this story".into()),
    };
    for line in console.diagnostic_lines(&report.diagnostics, Some(&story.name)) {
        progress.println(&line);
    }
    for &format in &settings.formats {
        let path = report_path(out, story, format);
        if let Err(e) = write_atomic(&path, render(&report, format).as_bytes()) {
            return Outcome::Failed(e.to_string());
        }
    }
    Outcome::Done(Stats::of(&report), start.elapsed())
}

/// True when every report of `story` exists and is newer than all its inputs.
fn up_to_date(story: &StoryInput, out: &Path, formats: &[Format]) -> bool {
    let Some(input) = newest_input(&story.path) else { return false };
    formats.iter().all(|&f| modified(&report_path(out, story, f)).is_some_and(|t| t > input))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The latest modification time of the story's path and, for a folder,
/// of each entry directly in it. `None` when any of them cannot be read,
/// which makes the story run again.
fn newest_input(path: &Path) -> Option<SystemTime> {
    let mut newest = modified(path)?;
    if path.is_dir() {
        for entry in fs::read_dir(path).ok()? {
            newest = newest.max(modified(&entry.ok()?.path())?);
        }
    }
    Some(newest)
}

/// Counts from the story's saved JSON report, when JSON is among the formats.
fn saved_stats(story: &StoryInput, out: &Path, formats: &[Format]) -> Option<Stats> {
    formats.contains(&Format::Json).then_some(())?;
    let bytes = fs::read(report_path(out, story, Format::Json)).ok()?;
    serde_json::from_slice::<Report>(&bytes).ok().map(|r| Stats::of(&r))
}

/// Progress on standard error: a bar on a terminal, one line per story
/// otherwise, nothing with `--quiet`.
struct Progress {
    bar: Option<ProgressBar>,
    plain: bool,
    total: usize,
    done: AtomicUsize,
}

impl Progress {
    fn new(console: &Console, total: usize) -> Progress {
        let bar = (console.stderr_tty && !console.quiet).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {msg}") {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { plain: bar.is_none() && !console.quiet, bar, total, done: AtomicUsize::new(0) }
    }

    fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finished(&self, story: &StoryInput, outcome: &Outcome) {
        let n = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        let what = match outcome {
            Outcome::Done(s, t) => format!("ok: {} articles, {} claims ({:.1} s)", s.articles, s.claims, t.as_secs_f64()),
            Outcome::Skipped(_) => "skipped: reports up to date".to_string(),
            Outcome::Failed(e) => format!("FAILED: {e}"),
        };
        if let Some(bar) = &self.bar {
            if matches!(outcome, Outcome::Failed(_)) {
                bar.println(format!("error: {}: {what}", story.name));
            }
            bar.set_message(story.name.clone());
            bar.inc(1);
        } else if self.plain {
            eprintln!("[{n}/{}] {}: {what}", self.total, story.name);
        }
    }

    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The summary table: one row per story and a total.
pub fn table(stories: &[StoryInput], outcomes: &[Outcome]) -> String {
    let width = stories.iter().map(|s| s.name.chars().count()).max().unwrap_or(5).max(5);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:<7}  {:>8}  {:>6}  {:>8}  {:>7}  {:>7}  {:>7}  {:>8}",
        "story", "result", "articles", "claims", "clusters", "corrob%", "paraph%", "single%", "disputes"
    );
    let mut total = Stats::default();
    let mut counts = [0usize; 3];
    for (story, outcome) in stories.iter().zip(outcomes) {
        let (result, stats) = match outcome {
            Outcome::Done(s, _) => ("ok", Some(*s)),
            Outcome::Skipped(s) => ("skipped", *s),
            Outcome::Failed(_) => ("FAILED", None),
        };
        counts[match outcome {
            Outcome::Done(..) => 0,
            Outcome::Skipped(_) => 1,
            Outcome::Failed(_) => 2,
        }] += 1;
        if let Some(s) = &stats {
            total.add(s);
        }
        let _ = writeln!(out, "{:<width$}  {result:<7}  {}", story.name, row(stats.as_ref()));
    }
    let summary = format!("{} ok, {} skipped, {} failed", counts[0], counts[1], counts[2]);
    let _ = writeln!(out, "{:<width$}  {:<7}  {}", "total", "", row(Some(&total)));
    let _ = writeln!(out, "{} stories: {summary}", stories.len());
    out
}

fn row(stats: Option<&Stats>) -> String {
    let Some(s) = stats else {
        return format!("{:>8}  {:>6}  {:>8}  {:>7}  {:>7}  {:>7}  {:>8}", "-", "-", "-", "-", "-", "-", "-");
    };
    let pct = |n: usize| if s.clusters() == 0 { "-".to_string() } else { format!("{:.1}", 100.0 * n as f64 / s.clusters() as f64) };
    format!(
        "{:>8}  {:>6}  {:>8}  {:>7}  {:>7}  {:>7}  {:>8}",
        s.articles,
        s.claims,
        s.clusters(),
        pct(s.by_status[0]),
        pct(s.by_status[1]),
        pct(s.by_status[2]),
        s.disputes
    )
}
