//! The `crosscheck` command line, as a library so integration tests can
//! call [`run`] directly.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use crosscheck_core::{Report, SCHEMA_VERSION};
use rayon::prelude::*;

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
    let loaded = crosscheck_text::load_story(story, &Default::default())?;
    let opts = crosscheck_extract::ExtractOptions::default();
    let per_doc: Vec<_> = loaded.documents.par_iter().map(|d| crosscheck_extract::extract(d, &opts)).collect();
    let mut diagnostics = loaded.diagnostics.clone();
    let mut claims = Vec::new();
    for (c, d) in per_doc {
        claims.extend(c);
        diagnostics.extend(d);
    }
    Ok(Report {
        schema_version: SCHEMA_VERSION.to_string(),
        generator: format!("crosscheck {}", env!("CARGO_PKG_VERSION")),
        story: loaded.path.clone(),
        articles: loaded.documents.iter().map(|d| d.article.clone()).collect(),
        claims,
        edges: Vec::new(),
        clusters: Vec::new(),
        disputes: Vec::new(),
        derivations: Vec::new(),
        diagnostics,
    })
}

/// Reads a story and runs the whole pipeline: claims, matches, graph.
pub fn check_report(story: &Path) -> anyhow::Result<Report> {
    let mut report = extract_report(story)?;
    let model = crosscheck_match::Model::embedded()?;
    let prepared: Vec<_> = report.claims.par_iter().map(crosscheck_match::prepare).collect();
    let article_of: Vec<usize> = {
        let ids: std::collections::BTreeMap<&crosscheck_core::ArticleId, usize> =
            report.articles.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
        report.claims.iter().map(|c| ids.get(&c.article).copied().unwrap_or(0)).collect()
    };
    let candidates = crosscheck_match::candidates(&prepared, &article_of);
    let pairs: Vec<crosscheck_graph::ScoredPair> = candidates
        .par_iter()
        .filter_map(|&(a, b)| {
            let d = crosscheck_match::decide(&model, &prepared[a], &prepared[b]);
            d.kind.map(|kind| crosscheck_graph::ScoredPair { a, b, kind, score: d.score, rule: d.rule, features: d.features })
        })
        .collect();
    let analysis = crosscheck_graph::analyse(&report.articles, &report.claims, &pairs, &Default::default());
    report.edges = analysis.edges;
    report.clusters = analysis.clusters;
    report.disputes = analysis.disputes;
    report.derivations = analysis.derivations;
    Ok(report)
}
