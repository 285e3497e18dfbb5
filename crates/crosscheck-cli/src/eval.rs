//! `crosscheck eval`: the evaluation harness of `crosscheck-eval` behind
//! the command line, printing its table and failing when a figure falls
//! below its floor.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosscheck_eval::harness::{self, HarnessOptions};

use crate::output::{write_stdout, Console};

/// What `eval` was asked to measure.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Every measure.
    pub all: bool,
    /// The quick set.
    pub quick: bool,
    /// A gold file and the story it annotates.
    pub gold: Option<(PathBuf, PathBuf)>,
    /// The shared data folder, instead of `../shared`.
    pub shared: Option<PathBuf>,
    /// Markdown blocks instead of the terminal table.
    pub markdown: bool,
}

impl Request {
    /// The harness options for this request and pipeline settings.
    pub fn options(&self, pipeline: crosscheck_pipeline::Options) -> HarnessOptions {
        let mut opts = if self.all {
            HarnessOptions::all()
        } else if self.quick {
            HarnessOptions::quick()
        } else {
            HarnessOptions::none()
        };
        if let Some((gold, story)) = &self.gold {
            opts = opts.with_gold(gold, story);
        }
        if let Some(shared) = &self.shared {
            opts.shared = shared.clone();
        }
        opts.pipeline = pipeline;
        opts.command = Some(self.command_line());
        opts
    }

    /// The command recorded beside each figure.
    fn command_line(&self) -> String {
        let mut c = String::from("crosscheck eval");
        if self.all {
            c.push_str(" --all");
        } else if self.quick {
            c.push_str(" --quick");
        }
        if let Some((gold, story)) = &self.gold {
            c.push_str(&format!(" --gold {} --story {}", gold.display(), story.display()));
        }
        c
    }
}

/// Runs the harness and prints its table; exit code 1 when a figure is
/// below its floor.
pub fn run(request: &Request, pipeline: crosscheck_pipeline::Options, console: &Console) -> anyhow::Result<ExitCode> {
    let opts = request.options(pipeline);
    console.detail(&format!("evaluating ({}) with data from {}", opts.mode(), opts.shared.display()));
    let table = harness::run(&opts).context("the evaluation could not run")?;
    let text = if request.markdown { table.markdown() } else { table.terminal() };
    write_stdout(&text)?;
    let below = table.below_floor();
    if below.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for row in below {
        eprintln!("below floor: {} = {} (floor {})", row.key, row.shown(), row.floor_shown());
    }
    Ok(ExitCode::from(crate::EXIT_PARTIAL))
}
