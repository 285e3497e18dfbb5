//! The `crosscheck` command line, as a library so that `main` stays a
//! two-line shim and tests can reach [`run`].
//!
//! # Shape
//!
//! Every subcommand is a short function here or in its own module:
//! arguments come parsed from [`args`] (clap derive), the work is one call
//! into [`crosscheck_pipeline`] (or the matcher, for `pairs`), and the
//! result goes through [`crosscheck_report`] to standard output or, with
//! `--out`, to a file written atomically: a report file is either complete
//! or absent, never half-written, and on any error nothing is written at all
//! because the whole text is rendered before the first byte goes out.
//!
//! # Talking to the user
//!
//! [`output::Console`] resolves once what the user wants to see: colour
//! (`--color`, `NO_COLOR`, whether standard output is a terminal), warnings
//! (shown unless `--quiet`), notes and timings (`--verbose`). Reports go to
//! standard output; everything else — diagnostics, progress, errors — goes
//! to standard error, so `crosscheck check story | jq` always sees clean
//! JSON. Without `--format`, `check` shows a short summary on a terminal and
//! writes JSON into a pipe.
//!
//! # Errors and exit codes
//!
//! This crate is the only one using `anyhow`: library errors are typed and
//! already say which file is wrong and what to do, and this layer adds the
//! step that failed. Exit codes: 0 success, 1 some stories of a batch
//! failed (the others were still written), 2 usage or input error (clap
//! uses 2 for bad arguments too). Nothing here panics on user input.
//!
//! # Parallelism
//!
//! `batch` ([`batch`]) builds one rayon pool of `--jobs` threads and runs
//! stories in it; the pipeline's own per-article and per-pair parallelism
//! runs in the same pool, so the machine is never oversubscribed.

pub mod args;
pub mod batch;
pub mod eval;
pub mod output;
pub mod pairs;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use crosscheck_core::Report;
use crosscheck_report::{render, terminal, Format};

pub use args::{Args, ColorChoice, Command, GlobalOpts, ModelCommand};
use output::{emit, format_from_extension, write_stdout, Console};

/// Exit code for a usage or input error.
pub const EXIT_INPUT: u8 = 2;
/// Exit code when some stories of a batch failed.
pub const EXIT_PARTIAL: u8 = 1;

