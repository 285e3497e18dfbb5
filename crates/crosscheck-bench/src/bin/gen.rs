//! `gen`: writes a synthetic story of N articles built from the shared corpora.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use crosscheck_bench::cli::{exit_code, GenArgs};
use crosscheck_bench::corpora::{default_corpora_dir, load_pools};
use crosscheck_bench::{generate, write_story, BenchError, StoryFormat};

/// Build a synthetic story from real corpus sentences.
#[derive(Debug, Parser)]
#[command(name = "gen", about)]
struct Cli {
    /// Where to write the story (a directory, or a .jsonl file with --format jsonl).
    out: PathBuf,
    /// Number of articles.
    #[arg(short = 'n', long, default_value_t = 1000)]
    articles: usize,
    /// Directory or JSON Lines.
    #[arg(long, value_enum, default_value_t = StoryFormat::Dir)]
    format: StoryFormat,
    /// The shared corpora folder.
    #[arg(long, default_value_os_t = default_corpora_dir())]
    corpora: PathBuf,
    #[command(flatten)]
    story: GenArgs,
}

fn main() -> ExitCode {
    exit_code(run(Cli::parse()))
}

fn run(cli: Cli) -> Result<(), BenchError> {
    let pools = load_pools(&cli.corpora)?;
    eprintln!(
        "pools: {} filler sentences, {} paraphrase pairs, {} headlines",
        pools.filler.len(),
        pools.pairs.len(),
        pools.headlines.len()
    );
    let story = generate(&pools, &cli.story.config(cli.articles))?;
    write_story(&story, &cli.out, cli.format)?;
    println!("{}", serde_json::to_string(&story.stats)?);
    Ok(())
}
