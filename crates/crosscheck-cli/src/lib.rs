//! The `crosscheck` command line, as a library so integration tests can
//! call [`run`] directly.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use crosscheck_core::Report;

/// Cross-verify the claims of several outlets' coverage of one story.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the claims of every article of a story.
    Extract {
        /// A story: a directory of articles or a JSON Lines file.
        story: PathBuf,
        /// Where to write the report (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Check a story: extract, match, cluster and report.
    Check {
        /// A story: a directory of articles or a JSON Lines file.
        story: PathBuf,
        /// Where to write the report (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Runs the command line and returns the process's exit code.
pub fn run(args: Args) -> ExitCode {
    match dispatch(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Extract { story, out } => {
            let report = extract_report(&story)?;
            let json = serde_json::to_string_pretty(&report)?;
            write_output(out.as_deref(), &json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { story, out } => {
            let report = check_report(&story)?;
            let json = serde_json::to_string_pretty(&report)?;
            write_output(out.as_deref(), &json)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_output(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        None => {
            println!("{text}");
            Ok(())
        }
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
    }
}

/// Reads a story and extracts its claims into a report without clusters.
pub fn extract_report(story: &Path) -> anyhow::Result<Report> {
    Ok(crosscheck_pipeline::extract(story, &Default::default())?)
}

/// Reads a story and runs the whole pipeline: claims, matches, graph.
pub fn check_report(story: &Path) -> anyhow::Result<Report> {
    Ok(crosscheck_pipeline::check(story, &Default::default())?)
}