/// Runs the command line and returns the process's exit code. Errors are
/// printed on standard error, with their causes.
pub fn run(args: Args) -> ExitCode {
    let console = Console::new(&args.global);
    match dispatch(args, console) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", crosscheck_report::sanitize_terminal(&error_text(&e)));
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn dispatch(args: Args, console: Console) -> anyhow::Result<ExitCode> {
    let opts = pipeline_options(&args.global);
    match args.command {
        Command::Extract { story, format, out } => {
            let report = timed(&console, "extracted", &story, || extract_report(&story, &opts))?;
            console.diagnostics(&report);
            let format = format.or_else(|| out.as_deref().and_then(format_from_extension)).unwrap_or(Format::Json);
            emit(out.as_deref(), &with_newline(render(&report, format)))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { story, format, out } => {
            let report = timed(&console, "checked", &story, || check_report(&story, &opts))?;
            console.diagnostics(&report);
            let format = format.or_else(|| out.as_deref().and_then(format_from_extension));
            if let (Some(path), None | Some(Format::Json)) = (out.as_deref(), format) {
                // The same bytes as render + emit, streamed to the file (a
                // large story's JSON is many times the story's size).
                crosscheck_report::json::write_atomic(&report, path)?;
                return Ok(ExitCode::SUCCESS);
            }
            let text = match format {
                Some(f) => render(&report, f),
                None if out.is_none() && console.stdout_tty => terminal::summary(&report, console.color),
                None => render(&report, Format::Json),
            };
            emit(out.as_deref(), &with_newline(text))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Disputes { story } => {
            let report = report_for_view(&story, &opts, &console)?;
            write_stdout(&terminal::disputes(&report, console.color))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { story, id } => {
            let report = report_for_view(&story, &opts, &console)?;
            let text = terminal::inspect(&report, &id, console.color)
                .with_context(|| format!("cannot inspect {id:?} in {}", story.display()))?;
            write_stdout(&with_newline(text))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch { dir, out, jobs, format, force } => {
            let formats = if format.is_empty() { vec![Format::Json] } else { format };
            let settings = batch::Settings { jobs: jobs.map(|j| j as usize), formats, force, options: opts };
            batch::run(&dir, &out, &settings, &console)
        }
        Command::Pairs { file } => pairs::run(&file, &console),
        Command::Eval { all, quick, gold, story, shared, markdown } => {
            let request = eval::Request { all, quick, gold: gold.zip(story), shared, markdown };
            eval::run(&request, opts, &console)
        }
        Command::Model(ModelCommand::Install { dir }) => {
            let path = crosscheck_embed::install(dir.as_deref()).context("cannot install the sentence-embedding model")?;
            eprintln!("installed all-MiniLM-L6-v2 at {}", path.display());
            if !crosscheck_embed::RUNTIME_AVAILABLE {
                eprintln!("note: this build has no embedding runtime; rebuild with `--features semantic` to use it");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Model(ModelCommand::Status { dir }) => {
            let status = crosscheck_embed::status(dir.as_deref());
            println!("{status}");
            let runtime = if crosscheck_embed::RUNTIME_AVAILABLE {
                "built in"
            } else {
                "not in this build (rebuild with `--features semantic`)"
            };
            println!("runtime: {runtime}");
            Ok(if status.is_installed() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_PARTIAL) })
        }
    }
}

/// An error and its causes on one line, leaving out a cause whose text the
/// message already contains (typed errors often quote their source).
pub fn error_text(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let part = cause.to_string();
        if text.contains(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&part);
    }
    text
}

/// The pipeline's options with the global limits applied.
pub fn pipeline_options(global: &GlobalOpts) -> crosscheck_pipeline::Options {
    let mut opts = crosscheck_pipeline::Options::default();
    if let Some(bytes) = global.max_article_bytes {
        opts.ingest.max_article_bytes = bytes;
    }
    if let Some(n) = global.max_claims {
        opts.extract.max_claims_per_article = usize::try_from(n).unwrap_or(usize::MAX);
    }
    opts.semantic = match global.semantic {
        args::SemanticChoice::Auto => crosscheck_pipeline::SemanticMode::Auto,
        args::SemanticChoice::Off => crosscheck_pipeline::SemanticMode::Off,
    };
    opts
}

/// Reads a story and extracts its claims into a report without clusters.
pub fn extract_report(story: &Path, opts: &crosscheck_pipeline::Options) -> anyhow::Result<Report> {
    crosscheck_pipeline::extract(story, opts).map_err(|e| story_error(story, e, "read"))
}

/// Reads a story and runs the whole pipeline: claims, matches, graph.
pub fn check_report(story: &Path, opts: &crosscheck_pipeline::Options) -> anyhow::Result<Report> {
    crosscheck_pipeline::check(story, opts).map_err(|e| story_error(story, e, "check"))
}

/// A pipeline error with what was being done and, for a story without any
/// readable article, what a story should hold.
pub fn story_error(story: &Path, e: crosscheck_pipeline::PipelineError, verb: &str) -> anyhow::Error {
    let what = format!("cannot {verb} the story {}", story.display());
    match &e {
        crosscheck_pipeline::PipelineError::Text(crosscheck_text::TextError::NoArticles { .. }) => anyhow::anyhow!(
            "{what}: {e}{}; a story is a folder of article files (.txt, .md, .html, .htm, .json, .jsonl) or a JSON Lines file",
            folder_contents(story)
        ),
        _ => anyhow::Error::new(e).context(what),
    }
}

/// Most file names listed when a story folder holds no article.
const LISTED_FILES: usize = 5;

/// "; the folder is empty" or "; the folder holds: a.png, b.docx", for a
/// story folder without any readable article; empty for a file.
fn folder_contents(story: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(story) else { return String::new() };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    match names.len() {
        0 => "; the folder is empty".to_string(),
        n if n <= LISTED_FILES => format!("; the folder holds: {}", names.join(", ")),
        n => format!("; the folder holds: {} and {} more", names[..LISTED_FILES].join(", "), n - LISTED_FILES),
    }
}

/// The report for `disputes` and `inspect`: a saved JSON report when
/// `story` is one, otherwise the story checked afresh.
fn report_for_view(story: &Path, opts: &crosscheck_pipeline::Options, console: &Console) -> anyhow::Result<Report> {
    if let Some(report) = saved_report(story) {
        console.detail(&format!("using the saved report {}", story.display()));
        return Ok(report);
    }
    let report = timed(console, "checked", story, || check_report(story, opts))?;
    console.diagnostics(&report);
    Ok(report)
}

/// A JSON file that parses as a crosscheck report (an article in JSON has
/// no `schema_version`, so the two cannot be confused).
fn saved_report(path: &Path) -> Option<Report> {
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json || !path.is_file() {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Runs `work`, printing how long it took with `--verbose`.
fn timed<T>(console: &Console, what: &str, story: &Path, work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    let start = Instant::now();
    let result = work()?;
    console.detail(&format!("{what} {} in {:.2} s", story.display(), start.elapsed().as_secs_f64()));
    Ok(result)
}

fn with_newline(mut text: String) -> String {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
