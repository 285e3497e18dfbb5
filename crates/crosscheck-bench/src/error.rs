//! Typed errors of the generator and the bench harness.

use std::path::PathBuf;

/// Why a corpus could not be read, a story written or a measurement taken.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The shared corpora folder is not where it was looked for.
    #[error(
        "corpora not found at {path}: the generator reads real sentences from the shared corpora \
         (FNC-1, ECB+, MRPC, STS Benchmark); run from /work/main so that ../shared/corpora exists, \
         or pass --corpora DIR"
    )]
    MissingCorpora {
        /// The folder that was expected.
        path: PathBuf,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A CSV corpus file is malformed.
    #[error("{path}: {source}")]
    Csv {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: csv::Error,
    },
    /// The corpora gave too few sentences to build a story.
    #[error("the corpora gave only {found} usable {what}; at least {needed} are needed")]
    TooFewSentences {
        /// What was counted.
        what: &'static str,
        /// How many were found.
        found: usize,
        /// How many are needed.
        needed: usize,
    },
    /// A generation setting is out of range.
    #[error("invalid setting: {0}")]
    Config(String),
    /// The pipeline failed on a story.
    #[error(transparent)]
    Pipeline(#[from] crosscheck_pipeline::PipelineError),
    /// A child measurement process failed or printed something unreadable.
    #[error("measurement child failed: {0}")]
    Child(String),
    /// JSON could not be written or read.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The report could not be written.
    #[error(transparent)]
    Report(#[from] crosscheck_report::ReportError),
}

impl BenchError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> BenchError {
        BenchError::Io { path: path.into(), source }
    }
}
