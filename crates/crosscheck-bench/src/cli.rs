//! Command-line pieces shared by the `gen` and `bench` binaries and the
//! profiling examples: the story settings as flags, and how a front end
//! turns an error into an exit code.

use std::fmt::Display;
use std::process::ExitCode;

use clap::Args;

use crate::error::BenchError;
use crate::generate::GenConfig;

/// The story settings, as flags; defaults are [`GenConfig::default`].
#[derive(Debug, Clone, Args)]
pub struct GenArgs {
    /// Seed of the random stream.
    #[arg(long, default_value_t = GenConfig::default().seed)]
    pub seed: u64,
    /// Share of body sentences that mention a shared fact.
    #[arg(long, default_value_t = GenConfig::default().shared_share)]
    pub shared_share: f64,
    /// Average number of articles mentioning a shared fact.
    #[arg(long, default_value_t = GenConfig::default().mean_mentions)]
    pub mean_mentions: f64,
    /// Share of shared facts drawn from MRPC/STS paraphrase pairs.
    #[arg(long, default_value_t = GenConfig::default().paraphrase_fact_share)]
    pub paraphrase_fact_share: f64,
    /// Share of mentions (of facts with a number) whose number is changed.
    #[arg(long, default_value_t = GenConfig::default().changed_number_share)]
    pub changed_number_share: f64,
    /// Share of articles that are rewritten copies with a credit line.
    #[arg(long, default_value_t = GenConfig::default().rewrite_share)]
    pub rewrite_share: f64,
    /// Number of distinct outlets.
    #[arg(long, default_value_t = GenConfig::default().outlets)]
    pub outlets: usize,
}

impl GenArgs {
    /// The generator settings for `articles` articles.
    pub fn config(&self, articles: usize) -> GenConfig {
        GenConfig {
            articles,
            seed: self.seed,
            shared_share: self.shared_share,
            mean_mentions: self.mean_mentions,
            paraphrase_fact_share: self.paraphrase_fact_share,
            changed_number_share: self.changed_number_share,
            rewrite_share: self.rewrite_share,
            outlets: self.outlets,
            ..GenConfig::default()
        }
    }
}

/// The exit code of a binary whose work returned `result`: success, or the
/// error printed to standard error as `error: …` and exit code 2.
pub fn exit_code(result: Result<(), BenchError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The value of `result`, or, for the profiling examples, which stop at
/// the first failure: the error printed to standard error and the process
/// ended with exit code 1.
pub fn or_exit<T, E: Display>(result: Result<T, E>) -> T {
    match result {
        Ok(value) => value,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
